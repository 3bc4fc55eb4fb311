"""Tests of clause units, argumentative moves and the structure the draft gives a text."""

import doctest
import importlib.util
import os

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from argmap.sources import clauses, documents, draft, structure
from argmap.sources.clauses import split_units
from argmap.sources.documents import SourceDocument, markdown_title
from argmap.sources.draft import draft_map
from argmap.sources.structure import read_move

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))


def _clauses(sentence):
    return [(sentence[a:b], marker) for a, b, marker in split_units(sentence, 0, len(sentence))]


def _edges(text):
    """Return the draft's edges of *text* as (source text, target text, relation)."""
    amap = draft_map([SourceDocument("d", "", text)])
    return {
        (amap.node(u)["text"], amap.node(v)["text"], r)
        for u, v, r in amap.graph.edges(data="relation")
    }, amap


# ------------------------------------------------------------- clauses
@pytest.mark.parametrize(
    "sentence, expected",
    [
        (
            "Fees annoy drivers, but they cut traffic in half.",
            [("Fees annoy drivers,", None), ("but they cut traffic in half.", "but")],
        ),
        (
            "Although fees annoy drivers, they cut traffic in half.",
            [("Although fees annoy drivers,", "although"), ("they cut traffic in half.", "main")],
        ),
        (
            "We should keep the fee because it cuts traffic.",
            [("We should keep the fee", None), ("because it cuts traffic.", "because")],
        ),
        (
            "Bags cost energy to make, which harms the climate.",
            [("Bags cost energy to make,", None), ("which harms the climate.", "which")],
        ),
    ],
)
def test_sentences_split_at_connectives(sentence, expected):
    """Contrastive, concessive, causal and relative connectives start a new clause."""
    assert _clauses(sentence) == expected


@pytest.mark.parametrize(
    "sentence",
    [
        "Traffic fell because of the new fee on cars.",
        "Accidents have fallen since 2010 in most towns.",
        "We seek not only messages, but also stored data.",
        "“Fees annoy drivers, but they cut traffic,” the mayor said.",
        "Cars, buses and trains all need roads.",
        "We walked so that we would be early.",
    ],
)
def test_non_connective_uses_are_not_cut(sentence):
    """ "because of", "since 2010", "but also", quotations and lists stay whole."""
    assert _clauses(sentence) == [(sentence, None)]


# --------------------------------------------------------------- moves
@pytest.mark.parametrize(
    "text, move",
    [
        ("Admittedly, a fee raises little money.", "concession"),
        ("Critics argue that the fee is unfair.", "concession"),
        ("The developer says a school is too expensive,", "concession"),
        ("However, the fee cut traffic.", "contrast"),
        ("That is why the fee should stay.", "conclusion"),
        ("For example, Oslo cut traffic by a third.", "example"),
        ("Studies show that fees cut traffic.", "plain"),
        ("Young children cannot tell an advert from a programme.", "plain"),
        ("Should transport be free?", "question"),
    ],
)
def test_read_move(text, move):
    """Openers and reported opposing views name the move; studies and negations do not."""
    assert read_move(text) == move


# ----------------------------------------------------------- structure
def test_conclusion_marker_points_forward():
    """ "A. That is why B." draws A supporting B, not B supporting A."""
    edges, _ = _edges("Trains emit little carbon. That is why we should build more railways.")
    assert edges == {
        ("Trains emit little carbon.", "That is why we should build more railways.", "supports")
    }


def test_concession_and_its_rebuttal():
    """A concession opposes the claim; the contrast after it opposes the concession."""
    edges, amap = _edges(
        "Cities should ban cars from their centres. Car-free streets are "
        "safer for children. Admittedly, delivery vans need access. But "
        "deliveries can be limited to the early morning."
    )
    claim = "Cities should ban cars from their centres."
    assert edges == {
        ("Car-free streets are safer for children.", claim, "supports"),
        ("Admittedly, delivery vans need access.", claim, "opposes"),
        (
            "But deliveries can be limited to the early morning.",
            "Admittedly, delivery vans need access.",
            "opposes",
        ),
    }
    assert [amap.node(n)["kind"] for n in amap.graph.nodes] == [
        "claim",
        "claim",
        "counterclaim",
        "claim",
    ]


def test_clauses_inside_one_sentence_are_related():
    """ "Although X, Y because Z": X opposes Y and Z supports Y."""
    edges, _ = _edges(
        "Although fees annoy drivers, the town should keep them, because they halve traffic."
    )
    assert edges == {
        ("Although fees annoy drivers,", "the town should keep them,", "opposes"),
        ("because they halve traffic.", "the town should keep them,", "supports"),
    }


def test_example_supports_the_point_it_illustrates():
    """An example backs the unit before it, which backs the claim."""
    edges, _ = _edges(
        "Zoos should stay open. They save rare species from extinction. For "
        "example, the oryx survives only thanks to zoo breeding."
    )
    assert (
        "For example, the oryx survives only thanks to zoo breeding.",
        "They save rare species from extinction.",
        "supports",
    ) in edges
    assert (
        "They save rare species from extinction.",
        "Zoos should stay open.",
        "supports",
    ) in edges


def test_question_is_not_the_central_claim():
    """An opening question states the issue; the answer is the claim."""
    _, amap = _edges(
        "Should buses be free? Free buses cut traffic. Free buses are an idea whose time has come."
    )
    [top] = [n for n in amap.graph.nodes if amap.graph.out_degree(n) == 0]
    assert amap.node(top)["text"].startswith("Free buses are an idea")


sentence_text = st.lists(
    st.sampled_from(
        [
            "Fees work",
            "we should act",
            "although costs rise",
            "but people pay",
            "because prices matter",
            "Admittedly",
            "for example",
            "so",
            "Therefore",
            "“quoted, but kept”",
            "which helps",
            "and it is",
            "?",
            ".",
            ",",
            ";",
            "\n\n",
            "  ",
            "However",
            "since 2010",
            "é",
        ]
    ),
    min_size=1,
    max_size=30,
).map(" ".join)


@settings(max_examples=80, deadline=None)
@given(sentence_text)
def test_any_text_gives_exact_spans_and_one_top_claim(text):
    """Every node quotes its document exactly; a text with a sentence has one top-level node."""
    amap = draft_map([SourceDocument("d", "", text)])
    for _, attrs in amap.graph.nodes(data=True):
        [span] = attrs["sources"]
        assert text[span["start"] : span["end"]] == span["quote"] and span["quote"].strip()
    tops = [n for n in amap.graph.nodes if amap.graph.out_degree(n) == 0]
    has_sentence = any(ch.isalnum() for ch in text)
    assert len(tops) == (1 if has_sentence else 0)
    assert all(amap.graph.out_degree(n) <= 1 for n in amap.graph.nodes)


def test_long_document_is_read_by_paragraphs():
    """In a long text each paragraph's point bears on the one central claim."""
    paragraph = (
        "Point {0} matters to the town. It helps people every day. Admittedly, it "
        "costs money. But the money is well spent."
    )
    names = ("one", "two", "three", "four", "five")
    text = "We should fund the plan.\n\n" + "\n\n".join(paragraph.format(n) for n in names)
    amap = draft_map([SourceDocument("d", "", text)])
    tops = [n for n in amap.graph.nodes if amap.graph.out_degree(n) == 0]
    assert [amap.node(n)["text"] for n in tops] == ["We should fund the plan."]
    points = [n for n, a in amap.graph.nodes(data=True) if a["text"].startswith("Point")]
    assert all(amap.graph.has_edge(n, tops[0]) for n in points)


# ---------------------------------------------------------- bounded time
def paragraphs(count):
    return "\n\n".join(f"Line {i} is here." for i in range(count))


def draft_of(text):
    return draft_map([SourceDocument("big", "", text)])


def test_draft_of_many_paragraphs_is_linear(assert_linear):
    """A draft of one-line paragraphs costs linear time in their number (2,500 to 20,000)."""
    assert_linear(paragraphs, draft_of, 2500, factor=8)
    amap = draft_of(paragraphs(2000))
    assert len(amap) == 2000 and amap.graph.number_of_edges() == 1999


@pytest.mark.parametrize(
    "text",
    [
        lambda size: "x" * size + " is wrong.",
        lambda size: "a b " * (size // 4) + "says so.",
        lambda size: "Although " + "a, " * (size // 3) + "b.",
    ],
    ids=["word", "sentence", "clauses"],
)
def test_draft_of_long_units_is_linear(text, assert_linear):
    """Very long words, sentences and clauses cost linear time in the unit patterns."""
    assert len(draft_of(text(1000))) >= 1
    assert_linear(text, draft_of, 5000)


@pytest.mark.parametrize(
    "line",
    [
        lambda size: "# a" + " " * size + "b",
        lambda size: "#" + " " * size,
        lambda size: " " * size + "x",
        lambda size: "# " + "# " * (size // 2) + "x",
    ],
    ids=["spaces-inside", "spaces-after", "spaces-before", "hashes"],
)
def test_markdown_title_is_linear_on_long_lines(line, assert_linear):
    """A first line of many spaces costs linear time (it was quadratic)."""
    assert_linear(lambda size: line(size) + "\n# Next", markdown_title, 2000)


def test_markdown_title_keeps_its_meaning():
    """Closing hashes and spaces are dropped; a line without a space after # is no heading."""
    assert markdown_title("#tag\n\n## Lawful access ##  \nText") == "Lawful access"
    assert markdown_title("####### seven\n# C#") == "C"
    assert markdown_title("no heading") is None


@pytest.mark.parametrize("module", [clauses, structure, draft, documents])
def test_docstring_examples_hold(module):
    """The examples in the docstrings run as written."""
    result = doctest.testmod(module)
    assert result.attempted > 0 and result.failed == 0


# ----------------------------------------------------------- benchmark
def _bench():
    spec = importlib.util.spec_from_file_location(
        "bench_draft", os.path.join(ROOT, "bench", "draft.py")
    )
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.mark.parametrize("name", ["dev", "test"])
def test_benchmark_sets_meet_the_targets(name):
    """On both text sets: units >= 95 %, sole central claim >= 80 %, relations >= 50 %."""
    bench = _bench()
    records = bench.load_texts(name)
    assert len(records) >= (40 if name == "dev" else 20)
    (units, total, sole, found, relations), empty = bench.score_set(
        records, lambda d: draft_map([d])
    )
    assert empty == 0
    assert units / total >= 0.95 and sole / len(records) >= 0.8 and found / relations >= 0.5


def test_benchmark_scoring_on_a_hand_made_text():
    """The scorer's matching and counts, checked by hand on one small text."""
    bench = _bench()
    text = "Fees work. Costs fall. Admittedly, drivers complain."
    record = {
        "text": text,
        "claim": 1,
        "relations": [[2, 1, "supports"], [3, 1, "opposes"]],
        "units": [
            {"id": 1, "start": 0, "end": 10},
            {"id": 2, "start": 11, "end": 22},
            {"id": 3, "start": 23, "end": 52},
        ],
    }
    baseline = bench.baseline_map(SourceDocument("d", "", text))
    # The baseline finds all three units, makes the first the sole top node, and
    # reproduces 2 -> 1 supports but not 3 -> 1 opposes.
    assert bench.score_text(record, baseline) == (3, 3, 1, 1, 2)
    assert bench.score_text(record, draft_map([SourceDocument("d", "", text)])) == (3, 3, 1, 2, 2)
