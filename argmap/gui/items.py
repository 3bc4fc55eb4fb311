"""The canvas's node cards and edges. They paint and report; the model holds the truth."""

import math

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import (
    QBrush, QColor, QFont, QFontMetricsF, QPainterPath, QPainterPathStroker, QPen,
)
from PySide6.QtWidgets import QGraphicsItem, QGraphicsPathItem

from argmap.gui.plain import tooltip
from argmap.render.style import (
    FONT_FAMILY, FONT_SIZE, KIND_STYLE, LABEL_STYLE, RELATION_STYLE, edge_width, role_style,
)

CARD_WIDTH = 240.0
PADDING = 9.0
MAX_LINES = 14
HANDLE_RADIUS = 6.0
#: Below this zoom a card's text would be unreadable: it is drawn as a plain box.
SKETCH_BELOW = 0.3
#: The badge of an objection nothing answers, and its colour.
UNANSWERED_BADGE = "⚠ unanswered"
UNANSWERED_COLOR = "#B71C1C"
#: Text colour on a card coloured by its evaluation label (the fills are all light).
LABELLED_TEXT = "#1A1A1A"


class _Type:
    """The card fonts, their metrics and a cache of word widths, made once per process."""

    fonts = None
    widths = {}
    LIMIT = 200_000   # words remembered


def _fonts():
    """``(body, header)`` fonts of a card (shared: copy before changing one)."""
    if _Type.fonts is None:
        body = QFont(FONT_FAMILY)
        body.setPointSizeF(FONT_SIZE - 1)
        header = QFont(FONT_FAMILY)
        header.setPointSizeF(FONT_SIZE - 3.5)
        header.setBold(True)
        _Type.fonts = (body, header, QFontMetricsF(body), QFontMetricsF(header))
    return _Type.fonts[:2]


def _citation_font():
    """The smaller italic font of a card's citation line, and its metrics."""
    if len(_Type.fonts or ()) < 6:
        small = QFont(_fonts()[0])
        small.setItalic(True)
        small.setPointSizeF(small.pointSizeF() - 1.5)
        _Type.fonts = _Type.fonts[:4] + (small, QFontMetricsF(small))
    return _Type.fonts[4:6]


def _body_metrics():
    _fonts()
    return _Type.fonts[2]


def word_width(word):
    """Width of *word* in the card's body font (remembered)."""
    width = _Type.widths.get(word)
    if width is None:
        width = _body_metrics().horizontalAdvance(word)
        if len(_Type.widths) < _Type.LIMIT:
            _Type.widths[word] = width
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
        lines[-1] = _body_metrics().elidedText(lines[-1] + " …", Qt.ElideRight, width)
    return lines


def _break_long(word, size, width, lines):
    """Start a line with *word*, cutting a word wider than a line into pieces that fit."""
    metrics = _body_metrics()
    while size > width and len(word) > 1:
        cut = max(1, int(len(word) * width / size) - 1)
        lines.append(word[:cut])
        word = word[cut:]
        size = metrics.horizontalAdvance(word)
    return word, size


class NodeItem(QGraphicsItem):
    """A card for one node: header, wrapped text, badges, collapse toggle, link handle."""

    def __init__(self, node_id, attrs, card):
        super().__init__()
        self.node_id = node_id
        self.edges = set()
        self.hidden_count = 0
        self.child_count = 0
        self.highlighted = False
        self.label = None          # 'in' | 'out' | 'undecided' while Evaluate is on
        self.reasons = ()          # why the label (sentences)
        self.unanswered = False    # an objection that nothing opposes
        self.setFlags(QGraphicsItem.ItemIsSelectable | QGraphicsItem.ItemIsMovable
                      | QGraphicsItem.ItemSendsGeometryChanges | QGraphicsItem.ItemIsFocusable)
        self.setAcceptHoverEvents(True)
        self.setCacheMode(QGraphicsItem.DeviceCoordinateCache)
        self.update_from(attrs, card)

    # ----------------------------------------------------------- content
    def update_from(self, attrs, card):
        """Take the node's attributes and its :class:`~argmap.render.cards.Card`; re-measure."""
        self.prepareGeometryChange()
        self.attrs = dict(attrs)
        self.card = card
        body, header = _fonts()
        metrics = _body_metrics()
        self.lines = wrap_text(attrs.get("text", "") or " ", CARD_WIDTH - 2 * PADDING)
        self.header = card.header
        self.line_height = metrics.lineSpacing()
        self.header_height = _Type.fonts[3].lineSpacing() + 3
        citation = card.citation
        self.citation = citation
        height = 2 * PADDING + self.header_height + len(self.lines) * self.line_height
        if citation:
            height += self.line_height
        self.size = (CARD_WIDTH, height)
        self._set_tooltip()
        self.update()

    def set_evaluation(self, label, reasons, unanswered):
        """Show an evaluation *label* (None: colour by role), its *reasons* and the unanswered mark."""
        reasons = tuple(reasons)
        if (label, reasons, unanswered) == (self.label, self.reasons, self.unanswered):
            return
        self.label, self.reasons, self.unanswered = label, reasons, unanswered
        self._set_tooltip()
        self.update()

    def _set_tooltip(self):
        text = self.attrs.get("text", "")
        if self.label is not None:
            text += f"\n\n{LABEL_STYLE[self.label]['name'].capitalize()} ({self.label}):"
            text += "".join(f"\n• {reason}" for reason in self.reasons)
        if self.unanswered:
            text += "\n\nUnanswered objection: nothing opposes it yet."
        self.setToolTip(tooltip(text))

    def colours(self):
        """The card's colours: by its role, or by its evaluation label when it has one."""
        style = role_style(self.card.place)
        if self.label is None:
            return style
        label = LABEL_STYLE[self.label]
        return {**style, "fill": label["fill"], "border": label["border"], "text": LABELLED_TEXT}

    @property
    def card_rect(self):
        w, h = self.size
        return QRectF(-w / 2, -h / 2, w, h)

    def handle_center(self):
        return QPointF(0, -self.size[1] / 2)

    def toggle_center(self):
        return QPointF(self.size[0] / 2 - 24, self.size[1] / 2)

    def boundingRect(self):
        return self.card_rect.adjusted(-4, -HANDLE_RADIUS - 4, 4, HANDLE_RADIUS + 12)

    def shape(self):
        """The card and the whole of its link handle, which stands out above its top edge."""
        path = QPainterPath()
        path.addRoundedRect(self.card_rect, 8, 8)
        path.addEllipse(self.handle_center(), HANDLE_RADIUS * 2, HANDLE_RADIUS * 2)
        return path

    def on_handle(self, pos):
        """True if *pos* (item coordinates) is on the link handle."""
        return (pos - self.handle_center()).manhattanLength() <= HANDLE_RADIUS * 2

    def on_toggle(self, pos):
        return self.child_count > 0 and (pos - self.toggle_center()).manhattanLength() <= 16

    # ---------------------------------------------------------- painting
    def paint(self, painter, option, widget=None):
        style = self.colours()
        rect = self.card_rect
        border = QColor(style["border"])
        if option.levelOfDetailFromTransform(painter.worldTransform()) < SKETCH_BELOW:
            painter.setPen(QPen(border, 0))   # too small to read: the card's shape only
            painter.setBrush(QColor(style["fill"]))
            painter.drawRect(rect)
            return
        painter.setRenderHint(painter.RenderHint.Antialiasing)
        pen = QPen(border, style["penwidth"] + (1.3 if self.isSelected() else 0))
        if self.attrs.get("draft"):
            pen.setStyle(Qt.DashLine)
        if self.highlighted:
            painter.setPen(QPen(QColor("#F2B705"), 6))
            painter.drawRoundedRect(rect.adjusted(-3, -3, 3, 3), 10, 10)
        painter.setPen(pen)
        painter.setBrush(QBrush(QColor(style["fill"])))
        radius = 8 if KIND_STYLE[self.attrs["kind"]]["rounded"] else 2
        painter.drawRoundedRect(rect, radius, radius)
        self._paint_text(painter, rect, style)
        self._paint_badges(painter, rect, border)
        self._paint_controls(painter, border)

    def _paint_text(self, painter, rect, style):
        body, header = _fonts()
        x = rect.left() + PADDING
        y = rect.top() + PADDING
        painter.setFont(header)
        painter.setPen(QColor(style["border"]))
        room = rect.width() - 2 * PADDING - self._badges_width(header)
        shown = _Type.fonts[3].elidedText(self.header, Qt.ElideRight, room)
        painter.drawText(QRectF(x, y, room, self.header_height), Qt.AlignLeft | Qt.AlignTop, shown)
        y += self.header_height
        painter.setFont(body)
        painter.setPen(QColor(style["text"]))
        ascent = _body_metrics().ascent()
        for line in self.lines:
            painter.drawText(QPointF(x, y + ascent), line)
            y += self.line_height
        if self.citation:
            small, metrics = _citation_font()
            painter.setFont(small)
            painter.setPen(QColor("#555555"))
            text = metrics.elidedText("— " + self.citation, Qt.ElideRight, rect.width() - 2 * PADDING)
            painter.drawText(QPointF(x, y + metrics.ascent() + 2), text)

    def badges(self):
        """The small labels at the card's top right: unanswered, rating, sources, note."""
        found = [UNANSWERED_BADGE] if self.unanswered else []
        if self.card.rating:
            found.append(self.card.rating)
        if self.attrs.get("sources"):
            found.append(f"“{len(self.attrs['sources'])}")
        if self.attrs.get("note"):
            found.append("¶")
        return found

    def _badges_width(self, font):
        metrics = _Type.fonts[3]
        return sum(metrics.horizontalAdvance(b) + 11 for b in self.badges()) + 4

    def _paint_badges(self, painter, rect, border):
        _, header = _fonts()
        painter.setFont(header)
        x = rect.right() - PADDING
        for badge in reversed(self.badges()):
            width = _Type.fonts[3].horizontalAdvance(badge) + 8
            box = QRectF(x - width, rect.top() + PADDING - 2, width, 14)
            painter.setPen(Qt.NoPen)
            painter.setBrush(QColor(UNANSWERED_COLOR) if badge == UNANSWERED_BADGE else border)
            painter.drawRoundedRect(box, 7, 7)
            painter.setPen(QColor("white"))
            painter.drawText(box, Qt.AlignCenter, badge)
            x -= width + 3

    def _paint_controls(self, painter, border):
        if self.child_count:
            center = self.toggle_center()
            label = f"+{self.hidden_count}" if self.attrs.get("collapsed") else "−"
            box = QRectF(center.x() - 13, center.y() - 7, 26, 14)
            painter.setPen(QPen(border, 1))
            painter.setBrush(QColor("white"))
            painter.drawRoundedRect(box, 7, 7)
            painter.setPen(border)
            painter.drawText(box, Qt.AlignCenter, label)
        if self.isSelected() or self.isUnderMouse():
            painter.setPen(QPen(border, 1.2))
            painter.setBrush(QColor("white"))
            painter.drawEllipse(self.handle_center(), HANDLE_RADIUS, HANDLE_RADIUS)

    def itemChange(self, change, value):
        if change == QGraphicsItem.ItemPositionHasChanged:
            for edge in self.edges:
                edge.update_path()
        return super().itemChange(change, value)

    def hoverEnterEvent(self, event):
        self.update()
        super().hoverEnterEvent(event)

    def hoverLeaveEvent(self, event):
        self.update()
        super().hoverLeaveEvent(event)


def _anchor(item, toward):
    """Where a line from *item* towards the point *toward* leaves the card."""
    center = item.scenePos()
    w, h = item.size
    dx, dy = toward.x() - center.x(), toward.y() - center.y()
    if abs(dy) * w >= abs(dx) * h:
        return QPointF(center.x(), center.y() + math.copysign(h / 2, dy or 1))
    return QPointF(center.x() + math.copysign(w / 2, dx), center.y())


class EdgeItem(QGraphicsPathItem):
    """A curved arrow from a premise to what it bears on, styled by relation."""

    def __init__(self, source_item, target_item, attrs):
        super().__init__()
        self.source_item, self.target_item = source_item, target_item
        self.setZValue(-1)
        self.setFlags(QGraphicsItem.ItemIsSelectable)
        source_item.edges.add(self)
        target_item.edges.add(self)
        self.update_from(attrs)

    @property
    def key(self):
        return (self.source_item.node_id, self.target_item.node_id)

    def update_from(self, attrs):
        self.attrs = dict(attrs)
        style = RELATION_STYLE[attrs["relation"]]
        pen = QPen(QColor(style["color"]), edge_width(attrs.get("strength")) + 0.5)
        if style["style"] == "dashed":
            pen.setStyle(Qt.DashLine)
        self.setPen(pen)
        strength = attrs.get("strength")
        tip = style["name"] + (f", strength {strength:g}" if strength is not None else "")
        self.setToolTip(tooltip(tip + (f" — {attrs['note']}" if attrs.get("note") else "")))
        self.update_path()

    def detach(self):
        self.source_item.edges.discard(self)
        self.target_item.edges.discard(self)

    def update_path(self):
        start = _anchor(self.source_item, self.target_item.scenePos())
        end = _anchor(self.target_item, self.source_item.scenePos())
        self.end, self.start = end, start
        path = QPainterPath(start)
        if abs(end.y() - start.y()) >= abs(end.x() - start.x()) * 0.3:
            mid = (start.y() + end.y()) / 2
            path.cubicTo(QPointF(start.x(), mid), QPointF(end.x(), mid), end)
        else:
            path.lineTo(end)
        self.prepareGeometryChange()
        self._bounds = path.boundingRect().adjusted(-12, -12, 12, 12)
        self._shape = None
        self.setPath(path)

    def shape(self):
        if self._shape is None:  # made when first asked (a click), not on every move
            stroker = QPainterPathStroker()
            stroker.setWidth(10)
            self._shape = stroker.createStroke(self.path())
        return self._shape

    def boundingRect(self):
        return self._bounds

    def paint(self, painter, option, widget=None):
        if option.levelOfDetailFromTransform(painter.worldTransform()) < SKETCH_BELOW:
            painter.setPen(QPen(self.pen().color(), 0))   # far out: a thin straight line
            painter.drawLine(self.start, self.end)
            return
        painter.setRenderHint(painter.RenderHint.Antialiasing)
        pen = QPen(self.pen())
        if self.isSelected():
            pen.setWidthF(3.5)
        painter.setPen(pen)
        painter.setBrush(Qt.NoBrush)
        painter.drawPath(self.path())
        self._paint_head(painter, pen.color())

    def _paint_head(self, painter, color):
        path = self.path()
        tip = path.pointAtPercent(1.0)
        back = path.pointAtPercent(max(0.0, 1.0 - 12.0 / max(path.length(), 12.0)))
        angle = math.atan2(tip.y() - back.y(), tip.x() - back.x())
        ux, uy = math.cos(angle), math.sin(angle)
        painter.setPen(QPen(color, 2.4))
        if self.attrs["relation"] == "opposes":
            cx, cy = tip.x() - ux * 3, tip.y() - uy * 3
            painter.drawLine(QPointF(cx - uy * 8, cy + ux * 8), QPointF(cx + uy * 8, cy - ux * 8))
        else:
            painter.setBrush(color)
            base = QPointF(tip.x() - ux * 11, tip.y() - uy * 11)
            # a path rather than drawPolygon, which mis-counts references in PySide6 6.12
            head = QPainterPath(tip)
            head.lineTo(QPointF(base.x() - uy * 5, base.y() + ux * 5))
            head.lineTo(QPointF(base.x() + uy * 5, base.y() - ux * 5))
            head.closeSubpath()
            painter.drawPath(head)
