"""A whole before-sharing check, an after-sharing reflection and a journal entry, with
the keyboard only (Tab, Space, arrows, Enter, typing, Ctrl+digit for a page, Ctrl+N,
Ctrl+S and Alt+letters), in the full window with a real vault.

Every explanation must have been on screen while its box had the keyboard: each
question's help and "From the paper" source (in view in its scroll area), and each tick
box's help (the tool tip hovering shows). And the three are saved.
"""

from __future__ import annotations

import pytest
from flow_helpers import fast_vault
from PySide6.QtCore import QEvent, QRect, Qt
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QComboBox,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QRadioButton,
    QScrollArea,
    QToolTip,
    QWidget,
)
from test_mnemonics import clashes

from ips_reflect.core.settings import load_settings
from ips_reflect.gui.shell.app import create_main_window
from ips_reflect.gui.widgets.flow_form import PlanPicker
from ips_reflect.gui.widgets.question_widgets import FocusHelp, QuestionWidget

pytestmark = pytest.mark.timeout(300)

#: Tick boxes and plan pickers are left as they are unless listed here.
LEAVE_ALONE = {"quickModeCheck", "bringCheck"}


def focused() -> QWidget:
    widget = QApplication.focusWidget()
    assert widget is not None, "nothing has keyboard focus"
    return widget


def key(qtbot, k: Qt.Key, modifier=Qt.KeyboardModifier.NoModifier) -> None:
    qtbot.keyClick(focused(), k, modifier)
    QApplication.processEvents()


def in_view(widget: QWidget) -> bool:
    area = widget.parentWidget()
    while area is not None and not isinstance(area, QScrollArea):
        area = area.parentWidget()
    if area is None:
        return widget.isVisible()
    viewport = area.viewport()
    rect = QRect(widget.mapTo(viewport, widget.rect().topLeft()), widget.size())
    return widget.isVisible() and viewport.rect().contains(rect)


class Walker:
    """Presses keys, answers what it lands on, and notes what was explained."""

    def __init__(self, qtbot, root: QWidget) -> None:
        self.qtbot = qtbot
        self.root = root
        self.seen: set[str] = set()
        self.done: set[int] = set()
        self.ticks = 0

    def explained(self) -> None:
        """Note the explanations on screen for the box with the keyboard now."""
        box = focused()
        widget: QWidget | None = box
        while widget is not None and widget is not self.root:
            if isinstance(widget, QuestionWidget):
                if in_view(widget.help_label) and in_view(widget.source_label):
                    self.seen.add(f"question {widget.item.id}")
                return
            if isinstance(widget, PlanPicker):
                labels = [
                    label
                    for label in widget.findChildren(QLabel)
                    if label.objectName() in ("questionHelp", "questionSource")
                ]
                if labels and all(in_view(label) for label in labels):
                    self.seen.add(f"picker {id(widget)}")
                return
            widget = widget.parentWidget()
        if isinstance(box, QCheckBox) and box.objectName().startswith("tick_"):
            self.qtbot.waitUntil(
                lambda: QToolTip.isVisible() and QToolTip.text() == box.toolTip(), timeout=3000
            )
            self.seen.add(f"tick {box.objectName()}")
            step = box.parentWidget()
            while step is not None and not step.objectName().endswith("Body"):
                step = step.parentWidget()
            for source in step.findChildren(QLabel, "questionSource") if step else []:
                if in_view(source) and source.text().startswith("From the paper"):
                    self.seen.add(f"source {step.objectName()}")

    def answer(self) -> None:
        """Give an answer in the box with the keyboard, once, as a person would."""
        box = focused()
        if id(box) in self.done or box.objectName() in LEAVE_ALONE:
            return
        self.done.add(id(box))
        if isinstance(box, QComboBox) and box.currentIndex() == 0 and box.count() > 1:
            key(self.qtbot, Qt.Key.Key_Down)
        elif isinstance(box, QLineEdit) and not box.text() and not box.isReadOnly():
            self.qtbot.keyClicks(box, "Robin")
        elif isinstance(box, QPlainTextEdit) and not box.toPlainText() and not box.isReadOnly():
            self.qtbot.keyClicks(box, "A few words")
        elif isinstance(box, QRadioButton) and not box.isChecked():
            key(self.qtbot, Qt.Key.Key_Space)
        elif isinstance(box, QCheckBox) and box.objectName().startswith("tick_"):
            self.ticks += 1
            if self.ticks % 3 == 1:  # tick some, with Space
                key(self.qtbot, Qt.Key.Key_Space)
        QApplication.processEvents()

    def tab_until(self, stop, limit: int = 600) -> QWidget:
        """Tab on, answering and noting, until ``stop(focused widget)``."""
        for _ in range(limit):
            self.explained()
            if stop(focused()):
                return focused()
            self.answer()
            self.explained()
            key(self.qtbot, Qt.Key.Key_Tab)
        raise AssertionError(f"Tab never got there (at {focused().objectName()})")


def expected(view: QWidget) -> set[str]:
    out = set()
    for card in view.findChildren(QuestionWidget):
        if card.isVisible():
            out.add(f"question {card.item.id}")
    return out


@pytest.fixture
def window(qtbot, content, data_dir, monkeypatch):
    monkeypatch.setattr(FocusHelp, "wait_ms", 30)  # hovering's wait, made short
    for vault in fast_vault(data_dir):
        window = create_main_window(content, load_settings(data_dir), data_dir, features=True)
        window.view.resize(1280, 800)
        window.view.show()
        qtbot.waitExposed(window.view)
        window.view.activateWindow()
        window.set_vault(vault)
        QApplication.processEvents()
        window.vault = vault
        yield window
        window.set_vault(None)
        QToolTip.hideText()
        window.view.close()
        window.view.deleteLater()
        QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


def go_to(qtbot, window, page_key: str) -> QWidget:
    """Ctrl+digit, then Tab into the page."""
    shortcut = window.pages.page(page_key).shortcut
    digit = shortcut.rsplit("+", 1)[-1]
    qtbot.keyClick(
        window.view, getattr(Qt.Key, f"Key_{digit}"), Qt.KeyboardModifier.ControlModifier
    )
    QApplication.processEvents()
    view = window.page(page_key)
    assert window.current_page == page_key
    for _ in range(60):
        if view.isAncestorOf(QApplication.focusWidget()):
            return view
        key(qtbot, Qt.Key.Key_Tab)
    raise AssertionError(f"Tab never reached the {page_key} page")


def test_a_check_a_reflection_and_an_entry_by_keyboard(qtbot, window):
    vault = window.vault

    # -- before sharing: every step, to the summary, saved with Enter
    view = go_to(qtbot, window, "before")
    before = window.controllers["before"]
    if before.quick_check.isChecked():
        before.quick_check.setFocus(Qt.FocusReason.TabFocusReason)
        key(qtbot, Qt.Key.Key_Space)
    walker = Walker(qtbot, view)
    wanted: set[str] = set()
    for _step in range(10):
        if before.step_key == "summary":
            break
        walker.tab_until(lambda w: w is before.audience)  # from the top of the form
        if before.step_key == "signs":
            wanted |= {f"tick {b.objectName()}" for b in before.reasons.boxes.values()}
            wanted |= {f"tick {b.objectName()}" for b in before.signs.boxes.values()}
            wanted.add("source signsBody")  # where in the paper the lists come from
        if before.step_key == "what":
            wanted.add(f"picker {id(before.picker)}")
        walker.tab_until(lambda w: w is before.next_button)
        wanted |= expected(before.pages[before.step_key])  # for the audience chosen
        key(qtbot, Qt.Key.Key_Return)  # Enter presses the focused button
    assert before.step_key == "summary"
    assert focused() is before.save_button
    key(qtbot, Qt.Key.Key_Return)
    assert [e.kind for e in vault.entries.list(kind="before_check")] == ["before_check"]
    assert not clashes(window.view, "before, saved")  # Reflect now, Start again...
    missing = wanted - walker.seen
    assert not missing, f"never explained while focused: {sorted(missing)}"

    # -- after sharing: the whole form, saved with Alt+S
    view = go_to(qtbot, window, "after")
    after = window.controllers["after"]
    walker = Walker(qtbot, view)
    walker.tab_until(lambda w: w is after.save_button)
    wanted = expected(view)
    wanted |= {f"tick {b.objectName()}" for b in after.signs.boxes.values() if b.isVisible()}
    qtbot.keyClick(focused(), Qt.Key.Key_S, Qt.KeyboardModifier.AltModifier)
    # a mnemonic presses its button the way a click looks: a moment later
    qtbot.waitUntil(lambda: len(vault.entries.list(kind="after_reflection")) == 1, timeout=3000)
    assert not clashes(window.view, "after, saved")
    missing = wanted - walker.seen
    assert not missing, f"never explained while focused: {sorted(missing)}"

    # -- the journal: Ctrl+N, type, Tab, type, Ctrl+S; then Alt+V (Sa&ve) saves again
    go_to(qtbot, window, "journal")
    journal = window.controllers["journal"]
    key(qtbot, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    title = focused()
    assert isinstance(title, QLineEdit), title.objectName()
    qtbot.keyClicks(title, "Keyboard only")
    for _ in range(10):
        key(qtbot, Qt.Key.Key_Tab)
        if isinstance(focused(), QPlainTextEdit | QLineEdit) and focused() is not title:
            break
    qtbot.keyClicks(focused(), "Written without a mouse")
    key(qtbot, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    entries = vault.entries.list(kind="journal")
    assert [e.title for e in entries] == ["Keyboard only"]
    # Reading it now: Alt+E is &Edit; in the editor, Alt+V is Sa&ve (the View menu is Vie&w)
    save = journal.view.findChild(QPushButton, "saveButton")
    qtbot.keyClick(focused(), Qt.Key.Key_E, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(save.isVisible, timeout=3000)
    for _ in range(10):
        if isinstance(focused(), QPlainTextEdit):
            break
        key(qtbot, Qt.Key.Key_Tab)
    qtbot.keyClick(focused(), Qt.Key.Key_End, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(focused(), " and a second save")
    qtbot.keyClick(focused(), Qt.Key.Key_V, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(
        lambda: "second save" in vault.entries.list(kind="journal")[0].body, timeout=3000
    )
