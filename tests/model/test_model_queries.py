"""Derived facts: main claims, stance, depth, children, cycles, orphans, roles, subtrees."""

import pytest

from argmap.errors import ModelError
from argmap.model import ArgumentMap, ReorderNode, queries

# name: (kind, [(target, relation), ...])
DEBATE = {
    "C": ("claim", []),
    "S": ("claim", [("C", "supports")]),
    "O": ("counterclaim", [("C", "opposes")]),
    "Q": ("claim", [("C", "opposes")]),
    "R": ("claim", [("O", "opposes")]),
    "P": ("evidence", [("Q", "opposes")]),
    "E": ("evidence", [("S", "supports")]),
    "E2": ("evidence", [("S", "opposes")]),
    "X": ("evidence", [("O", "supports")]),
    "R2": ("evidence", [("R", "supports")]),
    "C2": ("claim", []),
    "Y": ("evidence", [("C2", "supports")]),
    "Z": ("evidence", []),
    "L": ("claim", []),
    "K": ("counterclaim", []),
    "KS": ("evidence", [("K", "supports")]),
}


def build(spec):
    """Build a map from ``{id: (kind, [(target, relation)])}`` using the given ids."""
    from argmap.model import AddNode

    m = ArgumentMap("Queries")
    for node_id, (kind, _) in spec.items():
        m.apply(AddNode(kind, f"text of {node_id}", node_id=node_id))
    for node_id, (_, links) in spec.items():
        for target, relation in links:
            m.connect(node_id, target, relation)
    return m


@pytest.fixture
def debate():
    """A debate with two main claims, objections, rebuttals and stray nodes."""
    return build(DEBATE)


def test_main_claims_are_claims_bearing_on_nothing(debate):
    """Main claims are the claims with no outgoing edge, in map order."""
    assert queries.main_claims(debate) == ["C", "C2", "L"]


def test_main_claims_fall_back_to_any_top_node():
    """A map without a top claim reports its top nodes instead."""
    m = build({"A": ("evidence", []), "B": ("counterclaim", [("A", "opposes")])})
    assert queries.main_claims(m) == ["A"]
    assert queries.main_claims(ArgumentMap()) == []


def test_stance_follows_parity_of_opposes(debate):
    """A node is pro when an even number of 'opposes' lead up to the main claim."""
    stance = queries.stance(debate)
    expected = {
        "C": "pro",
        "S": "pro",
        "O": "con",
        "Q": "con",
        "R": "pro",
        "P": "pro",
        "E": "pro",
        "E2": "con",
        "X": "con",
        "R2": "pro",
        "C2": "pro",
        "Y": "pro",
        "L": "pro",
    }
    assert stance == expected


def test_stance_leaves_out_nodes_that_reach_no_main_claim(debate):
    """Nodes that lead to no main claim (Z, K and KS) have no stance and no depth."""
    assert not {"Z", "K", "KS"} & set(queries.stance(debate))
    assert not {"Z", "K", "KS"} & set(queries.depth(debate))


def test_stance_of_a_long_chain():
    """Three opposes in a row end up con; a fourth makes it pro again."""
    spec = {"A": ("claim", [])}
    previous = "A"
    for name in "BCDE":
        spec[name] = ("claim", [(previous, "opposes")])
        previous = name
    stance = queries.stance(build(spec))
    assert [stance[n] for n in "ABCDE"] == ["pro", "con", "pro", "con", "pro"]


def test_depth_is_distance_to_the_main_claim(debate):
    """Depth counts the steps to the nearest main claim."""
    depth = queries.depth(debate)
    assert depth["C"] == depth["C2"] == 0
    assert depth["S"] == depth["O"] == depth["Q"] == depth["Y"] == 1
    assert depth["R"] == depth["E"] == depth["E2"] == depth["X"] == depth["P"] == 2
    assert depth["R2"] == 3


def test_children_by_relation_in_sibling_order(debate):
    """children lists the premises of a node in map order, optionally by relation."""
    assert queries.children(debate, "C") == ["S", "O", "Q"]
    assert queries.children(debate, "C", "opposes") == ["O", "Q"]
    assert queries.children(debate, "C", "supports") == ["S"]
    assert queries.children(debate, "E") == []
    debate.apply(ReorderNode("Q", 0))
    assert queries.children(debate, "C") == ["Q", "S", "O"]
    with pytest.raises(ModelError):
        queries.children(debate, "nope")


def test_cycles_are_found_and_reported():
    """A cycle is allowed in the map but listed by cycles() and problems()."""
    m = build(
        {
            "A": ("claim", []),
            "B": ("claim", [("A", "supports")]),
            "D": ("claim", [("B", "opposes")]),
        }
    )
    assert queries.cycles(m) == []
    m.connect("A", "D", "supports")
    found = queries.cycles(m)
    assert len(found) == 1 and sorted(found[0]) == ["A", "B", "D"]
    cycle = found[0]
    assert all(m.graph.has_edge(u, v) for u, v in zip(cycle, cycle[1:] + cycle[:1], strict=True))
    remarks = queries.problems(m)
    assert any(r.startswith("cycle: ") for r in remarks)
    assert "no main claim" in remarks


def test_cycles_are_listed_the_same_way_on_every_run(tmp_path):
    """Each circle starts at its first node in the map, circles in map order, whatever order
    networkx finds them in (it changes with Python's string hashing)."""
    import os
    import subprocess
    import sys

    code = (
        "from argmap.model import ArgumentMap, queries\n"
        "m = ArgumentMap('t')\n"
        "ids = [m.add_node('claim', f'c{i}') for i in range(8)]\n"
        "for a, b in [(0, 1), (1, 2), (2, 0), (3, 4), (4, 5), (5, 3), (5, 6), (6, 4), (7, 0)]:\n"
        "    m.graph.add_edge(ids[a], ids[b], relation='supports')\n"
        "print(queries.cycles(m))\n"
    )
    seen = {
        subprocess.run(
            [sys.executable, "-c", code],
            capture_output=True,
            text=True,
            check=True,
            env=dict(os.environ, PYTHONHASHSEED=str(seed)),
        ).stdout
        for seed in range(1, 7)
    }
    assert seen == {"[['n1', 'n2', 'n3'], ['n4', 'n5', 'n6'], ['n5', 'n6', 'n7']]\n"}


def test_cycles_respect_the_limit():
    """cycles() stops after *limit* cycles."""
    spec = {"A": ("claim", [])}
    for i in range(6):
        spec[f"B{i}"] = ("claim", [("A", "opposes")])
    m = build(spec)
    for i in range(6):
        m.connect("A", f"B{i}", "opposes")
    assert len(queries.cycles(m)) == 6
    assert len(queries.cycles(m, limit=4)) == 4


def test_orphans(debate):
    """Orphans: non-claims bearing on nothing, and claims without any edge."""
    assert queries.orphans(debate) == ["Z", "L", "K"]
    single = build({"A": ("claim", [])})
    assert queries.orphans(single) == []


def test_roles_of_edges(debate):
    """Support, objection (opposes a claim or evidence) and rebuttal (opposes an objection)."""
    assert queries.role(debate, "S", "C") == "support"
    assert queries.role(debate, "E", "S") == "support"
    assert queries.role(debate, "O", "C") == "objection"
    assert queries.role(debate, "Q", "C") == "objection"
    assert queries.role(debate, "E2", "S") == "objection"
    assert queries.role(debate, "R", "O") == "rebuttal"  # opposes a counterclaim
    assert queries.role(debate, "P", "Q") == "rebuttal"  # opposes a claim that objects
    with pytest.raises(ModelError):
        queries.role(debate, "C", "S")


def test_subtree(debate):
    """subtree holds a node and everything bearing on it, directly or not."""
    assert queries.subtree(debate, "S") == {"S", "E", "E2"}
    assert queries.subtree(debate, "O") == {"O", "R", "R2", "X"}
    assert queries.subtree(debate, "Z") == {"Z"}
    with pytest.raises(ModelError):
        queries.subtree(debate, "nope")


def test_problems_lists_orphans(debate):
    """problems() names every orphan and no cycle when there is none."""
    remarks = queries.problems(debate)
    assert remarks == ["Z bears on nothing", "L bears on nothing", "K bears on nothing"]


def test_problems_of_a_sound_map_is_empty(small_map):
    """A well-formed map has no problems."""
    assert queries.problems(small_map) == []
