"""The editor's layout of a map as a tree of rows, in time proportional to the map.

Graphviz lays out a map of a few thousand nodes in about a second, but its
time grows much faster than the map (about 25 s and 2 GB for 20,000 nodes).
Above :data:`GRAPHVIZ_UP_TO` nodes the editor places a map without positions,
and tidies one, as a tree instead: each main claim on top, every node under
the target it is nearest to (its first, in map order, on the shortest way up),
rows by depth. Siblings keep their order, each branch keeps to its own
columns (so no two cards overlap), and a target sits above the middle of what
bears on it. Tidy Layout lays out smaller maps the same way, with siblings in the
order Graphviz gives them (which keeps links across branches short).

The picture stays true (see :mod:`argmap.gui.clearance`): rows are aligned at
their tops and :data:`ROW_GAP` apart, so every link from a premise to its target
leaves the premise's top and arrives at the target's bottom as a curve that
stays within their branch's columns and between the two rows
(:func:`argmap.gui.curves.link_between`); no card of another branch is in its way.
A link between branches that still runs under a card widens the gaps it
crosses until it runs clear, a few times at most.
"""

from collections import deque

from argmap.gui.clearance import Picture
from argmap.model import edits, queries
from argmap.render.style import CARD_WIDTH

#: Maps up to this many nodes are laid out by Graphviz; larger ones as a tree.
GRAPHVIZ_UP_TO = 2000
COLUMN_GAP = 28.0
ROW_GAP = 60.0
DEFAULT_HEIGHT = 80.0
#: Times the gaps are widened for links between branches that run under a card, and by how
#: much each time.
WIDENINGS, WIDER = 6, 80.0
#: A row whose links run far sideways gets a taller gap, so that a wide fan of links can be
#: followed: this share of the farthest of them, up to :data:`FAN_GAP`.
FAN_SHARE, FAN_GAP = 0.12, 240.0


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


def tree_positions(amap, heights=None, hints=None):
    """Return ``{node: (x, y)}`` (card centres) for every node of *amap*.

    *heights* gives each card's height (default :data:`DEFAULT_HEIGHT`), so
    that rows of tall cards are spaced further apart. *hints* (``{node: (x, y)}``,
    another layout's positions) orders siblings and main claims left to right;
    without it they keep the map's order.
    """
    heights = heights or {}
    below, roots, depth = _tree(amap, hints)
    xs = _columns(below, roots)
    gaps = _fan_gaps(below, xs, depth)
    positions = _placed(xs, depth, heights, gaps)
    if len(amap.graph) <= GRAPHVIZ_UP_TO:
        for _ in range(WIDENINGS):
            if not _widen(amap, positions, depth, heights, gaps):
                break
            positions = _placed(xs, depth, heights, gaps)
    return positions


def _fan_gaps(below, xs, depth):
    """``{row: gap under it}``: taller under a row whose premises lie far sideways."""
    gaps = {}
    for target, premises in below.items():
        farthest = max(abs(xs[p] - xs[target]) for p in premises)
        gap = min(FAN_GAP, max(ROW_GAP, FAN_SHARE * farthest))
        gaps[depth[target]] = max(gaps.get(depth[target], ROW_GAP), gap)
    return gaps


def _placed(xs, depth, heights, gaps):
    rows = _rows(depth, heights, gaps)
    return {
        node: (xs[node], rows[depth[node]] + heights.get(node, DEFAULT_HEIGHT) / 2) for node in xs
    }


def _widen(amap, positions, depth, heights, gaps):
    """Widen the gaps crossed by links that run under a card; return whether any did."""
    sizes = {n: (CARD_WIDTH, heights.get(n, DEFAULT_HEIGHT)) for n in positions}
    picture = Picture(positions, sizes, amap.graph.edges)
    rows = set()
    for link in picture.links:
        if picture.cards_under(link):
            low, high = sorted((depth[link[0]], depth[link[1]]))
            rows.update(range(low, max(high, low + 1)))
    for row in rows:
        gaps[row] = gaps.get(row, ROW_GAP) + WIDER
    return bool(rows)


def _tree(amap, hints=None):
    """``(children, roots, depth)``: each node under one target, found breadth first;
    siblings ordered by *hints* (x of another layout) when given."""
    graph, order = amap.graph, amap.node_index()
    if hints:

        def key(node):
            return (hints[node][0], order[node]) if node in hints else (float("inf"), order[node])
    else:
        key = order.__getitem__
    below, depth, roots = {}, {}, []

    def grow(root):
        roots.append(root)
        depth[root] = 0
        queue = deque([root])
        while queue:
            node = queue.popleft()
            for child in _grouped(graph, node, sorted(graph.predecessors(node), key=key)):
                if child not in depth:
                    depth[child] = depth[node] + 1
                    below.setdefault(node, []).append(child)
                    queue.append(child)

    tops = set(queries.main_claims(amap)) | {n for n in graph if graph.out_degree(n) == 0}
    for root in sorted(tops, key=key):  # whatever bears on nothing heads a tree
        if root not in depth:
            grow(root)
    for node in graph:  # in a circle that leads to no main claim: a tree of its own
        if node not in depth:
            grow(node)
    return below, roots, depth


def _grouped(graph, target, premises):
    """*premises* of *target* in their order, but co-premises (links sharing a group)
    together, where the first of them stands: the band drawn behind a group then holds
    its members only."""
    groups = {}
    for premise in premises:
        group = graph.edges[premise, target].get("group")
        groups.setdefault(("group", group) if group else ("card", premise), []).append(premise)
    return [member for members in groups.values() for member in members]


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


def _tallest(depth, heights):
    tallest = {}
    for node, level in depth.items():
        tallest[level] = max(tallest.get(level, 0.0), heights.get(node, DEFAULT_HEIGHT))
    return tallest


def _rows(depth, heights, gaps=None):
    """The top y of each row: under the tallest card of the row above, with its gap."""
    tallest = _tallest(depth, heights)
    gaps = gaps or {}
    tops, y = {}, 0.0
    for level in sorted(tallest):
        tops[level] = y
        y += tallest[level] + gaps.get(level, ROW_GAP)
    return tops
