"""Numbered schema migrations, tracked with ``PRAGMA user_version``.

Each migration runs in its own transaction together with the version bump, so
a crash leaves the database at the previous version or the next, never between.
Migrations are never edited once released; a change is a new number. The tests
build a database at every earlier version, fill it, and upgrade it.

1. entries, tags, full-text index, flags, key-value app state
2. the 30-day bin (``entries.deleted_at``) and autosaved drafts
3. sharing plans (every saved version kept) and the biography
4. supervision: sessions, agreed actions, SLEF self-ratings
5. ``entries.rev``, a counter bumped by every edit (the flag check skips what is unchanged)
6. supervision exchange: the vault's own keys, confirmed key cards, shares sent and their
   replies, shares received with the supervisor's comments, actions and sign-off
7. speed at 100,000 entries: the full-text index rebuilt with prefix indexes for one
   and two letters (the first keystroke of a search), a covering index of what the
   trends read of checks and reflections, and one of what they read of flags
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from ips_reflect import messages
from ips_reflect.core.ids import SLEF_AREAS
from ips_reflect.store.errors import NewerSchema

KINDS_SQL = "'preparation', 'before_check', 'after_reflection', 'journal'"
AUDIENCES_SQL = "'client', 'employer', 'ips_team', 'clinical_team'"

V1 = f"""
CREATE TABLE entries (
    id INTEGER PRIMARY KEY,
    uid TEXT NOT NULL UNIQUE,
    kind TEXT NOT NULL CHECK (kind IN ({KINDS_SQL})),
    created TEXT NOT NULL,
    created_utc TEXT NOT NULL,
    updated TEXT,
    title TEXT NOT NULL DEFAULT '',
    body TEXT NOT NULL DEFAULT '',
    client_alias TEXT,
    audience TEXT CHECK (audience IS NULL OR audience IN ({AUDIENCES_SQL})),
    answers TEXT NOT NULL DEFAULT '{{}}' CHECK (json_valid(answers)),
    warning_signs TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(warning_signs)),
    reasons TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(reasons)),
    bring_to_supervision INTEGER NOT NULL DEFAULT 0 CHECK (bring_to_supervision IN (0, 1)),
    linked_entry_id INTEGER REFERENCES entries(id) ON DELETE SET NULL
);
CREATE INDEX entries_by_created ON entries(created_utc);
CREATE INDEX entries_by_kind ON entries(kind, created_utc);
CREATE INDEX entries_by_link ON entries(linked_entry_id);

CREATE TABLE entry_tags (
    entry_id INTEGER NOT NULL REFERENCES entries(id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    tag TEXT NOT NULL,
    PRIMARY KEY (entry_id, tag)
) WITHOUT ROWID;
CREATE INDEX entry_tags_by_tag ON entry_tags(tag);

CREATE VIRTUAL TABLE entries_fts USING fts5(
    title, body, answers_text, tags, client_alias,
    tokenize = 'unicode61 remove_diacritics 2'
);
-- Deleting or editing an entry removes its words from the index at once.
INSERT INTO entries_fts(entries_fts, rank) VALUES ('secure-delete', 1);

CREATE TABLE flags (
    id INTEGER PRIMARY KEY,
    entry_id INTEGER REFERENCES entries(id) ON DELETE CASCADE,
    sign TEXT NOT NULL,
    source TEXT NOT NULL CHECK (source IN ('ticked', 'text', 'pattern', 'plan')),
    evidence TEXT NOT NULL DEFAULT '',
    explanation TEXT NOT NULL DEFAULT '',
    status TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'discussed', 'resolved')),
    note TEXT NOT NULL DEFAULT '',
    created TEXT NOT NULL,
    updated TEXT NOT NULL,
    fingerprint TEXT NOT NULL UNIQUE
);
CREATE INDEX flags_by_entry ON flags(entry_id);

CREATE TABLE kv (
    key TEXT PRIMARY KEY,
    value TEXT NOT NULL CHECK (json_valid(value))
);
"""

V2 = """
ALTER TABLE entries ADD COLUMN deleted_at TEXT;
CREATE INDEX entries_by_deleted ON entries(deleted_at);

CREATE TABLE drafts (
    key TEXT PRIMARY KEY,
    kind TEXT NOT NULL,
    payload TEXT NOT NULL CHECK (json_valid(payload)),
    updated TEXT NOT NULL
);
"""

V3 = """
CREATE TABLE sharing_plans (
    id INTEGER PRIMARY KEY,
    version INTEGER NOT NULL UNIQUE,
    created TEXT NOT NULL,
    payload TEXT NOT NULL CHECK (json_valid(payload))
);

CREATE TABLE biography (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    payload TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(payload)),
    photo BLOB,
    photo_mime TEXT CHECK (photo_mime IS NULL OR photo_mime IN ('image/png', 'image/jpeg')),
    consent INTEGER NOT NULL DEFAULT 0 CHECK (consent IN (0, 1)),
    review_date TEXT,
    updated TEXT NOT NULL
);
"""

_AREAS_SQL = ", ".join(f"'{a}'" for a in SLEF_AREAS)
V4 = f"""
CREATE TABLE supervision_sessions (
    id INTEGER PRIMARY KEY,
    held_on TEXT NOT NULL,
    supervisor TEXT NOT NULL DEFAULT '',
    agenda TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(agenda)),
    notes TEXT NOT NULL DEFAULT '',
    created TEXT NOT NULL,
    updated TEXT NOT NULL
);
CREATE INDEX supervision_sessions_by_date ON supervision_sessions(held_on);

CREATE TABLE supervision_actions (
    id INTEGER PRIMARY KEY,
    session_id INTEGER NOT NULL REFERENCES supervision_sessions(id) ON DELETE CASCADE,
    text TEXT NOT NULL,
    due_on TEXT,
    done_on TEXT
);
CREATE INDEX supervision_actions_by_session ON supervision_actions(session_id);

CREATE TABLE slef_ratings (
    session_id INTEGER NOT NULL REFERENCES supervision_sessions(id) ON DELETE CASCADE,
    area TEXT NOT NULL CHECK (area IN ({_AREAS_SQL})),
    rating INTEGER NOT NULL CHECK (rating BETWEEN 1 AND 5),
    PRIMARY KEY (session_id, area)
) WITHOUT ROWID;
"""

# ``rev`` and ``deleted_at`` were added last, so they sit after the body in every row:
# reading them means reading the whole entry. The covering index holds everything an
# outline of all entries needs, so that query never touches the words.
V5 = """
ALTER TABLE entries ADD COLUMN rev INTEGER NOT NULL DEFAULT 0;
CREATE INDEX entries_outline ON entries(
    deleted_at, created_utc, id, rev, uid, kind, created, updated, client_alias, audience,
    warning_signs, bring_to_supervision, linked_entry_id
);
"""


# Supervision exchange (store/exchange_store.py). The private keys sit in the encrypted
# database like every other secret; ``exchange_sent`` is the practitioner's side of a
# share (with the latest accepted reply), ``exchange_received`` the supervisor's.
V6 = """
CREATE TABLE exchange_identity (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    name TEXT NOT NULL DEFAULT '',
    sign_seed BLOB NOT NULL CHECK (length(sign_seed) = 32),
    box_secret BLOB NOT NULL CHECK (length(box_secret) = 32),
    created TEXT NOT NULL
);

CREATE TABLE exchange_cards (
    name_key TEXT PRIMARY KEY,
    fingerprint TEXT NOT NULL,
    card TEXT NOT NULL CHECK (json_valid(card)),
    confirmed TEXT NOT NULL
);

CREATE TABLE exchange_sent (
    share_id TEXT PRIMARY KEY,
    session_id INTEGER REFERENCES supervision_sessions(id) ON DELETE SET NULL,
    recipient_card TEXT NOT NULL CHECK (json_valid(recipient_card)),
    payload TEXT NOT NULL CHECK (json_valid(payload)),
    created TEXT NOT NULL,
    last_sequence INTEGER NOT NULL DEFAULT 0,
    reply TEXT CHECK (reply IS NULL OR json_valid(reply)),
    received TEXT
);
CREATE INDEX exchange_sent_by_session ON exchange_sent(session_id);

CREATE TABLE exchange_reply_actions (
    share_id TEXT NOT NULL REFERENCES exchange_sent(share_id) ON DELETE CASCADE,
    remote_id INTEGER NOT NULL,
    action_id INTEGER REFERENCES supervision_actions(id) ON DELETE SET NULL,
    PRIMARY KEY (share_id, remote_id)
) WITHOUT ROWID;

CREATE TABLE exchange_received (
    id INTEGER PRIMARY KEY,
    share_id TEXT NOT NULL UNIQUE,
    practitioner TEXT NOT NULL,
    practitioner_card TEXT NOT NULL CHECK (json_valid(practitioner_card)),
    session_date TEXT NOT NULL,
    payload TEXT NOT NULL CHECK (json_valid(payload)),
    opened TEXT NOT NULL,
    last_sequence INTEGER NOT NULL DEFAULT 0,
    reply TEXT CHECK (reply IS NULL OR json_valid(reply))
);

CREATE TABLE exchange_comments (
    id INTEGER PRIMARY KEY,
    received_id INTEGER NOT NULL REFERENCES exchange_received(id) ON DELETE CASCADE,
    item INTEGER NOT NULL,
    text TEXT NOT NULL,
    created TEXT NOT NULL
);
CREATE INDEX exchange_comments_by_share ON exchange_comments(received_id, item);

CREATE TABLE exchange_actions (
    id INTEGER PRIMARY KEY,
    received_id INTEGER NOT NULL REFERENCES exchange_received(id) ON DELETE CASCADE,
    text TEXT NOT NULL,
    due_on TEXT,
    created TEXT NOT NULL
);
CREATE INDEX exchange_actions_by_share ON exchange_actions(received_id);
"""


# The full-text index again, now with prefix indexes for one and two letters: without
# them the first letter of a search merges the index entries of every word starting
# with it (tens of milliseconds at 100,000 entries). An FTS5 table's options cannot be
# changed, so it is dropped (``secure_delete`` zeroes its pages) and filled again from
# the entries, a batch at a time, as the entry store writes it; all inside the vault.
V7_FTS = """
CREATE VIRTUAL TABLE entries_fts USING fts5(
    title, body, answers_text, tags, client_alias,
    tokenize = 'unicode61 remove_diacritics 2',
    prefix = '1 2'
);
INSERT INTO entries_fts(entries_fts, rank) VALUES ('secure-delete', 1);
"""

# What the trends read of checks and reflections (journal_inputs.trend_inputs), so that
# query reads no entry row (the reasons and the rating sit after the words); and what
# they read of flags, joined to their entries' dates through ``entries_outline``.
V7_INDEXES = """
CREATE INDEX entries_shares ON entries(
    kind, deleted_at, created_utc, id, uid, created, audience, reasons,
    json_extract(answers, '$."after.how_it_went"'), linked_entry_id
) WHERE kind IN ('before_check', 'after_reflection');
CREATE INDEX flags_by_entry_sign ON flags(entry_id, sign, created);
"""

_V7_BATCH = 2000
_V7_ROWS = (
    "SELECT e.id, e.title, e.body, e.answers, e.client_alias, "
    "(SELECT group_concat(tag, char(10) ORDER BY position) FROM entry_tags t "
    "WHERE t.entry_id = e.id) "
    "FROM entries e WHERE e.id > ? ORDER BY e.id LIMIT ?"
)


def _answers_text(answers: str) -> str:
    """As :meth:`ips_reflect.core.entries.Entry.answers_text` (kept here as it was at
    version 7: a migration never changes)."""
    try:
        values = json.loads(answers)
    except (TypeError, ValueError):
        return ""
    parts: list[str] = []
    for value in values.values() if isinstance(values, dict) else ():
        if isinstance(value, list):
            parts.extend(v for v in value if isinstance(v, str))
        elif isinstance(value, str):
            parts.append(value)
    return "\n".join(parts)


def _v7(conn: Any) -> None:
    conn.execute("DROP TABLE entries_fts")
    _run_script(conn, V7_FTS)
    last = 0
    while True:
        rows = conn.execute(_V7_ROWS, (last, _V7_BATCH)).fetchall()
        if not rows:
            break
        conn.executemany(
            "INSERT INTO entries_fts(rowid, title, body, answers_text, tags, client_alias) "
            "VALUES (?, ?, ?, ?, ?, ?)",
            [(r[0], r[1], r[2], _answers_text(r[3]), r[5] or "", r[4] or "") for r in rows],
        )
        last = int(rows[-1][0])
    _run_script(conn, V7_INDEXES)


@dataclass(frozen=True)
class Migration:
    version: int
    description: str
    apply: str | Callable[[Any], None]


MIGRATIONS: tuple[Migration, ...] = (
    Migration(1, "entries, tags, search index, flags, app state", V1),
    Migration(2, "bin for deleted entries; drafts", V2),
    Migration(3, "sharing plans; biography", V3),
    Migration(4, "supervision sessions, actions and SLEF ratings", V4),
    Migration(5, "entry revision counter (flags re-check only what changed)", V5),
    Migration(6, "supervision exchange: keys, key cards, shares sent and received", V6),
    Migration(7, "search prefix indexes; covering indexes for the trends", _v7),
)
LATEST = MIGRATIONS[-1].version


def schema_version(conn: Any) -> int:
    return int(conn.execute("PRAGMA user_version").fetchone()[0])


def _run_script(conn: Any, script: str) -> None:
    # executescript() would COMMIT first; run statement by statement instead.
    import sqlcipher3

    statement = ""
    for part in script.split(";"):
        statement += part + ";"
        if sqlcipher3.complete_statement(statement):
            if statement.strip(" \t\r\n;"):
                conn.execute(statement)
            statement = ""


def check_not_newer(conn: Any, where: str) -> int:
    found = schema_version(conn)
    if found > LATEST:
        raise NewerSchema(messages.VAULT_SCHEMA_NEWER.format(dir=where, found=found, known=LATEST))
    return found


def migrate(conn: Any, target: int = LATEST, where: str = "") -> int:
    """Bring the database up to ``target``; return the number of migrations applied.

    ``conn`` must be in autocommit mode (``isolation_level=None``).
    """
    check_not_newer(conn, where)
    applied = 0
    for migration in MIGRATIONS:
        if migration.version > target:
            break
        conn.execute("BEGIN IMMEDIATE")
        try:
            # Re-read inside the write lock: another process may have migrated.
            if schema_version(conn) >= migration.version:
                conn.execute("ROLLBACK")
                continue
            if isinstance(migration.apply, str):
                _run_script(conn, migration.apply)
            else:
                migration.apply(conn)
            conn.execute(f"PRAGMA user_version = {int(migration.version)}")
            conn.execute("COMMIT")
        except BaseException:
            conn.execute("ROLLBACK")
            raise
        applied += 1
    return applied
