"""Re-keying: a new database key whenever a secret changes, safe at any crash.

Re-wrapping the old key under a new passphrase would leave every old copy of
``header.json`` (in ``backups/``, in ``replaced-*``, on a stolen USB stick) able to
open today's ``vault.db`` with the old passphrase. So ``passwd`` and ``recover``
give the database a brand-new random key and write a header that wraps only that.

How, so that a crash (power cut, SIGKILL) at any moment leaves a vault that opens
with either the old or the new secret, never neither:

1. ``sqlcipher_export`` copies every table, index and the search index into
   ``vault.db.rekey``, encrypted under the new key (never decrypted to disk), and
   the copy is checked and fsynced. The live files are untouched.
2. The old connection is closed (SQLite checkpoints and removes its WAL).
3. The new ``header.json`` is written atomically. This is the commit point:
   before it, the old header and the old ``vault.db`` belong together; after it,
   the new header and ``vault.db.rekey`` do.
4. ``vault.db.rekey`` is renamed over ``vault.db`` and the folder fsynced.

On the next open, :func:`finish_pending` sorts out a crash between 1 and 4: a
``vault.db.rekey`` that the header's key does not open is left over from step 1
and removed; one that it opens while ``vault.db`` does not is the finished copy
from after step 3 and is moved into place.

SQLCipher's ``PRAGMA rekey`` re-encrypts in place instead; it was not used because
the header and the database are two files that cannot be renamed together, so an
in-place rekey needs a header that knows both keys for a while, and the export is
simpler to reason about and also drops freed pages.
"""

from __future__ import annotations

import contextlib
import os
from pathlib import Path
from typing import Any

from ips_reflect.fileio import FILE_MODE, fsync_dir, fsync_file, private_umask
from ips_reflect.store.db import (
    SIDE_SUFFIXES,
    apply_key,
    configure_logging,
    open_connection,
)
from ips_reflect.store.errors import DatabaseDamaged
from ips_reflect.store.files import DB_NAME

PENDING_SUFFIX = ".rekey"


def pending_path(data_dir: Path) -> Path:
    return Path(data_dir) / (DB_NAME + PENDING_SUFFIX)


def _remove(path: Path) -> None:
    for suffix in ("", *SIDE_SUFFIXES):
        with contextlib.suppress(FileNotFoundError):
            Path(f"{path}{suffix}").unlink()


def export_copy(conn: Any, dest: Path, new_key: bytes) -> None:
    """Write every table of ``conn`` into a new file ``dest`` encrypted under ``new_key``."""
    _remove(dest)
    with private_umask():
        fd = os.open(dest, os.O_WRONLY | os.O_CREAT | os.O_EXCL, FILE_MODE)
        os.close(fd)
    version = int(conn.execute("PRAGMA user_version").fetchone()[0])
    quoted = str(dest).replace("'", "''")
    attached = False
    try:
        with private_umask():
            conn.execute(f"ATTACH DATABASE '{quoted}' AS rekeyed KEY \"x'{new_key.hex()}'\"")
            attached = True
            conn.execute("SELECT sqlcipher_export('rekeyed')").fetchall()
            conn.execute(f"PRAGMA rekeyed.user_version = {version}")
    except BaseException:
        if attached:
            with contextlib.suppress(Exception):
                conn.execute("DETACH DATABASE rekeyed")
        _remove(dest)
        raise
    conn.execute("DETACH DATABASE rekeyed")
    fsync_file(dest)


def check_copy(dest: Path, new_key: bytes, expected: dict[str, int]) -> None:
    """The copy opens with the new key, passes the integrity checks and holds the same
    rows as the original; else it is removed and :class:`DatabaseDamaged` raised."""
    from ips_reflect.store.backup import check_connection

    conn = open_connection(dest, new_key, wal=False)
    try:
        report = check_connection(conn)
    finally:
        conn.close()
    found = {k: v for k, v in report.counts.items() if k in expected}
    if not report.ok or found != expected:
        _remove(dest)
        raise DatabaseDamaged(
            "The vault could not be re-keyed: its copy under the new key did not check out "
            f"({'; '.join(report.problems[:3]) or 'the counts differ'}). Nothing was changed; "
            "run 'ips-reflect verify'."
        )


def swap_in(data_dir: Path) -> None:
    """Step 4: the checked copy replaces ``vault.db`` (whose WAL is already empty)."""
    live = Path(data_dir) / DB_NAME
    for suffix in SIDE_SUFFIXES:
        with contextlib.suppress(FileNotFoundError):
            Path(f"{live}{suffix}").unlink()
    os.replace(pending_path(data_dir), live)
    fsync_dir(Path(data_dir))


def _opens(path: Path, key: bytes) -> bool:
    """True if ``key`` opens ``path``; reads only, creates nothing."""
    import sqlcipher3

    if not path.is_file():
        return False
    try:
        conn = sqlcipher3.connect(f"file:{path}?mode=ro", uri=True)
    except sqlcipher3.Error:
        return False
    try:
        configure_logging(conn)
        apply_key(conn, key)
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
        return True
    except sqlcipher3.Error:
        return False
    finally:
        conn.close()


def finish_pending(data_dir: Path, key: bytes) -> None:
    """After a crash during a re-key: keep whichever database ``key`` (from the header
    on disk) opens, and remove the other. Does nothing when no re-key was under way."""
    pending = pending_path(data_dir)
    if not pending.exists():
        return
    live = Path(data_dir) / DB_NAME
    if _opens(live, key):  # crashed before the new header: the copy is not needed
        _remove(pending)
        return
    if _opens(pending, key):  # crashed after the new header: finish the swap
        swap_in(data_dir)
