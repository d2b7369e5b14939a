"""The Home page: a greeting, the shares waiting for a reflection, quick starts.

"2 shares to reflect on" lists the checks made before sharing that have no
reflection yet (date, audience, alias, title and light), each with a
"Reflect now" button that Enter or Space presses. Quick buttons start a new
check, a quick check, a standalone reflection or the sharing plan.

"Agreed in supervision" lists the open actions agreed with a supervisor (due
date and whether it is overdue), each with a "Done" button; the card is hidden
when nothing is open.

The view is ``ui/home.ui``; :class:`HomePage` is its controller. Its signals
are connected to the other flow pages by
:func:`~ips_reflect.gui.shell.flows.connect_flows` (or
:func:`~ips_reflect.gui.shell.flows.install_flow_pages`, which also adds the four
pages to the window).
"""

from __future__ import annotations

from datetime import date, datetime
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from ips_reflect import messages
from ips_reflect.core.check import LIGHT_ANSWER_KEY, LIGHT_NAMES
from ips_reflect.core.content import Content
from ips_reflect.core.entries import Entry
from ips_reflect.core.plan import SharingPlan
from ips_reflect.core.supervision import action_state
from ips_reflect.gui.shell.uiloader import find_child, load_ui
from ips_reflect.gui.widgets.controller import PageController
from ips_reflect.gui.widgets.drafts import short_date, short_when
from ips_reflect.gui.widgets.flow_form import install_enter
from ips_reflect.gui.widgets.question_widgets import EnterButton, set_role
from ips_reflect.gui.widgets.row_wrap import wrap_rows
from ips_reflect.gui.widgets.traffic_light import TrafficLight

if TYPE_CHECKING:
    from ips_reflect.store.vault import Vault

PAGE_KEY = "home"
MAX_ROWS = 25
MAX_ACTIONS = 10
_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


def day_text(iso: str | None) -> str:
    """ "12 Mar 2026" from an ISO date."""
    try:
        day = date.fromisoformat((iso or "")[:10])
    except ValueError:
        return iso or ""
    return f"{day.day} {_MONTHS[day.month - 1]} {day.year}"


def greeting(now: datetime | None = None) -> str:
    hour = (now or datetime.now()).hour
    if hour < 12:
        return messages.FLOW_GOOD_MORNING
    if hour < 18:
        return messages.FLOW_GOOD_AFTERNOON
    return messages.FLOW_GOOD_EVENING


def pending_title(count: int) -> str:
    if count == 0:
        return messages.FLOW_PENDING_NONE
    if count == 1:
        return messages.FLOW_PENDING_ONE
    return messages.FLOW_PENDING_MANY.format(count=count)


def _words(text: str, name: str, parent: QWidget | None = None) -> QLabel:
    label = QLabel(text, parent)
    label.setObjectName(name)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setWordWrap(True)
    return label


class _ListRow(QFrame):
    """A row of one of Home's lists: a title over a line of details, and a button."""

    title: QLabel

    def __init__(self, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(name)
        self.row_layout = QHBoxLayout(self)
        self.row_layout.setContentsMargins(10, 8, 10, 8)
        self.row_layout.setSpacing(12)

    def _finish(
        self, meta: list[str], meta_name: str, button: str, button_name: str, spoken: str
    ) -> None:
        """Add the details (``meta``) under the title, then the button."""
        self.meta = _words(" · ".join(meta), meta_name)
        text = QVBoxLayout()
        text.setSpacing(1)
        text.addWidget(self.title)
        text.addWidget(self.meta)
        self.row_layout.addLayout(text, 1)
        self.button = EnterButton(button)
        self.button.setObjectName(button_name)
        self.button.setAccessibleName(spoken)
        self.button.setAccessibleDescription(" · ".join(meta))
        self.row_layout.addWidget(self.button, 0, Qt.AlignmentFlag.AlignVCenter)


class PendingRow(_ListRow):
    """One check waiting for its reflection, with its "Reflect now" button."""

    def __init__(
        self, check: Entry, audience_names: dict[str, str], parent: QWidget | None = None
    ) -> None:
        super().__init__("pendingRow", parent)  # in place at once, so the page's style reaches it
        self.uid = check.uid
        light = check.answers.get(LIGHT_ANSWER_KEY)
        light = light if isinstance(light, str) and light in LIGHT_NAMES else ""
        title = check.title or messages.FLOW_CHECK_TITLE_EMPTY
        self.title = _words(title, "pendingRowTitle", self)
        self.title.ensurePolished()  # the theme's text size, so the light can follow it
        self.light = TrafficLight(size=max(24, round(self.title.fontMetrics().height() * 1.3)))
        self.light.set_light(light)
        self.row_layout.addWidget(self.light, 0, Qt.AlignmentFlag.AlignVCenter)
        meta = [short_when(check.created)]
        if check.audience:
            meta.append(audience_names.get(check.audience, check.audience))
        if check.client_alias:
            meta.append(check.client_alias)
        if light:
            meta.append(messages.FLOW_PENDING_LIGHT.format(light=LIGHT_NAMES[light]))
        self._finish(
            meta,
            "pendingRowMeta",
            messages.FLOW_REFLECT_NOW,
            "reflectRowButton",
            messages.FLOW_REFLECT_ON_ACCESSIBLE.format(title=title, when=short_date(check.created)),
        )


class ActionRow(_ListRow):
    """One open action agreed in supervision, with its "Done" button."""

    def __init__(self, action: Any, agreed_on: str, state: str) -> None:
        super().__init__("homeActionRow")
        self.action_id = int(action.id)
        self.title = _words(action.text, "actionRowTitle")
        meta = [
            messages.SUPV_HOME_DUE.format(day=day_text(action.due_on))
            if action.due_on
            else messages.SUPV_HOME_NO_DUE
        ]
        if state in ("overdue", "due"):
            meta.append(messages.SUPV_ACTION_STATES[state])
        if agreed_on:
            meta.append(messages.SUPV_HOME_AGREED.format(day=day_text(agreed_on)))
        self._finish(
            meta,
            "actionRowMeta",
            messages.SUPV_HOME_DONE_BUTTON,
            "actionDoneRowButton",
            messages.SUPV_HOME_DONE_NAME.format(text=action.text),
        )
        self.meta.setProperty("state", state)


def _empty(box: QWidget) -> None:
    """Take every widget out of ``box``'s layout and delete it."""
    layout = box.layout()
    assert layout is not None
    while layout.count():
        child = layout.takeAt(0)
        widget = child.widget() if child is not None else None
        if widget is not None:
            widget.hide()
            widget.setParent(None)
            widget.deleteLater()


class HomePage(PageController):
    """Controller of ``ui/home.ui``; see the module docstring."""

    newCheckRequested = Signal()
    quickCheckRequested = Signal()
    prepareRequested = Signal()
    standaloneReflectionRequested = Signal()
    reflectionRequested = Signal(str)  # uid of the check to reflect on
    actionCompleted = Signal(int)  # id of the supervision action just marked done

    def __init__(self, view: QWidget, content: Content, parent: QObject | None = None) -> None:
        super().__init__(view, content, parent)
        self._vault: Vault | None = None
        self.rows: list[PendingRow] = []
        self.action_rows: list[ActionRow] = []
        self.today: date | None = None  # None: today (tests may pin it)
        self.greeting = find_child(view, QLabel, "greetingLabel")
        set_role(self.greeting, "title")
        self.pending_title = find_child(view, QLabel, "pendingTitle")
        self.pending_hint = find_child(view, QLabel, "pendingHint")
        self.pending_box = find_child(view, QWidget, "pendingRows")
        self.plan_status = find_child(view, QLabel, "planStatusLabel")
        self.actions_card = find_child(view, QFrame, "actionsCard")
        self.actions_title = find_child(view, QLabel, "actionsTitle")
        self.actions_hint = find_child(view, QLabel, "actionsHint")
        self.actions_box = find_child(view, QWidget, "actionRows")
        self.new_button = find_child(view, QPushButton, "newCheckButton")
        self.quick_button = find_child(view, QPushButton, "quickCheckButton")
        self.reflect_button = find_child(view, QPushButton, "reflectButton")
        self.prepare_button = find_child(view, QPushButton, "prepareButton")
        self.wrappers = wrap_rows(view, "actionsLayout")  # wraps at large text sizes
        self.audience_names = {i.id: i.label for i in content.audiences}
        self.new_button.clicked.connect(self.newCheckRequested)
        self.quick_button.clicked.connect(self.quickCheckRequested)
        self.reflect_button.clicked.connect(self.standaloneReflectionRequested)
        self.prepare_button.clicked.connect(self.prepareRequested)
        install_enter(view, lambda: None)
        self.set_vault(None)

    # -- vault

    def set_vault(self, vault: Vault | None) -> None:
        """The open vault after unlock; None on lock (clears the lists and disables)."""
        self._vault = vault
        self.view.setEnabled(vault is not None)
        self.refresh()

    def flush_drafts(self) -> bool:
        """Home keeps no drafts (here so every flow page answers the same calls)."""
        return True

    def refresh(self) -> None:
        """Re-read the checks waiting for a reflection and the plan's status."""
        self.greeting.setText(greeting())
        self._clear_rows()
        self._clear_actions()
        if self._vault is None:
            self.pending_title.setText("")
            self.pending_title.setAccessibleName("")
            self.pending_hint.setText("")
            self.plan_status.setText("")
            return
        # The newest few and a count: a big vault may have thousands waiting.
        pending = self._vault.entries.pending_reflections(limit=MAX_ROWS)
        total = self._vault.entries.pending_count()
        self.pending_title.setText(pending_title(total))
        self.pending_title.setAccessibleName(pending_title(total))
        self.pending_hint.setText(
            messages.FLOW_PENDING_HINT if pending else messages.FLOW_PENDING_EMPTY_HINT
        )
        layout = self.pending_box.layout()
        assert layout is not None
        previous: QWidget = self.prepare_button
        for check in pending:
            row = PendingRow(check, self.audience_names, self.pending_box)
            row.button.clicked.connect(lambda _c=False, uid=check.uid: self.reflect_on(uid))
            layout.addWidget(row)
            self.rows.append(row)
            QWidget.setTabOrder(previous, row.button)
            previous = row.button
        if total > MAX_ROWS:
            more = QLabel(messages.FLOW_PENDING_MORE.format(count=total - MAX_ROWS))
            more.setObjectName("questionHelp")
            layout.addWidget(more)
        self._show_actions(previous)
        self.plan_status.setText(self._plan_text())

    # -- agreed actions

    def _show_actions(self, previous: QWidget) -> None:
        """The open actions agreed in supervision, soonest due first."""
        try:
            assert self._vault is not None
            actions = self._vault.supervision.actions(open_only=True)
            days = {s.id: s.held_on for s in self._vault.supervision.sessions()}
        except Exception:  # an older vault or a damaged table: Home still opens
            actions, days = [], {}
        count = len(actions)
        self.actions_card.setVisible(count > 0)
        if count == 0:
            return
        title = (
            messages.SUPV_HOME_ACTIONS_ONE
            if count == 1
            else messages.SUPV_HOME_ACTIONS_MANY.format(count=count)
        )
        self.actions_title.setText(title)
        self.actions_title.setAccessibleName(title)
        self.actions_hint.setText(messages.SUPV_HOME_ACTIONS_HINT)
        layout = self.actions_box.layout()
        assert layout is not None
        today = self.today or date.today()
        for action in actions[:MAX_ACTIONS]:
            row = ActionRow(
                action,
                days.get(action.session_id, ""),
                action_state(action.due_on, action.done_on, today),
            )
            row.button.clicked.connect(lambda _c=False, i=action.id: self.mark_action_done(i))
            layout.addWidget(row)
            self.action_rows.append(row)
            QWidget.setTabOrder(previous, row.button)
            previous = row.button
        if count > MAX_ACTIONS:
            more = QLabel(messages.SUPV_HOME_MORE.format(count=count - MAX_ACTIONS))
            more.setObjectName("questionHelp")
            layout.addWidget(more)

    def _clear_actions(self) -> None:
        _empty(self.actions_box)
        self.action_rows = []
        self.actions_title.setText("")
        self.actions_title.setAccessibleName("")
        self.actions_hint.setText("")
        self.actions_card.setVisible(False)

    def open_action_ids(self) -> list[int]:
        """Ids of the actions listed, in order."""
        return [row.action_id for row in self.action_rows]

    def mark_action_done(self, action_id: int) -> bool:
        """Mark a supervision action done today; it leaves the list."""
        if self._vault is None:
            return False
        today = self.today or date.today()
        self._vault.supervision.set_action_done(action_id, today.isoformat())
        self.refresh()
        if self.action_rows:
            self.action_rows[0].button.setFocus(Qt.FocusReason.OtherFocusReason)
        self.actionCompleted.emit(action_id)
        return True

    def _plan_text(self) -> str:
        latest = self._vault.plans.latest() if self._vault is not None else None
        if latest is None:
            return messages.FLOW_HOME_NO_PLAN
        plan = SharingPlan.from_payload(latest.payload)
        n = len(plan.experiences)
        return messages.FLOW_HOME_PLAN.format(
            count=n,
            experiences="experience" if n == 1 else "experiences",
            version=latest.version,
            when=short_date(latest.created),
        )

    def _clear_rows(self) -> None:
        _empty(self.pending_box)
        self.rows = []

    # -- public

    @property
    def pending_count(self) -> int:
        return self._vault.entries.pending_count() if self._vault is not None else 0

    def reflect_on(self, uid: str) -> None:
        self.reflectionRequested.emit(uid)

    def focus_first(self) -> None:
        target = self.rows[0].button if self.rows else self.new_button
        target.setFocus(Qt.FocusReason.OtherFocusReason)


def create_page(content: Content) -> tuple[str, str, QWidget, HomePage, str]:
    """(key, title, view, controller, icon name) for ``MainWindow.add_page``."""
    view = load_ui("home")
    return PAGE_KEY, messages.FLOW_PAGE_HOME, view, HomePage(view, content), "home"
