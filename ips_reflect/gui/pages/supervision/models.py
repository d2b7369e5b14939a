"""The Supervision page's typed Qt models: sessions, a session's agenda, the agreed
actions, and the topics of the new-session dialog.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from typing import Any

from PySide6.QtCore import QModelIndex, QObject, QPersistentModelIndex, Qt, Signal

from ips_reflect import messages
from ips_reflect.core.content import Item
from ips_reflect.core.supervision import AgendaItem
from ips_reflect.gui.pages.supervision.data import day_text, session_heading
from ips_reflect.gui.pages.supervision.presenter import kind_label
from ips_reflect.gui.widgets import theme as theming
from ips_reflect.gui.widgets.models import RowListModel, RowTableModel
from ips_reflect.store.records import Action, Session

ModelIndex = QModelIndex | QPersistentModelIndex
_USER = int(Qt.ItemDataRole.UserRole)


_CHECKABLE = (
    Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsUserCheckable
)


def _check_state(on: bool) -> Qt.CheckState:
    return Qt.CheckState.Checked if on else Qt.CheckState.Unchecked


class _TickListModel(RowListModel):
    """A list whose rows have a check box; subclasses write :meth:`tick`."""

    item_flags = _CHECKABLE

    def setData(self, index: ModelIndex, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.CheckStateRole or not index.isValid():
            return False
        if not 0 <= index.row() < len(self._rows):
            return False
        self.tick(index, Qt.CheckState(value) == Qt.CheckState.Checked)
        return True

    def tick(self, index: ModelIndex, checked: bool) -> None:
        """The check box at ``index`` was ticked (``checked``) or cleared in a view."""
        raise NotImplementedError


class SessionListModel(RowListModel):
    """Supervision sessions, most recent first."""

    IdRole = _USER + 1

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.signed: set[int] = set()  # sessions a supervisor signed off

    def row_data(self, session: Session, index: ModelIndex, role: int) -> Any:
        signed = f"\n{messages.EXG_SIGNED_LIST}" if session.id in self.signed else ""
        if role == Qt.ItemDataRole.DisplayRole:
            who = session.supervisor.strip()
            return day_text(session.held_on) + (f"\n{who}" if who else "") + signed
        if role in (Qt.ItemDataRole.AccessibleTextRole, Qt.ItemDataRole.ToolTipRole):
            return session_heading(session) + (f". {signed.strip()}" if signed else "")
        if role == self.IdRole:
            return session.id
        return None

    def rows(self) -> list[Session]:
        return list(self._rows)

    def row_of(self, session_id: int) -> int:
        return self.row_where(lambda session: session.id == session_id)

    def session_at(self, row: int) -> Session | None:
        return self.row_at(row)


class AgendaListModel(_TickListModel):
    """The resolved agenda of one session; the check box is "discussed"."""

    discussedChanged = Signal(int, bool)  # row, discussed now (changed in a view)

    KindRole = _USER + 1
    RefRole = _USER + 2

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._titles: list[str] = []
        self._marks: list[str] = []  # a line under the item (the supervisor commented)

    def row_data(self, item: AgendaItem, index: ModelIndex, role: int) -> Any:
        title = self._titles[index.row()]
        mark = self._marks[index.row()] if index.row() < len(self._marks) else ""
        if role == Qt.ItemDataRole.DisplayRole:
            return f"{kind_label(item)}: {title}" + (f"\n{mark}" if mark else "")
        if role == Qt.ItemDataRole.AccessibleTextRole:
            state = messages.SUPV_ITEM_DISCUSSED if item.discussed else messages.SUPV_ITEM_OPEN
            return f"{kind_label(item)}: {title}. {state}." + (f" {mark}." if mark else "")
        if role == Qt.ItemDataRole.ToolTipRole:
            return title
        if role == Qt.ItemDataRole.CheckStateRole:
            return _check_state(item.discussed)
        if role == self.KindRole:
            return item.kind
        if role == self.RefRole:
            return item.ref
        return None

    def tick(self, index: ModelIndex, checked: bool) -> None:
        row = index.row()
        if self._rows[row].discussed == checked:
            return
        self._rows[row] = replace(self._rows[row], discussed=checked)
        self.dataChanged.emit(index, index)
        self.discussedChanged.emit(row, checked)

    def set_rows(
        self,
        rows: Iterable[AgendaItem],
        titles: Iterable[str] | None = None,
        marks: Iterable[str] | None = None,
    ) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self._titles = list(titles) if titles is not None else [r.title for r in self._rows]
        self._marks = list(marks) if marks is not None else []
        self.endResetModel()

    def rows(self) -> list[AgendaItem]:
        return list(self._rows)

    def item_at(self, row: int) -> AgendaItem | None:
        return self.row_at(row)


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


class TopicListModel(_TickListModel):
    """Supervision topics with a tick each (the new-session dialog)."""

    IdRole = _USER + 1

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._ticked: set[str] = set()

    def row_data(self, topic: Item, index: ModelIndex, role: int) -> Any:
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return topic.label
        if role == Qt.ItemDataRole.ToolTipRole:
            return topic.text
        if role == Qt.ItemDataRole.CheckStateRole:
            return _check_state(topic.id in self._ticked)
        if role == self.IdRole:
            return topic.id
        return None

    def tick(self, index: ModelIndex, checked: bool) -> None:
        topic = self._rows[index.row()]
        if checked:
            self._ticked.add(topic.id)
        else:
            self._ticked.discard(topic.id)
        self.dataChanged.emit(index, index)

    def set_topics(self, topics: Sequence[Item], ticked: Sequence[str] = ()) -> None:
        self.beginResetModel()
        self._rows = list(topics)
        known = {t.id for t in self._rows}
        self._ticked = {t for t in ticked if t in known}
        self.endResetModel()

    def ticked(self) -> list[str]:
        """Ticked topic ids, in the paper's order."""
        return [t.id for t in self._rows if t.id in self._ticked]
