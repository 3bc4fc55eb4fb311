"""GraphML (through networkx and defusedxml) and Kialo's text export."""

import os

import pytest
from interchange_helpers import REPO, canonical

from argmap import resources
from argmap.errors import FormatError
from argmap.formats import graphml, kialo, native

SAMPLES = os.path.join(REPO, "tests", "data", "kialo")


@pytest.mark.parametrize("name", ["example", "encryption-backdoors"])
def test_graphml_round_trip(name):
    """Every attribute, document and map field survives GraphML."""
    amap = native.load(resources.path("maps", name + ".argmap"))
    again, _ = graphml.loads(graphml.dumps(amap))
    assert canonical(again) == canonical(amap)


FOREIGN = """<?xml version="1.0" encoding="UTF-8"?>
<graphml xmlns="http://graphml.graphdrawing.org/xmlns">
  <key id="d0" for="node" attr.name="label" attr.type="string"/>
  <key id="d1" for="node" attr.name="weight" attr.type="double"/>
  <key id="d2" for="edge" attr.name="relation" attr.type="string"/>
  <key id="d3" for="node" attr.name="kind" attr.type="string"/>
  <graph id="G" edgedefault="directed">
    <node id="a"><data key="d0">Claim A</data><data key="d1">0.5</data></node>
    <node id="b"><data key="d0">Attack B</data><data key="d3">rebuttal</data></node>
    <edge source="b" target="a"><data key="d2">attack</data></edge>
    <edge source="a" target="a"/>
  </graph>
</graphml>
"""


def test_graphml_from_another_tool_keeps_unknown_attributes():
    """Labels become texts, relation words are read, unknown values are kept."""
    amap, warnings = graphml.loads(FOREIGN)
    assert amap.node("a")["text"] == "Claim A" and amap.node("a")["weight"] == 0.5
    assert amap.node("b")["kind"] == "claim" and amap.node("b")["graphml_kind"] == "rebuttal"
    assert amap.edge("b", "a")["relation"] == "opposes"
    assert warnings == ["1 self-loop(s) or repeated edge(s) dropped"]


@pytest.mark.parametrize(
    "text",
    [
        '<?xml version="1.0"?><!DOCTYPE g [<!ENTITY x "y">]><graphml>&x;</graphml>',
        '<?xml version="1.0"?><!DOCTYPE g SYSTEM "file:///etc/passwd"><graphml/>',
    ],
)
def test_graphml_refuses_dtds_and_entities(text):
    """No DTD and no entity is ever read."""
    with pytest.raises(FormatError, match="refused"):
        graphml.loads(text)


def test_graphml_json_key_list_with_a_list_in_it_is_read():
    """A list of JSON-valued keys (argmap_json) holding something other than names is read
    for its names alone, not a crash."""
    text = FOREIGN.replace(
        '<graph id="G" edgedefault="directed">',
        '<key id="g0" for="graph" attr.name="argmap_json" attr.type="string"/>'
        '<graph id="G" edgedefault="directed"><data key="g0">[["weight"], 3, "kind"]</data>',
    )
    amap, _ = graphml.loads(text)
    assert amap.node("a")["weight"] == 0.5 and amap.node("b")["graphml_kind"] == "rebuttal"


def test_graphml_syntax_error_names_line_and_column():
    """Malformed XML names the line and column."""
    with pytest.raises(FormatError) as info:
        graphml.loads("<graphml>\n<graph><node id='a'></graph>", "g.graphml")
    assert info.value.where.startswith("line 2 column")


def test_kialo_sample_imports():
    """Numbered Pro/Con lines nest; continuation lines join; '-> See' links an existing claim."""
    amap, warnings = kialo.load(os.path.join(SAMPLES, "school-meals.txt"))
    assert warnings == []
    assert amap.title == "Should schools serve only vegetarian lunches?"
    text = {a["text"]: n for n, a in amap.graph.nodes(data=True)}
    thesis = text["Schools should serve only vegetarian lunches."]
    cost = text[
        "Vegetarian meals cost less per portion, which frees money for fresh vegetables and fruit."
    ]
    assert amap.edge(cost, thesis)["relation"] == "supports"
    children = [a["kind"] for n, a in amap.graph.nodes(data=True) if amap.graph.has_edge(n, thesis)]
    assert sorted(children) == ["claim", "claim", "counterclaim"]
    budget = text["Kitchen budgets are already stretched."]
    assert amap.edge(cost, budget)["relation"] == "opposes"  # from "-> See 1.1."


def test_kialo_second_sample_and_round_trip():
    """A second discussion reads, and Kialo export reads back to the same map."""
    amap, _ = kialo.load(os.path.join(SAMPLES, "four-day-week.txt"))
    assert len(amap) == 9
    again, _ = kialo.loads(kialo.dumps(amap))
    strip = ("kialo",)
    assert canonical(again, ignore=strip) == canonical(amap, ignore=strip)


def test_kialo_bad_line_names_it():
    """A file that is not Kialo's export fails naming the line."""
    with pytest.raises(FormatError) as info:
        kialo.loads("Discussion Title: T\n\nhello\n", "k.txt")
    assert info.value.where == "line 3 column 1"
