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

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtWidgets import (
    QDialog,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QWidget,
)
from shiboken6 import isValid

from ips_reflect.errors import UserError
from ips_reflect.gui.shell.uiloader import find_child, load_ui
from ips_reflect.gui.shell.workers import run_task
from ips_reflect.gui.widgets.dialog_fit import DialogFit

if TYPE_CHECKING:
    from ips_reflect.store.vault import Vault


def error_text(exc: BaseException, template: str) -> str:
    if isinstance(exc, UserError):
        return exc.message
    return template.format(error=type(exc).__name__)


class FormController(QObject):
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
            from PySide6.QtCore import Qt

            self.view.setCursor(Qt.CursorShape.BusyCursor)
        else:
            self.view.unsetCursor()


# --------------------------------------------------------------------------- unlock


def _default_unlock(data_dir: Path, passphrase: str) -> Any:
    from ips_reflect.store.vault import Vault

    return Vault.unlock(data_dir, passphrase)


class UnlockController(FormController):
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
            from ips_reflect import messages  # not before the window shows: start-up time

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

    #: After this long opening, the dialog says why it may take a while (ms).
    SLOW_MS = 2500

    def set_busy(self, busy: bool) -> None:
        super().set_busy(busy)
        if not hasattr(self, "_slow"):  # the timer dies with the dialog (its parent's)
            self._slow = QTimer(self)
            self._slow.setSingleShot(True)
            self._slow.timeout.connect(self._still_opening)
            self._intro_text: str | None = None
        intro = self.view.findChild(QLabel, "introLabel")
        if busy:
            self._slow.start(self.SLOW_MS)
        else:
            self._slow.stop()
            if intro is not None and self._intro_text is not None:
                intro.setText(self._intro_text)
            self._intro_text = None

    def _still_opening(self) -> None:
        """Still opening: after an update the vault may be upgrading its indexes once."""
        from ips_reflect import messages

        intro = self.view.findChild(QLabel, "introLabel")
        if intro is not None:
            self._intro_text = intro.text()
            intro.setText(messages.UNLOCK_STILL_OPENING)

    def _opened(self, vault: Vault) -> None:
        self.set_busy(False)
        self.edit.clear()
        if not self.view.isVisible():  # dialog went away meanwhile: drop the key
            vault.close()
            return
        self.unlocked.emit(vault)
        self.view.accept()

    def _failed(self, exc: BaseException) -> None:
        from ips_reflect import messages
        from ips_reflect.store.errors import WrongPassphrase

        self.set_busy(False)
        if isinstance(exc, WrongPassphrase):  # the way back is the button right below
            self.show_error(messages.UNLOCK_WRONG_PASSPHRASE)
        else:
            self.show_error(error_text(exc, messages.UNLOCK_UNEXPECTED))
        self.edit.selectAll()
        self.edit.setFocus()


# --------------------------------------------------------------------------- gate


def vault_exists(data_dir: Path) -> bool:
    from ips_reflect.store.files import vault_exists as exists

    return exists(data_dir)


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
        # Application-modal (set in the .ui file) and deleted once closed, without
        # touching a Qt enumeration before it shows (see GateDialog).
        dialog.delete_on_close = True  # type: ignore[attr-defined]
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
        from ips_reflect.gui.shell.gate_forms import SetupController

        return self._show("setup", SetupController, "pass_edit", self._rejected)[0]

    def show_recovery(self) -> QDialog:
        from ips_reflect.gui.shell.gate_forms import RecoverController

        return self._show("recover", RecoverController, "code_edit", self.show_unlock)[0]

    def _to_recovery(self) -> None:
        old = self.dialog
        if old is not None:
            old.rejected.disconnect(self._rejected)
            old.close()
        self.show_recovery()

    def _rejected(self) -> None:
        self.cancelled.emit()
