"""The keyboard everywhere: to the Inspector and back, links and co-premises by keys, Tab on
the canvas only adds, and a card stays selected after Esc, Delete, Undo and Redo."""

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from argmap.gui.outline_rows import ID_ROLE
from argmap.model import queries


def _key(window, key, modifiers=Qt.NoModifier):
    """Press *key* where the focus is, as a person would."""
    QTest.keyClick(QApplication.focusWidget() or window, key, modifiers)


def _focus_canvas(window, qtbot):
    window.view.setFocus()
    qtbot.waitUntil(window.view.hasFocus)


@pytest.fixture
def seeded_window(make_window, shipped_map):
    window = make_window(str(shipped_map("maps", "encryption-backdoors.argmap")))
    return window


def _leaf_and_target(amap):
    """A card nothing bears on, and the point it bears on."""
    leaf = next(n for n in amap.graph if amap.graph.in_degree(n) == 0 and amap.graph.out_degree(n))
    return leaf, next(iter(amap.graph.successors(leaf)))


def test_ctrl_i_goes_to_the_inspector_and_back(seeded_window, qtbot):
    """Ctrl+I puts the cursor in the selected card's text in the Inspector; Ctrl+I again, or
    Esc, returns to the canvas with the card still selected."""
    window = seeded_window
    main = queries.main_claims(window.document.amap)[0]
    window.selection.set([main])
    _focus_canvas(window, qtbot)
    _key(window, Qt.Key_I, Qt.ControlModifier)
    assert QApplication.focusWidget() is window.inspector.text
    _key(window, Qt.Key_Tab)  # on to the Kind field: Tab moves focus there, adds no card
    assert window.inspector.isAncestorOf(QApplication.focusWidget())
    _key(window, Qt.Key_I, Qt.ControlModifier)
    assert QApplication.focusWidget() is window.view
    _key(window, Qt.Key_I, Qt.ControlModifier)
    _key(window, Qt.Key_Escape)
    assert QApplication.focusWidget() is window.view
    assert window.selection.nodes == [main]


def test_tab_through_the_window_adds_no_stray_cards(seeded_window, qtbot):
    """Tabbing on from the Inspector through the window never piles up cards: Tab on a
    new card left as it came takes it back instead of adding another."""
    window = seeded_window
    amap = window.document.amap
    window.selection.set([queries.main_claims(amap)[0]])
    window.inspector.text.setFocus()
    qtbot.waitUntil(window.inspector.text.hasFocus)
    before = len(amap)
    for _ in range(30):
        _key(window, Qt.Key_Tab)
        assert len(amap) <= before + 1
    if len(amap) > before:  # a new card is open for typing: Esc takes it back
        _key(window, Qt.Key_Escape)
    assert len(amap) == before


def test_overlays_take_no_focus(seeded_window):
    """The overview, the key hint and the legend over the canvas are not in the Tab chain."""
    window = seeded_window
    assert window.view.overlays
    assert all(w.focusPolicy() == Qt.NoFocus for w in window.view.overlays)


def test_links_are_selected_and_walked_by_keys(seeded_window, qtbot):
    """Alt+Up selects the link to what a card bears on (the Inspector shows it), Up goes on
    to that point, Alt+Down selects a link from one of its premises, Esc its premise."""
    window = seeded_window
    amap = window.document.amap
    leaf, target = _leaf_and_target(amap)
    window.selection.set([leaf])
    _focus_canvas(window, qtbot)
    _key(window, Qt.Key_Up, Qt.AltModifier)
    assert window.selection.edges == [(leaf, target)] and window.selection.nodes == []
    assert window.inspector.edge == (leaf, target)
    _key(window, Qt.Key_Up)
    assert window.selection.nodes == [target]
    _key(window, Qt.Key_Down, Qt.AltModifier)
    (link,) = window.selection.edges
    assert link[1] == target and amap.graph.has_edge(*link)
    _key(window, Qt.Key_Down, Qt.AltModifier)  # the next premise's link
    if amap.graph.in_degree(target) > 1:
        assert window.selection.edges != [link]
    _key(window, Qt.Key_Escape)
    assert window.selection.nodes == [window.selection.nodes[0]]
    assert amap.graph.has_edge(window.selection.nodes[0], target)


def _outline_text(window, node, parent):
    """The Outline's text for *node* under *parent* ("" until the row is there)."""
    rows = window.outline.rows_of(node)
    found = [r for r in rows if r.parent() and r.parent().data(0, ID_ROLE) == parent]
    return found[0].text(0) if found else ""


def test_co_premises_by_keys_and_in_the_outline(seeded_window, qtbot):
    """Shift+Enter adds a co-premise (one group with the selected premise), the Outline marks
    both; Ctrl+G makes two premises co-premises, Ctrl+Shift+G separates them."""
    window = seeded_window
    amap = window.document.amap
    leaf, target = _leaf_and_target(amap)
    group_before = amap.edge(leaf, target).get("group")
    window.selection.set([leaf])
    _focus_canvas(window, qtbot)
    _key(window, Qt.Key_Return, Qt.ShiftModifier)
    editor = window.view.editor
    assert editor is not None
    QTest.keyClicks(editor, "Police cannot read it")
    _key(window, Qt.Key_Return, Qt.ControlModifier)
    (new,) = [
        n for n in amap.graph.predecessors(target) if amap.node(n)["text"].startswith("Police")
    ]
    group = amap.edge(leaf, target)["group"]
    assert group and amap.edge(new, target)["group"] == group
    assert amap.edge(new, target)["relation"] == amap.edge(leaf, target)["relation"]
    qtbot.waitUntil(lambda: f"[{group}]" in _outline_text(window, new, target))
    assert f"[{group}]" in _outline_text(window, leaf, target)
    window.document.undo_stack.undo()
    assert new not in amap and amap.edge(leaf, target).get("group") == group_before
    others = [p for p in amap.graph.predecessors(target) if p != leaf][:1]
    if not others:
        pytest.skip("the card has no sibling on the seeded map")
    window.selection.set([leaf, others[0]])
    _key(window, Qt.Key_G, Qt.ControlModifier | Qt.ShiftModifier)
    assert "group" not in amap.edge(leaf, target)
    _key(window, Qt.Key_G, Qt.ControlModifier)
    group = amap.edge(leaf, target)["group"]
    assert group and amap.edge(others[0], target)["group"] == group
    _key(window, Qt.Key_G, Qt.ControlModifier | Qt.ShiftModifier)
    assert "group" not in amap.edge(leaf, target)


def test_a_card_stays_selected_after_delete_undo_and_redo(seeded_window, qtbot):
    """Deleting a card selects what it bore on; undoing and redoing keep a card selected."""
    window = seeded_window
    amap = window.document.amap
    leaf, target = _leaf_and_target(amap)
    window.selection.set([leaf])
    _focus_canvas(window, qtbot)
    _key(window, Qt.Key_Delete)
    assert leaf not in amap and window.selection.nodes == [target]
    _key(window, Qt.Key_Z, Qt.ControlModifier)
    assert leaf in amap and window.selection.nodes
    _key(window, Qt.Key_Y, Qt.ControlModifier)
    assert leaf not in amap and window.selection.nodes == [target]
    _key(window, Qt.Key_Tab)  # and the keys go on from there
    assert window.view.editor is not None
