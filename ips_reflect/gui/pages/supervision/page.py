"""The Supervision page: sessions with a supervisor, built only from what the
practitioner chose to bring.

The view is ``ui/supervision.ui``; :class:`SupervisionPage` is its controller.

Consent comes first. Every entry the page (or the presenter view it opens) shows is
read with ``vault.entries.list(supervision=True)`` and goes through
:func:`~ips_reflect.core.supervision.resolve_agenda`, which drops entries that are no
longer marked or are in the bin; nothing else is ever read from the journal. The
agenda is re-checked whenever the page is shown, a session is chosen, or entries
change (:meth:`SupervisionPage.reload_entries`), so unmarking an entry takes it off
every agenda at once.

A session has:

* a date and the supervisor's name;
* an agenda (typed list model): topics from the ``supervision`` content pack, the
  marked entries, and flags (those put on the next agenda from the Flags page, kept
  in ``vault.kv`` under :data:`~ips_reflect.gui.widgets.agenda.AGENDA_KEY`, and open
  flags of marked entries). Items can be ticked as discussed (Space), given a note,
  moved, taken off; a flag can be marked discussed or resolved with a note;
* notes, and agreed actions with due dates (typed table model); open actions from
  earlier sessions are listed too, and on the Home page until done;
* SLEF self-ratings in six areas, 1 to 5, with a line chart over all sessions and
  the same in words (:func:`~ips_reflect.core.supervision.rating_summary`).

"Send to my supervisor…" seals the chosen session's agenda for the supervisor's own IPS
Reflect, "Open my supervisor's reply…" takes in their sign-off, comments (shown beside
the agenda items, here and in the presenter view) and agreed actions, and "Save signed
record PDF…" prints the signed record
(:mod:`~ips_reflect.gui.pages.supervision.exchange`).

"Present on a shared screen…" (F5) opens
:class:`~ips_reflect.gui.pages.supervision.presenter.PresenterDialog`. The session
summary, the supervision pack and the group pack (client aliases removed) are built as
PDFs on a worker thread and written atomically where the practitioner chooses.

``set_vault(None)`` (lock) closes the presenter and clears every model and widget;
before that the notes are saved and the place (session, agenda item, and an action
being typed) is held as a draft in the vault, and put back after the unlock.
"""

from __future__ import annotations

import contextlib
from typing import TYPE_CHECKING

from PySide6.QtCharts import QChart
from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QWidget
from shiboken6 import isValid

from ips_reflect import messages
from ips_reflect.core.content import Content
from ips_reflect.gui.pages.supervision.actions import ActionsPart
from ips_reflect.gui.pages.supervision.agenda import AgendaPart
from ips_reflect.gui.pages.supervision.exchange import ExchangePart
from ips_reflect.gui.pages.supervision.output import OutputPart
from ips_reflect.gui.pages.supervision.ratings import RatingsPart
from ips_reflect.gui.pages.supervision.sessions import SessionsPart
from ips_reflect.gui.shell.uiloader import load_ui
from ips_reflect.gui.shell.views import PageView
from ips_reflect.gui.widgets.drafts import DraftKeeper

if TYPE_CHECKING:
    from ips_reflect.store.vault import Vault

PAGE_KEY = "supervision"
#: The drafts key (and kind) of the page's place across a lock.
PLACE_KEY = "supervision-place"
ICON_NAME = "supervision"


def create_page(content: Content) -> tuple[str, str, QWidget, SupervisionPage, str]:
    """The Supervision page: ``key, title, view, controller, icon_name``."""
    view = load_ui("supervision")
    controller = SupervisionPage(view, content)
    return PAGE_KEY, messages.SUPV_PAGE_TITLE, view, controller, ICON_NAME


class SupervisionPage(SessionsPart, AgendaPart, ActionsPart, RatingsPart, OutputPart, ExchangePart):
    """Controller of ``ui/supervision.ui``; see the module docstring.

    Each part (:mod:`~ips_reflect.gui.pages.supervision.sessions`, ``agenda``,
    ``actions``, ``ratings``, ``output``, ``exchange``) holds one responsibility; they share the
    widgets and state of :class:`~ips_reflect.gui.pages.supervision.base.SupervisionBase`.
    """

    def __init__(self, view: QWidget, content: Content, parent: QObject | None = None) -> None:
        super().__init__(view, content, parent)

        # Wiring.
        self.sessions_list.selectionModel().currentRowChanged.connect(self._on_session_row)
        self.agenda_list.selectionModel().currentRowChanged.connect(self._on_agenda_row)
        self.agenda_model.discussedChanged.connect(self._on_discussed_changed)
        self.actions_table.selectionModel().currentRowChanged.connect(
            lambda *_a: self._update_action_buttons()
        )
        self.new_button.clicked.connect(self.create_session)
        self.delete_button.clicked.connect(self.delete_session)
        self.present_button.clicked.connect(self.present)
        self.date_edit.dateChanged.connect(lambda _d: self._on_date_changed())
        self.supervisor_edit.editingFinished.connect(self.save_details)
        self.notes_edit.textChanged.connect(self._on_notes_typed)
        self.item_note_edit.editingFinished.connect(self.save_item_note)
        self.discussed_button.clicked.connect(self.toggle_discussed)
        self.up_button.clicked.connect(lambda: self.move_item(-1))
        self.down_button.clicked.connect(lambda: self.move_item(+1))
        self.remove_button.clicked.connect(self.remove_item)
        self.flag_discussed_button.clicked.connect(lambda: self.mark_flag("discussed"))
        self.flag_resolved_button.clicked.connect(lambda: self.mark_flag("resolved"))
        self.add_topic_button.clicked.connect(lambda: self.add_topic())
        self.update_button.clicked.connect(self.update_agenda)
        self.action_edit.returnPressed.connect(lambda: self.add_action())
        self.due_check.toggled.connect(self.due_edit.setEnabled)
        self.add_action_button.clicked.connect(lambda: self.add_action())
        self.action_done_button.clicked.connect(self.toggle_action_done)
        self.delete_action_button.clicked.connect(self.delete_action)
        self.tabs.currentChanged.connect(self._on_tab)
        self.summary_button.clicked.connect(self.save_summary_pdf)
        self.pack_button.clicked.connect(lambda: self.save_pack_pdf(group=False))
        self.group_button.clicked.connect(lambda: self.save_pack_pdf(group=True))
        self.send_button.clicked.connect(self.send_to_supervisor)
        self.reply_button.clicked.connect(self.open_reply)
        self.record_button.clicked.connect(self.save_record_pdf)
        # The place across a lock: which session and item, and an action being typed.
        self.keeper = DraftKeeper(
            lambda: self.vault,
            PLACE_KEY,
            PLACE_KEY,
            self._collect_place,
            self._restore_place,
            parent=self,
        )
        self.action_edit.textEdited.connect(lambda _t: self.keeper.touch())
        for keys, slot in (
            ("F5", self.present),
            ("Alt+Up", lambda: self.move_item(-1)),
            ("Alt+Down", lambda: self.move_item(+1)),
        ):
            shortcut = QShortcut(QKeySequence(keys), view)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(slot)
        if isinstance(view, PageView):
            view.shown.connect(self.reload_entries)
        self.set_vault(None)

    # ------------------------------------------------------------------ the vault

    def set_vault(self, vault: Vault | None) -> None:
        """Give the page the open vault (lists the sessions) or None on lock (clears all)."""
        if self.vault is not None and vault is None:
            with contextlib.suppress(Exception):  # the vault may be closed already
                self._save_pending()
        self.keeper.stop()
        self._notes_timer.stop()
        self.close_presenter()
        self.vault = vault
        self._clear()
        self.view.setEnabled(vault is not None)
        if vault is None:
            self.empty_label.setText(messages.SUPV_LOCKED)
            return
        self.reload()
        # Back where the lock found the page (or where the last run left it).
        self.keeper.resume() or self.keeper.restore_offered()

    def flush_drafts(self) -> bool:
        """Hold the place and any action being typed (before a lock or quit)."""
        self.keeper.touch()  # the place is always worth holding while a session is open
        return self.keeper.hold()

    def _collect_place(self) -> dict[str, object]:
        if self.session is None:
            return {}
        return {
            "session": self.session.id,
            "row": self._current_row(),
            "tab": self.tabs.currentIndex(),
            "action": self.action_edit.text(),
        }

    def _restore_place(self, payload: dict[str, object]) -> None:
        session, row, tab = payload.get("session"), payload.get("row"), payload.get("tab")
        if isinstance(session, int) and self.select_session(session):
            if isinstance(row, int) and row >= 0:
                self.select_item(row)
            if isinstance(tab, int) and 0 <= tab < self.tabs.count():
                self.tabs.setCurrentIndex(tab)
            action = payload.get("action")
            if isinstance(action, str) and action and not self.action_edit.text():
                self.action_edit.setText(action)

    def _clear(self) -> None:
        self._loading = True
        try:
            self.session = None
            self.items = []
            self.entries = []
            self._note_row = -1
            self.sessions_model.set_rows([])
            self.agenda_model.set_rows([])
            self.actions_model.set_rows([])
            self.item_view.clear()
            for edit in (self.supervisor_edit, self.item_note_edit, self.action_edit):
                edit.clear()
                edit.setModified(False)
            self.notes_edit.clear()
            self.notes_edit.document().clearUndoRedoStacks()
            for box in self.rating_boxes.values():
                box.setValue(0)
            self.ratings_summary.clear()
            self.ratings_summary.setAccessibleDescription("")
            self.chart_view.setAccessibleDescription("")
            self._set_chart(QChart())
            self.status_label.clear()
            self.exchange = None
            self.item_comments = {}
            self.signed_off = False
            self.exchange_status.clear()
            self.exchange_status.setAccessibleDescription("")
            self.stack.setCurrentWidget(self.empty_label)
            self.empty_label.clear()
        finally:
            self._loading = False
        self._update_buttons()

    def flush(self) -> None:
        """Save what is typed now (before a lock or quit)."""
        self._notes_timer.stop()
        self._save_pending()

    def refresh(self) -> None:
        """Redraw after a theme or text size change."""
        self._render_item()
        self._draw_chart()
        if self.presenter is not None and isValid(self.presenter):
            self.presenter.apply_look()

    def _update_buttons(self) -> None:
        has_vault = self.vault is not None
        has_session = has_vault and self.session is not None
        item = self.current_item() if has_session else None
        row = self._current_row()
        self.new_button.setEnabled(has_vault)
        self.delete_button.setEnabled(has_session)
        self.present_button.setEnabled(has_session)
        self.discussed_button.setEnabled(item is not None)
        self.discussed_button.setText(
            messages.SUPV_UNMARK_DISCUSSED
            if item is not None and item.discussed
            else messages.SUPV_MARK_DISCUSSED
        )
        self.discussed_button.setAccessibleName(
            messages.SUPV_UNMARK_DISCUSSED_NAME
            if item is not None and item.discussed
            else messages.SUPV_MARK_DISCUSSED_NAME
        )
        self.item_note_edit.setEnabled(item is not None)
        self.up_button.setEnabled(item is not None and row > 0)
        self.down_button.setEnabled(item is not None and row < len(self.items) - 1)
        self.remove_button.setEnabled(item is not None)
        is_flag = item is not None and item.kind == "flag"
        status = item.extra.get("status") if item is not None else None
        self.flag_discussed_button.setEnabled(is_flag and status != "discussed")
        self.flag_resolved_button.setEnabled(is_flag and status != "resolved")
        self.add_topic_button.setEnabled(has_session and bool(self.topics))
        self.topic_combo.setEnabled(has_session and bool(self.topics))
        self.update_button.setEnabled(has_session)
        self.summary_button.setEnabled(has_session and not self._busy)
        self.send_button.setEnabled(has_vault and not self._busy)
        self.reply_button.setEnabled(has_vault and not self._busy)
        self.record_button.setEnabled(has_session and self.signed_off and not self._busy)
        self.pack_button.setEnabled(has_vault and not self._busy)
        self.group_button.setEnabled(has_vault and not self._busy)
        self._update_action_buttons()
