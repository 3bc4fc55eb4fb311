"""Prepare Brief previews the chosen format as it will look: Markdown as text, a web page
and a Word document laid out, with the map's picture handed over and nothing loaded."""

import pytest
from PySide6.QtCore import QUrl
from PySide6.QtGui import QTextDocument
from PySide6.QtWidgets import QAbstractScrollArea

from argmap.gui.brief_dialog import BriefDialog
from argmap.gui.printing import PICTURE_URL
from argmap.model import queries


@pytest.fixture
def dialog(make_window, shipped_map, qtbot):
    """The brief dialog of the seeded map, shown."""
    window = make_window(shipped_map())
    qtbot.waitUntil(lambda: not window.document.jobs.active, timeout=20000)
    main = queries.main_claims(window.document.amap)[0]
    window.document.add_child(main, "support", 'A reason that names <img src="/etc/passwd">')
    window.view.finish_typing()
    shown = BriefDialog(window.document, window)
    qtbot.addWidget(shown)
    shown.show()
    yield shown
    qtbot.waitUntil(lambda: not window.document.jobs.active, timeout=20000)
    window.document.undo_stack.setClean()


def _shown(dialog):
    """The preview the dialog shows: its one visible text view."""
    (view,) = [
        w
        for w in dialog.findChildren(QAbstractScrollArea)
        if w.isVisible() and hasattr(w, "toPlainText")
    ]
    return view


def _picture(page):
    return page.document().resource(QTextDocument.ImageResource, QUrl(PICTURE_URL))


def _pick(dialog, fmt):
    dialog.format.setCurrentIndex(dialog.format.findData(fmt))


def test_markdown_is_previewed_as_its_text(dialog):
    """Markdown shows as the text that will be saved, marks and all."""
    _pick(dialog, "md")
    text = _shown(dialog).toPlainText()
    assert text.startswith("# Debate brief: ") and "**Main claim" in text
    assert "Markdown" in dialog.status.text() and "-brief-pro.map.png)" in text


@pytest.mark.parametrize("fmt", ["html", "docx"])
def test_a_web_page_or_word_document_is_previewed_laid_out_with_the_map(dialog, qtbot, fmt):
    """A web page (and a Word document, with a note) shows laid out: headings and bold
    text rather than Markdown marks, text from the map as written, and the map's picture
    once Graphviz has drawn it."""
    _pick(dialog, fmt)
    page = _shown(dialog)
    assert page.isReadOnly()
    text = page.toPlainText()
    assert text.startswith("Debate brief: ") and "**" not in text and "# " not in text
    assert 'A reason that names <img src="/etc/passwd">' in text
    assert "The map is being drawn…" in text
    qtbot.waitUntil(lambda: _picture(page) is not None, timeout=20000)
    assert not _picture(page).isNull() and "The map is being drawn" not in page.toPlainText()
    heading = page.document().firstBlock()
    assert heading.blockFormat().headingLevel() == 1
    assert ("Word" in dialog.status.text()) == (fmt == "docx")
    _pick(dialog, "html" if fmt == "docx" else "docx")
    assert _picture(page) is not None  # the picture is drawn once per side
