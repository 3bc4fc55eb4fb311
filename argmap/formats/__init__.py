"""Reading and writing map files: native ``.argmap`` JSON, Argdown, AIF, GraphML, Kialo.

The editor and ``argmap convert`` call :func:`load_any` and :func:`save_any`,
which pick the format from the suffix (or an explicit name), and
:func:`cannot_hold` to warn before saving in a format that loses something.
"""

import os

from argmap.errors import FormatError
from argmap.formats import aif, argdown, graphml, kialo, native

#: Format name -> file suffixes, in the order ``--from/--to`` lists them.
FORMATS = {
    "argmap": (".argmap",),
    "argdown": (".argdown", ".ad"),
    "aif": (".json",),
    "xaif": (),
    "graphml": (".graphml",),
    "kialo": (".txt",),
}


def load_map(path):
    """Load a map file, choosing the reader by its suffix (``.argmap``, ``.json``)."""
    return native.load(path)


def save_map(amap, path):
    """Save a map as ``.argmap`` JSON, atomically, keeping ``path.bak``."""
    native.save(amap, path)


def format_of(path, fmt=None):
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


def _module(fmt):
    return {"argdown": argdown, "aif": aif, "xaif": aif, "graphml": graphml, "kialo": kialo}[fmt]


def load_any(path, fmt=None):
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


def save_any(amap, path, fmt=None):
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


def cannot_hold(amap, fmt):
    """Return, one sentence each, what format *fmt* cannot hold of *amap* (empty: nothing).

    The editor shows these before saving, e.g. "Argdown cannot hold ...".
    """
    fmt = format_of("", fmt)
    if fmt == "argmap":
        return []
    return _module(fmt).cannot_hold(amap)
