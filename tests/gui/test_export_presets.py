"""The Export dialog offers the page presets, background and theme of ``argmap export``."""

import pytest

from argmap.render.look import png_dpi


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
