"""The canvas's room: the overview can be hidden, and the docks give way in a small window."""

from PySide6.QtWidgets import QTabBar, QWidget

from argmap.gui.dock_room import DOCK_WIDTH
from argmap.gui.main_window import MainWindow
from argmap.model import queries


def _overflowing(window, qtbot):
    """Zoom *window*'s canvas in until the map overflows it; wait for the overview's redraw."""
    window.view.set_zoom(3.0)
    qtbot.waitUntil(lambda: not window.view.overview.pending)


def test_the_overview_can_be_hidden_from_the_view_menu_and_stays_hidden(
    make_window, map_file, qtbot
):
    """View > Overview unchecked hides the overview through zooms and edits, and a window
    opened later remembers it; checked again, the overview is back."""
    window = make_window(map_file)
    overview, action = window.view.overview, window.registry["show_overview"]
    assert action in window.menus["view"].actions()
    _overflowing(window, qtbot)
    assert action.isChecked() and overview.isVisible()
    action.trigger()
    assert not action.isChecked() and not overview.isVisible()
    window.view.set_zoom(4.0)
    assert not overview.isVisible()
    main = queries.main_claims(window.document.amap)[0]
    window.document.add_child(main, "support", "A reason added while it is hidden")
    window.view.finish_typing()
    qtbot.wait(400)  # past the overview's redraw delay
    bar = window.view.horizontalScrollBar()
    bar.setValue(bar.value() + 40)
    assert not overview.isVisible()
    window.document.undo_stack.undo()
    window.close()
    later = make_window(map_file)
    _overflowing(later, qtbot)
    assert not later.registry["show_overview"].isChecked() and not later.view.overview.isVisible()
    later.registry["show_overview"].trigger()
    qtbot.waitUntil(later.view.overview.isVisible)
    assert make_window().registry["show_overview"].isChecked()


def _canvas_share(window):
    """The canvas's share of the window's width."""
    return window.view.viewport().width() / window.width()


def _side_widths(window):
    return window.outline_dock.width(), window.inspector_dock.width()


def test_at_1024_by_600_the_canvas_keeps_more_than_half_the_window(make_window, map_file, qtbot):
    """In a 1024 x 600 window the docks give way: the canvas is more than half the window's
    width, the docks still show their tabs' whole titles; at 1366 x 768 they are wide again."""
    window = make_window(map_file)
    window.resize(1366, 768)
    qtbot.waitUntil(lambda: _side_widths(window) == (DOCK_WIDTH, DOCK_WIDTH))
    window.resize(1024, 600)
    qtbot.waitUntil(lambda: window.width() == 1024 and _canvas_share(window) > 0.5)
    assert window.outline_dock.isVisible() and window.inspector_dock.isVisible()
    for bar in window.findChildren(QTabBar):
        if bar.isVisible():
            assert bar.width() >= bar.sizeHint().width(), [bar.tabText(i) for i in range(2)]
    window.resize(1366, 768)
    qtbot.waitUntil(lambda: _side_widths(window) == (DOCK_WIDTH, DOCK_WIDTH))
    assert _canvas_share(window) > 0.55


def test_a_window_opened_at_1024_by_600_gives_the_canvas_more_than_half(map_file, qtbot, settings):
    """A window that opens at 1024 x 600 (a small screen, or its saved size) lays its docks
    out narrow from the start."""
    window = MainWindow(str(map_file), settings=settings)
    qtbot.addWidget(window)
    window.resize(1024, 600)
    window.show()
    qtbot.waitExposed(window)
    qtbot.waitUntil(lambda: _canvas_share(window) > 0.5)


def test_at_1024_by_600_the_key_hint_shows_all_its_words(make_window, map_file, qtbot):
    """The hint of keys at the foot of a small canvas takes two lines rather than cutting
    its end off, and stays inside the canvas."""
    window = make_window(map_file)
    window.resize(1024, 600)
    hint = window.view.findChild(QWidget, "key-hint")
    qtbot.waitUntil(lambda: window.width() == 1024 and hint.isVisible())
    qtbot.wait(50)
    room = window.view.viewport().rect()
    assert room.contains(hint.geometry())
    whole = hint.sizeHint().width() <= hint.width() or (
        hint.wordWrap() and hint.heightForWidth(hint.width()) <= hint.height()
    )
    assert whole, (hint.text(), hint.width(), hint.sizeHint().width())
