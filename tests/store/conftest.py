"""Fixtures for vault tests: a fast KDF (key derivation is tested on its own) and a
ready vault in the test's private data dir."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from ips_reflect.store.crypto import KdfParams
from ips_reflect.store.vault import Vault

PASSPHRASE = "correct horse battery"
FAST_KDF = KdfParams(memory_cost=8192, time_cost=1, parallelism=1)


@pytest.fixture
def fast_unlock(monkeypatch) -> None:
    """Do not upgrade fast test wraps to the default cost on unlock."""
    monkeypatch.setattr(Vault, "kdf_target", FAST_KDF)


@pytest.fixture
def made(data_dir: Path, fast_unlock) -> Iterator[tuple[Vault, str]]:
    """A new vault and its recovery code; closed afterwards."""
    vault, code = Vault.create(data_dir, PASSPHRASE, kdf=FAST_KDF)
    try:
        yield vault, code
    finally:
        vault.close()


@pytest.fixture
def vault(made) -> Vault:
    return made[0]


def snapshot(folder: Path) -> dict[str, tuple[bytes, int]]:
    """Every file under ``folder``: bytes and mtime (ns)."""
    out = {}
    for root, _dirs, files in os.walk(folder):
        for name in files:
            p = Path(root) / name
            out[str(p.relative_to(folder))] = (p.read_bytes(), p.stat().st_mtime_ns)
    return out
