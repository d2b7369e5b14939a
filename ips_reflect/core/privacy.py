"""The privacy guard: personal contact details in text that will be shared.

A biography is public: clients, colleagues and employers read it. The paper is
clear that contact details cross a professional boundary, so before a card is
accepted every text field is scanned for

* phone numbers (UK mobiles and landlines, international numbers),
* personal e-mail addresses (webmail and home broadband providers; a work
  address such as ``name@nhs.net`` is fine),
* home addresses (UK postcodes, "12 Acacia Avenue", "Flat 3"),
* social-media handles and profile links,
* topics the practitioner's own sharing plan marks as never / too raw,
  matched by their content words (see :func:`find_plan_terms`).

Every function is pure and returns :class:`Finding` records with the exact
span that triggered them. Precision matters more than recall: ordinary
sentences about work ("I answered phones in a call centre", "I moved to Leeds
in 2015", "@ the job centre") must never be flagged.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from ips_reflect.core.plantopics import match_topics, plan_topic_words

__all__ = [
    "KINDS",
    "Finding",
    "advice",
    "find_addresses",
    "find_emails",
    "find_phones",
    "find_plan_terms",
    "find_social",
    "plan_topic_words",
    "scan",
    "summarise",
]


@dataclass(frozen=True)
class Finding:
    """One piece of text that should not be shared.

    ``message`` describes what was found in words, for example
    ``"a phone number (07700 900123)"``; ``text[start:end]`` of the scanned
    string is ``text``. A plan topic also carries ``topic`` and ``words``.
    """

    kind: str
    text: str
    start: int
    end: int
    message: str
    topic: str = ""  # for a plan topic: its name as the plan gives it
    words: tuple[str, ...] = ()  # for a plan topic: the words of the text that matched


KINDS: dict[str, str] = {
    "phone": "a phone number",
    "email": "a personal e-mail address",
    "address": "a home address",
    "postcode": "a postcode",
    "social": "a social-media handle or link",
    "plan_term": "words your sharing plan keeps private",
}

_ADVICE: dict[str, str] = {
    "phone": "remove it: people reach you through the service's work phone, not your own",
    "email": "remove it: use your work e-mail for anything to do with work",
    "address": "remove it: where you live stays private",
    "postcode": "remove it: where you live stays private",
    "social": "remove it: keep your social media separate from work",
    "plan_term": "remove it or reword it: your own sharing plan says this stays private",
}


def advice(kind: str) -> str:
    """What to do about a finding of this kind, as a clause."""
    return _ADVICE.get(kind, "remove it before sharing")


def _finding(kind: str, text: str, start: int, end: int) -> Finding:
    found = text[start:end]
    what = KINDS[kind]
    message = f"{what} ('{found}')" if kind == "plan_term" else f"{what} ({found})"
    return Finding(kind, found, start, end, message)


# --------------------------------------------------------------------------- phones

# A run of digits with the separators people type: spaces, dashes, dots, brackets.
_PHONE_CANDIDATE = re.compile(
    r"(?<![\w£$€¥+.,/:])"  # not part of a word, price, decimal, date or time
    r"(?:\+\s?|\(\s?\+?\s?)?"  # optional + or opening bracket
    r"\d(?:[ \t\-.()]{0,3}\d){5,15}"
    r"(?![\w/:%£$€])"  # not followed by a unit, date or time part
)
_PHONE_CUE = re.compile(
    r"(?:\b(?:call|ring|text|phone|mobile|mob|tel|telephone|whatsapp|contact)"
    r"(?:\s+me)?(?:\s+(?:on|at))?|\bnumber(?:\s+is)?|\btel\.)\s*[:\-]?\s*$",
    re.IGNORECASE,
)
_UK_FIRST = set("1235789")


def _is_phone(candidate: str, prefix: str) -> bool:
    digits = re.sub(r"\D", "", candidate)
    stripped = candidate.lstrip("( \t")
    if stripped.startswith("+"):
        if digits.startswith("44"):
            national = digits[2:]
            if national.startswith("0"):  # +44 (0)7700 ...
                national = national[1:]
            return len(national) in (9, 10) and national[0] in _UK_FIRST
        return 8 <= len(digits) <= 15
    if digits.startswith("00"):
        return 10 <= len(digits) <= 15 and digits[2] != "0"
    if digits.startswith("0"):
        return len(digits) in (10, 11) and digits[1] in _UK_FIRST
    # No trunk prefix: only a phone number if the words just before say so
    # ("ring me on 496 0000"), never an ordinary number or a year.
    return len(digits) >= 6 and bool(_PHONE_CUE.search(prefix[-40:]))


def find_phones(text: str) -> list[Finding]:
    """UK and international phone numbers; years, dates, times and prices are left alone."""
    out: list[Finding] = []
    for m in _PHONE_CANDIDATE.finditer(text):
        start, end = m.start(), m.end()
        # Drop a trailing unmatched bracket or separator that the pattern cannot end on.
        candidate = text[start:end]
        if _is_phone(candidate, text[:start]):
            if candidate.startswith("(") and ")" not in candidate:
                start += 1
            out.append(_finding("phone", text, start, end))
    return out


# --------------------------------------------------------------------------- e-mail

_EMAIL = re.compile(
    r"(?<![\w.+-])([\w.+'-]{1,64})@((?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\.)+"
    r"[A-Za-z]{2,24})(?![\w-])"
)
_DOT = r"(?:\(dot\)|\[dot\]|\{dot\}|\s+dot\s+|\.)"
_LOCAL = r"[\w+-]{1,64}(?:(?:\.|\s+dot\s+)[\w+-]{1,64}){0,6}"
_SUFFIX_WORDS = rf"(com|co\s*{_DOT}\s*uk|net|org|me|de)"
# Words that come before "at" in an ordinary sentence ("I worked at ...").
_NOT_LOCAL = (
    r"worked|work|working|works|was|were|am|is|are|been|be|job|jobs|time|shop|shopped|"
    r"started|staff|me|us|them|him|her|it|look|looked|looking|good|great|bad|arrived|"
    r"stayed|volunteered|trained|studied|met|then|now|still|later|even"
)
# "sam (at) gmail (dot) com" and "sam at gmail dot com" (both words spelled out,
# so "I worked at outlook.com" stays a sentence about work).
_EMAIL_SPELLED = (
    re.compile(
        rf"(?<![\w.+-]){_LOCAL}\s*(?:\(at\)|\[at\]|\{{at\}})\s*"
        rf"([A-Za-z0-9-]+)\s*{_DOT}\s*{_SUFFIX_WORDS}\b",
        re.IGNORECASE,
    ),
    re.compile(
        rf"(?<![\w.+-])(?!(?:{_NOT_LOCAL})\s)({_LOCAL})\s+at\s+([A-Za-z0-9-]+)\s+dot\s+"
        r"(com|co\s+dot\s+uk|net|org|me|de)\b",
        re.IGNORECASE,
    ),
)
# Webmail and home-broadband providers: the part before the public suffix.
PERSONAL_MAIL_BRANDS: frozenset[str] = frozenset(
    {
        "gmail",
        "googlemail",
        "hotmail",
        "outlook",
        "live",
        "msn",
        "windowslive",
        "yahoo",
        "ymail",
        "rocketmail",
        "icloud",
        "aol",
        "aim",
        "btinternet",
        "btopenworld",
        "talk21",
        "protonmail",
        "gmx",
        "yandex",
        "mail",
        "email",
        "sky",
        "virginmedia",
        "virgin",
        "blueyonder",
        "ntlworld",
        "talktalk",
        "tiscali",
        "plusnet",
        "zoho",
        "fastmail",
        "tutanota",
        "tuta",
        "hushmail",
        "lycos",
        "inbox",
        "qq",
        "163",
        "126",
        "rediffmail",
        "web",
        "orange",
        "wanadoo",
        "freeserve",
        "ukonline",
    }
)
# Whole domains that are personal whatever their suffix.
PERSONAL_MAIL_DOMAINS: frozenset[str] = frozenset(
    {"me.com", "mac.com", "proton.me", "pm.me", "hey.com", "tuta.io", "mail.ru"}
)
_PUBLIC_SUFFIXES = frozenset(
    {
        "com",
        "net",
        "org",
        "co.uk",
        "org.uk",
        "uk",
        "ie",
        "de",
        "fr",
        "es",
        "it",
        "nl",
        "be",
        "pl",
        "ru",
        "ca",
        "com.au",
        "co.nz",
        "co.in",
        "in",
        "cn",
        "ch",
        "at",
        "se",
        "dk",
        "no",
        "fi",
        "pt",
        "gr",
        "tr",
        "com.tr",
        "co.za",
        "eu",
        "io",
        "me",
        "us",
        "ng",
        "com.ng",
        "pk",
        "com.pk",
        "ro",
        "cz",
        "hu",
        "lt",
        "lv",
        "ee",
    }
)


def is_personal_mail_domain(domain: str) -> bool:
    """True for webmail and home-broadband domains (``gmail.com``, ``btinternet.com``)."""
    d = domain.lower().rstrip(".")
    if d in PERSONAL_MAIL_DOMAINS:
        return True
    brand, _, suffix = d.partition(".")
    return brand in PERSONAL_MAIL_BRANDS and suffix in _PUBLIC_SUFFIXES


def find_emails(text: str) -> list[Finding]:
    """Personal e-mail addresses; work addresses (``@nhs.net``, ``@trust.nhs.uk``) pass."""
    out: list[Finding] = []
    for m in _EMAIL.finditer(text):
        if is_personal_mail_domain(m.group(2)):
            out.append(_finding("email", text, m.start(), m.end()))
    for pattern in _EMAIL_SPELLED:
        for m in pattern.finditer(text):
            if m.group(pattern.groups - 1).lower() in PERSONAL_MAIL_BRANDS:
                out.append(_finding("email", text, m.start(), m.end()))
    return out


# --------------------------------------------------------------------------- addresses

# UK postcodes in capitals, as they are written on envelopes. The inward part
# never uses the letters C I K M O V, which keeps "2PM" and similar out.
_POSTCODE = re.compile(
    r"(?<![A-Za-z0-9])(?:GIR ?0AA|"
    r"(?:[A-PR-UWYZ][0-9][0-9]?|[A-PR-UWYZ][A-HK-Y][0-9][0-9]?|"
    r"[A-PR-UWYZ][0-9][A-HJKPSTUW]|[A-PR-UWYZ][A-HK-Y][0-9][ABEHMNPRVWXY])"
    r" ?[0-9][ABD-HJLNP-UW-Z]{2})(?![A-Za-z0-9])"
)
_STREET_TYPES = (
    "Road|Rd|Street|St|Avenue|Ave|Lane|Ln|Close|Drive|Dr|Way|Crescent|Cres|Court|Ct|"
    "Place|Pl|Grove|Gardens|Gdns|Terrace|Terr|Square|Sq|Mews|Rise|Parade|Boulevard|"
    "Walk|Row|Hill|Park|Green|View|Fold|Croft|Wynd|Chase|Gate|Vale|Meadows|Drove"
)
_STREET = re.compile(
    r"(?<![\w£$€.,/:-])\d{1,3}[A-Za-z]?,?\s+"
    r"(?:[A-Z][\w'’-]*\s+){1,3}"
    rf"(?:{_STREET_TYPES})\b(?!-)"
)
_FLAT = re.compile(
    r"\b(?:flat|apartment|apt\.?)\s+\d{1,4}[a-z]?\b"
    r"(?!\s*(?:%|percent|per\b|miles?|km|metres?|meters?|feet|ft|years?|yrs?|months?|"
    r"weeks?|days?|hours?|hrs?|minutes?|mins?|times?|people|pounds?|quid|floors?|"
    r"storeys?|stories|rooms?|bed|beds|bedrooms?|of\b|and\b|or\b|to\b|-))",
    re.IGNORECASE,
)
_LIVE_AT = re.compile(
    r"\b(?:I|we)\s+live\s+at\s+(?:number\s+|no\.?\s*)?\d{1,4}[a-z]?\b(?:,?\s+[A-Z][\w'’-]*)*",
    re.IGNORECASE,
)
# A street-type word that is really part of a well-known non-address phrase.
_NOT_STREETS = re.compile(r"\b(?:Premier|Champions|Football)\s", re.IGNORECASE)


def find_addresses(text: str) -> list[Finding]:
    """UK postcodes, "12 Acacia Avenue", "Flat 3", "I live at 4 ..."."""
    out: list[Finding] = []
    for m in _POSTCODE.finditer(text):
        out.append(_finding("postcode", text, m.start(), m.end()))
    for m in _STREET.finditer(text):
        if _NOT_STREETS.search(m.group(0)):
            continue
        out.append(_finding("address", text, m.start(), m.end()))
    for m in _FLAT.finditer(text):
        out.append(_finding("address", text, m.start(), m.end()))
    for m in _LIVE_AT.finditer(text):
        out.append(_finding("address", text, m.start(), m.end()))
    return out


# --------------------------------------------------------------------------- social media

_PLATFORMS = (
    r"instagram|insta|ig|facebook|fb|tiktok|tik\s?tok|twitter|x|snapchat|snap|"
    r"linkedin|threads|youtube|bluesky|bsky|mastodon|whatsapp|telegram|discord|"
    r"pinterest|tumblr|twitch|reddit|onlyfans"
)
_SOCIAL_URL = re.compile(
    r"(?<![\w.])(?:https?://)?(?:www\.|m\.|[a-z]{2}\.)?"
    r"(instagram\.com|instagr\.am|facebook\.com|fb\.com|fb\.me|tiktok\.com|"
    r"twitter\.com|x\.com|linkedin\.com|snapchat\.com|threads\.net|youtube\.com|"
    r"youtu\.be|bsky\.app|t\.me|wa\.me|discord\.gg|pinterest\.com|pinterest\.co\.uk|"
    r"tumblr\.com|twitch\.tv|reddit\.com|onlyfans\.com|linktr\.ee)"
    r"/([\w.@%+~#=&?/-]*[\w@/])",
    re.IGNORECASE,
)
# Pages of a site that are about the site, not a person.
_SITE_PAGES = frozenset({"help", "jobs", "about", "legal", "privacy", "learning", "business"})
_HANDLE = re.compile(r"(?<![\w@.+\-/])@([A-Za-z0-9_](?:[A-Za-z0-9_.]{0,28}[A-Za-z0-9_])?)\b")
_NOT_HANDLES = frozenset({"home", "work", "school", "the", "a", "an", "me", "you", "us"})
_MY_PLATFORM = re.compile(
    rf"\bmy\s+(?:{_PLATFORMS})(?:\s+(handle|name|username|user\s+name|account|page|"
    r"profile|id|tag))?\s*(is|=|:)\s*(@?)([\w.]{2,})",
    re.IGNORECASE,
)
# Words that follow "my Instagram is" in an ordinary sentence.
_NOT_ACCOUNT_NAMES = frozenset(
    {
        "private",
        "mostly",
        "mainly",
        "just",
        "all",
        "full",
        "only",
        "about",
        "where",
        "pretty",
        "great",
        "not",
        "for",
        "the",
        "a",
        "an",
        "my",
        "very",
        "really",
        "quiet",
        "closed",
        "locked",
        "off",
        "on",
    }
)
_TURN_WORDS = frozenset({"if", "so", "and", "or", "but", "-", "–", "—", "where"})
_FIND_ME_ON = re.compile(
    r"\b(?:find|follow|add|message|dm|contact|friend)\s+me\s+(?:on|at|via)\s+"
    rf"(?:{_PLATFORMS})\b(?:\s+(?:at|as)\s+@?[\w.]{{2,}})?",
    re.IGNORECASE,
)


def _looks_like_account(m: re.Match[str]) -> bool:
    keyword, sep, at, name = m.group(1), m.group(2), m.group(3), m.group(4)
    if at or keyword or sep in ":=":
        return True
    if any(c.isdigit() or c in "_." for c in name):
        return True
    if name.lower() in _NOT_ACCOUNT_NAMES:
        return False
    # A bare word is a user name only when the sentence stops or turns after it:
    # "my Instagram is samokafor." / "... is samokafor if you want photos".
    rest = m.string[m.end() :].lstrip()
    return not rest or rest[0] in ".,;!?)" or rest.split()[0].lower() in _TURN_WORDS


def find_social(text: str) -> list[Finding]:
    """Handles (``@sam_o``), profile links, and "my Instagram is ...", "follow me on TikTok"."""
    out: list[Finding] = []
    for m in _SOCIAL_URL.finditer(text):
        site, path = m.group(1).lower(), m.group(2)
        first = path.strip("/").split("/")[0].lower()
        if site == "linkedin.com":
            if first not in ("in", "pub"):
                continue
        elif first in _SITE_PAGES or len(first) < 2:
            continue
        out.append(_finding("social", text, m.start(), m.end()))
    for m in _HANDLE.finditer(text):
        if m.group(1).lower() in _NOT_HANDLES:
            continue
        out.append(_finding("social", text, m.start(), m.end()))
    for m in _MY_PLATFORM.finditer(text):
        if _looks_like_account(m):
            out.append(_finding("social", text, m.start(), m.end()))
    for m in _FIND_ME_ON.finditer(text):
        out.append(_finding("social", text, m.start(), m.end()))
    return out


# --------------------------------------------------------------------------- sharing plan


def _quote_words(words: Sequence[str]) -> str:
    quoted = [f"'{w}'" for w in words]
    if len(quoted) == 1:
        return f"the word {quoted[0]}"
    return "the words " + ", ".join(quoted[:-1]) + " and " + quoted[-1]


def find_plan_terms(text: str, blocked_phrases: Iterable[str]) -> list[Finding]:
    """Topics from the practitioner's sharing plan marked never / too raw.

    A topic is matched by its content words, not as a literal phrase (see
    :func:`ips_reflect.core.plantopics.match_topics`): "My time in hospital"
    catches "I was in hospital in 2019", and "Time off work after my
    breakdown" leaves "I work part time" alone. Each finding names the topic
    (``Finding.topic``) and the words that matched (``Finding.words``).
    """
    out: list[Finding] = []
    for m in match_topics(text, blocked_phrases):
        message = f"the topic '{m.topic}' from your sharing plan ({_quote_words(m.words)})"
        out.append(
            Finding("plan_term", text[m.start : m.end], m.start, m.end, message, m.topic, m.words)
        )
    return out


# --------------------------------------------------------------------------- all rules

_PRIORITY = {"email": 0, "social": 1, "phone": 2, "address": 3, "postcode": 4, "plan_term": 5}


def scan(text: str, blocked_phrases: Sequence[str] = ()) -> list[Finding]:
    """Every finding in ``text``, in reading order, without overlaps.

    Where two rules match overlapping text, the longer match wins (then the
    more specific kind), so "sam@gmail.com" is one e-mail, not also a handle.
    """
    found = [
        *find_emails(text),
        *find_social(text),
        *find_phones(text),
        *find_addresses(text),
        *find_plan_terms(text, blocked_phrases),
    ]
    found.sort(key=lambda f: (-(f.end - f.start), _PRIORITY[f.kind], f.start))
    kept: list[Finding] = []
    for f in found:
        if any(f.start < k.end and k.start < f.end for k in kept):
            continue
        kept.append(f)
    kept.sort(key=lambda f: (f.start, f.end))
    return kept


def summarise(findings: Sequence[Finding]) -> str:
    """The findings as one phrase: "a phone number (07700 900123) and a postcode (M1 1AE)"."""
    parts = [f.message for f in findings]
    if not parts:
        return ""
    if len(parts) == 1:
        return parts[0]
    return ", ".join(parts[:-1]) + " and " + parts[-1]
