"""to_pydot draws the same picture as argmap's DOT export, from the same escaped parts."""

import os
import shutil
import subprocess

import pytest
from render_helpers import rich_map
from test_hostile import HOSTILE, OPTIONS, _hostile_map

from argmap import resources
from argmap.errors import RenderError
from argmap.formats import native
from argmap.outputs.export import evaluated, export_bytes
from argmap.render import to_pydot
from argmap.render.options import ExportOptions

MAPS = sorted(resources.path("maps", f.name) for f in resources.resource("maps").iterdir())

pytestmark = pytest.mark.graphviz


def _canon(text):
    if shutil.which("dot") is None:
        pytest.skip("Graphviz's dot is not installed (CI installs it)")
    return subprocess.run(
        ["dot", "-Tcanon"], input=text.encode("utf-8"), capture_output=True, check=True, timeout=60
    ).stdout


def _same_drawing(amap, **options):
    """pydot draws the fresh layout; argmap's DOT of the same is compared."""
    ours = export_bytes(amap, ExportOptions(fmt="dot", layout="auto", **options)).decode("utf-8")
    theirs = to_pydot(amap, evaluated(amap, ExportOptions(**options))).to_string()
    assert _canon(theirs) == _canon(ours)


@pytest.mark.parametrize("path", MAPS, ids=os.path.basename)
def test_shipped_maps_draw_the_same(path):
    """On every shipped map, pydot's DOT and argmap's DOT are the same graph to Graphviz."""
    _same_drawing(native.load(path))


@pytest.mark.parametrize(
    "options",
    [
        dict(direction="LR", legend=False),
        dict(color_by="evaluation", headers=False),
        dict(title=""),
    ],
)
def test_options_draw_the_same(options):
    """Direction, legend, colouring, headers and title give the same drawing either way."""
    _same_drawing(rich_map(), **options)


def test_colouring_by_evaluation_needs_the_labels():
    """pydot's drawing takes its evaluation colours from the options, and says so when they
    name none."""
    with pytest.raises(RenderError, match="needs the labels.*grounded_labels"):
        to_pydot(rich_map(), ExportOptions(color_by="evaluation"))


def test_hostile_labels_draw_the_same():
    """Hostile texts give the same (escaped) drawing through pydot."""
    _same_drawing(_hostile_map(), **OPTIONS)


def test_no_user_text_as_id_or_raw_attribute():
    """Node names are generated; user text appears only inside escaped HTML-like labels."""
    graph = to_pydot(_hostile_map(), ExportOptions(**OPTIONS))
    names = [n.get_name() for n in graph.get_nodes()]
    assert all(n in ("node", "edge", "graph") or n[0] in "nj" and n[1:].isdigit() for n in names)
    text = graph.to_string()
    assert 'image="/etc/hosts"' not in text and "<b>bold</b>" not in text
    assert "&lt;b&gt;bold&lt;/b&gt;" in text and HOSTILE[2] not in text
