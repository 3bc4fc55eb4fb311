"""Exporting files: formats, determinism, large maps and the command line."""

import time

import pytest
from render_helpers import fan_map, rich_map

from argmap import cli
from argmap.errors import RenderError
from argmap.formats import native
from argmap.outputs.export import export_bytes, export_file
from argmap.render.drawing import MAX_PIXELS_SIDE, MIN_LEGIBLE_DPI, choose_dpi
from argmap.render.options import ExportOptions, infer_format

MAGIC = {"png": b"\x89PNG\r\n\x1a\n", "pdf": b"%PDF-", "dot": b"digraph argmap {"}


@pytest.mark.graphviz
@pytest.mark.parametrize("fmt", ["png", "svg", "pdf", "dot"])
def test_export_each_format(tmp_path, fmt):
    """Each suffix gives its format, a summary, and no warnings for a small map."""
    out = tmp_path / f"map.{fmt}"
    result = export_file(rich_map(), out, ExportOptions())
    data = out.read_bytes()
    if fmt == "svg":
        assert b"<svg" in data[:1000]
    else:
        assert data.startswith(MAGIC[fmt])
    assert result.summary.startswith(fmt + ", ") and result.warnings == []


def test_unknown_suffix_is_refused(tmp_path):
    """A suffix that names no format raises RenderError before anything is written."""
    with pytest.raises(RenderError, match="suffix"):
        export_file(rich_map(), tmp_path / "map.jpg", ExportOptions())
    assert infer_format("x.JPG", "pdf") == "pdf" and infer_format("x.GV") == "dot"
    assert list(tmp_path.iterdir()) == []


@pytest.mark.graphviz
def test_png_summary_matches_the_image(tmp_path):
    """The summary's pixel size and dpi are those of the written PNG."""
    result = export_file(rich_map(), tmp_path / "m.png", ExportOptions(dpi=150))
    data = (tmp_path / "m.png").read_bytes()
    width, height = int.from_bytes(data[16:20], "big"), int.from_bytes(data[20:24], "big")
    assert result.summary == f"png, {width}x{height} px, 150 dpi"
    small = export_file(rich_map(), tmp_path / "s.png", ExportOptions(dpi=75))
    assert abs(small.width / width - 75 / 150) < 0.02


@pytest.mark.graphviz
@pytest.mark.parametrize("fmt", ["png", "svg", "pdf", "dot"])
def test_same_map_same_bytes(fmt):
    """Two exports a second apart are byte-identical (no timestamps)."""
    first = export_bytes(rich_map(), ExportOptions(fmt=fmt))
    time.sleep(1.05 if fmt == "pdf" else 0)
    assert export_bytes(rich_map(), ExportOptions(fmt=fmt)) == first


@pytest.mark.graphviz
def test_root_draws_a_subtree():
    """--root keeps the node and what bears on it, nothing else."""
    svg = export_bytes(rich_map(), ExportOptions(fmt="svg", root="n3", legend=False))
    assert b"Key escrow" in svg and b"court warrant" in svg
    assert b"Paris attackers" not in svg and b"Police should" not in svg
    with pytest.raises(RenderError, match="no node"):
        export_bytes(rich_map(), ExportOptions(fmt="svg", root="nope"))


@pytest.mark.graphviz
def test_colour_by_evaluation_uses_grounded_labels():
    """Without given labels the rebutted objection is drawn as defeated."""
    dot = export_bytes(rich_map(), ExportOptions(fmt="dot", color_by="evaluation")).decode()
    line = next(
        dot_line for dot_line in dot.splitlines() if dot_line.startswith("n2 [")
    )  # n3, the objection
    assert 'fillcolor="#F7D4D4"' in line
    with pytest.raises(RenderError, match="evaluation label"):
        export_bytes(
            rich_map(), ExportOptions(fmt="dot", color_by="evaluation", labels={"n1": "maybe"})
        )


def test_choose_dpi():
    """Small maps keep the dpi; wide ones get a lower dpi with a warning; huge ones fail."""
    assert choose_dpi(1000, 800) == (96, [])
    assert choose_dpi(1000, 800, 300) == (300, [])
    dpi, warnings = choose_dpi(30000, 500)
    assert MIN_LEGIBLE_DPI <= dpi < 96 and 30000 * dpi / 72 <= MAX_PIXELS_SIDE
    assert "SVG" in warnings[0] and "--root" in warnings[0]
    with pytest.raises(RenderError, match="too large.*SVG or PDF.*--root"):
        choose_dpi(60000, 500)
    with pytest.raises(RenderError, match="dpi"):
        choose_dpi(10, 10, 0)


@pytest.mark.graphviz
def test_wide_map_png_is_lowered_not_shrunk(tmp_path):
    """A map too wide for 96 dpi comes out at a legible dpi, full size, with a warning."""
    result = export_file(fan_map(130), tmp_path / "wide.png", ExportOptions())
    assert result.warnings and MIN_LEGIBLE_DPI <= result.dpi < 96
    assert 20000 < result.width <= MAX_PIXELS_SIDE
    svg = export_file(fan_map(130), tmp_path / "wide.svg", ExportOptions())
    expected = svg.width * result.dpi / 72  # what the layout needs at that dpi
    assert abs(result.width - expected) / expected < 0.02


@pytest.mark.graphviz
def test_too_wide_map_png_fails_and_names_the_ways_out(tmp_path):
    """A map no readable PNG can hold raises RenderError and writes nothing."""
    with pytest.raises(RenderError, match="SVG or PDF"):
        export_file(fan_map(320), tmp_path / "huge.png", ExportOptions())
    assert not (tmp_path / "huge.png").exists()


@pytest.mark.graphviz
def test_cli_export(tmp_path, capsys):
    """argmap export writes the file and exits 0; a bad suffix or root exits 1."""
    src = tmp_path / "m.argmap"
    native.save(rich_map(), src)
    out = tmp_path / "m.png"
    assert cli.main(["export", str(src), "-o", str(out), "--direction", "LR"]) == 0
    assert out.read_bytes().startswith(MAGIC["png"])
    assert "png, " in capsys.readouterr().out
    assert cli.main(["export", str(src), "-o", str(tmp_path / "m.bmp")]) == 1
    assert cli.main(["export", str(src), "-o", str(tmp_path / "x.svg"), "--root", "zz"]) == 1
    assert "no node 'zz'" in capsys.readouterr().err
    assert (
        cli.main(
            [
                "export",
                str(src),
                "-o",
                str(tmp_path / "e.svg"),
                "--no-legend",
                "--color-by",
                "evaluation",
            ]
        )
        == 0
    )
