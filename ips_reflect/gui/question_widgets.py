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

Also here: :class:`TickList` (checkable reasons or warning signs),
:class:`TrafficLight` (the light drawn as a shape with a word, never colour
alone), :class:`Banner` styling helpers and :class:`EnterButton`.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterable, Sequence
from itertools import pairwise
from typing import Any

from PySide6.QtCore import QObject, QPointF, QRectF, QSize, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QKeyEvent,
    QKeySequence,
    QPainter,
    QPainterPath,
    QPen,
    QPolygonF,
    QShortcut,
)
from PySide6.QtWidgets import (
    QAbstractButton,
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QRadioButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from ips_reflect import messages
from ips_reflect.core.content import Item, Section
from ips_reflect.gui.theme import current_theme

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
        self.setObjectName("choiceRow")
        self.setAccessibleName(accessible_name)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(6)
        self.group = QButtonGroup(self)
        self.group.setExclusive(True)
        self.buttons: dict[str, QRadioButton] = {}
        if low:
            end = QLabel(low)
            end.setObjectName("scaleEnd")
            layout.addWidget(end)
        for key, text, shortcut in options:
            button = QRadioButton(text)
            button.setObjectName(f"answer_{key}")
            button.setAccessibleName(f"{text} — {accessible_name}")
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
        self.group.buttonToggled.connect(self._toggled)

    def _choose(self, key: str) -> None:
        button = self.buttons[key]
        button.setChecked(True)
        button.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def _toggled(self, _button: QAbstractButton, checked: bool) -> None:
        if checked:
            self.changed.emit()

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
        if self.focus_widget is not self.editor:
            for button in self.editor.findChildren(QRadioButton):
                button.setAccessibleDescription(description)
        self.text_label.setBuddy(self.focus_widget)
        layout.addWidget(self.editor)
        layout.addWidget(self.source_label)

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
        self.setObjectName("tickList")
        self.setAccessibleName(accessible_name)
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
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


# --------------------------------------------------------------------------- traffic light


class TrafficLight(QWidget):
    """The light as a shape, so it never depends on colour alone.

    Green is a circle with a tick, amber a triangle with "!", red an octagon
    (a stop sign) with a bar. An empty light draws nothing.
    """

    def __init__(self, parent: QWidget | None = None, size: int = 56) -> None:
        super().__init__(parent)
        self._light = ""
        self._size = size
        self.setObjectName("trafficLight")
        self.setFixedSize(size, size)

    @property
    def light(self) -> str:
        return self._light

    def set_light(self, light: str) -> None:
        self._light = light
        names = {
            "green": messages.CHECK_LIGHT_GREEN,
            "amber": messages.CHECK_LIGHT_AMBER,
            "incomplete": messages.CHECK_LIGHT_INCOMPLETE,
            "red": messages.CHECK_LIGHT_RED,
        }
        self.setAccessibleName(messages.FLOW_LIGHT_ACCESSIBLE.format(light=names.get(light, "")))
        self.update()

    def paintEvent(self, _event: Any) -> None:
        if not self._light:
            return
        colors = current_theme().colors
        fill = QColor(colors.get(f"flow_{self._light}", "#888888"))
        mark = QColor(colors.get("flow_mark", "#ffffff"))
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        s = float(min(self.width(), self.height()))
        m = s * 0.06
        box = QRectF(m, m, s - 2 * m, s - 2 * m)
        p.setPen(Qt.PenStyle.NoPen)
        p.setBrush(fill)
        pen = QPen(mark, s * 0.1, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap)
        pen.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
        if self._light == "green":
            p.drawEllipse(box)
            p.setPen(pen)
            path = QPainterPath(QPointF(s * 0.3, s * 0.52))
            path.lineTo(QPointF(s * 0.44, s * 0.66))
            path.lineTo(QPointF(s * 0.71, s * 0.37))
            p.setBrush(Qt.BrushStyle.NoBrush)
            p.drawPath(path)
        elif self._light == "amber":
            tri = QPolygonF(
                [QPointF(s / 2, m), QPointF(s - m, s - m * 1.5), QPointF(m, s - m * 1.5)]
            )
            path = QPainterPath()
            path.addPolygon(tri)
            path.closeSubpath()
            edge = QPen(fill, s * 0.08)
            edge.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
            p.setPen(edge)
            p.drawPath(path)
            p.setPen(pen)
            p.drawLine(QPointF(s / 2, s * 0.38), QPointF(s / 2, s * 0.6))
            p.drawPoint(QPointF(s / 2, s * 0.76))
        elif self._light == "incomplete":
            # A rounded square with three dots: "not enough yet", never a colour alone.
            p.drawRoundedRect(box, s * 0.18, s * 0.18)
            p.setPen(pen)
            for x in (0.3, 0.5, 0.7):
                p.drawPoint(QPointF(s * x, s / 2))
        else:
            import math

            points = []
            r = (s - 2 * m) / 2
            for k in range(8):
                angle = math.pi / 8 + k * math.pi / 4
                points.append(QPointF(s / 2 + r * math.cos(angle), s / 2 + r * math.sin(angle)))
            p.drawPolygon(QPolygonF(points))
            p.setPen(pen)
            p.drawLine(QPointF(s * 0.3, s / 2), QPointF(s * 0.7, s / 2))
        p.end()


def set_banner_level(widget: QWidget, level: str) -> None:
    """Style a banner frame: ``level`` is green, amber, red or notice (see 40-flows.qss)."""
    widget.setProperty("level", level)
    style = widget.style()
    style.unpolish(widget)
    style.polish(widget)
    for child in widget.findChildren(QWidget):
        style.unpolish(child)
        style.polish(child)


# --------------------------------------------------------------------------- shared page helpers

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


class PdfExporter(QObject):
    """Export one entry to a PDF: plaintext warning, file dialog, build off the GUI thread."""

    exported = Signal(str)  # the path written
    failed = Signal(str)  # a sentence saying what went wrong

    def __init__(
        self,
        parent_widget: QWidget,
        content: Any,
        status: QLabel,
        button: QPushButton,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.parent_widget = parent_widget
        self.content = content
        self.status = status
        self.button = button
        self.busy = False

    def export(self, entry: Any, plan: Any, stem: str) -> bool:
        """Ask and start; True if a PDF is being written."""
        from datetime import date
        from pathlib import Path

        from PySide6.QtWidgets import QFileDialog, QMessageBox

        if self.busy:
            return False
        answer = QMessageBox.warning(
            self.parent_widget,
            messages.FLOW_PDF_WARNING_TITLE,
            messages.FLOW_PDF_WARNING,
            QMessageBox.StandardButton.Ok | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Cancel,
        )
        if answer != QMessageBox.StandardButton.Ok:
            return False
        suggested = str(Path.home() / f"{stem}-{date.today().isoformat()}.pdf")
        path, _filter = QFileDialog.getSaveFileName(
            self.parent_widget, messages.FLOW_PDF_SAVE_TITLE, suggested, messages.FLOW_PDF_FILTER
        )
        if not path:
            return False
        if not path.lower().endswith(".pdf"):
            path += ".pdf"
        self._start(entry, plan, path)
        return True

    def _start(self, entry: Any, plan: Any, path: str) -> None:
        from ips_reflect.export.entry_pdf import build_entry_pdf
        from ips_reflect.gui.workers import run_task

        self.busy = True
        self.button.setEnabled(False)
        self.status.setText(messages.FLOW_PDF_WRITING)
        run_task(
            build_entry_pdf,
            entry,
            self.content,
            path,
            plan=plan,
            on_success=lambda _result: self._done(path),
            on_failure=self._failed,
        )

    def _finish(self) -> None:
        self.busy = False
        with contextlib.suppress(RuntimeError):  # the page went away meanwhile
            self.button.setEnabled(True)

    def _done(self, path: str) -> None:
        self._finish()
        with contextlib.suppress(RuntimeError):
            self.status.setText(messages.FLOW_PDF_DONE.format(file=path))
        self.exported.emit(path)

    def _failed(self, exc: BaseException) -> None:
        from ips_reflect.errors import UserError

        self._finish()
        text = (
            exc.message
            if isinstance(exc, UserError)
            else messages.FLOW_PDF_FAILED.format(problem=str(exc) or type(exc).__name__)
        )
        with contextlib.suppress(RuntimeError):
            self.status.setText(text)
        self.failed.emit(text)


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
