"""The traffic light of a check before sharing: every rule in core/check.py."""

from __future__ import annotations

import pytest

from ips_reflect.core.check import (
    RED_IF_NO,
    RULES,
    SERIOUS_SIGNS,
    assess,
    okay_with_me_questions,
    quick_questions,
)
from ips_reflect.core.content import WARNING_SIGN_IDS
from ips_reflect.core.plan import deviation

PLAN = {
    "experiences": [
        {
            "id": "e-aaaaaaaa",
            "label": "my redundancy",
            "kind": "exp.work_struggles",
            "levels": {
                "client": "briefly",
                "employer": "never",
                "ips_team": "freely",
                "clinical_team": "not_now",
            },
        }
    ]
}


@pytest.fixture(scope="module")
def all_yes(content):
    """Every yes/no/unsure question of the pack answered yes."""
    return {
        i.id: "yes" for i in content.pack("before_sharing").items if i.answer == "yes_no_unsure"
    }


def test_check_six_quick_questions(content):
    quick = quick_questions(content)
    assert len(quick) == 6
    assert {"before.okay.today", "before.why.boundaries"} <= {i.id for i in quick}
    for audience in ("client", "employer", "ips_team", "clinical_team"):
        assert len(quick_questions(content, audience)) == 6


def test_check_green_when_everything_is_reassuring(content, all_yes):
    result = assess(content, all_yes, "client", reasons=["hope"])
    assert result.light == "green"
    assert result.name == "Green"
    assert "Keep it brief" in result.advice
    assert "focus on them" in result.advice
    assert result.reasons == [
        "Nothing in your answers, the warning signs or your sharing plan asks you to hold back."
    ]
    assert result.notes == ["Your reasons for sharing: Offering hope."]


def test_check_green_plan_freely(content, all_yes):
    dev = deviation(PLAN, "e-aaaaaaaa", "ips_team")
    assert dev is None
    assert assess(content, all_yes, "ips_team", deviation=dev).light == "green"


def test_check_red_when_plan_says_never(content, all_yes):
    dev = deviation(PLAN, "e-aaaaaaaa", "employer")
    result = assess(content, all_yes, "employer", deviation=dev)
    assert result.light == "red"
    assert result.reasons[0] == "Your sharing plan marks “my redundancy” as never for employers."
    assert "Pause" in result.advice
    assert "supervision" in result.advice
    assert result.headline.startswith("Red")


def test_check_red_when_plan_says_not_now(content, all_yes):
    dev = deviation(PLAN, "e-aaaaaaaa", "clinical_team")
    result = assess(content, all_yes, "clinical_team", deviation=dev)
    assert result.light == "red"
    assert "still too raw" in result.reasons[0]


def test_check_amber_when_plan_says_briefly(content, all_yes):
    dev = deviation(PLAN, "e-aaaaaaaa", "client")
    result = assess(content, all_yes, "client", deviation=dev)
    assert result.light == "amber"
    assert "only briefly" in result.reasons[0]
    assert "Start small" in result.advice
    assert "check back" in result.advice


@pytest.mark.parametrize("sign", SERIOUS_SIGNS)
def test_check_red_for_each_serious_sign(content, all_yes, sign):
    result = assess(content, all_yes, "client", warning_signs=[sign])
    assert result.light == "red"
    assert content.item(sign).label in result.reasons[0]


@pytest.mark.parametrize("sign", [s for s in WARNING_SIGN_IDS if s not in SERIOUS_SIGNS])
def test_check_amber_for_each_other_sign(content, all_yes, sign):
    result = assess(content, all_yes, "client", warning_signs=[sign])
    assert result.light == "amber"
    assert result.reasons == [f"You ticked the warning sign “{content.item(sign).label}”."]


@pytest.mark.parametrize("qid", RED_IF_NO)
def test_check_red_when_today_or_role_is_no(content, all_yes, qid):
    result = assess(content, {**all_yes, qid: "no"}, "client")
    assert result.light == "red"
    assert result.reasons == [f"You answered no to “{content.item(qid).label}”."]


@pytest.mark.parametrize("qid", RED_IF_NO)
def test_check_amber_when_today_or_role_is_unsure(content, all_yes, qid):
    result = assess(content, {**all_yes, qid: "unsure"}, "client")
    assert result.light == "amber"
    assert result.reasons == [f"You are unsure about “{content.item(qid).label}”."]


def test_check_amber_for_each_quick_question_no_or_unsure(content, all_yes):
    for item in quick_questions(content):
        if item.id in RED_IF_NO:
            continue
        for value in ("no", "unsure"):
            result = assess(content, {**all_yes, item.id: value}, "client")
            assert result.light == "amber", (item.id, value)
            assert item.label in result.reasons[0]


def test_check_amber_for_okay_with_me_questions(content, all_yes):
    ids = [i.id for i in okay_with_me_questions(content)]
    assert ids == [
        "before.okay.happy",
        "before.okay.right_time_me",
        "before.okay.support",
        "before.okay.today",
    ]
    for qid in ids[:3]:
        for value in ("no", "unsure"):
            assert assess(content, {**all_yes, qid: value}, "client").light == "amber"


def test_check_other_questions_do_not_change_the_light(content, all_yes):
    # A "no" outside the quick and okay-with-me questions is for thought, not a light.
    answers = {**all_yes, "before.how.brief": "no", "before.when.wanted": "unsure"}
    assert assess(content, answers, "client").light == "green"


def test_check_unanswered_is_noted_not_counted(content):
    result = assess(content, {}, "employer")
    assert result.light == "green"
    assert result.notes == ["6 of the 6 key questions are not answered yet."]
    one = {i.id: "yes" for i in quick_questions(content)[1:]}
    assert assess(content, one, "employer").notes == [
        "1 of the 6 key questions is not answered yet."
    ]


def test_check_red_reasons_come_before_amber(content, all_yes):
    dev = deviation(PLAN, "e-aaaaaaaa", "employer")
    answers = {**all_yes, "before.when.right_time": "unsure"}
    result = assess(content, answers, "employer", warning_signs=["envy", "secrets"], deviation=dev)
    assert result.light == "red"
    assert result.reasons[0].startswith("Your sharing plan marks")
    assert "Keeping secrets" in result.reasons[1]
    assert "Invoking envy" in result.reasons[2]
    assert "Right time for them" in result.reasons[3]
    text = result.as_text()
    assert text.startswith("Red: pause and think again.")
    assert "- Your sharing plan marks" in text


def test_check_rules_are_explained(content):
    assert len(RULES) == 4
    assert any("never blocks" in r or "never a rule" in r for r in RULES)
