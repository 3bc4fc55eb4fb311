"""Recovery copies: where they go, what their header says, which are offered, and loading."""

import json
import os
import time

import pytest

from argmap.errors import FormatError
from argmap.formats import native, save_map
from argmap.model import ArgumentMap
from argmap.recovery import RecoveryStore, default_folder

DEAD_PID = 2**22 + 999


def a_map(title="T", claims=2):
    """A map with *claims* claims."""
    m = ArgumentMap(title)
    for i in range(claims):
        m.add_node("claim", f"Claim {i}")
    return m


@pytest.fixture
def store(tmp_path):
    """A store in a fresh folder."""
    return RecoveryStore(tmp_path / "recovery")


def _as_if_written_by_a_dead_process(copy):
    with open(copy.path, "rb") as handle:
        header, body = handle.read().split(b"\n", 1)
    data = json.loads(header)
    data["pid"] = DEAD_PID
    with open(copy.path, "wb") as handle:
        handle.write(json.dumps(data).encode() + b"\n" + body)


def test_default_folder_honours_xdg_data_home(monkeypatch, tmp_path):
    """$XDG_DATA_HOME/argmap/recovery when set (absolute), else ~/.local/share/argmap/recovery."""
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path))
    assert default_folder() == str(tmp_path / "argmap" / "recovery")
    monkeypatch.setenv("XDG_DATA_HOME", "relative/path")
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    assert default_folder() == str(tmp_path / "home" / ".local/share/argmap/recovery")
    monkeypatch.delenv("XDG_DATA_HOME")
    assert RecoveryStore().folder == str(tmp_path / "home" / ".local/share/argmap/recovery")


def test_save_writes_header_and_map(store, tmp_path):
    """A copy holds the original's path, time, edit count and counts, then the map."""
    original = tmp_path / "debate.argmap"
    copy = store.save(a_map("Debate"), original, edits=21)
    assert copy.original == str(original) and copy.edits == 21
    assert (copy.nodes, copy.edges, copy.title) == (2, 0, "Debate")
    assert abs(copy.saved - time.time()) < 60 and copy.pid == os.getpid()
    assert store.load(copy).title == "Debate"
    assert oct(os.stat(store.folder).st_mode & 0o777) == "0o700"


def test_second_save_replaces_the_copy_of_the_same_file(store, tmp_path):
    """One copy per original: autosaving again replaces it, leaving no temp file."""
    original = tmp_path / "debate.argmap"
    store.save(a_map(claims=1), original, edits=1)
    store.save(a_map(claims=3), original, edits=2)
    (only,) = store.copies()
    assert (only.nodes, only.edges, only.edits) == (3, 0, 2)
    assert len(os.listdir(store.folder)) == 1


def test_untitled_maps_of_one_process_are_kept_apart(store):
    """Untitled maps get one copy per session; None is recorded as the original."""
    store.save(a_map("one"), None, session=1)
    store.save(a_map("two"), None, session=2)
    copies = store.copies()
    assert sorted(c.title for c in copies) == ["one", "two"]
    assert all(c.original is None for c in copies)


def test_pending_offers_copies_newer_than_their_files_of_finished_processes(store, tmp_path):
    """Offered: newer than the file, or file gone, or untitled; never a live writer's copy."""
    saved_later = tmp_path / "a.argmap"
    save_map(a_map(), saved_later)
    newer = tmp_path / "b.argmap"
    save_map(a_map(), newer)
    old = time.time() - 3600
    os.utime(newer, (old, old))
    copies = [
        store.save(a_map("stale"), saved_later),
        store.save(a_map("newer"), newer),
        store.save(a_map("gone"), tmp_path / "deleted.argmap"),
        store.save(a_map("untitled"), None),
    ]
    assert store.pending() == []  # this process is alive: its copies are its own
    for copy in copies:
        _as_if_written_by_a_dead_process(copy)
    os.utime(saved_later, (time.time() + 60, time.time() + 60))
    assert sorted(c.title for c in store.pending()) == ["gone", "newer", "untitled"]


def test_discard_removes_a_copy(store, tmp_path):
    """Discarding (or a clean save of the original) removes the copy."""
    original = tmp_path / "a.argmap"
    copy = store.save(a_map(), original)
    assert store.discard(copy) is True and store.copies() == []
    store.save(a_map(), original)
    assert store.discard_for(original) is True and store.discard_for(original) is False


def test_damaged_copies_are_skipped_or_refused(store, tmp_path):
    """A copy with a bad header is not listed; one with a bad body gives FormatError on load."""
    copy = store.save(a_map(), tmp_path / "a.argmap")
    with open(os.path.join(store.folder, "junk.argmap-recovery"), "wb") as handle:
        handle.write(b"\xff\xfe not json\n{}")
    assert [c.path for c in store.copies()] == [copy.path]
    with open(copy.path, "rb") as handle:
        header = handle.readline()
    with open(copy.path, "wb") as handle:
        handle.write(header + b'{"format": "argmap", "version": 1, "nodes": 5}')
    with pytest.raises(FormatError):
        store.load(copy)


def test_missing_folder_lists_nothing(tmp_path):
    """A store whose folder does not exist yet has no copies."""
    assert RecoveryStore(tmp_path / "none").copies() == []


def test_copy_body_is_the_native_format(store, tmp_path):
    """The part after the header is a plain .argmap text, byte for byte."""
    amap = a_map("Body")
    copy = store.save(amap, tmp_path / "a.argmap")
    with open(copy.path, encoding="utf-8") as handle:
        handle.readline()
        assert handle.read() == native.dumps(amap)
