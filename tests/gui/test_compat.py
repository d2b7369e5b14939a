"""Guard against the Qt bindings' reference-counting fault.

PySide6 6.12.0 on Python 3.11 drops a reference to ``None`` on every Qt call
that returns nothing (and to ``True`` on every signal emit); after a few
thousand calls Python aborts with "none_dealloc". pyproject.toml excludes that
release. This test fails if a version with the fault is ever installed again.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]

STRESS = """
import os
os.environ["QT_QPA_PLATFORM"] = "offscreen"
from PySide6.QtCore import QObject
obj = QObject()
for _ in range(200_000):
    obj.setObjectName("x")           # returns nothing: drops a ref to None if faulty
    obj.objectNameChanged.emit("y")  # emits: drops a ref to True if faulty
print("survived")
"""


def test_many_qt_calls_do_not_crash_python():
    result = subprocess.run(
        [sys.executable, "-c", STRESS], capture_output=True, text=True, cwd=REPO, timeout=120
    )
    assert result.returncode == 0, result.stderr[-2000:]
    assert "survived" in result.stdout
