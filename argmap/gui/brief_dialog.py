"""Debate > Prepare Brief…: choose a side and a format, read the brief, save it.

The preview is the brief's Markdown (:mod:`argmap.analysis.brief_md`) in a
read-only plain-text view, so nothing from the map is ever read as rich text.
Save writes with :func:`argmap.analysis.brief.write_brief`, the code of
``argmap brief``, on a copy of the map off the GUI thread.
"""

import os

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QLabel,
    QPlainTextEdit,
    QVBoxLayout,
)

from argmap.errors import ArgmapError
from argmap.gui.plain import choice_box
from argmap.outputs.brief import build_brief
from argmap.outputs.brief_files import write_brief
from argmap.outputs.brief_md import brief_markdown

#: (value, shown) of the sides and formats offered.
SIDES = (
    ("pro", "Pro (for the main claim)"),
    ("con", "Con (against the main claim)"),
    ("both", "Both sides"),
)
FORMATS = (("md", "Markdown (.md)"), ("html", "Web page (.html)"), ("docx", "Word (.docx)"))


def brief_text(amap, side):
    """Return the brief of *amap* for *side* as Markdown, without the map's picture."""
    return brief_markdown(build_brief(amap, side, picture=False))


def save_brief(document, path, side, fmt):
    """Write the brief of *document*'s map to *path* off the GUI thread; return the job.

    The file dialog has already asked before replacing a file, so existing
    files are overwritten (atomically). When it is done the document tells
    which files were written.
    """
    snapshot = document.amap.copy()
    return document.jobs.start(
        lambda: write_brief(snapshot, path, side, fmt, picture=True, overwrite=True),
        f"Writing the brief {os.path.basename(path)}…",
        lambda written: document.told.emit("Wrote " + ", ".join(written)),
    )


class BriefDialog(QDialog):
    """Side, format, a preview of the brief, and Save."""

    def __init__(self, document, parent=None):
        super().__init__(parent)
        self.document = document
        self.save_job = None
        self.setWindowTitle("Prepare brief")
        self.resize(760, 640)
        self.side = choice_box(SIDES)
        self.format = choice_box(FORMATS)
        self.preview = QPlainTextEdit()
        self.preview.setObjectName("brief-preview")
        self.preview.setReadOnly(True)
        self.preview.setLineWrapMode(QPlainTextEdit.WidgetWidth)
        self.preview.setFont(QFont("DejaVu Sans Mono", 9))
        self.status = QLabel()
        self.status.setTextFormat(Qt.PlainText)
        self.status.setWordWrap(True)
        self._build_layout()
        self.side.currentIndexChanged.connect(lambda _: self.refresh())
        self.refresh()

    def _build_layout(self):
        layout = QVBoxLayout(self)
        form = QFormLayout()
        form.addRow("Side", self.side)
        form.addRow("Format", self.format)
        layout.addLayout(form)
        layout.addWidget(self.preview, 1)
        layout.addWidget(self.status)
        self.buttons = QDialogButtonBox(QDialogButtonBox.Save | QDialogButtonBox.Close)
        self.buttons.accepted.connect(self.choose_file)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)

    def chosen(self):
        """``(side, format)`` as chosen."""
        return self.side.currentData(), self.format.currentData()

    def refresh(self):
        """Show the brief for the chosen side (or why there is none)."""
        try:
            text = brief_text(self.document.amap, self.side.currentData())
        except ArgmapError as exc:
            self.preview.setPlainText("")
            self.status.setText(f"No brief: {exc}")
            self.buttons.button(QDialogButtonBox.Save).setEnabled(False)
            return
        self.preview.setPlainText(text)
        self.status.setText("The saved brief also holds the map, coloured by evaluation.")
        self.buttons.button(QDialogButtonBox.Save).setEnabled(True)

    def default_path(self):
        side, fmt = self.chosen()
        base = os.path.splitext(self.document.path or "map.argmap")[0]
        return f"{base}-brief-{side}.{fmt}"

    def choose_file(self):
        side, fmt = self.chosen()
        path, _ = QFileDialog.getSaveFileName(
            self, "Save brief", self.default_path(), f"{fmt.upper()} (*.{fmt})"
        )
        if path:
            self.save(path)

    def save(self, path):
        """Write the brief to *path* (its suffix added if missing), close; return the job."""
        side, fmt = self.chosen()
        if not path.lower().endswith("." + fmt):
            path += "." + fmt
        self.save_job = save_brief(self.document, path, side, fmt)
        self.accept()
        return self.save_job
