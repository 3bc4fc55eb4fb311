"""Grounded acceptance labels over the ``opposes`` relation.

The map's ``opposes`` edges are read as attacks of an abstract argumentation
framework (every node is an argument; ``supports`` edges play no part here).
The grounded labelling is the most sceptical one: a node is ``in`` when all
its attackers are ``out``, ``out`` when some attacker is ``in``, and
``undec`` otherwise.
"""

from collections import deque


def grounded_labels(amap):
    """Return ``{node: 'in' | 'out' | 'undec'}``, the grounded labelling of *amap*.

    Runs in time linear in the number of nodes and edges: a node becomes
    ``in`` once its count of attackers not yet ``out`` falls to zero.

    Example
    -------
    >>> from argmap.model import ArgumentMap
    >>> m = ArgumentMap(); c = m.add_node("claim", "C")
    >>> o = m.add_node("counterclaim", "O"); r = m.add_node("claim", "R")
    >>> m.connect(o, c, "opposes"); m.connect(r, o, "opposes")
    >>> grounded_labels(m) == {c: "in", o: "out", r: "in"}
    True
    """
    graph = amap.graph
    attackers = {n: [] for n in graph.nodes}
    targets = {n: [] for n in graph.nodes}
    for source, target, attrs in graph.edges(data=True):
        if attrs["relation"] == "opposes":
            attackers[target].append(source)
            targets[source].append(target)
    alive = {n: len(attackers[n]) for n in graph.nodes}
    labels = dict.fromkeys(graph.nodes, "undec")
    queue = deque(n for n in graph.nodes if alive[n] == 0)
    while queue:
        node = queue.popleft()
        labels[node] = "in"
        for target in targets[node]:
            if labels[target] != "undec":
                continue
            labels[target] = "out"
            for victim in targets[target]:
                alive[victim] -= 1
                if alive[victim] == 0 and labels[victim] == "undec":
                    queue.append(victim)
    return labels
