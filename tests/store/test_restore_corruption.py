"""Getting the journal back after the database file is damaged.

A vault with entries of every kind makes an automatic backup; then ``vault.db``
is damaged in the ways disks and sync tools damage files: pages overwritten in
the middle, cut in half, cut to nothing, replaced by other bytes, or deleted.

For each: opening says what happened in a sentence (never a traceback),
``ips-reflect verify`` exits 1, ``ips-reflect restore BACKUP`` brings back every
entry exactly, and the damaged file is moved aside into ``replaced-<time>/``
rather than deleted. A damaged vault never replaces good automatic backups.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from ips_reflect.cli import main
from ips_reflect.core.entries import Entry, entry_to_exchange
from ips_reflect.errors import UserError
from ips_reflect.store.errors import DatabaseDamaged
from ips_reflect.store.vault import Vault

from .conftest import PASSPHRASE

PAGE = 4096


def _entries() -> list[Entry]:
    out = []
    for i in range(40):
        out.append(
            Entry(
                kind=("preparation", "before_check", "after_reflection", "journal")[i % 4],
                created=f"2026-{1 + i % 12:02d}-{1 + i % 28:02d}T09:30:00+01:00",
                title=f"Entry {i}: talking about the interview",
                body="What helped, what I would keep to myself next time. " * 20,
                client_alias=f"C{i % 5}." if i % 2 else None,
                audience="client" if i % 3 == 0 else None,
                tags=["return-to-work", f"t{i % 3}"],
                answers={"box3.right_time": "yes", "q.scale": i % 5 + 1, "q.list": ["a", "b"]},
                warning_signs=["secrets"] if i % 7 == 0 else [],
                reasons=["hope"] if i % 2 == 0 else [],
                bring_to_supervision=i % 5 == 0,
            )
        )
    return out


def _everything(vault: Vault) -> list[dict]:
    """Every entry (bin included) as the exchange format sees it."""
    entries = vault.entries.list(in_bin=None, newest_first=False)
    return sorted(
        ({**entry_to_exchange(e), "in_bin": e.in_bin} for e in entries), key=lambda d: d["uid"]
    )


@pytest.fixture
def damaged_setup(vault, data_dir) -> tuple[Path, list[dict]]:
    """A vault with 40 entries (one in the bin), closed after an automatic backup."""
    global _FIRST_ENTRY_PAGE
    _FIRST_ENTRY_PAGE = int(vault.db.scalar("PRAGMA page_count"))
    vault.entries.import_entries(_entries())
    vault.entries.delete(vault.entries.list()[0].uid)
    expected = _everything(vault)
    backup = vault.auto_backup()
    vault.close()
    assert (data_dir / "vault.db").stat().st_size > 20 * PAGE
    return backup, expected


#: Pages before this one were written when the vault was made (the schema among them);
#: the entries added afterwards are in the pages from here on.
_FIRST_ENTRY_PAGE = 0


def overwrite_middle(db: Path) -> None:
    """Three pages in the middle of the entries' pages (not the schema's: a new table in
    a migration moves where the middle of the whole file falls)."""
    raw = bytearray(db.read_bytes())
    middle = (_FIRST_ENTRY_PAGE + len(raw) // PAGE) // 2
    raw[middle * PAGE : (middle + 3) * PAGE] = bytes(range(256)) * (3 * PAGE // 256)
    db.write_bytes(bytes(raw))


def cut_in_half(db: Path) -> None:
    raw = db.read_bytes()
    db.write_bytes(raw[: len(raw) // 2 + 123])


def cut_to_nothing(db: Path) -> None:
    db.write_bytes(b"")


def replace_with_other_bytes(db: Path) -> None:
    db.write_bytes(b"SQLite format 3\x00" + bytes(PAGE * 4))


def delete(db: Path) -> None:
    db.unlink()


DAMAGE: dict[str, Callable[[Path], None]] = {
    "pages overwritten": overwrite_middle,
    "cut in half": cut_in_half,
    "cut to nothing": cut_to_nothing,
    "other bytes": replace_with_other_bytes,
    "deleted": delete,
}


def open_and_read(data_dir: Path) -> tuple[DatabaseDamaged, bool]:
    """The error met when opening the vault and reading everything; and whether it opened."""
    opened = False
    try:
        with Vault.unlock(data_dir, PASSPHRASE) as v:
            opened = True
            _everything(v)
    except DatabaseDamaged as exc:
        return exc, opened
    raise AssertionError("the damage went unnoticed")


def run(capsys, *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    assert "Traceback" not in err and "unexpected problem" not in err, err
    return code, out, err


@pytest.fixture
def cli_env(monkeypatch):
    monkeypatch.setenv("IPS_REFLECT_PASSPHRASE", PASSPHRASE)
    monkeypatch.setenv("IPS_REFLECT_DEBUG", "1")  # anything but a UserError raises


@pytest.mark.parametrize("how", DAMAGE)
def test_damage_is_reported_then_restore_brings_every_entry_back(
    damaged_setup, data_dir, capsys, cli_env, how
):
    backup, expected = damaged_setup
    db = data_dir / "vault.db"
    DAMAGE[how](db)
    damaged = db.read_bytes() if db.exists() else None

    # Opening: a sentence that says to restore, or (pages in the middle) it opens and
    # the damage shows as soon as the entries are read.
    error, opened = open_and_read(data_dir)
    assert opened == (how == "pages overwritten")
    assert "'ips-reflect restore FILE'" in error.message
    if damaged is not None:  # looking did not change the damaged file
        assert db.read_bytes() == damaged

    code, out, err = run(capsys, "verify")
    assert code == 1 and not out.startswith("OK")
    assert err.startswith("ips-reflect: ") and "restore" in err

    code, out, err = run(capsys, "search", "interview")
    assert code == 1 and err.startswith("ips-reflect: ")

    code, out, err = run(capsys, "restore", str(backup))
    assert code == 0, err
    assert f"Restored 39 entries from {backup} into {data_dir}." in out
    aside = sorted(data_dir.glob("replaced-*"))
    assert len(aside) == 1 and f"The vault it replaced was kept in {aside[0]}" in out
    # The damaged file is kept, byte for byte, next to its header.
    assert (aside[0] / "header.json").exists()
    if damaged is None:
        assert not (aside[0] / "vault.db").exists()
    else:
        assert (aside[0] / "vault.db").read_bytes() == damaged

    with Vault.unlock(data_dir, PASSPHRASE) as v:
        assert _everything(v) == expected
        assert len(v.search("interview")) == 39
    code, out, _ = run(capsys, "verify")
    assert code == 0 and out.startswith("OK:") and "39 entries (1 in the bin)" in out


def test_verify_names_the_damaged_pages(damaged_setup, data_dir, capsys, cli_env):
    overwrite_middle(data_dir / "vault.db")
    code, _out, err = run(capsys, "verify")
    assert code == 1
    lines = err.strip().splitlines()
    assert lines[0] == (
        "ips-reflect: The vault failed its checks (listed below). Make a copy of the data "
        "folder, then restore your latest backup (Vault > Restore from a backup, or "
        "'ips-reflect restore FILE')."
    )
    assert any(
        line.startswith("encryption check: HMAC verification failed for page") for line in lines
    )


def test_an_empty_database_is_not_mistaken_for_a_new_vault(damaged_setup, data_dir):
    """Regression: a vault.db cut to 0 bytes opened as a new, empty vault; the journal
    looked empty and the next automatic backups rotated the good ones away."""
    backup, _ = damaged_setup
    cut_to_nothing(data_dir / "vault.db")
    with pytest.raises(DatabaseDamaged) as info:
        Vault.unlock(data_dir, PASSPHRASE)
    assert info.value.message == (
        f"{data_dir / 'vault.db'} holds none of the vault's data (the file is empty or was "
        "replaced), so it was not opened and nothing was changed. Restore your latest backup "
        f"with 'ips-reflect restore FILE'; automatic backups are in {backup.parent}."
    )
    assert (data_dir / "vault.db").read_bytes() == b""  # not turned into a new database


def test_a_database_without_tables_is_not_opened(damaged_setup, data_dir, tmp_path):
    """Same as above when the file was replaced by an empty database with the same key."""
    from ips_reflect.store.db import open_connection

    with Vault.unlock(data_dir, PASSPHRASE) as v:
        key = v.key
    db = data_dir / "vault.db"
    for suffix in ("", "-wal", "-shm"):
        Path(f"{db}{suffix}").unlink(missing_ok=True)
    open_connection(db, key, create=True).close()
    with pytest.raises(DatabaseDamaged, match="holds none of the vault's data"):
        Vault.unlock(data_dir, PASSPHRASE)


def test_a_damaged_vault_never_rotates_good_backups_away(damaged_setup, data_dir):
    """Regression: SQLCipher copies pages into a backup without checking them, so a
    damaged vault made 'good' backups of itself and, after ``keep`` locks, no backup
    that could be restored was left."""
    first, expected = damaged_setup
    overwrite_middle(data_dir / "vault.db")
    with Vault.unlock(data_dir, PASSPHRASE) as v:
        for _ in range(3):
            with pytest.raises(UserError) as info:
                v.auto_backup(keep=1)
            assert "so no backup was made and the earlier backups were kept" in info.value.message
        assert v.backups() == [first]
    from ips_reflect.store.backup import restore_backup

    assert restore_backup(data_dir, first, passphrase=PASSPHRASE).entries == 39
    with Vault.unlock(data_dir, PASSPHRASE) as v:
        assert _everything(v) == expected


def test_backup_command_on_a_damaged_vault(damaged_setup, data_dir, tmp_path, capsys, cli_env):
    overwrite_middle(data_dir / "vault.db")
    out = tmp_path / "new.ipsbackup"
    code, stdout, err = run(capsys, "backup", "-o", str(out))
    assert code == 1 and stdout == ""
    assert err.startswith(f"ips-reflect: The vault database {data_dir / 'vault.db'} is damaged")
    assert not out.exists()
