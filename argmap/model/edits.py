"""Every user-level edit of a map, as a function that returns one undoable command.

The editor, the command line and scripts make their changes through these
functions: each looks at the map, decides what the edit means (which kind,
which relation, which nodes go), and returns a :class:`~argmap.model.Command`
without carrying it out, or None when there is nothing to change. The
caller applies it (``amap.apply(command)``) or pushes it on an undo stack.
A command that adds nodes lists their ids in ``command.created``, one that
adds documents lists theirs in ``command.documents``.

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

from __future__ import annotations

from collections.abc import Collection, Container, Iterable, Mapping, Sequence
from typing import Any

import networkx as nx

from argmap.errors import ModelError
from argmap.model import queries
from argmap.model.argument_map import ArgumentMap
from argmap.model.commands import (
    AddDocument,
    AddNode,
    Batch,
    Command,
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
from argmap.model.schema import KINDS, RELATIONS, REMOVE, Attrs, default_relation, shortened

#: The "add to the selected node" edits: name -> (kind, relation, menu label).
CHILD_EDITS = {
    "support": ("claim", "supports", "Add &Supporting Claim"),
    "counterclaim": ("counterclaim", "opposes", "Add &Counterclaim"),
    "evidence": ("evidence", "supports", "Add &Evidence"),
    "rebuttal": ("claim", "opposes", "Add &Rebuttal"),
}
#: Distance from a node to a new premise placed below it, when no place is given.
STEP_DOWN = 150.0

#: A place on the canvas, ``(x, y)``.
Pos = Sequence[float]


def _new_node(
    amap: ArgumentMap,
    kind: str,
    text: str,
    attrs: Mapping[str, Any] | None,
    pos: Pos | None,
) -> tuple[str, AddNode]:
    node_id = amap.new_id()
    attrs = dict(attrs or {})
    if pos is not None:
        attrs["pos"] = tuple(pos)
    return node_id, AddNode(kind, text, attrs, node_id=node_id)


def _below(amap: ArgumentMap, target: str) -> tuple[float, float]:
    """A default place for a new premise of *target*: under it, right of its premises."""
    pos = amap.node(target).get("pos") or (0.0, 0.0)
    count = amap.graph.in_degree(target)
    return (pos[0] + 270.0 * count, pos[1] + STEP_DOWN)


# ------------------------------------------------------------------ adding
def add_main_claim(
    amap: ArgumentMap,
    text: str = "New claim",
    pos: Pos | None = None,
    kind: str = "claim",
    attrs: Mapping[str, Any] | None = None,
) -> Batch:
    """A node that bears on nothing (a main claim, by default).

    Returns
    -------
    Command
        Its ``created`` holds the new node's id.
    """
    node_id, step = _new_node(amap, kind, text, attrs, pos)
    return Batch(f"Add {kind}", [step], created=[node_id])


def add_premise(
    amap: ArgumentMap,
    target: str,
    kind: str = "claim",
    relation: str | None = None,
    text: str | None = None,
    pos: Pos | None = None,
    attrs: Mapping[str, Any] | None = None,
    label: str | None = None,
) -> Batch:
    """A node of *kind* bearing on *target* (with the kind's default relation unless given)."""
    amap.node(target)
    relation = relation or default_relation(kind)
    text = f"New {kind}" if text is None else text
    node_id, step = _new_node(amap, kind, text, attrs, pos or _below(amap, target))
    steps = [step, Connect(node_id, target, relation)]
    return Batch(label or f"Add {kind}", steps, created=[node_id])


def add_child(
    amap: ArgumentMap, target: str, name: str, text: str | None = None, pos: Pos | None = None
) -> Batch:
    """One of the :data:`CHILD_EDITS` (``support``, ``counterclaim``, ...) under *target*."""
    try:
        kind, relation, label = CHILD_EDITS[name]
    except KeyError:
        raise ModelError(
            f"no such edit {name!r}; expected one of {', '.join(CHILD_EDITS)}"
        ) from None
    return add_premise(
        amap, target, kind, relation, text, pos, label=label.replace("&", "").capitalize()
    )


def add_sibling(
    amap: ArgumentMap, node: str, text: str | None = None, pos: Pos | None = None
) -> Batch:
    """A node like *node*, bearing the same way on the same first target.

    A node that bears on nothing gets another main claim as its sibling.
    """
    kind = amap.node(node)["kind"]
    target = first_target(amap, node)
    if target is None:
        return add_main_claim(amap, text or "New claim", pos)
    relation = amap.edge(node, target)["relation"]
    return add_premise(amap, target, kind, relation, text, pos)


def add_co_premise(
    amap: ArgumentMap, premise: str, text: str | None = None, pos: Pos | None = None
) -> Batch:
    """A premise that works only together with *premise*: it bears the same way on the
    same first target, and both links share one co-premise group (made when *premise*'s
    link has none).

    Example
    -------
    >>> from argmap.model import ArgumentMap
    >>> m = ArgumentMap(); claim = m.add_node("claim", "Ban end-to-end encryption")
    >>> reason = m.add_node("claim", "Criminals use it")
    >>> m.connect(reason, claim, "supports")
    >>> other = m.apply(add_co_premise(m, reason, "Police cannot read it")).created[0]
    >>> m.edge(reason, claim)["group"] == m.edge(other, claim)["group"]
    True
    """
    target = first_target(amap, premise)
    if target is None:
        raise ModelError(
            f"{shortened(amap.node(premise)['text'], 60)!r} bears on nothing: a co-premise "
            "works together with a premise of some point"
        )
    link = amap.edge(premise, target)
    group = link.get("group") or new_group(amap, target)
    node_id, step = _new_node(
        amap,
        amap.node(premise)["kind"],
        "New co-premise" if text is None else text,
        None,
        pos or _below(amap, target),
    )
    steps: list[Command] = []
    if link.get("group") != group:
        steps.append(SetEdgeAttrs(premise, target, {"group": group}))
    steps += [step, Connect(node_id, target, link["relation"], {"group": group})]
    return Batch("Add co-premise", steps, created=[node_id])


def group_premises(amap: ArgumentMap, premises: Iterable[str]) -> Batch | None:
    """Make *premises*, which bear on one point, co-premises: their links share a group.

    Raises ModelError unless there are two or more premises with a point in common.
    """
    premises = list(dict.fromkeys(premises))
    shared = (
        set.intersection(*(set(amap.graph.successors(p)) for p in premises)) if premises else set()
    )
    if len(premises) < 2 or not shared:
        raise ModelError("select two or more premises of the same point to make co-premises")
    index = amap.node_index()
    target = min(shared, key=index.__getitem__)
    groups = [amap.edge(p, target).get("group") for p in premises]
    group = next((g for g in groups if g), None) or new_group(amap, target)
    steps = [
        SetEdgeAttrs(p, target, {"group": group})
        for p, old in zip(premises, groups, strict=True)
        if old != group
    ]
    return Batch("Make co-premises", steps) if steps else None


def ungroup_premises(amap: ArgumentMap, premises: Iterable[str]) -> Batch | None:
    """Let *premises* stand alone again: their links lose their co-premise group."""
    steps = [
        SetEdgeAttrs(p, t, {"group": REMOVE})
        for p in dict.fromkeys(premises)
        for t in amap.graph.successors(p)
        if amap.edge(p, t).get("group") is not None
    ]
    return Batch("Separate co-premises", steps) if steps else None


def new_group(amap: ArgumentMap, target: str) -> str:
    """A co-premise group id not yet used on the links into *target*."""
    used = {amap.edge(p, target).get("group") for p in amap.graph.predecessors(target)}
    number = 1
    while f"g{number}" in used:
        number += 1
    return f"g{number}"


def first_target(amap: ArgumentMap, node: str) -> str | None:
    """The first node *node* bears on, in map order (None when it bears on nothing)."""
    amap.node(node)
    targets = list(amap.graph.successors(node))
    if not targets:
        return None
    index = amap.node_index()
    return min(targets, key=index.__getitem__)


# ---------------------------------------------------------------- removing
def delete(
    amap: ArgumentMap, nodes: Iterable[str] = (), edges: Iterable[tuple[str, str]] = ()
) -> Batch | None:
    """Remove *nodes* (with their links) and the links *edges*; what bore on them stays."""
    nodes = list(dict.fromkeys(nodes))
    for node in nodes:
        amap.node(node)  # an unknown node is refused before anything is decided
    doomed = set(nodes)
    steps: list[Command] = [
        Disconnect(u, v) for u, v in dict.fromkeys(edges) if u not in doomed and v not in doomed
    ]
    steps += [RemoveNode(n) for n in nodes]
    if not steps:
        return None
    return Batch(f"Delete {len(steps)} item(s)" if len(steps) > 1 else "Delete", steps)


def delete_keeping_premises(amap: ArgumentMap, nodes: Iterable[str]) -> Batch | None:
    """Remove *nodes*; what bore on each now bears on the node's own first target (or, when
    that goes too, on the first target after it that stays).

    A premise keeps its stance: it supports the new target when it and the
    removed node bore the same way (a rebuttal of an objection now
    supports the claim), else it opposes it. One that already bears on that target, or
    whose new link would close a circle (with the links of the map or those this edit
    makes), is left to stand alone. The premises of a node that bore on nothing become
    main claims.
    """
    nodes = list(dict.fromkeys(nodes))
    doomed = set(nodes)
    steps: list[Command] = []
    links: set[tuple[str, str]] = set()
    for node in nodes:
        kept = _kept_target(amap, node, doomed)
        if kept is None:
            continue
        target, relation = kept
        for premise in queries.children(amap, node):
            if premise in doomed or (premise, target) in links:
                continue
            if amap.graph.has_edge(premise, target):
                continue
            if _would_circle(amap, premise, target, doomed, links):
                continue
            links.add((premise, target))
            steps.append(
                Connect(
                    premise,
                    target,
                    _through(amap.edge(premise, node)["relation"], relation),
                    _link_attrs(amap.edge(premise, node)),
                )
            )
    if not nodes:
        return None
    removals: list[Command] = [RemoveNode(n) for n in nodes]
    return Batch("Delete, keeping what bore on it", removals + steps)


def _kept_target(amap: ArgumentMap, node: str, doomed: Container[str]) -> tuple[str, str] | None:
    """What *node* bears on once *doomed* are gone, and how: the first of its first targets,
    one after the other, that stays, and the relation *node* has to it by way of the doomed
    ones between (it opposes when an odd number of links on the way oppose). None when it
    leads nowhere, or round a circle of doomed nodes."""
    relation, current, seen = "supports", node, {node}
    while True:
        target = first_target(amap, current)
        if target is None or target in seen:
            return None
        relation = _through(relation, amap.edge(current, target)["relation"])
        if target not in doomed:
            return target, relation
        current = target
        seen.add(target)


def _through(first: str, then: str) -> str:
    """The relation that keeps a premise's stance when the node between goes: the premise
    bears on the node as *first*, the node on its target as *then*."""
    return "supports" if first == then else "opposes"


def _link_attrs(attrs: Mapping[str, Any]) -> Attrs:
    return {k: v for k, v in attrs.items() if k not in ("relation", "group")}


def _would_circle(
    amap: ArgumentMap,
    source: str,
    target: str,
    removed: Collection[str],
    added: Collection[tuple[str, str]],
) -> bool:
    """Whether a link *source* -> *target* would close a circle once *removed* are gone and
    the links *added* are made: whether *target* would then lead to *source*."""
    remaining = nx.restricted_view(amap.graph, removed, ())
    reached: set[str] = set()
    starts = [target]
    while starts:
        start = starts.pop()
        if start not in reached:
            reached |= nx.descendants(remaining, start) | {start}
            starts += [end for begin, end in added if begin in reached]
    return source in reached


def delete_branch(
    amap: ArgumentMap, nodes: Iterable[str], label: str = "Delete branch"
) -> Batch | None:
    """Remove *nodes* and everything that bears on them, directly or not."""
    doomed: set[str] = set()
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


def _quoted(amap: ArgumentMap, node: str) -> str:
    """The start of *node*'s text, as a refusal quotes it."""
    return shortened(amap.node(node)["text"], 60)


def link(
    amap: ArgumentMap, source: str, target: str, relation: str | None = None
) -> Connect | Batch:
    """*source* bears on *target* (with its kind's default relation unless given).

    A card that bore on nothing takes the kind its new place asks for (a counterclaim
    linked as a reason becomes a claim, a claim linked as an objection a counterclaim),
    in the same step.
    """
    kind = amap.node(source)["kind"]
    relation = relation or default_relation(kind)
    refuse_circle(amap, source, target)
    step = Connect(source, target, relation)
    if amap.graph.out_degree(source):
        return step  # a further link: the card keeps the kind of its first place
    wanted = queries.kind_towards(amap, kind, target, relation)
    if wanted == kind:
        return step
    return Batch(step.label, [SetNodeAttrs(source, {"kind": wanted}, f"Make {wanted}"), step])


def unlink(amap: ArgumentMap, source: str, target: str) -> Disconnect:
    """Remove the link *source* -> *target*."""
    amap.edge(source, target)
    return Disconnect(source, target)


def reparent(amap: ArgumentMap, node: str, new_target: str, pos: Pos | None = None) -> Batch | None:
    """Make *node* bear on *new_target* instead of its first target (or connect it).

    Returns None when *node* already bears on *new_target*.
    """
    amap.node(node), amap.node(new_target)
    if amap.graph.has_edge(node, new_target):
        return None
    refuse_circle(amap, node, new_target)
    old = first_target(amap, node)
    step: Command
    if old is None:
        step = link(amap, node, new_target)
    else:
        step = Reparent(node, new_target, old)
    steps = [step] + ([MoveNodes({node: pos})] if pos is not None else [])
    return Batch("Move under another node", steps)


def move_in_outline(
    amap: ArgumentMap,
    node: str,
    old_parent: str | None,
    new_parent: str | None,
    index: int | None = None,
    relation: str | None = None,
) -> Batch | None:
    """Move *node* from under *old_parent* to under *new_parent*, at *index* in the order.

    *relation* defaults to the one the node had to *old_parent*, else its
    kind's default. ``new_parent`` None keeps the node where it is (only
    its order changes).
    """
    amap.node(node)
    steps: list[Command] = []
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
def set_text(
    amap: ArgumentMap, node: str, text: str, merge_key: object = None
) -> SetNodeAttrs | None:
    """Change *node*'s statement (None when it is unchanged)."""
    if amap.node(node)["text"] == text:
        return None
    return SetNodeAttrs(node, {"text": text}, "Edit text", merge_key)


def set_node_attrs(
    amap: ArgumentMap,
    node: str,
    changes: Mapping[str, Any],
    merge_key: object = None,
    label: str | None = None,
) -> SetNodeAttrs | None:
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


def set_edge_attrs(
    amap: ArgumentMap, source: str, target: str, changes: Mapping[str, Any]
) -> SetEdgeAttrs | None:
    """Set (or delete, with ``REMOVE``) attributes of the link *source* -> *target*."""
    attrs = amap.edge(source, target)
    changes = {k: v for k, v in changes.items() if attrs.get(k, REMOVE) != v}
    if not changes:
        return None
    return SetEdgeAttrs(source, target, changes, "Edit link " + ", ".join(changes))


def set_kind(amap: ArgumentMap, nodes: Iterable[str], kind: str) -> Batch | None:
    """Make every node of *nodes* a *kind*."""
    if kind not in KINDS:
        raise ModelError(f"unknown kind {kind!r}; expected one of {', '.join(KINDS)}")
    steps: list[Command] = []
    for n in nodes:
        if amap.node(n)["kind"] == kind:
            continue
        steps.append(SetNodeAttrs(n, {"kind": kind}, f"Make {kind}"))
        steps += _relation_for_kind(amap, n, kind)
    return Batch(f"Make {kind}", steps) if steps else None


def _relation_for_kind(amap: ArgumentMap, node: str, kind: str) -> list[Command]:
    """The change of *node*'s first link that its new *kind* asks for: a counterclaim
    opposes, a claim that was an objection supports (a rebuttal stays one)."""
    target = first_target(amap, node)
    if target is None or kind == "evidence":
        return []
    relation = amap.edge(node, target)["relation"]
    if queries.kind_towards(amap, kind, target, relation) == kind:
        return []
    wanted = "opposes" if relation == "supports" else "supports"
    return [SetEdgeAttrs(node, target, {"relation": wanted})]


def set_relation(
    amap: ArgumentMap, edges: Iterable[tuple[str, str]], relation: str
) -> Batch | None:
    """Make every link of *edges* a *relation*."""
    if relation not in RELATIONS:
        raise ModelError(f"unknown relation {relation!r}; expected one of {', '.join(RELATIONS)}")
    steps: list[Command] = []
    for u, v in edges:
        if amap.edge(u, v)["relation"] == relation:
            continue
        steps.append(SetEdgeAttrs(u, v, {"relation": relation}))
        kind = amap.node(u)["kind"]
        wanted = queries.kind_towards(amap, kind, v, relation)
        if wanted != kind and first_target(amap, u) == v:  # the card's own place changes
            steps.append(SetNodeAttrs(u, {"kind": wanted}, f"Make {wanted}"))
    return Batch(f"Make it {relation}", steps) if steps else None


def toggle_collapse(amap: ArgumentMap, node: str) -> SetNodeAttrs:
    """Hide what bears on *node*, or show it again."""
    collapsed = not amap.node(node).get("collapsed", False)
    return SetNodeAttrs(node, {"collapsed": collapsed}, "Collapse" if collapsed else "Expand")


def move_nodes(
    amap: ArgumentMap, positions: Mapping[str, Pos], label: str | None = None
) -> MoveNodes | None:
    """Place nodes at new positions (one drag, one layout)."""
    positions = {
        n: p for n, p in positions.items() if tuple(amap.node(n).get("pos", ())) != tuple(p)
    }
    if not positions:
        return None
    return MoveNodes(
        positions, label or ("Move node" if len(positions) == 1 else f"Move {len(positions)} nodes")
    )


def joined(command: Command, *more: Command) -> Batch:
    """*command* and then *more* commands as one step, keeping *command*'s label and the
    nodes it creates (an edit and the moves that make room for what it changed)."""
    return Batch(command.label, [command, *more], created=command.created)


def set_title(amap: ArgumentMap, title: str) -> SetMapAttrs | None:
    """Rename the map."""
    return set_map_fields(amap, {"title": title}, "Rename map")


def set_map_fields(
    amap: ArgumentMap, changes: Mapping[str, Any], label: str = "Edit map details"
) -> SetMapAttrs | None:
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
def quote_text(quote: str) -> str:
    """Return the statement of a node made from *quote*: its words, white space collapsed.

    Example
    -------
    >>> quote_text("Police  chiefs\\n said so.")
    'Police chiefs said so.'
    """
    return " ".join(quote.split())


def node_from_span(
    amap: ArgumentMap,
    kind: str,
    span: Mapping[str, Any],
    parent: str | None = None,
    pos: Pos | None = None,
) -> Batch:
    """A node of *kind* quoting *span* (its only source), bearing on *parent* if given.

    Evidence takes the document's title as its citation.
    """
    attrs: Attrs = {"sources": [dict(span)]}
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


def add_span(amap: ArgumentMap, node: str, span: Mapping[str, Any]) -> SetNodeAttrs | None:
    """Add *span* to *node*'s sources (None when the node already quotes it)."""
    sources = list(amap.node(node).get("sources", []))
    key = (span["doc"], span["start"], span["end"])
    if any((s["doc"], s["start"], s["end"]) == key for s in sources):
        return None
    return SetNodeAttrs(node, {"sources": sources + [dict(span)]}, "Add source")


def accept_drafts(amap: ArgumentMap, nodes: Iterable[str]) -> Batch | None:
    """Accept the draft nodes among *nodes*, and the draft links between accepted nodes."""
    accepted = [n for n in nodes if amap.node(n).get("draft")]
    if not accepted:
        return None
    still_draft = {n for n, a in amap.graph.nodes(data=True) if a.get("draft")} - set(accepted)
    steps: list[Command] = [SetNodeAttrs(n, {"draft": REMOVE}, "Accept draft") for n in accepted]
    edges = set(amap.graph.in_edges(accepted)) | set(amap.graph.out_edges(accepted))
    steps += [
        SetEdgeAttrs(u, v, {"draft": REMOVE})
        for u, v in sorted(edges)
        if amap.edge(u, v).get("draft") and not {u, v} & still_draft
    ]
    label = "Accept draft" if len(accepted) == 1 else f"Accept {len(accepted)} drafts"
    return Batch(label, steps, created=())


def unique_id(base: str, taken: Container[str]) -> str:
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


def import_documents(amap: ArgumentMap, records: Iterable[Mapping[str, Any]]) -> Batch | None:
    """Add document *records*, renaming ids the map (or an earlier record) already uses.

    Returns
    -------
    Command
        Its ``documents`` lists the ids the documents get.
    """
    taken = set(amap.documents)
    steps: list[AddDocument] = []
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
    return Batch(label, steps, documents=[s.doc["id"] for s in steps])


def start_from_map(
    amap: ArgumentMap, source: ArgumentMap, label: str = "Start from documents"
) -> Batch:
    """Fill the empty map *amap* with the title, documents, nodes and links of *source*."""
    if len(amap) or amap.documents:
        raise ModelError("a map can only be started in an empty map")
    graph = source.graph
    steps: list[Command] = [SetMapAttrs(dict(source.meta), "Title")]
    steps += [AddDocument(dict(record)) for record in source.documents.values()]
    steps += [AddNode(a["kind"], a["text"], dict(a), node_id=n) for n, a in graph.nodes(data=True)]
    steps += [Connect(u, v, a["relation"], dict(a)) for u, v, a in graph.edges(data=True)]
    return Batch(label, steps, created=list(graph.nodes), documents=list(source.documents))
