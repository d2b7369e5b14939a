"""The Guide page: browse and search every item of every pack.

The view is ``ui/guide.ui``; :class:`GuideController` takes that view and the
loaded content, so everything here can be driven from tests without showing a
window. The detail pane is rendered by the small ``*_html`` functions below, in the
style of :func:`~ips_reflect.gui.widgets.rich_text.detail_css`; the tree's models are
in :mod:`~ips_reflect.gui.pages.guide.models`.
"""

from __future__ import annotations

import contextlib
from html import escape

from PySide6.QtCore import QItemSelectionModel, QModelIndex, QObject, QSize, Qt, QUrl, Signal
from PySide6.QtGui import QAction, QIcon, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QLabel,
    QLineEdit,
    QSplitter,
    QStackedWidget,
    QTextBrowser,
    QToolButton,
    QTreeView,
    QWidget,
)

from ips_reflect import messages
from ips_reflect.core.content import Content, Item, Pack, Section
from ips_reflect.gui.pages.guide.models import GuideFilterProxy, GuideTreeModel, NodeKind, type_name
from ips_reflect.gui.shell.page import PageSpec
from ips_reflect.gui.shell.uiloader import find_child, load_ui
from ips_reflect.gui.widgets.controller import PageController
from ips_reflect.gui.widgets.rich_text import detail_css
from ips_reflect.gui.widgets.theme import current_theme, themed_icon

PAGE_KEY = "guide"
LINK_SCHEME = "guide"

# Item types in the order the type filter lists them; others follow.
TYPE_ORDER = (
    "question",
    "reason",
    "warning_sign",
    "prompt",
    "topic",
    "field",
    "check",
    "experience_kind",
    "practitioner_group",
    "context",
)
# The icon (resources/icons) and theme colour that mark each item type in the tree.
TYPE_ICONS = {
    "question": ("question", "icon"),
    "reason": ("reason", "reason"),
    "warning_sign": ("warning_sign", "warning_sign"),
}
DEFAULT_TYPE_ICON = ("item", "muted")
# Types that describe who an item applies to, rather than being applied.
_DESCRIPTIVE_TYPES = {"context", "practitioner_group", "experience_kind"}


# --------------------------------------------------------------------------- detail pane


def type_icon(item_type: str) -> QIcon:
    name, colour = TYPE_ICONS.get(item_type, DEFAULT_TYPE_ICON)
    return themed_icon(name, colour=colour)


def _names(content: Content, ids: tuple[str, ...]) -> str:
    labels = []
    for ref in ids:
        other = content.get(ref)
        labels.append(other.label if other is not None else ref)
    return ", ".join(labels)


def _link(node_id: str, label: str) -> str:
    return f'<a href="{LINK_SCHEME}:{escape(node_id)}">{escape(label)}</a>'


def item_html(item: Item, content: Content) -> str:
    kind = type_name(item.type)
    parts = [f'<p class="kicker kicker-{escape(item.type)}">{escape(kind)}</p>']
    parts.append(f'<p class="title">{escape(item.text)}</p>')
    with contextlib.suppress(KeyError):
        pack, section = content.pack(item.pack), content.section(item.section)
        where = messages.GUIDE_IN.format(pack=pack.title, section=section.title)
        parts.append(f'<p class="where">{escape(where)}</p>')
    parts.append(f'<p class="help">{escape(item.help)}</p>')
    parts.append(
        f'<p class="source">{escape(messages.GUIDE_FROM_PAPER.format(source=item.source))}</p>'
    )
    if item.examples:
        parts.append(f'<p class="heading">{escape(messages.GUIDE_EXAMPLES)}</p>')
        parts.append("<ul>" + "".join(f"<li>{escape(e)}</li>" for e in item.examples) + "</ul>")
    if item.answer:
        how = [messages.GUIDE_ANSWER_KINDS.get(item.answer, item.answer)]
        if item.answer == "scale" and item.scale_low and item.scale_high:
            how.append(messages.GUIDE_SCALE_ENDS.format(low=item.scale_low, high=item.scale_high))
        if item.choices:
            how.append(
                messages.GUIDE_CHOICES.format(choices="; ".join(c.text for c in item.choices))
            )
        if item.quick:
            how.append(messages.GUIDE_QUICK)
        parts.append(f'<p class="heading">{escape(messages.GUIDE_HOW_ANSWERED)}</p>')
        parts.append("".join(f"<p>{escape(line)}</p>" for line in how))
    if item.type not in _DESCRIPTIVE_TYPES:
        audiences = (
            messages.GUIDE_AUDIENCES.format(names=_names(content, item.audiences))
            if item.audiences
            else messages.GUIDE_AUDIENCES_ALL
        )
        groups = (
            messages.GUIDE_GROUPS.format(names=_names(content, item.groups))
            if item.groups
            else messages.GUIDE_GROUPS_ALL
        )
        parts.append(f'<p class="heading">{escape(messages.GUIDE_APPLIES_TO)}</p>')
        parts.append(f"<p>{escape(audiences)}</p><p>{escape(groups)}</p>")
    related = [content.get(r) for r in item.related]
    links = [_link(r.id, r.label) for r in related if r is not None]
    if links:
        parts.append(f'<p class="heading">{escape(messages.GUIDE_SEE_ALSO)}</p>')
        parts.append("<ul>" + "".join(f"<li>{link}</li>" for link in links) + "</ul>")
    return "\n".join(parts)


def section_html(section: Section, content: Content) -> str:
    parts = []
    with contextlib.suppress(KeyError):
        parts.append(f'<p class="kicker">{escape(content.pack(section.pack).title)}</p>')
    parts.append(f'<p class="title">{escape(section.title)}</p>')
    if section.intro:
        parts.append(f'<p class="help">{escape(section.intro)}</p>')
    parts.append(
        f'<p class="source">{escape(messages.GUIDE_FROM_PAPER.format(source=section.source))}</p>'
    )
    parts.append(f'<p class="heading">{escape(messages.GUIDE_IN_THIS_SECTION)}</p>')
    parts.append("<ul>" + "".join(f"<li>{_link(i.id, i.label)}</li>" for i in section.items))
    parts.append("</ul>")
    return "\n".join(parts)


def pack_html(pack: Pack) -> str:
    parts = [f'<p class="title">{escape(pack.title)}</p>']
    if pack.intro:
        parts.append(f'<p class="help">{escape(pack.intro)}</p>')
    parts.append(
        f'<p class="source">{escape(messages.GUIDE_FROM_PAPER.format(source=pack.source))}</p>'
    )
    return _contents_html(
        parts, messages.GUIDE_IN_THIS_PACK, [(s.id, s.title, len(s.items)) for s in pack.sections]
    )


def overview_html(content: Content) -> str:
    parts = [f'<p class="title">{escape(messages.GUIDE_WELCOME_TITLE)}</p>']
    parts.append(f'<p class="help">{escape(messages.GUIDE_WELCOME)}</p>')
    return _contents_html(
        parts, messages.GUIDE_WELCOME_PARTS, [(p.id, p.title, len(p.items)) for p in content.packs]
    )


def _contents_html(parts: list[str], heading: str, rows: list[tuple[str, str, int]]) -> str:
    """``parts`` and then, under ``heading``, a linked list of what is in them (with
    how many items each holds)."""
    parts = [*parts, f'<p class="heading">{escape(heading)}</p><ul>']
    for ref, title, count in rows:
        label = messages.GUIDE_SECTION_COUNT.format(title=title, count=count)
        parts.append(f"<li>{_link(ref, label)}</li>")
    parts.append("</ul>")
    return "\n".join(parts)


# --------------------------------------------------------------------------- controller


class GuideController(PageController):
    """Wires the Guide view to the content: filtering, selection, detail pane."""

    itemSelected = Signal(str)  # id of the pack, section or item shown; "" for the overview
    filterApplied = Signal(int, int)  # items shown, items in total

    def __init__(self, view: QWidget, content: Content, parent: QObject | None = None) -> None:
        super().__init__(view, content, parent)
        self.search = find_child(view, QLineEdit, "searchEdit")
        self.type_combo = find_child(view, QComboBox, "typeCombo")
        self.count_label = find_child(view, QLabel, "countLabel")
        self.results = find_child(view, QStackedWidget, "resultsStack")
        self.tree = find_child(view, QTreeView, "guideTree")
        self.empty_label = find_child(view, QLabel, "emptyLabel")
        self.detail = find_child(view, QTextBrowser, "detailView")

        self.model = GuideTreeModel(content, icon_for=type_icon, parent=self)
        self.proxy = GuideFilterProxy(self)
        self.proxy.setSourceModel(self.model)
        self.tree.setModel(self.proxy)
        self.detail.document().setDocumentMargin(14)
        self._current_id = ""
        self._fill_type_combo()

        self.search.textChanged.connect(self.apply_filter)
        self.type_combo.currentIndexChanged.connect(self.apply_filter)
        self.tree.selectionModel().currentChanged.connect(self._on_current_changed)
        self.tree.activated.connect(self._on_activated)
        self.detail.anchorClicked.connect(self._on_link)
        clear = self.search.findChild(QAction, "_q_qlineeditclearaction")
        if clear is not None:  # Qt's own clear button: give it words for screen readers
            clear.setText(messages.GUIDE_CLEAR_SEARCH)
            clear.setToolTip(messages.GUIDE_CLEAR_SEARCH)
        for button in self.search.findChildren(QToolButton):
            button.setAccessibleName(messages.GUIDE_CLEAR_SEARCH)
        self.search.returnPressed.connect(self._enter_results)
        for key, slot in (("Down", self._enter_results), ("Escape", self._clear_search)):
            shortcut = QShortcut(QKeySequence(key), self.search)
            shortcut.setContext(Qt.ShortcutContext.WidgetShortcut)
            shortcut.activated.connect(slot)

        splitter = find_child(view, QSplitter, "guideSplitter")
        splitter.setStretchFactor(0, 5)
        splitter.setStretchFactor(1, 6)
        self.apply_filter()
        self.refresh()

    # -- public API

    @property
    def total_count(self) -> int:
        return len(self.model.item_nodes())

    @property
    def shown_count(self) -> int:
        return self.proxy.matching_count()

    @property
    def current_id(self) -> str:
        """Id shown in the detail pane; empty when the overview is shown."""
        return self._current_id

    def set_query(self, text: str) -> None:
        self.search.setText(text)

    @property
    def current_type(self) -> str | None:
        """The item type the filter shows, or None for everything."""
        row = self.type_combo.currentIndex()
        return self._type_keys[row] if 0 <= row < len(self._type_keys) else None

    def set_type(self, item_type: str | None) -> None:
        row = self._type_keys.index(item_type) if item_type in self._type_keys else 0
        self.type_combo.setCurrentIndex(row)

    def focus_search(self) -> None:
        self.search.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search.selectAll()

    def select(self, node_id: str) -> bool:
        """Select a pack, section or item by id and show it; clears a filter hiding it."""
        source = self.model.index_of(node_id)
        if not source.isValid():
            return False
        index = self.proxy.mapFromSource(source)
        if not index.isValid():
            self.search.clear()
            self.type_combo.setCurrentIndex(0)
            index = self.proxy.mapFromSource(source)
        self.tree.setCurrentIndex(index)
        self.tree.scrollTo(index)
        self._show(source)
        return True

    def refresh(self) -> None:
        """Redraw after a theme or text size change."""
        self.model.refresh()
        size = max(16, round(self.tree.fontMetrics().height() * 0.95))
        self.tree.setIconSize(QSize(size, size))
        self.tree.doItemsLayout()
        self._render()

    def detail_text(self) -> str:
        return self.detail.toPlainText()

    def apply_filter(self) -> None:
        query = self.search.text().strip()
        item_type = self.current_type
        self.proxy.set_filter(query, item_type)
        shown, total = self.shown_count, self.total_count
        if self.proxy.active:
            self.count_label.setText(messages.GUIDE_COUNT_FILTERED.format(shown=shown, total=total))
        else:
            self.count_label.setText(messages.GUIDE_COUNT_ALL.format(total=total))
        if shown == 0 and self.proxy.active:
            self.empty_label.setText(self._empty_message(query, item_type))
            refocus = self.tree.hasFocus()
            self.results.setCurrentWidget(self.empty_label)
            if refocus:
                self.search.setFocus(Qt.FocusReason.OtherFocusReason)
        else:
            self.results.setCurrentWidget(self.tree)
            if self.proxy.active:
                self.tree.expandAll()
            else:
                self.tree.collapseAll()
                self.tree.expandToDepth(0)
        self.filterApplied.emit(shown, total)

    # -- internals

    def _fill_type_combo(self) -> None:
        counts: dict[str, int] = {}
        for item in self.content:
            counts[item.type] = counts.get(item.type, 0) + 1
        order = [t for t in TYPE_ORDER if t in counts] + sorted(set(counts) - set(TYPE_ORDER))
        # The type of each combo row, by row (None: everything).
        self._type_keys: list[str | None] = [None, *order]
        self.type_combo.blockSignals(True)
        self.type_combo.clear()
        self.type_combo.addItem(messages.GUIDE_ALL_TYPES)
        for t in order:
            label = messages.GUIDE_TYPE_OPTION.format(
                label=type_name(t, plural=True), count=counts[t]
            )
            self.type_combo.addItem(label)
        self.type_combo.blockSignals(False)

    def _empty_message(self, query: str, item_type: str | None) -> str:
        if not query and item_type:
            return messages.GUIDE_EMPTY_TYPE_ONLY.format(type=type_name(item_type, True).lower())
        if item_type:
            return messages.GUIDE_EMPTY_IN_TYPE.format(
                query=query, type=type_name(item_type, plural=True).lower()
            )
        return messages.GUIDE_EMPTY.format(query=query)

    def _first_match(self) -> QModelIndex:
        """The first visible item row, or the first row when nothing is filtered."""
        index = self.proxy.index(0, 0)
        if not self.proxy.active:
            return index
        while index.isValid():
            if self._kind(index) == NodeKind.ITEM:
                return index
            index = self.tree.indexBelow(index)
        return self.proxy.index(0, 0)

    def _kind(self, index: QModelIndex) -> NodeKind:
        return self.model.node(self.proxy.mapToSource(index)).kind

    def _enter_results(self) -> None:
        if self.results.currentWidget() is not self.tree:
            return
        current = self.tree.currentIndex()
        if not current.isValid():
            current = self._first_match()
            self.tree.selectionModel().setCurrentIndex(
                current, QItemSelectionModel.SelectionFlag.ClearAndSelect
            )
        self.tree.scrollTo(current)
        self.tree.setFocus(Qt.FocusReason.TabFocusReason)

    def _on_current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if current.isValid():
            self._show(self.proxy.mapToSource(current))

    def _on_activated(self, index: QModelIndex) -> None:
        if self._kind(index) != NodeKind.ITEM:
            self.tree.setExpanded(index, not self.tree.isExpanded(index))
        self._show(self.proxy.mapToSource(index))

    def _on_link(self, url: QUrl) -> None:
        if url.scheme() == LINK_SCHEME:
            self.select(url.path())

    def _show(self, source: QModelIndex) -> None:
        node = self.model.node(source) if source.isValid() else None
        node_id = node.id if node is not None else ""
        self._current_id = node_id
        self._render()
        self.itemSelected.emit(node_id)

    def _render(self) -> None:
        pt = self.detail.font().pointSize()
        self.detail.document().setDefaultStyleSheet(detail_css(current_theme(), pt))
        html = overview_html(self.content)
        if self._current_id:
            ref = self.model.node(self.model.index_of(self._current_id)).ref
            if isinstance(ref, Item):
                html = item_html(ref, self.content)
            elif isinstance(ref, Section):
                html = section_html(ref, self.content)
            elif isinstance(ref, Pack):
                html = pack_html(ref)
        scroll = self.detail.verticalScrollBar()
        self.detail.setHtml(html)
        scroll.setValue(0)

    def _clear_search(self) -> None:
        self.search.clear()


def create_page(content: Content) -> PageSpec[GuideController]:
    """The Guide page: ``key, title, view, controller, icon_name``."""
    view = load_ui("guide")
    controller = GuideController(view, content)
    return PageSpec(PAGE_KEY, messages.GUI_PAGE_GUIDE, view, controller, "guide")
