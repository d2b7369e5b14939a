"""Flags and what they are made of: :class:`Flag` and its fingerprint, a flag as the
vault keeps it (:class:`FlagRecord`), :class:`TextHit`,
the thresholds of the patterns across entries (:class:`PatternRules`), what those
patterns read of an entry (:class:`Dated`), and the constants the flag modules share.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field
from typing import Any, Protocol

from ips_reflect.core.content_model import SignPattern

SOURCES: tuple[str, ...] = ("ticked", "text", "pattern", "plan")
#: The sign id stored for flags from the ``plan`` source.
PLAN_SIGN = "plan_deviation"
#: Answer key of a check that holds the id of the experience picked from the plan.
PLAN_EXPERIENCE_QUESTION = "before.what.plan_experience"
#: Entry kinds that record a share (a check before it, or a reflection after it).
SHARE_KINDS: tuple[str, ...] = ("before_check", "after_reflection")

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


@dataclass(frozen=True)
class FlagRecord:
    """A flag as kept in the vault (``store.records.FlagStore``)."""

    id: int
    entry_uid: str | None
    sign: str
    source: str
    evidence: str
    explanation: str
    status: str
    note: str
    created: str
    updated: str
    fingerprint: str


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
