"""Answer a real modal dialog from a test, and never hang doing it.

A test that answers ``dialog.exec()`` with ``QTimer.singleShot`` hangs for ever when the
timer's callback finds the wrong dialog (one an earlier test left open), raises before it
closes the dialog, or finds none: ``exec()`` only returns once *its* dialog closes.
:func:`answer_dialog` waits (bounded) for a *new* visible dialog of the expected kind,
acts on it, and whatever happens makes sure every dialog that opened meanwhile is closed
by the bound, so ``exec()`` returns and the test fails with a clear message.

    note = answer_dialog(
        qtbot,
        lambda: ask_note(None, "Title", "Prompt"),
        QDialog,
        name="FlagNoteDialog",
        act=lambda d: (d.findChild(QPlainTextEdit).setPlainText("hi"), d.accept()),
    )
"""

from __future__ import annotations

import time
import traceback
from collections.abc import Callable
from typing import Any, TypeVar

import pytest
import shiboken6
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QDialog, QWidget

T = TypeVar("T")

#: How often the helper looks for the dialog (ms).
POLL_MS = 20
#: After the bound, how long the helper waits for its closing to end the blocking call
#: before it tells every running event loop to exit (s).
GRACE_S = 2.0


def _key(widget: QWidget) -> int:
    return shiboken6.getCppPointer(widget)[0]


def _alive(widget: QWidget) -> bool:
    return shiboken6.isValid(widget)


def open_dialogs() -> list[QWidget]:
    """Every visible top-level dialog (message boxes, file and input dialogs included)."""
    return [
        w
        for w in QApplication.topLevelWidgets()
        if isinstance(w, QDialog) and _alive(w) and w.isVisible()
    ]


def describe(widget: QWidget) -> str:
    kind = type(widget).__name__
    name = widget.objectName() or "-"
    return f"{kind} {name!r} titled {widget.windowTitle()!r}"


def close_dialog(widget: QWidget) -> None:
    """Reject (so a running ``exec()`` returns) and hide; never delete here."""
    if not _alive(widget):
        return
    if isinstance(widget, QDialog):
        widget.reject()
    if _alive(widget) and widget.isVisible():
        widget.close()


def answer_dialog(
    qtbot: Any,
    opener: Callable[[], T],
    cls: type[QWidget] = QDialog,
    *,
    name: str | None = None,
    title: str | None = None,
    act: Callable[[Any], object] | None = None,
    modal: bool = True,
    timeout: float = 5.0,
) -> T:
    """Call ``opener`` (which opens a dialog and blocks until it closes) and answer it.

    Waits up to ``timeout`` seconds for a new visible top-level ``cls`` (with object name
    ``name`` and window title ``title`` when given; application- or window-modal when
    ``modal``) that was not open before, and calls ``act(dialog)`` on it once. ``act``
    should close the dialog (accept, reject, click a button); without ``act`` the dialog
    is rejected. Returns what ``opener`` returns.

    Fails the test (instead of hanging) when no such dialog appears, when ``act`` raises,
    or when the dialog, or any other dialog that opened meanwhile, is still open at the
    bound: those are rejected/closed so that ``opener``'s ``exec()`` returns.
    """
    before = {_key(w) for w in QApplication.topLevelWidgets()}
    start = time.monotonic()
    state: dict[str, Any] = {"found": None, "problems": [], "rescued": [], "exited": False}

    def matches(w: QWidget) -> bool:
        return (
            isinstance(w, cls)
            and _alive(w)
            and w.isVisible()
            and _key(w) not in before
            and (not modal or w.isModal())
            and (name is None or w.objectName() == name)
            and (title is None or w.windowTitle() == title)
        )

    def new_windows() -> list[QWidget]:
        return [
            w
            for w in QApplication.topLevelWidgets()
            if _alive(w) and w.isVisible() and _key(w) not in before and w.isWindow()
        ]

    def tick() -> None:
        now = time.monotonic() - start
        if state["found"] is None:
            found = next((w for w in QApplication.topLevelWidgets() if matches(w)), None)
            if found is not None:
                state["found"] = found
                try:
                    if act is None:
                        close_dialog(found)
                    else:
                        act(found)
                except BaseException:  # report it, and close the dialog so exec() returns
                    state["problems"].append(
                        f"acting on {describe(found)} raised:\n{traceback.format_exc()}"
                    )
                    close_dialog(found)
                return
        if now < timeout:
            return
        # The bound: whatever opened since the call started and is still open, close it.
        leftovers = [w for w in new_windows() if isinstance(w, QDialog) or w is state["found"]]
        if state["found"] is None and not state["rescued"]:
            wanted = " ".join(
                part
                for part in (
                    cls.__name__,
                    f"named {name!r}" if name else "",
                    f"titled {title!r}" if title else "",
                    "(modal)" if modal else "",
                )
                if part
            )
            seen = ", ".join(describe(w) for w in leftovers) or "nothing new"
            state["problems"].append(
                f"no new visible {wanted} opened within {timeout:g} s (new windows: {seen})"
            )
        for w in leftovers:
            if all(w is not r for r in state["rescued"]):
                state["rescued"].append(w)
                state["problems"].append(
                    f"{describe(w)} was still open after {timeout:g} s; rejected it"
                )
            close_dialog(w)
        if now > timeout + GRACE_S and not state["exited"]:
            # Closing did not end the blocking call (a window that is not a dialog, or a
            # dialog that ignores reject): end every running event loop.
            state["exited"] = True
            state["problems"].append(
                f"the call still blocked {GRACE_S:g} s after the bound; "
                "told every event loop to exit"
            )
            QApplication.exit(1)

    timer = QTimer()
    timer.setInterval(POLL_MS)
    timer.timeout.connect(tick)
    timer.start()
    try:
        result = opener()
    finally:
        timer.stop()
        timer.timeout.disconnect(tick)
    if state["found"] is None and not state["problems"]:
        state["problems"].append(
            f"{getattr(opener, '__name__', 'opener')} returned without opening a new "
            f"{cls.__name__}" + (f" named {name!r}" if name else "")
        )
    found = state["found"]
    if not state["problems"] and found is not None and _alive(found) and found.isVisible():
        state["problems"].append(f"{describe(found)} is still open after the call returned")
        close_dialog(found)
    if state["problems"]:
        pytest.fail("answer_dialog: " + "\n".join(state["problems"]), pytrace=False)
    return result
