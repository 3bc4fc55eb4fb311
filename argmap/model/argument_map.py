"""The argument map: a directed graph of claims, counterclaims and evidence.

An edge runs from a premise to what it bears on (``evidence -> claim``). The
map enforces its invariants on every change and tells its listeners what
changed, so that views can follow it without holding the truth themselves.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Iterable, Mapping
from dataclasses import dataclass
from enum import Enum
from functools import partial
from typing import Any, Protocol, TypeVar

import networkx as nx

from argmap.errors import ModelError
from argmap.model.records import quick_edges, quick_nodes
from argmap.model.schema import (
    KINDS,
    RELATIONS,
    REMOVE,
    Attrs,
    check_edge_attr,
    check_json_value,
    check_node_attr,
    check_text,
)


class ChangeType(str, Enum):
    """What kind of change a :class:`Change` reports."""

    NODE_ADDED = "node_added"
    NODE_REMOVED = "node_removed"
    NODE_CHANGED = "node_changed"
    EDGE_ADDED = "edge_added"
    EDGE_REMOVED = "edge_removed"
    EDGE_CHANGED = "edge_changed"
    ORDER_CHANGED = "order_changed"
    MAP_CHANGED = "map_changed"
    DOCUMENT_ADDED = "document_added"
    DOCUMENT_REMOVED = "document_removed"


@dataclass(frozen=True, slots=True)
class Change:
    """One change to a map, as told to its listeners: its ``type``, the ``node`` or ``edge``
    ``(source, target)`` changed, and the ``keys`` of the fields that changed (of a
    document added or removed: its id)."""

    type: ChangeType
    node: str | None = None
    edge: tuple[str, str] | None = None
    keys: tuple[str, ...] = ()


#: What :meth:`ArgumentMap.subscribe` and :func:`dispatcher` take: called with each change.
Listener = Callable[[Change], object]


def dispatcher(
    handlers: Mapping[ChangeType, Listener], default: Listener | None = None
) -> Callable[[Change], None]:
    """Return ``dispatch(change)`` calling ``handlers[change.type](change)``.

    Every key must be a :class:`ChangeType`: a misspelt or unknown key raises
    ``TypeError`` when the table is made, not silently later. Changes with no
    handler go to *default* (when given).

    Example
    -------
    >>> seen = []
    >>> dispatch = dispatcher({ChangeType.NODE_ADDED: seen.append})
    >>> dispatch(Change(ChangeType.NODE_ADDED, node="n1")); seen[0].node
    'n1'
    >>> dispatcher({"node_addded": print})
    Traceback (most recent call last):
    TypeError: not a change type: 'node_addded'
    """
    for key in handlers:
        if not isinstance(key, ChangeType):
            raise TypeError(f"not a change type: {key!r}")
    table = dict(handlers)

    def dispatch(change: Change) -> None:
        handler = table.get(change.type, default)
        if handler is not None:
            handler(change)

    return dispatch


class Redoable(Protocol):
    """What :meth:`ArgumentMap.apply` carries out: a command (:mod:`argmap.model.commands`)."""

    def redo(self, amap: ArgumentMap) -> None: ...


Done = TypeVar("Done", bound=Redoable)
Fact = TypeVar("Fact")


class ArgumentMap:
    """A map of claims, counterclaims and evidence over a ``networkx.DiGraph``.

    Read through :attr:`graph`, :meth:`node`, :meth:`edge`; change through
    commands (:mod:`argmap.model.commands`) or the helpers here that apply them.
    :attr:`graph` is a real networkx graph: run networkx's algorithms on it.

    Example
    -------
    >>> m = ArgumentMap("Backdoors")
    >>> c = m.add_node("claim", "Police need warrant-based access")
    >>> e = m.add_node("evidence", "Paris attacks", basis="example")
    >>> m.connect(e, c, "supports")
    >>> sorted(m.graph.nodes) == sorted([c, e])
    True
    >>> import networkx as nx
    >>> nx.shortest_path(m.graph, e, c)
    ['n2', 'n1']
    """

    def __init__(self, title: str = "") -> None:
        self._graph: nx.DiGraph[str] = nx.DiGraph()
        self.meta: Attrs = {"title": check_text(title, "title")}
        self.documents: dict[str, Attrs] = {}
        #: Top-level fields of the file this map came from that argmap does not know;
        #: written back unchanged on save.
        self.extra: Attrs = {}
        self._listeners: list[Listener] = []
        self._next_id = 1
        self._index: dict[str, int] | None = None  # node_index(), until the order changes
        self._derived: dict[str, Any] = {}  # derived facts, until the structure changes

    # ----------------------------------------------------------- reading
    @property
    def graph(self) -> nx.DiGraph[str]:
        """The map's ``networkx.DiGraph``, the one the editor edits.

        Node ids are its nodes, each node's and edge's attribute dict its
        attributes; nodes come in the map's order. Read it and run networkx's
        algorithms on it freely, but change the map through commands only: a
        change made on the graph itself skips the map's checks and its listeners.
        """
        return self._graph

    @property
    def title(self) -> str:
        return self.meta.get("title", "")

    def __len__(self) -> int:
        return self._graph.number_of_nodes()

    def __contains__(self, node_id: object) -> bool:
        return node_id in self._graph

    def node(self, node_id: str) -> Attrs:
        """Return the attributes of *node_id* (a live dict: do not mutate)."""
        try:
            return self._graph.nodes[node_id]
        except (KeyError, TypeError):
            raise ModelError(f"no node {node_id!r} in the map") from None

    def edge(self, source: str, target: str) -> Attrs:
        """Return the attributes of the edge *source* -> *target*."""
        try:
            return self._graph.edges[source, target]
        except (KeyError, TypeError):
            raise ModelError(f"no edge {source!r} -> {target!r} in the map") from None

    def node_index(self) -> dict[str, int]:
        """Return ``{node id: position in the map's node order}`` (do not mutate it)."""
        if self._index is None:
            self._index = {n: i for i, n in enumerate(self._graph.nodes)}
        return self._index

    def new_id(self, prefix: str = "n") -> str:
        """Return a node id not yet used in this map."""
        while f"{prefix}{self._next_id}" in self._graph:
            self._next_id += 1
        node_id = f"{prefix}{self._next_id}"
        self._next_id += 1
        return node_id

    # ---------------------------------------------------- construction
    @classmethod
    def from_records(
        cls,
        nodes: Iterable[Attrs],
        edges: Iterable[Attrs] = (),
        documents: Iterable[Attrs] = (),
        meta: Mapping[str, Any] | None = None,
        consume: bool = False,
    ) -> ArgumentMap:
        """Build a map from plain records, checking every one.

        Parameters
        ----------
        nodes : iterable of dict
            ``{"id": ..., "kind": ..., "text": ..., **attributes}``.
        edges : iterable of dict
            ``{"source": ..., "target": ..., "relation": ..., **attributes}``.
        documents : iterable of dict
            ``{"id": ..., "text": ..., **attributes}``.
        meta : dict, optional
            Map attributes such as ``title``.
        consume : bool
            True hands the node and edge records over: once all are checked,
            ``id``, ``source`` and ``target`` are taken out of them in place
            rather than copies made, and the graph copies their fields into
            attribute dicts of its own. Only for records nobody uses again.

        Raises
        ------
        ModelError
            On the first bad record; its ``where`` names it (``$.nodes[3]``).

        Example
        -------
        >>> m = ArgumentMap.from_records(
        ...     [{"id": "c", "kind": "claim", "text": "C"}, {"id": "e", "kind": "evidence",
        ...      "text": "E"}], [{"source": "e", "target": "c", "relation": "supports"}])
        >>> m.edge("e", "c")["relation"]
        'supports'
        """
        amap = cls()
        steps: list[tuple[str, Callable[[], object]]] = [
            ("$.map", partial(amap._update_meta, meta or {}))
        ]
        steps += [
            (f"$.documents[{i}]", partial(amap._insert_document, d))
            for i, d in enumerate(documents)
        ]
        steps += [
            ("$.nodes", partial(amap._add_node_records, nodes, consume)),
            ("$.edges", partial(amap._add_edge_records, edges, consume)),
        ]
        for where, step in steps:
            try:
                step()
            except ModelError as exc:
                exc.where = exc.where or where
                raise
        return amap

    def _add_node_records(self, records: Iterable[Attrs], consume: bool = False) -> None:
        """Check every node record, then add them all at once (a map being built).

        The quick check of :mod:`argmap.model.records` vouches for the usual
        records; when it does not, they are checked one by one. Every id is
        new (both checks make sure of it).
        """
        records = records if isinstance(records, list) else list(records)
        clean = None
        if not len(self._graph):
            clean = quick_nodes(records, self._check_node_attrs, consume)
        if clean is None:
            clean = self._checked_node_records(records)
        self._graph.add_nodes_from(clean.items())
        self._index = None

    def _checked_node_records(self, records: Iterable[Any]) -> dict[str, Attrs]:
        """Return ``{id: clean attributes}``; raise ModelError at the first bad record."""
        clean: dict[str, Attrs] = {}
        for i, record in enumerate(records):
            try:
                if not isinstance(record, dict):
                    raise ModelError("a node must be an object with id, kind and text")
                node_id = check_text(record.get("id"), "node id")
                attrs = {k: v for k, v in record.items() if k != "id"}
                clean[node_id] = self._clean_node(node_id, attrs, clean)
            except ModelError as exc:
                exc.where = f"$.nodes[{i}]"
                raise
        return clean

    def _add_edge_records(self, records: Iterable[Attrs], consume: bool = False) -> None:
        """Check every edge record, then add them all at once (a map being built).

        Both ends of every edge are nodes here and every edge is new (both
        checks make sure of it).
        """
        records = records if isinstance(records, list) else list(records)
        clean = None
        if nx.is_empty(self._graph):
            clean = quick_edges(records, self._graph.__contains__, self._check_edge_attrs, consume)
        if clean is None:
            clean = self._checked_edge_records(records)
        self._graph.add_edges_from((u, v, attrs) for (u, v), attrs in clean.items())

    def _checked_edge_records(self, records: Iterable[Any]) -> dict[tuple[str, str], Attrs]:
        """Return ``{(source, target): clean attributes}``; raise at the first bad record."""
        clean: dict[tuple[str, str], Attrs] = {}
        for i, record in enumerate(records):
            try:
                if not isinstance(record, dict):
                    raise ModelError("an edge must be an object with source, target and relation")
                for end in ("source", "target"):
                    end_id = record.get(end)
                    if not isinstance(end_id, str) or end_id not in self._graph:
                        raise ModelError(f"{end} {end_id!r} is not a node in this map")
                attrs = {k: v for k, v in record.items() if k not in ("source", "target")}
                pair = (record["source"], record["target"])
                clean[pair] = self._clean_edge(*pair, attrs, clean)
            except ModelError as exc:
                exc.where = f"$.edges[{i}]"
                raise
        return clean

    def copy(self) -> ArgumentMap:
        """Return an independent copy (no listeners) that another thread may read.

        Example
        -------
        >>> m = ArgumentMap("T"); c = m.add_node("claim", "C")
        >>> twin = m.copy(); m.add_node("claim", "D") and len(twin)
        1
        """
        from copy import deepcopy

        twin = ArgumentMap()
        twin.meta = deepcopy(self.meta)
        twin.documents = {k: dict(v) for k, v in self.documents.items()}
        twin.extra = deepcopy(self.extra)
        twin._graph = self._graph.copy()  # new attribute dicts; values are never mutated
        twin._next_id = self._next_id
        twin._derived = {}
        return twin

    # ------------------------------------------------------- listeners
    def subscribe(self, listener: Listener) -> None:
        """Call ``listener(change)`` after every change to the map."""
        self._listeners.append(listener)

    def unsubscribe(self, listener: Listener) -> None:
        self._listeners.remove(listener)

    def derived(self, name: str, compute: Callable[[], Fact]) -> Fact:
        """Return the derived fact *name*, computing it with ``compute()`` once per structure.

        Facts are forgotten when a node or link is added or removed, a link
        changes, a node changes kind, or the order changes; moving a node or
        editing its text keeps them. The value is shared: do not change it.
        """
        if name not in self._derived:
            self._derived[name] = compute()
        return self._derived[name]

    def _emit(self, change: Change) -> None:
        if change.type != ChangeType.NODE_CHANGED or "kind" in change.keys:
            self._derived.clear()
        for listener in list(self._listeners):
            listener(change)

    # ---------------------------------------------------- edit helpers
    def apply(self, command: Done) -> Done:
        """Carry out *command* (see :mod:`argmap.model.commands`) and return it."""
        command.redo(self)
        return command

    def add_node(self, kind: str, text: str, **attrs: Any) -> str:
        """Add a node and return its id (as the command ``AddNode`` does, with no undo)."""
        node_id = self.new_id()
        self._insert_node(node_id, dict(attrs, kind=kind, text=text))
        return node_id

    def connect(self, source: str, target: str, relation: str, **attrs: Any) -> None:
        """Add the edge *source* -> *target* with *relation* (as ``Connect`` does)."""
        self._insert_edge(source, target, dict(attrs, relation=relation))

    # ------------------------------------------------------ primitives
    # Commands call these; each checks before it changes anything.
    def _check_node_attrs(self, attrs: Mapping[str, Any]) -> Attrs:
        clean = {}
        for key, value in attrs.items():
            clean[key] = check_node_attr(key, value)
            if key == "sources":
                for i, span in enumerate(clean[key]):
                    try:
                        self._check_span_matches(span)
                    except ModelError as exc:
                        raise ModelError(f"sources[{i}]: {exc}") from None
        return clean

    def _check_span_matches(self, span: Attrs) -> None:
        doc = self.documents.get(span["doc"])
        if doc is None:
            raise ModelError(f"source refers to unknown document {span['doc']!r}")
        text = doc["text"]
        if span["end"] > len(text):
            raise ModelError(
                f"source span {span['start']}-{span['end']} runs past the end "
                f"of document {span['doc']!r}"
            )
        if text[span["start"] : span["end"]] != span["quote"]:
            raise ModelError(
                f"source quote does not match document {span['doc']!r} "
                f"at {span['start']}-{span['end']}"
            )

    def _clean_node(
        self, node_id: str, attrs: Mapping[str, Any], taken: Collection[str] = ()
    ) -> Attrs:
        """Check a new node (its id free here and in *taken*); return its clean attributes."""
        check_text(node_id, "node id")
        if not node_id:
            raise ModelError("node id must not be empty")
        if node_id in self._graph or node_id in taken:
            raise ModelError(f"node id {node_id!r} is already in the map")
        clean = self._check_node_attrs(attrs)
        if clean.get("kind") not in KINDS:
            raise ModelError(f"a node needs a kind: one of {', '.join(KINDS)}")
        if "text" not in clean:
            raise ModelError("a node needs a text")
        return clean

    def _insert_node(
        self, node_id: str, attrs: Mapping[str, Any], index: int | None = None
    ) -> None:
        _check_index(index)
        clean = self._clean_node(node_id, attrs)
        self._graph.add_node(node_id, **clean)
        self._index = None
        if index is not None and index < len(self._graph) - 1:
            self._reorder(node_id, index)
        self._emit(Change(ChangeType.NODE_ADDED, node=node_id))

    def _delete_node(self, node_id: str) -> None:
        self.node(node_id)
        if self._graph.degree(node_id):
            raise ModelError(f"node {node_id!r} still has edges")
        self._graph.remove_node(node_id)
        self._index = None
        self._emit(Change(ChangeType.NODE_REMOVED, node=node_id))

    def _update_node(self, node_id: str, changes: Mapping[str, Any]) -> Attrs:
        """Set (or, for the value ``REMOVE``, delete) attributes; return the old values."""
        attrs = self.node(node_id)
        to_set = {k: v for k, v in changes.items() if v is not REMOVE}
        for key in changes:
            if key in ("kind", "text") and changes[key] is REMOVE:
                raise ModelError(f"a node's {key} cannot be removed")
        clean = self._check_node_attrs(to_set)
        old = {k: attrs.get(k, REMOVE) for k in changes}
        for key, value in changes.items():
            if value is REMOVE:
                attrs.pop(key, None)
            else:
                attrs[key] = clean[key]
        self._emit(Change(ChangeType.NODE_CHANGED, node=node_id, keys=tuple(changes)))
        return old

    def _clean_edge(
        self,
        source: str,
        target: str,
        attrs: Mapping[str, Any],
        taken: Collection[tuple[str, str]] = (),
    ) -> Attrs:
        """Check a new edge (not already here nor in *taken*); return its clean attributes."""
        self.node(source)
        self.node(target)
        if source == target:
            raise ModelError("a node cannot bear on itself")
        if self._graph.has_edge(source, target) or (source, target) in taken:
            raise ModelError(f"{source!r} is already connected to {target!r}")
        return self._check_edge_attrs(attrs)

    @staticmethod
    def _check_edge_attrs(attrs: Mapping[str, Any]) -> Attrs:
        clean = {k: check_edge_attr(k, v) for k, v in attrs.items()}
        if clean.get("relation") not in RELATIONS:
            raise ModelError(f"an edge needs a relation: one of {', '.join(RELATIONS)}")
        return clean

    def _insert_edge(self, source: str, target: str, attrs: Mapping[str, Any]) -> None:
        clean = self._clean_edge(source, target, attrs)
        self._graph.add_edge(source, target, **clean)
        self._emit(Change(ChangeType.EDGE_ADDED, edge=(source, target)))

    def _delete_edge(self, source: str, target: str) -> None:
        self.edge(source, target)
        self._graph.remove_edge(source, target)
        self._emit(Change(ChangeType.EDGE_REMOVED, edge=(source, target)))

    def _update_edge(self, source: str, target: str, changes: Mapping[str, Any]) -> Attrs:
        attrs = self.edge(source, target)
        if changes.get("relation", None) is REMOVE:
            raise ModelError("an edge's relation cannot be removed")
        clean = {k: check_edge_attr(k, v) for k, v in changes.items() if v is not REMOVE}
        old = {k: attrs.get(k, REMOVE) for k in changes}
        for key, value in changes.items():
            if value is REMOVE:
                attrs.pop(key, None)
            else:
                attrs[key] = clean[key]
        self._emit(Change(ChangeType.EDGE_CHANGED, edge=(source, target), keys=tuple(changes)))
        return old

    def _reorder(self, node_id: str, index: int) -> int:
        """Move *node_id* to *index* in the node order; return its old index."""
        _check_index(index)
        order = list(self._graph.nodes)
        old = order.index(node_id)
        order.pop(old)
        index = max(0, min(index, len(order)))
        order.insert(index, node_id)
        graph = self._graph  # rebuilt in place: whoever holds amap.graph keeps the map's graph
        nodes = [(n, graph.nodes[n]) for n in order]
        edges = list(graph.edges(data=True))
        attrs = dict(graph.graph)
        graph.clear()
        graph.graph.update(attrs)
        graph.add_nodes_from(nodes)
        graph.add_edges_from(edges)
        self._index = None
        return old

    def _move_in_order(self, node_id: str, index: int) -> int:
        """Move *node_id* to *index* in the node order, tell listeners; return the old index."""
        self.node(node_id)
        old = self._reorder(node_id, index)
        self._emit(Change(ChangeType.ORDER_CHANGED))
        return old

    def _update_meta(self, changes: Mapping[str, Any]) -> Attrs:
        for key, value in changes.items():
            check_text(key, "map attribute name")
            if key == "title" and value is REMOVE:
                raise ModelError("the map's title cannot be removed (set it to '' instead)")
            if key == "title":
                check_text(value, "title")
            elif value is not REMOVE:
                check_json_value(value, key)
        old = {k: self.meta.get(k, REMOVE) for k in changes}
        for key, value in changes.items():
            if value is REMOVE:
                self.meta.pop(key, None)
            else:
                self.meta[key] = value
        self._emit(Change(ChangeType.MAP_CHANGED, keys=tuple(changes)))
        return old

    def _insert_document(self, doc: Attrs, index: int | None = None) -> None:
        """Add *doc*; at *index* in the document order when given (to undo a removal)."""
        if not isinstance(doc, dict):
            raise ModelError("a document must be an object with id, title and text")
        doc_id = check_text(doc.get("id"), "document id")
        if not doc_id:
            raise ModelError("document id must not be empty")
        if doc_id in self.documents:
            raise ModelError(f"document id {doc_id!r} is already in the map")
        check_text(doc.get("text"), "document text")
        _check_index(index)
        for key, value in doc.items():
            check_text(key, "document attribute name")
            check_json_value(value, f"document {key}")
        items = list(self.documents.items())
        at = len(items) if index is None else max(0, min(index, len(items)))
        items.insert(at, (doc_id, dict(doc)))
        self.documents.clear()
        self.documents.update(items)
        self._emit(Change(ChangeType.DOCUMENT_ADDED, keys=(doc_id,)))

    def _delete_document(self, doc_id: str) -> Attrs:
        if not isinstance(doc_id, str) or doc_id not in self.documents:
            raise ModelError(f"no document {doc_id!r} in the map")
        users = [
            n
            for n, a in self._graph.nodes(data=True)
            if any(s["doc"] == doc_id for s in a.get("sources", ()))
        ]
        if users:
            raise ModelError(f"document {doc_id!r} is still quoted by {len(users)} node(s)")
        doc = self.documents.pop(doc_id)
        self._emit(Change(ChangeType.DOCUMENT_REMOVED, keys=(doc_id,)))
        return doc

    # ------------------------------------------------------- checking
    def check_invariants(self) -> list[str]:
        """Return a list of broken invariants (empty when the map is sound)."""
        problems = []
        for node_id, attrs in self._graph.nodes(data=True):
            try:
                self._check_node_attrs(attrs)
                if attrs.get("kind") not in KINDS or "text" not in attrs:
                    raise ModelError("lacks a kind or a text")
            except ModelError as exc:
                problems.append(f"node {node_id}: {exc}")
        for source, target, attrs in self._graph.edges(data=True):
            if source == target:
                problems.append(f"edge {source}->{target}: self-loop")
            if attrs.get("relation") not in RELATIONS:
                problems.append(f"edge {source}->{target}: bad relation")
        return problems

    def snapshot(self) -> dict[str, Any]:
        """Return the whole map as plain data, for comparing two maps.

        The result is a deep copy: later edits of the map never change it.
        """
        from copy import deepcopy

        return deepcopy(
            {
                "meta": dict(self.meta),
                "nodes": [(n, dict(a)) for n, a in self._graph.nodes(data=True)],
                "edges": sorted(
                    (u, v, sorted(a.items())) for u, v, a in self._graph.edges(data=True)
                ),
                "documents": {k: dict(v) for k, v in self.documents.items()},
            }
        )


def _check_index(index: object) -> None:
    """Raise ModelError unless *index* is None or a whole number."""
    if index is not None and (isinstance(index, bool) or not isinstance(index, int)):
        raise ModelError(f"a position in the order must be a whole number, not {index!r}")
