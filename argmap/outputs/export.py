"""Exporting a map as PNG, SVG, PDF or DOT: the one code path of the CLI and the editor.

Example
-------
>>> from argmap.model import ArgumentMap
>>> amap = ArgumentMap("Encryption")
>>> claim = amap.add_node("claim", "Encryption must stay strong")
>>> objection = amap.add_node("counterclaim", "Police need access")
>>> _ = amap.connect(objection, claim, "opposes")
>>> dot = export_bytes(amap, ExportOptions(fmt="dot", color_by="evaluation"))
>>> dot.count(b"digraph")
1
>>> result = export_file(amap, "map.png", ExportOptions())   # doctest: +SKIP
>>> result.summary                                            # doctest: +SKIP
'png, 1840x1220 px, 96 dpi'
"""

from __future__ import annotations

import os

from argmap.analysis.acceptance import grounded_labels
from argmap.fileio import atomic_fill, check_writable, write_verified
from argmap.model import ArgumentMap
from argmap.outputs.pages import export_pages
from argmap.render.drawing import render
from argmap.render.options import ExportOptions, ExportResult, infer_format


def export_file(
    amap: ArgumentMap, out_path: str | os.PathLike[str], options: ExportOptions | None = None
) -> ExportResult:
    """Draw *amap* and write it atomically to *out_path*; return an :class:`ExportResult`.

    Colouring by evaluation without labels colours by the grounded labels
    (:func:`argmap.analysis.acceptance.grounded_labels`). ``options.page`` draws on pages
    (see :mod:`argmap.outputs.pages`).

    A failure (Graphviz missing, failing or timing out, a map too large for a
    readable PNG) raises :class:`~argmap.errors.RenderError` and leaves any
    existing file at *out_path* untouched. Anything but a regular file at
    *out_path* (a FIFO, a device, a folder) or a read-only file is refused
    with :class:`~argmap.errors.SaveError` before drawing.
    """
    options = evaluated(amap, options or ExportOptions())
    fmt = infer_format(out_path, options.fmt)
    if options.page is not None:
        return export_pages(amap, out_path, options, fmt)
    check_writable(out_path)
    options = options.replace(fmt=fmt)
    return atomic_fill(out_path, lambda temp: _draw_into(amap, options, temp))


def export_bytes(amap: ArgumentMap, options: ExportOptions | None = None) -> bytes:
    """Return the bytes :func:`export_file` would write for *options* (one page; ``fmt``
    is required, PNG by default)."""
    data, _ = render(amap, evaluated(amap, options or ExportOptions(fmt="png")))
    return data


def evaluated(amap: ArgumentMap, options: ExportOptions) -> ExportOptions:
    """Return *options* with the grounded labels of *amap* filled in when they colour by
    evaluation and name no labels of their own."""
    if options.color_by == "evaluation" and options.labels is None:
        return options.replace(labels=grounded_labels(amap))
    return options


def _draw_into(amap: ArgumentMap, options: ExportOptions, path: str) -> ExportResult:
    """Draw *amap* into the empty file *path*; return the :class:`ExportResult`."""
    data, result = render(amap, options, into=path)
    if data is not None:
        write_verified(path, data)
    return result
