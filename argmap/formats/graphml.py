"""GraphML (``.graphml``), through networkx; the XML is parsed with defusedxml.

A node's ``kind`` and ``text`` (or ``label`` / ``name``) and an edge's
``relation`` are read as ours; every other attribute is kept. Values GraphML
cannot hold (lists, positions, spans) are written as JSON text and their keys
listed in the graph attribute ``argmap_json``, so that reading gives them back.
"""

import json
import os

from argmap.errors import FormatError, ModelError
from argmap.fileio import atomic_write
from argmap.formats.native import map_from_records
from argmap.model.schema import KINDS, check_node_attr
from argmap.reading import read_text

SUFFIXES = (".graphml",)
#: Largest GraphML file read (bytes).
MAX_BYTES = 64 * 1024 * 1024
#: Words other tools use for a relation, read as ours.
RELATION_WORDS = {
    "supports": "supports",
    "support": "supports",
    "pro": "supports",
    "opposes": "opposes",
    "attack": "opposes",
    "attacks": "opposes",
    "con": "opposes",
    "rebut": "opposes",
    "undercut": "opposes",
}


def load(path):
    """Read a GraphML file; return ``(ArgumentMap, warnings)``.

    Raises
    ------
    FormatError
        For XML that is malformed or declares a DTD or entities, naming the line.
    """
    path = os.fspath(path)
    return loads(read_text(path, MAX_BYTES), path)


def loads(text, file=None):
    """Read GraphML text; return ``(ArgumentMap, warnings)``."""
    graph = _parse(text, file)
    warnings = []
    json_keys = set(_json_list(graph.graph.get("argmap_json")))
    ids = {n: str(n) for n in graph.nodes}
    nodes = [_node(ids[n], a, json_keys) for n, a in graph.nodes(data=True)]
    edges = _edges(graph, ids, json_keys, warnings)
    meta = {
        k: (_decode(v, v) if k in json_keys else v)
        for k, v in graph.graph.items()
        if k not in ("argmap_json", "argmap_documents", "node_default", "edge_default")
    }
    meta["title"] = str(meta.get("title", meta.pop("name", "")))
    documents = _decode(graph.graph.get("argmap_documents"), [])
    return map_from_records(nodes, edges, documents, meta, file), warnings


def _parse(text, file):
    import networkx as nx
    from defusedxml import ElementTree as safe
    from defusedxml.common import DefusedXmlException

    try:
        safe.fromstring(
            text.encode("utf-8"), forbid_dtd=True, forbid_entities=True, forbid_external=True
        )
    except DefusedXmlException as exc:
        raise FormatError(
            f"refused: the XML declares {type(exc).__name__[:-9] or 'a DTD'} "
            "(DTDs and entities are not read)",
            file,
        ) from None
    except safe.ParseError as exc:
        line, column = getattr(exc, "position", (None, None))
        raise FormatError(
            f"not well-formed XML: {exc}",
            file,
            f"line {line} column {column + 1}" if line else None,
        ) from None
    try:
        graph = nx.parse_graphml(text)
    except (nx.NetworkXError, KeyError, ValueError, TypeError) as exc:
        raise FormatError(f"not GraphML networkx can read: {exc}", file) from None
    return graph


def _json_list(value):
    decoded = _decode(value, [])
    return decoded if isinstance(decoded, list) else []


def _decode(value, default):
    if not isinstance(value, str):
        return default
    try:
        return json.loads(value)
    except ValueError:
        return default


def _node(node_id, attrs, json_keys):
    attrs = {k: (_decode(v, v) if k in json_keys else v) for k, v in attrs.items()}
    kind = attrs.pop("kind", "claim")
    text = attrs.pop("text", None)
    if text is None:
        text = attrs.get("label", attrs.get("name", node_id))
    record = {"id": node_id, "kind": kind if kind in KINDS else "claim", "text": str(text)}
    if kind not in KINDS:
        record["graphml_kind"] = kind
    for key, value in attrs.items():
        try:
            record[key] = check_node_attr(key, value)
        except ModelError:
            record[f"graphml_{key}"] = (
                value if isinstance(value, (str, int, float, bool)) else str(value)
            )
    return record


def _edges(graph, ids, json_keys, warnings):
    edges, skipped = {}, 0
    if not graph.is_directed():
        warnings.append(
            "the graph is undirected; each edge is read as written, from source to target"
        )
    for source, target, attrs in graph.edges(data=True):
        key = (ids[source], ids[target])
        if source == target or key in edges:
            skipped += 1
            continue
        attrs = {k: (_decode(v, v) if k in json_keys else v) for k, v in attrs.items() if k != "id"}
        word = str(attrs.pop("relation", "supports")).lower()
        relation = RELATION_WORDS.get(word)
        if relation is None:
            relation, attrs["graphml_relation"] = "supports", word
        edges[key] = {"source": key[0], "target": key[1], "relation": relation, **attrs}
    if skipped:
        warnings.append(f"{skipped} self-loop(s) or repeated edge(s) dropped")
    return list(edges.values())


# ------------------------------------------------------------------ writing
def to_networkx(amap):
    """Return a ``networkx.DiGraph`` of *amap* whose values GraphML can hold."""
    import networkx as nx

    json_keys = set()
    graph = nx.DiGraph()
    for node, attrs in amap.graph.nodes(data=True):
        graph.add_node(node, **_scalars(attrs, json_keys))
    for source, target, attrs in amap.graph.edges(data=True):
        graph.add_edge(source, target, **_scalars(attrs, json_keys))
    graph.graph.update(_scalars(amap.meta, json_keys))
    if amap.documents:
        graph.graph["argmap_documents"] = json.dumps(
            list(amap.documents.values()), ensure_ascii=False
        )
    if json_keys:
        graph.graph["argmap_json"] = json.dumps(sorted(json_keys))
    return graph


def _scalars(attrs, json_keys):
    out = {}
    for key, value in attrs.items():
        if value is None or isinstance(value, (list, tuple, dict)):
            json_keys.add(key)
            out[key] = json.dumps(
                list(value) if isinstance(value, tuple) else value, ensure_ascii=False
            )
        else:
            out[key] = value
    return out


def dumps(amap):
    """Return *amap* as GraphML text."""
    import networkx as nx

    return "\n".join(nx.generate_graphml(to_networkx(amap))) + "\n"


def save(amap, path):
    """Write *amap* as GraphML, atomically; return warnings (GraphML holds everything)."""
    atomic_write(path, dumps(amap).encode("utf-8"))
    return []


def cannot_hold(amap):
    """GraphML keeps every attribute (as JSON text where needed): nothing is lost."""
    return []
