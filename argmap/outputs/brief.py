"""The debate brief: a study document for one side of a map, or both.

:func:`build_brief` makes the document model once (plain dataclasses); the
writers turn it into Markdown (:mod:`argmap.outputs.brief_md`), HTML
(:mod:`argmap.outputs.brief_html`) and DOCX (:mod:`argmap.outputs.brief_docx`).

For a side (``pro`` argues for the main claim, ``con`` against it) the brief holds

- its *case*: each line of argument on the main claim, strongest first
  (:mod:`argmap.analysis.strength`), with the support beneath it as debate cards;
- the *attacks to expect*: every point of the other side that opposes one of the
  side's points (and, for ``con``, each line supporting the main claim), with the
  side's prepared answers, the unanswered ones marked;
- what it *can concede*: attacks whose acceptance would change none of the
  side's labels, compared with their rejection;
- what it *must not concede*: attacks whose acceptance costs the side points,
  and the side's own points whose loss would cost it more than themselves;
- the map as a picture (the code of ``argmap export``) and the weak spots.

A *card* follows debate practice: a one-line tag, a cite line (speaker and
source), the exact quoted words from the source documents, and marks on
anything the mapper inferred (``inferred`` nodes and links).
"""

from dataclasses import dataclass, field

from argmap.analysis import acceptance
from argmap.analysis.acceptance import IN, OUT, UNDECIDED
from argmap.analysis.strength import side_strengths
from argmap.analysis.weak_spots import weak_spots
from argmap.errors import AnalysisError, RenderError
from argmap.model import queries
from argmap.outputs.export import export_bytes
from argmap.render.options import ExportOptions
from argmap.sources.sentences import sentence_texts

SIDES = ("pro", "con")
SIDE_NAMES = {"pro": "Pro (for the main claim)", "con": "Con (against the main claim)"}
STATUS_NAMES = {
    "unanswered": "UNANSWERED",
    "answered": "answered",
    "contested": "answered, but the answer does not settle it",
}
TAG_WIDTH = 150
STRENGTH_NOTE = (
    "Each line of argument scores acceptance x rating x link strength, from 0 "
    "to 1, and a side's figure adds its lines up; the label is stricter: one "
    "standing objection is enough to put a claim out."
)
POSITION_VALUE = {"pro": {IN: 2, UNDECIDED: 1, OUT: 0}, "con": {OUT: 2, UNDECIDED: 1, IN: 0}}


@dataclass
class Quote:
    """Exact words of a source document: the text, the document's title, and where."""

    text: str
    title: str
    start: int
    end: int


@dataclass
class Card:
    """One point as a debate card; ``level`` is its depth under the line it backs."""

    node: str
    tag: str
    text: str
    cite: str
    kind: str
    label: str
    why: list
    quotes: list = field(default_factory=list)
    inferred: str = None
    link: str = None
    link_inferred: bool = False
    level: int = 0


@dataclass
class Line:
    """A line of argument: its cards (the premises first, then their support) and score."""

    cards: list
    score: float
    label: str


@dataclass
class Attack:
    """A point of the other side against this one, with the prepared answers."""

    card: Card
    backing: list
    target: str
    target_tag: str
    answers: list
    status: str  # 'answered', 'unanswered' or 'contested'


@dataclass
class Point:
    """A point to concede or to hold, and what granting or losing it would cost."""

    node: str
    tag: str
    effect: str


@dataclass
class SideBrief:
    """The brief of one side."""

    side: str
    position: str
    status: str
    case: list
    attacks: list
    concede: list
    hold: list


@dataclass
class Brief:
    """The whole brief: the main claim, the figures, one or two sides, the map and weak spots."""

    title: str
    main: Card
    other_mains: list
    pro: float
    con: float
    sides: list
    weak_spots: list
    picture: bytes = None
    picture_note: str = None


def build_brief(amap, side="both", picture=True):
    """Return the :class:`Brief` of *amap* for *side* (``pro``, ``con`` or ``both``).

    Raises AnalysisError for an unknown side or a map without a main claim.
    """
    if side not in SIDES + ("both",):
        raise AnalysisError(f"unknown side {side!r}; expected pro, con or both")
    mains = [n for n in queries.main_claims(amap) if amap.graph.nodes[n]["kind"] == "claim"]
    if not mains:
        raise AnalysisError("the map has no main claim to brief")
    ctx = _Context(amap, mains[0])
    figure = next(f for f in side_strengths(amap, ctx.labels) if f.main == ctx.main)
    sides = [_side_brief(ctx, s, figure) for s in (SIDES if side == "both" else (side,))]
    brief = Brief(
        amap.title,
        ctx.card(ctx.main),
        [ctx.card(m) for m in mains[1:]],
        figure.pro,
        figure.con,
        sides,
        weak_spots(amap),
    )
    if picture:
        brief.picture, brief.picture_note = _picture(amap, ctx.labels)
    return brief


class _Context:
    """What every part of the brief reads: the map, its labels, stances and framework."""

    def __init__(self, amap, main):
        self.amap = amap
        self.graph = amap.graph
        self.main = main
        self.fw = acceptance.build_framework(amap)
        self.labels = acceptance.grounded_labels(amap, self.fw)
        self.why = acceptance.explain(amap, self.fw, self.labels)
        self.stance = queries.stance(amap)
        self.index = amap.node_index()
        self._what_if = {}

    def what_if(self, node):
        """Return the grounded labels with *node* accepted by hand and with it rejected.

        Both sides' concessions ask this of the same nodes; each is worked out once.
        """
        if node not in self._what_if:
            self._what_if[node] = tuple(
                acceptance.grounded_labels(self.amap, acceptance.with_hand(self.fw, node, label))
                for label in (IN, OUT)
            )
        return self._what_if[node]

    def card(self, node, target=None, level=0):
        attrs = self.graph.nodes[node]
        edge = self.graph.edges[node, target] if target is not None else {}
        return Card(
            node,
            tag_of(attrs["text"]),
            " ".join(attrs["text"].split()),
            cite_of(self.amap, attrs),
            attrs["kind"],
            self.labels[node],
            [r.text for r in self.why[node]],
            quotes_of(self.amap, attrs),
            attrs.get("note") if attrs.get("inferred") else None,
            edge.get("note"),
            bool(edge.get("inferred")),
            level,
        )

    def premises(self, node, relation):
        found = [
            p
            for p in self.graph.predecessors(node)
            if self.graph.edges[p, node]["relation"] == relation
        ]
        return sorted(found, key=self.index.__getitem__)

    def backing(self, node, level, seen):
        """Cards of everything that supports *node*, depth first, each once."""
        cards = []
        for premise in self.premises(node, "supports"):
            if premise in seen:
                continue
            seen.add(premise)
            cards.append(self.card(premise, node, level))
            cards.extend(self.backing(premise, level + 1, seen))
        return cards


def tag_of(text):
    """Return a one-line tag for *text*: its first sentence, shortened to :data:`TAG_WIDTH`.

    Example
    -------
    >>> tag_of("The Nov. 13 attacks killed 130 people. Hundreds were wounded.")
    'The Nov. 13 attacks killed 130 people.'
    """
    text = " ".join(text.split())
    text = (sentence_texts(text) or [text])[0]
    for mark in ("; ", ": "):
        if len(text) > TAG_WIDTH and mark in text[:TAG_WIDTH]:
            text = text[: text.index(mark)]
    if len(text) > TAG_WIDTH:
        text = text[: TAG_WIDTH - 1].rsplit(" ", 1)[0] + "…"
    return text


def cite_of(amap, attrs):
    """Return the cite line: speaker, then the citation (or the quoted documents' titles)."""
    speaker = attrs.get("speaker") or "unattributed"
    source = attrs.get("citation")
    if not source:
        titles = []
        for span in attrs.get("sources") or ():
            title = amap.documents.get(span["doc"], {}).get("title") or span["doc"]
            if title not in titles:
                titles.append(title)
        source = "; ".join(titles) or "no source given"
    parts = [speaker, source] + [attrs[k] for k in ("date", "url") if attrs.get(k)]
    return " — ".join(parts)


def quotes_of(amap, attrs):
    """Return the :class:`Quote` of each source span, read from its document."""
    found = []
    for span in attrs.get("sources") or ():
        doc = amap.documents.get(span["doc"], {})
        text = doc.get("text", "")[span["start"] : span["end"]]
        if text != span["quote"]:
            text = span["quote"]  # a stale span is a weak spot; quote what the map holds
        found.append(
            Quote(
                " ".join(text.split()), doc.get("title") or span["doc"], span["start"], span["end"]
            )
        )
    return found


# ------------------------------------------------------------------ one side
def _side_brief(ctx, side, figure):
    lines = [line for line in figure.lines if line.side == side]
    case = [_line(ctx, line) for line in lines]
    attacks = _attacks(ctx, side)
    concede, must = _concessions(ctx, side, attacks)
    return SideBrief(side, _position(ctx, side), _status(ctx, side), case, attacks, concede, must)


def _position(ctx, side):
    text = ctx.graph.nodes[ctx.main]["text"]
    return text if side == "pro" else f"Against: {text}"


def _status(ctx, side):
    label = ctx.labels[ctx.main]
    value = POSITION_VALUE[side][label]
    verdict = {2: "holds", 1: "is open", 0: "is lost"}[value]
    reasons = "; ".join(r.text for r in ctx.why[ctx.main])
    return (
        f"On the map as it stands the main claim is {label.upper()}, so your position "
        f"{verdict}" + (f": {reasons}." if reasons else ".") + _advice(ctx, side)
    )


def _advice(ctx, side):
    value = POSITION_VALUE[side][ctx.labels[ctx.main]]
    if value == 2:
        return " Defend the answers that keep it so (see what you must not concede)."
    return " To turn it round, answer the attacks marked UNANSWERED below."


def _line(ctx, line):
    cards, seen = [], set(line.nodes)
    for node in line.nodes:
        cards.append(ctx.card(node, ctx.main))
        cards.extend(ctx.backing(node, 1, seen))
    labels = [ctx.labels[n] for n in line.nodes]
    label = OUT if OUT in labels else UNDECIDED if UNDECIDED in labels else IN
    return Line(cards, line.score, label)


def _attacks(ctx, side):
    found = []
    order = acceptance_order(ctx)
    for node in order:
        if ctx.stance.get(node) in (None, side):
            continue
        for target in ctx.graph.successors(node):
            relation = ctx.graph.edges[node, target]["relation"]
            hits_side = relation == "opposes" and ctx.stance.get(target) == side
            hits_position = side == "con" and relation == "supports" and target == ctx.main
            if hits_side or hits_position:
                found.append(_attack(ctx, node, target))
    return found


def acceptance_order(ctx):
    """Nodes nearest the main claim first, then in map order."""
    depth = queries.depth(ctx.amap)
    return sorted(depth, key=lambda n: (depth[n], ctx.index[n]))


def _attack(ctx, node, target):
    answers = []
    for answer in ctx.premises(node, "opposes"):
        cards = [ctx.card(answer, node)] + ctx.backing(answer, 1, {answer})
        answers.append(Line(cards, 0.0, ctx.labels[answer]))
    if not answers:
        status = "unanswered"
    else:
        status = "answered" if ctx.labels[node] == OUT else "contested"
    return Attack(
        ctx.card(node, target),
        ctx.backing(node, 1, {node}),
        target,
        tag_of(ctx.graph.nodes[target]["text"]),
        answers,
        status,
    )


# -------------------------------------------------------------- concessions
def _concessions(ctx, side, attacks):
    """Split the other side's points into concedable and not; add the side's load-bearing points."""
    concede, hold = [], []
    for node in acceptance_order(ctx):
        stance = ctx.stance.get(node)
        if stance is None or node == ctx.main:
            continue
        cost = _cost(ctx, side, node, granted_by_other=stance != side)
        point = Point(
            node, tag_of(ctx.graph.nodes[node]["text"]), _effect(ctx, cost, granting=stance != side)
        )
        if stance != side:
            (hold if cost else concede).append(point)
        elif cost:
            hold.append(point)
    return concede, hold


def _cost(ctx, side, node, granted_by_other):
    """Return the side's nodes (and the other side's gains) that hinge on *node*.

    Compares the grounded labels with *node* accepted and with it rejected by
    hand; for the other side's point, granting is accepting it; for the side's
    own point, giving it up is rejecting it.
    """
    accepted, rejected = ctx.what_if(node)
    good, bad = (rejected, accepted) if granted_by_other else (accepted, rejected)
    lost = [
        n
        for n, lab in good.items()
        if n != node and lab == IN and bad[n] != IN and (ctx.stance.get(n) == side or n == ctx.main)
    ]
    if granted_by_other:  # granting an objection grants that what it opposes falls
        lost += [t for t in ctx.fw.targets[node] if ctx.stance.get(t) == side and t not in lost]
    gained = [
        n
        for n, lab in bad.items()
        if n != node and lab == IN and good[n] != IN and ctx.stance.get(n) not in (side, None)
    ]
    position = POSITION_VALUE[side][good[ctx.main]] > POSITION_VALUE[side][bad[ctx.main]]
    if side == "con" and position and ctx.main not in lost:
        lost.insert(0, ctx.main)
    return [(n, "lost") for n in lost] + [(n, "gained") for n in gained]


def _effect(ctx, cost, granting):
    verb = "granting it" if granting else "losing it"
    if not cost:
        return f"{verb} changes none of your points' labels"
    lost = ["your position" if n == ctx.main else n for n, kind in cost if kind == "lost"]
    gained = [n for n, kind in cost if kind == "gained"]
    parts = (["costs you " + ", ".join(lost)] if lost else []) + (
        ["frees the other side's " + ", ".join(gained)] if gained else []
    )
    return f"{verb} " + " and ".join(parts)


# ------------------------------------------------------------------ picture
def _picture(amap, labels):
    """Return ``(png bytes, None)``, or ``(None, why not)`` when Graphviz cannot draw it."""
    options = ExportOptions(fmt="png", color_by="evaluation", labels=labels)
    try:
        return export_bytes(amap, options), None
    except RenderError as exc:
        return None, f"The map could not be drawn: {exc}"
