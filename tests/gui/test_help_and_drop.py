"""The Help menu (shortcuts, documentation, About), the application's identity, and file drops."""

import os

import pytest
from PySide6.QtCore import QMimeData, QObject, QPoint, QPointF, Qt, QUrl, Slot
from PySide6.QtGui import QDesktopServices, QDragEnterEvent, QDropEvent, QTextDocument
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QMessageBox,
    QTableWidget,
    QTextBrowser,
)

from argmap import __version__, resources
from argmap.gui.main_window import MainWindow


def _help_texts(window):
    return [a.text().replace("&", "") for a in window.menus["help"].actions() if a.text()]


def test_help_menu_lists_shortcuts_documentation_and_about(make_window):
    """The menu bar ends with Help, holding the three actions."""
    window = make_window()
    titles = [a.text() for a in window.menuBar().actions()]
    assert titles[-1] == "&Help"
    assert _help_texts(window) == ["Keyboard Shortcuts", "Open Documentation", "About argmap"]


def test_shortcuts_dialog_lists_every_registered_shortcut(make_window, qtbot):
    """The dialog's rows are the registry's shortcuts, Undo and Add Reason among them."""
    window = make_window()
    window.registry["shortcuts"].trigger()
    dialog = window.findChild(object, "shortcuts-dialog")
    assert dialog is not None and dialog.isVisible()
    table = dialog.findChild(QTableWidget, "shortcuts-table")
    rows = [(table.item(r, 0).text(), table.item(r, 1).text()) for r in range(table.rowCount())]
    assert rows == window.registry.shortcuts()
    assert any(text == "Undo" for text, _ in rows)
    assert ("Keyboard Shortcuts", "Ctrl+/") in rows
    dialog.reject()


@pytest.mark.graphviz
def test_about_names_version_licence_graphviz_and_qt(make_window):
    """About shows argmap's version, MIT, the dot version and Qt's, as plain text."""
    from PySide6 import __version__ as pyside_version
    from PySide6.QtCore import qVersion

    window = make_window()
    window.registry["about"].trigger()
    box = window.findChild(QMessageBox, "about-box")
    assert box is not None and box.isVisible()
    assert box.textFormat() == Qt.PlainText
    text = box.text()
    assert f"argmap {__version__}" in text and "Licence: MIT" in text
    assert "Graphviz: dot - graphviz version" in text
    assert f"Qt: {qVersion()}" in text and f"PySide6: {pyside_version}" in text
    box.done(0)


class _UrlCatcher(QObject):
    def __init__(self):
        super().__init__()
        self.urls = []

    @Slot(QUrl)
    def catch(self, url):
        self.urls.append(url)


def _guide(window):
    window.registry["documentation"].trigger()
    dialog = window.findChild(QDialog, "guide-dialog")
    assert dialog is not None and dialog.isVisible()
    return dialog


def _press(dialog, label):
    buttons = dialog.findChild(QDialogButtonBox)
    next(b for b in buttons.buttons() if b.text().replace("&", "") == label).click()


def test_f1_shows_the_guide_in_argmap_when_the_desktop_cannot(make_window, monkeypatch):
    """With no program for Markdown on the desktop, F1 still shows the guide: the shipped
    README laid out in argmap's own window, headings as headings, no Markdown marks, and
    the picture it names left out (nothing is loaded)."""
    readme = resources.path("docs", "README.md")
    monkeypatch.chdir(os.path.dirname(readme))  # where the picture's relative name leads
    assert os.path.isfile(os.path.join("docs", "screenshot.png"))
    opened = []
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: opened.append(url) or False)
    window = make_window()
    dialog = _guide(window)
    view = dialog.findChild(QTextBrowser, "guide-view")
    text = view.toPlainText()
    assert text.startswith("argmap\n") and "The editor" in text and "## " not in text
    assert view.document().firstBlock().blockFormat().headingLevel() == 1
    assert view.verticalScrollBar().value() == 0  # from the top
    picture = view.document().resource(QTextDocument.ImageResource, QUrl("docs/screenshot.png"))
    assert picture is None
    assert _guide(window) is dialog  # F1 again brings the same window to the front
    _press(dialog, "Open in Another Program")
    (url,) = opened
    assert url.toLocalFile() == resources.path("docs", "README.md")
    note = dialog.findChild(QLabel, "guide-note")
    assert note.isVisible() and "No program" in note.text()
    dialog.close()


def test_the_guide_hands_the_shipped_readme_to_the_desktop(make_window):
    """Open in Another Program asks the desktop to open the README shipped in the package."""
    window = make_window()
    dialog = _guide(window)
    catcher = _UrlCatcher()
    QDesktopServices.setUrlHandler("file", catcher, "catch")
    try:
        _press(dialog, "Open in Another Program")
    finally:
        QDesktopServices.unsetUrlHandler("file")
    (url,) = catcher.urls
    path = url.toLocalFile()
    assert path == resources.path("docs", "README.md")
    with open(path, encoding="utf-8") as readme:
        assert readme.readline().startswith("# argmap")
    assert not dialog.findChild(QLabel, "guide-note").isVisible()
    dialog.close()


def test_application_has_icon_version_and_desktop_name(qapp):
    """The application names its desktop entry and version and has the argmap icon."""
    from argmap.gui.app import make_application

    app = make_application()
    assert app.desktopFileName() == "argmap"
    assert app.applicationVersion() == __version__
    icon = app.windowIcon()
    assert not icon.isNull()
    assert {s.width() for s in icon.availableSizes()} >= {16, 32, 48, 256}


# ------------------------------------------------------------------- drop
def _mime(*paths):
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(p)) for p in paths])
    return mime


def _drop(widget, mime):
    """Drag *mime* over *widget* and drop it there; return whether the drag was accepted."""
    enter = QDragEnterEvent(QPoint(20, 20), Qt.CopyAction, mime, Qt.LeftButton, Qt.NoModifier)
    QApplication.sendEvent(widget, enter)
    drop = QDropEvent(QPointF(20, 20), Qt.CopyAction, mime, Qt.LeftButton, Qt.NoModifier)
    QApplication.sendEvent(widget, drop)
    return enter.isAccepted() and drop.isAccepted()


def test_a_map_dropped_on_the_canvas_opens_in_a_new_window(make_window, map_file, qtbot):
    """A window already showing a map opens a dropped map in a new window."""
    window = make_window(str(map_file))
    other = map_file.parent / "other.argmap"
    other.write_bytes(map_file.read_bytes())
    before = list(MainWindow.windows)
    assert _drop(window.view.viewport(), _mime(other))
    new = [w for w in MainWindow.windows if w not in before]
    assert len(new) == 1
    qtbot.addWidget(new[0])
    assert new[0].document.path == os.path.abspath(other)
    assert window.document.path == os.path.abspath(map_file)


def test_a_document_dropped_on_the_window_is_imported(make_window, map_file, tmp_path):
    """A dropped .txt file becomes a source document of this window's map, in one undo step."""
    window = make_window(str(map_file))
    text = tmp_path / "article.txt"
    text.write_text("Strong encryption protects journalists and their sources.", "utf-8")
    count = len(window.document.amap.documents)
    assert _drop(window.view.viewport(), _mime(text))
    assert len(window.document.amap.documents) == count + 1
    window.document.undo_stack.undo()
    assert len(window.document.amap.documents) == count


def test_other_files_are_not_taken(make_window, map_file, tmp_path):
    """A dropped picture is not argmap's to take: no window opens, nothing is imported."""
    window = make_window(str(map_file))
    picture = tmp_path / "picture.png"
    picture.write_bytes(b"\x89PNG")
    before = (len(MainWindow.windows), len(window.document.amap.documents))
    _drop(window.view.viewport(), _mime(picture))
    _drop(window, _mime(picture))
    assert (len(MainWindow.windows), len(window.document.amap.documents)) == before
