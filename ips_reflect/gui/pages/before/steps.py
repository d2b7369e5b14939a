"""Moving through the check's steps (or the quick page), the step trail and the summary
with its light, and reacting to every change of the answers.
"""

from __future__ import annotations

from html import escape
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QScrollArea

from ips_reflect import messages
from ips_reflect.gui.pages.before.form import STEP_NAMES, STEPS, SUMMARY, BeforeForm
from ips_reflect.gui.widgets.drafts import quietly
from ips_reflect.gui.widgets.flag_panel import written_text
from ips_reflect.gui.widgets.flow_form import PlanPicker
from ips_reflect.gui.widgets.question_widgets import QuestionWidget
from ips_reflect.gui.widgets.traffic_light import set_banner_level


class StepsPart(BeforeForm):
    """Navigation and changes."""

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
        if not self._loading:
            self.keeper.touch()  # the step is part of the draft

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
