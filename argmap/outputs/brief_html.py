"""The debate brief as one self-contained, print-friendly HTML page.

Every text from the map is escaped; the map's picture is embedded as a PNG
data URI, so the page loads nothing from anywhere.
"""

import base64
from html import escape

from argmap.outputs.brief import SIDE_NAMES, STATUS_NAMES, STRENGTH_NOTE

CSS = """
body { font: 11pt/1.45 "DejaVu Serif", Georgia, serif; color: #111; max-width: 48em;
       margin: 2em auto; padding: 0 1em; }
h1 { font-size: 18pt; margin-bottom: .2em; }
h2 { font-size: 15pt; border-bottom: 2px solid #1F5A96; margin-top: 1.8em; }
h3 { font-size: 13pt; margin-top: 1.4em; }
h4 { font-size: 11.5pt; margin: 1.2em 0 .3em; }
.card { border-left: 3px solid #999; padding: .1em 0 .1em .8em; margin: .7em 0; }
.card.level1 { margin-left: 1.5em; } .card.level2 { margin-left: 3em; }
.card.level3 { margin-left: 4.5em; }
.tag { font-weight: bold; }
.cite { font-style: italic; font-size: 9.5pt; color: #333; }
blockquote { margin: .3em 0 .3em 1em; font-size: 10.5pt; }
.where { font-size: 8.5pt; color: #555; }
.label { font: bold 8pt sans-serif; padding: 0 .4em; border-radius: 3px; }
.label.in { background: #D6F0D8; } .label.out { background: #F7D4D4; }
.label.undecided { background: #FFF3C4; }
.inferred { color: #8A3A00; font-size: 9.5pt; }
.why, .note { font-size: 9.5pt; color: #333; }
.unanswered { color: #B00020; }
.role { font-size: 9pt; text-transform: uppercase; color: #555; letter-spacing: .05em; }
img.map { max-width: 100%; border: 1px solid #ccc; }
@media print { body { margin: 0; max-width: none; } h2 { break-before: page; }
  .card, h4 { break-inside: avoid; } h4 { break-after: avoid; } }
"""


def brief_html(brief):
    """Return the :class:`~argmap.outputs.brief.Brief` as an HTML page (a string)."""
    title = escape(brief.title or brief.main.tag)
    parts = [
        f'<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8">'
        f"<title>Debate brief: {title}</title><style>{CSS}</style></head><body>",
        f"<h1>Debate brief: {title}</h1>",
        f"<p><b>Main claim ({escape(brief.main.node)}):</b> {escape(brief.main.text)}</p>",
        f"<p>Label: {_label(brief.main.label)} Strength of the lines on it: pro "
        f"{brief.pro:.2f}, con {brief.con:.2f}. {escape(STRENGTH_NOTE)}</p>",
    ]
    for other in brief.other_mains:
        parts.append(
            f"<p>Another main claim, not covered here: {escape(other.node)} {escape(other.tag)}</p>"
        )
    for side in brief.sides:
        parts.extend(_side(side))
    parts.append("<h2>The map</h2>")
    if brief.picture is not None:
        data = base64.b64encode(brief.picture).decode("ascii")
        parts.append(
            f'<p><img class="map" alt="The map, coloured by evaluation" '
            f'src="data:image/png;base64,{data}"></p>'
        )
    elif brief.picture_note:
        parts.append(f"<p>{escape(brief.picture_note)}</p>")
    parts.extend(_weak_spots(brief.weak_spots))
    parts.append("</body></html>\n")
    return "\n".join(parts)


def _label(label):
    return f'<span class="label {escape(label)}">{escape(label.upper())}</span>'


def _side(side):
    out = [
        f"<h2>{escape(SIDE_NAMES[side.side])}</h2>",
        f"<p><b>Your position:</b> {escape(side.position)}</p>",
        f"<p>{escape(side.status)}</p>",
        "<h3>Your case, strongest line first</h3>",
    ]
    if not side.case:
        out.append("<p>No line of argument bears on the main claim for this side.</p>")
    for i, line in enumerate(side.case, 1):
        out.append(f"<h4>Line {i}: {_label(line.label)} score {line.score:.2f}</h4>")
        out.extend(card_html(card) for card in line.cards)
    out.append("<h3>Attacks to expect</h3>")
    if not side.attacks:
        out.append("<p>None on the map.</p>")
    for i, attack in enumerate(side.attacks, 1):
        out.extend(_attack(i, attack))
    out += [
        "<h3>You can concede</h3>",
        _points(side.concede),
        "<h3>You must not concede</h3>",
        _points(side.hold),
    ]
    return out


def _attack(i, attack):
    status = escape(STATUS_NAMES[attack.status])
    if attack.status == "unanswered":
        status = f'<span class="unanswered">{status}</span>'
    out = [
        f"<h4>Attack {i} ({status}): {escape(attack.card.tag)}</h4>",
        f'<p class="note">Against {escape(attack.target)}: {escape(attack.target_tag)}</p>',
        card_html(attack.card),
    ]
    out.extend(card_html(card, "Their backing") for card in attack.backing)
    if not attack.answers:
        out.append(
            '<p class="unanswered"><b>No prepared answer.</b> Find one, or concede '
            "the point if it costs you nothing (see below).</p>"
        )
    for answer in attack.answers:
        out.append(card_html(answer.cards[0], "Your answer"))
        out.extend(card_html(card, "Backing") for card in answer.cards[1:])
    return out


def card_html(card, role=None):
    """Return one debate card as an HTML block: tag, cite, quoted words, marks and reasons."""
    level = min(card.level, 3)
    out = [f'<div class="card level{level}">']
    if role:
        out.append(f'<div class="role">{escape(role)}</div>')
    out.append(
        f'<div><span class="tag">{escape(card.tag)}</span> {_label(card.label)} '
        f'<span class="where">{escape(card.node)}</span></div>'
    )
    out.append(f'<div class="cite">{escape(card.cite)}</div>')
    for quote in card.quotes:
        out.append(
            f'<blockquote>“{escape(quote.text)}”<br><span class="where">— '
            f"{escape(quote.title)}, characters {quote.start}–{quote.end}"
            "</span></blockquote>"
        )
    if not card.quotes:
        out.append(
            f'<blockquote>{escape(card.text)}<br><span class="where">— the map\'s '
            "wording; no quoted words</span></blockquote>"
        )
    elif card.tag != card.text:
        out.append(f'<div class="note">Point: {escape(card.text)}</div>')
    if card.inferred is not None:
        out.append(
            f'<div class="inferred"><b>INFERRED point:</b> '
            f"{escape(card.inferred or 'the mapper inferred it')}</div>"
        )
    if card.link_inferred:
        out.append(
            f'<div class="inferred"><b>INFERRED link:</b> '
            f"{escape(card.link or 'the mapper inferred this link')}</div>"
        )
    elif card.link:
        out.append(f'<div class="note">Link: {escape(card.link)}</div>')
    if card.label != "in":
        out.append(
            f'<div class="why">Why {escape(card.label)}: {escape("; ".join(card.why))}</div>'
        )
    out.append("</div>")
    return "\n".join(out)


def _points(points):
    if not points:
        return "<p>Nothing.</p>"
    items = "".join(
        f"<li><b>{escape(p.node)}</b> {escape(p.tag)} — {escape(p.effect)}</li>" for p in points
    )
    return f"<ul>{items}</ul>"


def _weak_spots(spots):
    out = ["<h2>Weak spots</h2>"]
    if not spots:
        return out + ["<p>None found.</p>"]
    heading = None
    for spot in spots:
        if spot.heading != heading:
            if heading is not None:
                out.append("</ul>")
            heading = spot.heading
            out += [f"<h3>{escape(heading)}</h3>", "<ul>"]
        out.append(f"<li>{escape(spot.problem)}. <i>Fix:</i> {escape(spot.fix)}</li>")
    return out + ["</ul>"]
