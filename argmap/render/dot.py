"""Model -> DOT text, with our own escaping and generated ids.

The DOT is written from an allow-list of attributes whose values are either
constants from :mod:`argmap.render.style` (checked against a strict pattern)
or HTML-like labels built by :mod:`argmap.render.cards`. No user text is
ever a DOT id: nodes are called ``n0``, ``n1``, ... in drawing order.

Edges are written from the claim to its premise with ``dir=back``, so that
Graphviz ranks main claims first (on top for ``TB``) while the arrow still
points at the claim. Premises sharing an edge ``group`` meet at a small
junction point before their common target.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Mapping, Set
from dataclasses import dataclass
from typing import Any

from argmap.errors import RenderError
from argmap.model import ArgumentMap, queries
from argmap.render import cards as card
from argmap.render import style
from argmap.render.options import ExportOptions

#: A model edge ``(premise, target)``, or a DOT edge ``(tail, head)``.
Edge = tuple[str, str]

DIRECTIONS = ("TB", "BT", "LR", "RL")
COLOR_BY = ("kind", "evaluation")

#: Attributes the writer may emit; anything else is a programming error.
ALLOWED_ATTRS = frozenset(
    {
        "rankdir",
        "ordering",
        "nodesep",
        "ranksep",
        "fontname",
        "fontsize",
        "fontcolor",
        "bgcolor",
        "pad",
        "label",
        "labelloc",
        "labeljust",
        "shape",
        "style",
        "fillcolor",
        "color",
        "penwidth",
        "margin",
        "arrowhead",
        "arrowtail",
        "arrowsize",
        "dir",
        "constraint",
        "weight",
        "width",
        "height",
        "fixedsize",
        "nslimit",
        "nslimit1",
        "mclimit",
        "searchsize",
        "remincross",
        "splines",
        "outputorder",
        "newrank",
        "pos",
    }
)
_SAFE_VALUE = re.compile(r"[A-Za-z0-9#.,: _-]{0,64}")
_POINT = r"-?\d{1,9}(?:\.\d{1,4})?,-?\d{1,9}(?:\.\d{1,4})?"
#: A position or a spline (``pos``): points, the first one an arrow tip (``s,``) or not.
_POINTS = re.compile(rf"(?:s,)?{_POINT}(?: {_POINT}){{0,400}}")

#: Above these node counts, Graphviz's cheaper search settings are used.
LARGE_MAP = 400
HUGE_MAP = 1500


class Html(str):
    """An HTML-like label that was built from escaped parts."""


@dataclass(frozen=True)
class DotGraph:
    """DOT text and how its ids map back to the model.

    Attributes
    ----------
    text : str
        The DOT source.
    ids : dict
        Model node id -> DOT node id.
    paths : dict
        Model edge ``(premise, target)`` -> the DOT edges that draw it, each
        ``(tail, head)`` as written (from the target side to the premise side).
    """

    text: str
    ids: dict[str, str]
    paths: dict[Edge, list[Edge]]


def attr_list(attrs: Mapping[str, object]) -> str:
    """Format ``{name: value}`` as a DOT attribute list, checking every name and value.

    Raises
    ------
    RenderError
        For a name outside :data:`ALLOWED_ATTRS` or a plain value that is not
        a short run of letters, digits and ``# . , : _ -``.
    """
    parts = []
    for name, value in attrs.items():
        if name not in ALLOWED_ATTRS:
            raise RenderError(f"internal: attribute {name!r} is not allowed in DOT output")
        if isinstance(value, Html):
            parts.append(f"{name}=<{value}>")
            continue
        text = str(value)
        if name == "pos":
            if not _POINTS.fullmatch(text):
                raise RenderError("internal: a DOT position that is not a list of points")
        elif not _SAFE_VALUE.fullmatch(text):
            raise RenderError(f"internal: unsafe value for DOT attribute {name!r}")
        parts.append(f'{name}="{text}"')
    return "[" + ", ".join(parts) + "]"


#: The space between cards on a page (inches): a little closer than on a picture of its own.
PAGE_SPACING = {"nodesep": "0.2", "ranksep": "0.3"}


def _graph_attrs(options: ExportOptions, count: int) -> dict[str, object]:
    attrs: dict[str, object] = {
        "rankdir": options.direction,
        "ordering": "out",
        "nodesep": "0.3",
        "ranksep": "0.45",
        "fontname": style.FONT_FAMILIES,
        "bgcolor": style.BACKGROUND,
        "pad": "0.3",
        "margin": "0",
        "newrank": "true",
        "outputorder": "edgesfirst",
    }
    if options.page is not None:
        attrs.update(PAGE_SPACING)
    if count >= LARGE_MAP:
        attrs.update(
            {
                "nslimit": "4",
                "nslimit1": "4",
                "mclimit": "0.3",
                "searchsize": "20",
                "remincross": "false",
            }
        )
    if count >= HUGE_MAP:
        attrs.update({"splines": "polyline"})
    header = card.title_and_legend(
        options.title,
        options.legend,
        options.color_by,
        compact=options.page in ("a4", "letter"),
        small=options.small_header,
    )
    if header:
        attrs.update({"label": Html(header), "labelloc": "t", "labeljust": "c"})
    return attrs


_NODE_DEFAULTS: dict[str, object] = {
    "fontname": style.FONT_FAMILIES,
    "fontsize": style.FONT_SIZE,
    "shape": "box",
    "style": "rounded,filled",
    "penwidth": "1.3",
    "margin": "0.14,0.08",
}
_EDGE_DEFAULTS: dict[str, object] = {"dir": "back", "penwidth": "1.5", "arrowsize": "0.8"}


def _card_look(kind: str, place: str, label: str | None) -> tuple[dict[str, str], str]:
    """The attributes of a card but its label, by kind and place (role), the fill and border
    by its evaluation *label* when there is one; and their checked DOT text without the
    closing bracket."""
    role, kind_style = style.role_style(place), style.KIND_STYLE[kind]
    fill, border = role["fill"], role["border"]
    if label is not None:
        fill, border = style.LABEL_STYLE[label]["fill"], style.LABEL_STYLE[label]["border"]
    attrs = {
        "shape": kind_style["shape"],
        "style": "rounded,filled" if kind_style["rounded"] else "filled",
        "fillcolor": fill,
        "color": border,
        "fontcolor": role["text"],
        "penwidth": str(role["penwidth"]),
    }
    return attrs, attr_list(attrs)[:-1]


def _look_of(node_card: card.Card, labels: Mapping[str, str] | None) -> tuple[dict[str, str], str]:
    label = labels.get(node_card.node, "undecided") if labels is not None else None
    return _card_look(node_card.kind, node_card.place, label)


def _edge_attr_text(
    relation: str, constraint: bool = True, arrow: bool = True, width: float = style.EDGE_WIDTH
) -> str:
    """The checked attribute list of an edge."""
    return attr_list(_edge_attrs(relation, constraint, arrow, width))


def _edge_attrs(
    relation: str, constraint: bool = True, arrow: bool = True, width: float = style.EDGE_WIDTH
) -> dict[str, object]:
    rel = style.RELATION_STYLE[relation]
    attrs: dict[str, object] = {"color": rel["color"], "style": rel["style"]}
    if width != style.EDGE_WIDTH:
        attrs["penwidth"] = width
    attrs["arrowtail"] = rel["arrowhead"] if arrow else "none"
    if not constraint:
        attrs.update({"constraint": "false", "weight": "0"})
    return attrs


def drawing_order(amap: ArgumentMap, nodes: Set[str]) -> tuple[list[str], set[Edge]]:
    """Return *nodes* breadth-first from the main claims, siblings in map order.

    Also return the set of tree edges ``(premise, target)``: the edge through
    which each node was first reached. Other edges are cross-links.
    """
    graph = amap.graph
    index = amap.node_index()
    order: list[str] = []
    tree: set[Edge] = set()
    seen: set[str] = set()
    roots = [n for n in queries.main_claims(amap) if n in nodes]
    roots += [
        n for n in graph.nodes if n in nodes and not any(t in nodes for t in graph.successors(n))
    ]
    pending = iter(sorted(nodes, key=index.__getitem__))
    if not roots:  # every node lies on a cycle: start from the first
        roots = [n for n in (next(pending, None),) if n is not None]
    while roots:
        queue = [r for r in dict.fromkeys(roots) if r not in seen]
        seen.update(queue)
        for node in queue:  # the queue grows while it is read: breadth-first
            order.append(node)
            for child in sorted(graph.predecessors(node), key=index.__getitem__):
                if child in nodes and child not in seen:
                    seen.add(child)
                    tree.add((child, node))
                    queue.append(child)
        # what is left lies on cycles nobody leads to: start again from its first node
        first = next((n for n in pending if n not in seen), None)
        roots = [] if first is None else [first]
    return order, tree


def build_dot(
    amap: ArgumentMap,
    options: ExportOptions,
    nodes: Iterable[str] | None = None,
    labels: Mapping[str, str] | None = None,
    placed: Placed | None = None,
) -> DotGraph:
    """Return the :class:`DotGraph` of *amap* drawn with *options*.

    Parameters
    ----------
    amap : ArgumentMap
        The map.
    options : ExportOptions
        Its ``direction``, ``legend``, ``color_by``, ``title``, ``headers`` and ``page``
        are drawn (see :class:`argmap.render.options.ExportOptions`).
    nodes : set, optional
        Draw only these nodes and the edges between them (default: all).
    labels : dict, optional
        Node -> ``'in'``, ``'out'`` or ``'undecided'``; used when colouring by
        evaluation.
    placed : Placed, optional
        Fixed positions and sizes for drawing the map as arranged (``neato -n2``):
        every card gets its ``pos`` and its size, every edge is drawn directly (no
        junctions) with its ``pos``.
    """
    ids: dict[str, str] = {}
    paths: dict[Edge, list[Edge]] = {}
    text = "".join(dot_lines(amap, options, nodes, labels, placed, ids, paths))
    return DotGraph(text, ids, paths)


def dot_lines(
    amap: ArgumentMap,
    options: ExportOptions,
    nodes: Iterable[str] | None = None,
    labels: Mapping[str, str] | None = None,
    placed: Placed | None = None,
    ids: dict[str, str] | None = None,
    paths: dict[Edge, list[Edge]] | None = None,
) -> Iterator[str]:
    """Yield the lines of :func:`build_dot`'s DOT text one by one, each with its newline.

    The options are checked before the first line. The dicts *ids* and *paths*, when
    given, are filled as :class:`DotGraph` describes (*ids* before the first line).
    """
    check_options(options)
    drawn = set(amap.graph.nodes) if nodes is None else set(nodes)
    order, tree = drawing_order(amap, drawn)
    ids = {} if ids is None else ids
    ids.update((node, f"n{i}") for i, node in enumerate(order))
    yield "digraph argmap {\n"
    yield "graph " + attr_list(_graph_attrs(options, len(order))) + ";\n"
    yield "node " + attr_list(_NODE_DEFAULTS) + ";\n"
    yield "edge " + attr_list(_EDGE_DEFAULTS) + ";\n"
    shown = card.cards(amap, order)
    for node in order:
        line = _node_line(shown[node], ids[node], options, labels)
        if placed is not None:
            line = line[:-2] + ", " + attr_list(placed.node_attrs(node))[1:] + ";"
        yield line + "\n"
    paths = {} if paths is None else paths
    if placed is None:
        edges = _edge_lines(amap, order, ids, tree, paths)
    else:
        edges = placed_edge_lines(amap, order, ids, placed.edges, paths)
    for line in edges:
        yield line + "\n"
    yield "}\n"


@dataclass(frozen=True)
class Placed:
    """Graphviz coordinates (points, y up) for drawing a map as arranged.

    Attributes
    ----------
    nodes : dict
        Model node -> ``"x,y"``, the centre of its card.
    sizes : dict
        Model node -> ``(width, height)`` of its card in points, as argmap measured
        it (:mod:`argmap.render.card_box`); Graphviz keeps it (``fixedsize``).
    edges : dict
        Model edge ``(premise, target)`` -> its spline as a ``pos`` value
        (``"s,tip p0 p1 ..."``, from the target to the premise).
    """

    nodes: dict[str, str]
    sizes: dict[str, tuple[float, float]]
    edges: dict[Edge, str]

    def node_attrs(self, node: str) -> dict[str, str]:
        """The ``pos``, size and ``fixedsize`` of a card."""
        width, height = self.sizes[node]
        return {
            "pos": self.nodes[node],
            "width": f"{width / 72:.4f}",
            "height": f"{height / 72:.4f}",
            "fixedsize": "true",
        }


def drawn_edges(
    amap: ArgumentMap, order: Iterable[str], ids: Mapping[str, str]
) -> Iterator[tuple[str, str, dict[str, Any]]]:
    """Yield ``(premise, target, attributes)`` of every edge between drawn nodes, in the
    order every writer draws them: targets in drawing order, their premises in map order."""
    graph = amap.graph
    index = amap.node_index()
    for target in order:
        for premise in sorted(graph.predecessors(target), key=index.__getitem__):
            if premise in ids:
                yield premise, target, graph.edges[premise, target]


def placed_edge_lines(
    amap: ArgumentMap,
    order: Iterable[str],
    ids: Mapping[str, str],
    splines: Mapping[Edge, str],
    paths: dict[Edge, list[Edge]],
) -> list[str]:
    """Return one direct DOT edge per model edge, with its spline fixed."""
    lines = []
    for premise, target, edge in drawn_edges(amap, order, ids):
        width = style.edge_width(edge.get("strength"))
        attrs = _edge_attr_text(edge["relation"], True, True, width)
        lines.append(
            f"{ids[target]} -> {ids[premise]} {attrs[:-1]}, "
            + attr_list({"pos": splines[(premise, target)]})[1:]
            + ";"
        )
        paths[(premise, target)] = [(ids[target], ids[premise])]
    return lines


def check_options(options: ExportOptions) -> None:
    """Raise RenderError when *options* name an unknown direction or colouring."""
    if options.direction not in DIRECTIONS:
        raise RenderError(
            f"unknown direction {options.direction!r}; expected one of {', '.join(DIRECTIONS)}"
        )
    if options.color_by not in COLOR_BY:
        raise RenderError(
            f"unknown colouring {options.color_by!r}; expected one of {', '.join(COLOR_BY)}"
        )


def node_colours(
    node_card: card.Card, options: ExportOptions, labels: Mapping[str, str] | None
) -> tuple[str, str, str]:
    """``(fill, border, text)`` of a card: by its role, or by its label when colouring so."""
    attrs = _look_of(node_card, labels)[0]
    return attrs["fillcolor"], attrs["color"], attrs["fontcolor"]


def node_attrs(
    node_card: card.Card, options: ExportOptions, labels: Mapping[str, str] | None
) -> dict[str, object]:
    """The attributes of a card (its label an escaped :class:`Html`), as both writers draw it."""
    look = _look_of(node_card, labels)[0]
    attrs: dict[str, object] = dict(look)
    attrs["label"] = Html(card.node_label(node_card, look["color"], options.headers))
    return attrs


def _node_line(
    node_card: card.Card, dot_id: str, options: ExportOptions, labels: Mapping[str, str] | None
) -> str:
    attrs, text = _look_of(node_card, labels)
    html = card.node_label(node_card, attrs["color"], options.headers)
    return f"{dot_id} {text}, label=<{html}>];"


def _edge_lines(
    amap: ArgumentMap,
    order: Iterable[str],
    ids: Mapping[str, str],
    tree: Set[Edge],
    paths: dict[Edge, list[Edge]],
) -> list[str]:
    """Return the DOT lines of every edge between drawn nodes, grouped premises via junctions."""
    junctions: dict[tuple[str, object, str], str] = {}
    lines: list[str] = []
    for premise, target, edge in drawn_edges(amap, order, ids):
        key = (target, edge.get("group"), edge["relation"])
        constraint = (premise, target) in tree
        width = style.edge_width(edge.get("strength"))
        if edge.get("group") is None:
            lines.append(
                f"{ids[target]} -> {ids[premise]} "
                + _edge_attr_text(edge["relation"], constraint, True, width)
                + ";"
            )
            paths[(premise, target)] = [(ids[target], ids[premise])]
            continue
        if key not in junctions:
            junction = f"j{len(junctions)}"
            junctions[key] = junction
            lines.extend(_junction_lines(junction, ids[target], edge["relation"]))
        junction = junctions[key]
        lines.append(
            f"{junction} -> {ids[premise]} "
            + _edge_attr_text(edge["relation"], constraint, False, width)
            + ";"
        )
        paths[(premise, target)] = [(ids[target], junction), (junction, ids[premise])]
    return lines


def junction_attrs(relation: str) -> dict[str, object]:
    """The attributes of the point where co-premises meet before their target."""
    colour = style.RELATION_STYLE[relation]["color"]
    return {
        "shape": "point",
        "width": "0.09",
        "height": "0.09",
        "color": colour,
        "fillcolor": colour,
        "style": "filled",
        "label": "",
    }


def _junction_lines(junction: str, target_id: str, relation: str) -> list[str]:
    return [
        f"{junction} " + attr_list(junction_attrs(relation)) + ";",
        f"{target_id} -> {junction} " + _edge_attr_text(relation) + ";",
    ]
