"""Argumentative units: sentences split into clauses at connectives, with exact spans.

About a fifth of the moves in a short argument sit inside one sentence
("X, but Y", "Although X, Y", "X because Y"). :func:`split_units` cuts a
sentence there and returns ``(start, end, marker)`` triples, where
``text[start:end]`` is the clause untouched and *marker* names the
connective that joins it to the clause before (``None`` for the first):

- a sentence opening with *although*, *though*, *even if*, *even though*,
  *while*, *whereas*, *because*, *since* or *as* is cut at the first comma:
  the opening clause carries the connective as its marker and the main
  clause gets the marker ``main``;
- inside a sentence, a clause starts at *but*, *yet*, *although*,
  *though*, *even if*, *even though*, *whereas*, *while*, *because*,
  *since*, *as*, *for*, *so*, *which* (after a comma), a semicolon, a colon,
  or *and* followed by a clause of its own;
- nothing is cut inside a quotation, before a piece of fewer than
  :data:`MIN_WORDS` words, or at a use of the word that is not a
  connective (*because of*, *since 2010*, *so that*, *for example*,
  *but also*, *as well*).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from argmap.sources.sentences import quote_regions

#: Where quotations lie: ``(open, close)`` offsets (see ``quote_regions``).
Quoted = Sequence[tuple[int, int]]

#: Least number of words on each side of a cut.
MIN_WORDS = 3

#: Connectives that open a subordinate clause at the start of a sentence.
OPENING = (
    "even though",
    "even if",
    "although",
    "though",
    "whereas",
    "while",
    "because",
    "since",
    "as",
)
_OPENING = re.compile(r"(?:[\"“‘'(]\s*)?(" + "|".join(OPENING) + r")\b", re.IGNORECASE)

_PRONOUN = (
    r"(?:i|we|you|he|she|it|they|there|this|that|these|those|the|a|an|our|their|"
    r"its|his|her|my|your|most|many|some|no|every|all|each|people|[A-Z]\w*)"
)
_AUX = (
    r"(?:is|are|was|were|has|have|had|can|cannot|can't|will|won't|would|do|does|did|"
    r"don't|doesn't|didn't|must|should|could|may|might|shall)\b"
)
_DETERMINER = (
    r"(?:the|a|an|this|that|these|those|it|they|we|he|she|there|i|you|our|their|"
    r"its|his|her|my|your|many|most|some|no)"
)
_FINITE = re.compile(
    r"\b(?:is|are|was|were|be|been|has|have|had|can|cannot|can't|will|"
    r"won't|would|do|does|did|don't|doesn't|didn't|must|should|could|may|"
    r"might|shall|\w+s|\w+ed)\b"
)

#: Connectives inside a sentence: (pattern, marker). The pattern matches the
#: gap before the clause; the clause starts at the connective itself.
_INSIDE = [
    (
        re.compile(
            r"[,;]\s+(?=but\b(?!\s+also\b))|\s+(?=but\b(?!\s+also\b)(?=\s+" + _PRONOUN + r"\b))",
            re.IGNORECASE,
        ),
        "but",
    ),
    (re.compile(r",\s+(?=yet\b)", re.IGNORECASE), "yet"),
    (
        re.compile(r",?\s+(?=(?:even\s+though|even\s+if|although|whereas)\b)", re.IGNORECASE),
        "although",
    ),
    (re.compile(r",\s+(?=(?:though|while)\b\s+" + _PRONOUN + r"\b)", re.IGNORECASE), "although"),
    (re.compile(r",?\s+(?=because\b(?!\s+of\b))", re.IGNORECASE), "because"),
    (re.compile(r",?\s+(?=since\b\s+(?!\d)" + _PRONOUN + r"\b)", re.IGNORECASE), "because"),
    (
        re.compile(
            r",\s+(?=(?:as|for)\s+" + _PRONOUN + r"\b(?!\s+(?:example|instance|well|"
            r"long|far|much|many|years?|decades?|the\s+first)\b))",
            re.IGNORECASE,
        ),
        "because",
    ),
    (
        re.compile(
            r"[,;]\s+(?=so\b(?!\s+(?:that|far|much|many|long|too|called)\b)(?!-))", re.IGNORECASE
        ),
        "so",
    ),
    (re.compile(r",\s+(?=which\b)", re.IGNORECASE), "which"),
    (re.compile(r";\s+(?!but\b|so\b)", re.IGNORECASE), "semicolon"),
    (re.compile(r":\s+"), "colon"),
    (re.compile(r",\s+(?=and\b)", re.IGNORECASE), "and"),
    (
        re.compile(
            r"\s+(?=and\s+(?:" + _AUX + r"|\w+ed\b|\w+s\s+(?:the|a|an|our|their|its|his|her|"
            r"my|your|more|less|no)\b|"
            + _DETERMINER
            + r"\s+(?:\w+\s+)?(?:"
            + _AUX
            + r"|\w+(?:s|ed)\b)))",
            re.IGNORECASE,
        ),
        "and",
    ),
]


def _words(text: str) -> int:
    return len(re.findall(r"[\w’'-]+", text))


def _inside_quote(at: int, quoted: Quoted) -> bool:
    return any(a < at < b for a, b in quoted)


def _opening_cut(text: str, start: int, end: int, quoted: Quoted) -> tuple[int, str] | None:
    """Return (cut offset, marker) of a sentence-initial subordinate clause, or None."""
    match = _OPENING.match(text, start, end)
    if not match:
        return None
    comma = text.find(",", match.end(), end)
    if comma < 0 or _inside_quote(comma, quoted):
        return None
    word = " ".join(match.group(1).lower().split())
    if word == "since" and re.match(r"\s*\d", text[match.end() : comma]):
        return None  # "Since 2010, ..." tells a time, not a reason
    return comma + 1, word


def _clause_ok(piece: str, marker: str | None) -> bool:
    """Tell whether *piece* may stand as a clause opened by *marker*."""
    if _words(piece) < MIN_WORDS:
        return False
    if marker == "and":
        return _words(piece) >= 5 and bool(_FINITE.search(piece[4:]))
    return True


def _inside_cuts(text: str, start: int, end: int, quoted: Quoted) -> list[tuple[int, int, str]]:
    """Return sorted (offset, marker) of connectives inside ``text[start:end]``."""
    cuts: dict[int, tuple[int, str]] = {}
    for pattern, marker in _INSIDE:
        for match in pattern.finditer(text, start, end):
            at = match.end()
            gap = match.start()
            while gap < at and text[gap] in ",;:":
                gap += 1  # the punctuation stays with the clause before
            if at < end and not _inside_quote(match.start(), quoted):
                cuts.setdefault(at, (gap, marker))
    return sorted((at, gap, marker) for at, (gap, marker) in cuts.items())


def _cut(text: str, start: int, end: int, quoted: Quoted) -> list[tuple[int, int, str | None]]:
    """Return ``[(start, end, marker)]`` pieces of one sentence."""
    pieces: list[tuple[int, int, str | None]] = [(start, end, None)]
    opening = _opening_cut(text, start, end, quoted)
    if (
        opening
        and _words(text[opening[0] : end]) >= MIN_WORDS
        and _words(text[start : opening[0]]) >= MIN_WORDS
    ):
        pieces = [(start, opening[0], opening[1]), (opening[0], end, "main")]
    for at, gap, marker in _inside_cuts(text, start, end, quoted):
        first, last, before = pieces[-1]
        if not first < gap or at >= last:
            continue
        if _clause_ok(text[first:gap], before) and _clause_ok(text[at:last], marker):
            pieces[-1:] = [(first, gap, before), (at, last, marker)]
    return pieces


def _trimmed(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def split_units(text: str, start: int, end: int) -> list[tuple[int, int, str | None]]:
    """Return the clauses of the sentence ``text[start:end]`` as ``(start, end, marker)``.

    Parameters
    ----------
    text : str
        The whole document (it is not changed).
    start, end : int
        The offsets of one sentence in *text*.

    Returns
    -------
    list of tuple
        In text order, covering the sentence without overlap; each slice is
        stripped of surrounding white space.

    Example
    -------
    >>> s = "Although fees annoy people, they cut waste, because prices guide demand."
    >>> [(s[a:b], m) for a, b, m in split_units(s, 0, len(s))]
    [('Although fees annoy people,', 'although'), ('they cut waste,', 'main'), \
('because prices guide demand.', 'because')]
    """
    quoted = quote_regions(text, start, end)
    pieces = _cut(text, start, end, quoted)
    return [(*_trimmed(text, a, b), marker) for a, b, marker in pieces]
