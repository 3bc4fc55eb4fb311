"""When things go wrong while the editor runs: signals, errors nobody caught, the error log.

- SIGTERM and SIGHUP make a recovery copy of every modified map, stop any
  running Graphviz, and quit without asking.
- An exception that reaches the event loop is written, with its traceback, to
  ``errors.log`` in the data folder, shown in a dialog that names the log, and
  triggers a recovery copy of every modified map; the editor goes on.
"""

import datetime
import os
import signal
import traceback

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from argmap.gui.autosave import data_folder
from argmap.gui.plain import message_box
from argmap.render.graphviz import stop_all

LOG_NAME = "errors.log"
#: Largest error log kept (bytes); an older one is renamed ``errors.log.1``.
LOG_LIMIT = 1_000_000


def recovery_save_all(windows):
    """Write a recovery copy of every modified map in *windows*; return how many were written."""
    written = 0
    for window in list(windows):
        if window.document.modified and window.autosaver.save_now() is not None:
            written += 1
    return written


def end_on_signal(windows, signum):
    """Save recovery copies, stop Graphviz and close every window without asking."""
    recovery_save_all(windows)
    stop_all()
    for window in list(windows):
        window.ending = True
        window.close()
    QApplication.instance().exit(128 + signum)


def install_signal_handlers(windows):
    """Make SIGTERM and SIGHUP end the editor cleanly (see :func:`end_on_signal`).

    Python runs signal handlers between bytecodes; a light timer gives it the
    chance while Qt waits for events.
    """
    for signum in (signal.SIGTERM, signal.SIGHUP):
        signal.signal(
            signum,
            lambda number, frame: QTimer.singleShot(0, lambda: end_on_signal(windows, number)),
        )
    ticker = QTimer(QApplication.instance())
    ticker.timeout.connect(lambda: None)
    ticker.start(200)
    return ticker


def write_log(kind, value, trace, folder=None):
    """Append the exception to the error log; return the log's path."""
    path = os.path.join(folder or data_folder(), LOG_NAME)
    if os.path.exists(path) and os.path.getsize(path) > LOG_LIMIT:
        os.replace(path, path + ".1")
    when = datetime.datetime.now().isoformat(timespec="seconds")
    text = "".join(traceback.format_exception(kind, value, trace))
    with open(path, "a", encoding="utf-8") as handle:
        handle.write(f"--- {when}\n{text}\n")
    return path


def report_error(windows, kind, value, trace, folder=None):
    """Log an exception nobody caught, save recovery copies, and tell the user.

    Returns the dialog shown (or None when there is no window to show it on).
    """
    path = write_log(kind, value, trace, folder)
    saved = recovery_save_all(windows)
    parent = next(iter(windows), None)
    message = (
        f"Something went wrong inside argmap: {kind.__name__}: {value}\n\n"
        f"The details are in {path}. "
        + (f"A recovery copy of {saved} unsaved map(s) was made. " if saved else "")
        + "You can go on working; save your maps soon."
    )
    box = message_box(
        parent,
        QMessageBox.Critical,
        "argmap hit an error",
        message,
        "internal-error",
        QMessageBox.Ok,
    )
    box.setAttribute(Qt.WA_DeleteOnClose)
    box.open()
    return box


def install_excepthook(windows):
    """Report every exception that reaches the event loop (see :func:`report_error`)."""
    import sys

    def hook(kind, value, trace):
        if issubclass(kind, KeyboardInterrupt):
            QApplication.instance().exit(130)
            return
        report_error(windows, kind, value, trace)

    sys.excepthook = hook
    return hook
