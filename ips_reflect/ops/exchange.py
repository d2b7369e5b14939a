"""Supervision from both chairs: one function per thing a person does.

The practitioner shares a session with a supervisor (:func:`share_session`) and later
takes in the reply (:func:`receive_reply`); the supervisor makes a key card
(:func:`write_my_card`) and works in :mod:`ips_reflect.ops.exchange_supervisor`. Both
can print the signed record (:func:`practitioner_record` or
``exchange_supervisor.supervisor_record``, then :func:`record_pdf`). ``ips-reflect supervision
share|receive|record`` and ``ips-reflect supervisor ...`` call these, as the pages will.

What a share may hold is decided by the consent gate the supervision documents use
(:func:`ips_reflect.ops.supervision.session_agenda`): only entries marked to bring to
supervision, and a flag's quoted words only when its entry is marked. Files are checked
(size, format, recipient, seal, signature, every field) before anything is stored; a
refused file changes nothing in the vault.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ips_reflect import messages
from ips_reflect.core.content import Content
from ips_reflect.core.entries import Entry, now_iso
from ips_reflect.core.exchange import (
    MAX_CARD_BYTES,
    MAX_EXCHANGE_FILE_BYTES,
    ExchangeError,
    Identity,
    KeyCard,
    canonical_json,
    clean_name,
    new_identity,
    normalise_code,
    open_envelope,
    read_card,
    read_header,
    seal,
)
from ips_reflect.core.exchange_record import (
    MAX_ITEM_TEXT_CHARS,
    MAX_TITLE_CHARS,
    SessionRecord,
    ShareItem,
    SharePayload,
    new_share_id,
    read_reply,
    read_share,
    record_of,
)
from ips_reflect.core.supervision import AgendaItem, build_agenda
from ips_reflect.errors import UserError
from ips_reflect.store import keys as kv_keys
from ips_reflect.textsafe import for_terminal

if TYPE_CHECKING:
    from ips_reflect.store.exchange_store import SentShare
    from ips_reflect.store.vault import Vault

#: Is a card trusted? "known" (confirmed before), "new" (first use), "changed" (a
#: different card under a name confirmed before).
TRUST_KNOWN, TRUST_NEW, TRUST_CHANGED = "known", "new", "changed"


# --------------------------------------------------------------------------- files


def read_exchange_file(path: Path) -> bytes:
    """An exchange file's bytes: an ordinary file within the size limit, else refused."""
    from ips_reflect.safeinput import FileTooLarge, read_regular_file

    try:
        return read_regular_file(
            path,
            max_bytes=MAX_EXCHANGE_FILE_BYTES,
            what="a supervision exchange file",
            give="the .ipsshare or .ipsreply file",
        )
    except FileTooLarge:
        raise ExchangeError(messages.EX_TOO_LARGE.format(file=for_terminal(path))) from None


def check_kind(data: bytes, kind: str, source: str) -> None:
    """Refuse, before the vault is opened, a file that is not ours or not ``kind``."""
    header, _box = read_header(data, source)
    if header.kind != kind:
        wrong = messages.EX_WRONG_KIND_REPLY if kind == "share" else messages.EX_WRONG_KIND_SHARE
        raise ExchangeError(wrong.format(file=for_terminal(source)))


def write_file(target: Path, data: bytes) -> None:
    """Save ``data`` atomically (mode 0600); a sentence if it cannot be written."""
    from ips_reflect.fileio import atomic_write_bytes

    try:
        atomic_write_bytes(target, data)
    except OSError as exc:
        reason = exc.strerror or str(exc)
        raise UserError(
            messages.EX_NOT_WRITTEN.format(path=for_terminal(target), reason=reason)
        ) from None


# --------------------------------------------------------------------------- keys and cards


def identity(vault: Vault, name: str | None = None) -> Identity:
    """This vault's keys, made on first need; ``name`` (when given) becomes the name on
    its card."""
    store = vault.exchange
    found = store.identity()
    wanted = clean_name(name) if name is not None else None
    if found is None:
        found = store.save_identity(new_identity(wanted or "", now_iso()))
    if wanted and wanted != found.name:
        store.set_name(wanted)
        found = replace(found, name=wanted)
    return found


def my_card(vault: Vault, name: str | None = None) -> KeyCard:
    """This vault's public key card (keys made on first need)."""
    me = identity(vault, name)
    if not me.name:
        raise UserError(messages.EX_NEED_NAME)
    return me.card()


def write_my_card(vault: Vault, target: Path, name: str | None = None) -> KeyCard:
    """Write this vault's public key card to ``target``; returns it (show its fingerprint)."""
    card = my_card(vault, name)
    write_file(target, card.to_bytes())
    return card


def read_card_file(path: Path) -> KeyCard:
    """Someone's key card from a file, checked."""
    from ips_reflect.safeinput import read_regular_file

    data = read_regular_file(
        path, max_bytes=MAX_CARD_BYTES, what="a key card", give="the .ipskey file"
    )
    return read_card(data, str(path))


def card_trust(vault: Vault, card: KeyCard) -> str:
    """``TRUST_KNOWN``, ``TRUST_NEW`` or ``TRUST_CHANGED`` for this card."""
    known = vault.exchange.card(card.name)
    if known is None:
        return TRUST_NEW
    return TRUST_KNOWN if known.digest == card.digest else TRUST_CHANGED


def fingerprint_matches(card: KeyCard, typed: str) -> bool:
    """True if ``typed`` is the card's fingerprint (dashes, spaces, case, O/0 and I/1
    forgiven)."""
    return normalise_code(typed) == card.fingerprint


def check_trust(vault: Vault, card: KeyCard, *, confirmed: bool, replace_card: bool) -> str:
    """Refuse a card that has not been confirmed, or one that replaces a confirmed card
    without ``replace_card``; returns the trust state."""
    state = card_trust(vault, card)
    shown = dict(name=for_terminal(card.name), fingerprint=card.fingerprint)
    if state == TRUST_CHANGED and not replace_card:
        known = vault.exchange.card(card.name)
        old = known.fingerprint if known is not None else ""
        raise UserError(messages.EX_CARD_CHANGED.format(old=old, **shown))
    if state != TRUST_KNOWN and not confirmed:
        raise UserError(messages.EX_CARD_UNCONFIRMED.format(**shown))
    return state


# --------------------------------------------------------------------------- sharing


def _answer_lines(entry: Entry, content: Content) -> list[str]:
    from ips_reflect.core.check import LIGHT_ANSWER_KEY

    lines: list[str] = []
    for qid, value in entry.answers.items():
        item = content.get(qid)
        if qid == LIGHT_ANSWER_KEY or item is None:
            continue
        shown = ", ".join(str(v) for v in value) if isinstance(value, list) else str(value)
        if shown.strip():
            lines.append(f"{item.label}: {shown.strip()}")
    return lines


def entry_text(entry: Entry, content: Content) -> str:
    """What a supervisor reads of a marked entry: its notes and its answers."""
    parts = [entry.body.strip(), "\n".join(_answer_lines(entry, content))]
    return "\n\n".join(p for p in parts if p)[:MAX_ITEM_TEXT_CHARS]


def share_items(
    agenda: Sequence[AgendaItem], entries: Sequence[Entry], content: Content
) -> list[ShareItem]:
    """The agenda as it may leave the vault (already through the consent gate)."""
    by_uid = {e.uid: e for e in entries if e.bring_to_supervision and e.deleted_at is None}
    items: list[ShareItem] = []
    for item in agenda:
        sign, text = "", item.detail
        if item.kind == "entry":
            entry = by_uid.get(item.ref)
            if entry is None:  # not consented: never leaves
                continue
            text = entry_text(entry, content)
        elif item.kind == "flag":
            sign = item.title
            evidence = item.extra.get("evidence", "").strip()
            if evidence:
                text = f"{text}\n\n{messages.EX_EVIDENCE.format(evidence=evidence)}".strip()
        items.append(
            ShareItem(
                index=len(items) + 1,
                kind=item.kind,
                title=" ".join(item.title.split())[:MAX_TITLE_CHARS],
                text=text[:MAX_ITEM_TEXT_CHARS],
                sign=" ".join(sign.split())[:MAX_TITLE_CHARS],
            )
        )
    return items


def new_session_from_marked(
    vault: Vault, content: Content, held_on: str, supervisor: str = ""
) -> Any:
    """A session for ``held_on`` whose agenda is what is marked, as the Supervision
    page's "new session" makes it: the topics and flags put on the next agenda, every
    marked entry, and the open flags of marked entries."""
    from ips_reflect.core.flags import PLAN_SIGN
    from ips_reflect.ops.supervision import KIND_NAMES, marked_entries

    entries = marked_entries(vault)
    uids = {e.uid for e in entries}
    try:
        raw_flags = vault.kv.get(kv_keys.AGENDA_FLAGS) or []
        raw_topics = vault.kv.get(kv_keys.AGENDA_TOPICS) or []
    except Exception:
        raw_flags, raw_topics = [], []
    wanted = {int(v) for v in raw_flags if isinstance(v, int)}
    flags = [
        f
        for f in reversed(vault.flags.chosen(ids=wanted, entry_uids=uids))
        if f.status != "resolved"
        and (f.id in wanted or (f.status == "open" and f.entry_uid in uids))
    ]
    topics = []
    for tid in raw_topics:
        topic = content.get(tid) if isinstance(tid, str) else None
        if topic is not None:
            topics.append((tid, topic.label))
    names = {i.id: i.label for i in content.warning_signs}
    names[PLAN_SIGN] = messages.FLAG_PLAN_LABEL
    agenda = build_agenda(
        topics=topics, entries=entries, flags=flags, sign_names=names, kind_names=KIND_NAMES
    )
    session = vault.supervision.add_session(held_on, supervisor, [i.to_json() for i in agenda])
    vault.kv.set(kv_keys.AGENDA_FLAGS, [])
    vault.kv.set(kv_keys.AGENDA_TOPICS, [])
    return session


def _practitioner_name(vault: Vault, me: Identity) -> str:
    if me.name:
        return me.name
    try:
        bio = vault.biography.get()
        name = clean_name(str(bio.payload.get("name") or "")) if bio is not None else ""
    except Exception:
        name = ""
    if not name:
        raise UserError(messages.EX_NEED_NAME)
    return name


@dataclass(frozen=True)
class ShareResult:
    share_id: str
    session_id: int
    session_date: str
    items: int
    made_session: bool
    recipient: KeyCard


def share_session(
    vault: Vault,
    content: Content,
    card: KeyCard,
    target: Path,
    *,
    session_id: int | None = None,
    confirmed: bool = False,
    replace_card: bool = False,
    name: str | None = None,
    today: date | None = None,
) -> ShareResult:
    """Seal a session's agenda (marked entries only) to ``card`` and write it to ``target``.

    No ``session_id``: the latest session, or, with none yet, a new one for today made
    from what is marked. ``confirmed``: the person checked the card's fingerprint with
    its owner (needed the first time, and with ``replace_card`` when a different card
    claims a name confirmed before). The card is then remembered by name."""
    from ips_reflect.ops.supervision import find_session, marked_entries, session_agenda

    check_trust(vault, card, confirmed=confirmed, replace_card=replace_card)
    with vault.exchange.transaction():
        me = identity(vault, name)
        practitioner = _practitioner_name(vault, me)
        made = False
        if session_id is None and not vault.supervision.sessions():
            day = (today or date.today()).isoformat()
            session = new_session_from_marked(vault, content, day, card.name)
            made = True
        else:
            session = find_session(vault, session_id)
        entries = marked_entries(vault)
        items = share_items(session_agenda(vault, content, session, entries), entries, content)
        share = SharePayload(
            share_id=new_share_id(),
            practitioner=practitioner,
            practitioner_card=me.card(practitioner),
            supervisor=card.name,
            session_date=session.held_on[:10],
            created=now_iso(),
            items=tuple(items),
        )
        sealed = seal("share", share.to_bytes(), me, card)
        if len(sealed) > MAX_EXCHANGE_FILE_BYTES:
            raise UserError(messages.EX_SHARE_TOO_BIG)
        vault.exchange.remember_card(card)
        vault.exchange.add_sent(share, session.id, card)
        write_file(target, sealed)  # inside the transaction: a failed write keeps nothing
    return ShareResult(share.share_id, session.id, share.session_date, len(items), made, card)


# --------------------------------------------------------------------------- receiving a reply


@dataclass(frozen=True)
class ReceiveResult:
    share_id: str
    session_id: int
    session_date: str
    sequence: int
    signed_off_by: str
    comments: int
    actions_added: int
    record: SessionRecord


def _share_of(sent: SentShare) -> SharePayload:
    return read_share(canonical_json(sent.payload), "the vault")


def receive_reply(vault: Vault, data: bytes, source: str) -> ReceiveResult:
    """Take in a supervisor's reply: only one signed by the key the share was sent to,
    newer than any accepted before, about exactly the items that were shared. Comments
    are kept beside the share, actions join the session's actions, the sign-off is
    recorded. A refused reply changes nothing."""
    shown = for_terminal(source)
    me = vault.exchange.identity()
    if me is None:
        raise ExchangeError(messages.EX_NO_KEYS_REPLY.format(file=shown))
    opened = open_envelope(data, me, "reply", source)
    reply = read_reply(opened.payload, source)
    sent = vault.exchange.sent(reply.share_id)
    if sent is None:
        raise ExchangeError(messages.EX_UNKNOWN_SHARE.format(file=shown))
    if opened.sender_sign_key != sent.recipient.sign_key:
        raise ExchangeError(
            messages.EX_WRONG_SIGNER.format(file=shown, name=for_terminal(sent.recipient.name))
        )
    if reply.sequence == sent.last_sequence:
        raise ExchangeError(messages.EX_ALREADY_RECEIVED.format(file=shown))
    if reply.sequence < sent.last_sequence:
        raise ExchangeError(
            messages.EX_REPLAYED.format(
                file=shown, sequence=reply.sequence, last=sent.last_sequence
            )
        )
    share = _share_of(sent)
    indexes = {i.index for i in share.items}
    if any(c.item not in indexes for c in reply.comments):
        raise ExchangeError(messages.EX_BAD_CONTENT.format(file=shown))
    record = record_of(share, reply)
    if record.fingerprint != reply.record_fingerprint:
        raise ExchangeError(messages.EX_RECORD_MISMATCH.format(file=shown))
    session = (
        vault.supervision.get_session(sent.session_id) if sent.session_id is not None else None
    )
    if session is None:
        raise ExchangeError(messages.EX_SESSION_GONE.format(file=shown))
    added = 0
    with vault.exchange.transaction():
        if not vault.exchange.accept_reply(reply):
            raise ExchangeError(messages.EX_ALREADY_RECEIVED.format(file=shown))
        for action in reply.actions:
            existing = vault.exchange.reply_action(reply.share_id, action.id)
            current = {a.id: a for a in vault.supervision.actions(session.id)}
            if existing is not None and existing in current:
                old = current[existing]
                vault.supervision.update_action(replace(old, text=action.text, due_on=action.due))
                continue
            made = vault.supervision.add_action(session.id, action.text, action.due)
            vault.exchange.link_reply_action(reply.share_id, action.id, made.id)
            added += 1
    return ReceiveResult(
        reply.share_id,
        session.id,
        session.held_on,
        reply.sequence,
        reply.signed_off_by,
        len(reply.comments),
        added,
        record,
    )


@dataclass(frozen=True)
class SignOff:
    share_id: str
    signed_off_by: str
    signed_off_at: str
    comments: list[dict[str, Any]]
    record_fingerprint: str


def session_signoffs(vault: Vault) -> dict[int, SignOff]:
    """For each session with an accepted reply: the latest sign-off and its comments."""
    out: dict[int, SignOff] = {}
    for sent in vault.exchange.sent_shares():
        if sent.session_id is None or sent.reply is None or sent.session_id in out:
            continue
        reply = sent.reply
        comments = [
            {"item": c.get("item"), "text": c.get("text")}
            for c in reply.get("comments", [])
            if isinstance(c, dict)
        ]
        out[sent.session_id] = SignOff(
            sent.share_id,
            str(reply.get("signed_off_by", "")),
            str(reply.get("signed_off_at", "")),
            comments,
            str(reply.get("record_fingerprint", "")),
        )
    return out


def practitioner_record(vault: Vault, session_id: int | None = None) -> SessionRecord:
    """The signed record of a session (default: the most recently signed off)."""
    for sent in vault.exchange.sent_shares(session_id):
        if sent.reply is not None:
            reply = read_reply(canonical_json(sent.reply), "the vault")
            return record_of(_share_of(sent), reply)
    if session_id is not None:
        raise UserError(messages.EX_NO_SIGNOFF_SESSION.format(id=session_id))
    raise UserError(messages.EX_NO_SIGNOFF)


def record_pdf(record: SessionRecord, today: date | None = None) -> bytes:
    """The signed session record as a PDF both people can keep."""
    from ips_reflect.export.record_pdf import session_record_pdf

    return session_record_pdf(record, generated=today)
