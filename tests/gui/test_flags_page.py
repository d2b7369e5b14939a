"""The Flags page over a real vault: loading (off the GUI thread), filters, the detail
pane, status changes with notes, the supervision agenda, opening entries, locking.

The note dialog is replaced with ``monkeypatch`` so tests never block.
"""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QApplication,
    QComboBox,
    QTextBrowser,
    QWidget,
)

from ips_reflect.core.entries import Entry
from ips_reflect.core.settings import THEMES
from ips_reflect.gui.pages.flags import FlagsPage, create_page
from ips_reflect.gui.pages.flags.page import highlight_html
from ips_reflect.gui.shell.uiloader import load_ui
from ips_reflect.gui.widgets import flag_panel
from ips_reflect.gui.widgets import theme as theming
from ips_reflect.gui.widgets.agenda import AGENDA_KEY


@pytest.fixture
def vault(data_dir, monkeypatch):
    """A real, unlocked vault whose key derivation is cheap (tested elsewhere)."""
    from ips_reflect.store.crypto import KdfParams
    from ips_reflect.store.vault import Vault

    fast = KdfParams(8192, 1, 1)
    monkeypatch.setattr(Vault, "kdf_target", fast)
    v, _code = Vault.create(data_dir, "kettle orbit marmalade tunnel", kdf=fast)
    try:
        yield v
    finally:
        v.close()


@pytest.fixture
def filled(vault):
    vault.entries.add(
        Entry(
            kind="journal",
            created="2026-03-02T09:30:00+00:00",
            client_alias="A.B.",
            title="After the job fair",
            body="Long day. Before he left I gave him my personal mobile, just in case.",
        )
    )
    vault.entries.add(
        Entry(
            kind="before_check",
            created="2026-03-04T09:30:00+00:00",
            audience="client",
            client_alias="C.D.",
            body="Keeping it short.",
            warning_signs=["secrets"],
        )
    )
    for day in (10, 12, 16):  # three shares with one client in a week: a pattern flag
        vault.entries.add(
            Entry(
                kind="before_check",
                created=f"2026-03-{day:02d}T09:30:00+00:00",
                audience="client",
                client_alias="E.F.",
                body="Sharing a little about my own first week back at work.",
            )
        )
    return vault


@pytest.fixture
def page(qtbot, content):
    view = load_ui("flags")
    qtbot.addWidget(view)
    controller = FlagsPage(view, content)
    view.resize(1000, 700)
    view.show()
    return controller


def load(qtbot, page: FlagsPage, vault) -> None:
    with qtbot.waitSignal(page.flagsLoaded, timeout=15000):
        page.set_vault(vault)


def labels(page: FlagsPage) -> list[tuple[str, str, str]]:
    return [(r.sign, r.source, r.status) for r in page.rows()]


def select(page: FlagsPage, sign: str) -> None:
    for row in page.rows():
        if row.sign == sign:
            assert page.select_flag(row.id)
            return
    raise AssertionError(f"no {sign} flag shown")


# --------------------------------------------------------------------------- basics


def test_create_page_gives_what_the_main_window_needs(qtbot, content) -> None:
    key, title, view, controller, icon = create_page(content)
    qtbot.addWidget(view)
    assert (key, title, icon) == ("flags", "Flags", "flags")
    assert isinstance(controller, FlagsPage) and controller.view is view
    assert not view.isEnabled()  # locked until a vault is given


def test_every_control_has_an_accessible_name(page: FlagsPage) -> None:
    for cls in (QAbstractButton, QComboBox, QAbstractItemView, QTextBrowser):
        for widget in page.view.findChildren(cls):
            if widget.objectName().startswith("qt_"):
                continue  # Qt's own parts (the table's unused corner button)
            assert widget.accessibleName(), f"{cls.__name__} {widget.objectName()}"


def test_loading_lists_every_source(qtbot, page: FlagsPage, filled) -> None:
    load(qtbot, page, filled)
    assert sorted(labels(page)) == [
        ("contact_details", "text", "open"),
        ("focus_shift", "pattern", "open"),
        ("secrets", "ticked", "open"),
    ]
    assert page.count_label.text() == "3 of 3 flags"
    assert "3 open in all" in page.status_label.text()
    model = page.model
    headers = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(6)]
    assert headers == ["Date", "Sign", "From", "Words", "Client", "Status"]
    row = next(n for n, r in enumerate(page.rows()) if r.sign == "contact_details")
    cells = [model.index(row, c).data() for c in range(6)]
    assert cells == [
        "2 Mar 2026",
        "Giving contact details",
        "Your words",
        "gave him my personal mobile",
        "A.B.",
        "Open",
    ]
    pattern = next(r for r in page.rows() if r.source == "pattern")
    assert pattern.client_alias == "E.F." and pattern.date == "2026-03-16"
    assert page.rows()[0].date >= page.rows()[-1].date  # newest first


def test_filters_by_status_and_sign(qtbot, page: FlagsPage, filled, monkeypatch) -> None:
    load(qtbot, page, filled)
    page.set_sign_filter("secrets")
    assert labels(page) == [("secrets", "ticked", "open")]
    assert page.count_label.text() == "1 of 3 flags"
    page.set_sign_filter("envy")
    assert page.rows() == []
    assert page.results.currentWidget() is page.empty_label
    assert "No flags match" in page.empty_label.text()
    page.set_sign_filter(None)
    select(page, "secrets")
    monkeypatch.setattr(flag_panel, "ask_note", lambda *a, **k: "")
    assert page.mark_resolved()
    assert ("secrets", "ticked", "resolved") not in labels(page)  # open only by default
    page.set_status_filter("resolved")
    assert labels(page) == [("secrets", "ticked", "resolved")]
    page.set_status_filter("all")
    assert len(page.rows()) == 3


def test_detail_pane_explains_the_flag(qtbot, page: FlagsPage, filled, content) -> None:
    load(qtbot, page, filled)
    select(page, "contact_details")
    text = page.detail_text()
    assert "Noticed in what you wrote" in text
    assert "Before he left I gave him my personal mobile, just in case." in text
    assert "Why the paper names this sign" in text
    assert content.item("contact_details").text in text
    assert content.item("contact_details").help in text
    assert "From the paper: Box 2" in text
    html = page.detail_html()
    assert "gave him my personal mobile" in html and "underline" in html  # the words marked
    select(page, "focus_shift")
    assert "E.F.: 3 shares in 7 days" in page.detail_text()


def test_highlight_html_marks_the_words_in_their_sentence() -> None:
    context = "First line.\nThen I  Gave him my number. After that <nothing>."
    html = highlight_html(context, "gave him my number")
    assert html == 'Then I <span class="hit">Gave him my number</span>.'
    assert highlight_html(context, "not there") is None


# --------------------------------------------------------------------------- actions


def test_mark_discussed_with_a_note_is_kept_in_the_vault(
    qtbot, page: FlagsPage, filled, monkeypatch
) -> None:
    load(qtbot, page, filled)
    asked = []

    def fake(parent, title, prompt, initial=""):
        asked.append((title, prompt, initial))
        return "Talked it through with Sam; using the work phone from now on."

    monkeypatch.setattr(flag_panel, "ask_note", fake)
    select(page, "contact_details")
    flag_id = page.current().id
    assert page.mark_discussed()
    assert asked[0][0] == "Mark as discussed" and "Giving contact details" in asked[0][1]
    record = filled.flags.get(flag_id)
    assert record.status == "discussed"
    assert record.note == "Talked it through with Sam; using the work phone from now on."
    assert all(r.id != flag_id for r in page.rows())  # no longer open
    page.set_status_filter("discussed")
    assert page.current().id == flag_id
    assert "Your note: Talked it through with Sam" in page.detail_text()
    assert not page.discussed_button.isEnabled() and page.reopen_button.isEnabled()

    # Checking again keeps the status and the note.
    with qtbot.waitSignal(page.flagsLoaded, timeout=15000):
        page.reload()
    assert filled.flags.get(flag_id).note.startswith("Talked it through")
    page.set_status_filter("discussed")
    assert [r.id for r in page.rows()] == [flag_id]

    assert page.reopen()
    assert filled.flags.get(flag_id).status == "open"
    assert filled.flags.get(flag_id).note.startswith("Talked it through")  # note kept


def test_cancelling_the_note_changes_nothing(qtbot, page: FlagsPage, filled, monkeypatch) -> None:
    load(qtbot, page, filled)
    monkeypatch.setattr(flag_panel, "ask_note", lambda *a, **k: None)
    select(page, "secrets")
    flag_id = page.current().id
    assert not page.mark_resolved()
    assert filled.flags.get(flag_id).status == "open"


def test_buttons_drive_the_actions(qtbot, page: FlagsPage, filled, monkeypatch) -> None:
    load(qtbot, page, filled)
    monkeypatch.setattr(flag_panel, "ask_note", lambda *a, **k: "done")
    select(page, "secrets")
    flag_id = page.current().id
    page.resolved_button.click()
    assert filled.flags.get(flag_id).status == "resolved"


def test_supervision_agenda(qtbot, page: FlagsPage, filled) -> None:
    load(qtbot, page, filled)
    select(page, "secrets")
    first = page.current().id
    assert page.agenda_button.text().replace("&", "").startswith("Add to next supervision")
    page.agenda_button.click()
    assert filled.kv.get(AGENDA_KEY) == [first]
    assert "On the agenda for your next supervision." in page.detail_text()
    assert page.agenda_button.text().startswith("Take off")
    select(page, "contact_details")
    second = page.current().id
    assert page.toggle_agenda() is True
    assert filled.kv.get(AGENDA_KEY) == [first, second]
    assert page.toggle_agenda() is False
    assert filled.kv.get(AGENDA_KEY) == [first]


def test_open_entry_emits_the_uid(qtbot, page: FlagsPage, filled) -> None:
    load(qtbot, page, filled)
    select(page, "contact_details")
    uid = page.current().entry_uid
    with qtbot.waitSignal(page.entryRequested) as blocker:
        page.open_button.click()
    assert blocker.args == [uid]
    select(page, "focus_shift")  # a pattern flag opens its latest entry
    latest = page.current().related[-1]
    assert filled.entries.get(latest).created.startswith("2026-03-16")
    with qtbot.waitSignal(page.entryRequested) as blocker:
        assert page.open_entry()
    assert blocker.args == [latest]


def test_check_again_finds_new_entries(qtbot, page: FlagsPage, filled) -> None:
    load(qtbot, page, filled)
    filled.entries.add(Entry(kind="journal", body="We met up for coffee at the weekend."))
    with qtbot.waitSignal(page.flagsLoaded, timeout=15000):
        page.refresh_button.click()
    assert ("time_outside_work", "text", "open") in labels(page)
    assert "Checked 1 new or changed entry" in page.status_label.text()


# --------------------------------------------------------------------------- lock


def test_set_vault_none_clears_everything(qtbot, page: FlagsPage, filled) -> None:
    load(qtbot, page, filled)
    select(page, "contact_details")
    page.set_sign_filter("contact_details")
    page.set_vault(None)
    assert page.model.rowCount() == 0 and page.all_rows() == []
    assert page.detail_text() == ""
    assert page.count_label.text() == ""
    assert page.status_label.text() == ""
    assert page.sign_filter is None and page.status_filter == "open"
    assert not page.view.isEnabled()
    assert page.results.currentWidget() is page.empty_label
    assert "Unlock" in page.empty_label.text()
    for button in (page.discussed_button, page.agenda_button, page.open_button):
        assert not button.isEnabled()


def test_results_that_arrive_after_locking_are_dropped(qtbot, page: FlagsPage, filled) -> None:
    page.set_vault(filled)
    page.set_vault(None)
    qtbot.wait(600)
    QApplication.processEvents()
    assert page.model.rowCount() == 0 and page.all_rows() == []


def test_readable_in_every_theme(qtbot, page: FlagsPage, filled) -> None:
    load(qtbot, page, filled)
    select(page, "contact_details")
    app = QApplication.instance()
    try:
        for name in THEMES:
            theme = theming.apply_theme(app, name, 12, force=True)
            page.refresh()
            css = page.detail.document().defaultStyleSheet()
            assert theme.colors["warning_sign"] in css and theme.colors["text"] in css
            assert "QTableView#flagsTable" in app.styleSheet()
            page.view.grab()  # paints without errors
    finally:
        theming.apply_theme(app, "light", 11, force=True)


def test_the_page_is_a_widget_tree_the_lead_can_add(page: FlagsPage) -> None:
    assert isinstance(page.view, QWidget) and page.view.objectName() == "FlagsPage"
