"""What keeps the editor quick on large maps, checked as behaviour (never by timing)."""

from PySide6.QtCore import Qt

from argmap.model import queries


def _main(window):
    return queries.main_claims(window.document.amap)[0]


def _counted(window):
    graph = window.document.amap.graph
    return f"{len(graph)} nodes · {graph.number_of_edges()} links"


def test_status_counts_follow_edits_without_counting_the_map_again(make_window, map_file,
                                                                    qtbot, monkeypatch):
    """Tab, Esc, delete, undo: the counts stay right, and no edit counts every link again."""
    window = make_window(map_file)
    label = window.status.counts_label
    assert label.text() == _counted(window)
    graph = window.document.amap.graph
    recounts = []
    monkeypatch.setattr(graph, "number_of_edges", lambda *a: recounts.append(a) or 0)
    window.scene.select_nodes([_main(window)])
    window.view.setFocus()
    qtbot.keyClick(window.view, Qt.Key_Tab)
    qtbot.keyClick(window.view.editor, Qt.Key_Return, Qt.ControlModifier)
    assert label.text() == f"{len(graph)} nodes · {len(graph.edges)} links"
    new = window.selection.single()
    window.document.delete([new])
    assert label.text() == f"{len(graph)} nodes · {len(graph.edges)} links"
    window.document.undo_stack.undo()
    window.document.undo_stack.undo()
    assert label.text() == f"{len(graph)} nodes · {len(graph.edges)} links"
    assert recounts == []


def test_unanswered_marks_after_edits_are_those_of_argmap_check(make_window, qtbot):
    """The marks kept edit by edit (only touched nodes looked at again) equal a full check."""
    from argmap.analysis.weak_spots import weak_spots
    from argmap.gui.app import default_map
    from argmap.gui.items import UNANSWERED_BADGE

    window = make_window(default_map())
    doc, amap = window.document, window.document.amap

    def check():
        qtbot.waitUntil(lambda: not window.debate.evaluation._timer.isActive())
        expected = {spot.node for spot in weak_spots(amap, ["unanswered"])}
        assert window.debate.evaluation.unanswered == expected
        shown = {n for n, item in window.scene.nodes.items() if UNANSWERED_BADGE in item.badges()}
        assert shown == expected

    check()
    edges = sorted(amap.graph.edges)
    opposing = [e for e in edges if amap.edge(*e)["relation"] == "opposes"]
    supporting = [e for e in edges if amap.edge(*e)["relation"] == "supports"]
    doc.set_relation(opposing[:2], "supports")
    check()
    doc.set_relation(supporting[:3], "opposes")
    check()
    doc.unlink(*opposing[2])
    check()
    doc.delete([opposing[3][0]])
    check()
    doc.link(supporting[4][0], opposing[4][0], "opposes")
    check()
    for _ in range(5):
        doc.undo_stack.undo()
        check()
    for _ in range(5):
        doc.undo_stack.redo()
        check()
