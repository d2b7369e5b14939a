"""Supervision without Qt: the consent gate, agendas, alias removal, SLEF series, actions."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date

import pytest

from ips_reflect.core.entries import Entry
from ips_reflect.core.supervision import (
    ALIAS_PLACEHOLDER,
    SLEF_AREAS,
    AgendaItem,
    action_state,
    agenda_flag_ids,
    anonymised,
    build_agenda,
    consented,
    entry_heading,
    rating_series,
    rating_summary,
    redact_aliases,
    resolve_agenda,
)


@dataclass
class Flag:
    id: int
    entry_uid: str | None
    sign: str
    source: str = "text"
    evidence: str = ""
    explanation: str = ""
    status: str = "open"
    note: str = ""
    fingerprint: str = ""


def entry(created: str, *, marked: bool = True, binned: bool = False, **kw) -> Entry:
    return Entry(
        kind=kw.pop("kind", "journal"),
        created=f"{created}T10:00:00+00:00",
        bring_to_supervision=marked,
        deleted_at="2026-05-01T10:00:00+00:00" if binned else None,
        **kw,
    )


@pytest.fixture
def three() -> tuple[Entry, Entry, Entry]:
    marked = entry("2026-03-05", title="Marked one", body="talk about this")
    private = entry("2026-03-02", marked=False, title="Private one", body="zanzibar")
    binned = entry("2026-03-01", binned=True, title="Binned one", body="quokka")
    return marked, private, binned


# --------------------------------------------------------------------------- consent


def test_consented_keeps_only_marked_live_entries(three) -> None:
    marked, private, binned = three
    assert consented([private, marked, binned]) == [marked]
    assert consented([]) == []


def test_consent_must_be_an_explicit_true() -> None:
    sloppy = entry("2026-03-05")
    sloppy.bring_to_supervision = 1  # type: ignore[assignment]
    assert consented([sloppy]) == []


def test_entry_heading_prefers_the_title_then_kind_and_date() -> None:
    assert entry_heading(entry("2026-03-05", title="  A talk  ")) == "A talk"
    untitled = entry("2026-03-05", kind="before_check")
    assert entry_heading(untitled) == "Before check of 2026-03-05"
    names = {"before_check": "check before sharing"}
    assert entry_heading(untitled, names) == "Check before sharing of 2026-03-05"


# --------------------------------------------------------------------------- agenda


def test_agenda_items_round_trip_and_bad_items_are_skipped() -> None:
    item = AgendaItem("entry", "uid-1", "Title", discussed=True, note="a note")
    assert AgendaItem.from_json(item.to_json()) == item
    for bad in (None, "text", {"kind": "video", "ref": "x"}, {"kind": "topic", "ref": ""}):
        assert AgendaItem.from_json(bad) is None
    odd = AgendaItem.from_json({"kind": "topic", "ref": "t", "title": 3, "discussed": "yes"})
    assert odd == AgendaItem("topic", "t", "", discussed=False)


def test_build_agenda_topics_then_consented_entries_oldest_first_then_flags(three) -> None:
    marked, private, binned = three
    older = entry("2026-02-01", title="Older marked")
    flags = [
        Flag(1, None, "secrets"),
        Flag(1, None, "secrets"),  # the same flag twice: one item
        Flag(2, marked.uid, "contact_details", status="resolved"),
        Flag(3, private.uid, "time_outside_work", status="discussed"),
    ]
    agenda = build_agenda(
        topics=[("sup.topic.peer", "Peer support")],
        entries=[marked, private, binned, older],
        flags=flags,
        sign_names={"secrets": "Keeping secrets"},
    )
    assert [(i.kind, i.ref, i.title) for i in agenda] == [
        ("topic", "sup.topic.peer", "Peer support"),
        ("entry", older.uid, "Older marked"),
        ("entry", marked.uid, "Marked one"),
        ("flag", "1", "Keeping secrets"),
        ("flag", "3", "time outside work"),
    ]
    assert all(i.extra == {} for i in agenda)  # no evidence is stored in an agenda


def test_resolve_agenda_drops_entries_that_are_no_longer_consented(three) -> None:
    marked, private, binned = three
    stored = [
        AgendaItem("entry", marked.uid, "old title", discussed=True, note="kept").to_json(),
        AgendaItem("entry", private.uid, "Private one").to_json(),
        AgendaItem("entry", binned.uid, "Binned one").to_json(),
        AgendaItem("entry", "gone-for-good", "Deleted").to_json(),
        {"kind": "nonsense"},
    ]
    shown = resolve_agenda(
        stored, entries=[marked, private, binned], flags=[], topic_text=lambda _t: None
    )
    assert [(i.ref, i.title, i.discussed, i.note) for i in shown] == [
        (marked.uid, "Marked one", True, "kept")
    ]
    # Unmarking the entry takes it off the agenda at once.
    marked.bring_to_supervision = False
    assert resolve_agenda(stored, entries=[marked], flags=[], topic_text=lambda _t: None) == []


def test_resolve_agenda_shows_flag_evidence_only_for_consented_entries(three) -> None:
    marked, private, _binned = three
    flags = [
        Flag(1, marked.uid, "secrets", evidence="keep this between us", explanation="why 1"),
        Flag(2, private.uid, "contact_details", evidence="my personal mobile", explanation="why"),
        Flag(3, None, "time_outside_work", source="pattern", evidence="4 late entries"),
    ]
    stored = [AgendaItem("flag", str(n), "").to_json() for n in (1, 2, 3, 99)]
    shown = resolve_agenda(
        stored,
        entries=[marked, private],
        flags=flags,
        topic_text=lambda _t: None,
        sign_names={"contact_details": "Giving contact details"},
    )
    assert [i.ref for i in shown] == ["1", "2", "3"]  # flag 99 is gone
    by_ref = {i.ref: i for i in shown}
    assert by_ref["1"].extra["evidence"] == "keep this between us"
    assert by_ref["1"].detail == "why 1"
    assert by_ref["2"].extra["evidence"] == ""
    assert by_ref["2"].title == "Giving contact details"
    assert by_ref["2"].detail == "why"  # the sign's explanation is not private
    # A pattern across entries may name a client from private entries: no evidence
    # unless every entry behind it is consented.
    assert by_ref["3"].extra["evidence"] == ""
    assert "my personal mobile" not in repr(shown)
    flags[2] = replace(flags[2], fingerprint="fp3")
    mixed = {"fp3": [marked.uid, private.uid]}
    only_marked = {"fp3": [marked.uid]}
    for related, expected in ((mixed, ""), (only_marked, "4 late entries")):
        (item,) = resolve_agenda(
            stored[2:3],
            entries=[marked, private],
            flags=flags,
            topic_text=lambda _t: None,
            related=related,
        )
        assert item.extra["evidence"] == expected


def test_resolve_agenda_fills_topic_text_and_keeps_unknown_topics() -> None:
    stored = [
        AgendaItem("topic", "sup.topic.peer", "Peer", note="n").to_json(),
        AgendaItem("topic", "org.removed", "An old topic").to_json(),
    ]
    texts = {"sup.topic.peer": "Full wording of the topic."}
    shown = resolve_agenda(stored, entries=[], flags=[], topic_text=texts.get)
    assert [(i.title, i.detail, i.note) for i in shown] == [
        ("Peer", "Full wording of the topic.", "n"),
        ("An old topic", "", ""),
    ]


# --------------------------------------------------------------------------- aliases


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Sam said hello", "[client] said hello"),
        ("I told sam and SAM.", "I told [client] and [client]."),
        ("Samantha is someone else", "Samantha is someone else"),
        ("Sam's CV", "[client]'s CV"),
        ("Jo Ann came, then Jo", "[client] came, then [client]"),
        ("A.B. rang", "[client] rang"),
        ("", ""),
    ],
)
def test_redact_aliases_whole_words_any_case(text: str, expected: str) -> None:
    assert redact_aliases(text, ["Sam", "Jo", "Jo Ann", "A.B.", " ", ""]) == expected


def test_redact_aliases_with_no_aliases_changes_nothing() -> None:
    assert redact_aliases("Sam said hello", []) == "Sam said hello"
    assert redact_aliases("Sam said hello", ["  "]) == "Sam said hello"


def test_anonymised_removes_every_alias_from_every_field() -> None:
    first = entry(
        "2026-03-02",
        title="Sharing with Dana",
        body="dana asked about my time off. Priya was there too.",
        client_alias="Dana",
        tags=["dana", "return to work"],
        answers={"q.text": "Told DANA briefly", "q.list": ["Dana", "other"], "q.scale": 4},
    )
    second = entry("2026-03-03", body="Later Dana rang Priya.", client_alias="Priya")
    private = entry("2026-03-04", marked=False, client_alias="Hidden", body="Hidden")
    out = anonymised([first, second, private])
    assert len(out) == 2  # the private entry is dropped, not just cleaned
    a, b = out
    assert a.client_alias is None and b.client_alias is None
    assert a.title == "Sharing with [client]"
    assert a.body == "[client] asked about my time off. [client] was there too."
    assert a.tags == ["[client]", "return to work"]
    assert a.answers == {"q.text": "Told [client] briefly", "q.list": ["[client]", "other"]} | {
        "q.scale": 4
    }
    assert b.body == "Later [client] rang [client]."
    # The originals are untouched.
    assert first.client_alias == "Dana" and "Dana" in first.title


def test_anonymised_also_removes_extra_aliases_and_uses_the_placeholder() -> None:
    marked = entry("2026-03-02", body="Met Kofi, who knows Lee.")
    out = anonymised([marked], "(someone)", extra_aliases=["Kofi", ""])
    assert out[0].body == "Met (someone), who knows Lee."
    assert ALIAS_PLACEHOLDER == "[client]"


# --------------------------------------------------------------------------- ratings and actions


def test_rating_series_orders_by_date_and_ignores_unknown_areas() -> None:
    history = [
        ("2026-03-12", "confidence", 4),
        ("2026-02-10", "confidence", 2),
        ("2026-02-10", "wellbeing", 5),
        ("2026-03-12", "comfort", 3),
    ]
    series = rating_series(history)
    assert list(series) == list(SLEF_AREAS)
    assert series["confidence"] == [("2026-02-10", 2), ("2026-03-12", 4)]
    assert series["comfort"] == [("2026-03-12", 3)]
    assert series["preparedness"] == []
    assert "wellbeing" not in series


def test_rating_summary_one_sentence_per_rated_area_in_area_order() -> None:
    series = rating_series(
        [
            ("2026-01-01", "relevance", 3),
            ("2026-02-01", "relevance", 3),
            ("2026-01-01", "confidence", 4),
            ("2026-02-01", "confidence", 2),
            ("2026-01-01", "preparedness", 1),
            ("2026-02-01", "preparedness", 2),
            ("2026-03-01", "preparedness", 5),
            ("2026-03-01", "comfort", 3),
        ]
    )
    assert rating_summary(series) == [
        "Preparedness: 5 of 5 on 1 Mar 2026, up from 1 on 1 Jan 2026 (3 ratings).",
        "Confidence: 2 of 5 on 1 Feb 2026, down from 4 on 1 Jan 2026 (2 ratings).",
        "Comfort: 3 of 5 on 1 Mar 2026.",
        "Relevance: 3 of 5 on 1 Feb 2026, level from 3 on 1 Jan 2026 (2 ratings).",
    ]
    assert rating_summary(rating_series([])) == []


@pytest.mark.parametrize(
    ("due", "done", "state"),
    [
        (None, None, "open"),
        ("2026-03-20", None, "open"),
        ("2026-03-12", None, "due"),
        ("2026-03-11", None, "overdue"),
        ("2026-03-01", "2026-03-15", "done"),
        (None, "2026-03-15", "done"),
    ],
)
def test_action_state(due: str | None, done: str | None, state: str) -> None:
    assert action_state(due, done, today=date(2026, 3, 12)) == state


def test_action_state_defaults_to_today() -> None:
    today = date.today().isoformat()
    assert action_state(today, None) == "due"
    assert action_state("2000-01-01", None) == "overdue"


def test_agenda_flag_ids_reads_only_well_formed_flag_items() -> None:
    stored = [
        AgendaItem("flag", "12", "A").to_json(),
        AgendaItem("topic", "sup.topic.peer", "Peer").to_json(),
        {"kind": "flag", "ref": "not-a-number"},
        {"kind": "flag"},
        "rubbish",
        AgendaItem("flag", "3", "B"),
    ]
    assert agenda_flag_ids(stored) == [12, 3]


def test_resolve_agenda_refreshes_topic_names_from_the_packs() -> None:
    stored = [
        AgendaItem("topic", "sup.topic.peer", "Old name").to_json(),
        AgendaItem("topic", "org.gone", "Kept as stored").to_json(),
    ]
    labels = {"sup.topic.peer": "Peer supervision"}
    shown = resolve_agenda(
        stored,
        entries=[],
        flags=[],
        topic_text=lambda _t: None,
        topic_label=labels.get,
    )
    assert [i.title for i in shown] == ["Peer supervision", "Kept as stored"]
