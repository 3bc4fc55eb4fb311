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

import json
import os

from argmap.errors import FormatError
from argmap.fileio import atomic_write
from argmap.formats.native import map_from_dict, map_from_records
from argmap.reading import parse_json, read_text

#: Largest AIF file read (bytes).
MAX_BYTES = 64 * 1024 * 1024
#: Node types of the dialogue layer.
DIALOGUE = ("L", "YA", "TA")
DEFAULT_SCHEME = {"RA": "Default Inference", "CA": "Default Conflict"}


# ------------------------------------------------------------------ reading
def load(path):
    """Read an AIF or xAIF file; return ``(ArgumentMap, warnings)``.

    Raises
    ------
    FormatError
        Naming the file and the JSON path that is wrong.
    """
    path = os.fspath(path)
    return from_data(parse_json(read_text(path, MAX_BYTES), path), path)


def loads(text, file=None):
    """Read AIF JSON text; return ``(ArgumentMap, warnings)``."""
    return from_data(parse_json(text, file), file)


def from_data(data, file=None):
    """Build a map from parsed AIF or xAIF data; return ``(ArgumentMap, warnings)``.

    Data of argmap's own format (``"format": "argmap"``, saved as ``.json``) is read as such.
    """
    if isinstance(data, dict) and data.get("format") == "argmap":
        return map_from_dict(data, file), []
    graph, ova, wrapper, base = _unwrap(data, file)
    warnings = []
    nodes = _nodes(graph.get("nodes", []), file, f"{base}.nodes", warnings)
    outgoing, incoming = _edges(graph.get("edges", []), nodes, file, f"{base}.edges", warnings)
    records = _i_records(nodes, _positions(ova), _speakers(graph, nodes, incoming))
    edges, rephrases = _links(nodes, outgoing, incoming, warnings)
    _count_dropped(nodes, warnings)
    own = graph.get("argmap") if isinstance(graph.get("argmap"), dict) else {}
    meta = {"title": "", **(own.get("map") if isinstance(own.get("map"), dict) else {})}
    meta["aif"] = {"format": "xaif" if wrapper else "aif"}
    if rephrases:
        meta["aif"]["rephrases"] = rephrases
    if wrapper and isinstance(data.get("text"), str) and data["text"]:
        meta["aif"]["text"] = data["text"]
    documents = own.get("documents") if isinstance(own.get("documents"), list) else ()
    return map_from_records(records, edges, documents, meta, file), warnings


def _unwrap(data, file):
    if not isinstance(data, dict):
        raise FormatError("not AIF: expected a JSON object with nodes and edges", file, "$")
    if isinstance(data.get("AIF"), dict):
        ova = data.get("OVA") if isinstance(data.get("OVA"), dict) else {}
        return data["AIF"], ova, True, "$.AIF"
    if "nodes" not in data:
        raise FormatError('not AIF: no "nodes" list', file, "$")
    return data, {}, False, "$"


def _node_id(value, file, where):
    if isinstance(value, bool) or not isinstance(value, (str, int)) or value == "":
        raise FormatError("a node id must be a string or a whole number", file, where)
    return str(value)


def _nodes(raw, file, base, warnings):
    if not isinstance(raw, list):
        raise FormatError("expected a list of nodes", file, base)
    nodes = {}
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


def _edges(raw, nodes, file, base, warnings):
    if not isinstance(raw, list):
        raise FormatError("expected a list of edges", file, base)
    outgoing, incoming, bad = {}, {}, 0
    for _i, edge in enumerate(raw):
        ends = (edge.get("fromID"), edge.get("toID")) if isinstance(edge, dict) else (None, None)
        ends = tuple(
            str(e) if isinstance(e, (str, int)) and not isinstance(e, bool) else None for e in ends
        )
        if None in ends or ends[0] not in nodes or ends[1] not in nodes or ends[0] == ends[1]:
            bad += 1
            continue
        outgoing.setdefault(ends[0], []).append(ends[1])
        incoming.setdefault(ends[1], []).append(ends[0])
    if bad:
        warnings.append(f"{bad} edge(s) malformed or naming no node ({base}); ignored")
    return outgoing, incoming


def _positions(ova):
    positions = {}
    for node in ova.get("nodes", []) if isinstance(ova.get("nodes"), list) else []:
        try:
            positions[str(node["nodeID"])] = (float(node["x"]), float(node["y"]))
        except (KeyError, TypeError, ValueError):
            continue
    return positions


def _speakers(graph, nodes, incoming):
    """Return ``{I-node id: speaker}`` from locutions anchored to I-nodes through YA nodes."""
    people = {}
    for person in graph.get("participants") or []:
        if isinstance(person, dict) and "participantID" in person:
            name = " ".join(str(person.get(k) or "") for k in ("firstname", "surname")).strip()
            people[str(person["participantID"])] = name
    said_by = {}
    for loc in graph.get("locutions") or []:
        if isinstance(loc, dict) and str(loc.get("personID")) in people:
            said_by[str(loc.get("nodeID"))] = people[str(loc["personID"])]
    speakers = {}
    for node_id, node in nodes.items():
        if node["type"] != "I":
            continue
        for ya in incoming.get(node_id, ()):
            if nodes[ya]["type"] != "YA":
                continue
            for loc in incoming.get(ya, ()):
                name = said_by.get(loc) or _prefix_name(nodes[loc])
                if name:
                    speakers.setdefault(node_id, name)
    return speakers


def _prefix_name(node):
    text = node.get("text")
    if node.get("type") != "L" or not isinstance(text, str) or ": " not in text[:80]:
        return None
    return text.split(": ", 1)[0].strip() or None


def _i_records(nodes, positions, speakers):
    records = []
    for node_id, node in nodes.items():
        if node["type"] != "I":
            continue
        record = {"id": node_id, "kind": "claim", "text": node.get("text", "")}
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


def _links(nodes, outgoing, incoming, warnings):
    """Return the edge records and the rephrase pairs the S-nodes stand for."""
    edges, rephrases = {}, []
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


def _link(s_id, s_node, premises, target, nodes, outgoing, edges, warnings):
    kind = s_node["type"]
    aif = {kind.lower(): s_id, "scheme": s_node.get("text") or DEFAULT_SCHEME[kind]}
    if nodes[target]["type"] == "RA" and kind == "CA":
        aif["undercuts"] = target
        target = next((t for t in outgoing.get(target, ()) if nodes[t]["type"] == "I"), None)
    if target is None or nodes[target]["type"] != "I":
        return
    extra = s_node.get("argmap") if isinstance(s_node.get("argmap"), dict) else {}
    for premise in premises:
        if premise == target or (premise, target) in edges:
            warnings.append(f"S-node {s_id}: a second link from {premise} to {target}; ignored")
            continue
        record = {
            "source": premise,
            "target": target,
            "relation": "supports" if kind == "RA" else "opposes",
            "aif": aif,
        }
        if kind == "RA" and len(premises) > 1:
            record["group"] = s_id
        record.update({k: v for k, v in extra.items() if k not in ("source", "target")})
        edges[(premise, target)] = record


def _count_dropped(nodes, warnings):
    dropped = {}
    for node in nodes.values():
        if node["type"] not in ("I", "RA", "CA", "MA"):
            dropped[node["type"]] = dropped.get(node["type"], 0) + 1
    if dropped:
        listed = ", ".join(f"{n} {t}" for t, n in sorted(dropped.items()))
        warnings.append(
            f"dropped {sum(dropped.values())} node(s) argmap cannot show "
            f"({listed}); speakers were kept where a locution names one"
        )


# ------------------------------------------------------------------ writing
def to_data(amap, xaif=False):
    """Return *amap* as AIF data (or OVA3's xAIF wrapper, with positions, when *xaif*)."""
    ids = _export_ids(amap)
    nodes, edges = [], []
    for node, attrs in amap.graph.nodes(data=True):
        record = {
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
    graph = {"nodes": nodes, "edges": edges, "locutions": []}
    own = {"map": {k: v for k, v in amap.meta.items() if k != "aif"}}
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


def _plain(value):
    return list(value) if isinstance(value, tuple) else value


def _export_ids(amap):
    ids, used = {}, set()
    for node, attrs in amap.graph.nodes(data=True):
        aif = attrs.get("aif") if isinstance(attrs.get("aif"), dict) else {}
        own = aif.get("id")
        ids[node] = own if isinstance(own, str) and own and own not in used else f"I{node}"
        used.add(ids[node])
    return ids


def _s_nodes(amap, ids, nodes, edges):
    """Add one RA per co-premise group (or ungrouped support), one CA per attack."""
    graph = amap.graph
    taken = set(ids.values())
    s_of = {}
    for source, target, attrs in graph.edges(data=True):
        aif = attrs.get("aif") if isinstance(attrs.get("aif"), dict) else {}
        kind = "RA" if attrs["relation"] == "supports" else "CA"
        group = attrs.get("group") if kind == "RA" else None
        key = (target, "g", group) if group is not None else (source, target)
        if key not in s_of:
            s_id = aif.get(kind.lower()) if isinstance(aif.get(kind.lower()), str) else None
            s_id = s_id if s_id and s_id not in taken else f"{kind}{len(s_of) + 1}_{ids[target]}"
            taken.add(s_id)
            s_of[key] = s_id
            extra = {k: _plain(v) for k, v in attrs.items() if k not in ("relation", "aif")}
            node = {
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


def _edge(n, source, target):
    return {"edgeID": f"E{n + 1}", "fromID": source, "toID": target, "formEdgeID": None}


def _rephrases(amap, ids, nodes, edges, s_ids):
    aif = amap.meta.get("aif") if isinstance(amap.meta.get("aif"), dict) else {}
    present = set(ids.values())
    for i, pair in enumerate(aif.get("rephrases") or []):
        if isinstance(pair, list) and len(pair) == 2 and pair[0] in present and pair[1] in present:
            s_id = f"MA{i + 1}"
            nodes.append(
                {"nodeID": s_id, "text": "Default Rephrase", "type": "MA", "timestamp": ""}
            )
            edges.append(_edge(len(edges), pair[0], s_id))
            edges.append(_edge(len(edges), s_id, pair[1]))


def _ova_nodes(amap, ids, nodes):
    pos = {ids[n]: a.get("pos") for n, a in amap.graph.nodes(data=True)}
    out = []
    for node in nodes:
        if not pos.get(node["nodeID"]):
            continue
        x, y = pos[node["nodeID"]]
        out.append({"nodeID": node["nodeID"], "visible": True, "x": x, "y": y, "timestamp": ""})
    return out


def dumps(amap, xaif=False):
    """Return *amap* as AIF JSON text."""
    return json.dumps(to_data(amap, xaif), ensure_ascii=False, indent=1, allow_nan=False) + "\n"


def save(amap, path, xaif=False):
    """Write *amap* as AIF (or xAIF) JSON, atomically; return warnings (none so far)."""
    atomic_write(path, dumps(amap, xaif).encode("utf-8"))
    return cannot_hold(amap)


def cannot_hold(amap):
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
