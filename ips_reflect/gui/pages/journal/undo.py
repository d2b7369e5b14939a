"""Changes to entries that the Journal can undo and redo (both write to the vault): edits
of fields, the supervision mark, moving to the bin and back, new entries; and deleting
from the bin for good (not undoable).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from typing import Any

from PySide6.QtGui import QUndoCommand
from PySide6.QtWidgets import QMessageBox

from ips_reflect import messages
from ips_reflect.core.entries import Entry
from ips_reflect.errors import UserError
from ips_reflect.gui.pages.journal.base import PANE_EDIT, JournalBase, entries_word
from ips_reflect.gui.widgets.ask import confirm


class _JournalCommand(QUndoCommand):
    """A change to entries that the journal can undo and redo (both write to the vault)."""

    def __init__(self, journal: JournalBase, text: str) -> None:
        super().__init__(text)
        self.journal = journal


class EditFieldsCommand(_JournalCommand):
    """Set some fields of one entry (title, body, tags, alias, audience, supervision)."""

    def __init__(
        self,
        journal: JournalBase,
        uid: str,
        before: dict[str, Any],
        after: dict[str, Any],
        text: str,
    ) -> None:
        super().__init__(journal, text)
        self.uid, self.before, self.after = uid, before, after

    def redo(self) -> None:
        self.journal._write_fields(self.uid, self.after)

    def undo(self) -> None:
        self.journal._write_fields(self.uid, self.before)


class BinCommand(_JournalCommand):
    """Move entries to the bin (redo) and back out (undo); or the other way round."""

    def __init__(
        self, journal: JournalBase, uids: Sequence[str], text: str, *, restore: bool = False
    ) -> None:
        super().__init__(journal, text)
        self.uids = list(uids)
        self.restore = restore

    def redo(self) -> None:
        self.journal._move_to_bin(self.uids, back=self.restore)

    def undo(self) -> None:
        self.journal._move_to_bin(self.uids, back=not self.restore)


class AddEntryCommand(_JournalCommand):
    """A new journal entry: undo moves it to the bin, redo brings it back."""

    def __init__(self, journal: JournalBase, entry: Entry, text: str) -> None:
        super().__init__(journal, text)
        self.entry = entry
        self.added = False

    def redo(self) -> None:
        if not self.added:
            self.added = self.journal._add_entry(self.entry)
        else:
            self.journal._move_to_bin([self.entry.uid], back=True)

    def undo(self) -> None:
        if self.added:
            self.journal._move_to_bin([self.entry.uid], back=False)


class ChangesPart(JournalBase):
    """Writing entries through the undo stack."""

    # ------------------------------------------------------------------ writing (through undo)

    def _after_change(self, ids: Sequence[int], show_id: int | None = None) -> None:
        if self.vault is None:
            return
        self.catalog.refresh(self.vault.db, ids)
        self.model.rows_changed(ids)
        self._context_cache = None
        self._refill_dynamic_lists()
        if show_id is not None:
            self._current_id = show_id
        self.apply_search()
        if (
            self._current_id is not None
            and self.model.row_of_id(self._current_id) >= 0
            and self.pane.currentIndex() != PANE_EDIT
        ):
            self.open_id(self._current_id)
        self.entriesChanged.emit()

    def _write_fields(self, uid: str, fields: dict[str, Any]) -> bool:
        if self.vault is None:
            return False
        entry = self.vault.entries.get(uid)
        if entry is None:
            self.statusMessage.emit(messages.JOURNAL_GONE)
            return False
        try:
            self.vault.entries.update(replace(entry, **fields))
        except UserError as exc:
            self._tell(messages.JOURNAL_SAVE_FAILED_TITLE, exc.message)
            return False
        assert entry.id is not None
        self._after_change([entry.id], show_id=entry.id if self._current_id == entry.id else None)
        return True

    def _move_to_bin(self, uids: Sequence[str], *, back: bool) -> None:
        if self.vault is None:
            return
        ids = []
        for uid in uids:
            info = self.catalog.by_uid(uid)
            done = self.vault.entries.restore(uid) if back else self.vault.entries.delete(uid)
            if info is not None and done:
                ids.append(info.id)
        if not ids:
            return
        if self._current_id in ids and not back:
            self._current_id = self._next_id_after(ids)
            self._current = None
        elif back and len(ids) == 1:
            self._current_id = ids[0] if not self._filter.in_bin else None
        self._after_change(ids)
        n = len(ids)
        text = messages.JOURNAL_RESTORED if back else messages.JOURNAL_BINNED
        self.statusMessage.emit(text.format(n=n, entries=entries_word(n)))

    def _next_id_after(self, removed: Sequence[int]) -> int | None:
        gone = set(removed)
        rows = [self.model.row_of_id(i) for i in removed]
        start = max(rows) if rows else -1
        for row in range(start + 1, self.model.rowCount()):
            entry_id = self.model.id_at(row)
            if entry_id is not None and entry_id not in gone:
                return entry_id
        for row in range(min(rows) - 1 if rows else -1, -1, -1):
            entry_id = self.model.id_at(row)
            if entry_id is not None and entry_id not in gone:
                return entry_id
        return None

    def _add_entry(self, entry: Entry) -> bool:
        if self.vault is None:
            return False
        try:
            stored = self.vault.entries.add(entry)
        except UserError as exc:
            self._tell(messages.JOURNAL_SAVE_FAILED_TITLE, exc.message)
            return False
        assert stored.id is not None
        self._current_id = stored.id
        self._after_change([stored.id], show_id=stored.id)
        if self.model.row_of_id(stored.id) < 0:
            # Filters or the search hide the new entry: show it anyway.
            self.show_entry(stored.uid)
        return True

    # ------------------------------------------------------------------ supervision, bin

    def set_supervision(self, checked: bool) -> None:
        """Mark (or unmark) the shown entry to bring to supervision; undoable."""
        if self._updating or self._current is None or self.vault is None:
            return
        entry = self._current
        if entry.bring_to_supervision == checked:
            return
        text = (
            messages.JOURNAL_UNDO_SUPERVISION_ON
            if checked
            else messages.JOURNAL_UNDO_SUPERVISION_OFF
        )
        self.undo_stack.push(
            EditFieldsCommand(
                self,
                entry.uid,
                {"bring_to_supervision": entry.bring_to_supervision},
                {"bring_to_supervision": checked},
                text,
            )
        )

    def delete_selected(self) -> bool:
        """Move the selected entries to the bin, after asking; undoable."""
        uids = self._confirmed(
            False, messages.JOURNAL_DELETE_TITLE, messages.JOURNAL_DELETE_ASK, days=30
        )
        if not uids:
            return False
        self.undo_stack.push(BinCommand(self, uids, messages.JOURNAL_UNDO_DELETE))
        return True

    def restore_selected(self) -> bool:
        uids = self._selected(in_bin=True)
        if not uids or self.vault is None:
            return False
        self.undo_stack.push(BinCommand(self, uids, messages.JOURNAL_UNDO_RESTORE, restore=True))
        return True

    def delete_forever_selected(self) -> bool:
        """Delete the selected entries in the bin for good, after asking (not undoable)."""
        uids = self._confirmed(
            True, messages.JOURNAL_DELETE_FOREVER_TITLE, messages.JOURNAL_DELETE_FOREVER_ASK
        )
        if not uids or self.vault is None:
            return False
        ids = []
        for uid in uids:
            info = self.catalog.by_uid(uid)
            if self.vault.entries.delete_forever(uid) and info is not None:
                ids.append(info.id)
        if self._current_id in ids:
            self._current_id = self._next_id_after(ids)
            self._current = None
        self._after_change(ids)
        self.statusMessage.emit(
            messages.JOURNAL_DELETED_FOREVER.format(n=len(ids), entries=entries_word(len(ids)))
        )
        return True

    def _selected(self, in_bin: bool) -> list[str]:
        """The uids of the selected entries in the bin (``in_bin``) or out of it."""
        return [u for u in self.selected_uids() if self._in_bin(u) == in_bin]

    def _confirmed(self, in_bin: bool, title: str, ask: str, **details: object) -> list[str]:
        """The uids of the selected entries in the bin (``in_bin``) or out of it, once
        the user said Yes to ``ask`` (given the number of entries and ``details``);
        none while locked, when none is selected or when the user said Cancel."""
        uids = self._selected(in_bin)
        if not uids or self.vault is None:
            return []
        n = len(uids)
        text = ask.format(n=n, entries=entries_word(n), **details)
        yes, cancel = QMessageBox.StandardButton.Yes, QMessageBox.StandardButton.Cancel
        return uids if confirm(self.view, title, text, yes, cancel) else []

    def _in_bin(self, uid: str) -> bool:
        info = self.catalog.by_uid(uid)
        return info is not None and info.in_bin
