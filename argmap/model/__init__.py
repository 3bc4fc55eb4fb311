"""The argument map model: a directed graph, its edits and derived queries. No Qt, no I/O."""

from argmap.model.argument_map import ArgumentMap, Change, ChangeType, dispatcher
from argmap.model.commands import (
    REMOVE, AddDocument, AddNode, Batch, Command, Connect, Disconnect, History, MoveNodes,
    RemoveDocument, RemoveNode, ReorderNode, Reparent, SetEdgeAttrs, SetMapAttrs, SetNodeAttrs,
    change_relation, move_node,
)
from argmap.model.schema import (
    BASES, BASIS_NAMES, KIND_NAMES, KINDS, RELATION_NAMES, RELATIONS, default_relation,
)

__all__ = [
    "ArgumentMap", "Change", "ChangeType", "dispatcher", "REMOVE", "AddDocument", "AddNode", "Batch", "Command",
    "Connect", "Disconnect", "History", "MoveNodes", "RemoveDocument", "RemoveNode",
    "ReorderNode", "Reparent", "SetEdgeAttrs", "SetMapAttrs", "SetNodeAttrs",
    "change_relation", "move_node", "BASES", "BASIS_NAMES", "KINDS", "KIND_NAMES",
    "RELATIONS", "RELATION_NAMES", "default_relation",
]
