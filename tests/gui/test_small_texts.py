"""Small texts of the editor: counts in the status bar."""

from argmap.formats import native
from argmap.model import ArgumentMap


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
