"""Exporting a map as arranged in the editor: cards where the user put them."""

import re

import pytest

from argmap.errors import RenderError
from argmap.model import ArgumentMap
from argmap.render.dot import attr_list
from argmap.render.export import ExportOptions, render

pytestmark = pytest.mark.graphviz


def arranged_map(positions=((400, 0), (100, 300), (700, 300))):
    amap = ArgumentMap("Arranged")
    claim = amap.add_node("claim", "Keep encryption strong", pos=positions[0])
    reason = amap.add_node("claim", "It protects journalists", pos=positions[1])
    objection = amap.add_node("counterclaim", "Criminals hide behind it", pos=positions[2])
    amap.connect(reason, claim, "supports")
    amap.connect(objection, claim, "opposes")
    return amap


def _centres(svg):
    """Centres of the cards' outlines in an SVG, by node title."""
    found = {}
    for title, points in re.findall(rb"<title>(n\d)</title>\s*<path[^>]* d=\"M([^\"]+)\"", svg):
        numbers = [float(v) for v in re.findall(rb"-?[\d.]+", points)]
        xs, ys = numbers[0::2], numbers[1::2]
        found[title.decode()] = ((min(xs) + max(xs)) / 2, (min(ys) + max(ys)) / 2)
    return found


def test_cards_keep_their_places_y_down():
    svg = render(arranged_map(), ExportOptions(fmt="svg", title=""))[0]
    centres = _centres(svg)
    (cx, cy), (rx, ry), (ox, oy) = centres["n0"], centres["n1"], centres["n2"]
    assert ry > cy and oy > cy                   # the premises stay below the claim
    assert rx < cx < ox                          # left and right as on the canvas
    assert abs((ox - rx) - 600) < 1 and abs((ry - cy) - 300) < 1   # the distances kept


def test_auto_asks_graphviz_for_a_fresh_layout():
    amap = arranged_map(positions=((0, 0), (2000, 0), (4000, 0)))
    arranged = _centres(render(amap, ExportOptions(fmt="svg", title=""))[0])
    fresh = _centres(render(amap, ExportOptions(fmt="svg", title="", layout="auto"))[0])
    assert abs(arranged["n2"][0] - arranged["n0"][0]) > 3000
    assert abs(fresh["n2"][0] - fresh["n0"][0]) < 1000


def test_a_map_without_positions_is_laid_out():
    amap = ArgumentMap("T")
    amap.add_node("claim", "C")
    assert b"pos=" not in render(amap, ExportOptions(fmt="dot"))[0]
    with pytest.raises(RenderError, match="no position"):
        render(amap, ExportOptions(fmt="svg", layout="arranged"))
    with pytest.raises(RenderError, match="unknown layout"):
        render(amap, ExportOptions(fmt="svg", layout="sideways"))


def test_the_arrow_meets_the_target_card():
    dot = render(arranged_map(), ExportOptions(fmt="dot", title=""))[0].decode()
    spline = re.search(r'n0 -> n1 \[[^\]]*pos="s,([-\d.]+),([-\d.]+)', dot)
    assert float(spline.group(1)) == 400 and -40 < float(spline.group(2)) < -10


def test_positions_are_checked_before_they_reach_dot():
    with pytest.raises(RenderError):
        attr_list({"pos": '1,2"]; n9 [label="x'})
    assert attr_list({"pos": "s,1.50,-2.00 3.00,4.00"}) == '[pos="s,1.50,-2.00 3.00,4.00"]'


def test_png_as_arranged_is_drawn():
    data, result = render(arranged_map(), ExportOptions(fmt="png"))
    assert data.startswith(b"\x89PNG") and result.width > 600
