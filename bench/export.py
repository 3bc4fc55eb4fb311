#!/usr/bin/env python3
"""Benchmark of ``argmap export`` against bare Graphviz on the same DOT and the networkx import.

For maps of 3,000 and 10,000 nodes (seeded, realistic: trees of claims with
objections, rebuttals and evidence, about 6 % cross-links, statements of 9-30
words) it runs, interleaved, bare ``dot -Tsvg`` on the DOT argmap produces,
``python -c "import networkx"`` (the model's graph is networkx's: its import is
the floor every argmap command starts from), the whole ``argmap export`` process
to SVG as a user has it (argmap installed from a wheel of this checkout into a new
venv), the export of the same map with every node placed (as arranged in the
editor), and ``python main.py export`` of this checkout (its development install).
Each figure is a median with its range; a fresh export's ratio is to the floor, bare
``dot`` plus the networkx import in the same round, and also shown to bare ``dot``.

Run from the repository root:  .venv/bin/python bench/export.py [--sizes 3000 10000] [--repeat 5]
"""

import argparse
import os
import random
import subprocess
import sys
import tempfile
import time

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, REPO)
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from timing import (  # noqa: E402
    add_bytecode_option,
    installed_argmap,
    measure,
    python_env,
    ratio,
    ratio_text,
    spread_text,
    verdict,
)

#: The targets by command and map size: a fresh export's ratio to the floor (bare dot plus
#: the networkx import, in the same round), an arranged one's to bare dot.
TARGETS = {("export", 3000): 1.10, ("export", 10000): 1.05, ("arranged", 3000): 0.70}
#: Commands whose ratio is to the floor rather than to bare dot.
FLOORED = ("export", "checkout export")

WORDS = [
    "encryption",
    "warrant",
    "police",
    "access",
    "data",
    "security",
    "backdoor",
    "criminals",
    "key",
    "escrow",
    "court",
    "privacy",
    "phone",
    "device",
    "law",
    "investigation",
    "evidence",
    "attack",
    "vendor",
    "user",
    "government",
    "exploit",
    "vulnerability",
    "lawful",
    "terrorism",
    "message",
    "app",
    "cloud",
    "server",
    "public",
    "trust",
    "safety",
    "abuse",
    "oversight",
    "judge",
    "company",
    "software",
    "update",
]


def sentence(rng):
    """Return a statement of 9-30 words."""
    words = [rng.choice(WORDS) for _ in range(rng.randint(9, 30))]
    return " ".join(words).capitalize() + "."


def generate_map(size, seed=1):
    """Return a seeded map of *size* nodes shaped like a real debate."""
    from argmap.model import ArgumentMap

    rng = random.Random(seed * 1_000_003 + size)
    m = ArgumentMap(f"Benchmark map of {size} nodes")
    nodes = [m.add_node("claim", sentence(rng), speaker=rng.choice(["IACP", "ITI", "EFF"]))]
    arguable = list(nodes)  # evidence is a leaf: premises bear on claims and counterclaims
    while len(nodes) < size:
        target = rng.choice(arguable)
        kind, relation = _premise(rng, m.node(target)["kind"])
        extra = (
            {
                "basis": rng.choice(["statistic", "example", "testimony"]),
                "citation": f"Source {rng.randint(1, 99)}, {rng.randint(1990, 2024)}",
            }
            if kind == "evidence"
            else {}
        )
        node = m.add_node(kind, sentence(rng), **extra)
        m.connect(node, target, relation)
        nodes.append(node)
        if kind != "evidence":
            arguable.append(node)
    _cross_links(m, nodes, rng, round(0.06 * size))
    return m


def _premise(rng, target_kind):
    """Pick the kind and relation of a new premise: support, objection, rebuttal or evidence."""
    roll = rng.random()
    if roll < 0.35:
        return "evidence", "supports" if rng.random() < 0.8 else "opposes"
    if roll < 0.65:
        return "claim", "supports"
    if target_kind == "counterclaim":
        return "claim", "opposes"  # a rebuttal
    return "counterclaim", "opposes"  # an objection


def _cross_links(m, nodes, rng, count):
    """Add *count* extra edges, each from a later node to an earlier claim (no cycles)."""
    added = 0
    while added < count:
        first, second = sorted(rng.sample(range(1, len(nodes)), 2))
        target, source = nodes[first], nodes[second]
        if m.node(target)["kind"] == "evidence" or m.graph.has_edge(source, target):
            continue
        m.connect(source, target, rng.choice(["supports", "opposes"]))
        added += 1


def arrange(amap):
    """Give every node the position a fresh Graphviz layout gives it (as the editor does)."""
    from argmap.render.layout import compute_layout

    for node, pos in compute_layout(amap).positions.items():
        amap.graph.nodes[node]["pos"] = pos
    return amap


def bench_size(size, folder, repeat, installed=None, bytecode_cache=True, checkout=True):
    """Measure one map size, interleaved; print each figure as a ratio to bare dot.

    *installed* is the ``argmap`` command of an installed wheel (see
    :func:`timing.installed_argmap`); the checkout's ``main.py`` is timed beside it.
    """
    from argmap.formats import native

    amap = generate_map(size)
    path = os.path.join(folder, f"map{size}.argmap")
    native.save(amap, path)
    placed = os.path.join(folder, f"placed{size}.argmap")
    native.save(arrange(amap), placed)
    checkout_main = [sys.executable, os.path.join(REPO, "main.py"), "export"]
    argmap = checkout_main if installed is None else [installed, "export"]
    cache = os.path.join(folder, "cache")
    env = dict(os.environ, XDG_CACHE_HOME=cache)
    if bytecode_cache:
        env = python_env(os.path.join(folder, "bytecode"), env)
    dot_file = os.path.join(folder, f"map{size}.dot")
    subprocess.run(argmap + [path, "-o", dot_file], check=True, capture_output=True, env=env)
    out = os.path.join(folder, "out.svg")
    commands = {
        "dot": ["dot", "-Tsvg", dot_file, "-o", out],
        "import networkx": [sys.executable, "-c", "import networkx"],
        "export": argmap + [path, "-o", out],
        "arranged": argmap + [placed, "-o", out],
    }
    if installed is not None and checkout:
        commands["checkout export"] = checkout_main + [path, "-o", out]
    runs = measure(commands, repeat, env)
    bare, floor = runs["dot"].seconds, runs["import networkx"].seconds
    both = [d + n for d, n in zip(bare, floor, strict=True)]
    print(f"{size} nodes, bare dot -Tsvg: {spread_text(bare)} s")
    print(
        f"  import networkx alone: {spread_text(floor)} s  peak "
        f"{max(runs['import networkx'].megabytes):.0f} MB; floor (dot + networkx): "
        f"{spread_text(both)} s"
    )
    for name in list(commands)[2:]:
        ours = runs[name]
        base, against = (both, "floor") if name in FLOORED else (bare, "dot")
        limit = TARGETS.get((name, size))
        aim = "" if limit is None else "  " + verdict(ratio(ours.seconds, base), limit)
        extra = f" ({ratio_text(ours.seconds, bare)} of dot)" if name in FLOORED else ""
        print(
            f"  {name:<15} {spread_text(ours.seconds)} s  {ratio_text(ours.seconds, base)}"
            f" of {against}{extra}  peak {max(ours.megabytes):.0f} MB  exit {max(ours.codes)}"
            f"{aim}",
            flush=True,
        )
    return dot_build_time(amap)


def dot_build_time(amap, repeat=3):
    """Return the best in-process time to build the DOT text of *amap* (seconds)."""
    from argmap.render.dot import build_dot
    from argmap.render.options import ExportOptions

    options = ExportOptions(title=amap.title)
    best = float("inf")
    for _ in range(repeat):
        start = time.perf_counter()
        build_dot(amap, options)
        best = min(best, time.perf_counter() - start)
    return best


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[3000, 10000])
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument(
        "--checkout-only",
        dest="installed",
        action="store_false",
        help="time only this checkout's main.py, not an installed wheel",
    )
    parser.add_argument(
        "--no-checkout",
        dest="checkout",
        action="store_false",
        help="time the installed wheel only, not this checkout's main.py beside it",
    )
    add_bytecode_option(parser)
    args = parser.parse_args(argv)
    print(
        "median [min-max] of interleaved runs; ratio = argmap / (bare dot + import networkx), "
        "or / bare dot, in the same round; "
        + ("bytecode cached" if args.bytecode_cache else "no bytecode cache")
    )
    with tempfile.TemporaryDirectory(prefix="argmap-bench-") as folder:
        installed = installed_argmap(folder, REPO) if args.installed else None
        for size in args.sizes:
            build = bench_size(
                size, folder, args.repeat, installed, args.bytecode_cache, args.checkout
            )
            print(f"  DOT building in Python: {build * 1000:.0f} ms")
    return 0


if __name__ == "__main__":
    sys.exit(main())
