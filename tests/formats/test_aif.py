"""AIF and OVA's xAIF: import of real files and of each pattern, export, round trips."""

import json

import pytest
from interchange_helpers import canonical, ext_file

from argmap import resources
from argmap.errors import FormatError
from argmap.formats import aif, native


def _aif(nodes, edges, **more):
    return json.dumps(
        {
            "nodes": [{"nodeID": i, "type": t, "text": x} for i, t, x in nodes],
            "edges": [
                {"edgeID": f"e{k}", "fromID": a, "toID": b} for k, (a, b) in enumerate(edges)
            ],
            **more,
        }
    )


def test_aifdb_nodeset_imports():
    """The AIFdb file gives its 9 I-nodes and 5 inferences; the dialogue layer is counted."""
    amap, warnings = aif.load(ext_file("aif", "aifdb-6064.json"))
    assert len(amap) == 9 and amap.graph.number_of_edges() == 5
    assert {a["relation"] for _, _, a in amap.graph.edges(data=True)} == {"supports"}
    assert warnings[0].startswith(
        "The file also holds 16 locutions (who said what), 8 transitions (how one move "
        "answers another) and 14 illocutions (what a move asserts, asks or challenges), "
        "which argmap does not show"
    )


def test_ova_xaif_imports_with_positions_and_speakers():
    """OVA3's wrapper: integer edge ids, positions from OVA, speakers from locutions."""
    amap, _ = aif.load(ext_file("aif", "ova3-xaif.json"))
    attrs = {a["text"]: a for _, a in amap.graph.nodes(data=True)}
    assert attrs["A"]["pos"] == (273.0, 140.0)
    assert attrs["A"]["speaker"] == "Participant Rachel"
    assert amap.graph.number_of_edges() == 1


def test_empty_xaif_imports_empty():
    """An empty OVA3 file is an empty map."""
    amap, warnings = aif.load(ext_file("aif", "ova3-xaif-empty.json"))
    assert len(amap) == 0 and warnings == []


def _links(data):
    """Return {(S-node type, frozenset(premise texts), conclusion text)} of AIF data."""
    graph = data.get("AIF", data)
    text = {str(n["nodeID"]): n.get("text") for n in graph["nodes"]}
    kind = {str(n["nodeID"]): n["type"] for n in graph["nodes"]}
    into, out = {}, {}
    for e in graph["edges"]:
        into.setdefault(str(e["toID"]), set()).add(str(e["fromID"]))
        out.setdefault(str(e["fromID"]), set()).add(str(e["toID"]))
    return {
        (kind[s], frozenset(text[p] for p in into.get(s, ()) if kind[p] == "I"), text[t])
        for s in kind
        if kind[s] in ("RA", "CA")
        for t in out.get(s, ())
    }


@pytest.mark.parametrize("name", ["aifdb-6064.json", "ova3-xaif.json"])
@pytest.mark.parametrize("xaif", [False, True])
def test_round_trip_keeps_i_nodes_inferences_and_conflicts(name, xaif):
    """AIF -> argmap -> AIF keeps every I-node (id and text) and every RA and CA."""
    with open(ext_file("aif", name), encoding="utf-8") as handle:
        original = json.load(handle)
    amap, _ = aif.from_data(original)
    written = aif.to_data(amap, xaif)
    graph, before = written.get("AIF", written), original.get("AIF", original)

    def i_nodes(g):
        return {(str(n["nodeID"]), n["text"]) for n in g["nodes"] if n["type"] == "I"}

    assert i_nodes(graph) == i_nodes(before)
    assert _links(written) == _links(original)


def test_patterns_by_hand():
    """Linked premises share a group; a CA on an RA is an undercut; MA is kept."""
    text = _aif(
        [
            ("p1", "I", "P1"),
            ("p2", "I", "P2"),
            ("c", "I", "C"),
            ("x", "I", "X"),
            ("y", "I", "Y"),
            ("r", "RA", "Modus Ponens"),
            ("k", "CA", "Conflict"),
            ("m", "MA", "Rephrase"),
            (7, "PA", "Preference"),
        ],
        [
            ("p1", "r"),
            ("p2", "r"),
            ("r", "c"),
            ("x", "k"),
            ("k", "r"),
            ("y", "m"),
            ("m", "c"),
            ("x", "nowhere"),
            ("y", 7),
        ],
    )
    amap, warnings = aif.loads(text)
    edges = amap.graph.edges
    assert edges["p1", "c"]["group"] == edges["p2", "c"]["group"] == "r"
    assert edges["p1", "c"]["aif"]["scheme"] == "Modus Ponens"
    assert edges["x", "c"]["relation"] == "opposes" and edges["x", "c"]["aif"]["undercuts"] == "r"
    assert amap.meta["aif"]["rephrases"] == [["y", "c"]]
    assert any("naming no node" in w for w in warnings) and any(
        "1 preference (" in w for w in warnings
    )


@pytest.mark.parametrize(
    "data, where",
    [
        ([], "$"),
        ({"edges": []}, "$"),
        ({"nodes": {}}, "$.nodes"),
        ({"nodes": [{"type": "I", "text": "a"}]}, "$.nodes[0].nodeID"),
        (
            {"nodes": [{"nodeID": 1, "type": "I"}, {"nodeID": "1", "type": "I"}]},
            "$.nodes[1].nodeID",
        ),
        ({"nodes": [{"nodeID": 1, "text": "a"}]}, "$.nodes[0].type"),
        ({"nodes": [], "edges": 3}, "$.edges"),
    ],
)
def test_bad_files_fail_clearly(data, where):
    """Malformed AIF fails with the JSON path of the fault."""
    with pytest.raises(FormatError) as info:
        aif.from_data(data, "bad.json")
    assert info.value.where == where and info.value.file == "bad.json"


@pytest.mark.parametrize("xaif", [False, True])
@pytest.mark.parametrize("name", ["example", "encryption-backdoors"])
def test_argmap_maps_come_back_from_aif(name, xaif):
    """A map made in argmap exports to AIF and reads back unchanged."""
    amap = native.load(resources.path("maps", name + ".argmap"))
    again, warnings = aif.loads(aif.dumps(amap, xaif))
    assert warnings == []
    assert canonical(again, ignore=("aif",)) == canonical(amap, ignore=("aif",))
