"""Draw the app's icons from ``resources/icons/app.svg``: PNGs, a Windows ``.ico`` and a
macOS ``.icns``.

usage: python packaging/make_icons.py [OUT_DIR]      (default: packaging/build/icons)

The PNGs are drawn by Qt (QSvgRenderer onto a transparent QImage, offscreen). The
``.ico`` and ``.icns`` containers are written here by hand, with no image library:
both are a short header and a table of PNG images, which Windows (Vista and later)
and macOS (10.7 and later) read as they are.

* ``.ico``: a 6-byte ICONDIR (reserved 0, type 1, count), one 16-byte entry per image
  (width and height, 0 meaning 256; 32 bits per pixel; size and offset of the data),
  then the PNG files themselves.
* ``.icns``: ``icns`` and the file's length (big-endian), then per image its OSType
  (``icp4`` 16 px, ``icp5`` 32, ``icp6`` 64, ``ic07`` 128, ``ic08`` 256, ``ic09`` 512,
  ``ic10`` 1024, and the Retina ``ic11``-``ic14``), its length including that 8-byte
  header, and the PNG file.

The files are generated at build time (the spec runs this script) into a folder that
git ignores; nothing here is committed but the script.
"""

from __future__ import annotations

import os
import struct
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
SOURCE = REPO / "resources" / "icons" / "app.svg"
DEFAULT_OUT = REPO / "packaging" / "build" / "icons"

PNG_SIZES = (16, 24, 32, 48, 64, 128, 256, 512, 1024)
ICO_SIZES = (16, 24, 32, 48, 64, 128, 256)
#: OSType -> pixel size, as macOS reads them (ic11-ic14 are the @2x of 16-256 points).
ICNS_TYPES = (
    ("icp4", 16),
    ("icp5", 32),
    ("icp6", 64),
    ("ic07", 128),
    ("ic08", 256),
    ("ic09", 512),
    ("ic10", 1024),
    ("ic11", 32),
    ("ic12", 64),
    ("ic13", 256),
    ("ic14", 512),
)
NAME = "ips-reflect"


def render_pngs(svg: Path, sizes: tuple[int, ...]) -> dict[int, bytes]:
    """``svg`` drawn at each size, as PNG bytes."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice
    from PySide6.QtGui import QGuiApplication, QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    app = QGuiApplication.instance() or QGuiApplication(["make_icons"])
    renderer = QSvgRenderer(str(svg))
    if not renderer.isValid():
        raise SystemExit(f"make_icons: cannot read {svg}")
    out: dict[int, bytes] = {}
    for size in sizes:
        image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
        image.fill(0)
        painter = QPainter(image)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
        renderer.render(painter)
        painter.end()
        data = QByteArray()
        buffer = QBuffer(data)
        buffer.open(QIODevice.OpenModeFlag.WriteOnly)
        if not image.save(buffer, "PNG"):
            raise SystemExit(f"make_icons: cannot encode a {size} px PNG")
        buffer.close()
        out[size] = bytes(data.data())
    del app
    return out


def ico_bytes(pngs: dict[int, bytes], sizes: tuple[int, ...] = ICO_SIZES) -> bytes:
    """A Windows icon file holding the PNG of each size."""
    header = struct.pack("<HHH", 0, 1, len(sizes))
    offset = len(header) + 16 * len(sizes)
    entries, blobs = [], []
    for size in sizes:
        blob = pngs[size]
        side = 0 if size >= 256 else size  # 0 means 256 in an ICONDIRENTRY
        entries.append(struct.pack("<BBBBHHII", side, side, 0, 0, 1, 32, len(blob), offset))
        blobs.append(blob)
        offset += len(blob)
    return header + b"".join(entries) + b"".join(blobs)


def icns_bytes(pngs: dict[int, bytes], types: tuple[tuple[str, int], ...] = ICNS_TYPES) -> bytes:
    """A macOS icon file holding a PNG for each OSType."""
    body = b"".join(
        kind.encode("ascii") + struct.pack(">I", 8 + len(pngs[size])) + pngs[size]
        for kind, size in types
    )
    return b"icns" + struct.pack(">I", 8 + len(body)) + body


def build(out_dir: Path = DEFAULT_OUT, svg: Path = SOURCE) -> dict[str, Path]:
    """Write the PNGs, ``ips-reflect.ico`` and ``ips-reflect.icns`` into ``out_dir``."""
    out_dir.mkdir(parents=True, exist_ok=True)
    pngs = render_pngs(svg, PNG_SIZES)
    written: dict[str, Path] = {}
    for size, blob in pngs.items():
        path = out_dir / f"{NAME}-{size}.png"
        path.write_bytes(blob)
        written[f"png{size}"] = path
    written["ico"] = out_dir / f"{NAME}.ico"
    written["ico"].write_bytes(ico_bytes(pngs))
    written["icns"] = out_dir / f"{NAME}.icns"
    written["icns"].write_bytes(icns_bytes(pngs))
    return written


def main(argv: list[str]) -> int:
    out = Path(argv[0]) if argv else DEFAULT_OUT
    written = build(out)
    print(f"make_icons: {len(written)} files in {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
