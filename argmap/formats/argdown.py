"""Argdown files (``.argdown``, ``.ad``): import and export.

Statements become claims, arguments become nodes of their own; an argument's
premise-conclusion structure becomes edges from its premises to the argument
(one co-premise group) and from the argument to its conclusion. Support and
entailment become ``supports``; attack, undercut, contrariety and
contradiction become ``opposes``. What the model cannot show (titles,
argument structures, inference rules, sections, the exact relation type,
front matter) is kept in each node's and edge's ``argdown`` attribute, so
that export gives it back. The tags ``#evidence`` and ``#counterclaim`` set
a node's kind.

Example
-------
>>> amap, warnings = loads("[Tax]: Tax sugar.\\n  - Taxes hit the poor. #counterclaim")
>>> sorted(a["kind"] for _, a in amap.graph.nodes(data=True))
['claim', 'counterclaim']
"""

import os

from argmap.errors import FormatError, ModelError
from argmap.fileio import atomic_write
from argmap.formats import argdown_lexer as lex
from argmap.formats.argdown_parser import Reader
from argmap.formats.argdown_terms import DATA_FIELDS, KIND_TAGS, STASH
from argmap.formats.argdown_writer import Writer
from argmap.formats.native import map_from_records
from argmap.model.schema import check_node_attr
from argmap.reading import read_text

SUFFIXES = (".argdown", ".ad")
#: Largest Argdown file read (bytes).
MAX_BYTES = 32 * 1024 * 1024
#: Argdown relation types that become ``supports``; all others become ``opposes``.
SUPPORTING = ("support", "entails")


# ------------------------------------------------------------------ reading
def load(path):
    """Read an Argdown file; return ``(ArgumentMap, warnings)``.

    Raises
    ------
    FormatError
        Naming the file and the line and column that is wrong.
    """
    path = os.fspath(path)
    return loads(read_text(path, MAX_BYTES), path)


def loads(text, file=None):
    """Read Argdown text; return ``(ArgumentMap, warnings)``.

    ``@include`` lines are resolved relative to *file* (the current directory
    when it is None).
    """
    if len(text) > MAX_BYTES:
        raise FormatError(f"the text is longer than {MAX_BYTES} characters", file)
    warnings = []
    text = lex.expand_includes(text.replace("\r\n", "\n").replace("\r", "\n"), file, warnings)
    _refuse_nul(text, file)
    front, skipped, body = lex.split_front_matter(text)
    settings = _front_matter(front, file, warnings)
    stash = settings.pop(STASH, None)
    strict = _is_strict(settings)
    hidden = []
    body = lex.hide_escapes(lex.strip_comments(body, warnings), hidden)
    reader = Reader(file, strict, warnings, hidden)
    items, relations, sections = reader.read(body, skipped + 1)
    nodes, edges, lines = _records(items, relations, warnings)
    meta = _meta(settings, sections)
    nodes, edges, documents, meta = _unstash(stash, nodes, edges, meta, warnings)
    return map_from_records(nodes, edges, documents, meta, file, lines), warnings


def _refuse_nul(text, file):
    at = text.find("\x00")
    if at >= 0:
        line = text.count("\n", 0, at) + 1
        column = at - text.rfind("\n", 0, at)
        raise FormatError("the text holds a NUL character", file, f"line {line} column {column}")


def _front_matter(front, file, warnings):
    if front is None:
        return {}
    try:
        data = lex.parse_yaml(front, file, "front matter")
    except FormatError as exc:
        warnings.append(f"front matter: {exc.reason}; it is ignored")
        return {}
    if data is not None and not isinstance(data, dict):
        warnings.append("front matter is not a set of settings; it is ignored")
        return {}
    return data or {}


def _is_strict(settings):
    model = settings.get("model")
    return isinstance(model, dict) and model.get("mode") == "strict"


def _meta(settings, sections):
    meta = {"title": ""}
    title = settings.pop("title", None)
    if isinstance(title, str):
        meta["title"] = " ".join(title.split())
    elif title is not None:
        settings["title"] = title
    argdown = {}
    if settings:
        argdown["front_matter"] = settings
    if sections:
        argdown["sections"] = sections
    if argdown:
        meta["argdown"] = argdown
    return meta


# ------------------------------------------------------------------ records
def _records(items, relations, warnings):
    """Return ``(nodes, edges, lines)`` from the reader's items and relations."""
    ids, nodes, lines = {}, [], []
    for i, item in enumerate(items.values()):
        ids[(item.typ, item.key)] = f"n{i + 1}"
        nodes.append(_node_record(f"n{i + 1}", item))
        lines.append(item.line)
    edges = {}
    for i, item in enumerate(items.values()):
        if item.typ == "a" and item.pcs:
            _pcs_edges(item, ids, edges, nodes[i])
    for source, target, kind, line in relations:
        lifted = _lifted(source, items)
        if (
            lifted is not source
            and lifted is items.get(("s", getattr(target, "key", None)))
            and target.typ == "s"
        ):
            _declared(edges[(ids[("a", source.key)], ids[("s", target.key)])], kind)
            continue
        _relation_edge(
            ids[(lifted.typ, lifted.key)],
            ids[(target.typ, target.key)],
            kind,
            line,
            edges,
            warnings,
        )
    return nodes, list(edges.values()), lines


def _lifted(source, items):
    """Return who bears a relation: an argument's relations go out from its conclusion."""
    if source.typ == "a" and source.pcs:
        return items[("s", source.pcs[-1][0])]
    return source


def _declared(edge, kind):
    """Note on an argument's conclusion edge that the text also states it as a relation."""
    edge["argdown"]["relation"] = kind


def _node_record(node_id, item):
    tags = list(item.tags)
    kind = next((k for k in KIND_TAGS if k in tags), "claim")
    tags = [t for t in tags if t not in KIND_TAGS]
    title = item.key if isinstance(item.key, str) else None
    text = item.text if item.text is not None else (title or "")
    record = {"id": node_id, "kind": kind, "text": text}
    if tags:
        record["tags"] = tags
    argdown = {"argument": True} if item.typ == "a" else {}
    if title is not None:
        argdown["title"] = title
    section = item.defined_section if item.text is not None else item.section
    if section is not None:
        argdown["section"] = section
    extra = _split_data(item.data, record)
    if extra:
        argdown["data"] = extra
    if argdown:
        record["argdown"] = argdown
    return record


def _split_data(data, record):
    """Move the known fields of an element's data into *record*; return the rest."""
    extra = {}
    for key, value in data.items():
        if key in DATA_FIELDS:
            try:
                record[key] = check_node_attr(key, value)
                continue
            except ModelError:
                pass
        extra[key] = value
    return extra


def _pcs_edges(item, ids, edges, record):
    argument = ids[("a", item.key)]
    steps = [(ids[("s", key)], inference) for key, inference in item.pcs]
    record["argdown"]["pcs"] = [[node, inference] for node, inference in steps]
    conclusion = steps[-1][0]
    for node, _inference in steps[:-1]:
        if node != conclusion and (node, argument) not in edges:
            edges[(node, argument)] = {
                "source": node,
                "target": argument,
                "relation": "supports",
                "group": argument,
                "argdown": {"pcs": "premise"},
            }
    edges[(argument, conclusion)] = {
        "source": argument,
        "target": conclusion,
        "relation": "supports",
        "argdown": {"pcs": "conclusion"},
    }


def _relation_edge(source, target, kind, line, edges, warnings):
    if source == target:
        warnings.append(f"line {line}: an element cannot relate to itself; ignored")
        return
    relation = "supports" if kind in SUPPORTING else "opposes"
    edge = edges.get((source, target))
    if edge is None:
        edge = edges[(source, target)] = {"source": source, "target": target, "relation": relation}
        if kind not in ("support", "attack"):
            edge["argdown"] = {"relation": kind}
        return
    known = edge.get("argdown", {})
    if edge["relation"] != relation or known.get("relation", kind) != kind and "pcs" not in known:
        warnings.append(
            f"line {line}: a second, different relation between the same two elements; ignored"
        )
    elif "pcs" in known:
        known["relation"] = kind


# ------------------------------------------------------------ argmap's stash
def _unstash(stash, nodes, edges, meta, warnings):
    """Apply what argmap wrote into the front matter: attributes Argdown has no syntax for."""
    if stash is None:
        return nodes, edges, [], meta
    if not isinstance(stash, dict):
        warnings.append(f"front matter: '{STASH}' is not a set of values; ignored")
        return nodes, edges, [], meta
    by_title = {r.get("argdown", {}).get("title"): r for r in nodes}
    by_title.pop(None, None)
    untitled = set(stash.get("untitled") or ())
    for title, record in by_title.items():
        extra = (stash.get("nodes") or {}).get(title)
        if isinstance(extra, dict):
            record.update({k: v for k, v in extra.items() if k not in ("id", "argdown")})
        if title in untitled:
            _drop_title(record)
    _unstash_edges(stash.get("edges") or [], by_title, edges, warnings)
    if isinstance(stash.get("map"), dict):
        meta.update({k: v for k, v in stash["map"].items() if k != "title"})
    documents = stash.get("documents") or []
    return nodes, edges, documents if isinstance(documents, list) else [], meta


def _drop_title(record):
    argdown = record["argdown"]
    argdown.pop("title", None)
    if not argdown:
        del record["argdown"]


def _unstash_edges(extras, by_title, edges, warnings):
    index = {(e["source"], e["target"]): e for e in edges}
    for entry in extras:
        if not (isinstance(entry, list) and len(entry) == 3 and isinstance(entry[2], dict)):
            warnings.append(f"front matter: a bad entry in '{STASH}.edges'; ignored")
            continue
        source, target = by_title.get(entry[0]), by_title.get(entry[1])
        edge = index.get((source["id"], target["id"])) if source and target else None
        if edge is None:
            warnings.append(f"front matter: '{STASH}.edges' names a link the text lacks; ignored")
            continue
        edge.update({k: v for k, v in entry[2].items() if k not in ("source", "target")})


# ------------------------------------------------------------------ writing
def dumps(amap):
    """Return *amap* as Argdown text."""
    return Writer(amap).write()


def save(amap, path):
    """Write *amap* as an Argdown file, atomically; return the warnings of :func:`cannot_hold`."""
    warnings = cannot_hold(amap)
    atomic_write(path, dumps(amap).encode("utf-8"))
    return warnings


def cannot_hold(amap):
    """Return what Argdown's own syntax cannot hold of *amap*, one sentence each.

    Such things are kept in an ``argmap:`` block of the front matter, which
    argmap reads back but Argdown and its editors ignore.

    Example
    -------
    >>> from argmap.model import ArgumentMap
    >>> m = ArgumentMap.from_records([{"id": "a", "kind": "claim", "text": "two\\nlines"}])
    >>> cannot_hold(m)
    ['1 text(s) with line breaks or repeated spaces: Argdown joins them into one line']
    """
    counts = _unheld_counts(amap)
    messages = {
        "spaces": "text(s) with line breaks or repeated spaces: Argdown joins them into one line",
        "pos": "node position(s): kept only in argmap's front-matter block",
        "sources": "source quotation(s): kept only in argmap's front-matter block",
        "group": "co-premise link(s) outside an Argdown argument: shown by Argdown as "
        "separate reasons",
        "edge": "link strength(s) or note(s): kept only in argmap's front-matter block",
    }
    return [f"{counts[key]} {text}" for key, text in messages.items() if counts.get(key)]


def _unheld_counts(amap):
    counts = {}
    for _, attrs in amap.graph.nodes(data=True):
        text = attrs.get("text", "")
        if text != " ".join(text.split()):
            counts["spaces"] = counts.get("spaces", 0) + 1
        for key in ("pos", "sources"):
            if attrs.get(key):
                counts[key] = counts.get(key, 0) + 1
    for _, _, attrs in amap.graph.edges(data=True):
        pcs = (
            (attrs.get("argdown") or {}).get("pcs")
            if isinstance(attrs.get("argdown"), dict)
            else None
        )
        if attrs.get("group") is not None and pcs is None:
            counts["group"] = counts.get("group", 0) + 1
        if any(attrs.get(k) is not None for k in ("strength", "note")):
            counts["edge"] = counts.get("edge", 0) + 1
    return counts
