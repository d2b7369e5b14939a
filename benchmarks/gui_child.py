"""Run a benchmark's GUI half in a child process on a vault of generated entries.

Generating and importing the entries happens here, in the parent, so it counts neither
towards the child's memory nor its time; the child (``python -m MODULE --gui DATA_DIR``)
prints one JSON line of figures, which is returned.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

from benchmarks.vault_bench import bench_import, generate_entries

REPO = Path(__file__).resolve().parent.parent


def figures_in_child(module: str, n: int, timeout: float = 900) -> dict[str, Any]:
    """The figures ``module``'s ``--gui`` half measures on a vault of ``n`` entries."""
    work = Path(tempfile.mkdtemp(prefix="ips-reflect-bench-"))
    try:
        data_dir = work / "vault"
        bench_import(data_dir, generate_entries(n))
        child = subprocess.run(
            [sys.executable, "-m", module, "--gui", str(data_dir)],
            capture_output=True,
            text=True,
            cwd=REPO,
            env=dict(os.environ, QT_QPA_PLATFORM="offscreen", PYTHONPATH=str(REPO)),
            timeout=timeout,
            check=False,
        )
        if child.returncode != 0:
            raise RuntimeError(child.stderr[-2000:])
        figures: dict[str, Any] = json.loads(child.stdout.strip().splitlines()[-1])
        return figures
    finally:
        shutil.rmtree(work, ignore_errors=True)


def bench_main(
    argv: list[str],
    gui_figures: Callable[[Path], dict[str, Any]],
    run: Callable[[Any], object],
) -> int:
    """A bench module's ``main``: ``--gui DATA_DIR`` is the child (prints its figures as
    one JSON line); anything else runs the whole bench and prints the table."""
    if len(argv) == 2 and argv[0] == "--gui":
        print(json.dumps(gui_figures(Path(argv[1]))))
        return 0
    from benchmarks.report import Report

    run(Report())
    return 0


def settle_flag_sync(window: Any, app: Any, timeout: float = 300) -> None:
    """Wait for the first flag check after unlock to end.

    The first unlock of a vault whose flags were never checked starts a full check on a
    worker (seconds at 10,000 entries); a figure of the settled app is measured after
    it. What that check costs the GUI thread meanwhile is measured on its own
    (``scale_bench``: "GUI query while flags re-check")."""
    import time

    from ips_reflect.gui.shell import flag_sync

    sync = window.controllers[flag_sync.KEY]
    settled: list[object] = []
    sync.synced.connect(settled.append)
    sync.failed.connect(settled.append)
    deadline = time.perf_counter() + timeout
    while not settled and sync.busy and time.perf_counter() < deadline:
        app.processEvents()
        time.sleep(0.01)
