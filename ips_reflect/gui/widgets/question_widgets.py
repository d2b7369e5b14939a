"""Answer widgets for the flows: one per answer kind, built from a content item.

Every question is shown the same way: the question, its help text and
"From the paper: <source>" in small muted type, then the answer control. The
control carries the question as its accessible name and the help as its
accessible description, so a screen reader says what to answer and why.

* ``text``   a few lines of text (Tab leaves the box; Ctrl+Enter goes on)
* ``list``   one entry per line
* ``yes_no_unsure``  three radio buttons; the keys Y, N and U choose too
* ``scale``  five radio buttons between the two ends; the keys 1-5 choose too
* ``choice`` a drop-down list

In a row of radio buttons the arrow keys move and choose, and Tab stops once
(:class:`ChoiceRow`). Keyboard focus shows what hovering shows (:class:`FocusHelp`):
a box's tool tip, and its whole card scrolled into view.

Also here: :class:`TickList` (checkable reasons or warning signs) and
:class:`EnterButton`. The traffic light is in
:mod:`~ips_reflect.gui.widgets.traffic_light`; drop-downs, the plan picker and
keyboard helpers the flow pages share are in :mod:`~ips_reflect.gui.widgets.flow_form`.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any, TypeVar

from PySide6.QtCore import QEvent, QObject, QPoint, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QFocusEvent, QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractButton,
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLayout,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QRadioButton,
    QScrollArea,
    QSizePolicy,
    QStyle,
    QToolTip,
    QVBoxLayout,
    QWidget,
)

from ips_reflect import messages
from ips_reflect.core.content import Item, Section
from ips_reflect.gui.widgets.row_wrap import RowWrapper

AnswerValue = str | int | bool | list[str]

YES_NO_UNSURE: tuple[tuple[str, str, str], ...] = (
    ("yes", messages.FLOW_YES, "Y"),
    ("no", messages.FLOW_NO, "N"),
    ("unsure", messages.FLOW_UNSURE, "U"),
)


def set_role(widget: QWidget, role: str) -> None:
    """Style a widget from a .ui file by role (``title``, ``help``, ``source``, ``question``,
    ``subHeading``...; see 40-flows.qss) without renaming it."""
    widget.setProperty("flowRole", role)


LayoutT = TypeVar("LayoutT", bound=QLayout)


def flush(layout: LayoutT) -> LayoutT:
    """``layout`` without margins, so its widget's contents sit flush with its edges."""
    layout.setContentsMargins(0, 0, 0, 0)
    return layout


def name_widget(widget: QWidget, object_name: str, accessible_name: str) -> None:
    """Give ``widget`` its name for style sheets and tests and the one a screen reader says."""
    widget.setObjectName(object_name)
    widget.setAccessibleName(accessible_name)


def clear_text(widget: QLineEdit | QPlainTextEdit) -> None:
    """Empty a text box and forget its undo history (nothing to get back after a lock)."""
    if isinstance(widget, QLineEdit):
        widget.setText("")
        widget.setModified(False)
    else:
        widget.setPlainText("")
        widget.document().clearUndoRedoStacks()
        widget.document().setModified(False)


def set_plain_text(widget: QPlainTextEdit, text: str) -> None:
    """Replace the text without keeping the old one on the undo stack."""
    widget.setPlainText(text)
    widget.document().clearUndoRedoStacks()


#: Focus the keyboard gives; a click shows the tool tip by hovering already.
_KEYBOARD_FOCUS = (
    Qt.FocusReason.TabFocusReason,
    Qt.FocusReason.BacktabFocusReason,
    Qt.FocusReason.ShortcutFocusReason,
    Qt.FocusReason.OtherFocusReason,
)


class FocusHelp(QObject):
    """Show for keyboard focus what hovering shows: the widget's tool tip, once the key
    is up (as long as hovering waits), and its whole card (question, help, source)
    scrolled into view."""

    #: How long the tip waits after focus (None: as long as hovering waits).
    wait_ms: int | None = None

    def __init__(self, widget: QWidget, card: QWidget | None = None) -> None:
        super().__init__(widget)
        self.widget = widget
        self.card = card
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        wake = widget.style().styleHint(QStyle.StyleHint.SH_ToolTip_WakeUpDelay) or 700
        self._timer.setInterval(self.wait_ms if self.wait_ms is not None else wake)
        self._timer.timeout.connect(self._show_tip)
        widget.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.FocusIn and isinstance(event, QFocusEvent):
            if event.reason() in _KEYBOARD_FOCUS:
                self._scroll_card()
                if self.widget.toolTip():
                    self._timer.start()
        elif event.type() == QEvent.Type.FocusOut:
            self._timer.stop()
            if QToolTip.isVisible() and QToolTip.text() == self.widget.toolTip():
                QToolTip.hideText()
        return False

    def _scroll_card(self) -> None:
        card = self.card or self.widget
        area = card.parentWidget()
        while area is not None and not isinstance(area, QScrollArea):
            area = area.parentWidget()
        if isinstance(area, QScrollArea):
            area.ensureWidgetVisible(card, 0, 4)  # the card's top: question and help
            area.ensureWidgetVisible(self.widget)  # and the box itself

    def _show_tip(self) -> None:
        widget = self.widget
        if widget.hasFocus() and widget.isVisible() and widget.toolTip():
            below = QPoint(min(24, widget.width() // 2), widget.height())
            QToolTip.showText(widget.mapToGlobal(below), widget.toolTip(), widget)


def help_on_focus(widgets: Iterable[QWidget], card: QWidget | None = None) -> None:
    """Give each of ``widgets`` a :class:`FocusHelp` (``card``: what to keep in view)."""
    for widget in widgets:
        FocusHelp(widget, card)


class AnswerTextEdit(QPlainTextEdit):
    """A few lines of text; Tab moves on instead of typing a tab."""

    def __init__(self, lines: float = 3.2, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTabChangesFocus(True)
        self._lines = lines
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)

    def sizeHint(self) -> QSize:
        hint = super().sizeHint()
        line = self.fontMetrics().lineSpacing()
        margins = self.contentsMargins()
        extra = margins.top() + margins.bottom() + 2 * int(self.document().documentMargin()) + 6
        return QSize(hint.width(), int(line * self._lines) + extra)

    def minimumSizeHint(self) -> QSize:
        return self.sizeHint()

    def changeEvent(self, event: Any) -> None:
        super().changeEvent(event)
        self.updateGeometry()


class EnterButton(QPushButton):
    """A push button that Enter and Return press too (as Space does)."""

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and not event.modifiers() & (
            Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier
        ):
            self.click()
            event.accept()
            return
        super().keyPressEvent(event)


_ARROW_STEP: dict[Qt.Key, int] = {
    Qt.Key.Key_Left: -1,
    Qt.Key.Key_Up: -1,
    Qt.Key.Key_Right: 1,
    Qt.Key.Key_Down: 1,
}


class ChoiceRow(QWidget):
    """Radio buttons in a row with letter or number keys; value is the chosen key or None."""

    changed = Signal()

    def __init__(
        self,
        options: Sequence[tuple[str, str, str]],
        accessible_name: str,
        parent: QWidget | None = None,
        low: str | None = None,
        high: str | None = None,
    ) -> None:
        super().__init__(parent)
        name_widget(self, "choiceRow", accessible_name)
        layout = QHBoxLayout()  # one line; it wraps onto more when the card is narrow
        layout.setObjectName("choiceLine")
        layout.setSpacing(6)
        flush(QVBoxLayout(self)).addLayout(layout)
        self.group = QButtonGroup(self)
        self.group.setExclusive(True)
        self.buttons: dict[str, QRadioButton] = {}
        if low:
            end = QLabel(low)
            end.setObjectName("scaleEnd")
            layout.addWidget(end)
        for key, text, shortcut in options:
            button = QRadioButton(text)
            name_widget(button, f"answer_{key}", f"{text} — {accessible_name}")
            if shortcut:
                button.setToolTip(messages.FLOW_KEY_HINT.format(key=shortcut))
            self.group.addButton(button)
            self.buttons[key] = button
            layout.addWidget(button)
            if shortcut:
                sc = QShortcut(QKeySequence(shortcut), self)
                sc.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
                sc.activated.connect(lambda k=key: self._choose(k))
        if high:
            end = QLabel(high)
            end.setObjectName("scaleEnd")
            layout.addWidget(end)
        layout.addStretch(1)
        # The card's width decides, not the row's one-line width; the row then wraps.
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.wrapper = RowWrapper(layout, self)
        self.group.buttonToggled.connect(self._toggled)
        for button in self.buttons.values():
            button.installEventFilter(self)

    def _choose(self, key: str) -> None:
        button = self.buttons[key]
        button.setChecked(True)
        button.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def _toggled(self, _button: QAbstractButton, checked: bool) -> None:
        if checked:
            self.changed.emit()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """As in any radio group: the arrow keys move to the next or previous answer and
        choose it (round the row); Tab enters the row on the chosen answer and leaves it
        in one press."""
        buttons = list(self.buttons.values())
        if watched not in buttons:
            return super().eventFilter(watched, event)
        if event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent):
            key = Qt.Key(event.key())
            plain = not event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
            if key in _ARROW_STEP and plain:
                index = buttons.index(watched)
                target = buttons[(index + _ARROW_STEP[key]) % len(buttons)]
                target.setChecked(True)
                target.setFocus(Qt.FocusReason.TabFocusReason)
                return True
            if key in (Qt.Key.Key_Tab, Qt.Key.Key_Backtab):
                forward = key == Qt.Key.Key_Tab and not (
                    event.modifiers() & Qt.KeyboardModifier.ShiftModifier
                )
                # Tab goes on from the row's end, so it skips the other answers
                edge = buttons[-1] if forward else buttons[0]
                edge.setFocus(Qt.FocusReason.OtherFocusReason)
        elif event.type() == QEvent.Type.FocusIn and isinstance(event, QFocusEvent):
            chosen = self.group.checkedButton()
            reason = event.reason()
            tabbed = reason in (Qt.FocusReason.TabFocusReason, Qt.FocusReason.BacktabFocusReason)
            if tabbed and chosen is not None and chosen is not watched:
                QTimer.singleShot(0, chosen, lambda: chosen.setFocus(reason))
        return super().eventFilter(watched, event)

    def value(self) -> str | None:
        for key, button in self.buttons.items():
            if button.isChecked():
                return key
        return None

    def set_value(self, key: str | None) -> None:
        if key is not None and key in self.buttons:
            self.buttons[key].setChecked(True)
            return
        if self.value() is None:
            return
        self.group.setExclusive(False)
        for button in self.buttons.values():
            button.setChecked(False)
        self.group.setExclusive(True)
        self.changed.emit()

    def first_button(self) -> QRadioButton:
        return next(iter(self.buttons.values()))


class QuestionWidget(QFrame):
    """One question: wording, help, source and the answer control for its kind."""

    changed = Signal()

    def __init__(
        self,
        item: Item,
        parent: QWidget | None = None,
        *,
        single_line: bool = False,
        lines: float = 3.2,
    ) -> None:
        super().__init__(parent)
        self.item = item
        self.kind = item.answer or "text"
        self.setObjectName("questionCard")
        self.setProperty("questionId", item.id)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 2, 0, 10)
        layout.setSpacing(3)

        self.text_label = QLabel(item.text)
        self.text_label.setObjectName("questionText")
        self.text_label.setWordWrap(True)
        self.text_label.setTextFormat(Qt.TextFormat.PlainText)
        self.help_label = QLabel(item.help)
        self.help_label.setObjectName("questionHelp")
        self.help_label.setWordWrap(True)
        self.help_label.setTextFormat(Qt.TextFormat.PlainText)
        self.source_label = QLabel(messages.FLOW_FROM_PAPER.format(source=item.source))
        self.source_label.setObjectName("questionSource")
        self.source_label.setWordWrap(True)
        self.source_label.setTextFormat(Qt.TextFormat.PlainText)
        layout.addWidget(self.text_label)
        layout.addWidget(self.help_label)

        description = f"{item.help} {messages.FLOW_FROM_PAPER.format(source=item.source)}"
        self.editor: QWidget
        if self.kind == "yes_no_unsure":
            row = ChoiceRow(YES_NO_UNSURE, item.text)
            row.changed.connect(self.changed)
            self.editor = row
            self.focus_widget: QWidget = row.first_button()
        elif self.kind == "scale":
            options = [(str(n), str(n), str(n)) for n in range(1, 6)]
            row = ChoiceRow(options, item.text, low=item.scale_low, high=item.scale_high)
            row.changed.connect(self.changed)
            self.editor = row
            self.focus_widget = row.first_button()
        elif self.kind == "choice":
            combo = QComboBox()
            combo.addItem(messages.FLOW_CHOOSE, None)
            for choice in item.choices:
                combo.addItem(choice.text, choice.id)
            combo.currentIndexChanged.connect(lambda _i: self.changed.emit())
            combo.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
            self.editor = combo
            self.focus_widget = combo
        elif single_line:
            edit = QLineEdit()
            edit.textChanged.connect(lambda _t: self.changed.emit())
            if item.examples:
                edit.setPlaceholderText(messages.FLOW_EXAMPLE.format(example=item.examples[0]))
            self.editor = edit
            self.focus_widget = edit
        else:
            box = AnswerTextEdit(lines)
            box.textChanged.connect(self.changed)
            if self.kind == "list":
                examples = "; ".join(item.examples[:3])
                box.setPlaceholderText(
                    messages.FLOW_LIST_PLACEHOLDER_EXAMPLES.format(examples=examples)
                    if examples
                    else messages.FLOW_LIST_PLACEHOLDER
                )
            elif item.examples:
                box.setPlaceholderText(messages.FLOW_EXAMPLE.format(example=item.examples[0]))
            self.editor = box
            self.focus_widget = box
        self.editor.setAccessibleName(item.text)
        self.editor.setAccessibleDescription(description)
        if not self.focus_widget.objectName():  # so the keyboard can come back here
            self.focus_widget.setObjectName(f"answer:{item.id}")
        if self.focus_widget is not self.editor:
            for button in self.editor.findChildren(QRadioButton):
                button.setAccessibleDescription(description)
        self.text_label.setBuddy(self.focus_widget)
        layout.addWidget(self.editor)
        layout.addWidget(self.source_label)
        editor = self.editor
        help_on_focus(editor.buttons.values() if isinstance(editor, ChoiceRow) else [editor], self)

    # -- values

    def value(self) -> AnswerValue | None:
        """The answer, or None when nothing is given."""
        editor = self.editor
        if isinstance(editor, ChoiceRow):
            key = editor.value()
            if key is None:
                return None
            return int(key) if self.kind == "scale" else key
        if isinstance(editor, QComboBox):
            data = editor.currentData()
            return str(data) if data else None
        if isinstance(editor, QLineEdit):
            return editor.text().strip() or None
        assert isinstance(editor, QPlainTextEdit)
        text = editor.toPlainText()
        if self.kind == "list":
            lines = [line.strip() for line in text.splitlines() if line.strip()]
            return lines or None
        return text.strip() or None

    def set_value(self, value: object) -> None:
        editor = self.editor
        if isinstance(editor, ChoiceRow):
            if isinstance(value, bool):
                value = "yes" if value else "no"
            editor.set_value(str(value) if isinstance(value, str | int) else None)
        elif isinstance(editor, QComboBox):
            row = editor.findData(value) if isinstance(value, str) else -1
            editor.setCurrentIndex(max(row, 0))
        elif isinstance(editor, QLineEdit):
            editor.setText(value if isinstance(value, str) else "")
        else:
            assert isinstance(editor, QPlainTextEdit)
            if isinstance(value, list):
                text = "\n".join(str(v) for v in value)
            elif isinstance(value, str | int):
                text = str(value)
            else:
                text = ""
            set_plain_text(editor, text)

    def clear(self) -> None:
        editor = self.editor
        if isinstance(editor, QLineEdit | QPlainTextEdit):
            clear_text(editor)
        else:
            self.set_value(None)

    def focus(self) -> None:
        self.focus_widget.setFocus(Qt.FocusReason.OtherFocusReason)


class QuestionGroup:
    """The question widgets of one or more sections, with values by question id."""

    def __init__(self) -> None:
        self.widgets: dict[str, QuestionWidget] = {}

    def add(self, widget: QuestionWidget) -> QuestionWidget:
        self.widgets[widget.item.id] = widget
        return widget

    def values(self, visible_only: bool = False) -> dict[str, AnswerValue]:
        out: dict[str, AnswerValue] = {}
        for qid, widget in self.widgets.items():
            if visible_only and widget.isHidden():
                continue
            value = widget.value()
            if value is not None:
                out[qid] = value
        return out

    def set_values(self, values: dict[str, Any]) -> None:
        for qid, widget in self.widgets.items():
            widget.set_value(values.get(qid))

    def clear(self) -> None:
        for widget in self.widgets.values():
            widget.clear()

    def set_audience(self, audience: str | None) -> None:
        """Hide the questions that are not for this audience (values are kept)."""
        for widget in self.widgets.values():
            widget.setHidden(not widget.item.applies_to(audience=audience))

    def connect(self, slot: Any) -> None:
        for widget in self.widgets.values():
            widget.changed.connect(slot)


def section_header(section: Section, parent: QWidget | None = None) -> QWidget:
    """A section's title and intro, above its questions."""
    box = QWidget(parent)
    box.setObjectName("sectionHeader")
    layout = QVBoxLayout(box)
    layout.setContentsMargins(0, 6, 0, 4)
    layout.setSpacing(2)
    title = QLabel(section.title)
    title.setObjectName("sectionTitle")
    title.setWordWrap(True)
    title.setAccessibleName(section.title)
    layout.addWidget(title)
    if section.intro:
        intro = QLabel(section.intro)
        intro.setObjectName("sectionIntro")
        intro.setWordWrap(True)
        layout.addWidget(intro)
    return box


def add_sections(
    layout: QVBoxLayout,
    sections: Iterable[Section],
    group: QuestionGroup,
    *,
    skip: Iterable[str] = (),
    headers: bool = True,
) -> None:
    """Add a header and a QuestionWidget per question of each section to ``layout``."""
    skipped = set(skip)
    for section in sections:
        questions = [i for i in section.items if i.answer and i.id not in skipped]
        if not questions:
            continue
        if headers:
            layout.addWidget(section_header(section))
        for item in questions:
            layout.addWidget(group.add(QuestionWidget(item)))


class TickList(QWidget):
    """Checkable reasons or warning signs, in two columns, with help as tool tips."""

    changed = Signal()

    def __init__(
        self, items: Sequence[Item], accessible_name: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        name_widget(self, "tickList", accessible_name)
        grid = flush(QGridLayout(self))
        grid.setHorizontalSpacing(18)
        grid.setVerticalSpacing(4)
        self.boxes: dict[str, QCheckBox] = {}
        rows = (len(items) + 1) // 2
        for n, item in enumerate(items):
            box = QCheckBox(item.label)
            box.setObjectName(f"tick_{item.id}")
            box.setToolTip(f"<p><b>{_html(item.text)}</b></p><p>{_html(item.help)}</p>")
            box.setAccessibleName(item.label)
            box.setAccessibleDescription(f"{item.text} {item.help}")
            box.toggled.connect(lambda _c: self.changed.emit())
            FocusHelp(box)
            self.boxes[item.id] = box
            grid.addWidget(box, n % rows if rows else 0, n // rows if rows else 0)
        grid.setColumnStretch(0, 1)
        grid.setColumnStretch(1, 1)

    def values(self) -> list[str]:
        return [key for key, box in self.boxes.items() if box.isChecked()]

    def set_values(self, values: Iterable[str]) -> None:
        wanted = set(values)
        for key, box in self.boxes.items():
            box.setChecked(key in wanted)

    def clear(self) -> None:
        self.set_values(())


def _html(text: str) -> str:
    from html import escape

    return escape(text)
