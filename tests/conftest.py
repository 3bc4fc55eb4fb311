"""Shared test set-up: Qt runs offscreen, and Graphviz is required in CI."""

import os
import shutil
import tempfile
from collections.abc import Callable
from pathlib import Path

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


#: The folders of the checkout that no test may write into (with the files at its top).
SOURCE_FOLDERS = ("argmap", "resources", "tests", "docs", "bench", "tools")
#: Caches Python and the test tools keep beside the sources; not written by argmap.
TOOL_CACHES = ("__pycache__", ".pytest_cache", ".hypothesis")
_TREE_BEFORE = pytest.StashKey[dict]()
_TREE_CHANGES = pytest.StashKey[list]()


def source_tree_state(root: str = REPO) -> dict[str, tuple[int, int]]:
    """``{path: (size, mtime_ns)}`` of the files in the source folders of *root* and at its top.

    Comparing two states finds the files a test run added, changed or removed, in a clean
    clone as in a working copy (git is not needed).
    """
    state = {}
    for name in os.listdir(root):
        path = os.path.join(root, name)
        if os.path.isfile(path):
            state[name] = _stamp(path)
    for folder in SOURCE_FOLDERS:
        for top, dirs, files in os.walk(os.path.join(root, folder)):
            dirs[:] = [d for d in dirs if d not in TOOL_CACHES]
            for name in files:
                path = os.path.join(top, name)
                state[os.path.relpath(path, root)] = _stamp(path)
    return state


def _stamp(path: str) -> tuple[int, int]:
    info = os.lstat(path)
    return info.st_size, info.st_mtime_ns


def tree_changes(before: dict, after: dict) -> list[str]:
    """``["added PATH", "changed PATH", "removed PATH"]`` between two source tree states."""
    changes = [f"added {p}" for p in after if p not in before]
    changes += [f"changed {p}" for p in after if p in before and after[p] != before[p]]
    changes += [f"removed {p}" for p in before if p not in after]
    return sorted(changes, key=lambda c: c.split(" ", 1)[1])


def pytest_sessionstart(session):
    session.config.stash[_TREE_BEFORE] = source_tree_state()


def pytest_sessionfinish(session, exitstatus):
    """Fail the run when its tests wrote into the source tree (a lock, a backup, a save)."""
    before = session.config.stash.get(_TREE_BEFORE, None)
    if before is None:
        return
    changes = tree_changes(before, source_tree_state())
    session.config.stash[_TREE_CHANGES] = changes
    if changes and session.exitstatus == pytest.ExitCode.OK:
        session.exitstatus = pytest.ExitCode.TESTS_FAILED


def pytest_terminal_summary(terminalreporter, exitstatus, config):
    changes = config.stash.get(_TREE_CHANGES, [])
    if changes:
        terminalreporter.section("the tests wrote into the source tree", red=True)
        for change in changes:
            terminalreporter.line(change, red=True)


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
def shipped_map(tmp_path: Path) -> Callable[..., str]:
    """``shipped_map(*parts)``: the path of a fresh copy of a file argmap ships.

    *parts* name the file as :func:`argmap.resources.path` takes them (the seeded map when
    none are given). The copy lies in the test's temporary folder, so the lock, the backup
    and the saves of a window that opens it stay out of the source tree.
    """
    from argmap import resources

    def copy(*parts: str) -> str:
        parts = parts or resources.SEEDED_MAP
        folder = tmp_path / "shipped"
        folder.mkdir(exist_ok=True)
        target = folder / parts[-1]
        target.write_bytes(resources.resource(*parts).read_bytes())
        return str(target)

    return copy


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
