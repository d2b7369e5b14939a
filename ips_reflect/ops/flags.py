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
from ips_reflect.core.flag_patterns import SHARE_SCOPE, PatternBook
from ips_reflect.ops import flag_state
from ips_reflect.store.keys import PATTERN_ENTRIES as PATTERN_ENTRIES_KEY

#: Entries read and searched at a time: memory stays flat however many changed.
BATCH = 250
#: From this many entries to search on, the search runs in a helper process
#: (:func:`_search`), so a full re-check of a big vault neither holds the GIL for a
#: minute (the GUI thread would crawl: every query it runs waits for the GIL at
#: each row) nor competes with the GUI thread for it. Fewer are searched in place.
OFFLOAD_FROM = 1000
#: How much lower the helper process's priority is than the app's (Unix ``nice``).
CHILD_NICENESS = 10


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
    is kept in ``vault.kv``, see :mod:`~ips_reflect.ops.flag_state`); new patterns or rules, a
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
    """See :func:`sync_vault_flags`. What changed is found from one aggregate query
    (:mod:`~ips_reflect.ops.flag_state`), against a memo of the last sync in this
    process (or the stamps kept in the vault); the patterns across entries are worked
    out again only when an entry they read (kind, date, client alias, link) changed,
    and then (with the memo's :class:`PatternBook`) only those of the clients such
    entries touch, and the share pattern; only the flags of the entries searched (and
    the pattern flags worked out again) are read to compare."""
    db = getattr(vault, "db", None)
    path = str(getattr(db, "path", "")) or None
    latest = vault.plans.latest()
    plan = PlanCheck.of(latest.payload if latest is not None else None)
    plan_version = latest.version if latest is not None else None
    head = flag_state.read_head(vault.kv)
    memo = None if full else flag_state.memo_for(path, head, engine.signature)
    flag_state.remember(path, None)  # kept again only if this sync succeeds
    dirty: set[int] | None = None
    book: PatternBook | None = None
    moved: set[str] = set()  # entries whose pattern inputs changed (with a memo)
    if memo is not None and memo.plan == plan_version and db is not None:
        delta = flag_state.changes(db, memo)
        if delta is None:
            flag_state.remember(path, memo)
            return _unchanged(vault)  # not one entry changed since the last sync
        shard_of = flag_state.shard_of
        parts = {
            n: flag_state.read_part(vault.kv, n)
            for n in {shard_of(uid) for uid in (*delta.gone, *delta.entries)}
        }
        changed: dict[str, flag_state.Listed] = {}
        dirty = set()
        for uid in delta.gone:
            dirty.add(n := shard_of(uid))
            parts[n].pop(uid, None)
        for uid, e in delta.entries.items():
            part = parts[shard_of(uid)]
            if part.get(uid) != e.stamp:
                changed[uid] = e
                part[uid] = e.stamp
                dirty.add(shard_of(uid))
        pattern_sigs = memo.patterns
        moved = {uid for uid in delta.gone if pattern_sigs.pop(uid, 0)}
        for uid, e in delta.entries.items():  # only entries with an alias are kept
            if pattern_sigs.pop(uid, 0) != e.pattern:
                moved.add(uid)
            if e.pattern:
                pattern_sigs[uid] = e.pattern
        patterns, book = bool(moved), memo.book
        now, gone, plan_changed, legacy = delta, delta.gone, False, False
        share_uids: list[str] = []
        ordered = False  # the changed lines, in no order
    else:
        now = flag_state.listing(db) if db is not None else _listing_of(vault)
        state = flag_state.read_seen(vault.kv, head)
        same_engine = not full and state.engine == engine.signature
        seen = state.stamps if same_engine else {}
        plan_changed = not same_engine or head.get("plan") != plan_version
        parts = flag_state.split({uid: e.stamp for uid, e in now.entries.items()})
        changed = {uid: e for uid, e in now.entries.items() if seen.get(uid) != e.stamp}
        pattern_sigs = {uid: e.pattern for uid, e in now.entries.items() if e.pattern}
        gone = set(seen) - now.entries.keys()
        patterns, legacy = True, state.legacy
        if not legacy and same_engine:
            dirty = {flag_state.shard_of(uid) for uid in (*changed, *gone)}
        share_uids = [uid for uid, e in now.entries.items() if e.kind in SHARE_KINDS]
        ordered = True  # the whole listing, oldest first
    # In the outline's order (oldest first), as one get_many of them all would give (the
    # listing is in that order; a few changed entries are sorted).
    if not ordered:
        changed = dict(sorted(changed.items(), key=lambda kv: kv[1].order))
    changed_order = list(changed)
    jobs: list[tuple[list[str], bool]] = [
        (changed_order[i : i + BATCH], True) for i in range(0, len(changed_order), BATCH)
    ]
    if plan_changed and plan is not None:  # plan flags of every other check and reflection
        others = [uid for uid in share_uids if uid not in changed]
        jobs += [(others[i : i + BATCH], False) for i in range(0, len(others), BATCH)]
    flags, searched = _search(vault, engine, jobs, plan, offload)
    groups: set[tuple[str | None, str]] = {
        (uid, source) for uid in searched for source in ("ticked", "text", "plan")
    }
    if plan_changed:
        groups.update((uid, "plan") for uid in share_uids)
    before: set[str] | None = None  # the pattern flags that may go (None: any)
    related: dict[str, list[str]] | None = None  # the entries of every pattern flag, if new
    if patterns and book is not None:  # only the clients the changed entries touch
        keys = book.update(moved, vault.entries.outline_of(moved))
        scopes = [(rule, key) for key in keys for rule in ("repeat", "hours")] + [SHARE_SCOPE]
        old = {f.fingerprint: f.related for s in scopes for f in book.flags.get(s, ())}
        new = engine.book_flags(book, keys)
        flags += new
        before = set(old)
        if old != {f.fingerprint: f.related for f in new}:
            related = book.related()
    elif patterns:
        book = PatternBook(vault.entries.outline(pause=flag_state.pause), flag_state.pause)
        flags += engine.book_flags(book)
        groups.add((None, "pattern"))
        related = book.related()

    keep_state = bool(searched) or bool(changed) or plan_changed or bool(gone) or legacy
    scope = None if plan_changed or len(searched) > _SCOPED_UP_TO else searched
    gen = head.get("gen")
    with _writing(vault):
        result = _store(
            vault,
            flags,
            groups,
            scope=scope,
            patterns=patterns,
            related=related,
            before=before,
            scanned=len(searched),
        )
        if keep_state:
            gen = flag_state.write_seen(vault.kv, engine.signature, plan_version, parts, dirty)
    if isinstance(gen, str):
        flag_state.remember(
            path,
            flag_state.Memo(
                gen, engine.signature, plan_version, now.digest, now.lines, pattern_sigs, book
            ),
        )
    return result


#: Up to this many entries searched, only their flags are read to compare (else all).
_SCOPED_UP_TO = 2000


def _unchanged(vault: _VaultLike) -> SyncResult:
    return SyncResult(0, 0, 0, int(vault.flags.counts().get("open", 0)))


def _listing_of(vault: _VaultLike) -> flag_state.Listing:
    """The listing of a vault without a database of its own (from its outline)."""
    entries = {
        e.uid: flag_state.Listed(_stamp(e), e.kind, ("", n), 1 if e.client_alias else 0)
        for n, e in enumerate(vault.entries.outline())
    }
    return flag_state.Listing(b"", entries, {})


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
    # A background job: the app's own threads come first for the processor (on a
    # machine with two cores, the helper would otherwise halve the GUI thread's share).
    with contextlib.suppress(AttributeError, OSError):
        os.nice(CHILD_NICENESS)
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
    *,
    scope: Sequence[str] | None,
    patterns: bool,
    related: dict[str, list[str]] | None,
    before: set[str] | None,
    scanned: int,
) -> SyncResult:
    """The writing half of a sync (in one transaction). ``scope``: the only entries
    whose flags can change (None: any entry's); ``patterns``: the pattern flags were
    worked out again, ``before``: only some were, and these are the ones they may
    replace (None: all); ``related``: the entries each pattern flag is about, by
    fingerprint, if that may have changed."""
    pattern_fps = {f.fingerprint for f in flags if f.source == "pattern"}
    if scope is None:
        stored = vault.flags.list()
    else:
        stored = vault.flags.chosen(entry_uids=scope) if scope else []
        if patterns and before is None:
            stored += vault.flags.list(source="pattern")
    if patterns and before is not None:
        known = {f.fingerprint for f in stored}
        stored += [
            f
            for f in vault.flags.by_fingerprints(before | pattern_fps)
            if f.fingerprint not in known
        ]
    existing = {f.fingerprint: f for f in stored}
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
    if before is not None:  # the pattern flags worked out again that are gone
        going = [
            fp for fp in before - pattern_fps if fp in existing and existing[fp].status == "open"
        ]
        removed += vault.flags.prune_fingerprints("pattern", going)
    for entry_uid, source in sorted(stale, key=lambda k: (k[0] or "", k[1])):
        gone = vault.flags.prune(entry_uid, source, sorted(wanted.get((entry_uid, source), ())))
        removed += gone
        if gone and entry_uid is not None:
            touched.add(entry_uid)
    if related is not None and vault.kv.get(PATTERN_ENTRIES_KEY) != related:
        vault.kv.set(PATTERN_ENTRIES_KEY, related)
    open_count = int(vault.flags.counts().get("open", 0))
    return SyncResult(
        added=added,
        updated=updated,
        removed=removed,
        open=open_count,
        scanned=scanned,
        entries=frozenset(touched),
    )
