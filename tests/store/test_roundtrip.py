"""Export to JSON, import into a fresh vault: the entries come back identical,
whatever Unicode they hold (emoji, right-to-left, combining marks, controls)."""

from __future__ import annotations

import itertools
from dataclasses import replace
from datetime import UTC, datetime, timedelta, timezone

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ips_reflect.core.content import POSITIVE_REASON_IDS, WARNING_SIGN_IDS
from ips_reflect.core.entries import AUDIENCES, KINDS, Entry, parse_exchange
from ips_reflect.export import jsonfmt
from ips_reflect.store.vault import Vault

from .conftest import FAST_KDF, PASSPHRASE

SPECIAL = [
    "😀🧠💼 👩🏽‍💻",
    "שלום עולם",  # right to left
    "مرحبا بالعالم",
    "e\u0301 a\u0308 n\u0303",  # combining marks
    "Z\u0351\u0352\u0353algo",
    "tab\tnew\nline\r\n",
    '"quotes" \\backslash\\ </script>',
    "\x00\x01 control",
    "\u200b\u200d\ufeff",
    "",
]
text = st.one_of(st.text(max_size=60), st.sampled_from(SPECIAL))
tag = st.text(min_size=1, max_size=15).filter(lambda t: t.strip() != "")
qid = st.from_regex(r"[a-z][a-z0-9_]{0,8}(\.[a-z0-9_]{1,6})?", fullmatch=True)
answer = st.one_of(text, st.integers(-1000, 1000), st.booleans(), st.lists(text, max_size=3))


@st.composite
def timestamps(draw) -> str:
    moment = draw(st.datetimes(min_value=datetime(1990, 1, 1), max_value=datetime(2090, 1, 1)))
    offset = timedelta(minutes=draw(st.integers(-14 * 60, 14 * 60)))
    aware = moment.replace(tzinfo=timezone(offset) if offset else UTC)
    spec = draw(st.sampled_from(["seconds", "microseconds", "minutes"]))
    return aware.isoformat(timespec=spec)


@st.composite
def entries(draw) -> Entry:
    return Entry(
        kind=draw(st.sampled_from(KINDS)),
        created=draw(timestamps()),
        updated=draw(st.none() | timestamps()),
        title=draw(text),
        body=draw(text),
        client_alias=draw(st.none() | text),
        audience=draw(st.none() | st.sampled_from(AUDIENCES)),
        tags=draw(st.lists(tag, max_size=4)),
        answers=draw(st.dictionaries(qid, answer, max_size=4)),
        warning_signs=draw(st.lists(st.sampled_from(WARNING_SIGN_IDS), unique=True, max_size=4)),
        reasons=draw(st.lists(st.sampled_from(POSITIVE_REASON_IDS), unique=True, max_size=3)),
        bring_to_supervision=draw(st.booleans()),
    )


@st.composite
def batches(draw) -> list[Entry]:
    batch = draw(st.lists(entries(), min_size=1, max_size=5))
    if len(batch) >= 2 and draw(st.booleans()):
        batch[1] = replace(batch[1], linked_uid=batch[0].uid)
    return batch


def _comparable(e: Entry) -> Entry:
    return replace(e, id=None)


def test_export_import_round_trip(tmp_path, fast_unlock):
    counter = itertools.count()

    @settings(
        max_examples=25,
        deadline=None,
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
    )
    @given(batch=batches())
    def check(batch: list[Entry]) -> None:
        n = next(counter)
        a, _ = Vault.create(tmp_path / f"a{n}", PASSPHRASE, kdf=FAST_KDF)
        b, _ = Vault.create(tmp_path / f"b{n}", PASSPHRASE, kdf=FAST_KDF)
        with a, b:
            a.entries.import_entries(batch)
            original = a.entries.list(newest_first=False)
            exported = jsonfmt.dumps(original)
            result = b.entries.import_entries(parse_exchange(exported.encode(), "x.json"))
            assert result.added == len(batch)
            again = b.entries.list(newest_first=False)
            assert [_comparable(e) for e in again] == [_comparable(e) for e in original]
            assert jsonfmt.dumps(again) == exported

    check()
