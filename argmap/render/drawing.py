"""Drawing a map as PNG, SVG, PDF or DOT bytes: the stages below every export.

:func:`render` draws with Graphviz (or, for a map as arranged in the editor, as
argmap's own SVG); :mod:`argmap.outputs.export` writes the result to a file.

Example
-------
>>> from argmap.model import ArgumentMap
>>> from argmap.render.options import ExportOptions
>>> amap = ArgumentMap("T")
>>> _ = amap.add_node("claim", "Encryption must stay strong")
>>> data, result = render(amap, ExportOptions(fmt="dot"))
>>> data.startswith(b"digraph"), result.summary
(True, 'dot, 1 node')
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable, Iterator, Mapping, Set
from typing import overload

from argmap.errors import RenderError
from argmap.model import ArgumentMap, queries
from argmap.render.arranged import arrange, placed_dot
from argmap.render.dot import check_options, dot_lines
from argmap.render.graphviz import run_graphviz, write_graphviz
from argmap.render.look import restyle_dot
from argmap.render.options import (
    LAYOUTS,
    ExportOptions,
    ExportResult,
    evaluation_labels,
    infer_format,
)
from argmap.render.png import png_size, png_with_dpi
from argmap.render.svg import arranged_svg
from argmap.render.text import counted

DEFAULT_DPI = 96
MAX_DPI = 600
#: Below this resolution the 11 pt text of a card is no longer readable.
MIN_LEGIBLE_DPI = 64
#: Cairo shrinks (silently) any bitmap side above this many pixels.
MAX_PIXELS_SIDE = 32767
#: Largest bitmap drawn at all (pixels), about 1 GB of memory while drawing.
MAX_PIXELS_AREA = 250_000_000


@overload
def render(
    amap: ArgumentMap, options: ExportOptions, into: None = None
) -> tuple[bytes, ExportResult]: ...


@overload
def render(
    amap: ArgumentMap, options: ExportOptions, into: str
) -> tuple[bytes | None, ExportResult]: ...


def render(
    amap: ArgumentMap, options: ExportOptions, into: str | None = None
) -> tuple[bytes | None, ExportResult]:
    """Draw *amap*; return ``(bytes, ExportResult)``.

    With *into*, the path of an empty file, an SVG that Graphviz lays out goes there as
    Graphviz writes it (see :func:`argmap.render.graphviz.write_graphviz`); the bytes
    returned are then None.
    """
    fmt = infer_format("", options.fmt) if options.fmt else None
    if fmt is None:
        raise RenderError("no export format given")
    if options.title is None:
        options = options.replace(title=amap.title)
    nodes = selected_nodes(amap, options)
    labels = evaluation_labels(options)
    arranged = as_arranged(amap, options, nodes)
    check_options(options)
    if arranged and fmt == "svg":
        return _render_arranged_svg(amap, options, nodes, labels)
    source: Iterable[str]
    if arranged:
        source = [placed_dot(amap, options, nodes, labels)]
    else:
        source = dot_lines(amap, options, nodes, labels)
    text = "".join(_restyled(source, options))
    if fmt == "dot":
        return text.encode("utf-8"), ExportResult("dot", f"dot, {counted(len(nodes), 'node')}")
    if fmt == "png":
        return _render_png(text, options, arranged)
    return _render_vector(text, fmt, options, arranged, into)


def as_arranged(amap: ArgumentMap, options: ExportOptions, nodes: Set[str]) -> bool:
    """Return True when the map is drawn where the user put it rather than laid out afresh.

    Raises
    ------
    RenderError
        For an unknown layout, or ``arranged`` when a drawn node has no position.
    """
    if options.layout is not None and options.layout not in LAYOUTS:
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


def is_arranged(amap: ArgumentMap, nodes: Set[str]) -> bool:
    """Return True when every node of *nodes* has a position (it was arranged in the editor)."""
    graph = amap.graph
    return bool(nodes) and all("pos" in graph.nodes[node] for node in nodes)


def selected_nodes(amap: ArgumentMap, options: ExportOptions) -> set[str]:
    """Return the set of nodes to draw: all, a subtree (``root``), a selection, or both."""
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


def _vector_run(arranged: bool) -> tuple[str, tuple[str, ...]]:
    """The Graphviz program and arguments that draw an SVG or PDF."""
    return ("neato", ("-n2", "-Gdpi=72")) if arranged else ("dot", ("-Gdpi=72",))


def _render_vector(
    source: str,
    fmt: str,
    options: ExportOptions,
    arranged: bool = False,
    into: str | None = None,
) -> tuple[bytes | None, ExportResult]:
    """Draw the DOT *source* as SVG or PDF: into the file *into* (SVG), else as bytes.

    A PDF is always made in memory, where cairo's dates in it are fixed.
    """
    program, args = _vector_run(arranged)
    data: bytes | None = None
    if into is not None and fmt == "svg":
        head = write_graphviz(source, fmt, into, args, timeout=options.timeout, program=program)
    else:
        data = head = run_graphviz(source, fmt, args, timeout=options.timeout, program=program)
    width, height = _vector_size(head, fmt)
    return data, ExportResult(fmt, f"{fmt}, {width}x{height} pt", width=width, height=height)


def _render_arranged_svg(
    amap: ArgumentMap,
    options: ExportOptions,
    nodes: Set[str],
    labels: Mapping[str, str] | None,
) -> tuple[bytes, ExportResult]:
    """argmap draws the SVG of a map as arranged itself (see :mod:`argmap.render.svg`)."""
    data, exact_width, exact_height = arranged_svg(arrange(amap, options, nodes), options, labels)
    width, height = round(exact_width), round(exact_height)
    return data, ExportResult("svg", f"svg, {width}x{height} pt", width=width, height=height)


def _vector_size(data: bytes, fmt: str) -> tuple[int, int]:
    if fmt == "svg":
        found = re.search(rb'<svg width="([\d.]+)pt" height="([\d.]+)pt"', data)
    else:
        found = re.search(rb"/MediaBox \[\s*[\d.]+ [\d.]+ ([\d.]+) ([\d.]+)", data)
    if not found:
        return 0, 0
    return round(float(found.group(1))), round(float(found.group(2)))


def _render_png(
    source: str, options: ExportOptions, arranged: bool = False
) -> tuple[bytes, ExportResult]:
    """Lay out once, choose the dpi from the layout's size, then draw the laid-out graph."""
    if arranged:
        laid_out = run_graphviz(source, "dot", ["-n2"], timeout=options.timeout, program="neato")
    else:
        laid_out = run_graphviz(source, "dot", timeout=options.timeout)
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


def layout_size(laid_out: bytes) -> tuple[float, float]:
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


def choose_dpi(
    width_pt: float, height_pt: float, requested: int | None = None
) -> tuple[int, list[str]]:
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


# ----------------------------------------------------------- look
def _restyled(lines: Iterable[str], options: ExportOptions) -> Iterator[str]:
    """The DOT *lines* drawn on the options' background in their theme (a line at a time:
    what a theme changes is inside one attribute list)."""
    return (restyle_dot(line, options.background, options.theme) for line in lines)
