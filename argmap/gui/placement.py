"""Where a new card goes on the canvas: the free spot nearest to where it belongs.

A new premise joins the row of the card's other premises when that row has a
free spot no more than a card farther from the card than the farthest of
them: the one nearest to the middle of the row, the right-hand end on a tie,
so premises added one after another line up in order. Else, or when the card
has no premises yet, it goes to the free spot nearest to the place right
under the card (or level with that row), never above it. A claim that bears
on nothing goes to the free spot nearest to where the user is looking. A new
card keeps clear of every shown card; the scene's index does not return cards
folded away, so unfolding a branch may uncover one under a card added since.

Spots are looked for in horizontal bands, each band asking the scene's index
for the cards in it, never by looking at every card. From one band the search
goes straight to the next height where one of the cards in its way ends (the
heights between have no room the band had not), and it stops once a band lies
farther off than the best spot found. When no band within reach has room, a
premise goes under the whole map and a claim to its right: always free, and
found without a search.
"""

import math
from typing import NamedTuple

from PySide6.QtCore import QRectF, Qt

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


def spot_for_premise(scene, target_id, size):
    """The centre ``(x, y)`` of a free spot for a new premise of *target_id*.

    *size* is the new card's ``(width, height)``.
    """
    target = scene.nodes[target_id]
    under = target.center[1] + target.size[1] / 2 + BELOW + size[1] / 2
    row = _premise_row(scene, target)
    if row is not None:
        found = _spot_in_row(scene, target, row, size)
        if found is not None:
            return found
        under = max(under, row.y)
    found = nearest_free(scene, (target.center[0], under), size, upward=False)
    if found is None:
        found = (target.center[0], max(under, scene.map_rect().bottom() + BELOW + size[1] / 2))
    return found


def spot_for_claim(scene, near, size):
    """The centre ``(x, y)`` of a free spot for a card that bears on nothing, near *near*."""
    found = nearest_free(scene, near, size, upward=True)
    if found is None:
        found = (scene.map_rect().right() + CLEAR_X + size[0] / 2, near[1])
    return found


class _Row(NamedTuple):
    """The row of a card's premises under it: its height, the middle and half the width of
    the premises in it, and how far sideways from the card the farthest of them lies."""

    y: float
    middle: float
    half: float
    farthest: float


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
    y = min(near, key=lambda item: abs(item.center[0] - tx)).center[1]
    xs = [item.center[0] for item in near if abs(item.center[1] - y) < item.size[1] / 2]
    return _Row(y, (min(xs) + max(xs)) / 2, (max(xs) - min(xs)) / 2, max(abs(x - tx) for x in xs))


def _spot_in_row(scene, target, row, size):
    """The free spot in *row* nearest to its middle, if it lies no more than a card past
    the premise farthest from *target*; else None."""
    step = size[0] + CLEAR_X
    reach = row.half + 2 * step
    x = _nearest_in_band(_Band(scene, row.middle, row.y, size, reach), row.middle, reach)
    if x is None or abs(x - target.center[0]) > row.farthest + step:
        return None
    return (x, row.y)


def nearest_free(scene, place, size, upward):
    """The free spot nearest to *place* within reach, or None; *upward* also looks above."""
    x, y = place
    first = _Band(scene, x, y, size, REACH_X)
    found = _nearest_in_band(first, x, REACH_X)
    best = (math.inf, None) if found is None else (abs(found - x), (found, y))
    best = _walk(scene, place, size, first.clear_below, best)
    if upward:
        best = _walk(scene, place, size, first.clear_above, best)
    return best[1]


def _walk(scene, place, size, y, best):
    """Look band after band from height *y* away from *place*; return the better of *best*
    (``(distance, spot)``) and what is found."""
    x, start = place
    downward = y > start
    while abs(y - start) < min(best[0], REACH_Y):
        rise = abs(y - start)
        reach = min(REACH_X, math.sqrt(best[0] ** 2 - rise**2))
        band = _Band(scene, x, y, size, reach)
        found = _nearest_in_band(band, x, reach)
        if found is not None and math.hypot(found - x, rise) < best[0]:
            best = (math.hypot(found - x, rise), (found, y))
        y = band.clear_below if downward else band.clear_above
    return best


def _nearest_in_band(band, x, reach):
    """The free centre in *band* nearest to *x*, at most *reach* away, or None; the
    right-hand one on a tie."""
    for left, right in band.blocked:
        if left < x < right:
            if right - x <= x - left + 0.5:
                return right if right - x <= reach else None
            return left if x - left <= reach else None
    return x


class _Band:
    """The cards in the way of a card of *size* centred at height *y*, within *reach* of *x*.

    ``blocked`` holds the centres (merged open intervals, left to right) too close to one
    of them; ``clear_below`` and ``clear_above`` are the nearest heights, down and up,
    where one of them is no longer in the way (infinite when none is).
    """

    def __init__(self, scene, x, y, size, reach):
        w, h = size
        half = w / 2 + CLEAR_X
        area = QRectF(x - reach - half, y - h / 2 - CLEAR_Y, 2 * (reach + half), h + 2 * CLEAR_Y)
        spans, self.clear_below, self.clear_above = [], math.inf, -math.inf
        for item in scene.items(area, Qt.IntersectsItemBoundingRect):
            if not isinstance(item, NodeItem):
                continue
            (cx, cy), (cw, ch) = item.center, item.size
            apart = (ch + h) / 2 + CLEAR_Y
            if abs(cy - y) < apart - _SLACK:
                spans.append((cx - cw / 2 - half, cx + cw / 2 + half))
                self.clear_below = min(self.clear_below, cy + apart)
                self.clear_above = max(self.clear_above, cy - apart)
        self.blocked = _merged(sorted(spans))


def _merged(spans):
    merged = []
    for left, right in spans:
        if merged and left <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], right)
        else:
            merged.append([left, right])
    return merged
