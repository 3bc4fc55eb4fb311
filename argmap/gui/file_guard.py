"""Guarding an open file: one window per file, a lock for other processes, no silent overwrite.

A :class:`FileGuard` holds the lock of its document's file, remembers how
the file looked when it was read or saved, and before a save tells whether
someone else has written it since.
"""

import os

from PySide6.QtWidgets import QMessageBox

from argmap import locks
from argmap.errors import LockedError, LockError
from argmap.gui.plain import message_box


def file_stamp(path):
    """``(size, mtime_ns)`` of *path*, or None when it cannot be seen."""
    try:
        info = os.stat(path)
    except OSError:
        return None
    return info.st_size, info.st_mtime_ns


class FileGuard:
    """The lock and the on-disk stamp of one document's file."""

    def __init__(self, document, parent):
        self.document = document
        self.parent = parent
        self.lock = None
        self.stamp = None

    def take(self, path):
        """Lock *path* for this window; warn (and return False if the user cancels) when
        another process holds it."""
        self.release()
        try:
            self.lock = locks.acquire(path)
        except LockedError as exc:
            mine = exc.info is not None and exc.info.is_mine()  # another window of ours
            if not mine and not self._open_anyway(path, exc):
                return False
        except LockError:
            self.lock = None  # a folder without room for a lock: open unprotected
        return True

    def _open_anyway(self, path, exc):
        who = exc.info.describe() if exc.info is not None else "another program"
        box = message_box(
            self.parent,
            QMessageBox.Warning,
            "The map is open elsewhere",
            f"{os.path.basename(path)} is already open: {who}.\n\n"
            "Saving here could wipe out what is saved there. Open it anyway?",
            "locked-question",
            QMessageBox.Open | QMessageBox.Cancel,
        )
        box.setDefaultButton(QMessageBox.Cancel)
        return box.exec() == QMessageBox.Open

    def remember(self, path):
        """Note how *path* looks now (after reading or saving it)."""
        self.stamp = file_stamp(path)

    def ask_overwrite(self, path):
        """Ask what to do when *path* changed on disk since it was read: "overwrite",
        "save_as" or None (cancel)."""
        box = message_box(
            self.parent,
            QMessageBox.Warning,
            "The file has changed",
            f"{os.path.basename(path)} was changed by another program or window "
            "since you opened it. Saving now would replace those changes.",
            "changed-question",
            QMessageBox.Cancel,
        )
        overwrite = box.addButton("&Replace It", QMessageBox.DestructiveRole)
        save_as = box.addButton("Save &As…", QMessageBox.AcceptRole)
        box.setDefaultButton(save_as)
        box.exec()
        return {overwrite: "overwrite", save_as: "save_as"}.get(box.clickedButton())

    def ask_save_as_read_only(self, path):
        """Tell that *path* is read-only and ask whether to save under another name."""
        box = message_box(
            self.parent,
            QMessageBox.Warning,
            "The file is read-only",
            f"{os.path.basename(path)} is read-only, so argmap will not replace it. "
            "Save the map under another name?",
            "read-only-question",
            QMessageBox.Save | QMessageBox.Cancel,
        )
        return box.exec() == QMessageBox.Save

    def changed_on_disk(self, path):
        """Whether *path* was written by someone else since it was read or saved here."""
        return (
            self.stamp is not None
            and os.path.abspath(path) == self.document.path
            and file_stamp(path) != self.stamp
        )

    def release(self):
        if self.lock is not None:
            self.lock.release()
            self.lock = None
