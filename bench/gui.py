"""Benchmark of the editor at scale (offscreen): open, single edits, memory.

Usage: QT_QPA_PLATFORM=offscreen .venv/bin/python bench/gui.py [--sizes 200 1000 3000]

For each size it generates a realistic map (bench/export.py's generator), gives
every node a saved position, and reports:
- open: from constructing the main window on the file until the scene is shown
  and painted once;
- add: the median time of adding one node under a parent, from the edit call
  until the scene holds the new card and edge;
- text: the median time of changing one node's text until its card is updated;
- outline: the median time the outline dock takes to redraw after an edit
  (it redraws once the event loop is idle, after the scene);
- labels: with Debate > Evaluate on, the median time of recomputing the labels,
  reasons and unanswered objections after an edit and recolouring the cards
  (it runs once per edit, before the next frame);
- items: scene items created by one edit (the scene must not rebuild);
- memory: peak resident size of the process.
Targets at 3,000 nodes: open under 1.5 s, a single edit under 16 ms; labels within
one frame (16 ms) on maps of a few hundred nodes.
"""

import argparse
import os
import resource
import statistics
import sys
import tempfile
import time

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))


def placed_map(size):
    """A generated map of *size* nodes with a simple layered position for each."""
    from export import generate_map  # bench/export.py
    from argmap.model import edits, queries

    amap = generate_map(size)
    depth = queries.depth(amap)
    columns, positions = {}, {}
    for node in amap.graph.nodes:
        d = depth.get(node, 0)
        column = columns.get(d, 0)
        columns[d] = column + 1
        positions[node] = (column * 270.0, d * 190.0)
    amap.apply(edits.move_nodes(amap, positions))
    return amap


def _median_ms(samples):
    return statistics.median(samples) * 1000


def bench_size(size, app, settings, repeat):
    from argmap.formats import native
    from argmap.gui.main_window import MainWindow
    from argmap.model import SetNodeAttrs

    folder = tempfile.mkdtemp(prefix="argmap-bench-")
    path = os.path.join(folder, f"map{size}.argmap")
    native.save(placed_map(size), path)

    start = time.perf_counter()
    window = MainWindow(path, settings=settings)
    window.resize(1280, 800)
    window.show()
    window.view.viewport().repaint()
    app.processEvents()
    opened = time.perf_counter() - start

    window.registry["evaluate"].setChecked(True)
    amap = window.document.amap
    parents = list(amap.graph.nodes)[:: max(1, size // repeat)][:repeat]
    adds, texts, outline, items, labels = [], [], [], [], []
    for i, parent in enumerate(parents):
        window.scene.select_nodes([parent])
        count = len(window.scene.items())
        t0 = time.perf_counter()
        new = window.document.add_child(window.selection.single(), "support", text=f"A new supporting point {i}")
        adds.append(time.perf_counter() - t0)
        if new not in window.scene.nodes:
            raise SystemExit("the scene did not show the new node")
        items.append(len(window.scene.items()) - count)
        t0 = time.perf_counter()
        window.debate.evaluation.recompute()   # what the edit's pending recompute runs
        labels.append(time.perf_counter() - t0)
        if window.scene.nodes[new].label is None:
            raise SystemExit("the new card was not labelled")
        t0 = time.perf_counter()
        app.processEvents()
        outline.append(time.perf_counter() - t0)
        t0 = time.perf_counter()
        window.document.push(SetNodeAttrs(parent, {"text": f"Changed text {i}"}))
        texts.append(time.perf_counter() - t0)
        if window.scene.nodes[parent].attrs["text"] != f"Changed text {i}":
            raise SystemExit("the card did not show the new text")
        app.processEvents()
    window.document.undo_stack.setClean()
    window.close()
    window.deleteLater()
    app.processEvents()
    return (opened, _median_ms(adds), _median_ms(texts), _median_ms(outline),
            _median_ms(labels), max(items))


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[200, 1000, 3000])
    parser.add_argument("--repeat", type=int, default=25, help="edits per size")
    args = parser.parse_args(argv)
    from PySide6.QtCore import QSettings
    from argmap.gui.app import make_application

    app = make_application()
    settings = QSettings(os.path.join(tempfile.mkdtemp(), "bench.ini"), QSettings.IniFormat)
    print(f"{'nodes':>6} {'open s':>8} {'add ms':>8} {'text ms':>8} {'outline ms':>11} "
          f"{'labels ms':>10} {'items/edit':>10} {'peak MB':>8}")
    for size in args.sizes:
        opened, add, text, outline, labels, items = bench_size(size, app, settings, args.repeat)
        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        print(f"{size:>6} {opened:>8.2f} {add:>8.2f} {text:>8.2f} {outline:>11.1f} "
              f"{labels:>10.1f} {items:>10} {peak:>8.0f}")
    print("targets at 3000 nodes: open < 1.5 s (ratio = open / 1.5), one edit < 16 ms; "
          "labels < 16 ms at a few hundred nodes")


if __name__ == "__main__":
    main()
