"""Open the editor on a map and save a screenshot of the main window.

Usage: xvfb-run -a .venv/bin/python tools/screenshot.py [MAP] -o docs/screenshot.png
"""

import argparse
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("map", nargs="?")
    parser.add_argument("-o", "--output", default="docs/screenshot.png")
    parser.add_argument("--size", default="1400x900")
    parser.add_argument("--select", help="a node id to select first")
    parser.add_argument(
        "--zoom", type=float, help="zoom (1.0 = actual size) instead of the opening view"
    )
    args = parser.parse_args()
    from PySide6.QtCore import QSettings, QTimer

    from argmap.gui.app import default_map, make_application
    from argmap.gui.main_window import MainWindow

    app = make_application()
    settings = QSettings(
        os.path.join(os.environ.get("TMPDIR", "/tmp"), "argmap-shot.ini"), QSettings.IniFormat
    )
    window = MainWindow(args.map or default_map(), settings=settings)
    width, height = (int(v) for v in args.size.split("x"))
    window.resize(width, height)
    window.show()

    def shoot():
        if window.document.jobs.active:
            QTimer.singleShot(200, shoot)
            return
        if args.select:
            window.scene.select_nodes([args.select])
        if args.zoom:
            window.view.set_zoom(args.zoom)
            if args.select:
                window.view.centerOn(window.scene.nodes[args.select])
        settle()

    def settle():
        if window.outline.following:  # the outline follows a selection a moment later
            QTimer.singleShot(50, settle)
            return
        app.processEvents()
        if not window.grab().save(args.output):
            sys.exit(f"could not write {args.output}")
        print(f"wrote {args.output}")
        app.quit()

    QTimer.singleShot(800, shoot)
    app.exec()


if __name__ == "__main__":
    main()
