"""The structure of the editor: one edit path, shared selection, one card, no hidden Qt methods."""

import ast
import html
import importlib
import inspect
import os
import pkgutil
import re
import textwrap
import threading

import pytest
from PySide6.QtCore import QMetaObject, QObject, Qt, Signal, SignalInstance
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QDialogButtonBox, QFileDialog, QWidget
from shiboken6 import Shiboken

import argmap.gui
from argmap import cli, resources
from argmap.gui.document import Document
from argmap.gui.inspector import Inspector
from argmap.gui.outline import OutlineTree
from argmap.gui.selection import Selection
from argmap.model import queries

REPO = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
#: The names of the maps argmap ships (in its ``maps`` folder).
SHIPPED = sorted(f.name for f in resources.resource("maps").iterdir() if f.name.endswith(".argmap"))
GUI = os.path.join(REPO, "argmap", "gui")


# ----------------------------------------------------- no hidden Qt methods
def _qt_names(obj):
    """Every name a PySide6 class in *obj*'s ancestry defines."""
    names = set()
    for klass in type(obj).__mro__:
        if klass.__module__.startswith(("PySide6", "shiboken6")):
            names.update(vars(klass))
    return names


def _ours(value):
    """Whether *value* is an attribute argmap set (not a signal Qt keeps on the object)."""
    return not isinstance(value, (Signal, SignalInstance, QMetaObject))


def hidden_qt_methods(obj):
    """``[name]`` of the attributes of *obj* (data or properties) that hide a Qt name."""
    qt = _qt_names(obj)
    found = [n for n, v in vars(obj).items() if n in qt and _ours(v)]
    for klass in type(obj).__mro__:
        if klass.__module__.startswith("argmap"):
            found += [
                n
                for n, v in vars(klass).items()
                if n in qt and not callable(v) and _ours(v) and not n.startswith("__")
            ]
    return found


def test_hidden_qt_method_check_sees_a_shadow(qapp):
    """The check below finds an attribute named like a Qt method (``window``, ``size``)."""

    class Shadowing(QWidget):
        pass

    widget = Shadowing()
    widget.window = "a main window"
    widget.size = 3
    assert sorted(hidden_qt_methods(widget)) == ["size", "window"]


def test_no_attribute_hides_a_qt_method(make_window, shipped_map):
    """No object of the live window has an attribute that hides a Qt method of its class."""
    window = make_window(shipped_map("maps", SHIPPED[0]))
    window.export_dialog_for_test = None  # an instance attribute of our own is fine
    offenders = {}
    for obj in [window] + window.findChildren(QObject):
        if type(obj).__module__.startswith("argmap"):
            hidden = hidden_qt_methods(obj)
            if hidden:
                offenders[type(obj).__name__] = hidden
    assert offenders == {}
    assert window.inspector.window() is window  # QWidget.window() works again


def _is_qt(klass):
    return klass.__module__.startswith(("PySide6", "shiboken6", "Shiboken"))


def qt_classes_of_argmap():
    """Every class of argmap built on a Qt class (QObject, QGraphicsItem, QUndoCommand ...),
    once every module of argmap.gui is imported."""
    for info in pkgutil.walk_packages(argmap.gui.__path__, "argmap.gui."):
        importlib.import_module(info.name)
    found, todo = set(), [Shiboken.Object]
    while todo:
        for sub in todo.pop().__subclasses__():
            if sub not in found:
                found.add(sub)
                todo.append(sub)
    ours = [k for k in found if k.__module__.startswith("argmap")]
    return sorted(ours, key=lambda k: (k.__module__, k.__qualname__))


def attributes_set_on_self(klass):
    """``{name: line}`` of the attributes the code of *klass* sets on ``self``."""
    source, first = inspect.getsourcelines(klass)
    found = {}
    for node in ast.walk(ast.parse(textwrap.dedent("".join(source)))):
        if (
            isinstance(node, ast.Attribute)
            and isinstance(node.ctx, ast.Store)
            and isinstance(node.value, ast.Name)
            and node.value.id == "self"
        ):
            found.setdefault(node.attr, first + node.lineno - 1)
    return found


def class_shadows(klass):
    """``["Class.name (what)"]`` of the names that *klass* and its own bases give a value
    that hides a name of its Qt bases: a class attribute or property, or an attribute its
    code sets on ``self``. Methods of the same name are overrides and allowed."""
    qt = {n for base in klass.__mro__ if _is_qt(base) for n in vars(base)}
    qt = {n for n in qt if not n.startswith("__")}
    found = []
    for base in klass.__mro__:
        if _is_qt(base) or base is object:
            continue
        for name, value in vars(base).items():
            method = inspect.isfunction(value) or isinstance(value, (staticmethod, classmethod))
            if name in qt and not method and not isinstance(value, QMetaObject):
                found.append(f"{base.__qualname__}.{name} (a {type(value).__name__})")
        for name, line in attributes_set_on_self(base).items():
            if name in qt:
                found.append(f"{base.__qualname__}.{name} (set on self, line {line})")
    return found


class _Shadowing(QWidget):
    """A widget whose names hide three Qt methods, as the check below must see."""

    layout = {"auto": "Fresh layout"}
    changed = Signal()

    @property
    def size(self):
        return 3

    def _build(self):
        self.window, self.rows = "a main window", []

    def sizeHint(self):  # an override
        return super().sizeHint()


def test_class_check_sees_a_shadow():
    """The class check finds a class attribute, a property and a name set on self that hide
    Qt methods, and lets overrides, signals of new names and new attributes pass."""
    assert sorted(class_shadows(_Shadowing)) == [
        "_Shadowing.layout (a dict)",
        "_Shadowing.size (a property)",
        f"_Shadowing.window (set on self, line {_Shadowing._build.__code__.co_firstlineno + 1})",
    ]


def test_no_qt_class_of_argmap_hides_a_qt_method():
    """No class of argmap built on a Qt class has a name that hides a method of its Qt bases."""
    classes = qt_classes_of_argmap()
    names = {k.__name__ for k in classes}
    assert {"MainWindow", "ExportDialog", "NodeItem", "UndoCommand", "Job"} <= names
    offenders = {k.__qualname__: class_shadows(k) for k in classes if class_shadows(k)}
    assert offenders == {}


# -------------------------------------------------------- views stand alone
def test_views_never_import_the_main_window():
    """Only the window and the application start-up import argmap.gui.main_window."""
    importers = []
    for name in os.listdir(GUI):
        if name.endswith(".py") and name not in ("main_window.py", "app.py"):
            with open(os.path.join(GUI, name), encoding="utf-8") as handle:
                tree = ast.parse(handle.read())
            for node in ast.walk(tree):
                if isinstance(node, ast.ImportFrom) and node.module == "argmap.gui.main_window":
                    importers.append(name)
    assert importers == []


def test_views_work_from_document_and_selection_alone(qtbot):
    """An outline and an inspector made without any window follow verbs and the selection."""
    document = Document()
    selection = Selection(document)
    outline, inspector = OutlineTree(document, selection), Inspector(document, selection)
    qtbot.addWidget(outline)
    qtbot.addWidget(inspector)
    claim = document.add_main_claim("Encryption should stay strong")
    reason = document.add_child(claim, "support", "It protects journalists")
    qtbot.waitUntil(lambda: outline.topLevelItemCount() == 1)
    assert outline.topLevelItem(0).child(0).data(0, Qt.UserRole) == reason
    outline.topLevelItem(0).child(0).setSelected(True)
    assert selection.nodes == [reason] and inspector.node_id == reason
    document.undo_stack.undo()
    # the card it bore on is selected in its place, so the keys go on from there
    assert reason not in document.amap and selection.nodes == [claim]
    assert inspector.node_id == claim


def test_main_window_keeps_to_layout_menus_and_files():
    """main_window.py stays a window: 400 lines at most."""
    with open(os.path.join(GUI, "main_window.py"), encoding="utf-8") as handle:
        assert len(handle.readlines()) <= 400


# -------------------------------------------------------- verbs through keys
def test_refused_edit_is_reported_once_and_changes_nothing(make_window, qtbot, shipped_map):
    """Linking a node to one it already bears on is refused in a dialog; the map is unchanged."""
    window = make_window(shipped_map("maps", SHIPPED[0]))
    amap = window.document.amap
    source, target = next(iter(amap.graph.edges))
    before = amap.snapshot()
    window.scene.select_nodes([source, target])
    window.view.setFocus()
    QTest.keyClick(window.view, Qt.Key_L, Qt.ControlModifier)
    assert amap.snapshot() == before
    boxes = [b for b in window.findChildren(QWidget, "error-dialog") if b.isVisible()]
    assert len(boxes) == 1 and "already connected" in boxes[0].text()
    assert boxes[0].textFormat() == Qt.PlainText
    boxes[0].close()


def test_delete_branch_key_removes_the_branch_in_one_step(make_window, qtbot, shipped_map):
    """Shift+Delete on an objection removes it and its rebuttals; one undo brings all back."""
    window = make_window(shipped_map("maps", SHIPPED[0]))
    amap = window.document.amap
    node = next(n for n in amap.graph.nodes if amap.graph.in_degree(n) and amap.graph.out_degree(n))
    branch = queries.subtree(amap, node)
    before = amap.snapshot()
    window.scene.select_nodes([node])
    window.view.setFocus()
    QTest.keyClick(window.view, Qt.Key_Delete, Qt.ShiftModifier)
    assert not branch & set(amap.graph.nodes)
    window.document.undo_stack.undo()
    assert amap.snapshot() == before


# ------------------------------------------------------------- one card
def _exported_headers(path, tmp_path):
    """``{node id: header}`` read from the DOT that ``argmap export`` writes."""
    from argmap.formats import load_map
    from argmap.render.dot import build_dot
    from argmap.render.options import ExportOptions

    out = tmp_path / "map.dot"
    assert cli.main(["export", path, "-o", str(out)]) == 0
    text = out.read_text(encoding="utf-8")
    ids = build_dot(load_map(path), ExportOptions(fmt="dot", title="x")).ids
    headers = {}
    for node, dot_id in ids.items():
        line = re.search(rf"^{dot_id} \[.*$", text, re.M).group(0)
        wrapped = re.search(r"<B>(.*?)</B>", line).group(1)
        headers[node] = html.unescape(wrapped.replace("<BR/>", " "))
    return headers


@pytest.mark.parametrize("path", SHIPPED, ids=os.path.basename)
def test_canvas_header_equals_exported_header(make_window, path, tmp_path, shipped_map):
    """For every node of the shipped maps the card on screen and in the export say the same."""
    path = shipped_map("maps", path)
    window = make_window(path)
    exported = _exported_headers(path, tmp_path)
    shown = {n: item.header for n, item in window.scene.nodes.items()}
    assert shown == exported
    assert any(h.startswith("MAIN CLAIM") for h in shown.values())


# ---------------------------------------------------------- export dialog
def test_export_dialog_preview_measures_off_the_gui_thread(
    make_window, qtbot, monkeypatch, shipped_map
):
    """Opening the dialog shows 'measuring…' at once; the layout runs in another thread."""
    import argmap.gui.export_dialog as export_dialog

    threads = []
    real = export_dialog.compute_layout

    def recording(*args, **kwargs):
        threads.append(threading.current_thread())
        return real(*args, **kwargs)

    monkeypatch.setattr(export_dialog, "compute_layout", recording)
    from argmap.gui.export_dialog import ExportDialog

    window = make_window(shipped_map("maps", SHIPPED[0]))
    qtbot.waitUntil(lambda: not window.document.jobs.active, timeout=30000)
    threads.clear()  # the window's own first layout
    dialog = ExportDialog(window.document, window.selection, window)
    qtbot.addWidget(dialog)
    assert dialog.size_label.text().startswith("about")  # as arranged: no layout to wait for
    assert not threads
    dialog.layout_box.setCurrentText("Fresh layout by Graphviz")
    assert dialog.size_label.text() == "measuring…"
    qtbot.waitUntil(lambda: dialog.size_label.text().startswith("about"), timeout=20000)
    assert threads and threading.main_thread() not in threads
    assert dialog.size_label.text().endswith("(plus title and legend)")


@pytest.mark.graphviz
def test_export_dialog_png_equals_the_cli(make_window, qtbot, tmp_path, monkeypatch, shipped_map):
    """PNG, direction LR, no legend chosen in the dialog gives the same bytes as the CLI."""
    from argmap.gui.export_dialog import ExportDialog

    ours, theirs = tmp_path / "dialog.png", tmp_path / "cli.png"
    monkeypatch.setattr(
        QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: (str(ours), "PNG (*.png)"))
    )
    window = make_window(shipped_map("maps", SHIPPED[0]))
    qtbot.waitUntil(lambda: not window.document.jobs.active, timeout=30000)
    shown = str(tmp_path / "as-shown.argmap")  # the map as placed on the canvas
    assert window.save_to(shown)
    dialog = ExportDialog(window.document, window.selection, window)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.format.setFocus()
    QTest.keyClicks(dialog.format, "PNG")
    dialog.direction.setCurrentText("LR")
    dialog.legend.setFocus()
    QTest.keyClick(dialog.legend, Qt.Key_Space)
    assert not dialog.legend.isChecked()
    save = dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.Save)
    QTest.mouseClick(save, Qt.LeftButton)
    qtbot.waitUntil(lambda: ours.exists() and not window.document.jobs.active, timeout=30000)
    assert cli.main(["export", shown, "-o", str(theirs), "--direction", "LR", "--no-legend"]) == 0
    assert ours.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert ours.read_bytes() == theirs.read_bytes()
    assert "Exported" in window.statusBar().currentMessage()


def test_file_dialogs_open_in_the_maps_folder(tmp_path, monkeypatch):
    """A saved map's dialogs open beside it; a new map's in the working folder."""
    from argmap.model import ArgumentMap

    monkeypatch.chdir(tmp_path)
    assert Document().folder() == str(tmp_path)
    path = tmp_path / "maps" / "debate.argmap"
    assert Document(ArgumentMap("T"), path=str(path)).folder() == str(path.parent)
