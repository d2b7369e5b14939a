"""What the Supervision page needs to show about the exchange with a supervisor, read
from what :mod:`ips_reflect.ops.exchange` stored: the name a share goes out under, what
a share of a session would hold, and for a session the latest share, its sign-off and
the supervisor's comments placed beside the agenda items they were written on.

Comments in a reply point at the shared items by number; the agenda may have been
changed since (items moved, taken off, added), so each comment is matched to the agenda
item of the same kind and title, in order. A comment whose item is no longer on the
agenda is returned apart, so it is never lost.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from ips_reflect.core.content import Content
from ips_reflect.core.exchange import clean_name
from ips_reflect.core.exchange_record import MAX_TITLE_CHARS
from ips_reflect.core.supervision import AgendaItem

if TYPE_CHECKING:
    from ips_reflect.ops.exchange import SignOff
    from ips_reflect.store.vault import Vault


def my_name(vault: Vault) -> str:
    """The name this vault's shares go out under: the one on its key card, else the
    biography's; "" when neither is known yet (nothing is made or stored)."""
    try:
        me = vault.exchange.identity()
    except Exception:
        me = None
    if me is not None and me.name:
        return me.name
    try:
        bio = vault.biography.get()
        return clean_name(str(bio.payload.get("name") or "")) if bio is not None else ""
    except Exception:
        return ""


def share_count(vault: Vault, content: Content, session_id: int) -> int:
    """How many items a share of the session would hold now (the consent gate applied)."""
    from ips_reflect.ops.exchange import share_items
    from ips_reflect.ops.supervision import find_session, marked_entries, session_agenda

    session = find_session(vault, session_id)
    entries = marked_entries(vault)
    return len(share_items(session_agenda(vault, content, session, entries), entries, content))


def _key(kind: str, title: str) -> tuple[str, str]:
    return kind, " ".join(title.split())[:MAX_TITLE_CHARS]


@dataclass(frozen=True)
class SessionExchange:
    """A session's latest share and, once a reply was taken in, its sign-off."""

    sent_to: str
    sent_on: str
    items: int
    signoff: SignOff | None = None
    #: (kind, title) of each shared item, by its number in the share.
    shared: dict[int, tuple[str, str]] = field(default_factory=dict)


def session_exchange(vault: Vault, session_id: int) -> SessionExchange | None:
    """The latest share of the session (the signed one if any was signed off)."""
    from ips_reflect.ops.exchange import session_signoffs

    sent = vault.exchange.sent_shares(session_id)
    if not sent:
        return None
    signoff = session_signoffs(vault).get(session_id)
    chosen = next((s for s in sent if signoff and s.share_id == signoff.share_id), sent[0])
    shared: dict[int, tuple[str, str]] = {}
    for raw in chosen.payload.get("items", []):
        if isinstance(raw, dict) and isinstance(raw.get("index"), int):
            shared[raw["index"]] = _key(str(raw.get("kind", "")), str(raw.get("title", "")))
    return SessionExchange(
        chosen.recipient.name,
        chosen.created,
        len(shared),
        signoff if signoff is not None and signoff.share_id == chosen.share_id else None,
        shared,
    )


def place_comments(
    agenda: Sequence[AgendaItem], exchange: SessionExchange | None
) -> tuple[dict[tuple[str, str], list[str]], list[str]]:
    """The supervisor's comments by agenda item (``(kind, ref)``), and those whose item
    is no longer on the agenda."""
    placed: dict[tuple[str, str], list[str]] = {}
    apart: list[str] = []
    if exchange is None or exchange.signoff is None:
        return placed, apart
    by_number: dict[int, list[str]] = {}
    for comment in exchange.signoff.comments:
        number, text = comment.get("item"), comment.get("text")
        if isinstance(number, int) and isinstance(text, str) and text.strip():
            by_number.setdefault(number, []).append(text)
    free = [(_key(i.kind, i.title), (i.kind, i.ref)) for i in agenda]
    for number in sorted(exchange.shared):
        key = exchange.shared[number]
        texts = by_number.pop(number, [])
        spot = next((n for n, (k, _ref) in enumerate(free) if k == key), -1)
        if spot < 0:
            apart += texts
            continue
        _k, ref = free.pop(spot)
        if texts:
            placed.setdefault(ref, []).extend(texts)
    for texts in by_number.values():
        apart += texts
    return placed, apart
