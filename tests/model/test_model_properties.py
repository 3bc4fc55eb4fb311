"""Property tests: random edits, valid and invalid, always undo back to the identical map."""

import math

import networkx as nx
from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, initialize, invariant, rule

from argmap.errors import ModelError
from argmap.formats.native import dumps
from argmap.model import (
    BASES,
    KINDS,
    RELATIONS,
    REMOVE,
    AddDocument,
    AddNode,
    ArgumentMap,
    Batch,
    Connect,
    Disconnect,
    History,
    MoveNodes,
    RemoveDocument,
    RemoveNode,
    ReorderNode,
    Reparent,
    SetMapAttrs,
    SetNodeAttrs,
    change_relation,
    edits,
    fragments,
    move_node,
)

DOC = "Encryption keeps everyone safe. Police disagree."

TEXTS = st.one_of(st.text(max_size=12), st.sampled_from(["a\x00b", 5, None, "\ud800"]))
NUMBERS = st.one_of(
    st.floats(allow_nan=False, allow_infinity=False, width=32), st.integers(-(10**6), 10**6)
)
BAD_NUMBERS = st.sampled_from([math.nan, math.inf, -math.inf, True, "1"])
POSITIONS = st.one_of(
    st.tuples(NUMBERS, NUMBERS),
    st.one_of(st.tuples(NUMBERS, BAD_NUMBERS), st.just((1, 2, 3)), st.just(None)),
)
JSON = st.recursive(
    st.one_of(st.none(), st.booleans(), NUMBERS, st.text(max_size=5)),
    lambda inner: (
        st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=3), inner, max_size=3)
    ),
    max_leaves=8,
)
SPANS = st.builds(
    lambda doc, start, length, good: {
        "doc": doc,
        "start": start,
        "end": start + length,
        "quote": DOC[start : start + length] if good else "zz",
    },
    st.sampled_from(["d1", "d1", "d9"]),
    st.integers(0, len(DOC)),
    st.integers(0, 12),
    st.booleans(),
)

VALUES = {
    "kind": st.sampled_from(KINDS + ("premise",)),
    "text": TEXTS,
    "speaker": TEXTS,
    "note": TEXTS,
    "citation": TEXTS,
    "basis": st.sampled_from(BASES + (None, "rumour")),
    "tags": st.one_of(st.lists(TEXTS, max_size=3), st.just("tag")),
    "rating": st.one_of(st.none(), NUMBERS, BAD_NUMBERS),
    "pos": POSITIONS,
    "collapsed": st.one_of(st.booleans(), st.just("yes")),
    "sources": st.lists(SPANS, max_size=2),
    "extra": st.one_of(JSON, st.just(math.nan)),
}
ATTR_PAIRS = st.lists(
    st.sampled_from(sorted(VALUES)).flatmap(lambda key: st.tuples(st.just(key), VALUES[key])),
    max_size=3,
)


def text_ok(value):
    """Whether *value* is a text the model accepts."""
    return isinstance(value, str) and "\x00" not in value and "\ud800" not in value


def number_ok(value):
    """Whether *value* is a finite number (not a bool)."""
    return isinstance(value, (int, float)) and not isinstance(value, bool) and math.isfinite(value)


def json_ok(value):
    """Whether *value* is plain JSON without NaN."""
    if isinstance(value, list):
        return all(json_ok(v) for v in value)
    if isinstance(value, dict):
        return all(text_ok(k) and json_ok(v) for k, v in value.items())
    return value is None or isinstance(value, (bool, str)) or number_ok(value)


def span_ok(span, documents):
    """Whether *span* quotes a document of the map exactly."""
    doc = documents.get(span["doc"])
    return (
        doc is not None
        and span["end"] <= len(doc["text"])
        and doc["text"][span["start"] : span["end"]] == span["quote"]
    )


def attr_ok(key, value, documents):
    """An independent statement of which attribute values are valid."""
    checks = {
        "kind": lambda v: v in KINDS,
        "basis": lambda v: v is None or v in BASES,
        "tags": lambda v: isinstance(v, list) and all(text_ok(t) for t in v),
        "rating": lambda v: v is None or number_ok(v),
        "pos": lambda v: isinstance(v, tuple) and len(v) == 2 and all(map(number_ok, v)),
        "collapsed": lambda v: isinstance(v, bool),
        "sources": lambda v: all(span_ok(s, documents) for s in v),
        "extra": json_ok,
    }
    return checks.get(key, text_ok)(value)


class ViewMirror:
    """What a view knows of the map, built only from the change events it receives."""

    def __init__(self, amap):
        self.amap = amap
        self.nodes = {n: dict(a) for n, a in amap.graph.nodes(data=True)}
        self.edges = {}
        self.documents = set(amap.documents)
        self.meta = dict(amap.meta)
        amap.subscribe(self.on_change)

    def on_change(self, change):
        """Follow one change the way a view would."""
        if change.type in ("node_added", "node_changed"):
            self.nodes[change.node] = dict(self.amap.node(change.node))
        elif change.type == "node_removed":
            del self.nodes[change.node]
        elif change.type in ("edge_added", "edge_changed"):
            self.edges[change.edge] = dict(self.amap.edge(*change.edge))
        elif change.type == "edge_removed":
            del self.edges[change.edge]
        elif change.type == "document_added":
            self.documents.update(change.keys)
        elif change.type == "document_removed":
            self.documents.difference_update(change.keys)
        elif change.type == "map_changed":
            self.meta = dict(self.amap.meta)


class EditSequence(RuleBasedStateMachine):
    """Random edits through History; invalid ones must be refused without a trace."""

    @initialize()
    def start(self):
        self.amap = ArgumentMap("Start")
        self.history = History(self.amap)
        self.mirror = ViewMirror(self.amap)
        self.states = [self.state()]

    def state(self):
        """The map as plain data and as file text (which fixes every order)."""
        return self.amap.snapshot(), dumps(self.amap)

    # ----------------------------------------------------------- helpers
    def attempt(self, command, expected=None):
        """Do *command*; check the outcome against *expected* (True, False or None)."""
        before, done = self.state(), len(self.history.done)
        try:
            self.history.do(command)
        except ModelError:
            assert self.state() == before, "a refused edit changed the map"
            assert len(self.history.done) == done
            assert expected is not True, f"valid edit refused: {command.__dict__}"
            return
        assert expected is not False, f"invalid edit accepted: {command.__dict__}"
        kept = len(self.history.done)
        self.states = self.states[:kept] + [self.state()]

    def pick_node(self, data):
        return data.draw(st.sampled_from(sorted(self.amap.graph.nodes) + ["ghost"]))

    def pick_edge(self, data):
        edges = sorted(self.amap.graph.edges)
        if edges and data.draw(st.booleans()):
            return data.draw(st.sampled_from(edges))
        return self.pick_node(data), self.pick_node(data)

    def attrs_ok(self, pairs, allow_remove=False):
        return all(
            (allow_remove and value is REMOVE and key not in ("kind", "text"))
            or (value is not REMOVE and attr_ok(key, value, self.amap.documents))
            for key, value in pairs.items()
        )

    # ------------------------------------------------------------- rules
    @rule(
        kind=st.sampled_from(KINDS + ("premise",)),
        text=TEXTS,
        pairs=ATTR_PAIRS,
        index=st.one_of(st.none(), st.integers(-2, 12)),
    )
    def add_node(self, kind, text, pairs, index):
        attrs = dict(pairs)
        expected = (
            kind in KINDS
            and text_ok(text)
            and self.attrs_ok(attrs)
            and not ({"kind", "text"} & set(attrs))
        )
        if {"kind", "text"} & set(attrs):
            expected = None  # AddNode's own kind and text win over attrs
        self.attempt(AddNode(kind, text, attrs, index=index), expected)

    @rule(
        data=st.data(),
        pairs=ATTR_PAIRS,
        remove=st.lists(st.sampled_from(["kind", "text", "note", "pos", "extra"]), max_size=2),
    )
    def set_attrs(self, data, pairs, remove):
        node = self.pick_node(data)
        changes = dict(pairs)
        changes.update((key, REMOVE) for key in remove)
        expected = node in self.amap and self.attrs_ok(changes, allow_remove=True)
        self.attempt(SetNodeAttrs(node, changes), expected)

    @rule(data=st.data())
    def remove_node(self, data):
        node = self.pick_node(data)
        self.attempt(RemoveNode(node), node in self.amap)

    @rule(
        data=st.data(),
        relation=st.sampled_from(RELATIONS + ("refutes",)),
        strength=st.one_of(st.none(), NUMBERS, BAD_NUMBERS),
    )
    def connect(self, data, relation, strength):
        source, target = self.pick_node(data), self.pick_node(data)
        attrs = {} if strength is None else {"strength": strength}
        expected = (
            source in self.amap
            and target in self.amap
            and source != target
            and not self.amap.graph.has_edge(source, target)
            and relation in RELATIONS
            and (strength is None or number_ok(strength))
        )
        self.attempt(Connect(source, target, relation, attrs), expected)

    @rule(data=st.data())
    def disconnect(self, data):
        source, target = self.pick_edge(data)
        self.attempt(Disconnect(source, target), self.amap.graph.has_edge(source, target))

    @rule(data=st.data(), relation=st.sampled_from(RELATIONS + ("refutes",)))
    def change_relation(self, data, relation):
        source, target = self.pick_edge(data)
        expected = self.amap.graph.has_edge(source, target) and relation in RELATIONS
        self.attempt(change_relation(source, target, relation), expected)

    @rule(data=st.data(), pos=POSITIONS, drag=st.booleans())
    def move(self, data, pos, drag):
        node = self.pick_node(data)
        expected = node in self.amap and attr_ok("pos", pos, {})
        self.attempt(move_node(node, pos, merge_key="drag" if drag else None), expected)

    @rule(data=st.data(), positions=st.lists(POSITIONS, min_size=1, max_size=3))
    def move_many(self, data, positions):
        moves = {self.pick_node(data): pos for pos in positions}
        expected = all(n in self.amap and attr_ok("pos", p, {}) for n, p in moves.items())
        self.attempt(MoveNodes(moves), expected)

    @rule(data=st.data(), relation=st.sampled_from((None,) + RELATIONS + ("refutes",)))
    def reparent(self, data, relation):
        node, target = self.pick_node(data), self.pick_node(data)
        graph = self.amap.graph
        olds = list(graph.successors(node)) if node in self.amap else []
        expected = (
            bool(olds)
            and target in self.amap
            and target != node
            and (target == olds[0] or not graph.has_edge(node, target))
            and relation in (None,) + RELATIONS
        )
        self.attempt(Reparent(node, target, relation=relation), expected)

    @rule(data=st.data(), index=st.one_of(st.integers(-2, 12), st.just("top")))
    def reorder(self, data, index):
        node = self.pick_node(data)
        self.attempt(ReorderNode(node, index), node in self.amap and isinstance(index, int))

    @rule(title=TEXTS)
    def set_title(self, title):
        self.attempt(SetMapAttrs({"title": title}), text_ok(title))

    @rule(doc_id=st.sampled_from(["d1", "d2"]), text=st.sampled_from([DOC, "Other text", 3]))
    def add_document(self, doc_id, text):
        expected = doc_id not in self.amap.documents and text_ok(text)
        self.attempt(AddDocument({"id": doc_id, "title": doc_id, "text": text}), expected)

    @rule(doc_id=st.sampled_from(["d1", "d2"]))
    def remove_document(self, doc_id):
        quoted = any(
            s["doc"] == doc_id
            for _, a in self.amap.graph.nodes(data=True)
            for s in a.get("sources", ())
        )
        self.attempt(RemoveDocument(doc_id), doc_id in self.amap.documents and not quoted)

    @rule(data=st.data(), size=st.integers(1, 4))
    def batch(self, data, size):
        commands = []
        for _ in range(size):
            node, other = self.pick_node(data), self.pick_node(data)
            commands.append(
                data.draw(
                    st.sampled_from(
                        [
                            AddNode("claim", "batch claim"),
                            RemoveNode(node),
                            Connect(node, other, "opposes"),
                            Disconnect(node, other),
                            SetNodeAttrs(node, {"note": "batch"}),
                            move_node(node, (1, math.nan)),
                            ReorderNode(node, 0),
                        ]
                    )
                )
            )
        self.attempt(Batch("Batch", commands))

    @rule()
    def undo(self):
        if not self.history.done:
            before = self.state()
            try:
                self.history.undo()
            except ModelError:
                assert self.state() == before
                return
            raise AssertionError("undo with nothing done did not raise")
        self.history.undo()
        assert self.state() == self.states[len(self.history.done)]

    @rule()
    def redo(self):
        if not self.history.undone:
            assert len(self.states) == len(self.history.done) + 1
            return
        self.history.redo()
        assert self.state() == self.states[len(self.history.done)]

    # ------------------------------------------- user-level edits (model/edits.py)
    def edit(self, make, *args, expected=None):
        """Ask ``make(map, *args)`` for its command and do it; a refusal must leave no trace,
        and a command done names the nodes and documents it added (``created``, ``documents``).
        """
        before = self.state()
        try:
            command = make(self.amap, *args)
        except ModelError:
            assert self.state() == before, f"{make.__name__} changed the map while refusing"
            assert expected is not True, f"{make.__name__}{args} refused"
            return
        assert self.state() == before, f"{make.__name__} changed the map before it was done"
        if command is None:
            return
        nodes, documents = list(self.amap.graph.nodes), list(self.amap.documents)
        self.attempt(command, expected)
        if self.history.done and self.history.done[-1] is command:
            added = [n for n in self.amap.graph.nodes if n not in nodes]
            assert list(command.created) == added, f"{make.__name__} named other nodes"
            added = [d for d in self.amap.documents if d not in documents]
            assert list(command.documents) == added, f"{make.__name__} named other documents"

    @rule(
        data=st.data(),
        name=st.sampled_from(sorted(edits.CHILD_EDITS) + ["premise"]),
        text=st.one_of(st.none(), TEXTS),
    )
    def add_child(self, data, name, text):
        node = self.pick_node(data)
        self.edit(
            edits.add_child,
            node,
            name,
            text,
            expected=node in self.amap and name != "premise" and (text is None or text_ok(text)),
        )

    @rule(data=st.data())
    def add_sibling(self, data):
        node = self.pick_node(data)
        self.edit(edits.add_sibling, node, expected=node in self.amap)

    @rule(text=TEXTS)
    def add_main_claim(self, text):
        self.edit(edits.add_main_claim, text, expected=text_ok(text))

    @rule(data=st.data(), branch=st.booleans())
    def delete(self, data, branch):
        nodes = [self.pick_node(data) for _ in range(data.draw(st.integers(0, 2)))]
        edges = [self.pick_edge(data) for _ in range(data.draw(st.integers(0, 2)))]
        valid = all(n in self.amap for n in nodes)
        if branch:
            self.edit(edits.delete_branch, nodes, expected=valid)
        else:
            valid = valid and all(
                self.amap.graph.has_edge(*e) or set(e) & set(nodes) for e in edges
            )
            self.edit(edits.delete, nodes, edges, expected=valid)

    @rule(data=st.data())
    def delete_keeping_premises(self, data):
        nodes = [self.pick_node(data) for _ in range(data.draw(st.integers(1, 3)))]
        expected = all(n in self.amap for n in nodes)
        self.edit(edits.delete_keeping_premises, nodes, expected=expected)

    @rule(data=st.data(), relation=st.sampled_from((None,) + RELATIONS))
    def link(self, data, relation):
        source, target = self.pick_node(data), self.pick_node(data)
        expected = (
            source in self.amap
            and target in self.amap
            and source != target
            and not self.amap.graph.has_edge(source, target)
            and not nx.has_path(self.amap.graph, target, source)
        )
        self.edit(edits.link, source, target, relation, expected=expected)

    @rule(data=st.data())
    def reparent_to(self, data):
        node, target = self.pick_node(data), self.pick_node(data)
        expected = (
            node in self.amap
            and target in self.amap
            and node != target
            and (
                self.amap.graph.has_edge(node, target)
                or not nx.has_path(self.amap.graph, target, node)
            )
        )
        self.edit(edits.reparent, node, target, (5.0, 5.0), expected=expected)

    @rule(data=st.data(), kind=st.sampled_from(KINDS), relation=st.sampled_from(RELATIONS))
    def set_kind_and_relation(self, data, kind, relation):
        nodes = [n for n in (self.pick_node(data),) if n in self.amap]
        self.edit(edits.set_kind, nodes, kind, expected=True)
        self.edit(edits.set_relation, sorted(self.amap.graph.edges)[:2], relation, expected=True)

    @rule(data=st.data())
    def toggle_collapse(self, data):
        node = self.pick_node(data)
        self.edit(edits.toggle_collapse, node, expected=node in self.amap)

    @rule(data=st.data(), index=st.one_of(st.none(), st.integers(0, 8)))
    def move_in_outline(self, data, index):
        node, old, new = self.pick_node(data), self.pick_node(data), self.pick_node(data)
        self.edit(edits.move_in_outline, node, old, new, index)

    @rule(data=st.data())
    def paste(self, data):
        node, target = self.pick_node(data), self.pick_node(data)
        if node not in self.amap:
            return
        part = fragments.fragment(self.amap, [node])
        target = target if target in self.amap else None
        self.edit(fragments.paste_fragment, part, target, (0.0, 0.0), expected=True)

    @rule(
        data=st.data(),
        kind=st.sampled_from(KINDS),
        start=st.integers(0, 20),
        length=st.integers(1, 10),
    )
    def from_span(self, data, kind, start, length):
        if "d1" not in self.amap.documents or self.amap.documents["d1"]["text"] != DOC:
            return
        span = {
            "doc": "d1",
            "start": start,
            "end": start + length,
            "quote": DOC[start : start + length],
        }
        parent = self.pick_node(data)
        parent = parent if parent in self.amap else None
        self.edit(edits.node_from_span, kind, span, parent, expected=True)
        node = self.pick_node(data)
        self.edit(edits.add_span, node, span, expected=node in self.amap)

    @rule(data=st.data())
    def accept_drafts(self, data):
        node = self.pick_node(data)
        self.edit(edits.set_node_attrs, node, {"draft": True}, expected=node in self.amap)
        self.edit(edits.accept_drafts, [node], expected=node in self.amap)

    @rule(ids=st.lists(st.sampled_from(["d1", "d2"]), min_size=1, max_size=2))
    def import_documents(self, ids):
        records = [{"id": i, "title": i, "text": DOC} for i in ids]
        self.edit(edits.import_documents, records, expected=True)

    @rule(title=TEXTS, data=st.data(), text=TEXTS)
    def rename(self, title, data, text):
        self.edit(edits.set_title, title, expected=text_ok(title))
        node = self.pick_node(data)
        self.edit(edits.set_text, node, text, expected=node in self.amap and text_ok(text))

    # -------------------------------------------------------- invariants
    @invariant()
    def map_is_sound(self):
        assert self.amap.check_invariants() == []

    @invariant()
    def history_matches_states(self):
        assert len(self.states) == len(self.history.done) + len(self.history.undone) + 1

    @invariant()
    def view_follows_the_events(self):
        graph = self.amap.graph
        assert self.mirror.nodes == {n: dict(a) for n, a in graph.nodes(data=True)}
        assert self.mirror.edges == {(u, v): dict(a) for u, v, a in graph.edges(data=True)}
        assert self.mirror.documents == set(self.amap.documents)
        assert self.mirror.meta == self.amap.meta

    def teardown(self):
        """Undo everything: the first map again; redo everything: the last map again."""
        if not hasattr(self, "history"):
            return
        while self.history.done:
            self.history.undo()
        assert self.state() == self.states[0]
        while self.history.undone:
            self.history.redo()
        assert self.state() == self.states[-1]


EditSequence.TestCase.settings = settings(
    max_examples=150,
    stateful_step_count=30,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much],
)
test_random_edits_undo_to_the_identical_map = EditSequence.TestCase
