"""Learned word weights for the warning signs: the part of the detector that
generalises to wording nobody wrote a rule for.

The concept rules (:mod:`concepts`) and patterns are precise but only know the
words someone listed; on notes written blind they found about two signs in five.
This model is a logistic regression per sign over the words and word pairs of a
note (weighted tf-idf, with words after a "not", "never", "didn't" ... marked as
negated), trained on the blind practitioner notes in ``tests/data`` by
``tools/train_sign_model.py`` and shipped as data (``content/sign_model.json``),
so the app needs no machine-learning library: scoring is a few dictionary
look-ups. An organisation can retrain it on its own notes with the same tool, or
leave it out (then the rules alone decide, as before).

How the two combine (see :meth:`SignModel.verdicts`): a sign is found in a stretch
of text when the model's probability for it there is at least ``threshold``, or
when a rule or pattern matched there and the probability is at least ``assist``
(so a rule's hit that the model finds implausible, such as a boundary held in
unusual words, is dropped). Signs the model does not know are left to the rules.

Long texts are read in windows of up to three sentences, the length of the notes
it learnt from, so one paragraph about a client cannot be drowned out by a page
about something else.
"""

from __future__ import annotations

import hashlib
import json
import math
import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from itertools import pairwise
from pathlib import Path

from ips_reflect.core.negation import (
    CLAUSE_END,
    CLAUSE_WORDS,
    cue_at,
    negated_starts,
    negated_words,
)

__all__ = [
    "FORMAT",
    "MODEL_FILE",
    "SignModel",
    "SignModelError",
    "analyse",
    "sentences",
    "windows",
]

FORMAT = "ips-reflect/sign-model"
VERSION = 1
MODEL_FILE = "sign_model.json"
MAX_MODEL_BYTES = 16 * 1024 * 1024
#: Sentences per window on long texts (the training notes are one to four sentences).
WINDOW = 4
STRIDE = 2

_WORD = re.compile(r"[a-z]+(?:'[a-z]+)?")  # after lower(): "didn't", "i've", "o'clock"
# A sentence ends at . ! ? before a space (not after an initial, as in "J.K. said") or
# at a line break.
_SENTENCE_END = re.compile(r"[.!?]+(?<!\b[A-Z]\.)(?=\s|$)|\n")


Concepts = Callable[[str], "set[str] | frozenset[str]"]


def analyse(text: str, concepts: Concepts | None = None) -> list[str]:
    """The terms of a text: lower-case words and pairs of neighbouring words within a
    clause; a word that a negation governs (:mod:`negation`, the rules' own reading)
    is written ``~word``. A word that starts a negation is a term only in a pair
    ("didn't ~log"): alone it says nothing about which sign, and in a short note it
    would outweigh the words it negates.

    With ``concepts`` (the packs' concept vocabularies: words -> the concepts whose
    words they hold), also ``@concept`` for each concept in a clause's words that no
    negation governs, and ``~@concept`` for each in the words one does."""
    text = text.lower().replace("\u2019", "'").replace("\u2018", "'")
    terms: list[str] = []
    for part in CLAUSE_END.split(text):
        for clause in _clauses(_WORD.findall(part)):
            negated = negated_words(clause)
            words: list[str] = []
            plain: list[str] = []
            under: list[str] = []
            for i, w in enumerate(clause):
                if negated_starts(clause, i) and cue_at(clause, i):
                    words.append(w)
                    continue
                if negated[i]:
                    words.append("~" + w)
                    under.append(w)
                else:
                    words.append(w)
                    plain.append(w)
                terms.append(words[-1])
            terms += [f"{a} {b}" for a, b in pairwise(words)]
            if concepts is not None:
                if plain:
                    terms += [f"@{c}" for c in sorted(concepts(" ".join(plain)))]
                if under:
                    terms += [f"~@{c}" for c in sorted(concepts(" ".join(under)))]
    return terms


def _clauses(words: list[str]) -> list[list[str]]:
    """A run of words split before each word that starts a new clause ("but", "so")."""
    out: list[list[str]] = [[]]
    for w in words:
        if w in CLAUSE_WORDS and out[-1]:
            out.append([])
        out[-1].append(w)
    return [c for c in out if c]


def sentences(text: str) -> list[tuple[int, int]]:
    """(start, end) of each sentence or line that has a letter in it."""
    out = []
    start = 0
    for end in [m.end() for m in _SENTENCE_END.finditer(text)] + [len(text)]:
        part = text[start:end]
        stripped = part.strip()
        if any(c.isalpha() for c in stripped):
            left = start + len(part) - len(part.lstrip())
            out.append((left, left + len(stripped)))
        start = end
    return out


def windows(spans: Sequence[tuple[int, int]]) -> list[tuple[int, int]]:
    """Sentence indices [i, j) of each window: the whole text when it is short, else
    windows of :data:`WINDOW` sentences that overlap by half (the last one ends with
    the text)."""
    n = len(spans)
    if n <= WINDOW:
        return [(0, n)] if spans else []
    starts = list(range(0, n - WINDOW + 1, STRIDE))
    if starts[-1] != n - WINDOW:
        starts.append(n - WINDOW)
    return [(i, i + WINDOW) for i in starts]


class SignModelError(ValueError):
    """The model file cannot be used: ``message`` says what, ``line``/``col`` where."""

    def __init__(self, message: str, line: int = 1, col: int = 1) -> None:
        super().__init__(message)
        self.message = message
        self.line = line
        self.col = col


@dataclass(frozen=True)
class _Reading:
    spans: list[tuple[int, int]]  # sentences
    terms: list[list[str]]  # each sentence's terms
    windows: list[tuple[int, int]]  # sentence indices [i, j)
    probs: list[list[float]]  # each window's probability per sign


@dataclass(frozen=True)
class Finding:
    """A sign the model supports in one window of a text."""

    sign: str
    probability: float
    start: int  # the window's first and last character
    end: int
    best: tuple[int, int]  # the sentence in the window that weighs most for the sign


class SignModel:
    """Per-sign logistic regression over tf-idf terms (see the module docstring)."""

    def __init__(
        self,
        idf: Mapping[str, float],
        weights: Mapping[str, Sequence[tuple[int, float]]],
        signs: Sequence[str],
        intercepts: Sequence[float],
        threshold: float,
        assist: float,
        digest: str = "",
        concepts: bool = False,
        long_threshold: float | None = None,
    ) -> None:
        self.idf = dict(idf)
        self.weights = {t: tuple(w) for t, w in weights.items()}
        self.signs = tuple(signs)
        self.intercepts = tuple(intercepts)
        self.threshold = threshold
        self.assist = assist
        #: The cut-off on a text long enough to be read in several windows.
        self.long_threshold = threshold if long_threshold is None else long_threshold
        self.digest = digest
        #: Whether the model was trained with concept terms (``@contact_channel`` ...).
        self.concepts = concepts
        self._concepts: Concepts | None = None

    def bound(self, concepts: Concepts | None) -> SignModel:
        """This model reading the packs' concepts with ``concepts`` (the flag engine's
        concept matcher: words -> the concepts whose words they hold)."""
        copy = SignModel.__new__(SignModel)
        copy.__dict__.update(self.__dict__)
        copy._concepts = concepts if self.concepts else None
        return copy

    def terms(self, text: str) -> list[str]:
        """What the model reads in a text (see :func:`analyse`)."""
        return analyse(text, self._concepts)

    # -- reading

    @classmethod
    def from_file(cls, path: Path) -> SignModel:
        from ips_reflect.core.yamlsafe import FileRefused, read_bounded

        try:
            raw = read_bounded(path, MAX_MODEL_BYTES, what="the sign model")
        except FileRefused as exc:
            raise SignModelError(str(exc)) from None
        except OSError as exc:
            raise SignModelError(
                f"the sign model cannot be read ({exc.strerror or exc}); check the file"
            ) from None
        return cls.from_bytes(raw)

    @classmethod
    def from_bytes(cls, raw: bytes) -> SignModel:
        try:
            data = json.loads(raw.decode("utf-8"))
        except UnicodeDecodeError:
            raise SignModelError("the sign model is not UTF-8 text; write it again") from None
        except json.JSONDecodeError as exc:
            raise SignModelError(
                f"the sign model is not valid JSON ({exc.msg}); write it again with "
                "tools/train_sign_model.py",
                exc.lineno,
                exc.colno,
            ) from None
        except RecursionError:
            raise SignModelError("the sign model is nested too deeply to read") from None
        return cls.from_data(data, hashlib.sha256(raw).hexdigest()[:16])

    @classmethod
    def from_data(cls, data: object, digest: str = "") -> SignModel:
        def bad(what: str) -> SignModelError:
            return SignModelError(f"{what}; write the file again with tools/train_sign_model.py")

        if not isinstance(data, dict) or data.get("format") != FORMAT:
            raise bad(f"this is not a sign model (format must be '{FORMAT}')")
        if data.get("version") != VERSION:
            raise bad(f"sign model version {data.get('version')!r} is not {VERSION}")
        signs = data.get("signs")
        if not isinstance(signs, list) or not signs or not all(isinstance(s, str) for s in signs):
            raise bad("'signs' must be a list of warning-sign ids")
        intercepts = data.get("intercepts")
        if not _numbers(intercepts, len(signs)):
            raise bad("'intercepts' must hold one number per sign")
        threshold, assist = data.get("threshold"), data.get("assist")
        long_threshold = data.get("long_threshold", threshold)
        for value, key in (
            (threshold, "threshold"),
            (assist, "assist"),
            (long_threshold, "long_threshold"),
        ):
            if not _number(value) or not 0 < value < 1:  # type: ignore[operator]
                raise bad(f"'{key}' must be a number between 0 and 1")
        if assist > threshold:  # type: ignore[operator]
            raise bad("'assist' must not be above 'threshold'")
        features = data.get("features", ["words"])
        if features not in (["words"], ["words", "concepts"]):
            raise bad('\'features\' must be ["words"] or ["words", "concepts"]')
        terms = data.get("terms")
        if not isinstance(terms, dict):
            raise bad("'terms' must map each term to [idf, {sign index: weight}]")
        idf: dict[str, float] = {}
        weights: dict[str, list[tuple[int, float]]] = {}
        for term, value in terms.items():
            if (
                not isinstance(value, list)
                or len(value) != 2
                or not _number(value[0])
                or value[0] <= 0
                or not isinstance(value[1], dict)
            ):
                raise bad(f"the term {term[:40]!r} must be [idf, {{sign index: weight}}]")
            pairs = []
            for key, w in value[1].items():
                if not key.isdigit() or int(key) >= len(signs) or not _number(w):
                    raise bad(f"the term {term[:40]!r} has a weight for an unknown sign")
                pairs.append((int(key), float(w)))
            idf[term] = float(value[0])
            weights[term] = pairs
        return cls(
            idf,
            weights,
            signs,
            [float(v) for v in intercepts],  # type: ignore[union-attr]
            float(threshold),  # type: ignore[arg-type]
            float(assist),  # type: ignore[arg-type]
            digest,
            concepts="concepts" in features,
            long_threshold=float(long_threshold),  # type: ignore[arg-type]
        )

    # -- scoring

    def probabilities(self, text: str) -> list[float]:
        """The probability of each of :attr:`signs` for ``text`` read as one note."""
        return self._score(self.terms(text))

    def _score(self, terms: Iterable[str]) -> list[float]:
        """Logistic regression on the l2-normalised tf-idf of ``terms`` (tf = 1 + log
        count), in one pass over the distinct known terms."""
        counts: dict[str, int] = {}
        idf = self.idf
        for term in terms:
            if term in idf:
                counts[term] = counts.get(term, 0) + 1
        if not counts:
            return [_sigmoid(b) for b in self.intercepts]
        sums = [0.0] * len(self.intercepts)
        square = 0.0
        weights = self.weights
        log = math.log
        for t, n in counts.items():
            v = idf[t] if n == 1 else (1.0 + log(n)) * idf[t]
            square += v * v
            for k, w in weights[t]:
                sums[k] += w * v
        norm = math.sqrt(square)
        return [_sigmoid(b + s / norm) for b, s in zip(self.intercepts, sums, strict=True)]

    def _read(self, text: str) -> _Reading:
        """The sentences of ``text``, each one's terms (read once), and its windows."""
        spans = sentences(text)
        terms = [self.terms(text[a:b]) for a, b in spans]
        wins = windows(spans)
        probs = [self._score(t for n in range(i, j) for t in terms[n]) for i, j in wins]
        return _Reading(spans, terms, wins, probs)

    def _weight(self, terms: Sequence[str], sign: int) -> float:
        """How much a sentence's known terms push towards sign number ``sign``."""
        total = 0.0
        for term in terms:
            for k, w in self.weights.get(term, ()):
                if k == sign:
                    total += w * self.idf[term]
        return total

    def _best(self, r: _Reading, floor: float) -> list[Finding]:
        best: dict[int, tuple[float, int]] = {}
        for n, row in enumerate(r.probs):
            for k, p in enumerate(row):
                if p >= floor and p > best.get(k, (0.0, 0))[0]:
                    best[k] = (p, n)
        out = []
        for k, (p, n) in best.items():
            i, j = r.windows[n]
            top = max(range(i, j), key=lambda s: self._weight(r.terms[s], k))
            out.append(Finding(self.signs[k], p, r.spans[i][0], r.spans[j - 1][1], r.spans[top]))
        return out

    def cut_off(self, windows: int) -> float:
        return self.threshold if windows <= 1 else self.long_threshold

    def peaks(self, text: str) -> list[float]:
        """Each sign's highest probability over the windows of ``text``."""
        rows = self._read(text).probs
        return [max(col) for col in zip(*rows, strict=True)] if rows else [0.0] * len(self.signs)

    def findings(self, text: str, floor: float | None = None) -> list[Finding]:
        """Each sign whose probability reaches ``floor`` (default: the cut-off for the
        text's length) in a window of ``text``, at its most probable window."""
        r = self._read(text)
        return self._best(r, self.cut_off(len(r.windows)) if floor is None else floor)

    def verdicts(
        self, text: str, rule_hits: Sequence[tuple[str, int, int]]
    ) -> tuple[set[int], list[Finding]]:
        """Which rule hits stand and which signs the model adds.

        ``rule_hits`` are (sign, start, end). Returns the indices of the hits to keep
        and the findings at or above the cut-off for signs with no standing hit. In a
        note-length text a hit for a sign the model knows stands only where the model
        gives that sign at least :attr:`assist`; in a longer text every hit stands (a
        window of four sentences dilutes the one that matters, and the veto was only
        ever measured on notes).
        """
        r = self._read(text)
        bounds = [(r.spans[i][0], r.spans[j - 1][1]) for i, j in r.windows]
        probs = r.probs
        index = {s: k for k, s in enumerate(self.signs)}
        keep: set[int] = set()
        kept_signs: set[str] = set()
        short = len(r.windows) <= 1
        for h, (sign, start, end) in enumerate(rule_hits):
            k = index.get(sign)
            around = [n for n, (a, b) in enumerate(bounds) if a <= start < b or a < end <= b]
            if (
                not short
                or k is None
                or not around
                or any(probs[n][k] >= self.assist for n in around)
            ):
                keep.add(h)
                kept_signs.add(sign)
        found = self._best(r, self.cut_off(len(r.windows)))
        return keep, [f for f in found if f.sign not in kept_signs]


def _number(value: object) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool) and math.isfinite(value)


def _numbers(value: object, count: int) -> bool:
    return isinstance(value, list) and len(value) == count and all(_number(v) for v in value)


def _sigmoid(x: float) -> float:
    if x >= 0:
        return 1.0 / (1.0 + math.exp(-x))
    z = math.exp(x)
    return z / (1.0 + z)
