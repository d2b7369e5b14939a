"""Vault > Restore from a backup….

The person picks a backup (the automatic ones in the data folder, newest first, or
any ``.ipsbackup`` file), types the passphrase it was made with (or that time's
recovery code), and reads in plain words what will happen. A worker then checks the
secret opens the backup, changing nothing. Only then is :attr:`RestoreDialog.restoreRequested`
emitted with a :class:`RestoreRequest`; locking, restoring and unlocking again are the
app shell's job.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from PySide6.QtCore import QItemSelection, Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QFileDialog,
    QLabel,
    QLineEdit,
    QPushButton,
    QStackedWidget,
    QTableView,
    QWidget,
)

from ips_reflect import messages
from ips_reflect.gui.shell.care.base import (
    CareDialog,
    backup_file_dialog,
    entries_words,
    human_size,
)
from ips_reflect.gui.shell.uiloader import find_child
from ips_reflect.gui.widgets import file_dialogs
from ips_reflect.gui.widgets.drafts import short_date
from ips_reflect.gui.widgets.models import RowTableModel, show_rows
from ips_reflect.ops import vault_care
from ips_reflect.ops.vault_care import BackupInfo
from ips_reflect.store import backup as backup_mod


@dataclass(frozen=True)
class RestoreRequest:
    """A backup whose secret has been checked, to restore in place of the vault.
    Exactly one of ``passphrase`` and ``recovery_code`` is set."""

    path: Path
    passphrase: str | None
    recovery_code: str | None

    def __repr__(self) -> str:  # never show the secret in a log or a traceback
        return f"RestoreRequest(path={str(self.path)!r}, secret=<hidden>)"


def check_secret(path: Path, passphrase: str | None, recovery_code: str | None) -> None:
    """Raise a UserError (with a sentence) unless the secret opens the backup; writes
    nothing."""
    backup = backup_mod.read_backup(path)
    backup_mod.unlock_backup(backup, passphrase=passphrase, recovery_code=recovery_code)


def backup_date(info: BackupInfo) -> str:
    return short_date(info.created) if info.created else messages.CARE_DATE_UNKNOWN


class BackupTableModel(RowTableModel):
    """The backups found, one a row: when made, size, entries. Unreadable rows are
    listed (so they can be tidied away) but cannot be chosen."""

    columns = (
        messages.CARE_COLUMN_CREATED,
        messages.CARE_COLUMN_SIZE,
        messages.CARE_COLUMN_ENTRIES,
    )

    def cell(self, row: Any, column: int) -> str:
        info: BackupInfo = row
        if column == 0:
            return backup_date(info) if info.readable else info.path.name
        if column == 1:
            return human_size(info.size)
        if not info.readable:
            return messages.CARE_UNREADABLE
        return messages.CARE_ENTRIES_NOT_RECORDED if info.entries is None else str(info.entries)

    def tooltip(self, row: Any, column: int) -> str | None:
        return str(row.path)

    def flags(self, index: Any) -> Qt.ItemFlag:
        row = self.row_at(index.row()) if index.isValid() else None
        if row is None or not row.readable:
            return Qt.ItemFlag.NoItemFlags
        return self.item_flags


class RestoreDialog(CareDialog):
    ui_name = "care_restore"
    restoreRequested = Signal(object)  # a RestoreRequest

    def __init__(self, data_dir: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.data_dir = Path(data_dir)
        view = self.view
        self.stack = find_child(view, QStackedWidget, "stack")
        self.choose_page = find_child(view, QWidget, "choosePage")
        self.confirm_page = find_child(view, QWidget, "confirmPage")
        self.heading = find_child(view, QLabel, "headingLabel")
        self.table = find_child(view, QTableView, "backupTable")
        self.listed_label = find_child(view, QLabel, "listedLabel")
        self.chosen_label = find_child(view, QLabel, "chosenLabel")
        self.choose_file_button = find_child(view, QPushButton, "chooseFileButton")
        self.secret_label = find_child(view, QLabel, "secretLabel")
        self.secret_edit = find_child(view, QLineEdit, "secretEdit")
        self.use_code_check = find_child(view, QCheckBox, "useCodeCheck")
        self.cancel_button = find_child(view, QPushButton, "cancelButton")
        self.next_button = find_child(view, QPushButton, "nextButton")
        self.confirm_label = find_child(view, QLabel, "confirmLabel")
        self.back_button = find_child(view, QPushButton, "backButton")
        self.restore_button = find_child(view, QPushButton, "restoreButton")
        self.inputs = [self.back_button, self.restore_button]
        self._choose_heading = self.heading.text()
        self.file_dialog: QFileDialog | None = None
        self.chosen: BackupInfo | None = None

        self.model = BackupTableModel(self)
        show_rows(self.table, self.model, stretch=(0,), header_name=messages.CARE_COLUMN_CREATED)
        self.table.selectionModel().selectionChanged.connect(self._table_chosen)
        self.choose_file_button.clicked.connect(self.choose_file)
        self.use_code_check.toggled.connect(self._use_code)
        self.cancel_button.clicked.connect(view.reject)
        self.next_button.clicked.connect(self.next)
        self.secret_edit.returnPressed.connect(self.next)
        self.back_button.clicked.connect(self.back)
        self.restore_button.clicked.connect(self.submit)
        self.chosen_label.setVisible(False)
        self.show_page(self.choose_page)
        self.refresh()

    # -- choosing

    def refresh(self) -> None:
        backups = vault_care.list_backups(self.data_dir)
        self.model.set_rows(backups)
        folder = vault_care.backups_folder(self.data_dir)
        if backups:
            count = f"{len(backups)} {'backup' if len(backups) == 1 else 'backups'}"
            text = messages.CARE_RESTORE_LISTED.format(count=count, folder=folder)
        else:
            text = messages.CARE_RESTORE_NONE
        self.listed_label.setText(text)
        self.listed_label.setAccessibleDescription(text)
        first = self.model.row_where(lambda info: info.readable)
        if first >= 0:
            self.table.selectRow(first)
            self.table.setCurrentIndex(self.model.index(first, 0))

    def _table_chosen(self, _selected: QItemSelection, _deselected: QItemSelection) -> None:
        rows = self.table.selectionModel().selectedRows()
        info = self.model.row_at(rows[0].row()) if rows else None
        if info is not None and info.readable:
            self._choose(info, from_table=True)

    def _choose(self, info: BackupInfo, from_table: bool) -> None:
        self.chosen = info
        self.show_error("")
        if from_table:
            self.chosen_label.setVisible(False)
            return
        self.table.clearSelection()
        text = messages.CARE_RESTORE_CHOSEN.format(file=info.path)
        self.chosen_label.setText(text)
        self.chosen_label.setAccessibleDescription(text)
        self.chosen_label.setVisible(True)
        self.fit()

    def choose_file(self) -> QFileDialog:
        """A file dialog (Qt's own, not the system's) for any ``.ipsbackup`` file."""
        self.file_dialog = backup_file_dialog(
            self.view,
            messages.CARE_RESTORE_CHOOSE_TITLE,
            file_dialogs.start_in(file_dialogs.BACKUP_RESTORE),
            "chooseBackupFileDialog",
            file_dialogs.remembering(file_dialogs.BACKUP_RESTORE, self.file_chosen),
            save=False,
        )
        return self.file_dialog

    def file_chosen(self, name: str) -> None:
        info = vault_care.describe_backup(Path(name))
        if not info.readable:
            self.show_error(messages.CARE_RESTORE_UNREADABLE)
            return
        self._choose(info, from_table=False)
        self.secret_edit.setFocus()

    def _use_code(self, code: bool) -> None:
        label = messages.CARE_RESTORE_CODE_LABEL if code else messages.CARE_RESTORE_PASSPHRASE_LABEL
        self.secret_label.setText(label)
        self.secret_edit.setAccessibleName(label.replace("&", ""))
        mode = QLineEdit.EchoMode.Normal if code else QLineEdit.EchoMode.Password
        self.secret_edit.setEchoMode(mode)

    # -- confirming

    def next(self) -> None:
        if self.busy:
            return
        if self.chosen is None:
            self.show_error(messages.CARE_RESTORE_PICK)
            self.table.setFocus()
            return
        if not self.secret_edit.text().strip():
            code = self.use_code_check.isChecked()
            self.show_error(
                messages.CARE_RESTORE_CODE_EMPTY if code else messages.CARE_RESTORE_PASSPHRASE_EMPTY
            )
            self.secret_edit.setFocus()
            return
        info = self.chosen
        text = messages.CARE_RESTORE_CONFIRM.format(
            date=backup_date(info),
            entries=entries_words(info.entries),
            folder=self.data_dir,
        )
        self.confirm_label.setText(text)
        self.confirm_label.setAccessibleDescription(text)
        self.heading.setText(messages.CARE_RESTORE_CONFIRM_HEADING)
        self.show_error("")
        self.show_page(self.confirm_page)
        self.restore_button.setFocus()

    def back(self) -> None:
        if self.busy:
            return
        self.heading.setText(self._choose_heading)
        self.show_page(self.choose_page)
        self.secret_edit.setFocus()

    def submit(self) -> None:
        if self.busy or self.chosen is None or self.stack.currentWidget() is not self.confirm_page:
            return
        secret = self.secret_edit.text().strip()
        code = self.use_code_check.isChecked()
        request = RestoreRequest(
            self.chosen.path, None if code else secret, secret if code else None
        )
        self.run(
            check_secret,
            request.path,
            request.passphrase,
            request.recovery_code,
            on_success=lambda _none: self._checked(request),
            on_failure=self._refused,
            words=messages.CARE_RESTORE_CHECKING,
        )

    def _checked(self, request: RestoreRequest) -> None:
        self.secret_edit.clear()
        self.close()
        self.restoreRequested.emit(request)

    def _refused(self, exc: BaseException) -> None:
        self.back()
        self.failed(exc)
        self.secret_edit.selectAll()
        self.secret_edit.setFocus()
