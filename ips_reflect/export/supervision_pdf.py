"""Supervision outputs as PDFs, built in memory: the pack and the session summary.

*The pack* holds only the entries the practitioner chose to bring to supervision
(:func:`ips_reflect.core.supervision.consented` is applied here again, whatever the
caller passed). A cover says what the pack is, how many entries it holds and when it
was made; then each entry follows with its kind, date, audience, client alias, the
traffic light of a check, the reasons and warning signs ticked (by name), the notes
and every answer under its question's wording. ``group=True`` prepares it for group
reflective practice: every client alias is replaced (alias field, title, notes,
answers, tags), see :func:`ips_reflect.core.supervision.anonymised`.

*The session summary* prints one session: date and supervisor, the agenda (an entry
item only when its entry is still consented), the supervisor's notes, the agreed
actions with their state, the SLEF self-ratings of the session with a plain-text
account of how they moved over time, and a line asking both people to keep a copy.

Both return bytes: nothing is written to disk here (entries are private); the
caller saves the bytes where the user chose. Same typography as the other PDFs
(:mod:`ips_reflect.export.pdfstyle`). Plain Python and reportlab, no Qt.
"""

from __future__ import annotations

import io
from collections.abc import Iterable, Mapping, Sequence
from datetime import date
from typing import Any

from reportlab.lib.units import mm
from reportlab.platypus import (
    CondPageBreak,
    KeepTogether,
    PageBreak,
    Paragraph,
    Spacer,
    Table,
)
from reportlab.platypus.flowables import HRFlowable

from ips_reflect import messages
from ips_reflect.core.check import LIGHT_ANSWER_KEY, LIGHT_NAMES
from ips_reflect.core.content import Content
from ips_reflect.core.entries import Entry
from ips_reflect.core.supervision import (
    ALIAS_PLACEHOLDER,
    SLEF_AREAS,
    Action,
    AgendaItem,
    Session,
    action_state,
    anonymised,
    consented,
    entry_heading,
    rating_series,
    rating_summary,
)
from ips_reflect.errors import PrivacyGateError
from ips_reflect.export import pdfstyle as ps
from ips_reflect.export.entry_pdf import (
    KIND_LABELS,
    _answers_story,
    _bullets,
    _check_light,
    _label_list,
    _light_block,
    _meta_table,
    _text_block,
)

__all__ = ["session_summary_pdf", "supervision_pack_pdf"]


# --------------------------------------------------------------------------- helpers


def _day(iso: str | None) -> str:
    """ "2 March 2026" for an ISO date or timestamp; the text itself if it is not one."""
    if not iso:
        return ""
    try:
        return ps.long_date(date.fromisoformat(iso[:10]))
    except ValueError:
        return iso


def _kind(entry: Entry) -> str:
    return KIND_LABELS.get(entry.kind, entry.kind.replace("_", " "))


def _heading_style(size: float = 14) -> Any:
    return ps.styles().h1.clone(
        f"ips-sup-h{size}",
        fontSize=size,
        leading=size * 1.3,
        spaceBefore=10,
        spaceAfter=6,
        keepWithNext=1,
    )


def _build(story: list[Any], title: str, subject: str, footer: str) -> bytes:
    """Lay out ``story`` on A4 with the band ("IPS Reflect · ``title``") and numbered
    footer; the PDF as bytes."""
    buf = io.BytesIO()
    band = f"IPS Reflect · {title}"
    with ps.pdf_output(buf) as out:
        ps.build_a4(out, story, title=title, subject=subject, footer=footer, band_label=band)
    return buf.getvalue()


def _grid(
    header: Sequence[str], rows: list[list[Any]], widths: Sequence[float], *, zebra: bool = True
) -> Table:
    """A table with a header row that repeats on each page and quiet row rules."""
    st = ps.styles()
    data: list[list[Any]] = [[Paragraph(ps.esc(h), st.cell_head) for h in header], *rows]
    table = Table(data, colWidths=list(widths), hAlign="LEFT", repeatRows=1)
    commands: list[tuple[Any, ...]] = [
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LEFTPADDING", (0, 0), (-1, -1), 5),
        ("RIGHTPADDING", (0, 0), (-1, -1), 5),
        ("TOPPADDING", (0, 0), (-1, -1), 4),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 5),
        ("BACKGROUND", (0, 0), (-1, 0), ps.ACCENT_SOFT),
        ("LINEBELOW", (0, 0), (-1, 0), 0.8, ps.ACCENT),
        ("LINEBELOW", (0, 1), (-1, -1), 0.4, ps.RULE),
    ]
    if zebra:
        commands += [
            ("BACKGROUND", (0, r), (-1, r), ps.ACCENT_FAINT) for r in range(2, len(data), 2)
        ]
    table.setStyle(ps.table_style(commands))
    return table


def _cell(text: str, style: Any | None = None) -> Paragraph:
    return Paragraph(ps.esc(text), style or ps.styles().cell)


def _note_box(text: str) -> Table:
    st = ps.styles()
    box = Table([[Paragraph(ps.esc(text), st.body_tight)]], colWidths=[ps.FRAME_W])
    box.setStyle(
        ps.table_style(
            [
                ("BACKGROUND", (0, 0), (-1, -1), ps.ACCENT_FAINT),
                ("LINEBEFORE", (0, 0), (0, -1), 3, ps.ACCENT),
                ("LEFTPADDING", (0, 0), (-1, -1), 10),
                ("RIGHTPADDING", (0, 0), (-1, -1), 10),
                ("TOPPADDING", (0, 0), (-1, -1), 8),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 9),
            ]
        )
    )
    return box


# --------------------------------------------------------------------------- the pack


def _pack_cover(
    entries: Sequence[Entry], generated: date, group: bool, since: date | None
) -> list[Any]:
    st = ps.styles()
    story: list[Any] = [Paragraph("IPS Reflect", st.label)]
    story.append(Paragraph(ps.esc(messages.SUP_PACK_TITLE), st.title))
    made = ps.long_date(generated)
    if not entries:
        story.append(Paragraph(ps.esc(messages.SUP_PACK_EMPTY_HEAD), st.subtitle))
        story.append(Spacer(1, 8))
        if since is not None:
            text = messages.SUP_PACK_EMPTY_SINCE.format(date=ps.long_date(since))
            story.append(Paragraph(ps.esc(text), st.body))
        story.append(Paragraph(ps.esc(messages.SUP_PACK_EMPTY_HOW), st.body))
        story.append(Spacer(1, 6))
        story.append(Paragraph(ps.esc(messages.SUP_PACK_EMPTY_PRIVATE), st.small))
        return story
    n = len(entries)
    count = (
        messages.SUP_PACK_COUNT_ONE.format(date=made)
        if n == 1
        else messages.SUP_PACK_COUNT_MANY.format(count=n, date=made)
    )
    story.append(Paragraph(ps.esc(count), st.subtitle))
    story.append(Spacer(1, 6))
    story.append(Paragraph(ps.esc(messages.SUP_PACK_INTRO), st.body))
    if since is not None:
        story.append(
            Paragraph(ps.esc(messages.SUP_PACK_SINCE.format(date=ps.long_date(since))), st.body)
        )
    if group:
        story.append(_note_box(messages.SUP_PACK_GROUP.format(placeholder=ALIAS_PLACEHOLDER)))
        story.append(Spacer(1, 8))
    story.append(Paragraph(ps.esc(messages.SUP_PACK_PRIVATE), st.small))
    story.append(Spacer(1, 14))
    story.append(Paragraph(ps.esc(messages.SUP_PACK_CONTENTS), st.label))
    rows = [
        [_cell(_day(e.created)), _cell(_kind(e)), _cell(entry_heading(e, KIND_LABELS))]
        for e in entries
    ]
    story.append(_grid(messages.SUP_PACK_COLUMNS, rows, [34 * mm, 46 * mm, ps.FRAME_W - 80 * mm]))
    return story


def _pack_entry(entry: Entry, content: Content) -> list[Any]:
    st = ps.styles()
    story: list[Any] = [
        Paragraph(ps.esc(f"{_kind(entry)} · {_day(entry.created)}"), st.label),
        Paragraph(ps.esc(" ".join(entry_heading(entry, KIND_LABELS).split())), _heading_style(16)),
    ]
    rows = [(messages.SUP_PACK_WRITTEN, ps.long_moment(entry.created))]
    if entry.audience:
        who = messages.SUP_PACK_AUDIENCES.get(entry.audience, entry.audience.replace("_", " "))
        rows.append((messages.SUP_PACK_WITH, who))
    if entry.client_alias:
        rows.append((messages.SUP_PACK_ALIAS, entry.client_alias))
    if entry.tags:
        rows.append((messages.SUP_PACK_TAGS, ", ".join(entry.tags)))
    story.append(_meta_table(rows))
    story.append(Spacer(1, 8))

    light = entry.answers.get(LIGHT_ANSWER_KEY)
    if entry.kind == "before_check" and isinstance(light, str) and light in LIGHT_NAMES:
        # A check's notes are the assessment it showed; the block below is that, laid out.
        light, reasons, advice = _check_light(entry, content)
        story.append(_light_block(light, reasons, advice))
        story.append(Spacer(1, 4))
    elif entry.body.strip():
        story.append(Paragraph(ps.esc(messages.SUP_PACK_NOTES), st.label))
        story += _text_block(entry.body, st.body)

    if entry.reasons:
        story.append(Paragraph(ps.esc(messages.SUP_PACK_REASONS), st.label))
        story += _bullets(_label_list(content, entry.reasons), st.bullet)
        story.append(Spacer(1, 4))
    if entry.warning_signs:
        story.append(Paragraph(ps.esc(messages.SUP_PACK_SIGNS), st.label))
        story += _bullets(_label_list(content, entry.warning_signs), st.bullet)
        story.append(Spacer(1, 4))
    story += _answers_story(entry, content)
    return story


def supervision_pack_pdf(
    entries: Sequence[Entry],
    content: Content,
    *,
    group: bool = False,
    generated: date | None = None,
    since: date | None = None,
    extra_aliases: Iterable[str] | None = None,
) -> bytes:
    """The entries the practitioner chose to bring to supervision, as a PDF (bytes).

    Unmarked or binned entries are dropped here even if the caller passed them.
    ``group``: replace every client alias (those of the entries and ``extra_aliases``,
    every alias in the vault) with a placeholder, for group reflective practice. A
    group pack without ``extra_aliases`` is refused (:class:`PrivacyGateError`): a
    caller that could not read the aliases must not get a pack with one left in.
    ``since`` is only mentioned on the cover (the caller filters). Entries are printed
    oldest first.
    """
    allowed = consented(entries)
    if group:
        if extra_aliases is None:
            raise PrivacyGateError(messages.SUP_GROUP_ALIASES_UNREADABLE)
        allowed = anonymised(allowed, extra_aliases=extra_aliases)
    allowed.sort(key=lambda e: e.created)
    story = _pack_cover(allowed, generated or date.today(), group, since)
    for n, entry in enumerate(allowed):
        if n == 0:
            story.append(PageBreak())
        else:
            story.append(CondPageBreak(70 * mm))
            story.append(Spacer(1, 10))
            story.append(HRFlowable(width="100%", thickness=0.8, color=ps.RULE, spaceAfter=12))
        story += _pack_entry(entry, content)
    return _build(
        story, messages.SUP_PACK_TITLE, messages.SUP_PACK_SUBJECT, messages.SUP_PACK_FOOTER
    )


# --------------------------------------------------------------------------- the summary


def _area_name(content: Content, area: str) -> str:
    try:
        return content.section(f"slef.{area}").title
    except KeyError:
        return area.capitalize()


def _dots(rating: int) -> str:
    rating = max(0, min(5, rating))
    on = ps.ACCENT.hexval()[2:]
    off = ps.MUTED.hexval()[2:]
    # Filled and hollow dots, so the rating reads without colour (and copies as text).
    filled, empty = "●" * rating, "○" * (5 - rating)
    return f'<font color="#{on}">{filled}</font><font color="#{off}">{empty}</font>'


def _agenda_rows(items: Sequence[AgendaItem]) -> list[list[Any]]:
    st = ps.styles()
    title_style = st.cell.clone("ips-sup-item", fontName=ps.BOLD)
    detail_style = st.cell.clone("ips-sup-detail", fontSize=8.5, leading=12, textColor=ps.MUTED)
    quote_style = st.cell.clone(
        "ips-sup-quote", fontName=ps.ITALIC, fontSize=8.5, leading=12, textColor=ps.ACCENT_DARK
    )
    rows: list[list[Any]] = []
    for item in items:
        what: list[Any] = [_cell(item.title or item.ref, title_style)]
        if item.detail.strip():
            what.append(_cell(" ".join(item.detail.split()), detail_style))
        evidence = item.extra.get("evidence", "") if item.kind == "flag" else ""
        if evidence.strip():
            words = " ".join(evidence.split())
            what.append(_cell(messages.SUP_SUMMARY_EVIDENCE.format(evidence=words), quote_style))
        discussed = (
            messages.SUP_SUMMARY_DISCUSSED if item.discussed else messages.SUP_SUMMARY_NOT_DISCUSSED
        )
        note = [_cell(p) for p in ps.paragraphs(item.note)] or [_cell("")]
        rows.append(
            [
                _cell(messages.SUP_SUMMARY_KINDS.get(item.kind, item.kind)),
                what,
                _cell(discussed),
                note,
            ]
        )
    return rows


def _action_rows(actions: Sequence[Action], today: date) -> list[list[Any]]:
    st = ps.styles()
    strong = st.cell.clone("ips-sup-state", fontName=ps.BOLD, textColor=ps.ACCENT_DARK)
    rows: list[list[Any]] = []
    for action in actions:
        state = action_state(action.due_on, action.done_on, today)
        shown = messages.SUP_ACTION_STATES.get(state, state)
        if state == "done" and action.done_on:
            shown = messages.SUP_ACTION_DONE_ON.format(date=_day(action.done_on))
        due = _day(action.due_on) if action.due_on else messages.SUP_SUMMARY_NO_DUE
        rows.append(
            [
                [_cell(p) for p in ps.paragraphs(action.text)] or [_cell("")],
                _cell(due),
                _cell(shown, strong if state in ("overdue", "due") else None),
            ]
        )
    return rows


def session_summary_pdf(
    session: Session,
    agenda: Sequence[AgendaItem],
    actions: Sequence[Action],
    ratings: Mapping[str, int],
    content: Content,
    *,
    history: Sequence[tuple[str, str, int]] = (),
    entries: Sequence[Entry] = (),
    generated: date | None = None,
) -> bytes:
    """One supervision session as a PDF (bytes).

    ``agenda`` comes from :func:`~ips_reflect.core.supervision.resolve_agenda`; entry
    items are printed only when their entry is in ``consented(entries)`` (none at all
    when ``entries`` is empty). ``history``: (held_on, area, rating) rows for the text
    account of the ratings over time. ``generated`` is "today" (action states, the
    date on the page).
    """
    st = ps.styles()
    today = generated or date.today()
    allowed = {e.uid for e in consented(entries)}
    items = [i for i in agenda if i.kind != "entry" or i.ref in allowed]

    story: list[Any] = [Paragraph("IPS Reflect", st.label)]
    story.append(
        Paragraph(
            ps.esc(messages.SUP_SUMMARY_TITLE),
            st.title.clone("ips-sup-title", fontSize=26, leading=31, spaceAfter=10),
        )
    )
    supervisor = " ".join(session.supervisor.split()) or messages.SUP_SUMMARY_NO_SUPERVISOR
    story.append(
        _meta_table(
            [
                (messages.SUP_SUMMARY_DATE, _day(session.held_on)),
                (messages.SUP_SUMMARY_SUPERVISOR, supervisor),
                (messages.SUP_SUMMARY_MADE, ps.long_date(today)),
            ]
        )
    )

    story.append(Paragraph(ps.esc(messages.SUP_SUMMARY_AGENDA), _heading_style()))
    if items:
        widths = [18 * mm, 74 * mm, 24 * mm, ps.FRAME_W - 116 * mm]
        story.append(_grid(messages.SUP_SUMMARY_AGENDA_COLUMNS, _agenda_rows(items), widths))
    else:
        story.append(Paragraph(ps.esc(messages.SUP_SUMMARY_AGENDA_EMPTY), st.body))

    story.append(Paragraph(ps.esc(messages.SUP_SUMMARY_NOTES), _heading_style()))
    notes = _text_block(session.notes, st.body)
    story += notes or [Paragraph(ps.esc(messages.SUP_SUMMARY_NOTES_EMPTY), st.body)]

    story.append(Paragraph(ps.esc(messages.SUP_SUMMARY_ACTIONS), _heading_style()))
    if actions:
        widths = [ps.FRAME_W - 78 * mm, 32 * mm, 46 * mm]
        rows = _action_rows(actions, today)
        story.append(_grid(messages.SUP_SUMMARY_ACTIONS_COLUMNS, rows, widths))
    else:
        story.append(Paragraph(ps.esc(messages.SUP_SUMMARY_ACTIONS_EMPTY), st.body))

    story.append(CondPageBreak(60 * mm))
    story.append(Paragraph(ps.esc(messages.SUP_SUMMARY_RATINGS), _heading_style()))
    rated = {a: int(r) for a, r in ratings.items() if a in SLEF_AREAS}
    if rated:
        rows = []
        for area in SLEF_AREAS:
            if area in rated:
                value = rated[area]
                shown = f"{_dots(value)}&nbsp;&nbsp;" + ps.esc(
                    messages.SUP_SUMMARY_RATING.format(rating=value)
                )
                cell = Paragraph(shown, st.cell)
            else:
                cell = _cell(messages.SUP_SUMMARY_NOT_RATED, st.small)
            rows.append([_cell(_area_name(content, area)), cell])
        story.append(
            _grid(messages.SUP_SUMMARY_RATINGS_COLUMNS, rows, [60 * mm, 60 * mm], zebra=False)
        )
    else:
        story.append(Paragraph(ps.esc(messages.SUP_SUMMARY_RATINGS_EMPTY), st.body))
    over_time = rating_summary(rating_series(history))
    if over_time:
        story.append(Spacer(1, 8))
        story.append(Paragraph(ps.esc(messages.SUP_SUMMARY_OVER_TIME), st.label))
        story += _bullets(over_time, st.bullet)

    story.append(Spacer(1, 14))
    story.append(KeepTogether([_note_box(messages.SUP_SUMMARY_KEEP_COPY)]))
    return _build(
        story, messages.SUP_SUMMARY_TITLE, messages.SUP_SUMMARY_SUBJECT, messages.SUP_SUMMARY_FOOTER
    )
