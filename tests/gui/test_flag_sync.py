"""Flags on every save: the real main window over a real vault re-checks an entry the
moment it is saved (a worker), and the Journal's flag column and the Flags page show the
new flag within a second, without "Check again". The Journal editor's live panel, and
the FlagSync controller's folding of requests.

The note dialog is replaced with ``monkeypatch`` so tests never block.
"""

from __future__ import annotations

import json
import time

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QPushButton

from ips_reflect.core.entries import Entry, exchange_document
from ips_reflect.gui.pages.journal.models import Column
from ips_reflect.gui.shell.flag_sync import KEY
from ips_reflect.gui.widgets import flag_panel

SIGN_TEXT = "I gave him my personal mobile number"
SAVE_TO_SHOWN_MS = 1000


@pytest.fixture
def vault(data_dir, monkeypatch):
    """A real, unlocked vault whose key derivation is cheap (tested elsewhere)."""
    from ips_reflect.store.crypto import KdfParams
    from ips_reflect.store.vault import Vault

    fast = KdfParams(8192, 1, 1)
    monkeypatch.setattr(Vault, "kdf_target", fast)
    v, _code = Vault.create(data_dir, "kettle orbit marmalade tunnel", kdf=fast)
    v.entries.add(
        Entry(
            kind="journal",
            created="2026-03-02T09:30:00+00:00",
            title="A quiet day",
            body="Nothing much to note.",
        )
    )
    try:
        yield v
    finally:
        v.close()


@pytest.fixture
def window(qtbot, content, data_dir, vault):
    from ips_reflect.core.settings import load_settings
    from ips_reflect.gui.shell.app import create_main_window

    win = create_main_window(content, load_settings(data_dir), data_dir)
    qtbot.addWidget(win.view)
    win.set_vault(vault)
    win.show()
    qtbot.waitExposed(win.view)
    flags = win.controllers["flags"]
    qtbot.waitUntil(lambda: not flags.busy, timeout=5000)  # the unlock's own check
    yield win
    win.set_vault(None)
    win.view.close()
    QApplication.processEvents()


def flag_cell(journal, uid: str) -> str:
    info = journal.catalog.by_uid(uid)
    if info is None:
        return ""
    row = journal.model.row_of_id(info.id)
    return journal.model.index(row, Column.FLAGS).data() if row >= 0 else ""


def listed(flags_page, uid: str) -> list[str]:
    return [r.sign for r in flags_page.all_rows() if r.entry_uid == uid]


def saved(vault, title: str) -> Entry:
    (entry,) = [e for e in vault.entries.list() if e.title == title]
    return entry


def test_a_saved_journal_entry_is_flagged_within_a_second(qtbot, window, vault) -> None:
    journal, flags = window.controllers["journal"], window.controllers["flags"]
    window.show_page("journal")
    journal.new_entry()
    qtbot.keyClicks(journal.title_edit, "After the job fair")
    journal.body_edit.setFocus()
    qtbot.keyClicks(journal.body_edit, f"Long day. Before he left {SIGN_TEXT}.")
    started = time.perf_counter()
    qtbot.mouseClick(journal.save_button, Qt.MouseButton.LeftButton)
    uid = saved(vault, "After the job fair").uid
    qtbot.waitUntil(
        lambda: flag_cell(journal, uid) == "1" and "contact_details" in listed(flags, uid),
        timeout=SAVE_TO_SHOWN_MS,
    )
    elapsed = (time.perf_counter() - started) * 1000
    print(f"save to flag shown in the Journal and on the Flags page: {elapsed:.0f} ms")
    assert not flags.refresh_button.isDown()  # nobody pressed "Check again"
    row = next(r for r in flags.all_rows() if r.entry_uid == uid)
    assert row.source == "text" and "personal mobile" in row.evidence
    # Editing the words away takes the open flag away again, as fast.
    journal.show_entry(uid)
    journal.edit_current()
    journal.body_edit.setPlainText("Long day. Nothing else.")
    journal.save_button.click()
    qtbot.waitUntil(
        lambda: flag_cell(journal, uid) == "" and listed(flags, uid) == [],
        timeout=SAVE_TO_SHOWN_MS,
    )


def test_checks_reflections_and_imports_are_flagged_at_once(qtbot, window, vault, tmp_path) -> None:
    journal, flags = window.controllers["journal"], window.controllers["flags"]
    check = Entry(
        kind="before_check",
        audience="client",
        client_alias="J.T.",
        title="About my first job",
        body=f"Thinking it over. {SIGN_TEXT}.",
    )
    path = tmp_path / "in.json"
    path.write_text(json.dumps(exchange_document([check])), encoding="utf-8")
    assert journal.import_json(path)
    qtbot.waitUntil(
        lambda: (
            flag_cell(journal, check.uid) == "1" and "contact_details" in listed(flags, check.uid)
        ),
        timeout=SAVE_TO_SHOWN_MS + 2000,  # the import itself runs in a worker first
    )
    # A reflection saved through the After page's signal is checked too.
    reflection = vault.entries.add(
        Entry(
            kind="after_reflection",
            audience="client",
            client_alias="J.T.",
            linked_uid=check.uid,
            title="How it went",
            body=f"Afterwards {SIGN_TEXT} too.",
        )
    )
    window.controllers["after"].reflectionSaved.emit(reflection.uid)
    qtbot.waitUntil(
        lambda: (
            flag_cell(journal, reflection.uid) == "1"
            and "contact_details" in listed(flags, reflection.uid)
        ),
        timeout=SAVE_TO_SHOWN_MS,
    )


def test_requests_fold_into_one_sync_and_a_lock_drops_a_late_result(qtbot, window, vault):
    sync = window.controllers[KEY]
    before = sync.runs
    for _ in range(5):
        sync.request()
    qtbot.waitUntil(lambda: not sync.busy, timeout=SAVE_TO_SHOWN_MS)
    assert sync.runs == before + 1
    got: list[object] = []
    sync.synced.connect(got.append)
    sync.request()
    window.set_vault(None)  # locked before the worker ran: nothing arrives
    qtbot.wait(200)
    assert got == [] and not sync.busy
    window.set_vault(vault)


def test_the_journal_editor_has_a_live_panel_and_keeps_dismissals(
    qtbot, window, vault, monkeypatch
) -> None:
    journal, flags = window.controllers["journal"], window.controllers["flags"]
    window.show_page("journal")
    journal.new_entry()
    panel = journal.live_flags.panel
    assert panel.view.isVisible()
    qtbot.keyClicks(journal.title_edit, "Job fair")
    journal.body_edit.setFocus()
    qtbot.keyClicks(journal.body_edit, f"{SIGN_TEXT}, in case he gets stuck.")
    qtbot.waitUntil(lambda: [f.sign for f in panel.flags()] == ["contact_details"], timeout=2000)
    (card,) = panel.cards()
    assert "personal mobile" in card.accessibleName()
    monkeypatch.setattr(flag_panel, "ask_note", lambda *a, **k: "It was the work mobile.")
    card.findChild(QPushButton, "dismissButton").click()
    assert panel.flags() == []
    journal.save_button.click()
    uid = saved(vault, "Job fair").uid
    (record,) = vault.flags.list(entry_uid=uid)
    assert (record.sign, record.status, record.note) == (
        "contact_details",
        "resolved",
        "It was the work mobile.",
    )
    # Resolved: no count in the Journal; on the Flags page it is history, not open.
    qtbot.waitUntil(
        lambda: "contact_details" in listed(flags, uid) and not sync_busy(window),
        timeout=SAVE_TO_SHOWN_MS,
    )
    assert flag_cell(journal, uid) == ""
    assert [r.status for r in flags.all_rows() if r.entry_uid == uid] == ["resolved"]
    # The next entry starts afresh: nothing shown, nothing dismissed.
    journal.new_entry()
    assert panel.flags() == [] and panel.dismissed() == []


def sync_busy(window) -> bool:
    return window.controllers[KEY].busy or window.controllers["flags"].busy


def test_the_panel_does_not_squeeze_the_editor_at_the_largest_text(
    qtbot, content, vault, data_dir
) -> None:
    from ips_reflect.core.settings import MAX_FONT_SIZE, Settings
    from ips_reflect.gui.shell.app import create_main_window

    win = create_main_window(content, Settings(font_point_size=MAX_FONT_SIZE), data_dir)
    qtbot.addWidget(win.view)
    win.set_vault(vault)
    win.show()
    win.view.resize(1280, 800)
    qtbot.waitExposed(win.view)
    journal = win.controllers["journal"]
    win.show_page("journal")
    journal.new_entry()
    qtbot.keyClicks(journal.body_edit, SIGN_TEXT)
    panel = journal.live_flags.panel
    qtbot.waitUntil(lambda: bool(panel.flags()), timeout=2000)
    QApplication.processEvents()
    body, side, editor = journal.body_edit, panel.view, journal.editor
    line = body.fontMetrics().lineSpacing()
    # The panel is below the editor, which keeps the pane's width, its full minimum
    # height and room for four lines of notes; when both do not fit, the pane scrolls.
    assert side.geometry().top() >= editor.geometry().bottom()
    assert editor.width() >= journal.live_flags.splitter.width() - 2
    assert editor.height() >= editor.minimumSizeHint().height()
    assert body.height() >= 4 * line, (body.height(), line)
    area = journal.live_flags.area
    assert area.horizontalScrollBar().maximum() == 0
    # The panel can be scrolled into view (the pane, and the page around it at 24 pt).
    from PySide6.QtWidgets import QScrollArea

    holder = side.parentWidget()
    while holder is not None:
        if isinstance(holder, QScrollArea):
            holder.ensureWidgetVisible(side)
            QApplication.processEvents()
        holder = holder.parentWidget()
    assert side.isVisible() and side.visibleRegion().boundingRect().height() > 0
    # It can be dragged shut, and the editor cannot.
    splitter = journal.live_flags.splitter
    assert splitter.isCollapsible(1) and not splitter.isCollapsible(0)
    win.set_vault(None)
    win.view.close()


def test_a_lock_forgets_what_the_checks_remembered(qtbot, window, vault):
    """The checks' memo holds client aliases in memory: it goes when the key does."""
    from ips_reflect.ops import flag_state

    sync = window.controllers[KEY]
    sync.request()
    qtbot.waitUntil(lambda: not sync.busy, timeout=SAVE_TO_SHOWN_MS)
    assert flag_state._MEMOS  # remembered while unlocked (the next check is quicker)
    window.set_vault(None)
    assert not flag_state._MEMOS
    window.set_vault(vault)
