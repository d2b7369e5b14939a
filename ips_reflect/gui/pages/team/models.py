"""The Team page's data: one row per card file (:class:`TeamRow`) and the typed table
model that lists them in booklet order. Reading the folder and building the booklet
are the operations the command line uses too (:mod:`ips_reflect.ops.team`).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from PySide6.QtCore import QModelIndex, Qt

from ips_reflect import messages
from ips_reflect.core.biocard import BioCard, TeamCard
from ips_reflect.gui.widgets.models import RowTableModel
from ips_reflect.gui.widgets.theme import current_theme
from ips_reflect.ops import team as team_ops

_ROOT = QModelIndex()


@dataclass
class TeamRow:
    """One card file: the card when it can go in the booklet, and what was found in it."""

    entry: TeamCard

    @property
    def path(self) -> Path:
        return self.entry.path

    @property
    def card(self) -> BioCard | None:
        return self.entry.card

    @property
    def problems(self) -> list[Any]:
        """Errors and warnings, in line order."""
        return list(self.entry.problems)

    @property
    def valid(self) -> bool:
        return self.entry.card is not None

    @property
    def person(self) -> str:
        """The person's name, or the file's name for a card that does not say it."""
        if self.entry.card is not None:
            return self.entry.card.name
        return self.entry.name or self.path.name

    @property
    def role(self) -> str:
        return self.card.role if self.card is not None else ""

    def problem_lines(self) -> list[str]:
        """Each problem as ``Sam Patel's card: file:line:col: reason``."""
        return team_ops.problem_lines(self.entry, self.path.name)


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
            return row.person if row.person == row.path.name else f"{row.person} ({row.path.name})"
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
            return row.person
        if col == self.ROLE:
            return row.role
        if col == self.STATUS:
            n = len(row.problems)
            if row.valid:
                if n:
                    return messages.TEAM_STATUS_OK_WARN.format(n=n, s="" if n == 1 else "s")
                return messages.TEAM_STATUS_OK
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
            n = len(row.problems)
            if n:
                return messages.TEAM_STATUS_OK_WARN_SPOKEN.format(n=n, s="" if n == 1 else "s")
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
    """Every card in ``folder``: those that can go in by name, then the others by file."""
    return [TeamRow(entry) for entry in team_ops.read_team(folder)]
