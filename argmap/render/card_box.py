"""A card's size and where its lines go, measured by argmap rather than by Graphviz.

A map drawn as arranged is drawn twice from the same boxes: argmap writes the
SVG itself (:mod:`argmap.render.svg`) and hands Graphviz the DOT of the same
cards with their sizes fixed (PNG and PDF), so both pictures have the same
cards in the same places. The lines are those of :func:`argmap.render.cards.card_text`
(the DOT label shows the same ones), their widths come from
:mod:`argmap.render.measure`, and the vertical metrics below are the ones
Graphviz gives argmap's HTML-like card label (``tests/render/test_card_box.py``
compares the two), so a card is as large, and its text where it would be, as
in a picture Graphviz lays out.
"""

from __future__ import annotations

import math
from collections.abc import Iterator
from dataclasses import dataclass

from argmap.render import style
from argmap.render.cards import Card, CardText, card_text
from argmap.render.measure import text_width
from argmap.render.style import CARD_WIDTH

#: Graphviz's default node height (0.5 inch): no card is lower.
MIN_HEIGHT = 36.0
#: The node margin of the DOT writer (``margin="0.14,0.08"`` inches) and the label's cell padding.
MARGIN_X, MARGIN_Y = 10.08, 5.76
CELL_PADDING = 1.0

#: Height of a card holding one line of statement and nothing else.
ONE_LINE = 26.0
#: What the header row adds; what each further statement line adds; the distance
#: between header baselines (a second header line adds a point less than that).
HEADER_ROW, BODY_STEP, HEADER_STEP = 11.0, 12.0, 8.0
#: What the citation adds for one, two, and each further line.
CITATION_ONE, CITATION_TWO, CITATION_STEP = 12.0, 20.0, 9.0
#: Baselines, from the card's top: the header; the first statement line with and
#: without a header; the first citation line below the last statement line.
HEADER_BASELINE, BODY_BASELINE, BODY_BASELINE_UNDER_HEADER = 12.9, 15.8, 27.3
CITATION_GAP = 11.4
#: Between the header and its rating: a space and a no-break space.
RATING_GAP = " \u00a0"


@dataclass(frozen=True)
class CardBox:
    """One card's text and size, in points.

    Attributes
    ----------
    text : CardText
        The lines (see :func:`argmap.render.cards.card_text`).
    width, height : float
        The card's outline.
    label_width : float
        The width of the block of text (the widest line and its padding); it is
        centred in the card as Graphviz centres a label.
    """

    text: CardText
    width: float
    height: float
    label_width: float

    @property
    def text_left(self) -> float:
        """Where the lines start, from the card's left."""
        return (self.width - self.label_width) / 2 + CELL_PADDING

    def lines(self) -> Iterator[tuple[str, float, float, str]]:
        """Yield ``(role, x, y, text)`` of every line, x and y from the card's top left.

        *role* is ``header``, ``rating``, ``body`` or ``citation``; *y* is the
        line's baseline.
        """
        shown = self.text
        x = self.text_left
        y = (self.height - natural_height(shown)) / 2
        for number, line in enumerate(shown.header):
            yield "header", x, y + HEADER_BASELINE + number * HEADER_STEP, line
        if shown.header and shown.rating:
            last = len(shown.header) - 1
            rating_x = x + _header_width(shown.header[-1]) + _small_width(RATING_GAP)
            yield "rating", rating_x, y + HEADER_BASELINE + last * HEADER_STEP, shown.rating
        y += _header_extra(shown)
        y += BODY_BASELINE_UNDER_HEADER if shown.header else BODY_BASELINE
        for line in shown.body:
            yield "body", x, y, line
            y += BODY_STEP
        y += CITATION_GAP - BODY_STEP
        for line in shown.citation:
            yield "citation", x, y, line
            y += CITATION_STEP


def card_box(card: Card, headers: bool = True) -> CardBox:
    """Return the :class:`CardBox` of a :class:`~argmap.render.cards.Card`."""
    shown = card_text(card, headers)
    widest = max(_body_width(line) for line in shown.body)
    if shown.header:
        last = _header_width(shown.header[-1])
        if shown.rating:
            last += _small_width(RATING_GAP + shown.rating)
        widest = max(widest, last, *(_header_width(line) for line in shown.header[:-1]))
    if shown.citation:
        widest = max(widest, max(_citation_width(line) for line in shown.citation))
    label_width = widest + 2 * CELL_PADDING
    width = max(CARD_WIDTH, math.ceil(label_width + 2 * MARGIN_X))
    height = max(MIN_HEIGHT, natural_height(shown))
    return CardBox(shown, float(width), height, label_width)


def natural_height(shown: CardText) -> float:
    """The height of a card showing the lines *shown*, before the minimum height."""
    height = ONE_LINE + BODY_STEP * (len(shown.body) - 1)
    if shown.header:
        height += HEADER_ROW + _header_extra(shown)
    count = len(shown.citation)
    if count:
        height += CITATION_ONE if count == 1 else CITATION_TWO + CITATION_STEP * (count - 2)
    return height


def _header_extra(shown: CardText) -> float:
    """What the header's lines after its first add to a card's height."""
    return HEADER_STEP * (len(shown.header) - 1) - 1 if len(shown.header) > 1 else 0.0


def _body_width(line: str) -> float:
    return text_width(line, style.FONT_SIZE)


def _header_width(text: str) -> float:
    return text_width(text, style.HEADER_FONT_SIZE, "bold")


def _small_width(text: str) -> float:
    return text_width(text, style.HEADER_FONT_SIZE)


def _citation_width(line: str) -> float:
    return text_width(line, style.CITATION_FONT_SIZE, "italic")
