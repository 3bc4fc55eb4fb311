"""Comparing maps read from different files: by content, since ids are made afresh."""

import os

REPO = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
EXT = os.path.join(os.path.dirname(REPO), "shared", "ext")
DATA = os.path.join(REPO, "tests", "data", "ext")


def ext_file(*parts):
    """Return the path of a shared external file, from tests/data when it was copied there."""
    local = os.path.join(DATA, *parts)
    return local if os.path.exists(local) else os.path.join(EXT, *parts)


def _key(amap, node):
    attrs = amap.graph.nodes[node]
    argdown = attrs.get("argdown") or {}
    title = argdown.get("title") if isinstance(argdown, dict) else None
    return (attrs["kind"], title, attrs["text"])


def _resolve(value, keys):
    """Replace node ids inside attribute values by node keys, so that ids do not matter."""
    if isinstance(value, str) and value in keys:
        return keys[value]
    if isinstance(value, dict):
        return tuple(sorted((k, _resolve(v, keys)) for k, v in value.items()))
    if isinstance(value, (list, tuple)):
        return tuple(_resolve(v, keys) for v in value)
    return value


def canonical(amap, ignore=()):
    """Return the map as sorted plain data with node ids replaced by (kind, title, text).

    *ignore* names attributes left out (a format's own bookkeeping).
    """
    keys = {n: _key(amap, n) for n in amap.graph.nodes}
    nodes = sorted(
        repr((keys[n], _resolve({k: v for k, v in a.items() if k not in ignore}, keys)))
        for n, a in amap.graph.nodes(data=True)
    )
    edges = sorted(
        repr((keys[u], keys[v], _resolve({k: v for k, v in a.items() if k not in ignore}, keys)))
        for u, v, a in amap.graph.edges(data=True)
    )
    meta = repr(_resolve({k: v for k, v in amap.meta.items() if k not in ignore}, keys))
    docs = repr(sorted((k, sorted(v.items())) for k, v in amap.documents.items()))
    return {"nodes": nodes, "edges": edges, "meta": meta, "documents": docs}
