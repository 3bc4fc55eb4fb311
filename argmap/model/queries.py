"""Derived facts about a map, computed on demand and never stored.

Free functions over an :class:`~argmap.model.ArgumentMap`, in the manner of
networkx's algorithms. Circles, ancestors and the top of a map that is all circle
are networkx's own algorithms, run on the map's graph.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Iterator, Mapping

import networkx as nx

from argmap.model.argument_map import ArgumentMap


def children(amap: ArgumentMap, node_id: str, relation: str | None = None) -> list[str]:
    """Return the nodes that bear on *node_id*, in sibling order.

    Sibling order is the map's node order, so the same map always lists its
    premises, and draws them, the same way.

    Example
    -------
    >>> from argmap.model import ArgumentMap
    >>> m = ArgumentMap(); c = m.add_node("claim", "C")
    >>> a = m.add_node("evidence", "A"); b = m.add_node("counterclaim", "B")
    >>> m.connect(a, c, "supports"); m.connect(b, c, "opposes")
    >>> children(m, c), children(m, c, "opposes")
    (['n2', 'n3'], ['n3'])
    """
    amap.node(node_id)
    graph = amap.graph
    order = amap.node_index()
    found = [
        u
        for u in graph.predecessors(node_id)
        if relation is None or graph.edges[u, node_id]["relation"] == relation
    ]
    return sorted(found, key=order.__getitem__)


def main_claims(amap: ArgumentMap) -> list[str]:
    """Return the claims that bear on nothing: the map's main claims.

    When no claim qualifies (a map of only evidence), the nodes that bear on
    nothing are returned instead, in map order. When nothing bears on
    nothing (a cycle at the top), each circle that leads nowhere else gives
    its first claim (or first node), so a map always has a top.
    """
    return list(amap.derived("main_claims", lambda: _main_claims(amap)))


def _main_claims(amap: ArgumentMap) -> list[str]:
    graph = amap.graph
    tops = [n for n in graph.nodes if graph.out_degree(n) == 0]
    claims = [n for n in tops if graph.nodes[n]["kind"] == "claim"]
    return claims or tops or _tops_of_cycles(amap)


def _tops_of_cycles(amap: ArgumentMap) -> list[str]:
    """The first claim (else first node) of each strongly connected part that leads nowhere."""
    graph = amap.graph
    if not len(graph):
        return []
    index = amap.node_index()
    parts = nx.condensation(graph)
    tops = []
    for part in parts.nodes:
        if parts.out_degree(part) == 0:
            members = sorted(parts.nodes[part]["members"], key=index.__getitem__)
            claims = [n for n in members if graph.nodes[n]["kind"] == "claim"]
            tops.append((claims or members)[0])
    return sorted(tops, key=index.__getitem__)


def _walk_down(amap: ArgumentMap) -> Iterator[tuple[str, str | None, str | None, int]]:
    """Breadth-first from the main claims: yield (node, parent, relation, depth)."""
    graph = amap.graph
    seen = set()
    queue: deque[tuple[str, str | None, str | None, int]] = deque()
    for root in main_claims(amap):
        seen.add(root)
        queue.append((root, None, None, 0))
    while queue:
        node, parent, relation, depth = queue.popleft()
        yield node, parent, relation, depth
        for child in children(amap, node):
            if child not in seen:
                seen.add(child)
                queue.append((child, node, graph.edges[child, node]["relation"], depth + 1))


def stance(amap: ArgumentMap) -> dict[str, str]:
    """Return ``{node: 'pro' | 'con'}`` towards the main claim it leads up to.

    A main claim is ``pro``; a premise that supports keeps its target's stance
    and one that opposes flips it (the parity of ``opposes`` on the way up,
    along the shortest way). Nodes that lead to no main claim are left out.
    """
    result: dict[str, str] = {}
    for node, parent, relation, _ in _walk_down(amap):
        if parent is None:
            result[node] = "pro"
        elif relation == "opposes":
            result[node] = "con" if result[parent] == "pro" else "pro"
        else:
            result[node] = result[parent]
    return result


def depth(amap: ArgumentMap) -> dict[str, int]:
    """Return ``{node: steps to the nearest main claim}``; unreachable nodes are left out."""
    return {node: d for node, _, _, d in _walk_down(amap)}


def cycles(amap: ArgumentMap, limit: int = 100) -> list[list[str]]:
    """Return up to *limit* cycles, each a list of node ids.

    Each circle starts at its node that comes first in the map, and the circles are in map
    order, so the same map gives the same list every time (networkx finds them in an order
    that changes from run to run). A map of more than *limit* circles gives *limit* of them.
    """
    return cycles_in(amap.graph, amap.node_index(), limit)


def cycles_in(
    graph: nx.DiGraph[str], index: Mapping[str, int], limit: int = 100
) -> list[list[str]]:
    """Return up to *limit* cycles of *graph* (the map's graph or part of it) as
    :func:`cycles` does, *index* giving each node's place in the map."""
    if nx.is_directed_acyclic_graph(_inner_links(graph)):  # linear: most maps have no circle
        return []
    found = []
    for cycle in nx.simple_cycles(graph):
        start = min(range(len(cycle)), key=lambda i: index[cycle[i]])
        found.append(cycle[start:] + cycle[:start])
        if len(found) >= limit:
            break
    return sorted(found, key=lambda cycle: [index[node] for node in cycle])


def _inner_links(graph: nx.DiGraph[str]) -> nx.DiGraph[str]:
    """The links of *graph* between nodes that bear on something and are borne on: the only
    nodes a circle can pass through (in a large map most nodes have no link at all)."""
    bearing = {source for source, _ in graph.edges}
    borne = {target for _, target in graph.edges}
    return nx.DiGraph((u, v) for u, v in graph.edges if u in borne and v in bearing)


def orphans(amap: ArgumentMap) -> list[str]:
    """Return the nodes that are not part of any argument.

    These are counterclaims and evidence that bear on nothing, and, in a map
    with more than one node, claims with no edge at all.
    """
    graph = amap.graph
    bearing = {source for source, _ in graph.edges}
    borne = {target for _, target in graph.edges} if len(graph) > 1 else None
    return [
        node
        for node, attrs in graph.nodes(data=True)
        if node not in bearing
        and (attrs["kind"] != "claim" or (borne is not None and node not in borne))
    ]


def role(amap: ArgumentMap, source: str, target: str) -> str:
    """Name what the edge *source* -> *target* does in the debate.

    ``support``, ``objection`` (opposes a claim or evidence) or ``rebuttal``
    (opposes a counterclaim or an objection).
    """
    return role_towards(amap, target, amap.edge(source, target)["relation"])


def role_towards(amap: ArgumentMap, target: str, relation: str) -> str:
    """What a premise bearing on *target* with *relation* does: ``support``, ``objection``
    or ``rebuttal`` (see :func:`role`), whether or not the link is there yet."""
    graph = amap.graph
    if relation == "supports":
        return "support"
    target_opposes = any(
        graph.edges[target, t]["relation"] == "opposes" for t in graph.successors(target)
    )
    if graph.nodes[target]["kind"] == "counterclaim" or target_opposes:
        return "rebuttal"
    return "objection"


#: The kind a claim takes for its place in the debate: an objection is a counterclaim,
#: a reason or a rebuttal a claim (evidence stays evidence).
KIND_OF_ROLE = {"support": "claim", "objection": "counterclaim", "rebuttal": "claim"}


def kind_towards(amap: ArgumentMap, kind: str, target: str, relation: str) -> str:
    """The kind a card of *kind* takes when it bears on *target* with *relation*, so that
    its kind and its drawn place agree.

    Example
    -------
    >>> from argmap.model import ArgumentMap
    >>> m = ArgumentMap(); c = m.add_node("claim", "Ban encryption")
    >>> kind_towards(m, "counterclaim", c, "supports"), kind_towards(m, "claim", c, "opposes")
    ('claim', 'counterclaim')
    """
    if kind == "evidence":
        return kind
    return KIND_OF_ROLE[role_towards(amap, target, relation)]


def places_touched(
    amap: ArgumentMap, node: str | None = None, link: tuple[str, str] | None = None
) -> list[str]:
    """The nodes whose place in the debate (see :func:`role`; a card's header and colour
    follow it) may change with the kind of *node*, or with the link *link* ``(source,
    target)`` added, removed or changed: *node*, or both ends of the link, and the premises
    of *node* or of the link's source (what they do depends on what it is and opposes)."""
    if link is not None:
        touched = list(link)
    elif node is not None:
        touched = [node]
    else:
        return []
    bearer = touched[0]
    if bearer in amap.graph:
        touched += amap.graph.predecessors(bearer)
    return touched


def subtree(amap: ArgumentMap, root: str) -> set[str]:
    """Return the set of nodes that bear on *root*, directly or not, and *root*."""
    amap.node(root)
    return nx.ancestors(amap.graph, root) | {root}


def problems(amap: ArgumentMap) -> list[str]:
    """Return human-readable remarks on the map's structure (cycles, orphans)."""
    remarks = []
    for cycle in cycles(amap, limit=10):
        remarks.append("cycle: " + " -> ".join(cycle + cycle[:1]))
    remarks += [f"{node} bears on nothing" for node in orphans(amap)]
    if len(amap) and not any(amap.graph.out_degree(n) == 0 for n in amap.graph.nodes):
        remarks.append("no main claim")
    return remarks


def step(amap: ArgumentMap, node: str, direction: str) -> str:
    """Return the node one step from *node*: ``up`` to what it bears on, ``down`` to its
    first premise, ``left`` / ``right`` to its previous / next sibling (main claims are
    siblings of each other). Returns *node* itself when there is nowhere to go.

    Example
    -------
    >>> from argmap.model import ArgumentMap
    >>> m = ArgumentMap(); c = m.add_node("claim", "C")
    >>> a = m.add_node("claim", "A"); b = m.add_node("claim", "B")
    >>> m.connect(a, c, "supports"); m.connect(b, c, "supports")
    >>> step(m, a, "up"), step(m, c, "down"), step(m, a, "right"), step(m, a, "left")
    ('n1', 'n2', 'n3', 'n2')
    """
    graph = amap.graph
    index = amap.node_index()
    targets = sorted(graph.successors(node), key=index.__getitem__)
    if direction == "up":
        return targets[0] if targets else node
    if direction == "down":
        below = children(amap, node)
        return below[0] if below else node
    siblings = children(amap, targets[0]) if targets else main_claims(amap)
    if node not in siblings:
        return node
    at = siblings.index(node) + (1 if direction == "right" else -1)
    return siblings[at] if 0 <= at < len(siblings) else node
