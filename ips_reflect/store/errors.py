"""Vault errors people can act on. All are :class:`UserError`: exit 1, a sentence, no traceback."""

from __future__ import annotations

from ips_reflect.errors import UserError


class VaultError(UserError):
    """Base class for vault problems."""


class NoVault(VaultError):
    """There is no vault in the data folder."""


class VaultExists(VaultError):
    """``init`` would overwrite an existing vault."""


class WrongPassphrase(VaultError):
    """The passphrase does not unwrap the key. Raised before the database is opened."""


class WrongRecoveryCode(VaultError):
    """The recovery code does not unwrap the key."""


class BadRecoveryCode(WrongRecoveryCode):
    """The text given is not shaped like a recovery code (checked before any key work)."""


class HeaderDamaged(VaultError):
    """``header.json`` is missing, unreadable or not a vault header.

    ``problem`` says why in words when the header was readable but refused (for
    example key settings above the ceilings), else it is empty."""

    problem = ""


class DatabaseDamaged(VaultError):
    """``vault.db`` is missing or cannot be read with the vault's key."""


class NewerSchema(VaultError):
    """The database was written by a newer version of the app."""


class StorageError(VaultError):
    """The disk refused a read or write (full, input/output error, read-only).

    Nothing half-written is left: the change in progress was rolled back or its
    temporary file removed."""


class BackupError(VaultError):
    """A backup file cannot be written, read or restored."""


class VaultClosed(VaultError):
    """The vault was locked; unlock it again."""
