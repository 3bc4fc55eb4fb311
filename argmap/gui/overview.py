"""The overview: the whole map in small in a corner of the canvas, with the visible part framed.

Click or drag in it to move the canvas there. It shows only when the map is
larger than the canvas, so a small map keeps all of its room.

The small map is a picture drawn in one pass (links as lines, cards as boxes,
a few calls per colour, however many cards) and kept: scrolling or zooming the
canvas only moves the frame; the picture is drawn again when the map changes
(a moment after an edit, once for all the edits of that moment) or the
overview's size does.
"""

from PySide6.QtCore import QEvent, QLineF, QRectF, Qt, QTimer
from PySide6.QtGui import QColor, QPainter, QPen, QPixmap
from PySide6.QtWidgets import QFrame, QGraphicsScene, QGraphicsView

SIZE = (220, 150)
MARGIN = 10
#: Milliseconds after an edit before the picture is drawn again (a burst draws it once).
REDRAW_MS = 250
FRAME_COLOR = "#1F5A96"


class Overview(QGraphicsView):
    """A small, non-interactive view of *canvas*'s map that steers *canvas*."""

    def __init__(self, canvas):
        super().__init__(QGraphicsScene(canvas), canvas)   # its own, empty scene: no items
        self.canvas = canvas
        self.setObjectName("overview")
        self.setInteractive(False)
        self.setFrameShape(QFrame.Box)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarAlwaysOff)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarAlwaysOff)
        self.setRenderHints(QPainter.Antialiasing)
        self.setStyleSheet("QGraphicsView#overview { border: 1px solid #8C8C8C; }")
        self.resize(*SIZE)
        self.hide()   # until the first refresh has fitted and placed it
        self.picture = None   # the small map, drawn at the current fit
        self._bounds = None   # the map's rectangle when the picture was drawn
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self.refresh)
        for signal in (canvas.horizontalScrollBar().valueChanged,
                       canvas.verticalScrollBar().valueChanged, canvas.zoom_changed):
            signal.connect(self.follow_view)
        canvas.document.changed.connect(lambda _: self.schedule())
        canvas.document.reset.connect(lambda: self.schedule(0))
        canvas.viewport().installEventFilter(self)
        self.schedule(0)

    def schedule(self, delay=REDRAW_MS):
        """Draw the picture again after *delay* ms (sooner if already due sooner)."""
        if not self._timer.isActive() or self._timer.remainingTime() > delay:
            self._timer.start(delay)

    @property
    def pending(self):
        """Whether a redraw is waiting."""
        return self._timer.isActive()

    def refresh(self):
        """Fit the whole map, draw it, frame the visible part; show only if the map overflows."""
        self._timer.stop()
        self.picture = None
        self._bounds = self.canvas.map_scene.map_rect()
        if not self._overflows():
            self.hide()
            return
        self._place()
        self.show()   # laid out first: the fit needs the size of its viewport
        self.scene().setSceneRect(self.canvas.map_scene.sceneRect())   # the canvas's room
        self.fitInView(self._bounds.adjusted(-20, -20, 20, 20), Qt.KeepAspectRatio)
        self.picture = self._draw()
        self.viewport().update()

    def follow_view(self, *_):
        """Move the frame to the canvas's visible part (the picture stays as it is)."""
        if self._bounds is None:
            self.schedule(0)
        elif not self._overflows():
            self.hide()
        elif self.picture is None:
            self.schedule(0)
        else:
            self._place()
            self.show()
            self.viewport().update()

    def _overflows(self):
        """Whether the map (as last drawn) is larger than the canvas shows."""
        bounds = self._bounds
        return not bounds.isEmpty() and not self.canvas.visible_scene_rect().contains(bounds)

    def _draw(self):
        """The map in small: links as thin lines, then cards as boxes, grouped by colour."""
        picture = QPixmap(self.viewport().size())
        picture.fill(self.canvas.scene().backgroundBrush().color())
        painter = QPainter(picture)
        painter.setRenderHint(QPainter.Antialiasing)
        painter.setTransform(self.viewportTransform())
        scene = self.canvas.map_scene
        for band in scene.group_bands():
            painter.setPen(band.pen())
            painter.setBrush(band.brush())
            painter.drawPath(band.path())
        lines, boxes = {}, {}
        for edge in scene.edges.values():
            if edge.isVisible():
                (x1, y1), (x2, y2) = edge.shape_of_line.start, edge.shape_of_line.end
                lines.setdefault(edge.pens.color.name(), []).append(QLineF(x1, y1, x2, y2))
        for item in scene.nodes.values():
            if item.isVisible():
                (cx, cy), (w, h) = item.center, item.size
                style = item.colours()
                boxes.setdefault((style["fill"], style["border"]), []).append(
                    QRectF(cx - w / 2, cy - h / 2, w, h))
        for color, group in lines.items():
            painter.setPen(QPen(QColor(color), 0))
            painter.drawLines(group)
        for (fill, border), group in boxes.items():
            painter.setPen(QPen(QColor(border), 0))
            painter.setBrush(QColor(fill))
            painter.drawRects(group)
        painter.end()
        return picture

    def _place(self):
        area = self.canvas.viewport().geometry()
        self.move(area.right() - self.width() - MARGIN, area.top() + MARGIN)

    def drawBackground(self, painter, rect):
        if self.picture is not None:
            painter.save()
            painter.resetTransform()
            painter.drawPixmap(0, 0, self.picture)
            painter.restore()

    def drawForeground(self, painter, rect):
        frame = self.canvas.visible_scene_rect()
        painter.setPen(QPen(QColor(FRAME_COLOR), 0))
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
            self.schedule(0)
        return False
