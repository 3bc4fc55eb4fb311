"""Shared test set-up: Qt runs offscreen, and Graphviz is required in CI."""

import os
import shutil
import tempfile

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# Recovery copies, error logs, settings and layout caches of the tests stay out of the
# user's folders.
_PRIVATE = tempfile.mkdtemp(prefix="argmap-tests-")
os.environ["XDG_DATA_HOME"] = os.path.join(_PRIVATE, "data")
os.environ["XDG_CACHE_HOME"] = os.path.join(_PRIVATE, "cache")
os.environ["XDG_CONFIG_HOME"] = os.path.join(_PRIVATE, "config")  # settings, recent files

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SHARED = os.path.join(os.path.dirname(REPO), "shared")


#: Seconds a test that builds the wheel may take (pip may fetch setuptools for the build).
WHEEL_TIMEOUT = 600


def pytest_collection_modifyitems(config, items):
    """Give wheel builds a longer timeout; skip tests marked ``graphviz`` when ``dot`` is
    missing, but never in CI."""
    for item in items:
        if "wheel" in item.keywords and item.get_closest_marker("timeout") is None:
            item.add_marker(pytest.mark.timeout(WHEEL_TIMEOUT))
    if shutil.which("dot"):
        return
    if os.environ.get("CI"):
        raise pytest.UsageError("Graphviz's dot is missing in CI: install the graphviz package")
    skip = pytest.mark.skip(reason="Graphviz's dot is not installed")
    for item in items:
        if "graphviz" in item.keywords:
            item.add_marker(skip)


@pytest.fixture
def small_map():
    """A map with every kind and relation: a claim, support, objection, rebuttal, evidence."""
    from argmap.model import ArgumentMap

    m = ArgumentMap("Should police get warrant-based access to encrypted data?")
    m.documents["d1"] = {"id": "d1", "title": "Article", "text": "Encryption hinders police."}
    claim = m.add_node(
        "claim", "Police should get warrant-based access to encrypted data", speaker="IACP"
    )
    support = m.add_node(
        "claim",
        "Encryption hinders lawful investigations",
        speaker="IACP",
        sources=[{"doc": "d1", "start": 0, "end": 26, "quote": "Encryption hinders police."}],
    )
    objection = m.add_node(
        "counterclaim", "Any backdoor will be exploited by criminals", speaker="ITI"
    )
    rebuttal = m.add_node("claim", "Access can be limited to holders of a warrant")
    evidence = m.add_node(
        "evidence",
        "Paris attackers are believed to have used encrypted apps",
        basis="example",
        citation="The Hill, 2015",
    )
    m.connect(support, claim, "supports")
    m.connect(objection, claim, "opposes")
    m.connect(rebuttal, objection, "opposes")
    m.connect(evidence, support, "supports")
    return m
