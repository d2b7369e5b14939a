"""Opening a vault on a disk that refuses: only a key or authentication failure is
"damaged"; a full disk, a read-only or forbidden folder and a busy database each get
their own sentence, nothing is left beside the database, and SQLCipher's own log
lines never reach the terminal."""

from __future__ import annotations

import errno
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from ips_reflect.store import db as db_mod
from ips_reflect.store.errors import DatabaseDamaged, StorageError
from ips_reflect.store.vault import Vault

from .conftest import FAST_KDF, PASSPHRASE

REPO = Path(__file__).resolve().parents[2]


def sqlite_error(name: str) -> Exception:
    import sqlcipher3

    exc = sqlcipher3.OperationalError(name.lower())
    exc.sqlite_errorname = name  # type: ignore[attr-defined]
    return exc


class Refusing:
    """A real connection that fails one statement the way SQLite reports the disk."""

    def __init__(self, conn: Any, starts: str, error: Exception) -> None:
        self._conn, self._starts, self._error = conn, starts, error

    def execute(self, sql: str, *args: Any) -> Any:
        if sql.lstrip().upper().startswith(self._starts):
            raise self._error
        return self._conn.execute(sql, *args)

    def __getattr__(self, name: str) -> Any:
        return getattr(self._conn, name)


@pytest.fixture
def closed(data_dir):
    vault, _code = Vault.create(data_dir, PASSPHRASE, kdf=FAST_KDF)
    vault.close()
    return data_dir


def _refuse(monkeypatch, starts: str, error: Exception) -> None:
    real = db_mod._connect
    monkeypatch.setattr(db_mod, "_connect", lambda path: Refusing(real(path), starts, error))


class _Statvfs:
    def __init__(self, real: Any, *, readonly: bool = False, full: bool = False) -> None:
        self.f_flag = real.f_flag | (os.ST_RDONLY if readonly else 0)
        self.f_bavail = 0 if full else real.f_bavail
        self.f_favail = real.f_favail


def _disk(monkeypatch, **kw: bool) -> None:
    real = os.statvfs
    monkeypatch.setattr(os, "statvfs", lambda p: _Statvfs(real(p), **kw))


@pytest.mark.parametrize(
    "starts, error, disk, words",
    [
        ("SELECT COUNT(*) FROM SQLITE_MASTER", "SQLITE_CANTOPEN", {"readonly": True}, "read-only"),
        ("PRAGMA JOURNAL_MODE", "SQLITE_READONLY", {"readonly": True}, "read-only"),
        ("PRAGMA JOURNAL_MODE", "SQLITE_FULL", {}, "the disk is full"),
        ("SELECT COUNT(*) FROM SQLITE_MASTER", "SQLITE_IOERR_SHMOPEN", {"full": True}, "full"),
        ("SELECT COUNT(*) FROM SQLITE_MASTER", "SQLITE_BUSY", {}, "another program is using"),
        ("PRAGMA JOURNAL_MODE", "SQLITE_IOERR_WRITE", {}, "read or write error"),
    ],
)
def test_a_refusing_disk_is_not_called_damage(closed, monkeypatch, starts, error, disk, words):
    _refuse(monkeypatch, starts, sqlite_error(error))
    _disk(monkeypatch, **disk)
    with pytest.raises(StorageError) as info:
        Vault.unlock(closed, PASSPHRASE)
    message = info.value.message
    assert words in message
    assert "damaged" not in message and "restore" not in message.lower()
    assert "Nothing was changed" in message
    monkeypatch.undo()
    with Vault.unlock(closed, PASSPHRASE) as v:  # nothing was harmed
        assert v.verify().ok


def test_a_forbidden_folder_says_so(closed):
    error = db_mod.open_problem(OSError(errno.EACCES, "Permission denied"), closed / "vault.db")
    assert "not allowed to write in that folder" in error.message


def test_a_wrong_key_is_still_damage(closed, tmp_path):
    other, _ = Vault.create(tmp_path / "other", PASSPHRASE, kdf=FAST_KDF)
    other.close()
    (closed / "vault.db").write_bytes((tmp_path / "other" / "vault.db").read_bytes())
    with pytest.raises(DatabaseDamaged):
        Vault.unlock(closed, PASSPHRASE)


def test_a_failed_open_leaves_no_side_files(closed, monkeypatch):
    """SQLite makes -wal and -shm as soon as a WAL database is read; a failure after
    that must not leave them (an empty -wal or a stub -shm) beside vault.db."""
    assert sorted(p.name for p in closed.iterdir()) == ["header.json", "vault.db", "vault.lock"]
    _refuse(monkeypatch, "PRAGMA SYNCHRONOUS", sqlite_error("SQLITE_IOERR_WRITE"))
    with pytest.raises(StorageError):
        Vault.unlock(closed, PASSPHRASE)
    assert sorted(p.name for p in closed.iterdir()) == ["header.json", "vault.db", "vault.lock"]


def test_sqlcipher_never_prints_its_own_log_lines(closed, tmp_path):
    """A database that does not belong with the header: one sentence on stderr, not
    SQLCipher's "ERROR CORE sqlcipher_page_cipher: hmac check failed" lines."""
    other, _ = Vault.create(tmp_path / "other", PASSPHRASE, kdf=FAST_KDF)
    other.close()
    (closed / "vault.db").write_bytes((tmp_path / "other" / "vault.db").read_bytes())
    env = {**os.environ, "IPS_REFLECT_PASSPHRASE": PASSPHRASE}
    done = subprocess.run(
        [sys.executable, "-m", "ips_reflect", "--data-dir", str(closed), "verify"],
        cwd=REPO,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 1
    assert "ERROR CORE" not in done.stderr and "hmac" not in done.stderr
    assert done.stderr.count("\n") == 1 and "cannot be read with this vault's key" in done.stderr
