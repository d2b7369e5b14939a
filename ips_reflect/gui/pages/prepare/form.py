"""The Prepare page's form: its tabs' widgets and signals, built from the content
(:class:`PrepareForm`).

The page is one controller, :class:`~ips_reflect.gui.pages.prepare.page.PreparePage`,
put together from parts: the experiences grid and its editor
(:mod:`~ips_reflect.gui.pages.prepare.grid`) and the saved versions
(:mod:`~ips_reflect.gui.pages.prepare.history`). Methods one part calls on another are
declared here for the type checker.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFrame,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTabWidget,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from ips_reflect import messages
from ips_reflect.core.content import AUDIENCE_IDS, Content
from ips_reflect.core.plan import EXPERIENCE_KINDS, SharingPlan
from ips_reflect.gui.shell.uiloader import find_child
from ips_reflect.gui.widgets.drafts import attach_drafts
from ips_reflect.gui.widgets.flow_page import FlowPage
from ips_reflect.gui.widgets.page_fit import ColumnFit
from ips_reflect.gui.widgets.question_widgets import (
    QuestionGroup,
    QuestionWidget,
    add_sections,
    section_header,
    set_role,
)
from ips_reflect.store import keys

if TYPE_CHECKING:
    pass

PAGE_KEY = "prepare"
DRAFT_KEY = keys.DRAFT_PLAN
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


class PrepareForm(FlowPage):
    """Signals, widgets and state of the Prepare page; see the module docstring."""

    planSaved = Signal(int)  # the new version number

    def __init__(self, view: QWidget, content: Content, parent: QObject | None = None) -> None:
        super().__init__(view, content, parent)
        self._saved_payload: dict[str, Any] | None = None
        self._saved_version: Any = None
        self._current_id: str | None = None

        set_role(find_child(view, QLabel, "prepareTitle"), "title")
        self.status = find_child(view, QLabel, "planStatus")
        self.tabs = find_child(view, QTabWidget, "prepareTabs")
        self.table = find_child(view, QTableWidget, "planTable")
        self.add_button = find_child(view, QPushButton, "addExperienceButton")
        self.remove_button = find_child(view, QPushButton, "removeExperienceButton")
        self.editor = find_child(view, QFrame, "experienceEditor")
        self.no_experience = find_child(view, QLabel, "noExperienceLabel")
        self.label_edit = find_child(view, QLineEdit, "experienceLabelEdit")
        self.kind_combo = find_child(view, QComboBox, "experienceKindCombo")
        self.kind_help = find_child(view, QLabel, "kindHelp")
        self.notes_edit = find_child(view, QPlainTextEdit, "experienceNotesEdit")
        self.level_combos = {
            a: find_child(view, QComboBox, name) for a, name in LEVEL_COMBOS.items()
        }
        self.history = find_child(view, QListWidget, "historyList")
        self.history_view = find_child(view, QTextBrowser, "historyView")
        self.use_version = find_child(view, QPushButton, "useVersionButton")
        self.save_button = find_child(view, QPushButton, "saveButton")
        self.saved_label = find_child(view, QLabel, "savedLabel")

        try:
            pack = content.pack(PACK)
            find_child(view, QLabel, "prepareIntro").setText(pack.intro or "")
        except KeyError:
            find_child(view, QLabel, "prepareIntro").setText("")
        plan_section = content.get("prep.plan.level")
        try:
            intro = content.section("prep.plan").intro or ""
        except KeyError:
            intro = ""
        find_child(view, QLabel, "experiencesIntro").setText(intro)
        find_child(view, QLabel, "historyIntro").setText(messages.FLOW_HISTORY_INTRO)
        set_role(find_child(view, QLabel, "editorTitle"), "subHeading")
        self.no_experience.setText(messages.FLOW_NO_EXPERIENCE)
        self._describe("experienceHelp", "experienceSource", content.get("prep.plan.experience"))
        level_item = plan_section
        find_child(view, QLabel, "levelQuestion").setText(level_item.text if level_item else "")
        set_role(find_child(view, QLabel, "levelQuestion"), "question")
        self._describe("levelHelp", "levelSource", level_item)
        for name in ("experienceTextLabel", "kindLabel", "notesLabel"):
            set_role(find_child(view, QLabel, name), "question")

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
            audience_label(content, a) for a in AUDIENCE_IDS
        ]
        self.table.setColumnCount(len(headers))
        self.table.setHorizontalHeaderLabels(headers)
        for col, words in enumerate(headers):  # the whole title of a narrow column
            head = self.table.horizontalHeaderItem(col)
            if head is not None:
                head.setToolTip(words)
                head.setData(Qt.ItemDataRole.AccessibleDescriptionRole, words)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for col in range(1, len(headers)):
            header.setSectionResizeMode(col, QHeaderView.ResizeMode.ResizeToContents)
        self.table.verticalHeader().hide()
        self.column_fit = ColumnFit(self.table, (0,))  # fits the width, no sideways bar
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        for combo in (self.kind_combo, *self.level_combos.values()):
            combo.setSizeAdjustPolicy(
                QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
            )
            combo.setMinimumContentsLength(14)
        find_child(view, QSplitter, "historySplitter").setSizes([300, 600])

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

    if TYPE_CHECKING:  # the parts' methods that other parts call

        def load_plan(self, plan: SharingPlan) -> None: ...

        def _changed(self) -> None: ...

        def _level_changed(self, audience: str) -> None: ...


def audience_label(content: Content, audience: str) -> str:
    item = content.get(audience)
    return item.label if item is not None else audience


def _heading(title: str, intro: str) -> QWidget:
    from ips_reflect.core.content import Section

    return section_header(Section("flow.lines", title, "", "preparation", (), intro=intro))
