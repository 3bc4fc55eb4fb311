"""The overview: the whole map in small in a corner of the canvas, with the visible part framed.

Click or drag in it to move the canvas there. It shows only when the map is
larger than the canvas, so a small map keeps all of its room.
"""

from PySide6.QtCore import QEvent, QRectF, Qt, QTimer
from PySide6.QtGui import QColor, QPainter, QPen
from PySide6.QtWidgets import QFrame, QGraphicsView

SIZE = (220, 150)
MARGIN = 10


class Overview(QGraphicsView):
    """A small, non-interactive view of *canvas*'s scene that steers *canvas*."""

    def __init__(self, canvas):
        super().__init__(canvas.scene(), canvas)
        self.canvas = canvas
        self.setObjectName("overview")
        self.setInteractive(False)
        self.setFrameShape(QFrame.Box)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarAlwaysOff)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarAlwaysOff)
        self.setRenderHints(QPainter.Antialiasing)
        self.setViewportUpdateMode(QGraphicsView.FullViewportUpdate)
        self.setStyleSheet("QGraphicsView#overview { border: 1px solid #8C8C8C; }")
        self.resize(*SIZE)
        self.hide()   # until the first refresh has fitted and placed it
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(250)   # after a burst of edits, not during it
        self._timer.timeout.connect(self.refresh)
        for signal in (canvas.horizontalScrollBar().valueChanged,
                       canvas.verticalScrollBar().valueChanged, canvas.zoom_changed):
            signal.connect(self.schedule)
        canvas.scene().changed.connect(self.schedule)
        canvas.viewport().installEventFilter(self)
        self.schedule()

    def schedule(self, *_):
        self._timer.start()

    def refresh(self):
        """Fit the whole map, frame the visible part, show only when the map overflows."""
        bounds = self.canvas.map_scene.map_rect()
        visible = self.canvas.visible_scene_rect()
        overflow = not bounds.isEmpty() and not visible.contains(bounds)
        self.setVisible(overflow)
        if overflow:
            self.fitInView(bounds.adjusted(-20, -20, 20, 20), Qt.KeepAspectRatio)
            self._place()
            self.viewport().update()

    def _place(self):
        area = self.canvas.viewport().geometry()
        self.move(area.right() - self.width() - MARGIN, area.top() + MARGIN)

    def drawForeground(self, painter, rect):
        frame = self.canvas.visible_scene_rect()
        painter.setPen(QPen(QColor("#1F5A96"), 0))
        painter.setBrush(QColor(31, 90, 150, 40))
        painter.drawRect(QRectF(frame))

    def mousePressEvent(self, event):
        self._steer(event)

    def mouseMoveEvent(self, event):
        if event.buttons() & Qt.LeftButton:
            self._steer(event)

    def _steer(self, event):
        self.canvas.centerOn(self.mapToScene(event.position().toPoint()))
        event.accept()

    def wheelEvent(self, event):
        event.ignore()

    def eventFilter(self, watched, event):
        if event.type() == QEvent.Resize:
            self.schedule()
        return False
