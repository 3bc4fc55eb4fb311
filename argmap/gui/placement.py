"""Where a new card goes on the canvas: the free spot nearest to where it belongs.

A spot is free when the card keeps clear of every shown card, no shown link
runs under it, and its own link to its target runs under no card (see
:mod:`argmap.gui.clearance`): the picture then shows no link that is not there.

A new premise goes beside the card's other premises, in their row and level
with their tops: right of the one it follows (Enter on a premise adds another
next to it), else right of the last, else left of the first, so premises added
one after another line up in order; else to the free spot in that row nearest
to its middle, no more than a card farther from the card than the farthest of
them. Else, or when the card has no premises yet, it goes to the free spot
nearest to the place right under the card (or level with that row), never
above it. When no spot within reach is
free, it goes beside its siblings (or under the card) all the same, and the
canvas makes room there (:mod:`argmap.gui.room`). A claim that bears on nothing
goes to the free spot nearest to where the user is looking. The scene's index
does not return cards folded away, so unfolding a branch may uncover one under
a card added since.

Spots are looked for in horizontal bands, each band asking the scene's index
for the cards and links in it, never by looking at every card. From one band
the search goes on to the next height where one of the cards in its way ends,
or a little further where only links were in the way, and it stops once a band
lies farther off than the best spot found, or after :data:`BANDS` bands. When
no band within reach has room, a claim goes to the right of the whole map:
always free, and found without a search.
"""

import math
from typing import NamedTuple

from PySide6.QtCore import QRectF, Qt

from argmap.gui.clearance import CARD_ROOM, LINK_ROOM, box, boxes_meet, runs_through
from argmap.gui.curves import link_between
from argmap.gui.edge_item import EdgeItem
from argmap.gui.items import NodeItem

#: Clear space kept between a new card and any other (scene units).
CLEAR_X, CLEAR_Y = 30.0, 20.0
#: Room between a card and the premises placed under it.
BELOW = 70.0
#: How far sideways a card's premises count as its row under it.
ROW_REACH = 1200.0
#: How far from its place a spot is looked for elsewhere: sideways, and up or down.
REACH_X, REACH_Y = 2400.0, 1000.0
#: A card exactly this much (scene units) too close is taken as clear of it: the next band
#: starts where a card stops being in the way, and rounding must not keep it there.
_SLACK = 0.01
#: How far the next band lies from one where only links were in the way.
LINK_STEP = 40.0
#: Bands looked at, at most, in each direction from where a card belongs.
BANDS = 10
#: Free spots of one band whose own link is looked at, at most.
TRIES = 6


def spot_for_premise(scene, target_id, size, after=None):
    """The centre ``(x, y)`` of a free spot for a new premise of *target_id*.

    *size* is the new card's ``(width, height)``. With *after* (a premise of the same
    target: Enter on it), the spot right of it, else left of it, comes first.
    A new card in a row of premises lines up with their tops.
    """
    target = scene.nodes[target_id]
    under = target.center[1] + target.size[1] / 2 + BELOW + size[1] / 2
    found = _beside(scene, target, scene.nodes.get(after), size)
    if found is not None:
        return found
    row = _premise_row(scene, target)
    if row is not None:
        found = _spot_in_row(scene, target, row, size)
        if found is not None:
            return found
        under = max(under, row.top + size[1] / 2)
    found = nearest_free(scene, (target.center[0], under), size, upward=False, target=target)
    if found is None:  # the canvas makes room beside the siblings, or under the card
        found = (row.right + size[0] + CLEAR_X, row.top + size[1] / 2) if row else None
    return found or (target.center[0], under)


def _beside(scene, target, sibling, size):
    """The free spot right of the card *sibling* (a premise of *target*), else left of it,
    level with its top; None if neither is free or it is no premise of *target*."""
    if sibling is None or not scene.amap.graph.has_edge(sibling.node_id, target.node_id):
        return None
    step = size[0] + CLEAR_X
    x, y = sibling.center[0], sibling.center[1] - sibling.size[1] / 2 + size[1] / 2
    band = _Band(scene, x, y, size, 2 * step)
    for spot in (x + step, x - step):
        if band.free(spot) and own_link_clear(scene, (spot, y), size, target):
            return (spot, y)
    return None


def spot_for_claim(scene, near, size):
    """The centre ``(x, y)`` of a free spot for a card that bears on nothing, near *near*."""
    found = nearest_free(scene, near, size, upward=True)
    if found is None:
        found = (scene.map_rect().right() + CLEAR_X + size[0] / 2, near[1])
    return found


class _Row(NamedTuple):
    """The row of a card's premises under it: its top, the middle and half the width of
    the premises in it, how far sideways from the card the farthest of them lies, and the
    centres of the first and the last."""

    top: float
    middle: float
    half: float
    farthest: float
    left: float
    right: float


def _premise_row(scene, target):
    """The :class:`_Row` of *target*'s premises near under it (at the height of the one
    nearest to it sideways), or None if none is."""
    tx, bottom = target.center[0], target.center[1] + target.size[1] / 2
    near = [
        item
        for item in (scene.nodes.get(n) for n in scene.amap.graph.predecessors(target.node_id))
        if item is not None
        and item.center[1] - item.size[1] / 2 > bottom
        and abs(item.center[0] - tx) <= ROW_REACH
    ]
    if not near:
        return None
    nearest = min(near, key=lambda item: abs(item.center[0] - tx))
    y, top = nearest.center[1], nearest.center[1] - nearest.size[1] / 2
    xs = [item.center[0] for item in near if abs(item.center[1] - y) < item.size[1] / 2]
    return _Row(
        top,
        (min(xs) + max(xs)) / 2,
        (max(xs) - min(xs)) / 2,
        max(abs(x - tx) for x in xs),
        min(xs),
        max(xs),
    )


def _spot_in_row(scene, target, row, size):
    """Beside the premises of *row* (right of the last, else left of the first), else the
    free spot in it nearest to its middle if it lies no more than a card past the premise
    farthest from *target*; None when none is free."""
    step = size[0] + CLEAR_X
    reach = row.half + 2 * step
    y = row.top + size[1] / 2
    band = _Band(scene, row.middle, y, size, reach)
    for x in (row.right + step, row.left - step):
        if band.free(x) and own_link_clear(scene, (x, y), size, target):
            return (x, y)
    for x in _free_in_band(band, row.middle, reach, scene, y, size, target):
        if abs(x - target.center[0]) <= row.farthest + step:
            return (x, y)
    return None


def own_link_clear(scene, centre, size, target):
    """Whether the link from a card of *size* at *centre* to the card *target* runs under
    no shown card."""
    if target is None:
        return True
    shape = link_between(centre, size, target.center, target.size)
    (sx, sy), (ex, ey) = shape.start, shape.end
    area = QRectF(min(sx, ex), min(sy, ey), abs(ex - sx), abs(ey - sy))
    area.adjust(-LINK_ROOM, -LINK_ROOM, LINK_ROOM, LINK_ROOM)
    return not any(
        isinstance(item, NodeItem)
        and item is not target
        and item.isVisible()
        and runs_through(shape, box(item.center, item.size, LINK_ROOM))
        for item in scene.items(area, Qt.IntersectsItemBoundingRect)
    )


def nearest_free(scene, place, size, upward, target=None):
    """The free spot nearest to *place* within reach, or None; *upward* also looks above.

    With *target* (a card), a spot counts as free only if the new card's link to it runs
    under no card.
    """
    x, y = place
    first = _Band(scene, x, y, size, REACH_X)
    found = next(_free_in_band(first, x, REACH_X, scene, y, size, target), None)
    best = (math.inf, None) if found is None else (abs(found - x), (found, y))
    best = _walk(scene, place, size, first.clear_below, best, target)
    if upward:
        best = _walk(scene, place, size, first.clear_above, best, target)
    return best[1]


def _walk(scene, place, size, y, best, target):
    """Look band after band from height *y* away from *place*; return the better of *best*
    (``(distance, spot)``) and what is found."""
    x, start = place
    downward = y > start
    for _ in range(BANDS):
        if abs(y - start) >= min(best[0], REACH_Y):
            break
        rise = abs(y - start)
        reach = min(REACH_X, math.sqrt(best[0] ** 2 - rise**2))
        band = _Band(scene, x, y, size, reach)
        found = next(_free_in_band(band, x, reach, scene, y, size, target), None)
        if found is not None and math.hypot(found - x, rise) < best[0]:
            best = (math.hypot(found - x, rise), (found, y))
        y = band.clear_below if downward else band.clear_above
    return best


def _free_in_band(band, x, reach, scene, y, size, target):
    """The free centres of *band* at most *reach* from *x*, nearest first (the right-hand
    one on a tie), whose link to *target* runs clear; a few at most."""
    spots = [x] if band.free(x) else []
    for left, right in band.blocked:
        spots += [edge for edge in (left, right) if abs(edge - x) <= reach and band.free(edge)]
    spots.sort(key=lambda spot: (abs(spot - x), -spot))
    for spot in spots[:TRIES]:
        if own_link_clear(scene, (spot, y), size, target):
            yield spot


class _Band:
    """The cards and links in the way of a card of *size* centred at height *y*, within
    *reach* of *x*.

    ``blocked`` holds the centres (merged open intervals, left to right) too close to one
    of them; ``clear_below`` and ``clear_above`` are the nearest heights, down and up,
    where one of the cards is no longer in the way, or :data:`LINK_STEP` on where only
    links were (infinite when nothing is).
    """

    def __init__(self, scene, x, y, size, reach):
        w, h = size
        half = w / 2 + CLEAR_X
        area = QRectF(x - reach - half, y - h / 2 - CLEAR_Y, 2 * (reach + half), h + 2 * CLEAR_Y)
        spans, self.clear_below, self.clear_above = [], math.inf, -math.inf
        top, bottom = y - h / 2 - LINK_ROOM, y + h / 2 + LINK_ROOM
        for item in scene.items(area, Qt.IntersectsItemBoundingRect):
            if isinstance(item, EdgeItem):
                span = _link_span(item, top, bottom, w / 2 + LINK_ROOM)
                if span is not None:
                    spans.append(span)
                    self.clear_below = min(self.clear_below, y + LINK_STEP)
                    self.clear_above = max(self.clear_above, y - LINK_STEP)
                continue
            if not isinstance(item, NodeItem):
                continue
            (cx, cy), (cw, ch) = item.center, item.size
            apart = (ch + h) / 2 + CLEAR_Y
            if abs(cy - y) < apart - _SLACK:
                spans.append((cx - cw / 2 - half, cx + cw / 2 + half))
                self.clear_below = min(self.clear_below, cy + apart)
                self.clear_above = max(self.clear_above, cy - apart)
        self.blocked = _merged(sorted(spans))

    def free(self, x):
        """Whether a card centred at *x* is clear of everything in the band."""
        return not any(left < x < right for left, right in self.blocked)


def _link_span(edge, top, bottom, half):
    """The centres (an open interval) of a card *half* wide, and as high as the band from
    *top* to *bottom*, that a shown link runs under; None if it runs outside the band."""
    if not edge.isVisible():
        return None
    shape = edge.shape_of_line
    stretch = shape.inside(-math.inf, top, math.inf, bottom)
    if stretch is None:
        return None
    x0, x1 = sorted((shape.point(stretch[0])[0], shape.point(stretch[1])[0]))
    return (x0 - half, x1 + half)


def _merged(spans):
    merged = []
    for left, right in spans:
        if merged and left <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], right)
        else:
            merged.append([left, right])
    return merged


def in_the_way(scene, item, centre=None):
    """Whether the card *item* (at *centre*, if given) is too close to another shown card, a
    shown link runs under it, or one of its links runs under another card (the picture is
    then false there)."""
    centre = centre or item.center
    card = box(centre, item.size, CARD_ROOM)
    for other in scene.items(QRectF(*_corner_and_size(card)), Qt.IntersectsItemBoundingRect):
        if other is item or not other.isVisible():
            continue
        if isinstance(other, NodeItem) and boxes_meet(box(other.center, other.size), card):
            return True
        if (
            isinstance(other, EdgeItem)
            and item not in (other.source_item, other.target_item)
            and runs_through(other.shape_of_line, box(centre, item.size, LINK_ROOM))
        ):
            return True
    return any(
        _runs_under_a_card(scene, edge, _shape_with(edge, item, centre))
        for edge in item.edges
        if edge.isVisible()
    )


def _corner_and_size(area):
    left, top, right, bottom = area
    return left, top, right - left, bottom - top


def _shape_with(edge, item, centre):
    """The shape of *edge* with its end *item* at *centre*."""
    ends = [(end.center, end.size) for end in (edge.source_item, edge.target_item)]
    ends[0 if edge.source_item is item else 1] = (centre, item.size)
    return link_between(*ends[0], *ends[1])


def _runs_under_a_card(scene, edge, shape):
    (sx, sy), (ex, ey) = shape.start, shape.end
    area = QRectF(min(sx, ex), min(sy, ey), abs(ex - sx), abs(ey - sy))
    area.adjust(-LINK_ROOM, -LINK_ROOM, LINK_ROOM, LINK_ROOM)
    ends = (edge.source_item, edge.target_item)
    return any(
        isinstance(item, NodeItem)
        and item not in ends
        and item.isVisible()
        and runs_through(shape, box(item.center, item.size, LINK_ROOM))
        for item in scene.items(area, Qt.IntersectsItemBoundingRect)
    )
