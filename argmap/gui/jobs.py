"""Long work off the GUI thread: Graphviz layout and export.

A job runs a plain function in Qt's thread pool on a copy of the map and
reports back on the GUI thread through signals, so the window never freezes.
"""

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

from argmap.gui.items import CARD_WIDTH

RANK_GAP = 60.0
NODE_GAP = 28.0


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


def spread_positions(positions, heights):
    """Make room for the editor's cards in a Graphviz layout.

    Nodes on one rank (same y) keep their left-to-right order but are pushed
    apart to the card width; ranks are pushed apart to the tallest card.
    """
    ranks = {}
    for node, (x, y) in positions.items():
        ranks.setdefault(round(y, 0), []).append((x, node))
    result, y_shift, previous_bottom = {}, 0.0, None
    for y in sorted(ranks):
        row = sorted(ranks[y])
        tallest = max(heights.get(n, 80.0) for _, n in row)
        new_y = y + y_shift
        if previous_bottom is not None and new_y - tallest / 2 < previous_bottom + RANK_GAP:
            y_shift += previous_bottom + RANK_GAP - (new_y - tallest / 2)
            new_y = y + y_shift
        previous_bottom = new_y + tallest / 2
        last_x = None
        for x, node in row:
            if last_x is not None and x < last_x + CARD_WIDTH + NODE_GAP:
                x = last_x + CARD_WIDTH + NODE_GAP
            result[node] = (round(x, 1), round(new_y, 1))
            last_x = x
    return result
