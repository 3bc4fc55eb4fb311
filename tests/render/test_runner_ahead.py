"""Running Graphviz quickly: started while the map is read, wide pipes, an early sync."""

import io
import os

import pytest
from render_helpers import rich_map
from test_runner import _gone

from argmap import cli
from argmap.errors import GraphvizMissingError
from argmap.formats import native
from argmap.render import graphviz
from argmap.render.graphviz import run_graphviz, started_ahead

pytestmark = pytest.mark.graphviz


@pytest.fixture
def starts(monkeypatch):
    """Every Graphviz process argmap starts, in order."""
    started = []
    original = graphviz._started

    def recording(command):
        proc = original(command)
        started.append(proc)
        return proc

    monkeypatch.setattr(graphviz, "_started", recording)
    return started


def test_a_run_takes_the_graphviz_started_ahead(starts):
    """Within the block, the run of the same command uses the process started on entry."""
    with started_ahead("svg", ["-Gdpi=72"]):
        assert len(starts) == 1
        data = run_graphviz("digraph { a -> b }", "svg", ["-Gdpi=72"])
    assert b"<svg" in data
    assert len(starts) == 1
    assert starts[0].returncode == 0
    assert graphviz._AHEAD == {}


def test_a_graphviz_started_ahead_and_left_unused_is_stopped(starts):
    """A run of another command starts its own; the one started ahead is stopped on exit,
    its pipes closed, and it is no longer among the running ones."""
    with started_ahead("svg", ["-Gdpi=72"]):
        ahead = starts[0]
        assert ahead.poll() is None  # waiting for its DOT
        run_graphviz("digraph { a }", "svg")
    assert len(starts) == 2
    assert ahead.returncode is not None and _gone(ahead.pid)
    assert ahead.stdin.closed and ahead.stdout.closed and ahead.stderr.closed
    assert ahead not in graphviz._RUNNING and graphviz._AHEAD == {}


def test_nested_blocks_start_graphviz_once_and_stop_it(starts):
    with started_ahead("svg"):
        with started_ahead("svg"):
            pass
        assert len(starts) == 1 and starts[0].poll() is None  # the outer block's, waiting
    assert len(starts) == 1 and starts[0].returncode is not None and _gone(starts[0].pid)
    assert set() == graphviz._RUNNING and graphviz._AHEAD == {}


def test_without_process_groups_graphviz_itself_is_stopped(monkeypatch, starts):
    """Where there are no process groups (Windows), an unused Graphviz is killed alone."""
    monkeypatch.delattr(os, "killpg")
    with started_ahead("svg"):
        pass
    assert starts[0].returncode is not None and _gone(starts[0].pid)


def test_a_missing_graphviz_started_ahead_is_reported_by_the_run(tmp_path, monkeypatch):
    """Graphviz not installed: entering the block is quiet, the run that needs it says so."""
    monkeypatch.setenv("PATH", str(tmp_path))
    with (
        started_ahead("svg"),
        pytest.raises(GraphvizMissingError, match="apt-get install graphviz"),
    ):
        run_graphviz("digraph { a }", "svg")


def _saved_map(folder, arranged=False):
    amap = rich_map()
    if arranged:
        for index, node in enumerate(amap.graph.nodes):
            amap.graph.nodes[node]["pos"] = (300.0 * index, 0.0)
    path = folder / "map.argmap"
    native.save(amap, str(path))
    return path


@pytest.mark.parametrize(
    "out, options, ahead",
    [
        ("out.svg", [], True),
        ("out.pdf", [], True),
        ("out.png", [], False),
        ("out.dot", [], False),
        ("out.svg", ["--layout", "arranged"], False),
        ("out.pdf", ["--page", "a4"], False),
    ],
)
def test_export_starts_graphviz_before_it_reads_the_map(
    tmp_path, monkeypatch, starts, out, options, ahead
):
    """An SVG or PDF drawn afresh, on one page, has Graphviz started before the map is read;
    other exports start it when they need it, if they do."""
    path = _saved_map(tmp_path, arranged="arranged" in options)
    events = []
    real_load = native.load
    monkeypatch.setattr(
        "argmap.formats.native.load",
        lambda *args, **kwargs: (events.append(len(starts)), real_load(*args, **kwargs))[1],
    )
    assert (
        cli.main(["export", str(path), "-o", str(tmp_path / out), *options], out=io.StringIO()) == 0
    )
    assert events == [1 if ahead else 0]
    assert all(proc.returncode is not None for proc in starts)
    if ahead:  # the Graphviz started ahead is the one that drew the map
        assert len(starts) == 1 and starts[0].returncode == 0


def test_an_arranged_map_stops_the_graphviz_started_ahead(tmp_path, starts):
    """A map every card of which has a position is drawn by argmap itself (no Graphviz):
    the Graphviz started in case it was needed is stopped."""
    path = _saved_map(tmp_path, arranged=True)
    assert cli.main(["export", str(path), "-o", str(tmp_path / "out.svg")], out=io.StringIO()) == 0
    assert len(starts) == 1 and starts[0].returncode is not None and _gone(starts[0].pid)
    assert b"<svg" in (tmp_path / "out.svg").read_bytes()


def test_an_unreadable_map_stops_the_graphviz_started_ahead(tmp_path, starts, capsys):
    assert (
        cli.main(
            ["export", str(tmp_path / "missing.argmap"), "-o", str(tmp_path / "out.svg")],
            out=io.StringIO(),
        )
        == 1
    )
    assert "no such file" in capsys.readouterr().err
    assert len(starts) == 1 and starts[0].returncode is not None and _gone(starts[0].pid)
    assert set() == graphviz._RUNNING
    assert sorted(os.listdir(tmp_path)) == []
