"""The vocabulary of an argument map and the checks on single values.

Everything here is plain data and pure functions, shared by the model, the
file readers and the views.
"""

from __future__ import annotations

import math
from typing import Any

from argmap.errors import ModelError


class _Remove:
    """The type of :data:`REMOVE` (one instance)."""

    def __repr__(self) -> str:
        return "REMOVE"


#: Value in an attribute change meaning "delete this attribute".
REMOVE = _Remove()

#: The attributes of a node, an edge, a map or a document: names and JSON values.
Attrs = dict[str, Any]

#: The vocabulary, defined once: every menu, CLI choice, legend and the file's
#: JSON Schema are built from these tables. Each maps a value to its display name.
KIND_NAMES = {"claim": "Claim", "counterclaim": "Counterclaim", "evidence": "Evidence"}
RELATION_NAMES = {"supports": "supports", "opposes": "opposes"}
BASIS_NAMES = {
    "statistic": "Statistic",
    "testimony": "Testimony",
    "example": "Example",
    "document": "Document",
    "quote": "Quote",
    "common": "Common knowledge",
}
KINDS = tuple(KIND_NAMES)
RELATIONS = tuple(RELATION_NAMES)
BASES = tuple(BASIS_NAMES)

#: How a node of each kind bears on what it is attached to, unless told otherwise.
DEFAULT_RELATION = {"claim": "supports", "counterclaim": "opposes", "evidence": "supports"}

#: Node attributes with a known meaning, and the check each value must pass.
NODE_TEXT_FIELDS = ("text", "citation", "url", "date", "speaker", "note", "basis")
NODE_FIELDS = NODE_TEXT_FIELDS + ("kind", "sources", "tags", "rating", "pos", "collapsed")
EDGE_FIELDS = ("relation", "strength", "group", "note")

#: Names the file format uses for the record itself; they cannot be attributes.
RESERVED_NODE_KEYS = ("id",)
RESERVED_EDGE_KEYS = ("source", "target")

#: Longest text a single field may hold (characters).
MAX_TEXT = 1_000_000


def default_relation(kind: str) -> str:
    """Return the relation a node of *kind* has to what it is attached to by default.

    Example
    -------
    >>> default_relation("counterclaim"), default_relation("evidence")
    ('opposes', 'supports')
    """
    try:
        return DEFAULT_RELATION[kind]
    except KeyError:
        raise ModelError(f"unknown kind {kind!r}; expected one of {', '.join(KINDS)}") from None


def check_text(value: Any, what: str) -> str:
    """Return *value* if it is a string without NUL, else raise ModelError.

    Example
    -------
    >>> check_text("Encryption protects speech", "text")
    'Encryption protects speech'
    """
    if not isinstance(value, str):
        raise ModelError(f"{what} must be a string, not {type(value).__name__}")
    if "\x00" in value:
        raise ModelError(f"{what} must not contain a NUL character")
    if len(value) > MAX_TEXT:
        raise ModelError(f"{what} is longer than {MAX_TEXT} characters")
    if value.isascii():  # no surrogate, and quick to tell
        return value
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        raise ModelError(f"{what} is not valid Unicode text (it holds a lone surrogate)") from None
    return value


def shortened(text: str, width: int) -> str:
    """Return *text* on one line, cut to at most *width* characters with "…" where cut.

    How messages and reasons quote a node's text.

    Example
    -------
    >>> shortened("Backdoors   weaken encryption for everyone", 18)
    'Backdoors weaken…'
    """
    text = " ".join(text.split())
    if len(text) <= width:
        return text
    return text[: width - 1].rstrip() + "…"


def check_number(value: Any, what: str) -> float:
    """Return *value* if it is a finite int or float (not bool), else raise."""
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise ModelError(f"{what} must be a number")
    if not math.isfinite(value):
        raise ModelError(f"{what} must be finite")
    return value


def check_json_value(value: Any, what: str, depth: int = 0) -> Any:
    """Check that an extra attribute is plain JSON (no NaN, no NUL, not too deep)."""
    if depth > 20:
        raise ModelError(f"{what} is nested too deeply")
    if value is None or isinstance(value, bool):
        return value
    if isinstance(value, (int, float)):
        return check_number(value, what)
    if isinstance(value, str):
        return check_text(value, what)
    if isinstance(value, list):
        for item in value:
            check_json_value(item, what, depth + 1)
        return value
    if isinstance(value, dict):
        for key, item in value.items():
            check_text(key, what)
            check_json_value(item, what, depth + 1)
        return value
    raise ModelError(f"{what} must be plain JSON data, not {type(value).__name__}")


def check_span(span: Any, what: str = "source") -> dict[str, Any]:
    """Check the shape of a source span ``{doc, start, end, quote}``."""
    if not isinstance(span, dict):
        raise ModelError(f"{what} must be an object with doc, start, end and quote")
    for key in ("doc", "start", "end", "quote"):
        if key not in span:
            raise ModelError(f"{what} lacks '{key}'")
    check_text(span["doc"], f"{what}.doc")
    check_text(span["quote"], f"{what}.quote")
    for key in ("start", "end"):
        if isinstance(span[key], bool) or not isinstance(span[key], int) or span[key] < 0:
            raise ModelError(f"{what}.{key} must be a whole number >= 0")
    if span["end"] < span["start"]:
        raise ModelError(f"{what} ends before it starts")
    for key, value in span.items():
        check_text(key, f"{what} key")
        if key not in ("doc", "start", "end", "quote"):
            check_json_value(value, f"{what}.{key}")
    return span


def check_node_attr(key: str, value: Any) -> Any:
    """Check one node attribute; return the value to store (positions as tuples)."""
    check_text(key, "attribute name")
    if key in RESERVED_NODE_KEYS:
        raise ModelError(f"{key!r} is reserved and cannot be a node attribute")
    if key == "kind":
        if value not in KINDS:
            raise ModelError(f"unknown kind {value!r}; expected one of {', '.join(KINDS)}")
    elif key == "basis":
        if value is not None and value not in BASES:
            raise ModelError(f"unknown basis {value!r}; expected one of {', '.join(BASES)}")
    elif key in NODE_TEXT_FIELDS:
        check_text(value, key)
    elif key == "sources":
        if not isinstance(value, list):
            raise ModelError("sources must be a list of spans")
        for i, span in enumerate(value):
            check_span(span, f"sources[{i}]")
        return [dict(span) for span in value]
    elif key == "tags":
        if not isinstance(value, list):
            raise ModelError("tags must be a list of strings")
        for tag in value:
            check_text(tag, "tag")
        return list(value)
    elif key == "rating":
        if value is not None:
            check_number(value, "rating")
    elif key == "pos":
        if not isinstance(value, (list, tuple)) or len(value) != 2:
            raise ModelError("pos must be a pair (x, y)")
        return (check_number(value[0], "pos x"), check_number(value[1], "pos y"))
    elif key == "collapsed":
        if not isinstance(value, bool):
            raise ModelError("collapsed must be true or false")
    else:
        check_json_value(value, key)
    return value


def check_edge_attr(key: str, value: Any) -> Any:
    """Check one edge attribute; return the value to store."""
    check_text(key, "attribute name")
    if key in RESERVED_EDGE_KEYS:
        raise ModelError(f"{key!r} is reserved and cannot be an edge attribute")
    if key == "relation":
        if value not in RELATIONS:
            raise ModelError(f"unknown relation {value!r}; expected one of {', '.join(RELATIONS)}")
    elif key == "strength":
        if value is not None:
            check_number(value, "strength")
    elif key in ("group", "note"):
        if value is not None:
            check_text(value, key)
    else:
        check_json_value(value, key)
    return value
