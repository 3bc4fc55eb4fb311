"""The card stage: what every node shows, on the canvas and in the exported picture.

A card has a header line in small bold capitals (the node's place in the
debate and its speaker or basis, e.g. ``OBJECTION · ITI``), the statement,
and for evidence the citation. :func:`card` decides all of it once; the
editor's canvas paints a :class:`Card` and the DOT writer turns it into an
HTML-like label (:func:`node_label`), so the screen and the export agree.
All user text in labels goes through :mod:`argmap.render.text`; the markup
around it is ours.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from argmap.model import ArgumentMap, queries
from argmap.model.schema import RELATIONS
from argmap.render import style
from argmap.render.text import escape_html, html_lines, html_rows, one_line, text_lines

SEPARATOR = " \u00b7 "

_TABLE = '<TABLE BORDER="0" CELLBORDER="0" CELLSPACING="0" CELLPADDING="1">'


@dataclass(frozen=True)
class Card:
    """What one node shows: its place, header, statement and citation (all plain text),
    and its rating (``""`` without one)."""

    node: str
    kind: str
    place: str
    header: str
    text: str
    citation: str
    rating: str = ""


def node_places(amap: ArgumentMap, nodes: Iterable[str]) -> dict[str, str]:
    """Return ``{node: place}``: ``main``, a role (see ``queries.role``) or the kind.

    A main claim is ``main`` (also the claim chosen as the top of a circle);
    evidence is always ``evidence``; another node's role is that of its first
    edge (targets in map order); a node that bears on nothing and is not a
    main claim is named by its kind.
    """
    graph = amap.graph
    index = amap.node_index()
    mains = set(queries.main_claims(amap))
    places: dict[str, str] = {}
    for node in nodes:
        kind = graph.nodes[node]["kind"]
        targets = list(graph.successors(node))
        if kind == "evidence":
            places[node] = "evidence"
        elif node in mains and kind == "claim":
            places[node] = "main"
        elif targets:
            places[node] = queries.role(amap, node, min(targets, key=index.__getitem__))
        else:
            places[node] = kind
    return places


def header_text(attrs: Mapping[str, Any], place: str) -> str:
    """Return the header of a node: draft mark and place in capitals, then speaker (or basis).

    The speaker is shown as written.

    Example
    -------
    >>> header_text({"kind": "counterclaim", "speaker": "Apple"}, "rebuttal")
    'REBUTTAL \u00b7 Apple'
    """
    word = style.ROLE_NAMES.get(place) or style.PLACE_NAMES.get(place, place)
    if attrs["kind"] == "evidence":
        extra = attrs.get("basis") or attrs.get("speaker")
    else:
        extra = attrs.get("speaker")
    parts = (["DRAFT"] if attrs.get("draft") else []) + [word.upper()] + ([extra] if extra else [])
    return SEPARATOR.join(parts)


def citation_text(amap: ArgumentMap, attrs: Mapping[str, Any]) -> str:
    """Return what a card shows under its statement: the citation, else the source titles."""
    if attrs.get("citation"):
        return attrs["citation"]
    if attrs["kind"] != "evidence":
        return ""
    titles: list[str] = []
    for span in attrs.get("sources", ()):
        title = amap.documents.get(span["doc"], {}).get("title") or span["doc"]
        if title not in titles:
            titles.append(title)
    return "; ".join(titles)


def cards(amap: ArgumentMap, nodes: Iterable[str] | None = None) -> dict[str, Card]:
    """Return ``{node: Card}`` for *nodes* (all nodes by default)."""
    shown = list(amap.graph.nodes) if nodes is None else list(nodes)
    places = node_places(amap, shown)
    graph = amap.graph
    return {n: _card(amap, n, graph.nodes[n], places[n]) for n in shown}


def _card(amap: ArgumentMap, node: str, attrs: Mapping[str, Any], place: str) -> Card:
    return Card(
        node,
        attrs["kind"],
        place,
        header_text(attrs, place),
        attrs.get("text", ""),
        citation_text(amap, attrs),
        style.rating_text(attrs.get("rating")),
    )


@dataclass(frozen=True)
class CardText:
    """The lines a card shows as plain text, cleaned and cut: what all writers draw.

    ``header`` is a tuple of wrapped lines, empty when the card has none (or headers
    are off); ``rating`` is ``""`` without a rating and follows the header's last line;
    ``body`` and ``citation`` are tuples of wrapped lines.
    """

    header: tuple[str, ...]
    rating: str
    body: tuple[str, ...]
    citation: tuple[str, ...]


#: Characters per line of a citation (its font is smaller than the statement's).
CITATION_WIDTH = style.WRAP_WIDTH + 6
CITATION_LIMIT = 240


def card_text(card: Card, headers: bool = True) -> CardText:
    """Return the :class:`CardText` of a :class:`Card`: header, rating, wrapped statement
    and citation."""
    header = (
        tuple(text_lines(one_line(card.header), style.HEADER_WRAP_WIDTH))
        if headers and card.header
        else ()
    )
    rating = one_line(card.rating) if headers and card.rating else ""
    citation = (
        tuple(text_lines(card.citation, CITATION_WIDTH, limit=CITATION_LIMIT))
        if card.citation
        else ()
    )
    return CardText(header, rating, tuple(text_lines(card.text, style.WRAP_WIDTH)), citation)


def node_label(card: Card, accent: str, headers: bool = True) -> str:
    """Return the HTML-like label (without the outer ``<>``) of a :class:`Card`."""
    shown = card_text(card, headers)
    rows: list[str] = []
    if headers:
        rating = f" \u00a0{escape_html(shown.rating)}" if shown.rating else ""
        rows.append(
            f'<FONT POINT-SIZE="{style.HEADER_FONT_SIZE}" COLOR="{accent}">'
            f"<B>{html_rows(shown.header)}</B>{rating}</FONT>"
        )
    rows.append(html_rows(shown.body))
    if shown.citation:
        rows.append(
            f'<FONT POINT-SIZE="{style.CITATION_FONT_SIZE}" '
            f'COLOR="{style.CITATION_COLOR}"><I>{html_rows(shown.citation)}</I></FONT>'
        )
    cells = "".join(f'<TR><TD ALIGN="LEFT" BALIGN="LEFT">{row}</TD></TR>' for row in rows)
    return _TABLE + cells + "</TABLE>"


@dataclass(frozen=True)
class LegendCard:
    """A card sample of the legend: colours, name, and whether its corners are rounded."""

    fill: str
    border: str
    text: str
    name: str
    rounded: bool = True


@dataclass(frozen=True)
class LegendLine:
    """A relation's sample: a short line in its colour and style, its name."""

    color: str
    dashed: bool
    name: str


@dataclass(frozen=True)
class LegendNote:
    """A note in the legend (the junction of co-premises)."""

    color: str
    name: str


#: Anything the legend shows.
LegendEntry = LegendCard | LegendLine | LegendNote


def legend_entries(
    color_by: str = "kind",
) -> tuple[list[LegendCard], list[LegendLine | LegendNote]]:
    """Return ``(card samples, line samples)``: what the legend shows, whoever draws it.

    The card samples are the roles (or, colouring by evaluation, the labels);
    the line samples are the relations and the junction of co-premises.
    """
    if color_by == "evaluation":
        samples = [
            LegendCard(lab["fill"], lab["border"], "#1A1A1A", lab["name"].capitalize())
            for lab in (style.LABEL_STYLE[key] for key in ("in", "out", "undecided"))
        ]
    else:
        samples = [
            LegendCard(rs["fill"], rs["border"], rs["text"], rs["name"], role != "evidence")
            for role, rs in style.ROLE_STYLE.items()
        ]
    lines: list[LegendLine | LegendNote] = []
    for relation in RELATIONS:
        rel = style.RELATION_STYLE[relation]
        head = "\u25b6" if rel["arrowhead"] == "normal" else "\u2524"
        lines.append(LegendLine(rel["color"], rel["style"] == "dashed", f"{head} {rel['name']}"))
    lines.append(LegendNote(style.CITATION_COLOR, "\u25cf only together (co-premises)"))
    return samples, lines


@dataclass(frozen=True)
class LegendSize:
    """The sizes (points) of a legend: its type, a card sample's padding, the length of a
    relation's sample line and the space between entries."""

    font: float
    padding: int
    line: int
    spacing: int


#: The legend under the title, and the small one of a page after the first.
LEGEND = LegendSize(style.LEGEND_FONT_SIZE, 3, 30, 8)
SMALL_LEGEND = LegendSize(style.SMALL_LEGEND_FONT_SIZE, 1, 18, 4)


def _sample(entry: LegendCard, size: LegendSize = LEGEND) -> str:
    shape = ' STYLE="rounded"' if entry.rounded else ""
    return (
        f'<TD><TABLE BORDER="1"{shape} CELLBORDER="0" CELLSPACING="0" '
        f'CELLPADDING="{size.padding}" BGCOLOR="{entry.fill}" COLOR="{entry.border}"><TR><TD>'
        f'<FONT POINT-SIZE="{size.font:g}" COLOR="{entry.text}">{entry.name}</FONT>'
        "</TD></TR></TABLE></TD>"
    )


def _line_sample(entry: LegendLine | LegendNote, size: LegendSize = LEGEND) -> str:
    """A relation's short line and name, or the junction's note."""
    font = f'<FONT POINT-SIZE="{size.font:g}" COLOR="{entry.color}">{entry.name}</FONT>'
    if isinstance(entry, LegendNote):
        return f"<TD>{font}</TD>"
    dashed = ' STYLE="dashed"' if entry.dashed else ""
    half = max(2, round(size.font * 2 / 3))
    return (
        '<TD><TABLE BORDER="0" CELLBORDER="0" CELLSPACING="0" CELLPADDING="0"><TR>'
        f'<TD WIDTH="{size.line}" HEIGHT="{half}" BORDER="2" SIDES="B"{dashed} '
        f'COLOR="{entry.color}"></TD><TD ROWSPAN="2">{font}</TD></TR>'
        f'<TR><TD HEIGHT="{half}"></TD></TR></TABLE></TD>'
    )


def legend(color_by: str = "kind", rows: int = 1, size: LegendSize = LEGEND) -> str:
    """Return the legend as an HTML-like table: card samples, the relations, the junction.

    With ``rows=2`` the relations and the junction go under the card samples,
    for a narrow page; *size* gives its type and spacing (:data:`SMALL_LEGEND` on the
    pages after the first).
    """
    samples, lines = legend_entries(color_by)
    cells = [_sample(entry, size) for entry in samples]
    line_cells = [_line_sample(entry, size) for entry in lines]
    if rows == 1:
        return _legend_row(cells + line_cells, size.spacing)
    return (
        '<TABLE BORDER="0" CELLBORDER="0" CELLSPACING="0" CELLPADDING="0">'
        f"<TR><TD>{_legend_row(cells, size.spacing)}</TD></TR>"
        f"<TR><TD>{_legend_row(line_cells, size.spacing)}</TD></TR>"
        "</TABLE>"
    )


def _legend_row(cells: list[str], spacing: int = LEGEND.spacing) -> str:
    return (
        f'<TABLE BORDER="0" CELLBORDER="0" CELLSPACING="{spacing}" CELLPADDING="0"><TR>'
        + "".join(cells)
        + "</TR></TABLE>"
    )


#: Characters per line of a title on a page (a narrow picture): it wraps there; a small
#: title (the pages after the first) wraps at its own width, about as wide.
COMPACT_TITLE_WIDTH = 40
SMALL_TITLE_WIDTH = 90
#: Longest title shown (characters).
TITLE_LIMIT = 160


def title_text(title: str) -> str:
    """The title shown over a picture, on one line: cleaned and cut."""
    return one_line(title, limit=TITLE_LIMIT)


def title_and_legend(
    title: str | None,
    with_legend: bool,
    color_by: str = "kind",
    compact: bool = False,
    small: bool = False,
) -> str:
    """Return the label at the top of the picture (title over legend), or ``""`` for none.

    *compact* (page exports) wraps the title and folds the legend into two
    rows, so that neither makes a narrow map smaller on its page. *small* draws
    both small, as a running head: the pages after the first of a page export.
    """
    rows: list[str] = []
    if title:
        width = SMALL_TITLE_WIDTH if small else COMPACT_TITLE_WIDTH
        text = (
            html_lines(title, width, limit=TITLE_LIMIT)
            if compact
            else escape_html(title_text(title))
        )
        size = style.SMALL_TITLE_FONT_SIZE if small else style.TITLE_FONT_SIZE
        rows.append(f'<FONT POINT-SIZE="{size}" COLOR="{style.TITLE_COLOR}"><B>{text}</B></FONT>')
    if with_legend:
        rows.append(legend(color_by, 2 if compact else 1, SMALL_LEGEND if small else LEGEND))
    if not rows:
        return ""
    cells = "".join(f"<TR><TD>{row}</TD></TR>" for row in rows)
    return '<TABLE BORDER="0" CELLBORDER="0" CELLSPACING="2" CELLPADDING="2">' + cells + "</TABLE>"
