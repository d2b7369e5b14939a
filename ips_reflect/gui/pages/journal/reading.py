"""The Journal's reading pane: one entry, with what links to it and its flags, matched
words highlighted.
"""

from __future__ import annotations

import contextlib

from PySide6.QtCore import QUrl

from ips_reflect import messages
from ips_reflect.core.entries import Entry
from ips_reflect.gui.pages.journal.base import PANE_EDIT, PANE_EMPTY, PANE_READ, JournalBase
from ips_reflect.gui.widgets.entry_view import (
    LINK_SCHEME,
    PLAN_EXPERIENCE_KEY,
    EntryContext,
    FlagLine,
    LinkedEntry,
    check_light,
    entry_html,
)
from ips_reflect.store.journal_index import JournalFilter


class ReadingPart(JournalBase):
    """The reading pane."""

    # ------------------------------------------------------------------ reading pane

    @property
    def current_uid(self) -> str | None:
        return self._current.uid if self._current is not None else None

    @property
    def current_entry(self) -> Entry | None:
        return self._current

    def open_id(self, entry_id: int) -> bool:
        """Show an entry (by row id) in the reading pane."""
        if self.vault is None:
            return False
        entry = self.vault.entries.get_by_id(entry_id)
        if entry is None:
            return False
        self._current_id = entry_id
        self._current = entry
        self._context_cache = None
        self._render_current()
        self.pane.setCurrentIndex(PANE_READ)
        self._update_actions()
        self.entryOpened.emit(entry.uid)
        return True

    def show_entry(self, uid: str) -> bool:
        """Select and show an entry by uid (e.g. "Open entry" on the Flags page).

        If the search or filters hide it, they are cleared (the Bin view is used for
        an entry in the bin). False if there is no such entry.
        """
        if self.vault is None:
            return False
        if self.pane.currentIndex() == PANE_EDIT and not self._leave_editor():
            return False
        self.catalog.ensure_fresh(self.vault.db)
        info = self.catalog.by_uid(uid)
        if info is None:
            return False
        row = self.model.row_of_id(info.id)
        if row < 0:
            self._updating = True
            try:
                self.search.clear()
            finally:
                self._updating = False
            self._set_filter_widgets(JournalFilter(in_bin=info.in_bin))
            self._on_filter_widgets()
            self.apply_search()
            row = self.model.row_of_id(info.id)
        if row < 0:
            return False
        self._select_row(row, show=False)
        return self.open_id(info.id)

    def _context(self, entry: Entry) -> EntryContext:
        ctx = EntryContext(light=check_light(entry, self.content))
        vault = self.vault
        if vault is None:  # locked while the entry was being shown
            return ctx
        with contextlib.suppress(Exception):
            ctx.flags = [
                FlagLine(f.sign, f.source, f.status, f.evidence)
                for f in vault.flags.list(entry_uid=entry.uid, include_binned=True)
            ]
        if entry.kind == "before_check":
            with contextlib.suppress(Exception):
                ctx.followed_by = [
                    LinkedEntry(e.uid, e.kind, e.title, e.created)
                    for e in vault.entries.linked_to(entry.uid)
                ]
            exp_id = entry.answers.get(PLAN_EXPERIENCE_KEY)
            if isinstance(exp_id, str) and exp_id:
                ctx.plan_experience = self._plan_experience(exp_id)
        if entry.linked_uid:
            linked = vault.entries.get(entry.linked_uid)
            if linked is not None and linked.deleted_at is None:
                ctx.follows = LinkedEntry(linked.uid, linked.kind, linked.title, linked.created)
        return ctx

    def _plan_experience(self, exp_id: str) -> str:
        try:
            from ips_reflect.core.plan import as_plan

            assert self.vault is not None
            latest = self.vault.plans.latest()
            exp = as_plan(latest.payload).experience(exp_id) if latest is not None else None
            if exp is not None:
                return str(exp.label)
        except Exception:
            pass
        return messages.JOURNAL_PLAN_EXPERIENCE_UNKNOWN

    def _render_current(self) -> None:
        entry = self._current
        if entry is None:
            return
        query = self.model.query
        self._shown_query = query
        if self._context_cache is None or self._context_cache[0] != entry.uid:
            self._context_cache = (entry.uid, self._context(entry))
        html = entry_html(entry, self.content, self._context_cache[1], query)
        self.browser.document().setDefaultStyleSheet(self._css)
        self.browser.setHtml(html)
        self.browser.setAccessibleName(
            messages.JOURNAL_ENTRY_SPOKEN.format(
                kind=messages.JOURNAL_KIND_NAMES.get(entry.kind, entry.kind)
            )
        )
        in_bin = entry.deleted_at is not None
        self._updating = True
        try:
            self.pane_supervision.setChecked(entry.bring_to_supervision)
        finally:
            self._updating = False
        self.pane_supervision.setEnabled(not in_bin)
        self.edit_button.setVisible(not in_bin)
        self.delete_button.setVisible(not in_bin)
        self.restore_button.setVisible(in_bin)
        self.delete_forever_button.setVisible(in_bin)

    def _show_empty(self, text: str) -> None:
        self.browser.clear()
        self.empty_label.setText(text)
        self.empty_label.setAccessibleName(text)
        self.pane.setCurrentIndex(PANE_EMPTY)

    def _on_link(self, url: QUrl) -> None:
        if url.scheme() == LINK_SCHEME:
            self.show_entry(url.path())
