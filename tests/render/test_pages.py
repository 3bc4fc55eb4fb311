"""Page-sized exports (A4, Letter, slide), backgrounds, themes, SVG fonts and PNG dpi."""

import os
import pathlib
import re
import struct
import subprocess

import pytest

from argmap import resources
from argmap.formats import native
from argmap.model import ArgumentMap, queries
from argmap.outputs import pages
from argmap.outputs.export import export_bytes, export_file
from argmap.render import look, style
from argmap.render.options import ExportOptions
from argmap.render.png import png_dpi, png_with_dpi

REPO = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
SEEDED = resources.path(*resources.SEEDED_MAP)


@pytest.fixture(scope="module")
def seeded():
    return native.load(SEEDED)


def _pdf_pages(path):
    from pypdf import PdfReader

    reader = PdfReader(str(path))
    return [
        (round(float(p.mediabox.width)), round(float(p.mediabox.height)), p.extract_text())
        for p in reader.pages
    ]


@pytest.mark.graphviz
def test_a4_pdf_of_the_seeded_map_has_pages_under_the_main_claim(seeded, tmp_path):
    """Too large for one readable A4 page, the map becomes one PDF of A4 pages, each
    showing the main claim."""
    out = tmp_path / "handout.pdf"
    result = export_file(seeded, out, ExportOptions(page="a4"))
    found = _pdf_pages(out)
    assert len(found) > 1 and result.paths == [str(out)]
    for width, height, text in found:
        assert min(width, height) in (594, 595, 596) and max(width, height) in (841, 842, 843)
        assert "MAIN CLAIM" in text
    assert not list(tmp_path.glob("handout-*"))


@pytest.mark.graphviz
@pytest.mark.parametrize("paper", ["a4", "letter"])
def test_every_paper_page_keeps_body_text_readable(seeded, paper):
    """Every A4 or Letter page of the seeded map keeps 9 pt body text, with no warning."""
    planned, warnings = pages.plan_pages(seeded, ExportOptions(page=paper, fmt="pdf"))
    assert len(planned) > 1
    assert min(p.body_pt for p in planned) >= pages.MIN_BODY_PT
    assert warnings == []


@pytest.mark.graphviz
def test_a_paper_page_wraps_its_title_and_folds_its_legend(seeded):
    """On paper the title wraps and the legend takes two rows, so they never widen a page."""
    (page, *_), _ = pages.plan_pages(seeded, ExportOptions(page="a4", fmt="pdf"))
    header = page.source.split("label=<", 1)[1]
    assert "<BR/>" in header.split("</B>", 1)[0]
    assert header.count("supports") == 1
    main = next(iter(queries.main_claims(seeded)))
    alone = pages._laid_out(
        seeded, ExportOptions(page="a4", fmt="pdf"), pages.Page({main}, page.title)
    )
    assert alone.width < 500


@pytest.mark.graphviz
def test_every_slide_keeps_body_text_readable(seeded):
    """On 16:9 slides every page of the seeded map keeps 9 pt body text, with no warning."""
    planned, warnings = pages.plan_pages(seeded, ExportOptions(page="slide", fmt="png"))
    assert len(planned) > 1
    assert min(p.body_pt for p in planned) >= pages.MIN_BODY_PT
    assert warnings == []


def _chain_map(length):
    """A main claim with one chain of *length* reasons, each under the one before."""
    amap = ArgumentMap("Chain")
    above = amap.add_node("claim", "The main claim of a long chain of reasons " * 2)
    chain = [above]
    for number in range(length):
        node = amap.add_node("claim", f"Reason {number} " + "and a longer statement " * 4)
        amap.connect(node, above, "supports")
        chain.append(node)
        above = node
    return amap, chain


@pytest.mark.graphviz
def test_a_chain_too_long_for_a_slide_goes_on_on_marked_pages(monkeypatch):
    """A chain too long for one slide is cut: the cut card says where it goes on, and the
    next page shows the main claim again with a mark back to the page it came from. Each
    page tried is laid out once in each direction."""
    amap, chain = _chain_map(9)
    tries, lay_out = [], pages._laid_out_once
    monkeypatch.setattr(
        pages,
        "_laid_out_once",
        lambda amap, options, page: (
            tries.append((frozenset(page.nodes), page.links, page.title, options.direction)),
            lay_out(amap, options, page),
        )[1],
    )
    planned, warnings = pages.plan_pages(amap, ExportOptions(page="slide", fmt="png"))
    assert len(tries) == len(set(tries))
    assert warnings == [] and len(planned) > 1
    assert all(p.body_pt >= pages.MIN_BODY_PT for p in planned)
    assert all(chain[0] in p.nodes for p in planned)
    assert set().union(*(p.nodes for p in planned)) == set(chain)
    for number, page in enumerate(planned, 1):
        for link in page.links:
            partner = planned[link.page - 1]
            kinds = {(other.node, other.kind) for other in partner.links}
            assert link.node in partner.nodes and link.page != number
            if link.kind == "continues":
                assert (link.node, "under") in kinds
                assert f'label="continued on page {link.page}"' in page.source
            else:
                assert (link.node, "continues") in kinds
                assert f'label="through page {link.page}"' in page.source
    assert sum(len(p.links) for p in planned) == 2 * (len(planned) - 1)


@pytest.mark.graphviz
def test_a_small_map_fits_one_slide_png_with_its_dpi(small_map, tmp_path):
    """A small map is one 1920x1080 slide PNG recording 144 dpi, its text at least 9 pt."""
    out = tmp_path / "slide.png"
    result = export_file(small_map, out, ExportOptions(page="slide"))
    data = out.read_bytes()
    assert struct.unpack(">II", data[16:24]) == (1920, 1080)
    assert png_dpi(data) == 144
    assert result.paths == [str(out)] and not result.warnings
    planned, _ = pages.plan_pages(small_map, ExportOptions(page="slide", fmt="png"))
    assert len(planned) == 1 and planned[0].body_pt >= 9


FONT_FAMILY = re.compile(rb'font-family="([^"]*)"')


@pytest.mark.graphviz
def test_svg_pages_are_numbered_files_naming_a_font_fallback(seeded, tmp_path):
    """A large map's slide SVGs are OUT-1.svg, OUT-2.svg ... with the font fallback list."""
    out = tmp_path / "talk.svg"
    result = export_file(seeded, out, ExportOptions(page="slide"))
    assert not out.exists()
    assert result.paths == [
        str(tmp_path / f"talk-{n}.svg") for n in range(1, len(result.paths) + 1)
    ]
    assert len(result.paths) > 1
    for path in result.paths:
        svg = pathlib.Path(path).read_bytes()
        assert b'<svg width="960pt" height="540pt"' in svg
        assert set(FONT_FAMILY.findall(svg)) == {style.FONT_FAMILIES.encode()}


@pytest.mark.graphviz
def test_plain_exports_record_dpi_and_name_fonts(small_map):
    """An ordinary PNG records its dpi; an ordinary SVG names the fallback fonts."""
    png = export_bytes(small_map, ExportOptions(fmt="png", dpi=120))
    assert png_dpi(png) == 120
    svg = export_bytes(small_map, ExportOptions(fmt="svg"))
    assert set(FONT_FAMILY.findall(svg)) == {b"DejaVu Sans, Liberation Sans, Arial, sans-serif"}


def test_png_dpi_replaces_an_old_phys_chunk():
    """Recording a dpi twice keeps one pHYs chunk with the latest value, CRCs intact."""
    import zlib

    ihdr = struct.pack(">IIBBBBB", 1, 1, 8, 0, 0, 0, 0)
    idat = zlib.compress(b"\x00\x00")

    def chunk(kind, data):
        return (
            struct.pack(">I", len(data))
            + kind
            + data
            + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)
        )

    png = b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", ihdr) + chunk(b"IDAT", idat) + chunk(b"IEND", b"")
    twice = png_with_dpi(png_with_dpi(png, 96), 300)
    assert twice.count(b"pHYs") == 1 and png_dpi(twice) == 300
    assert twice.index(b"pHYs") < twice.index(b"IDAT")


@pytest.mark.graphviz
def test_transparent_background_and_dark_theme(small_map):
    """Transparent drops the white page; dark swaps every light fill for a dark one."""
    from argmap.render.dot import build_dot

    source = build_dot(small_map, ExportOptions(title=""), set(small_map.graph), None).text
    clear = look.restyle_dot(source, "transparent", "light")
    assert 'bgcolor="transparent"' in clear and 'bgcolor="#FFFFFF"' not in clear
    dark = look.restyle_dot(source, "white", "dark")
    for light in ("#FFFFFF", "#DCEBFA", "#FBE3CF", "#0B1F33"):
        assert f'"{light}"' not in dark
    assert 'bgcolor="#1B1E23"' in dark
    png = export_bytes(small_map, ExportOptions(fmt="png", background="transparent"))
    assert png[25] == 6  # colour type RGBA


def test_dark_theme_leaves_map_text_alone():
    """A colour written in a map's text (escaped by the writer) is not recoloured."""
    text = 'label=<<B>COLOR=&quot;#FFFFFF&quot;</B>> fillcolor="#DCEBFA"'
    assert (
        look.restyle_dot(text, "white", "dark")
        == 'label=<<B>COLOR=&quot;#FFFFFF&quot;</B>> fillcolor="#1B3350"'
    )


@pytest.mark.graphviz
def test_cli_export_page_writes_numbered_pngs(tmp_path):
    """argmap export --page slide -o OUT.png writes OUT-1.png ... and names them."""
    import sys

    out = tmp_path / "deck.png"
    result = subprocess.run(
        [
            sys.executable,
            "main.py",
            "export",
            SEEDED,
            "-o",
            str(out),
            "--page",
            "slide",
            "--theme",
            "dark",
        ],
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    first = tmp_path / "deck-1.png"
    assert f"wrote {first}" in result.stdout and first.is_file()
    assert png_dpi(first.read_bytes()) == 144


def test_page_export_refuses_dot_and_unknown_pages(small_map, tmp_path):
    """DOT has no page, and an unknown page name is a RenderError."""
    from argmap.errors import RenderError

    with pytest.raises(RenderError, match="PNG, SVG or PDF"):
        export_file(small_map, tmp_path / "x.dot", ExportOptions(page="a4"))
    with pytest.raises(RenderError, match="unknown page"):
        export_file(small_map, tmp_path / "x.pdf", ExportOptions(page="a3"))


@pytest.mark.graphviz
@pytest.mark.parametrize("paper", ["a4", "slide"])
def test_co_premises_stay_on_one_page(seeded, paper):
    """Premises that bear on a claim only together are drawn together wherever the
    claim they bear on is drawn with one of them."""
    groups = {}
    for premise, target, edge in seeded.graph.edges(data=True):
        if edge.get("group") is not None:
            groups.setdefault((target, edge["group"]), set()).add(premise)
    assert any(len(members) > 1 for members in groups.values())
    planned, _ = pages.plan_pages(seeded, ExportOptions(page=paper, fmt="png"))
    assert len(planned) > 1
    for page in planned:
        for (target, _), members in groups.items():
            if target in page.nodes and members & page.nodes:
                assert members <= page.nodes, (page.title, members - page.nodes)


def _small_pages_only(monkeypatch, most):
    """Pages hold at most *most* nodes, whatever Graphviz says of their text."""
    monkeypatch.setattr(
        pages._Planner, "readable", lambda self, nodes, links, first=True: len(nodes) <= most
    )


@pytest.mark.graphviz
def test_a_circle_of_claims_is_cut_once_and_planning_ends(monkeypatch):
    """A file may hold a circle of claims under the main claim: each card is cut at most
    once, so the pages end and every claim is on one of them."""
    amap, chain = _chain_map(5)
    amap.connect(chain[1], chain[5], "supports")  # the first reason also bears on the last
    _small_pages_only(monkeypatch, 3)
    planned, _ = pages.plan_pages(amap, ExportOptions(page="slide", fmt="png"))
    assert set().union(*(p.nodes for p in planned)) == set(chain)
    cut = [link.node for p in planned for link in p.links if link.kind == "continues"]
    assert len(cut) == len(set(cut))


@pytest.mark.graphviz
def test_co_premises_one_backing_the_other_too_large_for_a_page_are_drawn_together(monkeypatch):
    """Co-premises with nothing below them but each other, on a page too small for them
    and the claims above, are drawn together on one page (there is nothing to cut)."""
    amap = ArgumentMap("Co-premises")
    main = amap.add_node("claim", "Main claim")
    reason = amap.add_node("claim", "A reason")
    aside = amap.add_node("claim", "Another reason for it")
    first = amap.add_node("claim", "First co-premise")
    second = amap.add_node("claim", "Second co-premise")
    amap.connect(reason, main, "supports")
    amap.connect(aside, reason, "supports")
    amap.connect(first, reason, "supports", group="g")
    amap.connect(second, reason, "supports", group="g")
    amap.connect(second, first, "supports")  # the second also backs the first
    monkeypatch.setattr(pages, "MIN_BODY_PT", 100.0)  # the whole map is too small to read
    _small_pages_only(monkeypatch, 3)
    planned, _ = pages.plan_pages(amap, ExportOptions(page="slide", fmt="png"))
    assert [set(p.nodes) for p in planned] == [{main, reason, aside}, {main, reason, first, second}]


@pytest.mark.graphviz
def test_continued_names_the_first_page_the_line_goes_on(monkeypatch):
    """When a cut card's premises need several pages, its mark names the first of them."""
    amap, chain = _chain_map(4)
    for branch in range(2):
        above = chain[-1]
        for step in range(3):
            node = amap.add_node("claim", f"Branch {branch} step {step}")
            amap.connect(node, above, "supports")
            above = node
    _small_pages_only(monkeypatch, 6)
    planned, _ = pages.plan_pages(amap, ExportOptions(page="slide", fmt="png"))
    for _number, page in enumerate(planned, 1):
        for link in page.links:
            if link.kind == "continues":
                later = [
                    n
                    for n, other in enumerate(planned, 1)
                    if (link.node, "under") in {(x.node, x.kind) for x in other.links}
                ]
                assert len(later) > 1 and link.page == min(later)
