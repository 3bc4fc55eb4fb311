"""from_records: the quick check of usual records builds the same map, or reports the same
fault at the same place, as checking every record one by one."""

import copy

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from argmap.errors import ModelError
from argmap.model import KINDS, RELATIONS, ArgumentMap, argument_map
from argmap.model.records import all_plain_text
from argmap.model.schema import MAX_TEXT

DOCUMENT = {"id": "d1", "text": "Strong encryption protects dissidents."}
IDS = st.sampled_from(["a", "b", "c", "d", "", "a\x00", "é", 5, None])
TEXTS = st.sampled_from(["T", "", "x\x00y", "\ud800", "café", "a:b", 7, None, ["l"]])
NUMBERS = st.one_of(st.integers(-3, 3), st.floats(allow_nan=True, allow_infinity=True))
SPAN = st.fixed_dictionaries(
    {
        "doc": st.sampled_from(["d1", "d2"]),
        "start": st.just(0),
        "end": st.sampled_from([6, 99]),
        "quote": st.sampled_from(["Strong", "Weak"]),
    }
)
NODE = st.fixed_dictionaries(
    {"id": IDS},
    optional={
        "kind": st.sampled_from(KINDS + ("thesis", None)),
        "text": TEXTS,
        "citation": TEXTS,
        "speaker": TEXTS,
        "basis": st.sampled_from(["example", "x"]),
        "pos": st.one_of(st.lists(NUMBERS, min_size=1, max_size=3), st.just([1, "a"])),
        "tags": st.lists(TEXTS, max_size=2),
        "rating": NUMBERS,
        "collapsed": st.sampled_from([True, 1]),
        "sources": st.lists(SPAN, max_size=1),
        "x-extra": st.one_of(TEXTS, st.dictionaries(st.just("k"), TEXTS)),
        "bad\x00key": TEXTS,
    },
)
EDGE = st.fixed_dictionaries(
    {"source": IDS, "target": IDS},
    optional={
        "relation": st.sampled_from(RELATIONS + ("refutes",)),
        "strength": NUMBERS,
        "group": TEXTS,
        "note": TEXTS,
        "weight": TEXTS,
    },
)
USUAL_NODE = st.fixed_dictionaries(
    {
        "id": st.sampled_from("abcd"),
        "kind": st.sampled_from(KINDS),
        "text": st.sampled_from(["T", "café", "", "x\x00y"]),
    }
)
RECORDS = st.lists(st.one_of(NODE, USUAL_NODE, USUAL_NODE, st.just("not a record")), max_size=5)
EDGES = st.lists(st.one_of(EDGE, st.just(7)), max_size=4)


#: The fields a fault touches in a node and in an edge, and the values each may get
#: (besides the map's own ids, for an id or an end).
UNKNOWN = st.sampled_from(["z", "", 5, None, "a\x00"])
NODE_FIELDS = {
    "id": UNKNOWN,
    "kind": st.sampled_from(KINDS + ("thesis", None)),
    "text": TEXTS,
    "citation": TEXTS,
    "x": TEXTS,
    "k\x00": TEXTS,
    "pos": st.one_of(st.lists(NUMBERS, max_size=3), st.just([1, "a"])),
    "tags": st.lists(TEXTS, max_size=2),
    "sources": st.lists(SPAN, max_size=1),
    "basis": st.sampled_from(["example", "x", None]),
}
EDGE_FIELDS = {
    "source": UNKNOWN,
    "target": UNKNOWN,
    "relation": st.sampled_from(RELATIONS + ("x", None)),
    "strength": st.one_of(NUMBERS, TEXTS),
    "group": TEXTS,
    "x": TEXTS,
    "k\x00": TEXTS,
}


@st.composite
def maps_with_one_fault(draw):
    """The records of a sound map, maybe with one field changed, removed or added, or a
    record repeated."""
    ids = draw(st.lists(st.sampled_from("abcdefgh"), min_size=1, max_size=6, unique=True))
    nodes = [
        {
            "id": node_id,
            "kind": draw(st.sampled_from(KINDS)),
            "text": draw(st.sampled_from(["T", "café", "", "a:b"])),
        }
        for node_id in ids
    ]
    index = st.integers(0, len(ids) - 1)
    pairs = draw(st.lists(st.tuples(index, index), max_size=6))
    pairs = dict.fromkeys((ids[i], ids[j]) for i, j in pairs if i > j)  # no circle
    edges = [
        {"source": u, "target": v, "relation": draw(st.sampled_from(RELATIONS))} for u, v in pairs
    ]
    records, fields = draw(st.sampled_from([(nodes, NODE_FIELDS), (edges, EDGE_FIELDS)]))
    if not records:
        records, fields = nodes, NODE_FIELDS
    at = draw(st.integers(0, len(records) - 1))
    fault = draw(st.sampled_from(["none", "set", "remove", "repeat"]))
    field = draw(st.sampled_from(sorted(fields)))
    if fault == "set":
        known = st.sampled_from(ids) if field in ("id", "source", "target") else st.nothing()
        records[at][field] = draw(st.one_of(fields[field], known))
    elif fault == "remove":
        records[at].pop(field, None)
    elif fault == "repeat":
        records.append(dict(records[at]))
    return nodes, edges


@settings(max_examples=600, deadline=None)
@given(maps_with_one_fault())
def test_one_fault_is_found_the_same_way(records):
    nodes, edges = records
    quick, consumed = _outcome(nodes, edges), _outcome(nodes, edges, consume=True)
    with pytest.MonkeyPatch.context() as patch:
        _no_quick_check(patch)
        slow = _outcome(nodes, edges)
    assert quick == slow == consumed


def _outcome(nodes, edges, consume=False):
    """What from_records makes of the records (copies of them, which it may consume): the
    map with every order, or the refusal."""
    try:
        amap = ArgumentMap.from_records(*copy.deepcopy((nodes, edges)), [DOCUMENT], consume=consume)
    except ModelError as exc:
        return "refused", str(exc), exc.where
    graph = amap.graph
    return (
        "built",
        amap.snapshot(),
        list(graph.edges(data=True)),
        [(list(graph.successors(n)), list(graph.predecessors(n))) for n in graph],
    )


def _no_quick_check(monkeypatch):
    monkeypatch.setattr(argument_map, "quick_nodes", lambda *args: None)
    monkeypatch.setattr(argument_map, "quick_edges", lambda *args: None)


@settings(max_examples=400, deadline=None)
@given(RECORDS, EDGES)
def test_the_quick_check_agrees_with_the_record_by_record_check(nodes, edges):
    quick = _outcome(nodes, edges)
    with pytest.MonkeyPatch.context() as patch:
        _no_quick_check(patch)
        slow = _outcome(nodes, edges)
    assert quick == slow


def _node(at, **fields):
    return lambda nodes, edges: nodes[at].update(fields)


def _edge(at, **fields):
    return lambda nodes, edges: edges[at].update(fields)


def _drop(records, at, field):
    return lambda nodes, edges: {"nodes": nodes, "edges": edges}[records][at].pop(field)


def _add(records, record):
    return lambda nodes, edges: {"nodes": nodes, "edges": edges}[records].append(record)


BAD = {
    "node not an object": _add("nodes", ["d"]),
    "no id": _drop("nodes", 1, "id"),
    "empty id": _node(1, id=""),
    "id a number": _node(1, id=4),
    "NUL in id": _node(1, id="b\0"),
    "repeated id": _node(2, id="a"),
    "no kind": _drop("nodes", 0, "kind"),
    "unknown kind": _node(0, kind="thesis"),
    "no text": _drop("nodes", 2, "text"),
    "text a list": _node(0, text=["A"]),
    "NUL in text": _node(2, text="C\0"),
    "lone surrogate": _node(1, speaker="\udc00"),
    "text too long": _node(1, text="x" * 1000001),
    "bad pos": _node(0, pos=[1, "2"]),
    "bad tags": _node(0, tags="t"),
    "quote not in document": _node(
        0, sources=[{"doc": "d1", "start": 0, "end": 6, "quote": "Weak!!"}]
    ),
    "NUL in a field name": _node(0, **{"k\0": 1}),
    "NaN": _node(2, rating=float("nan")),
    "edge not an object": _add("edges", 3),
    "no source": _drop("edges", 0, "source"),
    "unknown source": _edge(1, source="z"),
    "unknown target": _edge(1, target="z"),
    "target a number": _edge(0, target=1),
    "target a list": _edge(1, target=["a"]),
    "source a list": _edge(1, source=["c"]),
    "self-loop": _edge(0, source="a"),
    "repeated edge": _add("edges", {"source": "b", "target": "a", "relation": "opposes"}),
    "no relation": _drop("edges", 1, "relation"),
    "unknown relation": _edge(0, relation="x"),
    "strength as text": _edge(0, strength="high"),
    "group a number": _edge(1, group=3),
    "infinite weight": _edge(1, weight=float("inf")),
    "NUL beside a basis": _node(1, basis="statistic", citation="Op-ed", text="B\0"),
    "unknown basis": _node(1, basis="rumour"),
    "basis a list": _node(1, basis=["example"]),
}
GOOD = {
    "plain": lambda nodes, edges: None,
    "every field": _node(
        1,
        citation="Op-ed",
        url="u",
        date="2016",
        speaker="ITI",
        note="n",
        basis="example",
        tags=["t"],
        rating=None,
        pos=[1, 2.5],
        collapsed=True,
        sources=[{"doc": "d1", "start": 0, "end": 6, "quote": "Strong"}],
        extra={"k": [1, None]},
    ),
    "edge fields": _edge(0, strength=0.5, group=None, note="n", weight=[1]),
    "non-ASCII": _node(0, text="Chiffrement \u00e9 \U0001f512"),
    "a basis": _node(1, basis="statistic", citation="Op-ed"),
    "no basis": _node(1, basis=None),
}


@pytest.mark.parametrize(
    "change", list(BAD.values()) + list(GOOD.values()), ids=list(BAD) + list(GOOD)
)
def test_each_fault_is_reported_as_record_by_record(change, monkeypatch):
    nodes = [
        {"id": "a", "kind": "claim", "text": "A"},
        {"id": "b", "kind": "evidence", "text": "B"},
        {"id": "c", "kind": "counterclaim", "text": "C"},
    ]
    edges = [
        {"source": "b", "target": "a", "relation": "supports"},
        {"source": "c", "target": "a", "relation": "opposes"},
    ]
    change(nodes, edges)
    quick = _outcome(nodes, edges)
    assert _outcome(nodes, edges, consume=True) == quick
    _no_quick_check(monkeypatch)
    assert quick == _outcome(nodes, edges)
    assert quick[0] == ("refused" if change in BAD.values() else "built")


def test_usual_records_take_the_quick_way(monkeypatch):
    """A map of plain nodes and edges is vouched for by the quick check, not rechecked."""
    vouched, one_by_one = [], []

    def spied(quick_check):
        def run(records, *args):
            *before, check_attrs, consume = args

            def counted(attrs):
                one_by_one.append(sorted(attrs))
                return check_attrs(attrs)

            vouched.append(quick_check(records, *before, counted, consume))
            return vouched[-1]

        return run

    for name in ("quick_nodes", "quick_edges"):
        monkeypatch.setattr(argument_map, name, spied(getattr(argument_map, name)))
    nodes = [
        {"id": "c", "kind": "claim", "text": "C", "speaker": "ITI"},
        {"id": "e", "kind": "evidence", "text": "É", "pos": [1, 2]},
        {"id": "s", "kind": "evidence", "text": "S", "basis": "statistic", "citation": "C"},
    ]
    amap = ArgumentMap.from_records(
        nodes, [{"source": "e", "target": "c", "relation": "supports", "strength": 0.5}]
    )
    assert None not in vouched and len(vouched) == 2
    assert one_by_one == [  # the unusual
        ["kind", "pos", "text"],
        ["basis", "citation", "kind", "text"],
        ["relation", "strength"],
    ]
    assert amap.node("e") == {"kind": "evidence", "text": "É", "pos": (1, 2)}
    assert amap.node("s") == {
        "kind": "evidence",
        "text": "S",
        "basis": "statistic",
        "citation": "C",
    }
    assert amap.edge("e", "c") == {"relation": "supports", "strength": 0.5}


def test_built_attributes_are_the_maps_own():
    """The records stay as they were, and the map holds none of their dicts."""
    nodes = [{"id": "c", "kind": "claim", "text": "C"}, {"id": "e", "kind": "claim", "text": "E"}]
    edges = [{"source": "e", "target": "c", "relation": "supports"}]
    amap = ArgumentMap.from_records(nodes, edges)
    amap.node("c")["text"] = "changed"
    amap.edge("e", "c")["note"] = "n"
    assert nodes[0] == {"id": "c", "kind": "claim", "text": "C"}
    assert edges == [{"source": "e", "target": "c", "relation": "supports"}]


def test_consumed_records_lose_their_ids_in_place():
    """With consume=True the records lose id, source and target in place, and the map's
    attributes are what is left of them (in dicts of the graph's own)."""
    nodes = [{"id": "c", "kind": "claim", "text": "C"}, {"id": "e", "kind": "claim", "text": "E"}]
    edges = [{"source": "e", "target": "c", "relation": "supports"}]
    amap = ArgumentMap.from_records(nodes, edges, consume=True)
    assert nodes[0] == {"kind": "claim", "text": "C"} and amap.node("c") == nodes[0]
    assert edges[0] == {"relation": "supports"} and amap.edge("e", "c") == edges[0]


def test_plain_text_in_bulk_follows_check_text():
    long = "x" * MAX_TEXT
    assert all_plain_text([long, "y", "é"]) and all_plain_text([])
    assert not all_plain_text([long + "x"]) and not all_plain_text(["ok", "\udc00"])
    assert not all_plain_text(["ok"] * 5000 + ["n\x00"]) and not all_plain_text(["a", b"b"])
