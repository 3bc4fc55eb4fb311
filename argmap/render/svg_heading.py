"""The title and legend over a picture argmap draws as SVG itself.

They show what :func:`argmap.render.cards.title_and_legend` gives Graphviz
(the same title text and :func:`~argmap.render.cards.legend_entries`), laid out
as Graphviz lays out that label: the title centred on top, under it one row of
card samples, relation lines and the junction note, spaced as in the DOT's
HTML-like tables.
"""

import math
from dataclasses import dataclass

from argmap.render import style
from argmap.render.cards import LegendCard, LegendLine, legend_entries, title_text
from argmap.render.measure import text_width
from argmap.render.svg_shapes import escape_xml, number, rounded_path

#: Space Graphviz keeps above and below the label, and its tables' spacing and padding.
GAP, SPACING, PADDING = 4.0, 2.0, 2.0
#: The title's line: its height and where its baseline lies below its top.
TITLE_LINE, TITLE_BASELINE = 20.0, 13.4
#: The legend: space round and between its cells, a sample's height and the baseline in it.
LEGEND_SPACING, SAMPLE_HEIGHT, SAMPLE_BASELINE = 8.0, 18.0, 11.2
#: A card sample's text inset; a relation's line (its cell's width, the line's inset and height).
SAMPLE_INSET, LINE_CELL, LINE_INSET, LINE_Y = 4.0, 30.0, 1.0, 8.0


@dataclass
class Heading:
    """The title and legend, measured: ``width`` and ``height`` in points."""

    title: str
    entries: list
    widths: list
    width: float
    height: float


def heading(title, with_legend, color_by="kind"):
    """Return the :class:`Heading` over a picture, or None when it has neither title nor legend."""
    title = title_text(title) if title else ""
    entries = []
    if with_legend:
        samples, lines = legend_entries(color_by)
        entries = samples + lines
    if not title and not entries:
        return None
    widths = [_cell_width(entry) for entry in entries]
    cells, height = [], GAP * 2 + SPACING
    if title:
        cells.append(math.ceil(text_width(title, style.TITLE_FONT_SIZE, "bold")))
        height += TITLE_LINE + 2 * PADDING + SPACING
    if entries:
        cells.append(_legend_width(widths))
        height += SAMPLE_HEIGHT + 2 * LEGEND_SPACING + 2 * PADDING + SPACING
    width = max(cells) + 2 * PADDING + 2 * SPACING
    return Heading(title, entries, widths, width, height)


def _text_width(name):
    return math.ceil(text_width(name, style.LEGEND_FONT_SIZE))


def _cell_width(entry):
    if isinstance(entry, LegendCard):
        return _text_width(entry.name) + 2 * SAMPLE_INSET
    if isinstance(entry, LegendLine):
        return LINE_CELL + _text_width(entry.name)
    return _text_width(entry.name)


def _legend_width(widths):
    return sum(widths) + LEGEND_SPACING * (len(widths) + 1)


def heading_svg(head, centre, top, colour):
    """Return the SVG elements of *head*, centred on x = *centre* below y = *top*.

    *colour* turns a style colour into the theme's (see :func:`argmap.render.look.themed`).
    """
    parts = ['<g class="heading">']
    y = top + GAP + SPACING + PADDING
    if head.title:
        parts.append(
            f'<text x="{number(centre)}" y="{number(y + TITLE_BASELINE)}" '
            f'text-anchor="middle" font-size="{style.TITLE_FONT_SIZE}" '
            f'font-weight="bold" fill="{colour(style.TITLE_COLOR)}">'
            f"{escape_xml(head.title)}</text>"
        )
        y += TITLE_LINE + 2 * PADDING + SPACING
    if head.entries:
        y += LEGEND_SPACING
        x = centre - _legend_width(head.widths) / 2 + LEGEND_SPACING
        for entry, width in zip(head.entries, head.widths, strict=True):
            parts.extend(_entry_svg(entry, x, y, width, colour))
            x += width + LEGEND_SPACING
    parts.append("</g>")
    return parts


def _entry_svg(entry, x, top, width, colour):
    baseline = number(top + SAMPLE_BASELINE)
    text = (
        f'font-size="{style.LEGEND_FONT_SIZE}" fill="{colour(_text_colour(entry))}">'
        f"{escape_xml(entry.name)}</text>"
    )
    if isinstance(entry, LegendCard):
        corner = SAMPLE_HEIGHT / 3 if entry.rounded else 0.0
        outline = rounded_path(x, top, x + width, top + SAMPLE_HEIGHT, corner)
        return [
            f'<path d="{outline}" fill="{colour(entry.fill)}" stroke="{colour(entry.border)}"/>',
            f'<text x="{number(x + SAMPLE_INSET)}" y="{baseline}" {text}',
        ]
    if isinstance(entry, LegendLine):
        dash = ' stroke-dasharray="5,2"' if entry.dashed else ""
        line_y = number(top + LINE_Y)
        return [
            f'<path d="M{number(x + LINE_INSET)},{line_y}H{number(x + LINE_CELL - LINE_INSET)}" '
            f'fill="none" stroke="{colour(entry.color)}" stroke-width="2"{dash}/>',
            f'<text x="{number(x + LINE_CELL)}" y="{baseline}" {text}',
        ]
    return [f'<text x="{number(x)}" y="{baseline}" {text}']


def _text_colour(entry):
    return entry.text if isinstance(entry, LegendCard) else entry.color
