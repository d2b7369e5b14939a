"""The Journal page: every entry, searched as you type, filtered, read and edited.

The view is ``ui/journal.ui`` (with ``ui/entry_editor.ui`` in the pane's edit
page); :class:`JournalController` does the work, so tests drive it without a
main window:

* the list is a :class:`~ips_reflect.gui.pages.journal.models.EntryTableModel` over the
  vault's light catalog (:mod:`ips_reflect.store.journal_index`): 10,000 entries
  open, filter and search in milliseconds, and only the rows on screen are drawn;
* search as you type (debounced :data:`SEARCH_DELAY_MS`), ranked, with matched
  words highlighted in the list and in the reading pane;
* filters (kind, audience, tag, date range, flagged only, brought to
  supervision) combine with the search and are kept in the vault (``kv``
  key :data:`FILTERS_KEY`), never in plain settings;
* a free journal entry is written and edited in the pane; every change (title,
  notes, tags, client alias, audience, the supervision mark, moving to the bin,
  restoring) goes on an undo stack whose undo writes back to the vault;
* delete moves to the 30-day bin (with a confirm); the Bin view restores or
  deletes for good;
* import (all or nothing) and export (JSON, Markdown, PDF of a selection) run
  off the GUI thread, after the plain-text warning, and are written atomically
  with mode 0600.

Keys while focus is on the page: Ctrl+F search, Ctrl+N new entry, Ctrl+S save
the entry being edited, Ctrl+Z / Ctrl+Shift+Z undo and redo, Up/Down move
through the list, Enter opens the entry in the reading pane, Delete moves the
selected entries to the bin, Escape clears the search (or leaves the pane or
the editor).

On lock (``set_vault(None)``) every model, the pane, the editor, the search
text, the tag list and the undo stack are cleared and the page is disabled.
"""

from __future__ import annotations

import contextlib
from collections.abc import Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import QDate, QEvent, QObject, QStringListModel, Qt
from PySide6.QtGui import QAction, QFont, QFontMetrics
from PySide6.QtWidgets import QHeaderView, QMenu, QSplitter, QWidget

from ips_reflect import messages
from ips_reflect.core.content import Content
from ips_reflect.core.entries import AUDIENCES, KINDS
from ips_reflect.gui.pages.journal.base import (
    FILTERS_KEY,
    PAGE_KEY,
    PAGE_KEYS,
    PANE_EDIT,
    PANE_READ,
)
from ips_reflect.gui.pages.journal.editor import EditorPart
from ips_reflect.gui.pages.journal.listing import ListingPart
from ips_reflect.gui.pages.journal.models import Column
from ips_reflect.gui.pages.journal.reading import ReadingPart
from ips_reflect.gui.pages.journal.transfer import TransferPart
from ips_reflect.gui.pages.journal.undo import ChangesPart
from ips_reflect.gui.shell.page import PageSpec
from ips_reflect.gui.shell.uiloader import find_child, load_ui
from ips_reflect.gui.shell.views import PageView
from ips_reflect.gui.widgets import theme as theming
from ips_reflect.gui.widgets.entry_view import entry_css, mark_colours
from ips_reflect.store.journal_index import JournalCatalog, JournalFilter

if TYPE_CHECKING:
    from ips_reflect.store.vault import Vault


def create_page(content: Content) -> PageSpec[JournalController]:
    """The Journal page: ``key, title, view, controller, icon_name``."""
    view = load_ui("journal")
    controller = JournalController(view, content)
    return PageSpec(PAGE_KEY, messages.JOURNAL_PAGE_TITLE, view, controller, "journal")


class JournalController(ListingPart, ReadingPart, ChangesPart, EditorPart, TransferPart):
    """Wires ``ui/journal.ui`` to the vault; see the module docstring.

    Each part holds one responsibility; they share the widgets and state of
    :class:`~ips_reflect.gui.pages.journal.base.JournalBase`.
    """

    def __init__(self, view: QWidget, content: Content, parent: QObject | None = None) -> None:
        super().__init__(view, content, parent)

        self._fill_static_combos()
        self._build_export_menu()
        self._connect()
        self.splitter = find_child(view, QSplitter, "journalSplitter")
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)
        self._split_done = False
        # Writing gets the whole width: the list folds away while the editor is open.
        self.pane.currentChanged.connect(lambda i: self.table.setHidden(i == PANE_EDIT))
        if isinstance(view, PageView):
            view.shown.connect(self._on_shown)
        self.browser.document().setDocumentMargin(14)
        if isinstance(view, PageView):
            view.claimed_keys = PAGE_KEYS
            view.keyPressed.connect(self._on_key)
        self.refresh()
        self._set_enabled(False)
        self._show_empty(messages.JOURNAL_LOCKED)

    # ------------------------------------------------------------------ set-up

    def _setup_table(self) -> None:
        table = self.table
        vheader = table.verticalHeader()
        vheader.setVisible(False)
        vheader.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        header = table.horizontalHeader()
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        header.setHighlightSections(False)
        header.setStretchLastSection(False)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(Column.TITLE, QHeaderView.ResizeMode.Stretch)
        table.setColumnHidden(Column.DAYS_LEFT, True)
        self._size_columns()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.table and event.type() == QEvent.Type.Resize:
            self._fit_timer.start()
        return False

    def _fit_columns(self) -> None:
        """Hide the less important columns (tags, then client, then shared with, and at
        large text sizes the kind, which the reading pane also shows) when the list is
        too narrow for a readable title; show them again when there is room."""
        table = self.table
        available = table.viewport().width()
        title_room = max(220, table.fontMetrics().horizontalAdvance("x") * 26)
        fixed = [Column.DATE, Column.DAYS_LEFT if self._filter.in_bin else Column.FLAGS]
        used = sum(self._widths.get(c, 0) for c in fixed)
        for column in (Column.KIND, Column.AUDIENCE, Column.CLIENT, Column.TAGS):
            width = self._widths.get(column, 0)
            show = used + width + title_room <= available
            if table.isColumnHidden(column) == show:
                table.setColumnHidden(column, not show)
            if show:
                used += width

    def _size_columns(self) -> None:
        fm = self.table.fontMetrics()
        bold = QFont(self.table.font())
        bold.setBold(True)
        head = QFontMetrics(bold)
        pad = 18

        def width(*samples: str) -> int:
            values, header = samples[:-1] or samples, samples[-1]
            return (
                max(
                    max(fm.horizontalAdvance(s) for s in values), head.horizontalAdvance(header) + 6
                )
                + pad
            )

        table = self.table
        self._row_height = max(24, round(fm.height() * 1.7))
        self._row_height_search = self._row_height + fm.height()
        table.verticalHeader().setDefaultSectionSize(
            self._row_height_search if self.model.query else self._row_height
        )
        self._widths = {
            Column.DATE: width("30 Sep 2026", messages.JOURNAL_COL_DATE) + 8,
            Column.KIND: width(*messages.JOURNAL_KIND_SHORT.values(), messages.JOURNAL_COL_KIND),
            Column.AUDIENCE: width(
                *messages.JOURNAL_AUDIENCE_SHORT.values(), messages.JOURNAL_COL_AUDIENCE
            ),
            Column.CLIENT: width("M.K.", messages.JOURNAL_COL_CLIENT),
            Column.TAGS: width("interview, reta", messages.JOURNAL_COL_TAGS),
            Column.FLAGS: width("99", messages.JOURNAL_COL_FLAGS),
            Column.DAYS_LEFT: width(
                messages.JOURNAL_DAYS_LEFT.format(n=30), messages.JOURNAL_COL_DAYS_LEFT
            ),
        }
        for column, w in self._widths.items():
            table.setColumnWidth(column, w)

    def _fill_static_combos(self) -> None:
        self.kind_combo.clear()
        self.kind_combo.addItem(messages.JOURNAL_ALL_KINDS, None)
        for kind in KINDS:
            self.kind_combo.addItem(messages.JOURNAL_KIND_FILTER[kind], kind)
        self.audience_combo.clear()
        self.audience_combo.addItem(messages.JOURNAL_ANYONE, None)
        for audience in AUDIENCES:
            self.audience_combo.addItem(messages.JOURNAL_AUDIENCE_FILTER[audience], audience)
        self.period_combo.clear()
        for key, label in messages.JOURNAL_PERIODS.items():
            self.period_combo.addItem(label, key)
        self.editor_audience.clear()
        self.editor_audience.addItem(messages.JOURNAL_NO_AUDIENCE, None)
        for audience in AUDIENCES:
            self.editor_audience.addItem(messages.JOURNAL_AUDIENCE_NAMES[audience], audience)
        self._reset_tag_combo([])
        today = QDate.currentDate()
        self.from_date.setDate(today.addDays(-30))
        self.to_date.setDate(today)
        self._show_dates(False)

    def _build_export_menu(self) -> None:
        menu = QMenu(self.export_button)
        menu.setObjectName("exportMenu")
        menu.setAccessibleName(messages.JOURNAL_EXPORT_MENU)
        self.export_actions: dict[tuple[str, bool], QAction] = {}
        for fmt, selection, text in (
            ("json", False, messages.JOURNAL_EXPORT_ALL_JSON),
            ("md", False, messages.JOURNAL_EXPORT_ALL_MD),
            ("json", True, messages.JOURNAL_EXPORT_SEL_JSON),
            ("md", True, messages.JOURNAL_EXPORT_SEL_MD),
            ("pdf", True, messages.JOURNAL_EXPORT_SEL_PDF),
        ):
            action = menu.addAction(text)
            action.setObjectName(f"export_{fmt}_{'selection' if selection else 'all'}")
            action.triggered.connect(
                lambda _c=False, f=fmt, s=selection: self.export(f, selection_only=s)
            )
            self.export_actions[(fmt, selection)] = action
            if not selection and fmt == "md":
                menu.addSeparator()
        self.export_menu = menu
        self.export_button.setMenu(menu)
        menu.aboutToShow.connect(self._update_export_actions)

    def _connect(self) -> None:
        self.search.textChanged.connect(self._on_search_text)
        self.search.returnPressed.connect(self._enter_list)
        combos = (self.kind_combo, self.audience_combo, self.tag_combo, self.period_combo)
        for changed in (
            *(combo.currentIndexChanged for combo in combos),
            self.from_date.dateChanged,
            self.to_date.dateChanged,
            self.flagged_check.toggled,
            self.supervision_check.toggled,
            self.bin_button.toggled,
        ):
            changed.connect(self._on_filter_widgets)
        self.clear_filters_button.clicked.connect(self.clear_filters)
        self.table.selectionModel().currentRowChanged.connect(self._on_current_row)
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._update_actions())
        self.table.activated.connect(self._on_activated)
        self.browser.anchorClicked.connect(self._on_link)
        self.pane_supervision.clicked.connect(self.set_supervision)
        self.edit_button.clicked.connect(self.edit_current)
        self.delete_button.clicked.connect(self.delete_selected)
        self.restore_button.clicked.connect(self.restore_selected)
        self.delete_forever_button.clicked.connect(self.delete_forever_selected)
        self.new_button.clicked.connect(self.new_entry)
        self.import_button.clicked.connect(lambda: self.import_json())
        self.save_button.clicked.connect(self.save_edit)
        self.cancel_button.clicked.connect(self.cancel_edit)
        for edit in (self.title_edit, self.tags_edit, self.alias_edit):
            edit.textEdited.connect(lambda _t: self.keeper.touch())
        self.body_edit.textChanged.connect(self._on_body_changed)
        self.editor_audience.currentIndexChanged.connect(lambda _i: self.keeper.touch())
        self.banner.restored.connect(lambda: self.statusMessage.emit(messages.JOURNAL_DRAFT_BACK))

    def _on_shown(self) -> None:
        self._first_split()
        # Another page may have written entries since: read them in (cheap if not).
        if self.vault is not None and not self.editing:
            with contextlib.suppress(Exception):
                if self.catalog.is_stale(self.vault.db):
                    self.apply_search()

    def reload(self) -> None:
        """Read every entry again (e.g. after another page saved one) and redraw."""
        if self.vault is None:
            return
        self.catalog.reload(self.vault.db)
        self._refill_dynamic_lists()
        self.model.forget_texts()
        self._context_cache = None
        self.apply_search()

    def show_flag_changes(self, uids: Sequence[str] | frozenset[str]) -> None:
        """The flags of these entries changed (a sync, :mod:`~ips_reflect.gui.shell.flag_sync`):
        redraw their rows' flag counts, and the pane if it shows one of them."""
        rows = [r for uid in uids if (r := self.catalog.by_uid(uid)) is not None]
        if self.vault is None or not rows:
            return
        ids = [r.id for r in rows]
        self.catalog.refresh(self.vault.db, ids)
        self.model.rows_changed(ids)
        self._context_cache = None
        if self._filter.flagged:
            self.apply_search()
        elif self._current_id in ids and self.pane.currentIndex() == PANE_READ:
            self._render_current()

    def _first_split(self) -> None:
        """Give the list about three fifths of the width the first time the page shows."""
        if self._split_done:
            return
        width = self.splitter.width()
        if width > 200:
            self._split_done = True
            self.splitter.setSizes([round(width * 0.6), width - round(width * 0.6)])

    # ------------------------------------------------------------------ vault

    def set_vault(self, vault: Vault | None) -> None:
        """Show this vault's entries, or clear everything (None: the vault was locked)."""
        if vault is None:
            self._lock()
            return
        self.vault = vault
        self.catalog = JournalCatalog.load(vault.db)
        self._filter = JournalFilter.from_json(self._kv_get(FILTERS_KEY))
        self._refill_dynamic_lists()
        self._set_filter_widgets(self._filter)
        self._set_enabled(True)
        self._close_editor()
        self.apply_search()
        if self.keeper.resume():  # the editor as the lock found it
            self.statusMessage.emit(messages.JOURNAL_DRAFT_KEPT)
        self.banner.refresh()

    def flush_drafts(self) -> bool:
        """Keep what is typed in the editor as this session's draft (before a lock)."""
        return self.keeper.hold()

    def _lock(self) -> None:
        self.vault = None
        self._search_timer.stop()
        self.keeper.stop()  # what was typed is held already (flush_drafts); resumed on unlock
        self.banner.hide()
        self.undo_stack.clear()
        self.catalog = JournalCatalog()
        self.model.clear()
        self._current_id = None
        self._current = None
        self._editing_uid = None
        self._updating = True
        try:
            self.search.clear()
            self._clear_editor_fields()
            self._reset_tag_combo([])
            self.alias_completer.setModel(QStringListModel([], self))
            self._set_filter_widgets(JournalFilter())
        finally:
            self._updating = False
        self._filter = JournalFilter()
        self.browser.clear()
        self.count_label.clear()
        if self._busy is not None:
            self._busy.reset()
            self._busy = None
        self._show_empty(messages.JOURNAL_LOCKED)
        self._set_enabled(False)

    def refresh(self) -> None:
        """Redraw after a theme or text size change."""
        theme = theming.current_theme()
        point_size = self.view.font().pointSize()
        if point_size <= 0:
            point_size = 11
        self._css = entry_css(theme, point_size)
        self.delegate.set_colours(*mark_colours(theme), theme.colors["muted"])
        self._size_columns()
        self.table.viewport().update()
        self.live_flags.refresh()
        if self._current is not None and self.pane.currentIndex() == PANE_READ:
            self._render_current()

    # ------------------------------------------------------------------ keys

    def focus_search(self) -> None:
        self.search.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search.selectAll()

    def _on_key(self, key: str) -> None:
        if self.vault is None:
            return
        focus = self.view.focusWidget()
        editing = self.pane.currentIndex() == PANE_EDIT
        if key == "Ctrl+F":
            self.focus_search()
        elif key == "Ctrl+N":
            self.new_entry()
        elif key == "Ctrl+S":
            if editing:
                self.save_edit()
        elif key == "Ctrl+Z":
            self.undo()
        elif key in ("Ctrl+Shift+Z", "Ctrl+Y"):
            self.redo()
        elif key == "Down":
            if focus is self.search:
                self._enter_list()
        elif key == "Del":
            if focus is self.table:
                if self._filter.in_bin:
                    self.delete_forever_selected()
                else:
                    self.delete_selected()
        elif key == "Esc":
            if editing and focus is not None and self.editor.isAncestorOf(focus):
                self.cancel_edit()
            elif focus is self.browser:
                self.table.setFocus(Qt.FocusReason.OtherFocusReason)
            elif self.search.text():
                self.search.clear()
                self.apply_search()
                self.search.setFocus(Qt.FocusReason.OtherFocusReason)

    def undo(self) -> None:
        if self.undo_stack.canUndo():
            self.undo_stack.undo()

    def redo(self) -> None:
        if self.undo_stack.canRedo():
            self.undo_stack.redo()

    def _update_undo_names(self, _index: int = 0) -> None:
        self.undo_button.setAccessibleName(self.undo_action.text() or messages.JOURNAL_UNDO)
        self.redo_button.setAccessibleName(self.redo_action.text() or messages.JOURNAL_REDO)
