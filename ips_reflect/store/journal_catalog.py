"""The journal's light catalog: :class:`JournalFilter` (what the list shows),
:class:`CatalogRow` (one entry's light columns) and :class:`JournalCatalog`, which
reads every entry's light columns once, keeps them fresh and filters and searches them.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import asdict, dataclass, field
from datetime import date, timedelta
from typing import Any

from ips_reflect.core.entries import AUDIENCES, KINDS
from ips_reflect.store.db import Database
from ips_reflect.store.entry_store import BIN_DAYS, _utc_bound
from ips_reflect.store.journal_search import (
    RANK_UP_TO,
    _chunks,
    _short_prefix,
    matching_ids,
    ranked_ids,
)

#: Date ranges offered by the journal's filter, in days back from today.
PERIODS: tuple[str, ...] = ("any", "7", "30", "90", "365", "custom")

_CATALOG_SQL = (
    "SELECT id, uid, kind, created, created_utc, title, audience, client_alias, "
    "bring_to_supervision, deleted_at, linked_entry_id FROM entries"
)


# --------------------------------------------------------------------------- filters


@dataclass(frozen=True)
class JournalFilter:
    """What the journal list shows. ``None`` / False / ``"any"`` means no limit.

    ``period`` is a number of days back from today, ``"custom"`` (then
    ``date_from`` and ``date_to``, ISO dates, either may be empty) or ``"any"``.
    ``in_bin`` shows the bin instead of the live entries.
    """

    kind: str | None = None
    audience: str | None = None
    tag: str | None = None
    period: str = "any"
    date_from: str | None = None
    date_to: str | None = None
    flagged: bool = False
    supervision: bool = False
    in_bin: bool = False

    @property
    def active(self) -> bool:
        """True when anything besides the bin switch narrows the list."""
        return self != JournalFilter(in_bin=self.in_bin)

    def date_range(self, today: date | None = None) -> tuple[date | None, date | None]:
        """The first and last local day shown (inclusive), or None for open ends."""
        today = today or date.today()
        if self.period == "custom":
            return _parse_date(self.date_from), _parse_date(self.date_to)
        if self.period.isdigit():
            return today - timedelta(days=int(self.period) - 1), None
        return None, None

    def to_json(self) -> dict[str, Any]:
        """For ``vault.kv``; the bin switch is not kept (the journal opens on live entries)."""
        data = asdict(self)
        data.pop("in_bin")
        return data

    @classmethod
    def from_json(cls, data: object) -> JournalFilter:
        """Read back what :meth:`to_json` wrote; anything unknown or odd is ignored."""
        if not isinstance(data, Mapping):
            return cls()

        def text(key: str, allowed: Sequence[str] | None = None) -> str | None:
            value = data.get(key)
            if not isinstance(value, str) or not value:
                return None
            if allowed is not None and value not in allowed:
                return None
            return value

        period = text("period", PERIODS) or "any"
        return cls(
            kind=text("kind", KINDS),
            audience=text("audience", AUDIENCES),
            tag=text("tag"),
            period=period,
            date_from=text("date_from") if _parse_date(text("date_from")) else None,
            date_to=text("date_to") if _parse_date(text("date_to")) else None,
            flagged=data.get("flagged") is True,
            supervision=data.get("supervision") is True,
            in_bin=False,
        )


def _parse_date(value: str | None) -> date | None:
    if not value:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        return None


# --------------------------------------------------------------------------- catalog


@dataclass(frozen=True)
class CatalogRow:
    """The light columns of one entry: enough for a list row."""

    id: int
    uid: str
    kind: str
    created: str
    created_utc: str
    title: str
    audience: str | None
    client_alias: str | None
    bring_to_supervision: bool
    deleted_at: str | None
    linked_id: int | None
    tags: tuple[str, ...] = ()
    flags: int = 0

    @property
    def in_bin(self) -> bool:
        return self.deleted_at is not None

    def days_left(self, today: date | None = None, keep_days: int = BIN_DAYS) -> int | None:
        """Whole days until the bin empties this entry (0: goes at the next unlock)."""
        if self.deleted_at is None:
            return None
        try:
            from datetime import datetime

            deleted = datetime.fromisoformat(self.deleted_at).astimezone().date()
        except ValueError:
            return None
        today = today or date.today()
        return max(0, keep_days - (today - deleted).days)


@dataclass
class JournalCatalog:
    """Every entry's light columns, newest first; see the module docstring."""

    rows: dict[int, CatalogRow] = field(default_factory=dict)
    order: list[int] = field(default_factory=list)  # newest first
    stamp: int = -1
    live: set[int] = field(default_factory=set)
    binned: set[int] = field(default_factory=set)
    _uids: dict[str, int] = field(default_factory=dict)
    _allowed: tuple[object, set[int]] | None = None

    # -- reading

    @classmethod
    def load(cls, db: Database) -> JournalCatalog:
        catalog = cls()
        catalog.reload(db)
        return catalog

    def reload(self, db: Database) -> None:
        with db.lock:
            stamp = _stamp(db)
            base = db.query(_CATALOG_SQL)
            tags = _tags(db, None)
            flags = _flag_counts(db, None)
        rows: dict[int, CatalogRow] = {}
        for r in base:
            entry_id = int(r[0])
            rows[entry_id] = _catalog_row(entry_id, r, tags, flags)
        self.rows = rows
        self._sort()
        self.stamp = stamp

    def _sort(self) -> None:
        self.order = sorted(self.rows, key=lambda i: (self.rows[i].created_utc, i), reverse=True)
        self._reindex()

    def _reindex(self) -> None:
        rows = self.rows
        self.live = {i for i, r in rows.items() if r.deleted_at is None}
        self.binned = set(rows) - self.live
        self._uids = {r.uid: i for i, r in rows.items()}
        self._allowed = None

    def is_stale(self, db: Database) -> bool:
        """True if anything was written on the vault's connection since the last read."""
        return _stamp(db) != self.stamp

    def ensure_fresh(self, db: Database) -> bool:
        """Read again if stale; True if it did."""
        if self.is_stale(db):
            self.reload(db)
            return True
        return False

    def refresh(self, db: Database, ids: Iterable[int]) -> None:
        """Read these entries again (after an edit, delete or restore made here).

        Entries no longer in the vault are dropped.
        """
        wanted = list(dict.fromkeys(int(i) for i in ids))
        with db.lock:
            found: dict[int, Any] = {}
            for chunk in _chunks(wanted):
                marks = ", ".join("?" * len(chunk))
                for r in db.query(f"{_CATALOG_SQL} WHERE id IN ({marks})", chunk):
                    found[int(r[0])] = r
            tags = _tags(db, wanted)
            flags = _flag_counts(db, wanted)
            stamp = _stamp(db)
        reorder = False
        for entry_id in wanted:
            r = found.get(entry_id)
            if r is None:
                reorder |= self.rows.pop(entry_id, None) is not None
                continue
            row = _catalog_row(entry_id, r, tags, flags)
            old = self.rows.get(entry_id)
            reorder |= old is None or old.created_utc != row.created_utc
            self.rows[entry_id] = row
        if reorder:
            self._sort()
        else:
            self._reindex()
        self.stamp = stamp

    def mark_seen(self, db: Database) -> None:
        """Our own write that does not change any entry (e.g. saving the filters)."""
        self.stamp = _stamp(db)

    def get(self, entry_id: int) -> CatalogRow | None:
        return self.rows.get(entry_id)

    def by_uid(self, uid: str) -> CatalogRow | None:
        entry_id = self._uids.get(uid)
        return self.rows.get(entry_id) if entry_id is not None else None

    def count(self, in_bin: bool = False) -> int:
        """Entries in the bin, or live entries."""
        return len(self.binned if in_bin else self.live)

    def __len__(self) -> int:
        return len(self.rows)

    # -- choosing rows

    def matches(self, row: CatalogRow, f: JournalFilter, bounds: tuple[str, str]) -> bool:
        if (row.deleted_at is not None) != f.in_bin:
            return False
        if f.kind is not None and row.kind != f.kind:
            return False
        if f.audience is not None and row.audience != f.audience:
            return False
        if f.tag is not None and f.tag not in row.tags:
            return False
        if f.supervision and not row.bring_to_supervision:
            return False
        if f.flagged and not row.flags:
            return False
        low, high = bounds
        return low <= row.created_utc < high

    def _bounds(self, f: JournalFilter, today: date | None) -> tuple[str, str]:
        start, end = f.date_range(today)
        low = _utc_bound(start, end=False) if start is not None else ""
        high = _utc_bound(end, end=True) if end is not None else "\uffff"
        return low, high

    def allowed(self, f: JournalFilter, today: date | None = None) -> set[int]:
        """Ids ``f`` lets through (kept until the filter or the catalog changes)."""
        if not f.active:
            return self.binned if f.in_bin else self.live
        key = (f, today or date.today())
        if self._allowed is not None and self._allowed[0] == key:
            return self._allowed[1]
        bounds = self._bounds(f, today)
        rows = self.rows
        found = {
            i for i in (self.binned if f.in_bin else self.live) if self.matches(rows[i], f, bounds)
        }
        self._allowed = (key, found)
        return found

    def filter(self, f: JournalFilter, today: date | None = None) -> list[int]:
        """Ids of the entries ``f`` lets through, newest first."""
        allowed = self.allowed(f, today)
        return list(filter(allowed.__contains__, self.order))

    def search(
        self,
        db: Database,
        text: str,
        f: JournalFilter,
        *,
        prefix: bool = True,
        today: date | None = None,
    ) -> list[int]:
        """Ids matching ``text`` and ``f``, best match first (an empty query: :meth:`filter`).

        One or two letters (the start of a single word) match almost every entry,
        so they are not ranked (ranking them costs most of a keystroke's time):
        those entries are listed newest first. From three letters on, best first,
        unless more than :data:`RANK_UP_TO` entries match (only in a vault bigger than
        that): those too are listed newest first, as ranking them all would take
        longer than a keystroke may (type another word to narrow them down).
        """
        allowed = self.allowed(f, today)
        found = matching_ids(db, text, prefix=prefix)
        if found is None:
            return self.filter(f, today)
        if _short_prefix(text, prefix) or len(found) > RANK_UP_TO:
            hits = allowed.intersection(found)
            return list(filter(hits.__contains__, self.order))
        ranked = ranked_ids(db, text, prefix=prefix) or []
        return list(filter(allowed.__contains__, ranked))

    # -- lists for the filter menus

    def tags(self) -> list[tuple[str, int]]:
        """Tags on live entries with how often each is used, most used first."""
        counts: dict[str, int] = {}
        for row in self.rows.values():
            if row.deleted_at is None:
                for tag in row.tags:
                    counts[tag] = counts.get(tag, 0) + 1
        return sorted(counts.items(), key=lambda kv: (-kv[1], kv[0].casefold()))

    def client_aliases(self) -> list[str]:
        """Client aliases on live entries, most recently used first."""
        seen: dict[str, str] = {}
        for entry_id in self.order:
            row = self.rows[entry_id]
            if row.deleted_at is None and row.client_alias and row.client_alias not in seen:
                seen[row.client_alias] = row.created_utc
        return list(seen)


def _catalog_row(
    entry_id: int, r: Any, tags: dict[int, tuple[str, ...]], flags: dict[int, int]
) -> CatalogRow:
    """A row of ``_CATALOG_SQL`` with the entry's tags and open flag count."""
    return CatalogRow(
        id=entry_id,
        uid=r[1],
        kind=r[2],
        created=r[3],
        created_utc=r[4],
        title=r[5],
        audience=r[6],
        client_alias=r[7],
        bring_to_supervision=bool(r[8]),
        deleted_at=r[9],
        linked_id=r[10],
        tags=tags.get(entry_id, ()),
        flags=flags.get(entry_id, 0),
    )


def _stamp(db: Database) -> int:
    return int(db.scalar("SELECT total_changes()"))


def _tags(db: Database, ids: Sequence[int] | None) -> dict[int, tuple[str, ...]]:
    found: dict[int, list[tuple[int, str]]] = {}
    if ids is None:
        rows = db.query("SELECT entry_id, position, tag FROM entry_tags")
    else:
        rows = []
        for chunk in _chunks(ids):
            marks = ", ".join("?" * len(chunk))
            rows += db.query(
                f"SELECT entry_id, position, tag FROM entry_tags WHERE entry_id IN ({marks})",
                chunk,
            )
    for r in rows:
        found.setdefault(int(r[0]), []).append((int(r[1]), r[2]))
    return {k: tuple(t for _, t in sorted(v)) for k, v in found.items()}


def _flag_counts(db: Database, ids: Sequence[int] | None) -> dict[int, int]:
    sql = "SELECT entry_id, count(*) FROM flags WHERE entry_id IS NOT NULL AND status != 'resolved'"
    if ids is None:
        rows = db.query(sql + " GROUP BY entry_id")
    else:
        rows = []
        for chunk in _chunks(ids):
            marks = ", ".join("?" * len(chunk))
            rows += db.query(f"{sql} AND entry_id IN ({marks}) GROUP BY entry_id", chunk)
    return {int(r[0]): int(r[1]) for r in rows}
