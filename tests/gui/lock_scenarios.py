"""Typing in each editor of the real app, shared by the lock tests and the crash child.

Each scenario types into one editor of a running :class:`AppShell` and returns what a
person would check afterwards: the widget and the text it must hold. Run as a module,
it is the "crash" half of a test: it opens the app on ``DATA_DIR``, types, waits for
the autosave, and kills itself (SIGKILL, as a crash or a power cut would)::

    python -m tests.gui.lock_scenarios DATA_DIR SCENARIO
"""

from __future__ import annotations

import os
import signal
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QWidget

from ips_reflect.gui.shell.app import AppShell

PASS = "kettle orbit marmalade tunnel"
PLAN = {
    "experiences": [
        {
            "id": "e-redund01",
            "label": "my redundancy",
            "kind": "exp.work_struggles",
            "levels": {"client": "briefly", "employer": "never"},
            "notes": "only the outline",
        }
    ],
    "will_not_share": [],
}


@dataclass
class Typed:
    page: str
    widget: QWidget
    text: str  # what the widget holds after the typing
    read: Callable[[], str]  # reads the widget's text (the widget may be rebuilt)


def make_vault(data_dir: Path) -> None:
    """A vault with a sharing plan and one supervision session (fast key derivation)."""
    from ips_reflect.store.crypto import KdfParams
    from ips_reflect.store.vault import Vault

    vault, _ = Vault.create(data_dir, PASS, kdf=KdfParams(8192, 1, 1))
    with vault:
        vault.plans.save(PLAN)
        vault.supervision.add_session("2026-11-20", "Dr Okafor")


def _text_of(widget: Any) -> str:
    return widget.text() if hasattr(widget, "text") else widget.toPlainText()


def _show_tab_of(tabs: Any, widget: QWidget) -> None:
    for i in range(tabs.count()):
        if tabs.widget(i).isAncestorOf(widget):
            tabs.setCurrentIndex(i)
            return


def _type(widget: QWidget, text: str) -> None:
    widget.setFocus(Qt.FocusReason.OtherFocusReason)
    QTest.keyClicks(widget, text)


def _open(shell: AppShell, key: str) -> Any:
    """Show page ``key`` of the app and return its controller."""
    window = shell.window
    assert window is not None
    window.show_page(key)
    return window.controllers[key]


def _typed(page: str, widget: Any, text: str) -> Typed:
    """Type ``text`` into ``widget`` as a person would; what to check afterwards."""
    _type(widget, text)
    return Typed(page, widget, text, lambda: _text_of(widget))


def prepare(shell: AppShell) -> Typed:
    page = _open(shell, "prepare")
    page.label_edit.setFocus()
    page.label_edit.selectAll()
    return _typed("prepare", page.label_edit, "losing my job")


def before(shell: AppShell) -> Typed:
    page = _open(shell, "before")
    page.audience.setCurrentIndex(page.audience.findData("employer"))
    _type(page.alias, "Mr P")
    page.picker.combo.setCurrentIndex(page.picker.combo.findData("e-redund01"))
    page.next()
    editor = page.full.widgets["before.why.motivation"].editor
    return _typed("before", editor, "He asked why I do this job.")


def after(shell: AppShell) -> Typed:
    page = _open(shell, "after")
    editor = page.questions.widgets["after.learned"].editor
    return _typed("after", editor, "Less is more.")


def journal(shell: AppShell) -> Typed:
    page = _open(shell, "journal")
    page.new_entry()
    _type(page.title_edit, "Quiet day")
    return _typed("journal", page.body_edit, "Wrote up the employer visit.")


def biography(shell: AppShell) -> Typed:
    page = _open(shell, "biography")
    return _typed("biography", page.bio_edit, "I worked in retail for ten years.")


def supervision_notes(shell: AppShell) -> Typed:
    page = _open(shell, "supervision")
    _show_tab_of(page.tabs, page.notes_edit)
    return _typed("supervision", page.notes_edit, "Talked about boundaries.")


def supervision_action(shell: AppShell) -> Typed:
    page = _open(shell, "supervision")
    _show_tab_of(page.tabs, page.action_edit)
    return _typed("supervision", page.action_edit, "Call the employer")


SCENARIOS: dict[str, Callable[[AppShell], Typed]] = {
    "prepare": prepare,
    "before": before,
    "after": after,
    "journal": journal,
    "biography": biography,
    "supervision_notes": supervision_notes,
    "supervision_action": supervision_action,
}


def open_shell(data_dir: Path) -> AppShell:
    """The real app on ``data_dir``, unlocked (as the unlock prompt would)."""
    from ips_reflect.core.content import load_content
    from ips_reflect.core.settings import load_settings
    from ips_reflect.store.vault import Vault

    shell = AppShell(load_content(), load_settings(data_dir), data_dir)
    shell._on_unlocked(Vault.unlock(data_dir, PASS))
    assert shell.window is not None
    shell.window.view.resize(1366, 768)
    QApplication.processEvents()
    return shell


def crash_after_typing(data_dir: Path, name: str) -> None:
    shell = open_shell(data_dir)
    SCENARIOS[name](shell)
    deadline = time.monotonic() + 2.5  # past every autosave's one-second wait
    while time.monotonic() < deadline:
        QApplication.processEvents()
        time.sleep(0.02)
    print("typed", flush=True)
    os.kill(os.getpid(), signal.SIGKILL)


if __name__ == "__main__":
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from ips_reflect.gui.shell.app import ensure_application

    ensure_application()
    crash_after_typing(Path(sys.argv[1]), sys.argv[2])
