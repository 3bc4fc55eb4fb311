"""The window's file life cycle, docks, find, layout and export, driven for real."""

import os

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QMessageBox

from argmap import cli
from argmap.formats import native
from argmap.model import queries


def _answer_next_dialog(button):
    """Click *button* on the next modal message box, once it is shown."""

    def click():
        box = QApplication.activeModalWidget()
        if isinstance(box, QMessageBox):
            box.button(button).click()
        else:
            QTimer.singleShot(20, click)

    QTimer.singleShot(0, click)


def test_save_reopen_round_trip_and_title(make_window, map_file, tmp_path):
    """An edit marks the title modified; Save writes a file that reopens to the same map."""
    window = make_window(map_file)
    main = queries.main_claims(window.document.amap)[0]
    window.scene.select_nodes([main])
    window.document.add_child(
        window.selection.single(), "support", text="Encryption protects dissidents"
    )
    assert window.isWindowModified()
    target = tmp_path / "saved.argmap"
    assert window.save_to(str(target))
    assert not window.isWindowModified()
    assert "saved.argmap" in window.windowTitle()
    again = make_window(target)
    assert again.document.amap.snapshot() == window.document.amap.snapshot()
    assert str(target) in window.recent_menu.paths()


def test_close_with_unsaved_changes_asks(make_window, map_file):
    """Closing with unsaved changes asks; Cancel keeps the window open, Discard closes it."""
    window = make_window(map_file)
    window.scene.select_nodes([queries.main_claims(window.document.amap)[0]])
    window.document.add_child(window.selection.single(), "evidence", text="A figure")
    _answer_next_dialog(QMessageBox.Cancel)
    assert not window.close()
    assert window.isVisible()
    _answer_next_dialog(QMessageBox.Discard)
    assert window.close()
    assert native.load(map_file).snapshot() != window.document.amap.snapshot()


def test_close_with_save_writes_the_file(make_window, map_file):
    """Choosing Save in the prompt saves the map before the window closes."""
    window = make_window(map_file)
    window.scene.select_nodes([queries.main_claims(window.document.amap)[0]])
    window.document.add_child(window.selection.single(), "evidence", text="Saved on close")
    _answer_next_dialog(QMessageBox.Save)
    assert window.close()
    texts = [a["text"] for _, a in native.load(map_file).graph.nodes(data=True)]
    assert "Saved on close" in texts


def test_broken_file_shows_error_and_keeps_map(make_window, map_file, tmp_path):
    """Opening a broken file shows a dialog naming the problem; the current map stays."""
    window = make_window(map_file)
    before = window.document.amap.snapshot()
    broken = tmp_path / "broken.argmap"
    broken.write_text('{"format": "argmap", "version": 1, "nodes": [{"id": "a"}], "edges": []}')
    assert not window.open_path(str(broken))
    box = window.findChild(QMessageBox, "error-dialog")
    assert box is not None and "broken.argmap" in box.text()
    assert window.document.amap.snapshot() == before
    box.close()


def test_failed_save_keeps_old_file_and_says_why(make_window, map_file, tmp_path):
    """Saving into a folder that does not exist fails with a dialog; nothing is written."""
    window = make_window(map_file)
    target = tmp_path / "missing" / "x.argmap"
    assert not window.save_to(str(target))
    box = window.findChild(QMessageBox, "error-dialog")
    assert box is not None and "not saved" in box.windowTitle().lower() + box.text().lower()
    assert not target.exists()


def test_outline_and_canvas_selection_follow_each_other(make_window, map_file, qtbot):
    """Selecting on the canvas selects the outline row, and the other way round."""
    window = make_window(map_file)
    qtbot.waitUntil(lambda: window.outline.topLevelItemCount() > 0)
    amap = window.document.amap
    objection = next(n for n, a in amap.graph.nodes(data=True) if a["kind"] == "counterclaim")
    window.scene.select_nodes([objection])
    qtbot.waitUntil(lambda: window.outline.selected_ids() == [objection])
    rows = {i.data(0, Qt.UserRole): i for i in window.outline._all_items()}
    evidence = next(n for n, a in amap.graph.nodes(data=True) if a["kind"] == "evidence")
    window.outline.clearSelection()
    rows[evidence].setSelected(True)
    assert window.scene.selected_nodes() == [evidence]
    assert window.inspector.node_id == evidence


def test_outline_mirrors_structure_and_edits(make_window, map_file, qtbot):
    """The outline nests premises under their targets and renaming a row edits the node."""
    window = make_window(map_file)
    amap = window.document.amap
    main = queries.main_claims(amap)[0]
    qtbot.waitUntil(lambda: window.outline.topLevelItemCount() > 0)
    top = window.outline.topLevelItem(0)
    assert top.data(0, Qt.UserRole) == main
    assert [top.child(i).data(0, Qt.UserRole) for i in range(top.childCount())] == queries.children(
        amap, main
    )
    _rename_in_outline(window, qtbot, top, "Renamed main claim")
    qtbot.waitUntil(lambda: amap.node(main)["text"] == "Renamed main claim")
    window.document.undo_stack.undo()
    qtbot.waitUntil(lambda: window.outline.topLevelItem(0).text(0) != "Renamed main claim")


def _rename_in_outline(window, qtbot, row, text):
    """Select *row*, press F2, type *text* over the old one and press Enter."""
    outline = window.outline
    outline.setFocus()
    outline.setCurrentItem(row)
    QTest.keyClick(outline, Qt.Key_F2)
    editor = QApplication.focusWidget()
    assert editor is not outline and editor is not None
    editor.selectAll()
    QTest.keyClicks(editor, text)
    QTest.keyClick(editor, Qt.Key_Return)


def test_outline_rename_keeps_text_that_looks_like_a_mark(make_window, map_file, qtbot):
    """A statement starting with "+ " or "− " keeps it when renamed in the outline."""
    window = make_window(map_file)
    amap = window.document.amap
    main = queries.main_claims(amap)[0]
    child = queries.children(amap, main)[0]
    qtbot.waitUntil(lambda: window.outline.topLevelItemCount() > 0)
    row = window.outline.topLevelItem(0).child(0)
    assert row.text(0).startswith(("+ ", "− "))  # the mark of its relation
    _rename_in_outline(window, qtbot, row, "+ 1 more reason")
    qtbot.waitUntil(lambda: amap.node(child)["text"] == "+ 1 more reason")
    row = window.outline.topLevelItem(0).child(0)
    outline_editor_text = []
    window.outline.setCurrentItem(row)
    QTest.keyClick(window.outline, Qt.Key_F2)
    outline_editor_text.append(QApplication.focusWidget().text())
    QTest.keyClick(QApplication.focusWidget(), Qt.Key_Escape)
    assert outline_editor_text == ["+ 1 more reason"]


def test_inspector_typing_is_one_undo_step(make_window, map_file, qtbot):
    """Typing a speaker in the inspector changes the model as you type, undone in one step."""
    window = make_window(map_file)
    amap = window.document.amap
    main = queries.main_claims(amap)[0]
    window.scene.select_nodes([main])
    old = amap.node(main).get("speaker")
    field = window.inspector.fields["speaker"]
    field.clear()
    field.setFocus()
    count = window.document.undo_stack.count()
    qtbot.keyClicks(field, "NDAA")
    assert amap.node(main)["speaker"] == "NDAA"
    assert window.document.undo_stack.count() == count + 1
    window.document.undo_stack.undo()
    assert amap.node(main).get("speaker") == old
    assert field.text() == (old or "")


def test_find_highlights_and_steps_through_matches(make_window, map_file, qtbot):
    """Ctrl+F's field highlights matching nodes (text, speaker); Enter selects them in turn."""
    window = make_window(map_file)
    window.registry["find"].trigger()
    qtbot.keyClicks(window.find_bar.field, "iacp")
    amap = window.document.amap
    expected = [
        n
        for n, a in amap.graph.nodes(data=True)
        if "iacp" in (a["text"] + a.get("speaker", "")).lower()
    ]
    assert expected and window.find_bar.results == expected
    assert all(window.scene.nodes[n].highlighted for n in expected)
    assert not any(item.highlighted for n, item in window.scene.nodes.items() if n not in expected)
    qtbot.keyClick(window.find_bar.field, Qt.Key_Return)
    assert window.scene.selected_nodes() == expected[:1]
    window.find_bar.dim.setChecked(True)
    others = [i for n, i in window.scene.nodes.items() if n not in expected]
    assert others and all(i.opacity() < 0.5 for i in others)


def test_zoom_actions_change_the_view(make_window, map_file):
    """Zoom in, out and actual size act on the view and show in the status bar."""
    window = make_window(map_file)
    window.registry["zoom_reset"].trigger()
    window.registry["zoom_in"].trigger()
    assert window.view.zoom == pytest.approx(1.25)
    assert window.status.zoom_label.text() == "125%"
    window.registry["zoom_out"].trigger()
    assert window.view.zoom == pytest.approx(1.0)


@pytest.mark.graphviz
def test_map_without_positions_is_laid_out_by_graphviz(make_window, small_map, tmp_path, qtbot):
    """A map with no positions gets Graphviz positions off the GUI thread; no card overlaps."""
    path = tmp_path / "bare.argmap"
    native.save(small_map, path)
    window = make_window(path)
    amap = window.document.amap
    qtbot.waitUntil(lambda: all("pos" in a for _, a in amap.graph.nodes(data=True)), timeout=20000)
    assert not window.document.modified
    rects = [i.sceneBoundingRect() for i in window.scene.nodes.values()]
    for i, a in enumerate(rects):
        assert not any(a.intersects(b) for b in rects[i + 1 :])
    main = queries.main_claims(amap)[0]
    assert amap.node(main)["pos"][1] == min(a["pos"][1] for _, a in amap.graph.nodes(data=True))


@pytest.mark.graphviz
def test_tidy_layout_is_one_undo_step(make_window, map_file, qtbot):
    """Tidy Layout moves nodes as one step that undo reverses."""
    window = make_window(map_file)
    amap = window.document.amap
    before = {n: a["pos"] for n, a in amap.graph.nodes(data=True)}
    window.registry["tidy"].trigger()
    qtbot.waitUntil(lambda: window.document.undo_stack.count() == 1, timeout=20000)
    assert {n: a["pos"] for n, a in amap.graph.nodes(data=True)} != before
    window.document.undo_stack.undo()
    assert {n: a["pos"] for n, a in amap.graph.nodes(data=True)} == before


@pytest.mark.graphviz
@pytest.mark.parametrize("fmt", ["png", "svg", "pdf", "dot"])
def test_export_from_window_equals_cli(make_window, map_file, tmp_path, qtbot, fmt):
    """Export from the window writes the same bytes as `argmap export`."""
    from argmap.gui.export_dialog import export_to
    from argmap.render.options import ExportOptions

    window = make_window(map_file)
    ours = tmp_path / f"window.{fmt}"
    export_to(window.document, str(ours), ExportOptions(fmt=fmt))
    qtbot.waitUntil(ours.exists, timeout=30000)
    qtbot.waitUntil(lambda: not window.document.jobs.active, timeout=30000)
    theirs = tmp_path / f"cli.{fmt}"
    assert cli.main(["export", str(map_file), "-o", str(theirs)]) == 0
    assert ours.read_bytes() == theirs.read_bytes()
    assert os.path.getsize(ours) > 100


def test_window_paints_cards_in_kind_colours(make_window, map_file):
    """A grab of the window shows the claim and counterclaim fills of the style table."""
    from argmap.render.style import KIND_STYLE

    window = make_window(map_file)
    window.view.fit()
    image = window.view.viewport().grab().toImage()
    colours = {
        image.pixelColor(x, y).name().upper()
        for x in range(0, image.width(), 3)
        for y in range(0, image.height(), 3)
    }
    assert KIND_STYLE["claim"]["fill"].upper() in colours
    assert KIND_STYLE["counterclaim"]["fill"].upper() in colours


def _tree(outline):
    def walk(item):
        return [
            (item.child(i).data(0, Qt.UserRole), item.child(i).text(0), walk(item.child(i)))
            for i in range(item.childCount())
        ]

    return walk(outline.invisibleRootItem())


def test_outline_follows_edits_row_by_row_like_a_full_redraw(
    make_window, map_file, qtbot, answer_box
):
    """After adds, links, relation changes, deletes and undos, the outline updated row by
    row is the same tree as one redrawn from scratch."""
    window = make_window(map_file)
    amap = window.document.amap
    main = queries.main_claims(amap)[0]
    objection = next(n for n, a in amap.graph.nodes(data=True) if a["kind"] == "counterclaim")
    window.scene.select_nodes([objection])
    child = window.document.add_child(window.selection.single(), "rebuttal", text="Rebuttal two")
    window.scene.select_nodes([main])
    window.document.add_child(window.selection.single(), "evidence", text="A second exhibit")
    window.scene.select_nodes([child])
    window.registry["relation_supports"].trigger()
    loose = window.document.add_main_claim("A loose claim")
    window.view.close_editor()
    window.scene.select_nodes([loose, objection])
    window.registry["connect_supports"].trigger()
    window.scene.select_nodes([child])
    if window.document.amap.graph.in_degree(child):
        answer_box("delete-question", "Keep Them")
    window.registry["delete"].trigger()
    window.document.undo_stack.undo()
    window.document.undo_stack.undo()
    qtbot.waitUntil(lambda: not window.outline.following)
    incremental = _tree(window.outline)
    window.outline.rebuild()
    assert incremental == _tree(window.outline)
    ids = []
    stack = list(incremental)
    while stack:
        node_id, _, rows = stack.pop()
        ids.append(node_id)
        stack.extend(rows)
    assert child in ids and loose in ids and set(ids) == set(amap.graph.nodes)
