"""The vocabulary side of the concept matcher: every vocabulary word gets an id, a
written word is read (once, cached) into the ids it is a form of, and a sentence's
words into the concepts found there (:class:`ConceptIndex`).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence

from ips_reflect.core.concept_terms import (
    _LEMMA_CACHE_MAX,
    _TOKEN,
    CLAUSE_PUNCT,
    CLAUSE_WORDS,
    GAP_WORDS,
    Concept,
    ConceptRule,
    _Found,
    _lem,
    _remember,
    _spec_rank,
    _Term,
    _Token,
    _tokens_of,
    _Word,
    anchor_of,
    term_words,
)


class ConceptIndex:
    """The concepts' vocabulary, indexed: which vocabulary ids a written word is a form
    of, the concepts a stretch of text may hold (:meth:`possible`), and the concepts
    found in one sentence's words (:meth:`tokens`, :meth:`find`). The base of
    :class:`~ips_reflect.core.concept_matcher.ConceptMatcher`.
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
            _remember(self._surface, self._relevant, written, got)
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
