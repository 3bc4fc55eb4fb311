"""The layers: nothing outside argmap/gui loads or imports PySide6."""

import ast
import os
import shutil
import subprocess
import sys

import networkx as nx
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


#: Heavy packages the quick commands must not load: the editor's Qt, and the optional
#: packages imported only where they are used (pydot for scripts, python-docx for briefs,
#: openpyxl for flows), and the ones only other formats or page exports need.
HEAVY = ("PySide6", "pydot", "docx", "openpyxl", "jsonschema", "yaml", "defusedxml", "pypdf")
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
def test_quick_commands_load_no_heavy_package(tmp_path, command):
    """``argmap export`` and ``argmap validate`` of a sound map, as whole processes, never
    import Qt or a package only other commands need."""
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
    assert "argmap.formats.native" in loaded
    heavy = sorted(m for m in loaded if any(m == h or m.startswith(h + ".") for h in HEAVY))
    assert heavy == []


def _import_graph():
    """The imports between argmap's modules, as grimp (import-linter's reader) finds them."""
    grimp = pytest.importorskip("grimp")
    found = grimp.build_graph("argmap", cache_dir=None)
    graph = nx.DiGraph()
    for module in found.modules:
        for imported in found.find_modules_directly_imported_by(module):
            graph.add_edge(module, imported)
    return graph


def test_no_module_imports_one_that_imports_it_back():
    """The imports between argmap's modules form no circle, however long."""
    circles = [sorted(c) for c in nx.simple_cycles(_import_graph())]
    assert circles == []


def test_a_circle_of_imports_is_found():
    """The circle check sees a circle (two modules, or a module and its package)."""
    graph = _import_graph()
    graph.add_edge("argmap.model.schema", "argmap.model.queries")
    graph.add_edge("argmap.model.queries", "argmap.model.schema")
    assert ["argmap.model.queries", "argmap.model.schema"] in [
        sorted(c) for c in nx.simple_cycles(graph)
    ]


def test_the_layer_contract_holds():
    """import-linter's contracts in pyproject.toml (the layers; Qt only under gui; a model
    without I/O) are kept."""
    linter = shutil.which("lint-imports", path=os.path.dirname(sys.executable))
    if linter is None:
        pytest.skip("import-linter is not installed (make test installs it)")
    result = subprocess.run(
        [linter, "--no-cache"], capture_output=True, text=True, cwd=REPO, timeout=300
    )
    assert result.returncode == 0, result.stdout[-3000:]
    assert "0 broken" in result.stdout
