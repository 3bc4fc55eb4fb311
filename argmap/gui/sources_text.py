"""The read-only text of one source document, with the spans nodes quote highlighted.

Spans are character offsets into the document's Python string; Qt counts
UTF-16 code units and turns a ``\\r\\n`` pair into one paragraph break, so
:class:`OffsetMap` translates between the two.
"""

from bisect import bisect_left
from functools import cache
from typing import NamedTuple

from PySide6.QtCore import QEvent, QSize, Qt, Signal
from PySide6.QtGui import QColor, QTextCharFormat, QTextCursor
from PySide6.QtWidgets import QApplication, QPlainTextEdit, QTextEdit, QToolTip

from argmap.gui.plain import tooltip
from argmap.render.style import KIND_STYLE
from argmap.sources import split_sentences

#: Share of the border colour mixed into the fill of the current node's spans.
CURRENT_MIX = 0.35
#: Size the text asks for, so that a document reads comfortably in a side dock.
PREFERRED_SIZE = (400, 420)


class Highlight(NamedTuple):
    """A span of the shown document that a node quotes."""

    start: int
    end: int
    node: str
    kind: str
    label: str = ""


def _qt_width(text, index):
    """How many Qt positions the character at *index* of *text* takes."""
    char = text[index]
    if char == "\r" and text[index + 1 : index + 2] == "\n":
        return 0
    return 2 if ord(char) > 0xFFFF else 1


class OffsetMap:
    """Translate offsets in a Python string to positions in a QTextDocument and back.

    Parameters
    ----------
    text : str
        The text shown, exactly as given.

    Example
    -------
    >>> m = OffsetMap("a\\r\\nb")
    >>> m.to_qt(3), m.to_text(2)
    (2, 3)
    """

    def __init__(self, text):
        self.length = len(text)
        self.starts = None
        if "\r" in text or any(ord(c) > 0xFFFF for c in text):
            self.starts = [0]
            for index in range(len(text)):
                self.starts.append(self.starts[-1] + _qt_width(text, index))

    def to_qt(self, offset):
        """Return the Qt position of text offset *offset*."""
        offset = max(0, min(offset, self.length))
        return offset if self.starts is None else self.starts[offset]

    def to_text(self, position):
        """Return the text offset at Qt position *position*."""
        if self.starts is None:
            return max(0, min(position, self.length))
        return min(bisect_left(self.starts, max(0, position)), self.length)


def strip_range(text, start, end):
    """Return ``(start, end)`` narrowed so that ``text[start:end]`` has no outer white space.

    Example
    -------
    >>> strip_range("  two words \\n", 0, 13)
    (2, 11)
    """
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def mix(first, second, share):
    """Return the colour *share* of the way from *first* to *second*."""
    a, b = QColor(first), QColor(second)
    return QColor(
        *(
            round(x + (y - x) * share)
            for x, y in ((a.red(), b.red()), (a.green(), b.green()), (a.blue(), b.blue()))
        )
    )


@cache
def highlight_format(kind, current=False):
    """Return the character format of a span quoted by a node of *kind* (shared: do not change)."""
    style = KIND_STYLE[kind]
    fmt = QTextCharFormat()
    fmt.setForeground(QColor(style["text"]))  # dark text on a light fill, in any palette
    if current:
        fmt.setBackground(mix(style["fill"], style["border"], CURRENT_MIX))
        fmt.setUnderlineStyle(QTextCharFormat.SingleUnderline)
        fmt.setUnderlineColor(QColor(style["border"]))
    else:
        fmt.setBackground(QColor(style["fill"]))
        fmt.setUnderlineStyle(QTextCharFormat.DotLine)
        fmt.setUnderlineColor(QColor(style["border"]))
    return fmt


class SourceText(QPlainTextEdit):
    """A document's text, read-only, with highlighted spans that select their nodes."""

    highlight_clicked = Signal(str)  # node id

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setObjectName("source-text")
        self.setReadOnly(True)
        self.setTextInteractionFlags(Qt.TextSelectableByMouse | Qt.TextSelectableByKeyboard)
        self.setLineWrapMode(QPlainTextEdit.WidgetWidth)
        self.setPlaceholderText(
            "This map has no source documents yet. Use File > Import Document… to add one."
        )
        self.text = ""
        self.offsets = OffsetMap("")
        self.highlights = []
        self._plain = []
        self.current_node = None
        self.context_actions = []
        self._sentences = None
        self._press = None

    def sizeHint(self):
        return QSize(*PREFERRED_SIZE)

    # ------------------------------------------------------------ content
    def show_text(self, text):
        """Show *text* exactly as given; drop the highlights."""
        self.text = text
        self.offsets = OffsetMap(text)
        self._sentences = None
        self.highlights, self._plain = [], []
        self.setPlainText(text)
        self._paint_highlights()

    def set_highlights(self, highlights, current_node=None):
        """Highlight the spans *highlights*; those of *current_node* stand out."""
        self.highlights = sorted(highlights, key=lambda h: (h.start - h.end, h.start))
        self._plain = [(h, self._selection(h, False)) for h in self.highlights]
        self.current_node = current_node
        self._paint_highlights()

    def set_current(self, node_id):
        """Make the spans of *node_id* the current ones (None for none)."""
        if node_id != self.current_node:
            self.current_node = node_id
            self._paint_highlights()

    def _paint_highlights(self):
        current = self.current_node
        selections = [s for h, s in self._plain if h.node != current]
        selections += [self._selection(h, True) for h in self.highlights if h.node == current]
        self.setExtraSelections(selections)

    def _selection(self, highlight, current):
        selection = QTextEdit.ExtraSelection()
        selection.cursor = self.cursor_for(highlight.start, highlight.end)
        selection.format = highlight_format(highlight.kind, current)
        return selection

    # ------------------------------------------------------ text offsets
    def cursor_for(self, start, end=None):
        """Return a text cursor at text offset *start*, selecting up to *end* if given."""
        cursor = QTextCursor(self.document())
        cursor.setPosition(self.offsets.to_qt(start))
        if end is not None:
            cursor.setPosition(self.offsets.to_qt(end), QTextCursor.KeepAnchor)
        return cursor

    def selected_range(self):
        """Return the selection as text offsets ``(start, end)``, outer white space left out.

        Returns ``None`` when nothing but white space is selected.
        """
        cursor = self.textCursor()
        start = self.offsets.to_text(cursor.selectionStart())
        end = self.offsets.to_text(cursor.selectionEnd())
        start, end = strip_range(self.text, start, end)
        return (start, end) if start < end else None

    def select_range(self, start, end):
        """Select the text from offset *start* to *end*."""
        self.setTextCursor(self.cursor_for(start, end))

    def scroll_to(self, start, end):
        """Scroll so that the span *start*-*end* is in view, its start near the middle."""
        self.setTextCursor(self.cursor_for(start))
        self.centerCursor()

    def highlights_at(self, offset):
        """Return the highlights covering text offset *offset*, innermost first."""
        inside = [h for h in self.highlights if h.start <= offset < h.end]
        return sorted(inside, key=lambda h: (h.end - h.start, h.node != self.current_node))

    def offset_at(self, point):
        """Return the text offset of the character at viewport *point*."""
        return self.offsets.to_text(self.cursorForPosition(point).position())

    # ------------------------------------------------------- sentences
    def sentence_at(self, offset):
        """Return ``(start, end)`` of the sentence holding *offset*, or None."""
        if self._sentences is None:
            self._sentences = split_sentences(self.text)
        for start, end in self._sentences:
            if start <= offset < end:
                return start, end
        return None

    def select_sentence_at(self, offset):
        """Select the sentence holding *offset*; return whether there was one."""
        sentence = self.sentence_at(offset)
        if sentence is not None:
            self.select_range(*sentence)
        return sentence is not None

    # ----------------------------------------------------------- mouse
    def mousePressEvent(self, event):
        point = event.position().toPoint()
        alt_click = event.button() == Qt.LeftButton and event.modifiers() & Qt.AltModifier
        if alt_click and self.select_sentence_at(self.offset_at(point)):
            self._press = None
            event.accept()
            return
        self._press = point if event.button() == Qt.LeftButton else None
        super().mousePressEvent(event)

    def mouseReleaseEvent(self, event):
        super().mouseReleaseEvent(event)
        press, self._press = self._press, None
        point = event.position().toPoint()
        if (
            press is None
            or event.button() != Qt.LeftButton
            or self.textCursor().hasSelection()
            or (point - press).manhattanLength() > QApplication.startDragDistance()
        ):
            return
        found = self.highlights_at(self.offset_at(point))
        if found:
            self.highlight_clicked.emit(found[0].node)

    def viewportEvent(self, event):
        if event.type() == QEvent.ToolTip:
            found = self.highlights_at(self.offset_at(event.pos()))
            if found:
                QToolTip.showText(
                    event.globalPos(),
                    tooltip("\n".join(h.label for h in found[:3])),
                    self.viewport(),
                )
            else:
                QToolTip.hideText()
            return True
        return super().viewportEvent(event)

    def context_menu(self, point):
        """Return the context menu for viewport *point*: source actions, then copying."""
        menu = self.createStandardContextMenu(point)
        menu.setObjectName("source-context-menu")
        first = menu.actions()[0] if menu.actions() else None
        for action in self.context_actions:
            menu.insertAction(first, action)
        sentence = menu.addAction("Select &Sentence")
        offset = self.offset_at(point)
        sentence.setEnabled(self.sentence_at(offset) is not None)
        sentence.triggered.connect(lambda: self.select_sentence_at(offset))
        menu.insertSeparator(first)
        return menu

    def contextMenuEvent(self, event):
        menu = self.context_menu(event.pos())
        menu.exec(event.globalPos())
        menu.deleteLater()
