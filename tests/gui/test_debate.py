"""Debate preparation in the editor: Evaluate, unanswered marks, the Weak Spots dock."""

import pytest
from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QColor

from argmap import resources
from argmap.analysis.acceptance import evaluate
from argmap.analysis.weak_spots import weak_spots
from argmap.formats import load_map, save_map
from argmap.gui.items import UNANSWERED_BADGE
from argmap.gui.outline import UNANSWERED_MARK, UNANSWERED_ROLE
from argmap.model import ArgumentMap
from argmap.render.style import LABEL_STYLE

SEEDED = resources.path(*resources.SEEDED_MAP)


@pytest.fixture
def objection_file(tmp_path):
    """A claim and an objection nobody answers yet: the claim is out."""
    amap = ArgumentMap("Encryption")
    claim = amap.add_node("claim", "Police should read encrypted messages", pos=(0.0, 0.0))
    objection = amap.add_node(
        "counterclaim", "Any backdoor will be found by criminals", pos=(0.0, 220.0)
    )
    amap.connect(objection, claim, "opposes")
    path = tmp_path / "objection.argmap"
    save_map(amap, path)
    return path, claim, objection


def _click_card(qtbot, window, node):
    item = window.scene.nodes[node]
    window.view.ensureVisible(item, 20, 20)
    point = window.view.mapFromScene(item.scenePos())
    qtbot.mouseClick(window.view.viewport(), Qt.LeftButton, pos=point)
    assert window.selection.nodes == [node]


def _pixel(window, node):
    """The colour painted just inside the bottom edge of *node*'s card."""
    item = window.scene.nodes[node]
    inside = item.scenePos() + QPointF(0, item.size[1] / 2 - 5 / window.view.zoom)
    image = window.view.viewport().grab().toImage()
    return image.pixelColor(window.view.mapFromScene(inside)).name()


def _add_rebuttal(qtbot, window, target, text):
    _click_card(qtbot, window, target)
    before = set(window.document.amap.graph.nodes)
    qtbot.keyClick(window.view, Qt.Key_R, Qt.ControlModifier | Qt.ShiftModifier)
    (new,) = set(window.document.amap.graph.nodes) - before
    qtbot.keyClicks(window.view.editor, text)
    qtbot.keyClick(window.view.editor, Qt.Key_Return, Qt.ControlModifier)
    assert window.document.amap.node(new)["text"] == text
    return new


def _labels_shown(window):
    return {node: item.label for node, item in window.scene.nodes.items()}


def test_evaluate_colours_cards_by_label_and_recomputes_after_reinstating_edit(
    make_window, objection_file, qtbot
):
    path, claim, objection = objection_file
    window = make_window(path)
    assert window.menus["debate"].title() == "&Debate"
    assert not window.debate.legend.isVisible()
    qtbot.keyClick(window.view, Qt.Key_F7)
    assert window.registry["evaluate"].isChecked() and window.debate.legend.isVisible()
    assert _labels_shown(window) == {claim: "out", objection: "in"}
    window.view.viewport().repaint()
    assert _pixel(window, claim) == QColor(LABEL_STYLE["out"]["fill"]).name()
    assert _pixel(window, objection) == QColor(LABEL_STYLE["in"]["fill"]).name()
    assert "attacked by" in window.scene.nodes[claim].toolTip()

    rebuttal = _add_rebuttal(qtbot, window, objection, "A warrant limits who may use it")
    qtbot.waitUntil(
        lambda: _labels_shown(window) == {claim: "in", objection: "out", rebuttal: "in"}
    )
    assert _labels_shown(window) == evaluate(window.document.amap).labels
    window.view.viewport().repaint()
    assert _pixel(window, claim) == QColor(LABEL_STYLE["in"]["fill"]).name()
    assert "Accepted (in)" in window.scene.nodes[claim].toolTip()

    qtbot.keyClick(window.view, Qt.Key_F7)
    assert set(_labels_shown(window).values()) == {None}
    assert not window.debate.legend.isVisible()
    assert _pixel(window, claim) != QColor(LABEL_STYLE["in"]["fill"]).name()


def _outline_marks(window):
    return {
        item.data(0, Qt.UserRole): item.data(0, UNANSWERED_ROLE)
        for item in window.outline._all_items()
    }


def test_unanswered_marks_follow_answers_on_canvas_and_outline(make_window, objection_file, qtbot):
    path, claim, objection = objection_file
    window = make_window(path)
    assert not window.registry["evaluate"].isChecked()
    item = window.scene.nodes[objection]
    assert UNANSWERED_BADGE in item.badges() and "Unanswered" in item.toolTip()
    assert UNANSWERED_BADGE not in window.scene.nodes[claim].badges()
    assert _outline_marks(window) == {claim: False, objection: True}
    row = next(i for i in window.outline._all_items() if i.data(0, Qt.UserRole) == objection)
    assert row.text(0).startswith(UNANSWERED_MARK + "− ")

    rebuttal = _add_rebuttal(qtbot, window, objection, "Keys can be split between courts")
    qtbot.waitUntil(lambda: UNANSWERED_BADGE not in window.scene.nodes[objection].badges())
    qtbot.waitUntil(lambda: _outline_marks(window).get(rebuttal) is True)
    assert _outline_marks(window)[objection] is False
    # the answer is itself an objection nobody answers yet
    assert UNANSWERED_BADGE in window.scene.nodes[rebuttal].badges()

    window.document.undo_stack.undo()  # the rebuttal goes: the objection is unanswered again
    qtbot.waitUntil(lambda: UNANSWERED_BADGE in window.scene.nodes[objection].badges())
    qtbot.waitUntil(lambda: _outline_marks(window) == {claim: False, objection: True})


def _entries(dock):
    return [(item.data(0, Qt.UserRole), item.text(0)) for item in dock.entries()]


def test_weak_spots_dock_lists_the_seeded_maps_spots_and_a_click_selects(
    make_window, qtbot, shipped_map
):
    window = make_window(shipped_map())
    qtbot.waitUntil(lambda: not window.document.jobs.active, timeout=20000)  # laid out
    dock = window.weak_spots_dock
    dock.show()
    dock.raise_()
    expected = weak_spots(load_map(SEEDED))
    assert _entries(dock) == [(s.node, s.problem) for s in expected]
    headings = [dock.tree.topLevelItem(i).text(0) for i in range(dock.tree.topLevelItemCount())]
    assert headings[0] == "Claims with no support (5)"
    fix = dock.entries()[0].child(0).text(0)
    assert fix == "→ " + expected[0].fix

    target = next(item for item in dock.entries() if item.data(0, Qt.UserRole) == "n23")
    window.view.centerOn(window.scene.nodes["n1"])
    window.view.set_zoom(2.0)
    card = window.scene.nodes["n23"]
    assert not window.view.visible_scene_rect().contains(card.sceneBoundingRect())
    dock.tree.scrollToItem(target)
    point = dock.tree.visualItemRect(target).center()
    qtbot.mouseClick(dock.tree.viewport(), Qt.LeftButton, pos=point)
    assert window.selection.nodes == ["n23"]
    assert window.view.visible_scene_rect().contains(card.sceneBoundingRect().center())
    assert card.isSelected()

    # an answer to an unanswered objection: the list follows after a short pause
    assert ("n23", "unanswered") in {(s.node, s.category) for s in expected}
    window.document.add_child("n23", "rebuttal", "Warrants are routinely abused")
    assert any(s.node == "n23" and s.category == "unanswered" for s in dock.spots)  # debounced
    qtbot.waitUntil(
        lambda: not any(s.node == "n23" and s.category == "unanswered" for s in dock.spots)
    )
    assert _entries(dock) == [(s.node, s.problem) for s in weak_spots(window.document.amap)]


def test_next_weak_spot_walks_the_list(make_window, qtbot, shipped_map):
    window = make_window(shipped_map())
    first, second = weak_spots(load_map(SEEDED))[:2]
    qtbot.keyClick(window.view, Qt.Key_F8)
    assert window.selection.nodes == [first.node]
    qtbot.keyClick(window.view, Qt.Key_F8)
    assert window.selection.nodes == [second.node]
