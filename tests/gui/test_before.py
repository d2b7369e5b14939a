"""The "Before I share" page, driven through its widgets."""

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
from PySide6.QtWidgets import (
    QAbstractButton,
    QCheckBox,
    QComboBox,
    QFileDialog,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QRadioButton,
)

from ips_reflect import messages
from ips_reflect.core.check import LIGHT_ANSWER_KEY, PLAN_EXPERIENCE_QUESTION
from ips_reflect.gui.pages.before import BeforePage
from ips_reflect.gui.pages.before.form import SUMMARY
from ips_reflect.gui.pages.prepare import PreparePage
from ips_reflect.gui.widgets.question_widgets import QuestionWidget

QUICK_IDS = {
    "before.why.tell_manager",
    "before.why.boundaries",
    "before.when.right_time",
    "before.how.focus",
    "before.okay.today",
    "before.benefit.helps_person",
    "before.why.work_goal",  # the work test: shown for clients only
}
#: The key questions the light needs before it advises (without an audience).
KEY_IDS = ("before.benefit.helps_person", "before.okay.today", "before.why.boundaries")


def answer_key_questions(page: BeforePage, value: str = "yes") -> None:
    for qid in KEY_IDS:
        page.full.widgets[qid].set_value(value)


@pytest.fixture
def vault(data_dir):
    yield from fast_vault(data_dir)


@pytest.fixture
def before(qtbot, content, vault):
    return show_page(qtbot, BeforePage, "before", content, vault)


@pytest.fixture
def planned(vault):
    vault.plans.save(PLAN)
    return vault


def choose(combo: QComboBox, data: str | None) -> None:
    combo.setCurrentIndex(combo.findData(data))


def click_next_to_summary(qtbot, page: BeforePage) -> None:
    while page.step_key != "summary":
        qtbot.mouseClick(page.next_button, Qt.MouseButton.LeftButton)


def test_before_plan_never_for_employers_makes_the_check_red(qtbot, content, vault):
    # The plan is made on the Prepare page, as a practitioner would.
    prepare = show_page(qtbot, PreparePage, "prepare", content, vault)
    qtbot.mouseClick(prepare.add_button, Qt.MouseButton.LeftButton)
    qtbot.keyClicks(prepare.label_edit, "my redundancy")
    choose(prepare.level_combos["employer"], "never")
    choose(prepare.level_combos["client"], "freely")
    qtbot.mouseClick(prepare.save_button, Qt.MouseButton.LeftButton)
    assert vault.plans.latest().payload["experiences"][0]["levels"]["employer"] == "never"
    exp_id = vault.plans.latest().payload["experiences"][0]["id"]

    page = show_page(qtbot, BeforePage, "before", content, vault)
    choose(page.audience, "employer")
    qtbot.keyClicks(page.alias, "Mr P")
    assert page.plan_banner.isHidden()
    choose(page.picker.combo, exp_id)
    # Warned at once, before any other step.
    assert page.plan_banner.isVisible()
    assert "marks “my redundancy” as never for employers" in page.plan_banner_text.text()
    assert page.banner_light.light == "red"

    click_next_to_summary(qtbot, page)
    assert page.light.light == "red"
    assert page.headline.text().startswith("Red")
    assert (
        "Your sharing plan marks “my redundancy” as never for employers."
        in page.summary_reasons.text()
    )
    assert "supervision" in page.advice.text()
    qtbot.mouseClick(page.save_button, Qt.MouseButton.LeftButton)
    saved = vault.entries.get(page.saved_entry.uid)
    assert saved.kind == "before_check"
    assert saved.audience == "employer"
    assert saved.client_alias == "Mr P"
    assert saved.answers[PLAN_EXPERIENCE_QUESTION] == exp_id
    assert saved.answers[LIGHT_ANSWER_KEY] == "red"
    assert saved.title == "Check: employer — my redundancy"
    assert saved.body.startswith("Red: pause and think again.")


def test_before_plan_banner_follows_audience_and_experience(qtbot, content, planned):
    page = show_page(qtbot, BeforePage, "before", content, planned)
    choose(page.picker.combo, "e-redund01")
    assert page.plan_banner.isHidden()  # no audience chosen yet
    choose(page.audience, "client")
    assert page.plan_banner.isVisible()
    assert page.banner_light.light == "amber"
    assert "only briefly with clients" in page.plan_banner_text.text()
    assert page.picker.note.text() == "Your note in the plan: only the outline"
    choose(page.audience, "clinical_team")
    assert page.banner_light.light == "red"
    assert "not now (still too raw)" in page.plan_banner_text.text()
    choose(page.audience, "ips_team")
    assert page.plan_banner.isHidden()
    # The experience's kind fills in "What kind of experience is this?".
    assert page.full.widgets["before.what.kind"].value() == "work_struggles"
    # The drop-down says what the plan allows for the chosen audience.
    texts = [page.picker.combo.itemText(i) for i in range(page.picker.combo.count())]
    assert "my redundancy — freely for your IPS team" in texts


def test_before_steps_show_the_questions_for_the_audience(qtbot, before):
    assert before.step_key == "what"
    choose(before.audience, "employer")
    what = before.full.widgets
    assert not what["before.what.for_employer"].isHidden()
    assert what["before.what.useful_for_job"].isHidden()
    assert "before.what.plan_experience" not in what  # it is the plan drop-down instead
    names = []
    while before.step_key != "summary":
        names.append(before.step_key)
        qtbot.mouseClick(before.next_button, Qt.MouseButton.LeftButton)
    assert names == ["what", "why", "when", "how", "okay", "signs"]
    assert before.save_button.isVisible() and not before.next_button.isVisible()
    qtbot.mouseClick(before.back_button, Qt.MouseButton.LeftButton)
    assert before.step_key == "signs"
    assert "Step 6 of 7" in before.trail.text()


def test_before_help_and_paper_source_shown_for_every_question(before, content):
    pack = content.pack("before_sharing")
    expected = {i.id for i in pack.items if i.answer} - {PLAN_EXPERIENCE_QUESTION}
    widgets = before.view.findChildren(QuestionWidget)
    full = {w.item.id for w in widgets if w in before.full.widgets.values()}
    assert full == expected
    for widget in widgets:
        assert widget.help_label.text() == widget.item.help
        assert widget.source_label.text() == f"From the paper: {widget.item.source}"
        assert widget.editor.accessibleName() == widget.item.text
        assert widget.item.help in widget.editor.accessibleDescription()
    picker_help = before.content.item(PLAN_EXPERIENCE_QUESTION).help
    assert picker_help in before.picker.combo.accessibleDescription()


def test_before_reasons_and_signs_are_ticked_and_saved(qtbot, before, vault, content):
    answer_key_questions(before)
    before.go_to(5)
    hope = before.reasons.boxes["hope"]
    assert hope.text() == content.item("hope").label
    assert content.item("hope").help in hope.toolTip()
    tick(qtbot, hope)
    tick(qtbot, before.signs.boxes["envy"])
    qtbot.mouseClick(before.next_button, Qt.MouseButton.LeftButton)
    assert before.light.light == "amber"
    assert "Invoking envy" in before.summary_reasons.text()
    assert "Offering hope" in before.summary_notes.text()
    entry = before.save()
    assert entry.reasons == ["hope"]
    assert entry.warning_signs == ["envy"]


def test_before_serious_sign_is_red_but_never_blocks_saving(qtbot, before, vault):
    before.go_to(5)
    tick(qtbot, before.signs.boxes["contact_details"])
    qtbot.mouseClick(before.next_button, Qt.MouseButton.LeftButton)
    assert before.light.light == "red"
    assert before.save_button.isEnabled()
    qtbot.mouseClick(before.save_button, Qt.MouseButton.LeftButton)
    assert vault.entries.pending_reflections()[0].uid == before.saved_entry.uid
    assert before.reflect_button.isVisible()


def test_before_light_is_never_colour_alone(qtbot, before):
    before.go_to(SUMMARY)
    # A blank check is never green: grey, with what is missing named.
    assert before.light.light == "incomplete"
    assert before.light.accessibleName() == "Traffic light: Grey"
    assert before.headline.text() == "Grey: not enough to advise yet"
    assert before.summary_card.property("level") == "incomplete"
    for label in ("Benefits them", "Okay with me today", "Within professional boundaries"):
        assert f"“{label}” is not answered yet" in before.summary_reasons.text()
    assert before.save_button.isEnabled()
    answer_key_questions(before)
    before.go_to(5)
    tick(qtbot, before.reasons.boxes["hope"])
    before.go_to(SUMMARY)
    assert before.light.light == "green"
    assert before.light.accessibleName() == "Traffic light: Green"
    assert before.headline.text() == "Green: go ahead"
    assert "Keep it brief" in before.advice.text()
    assert "focus on them" in before.advice.text()


def test_before_quick_mode_has_the_six_questions_on_one_screen(qtbot, before, vault, planned):
    before.reload_plan()
    tick(qtbot, before.quick_check)
    assert before.quick_mode
    assert before.step_key == "quick"
    page = before.pages["quick"]
    shown = {w.item.id for w in page.findChildren(QuestionWidget) if not w.isHidden()}
    assert shown == QUICK_IDS
    choose(before.audience, "employer")
    shown = {w.item.id for w in page.findChildren(QuestionWidget) if not w.isHidden()}
    assert shown == QUICK_IDS - {"before.why.work_goal"}
    choose(before.audience, "client")
    qtbot.keyClicks(before.alias, "JT")
    choose(before.quick_picker.combo, "e-footy001")
    for qid in sorted(QUICK_IDS):
        widget = before.quick.widgets[qid]
        tick(qtbot, widget.editor.buttons["yes"])
    # The twin in the full check has the same answer.
    assert before.full.widgets["before.how.focus"].value() == "yes"
    assert before.picker.value() == "e-footy001"
    tick(qtbot, before.quick.widgets["before.okay.today"].editor.buttons["no"])
    qtbot.mouseClick(before.next_button, Qt.MouseButton.LeftButton)
    assert before.step_key == "summary"
    assert "Step 2 of 2" in before.trail.text()
    assert before.light.light == "red"
    assert "(“Okay with me today”)" in before.summary_reasons.text()
    qtbot.mouseClick(before.back_button, Qt.MouseButton.LeftButton)
    assert before.step_key == "quick"
    qtbot.mouseClick(before.next_button, Qt.MouseButton.LeftButton)
    entry = before.save()
    assert {k for k in entry.answers if k in QUICK_IDS} == QUICK_IDS
    assert entry.answers[PLAN_EXPERIENCE_QUESTION] == "e-footy001"
    assert entry.title == "Check: client — five-a-side football"


def test_before_keyboard_only_walk_through_the_check(qtbot, before, vault):
    before.start(False)
    assert focused() is before.audience
    press(qtbot, Qt.Key.Key_Down)  # the first audience: clients
    assert before.current_audience == "client"
    press(qtbot, Qt.Key.Key_Tab)
    assert focused() is before.alias
    qtbot.keyClicks(before.alias, "JT")
    press(qtbot, Qt.Key.Key_Return)  # Enter moves on
    assert before.step_key == "why"
    assert isinstance(focused(), QPlainTextEdit)  # the first question of the step
    qtbot.keyClicks(focused(), "It might give her hope.")
    press(qtbot, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert before.step_key == "when"
    press(qtbot, Qt.Key.Key_U)  # answer the yes / no / unsure question with a letter
    assert before.full.widgets["before.when.right_time"].value() == "unsure"
    press(qtbot, Qt.Key.Key_Return)
    assert before.step_key == "how"
    assert isinstance(focused(), QPlainTextEdit)  # "How much do I need to say?"
    press(qtbot, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert before.step_key == "okay"
    press(qtbot, Qt.Key.Key_Y)
    press(qtbot, Qt.Key.Key_Return)
    assert before.step_key == "signs"
    assert isinstance(focused(), QCheckBox)
    press(qtbot, Qt.Key.Key_Space)  # tick the first reason
    press(qtbot, Qt.Key.Key_Return)
    assert before.step_key == "summary"
    assert focused() is before.save_button
    # The key questions were skipped, so the light cannot advise yet.
    assert before.light.light == "incomplete"
    assert "“Benefits them” is not answered yet" in before.summary_reasons.text()
    assert "“Helps them get or keep work” is not answered yet" in before.summary_reasons.text()
    press(qtbot, Qt.Key.Key_Return)  # Enter on the focused Save button
    entry = vault.entries.get(before.saved_entry.uid)
    assert entry.client_alias == "JT"
    assert entry.audience == "client"
    assert entry.answers["before.why.motivation"] == "It might give her hope."
    assert entry.answers["before.when.right_time"] == "unsure"
    assert entry.answers["before.okay.happy"] == "yes"
    assert entry.reasons == ["normalising"]


def test_before_alt_mnemonics_go_back_next_and_save(qtbot, before, vault):
    texts = {b.text() for b in (before.back_button, before.next_button, before.save_button)}
    assert texts == {"&Back", "&Next", "&Save check"}
    before.alias.setFocus()
    # Qt presses a button for its Alt shortcut with a short, visible animation.
    press(qtbot, Qt.Key.Key_N, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(lambda: before.step_key == "why")
    press(qtbot, Qt.Key.Key_B, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(lambda: before.step_key == "what")
    before.go_to(SUMMARY)
    press(qtbot, Qt.Key.Key_S, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(lambda: before.saved_entry is not None)
    assert vault.entries.get(before.saved_entry.uid) is not None


def test_before_every_control_has_an_accessible_name(before):
    controls = (
        before.view.findChildren(QAbstractButton)
        + before.view.findChildren(QLineEdit)
        + before.view.findChildren(QComboBox)
        + before.view.findChildren(QPlainTextEdit)
    )
    assert len(controls) > 100
    nameless = [
        f"{type(c).__name__} {c.objectName()} {getattr(c, 'text', lambda: '')()}"
        for c in controls
        if not c.accessibleName() and c.focusPolicy() != Qt.FocusPolicy.NoFocus
    ]
    assert nameless == []
    radios = before.view.findChildren(QRadioButton)
    assert all(" — " in r.accessibleName() for r in radios)  # "Yes — <question>"
    assert all(
        c.accessibleDescription()
        for c in before.view.findChildren(QCheckBox)
        if c.objectName().startswith("tick_")
    )


def test_before_second_save_updates_the_same_check(qtbot, before, vault):
    before.go_to(SUMMARY)
    first = before.save()
    before.go_to(0)
    qtbot.keyClicks(before.alias, "AB")
    assert "save again" in before.saved_label.text()
    before.go_to(SUMMARY)
    second = before.save()
    assert second.uid == first.uid
    assert vault.entries.count(kind="before_check") == 1
    assert vault.entries.get(first.uid).client_alias == "AB"


def test_before_start_again_clears_a_saved_check(qtbot, before):
    qtbot.keyClicks(before.alias, "JT")
    before.go_to(SUMMARY)
    before.save()
    qtbot.mouseClick(before.new_button, Qt.MouseButton.LeftButton)
    assert before.saved_entry is None
    assert before.alias.text() == ""
    assert before.step_key == "what"


def test_before_reflect_now_asks_for_a_linked_reflection(qtbot, before):
    before.go_to(SUMMARY)
    entry = before.save()
    with qtbot.waitSignal(before.reflectionRequested) as blocker:
        qtbot.mouseClick(before.reflect_button, Qt.MouseButton.LeftButton)
    assert blocker.args == [entry.uid]


def test_before_lock_clears_every_text_widget_and_model(qtbot, content, planned):
    page = show_page(qtbot, BeforePage, "before", content, planned)
    choose(page.audience, "employer")
    qtbot.keyClicks(page.alias, "Zebedee")
    choose(page.picker.combo, "e-redund01")
    page.go_to(0)
    qtbot.keyClicks(page.full.widgets["before.what.for_employer"].editor, "Marmalade secret")
    page.go_to(SUMMARY)
    page.save()  # the alias now also sits in the completer's list
    qtbot.keyClicks(page.alias, "Quintessa")
    assert page.plan_banner.isVisible()
    page.set_vault(None)
    assert not page.view.isEnabled()
    assert_text_boxes_empty(page.view)
    assert_no_secret(page.view, ["Zebedee", "Quintessa", "Marmalade", "redundancy"])
    assert page.plan_banner.isHidden()
    assert page.light.light == ""


def test_before_pdf_export_warns_then_writes_in_the_background(
    qtbot, before, tmp_path, monkeypatch
):
    asked = []
    target = tmp_path / "my check"
    monkeypatch.setattr(
        QMessageBox,
        "warning",
        lambda *a, **k: asked.append(a[2]) or QMessageBox.StandardButton.Ok,
    )
    monkeypatch.setattr(
        QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), "PDF files (*.pdf)")
    )
    qtbot.keyClicks(before.alias, "JT")
    before.go_to(SUMMARY)
    qtbot.mouseClick(before.pdf_button, Qt.MouseButton.LeftButton)
    assert asked == [messages.FLOW_PDF_WARNING]  # the plaintext warning comes first
    pdf = tmp_path / "my check.pdf"
    qtbot.waitUntil(lambda: pdf.exists() and before.pdf_button.isEnabled(), timeout=10000)
    assert "Saved" in before.saved_label.text()
    from pypdf import PdfReader

    text = PdfReader(str(pdf)).pages[0].extract_text()
    assert "Grey: not enough to advise yet" in text  # nothing answered: never green
    assert "JT" in text


def test_before_pdf_export_cancelled_at_the_warning_writes_nothing(
    qtbot, before, tmp_path, monkeypatch
):
    monkeypatch.setattr(QMessageBox, "warning", lambda *a, **k: QMessageBox.StandardButton.Cancel)
    called = []
    monkeypatch.setattr(
        QFileDialog, "getSaveFileName", lambda *a, **k: called.append(1) or ("", "")
    )
    before.go_to(SUMMARY)
    qtbot.mouseClick(before.pdf_button, Qt.MouseButton.LeftButton)
    assert called == []
    assert list(tmp_path.glob("*.pdf")) == []


def test_before_tab_order_goes_from_the_alias_into_the_step_then_the_buttons(qtbot, before):
    before.alias.setFocus()
    press(qtbot, Qt.Key.Key_Tab)
    assert focused() is before.picker.combo  # the What step's first control
    before.go_to(4)  # Okay with me: yes / no / unsure questions only
    before.alias.setFocus()
    press(qtbot, Qt.Key.Key_Tab)
    first = before.full.widgets["before.okay.happy"].editor.buttons["yes"]
    assert focused() is first
    before.next_button.setFocus()
    press(qtbot, Qt.Key.Key_Tab, Qt.KeyboardModifier.ShiftModifier)
    assert focused() is before.back_button
    # Shift+Tab from the buttons comes back into the step, not to the top of the page.
    press(qtbot, Qt.Key.Key_Tab, Qt.KeyboardModifier.ShiftModifier)
    assert before.pages["okay"].isAncestorOf(focused())


def test_before_contact_details_typed_in_the_check_turn_the_light_red(qtbot, before, vault):
    answer_key_questions(before)
    before.go_to(5)
    tick(qtbot, before.reasons.boxes["hope"])
    before.go_to(SUMMARY)
    assert before.light.light == "green"
    before.go_to(1)  # Why would I share it?
    box = before.full.widgets["before.why.motivation"].findChild(QPlainTextEdit)
    qtbot.keyClicks(box, "He asked, so I gave him my personal mobile number.")
    before.go_to(SUMMARY)
    # At once: the live panel's search is not waited for.
    assert before.light.light == "red"
    assert before.headline.text().startswith("Red")
    why = before.summary_reasons.text()
    assert "“Giving contact details” is a sign that a professional boundary" in why
    assert "your own words in this check suggest it" in why
    assert before.save_button.isEnabled()  # advice, never a block
    entry = before.save()
    assert entry.answers[LIGHT_ANSWER_KEY] == "red"


def test_before_a_dismissed_flag_no_longer_moves_the_light(qtbot, before):
    answer_key_questions(before)
    before.go_to(5)
    tick(qtbot, before.reasons.boxes["hope"])
    before.full.widgets["before.why.motivation"].set_value(
        "He asked, so I gave him my personal mobile number."
    )
    before.go_to(SUMMARY)
    assert before.light.light == "red"
    before.live_flags.flush()
    flag = next(f for f in before.live_flags.flags() if f.sign == "contact_details")
    before.live_flags.dismiss(flag, "It was my work mobile; I said personal by mistake.")
    assert before.light.light == "green"
    assert "Giving contact details" not in before.summary_reasons.text()
