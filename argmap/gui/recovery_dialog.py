"""At start: offer the recovery copies left by an editor that did not end cleanly.

Each copy newer than its file is listed with its time and its counts beside
the saved file's path, time and counts, the file it was compared with; the
user restores it (a new window, marked modified, saving asks before it
replaces anything), discards it, or keeps it for later.
"""

import datetime
import os

from PySide6.QtWidgets import QMessageBox

from argmap.errors import ArgmapError
from argmap.formats import load_map
from argmap.gui.plain import message_box
from argmap.recovery import RecoveryCopy
from argmap.render.text import counted

#: How times are shown: day, month, year and the time to the second.
TIME_FORMAT = "%d %b %Y, %H:%M:%S"


def when(seconds: float) -> str:
    """*seconds* since 1970 as a local time, to the second."""
    return datetime.datetime.fromtimestamp(seconds).strftime(TIME_FORMAT)


def describe(copy: RecoveryCopy) -> str:
    """What map a recovery copy holds, when it was made, and the saved file it was compared
    with (its path, its time and its counts), in plain text."""
    name = copy.original or f"An untitled map ({copy.title or 'no title'})"
    edits = f", {counted(copy.edits, 'edit')} not saved" if copy.edits else ""
    return (
        f"{name}\n\nThe recovery copy, made {when(copy.saved)}: "
        f"{counted(copy.nodes, 'node')}, {counted(copy.edges, 'link')}{edits}.\n"
        + compared_with(copy)
    )


def compared_with(copy: RecoveryCopy) -> str:
    """One sentence: the saved file the copy was compared with, when it was saved, and
    what it holds (or that there is none, or that it cannot be read)."""
    if copy.original is None:
        return "There is no saved file to compare it with."
    saved = file_time(copy.original)
    if saved is None:
        return f"It was compared with the saved file {copy.original}, which is gone."
    compared = f"It was compared with the saved file {copy.original}, saved {saved}: "
    try:
        current = load_map(copy.original)
    except ArgmapError as exc:
        return compared + f"that file cannot be read ({exc})."
    return (
        compared
        + f"{counted(len(current), 'node')}, "
        + f"{counted(len(current.graph.edges), 'link')}."
    )


def file_time(path: str) -> str | None:
    """When the file *path* was last written, or None when it cannot be seen."""
    try:
        return when(os.stat(path).st_mtime)
    except OSError:
        return None


def ask(copy, parent=None):
    """Ask about one copy; return "restore", "discard" or "later"."""
    box = message_box(
        parent,
        QMessageBox.Question,
        "Recover unsaved work",
        "argmap found work that was not saved when it last ended:\n\n" + describe(copy),
        "recovery-question",
    )
    restore = box.addButton("&Restore", QMessageBox.AcceptRole)
    discard = box.addButton("&Discard", QMessageBox.DestructiveRole)
    later = box.addButton("&Later", QMessageBox.RejectRole)
    box.setDefaultButton(restore)
    box.exec()
    return {restore: "restore", discard: "discard", later: "later"}.get(
        box.clickedButton(), "later"
    )


def restore(copy, store, make_window):
    """Open the copy in a new window as an unsaved change to its file; return the window."""
    amap = store.load(copy)
    window = make_window()
    window.document.start_from_map(amap, "Restore unsaved work")
    if len(amap) and any("pos" not in attrs for _, attrs in amap.graph.nodes(data=True)):
        window.view.initial_layout()  # as when a file with cards not yet placed opens
    if copy.original:
        window.document.adopt_path(copy.original)
        window.guard.take(copy.original)
    store.discard(copy)
    window.autosaver.save_now()  # the restored work is guarded again at once
    window.document.told.emit(restored_message(copy))
    return window


def restored_message(copy: RecoveryCopy) -> str:
    """The status bar's remark once *copy* is restored: when it was made, and the saved
    file it was compared with, which stays as it was until the map is saved."""
    made = f"Restored the recovery copy made {when(copy.saved)}"
    if copy.original is None:
        return made + " (an untitled map)."
    saved = file_time(copy.original)
    kept = f" (saved {saved})" if saved is not None else ""
    return f"{made}; {copy.original}{kept} stays as it was until you save."


def offer_recovery(store, make_window):
    """Offer every pending copy of *store*; return the windows of the restored maps."""
    windows = []
    for copy in store.pending():
        answer = ask(copy)
        if answer == "restore":
            windows.append(restore(copy, store, make_window))
        elif answer == "discard":
            store.discard(copy)
    return windows
