"""Every earlier schema version upgrades to the latest with its data intact."""

from __future__ import annotations

import pytest

from ips_reflect.store import migrations
from ips_reflect.store.db import open_connection
from ips_reflect.store.migrations import LATEST, MIGRATIONS, migrate, schema_version
from ips_reflect.store.vault import Vault

from .conftest import FAST_KDF, PASSPHRASE

UID1 = "11111111-1111-4111-8111-111111111111"
UID2 = "22222222-2222-4222-8222-222222222222"


def _fill(conn, version: int) -> None:
    """Data as the app at ``version`` would have written it."""
    conn.execute(
        "INSERT INTO entries(id, uid, kind, created, created_utc, title, body, client_alias, "
        "audience, answers, warning_signs, reasons, bring_to_supervision) VALUES "
        "(1, ?, 'before_check', '2026-01-02T09:00:00+00:00', '2026-01-02T09:00:00.000000Z', "
        "'Old check', 'old body text', 'J.', 'client', '{\"q.a\": \"yes\"}', '[\"secrets\"]', "
        "'[\"hope\"]', 1)",
        (UID1,),
    )
    conn.execute("INSERT INTO entry_tags(entry_id, position, tag) VALUES (1, 0, 'legacy')")
    conn.execute(
        "INSERT INTO entries_fts(rowid, title, body, answers_text, tags, client_alias) "
        "VALUES (1, 'Old check', 'old body text', 'yes', 'legacy', 'J.')"
    )
    conn.execute(
        "INSERT INTO flags(entry_id, sign, source, created, updated, fingerprint) "
        "VALUES (1, 'secrets', 'ticked', 'x', 'x', 'fp1')"
    )
    conn.execute("INSERT INTO kv(key, value) VALUES ('journal.filters', '{\"kind\": null}')")
    if version >= 2:
        conn.execute(
            "INSERT INTO entries(id, uid, kind, created, created_utc, deleted_at) VALUES "
            "(2, ?, 'journal', '2026-01-03T09:00:00+00:00', '2026-01-03T09:00:00.000000Z', "
            "'2026-01-04T09:00:00+00:00')",
            (UID2,),
        )
        conn.execute(
            "INSERT INTO entries_fts(rowid, title, body, answers_text, tags, client_alias) "
            "VALUES (2, '', '', '', '', '')"
        )
        conn.execute(
            "INSERT INTO drafts(key, kind, payload, updated) VALUES ('d', 'journal', '{}', 'x')"
        )
    if version >= 3:
        conn.execute(
            "INSERT INTO sharing_plans(version, created, payload) VALUES (1, 'x', '{\"a\": 1}')"
        )
        conn.execute("INSERT INTO biography(id, payload, updated) VALUES (1, '{}', 'x')")


@pytest.mark.parametrize("start", range(1, LATEST))
def test_upgrade_from_every_earlier_version(data_dir, fast_unlock, start):
    vault, _ = Vault.create(data_dir, PASSPHRASE, kdf=FAST_KDF)
    key = vault.key
    vault.close()
    db_file = data_dir / "vault.db"
    for suffix in ("", "-wal", "-shm"):
        (data_dir / f"vault.db{suffix}").unlink(missing_ok=True)
    conn = open_connection(db_file, key, create=True)
    assert migrate(conn, target=start) == start
    assert schema_version(conn) == start
    conn.execute("BEGIN")
    _fill(conn, start)
    conn.execute("COMMIT")
    conn.close()

    with Vault.unlock(data_dir, PASSPHRASE) as v:
        assert schema_version(v.db.conn) == LATEST
        e = v.entries.get(UID1)
        assert (e.title, e.tags, e.answers, e.audience) == (
            "Old check",
            ["legacy"],
            {"q.a": "yes"},
            "client",
        )
        assert e.warning_signs == ["secrets"] and e.bring_to_supervision
        assert [h.uid for h in v.search("old bod")] == [UID1]
        assert [f.sign for f in v.flags.list()] == ["secrets"]
        assert v.kv.get("journal.filters") == {"kind": None}
        if start >= 2:
            assert v.entries.get(UID2).in_bin
            assert v.drafts.load("d") is not None
        if start >= 3:
            assert v.plans.latest().payload == {"a": 1}
        # every table of the latest schema works
        s = v.supervision.add_session("2026-02-01")
        v.supervision.set_ratings(s.id, {"confidence": 2})
        v.plans.save({"b": 2})
        assert v.verify().ok


def test_versions_are_numbered_one_to_latest():
    assert [m.version for m in MIGRATIONS] == list(range(1, LATEST + 1))


def test_a_failing_migration_leaves_the_previous_version(data_dir, fast_unlock, monkeypatch):
    vault, _ = Vault.create(data_dir, PASSPHRASE, kdf=FAST_KDF)
    conn = vault.db.conn
    broken = migrations.Migration(LATEST + 1, "broken", "CREATE TABLE t1(x); SELECT nope();")
    monkeypatch.setattr(migrations, "MIGRATIONS", (*MIGRATIONS, broken))
    monkeypatch.setattr(migrations, "LATEST", LATEST + 1)
    with pytest.raises(Exception, match="nope"):
        migrations.migrate(conn, target=LATEST + 1)
    assert schema_version(conn) == LATEST
    assert conn.execute("SELECT count(*) FROM sqlite_master WHERE name = 't1'").fetchone()[0] == 0
    vault.close()


def _count_migrations(monkeypatch) -> list[int]:
    """Record each time opening the vault runs the migration step."""
    from ips_reflect.store import vault as vault_module

    calls: list[int] = []
    real = vault_module.migrate

    def counted(conn, *args, **kwargs):
        calls.append(schema_version(conn))
        return real(conn, *args, **kwargs)

    monkeypatch.setattr(vault_module, "migrate", counted)
    return calls


@pytest.mark.timeout(30)
def test_a_current_vault_opens_without_migration_work(data_dir, fast_unlock, monkeypatch):
    """Opening a vault whose schema is current reads its version once and goes on: no
    migration step, so no write lock is taken and the database file is not touched."""
    vault, _ = Vault.create(data_dir, PASSPHRASE, kdf=FAST_KDF)
    vault.close()
    db_file = data_dir / "vault.db"
    before = db_file.read_bytes()
    calls = _count_migrations(monkeypatch)
    with Vault.unlock(data_dir, PASSPHRASE) as v:
        assert schema_version(v.db.conn) == LATEST
    assert calls == []
    assert db_file.read_bytes() == before


@pytest.mark.timeout(30)
def test_an_older_vault_is_still_migrated_on_open(data_dir, fast_unlock, monkeypatch):
    vault, _ = Vault.create(data_dir, PASSPHRASE, kdf=FAST_KDF)
    key = vault.key
    vault.close()
    for suffix in ("", "-wal", "-shm"):
        (data_dir / f"vault.db{suffix}").unlink(missing_ok=True)
    conn = open_connection(data_dir / "vault.db", key, create=True)
    migrate(conn, target=LATEST - 1)
    conn.close()
    calls = _count_migrations(monkeypatch)
    with Vault.unlock(data_dir, PASSPHRASE) as v:
        assert schema_version(v.db.conn) == LATEST
    assert calls == [LATEST - 1]


@pytest.mark.timeout(60)
def test_version_7_rebuilds_the_search_index_from_the_entries(data_dir, fast_unlock):
    """The search index is rebuilt with prefix indexes, word for word what the entry
    store writes; the trends' covering indexes are in place and used."""
    from ips_reflect.core.entries import Entry
    from ips_reflect.store import journal_inputs

    vault, _ = Vault.create(data_dir, PASSPHRASE, kdf=FAST_KDF)
    check = vault.entries.add(
        Entry(
            kind="before_check",
            title="Café visit",
            body="Talked about the warehouse interview.",
            client_alias="J.",
            tags=["work", "Visits"],
            answers={"q.a": "yes", "q.b": ["one", "two"], "q.c": 3, "after.how_it_went": 4},
        )
    )
    vault.entries.add(Entry(kind="journal", body="A quiet day."))
    vault.entries.delete(vault.entries.add(Entry(kind="journal", body="Binned words.")).uid)
    columns = "rowid, title, body, answers_text, tags, client_alias"
    written = vault.db.query(f"SELECT {columns} FROM entries_fts ORDER BY rowid")
    vault.db.conn.execute("PRAGMA user_version = 6")
    for statement in ("DROP INDEX entries_shares", "DROP INDEX flags_by_entry_sign"):
        vault.db.conn.execute(statement)
    vault.close()
    with Vault.unlock(data_dir, PASSPHRASE) as v:
        assert schema_version(v.db.conn) == LATEST
        rebuilt = v.db.query(f"SELECT {columns} FROM entries_fts ORDER BY rowid")
        assert [tuple(r) for r in rebuilt] == [tuple(r) for r in written] and len(rebuilt) == 3
        sql = v.db.scalar("SELECT sql FROM sqlite_master WHERE name = 'entries_fts'")
        assert "prefix = '1 2'" in sql
        assert [h.uid for h in v.search("w")] == [check.uid]
        assert [h.uid for h in v.search("caf")] == [check.uid]
        plan = " ".join(
            str(r[3])
            for sql in (
                journal_inputs._TREND_SQL + journal_inputs._SHARE_KINDS + " AND created_utc >= ?",
                journal_inputs._FLAGS_SQL,
            )
            for r in v.db.query("EXPLAIN QUERY PLAN " + sql, ["", ""][: sql.count("?")])
        )
        assert "COVERING INDEX entries_shares" in plan
        assert "COVERING INDEX flags_by_entry_sign" in plan
        entries, _points = journal_inputs.trend_inputs(v.db)
        assert [(e.id, e.how_it_went) for e in entries] == [(check.id, 4)]
        assert v.verify().ok
