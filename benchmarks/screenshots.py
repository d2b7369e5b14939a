"""Save screenshots of the real main window.

    python -m benchmarks.screenshots                      # Guide in all three themes
    python -m benchmarks.screenshots --theme dark --select secrets --search "secret"

Runs offscreen (no display needed) with a throw-away data dir, so your own
settings are never read or changed. PNGs go to docs/screenshots/ as
``<page>-<theme>.png`` (``guide-light.png``, ``guide-high-contrast.png``...).
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

REPO = Path(__file__).resolve().parent.parent
THEMES = ("light", "dark", "high_contrast")
DEFAULT_SELECT = {"guide": "prep.limits.boundaries"}


def _size(text: str) -> tuple[int, int]:
    try:
        width, height = (int(n) for n in text.lower().split("x"))
    except ValueError:
        raise argparse.ArgumentTypeError("give the size as WIDTHxHEIGHT, e.g. 1200x800") from None
    return width, height


def build_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="python -m benchmarks.screenshots", description=__doc__)
    p.add_argument("--theme", action="append", choices=THEMES, help="default: all three")
    p.add_argument("--page", default="guide", help="page key (default: guide)")
    p.add_argument("--out", type=Path, default=REPO / "docs" / "screenshots")
    p.add_argument("--size", type=_size, default=(1200, 780), help="default: 1200x780")
    p.add_argument("--font-size", type=int, default=11, help="text size in points")
    p.add_argument("--search", default="", help="words to type in the Guide search")
    p.add_argument("--select", help="id of the item, section or pack to show")
    p.add_argument("--suffix", default="", help="added to the file names")
    return p


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="ips-reflect-shots-") as tmp:
        os.environ["IPS_REFLECT_DATA_DIR"] = tmp
        from PySide6.QtWidgets import QApplication

        from ips_reflect.core.content import load_content
        from ips_reflect.core.settings import Settings
        from ips_reflect.gui.shell.app import create_main_window, ensure_application

        app = ensure_application()
        content = load_content()
        args.out.mkdir(parents=True, exist_ok=True)
        for theme in args.theme or THEMES:
            settings = Settings(theme=theme, font_point_size=args.font_size)
            window = create_main_window(content, settings, Path(tmp))
            window.show()
            window.view.resize(*args.size)
            window.show_page(args.page)
            guide = window.controllers.get("guide")
            if guide is not None and args.page == "guide":
                select = args.select or DEFAULT_SELECT["guide"]
                guide.select(select)
                if args.search:
                    guide.set_query(args.search)
                guide.tree.setFocus()
            for _ in range(3):
                QApplication.processEvents()
            name = f"{args.page}-{theme.replace('_', '-')}{args.suffix}.png"
            path = args.out / name
            if not window.view.grab().save(str(path)):
                print(f"could not write {path}", file=sys.stderr)
                return 1
            print(path.relative_to(REPO) if path.is_relative_to(REPO) else path)
            window.view.close()
            window.view.deleteLater()
            QApplication.processEvents()
        del app
    return 0


if __name__ == "__main__":
    sys.exit(main())
