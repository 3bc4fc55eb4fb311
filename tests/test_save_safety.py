"""Saving safely: links, permissions, owners, read-back checks, temp files and the .bak."""

import json
import os
import stat

import pytest

from argmap import fileio
from argmap.errors import ReadOnlyFileError, SaveError
from argmap.fileio import atomic_write, remove_stale_temps, temp_prefix
from argmap.formats import load_map, native, save_map
from argmap.model import ArgumentMap

OLD = b"old content\n"
NEW = b"new content\n"


def a_map(title="T", claims=1):
    """A small map with *claims* claims."""
    m = ArgumentMap(title)
    for i in range(claims):
        m.add_node("claim", f"Claim {i}")
    return m


def test_symlink_is_written_through_to_its_target(tmp_path):
    """Saving through a symbolic link updates the real file and keeps the link."""
    real = tmp_path / "real" / "map.argmap"
    real.parent.mkdir()
    real.write_bytes(OLD)
    link = tmp_path / "link.argmap"
    link.symlink_to(real)
    atomic_write(link, NEW, backup=True)
    assert link.is_symlink() and os.readlink(link) == str(real)
    assert real.read_bytes() == NEW
    assert (tmp_path / "real" / "map.argmap.bak").read_bytes() == OLD
    assert sorted(os.listdir(tmp_path)) == ["link.argmap", "real"]


def test_dangling_symlink_creates_its_target(tmp_path):
    """A link to a file not yet made is saved as that file, not over the link."""
    link = tmp_path / "link.argmap"
    link.symlink_to(tmp_path / "target.argmap")
    atomic_write(link, NEW)
    assert link.is_symlink() and (tmp_path / "target.argmap").read_bytes() == NEW


def test_mode_is_kept_for_file_and_bak(tmp_path):
    """The file keeps its mode and the .bak gets the same mode (not 0600)."""
    path = tmp_path / "map.argmap"
    path.write_bytes(OLD)
    path.chmod(0o664)
    atomic_write(path, NEW, backup=True)
    assert stat.S_IMODE(path.stat().st_mode) == 0o664
    assert stat.S_IMODE((tmp_path / "map.argmap.bak").stat().st_mode) == 0o664


@pytest.mark.skipif(os.geteuid() != 0, reason="only root can give a file to another owner")
def test_owner_and_group_are_kept_for_file_and_bak(tmp_path):
    """A file owned by someone else keeps its owner and group, and so does its .bak."""
    path = tmp_path / "map.argmap"
    path.write_bytes(OLD)
    os.chown(path, 12345, 23456)
    atomic_write(path, NEW, backup=True)
    for name in ("map.argmap", "map.argmap.bak"):
        info = (tmp_path / name).stat()
        assert (info.st_uid, info.st_gid) == (12345, 23456)


def test_owner_change_refused_keeps_going(tmp_path, monkeypatch):
    """When the owner cannot be given away the group alone is tried, and the save succeeds."""
    calls = []

    def chown(path, uid, gid):
        calls.append((uid, gid))
        if uid != -1:
            raise PermissionError(1, "Operation not permitted")

    monkeypatch.setattr(os, "chown", chown)
    path = tmp_path / "map.argmap"
    path.write_bytes(OLD)
    atomic_write(path, NEW)
    info = path.stat()
    assert calls == [(info.st_uid, info.st_gid), (-1, info.st_gid)]
    assert path.read_bytes() == NEW


@pytest.mark.parametrize("mode", [0o444, 0o400, 0o000])
def test_read_only_file_is_never_replaced(tmp_path, mode):
    """A file without write permission bits is refused, even for root, with a typed error."""
    path = tmp_path / "map.argmap"
    path.write_bytes(OLD)
    path.chmod(mode)
    with pytest.raises(ReadOnlyFileError, match="read-only"):
        atomic_write(path, NEW, backup=True)
    path.chmod(0o644)
    assert path.read_bytes() == OLD
    assert os.listdir(tmp_path) == ["map.argmap"]


def test_read_only_error_is_a_save_error(tmp_path):
    """The GUI can catch SaveError and still tell the read-only case apart to offer Save As."""
    path = tmp_path / "map.argmap"
    save_map(a_map(), path)
    path.chmod(0o444)
    with pytest.raises(SaveError) as error:
        save_map(a_map("other"), path)
    assert isinstance(error.value, ReadOnlyFileError)
    assert "save it under another name" in str(error.value)


def test_hard_link_is_not_split(tmp_path):
    """A file with two names is written in place: both names see the new content."""
    path = tmp_path / "map.argmap"
    path.write_bytes(OLD)
    twin = tmp_path / "twin.argmap"
    os.link(path, twin)
    inode = path.stat().st_ino
    atomic_write(path, NEW, backup=True)
    assert path.stat().st_ino == inode and path.stat().st_nlink == 2
    assert twin.read_bytes() == NEW
    assert (tmp_path / "map.argmap.bak").read_bytes() == OLD
    assert sorted(os.listdir(tmp_path)) == ["map.argmap", "map.argmap.bak", "twin.argmap"]


def test_hard_link_write_that_fails_puts_the_old_bytes_back(tmp_path, monkeypatch):
    """If writing in place fails halfway, the old content is written back."""
    path = tmp_path / "map.argmap"
    path.write_bytes(OLD * 100)
    os.link(path, tmp_path / "twin.argmap")
    real = fileio._overwrite
    calls = []

    def failing(target, data):
        calls.append(data)
        if len(calls) == 1:
            real(target, data[:5])
            raise OSError(28, "No space left on device")
        real(target, data)

    monkeypatch.setattr(fileio, "_overwrite", failing)
    with pytest.raises(SaveError, match="disk is full"):
        atomic_write(path, NEW)
    assert path.read_bytes() == OLD * 100


@pytest.mark.parametrize(
    "make", [os.mkfifo, lambda p: os.symlink("/dev/null", p)], ids=["fifo", "device"]
)
def test_non_regular_file_is_refused(tmp_path, make):
    """A FIFO or a device is left as it is, with a clear error."""
    path = tmp_path / "out.png"
    make(path)
    with pytest.raises(SaveError, match="not a regular file"):
        atomic_write(path, NEW)
    assert not path.is_file()
    assert os.listdir(tmp_path) == ["out.png"]


def test_replace_false_refuses_an_existing_file(tmp_path):
    """Without replace the old file stays and no temp file is left."""
    path = tmp_path / "map.argmap"
    path.write_bytes(OLD)
    with pytest.raises(SaveError, match="already exists"):
        atomic_write(path, NEW, replace=False)
    assert path.read_bytes() == OLD and os.listdir(tmp_path) == ["map.argmap"]
    atomic_write(tmp_path / "fresh.argmap", NEW, replace=False)
    assert (tmp_path / "fresh.argmap").read_bytes() == NEW
    assert sorted(os.listdir(tmp_path)) == ["fresh.argmap", "map.argmap"]


def test_file_appearing_during_a_no_replace_save_is_kept(tmp_path, monkeypatch):
    """The no-replace check is atomic: a file made after the first look is not replaced."""
    path = tmp_path / "map.argmap"
    real = fileio._verify

    def verify_then_race(tmp, data, check):
        real(tmp, data, check)
        if tmp != str(path):
            path.write_bytes(OLD)

    monkeypatch.setattr(fileio, "_verify", verify_then_race)
    with pytest.raises(SaveError, match="already exists"):
        atomic_write(path, NEW, replace=False)
    assert path.read_bytes() == OLD and os.listdir(tmp_path) == ["map.argmap"]


def test_bad_read_back_keeps_the_old_file(tmp_path, monkeypatch):
    """A check that fails on the bytes read back stops the save before the rename."""
    path = tmp_path / "map.argmap"
    save_map(a_map("old"), path)
    before = path.read_bytes()
    monkeypatch.setattr(native, "dumps", lambda amap: '{"format": "argmap", "version": 1}')
    with pytest.raises(SaveError, match="did not read back as valid"):
        save_map(a_map("new"), path)
    assert path.read_bytes() == before and os.listdir(tmp_path) == ["map.argmap"]


def test_corrupted_read_back_is_detected(tmp_path, monkeypatch):
    """Bytes that differ when read back (a failing disk) stop the save."""
    path = tmp_path / "map.argmap"
    path.write_bytes(OLD)
    real_open = open

    def lying_open(file, mode="r", *args, **kwargs):
        handle = real_open(file, mode, *args, **kwargs)
        if mode == "rb" and ".tmp-" in str(file):
            return _Corrupt(handle)
        return handle

    monkeypatch.setattr("builtins.open", lying_open)
    with pytest.raises(SaveError, match="read back differs"):
        atomic_write(path, NEW)
    monkeypatch.undo()
    assert path.read_bytes() == OLD and os.listdir(tmp_path) == ["map.argmap"]


class _Corrupt:
    """A file handle whose reads flip the first byte."""

    def __init__(self, handle):
        self.handle = handle

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.handle.close()

    def read(self, *args):
        data = self.handle.read(*args)
        return bytes([data[0] ^ 1]) + data[1:] if data else data


def test_temp_files_are_named_after_the_file_and_process(tmp_path, monkeypatch):
    """Temp files are called .NAME.tmp-PID-RANDOM so that they can be recognised."""
    seen = []
    real = fileio._write_temp

    def spy(folder, final, data):
        seen.append(real(folder, final, data))
        return seen[-1]

    monkeypatch.setattr(fileio, "_write_temp", spy)
    path = tmp_path / "map.argmap"
    path.write_bytes(OLD)
    atomic_write(path, NEW, backup=True)
    names = [os.path.basename(p) for p in seen]
    assert names[0].startswith(f".map.argmap.tmp-{os.getpid()}-")
    assert names[1].startswith(f".map.argmap.bak.tmp-{os.getpid()}-")


def _stale(folder, name, pid, age=3600, tail="abc123"):
    path = folder / f".{name}.tmp-{pid}-{tail}"
    path.write_bytes(b"half")
    old = path.stat().st_mtime - age
    os.utime(path, (old, old))
    return path


def test_stale_temp_files_of_dead_processes_are_removed(tmp_path):
    """A save removes old temp files of this file whose process is gone, and only those."""
    dead = 2**22 + 12345  # above the default pid_max: no such process
    gone = [_stale(tmp_path, "map.argmap", dead), _stale(tmp_path, "map.argmap.bak", dead)]
    alive = _stale(tmp_path, "map.argmap", os.getpid())
    recent = _stale(tmp_path, "map.argmap", dead, age=0, tail="new999")
    other = _stale(tmp_path, "other.argmap", dead)
    atomic_write(tmp_path / "map.argmap", NEW)
    assert not any(p.exists() for p in gone)
    assert alive.exists() and recent.exists() and other.exists()
    assert remove_stale_temps(tmp_path / "other.argmap") == [str(other)]


def test_temp_prefix_of_a_long_name_stays_short():
    """The temp name repeats at most 100 characters of the file's name."""
    assert len(temp_prefix("x" * 250 + ".argmap")) < 130


def test_identical_save_keeps_the_bak(tmp_path):
    """Saving the same bytes twice keeps the .bak from before (a second draft run)."""
    path = tmp_path / "map.argmap"
    save_map(a_map("hand-made"), path)
    save_map(a_map("draft"), path)
    save_map(a_map("draft"), path)
    assert load_map(str(path) + ".bak").title == "hand-made"


def test_broken_file_does_not_replace_a_good_bak(tmp_path):
    """When the file on disk is broken, the existing (good) .bak is kept."""
    path = tmp_path / "map.argmap"
    save_map(a_map("good"), path)
    save_map(a_map("good, edited"), path)
    path.write_bytes(b"")  # the file was emptied by something else
    save_map(a_map("new"), path)
    assert load_map(str(path) + ".bak").title == "good"
    assert load_map(path).title == "new"


def test_broken_file_is_backed_up_when_there_is_no_bak(tmp_path):
    """With no .bak yet, even a broken file is kept as the .bak (it may be repairable)."""
    path = tmp_path / "map.argmap"
    path.write_bytes(b"{broken")
    save_map(a_map("new"), path)
    assert (tmp_path / "map.argmap.bak").read_bytes() == b"{broken"


def test_unknown_fields_everywhere_survive_a_save(tmp_path):
    """Fields argmap does not know (top level, map, node, edge, span, document) are kept."""
    data = {
        "format": "argmap",
        "version": 1,
        "future": {"a": [1, 2]},
        "zeta": 3,
        "map": {"title": "T", "theme": "dark"},
        "nodes": [
            {"id": "c", "kind": "claim", "text": "C", "halo": 2},
            {
                "id": "e",
                "kind": "evidence",
                "text": "E",
                "sources": [{"doc": "d", "start": 0, "end": 1, "quote": "x", "page": 4}],
            },
        ],
        "edges": [{"source": "e", "target": "c", "relation": "supports", "width": 2}],
        "documents": [{"id": "d", "title": "D", "text": "xyz", "isbn": "123"}],
    }
    path = tmp_path / "map.argmap"
    path.write_text(json.dumps(data))
    amap = load_map(path)
    assert amap.extra == {"future": {"a": [1, 2]}, "zeta": 3}
    save_map(amap.copy(), path)
    assert json.loads(path.read_text()) == data


def test_unknown_top_level_field_cannot_shadow_a_known_one():
    """amap.extra never overrides the fields argmap writes itself."""
    amap = a_map()
    amap.extra = {"nodes": [], "format": "evil", "kept": 1}
    data = native.map_to_dict(amap)
    assert data["format"] == "argmap" and len(data["nodes"]) == 1 and data["kept"] == 1


def test_document_file_deleted_after_import_is_not_needed(tmp_path):
    """A map holds its documents' text: deleting the file after import loses nothing."""
    from argmap.sources.documents import add_document_command, load_document

    source = tmp_path / "article.txt"
    source.write_text("Encryption protects journalists.")
    amap = a_map()
    amap.apply(add_document_command(load_document(source)))
    source.unlink()
    save_map(amap, tmp_path / "m.argmap")
    assert load_map(tmp_path / "m.argmap").documents["article"]["text"].startswith("Encryption")
