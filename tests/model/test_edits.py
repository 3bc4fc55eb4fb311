"""User-level edits (argmap.model.edits), construction from records, copies and typed events."""

import os
import re
import signal
from contextlib import contextmanager

import pytest

from argmap.errors import ModelError
from argmap.model import RELATIONS, ArgumentMap, Change, ChangeType, dispatcher, edits
from argmap.model.fragments import fragment, paste_fragment

REPO = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))


def _debate():
    m = ArgumentMap("Backdoors")
    claim = m.apply(edits.add_main_claim(m, "Police need access")).created[0]
    reason = m.apply(edits.add_child(m, claim, "support", "Crimes go dark")).created[0]
    objection = m.apply(edits.add_child(m, claim, "counterclaim", "Keys leak")).created[0]
    return m, claim, reason, objection


def test_each_kind_gets_its_default_relation():
    """A counterclaim opposes and evidence supports unless told otherwise; a rebuttal opposes."""
    m, claim, reason, objection = _debate()
    evidence = m.apply(edits.add_premise(m, claim, "evidence")).created[0]
    rebuttal = m.apply(edits.add_child(m, objection, "rebuttal")).created[0]
    assert m.edge(objection, claim)["relation"] == "opposes"
    assert m.edge(evidence, claim)["relation"] == "supports"
    assert m.edge(rebuttal, objection)["relation"] == "opposes"
    assert m.node(rebuttal)["kind"] == "claim"
    assert m.edge(reason, claim)["relation"] == "supports"


def test_sibling_bears_the_same_way_on_the_same_target():
    """A sibling of an objection is another objection of the same claim; of a main claim, a main
    claim."""
    m, claim, _, objection = _debate()
    sibling = m.apply(edits.add_sibling(m, objection)).created[0]
    assert m.node(sibling)["kind"] == "counterclaim"
    assert m.edge(sibling, claim)["relation"] == "opposes"
    other_main = m.apply(edits.add_sibling(m, claim)).created[0]
    assert m.graph.out_degree(other_main) == 0


def test_delete_keeps_what_bore_on_the_node_and_delete_branch_does_not():
    """Delete removes the node only; Delete Branch removes all that bears on it; undo restores."""
    m, claim, reason, objection = _debate()
    below = m.apply(edits.add_child(m, reason, "evidence", "Figures")).created[0]
    before = m.snapshot()
    step = m.apply(edits.delete(m, [reason]))
    assert reason not in m and below in m and m.graph.out_degree(below) == 0
    step.undo(m)
    assert m.snapshot() == before
    m.apply(edits.delete_branch(m, [reason]))
    assert reason not in m and below not in m and objection in m


def test_reparent_moves_the_first_link_or_links_a_loose_node():
    """Reparenting keeps the relation of the moved link; a loose node gets its kind's default."""
    m, claim, reason, objection = _debate()
    m.apply(edits.reparent(m, objection, reason, (10.0, 20.0)))
    assert not m.graph.has_edge(objection, claim)
    assert m.edge(objection, reason)["relation"] == "opposes"
    assert m.node(objection)["pos"] == (10.0, 20.0)
    loose = m.apply(edits.add_main_claim(m, "Loose", kind="counterclaim")).created[0]
    m.apply(edits.reparent(m, loose, claim))
    assert m.edge(loose, claim)["relation"] == "opposes"
    assert edits.reparent(m, loose, claim) is None


def test_unchanged_values_make_no_command():
    """Setting what is already there gives None, so no empty undo step is recorded."""
    m, claim, reason, _ = _debate()
    assert edits.set_text(m, claim, "Police need access") is None
    assert edits.set_kind(m, [claim], "claim") is None
    assert edits.set_relation(m, [(reason, claim)], "supports") is None
    assert edits.set_title(m, "Backdoors") is None
    with pytest.raises(ModelError):
        edits.set_kind(m, [claim], "premise")


def test_documents_are_imported_under_fresh_ids_and_maps_start_from_them():
    """Imported ids never clash; a new map is filled from another map in one command."""
    m = ArgumentMap()
    m.apply(edits.import_documents(m, [{"id": "hill", "title": "Hill", "text": "A. B."}]))
    step = m.apply(edits.import_documents(m, [{"id": "hill", "title": "Hill", "text": "C."}]))
    assert step.documents == ["hill-2"] and set(m.documents) == {"hill", "hill-2"}
    source, claim, _, _ = _debate()
    fresh = ArgumentMap()
    start = fresh.apply(edits.start_from_map(fresh, source))
    assert fresh.snapshot()["nodes"] == source.snapshot()["nodes"]
    assert fresh.title == "Backdoors" and set(start.created) == set(source.graph.nodes)
    with pytest.raises(ModelError):
        edits.start_from_map(fresh, source)


def test_commands_that_add_documents_name_them_before_they_are_done():
    """Importing, starting a map from another and pasting say which documents they add, as
    fields of the command (every command has them), before the command is carried out."""
    m = ArgumentMap()
    m.apply(edits.import_documents(m, [{"id": "hill", "title": "Hill", "text": "A. B."}]))
    claim = m.apply(edits.add_main_claim(m, "Claim")).created[0]
    reason = m.apply(edits.add_child(m, claim, "support")).created[0]
    edge = (reason, claim)
    span = {"doc": "hill", "start": 0, "end": 2, "quote": "A."}
    m.apply(edits.add_span(m, claim, span))
    other = ArgumentMap()
    other.apply(edits.import_documents(other, [{"id": "hill", "title": "H", "text": "C."}]))
    imported = edits.import_documents(m, [{"id": "hill", "title": "Hill", "text": "C."}] * 2)
    started = edits.start_from_map(ArgumentMap(), m)
    pasted = paste_fragment(other, fragment(m, [claim]))
    assert imported.documents == ["hill-2", "hill-3"]
    assert started.documents == ["hill"]
    assert pasted.documents == ["hill+"] and len(pasted.created) == 2
    assert list(edits.delete(m, [claim]).documents) == [] and edits.unlink(m, *edge).documents == ()


def test_node_from_span_quotes_exactly_and_evidence_cites_the_document():
    """A node made from a span quotes it, its text is the quote's words, evidence cites the
    title."""
    m = ArgumentMap()
    text = "Officials said  the\nattacks were planned."
    m.apply(edits.import_documents(m, [{"id": "d", "title": "Report", "text": text}]))
    claim = m.apply(edits.add_main_claim(m, "Claim")).created[0]
    span = {"doc": "d", "start": 15, "end": len(text), "quote": text[15:]}
    node = m.apply(edits.node_from_span(m, "evidence", span, claim)).created[0]
    assert m.node(node)["text"] == "the attacks were planned."
    assert m.node(node)["sources"] == [span] and m.node(node)["citation"] == "Report"
    assert m.edge(node, claim)["relation"] == "supports"
    assert edits.add_span(m, node, span) is None


def test_fragment_and_paste_give_new_ids_and_keep_structure():
    """A copied branch pastes under another node with new ids and the same links."""
    m, claim, reason, objection = _debate()
    part = fragment(m, [objection])
    assert sorted(part.graph.nodes) == [objection]
    new = m.apply(paste_fragment(m, part, reason)).created
    assert len(new) == 1 and new[0] not in (claim, reason, objection)
    assert m.edge(new[0], reason)["relation"] == "opposes"
    with pytest.raises(ModelError):
        paste_fragment(m, ArgumentMap(), reason)


def test_from_records_names_the_bad_record():
    """A bad record is refused with its place ($.edges[0]) and nothing half-built is returned."""
    nodes = [{"id": "a", "kind": "claim", "text": "A"}, {"id": "b", "kind": "claim", "text": "B"}]
    with pytest.raises(ModelError) as caught:
        ArgumentMap.from_records(nodes, [{"source": "a", "target": "z", "relation": "supports"}])
    assert caught.value.where == "$.edges[0]" and "'z'" in str(caught.value)
    with pytest.raises(ModelError) as caught:
        ArgumentMap.from_records(nodes + [{"id": "a", "kind": "claim", "text": "again"}])
    assert caught.value.where == "$.nodes[2]"


def test_copy_is_independent():
    """Edits of a map never show in its copy, nor the other way round."""
    m, claim, _, _ = _debate()
    twin = m.copy()
    m.apply(edits.set_text(m, claim, "Changed"))
    m.apply(edits.set_title(m, "New title"))
    assert twin.node(claim)["text"] == "Police need access" and twin.title == "Backdoors"
    twin.apply(edits.delete(twin, [claim]))
    assert claim in m


def test_dispatcher_refuses_a_misspelt_event():
    """A handler table keyed by an unknown name fails when made, not silently later."""
    with pytest.raises(TypeError):
        dispatcher({"node_addded": print})
    seen = []
    dispatch = dispatcher({ChangeType.NODE_REMOVED: seen.append}, default=lambda c: None)
    dispatch(Change(ChangeType.NODE_ADDED, node="x"))
    dispatch(Change(ChangeType.NODE_REMOVED, node="y"))
    assert [c.node for c in seen] == ["y"]


def test_every_primitive_emits_its_own_change():
    """Reordering tells listeners itself: a command never emits on the model's behalf."""
    m, claim, reason, objection = _debate()
    seen = []
    m.subscribe(seen.append)
    m.apply(edits.move_in_outline(m, objection, claim, claim, 0))
    assert [c.type for c in seen] == [ChangeType.ORDER_CHANGED]
    assert list(m.graph.nodes)[0] == objection


PRIVATE = re.compile(
    r"(?<!self)\.\s*_(graph|insert_(node|edge|document|record|edge_record)"
    r"|delete_(node|edge|document)|update_(node|edge|meta)|reorder"
    r"|move_in_order|emit)\b"
)


def test_private_member_pattern_sees_the_old_ways():
    """The scan below finds a reader inserting nodes and a copy replacing the graph."""
    assert PRIVATE.search("part._insert_node(node_id, attrs)")
    assert PRIVATE.search("copy._graph = amap.graph.copy()")
    assert not PRIVATE.search("self._update_title()")


def test_nothing_outside_the_model_touches_a_map_private_member():
    """Readers, the clipboard and jobs build maps through from_records() and copy() only."""
    offenders = []
    for folder, _dirs, files in os.walk(os.path.join(REPO, "argmap")):
        if os.path.basename(folder) == "model":
            continue
        for name in files:
            if name.endswith(".py"):
                path = os.path.join(folder, name)
                with open(path, encoding="utf-8") as handle:
                    for number, line in enumerate(handle, 1):
                        if PRIVATE.search(line):
                            offenders.append(f"{os.path.relpath(path, REPO)}:{number}")
    assert offenders == []


# ---------------------------------------------------------------- circles
import networkx as nx  # noqa: E402
from hypothesis import given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

STEPS = st.lists(
    st.tuples(
        st.sampled_from(["child", "link", "reparent", "outline", "main"]),
        st.integers(0, 30),
        st.integers(0, 30),
    ),
    max_size=40,
)


@settings(max_examples=120, deadline=None)
@given(STEPS)
def test_user_edits_never_close_a_circle(steps):
    """Whatever a user links, reparents or drags in the outline, the map stays free of circles."""
    m = ArgumentMap()
    m.apply(edits.add_main_claim(m, "Main"))
    for what, a, b in steps:
        nodes = list(m.graph.nodes)
        x, y = nodes[a % len(nodes)], nodes[b % len(nodes)]
        make = {
            "child": lambda x=x: edits.add_child(m, x, "support"),
            "main": lambda: edits.add_main_claim(m, "Another"),
            "link": lambda x=x, y=y: edits.link(m, x, y),
            "reparent": lambda x=x, y=y: edits.reparent(m, x, y),
            "outline": lambda x=x, y=y: edits.move_in_outline(m, x, edits.first_target(m, x), y),
        }[what]
        try:
            command = make()
            if command is not None:
                m.apply(command)
        except ModelError:
            continue
        assert nx.is_directed_acyclic_graph(m.graph)


def test_a_link_that_closes_a_circle_is_refused_with_the_reason():
    """Linking a main claim under its own reason is refused, naming both statements."""
    m, claim, reason, _ = _debate()
    with pytest.raises(ModelError, match="circle.*Crimes go dark.*Police need access"):
        edits.link(m, claim, reason)
    with pytest.raises(ModelError, match="circle"):
        edits.reparent(m, claim, reason)


def test_a_way_back_through_nodes_that_go_too_does_not_keep_a_premise_from_moving_up():
    """Deleting x and d, keeping what bore on them: p moves up to x's target t, since the
    only way from t back to p runs through d, which goes too (no circle is closed)."""
    ids = ["q", "t", "x", "p", "d"]  # d's first target is q, so t moves up to q
    links = [("x", "t"), ("p", "x"), ("t", "d"), ("d", "q"), ("d", "p")]
    m = ArgumentMap.from_records(
        [{"id": n, "kind": "claim", "text": n.upper()} for n in ids],
        [{"source": u, "target": v, "relation": "supports"} for u, v in links],
    )
    m.apply(edits.delete_keeping_premises(m, ["x", "d"]))
    assert sorted(m.graph.edges) == [("p", "t"), ("t", "q")]


def test_deleting_two_nodes_of_one_circle_does_not_close_a_smaller_one():
    """Deleting x and d of the circle x -> t -> d -> p -> x, keeping what bore on them: p
    moves up to t, and t, which would then bear on p and close a circle of two, stands
    alone."""
    links = [("x", "t"), ("p", "x"), ("t", "d"), ("d", "p")]
    m = ArgumentMap.from_records(
        [{"id": n, "kind": "claim", "text": n.upper()} for n in "xtpd"],
        [{"source": u, "target": v, "relation": "supports"} for u, v in links],
    )
    m.apply(edits.delete_keeping_premises(m, ["x", "d"]))
    assert sorted(m.graph.edges) == [("p", "t")]


def test_deleting_a_node_with_its_target_moves_its_premises_further_up_keeping_their_stance():
    """Deleting the rebuttal x and the objection t it opposes, keeping what bore on x: the
    premises of x now bear on the claim q, p (for x, so for q) supporting it, r (against x)
    opposing it."""
    links = [("t", "q", "opposes"), ("x", "t", "opposes"), ("p", "x", "supports")]
    links += [("r", "x", "opposes")]
    m = ArgumentMap.from_records(
        [{"id": n, "kind": "claim", "text": n.upper()} for n in "qtxpr"],
        [{"source": u, "target": v, "relation": r} for u, v, r in links],
    )
    m.apply(edits.delete_keeping_premises(m, ["x", "t"]))
    assert sorted(m.graph.edges(data="relation")) == [("p", "q", "supports"), ("r", "q", "opposes")]


@contextmanager
def within(seconds):
    """Raise TimeoutError in the block (Python code) once it has run *seconds*: an edit that
    goes round for ever fails its own test, and hypothesis can still shrink the example."""

    def stop(signum, frame):
        raise TimeoutError(f"still running after {seconds} s")

    old = signal.signal(signal.SIGALRM, stop)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, old)


def test_deleting_a_whole_circle_keeps_its_premises_standing_alone():
    """Deleting both claims of the circle a <-> b, keeping what bore on them: c, which bore
    on a, has nothing left to bear on and stands alone (the search for a target that stays
    went round the circle for ever)."""
    links = [("a", "b"), ("b", "a"), ("c", "a")]
    m = ArgumentMap.from_records(
        [{"id": n, "kind": "claim", "text": n.upper()} for n in "abc"],
        [{"source": u, "target": v, "relation": "supports"} for u, v in links],
    )
    with within(10):
        m.apply(edits.delete_keeping_premises(m, ["a", "b"]))
    assert list(m.graph.nodes) == ["c"] and not m.graph.edges


IDS = [f"n{i}" for i in range(6)]
LINK = st.tuples(st.sampled_from(IDS), st.sampled_from(IDS), st.sampled_from(RELATIONS))


def circled(order, size, more):
    """The links of a circle of the first *size* nodes of *order*, then the links *more*."""
    circle = order[:size]
    ring = zip(circle, circle[1:] + circle[:1], strict=True)
    return [(u, v, "supports") for u, v in ring] + more


#: Links of a map with a circle (of 2 to 6 of its nodes) and a few more links besides.
CIRCLED = st.builds(
    circled, st.permutations(IDS), st.integers(2, len(IDS)), st.lists(LINK, max_size=6)
)


@settings(max_examples=300, deadline=None)
@given(CIRCLED, st.lists(st.sampled_from(IDS), min_size=1, max_size=4, unique=True))
def test_deleting_while_keeping_premises_never_closes_a_circle(links, doomed):
    """On any map, circles and all, deleting nodes while keeping what bore on them removes
    those nodes only, adds links only from their premises, none of them on a circle, and
    undoes to the map it started from."""
    records = {(u, v): {"source": u, "target": v, "relation": r} for u, v, r in links if u != v}
    m = ArgumentMap.from_records(
        [{"id": n, "kind": "claim", "text": n} for n in IDS], list(records.values())
    )
    before, old = m.snapshot(), set(m.graph.edges)
    bearing = {u for u, v in old if v in doomed}
    with within(2):
        command = m.apply(edits.delete_keeping_premises(m, doomed))
    graph = m.graph
    assert set(graph.nodes) == set(IDS) - set(doomed)
    for u, v in set(graph.edges) - old:
        assert u in bearing and not nx.has_path(graph, v, u), (u, v)
    command.undo(m)
    assert m.snapshot() == before


def test_a_refusal_shortens_long_statements_without_a_space_before_the_ellipsis():
    """A long statement a refusal quotes is cut at 60 characters, the space before "…" dropped."""
    m, claim, reason, _ = _debate()
    kept = "very " * 11 + "bad"  # 58 characters, then a space at the cut
    m.apply(edits.set_text(m, reason, kept + " news for everyone"))
    with pytest.raises(ModelError) as refused:
        edits.link(m, claim, reason)
    assert f"“{kept}…”" in str(refused.value)
