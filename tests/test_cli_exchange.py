"""Supervision from both chairs on the command line, between two real vaults.

A practitioner's data folder and a supervisor's: key card, share, open, list/show,
comment, action, respond, receive, the sign-off in ``sessions --json``, the agreed
actions joined, and the record PDF on both sides with one fingerprint. What must hold
besides: no entry's words in a share file, no private entry's words anywhere in the
supervisor's vault, and every bad file (a changed byte, cut short, for someone else,
signed by another key, an old reply again, the wrong kind, too big, not ours) refused
with a sentence, exit 1 and not one byte or mtime changed in either data folder.
"""

from __future__ import annotations

import io
import json
import os
import re
import unicodedata
from pathlib import Path
from typing import Any

import pytest
from pypdf import PdfReader

from ips_reflect.cli import main
from ips_reflect.core.entries import Entry
from ips_reflect.core.supervision import AgendaItem

pytestmark = pytest.mark.timeout(120)

PASS = "a long enough passphrase"
MARKED_WORDS = ("pelican", "lighthouse", "Dana")
PRIVATE_WORDS = ("zanzibar", "quokka", "Ottoline")
CODE_RE = re.compile(r"[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}")


@pytest.fixture
def fast_kdf(monkeypatch):
    from ips_reflect.store.crypto import KdfParams
    from ips_reflect.store.vault import Vault

    params = KdfParams(8192, 1, 1)
    monkeypatch.setattr(Vault, "kdf_target", params)
    return params


def run(capsys, folder: Path, *args: str) -> tuple[int, str, str]:
    code = main(["--data-dir", str(folder), *args])
    out, err = capsys.readouterr()
    assert "Traceback" not in err and "Traceback" not in out
    return code, out, err


def pdf_text(path: Path) -> str:
    data = path.read_bytes()
    assert data.startswith(b"%PDF-")
    reader = PdfReader(io.BytesIO(data))
    raw = " ".join(p.extract_text() or "" for p in reader.pages)
    return " ".join(unicodedata.normalize("NFC", raw).split())


def snapshot(*folders: Path) -> dict[str, tuple[bytes, int]]:
    """Every file's bytes and mtime under the folders, but the vault lock: it says which
    program holds the vault and is rewritten by every unlock, even a read-only one."""
    from ips_reflect.store.lock import LOCK_NAME

    out = {}
    for folder in folders:
        for path in sorted(folder.rglob("*")):
            if path.is_file() and path.name != LOCK_NAME:
                out[str(path)] = (path.read_bytes(), path.stat().st_mtime_ns)
    return out


def vault_text(folder: Path) -> str:
    """Everything stored in a vault's tables, as one string (opened with its key)."""
    from ips_reflect.store.vault import Vault

    parts: list[str] = []
    with Vault.unlock(folder, PASS) as vault:
        tables = [r[0] for r in vault.db.query("SELECT name FROM sqlite_master WHERE type='table'")]
        for table in tables:
            for row in vault.db.query(f'SELECT * FROM "{table}"'):
                for value in row:
                    if isinstance(value, bytes):
                        parts.append(value.decode("utf-8", "replace"))
                    elif value is not None:
                        parts.append(str(value))
    return "\n".join(parts)


@pytest.fixture
def folders(tmp_path: Path, monkeypatch, fast_kdf) -> dict[str, Path]:
    """A practitioner's vault (marked, private and binned entries; a session whose agenda
    names the private entry and a flag on it) and an empty supervisor's vault."""
    from ips_reflect.store.vault import Vault

    prac, sup = tmp_path / "practitioner", tmp_path / "supervisor"
    vault, _ = Vault.create(prac, PASS, kdf=fast_kdf)
    with vault:
        marked = vault.entries.add(
            Entry(
                kind="journal",
                created="2026-03-02T09:30:00+00:00",
                title="Pelican moment with Dana",
                body="Dana smiled when I told the lighthouse story about my first job.",
                client_alias="Dana",
                bring_to_supervision=True,
            )
        )
        private = vault.entries.add(
            Entry(
                kind="journal",
                created="2026-03-05T09:30:00+00:00",
                title="My zanzibar evening",
                body="Nobody else reads this quokka note.",
                client_alias="Ottoline",
            )
        )
        binned = vault.entries.add(
            Entry(kind="journal", title="Quokka bin", body="quokka", bring_to_supervision=True)
        )
        vault.entries.delete(binned.uid)
        flag = vault.flags.upsert(
            "contact_details",
            "text",
            entry_uid=private.uid,
            evidence="gave Ottoline my zanzibar number",
            explanation="Personal numbers blur the line.",
        )
        agenda = [
            AgendaItem("topic", "sup.topic.peer", "Peer support"),
            AgendaItem("entry", marked.uid, "Pelican moment"),
            AgendaItem("entry", private.uid, "My zanzibar evening"),
            AgendaItem("entry", binned.uid, "Quokka bin"),
            AgendaItem("flag", str(flag.id), "Giving contact details"),
        ]
        vault.supervision.add_session(
            "2026-03-12", "Priya Shah", agenda=[i.to_json() for i in agenda]
        )
    Vault.create(sup, PASS, kdf=fast_kdf)[0].close()
    monkeypatch.setenv("IPS_REFLECT_PASSPHRASE", PASS)
    return {"prac": prac, "sup": sup, "tmp": tmp_path}


def make_key(capsys, folder: Path, target: Path, name: str) -> str:
    code, out, err = run(capsys, folder, "supervisor", "key", "-o", str(target), "--name", name)
    assert code == 0, err
    found = CODE_RE.search(out)
    assert found is not None, out
    return found.group()


def share(capsys, f: dict[str, Any], key: Path, code: str, out: Path) -> None:
    rc, _o, err = run(
        capsys,
        f["prac"],
        "supervision",
        "share",
        "--to",
        str(key),
        "--fingerprint",
        code,
        "--name",
        "Sam Okafor",
        "-o",
        str(out),
    )
    assert rc == 0, err


@pytest.fixture
def exchanged(capsys, folders) -> dict[str, Any]:
    """The round trip up to a reply written (not yet received)."""
    f: dict[str, Any] = dict(folders)
    tmp = f["tmp"]
    f["key"] = tmp / "priya.ipskey"
    f["code"] = make_key(capsys, f["sup"], f["key"], "Priya Shah")
    f["share"] = tmp / "session.ipsshare"
    share(capsys, f, f["key"], f["code"], f["share"])
    assert run(capsys, f["sup"], "supervisor", "open", str(f["share"]))[0] == 0
    assert (
        run(capsys, f["sup"], "supervisor", "comment", "1", "--item", "2", "Well judged.")[0] == 0
    )
    rc = run(
        capsys, f["sup"], "supervisor", "action", "1", "Read the policy", "--due", "2026-04-01"
    )
    assert rc[0] == 0
    f["reply"] = tmp / "reply.ipsreply"
    rc = run(
        capsys,
        f["sup"],
        "supervisor",
        "respond",
        "1",
        "--sign-off",
        "Priya Shah",
        "-o",
        str(f["reply"]),
    )
    assert rc[0] == 0, rc[2]
    return f


# --------------------------------------------------------------------------- the round trip


def test_the_whole_round_trip(capsys, folders) -> None:
    prac, sup, tmp = folders["prac"], folders["sup"], folders["tmp"]
    key = tmp / "priya.ipskey"
    code = make_key(capsys, sup, key, "Priya Shah")
    card = json.loads(key.read_text(encoding="utf-8"))
    assert card["format"] == "ips-reflect/key-card" and card["name"] == "Priya Shah"
    assert "sign_seed" not in key.read_text() and "box_secret" not in key.read_text()

    # First use: refused without the fingerprint, with a sentence saying how to confirm.
    target = tmp / "session.ipsshare"
    before = snapshot(prac)
    rc, _out, err = run(
        capsys, prac, "supervision", "share", "--to", str(key), "-o", str(target), "--name", "Sam"
    )
    assert rc == 1 and f"--fingerprint {code}" in err and not target.exists()
    assert snapshot(prac) == before
    rc, _out, err = run(
        capsys,
        prac,
        *("supervision", "share", "--to", str(key), "-o", str(target)),
        *("--fingerprint", "AAAA-BBBB-CCCC-DDDD", "--name", "Sam"),
    )
    assert rc == 1 and "does not match" in err and not target.exists()

    share(capsys, folders, key, code.lower(), target)
    data = target.read_bytes()
    assert data.startswith(b"IPS-REFLECT-EXCHANGE 1 share " + code.encode())
    for word in MARKED_WORDS + PRIVATE_WORDS + ("Peer support", "Sam Okafor"):
        assert word.encode() not in data and word.lower().encode() not in data.lower()

    # The supervisor opens it, lists and shows it.
    rc, out, err = run(capsys, sup, "supervisor", "open", str(target))
    assert rc == 0, err
    assert "Sam Okafor" in out
    rc, out, _ = run(capsys, sup, "supervisor", "list", "--json")
    shares = json.loads(out)["shares"]
    assert [(s["id"], s["practitioner"], s["session_date"]) for s in shares] == [
        (1, "Sam Okafor", "2026-03-12")
    ]
    rc, out, _ = run(capsys, sup, "supervisor", "show", "1", "--json")
    shown = json.loads(out)
    kinds = [i["kind"] for i in shown["items"]]
    assert kinds == ["topic", "entry", "flag"] and shares[0]["items"] == 3
    assert "lighthouse story" in shown["items"][1]["text"]
    assert shown["items"][2]["sign"] and "zanzibar" not in json.dumps(shown)

    assert run(capsys, sup, "supervisor", "comment", "1", "--item", "2", "Well judged.")[0] == 0
    assert run(capsys, sup, "supervisor", "comment", "1", "--item", "3", "Talk again.")[0] == 0
    rc = run(capsys, sup, "supervisor", "action", "1", "Read the policy", "--due", "2026-04-01")
    assert rc[0] == 0
    reply = tmp / "reply.ipsreply"
    rc, out, err = run(
        capsys, sup, "supervisor", "respond", "1", "--sign-off", "Priya Shah", "-o", str(reply)
    )
    assert rc == 0, err
    record_code = CODE_RE.search(out)
    assert record_code is not None
    assert b"Well judged" not in reply.read_bytes()

    # The practitioner takes the reply in.
    rc, out, err = run(capsys, prac, "supervision", "receive", str(reply))
    assert rc == 0, err
    rc, out, _ = run(capsys, prac, "supervision", "sessions", "--json")
    (session,) = json.loads(out)["sessions"]
    assert session["signed_off_by"] == "Priya Shah" and session["signed_off_at"]
    assert session["comments"] == [
        {"item": 2, "text": "Well judged."},
        {"item": 3, "text": "Talk again."},
    ]
    rc, out, _ = run(capsys, prac, "supervision", "actions", "--json")
    actions = json.loads(out)["actions"]
    assert [(a["text"], a["due_on"], a["session_id"]) for a in actions] == [
        ("Read the policy", "2026-04-01", session["id"])
    ]

    # The record PDF on both sides, with one fingerprint.
    mine, theirs = tmp / "mine.pdf", tmp / "theirs.pdf"
    assert run(capsys, prac, "supervision", "record", "-o", str(mine))[0] == 0
    assert run(capsys, sup, "supervisor", "record", "1", "-o", str(theirs))[0] == 0
    texts = [pdf_text(mine), pdf_text(theirs)]
    for text in texts:
        assert record_code.group() in text
        assert "revalidation" in text and "Sam Okafor" in text and "Priya Shah" in text
        assert "Well judged." in text and "Read the policy" in text
        assert not any(w in text for w in PRIVATE_WORDS)
    full = [re.search(r"[0-9a-f]{64}", t) for t in texts]
    assert full[0] and full[1] and full[0].group() == full[1].group()

    # A private entry's words are nowhere in the supervisor's vault.
    stored = vault_text(sup)
    assert "lighthouse story" in stored  # the search below would find them
    assert not any(w.casefold() in stored.casefold() for w in PRIVATE_WORDS)


def test_no_session_yet_makes_one_from_what_is_marked(capsys, tmp_path, fast_kdf, monkeypatch):
    from ips_reflect.store.vault import Vault

    prac, sup = tmp_path / "p", tmp_path / "s"
    vault, _ = Vault.create(prac, PASS, kdf=fast_kdf)
    with vault:
        vault.entries.add(Entry(kind="journal", title="Pelican", bring_to_supervision=True))
        vault.entries.add(Entry(kind="journal", title="zanzibar", body="quokka"))
    Vault.create(sup, PASS, kdf=fast_kdf)[0].close()
    monkeypatch.setenv("IPS_REFLECT_PASSPHRASE", PASS)
    code = make_key(capsys, sup, tmp_path / "k.ipskey", "Priya Shah")
    share(capsys, {"prac": prac}, tmp_path / "k.ipskey", code, tmp_path / "s.ipsshare")
    _rc, out, _ = run(capsys, prac, "supervision", "sessions", "--json")
    (session,) = json.loads(out)["sessions"]
    assert session["supervisor"] == "Priya Shah" and session["signed_off_by"] is None
    assert run(capsys, sup, "supervisor", "open", str(tmp_path / "s.ipsshare"))[0] == 0
    _rc, out, _ = run(capsys, sup, "supervisor", "show", "1", "--json")
    assert [i["title"] for i in json.loads(out)["items"]] == ["Pelican"]
    assert "quokka" not in vault_text(sup)


def test_a_different_card_under_a_confirmed_name_is_refused(capsys, exchanged) -> None:
    from ips_reflect.store.vault import Vault

    f = exchanged
    other_dir = f["tmp"] / "impostor"
    Vault.create(other_dir, PASS)[0].close()
    fake = f["tmp"] / "fake.ipskey"
    fake_code = make_key(capsys, other_dir, fake, "priya shah")
    before = snapshot(f["prac"])
    out = f["tmp"] / "again.ipsshare"
    rc, _o, err = run(capsys, f["prac"], "supervision", "share", "--to", str(fake), "-o", str(out))
    assert rc == 1 and "Warning" in err and "--replace-card" in err and not out.exists()
    rc, _o, err = run(
        capsys,
        f["prac"],
        *("supervision", "share", "--to", str(fake), "-o", str(out), "--replace-card"),
    )
    assert rc == 1 and not out.exists()
    assert snapshot(f["prac"]) == before
    rc, _o, err = run(
        capsys,
        f["prac"],
        *("supervision", "share", "--to", str(fake), "-o", str(out)),
        *("--replace-card", "--fingerprint", fake_code),
    )
    assert rc == 0, err
    # The confirmed card is used again without asking.
    rc, _o, err = run(capsys, f["prac"], "supervision", "share", "--to", str(fake), "-o", str(out))
    assert rc == 0, err


def test_a_later_reply_replaces_the_earlier_and_adds_only_new_actions(capsys, exchanged):
    f = exchanged
    assert run(capsys, f["prac"], "supervision", "receive", str(f["reply"]))[0] == 0
    run(capsys, f["sup"], "supervisor", "action", "1", "Ask about a peer group")
    second = f["tmp"] / "second.ipsreply"
    rc = run(
        capsys, f["sup"], "supervisor", "respond", "1", "--sign-off", "Priya", "-o", str(second)
    )
    assert rc[0] == 0
    rc, out, err = run(capsys, f["prac"], "supervision", "receive", str(second))
    assert rc == 0, err
    rc, out, _ = run(capsys, f["prac"], "supervision", "actions", "--json")
    assert sorted(a["text"] for a in json.loads(out)["actions"]) == [
        "Ask about a peer group",
        "Read the policy",
    ]
    rc, out, _ = run(capsys, f["prac"], "supervision", "sessions", "--json")
    assert json.loads(out)["sessions"][0]["signed_off_by"] == "Priya"


# --------------------------------------------------------------------------- bad files


def refused(capsys, f: dict[str, Any], folder: Path, *args: str) -> str:
    """Run a command that must be refused; nothing may change in either folder."""
    before = snapshot(f["prac"], f["sup"])
    rc, out, err = run(capsys, folder, *args)
    assert rc == 1, (out, err)
    assert snapshot(f["prac"], f["sup"]) == before
    assert err.startswith("ips-reflect: ") and len(err.strip().splitlines()) == 1
    for word in MARKED_WORDS + PRIVATE_WORDS + ("Well judged", "Read the policy"):
        assert word not in err
    return err


@pytest.mark.parametrize("where", [0, 5, 25, 40, 60, 100, -40, -1])
def test_a_reply_with_one_byte_changed_is_refused(capsys, exchanged, where) -> None:
    f = exchanged
    data = bytearray(f["reply"].read_bytes())
    data[where] ^= 0x01
    bad = f["tmp"] / "changed.ipsreply"
    bad.write_bytes(bytes(data))
    err = refused(capsys, f, f["prac"], "supervision", "receive", str(bad))
    assert str(bad) in err


@pytest.mark.parametrize("where", [30, 200, -1])
def test_a_share_with_one_byte_changed_is_refused(capsys, exchanged, where) -> None:
    f = exchanged
    data = bytearray(f["share"].read_bytes())
    data[where] ^= 0x80
    bad = f["tmp"] / "changed.ipsshare"
    bad.write_bytes(bytes(data))
    err = refused(capsys, f, f["sup"], "supervisor", "open", str(bad))
    assert "changed" in err or "not an IPS Reflect" in err or "sealed for" in err


def test_a_reply_signed_by_another_key_is_refused(capsys, exchanged) -> None:
    from ips_reflect.core.exchange import new_identity, seal
    from ips_reflect.core.exchange_record import read_reply
    from ips_reflect.store.vault import Vault

    f = exchanged
    with Vault.unlock(f["sup"], PASS) as vault:
        got = vault.exchange.received(1)
        assert got is not None
        practitioner = got.practitioner_card
        payload = json.dumps(got.reply).encode()
    read_reply(payload, "x")  # a well-formed reply, only the signer is wrong
    forged = seal("reply", payload, new_identity("Priya Shah", "2026-01-01"), practitioner)
    bad = f["tmp"] / "forged.ipsreply"
    bad.write_bytes(forged)
    err = refused(capsys, f, f["prac"], "supervision", "receive", str(bad))
    assert "not signed by the key you shared with" in err


def test_a_replayed_or_older_reply_is_refused(capsys, exchanged) -> None:
    f = exchanged
    second = f["tmp"] / "second.ipsreply"
    run(capsys, f["sup"], "supervisor", "respond", "1", "--sign-off", "Priya", "-o", str(second))
    assert run(capsys, f["prac"], "supervision", "receive", str(second))[0] == 0
    err = refused(capsys, f, f["prac"], "supervision", "receive", str(second))
    assert "already been taken in" in err
    err = refused(capsys, f, f["prac"], "supervision", "receive", str(f["reply"]))
    assert "older reply (number 1)" in err


def test_a_share_for_another_supervisor_is_refused(capsys, exchanged) -> None:
    from ips_reflect.store.vault import Vault

    f = exchanged
    other = f["tmp"] / "other-supervisor"
    Vault.create(other, PASS)[0].close()
    key = f["tmp"] / "other.ipskey"
    code = make_key(capsys, other, key, "Alex Other")
    target = f["tmp"] / "for-alex.ipsshare"
    share(capsys, f, key, code, target)
    err = refused(capsys, f, f["sup"], "supervisor", "open", str(target))
    assert f"sealed for the key with fingerprint {code}" in err


def test_the_same_share_is_not_opened_twice(capsys, exchanged) -> None:
    err = refused(
        capsys, exchanged, exchanged["sup"], "supervisor", "open", str(exchanged["share"])
    )
    assert "already been opened" in err


def test_the_wrong_kind_is_refused(capsys, exchanged) -> None:
    f = exchanged
    err = refused(capsys, f, f["sup"], "supervisor", "open", str(f["reply"]))
    assert "is a reply from a supervisor, not a share" in err
    err = refused(capsys, f, f["prac"], "supervision", "receive", str(f["share"]))
    assert "is a share from a practitioner, not a reply" in err


@pytest.mark.parametrize("keep", [0, 10, 47, 60, 200])
def test_a_cut_short_file_is_refused(capsys, exchanged, keep) -> None:
    f = exchanged
    bad = f["tmp"] / "short.ipsshare"
    bad.write_bytes(f["share"].read_bytes()[:keep])
    refused(capsys, f, f["sup"], "supervisor", "open", str(bad))


def test_an_oversized_or_foreign_file_is_refused(capsys, exchanged) -> None:
    f = exchanged
    big = f["tmp"] / "big.ipsreply"
    with big.open("wb") as fh:
        fh.write(f["reply"].read_bytes())
        fh.truncate(20 * 1024 * 1024 + 1)
    err = refused(capsys, f, f["prac"], "supervision", "receive", str(big))
    assert "20 MiB" in err
    foreign = f["tmp"] / "notes.ipsshare"
    foreign.write_text("Just some notes, not a share.\n")
    err = refused(capsys, f, f["sup"], "supervisor", "open", str(foreign))
    assert "not an IPS Reflect share or reply file" in err
    card = refused(capsys, f, f["prac"], "supervision", "share", "--to", str(foreign), "-o", "x")
    assert "not an IPS Reflect key card" in card


def test_files_are_private(exchanged) -> None:
    if os.name != "posix":
        pytest.skip("file modes are POSIX")
    for name in ("share", "reply", "key"):
        assert exchanged[name].stat().st_mode & 0o777 == 0o600
