"""What reaches the terminal: no raw control characters, short errors, bounded reads.

Stored text (titles, snippets, supervision notes) and error messages (file names,
values from an import file) may hold ESC, BEL, C1 controls or bidi overrides; the
command line shows them as visible escapes. Errors never repeat a field's text,
and files handed to ``import`` or ``flags scan`` are refused, unread, when they
are too large or not ordinary files (a FIFO must not hang the command).
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import time
from pathlib import Path

import pytest

from ips_reflect.cli import main

REPO = Path(__file__).resolve().parent.parent
PASS = "kettle orbit marmalade tunnel"
MIB = 1024 * 1024

#: What must never reach a terminal raw (tab and newline are fine).
RAW_CONTROL = re.compile(
    "[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]"
)

EVIL_TITLE = "Plans \x1b[2J\x07 for \u202eexe.txt kettle"
EVIL_BODY = "kettle talk \x1b]0;owned\x07 then \x9b31m red \u2066hidden\u2069 \u200f end"


@pytest.fixture
def env(monkeypatch):
    monkeypatch.setenv("IPS_REFLECT_PASSPHRASE", PASS)
    return monkeypatch


@pytest.fixture
def made_vault(env, data_dir):
    """A vault (closed again) holding one entry full of control characters."""
    from ips_reflect.core.entries import Entry
    from ips_reflect.store.vault import Vault

    vault, _code = Vault.create(data_dir, PASS)
    try:
        vault.entries.add(
            Entry(
                kind="journal",
                created="2026-11-02T09:30:00+00:00",
                title=EVIL_TITLE,
                body=EVIL_BODY,
                client_alias="S.\x1b[31m",
            )
        )
        session = vault.supervision.add_session(
            "2026-11-05", supervisor="Dr \x1b[2J\u202eX", notes="n"
        )
        vault.supervision.add_action(session.id, "Call \x1b[5m back \u202e soon\x07")
    finally:
        vault.close()
    return data_dir


def run(capsys, *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    assert "Traceback" not in err
    return code, out, err


def cli(*args: str, timeout: float = 15) -> subprocess.CompletedProcess[str]:
    """The command in a child process; a hang fails the test instead of blocking it."""
    try:
        return subprocess.run(
            [sys.executable, "-m", "ips_reflect", *args],
            capture_output=True,
            text=True,
            cwd=REPO,
            env=dict(os.environ),
            stdin=subprocess.DEVNULL,
            timeout=timeout,
        )
    except subprocess.TimeoutExpired:
        pytest.fail(f"ips-reflect {' '.join(args)} hung for more than {timeout} s")


# --------------------------------------------------------------------------- stored text


def test_search_text_output_escapes_control_characters(made_vault, capsys):
    code, out, err = run(capsys, "search", "kettle")
    assert code == 0, err
    assert "Plans" in out
    assert not RAW_CONTROL.search(out), repr(out)
    assert "\\x1b[2J" in out and "\\u202e" in out and "\\x07" in out
    code, out, _ = run(capsys, "search", "zzz\x1b[2J")  # no hits: the query is quoted
    assert code == 0 and "No entries match" in out
    assert not RAW_CONTROL.search(out), repr(out)


def test_search_json_output_has_no_raw_controls_and_means_the_same(made_vault, capsys):
    code, out, err = run(capsys, "search", "kettle", "--json")
    assert code == 0, err
    assert not RAW_CONTROL.search(out), repr(out)
    (hit,) = json.loads(out)["results"]
    assert hit["title"] == EVIL_TITLE


def test_supervision_lists_escape_control_characters(made_vault, capsys):
    for command in (["sessions"], ["actions"], ["sessions", "--json"], ["actions", "--json"]):
        code, out, err = run(capsys, "supervision", *command)
        assert code == 0, err
        assert not RAW_CONTROL.search(out), (command, repr(out))
    code, out, _ = run(capsys, "supervision", "actions")
    assert "\\x1b[5m" in out


def test_flags_scan_output_escapes_control_characters(tmp_path, capsys):
    note = tmp_path / "note\x1b[2J.txt"
    note.write_text(
        "I have never told \x1b[2J anyone \u202e and you must keep this a secret between us.",
        encoding="utf-8",
    )
    code, out, err = run(capsys, "flags", "scan", str(note))
    assert code == 0, err
    assert not RAW_CONTROL.search(out), repr(out)
    assert "\\x1b[2J" in out


# --------------------------------------------------------------------------- errors


@pytest.mark.parametrize("field", ["title", "kind", "created", "uid", "audience", "unknown"])
def test_a_huge_value_in_an_import_file_is_never_echoed(made_vault, tmp_path, capsys, field):
    secret = "my private words " * 600_000  # about 10 MB
    entry = {"kind": "journal", "created": "2026-11-02T09:30:00+00:00"}
    if field == "unknown":
        entry[secret] = 1
    else:
        entry[field] = secret
    path = tmp_path / "big.json"
    path.write_text(
        json.dumps({"format": "ips-reflect/entries", "version": 1, "entries": [entry]}),
        encoding="utf-8",
    )
    code, out, err = run(capsys, "import", str(path))
    assert code == 1
    assert len(err) < 1000, err[:2000]
    if field == "title":  # free text is never quoted at all
        assert "private" not in err
    else:  # an id or enum is quoted as a short excerpt at most
        assert "my private words " * 3 not in err
    assert "entries[0]" in err
    assert not out


def test_an_escape_in_a_file_name_is_shown_escaped(tmp_path, capsys):
    missing = tmp_path / "entries\x1b[2J\x07\u202e.json"
    code, _, err = run(capsys, "import", str(missing))
    assert code == 1
    assert "There is no file" in err
    assert not RAW_CONTROL.search(err), repr(err)
    assert "\\x1b[2J\\x07\\u202e" in err
    code, _, err = run(capsys, "flags", "scan", str(missing))
    assert code == 1
    assert not RAW_CONTROL.search(err), repr(err)
    folder = tmp_path / "folder\x1b[2J"
    folder.mkdir()
    code, _, err = run(capsys, "import", str(folder))
    assert code == 1 and "is a folder" in err
    assert not RAW_CONTROL.search(err), repr(err)
    # A bad value in a file whose name holds an escape: both are shown escaped.
    path = tmp_path / "bad\x1b[2J.json"
    entry = {"kind": "diary\x1b[2J", "created": "2026-11-02T09:30:00+00:00"}
    path.write_text(
        json.dumps({"format": "ips-reflect/entries", "version": 1, "entries": [entry]}),
        encoding="utf-8",
    )
    code, _, err = run(capsys, "import", str(path))
    assert code == 1
    assert "bad\\x1b[2J.json: entries[0].kind: 'diary\\x1b[2J' is not one of" in err
    assert not RAW_CONTROL.search(err), repr(err)


# --------------------------------------------------------------------------- bounded reads


def test_an_import_file_over_the_limit_is_refused_unread(tmp_path, capsys):
    big = tmp_path / "huge.json"
    with big.open("wb") as fh:
        fh.truncate(65 * MIB)  # sparse: nothing is really written
    started = time.monotonic()
    code, _, err = run(capsys, "import", str(big))
    elapsed = time.monotonic() - started
    assert code == 1
    assert "65 MiB" in err and "64 MiB" in err, err
    assert elapsed < 1.0, f"took {elapsed:.2f} s: was the file read?"


def test_a_text_file_over_the_limit_is_refused_by_flags_scan(tmp_path, capsys):
    big = tmp_path / "huge.txt"
    with big.open("wb") as fh:
        fh.truncate(9 * MIB)
    code, out, err = run(capsys, "flags", "scan", str(big))
    assert code == 1
    assert "8 MiB" in err and not out


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="named pipes are a POSIX thing")
@pytest.mark.timeout(20)
@pytest.mark.parametrize("command", [["import"], ["flags", "scan"]])
def test_a_named_pipe_is_refused_without_hanging(tmp_path, command):
    fifo = tmp_path / "pipe.json"
    os.mkfifo(fifo)
    result = cli(*command, str(fifo))
    assert result.returncode == 1, result.stderr
    assert "named pipe" in result.stderr
    assert "Traceback" not in result.stderr


# --------------------------------------------------------------------------- the helpers


@pytest.mark.parametrize(
    ("text", "shown"),
    [
        ("plain café 😀 שלום", "plain café 😀 שלום"),
        ("a\tb", "a\tb"),
        ("a\nb", "a\\x0ab"),
        ("\x1b[2J\x07\r\x00\x7f\x9b", "\\x1b[2J\\x07\\x0d\\x00\\x7f\\x9b"),
        (
            "\u061c\u200e\u200f\u202a\u202e\u2066\u2069",
            "\\u061c\\u200e\\u200f\\u202a\\u202e\\u2066\\u2069",
        ),
        ("name\udcff", "name\\udcff"),  # a file name that is not UTF-8
    ],
)
def test_for_terminal(text, shown):
    from ips_reflect.textsafe import for_terminal

    assert for_terminal(text) == shown
    assert for_terminal("a\nb\x1b", newlines=True) == "a\nb\\x1b"


def test_excerpt():
    from ips_reflect.textsafe import excerpt

    assert excerpt("boss") == "'boss'"
    assert excerpt("x" * 10_000_000) == "'" + "x" * 40 + "…'"
    assert excerpt("\x1b[2J", limit=2) == "'\\x1b[…'"
    assert excerpt(True) == "True" and excerpt(None) == "None"
    assert excerpt(["x" * 1000]) == "a list" and excerpt({"a": 1}) == "an object"
    assert len(excerpt(10**1000)) == 41


def test_json_for_terminal_keeps_the_meaning():
    from ips_reflect.textsafe import json_for_terminal

    doc = {"t": EVIL_TITLE + EVIL_BODY + "\x7f\u2028é"}
    text = json_for_terminal(doc)
    assert not RAW_CONTROL.search(text) and "\u2028" not in text
    assert "é" in text
    assert json.loads(text) == doc
