"""The bases of the pages' flat models of row objects: read-only tables
(:class:`RowTableModel`) and lists (:class:`RowListModel`).

Views only ever see these models; the models only see rows handed to them.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import (
    QAbstractItemModel,
    QAbstractListModel,
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView

from ips_reflect.gui.widgets.page_fit import ColumnFit

ModelIndex = QModelIndex | QPersistentModelIndex
ROOT = QModelIndex()  # the invalid index: the root, every model's default parent
USER_ROLE = int(Qt.ItemDataRole.UserRole)


# --------------------------------------------------------------------------- rows

if TYPE_CHECKING:
    _ModelBase = QAbstractItemModel
else:
    _ModelBase = object


class _RowsModel(_ModelBase):
    """What every flat model of row objects shares: the rows, their count, the
    guard in :meth:`data` and the look-ups. Mixed in before a Qt model class."""

    _rows: list[Any]
    #: The flags of every valid item.
    item_flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def rowCount(self, parent: ModelIndex = ROOT) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def flags(self, index: ModelIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return self.item_flags

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        return self.row_data(self._rows[index.row()], index, role)

    def row_data(self, row: Any, index: ModelIndex, role: int) -> Any:
        """What ``role`` of ``row`` (at ``index``, a valid row) is."""
        raise NotImplementedError

    def set_rows(self, rows: Iterable[Any]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def rows(self) -> list[Any]:
        return list(self._rows)

    def row_at(self, row: int) -> Any:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def row_where(self, test: Callable[[Any], bool]) -> int:
        """The number of the first row passing ``test``; -1 if none."""
        return next((n for n, row in enumerate(self._rows) if test(row)), -1)

    def current_in(self, view: QAbstractItemView) -> Any:
        """The row object current in ``view`` (showing this model); None if none."""
        index = view.currentIndex()
        return self.row_at(index.row()) if index.isValid() else None


def select_row(table: QTableView, row: int) -> bool:
    """Select ``row`` of ``table``; False (and nothing selected) when it is -1."""
    if row < 0:
        return False
    table.selectRow(row)
    return True


def show_rows(
    table: QTableView,
    model: QAbstractItemModel,
    stretch: Iterable[int] = (),
    header_name: str = "",
    rows_name: str = "",
) -> QHeaderView:
    """Show ``model`` in ``table``: its columns sized to their contents but for the
    ``stretch`` ones, which share the spare width, all within the table's width (see
    :class:`ColumnFit`), and its headers named for screen readers (where a name is
    given). The horizontal header, for any further set-up."""
    table.setModel(model)
    header = table.horizontalHeader()
    if header_name:
        header.setAccessibleName(header_name)
    if rows_name:
        table.verticalHeader().setAccessibleName(rows_name)
    ColumnFit(table, stretch)  # sized to fit the table's width, never wider
    return header


class RowListModel(_RowsModel, QAbstractListModel):
    """A list of row objects; subclasses write :meth:`row_data`."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[Any] = []

    def columnCount(self, parent: ModelIndex = ROOT) -> int:
        return 0 if parent.isValid() else 1


# --------------------------------------------------------------------------- tables


_HEADER_ROLES = (
    Qt.ItemDataRole.DisplayRole,
    Qt.ItemDataRole.AccessibleTextRole,
    Qt.ItemDataRole.ToolTipRole,
    Qt.ItemDataRole.AccessibleDescriptionRole,
)


class RowTableModel(_RowsModel, QAbstractTableModel):
    """A read-only table of row objects, one row each, with column titles.

    Subclasses set :attr:`columns` and write :meth:`cell` (the words in one cell);
    :meth:`extra` answers any other role (colours, ids). The words serve the display
    and, unless :meth:`accessible` or :meth:`tooltip` say otherwise, screen readers
    and the tool tip.
    """

    columns: tuple[str, ...] = ()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[Any] = []

    def columnCount(self, parent: ModelIndex = ROOT) -> int:
        return 0 if parent.isValid() else len(self.columns)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if (
            orientation == Qt.Orientation.Horizontal
            and role in _HEADER_ROLES  # the tooltip and description: for narrow columns
            and 0 <= section < len(self.columns)
        ):
            return self.columns[section]
        return None

    def row_data(self, row: Any, index: ModelIndex, role: int) -> Any:
        if role == Qt.ItemDataRole.DisplayRole:
            return self.cell(row, index.column())
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return self.accessible(row, index.column())
        if role in (Qt.ItemDataRole.ToolTipRole, Qt.ItemDataRole.AccessibleDescriptionRole):
            return self.tooltip(row, index.column())  # all of a cut-off (elided) cell
        return self.extra(row, index.column(), role)

    def cell(self, row: Any, column: int) -> str:
        raise NotImplementedError

    def accessible(self, row: Any, column: int) -> str:
        return self.cell(row, column)

    def tooltip(self, row: Any, column: int) -> str | None:
        return self.cell(row, column)

    def extra(self, row: Any, column: int, role: int) -> Any:
        return None
