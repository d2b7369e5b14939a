"""The SQLCipher connection.

Opened with the raw 256-bit key (``PRAGMA key = "x'..'"``, so SQLCipher skips
its own PBKDF2: the key is already random), then::

    cipher_log_level = NONE       no SQLCipher logging
    journal_mode = WAL            readers never block the writer; crash safe
    synchronous = FULL            a commit is on disk when commit() returns
    foreign_keys = ON
    temp_store = MEMORY           sorts and temp tables never touch the disk
    secure_delete = ON            deleted text is overwritten, not just unlinked

``cipher_memory_security`` (wipe SQLCipher's heap on every free) is left OFF, as
SQLCipher itself has done by default since 4.5, for a measured reason: with it ON,
inserting 10,000 entries was 8x slower and a 10,000-entry search took 33 ms median
(45 ms p95, erratic) instead of 11 ms, against a 50 ms budget. Its protection is
also thin here: the same text lives in ordinary Python strings and Qt widgets,
which nothing can wipe. Set :data:`MEMORY_SECURITY` to True to turn it on (the
setting is process-wide).

The key is checked by reading ``sqlite_master`` before anything else happens.
``vault.db``, ``-wal`` and ``-shm`` are created 0600 (SQLite gives the WAL and
shm files the database file's mode; the umask is tightened as well).

A single connection is shared by the app; an RLock serialises transactions so
work started on another thread (backups, unlocking) is safe.
"""

from __future__ import annotations

import contextlib
import os
import threading
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

from ips_reflect import messages
from ips_reflect.fileio import FILE_MODE, chmod_private, private_umask
from ips_reflect.store.errors import DatabaseDamaged, StorageError, VaultError

SIDE_SUFFIXES = ("-wal", "-shm")
#: SQLCipher's cipher_memory_security; see the module docstring for why it is off.
MEMORY_SECURITY = False
BUSY_TIMEOUT_MS = 10_000

#: SQLite result codes (prefixes of ``sqlite_errorname``) that blame the disk, with words.
_DISK_PROBLEMS = (
    ("SQLITE_FULL", "the disk is full"),
    ("SQLITE_IOERR", "the disk reported a read or write error"),
    ("SQLITE_READONLY", "the files cannot be written to"),
    ("SQLITE_CANTOPEN", "a file could not be opened"),
)
#: Result codes that mean the database file itself is damaged.
_DAMAGE = ("SQLITE_CORRUPT", "SQLITE_NOTADB")


def disk_problem(exc: BaseException) -> str | None:
    """Why SQLite failed, in words, when the disk is to blame; else None."""
    name = getattr(exc, "sqlite_errorname", None) or ""
    for code, words in _DISK_PROBLEMS:
        if name.startswith(code):
            return words
    return None


def is_damage(exc: BaseException) -> bool:
    """True when a SQLite error says the database file is damaged."""
    return (getattr(exc, "sqlite_errorname", None) or "").startswith(_DAMAGE)


def storage_error(exc: BaseException, path: Path) -> VaultError | None:
    """A sentence for a SQLite error caused by the disk or a damaged file, or None
    (a programming error, which stays as it is)."""
    if is_damage(exc):
        return DatabaseDamaged(messages.VAULT_DB_DAMAGED.format(path=path, problem=exc))
    problem = disk_problem(exc)
    if problem is not None:
        return StorageError(messages.VAULT_STORAGE_FAILED.format(dir=path.parent, problem=problem))
    return None


def _connect(path: Path) -> Any:
    import sqlcipher3

    conn = sqlcipher3.connect(str(path), isolation_level=None, check_same_thread=False)
    conn.row_factory = sqlcipher3.Row
    return conn


def apply_key(conn: Any, key: bytes) -> None:
    conn.execute(f"PRAGMA key = \"x'{key.hex()}'\"")


def configure(conn: Any, *, wal: bool = True) -> None:
    """The pragmas every vault connection runs right after the key."""
    pragmas = ["cipher_log_level = NONE"]
    if MEMORY_SECURITY:
        pragmas.append("cipher_memory_security = ON")
    for pragma in pragmas:
        with contextlib.suppress(Exception):  # older SQLCipher builds lack these
            conn.execute(f"PRAGMA {pragma}")
    conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
    conn.execute("PRAGMA temp_store = MEMORY")
    conn.execute("PRAGMA secure_delete = ON")
    conn.execute("PRAGMA foreign_keys = ON")
    if wal:
        conn.execute("PRAGMA journal_mode = WAL")
    conn.execute("PRAGMA synchronous = FULL")


def check_key(conn: Any, path: Path) -> None:
    """Read sqlite_master: fails if the key does not fit the file or the file is damaged."""
    import sqlcipher3

    try:
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
    except sqlcipher3.DatabaseError:
        conn.close()
        raise DatabaseDamaged(messages.VAULT_DB_UNREADABLE.format(path=path)) from None


def open_connection(path: Path, key: bytes, *, create: bool = False, wal: bool = True) -> Any:
    """Open (or, with ``create``, make) an encrypted database and check the key."""
    path = Path(path)
    if create:
        with private_umask():
            fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, FILE_MODE)
            os.close(fd)
    elif not path.is_file():
        raise DatabaseDamaged(messages.VAULT_DB_MISSING.format(dir=path.parent))
    with private_umask():
        conn = _connect(path)
        apply_key(conn, key)
        check_key(conn, path)
        configure(conn, wal=wal)
    for suffix in ("", *SIDE_SUFFIXES):
        chmod_private(Path(f"{path}{suffix}"))
    return conn


class Database:
    """A keyed connection with serialised transactions."""

    def __init__(self, conn: Any, path: Path) -> None:
        self.conn = conn
        self.path = Path(path)
        self.lock = threading.RLock()
        self._depth = 0

    @classmethod
    def open(cls, path: Path, key: bytes, *, create: bool = False) -> Database:
        return cls(open_connection(path, key, create=create), path)

    @contextlib.contextmanager
    def storage_errors(self) -> Iterator[None]:
        """Turn a SQLite error caused by the disk or a damaged file into a
        :class:`~ips_reflect.errors.UserError` sentence; others pass unchanged."""
        try:
            yield
        except Exception as exc:
            error = storage_error(exc, self.path)
            if error is None:
                raise
            raise error from exc

    @contextlib.contextmanager
    def transaction(self) -> Iterator[Any]:
        """``BEGIN IMMEDIATE`` ... ``COMMIT`` (rolled back on error). Nesting joins.

        A disk that is full or failing, or a damaged file, raises a
        :class:`StorageError` or :class:`DatabaseDamaged` after the rollback."""
        with self.lock, self.storage_errors():
            if self._depth:
                self._depth += 1
                try:
                    yield self.conn
                finally:
                    self._depth -= 1
                return
            self.conn.execute("BEGIN IMMEDIATE")
            self._depth = 1
            try:
                yield self.conn
            except BaseException:
                self._depth = 0
                with contextlib.suppress(Exception):
                    self.conn.execute("ROLLBACK")
                raise
            self._depth = 0
            try:
                self.conn.execute("COMMIT")
            except BaseException:
                with contextlib.suppress(Exception):
                    self.conn.execute("ROLLBACK")
                raise

    def execute(self, sql: str, params: Sequence[Any] = ()) -> Any:
        with self.lock, self.storage_errors():
            return self.conn.execute(sql, params)

    def query(self, sql: str, params: Sequence[Any] = ()) -> list[Any]:
        with self.lock, self.storage_errors():
            return list(self.conn.execute(sql, params).fetchall())

    def one(self, sql: str, params: Sequence[Any] = ()) -> Any:
        with self.lock, self.storage_errors():
            return self.conn.execute(sql, params).fetchone()

    def scalar(self, sql: str, params: Sequence[Any] = ()) -> Any:
        row = self.one(sql, params)
        return None if row is None else row[0]

    def close(self) -> None:
        with self.lock:
            if self.conn is not None:
                with contextlib.suppress(Exception):
                    self.conn.close()
                self.conn = None
        for suffix in ("", *SIDE_SUFFIXES):
            chmod_private(Path(f"{self.path}{suffix}"))
