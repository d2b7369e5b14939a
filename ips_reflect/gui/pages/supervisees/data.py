"""What the Supervisees page shows, worked out without widgets: people from the shares
opened, each session's reply state, an item as rich text, a fingerprint in words."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from html import escape
from typing import TYPE_CHECKING, Any

from ips_reflect import messages

if TYPE_CHECKING:
    from ips_reflect.core.exchange_record import ShareItem
    from ips_reflect.store.exchange_store import ReceivedShare

_WEEKDAYS = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")
_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


def day_text(iso: str, weekday: bool = True) -> str:
    """ "Thu 12 Mar 2026" for ``2026-03-12`` (the text itself if it is not a date)."""
    try:
        day = date.fromisoformat(iso[:10])
    except (TypeError, ValueError):
        return iso
    text = f"{day.day} {_MONTHS[day.month - 1]} {day.year}"
    return f"{_WEEKDAYS[day.weekday()]} {text}" if weekday else text


def spoken(code: str) -> str:
    """A fingerprint as words to read over the phone: ``7K-…`` -> "seven kilo · …"."""
    groups = []
    for group in code.split("-"):
        words = [messages.SVS_SPOKEN.get(c, c) for c in group.upper()]
        groups.append(" ".join(words))
    return messages.SVS_SPOKEN_GROUP_BREAK.join(groups)


def count_text(n: int, one: str, many: str) -> str:
    return one if n == 1 else many.format(n=n)


def item_count(share: ReceivedShare) -> int:
    items = share.payload.get("items", [])
    return len(items) if isinstance(items, list) else 0


def signed_off_by(share: ReceivedShare) -> str:
    name = (share.reply or {}).get("signed_off_by")
    return name if isinstance(name, str) else ""


def reply_state(share: ReceivedShare) -> str:
    """ "Not signed off yet", or who signed it off (and how many replies went out)."""
    name = signed_off_by(share)
    if not name:
        return messages.SVS_NOT_SIGNED
    if share.last_sequence > 1:
        return messages.SVS_SIGNED_REPLIES.format(name=name, replies=share.last_sequence)
    return messages.SVS_SIGNED.format(name=name)


@dataclass(frozen=True)
class Person:
    """Someone who shared sessions: their name, the fingerprint of their key (two
    people with one name stay apart) and their shares, newest session first."""

    name: str
    fingerprint: str
    shares: tuple[ReceivedShare, ...]

    @property
    def waiting(self) -> int:
        return sum(1 for s in self.shares if not signed_off_by(s))

    def line(self) -> str:
        sessions = count_text(
            len(self.shares), messages.SVS_SESSIONS_ONE, messages.SVS_SESSIONS_MANY
        )
        if self.waiting:
            sessions = messages.SVS_PERSON_WAITING.format(sessions=sessions, waiting=self.waiting)
        return messages.SVS_PERSON_LINE.format(name=self.name, sessions=sessions)


def group_people(shares: Iterable[ReceivedShare]) -> list[Person]:
    """The people in ``shares`` (newest session first), by name."""
    found: dict[tuple[str, str], list[ReceivedShare]] = {}
    for share in shares:
        key = (share.practitioner, share.practitioner_card.fingerprint)
        found.setdefault(key, []).append(share)
    people = [
        Person(name, fingerprint, tuple(sorted(rows, key=lambda s: (s.session_date, s.id))[::-1]))
        for (name, fingerprint), rows in found.items()
    ]
    return sorted(people, key=lambda p: (p.name.casefold(), p.fingerprint))


def kicker(item: ShareItem) -> str:
    kind = messages.SUP_SUMMARY_KINDS.get(item.kind, item.kind)
    if item.kind == "flag" and item.sign:
        return messages.SVS_KIND_FLAG.format(kind=kind, sign=item.sign)
    return kind


def item_html(item: ShareItem, comments: Sequence[str]) -> str:
    """The item's words (paragraphs kept) and the comments kept on it so far."""
    parts: list[str] = []
    paragraphs = [p.strip() for p in item.text.replace("\r", "").split("\n\n") if p.strip()]
    for paragraph in paragraphs:
        parts.append("<p>" + escape(paragraph).replace("\n", "<br>") + "</p>")
    if not paragraphs:
        parts.append(f'<p class="muted">{escape(messages.SVS_ITEM_NO_TEXT)}</p>')
    if comments:
        parts.append(f'<p class="heading">{escape(messages.SVS_COMMENTS_HEADING)}</p>')
        parts.append(
            "<ul>"
            + "".join(f"<li>{escape(c).replace(chr(10), '<br>')}</li>" for c in comments)
            + "</ul>"
        )
    return "\n".join(parts)


def pending_of(payload: Mapping[str, Any]) -> dict[int, str]:
    """Comments typed but not kept yet, from a draft (item number -> text)."""
    raw = payload.get("pending")
    out: dict[int, str] = {}
    if isinstance(raw, dict):
        for key, value in raw.items():
            if isinstance(value, str) and value.strip() and str(key).isdigit():
                out[int(key)] = value
    return out
