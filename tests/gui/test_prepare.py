"""The Prepare page: the Box 1 workbook and the personal sharing plan."""

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
from PySide6.QtWidgets import QComboBox

from ips_reflect.core.plan import LEVELS, SharingPlan
from ips_reflect.gui.pages.prepare import PreparePage
from ips_reflect.gui.pages.prepare.form import COVERED_BY_PLAN


@pytest.fixture
def vault(data_dir):
    yield from fast_vault(data_dir)


@pytest.fixture
def prepare(qtbot, content, vault):
    return show_page(qtbot, PreparePage, "prepare", content, vault)


def choose(combo: QComboBox, data: str | None) -> None:
    combo.setCurrentIndex(combo.findData(data))


def test_prepare_builds_a_plan_and_saves_a_version_and_journal_entry(qtbot, prepare, vault):
    assert prepare.status.text() == "Not saved yet"
    assert prepare.editor.isHidden() and prepare.no_experience.isVisible()
    qtbot.mouseClick(prepare.add_button, Qt.MouseButton.LeftButton)
    assert focused() is prepare.label_edit
    qtbot.keyClicks(prepare.label_edit, "my redundancy")
    choose(prepare.kind_combo, "exp.work_struggles")
    assert "made redundant" in prepare.kind_help.text()
    for audience, level in (
        ("client", "briefly"),
        ("employer", "never"),
        ("ips_team", "freely"),
        ("clinical_team", "not_now"),
    ):
        choose(prepare.level_combos[audience], level)
    qtbot.keyClicks(prepare.notes_edit, "only the outline")
    # The grid shows the row as it is typed.
    assert prepare.table.item(0, 0).text() == "my redundancy"
    assert [prepare.table.item(0, c).text() for c in range(1, 5)] == [
        "Briefly",
        "Never",
        "Freely",
        "Not now",
    ]
    # Boundaries and lines.
    fields = prepare.fields
    qtbot.keyClicks(fields["will_not_share"].editor, "my home address")
    qtbot.keyClick(fields["will_not_share"].editor, Qt.Key.Key_Return)
    qtbot.keyClicks(fields["will_not_share"].editor, "my divorce")
    qtbot.keyClicks(fields["asked_for_more"].editor, "That's as much as I go into.")
    qtbot.keyClicks(fields["redirect_lines"].editor, "How has it been for you?")
    qtbot.keyClicks(fields["explain_to_manager"].editor, "It shows setbacks pass.")
    tick(qtbot, fields["social_media"].editor.buttons["yes"])
    qtbot.keyClicks(fields["social_media_notes"].editor, "Profile locked.")
    # A Box 1 question.
    tick(qtbot, prepare.reflection.widgets["prep.limits.spread"].editor.buttons["unsure"])
    assert "unsaved" not in prepare.status.text()  # nothing saved to differ from yet
    qtbot.mouseClick(prepare.save_button, Qt.MouseButton.LeftButton)

    version = vault.plans.latest()
    assert version.version == 1
    payload = version.payload
    exp = payload["experiences"][0]
    assert exp["label"] == "my redundancy"
    assert exp["kind"] == "exp.work_struggles"
    assert exp["levels"] == {
        "client": "briefly",
        "employer": "never",
        "ips_team": "freely",
        "clinical_team": "not_now",
    }
    assert exp["notes"] == "only the outline"
    assert exp["id"].startswith("e-")
    assert payload["will_not_share"] == ["my home address", "my divorce"]
    assert payload["asked_for_more"] == "That's as much as I go into."
    assert payload["redirect_lines"] == ["How has it been for you?"]
    assert payload["explain_to_manager"] == "It shows setbacks pass."
    assert payload["social_media"] == "yes"
    assert payload["social_media_notes"] == "Profile locked."
    assert payload["answers"] == {"prep.limits.spread": "unsure"}
    assert set(payload) == set(SharingPlan().to_payload())
    # A preparation entry for the journal.
    (entry,) = vault.entries.list(kind="preparation")
    assert entry.title == "Sharing plan, version 1"
    assert "my redundancy (clients: briefly · employers: never" in entry.body
    assert entry.answers == {"prep.limits.spread": "unsure"}
    assert prepare.status.text().startswith("Version 1, saved ")


def test_prepare_keeps_every_version_and_shows_old_ones_read_only(qtbot, prepare, vault):
    qtbot.mouseClick(prepare.add_button, Qt.MouseButton.LeftButton)
    qtbot.keyClicks(prepare.label_edit, "first words")
    prepare.save()
    prepare.label_edit.selectAll()
    qtbot.keyClicks(prepare.label_edit, "better words")
    assert "unsaved changes" in prepare.status.text()
    qtbot.mouseClick(prepare.save_button, Qt.MouseButton.LeftButton)
    assert [v.version for v in vault.plans.history()] == [2, 1]
    assert prepare.history.count() == 2
    assert prepare.history.item(0).text().endswith("(current)")
    assert "Version 2 · " in prepare.history.item(0).text()
    assert "better words" in prepare.history_view.toPlainText()
    prepare.history.setCurrentRow(1)
    assert prepare.shown_version == 1
    assert "first words" in prepare.history_view.toPlainText()
    assert prepare.history_view.isReadOnly()
    # Start again from version 1; saving makes version 3, nothing is lost.
    qtbot.mouseClick(prepare.use_version, Qt.MouseButton.LeftButton)
    assert prepare.tabs.currentIndex() == 0
    assert prepare.label_edit.text() == "first words"
    assert "Started from version 1" in prepare.saved_label.text()
    assert prepare.save() == 3
    assert [v.version for v in vault.plans.history()] == [3, 2, 1]
    assert vault.plans.get(2).payload["experiences"][0]["label"] == "better words"
    assert vault.entries.count(kind="preparation") == 3


def test_prepare_loads_the_latest_plan_on_unlock(qtbot, content, vault):
    vault.plans.save(PLAN)
    prepare = show_page(qtbot, PreparePage, "prepare", content, vault)
    assert prepare.table.rowCount() == 2
    assert prepare.label_edit.text() == "my redundancy"
    assert prepare.level_combos["employer"].currentData() == "never"
    assert prepare.fields["will_not_share"].value() == ["my home address"]
    prepare.table.setCurrentCell(1, 0)
    assert prepare.label_edit.text() == "five-a-side football"
    assert prepare.level_combos["ips_team"].currentData() is None
    assert prepare.collect_plan().to_payload() == SharingPlan.from_payload(PLAN).to_payload()
    assert not prepare.is_modified()


def test_prepare_remove_experience(qtbot, content, vault):
    vault.plans.save(PLAN)
    prepare = show_page(qtbot, PreparePage, "prepare", content, vault)
    prepare.table.setCurrentCell(0, 0)
    qtbot.mouseClick(prepare.remove_button, Qt.MouseButton.LeftButton)
    assert prepare.table.rowCount() == 1
    assert prepare.label_edit.text() == "five-a-side football"
    qtbot.mouseClick(prepare.remove_button, Qt.MouseButton.LeftButton)
    assert prepare.table.rowCount() == 0
    assert prepare.editor.isHidden()
    assert not prepare.remove_button.isEnabled()
    assert prepare.collect_plan().experiences == []


def test_prepare_levels_are_the_four_choices_of_the_paper(prepare, content):
    combo = prepare.level_combos["client"]
    assert [combo.itemData(i) for i in range(combo.count())] == [None, *LEVELS]
    assert combo.itemText(4) == "Never, this is a boundary"
    kinds = [prepare.kind_combo.itemData(i) for i in range(prepare.kind_combo.count())]
    assert len(kinds) == 7 and all(k.startswith("exp.") for k in kinds[1:])


def test_prepare_box1_questions_with_help_and_source(prepare, content):
    items = [
        i
        for sid in ("prep.comfort", "prep.limits", "prep.explain", "prep.colleagues")
        for i in content.section(sid).items
    ]
    expected = {i.id for i in items} - set(COVERED_BY_PLAN)
    assert set(prepare.reflection.widgets) == expected
    for widget in [*prepare.reflection.widgets.values(), *prepare.fields.values()]:
        assert widget.help_label.text() == widget.item.help
        assert widget.source_label.text() == f"From the paper: {widget.item.source}"
        assert widget.editor.accessibleName()
    for name in ("experienceHelp", "levelHelp"):
        assert prepare.view.findChild(type(prepare.status), name).text()


def test_prepare_keyboard_adds_and_names_an_experience(qtbot, prepare, vault):
    prepare.save_button.setFocus()
    press(qtbot, Qt.Key.Key_D, Qt.KeyboardModifier.AltModifier)  # A&dd experience
    qtbot.waitUntil(lambda: prepare.table.rowCount() == 1)
    assert focused() is prepare.label_edit
    qtbot.keyClicks(focused(), "night shifts")
    press(qtbot, Qt.Key.Key_Return)
    assert focused() is prepare.kind_combo
    press(qtbot, Qt.Key.Key_E, Qt.KeyboardModifier.AltModifier)  # the Employers level
    assert focused() is prepare.level_combos["employer"]
    press(qtbot, Qt.Key.Key_Down)
    assert prepare.level_combos["employer"].currentData() == "freely"
    press(qtbot, Qt.Key.Key_S, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(lambda: vault.plans.latest() is not None)
    exp = vault.plans.latest().payload["experiences"][0]
    assert exp["label"] == "night shifts"
    assert exp["levels"] == {"employer": "freely"}


def test_prepare_lock_clears_every_field_table_and_history(qtbot, content, vault):
    vault.plans.save(PLAN)
    prepare = show_page(qtbot, PreparePage, "prepare", content, vault)
    qtbot.keyClicks(prepare.reflection.widgets["prep.limits.how_much"].editor, "Zebedee")
    prepare.save()
    prepare.tabs.setCurrentIndex(3)
    assert "my redundancy" in prepare.history_view.toPlainText()
    prepare.set_vault(None)
    assert not prepare.view.isEnabled()
    assert prepare.table.rowCount() == 0
    assert prepare.history.count() == 0
    assert_text_boxes_empty(prepare.view)
    assert_no_secret(prepare.view, ["my redundancy", "five-a-side", "home address", "Zebedee"])


def test_prepare_every_control_has_an_accessible_name(prepare):
    from flow_helpers import nameless_controls

    assert nameless_controls(prepare.view) == []
