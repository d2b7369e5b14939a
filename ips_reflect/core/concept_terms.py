"""Concepts and rules as data, and the words they are made of: :class:`Concept`,
:class:`ConceptRule` and :class:`RuleHit`; the term syntax (:func:`term_words`); how
text is cut into words ("n't" is "not"), clauses and lemmas; and the term records
the matcher indexes.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from typing import TypeVar

from ips_reflect.core.yamlsafe import Location

RULE_KEYS = ("all", "none", "unless", "within", "near", "exclude", "why")
WITHIN = ("clause", "sentence", "two_sentences")
#: ``...`` in a term: up to this many words in between.
GAP_WORDS = 3
_GAP = "..."
_ALT_RE = re.compile(r"^[\w'\u2019-]+\*?$")


# --------------------------------------------------------------------------- model


@dataclass(frozen=True)
class Concept:
    """One idea and the words that name it."""

    id: str
    terms: tuple[str, ...]
    location: Location | None = field(default=None, compare=False)


@dataclass(frozen=True)
class ConceptRule:
    """Concepts that together suggest a warning sign.

    ``slots``: each slot is a tuple of concept ids, any of which fills it; every
    slot must be filled. ``none``: concepts that cancel the rule in the same clause;
    ``unless``: concepts that cancel it anywhere in the sentence ("... but I explained").
    """

    slots: tuple[tuple[str, ...], ...]
    none: tuple[str, ...] = ()
    unless: tuple[str, ...] = ()
    within: str = "sentence"
    near: int | None = None
    exclude: tuple[str, ...] = ()
    why: str | None = None
    location: Location | None = field(default=None, compare=False)
    refs: tuple[tuple[str, Location], ...] = field(default=(), compare=False)

    @property
    def label(self) -> str:
        return " + ".join("|".join(slot) for slot in self.slots)


@dataclass(frozen=True)
class RuleHit:
    """Where a rule matched: from the first to the last concept word, and the words."""

    start: int
    end: int
    words: str


# --------------------------------------------------------------------------- terms

_Word = tuple[tuple[str, ...], tuple[str, ...]]  # (whole words, prefixes from "word*")


def _split_word(raw: str) -> list[str]:
    """A vocabulary word as text words: hyphens separate words, "n't" is "not"."""
    out: list[str] = []
    for part in re.split(r"[-\s]+", raw.lower().replace("\u2019", "'")):
        if part:
            out.extend(t for t, _s, _e in _tokens_of(part, 0))
    return out


def term_words(term: str) -> list[str | None]:
    """A term as a list of words (alternatives joined by |); None stands for ``...``.

    Raises ValueError with a sentence saying what is wrong.
    """
    words: list[str | None] = []
    for raw in term.split():
        if raw in (_GAP, "\u2026"):
            if not words or words[-1] is None:
                raise ValueError("'...' must come between two words")
            words.append(None)
            continue
        alts = raw.split("|")
        for alt in alts:
            if not alt or not _ALT_RE.match(alt) or alt == "*" or not _split_word(alt.rstrip("*")):
                raise ValueError(
                    f"'{raw}' is not a word or a list of words like give|gave "
                    "(a '*' may only end a word)"
                )
            if "|" in raw and len(_split_word(alt.rstrip("*"))) > 1:
                raise ValueError(f"'{alt}': an alternative must be one word")
        if len(alts) == 1 and len(_split_word(raw.rstrip("*"))) > 1:
            if raw.endswith("*"):
                raise ValueError(f"'{raw}': a '*' word must be one word")
            words.extend(_split_word(raw))  # "cash-in-hand", "didn't"
        else:
            words.append(raw.lower().replace("\u2019", "'"))
    if not words:
        raise ValueError("the term has no words")
    if words[-1] is None:
        raise ValueError("'...' must come between two words")
    return words


# --------------------------------------------------------------------------- text


_TOKEN = re.compile(r"[\w'\u2019]+")
_CLITICS = {"'re": "are", "'ve": "have", "'m": "am", "'ll": "will", "'d": "would", "'s": ""}
_NOT_FORMS = {"can't": "can", "won't": "will", "shan't": "shall", "ain't": "am"}
#: Punctuation that ends a clause (as in :mod:`flags`), and words that start one.
CLAUSE_PUNCT = re.compile(r"[.!?;:,()\[\]\"\n\u201c\u201d\u2013\u2014]| - ")
CLAUSE_WORDS = frozenset(
    {"but", "although", "though", "however", "yet", "whereas", "so", "because", "until", "then"}
)


def _tokens_of(word: str, at: int) -> list[tuple[str, int, int]]:
    """One written word (lower case, straight apostrophes) as text words with offsets."""
    word = word.strip("'")
    if not word:
        return []
    if word in _NOT_FORMS:
        return [
            (_NOT_FORMS[word], at, at + len(word) - 3),
            ("not", at + len(word) - 3, at + len(word)),
        ]
    if word.endswith("n't") and len(word) > 3:
        return [(word[:-3], at, at + len(word) - 3), ("not", at + len(word) - 3, at + len(word))]
    if word == "cannot":
        return [("can", at, at + 3), ("not", at + 3, at + 6)]
    k = word.rfind("'")
    if k > 0 and word[k:] in _CLITICS:
        out = [(word[:k], at, at + k)]
        if _CLITICS[word[k:]]:
            out.append((_CLITICS[word[k:]], at + k, at + len(word)))
        return out
    return [(word, at, at + len(word))]


_LEMMAS: dict[str, str] = {}
_LEMMA_CACHE_MAX = 100_000
_V = TypeVar("_V")


def _make_room(cache: dict[str, _V], hot: set[str], new: int = 0) -> None:
    """Empty a bounded word cache (and ``hot``, its words with a value) when ``new``
    more words could fill it up."""
    if len(cache) + new >= _LEMMA_CACHE_MAX:
        cache.clear()
        hot.clear()


def _remember(cache: dict[str, _V], hot: set[str], word: str, value: _V) -> _V:
    """Keep ``value`` for ``word`` in a bounded cache (emptied first when full);
    ``hot`` holds the cached words whose value is not empty."""
    _make_room(cache, hot)
    cache[word] = value
    if value:
        hot.add(word)
    return value


@lru_cache(maxsize=4096)
def _word_start(text: str, at: int) -> int:
    """``at`` moved back to the start of the word it is in."""
    while at > 0 and (text[at - 1].isalnum() or text[at - 1] in "'\u2019"):
        at -= 1
    return at


def uncancelled(text: str, start: int) -> bool:
    """A ``negated`` that never negates, and tells :meth:`ConceptMatcher.rule_hit` to
    ignore ``none`` and ``unless`` too."""
    return False


def lemma(word: str) -> str:
    """The dictionary form of a lower-case word (simplemma, loaded on first use)."""
    import simplemma

    try:
        return str(simplemma.lemmatize(word, lang="en")).lower()
    except Exception:  # pragma: no cover - a damaged install reads words as written
        return word


def _lem(word: str) -> str:
    """Short words and words with digits are read as written ("me" is not "I").
    Lemmas are looked up lazily and kept in a bounded cache keyed by the word."""
    if len(word) <= 2 or not word.isalpha():
        return word
    got = _LEMMAS.get(word)
    if got is None:
        if len(_LEMMAS) >= _LEMMA_CACHE_MAX:
            _LEMMAS.clear()
        got = _LEMMAS[word] = lemma(word)
    return got


class _Token:
    __slots__ = ("clause", "end", "specs", "start", "word")

    def __init__(self, word: str, specs: frozenset[int], start: int, end: int, clause: int):
        self.word = word
        self.specs = specs  # ids of the vocabulary words this word is a form of
        self.start = start
        self.end = end
        self.clause = clause


@dataclass
class _Found:
    concept: str
    first: int  # token indexes, inclusive
    last: int
    start: int  # character offsets
    end: int
    has_not: bool
    clause: int


class _Term:
    __slots__ = ("concept", "has_not", "key", "sids", "spec_set", "words")

    def __init__(self, concept: str, words: Sequence[str | None]) -> None:
        self.concept = concept
        self.words: list[_Word | None] = []
        for w in words:
            if w is None:
                self.words.append(None)
                continue
            whole = tuple(a for a in w.split("|") if not a.endswith("*"))
            stars = tuple(a[:-1] for a in w.split("|") if a.endswith("*"))
            self.words.append((whole, stars))
        self.has_not = any(w is not None and "not" in w[0] for w in self.words)
        self.sids: list[int | None] = []  # per word: its id in the matcher's vocabulary
        self.spec_set: frozenset[int] = frozenset()
        self.key = 0  # the rarest-looking word: the term is indexed under it


def _spec_rank(spec: _Word | None, common: Callable[[str], bool]) -> tuple[bool, int]:
    """Rarer-looking vocabulary words rank higher: not common, then longer."""
    if spec is None:
        return (False, 0)
    whole, stars = spec
    alts = [*whole, *stars]
    return (not any(common(a) for a in alts), min(len(a) for a in alts))


def anchor_of(word: str) -> str:
    """The start every written form of a vocabulary word shares (for the prefilter):
    "give" -> "giv" (giving, given), "party" -> "part" (parties)."""
    if word.endswith("*"):
        return word[:-1]
    if len(word) > 4 and word[-1] in "ey":
        return word[:-1]
    return word
