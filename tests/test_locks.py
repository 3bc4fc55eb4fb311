"""Lock files: a second process is told who has a map open; stale locks are taken over."""

import json
import os
import socket
import subprocess
import sys

import pytest

from argmap import locks
from argmap.errors import LockedError, LockError
from argmap.locks import LockInfo, acquire, lock_path, read_lock

DEAD_PID = 2**22 + 4321  # above the default pid_max: never a live process


def _write_lock(path, pid, host=None, user="ann"):
    data = {"pid": pid, "host": host or socket.gethostname(), "user": user, "time": 1.5e9}
    with open(lock_path(path), "w") as handle:
        json.dump(data, handle)


def test_acquire_writes_pid_host_and_time_and_release_removes_it(tmp_path):
    """The lock file beside the map names this process; releasing removes it."""
    path = tmp_path / "map.argmap"
    lock = acquire(path)
    info = read_lock(path)
    assert (info.pid, info.host) == (os.getpid(), socket.gethostname())
    assert info.time > 1.5e9 and info.is_mine()
    assert os.path.basename(lock.file) == ".map.argmap.lock"
    assert lock.release() is True
    assert read_lock(path) is None and os.listdir(tmp_path) == []


def test_second_process_is_told_who_holds_the_lock(tmp_path):
    """Another live process holding the map gives LockedError with its pid and host."""
    path = tmp_path / "map.argmap"
    holder = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(30)"])
    try:
        _write_lock(path, holder.pid)
        with pytest.raises(LockedError) as error:
            acquire(path)
        assert error.value.info.pid == holder.pid
        assert f"process {holder.pid}" in str(error.value) and "ann on" in str(error.value)
    finally:
        holder.kill()
        holder.wait()


def test_same_process_opening_twice_is_told(tmp_path):
    """A second open in the same process is refused too, saying it is this process."""
    path = tmp_path / "map.argmap"
    with acquire(path):
        with pytest.raises(LockedError, match="this process") as error:
            acquire(path)
        assert error.value.info.is_mine()
    assert read_lock(path) is None


def test_stale_lock_of_a_dead_process_is_taken_over(tmp_path):
    """A lock left by a process that is gone (this host) is taken over silently."""
    path = tmp_path / "map.argmap"
    _write_lock(path, DEAD_PID)
    lock = acquire(path)
    assert read_lock(path) == lock.info and lock.info.pid == os.getpid()
    assert sorted(os.listdir(tmp_path)) == [".map.argmap.lock"]


def test_lock_from_another_host_counts_as_live(tmp_path):
    """A lock from another machine cannot be checked, so it is reported, unless forced."""
    path = tmp_path / "map.argmap"
    _write_lock(path, DEAD_PID, host="elsewhere.example")
    with pytest.raises(LockedError, match="elsewhere.example"):
        acquire(path)
    lock = acquire(path, force=True)
    assert read_lock(path).host == socket.gethostname()
    lock.release()


@pytest.mark.parametrize(
    "content",
    [
        b"",
        b"garbage",
        b'{"pid": "x"}',
        b"\xff" * 10,
        b'{"pid": 1' + b"0" * 5000 + b', "host": "h", "time": 0}',
    ],
)
def test_unreadable_lock_counts_as_stale(tmp_path, content):
    """A damaged lock file is taken over rather than blocking the map for ever."""
    path = tmp_path / "map.argmap"
    with open(lock_path(path), "wb") as handle:
        handle.write(content)
    assert acquire(path).info.is_mine()


def test_release_leaves_a_lock_taken_over_by_another(tmp_path):
    """Releasing never removes a lock that another process took over meanwhile."""
    path = tmp_path / "map.argmap"
    lock = acquire(path)
    _write_lock(path, DEAD_PID)
    assert lock.release() is False
    assert read_lock(path).pid == DEAD_PID


def test_lock_follows_a_symlink_to_the_real_file(tmp_path):
    """Two names of one map share one lock."""
    real = tmp_path / "real.argmap"
    real.write_text("{}")
    (tmp_path / "link.argmap").symlink_to(real)
    with acquire(real), pytest.raises(LockedError):
        acquire(tmp_path / "link.argmap")


def test_folder_without_write_permission_gives_lock_error(tmp_path, monkeypatch):
    """When no lock file can be made the caller gets a LockError it can show and go on."""

    def refuse(*args, **kwargs):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(locks, "create_temp", refuse)
    with pytest.raises(LockError, match="permission denied"):
        acquire(tmp_path / "map.argmap")


def test_describe_names_user_host_and_pid():
    """The warning text names who holds the map."""
    text = LockInfo(42, "box", "ann", 0.0).describe()
    assert text.startswith("ann on box (process 42) since ")
