"""Debounce helpers: "do this once typing pauses", tied to a page's view."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, QTimer


def debounce_timer(view: QObject, ms: int, slot: Callable[[], object]) -> QTimer:
    """A single-shot timer for "do this once typing pauses", owned by the page's view.

    It belongs to the view, not to the page's controller, so it goes with the view:
    a pause that ends after the page was taken down never reaches its deleted widgets.
    """
    timer = QTimer(view)
    timer.setSingleShot(True)
    timer.setInterval(ms)
    timer.timeout.connect(slot)
    return timer
