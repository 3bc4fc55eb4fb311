"""Grounded labels over the opposes relation, checked against PyArg and by hand."""

import random

from argmap.analysis.acceptance import grounded_labels
from argmap.model import ArgumentMap


def _chain(length):
    m = ArgumentMap()
    ids = [m.add_node("claim", str(i)) for i in range(length)]
    for a, b in zip(ids[1:], ids):
        m.connect(a, b, "opposes")
    return m, ids


def test_chain_alternates():
    """In a chain of attacks the unattacked end is in, and labels alternate."""
    m, ids = _chain(5)
    assert [grounded_labels(m)[n] for n in ids] == ["in", "out", "in", "out", "in"]


def test_cycle_is_undecided_and_support_is_ignored():
    """Two nodes attacking each other stay undecided; supports attack nothing."""
    m = ArgumentMap()
    a, b, c = (m.add_node("claim", t) for t in "abc")
    m.connect(a, b, "opposes")
    m.connect(b, a, "opposes")
    m.connect(c, a, "supports")
    assert grounded_labels(m) == {a: "undecided", b: "undecided", c: "in"}


def test_matches_pyarg_on_random_frameworks():
    """On 60 random maps our grounded extension equals PyArg's."""
    from py_arg.abstract_argumentation_classes.abstract_argumentation_framework import (
        AbstractArgumentationFramework,
    )
    from py_arg.abstract_argumentation_classes.argument import Argument
    from py_arg.abstract_argumentation_classes.defeat import Defeat
    from py_arg.algorithms.semantics.get_grounded_extension import get_grounded_extension

    rng = random.Random(7)
    for _ in range(60):
        m = ArgumentMap()
        ids = [m.add_node("claim", str(i)) for i in range(rng.randint(1, 9))]
        for a in ids:
            for b in ids:
                if a != b and rng.random() < 0.2:
                    m.connect(a, b, "opposes")
        args = {n: Argument(n) for n in ids}
        defeats = [Defeat(args[u], args[v]) for u, v in m.graph.edges]
        framework = AbstractArgumentationFramework("f", list(args.values()), defeats)
        expected = {a.name for a in get_grounded_extension(framework)}
        labels = grounded_labels(m)
        assert {n for n, lab in labels.items() if lab == "in"} == expected
        attacked_by_in = {v for u, v in m.graph.edges if u in expected}
        assert {n for n, lab in labels.items() if lab == "out"} == attacked_by_in
