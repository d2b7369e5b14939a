"""The app's words are our own: no 8-word run copied from the briefing paper."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
OVERLAP = REPO.parent / "shared" / "tools" / "overlap.py"


@pytest.mark.skipif(not OVERLAP.exists(), reason="../shared is not beside this checkout")
def test_no_sentence_is_copied_from_the_seed_documents() -> None:
    result = subprocess.run(
        [sys.executable, str(OVERLAP), "content", "ui", "README.md"],
        capture_output=True,
        text=True,
        cwd=REPO,
        timeout=120,
    )
    assert result.returncode == 0, result.stdout
    assert result.stdout.strip().splitlines()[-1].startswith("0 line(s)"), result.stdout
