"""The rows of the outline: made as whole branches before they join the tree, and styled.

A branch (a node and everything that bears on it, nested) is built row by row
while it belongs to no tree, then put in place in one step, so a map of
thousands of nodes does not tell the view about each row. The colour of a
row's role and its brush are worked out once per role.
"""

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import QTreeWidgetItem

from argmap.gui.plain import tooltip
from argmap.model import queries
from argmap.render.cards import node_places
from argmap.render.colours import readable_on
from argmap.render.style import role_style

ID_ROLE = Qt.UserRole
RELATION_ROLE = Qt.UserRole + 1
TEXT_ROLE = Qt.UserRole + 2
UNANSWERED_ROLE = Qt.UserRole + 3
#: Shown before the row of an objection nothing answers.
UNANSWERED_MARK = "⚠ "
UNANSWERED_TIP = "\n\nUnanswered objection: nothing opposes it yet."


#: Said in the tooltip of a co-premise's row.
GROUP_TIP = "\n\nCo-premise (group {}): it holds only together with the others of its group."


def label(attrs, relation, group=None):
    """A row's text: ``+`` supports or ``−`` opposes, ``[g1]`` for a co-premise group."""
    mark = {"supports": "+ ", "opposes": "− "}.get(relation, "")
    return mark + (f"[{group}] " if group else "") + attrs["text"]


def group_of(amap, item, node_id):
    """The co-premise group of the link from *node_id* to the row above *item*, if any."""
    above = item.parent()
    target = above.data(0, ID_ROLE) if above is not None else None
    if target is None or not amap.graph.has_edge(node_id, target):
        return None
    group = amap.graph.edges[node_id, target].get("group")
    return str(group) if group not in (None, "") else None


def premises(amap):
    """``{node: [(premise, relation), ...]}`` in sibling order, for the whole map at once."""
    graph = amap.graph
    return {node: premises_of(amap, node) for node in graph if graph.in_degree(node)}


def premises_of(amap, node):
    """``[(premise, relation), ...]`` of one node, in sibling order (see ``queries.children``)."""
    edges = amap.graph.edges
    return [(premise, edges[premise, node]["relation"]) for premise in queries.children(amap, node)]


class RowMaker:
    """Makes and styles the rows of *outline* (an OutlineTree), recording them in its rows."""

    def __init__(self, outline):
        self.outline = outline
        self._brushes = {}
        self._flags = None

    def branch(self, node_id, relation, path, places=None, kids=None):
        """The row of *node_id* with its premises nested below, not yet in any tree.

        *path* holds the nodes above it (a circle is shown once); *places* and
        *kids* (see :func:`premises`), when given, are the whole map's.
        """
        amap = self.outline.document.amap
        top = self.row(node_id, relation, places)
        stack = [(top, node_id, path)]
        while stack:
            item, node, above = stack.pop()
            below = kids.get(node, ()) if kids is not None else premises_of(amap, node)
            rows = []
            for child, child_relation in below:
                if child not in above:
                    rows.append(self.row(child, child_relation, places))
                    stack.append((rows[-1], child, above | {child}))
            if rows:
                item.addChildren(rows)
                for row in rows:  # a co-premise's mark needs the row above it
                    child = row.data(0, ID_ROLE)
                    if group_of(amap, row, child):
                        self.mark(row, child, amap.node(child))
        return top

    def row(self, node_id, relation, places=None):
        """One row for *node_id* (recorded in the outline's rows)."""
        item = QTreeWidgetItem()
        if self._flags is None:
            self._flags = item.flags() | Qt.ItemIsEditable
        item.setData(0, ID_ROLE, node_id)
        item.setFlags(self._flags)
        place = places[node_id] if places is not None else None
        self.style(item, node_id, self.outline.document.amap.node(node_id), relation, place)
        self.outline.rows_of(node_id).append(item)
        return item

    def style(self, item, node_id, attrs, relation, place=None):
        """Give *item* the text, mark, colour and tooltip of *node_id*."""
        item.setData(0, RELATION_ROLE, relation)
        item.setData(0, TEXT_ROLE, attrs["text"])
        if place is None:
            place = node_places(self.outline.document.amap, [node_id])[node_id]
        item.setForeground(0, self._brush(role_style(place)["border"]))
        self.mark(item, node_id, attrs)

    def mark(self, item, node_id, attrs):
        """Show on *item* whether *node_id* is an objection nothing answers."""
        unanswered = node_id in self.outline.unanswered
        relation = item.data(0, RELATION_ROLE)
        group = group_of(self.outline.document.amap, item, node_id)
        text = label(attrs, relation, group)
        item.setText(0, (UNANSWERED_MARK if unanswered else "") + text)
        item.setData(0, UNANSWERED_ROLE, unanswered)
        tip = attrs["text"] + (UNANSWERED_TIP if unanswered else "")
        item.setToolTip(0, tooltip(tip + (GROUP_TIP.format(group) if group else "")))

    def _brush(self, border):
        base = self.outline.palette().base().color().name()
        brush = self._brushes.get((border, base))
        if brush is None:
            brush = self._brushes[(border, base)] = QBrush(QColor(readable_on(border, base)))
        return brush
