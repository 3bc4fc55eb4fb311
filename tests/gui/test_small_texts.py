"""Small texts of the editor: counts in the status bar, and a link's ends in the Inspector."""

import re

from argmap.formats import native
from argmap.model import ArgumentMap

LONG_CLAIM = (
    "Law enforcement should be guaranteed access to encrypted data whenever a court "
    "has issued a warrant for it"
)
LONG_REASON = (
    "Sophisticated encryption and other technical barriers increasingly keep law "
    "enforcement from lawfully reaching criminals"
)


def _saved(tmp_path, amap):
    path = tmp_path / "texts.argmap"
    native.save(amap, path)
    return path


def test_the_status_bar_counts_one_node_and_one_link(make_window, tmp_path):
    """A map of one card is '1 node · 0 links'; with a reason under it, '2 nodes · 1 link'."""
    amap = ArgumentMap("One")
    claim = amap.add_node("claim", "A single claim")
    window = make_window(_saved(tmp_path, amap))
    label = window.status.counts_label
    assert label.text() == "1 node · 0 links"
    window.document.add_child(claim, "support", "A reason for it")
    assert label.text() == "2 nodes · 1 link"


def _cut(text, shown):
    """Whether *shown* is *text* cut at a word boundary, ending in an ellipsis."""
    kept = shown[:-1]
    return shown.endswith("…") and text.startswith(kept) and text[len(kept)] == " "


def test_the_inspector_cuts_a_links_ends_at_a_word_with_an_ellipsis(make_window, tmp_path):
    """A selected link shows both ends' texts, each cut after a whole word and ending in
    '…', never in the middle of a word."""
    amap = ArgumentMap("Link")
    claim = amap.add_node("claim", LONG_CLAIM)
    reason = amap.add_node("claim", LONG_REASON)
    amap.connect(reason, claim, "supports")
    window = make_window(_saved(tmp_path, amap))
    window.selection.set(edges=[(reason, claim)])
    shown = re.fullmatch("“(.*)” supports “(.*)”", window.inspector.edge_label.text())
    assert shown is not None, window.inspector.edge_label.text()
    source, target = shown.groups()
    assert _cut(LONG_REASON, source) and len(source) <= 60
    assert _cut(LONG_CLAIM, target) and len(target) <= 60
