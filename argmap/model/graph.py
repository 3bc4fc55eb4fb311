"""argmap's directed graph: the part of networkx's ``DiGraph`` that argmap uses.

:class:`Digraph` behaves like ``networkx.DiGraph`` for that part, orders
included: nodes keep the order they were added in; a node's successors, and
its predecessors, keep the order their edges were added in; edges are listed
source by source, in node order, and each source's in successor order. The
attribute dict of an edge is one object, seen from both ends.

It costs nothing to import. networkx is imported only where argmap runs one
of its algorithms (:meth:`Digraph.to_networkx`); the simple ones argmap
needs often are here: :func:`has_path`, :func:`ancestors`, :func:`is_acyclic`.

Example
-------
>>> g = Digraph()
>>> g.add_edge("e", "c", relation="supports")
>>> list(g.nodes), list(g.edges(data="relation")), g.out_degree("e")
(['e', 'c'], [('e', 'c', 'supports')], 1)
"""

from collections import deque
from types import MappingProxyType

#: The successors or predecessors of a node that has none: one shared, read-only mapping
#: (most nodes of a map lack one or the other); replaced by a dict at the first edge.
_NONE = MappingProxyType({})


class Digraph:
    """A directed graph with attribute dicts on its nodes and edges (see the module)."""

    __slots__ = ("graph", "nodes", "edges", "_node", "_succ", "_pred", "_size")

    def __init__(self):
        #: Attributes of the graph itself.
        self.graph = {}
        self._node = {}  # node -> attribute dict
        self._succ = {}  # node -> {successor: edge attribute dict}
        self._pred = {}  # node -> {predecessor: the same edge attribute dict}
        self._size = 0  # number of edges
        #: ``nodes[n]`` (attributes), ``nodes(data=True)``; iterates over the node ids.
        self.nodes = NodeView(self._node)
        #: ``edges[u, v]`` (attributes), ``edges(data=True)``; iterates over ``(u, v)``.
        self.edges = EdgeView(self._node, self._succ)

    # ---------------------------------------------------------- reading
    def __iter__(self):
        return iter(self._node)

    def __len__(self):
        return len(self._node)

    def __contains__(self, node):
        return _is_node(self._node, node)

    def is_directed(self):
        return True

    def number_of_nodes(self):
        return len(self._node)

    def number_of_edges(self):
        return self._size

    def has_edge(self, source, target):
        try:
            return target in self._succ[source]
        except KeyError:
            return False

    def successors(self, node):
        """Iterate over the nodes *node* has an edge to (``KeyError`` for an unknown node)."""
        return iter(self._succ[node])

    def predecessors(self, node):
        """Iterate over the nodes that have an edge to *node*."""
        return iter(self._pred[node])

    def out_degree(self, node):
        return len(self._succ[node])

    def in_degree(self, node):
        return len(self._pred[node])

    def degree(self, node):
        """Edges in and out of *node* (a loop counts twice, as in networkx)."""
        return len(self._succ[node]) + len(self._pred[node])

    def out_edges(self, nbunch=None, data=False, default=None):
        """Return the edges leaving the nodes of *nbunch* (all when None) as a list."""
        return [
            _edge(u, v, d, data, default)
            for u in self._nbunch(nbunch)
            for v, d in self._succ[u].items()
        ]

    def in_edges(self, nbunch=None, data=False, default=None):
        """Return the edges entering the nodes of *nbunch* (all when None) as a list."""
        return [
            _edge(u, v, d, data, default)
            for v in self._nbunch(nbunch)
            for u, d in self._pred[v].items()
        ]

    def _nbunch(self, nbunch):
        return _nodes_named(self._node, nbunch)

    # ---------------------------------------------------------- changing
    def _new_node(self, node):
        """Add *node* with no attributes and no edges unless it is here; return its dict."""
        attrs = self._node.get(node)
        if attrs is None:
            if node is None:
                raise ValueError("None cannot be a node")
            attrs = self._node[node] = {}
            self._succ[node] = self._pred[node] = _NONE
        return attrs

    def add_node(self, node, **attrs):
        """Add *node* or update its attributes."""
        self._new_node(node).update(attrs)

    def add_nodes_from(self, nodes, **attrs):
        """Add each of *nodes*: a node, or a pair ``(node, attribute dict)``."""
        for item in nodes:
            if type(item) is tuple and len(item) == 2 and isinstance(item[1], dict):
                item, extra = item  # a dict is unhashable: such a pair is never a node
            else:
                extra = None
            own = self._new_node(item)
            own.update(attrs)
            if extra:
                own.update(extra)

    def take_nodes(self, nodes):
        """Add the nodes of ``{node: attribute dict}``, keeping those very dicts.

        argmap's own (networkx has no such call), for a graph being built
        from records nobody else holds: no dict is copied. Every node must be
        new (``ValueError``).
        """
        if None in nodes or not self._node.keys().isdisjoint(nodes):
            raise ValueError("nodes taken must be new, and None cannot be a node")
        self._node.update(nodes)
        none = dict.fromkeys(nodes, _NONE)
        self._succ.update(none)
        self._pred.update(none)

    def take_edges(self, edges):
        """Add the edges of ``{(source, target): attribute dict}``, keeping those dicts.

        The pendant of :meth:`take_nodes`: both ends must be here and every
        edge new (``ValueError``), in the order of *edges*.
        """
        nodes, succ, pred = self._node, self._succ, self._pred
        for source, target in edges:
            if source not in nodes or target not in nodes or target in succ[source]:
                raise ValueError(
                    f"cannot take the edge {source!r} -> {target!r}: an end is "
                    "missing or the edge is already here"
                )
        for (source, target), attrs in edges.items():  # _link() inline: a million edges
            out = succ[source]
            if out is _NONE:
                out = succ[source] = {}
            into = pred[target]
            if into is _NONE:
                into = pred[target] = {}
            out[target] = into[source] = attrs
        self._size += len(edges)

    def add_edge(self, source, target, **attrs):
        """Add the edge *source* -> *target* (and its ends) or update its attributes."""
        self._new_edge(source, target).update(attrs)

    def add_edges_from(self, edges, **attrs):
        """Add each of *edges*: ``(source, target)`` or ``(source, target, attribute dict)``."""
        for edge in edges:
            if len(edge) == 3:
                source, target, extra = edge
            elif len(edge) == 2:
                (source, target), extra = edge, {}
            else:
                raise ValueError(
                    f"an edge is (source, target) or (source, target, dict), not {edge!r}"
                )
            own = self._new_edge(source, target)
            own.update(attrs)
            own.update(extra)

    def _new_edge(self, source, target):
        """Add the edge unless it is here (with its ends); return its attribute dict."""
        self._new_node(source)
        self._new_node(target)
        attrs = self._succ[source].get(target)
        if attrs is None:
            attrs = {}
            self._link(source, target, attrs)
        return attrs

    def _link(self, source, target, attrs):
        """Join two nodes here by a new edge with the attribute dict *attrs*."""
        out = self._succ[source]
        if out is _NONE:
            out = self._succ[source] = {}
        into = self._pred[target]
        if into is _NONE:
            into = self._pred[target] = {}
        out[target] = into[source] = attrs
        self._size += 1

    def remove_node(self, node):
        """Remove *node* and its edges (``KeyError`` when it is not here)."""
        if node not in self._node:
            raise KeyError(f"no node {node!r} in the graph")
        del self._node[node]
        out = self._succ.pop(node)
        for target in out:
            del self._pred[target][node]
        into = self._pred.pop(node)
        for source in into:
            del self._succ[source][node]
        self._size -= len(out) + len(into)

    def remove_edge(self, source, target):
        """Remove the edge *source* -> *target* (``KeyError`` when it is not here)."""
        if not self.has_edge(source, target):
            raise KeyError(f"no edge {source!r} -> {target!r} in the graph")
        del self._succ[source][target]
        del self._pred[target][source]
        self._size -= 1

    # ---------------------------------------------------------- copies
    def copy(self):
        """Return an independent copy: new attribute dicts (their values are shared).

        As in networkx, the copy's edges are added source by source, so each
        node's predecessors come in the order of their sources.
        """
        twin = Digraph()
        twin.graph.update(self.graph)
        twin.add_nodes_from((n, d) for n, d in self._node.items())
        twin.add_edges_from(self.edges(data=True))
        return twin

    def edge_subgraph(self, edges):
        """Return the graph of *edges* and their ends, sharing this graph's attribute dicts.

        Nodes, successors and predecessors keep this graph's order.
        """
        asked = set(edges)
        keep = {(u, v) for u, v in asked if self.has_edge(u, v)}
        ends = {n for edge in asked for n in edge}  # as networkx: an edge not here keeps its ends
        part = Digraph()
        part.graph = self.graph
        for node, attrs in self._node.items():
            if node in ends:
                part._node[node] = attrs
                part._succ[node] = {v: d for v, d in self._succ[node].items() if (node, v) in keep}
                part._pred[node] = {u: d for u, d in self._pred[node].items() if (u, node) in keep}
        part._size = len(keep)
        return part

    def to_networkx(self):
        """Return an equal ``networkx.DiGraph``, for networkx's algorithms.

        Nodes, edges, every node's successors and predecessors come in the
        same order as here; attribute dicts are copies.
        """
        import networkx as nx

        twin = nx.DiGraph()
        twin.graph.update(self.graph)
        twin.add_nodes_from((n, d) for n, d in self._node.items())
        twin.add_edges_from((u, v, self._succ[u][v]) for u, v in self._edges_as_added())
        return twin

    def _edges_as_added(self):
        """Return the edges in an order that lists, for every node, its successors and its
        predecessors in their own order (as they were added, as far as that shows)."""
        out = {u: list(nbrs) for u, nbrs in self._succ.items() if nbrs}
        into = {v: list(nbrs) for v, nbrs in self._pred.items() if nbrs}
        next_out = dict.fromkeys(out, 0)
        next_in = dict.fromkeys(into, 0)

        def front(u, v):  # is (u, v) next both among u's successors and v's predecessors?
            return out[u][next_out[u]] == v and into[v][next_in[v]] == u

        ready = deque((u, targets[0]) for u, targets in out.items() if front(u, targets[0]))
        order = []
        while ready:
            u, v = ready.popleft()
            order.append((u, v))
            next_out[u] += 1
            next_in[v] += 1
            if next_out[u] < len(out[u]) and front(u, out[u][next_out[u]]):
                ready.append((u, out[u][next_out[u]]))
            if next_in[v] < len(into[v]) and front(into[v][next_in[v]], v):
                ready.append((into[v][next_in[v]], v))
        if len(order) != self._size:
            raise RuntimeError("the successor and predecessor orders of the graph disagree")
        return order


def _edge(source, target, attrs, data, default):
    if data is False:
        return source, target
    if data is True:
        return source, target, attrs
    return source, target, attrs.get(data, default)


class NodeView:
    """``graph.nodes``: the node ids in order; ``[n]`` gives attributes; call for data."""

    __slots__ = ("_node",)

    def __init__(self, node_dict):
        self._node = node_dict

    def __getitem__(self, node):
        return self._node[node]

    def __iter__(self):
        return iter(self._node)

    def __len__(self):
        return len(self._node)

    def __contains__(self, node):
        return node in self._node

    def __call__(self, data=False, default=None):
        """``nodes(data=True)``: ``(node, attributes)``; ``nodes(data=key)``: ``(node, value)``."""
        if data is False:
            return self
        return NodeDataView(self._node, data, default)

    def __repr__(self):
        return f"NodeView({tuple(self._node)!r})"


class NodeDataView:
    """The nodes with their attributes (or one attribute), in order."""

    __slots__ = ("_node", "_data", "_default")

    def __init__(self, node_dict, data, default):
        self._node, self._data, self._default = node_dict, data, default

    def __len__(self):
        return len(self._node)

    def __iter__(self):
        if self._data is True:
            return iter(self._node.items())
        key, default = self._data, self._default
        return ((n, d.get(key, default)) for n, d in self._node.items())


class EdgeView:
    """``graph.edges``: ``(source, target)`` in order; ``[u, v]`` gives attributes.

    It holds the graph's dicts, not the graph, so that a graph is freed as
    soon as nobody holds it (no reference cycle for the collector to find).
    """

    __slots__ = ("_node", "_succ")

    def __init__(self, node_dict, succ):
        self._node, self._succ = node_dict, succ

    def __getitem__(self, edge):
        source, target = edge
        return self._succ[source][target]

    def __iter__(self):
        for source, targets in self._succ.items():
            for target in targets:
                yield source, target

    def __len__(self):
        return sum(map(len, self._succ.values()))

    def __contains__(self, edge):
        try:
            source, target = edge
            return target in self._succ[source]
        except (KeyError, TypeError, ValueError):
            return False

    def __call__(self, nbunch=None, data=False, default=None):
        """``edges(data=True)``: ``(u, v, attributes)``; ``edges(data=key)``: ``(u, v, value)``;
        with *nbunch*, only the edges leaving those nodes."""
        if nbunch is None and data is False:
            return self
        return EdgeDataView(self, nbunch, data, default)

    def __repr__(self):
        return f"EdgeView({tuple(self)!r})"


class EdgeDataView:
    """Edges with their attributes (or one attribute), in order."""

    __slots__ = ("_edges", "_nbunch", "_data", "_default")

    def __init__(self, edges, nbunch, data, default):
        self._edges, self._nbunch, self._data, self._default = edges, nbunch, data, default

    def __len__(self):
        if self._nbunch is None:
            return len(self._edges)
        return sum(1 for _ in self)

    def __iter__(self):
        succ, data, default = self._edges._succ, self._data, self._default
        sources = succ if self._nbunch is None else _nodes_named(self._edges._node, self._nbunch)
        for source in sources:
            for target, attrs in succ[source].items():
                yield _edge(source, target, attrs, data, default)


def _is_node(node_dict, value):
    try:
        return value in node_dict
    except TypeError:  # an unhashable value is no node
        return False


def _nodes_named(node_dict, nbunch):
    """The nodes *nbunch* names: all, one node, or those of an iterable in the graph."""
    if nbunch is None:
        return list(node_dict)
    if _is_node(node_dict, nbunch):
        return [nbunch]
    try:
        return [n for n in nbunch if n in node_dict]
    except TypeError:
        raise KeyError(f"{nbunch!r} is neither a node nor a collection of nodes") from None


# ----------------------------------------------------------- algorithms
def has_path(graph, source, target, avoid=()):
    """Whether *target* can be reached from *source* along edges, never entering *avoid*.

    A node reaches itself. Both must be nodes of *graph* (``KeyError``).
    """
    for node in (source, target):
        if node not in graph:
            raise KeyError(f"no node {node!r} in the graph")
    if source == target:
        return True
    seen = set(avoid)
    seen.add(source)
    todo = [source]
    while todo:
        for nxt in graph.successors(todo.pop()):
            if nxt == target:
                return True
            if nxt not in seen:
                seen.add(nxt)
                todo.append(nxt)
    return False


def ancestors(graph, node):
    """Return the set of nodes from which *node* can be reached (never *node* itself)."""
    if node not in graph:
        raise KeyError(f"no node {node!r} in the graph")
    seen = {node}
    todo = [node]
    while todo:
        for prev in graph.predecessors(todo.pop()):
            if prev not in seen:
                seen.add(prev)
                todo.append(prev)
    seen.discard(node)
    return seen


def is_acyclic(graph):
    """Whether *graph* has no circle of edges (a loop counts), in one linear pass.

    Nodes are taken away from the top, each once nothing bears on it any more;
    the graph is acyclic when every node something bears on is taken at last.
    """
    succ = graph._succ
    waiting = {n: len(p) for n, p in graph._pred.items() if p}
    free = [n for n, out in succ.items() if out and n not in waiting]
    freed = 0
    while free:
        for nxt in succ[free.pop()]:
            left = waiting[nxt] - 1
            waiting[nxt] = left
            if not left:
                freed += 1
                if succ[nxt]:
                    free.append(nxt)
    return freed == len(waiting)
