"""The first window fits the screen it opens on."""


def test_a_first_window_fits_the_screen(qtbot, settings):
    """With no saved geometry, the window is no larger than the screen's free area,
    so the status bar and docks are never off screen (offscreen screens are 800x600)."""
    from argmap.gui.main_window import MainWindow

    window = MainWindow(None, settings=settings)
    qtbot.addWidget(window)
    available = window.screen().availableSize()
    assert available.width() < 1280 or available.height() < 820  # the test means something
    assert window.width() <= available.width() and window.height() <= available.height()
    window.document.undo_stack.setClean()
