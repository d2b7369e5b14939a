"""Supervision exchange files without Qt or a vault: key cards, fingerprints, envelopes.

A practitioner shares a session with a supervisor, and the supervisor replies, through
files carried by hand or any ordinary channel (no server, no network code). Each vault
has one identity: an Ed25519 signing key and an X25519 encryption key (libsodium via
PyNaCl). Their private halves live only in the encrypted vault; the public halves go
out as a *key card*, a small JSON text file::

    {"format": "ips-reflect/key-card", "version": 1, "name": "Sam Patel",
     "sign_key": "<base64, 32 bytes>", "box_key": "<base64, 32 bytes>",
     "created": "2026-03-12T09:30:00+00:00"}

The *fingerprint* of a card is SHA-256 over the two public keys (signing key first);
people read its first 80 bits to each other as four groups of Crockford base32, e.g.
``7KQ2-M9XD-4T8P-WZ3R``. The full 256 bits are what a file is addressed to.

An *envelope* (a ``.ipsshare`` or ``.ipsreply`` file) is one ASCII line, then the
sealed box::

    IPS-REFLECT-EXCHANGE 1 share 7KQ2-M9XD-4T8P-WZ3R\\n<sealed box>

Inside the sealed box (``nacl.public.SealedBox`` to the recipient's X25519 key) is the
sender's Ed25519 public key (32 bytes), a detached signature (64 bytes) and the payload
(UTF-8 JSON). The signature covers a domain-separated message: a fixed label, the kind,
the recipient's full fingerprint and the payload bytes, so a file cannot be re-sealed
to someone else, or passed off as the other kind, without the signature failing.
Only libsodium constructions are used; nothing here is home-made cryptography.

Every function takes and returns bytes or plain values; problems raise
:class:`ExchangeError` with a sentence naming the file (``source``).
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import json
import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from ips_reflect import messages
from ips_reflect.errors import UserError
from ips_reflect.textsafe import for_terminal

CARD_FORMAT = "ips-reflect/key-card"
CARD_VERSION = 1
#: A key card is a few hundred bytes; anything far bigger is not one.
MAX_CARD_BYTES = 64 * 1024
#: An exchange file (share or reply) is refused before it is read above this.
MAX_EXCHANGE_FILE_BYTES = 20 * 1024 * 1024
MAX_NAME_CHARS = 120
#: How deeply a payload's JSON may nest (the real ones nest four levels).
MAX_JSON_DEPTH = 12

MAGIC = b"IPS-REFLECT-EXCHANGE"
ENVELOPE_VERSION = 1
KINDS: tuple[str, ...] = ("share", "reply")
_SIGN_LABEL = b"IPS Reflect supervision exchange v1\x00"
_KEY_BYTES = 32
_SIG_BYTES = 64
_HEADER_MAX = 128

CROCKFORD = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
_CODE_RE = re.compile(r"^[0-9A-HJKMNP-TV-Z]{4}(?:-[0-9A-HJKMNP-TV-Z]{4}){3}$")
_CONTROL_RE = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u200b-\u200f\u2028-\u202e\u2066-\u2069]")


class ExchangeError(UserError):
    """An exchange file or key card that cannot be used; the sentence says why."""


# --------------------------------------------------------------------------- fingerprints


def crockford(data: bytes, bits: int) -> str:
    """The first ``bits`` (a multiple of 5) of ``data`` in Crockford base32."""
    value = int.from_bytes(data, "big") >> (len(data) * 8 - bits)
    chars = [CROCKFORD[(value >> shift) & 31] for shift in range(bits - 5, -1, -5)]
    return "".join(chars)


def key_digest(sign_key: bytes, box_key: bytes) -> bytes:
    """SHA-256 over the signing key and then the encryption key (the full fingerprint)."""
    return hashlib.sha256(sign_key + box_key).digest()


def short_code(digest: bytes) -> str:
    """The first 80 bits of a digest as ``XXXX-XXXX-XXXX-XXXX`` (Crockford base32)."""
    code = crockford(digest, 80)
    return "-".join(code[i : i + 4] for i in range(0, 16, 4))


def normalise_code(text: str) -> str:
    """A fingerprint as someone typed it, in canonical form (``o`` is 0, ``i``/``l`` are 1,
    spaces and dashes anywhere); "" if it cannot be one."""
    raw = re.sub(r"[\s\-]", "", text or "").upper()
    raw = raw.translate(str.maketrans("OIL", "011"))
    if len(raw) != 16 or any(c not in CROCKFORD for c in raw):
        return ""
    code = "-".join(raw[i : i + 4] for i in range(0, 16, 4))
    return code if _CODE_RE.match(code) else ""


# --------------------------------------------------------------------------- identity and cards


@dataclass(frozen=True)
class Identity:
    """A vault's own keys: the private halves (kept only in the vault) and a name."""

    name: str
    sign_seed: bytes
    box_secret: bytes
    created: str

    @property
    def sign_key(self) -> bytes:
        from nacl.signing import SigningKey

        return bytes(SigningKey(self.sign_seed).verify_key)

    @property
    def box_key(self) -> bytes:
        from nacl.public import PrivateKey

        return bytes(PrivateKey(self.box_secret).public_key)

    def card(self, name: str | None = None) -> KeyCard:
        return KeyCard(
            name=clean_name(name if name is not None else self.name),
            sign_key=self.sign_key,
            box_key=self.box_key,
            created=self.created,
        )


def new_identity(name: str, created: str) -> Identity:
    """Fresh keys from libsodium's random generator."""
    from nacl.public import PrivateKey
    from nacl.signing import SigningKey

    return Identity(
        name=clean_name(name),
        sign_seed=bytes(SigningKey.generate()),
        box_secret=bytes(PrivateKey.generate()),
        created=created,
    )


def clean_name(name: str) -> str:
    """A person's name on one line, spaces collapsed (control characters removed)."""
    return " ".join(_CONTROL_RE.sub(" ", name or "").split())[:MAX_NAME_CHARS]


@dataclass(frozen=True)
class KeyCard:
    """Someone's public keys and the name they gave."""

    name: str
    sign_key: bytes
    box_key: bytes
    created: str = ""

    @property
    def digest(self) -> bytes:
        return key_digest(self.sign_key, self.box_key)

    @property
    def fingerprint(self) -> str:
        """The code people read to each other: ``7KQ2-M9XD-4T8P-WZ3R``."""
        return short_code(self.digest)

    def to_json(self) -> dict[str, Any]:
        return {
            "format": CARD_FORMAT,
            "version": CARD_VERSION,
            "name": self.name,
            "sign_key": base64.b64encode(self.sign_key).decode("ascii"),
            "box_key": base64.b64encode(self.box_key).decode("ascii"),
            "created": self.created,
        }

    def to_bytes(self) -> bytes:
        return (json.dumps(self.to_json(), ensure_ascii=False, indent=2) + "\n").encode("utf-8")


def _b64_key(value: Any) -> bytes | None:
    if not isinstance(value, str) or len(value) > 64:
        return None
    try:
        raw = base64.b64decode(value.encode("ascii"), validate=True)
    except (binascii.Error, UnicodeEncodeError, ValueError):
        return None
    return raw if len(raw) == _KEY_BYTES else None


def card_from_json(doc: Any, source: str) -> KeyCard:
    """A card from its parsed JSON; every field checked."""
    if not isinstance(doc, dict) or doc.get("format") != CARD_FORMAT:
        raise ExchangeError(messages.EX_CARD_NOT_CARD.format(file=for_terminal(source)))
    if doc.get("version") != CARD_VERSION or isinstance(doc.get("version"), bool):
        raise ExchangeError(messages.EX_CARD_VERSION.format(file=for_terminal(source)))
    name, created = doc.get("name"), doc.get("created", "")
    sign_key, box_key = _b64_key(doc.get("sign_key")), _b64_key(doc.get("box_key"))
    if (
        not isinstance(name, str)
        or not clean_name(name)
        or len(name) > MAX_NAME_CHARS
        or not isinstance(created, str)
        or len(created) > 40
        or sign_key is None
        or box_key is None
    ):
        raise ExchangeError(messages.EX_CARD_BAD_FIELDS.format(file=for_terminal(source)))
    return KeyCard(clean_name(name), sign_key, box_key, clean_name(created))


def read_card(data: bytes, source: str) -> KeyCard:
    """A key card file's bytes, checked."""
    if len(data) > MAX_CARD_BYTES:
        raise ExchangeError(messages.EX_CARD_NOT_CARD.format(file=for_terminal(source)))
    return card_from_json(parse_json(data, source, messages.EX_CARD_NOT_CARD), source)


# --------------------------------------------------------------------------- bounded JSON

_STRING_RE = re.compile(r'"(?:[^"\\]|\\.)*"', re.DOTALL)
_BRACKET_RE = re.compile(r"[\[\]{}]")


def json_depth(text: str) -> int:
    """How deeply ``text``'s arrays and objects nest (strings skipped), without parsing."""
    depth = deepest = 0
    for m in _BRACKET_RE.finditer(_STRING_RE.sub('""', text)):
        depth += 1 if m.group() in "[{" else -1
        deepest = max(deepest, depth)
    return deepest


def _unique_keys(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for key, value in pairs:
        if key in out:
            raise ValueError("a key is repeated")
        out[key] = value
    return out


def _no_constant(name: str) -> Any:
    raise ValueError(f"{name} is not allowed")


def parse_json(data: bytes, source: str, bad: str) -> Any:
    """UTF-8 JSON, nesting at most :data:`MAX_JSON_DEPTH`, no repeated keys, no NaN;
    ``bad`` (a message with ``{file}``) for anything else."""
    try:
        text = data.decode("utf-8")
        if json_depth(text) > MAX_JSON_DEPTH:
            raise ValueError("nested too deeply")
        return json.loads(text, object_pairs_hook=_unique_keys, parse_constant=_no_constant)
    except (UnicodeDecodeError, ValueError, RecursionError):
        raise ExchangeError(bad.format(file=for_terminal(source))) from None


def canonical_json(value: Any) -> bytes:
    """One byte string for one value: keys sorted, no spaces, UTF-8."""
    return json.dumps(value, ensure_ascii=False, sort_keys=True, separators=(",", ":")).encode(
        "utf-8"
    )


# --------------------------------------------------------------------------- envelopes


def _signed_message(kind: str, recipient_digest: bytes, payload: bytes) -> bytes:
    head = [_SIGN_LABEL, kind.encode("ascii"), b"\x00", recipient_digest.hex().encode(), b"\x00"]
    return b"".join([*head, payload])


def header_line(kind: str, recipient: KeyCard) -> bytes:
    return b"%s %d %s %s\n" % (
        MAGIC,
        ENVELOPE_VERSION,
        kind.encode("ascii"),
        recipient.fingerprint.encode("ascii"),
    )


def seal(kind: str, payload: bytes, sender: Identity, recipient: KeyCard) -> bytes:
    """``payload`` signed by ``sender`` and sealed to ``recipient``, with its header."""
    from nacl.public import PublicKey, SealedBox
    from nacl.signing import SigningKey

    if kind not in KINDS:
        raise ValueError(f"kind must be one of {KINDS}")
    signer = SigningKey(sender.sign_seed)
    signature = signer.sign(_signed_message(kind, recipient.digest, payload)).signature
    inner = bytes(signer.verify_key) + signature + payload
    return header_line(kind, recipient) + SealedBox(PublicKey(recipient.box_key)).encrypt(inner)


@dataclass(frozen=True)
class Header:
    kind: str
    recipient: str  # the short fingerprint the file says it is for


def read_header(data: bytes, source: str) -> tuple[Header, bytes]:
    """The header and the sealed box of an exchange file; not our format -> refused."""
    shown = for_terminal(source)
    end = data.find(b"\n", 0, _HEADER_MAX)
    if not data.startswith(MAGIC + b" ") or end < 0:
        raise ExchangeError(messages.EX_NOT_EXCHANGE.format(file=shown))
    try:
        parts = data[:end].decode("ascii").split(" ")
    except UnicodeDecodeError:
        raise ExchangeError(messages.EX_DAMAGED.format(file=shown)) from None
    if len(parts) != 4 or parts[2] not in KINDS or not _CODE_RE.match(parts[3]):
        raise ExchangeError(messages.EX_DAMAGED.format(file=shown))
    if parts[1] != str(ENVELOPE_VERSION):
        raise ExchangeError(messages.EX_NEWER_FORMAT.format(file=shown, version=parts[1][:8]))
    return Header(parts[2], parts[3]), data[end + 1 :]


@dataclass(frozen=True)
class Opened:
    kind: str
    sender_sign_key: bytes
    payload: bytes


def open_envelope(data: bytes, me: Identity, kind: str, source: str) -> Opened:
    """Check the header, open the sealed box with ``me``'s key and check the signature
    against the sender key inside. The caller checks that the sender is who it should
    be. Raises :class:`ExchangeError` for another kind, another recipient, a damaged or
    changed file, or a bad signature."""
    from nacl.exceptions import BadSignatureError, CryptoError
    from nacl.public import PrivateKey, SealedBox
    from nacl.signing import VerifyKey

    shown = for_terminal(source)
    if len(data) > MAX_EXCHANGE_FILE_BYTES:
        raise ExchangeError(messages.EX_TOO_LARGE.format(file=shown))
    header, box = read_header(data, source)
    mine = me.card()
    if header.kind != kind:
        wrong = messages.EX_WRONG_KIND_REPLY if kind == "share" else messages.EX_WRONG_KIND_SHARE
        raise ExchangeError(wrong.format(file=shown))
    if header.recipient != mine.fingerprint:
        raise ExchangeError(
            messages.EX_NOT_FOR_ME.format(
                file=shown, theirs=header.recipient, mine=mine.fingerprint
            )
        )
    try:
        inner = SealedBox(PrivateKey(me.box_secret)).decrypt(box)
    except (CryptoError, ValueError, TypeError):
        raise ExchangeError(messages.EX_DAMAGED.format(file=shown)) from None
    if len(inner) < _KEY_BYTES + _SIG_BYTES + 2:
        raise ExchangeError(messages.EX_DAMAGED.format(file=shown))
    sender = inner[:_KEY_BYTES]
    signature = inner[_KEY_BYTES : _KEY_BYTES + _SIG_BYTES]
    payload = inner[_KEY_BYTES + _SIG_BYTES :]
    try:
        VerifyKey(sender).verify(_signed_message(kind, mine.digest, payload), signature)
    except (BadSignatureError, ValueError, TypeError):
        raise ExchangeError(messages.EX_BAD_SIGNATURE.format(file=shown)) from None
    return Opened(kind, sender, payload)


# --------------------------------------------------------------------------- checked fields


class Fields:
    """Reads one JSON object's fields; the first bad one raises ``ExchangeError(bad)``."""

    def __init__(self, doc: Any, bad: str) -> None:
        if not isinstance(doc, dict):
            raise ExchangeError(bad)
        self.doc: Mapping[str, Any] = doc
        self.bad = bad

    def fail(self) -> ExchangeError:
        return ExchangeError(self.bad)

    def text(self, key: str, limit: int, *, empty: bool = True, line: bool = False) -> str:
        value = self.doc.get(key)
        if not isinstance(value, str) or len(value) > limit or (not empty and not value.strip()):
            raise self.fail()
        if "\x00" in value or (line and _CONTROL_RE.search(value)):
            raise self.fail()
        return value

    def optional_text(self, key: str, limit: int) -> str | None:
        return None if self.doc.get(key) is None else self.text(key, limit, line=True)

    def number(self, key: str, low: int, high: int) -> int:
        value = self.doc.get(key)
        if not isinstance(value, int) or isinstance(value, bool) or not low <= value <= high:
            raise self.fail()
        return value

    def items(self, key: str, limit: int) -> list[Any]:
        value = self.doc.get(key)
        if not isinstance(value, list) or len(value) > limit:
            raise self.fail()
        return value

    def day(self, key: str, *, optional: bool = False) -> str | None:
        from datetime import date

        value = self.doc.get(key)
        if value is None and optional:
            return None
        if not isinstance(value, str) or not re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
            raise self.fail()
        try:
            date.fromisoformat(value)
        except ValueError:
            raise self.fail() from None
        return value

    def moment(self, key: str) -> str:
        from datetime import datetime

        value = self.text(key, 40, empty=False, line=True)
        try:
            datetime.fromisoformat(value)
        except ValueError:
            raise self.fail() from None
        return value
