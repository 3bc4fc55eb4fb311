"""Safe file writing shared by every writer: temp file, fsync, check, rename.

A failed write never leaves a half-written file and never touches the file
that was there before. More precisely, :func:`atomic_write`:

- writes through a symbolic link to the file it names (the link stays a link);
- refuses a file without write permission bits (even for root), and anything
  that is not a regular file (a folder, a FIFO, a device);
- keeps the mode, owner and group (best effort) of the file and of its ``.bak``;
- writes a file with several hard links in place, so that no link is split
  (the new bytes are first written and checked in a temp file, which also
  proves that they fit on the disk);
- reads the temp file back and checks it before the rename, and the file
  after it;
- names temp files ``.NAME.tmp-PID-RANDOM`` and removes those whose process
  is gone;
- rotates ``NAME.bak`` only for a reason: not when the new bytes equal the
  old ones, and not when the old file fails the check while a ``.bak`` exists
  (that ``.bak`` may be the only good copy).
"""

from __future__ import annotations

import contextlib
import errno
import os
import re
import stat
import tempfile
import time
from collections.abc import Callable, Iterator
from typing import TypeVar

from argmap.errors import ArgmapError, ReadOnlyFileError, SaveError

_REASONS: dict[int | None, str] = {
    errno.ENOSPC: "the disk is full",
    errno.EDQUOT: "the disk quota is exceeded",
    errno.EACCES: "permission denied",
    errno.EPERM: "permission denied",
    errno.EROFS: "the folder is on a read-only file system",
    errno.ENOENT: "the folder does not exist",
    errno.EISDIR: "a folder has that name",
    errno.ENAMETOOLONG: "the file name is too long",
    errno.EEXIST: "the file already exists",
}
#: A temp file is removed as stale when its process is gone and it is older than this (s).
STALE_TEMP_SECONDS = 30
#: How much of a file's name its temp files repeat (keeps temp names within 255 bytes).
_NAME_PART = 100
_TEMP = re.compile(r"^\.(?P<name>.+)\.tmp-(?P<pid>\d+)-[A-Za-z0-9_]+$")

#: A check of the bytes read back after writing: raises ArgmapError when they are not valid.
Check = Callable[[bytes], object]
_T = TypeVar("_T")


def refuse_existing(
    path: str | os.PathLike[str], force: bool, error: type[ArgmapError] = SaveError
) -> None:
    """Raise *error* when something is at *path* and *force* is not given.

    A dangling symbolic link counts as something: writing would follow it and
    make the file it names.
    """
    if os.path.lexists(path) and not force:
        raise error(f"{path} already exists (use --force to overwrite it)")


def describe_os_error(exc: OSError) -> str:
    """Return a short, human reason for an OSError."""
    return _REASONS.get(exc.errno, exc.strerror or str(exc))


def _fsync_dir(folder: str) -> None:
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass  # some file systems cannot sync a folder; the rename is still atomic
    finally:
        os.close(fd)


def atomic_write(
    path: str | os.PathLike[str],
    data: bytes,
    backup: bool = False,
    check: Check | None = None,
    replace: bool = True,
) -> None:
    """Write *data* (bytes) to *path* atomically.

    Parameters
    ----------
    path : str or os.PathLike
        The file to write; a symbolic link is followed to the file it names.
    data : bytes
        The whole new content.
    backup : bool
        Keep the previous content, if any, as ``NAME.bak`` beside the file.
    check : callable, optional
        ``check(bytes)`` raising :class:`~argmap.errors.ArgmapError` when the
        bytes read back are not valid (a reader's parse, say).
    replace : bool
        False refuses to replace an existing file (atomically: no race).

    Raises
    ------
    SaveError
        With the reason (disk full, permission denied, read-only folder,
        already exists, not a regular file); the old file is then
        byte-identical to what it was.
    ReadOnlyFileError
        When the file has no write permission (offer Save As).
    """
    shown = os.fspath(path)
    target = os.path.realpath(shown)
    with _save_errors(shown):
        remove_stale_temps(target)
        old = _existing(target, shown)
        if old is not None and not replace:
            raise SaveError(f"could not save {shown}: the file already exists")
        if old is not None and old.st_nlink > 1:
            _write_in_place(target, data, backup, check)
        else:
            _write_by_rename(target, data, old, backup, check, replace)


def atomic_fill(path: str | os.PathLike[str], fill: Callable[[str], _T]) -> _T:
    """Have ``fill(temp_path)`` write the new content of *path*; install it as
    :func:`atomic_write` does and return what *fill* returned.

    For content another program writes (Graphviz's SVG, copied as it comes): the
    temp file beside *path* is made first and handed over empty; after *fill* it is
    synced, then renamed over *path*. A writer holding its bytes writes them with
    :func:`write_verified`. If *fill* raises, its error passes on (an OSError, a full
    disk, as a SaveError with the reason), the temp file goes and *path* is untouched.
    """
    shown = os.fspath(path)
    target = os.path.realpath(shown)
    folder = os.path.dirname(target)
    with _save_errors(shown):
        remove_stale_temps(target)
        old = _existing(target, shown)
        tmp = _new_temp(folder, target)
    left: str | None = tmp  # the temp file, until it is renamed over *path*
    try:
        try:
            result = fill(tmp)
        except OSError as exc:  # the writer's own errors (a RenderError) pass on as they are
            raise SaveError(f"could not save {shown}: {describe_os_error(exc)}") from exc
        with _save_errors(shown):
            _fsync_file(tmp)
            if old is not None and old.st_nlink > 1:  # written in place: no link is split
                _write_in_place(target, _read(tmp), False, None)
            else:
                _copy_attributes(tmp, old)
                _installed(tmp, target, True)
                left = None
    finally:
        _discard(left)
    return result


@contextlib.contextmanager
def _save_errors(shown: str) -> Iterator[None]:
    """Report a failed save of *shown* as a SaveError with the reason."""
    try:
        yield
    except OSError as exc:
        raise SaveError(f"could not save {shown}: {describe_os_error(exc)}") from exc
    except SaveError:
        raise
    except ArgmapError as exc:
        raise SaveError(
            f"could not save {shown}: the written file did not read back as "
            f"valid ({exc}); the old file is untouched"
        ) from exc


def write_verified(path: str, data: bytes) -> None:
    """Write *data* (bytes) into the file at *path* and read it back; raise SaveError when
    it differs (for a writer of :func:`atomic_fill` that has the bytes in hand)."""
    with open(path, "wb") as handle:
        handle.write(data)
    _verify(path, data, None)


def _fsync_file(path: str) -> None:
    fd = os.open(path, os.O_RDWR)  # Windows syncs only a file open for writing
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _read(path: str) -> bytes:
    with open(path, "rb") as handle:
        return handle.read()


def check_writable(path: str | os.PathLike[str]) -> bool:
    """Raise SaveError now if *path* could not be saved over (see :func:`atomic_write`).

    Lets a slow writer (an export) refuse a FIFO, a device, a folder or a
    read-only file before doing its work. Returns True if the file exists.
    """
    shown = os.fspath(path)
    try:
        return _existing(os.path.realpath(shown), shown) is not None
    except OSError as exc:
        raise SaveError(f"could not save {shown}: {describe_os_error(exc)}") from exc


def _existing(target: str, shown: str) -> os.stat_result | None:
    """Return the stat of the file at *target*, None if there is none; refuse bad targets."""
    try:
        info = os.stat(target)
    except FileNotFoundError:
        return None
    if stat.S_ISDIR(info.st_mode):
        raise SaveError(f"could not save {shown}: a folder has that name")
    if not stat.S_ISREG(info.st_mode):
        raise SaveError(
            f"could not save {shown}: it is not a regular file (a pipe, a "
            "device or a socket) and is left as it is; choose another name"
        )
    if not info.st_mode & 0o222 or not os.access(target, os.W_OK):
        raise ReadOnlyFileError(
            f"could not save {shown}: the file is read-only (no write "
            "permission); save it under another name"
        )
    return info


def _write_by_rename(
    target: str,
    data: bytes,
    old: os.stat_result | None,
    backup: bool,
    check: Check | None,
    replace: bool,
) -> None:
    folder = os.path.dirname(target)
    left: str | None = None  # the temp file, until it is renamed over *target*
    try:
        tmp = left = _write_temp(folder, target, data)
        _verify(tmp, data, check)
        _copy_attributes(tmp, old)
        if old is not None and backup:
            _rotate_backup(target, data, old, check)
        _installed(tmp, target, replace)
        left = None
    finally:
        _discard(left)
    _verify_final(target, data, backup)


def _installed(tmp: str, target: str, replace: bool) -> None:
    """Rename *tmp* to *target* (see :func:`_install`) and sync the folder."""
    _install(tmp, target, replace)
    _fsync_dir(os.path.dirname(target))


def _discard(tmp: str | None) -> None:
    """Remove the temp file *tmp* if there is one left (None: there is none)."""
    if tmp is not None and os.path.exists(tmp):
        os.unlink(tmp)


def _install(tmp: str, target: str, replace: bool) -> None:
    """Rename *tmp* to *target*; without *replace*, fail if *target* appeared meanwhile."""
    if replace:
        os.replace(tmp, target)
        return
    try:
        os.link(tmp, target)  # atomic "create, never replace"
    except FileExistsError:
        raise
    except OSError:  # a file system without hard links: check, then rename
        if os.path.lexists(target):
            raise FileExistsError(errno.EEXIST, "exists", target) from None
        os.replace(tmp, target)
        return
    os.unlink(tmp)


def _write_in_place(target: str, data: bytes, backup: bool, check: Check | None) -> None:
    """Write a hard-linked file in place so that every name sees the new content.

    The new bytes are first written and checked in a temp file (which shows
    they fit on the disk); the temp file is removed to free that space, then
    the file is overwritten. On failure the old bytes are written back.
    """
    folder = os.path.dirname(target)
    old_bytes = _read(target)
    tmp = _write_temp(folder, target, data)
    try:
        _verify(tmp, data, check)
        if backup:
            _rotate_backup(target, data, os.stat(target), check)
    finally:
        os.unlink(tmp)
    try:
        _overwrite(target, data)
    except OSError:
        _overwrite(target, old_bytes)
        raise
    _verify_final(target, data, backup)


def _overwrite(target: str, data: bytes) -> None:
    fd = os.open(target, os.O_WRONLY)
    try:
        _write_all(fd, data)
        os.ftruncate(fd, len(data))
        os.fsync(fd)
    finally:
        os.close(fd)


def _verify(path: str, data: bytes, check: Check | None) -> None:
    """Read *path* back; raise SaveError unless it holds *data* and passes *check*."""
    written = _read(path)
    if written != data:
        raise SaveError(f"could not save {path}: the file read back differs from what was written")
    if check is not None:
        check(written)


def _verify_final(target: str, data: bytes, backup: bool) -> None:
    if _read(target) == data:
        return
    kept = " the previous version is in the .bak file" if backup else ""
    raise SaveError(f"could not save {target}: the saved file reads back differently;{kept}")


def _copy_attributes(tmp: str, old: os.stat_result | None) -> None:
    """Give *tmp* the mode, owner and group of *old* (a stat), or the default mode."""
    if old is None:
        os.chmod(tmp, 0o666 & ~_umask())
        return
    for owner in ((old.st_uid, old.st_gid), (-1, old.st_gid)):
        try:
            os.chown(tmp, *owner)
            break
        except PermissionError:
            continue  # best effort: only root may give a file away; try the group alone
    os.chmod(tmp, stat.S_IMODE(old.st_mode))  # after chown, which clears set-id bits


def _write_all(fd: int, data: bytes) -> None:
    """Write every byte of *data* to *fd* (``os.write`` may write only part)."""
    view = memoryview(data)
    while view:
        written = os.write(fd, view)
        view = view[written:]


def temp_prefix(path: str | os.PathLike[str]) -> str:
    """Return the prefix of the temp files written for *path* (``.NAME.tmp-PID-``)."""
    return f".{os.path.basename(path)[:_NAME_PART]}.tmp-{os.getpid()}-"


def create_temp(folder: str, final: str | os.PathLike[str]) -> tuple[int, str]:
    """Create a new temp file in *folder* named after *final* (``.NAME.tmp-PID-RANDOM``),
    readable and writable by its owner only (:func:`tempfile.mkstemp`: never an existing
    file or a link); return ``(open descriptor, path)``."""
    return tempfile.mkstemp(prefix=temp_prefix(final), dir=folder)


def _new_temp(folder: str, final: str) -> str:
    """Make a new empty temp file in *folder* named after *final*; return its path."""
    fd, tmp = create_temp(folder, final)
    os.close(fd)
    return tmp


def _write_temp(folder: str, final: str, data: bytes) -> str:
    """Write *data* to a new synced temp file in *folder* named after *final*; return it.

    On failure the temp file is removed and the OSError passes on.
    """
    fd, tmp = create_temp(folder, final)
    try:
        try:
            _write_all(fd, data)
            os.fsync(fd)
        finally:
            os.close(fd)
    except BaseException:
        os.unlink(tmp)
        raise
    return tmp


def _rotate_backup(path: str, data: bytes, old: os.stat_result, check: Check | None) -> None:
    """Copy the current file to ``path.bak`` when there is a reason to (see the module)."""
    current = _read(path)
    if current == data:
        return  # nothing changes: the .bak keeps the version before
    bak = path + ".bak"
    if check is not None and os.path.lexists(bak) and not _passes(check, current):
        return  # the file on disk is broken; the existing .bak may be the only good copy
    tmp = _write_temp(os.path.dirname(path), bak, current)
    try:
        _copy_attributes(tmp, old)
        os.replace(tmp, bak)
    except BaseException:
        os.unlink(tmp)
        raise


def _passes(check: Check, data: bytes) -> bool:
    try:
        check(data)
    except ArgmapError:
        return False
    return True


def remove_stale_temps(path: str | os.PathLike[str]) -> list[str]:
    """Remove temp files of *path* (and of its ``.bak``) left by processes that are gone.

    Returns
    -------
    list of str
        The files removed.
    """
    folder = os.path.dirname(os.path.abspath(path))
    base = os.path.basename(path)
    names = {base[:_NAME_PART], (base + ".bak")[:_NAME_PART]}
    removed: list[str] = []
    try:
        entries = list(os.scandir(folder))
    except OSError:
        return removed  # an unreadable folder: cleaning is a courtesy, the save goes on
    for entry in entries:
        found = _TEMP.match(entry.name)
        if found and found["name"] in names and _is_stale(entry, int(found["pid"])):
            try:
                os.unlink(entry.path)
                removed.append(entry.path)
            except FileNotFoundError:
                continue  # another process cleaned it first
    return removed


def _is_stale(entry: os.DirEntry[str], pid: int) -> bool:
    try:
        age = time.time() - entry.stat(follow_symlinks=False).st_mtime
    except FileNotFoundError:
        return False
    return age > STALE_TEMP_SECONDS and not process_alive(pid)


def process_alive(pid: int) -> bool:
    """Return True if a process *pid* runs on this machine (or might: no permission to ask)."""
    if pid <= 0:
        return False
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask
