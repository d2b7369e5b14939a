"""What every part of the Supervisees page shares: its signals, widgets, models and
state (:class:`SuperviseesBase`).

The page is one controller,
:class:`~ips_reflect.gui.pages.supervisees.page.SuperviseesPage`, put together from
parts: the key card and opening shares (``page``), the walk-through with its comments
(``walk``) and the actions, sign-off and record (``reply``). Methods one part calls on
another are declared here for the type checker.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QDateEdit,
    QFrame,
    QLabel,
    QLineEdit,
    QListView,
    QPlainTextEdit,
    QProgressBar,
    QPushButton,
    QSizePolicy,
    QSplitter,
    QStackedWidget,
    QTableView,
    QTabWidget,
    QTextBrowser,
    QWidget,
)

from ips_reflect import messages
from ips_reflect.core.content import Content
from ips_reflect.gui.pages.supervisees.models import (
    ExchangeActionsModel,
    PeopleListModel,
    SessionsTableModel,
)
from ips_reflect.gui.shell.uiloader import find_child
from ips_reflect.gui.widgets.controller import PageController
from ips_reflect.gui.widgets.models import show_rows
from ips_reflect.gui.widgets.question_widgets import help_on_focus
from ips_reflect.gui.widgets.row_wrap import wrap_rows

if TYPE_CHECKING:
    from ips_reflect.ops.exchange_supervisor import ShareView
    from ips_reflect.store.vault import Vault

#: What each of the page's file dialogs is for (each remembers its own folder).
CARD_FILES = "supervisees_card"
SHARE_FILES = "supervisees_share"
REPLY_FILES = "supervisees_reply"
RECORD_FILES = "supervisees_record"


_REFIT = (QEvent.Type.Resize, QEvent.Type.Show, QEvent.Type.LayoutRequest)


class TallAsWrapped(QObject):
    """Keeps ``frame`` at least as tall as its wrapped sentences need at its width."""

    def __init__(self, frame: QWidget) -> None:
        super().__init__(frame)
        self.frame = frame
        frame.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.frame and event.type() in _REFIT:
            layout = self.frame.layout()
            if layout is not None and layout.hasHeightForWidth():
                needed = layout.totalHeightForWidth(self.frame.width())
                if self.frame.minimumHeight() != needed:
                    self.frame.setMinimumHeight(needed)
        return False


class LabelsKeepTheirLines(QObject):
    """Each word-wrapped label in ``labels`` keeps, as its minimum height, the height its
    text needs at its width, so the page's smallest height counts every line of it."""

    def __init__(self, parent: QObject, labels: list[QLabel]) -> None:
        super().__init__(parent)
        self.labels = labels
        for label in labels:
            label.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if isinstance(watched, QLabel) and event.type() in _REFIT:
            needed = watched.heightForWidth(watched.width()) if watched.text() else 0
            if watched.minimumHeight() != max(needed, 0):
                watched.setMinimumHeight(max(needed, 0))
        return False


class SuperviseesBase(PageController):
    """Signals, widgets and state of the Supervisees page; see the module docstring."""

    cardSaved = Signal(str)  # fingerprint of the card written
    shareOpened = Signal(int)  # id of the share just opened
    shareShown = Signal(int)  # id of the share now shown (0: none)
    itemShown = Signal(int)  # number (from 1) of the item now shown (0: none)
    commentSaved = Signal(int, int)  # share id, item number
    actionAdded = Signal(int)  # share id
    replySaved = Signal(str)  # path of the reply written
    recordSaved = Signal(str)  # path of the PDF written
    failed = Signal(str)  # a sentence (also shown on the page)

    def __init__(self, view: QWidget, content: Content, parent: QObject | None = None) -> None:
        super().__init__(view, content, parent)
        self.vault: Vault | None = None
        self.share: ShareView | None = None
        self.index = 0  # the item shown, from 0
        #: Comments typed but not kept yet: (share id, item number) -> text.
        self.pending: dict[tuple[int, int], str] = {}
        self._busy = False
        self._loading = False

        self.key_card_button = find_child(view, QPushButton, "keyCardButton")
        self.open_button = find_child(view, QPushButton, "openShareButton")
        self.card_frame = find_child(view, QFrame, "keyCardFrame")
        self.card_heading = find_child(view, QLabel, "keyCardHeading")
        self.fingerprint_label = find_child(view, QLabel, "fingerprintLabel")
        self.spoken_label = find_child(view, QLabel, "spokenLabel")
        self.card_how = find_child(view, QLabel, "keyCardHow")
        self.status_label = find_child(view, QLabel, "statusLabel")
        self.people_list = find_child(view, QListView, "peopleList")
        self.sessions_table = find_child(view, QTableView, "sessionsTable")
        self.stack = find_child(view, QStackedWidget, "shareStack")
        self.empty_label = find_child(view, QLabel, "emptyLabel")
        self.share_pane = find_child(view, QWidget, "sharePane")
        self.heading = find_child(view, QLabel, "shareHeading")
        self.tabs = find_child(view, QTabWidget, "shareTabs")
        self.walk_tab = find_child(view, QWidget, "walkTab")
        self.reply_tab = find_child(view, QWidget, "replyTab")
        self.kicker_label = find_child(view, QLabel, "itemKicker")
        self.position_label = find_child(view, QLabel, "itemPosition")
        self.title_label = find_child(view, QLabel, "itemTitle")
        self.body = find_child(view, QTextBrowser, "itemBody")
        self.comment_edit = find_child(view, QPlainTextEdit, "commentEdit")
        self.previous_button = find_child(view, QPushButton, "previousButton")
        self.next_button = find_child(view, QPushButton, "nextButton")
        self.hint_label = find_child(view, QLabel, "walkHint")
        self.actions_table = find_child(view, QTableView, "actionsTable")
        self.action_edit = find_child(view, QLineEdit, "actionEdit")
        self.due_check = find_child(view, QCheckBox, "dueCheck")
        self.due_edit = find_child(view, QDateEdit, "dueEdit")
        self.add_action_button = find_child(view, QPushButton, "addActionButton")
        self.record_label = find_child(view, QLabel, "recordLabel")
        self.signoff_edit = find_child(view, QLineEdit, "signoffEdit")
        self.reply_button = find_child(view, QPushButton, "replyButton")
        self.record_button = find_child(view, QPushButton, "recordPdfButton")
        self.progress = find_child(view, QProgressBar, "replyProgress")
        # Rows of controls wrap rather than squeeze their words at large text sizes.
        self.wrappers = wrap_rows(
            view,
            "superviseesHeader",
            "fingerprintRow",
            "walkFooter",
            "newActionRow",
            "signoffRow",
            "replyButtons",
        )
        # A page takes the height its layout asks for, which counts wrapped sentences
        # at their narrowest: the key card's sentences keep the height they need.
        self._tall = TallAsWrapped(self.card_frame)

        self.people_model = PeopleListModel(self)
        self.people_list.setModel(self.people_model)
        self.sessions_model = SessionsTableModel(self)
        show_rows(
            self.sessions_table,
            self.sessions_model,
            (2,),
            messages.SVS_SESSIONS_HEADER_NAME,
            messages.SVS_SESSIONS_ROWS_NAME,
        )
        self.actions_model = ExchangeActionsModel(self)
        show_rows(
            self.actions_table,
            self.actions_model,
            (0,),
            messages.SVS_ACTIONS_HEADER_NAME,
            messages.SVS_ACTIONS_ROWS_NAME,
        )
        self.card_heading.setText(messages.SVS_CARD_HEADING)
        self.card_how.setText(messages.SVS_CARD_HOW)
        self.hint_label.setText(messages.SVS_KEYS_HINT)
        self.body.setOpenLinks(False)
        self.body.setOpenExternalLinks(False)
        self.body.document().setDocumentMargin(10)
        self.due_edit.setEnabled(False)
        self.progress.hide()
        self.card_frame.hide()
        splitter = find_child(view, QSplitter, "superviseesSplitter")
        splitter.setStretchFactor(0, 0)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([300, 700])
        # A page takes the height its layout prefers, and lists and text panes prefer
        # more than a 768-pixel screen has to spare: these take what is left instead,
        # never less than the few lines ``apply_look`` gives them.
        for pane in (
            self.people_list,
            self.sessions_table,
            self.actions_table,
        ):
            policy = pane.sizePolicy()
            policy.setVerticalPolicy(QSizePolicy.Policy.Ignored)
            pane.setSizePolicy(policy)
        self._lines = LabelsKeepTheirLines(
            self,
            [
                label
                for label in splitter.findChildren(QLabel)
                if label.wordWrap() and label is not self.empty_label
            ],
        )
        # What hovering shows, focus shows too (the tool tip is the control's help).
        helped = []
        for widget in view.findChildren(QWidget):
            about = widget.accessibleDescription()
            if about and not widget.toolTip():
                widget.setToolTip(about)
                helped.append(widget)
        help_on_focus(helped)

    def say(self, text: str, *, problem: bool = False) -> None:
        """Say what just happened in the page's own status line (a problem stands out)."""
        self.status_label.setText(text)
        self.status_label.setVisible(bool(text))
        self.status_label.setProperty("problem", problem)
        style = self.status_label.style()
        style.unpolish(self.status_label)
        style.polish(self.status_label)
        if problem:
            self.failed.emit(text)

    def _touch(self) -> None:
        """Something worth holding changed (the page's draft keeper saves it soon)."""

    @property
    def share_id(self) -> int:
        return self.share.received.id if self.share is not None else 0

    if TYPE_CHECKING:  # the parts' methods that other parts call

        def keep_comments(self) -> bool: ...

        def show_share(self, received_id: int, item: int = 0, *, keep: bool = True) -> bool: ...

        def _refresh_share(self) -> None: ...

        def reload(self, keep: int | None = None) -> None: ...

        def render_item(self) -> None: ...

        def render_reply(self) -> None: ...

        def _update_buttons(self) -> None: ...
