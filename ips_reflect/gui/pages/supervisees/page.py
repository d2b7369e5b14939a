"""The Supervisees page: the supervisor's side of supervision, in their own vault.

The view is ``ui/supervisees.ui``; :class:`SuperviseesPage` is its controller. It calls
the same operations as ``ips-reflect supervisor ...``:

* "My key card…": :func:`~ips_reflect.ops.exchange.write_my_card` (see
  :mod:`~ips_reflect.gui.pages.supervisees.keycard`);
* "Open a supervisee's share…": the file is read and checked with
  :func:`~ips_reflect.ops.exchange.read_exchange_file` and
  :func:`~ips_reflect.ops.exchange.check_kind`, then kept with
  :func:`~ips_reflect.ops.exchange_supervisor.open_share`, on a worker; a refusal
  (another kind, another key, changed on the way, opened before) is the operation's
  sentence on the page, and nothing is stored;
* people, then their sessions (typed models), from ``received_shares``;
* the walk-through with comments (:mod:`~ips_reflect.gui.pages.supervisees.walk`),
  then actions, sign-off and record (:mod:`~ips_reflect.gui.pages.supervisees.reply`).

``set_vault(None)`` (lock) holds the place and any comment or action being typed as a
draft in the vault and clears every model and widget; the unlock puts them back.
"""

from __future__ import annotations

import contextlib
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QModelIndex, QObject, Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QWidget

from ips_reflect import messages
from ips_reflect.core.content import Content
from ips_reflect.gui.pages.supervisees.base import SHARE_FILES
from ips_reflect.gui.pages.supervisees.data import count_text, day_text, group_people, pending_of
from ips_reflect.gui.pages.supervisees.keycard import KeyCardPart
from ips_reflect.gui.pages.supervisees.walk import WalkPart
from ips_reflect.gui.shell.uiloader import load_ui
from ips_reflect.gui.shell.workers import on_own_connection
from ips_reflect.gui.widgets import file_dialogs
from ips_reflect.gui.widgets.drafts import DraftKeeper

if TYPE_CHECKING:
    from ips_reflect.store.vault import Vault

PAGE_KEY = "supervisees"
#: The drafts key (and kind) of the page's place and unkept typing across a lock.
PLACE_KEY = "supervisees-place"
ICON_NAME = "supervisees"


def create_page(content: Content) -> tuple[str, str, QWidget, SuperviseesPage, str]:
    """The Supervisees page: ``key, title, view, controller, icon_name``."""
    view = load_ui("supervisees")
    controller = SuperviseesPage(view, content)
    return PAGE_KEY, messages.SVS_PAGE_TITLE, view, controller, ICON_NAME


class SuperviseesPage(WalkPart, KeyCardPart):
    """Controller of ``ui/supervisees.ui``; see the module docstring."""

    def __init__(self, view: QWidget, content: Content, parent: QObject | None = None) -> None:
        super().__init__(view, content, parent)
        self.people_list.selectionModel().currentRowChanged.connect(self._on_person_row)
        self.sessions_table.selectionModel().currentRowChanged.connect(self._on_session_row)
        self.key_card_button.clicked.connect(lambda: self.save_key_card())
        self.open_button.clicked.connect(lambda: self.open_share())
        self.previous_button.clicked.connect(self.previous_item)
        self.next_button.clicked.connect(self.next_item)
        self.comment_edit.textChanged.connect(self._on_comment_typed)
        self.tabs.currentChanged.connect(self._on_tab)
        self.action_edit.returnPressed.connect(lambda: self.add_action())
        self.add_action_button.clicked.connect(lambda: self.add_action())
        self.due_check.toggled.connect(self.due_edit.setEnabled)
        self.reply_button.clicked.connect(lambda: self.sign_off())
        self.record_button.clicked.connect(lambda: self.save_record())
        self.keeper = DraftKeeper(
            lambda: self.vault,
            PLACE_KEY,
            PLACE_KEY,
            self._collect_place,
            self._restore_place,
            parent=self,
        )
        self.action_edit.textEdited.connect(lambda _t: self._touch())
        self.signoff_edit.textEdited.connect(lambda _t: self._touch())
        for keys, slot in (("Alt+Right", self.next_item), ("Alt+Left", self.previous_item)):
            shortcut = QShortcut(QKeySequence(keys), view)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(slot)
        self.apply_look()
        self.set_vault(None)

    # ------------------------------------------------------------------ the vault

    def set_vault(self, vault: Vault | None) -> None:
        """Give the page the open vault (lists the shares) or None on lock (clears all)."""
        if self.vault is not None and vault is None:
            with contextlib.suppress(Exception):  # the vault may be closed already
                self.flush_drafts()
        self.keeper.stop()
        self.vault = vault
        self._clear()
        self.view.setEnabled(vault is not None)
        if vault is None:
            self.empty_label.setText(messages.SVS_LOCKED)
            return
        from ips_reflect.ops.exchange_view import existing_card, last_signoff_name

        self.show_card(existing_card(vault))
        self.signoff_edit.setText(last_signoff_name(vault))
        self.reload()
        # Back where the lock found the page (or where the last run left it).
        self.keeper.resume() or self.keeper.restore_offered()

    def _clear(self) -> None:
        self._loading = True
        try:
            self.share = None
            self.index = 0
            self.pending = {}
            self.people_model.set_rows([])
            self.sessions_model.set_rows([])
            self.actions_model.set_rows([])
            self.show_card(None)
            self.say("")
            for label in (
                self.heading,
                self.kicker_label,
                self.position_label,
                self.title_label,
                self.record_label,
            ):
                label.clear()
            self.body.clear()
            self.body.setAccessibleDescription("")
            self.comment_edit.clear()
            self.comment_edit.document().clearUndoRedoStacks()
            for edit in (self.action_edit, self.signoff_edit):
                edit.clear()
                edit.setModified(False)
            self.due_check.setChecked(False)
            self.tabs.setCurrentIndex(0)
            self.stack.setCurrentWidget(self.empty_label)
            self.empty_label.clear()
        finally:
            self._loading = False
        self._update_buttons()

    def flush(self) -> None:
        """Hold what is typed now (before a lock or quit): comments are kept as comments
        only when the supervisor moves on, so they are held as a draft."""
        self.keeper.touch()
        self.keeper.flush()

    def flush_drafts(self) -> bool:
        self.keeper.touch()
        return self.keeper.hold()

    def refresh(self) -> None:
        """Redraw after a theme or text size change."""
        self.apply_look()

    def _touch(self) -> None:
        if not self._loading:
            self.keeper.touch()

    def _collect_place(self) -> dict[str, Any]:
        if self.share is None and not self.pending:
            return {}
        return {
            "share": self.share_id,
            "item": self.index,
            "tab": self.tabs.currentIndex(),
            "pending": {
                str(item): text
                for (received_id, item), text in self.pending.items()
                if received_id == self.share_id
            },
            "action": self.action_edit.text(),
        }

    def _restore_place(self, payload: dict[str, Any]) -> None:
        share, item, tab = payload.get("share"), payload.get("item"), payload.get("tab")
        if not isinstance(share, int) or not self.select_share(share, show=False):
            return
        self.keep_comments()  # anything typed on the share shown meanwhile
        for number, text in pending_of(payload).items():
            self.pending[(share, number)] = text
        self.show_share(share, item if isinstance(item, int) else 0, keep=False)
        if isinstance(tab, int) and 0 <= tab < self.tabs.count():
            self.tabs.setCurrentIndex(tab)
        action = payload.get("action")
        if isinstance(action, str) and action and not self.action_edit.text():
            self.action_edit.setText(action)

    # ------------------------------------------------------------------ lists

    def reload(self, keep: int | None = None) -> None:
        """Read the shares again; show ``keep`` (else the one shown) if still there."""
        if self.vault is None:
            return
        from ips_reflect.ops import exchange_supervisor as desk

        wanted = keep if keep is not None else (self.share_id or None)
        people = group_people(desk.received_shares(self.vault))
        self._loading = True
        try:
            self.people_model.set_rows(people)
        finally:
            self._loading = False
        if not people:
            self.card_how.show()
            self.share = None
            self.sessions_model.set_rows([])
            self.empty_label.setText(messages.SVS_NO_SHARES)
            self.stack.setCurrentWidget(self.empty_label)
            self._update_buttons()
            return
        if wanted is None or not self.select_share(wanted, show=True):
            self.people_list.setCurrentIndex(self.people_model.index(0, 0))
        self._update_buttons()

    def select_share(self, received_id: int, *, show: bool = True) -> bool:
        """Choose the person and the session of share ``received_id``."""
        row = self.people_model.row_of_share(received_id)
        if row < 0:
            return False
        self._loading = True
        try:
            self.people_list.setCurrentIndex(self.people_model.index(row, 0))
            self._fill_sessions()
            session_row = self.sessions_model.row_of(received_id)
            self.sessions_table.selectRow(session_row)
        finally:
            self._loading = False
        if show:
            same = self.share is not None and self.share.received.id == received_id
            self.show_share(received_id, self.index if same else 0)
        return True

    def _fill_sessions(self) -> None:
        person = self.people_model.current_in(self.people_list)
        self.sessions_model.set_rows(person.shares if person is not None else [])

    def _on_person_row(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if self._loading:
            return
        self._fill_sessions()
        if self.sessions_model.rowCount():
            self.sessions_table.selectRow(0)

    def _on_session_row(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if self._loading or not current.isValid():
            return
        share = self.sessions_model.share_at(current.row())
        if share is not None and share.id != self.share_id:
            self.show_share(share.id)
            self._touch()

    def _on_tab(self, _index: int) -> None:
        if not self._loading:
            self.keep_comments()
            self._touch()

    # ------------------------------------------------------------------ opening a share

    def open_share(self, path: str | Path | None = None) -> bool:
        """Ask for a ``.ipsshare`` file (unless ``path``) and open it on a worker."""
        if self.vault is None or self._busy:
            return False
        if path is None:
            chosen = file_dialogs.open_file_name(
                self.view, SHARE_FILES, messages.SVS_OPEN_TITLE, messages.SVS_SHARE_FILTER
            )
            if not chosen:
                return False
            path = chosen
        file = Path(path)
        from ips_reflect.ops.exchange_view import open_share_file

        def done(got: Any) -> None:
            self.reload(keep=got.id)
            items = count_text(
                len(got.payload.get("items", [])), messages.SVS_ITEMS_ONE, messages.SVS_ITEMS_MANY
            )
            text = messages.SVS_OPENED.format(
                name=got.practitioner,
                date=day_text(got.session_date),
                count=items,
                fingerprint=got.practitioner_card.fingerprint,
            )
            self.say(text)
            self.shareOpened.emit(got.id)

        return self._start(
            messages.SVS_OPENING.format(file=file.name),
            on_own_connection(open_share_file),
            (self.vault, file, file.name),
            done,
        )

    # ------------------------------------------------------------------ buttons

    def _update_buttons(self) -> None:
        has_vault = self.vault is not None
        share = self.share if has_vault else None
        free = not self._busy
        self.key_card_button.setEnabled(has_vault and free)
        self.open_button.setEnabled(has_vault and free)
        count = len(share.share.items) if share is not None else 0
        self.previous_button.setEnabled(share is not None and self.index > 0)
        self.next_button.setEnabled(share is not None and self.index < count - 1)
        self.comment_edit.setEnabled(share is not None and count > 0)
        for widget in (self.action_edit, self.due_check, self.add_action_button):
            widget.setEnabled(share is not None)
        self.due_edit.setEnabled(share is not None and self.due_check.isChecked())
        self.signoff_edit.setEnabled(share is not None)
        self.reply_button.setEnabled(share is not None and free)
        self.record_button.setEnabled(share is not None and share.reply is not None and free)
