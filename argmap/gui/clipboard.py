"""Cut, copy and paste of subtrees, between windows and other programs.

The clipboard carries a fragment both as argmap JSON (a small ``.argmap``
file under its own MIME type) and as an indented plain-text outline.
"""

from PySide6.QtCore import QMimeData

from argmap.formats import native
from argmap.model import ArgumentMap, queries

MIME = "application/x-argmap+json"


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


def mime_for(part):
    """Clipboard data for the map *part* (see :func:`argmap.model.fragments.fragment`)."""
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
        kind = "counterclaim" if relation == "opposes" else "claim"  # what "-" lines hold
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
