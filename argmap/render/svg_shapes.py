"""Pieces of argmap's own SVG: numbers, escaped text, card outlines and arrowheads.

Every piece of user text reaches the SVG through :func:`escape_xml`: characters
XML cannot hold are removed (as for Graphviz, :func:`argmap.render.text.clean`)
and the markup characters are written as entities, so a map's text is shown
literally and never read as markup.
"""

from __future__ import annotations

import math

from argmap.render.arranged import ARROW_LENGTHS, Point
from argmap.render.text import clean

#: The corner of a rounded card: Graphviz's (12 points, at most a third of the shorter side).
CORNER = 12.0
#: The folded corner of an evidence card (Graphviz's ``note`` shape).
FOLD = 6.0
#: Arrowheads, in Graphviz's proportions of their length: a ``normal`` head's half width;
#: a ``tee``'s bar (from the tip, and its half width) on a stem as long as the head.
HEAD_HALF_WIDTH = 0.35
TEE_BAR, TEE_HALF_WIDTH = (0.2, 0.6), 1.0

_ENTITIES = (("&", "&amp;"), ("<", "&lt;"), (">", "&gt;"), ('"', "&quot;"), ("'", "&#39;"))


def escape_xml(text: object) -> str:
    """Return *text* safe as XML character data or an attribute value, shown literally.

    Example
    -------
    >>> escape_xml('<script>"x" & ]]>\\x00')
    '&lt;script&gt;&quot;x&quot; &amp; ]]&gt;'
    """
    shown = clean(text)
    for char, entity in _ENTITIES:
        if char in shown:
            shown = shown.replace(char, entity)
    return shown


def number(value: float) -> str:
    """*value* with at most two decimals, as short as it goes (``12``, ``12.5``, ``-0.25``)."""
    text = (f"{value:.2f}").rstrip("0").rstrip(".")
    return "0" if text == "-0" else text


def point(x: float, y: float) -> str:
    """``x,y`` with :func:`number`'s digits."""
    return f"{number(x)},{number(y)}"


def rounded_path(left: float, top: float, right: float, bottom: float, corner: float) -> str:
    """The outline of a box whose corners are rounded as Graphviz rounds them (``corner``
    points along each side, Bézier controls halfway); a plain box when *corner* is 0.

    The corners are relative moves, the same for every card of one corner size.
    """
    if corner <= 0:
        return f"M{point(left, top)}H{number(right)}V{number(bottom)}H{number(left)}Z"
    turns = _corners(corner)
    across, down = number(right - left - 2 * corner), number(bottom - top - 2 * corner)
    return (
        f"M{point(left + corner, top)}h{across}{turns[0]}v{down}{turns[1]}"
        f"h-{across}{turns[2]}v-{down}{turns[3]}z"
    )


def _corners(corner: float) -> tuple[str, str, str, str]:
    """The four relative Bézier corners (top right, bottom right, bottom left, top left)."""
    c, h = number(corner), number(corner / 2)
    return (
        f"c{h},0 {c},{h} {c},{c}",
        f"c0,{h} -{h},{c} -{c},{c}",
        f"c-{h},0 -{c},-{h} -{c},-{c}",
        f"c0,-{h} {h},-{c} {c},-{c}",
    )


def card_corner(width: float, height: float) -> float:
    """Graphviz's corner for a rounded card of this size."""
    return min(CORNER, min(width, height) / 3)


def note_path(left: float, top: float, right: float, bottom: float) -> str:
    """The outline of an evidence card, its top right corner folded, and the fold's two lines
    (drawn from the outline's start, where closing it leaves the pen)."""
    fold = number(FOLD)
    return (
        f"M{point(right - FOLD, top)}H{number(left)}V{number(bottom)}H{number(right)}"
        f"V{number(top + FOLD)}Zv{fold}h{fold}"
    )


def arrowhead(tip: Point, base: Point, kind: str) -> tuple[str, str | None]:
    """Return ``(filled outline, stem or None)`` of an arrowhead at *tip*, pointing away from
    *base*: a ``normal`` triangle, or a ``tee`` bar across a short stem."""
    length = ARROW_LENGTHS[kind]
    dx, dy = tip[0] - base[0], tip[1] - base[1]
    span = math.hypot(dx, dy) or 1.0
    ux, uy = dx * length / span, dy * length / span  # along the head, its length

    def at(along: float, across: float) -> str:
        return point(tip[0] - ux * along - uy * across, tip[1] - uy * along + ux * across)

    if kind == "normal":
        return f"M{point(*tip)}L{at(1, HEAD_HALF_WIDTH)}L{at(1, -HEAD_HALF_WIDTH)}Z", None
    near, far = TEE_BAR
    bar = (
        f"M{at(near, TEE_HALF_WIDTH)}L{at(near, -TEE_HALF_WIDTH)}"
        f"L{at(far, -TEE_HALF_WIDTH)}L{at(far, TEE_HALF_WIDTH)}Z"
    )
    return bar, f"M{point(*tip)}L{at(1, 0)}"
