"""The Flags page: every warning-sign flag in the vault, explained, with its status.

The view is ``ui/flags.ui``; :class:`FlagsPage` is its controller. On
:meth:`FlagsPage.set_vault` (and on "Check again") the vault's flags are brought up
to date off the GUI thread (:func:`~ips_reflect.ops.flags.sync_vault_flags`, which
only searches new or changed entries) and listed in a typed table model:
date, sign, where it came from, what triggered it, client alias, status.

Filters: status (open, discussed, resolved, all) and sign. The detail pane shows
the triggering words highlighted in their sentence, why this wording may matter,
why the briefing paper names the sign, and the status and note. Buttons: mark
discussed or resolved (each asks for an optional note, :func:`ask_note`), reopen,
add to (or take off) the next supervision agenda (flag ids in ``vault.kv`` under
:data:`~ips_reflect.gui.widgets.agenda.AGENDA_KEY`), and open the entry (signal
:attr:`FlagsPage.entryRequested`).

``set_vault(None)`` (lock) clears every model and widget.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from datetime import date
from html import escape
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QLabel,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QTableView,
    QTextBrowser,
    QWidget,
)

from ips_reflect import messages
from ips_reflect.core.content import Content
from ips_reflect.core.flags import PLAN_SIGN, FlagEngine, entry_text
from ips_reflect.gui.shell.flag_sync import checked_sentence
from ips_reflect.gui.shell.uiloader import find_child, load_ui
from ips_reflect.gui.shell.workers import on_own_connection, run_task
from ips_reflect.gui.widgets import flag_panel
from ips_reflect.gui.widgets.agenda import AGENDA_KEY, next_agenda_flag_ids
from ips_reflect.gui.widgets.controller import PageController
from ips_reflect.gui.widgets.flag_panel import shared_engine
from ips_reflect.gui.widgets.models import RowTableModel, select_row, show_rows
from ips_reflect.gui.widgets.rich_text import detail_css
from ips_reflect.gui.widgets.row_wrap import wrap_rows
from ips_reflect.gui.widgets.theme import current_theme
from ips_reflect.ops.flags import SyncResult, sync_vault_flags
from ips_reflect.store.keys import PATTERN_ENTRIES as PATTERN_ENTRIES_KEY

if TYPE_CHECKING:
    from ips_reflect.store.vault import Vault

PAGE_KEY = "flags"
ICON_NAME = "flags"
STATUS_FILTERS: tuple[str, ...] = ("open", "discussed", "resolved", "all")
CONTEXT_CHARS = 400

ModelIndex = QModelIndex | QPersistentModelIndex
_ROOT = QModelIndex()


def create_page(content: Content) -> tuple[str, str, QWidget, FlagsPage, str]:
    """The Flags page: ``key, title, view, controller, icon_name``."""
    view = load_ui("flags")
    controller = FlagsPage(view, content)
    return PAGE_KEY, messages.FLAGS_PAGE_TITLE, view, controller, ICON_NAME


# --------------------------------------------------------------------------- rows


@dataclass(frozen=True)
class FlagRow:
    """One flag as the page shows it."""

    id: int
    sign: str
    label: str
    source: str
    status: str
    note: str
    evidence: str
    explanation: str
    date: str  # YYYY-MM-DD of the entry (the latest one, for a pattern flag)
    client_alias: str
    entry_uid: str | None
    related: tuple[str, ...]  # entries a pattern flag is about
    context: str  # the entry's text, for showing the words in their sentence

    @property
    def entry_to_open(self) -> str | None:
        return self.entry_uid or (self.related[-1] if self.related else None)


def load_rows(
    vault: Vault, content: Content, engine: FlagEngine, synced: SyncResult | None = None
) -> tuple[list[FlagRow], SyncResult]:
    """Sync the vault's flags (unless ``synced`` after a save) and read them as rows."""
    result = synced if synced is not None else sync_vault_flags(vault, content, engine)
    records = vault.flags.list()
    related: dict[str, list[str]] = vault.kv.get(PATTERN_ENTRIES_KEY) or {}
    wanted: set[str] = set()
    for r in records:
        wanted.update([r.entry_uid] if r.entry_uid else related.get(r.fingerprint, []))
    if len(wanted) > 50:
        entries = {e.uid: e for e in vault.entries.list() if e.uid in wanted}
    else:
        entries = {uid: e for uid in wanted if (e := vault.entries.get(uid)) is not None}
    rows = []
    for r in records:
        uids = tuple(related.get(r.fingerprint, [])) if r.entry_uid is None else ()
        anchor = entries.get(r.entry_uid or (uids[-1] if uids else ""))
        rows.append(
            FlagRow(
                id=r.id,
                sign=r.sign,
                label=engine.label(r.sign),
                source=r.source,
                status=r.status,
                note=r.note,
                evidence=r.evidence,
                explanation=r.explanation,
                date=(anchor.created if anchor is not None else r.created)[:10],
                client_alias=(anchor.client_alias or "") if anchor is not None else "",
                entry_uid=r.entry_uid,
                related=uids,
                context=entry_text(anchor) if anchor is not None and r.source == "text" else "",
            )
        )
    rows.sort(key=lambda row: (row.date, row.id), reverse=True)
    return rows, result


class FlagsTableModel(RowTableModel):
    """Flags as table rows: date, sign, source, evidence, client alias, status."""

    IdRole = int(Qt.ItemDataRole.UserRole) + 1
    SignRole = IdRole + 1
    columns = messages.FLAGS_COLUMNS

    def cell(self, row: FlagRow, column: int) -> str:
        return (
            day_label(row.date),
            row.label,
            messages.FLAG_SOURCE_LABELS.get(row.source, row.source),
            " ".join(row.evidence.split()),
            row.client_alias,
            messages.FLAG_STATUS_LABELS.get(row.status, row.status),
        )[column]

    def tooltip(self, row: FlagRow, column: int) -> str:
        return row.evidence if column == 3 else self.cell(row, column)

    def extra(self, row: FlagRow, column: int, role: int) -> Any:
        if role == self.IdRole:
            return row.id
        if role == self.SignRole:
            return row.sign
        return None

    def row_of(self, flag_id: int) -> int:
        return self.row_where(lambda row: row.id == flag_id)


# --------------------------------------------------------------------------- detail pane


def highlight_html(context: str, evidence: str) -> str | None:
    """The sentence(s) of ``context`` holding the evidence words, with those words marked;
    None when they cannot be found (the entry changed since)."""
    parts = [p for p in evidence.split(" … ") if p.strip()]
    spans = []
    for part in parts:
        words = [re.escape(w) for w in part.split()]
        if not words:
            continue
        m = re.search(r"\s+".join(words), context, re.IGNORECASE)
        if m is not None:
            spans.append(m.span())
    if not spans:
        return None
    spans.sort()
    start = max(0, min(s for s, _ in spans))
    end = max(e for _, e in spans)
    left = max(context.rfind(ch, 0, start) for ch in ".!?\n") + 1
    rights = [i for ch in ".!?\n" if (i := context.find(ch, end)) >= 0]
    right = min(rights) + 1 if rights else len(context)
    left = max(left, start - CONTEXT_CHARS)
    right = min(right, end + CONTEXT_CHARS)
    out, pos = [], left
    for s, e in spans:
        if s < pos:
            continue
        out.append(escape(context[pos:s]))
        out.append(f'<span class="hit">{escape(context[s:e])}</span>')
        pos = e
    out.append(escape(context[pos:right]))
    return " ".join("".join(out).split())


def flag_css(point_size: int) -> str:
    c = current_theme().colors
    return detail_css(current_theme(), point_size) + (
        f"\n.hit {{ font-weight: bold; text-decoration: underline; color: {c['warning_sign']}; }}"
        f"\n.quote {{ margin-left: 8px; }}"
    )


def day_label(iso_day: str) -> str:
    """``2026-03-02`` as ``2 Mar 2026`` (anything else unchanged)."""
    try:
        day = date.fromisoformat(iso_day[:10])
    except ValueError:
        return iso_day
    return f"{day.day} {day:%b %Y}"


def row_html(row: FlagRow, content: Content) -> str:
    parts = [
        f'<p class="kicker kicker-warning_sign">'
        f"{escape(messages.FLAG_SOURCE_KICKERS.get(row.source, row.source))}</p>",
        f'<p class="title">{escape(row.label)}</p>',
        f'<p class="heading">{escape(messages.FLAGS_WHAT)}</p>',
    ]
    marked = highlight_html(row.context, row.evidence) if row.context else None
    if marked is not None:
        parts.append(f'<p class="quote">“{marked}”</p>')
    else:
        words = f"“{row.evidence}”" if row.source == "text" else row.evidence
        parts.append(f'<p class="quote">{escape(words)}</p>')
    parts.append(f'<p class="heading">{escape(messages.FLAGS_WHY_WORDS)}</p>')
    parts.append(f'<p class="help">{escape(row.explanation)}</p>')
    item = content.get(row.sign) if row.sign != PLAN_SIGN else None
    if item is not None:
        parts.append(f'<p class="heading">{escape(messages.FLAGS_WHY_PAPER)}</p>')
        parts.append(f"<p>{escape(item.text)}</p>")
        if item.help not in row.explanation:  # the explanation often ends with it already
            parts.append(f"<p>{escape(item.help)}</p>")
        parts.append(
            f'<p class="source">{escape(messages.FLAGS_FROM_PAPER.format(source=item.source))}</p>'
        )
    status = messages.FLAG_STATUS_LABELS.get(row.status, row.status)
    parts.append(f'<p class="where">{escape(messages.FLAGS_STATUS_LINE.format(status=status))}</p>')
    if row.note:
        parts.append(f"<p>{escape(messages.FLAGS_NOTE_LINE.format(note=row.note))}</p>")
    return "\n".join(parts)


# --------------------------------------------------------------------------- controller


class FlagsPage(PageController):
    """Controller of ``ui/flags.ui``."""

    entryRequested = Signal(str)  # uid of the entry to open
    flagsLoaded = Signal(int)  # rows loaded (after a sync)
    loadFailed = Signal(str)

    def __init__(self, view: QWidget, content: Content, engine: FlagEngine | None = None) -> None:
        super().__init__(view, content, view)
        self.engine = engine or shared_engine(content)
        self.vault: Vault | None = None
        self._generation = 0
        self._busy = False
        self._queued: list[SyncResult | None] = []  # loads asked for while one runs
        self._all: list[FlagRow] = []
        self.status_combo = find_child(view, QComboBox, "statusCombo")
        self.sign_combo = find_child(view, QComboBox, "signCombo")
        self.refresh_button = find_child(view, QPushButton, "refreshButton")
        self.count_label = find_child(view, QLabel, "countLabel")
        self.results = find_child(view, QStackedWidget, "resultsStack")
        self.table = find_child(view, QTableView, "flagsTable")
        self.empty_label = find_child(view, QLabel, "emptyLabel")
        self.detail = find_child(view, QTextBrowser, "detailView")
        self.discussed_button = find_child(view, QPushButton, "discussedButton")
        self.resolved_button = find_child(view, QPushButton, "resolvedButton")
        self.reopen_button = find_child(view, QPushButton, "reopenButton")
        self.agenda_button = find_child(view, QPushButton, "agendaButton")
        self.open_button = find_child(view, QPushButton, "openEntryButton")
        self.status_label = find_child(view, QLabel, "statusLabel")

        self.wrappers = wrap_rows(view, "actionGrid")  # wraps, never squeezes its words
        self.model = FlagsTableModel(self)
        header = show_rows(
            self.table, self.model, (3,), messages.FLAGS_HEADER_NAME, messages.FLAGS_ROWS_NAME
        )
        header.setMinimumSectionSize(60)
        self.detail.document().setDocumentMargin(12)
        splitter = find_child(view, QSplitter, "flagsSplitter")
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        splitter.setSizes([560, 440])

        for key in STATUS_FILTERS:
            self.status_combo.addItem(messages.FLAGS_STATUS_OPTIONS[key], key)
        self.sign_combo.addItem(messages.FLAGS_ALL_SIGNS, None)
        for item in content.warning_signs:
            self.sign_combo.addItem(item.label, item.id)
        self.sign_combo.addItem(messages.FLAG_PLAN_LABEL, PLAN_SIGN)
        for combo in (self.status_combo, self.sign_combo):
            combo.view().setAccessibleName(combo.accessibleName())

        self.status_combo.currentIndexChanged.connect(self.apply_filter)
        self.sign_combo.currentIndexChanged.connect(self.apply_filter)
        self.refresh_button.clicked.connect(lambda _checked=False: self.reload())
        self.table.selectionModel().currentRowChanged.connect(self._on_current)
        self.discussed_button.clicked.connect(self.mark_discussed)
        self.resolved_button.clicked.connect(self.mark_resolved)
        self.reopen_button.clicked.connect(self.reopen)
        self.agenda_button.clicked.connect(self.toggle_agenda)
        self.open_button.clicked.connect(self.open_entry)
        self.table.activated.connect(lambda _index: self.open_entry())
        self.set_vault(None)

    # -- the vault

    def set_vault(self, vault: Vault | None) -> None:
        """Give the page the open vault (loads the flags) or None on lock (clears all)."""
        self._generation += 1
        self.vault = vault
        self._all = []
        self.model.set_rows([])
        self.detail.clear()
        self.status_label.clear()
        self.count_label.clear()
        self.status_combo.setCurrentIndex(0)
        self.sign_combo.setCurrentIndex(0)
        self.view.setEnabled(vault is not None)
        self._busy = False
        self._queued = []
        if vault is None:
            self.empty_label.setText(messages.FLAGS_LOCKED)
            self.results.setCurrentWidget(self.empty_label)
            self._update_buttons()
            return
        self.reload()

    @property
    def busy(self) -> bool:
        return self._busy

    def reload(self, synced: SyncResult | None = None) -> None:
        """Bring the flags up to date (off the GUI thread) and show them; ``synced``: a sync
        just run after a save. Asked while loading, it loads once more afterwards."""
        vault = self.vault
        if self._busy:
            self._queued[:] = [synced]
        if vault is None or self._busy:
            return
        self._busy = True
        self.refresh_button.setEnabled(False)
        self.status_label.setText(messages.FLAGS_CHECKING)
        generation = self._generation

        def done(result: tuple[list[FlagRow], SyncResult]) -> None:
            if generation != self._generation:
                return  # locked, or another vault, meanwhile
            rows, sync = result
            self._loaded(rows, sync)

        def failed(exc: BaseException) -> None:
            if generation != self._generation:
                return
            self._busy = False
            self.refresh_button.setEnabled(True)
            message = messages.FLAGS_CHECK_FAILED.format(error=exc)
            self.status_label.setText(message)
            self.loadFailed.emit(message)

        args = (vault, self.content, self.engine, synced)
        run_task(
            on_own_connection(load_rows),
            *args,
            on_success=done,
            on_failure=failed,
            on_finished=self._next,
        )

    def _next(self) -> None:
        if self._queued and not self._busy:
            self.reload(self._queued.pop())

    def _loaded(self, rows: list[FlagRow], sync: SyncResult) -> None:
        self._busy = False
        self.refresh_button.setEnabled(True)
        self._all = rows
        self.status_label.setText(checked_sentence(sync))
        self.apply_filter()
        self.flagsLoaded.emit(len(rows))

    # -- filters

    @property
    def status_filter(self) -> str:
        return str(self.status_combo.currentData() or "open")

    @property
    def sign_filter(self) -> str | None:
        data = self.sign_combo.currentData()
        return str(data) if data else None

    def set_status_filter(self, status: str) -> None:
        self.status_combo.setCurrentIndex(max(0, self.status_combo.findData(status)))

    def set_sign_filter(self, sign: str | None) -> None:
        self.sign_combo.setCurrentIndex(max(0, self.sign_combo.findData(sign)) if sign else 0)

    def all_rows(self) -> list[FlagRow]:
        return list(self._all)

    def rows(self) -> list[FlagRow]:
        """The rows shown now."""
        return self.model.rows()

    def apply_filter(self, *_args: object, keep: int | None = None) -> None:
        status, sign = self.status_filter, self.sign_filter
        current = self.current()
        keep_id = keep if keep is not None else (current.id if current is not None else None)
        shown = [
            r
            for r in self._all
            if (status == "all" or r.status == status) and (sign is None or r.sign == sign)
        ]
        self.model.set_rows(shown)
        total = len(self._all)
        if total:
            self.count_label.setText(messages.FLAGS_COUNT.format(shown=len(shown), total=total))
        else:
            self.count_label.setText(messages.FLAGS_COUNT_NONE if self.vault else "")
        if shown:
            self.results.setCurrentWidget(self.table)
            row = self.model.row_of(keep_id) if keep_id is not None else -1
            self.table.selectRow(max(row, 0))
        else:
            filtered = status != "open" or sign is not None
            self.empty_label.setText(
                messages.FLAGS_EMPTY_FILTERED if filtered and total else messages.FLAGS_EMPTY_OPEN
            )
            if self.vault is None:
                self.empty_label.setText(messages.FLAGS_LOCKED)
            self.results.setCurrentWidget(self.empty_label)
        self._render()

    # -- selection and detail

    def current(self) -> FlagRow | None:
        return self.model.current_in(self.table)

    def select_flag(self, flag_id: int) -> bool:
        return select_row(self.table, self.model.row_of(flag_id))

    def _on_current(self, _current: QModelIndex, _previous: QModelIndex) -> None:
        self._render()

    def refresh(self) -> None:
        """Redraw after a theme or text size change."""
        self._render()

    def detail_text(self) -> str:
        return self.detail.toPlainText()

    def detail_html(self) -> str:
        return self.detail.toHtml()

    def _render(self) -> None:
        row = self.current()
        pt = self.detail.font().pointSize()
        self.detail.document().setDefaultStyleSheet(flag_css(pt))
        if row is None:
            self.detail.setHtml(
                f"<p>{escape(messages.FLAGS_SELECT_ONE)}</p>" if self.model.rowCount() else ""
            )
        else:
            html = row_html(row, self.content)
            if row.id in self.agenda():
                html += f'<p class="where">{escape(messages.FLAGS_ON_AGENDA)}</p>'
            self.detail.setHtml(html)
        self._update_buttons()

    def _update_buttons(self) -> None:
        row = self.current()
        has = row is not None and self.vault is not None
        self.discussed_button.setEnabled(has and row is not None and row.status != "discussed")
        self.resolved_button.setEnabled(has and row is not None and row.status != "resolved")
        self.reopen_button.setEnabled(has and row is not None and row.status != "open")
        self.agenda_button.setEnabled(has)
        on_agenda = row is not None and row.id in self.agenda()
        self.agenda_button.setText(
            messages.FLAGS_AGENDA_REMOVE if on_agenda else messages.FLAGS_AGENDA_ADD
        )
        self.agenda_button.setAccessibleName(
            messages.FLAGS_AGENDA_REMOVE_NAME if on_agenda else messages.FLAGS_AGENDA_ADD_NAME
        )
        self.open_button.setEnabled(has and row is not None and row.entry_to_open is not None)

    # -- actions

    def _set_status(self, status: str, note: str | None) -> bool:
        row = self.current()
        if row is None or self.vault is None:
            return False
        try:
            record = self.vault.flags.set_status(row.id, status, note)
        except Exception as exc:  # a locked or damaged vault: say so, lose nothing
            self.status_label.setText(messages.FLAGS_SAVE_FAILED.format(error=exc))
            return False
        updated = replace(row, status=record.status, note=record.note)
        self._all = [updated if r.id == row.id else r for r in self._all]
        status_label = messages.FLAG_STATUS_LABELS.get(status, status).lower()
        self.status_label.setText(
            messages.FLAGS_MARKED.format(label=row.label, status=status_label)
        )
        self.apply_filter(keep=row.id)
        return True

    def _mark_with_note(self, status: str, title: str, prompt: str) -> bool:
        row = self.current()
        if row is None:
            return False
        note = flag_panel.ask_note(self.view, title, prompt.format(label=row.label), row.note)
        if note is None:
            return False
        return self._set_status(status, note)

    def mark_discussed(self) -> bool:
        return self._mark_with_note(
            "discussed",
            messages.FLAGS_NOTE_TITLE_DISCUSSED,
            messages.FLAGS_NOTE_PROMPT_DISCUSSED,
        )

    def mark_resolved(self) -> bool:
        return self._mark_with_note(
            "resolved",
            messages.FLAGS_NOTE_TITLE_RESOLVED,
            messages.FLAGS_NOTE_PROMPT_RESOLVED,
        )

    def reopen(self) -> bool:
        return self._set_status("open", None)

    def agenda(self) -> list[int]:
        if self.vault is None:
            return []
        return next_agenda_flag_ids(self.vault)

    def toggle_agenda(self) -> bool:
        """Add the chosen flag to the next supervision agenda, or take it off. Returns
        True when it is on the agenda afterwards."""
        row = self.current()
        if row is None or self.vault is None:
            return False
        ids = self.agenda()
        if row.id in ids:
            ids.remove(row.id)
            message, on = messages.FLAGS_AGENDA_REMOVED, False
        else:
            ids.append(row.id)
            message, on = messages.FLAGS_AGENDA_ADDED, True
        try:
            self.vault.kv.set(AGENDA_KEY, ids)
        except Exception as exc:
            self.status_label.setText(messages.FLAGS_SAVE_FAILED.format(error=exc))
            return row.id not in ids
        self.status_label.setText(message)
        self._render()
        return on

    def open_entry(self) -> bool:
        row = self.current()
        uid = row.entry_to_open if row is not None else None
        if uid is None:
            self.status_label.setText(messages.FLAGS_NO_ENTRY)
            return False
        self.entryRequested.emit(uid)
        return True
