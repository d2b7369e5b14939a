"""What travels inside a share and a reply, and the signed session record.

*Share* (practitioner to supervisor), UTF-8 JSON inside the envelope::

    {"format": "ips-reflect/supervision-share", "version": 1, "share_id": "<32 hex>",
     "practitioner": {"name": "...", "card": {key card}}, "supervisor": "name on their card",
     "session_date": "2026-03-12", "created": "<ISO time>",
     "items": [{"index": 1, "kind": "entry|topic|flag", "title": "...", "text": "...",
                "sign": "name of the warning sign (flags only)"}]}

*Reply* (supervisor to practitioner)::

    {"format": "ips-reflect/supervision-reply", "version": 1, "share_id": "...",
     "sequence": 2, "supervisor": "name on their card", "signed_off_by": "Priya Shah",
     "signed_off_at": "<ISO time>", "created": "<ISO time>",
     "comments": [{"item": 1, "text": "..."}],
     "actions": [{"id": 1, "text": "...", "due": "2026-04-01" | null}],
     "record_fingerprint": "<64 hex>"}

The *record fingerprint* is SHA-256 over the canonical JSON (keys sorted, no spaces) of
the session record: share id, session date, both names, the items, the comments, the
actions and the sign-off. Both sides compute it from what they hold, so the two record
PDFs show the same code, and a practitioner's copy that differs from the supervisor's
in one word shows another.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field
from typing import Any

from ips_reflect import messages
from ips_reflect.core.exchange import (
    ExchangeError,
    Fields,
    KeyCard,
    canonical_json,
    card_from_json,
    parse_json,
    short_code,
)
from ips_reflect.textsafe import for_terminal

SHARE_FORMAT = "ips-reflect/supervision-share"
REPLY_FORMAT = "ips-reflect/supervision-reply"
RECORD_FORMAT = "ips-reflect/session-record"
PAYLOAD_VERSION = 1
ITEM_KINDS: tuple[str, ...] = ("topic", "entry", "flag")

MAX_ITEMS = 500
MAX_TITLE_CHARS = 1_000
MAX_ITEM_TEXT_CHARS = 1024 * 1024
MAX_COMMENTS = 2_000
MAX_COMMENT_CHARS = 20_000
MAX_ACTIONS = 200
MAX_ACTION_CHARS = 2_000
MAX_SEQUENCE = 1_000_000
_SHARE_ID_RE = re.compile(r"[0-9a-f]{32}")
_HEX64_RE = re.compile(r"[0-9a-f]{64}")


@dataclass(frozen=True)
class ShareItem:
    index: int
    kind: str
    title: str
    text: str
    sign: str = ""

    def to_json(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "index": self.index,
            "kind": self.kind,
            "title": self.title,
            "text": self.text,
        }
        if self.kind == "flag":
            out["sign"] = self.sign
        return out


@dataclass(frozen=True)
class Comment:
    item: int
    text: str

    def to_json(self) -> dict[str, Any]:
        return {"item": self.item, "text": self.text}


@dataclass(frozen=True)
class RecordAction:
    id: int
    text: str
    due: str | None = None

    def to_json(self) -> dict[str, Any]:
        return {"id": self.id, "text": self.text, "due": self.due}


@dataclass(frozen=True)
class SharePayload:
    share_id: str
    practitioner: str
    practitioner_card: KeyCard
    supervisor: str
    session_date: str
    created: str
    items: tuple[ShareItem, ...] = field(default_factory=tuple)

    def to_json(self) -> dict[str, Any]:
        return {
            "format": SHARE_FORMAT,
            "version": PAYLOAD_VERSION,
            "share_id": self.share_id,
            "practitioner": {"name": self.practitioner, "card": self.practitioner_card.to_json()},
            "supervisor": self.supervisor,
            "session_date": self.session_date,
            "created": self.created,
            "items": [i.to_json() for i in self.items],
        }

    def to_bytes(self) -> bytes:
        return canonical_json(self.to_json())


@dataclass(frozen=True)
class ReplyPayload:
    share_id: str
    sequence: int
    supervisor: str
    signed_off_by: str
    signed_off_at: str
    created: str
    record_fingerprint: str
    comments: tuple[Comment, ...] = ()
    actions: tuple[RecordAction, ...] = ()

    def to_json(self) -> dict[str, Any]:
        return {
            "format": REPLY_FORMAT,
            "version": PAYLOAD_VERSION,
            "share_id": self.share_id,
            "sequence": self.sequence,
            "supervisor": self.supervisor,
            "signed_off_by": self.signed_off_by,
            "signed_off_at": self.signed_off_at,
            "created": self.created,
            "comments": [c.to_json() for c in self.comments],
            "actions": [a.to_json() for a in self.actions],
            "record_fingerprint": self.record_fingerprint,
        }

    def to_bytes(self) -> bytes:
        return canonical_json(self.to_json())


@dataclass(frozen=True)
class SessionRecord:
    """One signed-off session as both people keep it (the PDFs print this)."""

    share_id: str
    session_date: str
    practitioner: str
    supervisor: str
    signed_off_by: str
    signed_off_at: str
    items: tuple[ShareItem, ...]
    comments: tuple[Comment, ...]
    actions: tuple[RecordAction, ...]

    def to_json(self) -> dict[str, Any]:
        return {
            "format": RECORD_FORMAT,
            "version": PAYLOAD_VERSION,
            "share_id": self.share_id,
            "session_date": self.session_date,
            "practitioner": self.practitioner,
            "supervisor": self.supervisor,
            "signed_off_by": self.signed_off_by,
            "signed_off_at": self.signed_off_at,
            "items": [i.to_json() for i in self.items],
            "comments": [c.to_json() for c in self.comments],
            "actions": [a.to_json() for a in self.actions],
        }

    @property
    def fingerprint(self) -> str:
        """SHA-256 (hex) of the record's canonical JSON."""
        return hashlib.sha256(canonical_json(self.to_json())).hexdigest()

    @property
    def short_fingerprint(self) -> str:
        return short_code(bytes.fromhex(self.fingerprint))

    def comments_for(self, index: int) -> list[str]:
        return [c.text for c in self.comments if c.item == index]


# --------------------------------------------------------------------------- reading


def new_share_id() -> str:
    import secrets

    return secrets.token_hex(16)


def _item(raw: Any, bad: str) -> ShareItem:
    f = Fields(raw, bad)
    kind = f.text("kind", 10)
    if kind not in ITEM_KINDS:
        raise f.fail()
    sign = f.text("sign", MAX_TITLE_CHARS, line=True) if kind == "flag" else ""
    if kind != "flag" and "sign" in f.doc:
        raise f.fail()
    if set(f.doc) - {"index", "kind", "title", "text", "sign"}:
        raise f.fail()
    return ShareItem(
        index=f.number("index", 1, MAX_ITEMS),
        kind=kind,
        title=f.text("title", MAX_TITLE_CHARS, line=True),
        text=f.text("text", MAX_ITEM_TEXT_CHARS),
        sign=sign,
    )


def _head(doc: Any, fmt: str, bad: str, source: str) -> Fields:
    f = Fields(doc, bad)
    if f.doc.get("format") != fmt:
        raise f.fail()
    if f.doc.get("version") != PAYLOAD_VERSION or isinstance(f.doc.get("version"), bool):
        raise ExchangeError(
            messages.EX_NEWER_FORMAT.format(file=source, version=str(f.doc.get("version"))[:8])
        )
    share_id = f.text("share_id", 32)
    if not _SHARE_ID_RE.fullmatch(share_id):
        raise f.fail()
    return f


def read_share(data: bytes, source: str) -> SharePayload:
    """A share's payload, every field checked (after its signature was)."""
    shown = for_terminal(source)
    bad = messages.EX_BAD_CONTENT.format(file=shown)
    f = _head(parse_json(data, source, messages.EX_BAD_CONTENT), SHARE_FORMAT, bad, shown)
    who = Fields(f.doc.get("practitioner"), bad)
    card = card_from_json(who.doc.get("card"), source)
    items = tuple(_item(raw, bad) for raw in f.items("items", MAX_ITEMS))
    if [i.index for i in items] != list(range(1, len(items) + 1)):
        raise f.fail()
    date = f.day("session_date")
    assert date is not None
    return SharePayload(
        share_id=f.text("share_id", 32),
        practitioner=who.text("name", 120, empty=False, line=True),
        practitioner_card=card,
        supervisor=f.text("supervisor", 120, line=True),
        session_date=date,
        created=f.moment("created"),
        items=items,
    )


def read_reply(data: bytes, source: str) -> ReplyPayload:
    """A reply's payload, every field checked (after its signature was)."""
    shown = for_terminal(source)
    bad = messages.EX_BAD_CONTENT.format(file=shown)
    f = _head(parse_json(data, source, messages.EX_BAD_CONTENT), REPLY_FORMAT, bad, shown)
    comments = []
    for raw in f.items("comments", MAX_COMMENTS):
        c = Fields(raw, bad)
        if set(c.doc) != {"item", "text"}:
            raise c.fail()
        comments.append(
            Comment(c.number("item", 1, MAX_ITEMS), c.text("text", MAX_COMMENT_CHARS, empty=False))
        )
    actions = []
    for raw in f.items("actions", MAX_ACTIONS):
        a = Fields(raw, bad)
        if set(a.doc) != {"id", "text", "due"}:
            raise a.fail()
        actions.append(
            RecordAction(
                a.number("id", 1, 10**9),
                a.text("text", MAX_ACTION_CHARS, empty=False),
                a.day("due", optional=True),
            )
        )
    fingerprint = f.text("record_fingerprint", 64)
    if not _HEX64_RE.fullmatch(fingerprint):
        raise f.fail()
    return ReplyPayload(
        share_id=f.text("share_id", 32),
        sequence=f.number("sequence", 1, MAX_SEQUENCE),
        supervisor=f.text("supervisor", 120, line=True),
        signed_off_by=f.text("signed_off_by", 120, empty=False, line=True),
        signed_off_at=f.moment("signed_off_at"),
        created=f.moment("created"),
        record_fingerprint=fingerprint,
        comments=tuple(comments),
        actions=tuple(actions),
    )


def record_of(share: SharePayload, reply: ReplyPayload) -> SessionRecord:
    """The session record a share and its reply make together."""
    return SessionRecord(
        share_id=share.share_id,
        session_date=share.session_date,
        practitioner=share.practitioner,
        supervisor=reply.supervisor,
        signed_off_by=reply.signed_off_by,
        signed_off_at=reply.signed_off_at,
        items=share.items,
        comments=reply.comments,
        actions=reply.actions,
    )
