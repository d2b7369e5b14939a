"""The personal sharing plan: payload round trip, levels, deviations, blocked phrases."""

from __future__ import annotations

import re

from ips_reflect.core.content import load_content
from ips_reflect.core.plan import (
    LEVELS,
    PlanExperience,
    SharingPlan,
    as_plan,
    blocked_phrases,
    deviation,
    level_for,
    new_experience_id,
    plan_summary,
)

PAYLOAD = {
    "experiences": [
        {
            "id": "e-11111111",
            "label": "my redundancy",
            "kind": "exp.work_struggles",
            "levels": {
                "client": "briefly",
                "employer": "never",
                "ips_team": "freely",
                "clinical_team": "not_now",
            },
            "notes": "only the outline",
        },
        {
            "id": "e-22222222",
            "label": "five-a-side football",
            "kind": "exp.interests_culture",
            "levels": {"client": "freely"},
            "notes": "",
        },
    ],
    "will_not_share": ["my home address", "my divorce"],
    "asked_for_more": "That's as much as I go into.",
    "redirect_lines": ["How has it been for you?"],
    "explain_to_manager": "It shows people that setbacks pass.",
    "social_media": "yes",
    "social_media_notes": "Locked my profile.",
    "answers": {"prep.limits.spread": "unsure", "prep.comfort.everyday_facts": ["my dog"]},
}


def test_plan_payload_round_trip_is_exact():
    plan = SharingPlan.from_payload(PAYLOAD)
    assert plan.to_payload() == PAYLOAD
    assert SharingPlan.from_payload(plan.to_payload()) == plan


def test_plan_levels_are_the_prep_plan_level_choices():
    content = load_content()
    choices = tuple(c.id for c in content.item("prep.plan.level").choices)
    assert choices == LEVELS


def test_plan_from_junk_is_lenient():
    assert SharingPlan.from_payload(None) == SharingPlan()
    assert SharingPlan.from_payload("nonsense").is_empty()
    plan = SharingPlan.from_payload(
        {
            "experiences": [
                {"id": "e-1", "label": "  x  ", "kind": "exp.unknown", "levels": {"boss": "never"}},
                {"id": "e-1", "label": "dup", "levels": {"client": "sometimes"}},
                "not a mapping",
            ],
            "will_not_share": "one\n\ntwo\none",
            "social_media": "maybe",
            "answers": {"a.b": 3, "c.d": {"nested": True}},
            "extra": 1,
        }
    )
    assert [e.label for e in plan.experiences] == ["x", "dup"]
    assert plan.experiences[0].kind == ""
    assert plan.experiences[0].levels == {}
    assert plan.experiences[1].levels == {}
    assert plan.experiences[1].id != "e-1"  # a repeated id gets a fresh one
    assert plan.will_not_share == ["one", "two"]
    assert plan.social_media == ""
    assert plan.answers == {"a.b": 3}


def test_plan_new_experience_ids_are_short_and_unique():
    ids = {new_experience_id() for _ in range(200)}
    assert len(ids) == 200
    assert all(re.fullmatch(r"e-[0-9a-f]{8}", i) for i in ids)


def test_plan_level_for():
    assert level_for(PAYLOAD, "e-11111111", "employer") == "never"
    assert level_for(SharingPlan.from_payload(PAYLOAD), "e-11111111", "client") == "briefly"
    assert level_for(PAYLOAD, "e-22222222", "employer") is None  # not decided
    assert level_for(PAYLOAD, "e-missing", "client") is None
    assert level_for(None, "e-11111111", "client") is None
    assert level_for(PAYLOAD, None, "client") is None
    assert level_for(PAYLOAD, "e-11111111", None) is None


def test_plan_deviation_never_for_employers():
    found = deviation(PAYLOAD, "e-11111111", "employer")
    assert found is not None
    assert found.level == "never"
    assert found.stops
    assert found.sentence == "Your sharing plan marks “my redundancy” as never for employers."
    assert str(found) == found.sentence


def test_plan_deviation_not_now_and_briefly():
    raw = deviation(PAYLOAD, "e-11111111", "clinical_team")
    assert raw is not None and raw.stops and raw.level == "not_now"
    assert "not now (still too raw)" in raw.sentence
    assert "the clinical team" in raw.sentence
    brief = deviation(PAYLOAD, "e-11111111", "client")
    assert brief is not None and not brief.stops
    assert (
        brief.sentence
        == "Your sharing plan says to share “my redundancy” only briefly with clients."
    )


def test_plan_no_deviation_when_free_undecided_or_unknown():
    assert deviation(PAYLOAD, "e-11111111", "ips_team") is None
    assert deviation(PAYLOAD, "e-22222222", "employer") is None
    assert deviation(PAYLOAD, "e-nope", "employer") is None
    assert deviation(None, "e-11111111", "employer") is None
    assert deviation(PAYLOAD, None, "employer") is None


def test_plan_blocked_phrases():
    assert blocked_phrases(PAYLOAD) == ["my redundancy", "my home address", "my divorce"]
    assert blocked_phrases(None) == []
    plan = SharingPlan(
        experiences=[
            PlanExperience("e-1", "  ", levels={"client": "never"}),
            PlanExperience("e-2", "my divorce", levels={"employer": "not_now"}),
        ],
        will_not_share=["my divorce", " "],
    )
    assert blocked_phrases(plan) == ["my divorce"]


def test_plan_is_empty_and_summary():
    assert SharingPlan().is_empty()
    assert not SharingPlan(answers={"x.y": "text"}).is_empty()
    assert SharingPlan(answers={"x.y": "  "}).is_empty()
    text = plan_summary(PAYLOAD)
    assert "my redundancy (clients: briefly · employers: never" in text
    assert "I will not share:\n- my home address" in text
    assert "Social media checked: yes" in text
    assert as_plan(PAYLOAD).experience("e-22222222") is not None
