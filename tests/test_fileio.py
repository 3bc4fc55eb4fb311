"""Atomic writing: a failed save leaves the old file byte-identical and no temp file behind."""

import errno
import os
import stat

import pytest

from argmap.errors import RenderError, SaveError
from argmap.fileio import atomic_fill, atomic_write, describe_os_error

OLD = '{\n  "old": "version ü"\n}\n'.encode()
NEW = b"new content\n" * 1000


@pytest.fixture
def target(tmp_path):
    """An existing file with known bytes, alone in its folder."""
    path = tmp_path / "map.argmap"
    path.write_bytes(OLD)
    return path


def leftovers(folder, keep=("map.argmap", "map.argmap.bak")):
    """Files in *folder* other than the expected ones."""
    return sorted(set(os.listdir(folder)) - set(keep))


def test_writes_new_content_and_keeps_a_backup(target):
    """A save replaces the content and keeps the previous bytes in NAME.bak."""
    atomic_write(target, NEW, backup=True)
    assert target.read_bytes() == NEW
    assert (target.parent / "map.argmap.bak").read_bytes() == OLD
    assert leftovers(target.parent) == []


def test_first_save_makes_no_backup(tmp_path):
    """Saving a file that did not exist creates it with the usual permissions and no .bak."""
    path = tmp_path / "new.argmap"
    atomic_write(path, NEW, backup=True)
    assert path.read_bytes() == NEW
    assert os.listdir(tmp_path) == ["new.argmap"]
    mask = os.umask(0)
    os.umask(mask)
    assert stat.S_IMODE(path.stat().st_mode) == 0o666 & ~mask


def test_keeps_the_file_mode(target):
    """An existing file keeps its permission bits across a save."""
    target.chmod(0o640)
    atomic_write(target, NEW)
    assert stat.S_IMODE(target.stat().st_mode) == 0o640


def _fail_with(code, after_bytes=0):
    """A replacement for os.write that writes *after_bytes* bytes, then fails with *code*."""
    real_write = os.write
    budget = [after_bytes]

    def write(fd, data):
        if budget[0] <= 0:
            raise OSError(code, os.strerror(code))
        written = real_write(fd, bytes(data[: budget[0]]))
        budget[0] -= written
        return written

    return write


def _assert_untouched(target, error, reason):
    assert target.read_bytes() == OLD
    assert leftovers(target.parent) == []
    assert reason in str(error.value) and str(target) in str(error.value)


def test_disk_full_midway_keeps_the_old_file(target, monkeypatch):
    """The disk filling up halfway through the write leaves the old file as it was."""
    monkeypatch.setattr(os, "write", _fail_with(errno.ENOSPC, after_bytes=4096))
    with pytest.raises(SaveError) as error:
        atomic_write(target, NEW, backup=True)
    _assert_untouched(target, error, "the disk is full")
    assert not (target.parent / "map.argmap.bak").exists()


def test_disk_full_on_fsync_keeps_the_old_file(target, monkeypatch):
    """A delayed ENOSPC reported by fsync is still a clean failure."""

    def fsync(fd):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(os, "fsync", fsync)
    with pytest.raises(SaveError) as error:
        atomic_write(target, NEW)
    _assert_untouched(target, error, "the disk is full")


def test_failing_backup_keeps_the_old_file(target, monkeypatch):
    """When the backup copy cannot be written the save stops and changes nothing."""
    real_write = os.write
    calls = []

    def write(fd, data):
        calls.append(fd)
        if len(calls) > 1:  # the new content went through; the backup copy fails
            raise OSError(errno.ENOSPC, "No space left on device")
        return real_write(fd, data)

    monkeypatch.setattr(os, "write", write)
    with pytest.raises(SaveError, match="disk is full"):
        atomic_write(target, NEW, backup=True)
    assert len(calls) == 2
    assert target.read_bytes() == OLD
    assert leftovers(target.parent) == []


@pytest.mark.parametrize(
    "code,reason", [(errno.EACCES, "permission denied"), (errno.EROFS, "read-only file system")]
)
def test_refused_rename_keeps_the_old_file(target, monkeypatch, code, reason):
    """If the final rename is refused the old file stays and the temp file is removed."""

    def replace(src, dst):
        raise OSError(code, os.strerror(code))

    monkeypatch.setattr(os, "replace", replace)
    with pytest.raises(SaveError) as error:
        atomic_write(target, NEW)
    _assert_untouched(target, error, reason)


@pytest.mark.parametrize(
    "code,reason", [(errno.EACCES, "permission denied"), (errno.EROFS, "read-only file system")]
)
def test_folder_that_refuses_new_files(target, monkeypatch, code, reason):
    """A folder where no file can be created (no permission, read-only) gives a clear reason."""
    real_open = os.open

    def refusing_open(path, flags, *args, **kwargs):
        if flags & os.O_CREAT:
            raise OSError(code, os.strerror(code), path)
        return real_open(path, flags, *args, **kwargs)

    monkeypatch.setattr(os, "open", refusing_open)
    with pytest.raises(SaveError) as error:
        atomic_write(target, NEW, backup=True)
    _assert_untouched(target, error, reason)


@pytest.mark.skipif(
    os.geteuid() == 0,
    reason="root writes into read-only folders anyway; "
    "covered by test_folder_that_refuses_new_files",
)
def test_real_read_only_folder(target):
    """A folder without write permission refuses the save and keeps the old file."""
    folder = target.parent
    folder.chmod(0o555)
    try:
        with pytest.raises(SaveError) as error:
            atomic_write(target, NEW)
    finally:
        folder.chmod(0o755)
    _assert_untouched(target, error, "permission denied")


def test_missing_folder(tmp_path):
    """Saving into a folder that does not exist says so."""
    with pytest.raises(SaveError, match="the folder does not exist"):
        atomic_write(tmp_path / "nope" / "map.argmap", NEW)


def test_folder_in_the_way(tmp_path):
    """Saving over a folder fails cleanly and leaves the folder."""
    (tmp_path / "map.argmap").mkdir()
    with pytest.raises(SaveError, match="a folder has that name"):
        atomic_write(tmp_path / "map.argmap", NEW)
    assert (tmp_path / "map.argmap").is_dir()
    assert leftovers(tmp_path) == []


def test_interrupting_error_still_removes_the_temp_file(target, monkeypatch):
    """An unexpected error (here a KeyboardInterrupt during the write) leaves no temp file."""

    def write(fd, data):
        raise KeyboardInterrupt

    monkeypatch.setattr(os, "write", write)
    with pytest.raises(KeyboardInterrupt):
        atomic_write(target, NEW)
    assert target.read_bytes() == OLD
    assert leftovers(target.parent) == []


def test_short_writes_are_completed(tmp_path, monkeypatch):
    """os.write may write only part of the data; the rest is written too."""
    real_write = os.write
    monkeypatch.setattr(os, "write", lambda fd, data: real_write(fd, bytes(data[:7])))
    path = tmp_path / "map.argmap"
    atomic_write(path, NEW)
    assert path.read_bytes() == NEW


def test_describe_os_error_falls_back_to_strerror():
    """Unknown errors are described by the system's own text."""
    assert describe_os_error(OSError(errno.EIO, "Input/output error")) == "Input/output error"
    assert describe_os_error(OSError(errno.ENOSPC, "x")) == "the disk is full"


def _fill_with(data):
    def fill(path):
        assert os.path.getsize(path) == 0 and os.path.dirname(path) == os.path.dirname(
            os.path.realpath(path)
        )
        with open(path, "wb") as handle:
            handle.write(data)
        return "made"

    return fill


def test_fill_installs_what_the_writer_wrote(target):
    """A writer fills a temp file beside the target; it replaces the file, mode kept."""
    target.chmod(0o640)
    assert atomic_fill(target, _fill_with(NEW)) == "made"
    assert target.read_bytes() == NEW
    assert stat.S_IMODE(target.stat().st_mode) == 0o640
    assert leftovers(target.parent) == []


def test_failing_writer_keeps_the_old_file_and_its_error(target):
    """The writer's own error passes on as it is; the old file and the folder stay as they were."""

    def fill(path):
        with open(path, "wb") as handle:
            handle.write(b"half")
        raise RenderError("Graphviz failed")

    with pytest.raises(RenderError, match="Graphviz failed"):
        atomic_fill(target, fill)
    assert target.read_bytes() == OLD
    assert leftovers(target.parent) == []


def test_fill_writes_a_hard_linked_file_in_place(target):
    """Every name of a hard-linked file sees the new content; no temp file is left."""
    twin = target.parent / "twin.argmap"
    os.link(target, twin)
    atomic_fill(target, _fill_with(NEW))
    assert target.read_bytes() == NEW and twin.read_bytes() == NEW
    assert leftovers(target.parent, keep=("map.argmap", "twin.argmap")) == []


def test_fill_reports_a_full_disk_at_the_sync(target, monkeypatch):
    """Content another program wrote is synced before the rename: a full disk then keeps the
    old file and leaves no temp file."""

    def fsync(fd):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(os, "fsync", fsync)
    with pytest.raises(SaveError) as error:
        atomic_fill(target, _fill_with(NEW))
    _assert_untouched(target, error, "the disk is full")


def test_create_temp_makes_a_new_private_file_named_for_the_cleaner(tmp_path):
    """A temp file is new, empty, private, and named so that the cleaner knows whose it is."""
    from argmap import fileio

    fd, path = fileio.create_temp(str(tmp_path), str(tmp_path / "map.argmap"))
    os.close(fd)
    name = os.path.basename(path)
    assert name.startswith(f".map.argmap.tmp-{os.getpid()}-") and fileio._TEMP.match(name)
    assert stat.S_IMODE(os.stat(path).st_mode) == 0o600 and os.path.getsize(path) == 0
