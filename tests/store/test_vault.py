"""Creating, unlocking, locking, passphrase change and recovery."""

from __future__ import annotations

import json
import os
import stat

import pytest

from ips_reflect.core.entries import Entry
from ips_reflect.errors import UserError
from ips_reflect.store import crypto
from ips_reflect.store.backup import read_backup, unlock_backup
from ips_reflect.store.crypto import DEFAULT_KDF
from ips_reflect.store.errors import (
    DatabaseDamaged,
    NewerSchema,
    NoVault,
    VaultClosed,
    VaultExists,
    WrongPassphrase,
    WrongRecoveryCode,
)
from ips_reflect.store.vault import Vault

from .conftest import FAST_KDF, PASSPHRASE, snapshot


def test_create_then_unlock(vault, data_dir):
    uid = vault.entries.add(Entry(kind="journal", title="first")).uid
    vault.close()
    assert not vault.is_open
    with Vault.unlock(data_dir, PASSPHRASE) as again:
        assert again.entries.get(uid).title == "first"
    assert Vault.exists(data_dir)


def test_files_and_folder_are_private(vault, data_dir):
    vault.entries.add(Entry(kind="journal", title="x"))
    assert stat.S_IMODE(data_dir.stat().st_mode) == 0o700
    files = [p for p in data_dir.iterdir() if p.is_file()]
    assert {p.name for p in files} >= {"vault.db", "header.json"}
    for p in files:
        assert stat.S_IMODE(p.stat().st_mode) == 0o600, p
    assert (data_dir / "vault.db-wal").exists()  # WAL mode


def test_create_refuses_an_existing_vault(vault, data_dir):
    with pytest.raises(VaultExists, match="already a vault"):
        Vault.create(data_dir, "another passphrase", kdf=FAST_KDF)


def test_create_refuses_a_short_passphrase(data_dir):
    with pytest.raises(UserError, match="at least 8 characters"):
        Vault.create(data_dir, "short", kdf=FAST_KDF)
    assert not data_dir.exists()


def test_unlock_without_a_vault(data_dir):
    with pytest.raises(NoVault, match="Run 'ips-reflect init' first"):
        Vault.unlock(data_dir, PASSPHRASE)


def test_wrong_passphrase_touches_nothing(vault, data_dir):
    vault.entries.add(Entry(kind="journal", title="x"))
    vault.close()
    before = snapshot(data_dir)
    with pytest.raises(WrongPassphrase) as info:
        Vault.unlock(data_dir, "not the passphrase")
    assert "passphrase does not open this vault" in info.value.message
    assert "ips-reflect recover" in info.value.message
    assert snapshot(data_dir) == before


def test_wrong_passphrase_never_opens_the_database(vault, data_dir, monkeypatch):
    vault.close()
    from ips_reflect.store import db

    def boom(*a, **k):
        raise AssertionError("database opened")

    monkeypatch.setattr(db, "_connect", boom)
    with pytest.raises(WrongPassphrase):
        Vault.unlock(data_dir, "not the passphrase")


def test_close_wipes_the_key_and_blocks_use(vault):
    key_buffer = vault._key
    vault.close()
    assert key_buffer is not None and all(b == 0 for b in key_buffer)
    with pytest.raises(VaultClosed):
        vault.search("x")
    with pytest.raises(VaultClosed):
        _ = vault.key


def test_change_passphrase_rekeys_so_no_old_header_opens(made, data_dir, tmp_path):
    vault, code = made
    vault.entries.add(Entry(kind="journal", title="kept"))
    old_header = (data_dir / "header.json").read_bytes()
    backup = vault.backup(tmp_path / "before.ipsbackup")
    new_code = vault.change_passphrase("a brand new passphrase", kdf=FAST_KDF)
    assert new_code != code
    assert vault.entries.count() == 1  # the open vault carries on with the new key
    vault.entries.add(Entry(kind="journal", title="after"))
    vault.close()
    with pytest.raises(WrongPassphrase):
        Vault.unlock(data_dir, PASSPHRASE)
    with Vault.unlock(data_dir, "a brand new passphrase") as v:
        assert v.entries.count() == 2 and v.verify().ok
    with Vault.unlock_with_recovery(data_dir, new_code) as v:
        assert v.entries.count() == 2
    with pytest.raises(WrongRecoveryCode):
        Vault.unlock_with_recovery(data_dir, code)
    # An old copy of the header (as in backups/ or replaced-*) with today's vault.db
    # no longer opens with the old passphrase or the old recovery code.
    current = (data_dir / "header.json").read_bytes()
    (data_dir / "header.json").write_bytes(old_header)
    with pytest.raises(DatabaseDamaged):
        Vault.unlock(data_dir, PASSPHRASE)
    with pytest.raises(DatabaseDamaged):
        Vault.unlock_with_recovery(data_dir, code)
    (data_dir / "header.json").write_bytes(current)
    # Each backup keeps the secrets it was made with.
    info = read_backup(backup)
    assert unlock_backup(info, passphrase=PASSPHRASE)


def test_check_passphrase(vault):
    assert vault.check_passphrase(PASSPHRASE)
    assert not vault.check_passphrase("something else")


def test_recovery_resets_passphrase_and_replaces_the_code(made, data_dir):
    vault, code = made
    vault.entries.add(Entry(kind="journal", title="kept"))
    vault.close()
    with pytest.raises(WrongRecoveryCode):
        Vault.unlock_with_recovery(data_dir, crypto.generate_recovery_code())
    again, new_code = Vault.reset_passphrase_with_recovery(
        data_dir, code.lower(), "my new passphrase", kdf=FAST_KDF
    )
    again.close()
    assert new_code != code
    with pytest.raises(WrongRecoveryCode):  # the used code is spent
        Vault.unlock_with_recovery(data_dir, code)
    with pytest.raises(WrongPassphrase):
        Vault.unlock(data_dir, PASSPHRASE)
    with Vault.unlock(data_dir, "my new passphrase") as v:
        assert v.entries.count() == 1
    with Vault.unlock_with_recovery(data_dir, new_code) as v:
        assert v.entries.count() == 1
    assert Vault.recover == Vault.reset_passphrase_with_recovery


def test_reset_refuses_short_passphrase_before_any_change(made, data_dir):
    vault, code = made
    vault.close()
    before = snapshot(data_dir)
    with pytest.raises(UserError, match="too short"):
        Vault.reset_passphrase_with_recovery(data_dir, code, "short")
    assert snapshot(data_dir) == before


def test_new_recovery_code_while_unlocked(made, data_dir):
    vault, code = made
    old_header = (data_dir / "header.json").read_bytes()
    fresh = vault.new_recovery_code(PASSPHRASE, kdf=FAST_KDF)
    vault.close()
    with pytest.raises(WrongRecoveryCode):
        Vault.unlock_with_recovery(data_dir, code)
    Vault.unlock_with_recovery(data_dir, fresh).close()
    Vault.unlock(data_dir, PASSPHRASE).close()  # the passphrase is kept
    (data_dir / "header.json").write_bytes(old_header)
    with pytest.raises(DatabaseDamaged):  # the old code opens nothing, old header or not
        Vault.unlock_with_recovery(data_dir, code)


def test_weak_kdf_is_upgraded_on_unlock(data_dir):
    vault, _ = Vault.create(data_dir, PASSPHRASE, kdf=FAST_KDF)
    vault.close()
    with Vault.unlock(data_dir, PASSPHRASE):
        pass
    doc = json.loads((data_dir / "header.json").read_text())
    assert doc["passphrase"]["kdf"] == DEFAULT_KDF.to_dict()
    assert doc["recovery"]["kdf"]["memory_cost"] == FAST_KDF.memory_cost  # needs the code
    Vault.unlock(data_dir, PASSPHRASE).close()


def test_database_that_does_not_match_the_header(made, data_dir, tmp_path):
    vault, _ = made
    vault.close()
    other_dir = tmp_path / "other"
    Vault.create(other_dir, PASSPHRASE, kdf=FAST_KDF)[0].close()
    (data_dir / "vault.db").write_bytes((other_dir / "vault.db").read_bytes())
    with pytest.raises(DatabaseDamaged, match="cannot be read with this vault's key"):
        Vault.unlock(data_dir, PASSPHRASE)


def test_missing_database(made, data_dir):
    made[0].close()
    (data_dir / "vault.db").unlink()
    with pytest.raises(DatabaseDamaged, match=r"no vault\.db"):
        Vault.unlock(data_dir, PASSPHRASE)
    assert not (data_dir / "vault.db").exists()  # not silently re-created


def test_newer_schema_is_refused(made, data_dir):
    vault, _ = made
    vault.db.execute("PRAGMA user_version = 99")
    vault.close()
    with pytest.raises(NewerSchema, match="newer IPS Reflect"):
        Vault.unlock(data_dir, PASSPHRASE)


def test_cannot_be_pickled(vault):
    import pickle

    with pytest.raises(TypeError):
        pickle.dumps(vault)


def test_unlock_tightens_a_loosened_folder(vault, data_dir):
    vault.close()
    os.chmod(data_dir, 0o755)
    Vault.unlock(data_dir, PASSPHRASE).close()
    assert stat.S_IMODE(data_dir.stat().st_mode) == 0o700


def test_counts(vault):
    vault.entries.add(Entry(kind="journal", title="apple pie"))
    gone = vault.entries.add(Entry(kind="journal", title="apple crumble"))
    vault.entries.delete(gone.uid)
    assert vault.counts()["entries"] == 1 and vault.counts()["in_bin"] == 1
    assert vault.search_count("apple") == 1
    assert vault.search_count("apple", include_bin=True) == 2
    assert vault.search_count('"') == 0
