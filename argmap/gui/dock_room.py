"""Room for the canvas: the docks on either side give way when the window is small.

In a large window each side's docks (the Outline and its tabs on the left, the
Inspector and History on the right) are :data:`DOCK_WIDTH` wide. In a window
too narrow for that, the two sides together take at most :data:`DOCKS_SHARE`
of its width, so that the canvas keeps more than half of it: each side gives
way first down to the width its tabs need to show their whole titles, then
further, evenly, down to :data:`MIN_DOCK_WIDTH` (a dock's own minimum may be
wider). When the window widens again, a side that gave way grows back to the
width it had, unless the user has resized it since.
"""

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtWidgets import QDockWidget, QMainWindow, QTabBar

#: Width of the docks on either side of the canvas in a large window (pixels).
DOCK_WIDTH = 260
#: The narrowest a side gives way to (pixels); a dock's own minimum may be wider.
MIN_DOCK_WIDTH = 150
#: The most of the window's width both sides take together when the window is small.
DOCKS_SHARE = 0.44
#: The dock areas beside the canvas.
SIDES = (Qt.LeftDockWidgetArea, Qt.RightDockWidgetArea)


def side_widths(window_width: int, floors: list[int]) -> list[int]:
    """The widest each side's docks may be in a window *window_width* pixels wide.

    *floors* are the widths the sides need to look whole (their tabs' titles, their
    docks' minimum); a side gives way below its floor only when every side is down to
    its floor and the docks still take more than :data:`DOCKS_SHARE` of the window.

    Example
    -------
    >>> side_widths(1920, [235, 193]), side_widths(1024, [235, 193])
    ([260, 260], [241, 209])
    >>> side_widths(900, [235, 193])
    [219, 177]
    """
    budget = int(window_width * DOCKS_SHARE)
    excess = DOCK_WIDTH * len(floors) - budget
    if excess <= 0:
        return [DOCK_WIDTH] * len(floors)
    room = [max(0, DOCK_WIDTH - floor) for floor in floors]
    if sum(room) >= excess:
        return [DOCK_WIDTH - round(excess * r / sum(room)) for r in room]
    cut = (sum(min(floor, DOCK_WIDTH) for floor in floors) - budget) / len(floors)
    return [max(MIN_DOCK_WIDTH, int(min(floor, DOCK_WIDTH) - cut)) for floor in floors]


class DockRoom(QObject):
    """Narrows the side docks of *main* as it narrows, and widens them back as it widens."""

    def __init__(self, main: QMainWindow) -> None:
        super().__init__(main)
        self.main = main
        self.given = {}  # side -> (the width it had, the width it was given) after giving way
        main.installEventFilter(self)

    def eventFilter(self, watched, event):
        if watched is self.main and event.type() == QEvent.Resize:
            self.fit(event.size().width())
        return False

    def docks(self, side: Qt.DockWidgetArea) -> list[QDockWidget]:
        """The docks shown on *side*; of a group of tabs, the one in front comes first (the
        others lie outside the window)."""
        found = [
            dock
            for dock in self.main.findChildren(QDockWidget)
            if not dock.isFloating()
            and not dock.isHidden()
            and self.main.dockWidgetArea(dock) == side
        ]
        return sorted(found, key=lambda d: not d.geometry().intersects(self.main.rect()))

    def floor(self, docks: list[QDockWidget]) -> int:
        """The width a side of *docks* needs to look whole: its tabs' titles and its docks'
        minimum."""
        titles = sorted(dock.windowTitle() for dock in docks)
        tabs = [
            bar.sizeHint().width()
            for bar in self.main.findChildren(QTabBar, options=Qt.FindDirectChildrenOnly)
            if sorted(bar.tabText(i) for i in range(bar.count())) == titles
        ]
        least = [dock.minimumSizeHint().width() for dock in docks]
        return max([MIN_DOCK_WIDTH, *tabs, *least])

    def fit(self, window_width: int) -> None:
        """Give each side the width it may have in a window *window_width* pixels wide."""
        shown = [(side, docks) for side in SIDES if (docks := self.docks(side))]
        limits = side_widths(window_width, [self.floor(docks) for _, docks in shown])
        resized, widths = [], []
        for (side, docks), limit in zip(shown, limits, strict=True):
            width = self._width_for(side, docks[0].width(), limit)
            if width != docks[0].width():
                resized.append(docks[0])
                widths.append(width)
        if resized:
            self.main.resizeDocks(resized, widths, Qt.Horizontal)

    def _width_for(self, side, width, limit):
        had, given = self.given.get(side, (None, None))
        if given is not None and width != given:
            self.given.pop(side)  # resized by the user since: theirs to keep
            had = None
        if width > limit:
            self.given[side] = (had or width, limit)
            return limit
        if had is not None and width < had:
            grown = min(had, limit)
            self.given[side] = (had, grown)
            if grown == had:
                self.given.pop(side)
            return grown
        return width
