"""Full-text search over entries (FTS5 inside the encrypted database).

Whatever a person types is turned into a safe FTS5 query: each word becomes a
quoted phrase (quotes doubled), so ``"``, ``AND(``, ``NEAR``, ``*`` or ``-`` are
just text and never a syntax error. All words must match (in any field:
title, body, answers, tags, client alias). The last word also matches as a
prefix, for search-as-you-type, unless the query ends with a space. Accents and
case are ignored (``cafe`` finds ``Café``). Results are ranked with BM25, title
and tag matches weighing most.

Speed: ranking runs in SQLite (``bm25()`` over the index only); the highlighted
snippet is built here for the returned rows only. FTS5's ``snippet()`` would
be computed for *every* match before the sort, which at 10,000 entries costs
more than the whole search budget.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from ips_reflect.store.db import Database

# bm25 weights for: title, body, answers_text, tags, client_alias
WEIGHTS = (5.0, 1.0, 1.0, 3.0, 2.0)
COLUMNS = ("title", "body", "answers_text", "tags", "client_alias")
# Which field a snippet is taken from when several match equally well.
SNIPPET_PREFERENCE = ("body", "answers_text", "title", "tags", "client_alias")
MAX_TERMS = 32
DEFAULT_MARKS = ("[", "]")
SNIPPET_TOKENS = 16

# Letters and digits, like FTS5's unicode61 tokenizer.
_TOKEN = re.compile(r"[^\W_]+")


@dataclass(frozen=True)
class SearchHit:
    id: int
    uid: str
    kind: str
    created: str
    title: str
    snippet: str
    score: float  # bm25: lower is better


def _parse(text: str, prefix: bool) -> tuple[list[str], bool]:
    """The word chunks to search for, and whether the last one is a prefix."""
    # Control characters (NUL would end the FTS5 string early) count as spaces.
    cleaned = "".join(" " if unicodedata.category(ch) == "Cc" else ch for ch in text)
    raw = cleaned.split()
    chunks = [c for c in raw if _TOKEN.search(c)]
    # The last word is a prefix only if it is the last thing typed (no space after it).
    wanted = bool(chunks) and prefix and not cleaned[-1].isspace() and raw[-1] is chunks[-1]
    if len(chunks) > MAX_TERMS:
        chunks, wanted = chunks[:MAX_TERMS], False
    return chunks, bool(wanted)


def build_match(text: str, *, prefix: bool = True) -> str | None:
    """The FTS5 MATCH expression for what the user typed, or None if nothing to find."""
    chunks, last_is_prefix = _parse(text, prefix)
    if not chunks:
        return None
    phrases = ['"' + c.replace('"', '""') + '"' for c in chunks]
    if last_is_prefix:
        phrases[-1] += "*"
    return " ".join(phrases)


# --------------------------------------------------------------------------- snippets


@functools.lru_cache(maxsize=1 << 16)
def fold(word: str) -> str:
    """Case- and accent-insensitive form of a word (as the index compares them)."""
    if word.isascii():
        return word.lower()
    decomposed = unicodedata.normalize("NFKD", word)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch)).casefold()


def query_terms(text: str, *, prefix: bool = True) -> tuple[set[str], str | None]:
    """Folded whole-word terms, and the folded prefix term (last word) if any."""
    chunks, last_is_prefix = _parse(text, prefix)
    words = [fold(w) for c in chunks for w in _TOKEN.findall(c)]
    if not words:
        return set(), None
    if last_is_prefix:
        return set(words[:-1]), words[-1]
    return set(words), None


def make_snippet(
    fields: Sequence[tuple[str, str]],
    terms: set[str],
    prefix: str | None,
    *,
    marks: tuple[str, str] = DEFAULT_MARKS,
    ellipsis: str = "…",
    size: int = SNIPPET_TOKENS,
) -> str:
    """A window of about ``size`` words around the best cluster of matches, with
    each matching word wrapped in ``marks``. ``fields`` is (name, text) pairs."""

    def matches(word: str) -> str | None:
        w = fold(word)
        if w in terms:
            return w
        if prefix is not None and w.startswith(prefix):
            return prefix
        return None

    best: tuple[tuple[int, int, int], str, list[re.Match[str]], list[str | None], int] | None = None
    order = {name: i for i, name in enumerate(SNIPPET_PREFERENCE)}
    for name, text in fields:
        if not text:
            continue
        tokens = list(_TOKEN.finditer(text))
        hits = [matches(t.group()) for t in tokens]
        positions = [i for i, h in enumerate(hits) if h]
        if not positions:
            continue
        for p in positions:
            start = max(0, min(p - 2, len(tokens) - size))
            window = [h for h in hits[start : start + size] if h]
            key = (len(set(window)), len(window), -order.get(name, 9))
            if best is None or key > best[0]:
                best = (key, text, tokens, hits, start)
    if best is None:
        for name in SNIPPET_PREFERENCE:
            text = dict(fields).get(name, "")
            if text:
                tokens = list(_TOKEN.finditer(text))
                best = ((0, 0, 0), text, tokens, [None] * len(tokens), 0)
                break
        else:
            return ""
    _, text, tokens, hits, start = best
    if not tokens:
        return " ".join(text.split())[: size * 8]
    end = min(len(tokens), start + size)
    lo = 0 if start == 0 else tokens[start].start()
    hi = len(text) if end == len(tokens) else tokens[end - 1].end()
    out: list[str] = [ellipsis] if start > 0 else []
    pos = lo
    for i in range(start, end):
        if hits[i]:
            t = tokens[i]
            out += [text[pos : t.start()], marks[0], t.group(), marks[1]]
            pos = t.end()
    out.append(text[pos:hi])
    if end < len(tokens):
        out.append(ellipsis)
    return " ".join("".join(out).split())


# --------------------------------------------------------------------------- queries


def _filters(kind: str | None, include_bin: bool) -> tuple[str, list[Any]]:
    clauses: list[str] = []
    params: list[Any] = []
    if not include_bin:
        # Uses the deleted_at index; never reads the (large) entry rows.
        clauses.append("rowid NOT IN (SELECT id FROM entries WHERE deleted_at IS NOT NULL)")
    if kind is not None:
        clauses.append("rowid IN (SELECT id FROM entries WHERE kind = ?)")
        params.append(kind)
    return "".join(f" AND {c}" for c in clauses), params


def search(
    db: Database,
    text: str,
    *,
    limit: int = 50,
    offset: int = 0,
    kind: str | None = None,
    include_bin: bool = False,
    marks: tuple[str, str] = DEFAULT_MARKS,
    ellipsis: str = "…",
    prefix: bool = True,
) -> list[SearchHit]:
    """Entries matching ``text``, best first, each with a highlighted snippet.

    ``marks`` wrap each matched word in the snippet (default ``[`` and ``]``; a GUI
    may pass private-use characters and turn them into bold after escaping).
    """
    match = build_match(text, prefix=prefix)
    if match is None:
        return []
    extra, params = _filters(kind, include_bin)
    weights = ", ".join(str(w) for w in WEIGHTS)
    ranked = db.query(
        f"SELECT rowid, bm25(entries_fts, {weights}) AS score FROM entries_fts "
        f"WHERE entries_fts MATCH ?{extra} ORDER BY score, rowid LIMIT ? OFFSET ?",
        [match, *params, int(limit), int(offset)],
    )
    if not ranked:
        return []
    ids = [int(r[0]) for r in ranked]
    marks_sql = ", ".join("?" * len(ids))
    meta = {
        int(r[0]): r
        for r in db.query(
            f"SELECT id, uid, kind, created, title FROM entries WHERE id IN ({marks_sql})", ids
        )
    }
    texts = {
        int(r[0]): r
        for r in db.query(
            f"SELECT rowid, {', '.join(COLUMNS)} FROM entries_fts WHERE rowid IN ({marks_sql})",
            ids,
        )
    }
    terms, prefix_term = query_terms(text, prefix=prefix)
    hits: list[SearchHit] = []
    for row in ranked:
        entry_id = int(row[0])
        m = meta.get(entry_id)
        if m is None:
            continue
        t = texts.get(entry_id)
        fields = [(c, t[i + 1] or "") for i, c in enumerate(COLUMNS)] if t is not None else []
        hits.append(
            SearchHit(
                id=entry_id,
                uid=m[1],
                kind=m[2],
                created=m[3],
                title=m[4],
                snippet=make_snippet(fields, terms, prefix_term, marks=marks, ellipsis=ellipsis),
                score=float(row[1]),
            )
        )
    return hits


def count(db: Database, text: str, *, include_bin: bool = False, prefix: bool = True) -> int:
    """How many entries match (for "N results")."""
    match = build_match(text, prefix=prefix)
    if match is None:
        return 0
    extra, params = _filters(None, include_bin)
    return int(
        db.scalar(
            f"SELECT count(*) FROM entries_fts WHERE entries_fts MATCH ?{extra}", [match, *params]
        )
    )
