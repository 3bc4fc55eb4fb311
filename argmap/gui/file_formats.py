"""Maps in other formats in the editor: Argdown, AIF, GraphML and Kialo open and save directly.

The format is taken from the file's suffix (see :func:`argmap.formats.format_of`).
Before a map is saved in a format that cannot hold all of it, the user is told
what would be lost and chooses.
"""

import os

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog, QMessageBox

from argmap.formats import cannot_hold, reading_format
from argmap.gui.plain import message_box

MAP_FILTER = (
    "Argument maps (*.argmap *.argdown *.ad *.json *.graphml *.txt);;"
    "argmap (*.argmap);;Argdown (*.argdown *.ad);;AIF (*.json);;GraphML (*.graphml);;"
    "Kialo text export (*.txt);;All files (*)"
)
SAVE_FILTER = (
    "argmap (*.argmap);;Argdown (*.argdown);;AIF (*.json);;GraphML (*.graphml);;"
    "Kialo text export (*.txt)"
)


def format_for(path):
    """The format of *path*; a file with an unknown suffix is read and written as argmap."""
    return reading_format(path)


def ask_save_path(parent, folder):
    """Ask where to save; a name without a suffix becomes an ``.argmap`` file."""
    path, _ = QFileDialog.getSaveFileName(parent, "Save map", folder, SAVE_FILTER)
    if path and not os.path.splitext(path)[1]:
        path += ".argmap"
    return path


def keep_losses(parent, amap, path):
    """Tell what the format of *path* cannot hold of *amap*; return whether to save anyway."""
    losses = cannot_hold(amap, format_for(path))
    if not losses:
        return True
    box = message_box(
        parent,
        QMessageBox.Warning,
        "Some of the map would be lost",
        f"{os.path.basename(path)} is a {format_for(path)} file, which cannot hold "
        "all of this map:\n\n"
        + "\n".join(f"• {loss}" for loss in losses)
        + "\n\nSave a copy as .argmap to keep everything.",
        "losses-question",
        QMessageBox.Save | QMessageBox.Cancel,
    )
    box.setDefaultButton(QMessageBox.Cancel)
    return box.exec() == QMessageBox.Save


#: Most reader notes listed in the box after opening a file.
MAX_NOTES = 20


def show_reader_notes(parent, path: str, notes: list[str]) -> QMessageBox:
    """Tell what of the file *path* the map does not show, in an information box (plain
    text): the file opened, and nothing is wrong with argmap. Returns the box."""
    listed = "\n".join(f"• {note[:1].upper()}{note[1:]}" for note in notes[:MAX_NOTES])
    more = len(notes) - MAX_NOTES
    box = message_box(
        parent,
        QMessageBox.Information,
        "Opened: some of the file is not shown",
        f"{os.path.basename(path)} is open. Some of what it holds is not shown:\n\n{listed}"
        + (f"\n… and {more} more" if more > 0 else ""),
        "reader-notes",
        QMessageBox.Ok,
    )
    box.setAttribute(Qt.WA_DeleteOnClose)
    box.open()
    return box
