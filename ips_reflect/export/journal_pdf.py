"""Several journal entries as one PDF: a contents page, then each entry.

Used by the Journal page for "Selected entries as PDF". The first page lists
the entries (date, kind, title) with the date range and the plain-text warning;
each entry then starts on its own page, laid out exactly like a single entry
(:func:`ips_reflect.export.entry_pdf.entry_story`: the traffic light of a
check, reasons and warning signs by their short names, every answer under its
question's wording).

Same typography as the other PDFs (:mod:`ips_reflect.export.pdfstyle`). Written
atomically with mode 0600; the file is NOT encrypted, and says so.
"""

from __future__ import annotations

import os
from bisect import bisect_right
from collections.abc import Callable, Sequence
from datetime import datetime
from pathlib import Path
from typing import Any

from reportlab.lib.units import mm
from reportlab.platypus import PageBreak, Paragraph, Spacer, Table

from ips_reflect.core.content import Content
from ips_reflect.core.entries import Entry
from ips_reflect.export import pdfstyle as ps
from ips_reflect.export.entry_pdf import KIND_LABELS, entry_story, save_entries_pdf

__all__ = ["build_journal_pdf"]

TITLE = "Journal entries"
FOOTER = "IPS Reflect · private journal: this PDF is not encrypted"
WARNING = (
    "This PDF is not encrypted. Anyone who can open it can read these entries: keep it "
    "somewhere private and delete it when you no longer need it."
)

Progress = Callable[[int, int], None]


def _day(iso: str) -> str:
    try:
        return ps.long_date(datetime.fromisoformat(iso).date())
    except ValueError:
        return iso


def _contents(entries: Sequence[Entry]) -> list[Any]:
    st = ps.styles()
    story: list[Any] = [Paragraph(ps.esc("IPS Reflect"), st.label)]
    story.append(Paragraph(ps.esc(TITLE), st.title))
    n = len(entries)
    if entries:
        first, last = _day(entries[0].created), _day(entries[-1].created)
        span = first if first == last else f"{first} to {last}"
        story.append(Paragraph(ps.esc(f"{n} entr{'y' if n == 1 else 'ies'}, {span}."), st.subtitle))
    else:
        story.append(Paragraph("There are no entries to show.", st.subtitle))
    story.append(Spacer(1, 6))
    story.append(Paragraph(ps.esc(WARNING), st.small))
    story.append(Spacer(1, 14))
    if not entries:
        return story
    rows = [
        [
            Paragraph("Date", st.cell_head),
            Paragraph("Kind", st.cell_head),
            Paragraph("Title", st.cell_head),
        ]
    ]
    for e in entries:
        title = " ".join(e.title.split()) or "(untitled)"
        rows.append(
            [
                Paragraph(ps.esc(_day(e.created)), st.cell),
                Paragraph(ps.esc(KIND_LABELS.get(e.kind, e.kind)), st.cell),
                Paragraph(ps.esc(title), st.cell),
            ]
        )
    table = Table(
        rows,
        colWidths=[34 * mm, 44 * mm, ps.FRAME_W - 78 * mm],
        hAlign="LEFT",
        repeatRows=1,
    )
    table.setStyle(
        ps.padded_style(
            "TOP",
            0,
            6,
            3,
            3,
            ("LINEBELOW", (0, 0), (-1, 0), 0.8, ps.ACCENT),
            ("LINEBELOW", (0, 1), (-1, -1), 0.4, ps.RULE),
        )
    )
    story.append(table)
    return story


def build_journal_pdf(
    entries: Sequence[Entry],
    content: Content,
    out_path: str | os.PathLike[str],
    *,
    plan: Any = None,
    progress: Progress | None = None,
) -> Path:
    """Write ``entries`` (oldest first is best) to ``out_path``; returns the path.

    ``progress(done, total)`` is called as entries are laid out (from any thread;
    it must not touch widgets).
    """
    from ips_reflect.core.plan import as_plan

    the_plan = as_plan(plan) if plan is not None else None
    total = len(entries)
    story = _contents(entries)
    starts: list[int] = []
    for entry in entries:
        story.append(PageBreak())
        starts.append(len(story))
        story += entry_story(entry, content, the_plan)

    def on_progress(kind: str, value: Any) -> None:
        if progress is not None and kind == "PROGRESS" and isinstance(value, int):
            progress(bisect_right(starts, value), total)

    target = save_entries_pdf(out_path, story, title=TITLE, footer=FOOTER, progress=on_progress)
    if progress is not None:
        progress(total, total)
    return target
