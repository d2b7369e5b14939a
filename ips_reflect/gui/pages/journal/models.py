"""The journal's list: a typed table model over the vault's light catalog, and the
delegate that draws search matches highlighted.

:class:`EntryTableModel` holds only the ordered ids of the entries shown (10,000
ints for 10,000 entries). Each cell is read from the in-memory
:class:`~ips_reflect.store.journal_index.JournalCatalog` when a view asks for it
(and its text kept in a small cache), so only the rows on screen cost anything.
While searching, the title cell gets a second line: a snippet of the best
matching passage, fetched from the full-text index a window of rows at a time
(:data:`SNIPPET_WINDOW`) as rows come into view.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Callable, Sequence
from enum import IntEnum
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QObject,
    QRect,
    Qt,
)
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter, QPalette
from PySide6.QtWidgets import QApplication, QStyle, QStyledItemDelegate, QStyleOptionViewItem

from ips_reflect import messages
from ips_reflect.gui.widgets.entry_view import (
    Highlighter,
    days_left,
    long_when,
    marked_segments,
    short_day,
    strip_marks,
)
from ips_reflect.gui.widgets.models import ROOT, USER_ROLE, ModelIndex
from ips_reflect.store.journal_index import CatalogRow, JournalCatalog

_DISPLAY = int(Qt.ItemDataRole.DisplayRole)
_TOOLTIP = int(Qt.ItemDataRole.ToolTipRole)
_ACCESSIBLE = int(Qt.ItemDataRole.AccessibleTextRole)
_DESCRIPTION = int(Qt.ItemDataRole.AccessibleDescriptionRole)
_ALIGN = int(Qt.ItemDataRole.TextAlignmentRole)

#: Marks around matched words in snippets: private-use characters never typed.
MARKS = ("\ue000", "\ue001")
SNIPPET_WINDOW = 32
SNIPPET_PAGES_KEPT = 64
TEXT_CACHE_ROWS = 2000


class Column(IntEnum):
    DATE = 0
    KIND = 1
    TITLE = 2
    AUDIENCE = 3
    CLIENT = 4
    TAGS = 5
    FLAGS = 6
    DAYS_LEFT = 7


HEADERS: dict[Column, str] = {
    Column.DATE: messages.JOURNAL_COL_DATE,
    Column.KIND: messages.JOURNAL_COL_KIND,
    Column.TITLE: messages.JOURNAL_COL_TITLE,
    Column.AUDIENCE: messages.JOURNAL_COL_AUDIENCE,
    Column.CLIENT: messages.JOURNAL_COL_CLIENT,
    Column.TAGS: messages.JOURNAL_COL_TAGS,
    Column.FLAGS: messages.JOURNAL_COL_FLAGS,
    Column.DAYS_LEFT: messages.JOURNAL_COL_DAYS_LEFT,
}
_CENTRED = int(Qt.AlignmentFlag.AlignCenter)
_LEFT = int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)

SnippetSource = Callable[[Sequence[int], str], dict[int, str]]


class EntryTableModel(QAbstractTableModel):
    """Entries as rows; see the module docstring. Read-only (edits go through the vault)."""

    UidRole = USER_ROLE + 1
    IdRole = USER_ROLE + 2
    SnippetRole = USER_ROLE + 3  # the matching passage, with MARKS around matched words

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._catalog: JournalCatalog | None = None
        self._ids: list[int] = []
        self._query = ""
        self._highlighter = Highlighter()
        self._snippet_source: SnippetSource | None = None
        self._snippets: OrderedDict[int, dict[int, str]] = OrderedDict()
        self._texts: OrderedDict[int, tuple[str, ...]] = OrderedDict()

    # -- contents

    def set_rows(
        self,
        catalog: JournalCatalog | None,
        ids: Sequence[int],
        query: str = "",
        snippet_source: SnippetSource | None = None,
    ) -> None:
        """Show ``ids`` (in this order) from ``catalog``; ``query`` for matches."""
        self.beginResetModel()
        if catalog is not self._catalog:
            self._texts.clear()
        self._catalog = catalog
        self._ids = list(ids)
        self._query = query if query.strip() else ""
        self._highlighter = Highlighter.for_query(self._query)
        self._snippet_source = snippet_source
        self._snippets.clear()
        self.endResetModel()

    def clear(self) -> None:
        self.set_rows(None, [], "")
        self._texts.clear()

    @property
    def query(self) -> str:
        return self._query

    @property
    def highlighter(self) -> Highlighter:
        return self._highlighter

    @property
    def ids(self) -> list[int]:
        return self._ids

    def id_at(self, row: int) -> int | None:
        return self._ids[row] if 0 <= row < len(self._ids) else None

    def row_info(self, row: int) -> CatalogRow | None:
        if not 0 <= row < len(self._ids) or self._catalog is None:
            return None
        return self._catalog.rows.get(self._ids[row])

    def uid_at(self, row: int) -> str | None:
        info = self.row_info(row)
        return info.uid if info is not None else None

    def row_of_id(self, entry_id: int) -> int:
        try:
            return self._ids.index(entry_id)
        except ValueError:
            return -1

    def row_of_uid(self, uid: str) -> int:
        if self._catalog is None:
            return -1
        info = self._catalog.by_uid(uid)
        return self.row_of_id(info.id) if info is not None else -1

    def rows_changed(self, ids: Sequence[int]) -> None:
        """Entries were edited: forget their cached text and repaint their rows."""
        for entry_id in ids:
            self._texts.pop(entry_id, None)
            for page in self._snippets.values():
                page.pop(entry_id, None)
            row = self.row_of_id(entry_id)
            if row >= 0:
                self.dataChanged.emit(self.index(row, 0), self.index(row, len(Column) - 1))

    def forget_texts(self) -> None:
        self._texts.clear()

    # -- Qt model interface

    def rowCount(self, parent: ModelIndex = ROOT) -> int:
        return 0 if parent.isValid() else len(self._ids)

    def columnCount(self, parent: ModelIndex = ROOT) -> int:
        return 0 if parent.isValid() else len(Column)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = _DISPLAY) -> Any:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(Column):
            return None
        if role in (_DISPLAY, _ACCESSIBLE, _TOOLTIP, _DESCRIPTION):
            return HEADERS[Column(section)]  # the whole title, should the column be narrow
        return None

    def flags(self, index: ModelIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def data(self, index: ModelIndex, role: int = _DISPLAY) -> Any:
        # Views ask for many roles per cell on every paint: answer the common ones
        # from a small cache of each row's texts, and the rest with None at once.
        if role == _DISPLAY:
            texts = self._row_texts(index.row())
            return texts[index.column()] if texts is not None else None
        if role == _ALIGN:
            return _CENTRED if index.column() >= Column.FLAGS else _LEFT
        if role == _ACCESSIBLE:
            return self._spoken(index.row(), index.column())
        if role in (_TOOLTIP, _DESCRIPTION):  # the whole text of a cut-off cell
            return self._tooltip(index.row(), index.column())
        if role == self.UidRole:
            info = self.row_info(index.row())
            return info.uid if info is not None else None
        if role == self.IdRole:
            return self.id_at(index.row())
        if role == self.SnippetRole:
            return self.snippet(index.row())
        return None

    # -- cells

    def _row_texts(self, row: int) -> tuple[str, ...] | None:
        if not 0 <= row < len(self._ids) or self._catalog is None:
            return None
        entry_id = self._ids[row]
        texts = self._texts.get(entry_id)
        if texts is not None:
            return texts
        info = self._catalog.rows.get(entry_id)
        if info is None:
            return None
        left = days_left(info.deleted_at)
        texts = (
            short_day(info.created),
            messages.JOURNAL_KIND_SHORT.get(info.kind, info.kind),
            " ".join(info.title.split()) or messages.JOURNAL_UNTITLED,
            messages.JOURNAL_AUDIENCE_SHORT.get(info.audience, "") if info.audience else "",
            info.client_alias or "",
            ", ".join(info.tags),
            str(info.flags) if info.flags else "",
            "" if left is None else messages.JOURNAL_DAYS_LEFT.format(n=left),
        )
        self._texts[entry_id] = texts
        if len(self._texts) > TEXT_CACHE_ROWS:
            self._texts.popitem(last=False)
        return texts

    def _tooltip(self, row: int, column: int) -> str | None:
        info = self.row_info(row)
        if info is None:
            return None
        if column == Column.DATE:
            return long_when(info.created)
        if column == Column.FLAGS and info.flags:
            return messages.JOURNAL_FLAGS_SPOKEN.format(
                n=info.flags, s="" if info.flags == 1 else "s"
            )
        if column == Column.TITLE and self._query:
            snippet = strip_marks(self.snippet(row), MARKS)
            title = self._row_texts(row)
            return f"{title[Column.TITLE] if title else ''}\n{snippet}".strip()
        texts = self._row_texts(row)
        return (texts[column] or None) if texts is not None else None

    def _spoken(self, row: int, column: int) -> str | None:
        info = self.row_info(row)
        texts = self._row_texts(row)
        if info is None or texts is None:
            return None
        if column == Column.FLAGS:
            if not info.flags:
                return messages.JOURNAL_NO_FLAGS_SPOKEN
            return messages.JOURNAL_FLAGS_SPOKEN.format(
                n=info.flags, s="" if info.flags == 1 else "s"
            )
        if column == Column.AUDIENCE and not info.audience:
            return messages.JOURNAL_NO_AUDIENCE_SPOKEN
        if column == Column.CLIENT and not info.client_alias:
            return messages.JOURNAL_NO_ALIAS_SPOKEN
        if column == Column.TAGS and not info.tags:
            return messages.JOURNAL_NO_TAGS_SPOKEN
        if column == Column.DATE:
            return long_when(info.created)
        if column == Column.TITLE and self._query:
            snippet = strip_marks(self.snippet(row), MARKS)
            if snippet:
                return messages.JOURNAL_TITLE_WITH_MATCH.format(
                    title=texts[Column.TITLE], snippet=snippet
                )
        return texts[column]

    def snippet(self, row: int) -> str:
        """The matching passage for ``row`` (with :data:`MARKS`), fetched a window at a time."""
        if not self._query or self._snippet_source is None or not 0 <= row < len(self._ids):
            return ""
        page = row // SNIPPET_WINDOW
        found = self._snippets.get(page)
        if found is None:
            start = page * SNIPPET_WINDOW
            ids = self._ids[start : start + SNIPPET_WINDOW]
            try:
                found = self._snippet_source(ids, self._query)
            except Exception:  # a locked vault: no snippet, never an error while painting
                found = {}
            self._snippets[page] = found
            while len(self._snippets) > SNIPPET_PAGES_KEPT:
                self._snippets.popitem(last=False)
        else:
            self._snippets.move_to_end(page)
        return found.get(self._ids[row], "")


# --------------------------------------------------------------------------- delegate


class HighlightDelegate(QStyledItemDelegate):
    """Draws the title cell: the title with matched words highlighted and, while
    searching, a second line with the matching passage. Painted as runs of text
    (no rich-text layout), so a screenful costs well under a millisecond a row."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.mark_background = QColor("#ffe27a")
        self.mark_text = QColor("#1b2430")
        self.muted = QColor("#4d5966")

    def set_colours(self, background: str, text: str, muted: str) -> None:
        self.mark_background = QColor(background)
        self.mark_text = QColor(text)
        self.muted = QColor(muted)

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: ModelIndex) -> None:
        model = index.model()
        if not isinstance(model, EntryTableModel) or not model.query:
            super().paint(painter, option, index)
            return
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        title = opt.text
        opt.text = ""
        widget = opt.widget
        style = widget.style() if widget is not None else QApplication.style()
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, widget)
        rect = style.subElementRect(QStyle.SubElement.SE_ItemViewItemText, opt, widget)
        rect = rect.adjusted(3, 0, -3, 0)
        selected = bool(opt.state & QStyle.StateFlag.State_Selected)
        palette = opt.palette
        text_colour = palette.color(
            QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        )
        font = QFont(opt.font)
        line_h = QFontMetrics(font).height()
        snippet = model.snippet(index.row())
        lines = 2 if snippet else 1
        top = rect.top() + max(0, (rect.height() - lines * line_h) // 2)
        painter.save()
        painter.setClipRect(rect)
        self._runs(
            painter,
            model.highlighter.segments(title),
            QRect(rect.left(), top, rect.width(), line_h),
            font,
            text_colour,
            selected,
        )
        if snippet:
            self._runs(
                painter,
                marked_segments(" ".join(snippet.split()), MARKS),
                QRect(rect.left(), top + line_h, rect.width(), line_h),
                font,
                text_colour if selected else self.muted,
                selected,
            )
        painter.restore()

    def _runs(
        self,
        painter: QPainter,
        runs: list[tuple[str, bool]],
        rect: QRect,
        font: QFont,
        colour: QColor,
        selected: bool,
    ) -> None:
        bold = QFont(font)
        bold.setBold(True)
        if selected:
            bold.setUnderline(True)
        plain_fm, bold_fm = QFontMetrics(font), QFontMetrics(bold)
        x, right = rect.left(), rect.right()
        flags = int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        for text, hit in runs:
            if x >= right:
                break
            fm = bold_fm if hit else plain_fm
            width = fm.horizontalAdvance(text)
            room = right - x
            if width > room:
                text = fm.elidedText(text, Qt.TextElideMode.ElideRight, room)
                width = fm.horizontalAdvance(text)
            box = QRect(x, rect.top(), width, rect.height())
            if hit:
                painter.setFont(bold)
                if not selected:
                    painter.fillRect(box, self.mark_background)
                    painter.setPen(self.mark_text)
                else:
                    painter.setPen(colour)
            else:
                painter.setFont(font)
                painter.setPen(colour)
            painter.drawText(box, flags, text)
            x += width
