"""An open map in the editor: the model, its file and its undo stack.

Every edit goes through :meth:`Document.push` as one model command wrapped in
a ``QUndoCommand``; views follow the model's change events, re-emitted here as
the Qt signal :attr:`Document.changed`.
"""

import itertools
import os

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoCommand, QUndoStack

from argmap.formats import load_map, save_map
from argmap.model import ArgumentMap

_merge_ids = itertools.count(1)


def new_merge_key():
    """Return a fresh key: commands pushed with the same key merge into one undo step."""
    return next(_merge_ids)


class UndoCommand(QUndoCommand):
    """A model command on Qt's undo stack."""

    def __init__(self, document, command):
        super().__init__(command.label)
        self.document = document
        self.command = command
        self.applied = False

    def redo(self):
        if self.applied:
            self.applied = False  # already carried out by Document.push
            return
        self.document.amap.apply(self.command)

    def undo(self):
        self.command.undo(self.document.amap)

    def id(self):
        return 1 if getattr(self.command, "merge_key", None) is not None else -1

    def mergeWith(self, other):
        return self.command.merge_with(other.command)


class Document(QObject):
    """The map being edited, where it is saved, and its edit history."""

    changed = Signal(object)          # an argmap.model.Change
    reset = Signal()                  # a whole new map was loaded
    modified_changed = Signal(bool)
    path_changed = Signal(str)

    def __init__(self, amap=None, path=None, parent=None):
        super().__init__(parent)
        self.undo_stack = QUndoStack(self)
        self.undo_stack.cleanChanged.connect(lambda clean: self.modified_changed.emit(not clean))
        self.amap = None
        self.path = path
        self._set_map(amap or ArgumentMap())

    def _set_map(self, amap):
        if self.amap is not None:
            self.amap.unsubscribe(self.changed.emit)
        self.amap = amap
        amap.subscribe(self.changed.emit)

    @property
    def modified(self):
        return not self.undo_stack.isClean()

    @property
    def display_name(self):
        return os.path.basename(self.path) if self.path else "Untitled"

    def push(self, command):
        """Carry out a model command as one undoable step; return the model command.

        Raises
        ------
        ModelError
            If the edit is invalid; nothing is then changed or recorded.
        """
        # Apply once outside the stack so that an invalid edit raises before
        # it is recorded; QUndoStack.push would call redo() again.
        wrapper = UndoCommand(self, command)
        self.amap.apply(command)
        wrapper.applied = True
        self.undo_stack.push(wrapper)
        return command

    def load(self, path):
        """Replace the map with the file at *path* (FormatError if it is broken)."""
        amap = load_map(path)
        self._set_map(amap)
        self.path = os.path.abspath(path)
        self.undo_stack.clear()
        self.reset.emit()
        self.path_changed.emit(self.path)

    def save(self, path=None):
        """Save to *path* (or the current path), atomically (SaveError on failure)."""
        target = os.path.abspath(path or self.path)
        save_map(self.amap, target)
        self.path = target
        self.undo_stack.setClean()
        self.path_changed.emit(self.path)
