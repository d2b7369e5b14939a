"""Re-keying on a new passphrase or recovery code, killed at every step.

The promise: a crash (here SIGKILL, which no code can catch) at any point of
``passwd``/``recover`` leaves a vault that opens with either the old or the new
passphrase, never neither, with every entry in it; and once the new header is in
place, no old header opens today's database.
"""

from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from ips_reflect.core.entries import Entry
from ips_reflect.store.errors import DatabaseDamaged, WrongPassphrase
from ips_reflect.store.vault import Vault

from .conftest import FAST_KDF, PASSPHRASE

REPO = Path(__file__).resolve().parents[2]
NEW = "a completely new passphrase"
ENTRIES = 120

CHILD = textwrap.dedent(
    """
    import os, signal, sys
    from pathlib import Path
    from ips_reflect.store import rekey, vault as vault_mod
    from ips_reflect.store.crypto import KdfParams

    data_dir, point = Path(sys.argv[1]), sys.argv[2]
    vault_mod.Vault.kdf_target = KdfParams(8192, 1, 1)  # no slow upgrade on unlock

    def die(*_a, **_k):
        os.kill(os.getpid(), signal.SIGKILL)

    def after(real):
        def wrapped(*a, **k):
            result = real(*a, **k)
            die()
            return result
        return wrapped

    if point == "during-export":
        rekey.fsync_file = die                      # copy written, not yet durable
    elif point == "after-check":
        rekey.check_copy = after(rekey.check_copy)  # copy checked, old db still live
    elif point == "before-header":
        vault_mod.write_header = die                # old connection closed
    elif point == "after-header":
        vault_mod.write_header = after(vault_mod.write_header)  # the commit point
    elif point == "during-swap":                    # old side files gone, no rename yet
        calls, real_pending = [], rekey.pending_path
        def pending(d):
            calls.append(d)
            if len(calls) == 3:  # unlock's check, the copy's name, then the rename
                die()
            return real_pending(d)
        rekey.pending_path = pending
    elif point == "renamed-not-synced":
        rekey.fsync_dir = die                       # renamed, folder not yet fsynced
    elif point == "after-swap":
        rekey.swap_in = after(rekey.swap_in)        # renamed, not reopened
    v = vault_mod.Vault.unlock(data_dir, sys.argv[3])
    v.renew_secrets(sys.argv[4], kdf=KdfParams(8192, 1, 1))
    print("finished")
    """
)

POINTS = [
    ("during-export", "old"),
    ("after-check", "old"),
    ("before-header", "old"),
    ("after-header", "new"),
    ("during-swap", "new"),
    ("renamed-not-synced", "new"),
    ("after-swap", "new"),
]


@pytest.fixture
def filled(data_dir):
    vault, code = Vault.create(data_dir, PASSPHRASE, kdf=FAST_KDF)
    for i in range(ENTRIES):
        vault.entries.add(Entry(kind="journal", title=f"entry {i}", body="words " * 200))
    vault.close()
    return code


@pytest.mark.timeout(120)
@pytest.mark.parametrize("point, opens_with", POINTS)
def test_a_kill_at_any_step_leaves_a_vault_that_opens(
    filled, data_dir, tmp_path, point, opens_with
):
    script = tmp_path / "child.py"
    script.write_text(CHILD)
    old_header = (data_dir / "header.json").read_bytes()
    done = subprocess.run(
        [sys.executable, str(script), str(data_dir), point, PASSPHRASE, NEW],
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == -9, done.stderr  # really killed
    assert "finished" not in done.stdout
    good, bad = (PASSPHRASE, NEW) if opens_with == "old" else (NEW, PASSPHRASE)
    with pytest.raises((WrongPassphrase, DatabaseDamaged)):
        Vault.unlock(data_dir, bad)
    with Vault.unlock(data_dir, good) as v:
        assert v.entries.count() == ENTRIES
        assert v.verify().ok
    assert not (data_dir / "vault.db.rekey").exists()  # the unlock tidied the re-key
    if opens_with == "new":  # past the commit point an old header opens nothing
        (data_dir / "header.json").write_bytes(old_header)
        with pytest.raises(DatabaseDamaged):
            Vault.unlock(data_dir, PASSPHRASE)


def test_the_child_without_a_kill_finishes(filled, data_dir, tmp_path):
    """The harness itself: with no kill point the change completes."""
    script = tmp_path / "child.py"
    script.write_text(CHILD)
    done = subprocess.run(
        [sys.executable, str(script), str(data_dir), "none", PASSPHRASE, NEW],
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 0 and "finished" in done.stdout, done.stderr
    with Vault.unlock(data_dir, NEW) as v:
        assert v.entries.count() == ENTRIES


def test_old_backup_headers_no_longer_open_the_live_database(filled, data_dir):
    """The attack from the review: a header from backups/ plus today's vault.db."""
    with Vault.unlock(data_dir, PASSPHRASE) as v:
        v.auto_backup()
        v.change_passphrase(NEW, kdf=FAST_KDF)
    import zipfile

    (backup,) = sorted((data_dir / "backups").glob("*.ipsbackup"))
    with zipfile.ZipFile(backup) as zf:
        (data_dir / "header.json").write_bytes(zf.read("header.json"))
    with pytest.raises(DatabaseDamaged):
        Vault.unlock(data_dir, PASSPHRASE)
