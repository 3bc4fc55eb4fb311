"""The Weak Spots dock: what ``argmap check`` finds, kept current while the map is edited.

The list is :func:`argmap.analysis.weak_spots.weak_spots`, grouped under the
headings of its categories, each entry with the node it names, the problem
and how to fix it. It is recomputed shortly after edits (several quick edits
recompute once), and only while the dock shows: a hidden dock catches up when
it is next shown. Clicking an entry selects its node; the canvas then brings it
into view.
"""

from PySide6.QtCore import QRect, QSize, Qt, QTimer
from PySide6.QtGui import QBrush, QColor, QFont, QFontMetrics
from PySide6.QtWidgets import (
    QDockWidget,
    QLabel,
    QStyledItemDelegate,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from argmap.analysis.weak_spots import weak_spots
from argmap.gui.plain import tooltip
from argmap.model import ChangeType

ORIGIN = "weak-spots"
NODE_ROLE = Qt.UserRole
#: Milliseconds of quiet after an edit before the list is recomputed.
DEBOUNCE_MS = 250
#: Changes that cannot change the list.
IDLE_CHANGES = (ChangeType.MAP_CHANGED,)
#: Colour of the line that says how to fix a weak spot.
FIX_COLOR = "#3B6E3B"


class _WrappingDelegate(QStyledItemDelegate):
    """Gives each row the height of its text wrapped to the list's width."""

    def __init__(self, tree):
        super().__init__(tree)
        self.tree = tree

    def sizeHint(self, option, index):
        depth, parent = 1, index.parent()
        while parent.isValid():
            depth, parent = depth + 1, parent.parent()
        width = max(60, self.tree.viewport().width() - self.tree.indentation() * depth - 8)
        font = index.data(Qt.FontRole) or option.font
        bounds = QFontMetrics(font).boundingRect(
            QRect(0, 0, width, 100_000), Qt.TextWordWrap, index.data(Qt.DisplayRole) or ""
        )
        return QSize(width, bounds.height() + 4)


class _WrappingTree(QTreeWidget):
    """A tree whose rows wrap their text, laid out again when its width changes."""

    def __init__(self):
        super().__init__()
        self.setItemDelegate(_WrappingDelegate(self))
        self.setHeaderHidden(True)
        self.setWordWrap(True)
        self.setUniformRowHeights(False)
        self.setTextElideMode(Qt.ElideNone)
        self.setIndentation(12)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarAlwaysOff)

    def resizeEvent(self, event):
        super().resizeEvent(event)
        if event.size().width() != event.oldSize().width():
            self.scheduleDelayedItemsLayout()


class WeakSpotsDock(QDockWidget):
    """A dock listing the map's weak spots by category, with the fix for each."""

    def __init__(self, document, selection, registry, parent=None):
        super().__init__("Weak Spots", parent)
        self.setObjectName("weak_spots")
        self.document = document
        self.selection = selection
        self.spots = []
        self._stale = False  # the map changed while the dock was hidden
        self._showing = False  # its tab is the one shown (a tab behind another is not)
        self.tree = _WrappingTree()
        self.tree.setObjectName("weak-spots-list")
        self.summary = QLabel()
        self.summary.setTextFormat(Qt.PlainText)
        self.summary.setObjectName("weak-spots-summary")
        self.setWidget(self._body())
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(DEBOUNCE_MS)
        self._timer.timeout.connect(self.refresh)
        registry.add(
            "next_weak_spot",
            "Next &Weak Spot",
            self.select_next,
            "F8",
            "debate",
            "check",
            tip="Select the node of the next weak spot in the list",
        )
        document.changed.connect(self._on_change)
        document.reset.connect(self.refresh)
        self.visibilityChanged.connect(self._shown)
        self.tree.itemClicked.connect(self._clicked)
        self.tree.itemActivated.connect(self._clicked)
        self.refresh()

    def _body(self):
        body = QWidget()
        layout = QVBoxLayout(body)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.summary)
        layout.addWidget(self.tree, 1)
        return body

    def _on_change(self, change):
        if change.type not in IDLE_CHANGES and not (
            change.type == ChangeType.NODE_CHANGED and set(change.keys) <= {"pos", "collapsed"}
        ):
            self._timer.start()

    def refresh(self):
        """Recompute the weak spots and redraw the list; while hidden, once it shows."""
        self._timer.stop()
        if self._showing:
            self._fill()
        else:
            self._stale = True

    def _shown(self, visible):
        self._showing = visible
        if visible and self._stale:
            self._fill()

    def _fill(self):
        self._stale = False
        self.spots = weak_spots(self.document.amap)
        self.tree.clear()
        headings = {}
        for spot in self.spots:
            if spot.heading not in headings:
                headings[spot.heading] = self._heading_item(spot.heading)
            headings[spot.heading].addChild(self._spot_item(spot))
        for heading, item in headings.items():
            item.setText(0, f"{heading} ({item.childCount()})")
        self.tree.expandAll()
        count = len(self.spots)
        self.summary.setText(
            f"{count} weak spot{'' if count == 1 else 's'}" if count else "No weak spots found"
        )

    def _heading_item(self, heading):
        item = QTreeWidgetItem(self.tree)
        font = QFont(item.font(0))
        font.setBold(True)
        item.setFont(0, font)
        item.setFlags(Qt.ItemIsEnabled)
        return item

    def _spot_item(self, spot):
        item = QTreeWidgetItem()
        item.setText(0, spot.problem)
        item.setData(0, NODE_ROLE, spot.node)
        item.setToolTip(0, tooltip(f"{spot.problem}\n\nHow to fix it: {spot.fix}"))
        fix = QTreeWidgetItem(item)
        fix.setText(0, "→ " + spot.fix)
        fix.setData(0, NODE_ROLE, spot.node)
        fix.setForeground(0, QBrush(QColor(FIX_COLOR)))
        font = QFont(fix.font(0))
        font.setItalic(True)
        fix.setFont(0, font)
        return item

    def entries(self):
        """The entry rows, in list order."""
        tops = [self.tree.topLevelItem(i) for i in range(self.tree.topLevelItemCount())]
        return [top.child(j) for top in tops for j in range(top.childCount())]

    def _clicked(self, item, column=0):
        node = item.data(0, NODE_ROLE)
        if node is not None and node in self.document.amap:
            self.selection.set([node], origin=ORIGIN)

    def select_next(self):
        """Select the entry after the current one (the first, at the end) and its node."""
        if self._stale:
            self._fill()
        entries = self.entries()
        if not entries:
            self.document.told.emit("No weak spots found")
            return
        current = self.tree.currentItem()
        index = entries.index(current) + 1 if current in entries else 0
        item = entries[index % len(entries)]
        self.tree.setCurrentItem(item)
        self._clicked(item)
