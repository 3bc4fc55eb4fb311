"""HTML-like labels: node cards, the title and the legend.

A card has an optional header line in small bold capitals (the node's place
in the debate and its speaker or basis, e.g. ``OBJECTION · ITI``), the
wrapped statement, and for evidence the citation in small italics. All user
text goes through :mod:`argmap.render.text`; the markup around it is ours.
"""

from argmap.render import style
from argmap.render.text import html_lines, html_text

SEPARATOR = " \u00b7 "

_TABLE = '<TABLE BORDER="0" CELLBORDER="0" CELLSPACING="0" CELLPADDING="1">'


def node_places(amap, nodes):
    """Return ``{node: place}``: ``main``, a role (see ``queries.role``) or the kind.

    A node's role is that of its first edge (targets in map order); a node
    that bears on nothing is ``main`` when it is a main claim, else its kind.
    """
    from argmap.model import queries

    graph = amap.graph
    index = amap.node_index()
    mains = set(queries.main_claims(amap))
    places = {}
    for node in nodes:
        kind = graph.nodes[node]["kind"]
        targets = list(graph.successors(node))
        if kind == "evidence":
            places[node] = "evidence"
        elif targets:
            places[node] = queries.role(amap, node, min(targets, key=index.__getitem__))
        else:
            places[node] = "main" if node in mains and kind == "claim" else kind
    return places


def header_text(attrs, place):
    """Return the plain header of a node: its place, then speaker (or basis for evidence)."""
    word = style.ROLE_NAMES.get(place) or style.PLACE_NAMES.get(place, place)
    extra = attrs.get("basis") if attrs["kind"] == "evidence" else attrs.get("speaker")
    return word.upper() + (SEPARATOR + extra if extra else "")


def citation_text(amap, attrs):
    """Return what a card shows under its statement: the citation, else the source titles."""
    if attrs.get("citation"):
        return attrs["citation"]
    if attrs["kind"] != "evidence":
        return ""
    titles = []
    for span in attrs.get("sources", ()):
        title = amap.documents.get(span["doc"], {}).get("title") or span["doc"]
        if title not in titles:
            titles.append(title)
    return "; ".join(titles)


def node_label(amap, node, place, accent, headers=True):
    """Return the HTML-like label (without the outer ``<>``) of *node*'s card."""
    attrs = amap.graph.nodes[node]
    rows = []
    if headers:
        head = html_text(header_text(attrs, place))
        rows.append(f'<FONT POINT-SIZE="{style.HEADER_FONT_SIZE}" COLOR="{accent}">'
                    f"<B>{head}</B></FONT>")
    rows.append(html_lines(attrs.get("text", ""), style.WRAP_WIDTH))
    citation = citation_text(amap, attrs)
    if citation:
        lines = html_lines(citation, style.WRAP_WIDTH + 6, limit=240)
        rows.append(f'<FONT POINT-SIZE="{style.CITATION_FONT_SIZE}" '
                    f'COLOR="{style.CITATION_COLOR}"><I>{lines}</I></FONT>')
    cells = "".join(f'<TR><TD ALIGN="LEFT" BALIGN="LEFT">{row}</TD></TR>' for row in rows)
    return _TABLE + cells + "</TABLE>"


def _sample(fill, border, text, name, rounded=True):
    shape = ' STYLE="rounded"' if rounded else ""
    return (f'<TD><TABLE BORDER="1"{shape} CELLBORDER="0" CELLSPACING="0" CELLPADDING="3" '
            f'BGCOLOR="{fill}" COLOR="{border}"><TR><TD>'
            f'<FONT POINT-SIZE="{style.LEGEND_FONT_SIZE}" COLOR="{text}">{name}</FONT>'
            "</TD></TR></TABLE></TD>")


def _edge_sample(relation):
    """A short line in the relation's colour and style, its arrowhead, and its name."""
    rel = style.RELATION_STYLE[relation]
    dashed = ' STYLE="dashed"' if rel["style"] == "dashed" else ""
    head = "\u25b6" if rel["arrowhead"] == "normal" else "\u2524"
    return ('<TD><TABLE BORDER="0" CELLBORDER="0" CELLSPACING="0" CELLPADDING="0"><TR>'
            f'<TD WIDTH="30" HEIGHT="6" BORDER="2" SIDES="B"{dashed} COLOR="{rel["color"]}"></TD>'
            f'<TD ROWSPAN="2"><FONT POINT-SIZE="{style.LEGEND_FONT_SIZE}" COLOR="{rel["color"]}">'
            f'{head} {rel["name"]}</FONT></TD></TR><TR><TD HEIGHT="6"></TD></TR></TABLE></TD>')


def legend(color_by="kind"):
    """Return the legend as an HTML-like table: node samples, then the two relations."""
    cells = []
    if color_by == "evaluation":
        for key in ("in", "out", "undecided"):
            lab = style.LABEL_STYLE[key]
            cells.append(_sample(lab["fill"], lab["border"], "#1A1A1A", lab["name"].capitalize()))
    else:
        for kind in ("claim", "counterclaim", "evidence"):
            ks = style.KIND_STYLE[kind]
            cells.append(_sample(ks["fill"], ks["border"], ks["text"], ks["name"],
                                 ks["rounded"]))
    cells.extend(_edge_sample(rel) for rel in ("supports", "opposes"))
    return ('<TABLE BORDER="0" CELLBORDER="0" CELLSPACING="8" CELLPADDING="0"><TR>'
            + "".join(cells) + "</TR></TABLE>")


def title_and_legend(title, with_legend, color_by="kind"):
    """Return the label at the top of the picture (title over legend), or ``""`` for none."""
    rows = []
    if title:
        text = html_text(title, limit=160)
        rows.append(f'<FONT POINT-SIZE="{style.TITLE_FONT_SIZE}" COLOR="{style.TITLE_COLOR}">'
                    f"<B>{text}</B></FONT>")
    if with_legend:
        rows.append(legend(color_by))
    if not rows:
        return ""
    cells = "".join(f"<TR><TD>{row}</TD></TR>" for row in rows)
    return ('<TABLE BORDER="0" CELLBORDER="0" CELLSPACING="2" CELLPADDING="2">'
            + cells + "</TABLE>")
