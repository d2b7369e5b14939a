"""The supervision pack and session summary PDFs, read back as text.

The key proof: entries that are not marked to bring to supervision (or are in the
bin) never reach either PDF, even when a caller hands them over by mistake.
Private entries carry marker words that appear nowhere else, and the extracted text
is searched for them.
"""

from __future__ import annotations

import io
import re
import tempfile
import unicodedata
from dataclasses import dataclass
from datetime import date

import pytest
from pypdf import PdfReader

from ips_reflect.core.check import LIGHT_ANSWER_KEY
from ips_reflect.core.entries import Entry
from ips_reflect.core.supervision import AgendaItem, resolve_agenda
from ips_reflect.export.supervision_pdf import session_summary_pdf, supervision_pack_pdf

PRIVATE_WORDS = ("zanzibar", "quokka", "marmoset", "Ottoline")


def pages(data: bytes) -> list[str]:
    assert data.startswith(b"%PDF-")
    reader = PdfReader(io.BytesIO(data))
    return [unicodedata.normalize("NFC", p.extract_text() or "") for p in reader.pages]


def text(data: bytes) -> str:
    # Undo line wrapping so phrases can be found whole.
    return " ".join(" ".join(pages(data)).split())


def made(created: str, *, marked: bool = True, binned: bool = False, **kw) -> Entry:
    return Entry(
        kind=kw.pop("kind", "journal"),
        created=f"{created}T09:30:00+00:00",
        bring_to_supervision=marked,
        deleted_at="2026-04-01T09:00:00+00:00" if binned else None,
        **kw,
    )


@pytest.fixture
def marked_check() -> Entry:
    return made(
        "2026-03-02",
        kind="before_check",
        title="Telling Dana about my return to work",
        client_alias="Dana",
        audience="client",
        tags=["Dana", "first meeting"],
        warning_signs=["focus_shift"],
        reasons=["normalising"],
        answers={LIGHT_ANSWER_KEY: "amber", "before.what.useful_for_job": "My own gap in work"},
        body="Amber.\n\n- You ticked a warning sign.\n- Dana asked me directly.\n\nGo gently.",
    )


@pytest.fixture
def marked_reflection() -> Entry:
    return made(
        "2026-03-05",
        kind="after_reflection",
        title="",
        body="Dana looked relieved; I kept it short and went back to the CV.",
        client_alias="Dana",
        answers={"after.impact_me": "I felt steady afterwards", "after.how_it_went": 4},
    )


@pytest.fixture
def private_entries() -> list[Entry]:
    return [
        made("2026-03-03", marked=False, title="About zanzibar", body="quokka notes"),
        made(
            "2026-03-04",
            binned=True,
            title="Binned marmoset",
            body="Still marked but in the bin",
            client_alias="Ottoline",
        ),
    ]


# --------------------------------------------------------------------------- the pack


def test_pack_holds_marked_entries_and_never_private_ones(
    content, marked_check, marked_reflection, private_entries
) -> None:
    data = supervision_pack_pdf(
        [marked_reflection, *private_entries, marked_check],
        content,
        generated=date(2026, 3, 10),
    )
    shown = text(data)
    for word in PRIVATE_WORDS:
        assert word.lower() not in shown.lower(), word
    assert "Supervision pack" in shown
    assert "2 entries, made on 10 March 2026." in shown
    assert "Telling Dana about my return to work" in shown
    assert "Dana looked relieved" in shown
    # Oldest first: the check of 2 March comes before the reflection of 5 March.
    assert shown.index("My own gap in work") < shown.index("Dana looked relieved")


def test_pack_shows_kind_date_audience_alias_answers_signs_and_light(
    content, marked_check, marked_reflection
) -> None:
    shown = text(supervision_pack_pdf([marked_check, marked_reflection], content))
    assert "Check before sharing" in shown and "Reflection after sharing" in shown
    assert "2 March 2026" in shown
    assert "Sharing with A client" in shown
    assert "Client alias Dana" in shown
    assert "Amber: go gently" in shown  # the light saved with the check
    assert "Dana asked me directly." in shown  # what led to it
    assert "WARNING SIGNS TICKED" in shown and content.item("focus_shift").label in shown
    assert content.item("normalising").label in shown
    # Answers under their question's wording from the content packs.
    assert content.item("before.what.useful_for_job").text in shown
    assert content.item("after.impact_me").text in shown
    assert "I felt steady afterwards" in shown
    assert "4 of 5" in shown
    assert LIGHT_ANSWER_KEY not in shown


def test_a_check_without_a_saved_light_shows_no_light(content, marked_check) -> None:
    marked_check.answers.pop(LIGHT_ANSWER_KEY)
    shown = text(supervision_pack_pdf([marked_check], content))
    assert "Amber: go gently" not in shown
    assert "Dana asked me directly." in shown  # the notes are shown as they are


def test_every_pack_page_has_the_private_footer_and_page_numbers(content) -> None:
    many = [
        made(f"2026-03-{d:02d}", title=f"Entry {d}", body=("A longer note. " * 60))
        for d in range(1, 9)
    ]
    found = pages(supervision_pack_pdf(many, content))
    assert len(found) >= 3
    for n, page in enumerate(found, start=1):
        flat = " ".join(page.split())
        assert "brought to supervision by choice" in flat
        assert f"Page {n} of {len(found)}" in flat


def test_group_pack_contains_no_client_alias_anywhere(
    content, marked_check, marked_reflection
) -> None:
    other = made("2026-03-06", body="Kofi asked whether Dana had found work.", client_alias="Kofi")
    data = supervision_pack_pdf(
        [marked_check, marked_reflection, other], content, group=True, extra_aliases=["Lee"]
    )
    shown = text(data)
    assert "dana" not in shown.lower()
    assert "kofi" not in shown.lower()
    assert "Client alias" not in shown
    assert "[client] asked whether [client] had found work." in shown
    assert "Telling [client] about my return to work" in shown
    assert "group reflective practice" in shown
    # The same pack for one-to-one supervision names the client.
    assert "Dana" in text(supervision_pack_pdf([marked_check], content))


def test_group_pack_removes_aliases_known_only_from_private_entries(content) -> None:
    marked = made("2026-03-06", body="Ottoline rang to say thanks.")
    shown = text(supervision_pack_pdf([marked], content, group=True, extra_aliases=["Ottoline"]))
    assert "Ottoline" not in shown and "[client] rang to say thanks." in shown


@pytest.mark.parametrize("given", ["nothing", "only private"])
def test_empty_pack_is_one_page_saying_how_to_mark_entries(content, private_entries, given) -> None:
    entries = [] if given == "nothing" else private_entries
    found = pages(supervision_pack_pdf(entries, content, since=date(2026, 3, 1)))
    assert len(found) == 1
    shown = " ".join(found[0].split())
    assert "Nothing is marked for supervision yet" in shown
    assert "Bring to supervision" in shown
    assert "1 March 2026" in shown
    for word in PRIVATE_WORDS:
        assert word.lower() not in shown.lower()


def test_pdfs_are_built_in_memory_without_temporary_files(
    content, marked_check, tmp_path, monkeypatch
) -> None:
    def refuse(*_a, **_k):
        raise AssertionError("a temporary file was created")

    monkeypatch.setattr(tempfile, "mkstemp", refuse)
    monkeypatch.setattr(tempfile, "NamedTemporaryFile", refuse)
    monkeypatch.chdir(tmp_path)
    data = supervision_pack_pdf([marked_check], content)
    summary = session_summary_pdf(Session("2026-03-12", "", ""), [], [], {}, content)
    assert isinstance(data, bytes) and isinstance(summary, bytes)
    assert list(tmp_path.iterdir()) == []


# --------------------------------------------------------------------------- the summary


@dataclass
class Session:
    held_on: str
    supervisor: str
    notes: str


@dataclass
class Action:
    text: str
    due_on: str | None
    done_on: str | None


def test_summary_has_every_section(content) -> None:
    agenda = [
        AgendaItem(
            "topic",
            "sup.topic.peer",
            "Peer support",
            detail="Full wording.",
            discussed=True,
            note="Join the peer group",
        ),
        AgendaItem(
            "flag",
            "7",
            "Giving contact details",
            detail="Why it matters",
            extra={"evidence": "gave him my mobile"},
        ),
    ]
    actions = [
        Action("Write a three-sentence version of my story", "2026-03-20", None),
        Action("Read the boundary policy", "2026-03-01", None),
        Action("Draft my biography", "2026-03-10", "2026-03-09"),
    ]
    data = session_summary_pdf(
        Session("2026-03-12", "Priya Shah", "We talked about first meetings.\n\nNext: bio."),
        agenda,
        actions,
        {"confidence": 4, "comfort": 2},
        content,
        history=[("2026-02-10", "confidence", 2), ("2026-03-12", "confidence", 4)],
        generated=date(2026, 3, 12),
    )
    shown = text(data)
    assert "Supervision session summary" in shown
    assert "Session date 12 March 2026" in shown and "Supervisor Priya Shah" in shown
    assert "Peer support" in shown and "Join the peer group" in shown
    assert "Giving contact details" in shown and "gave him my mobile" in shown
    assert "Not yet" in shown
    assert "We talked about first meetings." in shown and "Next: bio." in shown
    assert "Write a three-sentence version of my story 20 March 2026 Open" in shown
    assert "Read the boundary policy 1 March 2026 Overdue" in shown
    assert "Draft my biography 10 March 2026 Done on 9 March 2026" in shown
    assert "Confidence ●●●●○ 4 of 5" in shown
    assert "Comfort ●●○○○ 2 of 5" in shown
    assert "Preparedness not rated" in shown
    assert "Confidence: 4 of 5 on 12 Mar 2026, up from 2 on 10 Feb 2026 (2 ratings)." in shown
    assert "each keep a copy" in shown
    assert all("supervision session summary" in p for p in pages(data))


def test_summary_prints_entry_items_only_for_consented_entries(
    content, marked_check, private_entries
) -> None:
    private, binned = private_entries
    agenda = [
        AgendaItem("entry", marked_check.uid, "Telling Dana about my return to work"),
        AgendaItem("entry", private.uid, "About zanzibar"),
        AgendaItem("entry", binned.uid, "Binned marmoset"),
    ]
    session = Session("2026-03-12", "Priya", "")
    everyone = [marked_check, *private_entries]
    shown = text(session_summary_pdf(session, agenda, [], {}, content, entries=everyone))
    assert "Telling Dana about my return to work" in shown
    assert "zanzibar" not in shown and "marmoset" not in shown
    # No entries given: no entry item is printed at all.
    shown = text(session_summary_pdf(session, agenda, [], {}, content))
    assert "Telling Dana" not in shown and "zanzibar" not in shown
    assert "Nothing was put on the agenda" in shown


def test_summary_hides_the_words_of_a_flag_on_a_private_entry(content, private_entries) -> None:
    @dataclass
    class Flag:
        id: int
        entry_uid: str | None
        sign: str
        source: str = "text"
        evidence: str = ""
        explanation: str = "A reason to pause."
        status: str = "open"
        note: str = ""

    private = private_entries[0]
    stored = [AgendaItem("flag", "1", "").to_json()]
    agenda = resolve_agenda(
        stored,
        entries=private_entries,
        flags=[Flag(1, private.uid, "secrets", evidence="quokka secret")],
        topic_text=lambda _t: None,
        sign_names={"secrets": "Keeping secrets"},
    )
    shown = text(
        session_summary_pdf(Session("2026-03-12", "", ""), agenda, [], {}, content, entries=[])
    )
    assert "Keeping secrets" in shown and "A reason to pause." in shown
    assert "quokka" not in shown


def test_summary_of_an_empty_session_still_reads_well(content) -> None:
    shown = text(session_summary_pdf(Session("2026-03-12", "  ", ""), [], [], {}, content))
    assert "Supervisor (not recorded)" in shown
    assert "Nothing was put on the agenda for this session." in shown
    assert "No notes were written for this session." in shown
    assert "No actions were agreed in this session." in shown
    assert "No self-ratings were recorded in this session." in shown
    assert "Over time" not in shown


def test_summary_with_many_actions_runs_over_pages_with_numbered_footers(content) -> None:
    actions = [Action(f"Action number {n} " + "with words " * 12, None, None) for n in range(40)]
    found = pages(session_summary_pdf(Session("2026-03-12", "Priya", ""), [], actions, {}, content))
    assert len(found) >= 2
    for n, page in enumerate(found, start=1):
        assert re.search(rf"Page {n} of {len(found)}", page)
    assert "Action number 39" in " ".join(" ".join(found).split())
