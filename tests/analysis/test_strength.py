"""Strength figures of each side of a main claim, computed by hand for small maps."""

import pytest

from argmap.analysis.strength import side_strengths
from argmap.model import ArgumentMap


def test_figures_follow_the_stated_formula():
    """Pro and con add a(p) * w(p) * s(e) per line; a grouped line counts its weakest member."""
    m = ArgumentMap()
    main = m.add_node("claim", "M")
    rated = m.add_node("claim", "rated 6", rating=6)
    weak_edge = m.add_node("claim", "strength 0.25")
    linked_a = m.add_node("counterclaim", "linked a", rating=8)
    linked_b = m.add_node("counterclaim", "linked b")
    beaten = m.add_node("counterclaim", "defeated")
    answer = m.add_node("claim", "answer")
    m.connect(rated, main, "supports")
    m.connect(weak_edge, main, "supports", strength=0.25)
    m.connect(linked_a, main, "opposes", group="g", strength=0.5)
    m.connect(linked_b, main, "opposes", group="g")
    m.connect(beaten, main, "opposes")
    m.connect(answer, beaten, "opposes")
    (figure,) = side_strengths(m)
    # main is out (attacked by the standing linked objections), which does not weigh here
    assert figure.pro == pytest.approx(0.6 + 0.25)
    assert figure.con == pytest.approx(min(0.8 * 0.5, 1.0))
    assert figure.balance == pytest.approx(0.85 / 1.25)
    assert [line.nodes for line in figure.lines] == [
        (rated,),
        (linked_a, linked_b),
        (weak_edge,),
        (beaten,),
    ]
    assert [line.side for line in figure.lines] == ["pro", "con", "pro", "con"]


def test_undecided_premises_count_half_and_empty_balance_is_none():
    """An undecided premise counts 0.5; a claim with no lines has no balance."""
    m = ArgumentMap()
    main = m.add_node("claim", "M")
    a = m.add_node("claim", "a")
    b = m.add_node("counterclaim", "b")
    m.connect(a, main, "supports")
    m.connect(b, a, "opposes")
    m.connect(a, b, "opposes")
    assert side_strengths(m)[0].pro == 0.5
    lone = ArgumentMap()
    lone.add_node("claim", "alone")
    assert side_strengths(lone)[0].balance is None
