"""Whether a picture of the map tells the truth: cards apart, links clear of other cards.

A link drawn under a card it does not join reads as a link to that card, and two
cards on top of each other hide one another. A :class:`Picture` holds where the
cards are (centres and sizes, in scene units) and which links join them, and
finds what is wrong with it: cards closer than :data:`CARD_ROOM`, and links that
run under a card other than their two ends (within :data:`LINK_ROOM` of it).
A link is shaped as the canvas draws it (:func:`argmap.gui.curves.link_between`);
since both its coordinates run one way, whether it enters a rectangle is
worked out exactly, with no sampling. Cards are found through a grid of cells,
so a question about one card or link looks at its neighbourhood only.

Layouts check their result with it, and the canvas the cards an edit moved.
"""

import math
from collections import defaultdict

from argmap.gui.curves import link_between

#: Least room between two cards (scene units).
CARD_ROOM = 12.0
#: Least room between a link and a card it does not join.
LINK_ROOM = 4.0
#: Side of a cell of the grid the cards are found through.
CELL = 400.0


def box(centre, size, room=0.0):
    """``(left, top, right, bottom)`` of a card of *size* at *centre*, grown by *room*."""
    (x, y), (w, h) = centre, size
    return (x - w / 2 - room, y - h / 2 - room, x + w / 2 + room, y + h / 2 + room)


def boxes_meet(a, b):
    """Whether two boxes ``(left, top, right, bottom)`` overlap (touching is apart)."""
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]


def runs_through(shape, area):
    """Whether the :class:`~argmap.gui.curves.LinkShape` *shape* enters the box *area*."""
    return shape.inside(*area) is not None


class Picture:
    """Cards (``{node: (x, y)}`` centres, ``{node: (w, h)}`` sizes) and the links between
    them (``(premise, target)`` pairs)."""

    def __init__(self, centres, sizes, links):
        self.centres = dict(centres)
        self.sizes = sizes
        self.links = [link for link in links if link[0] in self.centres and link[1] in self.centres]
        self.touching = defaultdict(list)
        for link in self.links:
            self.touching[link[0]].append(link)
            self.touching[link[1]].append(link)
        self._cells = defaultdict(set)
        for node in self.centres:
            self._enter(node)
        self._link_cells = defaultdict(set)
        self._reaches = {}
        for link in self.links:
            self._enter_link(link)

    def _span(self, area):
        left, top, right, bottom = area
        return (
            range(math.floor(left / CELL), math.floor(right / CELL) + 1),
            range(math.floor(top / CELL), math.floor(bottom / CELL) + 1),
        )

    def _enter(self, node, leave=False):
        columns, rows = self._span(box(self.centres[node], self.sizes[node]))
        for i in columns:
            for j in rows:
                (self._cells[i, j].discard if leave else self._cells[i, j].add)(node)

    def _enter_link(self, link, leave=False):
        if leave:
            columns, rows = self._span(self._reaches.pop(link))
        else:
            shape = self.shape(link)
            (sx, sy), (ex, ey) = shape.start, shape.end
            self._reaches[link] = (min(sx, ex), min(sy, ey), max(sx, ex), max(sy, ey))
            columns, rows = self._span(self._reaches[link])
        for i in columns:
            for j in rows:
                (self._link_cells[i, j].discard if leave else self._link_cells[i, j].add)(link)

    def move(self, positions):
        """Put the cards of *positions* (``{node: (x, y)}``) at their new centres."""
        links = {link: True for node in positions for link in self.touching[node]}
        for link in links:
            self._enter_link(link, leave=True)
        for node, centre in positions.items():
            self._enter(node, leave=True)
            self.centres[node] = tuple(centre)
            self._enter(node)
        for link in links:
            self._enter_link(link)

    def resize(self, sizes):
        """Give the cards of *sizes* (``{node: (w, h)}``) new sizes, keeping their centres."""
        links = {link: True for node in sizes for link in self.touching[node]}
        for link in links:
            self._enter_link(link, leave=True)
        for node, size in sizes.items():
            self._enter(node, leave=True)
            self.sizes[node] = tuple(size)
            self._enter(node)
        for link in links:
            self._enter_link(link)

    def cards_in(self, area):
        """The cards whose boxes meet the box *area*."""
        columns, rows = self._span(area)
        found = set()
        for i in columns:
            for j in rows:
                found |= self._cells.get((i, j), set())
        return {n for n in found if boxes_meet(box(self.centres[n], self.sizes[n]), area)}

    def shape(self, link):
        """The :class:`~argmap.gui.curves.LinkShape` of *link* as drawn now."""
        premise, target = link
        return link_between(
            self.centres[premise], self.sizes[premise], self.centres[target], self.sizes[target]
        )

    def cards_under(self, link):
        """The cards other than its ends that *link* runs under."""
        shape = self.shape(link)
        near = self.cards_in(_grown(self._reaches[link], LINK_ROOM)) - set(link)
        return [
            n for n in near if runs_through(shape, box(self.centres[n], self.sizes[n], LINK_ROOM))
        ]

    def cards_near(self, node):
        """The cards closer to *node*'s card than :data:`CARD_ROOM`."""
        area = box(self.centres[node], self.sizes[node], CARD_ROOM)
        return self.cards_in(area) - {node}

    def links_over(self, node):
        """The links not joining *node* that run under its card."""
        area = box(self.centres[node], self.sizes[node], LINK_ROOM)
        return [
            link
            for link in self._links_near(area)
            if node not in link and runs_through(self.shape(link), area)
        ]

    def _links_near(self, area):
        """The links whose reach (the box between their ends) meets *area*."""
        columns, rows = self._span(area)
        found = set()
        for i in columns:
            for j in rows:
                found |= self._link_cells.get((i, j), set())
        return [link for link in found if boxes_meet(self._reaches[link], _grown(area, 1.0))]

    def faults(self, nodes=None):
        """What is wrong with the picture, as ``(what, a, b)`` triples: ``("cards", a, b)``
        for two cards too close, ``("link", (premise, target), card)`` for a link under a
        card. With *nodes*, only what concerns those cards and their links."""
        nodes = self.centres if nodes is None else [n for n in nodes if n in self.centres]
        found, links = [], {}
        for node in nodes:
            found += [("cards", node, other) for other in self.cards_near(node)]
            for link in self.touching[node]:
                links[link] = True
            if nodes is not self.centres:
                found += [("link", link, node) for link in self.links_over(node)]
        for link in links:
            found += [("link", link, card) for card in self.cards_under(link)]
        return found


def _grown(area, room):
    left, top, right, bottom = area
    return (left - room, top - room, right + room, bottom + room)
