"""Layout positions for the editor, in y-down model coordinates."""

import pytest
from render_helpers import rich_map

from argmap.errors import RenderError
from argmap.render.layout import compute_layout

pytestmark = pytest.mark.graphviz


def test_every_node_has_a_position_and_size():
    """All nodes are placed inside the drawing with a card-sized box."""
    m = rich_map()
    layout = compute_layout(m)
    assert set(layout.positions) == set(m.graph.nodes) == set(layout.sizes)
    for node, (x, y) in layout.positions.items():
        w, h = layout.sizes[node]
        assert x - w / 2 >= -0.5 and x + w / 2 <= layout.width + 0.5
        assert y - h / 2 >= -0.5 and y + h / 2 <= layout.height + 0.5
        assert 60 < w < 400 and 20 < h < 200


def test_direction_puts_the_main_claim_first():
    """TB: main claim has the smallest y; BT: the largest; LR: the smallest x."""
    m = rich_map()
    tb = compute_layout(m, "TB").positions
    assert tb["n1"][1] == min(y for _, y in tb.values())
    bt = compute_layout(m, "BT").positions
    assert bt["n1"][1] == max(y for _, y in bt.values())
    lr = compute_layout(m, "LR").positions
    assert lr["n1"][0] == min(x for x, _ in lr.values())


def test_sibling_order_left_to_right():
    """Premises of one claim appear left to right in map order."""
    tb = compute_layout(rich_map()).positions
    assert tb["n2"][0] < tb["n3"][0] < tb["n9"][0]


def test_edges_run_from_premise_to_target():
    """Each edge is a Bézier path (3k+1 points) from near its premise to near its target."""
    m = rich_map()
    layout = compute_layout(m)
    assert set(layout.edges) == set(m.graph.edges)
    for (premise, target), points in layout.edges.items():
        assert len(points) % 3 == 1 and len(points) >= 4
        assert _near_box(points[0], layout, premise)
        tip = layout.arrows.get((premise, target), points[-1])
        assert _near_box(tip, layout, target)


def _near_box(point, layout, node, slack=12):
    (x, y), (w, h) = layout.positions[node], layout.sizes[node]
    return abs(point[0] - x) <= w / 2 + slack and abs(point[1] - y) <= h / 2 + slack


def test_selection_and_unknown_nodes():
    """A selection lays out only its nodes; unknown ids raise RenderError."""
    layout = compute_layout(rich_map(), nodes={"n3", "n4", "n7", "n8"})
    assert set(layout.positions) == {"n3", "n4", "n7", "n8"}
    assert layout.positions["n3"][1] < layout.positions["n7"][1]
    with pytest.raises(RenderError):
        compute_layout(rich_map(), nodes={"zz"})
