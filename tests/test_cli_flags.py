"""``ips-reflect flags scan TEXTFILE`` and ``ips-reflect flags`` as a person or a script
uses them: output shapes, exit codes and sentences (never a traceback)."""

from __future__ import annotations

import io
import json
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from ips_reflect.cli import main
from ips_reflect.core.entries import Entry

REPO = Path(__file__).resolve().parent.parent
PASS = "a long enough passphrase"


def run(capsys, *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    assert "Traceback" not in err and "Traceback" not in out
    return code, out, err


@pytest.fixture
def note(tmp_path: Path) -> Path:
    path = tmp_path / "note.txt"
    path.write_text(
        "Busy day at the job centre.\n"
        "I gave him my personal mobile before he left.\n"
        "She gave the employer her phone number.\n",
        encoding="utf-8",
    )
    return path


# --------------------------------------------------------------------------- flags scan


def test_scan_json_has_exactly_the_documented_shape(capsys, note: Path) -> None:
    code, out, err = run(capsys, "flags", "scan", str(note), "--json")
    assert code == 0, err
    doc = json.loads(out)
    assert list(doc) == ["flags"]
    assert doc["flags"] == [
        {"sign": "contact_details", "source": "text", "evidence": "gave him my personal mobile"}
    ]
    assert all(list(f) == ["sign", "source", "evidence"] for f in doc["flags"])


def test_scan_json_with_nothing_found(capsys, tmp_path: Path) -> None:
    path = tmp_path / "fine.txt"
    path.write_text("We went through the lone-working policy together.", encoding="utf-8")
    code, out, _ = run(capsys, "flags", "scan", str(path), "--json")
    assert code == 0 and json.loads(out) == {"flags": []}
    code, out, _ = run(capsys, "flags", "scan", str(path))
    assert code == 0 and out.strip() == f"No warning signs found in {path}."


def test_scan_for_people_lists_sign_words_and_why(capsys, note: Path, content) -> None:
    code, out, _ = run(capsys, "flags", "scan", str(note))
    assert code == 0
    assert "1 possible warning sign" in out and "prompts, not verdicts" in out
    assert "Giving contact details [contact_details]" in out
    assert "words: “gave him my personal mobile”" in out
    help_start = content.item("contact_details").help.split()[0]
    assert "why:" in out and help_start in out


def test_scan_reads_standard_input(capsys, monkeypatch) -> None:
    fake = io.TextIOWrapper(io.BytesIO(b"We met up for coffee at the weekend."))
    monkeypatch.setattr(sys, "stdin", fake)
    code, out, _ = run(capsys, "flags", "scan", "-", "--json")
    assert code == 0
    assert [f["sign"] for f in json.loads(out)["flags"]] == ["time_outside_work"]


def test_scan_accepts_a_byte_order_mark(capsys, tmp_path: Path) -> None:
    path = tmp_path / "bom.txt"
    path.write_bytes("\ufeffI told her to text me.".encode())
    code, out, _ = run(capsys, "flags", "scan", str(path), "--json")
    assert code == 0 and json.loads(out)["flags"][0]["sign"] == "contact_details"


@pytest.mark.parametrize(
    ("make", "expected"),
    [
        (lambda d: d / "missing.txt", "There is no file"),
        (lambda d: d, "is a folder"),
        (
            lambda d: (d / "latin1.txt", (d / "latin1.txt").write_bytes(b"caf\xe9 \xff"))[0],
            "is not UTF-8 text (byte 3",
        ),
    ],
)
def test_scan_bad_files_exit_1_with_a_sentence(capsys, tmp_path: Path, make, expected) -> None:
    path = make(tmp_path)
    code, out, err = run(capsys, "flags", "scan", str(path), "--json")
    assert code == 1
    assert out == ""
    assert err.startswith("ips-reflect: ") and expected in err


def test_scan_uses_the_organisations_patterns(capsys, tmp_path: Path, note: Path) -> None:
    org = tmp_path / "org"
    org.mkdir()
    (org / "ours.yaml").write_text(
        textwrap.dedent(
            """\
            format: ips-reflect/content
            version: 1
            pack: warning_signs
            sections:
              - id: warn.signs
                items:
                  - id: contact_details
                    patterns:
                      - phrase: "busy day"
                        why: "Our own (silly) test wording."
            """
        ),
        encoding="utf-8",
    )
    code, out, err = run(capsys, "--content-dir", str(org), "flags", "scan", str(note), "--json")
    assert code == 0, err
    # The override replaces the sign's patterns (its concept rules are a separate key,
    # 'rules:', and stay): the organisation's phrase, then what the rules found.
    assert json.loads(out)["flags"] == [
        {
            "sign": "contact_details",
            "source": "text",
            "evidence": "Busy day \u2026 gave him my personal mobile",
        }
    ]


def test_scan_reports_a_bad_pattern_with_its_line(capsys, tmp_path: Path, note: Path) -> None:
    org = tmp_path / "org"
    org.mkdir()
    (org / "ours.yaml").write_text(
        "format: ips-reflect/content\nversion: 1\npack: warning_signs\nsections:\n"
        "  - id: warn.signs\n    items:\n      - id: secrets\n        patterns:\n"
        "          - regex: '(oops'\n",
        encoding="utf-8",
    )
    code, _, err = run(capsys, "--content-dir", str(org), "flags", "scan", str(note))
    assert code == 1
    assert "ours.yaml:9:20: the regex '(oops' is not valid" in err


def test_the_command_module_imports_only_the_standard_library() -> None:
    code = (
        "import sys, ips_reflect.commands.flags_cmd\n"
        "print(sorted(m for m in sys.modules if m.split('.')[0] in ('yaml', 'PySide6') "
        "or m.startswith('ips_reflect.core') or m.startswith('ips_reflect.store')))"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, cwd=REPO, timeout=60
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "[]"


# --------------------------------------------------------------------------- flags (vault)


@pytest.fixture
def filled(data_dir: Path, monkeypatch) -> Path:
    from ips_reflect.store.vault import Vault

    vault, _code = Vault.create(data_dir, PASS)
    with vault:
        vault.entries.add(
            Entry(
                kind="journal",
                created="2026-03-02T09:30:00+00:00",
                client_alias="A.B.",
                body="I gave him my personal mobile.",
            )
        )
        vault.entries.add(
            Entry(
                kind="before_check",
                created="2026-03-03T09:30:00+00:00",
                body="Short and about her goals.",
                warning_signs=["secrets"],
                audience="client",
            )
        )
    monkeypatch.setenv("IPS_REFLECT_PASSPHRASE", PASS)
    return data_dir


def test_flags_lists_the_vaults_open_flags(capsys, filled: Path) -> None:
    code, out, err = run(capsys, "flags", "--json")
    assert code == 0, err
    doc = json.loads(out)
    assert doc["counts"] == {"open": 2, "discussed": 0, "resolved": 0}
    by_sign = {f["sign"]: f for f in doc["flags"]}
    assert set(by_sign) == {"contact_details", "secrets"}
    contact = by_sign["contact_details"]
    assert contact["source"] == "text" and contact["status"] == "open"
    assert contact["evidence"] == "gave him my personal mobile"
    assert contact["date"] == "2026-03-02" and contact["client_alias"] == "A.B."
    assert by_sign["secrets"]["source"] == "ticked"

    code, out, _ = run(capsys, "flags")
    assert code == 0
    assert out.startswith("2 open, 0 discussed, 0 resolved")
    assert "Giving contact details  (text, open)  A.B." in out
    assert "gave him my personal mobile" in out


def test_flags_status_filter_and_notes(capsys, filled: Path) -> None:
    from ips_reflect.store.vault import Vault

    with Vault.unlock(filled, PASS) as vault:
        from ips_reflect.core.content import load_content
        from ips_reflect.ops.flags import sync_vault_flags

        sync_vault_flags(vault, load_content())
        flag = vault.flags.list(sign="secrets")[0]
        vault.flags.set_status(flag.id, "discussed", "Brought to supervision on Tuesday.")
    outputs = {}
    for status in ("open", "discussed", "all", "resolved"):
        code, outputs[status], _ = run(capsys, "flags", "--status", status, "--json")
        assert code == 0
    assert [f["sign"] for f in json.loads(outputs["open"])["flags"]] == ["contact_details"]
    (row,) = json.loads(outputs["discussed"])["flags"]
    assert row["sign"] == "secrets" and row["note"] == "Brought to supervision on Tuesday."
    assert len(json.loads(outputs["all"])["flags"]) == 2
    assert json.loads(outputs["resolved"])["flags"] == []
    code, out, _ = run(capsys, "flags", "--status", "all")
    assert code == 0 and "note: Brought to supervision on Tuesday." in out
    code, out, _ = run(capsys, "flags", "--status", "resolved")
    assert code == 0 and "No resolved flags." in out


def test_flags_without_a_vault_exit_1(capsys) -> None:
    code, out, err = run(capsys, "flags")
    assert code == 1 and out == ""
    assert "No vault in" in err


def test_flags_wrong_passphrase_exit_1(capsys, filled: Path, monkeypatch) -> None:
    monkeypatch.setenv("IPS_REFLECT_PASSPHRASE", "not the right one at all")
    code, _, err = run(capsys, "flags", "--json")
    assert code == 1 and "does not open this vault" in err


def test_flags_bad_status_is_a_usage_error(capsys) -> None:
    with pytest.raises(SystemExit) as exc:
        main(["flags", "--status", "maybe"])
    assert exc.value.code == 2
