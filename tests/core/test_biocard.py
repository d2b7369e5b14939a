"""Biography cards: reading, every validation error with its line, round trips, fuzzing."""

from __future__ import annotations

import datetime as dt
import os
import shutil
import struct
import zlib
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ips_reflect.core.biocard import (
    CARD_KEYS,
    BioCard,
    CardError,
    check_card,
    dump_card,
    load_card,
    load_team,
    name_sort_key,
    read_team,
    validate_card,
    write_card,
)
from ips_reflect.errors import UserError

DATA = Path(__file__).resolve().parent.parent / "data" / "cards"

BIO = (
    "I have worked in the IPS team for three years. Before that I worked in warehouses "
    "and coffee shops, so I know how a first week in a new job can feel. I will listen "
    "to what you want from work, help you look for jobs that suit you, and stay in "
    "touch once you start."
)
HEAD = (
    "format: ips-reflect/bio-card\nversion: 1\nname: Sam Okafor\nrole: Peer Employment Specialist\n"
)
# HEAD is lines 1-4; a biography on line 5 makes a complete card.
VALID = HEAD + f"biography: {BIO}\n"


def png_bytes(width: int = 8, height: int = 6) -> bytes:
    def chunk(kind: bytes, data: bytes) -> bytes:
        crc = struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)
        return struct.pack(">I", len(data)) + kind + data + crc

    raw = (b"\x00" + b"\x50\x90\x80" * width) * height
    ihdr = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", ihdr)
        + chunk(b"IDAT", zlib.compress(raw))
        + chunk(b"IEND", b"")
    )


def card_file(tmp_path: Path, text: str, name: str = "card.yaml") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def problems_of(tmp_path: Path, text: str) -> list:
    card, problems = validate_card(card_file(tmp_path, text))
    assert card is None
    assert problems
    return problems


def only_problem(tmp_path: Path, text: str):
    problems = problems_of(tmp_path, text)
    assert len(problems) == 1, [str(p) for p in problems]
    return problems[0]


# --------------------------------------------------------------------------- valid cards


def test_a_valid_card_loads(tmp_path: Path) -> None:
    (tmp_path / "sam.png").write_bytes(png_bytes())
    text = (
        VALID
        + "pronouns: they/them\n"
        + "why_i_do_this_work: Work helped me.\n"
        + "previous_jobs: [warehouse operative, barista]\n"
        + "interests: [allotment, five-a-side]\n"
        + 'happy_to_share: ["my own return to work after time off"]\n'
        + "sectors: [retail, hospitality]\n"
        + "languages: [English, Yoruba]\n"
        + "photo: sam.png\n"
        + "consent: yes\n"
        + "review_date: 2027-01-31\n"
    )
    card = load_card(card_file(tmp_path, text))
    assert card.name == "Sam Okafor"
    assert card.role == "Peer Employment Specialist"
    assert card.biography == BIO
    assert card.pronouns == "they/them"
    assert card.previous_jobs == ("warehouse operative", "barista")
    assert card.languages == ("English", "Yoruba")
    assert card.photo == tmp_path / "sam.png"
    assert card.photo.is_absolute()
    assert card.consent is True
    assert card.review_date == dt.date(2027, 1, 31)
    assert card.source_path == tmp_path / "card.yaml"


def test_the_fixture_team_cards_are_valid_and_a_missing_photo_is_a_warning(
    tmp_path: Path,
) -> None:
    team = tmp_path / "team"
    shutil.copytree(DATA / "team", team)
    for name in ("lukasz.png", "sasha.png"):
        (team / name).write_bytes(png_bytes())
    cards, invalid = load_team(team)
    # the two JPEGs were not made: those two cards still go in, without a photo
    assert invalid == []
    assert len(cards) == 5
    read = {r.path.name: r for r in read_team(team)}
    for name in ("lan.yaml", "zoe.yaml"):
        assert read[name].valid and read[name].card is not None
        assert read[name].card.photo is None and read[name].errors == []
        (warning,) = read[name].warnings
        assert "was not found" in warning.message and "initials" in warning.message
    assert read["lan.yaml"].name == "Nguyễn Thị Lan"
    assert all(not read[n].problems for n in ("ayse.yaml", "lukasz.yaml", "sasha.yaml"))
    # Reading one card on its own is still strict about its photo.
    assert validate_card(team / "zoe.yaml")[0] is None


def test_literal_block_paragraphs_are_kept(tmp_path: Path) -> None:
    text = HEAD + "biography: |\n  " + BIO[:120] + "\n\n  " + BIO[120:] + "\n"
    card = load_card(card_file(tmp_path, text))
    assert "\n\n" in card.biography


def test_lists_given_as_tuples_or_lists_compare_equal() -> None:
    a = BioCard("A", "B", BIO, interests=["x", "y"])
    b = BioCard("A", "B", BIO, interests=("x", "y"))
    assert a == b
    assert isinstance(a.interests, tuple)
    assert BioCard("A", "B", BIO, sectors="retail").sectors == ("retail",)


# --------------------------------------------------------------------------- errors with lines


def test_yaml_syntax_error_reports_its_line(tmp_path: Path) -> None:
    p = only_problem(tmp_path, HEAD + "biography: [unclosed\ninterests: [a]\n")
    assert p.location.line in (5, 6)
    assert "YAML syntax error" in p.message


def test_python_tag_is_refused_and_never_run(tmp_path: Path) -> None:
    marker = tmp_path / "pwned"
    text = (
        "format: ips-reflect/bio-card\nversion: 1\n"
        f'name: !!python/object/apply:os.system ["touch {marker}"]\n'
        "role: x\nbiography: y\n"
    )
    p = only_problem(tmp_path, text)
    assert p.location.line == 3
    assert "never allowed" in p.message
    assert not marker.exists()


def test_fixture_python_tag_card(tmp_path: Path) -> None:
    card, problems = validate_card(DATA / "invalid" / "python_tag.yaml")
    assert card is None
    assert problems[0].location.line == 3


def test_custom_tag_is_refused(tmp_path: Path) -> None:
    p = only_problem(tmp_path, VALID + "pronouns: !secret they/them\n")
    assert p.location.line == 6
    assert "not allowed" in p.message


def test_wrong_format_is_reported_on_its_line(tmp_path: Path) -> None:
    text = VALID.replace("ips-reflect/bio-card", "ips-reflect/content")
    p = only_problem(tmp_path, text)
    assert (p.location.line, p.location.col) == (1, 9)
    assert "format must be 'ips-reflect/bio-card'" in p.message


@pytest.mark.parametrize(
    ("value", "words"), [("2", "not supported"), ("one", "must be the number")]
)
def test_wrong_version_is_reported_on_its_line(tmp_path: Path, value: str, words: str) -> None:
    p = only_problem(tmp_path, VALID.replace("version: 1", f"version: {value}"))
    assert p.location.line == 2
    assert words in p.message


@pytest.mark.parametrize("key", ["format", "version", "name", "role", "biography"])
def test_missing_required_field(tmp_path: Path, key: str) -> None:
    lines = [ln for ln in VALID.splitlines() if not ln.startswith(f"{key}:")]
    p = only_problem(tmp_path, "\n".join(lines) + "\n")
    assert p.location.line == 1
    assert f"no '{key}'" in p.message


def test_unknown_key_suggests_the_right_one(tmp_path: Path) -> None:
    p = only_problem(tmp_path, VALID + "intrests: [films]\n")
    assert (p.location.line, p.location.col) == (6, 1)
    assert "did you mean 'interests'?" in p.message


def test_fixture_unknown_key_card() -> None:
    _card, problems = validate_card(DATA / "invalid" / "unknown_key.yaml")
    assert [(p.location.line, "intrests" in p.message) for p in problems] == [(9, True)]


def test_duplicate_key(tmp_path: Path) -> None:
    p = only_problem(tmp_path, VALID + "name: Sam Again\n")
    assert p.location.line == 6
    assert "appears twice" in p.message


def test_list_field_must_be_a_list(tmp_path: Path) -> None:
    p = only_problem(tmp_path, VALID + "interests: gardening\n")
    assert p.location.line == 6
    assert "'interests' must be a list" in p.message


def test_list_items_must_be_text(tmp_path: Path) -> None:
    p = only_problem(tmp_path, VALID + "languages:\n  - English\n  - 42\n")
    assert p.location.line == 8
    assert "must be text" in p.message


def test_empty_list_is_reported(tmp_path: Path) -> None:
    p = only_problem(tmp_path, VALID + "sectors: []\n")
    assert p.location.line == 6
    assert "empty list" in p.message


def test_text_field_must_be_text(tmp_path: Path) -> None:
    p = only_problem(tmp_path, VALID + "pronouns: [she, her]\n")
    assert p.location.line == 6
    assert "'pronouns' must be text" in p.message


def test_name_must_be_one_short_line(tmp_path: Path) -> None:
    text = VALID.replace("name: Sam Okafor", "name: " + "Sam " * 30)
    p = only_problem(tmp_path, text)
    assert p.location.line == 3
    assert "keep it under 80" in p.message


def test_biography_too_short(tmp_path: Path) -> None:
    p = only_problem(tmp_path, HEAD + "biography: Hello, I am Sam.\n")
    assert p.location.line == 5
    assert "4 words" in p.message and "at least 40" in p.message


def test_biography_too_long(tmp_path: Path) -> None:
    long_bio = " ".join([BIO] * 5)
    p = only_problem(tmp_path, HEAD + f"biography: {long_bio}\n")
    assert p.location.line == 5
    assert "200 or fewer" in p.message


def test_list_entries_must_be_short(tmp_path: Path) -> None:
    p = only_problem(tmp_path, VALID + "interests:\n  - ok\n  - " + "x" * 130 + "\n")
    assert p.location.line == 8
    assert "under 120 characters" in p.message


def test_consent_must_be_true_or_false(tmp_path: Path) -> None:
    p = only_problem(tmp_path, VALID + "consent: maybe\n")
    assert p.location.line == 6
    assert "true or false" in p.message


def test_review_date_must_be_a_date(tmp_path: Path) -> None:
    p = only_problem(tmp_path, VALID + "review_date: next spring\n")
    assert p.location.line == 6
    assert "YYYY-MM-DD" in p.message


def test_quoted_review_date_is_accepted(tmp_path: Path) -> None:
    card = load_card(card_file(tmp_path, VALID + 'review_date: "2027-03-01"\n'))
    assert card.review_date == dt.date(2027, 3, 1)


def test_missing_photo(tmp_path: Path) -> None:
    p = only_problem(tmp_path, VALID + "photo: sam.jpg\n")
    assert (p.location.line, p.location.col) == (6, 8)
    assert "was not found" in p.message


def test_photo_that_is_not_an_image(tmp_path: Path) -> None:
    (tmp_path / "sam.jpg").write_text("not really a photo")
    p = only_problem(tmp_path, VALID + "photo: sam.jpg\n")
    assert p.location.line == 6
    assert "not a PNG or JPEG" in p.message


def test_damaged_photo(tmp_path: Path) -> None:
    (tmp_path / "sam.png").write_bytes(png_bytes()[:40])
    p = only_problem(tmp_path, VALID + "photo: sam.png\n")
    assert p.location.line == 6
    assert "damaged" in p.message


def test_damaged_jpeg(tmp_path: Path) -> None:
    (tmp_path / "sam.jpg").write_bytes(b"\xff\xd8\xff\xe0" + b"\x00" * 50)
    p = only_problem(tmp_path, VALID + "photo: sam.jpg\n")
    assert "damaged" in p.message


def test_huge_photo_file(tmp_path: Path) -> None:
    big = tmp_path / "big.png"
    with big.open("wb") as fh:
        fh.write(png_bytes())
        fh.truncate(10 * 1024 * 1024 + 1)  # sparse: no real 10 MB write
    p = only_problem(tmp_path, VALID + "photo: big.png\n")
    assert p.location.line == 6
    assert "MB" in p.message


def test_photo_that_is_a_folder(tmp_path: Path) -> None:
    (tmp_path / "pics").mkdir()
    p = only_problem(tmp_path, VALID + "photo: pics\n")
    assert "folder" in p.message


def test_empty_file(tmp_path: Path) -> None:
    p = only_problem(tmp_path, "")
    assert p.location.line == 1
    assert "empty" in p.message


def test_not_a_mapping(tmp_path: Path) -> None:
    p = only_problem(tmp_path, "- just\n- a list\n")
    assert "key: value" in p.message


def test_not_utf8(tmp_path: Path) -> None:
    path = tmp_path / "card.yaml"
    path.write_bytes(VALID.replace("Sam", "Zo\xeb").encode("latin-1"))
    _card, problems = validate_card(path)
    assert "UTF-8" in problems[0].message


def test_control_characters_are_refused(tmp_path: Path) -> None:
    p = only_problem(tmp_path, VALID + 'pronouns: "they\\x07them"\n')
    assert p.location.line == 6
    assert "control character" in p.message


# --------------------------------------------------------------------------- privacy


def test_phone_number_in_a_folded_biography_names_its_line(tmp_path: Path) -> None:
    text = (
        HEAD
        + "biography: >\n"
        + "  I have worked in the IPS team for three years and before that I worked in\n"
        + "  warehouses and coffee shops, so I know how a first week in a new job can\n"
        + "  feel. I will listen, help you look for jobs that suit you and stay in touch\n"
        + "  once you start. If you need me, ring 07700 900123 and leave a message.\n"
    )
    p = only_problem(tmp_path, text)
    assert (p.location.line, p.location.col) == (9, 40)
    assert "line 9 holds personal contact details: a phone number (07700 900123)" in p.message
    assert "remove it" in p.message


def test_number_split_over_lines_is_still_located(tmp_path: Path) -> None:
    text = (
        HEAD
        + "biography: "
        + BIO
        + "\n  ring me on 07700\n  900123 any time\n"  # a plain scalar folded over lines
    )
    p = only_problem(tmp_path, text)
    assert p.location.line == 6
    assert "07700 900123" in p.message


def test_fixture_phone_card() -> None:
    _card, problems = validate_card(DATA / "invalid" / "phone.yaml")
    assert len(problems) == 1
    assert problems[0].location.line == 9
    assert "a phone number (07700 900123)" in problems[0].message


@pytest.mark.parametrize(
    ("extra", "line", "what"),
    [
        ("interests:\n  - baking\n  - sam.o@gmail.com\n", 8, "a personal e-mail address"),
        ("why_i_do_this_work: I grew up near LS1 4AP.\n", 6, "a postcode (LS1 4AP)"),
        ("pronouns: they/them @samo\n", 6, "a social-media handle or link (@samo)"),
        (
            "happy_to_share:\n  - my time at 12 Acacia Avenue\n",
            7,
            "a home address (12 Acacia Avenue)",
        ),
        ("sectors:\n  - retail\n  - instagram.com/samo\n", 8, "social-media"),
    ],
)
def test_contact_details_in_any_field_are_refused(
    tmp_path: Path, extra: str, line: int, what: str
) -> None:
    p = only_problem(tmp_path, VALID + extra)
    assert p.location.line == line
    assert what in p.message


def test_contact_details_in_the_name_line(tmp_path: Path) -> None:
    p = only_problem(tmp_path, VALID.replace("name: Sam Okafor", "name: Sam @samokafor"))
    assert p.location.line == 3


def test_work_details_are_fine(tmp_path: Path) -> None:
    text = VALID + (
        "why_i_do_this_work: I answered phones in a call centre from 2015 to 2019.\n"
        "happy_to_share: ['reach me @ the job centre or at sam.okafor@nhs.net']\n"
    )
    assert load_card(card_file(tmp_path, text)).name == "Sam Okafor"


def test_blocked_phrases_from_the_sharing_plan(tmp_path: Path) -> None:
    path = card_file(tmp_path, VALID + "why_i_do_this_work: After my Divorce I needed work.\n")
    assert validate_card(path)[0] is not None
    card, problems = validate_card(path, ["my divorce"])
    assert card is None
    assert problems[0].location.line == 6
    assert "sharing plan" in problems[0].message


def test_a_plan_topic_is_found_by_its_content_words_at_its_line_and_column(
    tmp_path: Path,
) -> None:
    text = VALID + "why_i_do_this_work: I liked hospitality, then I was in hospital in 2019.\n"
    path = card_file(tmp_path, text)
    card, problems = validate_card(path, ["My time in hospital"])
    assert card is None and len(problems) == 1
    line6 = text.splitlines()[5]
    assert (problems[0].location.line, problems[0].location.col) == (
        6,
        line6.index("hospital in") + 1,
    )
    message = problems[0].message
    assert "'My time in hospital'" in message and "'hospital'" in message
    assert "'why_i_do_this_work'" in message
    # A card that only mentions part-time work is not stopped by a breakdown topic.
    fine = card_file(tmp_path, VALID + "why_i_do_this_work: I work part time.\n", "b.yaml")
    assert validate_card(fine, ["Time off work after my breakdown"])[0] is not None


def test_load_card_raises_card_error_with_every_problem(tmp_path: Path) -> None:
    path = card_file(tmp_path, VALID + "intrests: [x]\nphoto: nope.png\n")
    with pytest.raises(CardError) as info:
        load_card(path)
    err = info.value
    assert isinstance(err, UserError)
    assert len(err.problems) == 2
    assert [p.location.line for p in err.problems] == [6, 7]
    assert err.details == [str(p) for p in err.problems]
    assert "2 problems" in err.message


# --------------------------------------------------------------------------- writing


def full_card(tmp_path: Path) -> BioCard:
    photo = tmp_path / "photos" / "sam.png"
    photo.parent.mkdir(exist_ok=True)
    photo.write_bytes(png_bytes())
    return BioCard(
        name="Zoë Łukasz-Nguyễn",
        role="Peer Employment Specialist",
        biography=BIO + "\n\nSecond paragraph: yes, really #1.",
        pronouns="she/her",
        why_i_do_this_work="yes",
        previous_jobs=["warehouse operative", "null", "1.5"],
        interests=["allotment", "five-a-side: the best"],
        happy_to_share=["my own return to work after time off"],
        sectors=["retail"],
        languages=["English", "Русский"],
        photo=photo,
        consent=False,
        review_date=dt.date(2027, 1, 31),
    )


def test_round_trip(tmp_path: Path) -> None:
    card = full_card(tmp_path)
    path = write_card(card, tmp_path / "zoe.yaml")
    again = load_card(path)
    assert again == card
    text = path.read_text(encoding="utf-8")
    assert "photo: photos/sam.png" in text
    assert "Zoë Łukasz-Nguyễn" in text  # readable, not escaped


def test_dump_uses_the_documented_key_order(tmp_path: Path) -> None:
    text = dump_card(full_card(tmp_path), tmp_path)
    keys = [ln.split(":")[0] for ln in text.splitlines() if ln and ln[0].isalpha()]
    assert keys == [k for k in CARD_KEYS if k in keys]
    assert keys[:5] == ["format", "version", "name", "role", "biography"]
    assert "format: ips-reflect/bio-card\nversion: 1\n" in text


def test_dump_leaves_out_empty_fields() -> None:
    text = dump_card(BioCard("Sam", "Employment Specialist", BIO))
    assert "pronouns" not in text and "photo" not in text and "None" not in text
    assert "[]" not in text


def test_write_is_atomic_and_leaves_no_temporary_files(tmp_path: Path, monkeypatch) -> None:
    target = tmp_path / "sam.yaml"
    target.write_text("old", encoding="utf-8")

    def boom(*_a, **_k):
        raise OSError("disk full")

    monkeypatch.setattr(os, "replace", boom)
    with pytest.raises(OSError):
        write_card(BioCard("Sam", "Employment Specialist", BIO), target)
    assert target.read_text(encoding="utf-8") == "old"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["sam.yaml"]


_letters = st.characters(
    whitelist_categories=("Lu", "Ll", "Lo", "Lm", "Mn"), blacklist_characters="\u0345"
)
_safe = st.characters(
    whitelist_categories=("Lu", "Ll", "Lo", "Nd", "Po", "Pd", "Ps", "Pe", "Sm", "Sc", "Zs"),
    blacklist_characters="@\u2028\u2029\x85",
)


def _text(min_size: int = 1, max_size: int = 40):
    return (
        st.text(_safe, min_size=min_size, max_size=max_size)
        .map(lambda s: " ".join(s.split()))
        .filter(lambda s: bool(s) and not any(ch.isdigit() for ch in s))
    )


_name = st.lists(st.text(_letters, min_size=1, max_size=12), min_size=1, max_size=3).map(" ".join)
_bio = st.lists(st.text(_letters, min_size=1, max_size=9), min_size=41, max_size=60).map(" ".join)


@settings(
    max_examples=40,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(
    name=_name,
    role=_text(max_size=60),
    bio=_bio,
    pronouns=st.one_of(st.none(), _text(max_size=20)),
    interests=st.lists(_text(max_size=30), max_size=4),
    languages=st.lists(_name, max_size=3),
    consent=st.one_of(st.none(), st.booleans()),
)
def test_round_trip_with_any_unicode_text(
    tmp_path: Path, name, role, bio, pronouns, interests, languages, consent
) -> None:
    card = BioCard(
        name=name,
        role=role,
        biography=bio,
        pronouns=pronouns,
        interests=interests,
        languages=languages,
        consent=consent,
    )
    if check_card(card):  # e.g. random text that happens to look like a postcode
        return
    path = write_card(card, tmp_path / "rt.yaml")
    loaded, problems = validate_card(path)
    assert problems == [], [str(p) for p in problems]
    assert loaded == card


# --------------------------------------------------------------------------- check_card


def test_check_card_for_cards_made_in_the_app(tmp_path: Path) -> None:
    assert check_card(BioCard("Sam", "Employment Specialist", BIO)) == []
    problems = check_card(
        BioCard("", "Employment Specialist", "Call 07700 900123", photo=tmp_path / "gone.png"),
        ["call"],
    )
    text = " | ".join(problems)
    assert "no 'name'" in text
    assert "at least 40" in text
    assert "a phone number (07700 900123)" in text
    assert "sharing plan" in text
    assert "not found" in text


# --------------------------------------------------------------------------- team folders


def test_load_team_reads_yaml_and_yml_in_name_order(tmp_path: Path) -> None:
    card_file(tmp_path, VALID.replace("Sam Okafor", "Bea"), "b.yml")
    card_file(tmp_path, VALID.replace("Sam Okafor", "Al"), "A.yaml")
    card_file(tmp_path, VALID + "intrests: [x]\n", "c.yaml")
    card_file(tmp_path, "binary junk", "._b.yml")  # macOS resource fork: skipped
    card_file(tmp_path, VALID, "notes.txt")
    (tmp_path / "folder.yaml").mkdir()
    cards, invalid = load_team(tmp_path)
    assert [c.name for c in cards] == ["Al", "Bea"]
    assert [(p.name, len(probs)) for p, probs in invalid] == [("c.yaml", 1)]


def test_load_team_leaves_out_cards_without_consent(tmp_path: Path) -> None:
    card_file(tmp_path, VALID + "consent: false\n", "a.yaml")
    card_file(tmp_path, VALID + "consent: true\n", "b.yaml")
    cards, invalid = load_team(tmp_path)
    assert len(cards) == 1
    assert invalid[0][1][0].location.line == 6
    assert "consent: false" in invalid[0][1][0].message
    # a single card with consent: false is still a valid card on its own
    assert validate_card(tmp_path / "a.yaml")[0] is not None


def test_load_team_on_a_missing_folder(tmp_path: Path) -> None:
    with pytest.raises(UserError, match="does not exist"):
        load_team(tmp_path / "nope")
    with pytest.raises(UserError, match="not a folder"):
        load_team(card_file(tmp_path, VALID))


def test_name_sort_key_ignores_accents_and_case() -> None:
    names = ["zoe", "Łukasz", "Ayşe", "Zoë", "lan", "Émile"]
    assert sorted(names, key=name_sort_key) == ["Ayşe", "Émile", "lan", "Łukasz", "zoe", "Zoë"]


# --------------------------------------------------------------------------- fuzzing


@settings(
    max_examples=120,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(data=st.one_of(st.binary(max_size=400), st.text(max_size=400).map(str.encode)))
def test_any_bytes_give_problems_not_crashes(tmp_path: Path, data: bytes) -> None:
    path = tmp_path / "fuzz.yaml"
    path.write_bytes(data)
    card, problems = validate_card(path)
    assert (card is None) == bool(problems)
    for p in problems:
        assert p.location.line >= 1 and p.location.col >= 1
        assert p.message
    try:
        load_card(path)
    except CardError as exc:
        assert exc.problems


_yamlish = st.lists(
    st.one_of(
        st.sampled_from([*CARD_KEYS, "x", "- ", ": ", "[", "]", "{", "}", "!!", "&a", "*a"]),
        st.sampled_from(["\n", "  ", "'", '"', "#", "|", ">", "?", "%", "@", "`", ",", "!"]),
        st.text(max_size=8),
    ),
    max_size=40,
).map("".join)


@settings(
    max_examples=150,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(tail=_yamlish)
def test_card_like_text_gives_problems_not_crashes(tmp_path: Path, tail: str) -> None:
    path = card_file(tmp_path, HEAD + tail, "fuzz.yaml")
    card, problems = validate_card(path)
    assert (card is None) == bool(problems)


def test_known_as_is_an_optional_one_line_name_that_round_trips(tmp_path: Path) -> None:
    card = load_card(card_file(tmp_path, VALID + "known_as: Sam\n"))
    assert card.known_as == "Sam" and card.called == "Sam"
    assert load_card(card_file(tmp_path, VALID, "plain.yaml")).called == "Sam Okafor"
    text = dump_card(card)
    assert "known_as: Sam\n" in text and text.index("known_as") < text.index("role")
    p = only_problem(tmp_path, VALID + "known_as: " + "x" * 90 + "\n")
    assert "'known_as'" in p.message


def test_a_team_card_with_problems_still_says_whose_it_is(tmp_path: Path) -> None:
    from ips_reflect.core.biocard import read_card

    read = read_card(
        card_file(tmp_path, VALID + "intrests: [x]\nphoto: gone.png\n"), photo_optional=True
    )
    assert read.card is None and read.name == "Sam Okafor"
    assert [p.warning for p in read.problems] == [False, True]
    assert read.errors[0].location.line == 6 and read.warnings[0].location.line == 7
