"""One program at a time: while another process holds a vault, commands that would
swap or re-key its files refuse with a sentence naming the holder, and read-only
commands wait briefly, then say the vault is busy. A killed holder frees it."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from ips_reflect.cli import main
from ips_reflect.core.entries import Entry
from ips_reflect.store import lock as lock_mod
from ips_reflect.store.lock import VaultBusy, VaultLock
from ips_reflect.store.vault import Vault

from .conftest import FAST_KDF, PASSPHRASE

REPO = Path(__file__).resolve().parents[2]

HOLDER = textwrap.dedent(
    """
    import sys, time
    from pathlib import Path
    from ips_reflect.store import lock
    from ips_reflect.store.vault import Vault
    lock.default_holder = lock.HOLDER_APP
    v = Vault.unlock(Path(sys.argv[1]), sys.argv[2])
    print("held", flush=True)
    sys.stdin.read()  # until the test closes our stdin (or kills us)
    v.close()
    """
)


@pytest.fixture
def made(data_dir):
    vault, code = Vault.create(data_dir, PASSPHRASE, kdf=FAST_KDF)
    vault.entries.add(Entry(kind="journal", title="kept"))
    backup = vault.backup(data_dir.parent / "b.ipsbackup")
    vault.close()
    return code, backup


@pytest.fixture
def holder(made, data_dir, tmp_path):
    script = tmp_path / "holder.py"
    script.write_text(HOLDER)
    proc = subprocess.Popen(
        [sys.executable, str(script), str(data_dir), PASSPHRASE],
        cwd=REPO,
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert proc.stdout is not None
        assert proc.stdout.readline().strip() == "held"
        yield proc
    finally:
        if proc.poll() is None:
            proc.kill()
        proc.wait(timeout=30)


@pytest.fixture
def env(monkeypatch):
    monkeypatch.setenv("IPS_REFLECT_PASSPHRASE", PASSPHRASE)
    monkeypatch.setenv("IPS_REFLECT_NEW_PASSPHRASE", "a different long passphrase")
    monkeypatch.setattr(lock_mod, "default_wait", 0.0)
    monkeypatch.setattr(lock_mod, "default_holder", lock_mod.HOLDER_DEFAULT)
    return monkeypatch


def _cli(capsys, *args: str) -> tuple[int, str]:
    code = main(["--data-dir", os.environ["IPS_REFLECT_DATA_DIR"], *args])
    return code, capsys.readouterr().err


def _files(data_dir: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in data_dir.iterdir() if p.is_file()}


@pytest.mark.timeout(60)
@pytest.mark.parametrize("command", [["passwd"], ["restore", "B"], ["recover"], ["verify"]])
def test_commands_refuse_while_another_program_holds_the_vault(
    holder, made, env, data_dir, capsys, command
):
    code, backup = made
    env.setenv("IPS_REFLECT_RECOVERY_CODE", code)
    args = [str(backup) if a == "B" else a for a in command]
    before = _files(data_dir)
    started = time.monotonic()
    exit_code, err = _cli(capsys, *args)
    assert exit_code == 1
    assert "in use by the IPS Reflect app (process" in err and str(holder.pid) in err
    assert "nothing was done" in err
    assert "unexpected problem" not in err
    assert _files(data_dir) == before  # nothing swapped, nothing re-keyed
    assert time.monotonic() - started < lock_mod.default_wait + 5


@pytest.mark.timeout(60)
def test_read_commands_wait_briefly_then_say_busy(holder, made, env, data_dir, capsys):
    env.setattr(lock_mod, "default_wait", 0.0)
    from ips_reflect import cli

    env.setattr(cli, "COMMAND_LOCK_WAIT", 0.6)
    started = time.monotonic()
    exit_code, err = _cli(capsys, "search", "kept")
    waited = time.monotonic() - started
    assert exit_code == 1 and "is in use by the IPS Reflect app" in err
    assert 0.5 <= waited < 5


@pytest.mark.timeout(60)
def test_a_read_command_gets_in_once_the_holder_lets_go(holder, made, env, data_dir, capsys):
    from ips_reflect import cli

    env.setattr(cli, "COMMAND_LOCK_WAIT", 20.0)
    assert holder.stdin is not None
    holder.stdin.close()  # the holder closes its vault and exits shortly
    exit_code, _err = _cli(capsys, "search", "kept")
    assert exit_code == 0


@pytest.mark.timeout(60)
def test_a_killed_holder_frees_the_vault(holder, made, env, data_dir, capsys):
    os.kill(holder.pid, signal.SIGKILL)
    holder.wait(timeout=30)
    exit_code, err = _cli(capsys, "verify")
    assert exit_code == 0, err


@pytest.mark.timeout(60)
def test_a_second_app_refuses_with_a_sentence(holder, made, data_dir, monkeypatch, qapp):
    """``run_app`` while another process holds the vault shows why and exits 1."""
    import argparse

    from PySide6.QtWidgets import QMessageBox

    from ips_reflect.gui.shell import app as app_mod

    shown: list[str] = []
    monkeypatch.setattr(
        QMessageBox, "critical", staticmethod(lambda _p, _t, text: shown.append(text))
    )
    monkeypatch.setattr(lock_mod, "default_holder", lock_mod.HOLDER_DEFAULT)
    args = argparse.Namespace(data_dir=str(data_dir), content_dir=[])
    assert app_mod.run_app(args) == 1
    assert shown and "in use by the IPS Reflect app" in shown[0]


def test_the_lock_is_reentrant_within_one_process(made, data_dir):
    outer = VaultLock(data_dir, "outer").acquire()
    try:
        with Vault.unlock(data_dir, PASSPHRASE) as v:  # joins this process's hold
            assert v.entries.count() == 1
        assert lock_mod.held_here(data_dir)
    finally:
        outer.release()
    assert not lock_mod.held_here(data_dir)


def test_a_wrong_passphrase_touches_not_even_the_lock_file(made, data_dir):
    from ips_reflect.store.errors import WrongPassphrase

    before = {p.name: (p.read_bytes(), p.stat().st_mtime_ns) for p in data_dir.iterdir()}
    with pytest.raises(WrongPassphrase):
        Vault.unlock(data_dir, "not the passphrase at all")
    after = {p.name: (p.read_bytes(), p.stat().st_mtime_ns) for p in data_dir.iterdir()}
    assert after == before


@pytest.mark.timeout(60)
def test_busy_lock_names_the_holder_directly(holder, data_dir):
    with pytest.raises(VaultBusy, match=r"the IPS Reflect app \(process \d+, since"):
        VaultLock(data_dir).acquire()
