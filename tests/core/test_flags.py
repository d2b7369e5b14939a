"""The warning-sign engine: text patterns (negation, exclusions, evidence), ticks,
the sharing plan, patterns across entries, fingerprints and syncing with the vault."""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import datetime, timedelta
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ips_reflect.core.content import SignPattern, phrase_regex
from ips_reflect.core.entries import Entry
from ips_reflect.core.flags import (
    PLAN_EXPERIENCE_QUESTION,
    PLAN_SIGN,
    FlagEngine,
    PatternRules,
    entry_text,
    fingerprint,
    negated,
    phrase_anchor_groups,
    regex_anchor_groups,
)
from ips_reflect.ops import flag_state
from ips_reflect.ops.flags import scan_vault, sync_vault_flags
from ips_reflect.store.keys import PATTERN_ENTRIES as PATTERN_ENTRIES_KEY
from ips_reflect.store.keys import SCAN_STATE as SCAN_STATE_KEY


@pytest.fixture(scope="module")
def engine(content) -> FlagEngine:
    return FlagEngine(content)


@pytest.fixture(scope="module")
def rules(content) -> FlagEngine:
    """The rules and patterns alone (the sign model off): for how they match."""
    return FlagEngine(content, use_model=False)


def signs(engine: FlagEngine, text: str) -> set[str]:
    return {f.sign for f in engine.scan_text(text)}


# --------------------------------------------------------------------------- text


def test_the_issue_examples(engine: FlagEngine) -> None:
    assert signs(engine, "I gave him my personal mobile.") == {"contact_details"}
    assert signs(engine, "She gave the employer her phone number.") == set()


@pytest.mark.parametrize(
    "text",
    [
        "I did not give him my personal mobile.",
        "I never gave her my number.",
        "I didn't add her on Facebook.",
        "I won't be meeting him for a drink at the weekend.",
        "I refused to give her my home address.",
        "We no longer text each other.",
        "If she asks to meet for coffee at the weekend I will say no.",
        "I avoided telling her where I live.",
    ],
)
def test_negation_in_the_same_clause_cancels_a_match(engine: FlagEngine, text: str) -> None:
    assert signs(engine, text) == set(), text


@pytest.mark.parametrize(
    ("text", "sign"),
    [
        ("I can't stop thinking about him.", "thinking_outside_work"),
        ("I know I shouldn't have, but I gave her my personal number.", "contact_details"),
        ("I shouldn't have given him my personal number.", "contact_details"),
        ("I wasn't going to, but we met up for coffee at the weekend.", "time_outside_work"),
        ("Not wanting to upset her, I gave her my number.", "contact_details"),
    ],
)
def test_negation_in_another_clause_does_not(engine: FlagEngine, text: str, sign: str) -> None:
    assert sign in signs(engine, text), text


def test_negated_looks_back_a_few_words_only() -> None:
    text = "I did not plan it at all this week and then I gave him my number"
    assert not negated(text, text.index("gave"))
    assert negated("I did not give him my number", len("I did not "))


@pytest.mark.parametrize(
    "text",
    [
        "I gave the employer my personal mobile so they could reach me about the trial.",
        "I gave her my work mobile number.",
        "I gave him a leaflet with my number on it.",
    ],
)
def test_exclusions_cancel_a_match_in_the_same_sentence(rules: FlagEngine, text: str) -> None:
    engine = rules
    assert "contact_details" not in signs(engine, text)


def test_exclusion_only_looks_at_the_sentence_of_the_match(engine: FlagEngine) -> None:
    text = "The employer rang. Later I gave him my personal number."
    assert "contact_details" in signs(engine, text)


def test_evidence_is_the_words_that_triggered_it(engine: FlagEngine) -> None:
    text = "Busy day. Anyway, I gave him my personal mobile before he left."
    (flag,) = engine.scan_text(text)
    assert flag.source == "text"
    assert flag.evidence == "gave him my personal mobile"
    ((start, end),) = flag.spans
    assert text[start:end] == "gave him my personal mobile"
    help_text = engine.signs["contact_details"].help
    assert flag.explanation.endswith(help_text)
    assert len(flag.explanation) > len(help_text)  # the pattern's own why comes first
    assert flag.entry_uid is None
    assert flag.fingerprint == fingerprint(None, "contact_details", "text", flag.evidence)


def test_overlapping_matches_of_one_sign_are_one_stretch(engine: FlagEngine) -> None:
    (flag,) = engine.scan_text("She seemed envious of my new job.")
    assert flag.sign == "envy"
    # The envy concept rule (good fortune + envy) overlaps the pattern: one stretch.
    assert flag.evidence == "She seemed envious of my new job"
    assert len(flag.spans) == 1


def test_case_spacing_and_curly_apostrophes(engine: FlagEngine) -> None:
    assert "exclusive_contact" in signs(engine, "SHE’LL ONLY TALK TO ME")
    assert "contact_details" in signs(engine, "I   gave him\tmy personal   mobile")


def test_a_pattern_match_stays_within_one_sentence_or_line(rules: FlagEngine) -> None:
    assert "contact_details" in signs(rules, "I gave him my personal mobile")
    assert "contact_details" not in signs(rules, "I gave him\nmy personal mobile")


def test_every_sign_has_patterns(content, engine: FlagEngine) -> None:
    for item in content.warning_signs:
        assert len(item.patterns) >= 3, item.id
        assert all(p.why for p in item.patterns), item.id
    assert engine.pattern_count == sum(len(i.patterns) for i in content.warning_signs)


def test_almost_every_pattern_has_anchors(engine: FlagEngine) -> None:
    """Patterns without anchors are searched in every text, which is slow."""
    assert len(engine._always) <= 2, [p.pattern.label for p in engine._always]


# --------------------------------------------------------------------------- the fast path


def test_phrase_anchor_groups() -> None:
    groups = phrase_anchor_groups("gave|given ... my (personal) mobile|e-mail")
    assert frozenset({"mobile", "email", "e mail"}) in groups
    assert frozenset({"gave", "given"}) in groups
    assert all("personal" not in g for g in groups)  # optional words are not needed


def test_regex_anchor_groups() -> None:
    groups = regex_anchor_groups(r"\b(?:nobody|no one|no-one) else (?:gets|knows) (?:him|her)\b")
    assert frozenset({"nobody", "no one"}) in groups
    assert regex_anchor_groups(r"\bour (?:little )?secret\b") == [frozenset({"secret"})]
    assert regex_anchor_groups(r"(?:x|y)+") == []  # nothing certain: run everywhere


_VOCABULARY = (
    "I gave him my personal mobile number and she will only talk to me about the job but "
    "nobody else on the team gets her we met up for coffee at the weekend did not never "
    "keep it between us thinking about her at home it was nice to be needed envious of my "
    "life felt jealous skipped the lone-working check-in added her on Facebook, . ! ? \n"
)
WORDS = _VOCABULARY.split(" ")


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.sampled_from(WORDS), min_size=1, max_size=60), st.booleans())
def test_the_prefilter_never_loses_a_match(rules: FlagEngine, words: list[str], upper) -> None:
    engine = rules
    text = " ".join(words)
    if upper:
        text = text.upper()
    every = [(p, []) for p in [*engine._patterns, *engine._rules]]
    assert engine.hits(text) == engine._run(text, every)


def test_dataset_notes_match_the_same_with_and_without_the_prefilter(
    rules: FlagEngine,
) -> None:
    import yaml

    engine = rules
    notes = Path(__file__).resolve().parent.parent / "data" / "flag_notes.yaml"
    texts = [n["text"] for n in yaml.safe_load(notes.read_text(encoding="utf-8"))["notes"]]
    every = [(p, []) for p in [*engine._patterns, *engine._rules]]
    for text, hits in zip(texts, engine.hits_many(texts), strict=True):
        assert hits == engine._run(text, every), text


# --------------------------------------------------------------------------- ticks and plan


def test_ticked_signs(engine: FlagEngine) -> None:
    flags = engine.ticked_flags(["secrets", "secrets", "not_a_sign"], "u1")
    assert [(f.sign, f.source, f.entry_uid) for f in flags] == [("secrets", "ticked", "u1")]
    assert "Keeping secrets" in flags[0].evidence
    assert flags[0].fingerprint == fingerprint("u1", "secrets", "ticked")


PLAN = {
    "experiences": [
        {
            "id": "e-1",
            "label": "my redundancy",
            "kind": "exp.work_struggles",
            "levels": {"client": "briefly", "employer": "never", "ips_team": "freely"},
        },
        {
            "id": "e-2",
            "label": "my time in hospital",
            "levels": {"client": "not_now"},
        },
    ],
    "will_not_share": ["my divorce", "where my kids go to school"],
}


def check(audience: str, experience: str | None, body: str = "", **kw) -> Entry:
    answers = {PLAN_EXPERIENCE_QUESTION: experience} if experience else {}
    return Entry(kind="before_check", audience=audience, body=body, answers=answers, **kw)


@pytest.mark.parametrize(
    ("audience", "experience", "flagged"),
    [
        ("employer", "e-1", True),  # never
        ("client", "e-2", True),  # not now
        ("client", "e-1", False),  # briefly
        ("ips_team", "e-1", False),  # freely
        ("clinical_team", "e-1", False),  # not decided
        ("client", "e-unknown", False),
        ("client", None, False),
    ],
)
def test_plan_level_deviation(engine: FlagEngine, audience, experience, flagged) -> None:
    entry = check(audience, experience)
    found = [f for f in engine.flags_for_entry(entry, PLAN) if f.source == "plan"]
    assert bool(found) == flagged
    if flagged:
        (flag,) = found
        assert flag.sign == PLAN_SIGN
        assert flag.entry_uid == entry.uid
        assert "my redundancy" in flag.evidence or "my time in hospital" in flag.evidence


def test_plan_will_not_share_phrase(engine: FlagEngine) -> None:
    entry = check("client", None, body="I might mention My  Divorce if it comes up.")
    (flag,) = [f for f in engine.flags_for_entry(entry, PLAN) if f.source == "plan"]
    assert "my divorce" in flag.evidence
    negated_entry = check("client", None, body="I did not mention my divorce.")
    assert not [f for f in engine.flags_for_entry(negated_entry, PLAN) if f.source == "plan"]


def test_plan_flags_only_for_checks_and_reflections(engine: FlagEngine) -> None:
    journal = Entry(kind="journal", body="Thinking about my divorce tonight.")
    assert not [f for f in engine.flags_for_entry(journal, PLAN) if f.source == "plan"]
    assert engine.plan_flags("my divorce", "client", None, None) == []
    assert engine.plan_flags("x", "client", "e-1", "not a plan") == []


def test_live_flags_combine_every_source(engine: FlagEngine) -> None:
    flags = engine.live_flags(
        "I gave him my personal mobile and mentioned my divorce.",
        ticked_signs=["secrets"],
        audience="employer",
        plan_experience_id="e-1",
        plan=PLAN,
    )
    kinds = [(f.sign, f.source) for f in flags]
    assert ("secrets", "ticked") in kinds
    assert ("contact_details", "text") in kinds
    assert kinds.count((PLAN_SIGN, "plan")) == 2


def test_entry_text_skips_ids_and_joins_fields() -> None:
    entry = Entry(
        kind="before_check",
        title="Title",
        body="Body",
        answers={PLAN_EXPERIENCE_QUESTION: "e-1", "q.a": "Answer", "q.b": ["one", "two"], "q.c": 3},
    )
    assert entry_text(entry) == "Title\n\nBody\n\nAnswer\n\none\n\ntwo"


# --------------------------------------------------------------------------- across entries

BASE = datetime(2026, 3, 2, 10, 0)  # a Monday


def at(days: float, hour: int = 10, offset: str = "+00:00") -> str:
    moment = BASE + timedelta(days=days)
    return moment.replace(hour=hour).strftime("%Y-%m-%dT%H:%M:%S") + offset


def share(alias: str, created: str, kind: str = "before_check", **kw) -> Entry:
    return Entry(kind=kind, client_alias=alias, created=created, audience="client", **kw)


def by_rule(flags, sign: str):
    return [f for f in flags if f.source == "pattern" and f.sign == sign]


def test_repeated_shares_with_one_client(engine: FlagEngine) -> None:
    entries = [share("A.B.", at(0)), share("a.b.", at(5)), share("A.B. ", at(12))]
    (flag,) = by_rule(engine.pattern_flags(entries), "focus_shift")
    assert flag.entry_uid is None
    assert flag.related == tuple(e.uid for e in entries)
    assert flag.evidence.startswith("A.B.: 3 shares in 13 days")
    assert "2 Mar 2026" in flag.evidence and "14 Mar 2026" in flag.evidence
    spread = [share("A.B.", at(0)), share("A.B.", at(10)), share("A.B.", at(20))]
    assert by_rule(engine.pattern_flags(spread), "focus_shift") == []


def test_a_reflection_after_its_check_is_one_share(engine: FlagEngine) -> None:
    first = share("C.D.", at(0))
    follow = share("C.D.", at(0, 15), kind="after_reflection", linked_uid=first.uid)
    other = share("C.D.", at(3))
    assert by_rule(engine.pattern_flags([first, follow, other]), "focus_shift") == []
    lone = share("C.D.", at(4), kind="after_reflection")
    assert by_rule(engine.pattern_flags([first, follow, other, lone]), "focus_shift")


def test_journal_entries_are_not_shares(engine: FlagEngine) -> None:
    entries = [share("E.F.", at(d), kind="journal") for d in (0, 1, 2, 3)]
    assert by_rule(engine.pattern_flags(entries), "focus_shift") == []


def test_out_of_hours_notes_use_the_clock_where_they_were_written(engine: FlagEngine) -> None:
    saturday = share("G.H.", at(5), kind="journal")  # Sat 7 Mar, 10:00
    late = share("G.H.", at(8, 23, "+01:00"), kind="journal")  # Tue 23:00 local
    (flag,) = by_rule(engine.pattern_flags([saturday, late]), "thinking_outside_work")
    assert "Sat 7 Mar 2026 10:00" in flag.evidence and "Tue 10 Mar 2026 23:00" in flag.evidence
    # 07:30 in Tokyo is 22:30 UTC the evening before: the local clock says morning.
    morning = share("G.H.", at(8, 7, "+09:00"), kind="journal")
    evening = share("G.H.", at(9, 21, "-05:00"), kind="journal")  # 02:00 UTC, 21:00 local
    assert (
        by_rule(engine.pattern_flags([saturday, morning, evening]), "thinking_outside_work") == []
    )
    early = share("G.H.", at(9, 5, "-05:00"), kind="journal")  # 05:00 local
    assert by_rule(engine.pattern_flags([saturday, early]), "thinking_outside_work")


def test_out_of_hours_needs_two_about_the_same_client(engine: FlagEngine) -> None:
    entries = [share("J.K.", at(5)), share("L.M.", at(6))]  # Saturday, Sunday
    assert by_rule(engine.pattern_flags(entries), "thinking_outside_work") == []
    far = [share("J.K.", at(5)), share("J.K.", at(40))]  # both weekends, 35 days apart
    assert by_rule(engine.pattern_flags(far), "thinking_outside_work") == []


def test_a_weekend_check_and_its_reflection_are_one_share_out_of_hours(
    engine: FlagEngine,
) -> None:
    check = share("W.X.", at(5))  # Saturday 10:00
    reflection = share("W.X.", at(5, 15), kind="after_reflection", linked_uid=check.uid)
    pair = [check, reflection]
    assert by_rule(engine.pattern_flags(pair), "thinking_outside_work") == []
    assert by_rule(engine.pattern_flags(pair[::-1]), "thinking_outside_work") == []
    # The check on a weekday, its reflection late that night: still one share.
    friday = share("W.X.", at(4))
    late = share("W.X.", at(4, 23), kind="after_reflection", linked_uid=friday.uid)
    assert by_rule(engine.pattern_flags([friday, late]), "thinking_outside_work") == []


def test_two_separate_weekend_shares_are_still_flagged(engine: FlagEngine) -> None:
    saturday = share("W.X.", at(5))
    sunday = share("W.X.", at(6))  # a second check, not linked
    (flag,) = by_rule(engine.pattern_flags([saturday, sunday]), "thinking_outside_work")
    assert flag.evidence.startswith("W.X.: 2 entries")
    assert flag.related == (saturday.uid, sunday.uid)
    # A reflection that is not linked to the check is a share of its own.
    lone = share("W.X.", at(5, 15), kind="after_reflection")
    assert by_rule(engine.pattern_flags([saturday, lone]), "thinking_outside_work")
    # Two checks, each with its reflection: two shares (counted once each), flagged.
    r1 = share("W.X.", at(5, 12), kind="after_reflection", linked_uid=saturday.uid)
    r2 = share("W.X.", at(6, 12), kind="after_reflection", linked_uid=sunday.uid)
    (flag,) = by_rule(engine.pattern_flags([saturday, r1, sunday, r2]), "thinking_outside_work")
    assert flag.evidence.startswith("W.X.: 2 entries")
    # A check written on Friday and reflected on late that night counts at the late
    # moment, and with a weekend share makes two.
    friday = share("W.X.", at(4))
    late = share("W.X.", at(4, 23), kind="after_reflection", linked_uid=friday.uid)
    (flag,) = by_rule(engine.pattern_flags([friday, late, saturday]), "thinking_outside_work")
    assert "Fri 6 Mar 2026 23:00" in flag.evidence and flag.related[0] == friday.uid


def test_repeat_and_dominant_patterns_count_a_pair_once(engine: FlagEngine) -> None:
    days = (0, 3, 6)
    checks = [share("Y.Z.", at(d)) for d in days]
    pairs = [
        e
        for c in checks[:2]
        for e in (c, share("Y.Z.", at(0.5), kind="after_reflection", linked_uid=c.uid))
    ]
    assert by_rule(engine.pattern_flags(pairs), "focus_shift") == []
    assert by_rule(engine.pattern_flags([*pairs, checks[2]]), "focus_shift")


def test_one_client_getting_most_of_the_sharing(engine: FlagEngine) -> None:
    entries = [
        share("N.P.", at(0)),
        share("Q.R.", at(4)),
        share("N.P.", at(9)),
        share("S.T.", at(15)),
        share("N.P.", at(22)),
    ]
    (flag,) = by_rule(engine.pattern_flags(entries), "exclusive_sharing")
    assert flag.evidence.startswith("N.P.: 3 of your 5 shares in the 30 days to 24 Mar 2026")
    assert flag.related == (entries[0].uid, entries[2].uid, entries[4].uid)
    fewer = entries[:4]  # 2 of 4: too few shares to say
    assert by_rule(engine.pattern_flags(fewer), "exclusive_sharing") == []
    spread = [*entries[:4], share("U.V.", at(22))]  # 2 of 5
    assert by_rule(engine.pattern_flags(spread), "exclusive_sharing") == []


def test_rules_can_be_changed(content) -> None:
    strict = FlagEngine(content, PatternRules(repeat_count=2, repeat_days=3))
    entries = [share("A.B.", at(0)), share("A.B.", at(2))]
    assert by_rule(strict.pattern_flags(entries), "focus_shift")


def test_pattern_fingerprints_stay_while_a_run_grows(engine: FlagEngine) -> None:
    entries = [share("A.B.", at(0)), share("A.B.", at(5)), share("A.B.", at(12))]
    (before,) = by_rule(engine.pattern_flags(entries), "focus_shift")
    (after,) = by_rule(engine.pattern_flags([*entries, share("A.B.", at(14))]), "focus_shift")
    assert before.fingerprint == after.fingerprint
    assert before.evidence != after.evidence


def test_fingerprints_are_deterministic(engine: FlagEngine) -> None:
    entry = Entry(
        kind="journal",
        uid="3f0c3e5e-8d7e-4d76-9a53-1d2e8b0a9b11",
        body="I gave him my number.",
        warning_signs=["secrets"],
    )
    first = [f.fingerprint for f in engine.flags_for_entry(entry)]
    again = [f.fingerprint for f in FlagEngine(engine.content).flags_for_entry(entry)]
    assert first == again and len(set(first)) == 2
    edited = Entry(**{**entry.__dict__, "body": "Later I gave her my personal mobile."})
    assert [f.fingerprint for f in engine.flags_for_entry(edited)] == first  # same cause


def test_scan_entries_equals_one_by_one(engine: FlagEngine) -> None:
    entries = [
        share("A.B.", at(0), body="I gave him my personal mobile."),
        share("A.B.", at(1), body="Nothing to see.", warning_signs=["envy"]),
        Entry(kind="journal", created=at(2), body="We met up for coffee at the weekend."),
    ]
    bulk = engine.scan_entries(entries, PLAN, patterns=False)
    single = [f for e in entries for f in engine.flags_for_entry(e, PLAN)]
    assert sorted(f.fingerprint for f in bulk) == sorted(f.fingerprint for f in single)


# --------------------------------------------------------------------------- the vault


def test_sync_keeps_status_and_note_and_prunes_what_went_away(vault, content) -> None:
    engine = FlagEngine(content)
    entry = vault.entries.add(
        Entry(kind="journal", body="I gave him my personal mobile.", warning_signs=["secrets"])
    )
    result = sync_vault_flags(vault, content, engine)
    assert (result.added, result.removed, result.scanned) == (2, 0, 1)
    by_sign = {f.sign: f for f in vault.flags.list()}
    assert set(by_sign) == {"contact_details", "secrets"}
    vault.flags.set_status(by_sign["contact_details"].id, "discussed", "Talked it over.")

    again = sync_vault_flags(vault, content, engine)
    assert (again.added, again.updated, again.removed, again.scanned) == (0, 0, 0, 0)
    kept = {f.sign: f for f in vault.flags.list()}
    assert kept["contact_details"].status == "discussed"
    assert kept["contact_details"].note == "Talked it over."

    entry.body = "A quiet day."
    entry.warning_signs = []
    vault.entries.update(entry)
    third = sync_vault_flags(vault, content, engine)
    assert third.scanned == 1 and third.removed == 1  # the open ticked flag went
    left = vault.flags.list()
    assert [(f.sign, f.status) for f in left] == [("contact_details", "discussed")]


def test_sync_pattern_flags_and_their_entries(vault, content) -> None:
    entries = [vault.entries.add(share("A.B.", at(d))) for d in (0, 3, 6)]
    sync_vault_flags(vault, content)
    (flag,) = vault.flags.list(source="pattern")
    assert flag.sign == "focus_shift" and flag.entry_uid is None
    assert vault.kv.get(PATTERN_ENTRIES_KEY) == {flag.fingerprint: [e.uid for e in entries]}
    vault.entries.delete(entries[1].uid)  # to the bin: the run is broken
    result = sync_vault_flags(vault, content)
    assert result.removed == 1 and vault.flags.list(source="pattern") == []


def test_sync_rescans_everything_when_the_patterns_change(vault, content) -> None:
    vault.entries.add(Entry(kind="journal", body="I gave him my personal mobile."))
    sync_vault_flags(vault, content)
    state = vault.kv.get(SCAN_STATE_KEY)
    seen = flag_state.read_seen(vault.kv, state).stamps  # the stamps are kept in parts
    assert state["engine"] == FlagEngine(content).signature and len(seen) == 1
    vault.kv.set(SCAN_STATE_KEY, {**state, "engine": "older"})
    assert sync_vault_flags(vault, content).scanned == 1
    assert sync_vault_flags(vault, content).scanned == 0
    assert sync_vault_flags(vault, content, full=True).scanned == 1


def test_sync_plan_flags_follow_a_new_plan(vault, content) -> None:
    vault.entries.add(check("employer", "e-1"))
    sync_vault_flags(vault, content)
    assert vault.flags.list(source="plan") == []  # no plan yet
    vault.plans.save(PLAN)
    result = sync_vault_flags(vault, content)
    assert result.scanned == 0 and [f.sign for f in vault.flags.list(source="plan")] == [PLAN_SIGN]
    relaxed = {
        **PLAN,
        "experiences": [{**PLAN["experiences"][0], "levels": {"employer": "freely"}}],
    }
    vault.plans.save(relaxed)
    sync_vault_flags(vault, content)
    assert vault.flags.list(source="plan") == []


def test_scan_vault_matches_the_engine(vault, content) -> None:
    vault.entries.add(Entry(kind="journal", body="We met up for coffee at the weekend."))
    flags = scan_vault(vault, content)
    assert [(f.sign, f.source) for f in flags] == [("time_outside_work", "text")]


# --------------------------------------------------------------------------- content helpers


def test_sign_pattern_source() -> None:
    assert SignPattern(regex=r"\bx\b").source == r"\bx\b"
    assert re.search(SignPattern(phrase="gave ... number").source, "gave him my number")
    assert phrase_regex("a|b") == SignPattern(phrase="a|b").source


def test_sync_sees_an_edit_made_in_the_same_second(vault, content) -> None:
    """Edits are told apart by the vault's revision counter, not by the clock."""
    entry = vault.entries.add(Entry(kind="journal", body="A quiet day."))
    sync_vault_flags(vault, content)
    stamp = "2026-11-23T10:00:00+00:00"
    vault.entries.update(replace(entry, updated=stamp), touch=False)
    sync_vault_flags(vault, content)
    assert vault.flags.list() == []
    edited = replace(entry, body="I gave him my personal mobile.", updated=stamp)
    vault.entries.update(edited, touch=False)  # same clock time as the last save
    result = sync_vault_flags(vault, content)
    assert result.scanned == 1
    assert [f.sign for f in vault.flags.list()] == ["contact_details"]


def test_sync_after_an_entry_is_binned_and_restored_keeps_its_flags(vault, content) -> None:
    entry = vault.entries.add(Entry(kind="journal", body="I gave him my personal mobile."))
    sync_vault_flags(vault, content)
    vault.entries.delete(entry.uid)
    assert sync_vault_flags(vault, content).scanned == 0
    assert vault.flags.list() == []  # flags of binned entries are not listed
    vault.entries.restore(entry.uid)
    sync_vault_flags(vault, content)
    assert [f.sign for f in vault.flags.list()] == ["contact_details"]
