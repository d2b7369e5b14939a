"""Bulk reads for other views besides the journal list: whole entries by id
(:func:`entries_by_ids`) and what the trends need (:func:`trend_inputs`).
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from datetime import date

from ips_reflect.core.entries import Entry
from ips_reflect.core.trends import FlagPoint, TrendEntry
from ips_reflect.store.db import Database
from ips_reflect.store.entry_store import _SELECT, _row_to_entry, _utc_bound
from ips_reflect.store.journal_search import _chunks

HOW_IT_WENT_QUESTION = "after.how_it_went"


# --------------------------------------------------------------------------- whole entries


def entries_by_ids(db: Database, ids: Sequence[int]) -> list[Entry]:
    """Whole entries, in the order of ``ids`` (missing ones left out)."""
    found: dict[int, Entry] = {}
    for chunk in _chunks(list(ids)):
        marks = ", ".join("?" * len(chunk))
        for r in db.query(f"{_SELECT} WHERE e.id IN ({marks})", chunk):
            entry = _row_to_entry(r)
            assert entry.id is not None
            found[entry.id] = entry
    return [found[i] for i in ids if i in found]


# --------------------------------------------------------------------------- trends


_TREND_SQL = (
    "SELECT id, uid, kind, created, audience, reasons, "
    f"json_extract(answers, '$.\"{HOW_IT_WENT_QUESTION}\"'), linked_entry_id "
    "FROM entries WHERE deleted_at IS NULL"
)
#: Only checks and reflections make shares; what is read of them is in the
#: ``entries_shares`` index (a partial index with this very condition), so no entry row
#: is read (each would be decrypted whole: the reasons and rating sit after the words).
_SHARE_KINDS = " AND kind IN ('before_check', 'after_reflection')"
#: Ticked signs, answered from the ``entries_outline`` index alone (no row is read).
_SIGNS_SQL = (
    "SELECT id, created, warning_signs FROM entries "
    "WHERE deleted_at IS NULL AND created_utc >= ? AND warning_signs != '[]'"
)

#: Flags of live entries in the period, dated by the entry, and flags of no entry
#: (patterns), dated by the flag: both halves answered from indexes alone
#: (``entries_outline`` and ``flags_by_entry_sign``), no entry or flag row is read.
_FLAGS_SQL = (
    "SELECT f.entry_id, f.sign, e.created FROM entries e JOIN flags f ON f.entry_id = e.id "
    "WHERE e.deleted_at IS NULL AND e.created_utc >= ? "
    "UNION ALL SELECT NULL, sign, created FROM flags WHERE entry_id IS NULL AND created >= ?"
)


def trend_inputs(
    db: Database, since: date | None = None
) -> tuple[list[TrendEntry], list[FlagPoint]]:
    """What :mod:`ips_reflect.core.trends` needs: live checks and reflections (light) and
    warning signs.

    ``since`` (a local day) leaves out what came before it; checks that a
    reflection since then follows are read too, whenever they were made (the
    reflection may take its audience and reasons from them). Only the rows in the
    period are read (through the date index), so a long history costs nothing; of
    those, only checks and reflections are read whole (the other kinds make no share).

    Warning signs are counted once per entry and sign, whether they came from a
    flag (any source, any status) or were ticked in the entry itself, and dated
    by the entry. Flags not tied to an entry (patterns) are dated by the flag.
    """
    bound = _utc_bound(since, end=False) if since is not None else ""
    with db.lock:
        rows = db.query(_TREND_SQL + _SHARE_KINDS + " AND created_utc >= ?", [bound])
        have = {int(r[0]) for r in rows}
        missing = [int(r[7]) for r in rows if r[7] is not None and int(r[7]) not in have]
        for chunk in _chunks(sorted(set(missing))):
            marks = ", ".join("?" * len(chunk))
            rows += db.query(f"{_TREND_SQL}{_SHARE_KINDS} AND id IN ({marks})", chunk)
        sign_rows = db.query(_SIGNS_SQL, [bound])
        flag_rows = db.query(_FLAGS_SQL, [bound, since.isoformat() if since is not None else ""])
    entries: list[TrendEntry] = []
    for r in rows:
        rating = r[6]
        entries.append(
            TrendEntry(
                id=int(r[0]),
                kind=r[2],
                created=r[3],
                audience=r[4],
                reasons=tuple(_json_list(r[5])),
                how_it_went=int(rating)
                if isinstance(rating, int) and not isinstance(rating, bool)
                else None,
                linked_id=r[7],
            )
        )
    signs: dict[tuple[int, str], str] = {}
    for r in sign_rows:
        for sign in _json_list(r[2]):
            signs[(int(r[0]), sign)] = r[1]
    points: list[FlagPoint] = []
    for r in flag_rows:
        if r[0] is None:
            points.append(FlagPoint(sign=r[1], created=r[2]))
        else:
            signs.setdefault((int(r[0]), r[1]), r[2])
    points += [FlagPoint(sign=sign, created=when) for (_, sign), when in signs.items()]
    return entries, points


def _json_list(text: object) -> list[str]:
    if not isinstance(text, str) or text == "[]":
        return []
    try:
        value = json.loads(text)
    except ValueError:
        return []
    return [v for v in value if isinstance(v, str)] if isinstance(value, list) else []
