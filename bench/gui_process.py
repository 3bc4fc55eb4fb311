#!/usr/bin/env python3
"""Benchmark of opening a map in the editor, as a whole process, against bare Graphviz.

For a map of 3,000 nodes (bench/export.py's generator) it times, interleaved,
round after round: bare ``dot -Tsvg`` on the DOT argmap writes for the map,
``python -c "import networkx"`` (the model's graph is networkx's: its import is
part of every start), and the whole editor process ``argmap-editor MAP`` of argmap
installed from a wheel of this checkout (as ``bench/export.py`` installs it), from
its start until its window is shown, painted and idle (``ARGMAP_QUIT_WHEN_IDLE=1``,
see argmap/gui/idle_quit.py), on the map with a position on every node (as
arranged by Graphviz) and without positions (the editor then places it).
Each figure is a median with its [min-max] range, each ratio the median of the
per-round ratios to bare ``dot``. The same run with Python's teardown of the
Qt objects after the window closed (``ARGMAP_QUIT_WHEN_IDLE=exit``) is shown
for the arranged map.

Then a map of 20,000 nodes, with positions (from the editor's tree layout;
Graphviz takes about 25 s on it) and without, and one over the editor's limit
(30,000 nodes), which the editor refuses with a message: time and peak memory.

Run from the repository root:
  QT_QPA_PLATFORM=offscreen .venv/bin/python bench/gui_process.py [--size 3000] [--repeat 5]
Under Xvfb:
  xvfb-run -a -s "-screen 0 1366x768x24" .venv/bin/python bench/gui_process.py --platform xcb
"""

import argparse
import os
import statistics
import subprocess
import sys
import tempfile

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, REPO)
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from timing import (  # noqa: E402
    installed_argmap,
    measure,
    ratio,
    ratio_text,
    spread_text,
    verdict,
)

#: Opening a 3,000-node map: at most as long as bare dot takes to draw it.
OPEN_TARGET = (3000, 1.0)
#: A large map in the editor: under 5 s and 800 MB.
LARGE_TARGET = (5.0, 800)


def editor_env(folder, platform, checkout=False):
    """The editor's environment: its own settings, recovery and cache folders; bytecode
    written and read as in an installed package; the checkout on the path when it is
    the checkout that is timed."""
    env = dict(os.environ, ARGMAP_QUIT_WHEN_IDLE="1", QT_QPA_PLATFORM=platform)
    env.pop("PYTHONPATH", None)
    if checkout:
        env["PYTHONPATH"] = REPO
    for name in ("XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_CACHE_HOME"):
        env[name] = os.path.join(folder, name.lower())
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    return env


def save_maps(size, folder, arrange_with):
    """Save a generated map of *size* nodes without positions and with; return both paths."""
    from export import generate_map  # bench/export.py

    from argmap.formats import native

    amap = generate_map(size)
    fresh = os.path.join(folder, f"fresh{size}.argmap")
    native.save(amap, fresh)
    for node, pos in arrange_with(amap).items():
        amap.graph.nodes[node]["pos"] = pos
    placed = os.path.join(folder, f"placed{size}.argmap")
    native.save(amap, placed)
    return fresh, placed


def graphviz_positions(amap):
    from argmap.render.layout import compute_layout

    return compute_layout(amap).positions


def tree_positions(amap):
    from argmap.gui.tree_layout import tree_positions as place

    return place(amap)


#: The commands timed: ``argmap`` and ``argmap-editor`` (see :func:`main`).
COMMAND = {"argmap": [sys.executable, os.path.join(REPO, "main.py")]}


def editor(path):
    return [*COMMAND["argmap-editor"], path]


def open_against_dot(size, folder, env, repeat):
    """Time opening the map against bare dot, interleaved; print the figures."""
    fresh, placed = save_maps(size, folder, graphviz_positions)
    dot_file = os.path.join(folder, f"map{size}.dot")
    subprocess.run(
        [*COMMAND["argmap"], "export", fresh, "-o", dot_file],
        check=True,
        capture_output=True,
        env=env,
    )
    commands = {
        "dot": ["dot", "-Tsvg", dot_file, "-o", os.path.join(folder, "out.svg")],
        "import networkx": [sys.executable, "-c", "import networkx"],
        "arranged": editor(placed),
        "without positions": editor(fresh),
        "arranged, teardown": ["env", "ARGMAP_QUIT_WHEN_IDLE=exit"] + editor(placed),
    }
    measure(commands, 1, env)  # once first: bytecode written, files in the disk cache
    runs = measure(commands, repeat, env)
    bare = runs["dot"].seconds
    print(f"{size} nodes, bare dot -Tsvg: {spread_text(bare)} s")
    networkx = runs["import networkx"]
    print(
        f"  import networkx alone: {spread_text(networkx.seconds)} s  "
        f"{ratio_text(networkx.seconds, bare)}  peak {max(networkx.megabytes):.0f} MB"
    )
    for name in ("arranged", "without positions", "arranged, teardown"):
        ours = runs[name]
        aim = (
            "  " + verdict(ratio(ours.seconds, bare), OPEN_TARGET[1])
            if size == OPEN_TARGET[0]
            else ""
        )
        print(
            f"  editor, {name:<19} {spread_text(ours.seconds)} s  "
            f"{ratio_text(ours.seconds, bare)}  peak {max(ours.megabytes):.0f} MB  "
            f"exit {max(ours.codes)}{aim}",
            flush=True,
        )


def large_maps(folder, env, repeat, size, over):
    """Time opening a large map (placed and not) and one over the limit; print the figures."""
    fresh, placed = save_maps(size, folder, tree_positions)
    too_big, _ = save_maps(over, folder, tree_positions)
    commands = {
        f"{size} placed": editor(placed),
        f"{size} without positions": editor(fresh),
        f"{over} (refused)": editor(too_big),
    }
    runs = measure(commands, repeat, env)
    seconds, megabytes = LARGE_TARGET
    for name, ours in runs.items():
        aim = (
            f"  {verdict(statistics.median(ours.seconds), seconds, ' s')}, "
            f"{verdict(max(ours.megabytes), megabytes, ' MB')}"
        )
        print(
            f"  editor, {name:<24} {spread_text(ours.seconds)} s  "
            f"peak {max(ours.megabytes):.0f} MB  exit {max(ours.codes)}{aim}",
            flush=True,
        )


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", type=int, default=3000)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--large", type=int, default=20000, help="0 to skip the large maps")
    parser.add_argument("--over", type=int, default=30000, help="a size over the limit")
    parser.add_argument("--large-repeat", type=int, default=3)
    parser.add_argument("--platform", default=os.environ.get("QT_QPA_PLATFORM", "offscreen"))
    parser.add_argument(
        "--checkout-only",
        dest="installed",
        action="store_false",
        help="time this checkout's main.py rather than an installed wheel",
    )
    args = parser.parse_args(argv)
    print(
        f"median [min-max] of interleaved runs (platform {args.platform}); "
        "ratio = editor / bare dot in the same round"
    )
    with tempfile.TemporaryDirectory(prefix="argmap-bench-") as folder:
        env = editor_env(folder, args.platform, checkout=not args.installed)
        installed = installed_argmap(folder, REPO) if args.installed else None
        if installed is None:
            COMMAND["argmap-editor"] = COMMAND["argmap"]
        else:
            COMMAND["argmap"] = [installed]
            COMMAND["argmap-editor"] = [os.path.join(os.path.dirname(installed), "argmap-editor")]
        open_against_dot(args.size, folder, env, args.repeat)
        if args.large:
            large_maps(folder, env, args.large_repeat, args.large, args.over)
    return 0


if __name__ == "__main__":
    sys.exit(main())
