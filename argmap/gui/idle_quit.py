"""Quitting once the editor is idle, so that opening a map can be timed from outside.

With ``ARGMAP_QUIT_WHEN_IDLE=1`` in the environment the editor opens its map as
usual and, once the canvas has painted and nothing is left to do (no layout
running, the overview drawn, the event loop idle), closes its window (its lock
released, its settings written) and ends the process at once with exit code 0,
so that a benchmark timing ``python -m argmap MAP`` from outside measures
process start to idle window. With ``ARGMAP_QUIT_WHEN_IDLE=exit`` it returns
from the event loop instead and Python tears everything down as on a normal
quit (that teardown of thousands of Qt objects is then timed too). A layout
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
    return _value(environ) not in ("", "0")


def at_once(environ=None):
    """Whether the process ends at once after the window closes (not for ``exit``)."""
    return _value(environ) != "exit"


def _value(environ):
    return (os.environ if environ is None else environ).get(ENV, "")


class QuitWhenIdle(QObject):
    """Closes *window* and quits the application after a paint, once no job is running.

    *exit* ends the event loop with a code (``QApplication.exit``); with *at_once*
    the process ends right after the window has closed, without Python's teardown.
    """

    def __init__(self, window, exit=QApplication.exit, at_once=False):
        super().__init__(window)
        self.window = window
        self.exit = exit
        self.at_once = at_once
        self.failure = None
        self._checking = False
        window.view.viewport().installEventFilter(self)
        window.document.jobs.failed.connect(self._failed)

    def eventFilter(self, watched, event):
        if event.type() == QEvent.Paint and not self._checking:
            self._checking = True
            QTimer.singleShot(0, self._check)  # runs once this paint is done
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
        code = code if self.window.close() else 1
        if self.at_once:
            self.window.settings.sync()
            sys.stdout.flush()
            sys.stderr.flush()
            os._exit(code)
        self.exit(code)
