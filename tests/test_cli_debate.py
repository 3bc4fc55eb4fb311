"""The debate commands: evaluate (table and JSON), check (--strict) and brief (--force)."""

import json

import pytest

from argmap.cli import main
from argmap.formats import save_map
from argmap.model import ArgumentMap


@pytest.fixture
def seeded(shipped_map):
    """A copy of the seeded map."""
    return shipped_map()


def run(capsys, *argv):
    code = main(list(argv))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def test_evaluate_json_shape_and_labels(capsys, seeded):
    """--json prints exactly semantics and one entry per node with id, label and why."""
    code, out, _ = run(capsys, "evaluate", seeded, "--json")
    data = json.loads(out)
    assert code == 0 and set(data) == {"semantics", "nodes"} and data["semantics"] == "grounded"
    assert all(set(n) == {"id", "label", "why"} for n in data["nodes"])
    labels = {n["id"]: n["label"] for n in data["nodes"]}
    assert len(labels) == 23 and labels["n1"] == "out" and labels["n16"] == "in"
    assert set(labels.values()) <= {"in", "out", "undecided"}
    n1 = next(n for n in data["nodes"] if n["id"] == "n1")
    assert [w.split('"')[0] for w in n1["why"]] == ["attacked by n15 ", "attacked by n16 "]


def test_evaluate_table_and_preferred(capsys, seeded):
    """The table names each node, label and reason, then the strength figures."""
    code, out, _ = run(capsys, "evaluate", seeded, "--semantics", "preferred")
    lines = out.splitlines()
    assert code == 0 and lines[0] == "preferred labels: 18 in, 5 out, 0 undecided"
    assert lines[1].split()[:3] == ["n1", "out", "claim"]
    assert lines[-1].startswith("strength of n1: pro 3.00, con 1.00, balance 0.75")


def test_check_lists_weak_spots_and_strict_exits_1(capsys, tmp_path, seeded):
    """check exits 0 normally, 1 with --strict when something is found, 0 on a clean map."""
    code, out, _ = run(capsys, "check", seeded)
    assert code == 0 and "Objections with no answer (5)" in out
    assert out.splitlines()[-1].startswith("23 weak spots in ")
    assert run(capsys, "check", seeded, "--strict")[0] == 1
    clean = tmp_path / "clean.argmap"
    amap = ArgumentMap()
    claim = amap.add_node("claim", "Encryption protects speech")
    amap.connect(amap.add_node("evidence", "UN report", citation="UN 2017"), claim, "supports")
    save_map(amap, clean)
    code, out, _ = run(capsys, "check", str(clean), "--strict")
    assert code == 0 and out.strip().startswith("0 weak spots")


def test_brief_writes_and_refuses_to_overwrite(capsys, tmp_path, seeded):
    """brief writes the file; a second run fails without --force and succeeds with it."""
    path = tmp_path / "pro.md"
    code, out, _ = run(capsys, "brief", seeded, "--side", "pro", "-o", str(path), "--no-picture")
    assert code == 0 and out.strip() == f"wrote {path}"
    assert "## Pro (for the main claim)" in path.read_text()
    code, _, err = run(capsys, "brief", seeded, "--side", "con", "-o", str(path), "--no-picture")
    assert code == 1 and "already exists" in err and "Con (" not in path.read_text()
    code, _, _ = run(
        capsys, "brief", seeded, "--side", "con", "-o", str(path), "--no-picture", "--force"
    )
    assert code == 0 and "## Con (against the main claim)" in path.read_text()
    code, _, err = run(capsys, "brief", seeded, "-o", str(tmp_path / "x.pdf"))
    assert code == 1 and ".docx" in err
