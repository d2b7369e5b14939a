"""The privacy guard: every rule finds what it should and leaves ordinary sentences alone."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ips_reflect.core import privacy
from ips_reflect.core.privacy import (
    advice,
    find_addresses,
    find_emails,
    find_phones,
    find_plan_terms,
    find_social,
    is_personal_mail_domain,
    plan_topic_words,
    scan,
    summarise,
)


def kinds(text: str, blocked: tuple[str, ...] = ()) -> list[tuple[str, str]]:
    return [(f.kind, f.text) for f in scan(text, blocked)]


# --------------------------------------------------------------------------- phones


@pytest.mark.parametrize(
    ("text", "number"),
    [
        ("Call me on 07700 900123 any time.", "07700 900123"),
        ("my mobile: 07700900123", "07700900123"),
        ("07700-900-123 is my number", "07700-900-123"),
        ("Text 07700 900 123 please", "07700 900 123"),
        ("ring +44 7700 900123", "+44 7700 900123"),
        ("+44 (0)7700 900123", "+44 (0)7700 900123"),
        ("+447700900123", "+447700900123"),
        ("home: (0113) 496 0000.", "(0113) 496 0000"),
        ("020 7946 0000", "020 7946 0000"),
        ("0161 496 0000", "0161 496 0000"),
        ("01632 960123", "01632 960123"),
        ("0800 123 4567", "0800 123 4567"),
        ("my cousin in Lagos is on +234 802 123 4567", "+234 802 123 4567"),
        ("+1 (415) 555-0100", "+1 (415) 555-0100"),
        ("0044 7700 900123", "0044 7700 900123"),
        ("text me on 7700900123", "7700900123"),
        ("whatsapp me at 496 0000", "496 0000"),
        ("(07700 900123)", "07700 900123"),
    ],
)
def test_phone_numbers_are_found(text: str, number: str) -> None:
    found = find_phones(text)
    assert [f.text for f in found] == [number]
    assert found[0].kind == "phone"
    assert found[0].message == f"a phone number ({number})"
    assert text[found[0].start : found[0].end] == number


@pytest.mark.parametrize(
    "text",
    [
        "I worked as a call-centre adviser answering phones",
        "I moved to Leeds in 2015",
        "I spent 5 years in retail",
        "I was there 2019–2021 and then 2021-2023",
        "from 2015 to 2019, then 2020 2021 2022",
        "a salary of £21,000 or £10.50 an hour, €1 200 000",
        "we meet at 09:30 on 01/02/2019 or 01.02.2019",
        "the 9 to 5, 37.5 hours a week, 100 000 people",
        "3 children, 2 dogs and 1 allotment",
        "I answered 120 calls a day on the phone line",
        "Room 101 and page 42",
        "version 1.2.3 of the 2024 plan",
        "I ran 10,000 metres",
    ],
)
def test_ordinary_numbers_are_not_phone_numbers(text: str) -> None:
    assert find_phones(text) == []
    assert scan(text) == []


# --------------------------------------------------------------------------- e-mail


@pytest.mark.parametrize(
    "address",
    [
        "sam.okafor@gmail.com",
        "sam@googlemail.com",
        "s.o@hotmail.co.uk",
        "sam_o@outlook.com",
        "sam@live.co.uk",
        "sam@msn.com",
        "sam+jobs@yahoo.com",
        "sam@yahoo.co.uk",
        "sam@icloud.com",
        "sam@me.com",
        "sam@aol.com",
        "sam@btinternet.com",
        "sam@protonmail.com",
        "sam@proton.me",
        "sam@gmx.co.uk",
        "sam@yandex.ru",
        "sam@mail.com",
        "sam@sky.com",
        "sam@virginmedia.com",
        "sam@talktalk.net",
        "SAM@GMAIL.COM",
    ],
)
def test_personal_email_addresses_are_found(address: str) -> None:
    text = f"Email me at {address} if you like."
    found = find_emails(text)
    assert [f.text for f in found] == [address]
    assert found[0].message == f"a personal e-mail address ({address})"
    assert kinds(text) == [("email", address)]


@pytest.mark.parametrize(
    "text",
    [
        "sam.okafor@nhs.net",
        "s.okafor@leedsandyorkpft.nhs.uk",
        "ips.team@mytrust.nhs.uk",
        "sam@ipsgrow.org.uk",
        "someone@company.co.uk",
        "mail.nhs.net is our system",
        "I worked at outlook.com and at Sky for 3 years",
        "I used Gmail and Hotmail at work",
    ],
)
def test_work_addresses_and_mentions_of_providers_are_not_flagged(text: str) -> None:
    assert find_emails(text) == []
    assert scan(text) == []


def test_spelled_out_personal_address_is_found() -> None:
    assert [f.kind for f in find_emails("write to sam dot o at gmail dot com")] == ["email"]
    assert [f.kind for f in find_emails("sam.o (at) hotmail (dot) co.uk")] == ["email"]
    assert find_emails("I worked at outlook dot com") == []


def test_personal_mail_domain_helper() -> None:
    assert is_personal_mail_domain("gmail.com")
    assert is_personal_mail_domain("Hotmail.CO.UK")
    assert not is_personal_mail_domain("nhs.net")
    assert not is_personal_mail_domain("mail.nhs.net")
    assert not is_personal_mail_domain("trust.nhs.uk")


# --------------------------------------------------------------------------- addresses


@pytest.mark.parametrize(
    ("text", "kind", "found"),
    [
        ("I live near SW1A 1AA.", "postcode", "SW1A 1AA"),
        ("M1 1AE", "postcode", "M1 1AE"),
        ("B33 8TH is home", "postcode", "B33 8TH"),
        ("LS1 4AP", "postcode", "LS1 4AP"),
        ("CR2 6XH", "postcode", "CR2 6XH"),
        ("DN55 1PT", "postcode", "DN55 1PT"),
        ("EC1A 1BB", "postcode", "EC1A 1BB"),
        ("LS14AP", "postcode", "LS14AP"),
        ("I live at 12 Acacia Avenue", "address", "I live at 12 Acacia Avenue"),
        ("drop it at 12 Acacia Avenue", "address", "12 Acacia Avenue"),
        ("4 Church Lane", "address", "4 Church Lane"),
        ("27b Mill Road, Leeds", "address", "27b Mill Road"),
        ("23 High St", "address", "23 High St"),
        ("Flat 3, the old mill", "address", "Flat 3"),
        ("apartment 12b", "address", "apartment 12b"),
        ("we live at number 9", "address", "we live at number 9"),
    ],
)
def test_home_addresses_are_found(text: str, kind: str, found: str) -> None:
    result = find_addresses(text)
    assert (kind, found) in [(f.kind, f.text) for f in result]
    assert kinds(text) and kinds(text)[0][0] == kind


@pytest.mark.parametrize(
    "text",
    [
        "I moved to Leeds in 2015",
        "a flat 3 miles from town",
        "a flat 2 bedroom place",
        "I support 3 Premier League fans",
        "I have worked for 10 years in the NHS",
        "I spent 2 years at Leeds Crown Court",
        "In 2015 Park Lane opened a new shop",
        "I ran 3 Great North Runs",
        "meet me at 2PM or 10AM",
        "I have a COVID19 jab and an A1 driving licence",
        "the M62 and the A1 are busy",
        "I help with CVs",
    ],
)
def test_ordinary_places_and_numbers_are_not_addresses(text: str) -> None:
    assert find_addresses(text) == []
    assert scan(text) == []


# --------------------------------------------------------------------------- social media


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("I'm @sam_okafor on most apps", "@sam_okafor"),
        ("find me: @zoe.h", "@zoe.h"),
        ("instagram.com/samokafor", "instagram.com/samokafor"),
        ("https://www.facebook.com/sam.okafor.9", "https://www.facebook.com/sam.okafor.9"),
        ("www.tiktok.com/@samo", "www.tiktok.com/@samo"),
        ("x.com/sam", "x.com/sam"),
        ("twitter.com/sam_o", "twitter.com/sam_o"),
        ("linkedin.com/in/sam-okafor", "linkedin.com/in/sam-okafor"),
        ("snapchat.com/add/samo", "snapchat.com/add/samo"),
        ("my Instagram is sam_o", "my Instagram is sam_o"),
        ("My insta: samokafor", "My insta: samokafor"),
        ("my TikTok handle is bakingsam", "my TikTok handle is bakingsam"),
        ("my Instagram is samokafor if you want photos", "my Instagram is samokafor"),
        ("follow me on TikTok", "follow me on TikTok"),
        ("add me on Facebook as Sam Okafor", "add me on Facebook as Sam"),
    ],
)
def test_social_media_handles_and_links_are_found(text: str, found: str) -> None:
    result = find_social(text)
    assert found in [f.text for f in result]
    assert [k for k, _ in kinds(text)] == ["social"]


@pytest.mark.parametrize(
    "text",
    [
        "@ the job centre",
        "I help with CVs",
        "meet @home or @work",
        "sam@nhs.net",
        "I help people set up LinkedIn profiles",
        "I use linkedin.com/jobs with clients",
        "my Instagram is mostly dogs",
        "my Facebook is private",
        "my Instagram is amazing for recipes",
        "I follow Leeds United on Twitter",
        "the facebook.com/help pages",
        "I enjoy Instagram and TikTok",
    ],
)
def test_ordinary_mentions_of_social_media_are_not_flagged(text: str) -> None:
    assert find_social(text) == []
    assert scan(text) == []


# --------------------------------------------------------------------------- sharing plan


def test_plan_terms_match_case_insensitively_on_word_boundaries() -> None:
    blocked = ["my divorce", "Gambling"]
    text = "Since My  Divorce I took up gambling-free hobbies; not about the divorcee."
    found = find_plan_terms(text, blocked)
    assert [f.text for f in found] == ["Divorce", "gambling"]
    assert found[0].message == "the topic 'my divorce' from your sharing plan (the word 'Divorce')"
    assert [f.text for f in find_plan_terms("my divorced friend", blocked)] == ["divorced"]
    assert find_plan_terms("a divorcee and a gambler", blocked) == []
    assert find_plan_terms("anything at all", ["", "   "]) == []


def test_plan_terms_with_punctuation_are_escaped() -> None:
    assert [f.text for f in find_plan_terms("I had C++ (then) issues", ["C++ (then)"])] == [
        "C++ (then)"
    ]
    assert find_plan_terms("I help with CVs", ["CV"]) == []


def test_plan_terms_only_apply_when_given() -> None:
    assert scan("my divorce") == []
    assert kinds("my divorce", ("my divorce",)) == [("plan_term", "divorce")]


# ------------------------------------------------------------- plan topics by content words

TOPIC_HITS = [
    ("My time in hospital", "I was in hospital in 2019.", ["hospital"]),
    ("My time in hospital", "Two hospital stays taught me patience.", ["hospital"]),
    ("my time in hospital", "The Hospital's staff were kind.", ["Hospital's"]),
    ("Time off work after my breakdown", "After a breakdown I took a year out.", ["breakdown"]),
    ("my divorce", "Since I divorced I have rebuilt my confidence.", ["divorced"]),
    ("Debts and gambling", "I used to gamble and ran up debts.", ["gamble", "debts"]),
    ("my brother's prison sentence", "My brother spent a year in prison.", ["brother", "prison"]),
    ("My sister's drinking", "My sister was drinking heavily then.", ["sister", "drinking"]),
    ("Being sectioned", "I was sectioned twice.", ["sectioned"]),
    ("My mental health", "I talk openly about my mental health.", ["my mental health"]),
]

TOPIC_CLEAR = [
    ("My time in hospital", "I worked in hospitality for ten years."),
    ("My time in hospital", "In my free time I run and cook."),
    ("Time off work after my breakdown", "I work part time and love my job."),
    ("Time off work after my breakdown", "Time off work is important to me."),
    ("my divorce", "I help divorcees find work."),
    ("Debts and gambling", "I can point you to free debt advice."),
    ("my brother's prison sentence", "My brother and I run a five-a-side team."),
    ("My sister's drinking", "My sister works as a nurse in Leeds."),
    ("My mental health", "IPS helps people who use mental health services to find work."),
    ("My time in care", "I work closely with your care team."),
]


@pytest.mark.parametrize(("topic", "text", "words"), TOPIC_HITS)
def test_plan_topics_match_by_their_content_words(topic: str, text: str, words: list[str]) -> None:
    found = find_plan_terms(text, [topic])
    assert [f.text for f in found] == words
    assert all(f.kind == "plan_term" and f.topic == topic for f in found)
    for f in found:
        assert text[f.start : f.end] == f.text
        assert f"'{topic}'" in f.message and f"'{f.text}'" in f.message


@pytest.mark.parametrize(("topic", "text"), TOPIC_CLEAR)
def test_plan_topics_do_not_catch_ordinary_sentences(topic: str, text: str) -> None:
    assert find_plan_terms(text, [topic]) == []


def test_a_plan_topic_finding_names_the_topic_and_the_words() -> None:
    (found,) = find_plan_terms("I was in hospital in 2019.", ["My time in hospital"])
    assert found.words == ("hospital",)
    assert (
        found.message
        == "the topic 'My time in hospital' from your sharing plan (the word 'hospital')"
    )
    two = find_plan_terms("I used to gamble and ran up debts.", ["Debts and gambling"])
    assert two[0].words == ("gamble", "debts")
    assert "(the words 'gamble' and 'debts')" in two[0].message
    assert [f.text for f in scan("I was in hospital in 2019.", ["My time in hospital"])] == [
        "hospital"
    ]


def test_plan_topic_words_ignore_stop_words_and_keep_content_words() -> None:
    assert plan_topic_words("My time in hospital") == ("hospital",)
    assert plan_topic_words("Time off work after my breakdown") == ("work", "breakdown")
    assert plan_topic_words("my brother's prison sentence") == ("brother", "prison", "sentence")
    assert plan_topic_words("the") == ()


# --------------------------------------------------------------------------- scan


def test_scan_orders_findings_and_removes_overlaps() -> None:
    text = "Flat 3, 12 Acacia Avenue, LS1 4AP; sam@gmail.com; @samo; 07700 900123"
    found = scan(text)
    assert [(f.kind, f.text) for f in found] == [
        ("address", "Flat 3"),
        ("address", "12 Acacia Avenue"),
        ("postcode", "LS1 4AP"),
        ("email", "sam@gmail.com"),
        ("social", "@samo"),
        ("phone", "07700 900123"),
    ]
    for f in found:
        assert text[f.start : f.end] == f.text


def test_email_is_not_also_reported_as_a_handle() -> None:
    assert kinds("sam@gmail.com") == [("email", "sam@gmail.com")]


def test_summarise_and_advice() -> None:
    found = scan("07700 900123 or M1 1AE")
    assert summarise(found) == "a phone number (07700 900123) and a postcode (M1 1AE)"
    assert summarise([]) == ""
    assert "work phone" in advice("phone")
    assert advice("nonsense")
    for kind in privacy.KINDS:
        assert advice(kind) != advice("nonsense")


@settings(max_examples=150, deadline=None)
@given(st.text(max_size=300), st.lists(st.text(max_size=12), max_size=3))
def test_scan_never_fails_and_spans_match(text: str, blocked: list[str]) -> None:
    for f in scan(text, blocked):
        assert text[f.start : f.end] == f.text
        assert f.kind in privacy.KINDS


@settings(max_examples=100, deadline=None)
@given(
    st.lists(st.sampled_from(["I", "worked", "in", "retail", "for", "years", "and"]), max_size=40)
)
def test_plain_words_are_never_flagged(words: list[str]) -> None:
    assert scan(" ".join(words)) == []
