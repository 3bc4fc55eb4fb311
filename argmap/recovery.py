"""Recovery copies: the editor's autosaves, kept apart from the user's files.

A recovery copy is one file in the recovery folder: a one-line JSON header
(the original file or None for an untitled map, the time, the edit count, the
node and edge counts, the pid and host of the writer) followed by the map as
``.argmap`` text. Listing reads only the headers. A copy is offered again
when it is newer than its original (or the original is gone, or the map was
untitled) and the process that wrote it is no longer running.

The folder is ``$XDG_DATA_HOME/argmap/recovery`` (default
``~/.local/share/argmap/recovery``); the editor may pass Qt's
AppDataLocation instead.

Example
-------
>>> store = RecoveryStore("/tmp/recovery")                   # doctest: +SKIP
>>> copy = store.save(amap, "/home/me/debate.argmap", edits=21)  # doctest: +SKIP
>>> [c.original for c in store.pending()]                    # doctest: +SKIP
"""

import hashlib
import json
import os
import socket
import time
from dataclasses import dataclass

from argmap.desktop import data_home
from argmap.errors import FormatError
from argmap.fileio import atomic_write, process_alive
from argmap.formats import native
from argmap.reading import read_text

SUFFIX = ".argmap-recovery"
HEADER_FORMAT = "argmap-recovery"
#: Longest header line read (bytes).
MAX_HEADER_BYTES = 64 * 1024


def default_folder():
    """Return ``$XDG_DATA_HOME/argmap/recovery``, or ``~/.local/share/argmap/recovery``."""
    return os.path.join(data_home(), "argmap", "recovery")


@dataclass(frozen=True)
class RecoveryCopy:
    """One recovery copy: where it is and what its header says.

    Attributes
    ----------
    path : str
        The recovery file.
    original : str or None
        The map's own file, None for an untitled map.
    saved : float
        When the copy was written (seconds since 1970).
    edits : int
        Edits since the map was last saved.
    nodes, edges : int
        Counts, to compare with the original before restoring.
    title : str
        The map's title.
    pid : int
        The process that wrote it.
    host : str
        Its host.
    """

    path: str
    original: str
    saved: float
    edits: int
    nodes: int
    edges: int
    title: str
    pid: int
    host: str

    def is_newer_than_original(self):
        """True when the original is missing, untitled, or older than this copy."""
        if self.original is None:
            return True
        try:
            return os.stat(self.original).st_mtime < self.saved
        except OSError:
            return True

    def writer_is_running(self):
        """True when the process that wrote the copy still runs on this host."""
        return self.host == socket.gethostname() and process_alive(self.pid)


class RecoveryStore:
    """The recovery copies in one folder.

    Parameters
    ----------
    folder : str, optional
        Where copies go; :func:`default_folder` when not given.
    """

    def __init__(self, folder=None):
        self.folder = os.fspath(folder) if folder is not None else default_folder()

    def key_for(self, original, session=None):
        """Return the file a map's copies go to: one per original, or per untitled session."""
        if original is None:
            name = f"untitled-{os.getpid()}-{session or 0}"
        else:
            digest = hashlib.sha256(os.path.abspath(original).encode("utf-8", "surrogatepass"))
            name = "file-" + digest.hexdigest()[:24]
        return os.path.join(self.folder, name + SUFFIX)

    def save(self, amap, original=None, edits=0, session=None):
        """Write a recovery copy of *amap* atomically and return its :class:`RecoveryCopy`.

        Parameters
        ----------
        amap : ArgumentMap
            The map as it is now.
        original : str, optional
            Its file; None for an untitled map.
        edits : int
            Edits since the last save.
        session : str or int, optional
            Tells untitled maps of one process apart (a window number).

        Raises
        ------
        SaveError
            When the copy cannot be written.
        """
        os.makedirs(self.folder, mode=0o700, exist_ok=True)
        path = self.key_for(original, session)
        header = {
            "format": HEADER_FORMAT,
            "original": _absolute(original),
            "saved": time.time(),
            "edits": int(edits),
            "nodes": len(amap),
            "edges": len(amap.graph.edges),
            "title": amap.title,
            "pid": os.getpid(),
            "host": socket.gethostname(),
        }
        text = json.dumps(header, ensure_ascii=True) + "\n" + native.dumps(amap)
        atomic_write(path, text.encode("utf-8"), check=_check_copy)
        return _copy_from(path, header)

    def copies(self):
        """Return every readable recovery copy in the folder, newest first."""
        try:
            names = sorted(os.listdir(self.folder))
        except FileNotFoundError:
            return []
        found = []
        for name in names:
            if name.endswith(SUFFIX) and not name.startswith("."):
                header = _read_header(os.path.join(self.folder, name))
                if header is not None:
                    found.append(header)
        return sorted(found, key=lambda c: c.saved, reverse=True)

    def pending(self):
        """Return the copies to offer at start: newer than their originals, writer gone."""
        return [
            c for c in self.copies() if c.is_newer_than_original() and not c.writer_is_running()
        ]

    def load(self, copy):
        """Return the map held by *copy* (a :class:`RecoveryCopy` or a path).

        Raises
        ------
        FormatError
            When the copy is damaged.
        """
        path = copy.path if isinstance(copy, RecoveryCopy) else os.fspath(copy)
        text = read_text(path)
        _, _, body = text.partition("\n")
        return native.loads(body, path)

    def discard(self, copy):
        """Remove *copy* (a :class:`RecoveryCopy` or a path); True if it was there."""
        path = copy.path if isinstance(copy, RecoveryCopy) else os.fspath(copy)
        try:
            os.unlink(path)
        except FileNotFoundError:
            return False
        return True

    def discard_for(self, original, session=None):
        """Remove the copy of *original* (or of an untitled session) after a clean save."""
        return self.discard(self.key_for(original, session))


def _absolute(original):
    return None if original is None else os.path.abspath(os.fspath(original))


def _check_copy(data):
    header, _, body = data.partition(b"\n")
    if _header_from(header) is None:
        raise FormatError("the recovery header is not valid")
    native.check_bytes(body)


def _read_header(path):
    try:
        with open(path, "rb") as handle:
            line = handle.readline(MAX_HEADER_BYTES)
    except OSError:
        return None  # gone or unreadable: nothing to offer
    header = _header_from(line)
    return None if header is None else _copy_from(path, header)


def _header_from(line):
    try:
        header = json.loads(line.decode("utf-8"))
    except (ValueError, UnicodeDecodeError):
        return None
    if not isinstance(header, dict) or header.get("format") != HEADER_FORMAT:
        return None
    try:
        _copy_from("", header)
    except (KeyError, TypeError, ValueError, OverflowError):
        return None
    return header


def _copy_from(path, header):
    original = header["original"]
    return RecoveryCopy(
        path,
        None if original is None else str(original),
        float(header["saved"]),
        int(header["edits"]),
        int(header["nodes"]),
        int(header["edges"]),
        str(header.get("title", "")),
        int(header["pid"]),
        str(header["host"]),
    )
