"""Backups and headers made to hurt: an empty database, demands for 4 GiB of Argon2,
and what a killed backup leaves behind."""

from __future__ import annotations

import hashlib
import json
import tempfile
import time
import zipfile
from pathlib import Path

import pytest

from ips_reflect.core.entries import Entry
from ips_reflect.store import backup as backup_mod
from ips_reflect.store.db import open_connection
from ips_reflect.store.errors import BackupError, HeaderDamaged
from ips_reflect.store.header import read_header
from ips_reflect.store.vault import Vault

from .conftest import FAST_KDF, PASSPHRASE, snapshot


@pytest.fixture
def made(data_dir):
    vault, _code = Vault.create(data_dir, PASSPHRASE, kdf=FAST_KDF)
    for i in range(3):
        vault.entries.add(Entry(kind="journal", title=f"entry {i}"))
    return vault


def _zip(path: Path, header: bytes, db_file: Path) -> Path:
    digest = hashlib.sha256(db_file.read_bytes()).hexdigest()
    manifest = {
        "format": "ips-reflect/backup",
        "version": 1,
        "created": "2026-12-01T10:00:00+00:00",
        "schema": 0,
        "vault_db_sha256": digest,
    }
    with zipfile.ZipFile(path, "w", zipfile.ZIP_STORED) as zf:
        zf.writestr("manifest.json", json.dumps(manifest))
        zf.writestr("header.json", header)
        zf.write(db_file, "vault.db")
    return path


def test_a_backup_with_an_empty_database_is_refused_before_any_swap(made, data_dir, tmp_path):
    """Its header opens (same key), its file checks out, but it holds no vault."""
    empty = tmp_path / "empty.db"
    open_connection(empty, made.key, create=True, wal=False).close()
    hostile = _zip(tmp_path / "empty.ipsbackup", (data_dir / "header.json").read_bytes(), empty)
    made.close()
    before = snapshot(data_dir)
    with pytest.raises(BackupError, match="holds an empty database"):
        backup_mod.restore_backup(data_dir, hostile, passphrase=PASSPHRASE)
    assert snapshot(data_dir) == before
    assert not list(data_dir.glob("replaced-*"))
    with Vault.unlock(data_dir, PASSPHRASE) as v:
        assert v.entries.count() == 3


def test_restore_reports_how_many_entries_it_brought_back(made, data_dir, tmp_path):
    out = made.backup(tmp_path / "good.ipsbackup")
    made.close()
    result = backup_mod.restore_backup(data_dir, out, passphrase=PASSPHRASE)
    assert result.entries == 3


def _greedy(header: dict, memory: int, passes: int) -> dict:
    for purpose in ("passphrase", "recovery"):
        header[purpose]["kdf"]["memory_cost"] = memory
        header[purpose]["kdf"]["time_cost"] = passes
    return header


@pytest.mark.timeout(30)
@pytest.mark.parametrize(
    "memory, passes", [(4 * 1024 * 1024, 3), (65536, 500), (2 * 1024 * 1024, 12)]
)
def test_a_hostile_backup_header_is_refused_before_any_key_work(
    made, data_dir, tmp_path, memory, passes
):
    good = made.backup(tmp_path / "good.ipsbackup")
    made.close()
    with zipfile.ZipFile(good) as zf:
        header = json.loads(zf.read("header.json"))
        db_bytes = zf.read("vault.db")
    copy = tmp_path / "vault.db"
    copy.write_bytes(db_bytes)
    hostile = _zip(
        tmp_path / "greedy.ipsbackup", json.dumps(_greedy(header, memory, passes)).encode(), copy
    )
    before = snapshot(data_dir)
    started = time.monotonic()
    with pytest.raises(BackupError) as info:
        backup_mod.restore_backup(data_dir, hostile, passphrase=PASSPHRASE)
    assert time.monotonic() - started < 1.0
    assert "ask for more than any IPS Reflect vault uses" in info.value.message
    assert "1024 MiB" in info.value.message and "10 passes" in info.value.message
    assert snapshot(data_dir) == before


def test_a_hostile_live_header_is_refused_before_any_key_work(made, data_dir):
    made.close()
    path = data_dir / "header.json"
    path.write_text(json.dumps(_greedy(json.loads(path.read_text()), 4 * 1024 * 1024, 64)))
    started = time.monotonic()
    with pytest.raises(HeaderDamaged, match="ask for more than any IPS Reflect vault uses"):
        read_header(data_dir)
    assert time.monotonic() - started < 1.0


def _leftovers(data_dir: Path) -> list[Path]:
    stage = Path(tempfile.mkdtemp(prefix=".backup-", dir=data_dir))
    (stage / "vault.db").write_bytes(b"\0" * 4096)  # a killed backup's encrypted copy
    restore_stage = Path(tempfile.mkdtemp(prefix=".restore-", dir=data_dir))
    backups = data_dir / "backups"
    backups.mkdir(exist_ok=True)
    _fd, part = tempfile.mkstemp(dir=backups, prefix=".vault-20261201.ipsbackup.", suffix=".part")
    _fd2, header_part = tempfile.mkstemp(dir=data_dir, prefix=".header.json.", suffix=".part")
    return [stage, restore_stage, Path(part), Path(header_part)]


def test_a_killed_backups_leftovers_are_cleaned_at_the_next_unlock(made, data_dir):
    made.close()
    left = _leftovers(data_dir)
    with Vault.unlock(data_dir, PASSPHRASE) as v:
        assert v.entries.count() == 3
    assert not any(p.exists() for p in left)
    assert sorted(p.name for p in data_dir.iterdir()) == [
        "backups",
        "header.json",
        "vault.db",
        "vault.lock",
    ]


def test_leftovers_are_cleaned_at_the_next_automatic_backup(made, data_dir):
    left = _leftovers(data_dir)
    made.auto_backup()
    assert not any(p.exists() for p in left)
    assert len(list((data_dir / "backups").glob("vault-*.ipsbackup"))) == 1
