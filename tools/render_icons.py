"""Render argmap's PNG icons from its SVG icon with Qt's SVG renderer.

Usage: python tools/render_icons.py      (writes resources/icons/argmap-SIZE.png)

Run it after changing ``resources/icons/argmap.svg`` and commit the PNGs.
"""

import os
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, ROOT)
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def render(svg_path, size, out_path):
    """Draw the SVG at *svg_path* into a transparent *size* x *size* PNG at *out_path*."""
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    renderer = QSvgRenderer(svg_path)
    if not renderer.isValid():
        raise SystemExit(f"cannot read the SVG icon {svg_path}")
    image = QImage(size, size, QImage.Format_ARGB32)
    image.fill(Qt.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.Antialiasing)
    renderer.render(painter)
    painter.end()
    if not image.save(out_path, "PNG"):
        raise SystemExit(f"could not write {out_path}")


def main():
    from PySide6.QtGui import QGuiApplication

    from argmap.resources import ICON_SIZES

    app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])  # noqa: F841
    folder = os.path.join(ROOT, "resources", "icons")
    for size in ICON_SIZES:
        out = os.path.join(folder, f"argmap-{size}.png")
        render(os.path.join(folder, "argmap.svg"), size, out)
        print(f"wrote {os.path.relpath(out, ROOT)}")


if __name__ == "__main__":
    main()
