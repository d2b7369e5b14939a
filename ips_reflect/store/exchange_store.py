"""The supervision exchange in the vault: this vault's keys, the key cards its owner
confirmed, the shares sent (with the latest reply accepted for each) and, for a
supervisor, the shares received with their comments, actions and sign-off.

The private keys are kept here and nowhere else: inside the SQLCipher database, which
is encrypted as a whole. Payloads are stored as the JSON that travelled, so the record
both people keep can be rebuilt byte for byte (see ``core.exchange_record``).
"""

from __future__ import annotations

import json
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

from ips_reflect.core.entries import now_iso
from ips_reflect.core.exchange import Identity, KeyCard, card_from_json
from ips_reflect.core.exchange_record import Comment, ReplyPayload, SharePayload
from ips_reflect.store.db import Database


def _dumps(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


def name_key(name: str) -> str:
    """How a card's name is remembered: case and spacing do not make a new person."""
    return " ".join(name.casefold().split())


@dataclass(frozen=True)
class SentShare:
    share_id: str
    session_id: int | None
    recipient: KeyCard
    payload: dict[str, Any]
    created: str
    last_sequence: int
    reply: dict[str, Any] | None
    received: str | None


@dataclass(frozen=True)
class ReceivedShare:
    id: int
    share_id: str
    practitioner: str
    practitioner_card: KeyCard
    session_date: str
    payload: dict[str, Any]
    opened: str
    last_sequence: int
    reply: dict[str, Any] | None


@dataclass(frozen=True)
class ExchangeAction:
    id: int
    text: str
    due_on: str | None


_SENT = (
    "SELECT share_id, session_id, recipient_card, payload, created, last_sequence, reply, "
    "received FROM exchange_sent"
)
_RECEIVED = (
    "SELECT id, share_id, practitioner, practitioner_card, session_date, payload, opened, "
    "last_sequence, reply FROM exchange_received"
)


def _sent(row: Any) -> SentShare:
    return SentShare(
        row[0],
        row[1],
        card_from_json(json.loads(row[2]), "the vault"),
        json.loads(row[3]),
        row[4],
        int(row[5]),
        json.loads(row[6]) if row[6] is not None else None,
        row[7],
    )


def _received(row: Any) -> ReceivedShare:
    return ReceivedShare(
        int(row[0]),
        row[1],
        row[2],
        card_from_json(json.loads(row[3]), "the vault"),
        row[4],
        json.loads(row[5]),
        row[6],
        int(row[7]),
        json.loads(row[8]) if row[8] is not None else None,
    )


class ExchangeStore:
    """Keys, confirmed cards, shares sent and shares received."""

    def __init__(self, db: Database) -> None:
        self.db = db

    @contextmanager
    def transaction(self) -> Iterator[Any]:
        """One transaction for several changes (nested calls join it)."""
        with self.db.transaction() as conn:
            yield conn

    # ------------------------------------------------------------------ identity

    def identity(self) -> Identity | None:
        row = self.db.one(
            "SELECT name, sign_seed, box_secret, created FROM exchange_identity WHERE id = 1"
        )
        return Identity(row[0], bytes(row[1]), bytes(row[2]), row[3]) if row else None

    def save_identity(self, identity: Identity) -> Identity:
        """Keep new keys (the first ones only: keys already made are never replaced)."""
        with self.db.transaction() as conn:
            conn.execute(
                "INSERT INTO exchange_identity(id, name, sign_seed, box_secret, created) "
                "VALUES (1, ?, ?, ?, ?) ON CONFLICT(id) DO NOTHING",
                (identity.name, identity.sign_seed, identity.box_secret, identity.created),
            )
        found = self.identity()
        assert found is not None
        return found

    def set_name(self, name: str) -> None:
        with self.db.transaction() as conn:
            conn.execute("UPDATE exchange_identity SET name = ? WHERE id = 1", (name,))

    # ------------------------------------------------------------------ confirmed cards

    def card(self, name: str) -> KeyCard | None:
        """The card confirmed under ``name`` (any case), if any."""
        row = self.db.one("SELECT card FROM exchange_cards WHERE name_key = ?", (name_key(name),))
        return card_from_json(json.loads(row[0]), "the vault") if row else None

    def remember_card(self, card: KeyCard) -> None:
        """Keep ``card`` as the one confirmed for its name (replacing an earlier one)."""
        with self.db.transaction() as conn:
            conn.execute(
                "INSERT INTO exchange_cards(name_key, fingerprint, card, confirmed) "
                "VALUES (?, ?, ?, ?) ON CONFLICT(name_key) DO UPDATE SET "
                "fingerprint = excluded.fingerprint, card = excluded.card, "
                "confirmed = excluded.confirmed",
                (name_key(card.name), card.fingerprint, _dumps(card.to_json()), now_iso()),
            )

    # ------------------------------------------------------------------ shares sent

    def add_sent(self, share: SharePayload, session_id: int | None, recipient: KeyCard) -> None:
        with self.db.transaction() as conn:
            conn.execute(
                "INSERT INTO exchange_sent(share_id, session_id, recipient_card, payload, "
                "created) VALUES (?, ?, ?, ?, ?)",
                (
                    share.share_id,
                    session_id,
                    _dumps(recipient.to_json()),
                    _dumps(share.to_json()),
                    share.created,
                ),
            )

    def sent(self, share_id: str) -> SentShare | None:
        row = self.db.one(_SENT + " WHERE share_id = ?", (share_id,))
        return _sent(row) if row else None

    def sent_shares(self, session_id: int | None = None) -> list[SentShare]:
        """Shares sent (of one session), newest first."""
        if session_id is None:
            rows = self.db.query(_SENT + " ORDER BY created DESC, rowid DESC")
        else:
            rows = self.db.query(
                _SENT + " WHERE session_id = ? ORDER BY created DESC, rowid DESC", (session_id,)
            )
        return [_sent(r) for r in rows]

    def accept_reply(self, reply: ReplyPayload) -> bool:
        """Keep ``reply`` as the latest for its share if its sequence number is higher
        than any accepted before; False (nothing changed) otherwise."""
        with self.db.transaction() as conn:
            cur = conn.execute(
                "UPDATE exchange_sent SET last_sequence = ?, reply = ?, received = ? "
                "WHERE share_id = ? AND last_sequence < ?",
                (
                    reply.sequence,
                    _dumps(reply.to_json()),
                    now_iso(),
                    reply.share_id,
                    reply.sequence,
                ),
            )
            return bool(cur.rowcount)

    def reply_action(self, share_id: str, remote_id: int) -> int | None:
        """The practitioner's action made from the supervisor's action ``remote_id``."""
        row = self.db.one(
            "SELECT action_id FROM exchange_reply_actions WHERE share_id = ? AND remote_id = ?",
            (share_id, remote_id),
        )
        return int(row[0]) if row and row[0] is not None else None

    def link_reply_action(self, share_id: str, remote_id: int, action_id: int) -> None:
        with self.db.transaction() as conn:
            conn.execute(
                "INSERT INTO exchange_reply_actions(share_id, remote_id, action_id) "
                "VALUES (?, ?, ?) ON CONFLICT(share_id, remote_id) DO UPDATE SET "
                "action_id = excluded.action_id",
                (share_id, remote_id, action_id),
            )

    # ------------------------------------------------------------------ shares received

    def add_received(self, share: SharePayload) -> ReceivedShare | None:
        """Keep an opened share; None (nothing changed) if its id is already here."""
        with self.db.transaction() as conn:
            cur = conn.execute(
                "INSERT INTO exchange_received(share_id, practitioner, practitioner_card, "
                "session_date, payload, opened) VALUES (?, ?, ?, ?, ?, ?) "
                "ON CONFLICT(share_id) DO NOTHING",
                (
                    share.share_id,
                    share.practitioner,
                    _dumps(share.practitioner_card.to_json()),
                    share.session_date,
                    _dumps(share.to_json()),
                    now_iso(),
                ),
            )
            if not cur.rowcount:
                return None
            new_id = int(cur.lastrowid)
        return self.received(new_id)

    def has_received(self, share_id: str) -> bool:
        return bool(self.db.one("SELECT 1 FROM exchange_received WHERE share_id = ?", (share_id,)))

    def received(self, received_id: int) -> ReceivedShare | None:
        row = self.db.one(_RECEIVED + " WHERE id = ?", (received_id,))
        return _received(row) if row else None

    def received_shares(self) -> list[ReceivedShare]:
        """Shares opened, newest session first."""
        rows = self.db.query(_RECEIVED + " ORDER BY session_date DESC, id DESC")
        return [_received(r) for r in rows]

    def add_comment(self, received_id: int, item: int, text: str) -> None:
        with self.db.transaction() as conn:
            conn.execute(
                "INSERT INTO exchange_comments(received_id, item, text, created) "
                "VALUES (?, ?, ?, ?)",
                (received_id, item, text, now_iso()),
            )

    def comments(self, received_id: int) -> list[Comment]:
        rows = self.db.query(
            "SELECT item, text FROM exchange_comments WHERE received_id = ? ORDER BY item, id",
            (received_id,),
        )
        return [Comment(int(r[0]), r[1]) for r in rows]

    def add_action(self, received_id: int, text: str, due_on: str | None) -> ExchangeAction:
        with self.db.transaction() as conn:
            cur = conn.execute(
                "INSERT INTO exchange_actions(received_id, text, due_on, created) "
                "VALUES (?, ?, ?, ?)",
                (received_id, text, due_on, now_iso()),
            )
            return ExchangeAction(int(cur.lastrowid), text, due_on)

    def actions(self, received_id: int) -> list[ExchangeAction]:
        rows = self.db.query(
            "SELECT id, text, due_on FROM exchange_actions WHERE received_id = ? ORDER BY id",
            (received_id,),
        )
        return [ExchangeAction(int(r[0]), r[1], r[2]) for r in rows]

    def next_sequence(self, received_id: int) -> int:
        """Take the next reply number for a share (kept even if the reply is not sent)."""
        with self.db.transaction() as conn:
            conn.execute(
                "UPDATE exchange_received SET last_sequence = last_sequence + 1 WHERE id = ?",
                (received_id,),
            )
            row = conn.execute(
                "SELECT last_sequence FROM exchange_received WHERE id = ?", (received_id,)
            ).fetchone()
        return int(row[0])

    def set_reply(self, received_id: int, reply: ReplyPayload) -> None:
        """Keep the reply last sent (the record as signed off)."""
        with self.db.transaction() as conn:
            conn.execute(
                "UPDATE exchange_received SET reply = ? WHERE id = ?",
                (_dumps(reply.to_json()), received_id),
            )


def payload_comments(reply: dict[str, Any] | None) -> Sequence[dict[str, Any]]:
    """The comments of a stored reply ([] without one)."""
    if not reply:
        return []
    return [c for c in reply.get("comments", []) if isinstance(c, dict)]
