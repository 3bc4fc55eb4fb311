"""Draft a map from source documents, offline, for the user to review.

Each document is cut into argumentative units: sentences, split into
clauses at connectives (:mod:`argmap.sources.clauses`). Every unit becomes a
node marked ``draft: true`` with an exact span of its words, the argument
cues it showed, its guessed kind and, where the text names one, its speaker
and the basis of its evidence (:mod:`argmap.sources.cues`). A unit with few
cues is kept and marked ``confidence: "low"`` rather than dropped, so a
document with at least one sentence never gives an empty draft.

The relations come from :mod:`argmap.sources.structure`: one central claim
per document, which the other units support unless a concession, contrast,
conclusion marker, reason clause or example says otherwise. In a long
document (more than :data:`FLAT_UNITS` units over several paragraphs) each
paragraph is read as its own small argument whose main point bears on the
document's central claim.

Candidates never cross documents. The documents travel inside the map.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from argmap.model import ArgumentMap
from argmap.model.schema import Attrs
from argmap.sources.clauses import split_units
from argmap.sources.cues import Cues, read_cues, resolve_speaker
from argmap.sources.documents import SourceDocument, add_document_command, span_at
from argmap.sources.sentences import blocks, split_sentences
from argmap.sources.structure import Link, Unit, central_unit, read_move, structure

#: Least cue score (see :attr:`Cues.score`) for a unit not to be marked low-confidence.
MIN_SCORE = 2
#: Up to this many units, a document is read as one flat argument.
FLAT_UNITS = 12


def _as_record(doc: SourceDocument | Mapping[str, Any]) -> Attrs:
    return doc.to_record() if isinstance(doc, SourceDocument) else dict(doc)


def _unique_records(documents: Iterable[SourceDocument | Mapping[str, Any]]) -> list[Attrs]:
    """Return the documents as plain records with unique ids."""
    records: list[Attrs] = []
    seen: set[str] = set()
    for doc in documents:
        record = _as_record(doc)
        base, n = record["id"], 2
        while record["id"] in seen:
            record["id"] = f"{base}-{n}"
            n += 1
        seen.add(record["id"])
        records.append(record)
    return records


def document_units(text: str, sentences: Sequence[tuple[int, int]] | None = None) -> list[Unit]:
    """Return the :class:`~argmap.sources.structure.Unit` list of *text*, in text order.

    *sentences* are the ``(start, end)`` spans of *text*'s sentences, when the
    caller has split them already (:func:`~argmap.sources.sentences.split_sentences`).

    Example
    -------
    >>> [u.text for u in document_units("Fees cut waste, because prices guide demand. Keep them.")]
    ['Fees cut waste,', 'because prices guide demand.', 'Keep them.']
    """
    starts = [start for start, _ in blocks(text)]
    units = []
    if sentences is None:
        sentences = split_sentences(text)
    for number, (start, end) in enumerate(sentences):
        paragraph = bisect_right(starts, start) - 1
        for a, b, marker in split_units(text, start, end):
            units.append(
                Unit(a, b, text[a:b], marker, number, paragraph, read_move(text[a:b], marker))
            )
    return units


def _groups(units: Sequence[Unit]) -> list[list[int]]:
    """Return lists of unit indices read as one argument each: the whole text, or paragraphs."""
    paragraphs: dict[int, list[int]] = {}
    for i, unit in enumerate(units):
        paragraphs.setdefault(unit.paragraph, []).append(i)
    if len(units) <= FLAT_UNITS or len(paragraphs) < 2:
        return [list(range(len(units)))]
    return list(paragraphs.values())


def document_structure(units: Sequence[Unit]) -> tuple[int | None, dict[int, Link]]:
    """Return ``(central, links)`` over the indices of *units* (see :func:`structure`)."""
    if not units:
        return None, {}
    links: dict[int, Link] = {}
    heads: list[int] = []
    for group in _groups(units):
        head, local = structure([units[i] for i in group])
        heads.append(group[head])
        links.update(
            {group[i]: Link(group[k.target], k.relation, k.rule) for i, k in local.items()}
        )
    central = heads[central_unit([units[h] for h in heads])]
    for head in heads:
        if head != central:
            opposing = units[head].move == "concession"
            links[head] = Link(central, "opposes" if opposing else "supports", "paragraph point")
    return central, links


def _stance(node: int, links: Mapping[int, Link], memo: dict[int, int]) -> int:
    """Return +1 (pro) or -1 (con) for a unit, by the parity of opposes up to the claim."""
    path = []
    while node in links and node not in memo:
        path.append(node)
        node = links[node].target
    sign = memo.get(node, 1)
    for step in reversed(path):
        sign = sign * (-1 if links[step].relation == "opposes" else 1)
        memo[step] = sign
    return memo.get(path[0], sign) if path else sign


def _kind(cues: Cues, stance: int) -> str:
    if cues.basis:
        return "evidence"
    return "claim" if stance > 0 else "counterclaim"


def _node_attrs(
    record: Attrs, unit: Unit, cues: Cues, speaker: str | None, min_score: int
) -> Attrs:
    attrs: Attrs = {
        "draft": True,
        "sources": [span_at(record, unit.start, unit.end)],
        "cues": list(cues.found),
        "citation": record.get("title") or record["id"],
        "tags": ["draft", f"article:{record['id']}"],
    }
    if cues.score < min_score:
        attrs["confidence"] = "low"
        attrs["tags"].append("low-confidence")
    if speaker:
        attrs["speaker"] = speaker
    if cues.basis:
        attrs["basis"] = cues.basis
    return attrs


def _sentence_cues(
    text: str, sentences: Sequence[tuple[int, int]], units: Iterable[Unit]
) -> dict[int, tuple[Cues, tuple[int, int]]]:
    """Return ``{sentence number: (Cues, (start, end))}`` for the sentences holding *units*.

    *sentences* are the spans of the document's sentences. Speakers are resolved
    against the earlier speakers of the document.
    """
    found: dict[int, tuple[Cues, tuple[int, int]]] = {}
    earlier: list[str] = []
    for unit in units:
        if unit.sentence not in found:
            start, end = sentences[unit.sentence]
            cues = read_cues(text[start:end])
            if cues.speaker:
                cues.speaker = resolve_speaker(cues.speaker, earlier)
                earlier.append(cues.speaker)
            found[unit.sentence] = (cues, (start, end))
    return found


def _unit_cues(
    unit: Unit, sentence_cues: Mapping[int, tuple[Cues, tuple[int, int]]]
) -> tuple[Cues, str | None]:
    """Return the cues of *unit* itself and the speaker of its sentence."""
    cues, span = sentence_cues[unit.sentence]
    if span == (unit.start, unit.end):
        return cues, cues.speaker
    return read_cues(unit.text), cues.speaker


def _draft_document(amap: ArgumentMap, record: Attrs, min_score: int) -> int:
    """Add the units and relations of one document; return how many nodes were added."""
    text = record["text"]
    sentences = split_sentences(text)
    units = document_units(text, sentences)
    central, links = document_structure(units)
    sentence_cues = _sentence_cues(text, sentences, units)
    memo: dict[int, int] = {}
    ids: list[str] = []
    for i, unit in enumerate(units):
        cues, speaker = _unit_cues(unit, sentence_cues)
        attrs = _node_attrs(record, unit, cues, speaker, min_score)
        if i == central:
            attrs["tags"].append("central-claim")
        ids.append(
            amap.add_node(
                _kind(cues, _stance(i, links, memo)), " ".join(unit.text.split()), **attrs
            )
        )
    for i, link in links.items():
        amap.connect(
            ids[i], ids[link.target], link.relation, draft=True, note=f"draft: {link.rule}"
        )
    return len(ids)


def draft_map(
    documents: Iterable[SourceDocument | Mapping[str, Any]], min_score: int = MIN_SCORE
) -> ArgumentMap:
    """Return a draft map of *documents* with every candidate marked ``draft: true``.

    Parameters
    ----------
    documents : iterable of SourceDocument or dict
        The documents to read; they are embedded in the map (ids made unique).
    min_score : int
        Least cue score for a unit not to be marked ``confidence: "low"``.

    Example
    -------
    >>> doc = SourceDocument("d", "Note", "Encryption must stay strong. Police said it "
    ...                      "hinders them. However, experts warned that backdoors harm us.")
    >>> m = draft_map([doc])
    >>> [(a["kind"], a.get("speaker")) for _, a in m.graph.nodes(data=True)]
    [('claim', None), ('counterclaim', 'Police'), ('claim', 'experts')]
    >>> [(u, v, r) for u, v, r in m.graph.edges(data="relation")]
    [('n2', 'n1', 'opposes'), ('n3', 'n2', 'opposes')]
    """
    records = _unique_records(documents)
    title = "Draft: " + "; ".join(r.get("title") or r["id"] for r in records)
    amap = ArgumentMap(title[:200])
    for record in records:
        amap.apply(add_document_command(record))
    for record in records:
        _draft_document(amap, record, min_score)
    return amap
