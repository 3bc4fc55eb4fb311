"""kill -9 during the save of a large map: the file on disk always loads, old or new."""

import json
import os
import random
import signal
import subprocess
import sys
import time

from argmap.fileio import remove_stale_temps
from argmap.formats import load_map, save_map

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SAVER = """
import os, sys
from argmap.formats import load_map, save_map
from argmap.model import SetMapAttrs
path = sys.argv[1]
amap = load_map(path)
print("ready", flush=True)
turn = 0
while True:
    turn += 1
    amap.apply(SetMapAttrs({"title": f"{os.getpid()} save {turn}"}))
    save_map(amap, path)
"""


def _large_map(path, count=4000):
    nodes = [
        {"id": f"n{i}", "kind": "claim", "text": f"Claim {i} " + "words " * 20}
        for i in range(count)
    ]
    edges = [
        {"source": f"n{i}", "target": f"n{i // 2}", "relation": "supports"} for i in range(1, count)
    ]
    path.write_text(
        json.dumps(
            {
                "format": "argmap",
                "version": 1,
                "map": {"title": "first"},
                "nodes": nodes,
                "edges": edges,
            }
        )
    )


def test_kill_9_at_random_moments_never_leaves_a_broken_file(tmp_path):
    """A process saving in a loop is killed with SIGKILL at random moments, eight times; after
    each kill the map and its .bak load, and a later save removes the temp files left."""
    path = tmp_path / "big.argmap"
    _large_map(path)
    rng = random.Random(10)
    titles = set()
    for _ in range(8):
        saver = subprocess.Popen(
            [sys.executable, "-c", SAVER, str(path)], cwd=REPO, stdout=subprocess.PIPE
        )
        assert saver.stdout.readline() == b"ready\n"
        time.sleep(rng.uniform(0.0, 0.6))
        saver.send_signal(signal.SIGKILL)
        saver.wait()
        saver.stdout.close()
        titles.add(load_map(path).title)
        if os.path.exists(f"{path}.bak"):
            load_map(f"{path}.bak")
    assert len(titles) > 2  # the kills landed after saves of different content
    leftovers = [n for n in os.listdir(tmp_path) if ".tmp-" in n]
    old = time.time() - 3600
    for name in leftovers:
        os.utime(tmp_path / name, (old, old))
    save_map(load_map(path), path)
    assert sorted(os.listdir(tmp_path)) == ["big.argmap", "big.argmap.bak"]
    assert remove_stale_temps(path) == []
