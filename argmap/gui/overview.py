"""The overview: the whole map in small in a corner of the canvas, with the visible part framed.

Click or drag in it to move the canvas there. It shows only when the map is
larger than the canvas, so a small map keeps all of its room, and only while
View > Overview is checked (:func:`add_overview_action`; the choice is
remembered in the window's settings).

The small map is a picture drawn in one pass (links as lines, cards as boxes,
a few calls per colour, however many cards) and kept: scrolling or zooming the
canvas only moves the frame. A moment after an edit (once for all the edits of
that moment) the cards and links it added or changed are drawn onto the
picture; the whole picture is drawn again when something moved, went or was
recoloured, the map outgrew the picture, or the overview's size changed.
"""

from PySide6.QtCore import QEvent, QLineF, QRectF, QSettings, Qt, QTimer
from PySide6.QtGui import QColor, QPainter, QPen, QPixmap
from PySide6.QtWidgets import QFrame, QGraphicsScene, QGraphicsView

from argmap.gui.actions import ActionRegistry
from argmap.gui.items import resizes_card
from argmap.model import ChangeType, queries

#: The overview's size in a large canvas (pixels).
SIZE = (220, 150)
#: The most of the canvas's width it takes in a small canvas, and its least width.
WIDTH_SHARE = 0.33
MIN_WIDTH = 140
MARGIN = 10
#: Milliseconds after an edit before the picture is drawn again (a burst draws it once).
REDRAW_MS = 250
FRAME_COLOR = "#1F5A96"
#: Changes that draw nothing in the overview.
QUIET = (ChangeType.MAP_CHANGED, ChangeType.DOCUMENT_ADDED, ChangeType.DOCUMENT_REMOVED)
#: Node fields whose change moves or hides a card: the picture is drawn again, not drawn
#: onto; so it is when a card's size may change (a shorter text leaves a lower card).
MOVING_KEYS = frozenset({"pos", "collapsed"})
#: The setting that remembers whether the overview is wanted.
SETTING = "view/overview"


def overview_size(canvas_width: int) -> tuple[int, int]:
    """The overview's size over a canvas *canvas_width* pixels wide: :data:`SIZE`, or
    smaller in a small canvas, so that it covers less of the map.

    Example
    -------
    >>> overview_size(1200), overview_size(560)
    ((220, 150), (184, 125))
    """
    width = min(SIZE[0], max(MIN_WIDTH, int(canvas_width * WIDTH_SHARE)))
    return width, round(width * SIZE[1] / SIZE[0])


def add_overview_action(registry: ActionRegistry, overview: "Overview", settings: QSettings):
    """Register View > Overview, a check that shows or hides *overview*, remembered in
    *settings*; return the action."""

    def show(wanted):
        overview.set_wanted(wanted)
        settings.setValue(SETTING, wanted)

    action = registry.add(
        "show_overview",
        "&Overview",
        show,
        None,
        "view",
        "overview",
        tip="Show the whole map in small in the corner of the canvas when it does not fit",
        checkable=True,
    )
    wanted = settings.value(SETTING, True, type=bool)
    action.setChecked(wanted)
    overview.set_wanted(wanted)
    return action


class Overview(QGraphicsView):
    """A small, non-interactive view of *canvas*'s map that steers *canvas*."""

    def __init__(self, canvas):
        # Its own, empty scene (no items); over the canvas's viewport, as the canvas's overlays.
        super().__init__(QGraphicsScene(canvas), canvas.viewport())
        canvas.add_overlay(self)
        self.canvas = canvas
        self.setObjectName("overview")
        self.setInteractive(False)
        self.setFrameShape(QFrame.Box)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarAlwaysOff)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarAlwaysOff)
        self.setRenderHints(QPainter.Antialiasing)
        self.setStyleSheet("QGraphicsView#overview { border: 1px solid #8C8C8C; }")
        self.resize(*SIZE)
        self.hide()  # until the first refresh has fitted and placed it
        self.wanted = True  # the user's choice (View > Overview)
        self.picture = None  # the small map, drawn at the current fit
        self._bounds = None  # the map's rectangle when the picture was drawn
        self._new = ([], [])  # (node ids, link keys) to draw onto the picture
        self._whole = True  # the picture must be drawn again from scratch
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self.refresh)
        for signal in (
            canvas.horizontalScrollBar().valueChanged,
            canvas.verticalScrollBar().valueChanged,
            canvas.zoom_changed,
        ):
            signal.connect(self.follow_view)
        canvas.document.changed.connect(self._note)
        canvas.document.reset.connect(self.redraw)
        canvas.map_scene.recoloured.connect(self.redraw)
        canvas.viewport().installEventFilter(self)
        self.schedule(0)

    def _note(self, change):
        """Remember what *change* asks to draw: its card or link alone, or everything."""
        if not self.wanted:
            return  # drawn whole when wanted again
        kind, keys = change.type, set(change.keys)
        if kind == ChangeType.NODE_ADDED or (
            kind == ChangeType.NODE_CHANGED
            and not keys & MOVING_KEYS
            and not resizes_card(self.canvas.document.amap.node(change.node), keys)
        ):
            amap = self.canvas.document.amap
            self._new[0].extend(
                queries.places_touched(amap, change.node) if "kind" in keys else [change.node]
            )
        elif kind == ChangeType.EDGE_ADDED:
            self._note_link(*change.edge)
        elif kind not in QUIET:
            self._whole = True
        self.schedule()

    def _note_link(self, source, target):
        """A new link, its cards and the source's premises (their places may change);
        everything when a card that stood on its own comes to bear on another."""
        amap = self.canvas.document.amap
        if source not in self._new[0] and amap.graph.out_degree(source) == 1:
            self._whole = True
        self._new[1].append((source, target))
        self._new[0].extend(queries.places_touched(amap, link=(source, target)))

    def set_wanted(self, wanted: bool) -> None:
        """Show the overview when the map overflows the canvas (*wanted*), or never."""
        self.wanted = wanted
        if wanted:
            self.redraw()
        else:
            self.hide()

    def redraw(self):
        """Draw the whole picture again, soon."""
        self._whole = True
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
        """Fit the whole map, draw it, frame the visible part; show only if the map overflows.

        Only what was added or changed is drawn when the picture still fits the map."""
        self._timer.stop()
        if not self.wanted:
            self._new, self._whole, self.picture = ([], []), True, None
            self.hide()
            return
        (nodes, edges), self._new = self._new, ([], [])
        bounds = self.canvas.map_scene.map_rect()
        if not self._whole and self.picture is not None and self._bounds.contains(bounds):
            self._draw_on(self.picture, nodes, edges)
            self.viewport().update()
            return
        self._whole = False
        self.picture = None
        self._bounds = bounds
        if not self._overflows():
            self.hide()
            return
        self.resize(*overview_size(self.canvas.viewport().width()))
        self.place()
        self.show()  # laid out first: the fit needs the size of its viewport
        self.scene().setSceneRect(self.canvas.map_scene.sceneRect())  # the canvas's room
        self.fitInView(self._bounds.adjusted(-20, -20, 20, 20), Qt.KeepAspectRatio)
        self.picture = QPixmap(self.viewport().size())
        self.picture.fill(self.canvas.scene().backgroundBrush().color())
        scene = self.canvas.map_scene
        self._draw_on(self.picture, scene.nodes, scene.edges, scene.group_bands())
        self.viewport().update()

    def follow_view(self, *_):
        """Move the frame to the canvas's visible part (the picture stays as it is)."""
        if not self.wanted:
            return
        if self._bounds is None:
            self.schedule(0)
        elif not self._overflows():
            self.hide()
        elif self.picture is None:
            self.schedule(0)
        else:
            if self.isHidden():
                self.place()
                self.show()
            self.viewport().update()

    def _overflows(self):
        """Whether the map (as last drawn) is larger than the canvas shows."""
        bounds = self._bounds
        return not bounds.isEmpty() and not self.canvas.visible_scene_rect().contains(bounds)

    def _draw_on(self, picture, nodes, edges, bands=()):
        """Draw the cards *nodes* and links *edges* (ids and keys) onto *picture*, in small:
        bands, then links as thin lines, then cards as boxes, grouped by colour."""
        scene = self.canvas.map_scene
        painter = QPainter(picture)
        painter.setRenderHint(QPainter.Antialiasing)
        painter.setTransform(self.viewportTransform())
        for band in bands:
            painter.setPen(band.pen())
            painter.setBrush(band.brush())
            painter.drawPath(band.path())
        lines, boxes = {}, {}
        for key in edges:
            edge = scene.edges.get(key)
            if edge is not None and edge.isVisible():
                (x1, y1), (x2, y2) = edge.shape_of_line.start, edge.shape_of_line.end
                lines.setdefault(edge.pens.color.name(), []).append(QLineF(x1, y1, x2, y2))
        for node in nodes:
            item = scene.nodes.get(node)
            if item is not None and item.isVisible():
                (cx, cy), (w, h) = item.center, item.size
                style = item.colours()
                boxes.setdefault((style["fill"], style["border"]), []).append(
                    QRectF(cx - w / 2, cy - h / 2, w, h)
                )
        for color, group in lines.items():
            painter.setPen(QPen(QColor(color), 0))
            painter.drawLines(group)
        for (fill, border), group in boxes.items():
            painter.setPen(QPen(QColor(border), 0))
            painter.setBrush(QColor(fill))
            painter.drawRects(group)
        painter.end()

    def place(self):
        """Put the overview at the top right of the canvas."""
        self.move(self.canvas.viewport().width() - self.width() - MARGIN, MARGIN)

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
            self.redraw()
        return False
