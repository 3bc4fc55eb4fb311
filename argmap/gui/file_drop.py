"""Files dropped on a window: a map opens, a text or Markdown document is imported.

:func:`install_file_drop` puts one :class:`FileDropFilter` on the window and on
every widget in it that takes drops, so that a file dropped anywhere, the
canvas included, is handled the same way. Drops that carry no such file pass on
to the widget untouched (moving cards, dragging outline rows, dropping text).
"""

import os

from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QWidget

MAP_SUFFIXES = (".argmap",)
DOCUMENT_SUFFIXES = (".txt", ".md", ".markdown")
_DRAG_EVENTS = (QEvent.DragEnter, QEvent.DragMove)


def dropped_files(mime):
    """Return ``(maps, documents)``: the local paths in *mime* argmap can open or import."""
    maps, documents = [], []
    if mime is None or not mime.hasUrls():
        return maps, documents
    for url in mime.urls():
        if not url.isLocalFile():
            continue
        path = url.toLocalFile()
        suffix = os.path.splitext(path)[1].lower()
        if suffix in MAP_SUFFIXES:
            maps.append(path)
        elif suffix in DOCUMENT_SUFFIXES:
            documents.append(path)
    return maps, documents


class FileDropFilter(QObject):
    """Accept dragged map and document files; open the maps and import the documents.

    Parameters
    ----------
    open_map : callable
        ``open_map(path)``: opens a map (here, or in a new window).
    import_documents : callable
        ``import_documents(paths)``: imports documents into the open map.
    parent : QObject
    """

    def __init__(self, open_map, import_documents, parent=None):
        super().__init__(parent)
        self._open_map = open_map
        self._import_documents = import_documents

    def eventFilter(self, watched, event):
        kind = event.type()
        if kind not in _DRAG_EVENTS and kind != QEvent.Drop:
            return False
        maps, documents = dropped_files(event.mimeData())
        if not maps and not documents:
            return False
        event.acceptProposedAction()
        if kind == QEvent.Drop:
            self.handle(maps, documents)
        return True

    def handle(self, maps, documents):
        """Open every map in *maps* and import *documents* into this window's map."""
        for path in maps:
            self._open_map(path)
        if documents:
            self._import_documents(documents)


def install_file_drop(window, open_map, import_documents):
    """Handle files dropped anywhere on *window*; return the filter."""
    drop = FileDropFilter(open_map, import_documents, window)
    window.setAcceptDrops(True)
    for widget in [window] + window.findChildren(QWidget):
        if widget.acceptDrops():
            widget.installEventFilter(drop)
    return drop
