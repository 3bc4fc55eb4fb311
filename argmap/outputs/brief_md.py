"""The debate brief as Markdown (CommonMark); every text from the map is escaped."""

import re

from argmap.outputs.brief import SIDE_NAMES, STATUS_NAMES, STRENGTH_NOTE

_SPECIAL = re.compile(r"([\\`*_\[\]<>&|~#])")


def md_escape(text):
    """Return *text* on one line with Markdown's and HTML's special characters escaped.

    Example
    -------
    >>> md_escape("a *bold* <b>claim</b>")
    'a \\\\*bold\\\\* \\\\<b\\\\>claim\\\\</b\\\\>'
    """
    return _SPECIAL.sub(r"\\\1", " ".join(str(text).split()))


def brief_markdown(brief, picture_name=None):
    """Return the :class:`~argmap.outputs.brief.Brief` as Markdown text.

    *picture_name* is the file name of the map's picture beside the document.
    """
    out = [f"# Debate brief: {md_escape(brief.title or brief.main.tag)}", ""]
    out += [
        f"**Main claim ({brief.main.node}):** {md_escape(brief.main.text)}",
        "",
        f"Label: **{brief.main.label.upper()}**. Strength of the lines on it: "
        f"pro {brief.pro:.2f}, con {brief.con:.2f}. {STRENGTH_NOTE}",
        "",
    ]
    for other in brief.other_mains:
        out += [f"Another main claim, not covered here: {other.node} {md_escape(other.tag)}", ""]
    for side in brief.sides:
        out += _side(side)
    out += ["## The map", ""]
    if picture_name:
        out += [f"![The map, coloured by evaluation]({picture_name})", ""]
    elif brief.picture_note:
        out += [md_escape(brief.picture_note), ""]
    out += _weak_spots(brief.weak_spots)
    return "\n".join(out).rstrip() + "\n"


def _side(side):
    out = [
        f"## {SIDE_NAMES[side.side]}",
        "",
        f"**Your position:** {md_escape(side.position)}",
        "",
        md_escape(side.status),
        "",
        "### Your case, strongest line first",
        "",
    ]
    if not side.case:
        out += ["No line of argument bears on the main claim for this side.", ""]
    for i, line in enumerate(side.case, 1):
        out += [f"#### Line {i} ({line.label.upper()}, score {line.score:.2f})", ""]
        for card in line.cards:
            out += card_markdown(card)
    out += ["### Attacks to expect", ""]
    if not side.attacks:
        out += ["None on the map.", ""]
    for i, attack in enumerate(side.attacks, 1):
        out += _attack(i, attack)
    out += ["### You can concede", ""] + _points(side.concede)
    out += ["### You must not concede", ""] + _points(side.hold)
    return out


def _attack(i, attack):
    mark = STATUS_NAMES[attack.status]
    mark = f"**{mark}**" if attack.status == "unanswered" else mark
    out = [
        f"#### Attack {i} ({mark}): {md_escape(attack.card.tag)}",
        "",
        f"Against {attack.target}: {md_escape(attack.target_tag)}",
        "",
    ]
    out += card_markdown(attack.card)
    for card in attack.backing:
        out += card_markdown(card, "Their backing")
    if not attack.answers:
        out += [
            "**No prepared answer.** Find one, or concede the point if it costs you "
            "nothing (see below).",
            "",
        ]
    for answer in attack.answers:
        out += card_markdown(answer.cards[0], "Your answer")
        for card in answer.cards[1:]:
            out += card_markdown(card, "Backing")
    return out


def card_markdown(card, role=None):
    """Return the lines of one debate card: tag, cite, quoted words, marks and reasons."""
    lead = f"{role}: " if role else ("↳ " * card.level)
    out = [
        f"{lead}**{md_escape(card.tag)}** [{card.label.upper()}, {card.node}]  ",
        f"_{md_escape(card.cite)}_",
        "",
    ]
    if card.quotes:
        for quote in card.quotes:
            out += [
                f"> “{md_escape(quote.text)}”",
                ">",
                f"> — {md_escape(quote.title)}, characters {quote.start}–{quote.end}",
                "",
            ]
    else:
        out += [f"> {md_escape(card.text)}", ">", "> — the map's wording; no quoted words", ""]
    if card.tag != card.text and card.quotes:
        out += [f"Point: {md_escape(card.text)}", ""]
    if card.inferred is not None:
        out += [f"*INFERRED point:* {md_escape(card.inferred or 'the mapper inferred it')}", ""]
    if card.link_inferred or card.link:
        word = "*INFERRED link:*" if card.link_inferred else "Link:"
        out += [f"{word} {md_escape(card.link or 'the mapper inferred this link')}", ""]
    if card.label != "in":
        out += ["Why " + card.label + ": " + md_escape("; ".join(card.why)), ""]
    return out


def _points(points):
    if not points:
        return ["Nothing.", ""]
    return [f"- **{p.node}** {md_escape(p.tag)} — {md_escape(p.effect)}" for p in points] + [""]


def _weak_spots(spots):
    out = ["## Weak spots", ""]
    if not spots:
        return out + ["None found.", ""]
    heading = None
    for spot in spots:
        if spot.heading != heading:
            heading = spot.heading
            out += ["", f"### {heading}", ""]
        out.append(f"- {md_escape(spot.problem)}. *Fix:* {md_escape(spot.fix)}")
    return out + [""]
