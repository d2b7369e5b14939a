"""Autosaved drafts: nothing typed is lost if the window goes away mid-flow."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

import pytest
import shiboken6
from flow_helpers import PLAN, fast_vault, show_page
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from ips_reflect.core.check import LIGHT_ANSWER_KEY
from ips_reflect.core.entries import Entry
from ips_reflect.gui.pages.after import AfterPage
from ips_reflect.gui.pages.before import BeforePage
from ips_reflect.gui.pages.before.form import SUMMARY
from ips_reflect.gui.pages.prepare import PreparePage
from ips_reflect.gui.shell.uiloader import load_ui
from ips_reflect.gui.widgets.drafts import DraftKeeper, short_when


@pytest.fixture
def vault(data_dir):
    yield from fast_vault(data_dir)


def destroy(qtbot, page) -> None:
    """Delete the page's view (as when the window is closed or crashes mid-flow)."""
    view = page.view
    with qtbot.waitSignal(view.destroyed, timeout=1000):
        shiboken6.delete(view)
    QApplication.processEvents()
    assert not shiboken6.isValid(view)


def unregistered(qtbot, cls, ui: str, content, vault):
    """A page that the test destroys itself (so pytest-qt does not close it again)."""
    view = load_ui(ui)
    page = cls(view, content)
    view.show()
    qtbot.waitExposed(view)
    page.set_vault(vault)
    return page


def fast(page, ms: int = 30):
    page.keeper._timer.setInterval(ms)
    return page


def test_before_draft_comes_back_after_the_view_is_destroyed(qtbot, content, vault):
    vault.plans.save(PLAN)
    page = unregistered(qtbot, BeforePage, "before", content, vault)
    page.audience.setCurrentIndex(page.audience.findData("employer"))
    qtbot.keyClicks(page.alias, "Mr P")
    page.picker.combo.setCurrentIndex(page.picker.combo.findData("e-redund01"))
    qtbot.mouseClick(page.next_button, Qt.MouseButton.LeftButton)
    motivation = page.full.widgets["before.why.motivation"].editor
    qtbot.keyClicks(motivation, "He asked why I do this job.")
    # The autosave lands about a second after the last key, inside the encrypted vault.
    qtbot.waitUntil(lambda: bool(vault.drafts.list("before_check")), timeout=3000)
    draft = vault.drafts.list("before_check")[0]
    assert draft.payload["answers"]["before.why.motivation"] == "He asked why I do this job."
    destroy(qtbot, page)

    again = show_page(qtbot, BeforePage, "before", content, vault)
    banner = again.draft_banner
    assert banner.shown
    assert banner.label.text() == f"Restore your unfinished check from {short_when(draft.updated)}?"
    assert again.alias.text() == ""
    qtbot.mouseClick(banner.restore_button, Qt.MouseButton.LeftButton)
    assert not banner.shown
    assert again.alias.text() == "Mr P"
    assert again.current_audience == "employer"
    assert again.picker.value() == "e-redund01"
    assert again.step_key == "why"
    assert again.full.widgets["before.why.motivation"].value() == "He asked why I do this job."
    assert again.plan_banner.isVisible()  # the plan warning is back too
    # The restored draft now belongs to this page; finishing the check deletes it.
    again.go_to(SUMMARY)
    again.save()
    assert vault.drafts.list("before_check") == []


def test_after_draft_of_a_linked_reflection_comes_back_linked(qtbot, content, vault):
    check = vault.entries.add(
        Entry(
            kind="before_check",
            title="Check: client — hope",
            audience="client",
            client_alias="JT",
            answers={LIGHT_ANSWER_KEY: "green"},
        )
    )
    page = fast(unregistered(qtbot, AfterPage, "after", content, vault))
    assert page.start_for_check(check.uid)
    qtbot.keyClicks(page.questions.widgets["after.learned"].editor, "Less is more.")
    qtbot.waitUntil(lambda: bool(vault.drafts.list("after_reflection")), timeout=2000)
    destroy(qtbot, page)

    again = show_page(qtbot, AfterPage, "after", content, vault)
    assert again.draft_banner.shown
    assert "unfinished reflection" in again.draft_banner.label.text()
    qtbot.mouseClick(again.draft_banner.restore_button, Qt.MouseButton.LeftButton)
    assert again.linked_check.uid == check.uid
    assert again.alias.text() == "JT"
    assert again.questions.widgets["after.learned"].value() == "Less is more."
    assert again.save().linked_uid == check.uid
    assert vault.drafts.list() == []


def test_after_discarding_a_draft_deletes_it(qtbot, content, vault):
    page = fast(unregistered(qtbot, AfterPage, "after", content, vault))
    qtbot.keyClicks(page.questions.widgets["after.worked"].editor, "Something")
    qtbot.waitUntil(lambda: bool(vault.drafts.list()), timeout=2000)
    destroy(qtbot, page)
    again = show_page(qtbot, AfterPage, "after", content, vault)
    qtbot.mouseClick(again.draft_banner.discard_button, Qt.MouseButton.LeftButton)
    assert not again.draft_banner.shown
    assert vault.drafts.list() == []
    assert again.questions.widgets["after.worked"].value() is None


def test_before_new_typing_never_overwrites_a_draft_on_offer(qtbot, content, vault):
    page = fast(unregistered(qtbot, BeforePage, "before", content, vault))
    qtbot.keyClicks(page.alias, "Old work")
    qtbot.waitUntil(lambda: len(vault.drafts.list()) == 1, timeout=2000)
    destroy(qtbot, page)
    again = fast(show_page(qtbot, BeforePage, "before", content, vault))
    assert again.draft_banner.shown
    qtbot.keyClicks(again.alias, "New work")  # typed without answering the banner
    qtbot.waitUntil(lambda: len(vault.drafts.list()) == 2, timeout=2000)
    assert again.draft_banner.shown
    qtbot.mouseClick(again.draft_banner.restore_button, Qt.MouseButton.LeftButton)
    assert again.alias.text() == "Old work"
    assert [d.payload["alias"] for d in vault.drafts.list()] == ["Old work"]


def test_prepare_unsaved_plan_changes_come_back(qtbot, content, vault):
    vault.plans.save(PLAN)
    page = fast(unregistered(qtbot, PreparePage, "prepare", content, vault))
    assert vault.drafts.list() == []
    page.label_edit.selectAll()
    qtbot.keyClicks(page.label_edit, "losing my job")
    qtbot.waitUntil(lambda: bool(vault.drafts.list("preparation")), timeout=2000)
    destroy(qtbot, page)
    again = show_page(qtbot, PreparePage, "prepare", content, vault)
    assert again.label_edit.text() == "my redundancy"  # the saved plan, until restored
    assert "unfinished plan" in again.draft_banner.label.text()
    qtbot.mouseClick(again.draft_banner.restore_button, Qt.MouseButton.LeftButton)
    assert again.label_edit.text() == "losing my job"
    assert "unsaved changes" in again.status.text()
    again.save()
    assert vault.drafts.list() == []
    assert vault.plans.latest().payload["experiences"][0]["label"] == "losing my job"


def test_before_draft_keeper_waits_for_a_pause_in_typing(qtbot, vault):
    saves = []
    state = {"text": ""}
    keeper = DraftKeeper(
        lambda: vault,
        "test",
        "journal",
        lambda: {"text": state["text"]} if state["text"] else {},
        lambda payload: None,
        delay_ms=80,
    )
    keeper.saved.connect(lambda: saves.append(state["text"]))
    for text in ("a", "ab", "abc"):
        state["text"] = text
        keeper.touch()
        qtbot.wait(20)
    assert saves == []
    assert keeper.pending
    qtbot.waitUntil(lambda: saves == ["abc"], timeout=1000)
    assert vault.drafts.load(keeper.storage_key).payload == {"text": "abc"}
    state["text"] = ""
    keeper.touch()
    qtbot.waitUntil(lambda: vault.drafts.load(keeper.storage_key) is None, timeout=1000)
    # Without a vault nothing is scheduled or written.
    locked = DraftKeeper(lambda: None, "x", "journal", lambda: {"a": 1}, lambda p: None)
    locked.touch()
    assert not locked.pending
    assert locked.save_now() is False


def test_before_short_when_reads_naturally():
    now = datetime(2026, 11, 4, 15, 0, tzinfo=timezone(timedelta(hours=0)))
    assert short_when("2026-11-04T10:32:00+00:00", now) == "10:32"
    assert short_when("2026-11-03T09:05:00+00:00", now).endswith("3 Nov, 09:05")
    assert short_when("2025-02-01T09:05:00+00:00", now) == "1 Feb 2025, 09:05"
    assert short_when("not a date", now) == "not a date"
