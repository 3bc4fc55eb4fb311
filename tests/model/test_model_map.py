"""The ArgumentMap: its attributes, its invariants, and edits it refuses."""

import math

import networkx as nx
import pytest

from argmap.errors import ModelError
from argmap.model import (
    REMOVE,
    AddDocument,
    AddNode,
    ArgumentMap,
    Connect,
    MoveNodes,
    ReorderNode,
    SetEdgeAttrs,
    SetMapAttrs,
    SetNodeAttrs,
    move_node,
)

DOC_TEXT = "Strong encryption protects dissidents. Police want a key."


@pytest.fixture
def amap():
    """A map with one document, a claim quoting it and a supporting evidence."""
    m = ArgumentMap("Backdoors")
    m.apply(AddDocument({"id": "d1", "title": "Op-ed", "text": DOC_TEXT}))
    claim = m.add_node(
        "claim",
        "Encryption must stay strong",
        speaker="ITI",
        sources=[
            {"doc": "d1", "start": 0, "end": 38, "quote": "Strong encryption protects dissidents."}
        ],
    )
    evidence = m.add_node("evidence", "Dissidents rely on Signal", basis="example")
    m.connect(evidence, claim, "supports")
    return m


def test_graph_is_a_digraph_with_premise_to_conclusion_edges(amap):
    """The map wraps a networkx DiGraph whose edge runs from the premise to what it bears on."""
    assert type(amap.graph) is nx.DiGraph
    assert list(amap.graph.edges) == [("n2", "n1")]
    assert amap.edge("n2", "n1") == {"relation": "supports"}
    assert len(amap) == 2 and "n1" in amap and "n9" not in amap


def test_every_documented_attribute_is_kept(amap):
    """All node and edge attributes of the design can be set and read back."""
    node = amap.add_node(
        "evidence",
        "42% of cases stalled",
        basis="statistic",
        sources=[{"doc": "d1", "start": 39, "end": 57, "quote": "Police want a key."}],
        citation="FBI report 2016",
        url="https://example.org/r",
        date="2016-03-01",
        speaker="FBI",
        tags=["police", "numbers"],
        note="check the year",
        rating=0.25,
        pos=(10.5, -3),
        collapsed=True,
        custom={"any": [1, "json"]},
    )
    amap.connect(node, "n1", "opposes", strength=0.8, group="g1", note="weak link")
    attrs = amap.node(node)
    assert attrs["basis"] == "statistic" and attrs["speaker"] == "FBI"
    assert attrs["sources"][0]["quote"] == DOC_TEXT[39:57]
    assert attrs["tags"] == ["police", "numbers"] and attrs["rating"] == 0.25
    assert attrs["pos"] == (10.5, -3) and attrs["collapsed"] is True
    assert attrs["custom"] == {"any": [1, "json"]}
    assert amap.edge(node, "n1") == {
        "relation": "opposes",
        "strength": 0.8,
        "group": "g1",
        "note": "weak link",
    }
    assert amap.check_invariants() == []


def test_ids_are_generated_and_unique(amap):
    """New ids are short, never user text, and never reuse an id in the map."""
    amap.apply(AddNode("claim", "x", node_id="n3"))
    new = amap.add_node("claim", "n4 is my text")
    assert new not in ("n1", "n2", "n3") and new.startswith("n")
    assert len(set(amap.graph.nodes)) == len(amap) == 4


def test_snapshot_is_independent_of_later_edits(amap):
    """A snapshot is a deep copy: editing the map afterwards does not change it."""
    before = amap.snapshot()
    amap.apply(SetNodeAttrs("n1", {"tags": ["x"]}))
    amap.node("n1")["sources"][0]["quote"] = "mutated"
    assert "tags" not in dict(before["nodes"][0][1])
    assert before["nodes"][0][1]["sources"][0]["quote"].startswith("Strong")


def _refused(amap, command):
    """Apply *command*, expect ModelError, and return the error's message."""
    before = amap.snapshot()
    seen = []
    amap.subscribe(seen.append)
    with pytest.raises(ModelError) as info:
        amap.apply(command)
    amap.unsubscribe(seen.append)
    assert amap.snapshot() == before
    assert seen == [], "a refused edit must not notify the views"
    assert amap.check_invariants() == []
    return str(info.value)


def _nested(levels):
    """Return a list nested *levels* deep."""
    value = []
    for _ in range(levels):
        value = [value]
    return value


SPAN_BAD_QUOTE = {"doc": "d1", "start": 0, "end": 6, "quote": "Strang"}

INVALID_ADDS = [
    ("unknown kind", AddNode("premise", "text"), "unknown kind"),
    ("kind None", AddNode(None, "text"), "kind"),
    ("NUL in text", AddNode("claim", "a\x00b"), "NUL"),
    ("text not a string", AddNode("claim", 42), "string"),
    ("text None", AddNode("claim", None), "string"),
    ("lone surrogate", AddNode("claim", "bad \ud800"), "Unicode"),
    ("quote mismatch", AddNode("claim", "t", {"sources": [SPAN_BAD_QUOTE]}), "does not match"),
    (
        "unknown doc",
        AddNode("claim", "t", {"sources": [{"doc": "d9", "start": 0, "end": 1, "quote": "S"}]}),
        "unknown document",
    ),
    (
        "span past end",
        AddNode("claim", "t", {"sources": [{"doc": "d1", "start": 50, "end": 500, "quote": "x"}]}),
        "past the end",
    ),
    (
        "span backwards",
        AddNode("claim", "t", {"sources": [{"doc": "d1", "start": 5, "end": 2, "quote": ""}]}),
        "ends before",
    ),
    (
        "span lacks quote",
        AddNode("claim", "t", {"sources": [{"doc": "d1", "start": 0, "end": 1}]}),
        "quote",
    ),
    (
        "span NaN extra",
        AddNode("claim", "t", {"sources": [dict(SPAN_BAD_QUOTE, quote="Strong", extra=math.nan)]}),
        "finite",
    ),
    ("NaN position", AddNode("claim", "t", {"pos": (math.nan, 0)}), "finite"),
    ("inf position", AddNode("claim", "t", {"pos": (0, math.inf)}), "finite"),
    ("position of 3", AddNode("claim", "t", {"pos": (1, 2, 3)}), "pair"),
    ("bool position", AddNode("claim", "t", {"pos": (True, 2)}), "number"),
    ("bad basis", AddNode("evidence", "t", {"basis": "rumour"}), "basis"),
    ("tags not list", AddNode("claim", "t", {"tags": "a,b"}), "tags"),
    ("tag not text", AddNode("claim", "t", {"tags": [1]}), "string"),
    ("collapsed not bool", AddNode("claim", "t", {"collapsed": "yes"}), "true or false"),
    ("NaN rating", AddNode("claim", "t", {"rating": math.nan}), "finite"),
    ("speaker not text", AddNode("claim", "t", {"speaker": ["x"]}), "string"),
    ("extra not JSON", AddNode("claim", "t", {"blob": object()}), "plain JSON"),
    ("extra too deep", AddNode("claim", "t", {"deep": _nested(25)}), "nested"),
    ("reserved id", AddNode("claim", "t", {"id": "n7"}), "reserved"),
    ("duplicate id", AddNode("claim", "t", node_id="n1"), "already"),
    ("empty id", AddNode("claim", "t", node_id=""), "empty"),
    ("index not a number", AddNode("claim", "t", index="first"), "whole number"),
]


@pytest.mark.parametrize(
    "command,needle", [c[1:] for c in INVALID_ADDS], ids=[c[0] for c in INVALID_ADDS]
)
def test_invalid_node_is_refused_and_changes_nothing(amap, command, needle):
    """Adding a node that breaks an invariant raises ModelError and leaves the map as it was."""
    assert needle.lower() in _refused(amap, command).lower()


INVALID_EDITS = [
    ("remove kind", SetNodeAttrs("n1", {"kind": REMOVE}), "cannot be removed"),
    ("remove text", SetNodeAttrs("n1", {"text": REMOVE}), "cannot be removed"),
    ("bad kind", SetNodeAttrs("n1", {"kind": "thesis"}), "unknown kind"),
    ("NUL text", SetNodeAttrs("n1", {"text": "\x00"}), "NUL"),
    ("text is bytes", SetNodeAttrs("n1", {"text": b"bytes"}), "string"),
    ("one bad among good", SetNodeAttrs("n1", {"note": "fine", "pos": (1, math.nan)}), "finite"),
    ("quote mismatch", SetNodeAttrs("n1", {"sources": [SPAN_BAD_QUOTE]}), "does not match"),
    ("unknown node", SetNodeAttrs("n9", {"text": "x"}), "no node"),
    ("unhashable node", SetNodeAttrs(["n1"], {"text": "x"}), "no node"),
    ("move NaN", move_node("n1", (math.nan, 1)), "finite"),
    ("move None", move_node("n1", None), "pair"),
    ("move many, last bad", MoveNodes({"n1": (1, 1), "n2": (2, math.inf)}), "finite"),
    ("move unknown", MoveNodes({"n1": (1, 1), "n9": (2, 2)}), "no node"),
    ("self-loop", Connect("n1", "n1", "supports"), "itself"),
    ("duplicate edge", Connect("n2", "n1", "opposes"), "already connected"),
    ("bad relation", Connect("n1", "n2", "refutes"), "unknown relation"),
    ("edge to unknown", Connect("n1", "n9", "supports"), "no node"),
    ("NaN strength", Connect("n1", "n2", "supports", {"strength": math.nan}), "finite"),
    ("group not text", Connect("n1", "n2", "supports", {"group": 3}), "string"),
    ("reserved edge key", Connect("n1", "n2", "supports", {"target": "n2"}), "reserved"),
    ("remove relation", SetEdgeAttrs("n2", "n1", {"relation": REMOVE}), "cannot be removed"),
    ("change to bad relation", SetEdgeAttrs("n2", "n1", {"relation": "maybe"}), "relation"),
    ("edit missing edge", SetEdgeAttrs("n1", "n2", {"note": "x"}), "no edge"),
    ("reorder unknown", ReorderNode("n9", 0), "no node"),
    ("reorder by text", ReorderNode("n1", "last"), "whole number"),
    ("title not text", SetMapAttrs({"title": 5}), "string"),
    ("remove title", SetMapAttrs({"title": REMOVE}), "title"),
    ("map extra NaN", SetMapAttrs({"zoom": math.nan}), "finite"),
    ("document without id", AddDocument({"text": "x"}), "document id"),
    ("duplicate document", AddDocument({"id": "d1", "text": "x"}), "already"),
    ("document not a dict", AddDocument("d2"), "document"),
    ("document NUL", AddDocument({"id": "d2", "text": "\x00"}), "NUL"),
]


@pytest.mark.parametrize(
    "command,needle", [c[1:] for c in INVALID_EDITS], ids=[c[0] for c in INVALID_EDITS]
)
def test_invalid_edit_is_refused_and_changes_nothing(amap, command, needle):
    """Every edit that would break an invariant raises ModelError with a clear reason."""
    assert needle.lower() in _refused(amap, command).lower()


def test_document_quoted_by_a_node_cannot_be_removed(amap):
    """Removing a document that a span still refers to is refused."""
    from argmap.model import RemoveDocument

    assert "still quoted" in _refused(amap, RemoveDocument("d1"))
    assert "no document" in _refused(amap, RemoveDocument("d7"))


def test_node_and_edge_lookups_of_missing_items_raise_model_error(amap):
    """Reading a node or edge that is not there is a ModelError, not a KeyError."""
    with pytest.raises(ModelError, match="no node"):
        amap.node("n9")
    with pytest.raises(ModelError, match="no edge"):
        amap.edge("n1", "n2")
    with pytest.raises(ModelError, match="no edge"):
        amap.edge(["n1"], "n2")


def test_title_must_be_text():
    """A map's title is checked when the map is made."""
    assert ArgumentMap().title == ""
    with pytest.raises(ModelError):
        ArgumentMap(title=None)


def test_check_invariants_reports_damage_done_behind_the_model(amap):
    """check_invariants finds broken data that bypassed the edit API."""
    assert amap.check_invariants() == []
    amap.graph.nodes["n1"]["pos"] = (math.nan, 0.0)
    amap.graph.nodes["n2"]["kind"] = "thesis"
    amap.graph.add_edge("n1", "n1", relation="supports")
    amap.graph.edges["n2", "n1"]["relation"] = "maybe"
    found = "\n".join(amap.check_invariants())
    assert "node n1" in found and "node n2" in found
    assert "self-loop" in found and "edge n2->n1: bad relation" in found
