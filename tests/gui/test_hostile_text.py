"""Text from a map is shown as plain text everywhere: markup in it never makes Qt read a file."""

import json
import os
import time

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QApplication, QLabel, QToolTip


@pytest.fixture
def marker(tmp_path):
    """A file whose access time shows whether anything read it since the test began."""
    path = tmp_path / "marker.png"
    path.write_bytes(b"\x89PNG\r\n\x1a\n" + b"\0" * 64)
    os.utime(path, (1, time.time()))
    with open(path, "rb") as handle:
        handle.read()
    if os.stat(path).st_atime <= 1:
        pytest.skip("this file system does not record reading times (noatime)")
    os.utime(path, (1, time.time()))
    return path


def _was_read(path):
    return os.stat(path).st_atime > 1


def _hostile_map(tmp_path, marker):
    """A map whose every text field holds markup naming the marker file."""
    evil = f'<img src="{marker}"><b>bold</b>'
    doc_text = f"An article. {evil} It ends."
    start = doc_text.index(evil)
    span = {"doc": "d1", "start": start, "end": start + len(evil), "quote": evil}
    fields = {k: evil for k in ("speaker", "citation", "url", "date", "note")}
    data = {
        "format": "argmap",
        "version": 1,
        "map": {"title": evil, "description": evil},
        "nodes": [
            {"id": "c", "kind": "claim", "text": evil, **fields, "tags": [evil]},
            {"id": "o", "kind": "counterclaim", "text": evil, "sources": [span]},
            {
                "id": "e",
                "kind": "evidence",
                "text": evil,
                "basis": "quote",
                "sources": [span],
                **fields,
            },
        ],
        "edges": [
            {"source": "o", "target": "c", "relation": "opposes", "note": evil},
            {"source": "e", "target": "o", "relation": "supports", "note": evil},
        ],
        "documents": [{"id": "d1", "title": evil, "text": doc_text, "publisher": evil}],
    }
    path = tmp_path / "hostile.argmap"
    path.write_text(json.dumps(data), encoding="utf-8")
    return str(path)


def _show_every_tooltip(window, qtbot):
    """Show the tooltip of every card, link and outline row, as hovering would."""
    texts = [item.toolTip() for item in window.scene.nodes.values()]
    texts += [item.toolTip() for item in window.scene.edges.values()]
    stack = [window.outline.topLevelItem(i) for i in range(window.outline.topLevelItemCount())]
    while stack:
        row = stack.pop()
        texts.append(row.toolTip(0))
        stack.extend(row.child(i) for i in range(row.childCount()))
    for text in texts:
        QToolTip.showText(window.mapToGlobal(QPoint(50, 50)), text, window)
        qtbot.wait(5)
    QToolTip.hideText()
    return texts


def test_hostile_markup_is_never_rendered(make_window, qtbot, tmp_path, marker):
    """Opening, selecting, hovering and refusing an edit on a hostile map never reads the file."""
    window = make_window(_hostile_map(tmp_path, marker))
    amap = window.document.amap
    assert len(amap) == 3
    texts = _show_every_tooltip(window, qtbot)
    assert texts and all("<img" not in t for t in texts)  # escaped, never raw markup
    for node in amap.graph.nodes:
        window.scene.select_nodes([node])
        qtbot.wait(5)
    window.scene.select_nodes([])
    window.selection.set([], [("o", "c")])
    window.sources_dock.show()
    window.scene.select_nodes(["c", "o"])
    window.registry["connect_supports"].trigger()  # refused: the dialog quotes the texts
    qtbot.wait(20)
    for label in window.findChildren(QLabel):
        if "<img" in label.text():
            assert label.textFormat() == Qt.PlainText, label.objectName()
    window.grab()  # paint every widget once
    assert not _was_read(marker)
    for box in QApplication.topLevelWidgets():
        if box.objectName() == "error-dialog":
            box.close()


def test_a_broken_hostile_file_is_reported_as_plain_text(make_window, qtbot, tmp_path, marker):
    """An invalid file quoting markup in its error is reported without reading the file."""
    bad = tmp_path / "broken.argmap"
    bad.write_text(
        json.dumps(
            {
                "format": "argmap",
                "version": 1,
                "nodes": [{"id": "x", "kind": f'<img src="{marker}">', "text": "t"}],
                "edges": [],
            }
        ),
        encoding="utf-8",
    )
    window = make_window()
    assert not window.open_path(str(bad))
    box = next(w for w in QApplication.topLevelWidgets() if w.objectName() == "error-dialog")
    assert box.textFormat() == Qt.PlainText and "<img" in box.text()
    window.grab()
    box.grab()
    assert not _was_read(marker)
    box.close()
