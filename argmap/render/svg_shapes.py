"""Pieces of argmap's own SVG: numbers, escaped text, card outlines and arrowheads.

Every piece of user text reaches the SVG through :func:`escape_xml`: characters
XML cannot hold are removed (as for Graphviz, :func:`argmap.render.text.clean`)
and the markup characters are written as entities, so a map's text is shown
literally and never read as markup.
"""

import math

from argmap.render.arranged import ARROW_LENGTHS
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


def escape_xml(text):
    """Return *text* safe as XML character data or an attribute value, shown literally.

    Example
    -------
    >>> escape_xml('<script>"x" & ]]>\\x00')
    '&lt;script&gt;&quot;x&quot; &amp; ]]&gt;'
    """
    text = clean(text)
    for char, entity in _ENTITIES:
        if char in text:
            text = text.replace(char, entity)
    return text


def number(value):
    """*value* with at most two decimals, as short as it goes (``12``, ``12.5``, ``-0.25``)."""
    text = f"{value:.2f}"
    if text.endswith("00"):
        text = text[:-3]
    elif text.endswith("0"):
        text = text[:-1]
    return "0" if text == "-0" else text


def point(x, y):
    return f"{number(x)},{number(y)}"


def rounded_path(left, top, right, bottom, corner):
    """The outline of a box whose corners are rounded as Graphviz rounds them (``corner``
    points along each side, Bézier controls halfway); a plain box when *corner* is 0."""
    if corner <= 0:
        return f"M{point(left, top)}H{number(right)}V{number(bottom)}H{number(left)}Z"
    c, h = corner, corner / 2
    return (f"M{point(left + c, top)}H{number(right - c)}"
            f"C{point(right - h, top)} {point(right, top + h)} {point(right, top + c)}"
            f"V{number(bottom - c)}"
            f"C{point(right, bottom - h)} {point(right - h, bottom)} {point(right - c, bottom)}"
            f"H{number(left + c)}"
            f"C{point(left + h, bottom)} {point(left, bottom - h)} {point(left, bottom - c)}"
            f"V{number(top + c)}"
            f"C{point(left, top + h)} {point(left + h, top)} {point(left + c, top)}Z")


def card_corner(width, height):
    """Graphviz's corner for a rounded card of this size."""
    return min(CORNER, min(width, height) / 3)


def note_path(left, top, right, bottom):
    """The outline of an evidence card, its top right corner folded, and the fold's two lines."""
    fold = right - FOLD
    return (f"M{point(fold, top)}H{number(left)}V{number(bottom)}H{number(right)}"
            f"V{number(top + FOLD)}Z"
            f"M{point(fold, top)}V{number(top + FOLD)}H{number(right)}")


def arrowhead(tip, base, kind):
    """Return ``(filled outline, stem or None)`` of an arrowhead at *tip*, pointing away from
    *base*: a ``normal`` triangle, or a ``tee`` bar across a short stem."""
    length = ARROW_LENGTHS[kind]
    dx, dy = tip[0] - base[0], tip[1] - base[1]
    span = math.hypot(dx, dy) or 1.0
    ux, uy = dx * length / span, dy * length / span     # along the head, its length

    def at(along, across):
        return point(tip[0] - ux * along - uy * across, tip[1] - uy * along + ux * across)

    if kind == "normal":
        return f"M{point(*tip)}L{at(1, HEAD_HALF_WIDTH)}L{at(1, -HEAD_HALF_WIDTH)}Z", None
    near, far = TEE_BAR
    bar = (f"M{at(near, TEE_HALF_WIDTH)}L{at(near, -TEE_HALF_WIDTH)}"
           f"L{at(far, -TEE_HALF_WIDTH)}L{at(far, TEE_HALF_WIDTH)}Z")
    return bar, f"M{point(*tip)}L{at(1, 0)}"
