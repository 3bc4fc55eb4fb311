"""The command line in a terminal: escaped text, quiet pipes and Ctrl+C, signals that stop dot."""

import json
import os
import random
import signal
import subprocess
import sys
import time

import pytest

from argmap import cli
from argmap.formats import save_map
from argmap.model import ArgumentMap
from argmap.terminal import SafeWriter, run_quietly, shown

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
HOSTILE = "Title\x1b]0;pwned\x07\x1b[2J\rfake\u202eevil\nline"


def _cli(*argv, **kwargs):
    return subprocess.Popen(
        [sys.executable, "main.py", *map(str, argv)],
        cwd=REPO,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        **kwargs,
    )


def test_shown_escapes_every_control_character():
    """Escape sequences, carriage returns, newlines and bidi overrides become visible text."""
    text = shown(HOSTILE)
    assert text == "Title\\x1b]0;pwned\\x07\\x1b[2J\\rfake\\u202eevil\\nline"
    assert text.isprintable()


def test_info_shows_hostile_text_escaped(tmp_path, capsys):
    """`info` prints a title and texts full of escape sequences as harmless escapes."""
    amap = ArgumentMap(HOSTILE)
    amap.add_node("claim", HOSTILE)
    save_map(amap, tmp_path / "m.argmap")
    assert cli.main(["info", str(tmp_path / "m.argmap")]) == 0
    out = capsys.readouterr().out
    assert "\x1b" not in out and "\r" not in out and "\u202e" not in out and "\x07" not in out
    assert "title: Title\\x1b]0;pwned\\x07" in out and "fake\\u202eevil\\nline" in out
    assert len(out.splitlines()) == 6


def test_errors_show_hostile_text_escaped(tmp_path, capsys):
    """An error naming a file with escape sequences in its name shows them escaped, one line."""
    bad = tmp_path / "m\x1b[2J\x07.argmap"
    bad.write_text("{")
    assert cli.main(["validate", str(bad)]) == 1
    err = capsys.readouterr().err
    assert "\x1b" not in err and "\x07" not in err and "m\\x1b[2J\\x07.argmap" in err
    assert err.count("\n") == 1


def test_safe_writer_keeps_newlines_and_tabs():
    """Any other output written by a command has controls escaped, lines and tabs kept."""
    import io

    sink = io.StringIO()
    SafeWriter(sink).write("a\tb\n\x1b[31mred\n")
    assert sink.getvalue() == "a\tb\n\\x1b[31mred\n"


def test_run_quietly_turns_broken_pipe_and_ctrl_c_into_exit_codes():
    """BrokenPipeError gives 141 and KeyboardInterrupt 130, without a traceback."""
    import io

    def broken():
        raise BrokenPipeError

    def interrupted():
        raise KeyboardInterrupt

    assert run_quietly(broken, io.StringIO()) == 141
    assert run_quietly(interrupted, io.StringIO()) == 130
    assert run_quietly(lambda: 0, io.StringIO()) == 0


def _many_main_claims(path, count=20000):
    amap = ArgumentMap.from_records(
        [{"id": f"n{i}", "kind": "claim", "text": f"claim {i}"} for i in range(count)]
    )
    save_map(amap, path)


def test_closed_pipe_ends_quietly_with_141(tmp_path):
    """`argmap info FILE | head -1`: exit 141 and nothing on stderr."""
    path = tmp_path / "m.argmap"
    _many_main_claims(path)
    proc = _cli("info", path)
    proc.stdout.readline()
    proc.stdout.close()
    err = proc.stderr.read()
    assert proc.wait(60) == 141
    assert err == b""


def _big_map(path, count=9000):
    """A map large enough that Graphviz needs several seconds."""
    rng = random.Random(1)
    nodes = [{"id": "n0", "kind": "claim", "text": "Main claim"}]
    edges = []
    for i in range(1, count):
        nodes.append(
            {
                "id": f"n{i}",
                "kind": "evidence" if i % 3 else "counterclaim",
                "text": f"Node {i} with several words to make the card wider",
            }
        )
        edges.append(
            {
                "source": f"n{i}",
                "target": f"n{rng.randrange(max(0, i - 30), i)}",
                "relation": "supports" if i % 3 else "opposes",
            }
        )
    path.write_text(json.dumps({"format": "argmap", "version": 1, "nodes": nodes, "edges": edges}))


def _graphviz_child(pid, wait=60.0):
    """Return the pid of a dot or neato started by *pid*, waiting for it to appear."""
    end = time.monotonic() + wait
    while time.monotonic() < end:
        for entry in os.listdir("/proc"):
            if entry.isdigit() and _parent_and_name(entry) in ((pid, "dot"), (pid, "neato")):
                return int(entry)
        time.sleep(0.05)
    raise AssertionError("Graphviz never started")


def _parent_and_name(entry):
    try:
        with open(f"/proc/{entry}/stat") as handle:
            stat = handle.read()
    except OSError:
        return None
    name = stat[stat.index("(") + 1 : stat.rindex(")")]
    return int(stat[stat.rindex(")") + 2 :].split()[1]), name


def _running(pid):
    try:
        with open(f"/proc/{pid}/stat") as handle:
            return not handle.read().split(") ")[1].startswith("Z")
    except FileNotFoundError:
        return False


@pytest.fixture(scope="module")
def big_map(tmp_path_factory):
    """A 9,000-node map file."""
    path = tmp_path_factory.mktemp("big") / "big.argmap"
    _big_map(path)
    return path


@pytest.mark.graphviz
@pytest.mark.skipif(not os.path.isdir("/proc"), reason="finds the child through /proc")
@pytest.mark.parametrize(
    "sig, code",
    [(signal.SIGTERM, 143), (signal.SIGHUP, 129), (signal.SIGINT, 130)],
    ids=["SIGTERM", "SIGHUP", "SIGINT"],
)
def test_signal_during_export_stops_dot_too(tmp_path, big_map, sig, code):
    """SIGTERM, SIGHUP or Ctrl+C during an export end argmap and its dot, leaving no file."""
    out = tmp_path / "big.svg"
    proc = _cli("export", big_map, "-o", out)
    child = _graphviz_child(proc.pid)
    proc.send_signal(sig)
    _, err = proc.communicate(timeout=30)
    assert proc.returncode == code
    assert b"Traceback" not in err
    end = time.monotonic() + 5
    while _running(child) and time.monotonic() < end:
        time.sleep(0.05)
    assert not _running(child)
    assert os.listdir(tmp_path) == []


def test_signal_handlers_are_restored_after_main(tmp_path):
    """Running the CLI in-process leaves the caller's signal handlers as they were."""
    before = signal.getsignal(signal.SIGTERM), signal.getsignal(signal.SIGHUP)
    cli.main(["new", str(tmp_path / "m.argmap"), "--claim", "C"])
    assert (signal.getsignal(signal.SIGTERM), signal.getsignal(signal.SIGHUP)) == before
