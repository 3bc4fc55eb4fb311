"""Find (Ctrl+F): search texts, tags and speakers; step through matches; dim the rest."""

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QCheckBox, QLabel, QLineEdit, QToolBar


def matches(amap, query):
    """Node ids whose text, tags or speaker contain *query* (any case), in map order."""
    needle = query.casefold().strip()
    if not needle:
        return []
    found = []
    for node_id, attrs in amap.graph.nodes(data=True):
        haystack = [attrs.get("text", ""), attrs.get("speaker", "")] + list(attrs.get("tags", []))
        if any(needle in value.casefold() for value in haystack):
            found.append(node_id)
    return found


class FindBar(QToolBar):
    """A bar above the canvas: type to highlight, Enter for the next match, Esc to close."""

    def __init__(self, document, selection, canvas):
        super().__init__("Find")
        self.setObjectName("find-bar")
        self.document, self.selection, self.canvas = document, selection, canvas
        self.results = []
        self.current = -1
        self.field = QLineEdit()
        self.field.setPlaceholderText("Find text, tag or speaker…")
        self.field.setClearButtonEnabled(True)
        self.field.textChanged.connect(self.search)
        self.field.returnPressed.connect(self.next_match)
        self.dim = QCheckBox("Dim others")
        self.dim.toggled.connect(lambda _: self.apply())
        self.count = QLabel()
        self.addWidget(self.field)
        self.addWidget(self.dim)
        self.addWidget(self.count)
        self.addAction("Close", self.close_bar)

    def open_bar(self):
        """Show the bar with its field focused and selected."""
        self.show()
        self.field.setFocus()
        self.field.selectAll()

    def keyPressEvent(self, event):
        if event.key() == Qt.Key_Escape:
            self.close_bar()
        else:
            super().keyPressEvent(event)

    def search(self, text=None):
        """Find the matches of the field's text and highlight them."""
        self.results = matches(self.document.amap, self.field.text())
        self.current = -1
        self.apply()

    def apply(self):
        found = set(self.results)
        active = bool(self.field.text().strip()) and self.isVisible()
        scene = self.canvas.map_scene
        for node_id, item in scene.nodes.items():
            item.highlighted = active and node_id in found
            item.setOpacity(
                0.25 if active and self.dim.isChecked() and node_id not in found else 1.0
            )
            item.update()
        for (source, target), edge in scene.edges.items():
            dimmed = active and self.dim.isChecked() and not (source in found and target in found)
            edge.setOpacity(0.2 if dimmed else 1.0)
        self.count.setText(f"{len(self.results)} found" if active else "")

    def next_match(self):
        """Select the next match and bring it into view."""
        if not self.results:
            return None
        self.current = (self.current + 1) % len(self.results)
        node_id = self.results[self.current]
        self.selection.set([node_id], origin="find")
        self.canvas.centerOn(self.canvas.map_scene.nodes[node_id])
        self.count.setText(f"{self.current + 1} of {len(self.results)}")
        return node_id

    def close_bar(self):
        self.hide()
        self.apply()
        self.canvas.setFocus()
