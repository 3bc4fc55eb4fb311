"""The Sources dock: the map's documents with the spans its nodes quote.

The dock shows one document at a time, exactly as stored, with every span a
node quotes highlighted in the fill colour of the node's kind. Clicking a
highlight selects its node on the canvas; selecting a node on the canvas
brings its span into view. Selected text becomes a new node, or a further
source of the selected node, through the actions built here.
"""

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QComboBox, QDockWidget, QFileDialog, QLabel, QVBoxLayout, QWidget

from argmap.errors import ArgmapError
from argmap.gui.sources_files import DOCUMENT_FILTER, read_documents
from argmap.gui.sources_text import Highlight, SourceText
from argmap.model import ChangeType
from argmap.render.style import KIND_STYLE
from argmap.render.text import one_line
from argmap.sources import span_at

ORIGIN = "sources"

#: Node attributes whose change can change the highlights.
HIGHLIGHT_KEYS = {"sources", "kind", "text"}
#: (action name, label, kind, shortcut) of the "new node from the selected text" actions.
FROM_SELECTION = (
    ("new_claim_from_selection", "New &Claim from Selection", "claim", "Ctrl+Alt+C"),
    (
        "new_counterclaim_from_selection",
        "New C&ounterclaim from Selection",
        "counterclaim",
        "Ctrl+Alt+O",
    ),
    ("new_evidence_from_selection", "New &Evidence from Selection", "evidence", "Ctrl+Alt+E"),
)


#: The key that accepts the selected draft cards.
ACCEPT_DRAFT_KEY = "Ctrl+Alt+A"


def card_keys() -> str:
    """The keys that make a card of the selected text, each with the card it makes.

    Example
    -------
    >>> card_keys()
    'Ctrl+Alt+C for a claim, Ctrl+Alt+O for a counterclaim or Ctrl+Alt+E for evidence'
    """
    named = [
        f"{key} for {'' if kind == 'evidence' else 'a '}{kind}"
        for _, _, kind, key in FROM_SELECTION
    ]
    return ", ".join(named[:-1]) + " or " + named[-1]


def how_to_make_cards(drafts: bool = False) -> str:
    """A sentence telling how to make cards from the documents (and accept drafts)."""
    text = f"Select a passage in Sources and press {card_keys()} (Node menu)."
    if drafts:
        text = f"Select a draft card and press {ACCEPT_DRAFT_KEY} to accept it. " + text
    return text


#: Most characters of a node's text in a highlight's tooltip line.
PREVIEW_CHARS = 90


def document_highlights(amap, doc_id):
    """Return a :class:`Highlight` for every span of document *doc_id* a node quotes."""
    found = []
    for node_id, attrs in amap.graph.nodes(data=True):
        spans = [s for s in attrs.get("sources", ()) if s["doc"] == doc_id]
        if spans:
            name = KIND_STYLE[attrs["kind"]]["name"]
            label = f"{name} {node_id}: {one_line(attrs['text'], PREVIEW_CHARS)}"
            found += [Highlight(s["start"], s["end"], node_id, attrs["kind"], label) for s in spans]
    return found


class SourcesDock(QDockWidget):
    """A dock with a document chooser and the chosen document's text."""

    def __init__(self, document, selection, registry, parent=None):
        super().__init__("Sources", parent)
        self.setObjectName("sources")
        self.document = document
        self.selection = selection
        self.registry = registry
        self.doc_id = None
        self._from_text = False
        self.combo = QComboBox()
        self.combo.setObjectName("source-document")
        self.combo.setSizeAdjustPolicy(QComboBox.AdjustToMinimumContentsLengthWithIcon)
        self.combo.setMinimumContentsLength(12)  # the dock may be narrow in a small window
        self.info = QLabel()
        self.info.setTextFormat(Qt.PlainText)  # document details are never rich text
        self.info.setObjectName("source-info")
        self.info.setWordWrap(True)
        self.text = SourceText()
        self.setWidget(self._body())
        self._refresh_timer = QTimer(self)
        self._refresh_timer.setSingleShot(True)
        self._refresh_timer.timeout.connect(self.refresh_highlights)
        self._register_actions()
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

    def _register_actions(self):
        add = self.registry.add
        edits = [
            add(
                name,
                label,
                lambda k=kind: self.new_node_from_selection(k),
                shortcut,
                "node",
                "sources",
            )
            for name, label, kind, shortcut in FROM_SELECTION
        ]
        edits.append(
            add(
                "add_source_from_selection",
                "Add Selection as &Source",
                self.add_selection_as_source,
                "Ctrl+Alt+S",
                "node",
                "sources",
            )
        )
        add("accept_draft", "Accept &Draft", self.accept_draft, ACCEPT_DRAFT_KEY, "node", "sources")
        add("import_document", "&Import Document…", self.import_dialog, None, "file", "documents")
        self.text.context_actions = edits

    def _connect_signals(self):
        document = self.document
        document.changed.connect(self._on_change)
        document.reset.connect(self.reload)
        self.selection.changed.connect(self._follow_selection)
        self.combo.currentIndexChanged.connect(self._document_chosen)
        self.text.highlight_clicked.connect(self.select_node)
        self.text.selectionChanged.connect(self.update_actions)

    @property
    def amap(self):
        return self.document.amap

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
        return self.selection.single()

    def _on_change(self, change):
        if change.type in (ChangeType.DOCUMENT_ADDED, ChangeType.DOCUMENT_REMOVED):
            self.reload()
        elif change.type in (ChangeType.NODE_ADDED, ChangeType.NODE_REMOVED) or (
            change.type == ChangeType.NODE_CHANGED and HIGHLIGHT_KEYS & set(change.keys)
        ):
            self._refresh_timer.start(0)
        elif change.type == ChangeType.NODE_CHANGED and "draft" in change.keys:
            self.update_actions()

    # ---------------------------------------------------------- following
    def _follow_selection(self, origin=None):
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
        """Select *node_id* (the canvas brings it into view), leaving the text where it is."""
        if node_id not in self.amap:
            return
        self._from_text = True
        try:
            self.selection.set([node_id], origin=ORIGIN)
        finally:
            self._from_text = False

    # ----------------------------------------------------------- selection
    def selection_span(self):
        """Return the span selected in the text (outer white space left out), or None."""
        selected = self.text.selected_range()
        if selected is None or self.doc_id not in self.amap.documents:
            return None
        return span_at(self.amap.documents[self.doc_id], *selected)

    def update_actions(self):
        """Enable the source actions that make sense now."""
        has_text = self.text.selected_range() is not None
        self.registry.enable([name for name, *_ in FROM_SELECTION], has_text)
        self.registry["add_source_from_selection"].setEnabled(
            has_text and self._single() is not None
        )
        self.registry["accept_draft"].setEnabled(bool(self.selected_drafts()))

    def selected_drafts(self):
        """The selected nodes that are still drafts."""
        return [
            n for n in self.selection.nodes if n in self.amap and self.amap.node(n).get("draft")
        ]

    # ------------------------------------------------------------ actions
    def new_node_from_selection(self, kind):
        """Add a node of *kind* quoting the selected text; return its id (None if nothing).

        Its text is the selected words and its only source the selected span.
        When one node is selected the new node bears on it (a counterclaim
        opposes, the others support); otherwise it stands alone.
        """
        span = self.selection_span()
        if span is None:
            self.document.told.emit("Select some text in the Sources dock first")
            return None
        return self.document.node_from_span(kind, span, self._single())

    def add_selection_as_source(self):
        """Add the selected text as a source of the selected node; return whether it was."""
        span, node = self.selection_span(), self._single()
        if span is None or node is None:
            self.document.told.emit("Select one node and some text in the Sources dock first")
            return False
        if self.document.add_span(node, span) is None:
            self.document.told.emit("The node already quotes that text")
            return False
        return True

    def accept_draft(self):
        """Accept the selected draft nodes; return their ids."""
        drafts = self.selected_drafts()
        if not drafts or self.document.accept_drafts(drafts) is None:
            self.document.told.emit("No draft node is selected")
            return []
        return drafts

    def open_for_cards(self, drafts: bool = False) -> None:
        """Bring the dock to the front with the text to type in, and tell how to make cards
        (and accept *drafts*)."""
        self.show()
        self.raise_()
        self.text.setFocus()
        self.document.told.emit(how_to_make_cards(drafts))

    def import_documents(self, paths):
        """Import the text or Markdown files *paths*; return the new document ids.

        A file that cannot be read is reported and nothing is imported.
        """
        try:
            documents = read_documents(paths)
        except ArgmapError as exc:
            self.document.problem.emit("Cannot import the document", str(exc))
            return []
        ids = self.document.import_documents([doc.to_record() for doc in documents])
        if ids:
            self.show()
            self.raise_()
            self.show_document(ids[-1])
        return ids

    def import_dialog(self):
        """Ask for text or Markdown files and import them."""
        paths, _ = QFileDialog.getOpenFileNames(
            self, "Import documents", self.document.folder(), DOCUMENT_FILTER
        )
        return self.import_documents(paths) if paths else []


def _document_info(record):
    """One line about a document: publisher, author, date."""
    parts = [str(record[k]) for k in ("publisher", "author", "date") if record.get(k)]
    return " · ".join(parts)
