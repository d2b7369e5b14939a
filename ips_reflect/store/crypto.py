"""Key material: the database key, Argon2id key derivation, AES-256-GCM wrapping.

The database is encrypted with a random 256-bit key. That key is stored only
*wrapped* (encrypted) in ``header.json``, once under a key derived from the
passphrase and once under a key derived from the recovery code. Changing either
secret gives the database a new key (``rekey.py``), so an old header opens nothing.

* KDF: Argon2id, 64 MiB, 3 passes, 2 lanes by default, 16-byte random salt; the
  parameters live next to each wrap so they can be raised later.
* Wrap: AES-256-GCM with a random 96-bit nonce. The associated data binds the
  header format and version, the purpose (passphrase or recovery), the KDF
  parameters and the salt, so none of them can be swapped without detection.
* A wrong secret fails the GCM tag check: nothing is decrypted, no database is
  opened.

Passphrases are NFC-normalised before use, so the same passphrase typed on
different systems (composed or decomposed accents) opens the vault.
"""

from __future__ import annotations

import base64
import json
import secrets
import unicodedata
from dataclasses import dataclass
from typing import Any

from ips_reflect.store.errors import BadRecoveryCode

KEY_BYTES = 32
SALT_BYTES = 16
NONCE_BYTES = 12

PURPOSE_PASSPHRASE = "passphrase"
PURPOSE_RECOVERY = "recovery"

# Unambiguous alphabet: no 0/O, no 1/I. 32 symbols = 5 bits each.
RECOVERY_ALPHABET = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ"
RECOVERY_GROUPS = 6
RECOVERY_GROUP_LEN = 4
RECOVERY_LENGTH = RECOVERY_GROUPS * RECOVERY_GROUP_LEN  # 24 symbols = 120 bits

# Ceilings for parameters read from a header or a backup, checked BEFORE any key
# derivation: a hostile backup asking for 4 GiB and hundreds of passes would
# otherwise hold the computer for minutes before "wrong passphrase". Far above what
# the app writes (64 MiB, 3 passes, 2 lanes) so settings can still be raised later.
_MIN_MEMORY, _MAX_MEMORY = 8 * 1024, 1024 * 1024  # KiB: 8 MiB .. 1 GiB
_MAX_TIME, _MAX_LANES = 10, 16


class KeyUnwrapError(Exception):
    """The secret does not open this wrap (GCM authentication failed)."""


@dataclass(frozen=True)
class KdfParams:
    """Argon2id cost. ``memory_cost`` is in KiB."""

    memory_cost: int = 65536
    time_cost: int = 3
    parallelism: int = 2

    def below(self, other: KdfParams) -> bool:
        """True if any cost is lower than ``other``'s (so it should be raised)."""
        return (
            self.memory_cost < other.memory_cost
            or self.time_cost < other.time_cost
            or self.parallelism < other.parallelism
        )

    def to_dict(self) -> dict[str, Any]:
        return {
            "name": "argon2id",
            "memory_cost": self.memory_cost,
            "time_cost": self.time_cost,
            "parallelism": self.parallelism,
        }

    @classmethod
    def from_dict(cls, data: Any) -> KdfParams:
        if not isinstance(data, dict) or data.get("name") != "argon2id":
            raise ValueError("unknown key derivation")
        values = [data.get(k) for k in ("memory_cost", "time_cost", "parallelism")]
        if not all(isinstance(v, int) and not isinstance(v, bool) for v in values):
            raise ValueError("key derivation parameters must be whole numbers")
        params = cls(*values)  # type: ignore[arg-type]
        if not (
            _MIN_MEMORY <= params.memory_cost <= _MAX_MEMORY
            and 1 <= params.time_cost <= _MAX_TIME
            and 1 <= params.parallelism <= _MAX_LANES
        ):
            raise ValueError(
                "its key settings ask for more than any IPS Reflect vault uses "
                f"({_MAX_MEMORY // 1024} MiB of memory, {_MAX_TIME} passes and "
                f"{_MAX_LANES} lanes at most), so it was not tried"
            )
        return params


DEFAULT_KDF = KdfParams()


@dataclass(frozen=True)
class KeyWrap:
    """The database key encrypted under one secret."""

    kdf: KdfParams
    salt: bytes
    nonce: bytes
    wrapped: bytes
    updated: str

    def to_dict(self) -> dict[str, Any]:
        return {
            "kdf": self.kdf.to_dict(),
            "salt": b64(self.salt),
            "nonce": b64(self.nonce),
            "wrapped_key": b64(self.wrapped),
            "updated": self.updated,
        }

    @classmethod
    def from_dict(cls, data: Any) -> KeyWrap:
        if not isinstance(data, dict):
            raise ValueError("a key wrap must be an object")
        salt = unb64(data.get("salt"), SALT_BYTES)
        nonce = unb64(data.get("nonce"), NONCE_BYTES)
        wrapped = unb64(data.get("wrapped_key"), KEY_BYTES + 16)
        updated = data.get("updated")
        if not isinstance(updated, str):
            raise ValueError("missing 'updated'")
        return cls(KdfParams.from_dict(data.get("kdf")), salt, nonce, wrapped, updated)


def b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def unb64(value: Any, length: int) -> bytes:
    if not isinstance(value, str):
        raise ValueError("expected base64 text")
    raw = base64.b64decode(value.encode("ascii"), validate=True)
    if len(raw) != length:
        raise ValueError(f"expected {length} bytes, found {len(raw)}")
    return raw


def new_db_key() -> bytes:
    return secrets.token_bytes(KEY_BYTES)


def normalise_passphrase(passphrase: str) -> bytes:
    return unicodedata.normalize("NFC", passphrase).encode("utf-8")


def derive_kek(secret: bytes, salt: bytes, params: KdfParams) -> bytes:
    from argon2.low_level import Type, hash_secret_raw

    return hash_secret_raw(
        secret,
        salt,
        time_cost=params.time_cost,
        memory_cost=params.memory_cost,
        parallelism=params.parallelism,
        hash_len=KEY_BYTES,
        type=Type.ID,
    )


def associated_data(
    header_format: str, header_version: int, purpose: str, kdf: KdfParams, salt: bytes
) -> bytes:
    return json.dumps(
        {
            "format": header_format,
            "version": header_version,
            "purpose": purpose,
            "kdf": kdf.to_dict(),
            "salt": b64(salt),
        },
        sort_keys=True,
        separators=(",", ":"),
    ).encode("ascii")


def wrap_key(
    key: bytes, secret: bytes, *, aad: bytes, kdf: KdfParams, salt: bytes, updated: str
) -> KeyWrap:
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM

    kek = derive_kek(secret, salt, kdf)
    nonce = secrets.token_bytes(NONCE_BYTES)
    wrapped = AESGCM(kek).encrypt(nonce, key, aad)
    return KeyWrap(kdf, salt, nonce, wrapped, updated)


def unwrap_key(wrap: KeyWrap, secret: bytes, *, aad: bytes) -> bytes:
    from cryptography.exceptions import InvalidTag
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM

    kek = derive_kek(secret, wrap.salt, wrap.kdf)
    try:
        return AESGCM(kek).decrypt(wrap.nonce, wrap.wrapped, aad)
    except InvalidTag:
        raise KeyUnwrapError() from None


def new_salt() -> bytes:
    return secrets.token_bytes(SALT_BYTES)


# --------------------------------------------------------------------------- recovery code


def generate_recovery_code() -> str:
    """24 random symbols from an unambiguous alphabet, as ``K7QM-2XPA-...`` (120 bits)."""
    symbols = "".join(secrets.choice(RECOVERY_ALPHABET) for _ in range(RECOVERY_LENGTH))
    return "-".join(
        symbols[i : i + RECOVERY_GROUP_LEN] for i in range(0, RECOVERY_LENGTH, RECOVERY_GROUP_LEN)
    )


def normalise_recovery_code(text: str) -> bytes:
    """The canonical form used for key derivation; tolerant of case, spaces and dashes."""
    cleaned = "".join(ch for ch in text.upper() if ch not in " -\t\r\n")
    bad = sorted({ch for ch in cleaned if ch not in RECOVERY_ALPHABET})
    if bad or len(cleaned) != RECOVERY_LENGTH:
        problem = (
            f"it contains {', '.join(repr(c) for c in bad)}, which never appear in one"
            if bad
            else f"it has {len(cleaned)} letters and digits instead of {RECOVERY_LENGTH}"
        )
        raise BadRecoveryCode(
            f"That is not a recovery code: {problem}. A recovery code is "
            f"{RECOVERY_GROUPS} groups of {RECOVERY_GROUP_LEN} letters and digits, "
            "like K7QM-2XPA-..., and never contains 0, 1, O or I. Check what you wrote "
            "down and try again."
        )
    return cleaned.encode("ascii")
