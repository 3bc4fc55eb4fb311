"""Argument cues in a sentence: who says it, how strongly, and how it connects.

Plain word lists and regular expressions, no model and no network. Each
function looks at one sentence; :func:`read_cues` gathers them into a
:class:`Cues` record that the draft extractor (:mod:`argmap.sources.draft`)
turns into a candidate node.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Sequence
from dataclasses import dataclass, field

REPORTING = (
    "said|says|say|saying|argued|argues|argue|arguing|insisted|insists|insist|warned|warns|"
    "claimed|claims|stated|states|told|tells|believe|believes|believed|acknowledged|"
    "acknowledges|urged|urges|urge|rejected|rejects|contended|contends|noted|notes|added|"
    "adds|maintained|maintains|asserted|asserts|expressed|expresses|continued|continues|"
    "called for|calls for|conceded|concedes|admitted|admits|explained|explains|wrote|writes|"
    "reported|reports|announced|announces|testified|denied|denies|suggested|suggests|recommended|recommends"
)
_REPORTING = re.compile(rf"\b(?:{REPORTING})\b")
_ACCORDING = re.compile(r"\baccording to ((?:the )?[A-Z][\w’'.&-]*(?: [A-Z][\w’'.&-]*)*)")
_AUX = re.compile(
    r"(?:\s+(?:have|has|had|will|would|also|first|then|quickly|repeatedly|"
    r"again|once|publicly|last week|this week|on \w+day|on \w+|in a \w+))+$",
    re.IGNORECASE,
)
_NAME = re.compile(r"[A-Z][a-z]+(?:\s+[A-Z]\.)?(?:\s+[A-Z][a-z]+)+")
PRONOUNS = frozenset(
    ["it", "he", "she", "they", "we", "i", "you", "this", "that", "these", "those", "which", "who"]
)
OPENERS = frozenset(
    [
        "in",
        "on",
        "at",
        "after",
        "before",
        "during",
        "when",
        "while",
        "although",
        "though",
        "as",
        "since",
        "because",
        "if",
        "for",
        "by",
        "with",
        "despite",
        "every",
        "each",
        "whenever",
        "once",
    ]
)
_FINITE = frozenset(
    [
        "have",
        "has",
        "had",
        "is",
        "are",
        "was",
        "were",
        "will",
        "would",
        "do",
        "does",
        "did",
        "can",
        "could",
        "may",
        "might",
        "must",
        "shall",
        "should",
    ]
)
_ACRONYM = re.compile(r"\(([A-Z][A-Z&]{1,9})\)")

STRONG_MODALS = re.compile(
    r"\b(?:should|must|ought to|needs? to|have to|has to|cannot|"
    r"can't|won't|will not|would)\b",
    re.IGNORECASE,
)
WEAK_MODALS = re.compile(
    r"\b(?:could|may|might|likely|probably|perhaps|inevitably|"
    r"certainly|almost certainly)\b",
    re.IGNORECASE,
)
EVALUATIVE = re.compile(
    r"\b(?:critical|serious|threat\w*|danger\w*|harm\w*|ruinous|major|challeng\w*|"
    r"problem\w*|concern\w*|valu\w+|important\w*|vulnerab\w+|risk\w*|secur\w+|privacy|"
    r"rights?|safety|evidence|proof|benefit\w*|damag\w*|protect\w*|exploit\w*|weaken\w*|"
    r"undermin\w*|necessary|essential|wrong|dangerous|unsafe|balance\w*|legitimate|"
    r"abus\w+|hinder\w*|block\w*|prevent\w*)\b",
    re.IGNORECASE,
)
CONTRAST_OPENERS = re.compile(
    r"^(?:but|however|although|though|yet|still|nevertheless|"
    r"nonetheless|instead|whereas|on the other hand|in contrast|"
    r"even so|critics|opponents)\b",
    re.IGNORECASE,
)
CONTRAST_INSIDE = re.compile(
    r"(?:, but (?!also)|, though |, although |; however|\bhowever,|"
    r"\bfought back\b|\brejected\b|\bopposed\b|\bobjected\b)",
    re.IGNORECASE,
)
SUPPORT_OPENERS = re.compile(
    r"^(?:because|since|for example|for instance|in fact|indeed|"
    r"this is why|that is why|after all|moreover|furthermore|also|"
    r"importantly|in particular|specifically)\b",
    re.IGNORECASE,
)
SUPPORT_INSIDE = re.compile(
    r"\b(?:because|since|due to|given that|as a result of)\b", re.IGNORECASE
)
CONCLUSION_OPENERS = re.compile(
    r"^(?:therefore|thus|hence|so|as a result|consequently|"
    r"accordingly)\b",
    re.IGNORECASE,
)

MONTH_WORDS = (
    r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?|"
    r"(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day"
)
DATE = re.compile(rf"\b(?:(?:19|20)\d\d|(?:{MONTH_WORDS})\s+\d{{1,2}})\b")
NUMBER = re.compile(
    r"\b\d[\d,.]*\b|\b(?:hundreds|thousands|millions|billions|dozens)\b", re.IGNORECASE
)
BELIEF = re.compile(
    r"\b(?:believe[sd]?|think|thinks|thought|suspect[sed]*|estimate[sd]?)\b", re.IGNORECASE
)
WEEKDAY = re.compile(r"\b(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day\b")
EVENT = re.compile(
    r"\b(?:attacks?|shooting|bombing|case|court|war|hack\w*|breach\w*|"
    r"killed|wounded|died|arrested|trial|incident)\b",
    re.IGNORECASE,
)
DOCUMENT = re.compile(
    r"\b(?:report|memo|memorandum|statement|release|document|study|"
    r"survey|letter|law|act|bill|ruling)\b",
    re.IGNORECASE,
)
_QUOTED = re.compile(r"[“\"]([^”\"]{12,})[”\"]")


@dataclass
class Cues:
    """What one sentence shows of an argument.

    Attributes
    ----------
    found : list of str
        Names of the cues present, in a fixed order (for the user and tests).
    speaker : str or None
        Who the sentence says is speaking, where it names one.
    relation : str or None
        ``opposes`` or ``supports`` the previous point, ``concludes`` when the
        previous point supports this one, else None.
    kind : str
        The guessed kind: ``claim``, ``counterclaim`` or ``evidence``.
    basis : str or None
        For evidence: ``statistic``, ``example``, ``document`` or ``testimony``.
    """

    found: list[str] = field(default_factory=list)
    speaker: str | None = None
    relation: str | None = None
    kind: str = "claim"
    basis: str | None = None

    @property
    def score(self) -> int:
        """How strongly the sentence looks like an argumentative point."""
        weights = {
            "reporting": 2,
            "quotation": 2,
            "modal": 2,
            "evaluative": 1,
            "hedge": 1,
            "connective": 1,
            "number": 1,
            "date": 1,
            "event": 1,
        }
        return sum(weights.get(name, 0) for name in self.found)


def strip_quotes(sentence: str) -> str:
    """Return *sentence* with quoted passages removed (to find the narrator's own words)."""
    return _QUOTED.sub(" ", sentence)


def find_speaker(sentence: str) -> str | None:
    """Return who *sentence* says is speaking, or None.

    Example
    -------
    >>> find_speaker("“Backdoors are risky,” the council's CEO, Dean Garfield, said.")
    'Dean Garfield'
    >>> find_speaker("Officials and lawmakers have said they believe it.")
    'Officials and lawmakers'
    """
    according = _ACCORDING.search(sentence)
    if according:
        return according.group(1)
    outside = strip_quotes(sentence)
    verb = _REPORTING.search(outside)
    if not verb:
        return None
    return _subject_before(outside[: verb.start()])


def _subject_before(before: str) -> str | None:
    """Return the subject phrase of a reporting verb from the words before it."""
    pieces = [p.strip(" ,;:—–-") for p in before.split(",")]
    pieces = [p for p in pieces if p]
    if not pieces:
        return None
    candidate = _clean_subject(pieces[-1])
    if candidate is None and len(pieces) > 1:
        names = _NAME.findall(", ".join(pieces))
        candidate = _clean_subject(pieces[0]) or (names[-1] if names else None)
    elif candidate and not _NAME.search(candidate) and len(pieces) > 1:
        named = [n for n in _NAME.findall(", ".join(pieces)) if n.split()[0].lower() not in OPENERS]
        if named and candidate.lower().startswith("the "):
            candidate = named[-1]
    return candidate


def _clean_subject(phrase: str) -> str | None:
    """Trim auxiliaries, time phrases and openers; None if nothing like a subject is left.

    A subject that spells out organisations with their acronyms in brackets
    is shortened to the acronyms: ``"IACP and NDAA"``.
    """
    acronyms = _ACRONYM.findall(phrase)
    if len(acronyms) > 1 or (acronyms and len(phrase.split()) > 6):
        return " and ".join(acronyms)
    phrase = _AUX.sub("", " " + phrase).strip()
    words = phrase.split()
    for i, word in enumerate(words):
        if word.lower() in _FINITE:
            words = words[:i]
            break
    while words and words[0].lower() in ("but", "and", "so", "yet", "however"):
        words = words[1:]
    if not words or words[0].lower() in OPENERS or len(words) > 14:
        return None
    if len(words) == 1 and words[0].lower() in PRONOUNS:
        return None
    return " ".join(words)


def _relation(sentence: str) -> str | None:
    if CONTRAST_OPENERS.match(sentence):
        return "opposes"
    if CONCLUSION_OPENERS.match(sentence):
        return "concludes"
    if SUPPORT_OPENERS.match(sentence):
        return "supports"
    return None


def _evidence_basis(sentence: str, found: Collection[str]) -> str | None:
    """Guess whether the sentence is evidence, and of which basis."""
    if "reporting" in found and "modal" not in found and BELIEF.search(sentence):
        return "testimony"
    facts = [name for name in ("number", "date", "event") if name in found]
    if "quotation" in found and "reporting" in found and "event" not in found:
        return None  # a quoted view is a claim of its speaker, however many numbers it has
    if not facts or "modal" in found:
        return None
    if "number" in found and re.search(r"\d", sentence) and "event" in found:
        return "statistic"
    if "event" in found:
        return "example"
    if DOCUMENT.search(sentence):
        return "document"
    if "reporting" in found:
        return "testimony"
    return "example"


def read_cues(sentence: str) -> Cues:
    """Return the :class:`Cues` of one sentence."""
    narrator = strip_quotes(sentence)
    checks = (
        ("reporting", bool(_REPORTING.search(narrator) or _ACCORDING.search(sentence))),
        ("quotation", bool(_QUOTED.search(sentence))),
        ("modal", bool(STRONG_MODALS.search(sentence))),
        ("hedge", bool(WEAK_MODALS.search(sentence))),
        ("evaluative", bool(EVALUATIVE.search(sentence))),
        (
            "connective",
            bool(
                _relation(sentence)
                or CONTRAST_INSIDE.search(sentence)
                or SUPPORT_INSIDE.search(sentence)
            ),
        ),
        ("number", bool(NUMBER.search(DATE.sub(" ", sentence)))),
        ("date", bool(DATE.search(sentence) or WEEKDAY.search(sentence))),
        ("event", bool(EVENT.search(sentence))),
    )
    cues = Cues(found=[name for name, present in checks if present])
    cues.speaker = find_speaker(sentence) if "reporting" in cues.found else None
    cues.relation = _relation(sentence)
    cues.basis = _evidence_basis(sentence, cues.found)
    if cues.basis:
        cues.kind = "evidence"
    elif cues.relation == "opposes" or CONTRAST_INSIDE.search(narrator):
        cues.kind = "counterclaim"
    return cues


_GROUP_HEADS = {
    "groups": "plural",
    "organizations": "plural",
    "organisations": "plural",
    "associations": "plural",
    "companies": "plural",
    "agency": "singular",
    "council": "singular",
    "association": "singular",
    "company": "singular",
    "organization": "singular",
    "organisation": "singular",
    "group": "singular",
}


def is_named(speaker: str) -> bool:
    """Tell whether *speaker* names someone: an acronym, or a capitalised name past its first
    word."""
    words = speaker.split()
    return any(w[:1].isupper() for w in words[1:]) or any(w.isupper() and len(w) > 1 for w in words)


def resolve_speaker(speaker: str, earlier: Sequence[str]) -> str:
    """Resolve a description such as ``"the groups"`` to an earlier named speaker.

    Parameters
    ----------
    speaker : str
        The speaker found in a sentence.
    earlier : list of str
        The speakers of the same document so far, oldest first.

    Returns
    -------
    str
        The most recent earlier named speaker of the same number (``"IACP and
        NDAA"`` is plural, ``"Dean Garfield"`` singular) when *speaker* is a
        lower-case description headed by a group noun; else *speaker*.
    """
    words = speaker.lower().split()
    if not words or words[0] != "the" or is_named(speaker) or words[-1] not in _GROUP_HEADS:
        return speaker
    plural = _GROUP_HEADS[words[-1]] == "plural"
    for name in reversed(earlier):
        if is_named(name) and ((" and " in name) == plural):
            return name
    return speaker
