"""Several journal entries as one PDF (the Journal page's "Selected entries as PDF")."""

from __future__ import annotations

import os
import stat

import pytest

from ips_reflect.core.entries import Entry
from ips_reflect.errors import UserError
from ips_reflect.export.journal_pdf import build_journal_pdf


def _entries() -> list[Entry]:
    check = Entry(
        kind="before_check",
        created="2026-11-04T10:32:00+00:00",
        title="Check before telling the employer",
        audience="employer",
        reasons=["hope"],
        answers={"check.light": "amber", "before.when.right_time": "unsure"},
    )
    reflection = Entry(
        kind="after_reflection",
        created="2026-11-04T16:00:00+00:00",
        title="Telling the employer went well",
        linked_uid=check.uid,
        answers={"after.how_it_went": 4, "after.worked": "Keeping it short."},
    )
    note = Entry(
        kind="journal",
        created="2026-11-06T08:00:00+00:00",
        title="Allotment weekend",
        body="A quiet weekend at the allotment.\n\nI felt rested.",
        tags=["self-care"],
    )
    return [check, reflection, note]


def test_contents_page_then_each_entry(tmp_path, content, pdf_pages):
    out = tmp_path / "entries.pdf"
    seen: list[tuple[int, int]] = []
    path = build_journal_pdf(_entries(), content, out, progress=lambda d, t: seen.append((d, t)))
    assert path == out
    pages = pdf_pages(out)
    assert len(pages) >= 4  # contents, then one page (at least) per entry
    first = pages[0]
    assert "Journal entries" in first
    assert "3 entries, 4 November 2026 to 6 November 2026." in first
    assert "not encrypted" in first
    for title in ("Check before telling the employer", "Telling the employer went well"):
        assert title in first
    rest = "\n".join(pages[1:])
    assert "Amber" in rest  # the check's light
    assert content.item("after.how_it_went").text in rest  # answers under their question
    assert "Keeping it short." in rest
    assert "A quiet weekend at the allotment." in rest
    assert "Page 1 of" in first
    assert seen[-1] == (3, 3)
    assert all(0 <= d <= t == 3 for d, t in seen)


def test_written_privately_and_atomically(tmp_path, content):
    out = tmp_path / "entries.pdf"
    out.write_bytes(b"old")
    build_journal_pdf(_entries()[:1], content, out)
    assert out.read_bytes().startswith(b"%PDF")
    assert stat.S_IMODE(os.stat(out).st_mode) == 0o600
    assert [p.name for p in tmp_path.iterdir()] == ["entries.pdf"]


def test_no_entries_still_makes_a_page(tmp_path, content, pdf_text):
    out = tmp_path / "none.pdf"
    build_journal_pdf([], content, out)
    assert "There are no entries to show." in pdf_text(out)


def test_a_missing_folder_is_a_sentence(tmp_path, content):
    with pytest.raises(UserError, match="does not exist"):
        build_journal_pdf(_entries(), content, tmp_path / "nowhere" / "x.pdf")
