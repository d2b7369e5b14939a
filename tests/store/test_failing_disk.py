"""A disk that fills up or fails while saving or backing up.

Errors are injected where the code meets the disk: ``write``, ``fsync`` and
``os.replace`` for files, SQLite's own "database or disk is full" (a real one,
through ``PRAGMA max_page_count``) and "disk I/O error" at ``COMMIT`` for the
database. After each failure:

* what was saved before is intact and readable (the vault unlocks, entries,
  search index and older backups are unchanged);
* no half-written file sits under the final name and no temporary file is left;
* the person gets a sentence (the command line exits 1, no traceback).
"""

from __future__ import annotations

import errno
import os
import shutil
import stat
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from ips_reflect.cli import main
from ips_reflect.core import settings as settings_mod
from ips_reflect.core.entries import Entry
from ips_reflect.core.settings import Settings, load_settings, save_settings
from ips_reflect.errors import UserError
from ips_reflect.fileio import atomic_write_bytes
from ips_reflect.store import db as db_mod
from ips_reflect.store.backup import restore_backup
from ips_reflect.store.errors import BackupError, StorageError, VaultError
from ips_reflect.store.vault import Vault

from .conftest import FAST_KDF, PASSPHRASE

ENOSPC = OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
EIO = OSError(errno.EIO, os.strerror(errno.EIO))

# --------------------------------------------------------------------------- injection


class FailingFile:
    """A file whose ``write`` stores half of the data and then fails, as a full disk does."""

    def __init__(self, fh: Any, error: OSError) -> None:
        self._fh = fh
        self._error = error

    def write(self, data: Any) -> int:
        self._fh.write(data[: len(data) // 2])
        raise self._error

    def __getattr__(self, name: str) -> Any:
        return getattr(self._fh, name)

    def __enter__(self) -> FailingFile:
        return self

    def __exit__(self, *exc: Any) -> Any:
        return self._fh.__exit__(*exc)


def _is_dir(fd: int) -> bool:
    return stat.S_ISDIR(os.fstat(fd).st_mode)


def inject(monkeypatch: pytest.MonkeyPatch, point: str, error: OSError) -> None:
    """Make the disk fail at ``point``: write, fsync, replace or dir-fsync."""
    if point == "write":
        real_fdopen = os.fdopen
        monkeypatch.setattr(
            os, "fdopen", lambda fd, *a, **k: FailingFile(real_fdopen(fd, *a, **k), error)
        )
    elif point in ("fsync", "dir-fsync"):
        real_fsync = os.fsync

        def fsync(fd: int) -> None:
            if (point == "dir-fsync") == _is_dir(fd):
                raise error
            real_fsync(fd)

        monkeypatch.setattr(os, "fsync", fsync)
    elif point == "replace":

        def replace(src: Any, dst: Any) -> None:
            raise error

        monkeypatch.setattr(os, "replace", replace)
    else:  # pragma: no cover
        raise AssertionError(point)


def sqlite_error(message: str, name: str) -> Exception:
    import sqlcipher3

    exc = sqlcipher3.OperationalError(message)
    exc.sqlite_errorname = name  # type: ignore[attr-defined]
    return exc


class FailingConnection:
    """The vault's SQLite connection, failing the statements that start with ``verb``
    (or the backup API) the way SQLite reports a failing disk."""

    def __init__(self, conn: Any, verb: str, error: Exception) -> None:
        self._conn = conn
        self._verb = verb
        self._error = error
        self.failures = 0

    def execute(self, sql: str, *args: Any) -> Any:
        if sql.lstrip().upper().startswith(self._verb):
            self.failures += 1
            raise self._error
        return self._conn.execute(sql, *args)

    def backup(self, *args: Any, **kwargs: Any) -> Any:
        if self._verb == "BACKUP":
            self.failures += 1
            raise self._error
        return self._conn.backup(*args, **kwargs)

    def __getattr__(self, name: str) -> Any:
        return getattr(self._conn, name)


@pytest.fixture
def failing_db(vault) -> Iterator[Callable[[str, Exception], FailingConnection]]:
    real = vault.db.conn

    def install(verb: str, error: Exception) -> FailingConnection:
        proxy = FailingConnection(real, verb, error)
        vault.db.conn = proxy
        return proxy

    yield install
    vault.db.conn = real


def leftovers(folder: Path) -> list[str]:
    """Temporary files or working folders a failed write might leave behind."""
    return sorted(
        str(p.relative_to(folder))
        for p in folder.rglob("*")
        if p.name.startswith(".") or p.name.endswith((".part", ".tmp"))
    )


def file_bytes(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in folder.rglob("*") if p.is_file()}


def _fill(vault: Vault, n: int = 3) -> list[str]:
    for i in range(n):
        vault.entries.add(
            Entry(kind="journal", title=f"kept {i}", body=f"steady words {i}", tags=["kept"])
        )
    return sorted(e.title for e in vault.entries.list())


def _reopen_titles(data_dir: Path) -> tuple[list[str], bool]:
    with Vault.unlock(data_dir, PASSPHRASE) as v:
        return sorted(e.title for e in v.entries.list()), v.verify().ok


def _cli(capsys, *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    assert "Traceback" not in err
    assert "unexpected problem" not in err, err
    return code, out, err


@pytest.fixture
def cli_env(monkeypatch) -> pytest.MonkeyPatch:
    monkeypatch.setenv("IPS_REFLECT_PASSPHRASE", PASSPHRASE)
    monkeypatch.setenv("IPS_REFLECT_DEBUG", "1")  # anything but a UserError raises here
    return monkeypatch


# --------------------------------------------------------------------------- saving entries


def _fill_the_disk(conn: Any) -> None:
    """SQLite's real 'database or disk is full': no page may be added any more."""
    pages = conn.execute("PRAGMA page_count").fetchone()[0]
    conn.execute(f"PRAGMA max_page_count = {pages}")


def test_adding_an_entry_to_a_full_disk_keeps_everything_saved_before(vault, data_dir):
    titles = _fill(vault)
    _fill_the_disk(vault.db.conn)
    with pytest.raises(StorageError) as info:
        vault.entries.add(Entry(kind="journal", title="lost", body="a long thought " * 3000))
    assert "(the disk is full)" in info.value.message
    assert "Anything you were saving just now was not saved" in info.value.message
    assert "Free some disk space" in info.value.message
    # The session goes on: what is there is still readable and searchable.
    assert sorted(e.title for e in vault.entries.list()) == titles
    assert vault.search("thought") == [] and len(vault.search("steady")) == 3
    vault.close()
    assert _reopen_titles(data_dir) == (titles, True)


def test_updating_an_entry_on_a_full_disk_keeps_the_old_text(vault, data_dir):
    _fill(vault)
    entry = next(e for e in vault.entries.list() if e.title == "kept 1")
    _fill_the_disk(vault.db.conn)
    with pytest.raises(StorageError, match="the disk is full"):
        vault.entries.update(replace_body(entry, "replacement " * 3000))
    vault.close()
    with Vault.unlock(data_dir, PASSPHRASE) as v:
        again = v.entries.get(entry.uid)
        assert again is not None and again.body == "steady words 1" and again.updated is None
        assert v.search("replacement") == []
        assert v.verify().ok


def replace_body(entry: Entry, body: str) -> Entry:
    from dataclasses import replace

    return replace(entry, body=body)


@pytest.mark.parametrize(
    "name, words",
    [
        ("SQLITE_IOERR_WRITE", "the disk reported a read or write error"),
        ("SQLITE_FULL", "the disk is full"),
        ("SQLITE_READONLY", "the files cannot be written to"),
    ],
)
def test_a_failing_commit_is_rolled_back(vault, data_dir, failing_db, name, words):
    titles = _fill(vault)
    proxy = failing_db("COMMIT", sqlite_error("disk I/O error", name))
    with pytest.raises(StorageError, match=words):
        vault.entries.add(Entry(kind="journal", title="lost", body="never stored"))
    with pytest.raises(StorageError):
        vault.entries.import_entries([Entry(kind="journal", title=f"batch {i}") for i in range(5)])
    assert proxy.failures == 2
    assert vault.db.conn.in_transaction is False  # rolled back, not left open
    assert sorted(e.title for e in vault.entries.list()) == titles
    vault.db.conn = proxy._conn  # the disk is back
    vault.entries.add(Entry(kind="journal", title="kept 3"))
    vault.close()
    assert _reopen_titles(data_dir) == ([*titles, "kept 3"], True)


def test_a_damaged_page_while_saving_is_a_sentence(vault, failing_db):
    _fill(vault)
    failing_db("INSERT", sqlite_error("database disk image is malformed", "SQLITE_CORRUPT"))
    with pytest.raises(UserError) as info:
        vault.entries.add(Entry(kind="journal", title="x"))
    assert "is damaged" in info.value.message and "ips-reflect verify" in info.value.message


def test_a_programming_error_is_not_blamed_on_the_disk(vault, failing_db):
    """Only disk and damage codes become sentences; a bug stays a bug."""
    import sqlcipher3

    failing_db("INSERT", sqlite_error("no such column: x", "SQLITE_ERROR"))
    with pytest.raises(sqlcipher3.OperationalError):
        vault.entries.add(Entry(kind="journal", title="x"))


def test_import_on_a_full_disk_through_the_command_line(vault, data_dir, tmp_path, capsys, cli_env):
    titles = _fill(vault)
    vault.close()
    path = tmp_path / "in.json"
    path.write_text(
        '{"format": "ips-reflect/entries", "version": 1, "entries": ['
        + ",".join(
            f'{{"kind": "journal", "created": "2026-11-02T09:30:00+00:00", "title": "new {i}",'
            f' "body": "{"long words " * 400}"}}'
            for i in range(20)
        )
        + "]}"
    )
    real_configure = db_mod.configure

    def configure_on_a_full_disk(conn: Any, *, wal: bool = True) -> None:
        real_configure(conn, wal=wal)
        _fill_the_disk(conn)

    cli_env.setattr(db_mod, "configure", configure_on_a_full_disk)
    code, out, err = _cli(capsys, "import", str(path))
    assert code == 1 and out == ""
    assert err.startswith("ips-reflect: IPS Reflect could not use the vault's files in ")
    assert "(the disk is full)" in err
    cli_env.setattr(db_mod, "configure", real_configure)
    assert _reopen_titles(data_dir) == (titles, True)


# --------------------------------------------------------------------------- atomic files

POINTS = [
    ("write", ENOSPC),
    ("write", EIO),
    ("fsync", EIO),
    ("replace", ENOSPC),
]


@pytest.mark.parametrize("point, error", POINTS)
def test_atomic_write_keeps_the_old_file(tmp_path, monkeypatch, point, error):
    target = tmp_path / "notes.json"
    target.write_bytes(b"old and complete")
    inject(monkeypatch, point, error)
    with pytest.raises(OSError) as info:
        atomic_write_bytes(target, b"new " * 10_000)
    assert info.value.errno == error.errno
    monkeypatch.undo()
    assert target.read_bytes() == b"old and complete"
    assert leftovers(tmp_path) == []


def test_a_failing_folder_fsync_after_the_rename_is_not_a_failed_write(tmp_path, monkeypatch):
    """Regression: the folder fsync ran after os.replace and its error was reported as
    a failed write, although the new file was already in place (for 'passwd' that
    said the passphrase was unchanged when the new one was in force)."""
    target = tmp_path / "notes.json"
    target.write_bytes(b"old")
    inject(monkeypatch, "dir-fsync", EIO)
    atomic_write_bytes(target, b"new")
    assert target.read_bytes() == b"new"
    assert leftovers(tmp_path) == []


def test_export_to_a_full_disk_keeps_the_previous_export(vault, tmp_path, capsys, cli_env):
    _fill(vault)
    vault.close()
    out = tmp_path / "entries.json"
    out.write_text("previous export")
    inject(cli_env, "write", ENOSPC)
    code, _out, err = _cli(capsys, "export", "--format", "json", "-o", str(out))
    assert code == 1
    assert err.strip() == f"ips-reflect: {out} could not be written (No space left on device)."
    assert out.read_text() == "previous export"
    assert leftovers(tmp_path) == []


# --------------------------------------------------------------------------- header


@pytest.mark.parametrize("point, error", POINTS)
def test_changing_the_passphrase_on_a_failing_disk(vault, data_dir, monkeypatch, point, error):
    header = data_dir / "header.json"
    before = header.read_bytes()
    inject(monkeypatch, point, error)
    with pytest.raises(StorageError) as info:
        vault.change_passphrase("a brand new passphrase", kdf=FAST_KDF)
    monkeypatch.undo()
    message = info.value.message
    # A failure while writing the re-keyed copy, or the header itself: either way
    # the old passphrase and recovery code still open the vault.
    assert f"({error.strerror})" in message
    assert "your passphrase and recovery code are unchanged" in message
    assert header.read_bytes() == before
    assert leftovers(data_dir) == []
    vault.close()
    with Vault.unlock(data_dir, PASSPHRASE) as v:  # the old passphrase still opens it
        assert v.verify().ok


def test_passwd_on_a_full_disk_through_the_command_line(
    vault, data_dir, capsys, cli_env, fast_unlock
):
    vault.close()
    before = (data_dir / "header.json").read_bytes()
    cli_env.setenv("IPS_REFLECT_NEW_PASSPHRASE", "a brand new passphrase")
    real_replace = os.replace
    inject(cli_env, "replace", ENOSPC)
    code, out, err = _cli(capsys, "passwd")
    cli_env.setattr(os, "replace", real_replace)
    assert code == 1 and "Passphrase changed" not in out
    assert "could not be written (No space left on device)" in err
    assert (data_dir / "header.json").read_bytes() == before


def test_unlock_upgrade_on_a_full_disk_still_opens(data_dir, monkeypatch):
    """Raising a weak key wrap is best effort: a full disk must not stop the unlock."""
    weak, _ = Vault.create(data_dir, PASSPHRASE, kdf=FAST_KDF)
    weak.close()
    before = (data_dir / "header.json").read_bytes()
    monkeypatch.setattr(
        Vault, "kdf_target", type(FAST_KDF)(memory_cost=16384, time_cost=1, parallelism=1)
    )
    inject(monkeypatch, "replace", ENOSPC)
    with Vault.unlock(data_dir, PASSPHRASE) as v:
        assert v.is_open
    assert (data_dir / "header.json").read_bytes() == before


def test_creating_a_vault_on_a_full_disk_leaves_nothing(data_dir, monkeypatch, capsys):
    inject(monkeypatch, "write", ENOSPC)
    with pytest.raises(VaultError) as info:
        Vault.create(data_dir, PASSPHRASE, kdf=FAST_KDF)
    assert info.value.message.startswith(
        f"The vault could not be created in {data_dir} (No space left on device)"
    )
    assert sorted(p.name for p in data_dir.iterdir()) == []
    assert not Vault.exists(data_dir)


def test_init_when_sqlite_finds_the_disk_full(data_dir, capsys, cli_env):
    from ips_reflect.store import vault as vault_mod

    cli_env.setattr(vault_mod, "DEFAULT_KDF", FAST_KDF)
    real_configure = db_mod.configure

    def configure(conn: Any, *, wal: bool = True) -> None:
        real_configure(conn, wal=wal)
        conn.execute("PRAGMA max_page_count = 1")

    cli_env.setattr(db_mod, "configure", configure)
    code, out, err = _cli(capsys, "init")
    assert code == 1 and "recovery code" not in out
    assert err.startswith(f"ips-reflect: The vault could not be created in {data_dir}")
    assert "(the disk is full)" in err
    assert not Vault.exists(data_dir)


# --------------------------------------------------------------------------- settings


@pytest.mark.parametrize("point, error", POINTS)
def test_settings_save_on_a_failing_disk(data_dir, monkeypatch, point, error):
    old = Settings(theme="dark", font_point_size=14)
    save_settings(data_dir, old)
    before = (data_dir / settings_mod.FILENAME).read_bytes()
    inject(monkeypatch, point, error)
    with pytest.raises(OSError) as info:  # the window shows it in the status bar
        save_settings(data_dir, old.changed(theme="high_contrast", font_point_size=20))
    monkeypatch.undo()
    assert info.value.strerror == error.strerror
    assert (data_dir / settings_mod.FILENAME).read_bytes() == before
    assert load_settings(data_dir) == old
    assert leftovers(data_dir) == []


# --------------------------------------------------------------------------- backups


@pytest.fixture
def backed_up(vault, data_dir) -> tuple[Vault, Path, bytes]:
    """A vault with entries, an automatic backup and that backup's bytes."""
    _fill(vault)
    first = vault.auto_backup()
    return vault, first, first.read_bytes()


@pytest.mark.parametrize("point, error", POINTS)
def test_backup_over_an_older_one_on_a_failing_disk(backed_up, data_dir, monkeypatch, point, error):
    vault, older, older_bytes = backed_up
    vault.entries.add(Entry(kind="journal", title="after the backup"))
    inject(monkeypatch, point, error)
    with pytest.raises(BackupError) as info:
        vault.backup(older)
    monkeypatch.undo()
    assert info.value.message == (
        f"The backup could not be written to {older} ({error.strerror}). Check there is "
        "space and that you may write there, then try again."
    )
    assert older.read_bytes() == older_bytes
    assert leftovers(data_dir) == []  # no .part file, no .backup-* working folder
    vault.close()
    restore_backup(data_dir, older, passphrase=PASSPHRASE)  # the old backup still works
    assert _reopen_titles(data_dir) == (["kept 0", "kept 1", "kept 2"], True)


@pytest.mark.parametrize("point, error", [("write", ENOSPC), ("replace", EIO)])
def test_automatic_backup_on_a_failing_disk_keeps_the_others(
    backed_up, data_dir, monkeypatch, point, error
):
    vault, _first, _ = backed_up
    more = [vault.auto_backup(keep=3) for _ in range(2)]
    kept = {p.name: p.read_bytes() for p in vault.backups()}
    assert len(kept) == 3
    inject(monkeypatch, point, error)
    with pytest.raises(BackupError, match="could not be written"):
        vault.auto_backup(keep=3)
    monkeypatch.undo()
    assert {p.name: p.read_bytes() for p in vault.backups()} == kept  # none rotated away
    assert leftovers(data_dir) == []
    vault.close()
    restore_backup(data_dir, more[-1], passphrase=PASSPHRASE)
    assert _reopen_titles(data_dir)[1]


def test_backup_when_the_working_folder_cannot_be_made(backed_up, data_dir, monkeypatch):
    vault, _, _ = backed_up

    def mkdtemp(*args: Any, **kwargs: Any) -> str:
        raise ENOSPC

    monkeypatch.setattr(tempfile, "mkdtemp", mkdtemp)
    with pytest.raises(BackupError, match=r"\(No space left on device\)"):
        vault.auto_backup()
    assert len(vault.backups()) == 1


@pytest.mark.parametrize(
    "name, expected",
    [
        ("SQLITE_FULL", BackupError),  # the copy of the database cannot be written
        ("SQLITE_IOERR_READ", BackupError),
        ("SQLITE_CORRUPT", UserError),  # the live database is damaged: say so
    ],
)
def test_sqlite_failing_during_the_backup_copy(backed_up, data_dir, failing_db, name, expected):
    vault, _, _ = backed_up
    failing_db("BACKUP", sqlite_error("failed", name))
    with pytest.raises(expected) as info:
        vault.auto_backup()
    if name == "SQLITE_CORRUPT":
        assert "is damaged" in info.value.message and "ips-reflect verify" in info.value.message
    else:
        assert "could not be written" in info.value.message
    assert len(vault.backups()) == 1
    assert leftovers(data_dir) == []


def test_backup_command_on_a_full_disk(backed_up, data_dir, tmp_path, capsys, cli_env):
    vault, _, _ = backed_up
    vault.close()
    out = tmp_path / "b.ipsbackup"
    inject(cli_env, "write", ENOSPC)
    code, stdout, err = _cli(capsys, "backup", "-o", str(out))
    assert code == 1 and "Backup written" not in stdout
    assert err.strip() == (
        f"ips-reflect: The backup could not be written to {out} (No space left on device). "
        "Check there is space and that you may write there, then try again."
    )
    assert not out.exists() and leftovers(tmp_path) == []


# --------------------------------------------------------------------------- restoring


def test_restore_on_a_full_disk_changes_nothing(backed_up, data_dir, monkeypatch):
    vault, backup, _ = backed_up
    vault.entries.add(Entry(kind="journal", title="newer than the backup"))
    vault.close()
    before = file_bytes(data_dir)

    def copy_half(src: Any, dst: Any, length: int = 0) -> None:
        dst.write(src.read(1000))
        raise ENOSPC

    monkeypatch.setattr(shutil, "copyfileobj", copy_half)
    with pytest.raises(BackupError) as info:
        restore_backup(data_dir, backup, passphrase=PASSPHRASE)
    monkeypatch.undo()
    assert info.value.message == (
        f"The backup {backup} could not be restored (No space left on device); your vault "
        "is unchanged. Free some disk space or check the drive, then try again."
    )  # not "the backup is damaged": the backup is fine
    assert file_bytes(data_dir) == before
    assert leftovers(data_dir) == []
    # With space again, the same backup restores.
    assert restore_backup(data_dir, backup, passphrase=PASSPHRASE).entries == 3


def test_restore_failing_half_way_through_the_swap_puts_the_vault_back(
    backed_up, data_dir, monkeypatch
):
    vault, backup, _ = backed_up
    vault.entries.add(Entry(kind="journal", title="newer than the backup"))
    vault.close()
    live = {k: v for k, v in file_bytes(data_dir).items() if "/" not in k}
    real_replace = os.replace
    calls = {"n": 0}

    def replace(src: Any, dst: Any) -> None:
        calls["n"] += 1
        if calls["n"] == 3:  # header and database moved aside; placing the new one fails
            raise EIO
        real_replace(src, dst)

    monkeypatch.setattr(os, "replace", replace)
    with pytest.raises(BackupError, match="your vault was put back as it was"):
        restore_backup(data_dir, backup, passphrase=PASSPHRASE)
    monkeypatch.undo()
    assert {k: v for k, v in file_bytes(data_dir).items() if "/" not in k} == live
    titles, ok = _reopen_titles(data_dir)
    assert "newer than the backup" in titles and ok
