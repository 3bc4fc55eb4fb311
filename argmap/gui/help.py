"""The Help menu: Keyboard Shortcuts, Open Documentation and About argmap.

:func:`add_help_actions` registers the actions with the window's registry
(menu ``help``). Open Documentation (F1) shows the guide shipped with argmap
(its README, in Markdown) in a window of argmap's own, laid out by a view that
loads nothing: a desktop may have no program for Markdown files, or open them
as bare text. A button there hands the file to the desktop all the same. The
other dialogs show plain text only.
"""

import os
import re
import shutil
import subprocess

from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QDesktopServices, QTextCursor, QTextDocument
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QMessageBox,
    QTableWidget,
    QTableWidgetItem,
    QTextBrowser,
    QVBoxLayout,
)

from argmap import __version__, resources
from argmap.gui.plain import message_box

LICENCE = "MIT"
#: A picture in Markdown, inline or by reference. The guide shows its words instead: Qt's
#: Markdown reader opens the file a picture names itself, past any loadResource().
PICTURE = re.compile(r"!\[([^\]]*)\](\([^)]*\)|\[[^\]]*\])")
#: Seconds ``dot -V`` may take before About gives up on Graphviz's version.
DOT_VERSION_TIMEOUT = 5


def add_help_actions(registry, parent):
    """Register the Help actions of a window; dialogs open over *parent*."""
    add = registry.add
    add(
        "shortcuts",
        "&Keyboard Shortcuts",
        lambda: shortcuts_dialog(registry, parent).open(),
        "Ctrl+/",
        "help",
        "help",
    )
    add(
        "documentation",
        "Open &Documentation",
        lambda: show_guide(parent),
        "F1",
        "help",
        "help",
    )
    add("about", "&About argmap", lambda: about_box(parent).open(), None, "help", "about")


# -------------------------------------------------------------- shortcuts
def shortcuts_dialog(registry, parent=None):
    """Return a dialog listing every action with a shortcut, taken from *registry*."""
    dialog = QDialog(parent)
    dialog.setObjectName("shortcuts-dialog")
    dialog.setWindowTitle("Keyboard shortcuts")
    dialog.setAttribute(Qt.WA_DeleteOnClose)
    rows = registry.shortcuts()
    table = QTableWidget(len(rows), 2, dialog)
    table.setObjectName("shortcuts-table")
    table.setHorizontalHeaderLabels(["Action", "Shortcut"])
    table.setEditTriggers(QTableWidget.NoEditTriggers)
    table.verticalHeader().hide()
    table.horizontalHeader().setSectionResizeMode(0, QHeaderView.Stretch)
    table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeToContents)
    for row, (text, keys) in enumerate(rows):
        table.setItem(row, 0, QTableWidgetItem(text))
        table.setItem(row, 1, QTableWidgetItem(keys))
    buttons = QDialogButtonBox(QDialogButtonBox.Close, dialog)
    buttons.rejected.connect(dialog.reject)
    layout = QVBoxLayout(dialog)
    layout.addWidget(table)
    layout.addWidget(buttons)
    dialog.resize(460, 520)
    return dialog


# ---------------------------------------------------------- documentation
def documentation_url():
    """The URL of the user documentation shipped in the package (the README)."""
    return QUrl.fromLocalFile(resources.path("docs", "README.md"))


def open_documentation():
    """Open the documentation with the desktop's viewer for Markdown files; True if it could."""
    return QDesktopServices.openUrl(documentation_url())


class GuideDocument(QTextDocument):
    """A text document that loads nothing: no file, no network (a picture stays out)."""

    def loadResource(self, kind, url):
        return None


class GuideView(QTextBrowser):
    """Markdown laid out for reading. It loads nothing (a picture the text names stays
    out); a link to another page of the guide opens here, a web link in the browser."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setObjectName("guide-view")
        self.setOpenLinks(False)
        self.setDocument(GuideDocument(self))
        self.path = None
        self.anchorClicked.connect(self.follow)

    def loadResource(self, kind, url):
        return None  # and its document loads nothing either: see GuideDocument

    def show_file(self, path: str) -> None:
        """Show the Markdown file *path* (its HTML as text, its pictures as their words)."""
        with open(path, encoding="utf-8") as handle:
            text = PICTURE.sub(r"\1", handle.read())
        self.path = path
        self.document().setMarkdown(
            text,
            QTextDocument.MarkdownDialectGitHub | QTextDocument.MarkdownNoHTML,
        )
        self.moveCursor(QTextCursor.Start)  # from the top
        self.verticalScrollBar().setValue(0)

    def follow(self, url: QUrl) -> None:
        """A link clicked: a place on this page, another page of the guide, or the web."""
        if url.scheme() in ("http", "https", "mailto"):
            QDesktopServices.openUrl(url)
        elif not url.path() and url.fragment():
            self.scrollToAnchor(url.fragment())
        elif self.path is not None and not url.scheme():
            target = os.path.normpath(os.path.join(os.path.dirname(self.path), url.path()))
            if target.endswith(".md") and os.path.isfile(target):
                self.show_file(target)


def show_guide(parent=None) -> QDialog:
    """Show the guide in argmap's own window over *parent* (one per window); return it."""
    shown = parent.findChild(QDialog, "guide-dialog") if parent is not None else None
    if shown is None:
        shown = guide_dialog(parent)
        shown.show()
    shown.raise_()
    shown.activateWindow()
    return shown


def guide_dialog(parent=None) -> QDialog:
    """The guide (the shipped README) laid out, with a button that hands the file to the
    desktop's own viewer."""
    dialog = QDialog(parent)
    dialog.setObjectName("guide-dialog")
    dialog.setWindowTitle("argmap guide")
    dialog.setAttribute(Qt.WA_DeleteOnClose)
    view = GuideView(dialog)
    view.show_file(resources.path("docs", "README.md"))
    note = QLabel(dialog)
    note.setObjectName("guide-note")
    note.setTextFormat(Qt.PlainText)
    note.hide()
    buttons = QDialogButtonBox(QDialogButtonBox.Close, dialog)
    elsewhere = buttons.addButton("Open in Another &Program", QDialogButtonBox.ActionRole)
    elsewhere.clicked.connect(lambda: _open_elsewhere(note))
    buttons.rejected.connect(dialog.reject)
    layout = QVBoxLayout(dialog)
    layout.addWidget(view, 1)
    layout.addWidget(note)
    layout.addWidget(buttons)
    dialog.resize(720, 640)
    return dialog


def _open_elsewhere(note):
    if not open_documentation():
        note.setText(f"No program on this desktop opened {documentation_url().toLocalFile()}.")
        note.show()


# ------------------------------------------------------------------ about
def graphviz_version(timeout=DOT_VERSION_TIMEOUT):
    """Return Graphviz's version line from ``dot -V``, or why there is none."""
    program = shutil.which("dot")
    if program is None:
        return "not installed"
    try:
        result = subprocess.run(
            [program, "-V"],
            capture_output=True,
            text=True,
            timeout=timeout,
            stdin=subprocess.DEVNULL,
        )
    except subprocess.TimeoutExpired:
        return f"no answer from dot -V within {timeout:g} s"
    except OSError as exc:
        return f"cannot run dot ({exc.strerror})"
    line = (result.stderr or result.stdout).strip().splitlines()
    return line[0] if line else f"dot -V gave no version (exit code {result.returncode})"


def about_text():
    """The About box's plain text: version, licence, Graphviz, Qt and PySide6 versions."""
    import PySide6
    from PySide6.QtCore import qVersion

    return (
        f"argmap {__version__}\n"
        "Argument maps for debate preparation: claims, objections and evidence "
        "anchored to their sources.\n\n"
        f"Licence: {LICENCE}\n"
        f"Graphviz: {graphviz_version()}\n"
        f"Qt: {qVersion()}\n"
        f"PySide6: {PySide6.__version__}"
    )


def about_box(parent=None):
    """Return the About message box (plain text)."""
    box = message_box(
        parent, QMessageBox.Information, "About argmap", about_text(), "about-box", QMessageBox.Ok
    )
    box.setTextInteractionFlags(Qt.TextSelectableByMouse)
    box.setAttribute(Qt.WA_DeleteOnClose)
    return box
