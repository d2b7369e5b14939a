"""Drafts, flags, sharing plans, biography, supervision, key-value state."""

from __future__ import annotations

import pytest

from ips_reflect.core.entries import Entry
from ips_reflect.store.records import Biography


def test_drafts(vault):
    assert vault.drafts.load("check:new") is None
    vault.drafts.save("check:new", "before_check", {"title": "half", "answers": {"q": "x"}})
    vault.drafts.save("check:new", "before_check", {"title": "more"})
    vault.drafts.save("journal:new", "journal", {"body": "…"})
    assert vault.drafts.load("check:new").payload == {"title": "more"}
    assert {d.key for d in vault.drafts.list()} == {"check:new", "journal:new"}
    assert [d.key for d in vault.drafts.list(kind="journal")] == ["journal:new"]
    assert vault.drafts.delete("check:new") and not vault.drafts.delete("check:new")


def test_flags_upsert_keeps_status_and_never_duplicates(vault):
    e = vault.entries.add(Entry(kind="before_check"))
    f = vault.flags.upsert("secrets", "text", entry_uid=e.uid, evidence="keep this between us")
    assert f.status == "open" and f.entry_uid == e.uid
    vault.flags.set_status(f.id, "discussed", "talked it through with Priya")
    again = vault.flags.upsert(
        "secrets", "text", entry_uid=e.uid, evidence="keep this between us", explanation="new"
    )
    assert again.id == f.id
    assert (again.status, again.note, again.explanation) == (
        "discussed",
        "talked it through with Priya",
        "new",
    )
    assert len(vault.flags.list()) == 1
    vault.flags.upsert("exclusive_contact", "pattern", evidence="3 entries about K out of hours")
    assert len(vault.flags.list()) == 2
    assert [x.sign for x in vault.flags.list(status="open")] == ["exclusive_contact"]
    assert [x.sign for x in vault.flags.list(entry_uid=e.uid)] == ["secrets"]
    assert vault.flags.counts() == {"open": 1, "discussed": 1, "resolved": 0}
    vault.entries.delete(e.uid)
    assert len(vault.flags.list()) == 1 and len(vault.flags.list(include_binned=True)) == 2
    with pytest.raises(ValueError):
        vault.flags.upsert("x", "guess")
    with pytest.raises(ValueError):
        vault.flags.set_status(f.id, "closed")


def test_flags_prune_after_rescan(vault):
    e = vault.entries.add(Entry(kind="journal"))
    keep = vault.flags.upsert("secrets", "text", entry_uid=e.uid, evidence="a")
    drop = vault.flags.upsert("envy", "text", entry_uid=e.uid, evidence="b")
    history = vault.flags.upsert("focus_shift", "text", entry_uid=e.uid, evidence="c")
    vault.flags.set_status(history.id, "resolved")
    assert vault.flags.prune(e.uid, "text", [keep.fingerprint]) == 1
    assert vault.flags.get(drop.id) is None and vault.flags.get(history.id) is not None


def test_plan_versions_are_all_kept(vault):
    assert vault.plans.latest() is None
    v1 = vault.plans.save({"never": ["family details"]})
    v2 = vault.plans.save({"never": ["family details", "diagnosis"]})
    assert (v1.version, v2.version) == (1, 2)
    assert vault.plans.latest().payload == {"never": ["family details", "diagnosis"]}
    assert [p.version for p in vault.plans.history()] == [2, 1]
    assert vault.plans.get(1).payload == {"never": ["family details"]}


def test_biography(vault):
    assert vault.biography.get() is None
    png = b"\x89PNG\r\n\x1a\n" + b"\x00" * 20
    saved = vault.biography.save(
        Biography({"name": "Sam"}, png, "image/png", consent=True, review_date="2027-01-01")
    )
    assert saved.photo == png and saved.consent and saved.updated
    vault.biography.save(Biography({"name": "Sam O."}))
    got = vault.biography.get()
    assert got.payload == {"name": "Sam O."} and got.photo is None and not got.consent
    with pytest.raises(ValueError):
        vault.biography.save(Biography({}, b"GIF89a", "image/gif"))


def test_supervision(vault):
    s = vault.supervision.add_session("2026-03-04", "Priya", agenda=["entry-uid-1"], notes="")
    later = vault.supervision.add_session("2026-04-01", "Priya")
    s2 = vault.supervision.update_session(
        type(s)(s.id, s.held_on, s.supervisor, s.agenda, "went well", s.created, s.updated)
    )
    assert s2.notes == "went well"
    assert [x.id for x in vault.supervision.sessions()] == [later.id, s.id]
    a = vault.supervision.add_action(s.id, "Draft a sharing plan", "2026-03-18")
    vault.supervision.add_action(s.id, "Read the paper again")
    vault.supervision.set_action_done(a.id, "2026-03-10")
    assert [x.text for x in vault.supervision.actions(open_only=True)] == ["Read the paper again"]
    vault.supervision.set_ratings(s.id, {"confidence": 3, "comfort": 4})
    vault.supervision.set_ratings(later.id, {"confidence": 4})
    assert vault.supervision.ratings(s.id) == {"confidence": 3, "comfort": 4}
    assert vault.supervision.rating_history()[-1] == ("2026-04-01", "confidence", 4)
    with pytest.raises(ValueError):
        vault.supervision.set_ratings(s.id, {"confidence": 6})
    with pytest.raises(ValueError):
        vault.supervision.set_ratings(s.id, {"bravery": 3})
    assert vault.supervision.delete_session(s.id)
    assert vault.supervision.actions() == [] and vault.supervision.ratings(s.id) == {}


def test_key_value_state(vault):
    assert vault.kv.get("journal.filters", {}) == {}
    vault.kv.set("journal.filters", {"kind": "journal", "tags": ["a"]})
    vault.kv.set("journal.filters", {"kind": None})
    assert vault.kv.get("journal.filters") == {"kind": None}
    assert vault.kv.keys() == ["journal.filters"]
    assert vault.kv.delete("journal.filters")


def test_chosen_flags_by_id_or_entry_leave_out_the_bin(vault):
    a = vault.entries.add(Entry(kind="journal", body="a"))
    b = vault.entries.add(Entry(kind="journal", body="b"))
    gone = vault.entries.add(Entry(kind="journal", body="c"))
    fa = vault.flags.upsert("secrets", "text", entry_uid=a.uid, evidence="x")
    fb = vault.flags.upsert("envy", "text", entry_uid=b.uid, evidence="y")
    fp = vault.flags.upsert("focus_shift", "pattern", evidence="4 shares")
    fg = vault.flags.upsert("envy", "text", entry_uid=gone.uid, evidence="z")
    vault.entries.delete(gone.uid)
    assert vault.flags.chosen() == []
    assert {f.id for f in vault.flags.chosen(ids=[fp.id, fb.id])} == {fp.id, fb.id}
    assert [f.id for f in vault.flags.chosen(entry_uids=[a.uid])] == [fa.id]
    both = vault.flags.chosen(ids=[fp.id, fg.id], entry_uids=[a.uid, gone.uid])
    assert {f.id for f in both} == {fa.id, fp.id}  # the binned entry's flag is left out
