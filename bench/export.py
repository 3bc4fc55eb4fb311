#!/usr/bin/env python3
"""Benchmark of ``argmap export`` against bare Graphviz on the same DOT.

For maps of 50, 200, 1,000 and 3,000 nodes (seeded, realistic: trees of
claims with objections, rebuttals and evidence, about 6 % cross-links,
statements of 9-30 words) it reports, per size and format, the wall time and
peak memory of the whole ``python main.py export`` process next to
``dot -Tsvg`` / ``dot -Tpng`` run on the DOT text argmap produced, and the
ratio; and the time argmap takes to build the DOT in-process.

Run from the repository root:  .venv/bin/python bench/export.py [--sizes 50 200]
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

WORDS = ("encryption warrant police access data security backdoor criminals key escrow "
         "court privacy phone device law investigation evidence attack vendor user "
         "government exploit vulnerability lawful terrorism message app cloud server "
         "public trust safety abuse oversight judge company software update").split()

_MEASURE = ("import resource, subprocess, sys, time\n"
            "start = time.perf_counter()\n"
            "code = subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL).returncode\n"
            "wall = time.perf_counter() - start\n"
            "peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss\n"
            "print(code, wall, peak)\n")


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
        extra = ({"basis": rng.choice(["statistic", "example", "testimony"]),
                  "citation": f"Source {rng.randint(1, 99)}, {rng.randint(1990, 2024)}"}
                 if kind == "evidence" else {})
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
        return "claim", "opposes"          # a rebuttal
    return "counterclaim", "opposes"       # an objection


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


def measure(command):
    """Run *command* as a child of a fresh Python; return (exit code, seconds, peak MB)."""
    out = subprocess.run([sys.executable, "-c", _MEASURE, *command], capture_output=True,
                         text=True, check=True).stdout.split()
    return int(out[0]), float(out[1]), int(out[2]) / 1024


def dot_build_time(amap, repeat=3):
    """Return the best in-process time to build the DOT text of *amap* (seconds)."""
    from argmap.render.dot import build_dot
    from argmap.render.export import ExportOptions

    options = ExportOptions(title=amap.title)
    best = float("inf")
    for _ in range(repeat):
        start = time.perf_counter()
        build_dot(amap, options)
        best = min(best, time.perf_counter() - start)
    return best


def bench_size(size, folder, formats):
    """Measure one map size; return table rows."""
    from argmap.formats import native

    amap = generate_map(size)
    path = os.path.join(folder, f"map{size}.argmap")
    native.save(amap, path)
    main = [sys.executable, os.path.join(REPO, "main.py"), "export", path]
    dot_file = os.path.join(folder, f"map{size}.dot")
    subprocess.run(main + ["-o", dot_file], check=True, capture_output=True)
    rows = []
    for fmt in formats:
        out = os.path.join(folder, f"map{size}.{fmt}")
        code, ours, our_mb = measure(main + ["-o", out])
        _, bare, bare_mb = measure(["dot", f"-T{fmt}", dot_file, "-o", out + ".bare"])
        status = "ok" if code == 0 else "refused"
        rows.append((size, fmt, ours, our_mb, bare, bare_mb, ours / bare, status))
    return rows, dot_build_time(amap)


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[50, 200, 1000, 3000])
    parser.add_argument("--formats", nargs="+", default=["svg", "png"],
                        choices=["svg", "png", "pdf"])
    args = parser.parse_args(argv)
    print(f"{'nodes':>6} {'fmt':>4} {'argmap s':>9} {'MB':>6} {'dot s':>7} {'MB':>6} "
          f"{'ratio':>6}  status")
    builds = []
    with tempfile.TemporaryDirectory(prefix="argmap-bench-") as folder:
        for size in args.sizes:
            rows, build = bench_size(size, folder, args.formats)
            builds.append((size, build))
            for size_, fmt, ours, our_mb, bare, bare_mb, ratio, status in rows:
                print(f"{size_:>6} {fmt:>4} {ours:>9.2f} {our_mb:>6.0f} {bare:>7.2f} "
                      f"{bare_mb:>6.0f} {ratio:>6.2f}  {status}", flush=True)
    print()
    for size, build in builds:
        print(f"DOT building in Python, {size} nodes: {build * 1000:.0f} ms")
    return 0


if __name__ == "__main__":
    sys.exit(main())
