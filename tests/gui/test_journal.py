"""The Journal page, driven like a person would: real widgets over a real vault.

Modal dialogs (confirmations, the plain-text warning, file choosers) are
replaced with ``monkeypatch`` so tests never block.
"""

from __future__ import annotations

import json
import os
import stat
from pathlib import Path

import pytest
from PySide6.QtCore import QDate, Qt, QUrl
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QApplication,
    QComboBox,
    QDateEdit,
    QFileDialog,
    QLabel,
    QLineEdit,
    QMainWindow,
    QMessageBox,
    QPlainTextEdit,
    QTextBrowser,
    QTextEdit,
    QWidget,
)

from ips_reflect.core.entries import Entry
from ips_reflect.export import jsonfmt
from ips_reflect.gui.pages.journal import FILTERS_KEY, create_page
from ips_reflect.gui.pages.journal.models import MARKS, Column
from ips_reflect.store.journal_index import JournalFilter

Yes = QMessageBox.StandardButton.Yes
Ok = QMessageBox.StandardButton.Ok
Cancel = QMessageBox.StandardButton.Cancel


FAST_KDF_ARGS = (8192, 1, 1)  # a real vault with a cheap key derivation (tested elsewhere)


@pytest.fixture
def vault(data_dir, monkeypatch):
    """A real, unlocked vault (TEST_PASSPHRASE) whose key derivation is cheap."""
    from ips_reflect.store.crypto import KdfParams
    from ips_reflect.store.vault import Vault

    fast = KdfParams(*FAST_KDF_ARGS)
    monkeypatch.setattr(Vault, "kdf_target", fast)
    v, _code = Vault.create(data_dir, "kettle orbit marmalade tunnel", kdf=fast)
    try:
        yield v
    finally:
        v.close()


TEXTS = {
    "note": ("Interview nerves", "We practised the interview questions at the library."),
    "check": ("Check before telling the employer", ""),
    "reflection": ("Telling the employer went well", "They asked good questions."),
    "old": ("Allotment weekend", "A quiet weekend at the allotment with my sister."),
    "prep": ("Getting ready for client sessions", ""),
}


def _entries() -> dict[str, Entry]:
    note = Entry(
        kind="journal",
        created="2026-11-02T09:30:00+00:00",
        title=TEXTS["note"][0],
        body=TEXTS["note"][1],
        tags=["interview"],
        client_alias="J.K.",
    )
    check = Entry(
        kind="before_check",
        created="2026-11-03T10:00:00+00:00",
        title=TEXTS["check"][0],
        audience="employer",
        tags=["disclosure"],
        reasons=["hope"],
        warning_signs=["focus_shift"],
        answers={"check.light": "amber", "before.okay.today": "yes"},
    )
    reflection = Entry(
        kind="after_reflection",
        created="2026-11-03T16:00:00+00:00",
        title=TEXTS["reflection"][0],
        body=TEXTS["reflection"][1],
        audience="employer",
        linked_uid=check.uid,
        bring_to_supervision=True,
        answers={
            "after.how_it_went": 4,
            "after.worked": "Keeping it brief and about the job.",
            "custom.question": "An answer to a question the packs no longer have.",
        },
    )
    old = Entry(
        kind="journal",
        created="2025-01-10T12:00:00+00:00",
        title=TEXTS["old"][0],
        body=TEXTS["old"][1],
        tags=["self-care"],
    )
    prep = Entry(
        kind="preparation",
        created="2026-10-20T12:00:00+00:00",
        title=TEXTS["prep"][0],
        audience="client",
        answers={"prep.limits.too_raw": "unsure"},
    )
    return {"note": note, "check": check, "reflection": reflection, "old": old, "prep": prep}


@pytest.fixture
def entries(vault) -> dict[str, Entry]:
    made = _entries()
    vault.entries.import_entries(list(made.values()))
    vault.flags.upsert("focus_shift", "ticked", entry_uid=made["check"].uid)
    return {k: vault.entries.get(e.uid) for k, e in made.items()}


@pytest.fixture
def page(qtbot, content):
    spec = create_page(content)
    qtbot.addWidget(spec.view)
    spec.view.resize(1200, 760)
    spec.view.show()
    qtbot.waitExposed(spec.view)
    spec.view.activateWindow()
    QApplication.processEvents()
    yield spec
    spec.controller.set_vault(None)


@pytest.fixture
def journal(page, vault, entries):
    page.controller.set_vault(vault)
    return page.controller


@pytest.fixture
def no_dialogs(monkeypatch):
    """Record every message box; answer Yes / Ok unless a test says otherwise."""
    calls: list[tuple[str, str, str]] = []
    answers = {"question": Yes, "warning": Ok}

    def fake(kind):
        def show(_parent, title, text, *args, **kwargs):
            calls.append((kind, title, text))
            return answers.get(kind, Ok)

        return show

    for kind in ("question", "warning", "information", "critical"):
        monkeypatch.setattr(QMessageBox, kind, staticmethod(fake(kind)))
    return type("Dialogs", (), {"calls": calls, "answers": answers})


def titles(journal) -> list[str]:
    model = journal.model
    return [model.index(r, Column.TITLE).data() for r in range(model.rowCount())]


def uids(journal) -> set[str]:
    return {journal.model.uid_at(r) for r in range(journal.model.rowCount())}


# --------------------------------------------------------------------------- list and search


def test_lists_every_live_entry_newest_first(journal, entries):
    assert titles(journal) == [
        TEXTS["reflection"][0],
        TEXTS["check"][0],
        TEXTS["note"][0],
        TEXTS["prep"][0],
        TEXTS["old"][0],
    ]
    assert journal.count_label.text() == "5 entries"
    row = journal.model.row_of_uid(entries["check"].uid)
    assert journal.model.index(row, Column.KIND).data() == "Check"
    assert journal.model.index(row, Column.AUDIENCE).data() == "Employer"
    assert journal.model.index(row, Column.FLAGS).data() == "1"
    assert journal.model.index(row, Column.TAGS).data() == "disclosure"
    note = journal.model.row_of_uid(entries["note"].uid)
    assert journal.model.index(note, Column.CLIENT).data() == "J.K."
    assert journal.model.index(note, Column.DATE).data() == "2 Nov 2026"
    assert journal.model.index(note, Column.FLAGS).data(Qt.ItemDataRole.AccessibleTextRole) == (
        "No open flags"
    )


def test_search_as_you_type_narrows_the_list_and_highlights(qtbot, journal, entries):
    journal.search.setFocus()
    with qtbot.waitSignal(journal.searchApplied, timeout=2000) as blocker:
        qtbot.keyClicks(journal.search, "allot")
    assert blocker.args == [1]
    assert titles(journal) == [TEXTS["old"][0]]
    assert journal.count_label.text() == "1 of 5 entries shown"
    # The list: the title's matching word and the snippet's are marked for the painter.
    assert ("Allotment", True) in journal.model.highlighter.segments(TEXTS["old"][0])
    snippet = journal.model.index(0, Column.TITLE).data(journal.model.SnippetRole)
    assert f"{MARKS[0]}allotment{MARKS[1]}" in snippet
    spoken = journal.model.index(0, Column.TITLE).data(Qt.ItemDataRole.AccessibleTextRole)
    assert "Matching words:" in spoken and MARKS[0] not in spoken
    # The reading pane highlights the same words.
    qtbot.keyClick(journal.search, Qt.Key.Key_Down)
    assert journal.current_uid == entries["old"].uid
    html = journal.browser.toHtml()
    assert "Allotment</span>" in html and "background-color" in html
    assert journal.browser.toPlainText().count("allotment") == 1


def test_search_waits_for_a_pause_in_typing(qtbot, journal):
    journal.search.setText("libr")
    assert journal.model.rowCount() == 5  # not yet: debounced
    qtbot.waitUntil(lambda: journal.model.rowCount() == 1, timeout=2000)
    assert titles(journal) == [TEXTS["note"][0]]


def test_search_finds_answers_tags_and_aliases(journal, entries):
    journal.set_search("brief", immediate=True)
    assert uids(journal) == {entries["reflection"].uid}
    journal.set_search("disclosure", immediate=True)
    assert uids(journal) == {entries["check"].uid}
    journal.set_search("J.K.", immediate=True)
    assert uids(journal) == {entries["note"].uid}
    journal.set_search("nothing-like-this", immediate=True)
    assert journal.model.rowCount() == 0
    assert journal.pane.currentWidget().objectName() == "emptyPage"
    assert "No entries match" in journal.empty_label.text()


def test_search_ranks_title_matches_first(vault, page):
    vault.entries.add(
        Entry(kind="journal", created="2026-11-05T10:00:00+00:00", body="about the warehouse")
    )
    vault.entries.add(
        Entry(kind="journal", created="2026-10-01T10:00:00+00:00", title="Warehouse visit")
    )
    page.controller.set_vault(vault)
    page.controller.set_search("warehouse", immediate=True)
    assert titles(page.controller)[0] == "Warehouse visit"


def test_escape_clears_the_search(qtbot, journal):
    journal.set_search("allotment", immediate=True)
    assert journal.model.rowCount() == 1
    journal.search.setFocus()
    qtbot.keyClick(journal.search, Qt.Key.Key_Escape)
    assert journal.search.text() == ""
    assert journal.model.rowCount() == 5


# --------------------------------------------------------------------------- filters


def _choose(combo: QComboBox, data) -> None:
    combo.setCurrentIndex(combo.findData(data))


def test_each_filter(journal, entries):
    _choose(journal.kind_combo, "journal")
    assert uids(journal) == {entries["note"].uid, entries["old"].uid}
    _choose(journal.kind_combo, None)
    _choose(journal.audience_combo, "employer")
    assert uids(journal) == {entries["check"].uid, entries["reflection"].uid}
    _choose(journal.audience_combo, None)
    _choose(journal.tag_combo, "interview")
    assert uids(journal) == {entries["note"].uid}
    _choose(journal.tag_combo, None)
    journal.flagged_check.setChecked(True)
    assert uids(journal) == {entries["check"].uid}
    journal.flagged_check.setChecked(False)
    journal.supervision_check.setChecked(True)
    assert uids(journal) == {entries["reflection"].uid}
    journal.supervision_check.setChecked(False)
    _choose(journal.period_combo, "custom")
    assert journal.from_date.isVisible() and journal.to_date.isVisible()
    journal.from_date.setDate(QDate(2026, 11, 1))
    journal.to_date.setDate(QDate(2026, 11, 2))
    assert uids(journal) == {entries["note"].uid}
    journal.to_date.setDate(QDate(2026, 11, 30))
    assert uids(journal) == {entries["note"].uid, entries["check"].uid, entries["reflection"].uid}
    _choose(journal.period_combo, "any")
    assert not journal.from_date.isVisible()
    assert journal.model.rowCount() == 5


def test_filters_combine_with_each_other_and_the_search(journal, entries):
    _choose(journal.audience_combo, "employer")
    journal.supervision_check.setChecked(True)
    assert uids(journal) == {entries["reflection"].uid}
    journal.supervision_check.setChecked(False)
    journal.set_search("employer", immediate=True)
    assert uids(journal) == {entries["check"].uid, entries["reflection"].uid}
    _choose(journal.kind_combo, "before_check")
    assert uids(journal) == {entries["check"].uid}
    _choose(journal.kind_combo, "journal")
    assert journal.model.rowCount() == 0
    journal.clear_filters_button.click()
    assert journal.search.text() == "employer"  # the search stays
    assert journal.filters == JournalFilter()
    assert uids(journal) == {entries["check"].uid, entries["reflection"].uid}


def test_a_recent_period_filter(vault, page):
    from datetime import datetime, timedelta

    now = datetime.now().astimezone()
    vault.entries.add(Entry(kind="journal", created=now.isoformat(), title="today"))
    vault.entries.add(
        Entry(kind="journal", created=(now - timedelta(days=40)).isoformat(), title="weeks ago")
    )
    page.controller.set_vault(vault)
    _choose(page.controller.period_combo, "30")
    assert titles(page.controller) == ["today"]
    _choose(page.controller.period_combo, "90")
    assert titles(page.controller) == ["today", "weeks ago"]


def test_filters_are_kept_in_the_vault_between_sessions(qtbot, content, page, vault, entries):
    journal = page.controller
    journal.set_vault(vault)
    _choose(journal.kind_combo, "after_reflection")
    _choose(journal.audience_combo, "employer")
    journal.supervision_check.setChecked(True)
    _choose(journal.period_combo, "custom")
    journal.from_date.setDate(QDate(2026, 10, 1))
    expected = journal.filters
    assert vault.kv.get(FILTERS_KEY) == expected.to_json()

    journal.set_vault(None)  # lock: widgets go back to their defaults
    assert journal.kind_combo.currentData() is None
    assert not journal.supervision_check.isChecked()
    journal.set_vault(vault)  # unlock: the filters come back
    assert journal.filters == expected
    assert journal.kind_combo.currentData() == "after_reflection"
    assert journal.supervision_check.isChecked()
    assert uids(journal) == {entries["reflection"].uid}

    other = create_page(content)  # a new page instance reads them too
    qtbot.addWidget(other.view)
    other.controller.set_vault(vault)
    assert other.controller.filters == expected
    assert uids(other.controller) == {entries["reflection"].uid}
    other.controller.set_vault(None)
    # Nothing typed goes to plain settings files.
    settings = Path(os.environ["IPS_REFLECT_DATA_DIR"]) / "settings.json"
    assert not settings.exists() or "after_reflection" not in settings.read_text()


def test_an_odd_saved_filter_is_ignored(vault, page):
    vault.kv.set(FILTERS_KEY, {"kind": "nonsense", "period": 7, "flagged": "yes"})
    page.controller.set_vault(vault)
    assert page.controller.filters == JournalFilter()


# --------------------------------------------------------------------------- reading pane


def test_the_pane_lays_out_answers_by_question(journal, entries, content):
    assert journal.show_entry(entries["reflection"].uid)
    text = journal.browser.toPlainText()
    assert "Reflection after sharing" in text
    assert content.item("after.how_it_went").text in text
    assert "4 out of 5" in text
    assert content.item("after.worked").text in text
    assert "Keeping it brief and about the job." in text
    assert "custom.question" in text  # an id the packs do not know is shown as it is
    assert "Follows the check:" in text and TEXTS["check"][0] in text
    assert journal.pane_supervision.isChecked()


def test_a_check_shows_its_light_reasons_signs_flags_and_reflection(qtbot, journal, entries):
    with qtbot.waitSignal(journal.entryOpened) as opened:
        journal.show_entry(entries["check"].uid)
    assert opened.args == [entries["check"].uid]
    text = journal.browser.toPlainText()
    assert "▲ Traffic light: Amber: go gently" in text
    assert "Offering hope" in text  # the reason's short label
    assert "Focus shifts to me" in text  # the sign's short label
    assert "Flags to reflect on" in text and "you ticked this sign" in text
    assert "Reflection afterwards:" in text and TEXTS["reflection"][0] in text
    assert "check.light" not in text
    # The link opens the reflection.
    journal._on_link(QUrl(f"entry:{entries['reflection'].uid}"))
    assert journal.current_uid == entries["reflection"].uid


def test_keyboard_up_down_enter(qtbot, journal, entries):
    journal.search.setFocus()
    qtbot.keyClick(journal.search, Qt.Key.Key_Down)
    assert QApplication.focusWidget() is journal.table
    assert journal.current_uid == entries["reflection"].uid
    with qtbot.waitSignal(journal.entryOpened) as opened:
        qtbot.keyClick(journal.table, Qt.Key.Key_Down)
    assert opened.args == [entries["check"].uid]
    assert journal.current_uid == entries["check"].uid
    qtbot.keyClick(journal.table, Qt.Key.Key_Return)
    assert QApplication.focusWidget() is journal.browser
    qtbot.keyClick(journal.browser, Qt.Key.Key_Escape)
    assert QApplication.focusWidget() is journal.table


def test_ctrl_f_wins_over_a_window_shortcut_while_on_the_page(qtbot, content, vault, entries):
    """The main window has Ctrl+F for the Guide; inside the journal it searches the journal."""
    window = QMainWindow()
    qtbot.addWidget(window)
    guide_hits = []
    action = QAction("Search the Guide", window)
    action.setShortcut(QKeySequence("Ctrl+F"))
    action.triggered.connect(lambda: guide_hits.append(1))
    window.addAction(action)
    spec = create_page(content)
    window.setCentralWidget(spec.view)
    window.resize(1100, 700)
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    QApplication.processEvents()
    spec.controller.set_vault(vault)
    spec.controller.table.setFocus()
    qtbot.keyClick(spec.controller.table, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert QApplication.focusWidget() is spec.controller.search
    assert guide_hits == []
    spec.controller.set_vault(None)


# --------------------------------------------------------------------------- editing and undo


def test_editing_title_and_body_saves_and_undo_restores(qtbot, journal, entries, vault):
    uid = entries["note"].uid
    journal.show_entry(uid)
    journal.edit_button.click()
    assert journal.editing and journal.title_edit.text() == TEXTS["note"][0]
    journal.title_edit.clear()
    qtbot.keyClicks(journal.title_edit, "Interview nerves, again")
    journal.body_edit.setPlainText("We practised twice.")
    qtbot.keyClick(journal.title_edit, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert not journal.editing
    saved = vault.entries.get(uid)
    assert (saved.title, saved.body) == ("Interview nerves, again", "We practised twice.")
    assert "Interview nerves, again" in journal.browser.toPlainText()
    assert journal.undo_action.text() == "Undo edit entry"
    journal.table.setFocus()
    qtbot.keyClick(journal.table, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    restored = vault.entries.get(uid)
    assert (restored.title, restored.body) == TEXTS["note"]
    row = journal.model.row_of_uid(uid)
    assert journal.model.index(row, Column.TITLE).data() == TEXTS["note"][0]
    qtbot.keyClick(
        journal.table,
        Qt.Key.Key_Z,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    assert vault.entries.get(uid).title == "Interview nerves, again"


def test_editing_tags_alias_and_audience(journal, entries, vault):
    uid = entries["note"].uid
    journal.show_entry(uid)
    journal.edit_current()
    journal.tags_edit.setText("interview, library ,  interview")
    journal.alias_edit.setText("")
    _choose(journal.editor_audience, "client")
    assert journal.save_edit()
    saved = vault.entries.get(uid)
    assert saved.tags == ["interview", "library"]
    assert saved.client_alias is None
    assert saved.audience == "client"
    assert journal.tag_combo.findData("library") >= 0  # the tag filter knows the new tag
    journal.undo()
    back = vault.entries.get(uid)
    assert (back.tags, back.client_alias, back.audience) == (["interview"], "J.K.", None)


def test_a_check_is_edited_without_its_body(journal, entries):
    journal.show_entry(entries["check"].uid)
    journal.edit_current()
    assert not journal.body_edit.isVisibleTo(journal.view)
    assert journal.title_edit.isVisibleTo(journal.view)


def test_toggling_supervision_writes_and_undoes(qtbot, journal, entries, vault):
    uid = entries["note"].uid
    journal.show_entry(uid)
    assert not journal.pane_supervision.isChecked()
    qtbot.mouseClick(journal.pane_supervision, Qt.MouseButton.LeftButton)
    assert vault.entries.get(uid).bring_to_supervision is True
    journal.supervision_check.setChecked(True)  # the filter now shows it
    assert entries["note"].uid in uids(journal)
    journal.undo()
    assert vault.entries.get(uid).bring_to_supervision is False
    assert entries["note"].uid not in uids(journal)


def test_new_entry_with_ctrl_n_and_undo_moves_it_to_the_bin(qtbot, journal, vault):
    journal.table.setFocus()
    qtbot.keyClick(journal.table, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    assert journal.editing and QApplication.focusWidget() is journal.title_edit
    qtbot.keyClicks(journal.title_edit, "Lunch with the team")
    journal.body_edit.setPlainText("I talked about my allotment.")
    journal.tags_edit.setText("team")
    journal.save_button.click()
    found = [e for e in vault.entries.list() if e.title == "Lunch with the team"]
    assert len(found) == 1 and found[0].kind == "journal" and found[0].tags == ["team"]
    assert journal.current_uid == found[0].uid
    assert journal.model.rowCount() == 6
    journal.undo()
    assert vault.entries.get(found[0].uid).deleted_at is not None
    assert journal.model.rowCount() == 5
    journal.redo()
    assert vault.entries.get(found[0].uid).deleted_at is None


def test_an_empty_new_entry_is_not_saved(journal, vault, no_dialogs):
    journal.new_entry()
    assert not journal.save_edit()
    assert no_dialogs.calls and "empty entry" in no_dialogs.calls[-1][2]
    assert len(vault.entries.list()) == 5


def test_cancel_asks_before_throwing_away_typing(journal, no_dialogs):
    journal.new_entry()
    journal.title_edit.setText("Something")
    no_dialogs.answers["question"] = Cancel
    assert not journal.cancel_edit()
    assert journal.editing
    no_dialogs.answers["question"] = QMessageBox.StandardButton.Discard
    assert journal.cancel_edit()
    assert not journal.editing and journal.title_edit.text() == ""


def test_unsaved_editing_comes_back_after_a_lock(qtbot, content, vault, entries, page):
    journal = page.controller
    journal.set_vault(vault)
    journal.new_entry()
    journal.title_edit.setText("Half written")
    journal.body_edit.setPlainText("I was going to say")
    assert journal.flush_drafts()  # what the window asks of every page before a lock
    journal.set_vault(None)  # locked before saving
    assert journal.title_edit.text() == "" and journal.body_edit.toPlainText() == ""
    journal.set_vault(vault)
    assert not journal.banner.shown  # put back as it was, not offered
    assert journal.editing
    assert journal.title_edit.text() == "Half written"
    assert journal.body_edit.toPlainText() == "I was going to say"


# --------------------------------------------------------------------------- bin


def test_delete_moves_to_the_bin_and_restore_brings_it_back(
    qtbot, journal, entries, vault, no_dialogs
):
    uid = entries["old"].uid
    journal.show_entry(uid)
    journal.table.setFocus()
    qtbot.keyClick(journal.table, Qt.Key.Key_Delete)
    assert no_dialogs.calls and "30 days" in no_dialogs.calls[-1][2]
    assert vault.entries.get(uid).deleted_at is not None
    assert uid not in uids(journal)
    assert journal.model.rowCount() == 4

    journal.bin_button.click()
    assert uids(journal) == {uid}
    assert not journal.table.isColumnHidden(Column.DAYS_LEFT)
    assert journal.model.index(0, Column.DAYS_LEFT).data() == "30 days"
    assert journal.count_label.text().startswith("Bin: 1 entry.")
    journal.table.selectRow(0)
    assert journal.restore_button.isVisibleTo(journal.view)
    assert not journal.edit_button.isVisibleTo(journal.view)
    assert "In the bin since" in journal.browser.toPlainText()
    journal.restore_button.click()
    assert vault.entries.get(uid).deleted_at is None
    assert journal.model.rowCount() == 0
    journal.bin_button.click()
    assert uid in uids(journal)


def test_undo_a_delete(journal, entries, vault, no_dialogs):
    uid = entries["note"].uid
    journal.show_entry(uid)
    assert journal.delete_selected()
    assert vault.entries.get(uid).deleted_at is not None
    journal.undo()
    assert vault.entries.get(uid).deleted_at is None
    assert uid in uids(journal)


def test_delete_can_be_cancelled(journal, entries, vault, no_dialogs):
    no_dialogs.answers["question"] = Cancel
    journal.show_entry(entries["note"].uid)
    assert not journal.delete_selected()
    assert vault.entries.get(entries["note"].uid).deleted_at is None


def test_delete_forever_from_the_bin(journal, entries, vault, no_dialogs):
    uid = entries["prep"].uid
    journal.show_entry(uid)
    journal.delete_button.click()
    journal.bin_button.click()
    journal.table.selectRow(0)
    no_dialogs.answers["question"] = Cancel
    journal.delete_forever_button.click()
    assert vault.entries.get(uid) is not None
    no_dialogs.answers["question"] = Yes
    journal.delete_forever_button.click()
    assert vault.entries.get(uid) is None
    assert "cannot be undone" in no_dialogs.calls[-1][2]
    assert journal.model.rowCount() == 0
    assert journal.empty_label.text() == "The bin is empty."


def test_delete_several_selected_entries(journal, entries, vault, no_dialogs):
    journal.select_uids([entries["note"].uid, entries["old"].uid])
    assert set(journal.selected_uids()) == {entries["note"].uid, entries["old"].uid}
    assert journal.delete_selected()
    assert "Move 2 entries" in no_dialogs.calls[-1][2]
    assert vault.entries.count(in_bin=True) == 2


# --------------------------------------------------------------------------- import / export


def test_import_a_good_file(qtbot, journal, vault, tmp_path, monkeypatch):
    new = [
        Entry(kind="journal", created="2026-11-06T08:00:00+00:00", title="Imported one"),
        Entry(kind="journal", created="2026-11-07T08:00:00+00:00", title="Imported two"),
    ]
    path = tmp_path / "more.json"
    path.write_bytes(jsonfmt.to_bytes(new))
    monkeypatch.setattr(
        QFileDialog, "getOpenFileName", staticmethod(lambda *a, **k: (str(path), ""))
    )
    messages_seen = []
    journal.statusMessage.connect(messages_seen.append)
    with qtbot.waitSignal(journal.operationFinished, timeout=10000) as done:
        journal.import_button.click()
    assert done.args == ["import", True]
    assert {"Imported one", "Imported two"} <= set(titles(journal))
    assert len(vault.entries.list()) == 7
    assert "Imported 2 entries." in messages_seen


def test_import_a_bad_file_writes_nothing_and_says_why(qtbot, journal, vault, tmp_path, no_dialogs):
    doc = {
        "format": "ips-reflect/entries",
        "version": 1,
        "entries": [
            {"kind": "journal", "created": "2026-11-06T08:00:00+00:00", "title": "fine"},
            {"kind": "journal", "created": "2026-11-06T08:00:00+00:00", "audience": "boss"},
        ],
    }
    path = tmp_path / "bad.json"
    path.write_text(json.dumps(doc))
    with qtbot.waitSignal(journal.operationFinished, timeout=10000) as done:
        journal.import_json(path)
    assert done.args == ["import", False]
    _kind, title, text = no_dialogs.calls[-1]
    assert title == "Nothing was imported"
    assert "nothing was imported" in text
    assert "entries[1].audience: 'boss' is not one of" in text
    assert "Traceback" not in text
    assert len(vault.entries.list()) == 5


def test_import_broken_json_names_line_and_column(qtbot, journal, tmp_path, no_dialogs):
    path = tmp_path / "cut.json"
    path.write_text('{"format": "ips-reflect/entries",\n "version": 1, "entries": [')
    with qtbot.waitSignal(journal.operationFinished, timeout=10000):
        journal.import_json(path)
    assert "cut.json:2:" in no_dialogs.calls[-1][2]


def test_export_the_selection_to_markdown(
    qtbot, journal, entries, tmp_path, monkeypatch, no_dialogs, content
):
    out = tmp_path / "selected.md"
    monkeypatch.setattr(
        QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: (str(out), ""))
    )
    journal.select_uids([entries["reflection"].uid, entries["note"].uid])
    journal._update_export_actions()
    action = journal.export_actions[("md", True)]
    assert action.isEnabled()
    with qtbot.waitSignal(journal.operationFinished, timeout=10000) as done:
        action.trigger()
    assert done.args == ["export", True]
    warning = no_dialogs.calls[0]
    assert warning[0] == "warning" and "NOT encrypted" in warning[2] and "2 entries" in warning[2]
    text = out.read_text(encoding="utf-8")
    assert "2 entries" in text and "not encrypted" in text
    assert TEXTS["note"][0] in text and TEXTS["reflection"][0] in text
    assert TEXTS["old"][0] not in text
    assert content.item("after.how_it_went").text in text  # answers under their question
    assert text.index(TEXTS["note"][0]) < text.index(TEXTS["reflection"][0])  # oldest first
    assert stat.S_IMODE(out.stat().st_mode) == 0o600
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(".part")]


def test_export_all_to_json_imports_back(qtbot, journal, tmp_path, no_dialogs):
    from ips_reflect.core.entries import parse_exchange

    out = tmp_path / "all"
    with qtbot.waitSignal(journal.operationFinished, timeout=10000):
        journal.export("json", path=out)
    written = tmp_path / "all.json"  # the extension is added
    assert len(parse_exchange(written.read_bytes())) == 5
    assert stat.S_IMODE(written.stat().st_mode) == 0o600


def test_export_pdf_of_the_selection(qtbot, journal, entries, tmp_path, no_dialogs):
    from pypdf import PdfReader

    out = tmp_path / "two.pdf"
    journal.select_uids([entries["check"].uid, entries["reflection"].uid])
    with qtbot.waitSignal(journal.operationFinished, timeout=30000) as done:
        journal.export("pdf", path=out)
    assert done.args == ["export", True]
    text = " ".join(p.extract_text() for p in PdfReader(str(out)).pages)
    assert TEXTS["check"][0] in text and TEXTS["reflection"][0] in text
    assert stat.S_IMODE(out.stat().st_mode) == 0o600


def test_export_stops_when_the_warning_is_cancelled(journal, tmp_path, no_dialogs):
    no_dialogs.answers["warning"] = Cancel
    out = tmp_path / "no.json"
    assert not journal.export("json", path=out)
    assert not out.exists()


# --------------------------------------------------------------------------- lock


def _widget_texts(root: QWidget) -> list[str]:
    found: list[str] = []
    for w in root.findChildren(QWidget):
        if isinstance(w, QLineEdit):
            found.append(w.text())
        elif isinstance(w, QTextEdit | QTextBrowser | QPlainTextEdit):
            found.append(w.toPlainText())
        elif isinstance(w, QLabel):
            found.append(w.text())
        elif isinstance(w, QComboBox):
            found += [w.itemText(i) for i in range(w.count())]
        found += [w.accessibleName(), w.accessibleDescription(), w.toolTip()]
    return found


def test_lock_leaves_no_entry_text_anywhere(qtbot, journal, entries, no_dialogs):
    journal.set_search("employer", immediate=True)
    journal.show_entry(entries["check"].uid)
    journal.set_supervision(True)  # something on the undo stack
    journal.show_entry(entries["note"].uid)
    journal.edit_current()  # the editor holds the note's text
    assert journal.undo_stack.count() == 1
    secrets = [
        *(t for pair in TEXTS.values() for t in pair if t),
        "J.K.",
        "disclosure",
        "self-care",
        "Keeping it brief",
    ]
    journal.set_vault(None)
    everything = "\n".join(_widget_texts(journal.view))
    for secret in secrets:
        assert secret not in everything, secret
    assert journal.model.rowCount() == 0
    assert journal.catalog.rows == {}
    assert journal.undo_stack.count() == 0
    assert journal.current_entry is None
    assert not journal.view.isEnabled()
    assert journal.search.text() == ""
    assert journal.tag_combo.count() == 1
    assert (
        journal.alias_completer.model() is None or journal.alias_completer.model().rowCount() == 0
    )


# --------------------------------------------------------------------------- accessibility


def test_every_control_has_an_accessible_name(journal):
    kinds = (
        QAbstractButton,
        QLineEdit,
        QComboBox,
        QAbstractItemView,
        QTextEdit,
        QPlainTextEdit,
        QDateEdit,
    )
    missing = [
        w.objectName() or type(w).__name__
        for w in journal.view.findChildren(QWidget)
        if isinstance(w, kinds)
        and not w.accessibleName()
        and w.objectName()
        and not w.objectName().startswith("qt_")
    ]
    assert missing == []


def test_tab_order_follows_the_page(journal):
    order = []
    w = journal.search
    for _ in range(12):
        order.append(w.objectName())
        w = w.nextInFocusChain()
    assert order.index("searchEdit") < order.index("binButton") < order.index("kindCombo")


def test_the_model_fetches_snippets_a_window_at_a_time():
    from ips_reflect.gui.pages.journal.models import SNIPPET_WINDOW, EntryTableModel
    from ips_reflect.store.journal_index import CatalogRow, JournalCatalog

    catalog = JournalCatalog()
    for i in range(1, 501):
        catalog.rows[i] = CatalogRow(
            i,
            f"u{i}",
            "journal",
            "2026-11-01T10:00:00+00:00",
            "2026-11-01T10:00:00.000000Z",
            f"t{i}",
            None,
            None,
            False,
            None,
            None,
        )
    calls = []

    def source(ids, query):
        calls.append(list(ids))
        return {i: f"{MARKS[0]}t{MARKS[1]}" for i in ids}

    model = EntryTableModel()
    model.set_rows(catalog, list(range(1, 501)), "t", source)
    assert model.rowCount() == 500 and calls == []
    assert model.snippet(0).startswith(MARKS[0])
    assert model.snippet(5)
    assert len(calls) == 1 and len(calls[0]) == SNIPPET_WINDOW
    model.snippet(499)
    assert len(calls) == 2 and calls[1][-1] == 500


def test_entries_written_elsewhere_show_when_the_page_is_shown_again(page, vault, entries):
    journal = page.controller
    journal.set_vault(vault)
    page.view.hide()
    vault.entries.add(Entry(kind="journal", created="2026-11-20T10:00:00+00:00", title="From Home"))
    changed = vault.entries.get(entries["note"].uid)
    vault.entries.update(Entry(**{**changed.__dict__, "title": "Renamed elsewhere"}))
    page.view.show()
    assert "From Home" in titles(journal)
    assert "Renamed elsewhere" in titles(journal)
    assert TEXTS["note"][0] not in titles(journal)
