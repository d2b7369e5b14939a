"""Actions, the sign-off and the record of the chosen share.

Actions are added with :func:`~ips_reflect.ops.exchange_supervisor.add_action`. "Sign
off and save the reply…" keeps any comment still in the box, asks where, and runs
:func:`~ips_reflect.ops.exchange_supervisor.respond` on a worker (its own connection
to the vault); "Save the record as PDF…" builds the record with
``supervisor_record`` and ``record_pdf`` on a worker too. The command line calls the
same functions.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QDate
from shiboken6 import isValid

from ips_reflect import messages
from ips_reflect.core.exchange import short_code
from ips_reflect.errors import UserError
from ips_reflect.gui.pages.supervisees.base import RECORD_FILES, REPLY_FILES, SuperviseesBase
from ips_reflect.gui.shell.workers import on_own_connection, run_task
from ips_reflect.gui.widgets import file_dialogs
from ips_reflect.gui.widgets.drafts import short_date
from ips_reflect.gui.widgets.pdf_preview import build_pdf_locked


def reason_of(exc: BaseException) -> str:
    """The sentence for a failure: the operation's own, else a plain one."""
    if isinstance(exc, UserError):
        return exc.message
    return messages.SVS_FAILED.format(reason=str(exc) or type(exc).__name__)


def with_suffix(chosen: str, suffix: str) -> Path:
    out = Path(chosen)
    return out if out.suffix.lower() == suffix else out.with_name(out.name + suffix)


def slug(text: str) -> str:
    words = "".join(c if c.isalnum() else " " for c in text.casefold()).split()
    return "-".join(words)[:40] or "supervisee"


class ReplyPart(SuperviseesBase):
    """Actions, sign-off and record."""

    # ------------------------------------------------------------------ actions

    def add_action(self, text: str | None = None, due: str | None = None) -> bool:
        """Add an action to the chosen share (``text``/``due``: from the form when None)."""
        if self.vault is None or self.share is None:
            return False
        from ips_reflect.ops import exchange_supervisor as desk

        if text is None:
            text = self.action_edit.text()
            if due is None and self.due_check.isChecked():
                due = self.due_edit.date().toString("yyyy-MM-dd")
        if not text.strip():
            self.say(messages.SVS_ACTION_EMPTY, problem=True)
            self.action_edit.setFocus()
            return False
        try:
            action = desk.add_action(self.vault, self.share.received.id, text, due)
        except UserError as exc:
            self.say(exc.message, problem=True)
            return False
        self.action_edit.clear()
        self._refresh_share()
        self.render_reply()
        self.say(messages.SVS_ACTION_ADDED.format(text=action.text))
        self.actionAdded.emit(self.share.received.id)
        self._touch()
        return True

    # ------------------------------------------------------------------ the reply state

    def render_reply(self) -> None:
        share = self.share
        self.actions_model.set_rows(share.actions if share is not None else [])
        if share is None:
            self.record_label.clear()
        elif share.reply is not None:
            self.record_label.setText(
                messages.SVS_RECORD_STATE.format(
                    name=share.reply.signed_off_by,
                    when=short_date(share.reply.signed_off_at),
                    fingerprint=short_code(bytes.fromhex(share.reply.record_fingerprint)),
                )
            )
        else:
            self.record_label.setText(
                messages.SVS_RECORD_NONE.format(name=share.share.practitioner)
            )
        if not self.due_edit.isEnabled():
            self.due_edit.setDate(QDate.currentDate().addDays(14))
        self._update_buttons()

    # ------------------------------------------------------------------ sign off

    def sign_off(self, target: str | Path | None = None) -> bool:
        """Keep what is typed, ask where (unless ``target``), then sign off and write the
        reply on a worker."""
        if self.vault is None or self.share is None or self._busy:
            return False
        name = self.signoff_edit.text().strip()
        if not name:
            self.say(messages.SVS_SIGNOFF_EMPTY, problem=True)
            self.signoff_edit.setFocus()
            return False
        if not self.keep_comments():
            return False
        share = self.share
        if target is None:
            suggested = (
                f"reply-{slug(share.share.practitioner)}-{share.share.session_date[:10]}.ipsreply"
            )
            chosen = file_dialogs.save_file_name(
                self.view,
                REPLY_FILES,
                messages.SVS_REPLY_SAVE_TITLE,
                suggested,
                messages.SVS_REPLY_FILTER,
            )
            if not chosen:
                return False
            target = chosen
        out = with_suffix(str(target), ".ipsreply")
        from ips_reflect.ops import exchange_supervisor as desk

        received_id, who = share.received.id, share.share.practitioner

        def done(result: Any) -> None:
            self._reload_after(received_id)
            text = messages.SVS_REPLIED.format(
                sequence=result.sequence,
                file=out,
                name=who,
                fingerprint=result.record.short_fingerprint,
            )
            self.say(text)
            self.replySaved.emit(str(out))

        return self._start(
            messages.SVS_REPLYING,
            on_own_connection(desk.respond),
            (self.vault, received_id, name, out),
            done,
        )

    # ------------------------------------------------------------------ the record

    def save_record(self, target: str | Path | None = None) -> bool:
        """Ask where (unless ``target``), then write the signed record as a PDF."""
        if self.vault is None or self.share is None or self.share.reply is None or self._busy:
            return False
        share = self.share
        if target is None:
            chosen = file_dialogs.save_file_name(
                self.view,
                RECORD_FILES,
                messages.SVS_RECORD_SAVE_TITLE,
                f"supervision-record-{slug(share.share.practitioner)}-"
                f"{share.share.session_date[:10]}.pdf",
                messages.SVS_RECORD_FILTER,
            )
            if not chosen:
                return False
            target = chosen
        out = with_suffix(str(target), ".pdf")
        from ips_reflect.ops.exchange_view import write_record_pdf

        def done(fingerprint: Any) -> None:
            text = messages.SVS_RECORD_SAVED.format(file=out, fingerprint=fingerprint)
            self.say(text)
            self.recordSaved.emit(str(out))

        def build(vault: Any, received_id: int, path: Path) -> str:
            return build_pdf_locked(on_own_connection(write_record_pdf), vault, received_id, path)

        return self._start(
            messages.SVS_RECORD_SAVING, build, (self.vault, share.received.id, out), done
        )

    # ------------------------------------------------------------------ workers

    def _start(
        self,
        doing: str,
        fn: Callable[..., Any],
        args: tuple[Any, ...],
        done: Callable[[Any], None],
    ) -> bool:
        vault = self.vault
        self._set_busy(True)

        def succeeded(result: Any) -> None:
            if isValid(self.view):
                self._set_busy(False)  # before ``done`` tells anyone it is done
                if vault is self.vault:
                    done(result)

        def failed(exc: BaseException) -> None:
            if isValid(self.view):
                self._set_busy(False)
                if vault is self.vault:
                    self.say(reason_of(exc), problem=True)

        def finished() -> None:
            if isValid(self.view):
                self._set_busy(False)

        run_task(fn, *args, on_success=succeeded, on_failure=failed, on_finished=finished)
        self.say(doing)
        return True

    def _set_busy(self, busy: bool) -> None:
        self._busy = busy
        self.progress.setVisible(busy)
        self._update_buttons()

    def _reload_after(self, received_id: int) -> None:
        """The lists and the share again, after a reply changed their state."""
        self.reload(keep=received_id)
