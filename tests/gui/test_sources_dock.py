"""The Sources dock: documents, highlights, nodes from selected text, importing, new maps."""

import json

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from PySide6.QtCore import QPoint, Qt, QTimer
from PySide6.QtGui import QColor, QContextMenuEvent, QTextCharFormat, QTextDocument
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QMenu, QMessageBox

from argmap import resources
from argmap.render.style import KIND_STYLE

SEEDED = resources.path(*resources.SEEDED_MAP)
HILL = "hill-2015"
SEVEN = "seven-govts-2020"
#: A sentence of the Hill article that no node quotes at its start.
ITI_SENTENCE = (
    "The Information Technology Industry Council, one of the country’s leading tech "
    "sector groups, last week rejected calls from those seeking access to secure data."
)


@pytest.fixture(scope="module")
def seeded_file():
    """The seeded map file read as plain JSON, independently of the model."""
    with open(SEEDED, encoding="utf-8") as handle:
        return json.load(handle)


def _doc_text(data, doc_id):
    return next(d["text"] for d in data["documents"] if d["id"] == doc_id)


@pytest.fixture
def window(make_window, shipped_map):
    """The main window on the seeded map, once its first layout has finished."""
    return make_window(shipped_map())


@pytest.fixture
def laid_out(window, qtbot):
    """The seeded window once Graphviz has placed its nodes."""
    qtbot.waitUntil(lambda: not window.document.jobs.active, timeout=20000)
    return window


def _selections(text_view):
    """(quote, background colour name, node) of every highlight drawn in the text."""
    found = []
    for selection in text_view.extraSelections():
        quote = selection.cursor.selectedText().replace("\u2029", "\n")
        found.append((quote, selection.format.background().color().name().upper()))
    return found


def _click_at_offset(qtbot, text_view, offset, button=Qt.LeftButton, modifier=Qt.NoModifier):
    """Click the text view's viewport where the character at text *offset* is drawn."""
    text_view.scroll_to(offset, offset)
    rect = text_view.cursorRect(text_view.cursor_for(offset + 1))
    point = QPoint(rect.left() - 2, rect.center().y())
    qtbot.mouseClick(text_view.viewport(), button, modifier, point)
    return point


def _select_text(dock, start, end):
    """Select text offsets *start*-*end* of the shown document, with a real text cursor."""
    from PySide6.QtGui import QTextCursor

    cursor = dock.text.textCursor()
    cursor.setPosition(start)
    cursor.setPosition(end, QTextCursor.KeepAnchor)
    dock.text.setTextCursor(cursor)


# ------------------------------------------------------------------ showing
def test_dock_lists_documents_and_highlights_each_span(window, seeded_file):
    """Each document of the map is offered; each span nodes quote is one highlight in its colour."""
    dock = window.sources_dock
    assert dock.objectName() == "sources" and dock.isVisible()
    titles = [(d["id"], d["title"]) for d in seeded_file["documents"]]
    assert [
        (dock.combo.itemData(i), dock.combo.itemText(i)) for i in range(dock.combo.count())
    ] == titles
    for index, (doc_id, _) in enumerate(titles):
        dock.combo.setCurrentIndex(index)
        text = _doc_text(seeded_file, doc_id)
        assert dock.text.toPlainText() == text
        expected = sorted(
            (text[s["start"] : s["end"]], KIND_STYLE[n["kind"]]["fill"].upper())
            for n in seeded_file["nodes"]
            for s in n.get("sources", ())
            if s["doc"] == doc_id
        )
        assert expected and sorted(_selections(dock.text)) == expected


def test_clicking_a_highlight_selects_and_centres_its_node(laid_out, qtbot, seeded_file):
    """A click inside a span selects the node quoting it (the innermost of nested spans)."""
    window, dock = laid_out, laid_out.sources_dock
    dock.show_document(HILL)
    text = _doc_text(seeded_file, HILL)
    start = text.index("Although no evidence has been presented")
    window.view.centerOn(0, -5000)
    _click_at_offset(qtbot, dock.text, start + 12)
    assert window.scene.selected_nodes() == ["n6"]
    item = window.scene.nodes["n6"]
    assert window.view.visible_scene_rect().contains(item.sceneBoundingRect().center())
    assert dock.doc_id == HILL and dock.text.current_node == "n6"
    # n13 quotes the tail of n1's span: a click there picks n13.
    _click_at_offset(qtbot, dock.text, 1005)
    assert window.scene.selected_nodes() == ["n13"]
    _click_at_offset(qtbot, dock.text, 950)
    assert window.scene.selected_nodes() == ["n1"]


def test_clicking_plain_text_keeps_the_selection(laid_out, qtbot, seeded_file):
    """A click on text that no node quotes leaves the canvas selection alone."""
    window, dock = laid_out, laid_out.sources_dock
    window.scene.select_nodes(["n2"])
    dock.show_document(HILL)
    text = _doc_text(seeded_file, HILL)
    _click_at_offset(qtbot, dock.text, text.index("ADVERTISEMENT") + 3)
    assert window.scene.selected_nodes() == ["n2"]


def test_selecting_a_node_shows_its_document_and_span(window, seeded_file):
    """Selecting a node on the canvas switches the document and scrolls its span into view."""
    dock = window.sources_dock
    dock.show_document(HILL)
    window.scene.select_nodes(["n20"])
    assert dock.doc_id == SEVEN
    assert dock.combo.currentData() == SEVEN
    assert dock.text.current_node == "n20"
    start = next(s["start"] for n in seeded_file["nodes"] if n["id"] == "n20" for s in n["sources"])
    rect = dock.text.cursorRect(dock.text.cursor_for(start))
    assert dock.text.viewport().rect().contains(rect.center())
    drawn = dock.text.extraSelections()
    marked = [s for s in drawn if s.cursor.selectionStart() == start]
    others = [s for s in drawn if s.cursor.selectionStart() != start]
    assert len(marked) == 1  # n20 is evidence: drawn darker than its plain fill, underlined
    assert marked[0].format.background().color() != QColor(KIND_STYLE["evidence"]["fill"])
    assert marked[0].format.underlineStyle() == QTextCharFormat.SingleUnderline
    assert others and all(s.format.underlineStyle() == QTextCharFormat.DotLine for s in others)


def test_highlights_follow_model_changes_and_reset(laid_out, qtbot, map_file):
    """A kind change recolours a highlight; opening another map shows its documents."""
    window, dock = laid_out, laid_out.sources_dock
    window.scene.select_nodes(["n6"])
    window.edit_actions.set_kind("claim")
    current = KIND_STYLE["claim"]["border"]
    qtbot.waitUntil(
        lambda: any(
            s.format.underlineColor().name().upper() == current for s in dock.text.extraSelections()
        )
    )
    assert window.open_path(map_file)
    assert [dock.combo.itemText(i) for i in range(dock.combo.count())] == ["Article"]
    assert dock.text.toPlainText() == "Encryption hinders police."
    assert _selections(dock.text) == [
        ("Encryption hinders police.", KIND_STYLE["claim"]["fill"].upper())
    ]


# ------------------------------------------------------ nodes from the text
def test_new_evidence_from_selection_under_the_selected_node(laid_out, seeded_file):
    """The selection, outer spaces stripped, becomes evidence supporting the selected node."""
    window, dock = laid_out, laid_out.sources_dock
    window.scene.select_nodes(["n3"])
    before = window.document.amap.snapshot()
    text = _doc_text(seeded_file, HILL)
    start = text.index("Encryption has been thrust")
    end = text.index("wounded hundreds more.") + len("wounded hundreds more.")
    dock.show_document(HILL)
    _select_text(dock, start - 2, end + 1)  # a paragraph break before, a space after
    window.registry["new_evidence_from_selection"].trigger()
    amap = window.document.amap
    (new,) = set(amap.graph.nodes) - {n for n, _ in before["nodes"]}
    attrs = amap.node(new)
    assert attrs["kind"] == "evidence"
    assert attrs["sources"] == [{"doc": HILL, "start": start, "end": end, "quote": text[start:end]}]
    assert attrs["text"] == (
        "Encryption has been thrust in the spotlight following the Nov. 13 "
        "terror attacks in Paris, which killed 130 people and wounded "
        "hundreds more."
    )
    assert not attrs.get("speaker")
    assert amap.edge(new, "n3")["relation"] == "supports"
    assert window.scene.selected_nodes() == [new]
    window.document.undo_stack.undo()
    assert amap.snapshot() == before


def test_new_claim_by_shortcut_stands_alone_in_free_space(laid_out, qtbot, seeded_file):
    """Ctrl+Alt+C with no node selected adds a claim that bears on nothing and overlaps no card."""
    window, dock = laid_out, laid_out.sources_dock
    window.scene.clearSelection()
    text = _doc_text(seeded_file, SEVEN)
    dock.show_document(SEVEN)
    start = text.index("law enforcement agencies")
    _select_text(dock, start, start + len("law enforcement agencies"))
    dock.text.setFocus()
    qtbot.keyClick(dock.text, Qt.Key_C, Qt.ControlModifier | Qt.AltModifier)
    (new,) = window.scene.selected_nodes()
    amap = window.document.amap
    assert amap.node(new)["kind"] == "claim"
    assert amap.node(new)["text"] == "law enforcement agencies"
    assert amap.node(new)["sources"][0]["start"] == start
    assert not list(amap.graph.successors(new))
    card = window.scene.nodes[new].sceneBoundingRect()
    others = [i.sceneBoundingRect() for n, i in window.scene.nodes.items() if n != new]
    assert not any(card.intersects(r) for r in others)


def test_new_counterclaim_opposes_the_selected_node(laid_out, qtbot):
    """A counterclaim made from the text opposes the one selected node."""
    window, dock = laid_out, laid_out.sources_dock
    window.scene.select_nodes(["n1"])
    dock.show_document(HILL)
    _select_text(dock, 0, 40)
    new = dock.new_node_from_selection("counterclaim")
    assert window.document.amap.edge(new, "n1")["relation"] == "opposes"


def test_blank_selection_adds_nothing(laid_out):
    """Selecting only white space leaves the from-selection actions off and adds no node."""
    window, dock = laid_out, laid_out.sources_dock
    dock.show_document(HILL)
    text = dock.text.text
    gap = text.index("\n\n")
    _select_text(dock, gap, gap + 2)
    assert not window.registry["new_evidence_from_selection"].isEnabled()
    assert dock.new_node_from_selection("evidence") is None
    assert window.document.undo_stack.count() == 0


def _choose_from_next_menu(label, chosen):
    """Pick the action *label* from the next popup menu, with the keyboard."""

    def pick():
        menu = QApplication.activePopupWidget()
        if not isinstance(menu, QMenu):
            QTimer.singleShot(20, pick)
            return
        action = next(a for a in menu.actions() if a.text().replace("&", "") == label)
        chosen.append([a.text().replace("&", "").split("\t")[0] for a in menu.actions()])
        menu.setActiveAction(action)
        QTest.keyClick(menu, Qt.Key_Return)

    QTimer.singleShot(0, pick)


def _right_click(qtbot, widget, point):
    """A right click: the mouse press and release, then the context menu request it makes."""
    qtbot.mouseClick(widget, Qt.RightButton, pos=point)
    event = QContextMenuEvent(QContextMenuEvent.Mouse, point, widget.mapToGlobal(point))
    QApplication.sendEvent(widget, event)


# A popup menu asks the offscreen platform for things it cannot do; it says so.
@pytest.mark.qt_log_ignore(r"This plugin does not support (raise\(\)|grabbing the keyboard)")
def test_a_sentence_becomes_evidence_in_three_actions(laid_out, qtbot, seeded_file):
    """Alt+click a sentence, right-click it, choose New Evidence from Selection: one new node."""
    window, dock = laid_out, laid_out.sources_dock
    window.scene.select_nodes(["n15"])
    dock.show_document(HILL)
    text = _doc_text(seeded_file, HILL)
    start = text.index(ITI_SENTENCE)
    count = window.document.undo_stack.count()
    point = _click_at_offset(qtbot, dock.text, start + 5, modifier=Qt.AltModifier)  # 1
    assert dock.text.textCursor().selectedText() == ITI_SENTENCE
    shown = []
    _choose_from_next_menu("New Evidence from Selection", shown)
    _right_click(qtbot, dock.text.viewport(), point)  # 2
    qtbot.waitUntil(lambda: window.document.undo_stack.count() == count + 1)  # 3
    assert "Select Sentence" in shown[0] and "Copy" in shown[0]
    (new,) = window.scene.selected_nodes()
    attrs = window.document.amap.node(new)
    assert attrs["kind"] == "evidence" and attrs["text"] == ITI_SENTENCE
    assert attrs["sources"] == [
        {"doc": HILL, "start": start, "end": start + len(ITI_SENTENCE), "quote": ITI_SENTENCE}
    ]
    assert window.document.amap.edge(new, "n15")["relation"] == "supports"


def test_add_selection_as_source(laid_out, seeded_file):
    """The selected text becomes a further source of the selected node, once, undoably."""
    window, dock = laid_out, laid_out.sources_dock
    amap = window.document.amap
    window.scene.select_nodes(["n11"])
    assert not amap.node("n11").get("sources")
    text = _doc_text(seeded_file, SEVEN)
    start = text.index("end-to-end")
    dock.show_document(SEVEN)
    _select_text(dock, start, start + len("end-to-end"))
    assert window.registry["add_source_from_selection"].isEnabled()
    window.registry["add_source_from_selection"].trigger()
    assert amap.node("n11")["sources"] == [
        {"doc": SEVEN, "start": start, "end": start + 10, "quote": "end-to-end"}
    ]
    count = window.document.undo_stack.count()
    assert not dock.add_selection_as_source()
    assert window.document.undo_stack.count() == count
    window.document.undo_stack.undo()
    assert not amap.node("n11").get("sources")


def test_spans_of_text_with_crlf_and_astral_characters(make_window, qtbot, tmp_path):
    """Offsets stay exact in a document with CR LF line ends and characters beyond the BMP."""
    window = make_window()
    raw = "First line\r\nEmoji \U0001f512 here.\r\nThe quoted words end it."
    path = tmp_path / "crlf.txt"
    path.write_bytes(raw.encode("utf-8"))
    (doc_id,) = window.sources_dock.import_documents([str(path)])
    assert window.document.amap.documents[doc_id]["text"] == raw
    dock = window.sources_dock
    qt_start = dock.text.document().find("The quoted").selectionStart()
    assert qt_start == raw.index("The quoted") - 1  # one CR LF less, one astral char more
    _select_text(dock, qt_start, qt_start + len("The quoted words"))
    assert dock.selection_span() == {
        "doc": doc_id,
        "start": raw.index("The quoted"),
        "end": raw.index("The quoted") + 16,
        "quote": "The quoted words",
    }
    new = dock.new_node_from_selection("claim")
    qtbot.waitUntil(lambda: len(_selections(dock.text)) == 1)
    ((quote, _),) = _selections(dock.text)
    assert quote == "The quoted words" and new in window.document.amap


# ---------------------------------------------------------------- importing
def test_import_markdown_document_undoably(make_window, tmp_path):
    """File > Import Document adds a Markdown file as is, titled by its heading, in one step."""
    window = make_window()
    body = "# Lawful access\n\nPolice want “exceptional access”. Critics disagree — a lot.\n"
    path = tmp_path / "lawful-access.md"
    path.write_text(body, encoding="utf-8")
    ids = window.sources_dock.import_documents([str(path)])
    record = window.document.amap.documents[ids[0]]
    assert (record["title"], record["text"]) == ("Lawful access", body)
    assert window.sources_dock.combo.currentText() == "Lawful access"
    assert window.sources_dock.text.toPlainText() == body
    assert window.menus["file"].actions().count(window.registry["import_document"]) == 1
    window.document.undo_stack.undo()
    assert window.document.amap.documents == {}
    assert window.sources_dock.combo.count() == 0


def test_importing_the_same_file_twice_keeps_ids_unique(make_window, tmp_path):
    """A second import of a file gets a fresh document id."""
    window = make_window()
    path = tmp_path / "note.txt"
    path.write_text("Encryption protects speech.", encoding="utf-8")
    first = window.sources_dock.import_documents([str(path)])
    second = window.sources_dock.import_documents([str(path)])
    assert first == ["note"] and second == ["note-2"]


def test_importing_a_broken_file_shows_an_error(make_window, tmp_path, shipped_map):
    """A file that is not UTF-8 is reported in a dialog naming it; the map is unchanged."""
    window = make_window(shipped_map())
    before = window.document.amap.snapshot()
    path = tmp_path / "latin1.txt"
    path.write_bytes("Caf\u00e9 cr\u00e8me".encode("latin-1"))
    assert window.sources_dock.import_documents([str(path)]) == []
    box = window.findChild(QMessageBox, "error-dialog")
    assert box is not None and box.isVisible()
    assert "latin1.txt" in box.text() and "UTF-8" in box.text()
    assert window.document.amap.snapshot() == before
    assert window.document.undo_stack.count() == 0
    box.close()


# -------------------------------------------------------------- new maps
def _adopt(qtbot, new):
    """Let the test close a window the code under test opened."""

    def discard(window):
        window.document.undo_stack.setClean()
        for job in list(window.document.jobs.active):
            job.signals.blockSignals(True)

    qtbot.addWidget(new, before_close_func=discard)
    return new


def _write_seed_documents(tmp_path, data):
    paths = []
    for record in data["documents"]:
        path = tmp_path / f"{record['id']}.txt"
        path.write_text(record["text"], encoding="utf-8")
        paths.append(str(path))
    return paths


def test_new_map_from_documents_opens_a_window_with_them(make_window, qtbot, tmp_path, seeded_file):
    """New Map from Documents opens a second window whose map holds the documents and no node."""
    window = make_window()
    paths = _write_seed_documents(tmp_path, seeded_file)
    new = _adopt(qtbot, window.new_map_from_documents(paths))
    assert new is not window and new.isVisible()
    documents = new.document.amap.documents
    assert [d["text"] for d in documents.values()] == [d["text"] for d in seeded_file["documents"]]
    assert len(new.document.amap) == 0
    assert new.sources_dock.combo.count() == 2
    assert window.document.amap.documents == {}
    assert new.document.modified and new.document.undo_stack.count() == 1
    new.document.undo_stack.undo()
    assert new.document.amap.documents == {}


@pytest.mark.graphviz
def test_new_draft_map_holds_laid_out_draft_nodes(make_window, qtbot, tmp_path, seeded_file):
    """The draft option fills the new map with draft nodes quoting the documents, laid out."""
    window = make_window()
    paths = _write_seed_documents(tmp_path, seeded_file)
    new = _adopt(qtbot, window.new_map_from_documents(paths, draft=True))
    amap = new.document.amap
    assert len(amap) >= 4
    texts = {d["id"]: d["text"] for d in amap.documents.values()}
    for _, attrs in amap.graph.nodes(data=True):
        assert attrs["draft"] is True
        for span in attrs["sources"]:
            assert texts[span["doc"]][span["start"] : span["end"]] == span["quote"]
    qtbot.waitUntil(lambda: not new.document.jobs.active, timeout=30000)
    assert all("pos" in a for _, a in amap.graph.nodes(data=True))
    spots = {tuple(a["pos"]) for _, a in amap.graph.nodes(data=True)}
    assert len(spots) == len(amap)
    drawn = {
        (s.cursor.selectionStart(), s.cursor.selectionEnd())
        for s in new.sources_dock.text.extraSelections()
    }
    shown = new.sources_dock.doc_id
    quoted = {
        (s["start"], s["end"])
        for _, a in amap.graph.nodes(data=True)
        for s in a["sources"]
        if s["doc"] == shown
    }
    assert drawn and drawn == quoted


def test_new_map_from_a_broken_file_opens_nothing(make_window, tmp_path):
    """A document that cannot be read is reported and no window opens."""
    from argmap.gui.main_window import MainWindow

    window = make_window()
    empty = tmp_path / "empty.md"
    empty.write_text("  \n", encoding="utf-8")
    count = len(MainWindow.windows)
    assert window.new_map_from_documents([str(empty)], draft=True) is None
    assert len(MainWindow.windows) == count
    box = window.findChild(QMessageBox, "error-dialog")
    assert box is not None and "empty" in box.text()
    box.close()


def test_accept_draft_removes_the_mark_in_one_step(make_window, qtbot, tmp_path, seeded_file):
    """Accept Draft clears the mark of the selected nodes and of links between accepted nodes."""
    window = make_window()
    paths = _write_seed_documents(tmp_path, seeded_file)
    new = _adopt(qtbot, window.new_map_from_documents(paths, draft=True))
    qtbot.waitUntil(lambda: not new.document.jobs.active, timeout=30000)
    amap = new.document.amap
    source, target = next((u, v) for u, v, a in amap.graph.edges(data=True) if a.get("draft"))
    new.scene.select_nodes([source])
    assert new.registry["accept_draft"].isEnabled()
    assert new.sources_dock.accept_draft() == [source]
    assert "draft" not in amap.node(source)
    assert amap.edge(source, target).get("draft")  # its target is still a draft
    new.scene.select_nodes([target])
    new.registry["accept_draft"].trigger()
    assert "draft" not in amap.node(target) and "draft" not in amap.edge(source, target)
    assert not new.registry["accept_draft"].isEnabled()
    new.document.undo_stack.undo()
    assert amap.node(target)["draft"] is True and amap.edge(source, target)["draft"] is True
    assert "draft" not in amap.node(source)


# ------------------------------------------------------------------ offsets
@settings(max_examples=200, deadline=None)
@given(
    st.lists(st.sampled_from(["a", " ", "\r\n", "\n", "\r", "é", "\U0001f512", "\t"]), max_size=30)
)
def test_offset_map_matches_qt_positions(qapp, pieces):
    """Text offsets map to the UTF-16 positions of the text as Qt shows it, and back."""
    from argmap.gui.sources_text import OffsetMap

    text = "".join(pieces)
    offsets = OffsetMap(text)
    for index in range(len(text) + 1):
        inside_pair = text[index - 1 : index + 1] == "\r\n"
        expected = _qt_units(text[: index - 1] if inside_pair else text[:index])
        assert offsets.to_qt(index) == expected
        if not inside_pair:
            assert offsets.to_text(expected) == index


def _qt_units(text):
    """How many positions a QTextDocument holding *text* has."""
    document = QTextDocument()
    document.setPlainText(text)
    return document.characterCount() - 1


def test_a_highlight_names_its_node_on_one_short_line():
    """A node's text in a highlight's tooltip is one line (a line per highlight), cut at a
    word with an ellipsis."""
    from argmap.gui.sources_dock import PREVIEW_CHARS, document_highlights
    from argmap.model import ArgumentMap

    text = "Encryption protects\ndissidents and   journalists " + "and their sources " * 8
    amap = ArgumentMap.from_records(
        [
            {
                "id": "e",
                "kind": "evidence",
                "text": text,
                "sources": [{"doc": "d", "start": 0, "end": 6, "quote": "Strong"}],
            }
        ],
        documents=[{"id": "d", "text": "Strong encryption"}],
    )
    (highlight,) = document_highlights(amap, "d")
    preview = highlight.label.split(": ", 1)[1]
    assert "\n" not in highlight.label and "  " not in highlight.label
    whole = " ".join(text.split())
    assert len(preview) <= PREVIEW_CHARS and preview.endswith("\u2026")
    assert whole.startswith(preview[:-1]) and whole[len(preview) - 1] == " "  # a whole word
