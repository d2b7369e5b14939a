from __future__ import annotations

import pytest

from ips_reflect.core.passphrase import MIN_LENGTH, check_new_passphrase, estimate
from ips_reflect.errors import UserError


def test_short_passphrase_is_refused_with_advice() -> None:
    s = estimate("abc")
    assert not s.acceptable and s.score == 0
    assert str(MIN_LENGTH) in s.hint
    with pytest.raises(UserError, match="too short"):
        check_new_passphrase("abc")


def test_common_password_is_flagged_very_weak() -> None:
    assert estimate("Password1!").label == "Very weak"
    assert estimate("qwerty12").label == "Very weak"


def test_keyboard_runs_and_repeats_score_low() -> None:
    assert estimate("aaaaaaaaaaaa").score <= 1
    assert estimate("abcdefghijkl").score <= 1


def test_several_unrelated_words_are_strong() -> None:
    assert estimate("kettle orbit marmalade tunnel").score >= 3
    assert estimate("kettle orbit marmalade tunnel violin").score == 4


def test_mismatched_confirmation_is_refused() -> None:
    with pytest.raises(UserError, match="do not match"):
        check_new_passphrase("kettle orbit marmalade", "kettle orbit marmalad")
    check_new_passphrase("kettle orbit marmalade", "kettle orbit marmalade")
