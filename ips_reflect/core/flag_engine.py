"""The flag engine: :class:`FlagEngine` turns what the text search, the ticks, the
sharing plan and the patterns across entries find into flags, for live text and
for stored entries; :func:`entry_text` and :class:`PlanCheck` are what it reads.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from typing import Any

from ips_reflect import messages
from ips_reflect.core.entries import Entry
from ips_reflect.core.flag_anchors import _STOP
from ips_reflect.core.flag_model import (
    PLAN_EXPERIENCE_QUESTION,
    PLAN_SIGN,
    SHARE_KINDS,
    SOURCES,
    Flag,
    TextHit,
    fingerprint,
)
from ips_reflect.core.flag_patterns import CrossEntryPatterns
from ips_reflect.core.flag_search import TextSearch
from ips_reflect.core.flag_text import _WORDS, _clean, negated
from ips_reflect.core.plan import SharingPlan, as_plan, deviation

#: Answers that are not writing (a choice id, the light of a check) are not scanned.
_SKIP_ANSWERS = frozenset({PLAN_EXPERIENCE_QUESTION, "check.light"})
_EVIDENCE_MAX = 3  # distinct matched phrases shown as a text flag's evidence


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


class FlagEngine(TextSearch, CrossEntryPatterns):
    """Finds warning signs; build once per content and reuse (patterns are compiled when
    it is built: see :class:`TextSearch`; patterns across entries: :class:`CrossEntryPatterns`)."""

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
