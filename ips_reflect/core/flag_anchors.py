"""The prefilter's anchors: the rarer words every match of a pattern or concept rule
must contain (:func:`phrase_anchor_groups`, :func:`regex_anchor_groups`), the trie
regex that finds them all in one pass, and each pattern compiled with its anchors.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

from ips_reflect.core.concept_matcher import ConceptMatcher
from ips_reflect.core.concept_terms import ConceptRule
from ips_reflect.core.content_model import SignPattern
from ips_reflect.core.content_phrases import phrase_tokens


def _word_set(text: str) -> frozenset[str]:
    return frozenset(text.split())


# Words too common to pick out the entries worth searching.
_STOP = _word_set(
    """a an the i me my mine myself we us our ours you your he him his she her hers
    they them their it its this that these those to of in on at for with about from
    by as and or but so if not no nor be am is are was were been being have has had
    do does did will would can could should shall may might must up out off over
    into than then there here also too all any some what who whom which when where
    why how just"""
)
# Usable, but only when a pattern has nothing rarer.
_COMMON = _word_set(
    """talk talked talking talks spoke speak speaking share shared sharing shares client
    clients team teams meeting meetings meet met session sessions phone home feel feels
    felt feeling feelings think thinking thought know knew want wanted wants need needed
    needs help helped good well like liked keep kept went told tell said say says asked
    ask get gets got go goes gone come came make made take took let lets people person
    after before today interview manager employer employers support care caring career
    coffee walk walked worried worry worrying see seen saw stay stayed around going place
    relationship boundaries boundary outside follow followed supervisor supervision plan
    goal goals visit call called chat message text email friend friends family week
    weekend experience story life new first last next right little bit quite very lot
    only ever never else anyone anybody someone something thing things way back now
    still again really time times day days work job more most much other others own
    even one two"""
)
_ANCHOR_WORD = re.compile(r"[a-z0-9']+(?: [a-z0-9']+)*")
# Lower-case ASCII letters; anything that is not a letter, digit or apostrophe
# becomes a space, so every word follows a space. Bytes >= 128 are left alone.
_TABLE = bytes(
    b + 32 if 65 <= b <= 90 else (b if b >= 128 or chr(b).isalnum() or b == 39 else 32)
    for b in range(256)
)


def _alt_anchors(alt: str) -> set[str] | None:
    """The anchors (word prefixes) for one alternative of a phrase word; None if unusable.

    A hyphen may be left out or be a space in the text, so "e-mail" gives both
    "email" and "e mail"; a curly apostrophe is read as a straight one.
    """
    core = alt.lower().rstrip("*").replace("\u2019", "'")
    variants = {core.replace("-", ""), core.replace("-", " ")} if "-" in core else {core}
    out = set()
    for variant in variants:
        m = _ANCHOR_WORD.match(variant)
        if m is None:
            return None
        prefix = m.group().strip()
        if not _usable_anchor(prefix):
            return None
        out.add(prefix)
    return out


def _common_word(word: str) -> bool:
    """True for a word found in most notes (a poor key for a concept's term)."""
    return word in _STOP or word in _COMMON or len(word) <= 3


def _common(anchor: str) -> bool:
    """True for anchors likely to be in many notes (they make poor gates)."""
    parts = anchor.split()
    if len(anchor) <= 3:
        return True
    return all(w in _COMMON or w in _STOP or len(w) <= 3 for w in parts)


def _rank(group: frozenset[str]) -> tuple[int, int, int]:
    """Rarer groups first: no common member, few members, long words."""
    return (int(any(_common(a) for a in group)), len(group), -min(len(a) for a in group))


def _best(groups: Iterable[frozenset[str]], limit: int = 4) -> list[frozenset[str]]:
    unique = list(dict.fromkeys(groups))
    return sorted(unique, key=_rank)[:limit]


def phrase_anchor_groups(phrase: str) -> list[frozenset[str]]:
    """Up to two sets of word prefixes; every match of the phrase has one of each set."""
    groups: list[frozenset[str]] = []
    for kind, alts, optional in phrase_tokens(phrase):
        if kind != "word" or optional:
            continue
        found: set[str] = set()
        for alt in alts:
            anchors = _alt_anchors(alt)
            if anchors is None:
                break
            found |= anchors
        else:
            groups.append(frozenset(found))
    return _best(groups)


def _anchor_char(code: int) -> str | None:
    """How a literal character of a regex looks in the lower-cased scan text
    (punctuation becomes a space); None when it is not plain ASCII."""
    ch = chr(code)
    if not ch.isascii():
        return None
    if ch.isalnum() or ch == "'":
        return ch.lower()
    return " " if ch.isprintable() or ch.isspace() else None


def _usable_anchor(word: str) -> bool:
    word = word.strip()
    if " " in word:
        return len(word) >= 6 or not all(part in _STOP for part in word.split())
    return len(word) >= 3 and word not in _STOP


def regex_anchor_groups(source: str) -> list[frozenset[str]]:
    """Like :func:`phrase_anchor_groups` for a regex: literal words that must occur,
    each at a word start (after ``\\b``, a space or ``\\s``). Empty when none can be
    found, and then the regex is simply run on every text."""
    try:
        from re import _constants as sre_c  # type: ignore[attr-defined]
        from re import _parser as sre_parse  # type: ignore[attr-defined]

        parsed = sre_parse.parse(source, re.IGNORECASE)
    except Exception:  # pragma: no cover - private API changed; run the regex everywhere
        return []
    repeats = {
        op
        for op in (
            getattr(sre_c, "MAX_REPEAT", None),
            getattr(sre_c, "MIN_REPEAT", None),
            getattr(sre_c, "POSSESSIVE_REPEAT", None),
        )
        if op is not None
    }
    zero_width = {
        op for op in (getattr(sre_c, n, None) for n in ("ASSERT", "ASSERT_NOT")) if op is not None
    }

    def is_space_class(av: Any) -> bool:
        return any(
            (op is sre_c.CATEGORY and arg is sre_c.CATEGORY_SPACE)
            or (op is sre_c.LITERAL and chr(arg).isspace())
            for op, arg in av
        )

    def leads(seq: Any, limit: int = 64) -> set[str] | None:
        """The literal text each way through ``seq`` starts with (None: some way has none)."""
        out = [""]
        for op, av in seq:
            if op is sre_c.LITERAL:
                ch = _anchor_char(av)
                if ch is None:
                    break
                out = [o + ch for o in out]
            elif op is sre_c.SUBPATTERN:
                inner = leads(av[-1], limit)
                if inner is None:
                    break
                out = [o + i for o in out for i in inner]
                break
            elif op is sre_c.BRANCH:
                options: set[str] = set()
                for alt in av[1]:
                    inner = leads(alt, limit)
                    if inner is None:
                        return None if not any(out) else set(out)
                    options |= inner
                out = [o + i for o in out for i in options]
                break
            else:
                break
            if len(out) > limit:
                return None
        found = {o for o in out if o.strip()}
        return found if len(found) == len(out) else None

    def walk(
        seq: Any, at_start: bool, run0: str = "", ok0: bool = False
    ) -> tuple[list[frozenset[str]], bool]:
        """The groups every match of ``seq`` needs, and whether it ends at a word start.

        ``run0`` is literal text just before ``seq`` (``ok0``: it began at a word start).
        """
        found: list[frozenset[str]] = []
        run: list[str] = list(run0)
        run_ok = ok0

        def close() -> None:
            nonlocal run_ok
            word = "".join(run).strip()
            if run_ok and _usable_anchor(word):
                found.append(frozenset({word}))
            run.clear()
            run_ok = False

        for op, av in seq:
            if op is sre_c.LITERAL:
                ch = _anchor_char(av)
                if ch is None:
                    close()
                    at_start = False
                elif ch != " ":
                    if not run:
                        run_ok = at_start
                    run.append(ch)
                    at_start = False
                else:
                    if run:
                        run.append(" ")
                    at_start = True
            elif op is sre_c.AT:
                close()
                at_start = av is sre_c.AT_BOUNDARY or av is sre_c.AT_BEGINNING or at_start
            elif op is sre_c.IN:
                close()
                at_start = is_space_class(av)
            elif op is sre_c.SUBPATTERN:
                close()
                inner, at_start = walk(av[-1], at_start)
                found += inner
            elif op is sre_c.BRANCH:
                # The parser moves a shared start out of the alternatives ("no" + "body",
                # " one"): put it back, so each alternative gives whole words.
                prefix = "".join(run) if (run_ok or (not run and at_start)) else None
                words: set[str] | None = None
                if prefix is not None:
                    words = set()
                    for alt in av[1]:
                        alt_leads = leads(alt)
                        if alt_leads is None:
                            words = None
                            break
                        words |= {(prefix + lead).strip() for lead in alt_leads}
                if words and all(_usable_anchor(w) for w in words):
                    found.append(frozenset(words))
                # Each alternative also needs its own words: one set from each, joined.
                carried, carried_ok = "".join(run), run_ok
                run.clear()
                run_ok = False
                results = [walk(alt, at_start, carried, carried_ok) for alt in av[1]]
                if all(groups for groups, _end in results):
                    union: set[str] = set()
                    for groups, _end in results:
                        union |= sorted(groups, key=_rank)[0]
                    found.append(frozenset(union))
                at_start = all(end for _groups, end in results)
            elif op in repeats:
                close()
                low, _high, item = av
                inner, ends_at_start = walk(item, at_start)
                if low >= 1:
                    found += inner
                    at_start = ends_at_start
                else:
                    at_start = at_start and ends_at_start
            elif op in zero_width:
                close()
            else:
                close()
                at_start = False
        close()
        return found, at_start

    groups, _end = walk(list(parsed), False)
    return _best(groups)


def _trie_regex(words: Iterable[str]) -> str:
    """One regex alternation for a set of words, shared starts merged. Where one word
    starts another ("ask", "asked me out"), the longer one is tried first."""
    trie: dict[str, Any] = {}
    for word in words:
        node = trie
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}

    def emit(node: dict[str, Any]) -> str:
        alts = [re.escape(ch) + emit(child) for ch, child in sorted(node.items()) if ch]
        if "" in node and alts:
            alts.append("")
        if not alts:
            return ""
        return alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"

    return emit(trie)


# --------------------------------------------------------------------------- compiled patterns


class _Compiled:
    """One pattern, compiled, with the sets of words (anchors) every match contains.

    ``groups``: each set holds word prefixes, and a match contains one of each set;
    the first set is the rarest. A pattern is run on a text only when the one-pass
    scan saw every set, and then only on the sentences holding a word of the first.
    """

    __slots__ = ("excludes", "groups", "index", "pattern", "regex", "sign")

    def __init__(self, index: int, sign: str, pattern: SignPattern) -> None:
        self.index = index
        self.sign = sign
        self.pattern = pattern
        self.regex = re.compile(pattern.source, re.IGNORECASE)
        self.excludes = [re.compile(x, re.IGNORECASE) for x in pattern.exclude]
        if pattern.phrase is not None:
            groups = phrase_anchor_groups(pattern.phrase)
        else:
            groups = regex_anchor_groups(pattern.regex or "")
        self.groups: list[frozenset[bytes]] = [frozenset(a.encode() for a in g) for g in groups]

    def ready(self, found: set[bytes]) -> bool:
        return all(not group.isdisjoint(found) for group in self.groups)


class _RuleCompiled:
    """A concept rule of a sign (see :mod:`concepts`), with anchors like a pattern's:
    ``groups`` holds one set per slot whose words can be found by the prefilter."""

    __slots__ = ("excludes", "groups", "index", "pattern", "rule", "sign")

    def __init__(self, index: int, sign: str, rule: ConceptRule, matcher: ConceptMatcher) -> None:
        self.index = index
        self.sign = sign
        self.rule = rule
        # What a text flag shows as "why"; the rule has no regex of its own.
        self.pattern = SignPattern(
            phrase=rule.label, exclude=rule.exclude, why=rule.why, location=rule.location
        )
        self.excludes = [re.compile(x, re.IGNORECASE) for x in rule.exclude]
        groups = matcher.anchor_groups(rule, _usable_anchor, _common)
        self.groups: list[frozenset[bytes]] = [
            frozenset(a.encode() for a in g) for g in _best(frozenset(g) for g in groups)
        ]


_Searcher = _Compiled | _RuleCompiled
