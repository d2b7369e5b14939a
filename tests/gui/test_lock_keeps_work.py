"""Nothing typed is lost to a lock or a crash, in every editor of the real app.

Lock: type, press Lock, unlock: the same page, the same text, the keyboard back in the
same box at the same place, and typing carries on. Crash: type, the process is killed
(SIGKILL, in a child process), restart: the work is offered back (or, where the page
saves as you type, simply there). Between the two, what was typed is held encrypted in
the vault, never in a widget or a plain file (tests/gui/test_lock_everything.py)."""

from __future__ import annotations

import gc
import os
import subprocess
import sys
from pathlib import Path

import pytest
import shiboken6
from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import QApplication, QLineEdit

from tests.gui import lock_scenarios as sc

REPO = Path(__file__).resolve().parents[2]
EDITORS = sorted(sc.SCENARIOS)


def close(shell) -> None:
    """Lock, wait for the backup, and delete the windows the app opened (not through
    Quit, which would end the test's event loop): a full window left behind would make
    every later theme change re-style all its pages."""
    shell._on_quit()
    QApplication.processEvents()  # the unlock's queued calls (focus, the next prompt) first
    for widget in (
        shell.window.view if shell.window else None,
        getattr(shell.gate, "dialog", None),
        getattr(shell._next_gate, "dialog", None),
    ):
        if widget is not None and shiboken6.isValid(widget):
            widget.blockSignals(True)
            widget.close()
            widget.deleteLater()
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    gc.collect()


@pytest.fixture(scope="module")
def shell(tmp_path_factory):
    """One app for the lock tests (each types on its own page): a full window per test
    would only add minutes."""
    from ips_reflect.gui.shell.app import ensure_application

    ensure_application()
    data_dir = tmp_path_factory.mktemp("lock") / "data"
    sc.make_vault(data_dir)
    shell = sc.open_shell(data_dir)
    yield shell
    close(shell)


def lock_and_unlock(qtbot, shell) -> None:
    window = shell.window
    window.action("actionLock").trigger()
    assert not shell.session.is_unlocked and not window.view.isVisible()
    dialog = shell.gate.dialog
    assert dialog.isVisible()
    edit = dialog.findChild(QLineEdit, "passphraseEdit")
    qtbot.keyClicks(edit, sc.PASS)
    qtbot.keyClick(edit, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.view.isVisible() and shell.session.is_unlocked, timeout=15_000)


@pytest.mark.parametrize("name", EDITORS)
def test_typing_survives_a_lock(qtbot, shell, name):
    typed = sc.SCENARIOS[name](shell)  # locked at once: no autosave has run yet
    widget = typed.widget
    cursor = QApplication.focusWidget()
    assert cursor is widget
    lock_and_unlock(qtbot, shell)
    assert shell.window.current_page == typed.page
    qtbot.waitUntil(lambda: typed.read() == typed.text, timeout=5_000)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is widget, timeout=5_000)
    qtbot.keyClicks(widget, " More.")  # carries on typing where it stopped
    assert typed.read() == typed.text + " More."


def test_the_before_check_comes_back_at_its_step(qtbot, shell):
    page = shell.window.controllers["before"]
    page.keeper.discard()  # the shared app may have a check under way: drop it
    page._reset()
    sc.before(shell)
    step = page._step
    assert step > 0
    lock_and_unlock(qtbot, shell)
    assert page._step == step and page.alias.text() == "Mr P"
    assert not page.draft_banner.shown  # put back silently, not offered


def test_a_failed_backup_after_a_lock_is_told_on_unlock(qtbot, shell, monkeypatch):
    from ips_reflect.store.errors import BackupError
    from ips_reflect.store.vault import Vault

    def fails(self, **_kw):
        raise BackupError("The backup could not be written (disk full).")

    monkeypatch.setattr(Vault, "auto_backup", fails)
    statuses: list[str] = []
    monkeypatch.setattr(shell.window, "show_status", statuses.append)
    shell.window.action("actionLock").trigger()
    assert shell.session.backups.wait(30)
    qtbot.waitUntil(lambda: bool(shell.session.backup_problem), timeout=5_000)
    monkeypatch.undo()
    statuses.clear()
    monkeypatch.setattr(shell.window, "show_status", statuses.append)
    edit = shell.gate.dialog.findChild(QLineEdit, "passphraseEdit")
    qtbot.keyClicks(edit, sc.PASS)
    qtbot.keyClick(edit, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: shell.session.is_unlocked, timeout=15_000)
    assert any("disk full" in s for s in statuses)


OFFERED = {  # after a crash: pages that keep drafts offer them; the others saved as typed
    "prepare": lambda w: w.controllers["prepare"].draft_banner,
    "before": lambda w: w.controllers["before"].draft_banner,
    "after": lambda w: w.controllers["after"].draft_banner,
    "journal": lambda w: w.controllers["journal"].banner,
}


@pytest.mark.parametrize("name", EDITORS)
def test_typing_survives_a_crash(qtbot, data_dir, name):
    sc.make_vault(data_dir)
    child = subprocess.run(
        [sys.executable, "-m", "tests.gui.lock_scenarios", str(data_dir), name],
        cwd=REPO,
        env=dict(os.environ, QT_QPA_PLATFORM="offscreen", PYTHONPATH=str(REPO)),
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert child.stdout.strip() == "typed", child.stderr[-2000:]
    assert child.returncode == -9  # killed, no lock, no quit
    shell = sc.open_shell(data_dir)
    try:
        window = shell.window
        if name in OFFERED:
            banner = OFFERED[name](window)
            assert banner.shown, "the draft is offered back"
            window.show_page(sc.SCENARIOS[name].__name__)
            banner.restore()
        typed_page = {"supervision_notes": "supervision", "supervision_action": "supervision"}
        window.show_page(typed_page.get(name, name))
        expected = {
            "prepare": lambda: window.controllers["prepare"].label_edit.text(),
            "before": lambda: (
                window.controllers["before"]
                .full.widgets["before.why.motivation"]
                .editor.toPlainText()
            ),
            "after": lambda: (
                window.controllers["after"].questions.widgets["after.learned"].editor.toPlainText()
            ),
            "journal": lambda: window.controllers["journal"].body_edit.toPlainText(),
            "biography": lambda: window.controllers["biography"].bio_edit.toPlainText(),
            "supervision_notes": lambda: window.controllers["supervision"].notes_edit.toPlainText(),
            "supervision_action": lambda: window.controllers["supervision"].action_edit.text(),
        }[name]
        want = {
            "prepare": "losing my job",
            "before": "He asked why I do this job.",
            "after": "Less is more.",
            "journal": "Wrote up the employer visit.",
            "biography": "I worked in retail for ten years.",
            "supervision_notes": "Talked about boundaries.",
            "supervision_action": "Call the employer",
        }[name]
        assert expected() == want
    finally:
        close(shell)
