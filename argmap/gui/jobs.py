"""Long work off the GUI thread: Graphviz layout and export.

A job runs a plain function in Qt's thread pool on a copy of the map and
reports back on the GUI thread through signals, so the window never freezes.
"""

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal


class _Signals(QObject):
    finished = Signal(object)
    failed = Signal(object)


class Job(QRunnable):
    """Run ``function()`` in the thread pool; emit ``finished(result)`` or ``failed(exc)``."""

    def __init__(self, function):
        super().__init__()
        self.function = function
        self.signals = _Signals()
        self.setAutoDelete(False)

    def run(self):
        try:
            result = self.function()
        except Exception as exc:  # reported to the user by the window, never dropped
            self.signals.failed.emit(exc)
        else:
            self.signals.finished.emit(result)

    def start(self):
        QThreadPool.globalInstance().start(self)
        return self


class JobRunner(QObject):
    """The background work of one document; tells the window when it is busy or failed."""

    busy_changed = Signal(bool, str)  # busy, what is being done
    failed = Signal(str)  # why a job could not finish

    def __init__(self, parent=None):
        super().__init__(parent)
        self.active = set()

    def start(self, function, message, on_done):
        """Run ``function()`` off the GUI thread, then ``on_done(result)`` on it; return the job."""
        job = Job(function)
        self.active.add(job)
        job.signals.finished.connect(on_done)
        job.signals.finished.connect(lambda _: self._ended(job))
        job.signals.failed.connect(lambda exc: self._ended(job))
        job.signals.failed.connect(lambda exc: self.failed.emit(str(exc)))
        self.busy_changed.emit(True, message)
        return job.start()

    def _ended(self, job):
        self.active.discard(job)
        if not self.active:
            self.busy_changed.emit(False, "")

    def forget(self):
        """Drop the results of running jobs (the window is closing)."""
        for job in list(self.active):
            job.signals.blockSignals(True)
        self.active.clear()
