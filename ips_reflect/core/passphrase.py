"""Passphrase rules and a plain-words strength hint.

The hint is advice, not a gate: the only hard rule is a minimum length. The
estimate is deliberately simple and conservative (it assumes an attacker knows
common passwords, keyboard runs and repeated characters) and is explained to
the user in one sentence.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass

from ips_reflect.errors import UserError

MIN_LENGTH = 8

_COMMON = {
    "password",
    "passw0rd",
    "letmein",
    "qwerty",
    "iloveyou",
    "welcome",
    "monkey",
    "dragon",
    "football",
    "sunshine",
    "princess",
    "admin",
    "abc123",
    "123456",
    "12345678",
    "123456789",
    "trustno1",
    "secret",
    "changeme",
    "summer",
    "winter",
}
_RUNS = ("abcdefghijklmnopqrstuvwxyz", "qwertyuiopasdfghjklzxcvbnm", "0123456789")


@dataclass(frozen=True)
class Strength:
    score: int  # 0 (very weak) .. 4 (strong)
    label: str
    hint: str
    acceptable: bool


def _charset(p: str) -> int:
    size = 0
    if re.search(r"[a-z]", p):
        size += 26
    if re.search(r"[A-Z]", p):
        size += 26
    if re.search(r"[0-9]", p):
        size += 10
    if re.search(r"[^a-zA-Z0-9]", p):
        size += 33
    return max(size, 1)


def _effective_length(p: str) -> float:
    """Length with repeats and keyboard or alphabet runs counted at a fraction."""
    lowered = p.lower()
    length = 0.0
    for i, ch in enumerate(lowered):
        prev = lowered[i - 1] if i else ""
        in_run = any(prev and prev + ch in run for run in _RUNS)
        length += 0.25 if (ch == prev or in_run) else 1.0
    return length


def estimate(passphrase: str) -> Strength:
    """How hard the passphrase would be to guess, with advice in plain words."""
    p = passphrase
    if not p:
        return Strength(0, "Empty", "Choose a passphrase only you know.", False)
    if len(p) < MIN_LENGTH:
        return Strength(
            0,
            "Too short",
            f"Use at least {MIN_LENGTH} characters; three or four unrelated words work well.",
            False,
        )
    core = re.sub(r"[^a-z0-9]", "", p.lower())
    if core in _COMMON or any(core.startswith(c) and len(core) - len(c) <= 3 for c in _COMMON):
        return Strength(
            0, "Very weak", "This is one of the first passwords anyone would try.", True
        )
    words = len(re.findall(r"[A-Za-z]{3,}", p))
    bits = _effective_length(p) * math.log2(_charset(p))
    if words >= 4:
        bits = max(bits, 50.0 + 11.0 * (words - 4))
    if bits < 40:
        return Strength(1, "Weak", "Longer is stronger: add another unrelated word.", True)
    if bits < 60:
        return Strength(2, "Fair", "Good start; one more word would make it much stronger.", True)
    if bits < 80:
        return Strength(3, "Good", "A good passphrase. Make sure you can remember it.", True)
    return Strength(4, "Strong", "A strong passphrase. Make sure you can remember it.", True)


def check_new_passphrase(passphrase: str, confirm: str | None = None) -> None:
    """Raise UserError if ``passphrase`` cannot be used for a vault."""
    if len(passphrase) < MIN_LENGTH:
        raise UserError(
            f"That passphrase is too short: use at least {MIN_LENGTH} characters "
            "(a few unrelated words are easy to remember and hard to guess)."
        )
    if confirm is not None and confirm != passphrase:
        raise UserError("The two passphrases do not match; type the same passphrase twice.")
