"""Pages and tables that fit the window at every text size.

:func:`scroll_page` lets a whole page scroll up and down when the window is too
short for it (and shortens tab titles that do not fit, see :func:`fit_tabs`);
:class:`SplitterFit` stacks side-by-side panes that no longer fit side by side;
:class:`ColumnFit` keeps a table's columns inside its width.

At the largest text sizes on a 768-pixel-high screen a page's rows no longer fit, and
Qt then squeezes them below their size: buttons shrink to slivers, labels lose their
last lines, panes show one line. :func:`scroll_page` moves the page's contents into a
vertical scroll area inside the page itself, so every row keeps the room it needs
and the page scrolls instead. At usual sizes the contents simply fill the page, as
before. The page widget stays the same object (the window's stack and the tests hold
it); only its children move one level down.
"""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtWidgets import (
    QBoxLayout,
    QFrame,
    QHeaderView,
    QScrollArea,
    QSizePolicy,
    QSplitter,
    QStyle,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)
from shiboken6 import isValid

from ips_reflect.gui.shell.uiloader import find_child
from ips_reflect.gui.widgets.dialog_fit import (
    DialogFit,
    ScrollContents,
    follow_focus,
    follow_focus_once,
    refit_on,
    refit_timer,
)

__all__ = ["DialogFit", "ScrollContents", "follow_focus", "scroll_page"]


def scroll_page(view: QWidget) -> QScrollArea:
    """Put ``view``'s layout and children into a vertical scroll area inside ``view``."""
    layout = view.layout()
    if layout is None:
        raise ValueError(f"the page '{view.objectName()}' has no layout")
    contents = ScrollContents()
    contents.setObjectName("pageScrollContents")
    contents.setLayout(layout)  # moves the layout and the widgets it holds
    for child in view.findChildren(QWidget, options=Qt.FindChildOption.FindDirectChildrenOnly):
        if child is not contents and not child.isWindow():
            child.setParent(contents)  # widgets outside the layout (hidden pages, pop-ups)
    scroll = QScrollArea(view)
    scroll.setObjectName("pageScroll")
    scroll.setFrameShape(QFrame.Shape.NoFrame)
    scroll.setWidgetResizable(True)
    scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)
    scroll.setWidget(contents)
    vertical_only(scroll, contents)
    outer = QVBoxLayout(view)
    outer.setObjectName("pageScrollLayout")
    outer.setContentsMargins(0, 0, 0, 0)
    outer.addWidget(scroll)
    if view.isVisible():
        scroll.show()  # a shown dialog: its new child must show now, not later
    follow_focus_once()
    for tabs in view.findChildren(QTabWidget):
        fit_tabs(tabs)
    for splitter in view.findChildren(QSplitter):
        if splitter.orientation() == Qt.Orientation.Horizontal:
            SplitterFit(splitter)
    return scroll


def wide_as_rows(area: QScrollArea) -> None:
    """A dialog's scroll area: its contents as wide as their rows need (DialogFit sees
    to that), so never cut off on the right, with a sideways bar only beyond the screen."""
    contents = area.widget()
    if contents is not None:
        contents.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)
    area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)


def vertical_only(area: QScrollArea, contents: QWidget) -> None:
    """Never wider than ``area``: rows of buttons wrap (RowWrapper) and tables fit
    (ColumnFit) in the width they are given; only the height grows and scrolls."""
    policy = contents.sizePolicy()
    contents.setSizePolicy(QSizePolicy.Policy.Ignored, policy.verticalPolicy())
    area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)


def fit_tabs(tabs: QTabWidget) -> None:
    """Tab titles that do not all fit are shortened with "…" (never scrolled out of
    sight); the whole title is the tab's tooltip, and screen readers read it whole."""
    bar = tabs.tabBar()
    bar.setElideMode(Qt.TextElideMode.ElideRight)
    bar.setUsesScrollButtons(False)
    for i in range(tabs.count()):
        if not tabs.tabToolTip(i):
            tabs.setTabToolTip(
                i, tabs.tabText(i).replace("&&", "\0").replace("&", "").replace("\0", "&")
            )


class ColumnFit(QObject):
    """Keep a table's columns inside its width: no sideways scroll bar.

    Each column gets the width its title and cells ask for while they all fit; the
    spare width goes to the ``stretch`` columns. When they do not fit, the widest
    columns give way first (down to a common width, but if they can, never narrower
    than a title's longest word), and their cells are elided: the models give the
    whole text as tooltip and accessible description. Titles wrap onto more lines
    (the header grows taller) instead of being cut at both ends. A person can still
    drag a column wider; it is fitted again when the table or text changes.
    """

    def __init__(self, table: QTableView, stretch: Iterable[int] = ()) -> None:
        super().__init__(table)
        self.table = table
        self.stretch = tuple(stretch)
        table.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        table.setTextElideMode(Qt.TextElideMode.ElideRight)
        header = table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(False)
        header.setDefaultAlignment(
            Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter | Qt.TextFlag.TextWordWrap
        )
        self._timer = refit_timer(self, self.fit)
        table.installEventFilter(self)
        table.viewport().installEventFilter(self)  # narrower when a scroll bar shows
        model = table.model()
        if model is not None:
            for signal in (model.modelReset, model.rowsInserted, model.layoutChanged):
                signal.connect(self._timer.start)
            model.dataChanged.connect(self._timer.start)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        return refit_on(event, _REFIT, getattr(self, "_timer", None))

    def fit(self) -> None:
        table = self.table
        if not isValid(table):
            return
        header = table.horizontalHeader()
        columns = [c for c in range(header.count()) if not header.isSectionHidden(c)]
        room = table.viewport().width()
        if not columns or room <= 0:
            return
        # Never so narrow that even the narrowest columns would not fit side by side.
        bar = table.verticalScrollBar().sizeHint().width()
        least_table = len(columns) * header.minimumSectionSize() + 2 * table.frameWidth() + bar
        if table.minimumWidth() != least_table:
            table.setMinimumWidth(least_table)
        wanted = {c: max(header.sectionSizeHint(c), table.sizeHintForColumn(c)) for c in columns}
        widths = dict(wanted)
        if sum(wanted.values()) > room:
            least = header.minimumSectionSize()
            words = {c: min(wanted[c], max(least, _longest_word(header, c))) for c in columns}
            floors = words if sum(words.values()) <= room else dict.fromkeys(columns, least)
            cap = _common_cap(sorted(wanted.values()), room)
            widths = {c: max(floors[c], min(w, cap)) for c, w in wanted.items()}
            while sum(widths.values()) > room and cap > least:  # narrow columns kept
                cap -= 1
                widths = {c: max(floors[c], min(w, cap)) for c, w in wanted.items()}
        else:
            growing = [c for c in self.stretch if c in widths] or columns[-1:]
            spare = room - sum(widths.values())
            for i, c in enumerate(growing):
                widths[c] += spare // len(growing) + (1 if i < spare % len(growing) else 0)
        for c, w in widths.items():
            if header.sectionSize(c) != w:
                header.resizeSection(c, w)
        tall = max(_title_height(header, c, w) for c, w in widths.items())
        if header.minimumHeight() != tall:
            header.setMinimumHeight(tall)  # the table gives the header at least this


def _title(header: QHeaderView, column: int) -> tuple[str, int]:
    """A column's title and the room its section's padding and frame take."""
    model = header.model()
    text = str(model.headerData(column, Qt.Orientation.Horizontal) or "") if model else ""
    return text, header.sectionSizeHint(column) - header.fontMetrics().horizontalAdvance(text)


def _longest_word(header: QHeaderView, column: int) -> int:
    """The width a column needs to show its title's longest word whole."""
    text, padding = _title(header, column)
    metrics = header.fontMetrics()
    return max((metrics.horizontalAdvance(word) for word in text.split()), default=0) + padding


def _title_height(header: QHeaderView, column: int, width: int) -> int:
    """How tall the header must be for a column's title, wrapped to ``width``."""
    text, padding = _title(header, column)
    if not text:
        return 0
    metrics = header.fontMetrics()
    one_line = header.sectionSizeFromContents(column).height()
    room = max(1, width - padding)
    lines = metrics.boundingRect(0, 0, room, 10_000, Qt.TextFlag.TextWordWrap, text).height()
    return one_line + max(0, lines - metrics.height())


_REFIT = {QEvent.Type.Resize, QEvent.Type.FontChange, QEvent.Type.StyleChange, QEvent.Type.Show}


def _common_cap(sizes: list[int], room: int) -> int:
    """The largest width ``cap`` with ``sum(min(s, cap) for s in sizes) <= room``."""
    used = 0
    for i, size in enumerate(sizes):
        left = len(sizes) - i
        if used + size * left > room:
            return max(0, (room - used) // left)
        used += size
    return sizes[-1] if sizes else room


def pane_width(pane: QWidget) -> int:
    """The least width ``pane`` needs, counting forms in it that never scroll sideways
    (a scroll area alone asks for next to nothing)."""
    least = pane.minimumSizeHint().width()
    bar = pane.style().pixelMetric(QStyle.PixelMetric.PM_ScrollBarExtent)
    areas = pane.findChildren(QScrollArea)
    for area in [pane, *areas] if isinstance(pane, QScrollArea) else areas:
        inner = area.widget()
        off = area.horizontalScrollBarPolicy() == Qt.ScrollBarPolicy.ScrollBarAlwaysOff
        if inner is not None and off and area.isVisible():
            around = pane.width() - area.width()  # margins and neighbours beside it
            least = max(least, inner.minimumSizeHint().width() + bar + around)
    return least


class SplitterFit(QObject):
    """Stack a side-by-side splitter's panes when the page is too narrow for them.

    Side by side, each pane needs at least its own smallest width; when the splitter
    has less, its panes go one above the other (each at least ``lines`` text lines
    high, the page scrolls) and come back side by side once there is room again.
    """

    def __init__(self, splitter: QSplitter, lines: int = 12) -> None:
        super().__init__(splitter)
        self.splitter = splitter
        self.lines = lines
        # Widths set in the .ui file: a pane never gets narrower than its contents need.
        self.set_widths = {id(w): w.minimumWidth() for w in self.panes()}
        self._timer = refit_timer(self, self.fit)
        splitter.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        return refit_on(event, _REFIT, getattr(self, "_timer", None))

    def panes(self) -> list[QWidget]:
        found = (self.splitter.widget(i) for i in range(self.splitter.count()))
        return [w for w in found if w is not None and not w.isHidden()]

    def needed_width(self) -> int:
        panes = self.panes()
        handles = self.splitter.handleWidth() * max(0, len(panes) - 1)
        return handles + sum(max(pane_width(w), self.set_widths.get(id(w), 0)) for w in panes)

    def fit(self) -> None:
        splitter = self.splitter
        if not isValid(splitter):
            return
        stacked = splitter.width() < self.needed_width()
        wanted = Qt.Orientation.Vertical if stacked else Qt.Orientation.Horizontal
        if splitter.orientation() != wanted:
            splitter.setOrientation(wanted)
        least = self.lines * splitter.fontMetrics().lineSpacing() if stacked else 0
        for pane in self.panes():
            pane.setMinimumHeight(max(least, pane.minimumSizeHint().height()) if stacked else 0)
            set_width = self.set_widths.get(id(pane), 0)
            needs = 0 if stacked else pane_width(pane)  # stacked: full width
            pane.setMinimumWidth(max(set_width, needs))


class SideFit(QObject):
    """A form with a side column (``flagSide``) in a row: when the form's widest line
    and the column no longer fit side by side, the column goes below the form, full
    width, and comes back beside it when there is room."""

    def __init__(self, row: QBoxLayout, form: QWidget, side: QWidget, host: QWidget) -> None:
        super().__init__(host)
        self.row, self.form, self.side, self.host = row, form, side, host
        self.side_widths = (side.minimumWidth(), side.maximumWidth())
        self._timer = refit_timer(self, self.fit)
        host.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        return refit_on(event, _REFIT, getattr(self, "_timer", None))

    def form_width(self) -> int:
        """The widest the form's visible page needs (its scroll area's contents)."""
        areas = [a for a in self.form.findChildren(QScrollArea) if a.isVisible()]
        if isinstance(self.form, QScrollArea):
            areas.append(self.form)
        inners = [a.widget() for a in areas]
        needs = [w.minimumSizeHint().width() for w in inners if w is not None]
        frame = 2 * max((a.frameWidth() for a in areas), default=0)
        bar = self.form.style().pixelMetric(QStyle.PixelMetric.PM_ScrollBarExtent)
        return max(needs, default=0) + frame + bar

    def fit(self) -> None:
        if not isValid(self.host):
            return
        room = self.row.contentsRect().width() or self.host.width()
        least, most = self.side_widths
        side = min(max(least, self.side.sizeHint().width()), most)  # what it would take
        needed = self.form_width() + self.row.spacing() + side
        below = room < needed
        wanted = QBoxLayout.Direction.TopToBottom if below else QBoxLayout.Direction.LeftToRight
        if self.row.direction() != wanted:
            self.row.setDirection(wanted)
            least, most = self.side_widths
            self.side.setMaximumWidth(QWIDGETSIZE_MAX if below else most)
            self.side.setMinimumWidth(0 if below else least)


QWIDGETSIZE_MAX = 16777215


def fit_side(view: QWidget, row: str, form: str, side: str = "flagSide") -> SideFit:
    """:class:`SideFit` for the row, form and side column called so in ``view``."""
    return SideFit(
        find_child(view, QBoxLayout, row),
        find_child(view, QWidget, form),
        find_child(view, QWidget, side),
        view,
    )
