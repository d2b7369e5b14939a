"""One person's biography as a single A4 page, to hand to a client or pin up.

Same typography as the booklet (see :mod:`ips_reflect.export.pdfstyle`): a
rounded portrait (or initials), name, pronouns and role, the biography, why
they do this work, interests, previous jobs, sectors, languages and what they
are happy to share. Long cards are scaled down gently so they always fit on
one page. Written atomically, like every export.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any, BinaryIO

from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import KeepInFrame

from ips_reflect.core.biocard import BioCard
from ips_reflect.export import pdfstyle as ps
from ips_reflect.export.booklet import person_story

__all__ = ["build_bio_pdf"]


def _decorate(band: str, footer: str) -> Any:
    def draw(canv: Canvas, _doc: Any) -> None:
        canv.saveState()
        canv.setFillColor(ps.ACCENT_SOFT)
        canv.rect(0, ps.PAGE_H - 11 * mm, ps.PAGE_W, 11 * mm, stroke=0, fill=1)
        canv.setFillColor(ps.ACCENT)
        canv.rect(0, ps.PAGE_H - 12.2 * mm, ps.PAGE_W, 1.2 * mm, stroke=0, fill=1)
        canv.setFont(ps.BOLD, 7.5)
        canv.drawString(ps.MARGIN_X, ps.PAGE_H - 7.4 * mm, band.upper())
        y = ps.MARGIN_BOTTOM - 11 * mm
        canv.setStrokeColor(ps.RULE)
        canv.setLineWidth(0.6)
        canv.line(ps.MARGIN_X, y + 4.2 * mm, ps.PAGE_W - ps.MARGIN_X, y + 4.2 * mm)
        canv.setFont(ps.REGULAR, 8)
        canv.setFillColor(ps.MUTED)
        canv.drawString(ps.MARGIN_X, y, footer)
        canv.restoreState()

    return draw


def build_bio_pdf(
    card: BioCard,
    out_path: str | os.PathLike[str] | BinaryIO,
    service: str | None = None,
    *,
    photo_data: bytes | None = None,
) -> Path | None:
    """Write ``card`` as a one-page PDF to ``out_path`` (atomically) and return the path.

    ``out_path`` may be an open binary file object (``io.BytesIO``) for a preview
    built in memory; then None is returned. ``photo_data`` (PNG or JPEG bytes,
    e.g. the photo kept in the vault) is used instead of ``card.photo``.
    """
    st = ps.styles()
    top = ps.MARGIN_TOP + 8 * mm
    frame_h = ps.PAGE_H - top - ps.MARGIN_BOTTOM
    big_name = st.name.clone("ips-name-big", fontSize=26, leading=31)
    story = person_story(card, photo_size=44 * mm, name_style=big_name, photo_data=photo_data)
    body = KeepInFrame(ps.FRAME_W, frame_h, story, mode="shrink")
    service = " ".join(service.split()) if service else None
    footer = "Individual Placement and Support (IPS)"
    band = f"Meet the team · {service}" if service else "Meet the team"
    if service:
        footer = f"{service} · {footer}"
    target = Path(out_path) if isinstance(out_path, str | os.PathLike) else None
    with ps.pdf_output(out_path) as tmp:
        doc = ps.one_frame_doc(
            tmp,
            top=top,
            title=f"About {card.name}",
            author=service,
            subject=f"{card.name}, {card.role}",
            template_id="bio",
            on_page=_decorate(band, footer),
        )
        doc.build([body], canvasmaker=ps.IPSCanvas)
    return target
