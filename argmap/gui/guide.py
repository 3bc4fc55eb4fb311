"""What a new user sees first: a readable opening view and a one-line hint of the keys.

:class:`OpeningView` fits a map into the canvas once the window is laid out,
but never below a readable zoom: when the whole map would be too small to
read, it opens at a readable zoom on the main claim. Until the user moves
the view, a change of window size fits it again. :class:`KeyHint` shows what
to press on an empty canvas or with nothing selected.
"""

from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QLabel

from argmap.gui.sources_dock import card_keys
from argmap.model import ChangeType, queries
from argmap.render.style import FONT_FAMILY, FONT_SIZE

#: Height (pixels) of a card's body text at the opening zoom, at least.
READABLE_PX = 10.0
HINT_EMPTY = "Ctrl+Shift+M adds a main claim  ·  File ▸ New Map from Documents starts from articles"
#: On a map of documents and no card yet.
HINT_DOCUMENTS = f"Select a passage in Sources, then press {card_keys()}"
HINT_IDLE = (
    "Click a card to select it  ·  Tab adds a reason  ·  Enter a sibling  ·  F2 edits  ·  "
    "arrows move  ·  Ctrl+F finds"
)


def body_font():
    """The font of a card's statement (the canvas draws it at this size times the zoom)."""
    font = QFont(FONT_FAMILY)
    font.setPointSizeF(FONT_SIZE - 1)
    return font


def body_text_px(view):
    """Height in screen pixels of a card's body text (its em) at *view*'s zoom."""
    return body_font().pointSizeF() * view.logicalDpiY() / 72.0 * view.zoom


def readable_zoom(view):
    """The smallest zoom at which body text is :data:`READABLE_PX` high."""
    return READABLE_PX / (body_font().pointSizeF() * view.logicalDpiY() / 72.0)


class OpeningView(QObject):
    """Fits a newly opened map into *view* once it has its size: readable, or on the main claim."""

    def __init__(self, view):
        super().__init__(view)
        self.view = view
        self.pending = True
        self._applying = False
        view.document.reset.connect(self.restart)
        view.zoom_changed.connect(self._zoomed)
        for event_source in (view.viewport(), view):
            event_source.installEventFilter(self)

    def restart(self):
        """A new map: fit it again when the view has its size."""
        self.pending = True
        QTimer.singleShot(0, self.apply)

    def _zoomed(self, _zoom):
        if not self._applying:
            self.pending = False  # zoomed by the user or a command: keep their view

    def eventFilter(self, watched, event):
        kind = event.type()
        if kind in (QEvent.MouseButtonPress, QEvent.Wheel, QEvent.KeyPress):
            self.pending = False  # the user is moving around: leave the view alone
        elif kind in (QEvent.Resize, QEvent.Show) and self.pending:
            QTimer.singleShot(0, self.apply)
        return False

    def apply(self):
        """Fit the map, or centre the main claim at a readable zoom if fitting is too small."""
        view = self.view
        if not self.pending or not view.isVisible() or view.viewport().width() < 50:
            return
        if view.map_scene.map_rect().isEmpty():
            return
        self._applying = True
        try:
            self._fit_readably(view)
        finally:
            self._applying = False

    @staticmethod
    def _fit_readably(view):
        view.fit()
        if view.zoom < readable_zoom(view):
            view.set_zoom(readable_zoom(view))
            main = queries.main_claims(view.document.amap)
            item = view.map_scene.nodes.get(main[0]) if main else None
            if item is not None:
                view.centerOn(
                    item.scenePos().x(),
                    item.scenePos().y() + view.viewport().height() / view.zoom * 0.3,
                )


class KeyHint(QLabel):
    """A line at the foot of the canvas: the keys to press, when nothing is selected."""

    def __init__(self, view):
        super().__init__(view.viewport())  # one of the canvas's overlays
        self.view = view
        view.add_overlay(self)
        self.setObjectName("key-hint")
        self.setTextFormat(Qt.PlainText)
        self.setAttribute(Qt.WA_TransparentForMouseEvents)
        self.setStyleSheet(
            "QLabel#key-hint { background: #FDFDFE; color: #333; "
            "border: 1px solid #CCC; padding: 3px 8px; }"
        )
        view.selection.changed.connect(lambda _: self.refresh())
        view.document.changed.connect(self._follow_change)
        view.document.reset.connect(self.refresh)
        view.viewport().installEventFilter(self)
        self.refresh()

    def _follow_change(self, change):
        if change.type in (
            ChangeType.NODE_ADDED,
            ChangeType.NODE_REMOVED,
            ChangeType.DOCUMENT_ADDED,
            ChangeType.DOCUMENT_REMOVED,
        ):
            self.refresh()  # the map may have become empty, or stopped being

    def refresh(self):
        if self.view.selection.nodes or self.view.selection.edges:
            self.hide()
            return
        amap = self.view.document.amap
        self.setText(HINT_IDLE if len(amap) else HINT_DOCUMENTS if amap.documents else HINT_EMPTY)
        self.adjustSize()
        self.place()
        self.show()

    def place(self):
        """Put the hint at the bottom left of the canvas, on two lines or more when it is
        too long for one."""
        area = self.view.viewport().rect()
        room = max(100, area.width() - 16)
        self.setMaximumWidth(room)
        self.setWordWrap(False)
        self.adjustSize()
        if self.sizeHint().width() > room:
            self.setWordWrap(True)
            self.resize(room, self.heightForWidth(room))
        self.move(area.left() + 8, area.bottom() - self.height() - 8)

    def eventFilter(self, watched, event):
        if event.type() == QEvent.Resize:
            self.place()
        return False
