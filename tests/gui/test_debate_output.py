"""Debate preparation in the editor: the brief dialog, printing, and export by evaluation."""

import subprocess

import pytest
from PySide6.QtCore import QPoint, Qt, QUrl
from PySide6.QtWidgets import QApplication

from argmap import resources
from argmap.cli import main as cli_main
from argmap.gui.brief_dialog import BriefDialog
from argmap.gui.printing import (
    PICTURE_URL,
    BriefDocument,
    PrintOptionsDialog,
    brief_document,
    pdf_printer,
)

SEEDED = resources.path(*resources.SEEDED_MAP)


@pytest.fixture
def laid_out(make_window, qtbot, shipped_map):
    """The seeded window once Graphviz has placed its nodes."""
    window = make_window(shipped_map())
    qtbot.waitUntil(lambda: not window.document.jobs.active, timeout=20000)
    return window


def _saved_as_shown(window, tmp_path):
    """The window's map saved as it is shown (with the places Graphviz gave its cards)."""
    path = str(tmp_path / "as-shown.argmap")
    assert window.save_to(path)
    return path


def _open_brief_dialog(window, qtbot):
    window.registry["prepare_brief"].trigger()
    qtbot.waitUntil(
        lambda: any(
            isinstance(w, BriefDialog) and w.isVisible() for w in QApplication.topLevelWidgets()
        )
    )
    return next(
        w for w in QApplication.topLevelWidgets() if isinstance(w, BriefDialog) and w.isVisible()
    )


def _choose(qtbot, combo, value):
    """Pick *value* in *combo* with the keyboard, as a user would."""
    combo.setFocus()
    while combo.currentData() != value:
        before = combo.currentIndex()
        qtbot.keyClick(combo, Qt.Key_Down)
        assert combo.currentIndex() != before, f"{value!r} is not offered"


@pytest.mark.parametrize("side, fmt", [("con", "md"), ("pro", "html")])
def test_brief_dialog_saves_what_the_cli_writes(laid_out, qtbot, tmp_path, capsys, side, fmt):
    window = laid_out
    shown = _saved_as_shown(window, tmp_path)
    dialog = _open_brief_dialog(window, qtbot)
    preview = dialog.findChild(type(dialog.preview), "brief-preview")
    assert preview.isReadOnly() and "Debate brief" in preview.toPlainText()
    _choose(qtbot, dialog.side, side)
    _choose(qtbot, dialog.format, fmt)
    assert ("Con (against" in preview.toPlainText()) == (side == "con")
    saved = str(tmp_path / f"gui.{fmt}")
    dialog.save(saved)
    qtbot.waitUntil(lambda: not window.document.jobs.active, timeout=30000)
    assert not dialog.isVisible()
    expected = str(tmp_path / f"cli.{fmt}")
    assert cli_main(["brief", shown, "--side", side, "-o", expected]) == 0
    capsys.readouterr()
    with open(saved, encoding="utf-8") as ours, open(expected, encoding="utf-8") as theirs:
        assert ours.read().replace("gui.map.png", "cli.map.png") == theirs.read()
    if fmt == "md":
        with (
            open(tmp_path / "gui.map.png", "rb") as ours,
            open(tmp_path / "cli.map.png", "rb") as theirs,
        ):
            assert ours.read() == theirs.read()
    assert window.statusBar().currentMessage().startswith("Wrote " + saved)


def _pages(path):
    out = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True, check=True)
    line = next(line for line in out.stdout.splitlines() if line.startswith("Pages:"))
    return int(line.split()[1])


def _print_choices(qtbot, window, **wanted):
    """Fill in the print options dialog with the keyboard and return its choices."""
    dialog = PrintOptionsDialog(window)
    qtbot.addWidget(dialog)
    dialog.show()
    for name, value in wanted.items():
        _choose(qtbot, getattr(dialog, name), value)
    choices = dialog.choices()
    dialog.close()
    return choices


@pytest.mark.parametrize("paper, size", [("A4", "842 x 595"), ("Letter", "792 x 612")])
def test_printing_the_map_fits_on_one_page_or_tiles(laid_out, qtbot, tmp_path, paper, size):
    window = laid_out
    window.registry["evaluate"].setChecked(True)
    window.selection.set(["n1"])
    counts = {}
    for mode in ("fit", "tile"):
        choices = _print_choices(qtbot, window, paper=paper, mode=mode)
        assert choices == {"what": "map", "paper": paper, "orientation": "landscape", "mode": mode}
        path = tmp_path / f"map-{mode}.pdf"
        assert window.debate.print_to(pdf_printer(path, paper), choices) == _pages(path)
        counts[mode] = _pages(path)
        info = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True).stdout
        assert size in info
    assert counts["fit"] == 1
    assert counts["tile"] > 1
    # tiles print a card's statement at a readable size (points)
    from argmap.gui.guide import body_font
    from argmap.gui.printing import TILE_SCALE

    assert TILE_SCALE * body_font().pointSizeF() * window.view.logicalDpiY() / 72 >= 7
    assert window.selection.nodes == ["n1"] and window.scene.nodes["n1"].isSelected()
    assert window.statusBar().currentMessage() == f"Printed the map on {counts['tile']} pages"


def test_printing_the_brief_gives_numbered_pages_with_the_map(laid_out, qtbot, tmp_path):
    window = laid_out
    choices = _print_choices(qtbot, window, what="pro")
    assert choices["what"] == "pro" and choices["orientation"] == "portrait"
    path = tmp_path / "brief.pdf"
    assert window.debate.print_to(pdf_printer(path, "A4", "portrait"), choices) is True
    assert _pages(path) > 3
    text = subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True).stdout
    assert "Debate brief" in text and "Weak spots" in text


def test_the_briefs_document_loads_nothing_but_the_maps_picture(tmp_path):
    from argmap.formats import load_map

    secret = tmp_path / "secret.png"
    QApplication.instance()  # a QImage needs the application
    document = brief_document(load_map(SEEDED), "pro", 500)
    assert document.resource(2, QUrl(PICTURE_URL)) is not None
    assert "data:image" not in document.toHtml()
    assert document.loadResource(2, QUrl.fromLocalFile(str(secret))) is None
    assert document.loadResource(2, QUrl("data:text/plain,hello")) is None
    assert isinstance(document, BriefDocument)


def test_export_dialog_colours_by_evaluation_like_the_cli(laid_out, qtbot, tmp_path, capsys):
    from argmap.gui.export_dialog import ExportDialog

    window = laid_out
    dialog = ExportDialog(window.document, window.selection, window)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.format.setFocus()
    while dialog.format.currentText() != "DOT":
        qtbot.keyClick(dialog.format, Qt.Key_Down)
    box = dialog.findChild(type(dialog.legend), "colour-by-evaluation")
    qtbot.mouseClick(box, Qt.LeftButton, pos=QPoint(8, box.height() // 2))
    assert box.isChecked() and dialog.options().color_by == "evaluation"
    dialog.export(str(tmp_path / "gui.dot"))
    qtbot.waitUntil(lambda: not window.document.jobs.active, timeout=30000)
    assert (
        cli_main(
            [
                "export",
                _saved_as_shown(window, tmp_path),
                "-o",
                str(tmp_path / "cli.dot"),
                "--color-by",
                "evaluation",
            ]
        )
        == 0
    )
    capsys.readouterr()
    ours = (tmp_path / "gui.dot").read_text(encoding="utf-8")
    assert ours == (tmp_path / "cli.dot").read_text(encoding="utf-8")
    assert "#F7D4D4" in ours  # a defeated card's fill
