"""New passphrases: the strength meter and the floor (zxcvbn score 3) every path obeys."""

from __future__ import annotations

import pytest

from ips_reflect.core.passphrase import FLOOR, MIN_LENGTH, check_new_passphrase, estimate
from ips_reflect.errors import UserError

FIVE_WORDS = "kettle orbit marmalade tunnel violin"


def test_short_passphrase_is_refused_with_advice() -> None:
    s = estimate("abc")
    assert not s.acceptable and s.score == 0
    assert str(MIN_LENGTH) in s.hint
    with pytest.raises(UserError, match="too short"):
        check_new_passphrase("abc")


@pytest.mark.parametrize(
    "weak", ["password", "Password1!", "qwerty12", "aaaaaaaaaaaa", "abcdefghijkl", "sunshine1"]
)
def test_passphrases_below_the_floor_are_refused_with_a_way_forward(weak: str) -> None:
    s = estimate(weak)
    assert s.score < FLOOR and not s.acceptable
    with pytest.raises(UserError) as caught:
        check_new_passphrase(weak)
    message = caught.value.message
    assert "guessed too easily" in message and "unrelated words" in message
    assert weak not in message  # the passphrase itself is never repeated


def test_the_hint_says_what_made_it_weak() -> None:
    assert "commonest" in estimate("password").hint
    assert "repeats" in estimate("aaaaaaaaaaaa").hint
    assert "abc" in estimate("abcdefghijkl").hint


def test_several_unrelated_words_pass_the_floor() -> None:
    assert estimate("kettle orbit marmalade tunnel").score >= FLOOR
    assert estimate(FIVE_WORDS).score == 4
    check_new_passphrase(FIVE_WORDS, FIVE_WORDS)


def test_a_very_long_passphrase_is_scored_not_refused() -> None:
    long = " ".join([FIVE_WORDS] * 6)  # far past the estimator's 72 characters
    assert estimate(long).acceptable
    check_new_passphrase(long)


def test_mismatched_confirmation_is_refused() -> None:
    with pytest.raises(UserError, match="do not match"):
        check_new_passphrase(FIVE_WORDS, FIVE_WORDS[:-1])
