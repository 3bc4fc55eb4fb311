"""Every user-level edit of a map, as a function that returns one undoable command.

The editor, the command line and scripts make their changes through these
functions: each looks at the map, decides what the edit means (which kind,
which relation, which nodes go), and returns a :class:`~argmap.model.Command`
without carrying it out, or None when there is nothing to change. The
caller applies it (``amap.apply(command)``) or pushes it on an undo stack.
A command that adds nodes lists their ids in ``command.created``.

Positions are the caller's choice (the editor knows the size of its cards);
when none is given a node is placed near what it bears on.

Example
-------
>>> from argmap.model import ArgumentMap
>>> m = ArgumentMap()
>>> claim = m.apply(add_main_claim(m, "Encryption should stay strong")).created[0]
>>> step = m.apply(add_premise(m, claim, "counterclaim", text="Police need access"))
>>> m.edge(step.created[0], claim)["relation"]
'opposes'
"""

import networkx as nx

from argmap.errors import ModelError
from argmap.model import queries
from argmap.model.argument_map import ArgumentMap
from argmap.model.commands import (
    AddDocument,
    AddNode,
    Batch,
    Connect,
    Disconnect,
    MoveNodes,
    RemoveNode,
    ReorderNode,
    Reparent,
    SetEdgeAttrs,
    SetMapAttrs,
    SetNodeAttrs,
)
from argmap.model.schema import KINDS, RELATIONS, REMOVE, default_relation, shortened

#: The "add to the selected node" edits: name -> (kind, relation, menu label).
CHILD_EDITS = {
    "support": ("claim", "supports", "Add &Supporting Claim"),
    "counterclaim": ("counterclaim", "opposes", "Add &Counterclaim"),
    "evidence": ("evidence", "supports", "Add &Evidence"),
    "rebuttal": ("claim", "opposes", "Add &Rebuttal"),
}
#: Distance from a node to a new premise placed below it, when no place is given.
STEP_DOWN = 150.0


def _new_node(amap, kind, text, attrs, pos):
    node_id = amap.new_id()
    attrs = dict(attrs or {})
    if pos is not None:
        attrs["pos"] = tuple(pos)
    return node_id, AddNode(kind, text, attrs, node_id=node_id)


def _below(amap, target):
    """A default place for a new premise of *target*: under it, right of its premises."""
    pos = amap.node(target).get("pos") or (0.0, 0.0)
    count = amap.graph.in_degree(target)
    return (pos[0] + 270.0 * count, pos[1] + STEP_DOWN)


# ------------------------------------------------------------------ adding
def add_main_claim(amap, text="New claim", pos=None, kind="claim", attrs=None):
    """A node that bears on nothing (a main claim, by default).

    Returns
    -------
    Command
        Its ``created`` holds the new node's id.
    """
    node_id, step = _new_node(amap, kind, text, attrs, pos)
    return Batch(f"Add {kind}", [step], created=[node_id])


def add_premise(amap, target, kind="claim", relation=None, text=None, pos=None, attrs=None):
    """A node of *kind* bearing on *target* (with the kind's default relation unless given)."""
    amap.node(target)
    relation = relation or default_relation(kind)
    text = f"New {kind}" if text is None else text
    node_id, step = _new_node(amap, kind, text, attrs, pos or _below(amap, target))
    return Batch(f"Add {kind}", [step, Connect(node_id, target, relation)], created=[node_id])


def add_child(amap, target, name, text=None, pos=None):
    """One of the :data:`CHILD_EDITS` (``support``, ``counterclaim``, ...) under *target*."""
    try:
        kind, relation, _ = CHILD_EDITS[name]
    except KeyError:
        raise ModelError(
            f"no such edit {name!r}; expected one of {', '.join(CHILD_EDITS)}"
        ) from None
    return add_premise(amap, target, kind, relation, text, pos)


def add_sibling(amap, node, text=None, pos=None):
    """A node like *node*, bearing the same way on the same first target.

    A node that bears on nothing gets another main claim as its sibling.
    """
    kind = amap.node(node)["kind"]
    target = first_target(amap, node)
    if target is None:
        return add_main_claim(amap, text or "New claim", pos)
    relation = amap.edge(node, target)["relation"]
    return add_premise(amap, target, kind, relation, text, pos)


def first_target(amap, node):
    """The first node *node* bears on, in map order (None when it bears on nothing)."""
    amap.node(node)
    targets = list(amap.graph.successors(node))
    if not targets:
        return None
    index = amap.node_index()
    return min(targets, key=index.__getitem__)


# ---------------------------------------------------------------- removing
def delete(amap, nodes=(), edges=()):
    """Remove *nodes* (with their links) and the links *edges*; what bore on them stays."""
    nodes = list(dict.fromkeys(nodes))
    for node in nodes:
        amap.node(node)  # an unknown node is refused before anything is decided
    doomed = set(nodes)
    steps = [
        Disconnect(u, v) for u, v in dict.fromkeys(edges) if u not in doomed and v not in doomed
    ]
    steps += [RemoveNode(n) for n in nodes]
    if not steps:
        return None
    return Batch(f"Delete {len(steps)} item(s)" if len(steps) > 1 else "Delete", steps)


def delete_keeping_premises(amap, nodes):
    """Remove *nodes*; what bore on each now bears on the node's own first target.

    A premise keeps its stance: it supports the new target when it and the
    removed node bore the same way (a rebuttal of an objection now
    supports the claim), else it opposes it. One that already bears on that target, or
    whose new link would close a circle, is left to stand alone. The
    premises of a node that bore on nothing become main claims.
    """
    nodes = list(dict.fromkeys(nodes))
    doomed = set(nodes)
    steps, links = [], set()
    for node in nodes:
        target = first_target(amap, node)
        while target in doomed:
            target = first_target(amap, target)
        for premise in queries.children(amap, node):
            if target is None or premise in doomed or (premise, target) in links:
                continue
            if amap.graph.has_edge(premise, target) or _would_circle(amap, premise, target, doomed):
                continue
            links.add((premise, target))
            steps.append(
                Connect(
                    premise,
                    target,
                    _through(amap, premise, node, target),
                    _link_attrs(amap.edge(premise, node)),
                )
            )
    if not nodes:
        return None
    removals = [RemoveNode(n) for n in nodes]
    return Batch("Delete, keeping what bore on it", removals + steps)


def _through(amap, premise, node, target):
    """The relation of *premise* to *target* that keeps its stance when *node* between goes."""
    same = amap.edge(premise, node)["relation"] == amap.edge(node, target)["relation"]
    return "supports" if same else "opposes"


def _link_attrs(attrs):
    return {k: v for k, v in attrs.items() if k not in ("relation", "group")}


def _would_circle(amap, source, target, removed):
    """Whether a link *source* -> *target* would close a circle once *removed* are gone."""
    return nx.has_path(nx.restricted_view(amap.graph, removed, ()), target, source)


def delete_branch(amap, nodes, label="Delete branch"):
    """Remove *nodes* and everything that bears on them, directly or not."""
    doomed = set()
    for node in nodes:
        doomed |= queries.subtree(amap, node)
    if not doomed:
        return None
    return Batch(label, [RemoveNode(n) for n in amap.graph.nodes if n in doomed])


# ---------------------------------------------------------------- linking
def refuse_circle(amap: ArgumentMap, source: str, target: str) -> None:
    """Raise ModelError if a link *source* -> *target* would close a circle of reasons.

    A map read from a file may hold circles (they are reported); an edit
    never makes one, because a claim cannot be a reason for itself.
    """
    amap.node(source), amap.node(target)
    if source == target:
        raise ModelError("a node cannot bear on itself")
    if nx.has_path(amap.graph, target, source):
        raise ModelError(
            f"that link would close a circle: “{_quoted(amap, target)}” "
            f"already bears, directly or not, on “{_quoted(amap, source)}”"
        )


def _quoted(amap, node):
    """The start of *node*'s text, as a refusal quotes it."""
    return shortened(amap.node(node)["text"], 60)


def link(amap, source, target, relation=None):
    """*source* bears on *target* (with its kind's default relation unless given)."""
    relation = relation or default_relation(amap.node(source)["kind"])
    refuse_circle(amap, source, target)
    return Connect(source, target, relation)


def unlink(amap, source, target):
    """Remove the link *source* -> *target*."""
    amap.edge(source, target)
    return Disconnect(source, target)


def reparent(amap, node, new_target, pos=None):
    """Make *node* bear on *new_target* instead of its first target (or connect it).

    Returns None when *node* already bears on *new_target*.
    """
    amap.node(node), amap.node(new_target)
    if amap.graph.has_edge(node, new_target):
        return None
    refuse_circle(amap, node, new_target)
    old = first_target(amap, node)
    if old is None:
        step = link(amap, node, new_target)
    else:
        step = Reparent(node, new_target, old)
    steps = [step] + ([MoveNodes({node: pos})] if pos is not None else [])
    return Batch("Move under another node", steps)


def move_in_outline(amap, node, old_parent, new_parent, index=None, relation=None):
    """Move *node* from under *old_parent* to under *new_parent*, at *index* in the order.

    *relation* defaults to the one the node had to *old_parent*, else its
    kind's default. ``new_parent`` None keeps the node where it is (only
    its order changes).
    """
    amap.node(node)
    steps = []
    if new_parent is not None and new_parent != old_parent:
        refuse_circle(amap, node, new_parent)
        if relation is None and old_parent is not None and amap.graph.has_edge(node, old_parent):
            relation = amap.edge(node, old_parent)["relation"]
        if old_parent is not None:
            steps.append(Disconnect(node, old_parent))
        steps.append(link(amap, node, new_parent, relation))
    if index is not None:
        steps.append(ReorderNode(node, index))
    return Batch("Move in outline", steps) if steps else None


# ---------------------------------------------------------------- changing
def set_text(amap, node, text, merge_key=None):
    """Change *node*'s statement (None when it is unchanged)."""
    if amap.node(node)["text"] == text:
        return None
    return SetNodeAttrs(node, {"text": text}, "Edit text", merge_key)


def set_node_attrs(amap, node, changes, merge_key=None, label=None):
    """Set (or, with the value ``REMOVE``, delete) attributes of *node*."""
    attrs = amap.node(node)
    changes = {
        k: v
        for k, v in changes.items()
        if not (attrs.get(k, REMOVE) is REMOVE and v is REMOVE) and attrs.get(k, REMOVE) != v
    }
    if not changes:
        return None
    label = label or "Edit " + ", ".join(changes)
    return SetNodeAttrs(node, changes, label, merge_key)


def set_edge_attrs(amap, source, target, changes):
    """Set (or delete, with ``REMOVE``) attributes of the link *source* -> *target*."""
    attrs = amap.edge(source, target)
    changes = {k: v for k, v in changes.items() if attrs.get(k, REMOVE) != v}
    if not changes:
        return None
    return SetEdgeAttrs(source, target, changes, "Edit link " + ", ".join(changes))


def set_kind(amap, nodes, kind):
    """Make every node of *nodes* a *kind*."""
    if kind not in KINDS:
        raise ModelError(f"unknown kind {kind!r}; expected one of {', '.join(KINDS)}")
    steps = [
        SetNodeAttrs(n, {"kind": kind}, f"Make {kind}")
        for n in nodes
        if amap.node(n)["kind"] != kind
    ]
    return Batch(f"Make {kind}", steps) if steps else None


def set_relation(amap, edges, relation):
    """Make every link of *edges* a *relation*."""
    if relation not in RELATIONS:
        raise ModelError(f"unknown relation {relation!r}; expected one of {', '.join(RELATIONS)}")
    steps = [
        SetEdgeAttrs(u, v, {"relation": relation})
        for u, v in edges
        if amap.edge(u, v)["relation"] != relation
    ]
    return Batch(f"Make it {relation}", steps) if steps else None


def toggle_collapse(amap, node):
    """Hide what bears on *node*, or show it again."""
    collapsed = not amap.node(node).get("collapsed", False)
    return SetNodeAttrs(node, {"collapsed": collapsed}, "Collapse" if collapsed else "Expand")


def move_nodes(amap, positions, label=None):
    """Place nodes at new positions (one drag, one layout)."""
    positions = {
        n: p for n, p in positions.items() if tuple(amap.node(n).get("pos", ())) != tuple(p)
    }
    if not positions:
        return None
    return MoveNodes(
        positions, label or ("Move node" if len(positions) == 1 else f"Move {len(positions)} nodes")
    )


def joined(command, *more):
    """*command* and then *more* commands as one step, keeping *command*'s label and the
    nodes it creates (an edit and the moves that make room for what it changed)."""
    return Batch(command.label, [command, *more], created=getattr(command, "created", ()))


def set_title(amap, title):
    """Rename the map."""
    return set_map_fields(amap, {"title": title}, "Rename map")


def set_map_fields(amap, changes, label="Edit map details"):
    """Set the map's own fields (``title``, ``description``; ``REMOVE`` deletes one)."""
    changes = {
        k: v
        for k, v in changes.items()
        if amap.meta.get(k, REMOVE) != v and not (v is REMOVE and k not in amap.meta)
    }
    if not changes:
        return None
    return SetMapAttrs(changes, label)


# ----------------------------------------------------------------- sources
def quote_text(quote):
    """Return the statement of a node made from *quote*: its words, white space collapsed.

    Example
    -------
    >>> quote_text("Police  chiefs\\n said so.")
    'Police chiefs said so.'
    """
    return " ".join(quote.split())


def node_from_span(amap, kind, span, parent=None, pos=None):
    """A node of *kind* quoting *span* (its only source), bearing on *parent* if given.

    Evidence takes the document's title as its citation.
    """
    attrs = {"sources": [dict(span)]}
    title = amap.documents.get(span["doc"], {}).get("title")
    if kind == "evidence" and title:
        attrs["citation"] = title
    text = quote_text(span["quote"])
    if parent is None:
        command = add_main_claim(amap, text, pos, kind, attrs)
    else:
        command = add_premise(amap, parent, kind, None, text, pos, attrs)
    command.label = f"New {kind} from selection"
    return command


def add_span(amap, node, span):
    """Add *span* to *node*'s sources (None when the node already quotes it)."""
    sources = list(amap.node(node).get("sources", []))
    key = (span["doc"], span["start"], span["end"])
    if any((s["doc"], s["start"], s["end"]) == key for s in sources):
        return None
    return SetNodeAttrs(node, {"sources": sources + [dict(span)]}, "Add source")


def accept_drafts(amap, nodes):
    """Accept the draft nodes among *nodes*, and the draft links between accepted nodes."""
    accepted = [n for n in nodes if amap.node(n).get("draft")]
    if not accepted:
        return None
    still_draft = {n for n, a in amap.graph.nodes(data=True) if a.get("draft")} - set(accepted)
    steps = [SetNodeAttrs(n, {"draft": REMOVE}, "Accept draft") for n in accepted]
    edges = set(amap.graph.in_edges(accepted)) | set(amap.graph.out_edges(accepted))
    steps += [
        SetEdgeAttrs(u, v, {"draft": REMOVE})
        for u, v in sorted(edges)
        if amap.edge(u, v).get("draft") and not {u, v} & still_draft
    ]
    label = "Accept draft" if len(accepted) == 1 else f"Accept {len(accepted)} drafts"
    return Batch(label, steps, created=())


def unique_id(base, taken):
    """Return *base*, or *base* with a number added, so that it is not in *taken*.

    Example
    -------
    >>> unique_id("hill", {"hill", "hill-2"})
    'hill-3'
    """
    candidate, number = base, 2
    while candidate in taken:
        candidate = f"{base}-{number}"
        number += 1
    return candidate


def import_documents(amap, records):
    """Add document *records*, renaming ids the map (or an earlier record) already uses.

    Returns
    -------
    Command
        Its ``documents`` lists the ids the documents get.
    """
    taken, steps = set(amap.documents), []
    for record in records:
        record = dict(record, id=unique_id(record["id"], taken))
        taken.add(record["id"])
        steps.append(AddDocument(record))
    if not steps:
        return None
    first = steps[0].doc
    label = (
        f"Import {first.get('title') or first['id']}"
        if len(steps) == 1
        else f"Import {len(steps)} documents"
    )
    command = Batch(label, steps)
    command.documents = [s.doc["id"] for s in steps]
    return command


def start_from_map(amap, source, label="Start from documents"):
    """Fill the empty map *amap* with the title, documents, nodes and links of *source*."""
    if len(amap) or amap.documents:
        raise ModelError("a map can only be started in an empty map")
    graph = source.graph
    steps = [SetMapAttrs(dict(source.meta), "Title")]
    steps += [AddDocument(dict(record)) for record in source.documents.values()]
    steps += [AddNode(a["kind"], a["text"], dict(a), node_id=n) for n, a in graph.nodes(data=True)]
    steps += [Connect(u, v, a["relation"], dict(a)) for u, v, a in graph.edges(data=True)]
    return Batch(label, steps, created=list(graph.nodes))
