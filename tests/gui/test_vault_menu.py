"""The Vault menu, driven through its real dialogs over a real vault (offscreen).

Each test opens its own dialog through the window's action, drives it with qtbot,
waits (bounded) for the worker, and closes what it opened.
"""

from __future__ import annotations

import json
import zipfile
from pathlib import Path
from types import SimpleNamespace

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QApplication, QDialog, QLabel, QProgressBar

from ips_reflect import messages
from ips_reflect.core.entries import Entry
from ips_reflect.gui.shell.care import RestoreRequest, VaultMenu
from ips_reflect.gui.shell.care.menu import ACTIONS
from ips_reflect.gui.shell.session import VaultSession
from ips_reflect.ops import vault_care
from tests.conftest import TEST_PASSPHRASE

NEW_PASSPHRASE = "pebble lantern orchard violet compass"
WAIT_MS = 8000


def add_entries(vault, n: int) -> None:
    for i in range(n):
        vault.entries.add(Entry(kind="journal", title=f"Note {i}", body="A quiet day at work."))


def vault_files(data_dir: Path) -> dict[str, bytes]:
    """Every file in the data folder and below, with its bytes (the lock file aside)."""
    return {
        str(p.relative_to(data_dir)): p.read_bytes()
        for p in sorted(data_dir.rglob("*"))
        if p.is_file() and p.name != "vault.lock"
    }


@pytest.fixture
def app(qtbot, sample_content, vault, data_dir):
    from ips_reflect.gui.shell.app import create_main_window

    window = create_main_window(sample_content, data_dir=data_dir, features=False)
    qtbot.addWidget(window.view)
    session = VaultSession(idle_minutes=0)
    session.open(vault)
    window.show()
    qtbot.waitExposed(window.view)
    menu = VaultMenu(window, session, data_dir, keep=5)
    yield SimpleNamespace(window=window, session=session, menu=menu, vault=vault)
    for dialog in list(menu.dialogs.values()):
        if dialog.is_open:
            dialog.close()
    session.lock()  # the session stops watching the app's events
    session.backups.wait(30)
    session.backups.shutdown()
    window.view.close()


def trigger(qtbot, app, action: str, kind: str):
    app.window.action(action).trigger()
    dialog = app.menu.dialogs[kind]
    assert dialog.view.isVisible()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is dialog.view, timeout=WAIT_MS)
    return dialog


def wait_idle(qtbot, dialog) -> None:
    qtbot.waitUntil(lambda: not dialog.busy, timeout=WAIT_MS)


def confirm_code(qtbot, dialog) -> None:
    """Type the new code's first group back and press Done."""
    page = dialog.code_page
    first = page.code_label.text().split("-")[0].strip()
    assert first
    qtbot.keyClicks(page.confirm_edit, first)
    qtbot.mouseClick(page.done_button, Qt.MouseButton.LeftButton)


# --------------------------------------------------------------------------- the menu


def test_the_vault_menu_sits_between_file_and_view_with_six_actions(app):
    bar = app.window.view.menuBar()
    titles = [a.text() for a in bar.actions()]
    assert titles.index("V&ault") == titles.index("&File") + 1
    assert titles.index("Vie&w") == titles.index("V&ault") + 1
    for name in ACTIONS:
        action = app.window.action(name)
        assert action.text() and action.toolTip() and action.statusTip()
        assert action.isEnabled()


def test_the_actions_are_disabled_while_locked_and_back_after_unlock(app, qtbot):
    dialog = trigger(qtbot, app, "actionRestore", "restore")
    app.session.lock()
    assert not any(app.window.action(name).isEnabled() for name in ACTIONS)
    qtbot.waitUntil(lambda: not dialog.view.isVisible(), timeout=WAIT_MS)  # closed on lock
    assert app.menu.back_up_now() is None  # nothing opens on a locked vault
    app.session.backups.wait(10)
    from ips_reflect.store.vault import Vault

    again = Vault.unlock(app.vault.data_dir, TEST_PASSPHRASE)
    try:
        app.session.open(again)
        assert all(app.window.action(name).isEnabled() for name in ACTIONS)
    finally:
        again.close()


# --------------------------------------------------------------------------- passphrase


def test_a_weak_new_passphrase_is_refused_with_a_sentence(app, qtbot):
    dialog = trigger(qtbot, app, "actionChangePassphrase", "passphrase")
    qtbot.keyClicks(dialog.current_edit, TEST_PASSPHRASE)
    qtbot.keyClicks(dialog.pass_edit, "password1")
    assert dialog.meter.bar is not None and dialog.meter.bar.property("strength") <= 1
    qtbot.keyClicks(dialog.confirm_edit, "password1")
    qtbot.mouseClick(dialog.change_button, Qt.MouseButton.LeftButton)
    assert dialog.error_label.isVisible()
    assert dialog.error_label.text().endswith(".")
    assert "password1" not in dialog.error_label.text()
    assert not dialog.busy
    qtbot.keyClick(dialog.confirm_edit, Qt.Key.Key_Escape)
    assert not dialog.view.isVisible()


def test_a_wrong_current_passphrase_changes_nothing(app, qtbot, data_dir):
    before = vault_files(data_dir)
    dialog = trigger(qtbot, app, "actionChangePassphrase", "passphrase")
    qtbot.keyClicks(dialog.current_edit, "not my passphrase at all")
    qtbot.keyClicks(dialog.pass_edit, NEW_PASSPHRASE)
    qtbot.keyClicks(dialog.confirm_edit, NEW_PASSPHRASE)
    qtbot.keyClick(dialog.confirm_edit, Qt.Key.Key_Return)
    wait_idle(qtbot, dialog)
    assert dialog.error_label.text() == messages.CARE_CURRENT_WRONG
    assert dialog.current_edit.text() == "" and dialog.current_edit.hasFocus()
    assert vault_files(data_dir) == before
    assert app.vault.check_passphrase(TEST_PASSPHRASE)
    dialog.close()


def test_changing_the_passphrase_shows_a_new_code_that_must_be_confirmed(app, qtbot):
    dialog = trigger(qtbot, app, "actionChangePassphrase", "passphrase")
    qtbot.keyClicks(dialog.current_edit, TEST_PASSPHRASE)
    qtbot.keyClicks(dialog.pass_edit, NEW_PASSPHRASE)
    assert dialog.meter.label.text().startswith("Strong")
    qtbot.keyClicks(dialog.confirm_edit, NEW_PASSPHRASE)
    qtbot.mouseClick(dialog.change_button, Qt.MouseButton.LeftButton)
    assert dialog.busy and dialog.view.findChild(QProgressBar, "busyBar").isVisible()
    qtbot.waitUntil(lambda: dialog.showing_code, timeout=WAIT_MS)
    assert dialog.result_label.text() == messages.CARE_PASSPHRASE_CHANGED
    assert dialog.code_page.confirm_edit.hasFocus()
    assert dialog.pass_edit.text() == dialog.confirm_edit.text() == ""
    dialog.view.reject()  # Escape
    dialog.view.close()  # the window's close button
    assert dialog.view.isVisible(), "closed before the recovery code was confirmed"
    confirm_code(qtbot, dialog)
    assert not dialog.view.isVisible()
    assert app.window.view.statusBar().currentMessage() == messages.CARE_PASSPHRASE_DONE
    assert app.vault.check_passphrase(NEW_PASSPHRASE)
    assert not app.vault.check_passphrase(TEST_PASSPHRASE)


def test_a_new_recovery_code_keeps_the_passphrase(app, qtbot):
    dialog = trigger(qtbot, app, "actionNewRecoveryCode", "recovery")
    qtbot.mouseClick(dialog.make_button, Qt.MouseButton.LeftButton)
    assert dialog.error_label.text() == messages.CARE_CURRENT_EMPTY
    qtbot.keyClicks(dialog.current_edit, TEST_PASSPHRASE)
    qtbot.keyClick(dialog.current_edit, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: dialog.showing_code, timeout=WAIT_MS)
    assert not dialog.closable
    confirm_code(qtbot, dialog)
    assert not dialog.view.isVisible()
    assert app.window.view.statusBar().currentMessage() == messages.CARE_CODE_DONE
    assert app.vault.check_passphrase(TEST_PASSPHRASE)


# --------------------------------------------------------------------------- back up


def test_back_up_now_writes_a_backup_and_says_where(app, qtbot, data_dir, tmp_path):
    add_entries(app.vault, 2)
    dialog = trigger(qtbot, app, "actionBackUpNow", "backup")
    wait_idle(qtbot, dialog)
    made = list((data_dir / "backups").glob("*.ipsbackup"))
    assert len(made) == 1
    text = dialog.result_label.text()
    assert str(made[0]) in text and "2 entries" in text and dialog.result_label.isVisible()

    files = dialog.save_copy()
    files.selectFile(str(tmp_path / "my copy"))
    files.accept()
    wait_idle(qtbot, dialog)
    copy = tmp_path / "my copy.ipsbackup"
    assert copy.is_file()
    assert str(copy) in dialog.result_label.text()
    qtbot.mouseClick(dialog.close_button, Qt.MouseButton.LeftButton)
    assert not dialog.view.isVisible()


# --------------------------------------------------------------------------- restore


@pytest.fixture
def two_backups(app):
    add_entries(app.vault, 1)
    older = vault_care.back_up_now(app.vault)
    add_entries(app.vault, 2)
    newer = vault_care.back_up_now(app.vault)
    folder = vault_care.backups_folder(app.vault.data_dir)
    with zipfile.ZipFile(folder / "vault-20000101-000000-000000.ipsbackup", "w") as zf:
        zf.writestr("manifest.json", json.dumps({"format": "something/else"}))
    return newer, older


def test_restore_lists_the_backups_with_their_entries(app, qtbot, two_backups):
    newer, _older = two_backups
    dialog = trigger(qtbot, app, "actionRestore", "restore")
    model = dialog.model
    assert model.rowCount() == 3
    cells = [[model.index(r, c).data() for c in range(3)] for r in range(3)]
    assert [row[2] for row in cells] == ["3", "1", messages.CARE_UNREADABLE]
    assert not model.flags(model.index(2, 0)) & Qt.ItemFlag.ItemIsEnabled
    assert dialog.chosen == newer  # the newest readable one, ready to restore
    assert "3 backups" in dialog.listed_label.text()
    dialog.close()


def test_restore_with_the_wrong_passphrase_is_refused_and_changes_nothing(
    app, qtbot, two_backups, data_dir
):
    dialog = trigger(qtbot, app, "actionRestore", "restore")
    asked: list[object] = []
    app.menu.restoreRequested.connect(asked.append)
    before = vault_files(data_dir)
    qtbot.keyClicks(dialog.secret_edit, "not the passphrase")
    qtbot.mouseClick(dialog.next_button, Qt.MouseButton.LeftButton)
    assert dialog.stack.currentWidget() is dialog.confirm_page
    assert "replaced-" in dialog.confirm_label.text()
    qtbot.mouseClick(dialog.restore_button, Qt.MouseButton.LeftButton)
    wait_idle(qtbot, dialog)
    assert dialog.stack.currentWidget() is dialog.choose_page
    assert dialog.error_label.isVisible() and "not the passphrase" not in dialog.error_label.text()
    assert asked == []
    assert vault_files(data_dir) == before
    dialog.close()


def test_restore_with_the_right_passphrase_asks_the_shell_to_restore(app, qtbot, two_backups):
    _newer, older = two_backups
    dialog = trigger(qtbot, app, "actionRestore", "restore")
    dialog.table.selectRow(1)
    assert dialog.chosen == older
    qtbot.keyClicks(dialog.secret_edit, TEST_PASSPHRASE)
    qtbot.keyClick(dialog.secret_edit, Qt.Key.Key_Return)
    assert "1 entry" in dialog.confirm_label.text()
    with qtbot.waitSignal(app.menu.restoreRequested, timeout=WAIT_MS) as blocker:
        qtbot.mouseClick(dialog.restore_button, Qt.MouseButton.LeftButton)
    request = blocker.args[0]
    assert request == RestoreRequest(older.path, TEST_PASSPHRASE, None)
    assert TEST_PASSPHRASE not in repr(request)
    assert not dialog.view.isVisible()


def test_restore_another_file_with_that_times_recovery_code(app, qtbot, tmp_path):
    from ips_reflect.store.vault import Vault

    other_dir = tmp_path / "other"
    other, code = Vault.create(other_dir, NEW_PASSPHRASE)
    try:
        path = other.backup(tmp_path / "elsewhere.ipsbackup")
    finally:
        other.close()
    dialog = trigger(qtbot, app, "actionRestore", "restore")
    assert dialog.chosen is None and dialog.listed_label.text() == messages.CARE_RESTORE_NONE
    files = dialog.choose_file()
    files.selectFile(str(path))
    files.accept()
    assert dialog.chosen is not None and dialog.chosen.path == path
    assert dialog.chosen_label.isVisible()
    dialog.use_code_check.setChecked(True)
    assert dialog.secret_label.text() == messages.CARE_RESTORE_CODE_LABEL
    qtbot.keyClicks(dialog.secret_edit, code)
    qtbot.mouseClick(dialog.next_button, Qt.MouseButton.LeftButton)
    with qtbot.waitSignal(dialog.restoreRequested, timeout=WAIT_MS) as blocker:
        qtbot.mouseClick(dialog.restore_button, Qt.MouseButton.LeftButton)
    assert blocker.args[0] == RestoreRequest(path, None, code)


# --------------------------------------------------------------------------- check, folder


def test_check_the_vault_says_all_is_well(app, qtbot):
    add_entries(app.vault, 2)
    dialog = trigger(qtbot, app, "actionCheckVault", "check")
    wait_idle(qtbot, dialog)
    assert dialog.result_label.text().startswith("OK:")
    assert "2 entries" in dialog.result_label.text()
    assert not dialog.problems_label.isVisible()
    qtbot.mouseClick(dialog.close_button, Qt.MouseButton.LeftButton)
    assert not dialog.view.isVisible()


def test_open_data_folder_opens_it_or_shows_where_it_is(app, monkeypatch, data_dir):
    opened: list[str] = []

    def fake_open(url):
        opened.append(url.toLocalFile())
        return False

    monkeypatch.setattr(QDesktopServices, "openUrl", fake_open)
    app.window.action("actionOpenDataFolder").trigger()
    assert opened == [str(data_dir)]
    status = app.window.view.statusBar().currentMessage()
    assert status == messages.CARE_FOLDER_NOT_OPENED.format(folder=data_dir)
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: True)
    assert app.menu.open_data_folder()


# --------------------------------------------------------------------------- accessibility


def mnemonics(root) -> list[str]:
    """The Alt+letter keys of the visible labels and buttons in ``root``."""
    from PySide6.QtWidgets import QAbstractButton

    found = []
    for widget in root.findChildren(QLabel) + root.findChildren(QAbstractButton):
        text = widget.text().replace("&&", "")
        if widget.isVisible() and "&" in text:
            found.append(text[text.index("&") + 1].lower())
    return found


@pytest.mark.parametrize("kind", ["passphrase", "recovery", "backup", "restore", "check"])
def test_every_control_is_named_and_reachable_by_keyboard(app, qtbot, kind, two_backups):
    """The accessibility walk of tests/gui/test_accessibility.py, on each page of each
    dialog; and every label with a mnemonic has a buddy."""
    from test_accessibility import Walk, check_surface

    opener = {
        "passphrase": app.menu.change_passphrase,
        "recovery": app.menu.new_recovery_code,
        "backup": app.menu.back_up_now,
        "restore": app.menu.restore,
        "check": app.menu.check_vault,
    }[kind]
    dialog = opener()
    assert dialog is not None
    wait_idle(qtbot, dialog)
    walk = Walk()
    keys: list[list[str]] = []

    def look(surface: str) -> None:
        check_surface(walk, qtbot, surface, dialog.view)
        keys.append(mnemonics(dialog.view))

    look(f"dialog {kind}")
    if kind == "restore":
        dialog.secret_edit.setText(TEST_PASSPHRASE)
        dialog.next()
        look(f"dialog {kind}: confirm")
    elif hasattr(dialog, "code_page"):  # the recovery code page, as it looks
        dialog._show_code("ABCD-EFGH-JKLM-NPQR-STUV-WXYZ")
        look(f"dialog {kind}: code")
    for shown in keys:
        assert len(shown) == len(set(shown)), f"one Alt+key for two controls: {sorted(shown)}"
    assert len(walk.surfaces) == (1 if kind in ("backup", "check") else 2)
    assert not walk.problems, walk.report()
    for label in dialog.view.findChildren(QLabel):
        if "&" in label.text().replace("&&", ""):
            assert label.buddy() is not None, f"{label.objectName()} has a mnemonic, no buddy"
    dialog.close()
    QApplication.processEvents()
    assert not any(isinstance(w, QDialog) and w.isVisible() for w in QApplication.topLevelWidgets())
