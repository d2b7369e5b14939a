"""Fonts, photos and atomic writing shared by every PDF."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest
from imagegen import png_bytes, write_jpeg

from ips_reflect.errors import UserError
from ips_reflect.export import fonts, pdfstyle


def test_fonts_register_once_and_from_many_threads() -> None:
    from reportlab.pdfbase import pdfmetrics

    results: list[str] = []
    threads = [
        threading.Thread(target=lambda: results.append(fonts.register_fonts())) for _ in range(8)
    ]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert results == [fonts.FAMILY] * 8
    assert fonts.register_fonts() == "IPSSans"
    for name in (fonts.REGULAR, fonts.BOLD, fonts.ITALIC, fonts.BOLD_ITALIC):
        assert pdfmetrics.getFont(name).face.name.startswith(b"DejaVuSans")


def test_styles_are_calm_and_readable() -> None:
    st = pdfstyle.styles()
    assert 10.5 <= st.body.fontSize <= 11
    assert st.body.leading >= st.body.fontSize * 1.35
    assert st.body.fontName == fonts.REGULAR
    assert pdfstyle.MARGIN_X >= 20 * 72 / 25.4


def test_upright_small_jpeg_is_embedded_as_it_is(tmp_path: Path) -> None:
    photo = write_jpeg(tmp_path / "a.jpg", 300, 400)
    src = pdfstyle.prepare_photo(photo)
    assert src is not None
    assert src.image == str(photo)
    assert (src.width, src.height) == (300, 400)


def test_rotated_phone_photo_is_turned_upright_and_cropped(tmp_path: Path) -> None:
    # EXIF orientation 6: stored landscape, shown portrait
    photo = write_jpeg(tmp_path / "phone.jpg", 400, 300, orientation=6)
    src = pdfstyle.prepare_photo(photo, aspect=1.0)
    assert src is not None
    assert not isinstance(src.image, str)
    assert src.width == src.height == 300


def test_png_with_transparency_is_flattened(tmp_path: Path) -> None:
    from PIL import Image

    path = tmp_path / "t.png"
    Image.new("RGBA", (50, 80), (10, 20, 30, 0)).save(path)
    src = pdfstyle.prepare_photo(path, aspect=1.0)
    assert src is not None and (src.width, src.height) == (50, 50)
    (tmp_path / "plain.png").write_bytes(png_bytes(30, 20))
    assert pdfstyle.prepare_photo(tmp_path / "plain.png") is not None


def test_large_photo_is_shrunk(tmp_path: Path) -> None:
    photo = write_jpeg(tmp_path / "big.jpg", 2400, 3000)
    src = pdfstyle.prepare_photo(photo, aspect=1.0)
    assert src is not None
    assert max(src.width, src.height) <= 720
    assert src.width == src.height


def test_unreadable_photo_gives_none(tmp_path: Path) -> None:
    bad = tmp_path / "bad.jpg"
    bad.write_bytes(b"\xff\xd8\xff garbage")
    assert pdfstyle.prepare_photo(bad) is None
    assert pdfstyle.prepare_photo(tmp_path / "missing.jpg") is None


def test_initials() -> None:
    assert pdfstyle.initials("Zoë Hartley") == "ZH"
    assert pdfstyle.initials("Александра") == "А"
    assert pdfstyle.initials("Jean-Luc Picard") == "JP"
    assert pdfstyle.initials("  ") == "?"


def test_atomic_pdf_refuses_a_folder_or_missing_folder(tmp_path: Path) -> None:
    with pytest.raises(UserError, match="is a folder"), pdfstyle.atomic_pdf(tmp_path):
        pass
    with (
        pytest.raises(UserError, match="does not exist"),
        pdfstyle.atomic_pdf(tmp_path / "x" / "y.pdf"),
    ):
        pass


def test_escaping_and_paragraphs() -> None:
    assert pdfstyle.esc('<b>"&"</b>') == "&lt;b&gt;&quot;&amp;&quot;&lt;/b&gt;"
    assert pdfstyle.paragraphs("a\nb\n\n\nc  d\n") == ["a b", "c d"]
    import datetime as dt

    assert pdfstyle.long_date(dt.date(2026, 3, 7)) == "7 March 2026"
