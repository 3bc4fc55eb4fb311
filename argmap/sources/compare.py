"""How well a draft map finds the points of a finished map of the same documents.

The matching rule
-----------------
Two spans *match* when they quote the same document (documents are paired
by identical text, so a draft made from files matches a map whose document
ids differ) and their overlap is at least half of the shorter span:
``overlap >= 0.5 * min(len(a), len(b))``, with empty spans matching nothing.
A draft node is a whole sentence while a finished map often quotes part of
one; taking half of the *shorter* span lets a sentence match a phrase inside
it, while a sentence that merely touches a neighbour's quote does not.

- **Recall**: of the reference nodes that have at least one source span (its
  *sourced points*), the share for which some draft node has a span matching
  one of the node's spans.
- **Precision**: of the draft nodes, the share whose span matches some span
  of the reference map; the others are *noise*.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from argmap.model import ArgumentMap
from argmap.model.schema import Attrs

#: A source span ``{doc, start, end, ...}``.
Span = Mapping[str, Any]


def span_overlap(a: Span, b: Span) -> int:
    """Return how many characters spans *a* and *b* share (0 for different documents)."""
    if a["doc"] != b["doc"]:
        return 0
    return max(0, min(a["end"], b["end"]) - max(a["start"], b["start"]))


def spans_match(a: Span, b: Span) -> bool:
    """Tell whether spans *a* and *b* match under the rule of this module.

    Example
    -------
    >>> sentence = {"doc": "d", "start": 0, "end": 100}
    >>> spans_match(sentence, {"doc": "d", "start": 90, "end": 110})
    True
    >>> spans_match(sentence, {"doc": "d", "start": 95, "end": 200})
    False
    """
    shorter = min(a["end"] - a["start"], b["end"] - b["start"])
    return shorter > 0 and span_overlap(a, b) * 2 >= shorter


def align_documents(draft: ArgumentMap, reference: ArgumentMap) -> dict[str, str]:
    """Return ``{draft document id: reference document id}`` for documents with equal text.

    A draft document whose text appears in no reference document is paired by
    id if the reference has that id, else left out.
    """
    by_text = {doc["text"]: doc_id for doc_id, doc in reference.documents.items()}
    pairs: dict[str, str] = {}
    for doc_id, doc in draft.documents.items():
        if doc["text"] in by_text:
            pairs[doc_id] = by_text[doc["text"]]
        elif doc_id in reference.documents:
            pairs[doc_id] = doc_id
    return pairs


@dataclass
class DraftScore:
    """Recall and precision of a draft against a reference map.

    Attributes
    ----------
    found, sourced : list of str
        Reference nodes found by the draft; all reference nodes with spans.
    matched, drafted : list of str
        Draft nodes that match a reference span; all draft nodes.
    """

    found: list[str] = field(default_factory=list)
    sourced: list[str] = field(default_factory=list)
    matched: list[str] = field(default_factory=list)
    drafted: list[str] = field(default_factory=list)

    @property
    def recall(self) -> float:
        """Share of the sourced reference points found (1.0 when there are none)."""
        return len(self.found) / len(self.sourced) if self.sourced else 1.0

    @property
    def precision(self) -> float:
        """Share of draft nodes that are not noise (1.0 for an empty draft)."""
        return len(self.matched) / len(self.drafted) if self.drafted else 1.0

    @property
    def noise(self) -> list[str]:
        """Draft nodes that overlap no reference span."""
        matched = set(self.matched)
        return [n for n in self.drafted if n not in matched]

    def lines(self) -> list[str]:
        """Return the two summary lines the CLI and the benchmark print."""
        return [
            f"recall: {len(self.found)}/{len(self.sourced)} sourced points found "
            f"({self.recall:.0%})",
            f"precision: {len(self.matched)}/{len(self.drafted)} draft nodes match a "
            f"sourced point ({self.precision:.0%}); noise: {len(self.noise)}",
        ]


def _draft_spans(draft: ArgumentMap, pairs: Mapping[str, str]) -> Iterator[tuple[str, Attrs]]:
    """Yield (draft node, span re-labelled with the reference document id)."""
    for node, attrs in draft.graph.nodes(data=True):
        for span in attrs.get("sources", ()):
            if span["doc"] in pairs:
                yield node, dict(span, doc=pairs[span["doc"]])


def score_draft(draft: ArgumentMap, reference: ArgumentMap) -> DraftScore:
    """Score *draft* against *reference* (both :class:`ArgumentMap`).

    Returns
    -------
    DraftScore
        The found and sourced reference nodes and the matched and drafted
        draft nodes, with recall and precision.
    """
    spans = list(_draft_spans(draft, align_documents(draft, reference)))
    score = DraftScore(drafted=list(draft.graph.nodes))
    matched: set[str] = set()
    for node, attrs in reference.graph.nodes(data=True):
        own = attrs.get("sources", ())
        if not own:
            continue
        score.sourced.append(node)
        hits = {d for d, span in spans if any(spans_match(span, s) for s in own)}
        if hits:
            score.found.append(node)
        matched |= hits
    score.matched = [n for n in score.drafted if n in matched]
    return score


# ------------------------------------------------------------- agreement
_FILLER = frozenset(
    [
        "the",
        "a",
        "an",
        "and",
        "of",
        "in",
        "on",
        "for",
        "its",
        "their",
        "his",
        "her",
        "to",
        "(implied)",
        "(reporter)",
        "statement's",
    ]
)


def _words(name: str | None) -> set[str]:
    return {w.strip(",.’'()").lower() for w in (name or "").split()} - _FILLER - {""}


def speakers_agree(a: str | None, b: str | None) -> bool:
    """Tell whether two speaker names share a content word (``"Dean Garfield, ITI"``
    and ``"Dean Garfield"`` agree; ``"the groups"`` and ``"IACP and NDAA"`` do not)."""
    return bool(_words(a) & _words(b))


def matched_pairs(draft: ArgumentMap, reference: ArgumentMap) -> list[tuple[str, str]]:
    """Return ``[(draft node, reference node)]`` for every pair with matching spans."""
    spans = list(_draft_spans(draft, align_documents(draft, reference)))
    pairs: list[tuple[str, str]] = []
    for node, attrs in reference.graph.nodes(data=True):
        own = attrs.get("sources", ())
        pairs.extend((d, node) for d, span in spans if any(spans_match(span, s) for s in own))
    return list(dict.fromkeys(pairs))


def agreement(draft: ArgumentMap, reference: ArgumentMap) -> dict[str, tuple[int, int]]:
    """Return counts of how far matched draft nodes agree with the reference.

    Returns
    -------
    dict
        ``kind`` and ``speaker``: (agreeing, compared) over matched pairs
        (speakers only where the draft names one); ``speaker_named``: (pairs
        where the draft names a speaker, pairs); ``relations``: (reference
        edges whose two ends are matched by two draft nodes joined the same way,
        reference edges whose ends are matched by two different draft nodes).
    """
    pairs = matched_pairs(draft, reference)
    same_kind = sum(draft.node(d)["kind"] == reference.node(r)["kind"] for d, r in pairs)
    named = [(d, r) for d, r in pairs if draft.node(d).get("speaker")]
    same_speaker = sum(
        speakers_agree(draft.node(d)["speaker"], reference.node(r).get("speaker")) for d, r in named
    )
    found, reachable = _relation_counts(draft, reference, pairs)
    return {
        "kind": (same_kind, len(pairs)),
        "speaker": (same_speaker, len(named)),
        "speaker_named": (len(named), len(pairs)),
        "relations": (found, reachable),
    }


def _relation_counts(
    draft: ArgumentMap, reference: ArgumentMap, pairs: Sequence[tuple[str, str]]
) -> tuple[int, int]:
    """Of the reference links whose ends two different draft nodes match: how many the draft
    joins the same way, and how many there are."""
    by_ref: dict[str, set[str]] = {}
    for d, r in pairs:
        by_ref.setdefault(r, set()).add(d)
    found = reachable = 0
    for u, v, attrs in reference.graph.edges(data=True):
        ends = [(du, dv) for du in by_ref.get(u, ()) for dv in by_ref.get(v, ()) if du != dv]
        if not ends:
            continue
        reachable += 1
        found += any(
            draft.graph.has_edge(du, dv) and draft.edge(du, dv)["relation"] == attrs["relation"]
            for du, dv in ends
        )
    return found, reachable
