"""Reading and writing map files: native ``.argmap`` JSON, Argdown, AIF, GraphML, Kialo.

The editor and ``argmap convert`` call :func:`load_any` and :func:`save_any`,
which pick the format from the suffix (or an explicit name), and
:func:`cannot_hold` to warn before saving in a format that loses something.
The editor and every other command that reads a map read it as :func:`open_map`
does: the format its suffix names, else argmap's own.
"""

from __future__ import annotations

import os
from types import ModuleType

from argmap.errors import FormatError
from argmap.formats import aif, argdown, graphml, kialo, native
from argmap.formats.native import Loaded
from argmap.model import ArgumentMap

#: Format name -> file suffixes, in the order ``--from/--to`` lists them.
FORMATS = {
    "argmap": (".argmap",),
    "argdown": (".argdown", ".ad"),
    "aif": (".json",),
    "xaif": (),
    "graphml": (".graphml",),
    "kialo": (".txt",),
}


def load_map(path: str | os.PathLike[str]) -> ArgumentMap:
    """Load a native ``.argmap`` file (any suffix); :func:`open_map` reads every format."""
    return native.load(path)


def save_map(amap: ArgumentMap, path: str | os.PathLike[str]) -> None:
    """Save a map as ``.argmap`` JSON, atomically, keeping ``path.bak``."""
    native.save(amap, path)


def format_of(path: str | os.PathLike[str], fmt: str | None = None) -> str:
    """Return the format name for *path*: *fmt* when given, else from the suffix.

    Example
    -------
    >>> format_of("debate.ad"), format_of("map.json"), format_of("x.txt", "kialo")
    ('argdown', 'aif', 'kialo')
    """
    if fmt is not None:
        if fmt not in FORMATS:
            raise FormatError(f"unknown format {fmt!r}; expected one of {', '.join(FORMATS)}")
        return fmt
    suffix = os.path.splitext(os.fspath(path))[1].lower()
    for name, suffixes in FORMATS.items():
        if suffix in suffixes:
            return name
    known = ", ".join(s for suffixes in FORMATS.values() for s in suffixes)
    raise FormatError(
        f"cannot tell the format from the suffix {suffix or '(none)'!r}; "
        f"expected one of {known}, or name the format",
        path,
    )


def reading_format(path: str | os.PathLike[str]) -> str:
    """Return the format *path* is read in: the one its suffix names, else ``argmap``.

    Example
    -------
    >>> reading_format("debate.argdown"), reading_format("debate.map")
    ('argdown', 'argmap')
    """
    try:
        return format_of(path)
    except FormatError:
        return "argmap"


def open_map(path: str | os.PathLike[str]) -> Loaded:
    """Read a map as the editor opens it; return ``(ArgumentMap, warnings)``.

    The format is the one the suffix names (:func:`reading_format`): a file with
    another suffix is read as an argmap file. The warnings say what the reader could
    not keep (an AIF file's locutions, say).
    """
    return load_any(path, reading_format(path))


def _module(fmt: str) -> ModuleType:
    return {"argdown": argdown, "aif": aif, "xaif": aif, "graphml": graphml, "kialo": kialo}[fmt]


def load_any(path: str | os.PathLike[str], fmt: str | None = None) -> Loaded:
    """Load a map in any supported format; return ``(ArgumentMap, warnings)``.

    Parameters
    ----------
    path : str or os.PathLike
        The file.
    fmt : str, optional
        ``argmap``, ``argdown``, ``aif`` (AIF or xAIF), ``graphml`` or ``kialo``;
        by default taken from the suffix (``.argmap .argdown .ad .json .graphml .txt``).

    Raises
    ------
    FormatError
        Naming the file and the place (line and column, or JSON path) that is wrong.
    """
    fmt = format_of(path, fmt)
    if fmt == "argmap":
        return native.load(path), []
    return _module(fmt).load(path)


def save_any(amap: ArgumentMap, path: str | os.PathLike[str], fmt: str | None = None) -> list[str]:
    """Save *amap* in any supported format, atomically; return warnings about what was lost.

    ``xaif`` writes OVA3's wrapper with node positions; ``.json`` alone writes plain AIF.
    """
    fmt = format_of(path, fmt)
    if fmt == "argmap":
        native.save(amap, path)
        return []
    if fmt in ("aif", "xaif"):
        return _module(fmt).save(amap, path, xaif=fmt == "xaif")
    return _module(fmt).save(amap, path)


def cannot_hold(amap: ArgumentMap, fmt: str) -> list[str]:
    """Return, one sentence each, what format *fmt* cannot hold of *amap* (empty: nothing).

    The editor shows these before saving, e.g. "Argdown cannot hold ...".
    """
    fmt = format_of("", fmt)
    if fmt == "argmap":
        return []
    return _module(fmt).cannot_hold(amap)
