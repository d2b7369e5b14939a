"""Tiny test images: a stdlib PNG writer and a Pillow JPEG (Pillow ships with reportlab)."""

from __future__ import annotations

import struct
import zlib
from pathlib import Path


def png_bytes(width: int, height: int, rgb: tuple[int, int, int] = (90, 140, 130)) -> bytes:
    """A tiny valid RGB PNG, written with the standard library only."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        return (
            struct.pack(">I", len(data))
            + kind
            + data
            + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)
        )

    row = b"\x00" + bytes(rgb) * width
    raw = row * height
    ihdr = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", ihdr)
        + chunk(b"IDAT", zlib.compress(raw))
        + chunk(b"IEND", b"")
    )


def write_jpeg(path: Path, width: int, height: int, *, orientation: int | None = None) -> Path:
    """A small JPEG with a head-and-shoulders shape (Pillow ships with reportlab)."""
    from PIL import Image, ImageDraw

    im = Image.new("RGB", (width, height), (200, 215, 210))
    d = ImageDraw.Draw(im)
    d.ellipse((width * 0.3, height * 0.12, width * 0.7, height * 0.52), fill=(190, 130, 100))
    d.rectangle((width * 0.2, height * 0.6, width * 0.8, height), fill=(40, 80, 110))
    if orientation is None:
        im.save(path, quality=85)
    else:
        exif = Image.Exif()
        exif[0x0112] = orientation
        im.save(path, quality=85, exif=exif.tobytes())
    return path
