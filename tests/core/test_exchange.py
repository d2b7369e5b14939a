"""Key cards, fingerprints, envelopes and the session record, without a vault."""

from __future__ import annotations

import base64
import json

import pytest

from ips_reflect.core.exchange import (
    CROCKFORD,
    MAX_JSON_DEPTH,
    ExchangeError,
    new_identity,
    normalise_code,
    open_envelope,
    parse_json,
    read_card,
    seal,
)
from ips_reflect.core.exchange_record import (
    Comment,
    RecordAction,
    ReplyPayload,
    ShareItem,
    SharePayload,
    new_share_id,
    read_reply,
    read_share,
    record_of,
)

pytestmark = pytest.mark.timeout(60)

NOW = "2026-03-12T09:30:00+00:00"


@pytest.fixture(scope="module")
def people():
    return new_identity("Sam Okafor", NOW), new_identity("Priya Shah", NOW)


def test_a_card_reads_back_and_holds_no_private_key(people) -> None:
    sam, _ = people
    data = sam.card().to_bytes()
    card = read_card(data, "sam.ipskey")
    assert card == sam.card()
    assert base64.b64encode(sam.sign_seed) not in data
    assert base64.b64encode(sam.box_secret) not in data


def test_the_fingerprint_is_four_groups_of_crockford_base32(people) -> None:
    sam, priya = people
    code = sam.card().fingerprint
    groups = code.split("-")
    assert [len(g) for g in groups] == [4, 4, 4, 4]
    assert all(c in CROCKFORD for c in "".join(groups))
    assert code != priya.card().fingerprint
    assert sam.card("Another Name").fingerprint == code  # the keys, not the name
    assert normalise_code(code.lower().replace("-", " ")) == code
    assert normalise_code(code.replace("0", "o").replace("1", "l")) == code
    assert normalise_code("ABC") == ""


@pytest.mark.parametrize(
    "change",
    [
        lambda d: d.update(format="ips-reflect/bio-card"),
        lambda d: d.update(version=2),
        lambda d: d.update(version=True),
        lambda d: d.update(sign_key="AAAA"),
        lambda d: d.update(box_key=base64.b64encode(b"x" * 31).decode()),
        lambda d: d.update(name=""),
        lambda d: d.update(name=["Sam"]),
        lambda d: d.pop("box_key"),
    ],
)
def test_a_bad_card_is_refused(people, change) -> None:
    doc = people[0].card().to_json()
    change(doc)
    with pytest.raises(ExchangeError, match="card"):
        read_card(json.dumps(doc).encode(), "bad.ipskey")


def test_json_nesting_and_repeated_keys_are_bounded() -> None:
    deep = b"[" * (MAX_JSON_DEPTH + 1) + b"]" * (MAX_JSON_DEPTH + 1)
    with pytest.raises(ExchangeError):
        parse_json(deep, "f", "{file} bad")
    with pytest.raises(ExchangeError):
        parse_json(b'{"a": 1, "a": 2}', "f", "{file} bad")
    with pytest.raises(ExchangeError):
        parse_json(b'{"a": NaN}', "f", "{file} bad")
    assert parse_json(b'{"a": "[[[[[[[[[[[[[[[["}', "f", "{file} bad") == {"a": "[" * 16}


def test_a_sealed_payload_opens_only_for_its_recipient(people) -> None:
    sam, priya = people
    data = seal("share", b'{"hello": 1}', sam, priya.card())
    opened = open_envelope(data, priya, "share", "s.ipsshare")
    assert opened.payload == b'{"hello": 1}' and opened.sender_sign_key == sam.sign_key
    with pytest.raises(
        ExchangeError, match=f"sealed for the key with fingerprint {priya.card().fingerprint}"
    ):
        open_envelope(data, sam, "share", "s.ipsshare")
    with pytest.raises(ExchangeError, match="not a reply"):
        open_envelope(data, priya, "reply", "s.ipsshare")


def test_every_single_byte_change_is_refused(people) -> None:
    sam, priya = people
    data = seal("reply", b'{"n": 1}', priya, sam.card())
    for i in range(len(data)):
        changed = bytearray(data)
        changed[i] ^= 0x04
        with pytest.raises(ExchangeError):
            open_envelope(bytes(changed), sam, "reply", "r.ipsreply")


def test_a_file_resealed_by_someone_else_fails_the_signature(people) -> None:
    """The kind and the recipient are bound into the signature: the recipient of a share
    cannot pass its signed bytes on as a reply, or as a share to someone else."""
    from nacl.public import PrivateKey, PublicKey, SealedBox

    from ips_reflect.core.exchange import header_line

    sam, priya = people
    share = seal("share", b"{}", sam, priya.card())
    inner = SealedBox(PrivateKey(priya.box_secret)).decrypt(share.split(b"\n", 1)[1])
    third = new_identity("Alex", NOW)
    for kind, to in (("reply", sam), ("share", third)):
        resealed = header_line(kind, to.card()) + SealedBox(PublicKey(to.box_key)).encrypt(inner)
        with pytest.raises(ExchangeError, match="signature"):
            open_envelope(resealed, to, kind, "f")


def _share(sam) -> SharePayload:
    items = (
        ShareItem(1, "topic", "Peer support", "How it went"),
        ShareItem(2, "entry", "First meeting", "I told my story."),
        ShareItem(3, "flag", "Contact details", "Numbers blur the line.", "Giving contact details"),
    )
    return SharePayload(new_share_id(), "Sam", sam.card(), "Priya", "2026-03-12", NOW, items)


def test_share_and_reply_payloads_read_back_and_bad_fields_are_refused(people) -> None:
    sam, _ = people
    share = _share(sam)
    assert read_share(share.to_bytes(), "s") == share
    reply = ReplyPayload(
        share.share_id,
        1,
        "Priya",
        "Priya Shah",
        NOW,
        NOW,
        "0" * 64,
        (Comment(2, "Well judged."),),
        (RecordAction(1, "Read the policy", "2026-04-01"),),
    )
    assert read_reply(reply.to_bytes(), "r") == reply
    for key, value in [
        ("share_id", "../../etc"),
        ("session_date", "2026-02-30"),
        ("items", [{"index": 1, "kind": "secret", "title": "", "text": ""}]),
        ("items", [{"index": 2, "kind": "topic", "title": "", "text": ""}]),
        ("created", "yesterday"),
    ]:
        doc = share.to_json()
        doc[key] = value
        with pytest.raises(ExchangeError):
            read_share(json.dumps(doc).encode(), "s")
    doc = reply.to_json()
    doc["sequence"] = 0
    with pytest.raises(ExchangeError):
        read_reply(json.dumps(doc).encode(), "r")


def test_the_record_fingerprint_is_stable_and_changes_with_any_word(people) -> None:
    sam, _ = people
    share = _share(sam)
    reply = ReplyPayload(share.share_id, 1, "Priya", "Priya Shah", NOW, NOW, "0" * 64)
    record = record_of(share, reply)
    assert record.fingerprint == record_of(read_share(share.to_bytes(), "s"), reply).fingerprint
    changed = record_of(
        share, ReplyPayload(share.share_id, 1, "Priya", "Priya Shah.", NOW, NOW, "0" * 64)
    )
    assert changed.fingerprint != record.fingerprint
    assert len(record.short_fingerprint) == 19
