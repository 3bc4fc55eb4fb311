"""The type of a card: its fonts, their metrics, and text wrapped to a card's width.

Fonts and metrics are made once per process (:func:`card_type`), and each word
is measured once (its width remembered), so laying out thousands of cards
measures few words.
"""

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QFontInfo, QFontMetricsF

from argmap.render.style import FONT_FAMILY, FONT_SIZE

#: Lines of a statement shown on a card; the last is elided.
MAX_LINES = 14
#: Words whose widths are remembered, at most.
WIDTHS_KEPT = 200_000
#: Text smaller than this on screen (pixels, the body font's size) is not drawn: a card is
#: then a plain box in its colours, and a link a thin straight line.
TEXT_MIN_PX = 4.0


class CardType:
    """The body, header and citation fonts of a card with their metrics and line heights."""

    def __init__(self):
        self.body = QFont(FONT_FAMILY)
        self.body.setPointSizeF(FONT_SIZE - 1)
        self.header = QFont(FONT_FAMILY)
        self.header.setPointSizeF(FONT_SIZE - 3.5)
        self.header.setBold(True)
        self.citation = QFont(self.body)
        self.citation.setItalic(True)
        self.citation.setPointSizeF(self.body.pointSizeF() - 1.5)
        self.body_metrics = QFontMetricsF(self.body)
        self.header_metrics = QFontMetricsF(self.header)
        self.citation_metrics = QFontMetricsF(self.citation)
        self.line_height = self.body_metrics.lineSpacing()
        self.header_height = self.header_metrics.lineSpacing() + 3
        #: Below this zoom the body text would be under TEXT_MIN_PX pixels.
        self.sketch_below = TEXT_MIN_PX / QFontInfo(self.body).pixelSize()
        self.widths = {}


_type = []


def card_type():
    """The one :class:`CardType` of the process (made when first needed)."""
    if not _type:
        _type.append(CardType())
    return _type[0]


def word_width(word):
    """Width of *word* in the card's body font (remembered)."""
    kind = card_type()
    width = kind.widths.get(word)
    if width is None:
        width = kind.body_metrics.horizontalAdvance(word)
        if len(kind.widths) < WIDTHS_KEPT:
            kind.widths[word] = width
    return width


def wrap_text(text, width, max_lines=MAX_LINES):
    """Break *text* into lines of the body font that fit *width*; elide past *max_lines*.

    Widths are summed word by word (each word measured once per process), so
    a card is laid out without measuring every candidate line.
    """
    space, lines = word_width(" "), []
    for paragraph in text.split("\n") or [""]:
        line, used = "", 0.0
        for word in paragraph.split(" "):
            size = word_width(word)
            if line and used + space + size <= width:
                line, used = f"{line} {word}", used + space + size
                continue
            if line:
                lines.append(line)
            line, used = _break_long(word, size, width, lines)
        lines.append(line)
    if len(lines) > max_lines:
        lines = lines[:max_lines]
        lines[-1] = card_type().body_metrics.elidedText(lines[-1] + " …", Qt.ElideRight, width)
    return lines


def _break_long(word, size, width, lines):
    """Start a line with *word*, cutting a word wider than a line into pieces that fit."""
    metrics = card_type().body_metrics
    while size > width and len(word) > 1:
        cut = max(1, int(len(word) * width / size) - 1)
        lines.append(word[:cut])
        word = word[cut:]
        size = metrics.horizontalAdvance(word)
    return word, size
