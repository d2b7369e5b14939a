"""The vault commands as a person or a script uses them: exit codes and sentences."""

from __future__ import annotations

import json
import os
import re
import stat
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ips_reflect.cli import main

REPO = Path(__file__).resolve().parent.parent
PASS = "a long enough passphrase"
CODE_RE = re.compile(r"\b([2-9A-HJ-NP-Z]{4}(?:-[2-9A-HJ-NP-Z]{4}){5})\b")

ENTRIES = {
    "format": "ips-reflect/entries",
    "version": 1,
    "entries": [
        {
            "kind": "before_check",
            "created": "2026-11-02T09:30:00+00:00",
            "title": "Telling Sam about my return to work",
            "body": "Keep it short; focus on what helped with the interview nerves.",
            "client_alias": "S.",
            "audience": "client",
            "tags": ["return-to-work"],
            "answers": {"box3.right_time": "yes"},
            "warning_signs": [],
            "bring_to_supervision": True,
        },
        {
            "kind": "journal",
            "created": "2026-11-03T18:00:00+01:00",
            "title": "Ünïcödé 😀 שלום",
            "body": "Thinking about the employer visit and café chats.",
            "tags": ["reflection"],
        },
        {
            "kind": "after_reflection",
            "created": "2026-11-04T12:00:00Z",
            "title": "How the disclosure went",
            "body": "It helped the relationship.",
        },
    ],
}


@pytest.fixture
def env(monkeypatch):
    monkeypatch.setenv("IPS_REFLECT_PASSPHRASE", PASS)
    monkeypatch.delenv("IPS_REFLECT_NEW_PASSPHRASE", raising=False)
    monkeypatch.delenv("IPS_REFLECT_RECOVERY_CODE", raising=False)
    return monkeypatch


def run(capsys, *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    assert "Traceback" not in err
    return code, out, err


@pytest.fixture
def initialised(env, capsys, data_dir) -> str:
    code, out, _ = run(capsys, "init")
    assert code == 0
    match = CODE_RE.search(out)
    assert match
    return match.group(1)


@pytest.fixture
def entries_file(tmp_path) -> Path:
    path = tmp_path / "entries.json"
    path.write_text(json.dumps(ENTRIES, ensure_ascii=False), encoding="utf-8")
    return path


def cli(*args: str, env: dict[str, str] | None = None, stdin=None) -> subprocess.CompletedProcess:
    full = dict(os.environ)
    full.update(env or {})
    return subprocess.run(
        [sys.executable, "-m", "ips_reflect", *args],
        capture_output=True,
        text=True,
        cwd=REPO,
        env=full,
        stdin=stdin if stdin is not None else subprocess.DEVNULL,
        timeout=60,
    )


def vault_files(data_dir: Path) -> dict[str, bytes]:
    # vault.lock names the program that last held the vault; it holds no vault data.
    return {
        p.name: p.read_bytes() for p in data_dir.iterdir() if p.is_file() and p.name != "vault.lock"
    }


# --------------------------------------------------------------------------- init


def test_init_prints_the_recovery_code_once(initialised, data_dir, capsys):
    assert (data_dir / "header.json").exists() and (data_dir / "vault.db").exists()
    assert stat.S_IMODE(data_dir.stat().st_mode) == 0o700
    code, _, err = run(capsys, "init")
    assert code == 1
    assert "already a vault" in err


def test_init_output_explains_the_code(env, capsys, data_dir):
    code, out, _ = run(capsys, "init")
    assert code == 0
    assert "Created an encrypted vault in" in out
    assert "shown only this once" in out and "Write it down" in out
    assert "ips-reflect recover" in out


def test_init_refuses_a_short_passphrase(env, capsys, data_dir):
    env.setenv("IPS_REFLECT_PASSPHRASE", "short")
    code, _, err = run(capsys, "init")
    assert code == 1
    assert "too short" in err and "8 characters" in err
    assert not data_dir.exists()


def test_init_refuses_a_guessable_passphrase_from_the_environment(data_dir):
    """The scripts' path obeys the same floor as set-up: exit 1, a sentence, no vault."""
    result = cli("--data-dir", str(data_dir), "init", env={"IPS_REFLECT_PASSPHRASE": "password"})
    assert result.returncode == 1
    assert "guessed too easily" in result.stderr and "unrelated words" in result.stderr
    assert "Traceback" not in result.stderr
    assert not data_dir.exists()
    five = "pebble lantern orchard violet compass"
    result = cli("--data-dir", str(data_dir), "init", env={"IPS_REFLECT_PASSPHRASE": five})
    assert result.returncode == 0, result.stderr
    assert "Created an encrypted vault" in result.stdout


def test_init_asks_twice_when_interactive(monkeypatch, capsys, data_dir):
    answers = iter([PASS, "something different"])
    monkeypatch.setattr(sys.stdin, "isatty", lambda: True, raising=False)
    monkeypatch.setattr("getpass.getpass", lambda prompt="": next(answers))
    code, _, err = run(capsys, "init")
    assert code == 1 and "do not match" in err
    assert not data_dir.exists()
    answers = iter([PASS, PASS])
    code, out, _ = run(capsys, "init")
    assert code == 0 and CODE_RE.search(out)


def test_without_terminal_or_env_says_how(data_dir):
    result = cli("--data-dir", str(data_dir), "init", env={"IPS_REFLECT_PASSPHRASE": ""})
    assert result.returncode == 1  # empty is too short
    env = {k: v for k, v in os.environ.items() if k != "IPS_REFLECT_PASSPHRASE"}
    result = subprocess.run(
        [sys.executable, "-m", "ips_reflect", "--data-dir", str(data_dir), "init"],
        capture_output=True,
        text=True,
        cwd=REPO,
        env=env,
        stdin=subprocess.DEVNULL,
        timeout=60,
    )
    assert result.returncode == 1
    assert "IPS_REFLECT_PASSPHRASE" in result.stderr and "terminal" in result.stderr
    assert "Traceback" not in result.stderr
    assert not data_dir.exists()


def test_no_vault_yet(env, capsys, data_dir):
    code, _, err = run(capsys, "search", "x")
    assert code == 1
    assert f"No vault in {data_dir} yet. Run 'ips-reflect init' first" in err


def test_usage_error_is_exit_2(capsys):
    with pytest.raises(SystemExit) as info:
        main(["export", "--format", "docx", "-o", "x"])
    assert info.value.code == 2


# --------------------------------------------------------------------------- import / export


def test_import_then_reimport(initialised, entries_file, capsys):
    code, out, _ = run(capsys, "import", str(entries_file))
    assert (code, out.strip()) == (0, "Imported 3 entries.")
    # The same file again: everything skipped.
    path = entries_file.with_name("export.json")
    run(capsys, "export", "--format", "json", "-o", str(path))
    code, out, _ = run(capsys, "import", str(path))
    assert code == 0
    assert out.strip() == "Imported 0 entries. 3 entries already in the vault were skipped."


def test_import_checks_the_new_entries_for_warning_signs(initialised, tmp_path, capsys):
    """The imported entries' flags are stored before the command exits, as the app does
    on every save: the next `flags` run finds nothing new to search."""
    doc = json.loads(json.dumps(ENTRIES))
    doc["entries"][1]["body"] = "Before he left I gave him my personal mobile number."
    path = tmp_path / "signs.json"
    path.write_text(json.dumps(doc), encoding="utf-8")
    code, out, err = run(capsys, "import", str(path))
    assert code == 0 and err == ""
    lines = out.strip().splitlines()
    assert lines[0] == "Imported 3 entries."
    assert lines[1].startswith("1 new possible warning sign to reflect on")
    code, out, _ = run(capsys, "flags")
    assert out.startswith("1 open, 0 discussed, 0 resolved.")  # nothing new since the import
    code, out, _ = run(capsys, "flags", "--json")
    assert [f["sign"] for f in json.loads(out)["flags"]] == ["contact_details"]


@pytest.mark.parametrize(
    ("mutate", "expected"),
    [
        (
            lambda d: d["entries"][1].update(audience="boss"),
            "entries[1].audience: 'boss' is not one of client, employer, ips_team, clinical_team",
        ),
        (lambda d: d["entries"][2].update(kind="diary"), "entries[2].kind: 'diary' is not one of"),
        (lambda d: d["entries"][0].update(created="02/11/2026"), "entries[0].created:"),
        (lambda d: d["entries"][0].update(mood="good"), "entries[0]: unknown key 'mood'"),
        (lambda d: d["entries"][0].update(warning_signs=["gossip"]), "warning_signs[0]"),
        (lambda d: d.update(format="something-else"), "not an IPS Reflect entries file"),
        (lambda d: d.update(version=9), "version 9"),
        (
            lambda d: d["entries"][2].update(linked_uid="0b7c3f5e-8a4b-4a57-9a59-1a5b1f7f2f10"),
            "entries[2].linked_uid: no entry with uid",
        ),
    ],
)
def test_invalid_import_writes_nothing(initialised, data_dir, tmp_path, capsys, mutate, expected):
    before = vault_files(data_dir)
    doc = json.loads(json.dumps(ENTRIES))
    mutate(doc)
    path = tmp_path / "bad.json"
    path.write_text(json.dumps(doc))
    code, out, err = run(capsys, "import", str(path))
    assert code == 1
    assert expected in err
    assert "nothing was imported" in err.lower()
    assert out == ""
    assert vault_files(data_dir) == before


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        (b"not json at all", r"bad\.json:1:1: this is not valid JSON"),
        (json.dumps(ENTRIES).encode()[:-40], r"bad\.json:1:\d+: this is not valid JSON"),
        (b"[" * 50_000, "nested far too deeply"),
        (b"\xff\xfe", "not UTF-8"),
        (b"", "empty"),
    ],
)
def test_broken_files(initialised, data_dir, tmp_path, capsys, content, expected):
    before = vault_files(data_dir)
    path = tmp_path / "bad.json"
    path.write_bytes(content)
    code, _, err = run(capsys, "import", str(path))
    assert code == 1
    assert re.search(expected, err), err
    assert vault_files(data_dir) == before


def test_import_missing_file(initialised, capsys, tmp_path):
    code, _, err = run(capsys, "import", str(tmp_path / "nope.json"))
    assert code == 1 and "There is no file" in err


def test_random_import_files_never_write(initialised, data_dir, tmp_path, capsys):
    before = vault_files(data_dir)
    path = tmp_path / "random.json"

    @settings(max_examples=60, deadline=None, suppress_health_check=list(HealthCheck))
    @given(st.binary(max_size=300) | st.text(max_size=200).map(str.encode))
    def check(data: bytes) -> None:
        path.write_bytes(data)
        code = main(["import", str(path)])
        _, err = capsys.readouterr()
        assert code == 1
        assert "Traceback" not in err and "unexpected problem" not in err

    check()
    assert vault_files(data_dir) == before


def test_export_json_round_trips_exactly(initialised, entries_file, tmp_path, capsys, env):
    run(capsys, "import", str(entries_file))
    out_file = tmp_path / "out.json"
    code, out, err = run(capsys, "export", "--format", "json", "-o", str(out_file))
    assert code == 0
    assert out.strip() == f"Exported 3 entries to {out_file}."
    assert "NOT encrypted" in err
    assert stat.S_IMODE(out_file.stat().st_mode) == 0o600
    doc = json.loads(out_file.read_text(encoding="utf-8"))
    assert [e["title"] for e in doc["entries"]] == [e["title"] for e in ENTRIES["entries"]]
    assert "Ünïcödé 😀 שלום" in out_file.read_text(encoding="utf-8")  # not \u-escaped

    other = tmp_path / "other-vault"
    code, _, _ = run(capsys, "--data-dir", str(other), "init")
    code, out, _ = run(capsys, "--data-dir", str(other), "import", str(out_file))
    assert out.strip() == "Imported 3 entries."
    again = tmp_path / "again.json"
    run(capsys, "--data-dir", str(other), "export", "--format", "json", "-o", str(again))
    assert again.read_bytes() == out_file.read_bytes()


def test_export_markdown(initialised, entries_file, tmp_path, capsys):
    run(capsys, "import", str(entries_file))
    out_file = tmp_path / "out.md"
    code, _, err = run(capsys, "export", "--format", "md", "-o", str(out_file))
    assert code == 0 and "NOT encrypted" in err
    text = out_file.read_text(encoding="utf-8")
    assert text.startswith("# IPS Reflect entries")
    assert "## 2026-11-02 · Check before sharing: Telling Sam about my return to work" in text
    assert "**Sharing with:** a client" in text and "**Client alias:** S." in text
    assert "box3.right_time" in text


def test_export_to_stdout_and_to_a_missing_folder(initialised, entries_file, capsys, tmp_path):
    run(capsys, "import", str(entries_file))
    code, out, err = run(capsys, "export", "--format", "json", "-o", "-")
    assert code == 0 and json.loads(out)["format"] == "ips-reflect/entries"
    assert "NOT encrypted" in err
    code, _, err = run(capsys, "export", "--format", "md", "-o", str(tmp_path / "no" / "x.md"))
    assert code == 1 and "does not exist" in err


# --------------------------------------------------------------------------- search


def test_search_human_and_json(initialised, entries_file, capsys):
    run(capsys, "import", str(entries_file))
    code, out, _ = run(capsys, "search", "interview")
    assert code == 0
    lines = out.splitlines()
    assert lines[0] == "2026-11-02  Check before sharing  Telling Sam about my return to work"
    assert "[interview]" in lines[1]
    code, out, _ = run(capsys, "search", "cafe", "--json")
    doc = json.loads(out)
    (hit,) = doc["results"]
    assert set(hit) == {"id", "kind", "created", "title", "snippet"}
    assert hit["kind"] == "journal" and "[café]" in hit["snippet"]
    code, out, _ = run(capsys, "search", "zzzz")
    assert code == 0 and out.strip() == "No entries match 'zzzz'."
    for odd in ['"', "AND(", "NEAR( *"]:
        code, out, _ = run(capsys, "search", odd, "--json")
        assert code == 0 and "results" in json.loads(out)


def test_wrong_passphrase(initialised, data_dir, env, capsys):
    env.setenv("IPS_REFLECT_PASSPHRASE", "not it at all")
    before = {p.name: (p.read_bytes(), p.stat().st_mtime_ns) for p in data_dir.iterdir()}
    code, out, err = run(capsys, "search", "x")
    assert code == 1 and out == ""
    assert "That passphrase does not open this vault" in err
    assert {p.name: (p.read_bytes(), p.stat().st_mtime_ns) for p in data_dir.iterdir()} == before


# ---------------------------------------------------------------- backup, restore, verify


def test_backup_verify_restore(initialised, entries_file, tmp_path, capsys, data_dir, env):
    run(capsys, "import", str(entries_file))
    backup = tmp_path / "vault.ipsbackup"
    code, out, _ = run(capsys, "backup", "-o", str(backup))
    assert code == 0 and "Backup written to" in out and "encrypted" in out
    assert stat.S_IMODE(backup.stat().st_mode) == 0o600

    code, out, _ = run(capsys, "verify")
    assert code == 0
    assert out.startswith("OK: encryption, database and search index all check out. 3 entries")

    env.setenv("IPS_REFLECT_PASSPHRASE", "wrong passphrase")
    before = vault_files(data_dir)
    code, _, err = run(capsys, "restore", str(backup))
    assert code == 1 and "does not open the backup" in err
    assert vault_files(data_dir) == before

    env.setenv("IPS_REFLECT_PASSPHRASE", PASS)
    code, out, _ = run(capsys, "restore", str(backup))
    assert code == 0
    assert "Restored 3 entries from" in out and "kept in" in out

    junk = tmp_path / "junk.ipsbackup"
    junk.write_bytes(b"not a backup")
    code, _, err = run(capsys, "restore", str(junk))
    assert code == 1 and "is not an IPS Reflect backup" in err


def test_restore_with_recovery_code(initialised, entries_file, tmp_path, capsys, env):
    run(capsys, "import", str(entries_file))
    backup = tmp_path / "vault.ipsbackup"
    run(capsys, "backup", "-o", str(backup))
    env.setenv("IPS_REFLECT_RECOVERY_CODE", initialised)
    code, out, _ = run(
        capsys, "--data-dir", str(tmp_path / "elsewhere"), "restore", "--recovery-code", str(backup)
    )
    assert code == 0 and "Restored 3 entries" in out


def test_verify_reports_damage(initialised, entries_file, capsys, data_dir):
    doc = json.loads(entries_file.read_text(encoding="utf-8"))
    doc["entries"] = [
        {**e, "body": f"batch {i} " + "padding words " * 80}
        for i in range(40)
        for e in doc["entries"]
    ]
    entries_file.write_text(json.dumps(doc))
    assert run(capsys, "import", str(entries_file))[0] == 0
    db = data_dir / "vault.db"
    raw = bytearray(db.read_bytes())
    assert len(raw) > 4096 * 8
    raw[4096 * 5 + 300] ^= 0x01
    db.write_bytes(bytes(raw))
    code, _, err = run(capsys, "verify")
    assert code == 1
    assert "failed its checks" in err and "HMAC verification failed" in err


# --------------------------------------------------------------------------- passwd, recover


def test_passwd(initialised, entries_file, capsys, env, data_dir):
    run(capsys, "import", str(entries_file))
    db_before = (data_dir / "vault.db").read_bytes()
    env.setenv("IPS_REFLECT_NEW_PASSPHRASE", "the second passphrase")
    code, out, _ = run(capsys, "passwd")
    assert code == 0 and "Passphrase changed" in out and "NEW recovery code" in out
    assert (data_dir / "vault.db").read_bytes() != db_before  # re-keyed, not re-wrapped
    code, _, err = run(capsys, "verify")
    assert code == 1 and "passphrase does not open" in err
    env.setenv("IPS_REFLECT_PASSPHRASE", "the second passphrase")
    assert run(capsys, "verify")[0] == 0


def test_passwd_new_too_short(initialised, capsys, env):
    env.setenv("IPS_REFLECT_NEW_PASSPHRASE", "tiny")
    code, _, err = run(capsys, "passwd")
    assert code == 1 and "too short" in err
    assert run(capsys, "verify")[0] == 0


def test_passwd_refuses_a_new_passphrase_below_the_floor(initialised, capsys, env, data_dir):
    before = vault_files(data_dir)
    env.setenv("IPS_REFLECT_NEW_PASSPHRASE", "Password1!")
    code, _, err = run(capsys, "passwd")
    assert code == 1 and "guessed too easily" in err
    assert vault_files(data_dir) == before  # nothing re-keyed
    assert run(capsys, "verify")[0] == 0


def test_recover(initialised, entries_file, capsys, env):
    run(capsys, "import", str(entries_file))
    env.delenv("IPS_REFLECT_PASSPHRASE")
    env.setenv("IPS_REFLECT_RECOVERY_CODE", initialised.lower())
    env.setenv("IPS_REFLECT_NEW_PASSPHRASE", "a fresh start passphrase")
    code, out, _ = run(capsys, "recover")
    assert code == 0
    assert "old recovery" in out and "no longer opens anything" in " ".join(out.split())
    new_code = CODE_RE.search(out).group(1)
    assert new_code != initialised
    code, _, err = run(capsys, "recover")  # the old code is spent
    assert code == 1 and "recovery code does not open this vault" in err
    env.setenv("IPS_REFLECT_PASSPHRASE", "a fresh start passphrase")
    code, out, _ = run(capsys, "search", "interview")
    assert code == 0 and "Telling Sam" in out


def test_recover_with_a_mistyped_code(initialised, capsys, env):
    env.setenv("IPS_REFLECT_RECOVERY_CODE", "OOOO-1111")
    code, _, err = run(capsys, "recover")
    assert code == 1 and "not a recovery code" in err


def test_end_to_end_in_a_subprocess(tmp_path):
    d = tmp_path / "vault"
    env = {"IPS_REFLECT_PASSPHRASE": PASS}
    result = cli("--data-dir", str(d), "init", env=env)
    assert result.returncode == 0, result.stderr
    path = tmp_path / "e.json"
    path.write_text(json.dumps(ENTRIES))
    result = cli("--data-dir", str(d), "import", str(path), env=env)
    assert (result.returncode, result.stdout.strip()) == (0, "Imported 3 entries.")
    result = cli("--data-dir", str(d), "search", "relationship", "--json", env=env)
    assert result.returncode == 0
    assert json.loads(result.stdout)["results"][0]["title"] == "How the disclosure went"
    result = cli("--data-dir", str(d), "verify", env={"IPS_REFLECT_PASSPHRASE": "nope nope"})
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert "passphrase" in result.stderr
