"""File > Export: format and render options, a size preview, then the shared export code.

The picture is made by :func:`argmap.render.export.export_file`, the code
``argmap export`` runs, on a copy of the map off the GUI thread; so is the
preview's layout.
"""

import os

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QLabel,
    QSpinBox,
)

from argmap.gui.jobs import Job
from argmap.gui.plain import choice_box
from argmap.outputs.export import export_file
from argmap.render.drawing import is_arranged
from argmap.render.layout import compute_layout
from argmap.render.options import ExportOptions
from argmap.render.style import CARD_WIDTH

FORMATS = ("png", "svg", "pdf", "dot")
DIRECTIONS = ("TB", "BT", "LR", "RL")
#: Page presets: shown name -> ExportOptions.page.
PAGE_PRESETS = {
    "Fit the map (no page)": None,
    "A4 page": "a4",
    "Letter page": "letter",
    "16:9 slide": "slide",
}
#: Layout choices: shown name -> ExportOptions.layout.
LAYOUT_CHOICES = (("arranged", "As arranged in the editor"), ("auto", "Fresh layout by Graphviz"))
#: A typical card's height (points), for the size of an arranged picture.
CARD_HEIGHT_PT = 90.0


def export_to(document, path, options):
    """Export *document*'s map to *path* with render *options*, off the GUI thread; return the job.

    When it is done the document tells the path and size (and any warning).
    """
    snapshot = document.amap.copy()
    return document.jobs.start(
        lambda: export_file(snapshot, path, options),
        f"Exporting {os.path.basename(path)}…",
        lambda result: _exported(document, path, result),
    )


def _exported(document, path, result):
    document.told.emit(f"Exported {path} ({result.summary})")
    if result.warnings:
        document.problem.emit("Exported, with a warning", "\n\n".join(result.warnings))


class ExportDialog(QDialog):
    """Choose how to draw the map; the picture is made by argmap.render, like the CLI's."""

    def __init__(self, document, selection, parent=None):
        super().__init__(parent)
        self.document, self.selection = document, selection
        self.setWindowTitle("Export map")
        self._layouts = {}  # direction -> Graphviz layout, measured off the GUI thread
        self._pending = set()
        self._jobs = []
        self.export_job = None
        self._build_form()
        self.preview()

    def _build_form(self):
        form = QFormLayout(self)
        self.format = QComboBox()
        self.format.addItems([f.upper() for f in FORMATS])
        self.dpi = QSpinBox()
        self.dpi.setRange(0, 600)
        self.dpi.setSpecialValueText("automatic")
        self.direction = QComboBox()
        self.direction.addItems(DIRECTIONS)
        self.legend = QCheckBox("Legend")
        self.legend.setChecked(True)
        self.by_evaluation = QCheckBox("Colour by evaluation (in, out, undecided)")
        self.by_evaluation.setObjectName("colour-by-evaluation")
        self.subtree = QCheckBox("Only the selected node and what bears on it")
        self.subtree.setEnabled(self.selection.single() is not None)
        self._build_page_choices()
        self._build_layout_choice()
        self.size_label = QLabel("—")
        self.size_label.setTextFormat(Qt.PlainText)  # a Graphviz message may quote the map
        for label, widget in (
            ("Format", self.format),
            ("Resolution (dpi)", self.dpi),
            ("Layout", self.layout_box),
            ("Direction", self.direction),
        ):
            form.addRow(label, widget)
        for label, widget in (
            ("Page", self.page),
            ("Background", self.background),
            ("Theme", self.theme),
        ):
            form.addRow(label, widget)
        form.addRow(self.legend)
        form.addRow(self.by_evaluation)
        form.addRow(self.subtree)
        form.addRow("Size", self.size_label)
        buttons = QDialogButtonBox(QDialogButtonBox.Save | QDialogButtonBox.Cancel)
        buttons.accepted.connect(self.choose_file)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)
        for widget in (self.format, self.direction, self.layout_box, self.page):
            widget.currentTextChanged.connect(lambda _: self.preview())
        self.dpi.valueChanged.connect(lambda _: self.preview())

    def _build_page_choices(self):
        """The page preset (the same as ``argmap export --page``), background and theme."""
        self.page = QComboBox()
        self.page.addItems(list(PAGE_PRESETS))
        self.page.setToolTip(
            "A map too large for one readable page shares its lines of argument "
            "among pages: in one PDF, or numbered PNG or SVG files"
        )
        self.background = QComboBox()
        self.background.addItems(["white", "transparent"])
        self.theme = QComboBox()
        self.theme.addItems(["light", "dark"])

    def _build_layout_choice(self):
        """As arranged (every card where it sits on the canvas) or a fresh Graphviz layout."""
        amap = self.document.amap
        self.layout_box = choice_box(LAYOUT_CHOICES)
        if not is_arranged(amap, list(amap.graph.nodes)):
            self.layout_box.setCurrentIndex(self.layout_box.findData("auto"))
            self.layout_box.model().item(self.layout_box.findData("arranged")).setEnabled(False)
            self.layout_box.setToolTip("Some cards have no place on the canvas yet")

    def layout_choice(self):
        """``arranged`` or ``auto``; page presets are always laid out afresh for the page."""
        if PAGE_PRESETS[self.page.currentText()] is not None:
            return "auto"
        return self.layout_box.currentData()

    def options(self):
        """The render options chosen in the dialog."""
        root = self.selection.single() if self.subtree.isChecked() else None
        return ExportOptions(
            fmt=self.format.currentText().lower(),
            dpi=self.dpi.value() or None,
            direction=self.direction.currentText(),
            root=root,
            legend=self.legend.isChecked(),
            color_by="evaluation" if self.by_evaluation.isChecked() else "kind",
            layout=self.layout_choice(),
            page=PAGE_PRESETS[self.page.currentText()],
            background=self.background.currentText(),
            theme=self.theme.currentText(),
        )

    # ------------------------------------------------------------ preview
    def preview(self):
        """Show the picture's size; measure the layout off the GUI thread when needed."""
        if not len(self.document.amap):
            self.size_label.setText("empty map")
            return
        paged = PAGE_PRESETS[self.page.currentText()] is not None
        self.layout_box.setEnabled(not paged)
        chosen = self.layout_choice()
        self.direction.setEnabled(chosen == "auto")
        if chosen == "arranged":
            self.size_label.setText(self._size_text(*self._arranged_extent()))
            return
        direction = self.direction.currentText()
        layout = self._layouts.get(direction)
        if isinstance(layout, str):
            self.size_label.setText(layout)
        elif layout is not None:
            self.size_label.setText(self._size_text(layout.width, layout.height))
        elif direction not in self._pending:
            self.size_label.setText("measuring…")
            self._measure(direction)

    def _measure(self, direction):
        snapshot = self.document.amap.copy()
        job = Job(lambda: compute_layout(snapshot, direction))
        job.signals.finished.connect(lambda layout: self._measured(direction, layout))
        job.signals.failed.connect(lambda exc: self._measured(direction, f"cannot measure: {exc}"))
        self._pending.add(direction)
        self._jobs.append(job.start())

    def _measured(self, direction, layout):
        self._pending.discard(direction)
        self._layouts[direction] = layout
        self.preview()

    def _arranged_extent(self):
        """The extent (points) of the cards where they sit on the canvas."""
        graph = self.document.amap.graph
        xs = [float(graph.nodes[n]["pos"][0]) for n in graph.nodes]
        ys = [float(graph.nodes[n]["pos"][1]) for n in graph.nodes]
        return max(xs) - min(xs) + CARD_WIDTH, max(ys) - min(ys) + CARD_HEIGHT_PT

    def _size_text(self, width, height):
        """The picture's size from its drawing's *width* x *height* in points."""
        if self.format.currentText() == "PNG":
            dpi = self.dpi.value() or 96
            return (
                f"about {width * dpi / 72:.0f} × {height * dpi / 72:.0f} px (plus title and legend)"
            )
        return f"about {width / 72 * 2.54:.1f} × {height / 72 * 2.54:.1f} cm"

    def done(self, result):
        for job in self._jobs:  # a measurement still running reports to nobody
            job.signals.blockSignals(True)
        super().done(result)

    # ------------------------------------------------------------- export
    def default_path(self):
        fmt = self.format.currentText().lower()
        return os.path.splitext(self.document.path or "map.argmap")[0] + "." + fmt

    def choose_file(self):
        fmt = self.format.currentText().lower()
        path, _ = QFileDialog.getSaveFileName(
            self, "Export map", self.default_path(), f"{fmt.upper()} (*.{fmt})"
        )
        if path:
            self.export(path)

    def export(self, path):
        """Export to *path* with the chosen options and close the dialog; return the job."""
        fmt = self.format.currentText().lower()
        if not path.lower().endswith("." + fmt):
            path += "." + fmt
        self.export_job = export_to(self.document, path, self.options())
        self.accept()
        return self.export_job
