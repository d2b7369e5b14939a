"""The whole way in and out: set-up, the main window, Ctrl+L, unlock again."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QLineEdit, QMenu

from ips_reflect.core.settings import load_settings
from ips_reflect.gui.shell.app import AppShell
from tests.conftest import TEST_PASSPHRASE

REPO = Path(__file__).resolve().parents[2]


class PageRecorder:
    """Stands in for a page controller: records what set_vault receives."""

    def __init__(self) -> None:
        self.calls: list[object] = []

    def set_vault(self, vault: object) -> None:
        self.calls.append(vault)


def _first_run(qtbot, shell: AppShell) -> None:
    dialog = shell.start()
    assert dialog.objectName() == "SetupDialog"
    pass_edit = dialog.findChild(QLineEdit, "passphraseEdit")
    confirm = dialog.findChild(QLineEdit, "confirmEdit")
    qtbot.keyClicks(pass_edit, TEST_PASSPHRASE)
    qtbot.keyClicks(confirm, TEST_PASSPHRASE)
    qtbot.keyClick(confirm, Qt.Key.Key_Return)
    code = dialog.findChild(QLabel, "codeLabel")
    qtbot.waitUntil(lambda: code.text() != "", timeout=10_000)
    first_group = code.text().split("-")[0]
    code_edit = dialog.findChild(QLineEdit, "codeConfirmEdit")
    with qtbot.waitSignal(shell.windowOpened, timeout=5000):
        qtbot.keyClicks(code_edit, first_group)
        qtbot.keyClick(code_edit, Qt.Key.Key_Return)


def _delete_windows(shell: AppShell) -> None:
    """Delete the full window a test opened, so later tests do not re-style it."""
    import shiboken6
    from PySide6.QtCore import QEvent
    from PySide6.QtWidgets import QApplication

    QApplication.processEvents()  # the unlock's queued calls (focus, the next prompt) first
    for widget in (shell.window.view if shell.window else None, shell.gate.dialog):
        if widget is not None and shiboken6.isValid(widget):
            widget.blockSignals(True)
            widget.close()
            widget.deleteLater()
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


def test_first_run_to_main_window_then_lock_and_unlock(qtbot, content, data_dir):
    shell = AppShell(content, load_settings(data_dir), data_dir)
    _first_run(qtbot, shell)
    window = shell.window
    assert window is not None and window.view.isVisible()
    assert window.view.windowTitle() == "IPS Reflect"
    recorder = PageRecorder()
    window.controllers["recorder"] = recorder
    vault = shell.session.vault
    assert vault is not None and vault.is_open

    # Ctrl+L: every page is cleared, the key dropped, unlock shown with a notice.
    window.view.activateWindow()
    window.action("actionLock").trigger()
    assert recorder.calls == [None]
    assert not vault.is_open and not window.view.isVisible()
    unlock = shell.gate.dialog
    assert unlock.objectName() == "UnlockDialog" and unlock.isVisible()
    assert "locked" in unlock.findChild(QLabel, "introLabel").text()
    assert shell.session.backups.wait(30)  # written by a worker once the window cleared
    assert list((data_dir / "backups").iterdir())  # encrypted backup on lock

    edit = unlock.findChild(QLineEdit, "passphraseEdit")
    qtbot.keyClicks(edit, TEST_PASSPHRASE)
    qtbot.keyClick(edit, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.view.isVisible(), timeout=10_000)
    assert recorder.calls[-1] is shell.session.vault and shell.session.vault.is_open
    shell._on_quit()  # what quitting does: lock, back up, drop the key
    assert not shell.session.is_unlocked
    _delete_windows(shell)


def test_lock_after_menu_is_remembered(qtbot, content, data_dir):
    shell = AppShell(content, load_settings(data_dir), data_dir)
    _first_run(qtbot, shell)
    menu = shell.window.view.findChild(QMenu, "menuLockAfter")
    ten = next(a for a in menu.actions() if a.data() == 10)
    assert next(a for a in menu.actions() if a.isChecked()).data() == 5  # the default
    ten.trigger()
    assert shell.session.idle_seconds == 600
    saved = json.loads((data_dir / "settings.json").read_text())
    assert saved["lock_after_minutes"] == 10
    shell._on_quit()
    _delete_windows(shell)


def test_the_real_command_reaches_an_interactive_window(tmp_path):
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", IPS_REFLECT_EXIT_WHEN_READY="1")
    env["IPS_REFLECT_DATA_DIR"] = str(tmp_path / "data")
    result = subprocess.run(
        [sys.executable, "-m", "ips_reflect"],
        capture_output=True,
        text=True,
        env=env,
        cwd=REPO,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "ready"
    assert "Traceback" not in result.stderr


def test_quit_waits_for_the_backup_and_says_so(qtbot, content, data_dir, monkeypatch):
    import threading

    import shiboken6
    from PySide6.QtWidgets import QApplication, QProgressDialog

    from ips_reflect.store.vault import Vault

    release = threading.Event()
    real = Vault.auto_backup

    def slow(self, **kw):
        assert release.wait(30)
        return real(self, **kw)

    shell = AppShell(content, load_settings(data_dir), data_dir)
    _first_run(qtbot, shell)
    quits: list[int] = []
    monkeypatch.setattr(shell.app, "quit", lambda: quits.append(1))
    monkeypatch.setattr(Vault, "auto_backup", slow)
    shell.quit()
    box = next(
        w
        for w in QApplication.topLevelWidgets()
        if isinstance(w, QProgressDialog) and w.objectName() == "finishingBackupDialog"
    )
    try:
        assert box.isVisible() and "backup" in box.labelText()
        assert quits == [] and not shell.session.is_unlocked  # locked at once, still waiting
        release.set()
        qtbot.waitUntil(lambda: quits == [1], timeout=30_000)
        assert list((data_dir / "backups").iterdir())
    finally:
        release.set()
        shell.session.backups.wait(30)
        if shiboken6.isValid(box):
            box.close()
        _delete_windows(shell)


def test_restore_from_the_vault_menu_locks_restores_and_asks_to_unlock(qtbot, content, data_dir):
    from ips_reflect.core.entries import Entry
    from ips_reflect.gui.shell.care import RestoreRequest
    from ips_reflect.ops import vault_care

    shell = AppShell(content, load_settings(data_dir), data_dir)
    _first_run(qtbot, shell)
    vault = shell.session.vault
    vault.entries.add(Entry(kind="journal", title="Kept", body="In the backup."))
    backup = vault_care.back_up_now(vault)
    vault.entries.add(Entry(kind="journal", title="Later", body="Not in the backup."))
    assert shell.vault_menu is not None
    shell.vault_menu.restoreRequested.emit(RestoreRequest(backup.path, TEST_PASSPHRASE, None))
    assert not shell.session.is_unlocked
    import shiboken6

    def asked_to_unlock() -> bool:
        dialog = shell.gate.dialog if shell.gate is not None else None
        return dialog is not None and shiboken6.isValid(dialog) and dialog.isVisible()

    qtbot.waitUntil(asked_to_unlock, timeout=30_000)
    intro = shell.gate.dialog.findChild(QLabel, "introLabel").text()
    assert "Restored 1 entry" in intro and "replaced-" in intro
    assert list(data_dir.glob("replaced-*/vault.db"))
    edit = shell.gate.dialog.findChild(QLineEdit, "passphraseEdit")
    qtbot.keyClicks(edit, TEST_PASSPHRASE)
    qtbot.keyClick(edit, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: shell.session.is_unlocked, timeout=15_000)
    assert [e.title for e in shell.session.vault.entries.list()] == ["Kept"]
    shell._on_quit()
    _delete_windows(shell)
