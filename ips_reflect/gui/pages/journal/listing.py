"""The Journal's list and its filters: search as you type, filters kept in the vault,
the rows shown, and which entries are selected.
"""

from __future__ import annotations

import contextlib
from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QDate, QItemSelectionModel, QModelIndex, QStringListModel, Qt

from ips_reflect import messages
from ips_reflect.gui.pages.journal.base import (
    FILTERS_KEY,
    PANE_EDIT,
    PANE_READ,
    JournalBase,
    entries_word,
)
from ips_reflect.gui.pages.journal.models import MARKS, Column
from ips_reflect.store.journal_index import JournalFilter, snippets


def _qdate(value: str | None) -> QDate | None:
    if not value:
        return None
    found = QDate.fromString(value, Qt.DateFormat.ISODate)
    return found if found.isValid() else None


class ListingPart(JournalBase):
    """The list, the search and the filters."""

    def _refill_dynamic_lists(self) -> None:
        """Tags for the filter and client aliases for the editor, from the catalog."""
        self._reset_tag_combo(self.catalog.tags(), keep=self._filter.tag)
        self.alias_completer.setModel(QStringListModel(self.catalog.client_aliases(), self))

    def _reset_tag_combo(self, tags: list[tuple[str, int]], keep: str | None = None) -> None:
        was = self._updating
        self._updating = True
        try:
            self.tag_combo.clear()
            self.tag_combo.addItem(messages.JOURNAL_ALL_TAGS, None)
            names = [t for t, _ in tags]
            for tag, n in tags:
                self.tag_combo.addItem(messages.JOURNAL_TAG_ITEM.format(tag=tag, n=n), tag)
            if keep and keep not in names:
                self.tag_combo.addItem(messages.JOURNAL_TAG_ITEM.format(tag=keep, n=0), keep)
            row = self.tag_combo.findData(keep) if keep else 0
            self.tag_combo.setCurrentIndex(max(0, row))
        finally:
            self._updating = was

    # ------------------------------------------------------------------ filters

    @property
    def filters(self) -> JournalFilter:
        return self._filter

    def set_filters(self, f: JournalFilter) -> None:
        """Show these filters (and keep them in the vault)."""
        self._set_filter_widgets(f)
        self._on_filter_widgets()

    def clear_filters(self) -> None:
        self.set_filters(JournalFilter(in_bin=self._filter.in_bin))

    def _set_filter_widgets(self, f: JournalFilter) -> None:
        was = self._updating
        self._updating = True
        try:
            self.kind_combo.setCurrentIndex(max(0, self.kind_combo.findData(f.kind)))
            self.audience_combo.setCurrentIndex(max(0, self.audience_combo.findData(f.audience)))
            if f.tag is not None and self.tag_combo.findData(f.tag) < 0:
                self.tag_combo.addItem(messages.JOURNAL_TAG_ITEM.format(tag=f.tag, n=0), f.tag)
            self.tag_combo.setCurrentIndex(
                max(0, self.tag_combo.findData(f.tag)) if f.tag is not None else 0
            )
            self.period_combo.setCurrentIndex(max(0, self.period_combo.findData(f.period)))
            today = QDate.currentDate()
            self.from_date.setDate(_qdate(f.date_from) or today.addDays(-30))
            self.to_date.setDate(_qdate(f.date_to) or today)
            self._show_dates(f.period == "custom")
            self.flagged_check.setChecked(f.flagged)
            self.supervision_check.setChecked(f.supervision)
            self.bin_button.setChecked(f.in_bin)
        finally:
            self._updating = was

    def _filter_from_widgets(self) -> JournalFilter:
        period = self.period_combo.currentData() or "any"
        custom = period == "custom"
        return JournalFilter(
            kind=self.kind_combo.currentData(),
            audience=self.audience_combo.currentData(),
            tag=self.tag_combo.currentData(),
            period=period,
            date_from=self.from_date.date().toString(Qt.DateFormat.ISODate) if custom else None,
            date_to=self.to_date.date().toString(Qt.DateFormat.ISODate) if custom else None,
            flagged=self.flagged_check.isChecked(),
            supervision=self.supervision_check.isChecked(),
            in_bin=self.bin_button.isChecked(),
        )

    def _show_dates(self, on: bool) -> None:
        for w in (self.from_date, self.to_label, self.to_date):
            w.setVisible(on)

    def _on_filter_widgets(self, *_args: Any) -> None:
        if self._updating:
            return
        new = self._filter_from_widgets()
        self._show_dates(new.period == "custom")
        if new == self._filter:
            return
        saved_changed = new.to_json() != self._filter.to_json()
        self._filter = new
        if saved_changed and self.vault is not None:
            with contextlib.suppress(Exception):
                self.vault.kv.set(FILTERS_KEY, new.to_json())
                self.catalog.mark_seen(self.vault.db)
        self.apply_search()

    # ------------------------------------------------------------------ search and list

    def set_search(self, text: str, *, immediate: bool = False) -> None:
        """Type ``text`` into the search box (``immediate``: no debounce)."""
        self.search.setText(text)
        if immediate:
            self.apply_search()

    def _on_search_text(self, _text: str) -> None:
        if self._updating or self.vault is None:
            return
        self._search_timer.start()

    def apply_search(self) -> None:
        """Run the search and filters now and show the result in the list."""
        self._search_timer.stop()
        if self.vault is None:
            return
        db = self.vault.db
        if self.catalog.ensure_fresh(db):
            self._refill_dynamic_lists()
            self.model.forget_texts()
            self._context_cache = None
        text = self.search.text()
        query = text if text.strip() else ""
        ids = self.catalog.search(db, query, self._filter)
        keep = self._current_id
        searching_before = bool(self.model.query)
        self.model.set_rows(self.catalog, ids, query, self._snippets_for)
        if bool(query) != searching_before:
            self.table.verticalHeader().setDefaultSectionSize(
                self._row_height_search if query else self._row_height
            )
        if self.table.isColumnHidden(Column.DAYS_LEFT) == self._filter.in_bin:
            self.table.setColumnHidden(Column.DAYS_LEFT, not self._filter.in_bin)
            self.table.setColumnHidden(Column.FLAGS, self._filter.in_bin)
            self._fit_columns()
        row = self.model.row_of_id(keep) if keep is not None else -1
        if row >= 0:
            self._select_row(row, show=False)
            if self.pane.currentIndex() == PANE_READ and query != self._shown_query:
                self._render_current()
        elif self.pane.currentIndex() != PANE_EDIT:
            self._current_id = None
            self._current = None
            self._show_empty(self._empty_text(len(ids), query))
        self._update_count(len(ids), query)
        self._update_actions()
        self.searchApplied.emit(len(ids))

    def _snippets_for(self, ids: Sequence[int], query: str) -> dict[int, str]:
        if self.vault is None:
            return {}
        return snippets(self.vault.db, ids, query, marks=MARKS)

    def _update_count(self, n: int, query: str) -> None:
        total = self.catalog.count(self._filter.in_bin)
        entries = messages.JOURNAL_ENTRY_WORD if n == 1 else messages.JOURNAL_ENTRIES_WORD
        if self._filter.in_bin:
            text = messages.JOURNAL_COUNT_BIN.format(n=f"{n:,}", entries=entries)
        elif query or self._filter.active:
            text = messages.JOURNAL_COUNT_SHOWN.format(
                n=f"{n:,}", total=f"{total:,}", entries=entries_word(total)
            )
        else:
            text = messages.JOURNAL_COUNT_ALL.format(n=f"{n:,}", entries=entries)
        self.count_label.setText(text)
        self.count_label.setAccessibleName(text)

    def _empty_text(self, n: int, query: str) -> str:
        if self._filter.in_bin and not n:
            return messages.JOURNAL_BIN_EMPTY
        if not len(self.catalog) or (
            not n and not query and not self._filter.active and not self._filter.in_bin
        ):
            return messages.JOURNAL_NO_ENTRIES
        if not n:
            return messages.JOURNAL_NO_MATCHES
        return messages.JOURNAL_CHOOSE

    def _select_row(self, row: int, show: bool = True) -> None:
        index = self.model.index(row, Column.TITLE)
        sel = self.table.selectionModel()
        was = self._updating
        self._updating = not show
        try:
            sel.setCurrentIndex(
                index,
                QItemSelectionModel.SelectionFlag.ClearAndSelect
                | QItemSelectionModel.SelectionFlag.Rows,
            )
        finally:
            self._updating = was
        self.table.scrollTo(index)

    def _on_current_row(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if self._updating:
            return
        entry_id = self.model.id_at(current.row()) if current.isValid() else None
        if entry_id is None:
            return
        if self.pane.currentIndex() == PANE_EDIT:
            return  # keep the editor open; the list only moves
        self.open_id(entry_id)

    def _on_activated(self, index: QModelIndex) -> None:
        entry_id = self.model.id_at(index.row())
        if entry_id is None:
            return
        if entry_id != self._current_id or self.pane.currentIndex() != PANE_READ:
            self.open_id(entry_id)
        self.browser.setFocus(Qt.FocusReason.OtherFocusReason)

    def _enter_list(self) -> None:
        if not self.model.rowCount():
            return
        if not self.table.currentIndex().isValid():
            self._select_row(0)
        self.table.setFocus(Qt.FocusReason.OtherFocusReason)

    # ------------------------------------------------------------------ selection

    def selected_ids(self) -> list[int]:
        """Ids of the selected rows, in list order (the current row if none selected)."""
        rows = sorted({i.row() for i in self.table.selectionModel().selectedRows()})
        ids = [i for i in (self.model.id_at(r) for r in rows) if i is not None]
        if not ids and self._current_id is not None:
            ids = [self._current_id]
        return ids

    def selected_uids(self) -> list[str]:
        uids = []
        for entry_id in self.selected_ids():
            info = self.catalog.get(entry_id)
            if info is not None:
                uids.append(info.uid)
        return uids

    def select_uids(self, uids: Sequence[str]) -> None:
        sel = self.table.selectionModel()
        sel.clearSelection()
        first = True
        for uid in uids:
            row = self.model.row_of_uid(uid)
            if row < 0:
                continue
            flags = (
                QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows
            )
            index = self.model.index(row, Column.TITLE)
            if first:
                sel.setCurrentIndex(index, flags)
                first = False
            else:
                sel.select(index, flags)

    def _update_actions(self) -> None:
        entry = self._current
        self.pane_supervision.setEnabled(entry is not None and entry.deleted_at is None)

    def _update_export_actions(self) -> None:
        has_selection = bool(self.selected_ids())
        for (_fmt, selection), action in self.export_actions.items():
            action.setEnabled(self.vault is not None and (has_selection or not selection))
