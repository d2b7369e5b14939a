"""Plan topics matched by their content words, for the biography privacy guard.

A sharing plan names private topics in the practitioner's own words ("My time
in hospital"); a biography says the same thing differently ("I was in hospital
in 2019"). :func:`match_topics` drops stop words and possessives, compares the
remaining content words in their simple forms (plural, possessive, -ing, -ed,
with the ``simplemma`` lemmatiser), and requires a topic's identifying words,
so an ordinary sentence that shares one common word with a topic is left alone.

Pure Python: no Qt, no database.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache

__all__ = [
    "PLAN_COMMON_WORDS",
    "PLAN_STOP_WORDS",
    "TopicMatch",
    "match_topics",
    "plan_topic_words",
]


@dataclass(frozen=True)
class TopicMatch:
    """One place in a text that touches a plan topic."""

    start: int
    end: int
    topic: str  # the topic as the plan names it (spaces tidied)
    words: tuple[str, ...]  # the words of the text that matched, in reading order


# Words that say nothing about what a plan topic is: pronouns and possessives,
# articles, prepositions, joining words, common verbs, and vague nouns ("time",
# "things"). "My time in hospital" is about "hospital".
def _word_set(words: str) -> frozenset[str]:
    return frozenset(words.split())


PLAN_STOP_WORDS: frozenset[str] = _word_set(
    """
    i me my mine myself we us our ours you your yours he him his she her hers they them
    their theirs it its one this that these those a an the some any all no not own other
    in on at of for to from with without by about after before during while since until
    into onto over under through off out up down around across again when where how what
    who whom which why and or but so if as than nor then also just very really
    be am is are was were been being have has had having do does did done get got go went
    gone time times thing things stuff bit lot lots part period experience experiences
    story past history whole way
    """
)
# Content words so common in an IPS practitioner's biography that on their own
# they do not identify a private topic ("work", "mental", "health", "care").
# A topic needs at least one other word; a topic made only of these is matched
# as its whole phrase ("my mental health"), never by a single common word.
PLAN_COMMON_WORDS: frozenset[str] = _word_set(
    """
    work job career employment employer workplace colleague team service support help
    people person client mental health care life family home friend year day week month
    start place
    """
)

_TOKEN = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)*")


@lru_cache(maxsize=4096)
def _forms(word: str) -> frozenset[str]:
    """The forms of a word that count as the same word: case, possessive, plural, -ing, -ed."""
    low = word.casefold().replace("’", "'")
    if low.endswith("'s"):
        low = low[:-2]
    elif low.endswith("s'"):
        low = low[:-1]
    out = {low}
    try:
        import simplemma

        lemma = simplemma.lemmatize(low, lang="en").casefold()
    except Exception:  # no lemmatiser: the plain plural rule below still applies
        lemma = low
    out.add(lemma)
    if len(low) > 3 and low.endswith("s") and not low.endswith(("ss", "us", "is")):
        out.add(low[:-1])
    return frozenset(out)


def _is_stop(word: str) -> bool:
    return any(form in PLAN_STOP_WORDS for form in _forms(word)) or len(word) < 2


def _is_common(word: str) -> bool:
    return bool(_forms(word) & PLAN_COMMON_WORDS)


def plan_topic_words(topic: str) -> tuple[str, ...]:
    """The content words of a plan topic, in order: stop words and possessives dropped."""
    out: list[str] = []
    for m in _TOKEN.finditer(topic):
        word = re.sub(r"['’]s?$", "", m.group(0))
        if not _is_stop(word) and word.casefold() not in (w.casefold() for w in out):
            out.append(word)
    return tuple(out)


def _required(words: Sequence[str]) -> tuple[list[str], int]:
    """The words that identify a topic and how many of them must appear.

    Common words are left out when the topic has others. Up to two identifying
    words must all appear; of three or more, all but one (a long description
    usually carries a word the biography would put differently).
    """
    distinctive = [w for w in words if not _is_common(w)]
    if not distinctive:
        return [], 0
    need = len(distinctive) if len(distinctive) <= 2 else len(distinctive) - 1
    return distinctive, need


def _topic_match(start: int, end: int, topic: str, words: Sequence[str]) -> TopicMatch:
    return TopicMatch(start, end, " ".join(topic.split()), tuple(words))


def _phrase_pattern(phrase: str) -> re.Pattern[str] | None:
    words = phrase.split()
    if not words:
        return None
    body = r"\s+".join(re.escape(w) for w in words)
    return re.compile(rf"(?<!\w){body}(?!\w)", re.IGNORECASE)


def _match_topic(text: str, topic: str, tokens: Sequence[re.Match[str]]) -> list[TopicMatch]:
    distinctive, need = _required(plan_topic_words(topic))
    if not distinctive:
        # Only stop words or common words ("my mental health"): the whole phrase.
        pattern = _phrase_pattern(topic)
        if pattern is None:
            return []
        return [
            _topic_match(m.start(), m.end(), topic, [m.group(0)]) for m in pattern.finditer(text)
        ]
    wanted = [_forms(w) for w in distinctive]
    hits: list[tuple[re.Match[str], int]] = []
    for m in tokens:
        for i, forms in enumerate(wanted):
            if forms & _forms(m.group(0)):
                hits.append((m, i))
                break
    if len({i for _m, i in hits}) < need:
        return []
    matched: list[str] = []
    for m, _i in hits:
        if m.group(0).casefold() not in (w.casefold() for w in matched):
            matched.append(m.group(0))
    return [_topic_match(m.start(), m.end(), topic, matched) for m, _i in hits]


def match_topics(text: str, topics: Iterable[str]) -> list[TopicMatch]:
    """Where ``text`` touches each topic, by the topic's content words.

    Stop words and possessives are dropped ("My time in hospital" is about
    "hospital") and each remaining word matches on word boundaries in its
    simple forms (hospitals, hospital's; divorced, divorcing). Every
    identifying word of a short topic must appear in the text (all but one of a
    long one), so "Time off work after my breakdown" needs "breakdown" and
    "I work part time" passes. A topic of only common words ("my mental
    health") is matched as its whole phrase. One match per place to change.
    """
    tokens = list(_TOKEN.finditer(text))
    out: list[TopicMatch] = []
    for topic in topics:
        if topic.strip():
            out.extend(_match_topic(text, topic, tokens))
    return out
