"""Tests of the offline draft, its cues and its scoring against a finished map."""

import io
import socket

import pytest

from argmap.cli import main as cli_main
from argmap.cli import run_draft_command
from argmap.errors import ArgmapError
from argmap.formats import native
from argmap.model import ArgumentMap
from argmap.sources.compare import agreement, score_draft, spans_match
from argmap.sources.cues import find_speaker, read_cues, resolve_speaker
from argmap.sources.documents import SourceDocument
from argmap.sources.draft import draft_map
from argmap.sources.seeds import SEED_DIR, SEED_MAP, load_seed_documents

SEED_TEXTS = [f"{SEED_DIR}/000_e1dcd31a3958e1b1.txt", f"{SEED_DIR}/004_a1cfe0c84c2564aa.txt"]


@pytest.fixture
def offline(monkeypatch):
    """Make any network connection fail, so a test shows the code never needs one."""

    def refuse(*args, **kwargs):
        raise OSError("network use in an offline test")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)


def test_draft_of_the_seeds_runs_offline_and_marks_every_candidate(offline):
    """Every draft node is marked draft, quotes its sentence exactly and names its article."""
    amap = draft_map(load_seed_documents())
    assert len(amap) >= 15 and set(amap.documents) == {"hill-2015", "seven-govts-2020"}
    assert amap.check_invariants() == []
    used = set()
    for _node, attrs in amap.graph.nodes(data=True):
        assert attrs["draft"] is True
        [span] = attrs["sources"]
        text = amap.documents[span["doc"]]["text"]
        assert text[span["start"] : span["end"]] == span["quote"]
        assert attrs["text"] == " ".join(span["quote"].split())
        assert f"article:{span['doc']}" in attrs["tags"]
        used.add(span["doc"])
    assert used == set(amap.documents)
    assert all(a["draft"] is True for _, _, a in amap.graph.edges(data=True))


def test_draft_finds_named_speakers_in_the_seeds():
    """Speakers named in the articles are attributed to their sentences."""
    amap = draft_map(load_seed_documents())

    def speaker_of(opening):
        [found] = [
            a.get("speaker")
            for _, a in amap.graph.nodes(data=True)
            if a["text"].startswith(opening)
        ]
        return found

    assert speaker_of("“Weakening encryption") == "Dean Garfield"
    assert speaker_of("The International Association") == "IACP and NDAA"
    assert speaker_of("“The proliferation") == "IACP and NDAA"
    assert speaker_of("Officials and lawmakers") == "Officials and lawmakers"
    assert speaker_of("“IACP and NDAA are committed") == "IACP and NDAA"


def _by_opening(amap):
    return {a["text"][:8]: n for n, a in amap.graph.nodes(data=True)}


def test_connectives_give_relations_and_kinds():
    """A reported view opposes the conclusion; however answers it; in fact backs the answer."""
    doc = SourceDocument(
        "d",
        "Debate",
        (
            "Police say encryption must be weakened to stop crime. "
            "However, experts warn that backdoors would harm everyone's security. "
            "In fact, a 2015 breach exposed 21 million records. "
            "Therefore, strong encryption should stay legal."
        ),
    )
    amap = draft_map([doc])
    ids = _by_opening(amap)
    police, however, fact, therefore = (
        ids[k] for k in ("Police s", "However,", "In fact,", "Therefor")
    )
    assert amap.edge(police, therefore)["relation"] == "opposes"
    assert amap.edge(however, police)["relation"] == "opposes"
    assert amap.edge(fact, however)["relation"] == "supports"
    assert amap.graph.out_degree(therefore) == 0 and amap.graph.number_of_edges() == 3
    assert "central-claim" in amap.node(therefore)["tags"]
    assert amap.node(police)["kind"] == "counterclaim" and amap.node(however)["kind"] == "claim"
    assert amap.node(fact)["kind"] == "evidence" and amap.node(fact)["basis"] == "statistic"
    assert amap.node(police)["speaker"] == "Police"


def test_plain_narration_is_kept_and_marked_low_confidence():
    """A sentence with no argument cue stays in the draft, marked low-confidence."""
    doc = SourceDocument("d", "", "The meeting took place in a large room. Police must act now.")
    nodes = {a["text"]: a for _, a in draft_map([doc]).graph.nodes(data=True)}
    assert set(nodes) == {"The meeting took place in a large room.", "Police must act now."}
    room, act = nodes["The meeting took place in a large room."], nodes["Police must act now."]
    assert room["confidence"] == "low" and "low-confidence" in room["tags"]
    assert "confidence" not in act and "central-claim" in act["tags"]


def test_each_document_is_split_into_sentences_once(monkeypatch):
    """Drafting the seeds splits each document's text into sentences one time."""
    from argmap.sources import draft

    split = []
    real = draft.split_sentences
    monkeypatch.setattr(draft, "split_sentences", lambda text: split.append(text) or real(text))
    documents = load_seed_documents()
    draft_map(documents)
    assert sorted(split) == sorted(doc.text for doc in documents)


@pytest.mark.parametrize(
    "sentence, speaker",
    [
        ("“Backdoors are risky,” the council's CEO, Dean Garfield, said.", "Dean Garfield"),
        ("The Association of Chiefs (AOC) and the League of Towns (LOT) said it.", "AOC and LOT"),
        ("In the report, the agency warned of dangers.", "the agency"),
        ("Critics have argued that it is unsafe.", "Critics"),
        (
            "The Tech Council, one of the largest groups, last week rejected calls.",
            "The Tech Council",
        ),
        ("It insists that backdoors fail.", None),
        ("Encryption is everywhere.", None),
    ],
)
def test_find_speaker(sentence, speaker):
    """The subject of a reporting verb, outside quotes, is the speaker."""
    assert find_speaker(sentence) == speaker


def test_resolve_speaker_prefers_an_earlier_name_of_the_same_number():
    """ "the groups" refers back to a named pair, "the agency" to a named single body."""
    earlier = ["IACP and NDAA", "Officials and lawmakers", "Dean Garfield"]
    assert resolve_speaker("the groups", earlier) == "IACP and NDAA"
    assert resolve_speaker("the council", earlier) == "Dean Garfield"
    assert resolve_speaker("the chiefs", earlier) == "the chiefs"


def test_not_only_but_also_is_not_a_contrast():
    """ "not only ... but also" adds to a point rather than opposing it."""
    cues = read_cues("They seek not only messages, but also stored data.")
    assert cues.kind != "counterclaim" and cues.relation is None


# ----------------------------------------------------------- scoring
def _hand_made_maps():
    """A reference with three sourced points and one inferred, and a draft of four nodes."""
    text = "Alpha beta gamma. Delta epsilon zeta. Eta theta iota. Kappa lambda mu."
    reference = ArgumentMap("reference")
    reference.documents["ref"] = {"id": "ref", "title": "", "text": text}
    draft = ArgumentMap("draft")
    draft.documents["mine"] = {"id": "mine", "title": "", "text": text}

    def span(doc, start, end):
        return {"doc": doc, "start": start, "end": end, "quote": text[start:end]}

    # Reference points: "beta gamma" (6-16), "epsilon" (24-31), "Kappa lambda mu." (54-70).
    for start, end in ((6, 16), (24, 31), (54, 70)):
        reference.add_node("claim", "p", sources=[span("ref", start, end)])
    reference.add_node("claim", "inferred", inferred=True)
    # Draft: sentence 1 (0-17) holds "beta gamma" -> match; sentence 2 (18-37) holds
    # "epsilon" -> match; sentence 3 (38-53) touches nothing -> noise; "mu." plus the
    # space before it (66-70) overlaps "Kappa lambda mu." by 4 of its own 4 -> match.
    for start, end in ((0, 17), (18, 37), (38, 53), (66, 70)):
        draft.add_node("claim", "d", sources=[span("mine", start, end)], draft=True)
    return draft, reference


def test_recall_and_precision_on_a_hand_made_example():
    """Three of three sourced points found; three of four draft nodes match, one is noise."""
    draft, reference = _hand_made_maps()
    score = score_draft(draft, reference)
    assert (len(score.found), len(score.sourced)) == (3, 3)
    assert (len(score.matched), len(score.drafted)) == (3, 4)
    assert score.noise == ["n3"]
    assert score.recall == 1.0 and score.precision == 0.75
    assert score.lines()[1].startswith("precision: 3/4")


def test_recall_drops_when_a_point_is_missed():
    """Removing the draft node over "epsilon" loses exactly that point."""
    draft, reference = _hand_made_maps()
    from argmap.model import RemoveNode

    draft.apply(RemoveNode("n2"))
    score = score_draft(draft, reference)
    assert score.found == ["n1", "n3"] and score.recall == pytest.approx(2 / 3)


def test_spans_match_uses_half_of_the_shorter_span():
    """Overlap of half the shorter span matches; less does not; documents must agree."""
    a = {"doc": "d", "start": 0, "end": 10}
    assert spans_match(a, {"doc": "d", "start": 5, "end": 40})  # 5 of 10
    assert not spans_match(a, {"doc": "d", "start": 6, "end": 40})  # 4 of 10
    assert spans_match(a, {"doc": "d", "start": 9, "end": 11})  # 1 of 2
    assert not spans_match(a, {"doc": "e", "start": 0, "end": 10})
    assert not spans_match(a, {"doc": "d", "start": 3, "end": 3})


def test_draft_of_the_seeds_against_the_seeded_map():
    """The draft finds most seeded points, with little noise, and agrees on some kinds."""
    score = score_draft(draft_map(load_seed_documents()), native.load(SEED_MAP))
    assert score.recall >= 0.9 and score.precision >= 0.9
    kinds, compared = agreement(draft_map(load_seed_documents()), native.load(SEED_MAP))["kind"]
    assert compared and kinds / compared >= 0.5


# ----------------------------------------------------------------- CLI
def test_cli_draft_writes_a_valid_map_and_prints_the_scores(tmp_path):
    """``argmap draft`` saves a loadable map and, with --against, recall and precision."""
    out_path = tmp_path / "draft.argmap"
    out = io.StringIO()
    code = cli_main(["draft", *SEED_TEXTS, "-o", str(out_path), "--against", SEED_MAP], out)
    assert code == 0
    loaded = native.load(out_path)
    assert len(loaded) > 0 and len(loaded.documents) == 2
    lines = out.getvalue().splitlines()
    assert lines[1].startswith("recall: ") and lines[2].startswith("precision: ")


def test_cli_draft_reports_a_bad_document(tmp_path, capsys):
    """A non-UTF-8 document is exit code 1 with the file named, and nothing is written."""
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"\xff\xfe broken")
    out_path = tmp_path / "draft.argmap"
    assert cli_main(["draft", str(bad), "-o", str(out_path)], io.StringIO()) == 1
    assert "not UTF-8" in capsys.readouterr().err and not out_path.exists()


def test_run_draft_command_needs_a_document(tmp_path):
    """No documents is an ArgmapError, not an empty map."""
    with pytest.raises(ArgmapError):
        run_draft_command([], str(tmp_path / "x.argmap"), None, io.StringIO())
