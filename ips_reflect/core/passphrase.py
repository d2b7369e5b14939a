"""How hard a new passphrase would be to guess, and the floor a new one must reach.

The estimate comes from ``zxcvbn`` (Dropbox's estimator, kept as a Python port): it
knows the common passwords, names and words an attacker tries first, keyboard runs,
repeats, dates and l33t spellings, and gives a score from 0 to 4 from the number of
guesses it would take. A new passphrase must reach :data:`FLOOR` (3, about a hundred
million guesses or more) as well as :data:`MIN_LENGTH`. Set-up, changing the
passphrase, recovery and ``ips-reflect init``/``passwd`` all go through
:func:`check_new_passphrase`, so no path (the environment variable for scripts
included) can set a weaker one.

The advice is our own plain words (``messages.vault``), chosen from what the estimator
found; it never repeats the passphrase.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from ips_reflect import messages
from ips_reflect.errors import UserError

MIN_LENGTH = 8
#: The lowest score a new passphrase may have (zxcvbn: 3 is "safely unguessable").
FLOOR = 3
#: The estimator's own limit; a longer passphrase is scored on its first 72 characters.
_SCORED_LENGTH = 72
#: Words anyone guessing would try first against this app's vault.
_APP_WORDS = ("ips", "reflect", "ipsreflect", "ips reflect", "journal", "employment")


@dataclass(frozen=True)
class Strength:
    score: int  # 0 (very weak) .. 4 (strong)
    label: str
    hint: str
    acceptable: bool  # reaches the length and the floor


def _zxcvbn(passphrase: str) -> dict[str, Any]:
    from zxcvbn import zxcvbn  # imported on first use: its word lists take a moment

    result: dict[str, Any] = zxcvbn(passphrase[:_SCORED_LENGTH], user_inputs=list(_APP_WORDS))
    return result


def _weakness(result: dict[str, Any]) -> str:
    """Our sentence for the weakest thing the estimator found, or ""."""
    sequence = result.get("sequence") or []
    for match in sequence:
        if match.get("pattern") == "dictionary" and match.get("rank", 10**6) <= 1000:
            return messages.PASS_HINT_COMMON
    kinds = {match.get("pattern") for match in sequence}
    for kind, hint in (
        ("spatial", messages.PASS_HINT_KEYBOARD),
        ("sequence", messages.PASS_HINT_SEQUENCE),
        ("repeat", messages.PASS_HINT_REPEAT),
        ("date", messages.PASS_HINT_DATE),
        ("dictionary", messages.PASS_HINT_WORDS),
    ):
        if kind in kinds:
            return hint
    return ""


def estimate(passphrase: str) -> Strength:
    """How hard the passphrase would be to guess, with advice in plain words."""
    if not passphrase:
        return Strength(0, messages.PASS_LABEL_EMPTY, messages.PASS_HINT_EMPTY, False)
    if len(passphrase) < MIN_LENGTH:
        hint = messages.PASS_HINT_SHORT.format(n=MIN_LENGTH)
        return Strength(0, messages.PASS_LABEL_SHORT, hint, False)
    result = _zxcvbn(passphrase)
    score = max(0, min(4, int(result.get("score", 0))))
    label = messages.PASS_LABELS[score]
    if score >= FLOOR:
        hint = messages.PASS_HINT_STRONG if score == 4 else messages.PASS_HINT_GOOD
        return Strength(score, label, hint, True)
    why = _weakness(result)
    hint = f"{why} {messages.PASS_HINT_FLOOR}" if why else messages.PASS_HINT_FLOOR
    return Strength(score, label, hint, False)


def check_new_passphrase(passphrase: str, confirm: str | None = None) -> None:
    """Raise UserError if ``passphrase`` cannot be used for a vault: too short, below
    the floor, or not matching its confirmation."""
    if len(passphrase) < MIN_LENGTH:
        raise UserError(messages.PASS_TOO_SHORT.format(n=MIN_LENGTH))
    if confirm is not None and confirm != passphrase:
        raise UserError(messages.PASS_MISMATCH)
    strength = estimate(passphrase)
    if not strength.acceptable:
        raise UserError(messages.PASS_TOO_WEAK.format(label=strength.label, hint=strength.hint))
