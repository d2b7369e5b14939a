"""What the flag sync remembers between checks, so that a check after one save costs
what that save changed, not what the vault holds.

* :func:`listing`: every live entry's stamp (which changes with every edit) and a
  salted hash of what the patterns across entries read from it (kind, date, client
  alias, link), oldest first, from one aggregate query answered from the
  ``entries_outline`` index (no row is read); :func:`changes` parses only the lines
  that differ from the memo's.
* :class:`SeenState`: the stamps of the entries as last searched, kept in ``vault.kv``
  (encrypted in the vault like everything else) in :data:`SHARDS` parts, so a save
  rewrites one small part (the head, :data:`SCAN_STATE_KEY`, says which engine and
  plan they were searched with). A vault written before the parts (one record with
  every stamp under ``"entries"``) is read as it is and rewritten in parts.
* :data:`_MEMOS`: per vault file, in this process only (never on disk), the last
  listing's digest, its lines' hashes and the pattern signatures (about 20 MB at
  100,000 entries; the stamps are read back from the vault a part at a time when
  entries in them change) and the patterns'
  :class:`~ips_reflect.core.flag_patterns.PatternBook` (what the patterns across
  entries read of each entry with a client alias, and their flags; in memory like the
  app's own lists: about 50 MB at 100,000 entries), trusted while the head's ``gen``
  (a fresh random token at every write) is the one it was made with.
"""

from __future__ import annotations

import hashlib
import secrets
import threading
import time
import zlib
from dataclasses import dataclass, field
from typing import Any, NamedTuple

from ips_reflect.store.keys import SCAN_STATE as SCAN_STATE_KEY

#: The stamps are kept in this many kv records (by a checksum of the uid).
SHARDS = 64

_LISTING_SQL = (
    "SELECT group_concat(line, char(10)) FROM (SELECT uid || char(9) || id || ':' || rev || "
    "char(9) || created || char(9) || ifnull(updated, '') || char(9) || kind || char(9) || "
    "hex(ifnull(client_alias, '')) || char(9) || ifnull(linked_entry_id, '') || char(9) || "
    "created_utc AS line FROM entries WHERE deleted_at IS NULL ORDER BY created_utc, id)"
)


class Listed(NamedTuple):  # a tuple of strings and ints: the collector skips it
    stamp: str  # see :func:`ips_reflect.ops.flags._stamp`
    kind: str
    order: tuple[str, int]  # (created_utc, id): the outline's order
    pattern: int  # 0: no client alias (the patterns never see it); else a salted hash


def _parse(line: str) -> tuple[str, Listed]:
    uid, id_rev, created, updated, kind, alias, linked, created_utc = line.split("\t")
    entry_id, rev = id_rev.split(":")
    pattern = (hash((kind, created, alias, linked)) | 1) if alias else 0
    stamp = f"{entry_id}:{rev}:{created}:{updated}"
    return uid, Listed(stamp, kind, (created_utc, int(entry_id)), pattern)


@dataclass
class Listing:
    """Every live entry now, or (:func:`changes`) only those whose line changed."""

    digest: bytes
    entries: dict[str, Listed]  # by uid
    lines: dict[int, str]  # uid by hash of its line (what :class:`Memo` keeps)
    gone: set[str] = field(default_factory=set)  # uids no longer listed (changes only)


def _query(db: Any) -> tuple[str, bytes, list[str]]:
    text = db.scalar(_LISTING_SQL) or ""
    digest = hashlib.blake2b(text.encode("utf-8"), digest_size=20).digest()
    return text, digest, text.split("\n") if text else []


def listing(db: Any) -> Listing:
    """Every live entry (see the module docstring); ``db``: the vault's database."""
    _text, digest, lines = _query(db)
    entries: dict[str, Listed] = {}
    by_hash: dict[int, str] = {}
    for n, line in enumerate(lines, 1):
        uid, listed = _parse(line)
        entries[uid] = listed
        by_hash[hash(line)] = uid
        if not n % PAUSE_EVERY:
            pause()
    return Listing(digest, entries, by_hash)


#: Lines parsed (a few milliseconds of work) between :func:`pause` calls.
PAUSE_EVERY = 2000


def pause() -> None:
    """Let the GUI thread have the interpreter for a moment: a worker that only ever
    gives it up when made to (every 5 ms) makes each of the GUI thread's queries and
    widget calls wait that long."""
    time.sleep(0.0005)


def changes(db: Any, memo: Memo) -> Listing | None:
    """The entries whose line changed since ``memo`` (added or edited) and the uids
    gone; None if nothing changed. Only the changed lines are parsed."""
    _text, digest, lines = _query(db)
    if digest == memo.digest:
        return None
    old = memo.lines
    by_line = dict(zip(map(hash, lines), lines, strict=True))
    added = by_line.keys() - old.keys()
    lost = old.keys() - by_line.keys()
    entries = dict(_parse(by_line[h]) for h in added)
    by_hash = dict(old)
    for h in lost:
        del by_hash[h]
    for h in added:
        by_hash[h] = by_line[h].split("\t", 1)[0]
    return Listing(digest, entries, by_hash, {old[h] for h in lost} - entries.keys())


def shard_of(uid: str) -> int:
    return zlib.crc32(uid.encode("utf-8")) % SHARDS


def shard_key(n: int) -> str:
    return f"{SCAN_STATE_KEY}.{n}"


@dataclass
class SeenState:
    """The head (engine, plan, gen) and the stamps of the entries as last searched."""

    engine: str | None = None
    plan: Any = None
    gen: str | None = None
    stamps: dict[str, str] = field(default_factory=dict)
    legacy: bool = False  # read from the one-record form: write every part


def read_head(kv: Any) -> dict[str, Any]:
    head = kv.get(SCAN_STATE_KEY) or {}
    return head if isinstance(head, dict) else {}


def read_seen(kv: Any, head: dict[str, Any]) -> SeenState:
    """Every stamp as last written (all parts read)."""
    state = SeenState(head.get("engine"), head.get("plan"), head.get("gen"))
    old = head.get("entries")
    if isinstance(old, dict):
        state.stamps = {str(k): str(v) for k, v in old.items()}
        state.legacy = True
        return state
    if head.get("shards") != SHARDS:
        state.legacy = True  # nothing (or another layout): every part is written
        if head.get("shards") is None:
            return state
    for n in range(int(head.get("shards") or 0)):
        state.stamps.update(read_part(kv, n))
    return state


def split(stamps: dict[str, str]) -> dict[int, dict[str, str]]:
    """The stamps in their :data:`SHARDS` parts."""
    parts: dict[int, dict[str, str]] = {n: {} for n in range(SHARDS)}
    for k, (uid, stamp) in enumerate(stamps.items(), 1):
        parts[shard_of(uid)][uid] = stamp
        if not k % (4 * PAUSE_EVERY):
            pause()
    return parts


def read_part(kv: Any, n: int) -> dict[str, str]:
    """One part of the stamps as last written (the memo keeps none: they are read back
    when an entry in them changed)."""
    part = kv.get(shard_key(n)) or {}
    return {str(k): str(v) for k, v in part.items()} if isinstance(part, dict) else {}


def write_seen(
    kv: Any, engine: str, plan: Any, parts: dict[int, dict[str, str]], dirty: set[int] | None
) -> str:
    """Write the parts numbered in ``dirty`` (None: all) and a head with a new ``gen``,
    which it returns."""
    for n in range(SHARDS) if dirty is None else sorted(dirty):
        kv.set(shard_key(n), parts[n])
    gen = secrets.token_hex(8)
    kv.set(SCAN_STATE_KEY, {"engine": engine, "plan": plan, "gen": gen, "shards": SHARDS})
    return gen


@dataclass
class Memo:
    """The last sync of one vault file, in this process (see the module docstring)."""

    gen: str
    engine: str
    plan: Any
    digest: bytes
    lines: dict[int, str]  # uid by hash of its listing line
    patterns: dict[str, int]  # what the patterns read of each entry (a salted hash)
    #: What the patterns across entries read and the flags they gave, by client (see
    #: :class:`~ips_reflect.core.flag_patterns.PatternBook`; holds client aliases).
    book: Any = None


_MEMOS: dict[str, Memo] = {}
_MEMO_LOCK = threading.Lock()


def memo_for(path: str | None, head: dict[str, Any], engine: str) -> Memo | None:
    """The memo of this vault file if the kv head is still the one it was made with
    (and by this engine)."""
    if path is None:
        return None
    with _MEMO_LOCK:
        memo = _MEMOS.get(path)
    if memo is None or memo.gen != head.get("gen") or head.get("shards") != SHARDS:
        return None
    if not memo.engine == head.get("engine") == engine or memo.plan != head.get("plan"):
        return None
    return memo


def remember(path: str | None, memo: Memo | None) -> None:
    if path is None:
        return
    with _MEMO_LOCK:
        if memo is None:
            _MEMOS.pop(path, None)
        else:
            _MEMOS[path] = memo


def forget_all() -> None:
    """Drop every memo: on lock (the pattern book holds client aliases), and in tests.
    Nothing breaks if it is called at any time: the next check reads the vault again."""
    with _MEMO_LOCK:
        _MEMOS.clear()
