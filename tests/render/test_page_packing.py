"""Pages that fill: lines of argument share pages, small maps stay on one page, and the
pages after the first carry a small title and legend."""

import random
import re

import pytest

from argmap import resources
from argmap.formats import native
from argmap.model import ArgumentMap
from argmap.outputs import pages
from argmap.render import style
from argmap.render.options import ExportOptions

VOCABULARY = (
    "keys police court data users law risk cost trust phones banks spies warrant "
    "access privacy crime security tools vendors safety"
)


def _statement(rng, words):
    vocabulary = VOCABULARY.split()
    return " ".join(rng.choice(vocabulary) for _ in range(words)).capitalize() + "."


def generated_map(cards, lines, words, chains=True, seed=3):
    """A map of *cards* cards: a main claim, *lines* premises of it (supports and objections
    in turn), and the other cards shared among the lines in turn, each statement *words*
    words long. With *chains* each line grows as a chain (claims, then evidence); without,
    every other card is evidence straight under a line's premise."""
    rng = random.Random(seed)
    amap = ArgumentMap("Should the law require warrant-based access to encrypted data?")
    main = amap.add_node("claim", _statement(rng, words))
    ends = []
    for number in range(lines):
        kind, relation = ("claim", "supports") if number % 2 == 0 else ("counterclaim", "opposes")
        node = amap.add_node(kind, _statement(rng, words))
        amap.connect(node, main, relation)
        ends.append(node)
    tops = list(ends)
    for number in range(cards - 1 - lines):
        kind = "claim" if chains and number < lines else "evidence"
        node = amap.add_node(kind, _statement(rng, words))
        line = number % lines
        amap.connect(node, ends[line] if chains else tops[line], "supports")
        if chains:
            ends[line] = node
    return amap


@pytest.fixture(scope="module")
def seeded():
    return native.load(resources.path(*resources.SEEDED_MAP))


@pytest.mark.graphviz
@pytest.mark.parametrize("paper", ["a4", "letter", "slide"])
def test_the_seeded_map_shares_three_pages(seeded, paper):
    """The 23 cards of the seeded map share at most three pages (A4, Letter or slides),
    every card on one of them, every page readable."""
    planned, warnings = pages.plan_pages(seeded, ExportOptions(page=paper, fmt="pdf"))
    assert 1 < len(planned) <= 3, [len(p.nodes) for p in planned]
    assert set().union(*(p.nodes for p in planned)) == set(seeded.graph)
    assert min(p.body_pt for p in planned) >= pages.MIN_BODY_PT == 8
    assert warnings == []


@pytest.mark.graphviz
@pytest.mark.parametrize("paper", ["a4", "letter"])
def test_a_map_of_25_short_cards_fits_one_page_at_8_pt(paper):
    """25 cards of short statements (six words) fit one A4 or Letter page at 8 pt or more."""
    amap = generated_map(25, 8, 6)
    planned, warnings = pages.plan_pages(amap, ExportOptions(page=paper, fmt="pdf"))
    assert len(amap.graph) == 25
    assert len(planned) == 1 and planned[0].body_pt >= 8
    assert warnings == []


@pytest.mark.graphviz
def test_a_map_of_12_cards_fits_one_a4_page():
    """A main claim with six lines of argument, five of them with evidence (12 cards of
    sixteen-word statements), is one A4 page."""
    amap = generated_map(12, 6, 16, chains=False)
    planned, warnings = pages.plan_pages(amap, ExportOptions(page="a4", fmt="pdf"))
    assert len(amap.graph) == 12
    assert len(planned) == 1 and planned[0].body_pt >= 8
    assert warnings == []


def _header_sizes(source):
    """The type sizes of the title and of the legend in a page's DOT."""
    header = source.split("label=<", 1)[1].split("];", 1)[0]
    title = re.search(r'<FONT POINT-SIZE="([\d.]+)" COLOR="#0B1F33"><B>', header)
    legend = set(re.findall(r'<FONT POINT-SIZE="([\d.]+)" COLOR="[^"]*">Main claim<', header))
    return float(title.group(1)), {float(size) for size in legend}


@pytest.mark.graphviz
@pytest.mark.parametrize("paper", ["a4", "slide"])
def test_pages_after_the_first_have_a_small_title_and_legend(seeded, paper):
    """The first page has the title and legend at full size; every later page has them
    small, and its title still names the page."""
    planned, _ = pages.plan_pages(seeded, ExportOptions(page=paper, fmt="pdf"))
    assert len(planned) > 1
    first, *later = planned
    assert _header_sizes(first.source) == (style.TITLE_FONT_SIZE, {style.LEGEND_FONT_SIZE})
    for number, page in enumerate(later, 2):
        assert _header_sizes(page.source) == (
            style.SMALL_TITLE_FONT_SIZE,
            {style.SMALL_LEGEND_FONT_SIZE},
        )
        assert f"({number}/{len(planned)})" in page.source


def _pages_of_at_most(monkeypatch, most):
    """Pages hold at most *most* nodes, whatever Graphviz says of their text."""
    monkeypatch.setattr(
        pages._Planner, "readable", lambda self, nodes, links, first=True: len(nodes) <= most
    )


def test_lines_of_argument_join_the_first_page_with_room(monkeypatch):
    """Each line of argument joins the first page that still has room for it, in the
    order of the map, and starts a page only when none has."""
    _pages_of_at_most(monkeypatch, 5)
    planner = pages._Planner(ArgumentMap("Lines"), ExportOptions(page="a4"), set(), "")
    sets = [({"m", "a", "b"}, ()), ({"m", "c", "d", "e"}, ()), ({"m", "f"}, ()), ({"m", "g"}, ())]
    assert [nodes for nodes, _ in planner.pack(sets)] == [
        {"m", "a", "b", "f", "g"},
        {"m", "c", "d", "e"},
    ]


def test_the_two_ends_of_a_mark_stay_on_different_pages(monkeypatch):
    """A page cut from a chain never joins the page its mark points back to, so that
    'continued on page N' and 'through page N' always name another page."""
    _pages_of_at_most(monkeypatch, 100)
    planner = pages._Planner(ArgumentMap("Marks"), ExportOptions(page="a4"), set(), "")
    cut = ({"m", "a", "b"}, (pages.Link("b", "continues"),))
    rest = ({"m", "b", "c"}, (pages.Link("b", "under", "m"),))
    other = ({"m", "d"}, ())
    packed = pages._numbered(planner.pack([cut, rest, other]))
    assert [nodes for nodes, _ in packed] == [{"m", "a", "b", "d"}, {"m", "b", "c"}]
    assert [link.page for _, links in packed for link in links] == [2, 1]


def test_a_page_without_room_is_not_tried_again_with_as_many_cards(monkeypatch):
    """A page that had no room for three new cards is not laid out again with three
    more, but still takes one."""
    tried = []
    monkeypatch.setattr(
        pages._Planner,
        "readable",
        lambda self, nodes, links, first=True: tried.append(set(nodes)) or len(nodes) <= 5,
    )
    planner = pages._Planner(ArgumentMap("Room"), ExportOptions(page="a4"), set(), "")
    sets = [({"m", *part}, ()) for part in ("abc", "def", "ghi", "j")]
    packed = planner.pack(sets)
    assert [nodes for nodes, _ in packed] == [set("mabcj"), set("mdef"), set("mghi")]
    assert tried == [set("mabcdef"), set("mdefghi"), set("mabcj")]
