"""Shared typography and page furniture for every PDF the app makes.

Calm and readable: DejaVu Sans at 10.5 pt on 15.5 pt leading, one restrained
teal accent, A4 with generous margins, and a quiet footer with "Page N of M".
Also here: writing a PDF atomically, escaping user text for reportlab
paragraphs, and the rounded portrait used by the bio page and the booklet.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import hashlib
import io
import os
import tempfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any, BinaryIO
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.enums import TA_LEFT, TA_RIGHT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.lib.utils import ImageReader
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import BaseDocTemplate, Flowable, Frame, PageTemplate, TableStyle

from ips_reflect.errors import UserError
from ips_reflect.export.fonts import BOLD, BOLD_ITALIC, ITALIC, REGULAR, register_fonts

PAGE = A4
PAGE_W, PAGE_H = A4
MARGIN_X = 22 * mm
MARGIN_TOP = 20 * mm
MARGIN_BOTTOM = 22 * mm
FRAME_W = PAGE_W - 2 * MARGIN_X

INK = colors.HexColor("#1F2933")
MUTED_HEX = "#5B6770"
MUTED = colors.HexColor(MUTED_HEX)
ACCENT = colors.HexColor("#23706B")
ACCENT_DARK = colors.HexColor("#1A5450")
ACCENT_SOFT = colors.HexColor("#E7F1EF")
ACCENT_FAINT = colors.HexColor("#F4F8F7")
RULE = colors.HexColor("#D5DEDC")

BODY_SIZE = 10.5
BODY_LEADING = 15.5

_MONTHS = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)


def long_date(d: dt.date) -> str:
    """ "23 November 2026", independent of the system locale."""
    return f"{d.day} {_MONTHS[d.month - 1]} {d.year}"


def long_moment(iso: str) -> str:
    """ "2 March 2026, 14:05" for an ISO timestamp; the text itself if it is not one."""
    try:
        moment = dt.datetime.fromisoformat(iso)
    except ValueError:
        return iso
    return f"{long_date(moment.date())}, {moment.hour:02d}:{moment.minute:02d}"


def esc(text: str) -> str:
    """User text made safe for a reportlab Paragraph (which reads a little XML)."""
    return escape(text, {'"': "&quot;"})


def paragraphs(text: str) -> list[str]:
    """Split text on blank lines; single line breaks inside a paragraph become spaces."""
    parts = [" ".join(block.split()) for block in text.replace("\r", "").split("\n\n")]
    return [p for p in parts if p]


@dataclass(frozen=True)
class Styles:
    body: ParagraphStyle
    body_tight: ParagraphStyle
    quote: ParagraphStyle
    label: ParagraphStyle
    name: ParagraphStyle
    role: ParagraphStyle
    pronouns: ParagraphStyle
    title: ParagraphStyle
    subtitle: ParagraphStyle
    h1: ParagraphStyle
    small: ParagraphStyle
    bullet: ParagraphStyle
    cell: ParagraphStyle
    cell_head: ParagraphStyle
    toc: ParagraphStyle
    toc_role: ParagraphStyle
    toc_page: ParagraphStyle


_styles: Styles | None = None


def styles() -> Styles:
    """The shared paragraph styles (fonts are registered on first use)."""
    global _styles
    if _styles is not None:
        return _styles
    register_fonts()
    base = ParagraphStyle(
        "ips-body",
        fontName=REGULAR,
        fontSize=BODY_SIZE,
        leading=BODY_LEADING,
        textColor=INK,
        alignment=TA_LEFT,
        spaceAfter=7,
        splitLongWords=True,
        bulletFontName=REGULAR,
        bulletFontSize=BODY_SIZE,
        allowWidows=0,
        allowOrphans=0,
    )

    def derive(name: str, **kw: Any) -> ParagraphStyle:
        return ParagraphStyle(f"ips-{name}", parent=base, **kw)

    _styles = Styles(
        body=base,
        body_tight=derive("body-tight", spaceAfter=0),
        quote=derive("quote", fontName=ITALIC, textColor=ACCENT_DARK, fontSize=10.5, leading=15.5),
        label=derive(
            "label",
            fontName=BOLD,
            fontSize=8,
            leading=11,
            textColor=ACCENT,
            spaceBefore=0,
            spaceAfter=3.3,
            textTransform="uppercase",
            keepWithNext=1,
        ),
        name=derive("name", fontName=BOLD, fontSize=23, leading=27, spaceAfter=3),
        role=derive("role", fontName=BOLD, fontSize=11.5, leading=15, textColor=ACCENT),
        pronouns=derive("pronouns", fontSize=9.5, leading=13, textColor=MUTED, spaceAfter=2),
        title=derive(
            "title", fontName=BOLD, fontSize=38, leading=44, textColor=ACCENT_DARK, spaceAfter=10
        ),
        subtitle=derive("subtitle", fontSize=15, leading=20, textColor=INK, spaceAfter=4),
        h1=derive(
            "h1", fontName=BOLD, fontSize=18, leading=23, textColor=ACCENT_DARK, spaceAfter=8
        ),
        small=derive("small", fontSize=8.5, leading=12, textColor=MUTED, spaceAfter=0),
        bullet=derive("bullet", leftIndent=11, bulletIndent=0, spaceAfter=3, bulletColor=ACCENT),
        cell=derive("cell", fontSize=9.5, leading=13.5, spaceAfter=0),
        cell_head=derive(
            "cell-head", fontName=BOLD, fontSize=9, leading=12, textColor=ACCENT_DARK, spaceAfter=0
        ),
        toc=derive("toc", fontSize=10.5, leading=14, spaceAfter=0),
        toc_role=derive("toc-role", fontSize=9, leading=14, textColor=MUTED, spaceAfter=0),
        toc_page=derive("toc-page", fontSize=10.5, leading=14, spaceAfter=0, alignment=TA_RIGHT),
    )
    return _styles


__all__ = [
    "ACCENT",
    "BOLD",
    "BOLD_ITALIC",
    "ITALIC",
    "REGULAR",
    "IPSCanvas",
    "Portrait",
    "Styles",
    "atomic_pdf",
    "band",
    "build_a4",
    "esc",
    "is_binary_file",
    "long_date",
    "numbered_canvas",
    "paragraphs",
    "pdf_output",
    "prepare_photo",
    "styles",
    "table_style",
]


def table_style(commands: list[tuple[Any, ...]]) -> TableStyle:
    """A TableStyle whose plain-text font is ours (reportlab's default is Helvetica)."""
    register_fonts()
    return TableStyle([("FONT", (0, 0), (-1, -1), REGULAR, BODY_SIZE), *commands])


def padded_style(
    valign: str, left: float, right: float, top: float, bottom: float, *more: tuple[Any, ...]
) -> TableStyle:
    """:func:`table_style` with every cell aligned ``valign`` and padded as given,
    then the ``more`` commands."""
    every = ((0, 0), (-1, -1))
    return table_style(
        [
            ("VALIGN", *every, valign),
            ("LEFTPADDING", *every, left),
            ("RIGHTPADDING", *every, right),
            ("TOPPADDING", *every, top),
            ("BOTTOMPADDING", *every, bottom),
            *more,
        ]
    )


# --------------------------------------------------------------------------- one layout


def band(label: str) -> Callable[[Canvas, Any], None]:
    """A page decoration: a soft band across the top with ``label`` in small capitals."""

    def draw(canv: Canvas, _doc: Any) -> None:
        canv.saveState()
        canv.setFillColor(ACCENT_SOFT)
        canv.rect(0, PAGE_H - 9 * mm, PAGE_W, 9 * mm, stroke=0, fill=1)
        canv.setFillColor(ACCENT)
        canv.rect(0, PAGE_H - 10 * mm, PAGE_W, 1 * mm, stroke=0, fill=1)
        canv.setFont(BOLD, 7.5)
        canv.drawString(MARGIN_X, PAGE_H - 6 * mm, label.upper())
        canv.restoreState()

    return draw


def one_frame_doc(
    out: Any,
    *,
    top: float,
    title: str,
    subject: str,
    author: str | None = None,
    template_id: str = "page",
    on_page: Callable[[Any, Any], None] | None = None,
) -> BaseDocTemplate:
    """An A4 document into ``out`` (a path or a binary file) whose pages hold one frame
    between the usual margins, ``top`` from the top; ``on_page`` draws on each page.
    ``author`` goes in the file's properties (none given: the app's name)."""
    doc = BaseDocTemplate(
        out,
        pagesize=PAGE,
        leftMargin=MARGIN_X,
        rightMargin=MARGIN_X,
        topMargin=top,
        bottomMargin=MARGIN_BOTTOM,
        title=title,
        author=author or "IPS Reflect",
        subject=subject,
        creator="IPS Reflect",
    )
    frame = Frame(
        MARGIN_X,
        MARGIN_BOTTOM,
        FRAME_W,
        PAGE_H - top - MARGIN_BOTTOM,
        leftPadding=0,
        rightPadding=0,
        topPadding=0,
        bottomPadding=0,
    )
    if on_page is not None:
        doc.addPageTemplates([PageTemplate(template_id, [frame], onPage=on_page)])
    else:
        doc.addPageTemplates([PageTemplate(template_id, [frame])])
    return doc


def build_a4(
    out: Any,
    story: list[Any],
    *,
    title: str,
    subject: str,
    footer: str,
    band_label: str | None = None,
    progress: Callable[[str, Any], None] | None = None,
) -> None:
    """Lay ``story`` out on A4 pages in one frame, with an optional top band and the
    numbered footer, into ``out`` (a path or a binary file)."""
    decorate = band(band_label) if band_label is not None else None
    doc = one_frame_doc(
        out, top=MARGIN_TOP + 4 * mm, title=title, subject=subject, on_page=decorate
    )
    if progress is not None:
        doc.setProgressCallBack(progress)
    doc.build(story, canvasmaker=numbered_canvas(footer))


# --------------------------------------------------------------------------- footer


class IPSCanvas(Canvas):
    """A canvas whose starting font is ours, so no standard PDF font is referenced."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        register_fonts()
        # platypus passes these explicitly as None; fill them in either way.
        kwargs["initialFontName"] = kwargs.get("initialFontName") or REGULAR
        kwargs["initialFontSize"] = kwargs.get("initialFontSize") or BODY_SIZE
        kwargs["initialLeading"] = kwargs.get("initialLeading") or BODY_LEADING
        super().__init__(*args, **kwargs)


def numbered_canvas(footer_left: str, skip_first: int = 0) -> type[Canvas]:
    """A canvas class that draws "footer text ... Page N of M" on every page.

    Pages are held back until the end so the total is known. The first
    ``skip_first`` pages (a cover) get no footer but still count.
    """

    class NumberedCanvas(IPSCanvas):
        def __init__(self, *args: Any, **kwargs: Any) -> None:
            super().__init__(*args, **kwargs)
            self._saved_pages: list[dict[str, Any]] = []

        def showPage(self) -> None:
            self._saved_pages.append(dict(self.__dict__))
            self._startPage()

        def save(self) -> None:
            total = len(self._saved_pages)
            for state in self._saved_pages:
                self.__dict__.update(state)
                if self._pageNumber > skip_first:
                    self._footer(total)
                super().showPage()
            super().save()

        def _footer(self, total: int) -> None:
            self.saveState()
            y = MARGIN_BOTTOM - 11 * mm
            self.setStrokeColor(RULE)
            self.setLineWidth(0.6)
            self.line(MARGIN_X, y + 4.2 * mm, PAGE_W - MARGIN_X, y + 4.2 * mm)
            self.setFont(REGULAR, 8)
            self.setFillColor(MUTED)
            self.drawString(MARGIN_X, y, footer_left)
            self.drawRightString(PAGE_W - MARGIN_X, y, f"Page {self._pageNumber} of {total}")
            self.restoreState()

        @property
        def page_count(self) -> int:
            return len(self._saved_pages)

    return NumberedCanvas


# --------------------------------------------------------------------------- atomic output


@contextlib.contextmanager
def _binary_image_streams() -> Iterator[None]:
    # reportlab's default wraps image data in ASCII85, which without its optional C
    # accelerator costs most of a booklet's build time; plain binary streams are
    # smaller as well. Every PDF the app makes is written in binary anyway.
    from reportlab import rl_config

    old = rl_config.useA85
    rl_config.useA85 = 0
    try:
        yield
    finally:
        rl_config.useA85 = old


@contextlib.contextmanager
def atomic_pdf(out_path: str | os.PathLike[str]) -> Iterator[str]:
    """Yield a temporary file name beside ``out_path``; move it into place on success.

    The temporary file is created with mode 0600 in the same folder, so the
    final ``os.replace`` is atomic; on any error it is removed and an existing
    file at ``out_path`` is left untouched.
    """
    target = Path(out_path)
    folder = target.parent if str(target.parent) else Path(".")
    if target.is_dir():
        raise UserError(f"{target} is a folder; give a file name such as booklet.pdf.")
    if not folder.is_dir():
        raise UserError(
            f"The folder {folder} does not exist, so {target.name} cannot be written there; "
            "create it first or choose another place."
        )
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".part", dir=folder)
    except OSError as exc:
        raise UserError(
            f"Cannot write in the folder {folder} ({exc.strerror or exc}); "
            "choose a folder you can save to."
        ) from exc
    os.close(fd)
    try:
        with _binary_image_streams():
            yield tmp
        with open(tmp, "rb+") as fh:
            os.fsync(fh.fileno())
        os.replace(tmp, target)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise


def is_binary_file(out: object) -> bool:
    """True for an open binary file object (``io.BytesIO``...) rather than a file name."""
    return callable(getattr(out, "write", None))


@contextlib.contextmanager
def pdf_output(out: str | os.PathLike[str] | BinaryIO) -> Iterator[str | BinaryIO]:
    """Where reportlab should write: a temporary file moved into place (see
    :func:`atomic_pdf`), or ``out`` itself when it is an open binary file object,
    so a preview can be built in memory without touching the disk."""
    if isinstance(out, str | os.PathLike):
        with atomic_pdf(out) as tmp:
            yield tmp
        return
    with _binary_image_streams():
        yield out


# --------------------------------------------------------------------------- photos

# Centre of the crop, as a fraction of the spare height from the top: faces sit
# in the upper part of most portraits, so crop more from the bottom.
_CROP_TOP = 0.35
_PASS_THROUGH_MAX_SIDE = 2000
_PASS_THROUGH_MAX_BYTES = 1_500_000
_PREPARED_LONG_SIDE = 720


@dataclass(frozen=True)
class PhotoSource:
    """An image ready to draw: a JPEG file name or an in-memory reader, with its size."""

    image: str | ImageReader
    width: int
    height: int


_photo_cache: dict[tuple[str, float, int], PhotoSource] = {}


def prepare_photo(path: Path | bytes, aspect: float = 1.0) -> PhotoSource | None:
    """Make a photo ready for a PDF, or None if it cannot be read.

    ``path`` is an image file or the image itself as bytes (a photo kept in the
    encrypted vault is never written to disk to make a PDF).
    An upright, modest JPEG is embedded as it is (no re-encoding). Anything
    else (PNG, a phone photo with an EXIF rotation, a very large file) is
    turned upright, cropped to ``aspect`` (width / height) and resized once.
    """
    if isinstance(path, bytes | bytearray):
        data = bytes(path)
        key = ("sha256:" + hashlib.sha256(data).hexdigest(), aspect, 0)
        size = len(data)
    else:
        data = None
        try:
            stat = path.stat()
        except OSError:
            return None
        key = (str(path), aspect, int(stat.st_mtime_ns))
        size = stat.st_size
    cached = _photo_cache.get(key)
    if cached is not None:
        return cached
    try:
        source = _prepare(data if data is not None else path, aspect, size)
    except Exception:  # a photo that fails to decode is simply left out
        return None
    if len(_photo_cache) > 512:
        _photo_cache.clear()
    _photo_cache[key] = source
    return source


def _open_image(source: Path | bytes) -> Any:
    from PIL import Image

    return Image.open(io.BytesIO(source) if isinstance(source, bytes) else source)


def _prepare(source: Path | bytes, aspect: float, size: int) -> PhotoSource:
    from PIL import Image, ImageOps

    with _open_image(source) as im:
        fmt = im.format
        mode = im.mode
        w, h = im.size
        orientation = im.getexif().get(0x0112, 1)
    if (
        fmt == "JPEG"
        and orientation in (0, 1)
        and mode in ("RGB", "L")
        and max(w, h) <= _PASS_THROUGH_MAX_SIDE
        and size <= _PASS_THROUGH_MAX_BYTES
    ):
        if isinstance(source, bytes):
            return PhotoSource(ImageReader(io.BytesIO(source)), w, h)
        return PhotoSource(str(source), w, h)
    with _open_image(source) as im:
        if im.format == "JPEG":
            im.draft("RGB", (_PREPARED_LONG_SIDE * 2, _PREPARED_LONG_SIDE * 2))
        img = ImageOps.exif_transpose(im)
        if img.mode in ("RGBA", "LA", "P", "PA"):
            rgba = img.convert("RGBA")
            flat = Image.new("RGB", rgba.size, (255, 255, 255))
            flat.paste(rgba, mask=rgba.getchannel("A"))
            img = flat
        elif img.mode != "RGB":
            img = img.convert("RGB")
        if img.width / img.height > aspect:  # wider than the box: keep the full height
            crop_w, crop_h = img.height * aspect, float(img.height)
        else:
            crop_w, crop_h = float(img.width), img.width / aspect
        shrink = min(1.0, _PREPARED_LONG_SIDE / max(crop_w, crop_h))
        out_w, out_h = round(crop_w * shrink), round(crop_h * shrink)
        img = ImageOps.fit(
            img,
            (max(1, out_w), max(1, out_h)),
            Image.Resampling.LANCZOS,
            centering=(0.5, _CROP_TOP),
        )
        buf = io.BytesIO()
        img.save(buf, "JPEG", quality=88, optimize=True)
    buf.seek(0)
    reader = ImageReader(buf)
    return PhotoSource(reader, img.width, img.height)


def initials(name: str) -> str:
    words = [w for w in name.replace("-", " ").split() if w[:1].isalpha()]
    if not words:
        return "?"
    first = words[0][0]
    last = words[-1][0] if len(words) > 1 else ""
    return (first + last).upper()


class Portrait(Flowable):
    """A photo cropped to fill a rounded box, or the person's initials when there is none."""

    def __init__(
        self, photo: PhotoSource | None, name: str, width: float, height: float, radius: float
    ) -> None:
        super().__init__()
        self.photo = photo
        self.name = name
        self.width = width
        self.height = height
        self.radius = radius

    def draw(self) -> None:
        c = self.canv
        w, h, r = self.width, self.height, self.radius
        c.saveState()
        path = c.beginPath()
        path.roundRect(0, 0, w, h, r)
        if self.photo is None:
            c.setFillColor(ACCENT_SOFT)
            c.setStrokeColor(ACCENT_SOFT)
            c.drawPath(path, stroke=0, fill=1)
            c.setFillColor(ACCENT)
            size = min(w, h) * 0.36
            c.setFont(BOLD, size)
            c.drawCentredString(w / 2, h / 2 - size * 0.36, initials(self.name))
        else:
            c.clipPath(path, stroke=0, fill=0)
            iw, ih = self.photo.width, self.photo.height
            s = max(w / iw, h / ih)
            dw, dh = iw * s, ih * s
            x0 = (w - dw) / 2
            y0 = -(dh - h) * (1 - _CROP_TOP)
            c.drawImage(self.photo.image, x0, y0, dw, dh)
        c.restoreState()
