"""argmap's own SVG of a map drawn as arranged: every card where the user put it, no Graphviz.

The picture is the one Graphviz draws from :func:`argmap.render.arranged.placed_dot`
(PNG and PDF): the same cards and sizes (:mod:`argmap.render.card_box`), edges,
arrowheads, title and legend, in the theme's colours on the chosen background.
Cards and edges are written in the editor's coordinates inside one translated
group, so a card's centre in the SVG is its position in the editor. All map
text goes through :func:`argmap.render.svg_shapes.escape_xml`.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping

from argmap.render import look, style
from argmap.render.arranged import Arrangement, EdgePath
from argmap.render.card_box import CardBox
from argmap.render.dot import node_colours
from argmap.render.options import ExportOptions
from argmap.render.svg_heading import heading, heading_svg
from argmap.render.svg_shapes import (
    arrowhead,
    card_corner,
    escape_xml,
    note_path,
    number,
    point,
    rounded_path,
)

#: Space round the drawing (Graphviz's ``pad`` of 0.3 inch).
PAD = 21.6
#: A heading wider than the drawing widens it by its width and this much (as Graphviz does).
HEADING_MARGIN = 16.0
XMLNS = "http://www.w3.org/2000/svg"


def arranged_svg(
    drawn: Arrangement, options: ExportOptions, labels: Mapping[str, str] | None
) -> tuple[bytes, float, float]:
    """Return ``(svg bytes, width, height)`` of an :class:`~argmap.render.arranged.Arrangement`.

    *options* gives the title, legend, colouring, headers, background and theme;
    *labels* the evaluation labels when colouring by them.
    """
    look.check_look(options.background, options.theme)

    def colour(value: str) -> str:
        return look.themed(value, options.theme)

    left, top, right, bottom = drawn.bounds()
    head = heading(options.title, options.legend, options.color_by)
    if head is not None and head.width + HEADING_MARGIN > right - left:
        extra = (head.width + HEADING_MARGIN - (right - left)) / 2
        left, right = left - extra, right + extra
    head_height = head.height if head is not None else 0.0
    width = right - left + 2 * PAD
    height = bottom - top + head_height + 2 * PAD
    parts = [_opening(width, height, options.title), *_background(options, width, height)]
    if head is not None:
        parts.extend(heading_svg(head, PAD + (right - left) / 2, PAD, colour))
    parts.append(
        f'<g class="graph" transform="translate({number(PAD - left)} '
        f'{number(PAD + head_height - top)})">'
    )
    parts.extend(
        _edge_svg(edge, index, drawn.ids, colour) for index, edge in enumerate(drawn.edges, 1)
    )
    parts.extend(
        _card_svg(drawn, node, index, options, labels, colour)
        for index, node in enumerate(drawn.order, 1)
    )
    parts.append("</g>\n</svg>\n")
    return "\n".join(parts).encode("utf-8"), width, height


def _opening(width: float, height: float, title: str | None) -> str:
    w, h = number(width), number(height)
    return (
        '<?xml version="1.0" encoding="UTF-8" standalone="no"?>\n'
        f'<svg width="{w}pt" height="{h}pt" viewBox="0 0 {w} {h}" xmlns="{XMLNS}" '
        f'font-family="{style.FONT_FAMILIES}">\n'
        f"<title>{escape_xml(title) or 'argmap'}</title>"
    )


def _background(options: ExportOptions, width: float, height: float) -> list[str]:
    fill = look.page_colour(options.background, options.theme)
    if fill is None:
        return []
    return [
        f'<rect class="background" width="{number(width)}" height="{number(height)}" '
        f'fill="{fill}"/>'
    ]


def _edge_svg(
    edge: EdgePath, index: int, ids: Mapping[str, str], colour: Callable[[str], str]
) -> str:
    rel = style.RELATION_STYLE[edge.relation]
    stroke = colour(rel["color"])
    pen = f'stroke="{stroke}" stroke-width="{number(edge.width)}"'
    dash = ' stroke-dasharray="5,2"' if rel["style"] == "dashed" else ""
    base, near, far, start = edge.points
    head, stem = arrowhead(edge.tip, base, rel["arrowhead"])
    parts = [
        f'<g id="edge{index}" class="edge"><title>{ids[edge.target]}-&gt;'
        f"{ids[edge.premise]}</title>",
        f'<path d="M{point(*start)}C{point(*far)} {point(*near)} {point(*base)}" '
        f'fill="none" {pen}{dash}/>',
        f'<path d="{head}" fill="{stroke}" {pen}/>',
    ]
    if stem is not None:
        parts.append(f'<path d="{stem}" fill="none" {pen}/>')
    parts.append("</g>")
    return "".join(parts)


def _card_svg(
    drawn: Arrangement,
    node: str,
    index: int,
    options: ExportOptions,
    labels: Mapping[str, str] | None,
    colour: Callable[[str], str],
) -> str:
    card, box = drawn.cards[node], drawn.boxes[node]
    x, y = drawn.centres[node]
    left, top = x - box.width / 2, y - box.height / 2
    fill, border, text = (colour(c) for c in node_colours(card, options, labels))
    pen = number(style.role_style(card.place)["penwidth"])
    parts = [
        f'<g id="node{index}" class="node" font-size="{style.FONT_SIZE}" fill="{text}">'
        f"<title>{drawn.ids[node]}</title>"
        f'<path d="{_outline(card.kind, left, top, box)}" fill="{fill}" stroke="{border}" '
        f'stroke-width="{pen}"/>'
    ]
    roles = _line_attributes(border, colour(style.CITATION_COLOR))
    text_x = number(left + box.text_left)  # where every line but the rating starts
    for role, dx, dy, line in box.lines():
        at = text_x if role != "rating" else number(left + dx)
        parts.append(
            f'<text x="{at}" y="{number(top + dy)}"{roles[role]}>{escape_xml(line)}</text>'
        )
    parts.append("</g>")
    return "".join(parts)


def _outline(kind: str, left: float, top: float, box: CardBox) -> str:
    right, bottom = left + box.width, top + box.height
    shape = style.KIND_STYLE[kind]
    if shape["shape"] == "note":
        return note_path(left, top, right, bottom)
    corner = card_corner(box.width, box.height) if shape["rounded"] else 0.0
    return rounded_path(left, top, right, bottom, corner)


def _line_attributes(accent: str, citation: str) -> dict[str, str]:
    """The font attributes of each kind of line on a card (the statement's are the card's)."""
    return {
        "header": f' font-size="{style.HEADER_FONT_SIZE}" font-weight="bold" fill="{accent}"',
        "rating": f' font-size="{style.HEADER_FONT_SIZE}" fill="{accent}"',
        "body": "",
        "citation": f' font-size="{style.CITATION_FONT_SIZE}" font-style="italic" '
        f'fill="{citation}"',
    }
