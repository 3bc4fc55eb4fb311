"""Shared test set-up: Qt runs offscreen, and Graphviz is required in CI.

The run also keeps itself honest: it fails when its tests wrote into the checkout, a
dialog nobody answers is closed and fails its test, and tests of speed compare how CPU
time grows rather than seconds (see "Tests" in docs/architecture.md).
"""

import gc
import os
import shutil
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import pytest

# pytester runs the checks of this file on test files of its own (tests/gui/test_waiting.py).
pytest_plugins = ["pytester"]

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# Recovery copies, error logs, settings and caches of the tests stay out of the
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


def pytest_sessionstart(session: pytest.Session) -> None:
    session.config.stash[_TREE_BEFORE] = source_tree_state()


def pytest_sessionfinish(session: pytest.Session, exitstatus: int) -> None:
    """Fail the run when its tests wrote into the source tree (a lock, a backup, a save)."""
    before = session.config.stash.get(_TREE_BEFORE, None)
    if before is None:
        return
    changes = tree_changes(before, source_tree_state())
    session.config.stash[_TREE_CHANGES] = changes
    if changes and session.exitstatus == pytest.ExitCode.OK:
        session.exitstatus = pytest.ExitCode.TESTS_FAILED


def pytest_terminal_summary(terminalreporter, exitstatus: int, config: pytest.Config) -> None:
    changes = config.stash.get(_TREE_CHANGES, [])
    if changes:
        terminalreporter.section("the tests wrote into the source tree", red=True)
        for change in changes:
            terminalreporter.line(change, red=True)


#: Seconds a modal dialog or popup menu may wait for an answer under test. Tests answer
#: theirs within a few tens of milliseconds (``answer_box`` in tests/gui/conftest.py).
MODAL_GRACE = 3.0


class ModalWatchdog:
    """Closes a modal dialog or popup menu left waiting longer than :data:`MODAL_GRACE`.

    ``QDialog.exec``, ``QMessageBox.exec``, ``QFileDialog.getSaveFileName`` and the like run
    an event loop of their own until someone answers; a test that did not arrange an answer
    would wait there for ever (the per-test timeout would end the whole run). The watchdog's
    timer runs inside that loop, finds the waiting widget, closes it as Escape would, and
    remembers it in :attr:`closed` so that the test can fail naming it.
    """

    def __init__(self, grace: float = MODAL_GRACE) -> None:
        from PySide6.QtCore import QTimer

        self.grace = grace
        self.closed: list[str] = []
        self._waiting = None
        self._since = 0.0
        self._timer = QTimer()
        self._timer.setInterval(50)
        self._timer.timeout.connect(self._check)
        self._timer.start()

    def _check(self) -> None:
        from PySide6.QtWidgets import QApplication

        widget = QApplication.activeModalWidget() or QApplication.activePopupWidget()
        if widget is not self._waiting:
            self._waiting, self._since = widget, time.monotonic()
        elif widget is not None and time.monotonic() - self._since > self.grace:
            self.closed.append(describe_widget(widget))
            self._waiting = None
            close_widget(widget)

    def stop(self) -> list[str]:
        """Stop watching; return the descriptions of the widgets closed."""
        self._timer.stop()
        self._timer.deleteLater()
        self._waiting = None
        return self.closed


def describe_widget(widget: object) -> str:
    """``QMessageBox 'name' "Title" saying "text"``: enough to find the dialog in the code."""
    parts = [type(widget).__name__]
    if widget.objectName():
        parts.append(repr(widget.objectName()))
    if widget.windowTitle():
        parts.append(f'"{widget.windowTitle()}"')
    text = getattr(widget, "text", None)
    if callable(text) and isinstance(text(), str) and text():
        parts.append(f'saying "{text()[:200]}"')
    return " ".join(parts)


def close_widget(widget: object) -> None:
    """Close *widget* as the Escape key does (Cancel, in a question); reject or close it
    when Escape does not."""
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QDialog

    QTest.keyClick(widget, Qt.Key_Escape)
    if widget.isVisible():
        widget.reject() if isinstance(widget, QDialog) else widget.close()


def _watch_modal_widgets() -> ModalWatchdog | None:
    """A :class:`ModalWatchdog` when Qt is loaded and has an application, else None."""
    if "PySide6.QtWidgets" not in sys.modules:
        return None
    from PySide6.QtWidgets import QApplication

    return ModalWatchdog() if QApplication.instance() is not None else None


@pytest.hookimpl(wrapper=True)
def pytest_runtest_call(item):
    """Fail a test whose modal dialog (or popup menu) waited with no answer."""
    watchdog = _watch_modal_widgets()
    try:
        return (yield)
    finally:
        _fail_if_closed(watchdog)


@pytest.hookimpl(wrapper=True)
def pytest_runtest_teardown(item, nextitem):
    """The same in the fixtures' teardown (a window asking to save as it closes)."""
    watchdog = _watch_modal_widgets()
    try:
        return (yield)
    finally:
        _fail_if_closed(watchdog)


def _fail_if_closed(watchdog: ModalWatchdog | None) -> None:
    closed = watchdog.stop() if watchdog is not None else []
    if closed:
        pytest.fail(
            f"a modal dialog or menu waited {MODAL_GRACE:g} s with no answer and was closed: "
            + "; ".join(closed)
            + ". Answer it in the test (answer_box, a timer), or do not open it.",
            pytrace=False,
        )


#: Seconds a test that builds the wheel may take (pip may fetch setuptools for the build).
WHEEL_TIMEOUT = 600


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
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


def cpu_seconds(run: Callable[[object], object], arg: object, loops: int = 1) -> float:
    """CPU time of this thread for one ``run(arg)``, the mean of *loops* runs.

    CPU time does not count the time the machine gives to other processes. Work done by
    other threads or processes is not counted either: measure single-threaded work only.
    """
    start = time.thread_time()
    for _ in range(loops):
        run(arg)
    return (time.thread_time() - start) / loops


def cpu_growth(
    make: Callable[[int], object], run: Callable, n: int, factor: int
) -> tuple[float, float, float]:
    """``(ratio, small, large)``: the CPU time of ``run(make(factor * n))`` over that of
    ``run(make(n))``, the least of three and of two measurements. The small one is repeated
    until it lasts 20 ms, so a fast machine measures it as precisely as a slow one; the
    cyclic garbage collector is paused meanwhile, as :mod:`timeit` does."""
    small_arg, large_arg = make(n), make(factor * n)
    gc.collect()
    gc.disable()
    try:
        loops = 1
        while cpu_seconds(run, small_arg, loops) * loops < 0.02 and loops < 100_000:
            loops *= 2
        small = min(cpu_seconds(run, small_arg, loops) for _ in range(3))
        large = min(cpu_seconds(run, large_arg, max(1, loops // factor)) for _ in range(2))
    finally:
        gc.enable()
    return large / small, small, large


@pytest.fixture
def assert_linear() -> Callable[..., None]:
    """``assert_linear(make, run, n, factor=4)``: fail unless the CPU time of
    ``run(make(size))`` grows about linearly from size *n* to ``factor * n``.

    Linear work grows *factor* times, quadratic work ``factor ** 2`` times; the bound,
    twice linear, lies between, far above the noise (a few per cent). A ratio of two
    times measured moments apart holds on a slow or busy machine, where a limit in
    seconds fails; the absolute times live in ``bench/``.
    """

    def check(make: Callable[[int], object], run: Callable, n: int, factor: int = 4) -> None:
        ratio, small, large = cpu_growth(make, run, n, factor)
        assert ratio < 2 * factor, (
            f"CPU time grew {ratio:.1f}x from size {n:,} ({small * 1000:.2f} ms) to "
            f"{factor * n:,} ({large * 1000:.2f} ms): linear work grows {factor}x, "
            f"quadratic {factor**2}x"
        )

    return check


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
