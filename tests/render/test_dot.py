"""Building DOT from a map: ids, attributes, order, groups, options."""

import re

import pytest
from render_helpers import rich_map

from argmap.errors import RenderError
from argmap.model import ArgumentMap
from argmap.render import style
from argmap.render.dot import ALLOWED_ATTRS, Html, attr_list, build_dot, drawing_order
from argmap.render.options import ExportOptions

_STATEMENT = re.compile(r"^(\w+)(?: -> (\w+))? \[")


def _options(**kw):
    kw.setdefault("title", "")
    return ExportOptions(**kw)


def _statements(text):
    """Return the node and edge statements of DOT text as (tail, head or None) pairs."""
    found = []
    for line in text.splitlines():
        m = _STATEMENT.match(line)
        if m and m.group(1) not in ("graph", "node", "edge"):
            found.append((m.group(1), m.group(2)))
    return found


def test_ids_are_generated_never_user_text():
    """Node ids in DOT are n0, n1, ... even when the map's ids are hostile."""
    m = ArgumentMap()
    m._insert_node('x" [image="/etc/hosts"', {"kind": "claim", "text": "T"})
    m._insert_node("graph", {"kind": "evidence", "text": "E"})
    m.connect("graph", 'x" [image="/etc/hosts"', "supports")
    dot = build_dot(m, _options())
    assert dot.ids == {'x" [image="/etc/hosts"': "n0", "graph": "n1"}
    assert "/etc/hosts" not in dot.text
    assert _statements(dot.text) == [("n0", None), ("n1", None), ("n0", "n1")]


def test_only_allowed_attributes_are_written():
    """Every attribute name in the DOT of a rich map is on the allow-list."""
    text = build_dot(rich_map(), _options(legend=True)).text
    names = set(re.findall(r"(?:\[|, )([a-z0-9]+)=", text))
    assert names and names <= ALLOWED_ATTRS


def test_attr_list_refuses_unknown_names_and_unsafe_values():
    """The writer cannot emit an unlisted attribute or a value with quotes or brackets."""
    with pytest.raises(RenderError):
        attr_list({"image": "x.png"})
    with pytest.raises(RenderError):
        attr_list({"color": 'red", image="/etc/hosts'})
    assert (
        attr_list({"color": "#FFFFFF", "label": Html("<B>x</B>")})
        == '[color="#FFFFFF", label=<<B>x</B>>]'
    )


def _role_of(m, node):
    """The role a reader of the map gives *node*: main claim, evidence, or its first link's role."""
    from argmap.model import queries

    if m.graph.nodes[node]["kind"] == "evidence":
        return "evidence"
    targets = sorted(m.graph.successors(node), key=list(m.graph.nodes).index)
    return queries.role(m, node, targets[0]) if targets else "main"


def test_roles_colour_cards_and_kinds_shape_them():
    """Each card is filled in its role's colour and shaped by its kind; a rebuttal is green
    whether it is a claim or a counterclaim."""
    m = rich_map()
    dot = build_dot(m, _options())
    roles = set()
    for node, dot_id in dot.ids.items():
        role = _role_of(m, node)
        roles.add(role)
        fill = style.ROLE_STYLE[role]["fill"]
        shape = style.KIND_STYLE[m.graph.nodes[node]["kind"]]["shape"]
        line = next(
            dot_line for dot_line in dot.text.splitlines() if dot_line.startswith(dot_id + " [")
        )
        assert f'fillcolor="{fill}"' in line and f'shape="{shape}"' in line
    assert roles == {"main", "support", "objection", "rebuttal", "evidence"}
    opposes = style.RELATION_STYLE["opposes"]
    line = next(dot_line for dot_line in dot.text.splitlines() if dot_line.startswith("n0 -> n2 "))
    assert f'color="{opposes["color"]}"' in line and 'arrowtail="tee"' in line
    assert 'style="dashed"' in line


def test_headers_show_role_speaker_and_basis():
    """Cards read MAIN CLAIM, REASON, OBJECTION, REBUTTAL and EVIDENCE · basis."""
    text = build_dot(rich_map(), _options()).text
    for header in (
        "MAIN CLAIM · IACP",
        "REASON · IACP",
        "OBJECTION · ITI",
        "REBUTTAL · FBI",
        "EVIDENCE · example",
        "EVIDENCE · statistic",
    ):
        assert f"<B>{header}</B>" in text
    assert "<I>The Hill, 17 Nov 2015</I>" in text  # citation
    assert "<I>The Hill (2015)</I>" in text  # source title when no citation
    assert "<B>" not in build_dot(rich_map(), _options(headers=False)).text


def test_sibling_order_is_map_order():
    """Premises are written in map node order, breadth-first from the main claim."""
    m = ArgumentMap()
    c = m.add_node("claim", "C")
    late = m.add_node("claim", "late")
    early = m.add_node("claim", "early")
    m.connect(early, c, "supports")
    m.connect(late, c, "opposes")
    order, tree = drawing_order(m, set(m.graph.nodes))
    assert order == [c, late, early]
    assert tree == {(late, c), (early, c)}


def test_same_map_gives_the_same_dot():
    """Two builds of equal maps give identical text."""
    assert build_dot(rich_map(), _options()).text == build_dot(rich_map(), _options()).text


def test_cross_link_does_not_constrain_ranks():
    """An edge to a second target is drawn with constraint=false."""
    m = rich_map()
    dot = build_dot(m, _options())
    ev2, obj2 = "n6", "n9"
    tail, head = dot.paths[(ev2, obj2)][0]
    line = next(
        dot_line for dot_line in dot.text.splitlines() if dot_line.startswith(f"{tail} -> {head} ")
    )
    assert 'constraint="false"' in line
    support_tail, support_head = dot.paths[(ev2, "n2")][0]
    line = next(
        dot_line
        for dot_line in dot.text.splitlines()
        if dot_line.startswith(f"{support_tail} -> {support_head} ")
    )
    assert "constraint" not in line


def test_co_premises_meet_at_one_junction():
    """Premises sharing a group reach their target through one shared junction point."""
    m = rich_map()
    dot = build_dot(m, _options())
    first, second = dot.paths[("n7", "n3")], dot.paths[("n8", "n3")]
    assert len(first) == 2 and first[0] == second[0]
    junction = first[0][1]
    assert junction.startswith("j") and first[1] == (junction, dot.ids["n7"])
    assert re.search(rf'^{junction} \[shape="point"', dot.text, re.M)
    assert len(re.findall(rf" -> {junction} ", dot.text)) == 1


def test_direction_legend_title_and_large_settings():
    """Options reach the graph attributes; big maps get the cheap search settings."""
    m = rich_map()
    text = build_dot(m, _options(direction="LR", legend=False, title="T")).text
    assert 'rankdir="LR"' in text and "<B>T</B>" in text and "supports</FONT>" not in text
    assert "nslimit" not in text
    text = build_dot(m, _options(legend=True)).text
    assert "supports</FONT>" in text and "opposes</FONT>" in text
    with pytest.raises(RenderError):
        build_dot(m, _options(direction="up"))
    big = ArgumentMap()
    root = big.add_node("claim", "root")
    for i in range(450):
        big.connect(big.add_node("evidence", f"e{i}"), root, "supports")
    assert 'remincross="false"' in build_dot(big, _options()).text


def test_evaluation_colours_use_label_style():
    """With labels, fills come from LABEL_STYLE; unlabelled nodes are undecided."""
    m = rich_map()
    dot = build_dot(m, _options(color_by="evaluation"), labels={"n1": "in", "n3": "out"})
    lines = {
        dot_line.split(" ", 1)[0]: dot_line
        for dot_line in dot.text.splitlines()
        if re.match(r"n\d+ \[", dot_line)
    }
    assert f'fillcolor="{style.LABEL_STYLE["in"]["fill"]}"' in lines[dot.ids["n1"]]
    assert f'fillcolor="{style.LABEL_STYLE["out"]["fill"]}"' in lines[dot.ids["n3"]]
    assert f'fillcolor="{style.LABEL_STYLE["undecided"]["fill"]}"' in lines[dot.ids["n2"]]


def test_subset_draws_only_its_nodes_and_edges():
    """A node subset keeps the edges between its nodes and nothing else."""
    m = rich_map()
    dot = build_dot(m, _options(), nodes={"n3", "n4", "n7"})
    assert set(dot.ids) == {"n3", "n4", "n7"}
    assert set(dot.paths) == {("n4", "n3"), ("n7", "n3")}
