"""Locking: on request, after idle time, and what a lock leaves behind."""

from __future__ import annotations

from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QLineEdit

from ips_reflect.gui.shell.session import VaultSession
from ips_reflect.store.vault import Vault
from tests.conftest import TEST_PASSPHRASE


def _open(data_dir):
    vault, _ = Vault.create(data_dir, TEST_PASSPHRASE)
    return vault


def test_lock_drops_the_key_and_takes_an_encrypted_backup(qtbot, data_dir):
    session = VaultSession(idle_minutes=5, backups_kept=3)
    vault = _open(data_dir)
    session.open(vault)
    with qtbot.waitSignal(session.locked) as blocker:
        session.lock()
    assert blocker.args == ["IPS Reflect is locked."]
    assert not vault.is_open and session.vault is None
    assert session.backups.wait(30)  # written by a worker after the lock
    backups = sorted((data_dir / "backups").iterdir())
    assert len(backups) == 1
    # The backup holds no readable header or text, only the encrypted vault.
    assert b"SQLite format 3" not in backups[0].read_bytes()


def test_automatic_backups_keep_only_the_last_n(qtbot, data_dir):
    session = VaultSession(backups_kept=2)
    for _ in range(4):
        session.open(
            Vault.unlock(data_dir, TEST_PASSPHRASE) if Vault.exists(data_dir) else _open(data_dir)
        )
        session.lock()
        assert session.backups.wait(30)
    assert len(list((data_dir / "backups").iterdir())) == 2


def test_idle_time_locks_the_vault(qtbot, data_dir):
    session = VaultSession(idle_minutes=5)
    session.open(_open(data_dir))
    session.idle_seconds = 0.3
    with qtbot.waitSignal(session.locked, timeout=5000) as blocker:
        pass
    assert "without use" in blocker.args[0]
    assert not session.is_unlocked


def test_typing_counts_as_activity(qtbot, data_dir):
    session = VaultSession(idle_minutes=5)
    session.open(_open(data_dir))
    edit = QLineEdit()
    qtbot.addWidget(edit)
    edit.show()
    session._last_activity -= 120  # two minutes ago
    assert session.idle_for() >= 120
    qtbot.keyClicks(edit, "a")
    assert session.idle_for() < 5
    session.lock()


def test_lock_clears_text_this_app_put_on_the_clipboard(qtbot, data_dir):
    session = VaultSession()
    session.open(_open(data_dir))
    edit = QLineEdit("my redundancy in 2019")
    qtbot.addWidget(edit)
    edit.show()
    edit.activateWindow()
    edit.setFocus()
    qtbot.waitUntil(lambda: QGuiApplication.focusWindow() is not None)
    edit.selectAll()
    edit.copy()  # Ctrl+C in the app
    clipboard = QGuiApplication.clipboard()
    assert clipboard.text() == "my redundancy in 2019"
    session.lock()
    assert clipboard.text() == ""


def test_lock_leaves_other_clipboard_text_alone(qtbot, data_dir):
    session = VaultSession()
    session.open(_open(data_dir))
    session.lock()  # text that arrives while locked is not ours
    clipboard = QGuiApplication.clipboard()
    clipboard.setText("a shopping list from another app")
    session.open(Vault.unlock(data_dir, TEST_PASSPHRASE))
    session.lock()
    assert clipboard.text() == "a shopping list from another app"


def test_locking_twice_is_harmless(qtbot, data_dir):
    session = VaultSession()
    session.open(_open(data_dir))
    locked = []
    session.locked.connect(locked.append)
    session.lock()
    session.lock()
    assert len(locked) == 1


def test_a_failed_automatic_backup_is_told_but_never_stops_the_lock(qtbot, data_dir, monkeypatch):
    from ips_reflect.store.errors import DatabaseDamaged

    session = VaultSession()
    vault = _open(data_dir)
    session.open(vault)

    def damaged(self, **_kw):
        raise DatabaseDamaged("The vault's database is damaged; earlier backups were kept.")

    monkeypatch.setattr(Vault, "auto_backup", damaged)
    locked: list[str] = []
    session.locked.connect(locked.append)
    with qtbot.waitSignal(session.backupFailed, timeout=10000) as failed:
        session.lock()
    assert not vault.is_open and not session.is_unlocked
    assert locked == ["IPS Reflect is locked."]
    assert "database is damaged" in failed.args[0]
    assert "database is damaged" in session.take_backup_problem()
    assert session.take_backup_problem() == ""  # told once


def test_lock_returns_before_the_backup_is_written(qtbot, data_dir, monkeypatch):
    """The window clears at once; a slow backup finishes on its worker afterwards."""
    import threading

    release = threading.Event()
    real = Vault.auto_backup

    def slow(self, **kw):
        assert release.wait(30)
        return real(self, **kw)

    monkeypatch.setattr(Vault, "auto_backup", slow)
    session = VaultSession()
    session.open(_open(data_dir))
    session.lock()  # returns although the backup is still waiting
    assert not session.is_unlocked and session.backups.running
    assert not (data_dir / "backups").exists() or not list((data_dir / "backups").iterdir())
    release.set()
    assert session.backups.wait(30) and not session.backups.running
    assert len(list((data_dir / "backups").iterdir())) == 1


def test_a_backup_is_no_longer_running_once_it_says_it_finished(qtbot, data_dir):
    """Quit waits for ``finished`` and then asks ``running``: were it still True when the
    signal arrives, the "finishing the backup" box would stay open for ever."""
    from PySide6.QtCore import Qt

    from ips_reflect.gui.shell.session import BackgroundBackup

    vault, _ = Vault.create(data_dir, TEST_PASSPHRASE)
    backups = BackgroundBackup()
    seen: list[bool] = []
    # Direct: the slot runs on the worker as the signal is emitted, the worst moment.
    backups.finished.connect(
        lambda _p: seen.append(backups.running), Qt.ConnectionType.DirectConnection
    )
    try:
        backups.start(vault.worker_copy(), keep=3)
        assert backups.wait(timeout=30)
    finally:
        vault.close()
        backups.shutdown()
    assert seen == [False]
