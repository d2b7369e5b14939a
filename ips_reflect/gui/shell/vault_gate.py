"""The way in: first-run set-up, unlock, and recovery with the recovery code.

Each dialog is a ``.ui`` file driven by a controller that takes the dialog and
the data folder. Key derivation (Argon2id, ~0.1 s or more) runs in a worker
so the window keeps painting; the passphrase field is cleared as soon as it
has been read.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Qt, Signal
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
from shiboken6 import isValid

from ips_reflect import messages
from ips_reflect.core.passphrase import check_new_passphrase
from ips_reflect.errors import UserError
from ips_reflect.gui.shell.uiloader import find_child, load_ui
from ips_reflect.gui.shell.workers import run_task
from ips_reflect.gui.widgets.page_fit import DialogFit
from ips_reflect.gui.widgets.strength import StrengthMeter

if TYPE_CHECKING:
    from ips_reflect.store.vault import Vault


def _error_text(exc: BaseException, template: str) -> str:
    if isinstance(exc, UserError):
        return exc.message
    return template.format(error=type(exc).__name__)


class _FormController(QObject):
    """Shared behaviour: an error label, a busy bar, and buttons to disable."""

    def __init__(self, view: QDialog) -> None:
        super().__init__(view)
        self.view = view
        self.error_label: QLabel = find_child(view, QLabel, "errorLabel")
        self.busy_bar: QProgressBar = find_child(view, QProgressBar, "busyBar")
        self._inputs: list[QWidget] = []
        self.fit = DialogFit(view)  # grows with its wrapped text, scrolls beyond the screen

    def show_error(self, text: str) -> None:
        self.error_label.setText(text)
        self.error_label.setAccessibleDescription(text)
        self.error_label.setVisible(bool(text))
        if text:  # grow to fit the whole sentence
            self.view.adjustSize()

    @property
    def closable(self) -> bool:
        return bool(getattr(self.view, "closable", True))

    def hold_open(self, held: bool) -> None:
        """Stop Escape and the close button from dismissing the dialog."""
        self.view.closable = not held  # type: ignore[attr-defined]

    def set_busy(self, busy: bool) -> None:
        self.busy_bar.setVisible(busy)
        self.hold_open(busy)
        for w in self._inputs:
            w.setEnabled(not busy)
        if busy:
            self.show_error("")
            self.view.setCursor(Qt.CursorShape.BusyCursor)
        else:
            self.view.unsetCursor()


# --------------------------------------------------------------------------- unlock


def _default_unlock(data_dir: Path, passphrase: str) -> Any:
    from ips_reflect.store.vault import Vault

    return Vault.unlock(data_dir, passphrase)


class UnlockController(_FormController):
    unlocked = Signal(object)  # the open Vault
    recoveryRequested = Signal()
    quitRequested = Signal()

    def __init__(
        self,
        view: QDialog,
        data_dir: Path,
        opener: Callable[[Path, str], Any] = _default_unlock,
    ) -> None:
        super().__init__(view)
        self.data_dir = data_dir
        self.opener = opener
        self.edit: QLineEdit = find_child(view, QLineEdit, "passphraseEdit")
        self.unlock_button: QPushButton = find_child(view, QPushButton, "unlockButton")
        self.recovery_button: QPushButton = find_child(view, QPushButton, "recoveryButton")
        self.quit_button: QPushButton = find_child(view, QPushButton, "quitButton")
        self._inputs = [self.edit, self.unlock_button, self.recovery_button, self.quit_button]
        self.unlock_button.clicked.connect(self.submit)
        self.edit.returnPressed.connect(self.submit)
        self.recovery_button.clicked.connect(self.recoveryRequested.emit)
        self.quit_button.clicked.connect(self._quit)
        self.edit.setFocus()

    def _quit(self) -> None:
        self.quitRequested.emit()
        self.view.reject()

    def submit(self) -> None:
        if not self.closable:
            return
        passphrase = self.edit.text()
        if not passphrase:
            self.show_error(messages.UNLOCK_EMPTY)
            self.edit.setFocus()
            return
        self.set_busy(True)
        run_task(
            self.opener,
            self.data_dir,
            passphrase,
            on_success=self._opened,
            on_failure=self._failed,
        )

    def _opened(self, vault: Vault) -> None:
        self.set_busy(False)
        self.edit.clear()
        if not self.view.isVisible():  # dialog went away meanwhile: drop the key
            vault.close()
            return
        self.unlocked.emit(vault)
        self.view.accept()

    def _failed(self, exc: BaseException) -> None:
        from ips_reflect.store.errors import WrongPassphrase

        self.set_busy(False)
        if isinstance(exc, WrongPassphrase):  # the way back is the button right below
            self.show_error(messages.UNLOCK_WRONG_PASSPHRASE)
        else:
            self.show_error(_error_text(exc, messages.UNLOCK_UNEXPECTED))
        self.edit.selectAll()
        self.edit.setFocus()


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


class _NewPassphraseForm(_FormController):
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
        self.show_error(_error_text(exc, messages.SETUP_UNEXPECTED))
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
        self.show_error(_error_text(exc, messages.UNLOCK_UNEXPECTED))
        self.code_edit.selectAll()
        self.code_edit.setFocus()


# --------------------------------------------------------------------------- gate


def vault_exists(data_dir: Path) -> bool:
    from ips_reflect.store.vault import Vault

    return bool(Vault.exists(data_dir))


class VaultGate(QObject):
    """Shows set-up (first run) or unlock, and recovery on request.

    Emits ``unlocked(vault)`` once a vault is open, or ``cancelled`` when the
    person quits instead.
    """

    unlocked = Signal(object)
    cancelled = Signal()

    def __init__(self, data_dir: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.data_dir = data_dir
        self.parent_widget = parent
        self.dialog: QDialog | None = None
        self.controller: QObject | None = None
        self._ready: tuple[QDialog, UnlockController] | None = None

    def start(self) -> QDialog:
        if vault_exists(self.data_dir):
            return self.show_unlock()
        return self.show_setup()

    def _open(self, name: str) -> QDialog:
        dialog = load_ui(name, self.parent_widget)
        assert isinstance(dialog, QDialog)
        dialog.setWindowModality(Qt.WindowModality.ApplicationModal)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.dialog = dialog
        return dialog

    def _build(
        self, name: str, make: Any, on_rejected: Callable[[], object]
    ) -> tuple[QDialog, Any]:
        """Dialog ``name`` with its controller, wired to :attr:`unlocked`, not shown yet."""
        dialog = self._open(name)
        ctl = make(dialog, self.data_dir)
        ctl.unlocked.connect(self.unlocked.emit)
        dialog.rejected.connect(on_rejected)
        return dialog, ctl

    def _show(
        self, name: str, make: Any, focus: str, on_rejected: Callable[[], object]
    ) -> tuple[QDialog, Any]:
        """Open dialog ``name`` with its controller, wired to :attr:`unlocked`."""
        dialog, ctl = self._build(name, make, on_rejected)
        return self._present(dialog, ctl, focus)

    def _present(self, dialog: QDialog, ctl: Any, focus: str) -> tuple[QDialog, Any]:
        self.dialog, self.controller = dialog, ctl
        dialog.show()
        getattr(ctl, focus).setFocus()
        return dialog, ctl

    def prepare_unlock(self) -> None:
        """Build the unlock dialog now, hidden, so that a lock shows it at once (building
        it takes a few tens of milliseconds). It holds nothing secret."""
        if self._ready is None:
            dialog, ctl = self._build("unlock", UnlockController, self._rejected)
            ctl.recoveryRequested.connect(self._to_recovery)
            self._ready = (dialog, ctl)
            self.dialog = None

    def show_unlock(self) -> QDialog:
        if self._ready is not None and isValid(self._ready[0]):
            dialog, ctl = self._present(*self._ready, "edit")
            self._ready = None
            return dialog
        self._ready = None
        dialog, ctl = self._show("unlock", UnlockController, "edit", self._rejected)
        ctl.recoveryRequested.connect(self._to_recovery)
        return dialog

    def show_setup(self) -> QDialog:
        return self._show("setup", SetupController, "pass_edit", self._rejected)[0]

    def show_recovery(self) -> QDialog:
        return self._show("recover", RecoverController, "code_edit", self.show_unlock)[0]

    def _to_recovery(self) -> None:
        old = self.dialog
        if old is not None:
            old.rejected.disconnect(self._rejected)
            old.close()
        self.show_recovery()

    def _rejected(self) -> None:
        self.cancelled.emit()
