"""The map as a ``pydot.Dot``, for people who script argmap with networkx and pydot.

The graph is built from the same card stage and the same escaped parts as
argmap's own DOT writer (:mod:`argmap.render.dot`): generated ids (``n0``,
``j0``), attribute values from the style table, and HTML-like labels whose
user text is already escaped. No user text is ever a pydot id or a raw
attribute. Exports keep argmap's writer and its Graphviz runner (with a
timeout and local files shut out); this is for notebooks and scripts.

Example
-------
>>> from argmap.model import ArgumentMap
>>> from argmap.render import to_pydot
>>> amap = ArgumentMap("Encryption")
>>> claim = amap.add_node("claim", "Police need warrant-based access")
>>> graph = to_pydot(amap)
>>> graph.set_rankdir("LR")
>>> "warrant-based access" in graph.get_node("n0")[0].get("label")
True
>>> graph.write_svg("map.svg")                          # doctest: +SKIP
"""

from __future__ import annotations

from collections.abc import Mapping, Set
from types import ModuleType
from typing import TYPE_CHECKING

from argmap.errors import RenderError
from argmap.model import ArgumentMap
from argmap.render import cards as card
from argmap.render import dot as dot_writer
from argmap.render import style
from argmap.render.drawing import selected_nodes
from argmap.render.options import ExportOptions, evaluation_labels

if TYPE_CHECKING:
    import pydot


def to_pydot(amap: ArgumentMap, options: ExportOptions | None = None) -> pydot.Dot:
    """Return *amap* drawn as a ``pydot.Dot`` (the same drawing as argmap's DOT export).

    Parameters
    ----------
    amap : ArgumentMap
        The map.
    options : ExportOptions, optional
        Direction, legend, title, colouring, headers, root and selection, as for
        an export; the format is ignored. Colouring by evaluation takes its labels
        from the options (for example ``grounded_labels(amap)`` of
        :mod:`argmap.analysis.acceptance`).

    Raises
    ------
    RenderError
        When pydot is not installed, or for bad options.
    """
    pydot_module = _pydot()
    options = options or ExportOptions()
    if options.title is None:
        options = options.replace(title=amap.title)
    dot_writer.check_options(options)
    nodes = selected_nodes(amap, options)
    labels = evaluation_labels(options)
    order, tree = dot_writer.drawing_order(amap, nodes)
    ids = {node: f"n{i}" for i, node in enumerate(order)}
    graph = pydot_module.Dot("argmap", graph_type="digraph")
    for name, value in dot_writer._graph_attrs(options, len(order)).items():
        graph.set(name, _value(name, value))
    graph.set_node_defaults(**_checked(dot_writer._NODE_DEFAULTS))
    graph.set_edge_defaults(**_checked(dot_writer._EDGE_DEFAULTS))
    shown = card.cards(amap, order)
    for node in order:
        graph.add_node(_node(pydot_module, shown[node], ids[node], options, labels))
    _add_edges(pydot_module, graph, amap, order, ids, tree)
    return graph


def _pydot() -> ModuleType:
    try:
        import pydot
    except ImportError:
        raise RenderError("pydot is not installed (pip install pydot)") from None
    return pydot


def _value(name: str, value: object) -> str:
    """Return an attribute value for pydot: labels in ``<...>``, others checked and quoted."""
    if isinstance(value, dot_writer.Html):
        return f"<{value}>"
    dot_writer.attr_list({name: value})  # raises RenderError for a name or value not allowed
    return f'"{value}"'


def _checked(attrs: Mapping[str, object]) -> dict[str, str]:
    return {name: _value(name, value) for name, value in attrs.items()}


def _node(
    pydot_module: ModuleType,
    node_card: card.Card,
    dot_id: str,
    options: ExportOptions,
    labels: Mapping[str, str] | None,
) -> pydot.Node:
    return pydot_module.Node(dot_id, **_checked(dot_writer.node_attrs(node_card, options, labels)))


def _add_edges(
    pydot_module: ModuleType,
    graph: pydot.Dot,
    amap: ArgumentMap,
    order: list[str],
    ids: Mapping[str, str],
    tree: Set[dot_writer.Edge],
) -> None:
    """Add every edge between drawn nodes; grouped premises meet at a junction point."""
    junctions: dict[tuple[str, object, str], str] = {}
    for premise, target, edge in dot_writer.drawn_edges(amap, order, ids):
        relation, constraint = edge["relation"], (premise, target) in tree
        width = style.edge_width(edge.get("strength"))
        if edge.get("group") is None:
            attrs = dot_writer._edge_attrs(relation, constraint, True, width)
            graph.add_edge(pydot_module.Edge(ids[target], ids[premise], **_checked(attrs)))
            continue
        key = (target, edge.get("group"), relation)
        if key not in junctions:
            junctions[key] = f"j{len(junctions)}"
            _add_junction(pydot_module, graph, junctions[key], ids[target], relation)
        attrs = dot_writer._edge_attrs(relation, constraint, False, width)
        graph.add_edge(pydot_module.Edge(junctions[key], ids[premise], **_checked(attrs)))


def _add_junction(
    pydot_module: ModuleType, graph: pydot.Dot, junction: str, target_id: str, relation: str
) -> None:
    graph.add_node(pydot_module.Node(junction, **_checked(dot_writer.junction_attrs(relation))))
    graph.add_edge(
        pydot_module.Edge(target_id, junction, **_checked(dot_writer._edge_attrs(relation)))
    )
