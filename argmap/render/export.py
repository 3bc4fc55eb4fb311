"""Exporting a map as PNG, SVG, PDF or DOT: the one code path of the CLI and the editor.

Example
-------
>>> from argmap.render.export import ExportOptions, export_file
>>> result = export_file(amap, "map.png", ExportOptions())   # doctest: +SKIP
>>> result.summary                                            # doctest: +SKIP
'png, 1840x1220 px, 96 dpi'
"""

import contextlib
import math
import os
import re
from collections import namedtuple

from argmap.errors import RenderError
from argmap.fileio import atomic_fill, check_writable, write_verified

FORMATS = ("png", "svg", "pdf", "dot")
LAYOUTS = ("auto", "arranged")
SUFFIXES = {".png": "png", ".svg": "svg", ".pdf": "pdf", ".dot": "dot", ".gv": "dot"}
DEFAULT_DPI = 96
MAX_DPI = 600
#: Below this resolution the 11 pt text of a card is no longer readable.
MIN_LEGIBLE_DPI = 64
#: Cairo shrinks (silently) any bitmap side above this many pixels.
MAX_PIXELS_SIDE = 32767
#: Largest bitmap drawn at all (pixels), about 1 GB of memory while drawing.
MAX_PIXELS_AREA = 250_000_000


#: The options of an export and their defaults, in order.
_OPTION_DEFAULTS = {
    "fmt": None,
    "dpi": None,
    "direction": "TB",
    "root": None,
    "legend": True,
    "color_by": "kind",
    "labels": None,
    "nodes": None,
    "timeout": 60,
    "title": None,
    "headers": True,
    "layout": None,
    "page": None,
    "background": "white",
    "theme": "light",
}


class ExportOptions(
    namedtuple("ExportOptions", _OPTION_DEFAULTS, defaults=_OPTION_DEFAULTS.values())
):
    """How to draw a map (options are given by name; ``_replace`` gives changed ones).

    Attributes
    ----------
    fmt : str or None
        ``png``, ``svg``, ``pdf`` or ``dot``; None follows the file's suffix.
    dpi : int or None
        Resolution of a PNG; None chooses one (96, lower for very large maps).
    direction : str
        ``TB`` (main claim on top), ``BT``, ``LR`` or ``RL``.
    root : str or None
        Draw only this node and what bears on it.
    legend : bool
        Draw the legend under the title.
    color_by : str
        ``kind`` or ``evaluation`` (accepted/defeated/undecided).
    labels : dict or None
        Node -> ``'in'`` | ``'out'`` | ``'undecided'`` for ``color_by='evaluation'``;
        None computes grounded labels over the ``opposes`` relation.
    nodes : iterable or None
        Draw only these nodes (a selection); combined with *root* if both are given.
    timeout : float
        Seconds Graphviz may take.
    title : str or None
        The title on top; None uses the map's title, ``""`` draws none.
    headers : bool
        Draw the small header line (place in the debate, speaker or basis) on cards.
    layout : str or None
        ``arranged`` draws every card where it sits in the editor (each needs a
        ``pos``), ``auto`` asks Graphviz for a fresh layout; None draws as
        arranged when every drawn node has a position.
    page : str or None
        ``a4``, ``letter`` or ``slide``: scale the map to that page, or draw one page per
        line of argument when it cannot be read on one (see :mod:`argmap.render.pages`).
    background : str
        ``white`` or ``transparent``.
    theme : str
        ``light`` or ``dark`` (light text on dark cards).
    """

    __slots__ = ()


class ExportResult(namedtuple("ExportResult", "fmt summary warnings width height dpi paths")):
    """What an export wrote: the format, a short summary, warnings for the user, the
    picture's size (points, or pixels for PNG), the PNG's dpi, and the files written
    when an export is split into pages."""

    __slots__ = ()

    def __new__(cls, fmt, summary, warnings=None, width=0, height=0, dpi=None, paths=None):
        return super().__new__(
            cls, fmt, summary, list(warnings or ()), width, height, dpi, list(paths or ())
        )


def infer_format(path, fmt=None):
    """Return the export format: *fmt* when given, else the one *path*'s suffix names."""
    if fmt is not None:
        if fmt not in FORMATS:
            raise RenderError(
                f"unknown export format {fmt!r}; expected one of {', '.join(FORMATS)}"
            )
        return fmt
    suffix = os.path.splitext(os.fspath(path))[1].lower()
    if suffix not in SUFFIXES:
        raise RenderError(
            f"cannot tell the format of {os.fspath(path)!r} from its suffix "
            f"{suffix or '(none)'}; use .png, .svg, .pdf or .dot, or give a format"
        )
    return SUFFIXES[suffix]


def export_file(amap, out_path, options=None):
    """Draw *amap* and write it atomically to *out_path*; return an :class:`ExportResult`.

    A failure (Graphviz missing, failing or timing out, a map too large for a
    readable PNG) raises :class:`~argmap.errors.RenderError` and leaves any
    existing file at *out_path* untouched. Anything but a regular file at
    *out_path* (a FIFO, a device, a folder) or a read-only file is refused
    with :class:`~argmap.errors.SaveError` before drawing.
    """
    options = options or ExportOptions()
    fmt = infer_format(out_path, options.fmt)
    if options.page is not None:
        return _export_pages(amap, out_path, options, fmt)
    check_writable(out_path)
    options = options._replace(fmt=fmt)
    return atomic_fill(out_path, lambda temp: _draw_into(amap, options, temp))


def _draw_into(amap, options, path):
    """Draw *amap* into the empty file *path*; return the :class:`ExportResult`."""
    data, result = render(amap, options, into=path)
    if data is not None:
        write_verified(path, data)
    return result


def render_bytes(amap, options=None):
    """Return the bytes :func:`export_file` would write for *options* (``fmt`` is required)."""
    return render(amap, options or ExportOptions(fmt="png"))[0]


def render(amap, options, into=None):
    """Draw *amap*; return ``(bytes, ExportResult)``.

    With *into*, the path of an empty file, an SVG that Graphviz lays out goes there as
    Graphviz writes it (see :func:`argmap.render.graphviz.write_graphviz`); the bytes
    returned are then None.
    """
    from argmap.render.dot import check_options, dot_lines

    fmt = infer_format("", options.fmt) if options.fmt else None
    if fmt is None:
        raise RenderError("no export format given")
    if options.title is None:
        options = options._replace(title=amap.title)
    nodes = selected_nodes(amap, options)
    labels = evaluation_labels(amap, options)
    arranged = as_arranged(amap, options, nodes)
    check_options(options)
    if arranged and fmt == "svg":
        return _render_arranged_svg(amap, options, nodes, labels)
    if arranged:
        from argmap.render.arranged import placed_dot

        lines = [placed_dot(amap, options, nodes, labels)]
    else:
        lines = dot_lines(amap, options, nodes, labels)
    lines = _restyled(lines, options)
    if fmt == "dot":
        return "".join(lines).encode("utf-8"), ExportResult("dot", f"dot, {len(nodes)} nodes")
    if fmt == "png":
        return _render_png("".join(lines), options, arranged)
    return _render_vector(lines, fmt, options, arranged, into)


def as_arranged(amap, options, nodes):
    """Return True when the map is drawn where the user put it rather than laid out afresh.

    Raises
    ------
    RenderError
        For an unknown layout, or ``arranged`` when a drawn node has no position.
    """
    if options.layout not in (None,) + LAYOUTS:
        raise RenderError(
            f"unknown layout {options.layout!r}; expected one of {', '.join(LAYOUTS)}"
        )
    if options.layout == "auto":
        return False
    placed = is_arranged(amap, nodes)
    if options.layout == "arranged" and not placed:
        raise RenderError(
            "cannot draw the map as arranged: some nodes have no position yet "
            "(open it in the editor and arrange it, or use the fresh layout)"
        )
    return placed


def is_arranged(amap, nodes):
    """Return True when every node of *nodes* has a position (it was arranged in the editor)."""
    graph = amap.graph
    return bool(nodes) and all("pos" in graph.nodes[node] for node in nodes)


def selected_nodes(amap, options):
    """Return the set of nodes to draw: all, a subtree (``root``), a selection, or both."""
    from argmap.model import queries

    nodes = set(amap.graph.nodes)
    if options.nodes is not None:
        chosen = set(options.nodes)
        unknown = sorted(chosen - nodes)
        if unknown:
            raise RenderError(f"cannot draw unknown node(s): {', '.join(map(repr, unknown[:5]))}")
        nodes = chosen
    if options.root is not None:
        if options.root not in amap.graph:
            raise RenderError(f"no node {options.root!r} in the map to draw from")
        nodes &= queries.subtree(amap, options.root)
    return nodes


def evaluation_labels(amap, options):
    """Return the labels to colour by, or None when colouring by kind."""
    if options.color_by != "evaluation":
        return None
    if options.labels is None:
        from argmap.analysis.acceptance import grounded_labels

        return grounded_labels(amap)
    bad = {v for v in options.labels.values() if v not in ("in", "out", "undecided")}
    if bad:
        raise RenderError(
            f"unknown evaluation label(s) {sorted(map(str, bad))}; "
            "expected 'in', 'out' or 'undecided'"
        )
    return dict(options.labels)


def graphviz_ahead(out_path, options):
    """Return a context within which the export of *out_path* with *options* finds the
    Graphviz it will most likely need already started (see
    :func:`argmap.render.graphviz.started_ahead`): enter it before reading the map."""
    try:
        fmt = infer_format(out_path, options.fmt)
    except RenderError:  # the export itself says so, after reading the map as always
        return contextlib.nullcontext()
    if fmt not in ("svg", "pdf") or options.page is not None or options.layout == "arranged":
        return contextlib.nullcontext()
    from argmap.render.graphviz import started_ahead

    program, args = _vector_run(arranged=False)
    return started_ahead(fmt, args, program)


def _vector_run(arranged):
    """The Graphviz program and arguments that draw an SVG or PDF."""
    return ("neato", ("-n2", "-Gdpi=72")) if arranged else ("dot", ("-Gdpi=72",))


def _render_vector(lines, fmt, options, arranged=False, into=None):
    """Draw the DOT *lines* as SVG or PDF: into the file *into* (SVG), else as bytes.

    A PDF is always made in memory, where cairo's dates in it are fixed.
    """
    from argmap.render.graphviz import run_graphviz, write_graphviz

    program, args = _vector_run(arranged)
    if into is not None and fmt == "svg":
        data = None
        head = write_graphviz(lines, fmt, into, args, timeout=options.timeout, program=program)
    else:
        data = head = run_graphviz(lines, fmt, args, timeout=options.timeout, program=program)
    width, height = _vector_size(head, fmt)
    return data, ExportResult(fmt, f"{fmt}, {width}x{height} pt", width=width, height=height)


def _render_arranged_svg(amap, options, nodes, labels):
    """argmap draws the SVG of a map as arranged itself (see :mod:`argmap.render.svg`)."""
    from argmap.render.arranged import arrange
    from argmap.render.svg import arranged_svg

    data, width, height = arranged_svg(arrange(amap, options, nodes), options, labels)
    width, height = round(width), round(height)
    return data, ExportResult("svg", f"svg, {width}x{height} pt", width=width, height=height)


def _vector_size(data, fmt):
    if fmt == "svg":
        found = re.search(rb'<svg width="([\d.]+)pt" height="([\d.]+)pt"', data)
    else:
        found = re.search(rb"/MediaBox \[\s*[\d.]+ [\d.]+ ([\d.]+) ([\d.]+)", data)
    if not found:
        return 0, 0
    return round(float(found.group(1))), round(float(found.group(2)))


def _render_png(source, options, arranged=False):
    """Lay out once, choose the dpi from the layout's size, then draw the laid-out graph."""
    from argmap.render.graphviz import run_graphviz, run_graphviz_cached
    from argmap.render.png import png_size, png_with_dpi

    if arranged:
        laid_out = run_graphviz_cached(
            source, "dot", ["-n2"], timeout=options.timeout, program="neato"
        )
    else:
        laid_out = run_graphviz_cached(source, "dot", timeout=options.timeout)
    width_pt, height_pt = layout_size(laid_out)
    dpi, warnings = choose_dpi(width_pt, height_pt, options.dpi)
    inches = f"{MAX_PIXELS_SIDE / dpi:.2f}"
    data = run_graphviz(
        laid_out.decode("utf-8"),
        "png",
        ["-n2", f"-Gdpi={dpi}", f"-Gsize={inches},{inches}"],
        timeout=options.timeout,
        program="neato",
    )
    width, height = png_size(data)
    data = png_with_dpi(data, dpi)
    return data, ExportResult(
        "png", f"png, {width}x{height} px, {dpi} dpi", warnings, width, height, dpi
    )


def layout_size(laid_out):
    """Return ``(width, height)`` in points from Graphviz's laid-out DOT output."""
    found = re.search(rb'\bbb="([^"]{1,200})"', laid_out)
    if not found:
        raise RenderError("Graphviz gave a layout without a bounding box")
    try:
        x0, y0, x1, y1 = (float(v) for v in found.group(1).split(b","))
    except ValueError:
        raise RenderError(
            f"Graphviz gave a bounding box that is not four numbers: "
            f"{found.group(1)[:80].decode('ascii', 'replace')}"
        ) from None
    if not all(map(math.isfinite, (x0, y0, x1, y1))):
        raise RenderError("Graphviz gave a bounding box that is not finite")
    return x1 - x0, y1 - y0


def choose_dpi(width_pt, height_pt, requested=None):
    """Return ``(dpi, warnings)`` for a PNG of a drawing *width_pt* x *height_pt* points.

    The dpi is the requested one (default 96), lowered with a warning when the
    bitmap would pass what cairo can draw; a drawing that would need less than
    :data:`MIN_LEGIBLE_DPI` raises RenderError naming the ways out.

    Example
    -------
    >>> choose_dpi(720, 360)
    (96, [])
    """
    dpi = DEFAULT_DPI if requested is None else requested
    if isinstance(dpi, bool) or not isinstance(dpi, int) or not 1 <= dpi <= MAX_DPI:
        raise RenderError(f"dpi must be a whole number from 1 to {MAX_DPI}, not {dpi!r}")
    pad = 8  # Graphviz adds a few pixels round the drawing
    longest = max(width_pt, height_pt, 1.0)
    fit_side = (MAX_PIXELS_SIDE - pad) * 72 / longest
    fit_area = math.sqrt(MAX_PIXELS_AREA * 72 * 72 / max(width_pt * height_pt, 1.0))
    fit = math.floor(min(fit_side, fit_area))
    if dpi <= fit:
        return dpi, []
    size = f"{width_pt / 72:.0f} x {height_pt / 72:.0f} inches"
    if fit < MIN_LEGIBLE_DPI:
        raise RenderError(
            f"the map is too large for one readable PNG ({size}; even at {MIN_LEGIBLE_DPI} dpi "
            f"it would be {math.ceil(longest * MIN_LEGIBLE_DPI / 72)} px across, and a PNG "
            f"holds at most {MAX_PIXELS_SIDE} px a side). Export SVG or PDF instead, which "
            "stay sharp at any size, or draw one part with --root NODE"
        )
    return fit, [
        f"the map is large ({size}): drew the PNG at {fit} dpi instead of {dpi} "
        f"to stay within {MAX_PIXELS_SIDE} px a side; for full detail export SVG or "
        "PDF, or draw one part with --root NODE"
    ]


# ----------------------------------------------------------- page and look
def _export_pages(amap, out_path, options, fmt):
    """Draw *amap* on pages of ``options.page`` (see :mod:`argmap.render.pages`)."""
    from argmap.render.pages import export_pages

    return export_pages(amap, out_path, options, fmt)


def _restyled(lines, options):
    """The DOT *lines* drawn on the options' background in their theme (a line at a time:
    what a theme changes is inside one attribute list)."""
    from argmap.render.look import restyle_dot

    return (restyle_dot(line, options.background, options.theme) for line in lines)
