"""Full-text search: ranking, snippets, prefixes, accents, odd input, the bin."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ips_reflect.core.entries import Entry
from ips_reflect.store.search import build_match

FILLER = "we talked about travel routes shift patterns and the next steps for the week " * 3


def add(vault, **kw):
    return vault.entries.add(Entry(kind="journal", created="2026-03-01T10:00:00+00:00", **kw))


def test_ranking_prefers_title_then_density(vault):
    body_once = add(vault, title="Monday", body=FILLER + " interview " + FILLER)
    in_title = add(vault, title="Interview nerves", body="Short note.")
    in_tag = add(vault, title="Tuesday", body=FILLER, tags=["interview"])
    add(vault, title="Unrelated", body=FILLER)
    hits = vault.search("interview")
    assert [h.uid for h in hits] == [in_title.uid, in_tag.uid, body_once.uid]
    assert hits[0].score <= hits[1].score <= hits[2].score


def test_snippet_highlights_the_match(vault):
    add(vault, title="Notes", body=FILLER + " the disclosure went well today " + FILLER)
    (hit,) = vault.search("disclosure")
    assert "[disclosure]" in hit.snippet
    assert len(hit.snippet) < 200
    (hit,) = vault.search("disclosure", marks=("\ue000", "\ue001"))
    assert "\ue000disclosure\ue001" in hit.snippet


def test_every_field_is_searched(vault):
    e = add(
        vault,
        title="t",
        body="b",
        tags=["allotment"],
        answers={"q.a": "warehouse", "q.b": ["forklift"]},
        client_alias="Zebedee",
    )
    for word in ("allotment", "warehouse", "forklift", "zebedee"):
        assert [h.uid for h in vault.search(word)] == [e.uid], word


def test_prefix_accents_and_all_words(vault):
    a = add(vault, title="Café conversation", body="about the interview")
    b = add(vault, title="Interviewing", body="nothing else")
    assert {h.uid for h in vault.search("interv")} == {a.uid, b.uid}
    assert vault.search("interv ") == []  # trailing space: whole words only
    assert [h.uid for h in vault.search("cafe")] == [a.uid]
    assert [h.uid for h in vault.search("CAFÉ interview")] == [a.uid]
    assert vault.search("cafe nothing") == []


def test_bin_is_left_out_unless_asked(vault):
    e = add(vault, title="binned thought")
    vault.entries.delete(e.uid)
    assert vault.search("binned") == []
    assert [h.uid for h in vault.search("binned", include_bin=True)] == [e.uid]


def test_purged_and_edited_words_leave_the_index(vault):
    from dataclasses import replace

    e = add(vault, title="kept", body="xylophone")
    vault.entries.update(replace(e, body="marimba"))
    assert vault.search("xylophone") == []
    assert len(vault.search("marimba")) == 1
    vault.entries.delete_forever(e.uid)
    assert vault.search("marimba") == []
    assert vault.db.scalar("SELECT count(*) FROM entries_fts") == 0


def test_kind_filter_and_limit(vault):
    for i in range(5):
        add(vault, title=f"walk {i}")
    vault.entries.add(Entry(kind="before_check", title="walk check"))
    assert len(vault.search("walk", limit=3)) == 3
    assert [h.kind for h in vault.search("walk", kind="before_check")] == ["before_check"]


ODD = [
    '"',
    '""',
    "'",
    "AND(",
    "NEAR(a b",
    "a OR",
    "NOT",
    "*",
    "-x",
    "^a",
    "title:foo",
    "(",
    ")",
    "{a b}",
    "a + b",
    "\x00",
    "a\x00b",
    "😀",
    "שלום",
    "e\u0301",
    "",
    "   ",
    "x" * 5000,
    " ".join(["word"] * 200),
]


@pytest.mark.parametrize("query", ODD)
def test_odd_queries_never_error(vault, query):
    add(vault, title="word foo", body="a b x")
    vault.search(query)


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(query=st.text(max_size=40))
def test_any_text_is_a_valid_query(query):
    import sqlcipher3

    conn = sqlcipher3.connect(":memory:")
    conn.execute("CREATE VIRTUAL TABLE f USING fts5(a, tokenize='unicode61 remove_diacritics 2')")
    conn.execute("INSERT INTO f VALUES ('some text here')")
    match = build_match(query)
    if match is not None:
        conn.execute("SELECT * FROM f WHERE f MATCH ?", (match,)).fetchall()


def test_build_match():
    assert build_match("") is None
    assert build_match('" * ( )') is None
    assert build_match('say "hi"') == '"say" """hi"""*'
    assert build_match("one two ") == '"one" "two"'
