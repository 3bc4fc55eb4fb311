"""The debate brief: its model on the seeded map, and its Markdown, HTML and DOCX writers."""

import base64
import io
import re
import sys

import pytest

from argmap import resources
from argmap.errors import AnalysisError, MissingDependencyError
from argmap.formats import load_map
from argmap.model import ArgumentMap
from argmap.outputs.brief import build_brief, tag_of
from argmap.outputs.brief_files import brief_format, write_brief
from argmap.outputs.brief_html import brief_html
from argmap.outputs.brief_md import brief_markdown

SEEDED = resources.path(*resources.SEEDED_MAP)


@pytest.fixture(scope="module")
def seeded():
    return load_map(SEEDED)


@pytest.fixture(scope="module")
def pro(seeded):
    return build_brief(seeded, "pro", picture=False)


def hostile_map():
    """A map whose texts are markup and Markdown, to check escaping."""
    m = ArgumentMap("<script>alert(1)</script>")
    m.documents["d"] = {"id": "d", "title": "<b>Doc</b>", "text": "say <img src=x> & *go*"}
    main = m.add_node(
        "claim", "<img src=x onerror=alert(1)> *bold* [link](http://x)", speaker="<i>me</i>"
    )
    ev = m.add_node(
        "evidence",
        "E",
        sources=[{"doc": "d", "start": 0, "end": 22, "quote": "say <img src=x> & *go*"}],
    )
    obj = m.add_node("counterclaim", "</div><h1>no</h1>")
    m.connect(ev, main, "supports")
    m.connect(obj, main, "opposes")
    return m


def test_pro_case_lines_attacks_and_cards(pro):
    """Pro's case holds its three lines; the attacks name n16 and n23 as unanswered."""
    side = pro.sides[0]
    assert side.side == "pro" and [s.side for s in pro.sides] == ["pro"]
    assert [line.cards[0].node for line in side.case] == ["n2", "n7", "n9"]
    status = {a.card.node: a.status for a in side.attacks}
    assert status == {
        "n15": "contested",
        "n16": "unanswered",
        "n18": "answered",
        "n21": "answered",
        "n23": "unanswered",
        "n6": "unanswered",
    }
    n4 = next(c for c in side.case[0].cards if c.node == "n4")
    assert (
        n4.tag == "The Nov. 13 terror attacks in Paris killed 130 people and wounded hundreds more."
    )
    assert n4.quotes[0].text.startswith("following the Nov. 13 terror attacks in Paris")
    assert n4.cite.startswith("The Hill (reporter) — News report")
    n11 = next(c for c in side.case[1].cards if c.node == "n11")
    assert n11.inferred.startswith("Mapper's inference") and n11.quotes == []


def test_concessions_follow_what_granting_costs(pro):
    """Pro must not grant n16 (it costs the main claim) but may grant n20, a bare fact."""
    side = pro.sides[0]
    hold = {p.node: p.effect for p in side.hold}
    assert hold["n16"] == "granting it costs you your position"
    assert hold["n14"] == "losing it frees the other side's n18"
    assert "n20" in {p.node for p in side.concede}
    assert not {p.node for p in side.concede} & {"n15", "n16", "n18", "n21", "n6", "n23"}


def test_con_side_expects_the_pro_lines(seeded):
    """Con's attacks include pro's supports of the main claim; its case is the objections."""
    side = build_brief(seeded, "con", picture=False).sides[0]
    assert {"n2", "n7", "n9"} <= {a.card.node for a in side.attacks}
    assert {line.cards[0].node for line in side.case} == {"n15", "n18", "n21"}
    assert side.position.startswith("Against: ")
    assert "n1" not in {p.node for p in side.hold + side.concede}


def test_both_sides_label_each_what_if_once(seeded, monkeypatch):
    """A brief of both sides labels the map no more often than a brief of one side."""
    from argmap.analysis import acceptance

    calls = []
    real = acceptance.grounded_labels
    monkeypatch.setattr(acceptance, "grounded_labels", lambda *args: calls.append(1) or real(*args))
    build_brief(seeded, "pro", picture=False)
    one_side = len(calls)
    calls.clear()
    build_brief(seeded, "both", picture=False)
    assert one_side > 1 and len(calls) == one_side


def test_markdown_has_cards_and_escapes(pro):
    """Markdown sets tags bold, quotes as block quotes, and escapes markup from the map."""
    text = brief_markdown(pro)
    assert (
        "**The Nov. 13 terror attacks in Paris killed 130 people and wounded hundreds "
        "more.** [IN, n4]" in text
    )
    assert "> “following the Nov. 13 terror attacks" in text
    assert "Attack 2 (**UNANSWERED**)" in text and "*INFERRED point:*" in text
    hostile = brief_markdown(build_brief(hostile_map(), "both", picture=False))
    assert not re.search(r"(?<!\\)<", hostile)
    assert r"\<img src=x onerror=alert(1)\> \*bold\* \[link\](http://x)" in hostile


def test_html_is_escaped_and_self_contained():
    """No tag from the map reaches the HTML; the only image is the embedded PNG."""
    page = brief_html(build_brief(hostile_map(), "both", picture=False))
    assert "<script>" not in page and "<img src=x" not in page and "<h1>no</h1>" not in page
    assert "&lt;img src=x onerror=alert(1)&gt;" in page
    assert not re.search(r"(src|href)=\"(?!data:)", page)


@pytest.mark.graphviz
def test_html_embeds_the_exported_picture(seeded, tmp_path):
    """The HTML embeds the very PNG that export draws when colouring by evaluation."""
    from argmap.analysis.acceptance import grounded_labels
    from argmap.outputs.export import export_file
    from argmap.render.options import ExportOptions

    path = tmp_path / "b.html"
    assert write_brief(seeded, path, "pro") == [str(path)]
    export_file(
        seeded,
        tmp_path / "map.png",
        ExportOptions(color_by="evaluation", labels=grounded_labels(seeded)),
    )
    found = re.search(r'src="data:image/png;base64,([^"]+)"', path.read_text())
    assert base64.b64decode(found.group(1)) == (tmp_path / "map.png").read_bytes()


def test_docx_cards_read_back(pro):
    """Read back with python-docx: the tag run is bold, the cite italic, the quote follows."""
    import docx

    from argmap.outputs.brief_docx import brief_docx

    document = docx.Document(io.BytesIO(brief_docx(pro)))
    paragraphs = document.paragraphs
    at = next(
        i
        for i, p in enumerate(paragraphs)
        if p.runs and p.runs[0].text.startswith("The Nov. 13 terror attacks")
    )
    tag, cite, quote = paragraphs[at : at + 3]
    assert tag.runs[0].bold and not tag.runs[1].bold
    assert cite.runs[0].italic and cite.text.startswith("The Hill (reporter)")
    assert quote.text.startswith("“following the Nov. 13 terror attacks in Paris")
    headings = [p.text for p in paragraphs if p.style.name.startswith("Heading")]
    assert "Attack 2 (UNANSWERED)" in headings and "You must not concede" in headings
    assert "Weak spots" in headings


def test_missing_python_docx_is_a_typed_error(monkeypatch, tmp_path, seeded):
    """Without python-docx the brief command fails with the install hint and writes nothing."""
    monkeypatch.setitem(sys.modules, "docx", None)
    with pytest.raises(MissingDependencyError, match=r"pip install 'argmap\[docx\]'"):
        write_brief(seeded, tmp_path / "b.docx", "pro", picture=False)
    assert not (tmp_path / "b.docx").exists()


def test_format_side_and_overwrite_checks(tmp_path, seeded):
    """Unknown suffixes and sides are refused; an existing file needs overwrite."""
    assert brief_format("x.HTML") == "html" and brief_format("x.md") == "md"
    with pytest.raises(AnalysisError, match="format"):
        brief_format("x.pdf")
    with pytest.raises(AnalysisError, match="side"):
        build_brief(seeded, "neutral")
    path = tmp_path / "b.md"
    path.write_text("keep")
    with pytest.raises(AnalysisError, match="already exists"):
        write_brief(seeded, path, "pro", picture=False)
    assert path.read_text() == "keep"
    assert write_brief(seeded, path, "pro", picture=False, overwrite=True) == [str(path)]
    assert path.read_text().startswith("# Debate brief")


@pytest.mark.parametrize("name", ["b.md", "b.map.png"])
def test_a_dangling_link_in_the_way_is_refused_not_followed(tmp_path, seeded, name):
    """A symbolic link to nowhere where the brief or its picture goes counts as a file."""
    elsewhere = tmp_path / "elsewhere"
    (tmp_path / name).symlink_to(elsewhere)
    with pytest.raises(AnalysisError, match="already exists"):
        write_brief(seeded, tmp_path / "b.md", "pro")
    assert not elsewhere.exists() and not (tmp_path / "b.md").is_file()


def test_tag_is_one_short_line():
    """A tag is the first sentence, never past 150 characters, abbreviations kept whole."""
    assert tag_of("The U.S. signed it. Then more.") == "The U.S. signed it."
    long = tag_of("word " * 80)
    assert len(long) <= 150 and long.endswith("…") and "\n" not in long
