"""Maps and readers shared by the render tests."""

import json
import subprocess
import xml.etree.ElementTree as ET

from argmap.model import ArgumentMap

SVG = "{http://www.w3.org/2000/svg}"


def rich_map():
    """A map with every kind, both relations, a rebuttal, a co-premise group, a cross-link and
    citations."""
    m = ArgumentMap("Should police get warrant-based access to encrypted data?")
    m.documents["d1"] = {
        "id": "d1",
        "title": "The Hill (2015)",
        "text": "Encryption hinders police.",
    }
    claim = m.add_node(
        "claim", "Police should get warrant-based access to encrypted data", speaker="IACP"
    )
    support = m.add_node(
        "claim",
        "Strong encryption is hindering lawful investigations",
        speaker="IACP",
        sources=[{"doc": "d1", "start": 0, "end": 26, "quote": "Encryption hinders police."}],
    )
    objection = m.add_node(
        "counterclaim", "Any backdoor will be exploited by criminals", speaker="ITI"
    )
    rebuttal = m.add_node(
        "claim", "Access can be limited to holders of a court warrant", speaker="FBI"
    )
    ev1 = m.add_node(
        "evidence",
        "Paris attackers are believed to have used encrypted apps",
        basis="example",
        citation="The Hill, 17 Nov 2015",
    )
    ev2 = m.add_node(
        "evidence",
        "111 iPhones could not be opened in one year",
        basis="statistic",
        sources=[{"doc": "d1", "start": 0, "end": 10, "quote": "Encryption"}],
    )
    p1 = m.add_node("claim", "Key escrow systems have failed before", speaker="Schneier")
    p2 = m.add_node("claim", "Every access path enlarges the attack surface", speaker="Schneier")
    obj2 = m.add_node("counterclaim", "Criminals will switch to other apps", speaker="EFF")
    m.connect(support, claim, "supports")
    m.connect(objection, claim, "opposes")
    m.connect(obj2, claim, "opposes")
    m.connect(rebuttal, objection, "opposes")
    m.connect(ev1, support, "supports")
    m.connect(ev2, support, "supports")
    m.connect(p1, objection, "supports", group="g1")
    m.connect(p2, objection, "supports", group="g1")
    m.connect(ev2, obj2, "opposes")
    return m


def fan_map(count, text="A premise of moderate length that wraps onto two lines"):
    """A main claim with *count* supporting claims side by side: a very wide map."""
    m = ArgumentMap("Wide")
    root = m.add_node("claim", "The main claim")
    for i in range(count):
        m.connect(m.add_node("claim", f"{text} {i}"), root, "supports")
    return m


def svg_node_texts(svg_bytes):
    """Return ``{dot node id: [text of each <text> element]}`` from Graphviz SVG output."""
    root = ET.fromstring(svg_bytes)
    found = {}
    for group in root.iter(SVG + "g"):
        if group.get("class") != "node":
            continue
        name = group.find(SVG + "title").text
        found[name] = [t.text or "" for t in group.iter(SVG + "text")]
    return found


def squeeze(text):
    """Drop all whitespace (line wrapping moves it), keep every other character."""
    return "".join(text.split())


def graphviz_json(dot_text):
    """Lay out DOT with the real Graphviz and return its JSON (every attribute it read)."""
    out = subprocess.run(
        ["dot", "-Tjson0"], input=dot_text.encode(), capture_output=True, check=True, timeout=60
    ).stdout
    return json.loads(out)
