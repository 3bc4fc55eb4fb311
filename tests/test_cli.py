"""The command line: info, validate and new, their exit codes and messages."""

import json
import os
import subprocess
import sys

import pytest

from argmap.cli import COMMANDS, main
from argmap.formats import load_map, save_map

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def run(capsys, *argv):
    """Run the CLI in-process; return (exit code, stdout, stderr)."""
    code = main(list(argv))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


@pytest.fixture
def map_file(tmp_path, small_map):
    """The shared small map saved as a file."""
    path = tmp_path / "backdoors.argmap"
    save_map(small_map, path)
    return path


def test_info_shows_counts_main_claims_and_problems(capsys, map_file):
    """info lists nodes by kind, edges by relation, the main claim and no problems."""
    code, out, err = run(capsys, "info", str(map_file))
    assert code == 0 and err == ""
    lines = out.splitlines()
    assert lines[0] == "title: Should police get warrant-based access to encrypted data?"
    assert "nodes: 5 (claim 3, counterclaim 1, evidence 1)" in lines
    assert "edges: 4 (supports 2, opposes 2)" in lines
    assert "documents: 1" in lines
    assert "main claim n1: Police should get warrant-based access to encrypted data" in lines
    assert lines[-1] == "problems: 0"


def test_info_reports_problems(capsys, tmp_path):
    """info lists cycles and orphans of a map that has them."""
    data = {
        "format": "argmap",
        "version": 1,
        "nodes": [
            {"id": "a", "kind": "claim", "text": "A"},
            {"id": "b", "kind": "claim", "text": "B"},
            {"id": "e", "kind": "evidence", "text": "stray"},
        ],
        "edges": [
            {"source": "a", "target": "b", "relation": "supports"},
            {"source": "b", "target": "a", "relation": "opposes"},
        ],
    }
    path = tmp_path / "cycle.argmap"
    path.write_text(json.dumps(data))
    code, out, _ = run(capsys, "info", str(path))
    assert code == 0
    assert "title: (untitled)" in out
    assert "problems: 2" in out
    assert "  e bears on nothing" in out.splitlines()
    cycles = [line for line in out.splitlines() if line.startswith("  cycle: ")]
    assert cycles in (["  cycle: a -> b -> a"], ["  cycle: b -> a -> b"])


def test_validate_valid_file(capsys, map_file):
    """validate exits 0 and says the file is valid."""
    code, out, err = run(capsys, "validate", str(map_file))
    assert (code, err) == (0, "")
    assert out == f"{map_file}: valid (5 nodes, 4 edges)\n"


BROKEN = {
    "empty": (b"", "not valid JSON"),
    "not json": (b"nodes: []", "not valid JSON"),
    "a list": (b"[]", "expected a JSON object"),
    "bad utf8": (
        b'{"format": "argmap", "version": 1, "nodes": [], "edges": [], "x": "\xff"}',
        "not UTF-8",
    ),
    "newer": (b'{"format": "argmap", "version": 9, "nodes": [], "edges": []}', "newer argmap"),
    "NaN": (b'{"format": "argmap", "version": 1, "nodes": [], "edges": [], "x": NaN}', "NaN"),
    "duplicate keys": (
        b'{"format": "argmap", "version": 1, "version": 1, "nodes": [], "edges": []}',
        "duplicate key",
    ),
    "deep": (
        b'{"format": "argmap", "version": 1, "nodes": [], "edges": [], "x": '
        + b"[" * 100000
        + b"]" * 100000
        + b"}",
        "nested too deeply",
    ),
    "unknown kind": (
        b'{"format": "argmap", "version": 1, "nodes": [{"id": "a", "kind": "x", '
        b'"text": "t"}], "edges": []}',
        "$.nodes[0].kind",
    ),
    "dangling": (
        b'{"format": "argmap", "version": 1, "nodes": [{"id": "a", "kind": "claim", '
        b'"text": "t"}], "edges": [{"source": "b", "target": "a", '
        b'"relation": "supports"}]}',
        "$.edges[0]",
    ),
    "bad span": (
        b'{"format": "argmap", "version": 1, "documents": [{"id": "d", "text": "abc"}], '
        b'"nodes": [{"id": "a", "kind": "claim", "text": "t", "sources": [{"doc": "d", '
        b'"start": 0, "end": 2, "quote": "xy"}]}], "edges": []}',
        "does not match",
    ),
    "duplicate ids": (
        b'{"format": "argmap", "version": 1, "nodes": [{"id": "a", "kind": '
        b'"claim", "text": "t"}, {"id": "a", "kind": "claim", "text": "u"}], '
        b'"edges": []}',
        "$.nodes[1]",
    ),
    "multi-line text in a bad value": (
        b'{"format": "argmap", "version": 1, "nodes": [{"id": '
        b'"a", "kind": "claim\\nnot", "text": "t"}], "edges": []}',
        "$.nodes[0].kind",
    ),
}


@pytest.mark.parametrize("content,words", list(BROKEN.values()), ids=list(BROKEN))
def test_validate_broken_file_exits_1_with_one_line(capsys, tmp_path, content, words):
    """validate exits 1 and prints exactly one line naming the file and the reason."""
    path = tmp_path / "broken.argmap"
    path.write_bytes(content)
    code, out, err = run(capsys, "validate", str(path))
    assert code == 1 and out == ""
    assert err.count("\n") == 1 and err.endswith("\n")
    assert err.startswith(f"argmap validate: {path}: ")
    assert words in err


def test_validate_missing_file(capsys, tmp_path):
    """validate of a file that is not there exits 1 and says so."""
    code, _, err = run(capsys, "validate", str(tmp_path / "none.argmap"))
    assert code == 1 and "no such file" in err


def test_new_creates_a_map_with_one_claim(capsys, tmp_path):
    """new writes a valid map holding one main claim, titled by the claim."""
    path = tmp_path / "new.argmap"
    code, out, _ = run(capsys, "new", str(path), "--claim", "Encryption must stay strong")
    assert code == 0 and out == f"created {path}\n"
    amap = load_map(path)
    assert [a for _, a in amap.graph.nodes(data=True)] == [
        {"kind": "claim", "text": "Encryption must stay strong"}
    ]
    assert amap.title == "Encryption must stay strong"
    run(capsys, "new", str(tmp_path / "t.argmap"), "--claim", "C", "--title", "Debate")
    assert load_map(tmp_path / "t.argmap").title == "Debate"


def test_new_refuses_to_overwrite_without_force(capsys, map_file):
    """new leaves an existing file alone unless --force is given."""
    before = map_file.read_bytes()
    code, _, err = run(capsys, "new", str(map_file), "--claim", "Other")
    assert code == 1 and "already exists" in err and "--force" in err
    assert map_file.read_bytes() == before
    code, _, _ = run(capsys, "new", str(map_file), "--claim", "Other", "--force")
    assert code == 0
    assert load_map(map_file).node("n1")["text"] == "Other"
    assert (map_file.parent / (map_file.name + ".bak")).read_bytes() == before


def test_new_refuses_a_nul_claim(capsys, tmp_path):
    """A claim the model refuses is an error with exit 1, and no file is made."""
    code, _, err = run(capsys, "new", str(tmp_path / "x.argmap"), "--claim", "a\x00b")
    assert code == 1 and "NUL" in err
    assert not (tmp_path / "x.argmap").exists()


@pytest.mark.parametrize("command", [None] + sorted(COMMANDS))
def test_help_exits_0(capsys, command):
    """--help works for the program and for every subcommand."""
    argv = ["--help"] if command is None else [command, "--help"]
    with pytest.raises(SystemExit) as info:
        main(argv)
    assert info.value.code == 0
    assert "usage: argmap" in capsys.readouterr().out


def test_version(capsys):
    """--version prints the version and exits 0."""
    from argmap import __version__

    with pytest.raises(SystemExit) as info:
        main(["--version"])
    assert info.value.code == 0
    assert capsys.readouterr().out.strip() == f"argmap {__version__}"


@pytest.mark.parametrize(
    "argv",
    [
        [],
        ["frobnicate"],
        ["info"],
        ["validate", "a", "b"],
        ["new", "x.argmap"],
        ["info", "--bogus", "x"],
    ],
    ids=[
        "nothing",
        "unknown command",
        "no file",
        "two files",
        "new without claim",
        "unknown option",
    ],
)
def test_usage_errors_exit_2(capsys, argv):
    """Wrong usage exits 2 with a usage message on stderr."""
    with pytest.raises(SystemExit) as info:
        main(argv)
    assert info.value.code == 2
    assert "usage:" in capsys.readouterr().err


def _subprocess(*argv):
    return subprocess.run(
        list(argv),
        capture_output=True,
        text=True,
        cwd=REPO,
        timeout=60,
        env=dict(os.environ, PYTHONIOENCODING="utf-8"),
    )


def test_main_py_validate_as_a_real_process(map_file, tmp_path):
    """python main.py validate FILE gives exit 0 for a good file and 1 for a broken one."""
    good = _subprocess(sys.executable, "main.py", "validate", str(map_file))
    assert good.returncode == 0 and "valid (5 nodes, 4 edges)" in good.stdout
    broken = tmp_path / "broken.argmap"
    broken.write_text('{"format": "argmap", "version": 1, "nodes": {}, "edges": []}')
    bad = _subprocess(sys.executable, "main.py", "validate", str(broken))
    assert bad.returncode == 1 and bad.stdout == ""
    assert bad.stderr.splitlines() == [
        f"argmap validate: {broken}: $.nodes: expected array, found an object"
    ]


def test_installed_entry_point(map_file, tmp_path):
    """The installed argmap script runs validate, new and usage errors with the right codes."""
    script = os.path.join(os.path.dirname(sys.executable), "argmap")
    if not os.path.exists(script):
        pytest.skip("argmap is not installed in this environment")
    assert _subprocess(script, "validate", str(map_file)).returncode == 0
    made = tmp_path / "made.argmap"
    assert _subprocess(script, "new", str(made), "--claim", "Früh").returncode == 0
    assert load_map(made).node("n1")["text"] == "Früh"
    assert _subprocess(script, "new", str(made), "--claim", "again").returncode == 1
    assert _subprocess(script).returncode == 2


def _document(tmp_path):
    doc = tmp_path / "article.txt"
    doc.write_text("Encryption protects journalists. Therefore backdoors are dangerous.\n")
    return doc


def test_draft_refuses_to_overwrite_without_force(capsys, tmp_path):
    """`draft -o MAP` leaves an existing map (and its .bak) alone unless --force is given."""
    doc, out = _document(tmp_path), tmp_path / "m.argmap"
    assert main(["new", str(out), "--claim", "Hand-made"]) == 0
    before = out.read_bytes()
    assert main(["draft", str(doc), "-o", str(out)]) == 1
    assert "already exists (use --force" in capsys.readouterr().err
    assert out.read_bytes() == before and not (tmp_path / "m.argmap.bak").exists()
    assert main(["draft", str(doc), "-o", str(out), "--force"]) == 0
    assert main(["draft", str(doc), "-o", str(out), "--force"]) == 0
    assert (tmp_path / "m.argmap.bak").read_bytes() == before  # the second run kept it


def test_new_refuses_a_dangling_symlink_without_force(capsys, tmp_path):
    """A symbolic link in the way counts as an existing file."""
    link = tmp_path / "m.argmap"
    link.symlink_to(tmp_path / "elsewhere.argmap")
    assert main(["new", str(link), "--claim", "C"]) == 1
    assert "already exists" in capsys.readouterr().err
