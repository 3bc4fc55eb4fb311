"""Starting the editor after a crash: one window per file, the recovered work in front."""

import datetime
import json
import os
import pathlib
import shutil
import subprocess
import sys
import time

import pytest
from PySide6.QtWidgets import QApplication

from argmap.formats import load_map
from argmap.gui import app, autosave
from argmap.gui.app import default_map
from argmap.gui.main_window import MainWindow
from argmap.model import edits, queries

RECOVERED = "Work typed just before the crash"


@pytest.fixture
def store(tmp_path, monkeypatch):
    """A recovery store of the test's own (the editor finds it through XDG_DATA_HOME)."""
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    return autosave.recovery_store()


@pytest.fixture
def started(qtbot):
    """The windows the start opens, closed after the test without asking to save."""
    before = list(MainWindow.windows)
    yield
    for window in [w for w in MainWindow.windows if w not in before]:
        window.document.undo_stack.setClean()
        window.close()


def _ended_pid():
    """The id of a process that has ended."""
    child = subprocess.Popen([sys.executable, "-c", "pass"])
    child.wait()
    return child.pid


def left_by_a_crash(store, path):
    """A recovery copy of the map at *path* with one more reason, written by a process
    that has ended, a minute after the file was saved."""
    amap = load_map(path)
    main = queries.main_claims(amap)[0]
    amap.apply(edits.add_child(amap, main, "support", RECOVERED))
    saved = time.time() - 60
    os.utime(path, (saved, saved))
    copy = store.save(amap, str(path), edits=1)
    recovery = pathlib.Path(copy.path)
    header, _, body = recovery.read_text(encoding="utf-8").partition("\n")
    header = dict(json.loads(header), pid=_ended_pid())
    recovery.write_text(json.dumps(header) + "\n" + body, encoding="utf-8")
    (pending,) = store.pending()
    return pending


def _local_time(seconds):
    return datetime.datetime.fromtimestamp(seconds).strftime("%d %b %Y, %H:%M:%S")


def _texts(window):
    return {a["text"] for _, a in window.document.amap.graph.nodes(data=True)}


def _shown():
    """``(window, its file, whether it holds the recovered work, whether it is active)``
    for every window shown."""
    return [
        (w, w.document.path, RECOVERED in _texts(w), QApplication.activeWindow() is w)
        for w in MainWindow.windows
        if w.isVisible()
    ]


@pytest.mark.parametrize("named", [True, False], ids=["file named", "no file named"])
def test_restoring_opens_one_window_holding_the_recovered_work_in_front(
    named, map_file, store, started, answer_box, qtbot
):
    """Restore at start, with the file named on the command line or none: one window,
    the recovered map, active."""
    left_by_a_crash(store, map_file)
    answer_box("recovery-question", "Restore")
    front = app.open_windows(str(map_file) if named else None, store)
    qtbot.waitUntil(lambda: QApplication.activeWindow() is not None)
    shown = _shown()
    assert [row[1:] for row in shown] == [(str(map_file), True, True)]
    window = shown[0][0]
    assert front is window and window.document.modified
    assert window.registry["undo"].text() == "&Undo Restore unsaved work"


def test_the_question_names_the_saved_file_it_compared_with_and_its_time(
    map_file, store, started, answer_box, qtbot
):
    """The question says which saved file the copy was compared with, when that file was
    saved and what it holds, as plain text; the status bar says it again once restored."""
    copy = left_by_a_crash(store, map_file)
    asked = answer_box("recovery-question", "Restore")
    window = app.open_windows(None, store)
    saved = _local_time(os.stat(map_file).st_mtime)
    made = _local_time(copy.saved)
    (text,) = asked
    assert f"compared with the saved file {map_file}, saved {saved}: 5 nodes, 4 links" in text
    assert f"made {made}: 6 nodes, 5 links, 1 edit not saved" in text
    assert saved in window.statusBar().currentMessage()
    assert str(map_file) in window.statusBar().currentMessage()


def test_another_file_named_opens_in_front_of_the_restored_work(
    map_file, store, started, answer_box, qtbot, tmp_path
):
    """A file named on the command line that is not the recovered one opens in a window of
    its own, in front; the recovered work keeps its window."""
    left_by_a_crash(store, map_file)
    other = tmp_path / "other.argmap"
    other.write_bytes(map_file.read_bytes())
    answer_box("recovery-question", "Restore")
    front = app.open_windows(str(other), store)
    qtbot.waitUntil(lambda: QApplication.activeWindow() is front)
    assert sorted(row[1:] for row in _shown()) == [
        (str(map_file), True, False),
        (str(other), False, True),
    ]


def test_a_recovered_map_with_cards_not_yet_placed_is_laid_out(
    store, started, answer_box, qtbot, tmp_path
):
    """A copy made before its map was first laid out opens laid out, as the file would."""
    path = tmp_path / "debate.argmap"
    shutil.copy(default_map(), path)
    left_by_a_crash(store, path)
    answer_box("recovery-question", "Restore")
    window = app.open_windows(None, store)
    qtbot.waitUntil(lambda: not window.document.jobs.active, timeout=20000)
    places = {(p.x(), p.y()) for p in (i.pos() for i in window.scene.nodes.values())}
    assert len(places) == len(window.document.amap)
