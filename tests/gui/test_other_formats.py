"""Maps in other formats open in the editor directly and save back in their own format."""

import os
import shutil

from argmap.formats import load_any
from argmap.model import queries

REPO = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
EXAMPLE = os.path.join(
    REPO, "tests", "data", "ext", "argdown", "examples", "argdown-primer.argdown"
)


def test_an_argdown_file_opens_and_saves_back_as_argdown(make_window, tmp_path, answer_box):
    """Open an Argdown file, add a reason, Save: the file is Argdown again and holds the edit."""
    path = tmp_path / "primer.argdown"
    shutil.copy(EXAMPLE, path)
    window = make_window(path)
    amap = window.document.amap
    assert len(amap) > 3 and window.document.path == str(path)
    main = queries.main_claims(amap)[0]
    window.document.add_child(main, "support", "A reason added in argmap")
    asked = answer_box("losses-question", "Save")
    assert window.save_to(str(path))
    again, _ = load_any(str(path))
    assert "A reason added in argmap" in {a["text"] for _, a in again.graph.nodes(data=True)}
    assert not path.read_text(encoding="utf-8").lstrip().startswith("{")  # not argmap JSON
    assert len(asked) <= 1


def test_what_a_format_cannot_hold_is_asked_before_saving(
    make_window, tmp_path, answer_box, shipped_map
):
    """Saving a map with source quotes as Kialo text asks first; Cancel writes nothing."""
    window = make_window(shipped_map())
    target = tmp_path / "debate.txt"
    asked = answer_box("losses-question", "Cancel")
    assert not window.save_to(str(target))
    assert asked and not target.exists()


def test_opening_aif_says_in_plain_words_what_is_not_shown(make_window, tmp_path):
    """An AIFdb file opens with an information box, in plain text, that names the dialogue
    it does not show in words a debater knows (not "16 L, 8 TA, 14 YA")."""
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QMessageBox

    path = tmp_path / "nodeset.json"
    shutil.copy(os.path.join(REPO, "tests", "data", "ext", "aif", "aifdb-6064.json"), path)
    window = make_window(path)
    (box,) = [b for b in window.findChildren(QMessageBox) if b.isVisible()]
    assert box.icon() == QMessageBox.Information and box.textFormat() == Qt.PlainText
    text = box.text()
    assert "16 locutions (who said what), 8 transitions" in text and "14 illocutions" in text
    assert "16 L" not in text and "TA" not in text and "node(s)" not in text
    assert len(window.document.amap) == 9
    box.close()
