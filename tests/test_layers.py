"""The layers: nothing outside argmap/gui loads or imports PySide6."""

import ast
import os
import subprocess
import sys

import pytest

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
PACKAGE = os.path.join(REPO, "argmap")
NON_GUI = [
    "argmap.model",
    "argmap.formats",
    "argmap.render",
    "argmap.analysis",
    "argmap.sources",
    "argmap.cli",
]


def test_non_gui_packages_do_not_load_pyside6():
    """Importing every non-GUI package in a fresh interpreter leaves PySide6 unloaded."""
    code = (
        "import importlib, sys\n"
        f"for name in {NON_GUI!r}:\n"
        "    importlib.import_module(name)\n"
        "print(sorted(m for m in sys.modules if m.split('.')[0] in ('PySide6', 'shiboken6')))\n"
        "print(sorted(m for m in sys.modules if m.startswith('argmap')))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, cwd=REPO, timeout=120
    )
    assert result.returncode == 0, result.stderr
    qt_modules, argmap_modules = result.stdout.splitlines()
    assert qt_modules == "[]"
    for name in NON_GUI:
        assert repr(name) in argmap_modules, f"{name} was not imported"


def _python_files():
    for folder, dirs, files in os.walk(PACKAGE):
        dirs[:] = [d for d in dirs if d not in ("gui", "__pycache__")]
        for name in files:
            if name.endswith(".py"):
                yield os.path.join(folder, name)
    yield os.path.join(REPO, "main.py")


def imported_modules(source):
    """Return every module name an ``import`` statement in *source* names."""
    names = set()
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module)
    return names


def test_imported_modules_finds_nested_imports():
    """The scanner sees imports inside functions and from-imports."""
    source = "def f():\n    from PySide6.QtCore import Qt\nimport os, PySide6.QtGui as g\n"
    assert imported_modules(source) == {"PySide6.QtCore", "os", "PySide6.QtGui"}


@pytest.mark.parametrize("path", sorted(_python_files()), ids=lambda p: os.path.relpath(p, REPO))
def test_no_pyside6_import_outside_gui(path):
    """No source file outside argmap/gui imports PySide6, even inside a function."""
    with open(path, encoding="utf-8") as handle:
        source = handle.read()
    qt = {m for m in imported_modules(source) if m.split(".")[0] in ("PySide6", "shiboken6")}
    assert qt == set(), f"{os.path.relpath(path, REPO)} imports {sorted(qt)}"
    assert 'importlib.import_module("PySide6' not in source


#: Packages the quick commands must not load: each costs tens of milliseconds to import,
#: or, for ``dataclasses`` (which loads ``inspect``), about 7 ms before its classes are made.
#: What ``import networkx`` loads itself is the floor (the model's graph is networkx's).
HEAVY = (
    "jsonschema",
    "pydot",
    "PySide6",
    "yaml",
    "defusedxml",
    "pypdf",
    "importlib.metadata",
    "email",
    "dataclasses",
    "inspect",
)
#: Modules the quick commands have no use for: the undo commands, the writer of arranged
#: maps (a map without positions), the text filler of other commands' reports, tempfile
#: (argmap names its own temp files, and Graphviz needs no temp folder), shutil (argparse
#: asks it for the terminal's width unless given one).
UNUSED = ("argmap.model.commands", "argmap.render.arranged", "textwrap", "tempfile", "shutil")
_SMALL_MAP = (
    '{"format": "argmap", "version": 1, "map": {"title": "T"}, "nodes": ['
    '{"id": "c", "kind": "claim", "text": "Encryption must stay strong"}, '
    '{"id": "e", "kind": "evidence", "text": "Dissidents rely on it"}], '
    '"edges": [{"source": "e", "target": "c", "relation": "supports"}]}'
)


def loaded_modules(importtime_output):
    """Return the names of the modules ``python -X importtime`` reports loading."""
    return {
        line.rsplit("|", 1)[1].strip()
        for line in importtime_output.splitlines()
        if line.startswith("import time:") and line.count("|") == 2
    }


def test_loaded_modules_reads_importtime_lines():
    output = (
        "import time: self [us] | cumulative | imported package\n"
        "import time:       751 |        751 |     networkx.classes\n"
        "warning: not an import line\n"
    )
    assert loaded_modules(output) == {"imported package", "networkx.classes"}


@pytest.mark.parametrize(
    "command",
    [
        pytest.param(
            ["export", "{map}", "-o", "{folder}/out.svg"], marks=pytest.mark.graphviz, id="export"
        ),
        pytest.param(["validate", "{map}"], id="validate"),
    ],
)
def test_quick_commands_load_no_heavy_package(tmp_path, command, networkx_floor):
    """``argmap export`` and ``argmap validate`` of a sound map, as whole processes, load no
    heavy package beyond networkx (the model's graph) and what networkx loads itself."""
    path = tmp_path / "small.argmap"
    path.write_text(_SMALL_MAP, encoding="utf-8")
    argv = [part.format(map=path, folder=tmp_path) for part in command]
    result = subprocess.run(
        [sys.executable, "-X", "importtime", os.path.join(REPO, "main.py"), *argv],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr[-2000:]
    loaded = loaded_modules(result.stderr)
    assert "argmap.formats.native" in loaded and "networkx" in loaded
    loaded -= networkx_floor
    heavy = sorted(m for m in loaded if any(m == h or m.startswith(h + ".") for h in HEAVY))
    assert heavy == []
    assert sorted(loaded.intersection(UNUSED)) == []


@pytest.fixture(scope="module")
def networkx_floor():
    """The modules a fresh interpreter loads for ``import networkx``."""
    result = subprocess.run(
        [sys.executable, "-X", "importtime", "-c", "import networkx"],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr[-2000:]
    return loaded_modules(result.stderr)


def test_the_editor_starts_without_the_draft_pipeline():
    """Opening the editor's window does not compile the draft pipeline's patterns
    (about 30 ms); it loads when a draft is first asked for."""
    result = subprocess.run(
        [sys.executable, "-X", "importtime", "-c", "import argmap.gui.main_window"],
        capture_output=True,
        text=True,
        cwd=REPO,
        timeout=120,
        env=dict(os.environ, QT_QPA_PLATFORM="offscreen"),
    )
    assert result.returncode == 0, result.stderr[-2000:]
    loaded = loaded_modules(result.stderr)
    assert "argmap.gui.sources_files" in loaded
    assert not {"argmap.sources.draft", "argmap.sources.compare"} & loaded
