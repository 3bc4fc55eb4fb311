"""The editor's main window: canvas, docks, menus, and the file life cycle."""

import os

from PySide6.QtCore import QPointF, QSettings, Qt
from PySide6.QtGui import QAction, QActionGroup, QGuiApplication, QKeySequence
from PySide6.QtWidgets import (
    QDockWidget, QFileDialog, QLabel, QMainWindow, QMessageBox, QProgressBar, QUndoView,
)

from argmap.errors import ArgmapError, ModelError
from argmap.gui import clipboard
from argmap.gui.canvas import MapScene
from argmap.gui.document import Document
from argmap.gui.find import FindBar
from argmap.gui.inspector import Inspector
from argmap.gui.items import NodeItem
from argmap.gui.jobs import Job, copy_map, spread_positions
from argmap.gui.outline import OutlineTree
from argmap.gui.view import MapView
from argmap.model import (
    AddNode, Batch, Connect, MoveNodes, RemoveNode, SetNodeAttrs, change_relation,
)

MAX_RECENT = 8
FILE_FILTER = "Argument maps (*.argmap);;All files (*)"
#: (action name, label, kind, relation, shortcut) of the "add to the selected node" actions.
ADD_ACTIONS = (
    ("add_support", "Add &Supporting Claim", "claim", "supports", "Tab"),
    ("add_objection", "Add &Counterclaim", "counterclaim", "opposes", "Ctrl+Shift+O"),
    ("add_evidence", "Add &Evidence", "evidence", "supports", "Ctrl+Shift+E"),
    ("add_rebuttal", "Add &Rebuttal", "claim", "opposes", "Ctrl+Shift+R"),
)


class MainWindow(QMainWindow):
    """One window, one map."""

    windows = []   # open windows, so that New/Open can add more

    def __init__(self, path=None, settings=None):
        super().__init__()
        self.settings = settings or QSettings()
        self.document = Document()
        self.scene = MapScene(self.document, self)
        self.view = MapView(self.scene, self)
        self.setCentralWidget(self.view)
        self.jobs = set()
        self.actions = {}
        self._build_actions()
        self._build_menus()
        self._build_toolbar()
        self._build_docks()
        self._build_status_bar()
        self.find_bar = FindBar(self)
        self.addToolBar(Qt.TopToolBarArea, self.find_bar)
        self.find_bar.hide()
        self._connect_signals()
        self._restore_settings()
        MainWindow.windows.append(self)
        if path:
            self.open_path(path)
        self._update_title()
        self._update_actions()

    # =============================================================== builders
    def _action(self, name, text, slot, shortcut=None, canvas_only=False, tip=None):
        action = QAction(text, self)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        if canvas_only:  # keys that mean something else while typing in a field
            action.setShortcutContext(Qt.WidgetWithChildrenShortcut)
            self.view.addAction(action)
        if tip:
            action.setStatusTip(tip)
        action.triggered.connect(lambda checked=False: slot())
        self.actions[name] = action
        return action

    def _build_actions(self):
        self._build_file_actions()
        self._build_edit_actions()
        self._build_view_actions()

    def _build_file_actions(self):
        key = QKeySequence.StandardKey
        self._action("new", "&New", self.new_window, key.New)
        self._action("open", "&Open…", self.open_dialog, key.Open)
        self._action("save", "&Save", self.save, key.Save)
        self._action("save_as", "Save &As…", self.save_as, key.SaveAs)
        self._action("export", "&Export…", self.export_dialog, "Ctrl+E")
        self._action("close", "&Close", self.close, key.Close)
        self._action("quit", "&Quit", self.quit_all, key.Quit)

    def _build_edit_actions(self):
        key = QKeySequence.StandardKey
        undo = self.document.undo_stack.createUndoAction(self, "&Undo")
        undo.setShortcut(key.Undo)
        redo = self.document.undo_stack.createRedoAction(self, "&Redo")
        redo.setShortcut(key.Redo)
        self.actions["undo"], self.actions["redo"] = undo, redo
        for name, label, kind, relation, shortcut in ADD_ACTIONS:
            self._action(name, label, lambda k=kind, r=relation: self.add_child(k, r),
                         shortcut, canvas_only=True)
        self._action("add_sibling", "Add S&ibling", self.add_sibling, "Return", canvas_only=True)
        self._action("add_claim", "Add Main C&laim", self.add_main_claim, "Ctrl+Shift+M")
        self._action("edit_text", "Edit &Text", self.edit_text, "F2", canvas_only=True)
        self._action("delete", "&Delete", self.delete_selected, key.Delete, canvas_only=True)
        self._action("cut", "Cu&t", self.cut, key.Cut, canvas_only=True)
        self._action("copy", "&Copy", self.copy, key.Copy, canvas_only=True)
        self._action("paste", "&Paste", self.paste, key.Paste, canvas_only=True)
        self._action("select_all", "Select &All", self.select_all, key.SelectAll, canvas_only=True)
        self._action("connect_supports", "Connect: First Selected &Supports Second",
                     lambda: self.connect_selected("supports"), "Ctrl+L")
        self._action("connect_opposes", "Connect: First Selected &Opposes Second",
                     lambda: self.connect_selected("opposes"), "Ctrl+Shift+L")
        self._action("find", "&Find…", self.show_find, key.Find)
        self._action("tidy", "&Tidy Layout", self.tidy_layout, "Ctrl+Shift+T")
        self._action("toggle_collapse", "Collapse / E&xpand", self.toggle_collapse, "Ctrl+.")
        self.kind_group = QActionGroup(self)
        for kind in ("claim", "counterclaim", "evidence"):
            action = self._action(f"kind_{kind}", kind.capitalize(),
                                  lambda k=kind: self.change_kind(k))
            action.setCheckable(True)
            self.kind_group.addAction(action)
        for relation in ("supports", "opposes"):
            self._action(f"relation_{relation}", relation.capitalize(),
                         lambda r=relation: self.change_relation(r))

    def _build_view_actions(self):
        key = QKeySequence.StandardKey
        self._action("zoom_in", "Zoom &In", self.view.zoom_in, key.ZoomIn)
        self._action("zoom_out", "Zoom &Out", self.view.zoom_out, key.ZoomOut)
        self._action("zoom_reset", "&Actual Size", self.view.reset_zoom, "Ctrl+0")
        self._action("fit", "&Fit to Window", self.view.fit, "Ctrl+Shift+F")

    def _build_menus(self):
        bar = self.menuBar()
        file_menu = self.file_menu = bar.addMenu("&File")
        for name in ("new", "open"):
            file_menu.addAction(self.actions[name])
        self.recent_menu = file_menu.addMenu("Open &Recent")
        for name in ("save", "save_as", "export", None, "close", "quit"):
            file_menu.addSeparator() if name is None else file_menu.addAction(self.actions[name])
        edit = bar.addMenu("&Edit")
        for name in ("undo", "redo", None, "cut", "copy", "paste", "delete", None, "edit_text",
                     "select_all", "find"):
            edit.addSeparator() if name is None else edit.addAction(self.actions[name])
        insert = self.node_menu = bar.addMenu("&Node")
        for name in ("add_claim", "add_sibling") + tuple(a[0] for a in ADD_ACTIONS):
            insert.addAction(self.actions[name])
        insert.addSeparator()
        self.kind_menu = insert.addMenu("Change &Kind")
        self.kind_menu.addActions(self.kind_group.actions())
        self.relation_menu = insert.addMenu("Change &Relation")
        for relation in ("supports", "opposes"):
            self.relation_menu.addAction(self.actions[f"relation_{relation}"])
        insert.addSeparator()
        for name in ("connect_supports", "connect_opposes", "toggle_collapse"):
            insert.addAction(self.actions[name])
        view = bar.addMenu("&View")
        for name in ("zoom_in", "zoom_out", "zoom_reset", "fit", None, "tidy"):
            view.addSeparator() if name is None else view.addAction(self.actions[name])
        self.view_menu = view
        self._update_recent_menu()

    def _build_toolbar(self):
        tools = self.addToolBar("Edit")
        tools.setObjectName("edit-toolbar")
        for name in ("undo", "redo", None) + tuple(a[0] for a in ADD_ACTIONS) + (
                None, "delete", None, "tidy", "fit"):
            tools.addSeparator() if name is None else tools.addAction(self.actions[name])

    def _dock(self, name, title, widget, area):
        dock = QDockWidget(title, self)
        dock.setObjectName(name)
        dock.setWidget(widget)
        self.addDockWidget(area, dock)
        self.view_menu.addAction(dock.toggleViewAction())
        return dock

    def _build_docks(self):
        self.view_menu.addSeparator()
        self.outline = OutlineTree(self)
        self.outline_dock = self._dock("outline", "Outline", self.outline, Qt.LeftDockWidgetArea)
        self.inspector = Inspector(self)
        self.inspector_dock = self._dock("inspector", "Inspector", self.inspector,
                                         Qt.RightDockWidgetArea)
        self.history = QUndoView(self.document.undo_stack)
        self.history.setEmptyLabel("Opened")
        self.history_dock = self._dock("history", "History", self.history, Qt.RightDockWidgetArea)
        self.tabifyDockWidget(self.inspector_dock, self.history_dock)
        self.inspector_dock.raise_()
        from argmap.gui.sources_dock import install_sources_dock

        self.sources_dock = install_sources_dock(self)

    def _build_status_bar(self):
        status = self.statusBar()
        self.counts_label = QLabel()
        self.zoom_label = QLabel("100%")
        self.busy = QProgressBar()
        self.busy.setRange(0, 0)
        self.busy.setMaximumWidth(120)
        self.busy.hide()
        status.addPermanentWidget(self.busy)
        status.addPermanentWidget(self.counts_label)
        status.addPermanentWidget(self.zoom_label)

    def _connect_signals(self):
        doc = self.document
        doc.changed.connect(self._on_change)
        doc.reset.connect(self._on_reset)
        doc.modified_changed.connect(lambda _: self._update_title())
        doc.path_changed.connect(lambda _: self._update_title())
        self.scene.selectionChanged.connect(self._canvas_selection_changed)
        self.scene.error_raised.connect(lambda msg: self.show_error("That edit is not possible", msg))
        self.scene.unplaced_found.connect(self.initial_layout)
        self.outline.nodes_selected.connect(self._outline_selection_changed)
        self.view.zoom_changed.connect(lambda z: self.zoom_label.setText(f"{z:.0%}"))
        self.view.edit_requested.connect(self.edit_text)
        self.view.setContextMenuPolicy(Qt.ActionsContextMenu)
        self._on_reset()

    # ================================================================ events
    def _on_change(self, change):
        if change.type in ("node_added", "node_removed", "edge_added", "edge_removed"):
            self._update_counts()
        if change.type != "node_changed" or set(change.keys) - {"pos"}:
            self.outline.schedule_rebuild(change)
        if self.inspector.node_id == change.node or change.edge == self.inspector.edge:
            self.inspector.refresh()
        if change.type == "map_changed":
            self._update_title()

    def _on_reset(self):
        self.outline.rebuild()
        self._update_counts()
        self.inspector.show_node(None)

    def _update_counts(self):
        graph = self.document.amap.graph
        self.counts_label.setText(f"{len(graph)} nodes · {graph.number_of_edges()} links")

    def _update_title(self):
        title = self.document.amap.title
        name = self.document.display_name + ("" if not title else f" — {title}")
        self.setWindowTitle(f"{name}[*] — argmap")
        self.setWindowModified(self.document.modified)

    def _canvas_selection_changed(self):
        nodes = self.scene.selected_nodes()
        edges = self.scene.selected_edges()
        self.outline.select_ids(nodes)
        if len(nodes) == 1:
            self.inspector.show_node(nodes[0])
        elif not nodes and len(edges) == 1:
            self.inspector.show_edge(edges[0])
        else:
            self.inspector.show_node(None)
        self._update_actions()

    def _outline_selection_changed(self, node_ids):
        self.scene.select_nodes(node_ids)
        if node_ids:
            self.view.ensureVisible(self.scene.nodes[node_ids[0]], 40, 40)

    def _update_actions(self):
        nodes = self.scene.selected_nodes()
        one = len(nodes) == 1
        for name in [a[0] for a in ADD_ACTIONS] + ["add_sibling", "edit_text", "toggle_collapse"]:
            self.actions[name].setEnabled(one)
        for name in ("delete", "cut", "copy"):
            self.actions[name].setEnabled(bool(nodes))
        for name in ("connect_supports", "connect_opposes"):
            self.actions[name].setEnabled(len(nodes) == 2)
        self.kind_menu.setEnabled(bool(nodes))
        if one:
            self.actions[f"kind_{self.document.amap.node(nodes[0])['kind']}"].setChecked(True)
        self.relation_menu.setEnabled(bool(self.scene.selected_edges()) or one)

    # ============================================================== editing
    def push(self, command):
        """Push a command on the document; show an invalid edit as a message."""
        try:
            return self.document.push(command)
        except ModelError as exc:
            self.show_error("That edit is not possible", str(exc))
            return None

    def _single(self):
        nodes = self.scene.selected_nodes()
        return nodes[0] if len(nodes) == 1 else None

    def add_child(self, kind, relation, text=None):
        """Add a node of *kind* bearing on the selected node; start editing its text."""
        parent = self._single()
        if parent is None:
            return None
        node_id = self.document.amap.new_id()
        spot = self.scene.free_spot_below(parent)
        text = text if text is not None else f"New {kind}"
        done = self.push(Batch(f"Add {kind}", [
            AddNode(kind, text, {"pos": spot}, node_id=node_id),
            Connect(node_id, parent, relation)]))
        return self._after_add(node_id, edit=text is None or text.startswith("New ")) if done else None

    def add_sibling(self):
        """Add a node like the selected one, bearing on the same target."""
        node = self._single()
        if node is None:
            return None
        graph = self.document.amap.graph
        targets = list(graph.successors(node))
        kind = graph.nodes[node]["kind"]
        if not targets:
            return self.add_main_claim()
        relation = graph.edges[node, targets[0]]["relation"]
        self.scene.select_nodes([targets[0]])
        return self.add_child(kind, relation)

    def add_main_claim(self, text="New claim"):
        """Add a claim that bears on nothing, in free space near the view's centre."""
        node_id = self.document.amap.new_id()
        center = self.view.mapToScene(self.view.viewport().rect().center())
        spot = self.scene.free_spot(QPointF(center))
        if self.push(AddNode("claim", text, {"pos": spot}, node_id=node_id)):
            return self._after_add(node_id, edit=True)
        return None

    def _after_add(self, node_id, edit):
        self.scene.select_nodes([node_id])
        self.view.ensureVisible(self.scene.nodes[node_id], 60, 60)
        if edit:
            self.edit_text(node_id)
        return node_id

    def edit_text(self, node_id=None):
        """Edit the selected node's text in place (Enter commits, Esc cancels)."""
        node_id = node_id or self._single()
        if node_id is None:
            return None
        return self.view.open_editor(self.scene.nodes[node_id], self.set_text)

    def set_text(self, node_id, text):
        if node_id in self.document.amap and text != self.document.amap.node(node_id)["text"]:
            self.push(SetNodeAttrs(node_id, {"text": text}, "Edit text"))

    def delete_selected(self):
        nodes = self.scene.selected_nodes()
        edges = [e for e in self.scene.selected_edges()
                 if e[0] not in nodes and e[1] not in nodes]
        from argmap.model import Disconnect
        steps = [Disconnect(*e) for e in edges] + [RemoveNode(n) for n in nodes]
        if steps:
            self.push(Batch(f"Delete {len(steps)} item(s)", steps))

    def connect_selected(self, relation):
        """The first selected node bears on the second, with *relation*."""
        nodes = self.scene.selected_nodes()
        if len(nodes) == 2:
            self.push(Connect(nodes[0], nodes[1], relation))

    def change_kind(self, kind):
        steps = [SetNodeAttrs(n, {"kind": kind}, f"Make {kind}")
                 for n in self.scene.selected_nodes()
                 if self.document.amap.node(n)["kind"] != kind]
        if steps:
            self.push(Batch(f"Make {kind}", steps))

    def change_relation(self, relation):
        """Change the selected links, or the selected node's link to its target."""
        graph = self.document.amap.graph
        edges = self.scene.selected_edges()
        if not edges and self._single():
            edges = list(graph.out_edges(self._single()))
        steps = [change_relation(u, v, relation) for u, v in edges
                 if graph.edges[u, v]["relation"] != relation]
        if steps:
            self.push(Batch(f"Make it {relation}", steps))

    def toggle_collapse(self):
        node = self._single()
        if node is not None:
            collapsed = not self.document.amap.node(node).get("collapsed", False)
            self.push(SetNodeAttrs(node, {"collapsed": collapsed},
                                   "Collapse" if collapsed else "Expand"))

    def select_all(self):
        self.scene.select_nodes(list(self.scene.nodes))

    # ------------------------------------------------------------ clipboard
    def copy(self):
        nodes = self.scene.selected_nodes()
        if nodes:
            QGuiApplication.clipboard().setMimeData(clipboard.mime_for(self.document.amap, nodes))

    def cut(self):
        nodes = self.scene.selected_nodes()
        if nodes:
            self.copy()
            from argmap.model import queries
            doomed = set()
            for node in nodes:
                doomed |= queries.subtree(self.document.amap, node)
            order = [n for n in self.document.amap.graph.nodes if n in doomed]
            self.push(Batch("Cut", [RemoveNode(n) for n in order]))

    def paste(self):
        """Paste a fragment (or an outline of text) under the selected node."""
        try:
            part = clipboard.fragment_from_mime(QGuiApplication.clipboard().mimeData())
            if part is None or not len(part):
                self.statusBar().showMessage("Nothing to paste", 3000)
                return None
            target = self._single()
            origin = self.scene.free_spot_below(target) if target else self.scene.free_spot(
                self.view.mapToScene(self.view.viewport().rect().center()))
            command, new_ids = clipboard.paste_command(self.document.amap, part, target, origin)
        except ArgmapError as exc:
            self.show_error("Cannot paste", str(exc))
            return None
        if self.push(command):
            self.scene.select_nodes(new_ids)
            return new_ids
        return None

    # =============================================================== layout
    def initial_layout(self):
        """Place a map that has no positions with Graphviz, off the GUI thread."""
        self._run_layout(undoable=False)

    def tidy_layout(self):
        """Re-run Graphviz's layout as one undoable step."""
        self._run_layout(undoable=True)

    def _run_layout(self, undoable):
        from argmap.render.layout import compute_layout

        snapshot = copy_map(self.document.amap)
        job = Job(lambda: compute_layout(snapshot))
        job.signals.finished.connect(lambda layout: self._apply_layout(layout, undoable))
        self._start_job(job, "Laying out the map…")
        return job

    def _apply_layout(self, layout, undoable):
        heights = {n: item.size[1] for n, item in self.scene.nodes.items()}
        positions = {n: p for n, p in spread_positions(layout.positions, heights).items()
                     if n in self.document.amap}
        command = MoveNodes(positions, "Tidy layout")
        if undoable:
            self.push(command)
        else:
            self.document.amap.apply(command)
        self.view.fit()

    def _start_job(self, job, message):
        self.jobs.add(job)
        self.busy.show()
        self.statusBar().showMessage(message)

        def done(*_):
            self.jobs.discard(job)
            self.busy.setVisible(bool(self.jobs))
            self.statusBar().clearMessage()

        job.signals.finished.connect(done)
        job.signals.failed.connect(done)
        job.signals.failed.connect(lambda exc: self.show_error("The work could not finish",
                                                               str(exc)))
        job.start()

    # ================================================================= files
    def open_path(self, path):
        """Load *path* into this window; report a broken file and keep the current map."""
        try:
            self.document.load(path)
        except ArgmapError as exc:
            self.show_error("Cannot open the file", str(exc))
            return False
        self._add_recent(self.document.path)
        self.view.fit()
        return True

    def open_dialog(self):
        path, _ = QFileDialog.getOpenFileName(self, "Open map", self._folder(), FILE_FILTER)
        if path:
            self.open_in_window(path)

    def open_in_window(self, path):
        """Open *path* here if this window is empty and untouched, else in a new window."""
        if not self.document.modified and not len(self.document.amap) and not self.document.path:
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

    def save(self):
        if not self.document.path:
            return self.save_as()
        return self._save_to(self.document.path)

    def save_as(self):
        path, _ = QFileDialog.getSaveFileName(self, "Save map", self._folder(), FILE_FILTER)
        if not path:
            return False
        if not os.path.splitext(path)[1]:
            path += ".argmap"
        return self._save_to(path)

    def _save_to(self, path):
        try:
            self.document.save(path)
        except ArgmapError as exc:
            self.show_error("The map was not saved", str(exc))
            return False
        self._add_recent(self.document.path)
        self.statusBar().showMessage(f"Saved {path}", 4000)
        return True

    def _folder(self):
        return os.path.dirname(self.document.path) if self.document.path else os.getcwd()

    def export_dialog(self):
        from argmap.gui.export_dialog import ExportDialog

        ExportDialog(self).exec()

    def export_to(self, path, options):
        """Export to *path* with render *options* off the GUI thread; return the job."""
        from argmap.render.export import export_file

        snapshot = copy_map(self.document.amap)
        job = Job(lambda: export_file(snapshot, path, options))
        job.signals.finished.connect(lambda result: self._exported(path, result))
        self._start_job(job, f"Exporting {os.path.basename(path)}…")
        return job

    def _exported(self, path, result):
        self.statusBar().showMessage(f"Exported {path} ({result.summary})", 6000)
        if result.warnings:
            box = QMessageBox(QMessageBox.Warning, "Exported, with a warning",
                              "\n\n".join(result.warnings), QMessageBox.Ok, self)
            box.setAttribute(Qt.WA_DeleteOnClose)
            box.open()

    # ------------------------------------------------------------- recent
    def _recent(self):
        value = self.settings.value("recent", []) or []
        return [value] if isinstance(value, str) else list(value)

    def _add_recent(self, path):
        recent = [path] + [p for p in self._recent() if p != path]
        self.settings.setValue("recent", recent[:MAX_RECENT])
        for window in MainWindow.windows:
            window._update_recent_menu()

    def _update_recent_menu(self):
        self.recent_menu.clear()
        for path in self._recent():
            action = self.recent_menu.addAction(os.path.basename(path))
            action.setToolTip(path)
            action.triggered.connect(lambda checked=False, p=path: self.open_in_window(p))
        self.recent_menu.setEnabled(bool(self._recent()))

    # ============================================================== closing
    def ask_to_save(self):
        """Ask Save / Discard / Cancel for unsaved changes; return the button chosen."""
        box = QMessageBox(QMessageBox.Warning, "Unsaved changes",
                          f"Save the changes to {self.document.display_name}?",
                          QMessageBox.Save | QMessageBox.Discard | QMessageBox.Cancel, self)
        box.setDefaultButton(QMessageBox.Save)
        return box.exec()

    def closeEvent(self, event):
        self.view.close_editor()
        if self.document.modified:
            answer = self.ask_to_save()
            if answer == QMessageBox.Cancel or (answer == QMessageBox.Save and not self.save()):
                event.ignore()
                return
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
        self.settings.setValue("state", self.saveState())

    def _restore_settings(self):
        geometry = self.settings.value("geometry")
        if geometry is not None:
            self.restoreGeometry(geometry)
        else:
            self.resize(1280, 820)
        state = self.settings.value("state")
        if state is not None:
            self.restoreState(state)

    # ================================================================ misc
    def show_find(self):
        self.find_bar.show()
        self.find_bar.field.setFocus()
        self.find_bar.field.selectAll()

    def show_error(self, title, message):
        """Tell the user what went wrong, in a dialog."""
        self.statusBar().showMessage(message, 8000)
        box = QMessageBox(QMessageBox.Critical, title, message, QMessageBox.Ok, self)
        box.setObjectName("error-dialog")
        box.setAttribute(Qt.WA_DeleteOnClose)
        box.open()
        return box

    def selected_items(self):
        return [i for i in self.scene.selectedItems() if isinstance(i, NodeItem)]
