"""Benchmark: importing a 10 MB Argdown file and a 100,000-node AIF file.

Builds both inputs in memory (a debate of titled statements, each with
nested pro and con reasons, tags and data, and premise-conclusion structures;
an AIF nodeset of I-nodes joined by RA and CA nodes), then times reading
them, writing them back, and reports the process's peak resident memory.

Usage: ``python bench/interchange.py [--megabytes N] [--nodes N]``
"""

import argparse
import json
import os
import random
import resource
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))

from argmap.formats import aif, argdown  # noqa: E402

WORDS = [
    "encryption",
    "warrant",
    "access",
    "police",
    "privacy",
    "data",
    "phone",
    "court",
    "key",
    "escrow",
    "attack",
    "hackers",
    "trust",
    "security",
    "law",
    "evidence",
    "users",
    "vendor",
    "backdoor",
    "risk",
]


def _sentence(rng):
    return " ".join(rng.choice(WORDS) for _ in range(rng.randint(8, 22))).capitalize() + "."


def argdown_text(megabytes, seed=1):
    """Return Argdown text of about *megabytes* MB."""
    rng, parts, size, n = random.Random(seed), [], 0, 0
    while size < megabytes * 1_000_000:
        n += 1
        block = [f"[Claim {n}]: {_sentence(rng)} #topic{n % 7}"]
        for k in range(4):
            block.append(f"  {'+-'[k % 2]} <Reason {n}.{k}>: {_sentence(rng)} {{weight: {k}}}")
            block.append(f"    - {_sentence(rng)}")
        block += [
            "",
            f"<Reason {n}.0>",
            "",
            f"(1) {_sentence(rng)}",
            f"(2) {_sentence(rng)}",
            "----",
            f"(3) [Claim {n}]",
            "",
        ]
        text = "\n".join(block) + "\n"
        parts.append(text)
        size += len(text)
    return "".join(parts)


def aif_text(nodes, seed=1):
    """AIF JSON with *nodes* I-nodes, each but the first supporting or attacking one before it."""
    rng = random.Random(seed)
    data = {"nodes": [], "edges": [], "locutions": []}
    for i in range(nodes):
        data["nodes"].append({"nodeID": str(i), "type": "I", "text": _sentence(rng)})
        if i:
            kind = "RA" if rng.random() < 0.7 else "CA"
            s_id = f"s{i}"
            data["nodes"].append({"nodeID": s_id, "type": kind, "text": "Default"})
            data["edges"] += [
                {"edgeID": f"a{i}", "fromID": str(i), "toID": s_id},
                {"edgeID": f"b{i}", "fromID": s_id, "toID": str(rng.randrange(i))},
            ]
    return json.dumps(data)


def _timed(label, function, *args):
    start = time.perf_counter()
    result = function(*args)
    seconds = time.perf_counter() - start
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"{label:<34} {seconds:7.2f} s   process peak so far {peak:6.0f} MB")
    return result


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--megabytes", type=float, default=10)
    parser.add_argument("--nodes", type=int, default=100_000)
    args = parser.parse_args(argv)
    text = argdown_text(args.megabytes)
    amap, _ = _timed(f"Argdown read ({len(text) / 1e6:.1f} MB)", argdown.loads, text)
    print(f"  {len(amap)} nodes, {amap.graph.number_of_edges()} edges")
    _timed("Argdown write", argdown.dumps, amap)
    source = aif_text(args.nodes)
    amap, _ = _timed(
        f"AIF read ({args.nodes} I-nodes, {len(source) / 1e6:.0f} MB)", aif.loads, source
    )
    print(f"  {len(amap)} nodes, {amap.graph.number_of_edges()} edges")
    _timed("AIF write", aif.dumps, amap)
    return 0


if __name__ == "__main__":
    sys.exit(main())
