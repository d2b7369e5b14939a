"""Crash safety: a SIGKILL never loses a save that was reported, and a crashed
vault (WAL left behind) is still untouched by a wrong passphrase."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from ips_reflect.store.vault import Vault

from .conftest import PASSPHRASE, snapshot

pytestmark = pytest.mark.skipif(os.name != "posix", reason="needs SIGKILL")

REPO = Path(__file__).resolve().parents[2]

WRITER = textwrap.dedent(
    """
    import os, sys
    from ips_reflect.core.entries import Entry
    from ips_reflect.store.vault import Vault

    vault = Vault.unlock(sys.argv[1], os.environ["IPS_REFLECT_PASSPHRASE"])
    for i in range(int(sys.argv[2])):
        entry = vault.entries.add(
            Entry(kind="journal", title=f"save {i}", body="steady words " * 30, tags=["t"])
        )
        sys.stdout.write(entry.uid + "\\n")  # only after add() has committed
        sys.stdout.flush()
    """
)

HANG_IN_TRANSACTION = textwrap.dedent(
    """
    import os, sys, time
    from ips_reflect.core.entries import Entry
    from ips_reflect.store.vault import Vault

    vault = Vault.unlock(sys.argv[1], os.environ["IPS_REFLECT_PASSPHRASE"])
    for i in range(20):
        vault.entries.add(Entry(kind="journal", title=f"committed {i}"))
    conn = vault.db.conn
    conn.execute("PRAGMA cache_size = 2")  # force uncommitted pages out to the WAL
    conn.execute("BEGIN IMMEDIATE")
    for i in range(50):
        conn.execute("INSERT INTO kv(key, value) VALUES (?, ?)", (f"k{i}", '"' + "x" * 4000 + '"'))
    print("ready", flush=True)
    time.sleep(120)
    """
)


def _env(data_dir: Path, passphrase: str = PASSPHRASE) -> dict[str, str]:
    env = dict(os.environ)
    env["IPS_REFLECT_DATA_DIR"] = str(data_dir)
    env["IPS_REFLECT_PASSPHRASE"] = passphrase
    env["PYTHONPATH"] = str(REPO)
    return env


def _run_script(tmp_path: Path, code: str, *args: str, env: dict[str, str]) -> subprocess.Popen:
    script = tmp_path / "script.py"
    script.write_text(code)
    return subprocess.Popen(
        [sys.executable, str(script), *args],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env=env,
        cwd=tmp_path,
    )


def test_sigkill_mid_stream_loses_no_reported_save(data_dir, tmp_path):
    Vault.create(data_dir, PASSPHRASE)[0].close()
    proc = _run_script(tmp_path, WRITER, str(data_dir), "20000", env=_env(data_dir))
    assert proc.stdout is not None
    printed: list[bytes] = []
    deadline = time.monotonic() + 120
    while len(printed) < 1200 and time.monotonic() < deadline:
        line = proc.stdout.readline()
        if not line:
            break
        printed.append(line)
    os.kill(proc.pid, signal.SIGKILL)
    rest, err = proc.communicate(timeout=30)
    assert proc.returncode == -signal.SIGKILL, err.decode(errors="replace")
    lines = b"".join(printed) + rest
    uids = [x.decode() for x in lines.split(b"\n") if len(x) == 36]
    assert len(uids) >= 1000, err.decode(errors="replace")
    assert len(uids) < 20000  # it really was killed mid-stream

    with Vault.unlock(data_dir, PASSPHRASE) as vault:
        assert vault.verify().ok
        stored = {e.uid for e in vault.entries.list()}
        missing = [u for u in uids if u not in stored]
        assert missing == []
        assert len(vault.search("steady")) > 0


def test_wrong_passphrase_after_a_crash_with_wal_changes_nothing(data_dir, tmp_path):
    Vault.create(data_dir, PASSPHRASE)[0].close()
    proc = _run_script(tmp_path, HANG_IN_TRANSACTION, str(data_dir), env=_env(data_dir))
    assert proc.stdout is not None
    assert proc.stdout.readline().strip() == b"ready", proc.stderr.read() if proc.stderr else ""
    os.kill(proc.pid, signal.SIGKILL)
    proc.communicate(timeout=30)

    wal = data_dir / "vault.db-wal"
    assert wal.exists() and wal.stat().st_size > 0
    assert (data_dir / "vault.db-shm").exists()
    before = snapshot(data_dir)
    listing = sorted(os.listdir(data_dir))
    time.sleep(0.02)  # so that any write would show in the mtime

    for command in (["search", "committed"], ["verify"], ["export", "--format", "json", "-o", "-"]):
        result = subprocess.run(
            [sys.executable, "-m", "ips_reflect", "--data-dir", str(data_dir), *command],
            capture_output=True,
            text=True,
            env=_env(data_dir, "not the passphrase"),
            cwd=tmp_path,
            timeout=60,
        )
        assert result.returncode == 1, result.stderr
        assert "passphrase does not open this vault" in result.stderr
        assert "Traceback" not in result.stderr
        assert result.stdout == ""
        assert snapshot(data_dir) == before
        assert sorted(os.listdir(data_dir)) == listing

    with Vault.unlock(data_dir, PASSPHRASE) as vault:
        assert vault.verify().ok
        assert vault.entries.count() == 20
        assert vault.kv.keys() == []  # the unfinished transaction never happened
