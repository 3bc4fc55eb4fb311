"""Benchmark of the editor at scale (offscreen): open, single edits, memory.

Usage: QT_QPA_PLATFORM=offscreen .venv/bin/python bench/gui.py [--sizes 200 1000 3000]

For each size it generates a realistic map (bench/export.py's generator), gives
every node a saved position, and reports:
- open: from constructing the main window on the file until the scene is shown
  and painted once;
- add: the median time of adding one node under a parent, from the edit call
  until the scene holds the new card and edge;
- text: the median time of changing one node's text until its card is updated;
- after: the median time of the event loop's work after an edit (painting, the
  unanswered marks; the outline follows 100 ms later and is timed apart);
- outline: the median time the outline dock takes to follow one edit (its
  catch-up a moment after the edit, with the layout and painting of the tree);
- labels: with Debate > Evaluate on, the median time of recomputing the labels,
  reasons and unanswered objections after an edit and recolouring the cards
  (it runs once per edit, before the next frame);
- items: scene items created by one edit (the scene must not rebuild);
- memory: peak resident size of the process.
Targets at 3,000 nodes: open under 1.5 s, a single edit under 16 ms; labels within
one frame (16 ms) on maps of a few hundred nodes.

Then, per size, Tab on a selected card with a real key press in a shown window
of 1366 x 768 at its opening zoom, timed from the press until the event loop has
nothing left to do (the new card and its link painted, the view moved to show
them, the editor opened on the new card): median [min-max] over cards near the
middle of the view, and how many links cross the view afterwards; on the layered
map above and, for the largest size, on the same map arranged by Graphviz.
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
    adds, texts, after, outline, items, labels = [], [], [], [], [], []
    for i, parent in enumerate(parents):
        window.scene.select_nodes([parent])
        count = len(window.scene.items())
        t0 = time.perf_counter()
        new = window.document.add_child(
            window.selection.single(), "support", text=f"A new supporting point {i}"
        )
        adds.append(time.perf_counter() - t0)
        if new not in window.scene.nodes:
            raise SystemExit("the scene did not show the new node")
        items.append(len(window.scene.items()) - count)
        t0 = time.perf_counter()
        window.debate.evaluation.recompute()  # what the edit's pending recompute runs
        labels.append(time.perf_counter() - t0)
        if window.scene.nodes[new].label is None:
            raise SystemExit("the new card was not labelled")
        t0 = time.perf_counter()
        app.processEvents()
        after.append(time.perf_counter() - t0)
        t0 = time.perf_counter()
        window.outline._catch_up()  # what its timer runs a moment later, and its painting
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
    return (
        opened,
        _median_ms(adds),
        _median_ms(texts),
        _median_ms(after),
        _median_ms(outline),
        _median_ms(labels),
        max(items),
    )


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[200, 1000, 3000])
    parser.add_argument("--repeat", type=int, default=25, help="edits per size")
    args = parser.parse_args(argv)
    from PySide6.QtCore import QSettings

    from argmap.gui.app import make_application

    app = make_application()
    settings = QSettings(os.path.join(tempfile.mkdtemp(), "bench.ini"), QSettings.IniFormat)
    print(
        f"{'nodes':>6} {'open s':>8} {'add ms':>8} {'text ms':>8} {'after ms':>9} "
        f"{'outline ms':>11} {'labels ms':>10} {'items/edit':>10} {'peak MB':>8}"
    )
    for size in args.sizes:
        opened, add, text, after, outline, labels, items = bench_size(
            size, app, settings, args.repeat
        )
        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        print(
            f"{size:>6} {opened:>8.2f} {add:>8.2f} {text:>8.2f} {after:>9.1f} "
            f"{outline:>11.1f} {labels:>10.1f} {items:>10} {peak:>8.0f}"
        )
    print(
        "targets at 3000 nodes: open < 1.5 s (ratio = open / 1.5), one edit < 16 ms; "
        "labels < 16 ms at a few hundred nodes"
    )
    print("\nTab on a selected card, key press to idle, painting included (1366x768, opening zoom)")
    for size in args.sizes:
        print_tab(size, "layered", placed_map(size), app, settings, args.repeat)
    from export import arrange, generate_map  # bench/export.py

    print_tab(
        args.sizes[-1],
        "Graphviz",
        arrange(generate_map(args.sizes[-1])),
        app,
        settings,
        args.repeat,
    )
    print("target at 3000 nodes: under 16 ms")


def print_tab(size, name, amap, app, settings, repeat):
    from tab_latency import tab_latency  # bench/tab_latency.py
    from timing import verdict  # bench/timing.py

    times, links = tab_latency(amap, app, settings, repeat)
    aim = f"  {verdict(statistics.median(times), 16, ' ms')}" if size == 3000 else ""
    print(
        f"{size:>6} nodes, {name:<8} map: {statistics.median(times):6.1f} ms "
        f"[{min(times):.1f}-{max(times):.1f}]  links in view {statistics.median(links):.0f}"
        f"{aim}",
        flush=True,
    )


if __name__ == "__main__":
    main()
