"""Can a regular expression take for ever? A check for content-pack regexes.

Python's ``re`` is a backtracking matcher: when a match fails it goes back and tries
every other way the pattern could have matched. For most patterns there are few
ways, but some have exponentially many, and a sentence of thirty letters is then
enough to keep the scan busy for hours (catastrophic backtracking, "ReDoS"). A pack
an organisation adds is not trusted to be free of them, so
:func:`backtracking_risk` reads the parsed pattern tree (``re._parser``).

Every repeat that allows two or more rounds is read as a small automaton over
character sets (Glushkov's positions automaton of its body: bounded repeats inside
are written out round by round, case is folded when the pattern ignores case) and
refused when the matcher could share out the same text between rounds in more than
one way:

1. **Nested repeats**: the body ends in a repeat that could go on with a letter a
   new round could start with, so every letter may begin a new round or not:
   ``(a+)+``, ``(a*)*``, ``(\\w+\\s?)+``, ``(?:a|b+)*``, ``(\\w+\\w+)+`` (two
   unbounded repeats side by side). A nested repeat with a separator that cannot
   start a round, ``(?:\\w+ )*``, is fine.
2. **Repeats over choices that can match the same text**: two ways through the body
   that match the same text, or where one ends and the other goes on:
   ``(a|a)*``, ``(a|ab)*``, ``(\\w|\\d)+``, ``(a?)*``. Choices that differ in some
   letter pass: ``(?:'d| had| was)*``, ``(?:ab|ac)*``, ``(ab?)*``.

A repeat with no small limit (``*``, ``+``, ``{2,}``, or a maximum over 10) with
either is refused; a bounded one (``(a|a){0,3}``) is allowed while the number of
ways all of them give over thirty letters stays small (:data:`_MAX_WAYS`), so
``(a{0,10}){0,10}`` is refused. A back-reference inside an unbounded repeat is
refused as well.

The check errs on the side of refusing: it looks at the choices as written (before
``re`` merges ``(\\w|\\d)`` into ``[\\w\\d]``), treats lookarounds and anchors as if
they matched nothing, and a back-reference as any text. Possessive repeats and
atomic groups are judged like ordinary ones. Plain Python, no Qt.
"""

from __future__ import annotations

import contextlib
import math
import re
import sys
from dataclasses import dataclass
from functools import cache
from typing import Any

try:  # Python 3.11+
    from re import _constants as _c  # type: ignore[attr-defined]
    from re import _parser as _p  # type: ignore[attr-defined]
except ImportError:  # pragma: no cover - older Pythons
    import sre_constants as _c
    import sre_parse as _p

__all__ = ["RegexRisk", "backtracking_risk"]

NESTED_REASON = (
    "a repeated group inside another repeat, such as (a+)+, can make the scan take for ever"
)
NESTED_FIX = "rewrite it without the nested repeat, for example (a+)+ -> a+"
OVERLAP_REASON = (
    "a repeat over choices that can match the same text, such as (a|ab)* or (\\w|\\d)+, "
    "can make the scan take for ever"
)
OVERLAP_FIX = (
    "rewrite it so no two choices in the repeat can match the same text, "
    "for example (a|a)* -> a* or (\\w|\\d)+ -> \\w+"
)
COMPLEX_REASON = "the pattern is too complex to check that the scan always finishes"
COMPLEX_FIX = "split it into simpler patterns, each with fewer choices inside a repeat"

_BIG = 10  # a repeat allowing more than this many rounds counts as unbounded
_N = 30  # the length of text the cost estimate assumes
_DEPTH = 40  # a bounded repeat up to this many rounds is written out round by round
_MAX_POSITIONS = 2000  # character sets in one repeat's body before the check gives up
_MAX_STATES = 200_000  # pairs of positions compared before the check gives up
_MAX_WAYS = 1e5  # bounded ambiguous repeats: most ways allowed over the whole pattern
_UNBOUNDED = _c.MAXREPEAT


@dataclass(frozen=True)
class RegexRisk:
    """Why a pattern may take for ever (``reason``) and what to do (``fix``)."""

    reason: str
    fix: str

    def __str__(self) -> str:
        return f"{self.reason}; {self.fix}"


NESTED = RegexRisk(NESTED_REASON, NESTED_FIX)
OVERLAP = RegexRisk(OVERLAP_REASON, OVERLAP_FIX)
COMPLEX = RegexRisk(COMPLEX_REASON, COMPLEX_FIX)


class _TooComplex(Exception):
    pass


class _Refused(Exception):
    def __init__(self, risk: RegexRisk) -> None:
        super().__init__(risk.reason)
        self.risk = risk


# --------------------------------------------------------------------------- the tree


@dataclass
class _Chars:
    chars: int  # bit mask over the pattern's alphabet


@dataclass
class _Seq:
    items: list[Any]


@dataclass
class _Alt:
    choices: list[_Seq]


@dataclass
class _Rep:
    lo: int
    hi: int  # _UNBOUNDED for no limit
    body: _Seq

    @property
    def big(self) -> bool:
        return self.hi == _UNBOUNDED or self.hi > _BIG

    @property
    def rounds(self) -> int:
        return min(self.hi, _N)


@dataclass
class _Look:
    """Zero-width: an anchor (body None) or a lookaround (its body is checked too)."""

    body: _Seq | None


@dataclass
class _Ref:
    """A back-reference: any text, of any length."""


# Characters standing for the rest of Unicode: spaces, digits, letters with odd case
# rules (dotted I, long s, Kelvin sign, the ff ligature), marks, symbols, emoji.
_REPRESENTATIVES = (
    "\x85\xa0\xb2\xdf\xe9\u0130\u0131\u017f\u03a9\u0301\u0663\u2028\u3000"
    "\u4e2d\u20ac\u212a\ufb00\U0001f600"
)

_CATEGORY_RE = {
    "CATEGORY_DIGIT": r"\d",
    "CATEGORY_NOT_DIGIT": r"\D",
    "CATEGORY_SPACE": r"\s",
    "CATEGORY_NOT_SPACE": r"\S",
    "CATEGORY_WORD": r"\w",
    "CATEGORY_NOT_WORD": r"\W",
}


@cache
def _category(name: str, ch: str) -> bool:
    rx = _CATEGORY_RE.get(name)
    return True if rx is None else re.fullmatch(rx, ch) is not None


@cache
def _variants(ch: str) -> frozenset[str]:
    """``ch`` and its one-character case forms (kept: the same few hundred characters
    are asked about for every pattern)."""
    out = {ch}
    for v in (ch.lower(), ch.upper(), ch.casefold(), ch.swapcase()):
        if len(v) == 1:
            out.add(v)
    return frozenset(out)


class _Builder:
    """Turns the parsed tree into :class:`_Seq` and friends over a small alphabet.

    The alphabet holds every ASCII character, every character the pattern names
    (with its case variants and the neighbours of range ends) and a few characters
    standing for the rest of Unicode, so two sets that share a character share one
    in the alphabet."""

    def __init__(self, parsed: Any) -> None:
        chars = {chr(i) for i in range(128)} | set(_REPRESENTATIVES)
        for code in self._codes(parsed.data):
            for c in (code - 1, code, code + 1):
                if 0 <= c <= sys.maxunicode:
                    chars |= _variants(chr(c))
        self.alphabet = sorted(chars)
        self.all = (1 << len(self.alphabet)) - 1
        self.bit = {ch: 1 << i for i, ch in enumerate(self.alphabet)}
        # the characters that match a letter when case is ignored
        self.folded: dict[str, int] = {}
        for ch, b in self.bit.items():
            for v in _variants(ch):
                self.folded[v] = self.folded.get(v, 0) | b
        self._sets: dict[tuple[Any, bool], int] = {}

    def _codes(self, data: Any) -> list[int]:
        out: list[int] = []
        for op, av in data:
            name = str(op)
            if name in ("LITERAL", "NOT_LITERAL"):
                out.append(av)
            elif name == "RANGE":
                out += list(av)
            elif name == "IN":
                out += self._codes(av)
            else:
                for sub in self._children(op, av):
                    out += self._codes(sub)
        return out

    @staticmethod
    def _children(op: Any, av: Any) -> list[Any]:
        name = str(op)
        if name == "SUBPATTERN":
            return [av[-1].data]
        if name in ("MAX_REPEAT", "MIN_REPEAT", "POSSESSIVE_REPEAT"):
            return [av[2].data]
        if name == "BRANCH":
            return [b.data for b in av[1]]
        if name in ("ASSERT", "ASSERT_NOT"):
            return [av[1].data]
        if name == "ATOMIC_GROUP":
            return [av.data]
        if name == "GROUPREF_EXISTS":
            return [b.data for b in av[1:] if b is not None]
        return []

    def literal(self, code: int, ignore_case: bool) -> int:
        ch = chr(code)
        if ignore_case:
            return self.folded.get(ch, 0) | self.bit.get(ch, 0)
        return self.bit.get(ch, 0)

    def mask(self, test: Any, ignore_case: bool) -> int:
        m = 0
        if ignore_case:
            for i, ch in enumerate(self.alphabet):
                if any(test(v) for v in _variants(ch)):
                    m |= 1 << i
        else:
            for i, ch in enumerate(self.alphabet):
                if test(ch):
                    m |= 1 << i
        return m

    def in_set(self, items: Any, ignore_case: bool) -> int:
        key = (tuple((str(op), str(av)) for op, av in items), ignore_case)
        if key not in self._sets:
            self._sets[key] = self._in_set(items, ignore_case)
        return self._sets[key]

    def _in_set(self, items: Any, ignore_case: bool) -> int:
        negate = False
        tests: list[Any] = []
        for op, av in items:
            name = str(op)
            if name == "NEGATE":
                negate = True
            elif name == "LITERAL":
                tests.append(lambda ch, c=av: ord(ch) == c)
            elif name == "RANGE":
                tests.append(lambda ch, lo=av[0], hi=av[1]: lo <= ord(ch) <= hi)
            elif name == "CATEGORY":
                tests.append(lambda ch, n=str(av): _category(n, ch))
            else:  # anything unexpected: any character
                tests.append(lambda ch: True)

        def member(ch: str) -> bool:
            return any(t(ch) for t in tests)

        if negate:
            # [^a] with case ignored matches what neither a nor A is: take the
            # complement of the folded set, then (conservatively) every case variant.
            inside = self.mask(member, ignore_case)
            return self.all & ~inside if not ignore_case else self._widen(self.all & ~inside)
        return self.mask(member, ignore_case)

    def _widen(self, m: int) -> int:
        chosen = {self.alphabet[i] for i in range(len(self.alphabet)) if m >> i & 1}
        return self.mask(lambda ch: ch in chosen, True)

    def seq(self, data: Any, flags: int) -> _Seq:
        ignore_case = bool(flags & re.IGNORECASE)
        items: list[Any] = []
        for op, av in data:
            name = str(op)
            if name == "LITERAL":
                items.append(_Chars(self.literal(av, ignore_case)))
            elif name == "NOT_LITERAL":
                items.append(_Chars(self.in_set([("NEGATE", None), ("LITERAL", av)], ignore_case)))
            elif name == "ANY":
                items.append(_Chars(self.all))
            elif name == "IN":
                items.append(_Chars(self.in_set(av, ignore_case)))
            elif name == "SUBPATTERN":
                add, remove = av[1], av[2]
                inner = self.seq(av[3].data, (flags | add) & ~remove)
                items.extend(inner.items)
            elif name in ("MAX_REPEAT", "MIN_REPEAT", "POSSESSIVE_REPEAT"):
                items.append(_Rep(av[0], av[1], self.seq(av[2].data, flags)))
            elif name == "BRANCH":
                items.append(_Alt([self.seq(b.data, flags) for b in av[1]]))
            elif name == "ATOMIC_GROUP":
                items.extend(self.seq(av.data, flags).items)
            elif name in ("ASSERT", "ASSERT_NOT"):
                items.append(_Look(self.seq(av[1].data, flags)))
            elif name == "AT":
                items.append(_Look(None))
            elif name == "GROUPREF":
                items.append(_Ref())
            elif name == "GROUPREF_EXISTS":
                yes = self.seq(av[1].data, flags)
                no = self.seq(av[2].data, flags) if av[2] is not None else _Seq([])
                items.append(_Alt([yes, no]))
            else:  # an operation this check does not know: assume any text
                items.append(_Ref())
        return _Seq(items)


# --------------------------------------------------------------------------- the ways


class _Automaton:
    """The positions automaton (Glushkov) of one repeat's body.

    Each character set in the body, with bounded repeats written out
    (``a{0,2}`` as ``(a(a)?)?``, so every count has one way), is a position; a way of
    matching the body is a walk from the start through ``follow``. Two different
    walks over the same text are two ways the backtracking matcher will try."""

    START = -1

    def __init__(self, body: _Seq, all_chars: int) -> None:
        self.all = all_chars
        self.chars: list[int] = []
        self.follow: dict[int, set[int]] = {self.START: set()}
        nullable, first, last = self._build(body)
        self.follow[self.START] = set(first)
        self.final = set(last) | ({self.START} if nullable else set())
        self.first = first

    def _new(self, chars: int) -> int:
        if len(self.chars) >= _MAX_POSITIONS:
            raise _TooComplex
        self.chars.append(chars)
        self.follow[len(self.chars) - 1] = set()
        return len(self.chars) - 1

    def _link(self, last: set[int], first: set[int]) -> None:
        for p in last:
            self.follow[p] |= first

    def _build(self, node: Any) -> tuple[bool, set[int], set[int]]:
        """(can match nothing, first positions, last positions)."""
        if isinstance(node, _Chars):
            p = self._new(node.chars)
            return False, {p}, {p}
        if isinstance(node, _Ref):  # any text at all
            p = self._new(self.all)
            self.follow[p].add(p)
            return True, {p}, {p}
        if isinstance(node, _Look):
            return True, set(), set()
        if isinstance(node, _Seq):
            return self._seq([lambda item=item: self._build(item) for item in node.items])
        if isinstance(node, _Alt):
            nullable = False
            first: set[int] = set()
            last: set[int] = set()
            for choice in node.choices:
                n, f, la = self._build(choice)
                nullable, first, last = nullable or n, first | f, last | la
            return nullable, first, last
        if isinstance(node, _Rep):
            lo = min(node.lo, _DEPTH)
            parts = [lambda: self._build(node.body) for _ in range(lo)]
            if node.hi == _UNBOUNDED or node.hi > _DEPTH:
                parts.append(lambda: self._star(node.body))
            elif node.hi > lo:
                parts.append(lambda: self._optional_chain(node.body, node.hi - lo))
            return self._seq(parts)
        raise AssertionError(node)  # pragma: no cover

    def _seq(self, parts: list[Any]) -> tuple[bool, set[int], set[int]]:
        nullable = True
        first: set[int] = set()
        last: set[int] = set()
        for part in parts:
            n, f, la = part()
            self._link(last, f)
            if nullable:
                first = first | f
            last = (last | la) if n else la
            nullable = nullable and n
        return nullable, first, last

    def _star(self, body: _Seq) -> tuple[bool, set[int], set[int]]:
        _, first, last = self._build(body)
        self._link(last, first)
        return True, first, last

    def _optional_chain(self, body: _Seq, count: int) -> tuple[bool, set[int], set[int]]:
        """Up to ``count`` more rounds, each only after the one before: (b(b(b)?)?)?."""
        first: set[int] = set()
        last: set[int] = set()
        prev_last: set[int] | None = None
        all_empty = True  # every round so far can match nothing
        for _ in range(count):
            n, f, la = self._build(body)
            if all_empty:
                first |= f
            if prev_last is not None:
                self._link(prev_last, f)
                if n:  # an empty round lets the next one follow the one before
                    la = la | prev_last
            last |= la
            prev_last = la
            all_empty = all_empty and n
        return True, first, last

    def ambiguous(self) -> bool:
        """Can a round of the repeat match some text in two ways, or end where another
        way of the round goes on with a letter a new round could start with?"""
        starts = 0
        for p in self.first:
            starts |= self.chars[p]
        for f in self.final:
            if any(self.chars[q] & starts for q in self.follow[f]):
                return True
        seen = {(self.START, self.START, False)}
        todo = [(self.START, self.START, False)]
        while todo:
            p, q, apart = todo.pop()
            if apart and (p in self.final or q in self.final):
                return True
            for p2 in self.follow[p]:
                for q2 in self.follow[q]:
                    if not self.chars[p2] & self.chars[q2]:
                        continue
                    state = (p2, q2, apart or p2 != q2)
                    if state not in seen:
                        if len(seen) > _MAX_STATES:
                            raise _TooComplex
                        seen.add(state)
                        todo.append(state)
        return False


def _width(node: Any) -> int:
    """The most characters ``node`` can match, capped at :data:`_N`."""
    if isinstance(node, _Chars):
        return 1
    if isinstance(node, _Ref):
        return _N
    if isinstance(node, _Look):
        return 0
    if isinstance(node, _Seq):
        return min(_N, sum(_width(item) for item in node.items))
    if isinstance(node, _Alt):
        return max((_width(c) for c in node.choices), default=0)
    if isinstance(node, _Rep):
        return min(_N, node.rounds * _width(node.body))
    raise AssertionError(node)  # pragma: no cover


# --------------------------------------------------------------------------- the rules


def _reps(seq: _Seq) -> list[_Rep]:
    """Every repeat inside ``seq``, at any depth (lookarounds included)."""
    out: list[_Rep] = []
    for item in seq.items:
        if isinstance(item, _Rep):
            out.append(item)
            out += _reps(item.body)
        elif isinstance(item, _Alt):
            for choice in item.choices:
                out += _reps(choice)
        elif isinstance(item, _Look) and item.body is not None:
            out += _reps(item.body)
    return out


def _has_ref(seq: _Seq) -> bool:
    for item in seq.items:
        if isinstance(item, _Ref):
            return True
        if isinstance(item, _Rep) and _has_ref(item.body):
            return True
        if isinstance(item, _Alt) and any(_has_ref(c) for c in item.choices):
            return True
        if isinstance(item, _Look) and item.body is not None and _has_ref(item.body):
            return True
    return False


def _check(root: _Seq, all_chars: int) -> RegexRisk | None:
    log_ways = 0.0
    for rep in _reps(root):
        if rep.hi < 2:
            continue
        varying = [r for r in _reps(rep.body) if r.lo < r.hi]
        if rep.big and _has_ref(rep.body):
            return NESTED
        try:
            if not _Automaton(rep.body, all_chars).ambiguous():
                continue
        except _TooComplex:
            return COMPLEX
        risk = NESTED if varying else OVERLAP
        if rep.big:
            return risk
        # A bounded repeat: each round may split its text in up to (width + 1) ways.
        log_ways += rep.rounds * math.log10(_width(rep.body) + 1)
        if log_ways > math.log10(_MAX_WAYS):
            return risk
    return None


# --------------------------------------------------------------------------- entry point


def _mark_choices(pattern: str) -> str:
    """``pattern`` with an empty lookahead after each ``|``, so ``re`` keeps the
    choices as written (it would merge ``(\\w|\\d)`` into a set and pull a shared
    first letter out of ``(ab|ac)``). Character classes, escapes and comments are
    left alone. The meaning of the pattern does not change."""
    out: list[str] = []
    i, n = 0, len(pattern)
    in_class = False
    while i < n:
        ch = pattern[i]
        if ch == "\\" and i + 1 < n:
            out.append(pattern[i : i + 2])
            i += 2
            continue
        if in_class:
            if ch == "]":
                in_class = False
            out.append(ch)
            i += 1
            continue
        if ch == "[":
            in_class = True
            out.append(ch)
            i += 1
            # a ']' straight after '[' or '[^' is a literal
            if i < n and pattern[i] == "^":
                out.append("^")
                i += 1
            if i < n and pattern[i] == "]":
                out.append("]")
                i += 1
            continue
        if pattern.startswith("(?#", i):
            end = pattern.find(")", i)
            end = n if end < 0 else end + 1
            out.append(pattern[i:end])
            i = end
            continue
        if ch == "|":
            out.append("|(?=)")
            i += 1
            continue
        out.append(ch)
        i += 1
    return "".join(out)


def backtracking_risk(pattern: str, flags: int = 0) -> RegexRisk | None:
    """None when ``pattern`` (compiled with ``flags``) cannot backtrack for ever,
    otherwise why it can and what to change. Raises ``re.error`` for a pattern that
    does not compile."""
    parsed = _p.parse(pattern, flags)
    with contextlib.suppress(re.error):  # marking never breaks a valid pattern
        parsed = _p.parse(_mark_choices(pattern), flags)
    try:
        builder = _Builder(parsed)
        root = builder.seq(parsed.data, parsed.state.flags | flags)
        return _check(root, builder.all)
    except RecursionError:
        return COMPLEX
