"""Parts of a map: a branch taken out as a map of its own, and put into another map.

Cut, copy and paste in the editor use these; so can scripts.
"""

from __future__ import annotations

from collections.abc import Iterable

from argmap.errors import ModelError
from argmap.model import queries
from argmap.model.argument_map import ArgumentMap
from argmap.model.commands import AddDocument, AddNode, Batch, Command, Connect
from argmap.model.schema import default_relation

#: Spacing of a pasted fragment that has no arrangement of its own.
COLUMN, ROW = 270.0, 150.0


def fragment(amap: ArgumentMap, node_ids: Iterable[str]) -> ArgumentMap:
    """Return a new map holding *node_ids*, everything that bears on them, and their documents.

    Example
    -------
    >>> m = ArgumentMap("T"); c = m.add_node("claim", "C"); e = m.add_node("evidence", "E")
    >>> m.connect(e, c, "supports"); other = m.add_node("claim", "Other")
    >>> sorted(fragment(m, [c]).graph.nodes) == sorted([c, e])
    True
    """
    keep: set[str] = set()
    for node_id in node_ids:
        keep |= queries.subtree(amap, node_id)
    used = {s["doc"] for n in keep for s in amap.node(n).get("sources", [])}
    nodes = [dict(a, id=n) for n, a in amap.graph.nodes(data=True) if n in keep]
    edges = [
        dict(a, source=u, target=v)
        for u, v, a in amap.graph.edges(data=True)
        if u in keep and v in keep
    ]
    documents = [d for doc_id, d in amap.documents.items() if doc_id in used]
    return ArgumentMap.from_records(nodes, edges, documents, {"title": amap.title})


def paste_fragment(
    amap: ArgumentMap,
    part: ArgumentMap,
    target: str | None = None,
    origin: tuple[float, float] = (0.0, 0.0),
) -> Batch:
    """One command that adds the map *part* to *amap*, its main claims bearing on *target*.

    Every pasted node gets a new id; documents *amap* already has (same id
    and text) are shared, others are added under a fresh id. *origin* is
    where the fragment's top-left goes.

    Raises
    ------
    ModelError
        When *part* holds no nodes.
    """
    if not len(part):
        raise ModelError("the clipboard holds no nodes")
    doc_ids, added = _paste_documents(amap, part)
    steps: list[Command] = list(added)
    positions = _positions(part, origin)
    ids: dict[str, str] = {}
    for node_id, attrs in part.graph.nodes(data=True):
        attrs = dict(attrs, pos=positions[node_id])
        if "sources" in attrs:
            attrs["sources"] = [dict(s, doc=doc_ids[s["doc"]]) for s in attrs["sources"]]
        ids[node_id] = amap.new_id("p")  # never one it gave before
        steps.append(AddNode(attrs.pop("kind"), attrs.pop("text"), attrs, node_id=ids[node_id]))
    steps += [Connect(ids[u], ids[v], a["relation"], a) for u, v, a in part.graph.edges(data=True)]
    if target is not None:
        steps += [
            Connect(ids[root], target, default_relation(part.node(root)["kind"]))
            for root in queries.main_claims(part)
        ]
    return Batch(
        f"Paste {len(ids)} node(s)",
        steps,
        created=list(ids.values()),
        documents=[step.doc["id"] for step in added],
    )


def _paste_documents(
    amap: ArgumentMap, part: ArgumentMap
) -> tuple[dict[str, str], list[AddDocument]]:
    """The ids *part*'s documents get in *amap*, and the commands that add those it lacks."""
    doc_ids: dict[str, str] = {}
    steps: list[AddDocument] = []
    for doc_id, doc in part.documents.items():
        mine = amap.documents.get(doc_id)
        if mine is not None and mine["text"] == doc["text"]:
            doc_ids[doc_id] = doc_id
            continue
        new_id = doc_id
        while new_id in amap.documents:
            new_id += "+"
        doc_ids[doc_id] = new_id
        steps.append(AddDocument(dict(doc, id=new_id)))
    return doc_ids, steps


def _positions(part: ArgumentMap, origin: tuple[float, float]) -> dict[str, tuple[float, float]]:
    """Keep the fragment's own arrangement if it has one, else stack it by depth."""
    graph = part.graph
    placed = [a["pos"] for _, a in graph.nodes(data=True) if "pos" in a]
    if placed and len(placed) == len(graph):
        left = min(p[0] for p in placed)
        top = min(p[1] for p in placed)
        return {
            n: (origin[0] + a["pos"][0] - left, origin[1] + a["pos"][1] - top)
            for n, a in graph.nodes(data=True)
        }
    depth = queries.depth(part)
    rows: dict[int, int] = {}
    positions = {}
    for node_id in graph.nodes:
        d = depth.get(node_id, 0)
        positions[node_id] = (origin[0] + COLUMN * rows.get(d, 0), origin[1] + ROW * d)
        rows[d] = rows.get(d, 0) + 1
    return positions
