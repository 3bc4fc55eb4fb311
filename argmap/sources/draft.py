"""Draft a map from source documents, offline, for the user to review.

Each sentence with enough argument cues (see :mod:`argmap.sources.cues`)
becomes a candidate node marked ``draft: true`` with a span of its sentence,
the cues it showed, its guessed kind and, where the text names one, its
speaker. Candidate relations come from connectives and adjacency:

- a sentence opening with *but*, *however*, *although* ... opposes the
  previous candidate;
- one opening with *because*, *in fact*, *for example* ... supports it;
- one opening with *therefore*, *thus* ... is supported by it;
- evidence (numbers, dates, events) supports the previous non-evidence
  candidate of the same paragraph or the one before.

Candidates never cross documents. The documents travel inside the map.
"""

from argmap.errors import ArgmapError
from argmap.model import ArgumentMap
from argmap.sources.cues import read_cues, resolve_speaker
from argmap.sources.documents import SourceDocument, add_document_command, span_at
from argmap.sources.sentences import blocks, split_sentences

#: Least cue score (see :attr:`Cues.score`) for a sentence to become a candidate.
MIN_SCORE = 2
#: How many paragraphs back an evidence sentence may look for the point it supports.
EVIDENCE_REACH = 1


def _as_record(doc):
    return doc.to_record() if isinstance(doc, SourceDocument) else dict(doc)


def _unique_records(documents):
    """Return the documents as plain records with unique ids."""
    records, seen = [], set()
    for doc in documents:
        record = _as_record(doc)
        base, n = record["id"], 2
        while record["id"] in seen:
            record["id"] = f"{base}-{n}"
            n += 1
        seen.add(record["id"])
        records.append(record)
    return records


def _paragraph_of(text):
    """Return a function giving the paragraph index of a character offset."""
    starts = [start for start, _ in blocks(text)]

    def index(offset):
        return sum(1 for s in starts if s <= offset) - 1
    return index


def _node_attrs(record, start, end, cues):
    attrs = {"draft": True, "sources": [span_at(record, start, end)], "cues": list(cues.found),
             "citation": record.get("title") or record["id"],
             "tags": ["draft", f"article:{record['id']}"]}
    if cues.speaker:
        attrs["speaker"] = cues.speaker
    if cues.basis:
        attrs["basis"] = cues.basis
    return attrs


def _relate(amap, node, cues, previous, paragraph):
    """Add the candidate relation of *node* to the previous candidate, if any."""
    if previous is None:
        return
    prev_node, prev_kind, prev_paragraph = previous
    if cues.relation in ("opposes", "supports"):
        amap.connect(node, prev_node, cues.relation, draft=True,
                     note=f"draft: the sentence's opening connective ({cues.relation})")
    elif cues.relation == "concludes":
        amap.connect(prev_node, node, "supports", draft=True,
                     note="draft: the sentence draws a conclusion from the previous one")
    elif (cues.kind == "evidence" and prev_kind != "evidence"
          and paragraph - prev_paragraph <= EVIDENCE_REACH):
        amap.connect(node, prev_node, "supports", draft=True,
                     note="draft: evidence next to the point it may back")


def _draft_document(amap, record, min_score):
    """Add the candidates of one document; return how many were added."""
    text = record["text"]
    paragraph_of = _paragraph_of(text)
    previous, added, speakers = None, 0, []
    for start, end in split_sentences(text):
        cues = read_cues(text[start:end])
        if cues.score < min_score:
            continue
        if cues.relation == "opposes" and previous is not None and previous[1] == "counterclaim":
            cues.kind = "claim"  # a rebuttal of an objection argues for the other side
        if cues.speaker:
            cues.speaker = resolve_speaker(cues.speaker, speakers)
            speakers.append(cues.speaker)
        node = amap.add_node(cues.kind, " ".join(text[start:end].split()),
                             **_node_attrs(record, start, end, cues))
        paragraph = paragraph_of(start)
        _relate(amap, node, cues, previous, paragraph)
        previous = (node, cues.kind, paragraph)
        added += 1
    return added


def draft_map(documents, min_score=MIN_SCORE):
    """Return a draft map of *documents* with every candidate marked ``draft: true``.

    Parameters
    ----------
    documents : iterable of SourceDocument or dict
        The documents to read; they are embedded in the map (ids made unique).
    min_score : int
        Least cue score for a sentence to become a candidate.

    Example
    -------
    >>> doc = SourceDocument("d", "Note", "Police said encryption must be weakened. "
    ...                      "However, experts warned that this would harm security.")
    >>> m = draft_map([doc])
    >>> [(a["kind"], a["speaker"]) for _, a in m.graph.nodes(data=True)]
    [('claim', 'Police'), ('counterclaim', 'experts')]
    """
    records = _unique_records(documents)
    title = "Draft: " + "; ".join(r.get("title") or r["id"] for r in records)
    amap = ArgumentMap(title[:200])
    for record in records:
        amap.apply(add_document_command(record))
    for record in records:
        _draft_document(amap, record, min_score)
    return amap


def run_draft_command(paths, output, against, out):
    """Carry out ``argmap draft DOC... -o OUT [--against MAP]``; return the exit code.

    Raises
    ------
    ArgmapError
        With a clear message when there is no document, a document cannot be
        read (:class:`FormatError`) or the map cannot be saved (:class:`SaveError`).
    """
    from argmap.formats import native
    from argmap.sources.documents import load_document

    if not paths:
        raise ArgmapError("give at least one document to draft from")
    reference = native.load(against) if against else None
    amap = draft_map([load_document(path) for path in paths])
    native.save(amap, output)
    print(f"wrote {output} ({len(amap)} draft nodes, {amap.graph.number_of_edges()} "
          f"draft relations from {len(amap.documents)} document(s))", file=out)
    if reference is not None:
        from argmap.sources.compare import score_draft

        for line in score_draft(amap, reference).lines():
            print(line, file=out)
    return 0
