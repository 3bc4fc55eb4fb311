"""The canvas scene: node cards and edges drawn from the document's map.

The scene redraws from the model's change events, one item at a time; it
never rebuilds itself for a single edit. User gestures (drag, link, toggle)
become document verbs. Its selection is the window's shared :class:`Selection`.
"""

from PySide6.QtCore import QPointF, QRectF, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QPainterPath, QPen
from PySide6.QtWidgets import QGraphicsPathItem, QGraphicsScene, QMenu, QToolTip

from argmap.gui import placement, room, tree_layout
from argmap.gui.clearance import Picture
from argmap.gui.edge_item import EdgeItem
from argmap.gui.items import NodeItem, card_height, card_heights, resizes_card
from argmap.model import RELATIONS, ChangeType, dispatcher, queries
from argmap.render.cards import Card, cards, citation_text, header_text
from argmap.render.style import CARD_WIDTH, RELATION_STYLE, rating_text

ORIGIN = "canvas"
#: Room (scene units) kept around the map for scrolling past its edge.
ROOM = 200.0


class MapScene(QGraphicsScene):
    """All cards and edges of one document."""

    unplaced_found = Signal()  # nodes without a position: a layout is needed
    recoloured = Signal()  # cards changed colour without a change to the map

    def __init__(self, document, selection, parent=None):
        super().__init__(parent)
        self.document = document
        self.selection = selection
        self.nodes = {}
        self.edges = {}
        self._syncing = False
        self._press_positions = None
        self._link_line = None
        self._link_source = None
        self._collapsed = set()
        self._group_items = []
        self._bounds = None  # map_rect(): grown as things come, made again if they move or go
        self._due = set()  # cards to work out again once the edit is done
        self._grew = {}  # node -> how much taller its card became at its last change
        self._due_timer = QTimer(self)
        self._due_timer.setSingleShot(True)
        self._due_timer.timeout.connect(self.refresh_due)
        self.setBackgroundBrush(QColor("#F7F8FA"))
        self._follow = dispatcher(
            {
                ChangeType.NODE_ADDED: self._on_node_added,
                ChangeType.NODE_REMOVED: self._on_node_removed,
                ChangeType.NODE_CHANGED: self._on_node_changed,
                ChangeType.EDGE_ADDED: self._on_edge_added,
                ChangeType.EDGE_REMOVED: self._on_edge_removed,
                ChangeType.EDGE_CHANGED: self._on_edge_changed,
            }
        )
        document.changed.connect(self.on_change)
        document.stepped.connect(self.refresh_due)
        document.reset.connect(self.rebuild)
        document.place = self.place
        document.prepare = self.prepare
        document.settle = self.settle
        self.selectionChanged.connect(self._selection_from_items)
        selection.changed.connect(self._selection_to_items)
        self.rebuild()

    @property
    def amap(self):
        return self.document.amap

    # ----------------------------------------------------------- building
    def rebuild(self):
        """Create every item afresh (on opening a map)."""
        self.clear()
        self.nodes, self.edges, self._group_items = {}, {}, []
        self._bounds = None
        graph = self.amap.graph
        unplaced = False
        shown = cards(self.amap)
        for node_id, attrs in graph.nodes(data=True):
            item = self._add_node_item(node_id, attrs, shown[node_id])
            item.child_count = graph.in_degree(node_id)
            unplaced = unplaced or "pos" not in attrs
        for source, target, attrs in graph.edges(data=True):
            self._add_edge_item(source, target, attrs)
        self._collapsed = {n for n, a in graph.nodes(data=True) if a.get("collapsed")}
        if self._collapsed:
            self.refresh_visibility()
        self.refresh_groups()
        self.setSceneRect(self.map_rect().adjusted(-ROOM, -ROOM, ROOM, ROOM))
        if unplaced and len(graph):
            self.unplaced_found.emit()

    def map_rect(self):
        """The rectangle every card, link and band lies in (kept, and grown as they come)."""
        if self._bounds is None:
            self._bounds = self.itemsBoundingRect()
        return QRectF(self._bounds)

    def helpEvent(self, event):
        """Show the tooltip of the card or link under the pointer, written when asked."""
        view = self.views()[0] if self.views() else None
        transform = view.transform() if view is not None else None
        text = ""
        for item in self.items(
            event.scenePos(), Qt.IntersectsItemShape, Qt.DescendingOrder, transform
        ):
            text = item.toolTip()
            if text:
                break
        QToolTip.showText(event.screenPos(), text, event.widget())
        event.setAccepted(bool(text))

    @staticmethod
    def prepare(amap):
        """Place a large map read without positions as a tree, before it is drawn."""
        tree_layout.place_large(amap, card_heights)

    def _grow(self, item):
        """Make the scene's area hold *item* (it never shrinks while the map is open)."""
        rect = item.sceneBoundingRect()
        if not self.sceneRect().contains(rect):
            self.setSceneRect(self.sceneRect().united(rect.adjusted(-ROOM, -ROOM, ROOM, ROOM)))

    def _add_node_item(self, node_id, attrs, card):
        item = NodeItem(node_id, attrs, card)
        item.place(*attrs.get("pos", (0.0, 0.0)))
        self.addItem(item)
        self.nodes[node_id] = item
        return item

    def _add_edge_item(self, source, target, attrs):
        item = EdgeItem(self.nodes[source], self.nodes[target], attrs)
        self.addItem(item)
        self.edges[(source, target)] = item
        return item

    def _card(self, node_id):
        return cards(self.amap, [node_id])[node_id]

    def _provisional_card(self, node_id, attrs):
        """The card of a node just added, before its place in the debate is known."""
        kind = attrs["kind"]
        return Card(
            node_id,
            kind,
            kind,
            header_text(attrs, kind),
            attrs.get("text", ""),
            citation_text(self.amap, attrs),
            rating_text(attrs.get("rating")),
        )

    def _refresh_later(self, node_ids):
        """Work out these cards again when the edit is done (once, whatever it changed)."""
        self._due.update(node_ids)
        self._due_timer.start()

    def refresh_due(self):
        """Work out again the cards an edit touched (after each step; else when idle)."""
        if self._due:
            due, self._due = self._due, set()
            self._refresh_cards(due)

    def _refresh_cards(self, node_ids):
        graph = self.amap.graph
        present = [n for n in node_ids if n in self.nodes and n in graph]
        for node_id, card in cards(self.amap, present).items():
            item = self.nodes[node_id]
            item.child_count = graph.in_degree(node_id)
            item.update_from(graph.nodes[node_id], card)

    # ------------------------------------------------------ model events
    def on_change(self, change):
        if change.type not in (ChangeType.NODE_ADDED, ChangeType.EDGE_ADDED) and not (
            change.type == ChangeType.NODE_CHANGED and "pos" not in change.keys
        ):
            self._bounds = None  # something moved or went: measured again when asked
        self._follow(change)

    def _hold(self, item):
        """Grow the kept rectangle of the map to hold *item* (and its links)."""
        if self._bounds is not None:
            for part in [item, *getattr(item, "edges", ())]:
                self._bounds = self._bounds.united(part.sceneBoundingRect())

    def _on_node_added(self, change):
        attrs = self.amap.node(change.node)
        item = self._add_node_item(change.node, attrs, self._provisional_card(change.node, attrs))
        self._refresh_later([change.node])
        self._grow(item)
        self._hold(item)

    def _on_node_removed(self, change):
        item = self.nodes.pop(change.node)
        self._collapsed.discard(change.node)
        self.removeItem(item)

    def _on_node_changed(self, change):
        item = self.nodes[change.node]
        attrs = self.amap.node(change.node)
        if "pos" in change.keys and "pos" in attrs:
            item.place(*attrs["pos"])
            self._grow(item)
            if self._group_items:
                self.refresh_groups()
        if set(change.keys) - {"pos"}:
            height = item.size[1]
            item.update_from(attrs, self._card(change.node))
            if resizes_card(attrs, set(change.keys)):
                self._grew[change.node] = item.size[1] - height
                for edge in item.edges:
                    edge.update_path()
            if "kind" in change.keys:
                self._refresh_later(queries.places_touched(self.amap, change.node))
            self._hold(item)
        if "collapsed" in change.keys:
            (self._collapsed.add if attrs.get("collapsed") else self._collapsed.discard)(
                change.node
            )
            self.refresh_visibility()

    def _on_edge_added(self, change):
        source, target = change.edge
        self._hold(self._add_edge_item(source, target, self.amap.edge(source, target)))
        self._after_edge_change(change.edge)

    def _on_edge_removed(self, change):
        item = self.edges.pop(change.edge)
        item.detach()
        self.removeItem(item)
        self._after_edge_change(change.edge)

    def _on_edge_changed(self, change):
        self.edges[change.edge].update_from(self.amap.edge(*change.edge))
        self._after_edge_change(change.edge)

    def _after_edge_change(self, edge):
        source, target = edge
        self._refresh_later(queries.places_touched(self.amap, link=edge))
        if self._collapsed:
            self.refresh_visibility()
        graph = self.amap.graph
        if self._group_items or (
            graph.has_edge(source, target) and graph.edges[source, target].get("group")
        ):
            self.refresh_groups()

    # -------------------------------------------------------- evaluation
    def show_evaluation(self, labels, why, unanswered, nodes=None):
        """Colour cards by *labels* (empty: by role), with *why* in tooltips; mark *unanswered*.

        Only the cards of *nodes* (default: all) are looked at, and only those whose
        label, reasons or mark changed are repainted.
        """
        items = (
            self.nodes.items()
            if nodes is None
            else ((n, self.nodes[n]) for n in nodes if n in self.nodes)
        )
        recoloured = False
        for node_id, item in items:
            reasons = [str(r) for r in why[node_id]] if node_id in why else ()
            label = labels.get(node_id)
            recoloured = recoloured or label != item.label
            item.set_evaluation(label, reasons, node_id in unanswered)
        if recoloured:
            self.recoloured.emit()

    # -------------------------------------------------- collapse, groups
    def refresh_visibility(self):
        """Hide what bears on collapsed nodes; count it on their toggles."""
        hidden = set()
        for node_id in self._collapsed:
            if node_id in self.amap:
                below = queries.subtree(self.amap, node_id) - {node_id}
                self.nodes[node_id].hidden_count = len(below)
                hidden |= below
        for node_id, item in self.nodes.items():
            item.setVisible(node_id not in hidden)
            item.update()
        for (source, target), item in self.edges.items():
            item.setVisible(source not in hidden and target not in hidden)

    def group_bands(self):
        """The bands drawn behind co-premises."""
        return list(self._group_items)

    def refresh_groups(self):
        """Draw a shaded band behind co-premises that share a group."""
        for item in self._group_items:
            self.removeItem(item)
        self._group_items = []
        self._bounds = None
        groups = {}
        for source, target, attrs in self.amap.graph.edges(data=True):
            if attrs.get("group"):
                groups.setdefault((target, attrs["group"]), []).append(source)
        for members in groups.values():
            if len(members) > 1:
                self._group_items.append(GroupItem([self.nodes[m] for m in members]))
                self.addItem(self._group_items[-1])

    # --------------------------------------------------------- selection
    def _selection_from_items(self):
        if self._syncing:
            return
        items = self.selectedItems()
        nodes = [i.node_id for i in items if isinstance(i, NodeItem)]
        edges = [i.key for i in items if isinstance(i, EdgeItem)]
        self.selection.update_from(nodes, edges, ORIGIN)

    def _selection_to_items(self, origin):
        if origin == ORIGIN:
            return
        self._syncing = True
        try:
            wanted = set(self.selection.nodes)
            wanted_edges = set(self.selection.edges)
            for item in self.selectedItems():
                key = item.node_id if isinstance(item, NodeItem) else getattr(item, "key", None)
                if key not in wanted and key not in wanted_edges:
                    item.setSelected(False)
            for node_id in wanted:
                if node_id in self.nodes:
                    self.nodes[node_id].setSelected(True)
            for edge in wanted_edges:
                if edge in self.edges:
                    self.edges[edge].setSelected(True)
        finally:
            self._syncing = False

    def selected_nodes(self):
        """Selected node ids, in the order they were selected."""
        return self.selection.nodes

    def select_nodes(self, node_ids):
        """Select exactly *node_ids*."""
        self.selection.set([n for n in node_ids if n in self.nodes])

    # --------------------------------------------------------- placement
    def place(self, target=None, after=None):
        """Where a new card (of the size of a fresh one) goes: the free spot nearest under
        *target* (next to its premise *after*, when given), else the free spot nearest the
        middle of the view (see :mod:`argmap.gui.placement`)."""
        size = (CARD_WIDTH, card_height("New claim", ""))
        if target is not None and target in self.nodes:
            return placement.spot_for_premise(self, target, size, after)
        views = self.views()
        middle = views[0].mapToScene(views[0].viewport().rect().center()) if views else QPointF()
        return placement.spot_for_claim(self, (middle.x(), middle.y()), size)

    def settle(self, changes):
        """``{node: (x, y)}``: where cards must go after an edit that made *changes*: a card
        whose size changed keeps its top where it was; and when a card added or grown is in
        the way, the cards that make room for it (see :mod:`argmap.gui.room`)."""
        sized, self._grew = self._grew, {}
        subjects, grown = {}, {}
        for change in changes:
            node = change.node
            if node not in self.nodes or not self.nodes[node].isVisible():
                continue
            if change.type == ChangeType.NODE_ADDED:
                subjects[node] = True
            elif change.type == ChangeType.NODE_CHANGED and sized.get(node):
                subjects[node], grown[node] = True, sized[node]
        kept = {
            node: (self.nodes[node].center[0], self.nodes[node].center[1] + grown[node] / 2)
            for node in grown
        }
        if len(self.nodes) > room.ROOM_UP_TO or not any(
            placement.in_the_way(self, self.nodes[n], kept.get(n)) for n in subjects
        ):
            return kept
        shown = {n: item for n, item in self.nodes.items() if item.isVisible()}
        picture = Picture(
            {n: item.center for n, item in shown.items()},
            {n: item.size for n, item in shown.items()},
            [key for key, edge in self.edges.items() if edge.isVisible()],
        )
        return room.room_for(picture, list(subjects), grown, self._laid_out_again)

    def _laid_out_again(self):
        """The whole map laid out again as a tree, its cards kept in their order."""
        heights = {n: item.size[1] for n, item in self.nodes.items()}
        order = {n: item.center for n, item in self.nodes.items()}
        return tree_layout.tree_positions(self.amap, heights, order)

    # ------------------------------------------------------------ gestures
    def mousePressEvent(self, event):
        item = self.itemAt(event.scenePos(), self.views()[0].transform()) if self.views() else None
        if isinstance(item, NodeItem) and event.button() == Qt.LeftButton:
            local = item.mapFromScene(event.scenePos())
            if item.on_toggle(local):
                self.document.toggle_collapse(item.node_id)
                event.accept()
                return
            if item.on_handle(local):
                self._start_link(item, event.scenePos())
                event.accept()
                return
        super().mousePressEvent(event)
        self._press_positions = {
            i.node_id: i.pos() for i in self.selectedItems() if isinstance(i, NodeItem)
        }

    def mouseMoveEvent(self, event):
        if self._link_line is not None:
            path = QPainterPath(self._link_source.scenePos())
            path.lineTo(event.scenePos())
            self._link_line.setPath(path)
            event.accept()
            return
        super().mouseMoveEvent(event)
        if self._press_positions:  # dragging cards: their links follow
            self._bounds = None
            for node_id in self._press_positions:
                self.nodes[node_id].moved()

    def mouseReleaseEvent(self, event):
        if self._link_line is not None:
            self._finish_link(event)
            return
        super().mouseReleaseEvent(event)
        pressed, self._press_positions = self._press_positions, None
        if pressed:
            self._finish_drag(pressed, event.scenePos())

    def _finish_drag(self, pressed, scene_pos):
        moved = {n: p for n, p in pressed.items() if n in self.nodes and self.nodes[n].pos() != p}
        if not moved:
            return
        drop = self._node_under(scene_pos, exclude=set(moved))
        if len(moved) == 1 and drop is not None:
            node_id = next(iter(moved))
            self.nodes[node_id].place(pressed[node_id].x(), pressed[node_id].y())
            self.document.reparent(node_id, drop)
            return
        self.document.move_nodes({n: (self.nodes[n].x(), self.nodes[n].y()) for n in moved})

    def _node_under(self, scene_pos, exclude=()):
        for item in self.items(scene_pos):
            if isinstance(item, NodeItem) and item.node_id not in exclude and item.isVisible():
                return item.node_id
        return None

    def _start_link(self, item, scene_pos):
        self._link_source = item
        self._link_line = QGraphicsPathItem()
        self._link_line.setPen(QPen(QColor("#555555"), 1.5, Qt.DashLine))
        self.addItem(self._link_line)

    @property
    def linking(self):
        """Whether a link is being dragged from a card's handle."""
        return self._link_line is not None

    def cancel_link(self):
        """Drop the link being dragged (Esc)."""
        if self._link_line is not None:
            self.removeItem(self._link_line)
            self._link_line = self._link_source = None

    def _finish_link(self, event):
        source = self._link_source
        self.removeItem(self._link_line)
        self._link_line = self._link_source = None
        target = self._node_under(event.scenePos(), exclude={source.node_id})
        if target is None:
            return
        menu = QMenu()
        actions = {
            menu.addAction(f"{RELATION_STYLE[r]['name'].capitalize()}"): r for r in RELATIONS
        }
        view = self.views()[0]
        chosen = menu.exec(view.mapToGlobal(view.mapFromScene(event.scenePos())))
        if chosen in actions:
            self.document.link(source.node_id, target, actions[chosen])


class GroupItem(QGraphicsPathItem):
    """A soft band behind premises that only work together."""

    def __init__(self, members):
        super().__init__()
        rect = QRectF()
        for item in members:
            rect = rect.united(item.sceneBoundingRect())
        path = QPainterPath()
        path.addRoundedRect(rect.adjusted(-8, -8, 8, 8), 14, 14)
        self.setPath(path)
        self.setZValue(-2)
        self.setPen(QPen(QColor("#8C8C8C"), 1, Qt.DotLine))
        self.setBrush(QColor(120, 120, 160, 28))
        self.setToolTip("Co-premises: these only work together")
