"""Making user text safe and tidy for Graphviz's HTML-like labels.

Every piece of user text (a node's statement, speaker, citation, the map's
title) reaches Graphviz cleaned (:func:`clean`, :func:`text_lines`, :func:`one_line`)
and escaped (:func:`escape_html`, :func:`html_rows`): control characters are removed,
long texts are cut with an ellipsis, lines are wrapped, and the result is escaped so
that Graphviz shows it literally.

Graphviz replaces ``\\N``, ``\\G``, ``\\E``, ``\\H``, ``\\T`` and ``\\L`` by
object names even inside HTML-like labels, and it decodes ``&#92;`` before
doing so. A backslash followed by one of those letters is therefore split
into two text spans (``\\<FONT>N</FONT>``), which Graphviz draws as the same
two characters without substituting anything.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

#: Longest statement shown on a card (characters); longer ones end in an ellipsis.
MAX_TEXT_CHARS = 480
#: Longest header or citation shown (characters).
MAX_SHORT_CHARS = 120
ELLIPSIS = "\u2026"

# C0 controls except tab and newline, DEL, C1 controls, lone surrogates,
# and the two non-characters U+FFFE/U+FFFF: none can be drawn, some break
# Graphviz or the UTF-8 encoding.
_UNSAFE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff]")
_SPACES = re.compile(r"[ \t\r\f\v\u00a0]+")
_SUBSTITUTED = re.compile(r"\\([GNEHTL])")
# "]" is written as a character reference: Graphviz's label lexer fails on a text of
# exactly "]" and on "]]" (it takes them for the end of a CDATA section).
_HTML = (
    ("&", "&amp;"),
    ("<", "&lt;"),
    (">", "&gt;"),
    ('"', "&quot;"),
    ("'", "&#39;"),
    ("]", "&#93;"),
)


def clean(text: object) -> str:
    """Return *text* without characters Graphviz cannot take.

    Control characters (other than newline and tab), lone surrogates and
    non-characters are removed; ``\\r\\n`` and ``\\r`` become newlines.

    Example
    -------
    >>> clean("a\\x00b\\x07c")
    'abc'
    """
    if isinstance(text, str):
        shown = text
    else:
        shown = "" if text is None else str(text)
    if shown.isprintable():  # the common case: nothing to remove (every unsafe one is unprintable)
        return shown
    shown = shown.replace("\r\n", "\n").replace("\r", "\n")
    return _UNSAFE.sub("", shown)


def shorten(text: str, limit: int) -> str:
    """Cut *text* to at most *limit* characters, ending in an ellipsis when cut.

    Example
    -------
    >>> shorten("one two three", 8)
    'one two\u2026'
    """
    if len(text) <= limit:
        return text
    cut = text[: limit - 1]
    space = cut.rfind(" ")
    if not text[limit - 1].isspace() and space > limit // 2:
        cut = cut[:space]  # do not end in half a word
    return cut.rstrip() + ELLIPSIS


def counted(count: int, noun: str, plural: str | None = None) -> str:
    """Return *count* and *noun*, the noun in the plural (``noun + "s"``, or *plural*)
    unless the count is one: how argmap's messages count things.

    Example
    -------
    >>> counted(1, "node"), counted(0, "link"), counted(2, "copy", "copies")
    ('1 node', '0 links', '2 copies')
    """
    return f"{count} {noun if count == 1 else plural or noun + 's'}"


def wrap(text: str, width: int) -> list[str]:
    """Split *text* into lines of at most *width* characters.

    Words longer than *width* are broken; newlines in *text* start new lines;
    runs of spaces collapse to one.

    Example
    -------
    >>> wrap("Encryption protects journalists and their sources", 20)
    ['Encryption protects', 'journalists and', 'their sources']
    """
    lines: list[str] = []
    for paragraph in text.split("\n"):
        paragraph = _single_spaced(paragraph)
        if paragraph:
            _wrap_paragraph(paragraph, width, lines)
        elif not lines:
            lines.append("")
    return lines


def _single_spaced(paragraph: str) -> str:
    """*paragraph* stripped, each run of spaces (tabs, no-break spaces) as one space."""
    if not paragraph.isprintable() or "  " in paragraph:  # tabs and U+00A0 are unprintable
        paragraph = _SPACES.sub(" ", paragraph)
    return paragraph.strip()


def _wrap_paragraph(paragraph: str, width: int, lines: list[str]) -> None:
    """Append the lines of a stripped, single-spaced *paragraph* to *lines*: each line holds
    as many whole words as fit in *width*, and a longer word is cut into pieces of *width*."""
    start, end = 0, len(paragraph)
    while end - start > width:
        cut = paragraph.rfind(" ", start, start + width + 1)
        if cut < 0:  # the word at start is longer than a line
            lines.append(paragraph[start : start + width])
            start += width
        else:
            lines.append(paragraph[start:cut])
            start = cut + 1
    lines.append(paragraph[start:])


def escape_html(text: str) -> str:
    """Escape cleaned *text* for an HTML-like label, keeping it literal.

    Example
    -------
    >>> escape_html('<b>"x" & \\\\N</b>')
    '&lt;b&gt;&quot;x&quot; &amp; \\\\<FONT>N</FONT>&lt;/b&gt;'
    """
    for char, entity in _HTML:
        if char in text:
            text = text.replace(char, entity)
    if "\\" in text:
        text = _SUBSTITUTED.sub(r"\\<FONT>\1</FONT>", text)
    return text


def one_line(text: object, limit: int = MAX_SHORT_CHARS) -> str:
    """Return user *text* cleaned, on one line (runs of white space as one space), cut at *limit*.

    Example
    -------
    >>> one_line("a\\n  b\\x00c")
    'a bc'
    """
    return shorten(" ".join(clean(text).split()), limit)


def text_lines(text: object, width: int, limit: int = MAX_TEXT_CHARS) -> list[str]:
    """Return user *text* cleaned, cut at *limit* characters and wrapped at *width*: the lines
    a card shows, whichever writer draws them."""
    return wrap(shorten(clean(text).strip(), limit), width)


def html_rows(lines: Sequence[str], separator: str = "<BR/>") -> str:
    """Return cleaned *lines* escaped and joined by *separator*."""
    return escape_html("\n".join(lines)).replace("\n", separator)


def html_lines(
    text: object, width: int, limit: int = MAX_TEXT_CHARS, separator: str = "<BR/>"
) -> str:
    """Return user *text* cleaned, cut, wrapped at *width*, escaped, lines joined by *separator*."""
    return html_rows(text_lines(text, width, limit), separator)
