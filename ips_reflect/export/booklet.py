"""The "Meet the team" booklet: one PDF from every practitioner's biography card.

Layout: a cover (title, service, date, how many people), a contents page with
page numbers, one section per person (photo, name, pronouns, role, biography,
why they do this work, interests, previous jobs, sectors, languages, what they
are happy to share), and a team expertise directory at the end: each sector
with the colleagues who know it from their own working lives, and each
language with who speaks it. The paper suggests exactly this: biographies for
everyone, and full employment histories so colleagues can use each other's
sector knowledge.

The file is written atomically: built in a private temporary file beside the
target, then moved into place, so a failure never leaves half a PDF.
"""

from __future__ import annotations

import datetime as dt
import os
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, BinaryIO

from reportlab.lib.units import mm
from reportlab.platypus import (
    BaseDocTemplate,
    CondPageBreak,
    Flowable,
    Frame,
    NextPageTemplate,
    PageBreak,
    PageTemplate,
    Paragraph,
    Spacer,
    Table,
)
from reportlab.platypus.tableofcontents import TableOfContents

from ips_reflect.core.biocard import BioCard, card_photo_bytes, name_sort_key
from ips_reflect.errors import UserError
from ips_reflect.export import pdfstyle as ps
from ips_reflect.export.pdfstyle import esc

__all__ = ["BookletResult", "build_booklet", "expertise_directory", "order_cards", "person_story"]

ORDERS = ("name", "given", "role")


@dataclass(frozen=True)
class BookletResult:
    path: Path | None  # None when the booklet was written to a file object
    people: int
    pages: int


# --------------------------------------------------------------------------- model


def _merge_key(term: str) -> str:
    return " ".join(term.split()).casefold()


def _display(variants: Counter[str]) -> str:
    # The most common spelling wins; ties go to the one with capitals, then alphabetical.
    best = sorted(variants.items(), key=lambda kv: (-kv[1], kv[0].islower(), kv[0]))[0][0]
    return best[0].upper() + best[1:] if best.islower() else best


def _directory(pairs: Iterable[tuple[str, BioCard]]) -> list[tuple[str, list[str]]]:
    spellings: dict[str, Counter[str]] = {}
    people: dict[str, dict[tuple[str, ...], str]] = {}
    for term, card in pairs:
        key = _merge_key(term)
        if not key:
            continue
        spellings.setdefault(key, Counter())[" ".join(term.split())] += 1
        people.setdefault(key, {})[card.sort_key] = card.name
    rows = []
    for key, variants in spellings.items():
        names = [people[key][k] for k in sorted(people[key])]
        rows.append((_display(variants), names))
    rows.sort(key=lambda row: (name_sort_key(row[0]), row[0]))
    return rows


def expertise_directory(
    cards: Sequence[BioCard],
) -> tuple[list[tuple[str, list[str]]], list[tuple[str, list[str]]]]:
    """(sectors, languages): each term (merged case-insensitively) with who to ask, sorted."""
    sectors = _directory((s, c) for c in cards for s in c.sectors)
    languages = _directory((lang, c) for c in cards for lang in c.languages)
    return sectors, languages


def order_cards(cards: Sequence[BioCard], order: str | Sequence[str] | None) -> list[BioCard]:
    """Cards in booklet order.

    ``None`` or ``"name"``: by the name people are known by, whole as they write it
    (accents and case ignored; see :attr:`BioCard.sort_key`); ``"given"``: as
    passed; ``"role"``: by role, then name; a list of names: those first, in
    that order, then everyone else by name.
    """
    by_name = sorted(cards, key=lambda c: c.sort_key)
    if order is None or order == "name":
        return by_name
    if order == "given":
        return list(cards)
    if order == "role":
        return sorted(cards, key=lambda c: (name_sort_key(c.role), c.sort_key))
    if isinstance(order, str):
        raise ValueError(f"unknown order {order!r}; use one of {', '.join(ORDERS)} or a list")
    rank = {name_sort_key(n): i for i, n in enumerate(order)}
    return sorted(
        by_name,
        key=lambda c: rank.get(name_sort_key(c.name), rank.get(name_sort_key(c.called), len(rank))),
    )


# --------------------------------------------------------------------------- flowables


class _Band(Flowable):
    """Flowables drawn on a soft full-width band that runs to the top of the page."""

    def __init__(self, content: list[Flowable], top: float, bottom: float) -> None:
        super().__init__()
        self.content = content
        self.top = top
        self.bottom = bottom
        self._sizes: list[tuple[float, float]] = []

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        self._sizes = [f.wrap(avail_width, avail_height) for f in self.content]
        inner = sum(
            h + f.getSpaceAfter() for f, (_w, h) in zip(self.content, self._sizes, strict=True)
        )
        self.width = avail_width
        self.height = self.top + inner + self.bottom
        return self.width, self.height

    def draw(self) -> None:
        c = self.canv
        c.saveState()
        c.setFillColor(ps.ACCENT_SOFT)
        c.rect(-ps.MARGIN_X, 0, ps.PAGE_W, self.height + ps.MARGIN_TOP, stroke=0, fill=1)
        c.setFillColor(ps.ACCENT)
        c.rect(-ps.MARGIN_X, 0, ps.PAGE_W, 2.2 * mm, stroke=0, fill=1)
        c.restoreState()
        y = self.height - self.top
        for f, (_w, h) in zip(self.content, self._sizes, strict=True):
            y -= h
            f.drawOn(c, 0, y)
            y -= f.getSpaceAfter()


class _Mosaic(Flowable):
    """Everyone's portrait with the name they are known by, sized to fill the space left
    on the cover."""

    GAP = 4 * mm
    LABEL = 5.5 * mm
    MAX_CELL = 24 * mm
    MIN_CELL = 11 * mm

    def __init__(self, cards: Sequence[BioCard], reserve: float) -> None:
        super().__init__()
        self.cards = list(cards)
        self.reserve = reserve
        self.cols = 0
        self.cell = 0.0

    def _layout(self, width: float, height: float) -> tuple[int, float]:
        # The biggest portraits that fit; among equals, the fewest rows.
        n = len(self.cards)
        best: tuple[float, int] = (0.0, 0)
        for cols in range(1, 13):
            cell = min(self.MAX_CELL, (width - (cols - 1) * self.GAP) / cols)
            rows = -(-n // cols)
            if cell >= self.MIN_CELL and rows * (cell + self.LABEL + self.GAP) <= height:
                best = max(best, (cell, cols))
            if cols >= n:
                break
        cell, cols = best
        if cols:  # same number of rows, but balanced: 8 people as 4 + 4, not 6 + 2
            rows = -(-n // cols)
            cols = -(-n // rows)
        return cols, cell

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        self.cols, self.cell = self._layout(avail_width, avail_height - self.reserve)
        self.width = avail_width
        if not self.cols:
            self.height = 0
            return avail_width, 0
        rows = -(-len(self.cards) // self.cols)
        self.height = rows * (self.cell + self.LABEL + self.GAP)
        return self.width, self.height

    def draw(self) -> None:
        if not self.cols:
            return
        c = self.canv
        step = self.cell + self.GAP
        n = len(self.cards)
        for i, card in enumerate(self.cards):
            row, col = divmod(i, self.cols)
            in_row = min(self.cols, n - row * self.cols)
            x = (self.width - (in_row * step - self.GAP)) / 2 + col * step
            y = self.height - (row + 1) * (self.cell + self.LABEL + self.GAP) + self.LABEL
            photo = _card_photo(card)
            ps.Portrait(photo, card.name, self.cell, self.cell, radius=2.2 * mm).drawOn(c, x, y)
            # The name they are known by, whole: the first word is not everyone's first name.
            label, size = card.called, 7.5
            room = self.cell + self.GAP
            while c.stringWidth(label, ps.REGULAR, size) > room and size > 6:
                size -= 0.5
            while c.stringWidth(label, ps.REGULAR, size) > room and len(label) > 2:
                label = label[:-2] + "…"
            c.setFont(ps.REGULAR, size)
            c.setFillColor(ps.MUTED)
            c.drawCentredString(x + self.cell / 2, y - self.LABEL + 1.6 * mm, label)


def _tidy(item: str) -> str:
    """A list entry for display: an all-lower-case entry gets a capital first letter."""
    return item[0].upper() + item[1:] if item[:1].islower() else item


def _label(text: str) -> Paragraph:
    return Paragraph(esc(text), ps.styles().label)


def _inline_list(items: Sequence[str]) -> str:
    return " · ".join(esc(_tidy(i)) for i in items)


def _card_photo(card: BioCard) -> ps.PhotoSource | None:
    """The card's photo from the bytes checked when the card was read (never the
    path read again unchecked), or None."""
    data = card_photo_bytes(card)
    return ps.prepare_photo(data) if data else None


def person_story(
    card: BioCard,
    *,
    photo_size: float = 36 * mm,
    name_style: Any = None,
    toc: tuple[int, str, str] | None = None,
    photo_data: bytes | None = None,
) -> list[Flowable]:
    """The flowables for one person: header with photo, biography, details.

    ``photo_data`` (PNG or JPEG bytes) is used instead of ``card.photo`` when given.
    """
    st = ps.styles()
    photo = ps.prepare_photo(photo_data) if photo_data else _card_photo(card)
    portrait = ps.Portrait(photo, card.name, photo_size, photo_size, radius=3.2 * mm)
    who: list[Flowable] = [Paragraph(esc(card.name), name_style or st.name)]
    if card.known_as and card.known_as != card.name:
        who.append(Paragraph(esc(f"Known as {card.known_as}"), st.pronouns))
    if card.pronouns:
        who.append(Paragraph(esc(card.pronouns), st.pronouns))
    who.append(Paragraph(esc(card.role), st.role))
    header = Table(
        [[portrait, who]],
        colWidths=[photo_size + 7 * mm, None],
        # 5 mm of space under the photo
        style=ps.padded_style(
            "MIDDLE", 0, 0, 0, 5 * mm, ("LINEBELOW", (0, 0), (-1, 0), 0.6, ps.RULE)
        ),
    )
    if toc:
        setattr(header, "_toc", toc)  # noqa: B010 - reportlab flowables take attributes
    story: list[Flowable] = [header, Spacer(1, 5 * mm)]
    story += [Paragraph(esc(p), st.body) for p in ps.paragraphs(card.biography)]

    if card.why_i_do_this_work:
        inner: list[Flowable] = [_label("Why I do this work")]
        inner += [Paragraph(esc(p), st.quote) for p in ps.paragraphs(card.why_i_do_this_work)]
        panel = Table(
            [[inner]],
            colWidths=[None],
            style=ps.table_style(
                [
                    ("BACKGROUND", (0, 0), (-1, -1), ps.ACCENT_FAINT),
                    ("LINEBEFORE", (0, 0), (0, -1), 2.4, ps.ACCENT),
                    ("LEFTPADDING", (0, 0), (-1, -1), 4.5 * mm),
                    ("RIGHTPADDING", (0, 0), (-1, -1), 4.5 * mm),
                    ("TOPPADDING", (0, 0), (-1, -1), 3.2 * mm),
                    ("BOTTOMPADDING", (0, 0), (-1, -1), 1.2 * mm),
                ]
            ),
        )
        story += [Spacer(1, 2.5 * mm), panel]

    facts = [
        ("Interests", card.interests),
        ("Previous jobs", card.previous_jobs),
        ("Sectors I know", card.sectors),
        ("Languages", card.languages),
    ]
    cells = [
        [_label(title), Paragraph(_inline_list(items), st.cell)] for title, items in facts if items
    ]
    if cells:
        rows = [cells[i : i + 2] for i in range(0, len(cells), 2)]
        if len(rows[-1]) == 1:
            rows[-1].append([])
        grid = Table(
            rows,
            colWidths=[ps.FRAME_W / 2] * 2,
            style=ps.padded_style("TOP", 0, 6 * mm, 0, 4.5 * mm),
        )
        story += [Spacer(1, 5.5 * mm), grid]

    if card.happy_to_share:
        share: list[Flowable] = [_label("Happy to share with you")]
        share += [
            Paragraph(esc(_tidy(item)), st.bullet, bulletText="•") for item in card.happy_to_share
        ]
        story += [Spacer(1, 1 * mm), *share]
    return story


# --------------------------------------------------------------------------- document


COVER_NOTE = (
    "There are no personal phone numbers, e-mail or home addresses in this booklet. "
    "To contact any of us, please get in touch through the service."
)


def _cover_note(canv: Any, _doc: Any) -> None:
    """The privacy note, at the foot of the cover."""
    note = Paragraph(COVER_NOTE, ps.styles().small)
    _w, h = note.wrap(ps.FRAME_W, ps.MARGIN_BOTTOM)
    y = ps.MARGIN_BOTTOM - 4 * mm - h
    canv.saveState()
    canv.setStrokeColor(ps.RULE)
    canv.setLineWidth(0.6)
    canv.line(ps.MARGIN_X, y + h + 2.5 * mm, ps.PAGE_W - ps.MARGIN_X, y + h + 2.5 * mm)
    canv.restoreState()
    note.drawOn(canv, ps.MARGIN_X, y)


class _BookletDoc(BaseDocTemplate):
    def __init__(self, filename: str | BinaryIO, **kwargs: Any) -> None:
        super().__init__(
            filename,
            pagesize=ps.PAGE,
            leftMargin=ps.MARGIN_X,
            rightMargin=ps.MARGIN_X,
            topMargin=ps.MARGIN_TOP,
            bottomMargin=ps.MARGIN_BOTTOM,
            **kwargs,
        )
        frame = Frame(
            ps.MARGIN_X,
            ps.MARGIN_BOTTOM,
            ps.FRAME_W,
            ps.PAGE_H - ps.MARGIN_TOP - ps.MARGIN_BOTTOM,
            leftPadding=0,
            rightPadding=0,
            topPadding=0,
            bottomPadding=0,
            id="body",
        )
        self.addPageTemplates(
            [
                PageTemplate("cover", [frame], onPage=_cover_note),
                PageTemplate("page", [frame]),
            ]
        )

    def afterFlowable(self, flowable: Flowable) -> None:
        entry = getattr(flowable, "_toc", None)
        if entry is None:
            return
        level, text, key = entry
        self.canv.bookmarkPage(key)
        plain = text.replace("&amp;", "&").replace("&lt;", "<").replace("&gt;", ">")
        self.canv.addOutlineEntry(plain.replace("&quot;", '"'), key, level, closed=True)
        self.notify("TOCEntry", (level, text, self.page, key))


def _cover(
    title: str, service: str | None, cards: Sequence[BioCard], today: dt.date
) -> list[Flowable]:
    st = ps.styles()
    band_content: list[Flowable] = [
        Paragraph("IPS · Individual Placement and Support", st.label),
        Spacer(1, 3 * mm),
        Paragraph(esc(title), st.title),
    ]
    if service:
        band_content.append(Paragraph(esc(service), st.subtitle))
    story: list[Flowable] = [_Band(band_content, top=32 * mm, bottom=14 * mm), Spacer(1, 12 * mm)]
    people = len(cards)
    count = f"{people} {'person' if people == 1 else 'people'}"
    story.append(Paragraph(f"{count} · {ps.long_date(today)}", st.role))
    story.append(Spacer(1, 6 * mm))
    intro = (
        "Everyone in the team has written a few lines about themselves: what they do, "
        "why they do it, the jobs they have had and what they enjoy outside work. "
        "We hope it helps you get to know us before we meet."
    )
    story.append(Paragraph(intro, st.body))
    story.append(
        Paragraph(
            "At the back, a directory shows which sectors each of us knows from our own "
            "working lives, and the languages we speak, so colleagues know who to ask.",
            st.body,
        )
    )
    story += [Spacer(1, 7 * mm), _Mosaic(cards, reserve=12 * mm)]
    return story


class _Contents(TableOfContents):
    """Contents as a tidy table: name, role, page number (all linked to the page).

    Seeded with every entry (page 0) so the first pass already has the final
    number of rows and the build settles in two passes.
    """

    def __init__(self, entries: Sequence[tuple[str, str, str]]) -> None:
        super().__init__()
        self.roles = {key: role for _name, role, key in entries}
        self._entries = [(0, esc(name), 0, key) for name, _role, key in entries]

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        st = ps.styles()
        rows: list[list[Any]] = []
        for _level, text, page, key in self._lastEntries:
            role = self.roles.get(key, "")
            rows.append(
                [
                    Paragraph(f'<a href="#{key}">{text}</a>', st.toc),
                    Paragraph(esc(role), st.toc_role),
                    Paragraph(f'<a href="#{key}">{page or ""}</a>', st.toc_page),
                ]
            )
        if not rows:
            rows = [["", "", ""]]
        self._table = Table(
            rows,
            colWidths=[avail_width * 0.46, avail_width * 0.44, avail_width * 0.10],
            style=ps.table_style(
                [
                    ("VALIGN", (0, 0), (-1, -1), "BOTTOM"),
                    ("LINEBELOW", (0, 0), (-1, -1), 0.4, ps.RULE),
                    ("LEFTPADDING", (0, 0), (-1, -1), 0),
                    ("RIGHTPADDING", (0, 0), (-1, -1), 2 * mm),
                    ("RIGHTPADDING", (-1, 0), (-1, -1), 0),
                    ("TOPPADDING", (0, 0), (-1, -1), 2.1 * mm),
                    ("BOTTOMPADDING", (0, 0), (-1, -1), 2.1 * mm),
                ]
            ),
        )
        return self._table.wrap(avail_width, avail_height)


def _contents(entries: Sequence[tuple[str, str, str]]) -> list[Flowable]:
    st = ps.styles()
    return [Paragraph("Contents", st.h1), Spacer(1, 1 * mm), _Contents(entries)]


def _directory_story(cards: Sequence[BioCard]) -> list[Flowable]:
    st = ps.styles()
    sectors, languages = expertise_directory(cards)
    heading = Paragraph("Team expertise directory", st.h1)
    setattr(heading, "_toc", (0, "Team expertise directory", "directory"))  # noqa: B010
    story: list[Flowable] = [
        heading,
        Paragraph(
            "Many of us worked in other jobs before IPS. If you are supporting someone "
            "towards work in one of these sectors, or would like help in another language, "
            "ask a colleague listed here.",
            st.body,
        ),
        Spacer(1, 3 * mm),
    ]

    def table(head: tuple[str, str], rows: list[tuple[str, list[str]]], empty: str) -> Flowable:
        if not rows:
            return Paragraph(esc(empty), st.body)
        data: list[list[Any]] = [[Paragraph(esc(h), st.cell_head) for h in head]]
        for term, names in rows:
            data.append(
                [
                    Paragraph(f"<b>{esc(term)}</b>", st.cell),
                    Paragraph(esc(", ".join(names)), st.cell),
                ]
            )
        t = Table(data, colWidths=[52 * mm, ps.FRAME_W - 52 * mm], repeatRows=1)
        style = [
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("BACKGROUND", (0, 0), (-1, 0), ps.ACCENT_SOFT),
            ("LINEBELOW", (0, 0), (-1, 0), 0.8, ps.ACCENT),
            ("LINEBELOW", (0, 1), (-1, -1), 0.4, ps.RULE),
            ("LEFTPADDING", (0, 0), (-1, -1), 2.5 * mm),
            ("RIGHTPADDING", (0, 0), (-1, -1), 2.5 * mm),
            ("TOPPADDING", (0, 0), (-1, -1), 1.8 * mm),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 2.2 * mm),
        ]
        style += [("BACKGROUND", (0, i), (-1, i), ps.ACCENT_FAINT) for i in range(2, len(data), 2)]
        t.setStyle(ps.table_style(style))
        return t

    story += [
        Paragraph("Sectors: who to ask", st.role),
        Spacer(1, 2.5 * mm),
        table(("Sector", "Who to ask"), sectors, "No one has listed any sectors yet."),
        Spacer(1, 8 * mm),
        CondPageBreak(40 * mm),
        Paragraph("Languages: who speaks them", st.role),
        Spacer(1, 2.5 * mm),
        table(("Language", "Who speaks it"), languages, "No one has listed any languages yet."),
    ]
    return story


def build_booklet(
    cards: Sequence[BioCard],
    out_path: str | os.PathLike[str] | BinaryIO,
    title: str = "Meet the team",
    service: str | None = None,
    order: str | Sequence[str] | None = None,
    *,
    today: dt.date | None = None,
) -> BookletResult:
    """Write the booklet PDF for ``cards`` to ``out_path`` (atomically).

    ``out_path`` may also be an open binary file object such as ``io.BytesIO``
    (for a preview built in memory); the result's ``path`` is then None.

    Raises :class:`~ips_reflect.errors.UserError` when there are no cards or the
    file cannot be written.
    """
    if not cards:
        raise UserError("There are no biography cards to put in the booklet.")
    ordered = order_cards(cards, order)
    today = today or dt.date.today()
    title = " ".join(title.split()) or "Meet the team"
    service = " ".join(service.split()) if service else None
    st = ps.styles()

    story: list[Flowable] = [NextPageTemplate("page")]
    story += _cover(title, service, ordered, today)
    entries = [(c.name, c.role, f"person-{i}") for i, c in enumerate(ordered)]
    entries.append(("Team expertise directory", "Sectors and languages", "directory"))
    story += [PageBreak(), *_contents(entries)]
    for (_name, _role, key), card in zip(entries, ordered, strict=False):
        story.append(PageBreak())
        story += person_story(card, name_style=st.name, toc=(0, esc(card.name), key))
    story += [PageBreak(), *_directory_story(ordered)]

    footer = f"{title} · {service}" if service else title
    canvas_class = ps.numbered_canvas(footer, skip_first=1)
    target = Path(out_path) if isinstance(out_path, str | os.PathLike) else None
    with ps.pdf_output(out_path) as tmp:
        doc = _BookletDoc(
            tmp,
            title=title,
            author=service or "IPS Reflect",
            subject="Biographies of the IPS team and a directory of sector expertise",
            creator="IPS Reflect",
        )
        doc.multiBuild(story, canvasmaker=canvas_class)
        pages = doc.page
    return BookletResult(target, len(ordered), pages)
