"""Tests of the seeded encryption map and the seed documents it quotes."""

import os

import pytest

from argmap.formats import native
from argmap.model import queries
from argmap.sources.seedmap import build_seed_map
from argmap.sources.seeds import SEED_DIR, SEED_MAP, load_seed_documents

SHARED_SEEDS = os.path.join(
    os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__)))),
    os.pardir,
    "shared",
    "seeds",
)
SEED_FILES = ("000_e1dcd31a3958e1b1.txt", "004_a1cfe0c84c2564aa.txt")


@pytest.fixture(scope="module")
def seed_map():
    return native.load(SEED_MAP)


def _nodes(amap):
    return list(amap.graph.nodes(data=True))


@pytest.mark.parametrize("name", SEED_FILES)
def test_seed_texts_are_byte_identical_to_the_shared_copies(name):
    """The shipped seed texts are exactly the collected ones."""
    shared = os.path.join(SHARED_SEEDS, name)
    if not os.path.exists(shared):
        pytest.skip("../shared/seeds is not present")
    with open(shared, "rb") as a, open(os.path.join(SEED_DIR, name), "rb") as b:
        assert a.read() == b.read()


def test_seed_documents_keep_text_and_metadata():
    """The loaded seeds hold the file text unchanged and only known metadata."""
    docs = {d.id: d for d in load_seed_documents()}
    assert set(docs) == {"hill-2015", "seven-govts-2020"}
    with open(os.path.join(SEED_DIR, SEED_FILES[1]), "rb") as handle:
        assert docs["seven-govts-2020"].text.encode("utf-8") == handle.read()
    assert "backdoon" in docs["seven-govts-2020"].text
    for doc in docs.values():
        assert "url" not in doc.metadata and "publisher" not in doc.metadata
        assert doc.metadata["date"] in ("2015", "2020")


def test_saved_map_matches_what_the_builder_makes(seed_map):
    """The committed file is what the build script produces now."""
    assert native.dumps(build_seed_map()) == native.dumps(seed_map)


def test_every_span_quotes_its_document_exactly(seed_map):
    """Each span's quote equals the slice of the document text it points at."""
    count = 0
    for _, attrs in _nodes(seed_map):
        for span in attrs.get("sources", []):
            text = seed_map.documents[span["doc"]]["text"]
            assert text[span["start"] : span["end"]] == span["quote"]
            assert text.count(span["quote"]) == 1
            count += 1
    assert count >= 30


def test_the_map_has_one_main_issue_and_both_sides(seed_map):
    """One main claim, with pro and con points under it and no structural problems."""
    assert len(queries.main_claims(seed_map)) == 1
    stance = queries.stance(seed_map)
    assert set(stance) == set(seed_map.graph.nodes)
    pro = [n for n, s in stance.items() if s == "pro"]
    con = [n for n, s in stance.items() if s == "con"]
    assert len(pro) >= 8 and len(con) >= 8
    assert queries.problems(seed_map) == []


def test_every_node_is_sourced_or_marked_inferred(seed_map):
    """A node without a source span is the mapper's inference, and says so."""
    for node, attrs in _nodes(seed_map):
        if attrs.get("inferred"):
            assert attrs["note"].startswith("Mapper's inference")
        else:
            assert attrs["sources"], node
            assert attrs["citation"], node


def test_every_node_has_a_speaker_and_an_article_tag(seed_map):
    """Each node names who asserts it and which article it comes from."""
    for node, attrs in _nodes(seed_map):
        assert attrs["speaker"].strip(), node
        tagged = {t.split(":", 1)[1] for t in attrs["tags"] if t.startswith("article:")}
        quoted = {s["doc"] for s in attrs["sources"]}
        assert tagged and quoted <= tagged, node
        if attrs["kind"] == "evidence":
            assert attrs["basis"] in ("statistic", "testimony", "example", "document", "quote")


def test_both_documents_are_used_on_both_sides(seed_map):
    """Each article supplies points to the case for and to the case against."""
    stance = queries.stance(seed_map)
    used = {(s["doc"], stance[n]) for n, a in _nodes(seed_map) for s in a["sources"]}
    assert used == {(d, side) for d in ("hill-2015", "seven-govts-2020") for side in ("pro", "con")}


def _find(seed_map, fragment):
    found = [n for n, a in _nodes(seed_map) if fragment in a["text"]]
    assert len(found) == 1, fragment
    return found[0]


def test_key_points_and_their_relations(seed_map):
    """The points a debate coach expects are there, related the right way."""
    graph = seed_map.graph
    planned = _find(seed_map, "planned them over encrypted platforms")
    no_evidence = _find(seed_map, "No evidence has been presented")
    assert graph.edges[no_evidence, planned]["relation"] == "opposes"
    paris = _find(seed_map, "killed 130 people")
    hindered = _find(seed_map, "technical barriers")
    assert graph.edges[paris, hindered]["group"] == graph.edges[planned, hindered]["group"]
    garfield = [n for n, a in _nodes(seed_map) if a["speaker"] == "Dean Garfield, ITI"]
    assert len(garfield) == 2
    issue = queries.main_claims(seed_map)[0]
    groups = {graph.edges[n, issue].get("group") for n in garfield}
    assert len(groups) == 1 and None not in groups
    for fragment in (
        "San Bernardino",
        "2018",
        "all available encryption services",
        "2017 report",
        "valuable for protecting freedom",
        "right to privacy",
    ):
        _find(seed_map, fragment)


def test_inferred_nodes_are_few_and_marked(seed_map):
    """Only the issue's wording and implied rebuttals are the mapper's own."""
    inferred = [n for n, a in _nodes(seed_map) if a.get("inferred")]
    assert 1 <= len(inferred) <= 5
    assert queries.main_claims(seed_map)[0] in inferred
