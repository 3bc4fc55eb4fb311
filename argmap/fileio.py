"""Safe file writing shared by every writer: temp file, fsync, rename.

A failed write never leaves a half-written file and never touches the file
that was there before.
"""

import errno
import os
import tempfile

from argmap.errors import SaveError

_REASONS = {
    errno.ENOSPC: "the disk is full",
    errno.EDQUOT: "the disk quota is exceeded",
    errno.EACCES: "permission denied",
    errno.EPERM: "permission denied",
    errno.EROFS: "the folder is on a read-only file system",
    errno.ENOENT: "the folder does not exist",
    errno.EISDIR: "a folder has that name",
    errno.ENAMETOOLONG: "the file name is too long",
}


def describe_os_error(exc):
    """Return a short, human reason for an OSError."""
    return _REASONS.get(exc.errno, exc.strerror or str(exc))


def _fsync_dir(folder):
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


def atomic_write(path, data, backup=False):
    """Write *data* (bytes) to *path* atomically.

    Parameters
    ----------
    path : str or os.PathLike
        The file to write.
    data : bytes
        The whole new content.
    backup : bool
        Keep the previous content, if any, as ``path + '.bak'``.

    Raises
    ------
    SaveError
        With the reason (disk full, permission denied, read-only folder); the
        old file is then byte-identical to what it was.
    """
    path = os.fspath(path)
    folder = os.path.dirname(os.path.abspath(path))
    tmp = None
    try:
        tmp = _write_temp(folder, ".tmp", data)
        if os.path.exists(path):
            os.chmod(tmp, os.stat(path).st_mode & 0o7777)
            if backup:
                _write_backup(path, folder)
        else:
            os.chmod(tmp, 0o666 & ~_umask())
        os.replace(tmp, path)
        tmp = None
        _fsync_dir(folder)
    except OSError as exc:
        raise SaveError(f"could not save {path}: {describe_os_error(exc)}") from exc
    finally:
        if tmp is not None and os.path.exists(tmp):
            os.unlink(tmp)


def _write_all(fd, data):
    """Write every byte of *data* to *fd* (``os.write`` may write only part)."""
    view = memoryview(data)
    while view:
        written = os.write(fd, view)
        view = view[written:]


def _write_temp(folder, suffix, data):
    """Write *data* to a new synced temp file in *folder*; return its path.

    On failure the temp file is removed and the OSError passes on.
    """
    fd, tmp = tempfile.mkstemp(prefix=".argmap-", suffix=suffix, dir=folder)
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


def _write_backup(path, folder):
    with open(path, "rb") as src:
        old = src.read()
    tmp = _write_temp(folder, ".bak.tmp", old)
    try:
        os.replace(tmp, path + ".bak")
    except BaseException:
        os.unlink(tmp)
        raise


def _umask():
    mask = os.umask(0)
    os.umask(mask)
    return mask
