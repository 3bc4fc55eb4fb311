"""Acceptance labels: textbook frameworks, the support rule, ratings, reasons, and PyArg."""

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from argmap.analysis.acceptance import (
    evaluate,
    grounded_labels,
    preferred_extensions,
    preferred_labellings,
)
from argmap.errors import AnalysisError
from argmap.model import AddNode, ArgumentMap


def framework(names, attacks, supports=(), documents=(), **attrs):
    """A map of claims named by *names* (ids equal names), with the given edges."""
    m = ArgumentMap()
    for doc in documents:
        m.documents[doc["id"]] = doc
    for n in names:
        m.apply(AddNode("claim", f"claim {n}", attrs.get(n, {}), node_id=n))
    for a, b in attacks:
        m.connect(a, b, "opposes")
    for edge in supports:
        a, b, *group = edge
        m.connect(a, b, "supports", **({"group": group[0]} if group else {}))
    return m


def ins(labels):
    return {n for n, lab in labels.items() if lab == "in"}


def test_chain_alternates():
    """In a chain of attacks the unattacked end is in, and labels alternate."""
    m = framework("abcde", [("b", "a"), ("c", "b"), ("d", "c"), ("e", "d")])
    assert grounded_labels(m) == {"a": "in", "b": "out", "c": "in", "d": "out", "e": "in"}


def test_reinstatement():
    """c defeats b, so a, attacked only by b, is reinstated; both attackers of b count."""
    m = framework("abcd", [("b", "a"), ("c", "b"), ("d", "b")])
    assert grounded_labels(m) == {"a": "in", "b": "out", "c": "in", "d": "in"}


def test_even_cycle_grounded_undecided_preferred_two_ways():
    """Two nodes attacking each other: grounded leaves both undecided, preferred picks either."""
    m = framework("abc", [("a", "b"), ("b", "a"), ("b", "c")])
    assert grounded_labels(m) == {"a": "undecided", "b": "undecided", "c": "undecided"}
    assert sorted(map(sorted, preferred_extensions(m))) == [["a", "c"], ["b"]]


def test_odd_cycle_has_only_the_empty_preferred_extension():
    """A three-cycle has no admissible non-empty set: all undecided under both semantics."""
    m = framework("abc", [("a", "b"), ("b", "c"), ("c", "a")])
    assert set(grounded_labels(m).values()) == {"undecided"}
    assert preferred_extensions(m) == [frozenset()]
    assert set(evaluate(m, "preferred").labels.values()) == {"undecided"}


def test_floating_defeat():
    """a and b attack each other and both attack c, which attacks d: d floats in under preferred."""
    m = framework("abcd", [("a", "b"), ("b", "a"), ("a", "c"), ("b", "c"), ("c", "d")])
    assert set(grounded_labels(m).values()) == {"undecided"}
    assert sorted(map(sorted, preferred_extensions(m))) == [["a", "d"], ["b", "d"]]
    result = evaluate(m, "preferred")
    assert result.labels == {"a": "undecided", "b": "undecided", "c": "out", "d": "in"}
    assert [r.kind for r in result.why["a"]] == ["disputed"]


def test_self_attack_is_impossible():
    """The model forbids self-loops, so no node can attack itself."""
    m = framework("a", [])
    with pytest.raises(Exception, match="(?i)self"):
        m.connect("a", "a", "opposes")


def test_support_rule_unsupported_claim_is_out():
    """A claim with no source whose only support is defeated is out, and says so."""
    m = framework("cse", [("e", "s")], [("s", "c")])
    result = evaluate(m)
    assert result.labels == {"c": "out", "s": "out", "e": "in"}
    assert [r.kind for r in result.why["c"]] == ["unsupported"]
    assert result.why["c"][0].nodes == ("s",)


def test_support_rule_spares_sourced_claims_and_one_surviving_support():
    """A quoted claim stands on its own; a claim with one support still in stays in."""
    m = framework("cset", [("e", "s")], [("s", "c"), ("t", "c")])
    assert grounded_labels(m)["c"] == "in"
    span = {"doc": "d", "start": 0, "end": 6, "quote": "quoted"}
    m = framework(
        "cse",
        [("e", "s")],
        [("s", "c")],
        [{"id": "d", "title": "D", "text": "quoted"}],
        c={"sources": [span]},
    )
    assert grounded_labels(m)["c"] == "in"


def test_grouped_supports_fail_together():
    """Co-premises sharing a group form one unit: one of them out takes the unit out."""
    m = framework("cxye", [("e", "y")], [("x", "c", "g"), ("y", "c", "g")])
    assert grounded_labels(m)["c"] == "out"
    m = framework("cxye", [("e", "y")], [("x", "c"), ("y", "c")])
    assert grounded_labels(m)["c"] == "in"


def test_unsupported_node_no_longer_attacks():
    """An attacker that loses its support is out, so what it attacked is reinstated."""
    m = framework("tase", [("a", "t"), ("e", "s")], [("s", "a")])
    assert grounded_labels(m) == {"t": "in", "a": "out", "s": "out", "e": "in"}


def test_support_by_undecided_node_is_undecided():
    """A dependent claim whose support sits in an even cycle is undecided, and says why."""
    m = framework("abc", [("a", "b"), ("b", "a")], [("a", "c")])
    result = evaluate(m)
    assert result.labels["c"] == "undecided"
    assert [r.kind for r in result.why["c"]] == ["support-undecided"]
    assert sorted(map(sorted, preferred_extensions(m))) == [["a", "c"], ["b"]]


def test_rating_rejects_and_accepts_by_hand():
    """Rated 0 is out and reinstates its target; rated 10 is in and sets its attackers aside."""
    m = framework("abc", [("b", "a"), ("c", "b")], c={"rating": 0})
    result = evaluate(m)
    assert result.labels == {"a": "out", "b": "in", "c": "out"}
    assert [r.kind for r in result.why["c"]] == ["rejected-by-hand"]
    m = framework("ab", [("b", "a")], a={"rating": 10})
    result = evaluate(m)
    assert result.labels == {"a": "in", "b": "in"}
    assert [r.kind for r in result.why["a"]] == ["accepted-by-hand", "set-aside"]
    m = framework("ab", [("b", "a")], a={"rating": 7})
    assert grounded_labels(m) == {"a": "out", "b": "in"}


def test_reasons_name_attackers_defence_and_unanswered_objections():
    """Out names the standing attacker, in names the defence, undecided the open objection."""
    m = framework("abcxy", [("b", "a"), ("c", "b"), ("x", "y"), ("y", "x"), ("x", "c")])
    result = evaluate(m)
    assert result.labels == {
        "a": "undecided",
        "b": "undecided",
        "c": "undecided",
        "x": "undecided",
        "y": "undecided",
    }
    assert result.why["c"][0].kind == "unanswered" and result.why["c"][0].nodes == ("x",)
    m = framework("abc", [("b", "a"), ("c", "b")])
    result = evaluate(m)
    assert result.why["b"][0].kind == "attacked" and result.why["b"][0].nodes == ("c",)
    assert result.why["a"][0].kind == "defended" and result.why["a"][0].nodes == ("b", "c")
    assert 'answered by c "claim c"' in result.why["a"][0].text
    assert [r.kind for r in result.why["c"]] == ["unattacked"]


def test_json_shape():
    """to_json gives exactly semantics and nodes with id, label and why strings."""
    m = framework("ab", [("b", "a")])
    data = evaluate(m).to_json()
    assert data == {
        "semantics": "grounded",
        "nodes": [
            {"id": "a", "label": "out", "why": ['attacked by b "claim b", which stands']},
            {"id": "b", "label": "in", "why": ["no objection bears on it"]},
        ],
    }


def test_unknown_semantics_and_search_limit(monkeypatch):
    """An unknown semantics and a preferred search past its limit raise AnalysisError."""
    from argmap.analysis import acceptance

    m = framework("ab", [("a", "b"), ("b", "a")])
    with pytest.raises(AnalysisError, match="unknown semantics"):
        evaluate(m, "stable")
    monkeypatch.setattr(acceptance, "PREFERRED_STEP_LIMIT", 3)
    with pytest.raises(AnalysisError, match="too many undecided"):
        preferred_labellings(m)


# ------------------------------------------------------------- against PyArg
@st.composite
def frameworks(draw):
    size = draw(st.integers(1, 8))
    names = [f"a{i}" for i in range(size)]
    pairs = [(u, v) for u in names for v in names if u != v]
    attacks = draw(st.lists(st.sampled_from(pairs), unique=True, max_size=14)) if pairs else []
    return framework(names, attacks)


def pyarg(m):
    from py_arg.abstract_argumentation_classes.abstract_argumentation_framework import (
        AbstractArgumentationFramework,
    )
    from py_arg.abstract_argumentation_classes.argument import Argument
    from py_arg.abstract_argumentation_classes.defeat import Defeat

    args = {n: Argument(n) for n in m.graph.nodes}
    defeats = [Defeat(args[u], args[v]) for u, v in m.graph.edges]
    return AbstractArgumentationFramework("f", list(args.values()), defeats)


@settings(max_examples=150, deadline=None)
@given(frameworks())
def test_grounded_agrees_with_pyarg_and_is_admissible(m):
    """Grounded in is PyArg's grounded extension, conflict-free and admissible; out is what
    it attacks."""
    from py_arg.algorithms.semantics.get_grounded_extension import get_grounded_extension

    labels = grounded_labels(m)
    grounded = ins(labels)
    assert grounded == {a.name for a in get_grounded_extension(pyarg(m))}
    edges = set(m.graph.edges)
    assert not any((u, v) in edges for u in grounded for v in grounded)
    for u, v in edges:
        if v in grounded:
            assert any((w, u) in edges for w in grounded)
    assert {n for n, lab in labels.items() if lab == "out"} == {
        v for u, v in edges if u in grounded
    }


@settings(max_examples=150, deadline=None)
@given(frameworks())
def test_preferred_agrees_with_pyarg_and_contains_grounded(m):
    """Preferred extensions equal PyArg's, and each contains the grounded extension."""
    from py_arg.algorithms.semantics.get_preferred_extensions import get_preferred_extensions

    ours = set(preferred_extensions(m))
    theirs = {frozenset(a.name for a in ext) for ext in get_preferred_extensions(pyarg(m))}
    assert ours == theirs
    grounded = ins(grounded_labels(m))
    assert all(grounded <= ext for ext in ours)


def test_with_hand_asks_what_if_without_changing_the_map():
    """Accepting an attacked node by hand in a copy of the framework reinstates it there only."""
    from argmap.analysis.acceptance import build_framework, with_hand

    m = framework("abc", [("b", "a"), ("c", "b")])
    fw = build_framework(m)
    assert grounded_labels(m, with_hand(fw, "b", "in")) == {"a": "out", "b": "in", "c": "in"}
    assert grounded_labels(m, with_hand(fw, "c", "out")) == {"a": "out", "b": "in", "c": "out"}
    assert grounded_labels(m, fw) == {"a": "in", "b": "out", "c": "in"}
