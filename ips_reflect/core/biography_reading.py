"""How long and how easy a text is: :func:`word_count` (words as people count them)
and :func:`reading_age` (Flesch-Kincaid grade as a UK reading age, with a plain hint).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_WORD = re.compile(r"[^\W_](?:[\w'’.-]*[^\W_])?")


def word_count(text: str) -> int:
    """Words as people count them: "five-a-side" and "don't" are one word each."""
    return len(_WORD.findall(text or ""))


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
