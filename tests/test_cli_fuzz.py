"""Damaged input files through the command line: exit 1, one sentence, vault unchanged.

``ips-reflect import`` and ``ips-reflect restore`` are run in-process with
``IPS_REFLECT_DEBUG=1``, so anything other than a :class:`UserError` would escape
as an exception and fail the test instead of being hidden behind the generic
"unexpected problem" line.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ips_reflect.cli import main
from ips_reflect.core.entries import Entry
from ips_reflect.store.crypto import KdfParams
from ips_reflect.store.vault import Vault

PASS = "a long enough passphrase"
FAST_KDF = KdfParams(memory_cost=8192, time_cost=1, parallelism=1)
GOOD = {
    "format": "ips-reflect/entries",
    "version": 1,
    "entries": [
        {"kind": "journal", "created": "2026-11-02T09:30:00+00:00", "title": "one"},
        {"kind": "before_check", "created": "2026-11-03T09:30:00+01:00", "audience": "client"},
    ],
}


@pytest.fixture
def vault_dir(data_dir, monkeypatch) -> Iterator[Path]:
    """A vault with two entries, closed; the passphrase and debug mode in the environment."""
    monkeypatch.setattr(Vault, "kdf_target", FAST_KDF)
    monkeypatch.setenv("IPS_REFLECT_PASSPHRASE", PASS)
    monkeypatch.setenv("IPS_REFLECT_DEBUG", "1")
    vault, _ = Vault.create(data_dir, PASS, kdf=FAST_KDF)
    with vault:
        vault.entries.add(Entry(kind="journal", title="already here", tags=["x"]))
        vault.entries.add(Entry(kind="after_reflection", title="and this"))
    yield data_dir


def stored(data_dir: Path) -> list[tuple[Any, ...]]:
    with Vault.unlock(data_dir, PASS) as v:
        rows = [tuple(r) for r in v.db.query("SELECT * FROM entries ORDER BY id")]
        return rows + [tuple(r) for r in v.db.query("SELECT rowid, * FROM entries_fts")]


def run(capsys, *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


BAD_FILES = {
    "latin-1": json.dumps(
        {**GOOD, "entries": [{**GOOD["entries"][0], "title": "café"}]}, ensure_ascii=False
    )
    .encode("utf-8")
    .replace("é".encode(), b"\xe9"),
    "cut short": json.dumps(GOOD).encode()[:-7],
    "year 0 in UTC": json.dumps(
        {**GOOD, "entries": [{**GOOD["entries"][0], "created": "0001-01-01T00:30:00+01:00"}]}
    ).encode(),
    "second entry wrong": json.dumps(
        {**GOOD, "entries": [GOOD["entries"][0], {**GOOD["entries"][1], "tags": "x"}]}
    ).encode(),
    "nested deeply": b'{"format": "ips-reflect/entries", "version": 1, "entries": ' + b"[" * 50_000,
    "huge number": json.dumps(GOOD)
    .encode()
    .replace(b'"version": 1', b'"version": 1' + b"0" * 5000),
    "NaN": json.dumps(GOOD).encode().replace(b'"version": 1', b'"version": NaN'),
}


@pytest.mark.parametrize("name", BAD_FILES)
def test_import_of_a_bad_file_changes_nothing(vault_dir, tmp_path, capsys, name):
    before = stored(vault_dir)
    path = tmp_path / "in.json"
    path.write_bytes(BAD_FILES[name])
    code, out, err = run(capsys, "import", str(path))
    assert code == 1 and out == ""
    assert err.startswith(f"ips-reflect: {path}")
    assert "nothing was imported" in err.lower()
    assert stored(vault_dir) == before


def test_import_of_mutated_files_through_the_command_line(vault_dir, tmp_path, capsys):
    good = json.dumps(GOOD).encode()
    path = tmp_path / "in.json"

    @settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.too_slow])
    @given(at=st.integers(0, len(good) - 1), junk=st.binary(max_size=4), cut=st.booleans())
    def check(at: int, junk: bytes, cut: bool) -> None:
        before = stored(vault_dir)
        path.write_bytes(good[:at] + (b"" if cut else junk + good[at + 1 :]))
        code, out, err = run(capsys, "import", str(path))
        if code == 0:
            assert out.startswith("Imported ")
        else:
            assert code == 1 and err.startswith(f"ips-reflect: {path}"), err
            assert stored(vault_dir) == before

    check()


def test_restore_of_damaged_backups_through_the_command_line(vault_dir, tmp_path, capsys):
    with Vault.unlock(vault_dir, PASS) as v:
        good = v.backup(tmp_path / "good.ipsbackup").read_bytes()
    files = {
        str(p.relative_to(vault_dir)): p.read_bytes() for p in vault_dir.rglob("*") if p.is_file()
    }
    path = tmp_path / "damaged.ipsbackup"
    for damaged in (
        good[: len(good) // 3],
        good[:100] + bytes(50) + good[150:],
        good.replace(b"ips-reflect/backup", b"ips-reflect/bakcup"),
        b"",
        b"PK\x05\x06" + bytes(18),
    ):
        path.write_bytes(damaged)
        code, out, err = run(capsys, "restore", str(path))
        assert code == 1 and out == ""
        assert err.startswith("ips-reflect: ") and str(path) in err
        assert "not an IPS Reflect backup" in err or "vault is unchanged" in err, err
        now = {
            str(p.relative_to(vault_dir)): p.read_bytes()
            for p in vault_dir.rglob("*")
            if p.is_file()
        }
        assert now == files
