#!/usr/bin/env python3
"""Benchmark of ``argmap validate`` on a very large file, against bare ``dot`` on a small map.

It writes a seeded ``.argmap`` file of 1,000,000 nodes (compact JSON, short
statements, a forest of edges sized so that the file stays under the loader's
64 MiB cap), then times the whole process ``argmap validate FILE`` of argmap
installed from a wheel of this checkout (as ``bench/export.py`` installs it) and
its peak memory, interleaved with bare ``dot -Tsvg`` on the DOT of the 1,000-node
export map (the same yardstick as ``bench/export.py``) and ``python -c "import
networkx"``, the floor of every argmap command.

Run from the repository root:  .venv/bin/python bench/validate.py [--nodes 1000000]
"""

import argparse
import json
import os
import random
import statistics
import subprocess
import sys
import tempfile

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, REPO)
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from timing import (  # noqa: E402
    add_bytecode_option,
    installed_argmap,
    measure,
    python_env,
    spread_text,
    verdict,
)

KINDS = ("claim", "counterclaim", "evidence")


def write_big_file(path, count, seed=1):
    """Write a compact ``.argmap`` file of *count* nodes; return ``(nodes, edges, bytes)``.

    Every node but the first bears on an earlier one until the file would pass
    the loader's size cap; the rest are further main claims.
    """
    from argmap.formats.native import MAX_BYTES

    rng = random.Random(seed)
    ids = [f"{i:x}" for i in range(count)]
    nodes = [
        {"id": ids[i], "kind": KINDS[i % 3] if i else "claim", "text": f"Point {i}"}
        for i in range(count)
    ]
    budget = MAX_BYTES - len(json.dumps(nodes, separators=(",", ":"))) - 200
    edges = []
    for i in range(1, count):
        target = ids[rng.randrange(max(0, i - 50), i)]
        if nodes[int(target, 16)]["kind"] == "evidence":
            target = ids[0]
        record = {
            "source": ids[i],
            "target": target,
            "relation": "opposes" if nodes[i]["kind"] == "counterclaim" else "supports",
        }
        budget -= len(json.dumps(record, separators=(",", ":"))) + 1
        if budget < 0:
            break
        edges.append(record)
    data = {
        "format": "argmap",
        "version": 1,
        "map": {"title": "Large"},
        "nodes": nodes,
        "edges": edges,
    }
    text = json.dumps(data, separators=(",", ":"))
    with open(path, "w", encoding="utf-8") as handle:
        handle.write(text)
    return len(nodes), len(edges), len(text.encode("utf-8"))


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--nodes", type=int, default=1_000_000)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument(
        "--checkout-only",
        dest="installed",
        action="store_false",
        help="time this checkout's main.py, not an installed wheel",
    )
    add_bytecode_option(parser)
    args = parser.parse_args(argv)
    from export import generate_map

    from argmap.formats import native

    with tempfile.TemporaryDirectory(prefix="argmap-bench-") as folder:
        big = os.path.join(folder, "big.argmap")
        nodes, edges, size = write_big_file(big, args.nodes)
        print(f"file: {nodes:,} nodes, {edges:,} edges, {size / 2**20:.1f} MiB")
        small = os.path.join(folder, "m1000.argmap")
        native.save(generate_map(1000), small)
        dot_file = os.path.join(folder, "m1000.dot")
        env = python_env(os.path.join(folder, "bytecode")) if args.bytecode_cache else None
        installed = installed_argmap(folder, REPO) if args.installed else None
        argmap = (
            [sys.executable, os.path.join(REPO, "main.py")] if installed is None else [installed]
        )
        subprocess.run(
            [*argmap, "export", small, "-o", dot_file], check=True, capture_output=True, env=env
        )
        runs = {
            "validate": [*argmap, "validate", big],
            "dot": ["dot", "-Tsvg", dot_file, "-o", os.devnull],
            "import networkx": [sys.executable, "-c", "import networkx"],
        }
        results = measure(runs, args.repeat, env)
    ours, bare, floor = results["validate"], results["dot"], results["import networkx"]
    print(
        f"argmap validate: {spread_text(ours.seconds)} s, peak {max(ours.megabytes):.0f} MB  "
        + verdict(statistics.median(ours.seconds), 5, " s")
    )
    print(f"bare dot -Tsvg, 1,000-node map: {spread_text(bare.seconds)} s")
    print(f"import networkx alone: {spread_text(floor.seconds)} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
