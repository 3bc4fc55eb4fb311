"""Exports sized for a page: A4 or Letter handouts and 16:9 slides.

The whole map is scaled to fit the page (A4 and Letter in portrait or landscape,
whichever draws it larger, each laid out top-down and left to right). When its body
text would fall below :data:`MIN_BODY_PT` points, its top-level lines of argument
(each direct premise of a main claim with its branch, co-premises together) are
shared out among pages: each line goes on the first of the last few pages where the
page stays readable with it, else on a new page, each page under the main claim. A
line too large for a page of its own is split by premise, and a chain too long for a
page is cut, with marks naming the page where it goes on. The first page has the
title and legend; the pages after it have them small. A PDF holds every page; PNG
and SVG pages are written as numbered files ``OUT-1.png``, ``OUT-2.png``, ...

Example
-------
>>> from argmap.outputs.export import ExportOptions, export_file
>>> export_file(amap, "handout.pdf", ExportOptions(page="a4"))   # doctest: +SKIP
"""

from __future__ import annotations

import io
import math
import os
from collections.abc import Collection, Iterable, Mapping, Set
from dataclasses import dataclass, replace

from argmap.errors import MissingDependencyError, RenderError
from argmap.fileio import atomic_write, check_writable
from argmap.model import ArgumentMap, queries
from argmap.render import look, style
from argmap.render.dot import attr_list, build_dot
from argmap.render.drawing import layout_size, selected_nodes
from argmap.render.graphviz import run_graphviz
from argmap.render.options import ExportOptions, ExportResult, evaluation_labels
from argmap.render.png import png_with_dpi

#: Page sizes in points (portrait for paper, landscape for the slide).
PAGE_SIZES = {"a4": (595.28, 841.89), "letter": (612.0, 792.0), "slide": (960.0, 540.0)}
PAGES = tuple(PAGE_SIZES)
#: White space kept round the drawing (points).
MARGINS = {"a4": 36.0, "letter": 36.0, "slide": 24.0}
#: Resolution of page PNGs: print quality for paper, 1920 x 1080 px for a slide.
PAGE_DPI = {"a4": 150, "letter": 150, "slide": 144}
#: Smallest size (points) of a card's body text on a page.
MIN_BODY_PT = 8.0
#: How many of the last pages a line of argument may join before it starts a new one.
PACK_WINDOW = 3
#: Largest enlargement of a small map, so that its text stays at a handout's size.
MAX_SCALE = 1.5


@dataclass
class Page:
    """One page to draw: its nodes, its title, layout and fit."""

    nodes: Collection[str]
    title: str
    source: str = ""
    width: float = 0.0
    height: float = 0.0
    scale: float = 1.0
    landscape: bool = False
    links: tuple[Link, ...] = ()
    small_header: bool = False

    @property
    def body_pt(self) -> float:
        """The size, in points, of a card's body text on the page."""
        return style.FONT_SIZE * self.scale


def page_size(page: str, landscape: bool) -> tuple[float, float]:
    """Return ``(width, height)`` in points of *page* (``a4``, ``letter``, ``slide``)."""
    width, height = PAGE_SIZES[page]
    if page != "slide" and landscape:
        return height, width
    return width, height


def fit(page: str, width: float, height: float) -> tuple[float, bool]:
    """Return ``(scale, landscape)`` drawing *width* x *height* points largest on *page*."""
    margin = MARGINS[page]
    best = (-1.0, False)
    for landscape in (False,) if page == "slide" else (False, True):
        page_w, page_h = page_size(page, landscape)
        scale = min(
            (page_w - 2 * margin) / max(width, 1.0),
            (page_h - 2 * margin) / max(height, 1.0),
            MAX_SCALE,
        )
        if scale > best[0]:
            best = (scale, landscape)
    return best


def lines_of_argument(amap: ArgumentMap, nodes: Set[str]) -> list[tuple[str, tuple[str, ...]]]:
    """Return ``[(main claim, premises)]``: the top-level lines of argument among *nodes*.

    *premises* is a tuple: one premise, or co-premises that bear on the main claim
    only together (one edge ``group``). A main claim nothing bears on gives
    ``(main, ())``.
    """
    lines: list[tuple[str, tuple[str, ...]]] = []
    for main in queries.main_claims(amap):
        if main not in nodes:
            continue
        units = premise_units(amap, main, nodes)
        lines.extend((main, unit) for unit in units)
        if not units:
            lines.append((main, ()))
    return lines


def premise_units(
    amap: ArgumentMap, node: str, nodes: Set[str], exclude: Collection[str] = ()
) -> list[tuple[str, ...]]:
    """Return the premises of *node* among *nodes* as tuples that stay on one page:
    co-premises (one edge ``group`` and relation) together, every other premise alone."""
    units: dict[tuple[object, ...], list[str]] = {}
    for premise in amap.graph.predecessors(node):
        if premise in nodes and premise not in exclude:
            edge = amap.graph.edges[premise, node]
            group = edge.get("group")
            key = (group, edge["relation"]) if group is not None else (premise,)
            units.setdefault(key, []).append(premise)
    return [tuple(unit) for unit in units.values()]


def plan_pages(amap: ArgumentMap, options: ExportOptions) -> tuple[list[Page], list[str]]:
    """Return ``(pages, warnings)``: the whole map on one page, or its lines of argument
    shared out among pages.

    Each line of argument goes on the first of the last :data:`PACK_WINDOW` pages
    where the page stays readable with it, else on a new page. A line of argument
    too large for a page of its own is split further: one page per premise of its
    top, each page keeping the claims above it for context; a chain too long for a
    page is cut, and a mark on the cut card names the page where its premises go
    on, where they stand under the main claim again (see :class:`Link`). The pages
    after the first draw the title and legend small.
    """
    # the labels are checked once, not for every layout tried
    options = options.replace(labels=evaluation_labels(options))
    title = amap.title if options.title is None else options.title
    nodes = selected_nodes(amap, options)
    whole = _laid_out(amap, options, Page(nodes, title))
    if whole.body_pt >= MIN_BODY_PT:
        return [whole], []
    lines = lines_of_argument(amap, nodes)
    if len(lines) < 2 and not any(_premises(amap, p, nodes) for _, unit in lines for p in unit):
        return [whole], [_small_text_warning(whole, "the map")]
    planner = _Planner(amap, options, nodes, f"{title} (00/00)")
    sets: list[PageSet] = []
    for main, unit in lines:
        sets.extend(planner.line_sets(main, {main}, unit, ()) if unit else [({main}, ())])
    packed = _numbered(planner.pack(sets))
    pages, warnings = [], []
    for number, (line_nodes, links) in enumerate(packed, 1):
        caption = f"{title} ({number}/{len(packed)})" if title else f"{number}/{len(packed)}"
        page = _laid_out(
            amap, options, Page(line_nodes, caption, links=links, small_header=number > 1)
        )
        if page.body_pt < MIN_BODY_PT:
            warnings.append(_small_text_warning(page, f"page {number}"))
        pages.append(page)
    return pages, warnings


@dataclass(frozen=True)
class Link:
    """A mark joining two pages of one line of argument.

    ``continues``: the premises of *node* go on on page *page*; ``under``: *node*
    stands under the main claim *target* through the claims of page *page*.
    """

    node: str
    kind: str
    target: str | None = None
    page: int = 0


#: The nodes of a page and its marks.
PageSet = tuple[set[str], tuple[Link, ...]]


def _premises(amap: ArgumentMap, node: str, nodes: Set[str]) -> list[str]:
    return [p for p in amap.graph.predecessors(node) if p in nodes]


class _Planner:
    """Splits lines of argument into node sets that each fit a page readably."""

    def __init__(
        self, amap: ArgumentMap, options: ExportOptions, nodes: set[str], caption: str
    ) -> None:
        self.amap, self.options, self.nodes, self.caption = amap, options, nodes, caption
        # cards already cut: a circle of claims is cut once, not forever
        self.cut: set[str] = set()
        # (nodes, links, first page) -> readable: each page is laid out once
        self.tried: dict[tuple[frozenset[str], tuple[Link, ...], bool], bool] = {}

    def readable(self, page_nodes: Set[str], links: Iterable[Link], first: bool = True) -> bool:
        """Whether *page_nodes* with the marks *links* can be read on one page: the first
        (with the title and legend, as every line is split) or a later one."""
        key = (frozenset(page_nodes), tuple(links), first)
        if key not in self.tried:
            page = Page(page_nodes, self.caption, links=key[1], small_header=not first)
            self.tried[key] = _laid_out(self.amap, self.options, page).body_pt >= MIN_BODY_PT
        return self.tried[key]

    def pack(self, sets: list[PageSet]) -> list[PageSet]:
        """Return the pages of *sets*: each set, in order, joins the first of the last
        :data:`PACK_WINDOW` pages that stays readable with it, else starts a page.

        A set never joins a page that holds the other end of one of its marks, so a
        mark always names another page; a page that had no room for some new cards is
        not tried again with as many.
        """
        pages: list[PageSet] = []
        # the fewest new cards each page had no room for: it is not tried with as many again
        refused: list[float] = []
        for set_nodes, links in sets:
            marked = {link.node for link in links}
            for index in range(max(0, len(pages) - PACK_WINDOW), len(pages)):
                page_nodes, page_links = pages[index]
                added = len(set_nodes - page_nodes)
                if added >= refused[index] or marked & {link.node for link in page_links}:
                    continue
                joined = (page_nodes | set_nodes, page_links + links)
                if self.readable(*joined, first=index == 0):
                    pages[index] = joined
                    break
                refused[index] = added
            else:
                pages.append((set(set_nodes), links))
                refused.append(math.inf)
        return pages

    def line_sets(
        self, main: str, context: set[str], tops: tuple[str, ...], links: tuple[Link, ...]
    ) -> list[PageSet]:
        """Return ``[(nodes, links)]``: the pages of the branches of *tops* (a premise,
        or co-premises) under *context*."""
        branch = set(context).union(*(queries.subtree(self.amap, top) for top in tops))
        branch &= self.nodes | set(context)
        below = [
            unit
            for top in tops
            for unit in premise_units(self.amap, top, self.nodes, exclude=context)
        ]
        if not below or self.readable(branch, links):
            return [(branch, links)]
        if len(below) == 1:
            return self.cut_chain(main, context, tops, links)
        found = []
        for unit in below:
            found.extend(self.line_sets(main, context | set(tops), unit, links))
        return found

    def cut_chain(
        self, main: str, context: set[str], tops: tuple[str, ...], links: tuple[Link, ...]
    ) -> list[PageSet]:
        """Return the pages of a branch too deep for one: as many levels below *tops* as
        fit, then a page for the rest of each cut card's premises.

        When *tops* have no premises beyond one another (co-premises, one backing the
        other), there is nothing to cut: they are drawn under *context* as they are.
        """
        levels = self.levels(tops, context)
        shown, cut, page_links = context.union(*levels[:1]), [], links
        for depth in range(len(levels) - 1, 0, -1):
            shown = context.union(*levels[: depth + 1])
            cut = [
                n
                for n in levels[depth]
                if n not in self.cut
                and any(p not in shown for p in _premises(self.amap, n, self.nodes))
            ]
            page_links = links + tuple(Link(n, "continues") for n in cut)
            if depth == 1 or self.readable(shown, page_links):
                break
        found = [(shown, page_links)]
        self.cut.update(cut)
        for node in cut:
            found.extend(self.line_sets(main, {main}, (node,), (Link(node, "under", main),)))
        return found

    def levels(self, tops: tuple[str, ...], context: set[str]) -> list[list[str]]:
        """Return the premises of *tops* level by level (``[[tops], [their premises], ...]``)."""
        seen, levels = set(context) | set(tops), [list(tops)]
        while True:
            below: list[str] = []
            for node in levels[-1]:
                for premise in _premises(self.amap, node, self.nodes):
                    if premise not in seen:
                        seen.add(premise)
                        below.append(premise)
            if not below:
                return levels
            levels.append(below)


def _numbered(sets: list[PageSet]) -> list[PageSet]:
    """Return *sets* with the page number of every link's other page filled in."""
    pages_of: dict[tuple[str, str], int] = {}
    for number, (_, links) in enumerate(sets, 1):
        for link in links:
            pages_of.setdefault((link.node, link.kind), number)  # the first such page
    other = {"continues": "under", "under": "continues"}
    return [
        (
            nodes,
            tuple(
                replace(link, page=pages_of.get((link.node, other[link.kind]), 0)) for link in links
            ),
        )
        for nodes, links in sets
    ]


def link_lines(ids: Mapping[str, str], links: Iterable[Link]) -> list[str]:
    """Return the DOT lines of a page's :class:`Link` marks (text by argmap, never the map)."""
    lines = []
    for number, link in enumerate(links):
        page = f"page {link.page or '00'}"  # 00 while the pages are being planned
        if link.kind == "continues":
            mark = f"mark{number}"
            lines.append(
                f"{mark} "
                + attr_list(
                    dict(_LINK_TEXT, shape="plaintext", style="", label=f"continued on {page}")
                )
                + ";"
            )
            lines.append(f"{ids[link.node]} -> {mark} " + attr_list(_LINK_EDGE) + ";")
        elif link.target is not None:
            lines.append(
                f"{ids[link.target]} -> {ids[link.node]} "
                + attr_list(dict(_LINK_EDGE, **_LINK_TEXT, dir="back", label=f"through {page}"))
                + ";"
            )
    return lines


_LINK_EDGE: dict[str, object] = {"dir": "none", "style": "dashed", "color": "#808080"}
_LINK_TEXT: dict[str, object] = {
    "fontname": style.FONT_FAMILIES,
    "fontsize": style.CITATION_FONT_SIZE,
    "fontcolor": style.CITATION_COLOR,
}


def _small_text_warning(page: Page, what: str) -> str:
    return (
        f"{what} does not fit at {MIN_BODY_PT:g} pt: its text is {page.body_pt:.1f} pt; "
        "draw one part with --root NODE for larger text"
    )


def _laid_out(amap: ArgumentMap, options: ExportOptions, page: Page) -> Page:
    """Lay *page* out and fit it to the paper; a page too small to read top-down is tried
    left to right as well, and the larger of the two is kept."""
    first = _laid_out_once(amap, options, page)
    if first.body_pt >= MIN_BODY_PT or options.direction != "TB":
        return first
    turned = _laid_out_once(amap, options.replace(direction="LR"), page)
    return turned if turned.body_pt > first.body_pt else first


def _laid_out_once(amap: ArgumentMap, options: ExportOptions, page: Page) -> Page:
    """Build *page*'s DOT, lay it out once and fit it to the paper."""
    page_options = options.replace(
        title=page.title, nodes=page.nodes, root=None, small_header=page.small_header
    )
    drawn = build_dot(amap, page_options, set(page.nodes), options.labels)
    source = drawn.text
    if page.links:
        source = source[:-2] + "\n" + "\n".join(link_lines(drawn.ids, page.links)) + "\n}\n"
    source = look.restyle_dot(
        source.replace('pad="0.3"', 'pad="0"', 1), options.background, options.theme
    )
    laid_out = run_graphviz(source, "dot", timeout=options.timeout)
    width, height = layout_size(laid_out)
    scale, landscape = fit(options.page or "a4", width, height)
    return replace(
        page, source=source, width=width, height=height, scale=scale, landscape=landscape
    )


def draw_page(page: Page, paper: str, fmt: str, timeout: float) -> bytes:
    """Return the bytes of *page* drawn as *fmt* on a sheet of *paper*, the drawing centred."""
    page_w, page_h = page_size(paper, page.landscape)
    # Graphviz scales the drawing and its pad together to fill the page
    pad_x = max(0.0, page_w / page.scale - page.width) / 144
    pad_y = max(0.0, page_h / page.scale - page.height) / 144
    source = page.source.replace('pad="0"', f'pad="{pad_x:.4f},{pad_y:.4f}"', 1)
    dpi = PAGE_DPI[paper] if fmt == "png" else 72
    data = run_graphviz(
        source,
        fmt,
        [f"-Gsize={page_w / 72:.4f},{page_h / 72:.4f}!", f"-Gdpi={dpi}"],
        timeout=timeout,
    )
    if fmt == "png":
        return png_with_dpi(data, dpi)
    return data


def merge_pdfs(documents: list[bytes]) -> bytes:
    """Return one PDF holding the pages of every PDF in *documents* (bytes), in order."""
    if len(documents) == 1:
        return documents[0]
    try:
        from pypdf import PdfReader, PdfWriter
    except ImportError as exc:
        raise MissingDependencyError(
            "a PDF of several pages needs pypdf (pip install pypdf)"
        ) from exc
    writer = PdfWriter()
    for data in documents:
        writer.append(PdfReader(io.BytesIO(data)))
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def numbered_paths(out_path: str | os.PathLike[str], count: int) -> list[str]:
    """Return the files of *count* pages: *out_path* itself for one, else ``OUT-1.png``, ..."""
    if count == 1:
        return [os.fspath(out_path)]
    stem, suffix = os.path.splitext(os.fspath(out_path))
    return [f"{stem}-{number}{suffix}" for number in range(1, count + 1)]


def export_pages(
    amap: ArgumentMap, out_path: str | os.PathLike[str], options: ExportOptions, fmt: str
) -> ExportResult:
    """Draw *amap* on pages of ``options.page`` and write them; return an ExportResult.

    Every page is drawn before any file is written, and each file is written
    atomically, so a failure leaves the files as they were.
    """
    if options.page not in PAGE_SIZES:
        raise RenderError(f"unknown page {options.page!r}; expected one of {', '.join(PAGES)}")
    if fmt not in ("png", "svg", "pdf"):
        raise RenderError(f"a page-sized export is PNG, SVG or PDF, not {fmt.upper()}")
    paper = options.page
    pages, warnings = plan_pages(amap, options)
    drawn = [draw_page(page, paper, fmt, options.timeout) for page in pages]
    outputs = [merge_pdfs(drawn)] if fmt == "pdf" else drawn
    paths = numbered_paths(out_path, len(outputs))
    for path in paths:
        check_writable(path)
    for path, data in zip(paths, outputs, strict=True):
        atomic_write(path, data)
    smallest = min(page.body_pt for page in pages)
    files = f" in {len(paths)} files ({os.path.basename(paths[0])} ...)" if len(paths) > 1 else ""
    summary = (
        f"{fmt}, {len(pages)} {options.page} page{'s' if len(pages) > 1 else ''}{files}, "
        f"body text {smallest:.1f} pt"
    )
    return ExportResult(fmt, summary, warnings, paths=paths)
