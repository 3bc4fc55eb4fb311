"""Drawing a map where the user put it: every card at its ``pos`` from the editor.

Graphviz does no layout here. ``neato -n2`` first measures the cards at their
fixed places (the DOT without edges), then argmap draws each edge as the
editor's canvas does (a curve from the edge of the premise's card to the edge
of its target's, vertical tangents when it runs mostly up or down) and
``neato -n2`` renders the whole. The editor's y grows downwards and
Graphviz's upwards, so y is negated.
"""

import json
import math

from argmap.errors import RenderError

#: Length of an arrowhead at ``arrowsize=0.8`` (points): the spline stops short of the tip.
ARROW_LENGTH = 8.0


def is_arranged(amap, nodes):
    """Return True when every node of *nodes* has a position (it was arranged in the editor)."""
    graph = amap.graph
    return bool(nodes) and all("pos" in graph.nodes[node] for node in nodes)


def _point(x, y):
    return f"{x:.2f},{y:.2f}"


def placed_dot(amap, options, nodes, labels, timeout):
    """Return the DOT text of *amap* with every card and edge fixed where the editor shows it."""
    from argmap.render.dot import Placed, build_dot, placed_edge_lines
    from argmap.render.graphviz import run_graphviz_cached

    graph = amap.graph
    centres = {node: (float(graph.nodes[node]["pos"][0]), -float(graph.nodes[node]["pos"][1]))
               for node in nodes}
    placed = Placed({node: _point(*xy) for node, xy in centres.items()})
    cards = build_dot(amap, options, nodes, labels, placed)
    measured = run_graphviz_cached(cards.text, "json0", ["-n2"], timeout=timeout,
                                   program="neato")
    sizes = _sizes(measured, cards.ids)
    splines = {(premise, target): _spline(centres[premise], sizes[premise],
                                          centres[target], sizes[target])
               for premise, target in graph.edges if premise in nodes and target in nodes}
    edges = placed_edge_lines(amap, list(cards.ids), cards.ids, splines, cards.paths)
    return cards.text[:-2] + "\n" + "\n".join(edges) + ("\n" if edges else "") + "}\n"


def _sizes(measured, ids):
    """Return ``{node: (width, height)}`` in points from Graphviz's ``json0`` output."""
    try:
        objects = {obj["name"]: obj for obj in json.loads(measured).get("objects", ())}
        return {node: (float(objects[dot_id]["width"]) * 72, float(objects[dot_id]["height"]) * 72)
                for node, dot_id in ids.items()}
    except (ValueError, KeyError, TypeError) as exc:
        raise RenderError(f"Graphviz measured the cards in an unexpected form: {exc}") from None


def _anchor(centre, size, toward):
    """Where a line from the card at *centre* towards *toward* leaves it (as on the canvas)."""
    (x, y), (w, h) = centre, size
    dx, dy = toward[0] - x, toward[1] - y
    if abs(dy) * w >= abs(dx) * h:
        return x, y + math.copysign(h / 2, dy or -1)
    return x + math.copysign(w / 2, dx), y


def _spline(premise, premise_size, target, target_size):
    """Return the ``pos`` of the edge from *premise* to *target*, written from the target.

    The arrow tip is where the curve meets the target's card; the curve itself
    starts :data:`ARROW_LENGTH` points before it.
    """
    start = _anchor(premise, premise_size, target)
    tip = _anchor(target, target_size, premise)
    if abs(tip[1] - start[1]) >= abs(tip[0] - start[0]) * 0.3:
        mid = (start[1] + tip[1]) / 2
        controls = [(tip[0], mid), (start[0], mid)]
    else:
        controls = [_towards(tip, start, 1 / 3), _towards(tip, start, 2 / 3)]
    first = controls[0] if controls[0] != tip else start
    base = _step(tip, first, ARROW_LENGTH)
    points = [base, *controls, start]
    return "s," + _point(*tip) + " " + " ".join(_point(*p) for p in points)


def _towards(a, b, share):
    return a[0] + (b[0] - a[0]) * share, a[1] + (b[1] - a[1]) * share


def _step(a, b, length):
    """The point *length* from *a* towards *b* (or *a* itself when they meet)."""
    dx, dy = b[0] - a[0], b[1] - a[1]
    span = math.hypot(dx, dy)
    if span <= length:
        return _towards(a, b, 0.5)
    return a[0] + dx * length / span, a[1] + dy * length / span
