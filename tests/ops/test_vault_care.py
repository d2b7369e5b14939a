"""Looking after the vault (``ops.vault_care``): the Vault menu's dialogs and the command
line list the same backups, run the same checks and refuse the same passphrases."""

from __future__ import annotations

import json
import os
import zipfile
from pathlib import Path

import pytest

from ips_reflect.cli import main
from ips_reflect.core.entries import Entry
from ips_reflect.errors import UserError
from ips_reflect.ops import vault_care as care

PASS = "kettle orbit marmalade tunnel"
NEW = "pebble lantern orchard violet compass"


def add_entries(vault, n: int) -> None:
    for i in range(n):
        vault.entries.add(Entry(kind="journal", title=f"Note {i}", body="A quiet day at work."))


def files(data_dir: Path) -> dict[str, bytes]:
    return {
        p.name: p.read_bytes() for p in data_dir.iterdir() if p.is_file() and p.name != "vault.lock"
    }


def test_backups_are_listed_newest_first_with_their_entry_count(vault, data_dir):
    add_entries(vault, 2)
    first = care.back_up_now(vault)
    add_entries(vault, 3)
    second = care.back_up_now(vault)
    listed = care.list_backups(data_dir)
    assert [b.path for b in listed] == [second.path, first.path]
    assert [b.entries for b in listed] == [5, 2]
    assert all(b.readable and b.size > 0 and b.created for b in listed)


def test_a_damaged_or_foreign_file_is_listed_as_unreadable_not_raised(vault, data_dir):
    good = care.back_up_now(vault)
    folder = care.backups_folder(data_dir)
    (folder / "vault-20000101-000000-000000.ipsbackup").write_bytes(b"not a zip at all")
    with zipfile.ZipFile(folder / "vault-20000102-000000-000000.ipsbackup", "w") as zf:
        zf.writestr("manifest.json", json.dumps({"format": "something/else"}))
    listed = care.list_backups(data_dir)
    assert listed[0].path == good.path and listed[0].readable
    assert [b.readable for b in listed[1:]] == [False, False]


def test_the_command_line_lists_the_same_backups_as_the_app(vault, data_dir, capsys, monkeypatch):
    add_entries(vault, 4)
    care.back_up_now(vault)
    care.back_up_now(vault)
    monkeypatch.delenv("IPS_REFLECT_PASSPHRASE", raising=False)  # no passphrase needed
    assert main(["--data-dir", str(data_dir), "backup", "list", "--json"]) == 0
    doc = json.loads(capsys.readouterr().out)
    assert doc["backups"] == [b.as_json() for b in care.list_backups(data_dir)]
    assert main(["--data-dir", str(data_dir), "backup", "list"]) == 0
    out = capsys.readouterr().out
    for b in care.list_backups(data_dir):
        assert b.path.name in out
    assert out.count("4 entries") == 2


def test_backup_list_with_no_backups_says_when_they_are_made(data_dir, capsys):
    assert main(["--data-dir", str(data_dir), "backup", "list"]) == 0
    assert "No automatic backups" in capsys.readouterr().out


def test_backup_without_a_file_or_list_says_what_to_give(vault, data_dir, capsys):
    assert main(["--data-dir", str(data_dir), "backup"]) == 1
    assert "-o FILE" in capsys.readouterr().err


def test_check_vault_says_what_is_there_in_words(vault):
    add_entries(vault, 2)
    result = care.check_vault(vault)
    assert result.ok and "2 entries" in result.summary and not result.problems


def test_change_passphrase_checks_the_current_one_first(vault, data_dir):
    before = files(data_dir)
    with pytest.raises(UserError, match="not your current passphrase"):
        care.change_passphrase(vault, "not the passphrase at all", NEW)
    with pytest.raises(UserError, match="guessed too easily"):
        care.change_passphrase(vault, PASS, "password1")
    assert files(data_dir) == before
    code = care.change_passphrase(vault, PASS, NEW)
    assert code and vault.check_passphrase(NEW) and not vault.check_passphrase(PASS)


def test_a_new_recovery_code_keeps_the_passphrase(vault):
    with pytest.raises(UserError, match="not your current passphrase"):
        care.new_recovery_code(vault, "not the passphrase at all")
    code = care.new_recovery_code(vault, PASS)
    assert code and vault.check_passphrase(PASS)


def test_restore_puts_the_backup_back_and_keeps_what_it_replaced(vault, data_dir):
    add_entries(vault, 1)
    backup = care.back_up_now(vault)
    add_entries(vault, 2)
    vault.close()
    result = care.restore(data_dir, backup.path, passphrase=PASS)
    assert result.entries == 1
    assert result.replaced_dir is not None and (result.replaced_dir / "vault.db").exists()
    assert os.stat(data_dir / "vault.db").st_size > 0


def test_an_old_weak_passphrase_can_still_get_a_new_recovery_code(data_dir, monkeypatch):
    """A vault made before the strength floor keeps working: a new code keeps its
    passphrase, and only a *new* passphrase must reach the floor."""
    from ips_reflect.store import vault as vault_mod

    with monkeypatch.context() as m:  # as set-up allowed before the floor
        m.setattr(vault_mod, "check_new_passphrase", lambda *_a, **_k: None)
        old, _ = vault_mod.Vault.create(data_dir, "password1")
    with old:
        assert care.new_recovery_code(old, "password1")
        assert old.check_passphrase("password1")
        with pytest.raises(UserError, match="guessed too easily"):
            care.change_passphrase(old, "password1", "password2")
