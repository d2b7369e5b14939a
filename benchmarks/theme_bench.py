"""Switching theme and text size with the whole app built, for ``make bench``.

Figures (the real app shell, main window and every page visited, a vault of 10,000
entries open with the Journal showing them all, offscreen, in a child process so that
generating the entries does not count): from choosing a theme or a text size in the
View menu (its action triggered) until the new look is applied everywhere and the
window has painted - median and worst over the three themes and two text sizes, a few
rounds each.

Use ``run(report)``; run alone with ``python -m benchmarks.theme_bench``.
"""

from __future__ import annotations

import os
import statistics
import sys
import time
from pathlib import Path
from typing import Any

from benchmarks.gui_child import bench_main, figures_in_child, settle_flag_sync
from benchmarks.report import Report
from benchmarks.vault_bench import PASSPHRASE

REPO = Path(__file__).resolve().parent.parent
ROUNDS = 3
BUDGET_MS = 500.0
THEMES = ("dark", "high_contrast", "light")


def gui_figures(data_dir: Path) -> dict[str, Any]:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

    from ips_reflect.core.content import load_content
    from ips_reflect.core.settings import Settings
    from ips_reflect.gui.shell.app import AppShell, ensure_application
    from ips_reflect.gui.widgets import theme as theming
    from ips_reflect.store.vault import Vault

    app = ensure_application()
    shell = AppShell(load_content(), Settings(), data_dir)
    vault = Vault.unlock(data_dir, PASSPHRASE)
    if shell.gate is not None and shell.gate.dialog is not None:
        shell.gate.dialog.blockSignals(True)  # as if the prompt had opened it
        shell.gate.dialog.hide()
    shell._on_unlocked(vault)
    window = shell.window
    assert window is not None
    window.view.resize(1366, 768)
    for row in range(window.pages.rowCount()):  # every page built and shown once
        window.show_page(window.pages.page_at(row).key)
        for _ in range(3):
            app.processEvents()
    window.show_page("journal")
    for _ in range(20):
        app.processEvents()
    settle_flag_sync(window, app)  # measure the settled app (see gui_child)

    def timed(action_name: str, look: tuple[str, int]) -> float:
        t0 = time.perf_counter()
        window.action(action_name).trigger()
        deadline = t0 + 30
        while theming._applied["look"] != (id(app), *look) and time.perf_counter() < deadline:
            app.processEvents()
        window.view.repaint()
        app.processEvents()
        return (time.perf_counter() - t0) * 1000

    actions = {
        "dark": "actionThemeDark",
        "high_contrast": "actionThemeHighContrast",
        "light": "actionThemeLight",
    }
    theme_ms: list[float] = []
    size_ms: list[float] = []
    for _ in range(ROUNDS):
        for name in THEMES:
            theme_ms.append(timed(actions[name], (name, window.font_point_size)))
        size = window.font_point_size
        size_ms.append(timed("actionLargerText", (window.theme, size + 1)))
        size_ms.append(timed("actionSmallerText", (window.theme, size)))
    shell._on_quit()
    return {"theme_ms": theme_ms, "size_ms": size_ms}


def run(report: Report, n: int = 10_000) -> dict[str, float]:
    g = figures_in_child("benchmarks.theme_bench", n)
    count = f"{n:,} entries, every page built"
    figures: dict[str, float] = {}
    for key, what in (("theme_ms", "theme"), ("size_ms", "text size")):
        med, worst = statistics.median(g[key]), max(g[key])
        report(f"change {what} to painted, median", med, "ms", BUDGET_MS, note=count)
        report(f"change {what} to painted, worst", worst, "ms", BUDGET_MS, note=count)
        figures[f"{key}_median"] = med
        figures[f"{key}_worst"] = worst
    return figures


if __name__ == "__main__":
    sys.exit(bench_main(sys.argv[1:], gui_figures, run))
