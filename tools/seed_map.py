"""Rebuild the seeded map from the seed articles and save it.

Usage: python tools/seed_map.py [OUT]      (by default resources/maps/encryption-backdoors.argmap)

Every quote in the map is checked against its article while it is built, so a
quote that drifts from the text stops the build.
"""

import os
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, ROOT)

from argmap.formats import native  # noqa: E402
from argmap.sources.seedmap import build_seed_map  # noqa: E402
from argmap.sources.seeds import SEED_MAP  # noqa: E402


def main(argv: list[str] | None = None) -> int:
    """Build the seeded map and save it to the path in *argv*, or over the shipped one."""
    argv = sys.argv[1:] if argv is None else argv
    path = argv[0] if argv else SEED_MAP
    amap = build_seed_map()
    native.save(amap, path)
    print(f"wrote {path} ({len(amap)} nodes, {amap.graph.number_of_edges()} edges)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
