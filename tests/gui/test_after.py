"""The "After I shared" page, linked to a check or on its own."""

from __future__ import annotations

import pytest
from flow_helpers import (
    PLAN,
    assert_no_secret,
    assert_text_boxes_empty,
    fast_vault,
    focused,
    press,
    show_page,
    tick,
)
from PySide6.QtCore import Qt

from ips_reflect.core.check import LIGHT_ANSWER_KEY, PLAN_EXPERIENCE_QUESTION
from ips_reflect.core.entries import Entry
from ips_reflect.gui.pages.after import AfterPage
from ips_reflect.gui.pages.before import BeforePage
from ips_reflect.gui.pages.before.form import SUMMARY
from ips_reflect.gui.pages.home import HomePage
from ips_reflect.gui.pages.prepare import PreparePage
from ips_reflect.gui.shell.flows import connect_flows
from ips_reflect.gui.widgets.question_widgets import QuestionWidget


@pytest.fixture
def vault(data_dir):
    yield from fast_vault(data_dir)


@pytest.fixture
def after(qtbot, content, vault):
    return show_page(qtbot, AfterPage, "after", content, vault)


def add_check(vault, **kw) -> Entry:
    fields = {
        "kind": "before_check",
        "title": "Check: employer — my redundancy",
        "audience": "employer",
        "client_alias": "Mr P",
        "answers": {PLAN_EXPERIENCE_QUESTION: "e-redund01", LIGHT_ANSWER_KEY: "red"},
        "body": "Red: pause and think again.\n\n- Your sharing plan marks it as never.\n\nPause.",
    }
    fields.update(kw)
    return vault.entries.add(Entry(**fields))


class Flows:
    """All four pages, connected as in the app; ``shown`` records the pages brought up."""

    def __init__(self, qtbot, content, vault) -> None:
        self.home = show_page(qtbot, HomePage, "home", content, vault)
        self.prepare = show_page(qtbot, PreparePage, "prepare", content, vault)
        self.before = show_page(qtbot, BeforePage, "before", content, vault)
        self.after = show_page(qtbot, AfterPage, "after", content, vault)
        self.shown: list[str] = []
        connect_flows(self.shown.append, self.home, self.prepare, self.before, self.after)


def test_after_reflection_started_from_a_check_is_linked_and_clears_pending(qtbot, content, vault):
    vault.plans.save(PLAN)
    flows = Flows(qtbot, content, vault)
    before = flows.before
    before.audience.setCurrentIndex(before.audience.findData("employer"))
    qtbot.keyClicks(before.alias, "Mr P")
    before.picker.combo.setCurrentIndex(before.picker.combo.findData("e-redund01"))
    before.go_to(SUMMARY)
    qtbot.mouseClick(before.save_button, Qt.MouseButton.LeftButton)
    check = before.saved_entry
    assert flows.home.pending_count == 1
    assert flows.home.pending_title.text() == "1 share to reflect on"

    # Home: "Reflect now" on the waiting check opens the After page linked to it.
    row = flows.home.rows[0]
    assert row.uid == check.uid
    qtbot.mouseClick(row.button, Qt.MouseButton.LeftButton)
    assert flows.shown[-1] == "after"
    after = flows.after
    assert after.linked_check.uid == check.uid
    assert after.current_audience == "employer"
    assert after.alias.text() == "Mr P"
    assert after.experience.currentData() == "e-redund01"
    assert after.link_card.isVisible()
    assert "Red: pause and think again" in after.link_summary.text()
    assert after.link_light.light == "red"
    # Answer through the widgets and save.
    went = after.questions.widgets["after.how_it_went"]
    tick(qtbot, went.editor.buttons["2"])
    qtbot.keyClicks(after.questions.widgets["after.learned"].editor, "Say less, sooner.")
    qtbot.mouseClick(after.save_button, Qt.MouseButton.LeftButton)
    saved = vault.entries.get(after.saved_entry.uid)
    assert saved.kind == "after_reflection"
    assert saved.linked_uid == check.uid
    assert saved.answers["after.how_it_went"] == 2
    assert saved.answers["after.learned"] == "Say less, sooner."
    assert saved.title == "Reflection: employer — my redundancy"
    # The check no longer waits, on Home or in the After page's list.
    assert flows.home.pending_count == 0
    assert flows.home.rows == []
    assert flows.home.pending_title.text() == "No shares waiting for a reflection"
    assert vault.entries.linked_to(check.uid)[0].uid == saved.uid


def test_after_reflect_now_from_the_before_summary(qtbot, content, vault):
    flows = Flows(qtbot, content, vault)
    flows.before.go_to(SUMMARY)
    flows.before.save()
    qtbot.mouseClick(flows.before.reflect_button, Qt.MouseButton.LeftButton)
    assert flows.shown[-1] == "after"
    assert flows.after.linked_check.uid == flows.before.saved_entry.uid


def test_after_choosing_a_waiting_check_in_the_list_links_it(qtbot, after, vault):
    check = add_check(vault)
    after.refresh_links()
    combo = after.link_combo
    assert combo.count() == 2
    assert "Check: employer — my redundancy" in combo.itemText(1)
    assert "Mr P" in combo.itemText(1) and "Red" in combo.itemText(1)
    combo.setCurrentIndex(1)
    assert after.linked_check.uid == check.uid
    assert after.alias.text() == "Mr P"
    combo.setCurrentIndex(0)
    assert after.linked_check is None
    assert after.link_card.isHidden()
    assert after.build_entry().linked_uid is None


def test_after_standalone_reflection_is_saved_unlinked(qtbot, after, vault):
    after.start_standalone()
    after.audience.setCurrentIndex(after.audience.findData("ips_team"))
    qtbot.keyClicks(after.questions.widgets["after.worked"].editor, "Kept it short.")
    entry = after.save()
    assert entry.linked_uid is None
    assert entry.audience == "ips_team"
    assert vault.entries.get(entry.uid).answers == {"after.worked": "Kept it short."}


def test_after_questions_follow_the_audience_with_help_and_source(after, content):
    widgets = after.questions.widgets
    expected = {i.id for i in content.pack("after_sharing").items if i.answer}
    assert set(widgets) == expected
    for widget in widgets.values():
        assert widget.help_label.text() == widget.item.help
        assert widget.source_label.text().startswith("From the paper: ")
    after.audience.setCurrentIndex(after.audience.findData("employer"))
    assert not widgets["after.employer_effect"].isHidden()
    assert widgets["after.work_goal"].isHidden()
    after.audience.setCurrentIndex(after.audience.findData("client"))
    assert widgets["after.employer_effect"].isHidden()
    assert not widgets["after.work_goal"].isHidden()
    scale = widgets["after.how_it_went"].editor
    assert [b.text() for b in scale.buttons.values()] == ["1", "2", "3", "4", "5"]


def test_after_warning_signs_noticed_show_ticks(qtbot, after):
    noticed = after.questions.widgets["after.signs_noticed"]
    assert after.signs.isHidden()
    tick(qtbot, noticed.editor.buttons["yes"])
    assert after.signs.isVisible()
    tick(qtbot, after.signs.boxes["focus_shift"])
    tick(qtbot, after.questions.widgets["after.supervision"].editor.buttons["yes"])
    entry = after.save()
    assert entry.warning_signs == ["focus_shift"]
    assert entry.bring_to_supervision is True


def test_after_keyboard_answers_a_scale_and_moves_on(qtbot, after):
    after.questions.widgets["after.how_it_went"].focus()
    press(qtbot, Qt.Key.Key_4)
    assert after.questions.widgets["after.how_it_went"].value() == 4
    press(qtbot, Qt.Key.Key_Return)  # Enter moves on to the next question
    assert focused() is after.questions.widgets["after.impact_person"].editor
    qtbot.keyClicks(focused(), "She relaxed.")
    press(qtbot, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert focused() is after.questions.widgets["after.impact_relationship"].editor
    assert after.build_entry().answers == {
        "after.how_it_went": 4,
        "after.impact_person": "She relaxed.",
    }
    after.questions.widgets["after.support_needed"].focus()
    press(qtbot, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert focused() is after.save_button
    press(qtbot, Qt.Key.Key_Return)
    assert after.saved_entry is not None


def test_after_lock_clears_every_field(qtbot, after, vault):
    add_check(vault, client_alias="Zebedee")
    after.refresh_links()
    after.link_combo.setCurrentIndex(1)
    qtbot.keyClicks(after.questions.widgets["after.impact_me"].editor, "Marmalade feelings")
    assert "Zebedee" in after.link_combo.itemText(1)
    after.set_vault(None)
    assert not after.view.isEnabled()
    assert_text_boxes_empty(after.view)
    assert_no_secret(after.view, ["Zebedee", "Marmalade", "my redundancy"])
    assert after.link_combo.count() == 1
    assert all(w.value() is None for w in after.view.findChildren(QuestionWidget))


def test_after_every_control_has_an_accessible_name(after):
    from flow_helpers import nameless_controls

    assert nameless_controls(after.view) == []
