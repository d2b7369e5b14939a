"""The Journal's editor: a free journal entry written (or any entry's fields edited) in
the reading pane's place, with the live flag panel below it and a draft kept while
typing.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from ips_reflect import messages
from ips_reflect.core.entries import AUDIENCES, Entry, check_entry
from ips_reflect.gui.pages.journal.base import PANE_EDIT, PANE_EMPTY, JournalBase
from ips_reflect.gui.pages.journal.undo import AddEntryCommand, EditFieldsCommand
from ips_reflect.gui.widgets.ask import confirm


def _edit_text(fields: list[str]) -> str:
    if len(fields) == 1:
        return messages.JOURNAL_UNDO_FIELD.get(fields[0], messages.JOURNAL_UNDO_EDIT)
    return messages.JOURNAL_UNDO_EDIT


def _text(value: object) -> str:
    return value if isinstance(value, str) else ""


class EditorPart(JournalBase):
    """The editor and its drafts."""

    # ------------------------------------------------------------------ the editor

    @property
    def editing(self) -> bool:
        return self.pane.currentIndex() == PANE_EDIT

    def new_entry(self) -> None:
        """Open the editor on a new free journal entry."""
        if self.vault is None:
            return
        if self.editing and not self._leave_editor():
            return
        self._editing_uid = None
        self._editing_kind = "journal"
        self.keeper.new_session()
        self.live_flags.reset()
        with self.keeper.paused():
            self._clear_editor_fields()
        self.editor_heading.setText(messages.JOURNAL_EDITOR_NEW)
        self._show_body_field(True)
        self.pane.setCurrentIndex(PANE_EDIT)
        self.title_edit.setFocus(Qt.FocusReason.OtherFocusReason)

    def edit_current(self) -> None:
        """Open the editor on the entry in the reading pane."""
        entry = self._current
        if entry is None or self.vault is None or entry.deleted_at is not None:
            return
        self.keeper.new_session()
        with self.keeper.paused():
            self._fill_editor(entry.uid, entry.kind, self._fields_of(entry))
        self.pane.setCurrentIndex(PANE_EDIT)
        self.title_edit.setFocus(Qt.FocusReason.OtherFocusReason)

    def _fill_editor(self, uid: str | None, kind: str, fields: dict[str, Any]) -> None:
        self.live_flags.reset()
        self._editing_uid = uid
        self._editing_kind = kind
        self.editor_heading.setText(
            messages.JOURNAL_EDITOR_NEW
            if uid is None
            else messages.JOURNAL_EDITOR_EDIT.format(
                kind=messages.JOURNAL_KIND_NAMES.get(kind, kind).lower()
            )
        )
        self.title_edit.setText(fields.get("title") or "")
        self.body_edit.setPlainText(fields.get("body") or "")
        self.tags_edit.setText(", ".join(fields.get("tags") or []))
        self.alias_edit.setText(fields.get("client_alias") or "")
        self.editor_audience.setCurrentIndex(
            max(0, self.editor_audience.findData(fields.get("audience")))
        )
        self._show_body_field(kind == "journal")

    def _show_body_field(self, on: bool) -> None:
        self.body_edit.setVisible(on)
        self.body_label.setVisible(on)
        self.live_flags.changed()  # the notes are searched only when shown

    @staticmethod
    def _fields_of(entry: Entry) -> dict[str, Any]:
        return {
            "title": entry.title,
            "body": entry.body,
            "tags": list(entry.tags),
            "client_alias": entry.client_alias,
            "audience": entry.audience,
        }

    def _editor_fields(self) -> dict[str, Any]:
        tags = [t.strip() for t in self.tags_edit.text().split(",") if t.strip()]
        alias = self.alias_edit.text().strip()
        return {
            "title": self.title_edit.text().strip(),
            "body": self.body_edit.toPlainText(),
            "tags": list(dict.fromkeys(tags)),
            "client_alias": alias or None,
            "audience": self.editor_audience.currentData(),
        }

    def _editor_changed(self) -> bool:
        fields = self._editor_fields()
        if self._editing_uid is None:
            return bool(
                fields["title"]
                or fields["body"].strip()
                or fields["tags"]
                or fields["client_alias"]
            )
        entry = self.vault.entries.get(self._editing_uid) if self.vault is not None else None
        if entry is None:
            return False
        return fields != self._fields_of(entry)

    def save_edit(self) -> bool:
        """Save the editor's entry (new, or changes to an existing one); undoable."""
        if self.vault is None or not self.editing:
            return False
        fields = self._editor_fields()
        if self._editing_uid is None:
            if not (fields["title"] or fields["body"].strip()):
                self._tell(messages.JOURNAL_SAVE_FAILED_TITLE, messages.JOURNAL_NEED_TEXT)
                return False
            entry = Entry(kind="journal", **fields)
            kept = self._close_if_valid(entry)
            if kept is None:
                return False
            self.undo_stack.push(AddEntryCommand(self, entry, messages.JOURNAL_UNDO_NEW))
            self.show_flag_changes(self.live_flags.keep(self.vault, entry.uid, kept))
            return True
        stored = self.vault.entries.get(self._editing_uid) if self.vault is not None else None
        if stored is None:
            self._tell(messages.JOURNAL_SAVE_FAILED_TITLE, messages.JOURNAL_GONE)
            return False
        entry = stored
        if entry.kind != "journal":
            fields.pop("body")
        before = {k: v for k, v in self._fields_of(entry).items() if k in fields}
        changed = {k: v for k, v in fields.items() if before.get(k) != v}
        kept = self._close_if_valid(replace(entry, **fields))
        if kept is None:
            return False
        if changed:
            self.undo_stack.push(
                EditFieldsCommand(
                    self,
                    entry.uid,
                    {k: before[k] for k in changed},
                    changed,
                    _edit_text(list(changed)),
                )
            )
        elif entry.id is not None:
            self.open_id(entry.id)
        self.show_flag_changes(self.live_flags.keep(self.vault, entry.uid, kept))
        return True

    def _close_if_valid(self, entry: Entry) -> dict[tuple[str, str], str] | None:
        """Close the editor if ``entry`` may be saved (its flags taken from the live
        panel, returned); else say why not and return None."""
        problems = check_entry(entry)
        if problems:
            self._tell(messages.JOURNAL_SAVE_FAILED_TITLE, problems[0])
            return None
        kept = self.live_flags.take()
        self.keeper.discard()
        self._close_editor()
        return kept

    def cancel_edit(self) -> bool:
        """Close the editor; asks first if something was typed."""
        if not self.editing:
            return True
        if not self._leave_editor():
            return False
        if self._current_id is not None:
            self.open_id(self._current_id)
        else:
            self._show_empty(self._empty_text(self.model.rowCount(), self.model.query))
        return True

    def _leave_editor(self) -> bool:
        if (
            self.vault is not None
            and self._editor_changed()
            and not confirm(
                self.view,
                messages.JOURNAL_DISCARD_TITLE,
                messages.JOURNAL_DISCARD_ASK,
                QMessageBox.StandardButton.Discard,
                QMessageBox.StandardButton.Cancel,
            )
        ):
            return False
        self.keeper.discard()
        self._close_editor()
        return True

    def _close_editor(self) -> None:
        self.live_flags.reset()
        self.keeper.stop()
        with self.keeper.paused():
            self._clear_editor_fields()
        self._editing_uid = None
        if self.pane.currentIndex() == PANE_EDIT:
            self.pane.setCurrentIndex(PANE_EMPTY)

    def _clear_editor_fields(self) -> None:
        self.title_edit.clear()
        self.body_edit.clear()
        self.tags_edit.clear()
        self.alias_edit.clear()
        self.editor_audience.setCurrentIndex(0)

    def _on_body_changed(self) -> None:
        if self.editing:
            self.keeper.touch()

    # drafts

    def _collect_draft(self) -> dict[str, Any]:
        if not self.editing or not self._editor_changed():
            return {}
        return {"uid": self._editing_uid, "kind": self._editing_kind, **self._editor_fields()}

    def _restore_draft(self, payload: dict[str, Any]) -> None:
        uid = payload.get("uid") if isinstance(payload.get("uid"), str) else None
        kind = "journal"
        if uid is not None and self.vault is not None:
            entry = self.vault.entries.get(uid)
            if entry is None or entry.deleted_at is not None:
                uid = None
            else:
                kind = entry.kind
                if entry.id is not None:
                    self._current_id = entry.id
                    self._current = entry
        fields = {
            "title": _text(payload.get("title")),
            "body": _text(payload.get("body")),
            "tags": [t for t in payload.get("tags") or [] if isinstance(t, str)],
            "client_alias": _text(payload.get("client_alias")) or None,
            "audience": payload.get("audience") if payload.get("audience") in AUDIENCES else None,
        }
        self._fill_editor(uid, kind, fields)
        self.pane.setCurrentIndex(PANE_EDIT)
