"""What the Supervision page reads and says: days in words, topics and area names from
the content, and the agenda built from the vault (consented entries only).
"""

from __future__ import annotations

import contextlib
from collections.abc import Sequence
from dataclasses import replace
from datetime import date
from typing import TYPE_CHECKING, Any

from ips_reflect import messages
from ips_reflect.core.content import Content, Item
from ips_reflect.core.entries import Entry
from ips_reflect.core.flags import PLAN_SIGN
from ips_reflect.core.supervision import SLEF_AREAS, AgendaItem, build_agenda, consented
from ips_reflect.gui.widgets.agenda import next_agenda_flag_ids
from ips_reflect.store.records import Session

if TYPE_CHECKING:
    from ips_reflect.store.vault import Vault

TOPIC_PACK = "supervision"
SLEF_PACK = "slef"
DUE_DAYS = 14

_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
_WEEKDAYS = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")


# --------------------------------------------------------------------------- small words


def parse_day(iso: str | None) -> date | None:
    if not iso:
        return None
    try:
        return date.fromisoformat(iso[:10])
    except ValueError:
        return None


def day_text(iso: str | None, weekday: bool = True) -> str:
    """ "Thu 12 Mar 2026" (or without the weekday), independent of the locale."""
    day = parse_day(iso)
    if day is None:
        return iso or ""
    text = f"{day.day} {_MONTHS[day.month - 1]} {day.year}"
    return f"{_WEEKDAYS[day.weekday()]} {text}" if weekday else text


def session_heading(session: Session) -> str:
    day = day_text(session.held_on)
    if session.supervisor.strip():
        return messages.SUPV_SESSION_WITH.format(day=day, supervisor=session.supervisor.strip())
    return messages.SUPV_SESSION_ALONE.format(day=day)


def topic_items(content: Content) -> list[Item]:
    """The supervision topics from the paper (any pack's topics if that pack is missing)."""
    try:
        content.pack(TOPIC_PACK)
    except KeyError:
        return content.items(type="topic")
    return content.items(type="topic", pack=TOPIC_PACK)


def sign_names(content: Content) -> dict[str, str]:
    names = {item.id: item.label for item in content.warning_signs}
    names[PLAN_SIGN] = messages.FLAG_PLAN_LABEL
    return names


def area_names(content: Content) -> dict[str, str]:
    """SLEF areas by the titles of the ``slef`` pack's sections (or capitalised ids)."""
    names = {area: area.capitalize() for area in SLEF_AREAS}
    with contextlib.suppress(KeyError):
        for section in content.pack(SLEF_PACK).sections:
            area = section.id.split(".", 1)[-1]
            if area in names:
                names[area] = section.title
    return names


# --------------------------------------------------------------------------- reading the vault


def consented_entries(vault: Vault) -> list[Entry]:
    """The entries the practitioner chose to bring: the vault's query, then the gate."""
    return consented(vault.entries.list(supervision=True))


def load_agenda(
    vault: Vault, content: Content, session: Session
) -> tuple[list[AgendaItem], list[Entry]]:
    """A session's agenda as it may be shown now, and the consented entries."""
    from ips_reflect.ops import supervision as ops

    entries = ops.marked_entries(vault)
    return ops.session_agenda(vault, content, session, entries), entries


def agenda_flags(vault: Vault, entries: Sequence[Entry]) -> list[Any]:
    """Flags for a new agenda, oldest first: those put on the next agenda from the Flags
    page (unless resolved since) and the open flags of the marked entries."""
    uids = {e.uid for e in entries}
    wanted = set(next_agenda_flag_ids(vault))
    return [
        f
        for f in reversed(vault.flags.chosen(ids=wanted, entry_uids=uids))
        if f.status != "resolved"
        and (f.id in wanted or (f.status == "open" and f.entry_uid in uids))
    ]


def fresh_agenda(vault: Vault, content: Content, topic_ids: Sequence[str]) -> list[AgendaItem]:
    """A new session's agenda: the chosen topics, every marked entry, the flags put on
    the next agenda and the open flags of marked entries."""
    entries = consented_entries(vault)
    flags = agenda_flags(vault, entries)
    topics = []
    for tid in topic_ids:
        item = content.get(tid)
        if item is not None:
            topics.append((tid, item.label))
    items = build_agenda(
        topics=topics,
        entries=entries,
        flags=flags,
        sign_names=sign_names(content),
        kind_names=messages.JOURNAL_KIND_NAMES,
    )
    for n, agenda_item in enumerate(items):
        if agenda_item.kind == "topic":
            topic = content.get(agenda_item.ref)
            items[n] = replace(agenda_item, detail=topic.text if topic is not None else "")
    return items
