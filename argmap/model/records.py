"""The quick check of the records a map is built from (:meth:`ArgumentMap.from_records`).

A file may hold a million nodes: a handful of function calls per value adds
up to seconds. Here a node whose fields are its kind and plain text, and an
edge with only its relation, are checked inline, and all their strings in a
few passes at once (:func:`all_plain_text`); other records go through the
model's own attribute checks, one by one.

The quick check only says yes or "look closer": when it returns None the
model checks the records one by one, as always, and reports the first fault
with its place. So it can never change which fault is reported or how.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Hashable
from typing import Any, TypeVar

from argmap.errors import ModelError
from argmap.model.schema import KINDS, MAX_TEXT, NODE_TEXT_FIELDS, RELATIONS, Attrs

#: Node fields checked in bulk: the kind, and the fields whose value is text (the basis,
#: a name from :data:`~argmap.model.schema.BASES` or null, is the model's to check).
PLAIN_NODE_KEYS = frozenset(("kind",) + NODE_TEXT_FIELDS) - {"basis"}
_PLAIN_WITH_ID = PLAIN_NODE_KEYS | {"id"}
_ENDS = ("source", "target")
#: Strings joined per bulk check (a bound on the memory it takes).
_CHUNK = 4096

#: The model's check of a record's attributes: the attributes to store, or ModelError.
CheckAttrs = Callable[[Attrs], Attrs]
Name = TypeVar("Name", bound=Hashable)


def quick_nodes(
    records: list[Any], check_attrs: CheckAttrs, consume: bool = False
) -> dict[str, Attrs] | None:
    """Return ``{id: attributes}`` for node *records* (a list), or None to look closer.

    *check_attrs* is the model's check of a node's attributes (it returns
    the attributes to store, or raises ModelError); it runs only for records
    with fields beyond :data:`PLAIN_NODE_KEYS`. The attribute dicts are new,
    unless *consume*: then a plain record itself becomes the attributes, its
    ``id`` taken out; records are changed only once all of them passed.
    """
    clean: dict[str, Attrs] = {}
    fresh: set[str] = set()
    texts: list[Any] = []
    for record in records:
        if type(record) is not dict:
            return None
        node_id = record.get("id")
        if (
            type(node_id) is not str
            or not node_id
            or node_id in clean
            or record.get("kind") not in KINDS
            or "text" not in record
        ):
            return None
        keys = record.keys()
        if keys <= _PLAIN_WITH_ID:
            texts += record.values()
            clean[node_id] = record
        else:
            attrs = _checked(check_attrs, {k: v for k, v in record.items() if k != "id"})
            if attrs is None:
                return None
            texts.append(node_id)
            clean[node_id] = attrs
            fresh.add(node_id)
        if len(texts) >= _CHUNK:
            if not all_plain_text(texts):
                return None
            texts.clear()
    if not all_plain_text(texts):
        return None
    _take_out(clean, fresh, ("id",), consume)
    return clean


def quick_edges(
    records: list[Any],
    is_node: Callable[[Any], bool],
    check_attrs: CheckAttrs,
    consume: bool = False,
) -> dict[tuple[str, str], Attrs] | None:
    """Return ``{(source, target): attributes}`` for edge *records* (a list), or None.

    *is_node* tells the map's nodes; *check_attrs* checks the attributes of
    a record with fields beyond its relation. *consume* as for :func:`quick_nodes`.
    """
    clean: dict[tuple[Any, Any], Attrs] = {}  # pairs of node ids, once checked
    fresh: set[tuple[Any, Any]] = set()
    for record in records:
        if type(record) is not dict:
            return None
        pair = source, target = record.get("source"), record.get("target")
        if (
            type(source) is not str
            or type(target) is not str
            or source == target
            or pair in clean
            or not is_node(source)
            or not is_node(target)
            or record.get("relation") not in RELATIONS
        ):
            return None
        if len(record) > 3:  # fields beyond source, target and relation
            attrs = _checked(check_attrs, _without(record, _ENDS))
            if attrs is None:
                return None
            fresh.add(pair)
            record = attrs
        clean[pair] = record
    _take_out(clean, fresh, _ENDS, consume)
    return clean


def _take_out(
    clean: dict[Name, Attrs], fresh: set[Name], keys: tuple[str, ...], consume: bool
) -> None:
    """Make every record in *clean* (but the *fresh* attributes) its attributes: the record
    itself, or a copy unless *consume*, without *keys*."""
    if not consume:
        for name, record in clean.items():
            if name not in fresh:
                clean[name] = _without(record, keys)
        return
    records = clean.values() if not fresh else [clean[n] for n in clean if n not in fresh]
    for key in keys:
        for record in records:
            del record[key]


def _without(record: Attrs, keys: Collection[str]) -> Attrs:
    """A copy of *record* without *keys*."""
    attrs = record.copy()
    for key in keys:
        del attrs[key]
    return attrs


def _checked(check: CheckAttrs, attrs: Attrs) -> Attrs | None:
    """Return ``check(attrs)``, or None when it refuses them: the closer look reports why."""
    try:
        return check(attrs)
    except ModelError:
        return None


def all_plain_text(values: list[Any]) -> bool:
    """Whether every one of *values* (a list) is text that ``check_text`` accepts.

    Strings, none holding NUL or a lone surrogate, none longer than
    :data:`~argmap.model.schema.MAX_TEXT`: checked a chunk of strings at a time.

    Example
    -------
    >>> all_plain_text(["Encryption", "protects"]), all_plain_text(["a\\x00b"])
    (True, False)
    >>> all_plain_text(["\\ud800"]), all_plain_text([3])
    (False, False)
    """
    if not set(map(type, values)) <= {str}:
        return False
    for start in range(0, len(values), _CHUNK):
        chunk = values[start : start + _CHUNK]
        joined = "".join(chunk)
        if "\x00" in joined or (len(joined) > MAX_TEXT and max(map(len, chunk)) > MAX_TEXT):
            return False
        if not joined.isascii() and not _encodes(joined):
            return False
    return True


def _encodes(text: str) -> bool:
    """Whether *text* is valid Unicode (no lone surrogate): it encodes as UTF-8."""
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True
