"""Export output checks: only regular files are replaced; odd labels and layouts are handled."""

import os
import subprocess
import sys

import pytest
from render_helpers import rich_map

from argmap.errors import RenderError, SaveError
from argmap.model import ArgumentMap
from argmap.outputs.export import export_file
from argmap.render.drawing import layout_size
from argmap.render.options import ExportOptions
from argmap.render.text import escape_html

REPO = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))


@pytest.mark.parametrize(
    "make",
    [os.mkfifo, os.mkdir, lambda p: os.symlink("/dev/null", p)],
    ids=["fifo", "folder", "device"],
)
def test_export_refuses_anything_but_a_regular_file(tmp_path, make):
    """A FIFO, a folder or a device at the output path is left alone, with a clear error."""
    out = tmp_path / "map.svg"
    make(out)
    with pytest.raises(SaveError, match="not a regular file|a folder has that name"):
        export_file(rich_map(), out, ExportOptions(fmt="dot"))
    assert not out.is_file() and os.listdir(tmp_path) == ["map.svg"]


def test_output_is_checked_before_drawing(tmp_path, monkeypatch):
    """A FIFO at the output path is refused before Graphviz runs (no wasted minutes)."""
    from argmap.outputs import export

    def never(*args):
        raise AssertionError("drew before checking the output")

    monkeypatch.setattr(export, "render", never)
    os.mkfifo(tmp_path / "map.png")
    with pytest.raises(SaveError, match="not a regular file"):
        export_file(rich_map(), tmp_path / "map.png", ExportOptions())


def test_export_onto_a_fifo_from_the_cli_fails_without_blocking(tmp_path):
    """`export -o FIFO` exits 1 at once with the reason, and the FIFO stays a FIFO."""
    source = tmp_path / "m.argmap"
    subprocess.run(
        [sys.executable, "main.py", "new", str(source), "--claim", "C"],
        cwd=REPO,
        check=True,
        capture_output=True,
        timeout=60,
    )
    fifo = tmp_path / "out.svg"
    os.mkfifo(fifo)
    result = subprocess.run(
        [sys.executable, "main.py", "export", str(source), "-o", str(fifo)],
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 1 and "not a regular file" in result.stderr
    assert not fifo.is_file() and fifo.exists()


@pytest.mark.parametrize("text", ["]", "]]", "a]]>b", "[x]"])
def test_square_brackets_are_escaped(text):
    """Every ']' becomes a character reference, which Graphviz's label parser accepts."""
    assert "]" not in escape_html(text)


@pytest.mark.graphviz
def test_new_with_a_bracket_claim_then_export_works(tmp_path):
    """`argmap new --claim "]"` then `export` to SVG draws the bracket."""
    path = tmp_path / "m.argmap"
    for argv in (
        ["new", str(path), "--claim", "]", "--title", "]]"],
        ["export", str(path), "-o", str(tmp_path / "m.svg")],
    ):
        result = subprocess.run(
            [sys.executable, "main.py", *argv], cwd=REPO, capture_output=True, text=True, timeout=60
        )
        assert result.returncode == 0, result.stderr
    assert b">]</text>" in (tmp_path / "m.svg").read_bytes()


@pytest.mark.graphviz
def test_bracket_texts_draw_as_png():
    """A map whose every text is a bracket draws as PNG too."""
    amap = ArgumentMap("]")
    claim = amap.add_node("claim", "]", speaker="]]")
    amap.connect(amap.add_node("evidence", "]]", citation="]", basis="quote"), claim, "supports")
    from argmap.outputs.export import export_bytes

    assert export_bytes(amap, ExportOptions(fmt="png")).startswith(b"\x89PNG")


@pytest.mark.parametrize(
    "bb, size",
    [
        (b'bb="0,0,4.9117e+05,762"', (491170.0, 762.0)),
        (b'bb="0,0,720,360"', (720.0, 360.0)),
        (b'bb="-10.5,-2,1E3,8"', (1010.5, 10.0)),
    ],
)
def test_layout_size_reads_exponents(bb, size):
    """Bounding boxes with exponents are read as the numbers they are."""
    assert layout_size(b"digraph { graph [" + bb + b"]; }") == size


@pytest.mark.parametrize("bb", [b'bb="0,0,x,1"', b'bb="0,0,1"', b'bb="0,0,1e999,1"'])
def test_layout_size_refuses_nonsense(bb):
    """A bounding box that is not four finite numbers is a RenderError."""
    with pytest.raises(RenderError, match="bounding box"):
        layout_size(b"digraph { graph [" + bb + b"]; }")
