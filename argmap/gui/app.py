"""Start the editor: ``python -m argmap [FILE]`` or ``python main.py [FILE]``."""

import os
import sys

from argmap import __version__, resources
from argmap.gui import idle_quit
from argmap.gui.autosave import recovery_store
from argmap.gui.clipboard import release_clipboard
from argmap.gui.main_window import MainWindow
from argmap.gui.recovery_dialog import offer_recovery
from argmap.gui.safety import install_excepthook, install_signal_handlers
from argmap.recovery import RecoveryStore

#: Name of the desktop entry (``argmap.desktop``) the window manager matches windows to.
DESKTOP_FILE_NAME = "argmap"


def default_map():
    """The map opened when no file is named: the seeded encryption map, else the example."""
    if resources.exists(*resources.SEEDED_MAP):
        return resources.path(*resources.SEEDED_MAP)
    return resources.path(*resources.EXAMPLE_MAP)


def app_icon():
    """The application's icon: the SVG and every PNG size shipped in the package."""
    from PySide6.QtCore import QSize
    from PySide6.QtGui import QIcon

    icon = QIcon()
    for size in resources.ICON_SIZES:
        icon.addFile(resources.icon_path(size), QSize(size, size))
    return icon


def make_application(argv=None):
    """The QApplication, with the names QSettings uses, the version, icon and desktop entry."""
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance() or QApplication(argv or sys.argv[:1])
    app.setOrganizationName("argmap")
    app.setApplicationName("argmap")
    app.setApplicationDisplayName("argmap")
    app.setApplicationVersion(__version__)
    app.setDesktopFileName(DESKTOP_FILE_NAME)
    app.setWindowIcon(app_icon())
    return app


def run(path=None):
    """Open the editor on *path* (or the default map) and run until it closes."""
    try:
        from PySide6.QtWidgets import QApplication  # noqa: F401
    except ImportError as exc:
        print(
            f"argmap: the editor needs PySide6 ({exc}); run `make run` to set it up",
            file=sys.stderr,
        )
        return 1
    if path is not None and not os.path.exists(path):
        print(f"argmap: no such file: {path}", file=sys.stderr)
        return 1
    app = make_application()

    app.aboutToQuit.connect(release_clipboard)
    install_excepthook(MainWindow.windows)
    ticker = install_signal_handlers(MainWindow.windows)  # noqa: F841 (lives with the app)
    window = open_windows(path, recovery_store())
    if idle_quit.wanted():
        idle_quit.QuitWhenIdle(window, at_once=idle_quit.at_once())  # the window's child
    return app.exec()


def open_windows(path: str | None, store: RecoveryStore) -> MainWindow:
    """Open the editor's first windows and return the one in front.

    The recovery copies of *store* are offered first; each one restored opens a window of
    its own. Then *path* opens, unless a restored window already holds it: that window,
    with the recovered work, comes to the front instead. With no *path*, the default map
    opens only when nothing was restored.
    """
    restored = offer_recovery(store, MainWindow)
    for window in restored:
        window.show()
    front = _window_for_start(path, restored)
    front.show()
    front.raise_()
    front.activateWindow()
    return front


def _window_for_start(path, restored):
    """The window of *path*, of the last restored map, or of the default map."""
    if path is not None:
        return MainWindow.window_for(path) or MainWindow(path)
    if restored:
        return restored[-1]
    window = MainWindow()
    # the seeded map, as an untitled copy: the installed file stays as it is
    window.document.load_copy(default_map())
    return window
