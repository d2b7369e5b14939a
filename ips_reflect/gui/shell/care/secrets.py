"""Vault > Change passphrase… and Vault > New recovery code….

Both re-key the vault on a worker (after any automatic backup still being written,
whose own connection would stop the re-key), then show the new recovery code once,
exactly as set-up does: the dialog cannot be closed until the person has typed the
code's first group back. The secret fields are cleared as soon as they are read.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QStackedWidget,
    QWidget,
)

from ips_reflect import messages
from ips_reflect.core.passphrase import check_new_passphrase
from ips_reflect.errors import UserError
from ips_reflect.gui.shell.care.base import CareDialog, add_code_page, take_text
from ips_reflect.gui.shell.uiloader import find_child
from ips_reflect.gui.widgets.strength import StrengthMeter
from ips_reflect.ops import vault_care

if TYPE_CHECKING:
    from ips_reflect.gui.shell.session import VaultSession


def _after_backups(session: VaultSession, fn: Callable[..., str]) -> Callable[..., str]:
    """``fn`` once every automatic backup asked for so far is written (on the worker):
    a backup holds its own connection, and re-keying refuses while one is open."""

    def job(*args: Any) -> str:
        session.backups.wait()
        return fn(*args)

    job.__name__ = getattr(fn, "__name__", "job")
    return job


class _NewCodeDialog(CareDialog):
    """A form page, then the recovery-code page; ``done`` once the code is confirmed."""

    done = Signal(str)  # the sentence to show in the status bar

    #: What the result line says above the new code, and the status line after it.
    code_words = ""
    done_words = ""

    def __init__(self, session: VaultSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.stack = find_child(self.view, QStackedWidget, "stack")
        self.code_page = add_code_page(self.view)
        self.code_page.confirmed.connect(self._confirmed)
        self.current_edit = find_child(self.view, QLineEdit, "currentEdit")
        self.cancel_button = find_child(self.view, QPushButton, "cancelButton")
        self.cancel_button.clicked.connect(self.view.reject)
        self.showing_code = False
        self.show_page(find_child(self.view, QWidget, "formPage"))

    def _start(self, fn: Callable[..., str], *secrets: str) -> None:
        vault = self.session.vault
        if vault is None:  # locked meanwhile
            self.show_error(messages.VAULT_LOCKED)
            return
        self.run(
            _after_backups(self.session, fn),
            vault,
            *secrets,
            on_success=self._show_code,
            on_failure=self._refused,
        )

    def _refused(self, exc: BaseException) -> None:
        self.failed(exc)
        self.current_edit.setFocus()

    def _show_code(self, code: str) -> None:
        self.showing_code = True
        self.hold_open(True)  # the code must be confirmed before leaving
        self.show_page(self.code_page.page)
        self.code_page.show_code(code)  # puts the cursor in the confirmation field
        self.show_result(self.code_words)
        self.fit(shrink=True)  # (show_code fits the window to its own taste)

    def _confirmed(self) -> None:
        self.showing_code = False
        self.hold_open(False)
        self.done.emit(self.done_words)
        self.view.accept()


class ChangePassphraseDialog(_NewCodeDialog):
    ui_name = "care_passphrase"
    code_words = messages.CARE_PASSPHRASE_CHANGED
    done_words = messages.CARE_PASSPHRASE_DONE

    def __init__(self, session: VaultSession, parent: QWidget | None = None) -> None:
        super().__init__(session, parent)
        view = self.view
        self.pass_edit = find_child(view, QLineEdit, "passphraseEdit")
        self.confirm_edit = find_child(view, QLineEdit, "confirmEdit")
        self.show_check = find_child(view, QCheckBox, "showCheck")
        self.change_button = find_child(view, QPushButton, "changeButton")
        self.meter = StrengthMeter(
            find_child(view, QLabel, "strengthLabel"),
            find_child(view, QProgressBar, "strengthBar"),
        )
        self.inputs = [
            self.current_edit,
            self.pass_edit,
            self.confirm_edit,
            self.show_check,
            self.change_button,
            self.cancel_button,
        ]
        self.pass_edit.textChanged.connect(self.meter.update)
        self.show_check.toggled.connect(self._show_text)
        self.change_button.clicked.connect(self.submit)
        self.confirm_edit.returnPressed.connect(self.submit)
        self.current_edit.setFocus()

    def _show_text(self, shown: bool) -> None:
        mode = QLineEdit.EchoMode.Normal if shown else QLineEdit.EchoMode.Password
        for edit in (self.current_edit, self.pass_edit, self.confirm_edit):
            edit.setEchoMode(mode)

    def submit(self) -> None:
        if self.busy or self.showing_code:
            return
        current, new = self.current_edit.text(), self.pass_edit.text()
        if not current:
            self.show_error(messages.CARE_CURRENT_EMPTY)
            self.current_edit.setFocus()
            return
        try:
            check_new_passphrase(new, self.confirm_edit.text())
        except UserError as exc:
            self.show_error(exc.message)
            (self.confirm_edit if len(new) >= 8 else self.pass_edit).setFocus()
            return
        if new == current:
            self.show_error(messages.CARE_NEW_SAME)
            self.pass_edit.setFocus()
            return
        # The new one stays typed (hidden, disabled) until the change is made, so a
        # mistyped current passphrase is all there is to type again.
        self._start(vault_care.change_passphrase, take_text(self.current_edit), new)

    def _show_code(self, code: str) -> None:
        self.pass_edit.clear()
        self.confirm_edit.clear()
        super()._show_code(code)


class NewRecoveryCodeDialog(_NewCodeDialog):
    ui_name = "care_recovery"
    code_words = messages.CARE_CODE_CHANGED
    done_words = messages.CARE_CODE_DONE

    def __init__(self, session: VaultSession, parent: QWidget | None = None) -> None:
        super().__init__(session, parent)
        self.make_button = find_child(self.view, QPushButton, "makeButton")
        self.inputs = [self.current_edit, self.make_button, self.cancel_button]
        self.make_button.clicked.connect(self.submit)
        self.current_edit.returnPressed.connect(self.submit)
        self.current_edit.setFocus()

    def submit(self) -> None:
        if self.busy or self.showing_code:
            return
        if not self.current_edit.text():
            self.show_error(messages.CARE_CURRENT_EMPTY)
            self.current_edit.setFocus()
            return
        self._start(vault_care.new_recovery_code, take_text(self.current_edit))
