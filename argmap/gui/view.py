"""The canvas's view: zoom, pan, rubber-band selection, in-place text editing, layout.

It takes ``(document, selection)``, builds its :class:`MapScene`, follows the
shared selection (bringing what another view selects into sight), and shows
and opens for typing the nodes the document's verbs create.
"""

from contextlib import contextmanager

from PySide6.QtCore import QRectF, Qt, Signal
from PySide6.QtGui import QFontMetricsF, QPainter
from PySide6.QtWidgets import QGraphicsView

from argmap.gui import tree_layout
from argmap.gui.canvas import ORIGIN, MapScene
from argmap.gui.guide import KeyHint, OpeningView
from argmap.gui.inline_editor import InlineEditor, editor_geometry, editor_size
from argmap.gui.items import NodeItem
from argmap.gui.overview import Overview
from argmap.model import queries
from argmap.render.layout import compute_layout

#: Arrow keys and the way they walk the map (see argmap.model.queries.step).
ARROWS = {Qt.Key_Up: "up", Qt.Key_Down: "down", Qt.Key_Left: "left", Qt.Key_Right: "right"}

MIN_ZOOM, MAX_ZOOM = 0.05, 4.0
#: Room (pixels) kept between a card brought into view and the edge of the view.
REVEAL_MARGIN = 40


class MapView(QGraphicsView):
    """Shows a MapScene. Wheel zooms; drag on empty space (or Space+drag) pans;
    Shift/Ctrl+drag draws a rubber band."""

    zoom_changed = Signal(float)

    def __init__(self, document, selection, parent=None):
        super().__init__(parent)
        self.document = document
        self.selection = selection
        self.map_scene = MapScene(document, selection, self)
        self.setScene(self.map_scene)
        self.setRenderHints(QPainter.Antialiasing | QPainter.TextAntialiasing)
        self.setTransformationAnchor(QGraphicsView.AnchorUnderMouse)
        self.setViewportUpdateMode(QGraphicsView.MinimalViewportUpdate)
        self.setDragMode(QGraphicsView.ScrollHandDrag)
        self.setFocusPolicy(Qt.StrongFocus)
        self._space = False
        self.editor = None
        self.overlays = []  # widgets over the map that stay in place while it scrolls
        self._steps = 0  # depth of scroll_at_once()
        self._moved = False  # whether the map scrolled within scroll_at_once()
        document.nodes_created.connect(self.show_created)
        selection.changed.connect(self._reveal_selection)
        self.map_scene.unplaced_found.connect(self.initial_layout)
        self.opening = OpeningView(self)
        self.hint = KeyHint(self)
        self.overview = Overview(self)

    # ---------------------------------------------------------------- zoom
    @property
    def zoom(self):
        return self.transform().m11()

    def set_zoom(self, factor):
        factor = max(MIN_ZOOM, min(MAX_ZOOM, factor))
        self.scale(factor / self.zoom, factor / self.zoom)
        self.zoom_changed.emit(self.zoom)

    def zoom_in(self):
        self.set_zoom(self.zoom * 1.25)

    def zoom_out(self):
        self.set_zoom(self.zoom / 1.25)

    def reset_zoom(self):
        self.set_zoom(1.0)

    def fit(self):
        """Show the whole map, or its middle at the smallest zoom when it is larger still
        (the overview shows all of it)."""
        rect = self.map_scene.map_rect()
        if rect.isEmpty():
            return
        self.fitInView(rect.adjusted(-30, -30, 30, 30), Qt.KeepAspectRatio)
        if not MIN_ZOOM <= self.zoom <= 1.0:
            self.set_zoom(min(max(self.zoom, MIN_ZOOM), 1.0))  # no larger than actual size
        self.centerOn(rect.center())
        self.zoom_changed.emit(self.zoom)

    def wheelEvent(self, event):
        steps = event.angleDelta().y() / 120.0
        if steps:
            self.set_zoom(self.zoom * (1.15**steps))
        event.accept()

    # ----------------------------------------------------- pan, rubber band
    def scrollContentsBy(self, dx, dy):
        """Scroll the map: Qt copies the pixels that stay in view and paints only the strip
        that comes in, then the overlays go back in place.

        The overlays (overview, key hint, legend) are children of the viewport: a widget
        lying over the viewport from outside it makes Qt paint the whole viewport at every
        scroll, while the viewport's own children are moved with its pixels.
        """
        super().scrollContentsBy(dx, dy)
        if self._steps:
            self._moved = True
        else:
            self._place_overlays()

    @contextmanager
    def scroll_at_once(self):
        """Scroll in several steps (across, then down) as one move: the overlays go back in
        place once, at the end, if the map moved at all. Moved between two steps, they would
        keep Qt from copying pixels for the second, and the whole view would be painted
        again."""
        self._steps += 1
        try:
            yield
        finally:
            self._steps -= 1
            if not self._steps and self._moved:
                self._moved = False
                self._place_overlays()

    def _place_overlays(self):
        for overlay in self.overlays:
            overlay.place()

    def ensureVisible(self, *args):
        with self.scroll_at_once():
            super().ensureVisible(*args)

    def centerOn(self, *args):
        with self.scroll_at_once():
            super().centerOn(*args)

    def add_overlay(self, widget):
        """Keep *widget*, a child of the viewport with a ``place()`` method, over the map.

        It must paint every pixel of its rectangle (it is marked opaque), so that Qt can
        copy its pixels when it goes back in place after a scroll. It takes no keyboard
        focus: keys typed on the canvas (Tab adds a reason) stay the canvas's.
        """
        widget.setAttribute(Qt.WA_OpaquePaintEvent)
        widget.setFocusPolicy(Qt.NoFocus)
        self.overlays.append(widget)

    def mousePressEvent(self, event):
        on_item = self.itemAt(event.position().toPoint()) is not None
        if self._space:
            self.setDragMode(QGraphicsView.ScrollHandDrag)
            self.setInteractive(False)
        elif event.modifiers() & (Qt.ShiftModifier | Qt.ControlModifier) and not on_item:
            self.setDragMode(QGraphicsView.RubberBandDrag)
        elif on_item:
            self.setDragMode(QGraphicsView.NoDrag)
        else:
            self.setDragMode(QGraphicsView.ScrollHandDrag)
        super().mousePressEvent(event)

    def mouseMoveEvent(self, event):
        with self.scroll_at_once():  # dragging the map moves it across and down
            super().mouseMoveEvent(event)

    def mouseReleaseEvent(self, event):
        super().mouseReleaseEvent(event)
        self.setInteractive(True)
        self.setDragMode(QGraphicsView.ScrollHandDrag)

    def mouseDoubleClickEvent(self, event):
        item = self.itemAt(event.position().toPoint())
        if isinstance(item, NodeItem):
            self.edit_text(item.node_id)
            event.accept()
            return
        super().mouseDoubleClickEvent(event)

    def keyPressEvent(self, event):
        if event.key() == Qt.Key_Space and not event.isAutoRepeat():
            self._space = True
            self.viewport().setCursor(Qt.OpenHandCursor)
            event.accept()
            return
        if event.modifiers() & ~Qt.KeypadModifier == Qt.NoModifier and self._navigate(event.key()):
            event.accept()
            return
        super().keyPressEvent(event)

    def _navigate(self, key):
        """Arrows walk the map from the selected card (or link); Esc drops a link being drawn,
        else narrows the selection to one card, so that the arrows go on from there."""
        if key == Qt.Key_Escape:
            return self._escape()
        direction = ARROWS.get(key)
        if direction is None:
            return False
        amap = self.document.amap
        nodes = [n for n in self.selection.nodes if n in amap]
        if nodes:
            self.selection.set([queries.step(amap, nodes[-1], direction)], origin="keys")
            return True
        edges = [e for e in self.selection.edges if amap.graph.has_edge(*e)]
        if edges:  # from a link: up to what it bears on, down (or sideways) to its premise
            source, target = edges[-1]
            self.selection.set([target if direction == "up" else source], origin="keys")
            return True
        start = self.card_in_sight()
        if start is None:
            return False
        self.selection.set([start], origin="keys")
        return True

    def _escape(self):
        """Esc: stop drawing a link; else keep one card of several, or a link's premise."""
        if self.map_scene.linking:
            self.map_scene.cancel_link()
            return True
        nodes, edges = self.selection.nodes, self.selection.edges
        if len(nodes) > 1 or (nodes and edges):
            self.selection.set([nodes[-1]], origin="keys")
            return True
        if not nodes and edges:
            self.selection.set([edges[-1][0]], origin="keys")
            return True
        return False

    def card_in_sight(self):
        """The card nearest the middle of the view (a main claim when none is in sight)."""
        middle = self.mapToScene(self.viewport().rect().center())
        shown = [
            i for i in self.map_scene.items(self.visible_scene_rect()) if isinstance(i, NodeItem)
        ]
        if shown:
            nearest = min(
                shown, key=lambda i: (i.sceneBoundingRect().center() - middle).manhattanLength()
            )
            return nearest.node_id
        mains = queries.main_claims(self.document.amap)
        return mains[0] if mains else None

    def keyReleaseEvent(self, event):
        if event.key() == Qt.Key_Space and not event.isAutoRepeat():
            self._space = False
            self.viewport().unsetCursor()
            event.accept()
            return
        super().keyReleaseEvent(event)

    # ------------------------------------------------------- following
    def show_created(self, node_ids, edit):
        """Select new nodes, bring the first into view, and open its text when *edit*."""
        node_ids = [n for n in node_ids if n in self.map_scene.nodes]
        if not node_ids:
            return
        with self.scroll_at_once():
            self.selection.set(node_ids)
            if edit:
                self.edit_text(node_ids[0])
            else:
                self.ensureVisible(self.map_scene.nodes[node_ids[0]], REVEAL_MARGIN, REVEAL_MARGIN)

    def _reveal_selection(self, origin):
        nodes = self.selection.nodes
        if origin != ORIGIN and nodes and nodes[0] in self.map_scene.nodes:
            self.ensureVisible(self.map_scene.nodes[nodes[0]], REVEAL_MARGIN, REVEAL_MARGIN)

    def edit_text(self, node_id=None):
        """Edit a node's text in place (the selected one by default); return the editor."""
        node_id = node_id or self.selection.single()
        if node_id is None or node_id not in self.map_scene.nodes:
            return None
        return self.open_editor(self.map_scene.nodes[node_id], self._typed)

    def _typed(self, node_id, text, then):
        """The editor's text is done: keep it, then add a premise or a sibling if asked.

        Tab or Enter on a card just added whose text was left as it came takes the card
        back instead of adding another: pressing Tab on through the window adds nothing.
        """
        if node_id not in self.document.amap:
            return
        left_as_it_came = text == self.document.amap.node(node_id)["text"]
        if then and left_as_it_came and self.document.is_fresh(node_id):
            target = next(iter(self.document.amap.graph.successors(node_id)), None)
            self._typing_cancelled(node_id)
            if target is not None:
                self.selection.set([target], origin="keys")
            return
        self.document.set_text(node_id, text)
        if then == "child":
            self.document.add_child(node_id, "support")
        elif then == "sibling":
            self.document.add_sibling(node_id)

    def _typing_cancelled(self, node_id):
        self.close_editor()
        self.document.discard_fresh(node_id)

    # ------------------------------------------------------------ layout
    def initial_layout(self):
        """Place a map that has no positions (Graphviz, or a tree when large), off the GUI
        thread."""
        return self._run_layout(undoable=False)

    def tidy_layout(self):
        """Lay the map out again (Graphviz, or a tree when large), as one undoable step."""
        return self._run_layout(undoable=True)

    def _run_layout(self, undoable):
        """Lay the map out off the GUI thread as a tree of rows, its siblings in the order
        Graphviz gives them (in map order when the map is large)."""
        snapshot = self.document.amap.copy()
        heights = {n: item.size[1] for n, item in self.map_scene.nodes.items()}
        if len(snapshot) > tree_layout.GRAPHVIZ_UP_TO:

            def work():
                return tree_layout.tree_positions(snapshot, heights)
        else:

            def work():
                hints = compute_layout(snapshot).positions
                return tree_layout.tree_positions(snapshot, heights, hints)

        return self.document.jobs.start(
            work, "Laying out the map…", lambda found: self._apply_layout(found, undoable)
        )

    def _apply_layout(self, found, undoable):
        positions = {n: p for n, p in found.items() if n in self.document.amap}
        if undoable:
            self.document.move_nodes(positions, "Tidy layout")
            self.fit()
        else:
            self.document.settle_positions(positions)
            self.opening.restart()

    # ------------------------------------------------------ in-place edit
    def open_editor(self, item, on_commit):
        """Show an editor over *item*, readable at any zoom; ``on_commit(id, text, then)``.

        The view moves as little as it must to show the card with the editor around it.
        """
        self.close_editor()
        self.editor = InlineEditor(
            self.viewport(), item.node_id, item.attrs.get("text", ""), self.zoom
        )
        line = QFontMetricsF(self.editor.font()).lineSpacing()
        self._reveal_for_typing(item, line)
        card = self.mapFromScene(item.sceneBoundingRect()).boundingRect()
        self.editor.setGeometry(editor_geometry(card, self.viewport().rect(), line))
        self.editor.committed.connect(
            lambda n, t, then: (self.close_editor(), on_commit(n, t, then))
        )
        self.editor.cancelled.connect(self._typing_cancelled)
        self.editor.show()
        self.editor.setFocus()
        return self.editor

    def _reveal_for_typing(self, item, line_height):
        """Scroll as little as needed to show *item* and the editor opening over it."""
        rect = item.sceneBoundingRect()
        width, height = editor_size(self.mapFromScene(rect).boundingRect(), line_height)
        grow_x = max(0.0, width / self.zoom - rect.width()) / 2
        grow_y = max(0.0, height / self.zoom - rect.height()) / 2
        self.ensureVisible(
            rect.adjusted(-grow_x, -grow_y, grow_x, grow_y), REVEAL_MARGIN, REVEAL_MARGIN
        )

    def finish_typing(self):
        """Keep the text being typed in a card (before saving or closing)."""
        if self.editor is not None:
            self.editor.commit()

    def close_editor(self):
        if self.editor is not None:
            editor, self.editor = self.editor, None
            editor._done = True
            editor.hide()
            editor.deleteLater()
            self.setFocus()

    def visible_scene_rect(self):
        return QRectF(self.mapToScene(self.viewport().rect()).boundingRect())
