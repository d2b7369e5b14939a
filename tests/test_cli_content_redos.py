"""A pack regex that can backtrack for ever is refused wherever the pack is loaded:
`ips-reflect content check`, an organisation's `--content-dir`, `flags scan`.

Each command runs in a subprocess with a time limit, so a pattern that slipped
through and hung the scan would fail the test instead of hanging the run."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
ISSUE_REGEX = r"\bsecret (a+)+b"

SIGN_PACK = """\
format: ips-reflect/content
version: 1
pack: extra
title: Extra
source: Local
sections:
  - id: extra.signs
    title: Signs
    source: Local
    items:
      - id: extra.sign
        type: warning_sign
        text: A sign an organisation adds.
        help: Why it matters.
        source: Local policy
        patterns:
          - regex: '{regex}'
            why: Our own wording.
"""

ORG_PACK = """\
format: ips-reflect/content
version: 1
pack: warning_signs
sections:
  - id: warn.signs
    items:
      - id: secrets
        patterns:
          - phrase: our secret
            exclude: ['\\bgame\\b', '{regex}']
"""


def run_cli(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "ips_reflect", *args],
        capture_output=True,
        text=True,
        cwd=REPO,
        timeout=60,
    )


def _line_col(path: Path, needle: str) -> tuple[int, int]:
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if needle in line:
            return n, line.index("'" if "regex:" in line else needle) + 1
    raise AssertionError(f"{needle!r} not in {path}")


@pytest.mark.timeout(60)
def test_the_issues_regex_is_refused_by_content_check(tmp_path: Path) -> None:
    packs = tmp_path / "packs"
    shutil.copytree(REPO / "content", packs)
    (packs / "extra.yaml").write_text(SIGN_PACK.format(regex=ISSUE_REGEX), encoding="utf-8")
    result = run_cli("content", "check", str(packs))
    assert result.returncode == 1, result.stdout
    line, col = _line_col(packs / "extra.yaml", ISSUE_REGEX)
    first = result.stderr.splitlines()[0]
    assert re.search(rf"extra\.yaml:{line}:{col}: the regex '{re.escape(ISSUE_REGEX)}'", first), (
        result.stderr
    )
    assert "take for ever" in first and "(a+)+ -> a+" in first
    assert "1 problem found" in result.stderr
    assert "Traceback" not in result.stderr


@pytest.mark.timeout(60)
def test_a_nested_repeat_in_an_organisations_exclude_is_refused(tmp_path: Path) -> None:
    org = tmp_path / "org"
    org.mkdir()
    (org / "ours.yaml").write_text(ORG_PACK.format(regex=r"(\w+\s?)+$"), encoding="utf-8")
    result = run_cli("--content-dir", str(org), "content", "check")
    assert result.returncode == 1
    line = 10
    assert f"ours.yaml:{line}:" in result.stderr and "nested repeat" in result.stderr, result.stderr


@pytest.mark.timeout(60)
def test_flags_scan_stops_at_the_unsafe_pack_instead_of_hanging(tmp_path: Path) -> None:
    org = tmp_path / "org"
    org.mkdir()
    (org / "ours.yaml").write_text(
        ORG_PACK.replace(
            "- phrase: our secret\n            exclude: ['\\bgame\\b', '{regex}']",
            f"- regex: '{ISSUE_REGEX}'",
        ),
        encoding="utf-8",
    )
    note = tmp_path / "note.txt"
    note.write_text("It is our secret aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaac.\n", encoding="utf-8")
    result = run_cli("--content-dir", str(org), "flags", "scan", str(note))
    assert result.returncode == 1
    assert "ours.yaml:9:20: the regex" in result.stderr and "(a+)+ -> a+" in result.stderr


@pytest.mark.timeout(60)
def test_the_shipped_packs_still_check_clean() -> None:
    result = run_cli("content", "check", "content")
    assert result.returncode == 0, result.stderr
