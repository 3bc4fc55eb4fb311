"""The inspector dock: every attribute of the selected node or edge, editable and undoable.

It shows the one selected node (or link) of the shared selection and edits
it through the document's verbs; a typing session in one field is one step.
"""

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDoubleSpinBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QPlainTextEdit,
    QSizePolicy,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from argmap.gui.document import new_merge_key
from argmap.model import BASES, KINDS, RELATIONS, REMOVE, ChangeType
from argmap.render.cards import node_places
from argmap.render.style import PLACE_NAMES, ROLE_NAMES
from argmap.render.text import one_line

MAP_HINT = (
    "Select a card or a link to see and edit its details here. On the canvas: Tab adds "
    "a reason, Enter a sibling, F2 edits, the arrows move between cards."
)
#: Characters of each end's text a selected link shows; a longer text is cut at a word, with "…".
LINK_END_CHARS = 60
TEXT_FIELDS = (("speaker", "Speaker"), ("citation", "Citation"), ("url", "URL"), ("date", "Date"))


class _PlainText(QPlainTextEdit):
    """A multi-line field that reports when an editing session ends."""

    def __init__(self, on_focus_out):
        super().__init__()
        self._on_focus_out = on_focus_out
        self.setTabChangesFocus(True)

    def focusOutEvent(self, event):
        super().focusOutEvent(event)
        self._on_focus_out()


class Inspector(QWidget):
    """Shows and edits the selected node (or edge) of a document."""

    def __init__(self, document, selection):
        super().__init__()
        self.document = document
        self.selection = selection
        self.node_id = None
        self.edge = None
        self._loading = False
        self._merge_key = new_merge_key()
        self.stack = QStackedWidget()
        self.stack.addWidget(self._build_map_form())
        self.stack.addWidget(self._build_node_form())
        self.stack.addWidget(self._build_edge_form())
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(self.stack)
        selection.changed.connect(lambda _: self.follow_selection())
        document.changed.connect(self._on_change)
        document.reset.connect(lambda: self.show_node(None))
        document.refused.connect(lambda _: self.refresh())

    def follow_selection(self):
        """Show the one selected node, else the one selected link, else nothing."""
        nodes, edges = self.selection.nodes, self.selection.edges
        if len(nodes) == 1:
            self.show_node(nodes[0])
        elif not nodes and len(edges) == 1:
            self.show_edge(edges[0])
        else:
            self.show_node(None)

    def _on_change(self, change):
        if change.type == ChangeType.MAP_CHANGED and self.stack.currentIndex() == 0:
            self.refresh()
            return
        if change.type == ChangeType.NODE_CHANGED and set(change.keys) <= {"pos"}:
            return
        if self.node_id == change.node or (self.edge is not None and change.edge == self.edge):
            self.refresh()
        elif self.node_id is not None and change.edge and self.node_id in change.edge:
            self.refresh()  # what the card is drawn as follows its links

    # ------------------------------------------------------------ builders
    def _build_map_form(self):
        """With nothing selected: the map's own title and description, and the keys."""
        page = QWidget()
        form = QFormLayout(page)
        self.map_title = QLineEdit()
        self.map_title.setObjectName("map-title")
        self.map_title.setPlaceholderText("the question or motion debated")
        self.map_title.editingFinished.connect(
            lambda: self._set_map("title", self.map_title.text())
        )
        self.map_description = _PlainText(
            lambda: self._set_map("description", self.map_description.toPlainText() or REMOVE)
        )
        self.map_description.setObjectName("map-description")
        self.map_description.setMaximumHeight(110)
        self.empty = QLabel(MAP_HINT)
        self.empty.setTextFormat(Qt.PlainText)
        self.empty.setWordWrap(True)
        form.addRow("Map title", self.map_title)
        form.addRow("Description", self.map_description)
        form.addRow(self.empty)
        return page

    def _set_map(self, key, value):
        if not self._loading:
            self.document.set_map_fields({key: value})

    def _load_map(self):
        meta = self.document.amap.meta
        if self.map_title.text() != meta.get("title", ""):
            self.map_title.setText(meta.get("title", ""))
            self.map_title.setCursorPosition(0)
        if self.map_description.toPlainText() != meta.get("description", ""):
            self.map_description.setPlainText(meta.get("description", ""))

    def _build_node_form(self):
        page = QWidget()
        form = QFormLayout(page)
        form.setRowWrapPolicy(QFormLayout.DontWrapRows)
        self.text = _PlainText(self._new_session)
        self.text.setObjectName("inspector-text")
        self.text.setMaximumHeight(110)
        self.text.textChanged.connect(lambda: self._set("text", self.text.toPlainText()))
        self.kind = QComboBox()
        self.kind.addItems(KINDS)
        self.kind.currentTextChanged.connect(lambda v: self._set("kind", v, merge=False))
        self.basis = QComboBox()
        self.basis.addItems(["—"] + list(BASES))
        self.basis.currentTextChanged.connect(
            lambda v: self._set("basis", REMOVE if v == "—" else v, merge=False)
        )
        self.place = QLabel()
        self.place.setObjectName("inspector-place")
        self.place.setTextFormat(Qt.PlainText)
        self.place.setSizePolicy(QSizePolicy.Preferred, QSizePolicy.Fixed)
        form.addRow("Text", self.text)
        form.addRow("Kind", self.kind)
        form.addRow("Drawn as", self.place)
        form.addRow("Basis", self.basis)
        self.fields = {}
        for key, label in TEXT_FIELDS:
            field = QLineEdit()
            field.textEdited.connect(lambda v, k=key: self._set(k, v if v else REMOVE))
            field.editingFinished.connect(self._new_session)
            self.fields[key] = field
            form.addRow(label, field)
        self.tags = QLineEdit()
        self.tags.setPlaceholderText("comma, separated")
        self.tags.textEdited.connect(self._set_tags)
        self.tags.editingFinished.connect(self._new_session)
        form.addRow("Tags", self.tags)
        self.note = _PlainText(self._new_session)
        self.note.setMaximumHeight(80)
        self.note.textChanged.connect(lambda: self._set("note", self.note.toPlainText() or REMOVE))
        form.addRow("Note", self.note)
        self.rating = QDoubleSpinBox()
        self.rating.setRange(-1, 10)
        self.rating.setSpecialValueText("unrated")
        self.rating.setSingleStep(1)
        self.rating.valueChanged.connect(lambda v: self._set("rating", REMOVE if v < 0 else v))
        form.addRow("Rating", self.rating)
        self.sources = QListWidget()
        self.sources.setWordWrap(True)
        self.sources.setMaximumHeight(120)
        form.addRow("Sources", self.sources)
        return page

    def _build_edge_form(self):
        page = QWidget()
        form = QFormLayout(page)
        self.edge_label = QLabel()
        self.edge_label.setTextFormat(Qt.PlainText)  # map text is never rich text
        self.edge_label.setWordWrap(True)
        self.relation = QComboBox()
        self.relation.addItems(RELATIONS)
        self.relation.currentTextChanged.connect(lambda v: self._set_edge("relation", v))
        self.strength = QDoubleSpinBox()
        self.strength.setRange(-0.01, 1)
        self.strength.setSingleStep(0.1)
        self.strength.setSpecialValueText("—")
        self.strength.valueChanged.connect(
            lambda v: self._set_edge("strength", REMOVE if v < 0 else v)
        )
        self.group = QLineEdit()
        self.group.setPlaceholderText("co-premise group id")
        self.group.editingFinished.connect(
            lambda: self._set_edge("group", self.group.text() or REMOVE)
        )
        self.edge_note = QLineEdit()
        self.edge_note.editingFinished.connect(
            lambda: self._set_edge("note", self.edge_note.text() or REMOVE)
        )
        form.addRow(self.edge_label)
        form.addRow("Relation", self.relation)
        form.addRow("Strength", self.strength)
        form.addRow("Group", self.group)
        form.addRow("Note", self.edge_note)
        return page

    def first_field(self):
        """The field a keyboard user starts in: the text of a card, the relation of a
        link, the title of the map."""
        page = self.stack.currentIndex()
        return (self.map_title, self.text, self.relation)[page]

    # ------------------------------------------------------------- showing
    def show_node(self, node_id):
        self.node_id, self.edge = node_id, None
        self._new_session()
        if node_id is None or node_id not in self.document.amap:
            self.node_id = None
            self.stack.setCurrentIndex(0)
            self.refresh()
            return
        self.stack.setCurrentIndex(1)
        self.refresh()

    def show_edge(self, edge):
        self.node_id, self.edge = None, edge
        self.stack.setCurrentIndex(2)
        self.refresh()

    def refresh(self):
        """Reload the fields from the model (after an undo, say)."""
        self._loading = True
        try:
            if self.node_id is not None and self.node_id in self.document.amap:
                self._load_node(self.document.amap.node(self.node_id))
            elif self.edge is not None and self.document.amap.graph.has_edge(*self.edge):
                self._load_edge(self.document.amap.edge(*self.edge))
            else:
                self.stack.setCurrentIndex(0)
                self._load_map()
        finally:
            self._loading = False

    def _load_node(self, attrs):
        if self.text.toPlainText() != attrs["text"]:
            self.text.setPlainText(attrs["text"])
        self.kind.setCurrentText(attrs["kind"])
        place = node_places(self.document.amap, [self.node_id])[self.node_id]
        self.place.setText(ROLE_NAMES.get(place) or PLACE_NAMES.get(place, place.capitalize()))
        self.basis.setCurrentText(attrs.get("basis") or "—")
        for key, field in self.fields.items():
            if field.text() != attrs.get(key, ""):
                field.setText(attrs.get(key, ""))
        tags = ", ".join(attrs.get("tags", []))
        if self.tags.text() != tags:
            self.tags.setText(tags)
        if self.note.toPlainText() != attrs.get("note", ""):
            self.note.setPlainText(attrs.get("note", ""))
        rating = attrs.get("rating")
        self.rating.setValue(-1 if rating is None else rating)
        self.sources.clear()
        docs = self.document.amap.documents
        for span in attrs.get("sources", []):
            title = docs.get(span["doc"], {}).get("title", span["doc"])
            self.sources.addItem(f"“{span['quote']}” — {title}")

    def _load_edge(self, attrs):
        source, target = self.edge
        graph = self.document.amap.graph
        self.edge_label.setText(
            f"“{one_line(graph.nodes[source]['text'], LINK_END_CHARS)}” {attrs['relation']} "
            f"“{one_line(graph.nodes[target]['text'], LINK_END_CHARS)}”"
        )
        self.relation.setCurrentText(attrs["relation"])
        self.strength.setValue(-0.01 if attrs.get("strength") is None else attrs["strength"])
        self.group.setText(attrs.get("group") or "")
        self.edge_note.setText(attrs.get("note") or "")

    # ------------------------------------------------------------- editing
    def _new_session(self):
        self._merge_key = new_merge_key()

    def _set(self, key, value, merge=True):
        if self._loading or self.node_id is None:
            return
        current = self.document.amap.node(self.node_id).get(key, REMOVE)
        if current == value or (current is REMOVE and value is REMOVE):
            return
        self.document.set_node_attrs(
            self.node_id, {key: value}, (self._merge_key, key) if merge else None
        )

    def _set_tags(self, text):
        tags = [t.strip() for t in text.split(",") if t.strip()]
        self._set("tags", tags if tags else REMOVE)

    def _set_edge(self, key, value):
        if self._loading or self.edge is None:
            return
        self.document.set_edge_attrs(*self.edge, {key: value})
