"""Weak spots of a map: the places a debater should shore up before the other side finds them.

:func:`weak_spots` returns plain :class:`WeakSpot` records (node, category,
problem, fix) in a stable order, fast enough to recompute after every edit on a
map of a few hundred nodes.

Example
-------
>>> from argmap.model import ArgumentMap
>>> m = ArgumentMap(); c = m.add_node("claim", "C")
>>> o = m.add_node("counterclaim", "O"); m.connect(o, c, "opposes")
>>> [(s.node, s.category) for s in weak_spots(m)]
[('n1', 'no-support'), ('n2', 'no-support'), ('n2', 'unanswered')]
"""

import functools
from dataclasses import dataclass

from argmap.analysis.acceptance import name
from argmap.model import queries

#: Every category, in the order the list shows them, with a heading for each.
CATEGORIES = {
    "no-support": "Claims with no support",
    "unanswered": "Objections with no answer",
    "no-source": "Evidence with no source",
    "broken-span": "Quotes that no longer match their document",
    "single-source": "Claims resting on a single source",
    "single-speaker": "Claims resting on a single speaker",
    "inferred-node": "Inferred points",
    "inferred-link": "Inferred links",
    "circular-support": "Circular support",
    "orphan": "Orphans",
    "idle-counterclaim": "Counterclaims that oppose nothing",
}


@dataclass(frozen=True)
class WeakSpot:
    """One weak spot: the node it is about, its category, what is wrong and how to fix it.

    ``related`` holds the other nodes involved (the cycle, the link's target).
    """

    node: str
    category: str
    problem: str
    fix: str
    related: tuple = ()

    @property
    def heading(self):
        return CATEGORIES[self.category]


def weak_spots(amap, categories=None):
    """Return every :class:`WeakSpot` of *amap*, grouped by category in :data:`CATEGORIES` order.

    Parameters
    ----------
    amap : ArgumentMap
    categories : iterable of str, optional
        Only these categories (keys of :data:`CATEGORIES`).
    """
    index = amap.node_index()
    # worked out at most once, for both single-source and single-speaker
    support_base = functools.cache(lambda: _support_base(amap))
    found = []
    for category in categories or CATEGORIES:
        finder = _FINDERS[category]
        spots = finder(amap, support_base) if category in _FROM_SUPPORT_BASE else finder(amap)
        found.extend(sorted(spots, key=lambda s: index[s.node]))
    return found


def _is_claim(attrs):
    return attrs["kind"] in ("claim", "counterclaim")


def _premises(graph, node, relation):
    return [p for p in graph.predecessors(node) if graph.edges[p, node]["relation"] == relation]


def _no_support(amap):
    graph = amap.graph
    for node, attrs in graph.nodes(data=True):
        if _is_claim(attrs) and not _premises(graph, node, "supports"):
            quoted = " (it quotes its source, but gives no reason)" if attrs.get("sources") else ""
            yield WeakSpot(
                node,
                "no-support",
                f"{name(amap, node)} has no support{quoted}",
                "add evidence or a reason that supports it, or be ready to argue it yourself",
            )


def is_unanswered(graph, node):
    """Whether *node* opposes something and nothing opposes it: an objection with no answer.

    ``argmap check`` lists these, and the editor marks them.
    """
    return bool(_opposed(graph, node)) and not _premises(graph, node, "opposes")


def _opposed(graph, node):
    """The nodes *node* opposes."""
    return [t for t in graph.successors(node) if graph.edges[node, t]["relation"] == "opposes"]


def _unanswered(amap):
    graph = amap.graph
    sides = queries.stance(amap)
    for node in graph.nodes:
        targets = _opposed(graph, node)
        if targets and not _premises(graph, node, "opposes"):  # unanswered
            side = f"the {sides[node]} side's " if node in sides else ""
            yield WeakSpot(
                node,
                "unanswered",
                f"{side}{name(amap, node)} opposes {', '.join(targets)} and nothing answers it",
                "add a rebuttal that opposes it, or concede the point",
                tuple(targets),
            )


def _no_source(amap):
    for node, attrs in amap.graph.nodes(data=True):
        if attrs["kind"] == "evidence" and not (
            attrs.get("sources") or attrs.get("citation") or attrs.get("url")
        ):
            yield WeakSpot(
                node,
                "no-source",
                f"{name(amap, node)} names no source",
                "anchor it to the words of a source document, or add a citation",
            )


def _broken_spans(amap):
    for node, attrs in amap.graph.nodes(data=True):
        for span in attrs.get("sources") or ():
            problem = span_problem(amap, span)
            if problem:
                yield WeakSpot(
                    node,
                    "broken-span",
                    f"{name(amap, node)}: {problem}",
                    "select the quoted words again in the Sources dock",
                )


def span_problem(amap, span):
    """Return why *span* no longer matches its document, or None when it does."""
    doc = amap.documents.get(span["doc"])
    if doc is None:
        return f"its quote refers to the missing document {span['doc']!r}"
    if doc.get("text", "")[span["start"] : span["end"]] != span["quote"]:
        return (
            f"its quote no longer matches document {span['doc']!r} at {span['start']}-{span['end']}"
        )
    return None


def _support_base(amap):
    """Return ``{node: (documents, speakers)}`` of each claim and everything supporting it."""
    graph = amap.graph
    base = {}
    for node, attrs in graph.nodes(data=True):
        if not _is_claim(attrs) or not _premises(graph, node, "supports"):
            continue
        docs, speakers = set(), set()
        for member in _supporters(graph, node) | {node}:
            member_attrs = graph.nodes[member]
            docs.update(span["doc"] for span in member_attrs.get("sources") or ())
            if member_attrs.get("speaker"):
                speakers.add(member_attrs["speaker"])
        base[node] = (docs, speakers)
    return base


def _supporters(graph, node):
    """Return every node that supports *node* through a chain of ``supports`` edges."""
    seen, stack = set(), [node]
    while stack:
        for premise in _premises(graph, stack.pop(), "supports"):
            if premise not in seen and premise != node:
                seen.add(premise)
                stack.append(premise)
    return seen


def _single_source(amap, support_base):
    for node, (docs, _) in support_base().items():
        if len(docs) == 1:
            doc = next(iter(docs))
            title = amap.documents.get(doc, {}).get("title") or doc
            yield WeakSpot(
                node,
                "single-source",
                f"{name(amap, node)} and all its support come from one document, {title!r}",
                "find a second, independent source for it",
            )


def _single_speaker(amap, support_base):
    for node, (_, speakers) in support_base().items():
        if len(speakers) == 1:
            yield WeakSpot(
                node,
                "single-speaker",
                f"{name(amap, node)} and all its support are said by {next(iter(speakers))}",
                "find support from someone else, ideally someone without a stake in the outcome",
            )


def _inferred_nodes(amap):
    for node, attrs in amap.graph.nodes(data=True):
        if attrs.get("inferred"):
            yield WeakSpot(
                node,
                "inferred-node",
                f"{name(amap, node)} is the mapper's inference, not the words of a source",
                "find a source that says it, or be ready to argue it yourself",
            )


def _inferred_links(amap):
    graph = amap.graph
    for source, target, attrs in graph.edges(data=True):
        if attrs.get("inferred"):
            yield WeakSpot(
                source,
                "inferred-link",
                f"that {source} {attrs['relation']} {target} is the mapper's inference",
                "check the link against the sources, or be ready to explain it",
                (target,),
            )


def _circular_support(amap, limit=50):
    graph = amap.graph
    supports = graph.edge_subgraph(
        (u, v) for u, v, r in graph.edges(data="relation") if r == "supports"
    )
    for cycle in queries.cycles_in(supports, amap.node_index(), limit):
        first = cycle[0]
        yield WeakSpot(
            first,
            "circular-support",
            "support runs in a circle: " + " -> ".join(cycle + [first]),
            "remove one of the links, so that the circle rests on evidence",
            tuple(cycle[1:]),
        )


def _orphans(amap):
    for node in queries.orphans(amap):
        if amap.graph.nodes[node]["kind"] != "counterclaim":
            yield WeakSpot(
                node,
                "orphan",
                f"{name(amap, node)} bears on nothing",
                "connect it to the point it is about (drag it onto that card), or delete it",
            )


def _idle_counterclaims(amap):
    graph = amap.graph
    for node, attrs in graph.nodes(data=True):
        if attrs["kind"] == "counterclaim" and not any(
            graph.edges[node, t]["relation"] == "opposes" for t in graph.successors(node)
        ):
            yield WeakSpot(
                node,
                "idle-counterclaim",
                f"counterclaim {name(amap, node)} opposes nothing",
                "make it oppose the point it disputes, or turn it into a claim",
            )


_FINDERS = {
    "no-support": _no_support,
    "unanswered": _unanswered,
    "no-source": _no_source,
    "broken-span": _broken_spans,
    "single-source": _single_source,
    "single-speaker": _single_speaker,
    "inferred-node": _inferred_nodes,
    "inferred-link": _inferred_links,
    "circular-support": _circular_support,
    "orphan": _orphans,
    "idle-counterclaim": _idle_counterclaims,
}
#: Finders given the claims' support base (see :func:`_support_base`) as well as the map.
_FROM_SUPPORT_BASE = {"single-source", "single-speaker"}
