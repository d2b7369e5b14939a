"""Keyboard users get what mouse users get: focusing a box shows its help (as hovering
does), and the arrow keys choose in a row of answers, with real key presses."""

from __future__ import annotations

import pytest
from flow_helpers import fast_vault, focused, press, show_page
from PySide6.QtCore import QRect, Qt
from PySide6.QtWidgets import QApplication, QCheckBox, QRadioButton, QScrollArea, QToolTip, QWidget

from ips_reflect.gui.pages.before import BeforePage
from ips_reflect.gui.pages.before.form import STEPS
from ips_reflect.gui.widgets.question_widgets import ChoiceRow, QuestionWidget

STEP_KEYS = [key for key, _name, _sections in STEPS]


@pytest.fixture
def vault(data_dir):
    yield from fast_vault(data_dir)


@pytest.fixture
def before(qtbot, content, vault):
    page = show_page(qtbot, BeforePage, "before", content, vault)
    yield page
    QToolTip.hideText()


def in_view(widget: QWidget) -> bool:
    """``widget`` is shown whole inside the viewport of the scroll area it is in."""
    area = widget.parentWidget()
    while area is not None and not isinstance(area, QScrollArea):
        area = area.parentWidget()
    assert isinstance(area, QScrollArea)
    viewport = area.viewport()
    top_left = widget.mapTo(viewport, widget.rect().topLeft())
    rect = QRect(top_left, widget.size())
    return widget.isVisible() and viewport.rect().contains(rect)


def tab_to(qtbot, wanted: QWidget, presses: int = 200) -> None:
    for _ in range(presses):
        if focused() is wanted:
            return
        press(qtbot, Qt.Key.Key_Tab)
    raise AssertionError(f"Tab never reached {wanted.objectName()}")


def test_tab_to_a_tick_box_shows_its_hover_help(qtbot, before):
    before.quick_check.setChecked(False)
    before.go_to(STEP_KEYS.index("signs"))
    first = next(iter(before.reasons.boxes.values()))
    second = list(before.reasons.boxes.values())[1]
    first.setFocus(Qt.FocusReason.MouseFocusReason)
    QApplication.processEvents()
    press(qtbot, Qt.Key.Key_Tab)
    assert focused() is second and isinstance(second, QCheckBox)
    qtbot.waitUntil(QToolTip.isVisible, timeout=3000)
    assert QToolTip.text() == second.toolTip()  # exactly what hovering shows
    press(qtbot, Qt.Key.Key_Tab)  # moving on hides it (or shows the next box's)
    assert not QToolTip.isVisible() or QToolTip.text() != second.toolTip()


def test_tab_to_a_question_brings_its_help_and_source_into_view(qtbot, before):
    before.quick_check.setChecked(False)
    before.go_to(0)
    before.view.resize(900, 560)  # short: the cards do not all fit
    QApplication.processEvents()
    cards = [c for c in before.pages["what"].findChildren(QuestionWidget) if not c.isHidden()]
    for card in cards:
        tab_to(qtbot, card.focus_widget)
        assert in_view(card.help_label), card.item.id
        assert in_view(card.source_label), card.item.id


def scale_row(page: BeforePage) -> ChoiceRow:
    for card in page.full.widgets.values():
        if isinstance(card.editor, ChoiceRow) and not card.isHidden():
            return card.editor
    raise AssertionError("no row of answers")


def test_arrow_keys_choose_in_a_row_and_tab_leaves_it(qtbot, before):
    before.quick_check.setChecked(False)
    row = scale_row(before)
    card = row.parentWidget()
    assert isinstance(card, QuestionWidget)
    step = next(k for k, page in before.pages.items() if page.isAncestorOf(row))
    before.go_to(STEP_KEYS.index(step))
    QApplication.processEvents()
    buttons = list(row.buttons.values())
    buttons[0].setFocus(Qt.FocusReason.TabFocusReason)
    assert row.value() is None
    press(qtbot, Qt.Key.Key_Right)
    assert focused() is buttons[1] and buttons[1].isChecked()
    press(qtbot, Qt.Key.Key_Down)
    assert focused() is buttons[2] and buttons[2].isChecked()
    press(qtbot, Qt.Key.Key_Up)
    press(qtbot, Qt.Key.Key_Left)
    assert focused() is buttons[0] and buttons[0].isChecked()
    press(qtbot, Qt.Key.Key_Left)  # round to the last
    assert focused() is buttons[-1] and buttons[-1].isChecked()
    press(qtbot, Qt.Key.Key_Tab)
    assert not row.isAncestorOf(focused())  # one Tab leaves the row
    press(qtbot, Qt.Key.Key_Tab, Qt.KeyboardModifier.ShiftModifier)
    assert focused() is buttons[-1]  # and Shift+Tab comes back to the chosen answer
    assert all(isinstance(b, QRadioButton) for b in buttons)


def test_tab_enters_a_row_on_its_chosen_answer(qtbot, before):
    before.quick_check.setChecked(False)
    row = scale_row(before)
    step = next(k for k, page in before.pages.items() if page.isAncestorOf(row))
    before.go_to(STEP_KEYS.index(step))
    buttons = list(row.buttons.values())
    buttons[1].setChecked(True)
    buttons[0].setFocus(Qt.FocusReason.MouseFocusReason)
    press(qtbot, Qt.Key.Key_Tab)  # leaves the row
    assert not row.isAncestorOf(focused())
    press(qtbot, Qt.Key.Key_Tab, Qt.KeyboardModifier.ShiftModifier)
    assert focused() is buttons[1]
