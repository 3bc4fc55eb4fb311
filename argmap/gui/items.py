"""The canvas's node cards. They paint and report; the model holds the truth.

A card paints at the level of detail its size on screen allows: in full
(header, statement, citation, badges, controls) while its text is at least
``TEXT_MIN_PX`` pixels high (see :mod:`argmap.gui.card_text`), else as a plain
box in its colours. What it shows is measured once per change
(:meth:`NodeItem.update_from`), not per paint, and its tooltip is written when
asked. Links are in :mod:`argmap.gui.edge_item`.
"""

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QPainterPath, QPen
from PySide6.QtWidgets import QGraphicsItem

from argmap.gui.card_text import card_type, wrap_text
from argmap.gui.plain import tooltip
from argmap.render.cards import citation_text
from argmap.render.style import CARD_WIDTH, KIND_STYLE, LABEL_STYLE, role_style

#: Node fields that change a card's height: its statement, and the citation line below it
#: (an evidence card without a citation shows its sources' titles there).
CARD_SIZE_KEYS = frozenset({"text", "citation", "sources"})


def resizes_card(attrs, keys):
    """Whether a change of the fields *keys* may change the height of the card whose node
    now has *attrs*: a field of :data:`CARD_SIZE_KEYS`, or the kind of a card that has
    sources and no citation (only evidence shows its sources' titles)."""
    return bool(CARD_SIZE_KEYS & keys) or (
        "kind" in keys and bool(attrs.get("sources")) and not attrs.get("citation")
    )


PADDING = 9.0
HANDLE_RADIUS = 6.0
#: The badge of an objection nothing answers, and its colour.
UNANSWERED_BADGE = "⚠ unanswered"
UNANSWERED_COLOR = "#B71C1C"
#: Text colour on a card coloured by its evaluation label (the fills are all light).
LABELLED_TEXT = "#1A1A1A"
CITATION_COLOR = "#555555"
HIGHLIGHT_COLOR = "#F2B705"

_FLAGS = (
    QGraphicsItem.ItemIsSelectable | QGraphicsItem.ItemIsMovable | QGraphicsItem.ItemIsFocusable
)


def card_height(text, citation):
    """The height of a card showing *text* (wrapped) and, if any, a *citation* line."""
    kind = card_type()
    lines = len(wrap_text(text or " ", CARD_WIDTH - 2 * PADDING))
    return (
        2 * PADDING
        + kind.header_height
        + lines * kind.line_height
        + (kind.line_height if citation else 0)
    )


def card_heights(amap):
    """``{node: card height}`` for every node of *amap*, as the canvas will draw them."""
    return {
        node: card_height(attrs.get("text", ""), citation_text(amap, attrs))
        for node, attrs in amap.graph.nodes(data=True)
    }


class NodeItem(QGraphicsItem):
    """A card for one node: header, wrapped text, badges, collapse toggle, link handle."""

    def __init__(self, node_id, attrs, card):
        super().__init__()
        self.node_id = node_id
        self.edges = set()
        self.hidden_count = 0
        self.child_count = 0
        self.highlighted = False
        self.label = None  # 'in' | 'out' | 'undecided' while Evaluate is on
        self.reasons = ()  # why the label (sentences)
        self.unanswered = False  # an objection that nothing opposes
        self.center = (0.0, 0.0)  # where the card is (its links read it)
        self.setFlags(_FLAGS)
        self.setAcceptHoverEvents(True)
        self.setCacheMode(QGraphicsItem.DeviceCoordinateCache)
        self.update_from(attrs, card)

    # ----------------------------------------------------------- content
    def update_from(self, attrs, card):
        """Take the node's attributes and its :class:`~argmap.render.cards.Card`; re-measure."""
        self.prepareGeometryChange()
        self.attrs = dict(attrs)
        self.card = card
        kind = card_type()
        self.lines = wrap_text(attrs.get("text", "") or " ", CARD_WIDTH - 2 * PADDING)
        self.header = card.header
        self.line_height = kind.line_height
        self.header_height = kind.header_height
        self.citation = card.citation
        height = card_height(attrs.get("text", ""), self.citation)
        self.size = (CARD_WIDTH, height)
        self._rect = QRectF(-CARD_WIDTH / 2, -height / 2, CARD_WIDTH, height)
        self._bounds = self._rect.adjusted(-4, -HANDLE_RADIUS - 4, 4, HANDLE_RADIUS + 12)
        self._restyle()

    def set_evaluation(self, label, reasons, unanswered):
        """Show an evaluation *label* (None: colour by role), its *reasons*, the unanswered mark."""
        reasons = tuple(reasons)
        if (label, reasons, unanswered) == (self.label, self.reasons, self.unanswered):
            return
        self.label, self.reasons, self.unanswered = label, reasons, unanswered
        self._restyle()

    def _restyle(self):
        """Repaint; the colours, badges and elided header are worked out at the next paint."""
        self._look = None
        self.update()

    def _worked_out(self):
        """What a full paint needs: colours, badges with widths, header and citation as shown."""
        if self._look is None:
            kind = card_type()
            metrics = kind.header_metrics
            badges = [(badge, metrics.horizontalAdvance(badge)) for badge in self.badges()]
            room = CARD_WIDTH - 2 * PADDING - (sum(w + 11 for _, w in badges) + 4)
            citation = (
                kind.citation_metrics.elidedText(
                    "— " + self.citation, Qt.ElideRight, CARD_WIDTH - 2 * PADDING
                )
                if self.citation
                else ""
            )
            self._look = (
                self.colours(),
                badges,
                room,
                metrics.elidedText(self.header, Qt.ElideRight, room),
                citation,
            )
        return self._look

    def toolTip(self):
        """The card's statement, label and reasons (made when asked; shown on hover)."""
        text = self.attrs.get("text", "")
        if self.label is not None:
            text += f"\n\n{LABEL_STYLE[self.label]['name'].capitalize()} ({self.label}):"
            text += "".join(f"\n• {reason}" for reason in self.reasons)
        if self.unanswered:
            text += "\n\nUnanswered objection: nothing opposes it yet."
        return tooltip(text)

    def colours(self):
        """The card's colours: by its role, or by its evaluation label when it has one."""
        style = role_style(self.card.place)
        if self.label is None:
            return style
        label = LABEL_STYLE[self.label]
        return {**style, "fill": label["fill"], "border": label["border"], "text": LABELLED_TEXT}

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

    # ---------------------------------------------------------- geometry
    def handle_center(self):
        return QPointF(0, -self.size[1] / 2)

    def toggle_center(self):
        return QPointF(self.size[0] / 2 - 24, self.size[1] / 2)

    def boundingRect(self):
        return self._bounds

    def shape(self):
        """The card and the whole of its link handle, which stands out above its top edge."""
        path = QPainterPath()
        path.addRoundedRect(self._rect, 8, 8)
        path.addEllipse(self.handle_center(), HANDLE_RADIUS * 2, HANDLE_RADIUS * 2)
        return path

    def on_handle(self, pos):
        """True if *pos* (item coordinates) is on the link handle."""
        return (pos - self.handle_center()).manhattanLength() <= HANDLE_RADIUS * 2

    def on_toggle(self, pos):
        return self.child_count > 0 and (pos - self.toggle_center()).manhattanLength() <= 16

    def place(self, x, y):
        """Put the card's centre at ``(x, y)``; its links follow."""
        self.setPos(x, y)
        self.center = (float(x), float(y))
        for edge in self.edges:
            edge.update_path()

    def moved(self):
        """Bring the links in step after the card was dragged (the canvas calls it)."""
        pos = self.pos()
        self.place(pos.x(), pos.y())

    # ---------------------------------------------------------- painting
    def paint(self, painter, option, widget=None):
        look = self._worked_out()
        style = look[0]
        rect = self._rect
        border = QColor(style["border"])
        if option.levelOfDetailFromTransform(painter.worldTransform()) < card_type().sketch_below:
            painter.setPen(QPen(border, 0))  # too small to read: the card's shape only
            painter.setBrush(QColor(style["fill"]))
            painter.drawRect(rect)
            return
        painter.setRenderHint(painter.RenderHint.Antialiasing)
        pen = QPen(border, style["penwidth"] + (1.3 if self.isSelected() else 0))
        if self.attrs.get("draft"):
            pen.setStyle(Qt.DashLine)
        if self.highlighted:
            painter.setPen(QPen(QColor(HIGHLIGHT_COLOR), 6))
            painter.drawRoundedRect(rect.adjusted(-3, -3, 3, 3), 10, 10)
        painter.setPen(pen)
        painter.setBrush(QBrush(QColor(style["fill"])))
        radius = 8 if KIND_STYLE[self.attrs["kind"]]["rounded"] else 2
        painter.drawRoundedRect(rect, radius, radius)
        self._paint_text(painter, rect, look)
        self._paint_badges(painter, rect, border, look[1])
        self._paint_controls(painter, border)

    def _paint_text(self, painter, rect, look):
        style, _, room, header, citation = look
        kind = card_type()
        x = rect.left() + PADDING
        y = rect.top() + PADDING
        painter.setFont(kind.header)
        painter.setPen(QColor(style["border"]))
        painter.drawText(QRectF(x, y, room, self.header_height), Qt.AlignLeft | Qt.AlignTop, header)
        y += self.header_height
        painter.setFont(kind.body)
        painter.setPen(QColor(style["text"]))
        ascent = kind.body_metrics.ascent()
        for line in self.lines:
            painter.drawText(QPointF(x, y + ascent), line)
            y += self.line_height
        if citation:
            painter.setFont(kind.citation)
            painter.setPen(QColor(CITATION_COLOR))
            painter.drawText(QPointF(x, y + kind.citation_metrics.ascent() + 2), citation)

    def _paint_badges(self, painter, rect, border, badges):
        painter.setFont(card_type().header)
        x = rect.right() - PADDING
        for badge, advance in reversed(badges):
            width = advance + 8
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

    def hoverEnterEvent(self, event):
        self.update()
        super().hoverEnterEvent(event)

    def hoverLeaveEvent(self, event):
        self.update()
        super().hoverLeaveEvent(event)
