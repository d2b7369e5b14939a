"""Let a row of controls wrap onto more lines when the window is too narrow for it.

A row of filters laid out in a ``.ui`` file as a ``QHBoxLayout`` is fine at the
usual text size, but at the largest sizes the View menu offers (24 points) it is
wider than the window, and Qt then squeezes or cuts off its controls. A
:class:`RowWrapper` watches the widget that holds the row and, whenever its size,
text size or the row's visible controls change, deals the controls out in their
order onto as many lines as needed (the first line is the original row; more
lines are plain ``QHBoxLayout`` rows added just below it). Keyboard order is not
touched: it follows the widgets, not the lines.

Only standard Qt layouts are used, so Qt owns every layout item as usual::

    RowWrapper(find_child(view, QHBoxLayout, "filterRow"), view)
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import (
    QBoxLayout,
    QGridLayout,
    QHBoxLayout,
    QLayout,
    QScrollArea,
    QWidget,
)
from shiboken6 import isValid

_WATCHED = {
    QEvent.Type.Resize,
    QEvent.Type.LayoutRequest,
    QEvent.Type.FontChange,
    QEvent.Type.StyleChange,
    QEvent.Type.Show,
}


class RowWrapper(QObject):
    """Deals the widgets of ``row`` onto lines that fit ``host``; see the module docstring.

    Layout items are never touched from Python (only widgets and layouts are):
    Qt deletes items itself, and a Python wrapper left pointing at a deleted
    item can be mistaken later for a new object at the same address.
    """

    def __init__(self, row: QBoxLayout, host: QWidget) -> None:
        super().__init__(host)
        parent = row.parent()
        if not isinstance(parent, QBoxLayout):
            raise TypeError(f"the row '{row.objectName()}' must sit in a box layout")
        self.host = host
        self.parent_layout = parent
        self.row = row
        self.spacing = row.spacing()
        found = [(row.indexOf(w), w) for w in host.findChildren(QWidget) if row.indexOf(w) >= 0]
        self.widgets: list[QWidget] = [w for _index, w in sorted(found, key=lambda p: p[0])]
        self.lines: list[QBoxLayout] = [row]  # the row keeps its trailing spacer
        self._placed: list[int] = [0] * len(self.widgets)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(0)
        self._timer.timeout.connect(self.reflow)
        # The row's own widget too: a splitter pane can change width on its own.
        holder = parent.parentWidget()
        self.watched = [host] if holder is None or holder is host else [host, holder]
        # Inside a scroll area's page the page grows to fit the row, so the viewport
        # is what decides (and its resizes are watched too).
        self.area = _scroll_area_around(holder)
        if self.area is not None:
            self.watched.append(self.area.viewport())
        for widget in self.watched:
            widget.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind in _WATCHED and any(watched is w for w in getattr(self, "watched", ())):
            self._timer.start()
        return False

    def _available(self) -> int:
        rect = self.parent_layout.contentsRect()
        width = rect.width() if rect.width() > 0 else self.host.width()
        area = self.area if self.area is not None and isValid(self.area) else None
        page = area.widget() if area is not None else None
        if area is not None and page is not None and rect.width() > 0:
            # the room the row would have if the page were no wider than the viewport
            width = min(width, area.viewport().width() - (page.width() - rect.width()))
        return max(width, 1)

    def plan(self, width: int) -> list[int]:
        """The line each widget goes on, for a row ``width`` pixels wide."""
        lines: list[int] = []
        line = x = 0
        for widget in self.widgets:
            if widget.isHidden():
                lines.append(line)  # stays beside its neighbour; takes no room
                continue
            hint = max(widget.sizeHint().width(), widget.minimumSizeHint().width())
            if x > 0 and x + hint > width:
                line += 1
                x = 0
            lines.append(line)
            x += hint + self.spacing
        return lines

    def line_count(self) -> int:
        """The lines the row takes at its width now (it is dealt out just after a
        resize, never during one: layouts must not change while they are laid out)."""
        if isValid(self.parent_layout) and isValid(self.host):
            return max(self.plan(self._available()), default=0) + 1
        return max(self._placed, default=0) + 1

    def reflow(self) -> None:
        if not (isValid(self.parent_layout) and isValid(self.row) and isValid(self.host)):
            return  # the page is being taken down
        plan = self.plan(self._available())
        if plan == self._placed:
            return
        while len(self.lines) <= max(plan, default=0):
            line: QBoxLayout = QHBoxLayout()
            line.setSpacing(self.spacing)
            line.setObjectName(f"{self.row.objectName()}Line{len(self.lines) + 1}")
            line.addStretch(1)
            index = self.parent_layout.indexOf(self.lines[-1])
            self.parent_layout.insertLayout(index + 1, line)
            self.lines.append(line)
        for widget in self.widgets:
            for line in self.lines:
                if line.indexOf(widget) >= 0:
                    line.removeWidget(widget)
        filled = [0] * len(self.lines)
        for widget, n in zip(self.widgets, plan, strict=True):
            self.lines[n].insertWidget(filled[n], widget)  # before the spacer or stretch
            filled[n] += 1
        self._placed = plan


def _scroll_area_around(widget: QWidget | None) -> QScrollArea | None:
    """The scroll area whose page holds ``widget`` (None if it is not in one)."""
    while widget is not None:
        parent = widget.parentWidget()
        if isinstance(parent, QScrollArea) or (
            parent is not None and isinstance(parent.parentWidget(), QScrollArea)
        ):
            area = parent if isinstance(parent, QScrollArea) else parent.parentWidget()
            assert isinstance(area, QScrollArea)
            return area if area.widgetResizable() else None
        widget = parent
    return None


def wrap_grid(grid: QGridLayout, host: QWidget) -> RowWrapper:
    """Turn a grid of buttons (from a ``.ui`` file) into a row that wraps: its widgets,
    read row by row, go into one ``QHBoxLayout`` of the same name, which a
    :class:`RowWrapper` deals onto as many lines as the width needs. A fixed grid
    cannot get narrower than its widest columns; a wrapping row can."""
    parent = grid.parent()
    if not isinstance(parent, QBoxLayout):
        raise TypeError(f"the grid '{grid.objectName()}' must sit in a box layout")
    cells: list[tuple[int, int, QWidget]] = []
    for i in range(grid.count()):
        item = grid.itemAt(i)
        widget = item.widget() if item is not None else None
        if widget is not None:
            position: tuple[int, int, int, int] = grid.getItemPosition(i)  # type: ignore[assignment]
            cells.append((position[0], position[1], widget))
    line = QHBoxLayout()
    line.setSpacing(grid.horizontalSpacing())
    line.setObjectName(grid.objectName())
    for _row, _column, widget in sorted(cells, key=lambda cell: (cell[0], cell[1])):
        grid.removeWidget(widget)
        line.addWidget(widget)
    line.addStretch(1)
    parent.insertLayout(parent.indexOf(grid), line)
    parent.removeItem(grid)  # the empty grid goes with its Python wrapper
    return RowWrapper(line, host)


def wrap_rows(host: QWidget, *names: str) -> list[RowWrapper]:
    """Make the rows (``QHBoxLayout``) and button grids (``QGridLayout``) called
    ``names`` in ``host`` wrap onto more lines when ``host`` is too narrow."""
    wrappers = []
    for name in names:
        layout = host.findChild(QLayout, name)
        if isinstance(layout, QGridLayout):
            wrappers.append(wrap_grid(layout, host))
        elif isinstance(layout, QBoxLayout):
            wrappers.append(RowWrapper(layout, host))
        else:
            raise LookupError(f"no row or grid called '{name}' in '{host.objectName()}'")
    return wrappers
