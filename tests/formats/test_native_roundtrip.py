"""Writing .argmap files: stable layout, UTF-8, atomic saves, and exact round trips."""

import errno
import json
import os

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from argmap.errors import SaveError
from argmap.formats import load_map, native, save_map
from argmap.model import (
    BASES,
    KINDS,
    RELATIONS,
    AddDocument,
    AddNode,
    ArgumentMap,
    Connect,
    ReorderNode,
    SetMapAttrs,
)

DOC1 = "Le chiffrement protège les journalistes. 警察は鍵を求めている。"
DOC2 = "Emoji 🔐 and\ttabs\nand newlines."


def full_map():
    """A hand-made map using every attribute, unicode text and two documents."""
    m = ArgumentMap("Chiffrement: faut-il des portes dérobées? 🔐")
    m.apply(SetMapAttrs({"event": "débat", "zoom": 1.25, "layout": {"dir": "TB"}}))
    m.apply(AddDocument({"id": "d1", "title": "Tribune", "text": DOC1, "url": "https://x.fr"}))
    m.apply(AddDocument({"id": "d2", "title": "Notes", "text": DOC2}))
    claim = m.add_node(
        "claim",
        "Pas de porte dérobée",
        speaker="ITI",
        sources=[{"doc": "d1", "start": 0, "end": 40, "quote": DOC1[:40]}],
        tags=["sécurité", "vie privée"],
        note="ligne 1\nligne 2",
        rating=0.75,
        pos=(0.5, -120),
        collapsed=False,
    )
    evidence = m.add_node(
        "evidence",
        "警察は鍵を求めている",
        basis="quote",
        sources=[
            {"quote": DOC1[41:], "end": len(DOC1), "doc": "d1", "start": 41},
            {"doc": "d2", "start": 6, "end": 7, "quote": "🔐"},
        ],
        citation="Le Monde, 2016",
        url='https://example.org/a?b=1&c="2"',
        date="2016-02-17",
        speaker="FBI",
        rating=None,
        pos=(3, 4),
        collapsed=True,
        custom={"nested": [1, 2.5, None, True, "x"]},
    )
    counter = m.add_node("counterclaim", 'Quotes " and backslashes \\ survive', basis=None)
    m.connect(evidence, claim, "opposes", strength=0.9, group="g1", note="co-premise")
    m.connect(counter, claim, "opposes", group="g1", extra_edge_data=[{"k": "v"}])
    m.connect(counter, evidence, "supports", strength=None, note=None)
    m.apply(ReorderNode(counter, 0))
    return m


def test_layout_is_stable_and_readable():
    """The file starts with format and version, uses two-space indents and fixed key order."""
    text = native.dumps(full_map())
    data = json.loads(text)
    assert list(data) == ["format", "version", "map", "nodes", "edges", "documents"]
    assert data["format"] == "argmap" and data["version"] == native.VERSION
    assert text.startswith('{\n  "format": "argmap",\n  "version": 1,\n  "map": {\n    "title"')
    assert text.endswith("}\n")
    first = data["nodes"][1]
    assert list(first)[:3] == ["id", "kind", "text"]
    assert [list(span) for span in data["nodes"][2]["sources"]] == [
        ["doc", "start", "end", "quote"]
    ] * 2
    assert list(data["edges"][0])[:3] == ["source", "target", "relation"]
    assert list(data["documents"][0])[:3] == ["id", "title", "text"]
    assert list(data["map"]) == ["title", "event", "layout", "zoom"]


def test_non_ascii_is_written_as_utf8_not_escaped():
    """Accents, CJK and emoji are written as UTF-8 characters, not \\u escapes."""
    text = native.dumps(full_map())
    assert "protège" in text and "警察" in text and "🔐" in text
    assert "\\u" not in text
    assert '\\"' in text and "\\\\" in text and "\\n" in text


def test_edges_are_written_in_a_fixed_order():
    """Edges are sorted by target, then source, in node order, whatever order they were made in."""
    a, b = ArgumentMap(), ArgumentMap()
    for m in (a, b):
        for node_id in ("c", "p", "q"):
            m.apply(AddNode("claim", node_id, node_id=node_id))
    links = [("p", "c", "supports"), ("q", "c", "opposes"), ("q", "p", "supports")]
    for link in links:
        a.connect(*link)
    for link in reversed(links):
        b.connect(*link)
    assert native.dumps(a) == native.dumps(b)
    edges = json.loads(native.dumps(a))["edges"]
    assert [(e["source"], e["target"]) for e in edges] == [("p", "c"), ("q", "c"), ("q", "p")]


def test_hand_made_map_round_trips_through_a_file(tmp_path):
    """save -> load gives the same map; writing it again gives the same bytes."""
    m = full_map()
    path = tmp_path / "débat.argmap"
    save_map(m, path)
    loaded = load_map(path)
    assert loaded.snapshot() == m.snapshot()
    assert list(loaded.graph.nodes) == list(m.graph.nodes)
    assert list(loaded.documents) == ["d1", "d2"]
    assert loaded.node("n1")["pos"] == (0.5, -120)
    assert path.read_bytes() == native.dumps(m).encode("utf-8")
    assert native.dumps(native.loads(native.dumps(m))) == native.dumps(m)


def test_save_keeps_the_previous_version_as_bak(tmp_path):
    """The second save keeps the first file's exact bytes as NAME.argmap.bak."""
    path = tmp_path / "map.argmap"
    m = full_map()
    save_map(m, path)
    first = path.read_bytes()
    m.apply(SetMapAttrs({"title": "Second"}))
    save_map(m, path)
    assert (tmp_path / "map.argmap.bak").read_bytes() == first
    assert load_map(path).title == "Second"
    assert sorted(os.listdir(tmp_path)) == ["map.argmap", "map.argmap.bak"]


def test_failed_save_names_the_reason_and_keeps_the_file(tmp_path, monkeypatch):
    """A save on a full disk raises SaveError saying so; the old file and .bak are untouched."""
    path = tmp_path / "map.argmap"
    save_map(ArgumentMap("first"), path)
    save_map(full_map(), path)
    before = path.read_bytes(), (tmp_path / "map.argmap.bak").read_bytes()

    def full_disk(fd, data):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(os, "write", full_disk)
    with pytest.raises(SaveError, match="disk is full"):
        save_map(ArgumentMap("other"), path)
    monkeypatch.undo()
    assert (path.read_bytes(), (tmp_path / "map.argmap.bak").read_bytes()) == before
    assert sorted(os.listdir(tmp_path)) == ["map.argmap", "map.argmap.bak"]


# ------------------------------------------------------------ generated maps
TEXT = st.text(st.characters(exclude_categories=("Cs",), exclude_characters="\x00"), max_size=15)
FINITE = st.floats(allow_nan=False, allow_infinity=False)
JSON = st.recursive(
    st.one_of(st.none(), st.booleans(), FINITE, st.integers(), TEXT),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(TEXT, inner, max_size=3),
    max_leaves=6,
)
DOC_TEXT = st.text(
    st.characters(exclude_categories=("Cs",), exclude_characters="\x00"), min_size=1, max_size=40
)
OPTIONAL = {
    "speaker": TEXT,
    "citation": TEXT,
    "url": TEXT,
    "date": TEXT,
    "note": TEXT,
    "basis": st.sampled_from(BASES + (None,)),
    "tags": st.lists(TEXT, max_size=3),
    "rating": st.one_of(st.none(), FINITE),
    "pos": st.tuples(FINITE, FINITE),
    "collapsed": st.booleans(),
    "x-extra": JSON,
}


@st.composite
def maps(draw):
    """Random valid maps with documents, quoted spans, any attributes and edges."""
    m = ArgumentMap(draw(TEXT))
    docs = draw(st.lists(DOC_TEXT, max_size=2))
    for i, text in enumerate(docs):
        m.apply(AddDocument({"id": f"d{i}", "title": draw(TEXT), "text": text}))
    for _ in range(draw(st.integers(0, 6))):
        attrs = {k: draw(v) for k, v in OPTIONAL.items() if draw(st.booleans())}
        if docs and draw(st.booleans()):
            i = draw(st.integers(0, len(docs) - 1))
            start = draw(st.integers(0, len(docs[i])))
            end = draw(st.integers(start, len(docs[i])))
            attrs["sources"] = [
                {"doc": f"d{i}", "start": start, "end": end, "quote": docs[i][start:end]}
            ]
        m.apply(AddNode(draw(st.sampled_from(KINDS)), draw(TEXT), attrs))
    nodes = list(m.graph.nodes)
    if len(nodes) > 1:
        pairs = draw(
            st.lists(
                st.tuples(st.sampled_from(nodes), st.sampled_from(nodes)), max_size=8, unique=True
            )
        )
        for u, v in pairs:
            if u != v:
                attrs = {"strength": draw(FINITE)} if draw(st.booleans()) else {}
                m.apply(Connect(u, v, draw(st.sampled_from(RELATIONS)), attrs))
    return m


@settings(
    max_examples=150,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
@given(m=maps())
def test_generated_maps_round_trip(tmp_path, m):
    """Any valid map saves and loads back equal, and its text is a fixed point."""
    assert m.check_invariants() == []
    text = native.dumps(m)
    again = native.loads(text)
    assert again.snapshot() == m.snapshot()
    assert native.dumps(again) == text
    path = tmp_path / "generated.argmap"
    save_map(m, path)
    assert load_map(path).snapshot() == m.snapshot()
    assert path.read_bytes() == text.encode("utf-8")
