"""AIF JSON (the Argument Interchange Format, as AIFdb serves it) and OVA's xAIF wrapper.

Import: I-nodes become claims; an RA node becomes ``supports`` links from
its premises to its conclusion (several premises form one co-premise group,
named after the RA); a CA node becomes ``opposes`` (a CA aimed at an RA, an
undercut, is drawn against that RA's conclusion and marked). MA nodes
(rephrase) are kept in the map's ``aif`` attribute. The dialogue layer gives
speakers where a locution names one; otherwise it is dropped and counted in
a warning. Every node keeps its AIF id in ``aif.id``, every link its S-node
in ``aif``, so that export gives them back.

Export writes plain AIF, or OVA3's xAIF (``{"AIF": ..., "OVA": ..., "text": ...}``)
with node positions.
"""

from __future__ import annotations

import json
import os
from collections.abc import Mapping
from typing import Any

from argmap.errors import FormatError
from argmap.fileio import atomic_write
from argmap.formats.native import Loaded, Record, map_from_dict, map_from_records
from argmap.model import ArgumentMap
from argmap.reading import parse_json, read_text

#: AIF nodes by id, as read (each a JSON object with at least ``type``).
Nodes = dict[str, dict[str, Any]]
#: Node id -> the ids its edges lead to (or come from).
Links = dict[str, list[str]]

#: Largest AIF file read (bytes).
MAX_BYTES = 64 * 1024 * 1024
#: Node types of the dialogue layer.
DIALOGUE = ("L", "YA", "TA")
#: AIF node types argmap does not show, in plain words: (one, many, what they are).
NODE_NAMES = {
    "L": ("locution", "locutions", "who said what"),
    "TA": ("transition", "transitions", "how one move answers another"),
    "YA": ("illocution", "illocutions", "what a move asserts, asks or challenges"),
    "PA": ("preference", "preferences", "which argument outweighs which"),
}
DEFAULT_SCHEME = {"RA": "Default Inference", "CA": "Default Conflict"}


# ------------------------------------------------------------------ reading
def load(path: str | os.PathLike[str]) -> Loaded:
    """Read an AIF or xAIF file; return ``(ArgumentMap, warnings)``.

    Raises
    ------
    FormatError
        Naming the file and the JSON path that is wrong.
    """
    name = os.fspath(path)
    return from_data(parse_json(read_text(name, MAX_BYTES), name), name)


def loads(text: str, file: str | os.PathLike[str] | None = None) -> Loaded:
    """Read AIF JSON text; return ``(ArgumentMap, warnings)``."""
    return from_data(parse_json(text, file), file)


def from_data(data: object, file: str | os.PathLike[str] | None = None) -> Loaded:
    """Build a map from parsed AIF or xAIF data; return ``(ArgumentMap, warnings)``.

    Data of argmap's own format (``"format": "argmap"``, saved as ``.json``) is read as such.
    """
    if isinstance(data, dict) and data.get("format") == "argmap":
        return map_from_dict(data, file), []
    graph, ova, wrapper, base = _unwrap(data, file)
    warnings: list[str] = []
    nodes = _nodes(graph.get("nodes", []), file, f"{base}.nodes", warnings)
    outgoing, incoming = _edges(graph.get("edges", []), nodes, file, f"{base}.edges", warnings)
    records = _i_records(nodes, _positions(ova), _speakers(graph, nodes, incoming))
    edges, rephrases = _links(nodes, outgoing, incoming, warnings)
    _count_dropped(nodes, warnings)
    own = _object(graph.get("argmap"))
    meta: Record = {"title": "", **_object(own.get("map"))}
    aif: Record = {"format": "xaif" if wrapper else "aif"}
    meta["aif"] = aif
    if rephrases:
        aif["rephrases"] = rephrases
    if wrapper and isinstance(data, dict) and isinstance(data.get("text"), str) and data["text"]:
        aif["text"] = data["text"]
    documents = own.get("documents")
    if not isinstance(documents, list):
        documents = []
    return map_from_records(records, edges, documents, meta, file), warnings


def _object(value: object) -> dict[str, Any]:
    """*value* when it is a JSON object, else an empty one."""
    return value if isinstance(value, dict) else {}


def _unwrap(
    data: object, file: str | os.PathLike[str] | None
) -> tuple[dict[str, Any], dict[str, Any], bool, str]:
    if not isinstance(data, dict):
        raise FormatError("not AIF: expected a JSON object with nodes and edges", file, "$")
    if isinstance(data.get("AIF"), dict):
        return data["AIF"], _object(data.get("OVA")), True, "$.AIF"
    if "nodes" not in data:
        raise FormatError('not AIF: no "nodes" list', file, "$")
    return data, {}, False, "$"


def _node_id(value: object, file: str | os.PathLike[str] | None, where: str) -> str:
    if isinstance(value, bool) or not isinstance(value, (str, int)) or value == "":
        raise FormatError("a node id must be a string or a whole number", file, where)
    return str(value)


def _nodes(
    raw: object, file: str | os.PathLike[str] | None, base: str, warnings: list[str]
) -> Nodes:
    if not isinstance(raw, list):
        raise FormatError("expected a list of nodes", file, base)
    nodes: Nodes = {}
    for i, node in enumerate(raw):
        if not isinstance(node, dict):
            raise FormatError("a node must be an object", file, f"{base}[{i}]")
        node_id = _node_id(node.get("nodeID"), file, f"{base}[{i}].nodeID")
        if node_id in nodes:
            raise FormatError(f"node id {node_id!r} appears twice", file, f"{base}[{i}].nodeID")
        kind = node.get("type")
        if not isinstance(kind, str):
            raise FormatError(
                "a node needs a type (I, RA, CA, MA, L, YA, TA ...)", file, f"{base}[{i}].type"
            )
        text = node.get("text", "")
        if kind == "I" and not isinstance(text, str):
            raise FormatError("an I-node's text must be a string", file, f"{base}[{i}].text")
        nodes[node_id] = node
    return nodes


def _edges(
    raw: object, nodes: Nodes, file: str | os.PathLike[str] | None, base: str, warnings: list[str]
) -> tuple[Links, Links]:
    if not isinstance(raw, list):
        raise FormatError("expected a list of edges", file, base)
    outgoing: Links = {}
    incoming: Links = {}
    bad = 0
    for edge in raw:
        ends = (edge.get("fromID"), edge.get("toID")) if isinstance(edge, dict) else (None, None)
        source, target = _end(ends[0], nodes), _end(ends[1], nodes)
        if source is None or target is None or source == target:
            bad += 1
            continue
        outgoing.setdefault(source, []).append(target)
        incoming.setdefault(target, []).append(source)
    if bad:
        warnings.append(f"{bad} edge(s) malformed or naming no node ({base}); ignored")
    return outgoing, incoming


def _end(value: object, nodes: Nodes) -> str | None:
    """The node an edge's end names, or None when it names none."""
    if isinstance(value, bool) or not isinstance(value, (str, int)):
        return None
    node_id = str(value)
    return node_id if node_id in nodes else None


def _positions(ova: dict[str, Any]) -> dict[str, tuple[float, float]]:
    positions = {}
    for node in ova.get("nodes", []) if isinstance(ova.get("nodes"), list) else []:
        try:
            positions[str(node["nodeID"])] = (float(node["x"]), float(node["y"]))
        except (KeyError, TypeError, ValueError):
            continue
    return positions


def _speakers(graph: dict[str, Any], nodes: Nodes, incoming: Links) -> dict[str, str]:
    """Return ``{I-node id: speaker}`` from locutions anchored to I-nodes through YA nodes."""
    people: dict[str, str] = {}
    for person in graph.get("participants") or []:
        if isinstance(person, dict) and "participantID" in person:
            name = " ".join(str(person.get(k) or "") for k in ("firstname", "surname")).strip()
            people[str(person["participantID"])] = name
    said_by: dict[str, str] = {}
    for loc in graph.get("locutions") or []:
        if isinstance(loc, dict) and str(loc.get("personID")) in people:
            said_by[str(loc.get("nodeID"))] = people[str(loc["personID"])]
    speakers: dict[str, str] = {}
    for node_id, node in nodes.items():
        if node["type"] != "I":
            continue
        for ya in incoming.get(node_id, ()):
            if nodes[ya]["type"] != "YA":
                continue
            for loc in incoming.get(ya, ()):
                speaker = said_by.get(loc) or _prefix_name(nodes[loc])
                if speaker:
                    speakers.setdefault(node_id, speaker)
    return speakers


def _prefix_name(node: dict[str, Any]) -> str | None:
    text = node.get("text")
    if node.get("type") != "L" or not isinstance(text, str) or ": " not in text[:80]:
        return None
    return text.split(": ", 1)[0].strip() or None


def _i_records(
    nodes: Nodes, positions: dict[str, tuple[float, float]], speakers: dict[str, str]
) -> list[Record]:
    records = []
    for node_id, node in nodes.items():
        if node["type"] != "I":
            continue
        record: Record = {"id": node_id, "kind": "claim", "text": node.get("text", "")}
        extra = node.get("argmap")
        if isinstance(extra, dict):
            record.update({k: v for k, v in extra.items() if k not in ("id", "text", "aif")})
        if node_id in speakers and "speaker" not in record:
            record["speaker"] = speakers[node_id]
        if node_id in positions and "pos" not in record:
            record["pos"] = positions[node_id]
        aif = {"id": node_id}
        if node.get("timestamp"):
            aif["timestamp"] = str(node["timestamp"])
        record["aif"] = aif
        records.append(record)
    return records


def _links(
    nodes: Nodes, outgoing: Links, incoming: Links, warnings: list[str]
) -> tuple[list[Record], list[list[str]]]:
    """Return the edge records and the rephrase pairs the S-nodes stand for."""
    edges: dict[tuple[str, str], Record] = {}
    rephrases: list[list[str]] = []
    for node_id, node in nodes.items():
        kind = node["type"]
        if kind not in ("RA", "CA", "MA"):
            continue
        premises = [p for p in incoming.get(node_id, ()) if nodes[p]["type"] == "I"]
        targets = outgoing.get(node_id, [])
        if kind == "MA":
            rephrases += [[p, t] for p in premises for t in targets if nodes[t]["type"] == "I"]
            continue
        for target in targets:
            _link(node_id, node, premises, target, nodes, outgoing, edges, warnings)
    return list(edges.values()), rephrases


def _link(
    s_id: str,
    s_node: dict[str, Any],
    premises: list[str],
    target: str,
    nodes: Nodes,
    outgoing: Links,
    edges: dict[tuple[str, str], Record],
    warnings: list[str],
) -> None:
    kind = s_node["type"]
    aif = {kind.lower(): s_id, "scheme": s_node.get("text") or DEFAULT_SCHEME[kind]}
    conclusion: str | None = target
    if nodes[target]["type"] == "RA" and kind == "CA":
        aif["undercuts"] = target
        conclusion = next((t for t in outgoing.get(target, ()) if nodes[t]["type"] == "I"), None)
    if conclusion is None or nodes[conclusion]["type"] != "I":
        return
    extra = _object(s_node.get("argmap"))
    for premise in premises:
        if premise == conclusion or (premise, conclusion) in edges:
            warnings.append(f"S-node {s_id}: a second link from {premise} to {conclusion}; ignored")
            continue
        record: Record = {
            "source": premise,
            "target": conclusion,
            "relation": "supports" if kind == "RA" else "opposes",
            "aif": aif,
        }
        if kind == "RA" and len(premises) > 1:
            record["group"] = s_id
        record.update({k: v for k, v in extra.items() if k not in ("source", "target")})
        edges[(premise, conclusion)] = record


def _count_dropped(nodes: Nodes, warnings: list[str]) -> None:
    dropped: dict[str, int] = {}
    for node in nodes.values():
        if node["type"] not in ("I", "RA", "CA", "MA"):
            dropped[node["type"]] = dropped.get(node["type"], 0) + 1
    if dropped:
        warnings.append(not_shown(dropped))


def not_shown(dropped: Mapping[str, int]) -> str:
    """Say in plain words which AIF nodes (counts by type) the map does not show.

    Example
    -------
    >>> not_shown({"L": 16, "TA": 8, "YA": 14})  # doctest: +NORMALIZE_WHITESPACE
    'The file also holds 16 locutions (who said what), 8 transitions (how one move answers
    another) and 14 illocutions (what a move asserts, asks or challenges), which argmap does
    not show; they stay in the file as long as it is not saved over. Speakers were kept
    where a locution names one.'
    """
    order = [t for t in NODE_NAMES if t in dropped] + sorted(set(dropped) - set(NODE_NAMES))
    parts = [_counted(kind, dropped[kind]) for kind in order]
    listed = parts[0] if len(parts) == 1 else ", ".join(parts[:-1]) + " and " + parts[-1]
    text = (
        f"The file also holds {listed}, which argmap does not show; they stay in the file "
        "as long as it is not saved over."
    )
    return text + (" Speakers were kept where a locution names one." if "L" in dropped else "")


def _counted(kind: str, count: int) -> str:
    if kind not in NODE_NAMES:
        return f"{count} node{'' if count == 1 else 's'} of type {kind}"
    one, many, meaning = NODE_NAMES[kind]
    return f"{count} {one if count == 1 else many} ({meaning})"


# ------------------------------------------------------------------ writing
def to_data(amap: ArgumentMap, xaif: bool = False) -> dict[str, Any]:
    """Return *amap* as AIF data (or OVA3's xAIF wrapper, with positions, when *xaif*)."""
    ids = _export_ids(amap)
    nodes: list[Record] = []
    edges: list[Record] = []
    for node, attrs in amap.graph.nodes(data=True):
        record: Record = {
            "nodeID": ids[node],
            "text": attrs.get("text", ""),
            "type": "I",
            "timestamp": (attrs.get("aif") or {}).get("timestamp", "")
            if isinstance(attrs.get("aif"), dict)
            else "",
        }
        extra = {k: _plain(v) for k, v in attrs.items() if k not in ("text", "aif")}
        if extra != {"kind": "claim"}:
            record["argmap"] = extra
        nodes.append(record)
    s_ids = _s_nodes(amap, ids, nodes, edges)
    _rephrases(amap, ids, nodes, edges, s_ids)
    graph: dict[str, Any] = {"nodes": nodes, "edges": edges, "locutions": []}
    own: dict[str, Any] = {"map": {k: v for k, v in amap.meta.items() if k != "aif"}}
    if amap.documents:
        own["documents"] = [dict(d) for d in amap.documents.values()]
    graph["argmap"] = own
    if not xaif:
        return graph
    graph.update({"schemefulfillments": [], "descriptorfulfillments": [], "participants": []})
    for i, edge in enumerate(graph["edges"], 1):
        edge["edgeID"] = i
    return {
        "AIF": graph,
        "text": (amap.meta.get("aif") or {}).get("text", "")
        if isinstance(amap.meta.get("aif"), dict)
        else "",
        "OVA": {
            "firstname": "",
            "surname": "",
            "url": "",
            "edges": [],
            "nodes": _ova_nodes(amap, ids, nodes),
        },
    }


def _plain(value: object) -> object:
    return list(value) if isinstance(value, tuple) else value


def _aif_of(attrs: Mapping[str, Any]) -> dict[str, Any]:
    """The AIF fields a node or link kept from the file it was read from (empty if none)."""
    kept = attrs.get("aif")
    return kept if isinstance(kept, dict) else {}


def _export_ids(amap: ArgumentMap) -> dict[str, str]:
    ids: dict[str, str] = {}
    used: set[str] = set()
    for node, attrs in amap.graph.nodes(data=True):
        aif = _aif_of(attrs)
        own = aif.get("id")
        ids[node] = own if isinstance(own, str) and own and own not in used else f"I{node}"
        used.add(ids[node])
    return ids


def _s_nodes(
    amap: ArgumentMap, ids: dict[str, str], nodes: list[Record], edges: list[Record]
) -> dict[tuple[str, ...], str]:
    """Add one RA per co-premise group (or ungrouped support), one CA per attack."""
    graph = amap.graph
    taken = set(ids.values())
    s_of: dict[tuple[str, ...], str] = {}
    for source, target, attrs in graph.edges(data=True):
        aif = _aif_of(attrs)
        kind = "RA" if attrs["relation"] == "supports" else "CA"
        group = attrs.get("group") if kind == "RA" else None
        key = (target, "g", group) if group is not None else (source, target)
        if key not in s_of:
            s_id = aif.get(kind.lower()) if isinstance(aif.get(kind.lower()), str) else None
            s_id = s_id if s_id and s_id not in taken else f"{kind}{len(s_of) + 1}_{ids[target]}"
            taken.add(s_id)
            s_of[key] = s_id
            extra = {k: _plain(v) for k, v in attrs.items() if k not in ("relation", "aif")}
            node: Record = {
                "nodeID": s_id,
                "text": aif.get("scheme") or DEFAULT_SCHEME[kind],
                "type": kind,
                "timestamp": "",
            }
            if extra:
                node["argmap"] = extra
            nodes.append(node)
            edges.append(_edge(len(edges), s_id, ids[target]))
        edges.append(_edge(len(edges), ids[source], s_of[key]))
    return s_of


def _edge(n: int, source: str, target: str) -> Record:
    return {"edgeID": f"E{n + 1}", "fromID": source, "toID": target, "formEdgeID": None}


def _rephrases(
    amap: ArgumentMap,
    ids: dict[str, str],
    nodes: list[Record],
    edges: list[Record],
    s_ids: dict[tuple[str, ...], str],
) -> None:
    aif = _object(amap.meta.get("aif"))
    present = set(ids.values())
    for i, pair in enumerate(aif.get("rephrases") or []):
        if isinstance(pair, list) and len(pair) == 2 and pair[0] in present and pair[1] in present:
            s_id = f"MA{i + 1}"
            nodes.append(
                {"nodeID": s_id, "text": "Default Rephrase", "type": "MA", "timestamp": ""}
            )
            edges.append(_edge(len(edges), pair[0], s_id))
            edges.append(_edge(len(edges), s_id, pair[1]))


def _ova_nodes(amap: ArgumentMap, ids: dict[str, str], nodes: list[Record]) -> list[Record]:
    pos = {ids[n]: a.get("pos") for n, a in amap.graph.nodes(data=True)}
    out = []
    for node in nodes:
        place = pos.get(node["nodeID"])
        if not place:
            continue
        x, y = place
        out.append({"nodeID": node["nodeID"], "visible": True, "x": x, "y": y, "timestamp": ""})
    return out


def dumps(amap: ArgumentMap, xaif: bool = False) -> str:
    """Return *amap* as AIF JSON text."""
    return json.dumps(to_data(amap, xaif), ensure_ascii=False, indent=1, allow_nan=False) + "\n"


def save(amap: ArgumentMap, path: str | os.PathLike[str], xaif: bool = False) -> list[str]:
    """Write *amap* as AIF (or xAIF) JSON, atomically; return warnings (none so far)."""
    atomic_write(path, dumps(amap, xaif).encode("utf-8"))
    return cannot_hold(amap)


def cannot_hold(amap: ArgumentMap) -> list[str]:
    """Return what plain AIF cannot hold of *amap* (kept in ``argmap`` keys other tools ignore)."""
    count = sum(
        1
        for _, a in amap.graph.nodes(data=True)
        if a.get("kind") != "claim" or a.get("sources") or a.get("tags")
    )
    return (
        [
            f"{count} node kind(s), tag(s) or source(s): kept in an 'argmap' key other AIF "
            "tools ignore"
        ]
        if count
        else []
    )
