"""The crash log in the data folder: the event, the exception's type and its frames;
never the exception's message (it could quote an entry), owner-only, rotated small."""

from __future__ import annotations

import stat
import sys
from pathlib import Path

import pytest

from ips_reflect import logfile
from ips_reflect.cli import main

SECRET = "my private note about Sam"

pytestmark = pytest.mark.timeout(60)


@pytest.fixture(autouse=True)
def fresh_log():
    logfile.close()
    yield
    logfile.close()
    logfile.use_data_dir(None)


def _raise_chained() -> None:
    try:
        {}["missing " + SECRET]
    except KeyError as exc:
        raise ValueError(SECRET) from exc


def _caught() -> BaseException:
    try:
        _raise_chained()
    except ValueError as exc:
        return exc
    raise AssertionError("nothing was raised")


def test_a_crash_is_logged_without_its_message(data_dir: Path) -> None:
    data_dir.mkdir()
    exc = _caught()
    path = logfile.record_crash(type(exc), exc, exc.__traceback__, "the app")
    assert path == data_dir / "ips-reflect.log"
    text = path.read_text(encoding="utf-8")
    assert "ERROR crash in the app: ValueError" in text
    assert "which was caused by:" in text and "KeyError (message left out)" in text
    assert "in _raise_chained" in text and "tests/test_logfile.py" not in text.split("File")[0]
    assert SECRET not in text and "Sam" not in text
    assert str(Path.home()) not in text  # frames name the package's files, not folders
    assert stat.S_IMODE(path.stat().st_mode) == 0o600


def test_no_data_folder_no_log(data_dir: Path) -> None:
    exc = _caught()
    assert logfile.record_crash(type(exc), exc, exc.__traceback__) is None
    assert not data_dir.exists()  # no folder is made just for a log


def test_the_log_is_rotated_and_stays_small(data_dir: Path, monkeypatch) -> None:
    data_dir.mkdir()
    monkeypatch.setattr(logfile, "MAX_BYTES", 4000)
    exc = _caught()
    for _ in range(60):
        logfile.record_crash(type(exc), exc, exc.__traceback__)
    logfile.close()
    names = sorted(p.name for p in data_dir.iterdir())
    assert names == ["ips-reflect.log", "ips-reflect.log.1", "ips-reflect.log.2"]
    for path in data_dir.iterdir():
        assert path.stat().st_size <= 4000
        assert stat.S_IMODE(path.stat().st_mode) == 0o600


def test_the_command_line_logs_an_unexpected_problem(data_dir: Path, monkeypatch, capsys) -> None:
    data_dir.mkdir()
    import ips_reflect.commands.content_cmd as content_cmd

    def broken(args: object) -> int:
        raise RuntimeError(SECRET)

    monkeypatch.setattr(content_cmd, "run_check", broken)
    assert main(["--data-dir", str(data_dir), "content", "check"]) == 1
    err = capsys.readouterr().err
    assert "(RuntimeError)" in err and "ips-reflect.log" in err and SECRET not in err
    text = (data_dir / "ips-reflect.log").read_text(encoding="utf-8")
    assert "crash in the command 'content': RuntimeError" in text and SECRET not in text


def test_with_debug_the_problem_is_raised_and_still_logged(data_dir: Path, monkeypatch) -> None:
    data_dir.mkdir()
    import ips_reflect.commands.content_cmd as content_cmd

    monkeypatch.setattr(content_cmd, "run_check", lambda args: 1 / 0)
    monkeypatch.setenv("IPS_REFLECT_DEBUG", "1")
    with pytest.raises(ZeroDivisionError):
        main(["content", "check"])
    assert "ZeroDivisionError" in (data_dir / "ips-reflect.log").read_text(encoding="utf-8")


def test_type_names_and_short_files() -> None:
    assert logfile.type_name(KeyError) == "KeyError"
    assert logfile.type_name(OSError) == "OSError"
    import sqlite3

    assert logfile.type_name(sqlite3.OperationalError) == "sqlite3.OperationalError"
    home = "/home/jo.bloggs/.local/pipx/venvs/ips-reflect/lib/python3.11/site-packages"
    assert logfile._short_file(f"{home}/ips_reflect/cli.py") == "ips_reflect/cli.py"
    assert logfile._short_file(f"{home}/PySide6/__init__.py") == "PySide6/__init__.py"
    assert (
        logfile._short_file("C:\\Users\\jo\\x.py" if sys.platform == "win32" else "/home/jo/x.py")
        == "x.py"
    )
