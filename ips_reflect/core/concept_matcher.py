"""The concept rules' matcher: :class:`RuleSet` (rules made ready for a scan) and
:class:`ConceptMatcher`, which decides which rules hold in which sentences of a text.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from itertools import product
from typing import Generic, TypeVar

from ips_reflect.core.concept_index import ConceptIndex
from ips_reflect.core.concept_terms import (
    _TOKEN,
    ConceptRule,
    RuleHit,
    _Found,
    _make_room,
    _remember,
    _spec_rank,
    _Term,
    _Token,
    _word_start,
    uncancelled,
)

_EVIDENCE_CHARS = 90
_K = TypeVar("_K")


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


class ConceptMatcher(ConceptIndex):
    """Finds concepts in sentences and decides which rules they satisfy.

    Every distinct vocabulary word (with its alternatives) gets an id; a word of a
    text is read once into the set of ids it is a form of (cached, so the lemma of a
    word is looked up once). A sentence is read word by word only when, for every
    slot of some rule, a term has all its words in the sentence (:meth:`possible`).
    """

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
        return _remember(
            rules.masks, rules.hot, written, rules.mask_of(self._specs_of_surface(written))
        )

    def _room(self, rules: RuleSet[_K], new: int) -> None:
        """Empty the word caches before a text of ``new`` distinct words that could fill
        one up: a cache emptied halfway through a text would forget words already read."""
        _make_room(rules.masks, rules.hot, new)
        _make_room(self._surface, self._relevant, new)

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

    @staticmethod
    def concepts_of(rule: ConceptRule) -> tuple[str, ...]:
        return tuple(dict.fromkeys([*(c for s in rule.slots for c in s), *rule.none, *rule.unless]))

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
