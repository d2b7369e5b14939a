"""The Experiences tab: the grid of experiences against the four audiences, and the
editor of the chosen experience (words, kind, levels, notes).
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QTableWidgetItem

from ips_reflect import messages
from ips_reflect.core.content import AUDIENCE_IDS
from ips_reflect.core.plan import AUDIENCE_PLURALS, LEVEL_LABELS, PlanExperience, new_experience_id
from ips_reflect.gui.pages.prepare.form import LEVEL_TINTS, PrepareForm
from ips_reflect.gui.widgets.drafts import quietly
from ips_reflect.gui.widgets.flow_form import combo_data, set_combo_data
from ips_reflect.gui.widgets.question_widgets import clear_text, set_plain_text
from ips_reflect.gui.widgets.theme import current_theme


class GridPart(PrepareForm):
    """The experiences grid and its editor."""

    def refresh(self) -> None:
        """Redraw the grid's tints after a theme change."""
        current = self._current_id
        self._fill_table()
        self._select(current)

    def _fill_table(self) -> None:
        self.table.blockSignals(True)
        self.table.setRowCount(0)
        for exp in self.plan.experiences:
            row = self.table.rowCount()
            self.table.insertRow(row)
            self._fill_row(row, exp)
        self.table.blockSignals(False)
        self._fit_table()

    def _fit_table(self) -> None:
        """As tall as its rows (3 to 8 of them), so the editor sits just below."""
        rows = min(max(self.table.rowCount(), 3), 8)
        row_height = self.table.verticalHeader().defaultSectionSize()
        frame = 2 * self.table.frameWidth() + 6
        self.table.setFixedHeight(
            self.table.horizontalHeader().sizeHint().height() + rows * row_height + frame
        )

    def _fill_row(self, row: int, exp: PlanExperience) -> None:
        colors = current_theme().colors
        first = QTableWidgetItem(exp.label or messages.FLOW_UNNAMED_EXPERIENCE)
        first.setData(Qt.ItemDataRole.UserRole, exp.id)
        kind = self.content.get(exp.kind) if exp.kind else None
        first.setToolTip(f"{exp.label} ({kind.label})" if kind is not None else exp.label)
        self.table.setItem(row, 0, first)
        for col, audience in enumerate(AUDIENCE_IDS, start=1):
            level = exp.level(audience)
            cell = QTableWidgetItem(LEVEL_LABELS[level] if level else "—")
            cell.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
            who = AUDIENCE_PLURALS[audience]
            cell.setToolTip(
                messages.FLOW_CELL_TIP.format(
                    level=LEVEL_LABELS[level] if level else messages.FLOW_LEVEL_UNDECIDED, who=who
                )
            )
            tint = colors.get(LEVEL_TINTS.get(level or "", ""), "")
            if tint:
                cell.setBackground(QColor(tint))
                cell.setForeground(QColor(colors["text"]))
            self.table.setItem(row, col, cell)

    def _row_of(self, exp_id: str | None) -> int:
        for row in range(self.table.rowCount()):
            item = self.table.item(row, 0)
            if item is not None and item.data(Qt.ItemDataRole.UserRole) == exp_id:
                return row
        return -1

    def _select(self, exp_id: str | None) -> None:
        row = self._row_of(exp_id)
        self.table.blockSignals(True)
        if row >= 0:
            self.table.setCurrentCell(row, 0)
            self.table.selectRow(row)
        else:
            self.table.clearSelection()
            self.table.setCurrentCell(-1, -1)
        self.table.blockSignals(False)
        self._current_id = exp_id if row >= 0 else None
        self._show_editor()

    def _row_changed(self, row: int, _col: int, _prev_row: int, _prev_col: int) -> None:
        item = self.table.item(row, 0) if row >= 0 else None
        self._current_id = item.data(Qt.ItemDataRole.UserRole) if item is not None else None
        self._show_editor()

    @property
    def current_experience(self) -> PlanExperience | None:
        return self.plan.experience(self._current_id)

    def _show_editor(self) -> None:
        exp = self.current_experience
        with quietly(self):
            if exp is None:
                clear_text(self.label_edit)
                clear_text(self.notes_edit)
                self.kind_combo.setCurrentIndex(0)
                for combo in self.level_combos.values():
                    combo.setCurrentIndex(0)
                self.kind_help.setText("")
            else:
                if self.label_edit.text() != exp.label:
                    self.label_edit.setText(exp.label)
                if self.notes_edit.toPlainText() != exp.notes:
                    set_plain_text(self.notes_edit, exp.notes)
                set_combo_data(self.kind_combo, exp.kind)
                for audience, combo in self.level_combos.items():
                    set_combo_data(combo, exp.level(audience))
                self._show_kind_help()
        self.editor.setVisible(exp is not None)
        self.no_experience.setVisible(exp is None)
        self.remove_button.setEnabled(exp is not None)

    def _show_kind_help(self) -> None:
        item = self.content.get(combo_data(self.kind_combo) or "")
        self.kind_help.setText(item.text if item is not None else "")

    def add_experience(self) -> PlanExperience:
        exp = PlanExperience(id=new_experience_id(), label="")
        self.plan.experiences.append(exp)
        self._fill_table()
        self._select(exp.id)
        self.label_edit.setFocus(Qt.FocusReason.OtherFocusReason)
        self._changed()
        return exp

    def remove_experience(self) -> None:
        exp = self.current_experience
        if exp is None:
            return
        index = self.plan.experiences.index(exp)
        self.plan.experiences.remove(exp)
        self._fill_table()
        remaining = self.plan.experiences
        self._select(remaining[min(index, len(remaining) - 1)].id if remaining else None)
        (self.table if remaining else self.add_button).setFocus(Qt.FocusReason.OtherFocusReason)
        self._changed()

    def _label_changed(self, text: str) -> None:
        exp = self.current_experience
        if self._loading or exp is None:
            return
        exp.label = text.strip()
        self._refresh_row(exp)
        self._changed()

    def _notes_changed(self) -> None:
        exp = self.current_experience
        if self._loading or exp is None:
            return
        exp.notes = self.notes_edit.toPlainText()
        self._changed()

    def _kind_changed(self, _index: int) -> None:
        self._show_kind_help()
        exp = self.current_experience
        if self._loading or exp is None:
            return
        exp.kind = combo_data(self.kind_combo) or ""
        self._refresh_row(exp)
        self._changed()

    def _level_changed(self, audience: str) -> None:
        exp = self.current_experience
        if self._loading or exp is None:
            return
        level = combo_data(self.level_combos[audience])
        if level:
            exp.levels[audience] = level
        else:
            exp.levels.pop(audience, None)
        self._refresh_row(exp)
        self._changed()

    def _refresh_row(self, exp: PlanExperience) -> None:
        row = self._row_of(exp.id)
        if row >= 0:
            self.table.blockSignals(True)
            self._fill_row(row, exp)
            self.table.blockSignals(False)

    def set_level(self, experience_id: str, audience: str, level: str | None) -> None:
        """Choose a level through its drop-down (as a person would)."""
        self._select(experience_id)
        set_combo_data(self.level_combos[audience], level)
