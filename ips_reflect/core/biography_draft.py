"""Drafting a biography: the practitioner's answers (:class:`BioFields`), the
templates (:data:`TEMPLATES`) built from sentences, and :func:`draft_biography`,
which fits a draft to 80-150 words by dropping, trimming and padding sentences.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field, fields
from typing import Any

from ips_reflect.core.biography_phrases import (
    _clean,
    _clean_list,
    _sentence,
    _with_article,
    _years_phrase,
    join_list,
    list_phrase,
)
from ips_reflect.core.biography_reading import word_count

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


# --------------------------------------------------------------------------- sentences


@dataclass
class _Facts:
    """:class:`BioFields` tidied for the sentences: the same names, ``years`` as a
    phrase, lists without blanks and the things people like read as phrases."""

    name: str
    role: str
    pronouns: str
    why: str
    years: str
    previous_jobs: list[str]
    interests: list[str]
    likes: list[str]
    happy_to_share: list[str]
    favourite_film: str
    favourite_tv: str
    favourite_book: str
    favourite_music: str
    languages: list[str]
    sectors: list[str]


def _phrases(items: Sequence[str]) -> list[str]:
    return [list_phrase(i) for i in _clean_list(items)]


#: How each :class:`BioFields` value is tidied into the :class:`_Facts` of that name.
_TIDY: tuple[tuple[tuple[str, ...], Callable[[Any], Any]], ...] = (
    (("name", "role", "pronouns", "why"), _clean),
    (("favourite_film", "favourite_tv", "favourite_book", "favourite_music"), _clean),
    (("years",), _years_phrase),
    (("previous_jobs", "languages", "sectors"), _clean_list),
    (("interests", "likes", "happy_to_share"), _phrases),
)


def _facts(f: BioFields) -> _Facts:
    return _Facts(**{k: tidy(getattr(f, k)) for keys, tidy in _TIDY for k in keys})


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


def _job_list(jobs: Sequence[str], limit: int, one: str, many: str) -> str:
    """``one`` with the only job in ``jobs`` (with its article), else ``many`` with
    the first ``limit`` of them; "" when there are none."""
    if not jobs:
        return ""
    if len(jobs) == 1:
        return one.format(_with_article(jobs[0]))
    return many.format(join_list(jobs[:limit]))


def _jobs(x: _Facts, limit: int) -> str:
    return _job_list(
        x.previous_jobs[:limit],
        limit,
        "Before this role I worked as {}.",
        "Before this role my jobs included {}.",
    )


def _listed(items: Sequence[str], limit: int, sentence: str) -> str:
    """``sentence`` with the first ``limit`` of ``items`` joined into its ``{}``;
    "" when there are none."""
    return sentence.format(join_list(items[:limit])) if items else ""


def _sectors(x: _Facts, limit: int) -> str:
    return _listed(
        x.sectors,
        limit,
        "I know {} from the inside, so I am glad to share "
        "what I learned there with you and with colleagues.",
    )


def _interests(x: _Facts, limit: int) -> str:
    return _listed(x.interests, limit, "Outside work, my interests include {}.")


def _likes(x: _Facts, limit: int) -> str:
    return _listed(x.likes, limit, "I also like {}.")


def _favourites(x: _Facts, limit: int = 3) -> str:
    favourites = (
        ("film", x.favourite_film),
        ("TV programme", x.favourite_tv),
        ("book", x.favourite_book),
    )
    parts = [f"my favourite {what} is {value}" for what, value in favourites if value][:limit]
    out = _sentence(join_list(parts)) if parts else ""
    if x.favourite_music:
        music = f"When it comes to music, I love {x.favourite_music}."
        out = f"{out} {music}".strip()
    return out


def _languages(x: _Facts) -> str:
    return _listed(x.languages, 5, "I speak {}.")


def _share(x: _Facts, limit: int) -> str:
    return _listed(x.happy_to_share, limit, "If it would help, I am happy to talk about {}.")


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
        if x.previous_jobs and x.sectors:
            jobs = join_list([_with_article(j) for j in x.previous_jobs[:n]])
            return f"Before IPS I worked as {jobs}, and I know {join_list(x.sectors[:n])} well."
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
        return _job_list(
            x.previous_jobs,
            n + 2,
            "My working life so far includes time as {}.",
            "My working life so far includes {}.",
        )

    def sectors(x: _Facts, n: int) -> str:
        return _listed(
            x.sectors,
            n,
            "That means I know how {} work: what employers look "
            "for, the hours and what a first week can be like.",
        )

    def colleagues(x: _Facts, n: int) -> str:
        if not (x.sectors or x.previous_jobs):
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
