"""Supervision documents: the session summary, the supervision pack and the group pack.

Each is built in two halves. ``*_input`` reads what it needs from the unlocked vault
(quick; on the caller's thread); ``*_pdf`` turns that into PDF bytes (slow; the app
runs it on a worker). ``ips-reflect supervision summary|pack`` and the Supervision
page both call these, so they print the same thing.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING, Any

from ips_reflect import messages
from ips_reflect.core.content import Content
from ips_reflect.core.entries import Entry
from ips_reflect.core.supervision import (
    AgendaItem,
    agenda_flag_ids,
    consented,
    resolve_agenda,
)
from ips_reflect.errors import PrivacyGateError, UserError
from ips_reflect.store.keys import PATTERN_ENTRIES as PATTERN_ENTRIES_KEY

if TYPE_CHECKING:
    from ips_reflect.store.vault import Vault

#: What each kind of entry is called in an agenda and in the documents.
KIND_NAMES: Mapping[str, str] = messages.JOURNAL_KIND_NAMES


def marked_entries(vault: Vault, since: date | None = None) -> list[Entry]:
    """The entries the practitioner chose to bring, oldest first (the consent gate)."""
    return consented(vault.entries.list(supervision=True, created_from=since, newest_first=False))


def pattern_entries(vault: Vault) -> dict[str, list[str]]:
    """Which entries each pattern flag is about (fingerprint -> entry uids), so that a
    pattern's evidence is shown only when all of them are consented. Unreadable: {}
    (the evidence is then hidden, never shown)."""
    try:
        value = vault.kv.get(PATTERN_ENTRIES_KEY)
    except Exception:
        return {}
    if not isinstance(value, dict):
        return {}
    return {str(k): [str(u) for u in v] for k, v in value.items() if isinstance(v, list)}


def session_agenda(
    vault: Vault, content: Content, session: Any, entries: Sequence[Entry] | None = None
) -> list[AgendaItem]:
    """A session's stored agenda as it may be shown now (see ``resolve_agenda``)."""
    if entries is None:
        entries = marked_entries(vault)
    return resolve_agenda(
        session.agenda,
        entries=entries,
        flags=vault.flags.chosen(ids=agenda_flag_ids(session.agenda)),
        topic_text=lambda tid: item.text if (item := content.get(tid)) is not None else None,
        topic_label=lambda tid: item.label if (item := content.get(tid)) is not None else None,
        sign_names={i.id: i.label for i in content.warning_signs},
        kind_names=KIND_NAMES,
        related=pattern_entries(vault),
    )


def find_session(vault: Vault, session_id: int | None) -> Any:
    """The session with ``session_id``, or the most recent one."""
    if session_id is not None:
        session = vault.supervision.get_session(session_id)
        if session is None:
            raise UserError(messages.SUP_CLI_UNKNOWN_SESSION.format(id=session_id))
        return session
    recorded = vault.supervision.sessions()
    if not recorded:
        raise UserError(messages.SUP_CLI_NO_SESSIONS)
    return recorded[0]


@dataclass(frozen=True)
class SummaryInput:
    session: Any
    agenda: list[AgendaItem]
    actions: list[Any]
    ratings: dict[str, int]
    history: list[Any]
    entries: list[Entry]


def summary_input(vault: Vault, content: Content, session: Any) -> SummaryInput:
    """What a session's summary prints, read from the vault."""
    entries = marked_entries(vault)
    return SummaryInput(
        session=session,
        agenda=session_agenda(vault, content, session, entries),
        actions=list(vault.supervision.actions(session.id)),
        ratings=dict(vault.supervision.ratings(session.id)),
        # The story so far, as of this session (a later session is not part of it).
        history=[h for h in vault.supervision.rating_history() if h[0] <= session.held_on],
        entries=entries,
    )


def summary_pdf(data: SummaryInput, content: Content) -> bytes:
    from ips_reflect.export.supervision_pdf import session_summary_pdf

    return session_summary_pdf(
        data.session,
        data.agenda,
        data.actions,
        data.ratings,
        content,
        history=data.history,
        entries=data.entries,
    )


@dataclass(frozen=True)
class PackInput:
    entries: list[Entry]  # consented, oldest first
    left_out: int  # entries in the period not marked for supervision
    group: bool = False
    since: date | None = None
    #: Every client alias in the vault (group pack only): a private entry may name a
    #: client that a marked one mentions too. None when not read.
    aliases: tuple[str, ...] | None = field(default=None)


def pack_input(vault: Vault, *, group: bool = False, since: date | None = None) -> PackInput:
    """The marked entries for a supervision pack and, for a group pack, every alias.

    Fails closed: if the aliases cannot be read, no group pack can be made (raises
    :class:`PrivacyGateError`), rather than one with a client's alias left in."""
    entries = marked_entries(vault, since)
    left_out = vault.entries.count(supervision=False, created_from=since)
    aliases: tuple[str, ...] | None = None
    if group:
        try:
            aliases = tuple(vault.entries.client_aliases())
        except Exception:
            raise PrivacyGateError(messages.SUP_GROUP_ALIASES_UNREADABLE) from None
    return PackInput(entries, left_out, group, since, aliases)


def pack_pdf(data: PackInput, content: Content) -> bytes:
    from ips_reflect.export.supervision_pdf import supervision_pack_pdf

    return supervision_pack_pdf(
        data.entries, content, group=data.group, since=data.since, extra_aliases=data.aliases
    )
