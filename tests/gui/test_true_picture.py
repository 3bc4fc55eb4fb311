"""No false picture: after any edit no two cards overlap and no link runs under a card.

Random sequences of edits, done through the document's verbs and the card's text
editor as a user does them, from the seeded map and from an empty map; the
picture is checked after every step (:mod:`geometry`). ``ARGMAP_PICTURE_EXAMPLES``
sets how many sequences each start gets (50 in the usual run).
"""

import os

import pytest
from geometry import assert_true_picture, card_rect, links_under_cards
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from PySide6.QtCore import Qt

from argmap.formats import save_map
from argmap.gui import tree_layout
from argmap.model import ArgumentMap

EXAMPLES = int(os.environ.get("ARGMAP_PICTURE_EXAMPLES", "50"))
#: Tidy Layout is tried on maps up to this many cards (Graphviz runs each time).
TIDY_UP_TO = 40
LONG_TEXT = (
    "A statement that goes on and on, as people write them when they first type a reason "
    "in, long enough to wrap over many lines of the card and make it much taller than it was"
)
KINDS = ("support", "counterclaim", "evidence", "rebuttal")

step = st.one_of(
    st.tuples(st.just("child"), st.sampled_from(KINDS), st.integers(0, 10**6), st.booleans()),
    st.tuples(st.just("sibling"), st.integers(0, 10**6)),
    st.tuples(st.just("text"), st.integers(0, 10**6), st.sampled_from(["", LONG_TEXT, "Short"])),
    st.tuples(st.just("delete"), st.integers(0, 10**6)),
    st.tuples(st.just("undo")),
    st.tuples(st.just("redo")),
    st.tuples(st.just("tidy")),
    st.tuples(st.just("claim")),
)


def _pick(window, index):
    nodes = list(window.document.amap.graph.nodes)
    return nodes[index % len(nodes)] if nodes else None


def _type(window, qtbot, text, key=None):
    """Type *text* into the open card editor and commit it (with *key*: Enter adds a
    sibling, Tab a premise; else Ctrl+Enter)."""
    editor = window.view.editor
    editor.setPlainText(text)
    if key is None:
        qtbot.keyClick(editor, Qt.Key_Return, Qt.ControlModifier)
    else:
        qtbot.keyClick(editor, key)


def _close_editor(window, qtbot):
    if window.view.editor is not None:
        _type(window, qtbot, "Typed in")


def _tidy(window, qtbot):
    if not 0 < len(window.document.amap) <= TIDY_UP_TO:
        return
    window.registry["tidy"].trigger()
    qtbot.waitUntil(lambda: not window.document.jobs.active, timeout=20000)


def do(window, qtbot, action):
    """Carry out one step of a sequence on *window*."""
    document, name = window.document, action[0]
    _close_editor(window, qtbot)
    if name == "child" and (node := _pick(window, action[2])):
        document.add_child(node, action[1], None)
        if action[3] and window.view.editor is not None:
            _type(window, qtbot, "A second premise", Qt.Key_Return)  # Enter: a co-premise
    elif name == "sibling" and (node := _pick(window, action[1])):
        document.add_sibling(node)
    elif name == "text" and (node := _pick(window, action[1])):
        window.view.edit_text(node)  # F2
        _type(window, qtbot, action[2] or "x")
    elif name == "delete" and (node := _pick(window, action[1])):
        document.delete([node])
    elif name == "undo":
        document.undo_stack.undo()
    elif name == "redo":
        document.undo_stack.redo()
    elif name == "tidy":
        _tidy(window, qtbot)
    elif name == "claim":
        document.add_main_claim()
    _close_editor(window, qtbot)


@pytest.fixture
def empty_file(tmp_path):
    path = tmp_path / "empty.argmap"
    save_map(ArgumentMap("Empty"), str(path))
    return str(path)


def _run(window, qtbot, path, actions):
    window.document.load(path)
    qtbot.waitUntil(lambda: not window.document.jobs.active, timeout=20000)
    assert_true_picture(window, "opened")
    for number, action in enumerate(actions):
        do(window, qtbot, action)
        assert_true_picture(window, f"step {number} {action}")
    window.document.undo_stack.setClean()


_SETTINGS = settings(
    max_examples=EXAMPLES,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)


@_SETTINGS
@given(actions=st.lists(step, max_size=12))
def test_random_edits_of_the_seeded_map_keep_the_picture_true(
    make_window, shipped_map, qtbot, actions
):
    """Whatever a user adds, types, deletes, undoes or tidies on the seeded map, no card
    overlaps another and no link runs under a card."""
    window = _window(make_window)
    _run(window, qtbot, _seeded(shipped_map), actions)


@_SETTINGS
@given(actions=st.lists(step, max_size=16))
def test_random_edits_of_an_empty_map_keep_the_picture_true(
    make_window, empty_file, qtbot, actions
):
    """The same from an empty map, which each sequence builds up from nothing."""
    window = _window(make_window)
    _run(window, qtbot, empty_file, [("claim",), *actions])


_windows = {}
_seeded_paths = {}


def _window(make_window):
    """One window for all the examples of a test (opening one per example is slow)."""
    key = id(make_window)
    if key not in _windows:
        _windows.clear()
        _windows[key] = make_window()
    return _windows[key]


def _seeded(shipped_map):
    key = id(shipped_map)
    if key not in _seeded_paths:
        _seeded_paths.clear()
        _seeded_paths[key] = shipped_map()
    return _seeded_paths[key]


# ------------------------------------------------------------ what was seen
def _seeded_window(make_window, shipped_map, qtbot):
    window = make_window(shipped_map())
    qtbot.waitUntil(lambda: not window.document.jobs.active, timeout=20000)
    return window


def _tab_and_type(window, qtbot, node, text):
    """Select *node*, press Tab, type *text*; the editor stays open on the new card."""
    window.scene.select_nodes([node])
    window.view.setFocus()
    before = set(window.document.amap.graph.nodes)
    qtbot.keyClick(window.view, Qt.Key_Tab)
    (new,) = set(window.document.amap.graph.nodes) - before
    window.view.editor.setPlainText(text)
    return new


def test_a_co_premise_added_with_enter_goes_beside_the_first_not_under_it(
    make_window, shipped_map, qtbot
):
    """Tab on the main claim, type, Enter, type: the two new reasons sit side by side in
    one row, and neither link runs under a card (the pair does not read as a chain)."""
    window = _seeded_window(make_window, shipped_map, qtbot)
    first = _tab_and_type(window, qtbot, "n1", "Strong encryption stops criminals too")
    qtbot.keyClick(window.view.editor, Qt.Key_Return)
    second = window.view.editor.node_id
    window.view.editor.setPlainText("And criminals are the ones police chase")
    qtbot.keyClick(window.view.editor, Qt.Key_Return, Qt.ControlModifier)
    a, b = (card_rect(window.scene.nodes[n]) for n in (first, second))
    assert a.top() < b.bottom() and b.top() < a.bottom()  # level: one row, side by side
    assert not a.intersects(b)
    assert_true_picture(window)


def test_a_new_rebuttal_link_runs_under_no_other_card(make_window, shipped_map, qtbot):
    """A rebuttal of an objection is placed where its link reaches the objection without
    passing under a con reason (which would read as attacking that reason)."""
    window = _seeded_window(make_window, shipped_map, qtbot)
    for objection in ("n15", "n16", "n18", "n21"):
        new = window.document.add_child(objection, "rebuttal", "A rebuttal")
        assert not [fault for fault in links_under_cards(window.scene) if new in fault[0]]
    assert_true_picture(window)


def test_a_card_that_grows_with_f2_covers_nothing(make_window, shipped_map, qtbot):
    """A reason of the main claim whose text grows long with F2 pushes what is under it
    down, in the same undoable step, and covers neither the main claim nor any card."""
    window = _seeded_window(make_window, shipped_map, qtbot)
    document = window.document
    for node in ("n2", "n9", "n18"):
        window.scene.select_nodes([node])
        window.view.setFocus()
        qtbot.keyClick(window.view, Qt.Key_F2)
        window.view.editor.setPlainText(LONG_TEXT + " " + LONG_TEXT)
        qtbot.keyClick(window.view.editor, Qt.Key_Return, Qt.ControlModifier)
        assert_true_picture(window, node)
    steps = document.undo_stack.count()
    document.undo_stack.undo()
    assert document.undo_stack.count() == steps  # text and moves: one step
    assert_true_picture(window, "undone")


def test_the_first_tidy_layout_keeps_no_false_chain(make_window, shipped_map, qtbot):
    """Two reasons added with Tab and Enter, then Tidy Layout: the picture is true, and the
    two stand side by side under the main claim."""
    window = _seeded_window(make_window, shipped_map, qtbot)
    first = _tab_and_type(window, qtbot, "n1", "First reason")
    qtbot.keyClick(window.view.editor, Qt.Key_Return)
    second = window.view.editor.node_id
    qtbot.keyClick(window.view.editor, Qt.Key_Return, Qt.ControlModifier)
    _tidy(window, qtbot)
    assert_true_picture(window)
    a, b = (card_rect(window.scene.nodes[n]) for n in (first, second))
    main = card_rect(window.scene.nodes["n1"])
    assert a.top() == b.top() > main.bottom()  # one row under the main claim


def test_the_band_behind_co_premises_holds_them_only(make_window, shipped_map, qtbot):
    """In the seeded map's layout, the shaded band behind two co-premises of the main claim
    covers no other card (which would read as a third co-premise)."""
    window = _seeded_window(make_window, shipped_map, qtbot)
    _tidy(window, qtbot)
    bands = window.scene.group_bands()
    assert bands
    for band in bands:
        covered = {
            node
            for node, item in window.scene.nodes.items()
            if band.sceneBoundingRect().intersects(card_rect(item))
        }
        grouped = {s for s, t, a in window.document.amap.graph.edges(data=True) if a.get("group")}
        assert covered <= grouped


def test_the_tree_layout_of_a_large_map_keeps_the_picture_true(make_window, shipped_map, qtbot):
    """The editor's own layout (for maps too large for Graphviz) keeps the picture true on
    the seeded map too."""
    window = _seeded_window(make_window, shipped_map, qtbot)
    heights = {n: item.size[1] for n, item in window.scene.nodes.items()}
    window.document.move_nodes(tree_layout.tree_positions(window.document.amap, heights))
    assert_true_picture(window)
