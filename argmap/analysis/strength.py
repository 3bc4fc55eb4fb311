"""How strong each side of a main claim is, from labels, ratings and edge strengths.

A *line of argument* is one premise that bears directly on the main claim, or
one group of co-premises (edges sharing a ``group``). Its score is::

    score(line) = min over its premises p of  a(p) * w(p) * s(p -> main)

    a(p) = 1 if p is in, 0.5 if undecided, 0 if out       (acceptance, grounded)
    w(p) = rating / 10, clipped to [0, 1]; 1 when unrated  (the user's rating)
    s(e) = the edge's strength, clipped to [0, 1]; 1 when unset

The pro figure is the sum of the scores of the lines that support the main
claim, the con figure the sum over the lines that oppose it, and the balance
is ``pro / (pro + con)`` (None when both are 0). Objections deeper in the map
count through the labels: a line whose premise has been defeated scores 0.

Example
-------
>>> from argmap.model import ArgumentMap
>>> m = ArgumentMap(); c = m.add_node("claim", "C")
>>> p = m.add_node("claim", "P", rating=8); o = m.add_node("counterclaim", "O")
>>> m.connect(p, c, "supports"); m.connect(o, c, "opposes", strength=0.5)
>>> s = side_strengths(m)[0]
>>> s.pro, s.con, round(s.balance, 2)
(0.8, 0.5, 0.62)
"""

from dataclasses import dataclass, field

from argmap.analysis.acceptance import IN, RATING_SCALE, UNDECIDED, grounded_labels
from argmap.model import queries

ACCEPTANCE_FACTOR = {IN: 1.0, UNDECIDED: 0.5}


@dataclass
class LineStrength:
    """One line of argument on a main claim: its premises, relation, score and side."""

    nodes: tuple
    relation: str
    score: float

    @property
    def side(self):
        return "pro" if self.relation == "supports" else "con"


@dataclass
class SideStrength:
    """The pro and con figures of one main claim and the lines they add up from."""

    main: str
    pro: float
    con: float
    lines: list = field(default_factory=list)

    @property
    def balance(self):
        total = self.pro + self.con
        return None if total == 0 else self.pro / total


def weight(attrs):
    """Return w(p): the node's rating over 10, clipped to [0, 1]; 1 when unrated."""
    rating = attrs.get("rating")
    return 1.0 if rating is None else min(max(rating / RATING_SCALE, 0.0), 1.0)


def edge_strength(attrs):
    """Return s(e): the edge's strength clipped to [0, 1]; 1 when unset."""
    value = attrs.get("strength")
    return 1.0 if value is None else min(max(value, 0.0), 1.0)


def lines_of(amap, main, labels):
    """Return the :class:`LineStrength` of every line on *main*, strongest first."""
    graph = amap.graph
    groups = {}
    for premise in graph.predecessors(main):
        edge = graph.edges[premise, main]
        key = (edge["relation"], edge.get("group") or ("", premise))
        groups.setdefault(key, []).append(premise)
    index = amap.node_index()
    lines = []
    for (relation, _), premises in groups.items():
        premises.sort(key=index.__getitem__)
        score = min(
            ACCEPTANCE_FACTOR.get(labels[p], 0.0)
            * weight(graph.nodes[p])
            * edge_strength(graph.edges[p, main])
            for p in premises
        )
        lines.append(LineStrength(tuple(premises), relation, score))
    lines.sort(key=lambda line: (-line.score, index[line.nodes[0]]))
    return lines


def side_strengths(amap, labels=None):
    """Return a :class:`SideStrength` for each main claim of *amap*.

    *labels* are the acceptance labels to use (grounded when None).
    """
    labels = labels if labels is not None else grounded_labels(amap)
    result = []
    for main in queries.main_claims(amap):
        lines = lines_of(amap, main, labels)
        pro = sum(line.score for line in lines if line.side == "pro")
        con = sum(line.score for line in lines if line.side == "con")
        result.append(SideStrength(main, round(pro, 6), round(con, 6), lines))
    return result
