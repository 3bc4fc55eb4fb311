"""Drawing a map where the user put it: every card at its ``pos`` from the editor.

Graphviz does no layout here, and argmap measures the cards itself
(:mod:`argmap.render.card_box`). :func:`arrange` decides the whole picture
once: each card's box at its editor position, and each edge drawn as the
editor's canvas draws it (a curve from the edge of the premise's card to the
edge of its target's, vertical tangents when it runs mostly up or down).
Coordinates are the editor's: points, y growing downwards.

From an :class:`Arrangement`, argmap writes the SVG itself
(:mod:`argmap.render.svg`), and :func:`placed_dot` gives Graphviz the same
cards, sizes and curves (``neato -n2``) for PNG and PDF; Graphviz's y grows
upwards, so y is negated there.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Set
from dataclasses import dataclass
from typing import Any

from argmap.errors import RenderError
from argmap.model import ArgumentMap
from argmap.render import style
from argmap.render.card_box import CardBox, card_box
from argmap.render.cards import Card, cards
from argmap.render.dot import Placed, build_dot, drawing_order, drawn_edges
from argmap.render.options import ExportOptions

#: A point ``(x, y)`` in points.
Point = tuple[float, float]

#: Length of an arrowhead at ``arrowsize=0.8`` (points) by its Graphviz name: the curve
#: stops this short of the tip.
ARROW_LENGTHS = {"normal": 8.0, "tee": 4.0}
#: Cards at least this far apart up and down (points) are joined from the lower one's top
#: to the upper one's bottom, however far apart sideways (as on the canvas).
STACKED_GAP = 20.0


@dataclass(frozen=True)
class EdgePath:
    """One drawn edge: its relation and width, the arrow's tip on the target's card,
    and the cubic Bézier ``(base, control, control, start)`` from the arrowhead's base to
    the premise's card."""

    premise: str
    target: str
    relation: str
    width: float
    tip: Point
    points: tuple[Point, Point, Point, Point]


@dataclass(frozen=True)
class Arrangement:
    """A map drawn as arranged, in editor coordinates.

    Attributes
    ----------
    order : list
        The drawn nodes in drawing order (see :func:`argmap.render.dot.drawing_order`).
    ids : dict
        Node -> its id in the picture (``n0``, ``n1``, ..., as in the DOT).
    cards : dict
        Node -> its :class:`~argmap.render.cards.Card`.
    boxes : dict
        Node -> its :class:`~argmap.render.card_box.CardBox`.
    centres : dict
        Node -> ``(x, y)``, the centre of its card where the editor shows it.
    edges : list
        :class:`EdgePath` of every edge between drawn nodes, in drawing order.
    """

    order: list[str]
    ids: dict[str, str]
    cards: dict[str, Card]
    boxes: dict[str, CardBox]
    centres: dict[str, Point]
    edges: list[EdgePath]

    def bounds(self) -> tuple[float, float, float, float]:
        """``(left, top, right, bottom)`` of every card and edge."""
        left = top = math.inf
        right = bottom = -math.inf
        for node in self.order:
            (x, y), box = self.centres[node], self.boxes[node]
            left, right = min(left, x - box.width / 2), max(right, x + box.width / 2)
            top, bottom = min(top, y - box.height / 2), max(bottom, y + box.height / 2)
        for edge in self.edges:
            for x, y in (edge.tip, *edge.points):
                left, right = min(left, x), max(right, x)
                top, bottom = min(top, y), max(bottom, y)
        return left, top, right, bottom


def arrange(amap: ArgumentMap, options: ExportOptions, nodes: Set[str]) -> Arrangement:
    """Return the :class:`Arrangement` of *nodes* of *amap* drawn with *options*."""
    graph = amap.graph
    order, _ = drawing_order(amap, nodes)
    ids = {node: f"n{i}" for i, node in enumerate(order)}
    shown = cards(amap, order)
    boxes = {node: card_box(shown[node], options.headers) for node in order}
    centres = {node: _position(graph.nodes[node]["pos"], node) for node in order}
    edges: list[EdgePath] = []
    for premise, target, edge in drawn_edges(amap, order, ids):
        head = style.RELATION_STYLE[edge["relation"]]["arrowhead"]
        tip, points = curve(
            centres[premise],
            _size(boxes[premise]),
            centres[target],
            _size(boxes[target]),
            ARROW_LENGTHS[head],
        )
        edges.append(
            EdgePath(
                premise,
                target,
                edge["relation"],
                style.edge_width(edge.get("strength")),
                tip,
                points,
            )
        )
    return Arrangement(order, ids, shown, boxes, centres, edges)


#: Largest coordinate drawn (points): Graphviz's positions take at most nine digits.
MAX_COORDINATE = 1e9


def _position(pos: Any, node: str) -> Point:
    """A node's ``pos`` as two floats, or RenderError when it is not two finite numbers."""
    try:
        x, y = (float(v) for v in pos)
    except (TypeError, ValueError):
        raise RenderError(f"node {node!r} has a position that is not two numbers") from None
    if not (abs(x) < MAX_COORDINATE and abs(y) < MAX_COORDINATE):  # also NaN
        raise RenderError(f"node {node!r} has a position out of range: {x!r}, {y!r}")
    return x, y


def _size(box: CardBox) -> tuple[float, float]:
    return box.width, box.height


def placed_dot(
    amap: ArgumentMap,
    options: ExportOptions,
    nodes: Set[str],
    labels: Mapping[str, str] | None,
) -> str:
    """Return the DOT text of *amap* with every card and edge fixed where the editor shows it."""
    drawn = arrange(amap, options, nodes)
    placed = Placed(
        nodes={node: _point(x, -y) for node, (x, y) in drawn.centres.items()},
        sizes={node: _size(box) for node, box in drawn.boxes.items()},
        edges={(e.premise, e.target): _dot_spline(e) for e in drawn.edges},
    )
    return build_dot(amap, options, nodes, labels, placed).text


def _point(x: float, y: float) -> str:
    return f"{x:.2f},{y:.2f}"


def _dot_spline(edge: EdgePath) -> str:
    """The ``pos`` of an edge for Graphviz (y up), written from the target as the DOT edge runs."""
    return "s," + " ".join(_point(x, -y) for x, y in (edge.tip, *edge.points))


def _anchor(centre: Point, size: tuple[float, float], toward: Point) -> Point:
    """Where a line from the card at *centre* towards *toward* leaves it (as on the canvas)."""
    (x, y), (w, h) = centre, size
    dx, dy = toward[0] - x, toward[1] - y
    if abs(dy) * w >= abs(dx) * h:
        return x, y + math.copysign(h / 2, dy or 1)
    return x + math.copysign(w / 2, dx), y


def curve(
    premise: Point,
    premise_size: tuple[float, float],
    target: Point,
    target_size: tuple[float, float],
    arrow: float = ARROW_LENGTHS["normal"],
) -> tuple[Point, tuple[Point, Point, Point, Point]]:
    """Return ``(tip, (base, control, control, start))`` of the edge from *premise* to *target*.

    The curve is the canvas's (``EdgeItem``): from the premise card's edge to the
    target card's, with vertical tangents when it runs mostly up or down, or when
    one card is over the other (then from the lower one's top to the upper one's
    bottom). The arrow's tip is where it meets the target's card; the curve itself
    ends *arrow* points before it, at the arrowhead's base.
    """
    stacked = _stacked(premise, premise_size, target, target_size)
    if stacked is not None:
        start, tip = stacked
    else:
        start = _anchor(premise, premise_size, target)
        tip = _anchor(target, target_size, premise)
    if stacked is not None or abs(tip[1] - start[1]) >= abs(tip[0] - start[0]) * 0.3:
        mid = (start[1] + tip[1]) / 2
        near, far = (tip[0], mid), (start[0], mid)
    else:
        near, far = _towards(tip, start, 1 / 3), _towards(tip, start, 2 / 3)
    base = _step(tip, near if near != tip else start, arrow)
    return tip, (base, near, far, start)


def _stacked(
    premise: Point,
    premise_size: tuple[float, float],
    target: Point,
    target_size: tuple[float, float],
) -> tuple[Point, Point] | None:
    """The ends ``(start, tip)`` of a link between cards one over the other, or None."""
    (px, py), (_, ph) = premise, premise_size
    (tx, ty), (_, th) = target, target_size
    if py - ph / 2 - (ty + th / 2) >= STACKED_GAP:
        return (px, py - ph / 2), (tx, ty + th / 2)
    if ty - th / 2 - (py + ph / 2) >= STACKED_GAP:
        return (px, py + ph / 2), (tx, ty - th / 2)
    return None


def _towards(a: Point, b: Point, share: float) -> Point:
    return a[0] + (b[0] - a[0]) * share, a[1] + (b[1] - a[1]) * share


def _step(a: Point, b: Point, length: float) -> Point:
    """The point *length* from *a* towards *b* (or halfway when they are closer)."""
    dx, dy = b[0] - a[0], b[1] - a[1]
    span = math.hypot(dx, dy)
    if span <= length:
        return _towards(a, b, 0.5)
    return a[0] + dx * length / span, a[1] + dy * length / span
