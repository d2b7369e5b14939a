"""The exchange operations a page will call, on two real vaults in one process."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from ips_reflect.core.entries import Entry
from ips_reflect.errors import UserError
from ips_reflect.ops import exchange as ops
from ips_reflect.ops import exchange_supervisor as desk

pytestmark = pytest.mark.timeout(120)

PASS = "a long enough passphrase"


@pytest.fixture
def pair(tmp_path: Path, monkeypatch):
    from ips_reflect.store.crypto import KdfParams
    from ips_reflect.store.vault import Vault

    fast = KdfParams(8192, 1, 1)
    monkeypatch.setattr(Vault, "kdf_target", fast)
    prac, _ = Vault.create(tmp_path / "p", PASS, kdf=fast)
    sup, _ = Vault.create(tmp_path / "s", PASS, kdf=fast)
    try:
        yield prac, sup
    finally:
        prac.close()
        sup.close()


def test_keys_are_made_once_and_kept(pair) -> None:
    prac, _ = pair
    assert prac.exchange.identity() is None
    first = ops.identity(prac, "Sam")
    again = ops.identity(prac)
    assert again.sign_seed == first.sign_seed and again.name == "Sam"
    assert ops.my_card(prac).fingerprint == first.card().fingerprint
    with pytest.raises(UserError):
        ops.my_card(pair[1])  # no name yet


def test_trust_new_known_and_changed(pair, content, tmp_path) -> None:
    prac, sup = pair
    card = ops.my_card(sup, "Priya Shah")
    prac.entries.add(Entry(kind="journal", title="A", bring_to_supervision=True))
    assert ops.card_trust(prac, card) == ops.TRUST_NEW
    with pytest.raises(UserError, match="--fingerprint"):
        ops.share_session(prac, content, card, tmp_path / "a", name="Sam")
    assert not (tmp_path / "a").exists() and prac.supervision.sessions() == []
    ops.share_session(prac, content, card, tmp_path / "a", name="Sam", confirmed=True)
    assert ops.card_trust(prac, card) == ops.TRUST_KNOWN
    from ips_reflect.core.exchange import new_identity

    other = new_identity("PRIYA  shah", "2026-01-01T00:00:00+00:00").card()
    assert ops.card_trust(prac, other) == ops.TRUST_CHANGED
    with pytest.raises(UserError, match="Warning"):
        ops.share_session(prac, content, other, tmp_path / "b", confirmed=True)
    assert ops.fingerprint_matches(card, card.fingerprint.lower())


def test_fifty_items_round_trip_and_figures(pair, content, tmp_path, capsys) -> None:
    """Figures for the report (printed, not asserted): sizes and times at 50 items."""
    prac, sup = pair
    for n in range(50):
        prac.entries.add(
            Entry(
                kind="journal",
                title=f"Meeting {n}",
                body="I said a little about my own return to work. " * 30,
                bring_to_supervision=True,
            )
        )
    card = ops.my_card(sup, "Priya Shah")
    times = {}
    start = time.perf_counter()
    done = ops.share_session(
        prac, content, card, tmp_path / "s.ipsshare", name="Sam", confirmed=True
    )
    times["share"] = time.perf_counter() - start
    assert done.items == 50 and done.made_session
    data = (tmp_path / "s.ipsshare").read_bytes()
    start = time.perf_counter()
    got = desk.open_share(sup, data, "s.ipsshare")
    times["open"] = time.perf_counter() - start
    for item in range(1, 51):
        desk.add_comment(sup, got.id, item, f"Comment on {item}.")
    desk.add_action(sup, got.id, "Bring one example next time", "2026-05-01")
    start = time.perf_counter()
    result = desk.respond(sup, got.id, "Priya Shah", tmp_path / "r.ipsreply")
    times["respond"] = time.perf_counter() - start
    reply = (tmp_path / "r.ipsreply").read_bytes()
    start = time.perf_counter()
    received = ops.receive_reply(prac, reply, "r.ipsreply")
    times["receive"] = time.perf_counter() - start
    assert received.record.fingerprint == result.record.fingerprint
    assert (
        ops.practitioner_record(prac).fingerprint == desk.supervisor_record(sup, got.id).fingerprint
    )
    start = time.perf_counter()
    pdf = ops.record_pdf(received.record)
    times["record pdf"] = time.perf_counter() - start
    assert pdf.startswith(b"%PDF-")
    with capsys.disabled():
        print(
            f"\n50 items: share {len(data)} B, reply {len(reply)} B, record PDF {len(pdf)} B; "
            + ", ".join(f"{k} {v * 1000:.0f} ms" for k, v in times.items())
        )


def test_comment_action_and_respond_check_their_input(pair, content, tmp_path) -> None:
    prac, sup = pair
    prac.entries.add(Entry(kind="journal", title="A", bring_to_supervision=True))
    card = ops.my_card(sup, "Priya")
    ops.share_session(prac, content, card, tmp_path / "x.ipsshare", name="Sam", confirmed=True)
    got = desk.open_share(sup, (tmp_path / "x.ipsshare").read_bytes(), "x")
    with pytest.raises(UserError, match="no item 2"):
        desk.add_comment(sup, got.id, 2, "x")
    with pytest.raises(UserError, match="empty"):
        desk.add_comment(sup, got.id, 1, "   ")
    with pytest.raises(UserError, match="not a date"):
        desk.add_action(sup, got.id, "x", "next week")
    with pytest.raises(UserError, match="no opened share"):
        desk.share_view(sup, 99)
    with pytest.raises(UserError, match="not been signed off"):
        desk.supervisor_record(sup, got.id)
    assert desk.respond(sup, got.id, "Priya", tmp_path / "r1").sequence == 1
    assert desk.respond(sup, got.id, "Priya", tmp_path / "r2").sequence == 2
