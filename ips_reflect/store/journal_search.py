"""Full-text search for the journal list: the matching entry ids (unranked for a word
still being typed, else ranked by BM25) and highlighted snippets for the rows on
screen; also :func:`_chunks`, the batches every ``IN (...)`` query here is cut into.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from ips_reflect.store import search as search_mod
from ips_reflect.store.db import Database

_BATCH = 500


def _chunks(ids: Sequence[int]) -> Iterable[list[int]]:
    for start in range(0, len(ids), _BATCH):
        yield list(ids[start : start + _BATCH])


# --------------------------------------------------------------------------- search


UNRANKED_PREFIX = 2  # a single word this short, still being typed, is not ranked


def _short_prefix(text: str, prefix: bool) -> bool:
    terms, last = search_mod.query_terms(text, prefix=prefix)
    return not terms and last is not None and len(last) <= UNRANKED_PREFIX


#: From this many matches on, a search is listed newest first, not ranked: BM25 ranks
#: every match, about 0.4 µs each in SQLite, and the list must be painted within a
#: keystroke. Below it (any search in a vault of up to 20,000 entries) best first.
RANK_UP_TO = 20_000


def _rowids(db: Database, sql: str, params: Sequence[object]) -> list[int]:
    """Row ids as one comma-separated string: a tenth of the cost of a row each."""
    text = db.scalar(f"SELECT group_concat(rowid) FROM ({sql})", params)
    return list(map(int, text.split(","))) if text else []


def matching_ids(db: Database, text: str, *, prefix: bool = True) -> list[int] | None:
    """Every entry (bin included) matching ``text``, in no order; None if nothing to search."""
    match = search_mod.build_match(text, prefix=prefix)
    if match is None:
        return None
    return _rowids(db, "SELECT rowid FROM entries_fts WHERE entries_fts MATCH ?", [match])


def ranked_ids(db: Database, text: str, *, prefix: bool = True) -> list[int] | None:
    """Every entry (bin included) matching ``text``, best first; None if nothing to search."""
    match = search_mod.build_match(text, prefix=prefix)
    if match is None:
        return None
    weights = ", ".join(str(w) for w in search_mod.WEIGHTS)
    return _rowids(
        db,
        f"SELECT rowid FROM entries_fts WHERE entries_fts MATCH ? "
        f"ORDER BY bm25(entries_fts, {weights}), rowid DESC",
        [match],
    )


_SNIPPET_FIELDS = ("body", "answers_text", "tags", "client_alias")
_SNIPPET_BEFORE = 16  # characters of context before the first match (the cell is narrow)
_SNIPPET_CHARS = 150  # characters in all, cut at word boundaries


def _match_pattern(terms: set[str], prefix: str | None) -> re.Pattern[str]:
    parts = [re.escape(t) for t in sorted(terms, key=len, reverse=True)]
    if prefix is not None:
        parts.append(re.escape(prefix) + r"[^\W_]*")
    return re.compile(r"(?<![^\W_])(?:" + "|".join(parts) + r")(?![^\W_])", re.IGNORECASE)


def quick_snippet(
    fields: Sequence[tuple[str, str]],
    pattern: re.Pattern[str],
    *,
    marks: tuple[str, str],
    ellipsis: str = "…",
) -> str | None:
    """A snippet around the first match in the field with the most different matching
    words, cut at word boundaries, matches wrapped in ``marks``; "" if no field
    matches. For ASCII text only (the regular expression folds case as the index
    does); None otherwise."""
    best: tuple[int, int, str, re.Match[str]] | None = None
    for rank, (_name, text) in enumerate(fields):
        if not text:
            continue
        if not text.isascii():
            return None
        found = list(pattern.finditer(text))
        if not found:
            continue
        distinct = len({m.group().lower() for m in found})
        if best is None or distinct > best[0]:
            best = (distinct, -rank, text, found[0])
    if best is None:  # the match is in the title only: the list shows no second line
        return ""
    _, _, text, first = best
    start = max(0, first.start() - _SNIPPET_BEFORE)
    if start:
        space = text.find(" ", start, first.start())
        start = space + 1 if space >= 0 else first.start()
    end = min(len(text), start + _SNIPPET_CHARS)
    if end < len(text):
        space = text.rfind(" ", first.end(), end)
        end = space if space > 0 else end
    window = pattern.sub(lambda m: f"{marks[0]}{m.group()}{marks[1]}", text[start:end])
    head = ellipsis if start else ""
    tail = ellipsis if end < len(text) else ""
    return head + " ".join(window.split()) + tail


def snippets(
    db: Database,
    ids: Sequence[int],
    text: str,
    *,
    marks: tuple[str, str] = search_mod.DEFAULT_MARKS,
    ellipsis: str = "…",
    prefix: bool = True,
) -> dict[int, str]:
    """A highlighted snippet for each of ``ids`` (the rows on screen).

    The title is left out (the list shows it beside the snippet). ASCII text is
    cut with one regular expression; other text goes through
    :func:`ips_reflect.store.search.make_snippet` (accents folded as the index does).
    """
    terms, prefix_term = search_mod.query_terms(text, prefix=prefix)
    if not ids or (not terms and prefix_term is None):
        return {}
    pattern = _match_pattern(terms, prefix_term)
    order = {c: i for i, c in enumerate(search_mod.COLUMNS)}
    columns = ", ".join(_SNIPPET_FIELDS)
    out: dict[int, str] = {}
    for chunk in _chunks(ids):
        qmarks = ", ".join("?" * len(chunk))
        rows = db.query(
            f"SELECT rowid, {columns} FROM entries_fts WHERE rowid IN ({qmarks})", chunk
        )
        for r in rows:
            fields = [(c, r[i + 1] or "") for i, c in enumerate(_SNIPPET_FIELDS)]
            quick = quick_snippet(fields, pattern, marks=marks, ellipsis=ellipsis)
            if quick is None:
                fields.sort(key=lambda f: order[f[0]])
                quick = search_mod.make_snippet(
                    fields, terms, prefix_term, marks=marks, ellipsis=ellipsis
                )
                if marks[0] not in quick:
                    quick = ""
            out[int(r[0])] = quick
    return out
