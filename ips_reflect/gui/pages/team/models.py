"""The Team page's data: one row per card file (:class:`TeamRow`), the typed table model
that lists them in booklet order, reading a team folder and building the booklet in
memory.
"""

from __future__ import annotations

import io
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from PySide6.QtCore import QModelIndex, Qt

from ips_reflect import messages
from ips_reflect.core.biocard import BioCard, Problem, load_team
from ips_reflect.gui.widgets.models import RowTableModel
from ips_reflect.gui.widgets.theme import current_theme

_ROOT = QModelIndex()


@dataclass
class TeamRow:
    """One card file: the card when it is valid, else its problems."""

    path: Path
    card: BioCard | None
    problems: list[Problem] = field(default_factory=list)

    @property
    def valid(self) -> bool:
        return self.card is not None and not self.problems

    @property
    def person(self) -> str:
        """The person's name, or the file's name for a card that could not be read."""
        return self.card.name if self.card is not None else self.path.name

    @property
    def role(self) -> str:
        return self.card.role if self.card is not None else ""

    def problem_lines(self) -> list[str]:
        """Each problem as ``file:line: reason``."""
        return [f"{self.path.name}:{p.location.line}: {p.message}" for p in self.problems]


class TeamTableModel(RowTableModel):
    """The cards of a team folder, in booklet order."""

    PERSON, ROLE, STATUS, PROBLEMS = range(4)
    RowRole = int(Qt.ItemDataRole.UserRole) + 1
    ValidRole = int(Qt.ItemDataRole.UserRole) + 2
    columns = messages.TEAM_COLUMNS

    # -- Qt model API

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        horizontal = orientation == Qt.Orientation.Horizontal
        if horizontal and role == Qt.ItemDataRole.DisplayRole and 0 <= section < 4:
            return messages.TEAM_COLUMNS[section]
        if orientation == Qt.Orientation.Vertical and role == Qt.ItemDataRole.DisplayRole:
            return str(section + 1)
        return None

    def tooltip(self, row: TeamRow, col: int) -> str | None:
        if col == self.PROBLEMS and row.problems:
            return "\n".join(row.problem_lines())
        if col == self.PERSON:
            return str(row.path)
        return self.cell(row, col) or None

    def accessible(self, row: TeamRow, col: int) -> str:
        if col == self.PERSON:
            return f"{row.person} ({row.path.name})" if row.card else row.path.name
        if col == self.STATUS:
            return self._spoken_status(row)
        if col == self.PROBLEMS:
            return "; ".join(row.problem_lines()) or messages.TEAM_PROBLEMS_NONE
        return self.cell(row, col)

    def extra(self, row: TeamRow, col: int, role: int) -> Any:
        if role == Qt.ItemDataRole.ForegroundRole and col == self.STATUS:
            return current_theme().color("reason" if row.valid else "warning_sign")
        if role == self.RowRole:
            return row
        if role == self.ValidRole:
            return row.valid
        return None

    def cell(self, row: TeamRow, col: int) -> str:
        if col == self.PERSON:
            return row.person if row.card is not None else row.path.name
        if col == self.ROLE:
            return row.role
        if col == self.STATUS:
            if row.valid:
                return messages.TEAM_STATUS_OK
            n = len(row.problems)
            return messages.TEAM_STATUS_BAD.format(n=n, s="" if n == 1 else "s")
        if col == self.PROBLEMS:
            lines = row.problem_lines()
            if not lines:
                return ""
            more = f"  (+{len(lines) - 1})" if len(lines) > 1 else ""
            return lines[0] + more
        return ""

    @staticmethod
    def _spoken_status(row: TeamRow) -> str:
        if row.valid:
            return messages.TEAM_STATUS_OK_SPOKEN
        n = len(row.problems)
        return messages.TEAM_STATUS_BAD_SPOKEN.format(n=n, s="" if n == 1 else "s")

    # -- rows

    def rows(self) -> list[TeamRow]:
        return list(self._rows)

    def row_at(self, row: int) -> TeamRow:
        return self._rows[row]

    def valid_cards(self) -> list[BioCard]:
        """The cards that can go in the booklet, in table order."""
        return [r.card for r in self._rows if r.valid and r.card is not None]

    def invalid_rows(self) -> list[TeamRow]:
        return [r for r in self._rows if not r.valid]

    def move(self, row: int, delta: int) -> int:
        """Move a row up (-1) or down (+1); returns its new row (unchanged at an end)."""
        target = row + delta
        if not (0 <= row < len(self._rows) and 0 <= target < len(self._rows)) or delta == 0:
            return row
        # Qt's destination is the row *before which* the moved row lands.
        dest = target + 1 if delta > 0 else target
        if not self.beginMoveRows(_ROOT, row, row, _ROOT, dest):
            return row
        item = self._rows.pop(row)
        self._rows.insert(target, item)
        self.endMoveRows()
        return target

    def refresh(self) -> None:
        """Ask views to draw again (after a theme change)."""
        if self._rows:
            self.dataChanged.emit(
                self.index(0, 0), self.index(len(self._rows) - 1, self.columnCount() - 1)
            )


def read_team_rows(folder: Path) -> list[TeamRow]:
    """Every card in ``folder``: valid ones in name order, then the others by file name."""
    cards, invalid = load_team(folder)
    rows = [TeamRow(c.source_path or folder, c) for c in sorted(cards, key=lambda c: c.sort_key)]
    rows += [TeamRow(path, None, list(problems)) for path, problems in invalid]
    return rows


def booklet_bytes(cards: list[BioCard], title: str, service: str | None) -> tuple[bytes, int, int]:
    """The booklet for ``cards`` (in this order) as PDF bytes, with people and pages."""
    from ips_reflect.export.booklet import build_booklet

    buf = io.BytesIO()
    result = build_booklet(cards, buf, title=title, service=service, order="given")
    return buf.getvalue(), result.people, result.pages
