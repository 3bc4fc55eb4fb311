"""Tab on a card: where the new premise goes and how far the view moves."""

import math

import pytest
from geometry import assert_true_picture
from PySide6.QtCore import QPointF, QRectF, Qt

from argmap.formats import save_map
from argmap.gui.items import NodeItem
from argmap.gui.placement import CLEAR_X, CLEAR_Y
from argmap.model import ArgumentMap, edits

ROW, COLUMN = 190.0, 270.0


def _layered(path, row_lengths):
    """A map whose every depth is one long row, each premise under the cards of the row
    above in turn, so a card's premises are spread all along the row below it."""
    amap = ArgumentMap("Layered")
    rows = [[amap.apply(edits.add_main_claim(amap, "The main claim", (0.0, 0.0))).created[0]]]
    for depth, length in enumerate(row_lengths, start=1):
        above, row = rows[-1], []
        for column in range(length):
            pos = (column * COLUMN, depth * ROW)
            row += amap.apply(
                edits.add_child(
                    amap, above[column % len(above)], "support", f"Point {depth}.{column}", pos
                )
            ).created
        rows.append(row)
    save_map(amap, str(path))
    return str(path), rows


def _tree(path, columns):
    """A main claim with premises at *columns* (in card widths) in the row under it, and
    claims far around, so the view can scroll well past them."""
    amap = ArgumentMap("Tree")
    main = amap.apply(edits.add_main_claim(amap, "The main claim", (0.0, 0.0))).created[0]
    premises = [
        amap.apply(
            edits.add_child(amap, main, "support", "A reason", (column * COLUMN, ROW))
        ).created[0]
        for column in columns
    ]
    for far in ((0.0, -10 * ROW), (0.0, 10 * ROW), (-10 * COLUMN, 0.0), (10 * COLUMN, 0.0)):
        amap.apply(edits.add_main_claim(amap, "A claim far away", far))
    save_map(amap, str(path))
    return str(path), main, premises


def _card_rect(item):
    (x, y), (w, h) = item.center, item.size
    return QRectF(x - w / 2, y - h / 2, w, h)


def _assert_clear_of_every_card(window, new):
    room = _card_rect(window.scene.nodes[new]).adjusted(
        -CLEAR_X + 1, -CLEAR_Y + 1, CLEAR_X - 1, CLEAR_Y - 1
    )
    for node, item in window.scene.nodes.items():
        assert node == new or not room.intersects(_card_rect(item)), node


def _tab_on(window, qtbot, node, zoom=1.0):
    """Select *node*, show it mid-view at *zoom*, press Tab; return the new node."""
    view = window.view
    view.set_zoom(zoom)
    view.centerOn(window.scene.nodes[node])
    window.scene.select_nodes([node])
    view.setFocus()
    before = set(window.document.amap.graph.nodes)
    qtbot.keyClick(view, Qt.Key_Tab)
    (new,) = set(window.document.amap.graph.nodes) - before
    assert view.editor is not None and view.editor.node_id == new
    return new


def test_a_new_premise_goes_near_its_card_though_its_siblings_are_far_along_a_row(
    make_window, tmp_path, qtbot
):
    """On a map whose rows run far to the right, Tab puts the new premise in the free spot
    nearest under its card, clear of every other card, not after its farthest sibling."""
    path, rows = _layered(tmp_path / "layered.argmap", [8, 40])
    window = make_window(path)
    target = rows[1][1]
    new = _tab_on(window, qtbot, target)
    parent, card = window.scene.nodes[target], window.scene.nodes[new]
    assert (
        max(
            s.center[0]
            for s in (window.scene.nodes[n] for n in rows[2])
            if window.document.amap.graph.has_edge(s.node_id, target)
        )
        > 4000
    )
    assert card.center[1] - card.size[1] / 2 > parent.center[1] + parent.size[1] / 2
    assert (
        math.hypot(card.center[0] - parent.center[0], card.center[1] - parent.center[1])
        < 3 * COLUMN
    )
    _assert_clear_of_every_card(window, new)


def test_a_new_premise_joins_the_row_of_its_siblings_on_the_right(make_window, tmp_path, qtbot):
    """When a card's premises sit in a row under it, a new one goes level with them, at the
    right-hand end, so premises added one after another stay in order."""
    amap = ArgumentMap("Tree")
    main = amap.apply(edits.add_main_claim(amap, "The main claim", (0.0, 0.0))).created[0]
    for x in (-COLUMN, 0.0, COLUMN):
        amap.apply(edits.add_child(amap, main, "support", "A reason", (x, ROW)))
    save_map(amap, str(tmp_path / "tree.argmap"))
    window = make_window(str(tmp_path / "tree.argmap"))
    first = _tab_on(window, qtbot, main)
    qtbot.keyClick(window.view.editor, Qt.Key_Return, Qt.ControlModifier)
    second = _tab_on(window, qtbot, main)
    assert window.scene.nodes[first].center[1] == window.scene.nodes[second].center[1] == ROW
    assert COLUMN < window.scene.nodes[first].center[0] < window.scene.nodes[second].center[0]
    _assert_clear_of_every_card(window, second)


def test_a_crowded_row_of_premises_sends_the_new_one_to_where_its_link_runs_clear(
    make_window, tmp_path, qtbot
):
    """When the row of a card's premises is full for a few cards around them (other
    cards' premises beside them), the new premise does not go under the card, where its
    link would run under the premise there: it goes to the end of the row, its link
    between the rows."""
    amap = ArgumentMap("Crowded")
    main = amap.apply(edits.add_main_claim(amap, "The main claim", (0.0, 0.0))).created[0]
    others = [
        amap.apply(edits.add_main_claim(amap, "Another claim", (x * COLUMN, 0.0))).created[0]
        for x in (-3, 3)
    ]
    for column in range(-3, 4):
        bears_on = main if column == 0 else others[column > 0]
        amap.apply(edits.add_child(amap, bears_on, "support", "A reason", (column * COLUMN, ROW)))
    save_map(amap, str(tmp_path / "crowded.argmap"))
    window = make_window(str(tmp_path / "crowded.argmap"))
    new = _tab_on(window, qtbot, main, zoom=0.5)
    card = window.scene.nodes[new]
    assert abs(card.center[0]) == 4 * COLUMN and card.center[1] == ROW
    _assert_clear_of_every_card(window, new)
    assert_true_picture(window)


def test_a_premise_far_along_the_row_does_not_draw_the_new_one_away(make_window, tmp_path, qtbot):
    """A card whose only premise lies far off sideways gets the new one under it."""
    path, main, _ = _tree(tmp_path / "tree.argmap", [8])
    window = make_window(path)
    new = _tab_on(window, qtbot, main)
    assert window.scene.nodes[new].center[0] == window.scene.nodes[main].center[0]
    _assert_clear_of_every_card(window, new)


class _CountedCentre:
    """A card's centre that counts how often it is read."""

    reads = 0

    def __get__(self, item, owner=None):
        if item is None:
            return self
        type(self).reads += 1
        return item.__dict__["_counted_centre"]

    def __set__(self, item, value):
        item.__dict__["_counted_centre"] = value


def test_finding_a_free_spot_looks_at_a_few_cards_not_all(
    make_window, tmp_path, qtbot, monkeypatch
):
    """A premise of a card in a crowded map is placed after reading the places of a small
    part of the map's cards, through the scene's index."""
    path, rows = _layered(tmp_path / "crowded.argmap", [30, 400, 800])
    monkeypatch.setattr(NodeItem, "center", _CountedCentre(), raising=False)
    window = make_window(path)
    _CountedCentre.reads = 0
    new = _tab_on(window, qtbot, rows[3][400], zoom=0.5)
    assert _CountedCentre.reads < len(window.scene.nodes) / 10
    _assert_clear_of_every_card(window, new)


def _scrolled(view):
    return view.horizontalScrollBar().value(), view.verticalScrollBar().value()


def test_tab_leaves_the_view_still_when_the_new_card_and_its_editor_are_in_sight(
    make_window, tmp_path, qtbot
):
    """The view does not jump to centre the new card when it is already in view."""
    path, main, _ = _tree(tmp_path / "tree.argmap", [-0.5, 0.5])
    window = make_window(path)
    window.resize(1600, 1000)
    qtbot.waitUntil(lambda: window.view.viewport().width() > 1000)
    view = window.view
    view.set_zoom(1.0)
    view.centerOn(QPointF(150.0, 120.0))
    window.scene.select_nodes([main])
    view.setFocus()
    before = _scrolled(view)
    qtbot.keyClick(view, Qt.Key_Tab)
    new = view.editor.node_id
    assert window.scene.nodes[new].center == (1.5 * COLUMN, ROW)
    assert _scrolled(view) == before
    assert view.visible_scene_rect().contains(window.scene.nodes[new].sceneBoundingRect())


@pytest.mark.parametrize("zoom", [1.0, 0.4], ids=["actual size", "zoomed out"])
def test_tab_moves_the_view_just_enough_to_show_the_new_card_and_its_editor(
    make_window, tmp_path, qtbot, zoom
):
    """A new card out of sight is brought just inside the view's edge, not to its middle,
    with its editor (larger than the card when zoomed out) over it and in sight."""
    from argmap.gui.view import REVEAL_MARGIN

    path, _, (reason,) = _tree(tmp_path / "tree.argmap", [0])
    window = make_window(path)
    view, target = window.view, window.scene.nodes[reason]
    view.set_zoom(zoom)
    view.centerOn(target.scenePos())
    target_bottom = view.mapFromScene(target.sceneBoundingRect().bottomLeft()).y()
    view.verticalScrollBar().setValue(
        view.verticalScrollBar().value() - (view.viewport().height() - target_bottom - 10)
    )
    window.scene.select_nodes([reason])
    view.setFocus()
    qtbot.keyClick(view, Qt.Key_Tab)
    card = view.mapFromScene(window.scene.nodes[view.editor.node_id].sceneBoundingRect())
    shown = card.boundingRect().united(view.editor.geometry())
    assert view.viewport().rect().contains(shown)
    assert abs(view.viewport().height() - shown.bottom() - REVEAL_MARGIN) <= 2
    assert (view.editor.geometry().center() - card.boundingRect().center()).manhattanLength() <= 2
