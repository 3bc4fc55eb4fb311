"""Cut, copy and paste of subtrees, between windows and other programs.

The clipboard carries a fragment both as argmap JSON (a small ``.argmap``
file under its own MIME type) and as an indented plain-text outline.
"""

from PySide6.QtCore import QMimeData

from argmap.errors import ArgmapError
from argmap.formats import native
from argmap.model import AddDocument, AddNode, ArgumentMap, Batch, Connect, queries

MIME = "application/x-argmap+json"


def fragment(amap, node_ids):
    """Return a new map holding *node_ids* and everything that bears on them."""
    keep = set()
    for node_id in node_ids:
        keep |= queries.subtree(amap, node_id)
    part = ArgumentMap(amap.title)
    used_docs = {s["doc"] for n in keep for s in amap.node(n).get("sources", [])}
    for doc_id in used_docs:
        part._insert_document(amap.documents[doc_id])
    for node_id in amap.graph.nodes:
        if node_id in keep:
            part._insert_node(node_id, dict(amap.node(node_id)))
    for source, target, attrs in amap.graph.edges(data=True):
        if source in keep and target in keep:
            part._insert_edge(source, target, dict(attrs))
    return part


def outline_text(part):
    """An indented outline of a fragment, one node a line ('+' supports, '-' opposes)."""
    lines = []

    def walk(node_id, depth, relation, seen):
        mark = {"supports": "+ ", "opposes": "- "}.get(relation, "")
        lines.append("  " * depth + mark + part.node(node_id)["text"].replace("\n", " "))
        for child in queries.children(part, node_id):
            if child not in seen:
                walk(child, depth + 1, part.edge(child, node_id)["relation"], seen | {child})

    for root in queries.main_claims(part):
        walk(root, 0, None, {root})
    return "\n".join(lines) + "\n"


def mime_for(amap, node_ids):
    """Clipboard data for the subtrees under *node_ids*."""
    part = fragment(amap, node_ids)
    data = QMimeData()
    data.setData(MIME, native.dumps(part).encode("utf-8"))
    data.setText(outline_text(part))
    return data


def release_clipboard():
    """Take argmap's data off the clipboard before the application ends.

    Qt would otherwise free the data while Python still holds it, and crash
    on the way out.
    """
    from PySide6.QtGui import QGuiApplication

    board = QGuiApplication.clipboard()
    data = board.mimeData()
    if data is not None and data.hasFormat(MIME):
        board.clear()


def _parse_text(text):
    """An outline (indented lines, optional +/- marks) as a fragment map."""
    part = ArgumentMap()
    stack = []  # (indent, node id)
    for raw in text.splitlines():
        if not raw.strip():
            continue
        indent = len(raw) - len(raw.lstrip())
        body = raw.strip()
        relation = "supports"
        if body[:2] in ("+ ", "- ", "− "):
            relation = "opposes" if body[0] != "+" else "supports"
            body = body[2:].strip()
        while stack and stack[-1][0] >= indent:
            stack.pop()
        kind = "counterclaim" if relation == "opposes" else "claim"
        node = part.add_node(kind, body.replace("\x00", ""))
        if stack:
            part.connect(node, stack[-1][1], relation)
        stack.append((indent, node))
    return part


def fragment_from_mime(mime):
    """The fragment on the clipboard, or None if it holds neither a fragment nor text."""
    if mime is None:
        return None
    if mime.hasFormat(MIME):
        return native.loads(bytes(mime.data(MIME)).decode("utf-8"), "clipboard")
    if mime.hasText() and mime.text().strip():
        return _parse_text(mime.text())
    return None


def paste_command(amap, part, target, origin):
    """One command that adds fragment *part* to *amap*, its roots bearing on *target*.

    New ids are given to every pasted node; documents the map already has
    (same id and text) are shared, others are added under a fresh id. *origin*
    is where the fragment's top-left goes (scene coordinates).
    """
    steps, doc_ids = [], {}
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
    ids = {}
    positions = _layout_positions(part, origin)
    for node_id in part.graph.nodes:
        attrs = dict(part.node(node_id))
        attrs.pop("kind"), attrs.pop("text")
        if "sources" in attrs:
            attrs["sources"] = [dict(s, doc=doc_ids[s["doc"]]) for s in attrs["sources"]]
        attrs["pos"] = positions[node_id]
        ids[node_id] = _next_id(amap, ids)
        steps.append(AddNode(part.node(node_id)["kind"], part.node(node_id)["text"], attrs,
                             node_id=ids[node_id]))
    for source, dest, attrs in part.graph.edges(data=True):
        steps.append(Connect(ids[source], ids[dest], attrs["relation"], attrs))
    if target is not None:
        for root in queries.main_claims(part):
            relation = "opposes" if part.node(root)["kind"] == "counterclaim" else "supports"
            steps.append(Connect(ids[root], target, relation))
    if not part.graph.nodes:
        raise ArgmapError("the clipboard holds no nodes")
    return Batch(f"Paste {len(ids)} node(s)", steps), list(ids.values())


def _next_id(amap, taken):
    used = set(taken.values())
    node_id = amap.new_id("p")
    while node_id in used:
        node_id = amap.new_id("p")
    return node_id


def _layout_positions(part, origin):
    """Keep the fragment's own arrangement if it has one, else stack it simply."""
    graph = part.graph
    placed = [a["pos"] for _, a in graph.nodes(data=True) if "pos" in a]
    if len(placed) == len(graph) and placed:
        left = min(p[0] for p in placed)
        top = min(p[1] for p in placed)
        return {n: (origin[0] + a["pos"][0] - left, origin[1] + a["pos"][1] - top)
                for n, a in graph.nodes(data=True)}
    depth = queries.depth(part)
    rows = {}
    positions = {}
    for node_id in graph.nodes:
        d = depth.get(node_id, 0)
        positions[node_id] = (origin[0] + 270 * rows.get(d, 0), origin[1] + 150 * d)
        rows[d] = rows.get(d, 0) + 1
    return positions

