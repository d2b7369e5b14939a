"""The Entry dataclass and the JSON exchange format (validation, messages, round trip)."""

from __future__ import annotations

import json

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ips_reflect.core.content import WARNING_SIGN_IDS
from ips_reflect.core.entries import (
    EXCHANGE_FORMAT,
    Entry,
    EntryError,
    check_entry,
    entry_from_exchange,
    entry_to_exchange,
    exchange_document,
    parse_exchange,
    utc_key,
)

GOOD = {
    "kind": "before_check",
    "created": "2026-11-02T09:30:00+00:00",
    "title": "Telling Sam about my return to work",
    "body": "Short and hopeful.",
    "client_alias": "S.",
    "audience": "client",
    "tags": ["return-to-work"],
    "answers": {"box3.right_time": "yes", "box3.feeling_ok": 4, "prep.topics": ["a", "b"]},
    "warning_signs": ["secrets"],
    "bring_to_supervision": True,
}


def doc(*entries: dict) -> str:
    return json.dumps({"format": EXCHANGE_FORMAT, "version": 1, "entries": list(entries)})


def problems_of(text: str | bytes) -> list[str]:
    with pytest.raises(EntryError) as info:
        parse_exchange(text, "in.json")
    return [info.value.message, *info.value.details]


def test_valid_document_parses():
    (entry,) = parse_exchange(doc(GOOD), "in.json")
    assert entry.kind == "before_check"
    assert entry.answers["box3.feeling_ok"] == 4
    assert entry.bring_to_supervision is True
    assert entry.uid and entry.id is None


def test_only_kind_and_created_are_required():
    (entry,) = parse_exchange(doc({"kind": "journal", "created": "2026-01-01T08:00:00Z"}))
    assert entry.title == "" and entry.tags == [] and entry.audience is None


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        (
            {"audience": "boss"},
            "entries[1].audience: 'boss' is not one of client, employer, ips_team, clinical_team",
        ),
        ({"kind": "diary"}, "entries[1].kind: 'diary' is not one of preparation"),
        ({"created": "2026-11-02 09:30"}, "entries[1].created: '2026-11-02 09:30' is not an ISO"),
        ({"created": "yesterday"}, "entries[1].created: 'yesterday' is not an ISO 8601"),
        ({"colour": "blue"}, "entries[1]: unknown key 'colour'"),
        ({"tittle": "x"}, "did you mean 'title'?"),
        ({"warning_signs": ["secret"]}, "entries[1].warning_signs[0]: 'secret' is not one of"),
        (
            {"warning_signs": ["envy", "envy"]},
            "entries[1].warning_signs[1]: 'envy' is listed twice",
        ),
        ({"reasons": ["fun"]}, "entries[1].reasons[0]: 'fun' is not one of"),
        ({"tags": "a,b"}, "entries[1].tags: expected a list of tags, found text"),
        ({"tags": [""]}, "entries[1].tags[0]: a tag cannot be empty"),
        ({"answers": {"Bad Id": "x"}}, "entries[1].answers: 'Bad Id' is not a question id"),
        ({"answers": {"q.one": 1.5}}, "entries[1].answers.q.one: expected text, a whole number"),
        ({"answers": {"q.one": {"x": 1}}}, "found an object"),
        ({"answers": []}, "entries[1].answers: expected an object"),
        ({"bring_to_supervision": 1}, "entries[1].bring_to_supervision: expected true or false"),
        ({"title": None}, "entries[1].title: expected text, found null"),
        ({"body": 5}, "entries[1].body: expected text, found a number"),
        ({"uid": "not-a-uuid"}, "entries[1].uid: 'not-a-uuid' is not a UUID"),
        ({"linked_uid": 3}, "entries[1].linked_uid: expected a UUID as text"),
        ({"title": "\ud800"}, "entries[1].title: contains an invalid character"),
    ],
)
def test_each_problem_names_entry_and_field(change, expected):
    bad = {**GOOD, **change}
    lines = problems_of(doc(GOOD, bad))
    assert lines[0].startswith("in.json has 1 problem; nothing was imported.")
    assert any(expected in line for line in lines[1:]), lines
    assert all(line.startswith("in.json: ") for line in lines[1:])


def test_missing_required_keys_and_every_problem_is_listed():
    lines = problems_of(doc({"title": "x"}, {**GOOD, "audience": "boss", "kind": "x"}))
    text = "\n".join(lines)
    assert "entries[0]: the required key 'kind' is missing" in text
    assert "entries[0]: the required key 'created' is missing" in text
    assert "entries[1].audience" in text and "entries[1].kind" in text
    assert lines[0].startswith("in.json has 4 problems")


def test_duplicate_keys_are_refused():
    text = doc(GOOD).replace('"title":', '"title": "one", "title":', 1)
    assert any("entries[0].title: this key appears more than once" in x for x in problems_of(text))


def test_duplicate_uids_in_one_file():
    uid = "0b7c3f5e-8a4b-4a57-9a59-1a5b1f7f2f10"
    lines = problems_of(doc({**GOOD, "uid": uid}, {**GOOD, "uid": uid}))
    assert any("entries[1].uid: the same uid is used by entries[0]" in x for x in lines)


def test_json_syntax_error_gives_file_line_col():
    text = '{"format": "ips-reflect/entries",\n  "version": 1,\n  "entries": [}\n'
    (message,) = problems_of(text)
    assert message.startswith("in.json:3:15: this is not valid JSON")
    assert "Nothing was imported." in message


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (b"", "the file is empty"),
        (b"\xff\xfe\x00garbage", "not UTF-8 text"),
        (b"[1, 2]", "expected a JSON object"),
        (
            b'{"format": "something/else", "version": 1, "entries": []}',
            "not an IPS Reflect entries",
        ),
        (b'{"version": 1, "entries": []}', "no 'format' key"),
        (b'{"format": "ips-reflect/entries", "version": 2, "entries": []}', "version 2"),
        (b'{"format": "ips-reflect/entries", "version": true, "entries": []}', "version True"),
        (b'{"format": "ips-reflect/entries", "version": 1}', "entries: expected a list"),
        (b'{"format": "ips-reflect/entries", "version": 1, "entries": [], "x": 1}', "unknown key"),
        (
            b'{"format": "ips-reflect/entries", "version": 1, "entries": [3]}',
            "entries[0]: expected",
        ),
        (b'{"format": "ips-reflect/entries", "version": 1, "entries": [NaN]}', "NaN"),
        (
            b'{"format": "ips-reflect/entries", "version": 1, "entries": [' + b"9" * 5000 + b"]}",
            "cannot be read",
        ),
        (b"[" * 100_000 + b"]" * 100_000, "nested far too deeply"),
        (
            b'{"format": "ips-reflect/entries", "version": 1, "entries": [{"kind": "jour',
            "in.json:1:",
        ),
    ],
)
def test_malformed_files_give_clear_messages(text, expected):
    lines = problems_of(text)
    assert any(expected in line for line in lines), lines


def test_utf8_bom_is_accepted():
    assert len(parse_exchange(b"\xef\xbb\xbf" + doc(GOOD).encode())) == 1


def test_exchange_round_trip_of_one_entry_is_exact():
    entry = parse_exchange(doc(GOOD))[0]
    again = entry_from_exchange(json.loads(json.dumps(entry_to_exchange(entry))))
    assert again == entry


def test_tags_are_tidied():
    (entry,) = parse_exchange(doc({**GOOD, "tags": [" a ", "a", "b"]}))
    assert entry.tags == ["a", "b"]


def test_check_entry_uses_the_same_rules():
    assert check_entry(Entry(kind="journal")) == []
    problems = check_entry(Entry(kind="journal", audience="boss", warning_signs=["nope"]))
    assert any("audience" in p for p in problems)
    assert any("warning_signs[0]" in p for p in problems)
    assert check_entry(Entry(kind="journal", created="2026-01-01T10:00:00")) != []


def test_utc_key_sorts_across_time_zones():
    a = utc_key("2026-01-01T10:00:00+02:00")  # 08:00 UTC
    b = utc_key("2026-01-01T09:00:00+00:00")
    assert a < b
    assert utc_key("2026-01-01T09:00:00Z") == b


def test_all_warning_sign_ids_are_accepted():
    entry = {**GOOD, "warning_signs": list(WARNING_SIGN_IDS)}
    assert parse_exchange(doc(entry))[0].warning_signs == list(WARNING_SIGN_IDS)
    assert len(WARNING_SIGN_IDS) == 13


def test_exchange_document_shape():
    d = exchange_document([Entry(kind="journal", created="2026-01-01T09:00:00+00:00")])
    assert d["format"] == EXCHANGE_FORMAT and d["version"] == 1
    assert set(d["entries"][0]) >= {"kind", "created", "title", "body", "tags", "answers"}


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.binary(max_size=400))
def test_random_bytes_never_crash(data):
    try:
        parse_exchange(data, "x.json")
    except EntryError as exc:
        assert exc.message.startswith("x.json")


json_values = st.recursive(
    st.none()
    | st.booleans()
    | st.integers()
    | st.floats(allow_nan=False, allow_infinity=False)
    | st.text(max_size=8),
    lambda children: (
        st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=8), children, max_size=4)
    ),
    max_leaves=12,
)


@settings(max_examples=150, deadline=None)
@given(st.dictionaries(st.sampled_from([*GOOD, "uid", "x", "reasons"]), json_values, max_size=6))
def test_random_entry_objects_are_accepted_or_refused_cleanly(fields):
    try:
        entries = parse_exchange(doc({**GOOD, **fields}), "x.json")
    except EntryError as exc:
        assert exc.details and all(d.startswith("x.json: entries[0]") for d in exc.details)
    else:
        assert len(entries) == 1


# --------------------------------------------------------------------------- size and echo

SECRET = "my private words "


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        ({"title": SECRET * 600_000}, "entries[1].title: is too long (10,200,000 characters"),
        ({"body": "x" * (1024 * 1024 + 1)}, "entries[1].body: is too long"),
        ({"client_alias": "x" * 201}, "entries[1].client_alias: is too long"),
        ({"tags": ["x" * 201]}, "entries[1].tags[0]: is too long"),
        ({"tags": [f"t{i}" for i in range(201)]}, "entries[1].tags: is too long (201 tags"),
        ({"answers": {"q.one": "x" * (1024 * 1024 + 1)}}, "entries[1].answers.q.one: is too long"),
        ({"answers": {"q.one": ["x"] * 1_001}}, "entries[1].answers.q.one: is too long"),
        ({"answers": {f"q.n{i}": 1 for i in range(1_001)}}, "entries[1].answers: is too long"),
    ],
)
def test_fields_over_their_limit_are_refused_without_quoting(change, expected):
    lines = problems_of(doc(GOOD, {**GOOD, **change}))
    assert any(expected in line for line in lines[1:]), lines
    assert all(len(line) < 300 for line in lines), [line[:300] for line in lines]
    assert not any("xxxxxxxxxx" in line or SECRET in line for line in lines)


def test_limits_are_inclusive():
    ok = {**GOOD, "title": "x" * 1_000, "body": "x" * (1024 * 1024), "client_alias": "x" * 200}
    (entry,) = parse_exchange(doc(ok))
    assert len(entry.title) == 1_000
    lines = problems_of(doc({**ok, "title": "x" * 1_001}))
    assert "entries[0].title: is too long (1,001 characters; at most 1,000)" in lines[1]


@pytest.mark.parametrize(
    "change",
    [
        {"kind": SECRET * 600_000},
        {"created": SECRET * 600_000},
        {"updated": SECRET * 600_000},
        {"uid": SECRET * 600_000},
        {"linked_uid": SECRET * 600_000},
        {"audience": SECRET * 600_000},
        {"warning_signs": [SECRET * 600_000]},
        {"reasons": [SECRET * 600_000]},
        {SECRET * 600_000: 1},
        {"answers": {SECRET * 600_000: "x"}},
        {"answers": {"q.one": 10**100}},
    ],
)
def test_a_huge_bad_value_is_quoted_as_a_short_excerpt_at_most(change):
    lines = problems_of(doc({**GOOD, **change}))
    assert len(lines) == 2, lines
    assert len(lines[1]) < 500, lines[1][:500]
    assert SECRET * 3 not in lines[1]
    assert str(10**100) not in lines[1]


@pytest.mark.parametrize(
    "text",
    [
        b'{"format": "' + SECRET.encode() * 600_000 + b'", "version": 1, "entries": []}',
        b'{"format": "ips-reflect/entries", "version": "' + SECRET.encode() * 600_000 + b'"}',
        b'{"format": "ips-reflect/entries", "version": 1, "entries": [], "'
        + SECRET.encode() * 600_000
        + b'": 1}',
    ],
)
def test_a_huge_value_in_the_document_is_never_repeated(text):
    lines = problems_of(text)
    assert all(len(line) < 300 for line in lines), [line[:300] for line in lines]
    assert not any(SECRET * 3 in line for line in lines)


def test_quoted_values_and_keys_are_escaped():
    lines = problems_of(doc({**GOOD, "kind": "diary\x1b[2J\x07\u202e"}))
    assert "entries[0].kind: 'diary\\x1b[2J\\x07\\u202e' is not one of" in lines[1]
    assert not any(ch in lines[1] for ch in "\x1b\x07\u202e")
    # A key given twice that is not one of the entry's keys: an escaped excerpt.
    text = '{"format": "ips-reflect/entries", "version": 1, "entries": [{"kind": "journal", '
    text += '"created": "2026-01-01T08:00:00Z", "x\\u001b": 1, "x\\u001b": 2}]}'
    lines = problems_of(text)
    assert any("the key 'x\\x1b' appears more than once" in line for line in lines), lines
    assert not any("\x1b" in line for line in lines)


def test_a_document_over_the_size_limit_is_refused_before_parsing():
    from ips_reflect.core.entries import MAX_EXCHANGE_BYTES

    (message,) = problems_of(b" " * (MAX_EXCHANGE_BYTES + 1))
    assert "too large" in message and "64 MiB" in message
