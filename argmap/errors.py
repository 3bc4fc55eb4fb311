"""The typed errors argmap raises.

Every failure a user can cause (a bad edit, a broken file, a missing program)
is one of these, with a message that can be shown as it is.
"""

from __future__ import annotations

import os
from typing import Any


class ArgmapError(Exception):
    """Base class of every error argmap raises on purpose."""


class ModelError(ArgmapError):
    """An edit that would break the map's invariants; the map is unchanged.

    ``where`` names the record at fault when a map is built from records
    (``$.nodes[3]``), else it is None.
    """

    where: str | None = None


class FormatError(ArgmapError):
    """A file that cannot be read, naming the file and the place that is wrong.

    Parameters
    ----------
    message : str
        What is wrong.
    file : str, optional
        The file's path.
    where : str, optional
        The place in the file: a JSON path such as ``$.nodes[3].kind`` or
        ``line 12``.
    """

    def __init__(
        self, message: str, file: str | os.PathLike[str] | None = None, where: str | None = None
    ) -> None:
        self.reason = message
        self.file = None if file is None else str(file)
        self.where = where
        parts = [p for p in (self.file, where) if p]
        prefix = ": ".join(parts)
        super().__init__(f"{prefix}: {message}" if prefix else message)


class SaveError(ArgmapError):
    """A file could not be written; the old file, if any, is untouched."""


class ReadOnlyFileError(SaveError):
    """The file has no write permission: it is never replaced, even by root; save under
    another name instead."""


class LockError(ArgmapError):
    """A map's lock file could not be made or read."""


class LockedError(LockError):
    """The map is open in another live process; ``info`` says which (pid, host, time).

    ``info`` is an :class:`argmap.locks.LockInfo`, or None when it could not be read
    (typed loosely: :mod:`argmap.locks` is built on this module).
    """

    def __init__(self, message: str, info: Any = None) -> None:
        super().__init__(message)
        self.info = info


class RenderError(ArgmapError):
    """A diagram could not be drawn (Graphviz failed, timed out, or gave bad output)."""


class GraphvizMissingError(RenderError):
    """Graphviz's ``dot`` program is not installed or not on PATH."""


class AnalysisError(ArgmapError):
    """An evaluation that cannot be made (an unknown semantics, a search too large)."""


class MissingDependencyError(ArgmapError):
    """An optional Python package a feature needs is not installed; the message says how."""
