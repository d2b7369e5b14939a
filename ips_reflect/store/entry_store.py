"""Entries in the vault: save, edit, list with filters, the 30-day bin, import.

The full-text index (``entries_fts``, rowid = entry id) is kept in step here, in
the same transaction as the row it indexes.
"""

from __future__ import annotations

import builtins
import json
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, replace
from datetime import UTC, date, datetime, time, timedelta
from typing import Any, NamedTuple, TypedDict, Unpack

from ips_reflect.core.entries import (
    Entry,
    EntryError,
    check_entry,
    normalise_tags,
    now_iso,
    utc_key,
)
from ips_reflect.store.db import Database, Where

BIN_DAYS = 30

_SELECT = """
SELECT e.id, e.uid, e.kind, e.created, e.updated, e.title, e.body, e.client_alias,
       e.audience, e.answers, e.warning_signs, e.reasons, e.bring_to_supervision,
       e.deleted_at, l.uid AS linked_uid,
       (SELECT json_group_array(tag) FROM
            (SELECT tag FROM entry_tags t WHERE t.entry_id = e.id ORDER BY t.position)
       ) AS tags
FROM entries e LEFT JOIN entries l ON l.id = e.linked_entry_id
"""

When = date | datetime | str

_OUTLINE = (
    "SELECT e.rev, e.id, e.uid, e.kind, e.created, e.updated, e.client_alias, "
    "e.audience, l.uid FROM entries e LEFT JOIN entries l ON l.id = e.linked_entry_id"
)
_OUTLINE_PAGE = (
    f"{_OUTLINE.replace(' FROM entries e', ', e.created_utc FROM entries e')} "
    "WHERE e.deleted_at IS NULL AND (e.created_utc, e.id) > (?, ?) "
    "ORDER BY e.created_utc, e.id LIMIT ?"
)
_OUTLINE_PAGE_ROWS = 5000


class EntryFilters(TypedDict, total=False):
    """The filters :meth:`EntryStore.list` and :meth:`EntryStore.count` take (see ``list``)."""

    kind: str | Sequence[str] | None
    audience: str | None
    tag: str | None
    client_alias: str | None
    created_from: When | None
    created_to: When | None
    flagged: bool | None
    supervision: bool | None
    in_bin: bool | None


class EntryOutline(NamedTuple):
    """An entry without its words (see :meth:`EntryStore.outline`)."""

    rev: int  # bumped by every edit
    id: int
    uid: str
    kind: str
    created: str
    updated: str | None
    client_alias: str | None
    audience: str | None
    linked_uid: str | None

    @property
    def in_bin(self) -> bool:
        return False  # the outline lists live entries only


#: The columns an entry's own fields fill, in the order of :func:`_field_values`.
_FIELDS = (
    "kind",
    "created",
    "created_utc",
    "updated",
    "title",
    "body",
    "client_alias",
    "audience",
    "answers",
    "warning_signs",
    "reasons",
    "bring_to_supervision",
)


def _field_values(entry: Entry) -> tuple[Any, ...]:
    return (
        entry.kind,
        entry.created,
        utc_key(entry.created),
        entry.updated,
        entry.title,
        entry.body,
        entry.client_alias,
        entry.audience,
        _dumps(entry.answers),
        _dumps(entry.warning_signs),
        _dumps(entry.reasons),
        int(entry.bring_to_supervision),
    )


@dataclass(frozen=True)
class ImportResult:
    added: int
    skipped: int  # already in the vault (same uid)


def _row_to_entry(row: Any) -> Entry:
    return Entry(
        id=row["id"],
        uid=row["uid"],
        kind=row["kind"],
        created=row["created"],
        updated=row["updated"],
        title=row["title"],
        body=row["body"],
        client_alias=row["client_alias"],
        audience=row["audience"],
        answers=json.loads(row["answers"]),
        warning_signs=json.loads(row["warning_signs"]),
        reasons=json.loads(row["reasons"]),
        bring_to_supervision=bool(row["bring_to_supervision"]),
        deleted_at=row["deleted_at"],
        linked_uid=row["linked_uid"],
        tags=json.loads(row["tags"]) if row["tags"] else [],
    )


#: A check made before sharing with no live reflection linked to it (``e``: the check).
_PENDING = (
    "e.kind = 'before_check' AND e.deleted_at IS NULL AND NOT EXISTS (SELECT 1 FROM "
    "entries r WHERE r.linked_entry_id = e.id AND r.kind = 'after_reflection' "
    "AND r.deleted_at IS NULL)"
)


def _utc_bound(value: When, *, end: bool) -> str:
    """A ``created_utc`` bound. A date covers the whole local day."""
    if isinstance(value, str):
        return utc_key(value)
    if isinstance(value, datetime):
        moment = value if value.tzinfo else value.astimezone()
    else:
        day = value + timedelta(days=1) if end else value
        moment = datetime.combine(day, time()).astimezone()
    return moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


def _dumps(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


class EntryStore:
    """``vault.entries``."""

    def __init__(self, db: Database) -> None:
        self.db = db

    # ------------------------------------------------------------------ write

    def _check(self, entry: Entry, where: str = "entry") -> list[str]:
        problems = check_entry(entry)
        if where != "entry":
            problems = [p.replace("entry", where, 1) for p in problems]
        if entry.linked_uid is not None and entry.linked_uid == entry.uid:
            problems.append(f"{where}.linked_uid: an entry cannot be linked to itself")
        return problems

    def _raise(self, problems: list[str]) -> None:
        if problems:
            raise EntryError("This entry cannot be saved: " + problems[0] + ".", problems)

    def _link_id(self, linked_uid: str | None) -> int | None:
        if linked_uid is None:
            return None
        found = self.db.scalar("SELECT id FROM entries WHERE uid = ?", (linked_uid,))
        if found is None:
            raise EntryError(
                "This entry cannot be saved: the entry it is linked to is no longer in the vault.",
                [f"entry.linked_uid: no entry with uid {linked_uid}"],
            )
        return int(found)

    def _write_index(
        self, conn: Any, entry_id: int, entry: Entry, tags: list[str], *, new: bool = False
    ) -> None:
        if not new:
            conn.execute("DELETE FROM entries_fts WHERE rowid = ?", (entry_id,))
            conn.execute("DELETE FROM entry_tags WHERE entry_id = ?", (entry_id,))
        conn.execute(
            "INSERT INTO entries_fts(rowid, title, body, answers_text, tags, client_alias) "
            "VALUES (?, ?, ?, ?, ?, ?)",
            (
                entry_id,
                entry.title,
                entry.body,
                entry.answers_text(),
                "\n".join(tags),
                entry.client_alias or "",
            ),
        )
        conn.executemany(
            "INSERT INTO entry_tags(entry_id, position, tag) VALUES (?, ?, ?)",
            [(entry_id, i, t) for i, t in enumerate(tags)],
        )

    def _insert(self, conn: Any, entry: Entry, linked_id: int | None) -> int:
        cur = conn.execute(
            f"INSERT INTO entries(uid, {', '.join(_FIELDS)}, linked_entry_id, deleted_at) "
            f"VALUES ({', '.join('?' * (len(_FIELDS) + 3))})",
            (entry.uid, *_field_values(entry), linked_id, entry.deleted_at),
        )
        return int(cur.lastrowid)

    def add(self, entry: Entry) -> Entry:
        """Store a new entry; returns it with ``id`` set and tags tidied."""
        self._raise(self._check(entry))
        tags = normalise_tags(entry.tags)
        entry = replace(entry, tags=tags)
        with self.db.transaction() as conn:
            if self.db.scalar("SELECT 1 FROM entries WHERE uid = ?", (entry.uid,)):
                raise EntryError(
                    "This entry cannot be saved: an entry with the same uid is already in "
                    "the vault.",
                    [f"entry.uid: {entry.uid} is already in the vault"],
                )
            entry_id = self._insert(conn, entry, self._link_id(entry.linked_uid))
            self._write_index(conn, entry_id, entry, tags, new=True)
        return replace(entry, id=entry_id)

    def update(self, entry: Entry, *, touch: bool = True) -> Entry:
        """Save changes to an existing entry (found by uid). Sets ``updated`` unless told not to."""
        if touch:
            entry = replace(entry, updated=now_iso())
        self._raise(self._check(entry))
        tags = normalise_tags(entry.tags)
        entry = replace(entry, tags=tags)
        with self.db.transaction() as conn:
            entry_id = self.db.scalar("SELECT id FROM entries WHERE uid = ?", (entry.uid,))
            if entry_id is None:
                raise EntryError(
                    "This entry cannot be saved: it is no longer in the vault (it may have "
                    "been emptied from the bin).",
                    [f"entry.uid: no entry with uid {entry.uid}"],
                )
            conn.execute(
                f"UPDATE entries SET {', '.join(f'{name} = ?' for name in _FIELDS)}, "
                "linked_entry_id = ?, rev = rev + 1 WHERE id = ?",
                (*_field_values(entry), self._link_id(entry.linked_uid), entry_id),
            )
            self._write_index(conn, int(entry_id), entry, tags)
        return self.get(entry.uid) or entry

    def import_entries(self, entries: Sequence[Entry]) -> ImportResult:
        """Add many entries in one transaction: all of them, or (on any problem) none.

        Entries whose uid is already in the vault are skipped, so importing the same
        file twice adds nothing the second time. ``linked_uid`` may point to an entry
        in the same batch or already in the vault.
        """
        problems: list[str] = []
        for i, entry in enumerate(entries):
            problems.extend(self._check(entry, f"entries[{i}]"))
        if problems:
            raise EntryError(f"The entries cannot be imported: {problems[0]}.", problems)
        batch = {e.uid for e in entries}
        with self.db.transaction() as conn:
            existing = self._existing_uids(batch | {e.linked_uid for e in entries if e.linked_uid})
            for i, entry in enumerate(entries):
                if (
                    entry.linked_uid
                    and entry.linked_uid not in batch
                    and entry.linked_uid not in existing
                ):
                    problems.append(
                        f"entries[{i}].linked_uid: no entry with uid {entry.linked_uid} "
                        "in the file or the vault"
                    )
            if problems:
                raise EntryError(f"The entries cannot be imported: {problems[0]}.", problems)
            ids: dict[str, int] = {}
            added = 0
            for entry in entries:
                if entry.uid in existing:
                    continue
                tags = normalise_tags(entry.tags)
                entry_id = self._insert(conn, replace(entry, tags=tags), None)
                self._write_index(conn, entry_id, entry, tags, new=True)
                ids[entry.uid] = entry_id
                added += 1
            links = [(e.linked_uid, ids[e.uid]) for e in entries if e.linked_uid and e.uid in ids]
            conn.executemany(
                "UPDATE entries SET linked_entry_id = (SELECT id FROM entries WHERE uid = ?) "
                "WHERE id = ?",
                links,
            )
        return ImportResult(added=added, skipped=len(entries) - added)

    def _existing_uids(self, uids: Iterable[str]) -> set[str]:
        found: set[str] = set()
        pending = list(uids)
        for start in range(0, len(pending), 500):
            chunk = pending[start : start + 500]
            marks = ", ".join("?" * len(chunk))
            rows = self.db.query(f"SELECT uid FROM entries WHERE uid IN ({marks})", chunk)
            found.update(r[0] for r in rows)
        return found

    # ------------------------------------------------------------------ bin

    def delete(self, uid: str) -> bool:
        """Move to the bin (kept for 30 days, then purged). True if it was there to move."""
        with self.db.transaction() as conn:
            cur = conn.execute(
                "UPDATE entries SET deleted_at = ? WHERE uid = ? AND deleted_at IS NULL",
                (now_iso(), uid),
            )
        return bool(cur.rowcount)

    def restore(self, uid: str) -> bool:
        """Take an entry back out of the bin."""
        with self.db.transaction() as conn:
            cur = conn.execute(
                "UPDATE entries SET deleted_at = NULL WHERE uid = ? AND deleted_at IS NOT NULL",
                (uid,),
            )
        return bool(cur.rowcount)

    def _purge_ids(self, conn: Any, ids: list[int]) -> int:
        for entry_id in ids:
            conn.execute("DELETE FROM entries_fts WHERE rowid = ?", (entry_id,))
            conn.execute("DELETE FROM entries WHERE id = ?", (entry_id,))
        return len(ids)

    def purge_bin(self, older_than_days: int = BIN_DAYS, now: datetime | None = None) -> int:
        """Permanently delete entries that have been in the bin longer than the limit."""
        moment = (now or datetime.now().astimezone()) - timedelta(days=older_than_days)
        cutoff = moment.astimezone(UTC)
        with self.db.transaction() as conn:
            rows = conn.execute(
                "SELECT id, deleted_at FROM entries WHERE deleted_at IS NOT NULL"
            ).fetchall()
            ids = [
                int(r[0]) for r in rows if datetime.fromisoformat(r[1]).astimezone(UTC) <= cutoff
            ]
            return self._purge_ids(conn, ids)

    def empty_bin(self) -> int:
        """Permanently delete everything in the bin now."""
        with self.db.transaction() as conn:
            ids = [
                int(r[0])
                for r in conn.execute("SELECT id FROM entries WHERE deleted_at IS NOT NULL")
            ]
            return self._purge_ids(conn, ids)

    def delete_forever(self, uid: str) -> bool:
        """Permanently delete one entry (bin or not)."""
        with self.db.transaction() as conn:
            found = conn.execute("SELECT id FROM entries WHERE uid = ?", (uid,)).fetchone()
            if found is None:
                return False
            self._purge_ids(conn, [int(found[0])])
        return True

    # ------------------------------------------------------------------ read

    def get(self, uid: str) -> Entry | None:
        row = self.db.one(_SELECT + " WHERE e.uid = ?", (uid,))
        return _row_to_entry(row) if row else None

    def get_many(self, uids: Iterable[str]) -> builtins.list[Entry]:
        """The entries with these uids (missing ones left out), oldest first."""
        found: builtins.list[Entry] = []
        pending = list(dict.fromkeys(uids))
        for start in range(0, len(pending), 500):
            chunk = pending[start : start + 500]
            marks = ", ".join("?" * len(chunk))
            rows = self.db.query(_SELECT + f" WHERE e.uid IN ({marks})", chunk)
            found += [_row_to_entry(r) for r in rows]
        found.sort(key=lambda e: (utc_key(e.created), e.id or 0))
        return found

    def outline(self, pause: Callable[[], None] | None = None) -> builtins.list[EntryOutline]:
        """Every live entry without its words, oldest first, each with its revision.

        For work over all entries that needs no text (the patterns across entries,
        and knowing which entries changed) without reading 10 MB of words: the query
        is answered from the ``entries_outline`` index alone.
        """
        make = EntryOutline._make
        if pause is None:
            rows = self.db.query(
                f"{_OUTLINE} WHERE e.deleted_at IS NULL ORDER BY e.created_utc, e.id"
            )
            return [make(r) for r in rows]
        # A page at a time (``pause`` between pages): the worker that reads them lets the
        # GUI thread have the interpreter in between.
        out: builtins.list[EntryOutline] = []
        after: tuple[str, int] = ("", 0)
        while True:
            rows = self.db.query(_OUTLINE_PAGE, [*after, _OUTLINE_PAGE_ROWS])
            out += (make(r[:9]) for r in rows)
            if len(rows) < _OUTLINE_PAGE_ROWS:
                return out
            after = (rows[-1][9], int(rows[-1][1]))
            pause()

    def outline_of(self, uids: Iterable[str]) -> builtins.list[EntryOutline]:
        """:meth:`outline` of these live entries only (in no order)."""
        wanted = sorted(set(uids))
        out: builtins.list[EntryOutline] = []
        for start in range(0, len(wanted), 500):
            chunk = wanted[start : start + 500]
            marks = ", ".join("?" * len(chunk))
            sql = f"{_OUTLINE} WHERE e.uid IN ({marks}) AND e.deleted_at IS NULL"
            out += map(EntryOutline._make, self.db.query(sql, chunk))
        return out

    def get_by_id(self, entry_id: int) -> Entry | None:
        row = self.db.one(_SELECT + " WHERE e.id = ?", (entry_id,))
        return _row_to_entry(row) if row else None

    def _where(
        self,
        *,
        kind: str | Sequence[str] | None = None,
        audience: str | None = None,
        tag: str | None = None,
        client_alias: str | None = None,
        created_from: When | None = None,
        created_to: When | None = None,
        flagged: bool | None = None,
        supervision: bool | None = None,
        in_bin: bool | None = False,
    ) -> tuple[str, list[Any]]:
        where = Where()
        where.one_of("e.kind", kind)
        where.equals("e.audience", audience)
        if tag is not None:
            where.add(
                "EXISTS (SELECT 1 FROM entry_tags t WHERE t.entry_id = e.id AND t.tag = ?)", tag
            )
        where.equals("e.client_alias", client_alias)
        if created_from is not None:
            where.add("e.created_utc >= ?", _utc_bound(created_from, end=False))
        if created_to is not None:
            exclusive = isinstance(created_to, date) and not isinstance(created_to, datetime)
            where.add(
                "e.created_utc < ?" if exclusive else "e.created_utc <= ?",
                _utc_bound(created_to, end=True),
            )
        if flagged is not None:
            exists = (
                "EXISTS (SELECT 1 FROM flags f WHERE f.entry_id = e.id AND f.status != 'resolved')"
            )
            where.add(exists if flagged else f"NOT {exists}")
        if supervision is not None:
            where.add("e.bring_to_supervision = ?", int(supervision))
        if in_bin is not None:
            where.add("e.deleted_at IS NOT NULL" if in_bin else "e.deleted_at IS NULL")
        return where.sql(), where.params

    def list(
        self,
        *,
        limit: int | None = None,
        offset: int = 0,
        newest_first: bool = True,
        **filters: Unpack[EntryFilters],
    ) -> builtins.list[Entry]:
        """Entries matching every filter given, newest first by default.

        ``in_bin``: False (default) live entries, True the bin, None both.
        ``created_from``/``created_to``: a date covers the whole local day; a datetime
        or ISO string is an exact bound (both inclusive). ``flagged``: has a flag that
        is not resolved. ``supervision``: marked to bring to supervision.
        """
        where, params = self._where(**filters)
        order = "DESC" if newest_first else "ASC"
        sql = f"{_SELECT}{where} ORDER BY e.created_utc {order}, e.id {order}"
        if limit is not None or offset:
            sql += " LIMIT ? OFFSET ?"
            params += [-1 if limit is None else int(limit), int(offset)]
        return [_row_to_entry(r) for r in self.db.query(sql, params)]

    def count(self, **filters: Unpack[EntryFilters]) -> int:
        where, params = self._where(**filters)
        return int(self.db.scalar(f"SELECT count(*) FROM entries e{where}", params))

    def pending_reflections(self, limit: int | None = None) -> builtins.list[Entry]:
        """Checks made before sharing that have no reflection linked to them yet (newest
        first; the newest ``limit`` of them if given)."""
        tail = f" LIMIT {int(limit)}" if limit is not None else ""
        return [
            _row_to_entry(r)
            for r in self.db.query(
                _SELECT + f" WHERE {_PENDING} ORDER BY e.created_utc DESC, e.id DESC{tail}"
            )
        ]

    def pending_count(self) -> int:
        """How many checks wait for a reflection (see :meth:`pending_reflections`)."""
        # From the outline index alone (a third of the time of reading each check's row).
        return int(
            self.db.scalar(
                "SELECT count(*) FROM entries e INDEXED BY entries_outline "
                f"WHERE e.deleted_at IS NULL AND {_PENDING}"
            )
        )

    def linked_to(self, uid: str) -> builtins.list[Entry]:
        """Live entries linked to ``uid`` (e.g. the reflection that follows a check)."""
        return [
            _row_to_entry(r)
            for r in self.db.query(
                _SELECT + " WHERE l.uid = ? AND e.deleted_at IS NULL ORDER BY e.created_utc",
                (uid,),
            )
        ]

    def tags(self) -> builtins.list[tuple[str, int]]:
        """Tags on live entries with how often each is used, most used first."""
        rows = self.db.query(
            "SELECT t.tag, count(*) AS n FROM entry_tags t JOIN entries e ON e.id = t.entry_id "
            "WHERE e.deleted_at IS NULL GROUP BY t.tag ORDER BY n DESC, t.tag"
        )
        return [(r[0], int(r[1])) for r in rows]

    def client_aliases(self) -> builtins.list[str]:
        """Client aliases on live entries, most recently used first."""
        rows = self.db.query(
            "SELECT client_alias, max(created_utc) AS last FROM entries "
            "WHERE client_alias IS NOT NULL AND client_alias != '' AND deleted_at IS NULL "
            "GROUP BY client_alias ORDER BY last DESC"
        )
        return [r[0] for r in rows]
