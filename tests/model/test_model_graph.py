"""The map's graph: a networkx DiGraph that scripts run networkx on, with the orders, the
shared edge dicts and the refusals of unknown nodes that argmap relies on."""

from importlib import resources

import networkx as nx
import pytest

from argmap.errors import ModelError
from argmap.formats import native
from argmap.model import ArgumentMap, ReorderNode, SetEdgeAttrs, SetNodeAttrs, edits, queries

NODES = [
    {"id": "top", "kind": "claim", "text": "Encryption must stay strong"},
    {"id": "obj", "kind": "counterclaim", "text": "Police lose evidence"},
    {"id": "ev", "kind": "evidence", "text": "Dissidents rely on Signal", "basis": "example"},
    {"id": "reb", "kind": "claim", "text": "Warrants still work on the cloud"},
    {"id": "why", "kind": "claim", "text": "Backdoors get stolen"},
]
# "top"'s premises come in another order than their sources: reb -> top after why -> top
EDGES = [
    {"source": "why", "target": "top", "relation": "supports"},
    {"source": "obj", "target": "top", "relation": "opposes"},
    {"source": "reb", "target": "obj", "relation": "opposes"},
    {"source": "ev", "target": "why", "relation": "supports"},
    {"source": "reb", "target": "top", "relation": "supports"},
]


@pytest.fixture
def amap():
    return ArgumentMap.from_records(NODES, EDGES, meta={"title": "Backdoors"})


def test_a_script_runs_networkx_on_a_map_built_in_code():
    """nx.shortest_path runs on the graph of a map made by adding nodes and links."""
    m = ArgumentMap("Backdoors")
    claim = m.add_node("claim", "Encryption must stay strong")
    reason = m.add_node("claim", "Backdoors get stolen")
    evidence = m.add_node("evidence", "A leaked master key", basis="example")
    m.connect(reason, claim, "supports")
    m.connect(evidence, reason, "supports")
    assert type(m.graph) is nx.DiGraph
    assert nx.shortest_path(m.graph, evidence, claim) == [evidence, reason, claim]
    with pytest.raises(nx.NetworkXNoPath):
        nx.shortest_path(m.graph, claim, evidence)


def test_a_script_runs_networkx_on_the_shipped_seeded_map(tmp_path):
    """On a copy of the shipped seeded map, loaded from a file, nx.shortest_path from every
    node to the nearest main claim takes as many steps as the map's own depth says."""
    shipped = resources.files("argmap.resources").joinpath("maps/encryption-backdoors.argmap")
    copy = tmp_path / "encryption-backdoors.argmap"
    copy.write_bytes(shipped.read_bytes())
    amap = native.load(copy)
    graph = amap.graph
    tops = queries.main_claims(amap)
    depth = queries.depth(amap)
    assert isinstance(graph, nx.DiGraph) and len(depth) == len(amap) > 20
    for node, steps in depth.items():
        paths = [
            nx.shortest_path(graph, node, top) for top in tops if nx.has_path(graph, node, top)
        ]
        path = min(paths, key=len)
        assert len(path) - 1 == steps and path[-1] in tops
        assert nx.is_path(graph, path)


def test_nodes_and_links_keep_the_order_they_were_added_in(amap):
    """Nodes come in the records' order, a node's premises in the order of their links, and
    links source by source; an edit adds at the end."""
    graph = amap.graph
    assert list(graph.nodes) == [r["id"] for r in NODES]
    assert list(graph.predecessors("top")) == ["why", "obj", "reb"]
    assert list(graph.successors("reb")) == ["obj", "top"]
    assert list(graph.edges) == [
        ("obj", "top"),
        ("ev", "why"),
        ("reb", "obj"),
        ("reb", "top"),
        ("why", "top"),
    ]
    amap.connect("ev", "top", "supports")
    assert list(graph.predecessors("top")) == ["why", "obj", "reb", "ev"]
    assert queries.children(amap, "top") == ["obj", "ev", "reb", "why"]  # siblings: map order


def test_moving_a_node_in_the_order_keeps_the_one_graph(amap):
    """Reordering rebuilds the graph in place: whoever holds amap.graph sees the new order,
    with every link and attribute kept."""
    graph = amap.graph
    links = sorted(graph.edges(data=True))
    amap.apply(ReorderNode("why", 0))
    assert amap.graph is graph
    assert list(graph.nodes) == ["why", "top", "obj", "ev", "reb"]
    assert sorted(graph.edges(data=True)) == links
    assert graph.nodes["ev"] == {"kind": "evidence", "text": NODES[2]["text"], "basis": "example"}


def test_a_links_attributes_are_one_dict_seen_from_both_ends(amap):
    """A change to a link shows from its source and from its target alike."""
    graph = amap.graph
    amap.apply(SetEdgeAttrs("reb", "obj", {"note": "seen twice"}))
    assert graph.succ["reb"]["obj"] is graph.pred["obj"]["reb"] is amap.edge("reb", "obj")
    assert list(graph.in_edges("obj", data="note")) == [("reb", "obj", "seen twice")]
    assert list(graph.out_edges("reb", data="note")) == [
        ("reb", "obj", "seen twice"),
        ("reb", "top", None),
    ]


def test_a_copy_has_a_graph_of_its_own(amap):
    """A copied map's graph has new attribute dicts; values such as lists are shared."""
    amap.apply(SetNodeAttrs("top", {"tags": ["police"]}))
    twin = amap.copy()
    assert twin.graph is not amap.graph and type(twin.graph) is nx.DiGraph
    twin.graph.nodes["top"]["text"] = "changed"
    twin.graph.edges["why", "top"]["note"] = "n"
    assert amap.node("top")["text"] == NODES[0]["text"] and "note" not in amap.edge("why", "top")
    assert twin.node("top")["tags"] is amap.node("top")["tags"]
    assert list(twin.graph.edges) == list(amap.graph.edges)


def test_unknown_nodes_are_refused_with_a_model_error(amap):
    """Asking the map about a node or link it does not have raises ModelError."""
    for ask in (
        lambda: amap.node("zz"),
        lambda: amap.node(["top"]),
        lambda: amap.edge("top", "zz"),
        lambda: amap.edge("obj", "reb"),
        lambda: queries.children(amap, "zz"),
        lambda: queries.subtree(amap, "zz"),
        lambda: edits.first_target(amap, "zz"),
        lambda: edits.refuse_circle(amap, "zz", "top"),
        lambda: edits.delete(amap, ["zz"]),
    ):
        with pytest.raises(ModelError):
            ask()
    assert "zz" not in amap and [] not in amap and [] not in amap.graph
    assert not amap.graph.has_edge("top", "zz")
