"""Safe file writing shared by every writer: temp file, fsync, rename.

A failed write never leaves a half-written file and never touches the file
that was there before.
"""

import errno
import os
import shutil
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
        fd, tmp = tempfile.mkstemp(prefix=".argmap-", suffix=".tmp", dir=folder)
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
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


def _write_backup(path, folder):
    fd, tmp = tempfile.mkstemp(prefix=".argmap-", suffix=".bak.tmp", dir=folder)
    try:
        with os.fdopen(fd, "wb") as out, open(path, "rb") as src:
            shutil.copyfileobj(src, out)
            out.flush()
            os.fsync(out.fileno())
        os.replace(tmp, path + ".bak")
    except BaseException:
        if os.path.exists(tmp):
            os.unlink(tmp)
        raise


def _umask():
    mask = os.umask(0)
    os.umask(mask)
    return mask
