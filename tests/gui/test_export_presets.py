"""The Export dialog offers the page presets, background and theme of ``argmap export``."""

import pytest

from argmap.render.png import png_dpi


def test_dialog_options_carry_page_background_and_theme(make_window, map_file):
    """Choosing the slide preset, a transparent background and the dark theme sets the options."""
    window = make_window(str(map_file))
    from argmap.gui.export_dialog import ExportDialog

    dialog = ExportDialog(window.document, window.selection, window)
    assert dialog.options().page is None
    dialog.page.setCurrentText("16:9 slide")
    dialog.background.setCurrentText("transparent")
    dialog.theme.setCurrentText("dark")
    options = dialog.options()
    assert (options.page, options.background, options.theme) == ("slide", "transparent", "dark")
    dialog.reject()


@pytest.mark.graphviz
def test_dialog_exports_an_a4_page(make_window, map_file, tmp_path, qtbot):
    """Export with the A4 preset writes a PNG of an A4 page at 150 dpi."""
    from argmap.gui.export_dialog import ExportDialog

    window = make_window(str(map_file))
    dialog = ExportDialog(window.document, window.selection, window)
    dialog.page.setCurrentText("A4 page")
    out = tmp_path / "page.png"
    job = dialog.export(str(out))
    qtbot.waitUntil(lambda: out.exists() and not window.document.jobs.active, timeout=20000)
    assert job is not None and png_dpi(out.read_bytes()) == 150


def test_dialog_offers_the_arrangement_or_a_fresh_layout(make_window, map_file, qtbot):
    """A map placed on the canvas exports as arranged by default (direction then means
    nothing); a fresh layout can be chosen, and page presets are always laid out afresh."""
    from argmap.gui.export_dialog import ExportDialog
    from argmap.render.drawing import is_arranged

    window = make_window(str(map_file))
    amap = window.document.amap
    assert is_arranged(amap, list(amap.graph.nodes))
    dialog = ExportDialog(window.document, window.selection, window)
    qtbot.addWidget(dialog)
    assert dialog.options().layout == "arranged" and not dialog.direction.isEnabled()
    dialog.layout_box.setCurrentText("Fresh layout by Graphviz")
    assert dialog.options().layout == "auto" and dialog.direction.isEnabled()
    dialog.layout_box.setCurrentText("As arranged in the editor")
    dialog.page.setCurrentText("A4 page")
    assert dialog.options().layout == "auto" and not dialog.layout_box.isEnabled()
    dialog.reject()


def test_dialog_without_an_arrangement_offers_only_a_fresh_layout(make_window, qtbot, tmp_path):
    """When a card has no place yet, 'as arranged' cannot be chosen."""
    from argmap.gui.export_dialog import ExportDialog
    from argmap.model import ArgumentMap

    window = make_window()
    amap = ArgumentMap("Unplaced")
    amap.add_node("claim", "A claim with no place on the canvas")
    window.document.amap = amap
    dialog = ExportDialog(window.document, window.selection, window)
    qtbot.addWidget(dialog)
    assert dialog.options().layout == "auto"
    assert not dialog.layout_box.model().item(0).isEnabled()
    dialog.reject()
