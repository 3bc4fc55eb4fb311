"""Every action of the window, triggered on a real map and on an empty one, with every
dialog it opens accepted, then cancelled: the editor survives each, with no Qt warning.

A new action or dialog is walked without a test of its own: the walk reads the window's
action registry, and answers whatever dialog comes up.
"""

import os
import shutil

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtGui import QDesktopServices
from PySide6.QtPrintSupport import QPrinterInfo, QPrintPreviewDialog
from PySide6.QtWidgets import QApplication, QDialog, QFileDialog, QLineEdit, QMessageBox

from argmap import resources
from argmap.gui.main_window import MainWindow

#: Actions that end the window, walked last.
LAST = ("close", "quit")
#: How often the answerer looks for a dialog (ms), and how long a preview is shown first.
TICK_MS = 30
PREVIEW_TICKS = 5


class Answerer:
    """Answers every dialog that comes up: ``accept`` (OK, Save, a file in *folder*) or
    ``cancel`` (Escape), and records what it answered.

    A print preview is answered once it has painted its pages. With no printer installed,
    the system's print dialog prints to a PDF file beside the map (or in the home folder).
    """

    def __init__(self, mode, folder):
        self.mode = mode
        self.folder = folder
        self.answered = []
        self.previews = []
        self._ticks = {}
        self._timer = QTimer()
        self._timer.setInterval(TICK_MS)
        self._timer.timeout.connect(self._answer)
        self._timer.start()

    def stop(self):
        self._timer.stop()

    def _answer(self):
        dialog = QApplication.activeModalWidget()
        if dialog is None or not dialog.isVisible():
            return
        if isinstance(dialog, QPrintPreviewDialog):
            self._answer_preview(dialog)
            return
        tries = self._ticks[id(dialog)] = self._ticks.get(id(dialog), 0) + 1
        if tries > 3:  # answered, and still open: the walk fails on it
            dialog.reject()
            return
        said = f" {dialog.text()!r}" if isinstance(dialog, QMessageBox) else ""
        self.answered.append(f"{type(dialog).__name__} {dialog.windowTitle()!r}{said}")
        if self.mode == "cancel":
            dialog.reject()
        elif isinstance(dialog, QFileDialog):
            self._accept_file(dialog)
        elif isinstance(dialog, QMessageBox):
            self._accept_message(dialog)
        elif isinstance(dialog, QDialog):
            dialog.accept()

    def _answer_preview(self, dialog):
        """Close a print preview a few ticks after it showed, keeping a picture of it."""
        ticks = self._ticks.get(id(dialog), 0) + 1
        self._ticks[id(dialog)] = ticks
        if ticks < PREVIEW_TICKS:
            return
        self.previews.append(dialog.grab())
        self.answered.append(f"QPrintPreviewDialog {dialog.windowTitle()!r}")
        dialog.reject()

    def _accept_file(self, dialog):
        """Type a new file in the folder to save to, or the copy there to open, and press
        Enter, as a person would."""
        if dialog.acceptMode() == QFileDialog.AcceptSave:
            suffix = _suffix_of(dialog.selectedNameFilter()) or ".argmap"
            name = self.folder / f"saved-{len(self.answered)}{suffix}"
        else:
            wanted = ".txt" if "txt" in " ".join(dialog.nameFilters()) else ".argmap"
            name = self.folder / f"input{wanted}"
        dialog.findChild(QLineEdit, "fileNameEdit").setText(str(name))
        dialog.accept()

    def _accept_message(self, box):
        default = box.defaultButton()
        if default is not None:
            default.click()
        else:
            box.accept()


def _suffix_of(name_filter):
    """``.png`` from ``PNG pictures (*.png *.PNG)``; None when the filter names none."""
    if "(*." not in name_filter:
        return None
    return "." + name_filter.split("(*.", 1)[1].split()[0].rstrip(")")


@pytest.fixture
def walk_folder(tmp_path):
    """A folder with a copy of the seeded map and a seed article, for dialogs to pick."""
    shutil.copy(resources.path(*resources.SEEDED_MAP), tmp_path / "input.argmap")
    seeds = resources.path("seeds")
    article = sorted(n for n in os.listdir(seeds) if n.endswith(".txt"))[0]
    shutil.copy(os.path.join(seeds, article), tmp_path / "input.txt")
    return tmp_path


def _windows():
    return [w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow)]


def _settle(qtbot, window):
    """Let the action's jobs and dialogs finish."""
    qtbot.waitUntil(lambda: not window.document.jobs.active, timeout=60000)
    qtbot.wait(TICK_MS * 3)


def _select_a_card(window):
    """Select the newest card, so that card actions have a target (and deleting it leaves
    the rest of the map to print)."""
    amap = window.document.amap
    if len(amap):
        window.selection.set([list(amap.graph.nodes)[-1]])


def _walk(window, qtbot, answerer, names):
    for name in names:
        if window.isHidden():
            break
        _select_a_card(window)
        action = window.registry[name]
        if action.isEnabled():
            action.trigger()
        _settle(qtbot, window)
        assert not QApplication.activeModalWidget(), f"{name} left a dialog open"


@pytest.mark.graphviz
@pytest.mark.parametrize("mode", ["accept", "cancel"])
@pytest.mark.parametrize("start", ["seeded", "empty"])
def test_every_action_and_dialog_on_a_real_window(
    make_window, qtbot, walk_folder, monkeypatch, mode, start
):
    """Each action runs on the seeded map and on an empty one, each dialog accepted or
    cancelled (the print preview painted, then closed), and the editor survives."""
    opened_urls = []
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: opened_urls.append(url) or True)
    monkeypatch.setenv("HOME", str(walk_folder))  # where an untitled map prints to a file
    path = walk_folder / "walk.argmap"
    if start == "seeded":
        shutil.copy(walk_folder / "input.argmap", path)
    window = make_window(str(path) if start == "seeded" else None)
    before = set(_windows())
    answerer = Answerer(mode, walk_folder)
    try:
        names = [n for n in window.registry.names() if n not in LAST]
        _walk(window, qtbot, answerer, names)
        assert window.isVisible()
        assert window.findChild(QDialog, "guide-dialog").isVisible()  # F1 showed the guide
        for other in set(_windows()) - before:
            other.document.undo_stack.setClean()
            other.close()
        _walk(window, qtbot, answerer, LAST)
    finally:
        answerer.stop()
    assert any("Print" in answered for answered in answerer.answered)
    if mode == "accept":
        assert answerer.previews and not answerer.previews[0].isNull()
        if not QPrinterInfo.availablePrinters():
            printed = list(walk_folder.glob("*.pdf"))
            assert printed and printed[0].read_bytes().startswith(b"%PDF")
