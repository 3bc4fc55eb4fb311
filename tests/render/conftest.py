"""Render tests keep what Graphviz caches (fontconfig's cache) in a temporary folder, never
the user's."""

import pytest


@pytest.fixture(autouse=True)
def private_cache(tmp_path, monkeypatch):
    """Point ``$XDG_CACHE_HOME`` at a fresh folder for each test."""
    folder = tmp_path / "cache"
    monkeypatch.setenv("XDG_CACHE_HOME", str(folder))
    return folder
