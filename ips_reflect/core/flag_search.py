"""The text half of the flag engine: compiling a content's patterns, concept rules and
sign model once (:class:`TextSearch`), then finding warning signs in free text with
the one-pass anchor prefilter, negation, exclusions and the model's say.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Iterable, Sequence
from typing import Any

from ips_reflect import messages
from ips_reflect.core.concept_matcher import ConceptMatcher
from ips_reflect.core.concept_terms import uncancelled
from ips_reflect.core.content_model import Content, Item, SignPattern
from ips_reflect.core.flag_anchors import (
    _TABLE,
    _common_word,
    _Compiled,
    _RuleCompiled,
    _Searcher,
    _trie_regex,
)
from ips_reflect.core.flag_model import PLAN_SIGN, PatternRules, TextHit
from ips_reflect.core.flag_text import (
    _SENTENCE_END,
    _clean,
    _sentence_bounds,
    negated,
    sentence_around,
)

#: Part of :attr:`FlagEngine.signature`: raise it when the engine's logic changes.
ENGINE_VERSION = 1

_MODEL_WORDS_MAX = 120  # characters of a sentence shown when the model found the sign
#: Stands for the model in a hit it found (no rule or pattern matched there).
_MODEL_PATTERN = SignPattern(phrase=None, regex=None, why=messages.FLAG_MODEL_WHY)


class TextSearch:
    """The compiled patterns, concept rules and sign model of a content, and the search
    of free text with them (what :class:`~ips_reflect.core.flags.FlagEngine` builds on)."""

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
