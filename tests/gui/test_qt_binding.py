"""The installed Qt binding keeps Python's reference counts right where argmap paints."""

import sys

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QImage, QPainter, QPen


def test_painter_calls_do_not_drop_references_to_none(qapp):
    """Thousands of setPen/setBrush calls (one busy repaint) leave None's count intact."""
    image = QImage(8, 8, QImage.Format_ARGB32)
    painter = QPainter(image)
    try:
        before = sys.getrefcount(None)
        for _ in range(2000):
            painter.setPen(QPen(QColor("#1F5A96"), 2))
            painter.setBrush(QColor("#DCEBFA"))
            painter.setPen(Qt.NoPen)
        after = sys.getrefcount(None)
    finally:
        painter.end()
    assert after >= before - 50, f"None lost {before - after} references"
