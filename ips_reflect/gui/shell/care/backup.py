"""Vault > Back up now and Vault > Check the vault.

Both start their job as soon as the dialog opens, on a worker with its own connection
to the vault (so the pages stay usable), show a busy bar with a sentence, and end with
a result in words.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtWidgets import QFileDialog, QLabel, QPushButton, QWidget

from ips_reflect import messages
from ips_reflect.gui.shell.care.base import (
    CareDialog,
    backup_file_dialog,
    entries_words,
    human_size,
)
from ips_reflect.gui.shell.uiloader import find_child
from ips_reflect.gui.shell.workers import on_own_connection
from ips_reflect.gui.widgets import file_dialogs
from ips_reflect.ops import vault_care
from ips_reflect.store import backup as backup_mod

if TYPE_CHECKING:
    from ips_reflect.gui.shell.session import VaultSession
    from ips_reflect.ops.vault_care import BackupInfo, CheckResult


class _VaultJobDialog(CareDialog):
    """A dialog whose jobs run on their own connection to the session's vault."""

    def __init__(self, session: VaultSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.close_button = find_child(self.view, QPushButton, "closeButton")
        self.close_button.clicked.connect(self.view.accept)

    def run_on_vault(
        self,
        fn: Callable[..., Any],
        *args: Any,
        words: str,
        on_success: Callable[[Any], None],
    ) -> bool:
        vault = self.session.vault
        if vault is None:
            self.show_error(messages.VAULT_LOCKED)
            return False
        self.run(on_own_connection(fn), vault, *args, on_success=on_success, words=words)
        return True


class BackUpDialog(_VaultJobDialog):
    ui_name = "care_backup"

    def __init__(self, session: VaultSession, keep: int, parent: QWidget | None = None) -> None:
        super().__init__(session, parent)
        self.keep = keep
        self.save_copy_button = find_child(self.view, QPushButton, "saveCopyButton")
        self.save_copy_button.clicked.connect(self.save_copy)
        self.save_copy_button.setEnabled(False)
        self.inputs = [self.close_button]
        self.file_dialog: QFileDialog | None = None
        self.made: BackupInfo | None = None

    def start(self) -> None:
        self.save_copy_button.setEnabled(False)
        self.run_on_vault(
            vault_care.back_up_now, self.keep, words=messages.CARE_BACKING_UP, on_success=self._made
        )

    def _made(self, info: BackupInfo) -> None:
        self.made = info
        self.show_result(
            messages.CARE_BACKUP_DONE.format(
                file=info.path, size=human_size(info.size), entries=entries_words(info.entries)
            )
        )
        self.save_copy_button.setEnabled(True)
        self.save_copy_button.setFocus()

    def save_copy(self) -> QFileDialog:
        """Qt's own save dialog (not the system's) for where the copy goes."""
        name = self.made.path.name if self.made is not None else backup_mod.backup_name()
        self.file_dialog = backup_file_dialog(
            self.view,
            messages.CARE_SAVE_COPY_TITLE,
            file_dialogs.start_in(file_dialogs.BACKUP_COPY, name),
            "saveBackupCopyDialog",
            file_dialogs.remembering(file_dialogs.BACKUP_COPY, self.copy_to),
            save=True,
        )
        return self.file_dialog

    def copy_to(self, name: str) -> None:
        dest = Path(name)
        if dest.suffix != backup_mod.BACKUP_SUFFIX:
            dest = dest.with_name(dest.name + backup_mod.BACKUP_SUFFIX)
        self.inputs = [self.close_button, self.save_copy_button]
        self.run_on_vault(
            vault_care.back_up_to, dest, words=messages.CARE_SAVING_COPY, on_success=self._copied
        )

    def _copied(self, path: Path) -> None:
        self.show_result(messages.CARE_COPY_SAVED.format(file=path))


class CheckVaultDialog(_VaultJobDialog):
    ui_name = "care_check"

    def __init__(self, session: VaultSession, parent: QWidget | None = None) -> None:
        super().__init__(session, parent)
        self.again_button = find_child(self.view, QPushButton, "againButton")
        self.problems_label = find_child(self.view, QLabel, "problemsLabel")
        self.problems_label.setVisible(False)
        self.again_button.clicked.connect(self.start)
        self.inputs = [self.again_button, self.close_button]
        self.result: CheckResult | None = None

    def start(self) -> None:
        self._say(self.problems_label, "")
        self.run_on_vault(
            vault_care.check_vault, words=messages.CARE_CHECKING, on_success=self._checked
        )

    def _checked(self, result: CheckResult) -> None:
        self.result = result
        self.show_result(result.summary)
        self._say(self.problems_label, "\n".join(f"• {p}" for p in result.problems))
        self.close_button.setFocus()
