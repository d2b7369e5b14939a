"""The Prepare page: the Box 1 workbook that produces the personal sharing plan.

Four tabs:

* **Experiences** — a grid of the experiences the practitioner names (in their
  own words) against the four audiences, each cell a level: share freely,
  share briefly, not now (still too raw) or never. Below or beside it, the
  chosen experience's words, kind (one of the paper's six), levels and notes.
* **Boundaries and lines** — the will-not-share list, what to say if asked for
  more, ready-made redirect lines, how to explain sharing to a manager or a
  sceptical colleague, and the social media check.
* **Questions to think about** (Box 1 of the paper) — the paper's preparation
  questions, each with help and source (those the plan already covers are not
  asked twice).
* **History** — every saved version, newest first, readable but not editable;
  "Start from this version" copies one back into the editor.

Save makes a new plan version (``vault.plans.save``; earlier ones are kept)
and a ``preparation`` entry for the journal. See :mod:`ips_reflect.core.plan`
for the payload. The view is ``ui/prepare.ui``; :class:`PreparePage` is its
controller.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QWidget

from ips_reflect import messages
from ips_reflect.core.content import Content
from ips_reflect.core.entries import Entry
from ips_reflect.core.plan import SharingPlan, plan_summary
from ips_reflect.errors import UserError
from ips_reflect.gui.pages.prepare.form import LIST_FIELDS, PAGE_KEY, PrepareForm
from ips_reflect.gui.pages.prepare.grid import GridPart
from ips_reflect.gui.pages.prepare.history import HistoryPart
from ips_reflect.gui.shell.uiloader import find_child, load_ui
from ips_reflect.gui.widgets.drafts import quietly, short_date, short_when
from ips_reflect.gui.widgets.flow_form import chain_tab_order, focusables, install_enter

if TYPE_CHECKING:
    from ips_reflect.store.vault import Vault


class PreparePage(GridPart, HistoryPart, PrepareForm):
    """Controller of ``ui/prepare.ui``: the plan grid and its history, built on the form."""

    def __init__(self, view: QWidget, content: Content, parent: QObject | None = None) -> None:
        super().__init__(view, content, parent)

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
                *focusables(find_child(view, QWidget, "tabExperiences")),
                *focusables(find_child(view, QWidget, "linesBody")),
                *focusables(find_child(view, QWidget, "questionsBody")),
                self.history,
                self.history_view,
                self.use_version,
                self.save_button,
            ]
        )
        self._show_editor()
        self.set_vault(None)

    # ------------------------------------------------------------------ vault

    def _locked(self) -> None:
        self._saved_payload = None
        self._saved_version = None
        self._clear_all()

    def _unlocked(self, vault: Vault) -> None:
        latest = vault.plans.latest()
        self._saved_version = latest
        self._saved_payload = (
            SharingPlan.from_payload(latest.payload).to_payload() if latest else None
        )
        self.load_plan(SharingPlan.from_payload(latest.payload if latest else None))
        self._fill_history()
        self._update_status()

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


def create_page(content: Content) -> tuple[str, str, QWidget, PreparePage, str]:
    """(key, title, view, controller, icon name) for ``MainWindow.add_page``."""
    view = load_ui("prepare")
    return PAGE_KEY, messages.FLOW_PAGE_PREPARE, view, PreparePage(view, content), "prepare"
