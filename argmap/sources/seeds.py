"""The seed documents shipped in the package (``resources/seeds``).

Each seed is a UTF-8 text kept byte for byte as it was collected, with a JSON
sidecar of the same name holding its id, a descriptive title and what is
known about it (date, publisher, notes; unknown fields are left out and
listed under ``unknown``).
"""

from __future__ import annotations

import os

import argmap.resources as resources
from argmap.errors import FormatError
from argmap.reading import parse_json, read_text
from argmap.sources.documents import SourceDocument, load_document

#: The folder holding the seed texts and their sidecars.
SEED_DIR = resources.path("seeds")
#: The seeded map built from the seeds (see :mod:`argmap.sources.seedmap`).
SEED_MAP = resources.path(*resources.SEEDED_MAP)


def sidecar_paths(folder: str = SEED_DIR) -> list[str]:
    """Return the paths of the JSON sidecars in *folder*, sorted by name."""
    try:
        names = sorted(os.listdir(folder))
    except OSError as exc:
        raise FormatError(f"cannot list the seed folder: {exc.strerror}", folder) from None
    return [os.path.join(folder, n) for n in names if n.endswith(".json")]


def load_seed(sidecar: str) -> SourceDocument:
    """Load the seed document described by the JSON file *sidecar*.

    Raises
    ------
    FormatError
        If the sidecar is not valid JSON, lacks ``id``, ``text_file`` or
        ``title``, or its text cannot be read.
    """
    info = parse_json(read_text(sidecar), sidecar)
    if not isinstance(info, dict):
        raise FormatError("a seed sidecar must be a JSON object", sidecar, "$")
    for key in ("id", "text_file", "title"):
        if not isinstance(info.get(key), str):
            raise FormatError(f"the sidecar needs a string {key!r}", sidecar, f"$.{key}")
    metadata = info.get("metadata", {})
    if not isinstance(metadata, dict):
        raise FormatError("metadata must be a JSON object", sidecar, "$.metadata")
    text_path = os.path.join(os.path.dirname(sidecar), info["text_file"])
    return load_document(text_path, info["id"], info["title"], metadata)


def load_seed_documents(folder: str = SEED_DIR) -> list[SourceDocument]:
    """Return the seed documents of *folder* as :class:`SourceDocument` objects."""
    return [load_seed(path) for path in sidecar_paths(folder)]
