"""The shipped DejaVu fonts, registered with reportlab once.

Every PDF uses the family ``IPSSans`` (DejaVu Sans) so names such as Zoë,
Łukasz, Nguyễn, Ayşe and Александра render correctly and stay searchable
(reportlab embeds a subset of each TTF with a ToUnicode map).
"""

from __future__ import annotations

import threading

from ips_reflect import paths

FAMILY = "IPSSans"
REGULAR = "IPSSans"
BOLD = "IPSSans-Bold"
ITALIC = "IPSSans-Italic"
BOLD_ITALIC = "IPSSans-BoldItalic"

_FILES = {
    REGULAR: "DejaVuSans.ttf",
    BOLD: "DejaVuSans-Bold.ttf",
    ITALIC: "DejaVuSans-Oblique.ttf",
    BOLD_ITALIC: "DejaVuSans-BoldOblique.ttf",
}

_lock = threading.Lock()
_registered = False


def register_fonts() -> str:
    """Register the IPSSans family (idempotent, thread-safe); returns the family name."""
    global _registered
    if _registered:
        return FAMILY
    with _lock:
        if _registered:
            return FAMILY
        from reportlab.lib.fonts import addMapping
        from reportlab.pdfbase import pdfmetrics
        from reportlab.pdfbase.ttfonts import TTFont

        for name, filename in _FILES.items():
            path = paths.font_file(filename)
            if not path.is_file():
                from ips_reflect.errors import UserError

                raise UserError(
                    f"The font file {path} is missing, so PDFs cannot be made; "
                    "reinstall IPS Reflect."
                )
            pdfmetrics.registerFont(TTFont(name, str(path)))
        pdfmetrics.registerFontFamily(
            FAMILY, normal=REGULAR, bold=BOLD, italic=ITALIC, boldItalic=BOLD_ITALIC
        )
        for bold, italic, name in (
            (0, 0, REGULAR),
            (1, 0, BOLD),
            (0, 1, ITALIC),
            (1, 1, BOLD_ITALIC),
        ):
            addMapping(FAMILY, bold, italic, name)
        _registered = True
    return FAMILY
