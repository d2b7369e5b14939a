"""Actions agreed in supervision: this session's and open ones from earlier sessions;
added, done (or reopened) and deleted.
"""

from __future__ import annotations

from datetime import date

from ips_reflect import messages
from ips_reflect.core.supervision import action_state
from ips_reflect.gui.pages.supervision.base import SupervisionBase
from ips_reflect.gui.pages.supervision.models import ActionRow
from ips_reflect.gui.widgets.ask import confirm
from ips_reflect.gui.widgets.models import select_row
from ips_reflect.store.records import Action


class ActionsPart(SupervisionBase):
    """The agreed actions."""

    # ------------------------------------------------------------------ actions

    def reload_actions(self) -> None:
        """Read the actions again: this session's, and open ones from earlier sessions."""
        if self.vault is None or self.session is None:
            self.actions_model.set_rows([])
            self._update_action_buttons()
            return
        keep = self.current_action()
        days = {s.id: s.held_on for s in self.sessions_model.rows()}
        today = self.today or date.today()
        rows = [
            ActionRow(a, days.get(a.session_id, ""), action_state(a.due_on, a.done_on, today))
            for a in self.vault.supervision.actions()
            if a.session_id == self.session.id or a.done_on is None
        ]
        self.actions_model.set_rows(rows)
        row = self.actions_model.row_of(keep.id) if keep is not None else -1
        if rows:
            self.actions_table.selectRow(max(row, 0))
        self._update_action_buttons()

    def actions(self) -> list[Action]:
        return [r.action for r in self.actions_model.rows()]

    def current_action(self) -> Action | None:
        row = self.actions_model.current_in(self.actions_table)
        return row.action if row is not None else None

    def select_action(self, action_id: int) -> bool:
        return select_row(self.actions_table, self.actions_model.row_of(action_id))

    def add_action(
        self, text: str | None = None, due_on: str | bool | None = False
    ) -> Action | None:
        """Add an agreed action (from the boxes unless given). ``due_on`` False: from the
        date box if ticked; None: no due date; else an ISO date."""
        if self.vault is None or self.session is None:
            return None
        text = " ".join((text if text is not None else self.action_edit.text()).split())
        if not text:
            self._say(messages.SUPV_ACTION_EMPTY)
            self.action_edit.setFocus()
            return None
        if due_on is False:
            due_on = (
                self.due_edit.date().toString("yyyy-MM-dd") if self.due_check.isChecked() else None
            )
        try:
            action = self.vault.supervision.add_action(
                self.session.id, text, due_on if isinstance(due_on, str) else None
            )
        except Exception as exc:
            self._say(messages.SUPV_SAVE_FAILED.format(error=exc))
            return None
        self.action_edit.clear()
        self.reload_actions()
        self.select_action(action.id)
        self._say(messages.SUPV_ACTION_ADDED.format(text=text))
        self.actionsChanged.emit()
        return action

    def toggle_action_done(self) -> bool:
        """Mark the chosen action done today, or open again if it was done."""
        action = self.current_action()
        if self.vault is None or action is None:
            return False
        done_on = None if action.done_on else (self.today or date.today()).isoformat()
        self.vault.supervision.set_action_done(action.id, done_on)
        self.reload_actions()
        self.select_action(action.id)
        self._say(
            (messages.SUPV_ACTION_DONE if done_on else messages.SUPV_ACTION_REOPENED).format(
                text=action.text
            )
        )
        self.actionsChanged.emit()
        return done_on is not None

    def delete_action(self) -> bool:
        action = self.current_action()
        if self.vault is None or action is None:
            return False
        if not confirm(
            self.view,
            messages.SUPV_ACTION_DELETE_TITLE,
            messages.SUPV_ACTION_DELETE_QUESTION.format(text=action.text),
        ):
            return False
        self.vault.supervision.delete_action(action.id)
        self.reload_actions()
        self._say(messages.SUPV_ACTION_DELETED.format(text=action.text))
        self.actionsChanged.emit()
        return True

    def _update_action_buttons(self) -> None:
        action = self.current_action()
        has = action is not None and self.vault is not None
        self.action_done_button.setEnabled(has)
        self.delete_action_button.setEnabled(has)
        done = action is not None and action.done_on is not None
        self.action_done_button.setText(
            messages.SUPV_ACTION_REOPEN_BUTTON if done else messages.SUPV_ACTION_DONE_BUTTON
        )
        self.action_done_button.setAccessibleName(
            messages.SUPV_ACTION_REOPEN_NAME if done else messages.SUPV_ACTION_DONE_NAME
        )
