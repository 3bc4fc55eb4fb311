"""The editor's own layout for large maps: a tree, in time proportional to the map.

Graphviz lays out a map of a few thousand nodes in about a second, but its
time grows much faster than the map (about 25 s and 2 GB for 20,000 nodes).
Above :data:`GRAPHVIZ_UP_TO` nodes the editor places a map without positions,
and tidies one, as a tree instead: each main claim on top, every node under
the target it is nearest to (its first, in map order, on the shortest way up),
rows by depth. Siblings keep their order, each branch keeps to its own
columns (so no two cards overlap), and a target sits above the middle of what
bears on it. Links between branches are drawn as they are.
"""

from collections import deque

from argmap.model import edits, queries
from argmap.render.style import CARD_WIDTH

#: Maps up to this many nodes are laid out by Graphviz; larger ones as a tree.
GRAPHVIZ_UP_TO = 2000
COLUMN_GAP = 28.0
ROW_GAP = 60.0
DEFAULT_HEIGHT = 80.0


def place_large(amap, heights_of):
    """Place a large map some of whose nodes have no position, all as a tree; return whether.

    For a map just read, before anyone listens to it: its positions are then
    there when it is first drawn. *heights_of* is ``heights_of(amap) -> {node:
    card height}``.
    """
    graph = amap.graph
    if len(graph) <= GRAPHVIZ_UP_TO or all("pos" in a for _, a in graph.nodes(data=True)):
        return False
    command = edits.move_nodes(amap, tree_positions(amap, heights_of(amap)), "Place")
    if command is not None:
        amap.apply(command)
    return True


def tree_positions(amap, heights=None):
    """Return ``{node: (x, y)}`` (card centres) for every node of *amap*.

    *heights* gives each card's height (default :data:`DEFAULT_HEIGHT`), so
    that rows of tall cards are spaced further apart.
    """
    heights = heights or {}
    below, roots, depth = _tree(amap)
    xs = _columns(below, roots)
    rows = _rows(depth, heights)
    return {
        node: (xs[node], rows[depth[node]] + heights.get(node, DEFAULT_HEIGHT) / 2) for node in xs
    }


def _tree(amap):
    """``(children, roots, depth)``: each node under one target, found breadth first."""
    graph, order = amap.graph, amap.node_index()
    below, depth, roots = {}, {}, []

    def grow(root):
        roots.append(root)
        depth[root] = 0
        queue = deque([root])
        while queue:
            node = queue.popleft()
            for child in sorted(graph.predecessors(node), key=order.__getitem__):
                if child not in depth:
                    depth[child] = depth[node] + 1
                    below.setdefault(node, []).append(child)
                    queue.append(child)

    for root in queries.main_claims(amap):
        if root not in depth:
            grow(root)
    for node in graph:  # in a circle that leads to no main claim: a tree of its own
        if node not in depth:
            grow(node)
    return below, roots, depth


def _columns(below, roots):
    """x of every node: leaves one column apart, a target above the middle of its premises."""
    step = CARD_WIDTH + COLUMN_GAP
    xs, column = {}, 0
    for root in roots:
        stack = [(root, False)]
        while stack:
            node, done = stack.pop()
            kids = below.get(node)
            if done:
                xs[node] = (xs[kids[0]] + xs[kids[-1]]) / 2
            elif kids:
                stack.append((node, True))
                stack.extend((kid, False) for kid in reversed(kids))
            else:
                xs[node] = column * step
                column += 1
    return xs


def _rows(depth, heights):
    """The top y of each row: under the tallest card of the row above, with a gap."""
    tallest = {}
    for node, level in depth.items():
        tallest[level] = max(tallest.get(level, 0.0), heights.get(node, DEFAULT_HEIGHT))
    tops, y = {}, 0.0
    for level in sorted(tallest):
        tops[level] = y
        y += tallest[level] + ROW_GAP
    return tops
