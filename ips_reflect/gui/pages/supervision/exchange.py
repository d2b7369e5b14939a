"""The exchange with a supervisor, from the practitioner's chair: send a session to the
supervisor (``ui/supervision_send.ui``), take in their reply, save the signed record.

Every step calls the same functions as ``ips-reflect supervision share|receive|record``
(:mod:`ips_reflect.ops.exchange`), so the page and the command line cannot drift apart;
what a share holds is decided there, by the consent gate of the supervision documents.

The key card is trusted as the command line trusts it: a card used for the first time
needs its fingerprint checked with its owner ("The fingerprint matches"), a card known
from before needs nothing, and a *different* card under a name checked before shows a
warning and needs both "Use this new card" and the fingerprint check.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Qt
from PySide6.QtWidgets import QCheckBox, QDialog, QFrame, QLabel, QLineEdit, QPushButton, QWidget
from shiboken6 import isValid

from ips_reflect import messages
from ips_reflect.core.exchange import KeyCard
from ips_reflect.errors import UserError
from ips_reflect.gui.pages.supervision.base import SupervisionBase
from ips_reflect.gui.pages.supervision.data import (
    agenda_flags,
    consented_entries,
    day_text,
    session_heading,
)
from ips_reflect.gui.shell.uiloader import find_child, load_ui
from ips_reflect.gui.shell.workers import on_own_connection, run_task
from ips_reflect.gui.widgets import file_dialogs
from ips_reflect.gui.widgets.page_fit import DialogFit
from ips_reflect.gui.widgets.question_widgets import help_on_focus
from ips_reflect.gui.widgets.row_wrap import wrap_rows
from ips_reflect.ops import exchange as ops
from ips_reflect.ops import exchange_gui_support as support

if TYPE_CHECKING:
    from ips_reflect.store.vault import Vault

#: What each file dialog is for (each remembers its own folder).
SUPERVISOR_CARD = "supervisor_card"
SUPERVISION_SHARE = "supervision_share"
SUPERVISION_REPLY = "supervision_reply"


def plural(n: int, one: str, many: str) -> str:
    return (one if n == 1 else many).format(n=n)


def fingerprint_groups(fingerprint: str) -> str:
    """``7KQ2-M9XD-4T8P-WZ3R`` as four groups with room between them."""
    return "  ".join(fingerprint.split("-"))


def spoken(fingerprint: str) -> str:
    """The fingerprint for a screen reader: one character at a time, group by group."""
    return messages.EXG_FINGERPRINT_SPOKEN.format(
        groups=", ".join(" ".join(group) for group in fingerprint.split("-"))
    )


# --------------------------------------------------------------------------- the dialog


@dataclass(frozen=True)
class SendChoice:
    card: KeyCard
    name: str
    confirmed: bool
    replace_card: bool


class SendDialog(QObject):
    """Controller of ``ui/supervision_send.ui``: the card, its trust and the ticks."""

    def __init__(self, parent: QWidget | None, vault: Vault, what: str, name: str) -> None:
        dialog = load_ui("supervision_send", parent)
        assert isinstance(dialog, QDialog)
        super().__init__(dialog)
        self.dialog = dialog
        self.vault = vault
        self.card: KeyCard | None = None
        self.trust = ""
        self.what = find_child(dialog, QLabel, "sendWhat")
        self.name_edit = find_child(dialog, QLineEdit, "myNameEdit")
        self.card_file = find_child(dialog, QLabel, "cardFileLabel")
        self.choose_button = find_child(dialog, QPushButton, "chooseCardButton")
        self.panel = find_child(dialog, QFrame, "cardPanel")
        self.owner = find_child(dialog, QLabel, "cardOwnerLabel")
        self.trust_label = find_child(dialog, QLabel, "trustLabel")
        self.fingerprint = find_child(dialog, QLabel, "fingerprintLabel")
        self.replace_check = find_child(dialog, QCheckBox, "replaceCheck")
        self.matches_check = find_child(dialog, QCheckBox, "matchesCheck")
        self.status = find_child(dialog, QLabel, "sendStatus")
        self.send_button = find_child(dialog, QPushButton, "sendButton")
        self.cancel_button = find_child(dialog, QPushButton, "cancelButton")
        self.what.setText(what)
        self.what.setAccessibleDescription(what)
        self.name_edit.setText(name)
        self.card_file.setText(messages.EXG_CARD_NONE)
        for label in (self.owner, self.trust_label, self.fingerprint, self.card_file):
            label.setTextFormat(Qt.TextFormat.PlainText)
        self.panel.hide()
        self.choose_button.clicked.connect(self.choose_card)
        self.name_edit.textChanged.connect(lambda _t: self._update())
        self.replace_check.toggled.connect(lambda _on: self._update())
        self.matches_check.toggled.connect(lambda _on: self._update())
        self.send_button.clicked.connect(dialog.accept)
        self.cancel_button.clicked.connect(dialog.reject)
        self.wrappers = wrap_rows(dialog, "cardRow", "sendButtons")
        helped = (self.name_edit, self.choose_button, self.replace_check, self.matches_check)
        help_on_focus([*helped, self.send_button])
        self.fit = DialogFit(dialog)
        # DialogFit sizes for the words' natural widths, which leaves this dialog of
        # long sentences far taller than its width needs: after each fit, take the
        # height the contents need at the width they have (never less than the .ui's).
        self.fit.fitted.connect(self._snug)
        self._update()
        (self.choose_button if name else self.name_edit).setFocus()

    def _snug(self) -> None:
        dialog, contents, area = self.dialog, self.fit.contents, self.fit.scroll
        if not (isValid(dialog) and dialog.isVisible()) or not contents.hasHeightForWidth():
            return
        need = contents.heightForWidth(area.viewport().width()) + 2 * area.frameWidth()
        height = max(need, dialog.minimumHeight())
        if height < dialog.height():
            dialog.resize(dialog.width(), height)

    def choose_card(self) -> bool:
        """Ask for the card's file, read it and show what to check."""
        chosen = file_dialogs.open_file_name(
            self.dialog, SUPERVISOR_CARD, messages.EXG_CARD_TITLE, messages.EXG_CARD_FILTER
        )
        if not chosen:
            return False
        return self.use_card_file(Path(chosen))

    def use_card_file(self, path: Path) -> bool:
        try:
            card = ops.read_card_file(path)
            trust = ops.card_trust(self.vault, card)
        except UserError as exc:
            self.card, self.trust = None, ""
            self.card_file.setText(exc.message)
            self.panel.hide()
            self._update()
            return False
        self.card, self.trust = card, trust
        self.card_file.setText(path.name)
        self.card_file.setToolTip(str(path))
        self._show_card(card, trust)
        self._update()
        return True

    def _show_card(self, card: KeyCard, trust: str) -> None:
        name = card.name
        self.owner.setText(messages.EXG_CARD_FOR.format(name=name))
        if trust == ops.TRUST_KNOWN:
            text = messages.EXG_CARD_KNOWN.format(name=name, fingerprint=card.fingerprint)
        elif trust == ops.TRUST_CHANGED:
            known = self.vault.exchange.card(name)
            old = known.fingerprint if known is not None else ""
            text = messages.EXG_CARD_CHANGED.format(name=name, old=old)
        else:
            text = messages.EXG_CARD_NEW.format(name=name)
        self.trust_label.setText(text)
        self.trust_label.setAccessibleDescription(text)
        self.panel.setProperty("trust", trust)
        self.panel.style().unpolish(self.panel)
        self.panel.style().polish(self.panel)
        self.fingerprint.setText(fingerprint_groups(card.fingerprint))
        self.fingerprint.setAccessibleDescription(spoken(card.fingerprint))
        self.fingerprint.setVisible(trust != ops.TRUST_KNOWN)
        for check, shown, help_text in (
            (self.replace_check, trust == ops.TRUST_CHANGED, messages.EXG_REPLACE_HELP),
            (self.matches_check, trust != ops.TRUST_KNOWN, messages.EXG_MATCHES_HELP),
        ):
            check.setChecked(False)
            check.setVisible(shown)
            check.setToolTip(help_text.format(name=name))
            check.setAccessibleDescription(help_text.format(name=name))
        self.panel.show()

    def missing(self) -> list[str]:
        """What still stands between the person and Send (empty: ready)."""
        out = []
        if not " ".join(self.name_edit.text().split()):
            out.append(messages.EXG_NEED_MY_NAME)
        if self.card is None:
            out.append(messages.EXG_NEED_CARD)
            return out
        if self.trust == ops.TRUST_CHANGED and not self.replace_check.isChecked():
            out.append(messages.EXG_NEED_REPLACE.format(name=self.card.name))
        if self.trust != ops.TRUST_KNOWN and not self.matches_check.isChecked():
            out.append(messages.EXG_NEED_MATCH)
        return out

    def _update(self) -> None:
        missing = self.missing()
        self.send_button.setEnabled(not missing)
        if missing:
            self.status.setText(messages.EXG_SEND_NEEDS.format(what="; ".join(missing)))
        elif self.card is not None:
            self.status.setText(messages.EXG_READY.format(name=self.card.name))

    def choice(self) -> SendChoice | None:
        if self.missing() or self.card is None:
            return None
        return SendChoice(
            self.card,
            " ".join(self.name_edit.text().split()),
            confirmed=self.trust != ops.TRUST_KNOWN and self.matches_check.isChecked(),
            replace_card=self.trust == ops.TRUST_CHANGED and self.replace_check.isChecked(),
        )


def ask_send(parent: QWidget | None, vault: Vault, what: str, name: str) -> SendChoice | None:
    """The send dialog, modal; None when cancelled."""
    controller = SendDialog(parent, vault, what, name)
    try:
        if controller.dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        return controller.choice()
    finally:
        controller.dialog.deleteLater()


# --------------------------------------------------------------------------- the page's part


class ExchangePart(SupervisionBase):
    """Send to the supervisor, take in the reply, the signed record PDF."""

    def _what_will_be_sent(self) -> tuple[str, int | None]:
        """The dialog's sentence, and the session to send (None: the ops make one)."""
        assert self.vault is not None
        session = self.session or self.sessions_model.session_at(0)
        if session is None:
            entries = consented_entries(self.vault)
            flags = agenda_flags(self.vault, entries)
            today = self.today or date.today()
            what = messages.EXG_SEND_WHAT_NEW.format(
                day=day_text(today.isoformat()),
                entries=plural(len(entries), messages.EXG_ENTRIES, messages.EXG_ENTRIES_MANY),
                flags=plural(len(flags), messages.EXG_FLAGS, messages.EXG_FLAGS_MANY),
            )
            return what, None
        count = support.share_count(self.vault, self.content, session.id)
        items = plural(count, messages.EXG_ITEMS, messages.EXG_ITEMS_MANY)
        return messages.EXG_SEND_WHAT.format(items=items, day=session_heading(session)), session.id

    def send_to_supervisor(self) -> bool:
        """Ask for the supervisor's card (the dialog), then where to save, then seal the
        session for them on a worker."""
        if self.vault is None or self._busy:
            return False
        self._save_pending()
        what, session_id = self._what_will_be_sent()
        choice = ask_send(self.view, self.vault, what, support.my_name(self.vault))
        if choice is None:
            return False
        day = (self.today or date.today()).isoformat()
        if session_id is not None:
            shown = self.vault.supervision.get_session(session_id)
            day = shown.held_on[:10] if shown is not None else day
        chosen = file_dialogs.save_file_name(
            self.view,
            SUPERVISION_SHARE,
            messages.EXG_SHARE_TITLE,
            messages.EXG_SHARE_NAME.format(day=day),
            messages.EXG_SHARE_FILTER,
        )
        if not chosen:
            return False
        target = Path(chosen)
        if target.suffix.lower() != ".ipsshare":
            target = target.with_name(target.name + ".ipsshare")
        return self._start_share(choice, target, session_id)

    def _start_share(self, choice: SendChoice, target: Path, session_id: int | None) -> bool:
        assert self.vault is not None
        self._set_busy(True)

        def done(result: Any) -> None:
            if not isValid(self.view):
                return
            self._set_busy(False)
            card = result.recipient
            text = messages.EXG_SHARED.format(
                items=plural(result.items, messages.EXG_ITEMS, messages.EXG_ITEMS_MANY),
                day=day_text(result.session_date),
                path=target,
                name=card.name,
                fingerprint=card.fingerprint,
            )
            if result.made_session:
                text = messages.EXG_SESSION_MADE.format(day=day_text(result.session_date)) + text
            self.session = None
            self.reload(keep_id=result.session_id)
            self._say(text)
            self.shareSaved.emit(str(target))

        def failed(exc: BaseException) -> None:
            if not isValid(self.view):
                return
            self._set_busy(False)
            self._refused(exc, messages.EXG_SHARE_FAILED, self.shareFailed)

        run_task(
            on_own_connection(ops.share_session),
            self.vault,
            self.content,
            choice.card,
            target,
            session_id=session_id,
            confirmed=choice.confirmed,
            replace_card=choice.replace_card,
            name=choice.name,
            today=self.today,
            on_success=done,
            on_failure=failed,
        )
        self._say(messages.EXG_SHARING.format(name=choice.card.name))
        return True

    def _refused(self, exc: BaseException, frame: str, signal: Any) -> None:
        reason = (
            exc.message
            if isinstance(exc, UserError)
            else messages.EXG_FAILED_OTHER.format(error=type(exc).__name__)
        )
        text = frame.format(reason=reason)
        self._say(text)
        signal.emit(text)

    def open_reply(self) -> bool:
        """Ask for the supervisor's reply and take it in (the ops check every byte)."""
        if self.vault is None or self._busy:
            return False
        chosen = file_dialogs.open_file_name(
            self.view, SUPERVISION_REPLY, messages.EXG_REPLY_TITLE, messages.EXG_REPLY_FILTER
        )
        if not chosen:
            return False
        return self.take_in_reply(Path(chosen))

    def take_in_reply(self, path: Path) -> bool:
        if self.vault is None:
            return False
        self._save_pending()
        try:
            data = ops.read_exchange_file(path)
            ops.check_kind(data, "reply", str(path))
            result = ops.receive_reply(self.vault, data, str(path))
        except Exception as exc:  # a refusal: its sentence, never a traceback
            self._refused(exc, "{reason}", self.replyRefused)
            return False
        self.session = None
        self.reload(keep_id=result.session_id)
        self.actionsChanged.emit()
        self._say(
            messages.EXG_RECEIVED.format(
                day=day_text(result.session_date),
                name=result.signed_off_by,
                comments=plural(
                    result.comments, messages.EXG_COMMENT_COUNT, messages.EXG_COMMENT_COUNT_MANY
                ),
                actions=plural(
                    result.actions_added, messages.EXG_ACTIONS, messages.EXG_ACTIONS_MANY
                ),
            )
        )
        self.replyReceived.emit(result.session_id)
        return True

    def save_record_pdf(self) -> bool:
        """Ask where, then write the signed record of the session shown (on a worker)."""
        if self.vault is None or self.session is None or self._busy:
            return False
        try:
            record = ops.practitioner_record(self.vault, self.session.id)
        except UserError as exc:
            self._say(exc.message)
            self.pdfFailed.emit(exc.message)
            return False
        out = self._ask_path(
            messages.EXG_RECORD_SAVE_TITLE,
            messages.EXG_RECORD_NAME.format(day=record.session_date),
        )
        if out is None:
            return False
        return self._start_pdf("record", out, record)

    # ------------------------------------------------------------------ what is shown

    def _load_exchange(self) -> None:
        """Read the session's share and sign-off, and place the comments."""
        self.exchange = None
        if self.vault is not None and self.session is not None:
            try:
                self.exchange = support.session_exchange(self.vault, self.session.id)
            except Exception:  # an unreadable record shows as not shared
                self.exchange = None
        self.item_comments, apart = support.place_comments(self.items, self.exchange)
        self.exchange_status.setText(self._exchange_text(apart))
        self.exchange_status.setAccessibleDescription(self.exchange_status.text())
        self.exchange_status.setVisible(self.exchange is not None)
        self.signed_off = self.exchange is not None and self.exchange.signoff is not None

    def _exchange_text(self, apart: list[str]) -> str:
        ex = self.exchange
        if ex is None:
            return ""
        if ex.signoff is None:
            return messages.EXG_SHARED_WAITING.format(
                name=ex.sent_to,
                day=day_text(ex.sent_on),
                items=plural(ex.items, messages.EXG_ITEMS, messages.EXG_ITEMS_MANY),
            )
        placed = sum(len(texts) for texts in self.item_comments.values())
        comments = (
            messages.EXG_COMMENTS_BESIDE.format(count=placed) if placed else ""
        ) or messages.EXG_NO_COMMENTS
        if apart:
            quoted = " ".join(f"“{text}”" for text in apart)
            comments += " " + messages.EXG_COMMENTS_ELSEWHERE.format(comments=quoted)
        when = ex.signoff.signed_off_at
        return messages.EXG_SIGNED_OFF.format(
            name=ex.signoff.signed_off_by,
            when=f"{day_text(when)} {when[11:16]}".strip(),
            comments=comments,
            fingerprint=_short(ex.signoff.record_fingerprint),
        )

    def commenter(self) -> str:
        ex = self.exchange
        return ex.signoff.signed_off_by if ex is not None and ex.signoff is not None else ""


def _short(fingerprint: str) -> str:
    """The record fingerprint as both PDFs show it (``XXXX-XXXX-XXXX-XXXX``)."""
    from ips_reflect.core.exchange import short_code

    try:
        return short_code(bytes.fromhex(fingerprint))
    except ValueError:
        return fingerprint[:16]
