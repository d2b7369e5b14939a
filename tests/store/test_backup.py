"""Backups, restore and verify."""

from __future__ import annotations

import json
import stat
import zipfile

import pytest

from ips_reflect.core.entries import Entry
from ips_reflect.store import backup as backup_mod
from ips_reflect.store.backup import read_backup, restore_backup
from ips_reflect.store.errors import (
    BackupError,
    DatabaseDamaged,
    WrongPassphrase,
    WrongRecoveryCode,
)
from ips_reflect.store.vault import Vault

from .conftest import PASSPHRASE, snapshot


def _fill(vault, n=3, word="original"):
    for i in range(n):
        vault.entries.add(Entry(kind="journal", title=f"{word} {i}", body="text"))


def test_backup_file_is_private_complete_and_encrypted(vault, tmp_path):
    _fill(vault)
    out = vault.backup(tmp_path / "b.ipsbackup")
    assert stat.S_IMODE(out.stat().st_mode) == 0o600
    with zipfile.ZipFile(out) as zf:
        assert set(zf.namelist()) == {"manifest.json", "header.json", "vault.db"}
        manifest = json.loads(zf.read("manifest.json"))
        assert manifest["format"] == "ips-reflect/backup" and manifest["schema"] >= 1
        assert not zf.read("vault.db").startswith(b"SQLite format 3")
    assert b"original" not in out.read_bytes()
    assert not list(vault.data_dir.glob(".backup-*"))  # working folder removed


def test_restore_replaces_the_vault_and_keeps_the_old_one_aside(vault, data_dir, tmp_path):
    _fill(vault, 2, "from-backup")
    out = vault.backup(tmp_path / "b.ipsbackup")
    _fill(vault, 5, "after-backup")
    vault.close()
    result = restore_backup(data_dir, out, passphrase=PASSPHRASE)
    assert result.entries == 2
    assert result.replaced_dir is not None and (result.replaced_dir / "vault.db").exists()
    assert stat.S_IMODE(result.replaced_dir.stat().st_mode) == 0o700
    with Vault.unlock(data_dir, PASSPHRASE) as v:
        assert v.entries.count() == 2
        assert len(v.search("from")) == 2 and v.search("after") == []
    assert not list(data_dir.glob(".restore-*"))


def test_restore_with_recovery_code(made, data_dir, tmp_path):
    vault, code = made
    _fill(vault, 1)
    out = vault.backup(tmp_path / "b.ipsbackup")
    vault.close()
    assert restore_backup(data_dir, out, recovery_code=code).entries == 1
    with pytest.raises(WrongRecoveryCode):
        restore_backup(data_dir, out, recovery_code=code[:-1] + ("2" if code[-1] != "2" else "3"))


def test_restore_with_wrong_passphrase_changes_nothing(vault, data_dir, tmp_path):
    _fill(vault)
    out = vault.backup(tmp_path / "b.ipsbackup")
    vault.close()
    before = snapshot(data_dir)
    with pytest.raises(WrongPassphrase, match="does not open the backup"):
        restore_backup(data_dir, out, passphrase="wrong passphrase")
    assert snapshot(data_dir) == before
    assert sorted(p.name for p in data_dir.iterdir()) == ["header.json", "vault.db", "vault.lock"]


def _rewrite_member(src, dst, name, data, fix_checksum=False):
    with zipfile.ZipFile(src) as zin, zipfile.ZipFile(dst, "w", zipfile.ZIP_STORED) as zout:
        manifest = json.loads(zin.read("manifest.json"))
        if fix_checksum:
            import hashlib

            manifest["vault_db_sha256"] = hashlib.sha256(data).hexdigest()
        for item in zin.namelist():
            if item == "manifest.json":
                zout.writestr(item, json.dumps(manifest))
            else:
                zout.writestr(item, data if item == name else zin.read(item))


@pytest.mark.parametrize("fix_checksum", [False, True])
def test_corrupt_backup_is_rejected_live_vault_untouched(vault, data_dir, tmp_path, fix_checksum):
    _fill(vault)
    good = vault.backup(tmp_path / "good.ipsbackup")
    vault.close()
    with zipfile.ZipFile(good) as zf:
        db = bytearray(zf.read("vault.db"))
    db[5000] ^= 0xFF  # one flipped byte inside a page
    bad = tmp_path / "bad.ipsbackup"
    _rewrite_member(good, bad, "vault.db", bytes(db), fix_checksum)
    before = snapshot(data_dir)
    with pytest.raises(BackupError, match="damaged and was not restored"):
        restore_backup(data_dir, bad, passphrase=PASSPHRASE)
    assert snapshot(data_dir) == before


@pytest.mark.parametrize(
    "content", [b"", b"PK\x03\x04 truncated", b"random bytes" * 100, b'{"format": "x"}']
)
def test_not_a_backup(vault, data_dir, tmp_path, content):
    path = tmp_path / "x.ipsbackup"
    path.write_bytes(content)
    with pytest.raises(BackupError, match="is not an IPS Reflect backup"):
        read_backup(path)


def test_truncated_backup(vault, tmp_path, data_dir):
    _fill(vault)
    good = vault.backup(tmp_path / "good.ipsbackup")
    vault.close()
    data = good.read_bytes()
    cut = tmp_path / "cut.ipsbackup"
    cut.write_bytes(data[: len(data) // 2])
    before = snapshot(data_dir)
    with pytest.raises(BackupError):
        restore_backup(data_dir, cut, passphrase=PASSPHRASE)
    assert snapshot(data_dir) == before


def test_restore_after_the_live_database_is_corrupted(vault, data_dir, tmp_path):
    for i in range(60):
        vault.entries.add(Entry(kind="journal", title=f"entry {i}", body="words " * 100))
    out = vault.backup(tmp_path / "b.ipsbackup")
    vault.close()
    db = data_dir / "vault.db"
    raw = bytearray(db.read_bytes())
    assert len(raw) > 4096 * 12
    raw[4096 * 10 + 200] ^= 0x55  # damage one page in the middle
    db.write_bytes(bytes(raw))
    with Vault.unlock(data_dir, PASSPHRASE) as v:
        report = v.verify()
    assert not report.ok
    assert any("HMAC verification failed for page 11" in p for p in report.problems)
    restore_backup(data_dir, out, passphrase=PASSPHRASE)
    with Vault.unlock(data_dir, PASSPHRASE) as v:
        assert v.entries.count() == 60 and v.verify().ok


def test_damaged_first_page_is_reported_on_unlock(vault, data_dir):
    vault.close()
    db = data_dir / "vault.db"
    raw = bytearray(db.read_bytes())
    raw[100] ^= 0x55
    db.write_bytes(bytes(raw))
    with pytest.raises(DatabaseDamaged, match="restore FILE"):
        Vault.unlock(data_dir, PASSPHRASE)


def test_restore_into_an_empty_folder(vault, tmp_path):
    _fill(vault, 1)
    out = vault.backup(tmp_path / "b.ipsbackup")
    fresh = tmp_path / "new-computer" / "data"
    result = restore_backup(fresh, out, passphrase=PASSPHRASE)
    assert result.replaced_dir is None
    assert stat.S_IMODE(fresh.stat().st_mode) == 0o700
    with Vault.unlock(fresh, PASSPHRASE) as v:
        assert v.entries.count() == 1


def test_verify_reports_counts_and_damage(vault):
    _fill(vault, 2)
    vault.entries.delete(vault.entries.list()[0].uid)
    vault.plans.save({})
    report = vault.verify()
    assert report.ok, report.problems
    assert report.counts["entries"] == 1 and report.counts["in_bin"] == 1
    assert report.counts["plan_versions"] == 1
    # An index that disagrees with the entries is reported.
    vault.db.execute("DELETE FROM entries_fts WHERE rowid = 1")
    assert any("search index" in p for p in vault.verify().problems)


def test_auto_backup_keeps_the_last_n(vault, data_dir):
    _fill(vault, 1)
    made = [vault.auto_backup(keep=3) for _ in range(5)]
    kept = vault.backups()
    assert kept == sorted(made[-3:], reverse=True)
    folder = data_dir / backup_mod.BACKUPS_DIR
    assert stat.S_IMODE(folder.stat().st_mode) == 0o700
    assert all(stat.S_IMODE(p.stat().st_mode) == 0o600 for p in kept)


def test_backup_to_a_missing_folder(vault, tmp_path):
    with pytest.raises(BackupError, match="does not exist"):
        vault.backup(tmp_path / "nope" / "b.ipsbackup")
