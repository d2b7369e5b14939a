"""Importing and exporting entries: the Journal page's Import and Export menus and
``ips-reflect import`` / ``ips-reflect export``.

Both faces call :func:`import_file` and :func:`export_entries`, so a file the app
accepts is one the command line accepts, and a PDF from the app and one from the
command line are the same document (the journal PDF: a contents page, then each
entry from a new page).
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ips_reflect import messages
from ips_reflect.core.content import Content
from ips_reflect.core.entries import Entry, now_iso
from ips_reflect.errors import UserError

if TYPE_CHECKING:
    from ips_reflect.store.vault import Vault

FORMATS = ("json", "md", "pdf")
Progress = Callable[[int, int], None]


def read_entries_file(path: Path, name: str | None = None) -> list[Entry]:
    """The entries in an import file, checked; nothing is added yet.

    The file is refused before it is read if it is a folder, a pipe or device, or over
    the size limit (so a worker never blocks for ever). Problems raise
    :class:`EntryError` naming the file as ``name`` (default: its file name)."""
    from ips_reflect.core.entries import MAX_EXCHANGE_BYTES, parse_exchange
    from ips_reflect.safeinput import read_regular_file

    data = read_regular_file(
        path, max_bytes=MAX_EXCHANGE_BYTES, what="an entries file", give="the .json file to import"
    )
    return parse_exchange(data, name or path.name)


def add_entries(vault: Vault, entries: list[Entry], name: str) -> Any:
    """Add the entries of file ``name``: all of them or none."""
    from ips_reflect.core.entries import EntryError

    try:
        return vault.entries.import_entries(entries)
    except EntryError as exc:
        raise EntryError(
            messages.JOURNAL_IMPORT_PROBLEMS.format(file=name, n=len(exc.problems)),
            [f"{name}: {p}" for p in exc.problems],
        ) from None


def import_file(vault: Vault, path: Path, name: str | None = None) -> Any:
    """Read, check and add the entries in ``path`` (what the Journal's worker runs)."""
    return add_entries(vault, read_entries_file(path, name), name or path.name)


def entries_to_export(vault: Vault, ids: Sequence[int] | None = None) -> list[Entry]:
    """The entries with ``ids`` (the Journal's selection or search), or every entry
    not in the bin; oldest first."""
    if ids is None:
        return list(vault.entries.list(newest_first=False))
    from ips_reflect.store.journal_index import entries_by_ids

    return sorted(entries_by_ids(vault.db, ids), key=lambda e: (e.created, e.uid))


def plan_payload(vault: Vault) -> Any:
    """The sharing plan, which a PDF uses only to name an experience in words; when it
    cannot be read the PDF shows the experience's id instead (nothing private leaks)."""
    with contextlib.suppress(Exception):
        latest = vault.plans.latest()
        return latest.payload if latest is not None else None
    return None


def text_export(entries: Sequence[Entry], fmt: str, content: Content | None) -> bytes:
    """JSON (the import format) or Markdown, as bytes."""
    if fmt == "json":
        from ips_reflect.export import jsonfmt

        return jsonfmt.to_bytes(list(entries))

    def question_text(qid: str) -> str | None:
        item = content.get(qid) if content is not None else None
        return item.text if item is not None else None

    from ips_reflect.export import markdown

    return markdown.render(list(entries), question_text, exported=now_iso()).encode("utf-8")


def export_entries(
    entries: Sequence[Entry],
    fmt: str,
    path: Path,
    content: Content,
    *,
    plan: Any = None,
    progress: Progress | None = None,
) -> int:
    """Write ``entries`` to ``path`` in ``fmt`` (atomically); returns how many."""
    from ips_reflect.fileio import atomic_write_bytes

    if fmt not in FORMATS:
        raise ValueError(fmt)
    total = len(entries)
    if progress is not None:
        progress(0, total)
    try:
        if fmt == "pdf":
            from ips_reflect.export.journal_pdf import build_journal_pdf

            build_journal_pdf(list(entries), content, path, plan=plan, progress=progress)
        else:
            atomic_write_bytes(path, text_export(entries, fmt, content))
    except OSError as exc:
        raise UserError(
            messages.JOURNAL_EXPORT_UNWRITABLE.format(file=path, problem=exc.strerror or exc)
        ) from None
    if progress is not None:
        progress(total, total)
    return total


def export_file(
    vault: Vault,
    ids: Sequence[int] | None,
    fmt: str,
    path: Path,
    content: Content,
    progress: Progress | None = None,
) -> int:
    """Read the entries (and, for a PDF, the plan) and write them: the page's worker."""
    entries = entries_to_export(vault, ids)
    plan = plan_payload(vault) if fmt == "pdf" else None
    return export_entries(entries, fmt, path, content, plan=plan, progress=progress)
