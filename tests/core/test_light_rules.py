"""The light's rules as data: `light:` in the before-sharing pack, checked and overridable."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

from ips_reflect.core.check import assess
from ips_reflect.core.content import check_content, load_content
from ips_reflect.paths import content_dir

HEAD = "format: ips-reflect/content\nversion: 1\npack: before_sharing\n"


def override(tmp_path: Path, body: str, name: str = "org.yaml") -> Path:
    d = tmp_path / "org"
    d.mkdir(exist_ok=True)
    (d / name).write_text(HEAD + textwrap.dedent(body), encoding="utf-8")
    return d


def problems(org: Path) -> list[str]:
    content, found = check_content(content_dir(), [org])
    assert content is None
    return [str(p) for p in found]


def line_of(org: Path, needle: str, name: str = "org.yaml") -> int:
    lines = (org / name).read_text(encoding="utf-8").splitlines()
    return next(n for n, line in enumerate(lines, 1) if needle in line)


def test_shipped_rules_name_their_source_and_reason(content) -> None:
    rules = content.light_rules
    assert rules.key_questions == (
        "before.benefit.helps_person",
        "before.why.work_goal",
        "before.okay.today",
        "before.why.boundaries",
    )
    assert {r.id for r in rules.red} >= {"benefit_no", "work_no", "plan_stops", "serious_sign"}
    for rule in rules.rules:
        assert rule.source.strip() and rule.reason.strip()


@pytest.mark.parametrize(
    ("when", "needle", "message"),
    [
        ("{answer: before.benefit.helps_persn, is: no}", "when:", "not the id of a question"),
        ("{answer: before.why.motivation, is: no}", "when:", "not a yes / no / unsure question"),
        ("{answer: before.okay.today, is: maybe}", "when:", "'maybe' is not a value of 'is'"),
        ("{plan: sometimes}", "when:", "'sometimes' is not a value of 'plan'"),
        ("{sign: grave}", "when:", "'grave' is not a value of 'sign'"),
        ("{answr: before.okay.today, is: no}", "when:", "unknown rule kind 'answr'"),
        (
            "{answer: before.okay.today, is: no, audience: boss}",
            "when:",
            "'boss' is not an audience",
        ),
    ],
)
def test_bad_rules_are_reported_at_file_line_col(tmp_path, when, needle, message) -> None:
    org = override(
        tmp_path,
        f"""\
        light:
          amber:
            - id: org_rule
              when: {when}
              source: "Local policy"
              reason: "Something about “{{label}}”."
        """,
    )
    found = problems(org)
    line = line_of(org, needle)
    assert any(f"org.yaml:{line}:" in p and message in p for p in found), found


def test_rule_without_source_or_with_a_wrong_placeholder(tmp_path) -> None:
    org = override(
        tmp_path,
        """\
        light:
          red:
            - id: org_rule
              when: {no_reason: true}
              reason: "No reason at all."
            - id: org_other
              when: {no_reason: true}
              source: "Local policy"
              reason: "About {label}."
        """,
    )
    found = problems(org)
    assert any(
        f"org.yaml:{line_of(org, 'id: org_rule')}:" in p and "has no 'source'" in p for p in found
    ), found
    assert any(
        f"org.yaml:{line_of(org, 'About {label}')}:" in p and "{label}" in p for p in found
    ), found


def test_unknown_key_question_and_bad_severity(tmp_path) -> None:
    org = override(
        tmp_path,
        """\
        light:
          key_questions: [before.okay.todya]
        sections:
          - id: before.okay_with_me
            items:
              - id: before.okay.today
                severity: serious
        """,
    )
    (org / "signs.yaml").write_text(
        "format: ips-reflect/content\nversion: 1\npack: warning_signs\nsections:\n"
        "  - id: warn.signs\n    items:\n      - id: envy\n        severity: huge\n",
        encoding="utf-8",
    )
    found = problems(org)
    assert any("org.yaml:5:" in p and "did you mean 'before.okay.today'" in p for p in found)
    assert any("only warning signs have a 'severity'" in p for p in found), found
    assert any("signs.yaml:8:" in p and "severity must be one of" in p for p in found), found


def test_light_block_only_in_the_before_sharing_pack(tmp_path) -> None:
    org = tmp_path / "org"
    org.mkdir()
    (org / "x.yaml").write_text(
        "format: ips-reflect/content\nversion: 1\npack: preparation\nlight:\n  red: []\n",
        encoding="utf-8",
    )
    found = problems(org)
    assert any("x.yaml:4:1:" in p and "only the 'before_sharing' pack" in p for p in found)


def test_an_organisation_can_move_switch_off_and_add_rules(tmp_path) -> None:
    org = override(
        tmp_path,
        """\
        light:
          red:
            - id: other_no
          amber:
            - id: benefit_no
            - id: no_reason
              disabled: true
            - id: tell_manager_unsure
              when: {answer: before.why.tell_manager, is: unsure}
              source: "Local policy"
              reason: "Our team asks: unsure about “{label}”."
        """,
    )
    content = load_content(content_dir(), [org])
    yes = {q: "yes" for q in content.light_rules.key_questions}
    assert assess(content, {**yes, "before.benefit.helps_person": "no"}, "client").light == (
        "amber"
    )
    assert assess(content, {**yes, "before.when.wanted": "no"}, "client").light == "red"
    assert assess(content, yes, "client").light == "green"  # no_reason is disabled
    result = assess(content, {**yes, "before.why.tell_manager": "unsure"}, "client")
    assert result.reasons == ["Our team asks: unsure about “Happy to tell my manager”."]


def test_a_sign_can_be_made_serious_by_an_organisation(tmp_path) -> None:
    org = tmp_path / "org"
    org.mkdir()
    (org / "signs.yaml").write_text(
        "format: ips-reflect/content\nversion: 1\npack: warning_signs\nsections:\n"
        "  - id: warn.signs\n    items:\n      - id: envy\n        severity: serious\n"
        "      - id: secrets\n        severity: ordinary\n",
        encoding="utf-8",
    )
    content = load_content(content_dir(), [org])
    yes = {q: "yes" for q in content.light_rules.key_questions}
    assert assess(content, yes, "client", ["hope"], ["envy"]).light == "red"
    assert assess(content, yes, "client", ["hope"], ["secrets"]).light == "amber"
