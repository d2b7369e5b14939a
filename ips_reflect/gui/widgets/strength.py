"""A live passphrase strength meter: advice in words, and an optional bar.

The words come from :func:`ips_reflect.core.passphrase.estimate`; the bar (a
``QProgressBar`` 0..4 named ``strengthBar``) carries the score in its dynamic
property ``strength`` too, so the style sheet colours a weak score as a warning.
"""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QProgressBar

from ips_reflect.core.passphrase import Strength, estimate


class StrengthMeter:
    """Shows how hard ``text`` would be to guess in ``label`` (and ``bar``)."""

    def __init__(self, label: QLabel, bar: QProgressBar | None = None) -> None:
        self.label = label
        self.bar = bar
        if bar is not None:
            bar.setRange(0, 4)
        self.update("")

    def update(self, text: str) -> Strength:
        strength = estimate(text)
        words = f"{strength.label}: {strength.hint}" if text else strength.hint
        self.label.setText(words)
        self.label.setAccessibleDescription(words)
        bar = self.bar
        if bar is not None:
            bar.setValue(strength.score)
            bar.setProperty("strength", strength.score)
            bar.setAccessibleDescription(strength.label)
            bar.style().unpolish(bar)
            bar.style().polish(bar)
        return strength
