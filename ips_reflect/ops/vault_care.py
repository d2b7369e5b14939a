"""Looking after the vault: the app's Vault menu and ``ips-reflect backup/restore/verify/
passwd``.

One function per thing a person does — list the backups, back up now, restore, check
the vault, change the passphrase, get a new recovery code — so the app's dialogs and
the command line say the same things about the same files. Each may take seconds
(key derivation, copying the database), so the app calls them from a worker with
the vault's :meth:`~ips_reflect.store.vault.Vault.worker_copy`, never on the GUI thread.
"""

from __future__ import annotations

import json
import zipfile
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from ips_reflect import messages
from ips_reflect.errors import UserError
from ips_reflect.store import backup as backup_mod

if TYPE_CHECKING:
    from ips_reflect.store.vault import Vault

#: A manifest larger than this is not a backup of ours (it holds a few numbers).
_MAX_MANIFEST_BYTES = 64 * 1024


@dataclass(frozen=True)
class BackupInfo:
    """One backup file as a list shows it; nothing here needs the passphrase."""

    path: Path
    created: str  # ISO 8601 from the backup's manifest ("" if it could not be read)
    size: int  # bytes
    entries: int | None  # None: an older backup that did not record it, or unreadable
    readable: bool  # False: damaged or not a backup (listed so it can be tidied away)

    def as_json(self) -> dict[str, object]:
        return {
            "file": str(self.path),
            "created": self.created,
            "size": self.size,
            "entries": self.entries,
            "readable": self.readable,
        }


def backups_folder(data_dir: Path) -> Path:
    """Where the automatic backups go (lock, quit, Back up now)."""
    return Path(data_dir) / backup_mod.BACKUPS_DIR


def describe_backup(path: Path) -> BackupInfo:
    """What a backup's manifest says, read without the passphrase and without trusting
    the file: a damaged or foreign file is listed as unreadable, never raised."""
    path = Path(path)
    try:
        size = path.stat().st_size
    except OSError:
        return BackupInfo(path, "", 0, None, False)
    try:
        with zipfile.ZipFile(path) as zf:
            info = zf.getinfo(backup_mod.MANIFEST_NAME)
            if info.file_size > _MAX_MANIFEST_BYTES:
                raise ValueError("manifest too large")
            manifest = json.loads(zf.read(info))
    except (OSError, KeyError, ValueError, zipfile.BadZipFile, EOFError, RecursionError):
        return BackupInfo(path, "", size, None, False)
    if not isinstance(manifest, dict) or manifest.get("format") != backup_mod.BACKUP_FORMAT:
        return BackupInfo(path, "", size, None, False)
    created = manifest.get("created")
    entries = manifest.get("entries")
    return BackupInfo(
        path,
        created if isinstance(created, str) else "",
        size,
        entries if isinstance(entries, int) and not isinstance(entries, bool) else None,
        True,
    )


def list_backups(data_dir: Path) -> list[BackupInfo]:
    """The automatic backups in the data folder, newest first."""
    folder = backups_folder(data_dir)
    if not folder.is_dir():
        return []
    found = [
        p
        for p in folder.glob(f"vault-*{backup_mod.BACKUP_SUFFIX}")
        if p.is_file() and not p.is_symlink()
    ]
    return [describe_backup(p) for p in sorted(found, reverse=True)]


def back_up_now(vault: Vault, keep: int = backup_mod.DEFAULT_KEEP) -> BackupInfo:
    """An automatic backup now (kept with the others, the oldest beyond ``keep`` pruned)."""
    return describe_backup(vault.auto_backup(keep=keep))


def back_up_to(vault: Vault, dest: Path) -> Path:
    """A backup written to a file the person chose."""
    return vault.backup(Path(dest))


def restore(
    data_dir: Path,
    backup_path: Path,
    *,
    passphrase: str | None = None,
    recovery_code: str | None = None,
) -> backup_mod.RestoreResult:
    """Replace the vault with a backup after checking it fully. The vault must be closed
    (the app locks first); with the wrong passphrase or a damaged file nothing changes."""
    return backup_mod.restore_backup(
        Path(data_dir), Path(backup_path), passphrase=passphrase, recovery_code=recovery_code
    )


@dataclass(frozen=True)
class CheckResult:
    ok: bool
    summary: str  # one sentence: all is well, or what to do
    problems: tuple[str, ...]  # each check that failed, in words


def _plural(n: int, one: str, many: str | None = None) -> str:
    return f"{n} {one if n == 1 else (many or one + 's')}"


def check_vault(vault: Vault) -> CheckResult:
    """The ``verify`` checks (encryption, database, search index) and what is there."""
    report = vault.verify()
    if not report.ok:
        return CheckResult(False, messages.CARE_CHECK_FAILED, tuple(report.problems))
    c = report.counts
    summary = messages.CARE_CHECK_OK.format(
        entries=_plural(c.get("entries", 0), "entry", "entries"),
        in_bin=c.get("in_bin", 0),
        flags=_plural(c.get("flags", 0), "flag"),
        plans=_plural(c.get("plan_versions", 0), "sharing plan version"),
        sessions=_plural(c.get("supervision_sessions", 0), "supervision session"),
        drafts=_plural(c.get("drafts", 0), "draft"),
    )
    return CheckResult(True, summary, ())


def change_passphrase(vault: Vault, current: str, new: str) -> str:
    """Re-key the vault under ``new`` after checking ``current``; returns the NEW
    recovery code (the old one opens nothing any more), to be shown once."""
    from ips_reflect.core.passphrase import check_new_passphrase

    check_new_passphrase(new)  # a weak one is refused before the slow check of the old
    if not vault.check_passphrase(current):
        raise UserError(messages.CARE_CURRENT_WRONG)
    return vault.change_passphrase(new)


def new_recovery_code(vault: Vault, passphrase: str) -> str:
    """Replace the recovery code, keeping the passphrase (checked first)."""
    if not vault.check_passphrase(passphrase):
        raise UserError(messages.CARE_CURRENT_WRONG)
    return vault.new_recovery_code(passphrase)
