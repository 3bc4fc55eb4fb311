"""The Sources dock: the map's documents with the spans its nodes quote.

The dock shows one document at a time, exactly as stored, with every span a
node quotes highlighted in the fill colour of the node's kind. Clicking a
highlight selects its node on the canvas; selecting a node on the canvas
brings its span into view. Selected text becomes a new node, or a further
source of the selected node, through the actions built here.
"""

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QComboBox, QDockWidget, QLabel, QVBoxLayout, QWidget

from argmap.gui import sources_edits, sources_files
from argmap.gui.sources_text import Highlight, SourceText
from argmap.render.style import KIND_STYLE
from argmap.sources import span_at

#: Node attributes whose change can change the highlights.
HIGHLIGHT_KEYS = {"sources", "kind", "text"}
#: (action name, label, kind, shortcut) of the "new node from the selected text" actions.
FROM_SELECTION = (
    ("new_claim_from_selection", "New &Claim from Selection", "claim", "Ctrl+Alt+C"),
    ("new_counterclaim_from_selection", "New C&ounterclaim from Selection", "counterclaim",
     "Ctrl+Alt+O"),
    ("new_evidence_from_selection", "New &Evidence from Selection", "evidence", "Ctrl+Alt+E"),
)


def document_highlights(amap, doc_id):
    """Return a :class:`Highlight` for every span of document *doc_id* a node quotes."""
    found = []
    for node_id, attrs in amap.graph.nodes(data=True):
        spans = [s for s in attrs.get("sources", ()) if s["doc"] == doc_id]
        if spans:
            label = f"{KIND_STYLE[attrs['kind']]['name']} {node_id}: {_preview(attrs['text'])}"
            found += [Highlight(s["start"], s["end"], node_id, attrs["kind"], label)
                      for s in spans]
    return found


def _preview(text, width=90):
    return text if len(text) <= width else text[:width - 1] + "…"


class SourcesDock(QDockWidget):
    """A dock with a document chooser and the chosen document's text."""

    def __init__(self, window):
        super().__init__("Sources", window)
        self.setObjectName("sources")
        self.main = window
        self.doc_id = None
        self._from_text = False
        self.combo = QComboBox()
        self.combo.setObjectName("source-document")
        self.combo.setSizeAdjustPolicy(QComboBox.AdjustToMinimumContentsLengthWithIcon)
        self.combo.setMinimumContentsLength(24)
        self.info = QLabel()
        self.info.setObjectName("source-info")
        self.info.setWordWrap(True)
        self.text = SourceText()
        self.setWidget(self._body())
        self._refresh_timer = QTimer(self)
        self._refresh_timer.setSingleShot(True)
        self._refresh_timer.timeout.connect(self.refresh_highlights)
        self._connect_signals()
        self.reload()

    def _body(self):
        body = QWidget()
        layout = QVBoxLayout(body)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.combo)
        layout.addWidget(self.info)
        layout.addWidget(self.text, 1)
        return body

    def _connect_signals(self):
        document = self.main.document
        document.changed.connect(self._on_change)
        document.reset.connect(self.reload)
        self.main.scene.selectionChanged.connect(self._follow_selection)
        self.combo.currentIndexChanged.connect(self._document_chosen)
        self.text.highlight_clicked.connect(self.select_node)

    @property
    def amap(self):
        return self.main.document.amap

    # ------------------------------------------------------------ showing
    def reload(self):
        """Rebuild the document list and the highlights (a new map, a new document)."""
        documents = self.amap.documents
        self.combo.blockSignals(True)
        self.combo.clear()
        for doc_id, record in documents.items():
            self.combo.addItem(record.get("title") or doc_id, doc_id)
        self.combo.blockSignals(False)
        self.combo.setEnabled(bool(documents))
        keep = self.doc_id if self.doc_id in documents else next(iter(documents), None)
        self.show_document(keep, again=True)

    def show_document(self, doc_id, again=False):
        """Show document *doc_id* (None for none) with its highlights; *again* redraws it."""
        if doc_id == self.doc_id and not again:
            return
        self.doc_id = doc_id
        record = self.amap.documents.get(doc_id, {}) if doc_id is not None else {}
        self.combo.blockSignals(True)
        self.combo.setCurrentIndex(self.combo.findData(doc_id) if doc_id is not None else -1)
        self.combo.blockSignals(False)
        self.info.setText(_document_info(record))
        self.info.setVisible(bool(self.info.text()))
        self.text.show_text(record.get("text", ""))
        self.refresh_highlights()

    def _document_chosen(self, index):
        self.show_document(self.combo.itemData(index) if index >= 0 else None)

    def refresh_highlights(self):
        """Highlight the spans of the shown document afresh."""
        self._refresh_timer.stop()
        found = document_highlights(self.amap, self.doc_id) if self.doc_id else []
        self.text.set_highlights(found, self._single())
        self.update_actions()

    def _single(self):
        nodes = self.main.scene.selected_nodes()
        return nodes[0] if len(nodes) == 1 else None

    def _on_change(self, change):
        if change.type in ("document_added", "document_removed"):
            self.reload()
        elif change.type in ("node_added", "node_removed") or (
                change.type == "node_changed" and HIGHLIGHT_KEYS & set(change.keys)):
            self._refresh_timer.start(0)
        elif change.type == "node_changed" and "draft" in change.keys:
            self.update_actions()

    # ---------------------------------------------------------- following
    def _follow_selection(self):
        node = self._single()
        if self._from_text:
            self.text.set_current(node)
        else:
            self.show_node(node)
        self.update_actions()

    def show_node(self, node_id):
        """Show the document *node_id* quotes, its span in view and marked current."""
        spans = self.amap.node(node_id).get("sources", []) if node_id in self.amap else []
        if not spans:
            self.text.set_current(node_id)
            return
        here = [s for s in spans if s["doc"] == self.doc_id]
        span = (here or spans)[0]
        self.show_document(span["doc"])
        self.text.set_current(node_id)
        self.text.scroll_to(span["start"], span["end"])

    def select_node(self, node_id):
        """Select *node_id* on the canvas and centre it, leaving the text where it is."""
        item = self.main.scene.nodes.get(node_id)
        if item is None:
            return
        self._from_text = True
        try:
            self.main.scene.select_nodes([node_id])
        finally:
            self._from_text = False
        self.main.view.centerOn(item)

    # ----------------------------------------------------------- selection
    def selection_span(self):
        """Return the span selected in the text (outer white space left out), or None."""
        selected = self.text.selected_range()
        if selected is None or self.doc_id not in self.amap.documents:
            return None
        return span_at(self.amap.documents[self.doc_id], *selected)

    def update_actions(self):
        """Enable the source actions that make sense now."""
        actions = self.main.actions
        if "add_source_from_selection" not in actions:
            return
        has_text = self.text.selected_range() is not None
        for name, *_ in FROM_SELECTION:
            actions[name].setEnabled(has_text)
        actions["add_source_from_selection"].setEnabled(has_text and self._single() is not None)
        actions["accept_draft"].setEnabled(bool(sources_edits.selected_drafts(self.main)))

    # ------------------------------------------------------------ actions
    def new_node_from_selection(self, kind):
        """Add a node of *kind* quoting the selected text; return its id (see sources_edits)."""
        return sources_edits.node_from_selection(self.main, self, kind)

    def add_selection_as_source(self):
        """Add the selected text as a source of the selected node; return whether it was."""
        return sources_edits.add_selection_as_source(self.main, self)

    def accept_draft(self):
        """Accept the selected draft nodes; return their ids."""
        return sources_edits.accept_drafts(self.main)

    def import_documents(self, paths):
        """Import the text or Markdown files *paths*; return the new document ids."""
        return sources_files.import_documents(self.main, paths)

    def new_map_from_documents(self, paths, draft=False):
        """Open a new window on a map of the documents *paths*; return it (or None)."""
        return sources_files.new_map_from_documents(self.main, paths, draft)


def _document_info(record):
    """One line about a document: publisher, author, date."""
    parts = [str(record[k]) for k in ("publisher", "author", "date") if record.get(k)]
    return " · ".join(parts)


def _add_action(window, name, text, slot, shortcut=None):
    action = QAction(text, window)
    if shortcut:
        action.setShortcut(QKeySequence(shortcut))
    action.triggered.connect(lambda checked=False: slot())
    window.actions[name] = action
    return action


def _build_actions(window, dock):
    """Create the source actions, put them in the File and Node menus; return the edits."""
    edits = [_add_action(window, name, label, lambda k=kind: dock.new_node_from_selection(k),
                         shortcut) for name, label, kind, shortcut in FROM_SELECTION]
    edits.append(_add_action(window, "add_source_from_selection", "Add Selection as &Source",
                             dock.add_selection_as_source, "Ctrl+Alt+S"))
    accept = _add_action(window, "accept_draft", "Accept &Draft", dock.accept_draft, "Ctrl+Alt+A")
    window.node_menu.addSeparator()
    window.node_menu.addActions(edits + [accept])
    files = [
        _add_action(window, "import_document", "&Import Document…",
                    lambda: sources_files.import_dialog(window)),
        _add_action(window, "new_from_documents", "New Map from &Documents…",
                    lambda: sources_files.new_map_dialog(window, draft=False)),
        _add_action(window, "new_draft_from_documents", "New D&raft Map from Documents…",
                    lambda: sources_files.new_map_dialog(window, draft=True)),
    ]
    before = window.actions["save"]
    window.file_menu.insertActions(before, files)
    window.file_menu.insertSeparator(before)
    return edits


def install_sources_dock(window):
    """Add the Sources dock and its actions to *window*; return the dock."""
    dock = SourcesDock(window)
    window.addDockWidget(Qt.LeftDockWidgetArea, dock)
    window.splitDockWidget(window.outline_dock, dock, Qt.Vertical)
    window.view_menu.addAction(dock.toggleViewAction())
    dock.text.context_actions = _build_actions(window, dock)
    dock.text.selectionChanged.connect(dock.update_actions)
    dock.update_actions()
    return dock
