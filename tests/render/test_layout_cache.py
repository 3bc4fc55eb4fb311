"""The Graphviz layout cache: reused when the DOT is the same, checked, bounded."""

import os

import pytest

from argmap.render import graphviz
from argmap.render.graphviz import cache_folder, run_graphviz_cached

pytestmark = pytest.mark.graphviz
DOT = 'digraph g { a [label="A"]; b [label="B"]; a -> b; }\n'


def _entries():
    found = []
    for root, _, names in os.walk(cache_folder()):
        found += [os.path.join(root, n) for n in names]
    return found


def test_the_folder_follows_xdg_cache_home(private_cache):
    assert cache_folder().startswith(str(private_cache) + os.sep + "argmap")


def test_a_second_run_reuses_the_first(monkeypatch):
    first = run_graphviz_cached(DOT, "dot")
    assert len(_entries()) == 1

    def no_graphviz(*args, **kwargs):
        raise AssertionError("Graphviz ran again")

    monkeypatch.setattr(graphviz, "run_graphviz", no_graphviz)
    assert run_graphviz_cached(DOT, "dot") == first


def test_other_dot_is_laid_out_afresh():
    run_graphviz_cached(DOT, "dot")
    run_graphviz_cached(DOT.replace('"B"', '"C"'), "dot")
    assert len(_entries()) == 2


def test_a_damaged_entry_is_not_trusted():
    good = run_graphviz_cached(DOT, "dot")
    (entry,) = _entries()
    with open(entry, "wb") as handle:
        handle.write(b"<html>not a layout</html>")
    assert run_graphviz_cached(DOT, "dot") == good
    with open(entry, "rb") as handle:
        assert handle.read() == good


def test_the_cache_is_bounded(monkeypatch):
    monkeypatch.setattr(graphviz, "CACHE_BYTES", 2000)
    for index in range(6):
        run_graphviz_cached(DOT.replace('"B"', f'"B{index}"'), "dot")
    sizes = [os.path.getsize(p) for p in _entries()]
    assert sum(sizes) <= 2000 and len(sizes) >= 1
