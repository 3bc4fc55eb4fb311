"""The argument map model: a networkx graph, its edits and derived queries. No Qt, no I/O."""

from argmap.model.argument_map import ArgumentMap, Change
from argmap.model.commands import (
    REMOVE, AddDocument, AddNode, Batch, Command, Connect, Disconnect, History, MoveNodes,
    RemoveDocument, RemoveNode, ReorderNode, Reparent, SetEdgeAttrs, SetMapAttrs, SetNodeAttrs,
    change_relation, move_node,
)
from argmap.model.schema import BASES, KINDS, RELATIONS

__all__ = [
    "ArgumentMap", "Change", "REMOVE", "AddDocument", "AddNode", "Batch", "Command",
    "Connect", "Disconnect", "History", "MoveNodes", "RemoveDocument", "RemoveNode",
    "ReorderNode", "Reparent", "SetEdgeAttrs", "SetMapAttrs", "SetNodeAttrs",
    "change_relation", "move_node", "BASES", "KINDS", "RELATIONS",
]
