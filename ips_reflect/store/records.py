"""Everything in the vault besides entries: drafts, flags, sharing plans, the
biography, supervision, and small app state (``kv``).

Each repository is a thin layer over one or two tables and returns plain
dataclasses. JSON payloads are stored as text and handed back as Python values.
"""

from __future__ import annotations

import builtins
import hashlib
import json
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from ips_reflect.core.entries import now_iso
from ips_reflect.core.flag_model import Flag, FlagRecord
from ips_reflect.core.supervision import Action, Session
from ips_reflect.store.db import Database, Where
from ips_reflect.store.migrations import SLEF_AREAS

FLAG_SOURCES: tuple[str, ...] = ("ticked", "text", "pattern", "plan")
FLAG_STATUSES: tuple[str, ...] = ("open", "discussed", "resolved")


def _dumps(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


class _Store:
    """A part of the vault kept in the tables of ``db``."""

    def __init__(self, db: Database) -> None:
        self.db = db

    def _delete(self, sql: str, params: Sequence[Any]) -> bool:
        """Run one ``DELETE``; True if it removed a row."""
        with self.db.transaction() as conn:
            return bool(conn.execute(sql, params).rowcount)


# --------------------------------------------------------------------------- drafts


@dataclass(frozen=True)
class Draft:
    key: str
    kind: str
    payload: Any
    updated: str


class DraftStore(_Store):
    """Autosaved work in progress, one per ``key`` (e.g. ``"before_check:new"``)."""

    def save(self, key: str, kind: str, payload: Any) -> Draft:
        draft = Draft(key, kind, payload, now_iso())
        with self.db.transaction() as conn:
            conn.execute(
                "INSERT INTO drafts(key, kind, payload, updated) VALUES (?, ?, ?, ?) "
                "ON CONFLICT(key) DO UPDATE SET kind = excluded.kind, "
                "payload = excluded.payload, updated = excluded.updated",
                (key, kind, _dumps(payload), draft.updated),
            )
        return draft

    def load(self, key: str) -> Draft | None:
        row = self.db.one("SELECT key, kind, payload, updated FROM drafts WHERE key = ?", (key,))
        return Draft(row[0], row[1], json.loads(row[2]), row[3]) if row else None

    def delete(self, key: str) -> bool:
        return self._delete("DELETE FROM drafts WHERE key = ?", (key,))

    def list(self, kind: str | None = None) -> list[Draft]:
        """Drafts, most recently saved first (offer these back after a crash)."""
        sql = "SELECT key, kind, payload, updated FROM drafts"
        params: tuple[Any, ...] = ()
        if kind is not None:
            sql += " WHERE kind = ?"
            params = (kind,)
        rows = self.db.query(sql + " ORDER BY updated DESC, key", params)
        return [Draft(r[0], r[1], json.loads(r[2]), r[3]) for r in rows]


# --------------------------------------------------------------------------- flags


def flag_fingerprint(entry_uid: str | None, sign: str, source: str, evidence: str = "") -> str:
    """Stable identity of a flag, so re-scanning never duplicates it."""
    raw = _dumps([entry_uid, sign, source, evidence])
    return hashlib.sha256(raw.encode("utf-8")).hexdigest()


_FLAG_SELECT = (
    "SELECT f.id, e.uid, f.sign, f.source, f.evidence, f.explanation, f.status, f.note, "
    "f.created, f.updated, f.fingerprint FROM flags f LEFT JOIN entries e ON e.id = f.entry_id"
)


def _flag(row: Any) -> FlagRecord:
    return FlagRecord(*row)


class FlagStore(_Store):
    """Prompts for reflection: one row per (entry, sign, source, evidence)."""

    def record(self, flag: Flag, entry_uid: str | None = None) -> FlagRecord:
        """Store a flag the engine found (about ``entry_uid``, default its own)."""
        return self.upsert(
            flag.sign,
            flag.source,
            entry_uid=entry_uid if entry_uid is not None else flag.entry_uid,
            evidence=flag.evidence,
            explanation=flag.explanation,
            fingerprint=flag.fingerprint,
        )

    def upsert(
        self,
        sign: str,
        source: str,
        *,
        entry_uid: str | None = None,
        evidence: str = "",
        explanation: str = "",
        fingerprint: str | None = None,
    ) -> FlagRecord:
        """Add a flag, or refresh the one with the same fingerprint (keeping status and note)."""
        if source not in FLAG_SOURCES:
            raise ValueError(f"flag source must be one of {', '.join(FLAG_SOURCES)}")
        fp = fingerprint or flag_fingerprint(entry_uid, sign, source, evidence)
        now = now_iso()
        with self.db.transaction() as conn:
            entry_id = None
            if entry_uid is not None:
                entry_id = conn.execute(
                    "SELECT id FROM entries WHERE uid = ?", (entry_uid,)
                ).fetchone()
                if entry_id is None:
                    raise ValueError(f"no entry with uid {entry_uid}")
                entry_id = entry_id[0]
            conn.execute(
                "INSERT INTO flags(entry_id, sign, source, evidence, explanation, status, note, "
                "created, updated, fingerprint) VALUES (?, ?, ?, ?, ?, 'open', '', ?, ?, ?) "
                "ON CONFLICT(fingerprint) DO UPDATE SET evidence = excluded.evidence, "
                "explanation = excluded.explanation, updated = excluded.updated "
                "WHERE flags.evidence != excluded.evidence "
                "OR flags.explanation != excluded.explanation",
                (entry_id, sign, source, evidence, explanation, now, now, fp),
            )
            row = conn.execute(_FLAG_SELECT + " WHERE f.fingerprint = ?", (fp,)).fetchone()
        return _flag(row)

    add = upsert

    def get(self, flag_id: int) -> FlagRecord | None:
        row = self.db.one(_FLAG_SELECT + " WHERE f.id = ?", (flag_id,))
        return _flag(row) if row else None

    def list(
        self,
        *,
        status: str | Sequence[str] | None = None,
        entry_uid: str | None = None,
        sign: str | None = None,
        source: str | None = None,
        include_binned: bool = False,
    ) -> list[FlagRecord]:
        """Flags, newest first. Flags of entries in the bin are left out unless asked for."""
        where = Where()
        where.one_of("f.status", status)
        where.equals("e.uid", entry_uid)
        where.equals("f.sign", sign)
        where.equals("f.source", source)
        if not include_binned:
            where.add("(f.entry_id IS NULL OR e.deleted_at IS NULL)")
        rows = self.db.query(
            f"{_FLAG_SELECT}{where.sql()} ORDER BY f.created DESC, f.id DESC", where.params
        )
        return [_flag(r) for r in rows]

    def chosen(
        self, ids: Iterable[int] = (), entry_uids: Iterable[str] = ()
    ) -> builtins.list[FlagRecord]:
        """Flags with one of these ids or about one of these entries, newest first (flags
        of entries in the bin left out). Reads only those rows, not every flag."""
        id_list = sorted({int(i) for i in ids})
        uid_list = sorted(set(entry_uids))
        if not id_list and not uid_list:
            return []
        either: list[str] = []
        params: list[Any] = []
        if id_list:
            either.append(f"f.id IN ({', '.join('?' * len(id_list))})")
            params += id_list
        if uid_list:
            either.append(
                "f.entry_id IN (SELECT id FROM entries WHERE uid IN "
                f"({', '.join('?' * len(uid_list))}))"
            )
            params += uid_list
        where = f" WHERE ({' OR '.join(either)}) AND (f.entry_id IS NULL OR e.deleted_at IS NULL)"
        rows = self.db.query(f"{_FLAG_SELECT}{where} ORDER BY f.created DESC, f.id DESC", params)
        return [_flag(r) for r in rows]

    def set_status(self, flag_id: int, status: str, note: str | None = None) -> FlagRecord:
        if status not in FLAG_STATUSES:
            raise ValueError(f"flag status must be one of {', '.join(FLAG_STATUSES)}")
        with self.db.transaction() as conn:
            if note is None:
                conn.execute(
                    "UPDATE flags SET status = ?, updated = ? WHERE id = ?",
                    (status, now_iso(), flag_id),
                )
            else:
                conn.execute(
                    "UPDATE flags SET status = ?, note = ?, updated = ? WHERE id = ?",
                    (status, note, now_iso(), flag_id),
                )
        found = self.get(flag_id)
        if found is None:
            raise KeyError(flag_id)
        return found

    def delete(self, flag_id: int) -> bool:
        return self._delete("DELETE FROM flags WHERE id = ?", (flag_id,))

    def prune(self, entry_uid: str | None, source: str, keep: Sequence[str]) -> int:
        """After a re-scan: delete this entry's *open* flags from ``source`` whose
        fingerprint is not in ``keep``. Discussed or resolved flags are history and stay."""
        marks = ", ".join("?" * len(keep))
        keep_clause = f" AND fingerprint NOT IN ({marks})" if keep else ""
        entry_clause = (
            "entry_id = (SELECT id FROM entries WHERE uid = ?)"
            if entry_uid is not None
            else "entry_id IS NULL"
        )
        params: list[Any] = [source]
        if entry_uid is not None:
            params.append(entry_uid)
        params += list(keep)
        with self.db.transaction() as conn:
            cur = conn.execute(
                f"DELETE FROM flags WHERE source = ? AND {entry_clause} AND status = 'open'"
                f"{keep_clause}",
                params,
            )
            return int(cur.rowcount)

    def by_fingerprints(self, fingerprints: Iterable[str]) -> builtins.list[FlagRecord]:
        """The flags with these fingerprints (only those rows are read)."""
        wanted = sorted(set(fingerprints))
        out: builtins.list[FlagRecord] = []
        for start in range(0, len(wanted), 500):
            chunk = wanted[start : start + 500]
            marks = ", ".join("?" * len(chunk))
            out += map(
                _flag, self.db.query(f"{_FLAG_SELECT} WHERE f.fingerprint IN ({marks})", chunk)
            )
        return out

    def prune_fingerprints(self, source: str, fingerprints: Iterable[str]) -> int:
        """Delete the *open* flags from ``source`` with these fingerprints (the others are
        history and stay)."""
        wanted = sorted(set(fingerprints))
        gone = 0
        with self.db.transaction() as conn:
            for start in range(0, len(wanted), 500):
                chunk = wanted[start : start + 500]
                marks = ", ".join("?" * len(chunk))
                cur = conn.execute(
                    f"DELETE FROM flags WHERE source = ? AND status = 'open' "
                    f"AND fingerprint IN ({marks})",
                    [source, *chunk],
                )
                gone += int(cur.rowcount)
        return gone

    def counts(self) -> dict[str, int]:
        """Number of flags per status (live entries and pattern flags)."""
        # The entries in the bin come from their index: joining every flag to its entry
        # would read (and decrypt) the row of each flagged entry.
        rows = self.db.query(
            "SELECT status, count(*) FROM flags WHERE entry_id IS NULL OR entry_id NOT IN "
            "(SELECT id FROM entries WHERE deleted_at IS NOT NULL) GROUP BY status"
        )
        out = dict.fromkeys(FLAG_STATUSES, 0)
        out.update({r[0]: int(r[1]) for r in rows})
        return out


# --------------------------------------------------------------------------- sharing plans


@dataclass(frozen=True)
class PlanVersion:
    version: int
    created: str
    payload: Any


class PlanStore(_Store):
    """The sharing plan. Every save is a new version; old versions are kept."""

    def save(self, payload: Any) -> PlanVersion:
        created = now_iso()
        with self.db.transaction() as conn:
            version = int(
                conn.execute("SELECT coalesce(max(version), 0) + 1 FROM sharing_plans").fetchone()[
                    0
                ]
            )
            conn.execute(
                "INSERT INTO sharing_plans(version, created, payload) VALUES (?, ?, ?)",
                (version, created, _dumps(payload)),
            )
        return PlanVersion(version, created, json.loads(_dumps(payload)))

    def latest(self) -> PlanVersion | None:
        return self._one_plan("ORDER BY version DESC LIMIT 1", ())

    def get(self, version: int) -> PlanVersion | None:
        return self._one_plan("WHERE version = ?", (version,))

    def _one_plan(self, where: str, params: Sequence[Any]) -> PlanVersion | None:
        row = self.db.one(f"SELECT version, created, payload FROM sharing_plans {where}", params)
        return PlanVersion(row[0], row[1], json.loads(row[2])) if row else None

    def history(self) -> list[PlanVersion]:
        """Every saved version, newest first."""
        rows = self.db.query(
            "SELECT version, created, payload FROM sharing_plans ORDER BY version DESC"
        )
        return [PlanVersion(r[0], r[1], json.loads(r[2])) for r in rows]


# --------------------------------------------------------------------------- biography


@dataclass(frozen=True)
class Biography:
    payload: dict[str, Any] = field(default_factory=dict)
    photo: bytes | None = None
    photo_mime: str | None = None  # image/png or image/jpeg
    consent: bool = False
    review_date: str | None = None
    updated: str | None = None


class BiographyStore(_Store):
    def get(self) -> Biography | None:
        row = self.db.one(
            "SELECT payload, photo, photo_mime, consent, review_date, updated "
            "FROM biography WHERE id = 1"
        )
        if row is None:
            return None
        photo = bytes(row[1]) if row[1] is not None else None
        return Biography(json.loads(row[0]), photo, row[2], bool(row[3]), row[4], row[5])

    def save(self, bio: Biography) -> Biography:
        if bio.photo is not None and bio.photo_mime not in ("image/png", "image/jpeg"):
            raise ValueError("a biography photo must be image/png or image/jpeg")
        updated = now_iso()
        with self.db.transaction() as conn:
            conn.execute(
                "INSERT INTO biography(id, payload, photo, photo_mime, consent, review_date, "
                "updated) VALUES (1, ?, ?, ?, ?, ?, ?) ON CONFLICT(id) DO UPDATE SET "
                "payload = excluded.payload, photo = excluded.photo, "
                "photo_mime = excluded.photo_mime, consent = excluded.consent, "
                "review_date = excluded.review_date, updated = excluded.updated",
                (
                    _dumps(bio.payload),
                    bio.photo,
                    bio.photo_mime if bio.photo is not None else None,
                    int(bio.consent),
                    bio.review_date,
                    updated,
                ),
            )
        found = self.get()
        assert found is not None
        return found


# --------------------------------------------------------------------------- supervision


_SESSION_SELECT = (
    "SELECT id, held_on, supervisor, agenda, notes, created, updated FROM supervision_sessions"
)


def _session(row: Any) -> Session:
    return Session(row[0], row[1], row[2], json.loads(row[3]), row[4], row[5], row[6])


class SupervisionStore(_Store):
    """Supervision sessions with their agenda, notes, agreed actions and SLEF ratings."""

    def add_session(
        self,
        held_on: str,
        supervisor: str = "",
        agenda: Sequence[Any] = (),
        notes: str = "",
    ) -> Session:
        now = now_iso()
        with self.db.transaction() as conn:
            cur = conn.execute(
                "INSERT INTO supervision_sessions(held_on, supervisor, agenda, notes, created, "
                "updated) VALUES (?, ?, ?, ?, ?, ?)",
                (held_on, supervisor, _dumps(list(agenda)), notes, now, now),
            )
            session_id = int(cur.lastrowid)
        found = self.get_session(session_id)
        assert found is not None
        return found

    def update_session(self, session: Session) -> Session:
        with self.db.transaction() as conn:
            cur = conn.execute(
                "UPDATE supervision_sessions SET held_on = ?, supervisor = ?, agenda = ?, "
                "notes = ?, updated = ? WHERE id = ?",
                (
                    session.held_on,
                    session.supervisor,
                    _dumps(list(session.agenda)),
                    session.notes,
                    now_iso(),
                    session.id,
                ),
            )
            if not cur.rowcount:
                raise KeyError(session.id)
        found = self.get_session(session.id)
        assert found is not None
        return found

    def get_session(self, session_id: int) -> Session | None:
        row = self.db.one(_SESSION_SELECT + " WHERE id = ?", (session_id,))
        return _session(row) if row else None

    def sessions(self) -> list[Session]:
        """All sessions, most recent first."""
        return [
            _session(r) for r in self.db.query(_SESSION_SELECT + " ORDER BY held_on DESC, id DESC")
        ]

    def delete_session(self, session_id: int) -> bool:
        return self._delete("DELETE FROM supervision_sessions WHERE id = ?", (session_id,))

    def add_action(self, session_id: int, text: str, due_on: str | None = None) -> Action:
        with self.db.transaction() as conn:
            cur = conn.execute(
                "INSERT INTO supervision_actions(session_id, text, due_on) VALUES (?, ?, ?)",
                (session_id, text, due_on),
            )
            action_id = int(cur.lastrowid)
        return Action(action_id, session_id, text, due_on, None)

    def update_action(self, action: Action) -> Action:
        with self.db.transaction() as conn:
            conn.execute(
                "UPDATE supervision_actions SET text = ?, due_on = ?, done_on = ? WHERE id = ?",
                (action.text, action.due_on, action.done_on, action.id),
            )
        return action

    def set_action_done(self, action_id: int, done_on: str | None) -> None:
        """Mark done on a date (ISO), or pass None to reopen."""
        with self.db.transaction() as conn:
            conn.execute(
                "UPDATE supervision_actions SET done_on = ? WHERE id = ?", (done_on, action_id)
            )

    def delete_action(self, action_id: int) -> bool:
        return self._delete("DELETE FROM supervision_actions WHERE id = ?", (action_id,))

    def actions(self, session_id: int | None = None, *, open_only: bool = False) -> list[Action]:
        clauses: list[str] = []
        params: list[Any] = []
        if session_id is not None:
            clauses.append("session_id = ?")
            params.append(session_id)
        if open_only:
            clauses.append("done_on IS NULL")
        where = (" WHERE " + " AND ".join(clauses)) if clauses else ""
        rows = self.db.query(
            "SELECT id, session_id, text, due_on, done_on FROM supervision_actions"
            f"{where} ORDER BY due_on IS NULL, due_on, id",
            params,
        )
        return [Action(*r) for r in rows]

    def set_ratings(self, session_id: int, ratings: Mapping[str, int]) -> None:
        """Replace the session's SLEF self-ratings (area -> 1..5)."""
        for area, rating in ratings.items():
            if area not in SLEF_AREAS:
                raise ValueError(f"SLEF area must be one of {', '.join(SLEF_AREAS)}")
            if not isinstance(rating, int) or not 1 <= rating <= 5:
                raise ValueError("a SLEF rating is a whole number from 1 to 5")
        with self.db.transaction() as conn:
            conn.execute("DELETE FROM slef_ratings WHERE session_id = ?", (session_id,))
            conn.executemany(
                "INSERT INTO slef_ratings(session_id, area, rating) VALUES (?, ?, ?)",
                [(session_id, a, r) for a, r in ratings.items()],
            )

    def ratings(self, session_id: int) -> dict[str, int]:
        rows = self.db.query(
            "SELECT area, rating FROM slef_ratings WHERE session_id = ?", (session_id,)
        )
        found = {r[0]: int(r[1]) for r in rows}
        return {a: found[a] for a in SLEF_AREAS if a in found}

    def rating_history(self) -> list[tuple[str, str, int]]:
        """(held_on, area, rating) for every rated session, oldest first (for charts)."""
        rows = self.db.query(
            "SELECT s.held_on, r.area, r.rating FROM slef_ratings r "
            "JOIN supervision_sessions s ON s.id = r.session_id ORDER BY s.held_on, s.id, r.area"
        )
        return [(r[0], r[1], int(r[2])) for r in rows]


# --------------------------------------------------------------------------- key-value


class KeyValueStore(_Store):
    """Small app state as JSON (journal filters, last-seen dates, ...)."""

    def get(self, key: str, default: Any = None) -> Any:
        value = self.db.scalar("SELECT value FROM kv WHERE key = ?", (key,))
        return default if value is None else json.loads(value)

    def set(self, key: str, value: Any) -> None:
        with self.db.transaction() as conn:
            conn.execute(
                "INSERT INTO kv(key, value) VALUES (?, ?) "
                "ON CONFLICT(key) DO UPDATE SET value = excluded.value",
                (key, _dumps(value)),
            )

    def delete(self, key: str) -> bool:
        return self._delete("DELETE FROM kv WHERE key = ?", (key,))

    def keys(self) -> list[str]:
        return [r[0] for r in self.db.query("SELECT key FROM kv ORDER BY key")]
