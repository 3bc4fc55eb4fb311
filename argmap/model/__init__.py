"""The argument map model: a directed graph, its edits and derived queries. No Qt, no I/O.

The undoable commands (:mod:`argmap.model.commands`) are loaded when first named, so
that reading and drawing a map do not load them.
"""

from argmap.model import commands
from argmap.model.argument_map import ArgumentMap, Change, ChangeType, dispatcher
from argmap.model.schema import (
    BASES,
    BASIS_NAMES,
    KIND_NAMES,
    KINDS,
    RELATION_NAMES,
    RELATIONS,
    REMOVE,
    default_relation,
)

_COMMANDS = (
    "AddDocument",
    "AddNode",
    "Batch",
    "Command",
    "Connect",
    "Disconnect",
    "History",
    "MoveNodes",
    "RemoveDocument",
    "RemoveNode",
    "ReorderNode",
    "Reparent",
    "SetEdgeAttrs",
    "SetMapAttrs",
    "SetNodeAttrs",
    "change_relation",
    "move_node",
)

__all__ = [
    "ArgumentMap",
    "Change",
    "ChangeType",
    "dispatcher",
    "REMOVE",
    *_COMMANDS,
    "BASES",
    "BASIS_NAMES",
    "KINDS",
    "KIND_NAMES",
    "RELATIONS",
    "RELATION_NAMES",
    "default_relation",
]


def __getattr__(name):
    if name in _COMMANDS:
        return getattr(commands, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
