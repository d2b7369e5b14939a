"""Helpers the flow pages (Home, Prepare, Before, After) share: short titles,
drop-downs of audiences and plan experiences, the plan picker, Enter on a page and
the Tab order.
"""

from __future__ import annotations

from collections.abc import Sequence
from itertools import pairwise
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QComboBox, QLabel, QPushButton, QSizePolicy, QVBoxLayout, QWidget

from ips_reflect import messages
from ips_reflect.core.content import Item
from ips_reflect.gui.widgets.question_widgets import FocusHelp

#: Audiences as one word or two, for titles: "Check: employer — my redundancy".
AUDIENCE_SINGULAR: dict[str, str] = {
    "client": "client",
    "employer": "employer",
    "ips_team": "IPS team",
    "clinical_team": "clinical team",
}
TITLE_MAX = 60


def short_title(text: str, limit: int = TITLE_MAX) -> str:
    """The first line of ``text``, cut at a word near ``limit`` characters."""
    line = " ".join(text.strip().splitlines()[0].split()) if text.strip() else ""
    if len(line) <= limit:
        return line
    cut = line[:limit].rsplit(" ", 1)[0] or line[:limit]
    return cut.rstrip(",.;:") + "…"


def compact_combo(combo: QComboBox, length: int = 16) -> None:
    """Let a drop-down be narrower than its longest choice (long plan labels, titles)."""
    combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
    combo.setMinimumContentsLength(length)


def combo_data(combo: QComboBox) -> str | None:
    data = combo.currentData()
    return str(data) if data else None


def set_combo_data(combo: QComboBox, data: object) -> None:
    row = combo.findData(data) if isinstance(data, str) and data else -1
    combo.setCurrentIndex(max(row, 0))


def fill_audiences(combo: QComboBox, content: Any, placeholder: str) -> None:
    """The four contexts (clients, employers, IPS team, clinical team) after a placeholder."""
    combo.blockSignals(True)
    combo.clear()
    combo.addItem(placeholder, None)
    for item in content.audiences:
        combo.addItem(item.label, item.id)
        combo.setItemData(combo.count() - 1, item.help, Qt.ItemDataRole.ToolTipRole)
    combo.setCurrentIndex(0)
    combo.blockSignals(False)


def fill_experiences(combo: QComboBox, plan: Any, audience: str | None, chosen: str | None) -> None:
    """Experiences of the plan, each with what the plan says for ``audience``."""
    from ips_reflect.core.plan import AUDIENCE_PLURALS, LEVEL_LABELS

    combo.blockSignals(True)
    combo.clear()
    combo.addItem(messages.FLOW_NOT_FROM_PLAN, None)
    for exp in plan.experiences:
        label = exp.label or messages.FLOW_UNNAMED_EXPERIENCE
        level = exp.level(audience) if audience else None
        if level:
            label = messages.FLOW_EXPERIENCE_WITH_LEVEL.format(
                label=label,
                level=LEVEL_LABELS[level].lower(),
                who=AUDIENCE_PLURALS.get(audience or "", audience or ""),
            )
        combo.addItem(label, exp.id)
    set_combo_data(combo, chosen)
    combo.blockSignals(False)


class PlanPicker(QWidget):
    """ "Experience from my plan": a drop-down of the plan's experiences with help and source."""

    changed = Signal()

    def __init__(self, item: Item | None, label_text: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("planPicker")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 2, 0, 10)
        layout.setSpacing(3)
        self.label = QLabel(label_text)
        self.label.setObjectName("questionText")
        self.combo = QComboBox()
        self.combo.setObjectName("planExperienceCombo")
        compact_combo(self.combo, 24)
        self.combo.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.label.setBuddy(self.combo)
        question = item.text if item is not None else label_text
        self.combo.setAccessibleName(question)
        layout.addWidget(self.label)
        if item is not None:
            self.label.setToolTip(item.text)
            help_label = QLabel(item.help)
            help_label.setObjectName("questionHelp")
            help_label.setWordWrap(True)
            layout.addWidget(help_label)
            self.combo.setAccessibleDescription(
                f"{item.help} {messages.FLOW_FROM_PAPER.format(source=item.source)}"
            )
        layout.addWidget(self.combo)
        self.note = QLabel()
        self.note.setObjectName("planNote")
        self.note.setWordWrap(True)
        self.note.setTextFormat(Qt.TextFormat.PlainText)
        self.note.hide()
        layout.addWidget(self.note)
        if item is not None:
            source = QLabel(messages.FLOW_FROM_PAPER.format(source=item.source))
            source.setObjectName("questionSource")
            source.setWordWrap(True)
            layout.addWidget(source)
        self._plan: Any = None
        self.combo.currentIndexChanged.connect(self._changed)
        FocusHelp(self.combo, self)

    def _changed(self, _index: int) -> None:
        self._show_note()
        self.changed.emit()

    def _show_note(self) -> None:
        exp = self._plan.experience(self.value()) if self._plan is not None else None
        notes = " ".join(exp.notes.split()) if exp is not None else ""
        self.note.setText(messages.FLOW_PLAN_NOTE.format(notes=notes) if notes else "")
        self.note.setVisible(bool(notes))

    def set_plan(self, plan: Any, audience: str | None, chosen: str | None = None) -> None:
        self._plan = plan
        fill_experiences(self.combo, plan, audience, chosen)
        self._show_note()

    def value(self) -> str | None:
        return combo_data(self.combo)

    def set_value(self, experience_id: str | None) -> None:
        self.combo.blockSignals(True)
        set_combo_data(self.combo, experience_id)
        self.combo.blockSignals(False)
        self._show_note()


def install_enter(view: QWidget, advance: Any) -> list[QShortcut]:
    """Enter on a page: press the focused push button, else ``advance()``.

    Text boxes keep Enter for new lines; Ctrl+Enter moves on from them.
    """
    from PySide6.QtWidgets import QApplication

    def on_enter() -> None:
        focused = QApplication.focusWidget()
        if isinstance(focused, QPushButton) and view.isAncestorOf(focused):
            if focused.isEnabled():
                focused.click()
            return
        advance()

    shortcuts = []
    for key in ("Return", "Enter", "Ctrl+Return", "Ctrl+Enter"):
        shortcut = QShortcut(QKeySequence(key), view)
        shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        shortcut.activated.connect(on_enter)
        shortcuts.append(shortcut)
    return shortcuts


def focusables(root: QWidget) -> list[QWidget]:
    """Widgets under ``root`` that Tab can reach, in the order they were laid out."""
    from PySide6.QtWidgets import QScrollArea

    return [
        w
        for w in root.findChildren(QWidget)
        if w.focusPolicy() & Qt.FocusPolicy.TabFocus
        and not isinstance(w, QScrollArea)
        and w.window() is root.window()  # not a drop-down's pop-up list
    ]


def chain_tab_order(widgets: Sequence[QWidget]) -> None:
    """Make Tab visit ``widgets`` in this order (hidden ones are skipped by Qt)."""
    for first, second in pairwise(widgets):
        QWidget.setTabOrder(first, second)
