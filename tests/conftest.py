"""Shared test set-up.

* Every test gets a fresh, private data dir through ``IPS_REFLECT_DATA_DIR``.
* No test may open a network socket: the guard below fails the test that tries.
* Qt runs offscreen.
"""

from __future__ import annotations

import os
import socket
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

REPO = Path(__file__).resolve().parent.parent
SHARED = REPO.parent / "shared"

_real_connect = socket.socket.connect
_real_connect_ex = socket.socket.connect_ex
_real_bind = socket.socket.bind


class NetworkUsed(AssertionError):
    pass


def _guard(real):
    def guarded(self, address, *args, **kwargs):
        if self.family in (socket.AF_INET, socket.AF_INET6):
            raise NetworkUsed(f"IPS Reflect must never use the network (tried {address!r})")
        return real(self, address, *args, **kwargs)

    return guarded


def pytest_sessionstart(session):
    socket.socket.connect = _guard(_real_connect)
    socket.socket.connect_ex = _guard(_real_connect_ex)
    socket.socket.bind = _guard(_real_bind)


@pytest.fixture(autouse=True)
def data_dir(tmp_path, monkeypatch) -> Path:
    """A fresh data dir for each test; no passphrase in the environment."""
    d = tmp_path / "data"
    monkeypatch.setenv("IPS_REFLECT_DATA_DIR", str(d))
    monkeypatch.delenv("IPS_REFLECT_PASSPHRASE", raising=False)
    monkeypatch.delenv("IPS_REFLECT_DEBUG", raising=False)
    return d


@pytest.fixture(scope="session")
def content():
    """The built-in question packs, loaded once."""
    from ips_reflect.core.content import load_content

    return load_content()


TEST_PASSPHRASE = "kettle orbit marmalade tunnel"


@pytest.fixture
def vault(data_dir):
    """A real, unlocked vault in the test's data dir (passphrase TEST_PASSPHRASE)."""
    from ips_reflect.store.vault import Vault

    v, _code = Vault.create(data_dir, TEST_PASSPHRASE)
    try:
        yield v
    finally:
        v.close()
