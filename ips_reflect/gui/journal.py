"""The Journal page: every entry, searched as you type, filtered, read and edited.

The view is ``ui/journal.ui`` (with ``ui/entry_editor.ui`` in the pane's edit
page); :class:`JournalController` does the work, so tests drive it without a
main window:

* the list is a :class:`~ips_reflect.gui.journal_models.EntryTableModel` over the
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
from dataclasses import replace
from datetime import date
from pathlib import Path
from typing import Any

from PySide6.QtCore import (
    QDate,
    QEvent,
    QItemSelectionModel,
    QModelIndex,
    QObject,
    QStringListModel,
    Qt,
    QUrl,
    Signal,
)
from PySide6.QtGui import QAction, QFont, QFontMetrics, QUndoCommand, QUndoStack
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QCompleter,
    QDateEdit,
    QFileDialog,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMenu,
    QMessageBox,
    QPlainTextEdit,
    QProgressDialog,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QTableView,
    QTextBrowser,
    QToolButton,
    QWidget,
)

from ips_reflect import messages
from ips_reflect.core.content import Content
from ips_reflect.core.entries import AUDIENCES, KINDS, Entry, check_entry
from ips_reflect.errors import UserError
from ips_reflect.gui import theme as theming
from ips_reflect.gui.drafts import DraftBanner, DraftKeeper
from ips_reflect.gui.entry_view import (
    LINK_SCHEME,
    PLAN_EXPERIENCE_KEY,
    EntryContext,
    FlagLine,
    LinkedEntry,
    check_light,
    entry_css,
    entry_html,
    mark_colours,
)
from ips_reflect.gui.journal_flags import JournalFlagPanel
from ips_reflect.gui.journal_models import MARKS, Column, EntryTableModel, HighlightDelegate
from ips_reflect.gui.page import PageSpec
from ips_reflect.gui.row_wrap import RowWrapper
from ips_reflect.gui.uiloader import find_child, load_ui
from ips_reflect.gui.views import PageView
from ips_reflect.gui.workers import debounce_timer, run_task
from ips_reflect.ops.journal import export_file, import_file
from ips_reflect.store.journal_index import (
    JournalCatalog,
    JournalFilter,
    snippets,
)

PAGE_KEY = "journal"
FILTERS_KEY = "journal.filters"
SEARCH_DELAY_MS = 120
DRAFT_KEY = "journal.editor"
DRAFT_KIND = "journal_editor"
PROGRESS_AFTER_MS = 400
EDIT_FIELDS = ("title", "body", "tags", "client_alias", "audience")
PAGE_KEYS = frozenset(
    {"Ctrl+F", "Ctrl+N", "Ctrl+S", "Ctrl+Z", "Ctrl+Shift+Z", "Ctrl+Y", "Del", "Esc", "Down"}
)

PANE_READ, PANE_EDIT, PANE_EMPTY = 0, 1, 2


def create_page(content: Content) -> PageSpec[JournalController]:
    """The Journal page: ``key, title, view, controller, icon_name``."""
    view = load_ui("journal")
    controller = JournalController(view, content)
    return PageSpec(PAGE_KEY, messages.JOURNAL_PAGE_TITLE, view, controller, "journal")


# --------------------------------------------------------------------------- undo


class _JournalCommand(QUndoCommand):
    """A change to entries that the journal can undo and redo (both write to the vault)."""

    def __init__(self, journal: JournalController, text: str) -> None:
        super().__init__(text)
        self.journal = journal


class EditFieldsCommand(_JournalCommand):
    """Set some fields of one entry (title, body, tags, alias, audience, supervision)."""

    def __init__(
        self,
        journal: JournalController,
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
        self, journal: JournalController, uids: Sequence[str], text: str, *, restore: bool = False
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

    def __init__(self, journal: JournalController, entry: Entry, text: str) -> None:
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


# --------------------------------------------------------------------------- off the GUI thread


class ProgressRelay(QObject):
    """Lives on the GUI thread; a worker reports ``(done, total)`` through it."""

    progress = Signal(int, int)


# --------------------------------------------------------------------------- the page


class JournalController(QObject):
    """Wires ``ui/journal.ui`` to the vault; see the module docstring."""

    entryOpened = Signal(str)  # uid of the entry now in the reading pane
    searchApplied = Signal(int)  # rows now in the list
    statusMessage = Signal(str)  # a short sentence for the status bar (no entry text)
    operationFinished = Signal(str, bool)  # "import" / "export", succeeded
    entriesChanged = Signal()  # entries were added, edited, deleted or restored here

    def __init__(self, view: QWidget, content: Content, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.view = view
        self.content = content
        self.vault: Any = None
        self.catalog = JournalCatalog()
        self._filter = JournalFilter()
        self._updating = False
        self._current_id: int | None = None
        self._current: Entry | None = None
        self._editing_uid: str | None = None
        self._editing_kind = "journal"
        self._shown_query = ""
        self._busy: QProgressDialog | None = None
        self._relay: ProgressRelay | None = None
        self._context_cache: tuple[str, EntryContext] | None = None
        self._css = ""
        self._row_height = 24
        self._row_height_search = 40

        f = view
        self.title_label = find_child(f, QLabel, "journalTitle")
        self.search = find_child(f, QLineEdit, "searchEdit")
        self.bin_button = find_child(f, QPushButton, "binButton")
        self.kind_combo = find_child(f, QComboBox, "kindCombo")
        self.audience_combo = find_child(f, QComboBox, "audienceCombo")
        self.tag_combo = find_child(f, QComboBox, "tagCombo")
        self.period_combo = find_child(f, QComboBox, "periodCombo")
        self.from_date = find_child(f, QDateEdit, "fromDate")
        self.to_date = find_child(f, QDateEdit, "toDate")
        self.to_label = find_child(f, QLabel, "toLabel")
        self.flagged_check = find_child(f, QCheckBox, "flaggedCheck")
        self.supervision_check = find_child(f, QCheckBox, "supervisionCheck")
        self.clear_filters_button = find_child(f, QPushButton, "clearFiltersButton")
        self.count_label = find_child(f, QLabel, "countLabel")
        self.table = find_child(f, QTableView, "entryTable")
        self.pane = find_child(f, QStackedWidget, "paneStack")
        self.browser = find_child(f, QTextBrowser, "entryView")
        self.pane_supervision = find_child(f, QCheckBox, "paneSupervisionCheck")
        self.edit_button = find_child(f, QPushButton, "editButton")
        self.delete_button = find_child(f, QPushButton, "deleteButton")
        self.restore_button = find_child(f, QPushButton, "restoreButton")
        self.delete_forever_button = find_child(f, QPushButton, "deleteForeverButton")
        self.empty_label = find_child(f, QLabel, "paneEmptyLabel")
        self.new_button = find_child(f, QPushButton, "newButton")
        self.import_button = find_child(f, QPushButton, "importButton")
        self.export_button = find_child(f, QToolButton, "exportButton")
        self.undo_button = find_child(f, QToolButton, "undoButton")
        self.redo_button = find_child(f, QToolButton, "redoButton")
        # The filters wrap onto a second line rather than run off the window's edge
        # at large text sizes.
        self.filter_wrap = RowWrapper(find_child(f, QHBoxLayout, "filterRow"), view)

        # The editor lives in the pane's edit page.
        self.editor = load_ui("entry_editor")
        edit_layout = find_child(f, QWidget, "editPage").layout()
        assert edit_layout is not None
        self.editor_heading = find_child(self.editor, QLabel, "editorHeading")
        self.title_edit = find_child(self.editor, QLineEdit, "titleEdit")
        self.body_edit = find_child(self.editor, QPlainTextEdit, "bodyEdit")
        # The live "Worth a pause?" panel, under the editor in a splitter.
        self.live_flags = JournalFlagPanel(
            content, edit_layout, self.editor, self.title_edit, self.body_edit
        )
        self.body_label = find_child(self.editor, QLabel, "bodyLabel")
        self.tags_edit = find_child(self.editor, QLineEdit, "tagsEdit")
        self.alias_edit = find_child(self.editor, QLineEdit, "aliasEdit")
        self.editor_audience = find_child(self.editor, QComboBox, "audienceCombo")
        self.save_button = find_child(self.editor, QPushButton, "saveButton")
        self.cancel_button = find_child(self.editor, QPushButton, "cancelButton")
        self.alias_completer = QCompleter([], self.alias_edit)
        self.alias_completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.alias_edit.setCompleter(self.alias_completer)

        self._widths: dict[Column, int] = {}
        self.model = EntryTableModel(self)
        self.delegate = HighlightDelegate(self)
        self.table.setModel(self.model)
        self.table.setItemDelegateForColumn(Column.TITLE, self.delegate)
        self._setup_table()

        self.undo_stack = QUndoStack(self)
        self.undo_action = self.undo_stack.createUndoAction(self, messages.JOURNAL_UNDO)
        self.redo_action = self.undo_stack.createRedoAction(self, messages.JOURNAL_REDO)
        self.undo_button.setDefaultAction(self.undo_action)
        self.redo_button.setDefaultAction(self.redo_action)
        self.undo_button.setAccessibleName(messages.JOURNAL_UNDO)
        self.redo_button.setAccessibleName(messages.JOURNAL_REDO)
        self.undo_stack.indexChanged.connect(self._update_undo_names)

        self._fit_timer = debounce_timer(view, 0, self._fit_columns)
        self.table.installEventFilter(self)

        self._search_timer = debounce_timer(view, SEARCH_DELAY_MS, self.apply_search)

        self.keeper = DraftKeeper(
            lambda: self.vault,
            DRAFT_KEY,
            DRAFT_KIND,
            self._collect_draft,
            self._restore_draft,
            parent=self,
        )
        self.banner = DraftBanner(
            self.keeper,
            find_child(f, QFrame, "draftFrame"),
            find_child(f, QLabel, "draftLabel"),
            find_child(f, QPushButton, "draftRestoreButton"),
            find_child(f, QPushButton, "draftDiscardButton"),
            messages.JOURNAL_DRAFT_NOUN,
            parent=self,
        )

        self._fill_static_combos()
        self._build_export_menu()
        self._connect()
        self.splitter = find_child(f, QSplitter, "journalSplitter")
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)
        self._split_done = False
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
        for combo in (self.kind_combo, self.audience_combo, self.tag_combo, self.period_combo):
            combo.currentIndexChanged.connect(self._on_filter_widgets)
        self.from_date.dateChanged.connect(self._on_filter_widgets)
        self.to_date.dateChanged.connect(self._on_filter_widgets)
        self.flagged_check.toggled.connect(self._on_filter_widgets)
        self.supervision_check.toggled.connect(self._on_filter_widgets)
        self.bin_button.toggled.connect(self._on_filter_widgets)
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
        """The flags of these entries changed (a sync, :mod:`~ips_reflect.gui.flag_sync`):
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

    def set_vault(self, vault: Any) -> None:
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
        self.banner.refresh()

    def _lock(self) -> None:
        self.vault = None
        self._search_timer.stop()
        self.keeper.stop()
        self.keeper.new_session()  # a draft saved before the lock is offered back next time
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

    def _set_enabled(self, on: bool) -> None:
        self.view.setEnabled(on)

    def _kv_get(self, key: str) -> Any:
        try:
            return self.vault.kv.get(key)
        except Exception:
            return None

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
                n=f"{n:,}", total=f"{total:,}", entries=_entries_word(total)
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
        self.statusMessage.emit(text.format(n=n, entries=_entries_word(n)))

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
        uids = [u for u in self.selected_uids() if not self._in_bin(u)]
        if not uids or self.vault is None:
            return False
        n = len(uids)
        answer = QMessageBox.question(
            self.view,
            messages.JOURNAL_DELETE_TITLE,
            messages.JOURNAL_DELETE_ASK.format(n=n, entries=_entries_word(n), days=30),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Cancel,
        )
        if answer != QMessageBox.StandardButton.Yes:
            return False
        self.undo_stack.push(BinCommand(self, uids, messages.JOURNAL_UNDO_DELETE))
        return True

    def restore_selected(self) -> bool:
        uids = [u for u in self.selected_uids() if self._in_bin(u)]
        if not uids or self.vault is None:
            return False
        self.undo_stack.push(BinCommand(self, uids, messages.JOURNAL_UNDO_RESTORE, restore=True))
        return True

    def delete_forever_selected(self) -> bool:
        """Delete the selected entries in the bin for good, after asking (not undoable)."""
        uids = [u for u in self.selected_uids() if self._in_bin(u)]
        if not uids or self.vault is None:
            return False
        n = len(uids)
        answer = QMessageBox.question(
            self.view,
            messages.JOURNAL_DELETE_FOREVER_TITLE,
            messages.JOURNAL_DELETE_FOREVER_ASK.format(n=n, entries=_entries_word(n)),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Cancel,
        )
        if answer != QMessageBox.StandardButton.Yes:
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
            messages.JOURNAL_DELETED_FOREVER.format(n=len(ids), entries=_entries_word(len(ids)))
        )
        return True

    def _in_bin(self, uid: str) -> bool:
        info = self.catalog.by_uid(uid)
        return info is not None and info.in_bin

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
            problems = check_entry(entry)
            if problems:
                self._tell(messages.JOURNAL_SAVE_FAILED_TITLE, problems[0])
                return False
            kept = self.live_flags.take()
            self.keeper.discard()
            self._close_editor()
            self.undo_stack.push(AddEntryCommand(self, entry, messages.JOURNAL_UNDO_NEW))
            self.show_flag_changes(self.live_flags.keep(self.vault, entry.uid, kept))
            return True
        entry = self.vault.entries.get(self._editing_uid)
        if entry is None:
            self._tell(messages.JOURNAL_SAVE_FAILED_TITLE, messages.JOURNAL_GONE)
            return False
        if entry.kind != "journal":
            fields.pop("body")
        before = {k: v for k, v in self._fields_of(entry).items() if k in fields}
        changed = {k: v for k, v in fields.items() if before.get(k) != v}
        problems = check_entry(replace(entry, **fields))
        if problems:
            self._tell(messages.JOURNAL_SAVE_FAILED_TITLE, problems[0])
            return False
        kept = self.live_flags.take()
        self.keeper.discard()
        self._close_editor()
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
        if self.vault is not None and self._editor_changed():
            answer = QMessageBox.question(
                self.view,
                messages.JOURNAL_DISCARD_TITLE,
                messages.JOURNAL_DISCARD_ASK,
                QMessageBox.StandardButton.Discard | QMessageBox.StandardButton.Cancel,
                QMessageBox.StandardButton.Cancel,
            )
            if answer != QMessageBox.StandardButton.Discard:
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

    # ------------------------------------------------------------------ import / export

    def import_json(self, path: str | Path | None = None) -> bool:
        """Ask for an entries file and add its entries (all or nothing), off the GUI thread."""
        if self.vault is None:
            return False
        if path is None:
            chosen, _ = QFileDialog.getOpenFileName(
                self.view, messages.JOURNAL_IMPORT_TITLE, "", messages.JOURNAL_IMPORT_FILTER
            )
            if not chosen:
                return False
            path = chosen
        vault = self.vault
        self._start_busy(messages.JOURNAL_IMPORTING, 0)
        run_task(
            import_file,
            vault,
            Path(path),
            on_success=lambda result: self._imported(vault, result),
            on_failure=lambda exc: self._failed(
                "import", messages.JOURNAL_IMPORT_FAILED_TITLE, exc
            ),
        )
        return True

    def _imported(self, vault: Any, result: Any) -> None:
        self._end_busy()
        if vault is not self.vault:
            return
        self.catalog.reload(vault.db)
        self._refill_dynamic_lists()
        self.apply_search()
        n, skipped = int(result.added), int(result.skipped)
        text = messages.JOURNAL_IMPORTED.format(n=n, entries=_entries_word(n))
        if skipped:
            text += " " + messages.JOURNAL_IMPORT_SKIPPED.format(
                n=skipped, entries=_entries_word(skipped), were="was" if skipped == 1 else "were"
            )
        self.statusMessage.emit(text)
        self.entriesChanged.emit()
        self.operationFinished.emit("import", True)

    def export(
        self, fmt: str, *, selection_only: bool = False, path: str | Path | None = None
    ) -> bool:
        """Export entries as ``"json"``, ``"md"`` or ``"pdf"`` (PDF: the selection).

        Warns that the file is not encrypted, asks where to save (unless ``path``),
        and writes off the GUI thread.
        """
        if self.vault is None:
            return False
        ids: list[int] | None = self.selected_ids() if selection_only or fmt == "pdf" else None
        if ids is not None and not ids:
            self._tell(messages.JOURNAL_EXPORT_TITLE, messages.JOURNAL_EXPORT_NOTHING)
            return False
        n = len(ids) if ids is not None else self.catalog.count()
        name = messages.JOURNAL_FORMAT_NAMES[fmt]
        answer = QMessageBox.warning(
            self.view,
            messages.JOURNAL_PLAINTEXT_TITLE,
            messages.JOURNAL_PLAINTEXT_WARNING.format(n=n, entries=_entries_word(n), format=name),
            QMessageBox.StandardButton.Ok | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Cancel,
        )
        if answer != QMessageBox.StandardButton.Ok:
            return False
        if path is None:
            suggested = str(Path.home() / f"ips-reflect-entries-{date.today().isoformat()}.{fmt}")
            chosen, _ = QFileDialog.getSaveFileName(
                self.view,
                messages.JOURNAL_EXPORT_TITLE,
                suggested,
                messages.JOURNAL_EXPORT_FILTERS[fmt],
            )
            if not chosen:
                return False
            path = chosen
        target = Path(path)
        if target.suffix.lower() != f".{fmt}":
            target = target.with_name(target.name + f".{fmt}")
        if not target.parent.is_dir():
            self._tell(
                messages.JOURNAL_EXPORT_FAILED_TITLE,
                messages.JOURNAL_EXPORT_NO_FOLDER.format(folder=target.parent),
            )
            return False
        self._start_busy(messages.JOURNAL_EXPORTING.format(format=name), n)
        relay = self._relay
        progress = relay.progress.emit if relay is not None else None
        run_task(
            export_file,
            self.vault,
            ids,
            fmt,
            target,
            self.content,
            progress,
            on_success=lambda count: self._exported(target, int(count)),
            on_failure=lambda exc: self._failed(
                "export", messages.JOURNAL_EXPORT_FAILED_TITLE, exc
            ),
        )
        return True

    def _exported(self, path: Path, count: int) -> None:
        self._end_busy()
        self.statusMessage.emit(
            messages.JOURNAL_EXPORTED.format(n=count, entries=_entries_word(count), file=path.name)
        )
        self.operationFinished.emit("export", True)

    def _failed(self, what: str, title: str, exc: BaseException) -> None:
        self._end_busy()
        if self.vault is None:
            self.operationFinished.emit(what, False)
            return
        if isinstance(exc, UserError):
            text = exc.message
            details = list(getattr(exc, "details", []) or [])
            if details:
                shown = details[:6]
                text += "\n\n" + "\n".join(f"• {d}" for d in shown)
                if len(details) > len(shown):
                    text += "\n" + messages.JOURNAL_MORE_PROBLEMS.format(
                        n=len(details) - len(shown)
                    )
        else:
            text = messages.JOURNAL_UNEXPECTED.format(kind=type(exc).__name__)
        self._tell(title, text)
        self.operationFinished.emit(what, False)

    def _start_busy(self, label: str, total: int) -> None:
        self._end_busy()
        dialog = QProgressDialog(label, "", 0, total, self.view)
        dialog.setObjectName("journalProgress")
        dialog.setWindowTitle(messages.JOURNAL_PROGRESS_TITLE)
        dialog.setAccessibleName(label)
        dialog.setCancelButton(None)
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.setMinimumDuration(PROGRESS_AFTER_MS)
        dialog.setAutoClose(False)
        dialog.setAutoReset(False)
        dialog.setValue(0)
        relay = ProgressRelay(self)
        relay.progress.connect(self._on_progress)
        self._busy, self._relay = dialog, relay
        self.statusMessage.emit(label)

    def _on_progress(self, done: int, total: int) -> None:
        if self._busy is not None and total > 0:
            self._busy.setMaximum(total)
            self._busy.setValue(min(done, total))

    def _end_busy(self) -> None:
        if self._busy is not None:
            self._busy.reset()
            self._busy.deleteLater()
        if self._relay is not None:
            self._relay.deleteLater()
        self._busy, self._relay = None, None

    def _tell(self, title: str, text: str) -> None:
        QMessageBox.warning(self.view, title, text)


# --------------------------------------------------------------------------- helpers


def _entries_word(n: int) -> str:
    return messages.JOURNAL_ENTRY_WORD if n == 1 else messages.JOURNAL_ENTRIES_WORD


def _edit_text(fields: list[str]) -> str:
    if len(fields) == 1:
        return messages.JOURNAL_UNDO_FIELD.get(fields[0], messages.JOURNAL_UNDO_EDIT)
    return messages.JOURNAL_UNDO_EDIT


def _text(value: object) -> str:
    return value if isinstance(value, str) else ""


def _qdate(value: str | None) -> QDate | None:
    if not value:
        return None
    found = QDate.fromString(value, Qt.DateFormat.ISODate)
    return found if found.isValid() else None


__all__ = ["FILTERS_KEY", "JournalController", "create_page"]
