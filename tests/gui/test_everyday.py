"""Everyday editing as a new user meets it: the opening view, typing, keys, circles, deleting."""

import os
import re

import pytest
from PySide6.QtCore import QPoint, QRectF, Qt
from PySide6.QtGui import QTextCursor
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QWidget

from argmap import cli, resources
from argmap.formats import save_map
from argmap.gui.guide import body_text_px
from argmap.model import ArgumentMap, edits, queries

#: The names of the maps argmap ships (in its ``maps`` folder).
SHIPPED = sorted(f.name for f in resources.resource("maps").iterdir() if f.name.endswith(".argmap"))
SEEDED = resources.SEEDED_MAP[-1]


@pytest.fixture
def small_screen(make_window, shipped_map):
    """Open a map (a copy, for a shipped map's name) in a window of 1366 x 768, once it has
    been laid out and shown."""

    def opener(path, qtbot):
        window = make_window(shipped_map("maps", path) if path in SHIPPED else path)
        window.resize(1366, 768)
        qtbot.waitUntil(lambda: not window.document.jobs.active, timeout=30000)
        qtbot.wait(50)  # the opening view is set once the window has its size
        return window

    return opener


def _big_map(path, count=300):
    """A debate of *count* nodes in a wide tree, placed on a grid."""
    m = ArgumentMap("A big debate")
    main = m.apply(edits.add_main_claim(m, "The main claim of a long debate", (0.0, 0.0))).created[
        0
    ]
    frontier, made = [main], 1
    while made < count:
        parent = frontier.pop(0)
        for i in range(4):
            if made >= count:
                break
            name = ("support", "counterclaim", "evidence", "rebuttal")[i]
            pos = (300.0 * (made % 40), 200.0 * (made // 40 + 1))
            node = m.apply(
                edits.add_child(m, parent, name, f"Point {made} of the debate", pos)
            ).created[0]
            frontier.append(node)
            made += 1
    save_map(m, str(path))
    return str(path)


def _visible(window, node):
    """Whether the card of *node* lies wholly inside the canvas's visible area."""
    item = window.scene.nodes[node]
    return QRectF(window.view.visible_scene_rect()).contains(item.sceneBoundingRect())


def _assert_readable_main_claim(window):
    main = queries.main_claims(window.document.amap)[0]
    assert body_text_px(window.view) >= 9.0
    item = window.scene.nodes[main]
    assert QRectF(window.view.visible_scene_rect()).intersects(item.sceneBoundingRect())


@pytest.mark.parametrize("path", SHIPPED, ids=os.path.basename)
def test_shipped_maps_open_readable_at_1366(small_screen, qtbot, path):
    """Every shipped map opens with the main claim in view and body text at least 9 px high."""
    window = small_screen(path, qtbot)
    _assert_readable_main_claim(window)


def test_a_300_node_map_opens_readable_with_an_overview(small_screen, qtbot, tmp_path):
    """A map far larger than the window opens readable on its main claim, with the overview."""
    window = small_screen(_big_map(tmp_path / "big.argmap"), qtbot)
    _assert_readable_main_claim(window)
    qtbot.waitUntil(lambda: window.view.overview.isVisible(), timeout=3000)
    overview = window.view.overview
    before = window.view.visible_scene_rect().center()
    corner = overview.viewport().rect().bottomRight()
    QTest.mouseClick(
        overview.viewport(), Qt.LeftButton, Qt.NoModifier, QPoint(corner.x() - 10, corner.y() - 10)
    )
    after = window.view.visible_scene_rect().center()
    assert after.x() > before.x() + 1000  # the far right of the map is now in view


def test_canvas_gets_most_of_the_width(small_screen, qtbot):
    """At 1366 px the canvas is wider than the docks together, and a hint says what to press."""
    window = small_screen(SEEDED, qtbot)
    assert window.view.width() > 0.55 * window.width()
    hint = window.findChild(QWidget, "key-hint")
    assert hint.isVisible() and "Tab" in hint.text()
    window.scene.select_nodes([queries.main_claims(window.document.amap)[0]])
    assert not hint.isVisible()


# --------------------------------------------------------- adding and typing
def _new(window, before):
    return [n for n in window.document.amap.graph.nodes if n not in before]


def test_tab_on_the_canvas_gives_a_visible_card_and_a_readable_editor(small_screen, qtbot):
    """Tab at the opening zoom adds a card in view, with an editor at least 14 px high."""
    window = small_screen(SEEDED, qtbot)
    amap = window.document.amap
    target = next(n for n in amap.graph.nodes if amap.graph.in_degree(n) >= 2)
    window.scene.select_nodes([target])
    window.view.setFocus()
    before = set(amap.graph.nodes)
    QTest.keyClick(window.view, Qt.Key_Tab)
    (new,) = _new(window, before)
    assert _visible(window, new)
    editor = window.view.editor
    assert editor.height() >= 14 and editor.fontInfo().pixelSize() >= 14


def test_tab_in_the_outline_adds_a_premise_in_view(small_screen, qtbot):
    """Tab in the outline adds a premise to the selected row's node, shown and open for typing."""
    window = small_screen(SEEDED, qtbot)
    amap = window.document.amap
    row = window.outline.topLevelItem(0).child(1)
    window.outline.setFocus()
    window.outline.setCurrentItem(row)
    target = row.data(0, Qt.UserRole)
    assert window.selection.nodes == [target]
    before = set(amap.graph.nodes)
    QTest.keyClick(window.outline, Qt.Key_Tab)
    (new,) = _new(window, before)
    assert amap.graph.has_edge(new, target)
    assert _visible(window, new)
    assert window.view.editor is not None and window.view.editor.height() >= 14


def test_a_node_from_source_text_lands_in_view(small_screen, qtbot):
    """A claim made from selected source text is placed by its target and scrolled into view."""
    window = small_screen(SEEDED, qtbot)
    amap = window.document.amap
    dock = window.sources_dock
    target = queries.main_claims(amap)[0]
    window.scene.select_nodes([target])
    cursor = dock.text.textCursor()
    cursor.setPosition(0)
    cursor.movePosition(QTextCursor.NextWord, QTextCursor.KeepAnchor, 6)
    dock.text.setTextCursor(cursor)
    before = set(amap.graph.nodes)
    window.registry["new_claim_from_selection"].trigger()
    (new,) = _new(window, before)
    assert amap.graph.has_edge(new, target)
    assert _visible(window, new)


# ------------------------------------------------------------------ keys
def test_arrows_walk_the_map_and_escape_keeps_one_card(small_screen, qtbot):
    """Down goes to the first premise, Right to its sibling, Up back; Esc keeps one card of
    several selected (the arrows go on from it), and with nothing selected an arrow picks
    the card in sight."""
    window = small_screen(SEEDED, qtbot)
    amap = window.document.amap
    main = queries.main_claims(amap)[0]
    first, second = queries.children(amap, main)[:2]
    window.scene.select_nodes([main])
    window.view.setFocus()
    QTest.keyClick(window.view, Qt.Key_Down)
    assert window.selection.nodes == [first]
    QTest.keyClick(window.view, Qt.Key_Right)
    assert window.selection.nodes == [second]
    QTest.keyClick(window.view, Qt.Key_Left)
    QTest.keyClick(window.view, Qt.Key_Up)
    assert window.selection.nodes == [main]
    assert _visible(window, main)
    QTest.keyClick(window.view, Qt.Key_Escape)
    assert window.selection.nodes == [main]
    window.selection.set([first, second])
    QTest.keyClick(window.view, Qt.Key_Escape)
    assert window.selection.nodes == [second]
    QTest.keyClick(window.view, Qt.Key_Up)
    assert window.selection.nodes == [main]
    window.selection.clear()
    QTest.keyClick(window.view, Qt.Key_Down)
    assert len(window.selection.nodes) == 1
    assert _visible(window, window.selection.nodes[0])


def test_redo_and_zoom_have_their_second_keys(small_screen, qtbot):
    """Ctrl+Y redoes and Ctrl+= zooms in, as in most editors."""
    window = small_screen(SEEDED, qtbot)
    amap = window.document.amap
    main = queries.main_claims(amap)[0]
    window.document.set_text(main, "Changed")
    window.document.undo_stack.undo()
    window.view.setFocus()
    QTest.keyClick(window.view, Qt.Key_Y, Qt.ControlModifier)
    assert amap.node(main)["text"] == "Changed"
    zoom = window.view.zoom
    QTest.keyClick(window.view, Qt.Key_Equal, Qt.ControlModifier)
    assert window.view.zoom > zoom


# ---------------------------------------------------------------- circles
def test_linking_a_main_claim_under_its_reason_is_refused(small_screen, qtbot):
    """Ctrl+L from the main claim to its own reason is refused with the reason; nothing changes."""
    window = small_screen(SEEDED, qtbot)
    amap = window.document.amap
    main = queries.main_claims(amap)[0]
    reason = queries.children(amap, main)[0]
    before = amap.snapshot()
    window.scene.select_nodes([main, reason])
    window.view.setFocus()
    QTest.keyClick(window.view, Qt.Key_L, Qt.ControlModifier)
    assert amap.snapshot() == before
    box = window.findChild(QWidget, "error-dialog")
    assert box is not None and "circle" in box.text()
    box.close()


def _circular_file(tmp_path):
    m = ArgumentMap("Circular")
    main = m.apply(edits.add_main_claim(m, "Main", (0.0, 0.0))).created[0]
    reason = m.apply(edits.add_child(m, main, "support", "Reason", (0.0, 200.0))).created[0]
    m.apply(edits.add_child(m, reason, "evidence", "Evidence", (0.0, 400.0)))
    m.connect(main, reason, "supports")  # a file may hold a circle
    path = tmp_path / "circle.argmap"
    save_map(m, str(path))
    return str(path)


def test_a_map_with_a_circle_shows_every_node(small_screen, qtbot, tmp_path):
    """A file whose main claim bears on its own reason: all nodes in the outline, a main claim."""
    window = small_screen(_circular_file(tmp_path), qtbot)
    rows = set()
    stack = [window.outline.topLevelItem(i) for i in range(window.outline.topLevelItemCount())]
    while stack:
        row = stack.pop()
        rows.add(row.data(0, Qt.UserRole))
        stack.extend(row.child(i) for i in range(row.childCount()))
    assert rows == set(window.document.amap.graph.nodes)
    headers = {item.header for item in window.scene.nodes.values()}
    assert any(h.startswith("MAIN CLAIM") for h in headers)


def test_cli_draws_every_node_of_a_circle_and_validate_warns(tmp_path, capsys):
    """export draws all three nodes; validate warns (exit 0) and fails with --strict."""
    path = _circular_file(tmp_path)
    out = tmp_path / "circle.dot"
    assert cli.main(["export", path, "-o", str(out)]) == 0
    text = out.read_text(encoding="utf-8")
    assert len(re.findall(r"^n\d+ \[", text, re.M)) == 3
    assert cli.main(["validate", path]) == 0
    assert "warning: cycle" in capsys.readouterr().out
    assert cli.main(["validate", "--strict", path]) == 1


# ---------------------------------------------------------------- deleting
@pytest.mark.parametrize("answer", ["Keep Them", "Delete Branch"])
def test_delete_asks_about_what_bears_on_the_node(small_screen, qtbot, answer_box, answer):
    """Delete on an objection with a rebuttal asks; keeping attaches the rebuttal to the claim."""
    window = small_screen(SEEDED, qtbot)
    amap = window.document.amap
    objection = next(
        n
        for n in amap.graph.nodes
        if amap.node(n)["kind"] == "counterclaim"
        and amap.graph.in_degree(n)
        and amap.graph.out_degree(n)
    )
    target = edits.first_target(amap, objection)
    premises = queries.children(amap, objection)
    before = amap.snapshot()
    window.scene.select_nodes([objection])
    window.view.setFocus()
    asked = answer_box("delete-question", answer)
    QTest.keyClick(window.view, Qt.Key_Delete)
    assert asked and objection not in amap
    if answer == "Keep Them":
        assert all(amap.graph.has_edge(p, target) for p in premises if p in amap)
    else:
        assert not set(premises) & set(amap.graph.nodes)
    window.document.undo_stack.undo()
    assert amap.snapshot() == before


# ------------------------------------------------------------- the map's fields
def test_map_title_is_edited_in_the_inspector(small_screen, qtbot):
    """With nothing selected the Inspector edits the map's title; the window shows it."""
    window = small_screen(SEEDED, qtbot)
    field = window.inspector.map_title
    assert window.inspector.stack.currentIndex() == 0 and field.isVisible()
    field.setFocus()
    field.selectAll()
    QTest.keyClicks(field, "Backdoors: the case for and against")
    QTest.keyClick(field, Qt.Key_Return)
    assert window.document.amap.title == "Backdoors: the case for and against"
    assert "Backdoors: the case for and against" in window.windowTitle()
    window.document.undo_stack.undo()
    assert window.document.amap.title != "Backdoors: the case for and against"


# ------------------------------------------------------- visible evaluation
def test_rating_and_strength_show_on_canvas_and_export(small_screen, qtbot):
    """A rating puts a badge on the card and in the export; a strength thickens the link."""
    from argmap.render.dot import build_dot
    from argmap.render.options import ExportOptions

    window = small_screen(SEEDED, qtbot)
    amap = window.document.amap
    source, target = next((u, v) for u, v, a in amap.graph.edges(data=True) if not a.get("group"))
    width = window.scene.edges[(source, target)].pen().widthF()
    window.document.set_node_attrs(source, {"rating": 7})
    window.document.set_edge_attrs(source, target, {"strength": 1.0})
    assert "★ 7" in window.scene.nodes[source].badges()
    assert window.scene.edges[(source, target)].pen().widthF() > width + 1
    dot = build_dot(amap, ExportOptions(fmt="dot", title=""))
    lines = dot.text.splitlines()
    assert any(
        dot_line.startswith(dot.ids[source] + " [") and "★ 7" in dot_line for dot_line in lines
    )
    edge = f"{dot.ids[target]} -> {dot.ids[source]} "
    assert any(dot_line.startswith(edge) and 'penwidth="4.0"' in dot_line for dot_line in lines)


# ------------------------------------------------------------ dark palette
def test_dark_palette_keeps_outline_and_quotes_legible(make_window, qtbot, shipped_map):
    """In a dark palette, outline rows and highlighted quotes keep 4.5:1 contrast."""
    from PySide6.QtGui import QColor, QPalette, QTextFormat
    from PySide6.QtWidgets import QApplication

    from argmap.render.colours import contrast

    app = QApplication.instance()
    old = app.palette()
    dark = QPalette(old)
    for role, colour in (
        (QPalette.Window, "#202020"),
        (QPalette.Base, "#1B1B1B"),
        (QPalette.Text, "#EEEEEE"),
        (QPalette.WindowText, "#EEEEEE"),
    ):
        dark.setColor(role, QColor(colour))
    app.setPalette(dark)
    try:
        window = make_window(shipped_map())
        base = window.outline.palette().base().color().name()
        stack = [window.outline.topLevelItem(i) for i in range(window.outline.topLevelItemCount())]
        assert stack
        while stack:
            row = stack.pop()
            assert contrast(row.foreground(0).color().name(), base) >= 4.5
            stack.extend(row.child(i) for i in range(row.childCount()))
        text = window.sources_dock.text
        marks = text.extraSelections()
        assert marks
        for mark in marks:
            fmt = mark.format
            shown = (
                fmt.foreground().color()
                if fmt.hasProperty(QTextFormat.ForegroundBrush)
                else text.palette().text().color()
            )  # what Qt draws the quote in
            assert contrast(shown.name(), fmt.background().color().name()) >= 4.5
    finally:
        app.setPalette(old)


def test_the_upper_half_of_the_link_handle_starts_a_link(small_screen, qtbot):
    """Pressing just above a card's top edge, on its handle, starts a link, not a pan."""
    from PySide6.QtCore import QPointF

    window = small_screen(SEEDED, qtbot)
    window.view.reset_zoom()
    main = queries.main_claims(window.document.amap)[0]
    item = window.scene.nodes[main]
    window.view.centerOn(item)
    above = item.mapToScene(item.handle_center() - QPointF(0, 4))
    point = window.view.mapFromScene(above)
    QTest.mousePress(window.view.viewport(), Qt.LeftButton, Qt.NoModifier, point)
    started = window.scene.linking and window.scene._link_source is item
    QTest.keyClick(window.view, Qt.Key_Escape)  # Esc drops the link being dragged
    assert not window.scene.linking
    QTest.mouseRelease(window.view.viewport(), Qt.LeftButton, Qt.NoModifier, point)
    assert started


def test_validate_lists_many_warnings_briefly(tmp_path, capsys):
    """A map with hundreds of loose nodes: validate names the first 50 and counts the rest."""
    m = ArgumentMap("Loose")
    for i in range(120):
        m.apply(edits.add_main_claim(m, f"Loose evidence {i}", kind="evidence"))
    path = tmp_path / "loose.argmap"
    save_map(m, str(path))
    assert cli.main(["validate", str(path)]) == 0
    out = capsys.readouterr().out
    assert out.count("warning:") == 50 and "and 70 more warnings" in out
