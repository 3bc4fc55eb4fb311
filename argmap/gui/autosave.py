"""Autosave: a recovery copy of every modified map, every minute and every 20 edits.

Copies go to the recovery folder in the user's data folder
(``$XDG_DATA_HOME/argmap``, by default ``~/.local/share/argmap``: the same
for the editor and the command line), untitled maps included;
a clean save or a close that keeps nothing to lose removes the copy. At the
next start the editor offers the copies newer than their files
(:mod:`argmap.gui.recovery_dialog`).
"""

import itertools
import os

from PySide6.QtCore import QObject, QTimer

from argmap.errors import ArgmapError
from argmap.recovery import RecoveryStore, default_folder

#: How often (ms) and after how many edits a modified map is copied.
INTERVAL_MS = 60_000
EVERY_EDITS = 20
_sessions = itertools.count(1)


def recovery_store():
    """The recovery store in the user's data folder."""
    return RecoveryStore(default_folder())


def data_folder():
    """The editor's data folder (recovery copies, the error log); made if missing."""
    folder = os.path.dirname(default_folder())
    os.makedirs(folder, exist_ok=True)
    return folder


class Autosaver(QObject):
    """Keeps a recovery copy of one document while it has unsaved changes."""

    def __init__(self, document, store=None, parent=None):
        super().__init__(parent or document)
        self.document = document
        self.store = store or recovery_store()
        self.session = next(_sessions)
        self.edits = 0
        self.last_error = None
        self._copied_as = None  # the original the last copy was made for
        self.timer = QTimer(self)
        self.timer.setInterval(INTERVAL_MS)
        self.timer.timeout.connect(self.save_if_modified)
        self.timer.start()
        document.stepped.connect(self._edited)
        document.modified_changed.connect(self._modified_changed)

    def _edited(self):
        if not self.document.modified:
            return
        self.edits += 1
        if self.edits % EVERY_EDITS == 0:
            self.save_now()

    def _modified_changed(self, modified):
        if not modified:
            self.discard()

    def save_if_modified(self):
        if self.document.modified:
            self.save_now()

    def save_now(self):
        """Write the recovery copy now; return it (None if it could not be written)."""
        original = self.document.path
        if self._copied_as is not None and self._copied_as != original:
            self.discard()  # the map was saved under another name since
        try:
            copy = self.store.save(self.document.amap, original, self.edits, self.session)
        except ArgmapError as exc:
            self.last_error = str(exc)
            self.document.told.emit(f"The recovery copy could not be written: {exc}")
            return None
        self._copied_as = original
        self.last_error = None
        return copy

    def discard(self):
        """Remove this document's recovery copy (nothing is left to lose)."""
        original = self._copied_as if self._copied_as is not None else self.document.path
        self.store.discard_for(original, self.session)
        self._copied_as = None
        self.edits = 0
