"""Run a tiny pytest session on test files written by a test, in a child process.

For tests of the test suite's own guards (the network guard, the dialog rescue): the
inner session loads ``tests/conftest.py`` as a plugin, so it has the same guard, and
it logs child-process network attempts to a log file of its own, not to this run's.
"""

from __future__ import annotations

import os
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent

INI = """\
[pytest]
addopts = -p no:cacheprovider -p tests.conftest -q -rA
qt_api = pyside6
"""


@dataclass
class Run:
    returncode: int
    output: str
    seconds: float
    log: str  # what the inner session's child processes wrote to its network log


def run_pytest(folder: Path, files: dict[str, str], *args: str, limit: float = 120) -> Run:
    """Write ``files`` into ``folder`` and run pytest there (REPO and tests/gui importable)."""
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "pytest.ini").write_text(INI)
    for name, text in files.items():
        (folder / name).write_text(text)
    log = folder / "inner-netguard.log"
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(
        [str(REPO), str(REPO / "tests" / "gui"), env.get("PYTHONPATH", "")]
    )
    env["IPS_REFLECT_NETGUARD_LOG"] = str(log)
    env["QT_QPA_PLATFORM"] = "offscreen"
    env.pop("PYTEST_ADDOPTS", None)
    start = time.monotonic()
    done = subprocess.run(
        [sys.executable, "-m", "pytest", "--rootdir", str(folder), *args],
        cwd=folder,
        env=env,
        capture_output=True,
        text=True,
        timeout=limit,
    )
    return Run(
        done.returncode,
        done.stdout + done.stderr,
        time.monotonic() - start,
        log.read_text() if log.exists() else "",
    )
