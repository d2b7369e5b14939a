"""Export one entry (a check or a reflection) to a PDF from a flow page: the plaintext
warning, the file dialog, and the build off the GUI thread.
"""

from __future__ import annotations

import contextlib
from typing import Any

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QLabel, QPushButton, QWidget

from ips_reflect import messages
from ips_reflect.gui.widgets import file_dialogs
from ips_reflect.gui.widgets.ask import confirm


class PdfExporter(QObject):
    """Export one entry to a PDF: plaintext warning, file dialog, build off the GUI thread."""

    exported = Signal(str)  # the path written
    failed = Signal(str)  # a sentence saying what went wrong

    def __init__(
        self,
        parent_widget: QWidget,
        content: Any,
        status: QLabel,
        button: QPushButton,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.parent_widget = parent_widget
        self.content = content
        self.status = status
        self.button = button
        self.busy = False

    def export(self, entry: Any, plan: Any, stem: str) -> bool:
        """Ask and start; True if a PDF is being written."""
        from datetime import date

        from PySide6.QtWidgets import QMessageBox

        if self.busy:
            return False
        if not confirm(
            self.parent_widget,
            messages.FLOW_PDF_WARNING_TITLE,
            messages.FLOW_PDF_WARNING,
            QMessageBox.StandardButton.Ok,
            QMessageBox.StandardButton.Cancel,
            warning=True,
        ):
            return False
        path = file_dialogs.save_file_name(
            self.parent_widget,
            file_dialogs.ENTRY_PDF,
            messages.FLOW_PDF_SAVE_TITLE,
            f"{stem}-{date.today().isoformat()}.pdf",
            messages.FLOW_PDF_FILTER,
        )
        if not path:
            return False
        if not path.lower().endswith(".pdf"):
            path += ".pdf"
        self._start(entry, plan, path)
        return True

    def _start(self, entry: Any, plan: Any, path: str) -> None:
        from ips_reflect.export.entry_pdf import build_entry_pdf
        from ips_reflect.gui.shell.workers import run_task

        self.busy = True
        self.button.setEnabled(False)
        self.status.setText(messages.FLOW_PDF_WRITING)
        run_task(
            build_entry_pdf,
            entry,
            self.content,
            path,
            plan=plan,
            on_success=lambda _result: self._done(path),
            on_failure=self._failed,
        )

    def _finish(self) -> None:
        self.busy = False
        with contextlib.suppress(RuntimeError):  # the page went away meanwhile
            self.button.setEnabled(True)

    def _done(self, path: str) -> None:
        self._finish()
        with contextlib.suppress(RuntimeError):
            self.status.setText(messages.FLOW_PDF_DONE.format(file=path))
        self.exported.emit(path)

    def _failed(self, exc: BaseException) -> None:
        from ips_reflect.errors import UserError

        self._finish()
        text = (
            exc.message
            if isinstance(exc, UserError)
            else messages.FLOW_PDF_FAILED.format(problem=str(exc) or type(exc).__name__)
        )
        with contextlib.suppress(RuntimeError):
            self.status.setText(text)
        self.failed.emit(text)
