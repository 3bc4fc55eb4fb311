"""Every command that reads a map reads every format the editor opens, and says on stderr
what the reader could not keep."""

import os

import pytest

from argmap.cli import main
from argmap.formats import load_any

DATA = os.path.join(os.path.dirname(os.path.abspath(__file__)), "data", "ext")
#: An Argdown debate and an AIFdb nodeset (tests/data/ext/README.md), as the editor opens
#: them; the AIF reader drops the locutions and transitions argmap cannot show, and says so.
FILES = {
    "argdown": os.path.join(DATA, "argdown", "core-test", "veggie_debate.argdown"),
    "aif": os.path.join(DATA, "aif", "aifdb-6064.json"),
}


def _run(capsys, *argv):
    code = main(list(argv))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def _commands(tmp_path):
    """Each command that reads a map, with its arguments after the file and a piece of
    what it prints when it succeeds."""
    return {
        "info": ((), "main claim"),
        "validate": ((), ": valid ("),
        "check": ((), "weak spot"),
        "evaluate": ((), "grounded labels:"),
        "brief": (("-o", str(tmp_path / "brief.md"), "--no-picture"), "wrote"),
        "export": (("-o", str(tmp_path / "map.dot")), "wrote"),
    }


@pytest.mark.parametrize("fmt", sorted(FILES))
@pytest.mark.parametrize("command", ["info", "validate", "check", "evaluate", "brief", "export"])
def test_commands_read_argdown_and_aif(capsys, tmp_path, command, fmt):
    """info, validate, check, evaluate, brief and export read an Argdown file and an AIF
    file as the editor does, the reader's warnings on stderr."""
    path = FILES[fmt]
    _, warnings = load_any(path)
    assert bool(warnings) == (fmt == "aif")
    rest, shown = _commands(tmp_path)[command]
    code, out, err = _run(capsys, command, path, *rest)
    assert code == 0, err
    assert shown in out
    assert err == "".join(f"warning: {warning}\n" for warning in warnings)


def test_a_file_of_no_known_format_is_read_as_argmap(capsys, tmp_path, small_map):
    """As in the editor, a file whose suffix names no format is read as an argmap file."""
    from argmap.formats import native

    path = tmp_path / "backdoors.map"
    native.save(small_map, path)
    code, out, err = _run(capsys, "info", str(path))
    assert (code, err) == (0, "")
    assert "nodes: 5 (" in out


def test_a_broken_argdown_file_is_refused_by_the_argdown_reader(capsys, tmp_path):
    """An Argdown file the Argdown reader refuses gives exit 1 and that reader's message,
    naming the file (not a complaint about JSON)."""
    path = tmp_path / "broken.argdown"
    path.write_text("[A]: a claim\n\n[B]: b\x00 claim\n")
    code, out, err = _run(capsys, "check", str(path))
    assert code == 1 and out == ""
    assert err == f"argmap check: {path}: line 3 column 7: the text holds a NUL character\n"
