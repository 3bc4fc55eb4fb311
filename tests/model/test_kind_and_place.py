"""A card's kind and its drawn place agree: linking, changing a relation or a kind keeps
them together, so the canvas, the Inspector, History, ``check`` and the brief agree."""

from argmap.analysis.weak_spots import weak_spots
from argmap.model import ArgumentMap, edits
from argmap.render.cards import node_places


def _map():
    m = ArgumentMap()
    claim = m.add_node("claim", "Police should get warrant-based access")
    objection = m.add_node("counterclaim", "Any backdoor will be exploited")
    m.connect(objection, claim, "opposes")
    return m, claim, objection


def _agree(m, node):
    place = node_places(m, [node])[node]
    kind = m.node(node)["kind"]
    return {"support": "claim", "objection": "counterclaim", "rebuttal": "claim"}.get(
        place, kind
    ) == kind


def test_a_counterclaim_linked_as_a_reason_becomes_a_claim_in_the_same_step():
    """Ctrl+L of a loose counterclaim as a support: it is drawn as a reason and is a claim;
    check finds no counterclaim that opposes nothing; one undo takes both back."""
    m, claim, _ = _map()
    loose = m.add_node("counterclaim", "Warrants protect privacy")
    command = m.apply(edits.link(m, loose, claim, "supports"))
    assert m.node(loose)["kind"] == "claim" and _agree(m, loose)
    assert not [s for s in weak_spots(m) if s.category == "idle-counterclaim"]
    command.undo(m)
    assert m.node(loose)["kind"] == "counterclaim" and not m.graph.has_edge(loose, claim)


def test_a_claim_linked_against_an_objection_stays_a_claim_a_rebuttal():
    """Opposing an objection makes a rebuttal, which is a claim; opposing the main claim makes
    an objection, which is a counterclaim."""
    m, claim, objection = _map()
    answer = m.add_node("claim", "Warrants already reach unlocked phones")
    m.apply(edits.link(m, answer, objection, "opposes"))
    assert m.node(answer)["kind"] == "claim" and node_places(m, [answer])[answer] == "rebuttal"
    other = m.add_node("claim", "Backdoors weaken everyone's security")
    m.apply(edits.link(m, other, claim, "opposes"))
    assert m.node(other)["kind"] == "counterclaim" and _agree(m, other)


def test_changing_the_relation_or_the_kind_moves_the_other_with_it():
    """Making an objection's link a support makes it a claim; making a reason a counterclaim
    makes its link oppose; evidence keeps its kind either way."""
    m, claim, objection = _map()
    m.apply(edits.set_relation(m, [(objection, claim)], "supports"))
    assert m.node(objection)["kind"] == "claim" and _agree(m, objection)
    m.apply(edits.set_kind(m, [objection], "counterclaim"))
    assert m.edge(objection, claim)["relation"] == "opposes" and _agree(m, objection)
    evidence = m.add_node("evidence", "A 2015 survey of police chiefs")
    m.apply(edits.link(m, evidence, claim, "opposes"))
    assert m.node(evidence)["kind"] == "evidence"


def test_history_names_the_place_added():
    """Adding a rebuttal is 'Add rebuttal' in History, not 'Add claim'."""
    m, claim, objection = _map()
    assert edits.add_child(m, objection, "rebuttal").label == "Add rebuttal"
    assert edits.add_child(m, claim, "support").label == "Add supporting claim"
    assert edits.add_child(m, claim, "counterclaim").label == "Add counterclaim"
