"""Benchmark: grounded labelling, reasons and weak spots on large generated maps.

Builds a seeded random map shaped like a debate (a tree of claims with
supports and objections, about 5 % extra attacks across branches, some of them
forming cycles) and times :func:`argmap.analysis.acceptance.grounded_labels`
(target: under 2 s at 100,000 nodes), the full :func:`evaluate` with reasons,
and, on a few hundred nodes, :func:`weak_spots` (what the editor's dock
recomputes after an edit).

Usage: ``python bench/evaluate.py [--sizes 1000 100000] [--repeat 3]``
"""

import argparse
import os
import random
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))

from argmap.analysis.acceptance import evaluate, grounded_labels  # noqa: E402
from argmap.analysis.weak_spots import weak_spots  # noqa: E402
from argmap.model import ArgumentMap  # noqa: E402


def generate(size, seed=1):
    """Return a map of *size* nodes: a tree of supports and objections plus cross attacks."""
    rng = random.Random(seed)
    amap = ArgumentMap("bench")
    nodes = [amap.add_node("claim", "main claim")]
    for i in range(1, size):
        kind = rng.choice(("claim", "counterclaim", "evidence"))
        node = amap.add_node(kind, f"point {i}")
        parent = nodes[rng.randrange(len(nodes))]
        relation = "opposes" if kind == "counterclaim" else "supports"
        amap.connect(node, parent, relation)
        nodes.append(node)
    for _ in range(size // 20):
        a, b = rng.sample(nodes, 2)
        if not amap.graph.has_edge(a, b) and not amap.graph.has_edge(b, a):
            amap.connect(a, b, "opposes")
    return amap


def best_of(repeat, func, *args):
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        func(*args)
        times.append(time.perf_counter() - start)
    return min(times)


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[300, 10_000, 100_000])
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args(argv)
    print(
        f"{'nodes':>7} {'edges':>7} {'grounded s':>11} {'with reasons s':>15} {'weak spots s':>13}"
    )
    for size in args.sizes:
        amap = generate(size)
        grounded = best_of(args.repeat, grounded_labels, amap)
        reasons = best_of(args.repeat, evaluate, amap)
        spots = f"{best_of(args.repeat, weak_spots, amap):13.3f}" if size <= 5000 else f"{'-':>13}"
        print(
            f"{size:>7} {amap.graph.number_of_edges():>7} {grounded:11.3f} {reasons:15.3f} {spots}"
        )
        labels = grounded_labels(amap)
        counts = {lab: list(labels.values()).count(lab) for lab in ("in", "out", "undecided")}
        print(f"{'':>7} labels: {counts}")


if __name__ == "__main__":
    main()
