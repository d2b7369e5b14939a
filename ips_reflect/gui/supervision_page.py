"""The Supervision page: sessions with a supervisor, built only from what the
practitioner chose to bring.

The view is ``ui/supervision.ui``; :class:`SupervisionPage` is its controller.

Consent comes first. Every entry the page (or the presenter view it opens) shows is
read with ``vault.entries.list(supervision=True)`` and goes through
:func:`~ips_reflect.core.supervision.resolve_agenda`, which drops entries that are no
longer marked or are in the bin; nothing else is ever read from the journal. The
agenda is re-checked whenever the page is shown, a session is chosen, or entries
change (:meth:`SupervisionPage.reload_entries`), so unmarking an entry takes it off
every agenda at once.

A session has:

* a date and the supervisor's name;
* an agenda (typed list model): topics from the ``supervision`` content pack, the
  marked entries, and flags (those put on the next agenda from the Flags page, kept
  in ``vault.kv`` under :data:`~ips_reflect.gui.flags_page.AGENDA_KEY`, and open
  flags of marked entries). Items can be ticked as discussed (Space), given a note,
  moved, taken off; a flag can be marked discussed or resolved with a note;
* notes, and agreed actions with due dates (typed table model); open actions from
  earlier sessions are listed too, and on the Home page until done;
* SLEF self-ratings in six areas, 1 to 5, with a line chart over all sessions and
  the same in words (:func:`~ips_reflect.core.supervision.rating_summary`).

"Present on a shared screen…" (F5) opens :class:`~ips_reflect.gui.presenter.PresenterDialog`.
The session summary, the supervision pack and the group pack (client aliases
removed) are built as PDFs on a worker thread and written atomically where the
practitioner chooses.

``set_vault(None)`` (lock) closes the presenter and clears every model and widget.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from datetime import date, timedelta
from html import escape
from pathlib import Path
from typing import Any

from PySide6.QtCharts import QCategoryAxis, QChart, QChartView, QLineSeries, QValueAxis
from PySide6.QtCore import (
    QAbstractListModel,
    QDate,
    QItemSelectionModel,
    QMargins,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QBrush, QColor, QFont, QKeySequence, QPainter, QPen, QShortcut
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QGridLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListView,
    QMessageBox,
    QPlainTextEdit,
    QProgressBar,
    QPushButton,
    QSpinBox,
    QSplitter,
    QStackedWidget,
    QTableView,
    QTabWidget,
    QTextBrowser,
    QWidget,
)
from shiboken6 import isValid

from ips_reflect import messages
from ips_reflect.core.content import Content, Item
from ips_reflect.core.entries import Entry
from ips_reflect.core.flags import PLAN_SIGN
from ips_reflect.core.supervision import (
    SLEF_AREAS,
    AgendaItem,
    action_state,
    build_agenda,
    consented,
    rating_series,
    rating_summary,
)
from ips_reflect.errors import UserError
from ips_reflect.gui import flag_panel
from ips_reflect.gui import theme as theming
from ips_reflect.gui.flags_page import AGENDA_KEY
from ips_reflect.gui.models import RowTableModel
from ips_reflect.gui.pdf_preview import build_pdf_locked
from ips_reflect.gui.presenter import (
    PresenterDialog,
    build_slides,
    item_css,
    item_html,
    item_title,
    kind_label,
)
from ips_reflect.gui.trends import palette
from ips_reflect.gui.uiloader import find_child, load_ui
from ips_reflect.gui.views import PageView
from ips_reflect.gui.workers import debounce_timer, run_task
from ips_reflect.store.records import Action, Session

PAGE_KEY = "supervision"
ICON_NAME = "supervision"
TOPIC_PACK = "supervision"
SLEF_PACK = "slef"
#: ``vault.kv`` key: topic ids ticked for the next session (kept when the new-session
#: dialog is cancelled, cleared once a session is made).
TOPICS_KEY = "supervision.next_agenda.topics"
NOTES_DELAY_MS = 700
DUE_DAYS = 14

ModelIndex = QModelIndex | QPersistentModelIndex
_ROOT = QModelIndex()
_USER = int(Qt.ItemDataRole.UserRole)
_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
_WEEKDAYS = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")


def create_page(content: Content) -> tuple[str, str, QWidget, SupervisionPage, str]:
    """The Supervision page: ``key, title, view, controller, icon_name``."""
    view = load_ui("supervision")
    controller = SupervisionPage(view, content)
    return PAGE_KEY, messages.SUPV_PAGE_TITLE, view, controller, ICON_NAME


# --------------------------------------------------------------------------- small words


def parse_day(iso: str | None) -> date | None:
    if not iso:
        return None
    try:
        return date.fromisoformat(iso[:10])
    except ValueError:
        return None


def day_text(iso: str | None, weekday: bool = True) -> str:
    """ "Thu 12 Mar 2026" (or without the weekday), independent of the locale."""
    day = parse_day(iso)
    if day is None:
        return iso or ""
    text = f"{day.day} {_MONTHS[day.month - 1]} {day.year}"
    return f"{_WEEKDAYS[day.weekday()]} {text}" if weekday else text


def session_heading(session: Session) -> str:
    day = day_text(session.held_on)
    if session.supervisor.strip():
        return messages.SUPV_SESSION_WITH.format(day=day, supervisor=session.supervisor.strip())
    return messages.SUPV_SESSION_ALONE.format(day=day)


def topic_items(content: Content) -> list[Item]:
    """The supervision topics from the paper (any pack's topics if that pack is missing)."""
    try:
        content.pack(TOPIC_PACK)
    except KeyError:
        return content.items(type="topic")
    return content.items(type="topic", pack=TOPIC_PACK)


def sign_names(content: Content) -> dict[str, str]:
    names = {item.id: item.label for item in content.warning_signs}
    names[PLAN_SIGN] = messages.FLAG_PLAN_LABEL
    return names


def area_names(content: Content) -> dict[str, str]:
    """SLEF areas by the titles of the ``slef`` pack's sections (or capitalised ids)."""
    names = {area: area.capitalize() for area in SLEF_AREAS}
    with contextlib.suppress(KeyError):
        for section in content.pack(SLEF_PACK).sections:
            area = section.id.split(".", 1)[-1]
            if area in names:
                names[area] = section.title
    return names


# --------------------------------------------------------------------------- reading the vault


def consented_entries(vault: Any) -> list[Entry]:
    """The entries the practitioner chose to bring: the vault's query, then the gate."""
    return consented(vault.entries.list(supervision=True))


def load_agenda(
    vault: Any, content: Content, session: Session
) -> tuple[list[AgendaItem], list[Entry]]:
    """A session's agenda as it may be shown now, and the consented entries."""
    from ips_reflect.ops import supervision as ops

    entries = ops.marked_entries(vault)
    return ops.session_agenda(vault, content, session, entries), entries


def next_agenda_flag_ids(vault: Any) -> list[int]:
    try:
        value = vault.kv.get(AGENDA_KEY) or []
    except Exception:
        return []
    return [int(v) for v in value if isinstance(v, int)]


def agenda_flags(vault: Any, entries: Sequence[Entry]) -> list[Any]:
    """Flags for a new agenda, oldest first: those put on the next agenda from the Flags
    page (unless resolved since) and the open flags of the marked entries."""
    uids = {e.uid for e in entries}
    wanted = set(next_agenda_flag_ids(vault))
    return [
        f
        for f in reversed(vault.flags.chosen(ids=wanted, entry_uids=uids))
        if f.status != "resolved"
        and (f.id in wanted or (f.status == "open" and f.entry_uid in uids))
    ]


def fresh_agenda(vault: Any, content: Content, topic_ids: Sequence[str]) -> list[AgendaItem]:
    """A new session's agenda: the chosen topics, every marked entry, the flags put on
    the next agenda and the open flags of marked entries."""
    entries = consented_entries(vault)
    flags = agenda_flags(vault, entries)
    topics = []
    for tid in topic_ids:
        item = content.get(tid)
        if item is not None:
            topics.append((tid, item.label))
    items = build_agenda(
        topics=topics,
        entries=entries,
        flags=flags,
        sign_names=sign_names(content),
        kind_names=messages.JOURNAL_KIND_NAMES,
    )
    for n, agenda_item in enumerate(items):
        if agenda_item.kind == "topic":
            topic = content.get(agenda_item.ref)
            items[n] = replace(agenda_item, detail=topic.text if topic is not None else "")
    return items


# --------------------------------------------------------------------------- the PDFs (worker)


def write_supervision_pdf(kind: str, out: Path, content: Content, data: Any) -> Path:
    """Build one PDF and write it atomically (runs on a worker thread; no widgets).

    ``kind``: "summary" (``data`` is an :class:`ops.supervision.SummaryInput`) or
    "pack" (a :class:`ops.supervision.PackInput`, a group pack or not)."""
    from ips_reflect.fileio import atomic_write_bytes
    from ips_reflect.ops import supervision as ops

    pdf = ops.summary_pdf(data, content) if kind == "summary" else ops.pack_pdf(data, content)
    atomic_write_bytes(out, pdf)
    return out


# --------------------------------------------------------------------------- models


class SessionListModel(QAbstractListModel):
    """Supervision sessions, most recent first."""

    IdRole = _USER + 1

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[Session] = []

    def rowCount(self, parent: ModelIndex = _ROOT) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: ModelIndex = _ROOT) -> int:
        return 0 if parent.isValid() else 1

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        session = self._rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            who = session.supervisor.strip()
            return day_text(session.held_on) + (f"\n{who}" if who else "")
        if role in (Qt.ItemDataRole.AccessibleTextRole, Qt.ItemDataRole.ToolTipRole):
            return session_heading(session)
        if role == self.IdRole:
            return session.id
        return None

    def flags(self, index: ModelIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def set_rows(self, rows: Sequence[Session]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def rows(self) -> list[Session]:
        return list(self._rows)

    def row_of(self, session_id: int) -> int:
        for n, session in enumerate(self._rows):
            if session.id == session_id:
                return n
        return -1

    def session_at(self, row: int) -> Session | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None


class AgendaListModel(QAbstractListModel):
    """The resolved agenda of one session; the check box is "discussed"."""

    discussedChanged = Signal(int, bool)  # row, discussed now (changed in a view)

    KindRole = _USER + 1
    RefRole = _USER + 2

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[AgendaItem] = []
        self._titles: list[str] = []

    def rowCount(self, parent: ModelIndex = _ROOT) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: ModelIndex = _ROOT) -> int:
        return 0 if parent.isValid() else 1

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        item = self._rows[index.row()]
        title = self._titles[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return f"{kind_label(item)}: {title}"
        if role == Qt.ItemDataRole.AccessibleTextRole:
            state = messages.SUPV_ITEM_DISCUSSED if item.discussed else messages.SUPV_ITEM_OPEN
            return f"{kind_label(item)}: {title}. {state}."
        if role == Qt.ItemDataRole.ToolTipRole:
            return title
        if role == Qt.ItemDataRole.CheckStateRole:
            return Qt.CheckState.Checked if item.discussed else Qt.CheckState.Unchecked
        if role == self.KindRole:
            return item.kind
        if role == self.RefRole:
            return item.ref
        return None

    def setData(self, index: ModelIndex, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.CheckStateRole or not index.isValid():
            return False
        row = index.row()
        if not 0 <= row < len(self._rows):
            return False
        checked = Qt.CheckState(value) == Qt.CheckState.Checked
        if self._rows[row].discussed == checked:
            return True
        self._rows[row] = replace(self._rows[row], discussed=checked)
        self.dataChanged.emit(index, index)
        self.discussedChanged.emit(row, checked)
        return True

    def flags(self, index: ModelIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return (
            Qt.ItemFlag.ItemIsEnabled
            | Qt.ItemFlag.ItemIsSelectable
            | Qt.ItemFlag.ItemIsUserCheckable
        )

    def set_rows(self, rows: Sequence[AgendaItem], titles: Sequence[str] | None = None) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self._titles = list(titles) if titles is not None else [r.title for r in rows]
        self.endResetModel()

    def rows(self) -> list[AgendaItem]:
        return list(self._rows)

    def item_at(self, row: int) -> AgendaItem | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None


@dataclass(frozen=True)
class ActionRow:
    action: Action
    agreed: str  # the session's date (ISO)
    state: str  # open, due, overdue, done


class ActionsTableModel(RowTableModel):
    """Agreed actions: what, due, state, agreed on."""

    IdRole = _USER + 1
    columns = messages.SUPV_ACTION_COLUMNS

    def cell(self, row: ActionRow, column: int) -> str:
        a = row.action
        state = messages.SUPV_ACTION_STATES.get(row.state, row.state)
        if row.state == "done" and a.done_on:
            state = messages.SUPV_ACTION_DONE_ON.format(day=day_text(a.done_on, weekday=False))
        return (
            a.text,
            day_text(a.due_on, weekday=False) if a.due_on else messages.SUPV_ACTION_NO_DUE,
            state,
            day_text(row.agreed, weekday=False),
        )[column]

    def extra(self, row: ActionRow, column: int, role: int) -> Any:
        if role == Qt.ItemDataRole.ForegroundRole and column == 2:
            if row.state == "overdue":
                return theming.current_theme().color("warning_sign")
            if row.state == "done":
                return theming.current_theme().color("reason")
        if role == self.IdRole:
            return row.action.id
        return None

    def row_of(self, action_id: int) -> int:
        return self.row_where(lambda row: row.action.id == action_id)


class TopicListModel(QAbstractListModel):
    """Supervision topics with a tick each (the new-session dialog)."""

    IdRole = _USER + 1

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._topics: list[Item] = []
        self._ticked: set[str] = set()

    def rowCount(self, parent: ModelIndex = _ROOT) -> int:
        return 0 if parent.isValid() else len(self._topics)

    def columnCount(self, parent: ModelIndex = _ROOT) -> int:
        return 0 if parent.isValid() else 1

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._topics):
            return None
        topic = self._topics[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return topic.label
        if role == Qt.ItemDataRole.ToolTipRole:
            return topic.text
        if role == Qt.ItemDataRole.CheckStateRole:
            return Qt.CheckState.Checked if topic.id in self._ticked else Qt.CheckState.Unchecked
        if role == self.IdRole:
            return topic.id
        return None

    def setData(self, index: ModelIndex, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.CheckStateRole or not index.isValid():
            return False
        topic = self._topics[index.row()]
        if Qt.CheckState(value) == Qt.CheckState.Checked:
            self._ticked.add(topic.id)
        else:
            self._ticked.discard(topic.id)
        self.dataChanged.emit(index, index)
        return True

    def flags(self, index: ModelIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return (
            Qt.ItemFlag.ItemIsEnabled
            | Qt.ItemFlag.ItemIsSelectable
            | Qt.ItemFlag.ItemIsUserCheckable
        )

    def set_topics(self, topics: Sequence[Item], ticked: Sequence[str] = ()) -> None:
        self.beginResetModel()
        self._topics = list(topics)
        known = {t.id for t in self._topics}
        self._ticked = {t for t in ticked if t in known}
        self.endResetModel()

    def ticked(self) -> list[str]:
        """Ticked topic ids, in the paper's order."""
        return [t.id for t in self._topics if t.id in self._ticked]


# --------------------------------------------------------------------------- new session dialog


@dataclass(frozen=True)
class NewSession:
    held_on: str
    supervisor: str
    topics: tuple[str, ...]


def ask_new_session(
    parent: QWidget | None,
    topics: Sequence[Item],
    ticked: Sequence[str],
    supervisor: str,
    brought: str,
    on: date | None = None,
    remember: Callable[[list[str]], None] | None = None,
) -> NewSession | None:
    """Ask for a new session's date, supervisor and topics (``ui/supervision_new.ui``);
    None when cancelled (then ``remember`` gets the topics ticked, for next time)."""
    dialog = load_ui("supervision_new", parent)
    assert isinstance(dialog, QDialog)
    f = find_child
    find_child(dialog, QLabel, "newSessionIntro").setText(messages.SUPV_NEW_INTRO)
    date_edit = f(dialog, QDateEdit, "newDateEdit")
    day = on or date.today()
    date_edit.setDate(QDate(day.year, day.month, day.day))
    supervisor_edit = f(dialog, QLineEdit, "newSupervisorEdit")
    supervisor_edit.setText(supervisor)
    topics_view = f(dialog, QListView, "topicsList")
    model = TopicListModel(dialog)
    model.set_topics(topics, ticked)
    topics_view.setModel(model)
    f(dialog, QLabel, "broughtLabel").setText(brought)
    buttons = f(dialog, QDialogButtonBox, "buttonBox")
    buttons.accepted.connect(dialog.accept)
    buttons.rejected.connect(dialog.reject)
    ok = buttons.button(QDialogButtonBox.StandardButton.Ok)
    if ok is not None:
        ok.setText(messages.SUPV_NEW_CREATE)
    for button in buttons.buttons():
        button.setAccessibleName(button.text().replace("&", ""))
    date_edit.setFocus()
    try:
        if dialog.exec() != QDialog.DialogCode.Accepted:
            if remember is not None:
                remember(model.ticked())
            return None
        return NewSession(
            date_edit.date().toString("yyyy-MM-dd"),
            " ".join(supervisor_edit.text().split()),
            tuple(model.ticked()),
        )
    finally:
        dialog.deleteLater()


# --------------------------------------------------------------------------- controller


class SupervisionPage(QObject):
    """Controller of ``ui/supervision.ui``; see the module docstring."""

    sessionsLoaded = Signal(int)  # number of sessions listed
    sessionShown = Signal(int)  # id of the session now shown (0: none)
    agendaChanged = Signal()  # the agenda shown was changed or re-read
    actionsChanged = Signal()  # an action was added, done, reopened or deleted
    ratingsSaved = Signal(int)  # id of the session whose ratings were saved
    pdfSaved = Signal(str)  # path of the PDF written
    pdfFailed = Signal(str)  # a sentence
    statusMessage = Signal(str)  # for the main window's status bar
    presenterOpened = Signal(object)  # the PresenterDialog

    def __init__(self, view: QWidget, content: Content, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.view = view
        self.content = content
        self.vault: Any = None
        self.session: Session | None = None
        self.items: list[AgendaItem] = []
        self.entries: list[Entry] = []
        self.presenter: PresenterDialog | None = None
        self.today: date | None = None  # None: today (tests may pin it)
        self._busy = False
        self._loading = False
        self._note_row = -1
        self.topics = topic_items(content)
        self.area_names = area_names(content)

        f = find_child
        self.present_button = f(view, QPushButton, "presentButton")
        self.sessions_list = f(view, QListView, "sessionsList")
        self.new_button = f(view, QPushButton, "newSessionButton")
        self.delete_button = f(view, QPushButton, "deleteSessionButton")
        self.stack = f(view, QStackedWidget, "sessionStack")
        self.empty_label = f(view, QLabel, "emptyLabel")
        self.session_pane = f(view, QWidget, "sessionPane")
        self.date_edit = f(view, QDateEdit, "dateEdit")
        self.supervisor_edit = f(view, QLineEdit, "supervisorEdit")
        self.tabs = f(view, QTabWidget, "sessionTabs")
        self.agenda_list = f(view, QListView, "agendaList")
        self.item_view = f(view, QTextBrowser, "itemView")
        self.item_note_edit = f(view, QLineEdit, "itemNoteEdit")
        self.discussed_button = f(view, QPushButton, "discussedButton")
        self.up_button = f(view, QPushButton, "moveUpButton")
        self.down_button = f(view, QPushButton, "moveDownButton")
        self.remove_button = f(view, QPushButton, "removeItemButton")
        self.flag_discussed_button = f(view, QPushButton, "flagDiscussedButton")
        self.flag_resolved_button = f(view, QPushButton, "flagResolvedButton")
        self.topic_combo = f(view, QComboBox, "topicCombo")
        self.add_topic_button = f(view, QPushButton, "addTopicButton")
        self.update_button = f(view, QPushButton, "updateAgendaButton")
        self.notes_edit = f(view, QPlainTextEdit, "notesEdit")
        self.actions_table = f(view, QTableView, "actionsTable")
        self.action_edit = f(view, QLineEdit, "actionEdit")
        self.due_check = f(view, QCheckBox, "dueCheck")
        self.due_edit = f(view, QDateEdit, "dueEdit")
        self.add_action_button = f(view, QPushButton, "addActionButton")
        self.action_done_button = f(view, QPushButton, "actionDoneButton")
        self.delete_action_button = f(view, QPushButton, "deleteActionButton")
        self.ratings_intro = f(view, QLabel, "ratingsIntro")
        self.ratings_summary = f(view, QLabel, "ratingsSummary")
        self.summary_button = f(view, QPushButton, "summaryPdfButton")
        self.pack_button = f(view, QPushButton, "packPdfButton")
        self.group_button = f(view, QPushButton, "groupPackButton")
        self.progress = f(view, QProgressBar, "outputProgress")
        self.status_label = f(view, QLabel, "statusLabel")

        # Models.
        self.sessions_model = SessionListModel(self)
        self.sessions_list.setModel(self.sessions_model)
        self.agenda_model = AgendaListModel(self)
        self.agenda_list.setModel(self.agenda_model)
        self.actions_model = ActionsTableModel(self)
        self.actions_table.setModel(self.actions_model)
        header = self.actions_table.horizontalHeader()
        header.setAccessibleName(messages.SUPV_ACTIONS_HEADER_NAME)
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.actions_table.verticalHeader().setAccessibleName(messages.SUPV_ACTIONS_ROWS_NAME)

        # Ratings: one spin box per area, then the chart.
        grid = f(view, QGridLayout, "ratingsGrid")
        self.rating_boxes: dict[str, QSpinBox] = {}
        for n, area in enumerate(SLEF_AREAS):
            name = self.area_names[area]
            box = QSpinBox(view)
            box.setObjectName(f"rating_{area}")
            box.setRange(0, 5)
            box.setSpecialValueText(messages.SUPV_RATING_NONE)
            box.setAccessibleName(messages.SUPV_RATING_NAME.format(area=name))
            box.setAccessibleDescription(messages.SUPV_RATING_DESCRIPTION)
            none_width = view.fontMetrics().horizontalAdvance(messages.SUPV_RATING_NONE)
            box.setMinimumWidth(none_width + 48)
            label = QLabel(name, view)
            label.setBuddy(box)
            row, column = divmod(n, 3)
            grid.addWidget(label, row, column * 3)
            grid.addWidget(box, row, column * 3 + 1)
            box.valueChanged.connect(lambda _v, a=area: self._on_rating_changed(a))
            self.rating_boxes[area] = box
        for column in (2, 5):
            grid.setColumnMinimumWidth(column, 24)  # room between the groups
        grid.setColumnStretch(8, 1)
        self.ratings_intro.setText(messages.SUPV_RATINGS_INTRO)
        host = f(view, QWidget, "ratingsChartHost")
        self.chart_view = QChartView(host)
        self.chart_view.setObjectName("ratingsChart")
        self.chart_view.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.chart_view.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.chart_view.setMinimumHeight(max(220, view.fontMetrics().height() * 13))
        self.chart_view.setAccessibleName(messages.SUPV_CHART_NAME)
        layout = host.layout()
        assert layout is not None
        layout.addWidget(self.chart_view)

        for topic in self.topics:
            self.topic_combo.addItem(topic.label, topic.id)
            self.topic_combo.setItemData(
                self.topic_combo.count() - 1, topic.text, Qt.ItemDataRole.ToolTipRole
            )
        self.topic_combo.view().setAccessibleName(self.topic_combo.accessibleName())
        self.item_view.document().setDocumentMargin(10)
        self.progress.hide()
        for splitter, sizes in (
            (f(view, QSplitter, "supervisionSplitter"), [230, 770]),
            (f(view, QSplitter, "agendaSplitter"), [300, 460]),
        ):
            splitter.setStretchFactor(0, 0)
            splitter.setStretchFactor(1, 1)
            splitter.setSizes(sizes)

        self._notes_timer = debounce_timer(self.view, NOTES_DELAY_MS, self.save_details)

        # Wiring.
        self.sessions_list.selectionModel().currentRowChanged.connect(self._on_session_row)
        self.agenda_list.selectionModel().currentRowChanged.connect(self._on_agenda_row)
        self.agenda_model.discussedChanged.connect(self._on_discussed_changed)
        self.actions_table.selectionModel().currentRowChanged.connect(
            lambda *_a: self._update_action_buttons()
        )
        self.new_button.clicked.connect(self.create_session)
        self.delete_button.clicked.connect(self.delete_session)
        self.present_button.clicked.connect(self.present)
        self.date_edit.dateChanged.connect(lambda _d: self._on_date_changed())
        self.supervisor_edit.editingFinished.connect(self.save_details)
        self.notes_edit.textChanged.connect(self._on_notes_typed)
        self.item_note_edit.editingFinished.connect(self.save_item_note)
        self.discussed_button.clicked.connect(self.toggle_discussed)
        self.up_button.clicked.connect(lambda: self.move_item(-1))
        self.down_button.clicked.connect(lambda: self.move_item(+1))
        self.remove_button.clicked.connect(self.remove_item)
        self.flag_discussed_button.clicked.connect(lambda: self.mark_flag("discussed"))
        self.flag_resolved_button.clicked.connect(lambda: self.mark_flag("resolved"))
        self.add_topic_button.clicked.connect(lambda: self.add_topic())
        self.update_button.clicked.connect(self.update_agenda)
        self.action_edit.returnPressed.connect(lambda: self.add_action())
        self.due_check.toggled.connect(self.due_edit.setEnabled)
        self.add_action_button.clicked.connect(lambda: self.add_action())
        self.action_done_button.clicked.connect(self.toggle_action_done)
        self.delete_action_button.clicked.connect(self.delete_action)
        self.tabs.currentChanged.connect(self._on_tab)
        self.summary_button.clicked.connect(self.save_summary_pdf)
        self.pack_button.clicked.connect(lambda: self.save_pack_pdf(group=False))
        self.group_button.clicked.connect(lambda: self.save_pack_pdf(group=True))
        for keys, slot in (
            ("F5", self.present),
            ("Alt+Up", lambda: self.move_item(-1)),
            ("Alt+Down", lambda: self.move_item(+1)),
        ):
            shortcut = QShortcut(QKeySequence(keys), view)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(slot)
        if isinstance(view, PageView):
            view.shown.connect(self.reload_entries)
        self.set_vault(None)

    # ------------------------------------------------------------------ the vault

    def set_vault(self, vault: Any) -> None:
        """Give the page the open vault (lists the sessions) or None on lock (clears all)."""
        if self.vault is not None and vault is None:
            with contextlib.suppress(Exception):  # the vault may be closed already
                self._save_pending()
        self._notes_timer.stop()
        self.close_presenter()
        self.vault = vault
        self._clear()
        self.view.setEnabled(vault is not None)
        if vault is None:
            self.empty_label.setText(messages.SUPV_LOCKED)
            return
        self.reload()

    def _clear(self) -> None:
        self._loading = True
        try:
            self.session = None
            self.items = []
            self.entries = []
            self._note_row = -1
            self.sessions_model.set_rows([])
            self.agenda_model.set_rows([])
            self.actions_model.set_rows([])
            self.item_view.clear()
            for edit in (self.supervisor_edit, self.item_note_edit, self.action_edit):
                edit.clear()
                edit.setModified(False)
            self.notes_edit.clear()
            self.notes_edit.document().clearUndoRedoStacks()
            for box in self.rating_boxes.values():
                box.setValue(0)
            self.ratings_summary.clear()
            self.ratings_summary.setAccessibleDescription("")
            self.chart_view.setAccessibleDescription("")
            self._set_chart(QChart())
            self.status_label.clear()
            self.stack.setCurrentWidget(self.empty_label)
            self.empty_label.clear()
        finally:
            self._loading = False
        self._update_buttons()

    def flush(self) -> None:
        """Save what is typed now (before a lock or quit)."""
        self._notes_timer.stop()
        self._save_pending()

    def refresh(self) -> None:
        """Redraw after a theme or text size change."""
        self._render_item()
        self._draw_chart()
        if self.presenter is not None and isValid(self.presenter):
            self.presenter.apply_look()

    # ------------------------------------------------------------------ sessions

    def reload(self, keep_id: int | None = None) -> None:
        """Read the sessions again and show ``keep_id`` (or the one shown, or the newest)."""
        if self.vault is None:
            return
        if keep_id is None and self.session is not None:
            keep_id = self.session.id
        self._save_pending()
        sessions = self.vault.supervision.sessions()
        self._loading = True
        try:
            self.sessions_model.set_rows(sessions)
        finally:
            self._loading = False
        self.sessionsLoaded.emit(len(sessions))
        row = self.sessions_model.row_of(keep_id) if keep_id is not None else -1
        if sessions:
            self._select_session_row(max(row, 0))
        else:
            self._show_session(None)
        self._draw_chart()

    def sessions(self) -> list[Session]:
        return self.sessions_model.rows()

    def select_session(self, session_id: int) -> bool:
        row = self.sessions_model.row_of(session_id)
        if row < 0:
            return False
        self._select_session_row(row)
        return True

    def _select_session_row(self, row: int) -> None:
        index = self.sessions_model.index(row)
        self.sessions_list.selectionModel().setCurrentIndex(
            index, QItemSelectionModel.SelectionFlag.ClearAndSelect
        )
        session = self.sessions_model.session_at(row)
        if session is not None and (self.session is None or self.session.id != session.id):
            self._show_session(session.id)

    def _on_session_row(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if self._loading:
            return
        session = self.sessions_model.session_at(current.row()) if current.isValid() else None
        if session is None:
            return
        if self.session is None or session.id != self.session.id:
            self._save_pending()
            self._show_session(session.id)

    def _show_session(self, session_id: int | None) -> None:
        session = None
        if session_id is not None and self.vault is not None:
            session = self.vault.supervision.get_session(session_id)
        self.session = session
        self._note_row = -1
        self._loading = True
        try:
            if session is None:
                self.items, self.entries = [], []
                self.agenda_model.set_rows([])
                self.actions_model.set_rows([])
                self.item_view.clear()
                self.notes_edit.clear()
                self.supervisor_edit.clear()
                for box in self.rating_boxes.values():
                    box.setValue(0)
                self.empty_label.setText(
                    messages.SUPV_NO_SESSIONS if self.vault is not None else messages.SUPV_LOCKED
                )
                self.stack.setCurrentWidget(self.empty_label)
            else:
                day = parse_day(session.held_on) or date.today()
                self.date_edit.setDate(QDate(day.year, day.month, day.day))
                self.supervisor_edit.setText(session.supervisor)
                self.supervisor_edit.setModified(False)
                if self.notes_edit.toPlainText() != session.notes:
                    self.notes_edit.setPlainText(session.notes)
                self.notes_edit.document().clearUndoRedoStacks()
                due = (self.today or date.today()) + timedelta(days=DUE_DAYS)
                self.due_edit.setDate(QDate(due.year, due.month, due.day))
                ratings = self.vault.supervision.ratings(session.id)
                for area, box in self.rating_boxes.items():
                    box.setValue(ratings.get(area, 0))
                self.stack.setCurrentWidget(self.session_pane)
        finally:
            self._loading = False
        if session is not None:
            self._load_agenda(0)
            self.reload_actions()
        self._update_buttons()
        self.sessionShown.emit(session.id if session is not None else 0)

    def current_session(self) -> Session | None:
        return self.session

    def create_session(self) -> Session | None:
        """Ask for the new session's details (a dialog), then make it."""
        if self.vault is None:
            return None
        self._save_pending()
        entries = consented_entries(self.vault)
        flags = agenda_flags(self.vault, entries)
        brought = messages.SUPV_NEW_BROUGHT.format(
            entries=len(entries),
            entries_word="entry" if len(entries) == 1 else "entries",
            flags=len(flags),
            flags_word="flag" if len(flags) == 1 else "flags",
        )
        previous = self.sessions_model.session_at(0)
        supervisor = previous.supervisor if previous is not None else ""
        answer = ask_new_session(
            self.view,
            self.topics,
            self.topics_for_next_time(),
            supervisor,
            brought,
            self.today,
            remember=self._remember_topics,
        )
        if answer is None:
            return None
        return self.new_session(answer.held_on, answer.supervisor, answer.topics)

    def _remember_topics(self, ticked: list[str]) -> None:
        if self.vault is not None:
            with contextlib.suppress(Exception):
                self.vault.kv.set(TOPICS_KEY, list(ticked))

    def topics_for_next_time(self) -> list[str]:
        """Topics to tick in a new session: those kept in ``vault.kv``, and the topics
        of the latest session that were not discussed."""
        ticked: list[str] = []
        with contextlib.suppress(Exception):
            ticked = [t for t in self.vault.kv.get(TOPICS_KEY) or [] if isinstance(t, str)]
        latest = self.sessions_model.session_at(0)
        if latest is not None:
            for raw in latest.agenda:
                item = AgendaItem.from_json(raw)
                if item is not None and item.kind == "topic" and not item.discussed:
                    ticked.append(item.ref)
        return list(dict.fromkeys(ticked))

    def new_session(self, held_on: str, supervisor: str, topic_ids: Sequence[str]) -> Session:
        """Make a session whose agenda holds the topics, the marked entries and flags."""
        assert self.vault is not None
        items = fresh_agenda(self.vault, self.content, topic_ids)
        session = self.vault.supervision.add_session(
            held_on, " ".join(supervisor.split()), [i.to_json() for i in items]
        )
        with contextlib.suppress(Exception):
            self.vault.kv.set(AGENDA_KEY, [])
            self.vault.kv.set(TOPICS_KEY, [])
        self.session = None
        self.reload(keep_id=session.id)
        self._say(messages.SUPV_SESSION_MADE.format(heading=session_heading(session)))
        return session

    def delete_session(self) -> bool:
        if self.vault is None or self.session is None:
            return False
        answer = QMessageBox.question(
            self.view,
            messages.SUPV_DELETE_TITLE,
            messages.SUPV_DELETE_QUESTION.format(heading=session_heading(self.session)),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        if answer != QMessageBox.StandardButton.Yes:
            return False
        heading = session_heading(self.session)
        self._notes_timer.stop()
        self.vault.supervision.delete_session(self.session.id)
        self.session = None
        self.close_presenter()
        self.reload()
        self._say(messages.SUPV_SESSION_DELETED.format(heading=heading))
        self.actionsChanged.emit()
        return True

    # ------------------------------------------------------------------ details and notes

    def _on_date_changed(self) -> None:
        if self._loading or self.session is None:
            return
        self.save_details()
        self.reload(keep_id=self.session.id)

    def _on_notes_typed(self) -> None:
        if not self._loading and self.session is not None:
            self._notes_timer.start()

    def save_details(self) -> Session | None:
        """Save the date, the supervisor's name and the notes of the session shown."""
        self._notes_timer.stop()
        if self.vault is None or self.session is None:
            return None
        held_on = self.date_edit.date().toString("yyyy-MM-dd")
        supervisor = " ".join(self.supervisor_edit.text().split())
        notes = self.notes_edit.toPlainText()
        s = self.session
        if (s.held_on, s.supervisor, s.notes) == (held_on, supervisor, notes):
            return s
        try:
            self.session = self.vault.supervision.update_session(
                replace(s, held_on=held_on, supervisor=supervisor, notes=notes)
            )
        except Exception as exc:
            self._say(messages.SUPV_SAVE_FAILED.format(error=exc))
            return None
        self.supervisor_edit.setModified(False)
        row = self.sessions_model.row_of(self.session.id)
        if row >= 0 and (s.held_on, s.supervisor) != (held_on, supervisor):
            rows = self.sessions_model.rows()
            rows[row] = self.session
            self._loading = True
            try:
                self.sessions_model.set_rows(rows)
                self.sessions_list.selectionModel().setCurrentIndex(
                    self.sessions_model.index(row),
                    QItemSelectionModel.SelectionFlag.ClearAndSelect,
                )
            finally:
                self._loading = False
        return self.session

    def _save_pending(self) -> None:
        if self.vault is None or self.session is None:
            return
        self.save_item_note()
        self.save_details()

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
        self._show_items(keep, keep_row)
        self._update_presenter()
        self.agendaChanged.emit()

    def _titles(self) -> list[str]:
        consented_map = {e.uid: e for e in self.entries}
        return [item_title(i, consented_map) for i in self.items]

    def _show_items(self, keep: AgendaItem | None = None, fallback_row: int | None = 0) -> None:
        self._loading = True
        try:
            self.agenda_model.set_rows(self.items, self._titles())
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
            self.item_view.setHtml(item_html(item, self.content, consented_map))
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
                self.agenda_model.set_rows(self.items, self._titles())
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
        label = messages.SUPV_FLAG_STATUS.get(status, status).lower()
        self._save_agenda(messages.SUPV_FLAG_MARKED.format(title=item.title, status=label))
        self._load_agenda(row)
        return True

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
        index = self.actions_table.currentIndex()
        row = self.actions_model.row_at(index.row()) if index.isValid() else None
        return row.action if row is not None else None

    def select_action(self, action_id: int) -> bool:
        row = self.actions_model.row_of(action_id)
        if row < 0:
            return False
        self.actions_table.selectRow(row)
        return True

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
        answer = QMessageBox.question(
            self.view,
            messages.SUPV_ACTION_DELETE_TITLE,
            messages.SUPV_ACTION_DELETE_QUESTION.format(text=action.text),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        if answer != QMessageBox.StandardButton.Yes:
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

    # ------------------------------------------------------------------ ratings

    def ratings(self) -> dict[str, int]:
        """This session's ratings as the boxes show them (unrated areas left out)."""
        return {a: b.value() for a, b in self.rating_boxes.items() if b.value() > 0}

    def set_rating(self, area: str, value: int) -> None:
        self.rating_boxes[area].setValue(value)

    def _on_rating_changed(self, area: str) -> None:
        if self._loading or self.vault is None or self.session is None:
            return
        try:
            self.vault.supervision.set_ratings(self.session.id, self.ratings())
        except Exception as exc:
            self._say(messages.SUPV_SAVE_FAILED.format(error=exc))
            return
        value = self.rating_boxes[area].value()
        name = self.area_names[area]
        self._say(
            messages.SUPV_RATING_SAVED.format(area=name, value=value)
            if value
            else messages.SUPV_RATING_CLEARED.format(area=name)
        )
        self._draw_chart()
        self.ratingsSaved.emit(self.session.id)

    def _on_tab(self, index: int) -> None:
        if self.tabs.widget(index) is self.tabs.findChild(QWidget, "ratingsTab"):
            self._draw_chart()  # labels along the bottom fit the width it has now

    def _set_chart(self, chart: QChart) -> None:
        old = self.chart_view.chart()
        self.chart_view.setChart(chart)
        if old is not None and old is not chart:
            old.deleteLater()

    def _font(self, scale: float = 1.0) -> QFont:
        font = QFont(self.view.font())
        size = font.pointSizeF() if font.pointSizeF() > 0 else 11.0
        font.setPointSizeF(max(8.0, size * scale))
        return font

    def _draw_chart(self) -> None:
        """The ratings of every session as lines (one per area), and in words."""
        if self.vault is None:
            self._set_chart(QChart())
            return
        series = rating_series(self.vault.supervision.rating_history())
        days = sorted({day for points in series.values() for day, _ in points})
        x_of = {day: float(n) for n, day in enumerate(days)}
        theme = theming.current_theme()
        colours = palette(theme)
        c = theme.colors
        chart = QChart()
        chart.setTheme(
            QChart.ChartTheme.ChartThemeDark if theme.dark else QChart.ChartTheme.ChartThemeLight
        )
        chart.setBackgroundBrush(QBrush(QColor(c["surface"])))
        chart.setBackgroundPen(QPen(Qt.PenStyle.NoPen))
        chart.setBackgroundRoundness(0)
        chart.setMargins(QMargins(4, 4, 4, 4))
        chart.setAnimationOptions(QChart.AnimationOption.NoAnimation)
        x_axis = QCategoryAxis()
        x_axis.setLabelsPosition(QCategoryAxis.AxisLabelsPosition.AxisLabelsPositionOnValue)
        x_axis.setRange(-0.3, max(len(days) - 0.7, 0.3))
        labels = [day_text(d, weekday=False) for d in days]
        if labels:
            width = max(self.view.fontMetrics().horizontalAdvance(t) for t in labels)
            plot = max(200, self.chart_view.width() - 120)
            every = max(1, -(-len(labels) // max(1, plot // max(1, round(width * 1.4)))))
            for n in range(0, len(labels), every):
                x_axis.append(labels[n], float(n))
        x_axis.setGridLineVisible(False)
        y_axis = QValueAxis()
        y_axis.setRange(0.5, 5.5)
        y_axis.setTickType(QValueAxis.TickType.TicksDynamic)
        y_axis.setTickAnchor(1)
        y_axis.setTickInterval(1)
        y_axis.setLabelFormat("%d")
        y_axis.setTitleText(messages.SUPV_CHART_AXIS)
        chart.addAxis(x_axis, Qt.AlignmentFlag.AlignBottom)
        chart.addAxis(y_axis, Qt.AlignmentFlag.AlignLeft)
        styles = (
            Qt.PenStyle.SolidLine,
            Qt.PenStyle.DashLine,
            Qt.PenStyle.SolidLine,
            Qt.PenStyle.DotLine,
            Qt.PenStyle.DashDotLine,
            Qt.PenStyle.SolidLine,
        )
        shown = 0
        for n, area in enumerate(SLEF_AREAS):
            points = series.get(area, [])
            if not points:
                continue
            line = QLineSeries()
            line.setName(self.area_names[area])
            line.setObjectName(f"series_{area}")
            # Areas rated the same on the same day would hide each other: nudge a little.
            offset = (n - 2.5) * 0.035
            for day, rating in points:
                line.append(x_of[day], rating + offset)
            line.setProperty("ratings", [r for _d, r in points])
            line.setPointsVisible(True)
            colour = colours[n % len(colours)] if n < 5 else QColor(c["text"])
            pen = QPen(colour)
            pen.setWidthF(3.0 if theme.name == "high_contrast" else 2.4)
            pen.setStyle(styles[n])
            line.setPen(pen)
            line.setColor(colour)
            chart.addSeries(line)
            line.attachAxis(x_axis)
            line.attachAxis(y_axis)
            shown += 1
        for axis in (x_axis, y_axis):
            axis.setLabelsColor(QColor(c["text"]))
            axis.setLabelsFont(self._font(0.9))
            axis.setTitleBrush(QBrush(QColor(c["muted"])))
            axis.setTitleFont(self._font(0.9))
            axis.setGridLineColor(QColor(c["border"]))
            axis.setLinePenColor(QColor(c["border_strong"]))
        legend = chart.legend()
        legend.setVisible(shown > 0)
        legend.setAlignment(Qt.AlignmentFlag.AlignRight)
        legend.setLabelColor(QColor(c["text"]))
        legend.setFont(self._font(0.9))
        self._set_chart(chart)
        self.chart_view.setBackgroundBrush(QBrush(QColor(c["surface"])))
        lines = rating_summary(series)
        text = "\n".join(lines) if lines else messages.SUPV_RATINGS_NONE
        self.ratings_summary.setText(text)
        self.ratings_summary.setAccessibleDescription(text)
        self.chart_view.setAccessibleDescription(text)

    def series_points(self) -> dict[str, list[tuple[str, int]]]:
        """What the chart draws: area -> [(day, rating)] (for tests and screen readers)."""
        out: dict[str, list[tuple[str, int]]] = {}
        chart = self.chart_view.chart()
        history = rating_series(self.vault.supervision.rating_history()) if self.vault else {}
        days = sorted({day for points in history.values() for day, _ in points})
        for series in chart.series():
            if not isinstance(series, QLineSeries):
                continue
            area = series.objectName().removeprefix("series_")
            out[area] = [(days[round(p.x())], round(p.y())) for p in series.points()]
        return out

    # ------------------------------------------------------------------ presenter

    def present(self) -> PresenterDialog | None:
        """Open the presenter view on this session's agenda (consented items only)."""
        if self.vault is None or self.session is None:
            return None
        self._save_pending()
        self._load_agenda(self._current_row())
        slides = build_slides(
            self.items, self.entries, self.content, heading=session_heading(self.session)
        )
        dialog = self.presenter if self.presenter is not None and isValid(self.presenter) else None
        if dialog is None:
            dialog = PresenterDialog(slides, self.view)
            dialog.discussedToggled.connect(self._on_presenter_discussed)
            dialog.closed.connect(self._on_presenter_closed)
            self.presenter = dialog
        else:
            dialog.set_slides(slides)
        dialog.show()
        dialog.raise_()
        dialog.activateWindow()
        dialog.setFocus(Qt.FocusReason.OtherFocusReason)
        self._say(messages.SUPV_PRESENT_OPENED)
        self.presenterOpened.emit(dialog)
        return dialog

    def _update_presenter(self) -> None:
        if self.presenter is None or not isValid(self.presenter) or self.session is None:
            return
        self.presenter.set_slides(
            build_slides(
                self.items, self.entries, self.content, heading=session_heading(self.session)
            )
        )

    def _on_presenter_discussed(self, row: int, discussed: bool) -> None:
        self.set_discussed(row, discussed)

    def _on_presenter_closed(self) -> None:
        dialog = self.presenter
        self.presenter = None
        if dialog is not None and isValid(dialog):
            dialog.slides = []
            dialog.body.clear()
            dialog.deleteLater()
        if isValid(self.view) and self.view.isVisible():
            self.view.window().activateWindow()  # keys go back to the main window
            self.present_button.setFocus(Qt.FocusReason.OtherFocusReason)

    def close_presenter(self) -> None:
        dialog = self.presenter
        self.presenter = None
        if dialog is not None and isValid(dialog):
            with contextlib.suppress(Exception):
                dialog.closed.disconnect(self._on_presenter_closed)
            dialog.clear()
            dialog.deleteLater()

    # ------------------------------------------------------------------ PDFs

    def _ask_path(self, title: str, name: str) -> Path | None:
        chosen, _filter = QFileDialog.getSaveFileName(
            self.view, title, str(Path.home() / name), messages.SUPV_PDF_FILTER
        )
        if not chosen:
            return None
        out = Path(chosen)
        if out.suffix.lower() != ".pdf":
            out = out.with_name(out.name + ".pdf")
        return out

    def save_summary_pdf(self) -> bool:
        """Ask where, then write the chosen session's summary as a PDF (on a worker)."""
        if self.vault is None or self.session is None or self._busy:
            return False
        self._save_pending()
        self._load_agenda(self._current_row())
        out = self._ask_path(
            messages.SUPV_SUMMARY_SAVE_TITLE, f"supervision-{self.session.held_on}.pdf"
        )
        if out is None:
            return False
        from ips_reflect.ops import supervision as ops

        return self._start_pdf(
            "summary", out, ops.summary_input(self.vault, self.content, self.session)
        )

    def save_pack_pdf(self, group: bool = False) -> bool:
        """Ask where, then write the marked entries as a PDF (aliases removed for a group)."""
        if self.vault is None or self._busy:
            return False
        entries = consented_entries(self.vault)
        if not entries:
            self._say(messages.SUPV_PACK_EMPTY)
            return False
        from ips_reflect.ops import supervision as ops

        out = self._ask_path(
            messages.SUPV_GROUP_SAVE_TITLE if group else messages.SUPV_PACK_SAVE_TITLE,
            "supervision-group-pack.pdf" if group else "supervision-pack.pdf",
        )
        if out is None:
            return False
        try:
            # Fails closed: without every alias, no group pack is built at all.
            data = ops.pack_input(self.vault, group=group)
        except UserError as exc:
            self._say(messages.SUPV_PDF_FAILED.format(error=exc.message))
            self.pdfFailed.emit(exc.message)
            return False
        return self._start_pdf("pack", out, data)

    def _start_pdf(self, kind: str, out: Path, data: Any) -> bool:
        self._set_busy(True)

        def done(path: Any) -> None:
            if not isValid(self.view):
                return
            self._set_busy(False)
            text = messages.SUPV_PDF_SAVED.format(file=path)
            self._say(text)
            self.pdfSaved.emit(str(path))

        def failed(exc: BaseException) -> None:
            if not isValid(self.view):
                return
            self._set_busy(False)
            reason = exc.message if isinstance(exc, UserError) else str(exc) or type(exc).__name__
            text = messages.SUPV_PDF_FAILED.format(error=reason)
            self._say(text)
            self.pdfFailed.emit(text)

        def finished() -> None:
            if isValid(self.view):
                self._set_busy(False)

        run_task(
            build_pdf_locked,
            write_supervision_pdf,
            kind,
            out,
            self.content,
            data,
            on_success=done,
            on_failure=failed,
            on_finished=finished,
        )
        self._say(messages.SUPV_PDF_BUILDING)
        return True

    def _set_busy(self, busy: bool) -> None:
        self._busy = busy
        self.progress.setVisible(busy)
        self._update_buttons()

    # ------------------------------------------------------------------ state

    def _say(self, text: str) -> None:
        self.status_label.setText(text)
        self.statusMessage.emit(text)

    def _update_buttons(self) -> None:
        has_vault = self.vault is not None
        has_session = has_vault and self.session is not None
        item = self.current_item() if has_session else None
        row = self._current_row()
        self.new_button.setEnabled(has_vault)
        self.delete_button.setEnabled(has_session)
        self.present_button.setEnabled(has_session)
        self.discussed_button.setEnabled(item is not None)
        self.discussed_button.setText(
            messages.SUPV_UNMARK_DISCUSSED
            if item is not None and item.discussed
            else messages.SUPV_MARK_DISCUSSED
        )
        self.discussed_button.setAccessibleName(
            messages.SUPV_UNMARK_DISCUSSED_NAME
            if item is not None and item.discussed
            else messages.SUPV_MARK_DISCUSSED_NAME
        )
        self.item_note_edit.setEnabled(item is not None)
        self.up_button.setEnabled(item is not None and row > 0)
        self.down_button.setEnabled(item is not None and row < len(self.items) - 1)
        self.remove_button.setEnabled(item is not None)
        is_flag = item is not None and item.kind == "flag"
        status = item.extra.get("status") if item is not None else None
        self.flag_discussed_button.setEnabled(is_flag and status != "discussed")
        self.flag_resolved_button.setEnabled(is_flag and status != "resolved")
        self.add_topic_button.setEnabled(has_session and bool(self.topics))
        self.topic_combo.setEnabled(has_session and bool(self.topics))
        self.update_button.setEnabled(has_session)
        self.summary_button.setEnabled(has_session and not self._busy)
        self.pack_button.setEnabled(has_vault and not self._busy)
        self.group_button.setEnabled(has_vault and not self._busy)
        self._update_action_buttons()
