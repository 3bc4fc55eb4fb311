"""Strict loading of .argmap files: every broken file gives one clear FormatError."""

import json

import pytest

from argmap.errors import FormatError
from argmap.formats import load_map, native

DOC = "Encryption protects us all."


def node(node_id="n1", kind="claim", text="Keep encryption strong", **extra):
    """One node record."""
    return {"id": node_id, "kind": kind, "text": text, **extra}


def edge(source="n2", target="n1", relation="supports", **extra):
    """One edge record."""
    return {"source": source, "target": target, "relation": relation, **extra}


def document(doc_id="d1", text=DOC):
    """One document record."""
    return {"id": doc_id, "title": "Op-ed", "text": text}


def file_data(nodes=None, edges=None, **top):
    """A whole file as data, valid unless the arguments break it."""
    nodes = [node(), node("n2", "evidence", "Dissidents use Signal")] if nodes is None else nodes
    data = {
        "format": "argmap",
        "version": 1,
        "map": {"title": "T"},
        "nodes": nodes,
        "edges": [edge()] if edges is None else edges,
    }
    data.update(top)
    return data


def write(tmp_path, content, name="map.argmap"):
    """Write *content* (bytes, text or data) to a file and return its path."""
    path = tmp_path / name
    if isinstance(content, bytes):
        path.write_bytes(content)
    elif isinstance(content, str):
        path.write_text(content, encoding="utf-8")
    else:
        path.write_text(json.dumps(content), encoding="utf-8")
    return path


def nested(levels):
    """JSON text of *levels* nested lists."""
    return "[" * levels + "]" * levels


SPAN_OK = {"doc": "d1", "start": 0, "end": 10, "quote": "Encryption"}

# (case, file content, expected JSON path or None, words the message must hold)
BROKEN = [
    ("empty file", b"", "line 1 column 1", "not valid JSON"),
    ("not JSON", "format: argmap\n", "line 1 column 1", "not valid JSON"),
    ("truncated", json.dumps(file_data())[:-20], None, "not valid JSON"),
    ("a list", "[1, 2]", "$", "found a list"),
    ("a string", '"argmap"', "$", "found a string"),
    ("no format", {"version": 1, "nodes": [], "edges": []}, "$.format", "not an argmap file"),
    ("other format", file_data(format="aif"), "$.format", "not an argmap file"),
    ("no nodes", {"format": "argmap", "version": 1, "edges": []}, "$", "'nodes' is a required"),
    ("nodes not a list", file_data(nodes={"n1": node()}), "$.nodes", "expected array"),
    (
        "text is a number",
        file_data(nodes=[node(text=7)], edges=[]),
        "$.nodes[0].text",
        "expected string",
    ),
    (
        "node without kind",
        file_data(nodes=[{"id": "n1", "text": "t"}], edges=[]),
        "$.nodes[0]",
        "'kind' is a required",
    ),
    (
        "unknown kind",
        file_data(nodes=[node(kind="thesis")], edges=[]),
        "$.nodes[0].kind",
        "'thesis' is not allowed",
    ),
    (
        "bad relation",
        file_data(edges=[edge(relation="refutes")]),
        "$.edges[0].relation",
        "expected one of",
    ),
    ("empty id", file_data(nodes=[node(node_id="")], edges=[]), "$.nodes[0].id", "non-empty"),
    ("version as text", file_data(version="1"), "$.version", "expected integer"),
    ("version true", file_data(version=True), "$.version", "expected integer"),
    (
        "pos of three",
        file_data(nodes=[node(pos=[1, 2, 3])], edges=[]),
        "$.nodes[0].pos",
        "too long",
    ),
    ("dangling edge", file_data(edges=[edge(source="n7")]), "$.edges[0]", "'n7' is not a node"),
    ("dangling target", file_data(edges=[edge(target="n9")]), "$.edges[0]", "target 'n9'"),
    ("self-loop", file_data(edges=[edge("n1", "n1")]), "$.edges[0]", "itself"),
    (
        "duplicate edge",
        file_data(edges=[edge(), edge(relation="opposes")]),
        "$.edges[1]",
        "already connected",
    ),
    (
        "duplicate node id",
        file_data(nodes=[node(), node()], edges=[]),
        "$.nodes[1]",
        "'n1' is already",
    ),
    (
        "duplicate document id",
        file_data(documents=[document(), document()]),
        "$.documents[1]",
        "already",
    ),
    (
        "quote mismatch",
        file_data(
            nodes=[node(sources=[dict(SPAN_OK, quote="Decryption")])],
            edges=[],
            documents=[document()],
        ),
        "$.nodes[0]",
        "sources[0]: source quote does not match document 'd1' at 0-10",
    ),
    (
        "span past end",
        file_data(nodes=[node(sources=[dict(SPAN_OK, end=99)])], edges=[], documents=[document()]),
        "$.nodes[0]",
        "past the end",
    ),
    (
        "span to unknown doc",
        file_data(nodes=[node(sources=[SPAN_OK])], edges=[]),
        "$.nodes[0]",
        "unknown document 'd1'",
    ),
    ("NaN", json.dumps(file_data(nodes=[node(rating=float("nan"))], edges=[])), None, "NaN"),
    (
        "Infinity",
        json.dumps(file_data(nodes=[node(rating=float("inf"))], edges=[])),
        None,
        "Infinity",
    ),
    (
        "huge float",
        json.dumps(file_data(nodes=[node(pos=[0, 1])], edges=[])).replace("[0, 1]", "[0, 1e400]"),
        "$.nodes[0]",
        "finite",
    ),
    (
        "huge integer",
        json.dumps(file_data()).replace('"version": 1', '"version": 1' + "0" * 5000),
        "line 1 column 33",
        "5001 digits is too large",
    ),
    (
        "400-digit pos",
        json.dumps(file_data(nodes=[node(pos=[0, 1])], edges=[])).replace(
            "[0, 1]", "[0, 1" + "0" * 399 + "]"
        ),
        None,
        "400 digits is too large",
    ),
    (
        "400-digit rating",
        json.dumps(file_data(nodes=[node(rating=1)], edges=[])).replace(
            '"rating": 1', '"rating": -1' + "0" * 399
        ),
        None,
        "400 digits is too large",
    ),
    (
        "400-digit strength",
        json.dumps(file_data()).replace(
            '"relation": "supports"', '"relation": "supports", "strength": 9' + "9" * 399
        ),
        None,
        "400 digits is too large",
    ),
    (
        "400-digit unknown field",
        json.dumps(file_data()).replace('"version": 1', '"version": 1, "extra": ' + "7" * 400),
        None,
        "400 digits is too large",
    ),
    (
        "duplicate keys",
        '{"format": "argmap", "format": "argmap", "version": 1, "nodes": [], "edges": []}',
        None,
        "duplicate key 'format'",
    ),
    (
        "NUL in text",
        json.dumps(file_data(nodes=[node(text="a\x00b")], edges=[])),
        "$.nodes[0]",
        "NUL",
    ),
    (
        "lone surrogate",
        json.dumps(file_data(nodes=[node(text="\ud800")], edges=[])),
        "$.nodes[0]",
        "Unicode",
    ),
    (
        "bad UTF-8",
        json.dumps(file_data()).encode().replace(b"Keep", b"K\xffep"),
        None,
        "not UTF-8 text (bad byte at offset",
    ),
    (
        "Latin-1 file",
        json.dumps(file_data(nodes=[node(text="café")], edges=[]), ensure_ascii=False).encode(
            "latin-1"
        ),
        None,
        "not UTF-8",
    ),
    (
        "100000 nested lists",
        '{"format": "argmap", "version": 1, "nodes": [], "edges": [], "x": ' + nested(100000) + "}",
        None,
        "nested too deeply",
    ),
    ("100000 nested objects", '{"a": ' * 100000 + "1" + "}" * 100000, None, "nested too deeply"),
    (
        "deep extra attribute",
        file_data(nodes=[node(extra=json.loads(nested(500)))], edges=[]),
        "$.nodes[0]",
        "nested too deeply",
    ),
    ("newer version", file_data(version=2), "$.version", "newer argmap"),
    ("newer version as float", file_data(version=7.0), "$.version", "newer argmap"),
    (
        "old version without migration",
        file_data(version=0),
        "$.version",
        "version 0 is not supported",
    ),
    (
        "group not text",
        file_data(edges=[edge(group=5)]),
        "$.edges[0].group",
        "expected string or null",
    ),
]


@pytest.mark.parametrize("content,where,words", [c[1:] for c in BROKEN], ids=[c[0] for c in BROKEN])
def test_broken_file_gives_one_clear_format_error(tmp_path, content, where, words):
    """Each broken file is refused with a FormatError naming the file, the place and the fault."""
    path = write(tmp_path, content)
    with pytest.raises(FormatError) as info:
        load_map(path)
    error = info.value
    assert error.file == str(path)
    assert str(error).startswith(str(path) + ": ")
    assert words in error.reason
    if where is not None:
        assert error.where == where
        assert f": {where}: " in str(error)
    assert "\n" not in str(error) and len(str(error)) < 400


def test_size_cap_is_checked_before_parsing(tmp_path, monkeypatch):
    """A file over the size limit is refused without being parsed."""
    path = write(tmp_path, file_data())
    monkeypatch.setattr(native, "MAX_BYTES", 100)
    with pytest.raises(FormatError, match="larger than 100 bytes"):
        load_map(path)
    monkeypatch.setattr(native, "MAX_BYTES", path.stat().st_size)
    assert len(load_map(path)) == 2


def test_missing_file_and_folder_are_clear(tmp_path):
    """A missing file and a folder in its place give a FormatError with the reason."""
    with pytest.raises(FormatError, match="no such file"):
        load_map(tmp_path / "absent.argmap")
    with pytest.raises(FormatError, match="a folder has that name"):
        load_map(tmp_path)


def test_schema_error_does_not_dump_the_data(tmp_path):
    """A wrong type in a big file gives a short message, not the file's content."""
    path = write(tmp_path, file_data(nodes={f"n{i}": node() for i in range(2000)}))
    with pytest.raises(FormatError) as info:
        load_map(path)
    assert info.value.where == "$.nodes" and len(str(info.value)) < 200


def test_minimal_file_is_valid(tmp_path):
    """format, version, nodes (id, kind, text) and edges (source, target, relation) suffice."""
    minimal = {
        "format": "argmap",
        "version": 1,
        "nodes": [
            {"id": "a", "kind": "claim", "text": "A"},
            {"id": "b", "kind": "evidence", "text": "B"},
        ],
        "edges": [{"source": "b", "target": "a", "relation": "opposes"}],
    }
    amap = load_map(write(tmp_path, minimal))
    assert list(amap.graph.nodes(data=True)) == [
        ("a", {"kind": "claim", "text": "A"}),
        ("b", {"kind": "evidence", "text": "B"}),
    ]
    assert amap.edge("b", "a") == {"relation": "opposes"}
    assert amap.title == "" and amap.documents == {}


def test_empty_map_is_valid(tmp_path):
    """A file with no nodes and no edges loads as an empty map."""
    amap = load_map(write(tmp_path, {"format": "argmap", "version": 1, "nodes": [], "edges": []}))
    assert len(amap) == 0


def test_byte_order_mark_is_accepted(tmp_path):
    """A UTF-8 file that starts with a byte order mark loads."""
    path = write(tmp_path, b"\xef\xbb\xbf" + json.dumps(file_data()).encode())
    assert len(load_map(path)) == 2


def test_unknown_fields_are_kept(tmp_path):
    """Fields the schema does not name are kept as attributes (add fields freely)."""
    data = file_data(
        nodes=[node(color="red"), node("n2", "evidence", "E")],
        edges=[edge(weight_note={"by": "me"})],
    )
    data["map"]["event"] = "club final"
    amap = load_map(write(tmp_path, data))
    assert amap.node("n1")["color"] == "red"
    assert amap.edge("n2", "n1")["weight_note"] == {"by": "me"}
    assert amap.meta == {"title": "T", "event": "club final"}


def test_migration_hook_upgrades_old_files(tmp_path, monkeypatch):
    """A registered migration turns a version-0 file into the current version before checks."""

    def from_v0(data):
        data = dict(data, version=1)
        data["nodes"] = [dict(n, text=n.pop("label")) for n in data["nodes"]]
        return data

    monkeypatch.setitem(native.MIGRATIONS, 0, from_v0)
    old = {
        "format": "argmap",
        "version": 0,
        "nodes": [{"id": "a", "kind": "claim", "label": "Old style"}],
        "edges": [],
    }
    amap = load_map(write(tmp_path, old))
    assert amap.node("a") == {"kind": "claim", "text": "Old style"}


def test_migrated_data_is_still_checked(tmp_path, monkeypatch):
    """A migration that yields broken data still meets the schema check."""
    monkeypatch.setitem(native.MIGRATIONS, 0, lambda data: dict(data, version=1))
    old = {
        "format": "argmap",
        "version": 0,
        "nodes": [{"id": "a", "kind": "claim", "label": "Old"}],
        "edges": [],
    }
    with pytest.raises(FormatError, match="'text' is a required property"):
        load_map(write(tmp_path, old))


@pytest.mark.parametrize(
    "migration,words",
    [
        (lambda data: {k: v for k, v in data.items() if k != "version"}, "no valid newer version"),
        (lambda data: data, "no valid newer version"),
        (lambda data: data["missing"], "cannot upgrade from format version 0: KeyError"),
    ],
    ids=["drops version", "same version", "raises"],
)
def test_faulty_migration_gives_format_error(tmp_path, monkeypatch, migration, words):
    """A migration that fails or does not advance the version is a FormatError, not a hang."""
    monkeypatch.setitem(native.MIGRATIONS, 0, migration)
    path = write(tmp_path, file_data(version=0))
    with pytest.raises(FormatError, match=words):
        load_map(path)


def test_loads_without_a_file_name():
    """Loading text without a file still says where the fault is."""
    with pytest.raises(FormatError) as info:
        native.loads(json.dumps(file_data(edges=[edge(source="x")])))
    assert str(info.value).startswith("$.edges[0]: ")
