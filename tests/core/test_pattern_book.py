"""The patterns across entries worked out again for only the clients a change touches
(:class:`PatternBook`) give exactly the flags of a pass over every entry."""

from __future__ import annotations

import random
from dataclasses import replace
from datetime import datetime, timedelta

import pytest

from ips_reflect.core.entries import Entry, utc_key
from ips_reflect.core.flag_model import PatternRules
from ips_reflect.core.flag_patterns import PatternBook
from ips_reflect.core.flags import FlagEngine

BASE = datetime(2026, 3, 2, 10, 0)  # a Monday
ALIASES = ("A.B.", "a.b. ", "C.D.", "E.F.", "G.H.", "", None)
KINDS = ("before_check", "before_check", "after_reflection", "journal", "preparation")


@pytest.fixture(scope="module")
def engine(content) -> FlagEngine:
    engine = FlagEngine(content)
    # Lower thresholds, so that a few dozen entries make every kind of pattern.
    engine.rules = PatternRules(share_min=4, share_window_days=20)
    return engine


def _when(rng: random.Random) -> str:
    moment = BASE + timedelta(days=rng.randint(0, 90), hours=rng.choice((0, 5, 10, 13, 23)))
    offset = rng.choice(("+00:00", "+01:00", "-05:00"))
    return moment.strftime("%Y-%m-%dT%H:%M:%S") + offset


def _entry(rng: random.Random, n: int, uids: list[str]) -> Entry:
    kind = rng.choice(KINDS)
    linked = (
        rng.choice(uids) if uids and kind == "after_reflection" and rng.random() < 0.7 else None
    )
    return Entry(
        kind=kind,
        created=_when(rng),
        client_alias=rng.choice(ALIASES),
        linked_uid=linked,
        id=n,
    )


def _seen(flags) -> set[tuple[str, str, str, str, tuple[str, ...]]]:
    return {(f.fingerprint, f.sign, f.evidence, f.explanation, f.related) for f in flags}


def _in_book(book: PatternBook) -> set[tuple[str, str, str, str, tuple[str, ...]]]:
    return _seen(f for flags in book.flags.values() for f in flags)


def _everything(engine: FlagEngine, entries: dict[str, Entry]):
    # As the vault lists them: oldest first (by the UTC instant), then by id.
    ordered = sorted(entries.values(), key=lambda e: (utc_key(e.created), e.id))
    return _seen(engine.pattern_flags(ordered))


@pytest.mark.timeout(120)
@pytest.mark.parametrize("seed", range(12))
def test_changes_worked_out_for_their_clients_only_match_a_full_pass(engine, seed) -> None:
    rng = random.Random(seed)
    entries: dict[str, Entry] = {}
    for n in range(1, 70):
        e = _entry(rng, n, list(entries))
        entries[e.uid] = e
    book = PatternBook(sorted(entries.values(), key=lambda e: (utc_key(e.created), e.id)))
    engine.book_flags(book)
    assert _in_book(book) == _everything(engine, entries)
    assert any(book.flags.values())
    next_id = 100
    for _step in range(40):
        uids = list(entries)
        roll = rng.random()
        gone: list[str] = []
        changed: list[Entry] = []
        target = entries[rng.choice(uids)]
        if roll < 0.2:  # moved to the bin
            del entries[target.uid]
            gone.append(target.uid)
        elif roll < 0.4:  # a new entry
            next_id += 1
            e = _entry(rng, next_id, uids)
            entries[e.uid] = e
            changed.append(e)
        elif roll < 0.6:
            changed.append(replace(target, client_alias=rng.choice(ALIASES)))
        elif roll < 0.75:
            changed.append(replace(target, created=_when(rng)))
        elif roll < 0.9:
            changed.append(replace(target, kind=rng.choice(KINDS)))
        else:
            link = rng.choice(uids) if rng.random() < 0.8 else None
            changed.append(replace(target, linked_uid=link if link != target.uid else None))
        for e in changed:
            entries[e.uid] = e
        keys = book.update(gone, changed)
        engine.book_flags(book, keys)
        assert _in_book(book) == _everything(engine, entries), (seed, _step)


def test_a_change_names_only_the_clients_it_touches(engine) -> None:
    def check(n: int, alias: str, days: int) -> Entry:
        when = (BASE + timedelta(days=days)).strftime("%Y-%m-%dT%H:%M:%S") + "+00:00"
        return Entry(kind="before_check", created=when, client_alias=alias, id=n)

    entries = [check(n, alias, n) for n, alias in enumerate(("A.", "B.", "C.") * 4, 1)]
    book = PatternBook(entries)
    engine.book_flags(book)
    new = check(50, "b.", 30)
    assert book.update([], [new]) == {"b."}
    renamed = replace(entries[0], client_alias="C.")
    assert book.update([], [renamed]) == {"a.", "c."}
    reflection = Entry(
        kind="after_reflection", created=new.created, client_alias="Z.", linked_uid=new.uid, id=51
    )
    assert book.update([], [reflection]) == {"b.", "z."}  # part of B.'s share
    assert book.update([new.uid], []) == {"b.", "z."}  # now a share of its own
