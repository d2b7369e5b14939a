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

Plain Python: no Qt, no database. Checking a vault's entries and storing the flags
is an operation: :mod:`ips_reflect.ops.flags`.

This module is the public face of the flags; the code lives in :mod:`flag_model`
(flags, hits, thresholds), :mod:`flag_text` (negation, sentences),
:mod:`flag_anchors` (the prefilter's anchors), :mod:`flag_search` (the text search),
:mod:`flag_patterns` (patterns across entries), and :mod:`flag_engine` (the engine), all
under ``ips_reflect.core``.
"""

from __future__ import annotations

from ips_reflect.core.flag_anchors import (
    phrase_anchor_groups,
    regex_anchor_groups,
)
from ips_reflect.core.flag_engine import (
    FlagEngine,
    PlanCheck,
    entry_text,
)
from ips_reflect.core.flag_model import (
    PLAN_EXPERIENCE_QUESTION,
    PLAN_SIGN,
    SHARE_KINDS,
    SOURCES,
    Dated,
    Flag,
    PatternRules,
    TextHit,
    fingerprint,
)
from ips_reflect.core.flag_search import (
    ENGINE_VERSION,
)
from ips_reflect.core.flag_text import (
    negated,
    sentence_around,
)

__all__ = [
    "ENGINE_VERSION",
    "PLAN_EXPERIENCE_QUESTION",
    "PLAN_SIGN",
    "SHARE_KINDS",
    "SOURCES",
    "Dated",
    "Flag",
    "FlagEngine",
    "PatternRules",
    "PlanCheck",
    "TextHit",
    "entry_text",
    "fingerprint",
    "negated",
    "phrase_anchor_groups",
    "regex_anchor_groups",
    "sentence_around",
]
