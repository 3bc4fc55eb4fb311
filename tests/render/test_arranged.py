"""Exporting a map as arranged in the editor: cards where the user put them.

The SVG is argmap's own (no Graphviz run); PNG and PDF are Graphviz's drawing of
the same cards, sizes and curves.
"""

import math
import re

import defusedxml.ElementTree as DET
import pytest
from render_helpers import SVG

from argmap.errors import RenderError
from argmap.model import ArgumentMap
from argmap.outputs.export import export_bytes
from argmap.render import drawing, look, style
from argmap.render.arranged import arrange
from argmap.render.dot import attr_list
from argmap.render.drawing import render
from argmap.render.options import ExportOptions

pytestmark = pytest.mark.graphviz


def arranged_map(positions=((400, 0), (100, 300), (700, 300))):
    amap = ArgumentMap("Arranged")
    claim = amap.add_node("claim", "Keep encryption strong", pos=positions[0])
    reason = amap.add_node("claim", "It protects journalists", pos=positions[1])
    objection = amap.add_node("counterclaim", "Criminals hide behind it", pos=positions[2])
    amap.connect(reason, claim, "supports")
    amap.connect(objection, claim, "opposes")
    return amap


def crossed_map():
    """Cards above, below, beside and far from one another; evidence, ratings, a strong link."""
    amap = ArgumentMap("Crossed")
    main = amap.add_node("claim", "The main claim of a small map", pos=(0, 0), rating=8)
    spots = [(-400, 260), (420, 240), (650, 10), (-700, -30), (30, 520), (-380, 700)]
    nodes = [
        amap.add_node(
            kind,
            f"Premise {i} with a statement long enough to wrap twice across the card",
            pos=spot,
        )
        for i, (kind, spot) in enumerate(
            zip(
                ["claim", "counterclaim", "evidence", "claim", "evidence", "counterclaim"],
                spots,
                strict=True,
            )
        )
    ]
    amap.connect(nodes[0], main, "supports", strength=0.9)
    amap.connect(nodes[1], main, "opposes")
    amap.connect(nodes[2], main, "supports")
    amap.connect(nodes[3], main, "supports")
    amap.connect(nodes[4], nodes[0], "supports")
    amap.connect(nodes[5], nodes[1], "opposes")
    amap.connect(nodes[4], nodes[1], "opposes")
    return amap


# ------------------------------------------------------------ reading argmap's SVG
def _numbers(text):
    return [float(v) for v in re.findall(r"-?\d+(?:\.\d+)?", text)]


def path_points(d):
    """Every point an SVG path's commands (M L H V C Z, absolute or relative) pass through or
    pull to."""
    points, x, y, start = [], 0.0, 0.0, (0.0, 0.0)
    for command, args in re.findall(r"([MLHVCZmlhvcz])([^MLHVCZmlhvcz]*)", d):
        values, kind = _numbers(args), command.upper()
        ox, oy = (x, y) if command.islower() else (0.0, 0.0)
        if kind == "Z":
            x, y = start
        elif kind == "H":
            x = ox + values[-1]
        elif kind == "V":
            y = oy + values[-1]
        elif kind == "C":
            for i in range(0, len(values), 6):
                ox, oy = (x, y) if command.islower() else (0.0, 0.0)
                triple = [(ox + values[j], oy + values[j + 1]) for j in range(i, i + 6, 2)]
                points.extend(triple[:2])
                x, y = triple[2]
        else:  # M and L: each pair moves the pen
            for i in range(0, len(values), 2):
                ox, oy = (x, y) if command.islower() else (0.0, 0.0)
                x, y = ox + values[i], oy + values[i + 1]
                points.append((x, y))
            start = (x, y) if kind == "M" else start
            continue
        if kind != "C" or values:
            points.append((x, y))
    return points


def _box(points):
    xs, ys = [p[0] for p in points], [p[1] for p in points]
    return min(xs), min(ys), max(xs), max(ys)


def parse(svg):
    """Return ``(root, cards, edges)`` of argmap's SVG: cards ``{title: (box, [(font size or
    'body', text)])}`` and edges
    ``{title: (curve points, arrow tip)}``, in the drawing group's coordinates (a tee's stem and a
    triangle both start at the tip)."""
    root = DET.fromstring(svg)
    graph = next(g for g in root.iter(SVG + "g") if g.get("class") == "graph")
    cards, edges = {}, {}
    for group in graph.iter(SVG + "g"):
        title = group.find(SVG + "title").text if group.find(SVG + "title") is not None else None
        paths = [p.get("d") for p in group.findall(SVG + "path")]
        if group.get("class") == "node":
            texts = [
                (t.get("font-size", "body"), t.text or "") for t in group.findall(SVG + "text")
            ]
            cards[title] = (_box(path_points(paths[0])), texts)
        elif group.get("class") == "edge":
            edges[title] = (path_points(paths[0]), path_points(paths[-1])[0])
    return root, cards, edges


def translation(root):
    graph = next(g for g in root.iter(SVG + "g") if g.get("class") == "graph")
    dx, dy = _numbers(re.search(r"translate\(([^)]*)\)", graph.get("transform")).group(1))
    return dx, dy


def _on_border(point, box, tolerance=0.01):
    (x, y), (left, top, right, bottom) = point, box
    inside = (
        left - tolerance <= x <= right + tolerance and top - tolerance <= y <= bottom + tolerance
    )
    edge = min(abs(x - left), abs(x - right), abs(y - top), abs(y - bottom))
    return inside and edge <= tolerance


# ------------------------------------------------------------------------- tests
def test_svg_card_centres_are_the_editor_positions():
    """Every card is centred on its editor position (y down, as in the editor), within 0.5 pt."""
    amap = crossed_map()
    svg, result = render(amap, ExportOptions(fmt="svg"))
    root, cards, _ = parse(svg)
    ids = arrange(amap, ExportOptions(), set(amap.graph)).ids
    assert set(cards) == set(ids.values())
    for node, dot_id in ids.items():
        left, top, right, bottom = cards[dot_id][0]
        x, y = amap.graph.nodes[node]["pos"]
        assert abs((left + right) / 2 - x) <= 0.5 and abs((top + bottom) / 2 - y) <= 0.5
    dx, dy = translation(root)
    width, height = _numbers(root.get("viewBox"))[2:]
    for (left, top, right, bottom), _ in cards.values():  # all of it on the page
        assert left + dx > 0 and right + dx < width and top + dy > 0 and bottom + dy < height
    assert result.summary == f"svg, {round(width)}x{round(height)} pt"


def test_every_node_and_edge_is_drawn_and_edges_meet_card_borders():
    """One card per node, one edge per link; each curve leaves the premise's card at its border
    and its arrowhead's tip touches the target's card."""
    amap = crossed_map()
    _, cards, edges = parse(render(amap, ExportOptions(fmt="svg"))[0])
    ids = arrange(amap, ExportOptions(), set(amap.graph)).ids
    assert len(cards) == len(amap.graph) and len(edges) == amap.graph.number_of_edges()
    for premise, target in amap.graph.edges:
        curve, tip = edges[f"{ids[target]}->{ids[premise]}"]
        assert _on_border(curve[0], cards[ids[premise]][0])
        assert _on_border(tip, cards[ids[target]][0])
        assert math.dist(curve[-1], tip) <= 8.01  # the curve ends at the arrowhead


def test_svg_is_valid_and_names_fonts_with_a_viewbox_in_points():
    svg = render(arranged_map(), ExportOptions(fmt="svg"))[0]
    root = DET.fromstring(svg)
    assert root.tag == SVG + "svg"
    width, height = root.get("width"), root.get("height")
    assert width.endswith("pt") and height.endswith("pt")
    assert _numbers(root.get("viewBox")) == [0, 0, float(width[:-2]), float(height[:-2])]
    assert root.get("font-family") == style.FONT_FAMILIES


def test_svg_as_arranged_runs_no_graphviz(monkeypatch):
    def refuse(*args, **kwargs):
        raise AssertionError("Graphviz was run")

    monkeypatch.setattr(drawing, "run_graphviz", refuse)
    assert render(arranged_map(), ExportOptions(fmt="svg"))[0].startswith(b"<?xml")
    with pytest.raises(AssertionError, match="Graphviz was run"):
        render(arranged_map(), ExportOptions(fmt="svg", layout="auto"))


HOSTILE = "<script>alert(\"x\")</script> & 'quotes' ]]> <![CDATA[ a\x00b\x07c\x1b\ufffe"


def test_hostile_text_is_shown_literally():
    """Statement, speaker, citation and title full of markup come out as text, parsed safely."""
    amap = ArgumentMap(HOSTILE.replace("\x00", ""))  # the model refuses NUL
    claim = amap.add_node("claim", "Plain claim", pos=(0, 0))
    evidence = amap.add_node(
        "evidence",
        "placeholder",
        pos=(0, 200),
        citation="<b>&amp;</b>",
        speaker='"><svg onload=alert(1)>',
    )
    amap.graph.nodes[evidence]["text"] = HOSTILE  # past the model's checks, as a broken file
    amap.connect(evidence, claim, "supports")
    svg = render(amap, ExportOptions(fmt="svg"))[0]
    assert b"<script" not in svg and b"<![CDATA[" not in svg and b"<b>" not in svg
    root, cards, _ = parse(svg)
    texts = cards["n1"][1]
    shown = "".join(text for size, text in texts if size == "body")
    expected = "<script>alert(\"x\")</script> & 'quotes' ]]> <![CDATA[ abc"
    assert "".join(shown.split()) == "".join(expected.split())
    assert ("9", "<b>&amp;</b>") in texts  # the citation
    assert ("8", 'EVIDENCE \u00b7 "><svg onload=alert(1)>') in texts  # the header
    title = root.find(SVG + "title").text
    heading = [t.text for t in root.iter(SVG + "text") if t.get("font-size") == "18"]
    assert title == heading[0] == expected


def test_background_and_theme_are_honoured():
    light = render(arranged_map(), ExportOptions(fmt="svg"))[0].decode()
    dark = render(arranged_map(), ExportOptions(fmt="svg", theme="dark"))[0].decode()
    clear = render(arranged_map(), ExportOptions(fmt="svg", background="transparent"))[0].decode()
    assert 'class="background"' in light and 'fill="#FFFFFF"' in light
    assert 'class="background"' not in clear
    assert f'fill="{look.DARK["#FFFFFF"]}"' in dark
    for colour in ("#FFFFFF", "#CFE2F8", "#DCEBFA", "#FBE3CF", "#0B1F33", "#2E7D32"):
        assert colour in light and colour not in dark
    with pytest.raises(RenderError, match="unknown theme"):
        render(arranged_map(), ExportOptions(fmt="svg", theme="sepia"))


def test_colouring_by_evaluation_and_no_headers():
    """Cards take their label's colours and the legend names the labels; headers can be left off."""
    from argmap.render.style import LABEL_STYLE

    amap = arranged_map()
    svg = export_bytes(amap, ExportOptions(fmt="svg", color_by="evaluation", headers=False))
    root, cards, _ = parse(svg)
    fills = {
        g.find(SVG + "title").text: g.find(SVG + "path").get("fill")
        for g in root.iter(SVG + "g")
        if g.get("class") == "node"
    }
    assert fills == {
        "n0": LABEL_STYLE["out"]["fill"],
        "n1": LABEL_STYLE["in"]["fill"],
        "n2": LABEL_STYLE["in"]["fill"],
    }
    legend = {t.text for t in root.iter(SVG + "text") if t.get("font-size") == "9"}
    assert {"Accepted", "Defeated", "Undecided"} <= legend and "Main claim" not in legend
    assert all(size == "body" for _, texts in cards.values() for size, _ in texts)


def test_the_title_is_centred_over_the_drawing():
    amap = arranged_map(positions=((0, 0), (3000, 300), (6000, 300)))
    root = DET.fromstring(render(amap, ExportOptions(fmt="svg"))[0])
    title = next(t for t in root.iter(SVG + "text") if t.text == "Arranged")
    width = _numbers(root.get("viewBox"))[2]
    assert title.get("text-anchor") == "middle" and float(title.get("x")) == pytest.approx(
        width / 2
    )


def test_png_and_pdf_draw_the_same_cards_and_curves_as_the_svg():
    """The DOT Graphviz draws PNG and PDF from holds the SVG's card sizes and edge tips."""
    amap = crossed_map()
    _, cards, edges = parse(render(amap, ExportOptions(fmt="svg"))[0])
    dot = render(amap, ExportOptions(fmt="dot"))[0].decode()
    for dot_id, ((left, top, right, bottom), _) in cards.items():
        line = re.search(rf"^{dot_id} \[.*$", dot, re.M).group(0)
        x, y = _numbers(re.search(r'pos="([^"]*)"', line).group(1))
        width = float(re.search(r'[ ,]width="([^"]*)"', line).group(1)) * 72
        height = float(re.search(r'[ ,]height="([^"]*)"', line).group(1)) * 72
        assert 'fixedsize="true"' in line
        assert abs(width - (right - left)) < 0.01 and abs(height - (bottom - top)) < 0.01
        assert (x, -y) == pytest.approx(((left + right) / 2, (top + bottom) / 2), abs=0.01)
    for title, (_, tip) in edges.items():
        tail, head = title.split("->")
        dot_tip = _numbers(re.search(rf'^{tail} -> {head} .*pos="s,([^ "]*)', dot, re.M).group(1))
        assert (dot_tip[0], -dot_tip[1]) == pytest.approx(tip, abs=0.01)
    png, result = render(amap, ExportOptions(fmt="png"))
    assert png.startswith(b"\x89PNG") and result.width > 1500
    assert render(amap, ExportOptions(fmt="pdf"))[0].startswith(b"%PDF-")


def test_auto_asks_graphviz_for_a_fresh_layout():
    amap = arranged_map(positions=((0, 0), (2000, 0), (4000, 0)))
    _, arranged, _ = parse(render(amap, ExportOptions(fmt="svg", title=""))[0])
    fresh = render(amap, ExportOptions(fmt="svg", title="", layout="auto"))[0]
    assert b"Generated by graphviz" in fresh
    assert arranged["n2"][0][0] - arranged["n0"][0][0] == pytest.approx(4000)
    xs = [float(v) for v in re.findall(rb'<text text-anchor="start" x="([-\d.]+)"', fresh)]
    assert max(xs) - min(xs) < 1000


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


@pytest.mark.parametrize("pos", [(float("nan"), 0), (0, float("inf")), (2e9, 0), ("x", 0), (1,)])
def test_a_broken_position_is_refused(pos):
    amap = arranged_map()
    amap.graph.nodes[next(iter(amap.graph))]["pos"] = pos  # past the model's checks
    for fmt in ("svg", "dot"):
        with pytest.raises(RenderError, match="position"):
            render(amap, ExportOptions(fmt=fmt))


def test_positions_are_checked_before_they_reach_dot():
    with pytest.raises(RenderError):
        attr_list({"pos": '1,2"]; n9 [label="x'})
    assert attr_list({"pos": "s,1.50,-2.00 3.00,4.00"}) == '[pos="s,1.50,-2.00 3.00,4.00"]'


def test_png_as_arranged_is_drawn():
    data, result = render(arranged_map(), ExportOptions(fmt="png"))
    assert data.startswith(b"\x89PNG") and result.width > 600
