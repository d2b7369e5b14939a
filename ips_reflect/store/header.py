"""``header.json``: the wrapped database key and how to unwrap it.

Example (values shortened)::

    {"format": "ips-reflect/vault-header", "version": 1,
     "created": "2026-11-02T09:30:00+00:00", "cipher": "aes-256-gcm",
     "passphrase": {"kdf": {"name": "argon2id", "memory_cost": 65536, "time_cost": 3,
                            "parallelism": 2},
                    "salt": "...", "nonce": "...", "wrapped_key": "...", "updated": "..."},
     "recovery": {...same shape...}}

The header holds no personal data. It is written atomically (temporary file in
the same folder, fsync, rename, fsync of the folder) with mode 0600.
"""

from __future__ import annotations

import contextlib
import importlib
import json
import threading
from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from ips_reflect import messages
from ips_reflect.core.entries import now_iso
from ips_reflect.fileio import atomic_write_bytes
from ips_reflect.store import crypto
from ips_reflect.store.crypto import KdfParams, KeyWrap
from ips_reflect.store.errors import HeaderDamaged, NoVault, StorageError
from ips_reflect.store.files import db_path, header_path

FORMAT = "ips-reflect/vault-header"
VERSION = 1
CIPHER = "aes-256-gcm"


@dataclass(frozen=True)
class Header:
    created: str
    passphrase: KeyWrap
    recovery: KeyWrap

    def to_bytes(self) -> bytes:
        doc = {
            "format": FORMAT,
            "version": VERSION,
            "created": self.created,
            "cipher": CIPHER,
            "passphrase": self.passphrase.to_dict(),
            "recovery": self.recovery.to_dict(),
        }
        return (json.dumps(doc, indent=2) + "\n").encode("ascii")

    @classmethod
    def from_bytes(cls, data: bytes, where: str) -> Header:
        try:
            doc = json.loads(data.decode("utf-8"))
            if not isinstance(doc, dict) or doc.get("format") != FORMAT:
                raise ValueError("not a vault header")
            if doc.get("version") != VERSION:
                raise NewerHeader(doc.get("version"))
            if doc.get("cipher") != CIPHER:
                raise ValueError("unknown cipher")
            created = doc.get("created")
            if not isinstance(created, str):
                raise ValueError("missing 'created'")
            return cls(
                created,
                KeyWrap.from_dict(doc.get("passphrase")),
                KeyWrap.from_dict(doc.get("recovery")),
            )
        except NewerHeader as exc:
            raise HeaderDamaged(
                messages.VAULT_HEADER_NEWER.format(where=where, version=exc.args[0])
            ) from None
        except (ValueError, UnicodeDecodeError, TypeError) as exc:
            error = HeaderDamaged(messages.VAULT_HEADER_DAMAGED.format(where=where, problem=exc))
            if "key settings" in str(exc):
                error.problem = str(exc)
            raise error from None
        except RecursionError:  # JSON nested thousands deep
            raise HeaderDamaged(
                messages.VAULT_HEADER_DAMAGED.format(where=where, problem="not a vault header")
            ) from None

    def with_wrap(self, purpose: str, wrap: KeyWrap) -> Header:
        if purpose == crypto.PURPOSE_PASSPHRASE:
            return replace(self, passphrase=wrap)
        return replace(self, recovery=wrap)

    def wrap_for(self, purpose: str) -> KeyWrap:
        return self.passphrase if purpose == crypto.PURPOSE_PASSPHRASE else self.recovery


class NewerHeader(Exception):
    pass


def read_header(data_dir: Path) -> Header:
    """Read and check ``header.json``; never writes anything."""
    path = header_path(data_dir)
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        if db_path(data_dir).exists():
            raise HeaderDamaged(messages.VAULT_HEADER_MISSING.format(dir=data_dir)) from None
        raise NoVault(messages.VAULT_MISSING.format(dir=data_dir)) from None
    except NotADirectoryError:
        raise NoVault(messages.VAULT_MISSING.format(dir=data_dir)) from None
    except OSError as exc:
        raise HeaderDamaged(
            messages.VAULT_HEADER_UNREADABLE.format(where=path, problem=exc.strerror)
        ) from None
    return Header.from_bytes(data, str(path))


def write_header(data_dir: Path, header: Header) -> None:
    """Replace ``header.json`` atomically; on a disk error the old one stays and
    :class:`StorageError` says so."""
    path = header_path(data_dir)
    try:
        atomic_write_bytes(path, header.to_bytes())
    except OSError as exc:
        raise StorageError(
            messages.VAULT_HEADER_WRITE_FAILED.format(where=path, problem=exc.strerror or exc)
        ) from exc


def aad(purpose: str, kdf: KdfParams, salt: bytes) -> bytes:
    return crypto.associated_data(FORMAT, VERSION, purpose, kdf, salt)


def make_wrap(key: bytes, secret: bytes, purpose: str, kdf: KdfParams) -> KeyWrap:
    salt = crypto.new_salt()
    return crypto.wrap_key(
        key, secret, aad=aad(purpose, kdf, salt), kdf=kdf, salt=salt, updated=now_iso()
    )


def open_wrap(header: Header, secret: bytes, purpose: str) -> bytes:
    """Unwrap the database key; raises :class:`crypto.KeyUnwrapError` if the secret is wrong."""
    wrap = header.wrap_for(purpose)
    return crypto.unwrap_key(wrap, secret, aad=aad(purpose, wrap.kdf, wrap.salt))


def new_header(key: bytes, passphrase: bytes, recovery: bytes, kdf: KdfParams) -> Header:
    return Header(
        created=now_iso(),
        passphrase=make_wrap(key, passphrase, crypto.PURPOSE_PASSPHRASE, kdf),
        recovery=make_wrap(key, recovery, crypto.PURPOSE_RECOVERY, kdf),
    )


#: What taking the lock and opening the database import on first use. Loaded while the
#: key is being derived, so a command's unlock costs little more than Argon2id itself.
OPEN_MODULES = ("sqlcipher3", "filelock", "ips_reflect.store.backup", "ips_reflect.store.rekey")


def load_for_open() -> None:
    for name in OPEN_MODULES:
        with contextlib.suppress(ImportError):  # opening reports a missing one in words
            importlib.import_module(name)


def unwrap_in_background(header: Header, secret: bytes, purpose: str) -> Callable[[], bytes]:
    """Start unwrapping the database key on a thread (Argon2id releases the GIL); the
    function returned waits for it and returns the key, or raises what ``open_wrap``
    raised (:class:`crypto.KeyUnwrapError` for a wrong secret). Nothing is written and
    nothing but memory holds the key, as when it is unwrapped in line."""
    outcome: dict[str, Any] = {}

    def work() -> None:
        try:
            outcome["key"] = open_wrap(header, secret, purpose)
        except BaseException as exc:  # handed to the waiting thread
            outcome["error"] = exc

    thread = threading.Thread(target=work, name="ips-reflect-unwrap", daemon=True)
    thread.start()

    def wait() -> bytes:
        thread.join()
        if "error" in outcome:
            raise outcome.pop("error")
        key: bytes = outcome.pop("key")
        return key

    return wait
