"""What negates: the one reading of "not", "never", "shouldn't have" ... shared by the
rules and patterns (:func:`ips_reflect.core.flags.negated`) and by the sign model
(:func:`ips_reflect.core.sign_model.analyse`), so the two never disagree about whether
"I didn't give him my number" says that I gave it.

A cue negates (or makes hypothetical) up to :data:`NEGATION_WINDOW` words after it in
its clause; a clause ends at punctuation (:data:`CLAUSE_END`) or before a word in
:data:`CLAUSE_WORDS`.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

CLAUSE_END = re.compile(r"[.!?;:,()\[\]\"\n\u201c\u201d\u2013\u2014]")
#: Words that start a new clause even without punctuation.
CLAUSE_WORDS = frozenset(
    {"but", "although", "though", "however", "yet", "whereas", "so", "because", "until", "then"}
)
#: Words that negate (or make hypothetical) what follows them in the same clause.
CUES = frozenset(
    {
        "not",
        "never",
        "cannot",
        "nor",
        "neither",
        "without",
        "refused",
        "refuse",
        "refuses",
        "refusing",
        "declined",
        "decline",
        "declines",
        "declining",
        "avoided",
        "avoid",
        "avoids",
        "avoiding",
        "resisted",
        "resist",
        "stopped",
        "if",
        "whether",
        "unless",
    }
)
#: Pairs of words that negate what follows.
CUE_PAIRS = frozenset(
    {
        ("no", "longer"),
        ("rather", "than"),
        ("instead", "of"),
        # An intention not carried out: "meant to decline it", "should have logged it".
        ("meant", "to"),
        ("supposed", "to"),
        ("should", "have"),
        ("ought", "to"),
        ("forgot", "to"),
        ("forgetting", "to"),
    }
)
#: A cue followed by one of these is not a negation: "can't stop thinking about her",
#: "not sure whether", "I shouldn't have given", "didn't hesitate to".
NOT_NEGATING = frozenset(
    {
        "only",
        "just",
        "sure",
        "certain",
        "help",
        "stop",
        "mean",
        "meant",
        "intend",
        "intended",
        "hesitate",
        "realise",
        "realize",
        "realised",
        "realized",
        "know",
        "notice",
        "long",
        "matter",
        "mind",
        "have",
        "think",
        "wait",
        "surprised",
    }
)
#: How many words before a match a cue may stand and still govern it.
NEGATION_WINDOW = 5


def is_cue(word: str) -> bool:
    return word in CUES or word.endswith("n't") or word.endswith("n\u2019t")


def cue_at(words: Sequence[str], i: int) -> bool:
    """Whether ``words[i]`` (lower case) starts a negation: a cue not followed by a
    word that undoes it ("can't stop", "not sure", "shouldn't have"), or a cue pair
    ("should have", "meant to"). Only ``words`` is looked at."""
    word = words[i]
    nxt = words[i + 1] if i + 1 < len(words) else ""
    if is_cue(word):
        # "if I'm honest" is not a condition
        return not (nxt in NOT_NEGATING or (word == "if" and "honest" in words[i + 1 : i + 4]))
    return (word, nxt) in CUE_PAIRS or word in _SHOULD_HAVE


_SHOULD_HAVE = ("should've", "should\u2019ve")


def negated_starts(words: Sequence[str], q: int) -> bool:
    """Whether ``words[q]`` could start a negation at all (a quick first look)."""
    w = words[q]
    return is_cue(w) or w in _SHOULD_HAVE or (q + 1 < len(words) and (w, words[q + 1]) in CUE_PAIRS)


def negated_words(words: Sequence[str]) -> list[bool]:
    """For each word of one clause (lower case), whether a cue among the
    :data:`NEGATION_WINDOW` words before it negates it: exactly what
    :func:`flags.negated` says of a match starting at that word, which reads only
    those words (so the cue's next word counts only if it comes before this one)."""
    n = len(words)
    out = [False] * n
    for q in range(n):
        if not negated_starts(words, q):
            continue
        for p in range(q + 1, min(n, q + NEGATION_WINDOW + 1)):
            if not out[p]:
                out[p] = cue_at(words[q:p], 0)
    return out
