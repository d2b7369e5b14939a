"""The Prepare page: the Box 1 workbook that produces the personal sharing plan.

Four tabs:

* **Experiences** — a grid of the experiences the practitioner names (in their
  own words) against the four audiences, each cell a level: share freely,
  share briefly, not now (still too raw) or never. Below or beside it, the
  chosen experience's words, kind (one of the paper's six), levels and notes.
* **Boundaries and lines** — the will-not-share list, what to say if asked for
  more, ready-made redirect lines, how to explain sharing to a manager or a
  sceptical colleague, and the social media check.
* **Box 1 questions** — the paper's preparation questions, each with help and
  source (those the plan already covers are not asked twice).
* **History** — every saved version, newest first, readable but not editable;
  "Start from this version" copies one back into the editor.

Save makes a new plan version (``vault.plans.save``; earlier ones are kept)
and a ``preparation`` entry for the journal. See :mod:`ips_reflect.core.plan`
for the payload. The view is ``ui/prepare.ui``; :class:`PreparePage` is its
controller.
"""

from __future__ import annotations

from html import escape
from typing import Any

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFrame,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from ips_reflect import messages
from ips_reflect.core.content import AUDIENCE_IDS, Content
from ips_reflect.core.entries import Entry
from ips_reflect.core.plan import (
    AUDIENCE_PLURALS,
    EXPERIENCE_KINDS,
    LEVEL_LABELS,
    PlanExperience,
    SharingPlan,
    new_experience_id,
    plan_summary,
)
from ips_reflect.errors import UserError
from ips_reflect.gui.drafts import attach_drafts, quietly, short_date, short_when
from ips_reflect.gui.question_widgets import (
    QuestionGroup,
    QuestionWidget,
    add_sections,
    chain_tab_order,
    clear_text,
    combo_data,
    focusables,
    install_enter,
    section_header,
    set_combo_data,
    set_plain_text,
    set_role,
)
from ips_reflect.gui.theme import current_theme
from ips_reflect.gui.uiloader import find_child, load_ui

PAGE_KEY = "prepare"
DRAFT_KEY = "sharing_plan"
KIND = "preparation"
PACK = "preparation"

#: Plan fields on the "Boundaries and lines" tab and the question each one answers.
PLAN_FIELDS: tuple[tuple[str, str], ...] = (
    ("will_not_share", "prep.plan.will_not_share"),
    ("asked_for_more", "prep.plan.asked_more"),
    ("redirect_lines", "prep.plan.redirect_lines"),
    ("explain_to_manager", "prep.plan.explanation"),
    ("social_media", "prep.plan.social_media_checked"),
    ("social_media_notes", "prep.plan.social_media_notes"),
)
LIST_FIELDS = ("will_not_share", "redirect_lines")
REFLECTION_SECTIONS = ("prep.comfort", "prep.limits", "prep.explain", "prep.colleagues")
#: Box 1 questions the plan fields already ask; not shown twice.
COVERED_BY_PLAN = (
    "prep.limits.will_not",
    "prep.explain.asked_more",
    "prep.explain.redirect",
    "prep.explain.social_media",
)
LEVEL_COMBOS: dict[str, str] = {
    "client": "levelClientCombo",
    "employer": "levelEmployerCombo",
    "ips_team": "levelIpsTeamCombo",
    "clinical_team": "levelClinicalCombo",
}
LEVEL_TINTS = {
    "freely": "flow_green_bg",
    "briefly": "flow_amber_bg",
    "not_now": "flow_red_bg",
    "never": "flow_red_bg",
}


class PreparePage(QObject):
    """Controller of ``ui/prepare.ui``; see the module docstring."""

    planSaved = Signal(int)  # the new version number

    def __init__(self, view: QWidget, content: Content, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.view = view
        self.content = content
        self._vault: Any = None
        self.plan = SharingPlan()
        self._saved_payload: dict[str, Any] | None = None
        self._saved_version: Any = None
        self._current_id: str | None = None
        self._loading = 0

        f = find_child
        set_role(f(view, QLabel, "prepareTitle"), "title")
        self.status = f(view, QLabel, "planStatus")
        self.tabs = f(view, QTabWidget, "prepareTabs")
        self.table = f(view, QTableWidget, "planTable")
        self.add_button = f(view, QPushButton, "addExperienceButton")
        self.remove_button = f(view, QPushButton, "removeExperienceButton")
        self.editor = f(view, QFrame, "experienceEditor")
        self.no_experience = f(view, QLabel, "noExperienceLabel")
        self.label_edit = f(view, QLineEdit, "experienceLabelEdit")
        self.kind_combo = f(view, QComboBox, "experienceKindCombo")
        self.kind_help = f(view, QLabel, "kindHelp")
        self.notes_edit = f(view, QPlainTextEdit, "experienceNotesEdit")
        self.level_combos = {a: f(view, QComboBox, name) for a, name in LEVEL_COMBOS.items()}
        self.history = f(view, QListWidget, "historyList")
        self.history_view = f(view, QTextBrowser, "historyView")
        self.use_version = f(view, QPushButton, "useVersionButton")
        self.save_button = f(view, QPushButton, "saveButton")
        self.saved_label = f(view, QLabel, "savedLabel")

        try:
            pack = content.pack(PACK)
            f(view, QLabel, "prepareIntro").setText(pack.intro or "")
        except KeyError:
            f(view, QLabel, "prepareIntro").setText("")
        plan_section = content.get("prep.plan.level")
        try:
            intro = content.section("prep.plan").intro or ""
        except KeyError:
            intro = ""
        f(view, QLabel, "experiencesIntro").setText(intro)
        f(view, QLabel, "historyIntro").setText(messages.FLOW_HISTORY_INTRO)
        set_role(f(view, QLabel, "editorTitle"), "subHeading")
        self.no_experience.setText(messages.FLOW_NO_EXPERIENCE)
        self._describe("experienceHelp", "experienceSource", content.get("prep.plan.experience"))
        level_item = plan_section
        f(view, QLabel, "levelQuestion").setText(level_item.text if level_item else "")
        set_role(f(view, QLabel, "levelQuestion"), "question")
        self._describe("levelHelp", "levelSource", level_item)
        for name in ("experienceTextLabel", "kindLabel", "notesLabel"):
            set_role(f(view, QLabel, name), "question")

        # -- level and kind choices
        choices = level_item.choices if level_item is not None else ()
        for audience, combo in self.level_combos.items():
            combo.addItem(messages.FLOW_LEVEL_UNDECIDED, None)
            for choice in choices:
                combo.addItem(choice.text, choice.id)
            combo.currentIndexChanged.connect(lambda _i, a=audience: self._level_changed(a))
        self.kind_combo.addItem(messages.FLOW_KIND_UNSURE, None)
        for kind in EXPERIENCE_KINDS:
            item = content.get(kind)
            if item is not None:
                self.kind_combo.addItem(item.label, item.id)
                self.kind_combo.setItemData(
                    self.kind_combo.count() - 1, item.text, Qt.ItemDataRole.ToolTipRole
                )

        # -- the grid
        headers = [messages.FLOW_TABLE_EXPERIENCE] + [
            _audience_label(content, a) for a in AUDIENCE_IDS
        ]
        self.table.setColumnCount(len(headers))
        self.table.setHorizontalHeaderLabels(headers)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for col in range(1, len(headers)):
            header.setSectionResizeMode(col, QHeaderView.ResizeMode.ResizeToContents)
        self.table.verticalHeader().hide()
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        for combo in (self.kind_combo, *self.level_combos.values()):
            combo.setSizeAdjustPolicy(
                QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
            )
            combo.setMinimumContentsLength(14)
        f(view, QSplitter, "historySplitter").setSizes([300, 600])

        # -- boundaries and lines
        lines_layout = self._body("linesBody")
        lines_layout.addWidget(_heading(messages.FLOW_LINES_TITLE, messages.FLOW_LINES_INTRO))
        self.fields: dict[str, QuestionWidget] = {}
        self.lines_group = QuestionGroup()
        for field_name, item_id in PLAN_FIELDS:
            item = content.get(item_id)
            if item is None:
                continue
            widget = self.lines_group.add(QuestionWidget(item))
            self.fields[field_name] = widget
            lines_layout.addWidget(widget)
        lines_layout.addStretch(1)

        # -- Box 1 questions
        questions_layout = self._body("questionsBody")
        self.reflection = QuestionGroup()
        sections = []
        for section_id in REFLECTION_SECTIONS:
            try:
                sections.append(content.section(section_id))
            except KeyError:
                continue
        add_sections(questions_layout, sections, self.reflection, skip=COVERED_BY_PLAN)
        questions_layout.addStretch(1)

        # -- drafts
        self.keeper, self.draft_banner = attach_drafts(
            self, view, DRAFT_KEY, KIND, messages.FLOW_NOUN_PLAN
        )

        # -- signals
        self.table.currentCellChanged.connect(self._row_changed)
        self.add_button.clicked.connect(self.add_experience)
        self.remove_button.clicked.connect(self.remove_experience)
        self.label_edit.textChanged.connect(self._label_changed)
        self.kind_combo.currentIndexChanged.connect(self._kind_changed)
        self.notes_edit.textChanged.connect(self._notes_changed)
        self.lines_group.connect(self._changed)
        self.reflection.connect(self._changed)
        self.history.currentRowChanged.connect(self._show_version)
        self.use_version.clicked.connect(self.start_from_version)
        self.save_button.clicked.connect(self.save)
        self.label_edit.returnPressed.connect(lambda: self.kind_combo.setFocus())
        install_enter(view, self.view.focusNextChild)
        view.destroyed.connect(self.keeper.stop)
        chain_tab_order(
            [
                self.draft_banner.restore_button,
                self.draft_banner.discard_button,
                self.tabs.tabBar(),
                *focusables(f(view, QWidget, "tabExperiences")),
                *focusables(f(view, QWidget, "linesBody")),
                *focusables(f(view, QWidget, "questionsBody")),
                self.history,
                self.history_view,
                self.use_version,
                self.save_button,
            ]
        )
        self._show_editor()
        self.set_vault(None)

    # ------------------------------------------------------------------ building

    def _body(self, name: str) -> QVBoxLayout:
        layout = find_child(self.view, QWidget, name).layout()
        assert isinstance(layout, QVBoxLayout)
        return layout

    def _describe(self, help_name: str, source_name: str, item: Any) -> None:
        help_label = find_child(self.view, QLabel, help_name)
        source_label = find_child(self.view, QLabel, source_name)
        set_role(help_label, "help")
        set_role(source_label, "source")
        help_label.setText(item.help if item is not None else "")
        source_label.setText(
            messages.FLOW_FROM_PAPER.format(source=item.source) if item is not None else ""
        )

    # ------------------------------------------------------------------ vault

    def set_vault(self, vault: Any) -> None:
        """The open vault after unlock; None on lock (clears every field and disables)."""
        if vault is None:
            self.keeper.stop()
            self._vault = None
            self._saved_payload = None
            self._saved_version = None
            self._clear_all()
            self.draft_banner.hide()
            self.view.setEnabled(False)
            return
        self._vault = vault
        self.view.setEnabled(True)
        latest = vault.plans.latest()
        self._saved_version = latest
        self._saved_payload = (
            SharingPlan.from_payload(latest.payload).to_payload() if latest else None
        )
        self.load_plan(SharingPlan.from_payload(latest.payload if latest else None))
        self._fill_history()
        self._update_status()
        self.draft_banner.refresh()

    def flush_drafts(self) -> bool:
        return self.keeper.flush()

    # ------------------------------------------------------------------ the plan

    def load_plan(self, plan: SharingPlan) -> None:
        """Put ``plan`` in the editor (not saved until Save)."""
        with quietly(self):
            self.plan = SharingPlan.from_payload(plan.to_payload())
            for field_name, widget in self.fields.items():
                widget.set_value(getattr(self.plan, field_name))
            self.reflection.set_values(dict(self.plan.answers))
            self._fill_table()
            self._select(self.plan.experiences[0].id if self.plan.experiences else None)

    def collect_plan(self) -> SharingPlan:
        """The plan as it stands in the editor."""
        plan = SharingPlan.from_payload(self.plan.to_payload())
        for field_name, widget in self.fields.items():
            value = widget.value()
            if field_name in LIST_FIELDS:
                setattr(plan, field_name, list(value) if isinstance(value, list) else [])
            else:
                setattr(plan, field_name, value if isinstance(value, str) else "")
        known = set(self.reflection.widgets)
        answers = {k: v for k, v in self.plan.answers.items() if k not in known}
        answers.update(self.reflection.values())
        plan.answers = answers
        return plan

    def is_modified(self) -> bool:
        payload = self.collect_plan().to_payload()
        if self._saved_payload is None:
            return not self.collect_plan().is_empty()
        return payload != self._saved_payload

    # -- grid

    def refresh(self) -> None:
        """Redraw the grid's tints after a theme change."""
        current = self._current_id
        self._fill_table()
        self._select(current)

    def _fill_table(self) -> None:
        self.table.blockSignals(True)
        self.table.setRowCount(0)
        for exp in self.plan.experiences:
            row = self.table.rowCount()
            self.table.insertRow(row)
            self._fill_row(row, exp)
        self.table.blockSignals(False)
        self._fit_table()

    def _fit_table(self) -> None:
        """As tall as its rows (3 to 8 of them), so the editor sits just below."""
        rows = min(max(self.table.rowCount(), 3), 8)
        row_height = self.table.verticalHeader().defaultSectionSize()
        frame = 2 * self.table.frameWidth() + 6
        self.table.setFixedHeight(
            self.table.horizontalHeader().sizeHint().height() + rows * row_height + frame
        )

    def _fill_row(self, row: int, exp: PlanExperience) -> None:
        colors = current_theme().colors
        first = QTableWidgetItem(exp.label or messages.FLOW_UNNAMED_EXPERIENCE)
        first.setData(Qt.ItemDataRole.UserRole, exp.id)
        kind = self.content.get(exp.kind) if exp.kind else None
        first.setToolTip(f"{exp.label} ({kind.label})" if kind is not None else exp.label)
        self.table.setItem(row, 0, first)
        for col, audience in enumerate(AUDIENCE_IDS, start=1):
            level = exp.level(audience)
            cell = QTableWidgetItem(LEVEL_LABELS[level] if level else "—")
            cell.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
            who = AUDIENCE_PLURALS[audience]
            cell.setToolTip(
                messages.FLOW_CELL_TIP.format(
                    level=LEVEL_LABELS[level] if level else messages.FLOW_LEVEL_UNDECIDED, who=who
                )
            )
            tint = colors.get(LEVEL_TINTS.get(level or "", ""), "")
            if tint:
                cell.setBackground(QColor(tint))
                cell.setForeground(QColor(colors["text"]))
            self.table.setItem(row, col, cell)

    def _row_of(self, exp_id: str | None) -> int:
        for row in range(self.table.rowCount()):
            item = self.table.item(row, 0)
            if item is not None and item.data(Qt.ItemDataRole.UserRole) == exp_id:
                return row
        return -1

    def _select(self, exp_id: str | None) -> None:
        row = self._row_of(exp_id)
        self.table.blockSignals(True)
        if row >= 0:
            self.table.setCurrentCell(row, 0)
            self.table.selectRow(row)
        else:
            self.table.clearSelection()
            self.table.setCurrentCell(-1, -1)
        self.table.blockSignals(False)
        self._current_id = exp_id if row >= 0 else None
        self._show_editor()

    def _row_changed(self, row: int, _col: int, _prev_row: int, _prev_col: int) -> None:
        item = self.table.item(row, 0) if row >= 0 else None
        self._current_id = item.data(Qt.ItemDataRole.UserRole) if item is not None else None
        self._show_editor()

    @property
    def current_experience(self) -> PlanExperience | None:
        return self.plan.experience(self._current_id)

    def _show_editor(self) -> None:
        exp = self.current_experience
        with quietly(self):
            if exp is None:
                clear_text(self.label_edit)
                clear_text(self.notes_edit)
                self.kind_combo.setCurrentIndex(0)
                for combo in self.level_combos.values():
                    combo.setCurrentIndex(0)
                self.kind_help.setText("")
            else:
                if self.label_edit.text() != exp.label:
                    self.label_edit.setText(exp.label)
                if self.notes_edit.toPlainText() != exp.notes:
                    set_plain_text(self.notes_edit, exp.notes)
                set_combo_data(self.kind_combo, exp.kind)
                for audience, combo in self.level_combos.items():
                    set_combo_data(combo, exp.level(audience))
                self._show_kind_help()
        self.editor.setVisible(exp is not None)
        self.no_experience.setVisible(exp is None)
        self.remove_button.setEnabled(exp is not None)

    def _show_kind_help(self) -> None:
        item = self.content.get(combo_data(self.kind_combo) or "")
        self.kind_help.setText(item.text if item is not None else "")

    def add_experience(self) -> PlanExperience:
        exp = PlanExperience(id=new_experience_id(), label="")
        self.plan.experiences.append(exp)
        self._fill_table()
        self._select(exp.id)
        self.label_edit.setFocus(Qt.FocusReason.OtherFocusReason)
        self._changed()
        return exp

    def remove_experience(self) -> None:
        exp = self.current_experience
        if exp is None:
            return
        index = self.plan.experiences.index(exp)
        self.plan.experiences.remove(exp)
        self._fill_table()
        remaining = self.plan.experiences
        self._select(remaining[min(index, len(remaining) - 1)].id if remaining else None)
        (self.table if remaining else self.add_button).setFocus(Qt.FocusReason.OtherFocusReason)
        self._changed()

    def _label_changed(self, text: str) -> None:
        exp = self.current_experience
        if self._loading or exp is None:
            return
        exp.label = text.strip()
        self._refresh_row(exp)
        self._changed()

    def _notes_changed(self) -> None:
        exp = self.current_experience
        if self._loading or exp is None:
            return
        exp.notes = self.notes_edit.toPlainText()
        self._changed()

    def _kind_changed(self, _index: int) -> None:
        self._show_kind_help()
        exp = self.current_experience
        if self._loading or exp is None:
            return
        exp.kind = combo_data(self.kind_combo) or ""
        self._refresh_row(exp)
        self._changed()

    def _level_changed(self, audience: str) -> None:
        exp = self.current_experience
        if self._loading or exp is None:
            return
        level = combo_data(self.level_combos[audience])
        if level:
            exp.levels[audience] = level
        else:
            exp.levels.pop(audience, None)
        self._refresh_row(exp)
        self._changed()

    def _refresh_row(self, exp: PlanExperience) -> None:
        row = self._row_of(exp.id)
        if row >= 0:
            self.table.blockSignals(True)
            self._fill_row(row, exp)
            self.table.blockSignals(False)

    def set_level(self, experience_id: str, audience: str, level: str | None) -> None:
        """Choose a level through its drop-down (as a person would)."""
        self._select(experience_id)
        set_combo_data(self.level_combos[audience], level)

    # ------------------------------------------------------------------ saving

    def _changed(self) -> None:
        if self._loading:
            return
        self._update_status()
        self.keeper.touch()

    def _update_status(self) -> None:
        version = self._saved_version
        if self._vault is None:
            self.status.setText("")
            return
        if version is None:
            text = messages.FLOW_PLAN_NOT_SAVED
        else:
            text = messages.FLOW_PLAN_VERSION.format(
                version=version.version, when=short_date(version.created)
            )
        if version is not None and self.is_modified():
            text = f"{text} · {messages.FLOW_PLAN_UNSAVED}"
        self.status.setText(text)

    def save(self) -> int | None:
        """Save the plan as a new version and note it in the journal; the version number."""
        if self._vault is None:
            return None
        plan = self.collect_plan()
        payload = plan.to_payload()
        try:
            version = self._vault.plans.save(payload)
            self._vault.entries.add(
                Entry(
                    kind="preparation",
                    title=messages.FLOW_PLAN_ENTRY_TITLE.format(version=version.version),
                    body=plan_summary(plan),
                    answers=dict(plan.answers),
                )
            )
        except UserError as exc:
            self.saved_label.setText(exc.message)
            return None
        self._saved_version = version
        self._saved_payload = payload
        self.plan = SharingPlan.from_payload(payload)
        self.keeper.discard()
        self.keeper.new_session()
        self._fill_history()
        self._update_status()
        self.saved_label.setText(
            messages.FLOW_PLAN_SAVED.format(
                version=version.version, when=short_when(version.created)
            )
        )
        self.planSaved.emit(version.version)
        return int(version.version)

    # ------------------------------------------------------------------ history

    def _fill_history(self) -> None:
        self.history.blockSignals(True)
        self.history.clear()
        versions = self._vault.plans.history() if self._vault is not None else []
        for n, version in enumerate(versions):
            text = messages.FLOW_HISTORY_ROW.format(
                version=version.version, when=short_date(version.created)
            )
            if n == 0:
                text = f"{text} {messages.FLOW_HISTORY_CURRENT}"
            item = QListWidgetItem(text)
            item.setData(Qt.ItemDataRole.UserRole, version.version)
            self.history.addItem(item)
        self.history.blockSignals(False)
        self.history_view.clear()
        self.history_view.document().clearUndoRedoStacks()
        self.use_version.setEnabled(False)
        if versions:
            self.history.setCurrentRow(0)

    def _show_version(self, row: int) -> None:
        item = self.history.item(row) if row >= 0 else None
        if item is None or self._vault is None:
            self.history_view.clear()
            self.use_version.setEnabled(False)
            return
        version = self._vault.plans.get(int(item.data(Qt.ItemDataRole.UserRole)))
        if version is None:
            return
        self.history_view.setHtml(
            plan_html(SharingPlan.from_payload(version.payload), self.content)
        )
        self.history_view.setAccessibleDescription(item.text())
        self.use_version.setEnabled(True)

    @property
    def shown_version(self) -> int | None:
        item = self.history.currentItem()
        return int(item.data(Qt.ItemDataRole.UserRole)) if item is not None else None

    def start_from_version(self) -> None:
        number = self.shown_version
        if number is None or self._vault is None:
            return
        version = self._vault.plans.get(number)
        if version is None:
            return
        self.load_plan(SharingPlan.from_payload(version.payload))
        self.tabs.setCurrentIndex(0)
        self.saved_label.setText(messages.FLOW_PLAN_FROM_VERSION.format(version=number))
        self._changed()

    # ------------------------------------------------------------------ drafts

    def collect_draft(self) -> dict[str, Any]:
        if not self.is_modified():
            return {}
        return {"plan": self.collect_plan().to_payload(), "selected": self._current_id}

    def restore_draft(self, payload: dict[str, Any]) -> None:
        self.load_plan(SharingPlan.from_payload(payload.get("plan")))
        selected = payload.get("selected")
        if isinstance(selected, str):
            self._select(selected)
        self._update_status()

    # ------------------------------------------------------------------ clearing

    def _clear_all(self) -> None:
        with quietly(self):
            self.plan = SharingPlan()
            self._current_id = None
            self.table.setRowCount(0)
            self.lines_group.clear()
            self.reflection.clear()
            self.history.clear()
            self.history_view.clear()
            self.history_view.document().clearUndoRedoStacks()
            self.history_view.setAccessibleDescription("")
            self.status.setText("")
            self.saved_label.setText("")
            self._show_editor()


def _audience_label(content: Content, audience: str) -> str:
    item = content.get(audience)
    return item.label if item is not None else audience


def _heading(title: str, intro: str) -> QWidget:
    from ips_reflect.core.content import Section

    return section_header(Section("flow.lines", title, "", "preparation", (), intro=intro))


def plan_html(plan: SharingPlan, content: Content) -> str:
    """A saved plan as read-only rich text (the History tab)."""
    parts: list[str] = []
    if plan.experiences:
        heads = "".join(f"<th>{escape(_audience_label(content, a))}</th>" for a in AUDIENCE_IDS)
        parts.append(f"<h3>{escape(messages.FLOW_TABLE_EXPERIENCE)}s</h3>")
        parts.append(
            '<table cellspacing="0" cellpadding="4" border="1">'
            f"<tr><th>{escape(messages.FLOW_TABLE_EXPERIENCE)}</th>{heads}</tr>"
        )
        for exp in plan.experiences:
            cells = "".join(
                f"<td>{escape(LEVEL_LABELS[lv]) if (lv := exp.level(a)) else '—'}</td>"
                for a in AUDIENCE_IDS
            )
            label = escape(exp.label or messages.FLOW_UNNAMED_EXPERIENCE)
            parts.append(f"<tr><td>{label}</td>{cells}</tr>")
        parts.append("</table>")
        notes = [e for e in plan.experiences if e.notes.strip()]
        if notes:
            parts.append("<ul>")
            parts += [
                f"<li><b>{escape(e.label)}</b>: {escape(' '.join(e.notes.split()))}</li>"
                for e in notes
            ]
            parts.append("</ul>")
    else:
        parts.append(f"<p>{escape(messages.FLOW_HISTORY_NO_EXPERIENCES)}</p>")
    for field_name, item_id in PLAN_FIELDS:
        value = getattr(plan, field_name)
        if not value:
            continue
        item = content.get(item_id)
        title = item.label if item is not None else field_name
        parts.append(f"<h4>{escape(title)}</h4>")
        if isinstance(value, list):
            parts.append("<ul>" + "".join(f"<li>{escape(v)}</li>" for v in value) + "</ul>")
        else:
            parts.append(f"<p>{escape(value)}</p>")
    answered = [(k, v) for k, v in plan.answers.items() if v not in ("", [], None)]
    if answered:
        parts.append(f"<h3>{escape(messages.FLOW_HISTORY_ANSWERS)}</h3>")
        for qid, value in answered:
            item = content.get(qid)
            parts.append(f"<h4>{escape(item.text if item is not None else qid)}</h4>")
            if isinstance(value, list):
                parts.append("<ul>" + "".join(f"<li>{escape(v)}</li>" for v in value) + "</ul>")
            else:
                shown = {"yes": "Yes", "no": "No", "unsure": "Unsure"}.get(str(value), str(value))
                parts.append(f"<p>{escape(shown)}</p>")
    return "\n".join(parts)


def create_page(content: Content) -> tuple[str, str, QWidget, PreparePage, str]:
    """(key, title, view, controller, icon name) for ``MainWindow.add_page``."""
    view = load_ui("prepare")
    return PAGE_KEY, messages.FLOW_PAGE_PREPARE, view, PreparePage(view, content), "prepare"
