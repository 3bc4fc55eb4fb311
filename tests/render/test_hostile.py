"""Hostile texts render literally in PNG, SVG and PDF and inject nothing into Graphviz."""

import shutil
import subprocess

import pytest
from render_helpers import graphviz_json, squeeze, svg_node_texts

from argmap.errors import ModelError
from argmap.model import ArgumentMap
from argmap.outputs.export import export_bytes
from argmap.render.options import ExportOptions
from argmap.render.text import ELLIPSIS

HUGE = "evidence " * 2300  # about 20 KB

HOSTILE = [
    '"a", color="red", image="/etc/hosts"',
    '<x>, shape=box, image="/etc/hosts", xlabel=<y>',
    "<b>bold</b>",
    "C:\\new\\table",
    "trailing backslash\\",
    'a\\"b',
    "\\N \\G \\l",
    "x" * 33 + "\\N",  # the wrap puts the backslash and the N on two lines
    "emoji \U0001f600 and CJK 证据与主张",
    "node",
    "GRAPH",
    "strict",
    "a:b",
    "",
]
OPTIONS = dict(legend=False, title="", headers=False)


def _hostile_map():
    m = ArgumentMap("hostile")
    ids = [m.add_node("claim", text) for text in HOSTILE]
    m.add_node("claim", HUGE)
    ids.append(m.add_node("claim", "plain"))
    m.graph.nodes[ids[-1]]["text"] = "ctl\x00char\x07s\x1b"  # bypasses the model's check
    return m


@pytest.fixture(scope="module")
def hostile():
    """The map, its DOT and its SVG, rendered once for the whole module."""
    m = _hostile_map()
    dot = export_bytes(m, ExportOptions(fmt="dot", **OPTIONS)).decode()
    svg = export_bytes(m, ExportOptions(fmt="svg", **OPTIONS))
    return m, dot, svg


def test_model_refuses_nul():
    """NUL never gets into a map through the model."""
    m = ArgumentMap()
    with pytest.raises(ModelError):
        m.add_node("claim", "a\x00b")
    node = m.add_node("claim", "ok")
    with pytest.raises(ModelError):
        m.connect(m.add_node("claim", "x"), node, "supports", note="\x00")


def test_dot_has_only_our_nodes_and_attributes(hostile):
    """Graphviz's own parser finds exactly our nodes, our attributes, and no image."""
    m, dot, _ = hostile
    data = graphviz_json(dot)
    names = [obj["name"] for obj in data["objects"]]
    assert names == [f"n{i}" for i in range(len(m))]
    expected = {
        "_gvid",
        "name",
        "label",
        "shape",
        "style",
        "fillcolor",
        "color",
        "fontcolor",
        "fontname",
        "fontsize",
        "penwidth",
        "margin",
        "pos",
        "width",
        "height",
    }
    for obj in data["objects"]:
        assert set(obj) <= expected, set(obj) - expected
        assert "image" not in obj and obj["color"] != "red"
    assert "\x00" not in dot and "\x07" not in dot


@pytest.mark.graphviz
@pytest.mark.parametrize("index", range(len(HOSTILE)))
def test_svg_shows_exact_text(hostile, index):
    """Each hostile text appears exactly (up to line wrapping) in its node's SVG text."""
    _, _, svg = hostile
    texts = svg_node_texts(svg)[f"n{index}"]
    assert squeeze("".join(texts)) == squeeze(HOSTILE[index])


@pytest.mark.graphviz
def test_svg_huge_text_is_cut_and_control_characters_dropped(hostile):
    """20 KB become a bounded card ending in an ellipsis; control characters vanish."""
    m, _, svg = hostile
    texts = svg_node_texts(svg)
    huge = squeeze("".join(texts[f"n{len(HOSTILE)}"]))
    assert huge.endswith(ELLIPSIS) and huge.startswith("evidenceevidence")
    assert 200 < len(huge) < 600
    assert "".join(texts[f"n{len(HOSTILE) + 1}"]) == "ctlchars"


@pytest.mark.graphviz
def test_svg_loads_no_image(hostile):
    """The SVG holds no image element and no reference to /etc/hosts."""
    _, _, svg = hostile
    assert b"<image" not in svg and b"xlink:href" not in svg


@pytest.mark.graphviz
def test_png_is_valid(hostile):
    """PNG output of the hostile map is a real PNG of sensible size."""
    m = hostile[0]
    data = export_bytes(m, ExportOptions(fmt="png", **OPTIONS))
    assert data.startswith(b"\x89PNG\r\n\x1a\n")
    width = int.from_bytes(data[16:20], "big")
    assert 500 < width < 32767


@pytest.mark.graphviz
@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="needs poppler-utils")
def test_pdf_shows_exact_text(hostile, tmp_path):
    """The PDF's text layer holds every hostile text (pdftotext reads it back)."""
    m = hostile[0]
    data = export_bytes(m, ExportOptions(fmt="pdf", **OPTIONS))
    assert data.startswith(b"%PDF-")
    path = tmp_path / "h.pdf"
    path.write_bytes(data)
    text = subprocess.run(
        ["pdftotext", "-enc", "UTF-8", str(path), "-"], capture_output=True, check=True
    ).stdout.decode()
    flat = squeeze(text)
    for item in HOSTILE:
        if not _has_cjk_font():
            item = "".join(ch for ch in item if not "\u4e00" <= ch <= "\u9fff")
        assert squeeze(item) in flat, item


def _has_cjk_font():
    """True when fontconfig knows a font for Chinese (else CJK is drawn as hex boxes)."""
    found = subprocess.run(["fc-list", ":lang=zh"], capture_output=True, text=True)
    return bool(found.stdout.strip())


@pytest.mark.graphviz
def test_hostile_title_speaker_and_citation():
    """Title, header and citation text are escaped like statements."""
    evil = '"a", color="red", image="/etc/hosts"'
    m = ArgumentMap(evil + " <b>\\N</b>")
    c = m.add_node("claim", "C", speaker=evil)
    m.connect(m.add_node("evidence", "E", basis="example", citation="<i>\\G</i>"), c, "supports")
    svg = export_bytes(m, ExportOptions(fmt="svg"))
    from xml.etree import ElementTree as ET

    all_text = squeeze(
        "".join(t.text or "" for t in ET.fromstring(svg).iter("{http://www.w3.org/2000/svg}text"))
    )
    assert squeeze(evil + " <b>\\N</b>") in all_text
    assert squeeze("MAIN CLAIM · " + evil) in all_text
    assert squeeze("<i>\\G</i>") in all_text
    assert b"<image" not in svg
