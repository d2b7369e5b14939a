"""One entry (or several) as a calm, readable PDF.

Each entry starts on its own page: what kind of entry it is, its title, when
it was written, who it was about (audience, client alias), the experience from
the sharing plan, and then, for a check before sharing, the traffic light with
the reasons that led to it and the advice. Ticked reasons and warning signs
follow with their short labels, then every answer under its question's own
wording, grouped by the sections of the question pack. Unknown question ids
(an organisation's removed question, say) are kept at the end.

Same typography as the other PDFs (:mod:`ips_reflect.export.pdfstyle`). The
file is written atomically and is NOT encrypted: callers warn first.
"""

from __future__ import annotations

import math
import os
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.platypus import (
    CondPageBreak,
    Flowable,
    KeepTogether,
    PageBreak,
    Paragraph,
    Spacer,
    Table,
)

from ips_reflect.core.check import LIGHT_ANSWER_KEY, LIGHT_NAMES, PLAN_EXPERIENCE_QUESTION, assess
from ips_reflect.core.content import Content, Item
from ips_reflect.core.entries import AnswerValue, Entry
from ips_reflect.core.plan import AUDIENCE_PLURALS, LEVEL_LABELS, SharingPlan, as_plan
from ips_reflect.export import pdfstyle as ps

__all__ = ["build_entries_pdf", "build_entry_pdf"]

KIND_LABELS = {
    "preparation": "Preparation",
    "before_check": "Check before sharing",
    "after_reflection": "Reflection after sharing",
    "journal": "Journal",
}
KIND_PACKS = {
    "preparation": ("preparation",),
    "before_check": ("before_sharing",),
    "after_reflection": ("after_sharing",),
    "journal": (),
}
AUDIENCE_WORDS = {
    "client": "A client",
    "employer": "An employer",
    "ips_team": "The IPS team",
    "clinical_team": "The clinical team",
}
LIGHT_COLOURS = {
    "green": colors.HexColor("#2E7D4F"),
    "amber": colors.HexColor("#B86E00"),
    "incomplete": colors.HexColor("#5C636A"),
    "red": colors.HexColor("#B3261E"),
}
LIGHT_SOFT = {
    "green": colors.HexColor("#E8F3EC"),
    "amber": colors.HexColor("#FBF1E1"),
    "incomplete": colors.HexColor("#ECEFF1"),
    "red": colors.HexColor("#FBE9E7"),
}
YES_NO = {"yes": "Yes", "no": "No", "unsure": "Unsure"}
#: Answer keys shown elsewhere (the light, the plan experience), not as answers.
HIDDEN_KEYS = {LIGHT_ANSWER_KEY, PLAN_EXPERIENCE_QUESTION}
FOOTER = "IPS Reflect · private: this PDF is not encrypted"


class LightMark(Flowable):
    """The traffic light as a shape with a mark, like the app: never colour alone."""

    def __init__(self, light: str, size: float = 15 * mm) -> None:
        super().__init__()
        self.light = light
        self.size = size

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        return self.size, self.size

    def draw(self) -> None:
        c = self.canv
        s = self.size
        fill = LIGHT_COLOURS.get(self.light, ps.MUTED)
        c.saveState()
        c.setFillColor(fill)
        c.setStrokeColor(fill)
        c.setLineJoin(1)
        if self.light == "green":
            c.circle(s / 2, s / 2, s / 2, stroke=0, fill=1)
        elif self.light == "amber":
            c.setLineWidth(s * 0.06)
            path = c.beginPath()
            path.moveTo(s / 2, s * 0.97)
            path.lineTo(s * 0.98, s * 0.08)
            path.lineTo(s * 0.02, s * 0.08)
            path.close()
            c.drawPath(path, stroke=1, fill=1)
        elif self.light == "incomplete":
            c.roundRect(0, 0, s, s, s * 0.18, stroke=0, fill=1)
        else:
            path = c.beginPath()
            r = s / 2
            for k in range(8):
                angle = math.pi / 8 + k * math.pi / 4
                x, y = r + r * math.cos(angle), r + r * math.sin(angle)
                if k == 0:
                    path.moveTo(x, y)
                else:
                    path.lineTo(x, y)
            path.close()
            c.drawPath(path, stroke=0, fill=1)
        c.setStrokeColor(colors.white)
        c.setLineWidth(s * 0.1)
        c.setLineCap(1)
        if self.light == "green":
            path = c.beginPath()
            path.moveTo(s * 0.3, s * 0.5)
            path.lineTo(s * 0.44, s * 0.35)
            path.lineTo(s * 0.71, s * 0.64)
            c.drawPath(path, stroke=1, fill=0)
        elif self.light == "amber":
            c.line(s / 2, s * 0.62, s / 2, s * 0.4)
            c.circle(s / 2, s * 0.23, s * 0.035, stroke=1, fill=1)
        elif self.light == "incomplete":
            c.setFillColor(colors.white)
            for x in (0.3, 0.5, 0.7):
                c.circle(s * x, s / 2, s * 0.05, stroke=0, fill=1)
        else:
            c.line(s * 0.3, s / 2, s * 0.7, s / 2)
        c.restoreState()


def _text_block(text: str, style: Any) -> list[Any]:
    return [Paragraph(ps.esc(p), style) for p in ps.paragraphs(text)]


def answer_text(item: Item | None, value: AnswerValue) -> str | list[str]:
    """An answer as people read it: "Yes", "4 of 5 (1 Badly, 5 Really well)", a choice..."""
    if isinstance(value, bool):
        return "Yes" if value else "No"
    if isinstance(value, list):
        return [str(v) for v in value]
    if item is not None and item.answer == "yes_no_unsure" and isinstance(value, str):
        return YES_NO.get(value, value)
    if item is not None and item.answer == "scale" and isinstance(value, int):
        ends = ""
        if item.scale_low and item.scale_high:
            ends = f" (1 {item.scale_low}, 5 {item.scale_high})"
        return f"{value} of 5{ends}"
    if item is not None and item.answer == "choice" and isinstance(value, str):
        for choice in item.choices:
            if choice.id == value:
                return choice.text
    return str(value)


def _label_list(content: Content, ids: Sequence[str]) -> list[str]:
    out = []
    for ref in ids:
        item = content.get(ref)
        out.append(item.label if item is not None else ref.replace("_", " "))
    return out


def _bullets(lines: Sequence[str], style: Any) -> list[Any]:
    return [Paragraph(ps.esc(line), style, bulletText="•") for line in lines]


def _meta_table(rows: list[tuple[str, str]]) -> Table:
    st = ps.styles()
    data = [[Paragraph(ps.esc(k), st.cell_head), Paragraph(ps.esc(v), st.cell)] for k, v in rows]
    table = Table(data, colWidths=[38 * mm, ps.FRAME_W - 38 * mm], hAlign="LEFT")
    table.setStyle(
        ps.padded_style(
            "TOP",
            0,
            6,
            2.5,
            2.5,
            ("LINEBELOW", (0, -1), (-1, -1), 0.6, ps.RULE),
            ("BOTTOMPADDING", (0, -1), (-1, -1), 8),
        )
    )
    return table


def _check_light(entry: Entry, content: Content) -> tuple[str, list[str], str]:
    """The light, reasons and advice of a check, as it was saved (or worked out again)."""
    from ips_reflect.core.check import ADVICE

    light = entry.answers.get(LIGHT_ANSWER_KEY)
    reasons = [line[2:].strip() for line in entry.body.splitlines() if line.startswith("- ")]
    if isinstance(light, str) and light in LIGHT_NAMES and reasons:
        return light, reasons, ADVICE[light]
    result = assess(content, entry.answers, entry.audience, entry.reasons, entry.warning_signs)
    if isinstance(light, str) and light in LIGHT_NAMES:
        return light, reasons or result.reasons, ADVICE[light]
    return result.light, result.reasons, result.advice


def _light_block(light: str, reasons: list[str], advice: str) -> Flowable:
    from ips_reflect.core.check import HEADLINES

    st = ps.styles()
    head = st.h1.clone(
        "ips-light-head", fontSize=15, leading=19, textColor=LIGHT_COLOURS[light], spaceAfter=3
    )
    text: list[Any] = [Paragraph(ps.esc(HEADLINES[light]), head)]
    text.append(Paragraph(ps.esc(advice), st.body_tight))
    inner = Table(
        [[LightMark(light), text]],
        colWidths=[21 * mm, ps.FRAME_W - 21 * mm],
        hAlign="LEFT",
    )
    inner.setStyle(
        ps.table_style(
            [
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("BACKGROUND", (0, 0), (-1, -1), LIGHT_SOFT[light]),
                ("LINEBEFORE", (0, 0), (0, -1), 3, LIGHT_COLOURS[light]),
                ("LEFTPADDING", (0, 0), (-1, -1), 10),
                ("RIGHTPADDING", (0, 0), (-1, -1), 10),
                ("TOPPADDING", (0, 0), (-1, -1), 10),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 10),
            ]
        )
    )
    parts: list[Any] = [inner, Spacer(1, 8)]
    if reasons:
        parts.append(Paragraph("What led to this", st.label))
        parts += _bullets(reasons, st.bullet)
    return KeepTogether(parts)


def entry_story(entry: Entry, content: Content, plan: SharingPlan | None = None) -> list[Any]:
    """The flowables for one entry (starting at the top of a page)."""
    st = ps.styles()
    kind = KIND_LABELS.get(entry.kind, entry.kind)
    story: list[Any] = [Paragraph(ps.esc(kind), st.label)]
    title = " ".join(entry.title.split()) or kind
    story.append(Paragraph(ps.esc(title), st.h1))

    rows = [("Written", ps.long_moment(entry.created))]
    if entry.updated:
        rows.append(("Last changed", ps.long_moment(entry.updated)))
    if entry.audience:
        rows.append(("Sharing with", AUDIENCE_WORDS.get(entry.audience, entry.audience)))
    if entry.client_alias:
        rows.append(("Client alias", entry.client_alias))
    exp_id = entry.answers.get(PLAN_EXPERIENCE_QUESTION)
    if isinstance(exp_id, str) and exp_id:
        exp = as_plan(plan).experience(exp_id) if plan is not None else None
        if exp is not None:
            text = exp.label
            level = exp.level(entry.audience) if entry.audience else None
            if level:
                who = AUDIENCE_PLURALS.get(entry.audience or "", "")
                text += f" (plan: {LEVEL_LABELS[level].lower()} for {who})"
            rows.append(("From my plan", text))
        else:
            rows.append(("From my plan", "an experience from the sharing plan"))
    if entry.linked_uid:
        rows.append(("Follows", "a check made before sharing"))
    if entry.tags:
        rows.append(("Tags", ", ".join(entry.tags)))
    if entry.bring_to_supervision:
        rows.append(("Supervision", "to bring to supervision"))
    story.append(_meta_table(rows))
    story.append(Spacer(1, 10))

    if entry.kind == "before_check":
        light, reasons, advice = _check_light(entry, content)
        story.append(_light_block(light, reasons, advice))
        story.append(Spacer(1, 6))
    elif entry.body.strip():
        story.append(Paragraph("Notes", st.label))
        story += _text_block(entry.body, st.body)

    if entry.reasons:
        story.append(Paragraph("Reasons for sharing", st.label))
        story += _bullets(_label_list(content, entry.reasons), st.bullet)
        story.append(Spacer(1, 4))
    if entry.warning_signs:
        story.append(Paragraph("Warning signs ticked", st.label))
        story += _bullets(_label_list(content, entry.warning_signs), st.bullet)
        story.append(Spacer(1, 4))

    story += _answers_story(entry, content)
    return story


def _answers_story(entry: Entry, content: Content) -> list[Any]:
    st = ps.styles()
    question = st.body_tight.clone(
        "ips-question", fontName=ps.BOLD, fontSize=9.5, leading=13.5, spaceAfter=2
    )
    section_style = st.h1.clone(
        "ips-section", fontSize=12.5, leading=16, spaceAfter=6, keepWithNext=1
    )
    answers = {k: v for k, v in entry.answers.items() if k not in HIDDEN_KEYS}
    done: set[str] = set()
    story: list[Any] = []

    def one(qid: str, item: Item | None, value: AnswerValue) -> list[Any]:
        wording = item.text if item is not None else qid
        shown = answer_text(item, value)
        block: list[Any] = [Paragraph(ps.esc(wording), question)]
        if isinstance(shown, list):
            block += _bullets(shown or ["(none)"], st.bullet)
        else:
            block += _text_block(shown, st.body) or [Paragraph("", st.body)]
        return [KeepTogether(block), Spacer(1, 2)]

    for pack_id in KIND_PACKS.get(entry.kind, ()):
        try:
            pack = content.pack(pack_id)
        except KeyError:
            continue
        for section in pack.sections:
            answered = [i for i in section.items if i.id in answers]
            if not answered:
                continue
            story.append(CondPageBreak(22 * mm))
            story.append(Paragraph(ps.esc(section.title), section_style))
            for item in answered:
                story += one(item.id, item, answers[item.id])
                done.add(item.id)
    rest = [k for k in answers if k not in done]
    if rest:
        story.append(CondPageBreak(22 * mm))
        story.append(Paragraph("Other answers", section_style))
        for qid in rest:
            story += one(qid, content.get(qid), answers[qid])
    return story


def build_entries_pdf(
    entries: Sequence[Entry],
    content: Content,
    out_path: str | os.PathLike[str],
    plan: SharingPlan | dict[str, Any] | None = None,
    title: str = "IPS Reflect entries",
) -> Path:
    """Write ``entries`` (each from a new page) to ``out_path`` atomically; returns the path."""
    the_plan = as_plan(plan) if plan is not None else None
    story: list[Any] = []
    for n, entry in enumerate(entries):
        if n:
            story.append(PageBreak())
        story += entry_story(entry, content, the_plan)
    if not story:
        story.append(Paragraph("There are no entries to show.", ps.styles().body))
    return save_entries_pdf(out_path, story, title=title, footer=FOOTER, band_label="IPS Reflect")


def save_entries_pdf(
    out_path: str | os.PathLike[str], story: list[Any], *, title: str, footer: str, **options: Any
) -> Path:
    """Lay out ``story`` (entries) on A4 pages into ``out_path``, atomically; returns the
    path. ``options`` go to :func:`pdfstyle.build_a4`."""
    target = Path(out_path)
    with ps.atomic_pdf(target) as tmp:
        ps.build_a4(
            tmp,
            story,
            title=title,
            subject="Private notes on sharing personal experience",
            footer=footer,
            **options,
        )
    return target


def build_entry_pdf(
    entry: Entry,
    content: Content,
    out_path: str | os.PathLike[str],
    plan: SharingPlan | dict[str, Any] | None = None,
) -> Path:
    """Write one entry to ``out_path`` as a PDF (atomically); returns the path.

    ``plan`` (optional) names the experience from the sharing plan in words.
    """
    title = " ".join(entry.title.split()) or KIND_LABELS.get(entry.kind, "Entry")
    return build_entries_pdf([entry], content, out_path, plan=plan, title=title)
