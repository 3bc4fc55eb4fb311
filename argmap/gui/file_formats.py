"""Maps in other formats in the editor: Argdown, AIF, GraphML and Kialo open and save directly.

The format is taken from the file's suffix (see :func:`argmap.formats.format_of`).
Before a map is saved in a format that cannot hold all of it, the user is told
what would be lost and chooses.
"""

import os

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
