"""Entries in the vault: save, edit, filters, bin, pending reflections, import."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, date, datetime, timedelta

import pytest

from ips_reflect.core.entries import Entry, EntryError


def E(kind="journal", created="2026-03-01T10:00:00+00:00", **kw) -> Entry:
    return Entry(kind=kind, created=created, **kw)


def test_add_get_update(vault):
    e = vault.entries.add(
        E(
            title="Before the employer meeting",
            body="Plan",
            tags=[" work ", "work", "plan"],
            answers={"box3.ok": "yes", "box3.scale": 3, "box1.topics": ["a", "b"], "x.t": True},
            warning_signs=["secrets"],
            reasons=["hope"],
            audience="employer",
            client_alias="J.",
            bring_to_supervision=True,
        )
    )
    assert e.id is not None and e.tags == ["work", "plan"]
    got = vault.entries.get(e.uid)
    assert got == e
    changed = vault.entries.update(replace(got, title="After", tags=["plan"]))
    assert changed.title == "After" and changed.tags == ["plan"] and changed.updated
    assert vault.entries.get(e.uid).title == "After"
    assert vault.entries.get_by_id(e.id).uid == e.uid
    assert vault.entries.get("missing") is None


def test_invalid_entries_are_refused(vault):
    with pytest.raises(EntryError, match="audience"):
        vault.entries.add(E(audience="boss"))
    with pytest.raises(EntryError, match="created"):
        vault.entries.add(E(created="2026-03-01T10:00:00"))
    with pytest.raises(EntryError, match="no longer in the vault"):
        vault.entries.update(E())
    with pytest.raises(EntryError, match="linked"):
        vault.entries.add(E(linked_uid="0b7c3f5e-8a4b-4a57-9a59-1a5b1f7f2f10"))
    e = vault.entries.add(E())
    with pytest.raises(EntryError, match="same uid"):
        vault.entries.add(E(uid=e.uid))
    assert vault.entries.count() == 1


def test_list_filters_and_order(vault):
    add = vault.entries.add
    a = add(E(created="2026-03-01T09:00:00+00:00", audience="client", tags=["x"]))
    b = add(E("before_check", "2026-03-02T23:30:00-02:00", audience="employer"))  # 3rd UTC
    c = add(E(created="2026-03-05T09:00:00+00:00", bring_to_supervision=True, client_alias="K"))
    assert [x.uid for x in vault.entries.list()] == [c.uid, b.uid, a.uid]
    assert [x.uid for x in vault.entries.list(newest_first=False)] == [a.uid, b.uid, c.uid]
    assert [x.uid for x in vault.entries.list(kind="before_check")] == [b.uid]
    assert [x.uid for x in vault.entries.list(kind=["journal"])] == [c.uid, a.uid]
    assert [x.uid for x in vault.entries.list(audience="client")] == [a.uid]
    assert [x.uid for x in vault.entries.list(tag="x")] == [a.uid]
    assert [x.uid for x in vault.entries.list(supervision=True)] == [c.uid]
    assert [x.uid for x in vault.entries.list(client_alias="K")] == [c.uid]
    since = datetime(2026, 3, 3, tzinfo=UTC)
    assert [x.uid for x in vault.entries.list(created_from=since)] == [c.uid, b.uid]
    assert [x.uid for x in vault.entries.list(created_to="2026-03-01T09:00:00Z")] == [a.uid]
    assert len(vault.entries.list(created_from=date(2026, 2, 28), created_to=date(2026, 3, 6))) == 3
    assert [x.uid for x in vault.entries.list(limit=1, offset=1)] == [b.uid]
    assert vault.entries.count(kind="journal") == 2
    vault.flags.upsert("secrets", "ticked", entry_uid=a.uid)
    assert [x.uid for x in vault.entries.list(flagged=True)] == [a.uid]
    assert len(vault.entries.list(flagged=False)) == 2


def test_bin_restore_and_purge(vault):
    keep = vault.entries.add(E(title="keep"))
    gone = vault.entries.add(E(title="gone"))
    assert vault.entries.delete(gone.uid)
    assert not vault.entries.delete(gone.uid)
    assert vault.entries.count() == 1 and vault.entries.count(in_bin=True) == 1
    assert vault.entries.get(gone.uid).in_bin
    assert vault.entries.restore(gone.uid) and vault.entries.count() == 2
    vault.entries.delete(gone.uid)
    assert vault.entries.purge_bin() == 0  # not 30 days yet
    later = datetime.now().astimezone() + timedelta(days=31)
    assert vault.entries.purge_bin(now=later) == 1
    assert vault.entries.get(gone.uid) is None
    assert vault.entries.get(keep.uid) is not None
    vault.entries.delete(keep.uid)
    assert vault.entries.empty_bin() == 1 and vault.entries.count(in_bin=None) == 0


def test_purging_a_check_unlinks_its_reflection_and_drops_flags(vault):
    check = vault.entries.add(E("before_check"))
    refl = vault.entries.add(E("after_reflection", linked_uid=check.uid))
    vault.flags.upsert("envy", "ticked", entry_uid=check.uid)
    assert vault.entries.delete_forever(check.uid)
    assert vault.entries.get(refl.uid).linked_uid is None
    assert vault.flags.list(include_binned=True) == []


def test_pending_reflections(vault):
    c1 = vault.entries.add(E("before_check", "2026-03-01T09:00:00+00:00"))
    c2 = vault.entries.add(E("before_check", "2026-03-02T09:00:00+00:00"))
    vault.entries.add(E("before_check", "2026-03-03T09:00:00+00:00"))
    binned = vault.entries.list(kind="before_check")[0]
    vault.entries.delete(binned.uid)
    assert [e.uid for e in vault.entries.pending_reflections()] == [c2.uid, c1.uid]
    r = vault.entries.add(E("after_reflection", linked_uid=c1.uid))
    assert [e.uid for e in vault.entries.pending_reflections()] == [c2.uid]
    assert [e.uid for e in vault.entries.linked_to(c1.uid)] == [r.uid]
    vault.entries.delete(r.uid)  # a binned reflection does not count
    assert len(vault.entries.pending_reflections()) == 2


def test_tags_and_aliases(vault):
    vault.entries.add(E(tags=["a", "b"], client_alias="J", created="2026-01-01T00:00:00Z"))
    vault.entries.add(E(tags=["b"], client_alias="K", created="2026-02-01T00:00:00Z"))
    assert vault.entries.tags() == [("b", 2), ("a", 1)]
    assert vault.entries.client_aliases() == ["K", "J"]


def test_import_is_all_or_nothing_and_links(vault):
    check = E("before_check")
    refl = E("after_reflection", linked_uid=check.uid)
    result = vault.entries.import_entries([refl, check])
    assert (result.added, result.skipped) == (2, 0)
    assert vault.entries.get(refl.uid).linked_uid == check.uid
    again = vault.entries.import_entries([refl, check, E()])
    assert (again.added, again.skipped) == (1, 2)
    bad = [E(title="fine"), E(linked_uid="0b7c3f5e-8a4b-4a57-9a59-1a5b1f7f2f10")]
    with pytest.raises(EntryError, match=r"entries\[1\]\.linked_uid"):
        vault.entries.import_entries(bad)
    with pytest.raises(EntryError, match=r"entries\[0\]\.audience"):
        vault.entries.import_entries([E(audience="boss"), E()])
    assert vault.entries.count() == 3


def test_outline_lists_live_entries_without_words_and_counts_edits(vault) -> None:
    first = vault.entries.add(
        Entry(kind="before_check", created="2026-01-02T09:00:00+00:00", client_alias="A.B.")
    )
    second = vault.entries.add(Entry(kind="journal", created="2026-01-01T09:00:00+00:00"))
    gone = vault.entries.add(Entry(kind="journal", created="2026-01-03T09:00:00+00:00"))
    vault.entries.delete(gone.uid)
    rows = vault.entries.outline()
    assert [r.uid for r in rows] == [second.uid, first.uid]  # oldest first, no bin
    assert rows[1].client_alias == "A.B." and rows[1].kind == "before_check"
    assert not hasattr(rows[1], "body")
    before = rows[1].rev
    first.body = "changed"
    vault.entries.update(first)
    vault.entries.update(first)
    after = {r.uid: r.rev for r in vault.entries.outline()}
    assert after[first.uid] == before + 2 and after[second.uid] == rows[0].rev


def test_get_many_returns_the_entries_asked_for(vault) -> None:
    made = [
        vault.entries.add(
            Entry(kind="journal", body=f"note {n}", created=f"2026-01-0{n}T09:00:00+00:00")
        )
        for n in (3, 1, 2)
    ]
    found = vault.entries.get_many([made[0].uid, made[1].uid, "no-such-uid"])
    assert [e.body for e in found] == ["note 1", "note 3"]
    assert vault.entries.get_many([]) == []
