"""Encrypted backups, restore and integrity checks.

A backup is one zip file (stored, not compressed: the contents are encrypted)::

    manifest.json   {"format": "ips-reflect/backup", "version": 1, "created": ...,
                     "schema": N, "entries": N, "vault_db_sha256": ...}
                    (no personal data: "entries" is a count, absent in older backups)
    header.json     the vault header as it was (key wrapped under the passphrase and
                    recovery code of that time)
    vault.db        a consistent copy of the encrypted database (SQLite backup API,
                    same key: never decrypted to disk)

It opens only with the passphrase or recovery code that was current when it was
made. Working copies go in a private folder inside the data folder, never in
the system temp folder.

Restore checks everything *before* touching the live vault: the zip and its
checksum, the passphrase (key unwrap), ``cipher_integrity_check``,
``integrity_check``, the search index and the schema version. Only then are the
live files moved aside (into ``replaced-<time>/``) and the restored files moved
in; if anything fails while swapping, the old files are moved back.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import shutil
import tempfile
import threading
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

from ips_reflect import messages
from ips_reflect.core.entries import now_iso
from ips_reflect.fileio import (
    atomic_writer,
    ensure_private_dir,
    fsync_dir,
    fsync_file,
    private_umask,
)
from ips_reflect.store import crypto
from ips_reflect.store.db import (
    SIDE_SUFFIXES,
    Database,
    disk_problem,
    is_damage,
    open_connection,
)
from ips_reflect.store.errors import (
    BackupError,
    DatabaseDamaged,
    HeaderDamaged,
    WrongPassphrase,
    WrongRecoveryCode,
)
from ips_reflect.store.files import DB_NAME, HEADER_NAME
from ips_reflect.store.header import Header, open_wrap
from ips_reflect.store.migrations import LATEST, schema_version

BACKUP_FORMAT = "ips-reflect/backup"
BACKUP_VERSION = 1
MANIFEST_NAME = "manifest.json"
BACKUP_SUFFIX = ".ipsbackup"
BACKUPS_DIR = "backups"
DEFAULT_KEEP = 10


@dataclass
class VerifyReport:
    problems: list[str] = field(default_factory=list)
    counts: dict[str, int] = field(default_factory=dict)

    @property
    def ok(self) -> bool:
        return not self.problems


@dataclass(frozen=True)
class RestoreResult:
    entries: int
    replaced_dir: Path | None  # where the previous vault was moved, if there was one


#: What a backup or restore of this process is working on right now (staging folders
#: and the files being written), so :func:`clean_leftovers` never takes it for a
#: leftover: the app backs up on a worker after locking, and an unlock may come first.
_busy: set[Path] = set()
_busy_guard = threading.Lock()


@contextlib.contextmanager
def _in_use(path: Path) -> Iterator[None]:
    path = Path(path).absolute()
    with _busy_guard:
        _busy.add(path)
    try:
        yield
    finally:
        with _busy_guard:
            _busy.discard(path)


def _is_busy(path: Path) -> bool:
    path = Path(path).absolute()
    with _busy_guard:
        return any(
            path == busy or (path.parent == busy.parent and path.name.startswith(f".{busy.name}."))
            for busy in _busy
        )


@contextlib.contextmanager
def staging_dir(parent: Path, prefix: str) -> Iterator[Path]:
    """A private working folder inside ``parent`` (the data folder), removed afterwards."""
    ensure_private_dir(parent)
    with private_umask():
        path = Path(tempfile.mkdtemp(prefix=prefix, dir=parent))
    try:
        with _in_use(path):
            yield path
    finally:
        shutil.rmtree(path, ignore_errors=True)


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


# --------------------------------------------------------------------------- checks


def check_connection(conn: Any) -> VerifyReport:
    """Run every integrity check on an open, keyed connection and count what is there."""
    import sqlcipher3

    report = VerifyReport()
    with contextlib.suppress(sqlcipher3.DatabaseError):
        conn.execute("PRAGMA wal_checkpoint(PASSIVE)").fetchall()
    try:
        for row in conn.execute("PRAGMA cipher_integrity_check").fetchall():
            report.problems.append(f"encryption check: {row[0]}")
        rows = [r[0] for r in conn.execute("PRAGMA integrity_check").fetchall()]
        if rows != ["ok"]:
            report.problems.extend(f"database check: {r}" for r in rows[:20])
        for row in conn.execute("PRAGMA foreign_key_check").fetchall():
            report.problems.append(f"database check: broken link in {row[0]} row {row[1]}")
    except sqlcipher3.DatabaseError as exc:
        report.problems.append(f"database check: {exc}")
        return report
    version = schema_version(conn)
    if version >= 1:
        try:
            conn.execute("INSERT INTO entries_fts(entries_fts) VALUES ('integrity-check')")
            indexed = conn.execute("SELECT count(*) FROM entries_fts").fetchone()[0]
            total = conn.execute("SELECT count(*) FROM entries").fetchone()[0]
            if indexed != total:
                report.problems.append(
                    f"search index check: {indexed} entries indexed but {total} stored"
                )
        except sqlcipher3.DatabaseError as exc:
            report.problems.append(f"search index check: {exc}")
        report.counts = counts(conn, version)
    report.counts["schema"] = version
    return report


def counts(conn: Any, version: int) -> dict[str, int]:
    def one(sql: str) -> int:
        return int(conn.execute(sql).fetchone()[0])

    counts: dict[str, int] = {}
    if version >= 2:
        counts["entries"] = one("SELECT count(*) FROM entries WHERE deleted_at IS NULL")
        counts["in_bin"] = one("SELECT count(*) FROM entries WHERE deleted_at IS NOT NULL")
        counts["drafts"] = one("SELECT count(*) FROM drafts")
    else:
        counts["entries"] = one("SELECT count(*) FROM entries")
    counts["flags"] = one("SELECT count(*) FROM flags")
    if version >= 3:
        counts["plan_versions"] = one("SELECT count(*) FROM sharing_plans")
        counts["biography"] = one("SELECT count(*) FROM biography")
    if version >= 4:
        counts["supervision_sessions"] = one("SELECT count(*) FROM supervision_sessions")
    return counts


# --------------------------------------------------------------------------- writing


def write_backup(db: Database, key: bytes, header_bytes: bytes, dest: Path, work: Path) -> Path:
    """Write an encrypted backup of ``db`` to ``dest`` atomically (mode 0600).

    ``work`` is a private folder for the temporary encrypted copy (the data folder).
    """
    dest = Path(dest)
    if not dest.parent.is_dir():
        raise BackupError(messages.VAULT_BACKUP_NO_FOLDER.format(folder=dest.parent))
    try:
        with _in_use(dest):
            return _write_backup(db, key, header_bytes, dest, work)
    except OSError as exc:
        problem: str | None = str(exc.strerror or exc)
    except Exception as exc:  # SQLite: the live database, or the disk, failed
        if is_damage(exc):
            raise DatabaseDamaged(
                messages.VAULT_DB_DAMAGED.format(path=db.path, problem=exc)
            ) from exc
        problem = disk_problem(exc)
        if problem is None:
            raise
    raise BackupError(messages.VAULT_BACKUP_WRITE_FAILED.format(file=dest, problem=problem))


def _write_backup(db: Database, key: bytes, header_bytes: bytes, dest: Path, work: Path) -> Path:
    # SQLCipher's backup copies pages without checking their authentication codes: a
    # damaged page would go into the backup re-encrypted as if it were sound, and a
    # damaged vault would then rotate the good automatic backups away. Check first.
    with db.lock:
        damage = [r[0] for r in db.conn.execute("PRAGMA cipher_integrity_check").fetchall()]
    if damage:
        raise DatabaseDamaged(
            messages.VAULT_BACKUP_SOURCE_DAMAGED.format(path=db.path, problem=damage[0])
        )
    with staging_dir(work, ".backup-") as stage:
        copy = stage / DB_NAME
        target = open_connection(copy, key, create=True, wal=False)
        try:
            with db.lock:
                db.conn.backup(target)
            version = schema_version(target)
            # How many entries it holds (a number, no personal data), for the list of
            # backups that `backup list` and the app's Restore dialog show.
            entries = counts(target, version).get("entries", 0) if version >= 1 else 0
        finally:
            target.close()
        for suffix in SIDE_SUFFIXES:
            with contextlib.suppress(FileNotFoundError):
                Path(f"{copy}{suffix}").unlink()
        manifest = {
            "format": BACKUP_FORMAT,
            "version": BACKUP_VERSION,
            "created": now_iso(),
            "schema": version,
            "entries": entries,
            "vault_db_sha256": _sha256(copy),
        }
        with atomic_writer(dest) as fh, zipfile.ZipFile(fh, "w", zipfile.ZIP_STORED) as zf:
            zf.writestr(MANIFEST_NAME, json.dumps(manifest, indent=2) + "\n")
            zf.writestr(HEADER_NAME, header_bytes)
            zf.write(copy, DB_NAME)
    return dest


STAGING_PREFIXES = (".backup-", ".restore-")


def clean_leftovers(data_dir: Path) -> list[Path]:
    """Remove what a killed backup or restore left: private working folders in the data
    folder and half-written ``.part`` files there and in ``backups/``. Called with the
    vault lock held (at unlock and before each automatic backup), so no other program
    is backing up; what this process is still writing (the app's backup after a lock)
    is skipped. Returns what was removed."""
    removed: list[Path] = []
    data_dir = Path(data_dir)
    with contextlib.suppress(OSError):
        for path in data_dir.iterdir():
            if _is_busy(path):
                continue
            if path.name.startswith(STAGING_PREFIXES) and path.is_dir() and not path.is_symlink():
                shutil.rmtree(path, ignore_errors=True)
                removed.append(path)
    for folder in (data_dir, data_dir / BACKUPS_DIR):
        with contextlib.suppress(OSError):
            for path in folder.glob(".*.part"):
                if path.is_file() and not path.is_symlink() and not _is_busy(path):
                    with contextlib.suppress(OSError):
                        path.unlink()
                        removed.append(path)
    return removed


def backup_name(now: datetime | None = None) -> str:
    moment = now or datetime.now()
    return f"vault-{moment.strftime('%Y%m%d-%H%M%S-%f')}{BACKUP_SUFFIX}"


def prune_backups(folder: Path, keep: int) -> list[Path]:
    """Delete all but the newest ``keep`` automatic backups; return what was removed."""
    found = sorted(p for p in folder.glob(f"vault-*{BACKUP_SUFFIX}") if p.is_file())
    removed = found[: max(0, len(found) - keep)]
    for path in removed:
        with contextlib.suppress(FileNotFoundError):
            path.unlink()
    return removed


# --------------------------------------------------------------------------- reading


@dataclass(frozen=True)
class BackupFile:
    path: Path
    manifest: dict[str, Any]
    header: Header


def _open_zip(path: Path) -> zipfile.ZipFile:
    try:
        return zipfile.ZipFile(path)
    except FileNotFoundError:
        raise BackupError(messages.VAULT_BACKUP_MISSING.format(file=path)) from None
    except IsADirectoryError:
        raise BackupError(messages.VAULT_BACKUP_MISSING.format(file=path)) from None
    except (zipfile.BadZipFile, OSError, ValueError):
        raise BackupError(messages.VAULT_BACKUP_NOT_BACKUP.format(file=path)) from None


def read_backup(path: Path) -> BackupFile:
    """Check the file is an IPS Reflect backup and read its manifest and header."""
    path = Path(path)
    with _open_zip(path) as zf:
        names = set(zf.namelist())
        if not {MANIFEST_NAME, HEADER_NAME, DB_NAME} <= names:
            raise BackupError(messages.VAULT_BACKUP_NOT_BACKUP.format(file=path))
        if any(zf.getinfo(n).compress_type != zipfile.ZIP_STORED for n in names):
            raise BackupError(messages.VAULT_BACKUP_NOT_BACKUP.format(file=path))
        try:
            manifest = json.loads(zf.read(MANIFEST_NAME))
            header_bytes = zf.read(HEADER_NAME)
        except (zipfile.BadZipFile, ValueError, OSError, EOFError, RecursionError):
            raise BackupError(messages.VAULT_BACKUP_DAMAGED.format(file=path)) from None
    if not isinstance(manifest, dict) or manifest.get("format") != BACKUP_FORMAT:
        raise BackupError(messages.VAULT_BACKUP_NOT_BACKUP.format(file=path))
    if manifest.get("version") != BACKUP_VERSION:
        raise BackupError(messages.VAULT_BACKUP_NEWER.format(file=path))
    try:
        header = Header.from_bytes(header_bytes, f"{path}:{HEADER_NAME}")
    except HeaderDamaged as exc:
        if exc.problem:
            raise BackupError(
                messages.VAULT_BACKUP_REFUSED.format(file=path, problem=exc.problem)
            ) from None
        raise BackupError(messages.VAULT_BACKUP_DAMAGED.format(file=path)) from None
    return BackupFile(path, manifest, header)


def unlock_backup(
    backup: BackupFile, *, passphrase: str | None = None, recovery_code: str | None = None
) -> bytes:
    """The database key of a backup; raises before anything is written."""
    if recovery_code is not None:
        secret = crypto.normalise_recovery_code(recovery_code)
        purpose = crypto.PURPOSE_RECOVERY
    elif passphrase is not None:
        secret = crypto.normalise_passphrase(passphrase)
        purpose = crypto.PURPOSE_PASSPHRASE
    else:
        raise ValueError("give a passphrase or a recovery code")
    try:
        return open_wrap(backup.header, secret, purpose)
    except crypto.KeyUnwrapError:
        if purpose == crypto.PURPOSE_RECOVERY:
            raise WrongRecoveryCode(
                messages.VAULT_BACKUP_WRONG_RECOVERY_CODE.format(file=backup.path)
            ) from None
        raise WrongPassphrase(
            messages.VAULT_BACKUP_WRONG_PASSPHRASE.format(file=backup.path)
        ) from None


def _extract_checked(backup: BackupFile, stage: Path) -> Path:
    copy = stage / DB_NAME
    # An OSError here is the disk (full, failing), not the backup: restore_backup
    # reports it as such.
    try:
        with (
            _open_zip(backup.path) as zf,
            zf.open(DB_NAME) as src,
            private_umask(),
            open(copy, "wb") as out,
        ):
            shutil.copyfileobj(src, out, 1 << 20)
            out.flush()
            os.fsync(out.fileno())
    except (zipfile.BadZipFile, EOFError, ValueError):
        raise BackupError(messages.VAULT_BACKUP_DAMAGED.format(file=backup.path)) from None
    if _sha256(copy) != backup.manifest.get("vault_db_sha256"):
        raise BackupError(messages.VAULT_BACKUP_DAMAGED.format(file=backup.path))
    return copy


def _check_restored(copy: Path, key: bytes, backup: BackupFile) -> VerifyReport:
    """The checks unlock makes (key, schema present and not newer) and those of
    ``verify`` (encryption, database, search index), all before anything is swapped."""
    try:
        conn = open_connection(copy, key)
    except DatabaseDamaged:
        raise BackupError(messages.VAULT_BACKUP_DAMAGED.format(file=backup.path)) from None
    try:
        version = schema_version(conn)
        if version > LATEST:
            raise BackupError(messages.VAULT_BACKUP_NEWER.format(file=backup.path))
        if (
            version < 1
            or not conn.execute(
                "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'entries'"
            ).fetchone()[0]
        ):
            raise BackupError(messages.VAULT_BACKUP_EMPTY.format(file=backup.path))
        report = check_connection(conn)
    finally:
        conn.close()
    if not report.ok:
        raise BackupError(
            messages.VAULT_BACKUP_DAMAGED.format(file=backup.path), details=report.problems
        )
    return report


def live_files(data_dir: Path) -> list[Path]:
    names = [HEADER_NAME, DB_NAME, *(DB_NAME + s for s in SIDE_SUFFIXES)]
    return [data_dir / n for n in names if (data_dir / n).exists()]


def restore_backup(
    data_dir: Path,
    backup_path: Path,
    *,
    passphrase: str | None = None,
    recovery_code: str | None = None,
) -> RestoreResult:
    """Replace the vault in ``data_dir`` with the backup, after checking it fully.

    The vault must not be open. On any failure before the swap nothing in
    ``data_dir`` changes (a private working folder is created and removed).
    """
    from ips_reflect.store import lock as lock_mod

    data_dir = Path(data_dir)
    backup = read_backup(Path(backup_path))
    key = unlock_backup(backup, passphrase=passphrase, recovery_code=recovery_code)
    try:
        ensure_private_dir(data_dir)
        with lock_mod.holding(data_dir, lock_mod.default_holder, lock_mod.default_wait):
            clean_leftovers(data_dir)
            return _restore(data_dir, backup, key)
    except OSError as exc:
        raise BackupError(
            messages.VAULT_RESTORE_FAILED.format(file=backup.path, problem=exc.strerror or exc)
        ) from exc


def _restore(data_dir: Path, backup: BackupFile, key: bytes) -> RestoreResult:
    with staging_dir(data_dir, ".restore-") as stage:
        copy = _extract_checked(backup, stage)
        report = _check_restored(copy, key, backup)
        for suffix in SIDE_SUFFIXES:
            with contextlib.suppress(FileNotFoundError):
                Path(f"{copy}{suffix}").unlink()
        with zipfile.ZipFile(backup.path) as zf:
            header_bytes = zf.read(HEADER_NAME)
        staged_header = stage / HEADER_NAME
        with private_umask():
            staged_header.write_bytes(header_bytes)
        fsync_file(staged_header)
        fsync_file(copy)
        replaced = _swap_in(data_dir, copy, staged_header)
    return RestoreResult(report.counts.get("entries", 0), replaced)


def _swap_in(data_dir: Path, db_file: Path, header_file: Path) -> Path | None:
    current = live_files(data_dir)
    moved: list[tuple[Path, Path]] = []
    aside: Path | None = None
    db_placed = False
    try:
        if current:
            stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
            aside = data_dir / f"replaced-{stamp}"
            n = 1
            while aside.exists():
                n += 1
                aside = data_dir / f"replaced-{stamp}-{n}"
            ensure_private_dir(aside)
            # The header goes first, so a half-finished swap never pairs a header
            # with the wrong database.
            for path in current:
                target = aside / path.name
                os.replace(path, target)
                moved.append((target, path))
            fsync_dir(aside)
        os.replace(db_file, data_dir / DB_NAME)
        db_placed = True
        os.replace(header_file, data_dir / HEADER_NAME)  # the restore is now complete
    except OSError as exc:
        if db_placed and not any(dst.name == DB_NAME for _, dst in moved):
            with contextlib.suppress(OSError):
                (data_dir / DB_NAME).unlink()
        for src, dst in reversed(moved):
            with contextlib.suppress(OSError):
                os.replace(src, dst)
        raise BackupError(messages.VAULT_RESTORE_SWAP_FAILED.format(problem=exc)) from None
    with contextlib.suppress(OSError):
        fsync_dir(data_dir)
    return aside
