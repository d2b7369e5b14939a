"""Warning-sign flags: prompts for reflection, never verdicts.

A :class:`Flag` says which warning sign it is about, where it came from, the
words or entries that triggered it (``evidence``) and why that may matter
(``explanation``). Four sources (see DESIGN.md, "Warning signs and flags"):

``ticked``
    the practitioner ticked the sign in a check or reflection;
``text``
    a pattern of ``content/warning_signs.yaml`` matched what they wrote. A match
    does not count when a negation or "if" governs it in the same clause ("I did
    *not* give him my number", "*if* she asks to meet at the weekend"), or when
    one of the pattern's ``exclude`` regexes matches the sentence;
``pattern``
    across entries: many shares with one client in a short time, notes about one
    client written late at night or at weekends, one client getting most of the
    sharing (thresholds in :class:`PatternRules`);
``plan``
    stored as the sign ``plan_deviation``: a check about an experience that the
    practitioner's own sharing plan marks *not now* or *never* for this audience,
    or a check or reflection that names something on their will-not-share list.

Speed: :class:`FlagEngine` compiles every pattern once. A bulk scan first finds,
in one pass over all the texts, which entries contain the rarer words each
pattern needs (its *anchors*: a prefix trie searched as one regex over the
lower-cased bytes); only those entries are searched with the full patterns.

Plain Python: no Qt, no database. :func:`scan_vault` and :func:`sync_vault_flags`
take an open vault but only use its public repositories.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import re
import threading
from bisect import bisect_left
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any, Protocol

from ips_reflect import messages
from ips_reflect.core.concepts import ConceptMatcher, ConceptRule, uncancelled
from ips_reflect.core.content import Content, Item, SignPattern, phrase_tokens
from ips_reflect.core.entries import Entry, parse_timestamp
from ips_reflect.core.negation import CLAUSE_END, CLAUSE_WORDS, NEGATION_WINDOW, cue_at
from ips_reflect.core.plan import SharingPlan, as_plan, deviation

__all__ = [
    "PATTERN_ENTRIES_KEY",
    "PLAN_EXPERIENCE_QUESTION",
    "PLAN_SIGN",
    "SCAN_STATE_KEY",
    "SOURCES",
    "Flag",
    "FlagEngine",
    "PatternRules",
    "PlanCheck",
    "SyncResult",
    "TextHit",
    "fingerprint",
    "scan_vault",
    "sync_vault_flags",
]

SOURCES: tuple[str, ...] = ("ticked", "text", "pattern", "plan")
#: The sign id stored for flags from the ``plan`` source.
PLAN_SIGN = "plan_deviation"
#: Answer key of a check that holds the id of the experience picked from the plan.
PLAN_EXPERIENCE_QUESTION = "before.what.plan_experience"
#: Entry kinds that record a share (a check before it, or a reflection after it).
SHARE_KINDS: tuple[str, ...] = ("before_check", "after_reflection")
#: ``vault.kv`` key: pattern flag fingerprint -> the entry uids it is about.
PATTERN_ENTRIES_KEY = "flags.pattern_entries"
#: ``vault.kv`` key: what the last sync saw (engine signature, plan version, entry stamps).
SCAN_STATE_KEY = "flags.scan_state"
#: Part of :attr:`FlagEngine.signature`: raise it when the engine's logic changes.
ENGINE_VERSION = 1

#: Answers that are not writing (a choice id, the light of a check) are not scanned.
_SKIP_ANSWERS = frozenset({PLAN_EXPERIENCE_QUESTION, "check.light"})
_EVIDENCE_MAX = 3  # distinct matched phrases shown as a text flag's evidence
_MODEL_WORDS_MAX = 120  # characters of a sentence shown when the model found the sign
#: Stands for the model in a hit it found (no rule or pattern matched there).
_MODEL_PATTERN = SignPattern(phrase=None, regex=None, why=messages.FLAG_MODEL_WHY)

# --------------------------------------------------------------------------- flags


@dataclass(frozen=True)
class Flag:
    """One prompt for reflection.

    ``spans`` (text flags) are (start, end) offsets of the triggering words in
    the scanned text; ``related`` (pattern flags) are the uids of the entries
    the pattern is about, oldest first.
    """

    sign: str
    source: str
    evidence: str
    explanation: str
    entry_uid: str | None = None
    fingerprint: str = ""
    spans: tuple[tuple[int, int], ...] = field(default=(), compare=False)
    related: tuple[str, ...] = ()

    def to_json(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "sign": self.sign,
            "source": self.source,
            "evidence": self.evidence,
            "explanation": self.explanation,
            "entry": self.entry_uid,
            "fingerprint": self.fingerprint,
        }
        if self.related:
            out["related"] = list(self.related)
        return out


def fingerprint(entry_uid: str | None, sign: str, source: str, key: str = "") -> str:
    """Stable identity of a flag: the same cause always gives the same fingerprint."""
    raw = json.dumps([entry_uid, sign, source, key], ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(raw.encode("utf-8")).hexdigest()


@dataclass(frozen=True)
class TextHit:
    """Words in a text that match one pattern of one sign."""

    sign: str
    start: int
    end: int
    words: str
    pattern: SignPattern


@dataclass(frozen=True)
class PatternRules:
    """Thresholds for flags across entries (all counts inclusive)."""

    repeat_count: int = 3  # shares with one client ...
    repeat_days: int = 14  # ... within this many days -> focus_shift
    out_of_hours_count: int = 2  # entries about one client written out of hours ...
    out_of_hours_days: int = 30  # ... within this many days -> thinking_outside_work
    late_from: int = 22  # local hour from which an entry counts as late at night
    early_until: int = 6  # ... and until which (exclusive)
    share_window_days: int = 30  # one client getting most of the sharing over this window
    share_min: int = 5  # ... when at least this many shares were made in it
    share_fraction: float = 0.6  # ... and this fraction were with one client -> exclusive_sharing


# --------------------------------------------------------------------------- negation

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


# --------------------------------------------------------------------------- anchors


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


class Dated(Protocol):
    """What the patterns across entries read: an :class:`Entry`, or an outline row of
    the vault (no words needed)."""

    @property
    def uid(self) -> str: ...
    @property
    def kind(self) -> str: ...
    @property
    def created(self) -> str: ...
    @property
    def client_alias(self) -> str | None: ...
    @property
    def linked_uid(self) -> str | None: ...
    @property
    def in_bin(self) -> bool: ...


class _VaultLike(Protocol):  # what scan_vault and sync_vault_flags use
    entries: Any
    flags: Any
    plans: Any
    kv: Any


# --------------------------------------------------------------------------- engine


def _clean(words: str) -> str:
    return " ".join(words.split())


def entry_text(entry: Entry) -> str:
    """Everything written in an entry, as one text: title, body, then the answers."""
    parts = [entry.title, entry.body]
    for qid, value in entry.answers.items():
        if qid in _SKIP_ANSWERS:
            continue
        if isinstance(value, str):
            parts.append(value)
        elif isinstance(value, list):
            parts.extend(v for v in value if isinstance(v, str))
    return "\n\n".join(p for p in parts if p)


class PlanCheck:
    """A sharing plan read once for many entries: the plan, and a compiled search for
    each phrase of its will-not-share list (``(name, needle, regex)``)."""

    def __init__(self, plan: SharingPlan) -> None:
        self.plan = plan
        self.phrases: list[tuple[str, str, re.Pattern[str]]] = []
        for phrase in plan.will_not_share:
            words = _WORDS.findall(phrase)
            if not words or all(w.lower() in _STOP for w in words):
                continue
            source = (
                r"(?<![\w'’])"
                + r"\W+".join(re.escape(w).replace("'", "['’]") for w in words)
                + r"(?![\w'’])"
            )
            needle = max(words, key=len).lower().replace("’", "'").split("'")[0]
            self.phrases.append((_clean(phrase), needle, re.compile(source, re.IGNORECASE)))

    @classmethod
    def of(cls, plan: Any) -> PlanCheck | None:
        """From a stored payload (or a :class:`SharingPlan`); None for no plan. A damaged
        plan never stops a scan: it reads as an empty one."""
        if plan is None:
            return None
        try:
            return cls(as_plan(plan))
        except Exception:
            return cls(SharingPlan())


class FlagEngine:
    """Finds warning signs; build once per content and reuse (patterns are compiled here)."""

    def __init__(
        self, content: Content, rules: PatternRules | None = None, *, use_model: bool = True
    ) -> None:
        self.content = content
        self.rules = rules or PatternRules()
        model = content.sign_model if use_model else None
        self.signs: dict[str, Item] = {i.id: i for i in content.warning_signs}
        self.order: dict[str, int] = {sign: n for n, sign in enumerate(self.signs)}
        self.order[PLAN_SIGN] = len(self.order)
        material: list[Any] = [ENGINE_VERSION, repr(self.rules)]
        for item in self.signs.values():
            material.append([item.id, item.label, item.help])
            material += [[p.phrase, p.regex, list(p.exclude), p.why] for p in item.patterns]
            material += [
                [repr(r.slots), r.none, r.unless, r.within, r.near, r.exclude, r.why]
                for r in item.rules
            ]
        material += sorted([c.id, list(c.terms)] for c in content.concepts.values())
        material.append(model.digest if model is not None else None)
        raw = json.dumps(material, ensure_ascii=False, sort_keys=True).encode("utf-8")
        #: Changes whenever a pattern, a sign's words, the rules or the engine change.
        self.signature = hashlib.sha256(raw).hexdigest()[:16]
        self._patterns: list[_Compiled] = []
        for item in self.signs.values():
            for pattern in item.patterns:
                self._patterns.append(_Compiled(len(self._patterns), item.id, pattern))
        self._matcher = ConceptMatcher(content.concepts.values(), _common_word)
        self._rules: list[_RuleCompiled] = []
        for item in self.signs.values():
            for rule in item.rules:
                index = len(self._patterns) + len(self._rules)
                self._rules.append(_RuleCompiled(index, item.id, rule, self._matcher))
        # The scan reports the longest anchor at each word; the anchors it starts with
        # ("ask" for "asked me out") count as found too.
        self._rule_set = self._matcher.rule_set([(p, p.rule) for p in self._rules])
        self._concept_ids = tuple(content.concepts)
        #: Learned word weights (see :mod:`sign_model`); None: rules and patterns alone.
        self.model = model.bound(self.concepts_in) if model is not None else None
        # Concept rules are not prefiltered: their matcher reads each sentence's words once.
        every: list[_Compiled | _RuleCompiled] = [*self._patterns]
        anchors = sorted({a for p in every for g in p.groups for a in g})
        self._implied: dict[bytes, tuple[bytes, ...]] = {
            a: tuple(b for b in anchors if a.startswith(b)) for a in anchors
        }
        self._always: list[_Compiled | _RuleCompiled] = []
        self._by_anchor: dict[bytes, list[_Compiled | _RuleCompiled]] = {}
        for p in every:
            if not p.groups:
                self._always.append(p)
                continue
            for a in p.groups[0]:  # listed under its rarest set only
                self._by_anchor.setdefault(a, []).append(p)
        self._anchor_re: re.Pattern[bytes] | None = None
        if anchors:
            trie = _trie_regex(a.decode() for a in anchors)
            # A lookahead, so anchors that overlap ("on saturday", "saturday") are all found.
            self._anchor_re = re.compile(f" (?=({trie}))".encode())

    # -- what a sign is

    def label(self, sign: str) -> str:
        if sign == PLAN_SIGN:
            return messages.FLAG_PLAN_LABEL
        item = self.signs.get(sign)
        return item.label if item is not None else sign.replace("_", " ")

    def help(self, sign: str) -> str:
        if sign == PLAN_SIGN:
            return messages.FLAG_PLAN_HELP
        item = self.signs.get(sign)
        return item.help if item is not None else ""

    @property
    def pattern_count(self) -> int:
        return len(self._patterns)

    # -- free text

    def _prefilter(self, texts: Sequence[str]) -> list[list[tuple[_Searcher, list[int]]]]:
        """For each text: the patterns worth running on it, each with the offsets of the
        words of its rarest set ([] for a pattern with no anchors: run on everything)."""
        always: list[tuple[_Searcher, list[int]]] = [(p, []) for p in self._always]
        out: list[list[tuple[_Searcher, list[int]]]] = [always] * len(texts)
        if self._anchor_re is None:
            return out
        parts = [t.replace("\u2019", "'").encode("utf-8", "replace") for t in texts]
        low = b" " + b"\x00".join(parts).translate(_TABLE)
        if b" '" in low:  # a word in quotes ('must be nice') still starts a word
            low = low.replace(b" '", b"  ")
        findall = self._anchor_re.findall
        implied = self._implied
        by_anchor = self._by_anchor
        pos = 1
        for i, part in enumerate(parts):
            end = pos + len(part)
            hits = findall(low, pos - 1, end) if part else None
            if hits:
                found: set[bytes] = set()
                for a in set(hits):
                    found.update(implied[a])
                chosen: dict[int, _Searcher] = {}
                for a in found:
                    for p in by_anchor.get(a, ()):
                        # Listed under its first set, which is found: check the others.
                        if p.index not in chosen and all(
                            not group.isdisjoint(found) for group in p.groups[1:]
                        ):
                            chosen[p.index] = p
                if chosen:
                    segment = low[pos - 1 : end]
                    ascii_text = len(part) == len(texts[i])
                    picked: list[tuple[_Searcher, list[int]]] = []
                    for k in sorted(chosen):
                        p = chosen[k]
                        offsets = []
                        for a in p.groups[0] & found:
                            needle = b" " + a
                            at = segment.find(needle)
                            while at >= 0:
                                offsets.append(at)
                                at = segment.find(needle, at + 1)
                        if not ascii_text:
                            offsets = [len(part[:o].decode("utf-8", "replace")) for o in offsets]
                        picked.append((p, offsets))
                    out[i] = [*picked, *always]
            pos = end + 1
        return out

    def _rule_hits(
        self, text: str, original: str, ends: list[int] | None, strict: bool = True
    ) -> list[TextHit]:
        """Where the concept rules hold, one hit per rule and sentence at most (the
        matcher reads each sentence's words once, for every rule)."""
        if ends is None:
            ends = [m.start() for m in _SENTENCE_END.finditer(text)]
        size = len(text)
        bounds = zip([-1, *ends], [*ends, size], strict=True)
        sentences = [(a + 1, b) for a, b in bounds if b > a + 1]
        hits: list[TextHit] = []
        neg = negated if strict else uncancelled
        for p, hit in self._matcher.text_hits(text, sentences, self._rule_set, neg):
            if p.excludes and strict:
                left, right = _sentence_bounds(ends, hit.start, size)
                if any(x.search(text[left:right]) for x in p.excludes):
                    continue
            whole = "\u2026" not in hit.words
            words = _clean(original[hit.start : hit.end]) if whole else hit.words
            hits.append(TextHit(p.sign, hit.start, hit.end, words, p.pattern))
        return hits

    def _run(
        self, text: str, patterns: Iterable[tuple[_Searcher, list[int]]], strict: bool = True
    ) -> list[TextHit]:
        """Matches of the patterns in ``text``. A pattern with offsets is searched only in
        the sentences (or lines) that hold them: patterns never cross a sentence end.
        ``strict=False`` also keeps the matches a negation or an exclusion cancels."""
        hits: list[TextHit] = []
        original = text
        text = text.replace("\u2019", "'")  # same length: offsets still fit the original
        size = len(text)
        ends: list[int] | None = None
        for p, offsets in patterns:
            if isinstance(p, _RuleCompiled):  # pragma: no cover - rules are not prefiltered
                continue
            if offsets:
                if ends is None:  # where sentences and lines end, found once per text
                    ends = [m.start() for m in _SENTENCE_END.finditer(text)]
                windows = sorted({_sentence_bounds(ends, o, size) for o in offsets})
            else:
                windows = [(0, size)]
            for left, right in windows:
                for m in p.regex.finditer(text, left, right):
                    start, end = m.span()
                    if start == end or (strict and negated(text, start)):
                        continue
                    if p.excludes and strict:
                        sentence = sentence_around(text, start, end)
                        if any(x.search(sentence) for x in p.excludes):
                            continue
                    words = _clean(original[start:end])
                    hits.append(TextHit(p.sign, start, end, words, p.pattern))
        if self._rules:
            hits += self._rule_hits(text, original, ends, strict)
        hits.sort(key=lambda h: (self.order.get(h.sign, 99), h.start, -h.end))
        merged: list[TextHit] = []
        for h in hits:  # overlapping matches of one sign become one stretch of words
            last = merged[-1] if merged else None
            if last is not None and last.sign == h.sign and h.start < last.end:
                if h.end > last.end:
                    words = _clean(original[last.start : h.end])
                    merged[-1] = TextHit(h.sign, last.start, h.end, words, last.pattern)
                continue
            merged.append(h)
        return merged

    def hits_many(self, texts: Sequence[str]) -> list[list[TextHit]]:
        """Pattern matches in each text (after negation and exclusions)."""
        out: list[list[TextHit]] = []
        for text, patterns in zip(texts, self._prefilter(texts), strict=True):
            hits = self._run(text, patterns) if patterns or self._rules else []
            if self.model is not None:
                hits = self._weigh(text, hits, patterns)
            out.append(hits)
        return out

    def vetoed(
        self, text: str, sign: str, start: int, end: int, cancelled: Sequence[TextHit]
    ) -> bool:
        """Whether the rules overrule the model's finding of ``sign`` in
        ``text[start:end]``: a rule or pattern for the sign matched there but a negation
        or an exclusion cancelled it (``cancelled`` are the matches with nothing
        cancelled, from ``_run(strict=False)``)."""
        return any(h.sign == sign and start <= h.start < end for h in cancelled)

    def concepts_in(self, words: str) -> set[str]:
        """The packs' concepts one of whose terms has every word in ``words`` (lower
        case): what the sign model reads besides the words themselves."""
        return self._matcher.possible(words)

    def _weigh(
        self, text: str, hits: list[TextHit], patterns: Sequence[tuple[_Searcher, list[int]]]
    ) -> list[TextHit]:
        """The model's say (see :meth:`SignModel.verdicts`): drop the hits it finds
        implausible, add the signs it finds that no rule did (at the sentence that
        weighs most for the sign), except where a rule or pattern for that sign matched
        in the same window and its negation or exclusion cancelled it ("I didn't give
        him my number", "my work mobile"): the rules' reading of such words wins."""
        assert self.model is not None
        plain = text.replace("\u2019", "'")
        keep, added = self.model.verdicts(plain, [(h.sign, h.start, h.end) for h in hits])
        out = [h for n, h in enumerate(hits) if n in keep]
        cancelled: list[TextHit] = []
        if added and (patterns or self._rules):
            cancelled = self._run(text, patterns, strict=False)
        for f in added:
            if f.sign not in self.signs or self.vetoed(text, f.sign, f.start, f.end, cancelled):
                continue
            start, end = f.best
            words = _clean(text[start:end])
            if len(words) > _MODEL_WORDS_MAX:
                words = words[: _MODEL_WORDS_MAX - 1].rsplit(" ", 1)[0] + "\u2026"
            out.append(TextHit(f.sign, start, end, words, _MODEL_PATTERN))
        if added:
            out.sort(key=lambda h: (self.order.get(h.sign, 99), h.start, -h.end))
        return out

    def hits(self, text: str) -> list[TextHit]:
        return self.hits_many([text])[0]

    def _text_flags(self, hits: Sequence[TextHit], entry_uid: str | None) -> list[Flag]:
        by_sign: dict[str, list[TextHit]] = {}
        for h in hits:
            by_sign.setdefault(h.sign, []).append(h)
        flags = []
        for sign, sign_hits in by_sign.items():
            words = list(dict.fromkeys(h.words for h in sign_hits))[:_EVIDENCE_MAX]
            evidence = " … ".join(words)
            whys = [h.pattern.why for h in sign_hits if h.pattern.why]
            explanation = messages.FLAG_TEXT_EXPLANATION.format(
                why=whys[0] if whys else messages.FLAG_TEXT_WHY_DEFAULT, help=self.help(sign)
            )
            key = "" if entry_uid is not None else evidence
            flags.append(
                Flag(
                    sign=sign,
                    source="text",
                    evidence=evidence,
                    explanation=explanation,
                    entry_uid=entry_uid,
                    fingerprint=fingerprint(entry_uid, sign, "text", key),
                    spans=tuple((h.start, h.end) for h in sign_hits),
                )
            )
        return flags

    def scan_text(self, text: str) -> list[Flag]:
        """Text flags for any text (nothing stored): one flag per sign found."""
        return self._text_flags(self.hits(text), None)

    # -- ticks and the plan

    def ticked_flags(self, signs: Iterable[str], entry_uid: str | None = None) -> list[Flag]:
        flags = []
        for sign in dict.fromkeys(signs):
            if sign not in self.signs:
                continue
            flags.append(
                Flag(
                    sign=sign,
                    source="ticked",
                    evidence=messages.FLAG_TICKED_EVIDENCE.format(label=self.label(sign)),
                    explanation=messages.FLAG_TICKED_EXPLANATION.format(help=self.help(sign)),
                    entry_uid=entry_uid,
                    fingerprint=fingerprint(entry_uid, sign, "ticked"),
                )
            )
        return flags

    def plan_flags(
        self,
        text: str,
        audience: str | None,
        experience_id: str | None,
        plan: Any,
        entry_uid: str | None = None,
    ) -> list[Flag]:
        """Deviations from one's own sharing plan: the chosen experience is *not now* or
        *never* for this audience, or the text names something on the will-not-share list."""
        check = plan if isinstance(plan, PlanCheck) else PlanCheck.of(plan)
        if check is None:
            return []
        flags: list[Flag] = []
        dev = deviation(check.plan, experience_id, audience)
        if dev is not None and dev.stops:
            flags.append(
                Flag(
                    sign=PLAN_SIGN,
                    source="plan",
                    evidence=dev.sentence,
                    explanation=messages.FLAG_PLAN_LEVEL_EXPLANATION,
                    entry_uid=entry_uid,
                    fingerprint=fingerprint(
                        entry_uid, PLAN_SIGN, "plan", f"level:{dev.experience_id}:{audience}"
                    ),
                )
            )
        if text and check.phrases:
            lowered = text.lower()
            for name, needle, regex in check.phrases:
                if needle not in lowered:
                    continue
                spans = [m.span() for m in regex.finditer(text) if not negated(text, m.start())]
                if not spans:
                    continue
                flags.append(
                    Flag(
                        sign=PLAN_SIGN,
                        source="plan",
                        evidence=messages.FLAG_PLAN_PHRASE_EVIDENCE.format(phrase=name),
                        explanation=messages.FLAG_PLAN_PHRASE_EXPLANATION,
                        entry_uid=entry_uid,
                        fingerprint=fingerprint(
                            entry_uid, PLAN_SIGN, "plan", f"phrase:{name.casefold()}"
                        ),
                        spans=tuple(spans),
                    )
                )
        return flags

    def live_flags(
        self,
        text: str,
        ticked_signs: Iterable[str] = (),
        audience: str | None = None,
        plan_experience_id: str | None = None,
        plan: Any = None,
    ) -> list[Flag]:
        """Everything to show next to a check or reflection while it is being written."""
        flags = self.ticked_flags(ticked_signs)
        flags += self.scan_text(text)
        flags += self.plan_flags(text, audience, plan_experience_id, plan)
        return self._sorted(flags)

    # -- entries

    def entry_plan_flags(self, entry: Entry, text: str, plan: Any) -> list[Flag]:
        """Plan flags of a stored check or reflection (other kinds have none)."""
        if plan is None or entry.kind not in SHARE_KINDS:
            return []
        exp = entry.answers.get(PLAN_EXPERIENCE_QUESTION)
        exp_id = exp if isinstance(exp, str) else None
        return self.plan_flags(text, entry.audience, exp_id, plan, entry.uid)

    def flags_for_entry(self, entry: Entry, plan: Any = None) -> list[Flag]:
        """Ticked, text and plan flags of one entry (``plan``: the latest plan payload)."""
        text = entry_text(entry)
        flags = self.ticked_flags(entry.warning_signs, entry.uid)
        flags += self._text_flags(self.hits(text), entry.uid)
        flags += self.entry_plan_flags(entry, text, plan)
        return self._sorted(flags)

    def scan_entries(
        self, entries: Sequence[Entry], plan: Any = None, *, patterns: bool = True
    ) -> list[Flag]:
        """Every flag for these entries: per entry, then (``patterns``) across them."""
        texts = [entry_text(e) for e in entries]
        plan = PlanCheck.of(plan) if not isinstance(plan, PlanCheck) else plan
        flags: list[Flag] = []
        for entry, text, hits in zip(entries, texts, self.hits_many(texts), strict=True):
            if entry.warning_signs:
                flags += self.ticked_flags(entry.warning_signs, entry.uid)
            if hits:
                flags += self._text_flags(hits, entry.uid)
            if plan is not None and entry.kind in SHARE_KINDS:
                flags += self.entry_plan_flags(entry, text, plan)
        if patterns:
            flags += self.pattern_flags(entries)
        return flags

    def _sorted(self, flags: list[Flag]) -> list[Flag]:
        source_order = {s: n for n, s in enumerate(SOURCES)}
        return sorted(
            flags, key=lambda f: (self.order.get(f.sign, 99), source_order.get(f.source, 9))
        )

    # -- across entries

    def pattern_flags(self, entries: Sequence[Dated]) -> list[Flag]:
        """Flags from patterns across entries (see :class:`PatternRules`)."""
        r = self.rules
        dated: list[tuple[datetime, Dated, str]] = []
        for e in entries:
            alias = (e.client_alias or "").strip()
            if not alias or e.in_bin:
                continue
            try:
                moment = parse_timestamp(e.created)
            except (ValueError, TypeError):
                continue
            dated.append((moment, e, alias.casefold()))
        dated.sort(key=lambda t: t[0])
        # A client is matched case-insensitively; the latest spelling is shown.
        names = {key: (e.client_alias or "").strip() for _m, e, key in dated}
        units = _fold_linked(dated)
        shares = [u for u in units if u[0][1].kind in SHARE_KINDS]
        flags: list[Flag] = []
        flags += self._repeat_flags([u[0] for u in shares], names, r)
        flags += self._out_of_hours_flags(units, names, r)
        flags += self._dominant_flags([u[0] for u in shares], names, r)
        return flags

    @staticmethod
    def _clusters(
        items: Sequence[tuple[datetime, Dated, str]], count: int, days: int
    ) -> list[list[tuple[datetime, Dated, str]]]:
        """Runs of items (one client, time order) where at least ``count`` fall within
        ``days``; overlapping runs are merged."""
        span = timedelta(days=days)
        marked = [False] * len(items)
        i = 0
        for j in range(len(items)):
            while items[j][0] - items[i][0] > span:
                i += 1
            if j - i + 1 >= count:
                for k in range(i, j + 1):
                    marked[k] = True
        clusters: list[list[tuple[datetime, Dated, str]]] = []
        for k, item in enumerate(items):
            if not marked[k]:
                continue
            if clusters and item[0] - clusters[-1][-1][0] <= span and marked[k - 1]:
                clusters[-1].append(item)
            else:
                clusters.append([item])
        return clusters

    def _pattern_flag(
        self,
        sign: str,
        rule: str,
        key: str,
        first: str,
        group: Sequence[tuple[datetime, Dated, str]],
        evidence: str,
        why: str,
    ) -> Flag:
        """``first``: uid of the entry that started the run; it keeps the flag's identity
        while later entries join the run."""
        return Flag(
            sign=sign,
            source="pattern",
            evidence=evidence,
            explanation=messages.FLAG_PATTERN_EXPLANATION.format(why=why, help=self.help(sign)),
            entry_uid=None,
            fingerprint=fingerprint(None, sign, "pattern", f"{rule}:{key}:{first}"),
            related=tuple(e.uid for _m, e, _k in group),
        )

    def _repeat_flags(
        self,
        shares: Sequence[tuple[datetime, Dated, str]],
        names: Mapping[str, str],
        r: PatternRules,
    ) -> list[Flag]:
        sign = "focus_shift"
        if sign not in self.signs:
            return []
        flags = []
        for key, items in _by_client(shares).items():
            for group in self._clusters(items, r.repeat_count, r.repeat_days):
                days = max(1, (group[-1][0] - group[0][0]).days + 1)
                evidence = messages.FLAG_PATTERN_REPEAT_EVIDENCE.format(
                    alias=names[key], count=len(group), days=days, dates=_dates(group)
                )
                why = messages.FLAG_PATTERN_REPEAT_WHY.format(
                    count=r.repeat_count, days=r.repeat_days
                )
                first = group[0][1].uid
                flags.append(self._pattern_flag(sign, "repeat", key, first, group, evidence, why))
        return flags

    def _out_of_hours_flags(
        self,
        units: Sequence[list[tuple[datetime, Dated, str]]],
        names: Mapping[str, str],
        r: PatternRules,
    ) -> list[Flag]:
        """``units``: entries in time order, a check with its linked reflections as one
        unit (one share), which counts once, at the first moment it was written out of hours."""
        sign = "thinking_outside_work"
        if sign not in self.signs:
            return []

        def out_of_hours(moment: datetime) -> bool:
            # The clock time where it was written: the offset stored with the entry.
            return (
                moment.weekday() >= 5 or moment.hour >= r.late_from or moment.hour < r.early_until
            )

        late: list[tuple[datetime, Dated, str]] = []
        for unit in units:
            moment = min((m for m, _e, _k in unit if out_of_hours(m)), default=None)
            if moment is not None:
                late.append((moment, unit[0][1], unit[0][2]))
        late.sort(key=lambda t: t[0])
        flags = []
        for key, items in _by_client(late).items():
            for group in self._clusters(items, r.out_of_hours_count, r.out_of_hours_days):
                evidence = messages.FLAG_PATTERN_HOURS_EVIDENCE.format(
                    alias=names[key], count=len(group), dates=_dates(group, with_time=True)
                )
                why = messages.FLAG_PATTERN_HOURS_WHY.format(late=r.late_from, early=r.early_until)
                first = group[0][1].uid
                flags.append(self._pattern_flag(sign, "hours", key, first, group, evidence, why))
        return flags

    def _dominant_flags(
        self,
        shares: Sequence[tuple[datetime, Dated, str]],
        names: Mapping[str, str],
        r: PatternRules,
    ) -> list[Flag]:
        sign = "exclusive_sharing"
        if sign not in self.signs or not shares:
            return []
        span = timedelta(days=r.share_window_days)
        counts: dict[str, int] = {}
        # Per client: runs of windows in which they had most of the sharing.
        runs: dict[str, list[tuple[int, int]]] = {}
        i = 0
        for j, (moment, _e, key) in enumerate(shares):
            counts[key] = counts.get(key, 0) + 1
            while moment - shares[i][0] >= span:
                counts[shares[i][2]] -= 1
                i += 1
            size = j - i + 1
            if size >= r.share_min and counts[key] >= r.share_fraction * size:
                windows = runs.setdefault(key, [])
                if windows and moment - shares[windows[-1][1]][0] < span:
                    windows[-1] = (windows[-1][0], j)
                else:
                    windows.append((j, j))
        flags = []
        for key, windows in runs.items():
            for first_end, last_end in windows:
                end_moment = shares[last_end][0]
                window = [t for t in shares[: last_end + 1] if end_moment - t[0] < span]
                mine = [t for t in window if t[2] == key]
                evidence = messages.FLAG_PATTERN_SHARE_EVIDENCE.format(
                    alias=names[key],
                    count=len(mine),
                    total=len(window),
                    days=r.share_window_days,
                    end=_day(end_moment),
                    dates=_dates(mine),
                )
                why = messages.FLAG_PATTERN_SHARE_WHY.format(
                    percent=round(r.share_fraction * 100),
                    minimum=r.share_min,
                    days=r.share_window_days,
                )
                first = shares[first_end][1].uid
                flags.append(self._pattern_flag(sign, "share", key, first, mine, evidence, why))
        return flags


def _fold_linked(
    dated: Sequence[tuple[datetime, Dated, str]],
) -> list[list[tuple[datetime, Dated, str]]]:
    """Entries (time order) as units: a before-sharing check together with the
    reflections linked to it is one share, so it counts once in every pattern. A
    reflection whose check is not among ``dated`` (no alias, in the bin, gone) stands
    alone. Each unit starts with its check (or the entry itself); units keep time order."""
    checks = {e.uid for _m, e, _k in dated if e.kind == "before_check"}
    units: list[list[tuple[datetime, Dated, str]]] = []
    by_check: dict[str, list[tuple[datetime, Dated, str]]] = {}
    folded: list[tuple[datetime, Dated, str]] = []
    for item in dated:
        e = item[1]
        if e.kind == "after_reflection" and e.linked_uid in checks:
            folded.append(item)
            continue
        unit = [item]
        units.append(unit)
        if e.kind == "before_check":
            by_check[e.uid] = unit
    for item in folded:
        linked = item[1].linked_uid
        if linked is not None:
            by_check[linked].append(item)
    return units


def _by_client(
    items: Iterable[tuple[datetime, Dated, str]],
) -> dict[str, list[tuple[datetime, Dated, str]]]:
    out: dict[str, list[tuple[datetime, Dated, str]]] = {}
    for item in items:
        out.setdefault(item[2], []).append(item)
    return out


def _day(moment: datetime) -> str:
    return f"{moment.day} {moment:%b %Y}"


def _dates(group: Sequence[tuple[datetime, Dated, str]], *, with_time: bool = False) -> str:
    shown = []
    for moment, _e, _k in group[:6]:
        text = f"{moment:%a} {_day(moment)} {moment:%H:%M}" if with_time else _day(moment)
        shown.append(text)
    if len(group) > 6:
        shown.append(messages.FLAG_AND_MORE.format(count=len(group) - 6))
    return ", ".join(shown)


# --------------------------------------------------------------------------- the vault


@dataclass(frozen=True)
class SyncResult:
    added: int
    updated: int
    removed: int
    open: int
    scanned: int = 0  # entries whose text was searched this time (the others had not changed)
    #: uids of the entries whose stored flags were added, refreshed or removed (a list
    #: with a flag count per entry, like the Journal's, redraws only these).
    entries: frozenset[str] = frozenset()


def _stamp(entry: Any) -> str:
    """Changes whenever the entry is edited (an outline row of the vault: the store bumps
    ``rev`` on every edit; the row id and dates tell a purged and re-imported entry from
    the one it replaced)."""
    return f"{entry.id}:{entry.rev}:{entry.created}:{entry.updated or ''}"


def scan_vault(vault: _VaultLike, content: Content, engine: FlagEngine | None = None) -> list[Flag]:
    """Every flag the live entries of an open vault give now (nothing is stored)."""
    engine = engine or FlagEngine(content)
    entries = vault.entries.list(newest_first=False)
    latest = vault.plans.latest()
    return engine.scan_entries(entries, latest.payload if latest is not None else None)


def sync_vault_flags(
    vault: _VaultLike,
    content: Content,
    engine: FlagEngine | None = None,
    *,
    full: bool = False,
) -> SyncResult:
    """Bring the vault's flags up to date with its entries.

    New flags are added, changed evidence is refreshed (status and note kept), and
    *open* flags whose cause has gone are removed; discussed and resolved flags
    stay as history. Flags of entries in the bin are left alone.

    Only entries added or edited since the last sync are searched again (the state
    is kept in ``vault.kv`` under :data:`SCAN_STATE_KEY`); new patterns or rules, a
    new sharing plan, or ``full=True`` make it search everything.

    Safe to call from a worker thread while the GUI thread uses the same vault: syncs
    run one at a time (:data:`_SYNC_LOCK`), and every write of one sync is a single
    transaction on the vault's shared connection, so nobody reads a half-done sync.
    """
    engine = engine or FlagEngine(content)
    with _SYNC_LOCK:
        return _sync(vault, engine, full=full)


#: One sync at a time in this process (the app starts them from workers on each save).
_SYNC_LOCK = threading.Lock()


def _writing(vault: Any) -> contextlib.AbstractContextManager[Any]:
    """One transaction on the vault's shared connection (nothing for a vault without one)."""
    db = getattr(vault, "db", None)
    transaction = getattr(db, "transaction", None)
    return transaction() if transaction is not None else contextlib.nullcontext()


def _sync(vault: _VaultLike, engine: FlagEngine, *, full: bool) -> SyncResult:
    outline = vault.entries.outline()  # no words: 10,000 entries in a few ms
    latest = vault.plans.latest()
    plan = PlanCheck.of(latest.payload if latest is not None else None)
    plan_version = latest.version if latest is not None else None
    state = vault.kv.get(SCAN_STATE_KEY) or {}
    same_engine = not full and isinstance(state, dict) and state.get("engine") == engine.signature
    seen: dict[str, str] = state.get("entries", {}) if same_engine else {}
    if not isinstance(seen, dict):
        seen = {}
    plan_changed = not same_engine or state.get("plan") != plan_version
    stamps = {e.uid: _stamp(e) for e in outline}
    changed_uids = {uid for uid, stamp in stamps.items() if seen.get(uid) != stamp}
    changed = vault.entries.get_many(changed_uids) if changed_uids else []

    flags = engine.scan_entries(changed, plan, patterns=False)
    groups: set[tuple[str | None, str]] = {
        (e.uid, source) for e in changed for source in ("ticked", "text", "plan")
    }
    if plan_changed and plan is not None:  # plan flags of every other check and reflection
        others = [e.uid for e in outline if e.uid not in changed_uids and e.kind in SHARE_KINDS]
        for e in vault.entries.get_many(others) if others else []:
            flags += engine.entry_plan_flags(e, entry_text(e), plan)
    if plan_changed:
        groups.update((e.uid, "plan") for e in outline if e.kind in SHARE_KINDS)
    flags += engine.pattern_flags(outline)
    groups.add((None, "pattern"))

    state_now = {"engine": engine.signature, "plan": plan_version, "entries": stamps}
    keep_state = bool(changed) or plan_changed or len(seen) != len(stamps)
    with _writing(vault):
        return _store(vault, flags, groups, state_now if keep_state else None, len(changed))


def _store(
    vault: _VaultLike,
    flags: list[Flag],
    groups: set[tuple[str | None, str]],
    new_state: dict[str, Any] | None,
    scanned: int,
) -> SyncResult:
    """The writing half of a sync (in one transaction); ``new_state``: what to remember
    as seen (None: nothing new was seen)."""
    existing = {f.fingerprint: f for f in vault.flags.list()}
    wanted: dict[tuple[str | None, str], set[str]] = {}
    touched: set[str] = set()
    added = updated = 0
    for flag in flags:
        wanted.setdefault((flag.entry_uid, flag.source), set()).add(flag.fingerprint)
        old = existing.get(flag.fingerprint)
        if old is not None and (old.evidence, old.explanation) == (
            flag.evidence,
            flag.explanation,
        ):
            continue
        vault.flags.upsert(
            flag.sign,
            flag.source,
            entry_uid=flag.entry_uid,
            evidence=flag.evidence,
            explanation=flag.explanation,
            fingerprint=flag.fingerprint,
        )
        if flag.entry_uid is not None:
            touched.add(flag.entry_uid)
        if old is None:
            added += 1
        else:
            updated += 1
    stale: set[tuple[str | None, str]] = set()
    for fp, old in existing.items():
        key = (old.entry_uid, old.source)
        if old.status == "open" and key in groups and fp not in wanted.get(key, ()):
            stale.add(key)
    removed = 0
    for entry_uid, source in sorted(stale, key=lambda k: (k[0] or "", k[1])):
        gone = vault.flags.prune(entry_uid, source, sorted(wanted.get((entry_uid, source), ())))
        removed += gone
        if gone and entry_uid is not None:
            touched.add(entry_uid)
    related = {f.fingerprint: list(f.related) for f in flags if f.source == "pattern"}
    if vault.kv.get(PATTERN_ENTRIES_KEY) != related:
        vault.kv.set(PATTERN_ENTRIES_KEY, related)
    if new_state is not None:
        vault.kv.set(SCAN_STATE_KEY, new_state)
    open_count = int(vault.flags.counts().get("open", 0))
    return SyncResult(
        added=added,
        updated=updated,
        removed=removed,
        open=open_count,
        scanned=scanned,
        entries=frozenset(touched),
    )
