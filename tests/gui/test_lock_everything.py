"""Locking the whole app, with every page built and visited: no entry text is left in
any widget or model, no undo history survives, and the pages come back on unlock.

The page tests each check their own page; this one checks them together, the way a
person uses the app (so a page added later is covered too)."""

from __future__ import annotations

import pytest
from flow_helpers import all_texts, assert_no_secret, fast_vault
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QApplication, QLineEdit, QPlainTextEdit, QTextEdit

from ips_reflect.core.entries import Entry
from ips_reflect.core.settings import load_settings
from ips_reflect.gui.shell.app import create_main_window
from ips_reflect.ops.flags import sync_vault_flags

SECRETS = ["Quillfeather", "Marrowby", "zephyrine", "Tobermory-Vane"]


@pytest.fixture
def vault(data_dir):
    yield from fast_vault(data_dir)


@pytest.fixture
def filled(vault, content):
    vault.entries.add(
        Entry(
            kind="journal",
            title="Quillfeather interview",
            body="I gave him my personal mobile after the zephyrine fair.",
            client_alias="Marrowby",
            tags=["Tobermory-Vane"],
            bring_to_supervision=True,
        )
    )
    vault.entries.add(
        Entry(
            kind="before_check",
            title="Check for Marrowby",
            audience="employer",
            client_alias="Marrowby",
            body="Quillfeather again.",
        )
    )
    session = vault.supervision.add_session("2026-11-20", "Zephyrine Okafor")
    vault.supervision.add_action(session.id, "Ask about Quillfeather", "2026-12-01")
    sync_vault_flags(vault, content)
    return vault


def visit_everything(qtbot, window) -> None:
    for row in range(window.pages.rowCount()):
        key = window.pages.page_at(row).key
        window.show_page(key)
        QApplication.processEvents()
    journal = window.controllers["journal"]
    window.show_page("journal")
    uid = journal.vault.entries.list(kind="journal")[0].uid
    assert journal.show_entry(uid)
    QApplication.processEvents()


def test_lock_leaves_no_entry_text_in_any_page(qtbot, content, data_dir, filled):
    window = create_main_window(content, load_settings(data_dir), data_dir, features=True)
    qtbot.addWidget(window.view)
    window.view.resize(1200, 800)
    window.view.show()
    window.set_vault(filled)
    visit_everything(qtbot, window)
    shown = " ".join(all_texts(window.view)).lower()
    assert all(s.lower() in shown for s in SECRETS[:2])  # the test sees them when open

    window.flush()
    window.set_vault(None)
    filled.close()
    QApplication.processEvents()

    assert_no_secret(window.view, SECRETS)
    for stack in window.view.findChildren(QUndoStack):
        assert stack.count() == 0, stack.objectName() or type(stack.parent()).__name__
    for box in window.view.findChildren(QLineEdit):
        if any(s.lower() in box.text().lower() for s in SECRETS):
            raise AssertionError(f"{box.objectName()} still holds entry text")
    for box in window.view.findChildren(QPlainTextEdit) + window.view.findChildren(QTextEdit):
        assert not box.document().isUndoAvailable(), box.objectName()
