"""File > Open Recent: the last maps opened or saved, shared by every window through QSettings."""

import os

from PySide6.QtWidgets import QMenu

from argmap.gui.plain import tooltip

MAX_RECENT = 8


class RecentMenu(QMenu):
    """The recent maps; choosing one calls ``open_path(path)``."""

    def __init__(self, settings, open_path, parent=None):
        super().__init__("Open &Recent", parent)
        self.settings = settings
        self.open_path = open_path
        self.refresh()

    def paths(self):
        """The recent maps, newest first."""
        value = self.settings.value("recent", []) or []
        return [value] if isinstance(value, str) else list(value)

    def add(self, path):
        """Put *path* first in the list."""
        recent = [path] + [p for p in self.paths() if p != path]
        self.settings.setValue("recent", recent[:MAX_RECENT])

    def refresh(self):
        self.clear()
        for path in self.paths():
            action = self.addAction(os.path.basename(path))
            action.setToolTip(tooltip(path))
            action.triggered.connect(lambda checked=False, p=path: self.open_path(p))
        self.setEnabled(bool(self.paths()))
