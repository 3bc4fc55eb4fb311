"""Writing the debate brief to a file: Markdown (with the map's picture beside it), HTML
or DOCX, chosen by the file's suffix.

Example
-------
>>> brief_format("round-1.docx")
'docx'
"""

from __future__ import annotations

import os
from collections.abc import Callable

from argmap.errors import AnalysisError
from argmap.fileio import atomic_write, refuse_existing
from argmap.model import ArgumentMap
from argmap.outputs.brief import Brief, build_brief
from argmap.outputs.brief_docx import brief_docx, require_docx
from argmap.outputs.brief_html import brief_html
from argmap.outputs.brief_md import brief_markdown

FORMATS = {".md": "md", ".markdown": "md", ".html": "html", ".htm": "html", ".docx": "docx"}


def brief_format(path: str | os.PathLike[str]) -> str:
    """Return ``md``, ``html`` or ``docx`` from *path*'s suffix, or raise AnalysisError."""
    suffix = os.path.splitext(os.fspath(path))[1].lower()
    if suffix not in FORMATS:
        raise AnalysisError(
            f"cannot tell the brief's format from {os.fspath(path)!r}; use .md, .html or .docx"
        )
    return FORMATS[suffix]


def write_brief(
    amap: ArgumentMap,
    path: str | os.PathLike[str],
    side: str = "both",
    fmt: str | None = None,
    picture: bool = True,
    overwrite: bool = False,
) -> list[str]:
    """Build the brief and write it to *path*; return the list of files written.

    Markdown writes the map's picture beside the document (``NAME.map.png``).
    Existing files are refused unless *overwrite*. A missing python-docx raises
    :class:`~argmap.errors.MissingDependencyError`.
    """
    fmt = fmt or brief_format(path)
    path = os.fspath(path)
    picture_path = os.path.splitext(path)[0] + ".map.png"
    targets = [path] + ([picture_path] if fmt == "md" and picture else [])
    for target in targets:
        refuse_existing(target, overwrite, AnalysisError)
    writer = _writer(fmt)  # before the work, so a missing python-docx fails fast
    brief = build_brief(amap, side, picture)
    if fmt == "md":
        has_picture = brief.picture is not None
        data = brief_markdown(brief, os.path.basename(picture_path) if has_picture else None)
        if has_picture:
            atomic_write(picture_path, brief.picture)
        else:
            targets = [path]
        atomic_write(path, data.encode("utf-8"))
        return targets
    atomic_write(path, writer(brief))
    return [path]


def _writer(fmt: str) -> Callable[[Brief], bytes] | None:
    if fmt == "html":
        return lambda brief: brief_html(brief).encode("utf-8")
    if fmt == "docx":
        require_docx()
        return brief_docx
    if fmt == "md":
        return None
    raise AnalysisError(f"unknown brief format {fmt!r}; expected md, html or docx")
