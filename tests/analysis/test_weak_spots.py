"""Weak spots: one map per category, and the real ones of the seeded encryption map."""

from argmap import resources
from argmap.analysis.weak_spots import CATEGORIES, weak_spots
from argmap.formats import load_map
from argmap.model import AddNode, ArgumentMap

SEEDED = resources.path(*resources.SEEDED_MAP)
DOC = {"id": "d1", "title": "Article", "text": "Encryption hinders police work."}


def spots(amap, category):
    return [(s.node, s.related) for s in weak_spots(amap, [category])]


def supported_claim(m, text="C", **attrs):
    claim = m.add_node("claim", text, **attrs)
    m.connect(m.add_node("evidence", "E", citation="a source"), claim, "supports")
    return claim


def test_claims_with_no_support():
    """A claim or counterclaim with no supports premise is listed; a supported one is not."""
    m = ArgumentMap()
    bare = m.add_node("claim", "bare")
    supported_claim(m)
    counter = m.add_node("counterclaim", "K")
    m.connect(counter, bare, "opposes")
    assert spots(m, "no-support") == [(bare, ()), (counter, ())]


def test_objections_with_no_answer_name_their_target_and_side():
    """An objection nobody opposes is listed with what it opposes; an answered one is not."""
    m = ArgumentMap()
    main = m.add_node("claim", "M")
    open_one = m.add_node("counterclaim", "open")
    answered = m.add_node("counterclaim", "answered")
    answer = m.add_node("claim", "answer")
    for node in (open_one, answered):
        m.connect(node, main, "opposes")
    m.connect(answer, answered, "opposes")
    found = weak_spots(m, ["unanswered"])
    assert [(s.node, s.related) for s in found] == [(open_one, (main,)), (answer, (answered,))]
    assert found[0].problem.startswith("the con side's ") and found[1].fix


def test_evidence_with_no_source_and_broken_spans():
    """Evidence without span, citation or URL is listed; so is a span that stopped matching."""
    m = ArgumentMap()
    m.documents["d1"] = dict(DOC)
    claim = m.add_node("claim", "C")
    bare = m.add_node("evidence", "bare")
    cited = m.add_node("evidence", "cited", url="https://example.org")
    quoted = m.add_node(
        "evidence", "quoted", sources=[{"doc": "d1", "start": 0, "end": 10, "quote": "Encryption"}]
    )
    for node in (bare, cited, quoted):
        m.connect(node, claim, "supports")
    assert spots(m, "no-source") == [(bare, ())]
    assert spots(m, "broken-span") == []
    m.documents["d1"]["text"] = "Police work is hindered."
    assert spots(m, "broken-span") == [(quoted, ())]
    del m.documents["d1"]
    assert "missing document" in weak_spots(m, ["broken-span"])[0].problem


def test_single_source_and_single_speaker():
    """A claim whose support all quotes one document, or comes from one speaker, is listed."""
    m = ArgumentMap()
    m.documents["d1"] = dict(DOC)
    m.documents["d2"] = dict(DOC, id="d2")
    span = {"doc": "d1", "start": 0, "end": 10, "quote": "Encryption"}
    one = m.add_node("claim", "one source", speaker="FBI")
    two = m.add_node("claim", "two sources", speaker="FBI")
    first = m.add_node("evidence", "e1", sources=[span], speaker="FBI")
    second = m.add_node("evidence", "e2", sources=[dict(span, doc="d2")], speaker="ITI")
    m.connect(first, one, "supports")
    m.connect(first, two, "supports")
    m.connect(second, two, "supports")
    assert spots(m, "single-source") == [(one, ())]
    assert spots(m, "single-speaker") == [(one, ())]


def test_inferred_nodes_and_links():
    """Nodes and edges marked inferred are listed, the link with its target."""
    m = ArgumentMap()
    claim = m.add_node("claim", "C")
    guess = m.add_node("claim", "G", inferred=True)
    m.connect(guess, claim, "supports", inferred=True)
    assert spots(m, "inferred-node") == [(guess, ())]
    assert spots(m, "inferred-link") == [(guess, (claim,))]


def test_circular_support_is_listed_once_from_its_first_node():
    """Support running in a circle is one entry naming the cycle; an attack cycle is not."""
    m = ArgumentMap()
    a, b, c = (m.apply(AddNode("claim", t, node_id=t)).node_id for t in "abc")
    m.connect(a, b, "supports")
    m.connect(b, c, "supports")
    m.connect(c, a, "supports")
    x, y = (m.add_node("claim", t) for t in "xy")
    m.connect(x, y, "opposes")
    m.connect(y, x, "opposes")
    found = weak_spots(m, ["circular-support"])
    assert [(s.node, s.related) for s in found] == [("a", ("b", "c"))]
    assert "a -> b -> c -> a" in found[0].problem


def test_orphans_and_idle_counterclaims():
    """Stray evidence is an orphan; a counterclaim opposing nothing is listed once, as idle."""
    m = ArgumentMap()
    claim = m.add_node("claim", "C")
    stray = m.add_node("evidence", "stray")
    idle = m.add_node("counterclaim", "idle")
    supporting = m.add_node("counterclaim", "supports only")
    m.connect(supporting, claim, "supports")
    assert spots(m, "orphan") == [(stray, ())]
    assert spots(m, "idle-counterclaim") == [(idle, ()), (supporting, ())]


def test_every_category_has_a_finder_and_order_is_stable():
    """All categories run, grouped in CATEGORIES order; each entry has a one-line fix."""
    found = weak_spots(load_map(SEEDED))
    order = list(CATEGORIES)
    positions = [order.index(s.category) for s in found]
    assert positions == sorted(positions)
    assert all(s.fix and "\n" not in s.fix and s.heading for s in found)


def test_seeded_map_real_weak_spots():
    """On the encryption map: n16's harm claim is unanswered, n3 rests on one article, n13 is
    inferred."""
    found = {(s.category, s.node) for s in weak_spots(load_map(SEEDED))}
    assert {
        ("unanswered", "n16"),
        ("unanswered", "n6"),
        ("single-source", "n3"),
        ("inferred-node", "n13"),
        ("inferred-node", "n23"),
        ("inferred-link", "n19"),
        ("no-support", "n16"),
    } <= found
    assert not any(
        cat in ("orphan", "circular-support", "idle-counterclaim", "broken-span", "no-source")
        for cat, _ in found
    )
    assert ("unanswered", "n15") not in found  # n13 answers it
