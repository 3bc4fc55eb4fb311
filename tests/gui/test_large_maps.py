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
