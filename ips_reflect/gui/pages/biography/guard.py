"""The Biography page's privacy guard: every field scanned shortly after typing stops,
with the phrases the sharing plan keeps private; findings listed (what, where, what to
do) and highlighted in the text.
"""

from __future__ import annotations

from dataclasses import dataclass

import shiboken6
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QTextCharFormat, QTextCursor
from PySide6.QtWidgets import QLineEdit, QListWidgetItem, QPlainTextEdit, QTextEdit, QWidget

from ips_reflect import messages
from ips_reflect.core import privacy
from ips_reflect.core.bioprofile import plan_blocked_phrases
from ips_reflect.gui.pages.biography.form import BiographyForm, TextWidget
from ips_reflect.gui.widgets.theme import current_theme


@dataclass(frozen=True)
class GuardFinding:
    """One privacy finding in one field of the form."""

    key: str  # payload key ("biography", "role"...)
    field: str  # the field's label as people read it
    finding: privacy.Finding

    @property
    def sentence(self) -> str:
        advice = privacy.advice(self.finding.kind)
        return messages.BIO_GUARD_ITEM.format(
            field=self.field, message=self.finding.message, advice=advice[:1].upper() + advice[1:]
        )


def utf16_index(text: str, index: int) -> int:
    """A Python string index as Qt counts it (UTF-16 code units)."""
    return len(text[:index].encode("utf-16-le")) // 2


class GuardPart(BiographyForm):
    """The privacy guard."""

    # ------------------------------------------------------------------ privacy guard

    def blocked_phrases(self) -> list[str]:
        """What the sharing plan keeps private (read fresh: the plan may have changed).

        A plan that cannot be read is remembered in :attr:`plan_error` (shown on
        the page; cards and PDFs are refused), never taken for "nothing to check".
        """
        self._plan_error = ""
        if self._vault is None:
            self._has_plan = False
            return []
        try:
            plan = self._vault.plans.latest()
            blocked = plan_blocked_phrases(plan)
        except Exception:  # unreadable or damaged: fail closed
            self._has_plan = True
            self._plan_error = messages.BIO_PLAN_UNREADABLE
            return []
        self._has_plan = plan is not None
        return blocked

    @property
    def plan_error(self) -> str:
        """Why the sharing plan could not be read at the last check ("" when it could)."""
        return self._plan_error

    @property
    def findings(self) -> list[GuardFinding]:
        return list(self._findings)

    def run_guard(self) -> list[GuardFinding]:
        """Scan every field now; list and highlight what was found."""
        if not all(shiboken6.isValid(w) for w in self.fields.values()):
            return []  # the page is being taken down; nothing left to scan
        self._guard_timer.stop()
        blocked = self.blocked_phrases()
        found: list[GuardFinding] = []
        for key, widget in self.fields.items():
            text = self._text(widget)
            hits = privacy.scan(text, blocked) if text.strip() else []
            found += [GuardFinding(key, self.labels.get(key, key), f) for f in hits]
            self._highlight(widget, text, hits)
        self._findings = found
        self._show_findings()
        self.guardChecked.emit(len(found))
        return found

    def _highlight_format(self) -> QTextCharFormat:
        colour = current_theme().color("warning_sign")
        background = QColor(colour)
        background.setAlpha(60)
        fmt = QTextCharFormat()
        fmt.setBackground(background)
        fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.SingleUnderline)
        fmt.setUnderlineColor(colour)
        return fmt

    def _highlight(self, widget: TextWidget, text: str, hits: list[privacy.Finding]) -> None:
        if isinstance(widget, QPlainTextEdit):
            fmt = self._highlight_format()
            selections = []
            for f in hits:
                cursor = QTextCursor(widget.document())
                cursor.setPosition(utf16_index(text, f.start))
                cursor.setPosition(utf16_index(text, f.end), QTextCursor.MoveMode.KeepAnchor)
                sel = QTextEdit.ExtraSelection()
                sel.cursor = cursor
                sel.format = fmt
                selections.append(sel)
            widget.setExtraSelections(selections)
        self._mark(widget, bool(hits), "; ".join(f.message for f in hits))

    @staticmethod
    def _mark(widget: QWidget, found: bool, tip: str = "") -> None:
        if bool(widget.property("privacy")) != found:
            widget.setProperty("privacy", found)
            widget.style().unpolish(widget)
            widget.style().polish(widget)
        widget.setToolTip(tip)

    def _show_findings(self) -> None:
        self.guard_list.clear()
        n = len(self._findings)
        problem = bool(n) or bool(self._plan_error)
        if self._plan_error and self._vault is not None:
            text = messages.BIO_GUARD_PLAN_UNREADABLE
            if n:
                text += " " + messages.BIO_GUARD_FOUND.format(n=n, s="" if n == 1 else "s")
            self.guard_summary.setText(text)
        elif n:
            self.guard_summary.setText(
                messages.BIO_GUARD_FOUND.format(n=n, s="" if n == 1 else "s")
            )
        elif self._vault is not None:
            text = messages.BIO_GUARD_CLEAR
            if not self._has_plan:
                text = f"{text} {messages.BIO_GUARD_NO_PLAN}"
            self.guard_summary.setText(text)
        else:
            self.guard_summary.setText("")
        self.guard_summary.setProperty("state", "problem" if problem else "ok")
        self.guard_summary.style().unpolish(self.guard_summary)
        self.guard_summary.style().polish(self.guard_summary)
        for i, f in enumerate(self._findings):
            item = QListWidgetItem(f.sentence)
            item.setData(Qt.ItemDataRole.UserRole, i)
            item.setToolTip(f.sentence)
            self.guard_list.addItem(item)
        self.guard_list.setVisible(bool(n))
        self._fit_guard_list()

    def _fit_guard_list(self) -> None:
        """As tall as its lines (up to about six), so no empty box sits under one finding."""
        frame = self.guard_list.frameWidth() * 2 + 8
        line = self.guard_list.fontMetrics().lineSpacing()
        rows = sum(
            max(self.guard_list.sizeHintForRow(r), 0) for r in range(self.guard_list.count())
        )
        least, most = line * 2 + 10 + frame, line * 6 + frame
        self.guard_list.setFixedHeight(max(min(rows + frame, most), least))

    def _go_to_finding(self, item: QListWidgetItem) -> None:
        index = item.data(Qt.ItemDataRole.UserRole)
        if not isinstance(index, int) or not 0 <= index < len(self._findings):
            return
        found = self._findings[index]
        widget = self.fields[found.key]
        text = self._text(widget)
        start, end = utf16_index(text, found.finding.start), utf16_index(text, found.finding.end)
        if widget is self.bio_edit or widget is self.service_edit:
            self.tabs.setCurrentIndex(0)
            self.write_scroll.ensureWidgetVisible(widget)
        else:
            self.scroll.ensureWidgetVisible(widget)
        widget.setFocus(Qt.FocusReason.OtherFocusReason)
        if isinstance(widget, QLineEdit):
            widget.setSelection(start, end - start)
        else:
            cursor = widget.textCursor()
            cursor.setPosition(start)
            cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
            widget.setTextCursor(cursor)
            widget.ensureCursorVisible()
