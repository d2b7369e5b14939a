"""The supervisor's chair: open a share, comment, agree actions, sign off and reply.

One function per thing a supervisor does in their own IPS Reflect; ``ips-reflect
supervisor open|list|show|comment|action|respond|record`` call these, as the page will.
Keys, cards, files and the record PDF are shared with the practitioner's side in
:mod:`ips_reflect.ops.exchange`.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from ips_reflect import messages
from ips_reflect.core.entries import now_iso
from ips_reflect.core.exchange import ExchangeError, canonical_json, clean_name, open_envelope, seal
from ips_reflect.core.exchange_record import (
    MAX_ACTION_CHARS,
    MAX_COMMENT_CHARS,
    Comment,
    RecordAction,
    ReplyPayload,
    SessionRecord,
    SharePayload,
    read_reply,
    read_share,
    record_of,
)
from ips_reflect.errors import UserError
from ips_reflect.ops.exchange import write_file
from ips_reflect.textsafe import for_terminal

if TYPE_CHECKING:
    from ips_reflect.store.exchange_store import ExchangeAction, ReceivedShare
    from ips_reflect.store.vault import Vault


def open_share(vault: Vault, data: bytes, source: str) -> ReceivedShare:
    """Keep a share sealed to this vault's key. Refused (nothing kept): another kind,
    another key, a damaged or changed file, a bad signature, a share opened before."""
    shown = for_terminal(source)
    me = vault.exchange.identity()
    if me is None:
        raise ExchangeError(messages.EX_NO_KEYS_SHARE.format(file=shown))
    opened = open_envelope(data, me, "share", source)
    share = read_share(opened.payload, source)
    if share.practitioner_card.sign_key != opened.sender_sign_key:
        raise ExchangeError(messages.EX_BAD_SIGNATURE.format(file=shown))
    if vault.exchange.has_received(share.share_id):
        raise ExchangeError(messages.EX_ALREADY_OPENED.format(file=shown))
    kept = vault.exchange.add_received(share)
    if kept is None:
        raise ExchangeError(messages.EX_ALREADY_OPENED.format(file=shown))
    return kept


def received_shares(vault: Vault) -> list[ReceivedShare]:
    return vault.exchange.received_shares()


def find_received(vault: Vault, received_id: int) -> ReceivedShare:
    found = vault.exchange.received(received_id)
    if found is None:
        raise UserError(messages.EX_UNKNOWN_RECEIVED.format(id=received_id))
    return found


@dataclass(frozen=True)
class ShareView:
    """A received share as the supervisor works on it."""

    received: ReceivedShare
    share: SharePayload
    comments: dict[int, list[str]]
    actions: list[ExchangeAction]
    reply: ReplyPayload | None

    @property
    def record_fingerprint(self) -> str | None:
        return self.reply.record_fingerprint if self.reply is not None else None


def share_view(vault: Vault, received_id: int) -> ShareView:
    got = find_received(vault, received_id)
    comments: dict[int, list[str]] = {}
    for c in vault.exchange.comments(got.id):
        comments.setdefault(c.item, []).append(c.text)
    reply = read_reply(canonical_json(got.reply), "the vault") if got.reply else None
    share = read_share(canonical_json(got.payload), "the vault")
    return ShareView(got, share, comments, vault.exchange.actions(got.id), reply)


def _clean_text(text: str, limit: int, too_long: str) -> str:
    cleaned = (text or "").replace("\r\n", "\n").strip()
    if not cleaned:
        raise UserError(messages.EX_EMPTY_TEXT)
    if len(cleaned) > limit:
        raise UserError(too_long.format(limit=limit))
    return cleaned


def add_comment(vault: Vault, received_id: int, item: int, text: str) -> None:
    """A comment on item ``item`` (numbered from 1) of a received share."""
    got = find_received(vault, received_id)
    count = len(got.payload.get("items", []))
    if not 1 <= item <= count:
        raise UserError(messages.EX_NO_SUCH_ITEM.format(item=item, id=received_id, count=count))
    vault.exchange.add_comment(
        got.id, item, _clean_text(text, MAX_COMMENT_CHARS, messages.EX_TOO_LONG)
    )


def add_action(vault: Vault, received_id: int, text: str, due: str | None = None) -> ExchangeAction:
    """An action agreed for a received share (``due``: YYYY-MM-DD or None)."""
    got = find_received(vault, received_id)
    if due is not None:
        try:
            due = date.fromisoformat(due.strip()).isoformat()
        except ValueError:
            raise UserError(messages.EX_BAD_DUE.format(value=for_terminal(due))) from None
    cleaned = " ".join(_clean_text(text, MAX_ACTION_CHARS, messages.EX_TOO_LONG).split())
    return vault.exchange.add_action(got.id, cleaned, due)


@dataclass(frozen=True)
class RespondResult:
    sequence: int
    record: SessionRecord


def respond(vault: Vault, received_id: int, signed_off_by: str, target: Path) -> RespondResult:
    """Sign the session off and write the reply to ``target``: every comment and action,
    the sign-off, the record's fingerprint; sealed to the practitioner's key from the
    share and signed with the key the share was sealed to. Each reply to a share gets a
    higher number than the one before."""
    view = share_view(vault, received_id)
    who = clean_name(signed_off_by)
    if not who:
        raise UserError(messages.EX_NEED_SIGNOFF_NAME)
    me = vault.exchange.identity()
    if me is None:  # a share was opened, so the keys exist
        raise UserError(messages.EX_NEED_NAME)
    comments = tuple(
        Comment(item, text) for item in sorted(view.comments) for text in view.comments[item]
    )
    actions = tuple(RecordAction(a.id, a.text, a.due_on) for a in view.actions)
    with vault.exchange.transaction():
        sequence = vault.exchange.next_sequence(view.received.id)
        stamp = now_iso()
        record = SessionRecord(
            share_id=view.share.share_id,
            session_date=view.share.session_date,
            practitioner=view.share.practitioner,
            supervisor=me.name or who,
            signed_off_by=who,
            signed_off_at=stamp,
            items=view.share.items,
            comments=comments,
            actions=actions,
        )
        reply = ReplyPayload(
            share_id=view.share.share_id,
            sequence=sequence,
            supervisor=record.supervisor,
            signed_off_by=who,
            signed_off_at=stamp,
            created=stamp,
            record_fingerprint=record.fingerprint,
            comments=comments,
            actions=actions,
        )
        sealed = seal("reply", reply.to_bytes(), me, view.received.practitioner_card)
        vault.exchange.set_reply(view.received.id, reply)
        write_file(target, sealed)
    return RespondResult(sequence, record)


def supervisor_record(vault: Vault, received_id: int) -> SessionRecord:
    """The record as last signed off and sent (what the practitioner holds too)."""
    view = share_view(vault, received_id)
    if view.reply is None:
        raise UserError(messages.EX_NOT_SIGNED_OFF.format(id=received_id))
    return record_of(view.share, view.reply)
