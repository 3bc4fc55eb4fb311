"""Debate > Prepare Brief…: choose a side and a format, see the brief as it will look, save it.

The preview follows the format chosen. Markdown is shown as its text, in a
read-only plain-text view. A web page is shown laid out, as
:mod:`argmap.outputs.brief_html` writes it, by a :class:`BriefPage` that loads
nothing (no file, no network, no link followed); the map's picture, drawn by
Graphviz off the GUI thread, is handed to it directly, as printing does. A Word
document holds the same brief and is shown the same way, with a note. Save
writes with :func:`argmap.outputs.brief_files.write_brief`, the code of
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
    QStackedWidget,
    QTextBrowser,
    QVBoxLayout,
)

from argmap.errors import ArgmapError
from argmap.gui.plain import choice_box
from argmap.gui.printing import document_of_brief
from argmap.outputs.brief import Brief, build_brief
from argmap.outputs.brief_files import write_brief
from argmap.outputs.brief_md import brief_markdown

#: (value, shown) of the sides and formats offered.
SIDES = (
    ("pro", "Pro (for the main claim)"),
    ("con", "Con (against the main claim)"),
    ("both", "Both sides"),
)
FORMATS = (("md", "Markdown (.md)"), ("html", "Web page (.html)"), ("docx", "Word (.docx)"))
#: What the preview says under each format.
NOTES = {
    "md": "The Markdown text to be saved; the map's picture is saved beside it as a PNG file.",
    "html": "The web page, laid out here much as a browser will show it, with the map "
    "coloured by evaluation.",
    "docx": "The Word document holds this brief and the map coloured by evaluation; "
    "Word sets it in its own fonts and pages.",
}
#: Shown under "The map" while Graphviz draws it for the preview.
DRAWING = "The map is being drawn…"


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


class BriefPage(QTextBrowser):
    """The brief laid out as a page; it loads nothing and follows no link."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setObjectName("brief-page")
        self.setOpenLinks(False)
        self.setOpenExternalLinks(False)

    def loadResource(self, kind, url):
        return None

    def show_brief(self, brief: Brief) -> None:
        """Lay out *brief* (its picture handed over, no wider than the page)."""
        width = max(200, self.viewport().width() - 120)  # inside the page's margins
        self.setDocument(document_of_brief(brief, width, self))  # the page's: the last goes


class BriefDialog(QDialog):
    """Side, format, a preview of the brief as the format shows it, and Save."""

    def __init__(self, document, parent=None):
        super().__init__(parent)
        self.document = document
        self.save_job = None
        self.picture_job = None
        self.drawn = {}  # side -> its Brief with the map's picture
        self.drawing = set()  # the sides whose picture is being drawn
        self.setWindowTitle("Prepare brief")
        self.resize(760, 640)
        self.side = choice_box(SIDES)
        self.format = choice_box(FORMATS)
        self.preview = QPlainTextEdit()
        self.preview.setObjectName("brief-preview")
        self.preview.setReadOnly(True)
        self.preview.setLineWrapMode(QPlainTextEdit.WidgetWidth)
        self.preview.setFont(QFont("DejaVu Sans Mono", 9))
        self.page = BriefPage()
        self.views = QStackedWidget()
        self.views.addWidget(self.preview)
        self.views.addWidget(self.page)
        self.status = QLabel()
        self.status.setObjectName("brief-note")
        self.status.setTextFormat(Qt.PlainText)
        self.status.setWordWrap(True)
        self._build_layout()
        self.side.currentIndexChanged.connect(lambda _: self.refresh())
        self.format.currentIndexChanged.connect(lambda _: self.refresh())
        self.refresh()

    def _build_layout(self):
        layout = QVBoxLayout(self)
        form = QFormLayout()
        form.addRow("Side", self.side)
        form.addRow("Format", self.format)
        layout.addLayout(form)
        layout.addWidget(self.views, 1)
        layout.addWidget(self.status)
        self.buttons = QDialogButtonBox(QDialogButtonBox.Save | QDialogButtonBox.Close)
        self.buttons.accepted.connect(self.choose_file)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)

    def chosen(self):
        """``(side, format)`` as chosen."""
        return self.side.currentData(), self.format.currentData()

    def refresh(self):
        """Show the brief for the chosen side as the chosen format shows it (or why there
        is none)."""
        side, fmt = self.chosen()
        try:
            brief = self.drawn.get(side) or build_brief(self.document.amap, side, picture=False)
        except ArgmapError as exc:
            self.preview.setPlainText("")
            self.page.clear()
            self.status.setText(f"No brief: {exc}")
            self.buttons.button(QDialogButtonBox.Save).setEnabled(False)
            return
        self.buttons.button(QDialogButtonBox.Save).setEnabled(True)
        self.status.setText(NOTES[fmt])
        if fmt == "md":
            picture = os.path.splitext(os.path.basename(self.default_path()))[0] + ".map.png"
            self.preview.setPlainText(brief_markdown(brief, picture))
            self.views.setCurrentWidget(self.preview)
            return
        if side not in self.drawn:
            brief.picture_note = DRAWING
            self.draw_picture(side)
        self.page.show_brief(brief)
        self.views.setCurrentWidget(self.page)

    def draw_picture(self, side):
        """Draw the map for the brief of *side* off the GUI thread (once); show it when
        done."""
        if side in self.drawing:
            return
        self.drawing.add(side)
        snapshot = self.document.amap.copy()
        self.picture_job = self.document.jobs.start(
            lambda: build_brief(snapshot, side, picture=True),
            "Drawing the map for the brief…",
            lambda brief: self._drawn(side, brief),
        )
        self.picture_job.signals.failed.connect(lambda _: self.drawing.discard(side))

    def _drawn(self, side, brief):
        self.drawing.discard(side)
        self.drawn[side] = brief
        if self.chosen()[0] == side:
            self.refresh()

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
