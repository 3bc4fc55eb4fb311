"""The editing actions of a window (Edit, Node and View menus), each calling a document verb.

Every action reads the shared selection, calls one verb of the document, and
leaves the rest (showing the change, selecting new nodes, reporting a
refused edit) to the views that follow the document.
"""

from PySide6.QtGui import QActionGroup, QGuiApplication, QKeySequence
from PySide6.QtWidgets import QMessageBox

from argmap.errors import ArgmapError
from argmap.gui import clipboard
from argmap.gui.plain import message_box
from argmap.model import KIND_NAMES, RELATIONS
from argmap.model.edits import CHILD_EDITS
from argmap.model.fragments import fragment

#: Shortcuts of the "add to the selected node" edits (see argmap.model.edits.CHILD_EDITS).
CHILD_SHORTCUTS = {
    "support": "Tab",
    "counterclaim": "Ctrl+Shift+O",
    "evidence": "Ctrl+Shift+E",
    "rebuttal": "Ctrl+Shift+R",
}
#: Actions that need exactly one selected node, and those that need any.
NEEDS_ONE = ["add_" + name for name in CHILD_EDITS] + [
    "add_sibling",
    "edit_text",
    "toggle_collapse",
]
NEEDS_ANY = ["delete", "delete_branch", "cut", "copy"]


def _unique(sequences):
    """*sequences* without repeats (a platform's standard key may already be one of ours)."""
    seen, kept = set(), []
    for sequence in sequences:
        if sequence.toString() not in seen:
            seen.add(sequence.toString())
            kept.append(sequence)
    return kept


def ask_how_to_delete(parent, count, premises):
    """Ask whether to delete what bears on the nodes too; return "branch", "keep" or None."""
    box = message_box(
        parent,
        QMessageBox.Question,
        "Delete",
        f"{premises} node(s) bear on the {'node' if count == 1 else 'nodes'} "
        "you are deleting. Delete them too, or keep them attached to what the "
        "deleted node bore on?",
        "delete-question",
        QMessageBox.Cancel,
    )
    branch = box.addButton("Delete &Branch", QMessageBox.DestructiveRole)
    keep = box.addButton("&Keep Them", QMessageBox.AcceptRole)
    box.setDefaultButton(keep)
    box.exec()
    return {branch: "branch", keep: "keep"}.get(box.clickedButton())


class EditActions:
    """Registers the editing actions and keeps them enabled as the selection allows.

    Parameters
    ----------
    registry : ActionRegistry
    document : Document
    selection : Selection
    view : MapView
        The canvas: in-place editing, zoom and layout, and the scope of keys
        such as Tab and Delete.
    """

    def __init__(self, registry, document, selection, view):
        self.registry, self.document, self.selection, self.view = (
            registry,
            document,
            selection,
            view,
        )
        self._register_edit()
        self._register_node()
        self._register_view()
        selection.changed.connect(lambda _: self.update_enabled())
        self.update_enabled()

    # ------------------------------------------------------------ builders
    def _register_edit(self):
        add, key = self.registry.add, QKeySequence.StandardKey
        undo = self.document.undo_stack.createUndoAction(self.view, "&Undo")
        undo.setShortcuts([QKeySequence(key.Undo)])
        redo = self.document.undo_stack.createRedoAction(self.view, "&Redo")
        redo.setShortcuts(_unique(QKeySequence.keyBindings(key.Redo) + [QKeySequence("Ctrl+Y")]))
        self.registry.adopt("undo", undo, "edit", "undo")
        self.registry.adopt("redo", redo, "edit", "undo")
        scope = self.view
        add("cut", "Cu&t", self.cut, key.Cut, "edit", "clipboard", scope)
        add("copy", "&Copy", self.copy, key.Copy, "edit", "clipboard", scope)
        add("paste", "&Paste", self.paste, key.Paste, "edit", "clipboard", scope)
        add("delete", "&Delete", self.delete, key.Delete, "edit", "clipboard", scope)
        add(
            "delete_branch",
            "Delete &Branch",
            self.delete_branch,
            "Shift+Delete",
            "edit",
            "clipboard",
            scope,
        )
        add("edit_text", "Edit &Text", self.view.edit_text, "F2", "edit", "select", scope)
        add("select_all", "Select &All", self.select_all, key.SelectAll, "edit", "select", scope)
        add(
            "select_link_out",
            "Select Link to What It Bears &On",
            lambda: self.select_link("out"),
            "Alt+Up",
            "edit",
            "select",
            scope,
        )
        add(
            "select_link_in",
            "Select Link from a &Premise",
            lambda: self.select_link("in"),
            "Alt+Down",
            "edit",
            "select",
            scope,
        )

    def _register_node(self):
        add, scope = self.registry.add, self.view
        add(
            "add_claim",
            "Add Main C&laim",
            self.document.add_main_claim,
            "Ctrl+Shift+M",
            "node",
            "add",
        )
        add("add_sibling", "Add S&ibling", self.add_sibling, "Return", "node", "add", scope)
        add(
            "add_co_premise",
            "Add Co-&premise",
            self.add_co_premise,
            "Shift+Return",
            "node",
            "add",
            scope,
            tip="A premise that holds only together with the selected one",
        )
        for name, (_, _, label) in CHILD_EDITS.items():
            add(
                "add_" + name,
                label,
                lambda n=name: self.add_child(n),
                CHILD_SHORTCUTS[name],
                "node",
                "add",
                scope,
            )
        self.kind_group = QActionGroup(self.view)
        for kind, title in KIND_NAMES.items():
            action = add(
                f"kind_{kind}", title, lambda k=kind: self.set_kind(k), None, "node", "kind"
            )
            action.setCheckable(True)
            self.kind_group.addAction(action)
        for relation in RELATIONS:
            add(
                f"relation_{relation}",
                f"Make It {relation.capitalize()}",
                lambda r=relation: self.set_relation(r),
                None,
                "node",
                "relation",
            )
        add(
            "connect_supports",
            "Connect: First Selected &Supports Second",
            lambda: self.connect("supports"),
            "Ctrl+L",
            "node",
            "connect",
        )
        add(
            "connect_opposes",
            "Connect: First Selected &Opposes Second",
            lambda: self.connect("opposes"),
            "Ctrl+Shift+L",
            "node",
            "connect",
        )
        add(
            "group_premises",
            "Make Co-premises",
            lambda: self.document.group_premises(self.selection.nodes),
            "Ctrl+G",
            "node",
            "connect",
        )
        add(
            "ungroup_premises",
            "Separate Co-premises",
            lambda: self.document.ungroup_premises(self.selection.nodes),
            "Ctrl+Shift+G",
            "node",
            "connect",
        )
        add(
            "toggle_collapse",
            "Collapse / E&xpand",
            self.toggle_collapse,
            "Ctrl+.",
            "node",
            "connect",
        )

    def _register_view(self):
        add, key, view = self.registry.add, QKeySequence.StandardKey, self.view
        add("zoom_in", "Zoom &In", view.zoom_in, key.ZoomIn, "view", "zoom")
        self.registry["zoom_in"].setShortcuts(
            _unique(QKeySequence.keyBindings(key.ZoomIn) + [QKeySequence("Ctrl+=")])
        )
        add("zoom_out", "Zoom &Out", view.zoom_out, key.ZoomOut, "view", "zoom")
        add("zoom_reset", "&Actual Size", view.reset_zoom, "Ctrl+0", "view", "zoom")
        add("fit", "&Fit to Window", view.fit, "Ctrl+Shift+F", "view", "zoom")
        add("tidy", "&Tidy Layout", view.tidy_layout, "Ctrl+Shift+T", "view", "layout")

    # --------------------------------------------------------------- state
    def update_enabled(self):
        nodes = self.selection.nodes
        self.registry.enable(NEEDS_ONE, len(nodes) == 1)
        self.registry.enable(NEEDS_ANY, bool(nodes) or bool(self.selection.edges))
        self.registry.enable(["connect_supports", "connect_opposes"], len(nodes) == 2)
        for kind in KIND_NAMES:
            self.registry[f"kind_{kind}"].setEnabled(bool(nodes))
        if len(nodes) == 1 and nodes[0] in self.document.amap:
            self.registry[f"kind_{self.document.amap.node(nodes[0])['kind']}"].setChecked(True)
        has_link = bool(self.selection.edges) or len(nodes) == 1
        self.registry.enable([f"relation_{r}" for r in RELATIONS], has_link)

    # --------------------------------------------------------------- slots
    def add_child(self, name):
        target = self.selection.single()
        return self.document.add_child(target, name) if target else None

    def add_sibling(self):
        node = self.selection.single()
        return self.document.add_sibling(node) if node else None

    def add_co_premise(self):
        node = self.selection.single()
        return self.document.add_co_premise(node) if node else None

    def select_link(self, way):
        """Select a link of the selected card: to what it bears on (``out``) or from one
        of its premises (``in``); again, the next such link of the same card."""
        amap, selection = self.document.amap, self.selection
        links = selection.edges
        card = selection.nodes[-1] if selection.nodes else None
        if card is None and links:
            card = links[-1][0] if way == "out" else links[-1][1]
        if card is None or card not in amap:
            return None
        index = amap.node_index()
        graph = amap.graph
        found = (
            sorted(graph.out_edges(card), key=lambda e: index[e[1]])
            if way == "out"
            else sorted(graph.in_edges(card), key=lambda e: index[e[0]])
        )
        if not found:
            return None
        at = found.index(links[-1]) + 1 if links and links[-1] in found else 0
        chosen = found[at % len(found)]
        selection.set((), [chosen], origin="keys")
        return chosen

    def delete(self):
        """Delete the selection; for a node others bear on, ask what becomes of them."""
        nodes, edges = self.selection.nodes, self.selection.edges
        graph = self.document.amap.graph
        chosen = set(nodes)
        premises = {p for n in nodes for p in graph.predecessors(n)} - chosen
        if not premises:
            return self.document.delete(nodes, edges)
        answer = ask_how_to_delete(self.view, len(nodes), len(premises))
        if answer == "branch":
            return self.document.delete_branch(nodes)
        if answer == "keep":
            return self.document.delete_keeping_premises(nodes)
        return None

    def delete_branch(self):
        return self.document.delete_branch(self.selection.nodes)

    def select_all(self):
        self.selection.set(list(self.document.amap.graph.nodes))

    def connect(self, relation):
        nodes = self.selection.nodes
        return self.document.link(nodes[0], nodes[1], relation) if len(nodes) == 2 else None

    def set_kind(self, kind):
        return self.document.set_kind(self.selection.nodes, kind)

    def set_relation(self, relation):
        """Change the selected links, or the selected node's links to what it bears on."""
        edges = self.selection.edges
        if not edges and self.selection.single():
            edges = list(self.document.amap.graph.out_edges(self.selection.single()))
        return self.document.set_relation(edges, relation)

    def toggle_collapse(self):
        node = self.selection.single()
        return self.document.toggle_collapse(node) if node else None

    # ----------------------------------------------------------- clipboard
    def copy(self):
        nodes = self.selection.nodes
        if nodes:
            part = fragment(self.document.amap, nodes)
            QGuiApplication.clipboard().setMimeData(clipboard.mime_for(part))

    def cut(self):
        if self.selection.nodes:
            self.copy()
            self.document.delete_branch(self.selection.nodes, "Cut")

    def paste(self):
        """Paste a fragment (or an outline of text) under the selected node; return new ids."""
        try:
            part = clipboard.fragment_from_mime(QGuiApplication.clipboard().mimeData())
        except ArgmapError as exc:
            self.document.refused.emit(f"Cannot paste: {exc}")
            return []
        if part is None or not len(part):
            self.document.refused.emit("Nothing to paste: the clipboard holds no map or text")
            return []
        return self.document.paste(part, self.selection.single())
