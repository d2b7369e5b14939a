"""The "Before I share" page's form: its steps, signals and widgets, built from the
content (:class:`BeforeForm`).

The page is one controller, :class:`~ips_reflect.gui.pages.before.page.BeforePage`, put
together from parts: moving through the steps and reacting to changes
(:mod:`~ips_reflect.gui.pages.before.steps`) and what the check holds, saving it and
its drafts (:mod:`~ips_reflect.gui.pages.before.check`). Methods one part calls on
another are declared here for the type checker.
"""

from __future__ import annotations

from html import escape
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from ips_reflect import messages
from ips_reflect.core.check import PLAN_EXPERIENCE_QUESTION, RULES, Assessment
from ips_reflect.core.content import Content, Section
from ips_reflect.core.entries import Entry
from ips_reflect.core.plan import PlanDeviation
from ips_reflect.gui.shell.uiloader import find_child
from ips_reflect.gui.widgets.drafts import attach_drafts
from ips_reflect.gui.widgets.entry_pdf import PdfExporter
from ips_reflect.gui.widgets.flag_panel import embed_panel
from ips_reflect.gui.widgets.flow_form import PlanPicker, compact_combo, fill_audiences
from ips_reflect.gui.widgets.flow_page import EntryFlowPage, held_light
from ips_reflect.gui.widgets.page_fit import fit_side
from ips_reflect.gui.widgets.question_widgets import (
    QuestionGroup,
    QuestionWidget,
    TickList,
    section_header,
    set_role,
)
from ips_reflect.gui.widgets.traffic_light import TrafficLight
from ips_reflect.store import keys

if TYPE_CHECKING:
    pass

PAGE_KEY = "before"
DRAFT_KEY = keys.DRAFT_CHECK
KIND = "before_check"

#: (step key, page object name, content sections shown on it)
STEPS: tuple[tuple[str, str, tuple[str, ...]], ...] = (
    ("what", "pageWhat", ("before.what",)),
    ("why", "pageWhy", ("before.why",)),
    ("when", "pageWhen", ("before.when",)),
    ("how", "pageHow", ("before.how",)),
    ("okay", "pageOkay", ("before.okay_with_me", "before.benefit")),
    ("signs", "pageSigns", ()),
    ("summary", "pageSummary", ()),
)
STEP_NAMES: dict[str, str] = {
    "what": messages.FLOW_STEP_WHAT,
    "why": messages.FLOW_STEP_WHY,
    "when": messages.FLOW_STEP_WHEN,
    "how": messages.FLOW_STEP_HOW,
    "okay": messages.FLOW_STEP_OKAY,
    "signs": messages.FLOW_STEP_SIGNS,
    "summary": messages.FLOW_STEP_SUMMARY,
}
SUMMARY = len(STEPS) - 1


def _body(view: QWidget, name: str) -> QVBoxLayout:
    body = find_child(view, QWidget, name)
    layout = body.layout()
    assert isinstance(layout, QVBoxLayout)
    return layout


class BeforeForm(EntryFlowPage):
    """Signals, widgets and state of the Before page; see the module docstring."""

    checkCompleted = Signal(str)  # the summary was reached; the light
    checkSaved = Signal(str)  # uid of the saved check
    reflectionRequested = Signal(str)  # uid of the check to reflect on now

    def __init__(self, view: QWidget, content: Content, parent: QObject | None = None) -> None:
        super().__init__(view, content, parent)
        self._step = 0
        self._syncing = False
        self._assessment: Assessment | None = None

        self.quick_check = find_child(view, QCheckBox, "quickModeCheck")
        self.audience = find_child(view, QComboBox, "audienceCombo")
        self.alias = find_child(view, QLineEdit, "aliasEdit")
        self.plan_banner = find_child(view, QFrame, "planBanner")
        self.plan_banner_text = find_child(view, QLabel, "planBannerText")
        self.trail = find_child(view, QLabel, "stepTrail")
        self.stack = find_child(view, QStackedWidget, "stepStack")
        self.back_button = find_child(view, QPushButton, "backButton")
        self.next_button = find_child(view, QPushButton, "nextButton")
        self.save_button = find_child(view, QPushButton, "saveButton")
        self.pdf_button = find_child(view, QPushButton, "pdfButton")
        self.reflect_button = find_child(view, QPushButton, "reflectNowButton")
        self.new_button = find_child(view, QPushButton, "newCheckButton")
        self.saved_label = find_child(view, QLabel, "savedLabel")
        find_child(view, QLabel, "beforeIntro").setText(messages.FLOW_BEFORE_INTRO)
        set_role(find_child(view, QLabel, "beforeTitle"), "title")

        self.pages = {key: find_child(view, QWidget, name) for key, name, _ in STEPS}
        self.pages["quick"] = find_child(view, QWidget, "pageQuick")

        fill_audiences(self.audience, content, messages.FLOW_AUDIENCE_CHOOSE)
        compact_combo(self.audience)
        self._complete_aliases(self.alias)
        self.banner_light = held_light(find_child(view, QWidget, "planBannerIconHolder"), 26)

        # -- the question steps
        self.full = QuestionGroup()
        plan_item = content.get(PLAN_EXPERIENCE_QUESTION)
        self.picker = PlanPicker(plan_item, messages.FLOW_PLAN_PICKER_LABEL)
        self.quick_picker = PlanPicker(plan_item, messages.FLOW_PLAN_PICKER_LABEL)
        for key, _name, section_ids in STEPS[:5]:
            layout = _body(view, f"{key}Body")
            sections = [self._section(s) for s in section_ids]
            real = [s for s in sections if s is not None]
            if real:
                layout.addWidget(section_header(real[0]))
            if key == "what":
                layout.addWidget(self.picker)
            for n, section in enumerate(real):
                if n:
                    layout.addWidget(section_header(section))
                for item in section.items:
                    if item.answer and item.id != PLAN_EXPERIENCE_QUESTION:
                        layout.addWidget(self.full.add(QuestionWidget(item)))
            layout.addStretch(1)

        # -- quick mode: the key questions (twins of the full ones, kept in step)
        quick_layout = _body(view, "quickBody")
        title = QLabel(messages.FLOW_QUICK_TITLE)
        title.setObjectName("sectionTitle")
        intro = QLabel(messages.FLOW_QUICK_INTRO)
        intro.setObjectName("sectionIntro")
        intro.setWordWrap(True)
        quick_layout.addWidget(title)
        quick_layout.addWidget(intro)
        quick_layout.addWidget(self.quick_picker)
        self.quick = QuestionGroup()
        for item in self._quick_items():
            quick_layout.addWidget(self.quick.add(QuestionWidget(item)))
        quick_layout.addStretch(1)
        for qid, twin in self.quick.widgets.items():
            original = self.full.widgets.get(qid)
            if original is not None:
                original.changed.connect(lambda a=original, b=twin: self._sync(a, b))
                twin.changed.connect(lambda a=twin, b=original: self._sync(a, b))

        # -- reasons and warning signs
        signs_layout = _body(view, "signsBody")
        for text, name in (
            (messages.FLOW_SIGNS_TITLE, "sectionTitle"),
            (messages.FLOW_SIGNS_INTRO, "sectionIntro"),
            (messages.FLOW_REASONS_HEADING, "subHeading"),
        ):
            label = QLabel(text)
            label.setObjectName(name)
            label.setWordWrap(True)
            signs_layout.addWidget(label)
            if name == "sectionIntro":  # where the paper says it, before the lists
                source = QLabel(messages.FLOW_FROM_PAPER.format(source=messages.FLOW_SIGNS_SOURCE))
                source.setObjectName("questionSource")
                source.setWordWrap(True)
                signs_layout.addWidget(source)
        self.reasons = TickList(content.positive_reasons, messages.FLOW_REASONS_ACCESSIBLE)
        signs_layout.addWidget(self.reasons)
        heading = QLabel(messages.FLOW_SIGNS_HEADING)
        heading.setObjectName("subHeading")
        heading.setWordWrap(True)
        signs_layout.addWidget(heading)
        self.signs = TickList(content.warning_signs, messages.FLOW_SIGNS_ACCESSIBLE)
        signs_layout.addWidget(self.signs)
        signs_layout.addStretch(1)

        self._build_summary(_body(view, "summaryBody"))

        # -- drafts
        self.keeper, self.draft_banner = attach_drafts(
            self, view, DRAFT_KEY, KIND, messages.FLOW_NOUN_CHECK
        )
        self.draft_banner.restored.connect(self._after_restore)
        self.pdf = PdfExporter(view, content, self.saved_label, self.pdf_button, parent=self)
        self.live_flags = embed_panel(content, find_child(view, QWidget, "flagSide"))
        self.side_fit = fit_side(view, "stepRow", "stepStack")  # below the form when narrow

    def draft_banner_buttons(self) -> list[QWidget]:
        return [self.draft_banner.restore_button, self.draft_banner.discard_button]

    # ------------------------------------------------------------------ building

    def _section(self, section_id: str) -> Section | None:
        try:
            return self.content.section(section_id)
        except KeyError:
            return None

    def _quick_items(self) -> list[Any]:
        try:
            items = self.content.pack("before_sharing").items
        except KeyError:
            return []
        return [i for i in items if i.quick]

    def _build_summary(self, layout: QVBoxLayout) -> None:
        card = QFrame()
        card.setObjectName("summaryCard")
        card.setAccessibleName(messages.FLOW_SUMMARY_ACCESSIBLE)
        row = QHBoxLayout(card)
        row.setContentsMargins(18, 16, 18, 16)
        row.setSpacing(16)
        self.light = TrafficLight(size=64)
        row.addWidget(self.light, 0, Qt.AlignmentFlag.AlignTop)
        text = QVBoxLayout()
        text.setSpacing(6)
        self.headline = QLabel()
        self.headline.setObjectName("lightHeadline")
        self.headline.setWordWrap(True)
        self.advice = QLabel()
        self.advice.setObjectName("lightAdvice")
        self.advice.setWordWrap(True)
        text.addWidget(self.headline)
        text.addWidget(self.advice)
        row.addLayout(text, 1)
        self.summary_card = card
        layout.addWidget(card)

        def heading(words: str) -> QLabel:
            label = QLabel(words)
            label.setObjectName("subHeading")
            label.setWordWrap(True)
            layout.addWidget(label)
            return label

        heading(messages.FLOW_SUMMARY_WHY)
        self.summary_reasons = QLabel()
        self.summary_reasons.setObjectName("summaryReasons")
        self.summary_reasons.setWordWrap(True)
        self.summary_reasons.setTextFormat(Qt.TextFormat.RichText)
        self.summary_reasons.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse
            | Qt.TextInteractionFlag.TextSelectableByKeyboard
        )
        self.summary_reasons.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.summary_reasons.setAccessibleName(messages.FLOW_SUMMARY_WHY)
        layout.addWidget(self.summary_reasons)
        self.summary_notes = QLabel()
        self.summary_notes.setObjectName("questionHelp")
        self.summary_notes.setWordWrap(True)
        layout.addWidget(self.summary_notes)
        heading(messages.FLOW_SUMMARY_THIS_CHECK)
        self.summary_details = QLabel()
        self.summary_details.setObjectName("summaryDetails")
        self.summary_details.setWordWrap(True)
        self.summary_details.setTextFormat(Qt.TextFormat.PlainText)
        layout.addWidget(self.summary_details)
        self.bring = QCheckBox(messages.FLOW_BRING_TO_SUPERVISION)
        self.bring.setObjectName("bringCheck")
        self.bring.setAccessibleName(messages.FLOW_BRING_ACCESSIBLE)
        self.bring.setAccessibleDescription(messages.FLOW_BRING_DESCRIPTION)
        layout.addWidget(self.bring)
        heading(messages.FLOW_SUMMARY_RULES)
        rules = QLabel("<ul>" + "".join(f"<li>{escape(r)}</li>" for r in RULES) + "</ul>")
        rules.setObjectName("questionHelp")
        rules.setWordWrap(True)
        rules.setTextFormat(Qt.TextFormat.RichText)
        rules.setAccessibleName(messages.FLOW_SUMMARY_RULES)
        rules.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByKeyboard)
        rules.setFocusPolicy(Qt.FocusPolicy.StrongFocus)  # Tab reaches it, and scrolls to it
        layout.addWidget(rules)
        layout.addStretch(1)

    if TYPE_CHECKING:  # the parts' methods that other parts call

        @property
        def quick_mode(self) -> bool: ...

        @property
        def current_audience(self) -> str | None: ...

        @property
        def step_key(self) -> str: ...

        def experience_id(self) -> str | None: ...

        def current_deviation(self) -> PlanDeviation | None: ...

        def assessment(self) -> Assessment: ...

        def has_content(self) -> bool: ...

        def save(self) -> Entry | None: ...

        def _reset(self) -> None: ...

        def _show_step(self) -> None: ...

        def _focus_step(self) -> None: ...

        def _quiet(self) -> Any: ...

        def _sync(self, source: QuestionWidget, target: QuestionWidget) -> None: ...

        def _audience_changed(self, _index: int = 0) -> None: ...

        def _update_plan_banner(self) -> None: ...

        def update_flags(self) -> None: ...

        def _after_restore(self) -> None: ...

        def reload_aliases(self) -> None: ...
