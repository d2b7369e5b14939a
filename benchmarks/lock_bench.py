"""Locking at 10,000 entries, for ``make bench``.

Figures (the real app shell, main window and every page, offscreen, in a child process
so that generating the entries does not count):

* lock to prompt: from Ctrl+L (the Lock action) until every page has cleared and the
  unlock prompt is on screen and painted - median and worst of 5 locks, each after a
  fresh unlock with the Journal open on all 10,000 entries;
* the automatic backup that follows on its worker, timed from the lock to the file
  being written: the time the window used to stay frozen when the backup ran on the
  GUI thread, so the ratio lock/backup shows what moving it gained;
* quitting: from Quit until the app may end (lock, then wait for the backup).

Use ``run(report)``; run alone with ``python -m benchmarks.lock_bench``.
"""

from __future__ import annotations

import os
import statistics
import sys
import time
from pathlib import Path
from typing import Any

from benchmarks.gui_child import bench_main, figures_in_child
from benchmarks.report import Report
from benchmarks.vault_bench import PASSPHRASE

REPO = Path(__file__).resolve().parent.parent
ROUNDS = 5
BUDGET_MS = 100.0


def gui_figures(data_dir: Path) -> dict[str, Any]:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtWidgets import QApplication

    from ips_reflect.core.content import load_content
    from ips_reflect.core.settings import Settings
    from ips_reflect.gui.shell.app import AppShell, ensure_application
    from ips_reflect.store.vault import Vault

    app = ensure_application()
    shell = AppShell(load_content(), Settings(), data_dir)

    def settle(rounds: int = 5) -> None:
        for _ in range(rounds):
            app.processEvents()

    def unlock() -> None:
        vault = Vault.unlock(data_dir, PASSPHRASE)
        if shell.gate is not None and shell.gate.dialog is not None:
            shell.gate.dialog.blockSignals(True)  # as if the prompt had opened it
            shell.gate.dialog.hide()
        shell._on_unlocked(vault)
        assert shell.window is not None
        shell.window.show_page("journal")
        shell.window.view.resize(1366, 768)
        settle(20)

    lock_ms: list[float] = []
    backup_ms: list[float] = []
    for _ in range(ROUNDS):
        unlock()
        assert shell.window is not None
        t0 = time.perf_counter()
        shell.window.action("actionLock").trigger()
        assert shell.gate is not None and shell.gate.dialog is not None
        dialog = shell.gate.dialog
        dialog.repaint()
        QApplication.processEvents()
        assert dialog.isVisible() and not shell.window.view.isVisible()
        lock_ms.append((time.perf_counter() - t0) * 1000)
        shell.session.backups.wait()
        backup_ms.append((time.perf_counter() - t0) * 1000)
        settle()

    unlock()
    t0 = time.perf_counter()
    shell._on_quit()  # lock, then wait for the backup: what quitting costs now
    quit_ms = (time.perf_counter() - t0) * 1000
    return {"lock_ms": lock_ms, "backup_ms": backup_ms, "quit_ms": quit_ms}


def run(report: Report, n: int = 10_000) -> dict[str, float]:
    g = figures_in_child("benchmarks.lock_bench", n)
    lock_med, lock_max = statistics.median(g["lock_ms"]), max(g["lock_ms"])
    backup_med = statistics.median(g["backup_ms"])
    count = f"{n:,} entries, {ROUNDS} locks"
    report("lock to unlock prompt, median", lock_med, "ms", BUDGET_MS, note=count)
    report("lock to unlock prompt, worst", lock_max, "ms", BUDGET_MS, note=count)
    report(
        "automatic backup after the lock (on its worker)",
        backup_med,
        "ms",
        note=f"the window no longer waits for it: lock is {lock_med / backup_med:.2f}x of it",
    )
    report("quit: lock and finish the backup", g["quit_ms"], "ms", note=count)
    return {"lock_ms": lock_med, "lock_max_ms": lock_max, "backup_ms": backup_med}


if __name__ == "__main__":
    sys.exit(bench_main(sys.argv[1:], gui_figures, run))
