"""How wide a line of card text is, in points, as Graphviz measures it.

argmap sizes the cards of a map drawn as arranged itself (see
:mod:`argmap.render.card_box`), with the advance widths of DejaVu Sans kept in
:mod:`argmap.render.font_widths`. Graphviz measures text through Pango at
96 dpi with hinted metrics, which rounds every glyph's advance to a whole
pixel; :func:`text_width` does the same, so that a card argmap sizes is the
card Graphviz would draw. A character DejaVu Sans lacks is measured as a
fallback font would draw it: wide (CJK, emoji) a whole em, a combining mark
nothing, anything else 0.6 em.
"""

import functools
import unicodedata

from argmap.render import font_widths

FACES = ("regular", "bold", "italic")
#: Graphviz's text resolution: glyph advances are whole pixels at this many dpi.
PIXELS_PER_INCH = 96
_POINTS_PER_PIXEL = 72 / PIXELS_PER_INCH


def _parse(encoded):
    """``{character: advance in font units}`` from the run encoding of font_widths."""
    widths = {}
    for run in encoded.split(";"):
        first, values = run.split(":")
        code = int(first, 16)
        for value in values.split(","):
            width, _, count = value.partition("*")
            for _ in range(int(count or 1)):
                widths[chr(code)] = int(width)
                code += 1
    return widths


class _Face:
    """One face's advances (font units) and, per size, the widths of words already measured."""

    def __init__(self, name):
        self.units = _parse(getattr(font_widths, name.upper()))
        if name == "italic":  # kept as what differs from the upright face
            self.units = {**_face("regular").units, **self.units}
        self.per_em = font_widths.UNITS_PER_EM
        self.sizes = {}

    def words(self, size):
        table = self.sizes.get(size)
        if table is None:
            table = self.sizes[size] = _Words(self, size)
        return table


class _Words(dict):
    """``{word: width in points}`` at one size, filled as words are first asked for."""

    LIMIT = 100_000

    def __init__(self, face, size):
        super().__init__()
        self.face, self.size = face, size
        self.pixels_per_unit = size / _POINTS_PER_PIXEL / face.per_em
        self.chars = {}
        self.space = self._char(" ")

    def __missing__(self, word):
        width = sum(self._char(char) for char in word)
        if len(self) < self.LIMIT:
            self[word] = width
        return width

    def _char(self, char):
        width = self.chars.get(char)
        if width is None:
            units = self.face.units.get(char)
            if units is None:
                units = _fallback(char) * self.face.per_em
            width = self.chars[char] = round(units * self.pixels_per_unit) * _POINTS_PER_PIXEL
        return width


def _fallback(char):
    """The advance, in ems, of a character DejaVu Sans does not have."""
    if unicodedata.combining(char):
        return 0.0
    if unicodedata.east_asian_width(char) in ("W", "F"):
        return 1.0
    return 0.6


@functools.cache
def _face(name):
    if name not in FACES:
        raise ValueError(f"unknown face {name!r}; expected one of {', '.join(FACES)}")
    return _Face(name)


def text_width(text, size, face="regular"):
    """Return the width in points of one line of *text* at *size* points in *face*.

    Example
    -------
    >>> text_width("WWW", 11)
    33.75
    """
    words = _face(face).words(size)
    parts = text.split(" ")
    return sum(map(words.__getitem__, parts)) + words.space * (len(parts) - 1)
