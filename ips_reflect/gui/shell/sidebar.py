"""The sidebar's typed list model: the main window's pages, in the order they were added."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QAbstractListModel, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QWidget

from ips_reflect import messages

ModelIndex = QModelIndex | QPersistentModelIndex
_ROOT = QModelIndex()
_USER = int(Qt.ItemDataRole.UserRole)


@dataclass
class Page:
    key: str
    title: str
    widget: QWidget
    icon_name: str | None = None
    shortcut: str | None = None


class PageListModel(QAbstractListModel):
    """The pages in the sidebar, in the order they were added."""

    KeyRole = _USER + 1

    def __init__(
        self,
        icon_for: Callable[[str], QIcon] | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._pages: list[Page] = []
        self._icon_for = icon_for
        self._icons: dict[str, QIcon] = {}

    def rowCount(self, parent: ModelIndex = _ROOT) -> int:
        return 0 if parent.isValid() else len(self._pages)

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._pages):
            return None
        page = self._pages[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return page.title
        if role == Qt.ItemDataRole.ToolTipRole:
            if page.shortcut:
                return messages.GUI_PAGE_SHORTCUT_TIP.format(
                    title=page.title, shortcut=page.shortcut
                )
            return page.title
        if role == Qt.ItemDataRole.DecorationRole and page.icon_name and self._icon_for:
            icon = self._icons.get(page.icon_name)
            if icon is None:
                icon = self._icons[page.icon_name] = self._icon_for(page.icon_name)
            return icon
        if role == self.KeyRole:
            return page.key
        return None

    def flags(self, index: ModelIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def add(self, page: Page) -> int:
        if self.row_of(page.key) >= 0:
            raise ValueError(f"a page called '{page.key}' already exists")
        row = len(self._pages)
        self.beginInsertRows(_ROOT, row, row)
        self._pages.append(page)
        self.endInsertRows()
        return row

    def row_of(self, key: str) -> int:
        for row, page in enumerate(self._pages):
            if page.key == key:
                return row
        return -1

    def page(self, key: str) -> Page | None:
        row = self.row_of(key)
        return self._pages[row] if row >= 0 else None

    def page_at(self, row: int) -> Page:
        return self._pages[row]

    def keys(self) -> list[str]:
        return [p.key for p in self._pages]

    def refresh_icons(self) -> None:
        """Ask views to fetch icons again (after a theme change)."""
        self._icons.clear()
        if self._pages:
            self.dataChanged.emit(
                self.index(0), self.index(len(self._pages) - 1), [Qt.ItemDataRole.DecorationRole]
            )
