"""The History tab: every saved version of the plan, newest first, readable but not
editable; "Start from this version" copies one back into the editor.
"""

from __future__ import annotations

from html import escape

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QListWidgetItem

from ips_reflect import messages
from ips_reflect.core.content import AUDIENCE_IDS, Content
from ips_reflect.core.plan import LEVEL_LABELS, SharingPlan
from ips_reflect.gui.pages.prepare.form import PLAN_FIELDS, PrepareForm, audience_label
from ips_reflect.gui.widgets.drafts import short_date


def plan_html(plan: SharingPlan, content: Content) -> str:
    """A saved plan as read-only rich text (the History tab)."""
    parts: list[str] = []
    if plan.experiences:
        heads = "".join(f"<th>{escape(audience_label(content, a))}</th>" for a in AUDIENCE_IDS)
        parts.append(f"<h3>{escape(messages.FLOW_TABLE_EXPERIENCE)}s</h3>")
        parts.append(
            '<table cellspacing="0" cellpadding="4" border="1">'
            f"<tr><th>{escape(messages.FLOW_TABLE_EXPERIENCE)}</th>{heads}</tr>"
        )
        for exp in plan.experiences:
            cells = "".join(
                f"<td>{escape(LEVEL_LABELS[lv]) if (lv := exp.level(a)) else '—'}</td>"
                for a in AUDIENCE_IDS
            )
            label = escape(exp.label or messages.FLOW_UNNAMED_EXPERIENCE)
            parts.append(f"<tr><td>{label}</td>{cells}</tr>")
        parts.append("</table>")
        notes = [e for e in plan.experiences if e.notes.strip()]
        if notes:
            parts.append("<ul>")
            parts += [
                f"<li><b>{escape(e.label)}</b>: {escape(' '.join(e.notes.split()))}</li>"
                for e in notes
            ]
            parts.append("</ul>")
    else:
        parts.append(f"<p>{escape(messages.FLOW_HISTORY_NO_EXPERIENCES)}</p>")
    for field_name, item_id in PLAN_FIELDS:
        value = getattr(plan, field_name)
        if not value:
            continue
        item = content.get(item_id)
        title = item.label if item is not None else field_name
        parts.append(f"<h4>{escape(title)}</h4>")
        if isinstance(value, list):
            parts.append("<ul>" + "".join(f"<li>{escape(v)}</li>" for v in value) + "</ul>")
        else:
            parts.append(f"<p>{escape(value)}</p>")
    answered = [(k, v) for k, v in plan.answers.items() if v not in ("", [], None)]
    if answered:
        parts.append(f"<h3>{escape(messages.FLOW_HISTORY_ANSWERS)}</h3>")
        for qid, value in answered:
            item = content.get(qid)
            parts.append(f"<h4>{escape(item.text if item is not None else qid)}</h4>")
            if isinstance(value, list):
                parts.append("<ul>" + "".join(f"<li>{escape(v)}</li>" for v in value) + "</ul>")
            else:
                shown = {"yes": "Yes", "no": "No", "unsure": "Unsure"}.get(str(value), str(value))
                parts.append(f"<p>{escape(shown)}</p>")
    return "\n".join(parts)


class HistoryPart(PrepareForm):
    """The saved versions."""

    def _fill_history(self) -> None:
        self.history.blockSignals(True)
        self.history.clear()
        versions = self._vault.plans.history() if self._vault is not None else []
        for n, version in enumerate(versions):
            text = messages.FLOW_HISTORY_ROW.format(
                version=version.version, when=short_date(version.created)
            )
            if n == 0:
                text = f"{text} {messages.FLOW_HISTORY_CURRENT}"
            item = QListWidgetItem(text)
            item.setData(Qt.ItemDataRole.UserRole, version.version)
            self.history.addItem(item)
        self.history.blockSignals(False)
        self.history_view.clear()
        self.history_view.document().clearUndoRedoStacks()
        self.use_version.setEnabled(False)
        if versions:
            self.history.setCurrentRow(0)

    def _show_version(self, row: int) -> None:
        item = self.history.item(row) if row >= 0 else None
        if item is None or self._vault is None:
            self.history_view.clear()
            self.use_version.setEnabled(False)
            return
        version = self._vault.plans.get(int(item.data(Qt.ItemDataRole.UserRole)))
        if version is None:
            return
        self.history_view.setHtml(
            plan_html(SharingPlan.from_payload(version.payload), self.content)
        )
        self.history_view.setAccessibleDescription(item.text())
        self.use_version.setEnabled(True)

    @property
    def shown_version(self) -> int | None:
        item = self.history.currentItem()
        return int(item.data(Qt.ItemDataRole.UserRole)) if item is not None else None

    def start_from_version(self) -> None:
        number = self.shown_version
        if number is None or self._vault is None:
            return
        version = self._vault.plans.get(number)
        if version is None:
            return
        self.load_plan(SharingPlan.from_payload(version.payload))
        self.tabs.setCurrentIndex(0)
        self.saved_label.setText(messages.FLOW_PLAN_FROM_VERSION.format(version=number))
        self._changed()
