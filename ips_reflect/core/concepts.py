"""Concept vocabularies and the rules that combine them (warning signs that generalise).

A regex pattern finds the wording it was written for. A *concept* is a list of the
many ways people name one idea (a contact channel: "mobile", "WhatsApp", "DM",
"home address" ...), kept as data in the warning-signs pack under ``concepts:``::

    concepts:
      contact_channel: [mobile, number, whatsapp, text, insta*, dm, home address]
      exchange: [give|gave, swap, add, accept, found me on]

A warning sign's ``rules:`` combine concepts; a rule fires when every slot of
``all`` is filled by a concept found in the same clause (``within: clause``) or
sentence (the default), optionally within ``near`` words of each other, and no
concept of ``none`` is found there::

    rules:
      - all: [contact_channel, exchange, personal|client_side]
        none: [work_channel]
        why: "Giving a client my own number ..."

Terms are matched on word forms: each word of a term matches any word with the
same lemma (``simplemma``), so "text" finds "texted", "texting" and "texts", and
"give|gave" finds "given" and "giving". ``insta*`` is any word starting with
"insta"; ``...`` between two words lets up to three words stand in between;
"n't" is read as a word "not", so the term "not log" finds "didn't log it".

Negation and "if" work as for patterns (a callable from :mod:`flags`): a concept
found in a negated clause does not count, unless the negation belongs to a term
of the same rule found before it ("refused to see", "not tell").

Plain Python: no Qt. Lemmas are looked up only for sentences the cheap anchor
prefilter admits, and cached.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import product
from typing import Generic, TypeVar

from ips_reflect.core.yamlsafe import Location

__all__ = [
    "GAP_WORDS",
    "RULE_KEYS",
    "Concept",
    "ConceptMatcher",
    "ConceptRule",
    "RuleHit",
    "RuleSet",
    "term_words",
]

RULE_KEYS = ("all", "none", "unless", "within", "near", "exclude", "why")
WITHIN = ("clause", "sentence", "two_sentences")
#: ``...`` in a term: up to this many words in between.
GAP_WORDS = 3
_GAP = "..."
_ALT_RE = re.compile(r"^[\w'\u2019-]+\*?$")
_EVIDENCE_CHARS = 90
_K = TypeVar("_K")


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


class RuleSet(Generic[_K]):
    """Rules ready for :meth:`ConceptMatcher.text_hits`.

    Each slot of each rule has a bit; a written word's mask holds the bits of the
    slots one of whose terms it is the key word of (cached per word). A rule is
    tried on a sentence only when the sentence's mask holds all of its bits.
    """

    def __init__(self, rules: list[tuple[_K, ConceptRule]], masks: dict[int, int]) -> None:
        self.rules = rules
        self.sid_masks = masks  # key word id -> slot bits
        self.need: list[int] = []  # per rule: the bits of all its slots
        self.gate_bits = 0  # per rule, the bit of its rarest slot
        self.gate_rule: dict[int, int] = {}  # that bit -> the rule's position
        self.gate_of: list[int] = []  # per rule: its gate bit
        self.masks: dict[str, int] = {}  # written word -> slot bits (cache)
        self.hot: set[str] = set()  # written words with some bit
        self.pair: set[int] = set()  # positions of ``within: two_sentences`` rules

    def mask_of(self, specs: Iterable[int]) -> int:
        m = 0
        for sid in specs:
            m |= self.sid_masks.get(sid, 0)
        return m


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


class ConceptMatcher:
    """Finds concepts in sentences and decides which rules they satisfy.

    Every distinct vocabulary word (with its alternatives) gets an id; a word of a
    text is read once into the set of ids it is a form of (cached, so the lemma of a
    word is looked up once). A sentence is read word by word only when, for every
    slot of some rule, a term has all its words in the sentence (:meth:`possible`).
    """

    def __init__(
        self, concepts: Iterable[Concept], common: Callable[[str], bool] = lambda w: len(w) <= 3
    ) -> None:
        """``common``: True for words found in most texts (they make poor keys)."""
        self.concepts: dict[str, Concept] = {c.id: c for c in concepts}
        self._common = common
        self._terms: dict[str, list[_Term]] = {}
        self._spec_ids: dict[_Word, int] = {}
        for c in self.concepts.values():
            for text in c.terms:
                term = _Term(c.id, term_words(text))
                for spec in term.words:
                    ids = self._spec_ids
                    term.sids.append(None if spec is None else ids.setdefault(spec, len(ids)))
                term.spec_set = frozenset(i for i in term.sids if i is not None)
                specs = {i: w for i, w in zip(term.sids, term.words, strict=True) if i is not None}
                term.key = max(specs, key=lambda i: _spec_rank(specs[i], common))
                self._terms.setdefault(c.id, []).append(term)
        self._first: dict[int, list[_Term]] = {}  # first word's id -> terms
        self._keyed: dict[int, list[_Term]] = {}  # key word's id -> terms
        for terms in self._terms.values():
            for term in terms:
                first = term.sids[0]
                assert first is not None
                self._first.setdefault(first, []).append(term)
                self._keyed.setdefault(term.key, []).append(term)
        # Per concept, by key word id: the word ids of each term (a term is found only
        # where all its words are), each set once.
        self._term_sets: dict[str, dict[int, tuple[frozenset[int], ...]]] = {}
        for cid, terms in self._terms.items():
            by_key: dict[int, dict[frozenset[int], None]] = {}
            for t in terms:
                by_key.setdefault(t.key, {})[t.spec_set] = None
            self._term_sets[cid] = {k: tuple(sets) for k, sets in by_key.items()}
        self._by_word: dict[str, set[int]] = {}
        self._by_lemma: dict[str, set[int]] = {}
        self._stars: list[tuple[str, int]] = []
        self._word_specs: dict[str, frozenset[int]] = {}  # text word -> vocabulary ids
        self._surface: dict[str, frozenset[int]] = {}  # written word -> vocabulary ids
        self._relevant: set[str] = set()  # written words with some id
        self._rule_concepts: dict[ConceptRule, tuple[str, ...]] = {}
        self._gates: dict[ConceptRule, frozenset[int]] = {}
        self._ready = False

    def _prepare(self) -> None:
        """Lemmas of the vocabulary (the first scan that needs them loads simplemma)."""
        if self._ready:
            return
        for (whole, stars), sid in self._spec_ids.items():
            for w in whole:
                self._by_word.setdefault(w, set()).add(sid)
                self._by_lemma.setdefault(_lem(w), set()).add(sid)
            self._stars += [(s, sid) for s in stars]
        self._ready = True

    def _specs_of_word(self, word: str) -> frozenset[int]:
        """The vocabulary ids one text word (lower case) is a form of."""
        got = self._word_specs.get(word)
        if got is None:
            found = set(self._by_word.get(word, ()))
            found.update(self._by_lemma.get(_lem(word), ()))
            found.update(sid for s, sid in self._stars if word.startswith(s))
            if len(self._word_specs) >= _LEMMA_CACHE_MAX:
                self._word_specs.clear()
            got = self._word_specs[word] = frozenset(found)
        return got

    def _specs_of_surface(self, written: str) -> frozenset[int]:
        got = self._surface.get(written)
        if got is None:
            got = frozenset(
                sid for w, _s, _e in _tokens_of(written, 0) for sid in self._specs_of_word(w)
            )
            if len(self._surface) >= _LEMMA_CACHE_MAX:
                self._surface.clear()
                self._relevant.clear()
            self._surface[written] = got
            if got:
                self._relevant.add(written)
        return got

    def _specs(self, low: str) -> set[int]:
        """The vocabulary ids of the words of ``low`` (lower case, straight apostrophes)."""
        words = set(_TOKEN.findall(low))
        for w in words.difference(self._surface):
            self._specs_of_surface(w)
        specs: set[int] = set()
        for w in words.intersection(self._relevant):
            specs |= self._surface[w]
        return specs

    def _concepts_in(self, specs: set[int]) -> set[str]:
        out: set[str] = set()
        for sid in specs:
            for term in self._keyed.get(sid, ()):
                if term.concept not in out and term.spec_set <= specs:
                    out.add(term.concept)
        return out

    def possible(self, low: str) -> set[str]:
        """Concepts one of whose terms has every word in ``low`` (a lower-cased stretch
        of text, straight apostrophes), in any order: a quick, generous first look."""
        self._prepare()
        return self._concepts_in(self._specs(low))

    def _gate(self, rule: ConceptRule) -> frozenset[int]:
        """Key word ids of the rule's rarest-looking slot: a sentence where the rule
        holds has one of them."""
        got = self._gates.get(rule)
        if got is None:
            best: tuple[tuple[bool, int], frozenset[int]] | None = None
            for slot in rule.slots:
                terms = [t for cid in slot for t in self._terms.get(cid, ())]
                keys = frozenset(t.key for t in terms)
                ranks = [_spec_rank(t.words[t.sids.index(t.key)], self._common) for t in terms]
                weak = len([r for r in ranks if not r[0]])
                score = (weak * 4 > len(terms), len(keys))
                if best is None or score < best[0]:
                    best = (score, keys)
            got = self._gates[rule] = best[1] if best is not None else frozenset()
        return got

    def concepts_needed(self, rule: ConceptRule) -> tuple[str, ...]:
        got = self._rule_concepts.get(rule)
        if got is None:
            got = self._rule_concepts[rule] = self.concepts_of(rule)
        return got

    def rule_set(self, rules: Sequence[tuple[_K, ConceptRule]]) -> RuleSet[_K]:
        """Rules (each with a key of the caller's) ready for :meth:`text_hits`."""
        masks: dict[int, int] = {}
        bit = 1
        plan: list[tuple[int, int]] = []
        for _k, rule in rules:
            gate = self._gate(rule)
            need = gate_bit = 0
            for slot in rule.slots:
                terms = [t for cid in slot for t in self._terms.get(cid, ())]
                keys = {t.key for t in terms}
                for sid in keys:
                    masks[sid] = masks.get(sid, 0) | bit
                need |= bit
                if not gate_bit and keys == set(gate):
                    gate_bit = bit
                bit <<= 1
                # Every term also needs its second-rarest word: one more bit per slot.
                for t in terms:
                    sid = self._second_key(t)
                    masks[sid] = masks.get(sid, 0) | bit
                need |= bit
                bit <<= 1
            plan.append((need, gate_bit or need & -need))
        out = RuleSet(list(rules), masks)
        out.pair = {n for n, (_k, r) in enumerate(rules) if r.within == "two_sentences"}
        for n, (need, gate_bit) in enumerate(plan):
            out.need.append(need)
            out.gate_bits |= gate_bit
            out.gate_rule[gate_bit] = n
            out.gate_of.append(gate_bit)
        return out

    def _second_key(self, term: _Term) -> int:
        specs = {i: w for i, w in zip(term.sids, term.words, strict=True) if i is not None}
        rest = [i for i in specs if i != term.key] or [term.key]
        return max(rest, key=lambda i: _spec_rank(specs[i], self._common))

    def _word_mask(self, rules: RuleSet[_K], written: str) -> int:
        m = rules.mask_of(self._specs_of_surface(written))
        if len(rules.masks) >= _LEMMA_CACHE_MAX:
            rules.masks.clear()
            rules.hot.clear()
        rules.masks[written] = m
        if m:
            rules.hot.add(written)
        return m

    def _room(self, rules: RuleSet[_K], new: int) -> None:
        """Empty the word caches before a text of ``new`` distinct words that could fill
        one up: a cache emptied halfway through a text would forget words already read."""
        if len(rules.masks) + new >= _LEMMA_CACHE_MAX:
            rules.masks.clear()
            rules.hot.clear()
        if len(self._surface) + new >= _LEMMA_CACHE_MAX:
            self._surface.clear()
            self._relevant.clear()

    def _text_gates(self, words: set[str], total: int, rules: RuleSet[_K]) -> int:
        """The gate bits of the rules that could hold somewhere in a text whose written
        words are ``words`` (``total``: all their bits): every bit of the rule is there,
        and every slot has a concept one of whose terms has all its words in the text.
        A sentence (or two) where a rule holds has these too, so no other rule need be
        tried in it."""
        maybe = [n for n, need in enumerate(rules.need) if total & need == need]
        if not maybe:
            return 0
        surface = self._surface
        specs: set[int] = set().union(*[surface[w] for w in words.intersection(self._relevant)])
        known: dict[str, bool] = {}
        gates = 0
        for n in maybe:
            if self._fillable(rules.rules[n][1], specs, known):
                gates |= rules.gate_of[n]
        return gates

    def text_hits(
        self,
        text: str,
        sentences: Iterable[tuple[int, int]],
        rules: RuleSet[_K],
        negated: Callable[[str, int], bool],
    ) -> list[tuple[_K, RuleHit]]:
        """The rules that hold in the sentences ``(start, end)`` of ``text``, at most
        once per sentence each, with where. Only rules that could hold somewhere in the
        text are tried (:meth:`_text_gates`); a sentence is read word by word only when
        it holds a key word of every slot of such a rule (see :class:`RuleSet`). A rule
        ``within: two_sentences`` is tried on each sentence together with the one
        before it (a request in one sentence, the answer in the next); a text of one
        sentence is its own window."""
        self._prepare()
        low = text.lower().replace("\u2019", "'")
        same = len(low) == len(text)
        findall = _TOKEN.findall
        sentences = list(sentences)
        segs = [
            low[left:right] if same else text[left:right].lower().replace("\u2019", "'")
            for left, right in sentences
        ]
        word_sets = [set(findall(seg)) for seg in segs]
        every: set[str] = set().union(*word_sets)
        self._room(rules, len(every))
        masks, hot, need, gate_rule = rules.masks, rules.hot, rules.need, rules.gate_rule
        for w in every.difference(masks):
            self._word_mask(rules, w)
        for w in every.difference(self._surface):  # (a word's mask may outlive its ids)
            self._specs_of_surface(w)
        sentence_masks = []
        total = 0
        for words in word_sets:
            m = 0
            for w in words.intersection(hot):
                m |= masks[w]
            sentence_masks.append(m)
            total |= m
        gate_bits = self._text_gates(every, total, rules) if total else 0
        if not gate_bits:
            return []
        pair = rules.pair
        surface, relevant = self._surface, self._relevant
        out: list[tuple[_K, RuleHit]] = []
        seen: set[tuple[int, int]] = set()
        prev_left, prev_m = -1, 0
        alone = len(sentences) == 1
        for (left, right), words, m in zip(sentences, word_sets, sentence_masks, strict=True):
            both = m | prev_m if pair else m
            g = both & gate_bits
            todo = []
            todo_pair = []
            while g:
                low_bit = g & -g
                n = gate_rule[low_bit]
                if n in pair:
                    if both & need[n] == need[n]:
                        todo_pair.append(n)
                elif m & low_bit and m & need[n] == need[n]:
                    todo.append(rules.rules[n])
                g ^= low_bit
            if todo:
                specs: set[int] = set().union(*[surface[w] for w in words.intersection(relevant)])
                known: dict[str, bool] = {}
                todo = [kr for kr in todo if self._fillable(kr[1], specs, known)]
                if todo:
                    out += self._sentence_hits(text, left, right, specs, todo, negated)
            if todo_pair and (prev_left >= 0 or alone):
                start = prev_left if prev_left >= 0 else left
                wseg = (
                    low[start:right] if same else text[start:right].lower().replace("\u2019", "'")
                )
                got = self._sentence_hits(
                    text,
                    start,
                    right,
                    self._specs(wseg),
                    [rules.rules[n] for n in todo_pair],
                    negated,
                )
                for k, hit in got:
                    n = next(i for i in todo_pair if rules.rules[i][0] is k)
                    if (n, hit.start) not in seen:
                        seen.add((n, hit.start))
                        out.append((k, hit))
            prev_left, prev_m = left, m
        return out

    def _fillable(self, rule: ConceptRule, specs: set[int], known: dict[str, bool]) -> bool:
        """True when every slot of ``rule`` has a concept one of whose terms has all its
        words among ``specs`` (what :meth:`_sentence_hits` asks first, for one rule and
        only its concepts; ``known``: concepts already looked at for these ``specs``)."""
        term_sets = self._term_sets
        for slot in rule.slots:
            for cid in slot:
                got = known.get(cid)
                if got is None:
                    got = False
                    by_key = term_sets.get(cid, {})
                    for k in specs.intersection(by_key):
                        if any(ts <= specs for ts in by_key[k]):
                            got = True
                            break
                    known[cid] = got
                if got:
                    break
            else:
                return False
        return True

    def _sentence_hits(
        self,
        text: str,
        left: int,
        right: int,
        specs: set[int],
        rules: Sequence[tuple[_K, ConceptRule]],
        negated: Callable[[str, int], bool],
    ) -> list[tuple[_K, RuleHit]]:
        possible = self._concepts_in(specs)
        todo = [(k, r) for k, r in rules if all(not possible.isdisjoint(slot) for slot in r.slots)]
        if not todo:
            return []
        tokens = self.tokens(text, left, right)
        found: dict[str, list[_Found]] = {}
        out = []
        for k, rule in todo:
            self.find(tokens, [c for c in self.concepts_needed(rule) if c in possible], found)
            hit = self.rule_hit(rule, text, tokens, found, negated)
            if hit is not None:
                out.append((k, hit))
        return out

    def anchor_groups(
        self,
        rule: ConceptRule,
        usable: Callable[[str], bool],
        common: Callable[[str], bool] = lambda a: False,
    ) -> list[set[str]]:
        """Per slot of ``rule`` whose every term has a usable anchor: the anchors (one
        word start per term; every match of the slot contains one of them)."""
        groups: list[set[str]] = []
        for slot in rule.slots:
            anchors: set[str] = set()
            for cid in slot:
                for term in self._terms.get(cid, ()):
                    best: set[str] | None = None
                    best_score = (False, 0)
                    for spec in term.words:
                        if spec is None:
                            continue
                        alts = {anchor_of(a) for a in spec[0]} | {a for a in spec[1]}
                        if not all(usable(a) for a in alts):
                            continue
                        score = (not any(common(a) for a in alts), min(map(len, alts)))
                        if best is None or score > best_score:
                            best, best_score = alts, score
                    if best is None:
                        break
                    anchors |= best
                else:
                    continue
                break
            else:
                groups.append(anchors)
        return groups

    # -- one sentence

    def tokens(self, text: str, left: int, right: int) -> list[_Token]:
        """The words of ``text[left:right]`` with their vocabulary ids and clause numbers."""
        self._prepare()
        out: list[_Token] = []
        clause = 0
        last = left
        segment = text[left:right].lower().replace("\u2019", "'")
        specs_of = self._specs_of_word
        for m in _TOKEN.finditer(segment):
            start = left + m.start()
            if CLAUSE_PUNCT.search(text, last, start):
                clause += 1
            last = m.end() + left
            for word, s, e in _tokens_of(m.group(), start):
                if word in CLAUSE_WORDS:
                    clause += 1
                out.append(_Token(word, specs_of(word), s, e, clause))
        return out

    def find(
        self,
        tokens: Sequence[_Token],
        wanted: Iterable[str],
        found: dict[str, list[_Found]] | None = None,
    ) -> dict[str, list[_Found]]:
        """The ``wanted`` concepts in a sentence's words, by concept id, added to
        ``found`` (what earlier rules already looked for in the same sentence)."""
        self._prepare()
        found = {} if found is None else found
        need = {c for c in wanted if c not in found}
        if not need:
            return found
        for c in need:
            found[c] = []
        first = self._first
        for i, tok in enumerate(tokens):
            if not tok.specs:
                continue
            done: set[tuple[str, int]] = set()
            for sid in tok.specs:
                for term in first.get(sid, ()):
                    if term.concept not in need:
                        continue
                    last = self._match(term.sids, 1, tokens, i + 1) if len(term.sids) > 1 else i
                    if last is None or (term.concept, last) in done:
                        continue
                    if term.has_not and tokens[last].clause != tok.clause:
                        continue  # a negation never runs across a clause ("not ..., logged")
                    done.add((term.concept, last))
                    found[term.concept].append(
                        _Found(
                            term.concept,
                            i,
                            last,
                            tok.start,
                            tokens[last].end,
                            term.has_not,
                            tok.clause,
                        )
                    )
        return found

    @staticmethod
    def concepts_of(rule: ConceptRule) -> tuple[str, ...]:
        return tuple(dict.fromkeys([*(c for s in rule.slots for c in s), *rule.none, *rule.unless]))

    def _match(
        self, sids: Sequence[int | None], k: int, tokens: Sequence[_Token], i: int
    ) -> int | None:
        """Index of the last token when ``sids[k:]`` match from token ``i``."""
        sid = sids[k]
        if sid is None:  # a gap: up to GAP_WORDS words, then the rest
            for skip in range(GAP_WORDS + 1):
                if i + skip >= len(tokens):
                    return None
                last = self._match(sids, k + 1, tokens, i + skip)
                if last is not None:
                    return last
            return None
        if i >= len(tokens) or sid not in tokens[i].specs:
            return None
        if k + 1 == len(sids):
            return i
        return self._match(sids, k + 1, tokens, i + 1)

    def rule_hit(
        self,
        rule: ConceptRule,
        text: str,
        tokens: Sequence[_Token],
        found: dict[str, list[_Found]],
        negated: Callable[[str, int], bool],
    ) -> RuleHit | None:
        """The first place in one sentence where ``rule`` holds, or None. With
        ``negated=uncancelled`` nothing cancels a match (no negation, no ``none`` or
        ``unless``): where the rule *would* hold, for the sign model's veto."""
        neg_cache: dict[int, bool] = {}
        cancels = negated is not uncancelled

        def is_neg(f: _Found) -> bool:
            if f.start not in neg_cache:
                neg_cache[f.start] = negated(text, f.start)
            return neg_cache[f.start]

        for cid in rule.unless if cancels else ():
            if any(not is_neg(f) for f in found.get(cid, ())):
                return None
        none = rule.none if cancels else ()
        blocks = [f for cid in none for f in found.get(cid, ()) if not is_neg(f)]
        options = []
        for slot in rule.slots:
            items = [f for cid in slot for f in found.get(cid, ())]
            if not items:
                return None
            options.append(sorted(items, key=lambda f: f.first)[:6])
        for combo in product(*options):
            if rule.within == "clause" and len({f.clause for f in combo}) > 1:
                continue
            first = min(f.first for f in combo)
            last = max(f.last for f in combo)
            if rule.near is not None and last - first + 1 > rule.near + sum(
                f.last - f.first for f in combo
            ):
                continue
            if len({(f.first, f.last) for f in combo}) < len(combo):
                continue  # one stretch of words may not fill two slots
            clauses = {f.clause for f in combo}
            if any(b.clause in clauses for b in blocks):
                continue  # a 'none' concept in the same clause cancels
            ok = True
            for f in combo:
                covered = any(
                    g.has_not and g.first <= f.first and g.clause == f.clause for g in combo
                )
                if not covered and is_neg(f):
                    ok = False
                    break
            if not ok:
                continue
            # Whole words: a found "n't" shows as "didn't", not "n't".
            start = _word_start(text, min(f.start for f in combo))
            end = max(f.end for f in combo)
            if end - start <= _EVIDENCE_CHARS:
                words = " ".join(text[start:end].split())
            else:
                parts = sorted(combo, key=lambda f: f.start)
                words = " \u2026 ".join(
                    " ".join(text[_word_start(text, f.start) : f.end].split()) for f in parts
                )
            return RuleHit(start, end, words)
        return None
