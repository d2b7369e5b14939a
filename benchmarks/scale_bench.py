"""The app at 100,000 entries, for ``make bench``: DESIGN.md asks that every 10k budget
still holds (and RSS < 400 MB).

A vault of 100,000 synthetic entries (:func:`benchmarks.flags_bench.generate`: the
vault benchmark's entries, one in twenty with a warning-sign sentence) is imported in
one transaction (timed), then measured in two fresh processes:

* ``benchmarks.journal_bench --gui``: the Journal page's search per keystroke, list
  and results scrolling, opening entries, opening the journal, Trends and memory, as
  at 10,000 entries;
* the upgrade to schema version 7 (the search index rebuilt with prefix indexes, the
  trends' covering indexes), as the first unlock after the upgrade runs it: the vault is
  set back to version 6 (the new indexes dropped) and unlocked, less a plain unlock;
* ``--flags`` (here): a full flag re-check (what new patterns or a new model start)
  through the app's :class:`FlagSync`, while the Home page is refreshed on the GUI
  thread every quarter second for :data:`WATCH_S` seconds: the worst refresh is the
  figure. The re-check of all 100,000 is not waited for (about two and a half
  minutes); its length is extrapolated from :data:`SAMPLE` entries searched in
  process, and the note says so.

Runtime: about three minutes on two cores. Use ``run(report)``; run alone with
``python -m benchmarks.scale_bench``.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from benchmarks.journal_bench import _ms, _rss_kb
from benchmarks.vault_bench import PASSPHRASE, REPO

Report = Any
N = 100_000
WATCH_S = 20.0  # seconds of the re-check during which the GUI thread is timed
SAMPLE = 5_000  # entries searched in process to extrapolate the whole re-check


def flag_figures(data_dir: Path) -> dict[str, Any]:
    """(child) Home page refreshes while FlagSync re-checks every entry."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

    from ips_reflect.core.content import load_content
    from ips_reflect.gui.pages.home import create_page
    from ips_reflect.gui.shell.app import ensure_application
    from ips_reflect.gui.shell.flag_sync import FlagSync
    from ips_reflect.store.vault import Vault

    app = ensure_application()
    content = load_content()
    _title, _icon, view, home, _key = create_page(content)
    view.resize(1280, 800)
    view.show()
    vault = Vault.unlock(data_dir, PASSPHRASE)
    home.set_vault(vault)
    app.processEvents()

    def refresh_ms() -> float:
        t = time.perf_counter()
        home.refresh()
        view.repaint()
        app.processEvents()
        return (time.perf_counter() - t) * 1000

    alone = sorted(refresh_ms() for _ in range(10))[5]
    sync = FlagSync(content)
    sync.set_vault(vault)
    sync.request()  # a new vault: every entry is searched
    during: list[float] = []
    started = time.perf_counter()
    while time.perf_counter() - started < WATCH_S and (sync.busy or not during):
        wait = time.perf_counter() + 0.25
        while time.perf_counter() < wait:
            app.processEvents()
            time.sleep(0.01)
        during.append(refresh_ms())
    rss, hwm = _rss_kb()
    return {
        "alone_ms": alone,
        "during_ms": during,
        "finished": not sync.busy,
        "rss_mb": rss / 1024,
        "hwm_mb": hwm / 1024,
    }


def migration_seconds(data_dir: Path) -> float:
    """Seconds the upgrade to version 7 adds to an unlock (the vault is left at 7)."""
    from ips_reflect.store.vault import Vault

    def unlock_s() -> float:
        t = time.perf_counter()
        Vault.unlock(data_dir, PASSPHRASE).close()
        return time.perf_counter() - t

    plain = min(unlock_s() for _ in range(2))
    vault = Vault.unlock(data_dir, PASSPHRASE)
    try:
        for statement in (
            "DROP INDEX entries_shares",
            "DROP INDEX flags_by_entry_sign",
            "PRAGMA user_version = 6",
        ):
            vault.db.conn.execute(statement)
    finally:
        vault.close()
    return unlock_s() - plain


def _child(args: list[str]) -> dict[str, Any]:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", PYTHONPATH=str(REPO))
    child = subprocess.run(
        [sys.executable, "-m", *args], capture_output=True, text=True, env=env, cwd=REPO
    )
    if child.returncode != 0:
        raise RuntimeError(child.stderr[-2000:])
    out: dict[str, Any] = json.loads(child.stdout.strip().splitlines()[-1])
    return out


def run(report: Report, n: int = N) -> dict[str, float]:
    from benchmarks.flags_bench import PLAN, generate
    from ips_reflect.core.content import load_content
    from ips_reflect.core.flags import FlagEngine
    from ips_reflect.store.vault import Vault

    begun = time.perf_counter()
    work = Path(tempfile.mkdtemp(prefix="ips-reflect-scale-bench-"))
    figures: dict[str, float] = {}
    count = f"{n:,} entries"
    try:
        entries = generate(n)
        engine = FlagEngine(load_content())
        t = time.perf_counter()
        engine.scan_entries(entries[:SAMPLE], PLAN, patterns=False)
        figures["recheck_s"] = (time.perf_counter() - t) * n / SAMPLE
        data_dir = work / "vault"
        vault, _ = Vault.create(data_dir, PASSPHRASE)
        try:
            t = time.perf_counter()
            vault.entries.import_entries(entries)
            figures["import_s"] = time.perf_counter() - t
            vault.plans.save(PLAN)
        finally:
            vault.close()
        del entries
        report(f"import {count}", figures["import_s"], "s", note="one transaction")
        figures["migration_s"] = migration_seconds(data_dir)
        note = "once, at the first unlock after the upgrade (in the unlock worker, busy bar)"
        report(f"upgrade to schema 7 ({count})", figures["migration_s"], "s", note=note)

        g = _child(["benchmarks.journal_bench", "--gui", str(data_dir)])
        med, worst = _ms(g["keystroke_ms"])
        figures.update(keystroke_median_ms=med, keystroke_max_ms=worst)
        note = f"{len(g['keystroke_ms'])} keystrokes to the repaint, median of 3 rounds"
        report(f"journal search per keystroke, median ({count})", med, "ms", 50.0, note=note)
        report(f"journal search per keystroke, worst ({count})", worst, "ms", 50.0, note=note)
        _med, worst = _ms(g["keystroke_filtered_ms"])
        report(f"journal search per keystroke, 2 filters, worst ({count})", worst, "ms", 50.0)
        med, worst = _ms(g["scroll_ms"])
        figures.update(scroll_max_ms=worst)
        note = f"{len(g['scroll_ms'])} page steps"
        report(f"journal list scroll per page, worst ({count})", worst, "ms", 100.0, note=note)
        _med, worst = _ms(g["scroll_search_ms"])
        note = f"{g['scroll_search_rows']:,} results with snippets"
        report(f"journal results scroll per page, worst ({count})", worst, "ms", 100.0, note=note)
        med, worst = _ms(g["open_entry_ms"])
        report(f"open entry in reading pane, median ({count})", med, "ms", 100.0)
        report(f"open entry in reading pane, worst ({count})", worst, "ms", 100.0)
        report(f"open the journal after unlock ({count})", g["open_journal_ms"], "ms")
        figures["trends_ms"] = g["trends_ms"]
        note = f"{g['trends_shares']:,} shares in the period"
        report(f"trends page, all four charts ({count})", g["trends_ms"], "ms", 100.0, note=note)
        figures["rss_mb"] = g["rss_mb"]
        note = f"Journal and Trends pages; peak {g['hwm_mb']:.0f} MB"
        report(f"memory with the journal open ({count})", g["rss_mb"], "MB", 400.0, note=note)

        f = _child(["benchmarks.scale_bench", "--flags", str(data_dir)])
        figures["gui_during_recheck_ms"] = max(f["during_ms"])
        note = (
            f"Home page refresh, {f['alone_ms']:.0f} ms alone; {len(f['during_ms'])} refreshes "
            f"in the first {WATCH_S:.0f} s of a full re-check"
        )
        report("GUI query while flags re-check, worst", max(f["during_ms"]), "ms", 100.0, note=note)
        note = (
            f"extrapolated from {SAMPLE:,} entries searched in process; in the app it runs "
            "in a helper process (peak RSS of the app meanwhile "
            f"{f['hwm_mb']:.0f} MB)"
        )
        report(f"flag re-check of every entry ({count})", figures["recheck_s"], "s", note=note)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    print(f"  (the {count} run took {time.perf_counter() - begun:.0f} s)", flush=True)
    return figures


def main(argv: list[str]) -> int:
    if len(argv) == 2 and argv[0] == "--flags":
        print(json.dumps(flag_figures(Path(argv[1]))), flush=True)
        os._exit(0)  # the re-check is not waited for; its helper process ends with us
    from benchmarks.report import Report as _Table

    run(_Table())
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
