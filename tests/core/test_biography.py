"""Drafting biographies: length, tone, no placeholders, readability."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ips_reflect.core.biography import (
    TEMPLATES,
    BioFields,
    draft_biography,
    join_list,
    list_phrase,
    reading_age,
    word_count,
)
from ips_reflect.core.privacy import scan

FULL = BioFields(
    name="Zoë Ōkafor-Łukasz",
    role="Peer Employment Specialist",
    pronouns="she/her",
    why="I know how much having a job helped me through a hard few years, and I want "
    "others to have that chance too",
    years=3,
    previous_jobs=["warehouse operative", "barista", "care assistant", "call-centre adviser"],
    interests=["my allotment", "five-a-side football", "baking bread", "local history"],
    likes=["long walks", "strong tea"],
    happy_to_share=["my own return to work after time off"],
    favourite_film="Paddington 2",
    favourite_tv="Bake Off",
    favourite_book="Small Island",
    favourite_music="Northern soul",
    languages=["English", "Polish"],
    sectors=["retail", "hospitality", "logistics"],
)

PLACEHOLDER = re.compile(r"\bNone\b|\{|\}|\[\]|\(\)|\s[,.]|,,|\.\.|  |\bnull\b|include \.")


def assert_clean(text: str) -> None:
    assert not PLACEHOLDER.search(text), text
    assert text == text.strip()
    assert text[0].isupper()
    assert text.endswith((".", "!", "?"))
    assert scan(text) == []


def test_there_are_at_least_three_templates() -> None:
    assert {"warm", "brief", "work_history"} <= set(TEMPLATES)
    assert all(TEMPLATES[t] for t in TEMPLATES)


@pytest.mark.parametrize("template", list(TEMPLATES))
def test_full_fields_give_80_to_150_words_in_every_template(template: str) -> None:
    text = draft_biography(FULL, template)
    assert 80 <= word_count(text) <= 150, (word_count(text), text)
    assert_clean(text)
    assert "Zoë Ōkafor-Łukasz" in text
    assert "Peer Employment Specialist" in text
    assert " I " in f" {text} "  # first person


def test_templates_differ() -> None:
    drafts = {draft_biography(FULL, t) for t in TEMPLATES}
    assert len(drafts) == len(TEMPLATES)


def test_work_history_template_puts_jobs_first() -> None:
    text = draft_biography(FULL, "work_history")
    assert text.index("warehouse operative") < text.index("Peer Employment Specialist")


def test_warm_template_opens_with_the_person() -> None:
    assert draft_biography(FULL, "warm").startswith("Hello, I'm Zoë Ōkafor-Łukasz.")


@pytest.mark.parametrize("template", list(TEMPLATES))
@pytest.mark.parametrize(
    "fields",
    [
        {},
        {"name": "Sam"},
        {"role": "Employment Specialist"},
        {"name": "Ayşe", "interests": ["swimming"]},
        {"name": None, "role": "None", "years": 0, "pronouns": "", "interests": []},
        {"name": "Nguyễn Thị Lan", "languages": ["Vietnamese"], "sectors": ["finance"]},
        {"previous_jobs": ["chef"], "why": "because I like people"},
        {"favourite_music": "grime", "likes": "tea, cake"},
        {"years": "eighteen months", "role": "Employment Specialist"},
    ],
)
def test_sparse_fields_are_padded_without_placeholders(template: str, fields: dict) -> None:
    text = draft_biography(fields, template)
    assert_clean(text)
    assert 80 <= word_count(text) <= 150, (word_count(text), text)
    for value in fields.values():
        if isinstance(value, str) and value and value != "None":
            assert value.split(",")[0].strip().casefold() in text.casefold()


def test_names_with_diacritics_and_cyrillic_are_kept_intact() -> None:
    for name in ("Zoë", "Łukasz Nowak", "Nguyễn Thị Lan", "Ayşe Demir", "Александра"):
        assert name in draft_biography({"name": name, "role": "Employment Specialist"})


def test_drafts_are_deterministic() -> None:
    assert draft_biography(FULL, "brief") == draft_biography(FULL, "brief")


def test_from_mapping_accepts_card_names_and_keeps_extras() -> None:
    f = BioFields.from_mapping({"why_i_do_this_work": "work matters", "shoe_size": 9})
    assert f.why == "work matters"
    assert f.extra == {"shoe_size": 9}


def test_unknown_template_is_refused() -> None:
    with pytest.raises(ValueError, match="unknown template"):
        draft_biography(FULL, "poem")


@pytest.mark.parametrize(
    ("role", "article"),
    [
        ("Employment Specialist", "an Employment Specialist"),
        ("IPS Employment Specialist", "an IPS Employment Specialist"),
        ("Peer Employment Specialist", "a Peer Employment Specialist"),
        ("University liaison", "a University liaison"),
        ("NHS worker", "an NHS worker"),
        ("the team's peer lead", "the team's peer lead"),
    ],
)
def test_roles_get_the_right_article(role: str, article: str) -> None:
    assert article in draft_biography({"role": role}, "warm")


def test_long_lists_are_trimmed() -> None:
    many = BioFields(name="Sam", interests=[f"hobby {i}" for i in range(20)])
    text = draft_biography(many)
    assert "hobby 0" in text
    assert "hobby 10" not in text
    assert word_count(text) <= 150


def test_join_list() -> None:
    assert join_list([]) == ""
    assert join_list(["a"]) == "a"
    assert join_list(["a", "b"]) == "a and b"
    assert join_list(["a", "b", "c"]) == "a, b and c"
    assert join_list(["a", "b", "c"], limit=2) == "a and b"
    assert join_list(["a", "b", "c", "d"]) == "a, b, c and d"


@pytest.mark.parametrize(
    ("items", "joined"),
    [
        (["retail"], "retail"),
        (["retail", "warehousing and logistics"], "retail, warehousing and logistics"),
        (["warehousing and logistics", "retail"], "retail, warehousing and logistics"),
        (
            ["care", "retail", "warehousing and logistics"],
            "care, retail, warehousing and logistics",
        ),
        (
            ["health and social care", "retail", "construction", "warehousing and logistics"],
            "health and social care, retail, construction, warehousing and logistics",
        ),
        (["fish and chips"], "fish and chips"),
    ],
)
def test_join_list_never_doubles_and(items: list[str], joined: str) -> None:
    assert join_list(items) == joined
    assert ", and " not in join_list(items)


@pytest.mark.parametrize(
    ("item", "phrase"),
    [
        ("my living with anxiety", "living with anxiety"),
        ("My living with anxiety", "living with anxiety"),
        ("Living with anxiety", "living with anxiety"),
        ("being a carer for my dad", "being a carer for my dad"),
        ("Being a carer", "being a carer"),
        ("my being made redundant", "being made redundant"),
        ("my redundancy", "my redundancy"),
        ("My experience of debt", "my experience of debt"),
        ("changing career in my thirties", "changing career in my thirties"),
        ("ADHD", "ADHD"),
        ("Ramadan at work", "Ramadan at work"),
    ],
)
def test_list_items_read_as_phrases_in_a_sentence(item: str, phrase: str) -> None:
    assert list_phrase(item) == phrase


def test_the_draft_writes_grammatical_lists_in_the_users_words() -> None:
    fields = {
        "name": "Sam",
        "role": "Employment Specialist",
        "sectors": ["retail", "warehousing and logistics"],
        "previous_jobs": ["shop assistant", "forklift driver"],
        "happy_to_share": ["My living with anxiety", "Being a carer", "my redundancy"],
        "interests": ["football", "cooking and baking"],
    }
    for template in TEMPLATES:
        text = draft_biography(fields, template)
        assert "retail, warehousing and logistics" in text, text
        assert "retail and warehousing" not in text and "retail, and" not in text
        assert " my living" not in text.lower() and " my being" not in text.lower()
        assert "talk about living with anxiety" in text, text
    warm = draft_biography(fields, "warm")
    assert "I know retail, warehousing and logistics from the inside" in warm
    assert "talk about living with anxiety, being a carer and my redundancy." in warm
    assert "my interests include football, cooking and baking." in warm
    brief = draft_biography(fields, "brief")
    assert "I know retail, warehousing and logistics well." in brief


@pytest.mark.parametrize(
    ("text", "count"),
    [
        ("", 0),
        ("Hello", 1),
        ("I play five-a-side and don't mind rain.", 7),
        ("  spaced   out  ", 2),
        ("Zoë, Łukasz and Александра", 4),
        ("2019–2021 - and ... !", 3),
    ],
)
def test_word_count(text: str, count: int) -> None:
    assert word_count(text) == count


def test_reading_age_of_plain_text_is_easy() -> None:
    r = reading_age("I like my job. I help people find work. We have tea and talk.")
    assert r.age <= 11
    assert r.hint == f"easy to read (about age {r.age})"
    assert str(r) == r.hint


def test_reading_age_of_dense_text_is_hard() -> None:
    text = (
        "Notwithstanding considerable organisational heterogeneity, individualised "
        "vocational rehabilitation interventions demonstrate substantially improved "
        "occupational outcomes relative to conventional stepwise prevocational "
        "approaches, particularly amongst individuals experiencing enduring psychiatric "
        "conditions."
    )
    r = reading_age(text)
    assert r.age >= 16
    assert r.hint.startswith("hard to read")
    assert "shorter sentences" in r.hint


def test_reading_age_of_nothing() -> None:
    r = reading_age("   ")
    assert r.age == 0
    assert r.hint == "nothing to read yet"


@pytest.mark.parametrize("template", list(TEMPLATES))
def test_drafts_of_the_full_set_are_easy_to_read(template: str) -> None:
    assert reading_age(draft_biography(FULL, template)).age <= 13


_word = st.text(
    alphabet=st.characters(whitelist_categories=("L",)), min_size=1, max_size=10
).filter(lambda w: w.casefold() not in {"none", "null", "nothing", "no", "na"})
_phrase = st.lists(_word, min_size=1, max_size=3).map(" ".join)


@settings(max_examples=60, deadline=None)
@given(
    name=st.one_of(st.none(), _phrase),
    role=st.one_of(st.none(), _phrase),
    jobs=st.lists(_phrase, max_size=8),
    interests=st.lists(_phrase, max_size=8),
    languages=st.lists(_word, max_size=5),
    years=st.one_of(st.none(), st.integers(min_value=-2, max_value=40)),
    template=st.sampled_from(list(TEMPLATES)),
)
def test_any_short_fields_give_a_clean_draft_in_range(
    name, role, jobs, interests, languages, years, template
) -> None:
    text = draft_biography(
        {
            "name": name,
            "role": role,
            "previous_jobs": jobs,
            "interests": interests,
            "languages": languages,
            "years": years,
        },
        template,
    )
    assert "None" not in text.split()
    assert "{" not in text
    assert 80 <= word_count(text) <= 150, text
