"""Checking the vault for warning signs: :func:`scan_vault` (every flag now, nothing
stored) and :func:`sync_vault_flags`, which brings the stored flags up to date with the
entries, searching again only what changed since the last check. The app (after every
save, on unlock and on "Check again") and the command line (``ips-reflect flags``, and
after ``import``) both call these.
"""

from __future__ import annotations

import collections
import contextlib
import os
import pickle
import threading
import time
from collections.abc import Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass
from typing import Any, Protocol

from ips_reflect.core.content_model import Content
from ips_reflect.core.flag_engine import FlagEngine, PlanCheck, entry_text
from ips_reflect.core.flag_model import SHARE_KINDS, Flag
from ips_reflect.store.keys import PATTERN_ENTRIES as PATTERN_ENTRIES_KEY
from ips_reflect.store.keys import SCAN_STATE as SCAN_STATE_KEY

#: Entries read and searched at a time: memory stays flat however many changed.
BATCH = 250
#: From this many entries to search on, the search runs in a helper process
#: (:func:`_search`), so a full re-check of a big vault neither holds the GIL for a
#: minute (the GUI thread would crawl: every query it runs waits for the GIL at
#: each row) nor competes with the GUI thread for it. Fewer are searched in place.
OFFLOAD_FROM = 1000


class _VaultLike(Protocol):  # what scan_vault and sync_vault_flags use
    entries: Any
    flags: Any
    plans: Any
    kv: Any


@dataclass(frozen=True)
class SyncResult:
    added: int
    updated: int
    removed: int
    open: int
    scanned: int = 0  # entries whose text was searched this time (the others had not changed)
    #: uids of the entries whose stored flags were added, refreshed or removed (a list
    #: with a flag count per entry, like the Journal's, redraws only these).
    entries: frozenset[str] = frozenset()


def _stamp(entry: Any) -> str:
    """Changes whenever the entry is edited (an outline row of the vault: the store bumps
    ``rev`` on every edit; the row id and dates tell a purged and re-imported entry from
    the one it replaced)."""
    return f"{entry.id}:{entry.rev}:{entry.created}:{entry.updated or ''}"


def scan_vault(vault: _VaultLike, content: Content, engine: FlagEngine | None = None) -> list[Flag]:
    """Every flag the live entries of an open vault give now (nothing is stored)."""
    engine = engine or FlagEngine(content)
    entries = vault.entries.list(newest_first=False)
    latest = vault.plans.latest()
    return engine.scan_entries(entries, latest.payload if latest is not None else None)


def sync_vault_flags(
    vault: _VaultLike,
    content: Content,
    engine: FlagEngine | None = None,
    *,
    full: bool = False,
    offload: bool | None = None,
) -> SyncResult:
    """Bring the vault's flags up to date with its entries.

    New flags are added, changed evidence is refreshed (status and note kept), and
    *open* flags whose cause has gone are removed; discussed and resolved flags
    stay as history. Flags of entries in the bin are left alone.

    Only entries added or edited since the last sync are searched again (the state
    is kept in ``vault.kv`` under :data:`SCAN_STATE_KEY`); new patterns or rules, a
    new sharing plan, or ``full=True`` make it search everything. Entries are read and
    searched :data:`BATCH` at a time; ``offload`` (None: when many entries are to be
    searched) has a helper process search them (see :func:`_search`).

    Safe to call from a worker thread while the GUI thread uses the same vault: syncs
    run one at a time (:data:`_SYNC_LOCK`), and every write of one sync is a single
    transaction on the vault's shared connection, so nobody reads a half-done sync.
    """
    engine = engine or FlagEngine(content)
    with _SYNC_LOCK:
        return _sync(vault, engine, full=full, offload=offload)


#: One sync at a time in this process (the app starts them from workers on each save).
_SYNC_LOCK = threading.Lock()


def _writing(vault: _VaultLike) -> contextlib.AbstractContextManager[Any]:
    """One transaction on the vault's shared connection (nothing for a vault without one)."""
    db = getattr(vault, "db", None)
    transaction = getattr(db, "transaction", None)
    return transaction() if transaction is not None else contextlib.nullcontext()


def _sync(vault: _VaultLike, engine: FlagEngine, *, full: bool, offload: bool | None) -> SyncResult:
    outline = vault.entries.outline()  # no words: 10,000 entries in a few ms
    latest = vault.plans.latest()
    plan = PlanCheck.of(latest.payload if latest is not None else None)
    plan_version = latest.version if latest is not None else None
    state = vault.kv.get(SCAN_STATE_KEY) or {}
    same_engine = not full and isinstance(state, dict) and state.get("engine") == engine.signature
    seen: dict[str, str] = state.get("entries", {}) if same_engine else {}
    if not isinstance(seen, dict):
        seen = {}
    plan_changed = not same_engine or state.get("plan") != plan_version
    stamps = {e.uid: _stamp(e) for e in outline}
    # In the outline's order (oldest first), as one get_many of them all would give.
    changed_order = [e.uid for e in outline if seen.get(e.uid) != stamps[e.uid]]
    changed_uids = set(changed_order)
    jobs: list[tuple[list[str], bool]] = [
        (changed_order[i : i + BATCH], True) for i in range(0, len(changed_order), BATCH)
    ]
    if plan_changed and plan is not None:  # plan flags of every other check and reflection
        others = [e.uid for e in outline if e.uid not in changed_uids and e.kind in SHARE_KINDS]
        jobs += [(others[i : i + BATCH], False) for i in range(0, len(others), BATCH)]
    flags, searched = _search(vault, engine, jobs, plan, offload)
    groups: set[tuple[str | None, str]] = {
        (uid, source) for uid in searched for source in ("ticked", "text", "plan")
    }
    if plan_changed:
        groups.update((e.uid, "plan") for e in outline if e.kind in SHARE_KINDS)
    flags += engine.pattern_flags(outline)
    groups.add((None, "pattern"))

    state_now = {"engine": engine.signature, "plan": plan_version, "entries": stamps}
    keep_state = bool(searched) or plan_changed or len(seen) != len(stamps)
    with _writing(vault):
        return _store(vault, flags, groups, state_now if keep_state else None, len(searched))


# --------------------------------------------------------------------------- the search


def _flags_of(engine: FlagEngine, entries: Sequence[Any], plan: Any, text: bool) -> list[Flag]:
    """Ticked, text and plan flags of changed entries (``text``), or the plan flags alone
    of unchanged ones after the plan changed."""
    if text:
        return engine.scan_entries(entries, plan, patterns=False)
    flags: list[Flag] = []
    for e in entries:
        flags += engine.entry_plan_flags(e, entry_text(e), plan)
    return flags


_CHILD_ENGINE: FlagEngine | None = None  # in a helper process: the engine it was sent


def _child_start(engine: bytes) -> None:
    global _CHILD_ENGINE
    parent = os.getppid()

    def orphaned() -> None:  # the app ended mid-check (killed, crashed): end too
        while os.getppid() == parent:
            time.sleep(0.5)
        os._exit(0)

    threading.Thread(target=orphaned, daemon=True).start()
    _CHILD_ENGINE = pickle.loads(engine)  # our own engine, from our parent


def _child_flags(entries: Sequence[Any], plan: Any, text: bool) -> list[Flag]:
    assert _CHILD_ENGINE is not None
    return _flags_of(_CHILD_ENGINE, entries, plan, text)


def _search(
    vault: _VaultLike,
    engine: FlagEngine,
    jobs: list[tuple[list[str], bool]],
    plan: PlanCheck | None,
    offload: bool | None,
) -> tuple[list[Flag], list[str]]:
    """The flags of every job (a batch of uids), in order, and the uids of the entries
    whose text was searched (the changed ones still there). This thread reads each batch
    (its own connection); with ``offload`` (None: when there are at least
    :data:`OFFLOAD_FROM` entries) one helper process searches it, two batches in flight,
    so reading and searching overlap and this thread mostly waits without the GIL. If
    the helper cannot run, the search is done here."""
    count = sum(len(uids) for uids, _ in jobs)
    if offload is None:
        offload = count >= OFFLOAD_FROM
    if offload and count:
        try:
            return _search_offloaded(vault, engine, jobs, plan)
        except (OSError, BrokenProcessPool, pickle.PicklingError, EOFError):
            pass  # no helper process here: search in this thread instead
    flags: list[Flag] = []
    searched: list[str] = []
    for uids, text in jobs:
        entries = vault.entries.get_many(uids)
        if text:
            searched += [e.uid for e in entries]
        flags += _flags_of(engine, entries, plan, text)
    return flags, searched


def _search_offloaded(
    vault: _VaultLike,
    engine: FlagEngine,
    jobs: list[tuple[list[str], bool]],
    plan: PlanCheck | None,
) -> tuple[list[Flag], list[str]]:
    import multiprocessing

    flags: list[Flag] = []
    searched: list[str] = []
    spawn = multiprocessing.get_context("spawn")  # never fork a process with threads
    with ProcessPoolExecutor(
        1, mp_context=spawn, initializer=_child_start, initargs=(pickle.dumps(engine),)
    ) as pool:
        pending: collections.deque[Future[list[Flag]]] = collections.deque()
        for uids, text in jobs:
            entries = vault.entries.get_many(uids)
            if text:
                searched += [e.uid for e in entries]
            pending.append(pool.submit(_child_flags, entries, plan, text))
            while len(pending) >= 2:
                flags += pending.popleft().result()
        while pending:
            flags += pending.popleft().result()
    return flags, searched


def _store(
    vault: _VaultLike,
    flags: list[Flag],
    groups: set[tuple[str | None, str]],
    new_state: dict[str, Any] | None,
    scanned: int,
) -> SyncResult:
    """The writing half of a sync (in one transaction); ``new_state``: what to remember
    as seen (None: nothing new was seen)."""
    existing = {f.fingerprint: f for f in vault.flags.list()}
    wanted: dict[tuple[str | None, str], set[str]] = {}
    touched: set[str] = set()
    added = updated = 0
    for flag in flags:
        wanted.setdefault((flag.entry_uid, flag.source), set()).add(flag.fingerprint)
        old = existing.get(flag.fingerprint)
        if old is not None and (old.evidence, old.explanation) == (
            flag.evidence,
            flag.explanation,
        ):
            continue
        vault.flags.record(flag)
        if flag.entry_uid is not None:
            touched.add(flag.entry_uid)
        if old is None:
            added += 1
        else:
            updated += 1
    stale: set[tuple[str | None, str]] = set()
    for fp, old in existing.items():
        key = (old.entry_uid, old.source)
        if old.status == "open" and key in groups and fp not in wanted.get(key, ()):
            stale.add(key)
    removed = 0
    for entry_uid, source in sorted(stale, key=lambda k: (k[0] or "", k[1])):
        gone = vault.flags.prune(entry_uid, source, sorted(wanted.get((entry_uid, source), ())))
        removed += gone
        if gone and entry_uid is not None:
            touched.add(entry_uid)
    related = {f.fingerprint: list(f.related) for f in flags if f.source == "pattern"}
    if vault.kv.get(PATTERN_ENTRIES_KEY) != related:
        vault.kv.set(PATTERN_ENTRIES_KEY, related)
    if new_state is not None:
        vault.kv.set(SCAN_STATE_KEY, new_state)
    open_count = int(vault.flags.counts().get("open", 0))
    return SyncResult(
        added=added,
        updated=updated,
        removed=removed,
        open=open_count,
        scanned=scanned,
        entries=frozenset(touched),
    )
