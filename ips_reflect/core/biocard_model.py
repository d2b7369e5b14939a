"""The biography card itself: :class:`BioCard`, the card format's keys and limits,
:class:`CardError`, the name sort key, and the rules for each field's text (the same
for a card read from a file and one made in the app).
"""

from __future__ import annotations

import datetime as dt
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from ips_reflect.core import privacy
from ips_reflect.core.biography_reading import word_count
from ips_reflect.core.yamlsafe import Problem, display_path
from ips_reflect.errors import UserError

FORMAT = "ips-reflect/bio-card"
VERSION = 1

# Key order in files written by this app (the order DESIGN.md shows).
CARD_KEYS: tuple[str, ...] = (
    "format",
    "version",
    "name",
    "known_as",
    "role",
    "biography",
    "pronouns",
    "why_i_do_this_work",
    "previous_jobs",
    "interests",
    "happy_to_share",
    "sectors",
    "languages",
    "photo",
    "consent",
    "review_date",
)
REQUIRED: tuple[str, ...] = ("format", "version", "name", "role", "biography")
# name, known_as, role, biography, pronouns, why_i_do_this_work
TEXT_FIELDS: tuple[str, ...] = CARD_KEYS[CARD_KEYS.index("name") : CARD_KEYS.index("previous_jobs")]
LIST_FIELDS: tuple[str, ...] = (
    "previous_jobs",
    "interests",
    "happy_to_share",
    "sectors",
    "languages",
)

BIOGRAPHY_MIN_WORDS = 40
BIOGRAPHY_MAX_WORDS = 200
WHY_MAX_WORDS = 150
MAX_LIST_ITEMS = 30
CARD_MAX_BYTES = 256 * 1024
# Longest single-line values, in characters.
_MAX_CHARS = {"name": 80, "known_as": 80, "role": 100, "pronouns": 40}
_MAX_ITEM_CHARS = {"happy_to_share": 300}
_DEFAULT_ITEM_CHARS = 120

_WHAT = {
    "name": "your name as you would like clients to see it",
    "role": "your job title",
    "biography": "a short biography of 40-200 words",
}


class CardError(UserError):
    """A card is invalid; ``problems`` has one ``file:line:col: message`` line each."""

    def __init__(self, problems: Sequence[Problem], path: Path | None = None) -> None:
        self.problems = list(problems)
        self.path = path
        n = len(self.problems)
        what = f"The card {display_path(path)}" if path else "The biography card"
        super().__init__(
            f"{what} has {n} problem{'s' if n != 1 else ''}; fix the lines listed and try again.",
            details=[str(p) for p in self.problems],
        )


@dataclass(frozen=True)
class BioCard:
    """One practitioner's biography card.

    List fields are always stored as tuples (lists passed in are converted, and a
    single string becomes a one-item tuple). ``photo``
    is an absolute path (a relative one in the file is resolved against the
    card's folder). ``source_path`` is where the card was read from; it is not
    part of the card's identity. ``photo_data`` holds the photo's bytes as they
    were checked when the card was read (None for a card made in the app).
    """

    name: str
    role: str
    biography: str
    pronouns: str | None = None
    why_i_do_this_work: str | None = None
    known_as: str | None = None
    previous_jobs: Sequence[str] = ()
    interests: Sequence[str] = ()
    happy_to_share: Sequence[str] = ()
    sectors: Sequence[str] = ()
    languages: Sequence[str] = ()
    photo: Path | None = None
    consent: bool | None = None
    review_date: dt.date | None = None
    source_path: Path | None = field(default=None, compare=False, repr=False)
    photo_data: bytes | None = field(default=None, compare=False, repr=False)

    def __post_init__(self) -> None:
        for name in LIST_FIELDS:
            value = getattr(self, name)
            if isinstance(value, str):
                object.__setattr__(self, name, (value,))
            elif not isinstance(value, tuple):
                object.__setattr__(self, name, tuple(value or ()))
        if self.photo is not None and not isinstance(self.photo, Path):
            object.__setattr__(self, "photo", Path(self.photo))

    def text_fields(self) -> Iterable[tuple[str, str]]:
        """Every piece of text on the card as (field, text), for scanning and search."""
        for name in TEXT_FIELDS:
            value = getattr(self, name)
            if value:
                yield name, value
        for name in LIST_FIELDS:
            for item in getattr(self, name):
                yield name, item

    @property
    def called(self) -> str:
        """The name the person is known by: ``known_as`` when the card has one, else the
        name as they write it (never split into "first" and "last")."""
        return self.known_as or self.name

    @property
    def sort_key(self) -> tuple[str, str, str]:
        """People in order of the name they are known by, taken whole as they write it:
        never by a guessed surname or first name, which differs between cultures (the
        first word of "Nguyễn Thị Lan" is her family name). Accents do not count."""
        return name_sort_key(self.called), self.called, self.name


_FOLD = str.maketrans(
    {
        "ł": "l",
        "Ł": "L",
        "ø": "o",
        "Ø": "O",
        "đ": "d",
        "Đ": "D",
        "ß": "ss",
        "æ": "ae",
        "Æ": "AE",
        "œ": "oe",
        "Œ": "OE",
        "ı": "i",
        "þ": "th",
        "Þ": "TH",
    }
)


def name_sort_key(text: str) -> str:
    """Case- and accent-insensitive sort key: Zoë sorts with Zoe, Łukasz with Lukasz."""
    decomposed = unicodedata.normalize("NFKD", text.translate(_FOLD))
    plain = "".join(c for c in decomposed if not unicodedata.combining(c))
    return plain.casefold()


# --------------------------------------------------------------------------- field rules


def _bad_chars(value: str) -> str | None:
    for ch in value:
        if ch in "\n\t":
            continue
        if unicodedata.category(ch) in ("Cc", "Cs"):
            return f"contains an invisible control character (U+{ord(ch):04X}); delete it"
    return None


def field_messages(key: str, value: str, *, item: bool = False) -> list[str]:
    """Rules for one text value (not the privacy guard), as messages without a location."""
    out: list[str] = []
    bad = _bad_chars(value)
    if bad:
        out.append(f"'{key}' {bad}")
    if item:
        limit = _MAX_ITEM_CHARS.get(key, _DEFAULT_ITEM_CHARS)
        if len(value) > limit:
            out.append(
                f"an entry in '{key}' is {len(value)} characters long; keep each entry "
                f"under {limit} characters (a few words)"
            )
        return out
    if key in _MAX_CHARS:
        if "\n" in value:
            out.append(f"'{key}' must be on one line")
        if len(value) > _MAX_CHARS[key]:
            out.append(f"'{key}' is {len(value)} characters long; keep it under {_MAX_CHARS[key]}")
    if key == "biography":
        n = word_count(value)
        if n < BIOGRAPHY_MIN_WORDS:
            out.append(
                f"the biography has {n} word{'s' if n != 1 else ''}; write at least "
                f"{BIOGRAPHY_MIN_WORDS} (about 4 sentences) so people get to know you"
            )
        elif n > BIOGRAPHY_MAX_WORDS:
            out.append(
                f"the biography has {n} words; keep it to {BIOGRAPHY_MAX_WORDS} or fewer "
                "so it fits on one page"
            )
    if key == "why_i_do_this_work":
        n = word_count(value)
        if n > WHY_MAX_WORDS:
            out.append(f"'why_i_do_this_work' has {n} words; keep it to {WHY_MAX_WORDS} or fewer")
    return out


def privacy_message(key: str, finding: privacy.Finding, line: int | None = None) -> str:
    where = f"line {line} holds" if line else f"'{key}' holds"
    kind = "" if finding.kind == "plan_term" else "personal contact details: "
    inside = f" in '{key}'" if line else ""
    return (
        f"{where} {kind}{finding.message}{inside}; {privacy.advice(finding.kind)}. "
        "A biography card is read by clients and colleagues."
    )
