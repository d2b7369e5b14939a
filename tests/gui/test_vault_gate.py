"""First-run set-up, unlock and recovery, driven through the real dialogs."""

from __future__ import annotations

import json

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QLabel, QProgressBar, QPushButton

from ips_reflect.gui.shell.gate_forms import RecoverController, SetupController
from ips_reflect.gui.shell.uiloader import load_ui
from ips_reflect.gui.shell.vault_gate import UnlockController, VaultGate
from ips_reflect.store.vault import Vault
from tests.conftest import TEST_PASSPHRASE

NEW_PASSPHRASE = "violin harbour pepper lantern"


def _dialog(qtbot, name: str) -> QDialog:
    dialog = load_ui(name)
    assert isinstance(dialog, QDialog)
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def _make_vault(data_dir) -> str:
    vault, code = Vault.create(data_dir, TEST_PASSPHRASE)
    vault.close()
    return code


# --------------------------------------------------------------------------- unlock


def test_unlock_window_title_names_the_app(qtbot, data_dir):
    _make_vault(data_dir)
    dialog = _dialog(qtbot, "unlock")
    UnlockController(dialog, data_dir)
    assert "IPS Reflect" in dialog.windowTitle()


def test_enter_unlocks_with_the_right_passphrase(qtbot, data_dir):
    _make_vault(data_dir)
    dialog = _dialog(qtbot, "unlock")
    ctl = UnlockController(dialog, data_dir)
    qtbot.keyClicks(ctl.edit, TEST_PASSPHRASE)
    with qtbot.waitSignal(ctl.unlocked, timeout=10_000) as blocker:
        qtbot.keyClick(ctl.edit, Qt.Key.Key_Return)
    vault = blocker.args[0]
    try:
        assert vault.is_open
        assert ctl.edit.text() == ""  # the passphrase does not linger in the widget
        assert not dialog.isVisible()
    finally:
        vault.close()


def test_wrong_passphrase_says_so_and_allows_a_retry(qtbot, data_dir):
    _make_vault(data_dir)
    dialog = _dialog(qtbot, "unlock")
    ctl = UnlockController(dialog, data_dir)
    unlocked = []
    ctl.unlocked.connect(unlocked.append)
    qtbot.keyClicks(ctl.edit, "not my passphrase")
    qtbot.keyClick(ctl.edit, Qt.Key.Key_Return)
    error = dialog.findChild(QLabel, "errorLabel")
    qtbot.waitUntil(lambda: error.isVisible(), timeout=10_000)
    assert "does not open this vault" in error.text()
    assert "Use recovery code" in error.text() and "ips-reflect" not in error.text()
    assert ctl.edit.isEnabled() and ctl.edit.hasFocus()
    assert ctl.edit.selectedText() == "not my passphrase"  # typing replaces it
    assert unlocked == []
    qtbot.keyClicks(ctl.edit, TEST_PASSPHRASE)
    with qtbot.waitSignal(ctl.unlocked, timeout=10_000) as blocker:
        qtbot.mouseClick(ctl.unlock_button, Qt.MouseButton.LeftButton)
    blocker.args[0].close()


def test_key_derivation_runs_off_the_gui_thread_with_a_busy_bar(qtbot, data_dir):
    _make_vault(data_dir)
    dialog = _dialog(qtbot, "unlock")
    ctl = UnlockController(dialog, data_dir)
    qtbot.keyClicks(ctl.edit, TEST_PASSPHRASE)
    with qtbot.waitSignal(ctl.unlocked, timeout=10_000) as blocker:
        qtbot.keyClick(ctl.edit, Qt.Key.Key_Return)
        # The event loop is still ours while Argon2id runs in the worker.
        assert dialog.findChild(QProgressBar, "busyBar").isVisible()
        assert not ctl.edit.isEnabled()
    blocker.args[0].close()


def test_empty_passphrase_asks_for_one(qtbot, data_dir):
    _make_vault(data_dir)
    dialog = _dialog(qtbot, "unlock")
    ctl = UnlockController(dialog, data_dir)
    qtbot.keyClick(ctl.edit, Qt.Key.Key_Return)
    assert "Type your passphrase" in dialog.findChild(QLabel, "errorLabel").text()


# --------------------------------------------------------------------------- set-up


def _set_up(qtbot, data_dir):
    dialog = _dialog(qtbot, "setup")
    ctl = SetupController(dialog, data_dir)
    return dialog, ctl


def test_setup_shows_a_strength_hint_while_typing(qtbot, data_dir):
    dialog, ctl = _set_up(qtbot, data_dir)
    qtbot.keyClicks(ctl.pass_edit, "abc")
    assert ctl.strength_label.text().startswith("Too short")
    qtbot.keyClicks(ctl.pass_edit, " orbit marmalade tunnel violin")
    assert ctl.strength_label.text().startswith("Strong")
    assert dialog.findChild(QProgressBar, "strengthBar").value() == 4


def test_setup_refuses_mismatched_passphrases(qtbot, data_dir):
    dialog, ctl = _set_up(qtbot, data_dir)
    qtbot.keyClicks(ctl.pass_edit, TEST_PASSPHRASE)
    qtbot.keyClicks(ctl.confirm_edit, TEST_PASSPHRASE + "x")
    qtbot.mouseClick(ctl.create_button, Qt.MouseButton.LeftButton)
    assert "do not match" in dialog.findChild(QLabel, "errorLabel").text()
    assert not Vault.exists(data_dir)


def test_setup_refuses_a_passphrase_below_the_floor(qtbot, data_dir):
    dialog, ctl = _set_up(qtbot, data_dir)
    qtbot.keyClicks(ctl.pass_edit, "password")
    assert ctl.strength_label.text().startswith("Very weak")
    qtbot.keyClicks(ctl.confirm_edit, "password")
    qtbot.mouseClick(ctl.create_button, Qt.MouseButton.LeftButton)
    error = dialog.findChild(QLabel, "errorLabel").text()
    assert "guessed too easily" in error and "unrelated words" in error
    assert not Vault.exists(data_dir)


def test_setup_shows_the_whole_recovery_code_and_needs_confirmation(qtbot, data_dir):
    dialog, ctl = _set_up(qtbot, data_dir)
    qtbot.keyClicks(ctl.pass_edit, TEST_PASSPHRASE)
    qtbot.keyClicks(ctl.confirm_edit, TEST_PASSPHRASE)
    qtbot.keyClick(ctl.confirm_edit, Qt.Key.Key_Return)
    page = ctl.code_page
    qtbot.waitUntil(lambda: page.code_label.text() != "", timeout=10_000)
    shown = page.code_label.text().replace("-\n", "-")
    assert len(shown.replace("-", "")) == 24
    # Every character of the code fits on screen.
    label = page.code_label
    assert (
        label.fontMetrics().boundingRect(label.rect(), 0, label.text()).width()
        <= label.contentsRect().width()
    )
    # Escape cannot skip the code.
    qtbot.keyClick(page.confirm_edit, Qt.Key.Key_Escape)
    assert dialog.isVisible()
    done = dialog.findChild(QPushButton, "doneButton")
    qtbot.keyClicks(page.confirm_edit, "ZZZZ")
    assert not done.isEnabled()
    page.confirm_edit.clear()
    first = shown.split("-")[0]
    with qtbot.waitSignal(ctl.unlocked, timeout=5000) as blocker:
        qtbot.keyClicks(page.confirm_edit, first.lower())
        assert done.isEnabled()
        qtbot.keyClick(page.confirm_edit, Qt.Key.Key_Return)
    vault = blocker.args[0]
    try:
        assert vault.is_open and Vault.exists(data_dir)
        assert page.code_label.text() == ""
    finally:
        vault.close()
    # The code really opens the vault.
    Vault.unlock_with_recovery(data_dir, shown).close()


# --------------------------------------------------------------------------- recovery


def test_recovery_sets_a_new_passphrase_and_shows_a_new_code(qtbot, data_dir):
    code = _make_vault(data_dir)
    dialog = _dialog(qtbot, "recover")
    ctl = RecoverController(dialog, data_dir)
    qtbot.keyClicks(ctl.code_edit, code)
    qtbot.keyClicks(ctl.pass_edit, NEW_PASSPHRASE)
    qtbot.keyClicks(ctl.confirm_edit, NEW_PASSPHRASE)
    qtbot.keyClick(ctl.confirm_edit, Qt.Key.Key_Return)
    page = ctl.code_page
    qtbot.waitUntil(lambda: page.code_label.text() != "", timeout=10_000)
    new_code = page.code_label.text().replace("-\n", "-")
    assert new_code != code
    with qtbot.waitSignal(ctl.unlocked, timeout=5000) as blocker:
        qtbot.keyClicks(page.confirm_edit, new_code.split("-")[0])
        qtbot.keyClick(page.confirm_edit, Qt.Key.Key_Return)
    blocker.args[0].close()
    Vault.unlock(data_dir, NEW_PASSPHRASE).close()
    with pytest.raises(Exception, match="passphrase"):
        Vault.unlock(data_dir, TEST_PASSPHRASE)


def test_recovery_with_a_wrong_code_changes_nothing(qtbot, data_dir):
    _make_vault(data_dir)
    header = (data_dir / "header.json").read_bytes()
    dialog = _dialog(qtbot, "recover")
    ctl = RecoverController(dialog, data_dir)
    qtbot.keyClicks(ctl.code_edit, "AAAA-BBBB-CCCC-DDDD-EEEE-FFFF")
    qtbot.keyClicks(ctl.pass_edit, NEW_PASSPHRASE)
    qtbot.keyClicks(ctl.confirm_edit, NEW_PASSPHRASE)
    qtbot.mouseClick(ctl.reset_button, Qt.MouseButton.LeftButton)
    error = dialog.findChild(QLabel, "errorLabel")
    qtbot.waitUntil(lambda: error.isVisible(), timeout=10_000)
    assert "recovery code" in error.text().lower()
    assert (data_dir / "header.json").read_bytes() == header


# --------------------------------------------------------------------------- gate


def test_gate_offers_setup_first_then_unlock(qtbot, data_dir):
    first = VaultGate(data_dir).start()  # dialogs delete themselves on close
    assert first.objectName() == "SetupDialog"
    first.close()
    _make_vault(data_dir)
    second = VaultGate(data_dir).start()
    assert second.objectName() == "UnlockDialog"
    assert "IPS Reflect" in second.windowTitle()
    second.close()


def test_gate_switches_to_recovery_on_request(qtbot, data_dir):
    _make_vault(data_dir)
    gate = VaultGate(data_dir)
    cancelled = []
    gate.cancelled.connect(lambda: cancelled.append(True))
    dialog = gate.start()
    qtbot.mouseClick(dialog.findChild(QPushButton, "recoveryButton"), Qt.MouseButton.LeftButton)
    assert gate.dialog is not None and gate.dialog.objectName() == "RecoverDialog"
    assert cancelled == []  # switching is not quitting
    # Cancelling recovery goes back to unlock.
    qtbot.mouseClick(gate.dialog.findChild(QPushButton, "cancelButton"), Qt.MouseButton.LeftButton)
    assert gate.dialog.objectName() == "UnlockDialog"
    assert json.loads((data_dir / "header.json").read_text())  # untouched and valid
    gate.dialog.close()


def test_a_gate_dialog_is_deleted_once_closed_or_answered(qtbot, data_dir):
    """As WA_DeleteOnClose would have it (set as it closes; see GateDialog)."""
    import shiboken6
    from PySide6.QtCore import QEvent
    from PySide6.QtWidgets import QApplication

    Vault.create(data_dir, TEST_PASSPHRASE)[0].close()
    for finish in ("close", "reject"):
        gate = VaultGate(data_dir)
        dialog = gate.show_unlock()
        gate.dialog.rejected.disconnect()  # type: ignore[union-attr]
        getattr(dialog, finish)()
        QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
        assert not shiboken6.isValid(dialog), finish


def test_a_slow_first_unlock_says_why_and_puts_the_words_back(qtbot, data_dir, monkeypatch):
    """An upgrade can rebuild the search index once (seconds at 100,000 entries)."""
    import threading

    from ips_reflect import messages

    _make_vault(data_dir)
    go = threading.Event()

    def slow_open(d, passphrase):
        go.wait(10)  # until the test has seen the sentence
        return Vault.unlock(d, passphrase)

    monkeypatch.setattr(UnlockController, "SLOW_MS", 50)
    dialog = _dialog(qtbot, "unlock")
    ctl = UnlockController(dialog, data_dir, opener=slow_open)
    intro = dialog.findChild(QLabel, "introLabel")
    before = intro.text()
    qtbot.keyClicks(ctl.edit, TEST_PASSPHRASE)
    qtbot.keyClick(ctl.edit, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: intro.text() == messages.UNLOCK_STILL_OPENING, timeout=5000)
    with qtbot.waitSignal(ctl.unlocked, timeout=10_000) as blocker:
        go.set()
    blocker.args[0].close()
    assert intro.text() == before
