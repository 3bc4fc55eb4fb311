"""What keeps the editor quick on large maps, checked as behaviour (never by timing)."""

import pytest
from PySide6.QtCore import QRectF, Qt

from argmap.model import queries


def _main(window):
    return queries.main_claims(window.document.amap)[0]


def _counted(window):
    graph = window.document.amap.graph
    return f"{len(graph)} nodes · {graph.number_of_edges()} links"


def test_status_counts_follow_edits_without_counting_the_map_again(
    make_window, map_file, qtbot, monkeypatch
):
    """Tab, Esc, delete, undo: the counts stay right, and no edit counts every link again."""
    window = make_window(map_file)
    label = window.status.counts_label
    assert label.text() == _counted(window)
    graph = window.document.amap.graph
    recounts = []
    monkeypatch.setattr(type(graph), "number_of_edges", lambda *a: recounts.append(a) or 0)
    window.scene.select_nodes([_main(window)])
    window.view.setFocus()
    qtbot.keyClick(window.view, Qt.Key_Tab)
    qtbot.keyClick(window.view.editor, Qt.Key_Return, Qt.ControlModifier)
    assert label.text() == f"{len(graph)} nodes · {len(graph.edges)} links"
    new = window.selection.single()
    window.document.delete([new])
    assert label.text() == f"{len(graph)} nodes · {len(graph.edges)} links"
    window.document.undo_stack.undo()
    window.document.undo_stack.undo()
    assert label.text() == f"{len(graph)} nodes · {len(graph.edges)} links"
    assert recounts == []


def test_unanswered_marks_after_edits_are_those_of_argmap_check(make_window, qtbot):
    """The marks kept edit by edit (only touched nodes looked at again) equal a full check."""
    from argmap.analysis.weak_spots import weak_spots
    from argmap.gui.app import default_map
    from argmap.gui.items import UNANSWERED_BADGE

    window = make_window(default_map())
    doc, amap = window.document, window.document.amap

    def check():
        qtbot.waitUntil(lambda: not window.debate.evaluation._timer.isActive())
        expected = {spot.node for spot in weak_spots(amap, ["unanswered"])}
        assert window.debate.evaluation.unanswered == expected
        shown = {n for n, item in window.scene.nodes.items() if UNANSWERED_BADGE in item.badges()}
        assert shown == expected

    check()
    edges = sorted(amap.graph.edges)
    opposing = [e for e in edges if amap.edge(*e)["relation"] == "opposes"]
    supporting = [e for e in edges if amap.edge(*e)["relation"] == "supports"]
    doc.set_relation(opposing[:2], "supports")
    check()
    doc.set_relation(supporting[:3], "opposes")
    check()
    doc.unlink(*opposing[2])
    check()
    doc.delete([opposing[3][0]])
    check()
    doc.link(supporting[4][0], opposing[4][0], "opposes")
    check()
    for _ in range(5):
        doc.undo_stack.undo()
        check()
    for _ in range(5):
        doc.undo_stack.redo()
        check()


def _ink(window, node, zoom):
    """How many pixels inside *node*'s card differ from its fill colour, at *zoom*."""
    from PySide6.QtGui import QColor

    view, item = window.view, window.scene.nodes[node]
    view.set_zoom(zoom)
    view.centerOn(item)
    view.viewport().repaint()
    image = view.viewport().grab().toImage()
    inner = view.mapFromScene(item.sceneBoundingRect().center())
    half_w = int(item.size[0] * view.zoom / 2) - 3
    half_h = int(item.size[1] * view.zoom / 2) - 3
    fill = QColor(item.colours()["fill"]).rgb() & 0xFFFFFF
    return sum(
        1
        for x in range(inner.x() - half_w, inner.x() + half_w)
        for y in range(inner.y() - half_h, inner.y() + half_h)
        if image.pixel(x, y) & 0xFFFFFF != fill
    )


def test_card_text_is_drawn_only_when_big_enough_to_read(make_window, map_file):
    """Below TEXT_MIN_PX pixels of body text a card is a plain box; above, its text shows."""
    from argmap.gui.card_text import card_type

    window = make_window(map_file)
    threshold = card_type().sketch_below
    node = _main(window)
    assert _ink(window, node, threshold * 1.08) > 20
    assert _ink(window, node, threshold * 0.92) == 0
    assert _ink(window, node, 1.0) > 200


def test_hovering_a_card_or_link_shows_its_tooltip(make_window, map_file, qtbot):
    """Tooltips are written when asked: the text under the pointer, escaped, shows on hover."""
    from PySide6.QtCore import QEvent
    from PySide6.QtGui import QHelpEvent
    from PySide6.QtWidgets import QApplication, QToolTip

    window = make_window(map_file)
    view, amap = window.view, window.document.amap
    node = _main(window)
    view.centerOn(window.scene.nodes[node])
    point = view.mapFromScene(window.scene.nodes[node].scenePos())
    QApplication.sendEvent(
        view.viewport(), QHelpEvent(QEvent.ToolTip, point, view.viewport().mapToGlobal(point))
    )
    assert QToolTip.isVisible() and amap.node(node)["text"] in QToolTip.text()
    edge, middle = next(
        (e, e.path().pointAtPercent(0.5))
        for e in window.scene.edges.values()
        if window.scene.items(e.path().pointAtPercent(0.5))[:1] == [e]
    )
    view.centerOn(middle)
    point = view.mapFromScene(middle)
    QApplication.sendEvent(
        view.viewport(), QHelpEvent(QEvent.ToolTip, point, view.viewport().mapToGlobal(point))
    )
    assert QToolTip.isVisible() and QToolTip.text() == edge.toolTip()
    QToolTip.hideText()


def _mouse(widget, kind, pos, buttons):
    from PySide6.QtCore import QEvent, QPointF
    from PySide6.QtGui import QMouseEvent
    from PySide6.QtWidgets import QApplication

    button = Qt.LeftButton if kind != QEvent.MouseMove else Qt.NoButton
    QApplication.sendEvent(
        widget,
        QMouseEvent(
            kind, QPointF(pos), QPointF(widget.mapToGlobal(pos)), button, buttons, Qt.NoModifier
        ),
    )


def _ends_on_card(edge):
    """Whether both ends of *edge*'s line touch its cards' borders."""

    def touches(point, item):
        rect = item.sceneBoundingRect()
        return rect.adjusted(-1, -1, 1, 1).contains(point)

    return touches(edge.start, edge.source_item) and touches(edge.end, edge.target_item)


def test_links_follow_a_card_while_it_is_dragged_and_after_undo(make_window, map_file):
    """The links of a dragged card stay on it at every step of the drag, and after undo."""
    from PySide6.QtCore import QEvent, QPoint, QPointF

    window = make_window(map_file)
    view, amap = window.view, window.document.amap
    view.reset_zoom()
    node = _main(window)
    item = window.scene.nodes[node]
    view.centerOn(item)
    edges = list(item.edges)
    assert edges and all(_ends_on_card(e) for e in edges)
    start = view.mapFromScene(item.scenePos() + QPointF(0, 10))
    _mouse(view.viewport(), QEvent.MouseButtonPress, start, Qt.LeftButton)
    for step in range(1, 4):
        _mouse(
            view.viewport(), QEvent.MouseMove, start + QPoint(-40 * step, -30 * step), Qt.LeftButton
        )
        assert item.pos() != QPointF(*amap.node(node)["pos"])  # moved, not yet in the model
        assert all(_ends_on_card(e) for e in edges)
    _mouse(view.viewport(), QEvent.MouseButtonRelease, start + QPoint(-120, -90), Qt.NoButton)
    window.document.undo_stack.undo()
    assert item.pos() == QPointF(*amap.node(node)["pos"])
    assert all(_ends_on_card(e) for e in edges)


def test_hidden_weak_spots_list_waits_until_it_is_shown(make_window, map_file, qtbot, monkeypatch):
    """Behind another tab the list is not recomputed; shown, it lists the map as it is now."""
    from argmap.gui import weak_spots_dock as finder

    window = make_window(map_file)
    dock = window.weak_spots_dock
    assert window.outline.isVisible()  # the Outline's tab is in front of the list's
    runs = []
    real = finder.weak_spots
    monkeypatch.setattr(finder, "weak_spots", lambda amap, *a: runs.append(1) or real(amap, *a))
    new = window.document.add_child(_main(window), "counterclaim", "Nobody answers this")
    qtbot.wait(2 * 250)
    assert runs == []
    dock.show()
    dock.raise_()
    qtbot.waitUntil(lambda: bool(runs))
    assert any(s.node == new for s in dock.spots)
    assert any(item.data(0, Qt.UserRole) == new for item in dock.entries())


def test_a_new_main_claim_gets_a_selected_top_row(make_window, map_file, qtbot):
    """A node added on its own shows as a top row of the outline once idle, selected."""
    window = make_window(map_file)
    new = window.document.add_main_claim("A claim of its own")
    window.view.close_editor()
    outline = window.outline

    def top_rows():
        return [outline.topLevelItem(i) for i in range(outline.topLevelItemCount())]

    qtbot.waitUntil(lambda: any(r.data(0, Qt.UserRole) == new for r in top_rows()))
    row = next(r for r in top_rows() if r.data(0, Qt.UserRole) == new)
    assert row.isSelected() and window.selection.nodes == [new]


@pytest.fixture
def wide_map(tmp_path):
    """A map of 120 placed nodes, far wider than the window."""
    from argmap.formats import save_map
    from argmap.model import ArgumentMap, edits

    amap = ArgumentMap("Wide")
    main = amap.apply(edits.add_main_claim(amap, "The main claim", (0.0, 0.0))).created[0]
    for i in range(119):
        amap.apply(
            edits.add_child(
                amap,
                main,
                ("support", "counterclaim")[i % 2],
                f"Point {i}",
                (300.0 * i, 250.0 * (1 + i % 3)),
            )
        )
    path = tmp_path / "wide.argmap"
    save_map(amap, str(path))
    return str(path)


def _overview_pixel(overview, item):
    point = overview.mapFromScene(item.sceneBoundingRect().center())
    return overview.picture.toImage().pixelColor(point).name()


def test_overview_keeps_its_picture_while_scrolling_and_draws_what_an_edit_adds(
    make_window, wide_map, qtbot
):
    """Scrolling only moves the overview's frame; a card an edit adds or changes is drawn onto
    the picture; a card that goes has the picture drawn again without it."""
    from PySide6.QtGui import QColor

    window = make_window(wide_map)
    window.resize(1600, 900)  # an overview large enough that neighbouring cards do not touch
    overview, scene, amap = window.view.overview, window.scene, window.document.amap
    qtbot.waitUntil(lambda: overview.isVisible() and overview.picture is not None)
    qtbot.wait(2 * 250)
    picture = overview.picture
    window.view.horizontalScrollBar().setValue(window.view.horizontalScrollBar().value() + 400)
    qtbot.wait(2 * 250)
    assert overview.picture is picture and overview.isVisible()
    background = QColor(scene.backgroundBrush().color()).name()
    node = list(amap.graph.nodes)[60]
    before = _overview_pixel(overview, scene.nodes[node])
    window.document.set_kind([node], "evidence")  # grey now
    qtbot.waitUntil(lambda: _overview_pixel(overview, scene.nodes[node]) != before)
    assert overview.picture is picture  # drawn onto, not drawn again
    assert _overview_pixel(overview, scene.nodes[node]) != background
    gone = scene.nodes[node]
    window.document.delete([node])
    qtbot.waitUntil(lambda: overview.picture is not picture)
    assert _overview_pixel(overview, gone) == background


def test_overview_draws_again_when_a_link_changes_roles_or_a_text_shrinks(
    make_window, wide_map, qtbot
):
    """A main claim linked under another becomes a reason and its premises change places
    (and colours): the picture is drawn again; so it is when a card's text gets shorter,
    which leaves a lower card."""
    window = make_window(wide_map)
    overview, document = window.view.overview, window.document
    amap = document.amap
    qtbot.waitUntil(lambda: overview.isVisible() and overview.picture is not None)
    main = next(n for n in amap.graph.nodes if amap.graph.out_degree(n) == 0)
    other = document.add_main_claim("Another main claim")
    qtbot.waitUntil(lambda: not overview.pending)
    picture = overview.picture
    document.link(main, other, "supports")
    qtbot.waitUntil(lambda: overview.picture is not picture)
    point = list(amap.graph.predecessors(main))[0]
    document.set_text(point, "Point " * 60)
    qtbot.waitUntil(lambda: not overview.pending)
    picture = overview.picture
    document.set_text(point, "Short")
    qtbot.waitUntil(lambda: overview.picture is not picture)


def test_a_kind_change_that_resizes_a_card_moves_its_links_and_redraws_the_overview(
    make_window, wide_map, qtbot
):
    """Evidence without a citation shows its sources' titles under its statement; made a
    claim, it no longer does: the card is lower, its link leaves it at its new edge, and the
    overview is drawn again rather than drawn onto (which would leave the old outline)."""
    from argmap.gui.edge_item import anchor

    window = make_window(wide_map)
    overview, document, scene = window.view.overview, window.document, window.scene
    amap = document.amap
    qtbot.waitUntil(lambda: overview.isVisible() and overview.picture is not None)
    main = next(n for n in amap.graph.nodes if amap.graph.out_degree(n) == 0)
    (doc,) = document.import_documents(
        [{"id": "d", "title": "An op-ed", "text": "Strong encryption"}]
    )
    node = document.add_child(main, "evidence", "A quoted fact")
    document.add_span(node, {"doc": doc, "start": 0, "end": 6, "quote": "Strong"})
    qtbot.waitUntil(lambda: not overview.pending)
    item, link = scene.nodes[node], scene.edges[(node, main)]
    tall, picture = item.size[1], overview.picture
    document.set_kind([node], "claim")
    assert item.size[1] < tall
    assert link.shape_of_line.start == anchor(item, scene.nodes[main].center)
    qtbot.waitUntil(lambda: overview.picture is not picture)


def test_a_card_that_comes_to_oppose_recolours_its_objections_in_the_overview(
    make_window, wide_map, qtbot
):
    """A reason that also comes to oppose another claim turns the objections to it into
    rebuttals: the overview draws them in their new colour."""
    window = make_window(wide_map)
    overview, document, scene = window.view.overview, window.document, window.scene
    amap = document.amap
    qtbot.waitUntil(lambda: overview.isVisible() and overview.picture is not None)
    main = next(n for n in amap.graph.nodes if amap.graph.out_degree(n) == 0)
    reason = next(
        n for n in amap.graph.predecessors(main) if amap.edge(n, main)["relation"] == "supports"
    )
    objection = document.add_child(reason, "counterclaim", "An objection")
    other = document.add_main_claim("Another main claim")
    window.view.close_editor()
    qtbot.waitUntil(lambda: not overview.pending)
    picture = overview.picture
    document.link(reason, other, "opposes")
    qtbot.waitUntil(lambda: not overview.pending)
    assert overview.picture is picture  # drawn onto
    drawn_onto = _overview_tint(overview, scene.nodes[objection])
    overview.redraw()
    qtbot.waitUntil(lambda: overview.picture is not picture)
    fresh = _overview_tint(overview, scene.nodes[objection])
    # as drawn afresh, but for smoothing (a card left orange differs by about 60 in red)
    assert all(abs(a - b) <= 24 for a, b in zip(drawn_onto, fresh, strict=True)), (
        drawn_onto,
        fresh,
    )


def _overview_tint(overview, item):
    """The mean red, green and blue of the overview's picture inside *item*'s card."""
    (x, y), (width, height) = item.center, item.size
    area = overview.mapFromScene(QRectF(x - width / 2, y - height / 2, width, height))
    area = area.boundingRect()
    image = overview.picture.toImage()
    pixels = [
        image.pixelColor(x, y)
        for x in range(area.left(), area.right() + 1)
        for y in range(area.top(), area.bottom() + 1)
    ]
    return [
        sum(channel(p) for p in pixels) / len(pixels)
        for channel in (lambda p: p.red(), lambda p: p.green(), lambda p: p.blue())
    ]


def test_a_kind_change_shows_at_once_in_its_premises_headers(make_window, wide_map, qtbot):
    """A claim made a counterclaim turns its objections into rebuttals on the canvas and
    in the Outline."""
    from PySide6.QtGui import QColor

    from argmap.render.cards import cards
    from argmap.render.style import role_style

    window = make_window(wide_map)
    amap, scene = window.document.amap, window.scene
    middle = next(
        n
        for n in amap.graph.nodes
        if amap.graph.in_degree(n) == 0 and amap.graph.out_degree(n) == 1
    )
    objection = window.document.add_child(middle, "counterclaim", "An objection")
    qtbot.waitUntil(lambda: scene.nodes[objection].header.startswith("OBJECTION"))
    qtbot.waitUntil(lambda: objection in window.outline._rows)  # its row is in the tree
    window.document.set_kind([middle], "counterclaim")
    expected = cards(amap)[objection].header
    assert expected.startswith("REBUTTAL")
    qtbot.waitUntil(lambda: scene.nodes[objection].header == expected)
    rebuttal = QColor(role_style("rebuttal")["border"]).name()
    rows = window.outline._rows
    qtbot.waitUntil(
        lambda: (
            objection in rows
            and all(row.foreground(0).color().name() == rebuttal for row in rows[objection])
        )
    )


def _debate(count):
    """A map of *count* nodes without positions: a claim, then rows of premises."""
    from argmap.model import ArgumentMap, edits

    amap = ArgumentMap("A debate")
    nodes = [amap.apply(edits.add_main_claim(amap, "The main claim", None)).created[0]]
    for i in range(1, count):
        target = nodes[(i - 1) // 3]
        nodes += amap.apply(
            edits.add_child(
                amap, target, ("support", "counterclaim", "evidence")[i % 3], f"Point {i}", None
            )
        ).created
    return amap


def test_tree_layout_places_every_node_below_its_target_without_overlaps():
    from argmap.gui.tree_layout import CARD_WIDTH, tree_positions

    amap = _debate(200)
    main = _main_of(amap)
    amap.connect(list(amap.graph.nodes)[150], main, "supports")  # a link across branches
    heights = {n: 60.0 + 10 * (i % 4) for i, n in enumerate(amap.graph.nodes)}
    positions = tree_positions(amap, heights)
    assert set(positions) == set(amap.graph.nodes)
    for source, target in amap.graph.edges:
        if queries.depth(amap)[source] == queries.depth(amap)[target] + 1:
            assert positions[source][1] > positions[target][1]
    boxes = sorted(
        (x - CARD_WIDTH / 2, y - heights[n] / 2, x + CARD_WIDTH / 2, y + heights[n] / 2)
        for n, (x, y) in positions.items()
    )
    for i, (_left, top, right, bottom) in enumerate(boxes):
        for other in boxes[i + 1 :]:
            if other[0] >= right:
                break
            assert other[1] >= bottom or other[3] <= top  # side by side: one row apart
    assert positions[main][1] == min(y for _, y in positions.values())


def _main_of(amap):
    return queries.main_claims(amap)[0]


def test_a_large_map_without_positions_is_placed_as_a_tree(
    make_window, tmp_path, qtbot, monkeypatch
):
    """Above the size Graphviz lays out quickly, the editor places the map itself, as it is
    read, and Tidy Layout lays it out the same way."""
    from argmap.formats import save_map
    from argmap.gui import tree_layout
    from argmap.gui.jobs import JobRunner
    from argmap.render import layout

    monkeypatch.setattr(tree_layout, "GRAPHVIZ_UP_TO", 20)
    monkeypatch.setattr(layout, "compute_layout", lambda *a, **k: pytest.fail("Graphviz ran"))
    jobs = []
    start = JobRunner.start
    monkeypatch.setattr(JobRunner, "start", lambda self, *a: jobs.append(a) or start(self, *a))
    path = tmp_path / "unplaced.argmap"
    save_map(_debate(60), str(path))
    window = make_window(path)
    amap = window.document.amap
    assert all("pos" in a for _, a in amap.graph.nodes(data=True))  # placed as it was read
    assert not window.document.modified and jobs == []
    rects = [item.sceneBoundingRect() for item in window.scene.nodes.values()]
    assert not any(a.intersects(b) for i, a in enumerate(rects) for b in rects[i + 1 :])
    main = window.scene.nodes[_main(window)]
    window.document.move_nodes({main.node_id: (5000.0, 5000.0)})
    window.registry["tidy"].trigger()  # Tidy Layout: the same tree, as one undoable step
    qtbot.waitUntil(lambda: window.document.undo_stack.count() == 2)
    assert main.center[1] == min(item.center[1] for item in window.scene.nodes.values())
    window.document.undo_stack.undo()
    assert main.center == (5000.0, 5000.0)


def test_key_hint_follows_the_map_becoming_empty_and_not(make_window, qtbot):
    """The hint says how to start on an empty map and how to edit once it has a node."""
    from PySide6.QtWidgets import QWidget

    from argmap.gui.guide import HINT_EMPTY, HINT_IDLE

    window = make_window()
    hint = window.findChild(QWidget, "key-hint")
    assert hint.text() == HINT_EMPTY
    new = window.document.add_main_claim("The first claim")
    window.view.close_editor()
    window.selection.clear()
    assert hint.isVisible() and hint.text() == HINT_IDLE
    window.document.delete([new])
    assert hint.isVisible() and hint.text() == HINT_EMPTY


def _error_dialog(qtbot):
    from PySide6.QtWidgets import QApplication, QMessageBox

    def shown():
        return [
            w
            for w in QApplication.topLevelWidgets()
            if isinstance(w, QMessageBox) and w.objectName() == "error-dialog" and w.isVisible()
        ]

    qtbot.waitUntil(lambda: bool(shown()))
    box = shown()[0]
    assert box.textFormat() == Qt.PlainText
    return box


def test_a_map_larger_than_the_editor_opens_is_refused_with_a_plain_message(
    make_window, map_file, small_map, tmp_path, qtbot, monkeypatch
):
    """Past the limit the window says so, names the CLI, and keeps the map it had."""
    from argmap.gui import limits

    window = make_window(map_file)
    before = set(window.document.amap.graph.nodes)
    monkeypatch.setattr(limits, "MAX_NODES", 3)
    other = tmp_path / "other.argmap"
    other.write_bytes(map_file.read_bytes())
    assert not window.open_path(str(other))
    box = _error_dialog(qtbot)
    text = box.text()
    assert f"has {len(small_map)} nodes" in text and "up to 3" in text
    assert f"argmap validate {other}" in text and f"argmap export {other} -o other.svg" in text
    assert set(window.document.amap.graph.nodes) == before and window.document.path == str(map_file)
    box.close()


def test_a_file_too_large_for_the_editor_is_refused_before_it_is_read(
    make_window, map_file, qtbot, monkeypatch
):
    """A file over the size limit is turned away without being read."""
    from argmap.gui import document, limits

    monkeypatch.setattr(limits, "MAX_FILE_BYTES", 100)
    monkeypatch.setattr(document, "load_any", lambda *a: pytest.fail("the file was read"))
    window = make_window()
    assert not window.open_path(str(map_file))
    text = _error_dialog(qtbot).text()
    assert "larger than the editor opens" in text and "argmap export" in text
    assert len(window.document.amap) == 0


def test_a_file_gone_from_disk_is_reported_and_frees_its_place(
    make_window, map_file, tmp_path, qtbot
):
    """Opening a file that was moved or deleted (a recent file, say) says it cannot be
    read, keeps the map open, and the missing file can be opened once it is back."""
    window = make_window(str(map_file))
    gone = tmp_path / "gone.argmap"
    assert not window.open_path(str(gone))
    box = _error_dialog(qtbot)
    assert "cannot read" in box.text() and "gone.argmap" in box.text()
    box.close()
    assert window.document.path == str(map_file)
    gone.write_bytes(map_file.read_bytes())
    window.document.undo_stack.setClean()
    assert window.open_path(str(gone))
    assert window.document.path == str(gone)


def _outline_tree(outline):
    def walk(item):
        return [
            (item.child(i).data(0, Qt.UserRole), item.child(i).text(0), walk(item.child(i)))
            for i in range(item.childCount())
        ]

    return walk(outline.invisibleRootItem())


@pytest.mark.parametrize("settle_each", [False, True], ids=["in one moment", "one by one"])
def test_outline_catches_up_with_a_burst_of_typing_like_a_full_redraw(
    make_window, map_file, qtbot, settle_each
):
    """Tab, type, Tab, type, Enter, type, Ctrl+Enter: the outline, following a moment later,
    shows each new row once, in place, and its selection."""
    window = make_window(map_file)
    outline, view = window.outline, window.view
    window.scene.select_nodes([_main(window)])
    view.setFocus()

    def key(target, which, modifiers=Qt.NoModifier):
        qtbot.keyClick(target, which, modifiers)
        if settle_each:
            qtbot.waitUntil(lambda: not outline.following)

    key(view, Qt.Key_Tab)
    qtbot.keyClicks(view.editor, "First reason")
    key(view.editor, Qt.Key_Tab)
    qtbot.keyClicks(view.editor, "A reason for it")
    key(view.editor, Qt.Key_Return)
    qtbot.keyClicks(view.editor, "Another reason for it")
    key(view.editor, Qt.Key_Return, Qt.ControlModifier)
    last = window.selection.single()
    qtbot.waitUntil(lambda: not outline.following)
    shown = _outline_tree(outline)
    assert outline.selected_ids() == [last]
    outline.rebuild()
    assert shown == _outline_tree(outline)
    ids = [row.data(0, Qt.UserRole) for row in outline._all_items()]
    assert sorted(ids) == sorted(window.document.amap.graph.nodes)  # each row once


def test_new_cards_show_their_place_as_soon_as_the_edit_is_done(make_window, map_file):
    """A card's header (its place in the debate) and its parent's toggle are right straight
    after the edit, though they are worked out once per edit."""
    from argmap.render.cards import cards

    window = make_window(map_file)
    amap = window.document.amap
    main = _main(window)
    objection = window.document.add_child(main, "counterclaim", "A new objection")
    rebuttal = window.document.add_child(objection, "rebuttal", "An answer to it")
    loose = window.document.add_main_claim("A claim of its own")
    window.view.close_editor()
    for node in (main, objection, rebuttal, loose):
        assert window.scene.nodes[node].header == cards(amap, [node])[node].header
    assert window.scene.nodes[objection].header.startswith("OBJECTION")
    assert window.scene.map_rect().contains(window.scene.itemsBoundingRect())  # kept, grown
    assert window.scene.nodes[objection].child_count == 1
    window.document.undo_stack.undo()
    window.document.undo_stack.undo()
    assert window.scene.nodes[objection].child_count == 0


def test_fit_to_window_stops_at_the_smallest_zoom(make_window, wide_map):
    """A map wider than the smallest zoom shows is fitted at that zoom, its middle in view:
    a repaint never has every card of a huge map to draw."""
    from argmap.gui.view import MIN_ZOOM

    window = make_window(wide_map)
    view = window.view
    view.fit()
    assert view.zoom == pytest.approx(MIN_ZOOM)
    middle = window.scene.map_rect().center()
    assert view.visible_scene_rect().contains(middle)
    assert window.status.zoom_label.text() == f"{MIN_ZOOM:.0%}"


def test_overview_is_drawn_again_when_evaluation_recolours_the_cards(make_window, wide_map, qtbot):
    window = make_window(wide_map)
    overview = window.view.overview
    qtbot.waitUntil(lambda: overview.isVisible() and overview.picture is not None)
    picture = overview.picture
    window.registry["evaluate"].trigger()
    qtbot.waitUntil(lambda: overview.picture is not picture)


def test_a_source_that_adds_a_citation_line_moves_the_links_with_the_card(make_window, map_file):
    """An evidence card without a citation shows its sources' titles: the first source makes
    the card taller, downwards (its top stays), and its link follows the card's new edges."""
    from argmap.gui.curves import link_between
    from argmap.sources import make_span

    window = make_window(str(map_file))
    document, scene = window.document, window.scene
    graph = document.amap.graph
    target = next(n for n in graph.nodes if graph.in_degree(n) == 0)  # the new card goes below it
    evidence = document.add_child(target, "evidence", "A fact with no source yet")
    item, edge = scene.nodes[evidence], scene.edges[(evidence, target)]
    size, top = item.size, item.center[1] - item.size[1] / 2
    document.add_span(
        evidence, make_span(document.amap.documents["d1"], "Encryption hinders police.")
    )
    assert item.size[1] > size[1] and item.center[1] - item.size[1] / 2 == top
    aim = scene.nodes[target]
    expected = link_between(item.center, item.size, aim.center, aim.size)
    assert (edge.shape_of_line.start, edge.shape_of_line.end) == (expected.start, expected.end)
