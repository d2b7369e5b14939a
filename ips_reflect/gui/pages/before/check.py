"""What the check holds (answers, audience, plan experience, the light), the entry it
is saved as, its drafts, and clearing it for a new check.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt

from ips_reflect import messages
from ips_reflect.core.check import LIGHT_ANSWER_KEY, PLAN_EXPERIENCE_QUESTION, Assessment, assess
from ips_reflect.core.entries import Entry
from ips_reflect.core.plan import PlanDeviation, deviation
from ips_reflect.gui.pages.before.form import KIND, STEPS, SUMMARY, BeforeForm
from ips_reflect.gui.widgets.drafts import short_when
from ips_reflect.gui.widgets.flag_panel import written_text
from ips_reflect.gui.widgets.flow_form import (
    AUDIENCE_SINGULAR,
    combo_data,
    set_combo_data,
    short_title,
)
from ips_reflect.gui.widgets.question_widgets import clear_text
from ips_reflect.gui.widgets.traffic_light import set_banner_level


class CheckPart(BeforeForm):
    """The check's state, saving, drafts and clearing."""

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
        return self._as_saved(entry)

    def has_content(self) -> bool:
        return bool(
            self.alias.text().strip()
            or self.full.values()
            or self.reasons.values()
            or self.signs.values()
            or self.experience_id()
        )

    # ------------------------------------------------------------------ saving

    def save(self) -> Entry | None:
        """Save the check (a second save updates it). Never blocked by the light."""
        stored = self._store(self._show_error)
        if stored is None:
            return None
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
