"""The native ``.argmap`` file: UTF-8 JSON with a stable layout.

Reading is strict and in stages: size, JSON syntax (no NaN, no duplicate
keys), structure (JSON Schema), meaning (ids, edges, spans), migration of
older versions; only then is a map built. Any failure is a
:class:`~argmap.errors.FormatError` naming the file and the JSON path.
"""

from __future__ import annotations

import json
import os
from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import TYPE_CHECKING, Any

from argmap import reading
from argmap.errors import FormatError, ModelError
from argmap.fileio import atomic_write
from argmap.model import ArgumentMap
from argmap.model.schema import (
    BASES,
    EDGE_FIELDS,
    KINDS,
    NODE_FIELDS,
    RELATIONS,
    check_json_value,
)
from argmap.reading import parse_json, read_text

if TYPE_CHECKING:
    from jsonschema import ValidationError

#: A file's place: ``None`` for the file itself, else a path such as ``$.nodes[3]``.
Where = str | None
#: What a reader of another format returns: the map and the warnings about what it could not
#: take. A pair rather than a record: every caller unpacks it (``amap, warnings = ...``).
Loaded = tuple[ArgumentMap, list[str]]
#: A record read from a file: a node, an edge, a document or the map's own fields.
Record = dict[str, Any]

FORMAT = "argmap"
VERSION = 1
SUFFIX = ".argmap"
#: Largest file the loader reads (bytes).
MAX_BYTES = reading.MAX_BYTES
#: The top-level fields argmap reads; any other is kept in ``amap.extra``.
TOP_LEVEL = ("format", "version", "map", "nodes", "edges", "documents")

#: Upgrades from older versions: ``{old version: function(data) -> data one version newer}``.
MIGRATIONS: dict[int, Callable[[dict[str, Any]], dict[str, Any]]] = {}

_SPAN: dict[str, Any] = {
    "type": "object",
    "required": ["doc", "start", "end", "quote"],
    "properties": {
        "doc": {"type": "string"},
        "start": {"type": "integer", "minimum": 0},
        "end": {"type": "integer", "minimum": 0},
        "quote": {"type": "string"},
    },
}

SCHEMA: dict[str, Any] = {
    "$schema": "https://json-schema.org/draft/2020-12/schema",
    "type": "object",
    "required": ["format", "version", "nodes", "edges"],
    "properties": {
        "format": {"const": FORMAT},
        "version": {"type": "integer", "minimum": 0},
        "map": {"type": "object", "properties": {"title": {"type": "string"}}},
        "nodes": {
            "type": "array",
            "items": {
                "type": "object",
                "required": ["id", "kind", "text"],
                "properties": {
                    "id": {"type": "string", "minLength": 1},
                    "kind": {"enum": list(KINDS)},
                    "text": {"type": "string"},
                    "basis": {"enum": list(BASES) + [None]},
                    "sources": {"type": "array", "items": _SPAN},
                    "tags": {"type": "array", "items": {"type": "string"}},
                    "pos": {
                        "type": "array",
                        "items": {"type": "number"},
                        "minItems": 2,
                        "maxItems": 2,
                    },
                    "collapsed": {"type": "boolean"},
                    "rating": {"type": ["number", "null"]},
                    **{
                        k: {"type": "string"}
                        for k in ("citation", "url", "date", "speaker", "note")
                    },
                },
            },
        },
        "edges": {
            "type": "array",
            "items": {
                "type": "object",
                "required": ["source", "target", "relation"],
                "properties": {
                    "source": {"type": "string"},
                    "target": {"type": "string"},
                    "relation": {"enum": list(RELATIONS)},
                    "strength": {"type": ["number", "null"]},
                    "group": {"type": ["string", "null"]},
                    "note": {"type": ["string", "null"]},
                },
            },
        },
        "documents": {
            "type": "array",
            "items": {
                "type": "object",
                "required": ["id", "text"],
                "properties": {
                    "id": {"type": "string", "minLength": 1},
                    "title": {"type": "string"},
                    "text": {"type": "string"},
                },
            },
        },
    },
}


# ------------------------------------------------------------------ writing
def _ordered(
    attrs: Mapping[str, Any], first: Iterable[str], known: Iterable[str]
) -> dict[str, Any]:
    out = {k: attrs[k] for k in first if k in attrs}
    out.update((k, attrs[k]) for k in known if k in attrs and k not in out)
    out.update((k, attrs[k]) for k in sorted(attrs) if k not in out)
    return out


def map_to_dict(amap: ArgumentMap) -> dict[str, Any]:
    """Return the map as the plain data of a ``.argmap`` file."""
    index = amap.node_index()
    nodes = []
    for node_id, attrs in amap.graph.nodes(data=True):
        record = _ordered(dict(attrs, id=node_id), ("id", "kind", "text"), NODE_FIELDS)
        if "pos" in record:
            record["pos"] = list(record["pos"])
        if "sources" in record:
            record["sources"] = [
                _ordered(span, _SPAN["required"], ()) for span in record["sources"]
            ]
        nodes.append(record)
    edges = [
        _ordered(dict(a, source=u, target=v), ("source", "target", "relation"), EDGE_FIELDS)
        for u, v, a in sorted(amap.graph.edges(data=True), key=lambda e: (index[e[1]], index[e[0]]))
    ]
    data: dict[str, Any] = {
        "format": FORMAT,
        "version": VERSION,
        "map": _ordered(amap.meta, ("title",), ()),
        "nodes": nodes,
        "edges": edges,
    }
    if amap.documents:
        data["documents"] = [
            _ordered(d, ("id", "title", "text"), ()) for d in amap.documents.values()
        ]
    data.update((k, v) for k, v in sorted(amap.extra.items()) if k not in TOP_LEVEL)
    return data


def dumps(amap: ArgumentMap) -> str:
    """Return the map as ``.argmap`` text (stable key order, two-space indent)."""
    return json.dumps(map_to_dict(amap), ensure_ascii=False, indent=2, allow_nan=False) + "\n"


def save(amap: ArgumentMap, path: str | os.PathLike[str], overwrite: bool = True) -> None:
    """Save *amap* to *path* atomically, keeping the old file as ``path.bak``.

    The bytes written are read back and loaded before they replace the old
    file (see :func:`argmap.fileio.atomic_write` for links, permissions and
    the ``.bak``).

    Parameters
    ----------
    amap : ArgumentMap
        The map.
    path : str or os.PathLike
        The file.
    overwrite : bool
        False refuses to replace an existing file (the CLI without ``--force``).

    Raises
    ------
    SaveError
        If the file cannot be written; the old file is then untouched.
    ReadOnlyFileError
        If the file has no write permission (offer Save As).
    """
    atomic_write(
        path, dumps(amap).encode("utf-8"), backup=True, check=check_bytes, replace=overwrite
    )


def check_bytes(data: bytes) -> None:
    """Raise :class:`FormatError` unless *data* (bytes) is a valid ``.argmap`` file."""
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise FormatError(f"not UTF-8 text (bad byte at offset {exc.start})") from None
    loads(text)


# ------------------------------------------------------------------ reading
def _json_path(parts: Iterable[str | int]) -> str:
    path = "$"
    for part in parts:
        path += f"[{part}]" if isinstance(part, int) else f".{part}"
    return path


_JSON_TYPES: dict[type, str] = {
    dict: "an object",
    list: "a list",
    str: "a string",
    bool: "true or false",
    int: "a number",
    float: "a number",
    type(None): "null",
}


def _schema_message(error: ValidationError) -> str:
    """Return a short message for a JSON Schema error (never a dump of the data)."""
    found = _JSON_TYPES.get(type(error.instance), type(error.instance).__name__)
    if error.validator == "type":
        wanted = error.validator_value
        wanted = " or ".join(wanted) if isinstance(wanted, list) else wanted
        return f"expected {wanted}, found {found}"
    if error.validator in ("enum", "const"):
        allowed = error.validator_value
        allowed = allowed if isinstance(allowed, list) else [allowed]
        shown = repr(error.instance) if isinstance(error.instance, str) else found
        return f"{shown[:80]} is not allowed here; expected one of " + ", ".join(
            json.dumps(a) for a in allowed
        )
    message = error.message
    return message if len(message) <= 200 else message[:200] + "..."


def _check_schema(data: object, file: str | os.PathLike[str] | None) -> None:
    """Raise FormatError unless *data* meets :data:`SCHEMA`.

    The structure is checked in one linear pass (:func:`structure_problem`);
    only when that pass finds a problem is jsonschema asked to word it, so
    that messages and JSON paths are those of the schema.
    """
    problem = structure_problem(data)
    if problem is None:
        return
    import jsonschema

    validator = jsonschema.Draft202012Validator(SCHEMA)
    error = jsonschema.exceptions.best_match(validator.iter_errors(data))
    if error is not None:
        raise FormatError(_schema_message(error), file, _json_path(error.absolute_path))
    raise FormatError(problem[1], file, _json_path(problem[0]))


# --------------------------------------------------- the linear structure check
def _is_str(value: object) -> bool:
    return type(value) is str


def _is_number(value: object) -> bool:
    return type(value) in (int, float)


def _is_integer(value: object) -> bool:
    """JSON Schema's ``integer``: a whole int or a float with no fraction (never a bool)."""
    return type(value) is int or (type(value) is float and value.is_integer())


def _is_count(value: Any) -> bool:
    return _is_integer(value) and value >= 0


def _is_id(value: object) -> bool:
    return type(value) is str and len(value) >= 1


def _one_of(values: Iterable[str]) -> Callable[[object], bool]:
    allowed = frozenset(values)
    return lambda value: type(value) is str and value in allowed


def _str_or_none(value: object) -> bool:
    return value is None or type(value) is str


def _number_or_none(value: object) -> bool:
    return value is None or type(value) in (int, float)


def _is_span(value: object) -> bool:
    if type(value) is not dict:
        return False
    try:
        doc, start, end, quote = value["doc"], value["start"], value["end"], value["quote"]
    except KeyError:
        return False
    return type(doc) is str and type(quote) is str and _is_count(start) and _is_count(end)


def _list_of(check: Callable[[object], bool]) -> Callable[[object], bool]:
    return lambda value: type(value) is list and all(map(check, value))


def _is_pos(value: object) -> bool:
    return (
        type(value) is list
        and len(value) == 2
        and type(value[0]) in (int, float)
        and type(value[1]) in (int, float)
    )


_BASIS = frozenset(BASES)
#: Per record kind: (required keys, {key: check}) mirroring :data:`SCHEMA`.
_NODE_CHECKS: dict[str, Callable[[object], bool]] = {
    "id": _is_id,
    "kind": _one_of(KINDS),
    "text": _is_str,
    "basis": lambda value: value is None or (type(value) is str and value in _BASIS),
    "sources": _list_of(_is_span),
    "tags": _list_of(_is_str),
    "pos": _is_pos,
    "collapsed": lambda value: type(value) is bool,
    "rating": _number_or_none,
    **{key: _is_str for key in ("citation", "url", "date", "speaker", "note")},
}
_EDGE_CHECKS: dict[str, Callable[[object], bool]] = {
    "source": _is_str,
    "target": _is_str,
    "relation": _one_of(RELATIONS),
    "strength": _number_or_none,
    "group": _str_or_none,
    "note": _str_or_none,
}
_DOCUMENT_CHECKS: dict[str, Callable[[object], bool]] = {
    "id": _is_id,
    "title": _is_str,
    "text": _is_str,
}
_RECORDS = (
    ("nodes", ("id", "kind", "text"), _NODE_CHECKS),
    ("edges", ("source", "target", "relation"), _EDGE_CHECKS),
    ("documents", ("id", "text"), _DOCUMENT_CHECKS),
)


def _record_problem(
    record: object, required: Iterable[str], checks: Mapping[str, Callable[[object], bool]]
) -> tuple[str | None, str] | None:
    """Return ``(key or None, message)`` for a record that breaks the schema, else None."""
    if type(record) is not dict:
        return None, "expected an object"
    for key in required:
        if key not in record:
            return None, f"{key!r} is a required property"
    for key, value in record.items():
        check = checks.get(key)
        if check is not None and not check(value):
            return key, "a value of the wrong type or outside the vocabulary"
    return None


def structure_problem(data: object) -> tuple[list[str | int], str] | None:
    """Return ``(path, message)`` of the first place *data* breaks :data:`SCHEMA`, or None.

    One linear pass with plain type checks; it accepts exactly what the
    schema accepts (the tests compare both on generated files), but its
    messages are terse: :func:`_check_schema` asks jsonschema to word them.
    """
    if type(data) is not dict:
        return [], "expected an object"
    for key in ("format", "version", "nodes", "edges"):
        if key not in data:
            return [], f"{key!r} is a required property"
    if data["format"] != FORMAT or type(data["format"]) is not str:
        return ["format"], f"expected {FORMAT!r}"
    if not _is_count(data["version"]):
        return ["version"], "expected a whole number >= 0"
    meta = data.get("map", {})
    if type(meta) is not dict or not _is_str(meta.get("title", "")):
        return ["map"], "expected an object with a string title"
    for name, required, checks in _RECORDS:
        if name not in data:
            continue
        records = data[name]
        if type(records) is not list:
            return [name], "expected a list"
        for index, record in enumerate(records):
            problem = _record_problem(record, required, checks)
            if problem is not None:
                field_name, message = problem
                path: list[str | int] = [name, index]
                return path + ([field_name] if field_name is not None else []), message
    return None


def _whole_version(data: object) -> int | None:
    """Return the file's version as an int, or None when it is not a whole number."""
    version = data.get("version") if isinstance(data, dict) else None
    if isinstance(version, float) and version.is_integer():
        return int(version)
    if isinstance(version, bool) or not isinstance(version, int):
        return None
    return version


def _migrate(data: dict[str, Any], file: str | os.PathLike[str] | None) -> dict[str, Any]:
    version = _whole_version(data)
    if version is not None and version > VERSION:
        raise FormatError(
            f"the file is from a newer argmap (format version {version}; this "
            f"argmap reads up to {VERSION}): please update argmap",
            file,
            "$.version",
        )
    while version is not None and version < VERSION:
        if version not in MIGRATIONS:
            raise FormatError(f"format version {version} is not supported", file, "$.version")
        try:
            data = MIGRATIONS[version](data)
        except (KeyError, IndexError, TypeError, ValueError, AttributeError) as exc:
            raise FormatError(
                f"cannot upgrade from format version {version}: {type(exc).__name__}: {exc}", file
            ) from exc
        newer = _whole_version(data)
        if newer is None or newer <= version or newer > VERSION:
            raise FormatError(
                f"the upgrade from format version {version} gave no valid newer version",
                file,
                "$.version",
            )
        version = newer
    return data


def map_from_records(
    nodes: Iterable[Record],
    edges: Iterable[Record],
    documents: Iterable[Record] = (),
    meta: Record | None = None,
    file: str | os.PathLike[str] | None = None,
    lines: Sequence[int] | None = None,
    consume: bool = False,
) -> ArgumentMap:
    """Build a map with :meth:`ArgumentMap.from_records`; a bad record is a FormatError.

    The error names *file* and the record's JSON path (``$.nodes[3]``); for a
    text format, *lines* gives the line of each node record, and a node's fault
    is placed at its line instead.
    """
    try:
        return ArgumentMap.from_records(nodes, edges, documents, meta, consume=consume)
    except ModelError as exc:
        raise FormatError(str(exc), file, _record_place(exc.where, lines)) from None


def _record_place(where: Where, lines: Sequence[int] | None) -> Where:
    """Return ``line N`` for a node record's fault when *lines* are known, else *where*."""
    if lines is not None and where and where.startswith("$.nodes["):
        return f"line {lines[int(where[8:].split(']')[0])]}"
    return where or None


def _build(data: dict[str, Any], file: str | os.PathLike[str] | None, consume: bool) -> ArgumentMap:
    extra = {k: v for k, v in data.items() if k not in TOP_LEVEL}
    for key, value in extra.items():
        try:
            check_json_value(value, key)
        except ModelError as exc:
            raise FormatError(str(exc), file, f"$.{key}") from None
    amap = map_from_records(
        data["nodes"],
        data["edges"],
        data.get("documents", []),
        data.get("map", {}),
        file,
        consume=consume,
    )
    amap.extra = extra
    return amap


def map_from_dict(
    data: object, file: str | os.PathLike[str] | None = None, consume: bool = False
) -> ArgumentMap:
    """Check *data* (parsed ``.argmap`` JSON) and build the map it describes.

    With *consume*, the node and edge records of *data* become the map's own
    attribute dicts (see :meth:`ArgumentMap.from_records`): for data parsed
    only to build the map.
    """
    try:
        if not isinstance(data, dict):
            found = _JSON_TYPES.get(type(data), type(data).__name__)
            raise FormatError(
                f"not an argmap file: expected a JSON object, found {found}", file, "$"
            )
        if data.get("format") != FORMAT:
            raise FormatError('not an argmap file (no "format": "argmap")', file, "$.format")
        data = _migrate(data, file)
        _check_schema(data, file)
        return _build(data, file, consume)
    except RecursionError:
        raise FormatError("the data is nested too deeply", file) from None


def loads(text: str, file: str | os.PathLike[str] | None = None) -> ArgumentMap:
    """Build a map from ``.argmap`` text."""
    data = parse_json(text, file)
    del text  # the text of a large file need not stay in memory while its map is built
    return map_from_dict(data, file, consume=True)


def load(path: str | os.PathLike[str]) -> ArgumentMap:
    """Load a ``.argmap`` file.

    Raises
    ------
    FormatError
        Naming the file and the place that is wrong.
    """
    name = os.fspath(path)
    return loads(read_text(name, MAX_BYTES), name)
