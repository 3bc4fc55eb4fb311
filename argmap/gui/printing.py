"""File > Print… and Print Preview: the map (fitted to one page or tiled) or the brief.

The map is drawn from the canvas's own cards, so it prints as it looks
(coloured by evaluation while Evaluate is on). *Fit* scales the whole map onto
one page; *tile* prints it at a readable scale across as many pages as it
needs, each overlapping its neighbours so that the pages can be taped
together. The brief is its HTML (:mod:`argmap.outputs.brief_html`) laid out
by a :class:`QTextDocument` that loads no resource: the map's picture is
handed to it directly.
"""

import base64
import math
import os
from contextlib import contextmanager

from PySide6.QtCore import QByteArray, QRectF, Qt, QUrl
from PySide6.QtGui import QColor, QFont, QImage, QPageLayout, QPageSize, QPainter, QTextDocument
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFormLayout

from argmap.errors import ArgmapError
from argmap.gui.items import NodeItem
from argmap.gui.plain import choice_box
from argmap.outputs.brief import build_brief
from argmap.outputs.brief_html import brief_html

PAPERS = {"A4": QPageSize.A4, "Letter": QPageSize.Letter}
MODES = (("fit", "Fit to one page"), ("tile", "Tile across pages, with overlap"))
WHAT = (
    ("map", "The map"),
    ("pro", "The brief: pro"),
    ("con", "The brief: con"),
    ("both", "The brief: both sides"),
)
ORIENTATIONS = (("landscape", "Landscape"), ("portrait", "Portrait"))
#: Printed points per scene pixel when tiling: card text prints at about 8 pt.
TILE_SCALE = 0.6
#: Overlap of neighbouring tiles, in points (about 12 mm).
OVERLAP_PT = 34.0
#: Height of the line above the map on each page (title and page number), in points.
HEADER_PT = 18.0
#: Name under which the map's picture is handed to the brief's document.
PICTURE_URL = "argmap-brief-map.png"


def make_printer(paper="A4", orientation="landscape", printer=None):
    """Return a high-resolution QPrinter (or set up *printer*) for *paper* and *orientation*."""
    printer = printer or QPrinter(QPrinter.HighResolution)
    if paper not in PAPERS:
        raise ArgmapError(f"unknown paper {paper!r}; expected one of {', '.join(PAPERS)}")
    printer.setPageSize(QPageSize(PAPERS[paper]))
    printer.setPageOrientation(
        QPageLayout.Landscape if orientation == "landscape" else QPageLayout.Portrait
    )
    return printer


def check_printer(printer):
    """Raise ArgmapError when *printer* prints to a file but names no file to write."""
    if printer.outputFormat() != QPrinter.PdfFormat:
        return
    name = printer.outputFileName()
    if not name or os.path.isdir(name):
        raise ArgmapError(
            f"no file to print to{f' ({name} is a folder)' if name else ''}: "
            "name a PDF file in the print dialog"
        )


def pdf_printer(path, paper="A4", orientation="landscape"):
    """Return a printer that writes a PDF file at *path*."""
    printer = make_printer(paper, orientation)
    printer.setOutputFormat(QPrinter.PdfFormat)
    printer.setOutputFileName(str(path))
    return printer


# --------------------------------------------------------------------- map
def map_rect(scene):
    """The scene rectangle of the visible cards and links (with a small margin)."""
    rect = QRectF()
    for item in scene.items():
        if item.isVisible() and (isinstance(item, NodeItem) or item.zValue() < 0):
            rect = rect.united(item.sceneBoundingRect())
    return rect.adjusted(-10, -10, 10, 10)


def tiles(rect, page_w, page_h, overlap):
    """Split *rect* into page-sized source rectangles (scene units), overlapping by *overlap*.

    Returns a list of rows of QRectF, each the size of a page.
    """
    step_x, step_y = page_w - overlap, page_h - overlap
    columns = max(1, math.ceil((rect.width() - overlap) / step_x))
    rows = max(1, math.ceil((rect.height() - overlap) / step_y))
    return [
        [
            QRectF(rect.left() + c * step_x, rect.top() + r * step_y, page_w, page_h)
            for c in range(columns)
        ]
        for r in range(rows)
    ]


def print_map(scene, printer, mode="fit", title=""):
    """Print the map in *scene* on *printer*, fitted to one page or tiled; return the page count."""
    if mode not in dict(MODES):
        raise ArgmapError(f"unknown print mode {mode!r}; expected fit or tile")
    rect = map_rect(scene)
    if rect.isEmpty():
        raise ArgmapError("the map is empty: there is nothing to print")
    dots = printer.resolution() / 72.0
    paint = printer.pageLayout().paintRectPixels(printer.resolution())
    header = HEADER_PT * dots
    target = QRectF(0, header, paint.width(), paint.height() - header)
    if mode == "fit":
        pages = [[rect]]
    else:
        scale = TILE_SCALE * dots  # device dots per scene unit
        pages = tiles(
            rect, target.width() / scale, target.height() / scale, OVERLAP_PT / TILE_SCALE
        )
    with plain_scene(scene):
        return _paint_pages(scene, printer, pages, target, title)


def _paint_pages(scene, printer, pages, target, title):
    painter = QPainter()
    if not painter.begin(printer):
        raise ArgmapError("the printer could not be started")
    try:
        count = sum(len(row) for row in pages)
        number = 0
        for r, row in enumerate(pages):
            for c, source in enumerate(row):
                if number:
                    printer.newPage()
                number += 1
                where = f"page {number} of {count}" + (
                    f" (row {r + 1}, column {c + 1})" if count > 1 else ""
                )
                _paint_header(painter, target, f"{title} — {where}" if title else where)
                scene.render(painter, target, source, Qt.KeepAspectRatio)
    finally:
        painter.end()
    return count


def _paint_header(painter, target, text):
    font = QFont("DejaVu Sans")
    font.setPointSizeF(8)
    painter.setFont(font)
    painter.setPen(QColor("#555555"))
    painter.drawText(QRectF(0, 0, target.width(), target.top()), Qt.AlignLeft | Qt.AlignTop, text)


@contextmanager
def plain_scene(scene):
    """While printing: a white background, and no selection marks on the cards.

    The cards are unselected quietly: the window's selection stays as it is.
    """
    brush, selected = scene.backgroundBrush(), scene.selectedItems()
    scene.setBackgroundBrush(QColor("white"))
    _select_quietly(scene, selected, False)
    try:
        yield scene
    finally:
        scene.setBackgroundBrush(brush)
        _select_quietly(scene, [i for i in selected if i.scene() is scene], True)


def _select_quietly(scene, items, selected):
    blocked = scene.blockSignals(True)
    try:
        for item in items:
            item.setSelected(selected)
    finally:
        scene.blockSignals(blocked)


# ------------------------------------------------------------------- brief
class BriefDocument(QTextDocument):
    """A text document that loads nothing: no file, no network, no data URL."""

    def loadResource(self, kind, url):
        return None


def brief_document(amap, side, width):
    """Return the brief of *amap* for *side* laid out as a :class:`BriefDocument`.

    The map's picture (when Graphviz could draw it) is handed to the document
    under a name of its own, in its place under "The map", at most *width*
    wide; the document itself loads nothing.
    """
    return document_of_brief(build_brief(amap, side, picture=True), width)


def document_of_brief(brief, width, parent=None):
    """Return *brief* (a :class:`~argmap.outputs.brief.Brief`) laid out as a
    :class:`BriefDocument`, its picture handed over at most *width* wide."""
    html = brief_html(brief)
    document = BriefDocument(parent)
    if brief.picture is not None:
        image = QImage.fromData(QByteArray(brief.picture))
        document.addResource(QTextDocument.ImageResource, QUrl(PICTURE_URL), image)
        inline = 'src="data:image/png;base64,' + base64.b64encode(brief.picture).decode("ascii")
        html = html.replace(
            inline + '"', f'width="{min(width, image.width()):.0f}" src="{PICTURE_URL}"', 1
        )
    document.setHtml(html)
    return document


def print_brief(amap, printer, side="both"):
    """Print the brief of *amap* for *side* on *printer* (numbered pages)."""
    width = printer.pageLayout().paintRect(QPageLayout.Point).width()
    brief_document(amap, side, width).print_(printer)


# ------------------------------------------------------------------ dialog
class PrintOptionsDialog(QDialog):
    """What to print (the map or a brief), on what paper, and how the map fills the pages."""

    def __init__(self, parent=None, title="Print"):
        super().__init__(parent)
        self.setWindowTitle(title)
        form = QFormLayout(self)
        self.what = choice_box(WHAT)
        self.paper = choice_box([(name, name) for name in PAPERS])
        self.orientation = choice_box(ORIENTATIONS)
        self.mode = choice_box(MODES)
        for label, widget in (
            ("Print", self.what),
            ("Paper", self.paper),
            ("Orientation", self.orientation),
            ("Map pages", self.mode),
        ):
            form.addRow(label, widget)
        self.what.currentIndexChanged.connect(self._follow_what)
        buttons = QDialogButtonBox(QDialogButtonBox.Ok | QDialogButtonBox.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

    def _follow_what(self, _index=None):
        is_map = self.what.currentData() == "map"
        self.mode.setEnabled(is_map)
        self.orientation.setCurrentIndex(0 if is_map else 1)

    def choices(self):
        """``{"what", "paper", "orientation", "mode"}`` as chosen."""
        return {
            name: getattr(self, name).currentData()
            for name in ("what", "paper", "orientation", "mode")
        }
