"""Turning a practitioner's answers into words for a biography: tidying answers and
lists, joining lists the British way (:func:`join_list`), list answers inside a
sentence (:func:`list_phrase`), "a" or "an" before a job title, and years in a role.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence


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
