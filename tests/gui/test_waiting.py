"""No modal dialog or menu can wait for ever under test: one nobody answers is closed, and
its test fails naming it, while the run goes on (the watchdog of tests/conftest.py)."""

import os

CONFTEST = os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))), "conftest.py")

TESTS = """
from PySide6.QtCore import QTimer
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import QApplication, QDialog, QFileDialog, QMenu, QMessageBox


def question():
    box = QMessageBox(
        QMessageBox.Warning,
        "The map is open elsewhere",
        "debate.argmap is already open.",
        QMessageBox.Open | QMessageBox.Cancel,
    )
    box.setObjectName("locked-question")
    return box


def test_a_question_nobody_answers(qapp):
    assert question().exec() == QMessageBox.Cancel  # closed as Cancel would


def test_a_file_dialog_nobody_answers(qapp):
    assert QFileDialog.getSaveFileName(None, "Save map") == ("", "")


def test_a_print_dialog_nobody_answers(qapp):
    assert QPrintDialog(QPrinter()).exec() == QDialog.Rejected


def test_a_menu_nobody_answers(qapp):
    menu = QMenu()
    menu.addAction("Delete")
    assert menu.exec() is None


def test_an_answered_question_passes(qapp):
    QTimer.singleShot(0, lambda: QApplication.activeModalWidget().button(QMessageBox.Open).click())
    assert question().exec() == QMessageBox.Open
"""


def test_a_dialog_nobody_answers_fails_its_test_and_the_run_goes_on(pytester):
    """Each unanswered dialog or menu fails its own test, named, after the grace time."""
    with open(CONFTEST, encoding="utf-8") as handle:
        conftest = handle.read()
    assert "\nMODAL_GRACE = 3.0\n" in conftest
    pytester.makeconftest(conftest.replace("\nMODAL_GRACE = 3.0\n", "\nMODAL_GRACE = 0.2\n"))
    pytester.makepyfile(test_dialogs=TESTS)
    # should the watchdog miss a dialog, the inner run ends at its own timeout, not ours
    timeout = ("-o", "timeout=30", "-o", "timeout_method=thread")
    result = pytester.runpytest_subprocess("-p", "no:cacheprovider", *timeout, timeout=120)
    result.assert_outcomes(passed=1, failed=4)
    assert "AssertionError" not in result.stdout.str()  # closed as Escape: Cancel, no file
    result.stdout.fnmatch_lines_random(
        [
            "*waited 0.2 s with no answer and was closed: QMessageBox 'locked-question'"
            ' "The map is open elsewhere" saying "debate.argmap is already open."*',
            "*closed: QFileDialog 'QFileDialog' \"Save map\"*",
            "*closed: QPrintDialog*",
            "*closed: QMenu*",
        ]
    )
