"""The files argmap ships inside its package: maps, seed documents, icons, desktop entries.

They are read through :mod:`importlib.resources`, so they are found wherever the
package is installed (a checkout, a virtual environment, a wheel on ``sys.path``).

Example
-------
>>> from argmap import resources
>>> resources.read_text("maps", "example.argmap")[:9]   # doctest: +SKIP
'{\\n  "form'
"""

import atexit
import contextlib
import os
import tempfile
from importlib import resources as _resources

#: The seeded map opened when the editor starts without a file.
SEEDED_MAP = ("maps", "encryption-backdoors.argmap")
#: The small example map, opened when the seeded one is missing.
EXAMPLE_MAP = ("maps", "example.argmap")
#: Sizes (pixels) of the PNG icons made from ``icons/argmap.svg``.
ICON_SIZES = (16, 24, 32, 48, 64, 128, 256, 512)

_extracted = contextlib.ExitStack()
atexit.register(_extracted.close)


def resource(*parts):
    """Return the :class:`~importlib.resources.abc.Traversable` of a shipped file or folder."""
    found = _resources.files(__name__)
    for part in parts:
        found = found.joinpath(part)
    return found


def read_text(*parts):
    """Return the UTF-8 text of a shipped file."""
    return resource(*parts).read_text(encoding="utf-8")


def path(*parts):
    """Return a file-system path of a shipped file or folder.

    An installed package is a folder and the path points into it; a package
    imported from a zip file has its resource copied out once, for the rest of
    the process.
    """
    found = resource(*parts)
    if isinstance(found, os.PathLike):
        return os.fspath(found)
    if found.is_dir():
        folder = _extracted.enter_context(tempfile.TemporaryDirectory(prefix="argmap-"))
        return _copy_out(found, os.path.join(folder, found.name))
    return os.fspath(_extracted.enter_context(_resources.as_file(found)))


def _copy_out(folder, target):
    """Copy the resource *folder* (a Traversable) to the path *target*; return *target*."""
    os.makedirs(target)
    for item in folder.iterdir():
        if item.is_dir():
            _copy_out(item, os.path.join(target, item.name))
        else:
            with open(os.path.join(target, item.name), "wb") as out:
                out.write(item.read_bytes())
    return target


def exists(*parts):
    """True when the package ships a file or folder at *parts*."""
    found = resource(*parts)
    return found.is_file() or found.is_dir()


def icon_path(size=None):
    """Return the path of the SVG icon, or of the PNG icon of *size* pixels."""
    if size is None:
        return path("icons", "argmap.svg")
    return path("icons", f"argmap-{size}.png")
