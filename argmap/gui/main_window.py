"""The editor's main window: layout, menus and the file life cycle.

Editing lives elsewhere: the document's verbs (:mod:`argmap.gui.document`),
the views that take ``(document, selection)`` and the actions they register
(:mod:`argmap.gui.edit_actions`, the Sources dock). The window puts them
together, builds its menus from the action registry, and opens, saves and
closes files.
"""

import os

from PySide6.QtCore import QSettings, QSize, Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QDockWidget, QFileDialog, QMainWindow, QMessageBox, QUndoView

from argmap.errors import ArgmapError, ReadOnlyFileError
from argmap.gui.actions import MENUS, OUTLINE_KEYS, TOOLBAR, ActionRegistry, fill_menu
from argmap.gui.autosave import Autosaver
from argmap.gui.debate_actions import DebateActions
from argmap.gui.dock_room import DOCK_WIDTH, DockRoom
from argmap.gui.document import Document
from argmap.gui.edit_actions import EditActions
from argmap.gui.export_dialog import ExportDialog
from argmap.gui.file_drop import install_file_drop
from argmap.gui.file_formats import MAP_FILTER, ask_save_path, keep_losses, show_reader_notes
from argmap.gui.file_guard import FileGuard
from argmap.gui.find import FindBar
from argmap.gui.focus_keys import add_focus_keys
from argmap.gui.help import add_help_actions
from argmap.gui.inspector import Inspector
from argmap.gui.outline import OutlineTree
from argmap.gui.overview import add_overview_action
from argmap.gui.plain import message_box
from argmap.gui.recent import RecentMenu
from argmap.gui.selection import Selection
from argmap.gui.sources_dock import SourcesDock
from argmap.gui.sources_files import DOCUMENT_FILTER, map_of_documents, read_documents
from argmap.gui.status import StatusBar
from argmap.gui.view import MapView
from argmap.gui.weak_spots_dock import WeakSpotsDock
from argmap.model import ChangeType

#: Version of the saved dock layout; an older saved layout is not restored.
STATE_VERSION = 3


class MainWindow(QMainWindow):
    """One window, one map."""

    windows = []  # open windows, so that New/Open can add more

    def __init__(self, path=None, settings=None):
        super().__init__()
        self.settings = settings or QSettings()
        self.document = Document(parent=self)
        self.guard = FileGuard(self.document, self)
        self.autosaver = Autosaver(self.document)
        self.ending = False  # closing on a signal: keep the recovery copy, ask nothing
        self.selection = Selection(self.document, self)
        self.registry = ActionRegistry(self)
        self.view = MapView(self.document, self.selection, self)
        self.scene = self.view.map_scene
        self.setCentralWidget(self.view)
        self.edit_actions = EditActions(self.registry, self.document, self.selection, self.view)
        self._build_docks()
        self.dock_room = DockRoom(self)  # the docks give way in a small window
        self._build_file_actions()
        self._build_view_options()
        add_help_actions(self.registry, self)
        self._build_menus()
        self._build_toolbar()
        self.status = StatusBar(self.statusBar(), self.document, self.view)
        self._connect_signals()
        self._restore_settings()
        self.file_drop = install_file_drop(
            self, self.open_in_window, self.sources_dock.import_documents
        )
        MainWindow.windows.append(self)
        if path:
            self.open_path(path)
        self._update_title()

    # =============================================================== builders
    def _dock(self, name, title, widget, area):
        dock = widget if isinstance(widget, QDockWidget) else QDockWidget(title, self)
        dock.setObjectName(name)
        if dock is not widget:
            dock.setWidget(widget)
        self.addDockWidget(area, dock)
        self.registry.adopt(f"show_{name}", dock.toggleViewAction(), "view", "docks")
        return dock

    def _build_docks(self):
        self.outline = OutlineTree(self.document, self.selection)
        self.outline_dock = self._dock("outline", "Outline", self.outline, Qt.LeftDockWidgetArea)
        self.sources_dock = SourcesDock(self.document, self.selection, self.registry, self)
        self._dock("sources", "Sources", self.sources_dock, Qt.LeftDockWidgetArea)
        self.tabifyDockWidget(self.outline_dock, self.sources_dock)
        self.debate = DebateActions(self.registry, self.document, self.view, self.outline, self)
        self.weak_spots_dock = WeakSpotsDock(self.document, self.selection, self.registry, self)
        self._dock("weak_spots", "Weak Spots", self.weak_spots_dock, Qt.LeftDockWidgetArea)
        self.tabifyDockWidget(self.sources_dock, self.weak_spots_dock)
        self.outline_dock.raise_()
        self.inspector = Inspector(self.document, self.selection)
        self.inspector_dock = self._dock(
            "inspector", "Inspector", self.inspector, Qt.RightDockWidgetArea
        )
        self.history = QUndoView(self.document.undo_stack)
        self.history.setEmptyLabel("Opened")
        self.history_dock = self._dock("history", "History", self.history, Qt.RightDockWidgetArea)
        self.tabifyDockWidget(self.inspector_dock, self.history_dock)
        self.inspector_dock.raise_()
        add_focus_keys(self.registry, self.view, self.inspector, self.inspector_dock)
        self.resizeDocks(
            [self.outline_dock, self.inspector_dock], [DOCK_WIDTH, DOCK_WIDTH], Qt.Horizontal
        )
        # the canvas's editing keys work in the outline too
        self.outline.key_actions = [self.registry[name] for name in OUTLINE_KEYS]
        self.find_bar = FindBar(self.document, self.selection, self.view)
        self.addToolBar(Qt.TopToolBarArea, self.find_bar)
        self.find_bar.hide()

    def _build_file_actions(self):
        add, key = self.registry.add, QKeySequence.StandardKey
        add("new", "&New", self.new_window, key.New, "file", "open")
        add("open", "&Open…", self.open_dialog, key.Open, "file", "open")
        add(
            "new_from_documents",
            "New Map from &Documents…",
            lambda: self.new_map_dialog(draft=False),
            None,
            "file",
            "documents",
        )
        add(
            "new_draft_from_documents",
            "New D&raft Map from Documents…",
            lambda: self.new_map_dialog(draft=True),
            None,
            "file",
            "documents",
        )
        add("save", "&Save", self.save, key.Save, "file", "save")
        add("save_as", "Save &As…", self.save_as, key.SaveAs, "file", "save")
        add("export", "&Export…", self.export_dialog, "Ctrl+E", "file", "save")
        self.debate.add_print_actions()
        add("close", "&Close", self.close, key.Close, "file", "close")
        add("quit", "&Quit", self.quit_all, key.Quit, "file", "close")
        add("find", "&Find…", self.find_bar.open_bar, key.Find, "edit", "select")

    def _build_view_options(self):
        add_overview_action(self.registry, self.view.overview, self.settings)

    def _build_menus(self):
        self.menus = {}
        for name, title in MENUS:
            menu = self.menus[name] = self.menuBar().addMenu(title)
            fill_menu(menu, self.registry.in_menu(name))
        self.recent_menu = RecentMenu(self.settings, self.open_in_window, self)
        self.menus["file"].insertMenu(self.registry["new_from_documents"], self.recent_menu)

    def _build_toolbar(self):
        tools = self.addToolBar("Edit")
        tools.setObjectName("edit-toolbar")
        for name in TOOLBAR:
            tools.addSeparator() if name is None else tools.addAction(self.registry[name])
        self.view.setContextMenuPolicy(Qt.ActionsContextMenu)

    def _connect_signals(self):
        doc = self.document
        doc.changed.connect(self._on_change)
        doc.modified_changed.connect(self._update_title)
        doc.path_changed.connect(self._update_title)
        doc.refused.connect(self._show_refusal)
        doc.problem.connect(self.show_error)
        doc.jobs.failed.connect(self._show_failure)

    # ================================================================ events
    def _on_change(self, change):
        if change.type == ChangeType.MAP_CHANGED:
            self._update_title()

    def _show_refusal(self, message):
        self.show_error("That edit is not possible", message)

    def _show_failure(self, message):
        self.show_error("The work could not finish", message)

    def _update_title(self, *_):
        title = self.document.amap.title
        name = self.document.display_name + (f" — {title}" if title else "")
        self.setWindowTitle(f"{name}[*] — argmap")
        self.setWindowModified(self.document.modified)

    # ================================================================= files
    def open_path(self, path):
        """Load *path* into this window; report a broken file and keep the current map."""
        path = os.path.abspath(path)
        if not self.guard.take(path):
            return False
        try:
            warnings = self.document.load(path)
        except ArgmapError as exc:
            self.guard.release()
            self.show_error("Cannot open the file", str(exc))
            return False
        if warnings:
            show_reader_notes(self, path, warnings)
        self.guard.remember(path)
        self._add_recent(self.document.path)
        return True

    @classmethod
    def window_for(cls, path):
        """The open window showing the file *path*, if any."""
        path = os.path.abspath(path)
        return next((w for w in cls.windows if w.document.path == path), None)

    def open_dialog(self):
        path, _ = QFileDialog.getOpenFileName(self, "Open map", self.document.folder(), MAP_FILTER)
        if path:
            self.open_in_window(path)

    def _is_blank(self):
        return not self.document.modified and not len(self.document.amap) and not self.document.path

    def open_in_window(self, path):
        """Open *path* here if this window is empty and untouched, else in a new window;
        a file already open in a window raises that window."""
        shown = MainWindow.window_for(path)
        if shown is not None:
            shown.raise_()
            shown.activateWindow()
            return shown
        if self._is_blank():
            return self if self.open_path(path) else None
        window = MainWindow(settings=self.settings)
        if window.open_path(path):
            window.show()
            return window
        window.close()
        return None

    def new_window(self):
        window = MainWindow(settings=self.settings)
        window.show()
        return window

    def new_map_from_documents(self, paths, draft=False):
        """Open a new window whose map holds the documents at *paths* (with *draft*, drafted).

        The new map's first undoable step is its making, so it is modified and
        closing its window asks to save it. Returns the window, or None when a
        file could not be read.
        """
        try:
            source = map_of_documents(read_documents(paths), draft)
        except ArgmapError as exc:
            self.show_error("Cannot start a map from the documents", str(exc))
            return None
        window = MainWindow(settings=self.settings)
        window.document.start_from_map(source)
        window.show()
        if len(source):
            window.view.initial_layout()
        window.sources_dock.open_for_cards(drafts=draft)
        return window

    def new_map_dialog(self, draft=False):
        title = "New draft map from documents" if draft else "New map from documents"
        paths, _ = QFileDialog.getOpenFileNames(
            self, title, self.document.folder(), DOCUMENT_FILTER
        )
        return self.new_map_from_documents(paths, draft) if paths else None

    def save(self):
        if not self.document.path:
            return self.save_as()
        return self.save_to(self.document.path)

    def save_as(self):
        path = ask_save_path(self, self.document.folder())
        return self.save_to(path) if path else False

    def save_to(self, path):
        """Save the map to *path*; report a failure and keep the map unsaved.

        Text being typed in a card is kept first. A file someone else changed
        since it was read, or a read-only file, is never replaced silently.
        """
        self.view.finish_typing()
        if not keep_losses(self, self.document.amap, path):
            return False
        if self.guard.changed_on_disk(path):
            answer = self.guard.ask_overwrite(path)
            if answer != "overwrite":
                return self.save_as() if answer == "save_as" else False
        try:
            self.document.save(path)
        except ReadOnlyFileError:
            return self.guard.ask_save_as_read_only(path) and self.save_as()
        except ArgmapError as exc:
            self.show_error("The map was not saved", str(exc))
            return False
        self._saved(path)
        return True

    def _saved(self, path):
        if self.guard.lock is None or self.guard.lock.path != os.path.abspath(path):
            self.guard.take(self.document.path)
        self.guard.remember(self.document.path)
        self._add_recent(self.document.path)
        self.status.tell(f"Saved {path}")

    def export_dialog(self):
        dialog = ExportDialog(self.document, self.selection, self)
        dialog.exec()
        return dialog

    def _add_recent(self, path):
        self.recent_menu.add(path)
        for window in MainWindow.windows:
            window.recent_menu.refresh()

    # ============================================================== closing
    def ask_to_save(self):
        """Ask Save / Discard / Cancel for unsaved changes; return the button chosen."""
        box = message_box(
            self,
            QMessageBox.Warning,
            "Unsaved changes",
            f"Save the changes to {self.document.display_name}?",
            "unsaved-changes",
            QMessageBox.Save | QMessageBox.Discard | QMessageBox.Cancel,
        )
        box.setDefaultButton(QMessageBox.Save)
        return box.exec()

    def closeEvent(self, event):
        self.view.finish_typing()
        if self.document.modified and not self.ending:
            answer = self.ask_to_save()
            if answer == QMessageBox.Cancel or (answer == QMessageBox.Save and not self.save()):
                event.ignore()
                return
        if not self.ending:
            self.autosaver.discard()  # saved, or the user chose to drop the changes
        self.document.jobs.forget()
        self.guard.release()
        self._save_settings()
        if self in MainWindow.windows:
            MainWindow.windows.remove(self)
        event.accept()

    def quit_all(self):
        for window in list(MainWindow.windows):
            if not window.close():
                return

    def _save_settings(self):
        self.settings.setValue("geometry", self.saveGeometry())
        self.settings.setValue("state", self.saveState(STATE_VERSION))

    def _restore_settings(self):
        geometry = self.settings.value("geometry")
        if geometry is not None:
            self.restoreGeometry(geometry)
        else:
            self.resize(QSize(1280, 820).boundedTo(self.screen().availableSize()))
        state = self.settings.value("state")
        if state is not None:
            self.restoreState(state, STATE_VERSION)

    # ================================================================ misc
    def show_error(self, title, message):
        """Tell the user what went wrong, in a dialog (its text shown as plain text)."""
        self.statusBar().showMessage(message, 8000)
        box = message_box(
            self, QMessageBox.Critical, title, message, "error-dialog", QMessageBox.Ok
        )
        box.setAttribute(Qt.WA_DeleteOnClose)
        box.open()
        return box
