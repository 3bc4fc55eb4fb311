"""Fixtures for driving the real main window offscreen."""

import os

import pytest

from argmap.formats import native


@pytest.fixture
def settings(tmp_path, qapp):
    from PySide6.QtCore import QSettings

    return QSettings(str(tmp_path / "settings.ini"), QSettings.IniFormat)


@pytest.fixture(autouse=True)
def empty_clipboard(qapp):
    """Leave the clipboard empty: Qt must not free argmap's clipboard data after Python exits."""
    yield
    from argmap.gui.clipboard import release_clipboard

    release_clipboard()


@pytest.fixture
def make_window(qtbot, settings):
    """Open a main window (on a map file, if given) and close it after the test."""
    from argmap.gui.main_window import MainWindow

    opened = []

    def make(path=None):
        window = MainWindow(path, settings=settings)
        qtbot.addWidget(window, before_close_func=_discard_changes)
        window.resize(1200, 800)
        window.show()
        qtbot.waitExposed(window)
        window.windowHandle().requestActivate()
        qtbot.waitUntil(window.isActiveWindow)
        opened.append(window)
        return window

    yield make


def _discard_changes(window):
    window.document.undo_stack.setClean()
    for job in list(window.document.jobs.active):
        job.signals.blockSignals(True)


@pytest.fixture
def map_file(tmp_path, small_map):
    """The small map of tests/conftest.py, placed and saved to a file."""
    from argmap.model import edits

    positions = {
        node: (300.0 * (i % 3), 180.0 * (i // 3)) for i, node in enumerate(small_map.graph.nodes)
    }
    small_map.apply(edits.move_nodes(small_map, positions))
    path = tmp_path / "debate.argmap"
    native.save(small_map, path)
    os.remove(str(path) + ".bak") if os.path.exists(str(path) + ".bak") else None
    return path


@pytest.fixture
def answer_box(qapp):
    """``answer(name, label)``: when the question box *name* opens, press its button *label*.

    Returns a list that records the texts of the boxes answered.
    """
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication, QMessageBox

    seen = []

    def answer(name, label):
        def press():
            boxes = [
                w
                for w in QApplication.topLevelWidgets()
                if isinstance(w, QMessageBox) and w.objectName() == name and w.isVisible()
            ]
            if not boxes:
                QTimer.singleShot(20, press)
                return
            box = boxes[0]
            seen.append(box.text())
            button = next(b for b in box.buttons() if b.text().replace("&", "") == label)
            button.click()

        QTimer.singleShot(0, press)
        return seen

    return answer
