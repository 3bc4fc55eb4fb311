"""argmap's own text measure and card boxes against what Graphviz draws from the same label."""

import json
import os
import pathlib
import re
import subprocess
import sys

import pytest

from argmap import resources
from argmap.formats import native
from argmap.model import ArgumentMap
from argmap.render import card_box, cards, font_widths, measure
from argmap.render.dot import build_dot
from argmap.render.options import ExportOptions
from argmap.render.text import escape_html

REPO = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
SEEDED = resources.path(*resources.SEEDED_MAP)
DEJAVU = "/usr/share/fonts/truetype/dejavu"


def _variants():
    """A map of cards of every shape: headers, ratings, citations of 1-3 lines, long headers."""
    m = ArgumentMap("Variants")
    words = ["encryption", "warrant", "access", "criminals", "backdoor", "privacy"]
    for lines in range(1, 5):
        text = " ".join(words[i % len(words)] for i in range(4 * lines))
        for cites in range(4):
            extra = {"citation": " ".join(["Hill report"] * (3 * cites))} if cites else {}
            m.add_node("evidence" if cites else "claim", text, basis="statistic", **extra)
    m.add_node("claim", "Rated", rating=7, speaker="Dean Garfield, ITI")
    m.add_node("counterclaim", "Short", speaker="A speaker whose name is wider than a card " * 2)
    m.add_node("claim", "W" * 30)
    return m


def _graphviz_cards(amap, headers):
    """``{node: (width, height, [baselines from the card's top])}`` as Graphviz lays them out."""
    options = ExportOptions(title="", legend=False, headers=headers)
    dot = build_dot(amap, options)
    laid = json.loads(
        subprocess.run(
            ["dot", "-Tjson0"], input=dot.text.encode(), capture_output=True, check=True
        ).stdout
    )
    svg = subprocess.run(
        ["dot", "-Tsvg"], input=dot.text.encode(), capture_output=True, check=True
    ).stdout.decode()
    sizes = {
        obj["name"]: (float(obj["width"]) * 72, float(obj["height"]) * 72)
        for obj in laid["objects"]
    }
    found = {}
    for node, dot_id in dot.ids.items():
        group = re.search(rf"<title>{dot_id}</title>(.*?)</g>", svg, re.S).group(1)
        ys = [float(v) for v in re.findall(r'(?:points="|d="M)[^,]+,(-?[\d.]+)', group)[:1]]
        top = min(ys + [float(v) for v in re.findall(r",(-?[\d.]+)", group)])
        baselines = [float(y) - top for y in re.findall(r'<text[^>]* y="(-?[\d.]+)"', group)]
        found[node] = (*sizes[dot_id], baselines)
    return found


@pytest.mark.graphviz
@pytest.mark.parametrize("headers", [True, False])
@pytest.mark.parametrize("which", ["seeded", "variants"])
def test_card_boxes_are_the_cards_graphviz_draws(which, headers):
    """Same height, same width (at least the canvas's 240 pt), same baselines, within 0.6 pt."""
    amap = native.load(SEEDED) if which == "seeded" else _variants()
    shown = cards.cards(amap)
    for node, (width, height, baselines) in _graphviz_cards(amap, headers).items():
        box = card_box.card_box(shown[node], headers)
        assert box.height == pytest.approx(max(height, card_box.MIN_HEIGHT), abs=0.01), node
        assert box.width == pytest.approx(max(width, card_box.CARD_WIDTH), abs=1.01), node
        ours = [y for role, _, y, _ in box.lines() if role != "rating"]
        theirs = sorted(set(baselines))
        if box.height > height:  # Graphviz's card was lower than the minimum: centred in it
            theirs = [y + (box.height - height) / 2 for y in theirs]
        assert (
            len(ours) == len(theirs)
            and max(abs(a - b) for a, b in zip(sorted(ours), theirs, strict=True)) <= 0.6
        ), (node, ours, theirs)


def _seeded_lines():
    m = native.load(SEEDED)
    lines = []
    for card in cards.cards(m).values():
        shown = cards.card_text(card)
        lines += [("regular", 11, line) for line in shown.body]
        lines += [
            ("bold", 8, shown.header[0]),
            ("italic", 9, shown.citation[0]) if shown.citation else ("italic", 9, "x"),
        ]
    return lines


@pytest.mark.graphviz
def test_text_widths_are_graphviz_widths():
    """Every line of the seeded map measures within 2 pt of Graphviz's width, 0.8 pt on average
    (a plain label is rounded up to a whole point)."""
    lines = _seeded_lines()
    tags = {"regular": "{}", "bold": "<B>{}</B>", "italic": "<I>{}</I>"}
    nodes = "".join(
        f'x{i} [label=<<FONT POINT-SIZE="{size}">{tags[face].format(escape_html(text))}</FONT>>];'
        for i, (face, size, text) in enumerate(lines)
    )
    source = 'digraph { node [shape=plain, fontname="DejaVu Sans"]; ' + nodes + "}"
    laid = json.loads(
        subprocess.run(
            ["dot", "-Tjson0"], input=source.encode(), capture_output=True, check=True
        ).stdout
    )
    theirs = {obj["name"]: float(obj["width"]) * 72 for obj in laid["objects"]}
    errors = [
        measure.text_width(text, size, face) - theirs[f"x{i}"]
        for i, (face, size, text) in enumerate(lines)
    ]
    assert max(map(abs, errors)) <= 2
    assert sum(map(abs, errors)) / len(errors) <= 0.8


def test_measure_of_characters_the_font_lacks():
    """Wide characters take an em, combining marks nothing, the rest 0.6 em; faces are checked."""
    assert measure.text_width("\u8bc1\u636e", 12) == 24
    assert measure.text_width("\U0001f9e0", 9) == 12 * 0.75  # 12 px at 96 dpi
    assert measure.text_width("\u0f40\u0f74", 10) == 6  # 0.6 em (8 px), a mark (0)
    assert measure.text_width("e\u0301", 11) == measure.text_width("e", 11)  # its own: 0
    with pytest.raises(ValueError, match="unknown face"):
        measure.text_width("x", 11, "condensed")


@pytest.mark.skipif(not os.path.isdir(DEJAVU), reason="DejaVu fonts not installed")
def test_font_widths_are_what_the_fonts_say(tmp_path):
    """The kept widths are exactly what tools/font_widths.py reads from the font files."""
    out = tmp_path / "widths.py"
    subprocess.run(
        [
            sys.executable,
            os.path.join(REPO, "tools", "font_widths.py"),
            "--fonts",
            DEJAVU,
            "-o",
            str(out),
        ],
        check=True,
        capture_output=True,
    )
    assert out.read_text() == pathlib.Path(font_widths.__file__).read_text()
