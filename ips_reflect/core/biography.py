"""Drafting a short "meet the team" biography from a few answers.

The practitioner fills in what they are happy to share (role, why they do the
work, previous jobs, interests, favourites, languages...) and picks a template;
:func:`draft_biography` turns that into a first-person draft in plain British
English that they then edit. Drafts are deterministic: the same answers and
template always give the same words.

A draft aims for 80-150 words. When only a few answers are given it adds
neutral sentences about the IPS role rather than leaving gaps; when there is a
lot it trims long lists. It never prints an empty placeholder or "None".

:func:`word_count` and :func:`reading_age` help people keep the text short and
easy to read.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field, fields
from typing import Any

__all__ = [
    "TEMPLATES",
    "BioFields",
    "ReadingAge",
    "draft_biography",
    "join_list",
    "list_phrase",
    "reading_age",
    "word_count",
]

MIN_WORDS = 80
MAX_WORDS = 150

TEMPLATES: dict[str, str] = {
    "warm": "Warm and personal: who I am, why I do this work, then life outside work",
    "brief": "Short and simple: the essentials in a few sentences",
    "work_history": "Work history first: the jobs and sectors I know, then a bit about me",
}


@dataclass
class BioFields:
    """What the practitioner is happy to put in a biography. Every field is optional."""

    name: str = ""
    role: str = ""
    pronouns: str = ""
    why: str = ""
    years: int | str | None = None
    previous_jobs: Sequence[str] = ()
    interests: Sequence[str] = ()
    likes: Sequence[str] = ()
    happy_to_share: Sequence[str] = ()
    favourite_film: str = ""
    favourite_tv: str = ""
    favourite_book: str = ""
    favourite_music: str = ""
    languages: Sequence[str] = ()
    sectors: Sequence[str] = ()
    extra: dict[str, Any] = field(default_factory=dict)

    @classmethod
    def from_mapping(cls, values: Mapping[str, Any]) -> BioFields:
        """Build from a dict (for example a form's answers); unknown keys go to ``extra``.

        ``why_i_do_this_work`` is accepted as a name for ``why``.
        """
        names = {f.name for f in fields(cls)} - {"extra"}
        known: dict[str, Any] = {}
        extra: dict[str, Any] = {}
        for key, value in values.items():
            k = "why" if key == "why_i_do_this_work" else key
            if k in names:
                known[k] = value
            else:
                extra[key] = value
        return cls(**known, extra=extra)


# --------------------------------------------------------------------------- text helpers

_WORD = re.compile(r"[^\W_](?:[\w'’.-]*[^\W_])?")


def word_count(text: str) -> int:
    """Words as people count them: "five-a-side" and "don't" are one word each."""
    return len(_WORD.findall(text or ""))


def _clean(value: object) -> str:
    """A field value as tidy text; anything empty (None, "", "none", "n/a") becomes ""."""
    if value is None:
        return ""
    text = " ".join(str(value).split())
    if text.casefold() in {"none", "n/a", "na", "-", "null", "nothing", "no"}:
        return ""
    return text


def _clean_list(values: Iterable[object] | str | None) -> list[str]:
    if values is None:
        return []
    if isinstance(values, str):
        values = re.split(r"\s*[;,\n]\s*", values)
    out: list[str] = []
    seen: set[str] = set()
    for v in values:
        t = _clean(v).rstrip(".")
        if t and t.casefold() not in seen:
            seen.add(t.casefold())
            out.append(t)
    return out


_HAS_AND = re.compile(r"\band\b|&", re.IGNORECASE)


def join_list(items: Sequence[str], limit: int | None = None) -> str:
    """ "a", "a and b", "a, b and c" (British style, no serial comma).

    An item with its own "and" ("warehousing and logistics") goes last and
    lends the list its "and", so the list never reads "a and b and c":
    ["retail", "warehousing and logistics"] gives "retail, warehousing and logistics".
    """
    chosen = list(items[:limit] if limit else items)
    if not chosen:
        return ""
    if len(chosen) == 1:
        return chosen[0]
    with_and = [i for i, item in enumerate(chosen) if _HAS_AND.search(item)]
    if with_and:
        last = chosen.pop(with_and[-1])
        return ", ".join([*chosen, last])
    return ", ".join(chosen[:-1]) + " and " + chosen[-1]


# Words ending in -ing that are things, not doings: "my wedding" keeps its "my".
_ING_NOUNS = frozenset(
    [
        "thing",
        "something",
        "nothing",
        "anything",
        "everything",
        "king",
        "ring",
        "spring",
        "string",
        "wing",
        "morning",
        "evening",
        "ceiling",
        "wedding",
        "building",
        "sibling",
        "upbringing",
        "darling",
        "clothing",
        "housing",
        "earring",
        "offspring",
        "pudding",
    ]
)


def _is_ing(word: str) -> bool:
    low = word.casefold()
    return len(low) >= 5 and low.endswith("ing") and low not in _ING_NOUNS


def _title_word(word: str) -> bool:
    """True for "Living" or "My" (a capital that only starts the line), not "ADHD"."""
    return word[:1].isupper() and (len(word) == 1 or word[1:].islower())


def list_phrase(item: str) -> str:
    """A list answer as it reads inside a sentence, otherwise in the person's own words.

    A doing needs no "my": "my living with anxiety" gives "living with anxiety"
    ("I am happy to talk about living with anxiety"); a capital that only
    starts the line goes ("Being a carer" gives "being a carer"). "my
    redundancy", names and initials ("ADHD", "Ramadan") stay as written.
    """
    words = item.split()
    if len(words) > 2 and words[0].casefold() in ("my", "our") and _is_ing(words[1]):
        words = words[1:]
    if not words:
        return item
    first = words[0]
    if (_is_ing(first) or first.casefold() in ("my", "our")) and _title_word(first):
        words[0] = first[0].lower() + first[1:]
    return " ".join(words)


def _sentence(text: str) -> str:
    """Capitalise the first letter and make sure the sentence ends with a full stop."""
    text = text.strip()
    if not text:
        return ""
    text = text[0].upper() + text[1:]
    if text[-1] not in ".!?…":
        text += "."
    return text


_AN_LETTERS = set("aeiou")
_AN_INITIALISMS = set("AEFHILMNORSX")


def _article(phrase: str) -> str:
    """ "a" or "an" for a job title: an Employment Specialist, an IPS worker, a team leader."""
    first = phrase.split()[0] if phrase.split() else ""
    if not first:
        return "a"
    if first.lower() in {"a", "an", "the"}:
        return ""
    if len(first) > 1 and first.isupper() and first.isalpha():  # initialism: IPS, NHS
        return "an" if first[0] in _AN_INITIALISMS else "a"
    low = first.lower()
    if low.startswith(("uni", "use", "usu", "eu", "one", "once")):
        return "a"
    if low.startswith(("hour", "honest", "heir")):
        return "an"
    return "an" if low[0] in _AN_LETTERS else "a"


def _with_article(phrase: str) -> str:
    art = _article(phrase)
    return f"{art} {phrase}" if art else phrase


def _years_phrase(years: int | str | None) -> str:
    if years is None or years == "":
        return ""
    if isinstance(years, str):
        y = years.strip()
        if not y:
            return ""
        if not y.isdigit():
            return f"for {y}" if not y.lower().startswith(("for ", "since ")) else y
        years = int(y)
    if years <= 0:
        return ""
    if years == 1:
        return "for a year"
    return f"for {years} years"


# --------------------------------------------------------------------------- sentences


@dataclass
class _Facts:
    name: str
    role: str
    pronouns: str
    why: str
    years: str
    jobs: list[str]
    interests: list[str]
    likes: list[str]
    share: list[str]
    film: str
    tv: str
    book: str
    music: str
    languages: list[str]
    sectors: list[str]


def _facts(f: BioFields) -> _Facts:
    return _Facts(
        name=_clean(f.name),
        role=_clean(f.role),
        pronouns=_clean(f.pronouns),
        why=_clean(f.why),
        years=_years_phrase(f.years),
        jobs=_clean_list(f.previous_jobs),
        interests=[list_phrase(i) for i in _clean_list(f.interests)],
        likes=[list_phrase(i) for i in _clean_list(f.likes)],
        share=[list_phrase(i) for i in _clean_list(f.happy_to_share)],
        film=_clean(f.favourite_film),
        tv=_clean(f.favourite_tv),
        book=_clean(f.favourite_book),
        music=_clean(f.favourite_music),
        languages=_clean_list(f.languages),
        sectors=_clean_list(f.sectors),
    )


def _hello(x: _Facts, greeting: str = "Hello") -> str:
    if x.name:
        return f"{greeting}, I'm {x.name}."
    return f"{greeting}, and welcome."


def _role(x: _Facts) -> str:
    if x.role and x.years:
        return f"I have been working as {_with_article(x.role)} {x.years}."
    if x.role:
        return f"I work as {_with_article(x.role)} in the IPS team."
    if x.years:
        return f"I have been helping people into work {x.years}."
    return ""


def _pronouns(x: _Facts) -> str:
    return f"My pronouns are {x.pronouns}." if x.pronouns else ""


def _why(x: _Facts, lead: str = "Why do I do this job?") -> str:
    if not x.why:
        return ""
    why = _sentence(x.why)
    if why.casefold().startswith("because "):
        return f"I do this work {why[0].lower()}{why[1:]}"
    if lead.endswith(":"):
        first = why.split()[0]
        if not (first == "I" or first.startswith(("I'", "I’")) or first.isupper()):
            why = why[0].lower() + why[1:]
    return f"{lead} {why}" if lead else why


def _jobs(x: _Facts, limit: int) -> str:
    if not x.jobs:
        return ""
    jobs = x.jobs[:limit]
    if len(jobs) == 1:
        return f"Before this role I worked as {_with_article(jobs[0])}."
    return f"Before this role my jobs included {join_list(jobs)}."


def _sectors(x: _Facts, limit: int) -> str:
    if not x.sectors:
        return ""
    return (
        f"I know {join_list(x.sectors[:limit])} from the inside, so I am glad to share "
        "what I learned there with you and with colleagues."
    )


def _interests(x: _Facts, limit: int) -> str:
    if not x.interests:
        return ""
    return f"Outside work, my interests include {join_list(x.interests[:limit])}."


def _likes(x: _Facts, limit: int) -> str:
    if not x.likes:
        return ""
    return f"I also like {join_list(x.likes[:limit])}."


def _favourites(x: _Facts, limit: int = 3) -> str:
    parts = []
    if x.film:
        parts.append(f"my favourite film is {x.film}")
    if x.tv:
        parts.append(f"my favourite TV programme is {x.tv}")
    if x.book:
        parts.append(f"my favourite book is {x.book}")
    parts = parts[:limit]
    out = _sentence(join_list(parts)) if parts else ""
    if x.music:
        music = f"When it comes to music, I love {x.music}."
        out = f"{out} {music}".strip()
    return out


def _languages(x: _Facts) -> str:
    if not x.languages:
        return ""
    if len(x.languages) == 1:
        return f"I speak {x.languages[0]}."
    return f"I speak {join_list(x.languages[:5])}."


def _share(x: _Facts, limit: int) -> str:
    if not x.share:
        return ""
    return f"If it would help, I am happy to talk about {join_list(x.share[:limit])}."


# Neutral sentences about the IPS role, used (in this order) to pad sparse drafts.
_PADDING = (
    "IPS helps people who use mental health services to find paid work they want, "
    "and to keep it once they start.",
    "I work closely with your care team, and we go at a pace that feels right for you.",
    "Together we can look at the kind of work you would enjoy, and I can help with "
    "CVs, applications and talking to employers.",
    "After you start a job, I can keep in touch for as long as it is useful.",
    "Wanting to work is the only thing you need to get started.",
    "I look forward to meeting you and hearing about the work you would like to do.",
)
_CLOSING = "I look forward to meeting you."


# --------------------------------------------------------------------------- templates

# Each template is a list of (priority, builder) pairs in reading order. Sentences
# with a higher priority number are the first to be dropped when a draft is too long.
_Builder = Callable[[_Facts, int], str]
_Template = list[tuple[int, _Builder]]


def _t_warm() -> _Template:
    return [
        (0, lambda x, n: _hello(x, "Hello")),
        (0, lambda x, n: _role(x)),
        (2, lambda x, n: _pronouns(x)),
        (1, lambda x, n: _why(x)),
        (3, lambda x, n: _jobs(x, n)),
        (4, lambda x, n: _sectors(x, n)),
        (2, lambda x, n: _interests(x, n)),
        (6, lambda x, n: _likes(x, n)),
        (5, lambda x, n: _favourites(x)),
        (4, lambda x, n: _languages(x)),
        (3, lambda x, n: _share(x, n)),
    ]


def _t_brief() -> _Template:
    def who(x: _Facts, n: int) -> str:
        if x.name and x.pronouns:
            return f"Hi, I'm {x.name} ({x.pronouns})."
        return _hello(x, "Hi")

    def background(x: _Facts, n: int) -> str:
        if x.jobs and x.sectors:
            return (
                f"Before IPS I worked as {join_list([_with_article(j) for j in x.jobs[:n]])}, "
                f"and I know {join_list(x.sectors[:n])} well."
            )
        return _jobs(x, n) or _sectors(x, n)

    def life(x: _Facts, n: int) -> str:
        things = (x.interests + x.likes)[:n]
        return f"In my spare time I enjoy {join_list(things)}." if things else ""

    return [
        (0, who),
        (0, lambda x, n: _role(x)),
        (1, lambda x, n: _why(x, "")),
        (2, background),
        (3, life),
        (5, lambda x, n: _favourites(x, 1)),
        (4, lambda x, n: _languages(x)),
        (3, lambda x, n: _share(x, min(n, 2))),
    ]


def _t_work_history() -> _Template:
    def jobs(x: _Facts, n: int) -> str:
        if not x.jobs:
            return ""
        intro = "My working life so far"
        if len(x.jobs) == 1:
            return f"{intro} includes time as {_with_article(x.jobs[0])}."
        return f"{intro} includes {join_list(x.jobs[: n + 2])}."

    def sectors(x: _Facts, n: int) -> str:
        if not x.sectors:
            return ""
        return (
            f"That means I know how {join_list(x.sectors[:n])} work: what employers look "
            "for, the hours and what a first week can be like."
        )

    def colleagues(x: _Facts, n: int) -> str:
        if not (x.sectors or x.jobs):
            return ""
        return "Colleagues are welcome to ask me about these sectors when they help someone."

    def now(x: _Facts, n: int) -> str:
        if x.role and x.years:
            return f"I have now been {_with_article(x.role)} {x.years}."
        if x.role:
            return f"Now I work as {_with_article(x.role)}."
        return _role(x)

    return [
        (0, lambda x, n: _hello(x, "Hello")),
        (1, jobs),
        (2, sectors),
        (5, colleagues),
        (0, now),
        (2, lambda x, n: _pronouns(x)),
        (1, lambda x, n: _why(x, "I do this work because it matters to me:")),
        (3, lambda x, n: _interests(x, n)),
        (6, lambda x, n: _favourites(x, 2)),
        (4, lambda x, n: _languages(x)),
        (3, lambda x, n: _share(x, n)),
    ]


_TEMPLATE_BUILDERS: dict[str, Callable[[], _Template]] = {
    "warm": _t_warm,
    "brief": _t_brief,
    "work_history": _t_work_history,
}


def _render(template: _Template, x: _Facts, limit: int, drop_above: int) -> list[str]:
    out = []
    for priority, build in template:
        if priority > drop_above:
            continue
        s = build(x, limit).strip()
        if s:
            out.append(s)
    return out


def draft_biography(fields: BioFields | Mapping[str, Any], template: str = "warm") -> str:
    """A first-person draft biography (80-150 words when enough is given).

    ``template`` is one of :data:`TEMPLATES`. Raises ``ValueError`` for an
    unknown template name.
    """
    if template not in _TEMPLATE_BUILDERS:
        raise ValueError(f"unknown template {template!r}; choose one of {', '.join(TEMPLATES)}")
    f = fields if isinstance(fields, BioFields) else BioFields.from_mapping(fields)
    x = _facts(f)
    tmpl = _TEMPLATE_BUILDERS[template]()

    # Start generous, then drop optional sentences and shorten lists until it fits.
    sentences: list[str] = []
    for drop_above in (9, 6, 5, 4, 3, 2, 1):
        for limit in (4, 3, 2):
            sentences = _render(tmpl, x, limit, drop_above)
            if word_count(" ".join(sentences)) <= MAX_WORDS:
                break
        if word_count(" ".join(sentences)) <= MAX_WORDS:
            break

    # Pad sparse drafts with neutral sentences about the IPS role.
    body = " ".join(sentences)
    padding = [p for p in _PADDING if p not in body]
    closing_used = False
    for p in padding:
        if word_count(body) >= MIN_WORDS:
            break
        if word_count(body) + word_count(p) > MAX_WORDS:
            continue
        body = f"{body} {p}".strip()
        closing_used = closing_used or p.startswith("I look forward")
    if not closing_used and word_count(body) + word_count(_CLOSING) <= MAX_WORDS:
        body = f"{body} {_CLOSING}"
    return body.strip()


# --------------------------------------------------------------------------- readability


@dataclass(frozen=True)
class ReadingAge:
    """How easy a text is to read: Flesch-Kincaid grade and the UK reading age."""

    grade: float
    age: int
    hint: str

    def __str__(self) -> str:
        return self.hint


_SENTENCE_END = re.compile(r"[.!?…]+(?=\s|$)|\n\s*\n")


def _syllables(word: str) -> int:
    w = re.sub(r"[^a-z]", "", word.lower())
    if not w:
        return 1
    if len(w) <= 3:
        return 1
    w = re.sub(r"(?:[^laeiouy]es|[^laeiouy]ed|[^laeiouy]e)$", "", w)
    w = re.sub(r"^y", "", w)
    groups = re.findall(r"[aeiouy]{1,2}", w)
    return max(1, len(groups))


def reading_age(text: str) -> ReadingAge:
    """The Flesch-Kincaid grade of ``text`` as a UK reading age, with a plain hint.

    US grade + 5 gives the age at which most readers manage the text
    (grade 6 -> about age 11).
    """
    words = _WORD.findall(text or "")
    if not words:
        return ReadingAge(0.0, 0, "nothing to read yet")
    sentences = max(1, len([s for s in _SENTENCE_END.split(text) if _WORD.search(s)]))
    syllables = sum(_syllables(w) for w in words)
    grade = 0.39 * (len(words) / sentences) + 11.8 * (syllables / len(words)) - 15.59
    grade = round(max(0.0, grade), 1)
    age = max(7, min(19, round(grade + 5)))
    if age <= 11:
        hint = f"easy to read (about age {age})"
    elif age <= 13:
        hint = f"fairly easy to read (about age {age})"
    elif age <= 15:
        hint = f"a little harder to read (about age {age}); shorter sentences would help"
    else:
        hint = (
            f"hard to read (about age {min(age, 18)}{'+' if age >= 18 else ''}); "
            "try shorter sentences and everyday words"
        )
    return ReadingAge(grade, age, hint)
