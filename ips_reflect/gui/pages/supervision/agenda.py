"""A session's agenda: items shown resolved (consented entries only), ticked as
discussed, given notes, moved, removed, topics and new items added, flags marked.
"""

from __future__ import annotations

import contextlib
from dataclasses import replace
from html import escape

from PySide6.QtCore import QItemSelectionModel, QModelIndex, Qt

from ips_reflect import messages
from ips_reflect.core.entries import Entry
from ips_reflect.core.supervision import AgendaItem
from ips_reflect.gui.pages.supervision.base import SupervisionBase
from ips_reflect.gui.pages.supervision.data import fresh_agenda, load_agenda
from ips_reflect.gui.pages.supervision.presenter import item_css, item_html, item_title
from ips_reflect.gui.widgets import flag_panel
from ips_reflect.gui.widgets import theme as theming
from ips_reflect.gui.widgets.agenda import AGENDA_KEY, next_agenda_flag_ids


class AgendaPart(SupervisionBase):
    """The agenda of the session shown."""

    # ------------------------------------------------------------------ agenda

    def reload_entries(self) -> None:
        """Entries or flags changed elsewhere (or the page is shown): check the agenda again,
        so an entry that is no longer marked disappears at once."""
        if self.vault is None or self.session is None:
            return
        self.save_item_note()
        self._load_agenda(self._current_row())

    def _load_agenda(self, keep_row: int | None = None) -> None:
        assert self.vault is not None and self.session is not None
        keep = self.agenda_model.item_at(keep_row) if keep_row is not None else None
        session = self.vault.supervision.get_session(self.session.id) or self.session
        self.session = replace(self.session, agenda=session.agenda, updated=session.updated)
        self.items, self.entries = load_agenda(self.vault, self.content, self.session)
        self._load_exchange()
        self._show_items(keep, keep_row)
        self._update_presenter()
        self.agendaChanged.emit()

    def _titles(self) -> list[str]:
        consented_map = {e.uid: e for e in self.entries}
        return [item_title(i, consented_map) for i in self.items]

    def _marks(self) -> list[str]:
        """Under each item the supervisor commented on: a line saying so."""
        name = self.commenter()
        return [
            messages.EXG_AGENDA_COMMENTED.format(name=name)
            if self.item_comments.get((i.kind, i.ref))
            else ""
            for i in self.items
        ]

    def _show_items(self, keep: AgendaItem | None = None, fallback_row: int | None = 0) -> None:
        self._loading = True
        try:
            self.agenda_model.set_rows(self.items, self._titles(), self._marks())
        finally:
            self._loading = False
        row = -1
        if keep is not None:
            row = next(
                (n for n, i in enumerate(self.items) if (i.kind, i.ref) == (keep.kind, keep.ref)),
                -1,
            )
        if row < 0 and self.items:
            row = min(max(fallback_row or 0, 0), len(self.items) - 1)
        self._note_row = -1
        if row >= 0:
            self.agenda_list.selectionModel().setCurrentIndex(
                self.agenda_model.index(row), QItemSelectionModel.SelectionFlag.ClearAndSelect
            )
        self._on_agenda_row(self.agenda_list.currentIndex(), QModelIndex())

    def agenda(self) -> list[AgendaItem]:
        """The agenda as shown (resolved: only consented entries)."""
        return self.agenda_model.rows()

    def consented(self) -> list[Entry]:
        return list(self.entries)

    def _current_row(self) -> int:
        index = self.agenda_list.currentIndex()
        return index.row() if index.isValid() else -1

    def current_item(self) -> AgendaItem | None:
        return self.agenda_model.item_at(self._current_row())

    def select_item(self, row: int) -> bool:
        if not 0 <= row < self.agenda_model.rowCount():
            return False
        self.agenda_list.selectionModel().setCurrentIndex(
            self.agenda_model.index(row), QItemSelectionModel.SelectionFlag.ClearAndSelect
        )
        return True

    def _on_agenda_row(self, _current: QModelIndex, _previous: QModelIndex) -> None:
        if self._loading:
            return
        if self._note_row >= 0 and self._note_row != self._current_row():
            self.save_item_note(self._note_row)
        self._note_row = self._current_row()
        item = self.current_item()
        self.item_note_edit.blockSignals(True)
        self.item_note_edit.setText(item.note if item is not None else "")
        self.item_note_edit.setModified(False)
        self.item_note_edit.blockSignals(False)
        self._render_item()

    def _render_item(self) -> None:
        item = self.current_item()
        pt = self.item_view.font().pointSize()
        self.item_view.document().setDefaultStyleSheet(item_css(theming.current_theme(), pt))
        if item is None:
            text = ""
            if self.session is not None:
                text = messages.SUPV_AGENDA_EMPTY if not self.items else messages.SUPV_CHOOSE_ITEM
            self.item_view.setHtml(f'<p class="muted">{escape(text)}</p>' if text else "")
        else:
            consented_map = {e.uid: e for e in self.entries}
            self.item_view.setHtml(
                item_html(
                    item,
                    self.content,
                    consented_map,
                    comments=self.item_comments.get((item.kind, item.ref), ()),
                    commenter=self.commenter(),
                )
            )
        self._update_buttons()

    def _save_agenda(self, message: str | None = None) -> bool:
        """Store the agenda shown (only resolved items are kept)."""
        if self.vault is None or self.session is None:
            return False
        try:
            self.session = self.vault.supervision.update_session(
                replace(self.session, agenda=[i.to_json() for i in self.items])
            )
        except Exception as exc:
            self._say(messages.SUPV_SAVE_FAILED.format(error=exc))
            return False
        if message:
            self._say(message)
        self._update_presenter()
        self.agendaChanged.emit()
        return True

    def set_discussed(self, row: int, discussed: bool) -> bool:
        item = self.agenda_model.item_at(row)
        if item is None:
            return False
        if item.discussed != discussed:
            self.agenda_model.setData(
                self.agenda_model.index(row),
                Qt.CheckState.Checked if discussed else Qt.CheckState.Unchecked,
                Qt.ItemDataRole.CheckStateRole,
            )
        return True

    def toggle_discussed(self) -> bool:
        item = self.current_item()
        if item is None:
            return False
        self.set_discussed(self._current_row(), not item.discussed)
        return not item.discussed

    def _on_discussed_changed(self, row: int, discussed: bool) -> None:
        if self._loading or not 0 <= row < len(self.items):
            return
        self.items[row] = replace(self.items[row], discussed=discussed)
        title = self.agenda_model.data(self.agenda_model.index(row), Qt.ItemDataRole.ToolTipRole)
        self._save_agenda(
            (messages.SUPV_MARKED_DISCUSSED if discussed else messages.SUPV_MARKED_OPEN).format(
                title=title
            )
        )
        if row == self._current_row():
            self._render_item()

    def save_item_note(self, row: int | None = None) -> bool:
        """Keep the note typed for an agenda item (the chosen one by default)."""
        row = self._note_row if row is None else row
        if self.session is None or not 0 <= row < len(self.items):
            return False
        if not self.item_note_edit.isModified():
            return False
        note = self.item_note_edit.text().strip()
        self.item_note_edit.setModified(False)
        if self.items[row].note == note:
            return False
        self.items[row] = replace(self.items[row], note=note)
        saved = self._save_agenda(messages.SUPV_NOTE_SAVED)
        if saved:
            self._loading = True
            try:
                current = self._current_row()
                self.agenda_model.set_rows(self.items, self._titles(), self._marks())
                if current >= 0:
                    self.agenda_list.selectionModel().setCurrentIndex(
                        self.agenda_model.index(current),
                        QItemSelectionModel.SelectionFlag.ClearAndSelect,
                    )
            finally:
                self._loading = False
            if row == self._current_row():
                self._render_item()
        return saved

    def set_item_note(self, note: str) -> bool:
        """Type a note for the chosen item and keep it (as a person would)."""
        self.item_note_edit.setText(note)
        self.item_note_edit.setModified(True)
        return self.save_item_note()

    def move_item(self, delta: int) -> int:
        """Move the chosen item up (-1) or down (+1); returns its new row."""
        row = self._current_row()
        target = row + delta
        if row < 0 or not 0 <= target < len(self.items):
            return row
        self.save_item_note()
        self.items[row], self.items[target] = self.items[target], self.items[row]
        self._save_agenda()
        self._show_items(self.items[target])
        self._say(
            messages.SUPV_MOVED.format(
                title=self.items[target].title, pos=target + 1, total=len(self.items)
            )
        )
        return target

    def remove_item(self) -> bool:
        row = self._current_row()
        item = self.current_item()
        if item is None:
            return False
        self.save_item_note()
        del self.items[row]
        self._save_agenda(messages.SUPV_REMOVED.format(title=item.title))
        self._show_items(None, row)
        return True

    def add_topic(self, topic_id: str | None = None) -> bool:
        if self.session is None:
            return False
        tid = topic_id or self.topic_combo.currentData()
        topic = self.content.get(tid) if isinstance(tid, str) else None
        if topic is None:
            return False
        for n, item in enumerate(self.items):
            if (item.kind, item.ref) == ("topic", topic.id):
                self.select_item(n)
                self._say(messages.SUPV_TOPIC_ALREADY.format(title=topic.label))
                return False
        self.save_item_note()
        new = AgendaItem("topic", topic.id, topic.label, detail=topic.text)
        self.items.append(new)
        self._save_agenda(messages.SUPV_TOPIC_ADDED.format(title=topic.label))
        self._show_items(new)
        return True

    def update_agenda(self) -> int:
        """Add marked entries and chosen flags that are not on the agenda yet."""
        if self.vault is None or self.session is None:
            return 0
        self.save_item_note()
        self._load_agenda(self._current_row())
        have = {(i.kind, i.ref) for i in self.items}
        fresh = [
            i for i in fresh_agenda(self.vault, self.content, ()) if (i.kind, i.ref) not in have
        ]
        if not fresh:
            self._say(messages.SUPV_NOTHING_NEW)
            return 0
        self.items += fresh
        with contextlib.suppress(Exception):
            self.vault.kv.set(AGENDA_KEY, [])
        self._save_agenda(
            messages.SUPV_ADDED_NEW.format(
                n=len(fresh), items="item" if len(fresh) == 1 else "items"
            )
        )
        self._load_agenda(self._current_row())
        return len(fresh)

    def mark_flag(self, status: str, note: str | None = None) -> bool:
        """Mark the chosen flag discussed or resolved (asks for a note unless given)."""
        item = self.current_item()
        if self.vault is None or item is None or item.kind != "flag":
            return False
        if note is None:
            title, prompt = (
                (messages.SUPV_FLAG_NOTE_TITLE_DISCUSSED, messages.SUPV_FLAG_NOTE_PROMPT_DISCUSSED)
                if status == "discussed"
                else (
                    messages.SUPV_FLAG_NOTE_TITLE_RESOLVED,
                    messages.SUPV_FLAG_NOTE_PROMPT_RESOLVED,
                )
            )
            record = None
            with contextlib.suppress(Exception):
                record = self.vault.flags.get(int(item.ref))
            note = flag_panel.ask_note(
                self.view, title, prompt.format(label=item.title), record.note if record else ""
            )
            if note is None:
                return False
        try:
            self.vault.flags.set_status(int(item.ref), status, note)
        except Exception as exc:
            self._say(messages.SUPV_SAVE_FAILED.format(error=exc))
            return False
        if status == "resolved":
            ids = next_agenda_flag_ids(self.vault)
            if int(item.ref) in ids:
                with contextlib.suppress(Exception):
                    self.vault.kv.set(AGENDA_KEY, [i for i in ids if i != int(item.ref)])
        row = self._current_row()
        self.items[row] = replace(self.items[row], discussed=True)
        label = messages.FLAG_STATUS_LABELS.get(status, status).lower()
        self._save_agenda(messages.SUPV_FLAG_MARKED.format(title=item.title, status=label))
        self._load_agenda(row)
        return True
