"""Supervision sessions: the list, a new session (its dialog and fresh agenda), deleting
one, and the session's details and notes.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from datetime import date, timedelta
from typing import TYPE_CHECKING

from PySide6.QtCore import QDate, QItemSelectionModel, QModelIndex
from PySide6.QtWidgets import (
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QListView,
    QWidget,
)

from ips_reflect import messages
from ips_reflect.core.content import Item
from ips_reflect.core.supervision import AgendaItem
from ips_reflect.gui.pages.supervision.base import SupervisionBase
from ips_reflect.gui.pages.supervision.data import (
    DUE_DAYS,
    agenda_flags,
    consented_entries,
    fresh_agenda,
    parse_day,
    session_heading,
)
from ips_reflect.gui.pages.supervision.models import TopicListModel
from ips_reflect.gui.shell.uiloader import find_child, load_ui
from ips_reflect.gui.widgets.agenda import AGENDA_KEY
from ips_reflect.gui.widgets.ask import confirm
from ips_reflect.store import keys
from ips_reflect.store.records import Session

if TYPE_CHECKING:
    from ips_reflect.store.vault import Vault

#: ``vault.kv`` key: topic ids ticked for the next session (kept when the new-session
#: dialog is cancelled, cleared once a session is made).
TOPICS_KEY = keys.AGENDA_TOPICS


# --------------------------------------------------------------------------- new session dialog


@dataclass(frozen=True)
class NewSession:
    held_on: str
    supervisor: str
    topics: tuple[str, ...]


def ask_new_session(
    parent: QWidget | None,
    topics: Sequence[Item],
    ticked: Sequence[str],
    supervisor: str,
    brought: str,
    on: date | None = None,
    remember: Callable[[list[str]], None] | None = None,
) -> NewSession | None:
    """Ask for a new session's date, supervisor and topics (``ui/supervision_new.ui``);
    None when cancelled (then ``remember`` gets the topics ticked, for next time)."""
    dialog = load_ui("supervision_new", parent)
    assert isinstance(dialog, QDialog)
    find_child(dialog, QLabel, "newSessionIntro").setText(messages.SUPV_NEW_INTRO)
    date_edit = find_child(dialog, QDateEdit, "newDateEdit")
    day = on or date.today()
    date_edit.setDate(QDate(day.year, day.month, day.day))
    supervisor_edit = find_child(dialog, QLineEdit, "newSupervisorEdit")
    supervisor_edit.setText(supervisor)
    topics_view = find_child(dialog, QListView, "topicsList")
    model = TopicListModel(dialog)
    model.set_topics(topics, ticked)
    topics_view.setModel(model)
    find_child(dialog, QLabel, "broughtLabel").setText(brought)
    buttons = find_child(dialog, QDialogButtonBox, "buttonBox")
    buttons.accepted.connect(dialog.accept)
    buttons.rejected.connect(dialog.reject)
    ok = buttons.button(QDialogButtonBox.StandardButton.Ok)
    if ok is not None:
        ok.setText(messages.SUPV_NEW_CREATE)
    for button in buttons.buttons():
        button.setAccessibleName(button.text().replace("&", ""))
    date_edit.setFocus()
    try:
        if dialog.exec() != QDialog.DialogCode.Accepted:
            if remember is not None:
                remember(model.ticked())
            return None
        return NewSession(
            date_edit.date().toString("yyyy-MM-dd"),
            " ".join(supervisor_edit.text().split()),
            tuple(model.ticked()),
        )
    finally:
        dialog.deleteLater()


def signed_sessions(vault: Vault) -> set[int]:
    """The sessions a supervisor has signed off (none if the record cannot be read)."""
    from ips_reflect.ops.exchange import session_signoffs

    try:
        return set(session_signoffs(vault))
    except Exception:
        return set()


class SessionsPart(SupervisionBase):
    """The sessions and each session's details and notes."""

    # ------------------------------------------------------------------ sessions

    def reload(self, keep_id: int | None = None) -> None:
        """Read the sessions again and show ``keep_id`` (or the one shown, or the newest)."""
        if self.vault is None:
            return
        if keep_id is None and self.session is not None:
            keep_id = self.session.id
        self._save_pending()
        sessions = self.vault.supervision.sessions()
        self._loading = True
        try:
            self.sessions_model.signed = signed_sessions(self.vault)
            self.sessions_model.set_rows(sessions)
        finally:
            self._loading = False
        self.sessionsLoaded.emit(len(sessions))
        row = self.sessions_model.row_of(keep_id) if keep_id is not None else -1
        if sessions:
            self._select_session_row(max(row, 0))
        else:
            self._show_session(None)
        self._draw_chart()

    def sessions(self) -> list[Session]:
        return self.sessions_model.rows()

    def select_session(self, session_id: int) -> bool:
        row = self.sessions_model.row_of(session_id)
        if row < 0:
            return False
        self._select_session_row(row)
        return True

    def _select_session_row(self, row: int) -> None:
        index = self.sessions_model.index(row)
        self.sessions_list.selectionModel().setCurrentIndex(
            index, QItemSelectionModel.SelectionFlag.ClearAndSelect
        )
        session = self.sessions_model.session_at(row)
        if session is not None and (self.session is None or self.session.id != session.id):
            self._show_session(session.id)

    def _on_session_row(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if self._loading:
            return
        session = self.sessions_model.session_at(current.row()) if current.isValid() else None
        if session is None:
            return
        if self.session is None or session.id != self.session.id:
            self._save_pending()
            self._show_session(session.id)

    def _show_session(self, session_id: int | None) -> None:
        session = None
        if session_id is not None and self.vault is not None:
            session = self.vault.supervision.get_session(session_id)
        self.session = session
        self._note_row = -1
        self._loading = True
        try:
            if session is None:
                self.items, self.entries = [], []
                self.agenda_model.set_rows([])
                self.actions_model.set_rows([])
                self.item_view.clear()
                self.notes_edit.clear()
                self.supervisor_edit.clear()
                for box in self.rating_boxes.values():
                    box.setValue(0)
                self.empty_label.setText(
                    messages.SUPV_NO_SESSIONS if self.vault is not None else messages.SUPV_LOCKED
                )
                self.stack.setCurrentWidget(self.empty_label)
            else:
                day = parse_day(session.held_on) or date.today()
                self.date_edit.setDate(QDate(day.year, day.month, day.day))
                self.supervisor_edit.setText(session.supervisor)
                self.supervisor_edit.setModified(False)
                if self.notes_edit.toPlainText() != session.notes:
                    self.notes_edit.setPlainText(session.notes)
                self.notes_edit.document().clearUndoRedoStacks()
                due = (self.today or date.today()) + timedelta(days=DUE_DAYS)
                self.due_edit.setDate(QDate(due.year, due.month, due.day))
                ratings = self.vault.supervision.ratings(session.id) if self.vault else {}
                for area, box in self.rating_boxes.items():
                    box.setValue(ratings.get(area, 0))
                self.stack.setCurrentWidget(self.session_pane)
        finally:
            self._loading = False
        if session is not None:
            self._load_agenda(0)
            self.reload_actions()
        self._update_buttons()
        self.sessionShown.emit(session.id if session is not None else 0)

    def current_session(self) -> Session | None:
        return self.session

    def create_session(self) -> Session | None:
        """Ask for the new session's details (a dialog), then make it."""
        if self.vault is None:
            return None
        self._save_pending()
        entries = consented_entries(self.vault)
        flags = agenda_flags(self.vault, entries)
        brought = messages.SUPV_NEW_BROUGHT.format(
            entries=len(entries),
            entries_word="entry" if len(entries) == 1 else "entries",
            flags=len(flags),
            flags_word="flag" if len(flags) == 1 else "flags",
        )
        previous = self.sessions_model.session_at(0)
        supervisor = previous.supervisor if previous is not None else ""
        answer = ask_new_session(
            self.view,
            self.topics,
            self.topics_for_next_time(),
            supervisor,
            brought,
            self.today,
            remember=self._remember_topics,
        )
        if answer is None:
            return None
        return self.new_session(answer.held_on, answer.supervisor, answer.topics)

    def _remember_topics(self, ticked: list[str]) -> None:
        if self.vault is not None:
            with contextlib.suppress(Exception):
                self.vault.kv.set(TOPICS_KEY, list(ticked))

    def topics_for_next_time(self) -> list[str]:
        """Topics to tick in a new session: those kept in ``vault.kv``, and the topics
        of the latest session that were not discussed."""
        ticked: list[str] = []
        with contextlib.suppress(Exception):
            assert self.vault is not None
            ticked = [t for t in self.vault.kv.get(TOPICS_KEY) or [] if isinstance(t, str)]
        latest = self.sessions_model.session_at(0)
        if latest is not None:
            for raw in latest.agenda:
                item = AgendaItem.from_json(raw)
                if item is not None and item.kind == "topic" and not item.discussed:
                    ticked.append(item.ref)
        return list(dict.fromkeys(ticked))

    def new_session(self, held_on: str, supervisor: str, topic_ids: Sequence[str]) -> Session:
        """Make a session whose agenda holds the topics, the marked entries and flags."""
        assert self.vault is not None
        items = fresh_agenda(self.vault, self.content, topic_ids)
        session = self.vault.supervision.add_session(
            held_on, " ".join(supervisor.split()), [i.to_json() for i in items]
        )
        with contextlib.suppress(Exception):
            self.vault.kv.set(AGENDA_KEY, [])
            self.vault.kv.set(TOPICS_KEY, [])
        self.session = None
        self.reload(keep_id=session.id)
        self._say(messages.SUPV_SESSION_MADE.format(heading=session_heading(session)))
        return session

    def delete_session(self) -> bool:
        if self.vault is None or self.session is None:
            return False
        if not confirm(
            self.view,
            messages.SUPV_DELETE_TITLE,
            messages.SUPV_DELETE_QUESTION.format(heading=session_heading(self.session)),
        ):
            return False
        heading = session_heading(self.session)
        self._notes_timer.stop()
        self.vault.supervision.delete_session(self.session.id)
        self.session = None
        self.close_presenter()
        self.reload()
        self._say(messages.SUPV_SESSION_DELETED.format(heading=heading))
        self.actionsChanged.emit()
        return True

    # ------------------------------------------------------------------ details and notes

    def _on_date_changed(self) -> None:
        if self._loading or self.session is None:
            return
        self.save_details()
        self.reload(keep_id=self.session.id)

    def _on_notes_typed(self) -> None:
        if not self._loading and self.session is not None:
            self._notes_timer.start()

    def save_details(self) -> Session | None:
        """Save the date, the supervisor's name and the notes of the session shown."""
        self._notes_timer.stop()
        if self.vault is None or self.session is None:
            return None
        held_on = self.date_edit.date().toString("yyyy-MM-dd")
        supervisor = " ".join(self.supervisor_edit.text().split())
        notes = self.notes_edit.toPlainText()
        s = self.session
        if (s.held_on, s.supervisor, s.notes) == (held_on, supervisor, notes):
            return s
        try:
            self.session = self.vault.supervision.update_session(
                replace(s, held_on=held_on, supervisor=supervisor, notes=notes)
            )
        except Exception as exc:
            self._say(messages.SUPV_SAVE_FAILED.format(error=exc))
            return None
        self.supervisor_edit.setModified(False)
        row = self.sessions_model.row_of(self.session.id)
        if row >= 0 and (s.held_on, s.supervisor) != (held_on, supervisor):
            rows = self.sessions_model.rows()
            rows[row] = self.session
            self._loading = True
            try:
                self.sessions_model.set_rows(rows)
                self.sessions_list.selectionModel().setCurrentIndex(
                    self.sessions_model.index(row),
                    QItemSelectionModel.SelectionFlag.ClearAndSelect,
                )
            finally:
                self._loading = False
        return self.session

    def _save_pending(self) -> None:
        if self.vault is None or self.session is None:
            return
        self.save_item_note()
        self.save_details()
