"""What every part of the Journal page shares: its signals, widgets, models and state
(:class:`JournalBase`).

The page is one controller, :class:`~ips_reflect.gui.pages.journal.page.JournalController`,
put together from parts by responsibility: the list and its filters
(:mod:`~ips_reflect.gui.pages.journal.listing`), the reading pane (``reading``), changes
through the undo stack (``undo``), the editor and its drafts (``editor``), and import
and export (``transfer``). Methods one part calls on another are declared here for the
type checker.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QAction, QUndoStack
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QCompleter,
    QDateEdit,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QProgressDialog,
    QPushButton,
    QStackedWidget,
    QTableView,
    QTextBrowser,
    QToolButton,
    QWidget,
)

from ips_reflect import messages
from ips_reflect.core.content import Content
from ips_reflect.core.entries import Entry
from ips_reflect.gui.pages.journal.live_flags import JournalFlagPanel
from ips_reflect.gui.pages.journal.models import Column, EntryTableModel, HighlightDelegate
from ips_reflect.gui.shell.uiloader import find_child, load_ui
from ips_reflect.gui.widgets.controller import PageController
from ips_reflect.gui.widgets.debounce import debounce_timer
from ips_reflect.gui.widgets.drafts import DraftBanner, DraftKeeper
from ips_reflect.gui.widgets.entry_view import EntryContext
from ips_reflect.gui.widgets.row_wrap import RowWrapper, wrap_rows
from ips_reflect.store import keys
from ips_reflect.store.journal_index import JournalCatalog, JournalFilter

if TYPE_CHECKING:
    from ips_reflect.gui.pages.journal.transfer import ProgressRelay
    from ips_reflect.store.vault import Vault

PAGE_KEY = "journal"
FILTERS_KEY = keys.JOURNAL_FILTERS
SEARCH_DELAY_MS = 120
DRAFT_KEY = keys.DRAFT_JOURNAL
DRAFT_KIND = "journal_editor"
PROGRESS_AFTER_MS = 400
EDIT_FIELDS = ("title", "body", "tags", "client_alias", "audience")
PAGE_KEYS = frozenset(
    {"Ctrl+F", "Ctrl+N", "Ctrl+S", "Ctrl+Z", "Ctrl+Shift+Z", "Ctrl+Y", "Del", "Esc", "Down"}
)

PANE_READ, PANE_EDIT, PANE_EMPTY = 0, 1, 2


class JournalBase(PageController):
    """Signals, widgets and state of the Journal page; see the module docstring."""

    entryOpened = Signal(str)  # uid of the entry now in the reading pane
    searchApplied = Signal(int)  # rows now in the list
    statusMessage = Signal(str)  # a short sentence for the status bar (no entry text)
    operationFinished = Signal(str, bool)  # "import" / "export", succeeded
    entriesChanged = Signal()  # entries were added, edited, deleted or restored here

    export_actions: dict[tuple[str, bool], QAction]  # the Export menu's, by (format, selection)

    def __init__(self, view: QWidget, content: Content, parent: QObject | None = None) -> None:
        super().__init__(view, content, parent)
        self.vault: Vault | None = None
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

        self.title_label = find_child(view, QLabel, "journalTitle")
        self.search = find_child(view, QLineEdit, "searchEdit")
        self.bin_button = find_child(view, QPushButton, "binButton")
        self.kind_combo = find_child(view, QComboBox, "kindCombo")
        self.audience_combo = find_child(view, QComboBox, "audienceCombo")
        self.tag_combo = find_child(view, QComboBox, "tagCombo")
        self.period_combo = find_child(view, QComboBox, "periodCombo")
        self.from_date = find_child(view, QDateEdit, "fromDate")
        self.to_date = find_child(view, QDateEdit, "toDate")
        self.to_label = find_child(view, QLabel, "toLabel")
        self.flagged_check = find_child(view, QCheckBox, "flaggedCheck")
        self.supervision_check = find_child(view, QCheckBox, "supervisionCheck")
        self.clear_filters_button = find_child(view, QPushButton, "clearFiltersButton")
        self.count_label = find_child(view, QLabel, "countLabel")
        self.table = find_child(view, QTableView, "entryTable")
        self.pane = find_child(view, QStackedWidget, "paneStack")
        self.browser = find_child(view, QTextBrowser, "entryView")
        self.pane_supervision = find_child(view, QCheckBox, "paneSupervisionCheck")
        self.edit_button = find_child(view, QPushButton, "editButton")
        self.delete_button = find_child(view, QPushButton, "deleteButton")
        self.restore_button = find_child(view, QPushButton, "restoreButton")
        self.delete_forever_button = find_child(view, QPushButton, "deleteForeverButton")
        self.empty_label = find_child(view, QLabel, "paneEmptyLabel")
        self.new_button = find_child(view, QPushButton, "newButton")
        self.import_button = find_child(view, QPushButton, "importButton")
        self.export_button = find_child(view, QToolButton, "exportButton")
        self.undo_button = find_child(view, QToolButton, "undoButton")
        self.redo_button = find_child(view, QToolButton, "redoButton")
        # The filters wrap onto a second line rather than run off the window's edge
        # at large text sizes.
        self.filter_wrap = RowWrapper(find_child(view, QHBoxLayout, "filterRow"), view)
        self.row_wraps = wrap_rows(view, "headerRow", "paneActions")

        # The editor lives in the pane's edit page.
        self.editor = load_ui("entry_editor")
        edit_layout = find_child(view, QWidget, "editPage").layout()
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
            find_child(view, QFrame, "draftFrame"),
            messages.JOURNAL_DRAFT_NOUN,
            parent=self,
        )

    def _set_enabled(self, on: bool) -> None:
        self.view.setEnabled(on)

    def _kv_get(self, key: str) -> Any:
        try:
            assert self.vault is not None
            return self.vault.kv.get(key)
        except Exception:
            return None

    def _tell(self, title: str, text: str) -> None:
        QMessageBox.warning(self.view, title, text)

    if TYPE_CHECKING:  # the parts' methods that other parts call

        def _setup_table(self) -> None: ...

        def _fit_columns(self) -> None: ...

        def _update_undo_names(self, _index: int = 0) -> None: ...

        def apply_search(self) -> None: ...

        def _refill_dynamic_lists(self) -> None: ...

        def _set_filter_widgets(self, f: JournalFilter) -> None: ...

        def _on_filter_widgets(self, *_args: Any) -> None: ...

        def _select_row(self, row: int, show: bool = True) -> None: ...

        def _empty_text(self, n: int, query: str) -> str: ...

        def selected_ids(self) -> list[int]: ...

        def selected_uids(self) -> list[str]: ...

        def _update_actions(self) -> None: ...

        def open_id(self, entry_id: int) -> bool: ...

        def show_entry(self, uid: str) -> bool: ...

        def _render_current(self) -> None: ...

        def _show_empty(self, text: str) -> None: ...

        def show_flag_changes(self, uids: Sequence[str] | frozenset[str]) -> None: ...

        def _write_fields(self, uid: str, fields: dict[str, Any]) -> bool: ...

        def _move_to_bin(self, uids: Sequence[str], *, back: bool) -> None: ...

        def _add_entry(self, entry: Entry) -> bool: ...

        def _leave_editor(self) -> bool: ...

        def _collect_draft(self) -> dict[str, Any]: ...

        def _restore_draft(self, payload: dict[str, Any]) -> None: ...


def entries_word(n: int) -> str:
    return messages.JOURNAL_ENTRY_WORD if n == 1 else messages.JOURNAL_ENTRIES_WORD
