"""The "Before I share" page: a short stepped check that ends in a traffic light.

Steps (the paper's Boxes 2 and 3 and "is it okay with me?"): What → Why →
When → How → Okay with me → Reasons & signs → Summary, for a chosen audience
and client alias. The What step picks an experience from the sharing plan and
the page warns at once, in a banner, if the plan says not for this audience,
too raw or never. Quick mode puts the key questions on one screen (for a client,
the work test too). Signs that the live panel finds in the words (and that were
not dismissed there) count towards the light like ticked ones.

The light is worked out by :func:`ips_reflect.core.check.assess`; it never
blocks: Save is always there on the summary. The check is saved as an Entry of
kind ``before_check``; its answers are kept by question id, plus
``before.what.plan_experience`` (the plan experience id) and ``check.light``.

The view is ``ui/before.ui``; :class:`BeforePage` is its controller. Keyboard:
Enter goes to the next step (or presses the focused button), Alt+B / Alt+N /
Alt+S go back, on and save, and Y / N / U answer a yes / no / unsure question.
"""

from __future__ import annotations

from dataclasses import replace
from html import escape
from typing import Any

from PySide6.QtCore import QObject, QStringListModel, Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QCompleter,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from ips_reflect import messages
from ips_reflect.core.check import (
    LIGHT_ANSWER_KEY,
    PLAN_EXPERIENCE_QUESTION,
    RULES,
    Assessment,
    assess,
)
from ips_reflect.core.content import Content, Section
from ips_reflect.core.entries import Entry
from ips_reflect.core.plan import PlanDeviation, SharingPlan, deviation
from ips_reflect.errors import UserError
from ips_reflect.gui.drafts import attach_drafts, quietly, short_when
from ips_reflect.gui.flag_panel import embed_panel, written_text
from ips_reflect.gui.question_widgets import (
    AUDIENCE_SINGULAR,
    PdfExporter,
    PlanPicker,
    QuestionGroup,
    QuestionWidget,
    TickList,
    TrafficLight,
    chain_tab_order,
    clear_text,
    combo_data,
    compact_combo,
    fill_audiences,
    focusables,
    install_enter,
    section_header,
    set_banner_level,
    set_combo_data,
    set_role,
    short_title,
)
from ips_reflect.gui.uiloader import find_child, load_ui

PAGE_KEY = "before"
DRAFT_KEY = "before_check"
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


class BeforePage(QObject):
    """Controller of ``ui/before.ui``; see the module docstring."""

    checkCompleted = Signal(str)  # the summary was reached; the light
    checkSaved = Signal(str)  # uid of the saved check
    reflectionRequested = Signal(str)  # uid of the check to reflect on now

    def __init__(self, view: QWidget, content: Content, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.view = view
        self.content = content
        self._vault: Any = None
        self.plan = SharingPlan()
        self._step = 0
        self._saved: Entry | None = None
        self._loading = 0
        self._syncing = False
        self._assessment: Assessment | None = None

        f = find_child
        self.quick_check = f(view, QCheckBox, "quickModeCheck")
        self.audience = f(view, QComboBox, "audienceCombo")
        self.alias = f(view, QLineEdit, "aliasEdit")
        self.plan_banner = f(view, QFrame, "planBanner")
        self.plan_banner_text = f(view, QLabel, "planBannerText")
        self.trail = f(view, QLabel, "stepTrail")
        self.stack = f(view, QStackedWidget, "stepStack")
        self.back_button = f(view, QPushButton, "backButton")
        self.next_button = f(view, QPushButton, "nextButton")
        self.save_button = f(view, QPushButton, "saveButton")
        self.pdf_button = f(view, QPushButton, "pdfButton")
        self.reflect_button = f(view, QPushButton, "reflectNowButton")
        self.new_button = f(view, QPushButton, "newCheckButton")
        self.saved_label = f(view, QLabel, "savedLabel")
        f(view, QLabel, "beforeIntro").setText(messages.FLOW_BEFORE_INTRO)
        set_role(f(view, QLabel, "beforeTitle"), "title")

        self.pages = {key: f(view, QWidget, name) for key, name, _ in STEPS}
        self.pages["quick"] = f(view, QWidget, "pageQuick")

        fill_audiences(self.audience, content, messages.FLOW_AUDIENCE_CHOOSE)
        compact_combo(self.audience)
        self._aliases = QStringListModel(self)
        completer = QCompleter(self._aliases, self)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.alias.setCompleter(completer)

        holder = f(view, QWidget, "planBannerIconHolder")
        self.banner_light = TrafficLight(holder, size=26)
        holder_layout = QHBoxLayout(holder)
        holder_layout.setContentsMargins(0, 0, 0, 0)
        holder_layout.addWidget(self.banner_light)

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
        self.reasons = TickList(content.positive_reasons, messages.FLOW_REASONS_ACCESSIBLE)
        signs_layout.addWidget(self.reasons)
        heading = QLabel(messages.FLOW_SIGNS_HEADING)
        heading.setObjectName("subHeading")
        heading.setWordWrap(True)
        signs_layout.addWidget(heading)
        self.signs = TickList(content.warning_signs, messages.FLOW_SIGNS_ACCESSIBLE)
        signs_layout.addWidget(self.signs)
        source = QLabel(messages.FLOW_FROM_PAPER.format(source=messages.FLOW_SIGNS_SOURCE))
        source.setObjectName("questionSource")
        source.setWordWrap(True)
        signs_layout.addWidget(source)
        signs_layout.addStretch(1)

        self._build_summary(_body(view, "summaryBody"))

        # -- drafts
        self.keeper, self.draft_banner = attach_drafts(
            self, view, DRAFT_KEY, KIND, messages.FLOW_NOUN_CHECK
        )
        self.draft_banner.restored.connect(self._after_restore)
        self.pdf = PdfExporter(view, content, self.saved_label, self.pdf_button, parent=self)
        self.live_flags = embed_panel(content, f(view, QWidget, "flagSide"))

        # -- signals
        self.full.connect(self._changed)
        self.reasons.changed.connect(self._changed)
        self.signs.changed.connect(self._changed)
        self.live_flags.flagDismissed.connect(lambda _s, _n: self._dismissed_flag())
        self.bring.toggled.connect(lambda _c: self._changed())
        self.alias.textChanged.connect(lambda _t: self._changed())
        self.audience.currentIndexChanged.connect(self._audience_changed)
        self.picker.changed.connect(lambda: self._experience_changed(self.picker))
        self.quick_picker.changed.connect(lambda: self._experience_changed(self.quick_picker))
        self.quick_check.toggled.connect(self._mode_changed)
        self.back_button.clicked.connect(self.back)
        self.next_button.clicked.connect(self.next)
        self.save_button.clicked.connect(self.save)
        self.pdf_button.clicked.connect(self.export_pdf)
        self.new_button.clicked.connect(lambda: self.start(self.quick_mode))
        self.reflect_button.clicked.connect(self._reflect_now)
        self.alias.returnPressed.connect(self.advance)
        install_enter(view, self.advance)
        view.destroyed.connect(self.keeper.stop)

        chain = [self.quick_check, *self.draft_banner_buttons(), self.audience, self.alias]
        for key in ("what", "why", "when", "how", "okay", "signs", "summary", "quick"):
            chain += focusables(self.pages[key])
        chain += [
            self.back_button,
            self.reflect_button,
            self.new_button,
            self.pdf_button,
            self.save_button,
            self.next_button,
        ]
        chain_tab_order(chain)

        self.full.set_audience(None)
        self._show_step()
        self.set_vault(None)

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

    # ------------------------------------------------------------------ vault

    def set_vault(self, vault: Any) -> None:
        """The open vault after unlock; None on lock (clears every field and disables)."""
        if vault is None:
            self.keeper.stop()
            self._vault = None
            self.plan = SharingPlan()
            self._clear_all()
            self._aliases.setStringList([])
            self.picker.set_plan(self.plan, None)
            self.quick_picker.set_plan(self.plan, None)
            self.draft_banner.hide()
            self.view.setEnabled(False)
            return
        self._vault = vault
        self.view.setEnabled(True)
        self.reload_plan()
        self.reload_aliases()
        self.draft_banner.refresh()

    def flush_drafts(self) -> bool:
        """Save a waiting draft now (call before locking or quitting)."""
        return self.keeper.flush()

    def reload_plan(self) -> None:
        """Read the latest sharing plan (after it was saved on the Prepare page)."""
        if self._vault is None:
            return
        latest = self._vault.plans.latest()
        self.plan = SharingPlan.from_payload(latest.payload if latest else None)
        audience = self.current_audience
        chosen = self.picker.value()
        with self._quiet():
            self.picker.set_plan(self.plan, audience, chosen)
            self.quick_picker.set_plan(self.plan, audience, chosen)
        self._update_plan_banner()

    def reload_aliases(self) -> None:
        if self._vault is not None:
            self._aliases.setStringList(self._vault.entries.client_aliases())

    # ------------------------------------------------------------------ state

    @property
    def quick_mode(self) -> bool:
        return self.quick_check.isChecked()

    @property
    def current_audience(self) -> str | None:
        return combo_data(self.audience)

    @property
    def step_key(self) -> str:
        """``what`` ... ``summary``, or ``quick`` for the quick page."""
        if self.quick_mode and self._step != SUMMARY:
            return "quick"
        return STEPS[self._step][0]

    @property
    def saved_entry(self) -> Entry | None:
        return self._saved

    def experience_id(self) -> str | None:
        return self.picker.value()

    def current_deviation(self) -> PlanDeviation | None:
        return deviation(self.plan, self.experience_id(), self.current_audience)

    def answers(self) -> dict[str, Any]:
        out: dict[str, Any] = self.full.values(visible_only=True)
        exp = self.experience_id()
        if exp:
            out[PLAN_EXPERIENCE_QUESTION] = exp
        return out

    def assessment(self) -> Assessment:
        return assess(
            self.content,
            self.answers(),
            self.current_audience,
            self.reasons.values(),
            self.signs.values(),
            self.current_deviation(),
            found_signs=self.found_signs(),
        )

    def found_signs(self) -> list[str]:
        """Signs the live panel finds in what is written now, less those dismissed there.

        Searched here rather than read from the panel, which waits for typing to pause,
        so a sign in the words moves the light at once."""
        text = written_text(self.full.values(visible_only=True))
        if not text:
            return []
        flags = self.live_flags.engine.scan_text(text)
        kept = [f.sign for f in flags if not self.live_flags.is_dismissed(f)]
        return list(dict.fromkeys(kept))

    def title(self) -> str:
        audience = self.current_audience
        who = AUDIENCE_SINGULAR.get(audience or "", "")
        exp = self.plan.experience(self.experience_id())
        what = exp.label if exp is not None else ""
        if not what:
            for qid in (
                "before.what.useful_for_job",
                "before.what.useful_for_colleague",
                "before.what.for_employer",
                "before.what.for_clinicians",
            ):
                value = self.full.widgets[qid].value() if qid in self.full.widgets else None
                if isinstance(value, str) and not self.full.widgets[qid].isHidden():
                    what = value
                    break
        parts = [p for p in (who, short_title(what)) if p]
        return (
            messages.FLOW_CHECK_TITLE.format(what=" — ".join(parts))
            if parts
            else (messages.FLOW_CHECK_TITLE_EMPTY)
        )

    def build_entry(self) -> Entry:
        """The check as an Entry (the saved one, updated, if it was saved already)."""
        result = self.assessment()
        answers = self.answers()
        answers[LIGHT_ANSWER_KEY] = result.light
        entry = Entry(
            kind=KIND,
            title=self.title(),
            body=result.as_text(),
            client_alias=self.alias.text().strip() or None,
            audience=self.current_audience,
            answers=answers,
            reasons=self.reasons.values(),
            warning_signs=self.signs.values(),
            bring_to_supervision=self.bring.isChecked(),
        )
        if self._saved is not None:
            entry = replace(
                entry, uid=self._saved.uid, created=self._saved.created, id=self._saved.id
            )
        return entry

    def has_content(self) -> bool:
        return bool(
            self.alias.text().strip()
            or self.full.values()
            or self.reasons.values()
            or self.signs.values()
            or self.experience_id()
        )

    # ------------------------------------------------------------------ navigation

    def start(self, quick: bool = False) -> None:
        """Begin a check (from Home). Work in progress is kept; a saved check is cleared."""
        if self._saved is not None:
            self._reset()
        self.quick_check.setChecked(quick)
        if not self.has_content():
            self._step = 0
        self._show_step()
        self.audience.setFocus(Qt.FocusReason.OtherFocusReason)

    def go_to(self, step: int) -> None:
        self._step = max(0, min(SUMMARY, step))
        self._show_step()
        self._focus_step()

    def next(self) -> None:
        if self._step == SUMMARY:
            return
        self.go_to(SUMMARY if self.quick_mode else self._step + 1)

    def back(self) -> None:
        if self._step == 0 or (self.quick_mode and self._step != SUMMARY):
            return
        self.go_to(0 if self.quick_mode else self._step - 1)

    def advance(self) -> None:
        """Enter: next step; on the summary, save (once)."""
        if not self.view.isEnabled():
            return
        if self._step == SUMMARY:
            if self._saved is None:
                self.save()
            return
        self.next()

    def _show_step(self) -> None:
        key = self.step_key
        self.stack.setCurrentWidget(self.pages[key])
        scroll = self.pages[key].findChild(QScrollArea)
        if scroll is not None:
            scroll.verticalScrollBar().setValue(0)
        on_summary = self._step == SUMMARY
        first = key in ("what", "quick")
        self.back_button.setEnabled(not first)
        self.next_button.setVisible(not on_summary)
        self.save_button.setVisible(on_summary)
        self.pdf_button.setVisible(on_summary)
        self.next_button.setDefault(not on_summary)
        self.save_button.setDefault(on_summary)
        saved = self._saved is not None
        self.reflect_button.setVisible(saved)
        self.new_button.setVisible(saved)
        self._render_trail()
        if on_summary:
            self._render_summary()

    def _focus_step(self) -> None:
        key = self.step_key
        if key == "summary":
            self.save_button.setFocus(Qt.FocusReason.OtherFocusReason)
            return
        if key == "what":
            self.picker.combo.setFocus(Qt.FocusReason.OtherFocusReason)
            return
        if key == "quick":
            self.quick_picker.combo.setFocus(Qt.FocusReason.OtherFocusReason)
            return
        if key == "signs":
            next(iter(self.reasons.boxes.values())).setFocus(Qt.FocusReason.OtherFocusReason)
            return
        page = self.pages[key]
        for widget in page.findChildren(QuestionWidget):
            if not widget.isHidden():
                widget.focus()
                return

    def _render_trail(self) -> None:
        if self.quick_mode:
            names = [messages.FLOW_STEP_QUICK, STEP_NAMES["summary"]]
            current = 1 if self._step == SUMMARY else 0
        else:
            names = [STEP_NAMES[k] for k, _, _ in STEPS]
            current = self._step
        parts = []
        for n, name in enumerate(names):
            if n == current:
                parts.append(
                    f'<b><span style="text-decoration: underline">{escape(name)}</span></b>'
                )
            else:
                parts.append(escape(name))
        counter = messages.FLOW_STEP_COUNTER.format(n=current + 1, total=len(names))
        self.trail.setText(f"{escape(counter)} &nbsp; " + " &nbsp;›&nbsp; ".join(parts))
        self.trail.setAccessibleName(f"{counter}: {names[current]}")
        self.stack.setAccessibleName(names[current])

    def _render_summary(self) -> None:
        result = self.assessment()
        self._assessment = result
        self.light.set_light(result.light)
        set_banner_level(self.summary_card, result.light)
        self.headline.setText(result.headline)
        self.advice.setText(result.advice)
        self.summary_card.setAccessibleDescription(f"{result.headline}. {result.advice}")
        self.summary_reasons.setText(
            "<ul>" + "".join(f"<li>{escape(r)}</li>" for r in result.reasons) + "</ul>"
        )
        self.summary_notes.setText(" ".join(result.notes))
        self.summary_notes.setVisible(bool(result.notes))
        exp = self.plan.experience(self.experience_id())
        details = [
            messages.FLOW_DETAIL_AUDIENCE.format(
                who=self.audience.currentText() if self.current_audience else messages.FLOW_NOT_SET
            ),
            messages.FLOW_DETAIL_ALIAS.format(
                alias=self.alias.text().strip() or messages.FLOW_NOT_SET
            ),
            messages.FLOW_DETAIL_EXPERIENCE.format(
                what=exp.label if exp is not None else messages.FLOW_NOT_FROM_PLAN
            ),
        ]
        self.summary_details.setText("\n".join(details))
        self.checkCompleted.emit(result.light)

    # ------------------------------------------------------------------ changes

    def _dismissed_flag(self) -> None:
        """A flag dismissed in the panel no longer moves the light."""
        if self._step == SUMMARY and not self._loading:
            self._render_summary()

    def _quiet(self) -> Any:
        return quietly(self)

    def _changed(self) -> None:
        if self._loading:
            return
        if self._saved is not None:
            self.saved_label.setText(messages.FLOW_CHANGED_SINCE_SAVE)
        if self._step == SUMMARY:
            self._render_summary()
        self.update_flags()
        self.keeper.touch()

    def update_flags(self) -> None:
        """Let the live panel search what has been written (debounced there)."""
        self.live_flags.update(
            written_text(self.full.values(visible_only=True)),
            self.signs.values(),
            self.current_audience,
            self.experience_id(),
            self.plan,
        )

    def _sync(self, source: QuestionWidget, target: QuestionWidget) -> None:
        if self._syncing:
            return
        self._syncing = True
        try:
            target.set_value(source.value())
        finally:
            self._syncing = False

    def _audience_changed(self, _index: int = 0) -> None:
        audience = self.current_audience
        self.full.set_audience(audience)
        self.quick.set_audience(audience)
        with self._quiet():
            self.picker.set_plan(self.plan, audience, self.picker.value())
            self.quick_picker.set_plan(self.plan, audience, self.picker.value())
        self._update_plan_banner()
        self._changed()

    def _experience_changed(self, source: PlanPicker) -> None:
        if self._syncing:
            return
        other = self.quick_picker if source is self.picker else self.picker
        self._syncing = True
        try:
            other.set_value(source.value())
        finally:
            self._syncing = False
        exp = self.plan.experience(source.value())
        kind_widget = self.full.widgets.get("before.what.kind")
        if exp is not None and exp.kind and kind_widget is not None and kind_widget.value() is None:
            kind_widget.set_value(exp.kind.removeprefix("exp."))
        self._update_plan_banner()
        self._changed()

    def _update_plan_banner(self) -> None:
        found = self.current_deviation()
        if found is None:
            self.plan_banner.hide()
            self.plan_banner_text.setText("")
            self.plan_banner.setAccessibleDescription("")
            self.banner_light.set_light("")
            return
        level = "red" if found.stops else "amber"
        advice = messages.FLOW_PLAN_BANNER_STOP if found.stops else messages.FLOW_PLAN_BANNER_BRIEF
        text = f"{found.sentence} {advice}"
        self.plan_banner_text.setText(text)
        self.plan_banner.setAccessibleDescription(text)
        self.banner_light.set_light(level)
        set_banner_level(self.plan_banner, level)
        self.plan_banner.show()

    def _mode_changed(self, _quick: bool) -> None:
        if self._step != SUMMARY:
            self._step = 0
        self._show_step()
        self._focus_step()
        self._changed()

    # ------------------------------------------------------------------ saving

    def save(self) -> Entry | None:
        """Save the check (a second save updates it). Never blocked by the light."""
        if self._vault is None:
            return None
        entry = self.build_entry()
        try:
            if self._saved is None:
                stored = self._vault.entries.add(entry)
            else:
                stored = self._vault.entries.update(entry)
        except UserError as exc:
            self._show_error(exc.message)
            return None
        self._saved = stored
        self.live_flags.keep_dismissals(self._vault, stored, self.plan)
        self.keeper.discard()
        self.keeper.new_session()
        self.saved_label.setProperty("error", False)
        self.saved_label.setText(messages.FLOW_CHECK_SAVED.format(when=short_when(stored.created)))
        self._show_step()
        self.reflect_button.setFocus(Qt.FocusReason.OtherFocusReason)
        self.reload_aliases()
        self.checkSaved.emit(stored.uid)
        return stored

    def _show_error(self, text: str) -> None:
        self.saved_label.setProperty("error", True)
        self.saved_label.setText(text)
        set_banner_level(self.saved_label, "error")

    def export_pdf(self) -> None:
        entry = self.build_entry()
        self.pdf.export(entry, self.plan, "check")

    def _reflect_now(self) -> None:
        if self._saved is not None:
            self.reflectionRequested.emit(self._saved.uid)

    # ------------------------------------------------------------------ drafts

    def collect_draft(self) -> dict[str, Any]:
        if not self.has_content():
            return {}
        return {
            "quick": self.quick_mode,
            "step": self._step,
            "audience": self.current_audience,
            "alias": self.alias.text(),
            "experience": self.experience_id(),
            "answers": self.full.values(),
            "reasons": self.reasons.values(),
            "signs": self.signs.values(),
            "bring": self.bring.isChecked(),
            "saved_uid": self._saved.uid if self._saved is not None else None,
        }

    def restore_draft(self, payload: dict[str, Any]) -> None:
        with self._quiet():
            saved_uid = payload.get("saved_uid")
            self._saved = None
            if isinstance(saved_uid, str) and self._vault is not None:
                self._saved = self._vault.entries.get(saved_uid)
            self.quick_check.setChecked(bool(payload.get("quick")))
            set_combo_data(self.audience, payload.get("audience"))
            self._audience_changed()
            self.alias.setText(str(payload.get("alias") or ""))
            answers = payload.get("answers")
            self.full.set_values(answers if isinstance(answers, dict) else {})
            for qid, twin in self.quick.widgets.items():
                if qid in self.full.widgets:
                    twin.set_value(self.full.widgets[qid].value())
            exp = payload.get("experience")
            self.picker.set_value(exp if isinstance(exp, str) else None)
            self.quick_picker.set_value(exp if isinstance(exp, str) else None)
            self.reasons.set_values(_strings(payload.get("reasons")))
            self.signs.set_values(_strings(payload.get("signs")))
            self.bring.setChecked(bool(payload.get("bring")))
            step = payload.get("step")
            self._step = step if isinstance(step, int) and 0 <= step <= SUMMARY else 0
        self._update_plan_banner()
        self._show_step()

    def _after_restore(self) -> None:
        self.update_flags()
        self._focus_step()

    # ------------------------------------------------------------------ clearing

    def _reset(self) -> None:
        """Empty the form for a new check."""
        with self._quiet():
            self._clear_all()
        self.keeper.new_session()
        self._show_step()

    def _clear_all(self) -> None:
        self.live_flags.reset()
        with self._quiet():
            self._saved = None
            self._assessment = None
            self.full.clear()
            self.quick.clear()
            self.reasons.clear()
            self.signs.clear()
            self.bring.setChecked(False)
            clear_text(self.alias)
            self.audience.setCurrentIndex(0)
            self.full.set_audience(None)
            self.quick.set_audience(None)
            self.picker.set_value(None)
            self.quick_picker.set_value(None)
            self.quick_check.setChecked(False)
            self._step = 0
            for label in (
                self.saved_label,
                self.headline,
                self.advice,
                self.summary_reasons,
                self.summary_notes,
                self.summary_details,
            ):
                label.setText("")
            self.summary_card.setAccessibleDescription("")
            self.light.set_light("")
            self._update_plan_banner()
        self._show_step()


def _strings(value: object) -> list[str]:
    return [v for v in value if isinstance(v, str)] if isinstance(value, list) else []


def create_page(content: Content) -> tuple[str, str, QWidget, BeforePage, str]:
    """(key, title, view, controller, icon name) for ``MainWindow.add_page``."""
    view = load_ui("before")
    return PAGE_KEY, messages.FLOW_PAGE_BEFORE, view, BeforePage(view, content), "before"
