"""Reversible edits of an argument map.

Every change a user makes is one of these commands. ``redo(map)`` carries it
out (checking first, so an invalid edit raises :class:`ModelError` and changes
nothing) and ``undo(map)`` reverses it exactly. The editor wraps them in Qt's
undo stack; :class:`History` is the same idea without Qt.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from argmap.errors import ModelError
from argmap.model.argument_map import ArgumentMap
from argmap.model.schema import Attrs, check_node_attr


class Command:
    """Base class: a labelled, reversible edit.

    ``created`` lists the ids of the nodes the command adds, in order, and
    ``documents`` the ids of the documents it adds.
    """

    label: str = "Edit"
    created: Sequence[str] = ()
    documents: Sequence[str] = ()

    def redo(self, amap: ArgumentMap) -> None:
        raise NotImplementedError

    def undo(self, amap: ArgumentMap) -> None:
        raise NotImplementedError

    def merge_with(self, other: Command) -> bool:
        """Absorb *other* (done right after this one) if they form one step."""
        return False


class AddNode(Command):
    """Add a node of *kind* with *text* and further attributes."""

    def __init__(
        self,
        kind: str,
        text: str,
        attrs: Mapping[str, Any] | None = None,
        node_id: str | None = None,
        index: int | None = None,
    ) -> None:
        self.attrs = dict(attrs or {}, kind=kind, text=text)
        self.node_id = node_id
        self.index = index
        self.label = f"Add {kind}"

    def redo(self, amap: ArgumentMap) -> None:
        if self.node_id is None:
            self.node_id = amap.new_id()
        amap._insert_node(self.node_id, self.attrs, self.index)

    def undo(self, amap: ArgumentMap) -> None:
        if self.node_id is not None:
            amap._delete_node(self.node_id)


class RemoveNode(Command):
    """Remove a node together with its edges."""

    def __init__(self, node_id: str) -> None:
        self.node_id = node_id
        self.label = "Delete node"
        # what the removal took, kept for its undo
        self.attrs: Attrs = {}
        self.index = 0
        self.edges: list[tuple[str, str, Attrs]] = []

    def redo(self, amap: ArgumentMap) -> None:
        graph = amap.graph
        self.attrs = dict(amap.node(self.node_id))
        self.index = list(graph.nodes).index(self.node_id)
        self.edges = [(u, v, dict(a)) for u, v, a in graph.in_edges(self.node_id, data=True)]
        self.edges += [(u, v, dict(a)) for u, v, a in graph.out_edges(self.node_id, data=True)]
        for u, v, _ in self.edges:
            amap._delete_edge(u, v)
        amap._delete_node(self.node_id)

    def undo(self, amap: ArgumentMap) -> None:
        amap._insert_node(self.node_id, self.attrs, self.index)
        for u, v, attrs in self.edges:
            amap._insert_edge(u, v, attrs)


class SetNodeAttrs(Command):
    """Change node attributes; the value :data:`~argmap.model.schema.REMOVE` deletes one.

    Successive changes of the same attributes of the same node merge into one
    step when *merge_key* is set (typing in a text field, one drag).
    """

    def __init__(
        self,
        node_id: str,
        changes: Mapping[str, Any],
        label: str = "Edit node",
        merge_key: object = None,
    ) -> None:
        self.node_id = node_id
        self.changes = dict(changes)
        self.label = label
        self.merge_key = merge_key
        self.old: Attrs = {}

    def redo(self, amap: ArgumentMap) -> None:
        self.old = amap._update_node(self.node_id, self.changes)

    def undo(self, amap: ArgumentMap) -> None:
        amap._update_node(self.node_id, self.old)

    def merge_with(self, other: Command) -> bool:
        if (
            self.merge_key is None
            or not isinstance(other, SetNodeAttrs)
            or other.merge_key != self.merge_key
            or other.node_id != self.node_id
            or set(other.changes) != set(self.changes)
        ):
            return False
        self.changes = dict(other.changes)
        return True


def _as_pair(pos: Any) -> Any:
    """Return *pos* as a tuple when it is a sequence; checking is left to the model."""
    return tuple(pos) if isinstance(pos, (list, tuple)) else pos


def move_node(node_id: str, pos: Sequence[float], merge_key: object = None) -> SetNodeAttrs:
    """A command that places *node_id* at *pos* (x, y)."""
    return SetNodeAttrs(node_id, {"pos": _as_pair(pos)}, "Move node", merge_key)


class MoveNodes(Command):
    """Place several nodes at once (one drag of a selection, a tidy layout)."""

    def __init__(self, positions: Mapping[str, Sequence[float]], label: str = "Move nodes") -> None:
        self.positions = {n: _as_pair(p) for n, p in positions.items()}
        self.label = label
        self.old: dict[str, Attrs] = {}

    def redo(self, amap: ArgumentMap) -> None:
        for node_id, pos in self.positions.items():
            amap.node(node_id)
            check_node_attr("pos", pos)
        self.old = {n: amap._update_node(n, {"pos": p}) for n, p in self.positions.items()}

    def undo(self, amap: ArgumentMap) -> None:
        for node_id, old in self.old.items():
            amap._update_node(node_id, old)


class Connect(Command):
    """Add the edge *source* -> *target* ("source supports/opposes target")."""

    def __init__(
        self, source: str, target: str, relation: str, attrs: Mapping[str, Any] | None = None
    ) -> None:
        self.source, self.target = source, target
        self.attrs = dict(attrs or {}, relation=relation)
        self.label = f"Connect ({relation})"

    def redo(self, amap: ArgumentMap) -> None:
        amap._insert_edge(self.source, self.target, self.attrs)

    def undo(self, amap: ArgumentMap) -> None:
        amap._delete_edge(self.source, self.target)


class Disconnect(Command):
    """Remove the edge *source* -> *target*."""

    def __init__(self, source: str, target: str) -> None:
        self.source, self.target = source, target
        self.label = "Disconnect"
        self.attrs: Attrs = {}  # the link's, kept for the undo

    def redo(self, amap: ArgumentMap) -> None:
        self.attrs = dict(amap.edge(self.source, self.target))
        amap._delete_edge(self.source, self.target)

    def undo(self, amap: ArgumentMap) -> None:
        amap._insert_edge(self.source, self.target, self.attrs)


class SetEdgeAttrs(Command):
    """Change edge attributes (relation, strength, group, note)."""

    def __init__(
        self, source: str, target: str, changes: Mapping[str, Any], label: str = "Edit link"
    ) -> None:
        self.source, self.target = source, target
        self.changes = dict(changes)
        self.label = label
        self.old: Attrs = {}

    def redo(self, amap: ArgumentMap) -> None:
        self.old = amap._update_edge(self.source, self.target, self.changes)

    def undo(self, amap: ArgumentMap) -> None:
        amap._update_edge(self.source, self.target, self.old)


def change_relation(source: str, target: str, relation: str) -> SetEdgeAttrs:
    """A command that turns the edge *source* -> *target* into *relation*."""
    return SetEdgeAttrs(source, target, {"relation": relation}, f"Make it {relation}")


class Reparent(Command):
    """Make *node_id* bear on *new_target* instead of *old_target*.

    The edge keeps its attributes unless *relation* is given. When
    *old_target* is None the node's first outgoing edge is moved.
    """

    def __init__(
        self,
        node_id: str,
        new_target: str,
        old_target: str | None = None,
        relation: str | None = None,
    ) -> None:
        self.node_id, self.new_target, self.old_target = node_id, new_target, old_target
        self.relation = relation
        self.label = "Move under another node"
        self.steps = Batch(self.label, [])
        self._moved_from: str | None = None

    def redo(self, amap: ArgumentMap) -> None:
        old = self.old_target if self.old_target is not None else self._moved_from
        if old is None:
            targets = list(amap.graph.successors(self.node_id)) if self.node_id in amap else []
            if not targets:
                raise ModelError(f"node {self.node_id!r} bears on nothing to move it from")
            old = targets[0]
        attrs = dict(amap.edge(self.node_id, old))
        if self.relation is not None:
            attrs["relation"] = self.relation
        self.steps = Batch(
            self.label,
            [
                Disconnect(self.node_id, old),
                Connect(self.node_id, self.new_target, attrs["relation"], attrs),
            ],
        )
        self.steps.redo(amap)
        self._moved_from = old  # a redo after an undo moves the same edge again

    def undo(self, amap: ArgumentMap) -> None:
        self.steps.undo(amap)


class ReorderNode(Command):
    """Move a node to *index* in the map's order (which orders siblings)."""

    def __init__(self, node_id: str, index: int) -> None:
        self.node_id, self.index = node_id, index
        self.label = "Reorder"
        self.old = 0

    def redo(self, amap: ArgumentMap) -> None:
        amap.node(self.node_id)
        self.old = amap._move_in_order(self.node_id, self.index)

    def undo(self, amap: ArgumentMap) -> None:
        amap._move_in_order(self.node_id, self.old)


class SetMapAttrs(Command):
    """Change map-level attributes such as the title."""

    def __init__(self, changes: Mapping[str, Any], label: str = "Edit map") -> None:
        self.changes = dict(changes)
        self.label = label
        self.old: Attrs = {}

    def redo(self, amap: ArgumentMap) -> None:
        self.old = amap._update_meta(self.changes)

    def undo(self, amap: ArgumentMap) -> None:
        amap._update_meta(self.old)


class AddDocument(Command):
    """Add a source document ``{id, title, text, ...}`` to the map."""

    def __init__(self, doc: Attrs) -> None:
        self.doc = dict(doc) if isinstance(doc, dict) else doc
        self.label = "Add document"

    def redo(self, amap: ArgumentMap) -> None:
        amap._insert_document(self.doc)

    def undo(self, amap: ArgumentMap) -> None:
        amap._delete_document(self.doc["id"])


class RemoveDocument(Command):
    """Remove a source document that no node quotes."""

    def __init__(self, doc_id: str) -> None:
        self.doc_id = doc_id
        self.label = "Remove document"
        self.doc: Attrs = {}  # the document and its place, kept for the undo
        self.index = 0

    def redo(self, amap: ArgumentMap) -> None:
        order = list(amap.documents)
        self.doc = amap._delete_document(self.doc_id)
        self.index = order.index(self.doc_id)

    def undo(self, amap: ArgumentMap) -> None:
        amap._insert_document(self.doc, self.index)


class Batch(Command):
    """Several commands as one step; all or nothing.

    *created* and *documents* name the nodes and documents the steps add (see
    :class:`Command`).
    """

    def __init__(
        self,
        label: str,
        commands: Iterable[Command],
        created: Iterable[str] = (),
        documents: Iterable[str] = (),
    ) -> None:
        self.label = label
        self.commands = list(commands)
        self.created = list(created)
        self.documents = list(documents)

    def redo(self, amap: ArgumentMap) -> None:
        done: list[Command] = []
        try:
            for command in self.commands:
                command.redo(amap)
                done.append(command)
        except Exception:
            for command in reversed(done):
                command.undo(amap)
            raise

    def undo(self, amap: ArgumentMap) -> None:
        for command in reversed(self.commands):
            command.undo(amap)


class History:
    """A plain undo/redo stack over one map (the editor uses Qt's instead).

    Example
    -------
    >>> from argmap.model import ArgumentMap
    >>> m = ArgumentMap(); h = History(m)
    >>> node = h.do(AddNode("claim", "Encryption should stay strong")).node_id
    >>> h.undo(); node in m
    False
    """

    def __init__(self, amap: ArgumentMap) -> None:
        self.amap = amap
        self.done: list[Command] = []
        self.undone: list[Command] = []

    def do(self, command: Command) -> Command:
        """Carry out *command* and record it; a new edit drops what was undone."""
        self.amap.apply(command)
        self.undone.clear()
        if self.done and self.done[-1].merge_with(command):
            return self.done[-1]
        self.done.append(command)
        return command

    def undo(self) -> None:
        if not self.done:
            raise ModelError("nothing to undo")
        command = self.done.pop()
        command.undo(self.amap)
        self.undone.append(command)

    def redo(self) -> None:
        if not self.undone:
            raise ModelError("nothing to redo")
        command = self.undone.pop()
        command.redo(self.amap)
        self.done.append(command)
