"""File > New Map from Documents opens on the Sources, with the keys that make cards shown."""

import json

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QApplication, QFileDialog, QWidget

from argmap import resources
from argmap.gui.main_window import MainWindow

KEYS = ("Ctrl+Alt+C", "Ctrl+Alt+O", "Ctrl+Alt+E")


@pytest.fixture
def documents(tmp_path):
    """The seed articles of the shipped map, as text files."""
    with open(resources.path(*resources.SEEDED_MAP), encoding="utf-8") as handle:
        records = json.load(handle)["documents"]
    paths = []
    for record in records:
        path = tmp_path / f"{record['id']}.txt"
        path.write_text(record["text"], encoding="utf-8")
        paths.append(str(path))
    return paths


@pytest.fixture
def started(make_window, documents, monkeypatch, qtbot):
    """``start(action)``: choose the documents in the file dialog of *action*; return the
    window it opens, closed after the test without asking to save."""
    monkeypatch.setattr(QFileDialog, "getOpenFileNames", lambda *a, **k: (documents, ""))
    window = make_window()
    opened = []

    def start(action):
        before = list(MainWindow.windows)
        window.registry[action].trigger()
        (new,) = [w for w in MainWindow.windows if w not in before]
        opened.append(new)
        qtbot.waitExposed(new)
        qtbot.waitUntil(lambda: not new.document.jobs.active, timeout=30000)
        return new

    yield start
    for new in opened:
        new.document.undo_stack.setClean()
        new.close()


def test_a_map_from_documents_opens_on_the_sources_with_the_keys_named(started, qtbot):
    """The new window shows the Sources dock in front with the first article, the key hint
    and the status bar name the keys, and those keys make a card of a selected passage."""
    new = started("new_from_documents")
    dock = new.sources_dock
    assert dock.isVisible() and not dock.visibleRegion().isEmpty()
    assert dock.text.toPlainText().startswith(
        next(iter(new.document.amap.documents.values()))["text"][:40]
    )
    hint = new.view.findChild(QWidget, "key-hint")
    assert hint.isVisible() and all(key in hint.text() for key in KEYS)
    assert all(key in new.statusBar().currentMessage() for key in KEYS)
    new.windowHandle().requestActivate()
    qtbot.waitUntil(new.isActiveWindow)
    qtbot.waitUntil(dock.text.hasFocus)
    cursor = dock.text.textCursor()
    cursor.setPosition(0)
    cursor.movePosition(QTextCursor.EndOfBlock, QTextCursor.KeepAnchor)
    dock.text.setTextCursor(cursor)
    qtbot.keyClick(dock.text, Qt.Key_C, Qt.ControlModifier | Qt.AltModifier)
    (node,) = new.document.amap.graph.nodes
    assert new.document.amap.node(node)["kind"] == "claim"
    assert QApplication.activeWindow() is new


def test_a_draft_map_from_documents_opens_on_the_sources_too(started):
    """The draft, too, opens on the Sources, and the status bar names the key that accepts
    a draft card beside the keys that make cards."""
    new = started("new_draft_from_documents")
    assert new.sources_dock.isVisible() and not new.sources_dock.visibleRegion().isEmpty()
    message = new.statusBar().currentMessage()
    assert "Ctrl+Alt+A" in message and all(key in message for key in KEYS)
