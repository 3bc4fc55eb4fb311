"""The debate brief as a Word document, through python-docx (the optional extra ``docx``).

Cards are set the way debaters set them: the tag in bold on its own line, the
cite line in italics, then the quoted words indented.
"""

import io
import struct

from argmap.errors import MissingDependencyError
from argmap.outputs.brief import SIDE_NAMES, STATUS_NAMES, STRENGTH_NOTE

INSTALL_HINT = "pip install 'argmap[docx]'"


def require_docx():
    """Return the ``docx`` module, or raise MissingDependencyError saying how to install it."""
    try:
        import docx
    except ImportError:
        raise MissingDependencyError(
            f"writing a .docx brief needs python-docx: {INSTALL_HINT}"
        ) from None
    return docx


def brief_docx(brief):
    """Return the :class:`~argmap.outputs.brief.Brief` as the bytes of a .docx file."""
    docx = require_docx()
    document = docx.Document()
    document.add_heading(f"Debate brief: {brief.title or brief.main.tag}", 0)
    para = document.add_paragraph()
    para.add_run(f"Main claim ({brief.main.node}): ").bold = True
    para.add_run(brief.main.text)
    document.add_paragraph(
        f"Label: {brief.main.label.upper()}. Strength of the lines on it: "
        f"pro {brief.pro:.2f}, con {brief.con:.2f}. {STRENGTH_NOTE}"
    )
    for other in brief.other_mains:
        document.add_paragraph(f"Another main claim, not covered here: {other.node} {other.tag}")
    for side in brief.sides:
        _side(document, side)
    document.add_heading("The map", 1)
    if brief.picture is not None:
        _picture(document, brief.picture)
    elif brief.picture_note:
        document.add_paragraph(brief.picture_note)
    _weak_spots(document, brief.weak_spots)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def _side(document, side):
    document.add_heading(SIDE_NAMES[side.side], 1)
    para = document.add_paragraph()
    para.add_run("Your position: ").bold = True
    para.add_run(side.position)
    document.add_paragraph(side.status)
    document.add_heading("Your case, strongest line first", 2)
    if not side.case:
        document.add_paragraph("No line of argument bears on the main claim for this side.")
    for i, line in enumerate(side.case, 1):
        document.add_heading(f"Line {i} ({line.label.upper()}, score {line.score:.2f})", 3)
        for card in line.cards:
            add_card(document, card)
    document.add_heading("Attacks to expect", 2)
    if not side.attacks:
        document.add_paragraph("None on the map.")
    for i, attack in enumerate(side.attacks, 1):
        _attack(document, i, attack)
    for title, points in (("You can concede", side.concede), ("You must not concede", side.hold)):
        document.add_heading(title, 2)
        _points(document, points)


def _attack(document, i, attack):
    document.add_heading(f"Attack {i} ({STATUS_NAMES[attack.status]})", 3)
    document.add_paragraph(f"Against {attack.target}: {attack.target_tag}")
    add_card(document, attack.card)
    for card in attack.backing:
        add_card(document, card, "Their backing")
    if not attack.answers:
        para = document.add_paragraph()
        para.add_run("No prepared answer.").bold = True
        para.add_run(" Find one, or concede the point if it costs you nothing (see below).")
    for answer in attack.answers:
        add_card(document, answer.cards[0], "Your answer")
        for card in answer.cards[1:]:
            add_card(document, card, "Backing")


def add_card(document, card, role=None):
    """Add one debate card: bold tag line, italic cite line, indented quoted words, marks."""
    from docx.shared import Cm, Pt

    indent = Cm(0.8 * min(card.level, 3))
    tag = document.add_paragraph()
    tag.paragraph_format.left_indent = indent
    tag.paragraph_format.keep_with_next = True
    tag.paragraph_format.space_before = Pt(8)
    if role:
        tag.add_run(f"{role}: ").italic = True
    tag.add_run(card.tag).bold = True
    tag.add_run(f"  [{card.label.upper()}, {card.node}]").font.size = Pt(8)
    cite = document.add_paragraph()
    cite.paragraph_format.left_indent = indent
    cite.paragraph_format.keep_with_next = True
    cite.add_run(card.cite).italic = True
    for quote in card.quotes:
        _quote(
            document,
            indent + Cm(0.8),
            f"“{quote.text}”",
            f"{quote.title}, characters {quote.start}–{quote.end}",
        )
    if not card.quotes:
        _quote(document, indent + Cm(0.8), card.text, "the map's wording; no quoted words")
    elif card.tag != card.text:
        _small(document, indent, "Point: ", card.text)
    if card.inferred is not None:
        _small(document, indent, "INFERRED point: ", card.inferred or "the mapper inferred it")
    if card.link_inferred:
        _small(document, indent, "INFERRED link: ", card.link or "the mapper inferred it")
    elif card.link:
        _small(document, indent, "Link: ", card.link)
    if card.label != "in":
        _small(document, indent, f"Why {card.label}: ", "; ".join(card.why))


def _quote(document, indent, text, where):
    from docx.shared import Pt

    para = document.add_paragraph()
    para.paragraph_format.left_indent = indent
    para.add_run(text).font.size = Pt(10.5)
    run = para.add_run(f"\n— {where}")
    run.font.size = Pt(8)


def _small(document, indent, lead, text):
    from docx.shared import Pt

    para = document.add_paragraph()
    para.paragraph_format.left_indent = indent
    head = para.add_run(lead)
    head.bold = True
    head.font.size = Pt(9)
    para.add_run(text).font.size = Pt(9)


def _points(document, points):
    if not points:
        document.add_paragraph("Nothing.")
    for point in points:
        para = document.add_paragraph(style="List Bullet")
        para.add_run(f"{point.node} ").bold = True
        para.add_run(f"{point.tag} — {point.effect}")


def _picture(document, png):
    """Add the PNG scaled to fit the page's text area (6.3 x 9 inches)."""
    from docx.shared import Inches

    width, height = struct.unpack(">II", png[16:24])
    scale = min(6.3 / max(width, 1), 9.0 / max(height, 1))
    document.add_picture(io.BytesIO(png), width=Inches(width * scale))


def _weak_spots(document, spots):
    document.add_heading("Weak spots", 1)
    if not spots:
        document.add_paragraph("None found.")
    heading = None
    for spot in spots:
        if spot.heading != heading:
            heading = spot.heading
            document.add_heading(heading, 2)
        para = document.add_paragraph(style="List Bullet")
        para.add_run(spot.problem + ". ")
        para.add_run("Fix: ").italic = True
        para.add_run(spot.fix)
