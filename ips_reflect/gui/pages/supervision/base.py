"""What every part of the Supervision page shares: its signals, widgets, models and
state (:class:`SupervisionBase`).

The page is one controller, :class:`~ips_reflect.gui.pages.supervision.page.SupervisionPage`,
put together from parts by responsibility: sessions and notes, the agenda, actions,
ratings and their chart, and what leaves the page (the presenter view and PDFs).
Methods one part calls on another are declared here for the type checker.
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING, Any

from PySide6.QtCharts import QChartView
from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QPainter
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QGridLayout,
    QLabel,
    QLineEdit,
    QListView,
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

from ips_reflect import messages
from ips_reflect.core.content import Content
from ips_reflect.core.entries import Entry
from ips_reflect.core.supervision import SLEF_AREAS, AgendaItem
from ips_reflect.gui.pages.supervision.data import area_names, topic_items
from ips_reflect.gui.pages.supervision.models import (
    ActionsTableModel,
    AgendaListModel,
    SessionListModel,
)
from ips_reflect.gui.pages.supervision.presenter import PresenterDialog
from ips_reflect.gui.shell.uiloader import find_child
from ips_reflect.gui.widgets.controller import PageController
from ips_reflect.gui.widgets.debounce import debounce_timer
from ips_reflect.gui.widgets.models import show_rows
from ips_reflect.gui.widgets.row_wrap import wrap_rows
from ips_reflect.store.records import Session

if TYPE_CHECKING:
    from pathlib import Path

    from ips_reflect.ops.exchange_gui_support import SessionExchange
    from ips_reflect.store.vault import Vault

NOTES_DELAY_MS = 700


class SupervisionBase(PageController):
    """Signals, widgets and state of the Supervision page; see the module docstring."""

    sessionsLoaded = Signal(int)  # number of sessions listed
    sessionShown = Signal(int)  # id of the session now shown (0: none)
    agendaChanged = Signal()  # the agenda shown was changed or re-read
    actionsChanged = Signal()  # an action was added, done, reopened or deleted
    ratingsSaved = Signal(int)  # id of the session whose ratings were saved
    pdfSaved = Signal(str)  # path of the PDF written
    pdfFailed = Signal(str)  # a sentence
    statusMessage = Signal(str)  # for the main window's status bar
    presenterOpened = Signal(object)  # the PresenterDialog
    shareSaved = Signal(str)  # path of the sealed file written for the supervisor
    shareFailed = Signal(str)  # a sentence (nothing was sent)
    replyReceived = Signal(int)  # id of the session the reply signed off
    replyRefused = Signal(str)  # the sentence saying why (nothing was stored)

    def __init__(self, view: QWidget, content: Content, parent: QObject | None = None) -> None:
        super().__init__(view, content, parent)
        self.vault: Vault | None = None
        self.session: Session | None = None
        self.items: list[AgendaItem] = []
        self.entries: list[Entry] = []
        self.presenter: PresenterDialog | None = None
        self.today: date | None = None  # None: today (tests may pin it)
        self._busy = False
        self._loading = False
        self._note_row = -1
        # The exchange with the supervisor (see the exchange part).
        self.exchange: SessionExchange | None = None
        self.item_comments: dict[tuple[str, str], list[str]] = {}
        self.signed_off = False
        self.topics = topic_items(content)
        self.area_names = area_names(content)

        self.present_button = find_child(view, QPushButton, "presentButton")
        self.send_button = find_child(view, QPushButton, "sendButton")
        self.reply_button = find_child(view, QPushButton, "replyButton")
        self.record_button = find_child(view, QPushButton, "recordPdfButton")
        self.exchange_status = find_child(view, QLabel, "exchangeStatus")
        self.sessions_list = find_child(view, QListView, "sessionsList")
        self.new_button = find_child(view, QPushButton, "newSessionButton")
        self.delete_button = find_child(view, QPushButton, "deleteSessionButton")
        self.stack = find_child(view, QStackedWidget, "sessionStack")
        self.empty_label = find_child(view, QLabel, "emptyLabel")
        self.session_pane = find_child(view, QWidget, "sessionPane")
        self.date_edit = find_child(view, QDateEdit, "dateEdit")
        self.supervisor_edit = find_child(view, QLineEdit, "supervisorEdit")
        self.tabs = find_child(view, QTabWidget, "sessionTabs")
        self.agenda_list = find_child(view, QListView, "agendaList")
        self.item_view = find_child(view, QTextBrowser, "itemView")
        self.item_note_edit = find_child(view, QLineEdit, "itemNoteEdit")
        self.discussed_button = find_child(view, QPushButton, "discussedButton")
        self.up_button = find_child(view, QPushButton, "moveUpButton")
        self.down_button = find_child(view, QPushButton, "moveDownButton")
        self.remove_button = find_child(view, QPushButton, "removeItemButton")
        self.flag_discussed_button = find_child(view, QPushButton, "flagDiscussedButton")
        self.flag_resolved_button = find_child(view, QPushButton, "flagResolvedButton")
        self.topic_combo = find_child(view, QComboBox, "topicCombo")
        self.add_topic_button = find_child(view, QPushButton, "addTopicButton")
        self.update_button = find_child(view, QPushButton, "updateAgendaButton")
        self.notes_edit = find_child(view, QPlainTextEdit, "notesEdit")
        self.actions_table = find_child(view, QTableView, "actionsTable")
        self.action_edit = find_child(view, QLineEdit, "actionEdit")
        self.due_check = find_child(view, QCheckBox, "dueCheck")
        self.due_edit = find_child(view, QDateEdit, "dueEdit")
        self.add_action_button = find_child(view, QPushButton, "addActionButton")
        self.action_done_button = find_child(view, QPushButton, "actionDoneButton")
        self.delete_action_button = find_child(view, QPushButton, "deleteActionButton")
        self.ratings_intro = find_child(view, QLabel, "ratingsIntro")
        self.ratings_summary = find_child(view, QLabel, "ratingsSummary")
        self.summary_button = find_child(view, QPushButton, "summaryPdfButton")
        self.pack_button = find_child(view, QPushButton, "packPdfButton")
        self.group_button = find_child(view, QPushButton, "groupPackButton")
        self.progress = find_child(view, QProgressBar, "outputProgress")
        self.status_label = find_child(view, QLabel, "statusLabel")
        # Rows of buttons wrap rather than squeeze their words at large text sizes.
        self.wrappers = wrap_rows(view, "supervisionHeader", "agendaButtons", "outputRow")

        # Models.
        self.sessions_model = SessionListModel(self)
        self.sessions_list.setModel(self.sessions_model)
        self.agenda_model = AgendaListModel(self)
        self.agenda_list.setModel(self.agenda_model)
        self.actions_model = ActionsTableModel(self)
        show_rows(
            self.actions_table,
            self.actions_model,
            (0,),
            messages.SUPV_ACTIONS_HEADER_NAME,
            messages.SUPV_ACTIONS_ROWS_NAME,
        )

        # Ratings: one spin box per area, then the chart.
        grid = find_child(view, QGridLayout, "ratingsGrid")
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
        host = find_child(view, QWidget, "ratingsChartHost")
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
            (find_child(view, QSplitter, "supervisionSplitter"), [230, 770]),
            (find_child(view, QSplitter, "agendaSplitter"), [300, 460]),
        ):
            splitter.setStretchFactor(0, 0)
            splitter.setStretchFactor(1, 1)
            splitter.setSizes(sizes)

        self._notes_timer = debounce_timer(self.view, NOTES_DELAY_MS, self.save_details)

    def _say(self, text: str) -> None:
        """Say what just happened in the page's own status line (once: not in the
        window's status bar as well)."""
        self.status_label.setText(text)

    if TYPE_CHECKING:  # the parts' methods that other parts call

        def _save_pending(self) -> None: ...

        def save_details(self) -> Session | None: ...

        def save_item_note(self, row: int | None = None) -> bool: ...

        def _load_agenda(self, keep_row: int | None = None) -> None: ...

        def _current_row(self) -> int: ...

        def set_discussed(self, row: int, discussed: bool) -> bool: ...

        def reload_actions(self) -> None: ...

        def _on_rating_changed(self, area: str) -> None: ...

        def _draw_chart(self) -> None: ...

        def close_presenter(self) -> None: ...

        def _update_presenter(self) -> None: ...

        def _update_buttons(self) -> None: ...

        def reload(self, keep_id: int | None = None) -> None: ...

        def _load_exchange(self) -> None: ...

        def commenter(self) -> str: ...

        def _ask_path(self, title: str, name: str) -> Path | None: ...

        def _start_pdf(self, kind: str, out: Path, data: Any) -> bool: ...

        def _set_busy(self, busy: bool) -> None: ...
