"""One entry point for every format, and ``argmap convert``."""

import pytest
from interchange_helpers import canonical, ext_file

from argmap import cli, resources
from argmap.errors import FormatError
from argmap.formats import cannot_hold, format_of, load_any, native, save_any

EXAMPLE = resources.path(*resources.SEEDED_MAP)
BOOKKEEPING = ("argdown", "aif")


@pytest.mark.parametrize(
    "suffix, fmt",
    [
        (".argdown", "argdown"),
        (".ad", "argdown"),
        (".json", "aif"),
        (".graphml", "graphml"),
        (".txt", "kialo"),
        (".argmap", "argmap"),
    ],
)
def test_format_from_suffix(suffix, fmt):
    """Each suffix names its format."""
    assert format_of("map" + suffix.upper()) == fmt


def test_unknown_suffix_and_format_fail_clearly():
    """An unknown suffix or format name is a FormatError naming the choices."""
    with pytest.raises(FormatError, match=".argdown"):
        format_of("map.docx")
    with pytest.raises(FormatError, match="unknown format"):
        format_of("map.json", "yaml")


@pytest.mark.parametrize(
    "fmt, suffix",
    [
        ("argdown", ".argdown"),
        ("aif", ".json"),
        ("xaif", ".json"),
        ("graphml", ".graphml"),
        ("argmap", ".argmap"),
    ],
)
def test_save_any_then_load_any(tmp_path, fmt, suffix):
    """Saving in a format and loading it back gives the same map."""
    amap = native.load(EXAMPLE)
    path = tmp_path / ("map" + suffix)
    save_any(amap, path, fmt)
    again, _ = load_any(path, "aif" if fmt == "xaif" else None)
    assert canonical(again, BOOKKEEPING) == canonical(amap, BOOKKEEPING)


def test_cannot_hold_per_format():
    """Argdown and Kialo report losses for the shipped map; GraphML and argmap none."""
    amap = native.load(EXAMPLE)
    assert cannot_hold(amap, "graphml") == [] and cannot_hold(amap, "argmap") == []
    assert any("source" in m for m in cannot_hold(amap, "argdown"))
    assert any("evidence" in m for m in cannot_hold(amap, "kialo"))


def test_convert_command(tmp_path, capsys):
    """argmap convert reads Argdown and writes AIF; --to overrides the suffix."""
    source = ext_file("argdown", "examples", "argdown-primer.argdown")
    out = tmp_path / "primer.json"
    assert cli.main(["convert", source, str(out)]) == 0
    assert "21 nodes" in capsys.readouterr().out
    again, _ = load_any(out)
    assert len(again) == 21
    graph = tmp_path / "primer.data"
    assert cli.main(["convert", str(out), str(graph), "--from", "aif", "--to", "graphml"]) == 0
    assert load_any(graph, "graphml")[0].graph.number_of_edges() == again.graph.number_of_edges()


def test_convert_reports_bad_input(tmp_path, capsys):
    """A broken file exits 1 with the file and place on stderr."""
    bad = tmp_path / "bad.json"
    bad.write_text('{"nodes": [{"type": "I"}]}')
    assert cli.main(["convert", str(bad), str(tmp_path / "x.argdown")]) == 1
    assert "$.nodes[0].nodeID" in capsys.readouterr().err


def test_argmap_json_saved_as_json_still_loads(tmp_path):
    """A native map saved with a .json suffix is recognised, not misread as AIF."""
    path = tmp_path / "map.json"
    path.write_text(native.dumps(native.load(EXAMPLE)), encoding="utf-8")
    amap, warnings = load_any(path)
    assert warnings == [] and canonical(amap) == canonical(native.load(EXAMPLE))
