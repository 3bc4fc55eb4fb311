"""Tab on a selected card, timed from a real key press until the event loop is idle.

Used by bench/gui.py. The window is shown at 1366 x 768 and at its opening zoom;
idle means the event loop has nothing left to do (everything posted, painting
included, is done; a timer due later, such as the outline's catch-up 100 ms on,
is not waited for). The viewport must have painted during the time.
"""

import os
import tempfile
import time

from PySide6.QtCore import QAbstractEventDispatcher, QEvent, QEventLoop, QObject, Qt
from PySide6.QtTest import QTest

#: Passes of the event loop after which it is taken never to become idle.
MAX_PASSES = 1000


def idle():
    """Run the event loop until it has nothing left to do.

    The loop can say it is about to wait while work is still to come (a Tab's second
    paint of the window, after the toolbar's layout, was seen to run after that): so
    events are then processed without waiting until a pass finds none.
    """
    loop = QEventLoop()
    dispatcher = QAbstractEventDispatcher.instance()
    dispatcher.aboutToBlock.connect(loop.quit)
    loop.exec()
    dispatcher.aboutToBlock.disconnect(loop.quit)
    for _ in range(MAX_PASSES):
        if not dispatcher.processEvents(QEventLoop.AllEvents):
            return
    raise SystemExit("the event loop did not become idle")


class _Paints(QObject):
    """Counts the paint events of a widget."""

    count = 0

    def eventFilter(self, watched, event):
        if event.type() == QEvent.Paint:
            self.count += 1
        return False


def links_in_view(view):
    """How many links cross the visible part of the canvas (repainted when it all is)."""
    from argmap.gui.edge_item import EdgeItem

    return sum(
        1
        for item in view.scene().items(view.visible_scene_rect())
        if isinstance(item, EdgeItem) and item.isVisible()
    )


def tab_latency(amap, app, settings, repeat):
    """Return ``(milliseconds, links in view)`` per Tab on *repeat* cards near the middle."""
    from argmap.formats import native
    from argmap.gui.main_window import MainWindow

    path = os.path.join(tempfile.mkdtemp(prefix="argmap-bench-"), "map.argmap")
    native.save(amap, path)
    window = MainWindow(path, settings=settings)
    window.resize(1366, 768)
    window.show()
    while window.document.jobs.active or window.view.overview.pending:
        idle()
    for _ in range(3):
        idle()
    view = window.view
    paints = _Paints()
    view.viewport().installEventFilter(paints)
    centre = view.mapToScene(view.viewport().rect().center())
    cards = sorted(
        window.scene.nodes.values(), key=lambda item: (item.pos() - centre).manhattanLength()
    )[:repeat]
    times, links = [], []
    for card in cards:
        window.scene.select_nodes([card.node_id])
        idle()
        paints.count = 0
        start = time.perf_counter()
        QTest.keyPress(view.viewport(), Qt.Key_Tab)
        idle()
        times.append((time.perf_counter() - start) * 1000)
        links.append(links_in_view(view))
        if view.editor is None or not paints.count:
            raise SystemExit("Tab did not open a new card's editor and paint")
        QTest.keyRelease(view.editor, Qt.Key_Tab)
        QTest.keyClick(view.editor, Qt.Key_Escape)  # the new card is taken back
        idle()
    window.document.undo_stack.setClean()
    window.close()
    window.deleteLater()
    idle()
    return times, links
