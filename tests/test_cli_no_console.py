"""No console, no crash: the windowed app of an installed build (and ``pythonw``) runs
with ``sys.stdin``, ``sys.stdout`` and ``sys.stderr`` set to None. Every command a
person can reach that way, and the app itself, must finish with its usual exit code
rather than fail on ``isatty()`` or a write to a stream that is not there; a command
that needs a terminal or a stream says so (exit 1) instead.

Each case runs in a fresh ``python -c`` that sets the three to None before calling
``ips_reflect.cli.main``; the exit code comes back through a file.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
PASS = "copper lantern drifts over quiet meadows"

#: Runs ``main(argv)`` with no standard streams; writes the exit code to RESULT_FILE,
#: followed by the type of any exception main() did not expect (it logs those).
NO_CONSOLE = """
import os, sys
sys.stdin = sys.stdout = sys.stderr = None
if os.environ.get("BREAK_COMMAND"):
    import ips_reflect.commands.content_cmd as content_cmd
    def broken(args):
        raise RuntimeError("words from an entry: my private note")
    content_cmd.run_check = broken
import ips_reflect.logfile as logfile
crashes = []
record = logfile.record_crash
def spy(kind, exc, tb, *args, **kwargs):  # an exception main() did not expect
    crashes.append(kind.__name__)
    return record(kind, exc, tb, *args, **kwargs)
logfile.record_crash = spy
from ips_reflect.cli import main
try:
    code = main(sys.argv[1:])
except SystemExit as exc:  # argparse: --help, --version, a usage error
    code = exc.code if isinstance(exc.code, int) else 1
with open(os.environ["RESULT_FILE"], "w") as f:
    f.write(" ".join([str(code), *crashes]))
"""

ENTRIES = {
    "format": "ips-reflect/entries",
    "version": 1,
    "entries": [
        {
            "kind": "journal",
            "created": "2026-11-03T18:00:00+01:00",
            "title": "Café chat",
            "body": "Thinking about the employer visit.",
            "tags": ["reflection"],
        }
    ],
}


def no_console(tmp_path: Path, data_dir: Path, *argv: str, **env: str) -> tuple[int, list[str]]:
    result = tmp_path / "exit-code"
    result.unlink(missing_ok=True)
    environ = {
        k: v
        for k, v in os.environ.items()
        if not k.startswith("IPS_REFLECT_") and k != "RESULT_FILE"
    }
    environ.update(
        IPS_REFLECT_DATA_DIR=str(data_dir),
        QT_QPA_PLATFORM="offscreen",
        RESULT_FILE=str(result),
        **env,
    )
    proc = subprocess.run(
        [sys.executable, "-c", NO_CONSOLE, *argv],
        cwd=tmp_path,
        env=environ,
        capture_output=True,  # what the child's C level writes: Python's streams are None
        stdin=subprocess.DEVNULL,
        timeout=110,
    )
    assert proc.returncode == 0, proc.stderr.decode("utf-8", "replace")[-3000:]
    assert b"Traceback" not in proc.stderr, proc.stderr.decode("utf-8", "replace")
    code, *crashes = result.read_text().split()
    return int(code), crashes


@pytest.mark.timeout(300)
def test_commands_and_the_app_run_with_no_standard_streams(tmp_path: Path, data_dir: Path) -> None:
    entries = tmp_path / "entries.json"
    entries.write_text(json.dumps(ENTRIES), encoding="utf-8")
    team = tmp_path / "team"
    team.mkdir()
    secret = {"IPS_REFLECT_PASSPHRASE": PASS}
    cases = [
        (0, ["--version"], {}),
        (0, ["--help"], {}),
        (2, ["no-such-command"], {}),
        (1, ["init"], {}),  # no passphrase and no terminal to type it: said, not crashed
        (0, ["init"], secret),
        (0, ["content", "check"], {}),
        (0, ["import", str(entries)], secret),
        (0, ["search", "café", "--json"], secret),
        (0, ["search", "café"], secret),
        (0, ["export", "--format", "pdf", "-o", str(tmp_path / "out.pdf")], secret),
        (1, ["export", "--format", "json", "-o", "-"], secret),  # no stdout to write to
        (1, ["flags", "scan", "-"], {}),  # no stdin to read
        (1, ["verify"], {}),  # the passphrase is asked for: no terminal
        (0, ["verify"], secret),
        (0, ["backup", "list"], {}),
        (1, ["team", "booklet", str(team), "-o", str(tmp_path / "b.pdf")], {}),  # no cards
        (0, [], {"IPS_REFLECT_EXIT_WHEN_READY": "1"}),  # the app, to its unlock window
    ]
    for expected, argv, env in cases:
        assert no_console(tmp_path, data_dir, *argv, **env) == (expected, []), argv
    assert (tmp_path / "out.pdf").read_bytes().startswith(b"%PDF")
    assert not (data_dir / "ips-reflect.log").exists()  # nothing above was a crash


@pytest.mark.timeout(60)
def test_an_unexpected_problem_with_no_console_goes_to_the_log(
    tmp_path: Path, data_dir: Path
) -> None:
    data_dir.mkdir()
    code = no_console(tmp_path, data_dir, "content", "check", BREAK_COMMAND="1")
    assert code == (1, ["RuntimeError"])
    log = (data_dir / "ips-reflect.log").read_text(encoding="utf-8")
    assert "crash in the command 'content': RuntimeError" in log
    assert "ips_reflect/cli.py" in log and "in broken" in log
    assert "my private note" not in log  # the message could hold what someone wrote


@pytest.mark.timeout(60)
def test_with_no_stderr_notices_do_not_fall_into_stdout(
    tmp_path: Path, data_dir: Path, monkeypatch, capsysbinary
) -> None:
    """print(file=None) falls back to stdout: a notice must not end up inside the JSON."""
    from ips_reflect.cli import main

    monkeypatch.setenv("IPS_REFLECT_PASSPHRASE", PASS)
    entries = tmp_path / "entries.json"
    entries.write_text(json.dumps(ENTRIES), encoding="utf-8")
    assert main(["init"]) == 0 and main(["import", str(entries)]) == 0
    capsysbinary.readouterr()
    monkeypatch.setattr(sys, "stderr", None)
    assert main(["export", "--format", "json", "-o", "-"]) == 0
    out = capsysbinary.readouterr().out
    assert json.loads(out)["format"] == "ips-reflect/entries"  # nothing but the document
