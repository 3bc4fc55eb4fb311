"""Reading and writing map files. The native format is ``.argmap`` JSON."""

from argmap.formats import native


def load_map(path):
    """Load a map file, choosing the reader by its suffix (``.argmap``, ``.json``)."""
    return native.load(path)


def save_map(amap, path):
    """Save a map as ``.argmap`` JSON, atomically, keeping ``path.bak``."""
    native.save(amap, path)
