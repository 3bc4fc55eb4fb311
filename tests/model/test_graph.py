"""argmap's Digraph against networkx's DiGraph: same answers, same orders, exact conversion."""

import networkx as nx
import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from argmap.model.graph import Digraph, ancestors, has_path, is_acyclic

NAMES = "abcde"
NODE = st.sampled_from(NAMES)
ATTRS = st.dictionaries(st.sampled_from("xyz"), st.integers(0, 9), max_size=2)
EDGE_STEP = st.tuples(st.just("add_edge"), NODE, NODE, ATTRS)
STEP = st.one_of(
    EDGE_STEP,
    EDGE_STEP,
    st.tuples(st.just("add_node"), NODE, ATTRS),
    st.tuples(st.just("add_nodes_from"), st.lists(st.tuples(NODE, ATTRS), max_size=3)),
    st.tuples(st.just("add_edges_from"), st.lists(st.tuples(NODE, NODE, ATTRS), max_size=4)),
    st.tuples(st.just("remove_node"), NODE),
    st.tuples(st.just("remove_edge"), NODE, NODE),
    st.tuples(st.just("set_edge"), NODE, NODE, ATTRS),
    st.tuples(st.just("copy")),
)


def _apply(graph, step):
    """Apply one step to *graph* (ours or networkx's); return the graph to go on with."""
    name, *args = step
    if name == "add_node":
        graph.add_node(args[0], **args[1])
    elif name == "add_nodes_from":
        graph.add_nodes_from(args[0])
    elif name == "add_edge":
        graph.add_edge(args[0], args[1], **args[2])
    elif name == "add_edges_from":
        graph.add_edges_from(args[0], w=1)
    elif name == "remove_node" and args[0] in graph:
        graph.remove_node(args[0])
    elif name in ("remove_edge", "set_edge") and graph.has_edge(args[0], args[1]):
        if name == "remove_edge":
            graph.remove_edge(args[0], args[1])
        else:
            graph.edges[args[0], args[1]].update(args[2])
    elif name == "copy":
        return graph.copy()
    return graph


def _facts(graph):
    """Everything argmap reads from a graph, orders included."""
    nodes = list(graph.nodes)
    return {
        "nodes": nodes,
        "len": (len(graph), graph.number_of_nodes(), graph.number_of_edges()),
        "node data": list(graph.nodes(data=True)),
        "node x": list(graph.nodes(data="x")),
        "edges": list(graph.edges),
        "edge data": list(graph.edges(data=True)),
        "edge x": list(graph.edges(data="x", default=-1)),
        "edge count": len(graph.edges),
        "all in": list(graph.in_edges()),
        "all out": list(graph.out_edges(data=True)),
        "some in": list(graph.in_edges(["a", "b", "zz"], data="x")),
        "some out": list(graph.edges(["c", "d"], data=True)),
        "per node": [
            (
                list(graph.successors(n)),
                list(graph.predecessors(n)),
                graph.in_degree(n),
                graph.out_degree(n),
                graph.degree(n),
                list(graph.in_edges(n, data=True)),
                list(graph.out_edges(n)),
                graph.nodes[n],
                n in graph,
                n in graph.nodes,
            )
            for n in nodes
        ],
        "pairs": [(graph.has_edge(u, v), (u, v) in graph.edges) for u in NAMES for v in NAMES],
        "attrs": {edge: graph.edges[edge] for edge in graph.edges},
        "graph": graph.graph,
        "directed": graph.is_directed(),
    }


def _orders(graph):
    """Nodes, edges and every node's successors and predecessors, with attributes."""
    return (
        list(graph.nodes(data=True)),
        list(graph.edges(data=True)),
        [(list(graph.successors(n)), list(graph.predecessors(n))) for n in graph],
    )


@settings(max_examples=300, deadline=None)
@given(st.lists(STEP, max_size=25))
def test_every_step_gives_what_networkx_gives(steps):
    """Any sequence of changes and copies leaves the same nodes, edges and orders."""
    ours, theirs = Digraph(), nx.DiGraph()
    ours.graph["title"] = theirs.graph["title"] = "T"
    for step in steps:
        ours, theirs = _apply(ours, step), _apply(theirs, step)
        assert _facts(ours) == _facts(theirs)


# predecessors in another order than their sources: b -> a is added after c -> a
@example([("add_edge", "b", "d", {}), ("add_edge", "c", "a", {}), ("add_edge", "b", "a", {})], [])
@settings(max_examples=200, deadline=None)
@given(st.lists(STEP, max_size=25), st.lists(st.tuples(NODE, NODE), max_size=8))
def test_conversion_and_edge_subgraph_are_exact(steps, chosen):
    """to_networkx() and edge_subgraph() keep nodes, edges, attributes and every order."""
    ours, theirs = Digraph(), nx.DiGraph()
    for step in steps:
        ours, theirs = _apply(ours, step), _apply(theirs, step)
    converted = ours.to_networkx()
    assert isinstance(converted, nx.DiGraph)
    assert _orders(converted) == _orders(theirs) and converted.graph == theirs.graph
    part, their_part = ours.edge_subgraph(chosen), theirs.edge_subgraph(chosen)
    assert _orders(part) == _orders(part.to_networkx())
    # networkx's view lists a small part's nodes in the order of a set; ours keeps the graph's
    assert list(part.nodes) == [n for n in ours.nodes if n in their_part]
    assert len(part) == len(their_part) and part.number_of_edges() == len(their_part.edges)
    for node in part:
        assert (list(part.successors(node)), list(part.predecessors(node)), part.nodes[node]) == (
            list(their_part.successors(node)),
            list(their_part.predecessors(node)),
            their_part.nodes[node],
        )
        assert part.nodes[node] is ours.nodes[node]
    assert {e: part.edges[e] for e in part.edges} == {
        e: their_part.edges[e] for e in their_part.edges
    }


@settings(max_examples=300, deadline=None)
@given(st.lists(st.tuples(NODE, NODE), max_size=14), NODE, NODE, st.sets(NODE, max_size=3))
def test_reachability_and_circles_agree_with_networkx(edges, source, target, avoid):
    """has_path (around *avoid*), ancestors and is_acyclic give networkx's answers."""
    ours, theirs = Digraph(), nx.DiGraph()
    ours.add_nodes_from(NAMES)
    theirs.add_nodes_from(NAMES)
    ours.add_edges_from(edges)
    theirs.add_edges_from(edges)
    avoid -= {source, target}
    kept = nx.restricted_view(theirs, list(avoid), [])
    assert has_path(ours, source, target, avoid) == nx.has_path(kept, source, target)
    assert ancestors(ours, target) == nx.ancestors(theirs, target)
    assert is_acyclic(ours) == nx.is_directed_acyclic_graph(theirs)


def test_edge_attributes_are_one_dict_seen_from_both_ends():
    g = Digraph()
    g.add_edge("e", "c", relation="supports")
    g.edges["e", "c"]["note"] = "seen twice"
    both = {"relation": "supports", "note": "seen twice"}
    assert g.out_edges("e", data=True) == [("e", "c", both)]
    assert g.in_edges("c", data="note") == [("e", "c", "seen twice")]


def test_the_edge_count_follows_every_removal():
    """number_of_edges is kept as a count: removing a node takes its edges, loops once."""
    g = Digraph()
    g.add_edges_from([("a", "b"), ("b", "a"), ("c", "a"), ("a", "a")])
    assert g.number_of_edges() == 4 and g.degree("a") == 5
    g.remove_node("a")
    assert g.number_of_edges() == 0 and list(g.nodes) == ["b", "c"]


def test_copies_are_independent_but_share_values():
    g = Digraph()
    tags = ["t"]
    g.add_node("a", tags=tags)
    g.add_edge("a", "b", w=1)
    twin = g.copy()
    twin.nodes["a"]["kind"] = "claim"
    twin.edges["a", "b"]["w"] = 2
    twin.add_edge("b", "a")
    assert g.nodes["a"] == {"tags": tags} and g.edges["a", "b"] == {"w": 1}
    assert twin.nodes["a"]["tags"] is tags and not g.has_edge("b", "a")


def test_unknown_nodes_and_edges_are_refused():
    g = Digraph()
    g.add_node("a")
    for ask in (
        lambda: g.nodes["b"],
        lambda: g.edges["a", "b"],
        lambda: g.out_degree("b"),
        lambda: g.successors("b"),
        lambda: g.remove_node("b"),
        lambda: g.remove_edge("a", "b"),
        lambda: has_path(g, "a", "b"),
        lambda: ancestors(g, "b"),
    ):
        with pytest.raises(KeyError):
            ask()
    with pytest.raises(ValueError, match="None cannot be a node"):
        g.add_edge("a", None)
    assert [] not in g and ("a",) not in g.edges and not g.has_edge("a", "b")


def test_taken_nodes_and_edges_keep_their_dicts_and_orders():
    """take_nodes/take_edges (argmap's own) build what add_nodes_from/add_edges_from build,
    without copying the attribute dicts."""
    nodes = {"c": {"kind": "claim"}, "e": {"kind": "evidence"}, "f": {}}
    edges = {("e", "c"): {"relation": "supports"}, ("f", "c"): {"relation": "opposes"}}
    taken, added = Digraph(), nx.DiGraph()
    taken.take_nodes(nodes)
    taken.take_edges(edges)
    added.add_nodes_from(nodes.items())
    added.add_edges_from((u, v, d) for (u, v), d in edges.items())
    assert _facts(taken) == _facts(added)
    assert taken.nodes["e"] is nodes["e"] and taken.edges["f", "c"] is edges["f", "c"]


@pytest.mark.parametrize(
    "nodes,edges",
    [({"c": {}}, {}), ({None: {}}, {}), ({}, {("c", "z"): {}}), ({}, {("e", "c"): {}})],
)
def test_taking_what_is_there_or_missing_is_refused(nodes, edges):
    g = Digraph()
    g.add_edge("e", "c")
    with pytest.raises(ValueError):
        g.take_nodes(nodes)
        g.take_edges(edges)
    assert list(g.nodes) == ["e", "c"] and g.number_of_edges() == 1


def test_a_map_is_freed_without_the_cycle_collector():
    """Nothing in a map's graph refers back to it: dropping the map frees its graph at once
    (a million-node graph is not left for the collector to find)."""
    import gc

    from argmap.model import ArgumentMap, queries

    def graphs():
        return sum(type(o) is Digraph for o in gc.get_objects())

    running = gc.isenabled()
    gc.disable()
    try:
        gc.collect()
        before = graphs()
        amap = ArgumentMap.from_records(
            [
                {"id": "c", "kind": "claim", "text": "C"},
                {"id": "e", "kind": "evidence", "text": "E"},
            ],
            [{"source": "e", "target": "c", "relation": "supports"}],
        )
        queries.problems(amap), queries.main_claims(amap), list(amap.graph.edges(data=True))
        twin = amap.copy()
        assert graphs() == before + 2
        del amap, twin
        assert graphs() == before
    finally:
        if running:
            gc.enable()
