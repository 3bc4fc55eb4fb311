"""Kialo's text export (``.txt``): import, and export in the same shape.

The file starts with ``Discussion Title: ...``; then every claim is a
numbered line, ``1.`` for the thesis and ``1.2.`` for the second claim under
it, each child marked ``Pro:`` or ``Con:``. Long claims continue on the
following lines. A child whose text is ``-> See 1.4.`` repeats claim 1.4
there: it becomes a link from that claim instead of a copy.

Pro claims become claims that support their parent, Con claims
counterclaims that oppose it.
"""

import os
import re

from argmap.errors import FormatError
from argmap.fileio import atomic_write
from argmap.formats.native import map_from_records
from argmap.model import queries
from argmap.reading import read_text

SUFFIXES = (".txt",)
#: Largest Kialo file read (bytes).
MAX_BYTES = 32 * 1024 * 1024
_TITLE = re.compile(r"Discussion Title:[ \t]*(.*)")
_ITEM = re.compile(r"((?:\d{1,6}\.){1,200})[ \t]*(?:(Pro|Con):[ \t]*)?(.*)")
_SEE = re.compile(r"->[ \t]*See[ \t]+((?:\d{1,6}\.?){1,200})[ \t]*$")


def load(path):
    """Read a Kialo text export; return ``(ArgumentMap, warnings)``.

    Raises
    ------
    FormatError
        Naming the file and the line that is wrong.
    """
    path = os.fspath(path)
    return loads(read_text(path, MAX_BYTES), path)


def loads(text, file=None):
    """Read Kialo text; return ``(ArgumentMap, warnings)``."""
    warnings = []
    title, items = _items(text.replace("\r\n", "\n").split("\n"), file, warnings)
    nodes, edges, lines = _records(items, warnings)
    return map_from_records(nodes, edges, (), {"title": title}, file, lines), warnings


def _items(lines, file, warnings):
    """Return the title and the items ``[number, stance, text lines, line number]``."""
    title, items = "", []
    for number, line in enumerate(lines, 1):
        stripped = line.strip()
        match = _TITLE.fullmatch(stripped)
        if match and not items:
            title = match.group(1).strip()
            continue
        match = _ITEM.fullmatch(stripped)
        if match:
            items.append([match.group(1), match.group(2), [match.group(3)], number])
        elif stripped and items:
            items[-1][2].append(stripped)
        elif stripped:
            raise FormatError(
                "expected 'Discussion Title:' or a numbered line such as '1.' or '1.1. Pro:'",
                file,
                f"line {number} column 1",
            )
    if not items:
        warnings.append("no numbered claims found")
    return title, items


def _records(items, warnings):
    nodes, edges, lines, ids, sees = [], {}, [], {}, []
    for number, stance, text, line in items:
        text = " ".join(" ".join(text).split())
        parent = number[: number[:-1].rfind(".") + 1] if number.count(".") > 1 else None
        see = _SEE.fullmatch(text)
        if see:
            sees.append((see.group(1).rstrip(".") + ".", parent, stance, line))
            continue
        node_id = f"k{len(nodes) + 1}"
        kind = "counterclaim" if stance == "Con" else "claim"
        nodes.append({"id": node_id, "kind": kind, "text": text, "kialo": {"number": number}})
        lines.append(line)
        if number in ids:
            warnings.append(f"line {line}: number {number} appears twice; the second is kept apart")
        ids.setdefault(number, node_id)
        _attach(ids, parent, node_id, stance, line, edges, warnings)
    for number, parent, stance, line in sees:
        if number not in ids:
            warnings.append(f"line {line}: '-> See {number}' names no claim; ignored")
            continue
        _attach(ids, parent, ids[number], stance, line, edges, warnings)
    return nodes, list(edges.values()), lines


def _attach(ids, parent, node_id, stance, line, edges, warnings):
    if parent is None:
        return
    target = ids.get(parent)
    if target is None or target == node_id or (node_id, target) in edges:
        warnings.append(f"line {line}: cannot attach under {parent}; left unattached")
        return
    relation = "opposes" if stance == "Con" else "supports"
    edges[(node_id, target)] = {"source": node_id, "target": target, "relation": relation}


# ------------------------------------------------------------------ writing
def dumps(amap):
    """Return *amap* as Kialo text: each main claim a thesis, reasons nested under it."""
    graph = amap.graph
    index = amap.node_index()
    lines = [f"Discussion Title: {' '.join(amap.title.split())}", ""]
    numbers = {}
    roots = list(queries.main_claims(amap)) or list(graph.nodes)[:1]
    roots += [n for n in graph.nodes if not graph.out_degree(n) and n not in roots]
    stack = [(f"{i}.", None, root, None) for i, root in enumerate(roots, 1)][::-1]
    while stack:
        number, stance, node, _ = stack.pop()
        label = f"{number} {stance}: " if stance else f"{number} "
        if node in numbers:
            lines.append(f"{label}-> See {numbers[node]}")
            continue
        numbers[node] = number
        lines.append(label + " ".join(graph.nodes[node]["text"].split()))
        children = sorted(graph.predecessors(node), key=index.__getitem__)
        for i, child in reversed(list(enumerate(children, 1))):
            relation = graph.edges[child, node]["relation"]
            stack.append((f"{number}{i}.", "Pro" if relation == "supports" else "Con", child, node))
    return "\n".join(lines) + "\n"


def save(amap, path):
    """Write *amap* as Kialo text, atomically; return what Kialo cannot hold."""
    atomic_write(path, dumps(amap).encode("utf-8"))
    return cannot_hold(amap)


def cannot_hold(amap):
    """Return what Kialo's text cannot hold of *amap*."""
    lost = [
        name
        for name, present in (
            (
                "evidence kinds",
                any(a["kind"] == "evidence" for _, a in amap.graph.nodes(data=True)),
            ),
            (
                "speakers, sources and notes",
                any(
                    k in a
                    for _, a in amap.graph.nodes(data=True)
                    for k in ("speaker", "sources", "note", "citation")
                ),
            ),
            ("co-premise groups", any(a.get("group") for _, _, a in amap.graph.edges(data=True))),
        )
        if present
    ]
    return [f"Kialo's text cannot hold {name}" for name in lost]
