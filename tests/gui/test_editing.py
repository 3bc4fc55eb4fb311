"""The editor driven through its own actions, keys and mouse, checked against the model."""

from PySide6.QtCore import QEvent, QPoint, QPointF, Qt
from PySide6.QtGui import QGuiApplication, QMouseEvent
from PySide6.QtWidgets import QApplication

from argmap.model import queries


def _main(window):
    return queries.main_claims(window.document.amap)[0]


def _select(window, node_id):
    window.scene.select_nodes([node_id])
    return node_id


def _new_nodes(window, before):
    return [n for n in window.document.amap.graph.nodes if n not in before]


def test_add_supporting_claim_with_text_then_undo_redo(make_window, map_file, qtbot):
    """Adding a child through the toolbar action and typing its text is one undo step;
    Enter in the editor commits and starts a sibling, which Esc takes back."""
    window = make_window(map_file)
    amap = window.document.amap
    before = set(amap.graph.nodes)
    main = _select(window, _main(window))
    window.registry["add_support"].trigger()
    (new,) = _new_nodes(window, before)
    assert amap.edge(new, main)["relation"] == "supports"
    editor = window.view.editor
    assert editor is not None and editor.node_id == new
    qtbot.keyClicks(editor, "Strong encryption protects journalists")
    qtbot.keyClick(editor, Qt.Key_Return)
    assert amap.node(new)["text"] == "Strong encryption protects journalists"
    (sibling,) = _new_nodes(window, before | {new})
    assert amap.edge(sibling, main)["relation"] == "supports"
    assert window.view.editor.node_id == sibling
    qtbot.keyClick(window.view.editor, Qt.Key_Escape)
    assert sibling not in amap and window.view.editor is None
    stack = window.document.undo_stack
    stack.undo()
    assert new not in amap
    stack.redo()
    assert amap.node(new)["text"] == "Strong encryption protects journalists"
    assert amap.edge(new, main)["relation"] == "supports"


def test_tab_and_enter_while_typing_build_a_branch_in_one_go(make_window, map_file, qtbot):
    """Typing, Tab, typing, Enter, typing, Ctrl+Enter gives a reason with two premises."""
    window = make_window(map_file)
    amap = window.document.amap
    main = _select(window, _main(window))
    window.view.setFocus()
    qtbot.keyClick(window.view, Qt.Key_Tab)
    reason = window.view.editor.node_id
    qtbot.keyClicks(window.view.editor, "Encryption protects journalists")
    qtbot.keyClick(window.view.editor, Qt.Key_Tab)
    first = window.view.editor.node_id
    qtbot.keyClicks(window.view.editor, "Sources stay hidden")
    qtbot.keyClick(window.view.editor, Qt.Key_Return)
    second = window.view.editor.node_id
    qtbot.keyClicks(window.view.editor, "Reporters stay safe")
    qtbot.keyClick(window.view.editor, Qt.Key_Return, Qt.ControlModifier)
    assert window.view.editor is None
    assert amap.edge(reason, main)["relation"] == "supports"
    assert queries.children(amap, reason) == [first, second]
    assert [amap.node(n)["text"] for n in (reason, first, second)] == [
        "Encryption protects journalists",
        "Sources stay hidden",
        "Reporters stay safe",
    ]
    assert window.document.undo_stack.count() == 3


def test_keyboard_tab_adds_child_and_enter_adds_sibling(make_window, map_file, qtbot):
    """Tab on the canvas adds a supporting child; Enter adds a sibling under the same target."""
    window = make_window(map_file)
    amap = window.document.amap
    main = _select(window, _main(window))
    window.view.setFocus()
    before = set(amap.graph.nodes)
    qtbot.keyClick(window.view, Qt.Key_Tab)
    (child,) = _new_nodes(window, before)
    assert amap.graph.has_edge(child, main)
    qtbot.keyClick(window.view.editor, Qt.Key_Return, Qt.ControlModifier)
    window.view.setFocus()
    before = set(amap.graph.nodes)
    qtbot.keyClick(window.view, Qt.Key_Return)
    (sibling,) = _new_nodes(window, before)
    assert amap.graph.has_edge(sibling, main)
    assert queries.children(amap, main)[-2:] == [child, sibling]


def test_new_child_is_placed_without_moving_others(make_window, map_file):
    """A new node goes next to its parent; no other node moves and no card overlaps it."""
    window = make_window(map_file)
    amap = window.document.amap
    before = {n: a["pos"] for n, a in amap.graph.nodes(data=True)}
    main = _select(window, _main(window))
    window.document.add_child(window.selection.single(), "evidence", text="A statistic")
    (new,) = _new_nodes(window, before)
    assert {n: amap.node(n)["pos"] for n in before} == before
    new_rect = window.scene.nodes[new].sceneBoundingRect()
    for node in before:
        assert not window.scene.nodes[node].sceneBoundingRect().intersects(new_rect)
    assert amap.node(new)["pos"][1] > amap.node(main)["pos"][1]


def test_delete_and_undo_restores_node_edges_and_order(make_window, map_file, answer_box):
    """Delete removes a node with its edges; undo gives back the identical map."""
    window = make_window(map_file)
    amap = window.document.amap
    snapshot = amap.snapshot()
    objection = next(n for n, a in amap.graph.nodes(data=True) if a["kind"] == "counterclaim")
    _select(window, objection)
    if amap.graph.in_degree(objection):
        answer_box("delete-question", "Keep Them")
    window.registry["delete"].trigger()
    assert objection not in amap and objection not in window.scene.nodes
    window.document.undo_stack.undo()
    assert amap.snapshot() == snapshot
    assert len(window.scene.edges) == amap.graph.number_of_edges()


def _send_mouse(widget, kind, pos, buttons):
    button = Qt.LeftButton if kind != QEvent.MouseMove else Qt.NoButton
    event = QMouseEvent(
        kind, QPointF(pos), QPointF(widget.mapToGlobal(pos)), button, buttons, Qt.NoModifier
    )
    QApplication.sendEvent(widget, event)


def _drag(view, start, end, steps=5):
    viewport = view.viewport()
    _send_mouse(viewport, QEvent.MouseButtonPress, start, Qt.LeftButton)
    for i in range(1, steps + 1):
        point = start + (end - start) * i / steps
        _send_mouse(
            viewport, QEvent.MouseMove, QPoint(int(point.x()), int(point.y())), Qt.LeftButton
        )
    _send_mouse(viewport, QEvent.MouseButtonRelease, end, Qt.NoButton)


def test_drag_moves_a_node_in_one_undo_step(make_window, map_file):
    """A mouse drag of a card moves it in the model as one undoable step."""
    window = make_window(map_file)
    window.view.reset_zoom()
    amap = window.document.amap
    node = _main(window)
    item = window.scene.nodes[node]
    window.view.centerOn(item)
    old = amap.node(node)["pos"]
    start = window.view.mapFromScene(item.scenePos() + QPointF(0, 10))
    count = window.document.undo_stack.count()
    _drag(window.view, start, start + QPoint(-120, -90))
    new = amap.node(node)["pos"]
    assert abs(new[0] - (old[0] - 120)) < 2 and abs(new[1] - (old[1] - 90)) < 2
    assert window.document.undo_stack.count() == count + 1
    window.document.undo_stack.undo()
    assert amap.node(node)["pos"] == old
    assert item.pos() == QPointF(*old)


def test_drag_onto_another_node_reparents(make_window, map_file):
    """Dropping a card on another card makes it bear on that one instead."""
    window = make_window(map_file)
    window.view.reset_zoom()
    amap = window.document.amap
    evidence = next(n for n, a in amap.graph.nodes(data=True) if a["kind"] == "evidence")
    old_target = next(iter(amap.graph.successors(evidence)))
    main = _main(window)
    window.scene.select_nodes([])
    window.view.centerOn(QPointF(300, 150))
    start = window.view.mapFromScene(window.scene.nodes[evidence].scenePos())
    end = window.view.mapFromScene(window.scene.nodes[main].scenePos())
    _drag(window.view, start, end)
    assert amap.graph.has_edge(evidence, main)
    assert not amap.graph.has_edge(evidence, old_target)
    window.document.undo_stack.undo()
    assert amap.graph.has_edge(evidence, old_target)


def test_connect_two_selected_nodes_and_change_relation(make_window, map_file):
    """The connect action links the first selected node to the second; the relation menu flips
    it."""
    window = make_window(map_file)
    amap = window.document.amap
    main = _main(window)
    window.scene.select_nodes([])
    a = window.document.amap.add_node("claim", "Free node")
    window.scene.nodes[a].setSelected(True)
    window.scene.nodes[main].setSelected(True)
    assert window.registry["connect_opposes"].isEnabled()
    window.registry["connect_opposes"].trigger()
    assert amap.edge(a, main)["relation"] == "opposes"
    window.scene.select_nodes([a])
    window.registry["relation_supports"].trigger()
    assert amap.edge(a, main)["relation"] == "supports"
    window.document.undo_stack.undo()
    assert amap.edge(a, main)["relation"] == "opposes"


def test_change_kind_from_menu(make_window, map_file):
    """Change Kind turns the selected node into evidence, undoably."""
    window = make_window(map_file)
    amap = window.document.amap
    node = _select(window, _main(window))
    window.registry["kind_evidence"].trigger()
    assert amap.node(node)["kind"] == "evidence"
    window.document.undo_stack.undo()
    assert amap.node(node)["kind"] == "claim"


def test_copy_paste_subtree_between_windows(make_window, map_file, tmp_path):
    """Copy puts the subtree on the clipboard as argmap JSON and as text; paste in another
    window adds the same subtree under its selected node, with new ids."""
    first = make_window(map_file)
    amap = first.document.amap
    objection = next(n for n, a in amap.graph.nodes(data=True) if a["kind"] == "counterclaim")
    _select(first, objection)
    first.registry["copy"].trigger()
    text = QGuiApplication.clipboard().mimeData().text()
    assert amap.node(objection)["text"] in text
    second = make_window(None)
    second.document.add_main_claim("Target claim")
    second.view.close_editor()
    target = queries.main_claims(second.document.amap)[0]
    _select(second, target)
    new_ids = second.edit_actions.paste()
    other = second.document.amap
    texts = sorted(other.node(n)["text"] for n in new_ids)
    assert texts == sorted(amap.node(n)["text"] for n in queries.subtree(amap, objection))
    pasted_root = next(n for n in new_ids if other.graph.has_edge(n, target))
    assert other.node(pasted_root)["text"] == amap.node(objection)["text"]
    assert other.edge(pasted_root, target)["relation"] == "opposes"
    second.document.undo_stack.undo()
    assert list(other.graph.nodes) == [target]


def test_paste_plain_text_outline(make_window, map_file):
    """Pasting an indented text outline makes nested nodes under the selection."""
    window = make_window(map_file)
    main = _select(window, _main(window))
    QGuiApplication.clipboard().setText("Point one\n  - An objection to it\nPoint two\n")
    new_ids = window.edit_actions.paste()
    amap = window.document.amap
    by_text = {amap.node(n)["text"]: n for n in new_ids}
    assert set(by_text) == {"Point one", "An objection to it", "Point two"}
    assert amap.edge(by_text["An objection to it"], by_text["Point one"])["relation"] == "opposes"
    assert amap.graph.has_edge(by_text["Point two"], main)


def test_cut_removes_subtree_in_one_step(make_window, map_file):
    """Cut removes the selected node and what bears on it; one undo brings all back."""
    window = make_window(map_file)
    amap = window.document.amap
    snapshot = amap.snapshot()
    objection = next(n for n, a in amap.graph.nodes(data=True) if a["kind"] == "counterclaim")
    doomed = queries.subtree(amap, objection)
    _select(window, objection)
    window.registry["cut"].trigger()
    assert not doomed & set(amap.graph.nodes)
    window.document.undo_stack.undo()
    assert amap.snapshot() == snapshot


def test_collapse_hides_descendants_and_counts_them(make_window, map_file):
    """Collapsing a node hides what bears on it and shows how many are hidden."""
    window = make_window(map_file)
    amap = window.document.amap
    main = _select(window, _main(window))
    window.registry["toggle_collapse"].trigger()
    hidden = queries.subtree(amap, main) - {main}
    assert all(not window.scene.nodes[n].isVisible() for n in hidden)
    assert window.scene.nodes[main].hidden_count == len(hidden)
    window.document.undo_stack.undo()
    assert all(window.scene.nodes[n].isVisible() for n in hidden)
