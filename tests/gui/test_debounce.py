"""A pause timer belongs to the page's view, so it never fires into a page that was
taken down (the journal's search, the biography's guard, the flag panel, ...)."""

from __future__ import annotations

import shiboken6
from PySide6.QtWidgets import QLineEdit, QWidget

from ips_reflect.gui.widgets.debounce import debounce_timer


def test_a_pending_pause_dies_with_its_view(qtbot):
    view = QWidget()
    edit = QLineEdit(view)
    seen: list[str] = []
    timer = debounce_timer(view, 30, lambda: seen.append(edit.text()))
    edit.setText("still typing")
    timer.start()
    shiboken6.delete(view)  # the page is taken down before the pause ends
    qtbot.wait(120)
    assert seen == [] and not shiboken6.isValid(timer)


def test_the_pause_fires_once_when_the_view_lives(qtbot):
    view = QWidget()
    qtbot.addWidget(view)
    seen: list[int] = []
    timer = debounce_timer(view, 20, lambda: seen.append(1))
    for _ in range(3):  # typing restarts the pause
        timer.start()
    qtbot.waitUntil(lambda: seen == [1], timeout=1000)
    qtbot.wait(60)
    assert seen == [1]
