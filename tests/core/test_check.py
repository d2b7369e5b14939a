"""The traffic light of a check before sharing: every shipped rule of the pack's ``light:``."""

from __future__ import annotations

import pytest

from ips_reflect.core.check import (
    LIGHTS,
    RULES,
    assess,
    key_questions,
    okay_with_me_questions,
    quick_questions,
    serious_signs,
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
SERIOUS = ["contact_details", "secrets", "time_outside_work", "personal_feelings", "role_confusion"]
KEYS = ["before.benefit.helps_person", "before.okay.today", "before.why.boundaries"]
WORK = "before.why.work_goal"


@pytest.fixture(scope="module")
def all_yes(content):
    """Every yes/no/unsure question answered reassuringly ("better left unsaid" is no)."""
    out = {i.id: "yes" for i in content.pack("before_sharing").items if i.answer == "yes_no_unsure"}
    out["before.what.unspoken"] = "no"
    return out


def green(content, answers, audience="client", **kw):
    kw.setdefault("reasons", ["hope"])
    return assess(content, answers, audience, **kw)


def test_check_lights_are_four_most_serious_last():
    assert LIGHTS == ("green", "amber", "incomplete", "red")


def test_check_quick_questions_include_the_work_test_for_clients(content):
    assert len(quick_questions(content, "client")) == 7
    assert WORK in {i.id for i in quick_questions(content, "client")}
    for audience in ("employer", "ips_team", "clinical_team"):
        ids = {i.id for i in quick_questions(content, audience)}
        assert len(ids) == 6 and WORK not in ids
        assert set(KEYS) <= ids


def test_check_serious_signs_come_from_the_pack(content):
    assert sorted(serious_signs(content)) == sorted(SERIOUS)


def test_check_green_only_when_everything_is_clear(content, all_yes):
    result = green(content, all_yes)
    assert result.light == "green"
    assert result.name == "Green"
    assert "Keep it brief" in result.advice
    assert result.missing == []
    assert result.reasons == [
        "Nothing in your answers, the warning signs or your sharing plan asks you to hold back."
    ]
    assert result.notes == ["Your reasons for sharing: Offering hope."]


@pytest.mark.parametrize("audience", [None, "client", "employer", "ips_team", "clinical_team"])
def test_check_blank_is_never_green(content, audience):
    result = assess(content, {}, audience)
    assert result.light == "incomplete"
    assert result.name == "Grey"
    assert result.headline.startswith("Grey: not enough to advise")
    expected = KEYS[:1] + ([WORK] if audience == "client" else []) + KEYS[1:]
    assert result.missing == expected
    for qid in expected:
        assert any(content.item(qid).label in r for r in result.reasons)


@pytest.mark.parametrize("qid", [*KEYS, WORK])
def test_check_each_key_question_unanswered_is_incomplete(content, all_yes, qid):
    answers = {k: v for k, v in all_yes.items() if k != qid}
    result = green(content, answers)
    assert result.light == "incomplete"
    assert result.missing == [qid]
    assert result.reasons[0] == (
        f"“{content.item(qid).label}” is not answered yet, and it is one of the key questions."
    )


def test_check_work_test_is_key_only_for_clients(content, all_yes):
    answers = {k: v for k, v in all_yes.items() if k != WORK}
    assert key_questions(content, "employer") == KEYS
    assert green(content, answers, "employer").light == "green"


def test_check_benefit_no_is_red(content, all_yes):
    result = green(content, {**all_yes, "before.benefit.helps_person": "no"})
    assert result.light == "red"
    assert "Benefits them" in result.reasons[0]
    assert result.moved_by == ["before.benefit.helps_person"]


def test_check_work_no_is_red_with_a_client_only(content, all_yes):
    answers = {**all_yes, WORK: "no"}
    result = green(content, answers)
    assert result.light == "red"
    assert "get or keep work" in result.reasons[0]
    assert result.moved_by == [WORK]
    # with an employer the question does not apply, so it is not a reason
    assert green(content, answers, "employer").light != "red"


@pytest.mark.parametrize("qid", ["before.okay.today", "before.why.boundaries"])
def test_check_today_or_role_no_is_red(content, all_yes, qid):
    result = green(content, {**all_yes, qid: "no"})
    assert result.light == "red"
    assert len(result.reasons) == 1
    assert content.item(qid).label in result.reasons[0]


@pytest.mark.parametrize("qid", [*KEYS, WORK])
def test_check_unsure_on_a_key_question_is_amber(content, all_yes, qid):
    result = green(content, {**all_yes, qid: "unsure"})
    assert result.light == "amber"
    assert result.reasons == [
        f"You are unsure about “{content.item(qid).label}”, one of the key questions."
    ]


def test_check_any_other_no_is_amber(content, all_yes):
    others = [
        i
        for i in content.pack("before_sharing").items
        if i.answer == "yes_no_unsure"
        and i.id not in (*KEYS, WORK, "before.what.unspoken")
        and i.applies_to("client")
    ]
    assert "before.when.wanted" in {i.id for i in others}
    for item in others:
        result = green(content, {**all_yes, item.id: "no"})
        assert result.light == "amber", item.id
        assert result.reasons == [f"You answered no to “{item.label}”."]


def test_check_other_unsure_does_not_move_the_light(content, all_yes):
    assert green(content, {**all_yes, "before.how.brief": "unsure"}).light == "green"


def test_check_better_left_unsaid_is_amber(content, all_yes):
    result = green(content, {**all_yes, "before.what.unspoken": "yes"})
    assert result.light == "amber"
    assert "left unsaid" in result.reasons[0]
    # "no" is the reassuring answer to this question
    assert green(content, {**all_yes, "before.what.unspoken": "no"}).light == "green"


def test_check_no_positive_reason_is_amber(content, all_yes):
    result = assess(content, all_yes, "client")
    assert result.light == "amber"
    assert result.reasons == ["You have not picked a positive reason for sharing yet."]


@pytest.mark.parametrize("sign", SERIOUS)
def test_check_serious_sign_ticked_is_red(content, all_yes, sign):
    result = green(content, all_yes, warning_signs=[sign])
    assert result.light == "red"
    assert content.item(sign).label in result.reasons[0]
    assert "you ticked it" in result.reasons[0]


@pytest.mark.parametrize("sign", SERIOUS)
def test_check_serious_sign_found_in_the_words_is_red(content, all_yes, sign):
    result = green(content, all_yes, found_signs=[sign])
    assert result.light == "red"
    assert content.item(sign).label in result.reasons[0]
    assert "your own words" in result.reasons[0]


@pytest.mark.parametrize("sign", [s for s in WARNING_SIGN_IDS if s not in SERIOUS])
def test_check_other_sign_ticked_or_found_is_amber(content, all_yes, sign):
    for kw in ({"warning_signs": [sign]}, {"found_signs": [sign]}):
        result = green(content, all_yes, **kw)
        assert result.light == "amber", kw
        assert content.item(sign).label in result.reasons[0]


def test_check_a_sign_ticked_and_found_is_named_once(content, all_yes):
    result = green(content, all_yes, warning_signs=["secrets"], found_signs=["secrets"])
    assert len(result.reasons) == 1 and "you ticked it" in result.reasons[0]


def test_check_plan_never_or_not_now_is_red(content, all_yes):
    for audience, words in (("employer", "never for employers"), ("clinical_team", "too raw")):
        dev = deviation(PLAN, "e-aaaaaaaa", audience)
        result = green(content, all_yes, audience, deviation=dev)
        assert result.light == "red"
        assert words in result.reasons[0]
    assert green(
        content, all_yes, "employer", deviation=deviation(PLAN, "e-aaaaaaaa", "employer")
    ).reasons[0] == ("Your sharing plan marks “my redundancy” as never for employers.")


def test_check_plan_briefly_is_amber(content, all_yes):
    result = green(content, all_yes, deviation=deviation(PLAN, "e-aaaaaaaa", "client"))
    assert result.light == "amber"
    assert "only briefly" in result.reasons[0]
    assert "Start small" in result.advice
    assert green(content, all_yes, "ips_team", deviation=None).light == "green"


def test_check_red_outranks_incomplete_which_outranks_amber(content, all_yes):
    missing = {k: v for k, v in all_yes.items() if k != "before.okay.today"}
    amber_too = {**missing, "before.when.wanted": "no"}
    result = green(content, amber_too)
    assert result.light == "incomplete"
    assert result.missing == ["before.okay.today"]
    assert "They want it now" in result.reasons[-1]
    red = green(content, {**amber_too, "before.benefit.helps_person": "no"})
    assert red.light == "red"
    assert "Benefits them" in red.reasons[0]
    assert "Okay with me today" in red.reasons[1]
    assert red.as_text().startswith("Red: pause and think again.")


def test_check_every_reason_is_named(content, all_yes):
    answers = {**all_yes, "before.when.wanted": "no", "before.what.unspoken": "yes"}
    result = assess(content, answers, "client", warning_signs=["envy"], found_signs=["secrets"])
    assert result.light == "red"
    assert set(result.moved_by) == {"before.when.wanted", "before.what.unspoken", "envy", "secrets"}
    assert len(result.reasons) == 5  # the four, and no positive reason


def test_check_okay_with_me_questions_listed(content):
    ids = [i.id for i in okay_with_me_questions(content)]
    assert ids == [
        "before.okay.happy",
        "before.okay.right_time_me",
        "before.okay.support",
        "before.okay.today",
    ]


def test_check_rules_are_explained(content):
    assert any("never a rule" in r for r in RULES)
    assert any("our own reading" in r for r in RULES)
    assert any(r.startswith("Grey") for r in RULES)
    for rule in content.light_rules.rules:
        assert rule.source and rule.reason
