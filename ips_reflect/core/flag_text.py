"""Reading the words around a match: whether a negation or "if" governs it, and
where its sentence starts and ends (shared by the text search and the plan check)."""

from __future__ import annotations

import re
from bisect import bisect_left

from ips_reflect.core.negation import CLAUSE_END, CLAUSE_WORDS, NEGATION_WINDOW, cue_at

# A clause ends at punctuation or a line break; words further back never govern a match.
_WORDS = re.compile(r"[\w'\u2019]+")
# A sentence ends at . ! ? or a line break, but not at an initial such as "P.".
_SENTENCE_END = re.compile(r"[.!?\n](?<!\b[A-Z]\.)")


def negated(text: str, start: int) -> bool:
    """True when a negation or "if" governs the words starting at ``start``.

    Looks back within the same clause, at most :data:`NEGATION_WINDOW` words.
    """
    before = text[max(0, start - 160) : start]
    ends = [m.end() for m in CLAUSE_END.finditer(before)]
    if ends:
        before = before[ends[-1] :]
    words = [w.lower() for w in _WORDS.findall(before)]
    for i in range(len(words) - 1, -1, -1):
        if words[i] in CLAUSE_WORDS:
            words = words[i + 1 :]
            break
    window = words[-NEGATION_WINDOW:]
    return any(cue_at(window, i) for i in range(len(window)))


def _sentence_bounds(ends: list[int], at: int, size: int) -> tuple[int, int]:
    """Start and end of the sentence (or line) holding offset ``at``; ``ends`` are the
    offsets of every sentence-ending character of the text, in order."""
    k = bisect_left(ends, at)
    left = ends[k - 1] + 1 if k > 0 else 0
    right = ends[k] if k < len(ends) else size
    return left, right


def sentence_around(text: str, start: int, end: int) -> str:
    """The sentence (or line) that holds ``text[start:end]``."""
    left = 0
    for m in _SENTENCE_END.finditer(text, max(0, start - 400), start):
        left = m.end()
    after = _SENTENCE_END.search(text, end)
    right = after.start() if after else len(text)
    return text[left:right]


def _clean(words: str) -> str:
    return " ".join(words.split())
