"""The signed supervision record as a PDF, built in memory.

Both people can print it: the practitioner (``ips-reflect supervision record``) from
the share they sent and the reply they accepted, the supervisor (``ips-reflect
supervisor record``) from the share they opened and the reply they sent. It shows the
session date, both names, each item with the supervisor's comments beside it, the
agreed actions, who signed the session off and when, and the record's fingerprint
(:class:`ips_reflect.core.exchange_record.SessionRecord`): the same code on both
copies means the two people hold the same record. It is headed as evidence of
reflective discussion, the kind a professional body may ask for at revalidation.

Returns bytes; the caller saves them. Same typography as the other PDFs.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from reportlab.lib.units import mm
from reportlab.platypus import CondPageBreak, KeepTogether, Paragraph, Spacer

from ips_reflect import messages
from ips_reflect.core.exchange_record import SessionRecord
from ips_reflect.export import pdfstyle as ps
from ips_reflect.export.entry_pdf import _text_block
from ips_reflect.export.supervision_pdf import (
    _build,
    _cell,
    _day,
    _grid,
    _heading_style,
    _note_box,
)

__all__ = ["session_record_pdf"]


def _meta(record: SessionRecord) -> list[Any]:
    rows = [
        (messages.EX_PDF_PRACTITIONER, record.practitioner),
        (messages.EX_PDF_SUPERVISOR, record.supervisor),
        (messages.EX_PDF_SESSION_DATE, _day(record.session_date)),
        (messages.EX_PDF_SIGNED_OFF_BY, record.signed_off_by),
        (messages.EX_PDF_SIGNED_OFF_AT, ps.long_moment(record.signed_off_at)),
        (messages.EX_PDF_FINGERPRINT, record.short_fingerprint),
    ]
    st = ps.styles()
    return [[_cell(label, st.label), _cell(value)] for label, value in rows]


def _item_story(record: SessionRecord, index: int) -> list[Any]:
    st = ps.styles()
    item = record.items[index]
    kind = messages.SUP_SUMMARY_KINDS.get(item.kind, item.kind)
    story: list[Any] = [
        Paragraph(ps.esc(f"{item.index} · {kind}"), st.label),
        Paragraph(ps.esc(" ".join(item.title.split()) or kind), _heading_style(12)),
    ]
    story += _text_block(item.text, st.body)
    comments = record.comments_for(item.index)
    if comments:
        story.append(Paragraph(ps.esc(messages.EX_PDF_COMMENTS), st.label))
        story += [_note_box(text) for text in comments]
    story.append(Spacer(1, 6))
    return story


def session_record_pdf(record: SessionRecord, *, generated: date | None = None) -> bytes:
    """The record as a PDF (bytes)."""
    st = ps.styles()
    made = ps.long_date(generated or date.today())
    story: list[Any] = [Paragraph("IPS Reflect", st.label)]
    story.append(Paragraph(ps.esc(messages.EX_PDF_TITLE), st.title))
    story.append(Paragraph(ps.esc(messages.EX_PDF_PURPOSE), st.subtitle))
    story.append(Spacer(1, 6))
    story.append(
        _grid(messages.EX_PDF_META_COLUMNS, _meta(record), [48 * mm, ps.FRAME_W - 48 * mm])
    )
    story.append(Spacer(1, 6))
    story.append(Paragraph(ps.esc(messages.EX_PDF_FULL_FINGERPRINT), st.small))
    story.append(Paragraph(ps.esc(record.fingerprint), st.small))
    story.append(Paragraph(ps.esc(messages.EX_PDF_MADE.format(date=made)), st.small))

    story.append(Paragraph(ps.esc(messages.EX_PDF_ITEMS), _heading_style()))
    if not record.items:
        story.append(Paragraph(ps.esc(messages.EX_PDF_NO_ITEMS), st.body))
    for n in range(len(record.items)):
        story += _item_story(record, n)

    story.append(CondPageBreak(40 * mm))
    story.append(Paragraph(ps.esc(messages.EX_PDF_ACTIONS), _heading_style()))
    if record.actions:
        rows = [
            [_cell(a.text), _cell(_day(a.due) if a.due else messages.SUP_SUMMARY_NO_DUE)]
            for a in record.actions
        ]
        widths = [ps.FRAME_W - 44 * mm, 44 * mm]
        story.append(_grid(messages.EX_PDF_ACTION_COLUMNS, rows, widths))
    else:
        story.append(Paragraph(ps.esc(messages.EX_PDF_NO_ACTIONS), st.body))

    story.append(Spacer(1, 14))
    closing = messages.EX_PDF_CLOSING.format(fingerprint=record.short_fingerprint)
    story.append(KeepTogether([_note_box(closing)]))
    return _build(story, messages.EX_PDF_TITLE, messages.EX_PDF_SUBJECT, messages.EX_PDF_FOOTER)
