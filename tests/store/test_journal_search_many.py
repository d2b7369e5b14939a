"""Searching a big journal: past :data:`RANK_UP_TO` matches the list is newest first
(ranking every match would take longer than a keystroke), below it best first."""

from __future__ import annotations

import pytest

from ips_reflect.core.entries import Entry
from ips_reflect.store import journal_catalog, journal_search
from ips_reflect.store.journal_index import JournalCatalog, JournalFilter


@pytest.mark.timeout(60)
def test_many_matches_are_listed_newest_first(vault, monkeypatch) -> None:
    entries = [
        Entry(
            kind="journal",
            created=f"2026-03-{day:02d}T10:00:00+00:00",
            title="interview" if day == 3 else f"day {day}",
            body="an interview today" if day % 2 else "a quiet day",
        )
        for day in range(1, 21)
    ]
    vault.entries.import_entries(entries)
    binned = vault.entries.list()[1]  # day 19, which matches, to the bin
    vault.entries.delete(binned.uid)
    catalog = JournalCatalog.load(vault.db)
    live = JournalFilter()
    matching = sorted(journal_search.matching_ids(vault.db, "interview") or [])
    assert len(matching) == 10  # days 1, 3, ..., 19, the bin included
    ranked = catalog.search(vault.db, "interview", live)
    assert len(ranked) == 9 and binned.id not in ranked
    assert catalog.rows[ranked[0]].title == "interview"  # the title weighs most
    newest_first = [i for i in catalog.order if i in set(ranked)]
    assert ranked != newest_first and sorted(ranked) == sorted(newest_first)
    monkeypatch.setattr(journal_catalog, "RANK_UP_TO", 5)
    assert catalog.search(vault.db, "interview", live) == newest_first
    assert catalog.search(vault.db, "interview", JournalFilter(in_bin=True)) == [binned.id]
    assert catalog.search(vault.db, "nothing-like-this", live) == []
