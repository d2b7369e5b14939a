"""The vault: one object that is either locked (does not exist) or open.

    vault, recovery_code = Vault.create(data_dir, passphrase)
    with Vault.unlock(data_dir, passphrase) as vault:
        vault.entries.add(Entry(kind="journal", title="...", body="..."))
        hits = vault.search("interview")

Unlocking derives the key-encryption key with Argon2id and unwraps the database
key *before* the database is opened; a wrong passphrase raises
:class:`WrongPassphrase` and touches no file. ``close()`` (or leaving the
``with`` block) closes the database and wipes the key copy held here.

Repositories (attributes): ``entries``, ``drafts``, ``flags``, ``plans``,
``biography``, ``supervision``, ``kv``. Search: :meth:`Vault.search`.
"""

from __future__ import annotations

import contextlib
import functools
import os
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING, Any

from ips_reflect import messages
from ips_reflect.core.passphrase import check_new_passphrase
from ips_reflect.fileio import atomic_write_bytes, ensure_private_dir
from ips_reflect.store import crypto
from ips_reflect.store import lock as lock_mod
from ips_reflect.store import search as search_mod
from ips_reflect.store.crypto import DEFAULT_KDF, KdfParams
from ips_reflect.store.db import SIDE_SUFFIXES, Database, disk_problem
from ips_reflect.store.errors import (
    DatabaseDamaged,
    StorageError,
    VaultClosed,
    VaultError,
    VaultExists,
    WrongPassphrase,
    WrongRecoveryCode,
)
from ips_reflect.store.header import (
    Header,
    db_path,
    header_path,
    load_for_open,
    make_wrap,
    new_header,
    open_wrap,
    read_header,
    unwrap_in_background,
    write_header,
)
from ips_reflect.store.lock import VaultLock
from ips_reflect.store.migrations import LATEST, check_not_newer, migrate, schema_version

if TYPE_CHECKING:
    from ips_reflect.store import backup as backup_mod
    from ips_reflect.store.entry_store import EntryStore
    from ips_reflect.store.exchange_store import ExchangeStore
    from ips_reflect.store.records import (
        BiographyStore,
        DraftStore,
        FlagStore,
        KeyValueStore,
        PlanStore,
        SupervisionStore,
    )


def _take_lock(data_dir: Path) -> VaultLock:
    """The vault lock for this process, waiting as long as the front end allows."""
    return VaultLock(data_dir, lock_mod.default_holder).acquire(lock_mod.default_wait)


def _new_secrets(passphrase: str, kdf: KdfParams) -> tuple[bytes, str, Header]:
    """A new database key, a new recovery code and a header wrapping the key under
    ``passphrase`` and that code."""
    key = crypto.new_db_key()
    code = crypto.generate_recovery_code()
    header = new_header(
        key,
        crypto.normalise_passphrase(passphrase),
        crypto.normalise_recovery_code(code),
        kdf,
    )
    return key, code, header


class Vault:
    """An unlocked vault. Create with :meth:`create` or :meth:`unlock`."""

    #: Wraps made with weaker Argon2id settings are upgraded to these on unlock.
    kdf_target: KdfParams = DEFAULT_KDF

    def __init__(
        self, data_dir: Path, db: Database, header: Header, key: bytes, lock: VaultLock | None
    ) -> None:
        self.data_dir = Path(data_dir)
        self._lock = lock
        self.db = db
        self.header = header
        self._key: bytearray | None = bytearray(key)

    # ------------------------------------------------------------------ repositories
    # Made on first use: a command that only searches never imports what the others
    # need (the flag and supervision models, and through them the question packs).

    if TYPE_CHECKING:  # plain attributes to the type checker (protocols may set them)
        entries: EntryStore
        drafts: DraftStore
        flags: FlagStore
        plans: PlanStore
        biography: BiographyStore
        supervision: SupervisionStore
        kv: KeyValueStore
        exchange: ExchangeStore
    else:

        @functools.cached_property
        def entries(self) -> EntryStore:
            from ips_reflect.store.entry_store import EntryStore

            return EntryStore(self.db)

        @functools.cached_property
        def drafts(self) -> DraftStore:
            from ips_reflect.store.records import DraftStore

            return DraftStore(self.db)

        @functools.cached_property
        def flags(self) -> FlagStore:
            from ips_reflect.store.records import FlagStore

            return FlagStore(self.db)

        @functools.cached_property
        def plans(self) -> PlanStore:
            from ips_reflect.store.records import PlanStore

            return PlanStore(self.db)

        @functools.cached_property
        def biography(self) -> BiographyStore:
            from ips_reflect.store.records import BiographyStore

            return BiographyStore(self.db)

        @functools.cached_property
        def supervision(self) -> SupervisionStore:
            from ips_reflect.store.records import SupervisionStore

            return SupervisionStore(self.db)

        @functools.cached_property
        def kv(self) -> KeyValueStore:
            from ips_reflect.store.records import KeyValueStore

            return KeyValueStore(self.db)

        @functools.cached_property
        def exchange(self) -> ExchangeStore:
            from ips_reflect.store.exchange_store import ExchangeStore

            return ExchangeStore(self.db)

    # ------------------------------------------------------------------ locating

    @staticmethod
    def exists(data_dir: str | Path) -> bool:
        """True if ``data_dir`` holds a vault (or the remains of one)."""
        d = Path(data_dir)
        return header_path(d).exists() or db_path(d).exists()

    # ------------------------------------------------------------------ opening

    @classmethod
    def create(
        cls, data_dir: str | Path, passphrase: str, kdf: KdfParams | None = None
    ) -> tuple[Vault, str]:
        """Make a new vault; returns it (open) and the one-time recovery code to show."""
        check_new_passphrase(passphrase)
        d = Path(data_dir)
        if cls.exists(d):
            raise VaultExists(messages.VAULT_EXISTS.format(dir=d))
        try:
            ensure_private_dir(d)
        except OSError as exc:
            raise VaultError(
                messages.VAULT_DIR_UNUSABLE.format(dir=d, problem=exc.strerror or exc)
            ) from None
        lock = _take_lock(d)
        if cls.exists(d):  # made by another program while we waited for the lock
            lock.release()
            raise VaultExists(messages.VAULT_EXISTS.format(dir=d))
        key, code, header = _new_secrets(passphrase, kdf or DEFAULT_KDF)
        db: Database | None = None
        try:
            db = Database.open(db_path(d), key, create=True)
            migrate(db.conn, where=str(d))
            atomic_write_bytes(header_path(d), header.to_bytes())
        except BaseException as exc:
            if db is not None:
                db.close()
            for path in (header_path(d), *(Path(f"{db_path(d)}{s}") for s in ("", *SIDE_SUFFIXES))):
                with contextlib.suppress(OSError):
                    path.unlink()
            lock.release()
            with contextlib.suppress(OSError):
                lock.path.unlink()  # nothing is left behind, the lock file included
            problem = (exc.strerror or str(exc)) if isinstance(exc, OSError) else disk_problem(exc)
            if problem is None:
                raise
            raise VaultError(messages.VAULT_CREATE_FAILED.format(dir=d, problem=problem)) from exc
        lock.announce()
        return cls(d, db, header, key, lock), code

    @classmethod
    def _open(cls, data_dir: Path, header: Header, key: bytes, lock: VaultLock) -> Vault:
        from ips_reflect.store import backup as backup_mod

        path = db_path(data_dir)
        with contextlib.suppress(OSError):
            if path.stat().st_size == 0:  # checked before SQLite writes a first page
                raise DatabaseDamaged(
                    messages.VAULT_DB_EMPTY.format(
                        path=path, backups=data_dir / backup_mod.BACKUPS_DIR
                    )
                )
        db = Database.open(path, key)
        with contextlib.suppress(OSError):
            os.chmod(data_dir, 0o700)  # tighten a folder someone loosened
        try:
            found = schema_version(db.conn)
            if found == 0:
                # A vault always has tables before its header is written: an empty
                # database here was lost (cut to 0 bytes, replaced), not new. Opening
                # it would show an empty journal and later backups would rotate the
                # good ones away.
                raise DatabaseDamaged(
                    messages.VAULT_DB_EMPTY.format(
                        path=db.path, backups=data_dir / backup_mod.BACKUPS_DIR
                    )
                )
            if found != LATEST:
                # Only an older (or newer) vault needs more: a current one is opened
                # with this one read, and no write lock is taken.
                check_not_newer(db.conn, str(data_dir))
                migrate(db.conn, where=str(data_dir))
        except BaseException:
            db.close()
            raise
        lock.announce()
        return cls(data_dir, db, header, key, lock)

    @classmethod
    def _unlock_with(cls, d: Path, secret: bytes, purpose: str, wrong: Exception) -> Vault:
        """Unwrap the key (no lock and no file touched if the secret is wrong), then take
        the vault lock and open. A header changed by another program while the key was
        being derived (a passphrase change) is read again under the lock."""
        header = read_header(d)
        derived = unwrap_in_background(header, secret, purpose)
        if (os.cpu_count() or 1) > header.wrap_for(purpose).kdf.parallelism:
            load_for_open()  # on a core Argon2id's lanes leave free
        from ips_reflect.store import backup as backup_mod
        from ips_reflect.store import rekey as rekey_mod

        try:
            key = derived()
        except crypto.KeyUnwrapError:
            raise wrong from None
        load_for_open()  # (already loaded when there was a core to spare)
        lock = _take_lock(d)
        try:
            current = read_header(d)
            if current != header:
                header = current
                try:
                    key = open_wrap(header, secret, purpose)
                except crypto.KeyUnwrapError:
                    raise wrong from None
            rekey_mod.finish_pending(d, key)
            backup_mod.clean_leftovers(d)
            vault = cls._open(d, header, key, lock)
        except BaseException:
            lock.release()
            raise
        if header.wrap_for(purpose).kdf.below(cls.kdf_target):
            vault._upgrade(purpose, secret)
        return vault

    @classmethod
    def unlock(cls, data_dir: str | Path, passphrase: str) -> Vault:
        """Open with the passphrase. Raises :class:`WrongPassphrase` before opening anything."""
        return cls._unlock_with(
            Path(data_dir),
            crypto.normalise_passphrase(passphrase),
            crypto.PURPOSE_PASSPHRASE,
            WrongPassphrase(messages.VAULT_WRONG_PASSPHRASE),
        )

    @classmethod
    def unlock_with_recovery(cls, data_dir: str | Path, code: str) -> Vault:
        """Open with the recovery code (which stays valid until replaced)."""
        secret = crypto.normalise_recovery_code(code)
        return cls._unlock_with(
            Path(data_dir),
            secret,
            crypto.PURPOSE_RECOVERY,
            WrongRecoveryCode(messages.VAULT_WRONG_RECOVERY_CODE),
        )

    @classmethod
    def reset_passphrase_with_recovery(
        cls,
        data_dir: str | Path,
        code: str,
        new_passphrase: str,
        kdf: KdfParams | None = None,
    ) -> tuple[Vault, str]:
        """Forgotten passphrase: open with the recovery code, set a new passphrase and
        replace the used recovery code. Returns the open vault and the NEW code."""
        check_new_passphrase(new_passphrase)
        vault = cls.unlock_with_recovery(data_dir, code)
        try:
            new_code = vault.renew_secrets(new_passphrase, kdf)
        except BaseException:
            vault.close()
            raise
        return vault, new_code

    #: Short name used by the GUI: ``Vault.recover(data_dir, code, new_passphrase)``.
    recover = reset_passphrase_with_recovery

    # ------------------------------------------------------------------ key management

    @property
    def key(self) -> bytes:
        if self._key is None:
            raise VaultClosed(messages.VAULT_LOCKED)
        return bytes(self._key)

    @property
    def is_open(self) -> bool:
        return self._key is not None

    def _current_header(self) -> Header:
        return read_header(self.data_dir)

    def _rewrap(self, purpose: str, secret: bytes, kdf: KdfParams | None = None) -> None:
        wrap = make_wrap(self.key, secret, purpose, kdf or self.kdf_target)
        header = self._current_header().with_wrap(purpose, wrap)
        write_header(self.data_dir, header)
        self.header = header

    def _upgrade(self, purpose: str, secret: bytes) -> None:
        """Raise a weak wrap to the current Argon2id settings; best effort (a read-only
        folder just keeps the old, still valid, wrap)."""
        with contextlib.suppress(OSError, StorageError):
            self._rewrap(purpose, secret)

    def check_passphrase(self, passphrase: str) -> bool:
        """True if ``passphrase`` is the vault's current passphrase (e.g. before a change)."""
        try:
            key = open_wrap(
                self._current_header(),
                crypto.normalise_passphrase(passphrase),
                crypto.PURPOSE_PASSPHRASE,
            )
        except crypto.KeyUnwrapError:
            return False
        return key == self.key

    def change_passphrase(self, new_passphrase: str, kdf: KdfParams | None = None) -> str:
        """Set a new passphrase. The database is re-keyed (see :mod:`rekey`), so no old
        header opens it any more, and the recovery code is replaced too (it wrapped the
        old key). Returns the NEW recovery code, to be shown once."""
        return self.renew_secrets(new_passphrase, kdf)

    def new_recovery_code(self, passphrase: str, kdf: KdfParams | None = None) -> str:
        """Replace the recovery code, keeping ``passphrase`` (the current one). The
        database is re-keyed, so the old code opens nothing, not even an old header. The
        passphrase is kept as it is, even one set before today's strength floor."""
        return self.renew_secrets(passphrase, kdf, new_passphrase_given=False)

    def renew_secrets(
        self,
        new_passphrase: str,
        kdf: KdfParams | None = None,
        *,
        new_passphrase_given: bool = True,
    ) -> str:
        """Re-key the database and write a header holding only the new key, wrapped under
        ``new_passphrase`` and a new recovery code. Returns the new recovery code.

        Crash-safe at every step: the vault opens with the old secrets until the new
        header is written, and with the new ones from then on."""
        from ips_reflect.store import backup as backup_mod
        from ips_reflect.store import rekey as rekey_mod

        if new_passphrase_given:
            check_new_passphrase(new_passphrase)
        self._require_open()
        new_key, code, header = _new_secrets(new_passphrase, kdf or self.kdf_target)
        header = Header(self._current_header().created, header.passphrase, header.recovery)
        pending = rekey_mod.pending_path(self.data_dir)
        db = self.db
        with db.lock:
            try:
                with db.storage_errors():
                    expected = backup_mod.counts(db.conn, backup_mod.schema_version(db.conn))
                    rekey_mod.export_copy(db.conn, pending, new_key)
                rekey_mod.check_copy(pending, new_key, expected)
            except OSError as exc:
                rekey_mod.finish_pending(self.data_dir, self.key)
                raise StorageError(
                    messages.VAULT_REKEY_FAILED.format(
                        dir=self.data_dir, problem=exc.strerror or exc
                    )
                ) from None
            except BaseException:
                rekey_mod.finish_pending(self.data_dir, self.key)
                raise
            db.close()  # checkpoints and removes the WAL: vault.db is complete on its own
            wal = Path(f"{db.path}-wal")
            if wal.exists() and wal.stat().st_size:  # another connection kept it open
                rekey_mod.finish_pending(self.data_dir, self.key)
                db.reopen(self.key)
                raise StorageError(lock_mod.busy_sentence(self.data_dir))
            try:
                write_header(self.data_dir, header)  # the commit point
            except BaseException:
                # The old header and database still belong together: carry on with them.
                rekey_mod.finish_pending(self.data_dir, self.key)
                db.reopen(self.key)
                raise
            self._set_key(new_key)
            self.header = header
            rekey_mod.swap_in(self.data_dir)
            db.reopen(new_key)
        return code

    def _set_key(self, key: bytes) -> None:
        if self._key is not None:
            for i in range(len(self._key)):
                self._key[i] = 0
        self._key = bytearray(key)

    # ------------------------------------------------------------------ search, backups, checks

    def search(
        self,
        query: str,
        *,
        limit: int = 50,
        offset: int = 0,
        kind: str | None = None,
        include_bin: bool = False,
        marks: tuple[str, str] = search_mod.DEFAULT_MARKS,
        prefix: bool = True,
    ) -> list[search_mod.SearchHit]:
        """Full-text search, best match first; never raises on odd input."""
        self._require_open()
        return search_mod.search(
            self.db,
            query,
            limit=limit,
            offset=offset,
            kind=kind,
            include_bin=include_bin,
            marks=marks,
            prefix=prefix,
        )

    def backup(self, dest: str | Path) -> Path:
        """Write an encrypted backup file (opens with the current passphrase or recovery code)."""
        from ips_reflect.store import backup as backup_mod

        header_bytes = header_path(self.data_dir).read_bytes()
        return backup_mod.write_backup(self.db, self.key, header_bytes, Path(dest), self.data_dir)

    def auto_backup(self, keep: int | None = None) -> Path:
        """Backup into ``<data dir>/backups/``, keeping the newest ``keep``. For lock and quit."""
        from ips_reflect.store import backup as backup_mod

        folder = ensure_private_dir(self.data_dir / backup_mod.BACKUPS_DIR)
        backup_mod.clean_leftovers(self.data_dir)
        path = folder / backup_mod.backup_name()
        self.backup(path)
        backup_mod.prune_backups(folder, backup_mod.DEFAULT_KEEP if keep is None else keep)
        return path

    def backups(self) -> list[Path]:
        """Automatic backups, newest first."""
        from ips_reflect.store import backup as backup_mod

        folder = self.data_dir / backup_mod.BACKUPS_DIR
        if not folder.is_dir():
            return []
        return sorted(folder.glob(f"vault-*{backup_mod.BACKUP_SUFFIX}"), reverse=True)

    def verify(self) -> backup_mod.VerifyReport:
        """Encryption (page HMACs), database and search-index integrity, plus counts."""
        from ips_reflect.store import backup as backup_mod

        self._require_open()
        with self.db.lock:
            return backup_mod.check_connection(self.db.conn)

    def search_count(self, query: str, *, include_bin: bool = False) -> int:
        """How many entries match ``query`` (for "N results")."""
        self._require_open()
        return search_mod.count(self.db, query, include_bin=include_bin)

    def counts(self) -> dict[str, int]:
        """Live entries, entries in the bin, drafts, flags, plan versions, sessions."""
        from ips_reflect.store import backup as backup_mod

        self._require_open()
        with self.db.lock:
            return backup_mod.counts(self.db.conn, backup_mod.schema_version(self.db.conn))

    # ------------------------------------------------------------------ closing

    def worker_copy(self) -> Vault:
        """A second handle on this open vault with its own SQLCipher connection, for one
        worker thread (a flag check, an import or export).

        The shared connection serialises every query behind one lock, so a long job on
        it would stall the page; this one goes through SQLite's own locking instead (WAL:
        readers never wait for the writer, and writers wait up to the busy timeout).
        Close it when the job ends: that wipes its copy of the key and closes its
        connection, and never releases the vault's lock or touches this handle.
        """
        self._require_open()
        assert self._key is not None
        key = bytes(self._key)
        db = Database.open(self.db.path, key)
        return Vault(self.data_dir, db, self.header, key, lock=None)

    def _require_open(self) -> None:
        if self._key is None:
            raise VaultClosed(messages.VAULT_LOCKED)

    def close(self) -> None:
        """Lock: close the database and wipe the key held by this object."""
        if self._key is not None:
            for i in range(len(self._key)):
                self._key[i] = 0
            self._key = None
        self.db.close()
        if self._lock is not None:
            self._lock.release()
            self._lock = None

    lock = close

    def __enter__(self) -> Vault:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()

    def __repr__(self) -> str:
        state = "open" if self.is_open else "locked"
        return f"<Vault {self.data_dir} {state}>"

    def __getstate__(self) -> Any:
        raise TypeError("a Vault cannot be pickled")
