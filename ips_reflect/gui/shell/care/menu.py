"""The main window's Vault menu: looking after the vault without the command line.

:class:`VaultMenu` finds the six actions of ``menuVault`` in the window's view and
opens one small dialog for each (see the other modules of this package). The actions
work only while the vault is unlocked; locking closes any of these dialogs except one
showing a new recovery code, which stays until the code is confirmed.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

from PySide6.QtCore import QObject, QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QWidget

from ips_reflect import messages
from ips_reflect.gui.shell.care.backup import BackUpDialog, CheckVaultDialog
from ips_reflect.gui.shell.care.base import CareDialog
from ips_reflect.gui.shell.care.restore import RestoreDialog
from ips_reflect.gui.shell.care.secrets import ChangePassphraseDialog, NewRecoveryCodeDialog

if TYPE_CHECKING:
    from PySide6.QtGui import QAction

    from ips_reflect.gui.shell.main_window import MainWindow
    from ips_reflect.gui.shell.session import VaultSession

D = TypeVar("D", bound=CareDialog)
#: Dialogs that end with a sentence for the status bar, and dialogs that start working
#: as they open.
Telling = TypeVar("Telling", ChangePassphraseDialog, NewRecoveryCodeDialog)
Working = TypeVar("Working", BackUpDialog, CheckVaultDialog)

#: The Vault menu's actions (objectNames in ``ui/main_window.ui``), in menu order.
ACTIONS = (
    "actionChangePassphrase",
    "actionNewRecoveryCode",
    "actionBackUpNow",
    "actionRestore",
    "actionCheckVault",
    "actionOpenDataFolder",
)


class VaultMenu(QObject):
    """Controller of the Vault menu; see the module docstring."""

    #: A backup whose secret was checked (a :class:`RestoreRequest`); the app shell
    #: locks, restores it and asks to unlock.
    restoreRequested = Signal(object)

    def __init__(
        self,
        window: MainWindow,
        session: VaultSession,
        data_dir: Path,
        keep: int,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.window = window
        self.session = session
        self.data_dir = Path(data_dir)
        self.keep = keep
        self.actions: dict[str, QAction] = {name: window.action(name) for name in ACTIONS}
        self.dialogs: dict[str, CareDialog] = {}
        slots: dict[str, Callable[[], object]] = {
            "actionChangePassphrase": self.change_passphrase,
            "actionNewRecoveryCode": self.new_recovery_code,
            "actionBackUpNow": self.back_up_now,
            "actionRestore": self.restore,
            "actionCheckVault": self.check_vault,
            "actionOpenDataFolder": self.open_data_folder,
        }
        for name, slot in slots.items():
            self.actions[name].triggered.connect(lambda _checked=False, s=slot: s())
        session.unlocked.connect(lambda _vault: self._enable(True))
        session.locked.connect(self._locked)
        self._enable(session.is_unlocked)

    # -- state

    def _enable(self, on: bool) -> None:
        for action in self.actions.values():
            action.setEnabled(on)

    def _locked(self, _reason: str = "") -> None:
        self._enable(False)
        for dialog in list(self.dialogs.values()):
            if dialog.is_open and dialog.closable:
                dialog.close()

    def _open(self, kind: str, make: Callable[[], D]) -> D | None:
        """The dialog of ``kind``: the one already open (brought forward), or a new one
        made by ``make``; None while the vault is locked."""
        if not self.session.is_unlocked:
            return None
        old = self.dialogs.get(kind)
        if old is not None and old.is_open:
            old.view.raise_()
            old.view.activateWindow()
            return old  # type: ignore[return-value]
        dialog = make()
        self.dialogs[kind] = dialog
        dialog.view.destroyed.connect(lambda _obj=None, k=kind, d=dialog: self._forget(k, d))
        dialog.open()
        return dialog

    def _forget(self, kind: str, dialog: CareDialog) -> None:
        if self.dialogs.get(kind) is dialog:
            del self.dialogs[kind]

    # -- the actions

    def change_passphrase(self) -> ChangePassphraseDialog | None:
        return self._open(
            "passphrase", lambda: self._telling(ChangePassphraseDialog(self.session, self._parent))
        )

    def new_recovery_code(self) -> NewRecoveryCodeDialog | None:
        return self._open(
            "recovery", lambda: self._telling(NewRecoveryCodeDialog(self.session, self._parent))
        )

    def back_up_now(self) -> BackUpDialog | None:
        return self._open(
            "backup", lambda: _started(BackUpDialog(self.session, self.keep, self._parent))
        )

    def restore(self) -> RestoreDialog | None:
        return self._open("restore", self._make_restore)

    def check_vault(self) -> CheckVaultDialog | None:
        return self._open("check", lambda: _started(CheckVaultDialog(self.session, self._parent)))

    @property
    def _parent(self) -> QWidget:
        return self.window.view

    def _telling(self, dialog: Telling) -> Telling:
        """``dialog``, whose closing sentence goes to the status bar."""
        dialog.done.connect(self.window.show_status)
        return dialog

    def _make_restore(self) -> RestoreDialog:
        dialog = RestoreDialog(self.data_dir, self._parent)
        dialog.restoreRequested.connect(self.restoreRequested.emit)
        return dialog

    def open_data_folder(self) -> bool:
        """Show the data folder in the system's file browser; its path in the status
        bar when there is none."""
        folder = QUrl.fromLocalFile(str(self.data_dir))
        opened = folder.isLocalFile() and QDesktopServices.openUrl(folder)
        if not opened:
            self.window.show_status(messages.CARE_FOLDER_NOT_OPENED.format(folder=self.data_dir))
        return bool(opened)


def _started(dialog: Working) -> Working:
    """``dialog``, its work started as it opens (back up, check)."""
    dialog.start()
    return dialog
