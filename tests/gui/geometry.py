"""The canvas tells no false story: no two cards overlap, and no link runs under a card.

:func:`false_picture` lists what is wrong with the picture a window shows, looked at
as a user sees it: the shown cards' rectangles, and each shown link's drawn path
(the :class:`~PySide6.QtGui.QPainterPath` of its edge item) sampled every
:data:`STEP` scene units. Tests call :func:`assert_true_picture` after every edit.
"""

from PySide6.QtCore import QRectF

from argmap.gui.edge_item import EdgeItem
from argmap.gui.items import NodeItem

#: Cards closer than twice this (scene units) count as overlapping.
CARD_MARGIN = 4.0
#: Distance between two looked-at points of a link's path (scene units).
STEP = 2.0


def card_rect(item: NodeItem) -> QRectF:
    """The rectangle of a card in the scene, as drawn."""
    (x, y), (w, h) = item.center, item.size
    return QRectF(x - w / 2, y - h / 2, w, h)


def shown_cards(scene) -> dict[str, QRectF]:
    """``{node: rectangle}`` of the cards the scene shows."""
    return {n: card_rect(item) for n, item in scene.nodes.items() if item.isVisible()}


def overlapping_cards(scene, margin: float = CARD_MARGIN) -> list[tuple[str, str]]:
    """Pairs of shown cards whose rectangles, grown by *margin*, meet."""
    rects = sorted(shown_cards(scene).items(), key=lambda pair: pair[1].left())
    found = []
    for i, (a, rect) in enumerate(rects):
        grown = rect.adjusted(-margin, -margin, margin, margin)
        for b, other in rects[i + 1 :]:
            if other.left() - margin >= grown.right():
                break
            if grown.intersects(other.adjusted(-margin, -margin, margin, margin)):
                found.append((a, b))
    return found


def path_points(edge: EdgeItem, step: float = STEP) -> list[tuple[float, float]]:
    """Points along the drawn path of *edge*, at most *step* apart."""
    path = edge.path()
    count = max(2, int(path.length() / step) + 1)
    points = []
    for i in range(count + 1):
        point = path.pointAtPercent(i / count)
        points.append((point.x(), point.y()))
    return points


def links_under_cards(scene) -> list[tuple[tuple[str, str], str]]:
    """``((premise, target), card)`` for each shown link whose path runs through a shown
    card other than its two ends."""
    cards = shown_cards(scene)
    found = []
    for key, edge in scene.edges.items():
        if not edge.isVisible():
            continue
        bounds = edge.path().boundingRect()
        near = [
            (n, rect)
            for n, rect in cards.items()
            if n not in key and rect.intersects(bounds.adjusted(-1, -1, 1, 1))
        ]
        if not near:
            continue
        points = path_points(edge)
        for node, rect in near:
            if any(_strictly_inside(rect, x, y) for x, y in points):
                found.append((key, node))
    return found


def _strictly_inside(rect: QRectF, x: float, y: float) -> bool:
    return rect.left() < x < rect.right() and rect.top() < y < rect.bottom()


def false_picture(scene) -> list[str]:
    """What the scene shows wrongly, in words (empty when the picture is true)."""
    faults = [f"cards {a} and {b} overlap" for a, b in overlapping_cards(scene)]
    faults += [
        f"the link {premise} -> {target} runs under the card {card}"
        for (premise, target), card in links_under_cards(scene)
    ]
    return faults


def assert_true_picture(window, when: str = "") -> None:
    """Fail, naming every fault, when the window's canvas shows a false picture."""
    faults = false_picture(window.scene)
    assert not faults, (when + ": " if when else "") + "; ".join(faults)
