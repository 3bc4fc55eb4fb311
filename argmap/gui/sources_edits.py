"""Edits made from the Sources dock: nodes from selected text, spans, accepting drafts.

Each function makes one undoable step through the window's document.
"""

from PySide6.QtCore import QPointF

from argmap.model import REMOVE, AddNode, Batch, Connect, SetEdgeAttrs, SetNodeAttrs

#: How a node made from a selection bears on the selected canvas node, by kind.
RELATION_OF_KIND = {"claim": "supports", "counterclaim": "opposes", "evidence": "supports"}


def node_text(quote):
    """Return the text of a node made from *quote*: its words, white space collapsed.

    Example
    -------
    >>> node_text("Police  chiefs\\n said so.")
    'Police chiefs said so.'
    """
    return " ".join(quote.split())


def _placement(window):
    """Return ``(parent id or None, position)`` for a node added from the Sources dock."""
    nodes = window.scene.selected_nodes()
    if len(nodes) == 1:
        return nodes[0], window.scene.free_spot_below(nodes[0])
    view = window.view
    centre = view.mapToScene(view.viewport().rect().center())
    return None, window.scene.free_spot(QPointF(centre))


def _tell(window, message):
    window.statusBar().showMessage(message, 5000)


def node_from_selection(window, dock, kind):
    """Add a node of *kind* quoting the text selected in *dock*; return its id.

    The node's text is the selected words and its only source the selected
    span. When exactly one node is selected on the canvas the new node is
    placed under it and bears on it (a counterclaim opposes, the others
    support); otherwise it stands alone in free space. Returns None when
    nothing is selected or the edit is refused.
    """
    span = dock.selection_span()
    if span is None:
        _tell(window, "Select some text in the Sources dock first")
        return None
    amap = window.document.amap
    node_id = amap.new_id()
    parent, pos = _placement(window)
    attrs = {"sources": [span], "pos": pos}
    title = amap.documents[span["doc"]].get("title")
    if kind == "evidence" and title:
        attrs["citation"] = title
    steps = [AddNode(kind, node_text(span["quote"]), attrs, node_id=node_id)]
    if parent is not None:
        steps.append(Connect(node_id, parent, RELATION_OF_KIND[kind]))
    if window.push(Batch(f"New {kind} from selection", steps)) is None:
        return None
    return window._after_add(node_id, edit=False)


def add_selection_as_source(window, dock):
    """Add the span selected in *dock* to the sources of the one selected node.

    Returns
    -------
    bool
        Whether a source was added (not when the node already quotes that span).
    """
    nodes = window.scene.selected_nodes()
    span = dock.selection_span()
    if len(nodes) != 1 or span is None:
        _tell(window, "Select one node and some text in the Sources dock first")
        return False
    sources = list(window.document.amap.node(nodes[0]).get("sources", []))
    if any((s["doc"], s["start"], s["end"]) == (span["doc"], span["start"], span["end"])
           for s in sources):
        _tell(window, "The node already quotes that text")
        return False
    command = SetNodeAttrs(nodes[0], {"sources": sources + [span]}, "Add source")
    return window.push(command) is not None


def selected_drafts(window):
    """Return the selected nodes that are still drafts."""
    amap = window.document.amap
    return [n for n in window.scene.selected_nodes() if amap.node(n).get("draft")]


def accept_drafts(window):
    """Accept the selected draft nodes, and the draft links among accepted nodes.

    Returns
    -------
    list of str
        The nodes accepted, in selection order.
    """
    amap = window.document.amap
    accepted = selected_drafts(window)
    if not accepted:
        _tell(window, "No draft node is selected")
        return []
    still_draft = {n for n, a in amap.graph.nodes(data=True) if a.get("draft")} - set(accepted)
    steps = [SetNodeAttrs(n, {"draft": REMOVE}, "Accept draft") for n in accepted]
    edges = set(amap.graph.in_edges(accepted)) | set(amap.graph.out_edges(accepted))
    steps += [SetEdgeAttrs(u, v, {"draft": REMOVE}) for u, v in sorted(edges)
              if amap.edge(u, v).get("draft") and not {u, v} & still_draft]
    label = "Accept draft" if len(accepted) == 1 else f"Accept {len(accepted)} drafts"
    return accepted if window.push(Batch(label, steps)) is not None else []
