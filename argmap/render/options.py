"""What an export is asked to draw, and what it drew: :class:`ExportOptions` and
:class:`ExportResult`, with the formats and limits they are checked against.

Example
-------
>>> options = ExportOptions(fmt="svg", direction="LR")
>>> options.replace(legend=False).legend, options.legend
(False, True)
>>> infer_format("handout.PDF")
'pdf'
"""

from __future__ import annotations

import dataclasses
import os
from collections.abc import Collection, Mapping
from dataclasses import dataclass, field
from typing import Any

from argmap.errors import RenderError

FORMATS = ("png", "svg", "pdf", "dot")
LAYOUTS = ("auto", "arranged")
SUFFIXES = {".png": "png", ".svg": "svg", ".pdf": "pdf", ".dot": "dot", ".gv": "dot"}
#: The labels a map may be coloured by when ``color_by`` is ``evaluation``.
LABELS = ("in", "out", "undecided")


@dataclass(frozen=True)
class ExportOptions:
    """How to draw a map (give options by name; :meth:`replace` gives changed ones).

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
        Node -> ``'in'`` | ``'out'`` | ``'undecided'`` for ``color_by='evaluation'``.
        :func:`argmap.outputs.export.export_file` fills in the grounded labels when
        None; the drawing stages below it need them given.
    nodes : collection or None
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
        ``a4``, ``letter`` or ``slide``: scale the map to that page, or share its lines of
        argument out among pages when it cannot be read on one (see
        :mod:`argmap.outputs.pages`).
    small_header : bool
        Draw the title and legend small, as on the pages after the first of a page export.
    background : str
        ``white`` or ``transparent``.
    theme : str
        ``light`` or ``dark`` (light text on dark cards).
    """

    fmt: str | None = None
    dpi: int | None = None
    direction: str = "TB"
    root: str | None = None
    legend: bool = True
    color_by: str = "kind"
    labels: Mapping[str, str] | None = None
    nodes: Collection[str] | None = None
    timeout: float = 60
    title: str | None = None
    headers: bool = True
    layout: str | None = None
    page: str | None = None
    small_header: bool = False
    background: str = "white"
    theme: str = "light"

    def replace(self, **changes: Any) -> ExportOptions:
        """Return a copy of these options with *changes*."""
        return dataclasses.replace(self, **changes)


@dataclass(frozen=True)
class ExportResult:
    """What an export drew or wrote.

    Attributes
    ----------
    fmt : str
        The format drawn.
    summary : str
        A short line for the user, such as ``png, 1840x1220 px, 96 dpi``.
    warnings : list of str
        What the user should know (a lowered dpi, text below a page's size).
    width, height : float
        The picture's size: points, or pixels for PNG.
    dpi : int or None
        A PNG's resolution.
    paths : list of str
        The files written when an export is split into pages.
    """

    fmt: str
    summary: str
    warnings: list[str] = field(default_factory=list)
    width: float = 0
    height: float = 0
    dpi: int | None = None
    paths: list[str] = field(default_factory=list)


def infer_format(path: str | os.PathLike[str], fmt: str | None = None) -> str:
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


def evaluation_labels(options: ExportOptions) -> dict[str, str] | None:
    """Return the labels to colour by, or None when colouring by kind.

    Raises
    ------
    RenderError
        When colouring by evaluation without labels, or with a label not in :data:`LABELS`.
    """
    if options.color_by != "evaluation":
        return None
    if options.labels is None:
        raise RenderError(
            "colouring by evaluation needs the labels: give labels= (for example "
            "argmap.analysis.acceptance.grounded_labels(amap)), or export with "
            "argmap.outputs.export.export_file, which works them out"
        )
    bad = {v for v in options.labels.values() if v not in LABELS}
    if bad:
        raise RenderError(
            f"unknown evaluation label(s) {sorted(map(str, bad))}; "
            "expected 'in', 'out' or 'undecided'"
        )
    return dict(options.labels)
