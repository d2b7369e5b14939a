"""The question-pack loader and validator: one test per kind of problem.

Each error test writes a small pack with the fault on a known line and asserts
the reported ``file:line:col``.
"""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

from ips_reflect.core.content import (
    POSITIVE_REASON_IDS,
    WARNING_SIGN_IDS,
    ContentError,
    check_content,
    load_content,
)


def _base_pack() -> str:
    """A minimal complete pack: the fixed ids the app relies on, plus one question."""
    lines = [
        "format: ips-reflect/content",
        "version: 1",
        "pack: base",
        "title: Base",
        "source: Test",
        "sections:",
        "  - id: base.contexts",
        "    title: Contexts",
        "    source: Test",
        "    items:",
    ]
    for cid in ("client", "employer", "ips_team", "clinical_team"):
        lines += [
            f"      - id: {cid}",
            "        type: context",
            f"        text: {cid} text",
            "        help: Help.",
            "        source: Test",
        ]
    lines += ["  - id: base.signs", "    title: Signs", "    source: Test", "    items:"]
    for sid in WARNING_SIGN_IDS:
        lines += [
            f"      - id: {sid}",
            "        type: warning_sign",
            f"        text: sign {sid}",
            "        help: Help.",
            "        source: Test",
        ]
    lines += ["  - id: base.reasons", "    title: Reasons", "    source: Test", "    items:"]
    for rid in POSITIVE_REASON_IDS:
        lines += [
            f"      - id: {rid}",
            "        type: reason",
            f"        text: reason {rid}",
            "        help: Help.",
            "        source: Test",
        ]
    return "\n".join(lines) + "\n"


QUESTION_PACK = """\
format: ips-reflect/content
version: 1
pack: extra
title: Extra
source: Box 3
sections:
  - id: extra.when
    title: When
    source: Box 3 - When
    items:
      - id: extra.right_time
        type: question
        text: Is this the right moment for them?
        help: Timing changes how a story lands.
        source: Box 3 - When
        answer: yes_no_unsure
        audiences: [client]
"""


@pytest.fixture
def packs(tmp_path: Path) -> Path:
    d = tmp_path / "packs"
    d.mkdir()
    (d / "base.yaml").write_text(_base_pack(), encoding="utf-8")
    (d / "extra.yaml").write_text(QUESTION_PACK, encoding="utf-8")
    return d


def _problems(d: Path, overrides: list[Path] | None = None) -> list[str]:
    content, problems = check_content(d, overrides or [])
    assert content is None, "expected the packs to be rejected"
    return [str(p) for p in problems]


def _write_extra(d: Path, text: str) -> None:
    (d / "extra.yaml").write_text(textwrap.dedent(text), encoding="utf-8")


def _line_of(d: Path, needle: str, name: str = "extra.yaml") -> int:
    for n, line in enumerate((d / name).read_text(encoding="utf-8").splitlines(), 1):
        if needle in line:
            return n
    raise AssertionError(f"{needle!r} not in file")


# --------------------------------------------------------------------------- good packs


def test_minimal_packs_load(packs: Path) -> None:
    content = load_content(packs)
    assert len(content) == 4 + 13 + 9 + 1
    item = content.item("extra.right_time")
    assert item.answer == "yes_no_unsure"
    assert item.applies_to(audience="client")
    assert not item.applies_to(audience="employer")
    assert item.location is not None and item.location.line == _line_of(packs, "extra.right_time")


def test_search_needs_every_word(packs: Path) -> None:
    content = load_content(packs)
    assert [i.id for i in content.search("right MOMENT")] == ["extra.right_time"]
    assert content.search("right elephant") == []


def test_real_content_is_valid_and_complete(content) -> None:
    assert len(content) >= 70
    assert {i.id for i in content.warning_signs} >= set(WARNING_SIGN_IDS)
    assert {i.id for i in content.positive_reasons} >= set(POSITIVE_REASON_IDS)
    for item in content:
        assert item.help.strip() and item.source.strip(), item.id
        if item.type in ("question", "field"):
            assert item.answer, item.id


def test_real_content_covers_the_paper(content) -> None:
    types = {i.type for i in content}
    assert {"experience_kind", "practitioner_group", "context", "topic", "field", "check"} <= types
    assert len(content.items(type="experience_kind")) == 6
    assert len(content.items(type="practitioner_group")) == 3
    slef = content.pack("slef")
    assert len(slef.sections) == 6
    assert all(2 <= len(s.items) <= 4 for s in slef.sections)
    assert len([i for i in content if i.quick]) == 7  # six, plus the work test for clients
    level = content.item("prep.plan.level")
    assert [c.id for c in level.choices] == ["freely", "briefly", "not_now", "never"]


# --------------------------------------------------------------------------- problems


def test_yaml_syntax_error_reports_line_and_column(packs: Path) -> None:
    _write_extra(
        packs,
        """\
        format: ips-reflect/content
        version: 1
        pack: extra
        title: "unclosed
        sections: []
        """,
    )
    (problem,) = _problems(packs)
    assert problem.startswith(f"{packs.name}/extra.yaml:") or "extra.yaml:" in problem
    assert "YAML syntax error" in problem
    line = int(problem.split("extra.yaml:")[1].split(":")[0])
    assert line in (4, 5, 6)


def test_python_tag_is_rejected_and_never_run(packs: Path, tmp_path: Path) -> None:
    marker = tmp_path / "pwned"
    _write_extra(
        packs,
        f"""\
        format: ips-reflect/content
        version: 1
        pack: extra
        title: !!python/object/apply:os.system ["touch {marker}"]
        source: x
        sections: []
        """,
    )
    problems = _problems(packs)
    assert any(":4:" in p and "run Python code" in p for p in problems), problems
    assert not marker.exists()


def test_unknown_key_points_at_the_key_with_a_suggestion(packs: Path) -> None:
    text = QUESTION_PACK.replace("        help: Timing", "        hlep: Timing")
    (packs / "extra.yaml").write_text(text, encoding="utf-8")
    problems = _problems(packs)
    line = _line_of(packs, "hlep:")
    assert any(f"extra.yaml:{line}:9: unknown key 'hlep'" in p for p in problems), problems
    assert any("did you mean 'help'" in p for p in problems)


def test_missing_required_key_points_at_the_item(packs: Path) -> None:
    text = QUESTION_PACK.replace("        help: Timing changes how a story lands.\n", "")
    (packs / "extra.yaml").write_text(text, encoding="utf-8")
    (problem,) = _problems(packs)
    line = _line_of(packs, "- id: extra.right_time")
    assert f"extra.yaml:{line}:9:" in problem and "has no 'help'" in problem


def test_duplicate_id_reports_the_second_place(packs: Path) -> None:
    text = QUESTION_PACK.replace("id: extra.right_time", "id: hope")
    (packs / "extra.yaml").write_text(text, encoding="utf-8")
    (problem,) = _problems(packs)
    assert f"extra.yaml:{_line_of(packs, 'id: hope')}:" in problem
    assert "already used at" in problem and "base.yaml" in problem


def test_duplicate_key_in_one_mapping(packs: Path) -> None:
    text = QUESTION_PACK.replace(
        "        answer: yes_no_unsure\n", "        answer: yes_no_unsure\n        answer: text\n"
    )
    (packs / "extra.yaml").write_text(text, encoding="utf-8")
    (problem,) = _problems(packs)
    assert f"extra.yaml:{_line_of(packs, 'answer: text')}:9:" in problem
    assert "appears twice" in problem


def test_unknown_reference_between_packs(packs: Path) -> None:
    text = QUESTION_PACK.replace("audiences: [client]", "audiences: [client, boss]")
    (packs / "extra.yaml").write_text(text, encoding="utf-8")
    (problem,) = _problems(packs)
    assert f"extra.yaml:{_line_of(packs, 'boss')}:" in problem
    assert "'boss' in audiences is not the id of a context" in problem


def test_related_must_name_an_existing_item(packs: Path) -> None:
    text = QUESTION_PACK.replace(
        "        audiences: [client]\n", "        audiences: [client]\n        related: [hopee]\n"
    )
    (packs / "extra.yaml").write_text(text, encoding="utf-8")
    (problem,) = _problems(packs)
    assert f":{_line_of(packs, 'hopee')}:" in problem and "did you mean 'hope'" in problem


def test_wrong_value_type_says_to_quote(packs: Path) -> None:
    text = QUESTION_PACK.replace("text: Is this the right moment for them?", "text: 42")
    (packs / "extra.yaml").write_text(text, encoding="utf-8")
    (problem,) = _problems(packs)
    assert f"extra.yaml:{_line_of(packs, 'text: 42')}:15:" in problem
    assert "must be text, found the number 42" in problem


def test_yes_no_words_are_not_silently_booleans(packs: Path) -> None:
    text = QUESTION_PACK.replace("text: Is this the right moment for them?", "text: yes")
    (packs / "extra.yaml").write_text(text, encoding="utf-8")
    (problem,) = _problems(packs)
    assert "true/false value 'yes'" in problem and "quotes" in problem


def test_unknown_type_and_answer_kind(packs: Path) -> None:
    text = QUESTION_PACK.replace("type: question", "type: questoin").replace(
        "answer: yes_no_unsure", "answer: maybe"
    )
    (packs / "extra.yaml").write_text(text, encoding="utf-8")
    problems = _problems(packs)
    assert any(f":{_line_of(packs, 'questoin')}:" in p and "unknown type" in p for p in problems)
    assert any(
        f":{_line_of(packs, 'maybe')}:" in p and "unknown answer kind" in p for p in problems
    )


def test_choice_answer_needs_choices(packs: Path) -> None:
    text = QUESTION_PACK.replace("answer: yes_no_unsure", "answer: choice")
    (packs / "extra.yaml").write_text(text, encoding="utf-8")
    (problem,) = _problems(packs)
    assert f":{_line_of(packs, 'answer: choice')}:" in problem and "lists no 'choices'" in problem


def test_question_needs_an_answer_kind(packs: Path) -> None:
    text = QUESTION_PACK.replace("        answer: yes_no_unsure\n", "")
    (packs / "extra.yaml").write_text(text, encoding="utf-8")
    (problem,) = _problems(packs)
    assert f":{_line_of(packs, '- id: extra.right_time')}:" in problem and "no 'answer'" in problem


def test_bad_id_format(packs: Path) -> None:
    text = QUESTION_PACK.replace("id: extra.right_time", "id: Extra Right-Time")
    (packs / "extra.yaml").write_text(text, encoding="utf-8")
    (problem,) = _problems(packs)
    assert f":{_line_of(packs, 'Extra Right-Time')}:" in problem and "not a valid id" in problem


def test_wrong_format_and_version(packs: Path) -> None:
    text = QUESTION_PACK.replace("format: ips-reflect/content", "format: something/else").replace(
        "version: 1", "version: 7"
    )
    (packs / "extra.yaml").write_text(text, encoding="utf-8")
    problems = _problems(packs)
    assert any("extra.yaml:1:9: format must be 'ips-reflect/content'" in p for p in problems)
    assert any("extra.yaml:2:10: version 7 is not supported" in p for p in problems)


def test_missing_fixed_warning_sign(packs: Path) -> None:
    base = _base_pack().replace("id: secrets", "id: secretz")
    (packs / "base.yaml").write_text(base, encoding="utf-8")
    problems = _problems(packs)
    assert any("warning sign 'secrets' is missing" in p for p in problems), problems


def test_fixed_id_with_wrong_type(packs: Path) -> None:
    base = _base_pack()
    base = base.replace(
        "      - id: hope\n        type: reason", "      - id: hope\n        type: topic"
    )
    (packs / "base.yaml").write_text(base, encoding="utf-8")
    (problem,) = _problems(packs)
    assert f"base.yaml:{_line_of(packs, 'id: hope', 'base.yaml')}:" in problem
    assert "'hope' must have 'type: reason'" in problem


def test_empty_and_non_utf8_files(packs: Path) -> None:
    (packs / "empty.yaml").write_text("", encoding="utf-8")
    (packs / "latin.yaml").write_bytes(b"title: caf\xe9\n")
    problems = _problems(packs)
    assert any("empty.yaml:1:1: the file is empty" in p for p in problems)
    assert any("latin.yaml:1:1: the file is not UTF-8" in p for p in problems)


def test_pack_that_is_a_list_not_a_mapping(packs: Path) -> None:
    _write_extra(packs, "- just\n- a list\n")
    (problem,) = _problems(packs)
    assert "extra.yaml:1:1: expected a question pack made of 'key: value' lines" in problem


def test_missing_folder(tmp_path: Path) -> None:
    content, problems = check_content(tmp_path / "nope")
    assert content is None
    assert "this folder does not exist" in str(problems[0])


def test_problems_are_sorted_by_file_and_line(packs: Path) -> None:
    text = QUESTION_PACK.replace("type: question", "type: bogus").replace(
        "title: Extra", "titel: X"
    )
    (packs / "extra.yaml").write_text(text, encoding="utf-8")
    problems = _problems(packs)
    lines = [int(p.split("extra.yaml:")[1].split(":")[0]) for p in problems if "extra.yaml" in p]
    assert lines == sorted(lines)


def test_load_content_raises_with_every_problem(packs: Path) -> None:
    text = QUESTION_PACK.replace("type: question", "type: bogus")
    (packs / "extra.yaml").write_text(text, encoding="utf-8")
    with pytest.raises(ContentError) as err:
        load_content(packs)
    assert "1 problem" in err.value.message
    assert err.value.details and "unknown type 'bogus'" in err.value.details[0]


# --------------------------------------------------------------------------- overrides


def _override(tmp_path: Path, text: str) -> Path:
    d = tmp_path / "org"
    d.mkdir(exist_ok=True)
    (d / "ours.yaml").write_text(textwrap.dedent(text), encoding="utf-8")
    return d


def test_override_rewords_an_item_and_adds_one(packs: Path, tmp_path: Path) -> None:
    org = _override(
        tmp_path,
        """\
        format: ips-reflect/content
        version: 1
        pack: extra
        sections:
          - id: extra.when
            items:
              - id: extra.right_time
                text: Is now a good moment for this person?
              - id: extra.org_policy
                type: question
                text: Have I checked our trust's lone-working rules?
                help: Our organisation asks for this.
                source: Local policy
                answer: yes_no_unsure
        """,
    )
    content = load_content(packs, [org])
    item = content.item("extra.right_time")
    assert item.text == "Is now a good moment for this person?"
    assert item.help == "Timing changes how a story lands."  # kept from the base
    assert content.item("extra.org_policy").section == "extra.when"
    assert content.dirs == (packs, org)


def test_override_cannot_change_type(packs: Path, tmp_path: Path) -> None:
    org = _override(
        tmp_path,
        """\
        format: ips-reflect/content
        version: 1
        pack: extra
        sections:
          - id: extra.when
            items:
              - id: extra.right_time
                type: reason
        """,
    )
    problems = _problems(packs, [org])
    assert any("ours.yaml:8:9:" in p and "cannot change the type" in p for p in problems)


def test_new_item_in_override_must_be_complete(packs: Path, tmp_path: Path) -> None:
    org = _override(
        tmp_path,
        """\
        format: ips-reflect/content
        version: 1
        pack: extra
        sections:
          - id: extra.when
            items:
              - id: extra.brand_new
                text: Something new
        """,
    )
    problems = _problems(packs, [org])
    assert any("ours.yaml:7:9:" in p and "has no 'type'" in p for p in problems), problems


def test_missing_override_folder_is_ignored(packs: Path, tmp_path: Path) -> None:
    content = load_content(packs, [tmp_path / "not-there"])
    assert "extra.right_time" in content


# --------------------------------------------------------------------------- sign patterns

SIGN_PACK = """\
format: ips-reflect/content
version: 1
pack: extra
title: Extra
source: Box 2
sections:
  - id: extra.signs
    title: Signs
    source: Box 2
    items:
      - id: extra.sign
        type: warning_sign
        text: A sign an organisation adds.
        help: Why it matters.
        source: Local policy
        patterns:
{patterns}
"""


def _sign_pack(d: Path, patterns: str) -> None:
    (d / "extra.yaml").write_text(SIGN_PACK.format(patterns=patterns), encoding="utf-8")


def test_patterns_load_with_their_parts(packs: Path) -> None:
    _sign_pack(
        packs,
        """\
          - phrase: "gave|give ... my (personal) number"
            why: Own words.
          - regex: '\\bour secret\\b'
            exclude: ['\\bgame\\b']""",
    )
    item = load_content(packs).item("extra.sign")
    first, second = item.patterns
    assert (first.phrase, first.regex, first.why) == (
        "gave|give ... my (personal) number",
        None,
        "Own words.",
    )
    assert second.regex == r"\bour secret\b" and second.exclude == (r"\bgame\b",)
    assert second.location is not None and second.location.line == _line_of(packs, "regex:")


def test_bad_regex_is_reported_at_its_line(packs: Path) -> None:
    _sign_pack(packs, "          - regex: '(unclosed'\n            why: Oops.")
    line = _line_of(packs, "(unclosed")
    problems = _problems(packs)
    assert any(
        f"extra.yaml:{line}:20:" in p and "the regex '(unclosed' is not valid (" in p
        for p in problems
    ), problems


def test_bad_exclude_regex_is_reported_at_its_line(packs: Path) -> None:
    _sign_pack(packs, "          - phrase: our secret\n            exclude: ['ok', '[a-']")
    line = _line_of(packs, "[a-")
    problems = _problems(packs)
    assert any(f"extra.yaml:{line}:" in p and "the regex '[a-' is not valid" in p for p in problems)


def test_regex_that_matches_empty_text_is_refused(packs: Path) -> None:
    _sign_pack(packs, "          - regex: 'x*'")
    assert any("matches empty text" in p for p in _problems(packs))


def test_unknown_key_in_a_pattern(packs: Path) -> None:
    _sign_pack(packs, "          - phrase: our secret\n            because: no")
    line = _line_of(packs, "because:")
    problems = _problems(packs)
    assert any(
        f"extra.yaml:{line}:13: unknown key 'because' in a pattern" in p for p in problems
    ), problems


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ("          - phrase: a\n            regex: 'b'", "both are given"),
        ("          - why: Nothing to match.", "neither is given"),
    ],
)
def test_pattern_needs_exactly_one_of_phrase_or_regex(
    packs: Path, body: str, expected: str
) -> None:
    _sign_pack(packs, body)
    line = _line_of(packs, "          - ")
    problems = _problems(packs)
    assert any(
        f"extra.yaml:{line}:13:" in p and "exactly one of 'phrase'" in p and expected in p
        for p in problems
    ), problems


@pytest.mark.parametrize(
    "phrase", ["gave ...", "... gave", "gave ... ... number", "(own", "a||b", "te*xt", "(own)"]
)
def test_unreadable_phrase(packs: Path, phrase: str) -> None:
    _sign_pack(packs, f"          - phrase: '{phrase}'")
    line = _line_of(packs, "phrase:")
    problems = _problems(packs)
    assert any(f"extra.yaml:{line}:" in p and "cannot be read" in p for p in problems), problems


def test_patterns_must_be_a_list_of_mappings(packs: Path) -> None:
    _sign_pack(packs, "          - just words")
    assert any("expected a pattern made of 'key: value' lines" in p for p in _problems(packs))
    (packs / "extra.yaml").write_text(
        SIGN_PACK.format(patterns="").replace("        patterns:\n", "        patterns: []\n"),
        encoding="utf-8",
    )
    assert any("'patterns' must be a list of patterns" in p for p in _problems(packs))


def test_patterns_only_on_warning_signs(packs: Path) -> None:
    _write_extra(
        packs,
        QUESTION_PACK + "        patterns:\n          - phrase: right time\n",
    )
    line = _line_of(packs, "patterns:")
    problems = _problems(packs)
    assert any(
        f"extra.yaml:{line}:9:" in p and "only warning signs have 'patterns'" in p for p in problems
    ), problems


def test_override_replaces_a_signs_patterns(packs: Path, tmp_path: Path) -> None:
    _sign_pack(packs, "          - phrase: our secret\n          - phrase: between us")
    org = _override(
        tmp_path,
        """\
        format: ips-reflect/content
        version: 1
        pack: extra
        sections:
          - id: extra.signs
            items:
              - id: extra.sign
                patterns:
                  - regex: '\\boff the books\\b'
                    why: Our own wording.
        """,
    )
    item = load_content(packs, [org]).item("extra.sign")
    assert [p.regex for p in item.patterns] == [r"\boff the books\b"]
    assert item.help == "Why it matters."


def test_override_pattern_errors_point_at_the_override_file(packs: Path, tmp_path: Path) -> None:
    org = _override(
        tmp_path,
        """\
        format: ips-reflect/content
        version: 1
        pack: extra
        sections:
          - id: extra.when
            items:
              - id: extra.right_time
                patterns:
                  - regex: 'a(b'
        """,
    )
    problems = _problems(packs, [org])
    assert any("ours.yaml:9:" in p and "is not valid" in p for p in problems), problems
    assert any("ours.yaml:8:" in p and "only warning signs" in p for p in problems), problems


# --------------------------------------------------------------------------- fidelity wording


def test_supervision_ratings_are_own_ratings_on_areas_from_slef(content) -> None:
    from ips_reflect import messages

    slef = content.pack("slef")
    assert "SLEF" in slef.title and "own ratings" in slef.title.lower()
    # SLEF is explained in plain words where the ratings are introduced.
    assert "Sharing Lived Experiences Framework" in slef.intro
    assert "not a SLEF" in slef.intro
    for text in (messages.SUP_SUMMARY_RATINGS, messages.SUPV_RATINGS_INTRO):
        assert "own ratings" in text.lower() and "from SLEF" in text
    assert "six SLEF areas" not in messages.SUP_SUMMARY_RATINGS
    # Wherever the letters first show (the pack's title in the Guide, the PDF heading),
    # what they stand for is said with them.
    for text in (slef.title, messages.SUP_SUMMARY_RATINGS, messages.SUPV_RATINGS_INTRO):
        assert "Sharing Lived Experiences Framework" in text


def test_the_interview_question_on_life_experience_says_to_check_with_hr(content) -> None:
    item = content.item("team.recruit.interview_life")
    assert "HR" in item.help
    assert "Equality Act 2010" in item.help and "60" in item.help
