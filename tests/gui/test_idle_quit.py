"""The editor's quit-when-idle hook, used to time opening a map from outside."""

import os
import subprocess
import sys
import time

import pytest

from argmap.formats import native
from argmap.locks import lock_path

REPO = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))


def test_environment_variable_asks_for_it():
    from argmap.gui.idle_quit import at_once, wanted

    assert wanted({"ARGMAP_QUIT_WHEN_IDLE": "1"}) and at_once({"ARGMAP_QUIT_WHEN_IDLE": "1"})
    assert wanted({"ARGMAP_QUIT_WHEN_IDLE": "exit"})
    assert not at_once({"ARGMAP_QUIT_WHEN_IDLE": "exit"})
    assert not wanted({}) and not wanted({"ARGMAP_QUIT_WHEN_IDLE": "0"})


@pytest.mark.parametrize("value", ["1", "exit"])
def test_editor_process_opens_the_map_and_exits_0_once_idle(map_file, tmp_path, value):
    """`python main.py MAP` with the hook exits by itself, cleanly: code 0, lock released,
    the window's place remembered."""
    env = dict(
        os.environ,
        ARGMAP_QUIT_WHEN_IDLE=value,
        QT_QPA_PLATFORM="offscreen",
        XDG_CONFIG_HOME=str(tmp_path / "config"),
        XDG_DATA_HOME=str(tmp_path / "data"),
        PYTHONPATH=REPO,
    )
    result = subprocess.run(
        [sys.executable, os.path.join(REPO, "main.py"), str(map_file)],
        env=env,
        timeout=60,
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stderr
    assert not os.path.exists(lock_path(str(map_file)))
    settings = (tmp_path / "config" / "argmap" / "argmap.conf").read_text(encoding="utf-8")
    assert "geometry" in settings


@pytest.mark.graphviz
def test_a_map_without_positions_quits_only_after_its_layout(
    small_map, tmp_path, settings, qtbot, monkeypatch
):
    """Idle means laid out too: the hook waits for the Graphviz job and the paint after it."""
    from argmap.gui.idle_quit import QuitWhenIdle
    from argmap.gui.main_window import MainWindow
    from argmap.render import layout

    def slow_layout(amap, *args, _layout=layout.compute_layout, **kwargs):
        time.sleep(1.0)  # still running when the window first paints
        return _layout(amap, *args, **kwargs)

    monkeypatch.setattr(layout, "compute_layout", slow_layout)

    path = tmp_path / "bare.argmap"
    native.save(small_map, path)
    codes = []
    window = MainWindow(str(path), settings=settings)
    qtbot.addWidget(window)
    QuitWhenIdle(window, exit=codes.append)
    window.show()
    qtbot.waitUntil(lambda: bool(codes), timeout=20000)
    assert codes == [0]
    assert all("pos" in attrs for _, attrs in window.document.amap.graph.nodes(data=True))
    assert not window.isVisible()
