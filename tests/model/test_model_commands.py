"""The edit API: every edit is a reversible command that tells the views what changed."""

import math

import pytest

from argmap.errors import ModelError
from argmap.model import (
    REMOVE,
    AddDocument,
    AddNode,
    ArgumentMap,
    Batch,
    Change,
    Connect,
    Disconnect,
    History,
    MoveNodes,
    RemoveDocument,
    RemoveNode,
    ReorderNode,
    Reparent,
    SetEdgeAttrs,
    SetMapAttrs,
    SetNodeAttrs,
    change_relation,
    move_node,
    queries,
)


@pytest.fixture
def amap():
    """Claim n1; n2 supports it, n3 opposes it, n4 opposes n3."""
    m = ArgumentMap("Backdoors")
    m.add_node("claim", "Police need lawful access")
    m.add_node("evidence", "Phones found at crime scenes stay locked")
    m.add_node("counterclaim", "A backdoor for police is a backdoor for criminals")
    m.add_node("claim", "Keys can be held by courts")
    m.connect("n2", "n1", "supports")
    m.connect("n3", "n1", "opposes")
    m.connect("n4", "n3", "opposes")
    return m


class Recorder:
    """A view stand-in that records the changes a map announces."""

    def __init__(self, amap):
        self.changes = []
        amap.subscribe(self.record)

    def record(self, change):
        """Keep one change."""
        self.changes.append(change)

    def take(self):
        """Return the changes seen so far and forget them."""
        seen, self.changes = self.changes, []
        return seen


def _do_undo_redo(amap, command):
    """Run command, undo, redo; check the map at each step; return the three event lists."""
    view = Recorder(amap)
    before = amap.snapshot()
    history = History(amap)
    history.do(command)
    after = amap.snapshot()
    assert after != before
    done = view.take()
    history.undo()
    assert amap.snapshot() == before
    undone = view.take()
    history.redo()
    assert amap.snapshot() == after
    redone = view.take()
    assert amap.check_invariants() == []
    return done, undone, redone


def test_add_node(amap):
    """AddNode adds one node and announces it; undo removes it."""
    command = AddNode("evidence", "FBI: 7,000 phones locked", {"basis": "statistic"})
    done, undone, redone = _do_undo_redo(amap, command)
    new = command.node_id
    assert amap.node(new) == {
        "kind": "evidence",
        "text": "FBI: 7,000 phones locked",
        "basis": "statistic",
    }
    assert done == [Change("node_added", node=new)] == redone
    assert undone == [Change("node_removed", node=new)]


def test_add_node_at_an_index_keeps_its_place(amap):
    """A node added at an index sits there in the node order."""
    command = AddNode("claim", "first", node_id="c0", index=0)
    _do_undo_redo(amap, command)
    assert list(amap.graph.nodes) == ["c0", "n1", "n2", "n3", "n4"]


def test_remove_node_removes_its_edges_and_undo_restores_them(amap):
    """RemoveNode removes the node with its edges; undo restores node, order and edges."""
    done, undone, redone = _do_undo_redo(amap, RemoveNode("n3"))
    assert "n3" not in amap and list(amap.graph.edges) == [("n2", "n1")]
    assert sorted(c.edge for c in done if c.type == "edge_removed") == [("n3", "n1"), ("n4", "n3")]
    assert done[-1] == Change("node_removed", node="n3")
    assert undone[0] == Change("node_added", node="n3")
    assert sorted(c.edge for c in undone[1:]) == [("n3", "n1"), ("n4", "n3")]
    assert all(c.type == "edge_added" for c in undone[1:])
    assert done == redone


def test_change_text_kind_and_any_attribute(amap):
    """SetNodeAttrs changes, adds and removes attributes in one step."""
    amap.apply(SetNodeAttrs("n2", {"note": "old note"}))
    command = SetNodeAttrs(
        "n2", {"text": "Locked phones", "kind": "claim", "speaker": "FBI", "note": REMOVE}
    )
    done, undone, _ = _do_undo_redo(amap, command)
    assert amap.node("n2") == {"kind": "claim", "text": "Locked phones", "speaker": "FBI"}
    assert done == [Change("node_changed", node="n2", keys=("text", "kind", "speaker", "note"))]
    assert [c.type for c in undone] == ["node_changed"] and undone[0].node == "n2"


def test_connect_and_disconnect(amap):
    """Connect adds an edge with its attributes, Disconnect removes it; both undo."""
    done, undone, _ = _do_undo_redo(amap, Connect("n4", "n1", "supports", {"strength": 0.3}))
    assert amap.edge("n4", "n1") == {"relation": "supports", "strength": 0.3}
    assert done == [Change("edge_added", edge=("n4", "n1"))]
    assert undone == [Change("edge_removed", edge=("n4", "n1"))]
    amap.apply(SetEdgeAttrs("n2", "n1", {"group": "g", "note": "only with n5"}))
    done, undone, _ = _do_undo_redo(amap, Disconnect("n2", "n1"))
    assert not amap.graph.has_edge("n2", "n1")
    assert done == [Change("edge_removed", edge=("n2", "n1"))]
    assert undone == [Change("edge_added", edge=("n2", "n1"))]


def test_disconnect_undo_keeps_edge_attributes(amap):
    """Undoing a Disconnect brings the edge back with every attribute it had."""
    amap.apply(SetEdgeAttrs("n2", "n1", {"strength": 2, "group": "g1"}))
    history = History(amap)
    history.do(Disconnect("n2", "n1"))
    history.undo()
    assert amap.edge("n2", "n1") == {"relation": "supports", "strength": 2, "group": "g1"}


def test_change_relation_flips_the_stance(amap):
    """change_relation turns support into opposition, which flips the premise's stance."""
    assert queries.stance(amap)["n2"] == "pro"
    done, undone, _ = _do_undo_redo(amap, change_relation("n2", "n1", "opposes"))
    assert amap.edge("n2", "n1")["relation"] == "opposes"
    assert queries.stance(amap)["n2"] == "con"
    assert done == [Change("edge_changed", edge=("n2", "n1"), keys=("relation",))]
    assert undone == [Change("edge_changed", edge=("n2", "n1"), keys=("relation",))]


def test_move_one_node_and_many(amap):
    """move_node and MoveNodes set positions as (x, y) tuples and undo to no position."""
    done, undone, _ = _do_undo_redo(amap, move_node("n1", [3, 4.5]))
    assert amap.node("n1")["pos"] == (3, 4.5)
    assert done == [Change("node_changed", node="n1", keys=("pos",))]
    amap.apply(move_node("n2", (0, 0)))
    done, _, _ = _do_undo_redo(amap, MoveNodes({"n2": (1, 1), "n3": (2, 2)}))
    assert amap.node("n2")["pos"] == (1, 1) and amap.node("n3")["pos"] == (2, 2)
    assert {c.node for c in done} == {"n2", "n3"}


def test_moves_with_one_merge_key_form_one_undo_step(amap):
    """Successive moves of one drag merge: one undo returns to the start of the drag."""
    history = History(amap)
    for x in range(5):
        history.do(move_node("n1", (x, x), merge_key="drag-1"))
    assert len(history.done) == 1 and amap.node("n1")["pos"] == (4, 4)
    history.undo()
    assert "pos" not in amap.node("n1")
    history.redo()
    assert amap.node("n1")["pos"] == (4, 4)


def test_reparent_moves_the_edge_and_keeps_its_attributes(amap):
    """Reparent makes a node bear on another target, keeping the edge's attributes."""
    amap.apply(SetEdgeAttrs("n4", "n3", {"note": "rebuttal"}))
    done, undone, _ = _do_undo_redo(amap, Reparent("n4", "n1"))
    assert not amap.graph.has_edge("n4", "n3")
    assert amap.edge("n4", "n1") == {"relation": "opposes", "note": "rebuttal"}
    assert done == [
        Change("edge_removed", edge=("n4", "n3")),
        Change("edge_added", edge=("n4", "n1")),
    ]
    assert undone == [
        Change("edge_removed", edge=("n4", "n1")),
        Change("edge_added", edge=("n4", "n3")),
    ]


def test_reparent_with_new_relation(amap):
    """Reparent can give the moved edge a new relation."""
    _do_undo_redo(amap, Reparent("n4", "n1", old_target="n3", relation="supports"))
    assert amap.edge("n4", "n1")["relation"] == "supports"


def test_reparent_redo_moves_the_same_edge_again(amap):
    """After undo, redo of a Reparent moves the edge it moved the first time."""
    amap.connect("n4", "n2", "supports")  # n4 now bears on n3 (first) and n2
    history = History(amap)
    history.do(Reparent("n4", "n1"))
    after = amap.snapshot()
    assert not amap.graph.has_edge("n4", "n3") and amap.graph.has_edge("n4", "n2")
    history.undo()
    history.redo()
    assert amap.snapshot() == after


def test_reparent_refusals_change_nothing(amap):
    """Reparenting onto itself, onto a missing node or from nothing is refused."""
    before = amap.snapshot()
    for command in (
        Reparent("n4", "n4"),
        Reparent("n4", "n9"),
        Reparent("n1", "n2"),
        Reparent("n4", "n1", relation="maybe"),
        Reparent("n9", "n1"),
    ):
        with pytest.raises(ModelError):
            amap.apply(command)
        assert amap.snapshot() == before


def test_reorder_changes_sibling_order(amap):
    """ReorderNode moves a node in the map order, which is the order of siblings."""
    assert queries.children(amap, "n1") == ["n2", "n3"]
    done, undone, _ = _do_undo_redo(amap, ReorderNode("n3", 0))
    assert list(amap.graph.nodes) == ["n3", "n1", "n2", "n4"]
    assert queries.children(amap, "n1") == ["n3", "n2"]
    assert done == [Change("order_changed")] == undone


def test_reorder_keeps_edges_and_attributes(amap):
    """Reordering does not lose any edge or attribute."""
    amap.apply(SetEdgeAttrs("n3", "n1", {"strength": 1.5}))
    amap.apply(SetNodeAttrs("n3", {"tags": ["t"]}))
    edges = sorted(amap.graph.edges(data=True))
    amap.apply(ReorderNode("n3", 99))
    assert list(amap.graph.nodes)[-1] == "n3"
    assert sorted(amap.graph.edges(data=True)) == edges
    assert amap.node("n3")["tags"] == ["t"]


def test_map_title_and_attributes(amap):
    """SetMapAttrs changes the title and adds or removes other map attributes."""
    done, undone, _ = _do_undo_redo(amap, SetMapAttrs({"title": "Going dark", "event": "club"}))
    assert amap.title == "Going dark" and amap.meta["event"] == "club"
    assert done == [Change("map_changed", keys=("title", "event"))]
    _do_undo_redo(amap, SetMapAttrs({"event": REMOVE}))
    assert "event" not in amap.meta


def test_documents_add_and_remove(amap):
    """Documents are added and removed by commands; removal undoes to the same place."""
    for doc_id in ("a", "b", "c"):
        amap.apply(AddDocument({"id": doc_id, "title": doc_id.upper(), "text": "txt " + doc_id}))
    done, undone, _ = _do_undo_redo(amap, RemoveDocument("b"))
    assert list(amap.documents) == ["a", "c"]
    assert done == [Change("document_removed", keys=("b",))]
    history = History(amap)
    history.do(RemoveDocument("a"))
    history.undo()
    assert list(amap.documents) == ["a", "c"]
    done, undone, _ = _do_undo_redo(amap, AddDocument({"id": "d", "text": "new"}))
    assert amap.documents["d"] == {"id": "d", "text": "new"}
    assert done == [Change("document_added", keys=("d",))]
    assert undone == [Change("document_removed", keys=("d",))]


def test_batch_is_one_step(amap):
    """A Batch applies several commands as one undo step."""
    add = AddNode("evidence", "Apple refused the FBI", node_id="e1")
    batch = Batch(
        "Add evidence",
        [add, Connect("e1", "n3", "supports"), SetNodeAttrs("n3", {"note": "see e1"})],
    )
    done, undone, _ = _do_undo_redo(amap, batch)
    assert amap.edge("e1", "n3")["relation"] == "supports"
    assert [c.type for c in done] == ["node_added", "edge_added", "node_changed"]
    assert [c.type for c in undone] == ["node_changed", "edge_removed", "node_removed"]


def test_batch_whose_third_command_fails_leaves_the_map_unchanged(amap):
    """A Batch is all or nothing: when its 3rd command fails, the first two are undone."""
    before = amap.snapshot()
    batch = Batch(
        "Bad",
        [
            AddNode("evidence", "ok", node_id="e1"),
            Connect("e1", "n1", "supports"),
            Connect("e1", "n1", "opposes"),  # duplicate edge: fails
            SetNodeAttrs("n1", {"text": "never reached"}),
        ],
    )
    history = History(amap)
    with pytest.raises(ModelError, match="already connected"):
        history.do(batch)
    assert amap.snapshot() == before
    assert history.done == []
    assert amap.check_invariants() == []


def test_batch_of_moves_failing_midway_is_rolled_back(amap):
    """A failing MoveNodes inside a Batch leaves no node moved."""
    before = amap.snapshot()
    batch = Batch("Drag", [move_node("n1", (1, 1)), MoveNodes({"n2": (2, 2), "n3": (3, math.nan)})])
    with pytest.raises(ModelError):
        amap.apply(batch)
    assert amap.snapshot() == before


def test_history_refuses_undo_and_redo_when_empty(amap):
    """Undo with nothing done, or redo with nothing undone, is a ModelError."""
    history = History(amap)
    with pytest.raises(ModelError, match="nothing to undo"):
        history.undo()
    with pytest.raises(ModelError, match="nothing to redo"):
        history.redo()


def test_new_command_after_undo_clears_redo(amap):
    """Doing something new after an undo drops the undone commands."""
    history = History(amap)
    history.do(SetNodeAttrs("n1", {"note": "a"}))
    history.undo()
    history.do(SetNodeAttrs("n1", {"note": "b"}))
    with pytest.raises(ModelError):
        history.redo()
    assert amap.node("n1")["note"] == "b"


def test_merging_edit_after_undo_also_clears_redo(amap):
    """An edit that merges into the previous step is still new: nothing is left to redo."""
    history = History(amap)
    history.do(move_node("n1", (1, 1), merge_key="drag"))
    history.do(SetNodeAttrs("n2", {"note": "x"}))
    history.undo()
    history.do(move_node("n1", (2, 2), merge_key="drag"))
    assert len(history.done) == 1
    with pytest.raises(ModelError, match="nothing to redo"):
        history.redo()
    assert "note" not in amap.node("n2")


def test_failed_command_is_not_recorded(amap):
    """A refused command does not enter the history."""
    history = History(amap)
    with pytest.raises(ModelError):
        history.do(Connect("n1", "n1", "supports"))
    assert history.done == []


def test_unsubscribed_view_hears_nothing(amap):
    """After unsubscribe a listener receives no more changes."""
    view = Recorder(amap)
    amap.unsubscribe(view.record)
    amap.apply(SetNodeAttrs("n1", {"note": "x"}))
    assert view.changes == []


def test_commands_have_labels_for_the_undo_menu():
    """Every command carries a label to show as 'Undo <label>'."""
    assert AddNode("claim", "x").label == "Add claim"
    assert change_relation("a", "b", "opposes").label == "Make it opposes"
    assert Batch("Paste", []).label == "Paste"
