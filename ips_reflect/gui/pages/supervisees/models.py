"""The Supervisees page's typed Qt models: people, one person's sessions, and the
actions agreed for a session."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt

from ips_reflect import messages
from ips_reflect.gui.pages.supervisees.data import (
    Person,
    count_text,
    day_text,
    item_count,
    reply_state,
)
from ips_reflect.gui.widgets.models import USER_ROLE, RowListModel, RowTableModel

if TYPE_CHECKING:
    from ips_reflect.store.exchange_store import ExchangeAction, ReceivedShare

ModelIndex = QModelIndex | QPersistentModelIndex


class PeopleListModel(RowListModel):
    """Everyone who shared sessions, by name; how many wait for a sign-off."""

    def row_data(self, person: Person, index: ModelIndex, role: int) -> Any:
        if role == Qt.ItemDataRole.DisplayRole:
            return person.line()
        if role in (Qt.ItemDataRole.AccessibleTextRole, Qt.ItemDataRole.ToolTipRole):
            return person.line().replace("\n", ". ")
        return None

    def person_at(self, row: int) -> Person | None:
        return self.row_at(row)

    def row_of_share(self, received_id: int) -> int:
        return self.row_where(lambda p: any(s.id == received_id for s in p.shares))


class SessionsTableModel(RowTableModel):
    """One person's sessions: date, items, reply state."""

    IdRole = USER_ROLE + 1
    columns = messages.SVS_SESSION_COLUMNS

    def cell(self, share: ReceivedShare, column: int) -> str:
        if column == 0:
            return day_text(share.session_date, weekday=False)
        if column == 1:
            return str(item_count(share))
        return reply_state(share)

    def accessible(self, share: ReceivedShare, column: int) -> str:
        items = count_text(item_count(share), messages.SVS_ITEMS_ONE, messages.SVS_ITEMS_MANY)
        return messages.SVS_SESSION_ROW_NAME.format(
            date=day_text(share.session_date), items=items, state=reply_state(share)
        )

    def extra(self, share: ReceivedShare, column: int, role: int) -> Any:
        if role == self.IdRole:
            return share.id
        if role == Qt.ItemDataRole.TextAlignmentRole and column == 1:
            return int(Qt.AlignmentFlag.AlignCenter)
        return None

    def row_of(self, received_id: int) -> int:
        return self.row_where(lambda s: s.id == received_id)

    def share_at(self, row: int) -> ReceivedShare | None:
        return self.row_at(row)


class ExchangeActionsModel(RowTableModel):
    """Actions agreed for the chosen session: what, and by when."""

    columns = messages.SVS_ACTION_COLUMNS

    def cell(self, action: ExchangeAction, column: int) -> str:
        if column == 0:
            return action.text
        return day_text(action.due_on, weekday=False) if action.due_on else messages.SVS_NO_DUE
