"""Graphviz's layout in model coordinates, for the editor's canvas.

Coordinates are points with the origin at the top left of the drawing and y
growing downward, as in a Qt scene.
"""

import json
from dataclasses import dataclass, field

from argmap.errors import RenderError
from argmap.render.dot import build_dot
from argmap.render.graphviz import run_graphviz


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

    positions: dict = field(default_factory=dict)
    sizes: dict = field(default_factory=dict)
    edges: dict = field(default_factory=dict)
    arrows: dict = field(default_factory=dict)
    width: float = 0.0
    height: float = 0.0


@dataclass
class _Options:
    direction: str = "TB"
    legend: bool = False
    color_by: str = "kind"
    title: str = ""
    headers: bool = True


def compute_layout(amap, direction="TB", nodes=None, timeout=30):
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
    if nodes is not None:
        nodes = set(nodes)
        unknown = nodes - set(amap.graph.nodes)
        if unknown:
            raise RenderError(f"cannot lay out unknown node(s): {sorted(unknown)[:5]}")
    dot = build_dot(amap, _Options(direction=direction), nodes)
    data = json.loads(run_graphviz(dot.text, "json0", timeout=timeout))
    return _read_layout(data, dot)


def _read_layout(data, dot):
    x0, y0, x1, y1 = _numbers(data["bb"])
    flip = _Flip(x0, y1)
    by_name = {obj["name"]: obj for obj in data.get("objects", ())}
    layout = Layout(width=x1 - x0, height=y1 - y0)
    for node, dot_id in dot.ids.items():
        obj = by_name[dot_id]
        layout.positions[node] = flip(*_numbers(obj["pos"]))
        layout.sizes[node] = (float(obj["width"]) * 72, float(obj["height"]) * 72)
    drawn = {}
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


class _Flip:
    """Turns Graphviz coordinates (y up, from the bounding box) into y-down ones."""

    def __init__(self, x0, top):
        self.x0, self.top = x0, top

    def __call__(self, x, y):
        return (x - self.x0, self.top - y)


def _numbers(text):
    return tuple(float(v) for v in text.split(","))


def _spline(pos, flip):
    """Return ``(points, start_tip, end_tip)`` of a Graphviz edge ``pos`` string."""
    points, start, end = [], None, None
    for item in pos.split():
        if item.startswith("s,"):
            start = flip(*_numbers(item[2:]))
        elif item.startswith("e,"):
            end = flip(*_numbers(item[2:]))
        else:
            points.append(flip(*_numbers(item)))
    return points, start, end


def _join(drawn, parts):
    """Join the DOT edges of one model edge into one path from the premise to the target.

    DOT edges run from the target side to the premise side, so each is
    reversed; two pieces meeting at a junction are joined by a straight
    Bézier segment. The arrow tip is the start tip of the piece at the target.
    """
    path, tip = [], None
    for index, part in enumerate(reversed(parts)):
        points, start, _ = drawn.get(part, ([], None, None))
        points = points[::-1]
        if index == len(parts) - 1:
            tip = start
        if path and points:
            path += [path[-1], points[0]]
        path += points
    return path, tip
