"""Keys between the canvas and the Inspector: Ctrl+I goes to the Inspector's first field
(showing its dock) and, from there, back to the canvas; Esc in the Inspector goes back
to the canvas too. Keyboard users reach Basis, Citation and Speaker without a tour of
every dock's tab bar.
"""

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QApplication, QDockWidget, QWidget

from argmap.gui.actions import ActionRegistry
from argmap.gui.inspector import Inspector


def add_focus_keys(
    registry: ActionRegistry, canvas: QWidget, inspector: Inspector, dock: QDockWidget
) -> None:
    """Register "Go to Inspector" (Ctrl+I, a toggle back to *canvas*) and Esc in *inspector*."""

    def toggle() -> None:
        if inspector.isAncestorOf(QApplication.focusWidget()):
            canvas.setFocus(Qt.ShortcutFocusReason)
            return
        dock.show()
        dock.raise_()
        inspector.first_field().setFocus(Qt.ShortcutFocusReason)

    registry.add(
        "go_to_inspector",
        "Go to &Inspector and Back",
        toggle,
        "Ctrl+I",
        "view",
        "focus",
        tip="Edit the selected card's fields from the keyboard; again to return to the map",
    )
    back = QShortcut(QKeySequence(Qt.Key_Escape), inspector)
    back.setContext(Qt.WidgetWithChildrenShortcut)
    back.activated.connect(lambda: canvas.setFocus(Qt.ShortcutFocusReason))
