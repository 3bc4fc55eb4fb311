"""Sentence splitting with offsets into the original text.

:func:`split_sentences` returns ``(start, end)`` pairs so that
``text[start:end]`` is each sentence, untouched. The rules are written for
news text:

- paragraphs (blank lines), Markdown headings and list items always break;
- a line that is page furniture (``ADVERTISEMENT``, ``Read more``) belongs to
  no sentence;
- a full stop, question mark, exclamation mark or ellipsis ends a sentence
  when what follows looks like a new one (a capital, a digit, an opening quote);
- abbreviations (``Nov. 13``, ``Dr. Smith``, ``e.g.``), initials
  (``John F. Kennedy``) and lower-case continuations do not end a sentence;
  ambiguous ones (``U.S.``, ``Inc.``) end one only before a word that
  usually starts sentences (``the U.S. The statement...``);
- a quotation that closes within its paragraph is kept whole, so a quoted
  passage of several sentences stays with its attribution; an unmatched
  quote mark (stray noise) is ignored.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

#: Abbreviations after which a sentence never ends.
TITLES = frozenset(
    [
        "mr",
        "mrs",
        "ms",
        "dr",
        "prof",
        "sen",
        "rep",
        "gov",
        "gen",
        "lt",
        "col",
        "capt",
        "sgt",
        "cpl",
        "adm",
        "cmdr",
        "st",
        "rev",
        "hon",
        "pres",
        "supt",
        "det",
        "insp",
        "messrs",
        "mme",
        "mlle",
        "fr",
        "sr",
        "jr",
        "vs",
        "v",
        "cf",
        "al",
        "approx",
        "ca",
        "fig",
        "no",
        "nos",
        "vol",
        "pp",
        "p",
        "op",
        "art",
        "sec",
        "ch",
        "ed",
        "eds",
    ]
)
#: Month and day abbreviations: no sentence ends before a number (``Nov. 13``).
MONTHS = frozenset(
    [
        "jan",
        "feb",
        "mar",
        "apr",
        "jun",
        "jul",
        "aug",
        "sep",
        "sept",
        "oct",
        "nov",
        "dec",
        "mon",
        "tue",
        "tues",
        "wed",
        "thu",
        "thur",
        "thurs",
        "fri",
        "sat",
        "sun",
    ]
)
#: Abbreviations that may also end a sentence (``in the U.S. The ...``).
AMBIGUOUS = frozenset(
    [
        "inc",
        "corp",
        "co",
        "ltd",
        "llc",
        "plc",
        "bros",
        "dept",
        "univ",
        "etc",
        "a.m",
        "p.m",
        "u.s",
        "u.k",
        "u.n",
        "e.u",
        "d.c",
        "u.s.a",
    ]
)
#: Abbreviations always followed by more of the same sentence.
NEVER_END = frozenset(["e.g", "i.e", "viz"])
#: Words that often start a sentence; after an ambiguous abbreviation they signal a break.
STARTERS = frozenset(
    [
        "a",
        "an",
        "the",
        "this",
        "that",
        "these",
        "those",
        "it",
        "its",
        "he",
        "she",
        "they",
        "we",
        "i",
        "you",
        "there",
        "here",
        "his",
        "her",
        "their",
        "our",
        "but",
        "and",
        "however",
        "although",
        "though",
        "yet",
        "so",
        "if",
        "when",
        "while",
        "after",
        "before",
        "since",
        "because",
        "as",
        "in",
        "on",
        "at",
        "for",
        "from",
        "to",
        "of",
        "by",
        "with",
        "without",
        "during",
        "despite",
        "meanwhile",
        "also",
        "still",
        "then",
        "now",
        "today",
        "officials",
        "police",
        "some",
        "many",
        "most",
        "several",
        "one",
        "two",
        "three",
        "no",
        "not",
        "what",
        "why",
        "how",
        "who",
    ]
)
#: Whole lines that are page furniture rather than text.
NOISE_LINES = frozenset(
    (
        "advertisement",
        "advertisements",
        "sponsored",
        "sponsored content",
        "skip advertisement",
        "story continues below",
        "story continues below advertisement",
        "continue reading",
        "read more",
        "share",
        "share this article",
        "share on facebook",
        "share on twitter",
        "click here to subscribe",
        "related",
        "related articles",
    )
)

OPEN_QUOTES = "\u201c\u201e\u00ab"
CLOSE_QUOTES = "\u201d\u00bb"
STRAIGHT_QUOTE = '"'
_CLOSERS = "\"'\u201d\u2019\u00bb)]}"
_END = re.compile(r"(?:\.\.\.|\u2026|[.!?]+)[" + re.escape(_CLOSERS) + r"]*")
_WORD_BEFORE = re.compile(r"([A-Za-z][A-Za-z.]*)\.$")
_HEADING = re.compile(r"[ \t]*#{1,6}[ \t]")
_BLOCK_START = re.compile(r"[ \t]*(?:#{1,6}[ \t]|[-*+][ \t]|\d{1,3}[.)][ \t])")


def split_sentences(text: str) -> list[tuple[int, int]]:
    """Return the sentences of *text* as ``(start, end)`` offsets.

    Parameters
    ----------
    text : str
        Any text; it is not changed.

    Returns
    -------
    list of tuple of int
        In text order; each slice is stripped of surrounding white space and
        holds at least one letter or digit.

    Example
    -------
    >>> text = "Dr. Ray spoke on Nov. 13 in the U.S. Department. Police agreed."
    >>> [text[s:e] for s, e in split_sentences(text)]
    ['Dr. Ray spoke on Nov. 13 in the U.S. Department.', 'Police agreed.']
    """
    result: list[tuple[int, int]] = []
    for start, end in blocks(text):
        result.extend(_split_block(text, start, end))
    return result


def sentence_texts(text: str) -> list[str]:
    """Return the sentences of *text* as strings (see :func:`split_sentences`)."""
    return [text[s:e] for s, e in split_sentences(text)]


# ----------------------------------------------------------------- blocks
def _lines(text: str) -> Iterator[tuple[int, int]]:
    """Yield ``(start, end)`` of each line, without its line break."""
    start = 0
    for match in re.finditer(r"\r\n|\r|\n", text):
        yield start, match.start()
        start = match.end()
    yield start, len(text)


def is_noise_line(line: str) -> bool:
    """Tell whether a whole line is page furniture such as ``ADVERTISEMENT``."""
    flat = " ".join(line.lower().split()).strip(" .:-|\u2022")
    return flat in NOISE_LINES


def blocks(text: str) -> list[tuple[int, int]]:
    """Return ``(start, end)`` of each paragraph-like block that may hold sentences.

    Blank lines and noise lines separate blocks; a Markdown heading or list
    item starts a new block.
    """
    found: list[list[int]] = []
    current: list[int] | None = None
    for start, end in _lines(text):
        line = text[start:end]
        if not line.strip() or is_noise_line(line):
            current = None
            continue
        if current is None or _BLOCK_START.match(line):
            current = [start, end]
            found.append(current)
        else:
            current[1] = end
        if _HEADING.match(line):
            current = None
    return [(a, b) for a, b in found]


# -------------------------------------------------------------- splitting
def _split_block(text: str, start: int, end: int) -> list[tuple[int, int]]:
    quoted = quote_regions(text, start, end)
    pieces: list[tuple[int, int]] = []
    begin = start
    for match in _END.finditer(text, start, end):
        cut = match.end()
        if any(a < cut < b for a, b in quoted):
            continue
        if _is_boundary(text, match, end):
            pieces.append((begin, cut))
            begin = cut
    pieces.append((begin, end))
    return [p for p in (_trim(text, a, b) for a, b in pieces) if p]


def _trim(text: str, start: int, end: int) -> tuple[int, int] | None:
    """Strip white space and stray opening quote marks that stand alone at either end."""
    while True:
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        if start + 1 < end and text[start] in OPEN_QUOTES and text[start + 1].isspace():
            start += 1
        elif end - 1 > start and text[end - 1] in OPEN_QUOTES and text[end - 2].isspace():
            end -= 1
        else:
            break
    if not any(ch.isalnum() for ch in text[start:end]):
        return None
    return start, end


def _next_word(text: str, at: int, end: int) -> str | None:
    """Return the text after the white space at *at*, or None if no space is there."""
    gap = at
    while gap < end and text[gap] in " \t\r\n\u00a0":
        gap += 1
    if gap == at or gap >= end:
        return None
    return text[gap : min(end, gap + 40)]


def _is_boundary(text: str, match: re.Match[str], end: int) -> bool:
    """Decide whether the terminator *match* ends a sentence."""
    following = _next_word(text, match.end(), end)
    if following is None:
        return False
    first = following.lstrip(OPEN_QUOTES + STRAIGHT_QUOTE + "\u2018'([ \t\r\n")
    if not first:
        return True  # only quote marks follow: a stray mark, dropped as its own piece
    if not (first[0].isupper() or first[0].isdigit()):
        return False
    if match.group().startswith(".") and len(match.group().rstrip(_CLOSERS)) == 1:
        return _period_ends(text, match.start(), first)
    return True


def _period_ends(text: str, dot: int, following: str) -> bool:
    """Decide whether the single full stop at *dot* ends a sentence."""
    found = _WORD_BEFORE.search(text, max(0, dot - 20), dot + 1)
    if not found:
        return True
    word = found.group(1).lower()
    after = re.match(r"[\w']+", following)
    next_word = after.group().lower() if after else ""
    if word in NEVER_END or word in TITLES:
        return False
    if word in MONTHS:
        return not following[0].isdigit()
    if word in AMBIGUOUS:
        return next_word in STARTERS
    if len(word) == 1 and word.isalpha() and found.group(1).isupper():
        return False  # an initial: "John F. Kennedy"
    if "." in word and len(word.replace(".", "")) <= 3:
        return next_word in STARTERS  # "U.S.A." and the like
    return True


def quote_regions(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Return ``(open, close)`` offsets of the quotations that close within a block.

    Curly and guillemet quotes pair by nesting; straight double quotes pair in
    turn. A quote mark left without its partner is ignored.
    """
    regions: list[tuple[int, int]] = []
    stack: list[int] = []
    straight: int | None = None
    for at in range(start, end):
        ch = text[at]
        if ch in OPEN_QUOTES:
            stack.append(at)
        elif ch in CLOSE_QUOTES and stack:
            regions.append((stack.pop(), at + 1))
        elif ch == STRAIGHT_QUOTE:
            if straight is None:
                straight = at
            else:
                regions.append((straight, at + 1))
                straight = None
    return regions
