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
    if _busy(exc):
        return StorageError(disk_sentence(path.parent, "busy", "used"))
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


def configure_logging(conn: Any) -> None:
    """Silence SQLCipher's own log before the key is set: a wrong key or a damaged
    page would otherwise print "ERROR CORE sqlcipher_page_cipher: hmac check failed"
    lines on the person's terminal."""
    with contextlib.suppress(Exception):  # older SQLCipher builds lack it
        conn.execute("PRAGMA cipher_log_level = NONE")


def configure(conn: Any, *, wal: bool = True) -> None:
    """The pragmas every vault connection runs right after the key."""
    if MEMORY_SECURITY:
        with contextlib.suppress(Exception):
            conn.execute("PRAGMA cipher_memory_security = ON")
    conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
    conn.execute("PRAGMA temp_store = MEMORY")
    conn.execute("PRAGMA secure_delete = ON")
    conn.execute("PRAGMA foreign_keys = ON")
    if wal:
        conn.execute("PRAGMA journal_mode = WAL")
    conn.execute("PRAGMA synchronous = FULL")


def check_key(conn: Any, path: Path) -> None:
    """Read sqlite_master: fails if the key does not fit the file or the file is damaged.

    Only a key or authentication failure (SQLITE_NOTADB, SQLITE_CORRUPT) is damage; a
    full disk, a read-only or forbidden folder or a busy database each get their own
    sentence (:func:`open_problem`)."""
    try:
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
    except Exception as exc:
        with contextlib.suppress(Exception):
            conn.close()
        if is_damage(exc) or (disk_problem(exc) is None and not _busy(exc)):
            raise DatabaseDamaged(messages.VAULT_DB_UNREADABLE.format(path=path)) from None
        raise open_problem(exc, path) from None


def _busy(exc: BaseException) -> bool:
    return (getattr(exc, "sqlite_errorname", None) or "").startswith(
        ("SQLITE_BUSY", "SQLITE_LOCKED")
    )


def folder_cause(folder: Path, err: int | None = None) -> str:
    """Why the disk refused, in words: full, read-only, not allowed, or a disk error.

    ``err`` is the errno when the system gave one; otherwise the folder is looked at."""
    import errno

    if err == errno.ENOSPC:
        return "full"
    if err == errno.EROFS:
        return "readonly"
    if err in (errno.EACCES, errno.EPERM):
        return "denied"
    with contextlib.suppress(OSError, AttributeError):
        st = os.statvfs(folder)
        if st.f_flag & os.ST_RDONLY:
            return "readonly"
        if st.f_bavail == 0 or st.f_favail == 0:
            return "full"
    if not os.access(folder, os.W_OK | os.X_OK):
        return "denied"
    return "io"


def disk_sentence(folder: Path, cause: str, doing: str = "opened") -> str:
    template = {
        "full": messages.VAULT_DISK_FULL,
        "readonly": messages.VAULT_DISK_READONLY,
        "denied": messages.VAULT_DISK_DENIED,
        "busy": messages.VAULT_DISK_BUSY,
    }.get(cause, messages.VAULT_DISK_IO)
    return template.format(dir=folder, doing=doing)


def open_problem(exc: BaseException, path: Path, doing: str = "opened") -> StorageError:
    """A :class:`StorageError` sentence for a SQLite or OS error while using ``path``."""
    folder = Path(path).parent
    if _busy(exc):
        return StorageError(disk_sentence(folder, "busy", doing))
    err = exc.errno if isinstance(exc, OSError) else None
    name = getattr(exc, "sqlite_errorname", None) or ""
    if name.startswith("SQLITE_FULL"):
        err = __import__("errno").ENOSPC
    return StorageError(disk_sentence(folder, folder_cause(folder, err), doing))


def _tidy_side_files(path: Path, existed: set[str]) -> None:
    """Remove the -wal/-shm that a failed open created (never ones that were there:
    a -wal can hold committed data)."""
    for suffix in SIDE_SUFFIXES:
        if suffix not in existed:
            with contextlib.suppress(OSError):
                Path(f"{path}{suffix}").unlink()


def open_connection(path: Path, key: bytes, *, create: bool = False, wal: bool = True) -> Any:
    """Open (or, with ``create``, make) an encrypted database and check the key.

    On failure nothing new is left beside the database (no empty -wal, no -shm)."""
    path = Path(path)
    if create:
        try:
            with private_umask():
                fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, FILE_MODE)
                os.close(fd)
        except (FileExistsError, IsADirectoryError):
            raise
        except OSError as exc:
            raise open_problem(exc, path, "created") from None
    elif not path.is_file():
        raise DatabaseDamaged(messages.VAULT_DB_MISSING.format(dir=path.parent))
    existed = {s for s in SIDE_SUFFIXES if Path(f"{path}{s}").exists()}
    conn = None
    try:
        with private_umask():
            conn = _connect(path)
            configure_logging(conn)
            apply_key(conn, key)
            check_key(conn, path)
            try:
                configure(conn, wal=wal)
            except Exception as exc:
                if is_damage(exc):
                    raise DatabaseDamaged(messages.VAULT_DB_UNREADABLE.format(path=path)) from None
                raise open_problem(exc, path) from None
    except BaseException:
        if conn is not None:
            with contextlib.suppress(Exception):
                conn.close()
        _tidy_side_files(path, existed)
        raise
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

    def reopen(self, key: bytes) -> None:
        """Open the file again (after a re-key swapped it); repositories keep working."""
        with self.lock:
            if self.conn is not None:
                with contextlib.suppress(Exception):
                    self.conn.close()
            self.conn = open_connection(self.path, key)

    def close(self) -> None:
        with self.lock:
            if self.conn is not None:
                with contextlib.suppress(Exception):
                    self.conn.close()
                self.conn = None
        for suffix in ("", *SIDE_SUFFIXES):
            chmod_private(Path(f"{self.path}{suffix}"))


class Where:
    """The ``WHERE`` of a query built from filters: each condition with its values."""

    def __init__(self) -> None:
        self.clauses: list[str] = []
        self.params: list[Any] = []

    def add(self, clause: str, *params: Any) -> None:
        self.clauses.append(clause)
        self.params.extend(params)

    def equals(self, column: str, value: Any) -> None:
        """``column = value``, unless ``value`` is None (no filter)."""
        if value is not None:
            self.add(f"{column} = ?", value)

    def one_of(self, column: str, values: str | Sequence[str] | None) -> None:
        """``column IN (values)`` (one value or several), unless ``values`` is None."""
        if values is not None:
            listed = [values] if isinstance(values, str) else list(values)
            self.add(f"{column} IN ({', '.join('?' * len(listed))})", *listed)

    def sql(self) -> str:
        """`` WHERE a AND b`` ("" with no conditions)."""
        return (" WHERE " + " AND ".join(self.clauses)) if self.clauses else ""
