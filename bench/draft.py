"""Benchmark: how much of the seeded map does the offline draft find?

Runs :func:`argmap.sources.draft.draft_map` on the two seed articles and
scores it against ``resources/maps/encryption-backdoors.argmap`` with the
rule of :mod:`argmap.sources.compare` (spans match when their overlap is at
least half of the shorter one). Prints recall, precision, how far matched
nodes agree on kind, speaker and relations, the time taken and,
with ``-v``, the points missed and the noise.

Usage: ``python bench/draft.py [-v] [--min-score N]``
"""

import argparse
import os
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))

from argmap.formats import native  # noqa: E402
from argmap.sources.compare import agreement, score_draft  # noqa: E402
from argmap.sources.draft import MIN_SCORE, draft_map  # noqa: E402
from argmap.sources.seeds import SEED_MAP, load_seed_documents  # noqa: E402


def _show(amap, nodes, heading):
    print(heading)
    for node in nodes:
        attrs = amap.node(node)
        print(f"  {node} [{attrs['kind']}] {attrs['text'][:100]}")


def main(argv=None):
    """Run the benchmark and print its numbers; return 0."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-v", "--verbose", action="store_true", help="list misses and noise")
    parser.add_argument("--min-score", type=int, default=MIN_SCORE)
    args = parser.parse_args(argv)
    reference = native.load(SEED_MAP)
    documents = load_seed_documents()
    began = time.perf_counter()
    draft = draft_map(documents, min_score=args.min_score)
    elapsed = time.perf_counter() - began
    score = score_draft(draft, reference)
    print(f"draft: {len(draft)} nodes, {draft.graph.number_of_edges()} relations "
          f"in {elapsed * 1000:.1f} ms (min score {args.min_score})")
    for line in score.lines():
        print(line)
    for name, (good, total) in agreement(draft, reference).items():
        print(f"{name}: {good}/{total}" + (f" ({good / total:.0%})" if total else ""))
    if args.verbose:
        missed = [n for n in score.sourced if n not in set(score.found)]
        _show(reference, missed, "missed:")
        _show(draft, score.noise, "noise:")
    return 0


if __name__ == "__main__":
    sys.exit(main())
