"""An open map in the editor: the model, its file, its undo stack and its edit verbs.

Every edit a user makes is one verb here. A verb asks :mod:`argmap.model.edits`
for the command that carries the edit out and pushes it on the undo stack as
one step; views follow the model's change events, re-emitted here as the Qt
signal :attr:`Document.changed`. A refused edit changes nothing and is told
through :attr:`Document.refused`; views tell other problems through
:attr:`Document.problem` and passing remarks through :attr:`Document.told`,
so that no view needs the window.
"""

import itertools
import os

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoCommand, QUndoStack

from argmap.errors import ModelError
from argmap.formats import load_any, save_any
from argmap.gui import limits
from argmap.gui.file_formats import format_for
from argmap.gui.jobs import JobRunner
from argmap.model import ArgumentMap, edits, fragments

_merge_ids = itertools.count(1)


def new_merge_key():
    """Return a fresh key: commands pushed with the same key merge into one undo step."""
    return next(_merge_ids)


class UndoCommand(QUndoCommand):
    """A model command on Qt's undo stack."""

    def __init__(self, document, command):
        super().__init__(command.label)
        self.document = document
        self.command = command
        self.applied = False

    def redo(self):
        if self.applied:
            self.applied = False  # already carried out by Document.push
            return
        self.document.amap.apply(self.command)
        self.document.stepped.emit()

    def undo(self):
        self.command.undo(self.document.amap)
        self.document.stepped.emit()

    def id(self):
        return 1 if getattr(self.command, "merge_key", None) is not None else -1

    def mergeWith(self, other):
        return self.command.merge_with(other.command)


class Document(QObject):
    """The map being edited, where it is saved, its edit history, and one verb per edit."""

    changed = Signal(object)  # an argmap.model.Change
    reset = Signal()  # a whole new map was loaded
    modified_changed = Signal(bool)
    path_changed = Signal(str)
    refused = Signal(str)  # why an edit was not made (shown in a dialog)
    problem = Signal(str, str)  # title, message: something the user must know
    told = Signal(str)  # a passing remark for the status bar
    stepped = Signal()  # one step was done, undone or redone
    nodes_created = Signal(list, bool)  # new node ids; whether to edit the first one's text

    def __init__(self, amap=None, path=None, parent=None):
        super().__init__(parent)
        self.undo_stack = QUndoStack(self)
        self.undo_stack.cleanChanged.connect(self._clean_changed)
        self.amap = None
        self.path = path
        #: ``place(target or None, after=None) -> (x, y)``: where a new node goes, *after*
        #: being the premise it is added next to (the canvas sets it).
        self.place = lambda target, after=None: None
        #: ``prepare(amap)``: readies a map just read before it is shown (the canvas places
        #: a large map without positions).
        self.prepare = lambda amap: None
        #: ``settle(changes) -> {node: (x, y)}``: the cards an edit that made *changes* must
        #: move to keep the picture true (the canvas sets it; see argmap.gui.room).
        self.settle = lambda changes: {}
        self.jobs = JobRunner(self)
        self._fresh = None  # (node id, undo command) of a node added for typing its text
        self._set_map(amap or ArgumentMap())

    def _clean_changed(self, clean):
        self.modified_changed.emit(not clean)

    def _set_map(self, amap):
        if self.amap is not None:
            self.amap.unsubscribe(self.changed.emit)
        self.amap = amap
        amap.subscribe(self.changed.emit)

    @property
    def modified(self):
        return not self.undo_stack.isClean()

    @property
    def display_name(self):
        return os.path.basename(self.path) if self.path else "Untitled"

    def folder(self):
        """The folder file dialogs open in: the map file's, or the working folder for a new map."""
        return os.path.dirname(self.path) if self.path else os.getcwd()

    # ------------------------------------------------------------ pushing
    def push(self, command):
        """Carry out a model command as one undoable step; return it (None if refused).

        A command that breaks the map's rules changes nothing, is not
        recorded, and its reason is emitted as :attr:`refused`. None (an edit
        with nothing to change) is ignored.
        """
        if command is None:
            return None
        # Apply once outside the stack so that an invalid edit is refused before
        # it is recorded; QUndoStack.push would call redo() again.
        try:
            command = self._with_room(command, self._applied(command))
        except ModelError as exc:
            self.refused.emit(str(exc))
            return None
        wrapper = UndoCommand(self, command)
        wrapper.applied = True
        self._fresh = None
        self.undo_stack.push(wrapper)
        self.stepped.emit()
        return command

    def _applied(self, command):
        """Carry out *command*; return the changes it made."""
        seen = []
        collect = seen.append
        self.changed.connect(collect)
        try:
            self.amap.apply(command)
        finally:
            self.changed.disconnect(collect)
        return seen

    def _with_room(self, command, changes):
        """*command*, carried out, with the moves that keep the picture true after it (made
        and added to it, so that both are one step); *command* itself when none are needed."""
        moves = self.settle(changes)
        move = edits.move_nodes(self.amap, moves, "Make room") if moves else None
        if move is None:
            return command
        self.amap.apply(move)
        return edits.joined(command, move)

    def _top(self):
        index = self.undo_stack.index()
        return self.undo_stack.command(index - 1) if index else None

    def _edit(self, make, *args, **kwargs):
        """Push the command ``make(amap, *args, **kwargs)``; a refusal is told, not raised."""
        try:
            command = make(self.amap, *args, **kwargs)
        except ModelError as exc:
            self.refused.emit(str(exc))
            return None
        return self.push(command)

    def _add_all(self, make, *args, edit=False, **kwargs):
        """Push an edit that adds nodes; show them (open the first for typing with *edit*);
        return their ids (empty when refused)."""
        done = self._edit(make, *args, **kwargs)
        if done is None:
            return []
        if edit and done.created:
            self._fresh = (done.created[0], self._top())
        self.nodes_created.emit(list(done.created), edit)
        return list(done.created)

    def _add(self, make, *args, edit=False, **kwargs):
        created = self._add_all(make, *args, edit=edit, **kwargs)
        return created[0] if created else None

    def is_fresh(self, node):
        """Whether *node* was just added for typing and nothing was done since."""
        return self._fresh is not None and self._fresh[0] == node and self._fresh[1] is self._top()

    def discard_fresh(self, node):
        """Take back a node just added for typing whose typing was cancelled; return whether."""
        if not self.is_fresh(node):
            return False
        self._fresh = None
        self.undo_stack.undo()
        return True

    # -------------------------------------------------------- adding nodes
    def add_main_claim(self, text="New claim"):
        """Add a main claim in free space; return its id and open its text for typing."""
        return self._add(edits.add_main_claim, text, self.place(None), edit=True)

    def add_child(self, target, name, text=None):
        """Add one of ``edits.CHILD_EDITS`` (``support``, ``evidence``...) under *target*."""
        return self._add(edits.add_child, target, name, text, self.place(target), edit=text is None)

    def add_sibling(self, node):
        """Add a node like *node*, bearing on the same target."""
        target = edits.first_target(self.amap, node) if node in self.amap else None
        spot = self.place(target, after=node)
        return self._add(edits.add_sibling, node, None, spot, edit=True)

    def add_co_premise(self, node):
        """Add a premise that works only together with *node* (they share a group)."""
        target = edits.first_target(self.amap, node) if node in self.amap else None
        return self._add(edits.add_co_premise, node, None, self.place(target), edit=True)

    def node_from_span(self, kind, span, parent=None):
        """Add a node of *kind* quoting *span*, bearing on *parent* if given."""
        return self._add(edits.node_from_span, kind, span, parent, self.place(parent))

    def paste(self, part, target=None):
        """Paste the map *part* under *target* (or in free space); return the new ids."""
        return self._add_all(fragments.paste_fragment, part, target, self._origin(target))

    def _origin(self, target):
        spot = self.place(target)
        return spot if spot is not None else (0.0, 0.0)

    # ------------------------------------------------------------ removing
    def delete(self, nodes=(), edges=()):
        """Remove nodes and links; what bore on the nodes stays."""
        return self._edit(edits.delete, nodes, edges)

    def delete_keeping_premises(self, nodes):
        """Remove nodes; what bore on each now bears on the node's own target."""
        return self._edit(edits.delete_keeping_premises, nodes)

    def delete_branch(self, nodes, label="Delete branch"):
        """Remove nodes and everything that bears on them."""
        return self._edit(edits.delete_branch, nodes, label)

    # ------------------------------------------------------------- linking
    def link(self, source, target, relation=None):
        return self._edit(edits.link, source, target, relation)

    def unlink(self, source, target):
        return self._edit(edits.unlink, source, target)

    def group_premises(self, nodes):
        """Make *nodes*, premises of one point, co-premises (they hold only together)."""
        return self._edit(edits.group_premises, nodes)

    def ungroup_premises(self, nodes):
        """Let *nodes* stand alone again as premises."""
        return self._edit(edits.ungroup_premises, nodes)

    def reparent(self, node, new_target):
        """Make *node* bear on *new_target*, placing it among its new siblings."""
        return self._edit(edits.reparent, node, new_target, self.place(new_target))

    def move_in_outline(self, node, old_parent, new_parent, index=None, relation=None):
        return self._edit(edits.move_in_outline, node, old_parent, new_parent, index, relation)

    # ------------------------------------------------------------ changing
    def set_text(self, node, text, merge_key=None):
        """Change a statement; the first text of a node just added joins its adding step."""
        if self.is_fresh(node):
            return self._type_into_fresh(node, text)
        return self._edit(edits.set_text, node, text, merge_key)

    def _type_into_fresh(self, node, text):
        wrapper = self._fresh[1]
        self._fresh = None
        try:
            command = edits.set_text(self.amap, node, text)
            if command is not None:
                changes = self._applied(command)
                wrapper.command.commands.append(command)
                moves = self.settle(changes)
                move = edits.move_nodes(self.amap, moves, "Make room") if moves else None
                if move is not None:
                    self.amap.apply(move)
                    wrapper.command.commands.append(move)
        except ModelError as exc:
            self.refused.emit(str(exc))
            return None
        return command

    def set_node_attrs(self, node, changes, merge_key=None):
        return self._edit(edits.set_node_attrs, node, changes, merge_key)

    def set_edge_attrs(self, source, target, changes):
        return self._edit(edits.set_edge_attrs, source, target, changes)

    def set_kind(self, nodes, kind):
        return self._edit(edits.set_kind, nodes, kind)

    def set_relation(self, edges, relation):
        return self._edit(edits.set_relation, edges, relation)

    def toggle_collapse(self, node):
        return self._edit(edits.toggle_collapse, node)

    def move_nodes(self, positions, label=None):
        return self._edit(edits.move_nodes, positions, label)

    def set_title(self, title):
        return self._edit(edits.set_title, title)

    def set_map_fields(self, changes):
        """Change the map's title or description (one step)."""
        return self._edit(edits.set_map_fields, changes)

    # ------------------------------------------------------------- sources
    def add_span(self, node, span):
        return self._edit(edits.add_span, node, span)

    def accept_drafts(self, nodes):
        return self._edit(edits.accept_drafts, nodes)

    def import_documents(self, records):
        """Add document records; return the ids they were given (empty if refused)."""
        done = self._edit(edits.import_documents, records)
        return list(done.documents) if done is not None else []

    def start_from_map(self, source, label="Start from documents"):
        """Fill this empty map from *source* as its first undoable step, named *label* (it
        is then modified)."""
        return self._edit(edits.start_from_map, source, label)

    # -------------------------------------------------------------- layout
    def settle_positions(self, positions):
        """Place nodes that had no position yet (a map opened without a layout).

        This is not a user's edit: it is not on the undo stack and leaves the
        map unmodified.
        """
        command = edits.move_nodes(self.amap, positions, "Place")
        if command is not None:
            self.amap.apply(command)

    # --------------------------------------------------------------- files
    def load(self, path):
        """Replace the map with the file at *path*, in any format argmap reads; return the
        reader's warnings (FormatError if it is broken, TooLargeError if it is larger than
        the editor opens: the current map then stays)."""
        limits.check_file(path)
        amap, warnings = load_any(path, format_for(path))
        limits.check_map(amap, path)
        self.prepare(amap)
        self._set_map(amap)
        self.path = os.path.abspath(path)
        self.undo_stack.clear()
        self.reset.emit()
        self.path_changed.emit(self.path)
        return warnings

    def load_copy(self, path):
        """Open the map at *path* as a new, untitled map (a shipped example): saving it asks
        for a name and never writes over the original."""
        self.load(path)
        self.path = None
        self.path_changed.emit("")

    def adopt_path(self, path):
        """Make *path* this map's file without reading it (a recovered map of that file)."""
        self.path = os.path.abspath(path)
        self.path_changed.emit(self.path)

    def save(self, path=None):
        """Save to *path* (or the current path), atomically (SaveError on failure)."""
        target = os.path.abspath(path or self.path)
        save_any(self.amap, target, format_for(target))
        self.path = target
        self.undo_stack.setClean()
        self.path_changed.emit(self.path)
