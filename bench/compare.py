#!/usr/bin/env python3
"""Two or more versions of argmap, each installed from its wheel, timed against each other.

Each git revision given is built into a wheel and installed into a venv of its own
(as ``bench/export.py`` installs one); the same command then runs for every version,
interleaved round after round, with bare ``dot -Tsvg`` on argmap's DOT and
``python -c "import networkx"`` in each round as yardsticks. It prints each version's
median [min-max] and the median of its per-round ratios to the first version. This is
how ``bench/README.md`` measures what one change (a speed trick kept or removed) gains.

Benchmarks (``--bench``):

- ``export``: ``argmap export MAP -o out.svg`` of a generated map of ``--size`` nodes;
- ``arranged``: the same with a position on every node (argmap draws the SVG itself);
- ``png``: ``argmap export MAP -o out.png`` of the map without positions (after the first
  round, each version finds the layout it made in its own layout cache, if it keeps one);
- ``validate``: ``argmap validate`` of ``bench/validate.py``'s file of ``--size`` nodes;
- ``open``: the editor opening the map with positions until its window is idle
  (``argmap-editor``, ``ARGMAP_QUIT_WHEN_IDLE=1``; offscreen).

Run from the repository root, for example:
  .venv/bin/python bench/compare.py HEAD~1 HEAD --bench export --size 3000 --repeat 9
"""

import argparse
import os
import subprocess
import sys
import tempfile

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, REPO)
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from timing import installed_argmap, measure, python_env, ratio_text, spread_text  # noqa: E402

BENCHES = ("export", "arranged", "png", "validate", "open")


def checked_out(revision, folder):
    """A copy of the tree of git *revision* in *folder* (files as committed)."""
    os.makedirs(folder)
    archive = subprocess.run(
        ["git", "-C", REPO, "archive", revision], check=True, capture_output=True
    ).stdout
    subprocess.run(["tar", "-x", "-C", folder], input=archive, check=True)
    return folder


def install(revisions, folder):
    """Install each revision from its wheel; return ``{label: bin folder}`` (a revision
    given twice is labelled apart, to see the noise between two copies of one version)."""
    installed = {}
    for index, revision in enumerate(revisions):
        label = revision if revision not in revisions[:index] else f"{revision} ({index + 1})"
        place = os.path.join(folder, f"v{index}")
        tree = checked_out(revision, os.path.join(place, "tree"))
        command = installed_argmap(place, tree)
        if command is None:
            raise SystemExit(f"no wheel of {revision}")
        installed[label] = os.path.dirname(command)
    return installed


def prepare(bench, size, folder):
    """Write the input files of *bench*; return ``(argmap arguments, map for bare dot)``."""
    from export import arrange, generate_map

    from argmap.formats import native

    out = os.path.join(folder, "out.svg")
    path = os.path.join(folder, "map.argmap")
    amap = generate_map(1000 if bench == "validate" else size)
    fresh = os.path.join(folder, "fresh.argmap")
    native.save(amap, fresh)
    if bench == "validate":
        from validate import write_big_file

        write_big_file(path, size)
        return ["validate", path], fresh
    if bench in ("arranged", "open"):
        amap = arrange(amap)
    native.save(amap, path)
    if bench == "open":
        return [path], fresh
    if bench == "png":
        out = os.path.join(folder, "out.png")
    return ["export", path, "-o", out], fresh


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("revisions", nargs="+", help="git revisions; the first is the base")
    parser.add_argument("--bench", choices=BENCHES, default="export")
    parser.add_argument("--size", type=int, default=3000)
    parser.add_argument("--repeat", type=int, default=9)
    parser.add_argument("--no-dot", action="store_true", help="leave bare dot out of the rounds")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="argmap-compare-") as folder:
        installed = install(args.revisions, folder)
        arguments, fresh = prepare(args.bench, args.size, folder)
        env = python_env(os.path.join(folder, "bytecode"))
        dot_file = os.path.join(folder, "map.dot")
        first = os.path.join(next(iter(installed.values())), "argmap")
        subprocess.run(
            [first, "export", fresh, "-o", dot_file], check=True, env=env, capture_output=True
        )
        for name in ("XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_CACHE_HOME"):
            env[name] = os.path.join(folder, name.lower())
        if args.bench == "open":
            env.update(ARGMAP_QUIT_WHEN_IDLE="1", QT_QPA_PLATFORM="offscreen")
        program = "argmap-editor" if args.bench == "open" else "argmap"
        commands = {
            revision: [os.path.join(bin_folder, program), *arguments]
            for revision, bin_folder in installed.items()
        }
        if not args.no_dot:
            commands["dot"] = ["dot", "-Tsvg", dot_file, "-o", os.devnull]
        commands["import networkx"] = [sys.executable, "-c", "import networkx"]
        measure(commands, 1, env)  # once first: bytecode written, files in the disk cache
        runs = measure(commands, args.repeat, env)
    base = runs[args.revisions[0]].seconds
    print(f"{args.bench}, {args.size} nodes, {args.repeat} rounds; ratio to {args.revisions[0]}")
    for name, ours in runs.items():
        print(
            f"  {name:<24} {spread_text(ours.seconds)} s  {ratio_text(ours.seconds, base)}"
            f"  peak {max(ours.megabytes):.0f} MB  exit {max(ours.codes)}",
            flush=True,
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
