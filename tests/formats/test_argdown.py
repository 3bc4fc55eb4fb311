"""Argdown import and export, on the Argdown project's own files and on hand-written cases."""

import glob
import json
import os
import re
from collections import Counter

import pytest
from interchange_helpers import DATA, EXT, canonical, ext_file

from argmap import resources
from argmap.errors import FormatError
from argmap.formats import argdown, argdown_writer, native

ARGDOWN_FILES = sorted(glob.glob(os.path.join(DATA, "argdown", "*", "*.argdown")))
EXAMPLES = [
    "Populism-Core-Argument-Argdown-Example",
    "argdown-primer",
    "greenspan-schefczyk_hardwrap",
    "semmelweis_betz",
]
REFERENCE = os.path.join(EXT, "argdown", "reference-json")


def test_the_shared_files_are_there():
    """The Argdown files the tests read were found (22 of them)."""
    assert len(ARGDOWN_FILES) == 22


@pytest.mark.parametrize("path", ARGDOWN_FILES, ids=os.path.basename)
def test_every_file_imports(path):
    """Each of Argdown's own files reads into a sound map."""
    amap, warnings = argdown.load(path)
    assert amap.check_invariants() == []
    assert all(isinstance(w, str) for w in warnings)


def _norm(text):
    return re.sub(r"[^a-z0-9]", "", (text or "").lower())[:30]


def _reference_names(data):
    names = {}
    for key, value in data["statements"].items():
        if key.startswith("Untitled"):
            text = next(
                (m.get("text") for m in value["members"] if (m.get("text") or "").strip()), ""
            )
            names[key] = "S:" + _norm(text)
        else:
            names[key] = "S=" + key
    names.update({key: "A=" + key for key in data["arguments"]})
    return names


def _our_names(amap):
    names = {}
    for node, attrs in amap.graph.nodes(data=True):
        info = attrs.get("argdown", {})
        prefix = "A" if info.get("argument") else "S"
        names[node] = (
            f"{prefix}={info['title']}" if "title" in info else f"{prefix}:{_norm(attrs['text'])}"
        )
    return names


@pytest.mark.parametrize("name", EXAMPLES)
def test_examples_agree_with_argdowns_own_output(name):
    """Statements, arguments and relations are those Argdown's own tool found."""
    reference = os.path.join(REFERENCE, name + ".json")
    if not os.path.exists(reference):
        pytest.skip(f"{reference} is absent (it sits beside the repository in CI)")
    with open(reference, encoding="utf-8") as handle:
        data = json.load(handle)
    amap, _ = argdown.load(ext_file("argdown", "examples", name + ".argdown"))
    theirs, ours = _reference_names(data), _our_names(amap)
    assert Counter(ours.values()) == Counter(theirs.values())
    relations = Counter(
        (theirs[r["from"]], r["relationType"], theirs[r["to"]]) for r in data["relations"]
    )
    found = Counter(
        (ours[u], argdown_writer.relation_type(a), ours[v])
        for u, v, a in amap.graph.edges(data=True)
        if argdown_writer.relation_type(a)
    )
    assert found == relations


@pytest.mark.parametrize("path", ARGDOWN_FILES, ids=os.path.basename)
def test_import_export_import_gives_the_same_map(path):
    """Exporting an imported file and reading it again changes nothing."""
    first, _ = argdown.load(path)
    again, _ = argdown.loads(argdown.dumps(first))
    assert canonical(again) == canonical(first)


@pytest.mark.parametrize("name", ["example", "encryption-backdoors"])
def test_argmap_maps_come_back_from_argdown(name):
    """A map made in argmap exports to Argdown and reads back with every attribute."""
    amap = native.load(resources.path("maps", name + ".argmap"))
    again, warnings = argdown.loads(argdown.dumps(amap))
    assert warnings == []
    assert canonical(again, ignore=("argdown",)) == canonical(amap, ignore=("argdown",))


def _one(text):
    amap, warnings = argdown.loads(text)
    by_text = {a["text"]: n for n, a in amap.graph.nodes(data=True)}
    return amap, warnings, by_text


def test_relation_symbols_and_nesting():
    """Each symbol gives its relation and direction; indentation picks the parent."""
    amap, _, n = _one("[A]: a\n  + b\n    - c\n  <_ <U>: u\n  +> d\n  -> e\n  >< f\n")
    edge = amap.graph.edges
    assert edge[n["b"], n["a"]]["relation"] == "supports"
    assert edge[n["c"], n["b"]]["relation"] == "opposes"
    assert edge[n["u"], n["a"]]["argdown"] == {"relation": "undercut"}
    assert edge[n["a"], n["d"]]["relation"] == "supports"
    assert edge[n["a"], n["e"]]["relation"] == "opposes"
    assert edge[n["a"], n["f"]]["argdown"] == {"relation": "contradictory"}


def test_premise_conclusion_structure():
    """Premises form one group into the argument, which points at its conclusion."""
    amap, _, n = _one(
        "<Arg>: why\n\n(1) p one\n(2) p two\n-- modus ponens {uses: [1, 2]} --\n(3) so c\n"
    )
    edge = amap.graph.edges
    assert edge[n["p one"], n["why"]]["group"] == edge[n["p two"], n["why"]]["group"] == n["why"]
    assert edge[n["why"], n["so c"]]["argdown"] == {"pcs": "conclusion"}
    steps = amap.node(n["why"])["argdown"]["pcs"]
    assert steps[2][1] == {"rules": ["modus ponens"], "data": {"uses": [1, 2]}}


def test_tags_kinds_data_and_escapes():
    """Trailing tags leave the text, kind tags set the kind, {yaml} fills fields, escapes hold."""
    amap, _, n = _one(
        "[E]: 50 \\#1 \\[x\\] results #evidence #(peer reviewed) "
        "{speaker: Ana, basis: statistic, mood: calm}\n"
    )
    attrs = amap.node(n["50 #1 [x] results"])
    assert attrs["kind"] == "evidence" and attrs["tags"] == ["peer reviewed"]
    assert attrs["speaker"] == "Ana" and attrs["basis"] == "statistic"
    assert attrs["argdown"]["data"] == {"mood": "calm"}


def test_comments_headings_and_front_matter():
    """Comments vanish, headings become sections, front matter gives the title."""
    amap, _, n = _one(
        "===\ntitle: Sugar\n===\n# Health {isGroup: false}\n\n"
        "[S]: tax it // not this\n<!-- [Hidden]: no -->\n/* nor\nthis */\n"
    )
    assert amap.title == "Sugar" and list(n) == ["tax it"]
    assert amap.meta["argdown"]["sections"] == [
        {"title": "Health", "level": 1, "data": {"isGroup": False}}
    ]


def test_include_once_and_cycles(tmp_path):
    """@include reads a file once; a cycle stops with a warning."""
    (tmp_path / "a.argdown").write_text("[A]: from a\n\n@include(b.argdown)\n")
    (tmp_path / "b.argdown").write_text("[B]: from b\n\n@include(a.argdown)\n")
    amap, warnings = argdown.load(tmp_path / "a.argdown")
    assert sorted(a["text"] for _, a in amap.graph.nodes(data=True)) == ["from a", "from b"]
    assert any("already included" in w for w in warnings)


def test_unknown_constructs_warn():
    """A relation with nothing to relate to and a stray inference line warn, never fail."""
    _, warnings, _ = _one("  + orphan\n----\n+\n")
    assert len(warnings) == 3


def test_errors_name_file_line_and_column():
    """A NUL character is refused with its line and column."""
    with pytest.raises(FormatError) as info:
        argdown.loads("[A]: ok\n[B]: b\x00d\n", "x.argdown")
    assert info.value.file == "x.argdown" and info.value.where == "line 2 column 7"


def test_size_cap(tmp_path):
    """Files above the cap are refused before parsing."""
    path = tmp_path / "big.argdown"
    path.write_bytes(b"x" * (argdown.MAX_BYTES + 1))
    with pytest.raises(FormatError, match="larger than"):
        argdown.load(path)


def test_hostile_texts_round_trip():
    """Markup characters in texts, titles and fields survive export and import."""
    texts = [
        "[not a title]: <nor> an #argument",
        "a // b /* c */ <!-- d -->",
        "*x* _y_ \\",
        "{braces} at the end}",
        "(1) numbered",
        "- dash",
        "ends with #tag",
    ]
    records = [
        {"id": f"n{i}", "kind": "claim", "text": t, "speaker": t} for i, t in enumerate(texts)
    ]
    amap = native.map_from_dict(
        {
            "format": "argmap",
            "version": 1,
            "nodes": records,
            "edges": [{"source": "n1", "target": "n0", "relation": "opposes"}],
        }
    )
    again, warnings = argdown.loads(argdown.dumps(amap))
    assert warnings == []
    assert canonical(again, ignore=("argdown",)) == canonical(amap, ignore=("argdown",))


def test_cannot_hold_names_what_is_lost():
    """Line breaks and positions are reported before saving."""
    amap = native.map_from_dict(
        {
            "format": "argmap",
            "version": 1,
            "edges": [],
            "nodes": [{"id": "a", "kind": "claim", "text": "two\nlines", "pos": [1, 2]}],
        }
    )
    assert [m.split(" ", 2)[1] for m in argdown.cannot_hold(amap)] == ["text(s)", "node"]


@pytest.mark.parametrize(
    "text",
    [
        lambda size: "*" * size,
        lambda size: "#" * size,
        lambda size: "[" * (size // 2) + "]",
        lambda size: "/*" * (size // 2),
        lambda size: "  + x\n" * (size // 6),
        lambda size: "(1) a\n" * (size // 6),
    ],
    ids=["stars", "hashes", "brackets", "comments", "list", "premises"],
)
def test_hostile_inputs_read_in_linear_time(text, assert_linear):
    """Pathological inputs cost CPU time linear in their length (no quadratic scans)."""
    argdown.loads(text(1000))
    assert_linear(text, argdown.loads, 10_000)
