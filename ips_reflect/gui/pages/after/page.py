"""The "After I shared" page: reflection on a share (the paper's Box 4).

A reflection either follows a check made before sharing (it is then linked to
it with ``Entry.linked_uid``, starts with the check's audience, alias and
experience, and shows the check's light and reasons) or stands alone. Every
question of ``content/after_sharing.yaml`` that applies to the audience is
shown with its help and source: how it went (1-5), the impact on the person,
the relationship, me and the work goal, what worked, what to change, feelings
then and now, learning to carry forward, and whether to share it with the team.
Saving a linked reflection takes its check off Home's "to reflect on" list.

The view is ``ui/after.ui``; :class:`AfterPage` is its controller.
"""

from __future__ import annotations

from html import escape
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFrame,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from ips_reflect import messages
from ips_reflect.core.check import LIGHT_ANSWER_KEY, LIGHT_NAMES, PLAN_EXPERIENCE_QUESTION
from ips_reflect.core.content import Content
from ips_reflect.core.entries import Entry
from ips_reflect.gui.shell.uiloader import find_child, load_ui
from ips_reflect.gui.widgets.drafts import attach_drafts, quietly, short_when
from ips_reflect.gui.widgets.entry_pdf import PdfExporter
from ips_reflect.gui.widgets.flag_panel import embed_panel, written_text
from ips_reflect.gui.widgets.flow_form import (
    AUDIENCE_SINGULAR,
    chain_tab_order,
    combo_data,
    compact_combo,
    fill_audiences,
    fill_experiences,
    focusables,
    install_enter,
    set_combo_data,
    short_title,
)
from ips_reflect.gui.widgets.flow_page import EntryFlowPage, held_light
from ips_reflect.gui.widgets.page_fit import fit_side
from ips_reflect.gui.widgets.question_widgets import (
    QuestionGroup,
    TickList,
    add_sections,
    clear_text,
    set_role,
)
from ips_reflect.gui.widgets.traffic_light import set_banner_level
from ips_reflect.store import keys

if TYPE_CHECKING:
    from ips_reflect.store.vault import Vault

PAGE_KEY = "after"
DRAFT_KEY = keys.DRAFT_REFLECTION
KIND = "after_reflection"
PACK = "after_sharing"
SIGNS_QUESTION = "after.signs_noticed"
SUPERVISION_QUESTION = "after.supervision"
#: Answer key for the experience from the plan that was shared (as in the check).
EXPERIENCE_KEY = PLAN_EXPERIENCE_QUESTION


class AfterPage(EntryFlowPage):
    """Controller of ``ui/after.ui``; see the module docstring."""

    reflectionSaved = Signal(str)  # uid of the saved reflection

    def __init__(self, view: QWidget, content: Content, parent: QObject | None = None) -> None:
        super().__init__(view, content, parent)
        self._check: Entry | None = None

        set_role(find_child(view, QLabel, "afterTitle"), "title")
        self.intro = find_child(view, QLabel, "afterIntro")
        try:
            self.intro.setText(content.pack(PACK).intro or "")
        except KeyError:
            self.intro.setText("")
        self.link_combo = find_child(view, QComboBox, "linkCombo")
        self.audience = find_child(view, QComboBox, "audienceCombo")
        self.alias = find_child(view, QLineEdit, "aliasEdit")
        self.experience = find_child(view, QComboBox, "experienceCombo")
        self.link_card = find_child(view, QFrame, "linkCard")
        self.link_title = find_child(view, QLabel, "linkTitle")
        self.link_summary = find_child(view, QLabel, "linkSummary")
        self.scroll = find_child(view, QScrollArea, "afterScroll")
        self.saved_label = find_child(view, QLabel, "savedLabel")
        self.save_button = find_child(view, QPushButton, "saveButton")
        self.pdf_button = find_child(view, QPushButton, "pdfButton")
        self.new_button = find_child(view, QPushButton, "newReflectionButton")
        self.link_summary.setTextFormat(Qt.TextFormat.RichText)

        self.link_light = held_light(find_child(view, QWidget, "linkLightHolder"), 34)
        for combo in (self.link_combo, self.audience, self.experience):
            compact_combo(combo)

        fill_audiences(self.audience, content, messages.FLOW_AUDIENCE_CHOOSE_AFTER)
        self._complete_aliases(self.alias)

        body = find_child(view, QWidget, "afterBody")
        layout = body.layout()
        assert isinstance(layout, QVBoxLayout)
        self.questions = QuestionGroup()
        try:
            sections = list(content.pack(PACK).sections)
        except KeyError:
            sections = []
        add_sections(layout, sections, self.questions)
        # Warning signs noticed: ticks appear under the question once it is answered.
        self.signs_heading = QLabel(messages.FLOW_AFTER_SIGNS_HEADING)
        self.signs_heading.setObjectName("subHeading")
        self.signs_heading.setWordWrap(True)
        self.signs = TickList(content.warning_signs, messages.FLOW_AFTER_SIGNS_ACCESSIBLE)
        signs_at = self.questions.widgets.get(SIGNS_QUESTION)
        index = layout.indexOf(signs_at) + 1 if signs_at is not None else layout.count()
        layout.insertWidget(index, self.signs_heading)
        layout.insertWidget(index + 1, self.signs)
        layout.addStretch(1)
        self._show_signs()

        self.keeper, self.draft_banner = attach_drafts(
            self, view, DRAFT_KEY, KIND, messages.FLOW_NOUN_REFLECTION
        )
        self.pdf = PdfExporter(view, content, self.saved_label, self.pdf_button, parent=self)
        self.live_flags = embed_panel(content, find_child(view, QWidget, "flagSide"))
        self.side_fit = fit_side(view, "afterRow", "afterScroll")  # below the form when narrow

        self.questions.connect(self._changed)
        self.signs.changed.connect(self._changed)
        self.alias.textChanged.connect(lambda _t: self._changed())
        self.audience.currentIndexChanged.connect(self._audience_changed)
        self.experience.currentIndexChanged.connect(lambda _i: self._changed())
        self.link_combo.currentIndexChanged.connect(self._link_chosen)
        self.save_button.clicked.connect(self.save)
        self.pdf_button.clicked.connect(self.export_pdf)
        self.new_button.clicked.connect(self.start_standalone)
        install_enter(view, self._enter)
        view.destroyed.connect(self.keeper.stop)
        chain_tab_order(
            [
                self.draft_banner.restore_button,
                self.draft_banner.discard_button,
                self.link_combo,
                self.audience,
                self.alias,
                self.experience,
                *[
                    w
                    for w in focusables(body)
                    if w not in (self.link_combo, self.audience, self.alias, self.experience)
                ],
                self.new_button,
                self.pdf_button,
                self.save_button,
            ]
        )
        self.set_vault(None)

    # ------------------------------------------------------------------ vault

    def _locked(self) -> None:
        self._lock_entry()
        self._fill_links()

    def _unlocked(self, vault: Vault) -> None:
        self.reload_plan()
        self.refresh_links()
        self._aliases.setStringList(vault.entries.client_aliases())

    def reload_plan(self) -> None:
        if self._vault is None:
            return
        self.plan = self._latest_plan(self._vault)
        with quietly(self):
            fill_experiences(
                self.experience, self.plan, self.current_audience, combo_data(self.experience)
            )

    def refresh_links(self) -> None:
        """Refill "Reflecting on" with the checks still waiting (and the linked one)."""
        with quietly(self):
            self._fill_links()

    def _fill_links(self) -> None:
        combo = self.link_combo
        combo.blockSignals(True)
        combo.clear()
        combo.addItem(messages.FLOW_STANDALONE, None)
        checks: list[Entry] = []
        if self._vault is not None:
            checks = list(self._vault.entries.pending_reflections())
        if self._check is not None and all(c.uid != self._check.uid for c in checks):
            checks.insert(0, self._check)
        for check in checks:
            combo.addItem(_check_line(check), check.uid)
        set_combo_data(combo, self._check.uid if self._check is not None else None)
        combo.blockSignals(False)

    # ------------------------------------------------------------------ starting

    @property
    def linked_check(self) -> Entry | None:
        return self._check

    @property
    def current_audience(self) -> str | None:
        return combo_data(self.audience)

    def start_for_check(self, uid: str) -> bool:
        """Begin a reflection on the check ``uid`` (from Home or the check's summary)."""
        if self._vault is None:
            return False
        check = self._vault.entries.get(uid)
        if check is None or check.kind != "before_check":
            return False
        if self._check is not None and self._check.uid == uid and self._saved is None:
            self._focus_first()
            return True
        self._set_aside()
        with quietly(self):
            self._clear_all()
            self._link(check)
        self.update_flags()
        self.draft_banner.refresh()
        self._focus_first()
        return True

    def start_standalone(self) -> None:
        """Begin a reflection that follows no check."""
        if self._check is None and self._saved is None and self.has_content():
            self._focus_first()
            return
        self._set_aside()
        with quietly(self):
            self._clear_all()
            self._fill_links()
        self.draft_banner.refresh()
        self.link_combo.setFocus(Qt.FocusReason.OtherFocusReason)

    def _set_aside(self) -> None:
        """Keep unsaved work as a draft that is offered back, then start a new session."""
        if self._saved is None and self.has_content():
            self.keeper.save_now()
        self.keeper.new_session()

    def _link(self, check: Entry) -> None:
        self._check = check
        self._fill_links()
        set_combo_data(self.audience, check.audience)
        self._apply_audience()
        if check.client_alias:
            self.alias.setText(check.client_alias)
        exp = check.answers.get(PLAN_EXPERIENCE_QUESTION)
        fill_experiences(
            self.experience, self.plan, self.current_audience, exp if isinstance(exp, str) else None
        )
        self._show_link()

    def _link_chosen(self, _index: int) -> None:
        uid = combo_data(self.link_combo)
        if self._loading:
            return
        if uid is None:
            self._check = None
            self._show_link()
            self._changed()
            return
        check = self._vault.entries.get(uid) if self._vault is not None else None
        if check is None:
            return
        with quietly(self):
            self._link(check)
        self._changed()

    def _show_link(self) -> None:
        check = self._check
        if check is None:
            self.link_card.hide()
            self.link_title.setText("")
            self.link_summary.setText("")
            self.link_light.set_light("")
            return
        light = check.answers.get(LIGHT_ANSWER_KEY)
        light = light if isinstance(light, str) and light in LIGHT_NAMES else ""
        self.link_light.set_light(light)
        set_banner_level(self.link_card, light or "notice")
        self.link_title.setText(
            messages.FLOW_LINK_TITLE.format(title=check.title, when=short_when(check.created))
        )
        lines = [line.strip() for line in check.body.splitlines() if line.strip()]
        headline = escape(lines[0]) if lines else ""
        reasons = [escape(line[2:]) for line in lines if line.startswith("- ")]
        html = f"<p>{headline}</p>" if headline else ""
        if reasons:
            html += (
                '<ul style="margin-left: 0px; -qt-list-indent: 1;">'
                + "".join(f"<li>{r}</li>" for r in reasons)
                + "</ul>"
            )
        self.link_summary.setText(html)
        self.link_card.setAccessibleDescription(check.body)
        self.link_card.show()

    # ------------------------------------------------------------------ changes

    def _audience_changed(self, _index: int = 0) -> None:
        self._apply_audience()
        self._changed()

    def _apply_audience(self) -> None:
        audience = self.current_audience
        self.questions.set_audience(audience)
        with quietly(self):
            fill_experiences(self.experience, self.plan, audience, combo_data(self.experience))

    def _show_signs(self) -> None:
        widget = self.questions.widgets.get(SIGNS_QUESTION)
        show = widget is not None and widget.value() in ("yes", "unsure")
        self.signs_heading.setVisible(show)
        self.signs.setVisible(show)

    def _changed(self) -> None:
        self._show_signs()
        if self._loading:
            return
        if self._saved is not None:
            self.saved_label.setText(messages.FLOW_CHANGED_SINCE_SAVE)
        self.update_flags()
        self.keeper.touch()

    def update_flags(self) -> None:
        """Let the live panel search what has been written (debounced there)."""
        entry = self.build_entry()
        answers = {k: v for k, v in entry.answers.items() if k != EXPERIENCE_KEY}
        self.live_flags.update(
            written_text(answers),
            entry.warning_signs,
            entry.audience,
            combo_data(self.experience),
            self.plan,
        )

    def _enter(self) -> None:
        """Enter: on to the next question (Ctrl+Enter from a text box), else the next field."""
        from PySide6.QtWidgets import QApplication

        focused = QApplication.focusWidget()
        if focused is None or not self.view.isAncestorOf(focused):
            return
        widgets = [w for w in self.questions.widgets.values() if not w.isHidden()]
        for n, widget in enumerate(widgets):
            if widget.isAncestorOf(focused):
                if n + 1 < len(widgets):
                    self.scroll.ensureWidgetVisible(widgets[n + 1])
                    widgets[n + 1].focus()
                else:
                    self.save_button.setFocus(Qt.FocusReason.TabFocusReason)
                return
        self.view.focusNextChild()

    def _focus_first(self) -> None:
        for widget in self.questions.widgets.values():
            if not widget.isHidden():
                self.scroll.ensureWidgetVisible(widget)
                widget.focus()
                return

    def has_content(self) -> bool:
        return bool(self.questions.values() or self.signs.values() or self.alias.text().strip())

    # ------------------------------------------------------------------ saving

    def title(self) -> str:
        if self._check is not None:
            what = self._check.title.split(":", 1)[-1].strip()
            return messages.FLOW_REFLECTION_TITLE.format(what=what)
        who = AUDIENCE_SINGULAR.get(self.current_audience or "", "")
        exp = self.plan.experience(combo_data(self.experience))
        what = exp.label if exp is not None else ""
        if not what:
            learned = self.questions.widgets.get("after.learned")
            value = learned.value() if learned is not None else None
            what = short_title(value) if isinstance(value, str) else ""
        parts = [p for p in (who, what) if p]
        if not parts:
            return messages.FLOW_REFLECTION_TITLE_EMPTY
        return messages.FLOW_REFLECTION_TITLE.format(what=" — ".join(parts))

    def build_entry(self) -> Entry:
        answers: dict[str, Any] = self.questions.values(visible_only=True)
        exp = combo_data(self.experience)
        if exp:
            answers[EXPERIENCE_KEY] = exp
        noticed = self.questions.widgets.get(SIGNS_QUESTION)
        signs = self.signs.values() if noticed is None or noticed.value() != "no" else []
        entry = Entry(
            kind=KIND,
            title=self.title(),
            client_alias=self.alias.text().strip() or None,
            audience=self.current_audience,
            answers=answers,
            warning_signs=signs,
            bring_to_supervision=answers.get(SUPERVISION_QUESTION) == "yes",
            linked_uid=self._check.uid if self._check is not None else None,
        )
        return self._as_saved(entry)

    def save(self) -> Entry | None:
        stored = self._store(self.saved_label.setText)
        if stored is None:
            return None
        self.saved_label.setText(
            messages.FLOW_REFLECTION_SAVED.format(when=short_when(stored.created))
        )
        self.reflectionSaved.emit(stored.uid)
        return stored

    @property
    def saved_entry(self) -> Entry | None:
        return self._saved

    def export_pdf(self) -> None:
        self.pdf.export(self.build_entry(), self.plan, "reflection")

    # ------------------------------------------------------------------ drafts

    def collect_draft(self) -> dict[str, Any]:
        if not self.has_content():
            return {}
        return {
            "linked_uid": self._check.uid if self._check is not None else None,
            "audience": self.current_audience,
            "alias": self.alias.text(),
            "experience": combo_data(self.experience),
            "answers": self.questions.values(),
            "signs": self.signs.values(),
            "saved_uid": self._saved.uid if self._saved is not None else None,
        }

    def restore_draft(self, payload: dict[str, Any]) -> None:
        with quietly(self):
            self._clear_all()
            saved = payload.get("saved_uid")
            if isinstance(saved, str) and self._vault is not None:
                self._saved = self._vault.entries.get(saved)
            linked = payload.get("linked_uid")
            check = None
            if isinstance(linked, str) and self._vault is not None:
                check = self._vault.entries.get(linked)
            if check is not None:
                self._link(check)
            else:
                self._fill_links()
            set_combo_data(self.audience, payload.get("audience"))
            self._apply_audience()
            self.alias.setText(str(payload.get("alias") or ""))
            exp = payload.get("experience")
            fill_experiences(
                self.experience,
                self.plan,
                self.current_audience,
                exp if isinstance(exp, str) else None,
            )
            answers = payload.get("answers")
            self.questions.set_values(answers if isinstance(answers, dict) else {})
            signs = payload.get("signs")
            self.signs.set_values(
                [s for s in signs if isinstance(s, str)] if isinstance(signs, list) else []
            )
        self._show_signs()
        self.update_flags()

    # ------------------------------------------------------------------ clearing

    def _clear_all(self) -> None:
        self.live_flags.reset()
        with quietly(self):
            self._check = None
            self._saved = None
            self.questions.clear()
            self.signs.clear()
            clear_text(self.alias)
            self.audience.setCurrentIndex(0)
            self.questions.set_audience(None)
            fill_experiences(self.experience, self.plan, None, None)
            self.saved_label.setText("")
            self._show_link()
            set_combo_data(self.link_combo, None)
        self._show_signs()


def _check_line(check: Entry) -> str:
    """ "Tue 4 Nov, 10:32 · Check: employer — my redundancy · Alex"."""
    parts = [short_when(check.created), check.title or messages.FLOW_CHECK_TITLE_EMPTY]
    if check.client_alias:
        parts.append(check.client_alias)
    light = check.answers.get(LIGHT_ANSWER_KEY)
    if isinstance(light, str) and light in LIGHT_NAMES:
        parts.append(LIGHT_NAMES[light])
    return " · ".join(parts)


def create_page(content: Content) -> tuple[str, str, QWidget, AfterPage, str]:
    """(key, title, view, controller, icon name) for ``MainWindow.add_page``."""
    view = load_ui("after")
    return PAGE_KEY, messages.FLOW_PAGE_AFTER, view, AfterPage(view, content), "after"
