"""Making a new passphrase: first-run set-up and recovery with the recovery code,
and the page that shows a new recovery code once.

Split from :mod:`~ips_reflect.gui.shell.vault_gate` so that the unlock window, which
every start shows, loads none of this (the strength meter, the passphrase rules).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
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
from ips_reflect.gui.shell.uiloader import find_child, load_ui
from ips_reflect.gui.shell.vault_gate import FormController, error_text
from ips_reflect.gui.shell.workers import run_task
from ips_reflect.gui.widgets.strength import StrengthMeter

if TYPE_CHECKING:
    from ips_reflect.store.vault import Vault


# --------------------------------------------------------------------------- recovery code page


class RecoveryCodePage(QObject):
    """Shows a fresh recovery code once and asks for its first group back."""

    confirmed = Signal()

    def __init__(self, page: QWidget) -> None:
        super().__init__(page)
        self.page = page
        self.code_label: QLabel = find_child(page, QLabel, "codeLabel")
        self.confirm_edit: QLineEdit = find_child(page, QLineEdit, "codeConfirmEdit")
        self.done_button: QPushButton = find_child(page, QPushButton, "doneButton")
        self.confirm_edit.textChanged.connect(self._check)
        self.confirm_edit.returnPressed.connect(self._done)
        self.done_button.clicked.connect(self._done)
        self._first_group = ""

    def show_code(self, code: str) -> None:
        groups = [g for g in code.strip().upper().split("-") if g]
        self._first_group = groups[0] if groups else ""
        self.code_label.setText(format_code_lines(groups))
        # Screen readers: one character at a time, groups separated.
        self.code_label.setAccessibleDescription(", ".join(" ".join(g) for g in groups))
        window = self.page.window()
        window.adjustSize()
        self.confirm_edit.clear()
        self.confirm_edit.setFocus()

    def _check(self, text: str) -> None:
        self.done_button.setEnabled(self._matches(text))

    def _matches(self, text: str) -> bool:
        return bool(self._first_group) and text.strip().upper() == self._first_group

    def _done(self) -> None:
        if self._matches(self.confirm_edit.text()):
            self.code_label.clear()  # don't keep the code on screen or in the widget
            self.confirmed.emit()


def format_code_lines(groups: list[str], per_line: int = 3) -> str:
    """The code on short lines, each but the last ending in a dash, so it fits
    any window and is copied down exactly."""
    lines = ["-".join(groups[i : i + per_line]) for i in range(0, len(groups), per_line)]
    return "-\n".join(lines)


def _add_code_page(view: QDialog) -> tuple[QStackedWidget, RecoveryCodePage]:
    stack: QStackedWidget = find_child(view, QStackedWidget, "stack")
    page = load_ui("recovery_code", stack)
    stack.addWidget(page)
    return stack, RecoveryCodePage(page)


class _NewPassphraseForm(FormController):
    """Passphrase + confirmation with a live strength hint."""

    def __init__(self, view: QDialog) -> None:
        super().__init__(view)
        self.pass_edit: QLineEdit = find_child(view, QLineEdit, "passphraseEdit")
        self.confirm_edit: QLineEdit = find_child(view, QLineEdit, "confirmEdit")
        self.strength_label: QLabel = find_child(view, QLabel, "strengthLabel")
        self.meter = StrengthMeter(self.strength_label, view.findChild(QProgressBar, "strengthBar"))
        self.pass_edit.textChanged.connect(self.meter.update)

    def read_new_passphrase(self) -> str | None:
        passphrase, confirm = self.pass_edit.text(), self.confirm_edit.text()
        try:
            check_new_passphrase(passphrase, confirm)
        except UserError as exc:
            self.show_error(exc.message)
            (self.confirm_edit if len(passphrase) >= 8 else self.pass_edit).setFocus()
            return None
        self.pass_edit.clear()
        self.confirm_edit.clear()
        return passphrase


class _NewVaultController(_NewPassphraseForm):
    """Set-up and recovery: a new passphrase in a worker, then a fresh recovery
    code shown once and confirmed before the dialog closes."""

    unlocked = Signal(object)

    def __init__(self, view: QDialog, data_dir: Path) -> None:
        super().__init__(view)
        self.data_dir = data_dir
        self.cancel_button: QPushButton = find_child(view, QPushButton, "cancelButton")
        self.stack, self.code_page = _add_code_page(view)
        self.confirm_edit.returnPressed.connect(self.submit)
        self.cancel_button.clicked.connect(view.reject)
        self.code_page.confirmed.connect(self._finish)
        self.vault: Vault | None = None

    def submit(self) -> None:
        raise NotImplementedError

    def _failed(self, exc: BaseException) -> None:
        raise NotImplementedError

    def _run(self, task: Callable[..., Any], *args: str, on_success: Callable[[Any], None]) -> None:
        self.set_busy(True)
        run_task(task, self.data_dir, *args, on_success=on_success, on_failure=self._failed)

    def _show_new_code(self, result: tuple[Any, str]) -> None:
        self.vault, code = result
        self.hold_open(True)  # the code must be confirmed before leaving
        self.stack.setCurrentWidget(self.code_page.page)
        self.code_page.show_code(code)

    def _finish(self) -> None:
        self.hold_open(False)
        self.unlocked.emit(self.vault)
        self.view.accept()


# --------------------------------------------------------------------------- set-up


def _default_create(data_dir: Path, passphrase: str) -> tuple[Any, str]:
    from ips_reflect.store.vault import Vault

    return Vault.create(data_dir, passphrase)


class SetupController(_NewVaultController):
    def __init__(
        self,
        view: QDialog,
        data_dir: Path,
        creator: Callable[[Path, str], tuple[Any, str]] = _default_create,
    ) -> None:
        super().__init__(view, data_dir)
        self.creator = creator
        self.show_check: QCheckBox = find_child(view, QCheckBox, "showCheck")
        self.create_button: QPushButton = find_child(view, QPushButton, "createButton")
        self._inputs = [
            self.pass_edit,
            self.confirm_edit,
            self.show_check,
            self.create_button,
            self.cancel_button,
        ]
        self.show_check.toggled.connect(self._show_text)
        self.create_button.clicked.connect(self.submit)
        self.pass_edit.setFocus()

    def _show_text(self, shown: bool) -> None:
        mode = QLineEdit.EchoMode.Normal if shown else QLineEdit.EchoMode.Password
        self.pass_edit.setEchoMode(mode)
        self.confirm_edit.setEchoMode(mode)

    def submit(self) -> None:
        if not self.closable:
            return
        passphrase = self.read_new_passphrase()
        if passphrase is None:
            return
        self._run(self.creator, passphrase, on_success=self._created)

    def _created(self, result: tuple[Any, str]) -> None:
        self.set_busy(False)
        self._show_new_code(result)

    def _failed(self, exc: BaseException) -> None:
        self.set_busy(False)
        self.show_error(error_text(exc, messages.SETUP_UNEXPECTED))
        self.pass_edit.setFocus()


# --------------------------------------------------------------------------- recovery


def _default_recover(data_dir: Path, code: str, passphrase: str) -> tuple[Any, str]:
    from ips_reflect.store.vault import Vault

    return Vault.recover(data_dir, code, passphrase)


class RecoverController(_NewVaultController):
    def __init__(
        self,
        view: QDialog,
        data_dir: Path,
        recoverer: Callable[[Path, str, str], tuple[Any, str]] = _default_recover,
    ) -> None:
        super().__init__(view, data_dir)
        self.recoverer = recoverer
        self.code_edit: QLineEdit = find_child(view, QLineEdit, "codeEdit")
        self.reset_button: QPushButton = find_child(view, QPushButton, "resetButton")
        self._inputs = [
            self.code_edit,
            self.pass_edit,
            self.confirm_edit,
            self.reset_button,
            self.cancel_button,
        ]
        self.reset_button.clicked.connect(self.submit)
        self.code_edit.setFocus()

    def submit(self) -> None:
        if not self.closable:
            return
        code = self.code_edit.text().strip()
        if not code:
            self.show_error(messages.RECOVERY_EMPTY)
            self.code_edit.setFocus()
            return
        passphrase = self.read_new_passphrase()
        if passphrase is None:
            return
        self._run(self.recoverer, code, passphrase, on_success=self._recovered)

    def _recovered(self, result: tuple[Any, str]) -> None:
        self.set_busy(False)
        self.code_edit.clear()
        self._show_new_code(result)

    def _failed(self, exc: BaseException) -> None:
        self.set_busy(False)
        self.show_error(error_text(exc, messages.UNLOCK_UNEXPECTED))
        self.code_edit.selectAll()
        self.code_edit.setFocus()
