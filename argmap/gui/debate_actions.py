"""The Debate menu and File > Print: Evaluate, Prepare Brief…, Print… and Print Preview.

:class:`DebateActions` registers the actions and keeps the views showing the
live evaluation (:mod:`argmap.gui.evaluation`): cards coloured by label with a
legend while Evaluate is on, and unanswered objections marked on the canvas
and in the Outline at all times.
"""

import os

from PySide6.QtCore import QObject
from PySide6.QtGui import QKeySequence
from PySide6.QtPrintSupport import QPrintDialog, QPrinterInfo, QPrintPreviewDialog
from PySide6.QtWidgets import QDialog

from argmap.errors import ArgmapError
from argmap.gui.brief_dialog import BriefDialog
from argmap.gui.evaluation import Legend, LiveEvaluation
from argmap.gui.printing import (
    PrintOptionsDialog,
    check_printer,
    make_printer,
    print_brief,
    print_map,
)


class DebateActions(QObject):
    """Debate preparation in one window.

    Parameters
    ----------
    registry : ActionRegistry
    document : Document
    view : MapView
        The canvas (its scene is coloured, the legend shown over it).
    outline : OutlineTree
        Marks its unanswered objections.
    host : QWidget
        The window, parent of the dialogs.
    """

    def __init__(self, registry, document, view, outline, host):
        super().__init__(host)
        self.registry = registry
        self.document = document
        self.view = view
        self.outline = outline
        self.host = host
        #: The printer of the last print preview, kept as long as its dialog may draw on it.
        self._preview_printer = None
        self.evaluation = LiveEvaluation(document, self)
        self.legend = Legend(view)
        self.evaluation.updated.connect(self.show_evaluation)
        registry.add(
            "evaluate",
            "&Evaluate",
            self.set_evaluate,
            "F7",
            "debate",
            "evaluate",
            tip="Colour the cards by whether they stand (in), fall (out) or are undecided",
            checkable=True,
        )
        registry.add(
            "prepare_brief",
            "Prepare &Brief…",
            self.brief_dialog,
            None,
            "debate",
            "brief",
            tip="A study document for one side, or both",
        )
        self.show_evaluation()

    def add_print_actions(self):
        """Register File > Print… and Print Preview (called where they belong in the File menu)."""
        add = self.registry.add
        add("print", "&Print…", self.print_dialog, QKeySequence.StandardKey.Print, "file", "print")
        add("print_preview", "Print Pre&view…", self.print_preview, None, "file", "print")

    # ------------------------------------------------------------ evaluate
    def set_evaluate(self, checked):
        self.evaluation.set_enabled(checked)
        self.legend.setVisible(checked)

    def show_evaluation(self):
        """Show the current labels and unanswered marks on the canvas and in the Outline."""
        evaluation = self.evaluation
        self.view.map_scene.show_evaluation(
            evaluation.labels, evaluation.why, evaluation.unanswered, evaluation.touched
        )
        self.outline.mark_unanswered(evaluation.unanswered)

    # --------------------------------------------------------------- brief
    def brief_dialog(self):
        dialog = BriefDialog(self.document, self.host)
        dialog.open()
        return dialog

    # ------------------------------------------------------------ printing
    def ask_print_options(self, title):
        """Open the print options; return the dialog (its ``finished`` tells the answer)."""
        return PrintOptionsDialog(self.host, title)

    def print_dialog(self):
        """Ask what to print, then the system's print dialog, then print."""
        options = self.ask_print_options("Print")
        if options.exec() != QDialog.Accepted:
            return None
        choices = options.choices()
        printer = make_printer(choices["paper"], choices["orientation"])
        if not QPrinterInfo.availablePrinters():
            # no printer: the dialog offers a PDF file, named after the map beside it
            printer.setOutputFileName(self._pdf_path())
        if QPrintDialog(printer, self.host).exec() != QDialog.Accepted:
            return None
        try:
            check_printer(printer)
        except ArgmapError as exc:
            self.document.problem.emit("Nothing was printed", str(exc))
            return None
        return self.print_to(printer, choices)

    def _pdf_path(self):
        """Where a map printed to a file goes by default: beside the map, or in the home folder."""
        if self.document.path:
            return os.path.splitext(self.document.path)[0] + ".pdf"
        return os.path.join(os.path.expanduser("~"), "Untitled.pdf")

    def print_preview(self):
        """Ask what to print, then show it page by page (it can be printed from there)."""
        options = self.ask_print_options("Print preview")
        if options.exec() != QDialog.Accepted:
            return None
        choices = options.choices()
        # The dialog does not own its printer: it must outlive the dialog, or Qt draws the
        # preview on a printer Python has already freed.
        printer = make_printer(choices["paper"], choices["orientation"])
        preview = QPrintPreviewDialog(printer, self.host)
        self._preview_printer = printer
        preview.paintRequested.connect(lambda target: self.print_to(target, choices))
        preview.exec()
        return preview

    def print_to(self, printer, choices):
        """Print the map or the brief as *choices* say on *printer*.

        Returns the map's page count, True for a brief, None when nothing could be printed.
        """
        try:
            if choices["what"] == "map":
                pages = print_map(
                    self.view.map_scene, printer, choices["mode"], self.document.amap.title
                )
            else:
                print_brief(self.document.amap, printer, choices["what"])
                self.document.told.emit("Printed the brief")
                return True
        except ArgmapError as exc:
            self.document.problem.emit("Nothing was printed", str(exc))
            return None
        self.document.told.emit(f"Printed the map on {pages} page{'' if pages == 1 else 's'}")
        return pages
