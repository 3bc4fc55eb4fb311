"""The canvas's room: the overview can be hidden, and the docks give way in a small window."""

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
