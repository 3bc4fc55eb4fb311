"""What the canvas paints when it moves: the strips that come into view, not the whole view."""

from PySide6.QtCore import QEvent, QObject, QPoint, QPointF, QRect, Qt

from argmap.formats import save_map
from argmap.model import ArgumentMap, edits

ROW, COLUMN = 190.0, 270.0
#: How far a colour channel may differ where a smoothed edge is drawn in pieces; a dash or
#: an arrowhead missing differs by about 200.
SMOOTHING = 64


def _spread(path, premises):
    """A main claim with *premises* (``(name, (x, y))``) and claims far around it, so the
    view can scroll well past them; return the path and the main claim's id."""
    amap = ArgumentMap("Spread")
    main = amap.apply(edits.add_main_claim(amap, "The main claim", (0.0, 0.0))).created[0]
    for name, pos in premises:
        amap.apply(edits.add_child(amap, main, name, "A premise", pos))
    for far in ((0.0, -10 * ROW), (0.0, 10 * ROW), (-10 * COLUMN, 0.0), (10 * COLUMN, 0.0)):
        amap.apply(edits.add_main_claim(amap, "A claim far away", far))
    save_map(amap, str(path))
    return str(path), main


def _scrolled(view):
    return view.horizontalScrollBar().value(), view.verticalScrollBar().value()


class _PaintedArea(QObject):
    """Adds up the area (pixels) of the paint events a widget receives."""

    def __init__(self, widget):
        super().__init__()
        self.area = 0
        widget.installEventFilter(self)

    def eventFilter(self, watched, event):
        if event.type() == QEvent.Paint:
            self.area += sum(rect.width() * rect.height() for rect in event.region())
        return False


def _settled(window, qtbot):
    overview = window.view.overview
    qtbot.waitUntil(lambda: overview.isVisible() and not overview.pending)
    qtbot.wait(50)


def test_dragging_the_map_paints_only_what_comes_into_view(make_window, tmp_path, qtbot):
    """Dragging the map across and down copies what stays in view: the strips that come in
    and the overview's place are painted, not the whole view, and the overview and the key
    hint stay where they were."""
    path, _ = _spread(tmp_path / "spread.argmap", [("support", (0.0, ROW))])
    window = make_window(path)
    view = window.view
    view.set_zoom(1.0)
    empty = QPointF(5 * COLUMN, 5 * ROW)
    view.centerOn(empty)
    window.selection.clear()
    _settled(window, qtbot)
    places = [(w, w.pos()) for w in (view.overview, view.hint)]
    assert all(w.isVisible() for w, _ in places)
    before = _scrolled(view)
    painted = _PaintedArea(view.viewport())
    start = QPoint(view.viewport().width() // 2, view.viewport().height() // 2)
    _mouse(view.viewport(), QEvent.MouseButtonPress, start, Qt.LeftButton)
    _mouse(view.viewport(), QEvent.MouseMove, start + QPoint(-40, -30), Qt.LeftButton)
    _mouse(view.viewport(), QEvent.MouseButtonRelease, start + QPoint(-40, -30), Qt.NoButton)
    qtbot.wait(50)
    assert _scrolled(view) == (before[0] + 40, before[1] + 30)
    whole = view.viewport().width() * view.viewport().height()
    assert 0 < painted.area < whole / 2
    assert [(w, w.pos()) for w in (view.overview, view.hint)] == places


def test_overlays_go_back_in_place_once_per_move_and_only_when_the_map_moved(
    make_window, tmp_path, qtbot, monkeypatch
):
    """Hovering over the map leaves the overlays alone; dragging it puts them back once."""
    path, _ = _spread(tmp_path / "spread.argmap", [("support", (0.0, ROW))])
    window = make_window(path)
    view = window.view
    view.set_zoom(1.0)
    view.centerOn(QPointF(5 * COLUMN, 5 * ROW))
    _settled(window, qtbot)
    placed = []
    for overlay in view.overlays:
        monkeypatch.setattr(overlay, "place", lambda overlay=overlay: placed.append(overlay))
    start = QPoint(view.viewport().width() // 2, view.viewport().height() // 2)
    _mouse(view.viewport(), QEvent.MouseMove, start + QPoint(-40, -30), Qt.NoButton)
    assert placed == []
    _mouse(view.viewport(), QEvent.MouseButtonPress, start, Qt.LeftButton)
    _mouse(view.viewport(), QEvent.MouseMove, start + QPoint(-40, -30), Qt.LeftButton)
    _mouse(view.viewport(), QEvent.MouseButtonRelease, start + QPoint(-40, -30), Qt.NoButton)
    assert placed == view.overlays


def test_tab_that_moves_the_view_paints_only_what_comes_into_view(make_window, tmp_path, qtbot):
    """A Tab whose new card lies out of sight paints the strip the view moved over, the new
    card and its link, not the whole view."""
    path, main = _spread(tmp_path / "spread.argmap", [("support", (0.0, ROW))])
    window = make_window(path)
    (reason,) = window.document.amap.graph.predecessors(main)
    view, target = window.view, window.scene.nodes[reason]
    view.set_zoom(1.0)
    view.centerOn(target.scenePos() - QPointF(0.0, view.viewport().height() / 2 - 60))
    window.scene.select_nodes([reason])
    view.setFocus()
    _settled(window, qtbot)
    painted = _PaintedArea(view.viewport())
    before = _scrolled(view)
    qtbot.keyClick(view, Qt.Key_Tab)
    qtbot.wait(50)
    assert _scrolled(view)[1] > before[1]
    assert 0 < painted.area < view.viewport().width() * view.viewport().height() / 2


def _mouse(widget, kind, pos, buttons):
    from PySide6.QtGui import QMouseEvent
    from PySide6.QtWidgets import QApplication

    button = Qt.LeftButton if kind != QEvent.MouseMove else Qt.NoButton
    QApplication.sendEvent(
        widget,
        QMouseEvent(
            kind, QPointF(pos), QPointF(widget.mapToGlobal(pos)), button, buttons, Qt.NoModifier
        ),
    )


def _on_screen(window, view):
    """What the window shows of the canvas now (the pixels painted so far)."""
    corner = view.viewport().mapTo(window, QPoint(0, 0))
    shown = window.screen().grabWindow(window.winId()).toImage()
    return shown.copy(QRect(corner, view.viewport().size()))


def _painted_in_strips(window, view, width):
    """The canvas with every link painted strip by strip, as scrolls paint it."""
    links = list(window.scene.edges.values())
    for link in links:
        link.hide()
    view.viewport().repaint()  # the picture without its links
    for link in links:
        link.show()
    area = view.viewport().rect()
    for left in range(0, area.width(), width):
        view.viewport().repaint(QRect(left, 0, width, area.height()))
    return _on_screen(window, view)


def _largest_difference(image, other):
    """The largest difference of a colour channel between two pictures of one size."""
    from PySide6.QtGui import QColor

    worst = 0
    for x in range(image.width()):
        for y in range(image.height()):
            if image.pixel(x, y) != other.pixel(x, y):
                one, two = QColor(image.pixel(x, y)), QColor(other.pixel(x, y))
                worst = max(
                    worst,
                    abs(one.red() - two.red()),
                    abs(one.green() - two.green()),
                    abs(one.blue() - two.blue()),
                )
    return worst


def test_links_painted_strip_by_strip_look_as_painted_at_once(make_window, tmp_path, qtbot):
    """The strips a scroll paints draw each link's stretch inside them, dashes in step and
    arrowheads where they fall: put together, they give the picture painted at once (but
    for the smoothing of edges, which a curve cut in pieces rounds a little differently)."""
    path, _ = _spread(
        tmp_path / "long.argmap",
        [
            ("support", (-2600.0, 260.0)),
            ("counterclaim", (3300.0, 120.0)),
            ("evidence", (700.0, 900.0)),
            ("counterclaim", (-400.0, 2400.0)),
        ],
    )
    window = make_window(path)
    view = window.view
    view.overview.hide()
    for zoom in (1.0, 0.75):
        view.set_zoom(zoom)
        view.centerOn(QPointF(150.0, 250.0))
        view.viewport().repaint()
        whole = _on_screen(window, view)
        strips = _painted_in_strips(window, view, 37)
        assert _largest_difference(whole, strips) <= SMOOTHING
