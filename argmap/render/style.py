"""The one style table, shared by the exported diagrams and the editor's canvas.

Colours are chosen to stay distinct for the common forms of colour blindness
(a blue/orange/grey scheme, with shape and line style as second cues), and
text on every fill meets WCAG AA contrast. Display names come from the model's vocabulary.
"""

from __future__ import annotations

from typing import TypedDict

from argmap.model.schema import KIND_NAMES, RELATION_NAMES


class KindStyle(TypedDict):
    """A node kind's look: colours, Graphviz shape, rounded corners, display name."""

    fill: str
    border: str
    text: str
    shape: str
    rounded: bool
    name: str


class RoleStyle(TypedDict):
    """A card's colours by its place in the debate, its legend name and border width."""

    fill: str
    border: str
    text: str
    name: str
    penwidth: float


#: Per node kind: fill, border and text colours, Graphviz shape, display name.
KIND_STYLE: dict[str, KindStyle] = {
    "claim": {
        "fill": "#DCEBFA",
        "border": "#1F5A96",
        "text": "#0B1F33",
        "shape": "box",
        "rounded": True,
        "name": KIND_NAMES["claim"],
    },
    "counterclaim": {
        "fill": "#FBE3CF",
        "border": "#A34A00",
        "text": "#331400",
        "shape": "box",
        "rounded": True,
        "name": KIND_NAMES["counterclaim"],
    },
    "evidence": {
        "fill": "#EDEDED",
        "border": "#4D4D4D",
        "text": "#1A1A1A",
        "shape": "note",
        "rounded": False,
        "name": KIND_NAMES["evidence"],
    },
}

#: Per relation: line colour, line style, arrowhead, display name.
RELATION_STYLE: dict[str, dict[str, str]] = {
    "supports": {
        "color": "#2E7D32",
        "style": "solid",
        "arrowhead": "normal",
        "name": RELATION_NAMES["supports"],
    },
    "opposes": {
        "color": "#C62828",
        "style": "dashed",
        "arrowhead": "tee",
        "name": RELATION_NAMES["opposes"],
    },
}

#: What an edge does in the debate (see argmap.model.queries.role): header words.
ROLE_NAMES = {"support": "Reason", "objection": "Objection", "rebuttal": "Rebuttal"}

#: Per role (a node's place in the debate, see argmap.render.cards.node_places): the colours
#: of its card, on the canvas and in the export, its legend name and border width.
#: Text on every fill meets WCAG AA contrast (tests/render/test_style.py).
ROLE_STYLE: dict[str, RoleStyle] = {
    "main": {
        "fill": "#CFE2F8",
        "border": "#0B3D91",
        "text": "#0B1F33",
        "name": "Main claim",
        "penwidth": 2.4,
    },
    "support": {
        "fill": "#DCEBFA",
        "border": "#1F5A96",
        "text": "#0B1F33",
        "name": "Reason",
        "penwidth": 1.3,
    },
    "objection": {
        "fill": "#FBE3CF",
        "border": "#A34A00",
        "text": "#331400",
        "name": "Objection",
        "penwidth": 1.3,
    },
    "rebuttal": {
        "fill": "#DDF0E2",
        "border": "#1E6B3A",
        "text": "#0B2414",
        "name": "Rebuttal",
        "penwidth": 1.3,
    },
    "evidence": {
        "fill": "#EDEDED",
        "border": "#4D4D4D",
        "text": "#1A1A1A",
        "name": "Evidence",
        "penwidth": 1.3,
    },
}
#: The role whose colours a node that bears on nothing takes, by its kind.
LOOSE_ROLE = {
    "claim": "support",
    "counterclaim": "objection",
    "main": "main",
    "evidence": "evidence",
}


def role_style(place: str) -> RoleStyle:
    """Return the :data:`ROLE_STYLE` entry of a node's place (a role, ``main`` or a kind)."""
    return ROLE_STYLE[LOOSE_ROLE.get(place, place)]


#: Evaluation labels (for colouring by evaluation): fill, border.
LABEL_STYLE: dict[str, dict[str, str]] = {
    "in": {"fill": "#D6F0D8", "border": "#2E7D32", "name": "accepted"},
    "out": {"fill": "#F7D4D4", "border": "#C62828", "name": "defeated"},
    "undecided": {"fill": "#FFF3C4", "border": "#8A6D00", "name": "undecided"},
}

#: Font used on canvas and in exports (DejaVu Sans ships with Debian's fonts-dejavu-core).
FONT_FAMILY = "DejaVu Sans"
#: The fonts an export names, best first: Graphviz measures and draws with the first one
#: installed, and an SVG names them all, so that a viewer without DejaVu Sans draws similar text.
FONT_FAMILIES = "DejaVu Sans, Liberation Sans, Arial, sans-serif"
FONT_SIZE = 11
#: The width (points) of a card on the canvas, kept when a map is drawn as arranged.
CARD_WIDTH = 240.0
#: Characters per wrapped label line.
WRAP_WIDTH = 34
#: Characters per line of a card's header (smaller bold type: about the body's width).
HEADER_WRAP_WIDTH = 44

#: Sizes (points) of the smaller lines on a card and of the title.
HEADER_FONT_SIZE = 8
CITATION_FONT_SIZE = 9
TITLE_FONT_SIZE = 18
LEGEND_FONT_SIZE = 9
#: The title and legend of the pages after the first of a page-sized export.
SMALL_TITLE_FONT_SIZE = 10
SMALL_LEGEND_FONT_SIZE = 7

#: Colours of the title, of citations and of the page behind the map.
TITLE_COLOR = "#0B1F33"
CITATION_COLOR = "#404040"
BACKGROUND = "#FFFFFF"

#: Header word of a node by its place in the map (see argmap.render.dot).
PLACE_NAMES = {
    "main": "Main claim",
    "claim": "Claim",
    "counterclaim": "Counterclaim",
    "evidence": "Evidence",
}


#: Width of a link without a strength, and the widths a strength of 0 and 1 give.
EDGE_WIDTH, WEAKEST, STRONGEST = 1.5, 0.8, 4.0


def edge_width(strength: float | None) -> float:
    """Return the line width of a link of *strength* (0 to 1; None for the usual width).

    Example
    -------
    >>> edge_width(None), edge_width(0), edge_width(1)
    (1.5, 0.8, 4.0)
    """
    if strength is None:
        return EDGE_WIDTH
    share = min(1.0, max(0.0, float(strength)))
    return round(WEAKEST + (STRONGEST - WEAKEST) * share, 1)


def rating_text(rating: float | None) -> str:
    """Return the badge of a node's rating (``★ 7``), or ``""`` when it has none.

    Example
    -------
    >>> rating_text(7.0), rating_text(2.5), rating_text(None)
    ('★ 7', '★ 2.5', '')
    """
    if rating is None or isinstance(rating, bool):
        return ""
    value = float(rating)
    shown = f"{value:.0f}" if value == int(value) else f"{value:.1f}"
    return f"\u2605 {shown}"
