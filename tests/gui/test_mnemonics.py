"""No two controls a person can reach at once share an Alt+letter.

Every page of the full window (with a real vault), in each of its states that shows
different controls (each page of every stack in it: the journal's list and editor, the
before-sharing steps...), and every dialog: the visible, enabled buttons, tick boxes,
labels with a buddy, tabs, group boxes and the menu bar's menus (always reachable with
Alt) must each have their own letter. A clash makes Alt+letter do the wrong thing (the
View menu instead of the editor's button) or only move focus between the two.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterator

import pytest
import shiboken6
from flow_helpers import PLAN, fast_vault
from PySide6.QtCore import QEvent
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QApplication,
    QDialog,
    QGroupBox,
    QLabel,
    QMainWindow,
    QStackedWidget,
    QTabBar,
    QWidget,
)

from ips_reflect import paths
from ips_reflect.core.entries import Entry
from ips_reflect.core.settings import load_settings
from ips_reflect.gui.shell.app import create_main_window
from ips_reflect.gui.shell.care.restore import RestoreDialog
from ips_reflect.gui.shell.uiloader import load_ui
from ips_reflect.ops.flags import sync_vault_flags

_MNEMONIC = re.compile(r"(?<!&)&(?!&)(\w)")

pytestmark = pytest.mark.timeout(300)


def letter(text: str) -> str | None:
    """The Alt+letter of ``text`` ("E&xport" -> "x"), or None."""
    match = _MNEMONIC.search(text.replace("&&", ""))
    return match.group(1).lower() if match else None


def reachable(widget: QWidget) -> bool:
    return widget.isVisible() and widget.isEnabled()


def claims(root: QWidget) -> dict[str, list[str]]:
    """Alt+letter -> the controls under ``root`` a person can reach with it now."""
    found: dict[str, list[str]] = defaultdict(list)

    def claim(text: str, what: str) -> None:
        key = letter(text)
        if key:
            found[key].append(f"{what} {text!r}")

    for w in root.findChildren(QWidget):
        if not reachable(w):
            continue
        name = w.objectName() or type(w).__name__
        if isinstance(w, QAbstractButton):
            claim(w.text(), name)
        elif isinstance(w, QLabel) and w.buddy() is not None and reachable(w.buddy()):
            claim(w.text(), f"{name} (label)")
        elif isinstance(w, QGroupBox):
            claim(w.title(), f"{name} (group)")
        elif isinstance(w, QTabBar):
            for i in range(w.count()):
                if w.isTabEnabled(i) and w.isTabVisible(i):
                    claim(w.tabText(i), f"{name} (tab {i})")
    if isinstance(root, QMainWindow) and root.menuBar() is not None:
        for action in root.menuBar().actions():
            if action.isVisible() and action.isEnabled():
                claim(action.text(), "menu")
    return found


def clashes(root: QWidget, where: str) -> list[str]:
    return [
        f"{where}: Alt+{key.upper()} is {' and '.join(sorted(set(what)))}"
        for key, what in sorted(claims(root).items())
        if len(what) > 1
    ]


def states(root: QWidget) -> Iterator[str]:
    """Show each page of each stack under ``root`` in turn (one stack at a time), and
    each list or table with its first row chosen."""
    yield "as shown"
    for view in root.findChildren(QAbstractItemView):
        model = view.model()
        if view.isVisible() and model is not None and model.rowCount() > 0:
            view.setCurrentIndex(model.index(0, 0))
            QApplication.processEvents()
            yield f"{view.objectName()} first row chosen"
    for stack in root.findChildren(QStackedWidget):
        if not stack.isVisible():
            continue
        was = stack.currentIndex()
        for i in range(stack.count()):
            if i == was:
                continue
            stack.setCurrentIndex(i)
            QApplication.processEvents()
            yield f"{stack.objectName()} page {stack.widget(i).objectName()}"
        stack.setCurrentIndex(was)
        QApplication.processEvents()


@pytest.fixture
def vault(data_dir, content):
    for vault in fast_vault(data_dir):
        vault.entries.add(
            Entry(
                kind="journal",
                title="Interview",
                body="I gave him my personal mobile number after the fair.",
                client_alias="Robin",
                bring_to_supervision=True,
            )
        )
        vault.plans.save(PLAN)  # the Prepare page's experience editor, shown
        session = vault.supervision.add_session("2026-11-20", "Sam")
        vault.supervision.add_action(session.id, "Ask about the fair", "2026-12-01")
        sync_vault_flags(vault, content)
        yield vault


@pytest.fixture
def window(qtbot, content, data_dir, vault):
    window = create_main_window(content, load_settings(data_dir), data_dir, features=True)
    window.view.resize(1280, 860)
    window.view.show()
    qtbot.waitExposed(window.view)
    window.set_vault(vault)
    QApplication.processEvents()
    yield window
    window.set_vault(None)
    window.view.close()
    window.view.deleteLater()
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


def test_no_two_controls_share_an_alt_letter_on_any_page(window):
    found: list[str] = []
    for row in range(window.pages.rowCount()):
        key = window.pages.page_at(row).key
        page = window.show_page(key)
        QApplication.processEvents()
        for state in states(page):
            found += clashes(window.view, f"{key}, {state}")
        if key == "journal":  # the editor: a new entry
            window.controllers["journal"].new_entry()
            QApplication.processEvents()
            for state in states(page):
                found += clashes(window.view, f"journal editor, {state}")
    assert not found, "\n".join(dict.fromkeys(found))


def dialog_names() -> list[str]:
    return sorted(p.stem for p in paths.ui_file("about").parent.glob("*.ui"))


def test_no_two_controls_share_an_alt_letter_in_any_dialog(qtbot, window):
    found: list[str] = []
    checked = []
    for name in dialog_names():
        view = load_ui(name, window.view)
        if not isinstance(view, QDialog):
            view.deleteLater()
            continue
        checked.append(name)
        view.show()
        QApplication.processEvents()
        for state in states(view):
            found += clashes(view, f"{name}, {state}")
        view.close()
        if shiboken6.isValid(view):
            view.deleteLater()
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    assert "unlock" in checked and "care_restore" in checked
    assert not found, "\n".join(dict.fromkeys(found))


def test_the_restore_dialog_asking_for_the_recovery_code(qtbot, data_dir, window):
    restore = RestoreDialog(data_dir, window.view)
    restore.view.show()
    for code in (True, False):
        restore.use_code_check.setChecked(code)
        QApplication.processEvents()
        assert letter(restore.secret_label.text())
        assert not clashes(restore.view, f"restore, code {code}")
    restore.view.close()
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


def test_the_letter_is_found():
    assert letter("E&xport") == "x"
    assert letter("Save && go") is None
    assert letter("&&Save &now") == "n"
