"""At start: offer the recovery copies left by an editor that did not end cleanly.

Each copy newer than its file is listed with its time and its counts beside
the file's own; the user restores it (a new window, marked modified, saving
asks before it replaces anything), discards it, or keeps it for later.
"""

import datetime

from PySide6.QtWidgets import QMessageBox

from argmap.errors import ArgmapError
from argmap.formats import load_map
from argmap.gui.plain import message_box


def describe(copy):
    """One paragraph about a recovery copy: what map, when, and its counts beside the file's."""
    when = datetime.datetime.fromtimestamp(copy.saved).strftime("%d %b %Y, %H:%M")
    name = copy.original or f"an untitled map ({copy.title or 'no title'})"
    text = f"{name}\nsaved for recovery {when}: {copy.nodes} nodes, {copy.edges} links"
    if copy.original:
        try:
            current = load_map(copy.original)
            text += f"; the file has {len(current)} nodes, {len(current.graph.edges)} links"
        except ArgmapError as exc:
            text += f"; the file cannot be read ({exc})"
    return text


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
    window.document.start_from_map(amap)
    if copy.original:
        window.document.adopt_path(copy.original)
        window.guard.take(copy.original)
    store.discard(copy)
    window.autosaver.save_now()  # the restored work is guarded again at once
    return window


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
