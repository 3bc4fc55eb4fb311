"""Graphviz's layout in model coordinates, for the editor's canvas.

Coordinates are points with the origin at the top left of the drawing and y
growing downward, as in a Qt scene.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from argmap.errors import RenderError
from argmap.model import ArgumentMap
from argmap.render.arranged import Point
from argmap.render.dot import DotGraph, Edge, build_dot
from argmap.render.graphviz import run_graphviz
from argmap.render.options import ExportOptions


@dataclass
class Layout:
    """Where Graphviz put every node and edge.

    Attributes
    ----------
    positions : dict
        Node id -> ``(x, y)``, the centre of the node.
    sizes : dict
        Node id -> ``(width, height)``.
    edges : dict
        ``(premise, target)`` -> cubic Bézier control points ``[(x, y), ...]``
        (``3k + 1`` of them) from the premise to the target.
    arrows : dict
        ``(premise, target)`` -> ``(x, y)``, the tip of the arrowhead at the target.
    width, height : float
        Size of the whole drawing.
    """

    positions: dict[str, Point] = field(default_factory=dict)
    sizes: dict[str, tuple[float, float]] = field(default_factory=dict)
    edges: dict[Edge, list[Point]] = field(default_factory=dict)
    arrows: dict[Edge, Point] = field(default_factory=dict)
    width: float = 0.0
    height: float = 0.0


def compute_layout(
    amap: ArgumentMap,
    direction: str = "TB",
    nodes: Iterable[str] | None = None,
    timeout: float = 30,
) -> Layout:
    """Lay *amap* out with Graphviz (one ``dot`` run) and return a :class:`Layout`.

    Parameters
    ----------
    amap : ArgumentMap
        The map; cards are sized as in an export (header, wrapped text, citation).
    direction : str
        ``TB``, ``BT``, ``LR`` or ``RL``.
    nodes : iterable, optional
        Lay out only these nodes (default: all).
    timeout : float
        Seconds Graphviz may take.

    Raises
    ------
    RenderError
        When Graphviz is missing, fails or times out, or a node is unknown.
    """
    chosen = None if nodes is None else set(nodes)
    if chosen is not None:
        unknown = chosen - set(amap.graph.nodes)
        if unknown:
            raise RenderError(f"cannot lay out unknown node(s): {sorted(unknown)[:5]}")
    # the cards alone: no title, no legend
    options = ExportOptions(direction=direction, legend=False, title="")
    dot = build_dot(amap, options, chosen)
    data = json.loads(run_graphviz(dot.text, "json0", timeout=timeout))
    return _read_layout(data, dot)


def _read_layout(data: dict[str, Any], dot: DotGraph) -> Layout:
    x0, y0, x1, y1 = _numbers(data["bb"])
    flip = _Flip(x0, y1)
    by_name = {obj["name"]: obj for obj in data.get("objects", ())}
    layout = Layout(width=x1 - x0, height=y1 - y0)
    for node, dot_id in dot.ids.items():
        obj = by_name[dot_id]
        layout.positions[node] = flip(*_numbers(obj["pos"]))
        layout.sizes[node] = (float(obj["width"]) * 72, float(obj["height"]) * 72)
    drawn: dict[Edge, _Piece] = {}
    for edge in data.get("edges", ()):
        tail = data["objects"][edge["tail"]]["name"]
        head = data["objects"][edge["head"]]["name"]
        drawn[(tail, head)] = _spline(edge.get("pos", ""), flip)
    for key, parts in dot.paths.items():
        points, tip = _join(drawn, parts)
        layout.edges[key] = points
        if tip is not None:
            layout.arrows[key] = tip
    return layout


#: A Graphviz edge's Bézier points, and the tips of its arrows at its start and end.
_Piece = tuple[list[Point], Point | None, Point | None]


class _Flip:
    """Turns Graphviz coordinates (y up, from the bounding box) into y-down ones."""

    def __init__(self, x0: float, top: float) -> None:
        self.x0, self.top = x0, top

    def __call__(self, x: float, y: float) -> Point:
        return (x - self.x0, self.top - y)


def _numbers(text: str) -> tuple[float, ...]:
    return tuple(float(v) for v in text.split(","))


def _spline(pos: str, flip: _Flip) -> _Piece:
    """Return ``(points, start_tip, end_tip)`` of a Graphviz edge ``pos`` string."""
    points: list[Point] = []
    start: Point | None = None
    end: Point | None = None
    for item in pos.split():
        if item.startswith("s,"):
            start = flip(*_numbers(item[2:]))
        elif item.startswith("e,"):
            end = flip(*_numbers(item[2:]))
        else:
            points.append(flip(*_numbers(item)))
    return points, start, end


def _join(drawn: dict[Edge, _Piece], parts: list[Edge]) -> tuple[list[Point], Point | None]:
    """Join the DOT edges of one model edge into one path from the premise to the target.

    DOT edges run from the target side to the premise side, so each is
    reversed; two pieces meeting at a junction are joined by a straight
    Bézier segment. The arrow tip is the start tip of the piece at the target.
    """
    path: list[Point] = []
    tip: Point | None = None
    for index, part in enumerate(reversed(parts)):
        points, start, _ = drawn.get(part, ([], None, None))
        points = points[::-1]
        if index == len(parts) - 1:
            tip = start
        if path and points:
            path += [path[-1], points[0]]
        path += points
    return path, tip
