"""`ips-reflect team booklet` as a team lead runs it."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

from ips_reflect.cli import main

REPO = Path(__file__).resolve().parent.parent.parent
# "Sam Patel's card: team/sam.yaml:4:12: reason" (or "The card in x.yaml: ..." when the
# card does not say whose it is)
LINE = re.compile(r"^(?:.+'s card|The card in \S+): \S+\.ya?ml:\d+:\d+: \S")


def run(*args: str) -> int:
    return main(["team", "booklet", *args])


def test_valid_folder_writes_the_booklet(team_dir: Path, tmp_path: Path, capsys, pdf_text) -> None:
    out = tmp_path / "booklet.pdf"
    assert run(str(team_dir), "-o", str(out), "--service", "Leeds IPS", "--title", "Hello") == 0
    captured = capsys.readouterr()
    assert captured.out.strip() == f"Wrote {out}: 5 people, 8 pages."
    assert captured.err == ""
    text = pdf_text(out)
    assert "Hello" in text and "Leeds IPS" in text and "Александра Иванова" in text


def test_invalid_cards_stop_the_build_and_write_nothing(
    mixed_dir: Path, tmp_path: Path, capsys
) -> None:
    out = tmp_path / "booklet.pdf"
    assert run(str(mixed_dir), "-o", str(out)) == 1
    err = capsys.readouterr().err
    assert not out.exists()
    assert list(tmp_path.glob("*.part")) == [] and list(tmp_path.glob(".booklet*")) == []
    lines = err.strip().splitlines()
    problem_lines = [ln for ln in lines if not ln.startswith("ips-reflect:")]
    assert problem_lines and all(LINE.match(ln) for ln in problem_lines), err
    assert any("phone.yaml:9:" in ln and "07700 900123" in ln for ln in problem_lines)
    assert any(ln.startswith("Phoebe Phone's card: ") for ln in problem_lines)
    assert any("unknown_key.yaml:9:1:" in ln for ln in problem_lines)
    assert any("python_tag.yaml:3:" in ln for ln in problem_lines)
    assert "3 of 8 cards have problems, so no booklet was written" in err
    assert "--skip-invalid" in err
    assert "Traceback" not in err


def test_skip_invalid_writes_the_valid_cards_and_lists_the_rest(
    mixed_dir: Path, tmp_path: Path, capsys, pdf_text
) -> None:
    out = tmp_path / "booklet.pdf"
    assert run(str(mixed_dir), "-o", str(out), "--skip-invalid") == 0
    captured = capsys.readouterr()
    assert out.exists()
    assert "Wrote" in captured.out and "5 people" in captured.out
    assert "Left out 3 cards with problems" in captured.err
    assert "phone.yaml" in captured.err
    assert "Phoebe Phone (" in captured.err
    text = pdf_text(out)
    for absent in ("Phoebe Phone", "Kit Keys", "07700", "pwned"):
        assert absent not in text
    assert "Zoë Hartley" in text


def test_empty_folder_is_a_clear_error(tmp_path: Path, capsys) -> None:
    empty = tmp_path / "empty"
    empty.mkdir()
    out = tmp_path / "b.pdf"
    assert run(str(empty), "-o", str(out)) == 1
    err = capsys.readouterr().err
    assert "There are no biography cards" in err
    assert not out.exists()


def test_folder_with_no_valid_cards(tmp_path: Path, capsys) -> None:
    d = tmp_path / "bad"
    d.mkdir()
    (d / "a.yaml").write_text("name: [\n", encoding="utf-8")
    out = tmp_path / "b.pdf"
    assert run(str(d), "-o", str(out), "--skip-invalid") == 1
    err = capsys.readouterr().err
    assert "a.yaml:" in err
    assert "None of the 1 cards" in err
    assert not out.exists()


def test_missing_folder_and_bad_output_name(tmp_path: Path, team_dir: Path, capsys) -> None:
    assert run(str(tmp_path / "nope"), "-o", str(tmp_path / "b.pdf")) == 1
    assert "does not exist" in capsys.readouterr().err
    assert run(str(team_dir), "-o", str(tmp_path / "booklet.docx")) == 1
    assert "ending in .pdf" in capsys.readouterr().err
    assert run(str(team_dir), "-o", str(tmp_path / "no" / "b.pdf")) == 1
    assert "does not exist" in capsys.readouterr().err


def test_output_is_required(team_dir: Path) -> None:
    with pytest.raises(SystemExit) as info:
        run(str(team_dir))
    assert info.value.code == 2


def test_real_process_exit_codes_and_no_traceback(mixed_dir: Path, tmp_path: Path) -> None:
    out = tmp_path / "booklet.pdf"
    cmd = [sys.executable, "-m", "ips_reflect", "team", "booklet", str(mixed_dir), "-o", str(out)]
    bad = subprocess.run(cmd, capture_output=True, text=True, cwd=REPO, timeout=120)
    assert bad.returncode == 1
    assert "Traceback" not in bad.stderr
    assert not out.exists()
    good = subprocess.run(
        [*cmd, "--skip-invalid"], capture_output=True, text=True, cwd=REPO, timeout=120
    )
    assert good.returncode == 0, good.stderr
    assert "Traceback" not in good.stderr
    assert out.exists()
    assert good.stdout.startswith(f"Wrote {out}: 5 people,")
