"""Time from starting ``ips-reflect`` to an interactive unlock window.

Each run starts a new process with ``IPS_REFLECT_EXIT_WHEN_READY=1``: the app
prints ``ready`` once its first window is shown and the event loop has run,
then exits. The same is measured for a bare PySide6 window (the floor no Qt
app can beat) so the figure can be read on any machine.
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from benchmarks.report import Report

REPO = Path(__file__).resolve().parent.parent

BARE_WINDOW = """
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QWidget
app = QApplication([])
w = QWidget(); w.setWindowTitle("bare"); w.show()
QTimer.singleShot(0, lambda: (print("ready", flush=True), app.exit(0)))
app.exec()
"""


def _time_until_ready(command: list[str], env: dict[str, str]) -> float:
    t0 = time.perf_counter()
    proc = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, env=env)
    assert proc.stdout is not None
    line = proc.stdout.readline()
    elapsed = time.perf_counter() - t0
    proc.wait(timeout=30)
    if line.strip() != b"ready":
        raise RuntimeError(f"{command[0]} did not report ready (exit {proc.returncode})")
    return elapsed


def measure(runs: int = 7) -> tuple[float, float, float]:
    """Median seconds: (ips-reflect to unlock window, bare PySide6 window, ips-reflect
    to everything loaded behind the unlock window: packs read, full window imported)."""
    data_dir = Path(tempfile.mkdtemp(prefix="ips-reflect-startup-"))
    env = dict(os.environ, IPS_REFLECT_EXIT_WHEN_READY="1", IPS_REFLECT_DATA_DIR=str(data_dir))
    env.setdefault("QT_QPA_PLATFORM", "offscreen")
    env["PYTHONPATH"] = str(REPO)
    from ips_reflect.store.vault import Vault

    Vault.create(data_dir, "kettle orbit marmalade tunnel")[0].close()
    app = [sys.executable, "-m", "ips_reflect"]
    bare = [sys.executable, "-c", BARE_WINDOW]
    loaded_env = dict(env, IPS_REFLECT_EXIT_WHEN_READY="loaded")
    _time_until_ready(app, loaded_env), _time_until_ready(bare, env)  # warm the caches
    app_times, bare_times, loaded_times = [], [], []
    for _ in range(runs):  # alternately, so a busy moment hits both
        app_times.append(_time_until_ready(app, env))
        bare_times.append(_time_until_ready(bare, env))
        loaded_times.append(_time_until_ready(app, loaded_env))
    return (
        statistics.median(app_times),
        statistics.median(bare_times),
        statistics.median(loaded_times),
    )


def run(report: Report) -> None:
    app, bare, loaded = measure()
    report("'ips-reflect' to interactive unlock window", app, "s", 0.8, note="median of 7")
    report("bare PySide6 window (floor), same run", bare, "s")
    report("start-up / bare window", app / bare, "x", 1.5, note="medians of 7, alternated")
    report(
        "'ips-reflect' to everything loaded behind it",
        loaded,
        "s",
        note="packs read, full window's modules imported, while the unlock window waits",
    )


if __name__ == "__main__":
    run(Report())
