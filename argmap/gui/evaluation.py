"""Live evaluation in the editor: acceptance labels and unanswered objections, kept current.

:class:`LiveEvaluation` recomputes after each edit (once per edit, however
many model changes it makes, before the next frame is drawn) with the code of
``argmap evaluate`` and ``argmap check`` (:mod:`argmap.analysis`), and tells
the views through :attr:`LiveEvaluation.updated`. Unanswered objections are
always found; labels only while Evaluate is on. :class:`Legend` explains the
colours over the canvas.
"""

from PySide6.QtCore import QObject, QRectF, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter, QPen
from PySide6.QtWidgets import QWidget

from argmap.analysis.acceptance import evaluate
from argmap.analysis.weak_spots import is_unanswered
from argmap.gui.items import UNANSWERED_BADGE, UNANSWERED_COLOR
from argmap.model import ChangeType
from argmap.render.style import FONT_FAMILY, LABEL_STYLE

#: Node attributes whose change cannot change a label, a reason or the unanswered marks.
IDLE_KEYS = {"pos", "collapsed", "note", "tags"}
#: Changes that touch no node or link.
IDLE_CHANGES = (ChangeType.MAP_CHANGED, ChangeType.DOCUMENT_ADDED, ChangeType.DOCUMENT_REMOVED)


def unanswered_objections(amap, nodes=None):
    """Return the set of nodes (of *nodes*, default all) that oppose something and that
    nothing opposes."""
    graph = amap.graph
    if nodes is not None:
        return {node for node in nodes if node in graph and is_unanswered(graph, node)}
    opposing, opposed = set(), set()
    for source, target, relation in graph.edges(data="relation"):
        if relation == "opposes":
            opposing.add(source)
            opposed.add(target)
    return opposing - opposed


class LiveEvaluation(QObject):
    """The labels, reasons and unanswered objections of a document's map, kept current.

    Attributes
    ----------
    enabled : bool
        Whether labels are computed (Evaluate is on).
    labels, why : dict
        Node -> label and node -> list of reasons (empty while not enabled).
    unanswered : set
        Objections nothing answers (always kept; after an edit, only the nodes it touched
        are looked at again).
    touched : set or None
        The nodes whose label or mark may have changed at the last update (None: any).
    """

    updated = Signal()

    def __init__(self, document, parent=None):
        super().__init__(parent)
        self.document = document
        self.enabled = False
        self.labels, self.why, self.unanswered = {}, {}, set()
        self.touched = None
        self._dirty = set()  # nodes an edit touched since the last update
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(0)
        self._timer.timeout.connect(self._update)
        document.changed.connect(self._on_change)
        document.reset.connect(self.recompute)
        self.recompute()

    def _on_change(self, change):
        if change.type in IDLE_CHANGES:
            return
        if change.type == ChangeType.NODE_CHANGED and set(change.keys) <= IDLE_KEYS:
            return
        self._dirty.update(n for n in change.edge or (change.node,) if n is not None)
        self._timer.start()

    def set_enabled(self, enabled):
        """Turn the labels on or off (recomputed at once)."""
        self.enabled = bool(enabled)
        self.recompute()

    def recompute(self):
        """Evaluate the whole map now and tell the views."""
        self._timer.stop()
        self._dirty.clear()
        self.unanswered = unanswered_objections(self.document.amap)
        self.touched = None
        self._label()

    def _update(self):
        """After edits: look again at the nodes they touched, and label the map if asked."""
        amap, dirty = self.document.amap, self._dirty
        self._dirty = set()
        found = unanswered_objections(amap, dirty)
        self.unanswered = (self.unanswered - dirty) | found
        self.touched = None if self.enabled else dirty
        self._label()

    def _label(self):
        if self.enabled:
            result = evaluate(self.document.amap, "grounded")
            self.labels, self.why = result.labels, result.why
        else:
            self.labels, self.why = {}, {}
        self.updated.emit()


class Legend(QWidget):
    """The colours of the evaluation labels and the unanswered mark, over a view's top left."""

    MARGIN = 10

    def __init__(self, view):
        super().__init__(view.viewport())  # one of the canvas's overlays
        view.add_overlay(self)
        self.backdrop = view.scene().backgroundBrush().color()
        self.setObjectName("evaluation-legend")
        self.setAttribute(Qt.WA_TransparentForMouseEvents)
        font = QFont(FONT_FAMILY)
        font.setPointSizeF(9)
        self.setFont(font)
        self.rows = [
            (style["fill"], style["border"], f"{style['name']} ({label})")
            for label, style in LABEL_STYLE.items()
        ]
        self.rows.append((UNANSWERED_COLOR, UNANSWERED_COLOR, UNANSWERED_BADGE + " objection"))
        metrics = QFontMetrics(font)
        self.line = metrics.height() + 4
        width = max(metrics.horizontalAdvance(text) for _, _, text in self.rows) + 40
        self.resize(width, self.line * len(self.rows) + 12)
        self.place()
        self.hide()

    def place(self):
        """Put the legend at the top left of the canvas."""
        self.move(self.MARGIN, self.MARGIN)

    def paintEvent(self, event):
        painter = QPainter(self)
        painter.fillRect(self.rect(), self.backdrop)  # the corners outside the rounded box
        painter.setRenderHint(QPainter.Antialiasing)
        painter.setPen(QPen(QColor("#9E9E9E"), 1))
        painter.setBrush(QColor(255, 255, 255, 235))
        painter.drawRoundedRect(QRectF(self.rect()).adjusted(0.5, 0.5, -0.5, -0.5), 6, 6)
        for i, (fill, border, text) in enumerate(self.rows):
            top = 6 + i * self.line
            painter.setPen(QPen(QColor(border), 1.5))
            painter.setBrush(QColor(fill))
            painter.drawRoundedRect(QRectF(8, top + 3, 20, self.line - 7), 3, 3)
            painter.setPen(QColor("#1A1A1A"))
            painter.drawText(
                QRectF(34, top, self.width() - 38, self.line), Qt.AlignVCenter | Qt.AlignLeft, text
            )
        painter.end()
