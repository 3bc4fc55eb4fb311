"""In the editor, a card's kind and what it is drawn as agree after linking with the keys."""

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from argmap.model import queries


def test_ctrl_l_of_a_counterclaim_as_a_support_makes_a_reason_everywhere(make_window, map_file):
    """A loose counterclaim linked with Ctrl+L as a support: the Inspector shows a claim drawn
    as a reason, and History names the step; a rebuttal is shown as one."""
    window = make_window(map_file)
    document, amap = window.document, window.document.amap
    main = queries.main_claims(amap)[0]
    loose = document.add_main_claim("Warrants protect privacy")
    document.set_kind([loose], "counterclaim")
    window.view.close_editor()
    window.selection.set([loose, main])
    window.view.setFocus()
    QTest.keyClick(window.view, Qt.Key_L, Qt.ControlModifier)
    assert amap.edge(loose, main)["relation"] == "supports"
    window.selection.set([loose])
    assert window.inspector.kind.currentText() == "claim"
    assert window.inspector.place.text() == "Reason"
    objection = next(n for n in amap.graph if amap.node(n)["kind"] == "counterclaim")
    rebuttal = document.add_child(objection, "rebuttal", "Warrants already reach phones")
    window.selection.set([rebuttal])
    assert window.inspector.place.text() == "Rebuttal"
    assert document.undo_stack.text(document.undo_stack.index() - 1) == "Add rebuttal"
