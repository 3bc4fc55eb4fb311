"""Quitting once the editor is idle, so that opening a map can be timed from outside.

With ``ARGMAP_QUIT_WHEN_IDLE=1`` in the environment the editor opens its map as
usual and, once the canvas has painted and nothing is left to do (no layout
running, the overview drawn, the event loop idle), closes its window and quits
with exit code 0. A
benchmark times ``python -m argmap MAP`` from process start to exit. A layout
that fails ends the process with exit code 1 and its reason on stderr.
"""

import os
import sys

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication

#: The environment variable that asks for it.
ENV = "ARGMAP_QUIT_WHEN_IDLE"
#: Milliseconds between looks while the overview's picture waits to be drawn.
WAIT_MS = 5


def wanted(environ=None):
    """Whether the environment asks the editor to quit once idle."""
    value = (os.environ if environ is None else environ).get(ENV, "")
    return value not in ("", "0")


class QuitWhenIdle(QObject):
    """Closes *window* and quits the application after a paint, once no job is running.

    *exit* ends the event loop with a code (``QApplication.exit``).
    """

    def __init__(self, window, exit=QApplication.exit):
        super().__init__(window)
        self.window = window
        self.exit = exit
        self.failure = None
        self._checking = False
        window.view.viewport().installEventFilter(self)
        window.document.jobs.failed.connect(self._failed)

    def eventFilter(self, watched, event):
        if event.type() == QEvent.Paint and not self._checking:
            self._checking = True
            QTimer.singleShot(0, self._check)   # runs once this paint is done
        return False

    def _failed(self, message):
        self.failure = message
        QTimer.singleShot(0, self._check)

    def _check(self):
        """Quit if idle; with a job still running, the paint after it ends checks again,
        and a pending redraw of the overview is waited for."""
        self._checking = False
        if self.failure is not None:
            print(f"argmap: {self.failure}", file=sys.stderr)
            self._quit(1)
        elif self.window.view.overview.pending:
            self._checking = True
            QTimer.singleShot(WAIT_MS, self._check)
        elif not self.window.document.jobs.active:
            self._quit(0)

    def _quit(self, code):
        self.window.view.viewport().removeEventFilter(self)
        closed = self.window.close()
        self.exit(code if closed else 1)
