"""Co-premises: premises that hold only together share a group on their links."""

import pytest

from argmap.errors import ModelError
from argmap.model import ArgumentMap, edits


def _claim_with_reasons(count=2):
    m = ArgumentMap()
    claim = m.add_node("claim", "Ban end-to-end encryption")
    reasons = [m.add_node("claim", f"Reason {i}") for i in range(count)]
    for reason in reasons:
        m.connect(reason, claim, "supports")
    return m, claim, reasons


def test_a_co_premise_joins_the_group_of_its_partner_and_undo_takes_both_back():
    """The new premise bears the same way on the same point; both links share one new group,
    and undo leaves the partner's link as it was."""
    m, claim, (reason, _) = _claim_with_reasons()
    command = m.apply(edits.add_co_premise(m, reason, "Police cannot read it"))
    (new,) = command.created
    group = m.edge(reason, claim)["group"]
    assert m.edge(new, claim) == {"relation": "supports", "group": group}
    assert command.label == "Add co-premise"
    command.undo(m)
    assert new not in m and "group" not in m.edge(reason, claim)


def test_a_co_premise_of_a_grouped_premise_keeps_its_group():
    """A partner already in a group brings the new premise into that group."""
    m, claim, (first, second) = _claim_with_reasons()
    m.apply(edits.group_premises(m, [first, second]))
    group = m.edge(first, claim)["group"]
    (new,) = m.apply(edits.add_co_premise(m, first)).created
    assert m.edge(new, claim)["group"] == group == m.edge(second, claim)["group"]


def test_groups_are_new_for_each_point_and_refusals_say_why():
    """A new group id is one the point's links do not use yet; a main claim has no partner to
    share a group with, and one premise alone is no group."""
    m, claim, (first, second, third) = _claim_with_reasons(3)
    m.apply(edits.group_premises(m, [first, second]))
    m.apply(edits.add_co_premise(m, third))
    assert m.edge(first, claim)["group"] != m.edge(third, claim)["group"]
    with pytest.raises(ModelError, match="bears on nothing"):
        edits.add_co_premise(m, claim)
    with pytest.raises(ModelError, match="two or more premises"):
        edits.group_premises(m, [first])
    assert edits.group_premises(m, [first, second]) is None  # already one group
    m.apply(edits.ungroup_premises(m, [first, second]))
    assert "group" not in m.edge(first, claim) and "group" not in m.edge(second, claim)
