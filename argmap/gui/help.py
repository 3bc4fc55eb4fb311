"""The Help menu: Keyboard Shortcuts, Open Documentation and About argmap.

:func:`add_help_actions` registers the actions with the window's registry
(menu ``help``); the dialogs show plain text only.
"""

import shutil
import subprocess

from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QMessageBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
)

from argmap import __version__, resources
from argmap.gui.plain import message_box

LICENCE = "MIT"
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
    add("documentation", "Open &Documentation", open_documentation, "F1", "help", "help")
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
