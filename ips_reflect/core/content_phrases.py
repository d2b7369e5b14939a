"""The phrase syntax of warning-sign patterns: a phrase such as
``give|gave (my) number ... text*`` read into tokens (:func:`phrase_tokens`) and
turned into a regular expression (:func:`phrase_regex`).
"""

from __future__ import annotations

import re

#: Whitespace between two words of a phrase (a match stays within one line).
PHRASE_SPACE = r"[^\S\n]+"
#: ``...`` in a phrase: up to this many words in between.
PHRASE_GAP_WORDS = 4
_GAP = "..."
_ALT_RE = re.compile(r"^[^\s|()*]+\*?$")


def _alternative_regex(alt: str) -> str:
    star = alt.endswith("*")
    core = alt[:-1] if star else alt
    out = []
    for ch in core:
        if ch in "'\u2019":
            out.append("['\u2019]")
        elif ch == "-":
            out.append("[-\\s]?")
        else:
            out.append(re.escape(ch))
    return "".join(out) + (r"\w*" if star else "")


def phrase_tokens(phrase: str) -> list[tuple[str, tuple[str, ...], bool]]:
    """A phrase as (kind, alternatives, optional) tokens; kind is "word" or "gap".

    Raises ValueError with a sentence saying what is wrong.
    """
    tokens: list[tuple[str, tuple[str, ...], bool]] = []
    for raw in phrase.split():
        if raw in (_GAP, "\u2026"):
            if not tokens or tokens[-1][0] == "gap":
                raise ValueError("'...' must come between two words")
            tokens.append(("gap", (), False))
            continue
        optional = raw.startswith("(") or raw.endswith(")")
        if optional:
            if not (raw.startswith("(") and raw.endswith(")")) or len(raw) < 3:
                raise ValueError(f"'{raw}': an optional word is written in brackets, like (own)")
            raw = raw[1:-1]
        alts = tuple(raw.split("|"))
        for alt in alts:
            if not alt or not _ALT_RE.match(alt) or alt == "*":
                raise ValueError(
                    f"'{raw}' is not a word or a list of words like give|gave|given "
                    "(a '*' may only end a word)"
                )
        tokens.append(("word", alts, optional))
    if not tokens:
        raise ValueError("the phrase has no words")
    if tokens[-1][0] == "gap":
        raise ValueError("'...' must come between two words")
    if all(optional for kind, _alts, optional in tokens if kind == "word"):
        raise ValueError("at least one word must not be optional")
    return tokens


def phrase_regex(phrase: str) -> str:
    """The regular expression for a pattern phrase (use with ``re.IGNORECASE``).

    Words match whole words; ``give|gave|given`` is any of those words; ``text*``
    is any word starting with ``text``; ``(own)`` may be left out; ``...`` stands for
    up to four words in between. Spaces match any run of spaces and tabs.
    Raises ValueError if the phrase cannot be read.
    """
    tokens = phrase_tokens(phrase)
    word = "[\\w'\u2019-]+"
    parts: list[str] = []
    at_start = True  # nothing required emitted yet: the next word needs no space before it
    for kind, alts, optional in tokens:
        if kind == "gap":
            parts.append(f"(?:{PHRASE_SPACE}{word}){{0,{PHRASE_GAP_WORDS}}}?")
            continue
        body = "(?:" + "|".join(_alternative_regex(a) for a in alts) + ")"
        if at_start:
            parts.append(f"(?:{body}{PHRASE_SPACE})?" if optional else body)
            at_start = optional
        else:
            parts.append(f"(?:{PHRASE_SPACE}{body})?" if optional else PHRASE_SPACE + body)
    return "(?<![\\w'\u2019-])" + "".join(parts) + "(?![\\w'\u2019])"
