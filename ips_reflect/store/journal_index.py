"""Fast reads for the journal list and the trends: a light catalog of every entry.

The journal lists up to tens of thousands of entries, filters them as you
click and searches them as you type. Reading the ``entries`` table means
decrypting every page of it (bodies and answers live in the same rows), which
at 10,000 entries costs about 70 ms, more than a keystroke may take. So the
journal reads the *light* columns of every entry once into a
:class:`JournalCatalog` (id, uid, kind, dates, title, audience, client alias,
tags, supervision mark, bin date, open flag count; about 1 KB per entry) and then:

* filters by kind, audience, tag, date range, flagged, supervision and bin in
  plain Python (about 2 ms for 10,000 entries);
* searches with the full-text index, ranked by BM25 (title and tags weigh
  most, as in :mod:`ips_reflect.store.search`), and keeps the ranked ids that
  pass the filters;
* builds highlighted snippets only for the rows on screen.

The catalog knows when it is out of date: any write on the vault's connection
(``total_changes()``) since it was read. :meth:`JournalCatalog.refresh` reads
one entry again after an edit made through the journal.

Plain Python: no Qt.

This module is the public face of these reads; the code lives in
:mod:`journal_catalog` (the filter and the catalog), :mod:`journal_search` (search
and snippets) and :mod:`journal_inputs` (whole entries, the trends' inputs), all
under ``ips_reflect.store``.
"""

from __future__ import annotations

from ips_reflect.store.journal_catalog import (
    PERIODS,
    CatalogRow,
    JournalCatalog,
    JournalFilter,
)
from ips_reflect.store.journal_inputs import (
    HOW_IT_WENT_QUESTION,
    entries_by_ids,
    trend_inputs,
)
from ips_reflect.store.journal_search import (
    UNRANKED_PREFIX,
    matching_ids,
    quick_snippet,
    ranked_ids,
    snippets,
)

__all__ = [
    "HOW_IT_WENT_QUESTION",
    "PERIODS",
    "UNRANKED_PREFIX",
    "CatalogRow",
    "JournalCatalog",
    "JournalFilter",
    "entries_by_ids",
    "matching_ids",
    "quick_snippet",
    "ranked_ids",
    "snippets",
    "trend_inputs",
]
