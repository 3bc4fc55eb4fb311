"""Acceptance labels of a map's nodes, with the reasons behind each label.

The map is read as an abstract argumentation framework: every node is an
argument and every ``opposes`` edge an attack. Three rules refine that reading.

Support rule
    A claim or counterclaim that has at least one ``supports`` premise and
    quotes no source of its own (no ``sources`` span) *depends* on its
    supports. Its supports form units: each ungrouped supporting premise is a
    unit, and premises sharing a ``group`` form one unit that holds only when
    all of them hold. A dependent node is ``out`` ("unsupported") when every
    unit has a member that is ``out``, and can be ``in`` only when some unit
    has all its members ``in``. Evidence, and nodes that quote a source, stand
    on their own.
Ratings
    ``rating`` is the user's evaluation on the editor's 0-10 scale. A node
    rated 0 or less is *rejected by hand*: always ``out``. A node rated 10 or
    more is *accepted by hand*: always ``in``, its attackers set aside. Ratings
    in between leave the labels alone and weigh in the strength figures
    (:mod:`argmap.analysis.strength`).
Linked objections
    Each ``opposes`` edge is one attack, grouped or not.

A labelling is *complete* when every node is ``in`` exactly when all its
attackers are ``out`` (and, if it depends on support, some unit is ``in``), and
``out`` exactly when some attacker is ``in`` (or, if it depends on support,
every unit has an ``out`` member); every other node is ``undecided``. The
grounded labelling is the least complete one (computed in linear time);
preferred labellings are the complete ones whose ``in`` set is maximal. On a
map without supports or ratings these are the textbook semantics of Dung.

Example
-------
>>> from argmap.model import ArgumentMap
>>> m = ArgumentMap(); c = m.add_node("claim", "C")
>>> o = m.add_node("counterclaim", "O"); r = m.add_node("claim", "R")
>>> m.connect(o, c, "opposes"); m.connect(r, o, "opposes")
>>> grounded_labels(m) == {c: "in", o: "out", r: "in"}
True
"""

from collections import deque
from dataclasses import dataclass, field

from argmap.errors import AnalysisError
from argmap.model.schema import shortened

IN, OUT, UNDECIDED = "in", "out", "undecided"
LABELS = (IN, OUT, UNDECIDED)
SEMANTICS = ("grounded", "preferred")

#: Ratings at or below this reject a node by hand; at or above ACCEPTED accept it.
RATING_REJECTED = 0
RATING_ACCEPTED = 10
RATING_SCALE = 10

#: Most search steps the preferred semantics may take before giving up.
PREFERRED_STEP_LIMIT = 2_000_000


@dataclass(frozen=True)
class Reason:
    """One reason for a label: a kind, the nodes it names, and a sentence.

    ``kind`` is one of ``unattacked``, ``defended``, ``supported``,
    ``attacked``, ``unsupported``, ``unanswered``, ``support-undecided``,
    ``accepted-by-hand``, ``rejected-by-hand``, ``set-aside``, ``disputed``.
    """

    kind: str
    nodes: tuple
    text: str

    def __str__(self):
        return self.text


@dataclass
class Evaluation:
    """Labels and reasons for every node of a map under one semantics.

    Attributes
    ----------
    semantics : str
        ``grounded`` or ``preferred``.
    labels : dict
        Node -> ``'in'`` | ``'out'`` | ``'undecided'``, in map order.
    why : dict
        Node -> list of :class:`Reason`.
    labellings : list
        For ``preferred``: every preferred labelling (dicts); else ``[labels]``.
    """

    semantics: str
    labels: dict
    why: dict
    labellings: list = field(default_factory=list)

    def to_json(self):
        """Return ``{"semantics": ..., "nodes": [{"id", "label", "why"}, ...]}``."""
        return {
            "semantics": self.semantics,
            "nodes": [
                {"id": n, "label": lab, "why": [r.text for r in self.why[n]]}
                for n, lab in self.labels.items()
            ],
        }


@dataclass
class Framework:
    """The attack structure a map stands for, after ratings (see the module docstring).

    ``attackers``/``targets`` hold the attacks that count; ``units`` maps each
    node that depends on support to its list of support units (tuples);
    ``hand`` maps nodes labelled by hand to their label; ``set_aside`` maps an
    accepted-by-hand node to the attackers its rating dismissed.
    """

    nodes: list
    attackers: dict
    targets: dict
    units: dict
    hand: dict
    set_aside: dict


def hand_label(attrs):
    """Return ``'in'``/``'out'`` for a node accepted/rejected by hand, else None."""
    rating = attrs.get("rating")
    if rating is None:
        return None
    if rating <= RATING_REJECTED:
        return OUT
    if rating >= RATING_ACCEPTED:
        return IN
    return None


def depends_on_support(attrs, has_supports):
    """Return True when the support rule applies to a node with these attributes."""
    return has_supports and attrs["kind"] != "evidence" and not attrs.get("sources")


def build_framework(amap):
    """Return the :class:`Framework` of *amap* in time linear in its size."""
    graph = amap.graph
    nodes = list(graph.nodes)
    hand = {}
    for n, attrs in graph.nodes(data=True):
        label = hand_label(attrs)
        if label is not None:
            hand[n] = label
    attackers = {n: [] for n in nodes}
    targets = {n: [] for n in nodes}
    set_aside = {}
    grouped = {}
    for source, target, attrs in graph.edges(data=True):
        if attrs["relation"] == "supports":
            grouped.setdefault(target, {}).setdefault(
                attrs.get("group") or ("", source), []
            ).append(source)
        elif hand.get(target) == IN:
            set_aside.setdefault(target, []).append(source)
        else:
            attackers[target].append(source)
            targets[source].append(target)
    units = {
        n: [tuple(u) for u in groups.values()]
        for n, groups in grouped.items()
        if n not in hand and depends_on_support(graph.nodes[n], True)
    }
    return Framework(nodes, attackers, targets, units, hand, set_aside)


def grounded_labels(amap, framework=None):
    """Return ``{node: 'in' | 'out' | 'undecided'}``, the grounded labelling of *amap*.

    Runs in time linear in the number of nodes and edges: each node keeps a
    count of its attackers not yet ``out`` and of its support units not yet
    ``out``, and changes label once, when a count reaches its limit.
    """
    fw = framework or build_framework(amap)
    labels = dict.fromkeys(fw.nodes, UNDECIDED)
    _propagate(fw, labels)
    return labels


def _propagate(fw, labels):
    """Label nodes ``in``/``out`` until nothing more follows (the grounded fixpoint)."""
    alive = {n: len(a) for n, a in fw.attackers.items()}
    owner, needed, units_alive, unit_of = _unit_index(fw)
    has_in_unit = set()
    queue = deque()

    def settle(node, label):
        if labels[node] == UNDECIDED:
            labels[node] = label
            queue.append(node)

    def may_be_in(node):
        return (
            labels[node] == UNDECIDED
            and node not in fw.hand
            and alive[node] == 0
            and (node not in fw.units or node in has_in_unit)
        )

    for node, label in fw.hand.items():
        settle(node, label)
    for node in fw.nodes:
        if may_be_in(node):
            settle(node, IN)
    while queue:
        node = queue.popleft()
        if labels[node] == IN:
            for target in fw.targets[node]:
                settle(target, OUT)
            for unit in unit_of.get(node, ()):
                needed[unit] -= 1
                if needed[unit] == 0:
                    has_in_unit.add(owner[unit])
                    if may_be_in(owner[unit]):
                        settle(owner[unit], IN)
        else:
            for target in fw.targets[node]:
                alive[target] -= 1
                if may_be_in(target):
                    settle(target, IN)
            for unit in unit_of.get(node, ()):
                if needed[unit] >= 0:
                    needed[unit] = -1  # this unit is out for good
                    units_alive[owner[unit]] -= 1
                    if units_alive[owner[unit]] == 0:
                        settle(owner[unit], OUT)


def _unit_index(fw):
    """Number the support units: owner, members still needed, units alive, member -> units."""
    owner, needed, unit_of = [], [], {}
    units_alive = {}
    for node, units in fw.units.items():
        units_alive[node] = len(units)
        for members in units:
            for member in members:
                unit_of.setdefault(member, []).append(len(owner))
            owner.append(node)
            needed.append(len(members))
    return owner, needed, units_alive, unit_of


def evaluate(amap, semantics="grounded"):
    """Return the :class:`Evaluation` of *amap*: a label and reasons for every node.

    Parameters
    ----------
    amap : ArgumentMap
    semantics : str
        ``grounded`` (one sceptical labelling, linear time) or ``preferred``
        (a node is ``in``/``out`` when it is so in every preferred labelling,
        else ``undecided``; exponential in the worst case, for comparison).

    Example
    -------
    >>> from argmap.model import ArgumentMap
    >>> m = ArgumentMap(); c = m.add_node("claim", "C")
    >>> o = m.add_node("counterclaim", "O"); m.connect(o, c, "opposes")
    >>> result = evaluate(m)
    >>> result.labels[c], [r.kind for r in result.why[c]]
    ('out', ['attacked'])
    """
    fw = build_framework(amap)
    if semantics == "grounded":
        labels = grounded_labels(amap, fw)
        return Evaluation(semantics, labels, explain(amap, fw, labels), [labels])
    if semantics == "preferred":
        return _preferred_evaluation(amap, fw)
    raise AnalysisError(f"unknown semantics {semantics!r}; expected one of {', '.join(SEMANTICS)}")


# ------------------------------------------------------------------ preferred
def preferred_labellings(amap, framework=None):
    """Return every preferred labelling of *amap* (a list of dicts, at least one).

    Searches the complete labellings that extend the grounded one, trying each
    of its undecided nodes as ``in``, ``out`` and ``undecided`` and checking
    each node as soon as every node it depends on is labelled; then keeps those
    whose ``in`` set is maximal. Raises :class:`~argmap.errors.AnalysisError`
    when the search passes :data:`PREFERRED_STEP_LIMIT` steps.
    """
    fw = framework or build_framework(amap)
    base = grounded_labels(amap, fw)
    open_nodes = [n for n in fw.nodes if base[n] == UNDECIDED]
    found = _complete_labellings(fw, base, open_nodes)
    in_sets = [frozenset(n for n in open_nodes if lab[n] == IN) for lab in found]
    return [
        lab
        for lab, ins in zip(found, in_sets, strict=True)
        if not any(ins < other for other in in_sets)
    ]


def preferred_extensions(amap):
    """Return the ``in`` sets of the preferred labellings, as frozensets."""
    return [
        frozenset(n for n, lab in labels.items() if lab == IN)
        for labels in preferred_labellings(amap)
    ]


def _depends(fw, node):
    """Return the nodes whose labels decide whether *node*'s label is legal."""
    deps = [node, *fw.attackers[node]]
    for unit in fw.units.get(node, ()):
        deps.extend(unit)
    return deps


def _complete_labellings(fw, base, open_nodes):
    position = {n: i for i, n in enumerate(open_nodes)}
    checks = [[] for _ in open_nodes]
    for node in open_nodes:
        last = max(position.get(d, -1) for d in _depends(fw, node))
        checks[last].append(node)
    labels = dict(base)
    found = []
    steps = [0]

    def assign(i):
        if i == len(open_nodes):
            found.append(dict(labels))
            return
        for label in LABELS:
            steps[0] += 1
            if steps[0] > PREFERRED_STEP_LIMIT:
                raise AnalysisError(
                    f"the map has too many undecided nodes ({len(open_nodes)}) for the "
                    "preferred semantics; use grounded"
                )
            labels[open_nodes[i]] = label
            if all(labels[n] == _expected(fw, labels, n) for n in checks[i]):
                assign(i + 1)
        labels[open_nodes[i]] = UNDECIDED

    assign(0)
    return found


def _expected(fw, labels, node):
    """Return the label *node* must have in a complete labelling, given the others."""
    if node in fw.hand:
        return fw.hand[node]
    attacks = [labels[a] for a in fw.attackers[node]]
    units = fw.units.get(node)
    if IN in attacks or (units and all(any(labels[m] == OUT for m in u) for u in units)):
        return OUT
    if all(lab == OUT for lab in attacks) and (
        units is None or any(all(labels[m] == IN for m in u) for u in units)
    ):
        return IN
    return UNDECIDED


def _preferred_evaluation(amap, fw):
    labellings = preferred_labellings(amap, fw)
    first = labellings[0]
    why = explain(amap, fw, first)
    labels = {}
    for node in fw.nodes:
        seen = [lab[node] for lab in labellings]
        if all(s == seen[0] for s in seen):
            labels[node] = seen[0]
        else:
            labels[node] = UNDECIDED
            counts = ", ".join(
                f"{label} in {seen.count(label)}" for label in LABELS if label in seen
            )
            why[node] = [
                Reason(
                    "disputed",
                    (),
                    f"differs between the {len(seen)} preferred labellings ({counts})",
                )
            ]
    return Evaluation("preferred", labels, why, labellings)


# ------------------------------------------------------------------- reasons
def name(amap, node, width=48):
    """Return ``id "start of its text…"``, how reasons name a node."""
    return f'{node} "{shortened(amap.graph.nodes[node]["text"], width)}"'


def explain(amap, fw, labels):
    """Return ``{node: [Reason, ...]}`` saying why each node has its label in *labels*."""
    return {node: _reasons(amap, fw, labels, node) for node in fw.nodes}


def _reasons(amap, fw, labels, node):
    label = labels[node]
    if node in fw.hand:
        return _hand_reasons(amap, fw, node)
    if label == IN:
        return _in_reasons(amap, fw, labels, node)
    if label == OUT:
        return _out_reasons(amap, fw, labels, node)
    return _undecided_reasons(amap, fw, labels, node)


def _hand_reasons(amap, fw, node):
    rating = amap.graph.nodes[node]["rating"]
    if fw.hand[node] == OUT:
        return [Reason("rejected-by-hand", (), f"rejected by hand (rating {rating:g})")]
    found = [Reason("accepted-by-hand", (), f"accepted by hand (rating {rating:g})")]
    for attacker in fw.set_aside.get(node, ()):
        found.append(
            Reason(
                "set-aside",
                (attacker,),
                f"objection {name(amap, attacker)} set aside by the rating",
            )
        )
    return found


def _in_reasons(amap, fw, labels, node):
    found = []
    for attacker in fw.attackers[node]:
        answers = [a for a in fw.attackers[attacker] if labels[a] == IN]
        if answers:
            text = f"objection {name(amap, attacker)} is answered by " + ", ".join(
                name(amap, a) for a in answers
            )
        else:
            text = f"objection {name(amap, attacker)} is out ({_out_cause(fw, attacker)})"
        found.append(Reason("defended", (attacker, *answers), text))
    if not fw.attackers[node]:
        found.append(Reason("unattacked", (), "no objection bears on it"))
    unit = _first_unit(fw, labels, node, IN)
    if unit:
        found.append(
            Reason(
                "supported",
                unit,
                "supported by " + " together with ".join(name(amap, m) for m in unit),
            )
        )
    return found


def _out_cause(fw, node):
    if node in fw.hand:
        return "rejected by hand"
    return "unsupported" if node in fw.units else "answered"


def _out_reasons(amap, fw, labels, node):
    attackers = [a for a in fw.attackers[node] if labels[a] == IN]
    found = [
        Reason("attacked", (a,), f"attacked by {name(amap, a)}, which stands") for a in attackers
    ]
    if not found and node in fw.units:
        members = tuple(m for unit in fw.units[node] for m in unit)
        found.append(
            Reason(
                "unsupported",
                members,
                "unsupported: every support is out ("
                + ", ".join(members)
                + ") and it quotes no source of its own",
            )
        )
    return found


def _undecided_reasons(amap, fw, labels, node):
    found = [
        Reason(
            "unanswered",
            (a,),
            f"objection {name(amap, a)} is itself undecided, neither answered nor defeated",
        )
        for a in fw.attackers[node]
        if labels[a] == UNDECIDED
    ]
    if node in fw.units and _first_unit(fw, labels, node, IN) is None:
        members = tuple(m for unit in fw.units[node] for m in unit if labels[m] != OUT)
        found.append(
            Reason(
                "support-undecided",
                members,
                "no support of it is settled: "
                + ", ".join(members)
                + " undecided; it quotes no source of its own",
            )
        )
    return found


def _first_unit(fw, labels, node, label):
    for unit in fw.units.get(node, ()):
        if all(labels[m] == label for m in unit):
            return unit
    return None


def with_hand(fw, node, label):
    """Return a copy of *fw* in which *node* is accepted (``in``) or rejected (``out``) by hand.

    Used for "what if" questions (what conceding a point costs) without
    touching the map.
    """
    attackers = dict(fw.attackers)
    targets = dict(fw.targets)
    set_aside = dict(fw.set_aside)
    if label == IN:
        set_aside[node] = list(fw.set_aside.get(node, ())) + list(fw.attackers[node])
        for attacker in fw.attackers[node]:
            targets[attacker] = [t for t in targets[attacker] if t != node]
        attackers[node] = []
    units = {n: u for n, u in fw.units.items() if n != node}
    return Framework(fw.nodes, attackers, targets, units, dict(fw.hand, **{node: label}), set_aside)
