"""The Guide's typed Qt models: the tree of packs, sections and items, and the proxy
that filters it by words and item type.

The models only see the already-loaded :class:`~ips_reflect.core.content.Content`
(no files, no storage).
"""

from __future__ import annotations

from collections.abc import Callable
from enum import IntEnum
from typing import Any

from PySide6.QtCore import (
    QAbstractItemModel,
    QModelIndex,
    QObject,
    QSortFilterProxyModel,
    Qt,
)
from PySide6.QtGui import QFont, QIcon
from PySide6.QtWidgets import QApplication

from ips_reflect import messages
from ips_reflect.core.content import Content, Item, Pack, Section
from ips_reflect.gui.widgets.models import ROOT, USER_ROLE, ModelIndex


def type_name(item_type: str, plural: bool = False) -> str:
    """How people read an item type: ``warning_sign`` -> "Warning sign"."""
    names = messages.GUIDE_TYPE_NAMES.get(item_type)
    if names is None:
        return item_type.replace("_", " ").capitalize()
    return names[1] if plural else names[0]


class NodeKind(IntEnum):
    PACK = 0
    SECTION = 1
    ITEM = 2


class GuideNode:
    """One row of the Guide tree: a pack, a section or an item."""

    __slots__ = ("children", "kind", "parent", "ref", "row", "search")

    def __init__(
        self,
        kind: NodeKind,
        ref: Pack | Section | Item | None,
        parent: GuideNode | None,
        row: int,
    ) -> None:
        self.kind = kind
        self.ref = ref
        self.parent = parent
        self.row = row
        self.children: list[GuideNode] = []
        self.search = ref.search_text() if isinstance(ref, Item) else ""

    @property
    def id(self) -> str:
        return self.ref.id if self.ref is not None else ""

    @property
    def item(self) -> Item | None:
        return self.ref if isinstance(self.ref, Item) else None

    @property
    def title(self) -> str:
        if isinstance(self.ref, Item):
            return self.ref.label
        if isinstance(self.ref, Pack | Section):
            return self.ref.title
        return ""


class GuideTreeModel(QAbstractItemModel):
    """Packs -> sections -> items, exactly as the content orders them."""

    KindRole = USER_ROLE + 1
    IdRole = USER_ROLE + 2
    TypeRole = USER_ROLE + 3

    def __init__(
        self,
        content: Content,
        icon_for: Callable[[str], QIcon] | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._content = content
        self._icon_for = icon_for
        self._icons: dict[str, QIcon] = {}
        self._root = GuideNode(NodeKind.PACK, None, None, 0)
        self._by_id: dict[str, GuideNode] = {}
        for p_row, pack in enumerate(content.packs):
            p_node = GuideNode(NodeKind.PACK, pack, self._root, p_row)
            self._root.children.append(p_node)
            for s_row, section in enumerate(pack.sections):
                s_node = GuideNode(NodeKind.SECTION, section, p_node, s_row)
                p_node.children.append(s_node)
                for i_row, item in enumerate(section.items):
                    i_node = GuideNode(NodeKind.ITEM, item, s_node, i_row)
                    s_node.children.append(i_node)
                    self._by_id[item.id] = i_node

    @property
    def content(self) -> Content:
        return self._content

    def item_nodes(self) -> list[GuideNode]:
        return list(self._by_id.values())

    # -- Qt model API

    def node(self, index: ModelIndex) -> GuideNode:
        if not index.isValid():
            return self._root
        node = index.internalPointer()
        assert isinstance(node, GuideNode)
        return node

    def index(self, row: int, column: int = 0, parent: ModelIndex = ROOT) -> QModelIndex:
        if column != 0 or row < 0:
            return QModelIndex()
        parent_node = self.node(parent)
        if row >= len(parent_node.children):
            return QModelIndex()
        return self.createIndex(row, 0, parent_node.children[row])

    def parent(self, child: ModelIndex | None = None) -> Any:
        if child is None:  # QObject.parent()
            return super().parent()
        if not child.isValid():
            return QModelIndex()
        up = self.node(child).parent
        if up is None or up is self._root:
            return QModelIndex()
        return self.createIndex(up.row, 0, up)

    def rowCount(self, parent: ModelIndex = ROOT) -> int:
        if parent.isValid() and parent.column() != 0:
            return 0
        return len(self.node(parent).children)

    def columnCount(self, parent: ModelIndex = ROOT) -> int:
        return 1

    def hasChildren(self, parent: ModelIndex = ROOT) -> bool:
        return self.rowCount(parent) > 0

    def flags(self, index: ModelIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        node = self.node(index)
        item = node.item
        if role == Qt.ItemDataRole.DisplayRole:
            return node.title
        if role == Qt.ItemDataRole.ToolTipRole:
            if item is not None:
                return f"{type_name(item.type)}: {item.text}"
            return node.title
        if role == Qt.ItemDataRole.AccessibleTextRole:
            if item is not None:
                return f"{type_name(item.type)}: {item.text}"
            return node.title
        if role == Qt.ItemDataRole.AccessibleDescriptionRole:
            return item.help if item is not None else None
        if role == Qt.ItemDataRole.FontRole and node.kind == NodeKind.PACK:
            font = QFont(QApplication.font())
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.DecorationRole and item is not None and self._icon_for:
            icon = self._icons.get(item.type)
            if icon is None:
                icon = self._icons[item.type] = self._icon_for(item.type)
            return icon
        if role == self.KindRole:
            return int(node.kind)
        if role == self.IdRole:
            return node.id
        if role == self.TypeRole:
            return item.type if item is not None else None
        return None

    def refresh(self) -> None:
        """Ask views to fetch fonts and icons again (after a theme or text size change)."""
        self._icons.clear()
        self.layoutAboutToBeChanged.emit()
        self.layoutChanged.emit()

    def index_of(self, node_id: str) -> QModelIndex:
        """The index of an item, section or pack id; invalid if unknown."""
        node = self._by_id.get(node_id) or self._find_container(node_id)
        if node is None:
            return QModelIndex()
        return self.createIndex(node.row, 0, node)

    def _find_container(self, node_id: str) -> GuideNode | None:
        for p in self._root.children:
            if p.id == node_id:
                return p
            for s in p.children:
                if s.id == node_id:
                    return s
        return None


def node_matches(node: GuideNode, words: list[str], item_type: str | None) -> bool:
    """True when an item node has the type and contains every word."""
    item = node.item
    if item is None:
        return False
    if item_type is not None and item.type != item_type:
        return False
    return all(word in node.search for word in words)


class GuideFilterProxy(QSortFilterProxyModel):
    """Shows the items matching every search word and the chosen type.

    Packs and sections stay visible when any item inside them matches
    (recursive filtering); with no filter everything is shown.
    """

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.setRecursiveFilteringEnabled(True)
        self.setDynamicSortFilter(False)
        self._words: list[str] = []
        self._type: str | None = None

    @property
    def words(self) -> list[str]:
        return list(self._words)

    @property
    def item_type(self) -> str | None:
        return self._type

    @property
    def active(self) -> bool:
        return bool(self._words) or self._type is not None

    def set_filter(self, query: str, item_type: str | None = None) -> None:
        words = query.casefold().split()
        if words == self._words and item_type == self._type:
            return
        begin = getattr(self, "beginFilterChange", None)
        if begin is not None:  # Qt 6.9+
            begin()
        self._words = words
        self._type = item_type
        if begin is not None:
            self.endFilterChange(QSortFilterProxyModel.Direction.Rows)
        else:  # pragma: no cover - older Qt
            self.invalidateRowsFilter()

    def guide_model(self) -> GuideTreeModel:
        model = self.sourceModel()
        assert isinstance(model, GuideTreeModel)
        return model

    def matching_count(self) -> int:
        nodes = self.guide_model().item_nodes()
        if not self.active:
            return len(nodes)
        return sum(1 for n in nodes if node_matches(n, self._words, self._type))

    def filterAcceptsRow(self, source_row: int, source_parent: ModelIndex) -> bool:
        model = self.guide_model()
        node = model.node(model.index(source_row, 0, source_parent))
        if not self.active:
            return True
        return node_matches(node, self._words, self._type)
