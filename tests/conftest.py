"""Shared test set-up.

* Every test gets a fresh, private data dir through ``IPS_REFLECT_DATA_DIR``.
* No test may use the network, in this process or in any Python process a test
  starts (see ``tests/netguard/sitecustomize.py``): creating any socket but an
  ``AF_UNIX`` one, a name look-up or ``create_connection`` is refused *and* recorded,
  and a test during which anything was recorded fails, even if the code under test
  swallowed the refusal.
* Qt runs offscreen.
"""

from __future__ import annotations

import importlib.util
import os
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

REPO = Path(__file__).resolve().parent.parent
SHARED = REPO.parent / "shared"

# ----------------------------------------------------------------- the network guard

#: The folder whose ``sitecustomize.py`` every child Python process imports at start-up.
NETGUARD_DIR = Path(__file__).resolve().parent / "netguard"
#: Names the file child processes append their refused attempts to.
NETGUARD_LOG_ENV = "IPS_REFLECT_NETGUARD_LOG"


def with_netguard(pythonpath: str | None) -> str:
    """``pythonpath`` with the guard's folder first (once)."""
    parts = [p for p in (pythonpath or "").split(os.pathsep) if p]
    return os.pathsep.join([str(NETGUARD_DIR), *(p for p in parts if p != str(NETGUARD_DIR))])


def _load_netguard():
    """The guard module in charge of this process, installed.

    When this process was itself started with the guard on ``PYTHONPATH`` (a pytest run
    started by a test), Python already imported it as ``sitecustomize``; else load it
    from its file. ``install()`` is idempotent and returns the module in charge.
    """
    for name in ("sitecustomize", "ips_reflect_netguard"):
        module = sys.modules.get(name)
        if getattr(module, "IPS_REFLECT_NETGUARD", False):
            return module.install()
    spec = importlib.util.spec_from_file_location(
        "ips_reflect_netguard", NETGUARD_DIR / "sitecustomize.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module.install()


netguard = _load_netguard()
NetworkUsed = netguard.NetworkUsed

# Every child process: the guard on PYTHONPATH, and one log for the whole run (a pytest
# run started by a test keeps the log its parent gave it).
os.environ["PYTHONPATH"] = with_netguard(os.environ.get("PYTHONPATH"))
_OWN_LOG: str | None = None
if not os.environ.get(NETGUARD_LOG_ENV):
    _fd, _OWN_LOG = tempfile.mkstemp(prefix="ips-reflect-netguard-", suffix=".log")
    os.close(_fd)
    os.environ[NETGUARD_LOG_ENV] = _OWN_LOG
NETGUARD_LOG = Path(os.environ[NETGUARD_LOG_ENV])

# A test that hands a child process an environment of its own (``env=...``) may set
# PYTHONPATH itself (tests/test_packaging.py, tests/store/test_crash.py): put the guard
# back in front, and the log name in, so no child process escapes the guard.
_real_popen_init = subprocess.Popen.__init__


def _guarded_popen_init(self, args, *more, **kwargs):
    env = kwargs.get("env")
    if env is not None:
        env = dict(env)
        env["PYTHONPATH"] = with_netguard(env.get("PYTHONPATH"))
        env.setdefault(NETGUARD_LOG_ENV, os.environ[NETGUARD_LOG_ENV])
        kwargs["env"] = env
    _real_popen_init(self, args, *more, **kwargs)


if getattr(subprocess.Popen.__init__, "__name__", "") != "_guarded_popen_init":
    subprocess.Popen.__init__ = _guarded_popen_init  # type: ignore[method-assign]


# How much of the in-process list and of the shared log has been reported. Kept on the
# guard module, so a second copy of this file (``from tests.conftest import ...``) shares it.
_SEEN: dict[str, int] = netguard.__dict__.setdefault(
    "conftest_seen",
    {
        "attempts": len(netguard.ATTEMPTS),
        "log_offset": NETGUARD_LOG.stat().st_size if NETGUARD_LOG.exists() else 0,
    },
)


def take_network_attempts() -> list[str]:
    """Every attempt recorded since the last call: in this process, and in any child."""
    found = netguard.ATTEMPTS[_SEEN["attempts"] :]
    _SEEN["attempts"] = len(netguard.ATTEMPTS)
    try:
        with NETGUARD_LOG.open("rb") as log:
            log.seek(_SEEN["log_offset"])
            data = log.read()
    except FileNotFoundError:
        data = b""
    complete = data[: data.rfind(b"\n") + 1]  # a child may be half-way through a line
    _SEEN["log_offset"] += len(complete)
    mine = f"(pid {os.getpid()}:"  # this process's lines are already in ATTEMPTS
    found += [
        line
        for line in complete.decode("utf-8", "replace").splitlines()
        if line and mine not in line
    ]
    return found


def _network_message(when: str, tried: list[str]) -> str:
    lines = "\n".join(f"  - {t}" for t in tried)
    return f"IPS Reflect must never use the network; {when} tried:\n{lines}"


@pytest.hookimpl(wrapper=True)
def pytest_runtest_call(item):
    """Fail the test itself if it tried the network, even if the refusal was swallowed.
    (If the test failed anyway, its attempts are left for the teardown check below.)"""
    result = yield
    tried = take_network_attempts()
    if tried:
        pytest.fail(_network_message("this test", tried), pytrace=False)
    return result


@pytest.fixture(autouse=True)
def _no_network():
    """Also fail on attempts in a fixture's set-up or teardown."""
    yield
    tried = take_network_attempts()
    if tried:
        pytest.fail(_network_message("this test's fixtures", tried), pytrace=False)


@pytest.fixture
def network_attempts():
    """For tests of the guard itself: call it to take (and so excuse) what was recorded."""
    return take_network_attempts


def pytest_sessionfinish(session):
    """And on attempts after the last test (a session fixture's teardown)."""
    tried = take_network_attempts()
    if tried:
        print("\n" + _network_message("the test run", tried), file=sys.stderr)
        session.exitstatus = pytest.ExitCode.TESTS_FAILED
    if _OWN_LOG is not None and os.environ.get(NETGUARD_LOG_ENV) == _OWN_LOG:
        Path(_OWN_LOG).unlink(missing_ok=True)


@pytest.fixture(autouse=True)
def data_dir(tmp_path, monkeypatch) -> Path:
    """A fresh data dir for each test; no passphrase in the environment."""
    d = tmp_path / "data"
    from ips_reflect import logfile

    # A command run by an earlier test named its --data-dir for the crash log; forget it.
    monkeypatch.setattr(logfile, "_data_dir_arg", None)
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
