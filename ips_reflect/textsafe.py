"""Text that is safe to show in a terminal, and short excerpts for error messages.

Anything a person wrote (entry titles, search snippets, flag evidence, file
names) may hold characters a terminal acts on instead of showing: ESC starts a
control sequence that can clear the screen or retitle the window, BEL rings,
C1 controls such as U+009B act like ESC [ on some terminals, and the Unicode
bidi controls (U+202E and friends) reorder what is shown so a line reads
differently from what it holds. :func:`for_terminal` turns each of them into
a visible escape (``\\x1b``, ``\\u202e``); :func:`excerpt` quotes at most a few
characters of a value, escaped, for an error message; :func:`json_for_terminal`
does the same for a JSON document without changing what it means.

Plain Python: no Qt.
"""

from __future__ import annotations

import json
import re
from typing import Any

#: C0 controls except tab and newline, DEL, C1 controls, the bidi controls
#: (ALM, LRM, RLM, LRE/RLE/PDF/LRO/RLO, LRI/RLI/FSI/PDI), the line and paragraph
#: separators, and lone surrogates (a file name that is not valid UTF-8).
_UNSAFE = (
    "\x00-\x08\x0b-\x1f\x7f-\x9f"
    "\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069"
    "\ud800-\udfff"
)
_UNSAFE_RE = re.compile(f"[{_UNSAFE}\n]")
_UNSAFE_KEEP_NEWLINE_RE = re.compile(f"[{_UNSAFE}]")
#: What JSON text (with ensure_ascii=False) may still hold raw: JSON itself always
#: escapes U+0000-U+001F, so this is DEL, C1, bidi controls and the separators.
_UNSAFE_IN_JSON_RE = re.compile(
    "[\x7f-\x9f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]"
)


def _escape(match: re.Match[str]) -> str:
    code = ord(match.group())
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def for_terminal(text: object, *, newlines: bool = False) -> str:
    """``text`` with every control and bidi character shown as an escape.

    Tabs are kept; newlines are kept only with ``newlines=True`` (multi-line
    output), otherwise shown as ``\\x0a`` so one value stays on one line.
    """
    s = text if isinstance(text, str) else str(text)
    pattern = _UNSAFE_KEEP_NEWLINE_RE if newlines else _UNSAFE_RE
    return pattern.sub(_escape, s)


def excerpt(value: object, limit: int = 40) -> str:
    """At most ``limit`` characters of ``value``, quoted and escaped, with … if cut.

    ``excerpt("boss") == "'boss'"``; a 10 MB string gives its first 40
    characters. Values that are not text are shown as Python shows them
    (``True``, ``12``), shortened the same way.
    """
    if isinstance(value, str):
        cut = value[:limit]
        more = "…" if len(value) > limit else ""
        return f"'{for_terminal(cut)}{more}'"
    if value is None or isinstance(value, bool | float):
        shown = repr(value)
    elif isinstance(value, int):
        try:
            shown = repr(value)
        except ValueError:  # more digits than Python will print
            shown = "a very large number"
    elif isinstance(value, list | tuple):
        shown = "a list"
    elif isinstance(value, dict):
        shown = "an object"
    else:
        shown = type(value).__name__
    if len(shown) > limit:
        shown = shown[:limit] + "…"
    return for_terminal(shown)


def json_for_terminal(doc: Any) -> str:
    """``doc`` as one line of JSON (non-ASCII kept) with no raw control characters.

    JSON escapes U+0000-U+001F itself; DEL, C1 and the bidi controls are written
    as ``\\uXXXX`` escapes too, which decode to exactly the same strings.
    """
    return json_text_for_terminal(json.dumps(doc, ensure_ascii=False))


def json_text_for_terminal(text: str) -> str:
    """JSON text with DEL, C1 and bidi controls written as ``\\uXXXX`` (same meaning)."""
    return _UNSAFE_IN_JSON_RE.sub(lambda m: f"\\u{ord(m.group()):04x}", text)
