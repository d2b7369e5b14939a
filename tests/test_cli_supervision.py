"""``ips-reflect supervision pack | summary | sessions | actions`` on a real vault.

What must hold: entries that are not marked to bring to supervision (or are in the
bin) never reach the pack or the summary, checked in the text of the PDFs written;
the group pack names no client; ratings and actions stored in the vault appear in
the summary; bad input stops with a sentence, exit 1 and no file written.
"""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
import unicodedata
from dataclasses import replace
from pathlib import Path

import pytest
from pypdf import PdfReader

from ips_reflect.cli import main
from ips_reflect.core.entries import Entry
from ips_reflect.core.supervision import AgendaItem

REPO = Path(__file__).resolve().parent.parent
PASS = "a long enough passphrase"
PRIVATE_WORDS = ("zanzibar", "quokka", "Ottoline")


def run(capsys, *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    assert "Traceback" not in err and "Traceback" not in out
    return code, out, err


def pdf_text(path: Path) -> str:
    data = path.read_bytes()
    assert data.startswith(b"%PDF-")
    reader = PdfReader(io.BytesIO(data))
    raw = " ".join(p.extract_text() or "" for p in reader.pages)
    return " ".join(unicodedata.normalize("NFC", raw).split())


@pytest.fixture
def fast_kdf(monkeypatch):
    from ips_reflect.store.crypto import KdfParams
    from ips_reflect.store.vault import Vault

    params = KdfParams(8192, 1, 1)
    monkeypatch.setattr(Vault, "kdf_target", params)
    return params


@pytest.fixture
def filled(data_dir: Path, monkeypatch, fast_kdf) -> dict[str, str]:
    """A vault with marked, private and binned entries and two supervision sessions."""
    from ips_reflect.store.vault import Vault

    vault, _code = Vault.create(data_dir, PASS, kdf=fast_kdf)
    with vault:
        marked = vault.entries.add(
            Entry(
                kind="journal",
                created="2026-03-02T09:30:00+00:00",
                title="Pelican moment with Dana",
                body="Dana smiled when I mentioned my own first job. Ottoline was there too.",
                client_alias="Dana",
                bring_to_supervision=True,
            )
        )
        check = vault.entries.add(
            Entry(
                kind="before_check",
                created="2026-03-10T09:30:00+00:00",
                title="Telling Kofi about my gap in work",
                client_alias="Kofi",
                audience="client",
                answers={"check.light": "green"},
                body="Green.\n\n- Kofi asked how I got back to work.\n\nGo ahead.",
                bring_to_supervision=True,
            )
        )
        private = vault.entries.add(
            Entry(
                kind="journal",
                created="2026-03-05T09:30:00+00:00",
                title="My zanzibar evening",
                body="Nobody else reads this.",
                client_alias="Ottoline",
            )
        )
        binned = vault.entries.add(
            Entry(
                kind="journal",
                created="2026-03-06T09:30:00+00:00",
                title="Quokka thoughts",
                body="Marked, then put in the bin.",
                bring_to_supervision=True,
            )
        )
        vault.entries.delete(binned.uid)
        flag = vault.flags.upsert(
            "contact_details",
            "text",
            entry_uid=private.uid,
            evidence="gave her my zanzibar number",
            explanation="Personal numbers blur the line.",
        )

        first = vault.supervision.add_session("2026-02-10", "Priya Shah", notes="First talk.")
        vault.supervision.set_ratings(first.id, {"confidence": 2, "comfort": 3})
        vault.supervision.add_action(first.id, "Read the lone-working policy", "2026-02-20")
        agenda = [
            AgendaItem("topic", "sup.topic.peer", "Peer support", discussed=True, note="Yes"),
            AgendaItem("entry", marked.uid, "Pelican moment", discussed=True, note="Well judged."),
            AgendaItem("entry", private.uid, "My zanzibar evening"),
            AgendaItem("entry", binned.uid, "Quokka thoughts"),
            AgendaItem("flag", str(flag.id), "Giving contact details"),
        ]
        second = vault.supervision.add_session(
            "2026-03-12",
            "Priya Shah",
            agenda=[i.to_json() for i in agenda],
            notes="We looked at first meetings and how to hand the talk back.",
        )
        vault.supervision.set_ratings(second.id, {"confidence": 4, "comfort": 3, "relevance": 5})
        vault.supervision.add_action(second.id, "Write a short version of my story", "2000-01-01")
        done = vault.supervision.add_action(second.id, "Draft my biography", "2026-03-20")
        vault.supervision.set_action_done(done.id, "2026-03-15")
        vault.supervision.add_action(second.id, "Ask about a peer group")
    monkeypatch.setenv("IPS_REFLECT_PASSPHRASE", PASS)
    return {
        "marked": marked.uid,
        "check": check.uid,
        "private": private.uid,
        "first": str(first.id),
        "second": str(second.id),
    }


# --------------------------------------------------------------------------- pack


def test_pack_holds_marked_entries_only(capsys, filled, tmp_path: Path) -> None:
    out = tmp_path / "pack.pdf"
    code, stdout, err = run(capsys, "supervision", "pack", "-o", str(out))
    assert code == 0, err
    assert f"Put 2 entries marked for supervision in {out}." in stdout
    assert "1 other entry stayed private" in stdout
    assert "NOT encrypted" in err
    text = pdf_text(out)
    assert "Pelican moment with Dana" in text and "Telling Kofi about my gap in work" in text
    assert "Client alias Dana" in text
    for word in PRIVATE_WORDS[:2]:
        assert word.lower() not in text.lower(), word
    assert "Nobody else reads this" not in text
    assert "Marked, then put in the bin" not in text
    assert os.stat(out).st_mode & 0o077 == 0  # for the owner only
    assert [p.name for p in tmp_path.iterdir() if p.name != "data"] == ["pack.pdf"]


def test_unmarking_an_entry_takes_it_out_of_the_pack(capsys, filled, data_dir, tmp_path) -> None:
    from ips_reflect.store.vault import Vault

    with Vault.unlock(data_dir, PASS) as vault:
        entry = vault.entries.get(filled["marked"])
        vault.entries.update(replace(entry, bring_to_supervision=False))
    out = tmp_path / "pack.pdf"
    code, stdout, _ = run(capsys, "supervision", "pack", "-o", str(out))
    assert code == 0
    assert "Put 1 entry marked for supervision" in stdout
    text = pdf_text(out)
    assert "Pelican" not in text and "Telling Kofi" in text


def test_group_pack_names_no_client(capsys, filled, tmp_path: Path) -> None:
    out = tmp_path / "group.pdf"
    code, stdout, err = run(capsys, "supervision", "pack", "--group", "-o", str(out))
    assert code == 0, err
    assert "Client aliases were replaced with [client]." in stdout
    text = pdf_text(out)
    for alias in ("Dana", "Kofi", "Ottoline"):  # Ottoline is named only on a private entry
        assert alias.lower() not in text.lower(), alias
    assert "Pelican moment with [client]" in text
    assert "[client] was there too." in text
    assert "Client alias" not in text


def test_pack_since_a_day(capsys, filled, tmp_path: Path) -> None:
    out = tmp_path / "since.pdf"
    code, stdout, _ = run(capsys, "supervision", "pack", "--since", "2026-03-06", "-o", str(out))
    assert code == 0
    assert "Put 1 entry marked for supervision" in stdout
    text = pdf_text(out)
    assert "Telling Kofi" in text and "Pelican" not in text
    assert "6 March 2026" in text


def test_pack_with_nothing_marked_explains_how_to_mark(capsys, data_dir, monkeypatch, fast_kdf):
    from ips_reflect.store.vault import Vault

    vault, _ = Vault.create(data_dir, PASS, kdf=fast_kdf)
    with vault:
        vault.entries.add(Entry(kind="journal", title="zanzibar", created="2026-03-05T09:30:00Z"))
    monkeypatch.setenv("IPS_REFLECT_PASSPHRASE", PASS)
    out = data_dir.parent / "empty.pdf"
    code, stdout, _ = run(capsys, "supervision", "pack", "-o", str(out))
    assert code == 0
    assert "No entries are marked for supervision" in stdout
    text = pdf_text(out)
    assert "Nothing is marked for supervision yet" in text and "zanzibar" not in text
    assert len(PdfReader(str(out)).pages) == 1


def test_pack_replaces_an_existing_file(capsys, filled, tmp_path: Path) -> None:
    out = tmp_path / "pack.pdf"
    out.write_bytes(b"an older pack")
    code, _, _ = run(capsys, "supervision", "pack", "-o", str(out))
    assert code == 0
    assert "Pelican" in pdf_text(out)


@pytest.mark.parametrize("since", ["2026-13-01", "2026-02-30", "yesterday", "2026-3-1", "20260301"])
def test_bad_since_is_a_sentence_and_nothing_is_written(
    capsys, filled, tmp_path, monkeypatch, since
) -> None:
    # Checked before the vault is opened: no passphrase is even needed.
    monkeypatch.delenv("IPS_REFLECT_PASSPHRASE")
    out = tmp_path / "pack.pdf"
    code, stdout, err = run(capsys, "supervision", "pack", "--since", since, "-o", str(out))
    assert code == 1
    assert stdout == ""
    assert err.startswith("ips-reflect: --since needs a date written as YYYY-MM-DD")
    assert f"“{since}”" in err and "Nothing was written." in err
    assert not out.exists()
    assert [p.name for p in tmp_path.iterdir()] == ["data"]


def test_bad_since_leaves_an_existing_file_alone(capsys, filled, tmp_path) -> None:
    out = tmp_path / "pack.pdf"
    out.write_bytes(b"keep me")
    code, _, _ = run(capsys, "supervision", "pack", "--since", "soon", "-o", str(out))
    assert code == 1 and out.read_bytes() == b"keep me"


@pytest.mark.parametrize(
    ("where", "expected"),
    [
        (lambda d: d / "missing" / "pack.pdf", "does not exist"),
        (lambda d: d, "is a folder"),
        (lambda d: Path("-"), "cannot go to the terminal"),
    ],
)
def test_bad_output_places_exit_1(capsys, filled, tmp_path, where, expected) -> None:
    code, stdout, err = run(capsys, "supervision", "pack", "-o", str(where(tmp_path)))
    assert code == 1 and stdout == ""
    assert err.startswith("ips-reflect: ") and expected in err
    assert [p.name for p in tmp_path.iterdir()] == ["data"]


def test_wrong_passphrase_writes_nothing(capsys, filled, tmp_path, monkeypatch) -> None:
    monkeypatch.setenv("IPS_REFLECT_PASSPHRASE", "not the passphrase at all")
    out = tmp_path / "pack.pdf"
    code, _, err = run(capsys, "supervision", "pack", "-o", str(out))
    assert code == 1 and err.startswith("ips-reflect: ")
    assert not out.exists()


# --------------------------------------------------------------------------- summary


def test_summary_of_the_latest_session(capsys, filled, tmp_path: Path) -> None:
    out = tmp_path / "summary.pdf"
    code, stdout, err = run(capsys, "supervision", "summary", "-o", str(out))
    assert code == 0, err
    assert f"Wrote the summary of the session on 2026-03-12 to {out}." in stdout
    text = pdf_text(out)
    assert "Supervision session summary" in text
    assert "Session date 12 March 2026" in text and "Supervisor Priya Shah" in text
    # The agenda: the topic, the marked entry, the flag without its private words.
    assert "Peer supervision" in text and "Peer support" not in text  # the packs name topics
    assert "Pelican moment with Dana" in text and "Well judged." in text
    assert "Giving contact details" in text and "Personal numbers blur the line." in text
    for word in PRIVATE_WORDS[:2]:
        assert word.lower() not in text.lower(), word
    # Notes, actions and ratings as stored in the vault.
    assert "We looked at first meetings" in text
    assert "Write a short version of my story 1 January 2000 Overdue" in text
    assert "Draft my biography 20 March 2026 Done on 15 March 2026" in text
    assert "Ask about a peer group no date set Open" in text
    assert "Read the lone-working policy" not in text  # another session's action
    assert "Confidence ●●●●○ 4 of 5" in text and "Relevance ●●●●● 5 of 5" in text
    assert "Confidence: 4 of 5 on 12 Mar 2026, up from 2 on 10 Feb 2026 (2 ratings)." in text
    assert "each keep a copy" in text

    again = tmp_path / "latest.pdf"
    assert run(capsys, "supervision", "summary", "--latest", "-o", str(again))[0] == 0
    assert pdf_text(again).split("Summary made")[0] == text.split("Summary made")[0]


def test_summary_of_an_earlier_session_ignores_later_ratings(capsys, filled, tmp_path) -> None:
    out = tmp_path / "first.pdf"
    code, _, err = run(
        capsys, "supervision", "summary", "--session", filled["first"], "-o", str(out)
    )
    assert code == 0, err
    text = pdf_text(out)
    assert "Session date 10 February 2026" in text and "First talk." in text
    assert "Read the lone-working policy" in text
    assert "Confidence: 2 of 5 on 10 Feb 2026." in text
    assert "2026-03-12" not in text
    assert "Nothing was put on the agenda for this session." in text


def test_an_entry_unmarked_after_the_session_leaves_its_summary(
    capsys, filled, data_dir, tmp_path
) -> None:
    from ips_reflect.store.vault import Vault

    with Vault.unlock(data_dir, PASS) as vault:
        entry = vault.entries.get(filled["marked"])
        vault.entries.update(replace(entry, bring_to_supervision=False))
    out = tmp_path / "summary.pdf"
    assert run(capsys, "supervision", "summary", "-o", str(out))[0] == 0
    text = pdf_text(out)
    assert "Pelican" not in text and "Well judged." not in text
    assert "Peer supervision" in text


def test_unknown_session_is_a_sentence_and_nothing_is_written(capsys, filled, tmp_path) -> None:
    out = tmp_path / "summary.pdf"
    code, stdout, err = run(capsys, "supervision", "summary", "--session", "999", "-o", str(out))
    assert code == 1 and stdout == ""
    assert "There is no supervision session with id 999." in err
    assert "ips-reflect supervision sessions" in err
    assert not out.exists()


def test_summary_without_sessions_says_so(capsys, data_dir, monkeypatch, fast_kdf) -> None:
    from ips_reflect.store.vault import Vault

    Vault.create(data_dir, PASS, kdf=fast_kdf)[0].close()
    monkeypatch.setenv("IPS_REFLECT_PASSPHRASE", PASS)
    out = data_dir.parent / "summary.pdf"
    code, _, err = run(capsys, "supervision", "summary", "-o", str(out))
    assert code == 1 and "There are no supervision sessions yet." in err
    assert not out.exists()


def test_session_and_latest_together_is_a_usage_error(capsys, filled, tmp_path) -> None:
    with pytest.raises(SystemExit) as stop:
        main(["supervision", "summary", "--session", "1", "--latest", "-o", "x.pdf"])
    assert stop.value.code == 2
    assert "not allowed with argument" in capsys.readouterr().err


# --------------------------------------------------------------------------- lists


def test_sessions_json_and_text(capsys, filled) -> None:
    code, out, _ = run(capsys, "supervision", "sessions", "--json")
    assert code == 0
    assert json.loads(out) == {
        "sessions": [
            {
                "id": int(filled["second"]),
                "held_on": "2026-03-12",
                "supervisor": "Priya Shah",
                "open_actions": 2,
                "signed_off_by": None,
                "signed_off_at": None,
                "comments": [],
            },
            {
                "id": int(filled["first"]),
                "held_on": "2026-02-10",
                "supervisor": "Priya Shah",
                "open_actions": 1,
                "signed_off_by": None,
                "signed_off_at": None,
                "comments": [],
            },
        ]
    }
    code, out, _ = run(capsys, "supervision", "sessions")
    assert code == 0
    assert out.splitlines() == [
        f"#{filled['second']}  2026-03-12  Priya Shah  2 open actions",
        f"#{filled['first']}  2026-02-10  Priya Shah  1 open action",
    ]


def test_actions_json_with_states_and_open_filter(capsys, filled) -> None:
    code, out, _ = run(capsys, "supervision", "actions", "--json")
    assert code == 0
    rows = json.loads(out)["actions"]
    assert {r["text"]: r["state"] for r in rows} == {
        "Write a short version of my story": "overdue",
        "Read the lone-working policy": "overdue",
        "Draft my biography": "done",
        "Ask about a peer group": "open",
    }
    done = next(r for r in rows if r["state"] == "done")
    assert done["done_on"] == "2026-03-15" and done["session_held_on"] == "2026-03-12"
    assert set(rows[0]) == {
        "id",
        "session_id",
        "session_held_on",
        "text",
        "due_on",
        "done_on",
        "state",
    }
    code, out, _ = run(capsys, "supervision", "actions", "--open", "--json")
    assert code == 0
    assert "Draft my biography" not in out and len(json.loads(out)["actions"]) == 3

    code, out, _ = run(capsys, "supervision", "actions")
    assert code == 0
    assert out.splitlines()[0] == "4 agreed, 3 open, 2 overdue."
    assert "Overdue    Write a short version of my story" in out
    assert "agreed on 2026-03-12" in out


def test_empty_lists(capsys, data_dir, monkeypatch, fast_kdf) -> None:
    from ips_reflect.store.vault import Vault

    Vault.create(data_dir, PASS, kdf=fast_kdf)[0].close()
    monkeypatch.setenv("IPS_REFLECT_PASSPHRASE", PASS)
    assert run(capsys, "supervision", "sessions")[1].strip() == "No supervision sessions yet."
    assert run(capsys, "supervision", "actions")[1].strip() == "No agreed actions yet."
    assert json.loads(run(capsys, "supervision", "actions", "--open", "--json")[1]) == {
        "actions": []
    }


def test_the_command_module_imports_only_the_standard_library() -> None:
    code = (
        "import sys, ips_reflect.commands.supervision_cmd\n"
        "print(sorted(m for m in sys.modules if m.split('.')[0] in "
        "('yaml', 'PySide6', 'reportlab', 'pypdf') "
        "or m.startswith('ips_reflect.core') or m.startswith('ips_reflect.store') "
        "or m.startswith('ips_reflect.export')))"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, cwd=REPO, timeout=60
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "[]"


def test_the_vault_query_alone_keeps_private_entries_out(
    capsys, filled, tmp_path, monkeypatch
) -> None:
    """Belt and braces: with every consent filter in code switched off, the vault query
    still lets only marked entries through (and the other way round is tested in
    tests/export/test_supervision_pdf.py)."""
    from ips_reflect.core import supervision
    from ips_reflect.export import supervision_pdf

    def everything(entries):
        return list(entries)

    monkeypatch.setattr(supervision, "consented", everything)  # used by resolve_agenda
    monkeypatch.setattr(supervision_pdf, "consented", everything)
    pack, summary = tmp_path / "pack.pdf", tmp_path / "summary.pdf"
    assert run(capsys, "supervision", "pack", "-o", str(pack))[0] == 0
    assert run(capsys, "supervision", "summary", "-o", str(summary))[0] == 0
    for path in (pack, summary):
        text = pdf_text(path)
        assert "Pelican" in text
        for word in PRIVATE_WORDS[:2]:
            assert word.lower() not in text.lower(), (path.name, word)
