"""No lost work in the editor: autosave, recovery after a kill, signals, locks, careful saving."""

import json
import os
import pathlib
import signal
import stat
import subprocess
import sys
import textwrap

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from argmap.formats import load_map
from argmap.gui import autosave
from argmap.model import queries

REPO = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))


@pytest.fixture
def store(tmp_path, monkeypatch):
    """A recovery store of the test's own (the editor finds it through XDG_DATA_HOME)."""
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    return autosave.recovery_store()


def _edit(window, text="Encryption protects dissidents"):
    main = queries.main_claims(window.document.amap)[0]
    return window.document.add_child(main, "support", text)


def test_a_modified_map_is_copied_every_twenty_edits_and_dropped_on_save(
    make_window, map_file, store, tmp_path
):
    """Twenty edits write a recovery copy; a clean save removes it."""
    window = make_window(map_file)
    assert store.copies() == []
    for i in range(autosave.EVERY_EDITS):
        _edit(window, f"Reason {i}")
    (copy,) = store.copies()
    assert copy.original == str(map_file) and copy.nodes == len(window.document.amap)
    assert len(store.load(copy)) == len(window.document.amap)
    assert window.save_to(str(map_file))
    assert store.copies() == []


def test_the_minute_timer_copies_an_untitled_map(make_window, store, qtbot):
    """An untitled map with one edit is copied when the timer fires."""
    window = make_window()
    window.document.add_main_claim("A claim nobody saved")
    window.view.finish_typing()
    window.autosaver.timer.setInterval(50)
    qtbot.waitUntil(lambda: bool(store.copies()), timeout=3000)
    (copy,) = store.copies()
    assert copy.original is None and copy.nodes == 1


KILLED = textwrap.dedent("""
    import os, signal, sys
    sys.path.insert(0, {repo!r})
    from argmap.gui.app import make_application
    from argmap.gui.main_window import MainWindow
    from argmap.model import queries
    app = make_application()
    window = MainWindow({path!r})
    main = queries.main_claims(window.document.amap)[0]
    window.document.add_child(main, "support", "Work that must not be lost")
    window.autosaver.save_now()
    {ending}
""")


def _run_editor(tmp_path, path, ending):
    env = dict(os.environ, XDG_DATA_HOME=str(tmp_path / "data"), QT_QPA_PLATFORM="offscreen")
    script = KILLED.format(repo=REPO, path=str(path), ending=ending)
    return subprocess.run(
        [sys.executable, "-c", script], env=env, timeout=60, capture_output=True, text=True
    )


def test_work_killed_with_sigkill_is_offered_and_restored(
    make_window, map_file, store, tmp_path, answer_box, qtbot
):
    """After kill -9 the next start offers the copy; Restore opens it modified, file untouched."""
    before = map_file.read_bytes()
    result = _run_editor(tmp_path, map_file, "os.kill(os.getpid(), signal.SIGKILL)")
    assert result.returncode == -signal.SIGKILL
    (copy,) = store.pending()
    from argmap.gui.main_window import MainWindow
    from argmap.gui.recovery_dialog import offer_recovery

    asked = answer_box("recovery-question", "Restore")
    opened = []

    def make():
        window = make_window()
        opened.append(window)
        return window

    (window,) = offer_recovery(store, make)
    assert asked and str(map_file) in asked[0] and "nodes" in asked[0]
    texts = [a["text"] for _, a in window.document.amap.graph.nodes(data=True)]
    assert "Work that must not be lost" in texts
    assert window.document.modified and window.document.path == str(map_file)
    assert map_file.read_bytes() == before  # nothing replaced until the user saves
    assert MainWindow.window_for(str(map_file)) is window


def test_sigterm_makes_a_recovery_copy_and_ends(map_file, store, tmp_path):
    """SIGTERM to the editor: a recovery copy of the unsaved work, then a quiet end."""
    ending = (
        "from argmap.gui.safety import install_signal_handlers\n"
        "install_signal_handlers(MainWindow.windows)\n"
        "window.autosaver.discard()\n"
        "from PySide6.QtCore import QTimer\n"
        "QTimer.singleShot(300, lambda: os.kill(os.getpid(), signal.SIGTERM))\n"
        "sys.exit(app.exec())"
    )
    result = _run_editor(tmp_path, map_file, ending)
    assert result.returncode == 128 + signal.SIGTERM, result.stderr
    (copy,) = store.copies()
    assert copy.original == str(map_file)
    assert "Traceback" not in result.stderr


def test_an_uncaught_error_is_logged_shown_and_copies_the_work(make_window, map_file, store):
    """An error nobody caught goes to the log, a dialog names the log, the work is copied."""
    from argmap.gui.safety import report_error

    window = make_window(map_file)
    _edit(window)
    try:
        raise ValueError("a test of the error report")
    except ValueError as exc:
        box = report_error([window], type(exc), exc, exc.__traceback__)
    log = os.path.join(autosave.data_folder(), "errors.log")
    assert "a test of the error report" in pathlib.Path(log).read_text(encoding="utf-8")
    assert log in box.text() and box.textFormat() == Qt.PlainText
    assert len(store.copies()) == 1
    box.close()


def test_closing_keeps_the_text_being_typed(make_window, map_file, qtbot, answer_box):
    """Text typed in a card and not yet committed is kept when the window is closed."""
    from PySide6.QtWidgets import QMessageBox

    window = make_window(map_file)
    main = queries.main_claims(window.document.amap)[0]
    window.scene.select_nodes([main])
    editor = window.view.edit_text(main)
    qtbot.keyClicks(editor, "Typed just before closing")
    from test_window import _answer_next_dialog

    _answer_next_dialog(QMessageBox.Cancel)
    assert not window.close()
    assert window.document.amap.node(main)["text"] == "Typed just before closing"


def test_a_map_locked_by_another_process_warns(make_window, map_file):
    """A live lock of another process makes the editor ask; Cancel opens nothing."""
    from argmap.locks import lock_path

    holder = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(30)"])
    try:
        with open(lock_path(str(map_file)), "w", encoding="utf-8") as handle:
            json.dump(
                {"pid": holder.pid, "host": os.uname().nodename, "user": "ann", "time": 0}, handle
            )
        window = make_window()
        from PySide6.QtCore import QTimer

        seen = []

        def cancel():
            box = next(
                (
                    w
                    for w in QApplication.topLevelWidgets()
                    if w.objectName() == "locked-question" and w.isVisible()
                ),
                None,
            )
            if box is None:
                QTimer.singleShot(20, cancel)
                return
            seen.append(box.text())
            box.reject()

        QTimer.singleShot(0, cancel)
        assert not window.open_path(str(map_file))
        assert seen and "ann" in seen[0] and str(holder.pid) in seen[0]
        assert len(window.document.amap) == 0
    finally:
        holder.kill()
        holder.wait()


def test_a_stale_lock_is_taken_over_and_released_on_close(make_window, map_file):
    """A lock left by a dead process is taken over silently; closing releases ours."""
    from argmap.locks import lock_path, read_lock

    dead = subprocess.run(
        [sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True, text=True
    ).stdout.strip()
    with open(lock_path(str(map_file)), "w", encoding="utf-8") as handle:
        json.dump({"pid": int(dead), "host": os.uname().nodename, "user": "x", "time": 0}, handle)
    window = make_window(map_file)
    assert read_lock(str(map_file)).pid == os.getpid()
    window.close()
    assert read_lock(str(map_file)) is None


def test_a_file_changed_on_disk_is_not_overwritten_silently(make_window, map_file, answer_box):
    """Another program saved the file since it was opened: Save asks before replacing it."""
    window = make_window(map_file)
    data = json.loads(map_file.read_text(encoding="utf-8"))
    data["map"]["title"] = "Saved by someone else"
    map_file.write_text(json.dumps(data), encoding="utf-8")
    os.utime(map_file, ns=(1, 10**18))
    _edit(window)
    asked = answer_box("changed-question", "Cancel")
    assert not window.save_to(str(map_file))
    assert asked and load_map(str(map_file)).title == "Saved by someone else"
    answer_box("changed-question", "Replace It")
    assert window.save_to(str(map_file))
    assert len(load_map(str(map_file))) == len(window.document.amap)


def test_a_read_only_file_is_never_replaced(make_window, map_file, answer_box):
    """Saving over a read-only file offers another name; Cancel leaves the file as it was."""
    window = make_window(map_file)
    _edit(window)
    before = map_file.read_bytes()
    os.chmod(map_file, stat.S_IRUSR | stat.S_IRGRP | stat.S_IROTH)
    try:
        asked = answer_box("read-only-question", "Cancel")
        assert not window.save_to(str(map_file))
        assert asked and "read-only" in asked[0]
        assert map_file.read_bytes() == before and window.document.modified
    finally:
        os.chmod(map_file, stat.S_IRUSR | stat.S_IWUSR)


def test_opening_an_open_file_raises_its_window(make_window, map_file):
    """File > Open of a map already open in a window brings that window forward."""
    window = make_window(map_file)
    other = make_window()
    _edit(other, "keep this window busy") if len(
        other.document.amap
    ) else other.document.add_main_claim("busy")
    assert other.open_in_window(str(map_file)) is window


def test_the_shipped_map_opens_as_an_untitled_copy(make_window, answer_box):
    """With no file named the seeded map opens untitled: Save asks for a name, never the
    installed file."""
    from argmap.gui.app import default_map

    before = pathlib.Path(default_map()).read_bytes()
    window = make_window()
    window.document.load_copy(default_map())
    assert window.document.path is None and len(window.document.amap) > 10
    assert not window.document.modified and "Untitled" in window.windowTitle()
    _edit(window)
    from PySide6.QtWidgets import QFileDialog

    asked = []
    original = QFileDialog.getSaveFileName
    QFileDialog.getSaveFileName = staticmethod(lambda *a, **k: asked.append(a) or ("", ""))
    try:
        assert not window.save()
    finally:
        QFileDialog.getSaveFileName = original
    assert asked and pathlib.Path(default_map()).read_bytes() == before
