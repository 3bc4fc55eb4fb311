"""Typing a card's text in place, at a readable size whatever the zoom.

Enter commits and adds a sibling, Tab commits and adds a premise (a reason),
Ctrl+Enter or a click elsewhere commits only, Shift+Enter breaks the line,
Esc cancels.
"""

from PySide6.QtCore import QEvent, QRect, Qt, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QPlainTextEdit

from argmap.render.style import FONT_FAMILY, FONT_SIZE

#: Smallest size of the text being typed (pixels), and of the editor itself.
MIN_TEXT_PX = 14
MIN_WIDTH, MIN_LINES = 280, 3
#: What the editor's keys do after committing: key -> "then" word.
THEN = {Qt.Key_Tab: "child", Qt.Key_Return: "sibling", Qt.Key_Enter: "sibling"}


class InlineEditor(QPlainTextEdit):
    """A text box over a card; ``committed(node id, text, then)`` with then "" / child / sibling."""

    committed = Signal(str, str, str)
    cancelled = Signal(str)  # node id

    def __init__(self, parent, node_id, text, zoom):
        super().__init__(parent)
        self.node_id = node_id
        self.setObjectName("inline-editor")
        self.setFont(editor_font(zoom))
        self.setPlainText(text)
        self.selectAll()
        self.setFrameShape(QPlainTextEdit.Box)
        self.setTabChangesFocus(False)
        self._done = False

    def keyPressEvent(self, event):
        key, mods = event.key(), event.modifiers()
        if key in (Qt.Key_Return, Qt.Key_Enter) and mods & Qt.ShiftModifier:
            super().keyPressEvent(event)
        elif key in (Qt.Key_Return, Qt.Key_Enter) and mods & Qt.ControlModifier:
            self.commit()
        elif key in THEN and not mods & (Qt.ControlModifier | Qt.AltModifier):
            self.commit(THEN[key])
        elif key == Qt.Key_Escape:
            self.cancel()
        else:
            super().keyPressEvent(event)

    def event(self, event):
        if event.type() == QEvent.ShortcutOverride:
            event.accept()  # every key belongs to the text while editing
            return True
        return super().event(event)

    def focusOutEvent(self, event):
        super().focusOutEvent(event)
        self.commit()

    def commit(self, then=""):
        """Hand the text over (once); *then* asks for a new child or sibling after it."""
        if not self._done:
            self._done = True
            self.committed.emit(self.node_id, self.toPlainText(), then)

    def cancel(self):
        if not self._done:
            self._done = True
            self.cancelled.emit(self.node_id)


def editor_font(zoom):
    """The card font at *zoom*, but never smaller than :data:`MIN_TEXT_PX` pixels."""
    font = QFont(FONT_FAMILY)
    font.setPixelSize(max(MIN_TEXT_PX, round((FONT_SIZE - 1) * 96 / 72 * zoom)))
    return font


def editor_size(card_rect, line_height):
    """The editor's ``(width, height)`` over a card of *card_rect* on screen: at least
    readable, else the card's size."""
    return (
        max(card_rect.width() - 4, MIN_WIDTH),
        max(card_rect.height() - 24, MIN_LINES * line_height + 12),
    )


def editor_geometry(card_rect, viewport_rect, line_height):
    """Where the editor goes: over the card on screen, at least readable, inside the view."""
    width, height = editor_size(card_rect, line_height)
    rect = QRect(
        0, 0, min(width, viewport_rect.width() - 8), min(height, viewport_rect.height() - 8)
    )
    rect.moveCenter(card_rect.center())
    rect.moveLeft(max(4, min(rect.left(), viewport_rect.right() - rect.width() - 4)))
    rect.moveTop(max(4, min(rect.top(), viewport_rect.bottom() - rect.height() - 4)))
    return rect
