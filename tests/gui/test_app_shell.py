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
    assert list((data_dir / "backups").iterdir())  # encrypted backup on lock

    edit = unlock.findChild(QLineEdit, "passphraseEdit")
    qtbot.keyClicks(edit, TEST_PASSPHRASE)
    qtbot.keyClick(edit, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.view.isVisible(), timeout=10_000)
    assert recorder.calls[-1] is shell.session.vault and shell.session.vault.is_open
    shell._on_quit()  # what quitting does: lock, back up, drop the key
    assert not shell.session.is_unlocked


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
