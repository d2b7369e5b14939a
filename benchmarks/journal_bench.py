"""The journal at scale, for ``make bench``: 10,000 entries in the app.

Figures (each through the real page and vault, offscreen):

* search as you type: a word typed one character at a time through the Journal
  page's controller; each step timed from setting the text to the list being
  painted (FTS query, filters, model reset, the visible rows and their snippets,
  the reading pane re-highlighted) - median and worst;
* list scroll: the list scrolled to the bottom a page at a time, each step
  timed to the repaint (plain list, and search results with snippets);
* open entry: choosing a row until the reading pane has painted it;
* opening the journal (the light catalog of every entry) after unlock;
* memory: VmRSS of a fresh process with the Journal and Trends pages open on
  the 10,000 entries, after searching and scrolling (peak VmHWM noted).

``ips-reflect search`` end to end against jrnl is measured in
:mod:`benchmarks.cli_bench` (10,000 and 100,000 entries).

The GUI figures are measured in a child process (``--gui DATA_DIR``) so that
generating the entries does not count towards memory.

Use ``run(report)``; run alone with ``python -m benchmarks.journal_bench``.
"""

from __future__ import annotations

import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from benchmarks.vault_bench import PASSPHRASE, REPO, generate_entries

Report = Any
WORDS = ["interview", "warehouse", "supervision", "confidence", "allotment"]


# --------------------------------------------------------------------------- in the app (child)


def _rss_kb() -> tuple[int, int]:
    """(VmRSS, VmHWM) of this process in KiB, from /proc/self/status (0 if unknown)."""
    rss = hwm = 0
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                rss = int(line.split()[1])
            elif line.startswith("VmHWM:"):
                hwm = int(line.split()[1])
    except OSError:
        import resource

        hwm = rss = int(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)
    return rss, hwm


def gui_figures(data_dir: Path) -> dict[str, Any]:
    """Open the Journal (and Trends) page on the vault in ``data_dir``; time everything."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

    from ips_reflect.core.content import load_content
    from ips_reflect.gui.pages.journal import create_page
    from ips_reflect.gui.pages.trends import create_page as create_trends
    from ips_reflect.gui.shell.app import ensure_application
    from ips_reflect.gui.widgets import theme as theming
    from ips_reflect.store.vault import Vault

    app = ensure_application()
    theming.apply_theme(app, "light", 11, force=True)
    content = load_content()
    spec = create_page(content)
    view, journal = spec.view, spec.controller
    view.resize(1280, 800)
    view.show()
    for _ in range(5):
        app.processEvents()
    vault = Vault.unlock(data_dir, PASSPHRASE)

    def painted() -> None:
        view.repaint()
        app.processEvents()

    out: dict[str, Any] = {}
    t0 = time.perf_counter()
    journal.set_vault(vault)
    painted()
    out["open_journal_ms"] = (time.perf_counter() - t0) * 1000
    out["entries"] = journal.model.rowCount()

    # Open an entry first, so each keystroke also re-highlights the reading pane.
    journal._select_row(3)
    painted()
    # Each word is typed four times; the first round warms the caches (as a person's
    # first search does) and each keystroke's figure is the median of the other
    # three, so a moment's scheduling noise from other processes does not count.
    rounds: dict[str, list[list[float]]] = {w: [] for w in WORDS}
    for round_no in range(4):
        for word in WORDS:
            times = []
            for i in range(1, len(word) + 1):
                t = time.perf_counter()
                journal.set_search(word[:i], immediate=True)
                painted()
                times.append((time.perf_counter() - t) * 1000)
            journal.set_search("", immediate=True)
            painted()
            if round_no:
                rounds[word].append(times)
    per_word = {
        w: [statistics.median(col) for col in zip(*r, strict=True)] for w, r in rounds.items()
    }
    out["keystroke_ms"] = [t for times in per_word.values() for t in times]
    out["keystroke_words"] = per_word

    # The same with two filters on (kind and audience).
    from ips_reflect.store.journal_index import JournalFilter

    journal.set_filters(JournalFilter(kind="after_reflection", audience="client"))
    filtered_rounds = []
    for _ in range(3):
        times = []
        for i in range(1, len(WORDS[0]) + 1):
            t = time.perf_counter()
            journal.set_search(WORDS[0][:i], immediate=True)
            painted()
            times.append((time.perf_counter() - t) * 1000)
        journal.set_search("", immediate=True)
        filtered_rounds.append(times)
    out["keystroke_filtered_ms"] = [
        statistics.median(col) for col in zip(*filtered_rounds, strict=True)
    ]
    journal.set_filters(JournalFilter())
    journal.set_search("", immediate=True)
    painted()

    def scroll_all() -> list[float]:
        bar = journal.table.verticalScrollBar()
        steps = []
        value = 0
        bar.setValue(0)
        painted()
        while value < bar.maximum():
            value = min(bar.maximum(), value + bar.pageStep())
            t = time.perf_counter()
            bar.setValue(value)
            journal.table.viewport().repaint()
            app.processEvents()
            steps.append((time.perf_counter() - t) * 1000)
        return steps

    out["scroll_ms"] = scroll_all()
    journal.set_search("work", immediate=True)
    painted()
    out["scroll_search_rows"] = journal.model.rowCount()
    out["scroll_search_ms"] = scroll_all()
    journal.set_search("", immediate=True)
    painted()

    opens = []
    rows = journal.model.rowCount()
    for k in range(60):
        row = (k * 7919) % rows
        t = time.perf_counter()
        journal._select_row(row)
        journal.browser.viewport().repaint()
        app.processEvents()
        opens.append((time.perf_counter() - t) * 1000)
    out["open_entry_ms"] = opens

    # Trends over the last 12 months, pinned to the newest entry so that every
    # synthetic entry falls inside the period (the worst case).
    from datetime import datetime

    newest = max(r.created for r in journal.catalog.rows.values())
    trends = create_trends(content)
    trends.controller.today = datetime.fromisoformat(newest).date()
    trends.controller.set_period("12m")
    trends.view.resize(1280, 900)
    trends.view.show()
    app.processEvents()
    t = time.perf_counter()
    trends.controller.set_vault(vault)  # shown: reads the vault and draws the charts
    trends.view.repaint()
    app.processEvents()
    out["trends_ms"] = (time.perf_counter() - t) * 1000
    out["trends_shares"] = trends.controller.report.share_count

    rss, hwm = _rss_kb()
    out["rss_mb"] = rss / 1024
    out["hwm_mb"] = hwm / 1024
    journal.set_vault(None)
    trends.controller.set_vault(None)
    vault.close()
    return out


# --------------------------------------------------------------------------- the report


def _ms(values: list[float]) -> tuple[float, float]:
    return statistics.median(values), max(values)


def run(report: Report, n: int = 10_000) -> dict[str, float]:
    from ips_reflect.store.vault import Vault

    work = Path(tempfile.mkdtemp(prefix="ips-reflect-journal-bench-"))
    figures: dict[str, float] = {}
    try:
        entries = generate_entries(n)
        data_dir = work / "vault"
        vault, _ = Vault.create(data_dir, PASSPHRASE)
        try:
            vault.entries.import_entries(entries)
        finally:
            vault.close()

        env = dict(os.environ, QT_QPA_PLATFORM="offscreen", PYTHONPATH=str(REPO))
        child = subprocess.run(
            [sys.executable, "-m", "benchmarks.journal_bench", "--gui", str(data_dir)],
            capture_output=True,
            text=True,
            env=env,
            cwd=REPO,
            check=False,
        )
        if child.returncode != 0:
            raise RuntimeError(child.stderr[-2000:])
        g = json.loads(child.stdout.strip().splitlines()[-1])
        count = f"{g['entries']:,} entries"
        med, worst = _ms(g["keystroke_ms"])
        figures.update(keystroke_median_ms=med, keystroke_max_ms=worst)
        note = (
            f"{len(g['keystroke_ms'])} keystrokes in {len(WORDS)} words, to the repaint; "
            "each the median of 3 rounds"
        )
        report(f"journal search per keystroke, median ({count})", med, "ms", 50.0, note=note)
        report("journal search per keystroke, worst", worst, "ms", 50.0, note=note)
        med, worst = _ms(g["keystroke_filtered_ms"])
        report("journal search per keystroke with 2 filters, worst", worst, "ms", 50.0)
        med, worst = _ms(g["scroll_ms"])
        figures.update(scroll_median_ms=med, scroll_max_ms=worst)
        note = f"{len(g['scroll_ms'])} page steps to the bottom"
        report("journal list scroll per page, median", med, "ms", 100.0, note=note)
        report("journal list scroll per page, worst", worst, "ms", 100.0, note=note)
        med, worst = _ms(g["scroll_search_ms"])
        note = f"{g['scroll_search_rows']:,} results with snippets"
        report("journal results scroll per page, worst", worst, "ms", 100.0, note=note)
        med, worst = _ms(g["open_entry_ms"])
        figures.update(open_median_ms=med, open_max_ms=worst)
        report("open entry in reading pane, median", med, "ms", 100.0, note="60 entries")
        report("open entry in reading pane, worst", worst, "ms", 100.0, note="60 entries")
        figures["open_journal_ms"] = g["open_journal_ms"]
        report("open the journal after unlock", g["open_journal_ms"], "ms", note=count)
        figures["trends_ms"] = g["trends_ms"]
        report(
            "trends page, all four charts (12 months)",
            g["trends_ms"],
            "ms",
            note=f"{count}, {g['trends_shares']:,} shares in the period",
        )
        figures["rss_mb"] = g["rss_mb"]
        report(
            "memory with the journal open (VmRSS)",
            g["rss_mb"],
            "MB",
            250.0,
            note=f"{count}, Journal and Trends pages; peak {g['hwm_mb']:.0f} MB",
        )

    finally:
        shutil.rmtree(work, ignore_errors=True)
    return figures


def main(argv: list[str]) -> int:
    if len(argv) == 2 and argv[0] == "--gui":
        print(json.dumps(gui_figures(Path(argv[1]))))
        return 0
    from benchmarks.report import Report as _Table

    run(_Table())
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
