"""File > Export: format and render options, a size preview, then the shared export code."""

import os

from PySide6.QtWidgets import (
    QCheckBox, QComboBox, QDialog, QDialogButtonBox, QFileDialog, QFormLayout, QLabel, QSpinBox,
)

FORMATS = ("png", "svg", "pdf", "dot")


class ExportDialog(QDialog):
    """Choose how to draw the map; the picture is made by argmap.render, like the CLI's."""

    def __init__(self, window):
        super().__init__(window)
        self.window = window
        self.setWindowTitle("Export map")
        form = QFormLayout(self)
        self.format = QComboBox()
        self.format.addItems([f.upper() for f in FORMATS])
        self.dpi = QSpinBox()
        self.dpi.setRange(0, 600)
        self.dpi.setSpecialValueText("automatic")
        self.dpi.setValue(0)
        self.direction = QComboBox()
        self.direction.addItems(["TB", "BT", "LR", "RL"])
        self.legend = QCheckBox("Legend")
        self.legend.setChecked(True)
        self.subtree = QCheckBox("Only the selected node and what bears on it")
        self.subtree.setEnabled(len(window.scene.selected_nodes()) == 1)
        self.size = QLabel("—")
        form.addRow("Format", self.format)
        form.addRow("Resolution (dpi)", self.dpi)
        form.addRow("Direction", self.direction)
        form.addRow(self.legend)
        form.addRow(self.subtree)
        form.addRow("Size", self.size)
        buttons = QDialogButtonBox(QDialogButtonBox.Save | QDialogButtonBox.Cancel)
        buttons.accepted.connect(self.choose_file)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)
        for widget in (self.format, self.direction):
            widget.currentTextChanged.connect(lambda _: self.preview())
        self.dpi.valueChanged.connect(lambda _: self.preview())
        self._layout = None
        self.preview()

    def options(self):
        """The render options chosen in the dialog."""
        from argmap.render.export import ExportOptions

        root = self.window.scene.selected_nodes()[0] if self.subtree.isChecked() else None
        return ExportOptions(fmt=self.format.currentText().lower(), dpi=self.dpi.value() or None,
                             direction=self.direction.currentText(), root=root,
                             legend=self.legend.isChecked())

    def preview(self):
        """Show the picture's size: in pixels for PNG, in centimetres otherwise."""
        from argmap.errors import ArgmapError
        from argmap.render.layout import compute_layout

        amap = self.window.document.amap
        if not len(amap):
            self.size.setText("empty map")
            return
        try:
            if self._layout is None or self._layout[0] != self.direction.currentText():
                self._layout = (self.direction.currentText(),
                                compute_layout(amap, self.direction.currentText()))
        except ArgmapError as exc:
            self.size.setText(f"cannot measure: {exc}")
            return
        layout = self._layout[1]
        if self.format.currentText() == "PNG":
            dpi = self.dpi.value() or 96
            self.size.setText(f"about {layout.width * dpi / 72:.0f} × {layout.height * dpi / 72:.0f}"
                              f" px (plus title and legend)")
        else:
            self.size.setText(f"about {layout.width / 72 * 2.54:.1f} × "
                              f"{layout.height / 72 * 2.54:.1f} cm")

    def choose_file(self):
        fmt = self.format.currentText().lower()
        base = os.path.splitext(self.window.document.path or "map.argmap")[0] + "." + fmt
        path, _ = QFileDialog.getSaveFileName(self, "Export map", base,
                                              f"{fmt.upper()} (*.{fmt})")
        if path:
            if not path.lower().endswith("." + fmt):
                path += "." + fmt
            self.window.export_to(path, self.options())
            self.accept()
