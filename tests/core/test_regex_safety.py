"""The check that refuses pack regexes which can backtrack for ever (ReDoS).

Known catastrophic patterns (from the ReDoS literature: OWASP's list, Davis et al.
2018, Weideman et al. 2016) are refused; patterns like those the shipped packs use
are accepted; every regex and exclude in the shipped packs is accepted; and for
patterns the check accepts from a small grammar, matching adversarial text of 30
characters finishes quickly.
"""

from __future__ import annotations

import re
import signal
import time
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ips_reflect.core.content import load_content, phrase_regex
from ips_reflect.core.regex_safety import (
    NESTED_FIX,
    NESTED_REASON,
    OVERLAP_REASON,
    backtracking_risk,
)

CONTENT = Path(__file__).resolve().parent.parent.parent / "content"

CATASTROPHIC = [
    r"\bsecret (a+)+b",  # the issue
    r"(a+)+",
    r"(a*)*",
    r"(a+)*b",
    r"(\w+\s?)+",
    r"^(\w+\s?)*$",
    r"(?:a|b+)*",
    r"(a|a)*",
    r"(a|ab)*",
    r"(\w|\d)+",
    r"(a|aa)+",
    r"(a|a?)+",
    r"(a?)*",
    r"(.*a){11}",
    r"(.*a){12,}",
    r"(x+x+)+y",
    r"(\d+)*$",
    r"^(([a-z])+.)+[A-Z]([a-z])+$",
    r"(?:\s*,\s*)*x",
    r"^([a-zA-Z0-9])(([\-.]|[_]+)?([a-zA-Z0-9]+))*(@){1}[a-z0-9]+[.]{1}(([a-z]{2,3})|([a-z]{2,3}[.]{1}[a-z]{2,3}))$",
    r"^(\w+)*@",
    r"(?:ab|a)*c",
    r'"(?:[^"]|\\.)*"',  # the backslash is in both choices
    r"(a{0,10}){0,10}",
    r"(a|a){0,10}(a|a){0,10}",
    r"(?:\w+){0,10}x",
    r"(?=(a+)+b)",  # inside a lookahead is still run
    r"(?:x|\w)+!",  # a letter of one choice is also a letter of the other
    r"(?i)(?:k|K)+!",  # the same letter once case is ignored
    r"(?:\u212a|k)+!",  # KELVIN SIGN matches k when case is ignored
    r"(?:\w+\s*)+$",
    r"(?:\w+\w+)+",  # two unbounded repeats side by side inside a repeat
]

SAFE = [
    r"\bour secret\b",
    r"\bsecret a+b",
    r"\bI(?:'d| had| was| kept)*\s+(?:offload|vent)",
    r"[^.!?\n]{0,30}?",
    r"\b(?:seemed|looked)(?: a (?:bit|little)| quite)? (?:envious|jealous)\b",
    r"\bI (?:\w+ ){0,2}?(?:seemed|looked)\b",
    r"(?:ab|ac)*",
    r"(ab?)*",
    r"(?:x\s?y)*",
    r"(?:\w+ )*end",
    r"(?:[a-z]{0,3}\d)*",
    r"(a|a){0,3}",
    r"a{0,100}b",
    r"\w+\s+\w+",
    r"(?:\.|[^.])",
    r"(?:[,;] )+",
    r"\b(?:\w+-)*\w+\b",
    r"(?:'s| is)+",
    r"(?# a|a comment)(?:x|y)*",
    r"[|]+(?:a|b)*",
]


def _shipped_regexes() -> list[str]:
    found: list[str] = []

    def walk(node: Any) -> None:
        if isinstance(node, dict):
            for key, value in node.items():
                if key == "regex":
                    found.append(value)
                elif key == "exclude":
                    found.extend(value)
                else:
                    walk(value)
        elif isinstance(node, list):
            for value in node:
                walk(value)

    for path in sorted(CONTENT.glob("*.yaml")):
        walk(yaml.safe_load(path.read_text(encoding="utf-8")))
    return found


@pytest.mark.timeout(60)
@pytest.mark.parametrize("pattern", CATASTROPHIC)
def test_known_catastrophic_patterns_are_refused(pattern: str) -> None:
    risk = backtracking_risk(pattern, re.IGNORECASE)
    assert risk is not None, pattern
    assert "take for ever" in risk.reason and risk.fix


def test_there_are_enough_known_catastrophic_patterns() -> None:
    assert len(CATASTROPHIC) >= 12


@pytest.mark.timeout(60)
@pytest.mark.parametrize("pattern", SAFE)
def test_safe_patterns_are_accepted(pattern: str) -> None:
    assert backtracking_risk(pattern, re.IGNORECASE) is None


def test_the_reasons_are_in_words() -> None:
    nested = backtracking_risk(r"(a+)+")
    assert nested is not None and nested.reason == NESTED_REASON
    assert "(a+)+ -> a+" in nested.fix == NESTED_FIX
    overlap = backtracking_risk(r"(a|ab)*")
    assert overlap is not None and overlap.reason == OVERLAP_REASON
    assert str(overlap) == f"{overlap.reason}; {overlap.fix}"


def test_an_invalid_pattern_raises_re_error() -> None:
    with pytest.raises(re.error):
        backtracking_risk("(unclosed")


@pytest.mark.timeout(60)
def test_every_shipped_regex_and_exclude_is_accepted() -> None:
    patterns = _shipped_regexes()
    assert len(patterns) > 100  # the warning signs' regexes and excludes
    assert r"[^.!?\n]{0,30}?" in "".join(patterns)
    refused = {p: str(r) for p in patterns if (r := backtracking_risk(p, re.IGNORECASE))}
    assert refused == {}


@pytest.mark.timeout(60)
def test_every_shipped_phrase_gives_a_safe_regex() -> None:
    content = load_content(CONTENT)
    phrases = [
        pattern.phrase
        for item in content.items()
        for pattern in item.patterns
        if pattern.phrase is not None
    ]
    assert phrases
    refused = [p for p in phrases if backtracking_risk(phrase_regex(p), re.IGNORECASE)]
    assert refused == []


# --------------------------------------------------------------------------- property

ATOMS = ["a", "b", "ab", "[ab]", r"\w", r"\s", ".", "[^b]", "a b", " ", "-"]
QUANTIFIERS = ["*", "+", "?", "{0,3}", "{1,12}", "{2,}", "*?", "+?", "{0,40}"]
ADVERSARIAL = [
    "a" * 30,
    "a" * 29 + "!",
    "ab" * 15,
    "a " * 15,
    "a" * 15 + "b" * 14 + "!",
    "a b" * 10,
]

_regexes = st.recursive(
    st.sampled_from(ATOMS),
    lambda inner: st.one_of(
        st.tuples(inner, inner).map("".join),
        st.tuples(inner, inner).map(lambda t: f"(?:{t[0]}|{t[1]})"),
        st.tuples(inner, inner, inner).map(lambda t: f"({t[0]}|{t[1]}|{t[2]})"),
        st.tuples(inner, st.sampled_from(QUANTIFIERS)).map(lambda t: f"(?:{t[0]}){t[1]}"),
    ),
    max_leaves=7,
)
_patterns = st.tuples(_regexes, st.sampled_from(["", "c", "$", "!b", r"\b"])).map("".join)


class _TookTooLong(Exception):
    pass


def _on_alarm(signum: int, frame: Any) -> None:
    raise _TookTooLong


def _match_time(pattern: str, limit: float) -> float:
    """Seconds to search every adversarial text; _TookTooLong past ``limit``.

    ``re`` checks for signals while it backtracks, so the timer stops a runaway
    search instead of hanging the test run."""
    compiled = re.compile(pattern, re.IGNORECASE)
    old = signal.signal(signal.SIGALRM, _on_alarm)
    signal.setitimer(signal.ITIMER_REAL, limit)
    try:
        start = time.perf_counter()
        for text in ADVERSARIAL:
            compiled.search(text)
        return time.perf_counter() - start
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, old)


def test_the_timer_stops_a_runaway_match() -> None:
    with pytest.raises(_TookTooLong):
        _match_time(r"(a|a)*c", 0.2)


@pytest.mark.timeout(60, method="thread")  # the test uses SIGALRM itself
@settings(
    max_examples=300,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much],
)
@given(_patterns)
def test_accepted_patterns_finish_quickly_on_adversarial_text(pattern: str) -> None:
    if backtracking_risk(pattern, re.IGNORECASE) is not None:
        return  # refused: never reaches the engine
    try:
        elapsed = _match_time(pattern, 2.0)
    except _TookTooLong:
        pytest.fail(f"accepted {pattern!r}, but matching 30 characters took over 2 s")
    assert elapsed < 2.0
