"""Screenshots for the accessibility check: high contrast, and the largest text size.

    python -m benchmarks.shots_a11y                    # both looks, three pages each
    python -m benchmarks.shots_a11y --look large-text --page journal

Builds the real main window (every page) over a throw-away vault with a sample
plan, two checks and a few dozen journal entries, then saves, in
``docs/screenshots/``:

* ``high-contrast-home.png``, ``high-contrast-before.png``, ``high-contrast-journal.png``:
  the high-contrast theme at the usual text size;
* ``large-text-home.png``, ``large-text-before.png``, ``large-text-journal.png``:
  the light theme at the largest text size the View menu allows.

Runs offscreen; your own settings and vault are never read or changed. Look
at each picture for clipped words, widgets on top of each other, and text
that is hard to read against its background.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

REPO = Path(__file__).resolve().parent.parent
PAGES = ("home", "before", "journal")


def _looks() -> dict[str, tuple[str, int, tuple[int, int]]]:
    """look name -> (theme, text size in points, window size)."""
    from ips_reflect.core.settings import DEFAULT_FONT_SIZE, MAX_FONT_SIZE

    return {
        "high-contrast": ("high_contrast", DEFAULT_FONT_SIZE, (1240, 820)),
        # Someone who needs 24-point text is on a big, maximised window.
        "large-text": ("light", MAX_FONT_SIZE, (1600, 1000)),
    }


def build_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="python -m benchmarks.shots_a11y", description=__doc__)
    p.add_argument("--look", action="append", choices=("high-contrast", "large-text"))
    p.add_argument("--page", action="append", choices=PAGES)
    p.add_argument("--out", type=Path, default=REPO / "docs" / "screenshots")
    return p


def _sample_vault(data_dir: Path) -> Any:
    from benchmarks.flow_screenshots import _sample_vault as flow_vault
    from benchmarks.shots_journal import fill_vault, sample_entries

    vault = flow_vault(data_dir)
    fill_vault(vault, sample_entries(60))
    return vault


def _home(window: Any, _qtest: Any) -> None:
    window.show_page("home")
    home = window.controllers["home"]
    home.refresh()
    if hasattr(home, "focus_first"):
        home.focus_first()


def _before(window: Any, qtest: Any) -> None:
    window.show_page("before")
    before = window.controllers["before"]
    before.start(False)
    before.audience.setCurrentIndex(before.audience.findData("employer"))
    qtest.keyClicks(before.alias, "Mr P at Greenway Foods")
    before.picker.combo.setCurrentIndex(before.picker.combo.findData("e-redund01"))
    before.go_to(1)
    widgets = before.full.widgets
    widgets["before.why.motivation"].set_value(
        "He asked why I do this job, and I want him to see that people bounce back."
    )
    widgets["before.why.relationship"].set_value("yes")
    widgets["before.why.motivation"].focus()


def _journal(window: Any, _qtest: Any) -> None:
    window.show_page("journal")
    journal = window.controllers["journal"]
    journal.set_search("trial shift", immediate=True)
    journal._enter_list()
    model = journal.model
    row = next(
        (r for r in range(model.rowCount()) if model.row_info(r).kind == "after_reflection"), 0
    )
    journal._select_row(row)


STAGES: dict[str, Callable[[Any, Any], None]] = {
    "home": _home,
    "before": _before,
    "journal": _journal,
}


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    looks = _looks()
    with tempfile.TemporaryDirectory(prefix="ips-reflect-a11y-shots-") as tmp:
        os.environ["IPS_REFLECT_DATA_DIR"] = tmp
        from PySide6.QtTest import QTest
        from PySide6.QtWidgets import QApplication

        from ips_reflect.core.content import load_content
        from ips_reflect.core.settings import Settings
        from ips_reflect.gui.shell.app import create_main_window, ensure_application

        app = ensure_application()
        content = load_content()
        vault = _sample_vault(Path(tmp) / "vault")
        args.out.mkdir(parents=True, exist_ok=True)

        def settle(rounds: int = 6) -> None:
            for _ in range(rounds):
                app.processEvents()

        for look in args.look or list(looks):
            theme, points, (width, height) = looks[look]
            for page in args.page or PAGES:
                settings = Settings(theme=theme, font_point_size=points)
                window = create_main_window(content, settings, Path(tmp))
                window.set_vault(vault)
                window.show()
                window.view.resize(width, height)
                settle()
                STAGES[page](window, QTest)
                settle(10)
                path = args.out / f"{look}-{page}.png"
                if not window.view.grab().save(str(path)):
                    print(f"could not write {path}", file=sys.stderr)
                    return 1
                print(path.relative_to(REPO) if path.is_relative_to(REPO) else path)
                window.set_vault(None)
                window.view.close()
                window.view.deleteLater()
                settle()
        vault.close()
        QApplication.processEvents()
    return 0


if __name__ == "__main__":
    sys.exit(main())
