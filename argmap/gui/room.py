"""Making room: where other cards go when an edit leaves a card in the way.

A new card goes to a free spot when there is one near where it belongs (see
:mod:`argmap.gui.placement`); when there is none, it goes beside its siblings
all the same, and a card whose text grows takes more room where it is. Then
the cards around it move, in the same undoable step as the edit, so that the
picture stays true (:mod:`argmap.gui.clearance`):

1. a card whose size changed keeps its top where it was, growing downwards (this
   one always: rows of cards stay aligned at their tops);
2. the cards below a grown card's old bottom move down by what it grew;
3. the cards right of a new card, in its row and below, move right to make a
   column for it; then, if that is not enough, all the cards right of it;
4. failing all of these, the whole map is laid out again as a tree, its cards in
   the order they had from left to right (:mod:`argmap.gui.tree_layout`).

Ways 2 to 4 are for maps of up to :data:`ROOM_UP_TO` cards; on a larger map
an edit moves only the card whose size changed, and the picture is as true as the
free spots near where a new card belongs allow.

Only what the edit made wrong counts: a picture already false somewhere (a card
dragged over a link) is not tidied up by an edit near it. Each way is tried on
the picture and taken only if it leaves nothing wrong around the cards it moved
that was not wrong before the edit.
"""

from argmap.gui.clearance import CARD_ROOM, Picture, box
from argmap.gui.tree_layout import COLUMN_GAP

#: A card whose top lies this little (scene units) above a line still counts as below it.
_EPSILON = 0.5
#: Room is made, and the whole map laid out again as a last resort, only on maps of up to
#: this many shown cards: on a larger one the moves would cost more than an edit may take.
ROOM_UP_TO = 500


def room_for(picture: Picture, subjects, grown, lay_out) -> dict:
    """Return ``{node: (x, y)}``: the moves that leave *picture* true around *subjects*.

    Parameters
    ----------
    picture : Picture
        The shown cards and links, as they are after the edit (it is left as it was).
    subjects : iterable
        The cards the edit added or changed in size.
    grown : dict
        ``{node: how much taller}`` for the subjects whose card changed in size (less than
        nothing when it became smaller): each keeps its top where it was.
    lay_out : callable
        ``lay_out() -> {node: (x, y)}``: a fresh layout of the whole map, the last resort.
    """
    subjects = [n for n in subjects if n in picture.centres]
    before = _Before(picture, subjects, grown)
    kept = _keep_top(picture, subjects, grown)
    if _clears(picture, kept, subjects, before):
        return kept
    for way in (_push_down, _push_right_below, _push_right):
        moves = way(picture, subjects, grown)
        if moves and _clears(picture, moves, subjects, before):
            return moves
    return lay_out()


def _faults(picture, nodes):
    """The faults around *nodes* (see :meth:`Picture.faults`), each in one spelling."""
    return {("cards", frozenset(f[1:])) if f[0] == "cards" else f for f in picture.faults(nodes)}


def _involves(fault, nodes):
    if fault[0] == "cards":
        return bool(fault[1] & nodes)
    return bool({*fault[1], fault[2]} & nodes)


class _Before:
    """The faults of the picture as it was before the edit: grown cards at their old
    sizes, new cards not there."""

    def __init__(self, picture, subjects, grown):
        self.picture = picture
        self.new = {n for n in subjects if not grown.get(n)}
        self.old_sizes = {
            n: (picture.sizes[n][0], picture.sizes[n][1] - grown[n]) for n in subjects if n in grown
        }

    def faults(self, nodes):
        """The faults there were around *nodes* before the edit."""
        new_sizes = {n: self.picture.sizes[n] for n in self.old_sizes}
        self.picture.resize(self.old_sizes)
        try:
            found = _faults(self.picture, nodes)
        finally:
            self.picture.resize(new_sizes)
        return {fault for fault in found if not _involves(fault, self.new)}


def _clears(picture, moves, subjects, before):
    """Whether *moves* leave nothing wrong around the subjects and the cards they move
    that was not wrong before the edit."""
    around = set(subjects) | set(moves)
    was = before.faults(around)
    back = {node: picture.centres[node] for node in moves}
    picture.move(moves)
    try:
        return _faults(picture, around) <= was
    finally:
        picture.move(back)


def _keep_top(picture, subjects, grown):
    """Cards that changed in size keep their tops: each moves down by half of what it grew
    (up when it became smaller)."""
    return {
        node: (picture.centres[node][0], picture.centres[node][1] + grown[node] / 2)
        for node in subjects
        if grown.get(node)
    }


def _push_down(picture, subjects, grown):
    """Grown cards keep their tops, and what lay below their old bottoms moves down."""
    moves = _keep_top(picture, subjects, grown)
    for node in [n for n in moves if grown[n] > 0]:
        x, y = moves[node]
        line = y + picture.sizes[node][1] / 2 - grown[node]
        for other, (ox, oy) in picture.centres.items():
            if other not in moves and oy - picture.sizes[other][1] / 2 >= line - _EPSILON:
                moves[other] = (ox, oy + grown[node])
    return moves


def _push_right_below(picture, subjects, grown):
    return _push_right(picture, subjects, grown, below=True)


def _push_right(picture, subjects, grown, below=False):
    """The cards right of each new card (in its row and below, with *below*) move right,
    far enough to clear it."""
    moves = {}
    for node in subjects:
        if grown.get(node):
            continue
        x, y = picture.centres[node]
        left, top, right, bottom = box((x, y), picture.sizes[node])
        movable = [
            other
            for other, (ox, oy) in picture.centres.items()
            if other != node
            and other not in subjects
            and ox >= x
            and (not below or oy - picture.sizes[other][1] / 2 >= top - CARD_ROOM)
        ]
        in_row = [
            box(picture.centres[o], picture.sizes[o])[0]
            for o in movable
            if box(picture.centres[o], picture.sizes[o])[1] < bottom + CARD_ROOM
            and box(picture.centres[o], picture.sizes[o])[3] > top - CARD_ROOM
        ]
        shift = right + COLUMN_GAP - min(in_row) if in_row else right - left + COLUMN_GAP
        for other in movable:
            ox, oy = moves.get(other, picture.centres[other])
            moves[other] = (ox + max(shift, 0.0), oy)
    return moves
