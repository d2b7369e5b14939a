"""The live flag panel inside Before sharing and After sharing: flags appear while a
person writes, can be dismissed with a note that is kept with the saved entry, and
never stop a save."""

from __future__ import annotations

import pytest
from flow_helpers import PLAN, fast_vault, show_page
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QPushButton

from ips_reflect.gui.pages.after import AfterPage
from ips_reflect.gui.pages.before import BeforePage
from ips_reflect.gui.widgets import flag_panel
from ips_reflect.ops.flags import sync_vault_flags


@pytest.fixture
def vault(data_dir):
    yield from fast_vault(data_dir)


def choose(combo: QComboBox, data: str | None) -> None:
    combo.setCurrentIndex(combo.findData(data))


def type_answer(qtbot, page: BeforePage, qid: str, text: str) -> None:
    qtbot.keyClicks(page.full.widgets[qid].editor, text)


def shown(page) -> list[tuple[str, str]]:
    page.live_flags.flush()
    return [(f.sign, f.source) for f in page.live_flags.flags()]


def test_before_panel_follows_what_is_written_and_ticked(qtbot, content, vault):
    page = show_page(qtbot, BeforePage, "before", content, vault)
    assert page.live_flags.view.isVisible()
    choose(page.audience, "client")
    assert shown(page) == []
    type_answer(qtbot, page, "before.what.useful_for_job", "I gave him my personal mobile")
    assert page.live_flags.pending  # debounced: it waits for a pause in typing
    qtbot.waitUntil(lambda: not page.live_flags.pending, timeout=3000)
    assert ("contact_details", "text") in [(f.sign, f.source) for f in page.live_flags.flags()]
    card = page.live_flags.cards()[0]
    assert "personal mobile" in card.accessibleName()
    page.signs.set_values(["secrets"])
    assert ("secrets", "ticked") in shown(page)


def test_before_panel_shows_a_plan_deviation(qtbot, content, vault):
    vault.plans.save(PLAN)
    page = show_page(qtbot, BeforePage, "before", content, vault)
    choose(page.audience, "clinical_team")
    choose(page.picker.combo, "e-redund01")
    assert ("plan_deviation", "plan") in shown(page)


def test_before_dismissed_flag_is_kept_as_resolved_with_its_note(
    qtbot, content, vault, monkeypatch
):
    monkeypatch.setattr(flag_panel, "ask_note", lambda *a, **k: "It was the work mobile.")
    page = show_page(qtbot, BeforePage, "before", content, vault)
    choose(page.audience, "client")
    type_answer(qtbot, page, "before.what.useful_for_job", "I gave him my personal mobile")
    shown(page)
    (card,) = [c for c in page.live_flags.cards() if "mobile" in c.accessibleName()]
    qtbot.mouseClick(card.findChild(QPushButton, "dismissButton"), Qt.MouseButton.LeftButton)
    assert ("contact_details", "text") not in shown(page)
    saved = page.save()
    assert saved is not None  # a flag never blocks saving
    (stored,) = vault.flags.list(entry_uid=saved.uid, sign="contact_details")
    assert (stored.status, stored.note) == ("resolved", "It was the work mobile.")
    sync_vault_flags(vault, content)  # a later check of the vault does not reopen it
    (again,) = vault.flags.list(entry_uid=saved.uid, sign="contact_details")
    assert again.status == "resolved"
    assert vault.flags.list(status="open", sign="contact_details") == []


def test_before_new_check_and_lock_clear_the_panel(qtbot, content, vault):
    page = show_page(qtbot, BeforePage, "before", content, vault)
    choose(page.audience, "client")
    type_answer(qtbot, page, "before.what.useful_for_job", "I gave him my personal mobile")
    assert shown(page)
    page.save()
    page.start()
    assert shown(page) == [] and page.live_flags.cards() == []
    type_answer(qtbot, page, "before.what.useful_for_job", "I gave him my personal mobile")
    assert shown(page)
    page.set_vault(None)
    assert page.live_flags.flags() == [] and page.live_flags.cards() == []


def test_after_panel_flags_a_reflection(qtbot, content, vault):
    page = show_page(qtbot, AfterPage, "after", content, vault)
    page.start_standalone()
    choose(page.audience, "client")
    editor = page.questions.widgets["after.impact_me"].editor
    qtbot.keyClicks(editor, "We met up for a coffee at the weekend, more as friends")
    assert ("time_outside_work", "text") in shown(page)
    saved = page.save()
    assert saved is not None
    sync_vault_flags(vault, content)
    # "more as friends" is a confused relationship as well as time together outside work.
    signs = sorted(f.sign for f in vault.flags.list(entry_uid=saved.uid))
    assert signs == ["role_confusion", "time_outside_work"]
