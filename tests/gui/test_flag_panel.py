"""The live flag panel beside a check or reflection: debounced, explained, dismissable,
never blocking; and the small optional-note dialog it shares with the Flags page."""

from __future__ import annotations

import pytest
from dialogs import answer_dialog
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QDialog,
    QFrame,
    QLabel,
    QPlainTextEdit,
    QWidget,
)

from ips_reflect.core.flags import PLAN_SIGN
from ips_reflect.core.settings import THEMES
from ips_reflect.gui.widgets import flag_panel
from ips_reflect.gui.widgets import theme as theming
from ips_reflect.gui.widgets.flag_panel import DELAY_MS, LiveFlagPanel, ask_note, shared_engine

PLAN = {
    "experiences": [{"id": "e-1", "label": "my redundancy", "levels": {"employer": "never"}}],
    "will_not_share": ["my divorce"],
}


@pytest.fixture
def panel(qtbot, content):
    host = QWidget()
    qtbot.addWidget(host)
    p = LiveFlagPanel(content, parent=host)
    host.resize(320, 600)
    p.view.resize(320, 600)
    host.show()
    yield p  # (a yield keeps ``host`` alive: qtbot only holds a weak reference)
    host.close()


def cards(panel: LiveFlagPanel) -> list[QFrame]:
    found = panel.cards()
    assert all(c.objectName() == "flagCard" and c.parent() is panel.container for c in found)
    return found


def card_text(card: QFrame) -> str:
    return " | ".join(label.text() for label in card.findChildren(QLabel))


def test_typing_a_sign_phrase_shows_the_flag_after_the_pause(qtbot, panel) -> None:
    panel.update("Before he left I gave him my personal mobile.")
    assert panel.pending and panel.flags() == [] and cards(panel) == []
    with qtbot.waitSignal(panel.flagsChanged, timeout=DELAY_MS + 2000) as blocker:
        pass
    assert blocker.args == [1]
    (flag,) = panel.flags()
    assert (flag.sign, flag.source) == ("contact_details", "text")
    (card,) = cards(panel)
    text = card_text(card)
    assert "Giving contact details" in text
    assert "“gave him my personal mobile”" in text
    assert flag.explanation in text
    assert "1 possible warning sign" in panel.summary.text()


def test_the_pause_gathers_quick_typing_into_one_search(qtbot, panel) -> None:
    seen = []
    panel.flagsChanged.connect(seen.append)
    for text in ("I", "I told", "I told her", "I told her to text me"):
        panel.update(text)
        qtbot.wait(20)
    qtbot.waitUntil(lambda: bool(seen), timeout=DELAY_MS + 2000)
    qtbot.wait(DELAY_MS + 100)
    assert seen == [1]
    assert panel.flags()[0].sign == "contact_details"


def test_ticks_and_the_plan_show_too(qtbot, panel) -> None:
    panel.update(
        "I may say a little about my divorce.",
        ticked_signs=["secrets"],
        audience="employer",
        plan_experience_id="e-1",
        plan_payload=PLAN,
    )
    panel.flush()
    kinds = [(f.sign, f.source) for f in panel.flags()]
    assert kinds == [("secrets", "ticked"), (PLAN_SIGN, "plan"), (PLAN_SIGN, "plan")]
    texts = [card_text(c) for c in cards(panel)]
    assert any("You ticked it" in t and "Keeping secrets" in t for t in texts)
    assert any("never for employers" in t for t in texts)
    assert any("will-not-share list" in t for t in texts)


def test_nothing_to_show(qtbot, panel) -> None:
    panel.update("We looked at three warehouse jobs and she chose one to apply for.")
    panel.flush()
    assert panel.flags() == [] and cards(panel) == []
    assert panel.summary.text() == "Nothing to pause on so far."


def test_dismiss_with_a_note_emits_the_signal(qtbot, panel, monkeypatch) -> None:
    monkeypatch.setattr(flag_panel, "ask_note", lambda *a, **k: "Work mobile only; checked.")
    panel.update("I gave him my personal mobile. We met up for coffee at the weekend.")
    panel.flush()
    assert len(cards(panel)) == 2
    first = cards(panel)[0]  # signs come in the paper's order
    button = first.findChild(QAbstractButton, "dismissButton")
    assert button.accessibleName() == "Dismiss “Time together outside work”"
    with qtbot.waitSignal(panel.flagDismissed) as blocker:
        button.click()
    assert blocker.args == ["time_outside_work", "Work mobile only; checked."]
    assert [f.sign for f in panel.flags()] == ["contact_details"]
    assert len(cards(panel)) == 1
    assert panel.dismissed() == [("time_outside_work", "Work mobile only; checked.")]
    # Still hidden as writing goes on; back after reset.
    panel.update("I gave him my personal mobile. We met up for coffee at the weekend. More.")
    panel.flush()
    assert [f.sign for f in panel.flags()] == ["contact_details"]
    panel.reset()
    assert panel.flags() == [] and panel.dismissed() == []


def test_cancelled_dismiss_keeps_the_flag(qtbot, panel, monkeypatch) -> None:
    monkeypatch.setattr(flag_panel, "ask_note", lambda *a, **k: None)
    panel.update("I told her to text me.")
    panel.flush()
    seen = []
    panel.flagDismissed.connect(lambda *args: seen.append(args))
    cards(panel)[0].findChild(QAbstractButton, "dismissButton").click()
    assert seen == [] and len(panel.flags()) == 1


def test_every_control_is_named_for_screen_readers(qtbot, panel) -> None:
    panel.update("I told her to text me and added her on Facebook.", ticked_signs=["envy"])
    panel.flush()
    assert panel.view.accessibleName()
    for widget in panel.view.findChildren(QWidget):
        if widget.objectName().startswith("qt_") or not widget.objectName():
            continue
        assert widget.accessibleName(), widget.objectName()
    for card in cards(panel):
        assert card.accessibleName() and card.accessibleDescription()
        for label in card.findChildren(QLabel):
            assert label.accessibleName()


def test_readable_in_every_theme(qtbot, panel) -> None:
    panel.update("I gave him my personal mobile.")
    panel.flush()
    app = QApplication.instance()
    try:
        for name in THEMES:
            theme = theming.apply_theme(app, name, 12, force=True)
            panel.refresh()
            sheet = app.styleSheet()
            assert "QFrame#flagCard" in sheet and theme.colors["warning_sign"] in sheet
            panel.view.grab()
    finally:
        theming.apply_theme(app, "light", 11, force=True)


def test_the_engine_is_shared(content) -> None:
    assert shared_engine(content) is shared_engine(content)


def test_ask_note_returns_the_words_or_none(qtbot) -> None:
    def write(text: str):
        def act(dialog: QDialog) -> None:
            dialog.findChild(QPlainTextEdit, "noteEdit").setPlainText(text)
            dialog.accept()

        return act

    def ask(*args: str) -> str | None:
        return ask_note(None, "Mark as discussed", "Add a note?", *args)

    note = answer_dialog(
        qtbot, ask, QDialog, name="FlagNoteDialog", act=write("  Brought to supervision.  ")
    )
    assert note == "Brought to supervision."
    kept = answer_dialog(qtbot, lambda: ask("old"), QDialog, name="FlagNoteDialog", act=None)
    assert kept is None
