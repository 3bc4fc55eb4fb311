"""A link on the canvas: a curved arrow from a premise's card to its target's, by relation.

Painting costs what shows: only the stretch of a long link inside the area being
repainted is stroked (see :mod:`argmap.gui.curves`), as a line when it is
straight, its arrowhead only when it falls in that area, and far out a link is
one thin straight line. A link keeps its two ends; its path, arrowhead and
tooltip are made when first needed, and links of one style share their pens.
"""

import math

from PySide6.QtCore import QLineF, QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QPainterPath, QPainterPathStroker, QPen
from PySide6.QtWidgets import QGraphicsItem

from argmap.gui.card_text import card_type
from argmap.gui.curves import anchor_at, link_between
from argmap.gui.plain import tooltip
from argmap.render.style import RELATION_STYLE, edge_width

#: Room around a link's line (scene units) for its width and arrowhead.
MARGIN = 12.0
SELECTED_WIDTH = 3.5
HEAD_WIDTH = 2.4
_FLAGS = QGraphicsItem.ItemIsSelectable | QGraphicsItem.ItemUsesExtendedStyleOption


def anchor(item, toward):
    """Where a line from the card *item* towards the point *toward* (``(x, y)``) leaves it."""
    return anchor_at(item.center, item.size, toward)


class _Pens:
    """The colour and pens of one style of link (a relation and a strength), made once."""

    made = {}

    def __init__(self, relation, strength):
        style = RELATION_STYLE[relation]
        self.color = QColor(style["color"])
        self.line = QPen(self.color, edge_width(strength) + 0.5)
        if style["style"] == "dashed":
            self.line.setStyle(Qt.DashLine)
        self.selected = QPen(self.line)
        self.selected.setWidthF(SELECTED_WIDTH)
        self.sketch = QPen(self.color, 0)
        self.head = QPen(self.color, HEAD_WIDTH)

    @classmethod
    def of(cls, relation, strength):
        key = (relation, strength)
        if key not in cls.made:
            cls.made[key] = cls(relation, strength)
        return cls.made[key]


def _path(points):
    """A QPainterPath through two points (a line) or four (a cubic)."""
    path = QPainterPath(QPointF(*points[0]))
    if len(points) == 2:
        path.lineTo(QPointF(*points[1]))
    else:
        path.cubicTo(QPointF(*points[1]), QPointF(*points[2]), QPointF(*points[3]))
    return path


def _stroke(points):
    """What draws the line through *points*: a QLineF for two (quicker to stroke than a
    path), else a QPainterPath."""
    if len(points) == 2:
        (x1, y1), (x2, y2) = points
        return QLineF(x1, y1, x2, y2)
    return _path(points)


class EdgeItem(QGraphicsItem):
    """A curved arrow from a premise to what it bears on, styled by relation."""

    def __init__(self, source_item, target_item, attrs):
        super().__init__()
        self.source_item, self.target_item = source_item, target_item
        self.setZValue(-1)
        self.setFlags(_FLAGS)
        source_item.edges.add(self)
        target_item.edges.add(self)
        self.update_from(attrs)

    @property
    def key(self):
        return (self.source_item.node_id, self.target_item.node_id)

    def update_from(self, attrs):
        self.attrs = dict(attrs)
        self.pens = _Pens.of(attrs["relation"], attrs.get("strength"))
        self.update_path()

    def pen(self):
        """The pen of the link's line (not selected)."""
        return QPen(self.pens.line)

    def path(self):
        """The link's whole line, in scene coordinates."""
        return QPainterPath(self._line())

    @property
    def start(self):
        return QPointF(*self.shape_of_line.start)

    @property
    def end(self):
        return QPointF(*self.shape_of_line.end)

    def toolTip(self):
        """What the link is (made when asked; the canvas shows it on hover)."""
        style = RELATION_STYLE[self.attrs["relation"]]
        strength = self.attrs.get("strength")
        tip = style["name"] + (f", strength {strength:g}" if strength is not None else "")
        note = self.attrs.get("note")
        return tooltip(tip + (f" — {note}" if note else ""))

    def detach(self):
        self.source_item.edges.discard(self)
        self.target_item.edges.discard(self)

    def update_path(self):
        """Follow the cards' places: new ends, bounds; path and head made again when needed."""
        source, target = self.source_item, self.target_item
        self.shape_of_line = link_between(source.center, source.size, target.center, target.size)
        start, end = self.shape_of_line.start, self.shape_of_line.end
        self.prepareGeometryChange()
        self._bounds = QRectF(
            min(start[0], end[0]) - MARGIN,
            min(start[1], end[1]) - MARGIN,
            abs(end[0] - start[0]) + 2 * MARGIN,
            abs(end[1] - start[1]) + 2 * MARGIN,
        )
        self._path = self._shape = self._head = self._sketch = None
        self.update()

    def _whole(self):
        """What draws the whole line (see :func:`_stroke`)."""
        return self._line() if self.shape_of_line.curved else self._straight()

    def _straight(self):
        """The straight line between the ends (a straight link, and any link far out)."""
        if self._sketch is None:
            (x1, y1), (x2, y2) = self.shape_of_line.start, self.shape_of_line.end
            self._sketch = QLineF(x1, y1, x2, y2)
        return self._sketch

    def _line(self):
        if self._path is None:
            shape = self.shape_of_line
            self._path = _path(shape.controls() or (shape.start, shape.end))
        return self._path

    def shape(self):
        if self._shape is None:  # made when first asked (a click), not on every move
            stroker = QPainterPathStroker()
            stroker.setWidth(10)
            self._shape = stroker.createStroke(self._line())
        return self._shape

    def boundingRect(self):
        return self._bounds

    # ---------------------------------------------------------- painting
    def paint(self, painter, option, widget=None):
        pens = self.pens
        if option.levelOfDetailFromTransform(painter.worldTransform()) < card_type().sketch_below:
            painter.setPen(pens.sketch)  # far out: a thin straight line
            painter.drawLine(self._straight())
            return
        painter.setRenderHint(painter.RenderHint.Antialiasing)
        exposed = option.exposedRect
        self._paint_line(painter, exposed, pens.selected if self.isSelected() else pens.line)
        if self._head_in(exposed):
            self._paint_head(painter)

    def _paint_line(self, painter, exposed, pen):
        stroke, pen = self._visible(exposed, pen)
        if stroke is None:
            return
        painter.setPen(pen)
        if isinstance(stroke, QLineF):
            painter.drawLine(stroke)
        else:
            painter.setBrush(Qt.NoBrush)
            painter.drawPath(stroke)

    def _head_in(self, exposed):
        """Whether the arrowhead (within MARGIN of the line's end) reaches *exposed*."""
        x, y = self.shape_of_line.end
        return (
            exposed.left() - MARGIN <= x <= exposed.right() + MARGIN
            and exposed.top() - MARGIN <= y <= exposed.bottom() + MARGIN
        )

    def _visible(self, exposed, pen):
        """The part of the line inside *exposed*, and the pen that draws it in step.

        A link not much larger than the area is drawn whole.
        """
        bounds = self._bounds
        if bounds.width() <= 2 * exposed.width() and bounds.height() <= 2 * exposed.height():
            return self._whole(), pen
        room = MARGIN
        stretch = self.shape_of_line.inside(
            exposed.left() - room,
            exposed.top() - room,
            exposed.right() + room,
            exposed.bottom() + room,
        )
        if stretch is None:
            return None, pen
        t0, t1 = stretch
        stroke = _stroke(self.shape_of_line.piece(t0, t1))
        if pen.style() != Qt.SolidLine and t0 > 0.0:
            pen = QPen(pen)
            pen.setDashOffset(self.shape_of_line.length(t0) / pen.widthF())
        return stroke, pen

    def _paint_head(self, painter):
        if self._head is None:
            self._head = self._make_head()
        head, bar = self._head
        painter.setPen(self.pens.head)
        if bar is not None:
            painter.drawLine(*bar)
            return
        painter.setBrush(self.pens.color)
        painter.drawPath(head)

    def _make_head(self):
        """The arrowhead (a filled triangle) or, for an objection, a bar across the line."""
        path = self._line()
        tip = path.pointAtPercent(1.0)
        back = path.pointAtPercent(max(0.0, 1.0 - 12.0 / max(path.length(), 12.0)))
        angle = math.atan2(tip.y() - back.y(), tip.x() - back.x())
        ux, uy = math.cos(angle), math.sin(angle)
        if self.attrs["relation"] == "opposes":
            cx, cy = tip.x() - ux * 3, tip.y() - uy * 3
            return None, (QPointF(cx - uy * 8, cy + ux * 8), QPointF(cx + uy * 8, cy - ux * 8))
        base = QPointF(tip.x() - ux * 11, tip.y() - uy * 11)
        head = QPainterPath(tip)
        head.lineTo(QPointF(base.x() - uy * 5, base.y() + ux * 5))
        head.lineTo(QPointF(base.x() + uy * 5, base.y() - ux * 5))
        head.closeSubpath()
        return head, None
