"""Import (all or nothing) and export (JSON, Markdown, PDF of a selection) of journal
entries, off the GUI thread, after the plain-text warning.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import QMessageBox, QProgressDialog

from ips_reflect import messages
from ips_reflect.errors import UserError
from ips_reflect.gui.pages.journal.base import PROGRESS_AFTER_MS, JournalBase, entries_word
from ips_reflect.gui.shell.workers import on_own_connection, run_task
from ips_reflect.gui.widgets import file_dialogs
from ips_reflect.gui.widgets.ask import confirm
from ips_reflect.ops.journal import export_file, import_file

if TYPE_CHECKING:
    from ips_reflect.store.vault import Vault


class ProgressRelay(QObject):
    """Lives on the GUI thread; a worker reports ``(done, total)`` through it."""

    progress = Signal(int, int)


class TransferPart(JournalBase):
    """Import and export."""

    # ------------------------------------------------------------------ import / export

    def import_json(self, path: str | Path | None = None) -> bool:
        """Ask for an entries file and add its entries (all or nothing), off the GUI thread."""
        if self.vault is None:
            return False
        if path is None:
            chosen = file_dialogs.open_file_name(
                self.view,
                file_dialogs.JOURNAL_IMPORT,
                messages.JOURNAL_IMPORT_TITLE,
                messages.JOURNAL_IMPORT_FILTER,
            )
            if not chosen:
                return False
            path = chosen
        vault = self.vault
        self._start_busy(messages.JOURNAL_IMPORTING, 0)
        run_task(
            on_own_connection(import_file),
            vault,
            Path(path),
            on_success=lambda result: self._imported(vault, result),
            on_failure=lambda exc: self._failed(
                "import", messages.JOURNAL_IMPORT_FAILED_TITLE, exc
            ),
        )
        return True

    def _imported(self, vault: Vault, result: Any) -> None:
        self._end_busy()
        if vault is not self.vault:
            return
        self.catalog.reload(vault.db)
        self._refill_dynamic_lists()
        self.apply_search()
        n, skipped = int(result.added), int(result.skipped)
        text = messages.JOURNAL_IMPORTED.format(n=n, entries=entries_word(n))
        if skipped:
            text += " " + messages.JOURNAL_IMPORT_SKIPPED.format(
                n=skipped, entries=entries_word(skipped), were="was" if skipped == 1 else "were"
            )
        self.statusMessage.emit(text)
        self.entriesChanged.emit()
        self.operationFinished.emit("import", True)

    def export(
        self, fmt: str, *, selection_only: bool = False, path: str | Path | None = None
    ) -> bool:
        """Export entries as ``"json"``, ``"md"`` or ``"pdf"`` (PDF: the selection).

        Warns that the file is not encrypted, asks where to save (unless ``path``),
        and writes off the GUI thread.
        """
        if self.vault is None:
            return False
        ids: list[int] | None = self.selected_ids() if selection_only or fmt == "pdf" else None
        if ids is not None and not ids:
            self._tell(messages.JOURNAL_EXPORT_TITLE, messages.JOURNAL_EXPORT_NOTHING)
            return False
        n = len(ids) if ids is not None else self.catalog.count()
        name = messages.JOURNAL_FORMAT_NAMES[fmt]
        if not confirm(
            self.view,
            messages.JOURNAL_PLAINTEXT_TITLE,
            messages.JOURNAL_PLAINTEXT_WARNING.format(n=n, entries=entries_word(n), format=name),
            QMessageBox.StandardButton.Ok,
            QMessageBox.StandardButton.Cancel,
            warning=True,
        ):
            return False
        if path is None:
            chosen = file_dialogs.save_file_name(
                self.view,
                file_dialogs.JOURNAL_EXPORT,
                messages.JOURNAL_EXPORT_TITLE,
                f"ips-reflect-entries-{date.today().isoformat()}.{fmt}",
                messages.JOURNAL_EXPORT_FILTERS[fmt],
            )
            if not chosen:
                return False
            path = chosen
        target = Path(path)
        if target.suffix.lower() != f".{fmt}":
            target = target.with_name(target.name + f".{fmt}")
        if not target.parent.is_dir():
            self._tell(
                messages.JOURNAL_EXPORT_FAILED_TITLE,
                messages.JOURNAL_EXPORT_NO_FOLDER.format(folder=target.parent),
            )
            return False
        self._start_busy(messages.JOURNAL_EXPORTING.format(format=name), n)
        relay = self._relay
        progress = relay.progress.emit if relay is not None else None
        run_task(
            on_own_connection(export_file),
            self.vault,
            ids,
            fmt,
            target,
            self.content,
            progress,
            on_success=lambda count: self._exported(target, int(count)),
            on_failure=lambda exc: self._failed(
                "export", messages.JOURNAL_EXPORT_FAILED_TITLE, exc
            ),
        )
        return True

    def _exported(self, path: Path, count: int) -> None:
        self._end_busy()
        self.statusMessage.emit(
            messages.JOURNAL_EXPORTED.format(n=count, entries=entries_word(count), file=path.name)
        )
        self.operationFinished.emit("export", True)

    def _failed(self, what: str, title: str, exc: BaseException) -> None:
        self._end_busy()
        if self.vault is None:
            self.operationFinished.emit(what, False)
            return
        if isinstance(exc, UserError):
            text = exc.message
            details = list(getattr(exc, "details", []) or [])
            if details:
                shown = details[:6]
                text += "\n\n" + "\n".join(f"• {d}" for d in shown)
                if len(details) > len(shown):
                    text += "\n" + messages.JOURNAL_MORE_PROBLEMS.format(
                        n=len(details) - len(shown)
                    )
        else:
            text = messages.JOURNAL_UNEXPECTED.format(kind=type(exc).__name__)
        self._tell(title, text)
        self.operationFinished.emit(what, False)

    def _start_busy(self, label: str, total: int) -> None:
        self._end_busy()
        dialog = QProgressDialog(label, "", 0, total, self.view)
        dialog.setObjectName("journalProgress")
        dialog.setWindowTitle(messages.JOURNAL_PROGRESS_TITLE)
        dialog.setAccessibleName(label)
        dialog.setCancelButton(None)
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.setMinimumDuration(PROGRESS_AFTER_MS)
        dialog.setAutoClose(False)
        dialog.setAutoReset(False)
        dialog.setValue(0)
        relay = ProgressRelay(self)
        relay.progress.connect(self._on_progress)
        self._busy, self._relay = dialog, relay  # the label is said once, in the dialog

    def _on_progress(self, done: int, total: int) -> None:
        if self._busy is not None and total > 0:
            self._busy.setMaximum(total)
            self._busy.setValue(min(done, total))

    def _end_busy(self) -> None:
        if self._busy is not None:
            self._busy.reset()
            self._busy.deleteLater()
        if self._relay is not None:
            self._relay.deleteLater()
        self._busy, self._relay = None, None
