"""Benchmark: does the offline draft read the structure of short arguments it has not seen?

Two sets of short argumentative texts with hand-made gold structures live in
``bench/draft_texts/dev`` (rules were written while looking at these) and
``bench/draft_texts/test`` (held out: written first, never used to write
rules). Each text has units (character spans), one central claim and
relations ``(source unit, target unit, supports|opposes)``.

For the draft (:func:`argmap.sources.draft.draft_map`) and for a trivial
baseline (every sentence a node supporting the first), it prints:

- **units found**: the share of gold units matched by a draft node. A gold
  unit and a node *match* when their overlap is at least half of *each*
  span: ``overlap >= 0.5 * max(len(unit), len(node))``. Each gold unit is
  matched by at most one node (the one of largest overlap) and no node
  matches two units.
- **sole central claim**: the share of texts where the draft has exactly one
  top-level node (one with no outgoing relation) and it matches the gold
  central claim.
- **relations reproduced**: the share of gold relations for which the draft
  has an edge between the nodes matched to the two units, in the same
  direction and with the same polarity.
- **empty drafts**: texts for which the draft has no node.

It also times a draft of a document of 40,000 one-line paragraphs, and runs
the seed articles against the seeded map as before.

Usage: ``python bench/draft.py [-v] [--set dev|test|both] [--skip-timing]``
"""

import argparse
import glob
import json
import os
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))

from argmap.formats import native  # noqa: E402
from argmap.model import ArgumentMap  # noqa: E402
from argmap.sources.compare import agreement, score_draft  # noqa: E402
from argmap.sources.documents import SourceDocument, add_document_command, span_at  # noqa: E402
from argmap.sources.draft import draft_map  # noqa: E402
from argmap.sources.seeds import SEED_MAP, load_seed_documents  # noqa: E402
from argmap.sources.sentences import split_sentences  # noqa: E402

TEXTS = os.path.join(os.path.dirname(os.path.abspath(__file__)), "draft_texts")


def load_texts(name):
    """Return the gold records of one set (``dev`` or ``test``), sorted by id."""
    records = []
    for path in sorted(glob.glob(os.path.join(TEXTS, name, "*.json"))):
        with open(path, encoding="utf-8") as handle:
            records.append(json.load(handle))
    return records


def baseline_map(document):
    """Every sentence a node; every sentence after the first supports the first."""
    record = document.to_record()
    amap = ArgumentMap("baseline")
    amap.apply(add_document_command(record))
    ids = [
        amap.add_node("claim", record["text"][s:e] or "x", sources=[span_at(record, s, e)])
        for s, e in split_sentences(record["text"])
    ]
    for node in ids[1:]:
        amap.connect(node, ids[0], "supports")
    return amap


def _overlap(a, b):
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))


def match_units(units, amap):
    """Return ``{gold unit id: draft node}`` under the half-of-both-spans rule."""
    nodes = [
        (n, (a["sources"][0]["start"], a["sources"][0]["end"]))
        for n, a in amap.graph.nodes(data=True)
        if a.get("sources")
    ]
    pairs = []
    for unit in units:
        span = (unit["start"], unit["end"])
        for node, other in nodes:
            shared = _overlap(span, other)
            if shared * 2 >= max(span[1] - span[0], other[1] - other[0]) and shared:
                pairs.append((shared, unit["id"], node))
    matched, used = {}, set()
    for _, unit, node in sorted(pairs, reverse=True):
        if unit not in matched and node not in used:
            matched[unit] = node
            used.add(node)
    return matched


def score_text(record, amap):
    """Return (units found, units, sole central claim 0/1, relations reproduced, relations)."""
    matched = match_units(record["units"], amap)
    top = [n for n in amap.graph.nodes if amap.graph.out_degree(n) == 0]
    sole = int(len(top) == 1 and matched.get(record["claim"]) == top[0])
    found = 0
    for source, target, relation in record["relations"]:
        a, b = matched.get(source), matched.get(target)
        found += bool(
            a and b and amap.graph.has_edge(a, b) and amap.edge(a, b)["relation"] == relation
        )
    return len(matched), len(record["units"]), sole, found, len(record["relations"])


def score_set(records, make, verbose=False):
    """Return the summed scores of one drafting function over a set, and the empty drafts."""
    totals, empty = [0, 0, 0, 0, 0], 0
    for record in records:
        amap = make(SourceDocument(record["id"], record["id"], record["text"]))
        empty += len(amap) == 0
        scores = score_text(record, amap)
        totals = [t + s for t, s in zip(totals, scores, strict=True)]
        if verbose and (scores[2] == 0 or scores[3] < scores[4]):
            show(record, amap, scores)
    return totals, empty


def show(record, amap, scores):
    """Print one text's gold structure next to the draft's."""
    print(
        f"--- {record['id']} units {scores[0]}/{scores[1]} central {scores[2]} "
        f"relations {scores[3]}/{scores[4]}"
    )
    for unit in record["units"]:
        star = "*" if unit["id"] == record["claim"] else " "
        print(f"  {star}{unit['id']} {unit['text']}")
    print("  gold:", record["relations"])
    names = {n: i for i, n in enumerate(amap.graph.nodes, 1)}
    for node, attrs in amap.graph.nodes(data=True):
        out = [
            (names[v], d["relation"][:3], d["note"][7:])
            for _, v, d in amap.graph.out_edges(node, data=True)
        ]
        print(f"  d{names[node]} {attrs['text'][:60]!r} -> {out}")


def report(name, records, verbose):
    """Print the four measures of the draft and the baseline on one set."""
    print(f"\n{name} set: {len(records)} texts")
    print(f"{'':10} {'units found':>16} {'sole central':>14} {'relations':>16} {'empty':>6}")
    for label, make in (("draft", lambda d: draft_map([d])), ("baseline", baseline_map)):
        (units, total, sole, found, relations), empty = score_set(
            records, make, verbose and label == "draft"
        )
        print(
            f"{label:10} {units:>4}/{total:<4} {units / total:>5.0%}  "
            f"{sole:>4}/{len(records):<3} {sole / len(records):>5.0%}  "
            f"{found:>4}/{relations:<4} {found / relations:>5.0%} {empty:>6}"
        )


def timing():
    """Print how long a draft of 40,000 one-line paragraphs takes."""
    text = "\n\n".join(f"Line {i} is here." for i in range(40000))
    began = time.perf_counter()
    amap = draft_map([SourceDocument("big", "big", text)])
    print(f"\n40,000 one-line paragraphs: {len(amap)} nodes in {time.perf_counter() - began:.1f} s")


def seeds():
    """Print recall, precision and agreement of the draft of the seeds against the seeded map."""
    draft = draft_map(load_seed_documents())
    reference = native.load(SEED_MAP)
    print(f"\nseed articles: {len(draft)} nodes, {draft.graph.number_of_edges()} relations")
    for line in score_draft(draft, reference).lines():
        print("  " + line)
    for key, (good, total) in agreement(draft, reference).items():
        print(f"  {key}: {good}/{total}" + (f" ({good / total:.0%})" if total else ""))


def main(argv=None):
    """Run the benchmark and print its numbers; return 0."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "-v",
        "--verbose",
        action="store_true",
        help="show the texts whose structure the draft misses",
    )
    parser.add_argument("--set", choices=("dev", "test", "both"), default="both")
    parser.add_argument("--skip-timing", action="store_true")
    args = parser.parse_args(argv)
    for name in ("dev", "test") if args.set == "both" else (args.set,):
        report(name, load_texts(name), args.verbose)
    seeds()
    if not args.skip_timing:
        timing()
    return 0


if __name__ == "__main__":
    sys.exit(main())
