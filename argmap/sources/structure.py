"""The structure of a short argument: its central claim and how the other units bear on it.

Plain rules over the words of each unit (see :func:`read_move`), no model and
no network:

- the **central claim** is the unit with the best claim score
  (:func:`claim_score`): normative and evaluative wording, the author's own
  stance, a conclusion marker, and its place in the text count for it;
  reasons, examples, concessions, questions and figures count against it;
- every other unit **supports the central claim** unless something says
  otherwise;
- a **concession** (*admittedly*, *of course*, *it is true that*, *some
  say*, *critics argue*, an opening *although* clause) opposes the central
  claim (an opening *although* clause opposes its own main clause);
- a **contrast** (*but*, *however*, *still*, *yet*) after a concession
  opposes the concession; after an unmarked unit other than the central
  claim it turns that unit into a concession and opposes it; right after the
  central claim it is an objection to it;
- a **conclusion marker** (*therefore*, *thus*, *hence*, *so*, *that is
  why*) makes the marked unit the target of the unit before it;
- a **reason** clause (*because*, *since*, *for*), an **example** (*for
  example*, *for instance*) and an elaboration (*, which*, a colon, a
  clause joined by *and*) support the unit they follow; an *and* clause
  after an objection joins the objection.

The result is a tree: each unit but the central claim has exactly one
target, so the central claim is the only top-level point.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

_START = r"^[\"“‘'(]*\s*"


def _opener(words: str) -> re.Pattern[str]:
    return re.compile(_START + r"(?:" + words + r")\b", re.IGNORECASE)


CONCESSION = _opener(
    r"admittedly|of course|it is true|it's true|true,|granted|to be sure|sure,|no doubt|"
    r"it may be|it might be|that may be|this may be|i understand|i accept|i admit|i realise|"
    r"i realize|i know that|i grant|i appreciate|yes,|while it is true|it is said|it is often|"
    r"one might|one could|some may|some might|some will|some would|some people|some argue|"
    r"some say|some claim|some believe|some think|many people|critics|opponents|sceptics|"
    r"skeptics|detractors|my opponent|the opposition|those who|others say|others argue"
)
_REPORTED_VIEW = re.compile(
    r"^(?:(?!(?:i|we|studies|research|surveys|data|figures|evidence|statistics|results|"
    r"experts|scientists|doctors|cannot|can't|not|never|don't|do|does|did)\b)[\w’'-]+\s+){1,4}"
    r"(?:may |might |will |would |often |also |"
    r"still |rightly |sometimes |)(?:say|says|said|claim|claims|argue|argues|believe|believes|"
    r"think|thinks|fear|fears|worry|worries|complain|complains|object|objects|reply|replies|"
    r"insist|insists|point out|points out|promise|promises|suggest|suggests|"
    r"call|calls|warn|warns|feel|feels|protest|protests|maintain|maintains)\b",
    re.IGNORECASE,
)
_OFTEN_BLAMED = re.compile(
    r"\b(?:is|are)\s+(?:often|widely|usually|sometimes|commonly)\s+"
    r"(?:blamed|treated|seen|described|called|said|thought|considered|"
    r"accused)\b",
    re.IGNORECASE,
)
CONTRAST = _opener(
    r"but|however|yet|still|nevertheless|nonetheless|even so|that said|"
    r"on the other hand|in fact|actually|on the contrary|instead|in reality|"
    r"in practice|the truth is|the opposite"
)
CONCLUSION = _opener(
    r"therefore|thus|hence|so|consequently|as a result|accordingly|"
    r"that is why|this is why|that's why|which is why|for these reasons|"
    r"for this reason|for all these reasons|in short|in conclusion|"
    r"to sum up|all in all|overall|clearly|in the end|in sum"
)
_CONCLUSION_INSIDE = re.compile(r"\b(?:therefore|thus|hence)\b", re.IGNORECASE)
REASON = _opener(r"because|since|after all|for one thing|the reason is|as|for")
EXAMPLE = _opener(
    r"for example|for instance|e\.g\.|such as|take|consider|to illustrate|"
    r"one example|a case in point|in one case|last year|in \d{4}"
)
ADDITIVE = _opener(
    r"moreover|furthermore|in addition|also|besides|what is more|"
    r"what's more|another|second|secondly|third|thirdly|finally|on top of|"
    r"not only|and"
)

NORMATIVE = re.compile(
    r"\b(?:should|must|ought|need to|needs to|have to|has to|it is time|"
    r"deserves?|let us|let's|urge|please|cannot be allowed|is needed|"
    r"are needed)\b",
    re.IGNORECASE,
)
EVALUATIVE = re.compile(
    r"\b(?:mistake|wrong|right|unfair|fair|better|best|worse|worst|bad|good|harm\w*|worth|"
    r"false economy|the answer|exaggerated|misplaced|unacceptable|essential|vital|necessary|"
    r"important|a problem|a luxury|overpaid|dangerous|a disgrace|absurd|welcome|wise|unwise|"
    r"benefit\w*|justified|unjustified|pointless|waste|poor|great|serious)\b",
    re.IGNORECASE,
)
STANCE = re.compile(
    r"\b(?:i|we)\s+(?:strongly\s+|firmly\s+|really\s+)?(?:believe|think|"
    r"disagree|agree|object|welcome|support|oppose|urge|propose|argue|"
    r"am convinced|are convinced|would argue)\b|\bin my (?:view|opinion)\b|"
    r"\bthis house\b|\bmy view\b",
    re.IGNORECASE,
)
#: A short verdict: "This would be a serious mistake.", "The blame is misplaced."
VERDICT = re.compile(
    r"^\W*(?:\w+\W+){1,5}?(?:is|are|was|were|would be|will be|seems?)\s+(?:not\s+)?"
    r"(?:\w+\s+){0,2}(?:mistake|wrong|right|unfair|fair|exaggerated|misplaced|"
    r"problem|disgrace|absurd|nonsense|true|false|untrue|luxury|good one|"
    r"bad one|the answer|a false economy)\b|\bno reason to\b",
    re.IGNORECASE,
)
_IN_FACT = _opener(r"in fact|actually|indeed")
_STILL = re.compile(
    r"\b(?:still|anyway|nonetheless|nevertheless|even so|the opposite)\b", re.IGNORECASE
)
FIGURE = re.compile(
    r"\d|\bpercent\b|%|\b(?:half|third|quarter|twice|thousands|millions|"
    r"hundreds)\b",
    re.IGNORECASE,
)

#: Weights of the claim score (see :func:`claim_score`).
CLAIM_WEIGHTS = {
    "verdict": 2.5,
    "normative": 2.5,
    "evaluative": 1.0,
    "stance": 2.0,
    "conclusion": 2.5,
    "first": 1.5,
    "last": 1.0,
    "reason": -2.5,
    "example": -2.5,
    "concession": -3.0,
    "contrast": -0.5,
    "question": -4.0,
    "figure": -1.5,
    "additive": -1.5,
    "elaboration": -2.0,
}


@dataclass
class Unit:
    """One argumentative unit of a document.

    Attributes
    ----------
    start, end : int
        Offsets in the document; ``text[start:end]`` is the unit exactly.
    text : str
        The unit's words.
    marker : str or None
        The connective joining it to the clause before in its sentence (see
        :func:`argmap.sources.clauses.split_units`).
    sentence, paragraph : int
        Indices of its sentence and paragraph in the document.
    move : str
        Its argumentative move, from :func:`read_move`.
    """

    start: int
    end: int
    text: str
    marker: str | None = None
    sentence: int = 0
    paragraph: int = 0
    move: str = "plain"


_MARKER_MOVES = {
    "although": "concession",
    "even though": "concession",
    "even if": "concession",
    "though": "concession",
    "while": "concession",
    "whereas": "concession",
    "because": "reason",
    "since": "reason",
    "as": "reason",
    "but": "contrast",
    "yet": "contrast",
    "so": "conclusion",
    "which": "elaboration",
    "colon": "elaboration",
    "semicolon": "plain",
    "and": "and",
    "main": "main",
}
_TEXT_MOVES = (
    ("conclusion", CONCLUSION),
    ("example", EXAMPLE),
    ("concession", CONCESSION),
    ("contrast", CONTRAST),
    ("reason", REASON),
    ("additive", ADDITIVE),
)


def read_move(text: str, marker: str | None = None) -> str:
    """Return the move of a unit: concession, contrast, conclusion, reason, example,
    additive, elaboration, and, main, question or plain.

    Example
    -------
    >>> read_move("Admittedly, a fee raises little money.")
    'concession'
    >>> read_move("That is why the ban deserves our support.")
    'conclusion'
    """
    if marker in _MARKER_MOVES and marker not in ("main", "semicolon"):
        return _MARKER_MOVES[marker]
    for move, pattern in _TEXT_MOVES:
        if pattern.match(text):
            return move
    if _REPORTED_VIEW.match(text) or _OFTEN_BLAMED.search(text):
        return "concession"
    if _CONCLUSION_INSIDE.search(text):
        return "conclusion"
    if text.rstrip().endswith("?"):
        return "question"
    return "main" if marker == "main" else "plain"


def claim_features(unit: Unit, index: int, count: int, first_sentence: int = 0) -> list[str]:
    """Return the names of the claim-score features *unit* shows (see :data:`CLAIM_WEIGHTS`).

    *index* is the unit's place among *count* units whose first sentence is
    number *first_sentence*.
    """
    found = [
        name
        for name, pattern in (
            ("verdict", VERDICT),
            ("normative", NORMATIVE),
            ("evaluative", EVALUATIVE),
            ("stance", STANCE),
            ("figure", FIGURE),
        )
        if pattern.search(unit.text)
    ]
    if unit.move in CLAIM_WEIGHTS:
        found.append(unit.move)
    if unit.sentence == first_sentence:
        found.append("first")
    if index == count - 1:
        found.append("last")
    return found


def claim_score(unit: Unit, index: int, count: int, first_sentence: int = 0) -> float:
    """Return how much *unit* (number *index* of *count*) looks like the central claim."""
    return sum(CLAIM_WEIGHTS[name] for name in claim_features(unit, index, count, first_sentence))


def central_unit(units: Sequence[Unit]) -> int:
    """Return the index of the central claim among *units* (the first of equal scores)."""
    if len(units) == 1:
        return 0
    first = units[0].sentence
    scores = [claim_score(u, i, len(units), first) for i, u in enumerate(units)]
    return max(range(len(units)), key=lambda i: (scores[i], -i))


# -------------------------------------------------------------- relations
@dataclass
class Link:
    """The one outgoing relation of a unit: its target, polarity and the rule that made it."""

    target: int
    relation: str
    rule: str


class _Builder:
    """Assign each unit but the head one :class:`Link`, reading the units in order."""

    def __init__(self, units: Sequence[Unit], head: int) -> None:
        self.units, self.head = units, head
        self.links: dict[int, Link] = {}
        self.concession: int | None = None

    def same_sentence(self, i: int, j: int) -> bool:
        return 0 <= j < len(self.units) and self.units[i].sentence == self.units[j].sentence

    def link(self, i: int, target: int | None, relation: str, rule: str) -> None:
        if target is None or target == i or not 0 <= target < len(self.units):
            target, relation, rule = self.head, "supports", "default"
        self.links[i] = Link(target, relation, rule)

    def run(self) -> dict[int, Link]:
        for i, unit in enumerate(self.units):
            if i == self.head:
                self.at_head(i, unit)
            else:
                getattr(self, "on_" + unit.move, self.on_plain)(i, unit)
        return self.links

    def at_head(self, i: int, unit: Unit) -> None:
        previous = i - 1
        if (
            unit.move in ("contrast", "main")
            and previous >= 0
            and self.concession is None
            and self.links.get(previous, Link(0, "", "default")).rule == "default"
        ):
            self.link(previous, i, "opposes", "conceded before the contrasting claim")
        self.concession = None

    def on_plain(self, i: int, unit: Unit) -> None:
        if self.concession is not None and self.concession == i - 1 and _STILL.search(unit.text):
            self.on_contrast(i, unit)  # "Of course X. They can still Y."
            return
        self.link(i, self.head, "supports", "default")

    def on_concession(self, i: int, unit: Unit) -> None:
        if unit.marker in (
            "although",
            "even though",
            "even if",
            "though",
            "while",
            "whereas",
        ) and not self.same_sentence(i, i + 1):
            self.link(i, i - 1, "opposes", "concessive clause")  # "X, although Y"
            return
        if (
            unit.marker is not None
            and self.same_sentence(i, i + 1)
            and self.units[i + 1].marker == "main"
            and i + 1 != self.head
        ):
            self.link(i, i + 1, "opposes", "concessive clause")  # "Although X, Y"
            return
        self.link(i, self.head, "opposes", "concession")
        self.concession = i

    def on_contrast(self, i: int, unit: Unit) -> None:
        previous = i - 1
        if self.concession is not None and i - self.concession <= 2:
            self.link(i, self.concession, "opposes", "contrast after a concession")
        elif previous >= 0 and previous != self.head and self.links[previous].rule == "default":
            self.link(previous, self.head, "opposes", "contrasted by what follows")
            self.link(i, previous, "opposes", "contrast")
        elif previous >= 0 and previous != self.head and _IN_FACT.match(unit.text):
            self.link(i, previous, "supports", "confirms the point before")
        else:
            self.link(i, self.head, "opposes", "contrast with the claim")
            self.concession = i
            return
        self.concession = None

    def on_main(self, i: int, unit: Unit) -> None:
        if self.links.get(i - 1) and self.links[i - 1].relation == "opposes":
            self.concession = None
        self.on_plain(i, unit)

    def on_conclusion(self, i: int, unit: Unit) -> None:
        previous = i - 1
        if previous >= 0 and previous != self.head and self.links[previous].rule == "default":
            self.link(previous, i, "supports", "conclusion drawn from it")
        self.link(i, self.head, "supports", "default")

    def on_reason(self, i: int, unit: Unit) -> None:
        if (
            unit.marker in ("because", "since", "as")
            and self.same_sentence(i, i + 1)
            and self.units[i + 1].marker == "main"
        ):
            self.link(i, i + 1, "supports", "reason clause")  # "Because X, Y"
        else:
            self.link(i, i - 1, "supports", "reason")

    def on_example(self, i: int, unit: Unit) -> None:
        self.link(i, i - 1, "supports", "example")

    def on_elaboration(self, i: int, unit: Unit) -> None:
        self.link(i, i - 1, "supports", "elaboration")

    def on_and(self, i: int, unit: Unit) -> None:
        before = self.links.get(i - 1)
        if before is not None and before.relation == "opposes":
            self.link(i, before.target, before.relation, before.rule)
        else:
            self.link(i, i - 1, "supports", "clause added to the one before")

    on_additive = on_plain
    on_question = on_plain


def _acyclic(links: dict[int, Link], head: int) -> dict[int, Link]:
    """Send any unit whose targets lead round in a circle straight to *head*."""
    for start in list(links):
        seen: set[int] = set()
        node = start
        while node != head and node in links:
            if node in seen:
                links[start] = Link(head, links[start].relation, "default")
                break
            seen.add(node)
            node = links[node].target
    return links


def structure(units: Sequence[Unit], head: int | None = None) -> tuple[int, dict[int, Link]]:
    """Return ``(head, links)``: the central claim's index and ``{unit: Link}`` for the rest.

    Parameters
    ----------
    units : list of Unit
        The units of one argument, in text order, with their moves read.
    head : int, optional
        The central claim, if already chosen; else :func:`central_unit` picks it.
    """
    if head is None:
        head = central_unit(units)
    return head, _acyclic(_Builder(units, head).run(), head)
