"""The outline dock: the map as an indented tree, in step with the canvas.

Main claims first, then what bears on each, nested, in sibling order. A node
with several targets appears under each. Edits (text, reordering by drag and
drop) become commands on the document; the tree follows the model row by row
a moment after each change (FOLLOW_MS, once for all the changes of that
moment), so a key on the canvas is answered before the tree is laid out again.
It shares the window's selection.
"""

from PySide6.QtCore import QEvent, Qt, QTimer
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QAbstractItemView, QLineEdit, QStyledItemDelegate, QTreeWidget

from argmap.gui.outline_rows import (  # noqa: F401 (the roles and mark are the outline's)
    ID_ROLE,
    RELATION_ROLE,
    TEXT_ROLE,
    UNANSWERED_MARK,
    UNANSWERED_ROLE,
    RowMaker,
    premises,
)
from argmap.model import ChangeType, dispatcher, queries
from argmap.render.cards import node_places

ORIGIN = "outline"
#: Milliseconds within which the outline follows an edit or a selection made elsewhere: the
#: canvas answers a key at once, the outline a moment later, once for all that came since.
FOLLOW_MS = 100
#: More changes than this at once are followed by drawing the tree again.
CATCH_UP_MAX = 200
#: Changes the outline follows without redrawing: nothing it shows depends on them.
QUIET = (ChangeType.MAP_CHANGED, ChangeType.DOCUMENT_ADDED, ChangeType.DOCUMENT_REMOVED)


class _RenameDelegate(QStyledItemDelegate):
    """Edits a row's statement itself (never the "+ " / "− " mark shown before it)."""

    def __init__(self, outline):
        super().__init__(outline)
        self.outline = outline

    def createEditor(self, parent, option, index):
        return QLineEdit(parent)

    def setEditorData(self, editor, index):
        editor.setText(index.data(TEXT_ROLE) or "")

    def setModelData(self, editor, model, index):
        self.outline.rename(index.data(ID_ROLE), editor.text())


class OutlineTree(QTreeWidget):
    """Indented tree of the map; selecting here selects on the canvas and back."""

    def __init__(self, document, selection):
        super().__init__()
        self.document = document
        self.selection = selection
        self.setItemDelegate(_RenameDelegate(self))
        self.key_actions = []  # actions whose shortcuts also work here (set by the window)
        self.setHeaderHidden(True)
        self.setSelectionMode(QAbstractItemView.ExtendedSelection)
        self.setDragDropMode(QAbstractItemView.InternalMove)
        self.setUniformRowHeights(True)  # one line a row: fast on maps of thousands
        self._syncing = False
        self._rows = {}  # node id -> its rows (a node under several targets has several)
        self.unanswered = set()  # objections nothing answers (set by mark_unanswered)
        self.rows = RowMaker(self)
        self._pending = self._timer(self.rebuild)
        self._queue = []  # model changes not followed yet
        self._selection_due = False  # the shared selection changed elsewhere meanwhile
        self._later = self._timer(self._catch_up, FOLLOW_MS)
        self._loose = set()  # nodes just added: a top row, unless a link comes with them
        self.itemSelectionChanged.connect(self._selection_changed)
        self._follow = dispatcher(
            {
                ChangeType.NODE_ADDED: self._on_node_added,
                ChangeType.NODE_REMOVED: self._on_node_removed,
                ChangeType.NODE_CHANGED: self._on_node_changed,
                ChangeType.EDGE_ADDED: self._on_edge_added,
                ChangeType.EDGE_REMOVED: self._on_edge_removed,
                ChangeType.EDGE_CHANGED: self._on_edge_changed,
            },
            default=self._on_other,
        )
        document.changed.connect(self.schedule_rebuild)
        document.reset.connect(self.rebuild)
        selection.changed.connect(self._follow_selection)
        self.rebuild()

    def _timer(self, slot, interval=0):
        timer = QTimer(self)
        timer.setSingleShot(True)
        timer.setInterval(interval)
        timer.timeout.connect(slot)
        return timer

    def rows_of(self, node_id):
        """The rows of *node_id* (a list the row maker adds to)."""
        return self._rows.setdefault(node_id, [])

    def schedule_rebuild(self, change=None):
        """Follow a model change: small ones row by row a moment later, others by a redraw
        when idle."""
        if change is None or self._pending.isActive():
            self._queue = []
            self._pending.start()
            return
        if change.type == ChangeType.NODE_CHANGED and set(change.keys) <= {"pos"}:
            return
        self._queue.append(change)
        if not self._later.isActive():
            self._later.start()

    @property
    def following(self):
        """Whether changes or a selection made elsewhere wait to be shown (a moment)."""
        return self._later.isActive() or self._pending.isActive()

    def _catch_up(self):
        """Follow the changes and the selection of the last moment, row by row, at once."""
        queue, self._queue = self._queue, []
        if len(queue) > CATCH_UP_MAX:
            self.rebuild()
            return
        self._syncing = True
        self.blockSignals(True)
        try:
            for change in queue:
                self._follow(change)
            self._place_loose()
        finally:
            self.blockSignals(False)
            self._syncing = False
        if self._selection_due:
            self._selection_due = False
            self.select_ids(self.selection.nodes)

    def _on_other(self, change):
        if change.type not in QUIET:
            self._pending.start()

    # row-by-row updates for the frequent changes
    def _on_node_added(self, change):
        self._loose.add(change.node)  # most new nodes come with their link: wait for it

    def _place_loose(self):
        amap, loose, self._loose = self.document.amap, self._loose, set()
        placed = [
            n
            for n in amap.graph
            if n in loose and not amap.graph.out_degree(n) and not self._rows.get(n)
        ]
        for node in placed:
            self._insert(self.invisibleRootItem(), self.rows.branch(node, None, {node}))
        if set(placed) & set(self.selection.nodes):
            self._selection_due = True

    def _on_node_removed(self, change):
        for item in list(self._rows.get(change.node, ())):
            self._remove_row(item)

    def _on_node_changed(self, change):
        amap = self.document.amap
        if not {"text", "kind"} & set(change.keys) or change.node not in amap:
            return
        restyled = (
            queries.places_touched(amap, change.node) if "kind" in change.keys else [change.node]
        )
        for node in restyled:
            attrs = amap.node(node)
            for item in self._rows.get(node, ()):
                self.rows.style(item, node, attrs, item.data(0, RELATION_ROLE))

    def _on_edge_added(self, change):
        source, target = change.edge
        amap = self.document.amap
        self._loose.discard(source)
        if not amap.graph.has_edge(source, target):
            return  # gone again since
        for item in list(self._rows.get(source, ())):
            if item.parent() is None:
                self._remove_row(item)
        index = queries.children(amap, target).index(source)
        relation = amap.edge(source, target)["relation"]
        for row in list(self._rows.get(target, ())):
            path = self._path_of(row)
            if source not in path and not _has_child(row, source):
                self._insert(row, self.rows.branch(source, relation, path | {source}), index)

    def _on_edge_removed(self, change):
        source, target = change.edge
        for row in list(self._rows.get(target, ())):
            for i in reversed(range(row.childCount())):
                if row.child(i).data(0, ID_ROLE) == source:
                    self._remove_row(row.child(i))
        amap = self.document.amap
        rows = self._rows.get(source, ())
        if (
            source in amap
            and amap.graph.out_degree(source) == 0
            and not any(r.parent() is None for r in rows)
        ):
            self._insert(self.invisibleRootItem(), self.rows.branch(source, None, {source}))

    def _on_edge_changed(self, change):
        source, target = change.edge
        if not self.document.amap.graph.has_edge(source, target):
            return
        relation = self.document.amap.edge(source, target)["relation"]
        attrs = self.document.amap.node(source)
        for row in self._rows.get(source, ()):
            parent = row.parent()
            if parent is not None and parent.data(0, ID_ROLE) == target:
                self.rows.style(row, source, attrs, relation)

    def _path_of(self, row):
        path = set()
        while row is not None:
            path.add(row.data(0, ID_ROLE))
            row = row.parent()
        return path

    def _remove_row(self, item):
        stack = [item]
        while stack:
            row = stack.pop()
            rows = self._rows.get(row.data(0, ID_ROLE), [])
            if row in rows:
                rows.remove(row)
            stack.extend(row.child(i) for i in range(row.childCount()))
        parent = item.parent() or self.invisibleRootItem()
        parent.removeChild(item)

    def rebuild(self):
        """Redraw the whole tree from the model, keeping the selection."""
        amap = self.document.amap
        selected = self.selected_ids()
        self._syncing = True
        self.blockSignals(True)
        try:
            self.clear()
            self._rows, self._loose, self._queue = {}, set(), []
            places, kids = node_places(amap, amap.graph.nodes), premises(amap)
            tops = [
                self.rows.branch(root, None, {root}, places, kids)
                for root in queries.main_claims(amap)
            ]
            tops += [
                self.rows.branch(node, None, {node}, places, kids)
                for node in amap.graph
                if node not in self._rows and amap.graph.out_degree(node) == 0
            ]
            self.addTopLevelItems(tops)
            self.expandAll()
            if self._selection_due:
                selected, self._selection_due = self.selection.nodes, False
            for node_id in selected:
                for item in self._rows.get(node_id, ()):
                    item.setSelected(True)
        finally:
            self.blockSignals(False)
            self._syncing = False

    def _insert(self, parent, branch, index=None):
        """Put a *branch* (see RowMaker.branch) under *parent* at *index*, all expanded."""
        if index is None:
            parent.addChild(branch)
        else:
            parent.insertChild(min(index, parent.childCount()), branch)
        self.expandRecursively(self.indexFromItem(branch))

    def mark_unanswered(self, nodes):
        """Mark the rows of the objections *nodes* as unanswered (and unmark the others)."""
        nodes = set(nodes)
        changed, self.unanswered = nodes ^ self.unanswered, nodes
        amap = self.document.amap
        for node_id in changed:
            if node_id in amap:
                for item in self._rows.get(node_id, ()):
                    self.rows.mark(item, node_id, amap.node(node_id))

    def _all_items(self):
        stack = [self.invisibleRootItem()]
        while stack:
            item = stack.pop()
            for i in range(item.childCount()):
                stack.append(item.child(i))
                yield item.child(i)

    def selected_ids(self):
        return [i.data(0, ID_ROLE) for i in self.selectedItems()]

    def _follow_selection(self, origin):
        if origin != ORIGIN:
            self._selection_due = True
            if not self._later.isActive():
                self._later.start()

    def select_ids(self, node_ids):
        """Select the rows of *node_ids* without echoing back."""
        wanted = set(node_ids)
        self._syncing = True
        self.blockSignals(True)
        try:
            for item in self.selectedItems():
                if item.data(0, ID_ROLE) not in wanted:
                    item.setSelected(False)
            first = None
            for node_id in node_ids:
                for item in self._rows.get(node_id, ()):
                    item.setSelected(True)
                    first = first or item
            if first is not None:
                self.scrollToItem(first)
        finally:
            self.blockSignals(False)
            self._syncing = False

    def _selection_changed(self):
        if not self._syncing:
            amap = self.document.amap
            chosen = [n for n in dict.fromkeys(self.selected_ids()) if n in amap]
            self.selection.update_from(chosen, origin=ORIGIN)

    def rename(self, node_id, text):
        """Give *node_id* the statement *text* (one undoable step)."""
        if node_id in self.document.amap:
            self.document.set_text(node_id, text)
            self._catch_up()  # the outline's own edit shows in it at once

    def keyPressEvent(self, event):
        """The canvas's editing keys (Tab, Enter, Delete...) act here too, except while renaming."""
        if self.state() != QAbstractItemView.EditingState:
            pressed = QKeySequence(event.keyCombination())
            for action in self.key_actions:
                if action.isEnabled() and any(
                    k.matches(pressed) == QKeySequence.ExactMatch for k in action.shortcuts()
                ):
                    action.trigger()
                    event.accept()
                    return
        super().keyPressEvent(event)

    def event(self, event):
        if event.type() == QEvent.KeyPress and event.key() == Qt.Key_Tab:
            self.keyPressEvent(event)  # Tab adds a premise here, it does not move the focus
            return event.isAccepted() or super().event(event)
        return super().event(event)

    # ------------------------------------------------------- drag and drop
    def dropEvent(self, event):
        """Reorder or reparent through commands; the tree then redraws itself."""
        dragged = self.currentItem()
        target = self.itemAt(event.position().toPoint())
        event.setDropAction(Qt.IgnoreAction)
        event.accept()
        if dragged is None or target is None or target is dragged:
            return
        where = self.dropIndicatorPosition()
        if where == QAbstractItemView.OnItem:
            self._move_under(dragged, target, None)
        else:
            parent = target.parent()
            new_parent = parent.data(0, ID_ROLE) if parent else None
            self._move_under(
                dragged,
                parent,
                target,
                after=where == QAbstractItemView.BelowItem,
                new_parent=new_parent,
            )

    def _move_under(self, dragged, parent_item, sibling, after=False, new_parent=None):
        amap = self.document.amap
        node = dragged.data(0, ID_ROLE)
        if sibling is None:
            new_parent = parent_item.data(0, ID_ROLE)
        old_parent = dragged.parent().data(0, ID_ROLE) if dragged.parent() else None
        index = None
        if sibling is not None:
            order = amap.node_index()
            index = order[sibling.data(0, ID_ROLE)]
            if order[node] < index:
                index -= 1
            index += 1 if after else 0
        self.document.move_in_outline(
            node, old_parent, new_parent, index, dragged.data(0, RELATION_ROLE)
        )
        self.schedule_rebuild()


def _has_child(row, node_id):
    """Whether *row* already shows *node_id* among its children."""
    return any(row.child(i).data(0, ID_ROLE) == node_id for i in range(row.childCount()))
