"""The flag sync after one save re-checks only what that save changed: one entry's
text, and the patterns across entries only when what they read changed, and then only
those of the clients it touches - while what is flagged stays exactly what a full
re-check finds."""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

import pytest

from ips_reflect.core.entries import Entry
from ips_reflect.core.flags import FlagEngine
from ips_reflect.ops import flag_state
from ips_reflect.ops.flags import scan_vault, sync_vault_flags

N = 3000
BASE = datetime(2026, 3, 2, 10, 0)
ALIASES = ("A.B.", "C.D.", "E.F.", "G.H.", "J.K.")
SIGN_TEXT = "I gave him my personal mobile number."


def _entries(n: int) -> list[Entry]:
    out = []
    for i in range(n):
        when = (BASE + timedelta(hours=7 * i)).strftime("%Y-%m-%dT%H:%M:%S") + "+00:00"
        if i % 3 == 0:
            alias = ALIASES[i % len(ALIASES)]
            body = SIGN_TEXT if i % 20 == 0 else f"Shared a note about work ({i})."
            out.append(Entry(kind="before_check", created=when, client_alias=alias, body=body))
        else:
            body = SIGN_TEXT if i % 20 == 1 else f"A quiet day at the allotment ({i})."
            out.append(Entry(kind="journal", created=when, body=body))
    return out


class Counting(FlagEngine):
    """The engine, counting the entries it searches and the pattern passes it makes."""

    def __init__(self, content: Any) -> None:
        super().__init__(content)
        self.searched = 0
        self.pattern_passes = 0
        self.clients: list[set[str]] = []  # whose per-client patterns each pass worked out

    def scan_entries(self, entries: Any, *args: Any, **kwargs: Any) -> Any:
        entries = list(entries)
        self.searched += len(entries)
        return super().scan_entries(entries, *args, **kwargs)

    def book_flags(self, book: Any, keys: Any = None) -> Any:
        self.pattern_passes += 1
        self.clients.append(set(book.by_key) if keys is None else set(keys))
        return super().book_flags(book, keys)


def _open_flags(vault: Any) -> set[tuple[str | None, str, str, str]]:
    return {(f.entry_uid, f.sign, f.source, f.evidence) for f in vault.flags.list(status="open")}


def _everything_now(vault: Any, content: Any) -> set[tuple[str | None, str, str, str]]:
    return {(f.entry_uid, f.sign, f.source, f.evidence) for f in scan_vault(vault, content)}


@pytest.fixture
def synced(vault, content):
    vault.entries.import_entries(_entries(N))
    engine = Counting(content)
    sync_vault_flags(vault, content, engine, offload=False)
    assert engine.searched == N and engine.pattern_passes == 1
    return vault, engine


@pytest.mark.timeout(120)
def test_one_edit_re_checks_one_entry_and_no_patterns(synced, content) -> None:
    vault, engine = synced
    engine.searched = engine.pattern_passes = 0
    outlines: list[int] = []
    real_outline = vault.entries.outline
    vault.entries.outline = lambda *a, **k: outlines.append(1) or real_outline(*a, **k)  # type: ignore[method-assign]
    entry = vault.entries.list(kind="journal", limit=1)[0]
    entry.body += " " + SIGN_TEXT
    vault.entries.update(entry)
    result = sync_vault_flags(vault, content, engine, offload=False)
    assert result.scanned == 1 and engine.searched == 1
    assert engine.pattern_passes == 0 and not outlines  # nothing the patterns read changed
    assert entry.uid in result.entries  # its new flag; no other entry was touched
    # Nothing changed since: nothing is searched, nothing written.
    assert sync_vault_flags(vault, content, engine, offload=False).scanned == 0
    assert engine.searched == 1 and engine.pattern_passes == 0
    assert _open_flags(vault) == _everything_now(vault, content)


@pytest.mark.timeout(120)
def test_what_the_patterns_read_makes_them_worked_out_again(synced, content) -> None:
    vault, engine = synced
    engine.searched = engine.pattern_passes = 0
    last = BASE + timedelta(hours=7 * N)
    for days in (1, 2, 3):  # a run of shares with one new client: a pattern flag
        when = (last + timedelta(days=days)).strftime("%Y-%m-%dT%H:%M:%S") + "+00:00"
        vault.entries.add(Entry(kind="before_check", created=when, client_alias="Z.Y."))
        sync_vault_flags(vault, content, engine, offload=False)
    assert engine.searched == 3 and engine.pattern_passes == 3
    assert any(f.source == "pattern" and "Z.Y." in f.evidence for f in vault.flags.list())
    # Moving one of them to the bin breaks the run; an alias edit changes the client.
    checks = vault.entries.list(kind="before_check", limit=3)
    vault.entries.delete(checks[1].uid)
    sync_vault_flags(vault, content, engine, offload=False)
    renamed = vault.entries.get(checks[2].uid)
    assert renamed is not None
    renamed.client_alias = "A.B."
    vault.entries.update(renamed)
    sync_vault_flags(vault, content, engine, offload=False)
    assert engine.pattern_passes == 5
    assert _open_flags(vault) == _everything_now(vault, content)


@pytest.mark.timeout(120)
def test_a_fresh_process_trusts_only_what_the_vault_kept(synced, content) -> None:
    vault, engine = synced
    flag_state.forget_all()  # as after a restart: the stamps are read from the vault
    entry = vault.entries.list(kind="before_check", limit=1)[0]
    entry.body = SIGN_TEXT
    vault.entries.update(entry)
    engine.searched = engine.pattern_passes = 0
    result = sync_vault_flags(vault, content, engine, offload=False)
    assert result.scanned == 1 and engine.pattern_passes == 1
    assert _open_flags(vault) == _everything_now(vault, content)


@pytest.mark.timeout(120)
def test_a_change_for_one_client_works_out_that_clients_patterns_only(synced, content) -> None:
    vault, engine = synced
    assert len(engine.clients[0]) == len(ALIASES)
    engine.pattern_passes = 0
    engine.clients.clear()
    stored = vault.flags.list(source="pattern")
    assert {f.sign for f in stored} >= {"focus_shift", "thinking_outside_work"}
    outlines: list[int] = []
    real_outline = vault.entries.outline
    vault.entries.outline = lambda *a, **k: outlines.append(1) or real_outline(*a, **k)  # type: ignore[method-assign]
    # A new check with one client, late at night within a run of theirs.
    last = vault.entries.list(kind="before_check", client_alias="C.D.", limit=1)[0]
    late = last.created[:11] + "23:30:00+00:00"
    vault.entries.add(Entry(kind="before_check", created=late, client_alias="c.d."))
    sync_vault_flags(vault, content, engine, offload=False)
    assert engine.clients == [{"c.d."}] and not outlines  # no other client, no full read
    assert _open_flags(vault) == _everything_now(vault, content)
    # An alias edit: the old client and the new one.
    moved = vault.entries.list(kind="before_check", client_alias="E.F.", limit=1)[0]
    moved.client_alias = "G.H."
    vault.entries.update(moved)
    sync_vault_flags(vault, content, engine, offload=False)
    assert engine.clients[-1] == {"e.f.", "g.h."} and not outlines
    assert _open_flags(vault) == _everything_now(vault, content)
    # A run shortened in the bin: that client's flag changes.
    before = {(f.fingerprint, f.evidence) for f in vault.flags.list(source="pattern")}
    for entry in vault.entries.list(kind="before_check", client_alias="A.B.", limit=3):
        vault.entries.delete(entry.uid)
        sync_vault_flags(vault, content, engine, offload=False)
    assert engine.clients[-3:] == [{"a.b."}] * 3 and not outlines
    assert _open_flags(vault) == _everything_now(vault, content)
    assert before != {(f.fingerprint, f.evidence) for f in vault.flags.list(source="pattern")}
    assert engine.searched == N + 2
