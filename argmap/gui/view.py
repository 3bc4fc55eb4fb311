"""The canvas's view: zoom, pan, rubber-band selection and in-place text editing."""

from PySide6.QtCore import QEvent, QRectF, Qt, Signal
from PySide6.QtGui import QPainter
from PySide6.QtWidgets import QGraphicsView, QPlainTextEdit

from argmap.gui.items import NodeItem

MIN_ZOOM, MAX_ZOOM = 0.05, 4.0


class InlineEditor(QPlainTextEdit):
    """A text box over a card: Enter commits, Shift+Enter breaks the line, Esc cancels."""

    committed = Signal(str, str)     # node id, new text
    cancelled = Signal()

    def __init__(self, parent, node_id, text):
        super().__init__(parent)
        self.node_id = node_id
        self.setPlainText(text)
        self.selectAll()
        self.setFrameShape(QPlainTextEdit.Box)
        self._done = False

    def keyPressEvent(self, event):
        if event.key() in (Qt.Key_Return, Qt.Key_Enter) and not event.modifiers() & Qt.ShiftModifier:
            self.commit()
        elif event.key() == Qt.Key_Escape:
            self._done = True
            self.cancelled.emit()
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

    def commit(self):
        if not self._done:
            self._done = True
            self.committed.emit(self.node_id, self.toPlainText())


class MapView(QGraphicsView):
    """Shows a MapScene. Wheel zooms; drag on empty space (or Space+drag) pans;
    Shift/Ctrl+drag draws a rubber band."""

    zoom_changed = Signal(float)
    edit_requested = Signal(str)       # node id (double-click)

    def __init__(self, scene, parent=None):
        super().__init__(scene, parent)
        self.setRenderHints(QPainter.Antialiasing | QPainter.TextAntialiasing)
        self.setTransformationAnchor(QGraphicsView.AnchorUnderMouse)
        self.setViewportUpdateMode(QGraphicsView.MinimalViewportUpdate)
        self.setDragMode(QGraphicsView.ScrollHandDrag)
        self.setFocusPolicy(Qt.StrongFocus)
        self._space = False
        self.editor = None

    # ---------------------------------------------------------------- zoom
    @property
    def zoom(self):
        return self.transform().m11()

    def set_zoom(self, factor):
        factor = max(MIN_ZOOM, min(MAX_ZOOM, factor))
        self.scale(factor / self.zoom, factor / self.zoom)
        self.zoom_changed.emit(self.zoom)

    def zoom_in(self):
        self.set_zoom(self.zoom * 1.25)

    def zoom_out(self):
        self.set_zoom(self.zoom / 1.25)

    def reset_zoom(self):
        self.set_zoom(1.0)

    def fit(self):
        """Show the whole map."""
        rect = self.scene().itemsBoundingRect()
        if rect.isEmpty():
            return
        self.fitInView(rect.adjusted(-30, -30, 30, 30), Qt.KeepAspectRatio)
        if self.zoom > 1.0:
            self.set_zoom(1.0)
        self.centerOn(rect.center())
        self.zoom_changed.emit(self.zoom)

    def wheelEvent(self, event):
        steps = event.angleDelta().y() / 120.0
        if steps:
            self.set_zoom(self.zoom * (1.15 ** steps))
        event.accept()

    # ----------------------------------------------------- pan, rubber band
    def mousePressEvent(self, event):
        on_item = self.itemAt(event.position().toPoint()) is not None
        if self._space:
            self.setDragMode(QGraphicsView.ScrollHandDrag)
            self.setInteractive(False)
        elif event.modifiers() & (Qt.ShiftModifier | Qt.ControlModifier) and not on_item:
            self.setDragMode(QGraphicsView.RubberBandDrag)
        elif on_item:
            self.setDragMode(QGraphicsView.NoDrag)
        else:
            self.setDragMode(QGraphicsView.ScrollHandDrag)
        super().mousePressEvent(event)

    def mouseReleaseEvent(self, event):
        super().mouseReleaseEvent(event)
        self.setInteractive(True)
        self.setDragMode(QGraphicsView.ScrollHandDrag)

    def mouseDoubleClickEvent(self, event):
        item = self.itemAt(event.position().toPoint())
        if isinstance(item, NodeItem):
            self.edit_requested.emit(item.node_id)
            event.accept()
            return
        super().mouseDoubleClickEvent(event)

    def keyPressEvent(self, event):
        if event.key() == Qt.Key_Space and not event.isAutoRepeat():
            self._space = True
            self.viewport().setCursor(Qt.OpenHandCursor)
            event.accept()
            return
        super().keyPressEvent(event)

    def keyReleaseEvent(self, event):
        if event.key() == Qt.Key_Space and not event.isAutoRepeat():
            self._space = False
            self.viewport().unsetCursor()
            event.accept()
            return
        super().keyReleaseEvent(event)

    # ------------------------------------------------------ in-place edit
    def open_editor(self, item, on_commit):
        """Show an editor over *item*; ``on_commit(node_id, text)`` runs on Enter or focus-out."""
        self.close_editor()
        self.centerOn(item)
        rect = self.mapFromScene(item.sceneBoundingRect()).boundingRect()
        self.editor = InlineEditor(self.viewport(), item.node_id, item.attrs.get("text", ""))
        self.editor.setGeometry(rect.adjusted(2, 14, -2, -10))
        self.editor.committed.connect(lambda n, t: (self.close_editor(), on_commit(n, t)))
        self.editor.cancelled.connect(self.close_editor)
        self.editor.show()
        self.editor.setFocus()
        return self.editor

    def close_editor(self):
        if self.editor is not None:
            editor, self.editor = self.editor, None
            editor._done = True
            editor.hide()
            editor.deleteLater()
            self.setFocus()

    def visible_scene_rect(self):
        return QRectF(self.mapToScene(self.viewport().rect()).boundingRect())
