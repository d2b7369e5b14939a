"""`ips-reflect content check` as a user runs it."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

from ips_reflect.cli import main

REPO = Path(__file__).resolve().parent.parent


def run_cli(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "ips_reflect", *args],
        capture_output=True,
        text=True,
        cwd=cwd or REPO,
        timeout=60,
    )


def test_builtin_content_checks_clean_with_at_least_70_items() -> None:
    result = run_cli("content", "check", "content")
    assert result.returncode == 0, result.stderr
    match = re.match(
        r"OK: (\d+) items in (\d+) packs \(13 warning signs, 9 positive reasons\)", result.stdout
    )
    assert match, result.stdout
    assert int(match.group(1)) >= 70


def test_malformed_pack_gives_file_line_col_and_exit_1(tmp_path: Path) -> None:
    bad = tmp_path / "bad"
    bad.mkdir()
    (bad / "broken.yaml").write_text(
        "format: ips-reflect/content\nversion: 1\npack: broken\ntitle: [unclosed\n",
        encoding="utf-8",
    )
    result = run_cli("content", "check", str(bad))
    assert result.returncode == 1
    first = result.stderr.splitlines()[0]
    assert re.match(r".*broken\.yaml:\d+:\d+: YAML syntax error", first), result.stderr
    assert "Traceback" not in result.stderr
    assert "1 problem found" in result.stderr


def test_python_tag_is_refused_without_running(tmp_path: Path) -> None:
    marker = tmp_path / "ran"
    bad = tmp_path / "bad"
    bad.mkdir()
    (bad / "evil.yaml").write_text(
        "format: ips-reflect/content\nversion: 1\npack: evil\n"
        f'title: !!python/object/apply:os.system ["touch {marker}"]\n',
        encoding="utf-8",
    )
    result = run_cli("content", "check", str(bad))
    assert result.returncode == 1
    assert "evil.yaml:4:8:" in result.stderr and "Python code" in result.stderr
    assert not marker.exists()


def test_override_in_data_dir_is_checked_too(data_dir: Path, capsys) -> None:
    org = data_dir / "content"
    org.mkdir(parents=True)
    (org / "ours.yaml").write_text(
        "format: ips-reflect/content\nversion: 1\npack: preparation\nsections:\n"
        "  - id: ours.extra\n    title: Ours\n    source: Local\n    items:\n"
        "      - id: ours.q\n        type: question\n        text: Local question?\n"
        "        help: Local help.\n        source: Local policy\n        answer: scale\n"
        "        audiences: [manager]\n",
        encoding="utf-8",
    )
    assert main(["--data-dir", str(data_dir), "content", "check"]) == 1
    err = capsys.readouterr().err
    assert "ours.yaml:15:21: 'manager' in audiences is not the id of a context" in err


def test_valid_override_is_counted(tmp_path: Path, capsys) -> None:
    org = tmp_path / "org"
    org.mkdir()
    (org / "ours.yaml").write_text(
        "format: ips-reflect/content\nversion: 1\npack: preparation\nsections:\n"
        "  - id: ours.extra\n    title: Ours\n    source: Local\n    items:\n"
        "      - id: ours.q\n        type: question\n        text: Local question?\n"
        "        help: Local help.\n        source: Local policy\n        answer: text\n",
        encoding="utf-8",
    )
    assert main(["content", "check"]) == 0
    builtin = int(capsys.readouterr().out.split()[1])
    assert main(["--content-dir", str(org), "content", "check"]) == 0
    out = capsys.readouterr().out
    assert int(out.split()[1]) == builtin + 1
    assert str(org) in out


def test_usage_error_exits_2() -> None:
    result = run_cli("content", "frobnicate")
    assert result.returncode == 2
    assert "Traceback" not in result.stderr


def test_headless_command_never_loads_qt() -> None:
    code = (
        "import sys; from ips_reflect.cli import main; rc = main(['content', 'check']); "
        "assert 'PySide6' not in sys.modules, 'Qt was imported'; sys.exit(rc)"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, cwd=REPO, timeout=60
    )
    assert result.returncode == 0, result.stderr
