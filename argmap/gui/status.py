"""The window's status bar: how many nodes and links, the zoom, the busy bar, passing remarks.

The counts follow the model's changes one by one (a link added adds one), so
an edit never recounts the map; a newly opened map is counted once.
"""

from PySide6.QtWidgets import QLabel, QProgressBar

from argmap.model import ChangeType, dispatcher
from argmap.render.text import counted

#: Milliseconds a passing status message stays.
STATUS_MS = 6000


class StatusBar:
    """Fills *bar* (a QStatusBar) for *document*, shown in *view*; lives as long as the bar."""

    def __init__(self, bar, document, view):
        self.bar = bar
        self.document = document
        self.counts_label = QLabel()
        self.zoom_label = QLabel("100%")
        self.busy = QProgressBar()
        self.busy.setRange(0, 0)
        self.busy.setMaximumWidth(120)
        self.busy.hide()
        for widget in (self.busy, self.counts_label, self.zoom_label):
            bar.addPermanentWidget(widget)
        self.links = 0
        self._count = dispatcher(
            {
                ChangeType.NODE_ADDED: self._show_counts,
                ChangeType.NODE_REMOVED: self._show_counts,
                ChangeType.EDGE_ADDED: lambda change: self._add_links(1),
                ChangeType.EDGE_REMOVED: lambda change: self._add_links(-1),
            }
        )
        document.changed.connect(self._count)
        document.reset.connect(self.recount)
        document.told.connect(self.tell)
        document.jobs.busy_changed.connect(self.show_busy)
        view.zoom_changed.connect(self.show_zoom)
        self.recount()

    def recount(self):
        """Count the links of a newly opened map and show the counts."""
        self.links = len(self.document.amap.graph.edges)
        self._show_counts()

    def _add_links(self, step):
        self.links += step
        self._show_counts()

    def _show_counts(self, change=None):
        nodes, links = counted(len(self.document.amap), "node"), counted(self.links, "link")
        self.counts_label.setText(f"{nodes} · {links}")

    def tell(self, message, msecs=STATUS_MS):
        """Show a passing remark."""
        self.bar.showMessage(message, msecs)

    def show_zoom(self, zoom):
        self.zoom_label.setText(f"{zoom:.0%}")

    def show_busy(self, busy, message):
        """Show the busy bar and what is being done, or clear both."""
        self.busy.setVisible(busy)
        if busy:
            self.bar.showMessage(message)
        elif self.bar.currentMessage().endswith("…"):
            self.bar.clearMessage()
