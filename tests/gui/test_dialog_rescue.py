"""A test that drives a modal dialog fails within a bound instead of hanging.

Three layers: :func:`dialogs.answer_dialog` answers only the dialog its call opened and
closes it by a bound; the autouse fixture in ``tests/gui/conftest.py`` closes any dialog
a test left open; pytest-timeout (``pyproject.toml``) ends a run stuck anyway.
"""

from __future__ import annotations

import time
from pathlib import Path

import pytest
from dialogs import answer_dialog, open_dialogs
from PySide6.QtWidgets import QDialog, QMessageBox, QPlainTextEdit

from ips_reflect.gui.widgets.flag_panel import ask_note
from tests.inner_pytest import REPO, run_pytest


def _ask() -> str | None:
    return ask_note(None, "Mark as discussed", "Add a note?")


def test_answers_its_own_dialog_not_one_left_open(qtbot) -> None:
    stale = QDialog()
    stale.setObjectName("FlagNoteDialog")  # the same kind, already open: not ours
    qtbot.addWidget(stale)
    stale.show()

    def write(dialog: QDialog) -> None:
        assert dialog is not stale
        dialog.findChild(QPlainTextEdit, "noteEdit").setPlainText("mine")
        dialog.accept()

    assert answer_dialog(qtbot, _ask, QDialog, name="FlagNoteDialog", act=write) == "mine"
    assert stale.isVisible()
    stale.close()


def test_a_dialog_left_unanswered_is_rejected_at_the_bound(qtbot) -> None:
    start = time.monotonic()
    with pytest.raises(pytest.fail.Exception, match="still open after 1 s; rejected it"):
        answer_dialog(qtbot, _ask, QDialog, name="FlagNoteDialog", act=lambda d: None, timeout=1)
    assert time.monotonic() - start < 5
    assert open_dialogs() == []


def test_an_error_while_answering_closes_the_dialog_and_fails(qtbot) -> None:
    def broken(dialog: QDialog) -> None:
        raise KeyError("no such field")

    start = time.monotonic()
    with pytest.raises(pytest.fail.Exception, match=r"(?s)raised:.*KeyError: 'no such field'"):
        answer_dialog(qtbot, _ask, QDialog, name="FlagNoteDialog", act=broken, timeout=30)
    assert time.monotonic() - start < 5  # closed at once, not at the bound
    assert open_dialogs() == []


def test_a_different_dialog_is_closed_and_named(qtbot) -> None:
    def warn() -> int:
        box = QMessageBox(QMessageBox.Icon.Warning, "Unexpected", "Something else")
        return box.exec()

    with pytest.raises(pytest.fail.Exception) as failed:
        answer_dialog(qtbot, warn, QDialog, name="FlagNoteDialog", timeout=1)
    message = str(failed.value)
    assert "no new visible QDialog named 'FlagNoteDialog'" in message
    assert "QMessageBox" in message and "'Unexpected'" in message
    assert open_dialogs() == []


def test_nothing_opened_is_a_failure(qtbot) -> None:
    with pytest.raises(pytest.fail.Exception, match="returned without opening"):
        answer_dialog(qtbot, lambda: None, QDialog, timeout=1)


# ------------------------------------------- whole pytest runs, in a child process

GUI_CONFTEST = f"""
import importlib.util

_spec = importlib.util.spec_from_file_location(
    "gui_conftest", {str(REPO / "tests" / "gui" / "conftest.py")!r}
)
_gui = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(_gui)
_close_leftover_dialogs = _gui._close_leftover_dialogs
"""

LEFT_OPEN = """
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QDialog


KEPT = []  # as a page or a C++ parent would keep it


def test_leaves_a_dialog_open(qtbot):
    left = QDialog()
    left.setWindowTitle("left over")
    left.show()
    KEPT.append(left)


def test_then_answers_the_first_dialog_it_finds(qtbot):
    # The pattern that hung: when the dialog left open above comes first in
    # topLevelWidgets() (an unspecified order), it answers that one and waits for ever.
    left = [w for w in QApplication.topLevelWidgets() if isinstance(w, QDialog)]
    assert not left, "a dialog from an earlier test is still here"

    def answer():
        next(w for w in QApplication.topLevelWidgets() if isinstance(w, QDialog)).accept()

    QTimer.singleShot(50, answer)
    mine = QDialog()
    assert mine.exec() == QDialog.DialogCode.Accepted
"""

NEVER_ANSWERED = """
from dialogs import answer_dialog
from PySide6.QtWidgets import QDialog


def test_with_the_helper(qtbot):
    answer_dialog(qtbot, lambda: QDialog().exec(), QDialog, act=lambda d: None, timeout=2)


def test_still_runs(qtbot):
    pass
"""

BARE_EXEC = """
from PySide6.QtWidgets import QDialog


def test_never_answered(qtbot):
    QDialog().exec()
"""


@pytest.mark.timeout(300)
def test_a_dialog_left_open_cannot_poison_the_next_test(tmp_path: Path) -> None:
    run = run_pytest(tmp_path / "inner", {"conftest.py": GUI_CONFTEST, "test_inner.py": LEFT_OPEN})
    out = run.output
    assert "ERROR test_inner.py::test_leaves_a_dialog_open" in out, out
    assert "left dialogs open (now closed): QDialog '-' titled 'left over'" in out, out
    assert "PASSED test_inner.py::test_then_answers_the_first_dialog_it_finds" in out, out


@pytest.mark.timeout(300)
def test_an_unanswered_dialog_fails_within_the_bound(tmp_path: Path) -> None:
    run = run_pytest(tmp_path / "inner", {"test_inner.py": NEVER_ANSWERED})
    out = run.output
    assert run.returncode == 1, out
    assert "FAILED test_inner.py::test_with_the_helper" in out, out
    assert "still open after 2 s; rejected it" in out, out
    assert "PASSED test_inner.py::test_still_runs" in out, out


@pytest.mark.timeout(300)
def test_pytest_timeout_ends_a_run_stuck_in_exec(tmp_path: Path) -> None:
    """Without the helper, the configured method ("thread") still ends the hang: with a
    stack dump, and a failing exit code, after the per-test limit (here 3 s)."""
    run = run_pytest(
        tmp_path / "inner",
        {"test_inner.py": BARE_EXEC},
        "-o",
        "timeout=3",
        "-o",
        "timeout_method=thread",
        limit=120,
    )
    assert run.returncode != 0, run.output
    assert "Timeout" in run.output and "test_never_answered" in run.output, run.output
    assert run.seconds < 60
