"""Lock files: telling a second process that a map is already open.

Opening a map writes ``.NAME.lock`` beside it, holding the pid, host, user and
time of the process that has it open. A second process that opens the same
map finds the lock and is told who holds it (:class:`~argmap.errors.LockedError`)
so that it can warn before two people save over each other. A lock left by a
process that is gone (same host, dead pid) is taken over silently; a lock
from another host cannot be checked and counts as live.

Example
-------
>>> lock = acquire("debate.argmap")
>>> read_lock("debate.argmap").is_mine()
True
>>> lock.release()
True
>>> read_lock("debate.argmap") is None
True
"""

import getpass
import json
import os
import socket
import time
from dataclasses import asdict, dataclass

from argmap.errors import LockedError, LockError
from argmap.fileio import create_temp, describe_os_error, process_alive

#: Largest lock file read (bytes); anything bigger is not ours.
MAX_LOCK_BYTES = 4096


@dataclass(frozen=True)
class LockInfo:
    """Who holds a lock: process id, host name, user name and time (seconds since 1970)."""

    pid: int
    host: str
    user: str
    time: float

    @classmethod
    def here(cls):
        """Return the info of this process."""
        return cls(os.getpid(), socket.gethostname(), _user(), time.time())

    def is_mine(self):
        """True when this process holds the lock."""
        return self.pid == os.getpid() and self.host == socket.gethostname()

    def is_stale(self):
        """True when the holder ran on this host and is gone."""
        return self.host == socket.gethostname() and not process_alive(self.pid)

    def describe(self):
        """Return ``user on host (process pid) since HH:MM, DATE`` for a warning."""
        when = time.strftime("%H:%M, %d %b %Y", time.localtime(self.time))
        return f"{self.user or 'someone'} on {self.host} (process {self.pid}) since {when}"


def _user():
    try:
        return getpass.getuser()
    except (KeyError, OSError):
        return ""  # no name for this uid (a container); the pid and host still identify it


def lock_path(path):
    """Return the lock file of the map at *path* (``.NAME.lock`` in its folder)."""
    real = os.path.realpath(os.fspath(path))
    return os.path.join(os.path.dirname(real), f".{os.path.basename(real)}.lock")


def read_lock(path):
    """Return the :class:`LockInfo` of the map at *path*, or None when it is not locked.

    A lock file that cannot be understood counts as stale (None is not
    returned for it: a LockInfo with pid 0, which is never alive).
    """
    try:
        with open(lock_path(path), "rb") as handle:
            raw = handle.read(MAX_LOCK_BYTES + 1)
    except FileNotFoundError:
        return None
    except OSError as exc:
        raise LockError(f"cannot read the lock of {path}: {describe_os_error(exc)}") from exc
    return _parse(raw)


def _parse(raw):
    try:
        data = json.loads(raw.decode("utf-8"))
        return LockInfo(
            int(data["pid"]), str(data["host"]), str(data.get("user", "")), float(data["time"])
        )
    except (ValueError, KeyError, TypeError, UnicodeDecodeError, OverflowError):
        return LockInfo(0, socket.gethostname(), "", 0.0)


class Lock:
    """A held lock on a map; release it when the map is closed (or use ``with``)."""

    def __init__(self, path, info):
        self.path = os.fspath(path)
        self.file = lock_path(path)
        self.info = info

    def release(self):
        """Remove the lock file if it is still ours; return True if it was removed."""
        current = read_lock(self.path)
        if current is None or current != self.info:
            return False  # another process took it over meanwhile: leave theirs
        try:
            os.unlink(self.file)
        except FileNotFoundError:
            return False
        return True

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.release()


def acquire(path, force=False):
    """Lock the map at *path* for this process and return the :class:`Lock`.

    Parameters
    ----------
    path : str or os.PathLike
        The map file (it need not exist yet).
    force : bool
        Take the lock even from a live holder (the user chose to open anyway).

    Raises
    ------
    LockedError
        When another live process (or this one) holds it; ``error.info`` says who.
    LockError
        When the lock file cannot be written (a read-only folder): the map
        can still be opened, but without protection.
    """
    info = LockInfo.here()
    data = json.dumps(asdict(info)).encode("utf-8")
    for _ in range(3):
        if _create(path, data):
            return Lock(path, info)
        held = read_lock(path)
        if held is None:
            continue  # released between our two looks: try again
        if not (force or held.is_stale()):
            who = "this process" if held.is_mine() else held.describe()
            raise LockedError(f"{path} is already open by {who}", held)
        _take_over(path, data)
        if read_lock(path) == info:
            return Lock(path, info)
    raise LockedError(f"{path} is being opened by another process", read_lock(path))


def _create(path, data):
    """Make the lock file holding *data* unless one exists; return True if made."""
    target = lock_path(path)
    tmp = _temp_with(target, data)
    try:
        os.link(tmp, target)
        return True
    except FileExistsError:
        return False
    except OSError as exc:
        raise LockError(f"cannot lock {path}: {describe_os_error(exc)}") from exc
    finally:
        os.unlink(tmp)


def _take_over(path, data):
    target = lock_path(path)
    tmp = _temp_with(target, data)
    try:
        os.replace(tmp, target)
    except OSError as exc:
        os.unlink(tmp)
        raise LockError(f"cannot lock {path}: {describe_os_error(exc)}") from exc


def _temp_with(target, data):
    try:
        fd, tmp = create_temp(os.path.dirname(target), target)
    except OSError as exc:
        raise LockError(f"cannot lock {target}: {describe_os_error(exc)}") from exc
    with os.fdopen(fd, "wb") as handle:
        handle.write(data)
    return tmp
