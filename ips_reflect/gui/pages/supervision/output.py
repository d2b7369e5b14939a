"""What leaves the Supervision page: the presenter view on a shared screen, and the
session summary, supervision pack, group pack and signed record as PDFs (built on a
worker thread and written atomically).
"""

from __future__ import annotations

import contextlib
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from shiboken6 import isValid

from ips_reflect import messages
from ips_reflect.core.content import Content
from ips_reflect.errors import UserError
from ips_reflect.gui.pages.supervision.base import SupervisionBase
from ips_reflect.gui.pages.supervision.data import consented_entries, session_heading
from ips_reflect.gui.pages.supervision.presenter import PresenterDialog, build_slides
from ips_reflect.gui.shell.workers import run_task
from ips_reflect.gui.widgets import file_dialogs
from ips_reflect.gui.widgets.pdf_preview import build_pdf_locked

# --------------------------------------------------------------------------- the PDFs (worker)


def write_supervision_pdf(kind: str, out: Path, content: Content, data: Any) -> Path:
    """Build one PDF and write it atomically (runs on a worker thread; no widgets).

    ``kind``: "summary" (``data`` is an :class:`ops.supervision.SummaryInput`),
    "pack" (a :class:`ops.supervision.PackInput`, a group pack or not) or "record" (the
    signed record, a :class:`core.exchange_record.SessionRecord`)."""
    from ips_reflect.fileio import atomic_write_bytes
    from ips_reflect.ops import exchange
    from ips_reflect.ops import supervision as ops

    if kind == "record":
        pdf = exchange.record_pdf(data)
    elif kind == "summary":
        pdf = ops.summary_pdf(data, content)
    else:
        pdf = ops.pack_pdf(data, content)
    atomic_write_bytes(out, pdf)
    return out


class OutputPart(SupervisionBase):
    """The presenter view and the PDFs."""

    # ------------------------------------------------------------------ presenter

    def present(self) -> PresenterDialog | None:
        """Open the presenter view on this session's agenda (consented items only)."""
        if self.vault is None or self.session is None:
            return None
        self._save_pending()
        self._load_agenda(self._current_row())
        slides = build_slides(
            self.items,
            self.entries,
            self.content,
            heading=session_heading(self.session),
            comments=self.item_comments,
            commenter=self.commenter(),
        )
        dialog = self.presenter if self.presenter is not None and isValid(self.presenter) else None
        if dialog is None:
            dialog = PresenterDialog(slides, self.view)
            dialog.discussedToggled.connect(self._on_presenter_discussed)
            dialog.closed.connect(self._on_presenter_closed)
            self.presenter = dialog
        else:
            dialog.set_slides(slides)
        dialog.show()
        dialog.raise_()
        dialog.activateWindow()
        dialog.setFocus(Qt.FocusReason.OtherFocusReason)
        self._say(messages.SUPV_PRESENT_OPENED)
        self.presenterOpened.emit(dialog)
        return dialog

    def _update_presenter(self) -> None:
        if self.presenter is None or not isValid(self.presenter) or self.session is None:
            return
        self.presenter.set_slides(
            build_slides(
                self.items,
                self.entries,
                self.content,
                heading=session_heading(self.session),
                comments=self.item_comments,
                commenter=self.commenter(),
            )
        )

    def _on_presenter_discussed(self, row: int, discussed: bool) -> None:
        self.set_discussed(row, discussed)

    def _on_presenter_closed(self) -> None:
        dialog = self.presenter
        self.presenter = None
        if dialog is not None and isValid(dialog):
            dialog.slides = []
            dialog.body.clear()
            dialog.deleteLater()
        if isValid(self.view) and self.view.isVisible():
            self.view.window().activateWindow()  # keys go back to the main window
            self.present_button.setFocus(Qt.FocusReason.OtherFocusReason)

    def close_presenter(self) -> None:
        dialog = self.presenter
        self.presenter = None
        if dialog is not None and isValid(dialog):
            with contextlib.suppress(Exception):
                dialog.closed.disconnect(self._on_presenter_closed)
            dialog.clear()
            dialog.deleteLater()

    # ------------------------------------------------------------------ PDFs

    def _ask_path(self, title: str, name: str) -> Path | None:
        chosen = file_dialogs.save_file_name(
            self.view, file_dialogs.SUPERVISION_PDF, title, name, messages.SUPV_PDF_FILTER
        )
        if not chosen:
            return None
        out = Path(chosen)
        if out.suffix.lower() != ".pdf":
            out = out.with_name(out.name + ".pdf")
        return out

    def save_summary_pdf(self) -> bool:
        """Ask where, then write the chosen session's summary as a PDF (on a worker)."""
        if self.vault is None or self.session is None or self._busy:
            return False
        self._save_pending()
        self._load_agenda(self._current_row())
        out = self._ask_path(
            messages.SUPV_SUMMARY_SAVE_TITLE, f"supervision-{self.session.held_on}.pdf"
        )
        if out is None:
            return False
        from ips_reflect.ops import supervision as ops

        return self._start_pdf(
            "summary", out, ops.summary_input(self.vault, self.content, self.session)
        )

    def save_pack_pdf(self, group: bool = False) -> bool:
        """Ask where, then write the marked entries as a PDF (aliases removed for a group)."""
        if self.vault is None or self._busy:
            return False
        entries = consented_entries(self.vault)
        if not entries:
            self._say(messages.SUPV_PACK_EMPTY)
            return False
        from ips_reflect.ops import supervision as ops

        out = self._ask_path(
            messages.SUPV_GROUP_SAVE_TITLE if group else messages.SUPV_PACK_SAVE_TITLE,
            "supervision-group-pack.pdf" if group else "supervision-pack.pdf",
        )
        if out is None:
            return False
        try:
            # Fails closed: without every alias, no group pack is built at all.
            data = ops.pack_input(self.vault, group=group)
        except UserError as exc:
            self._say(messages.SUPV_PDF_FAILED.format(error=exc.message))
            self.pdfFailed.emit(exc.message)
            return False
        return self._start_pdf("pack", out, data)

    def _start_pdf(self, kind: str, out: Path, data: Any) -> bool:
        self._set_busy(True)

        def done(path: Any) -> None:
            if not isValid(self.view):
                return
            self._set_busy(False)
            text = messages.SUPV_PDF_SAVED.format(file=path)
            self._say(text)
            self.pdfSaved.emit(str(path))

        def failed(exc: BaseException) -> None:
            if not isValid(self.view):
                return
            self._set_busy(False)
            reason = exc.message if isinstance(exc, UserError) else str(exc) or type(exc).__name__
            text = messages.SUPV_PDF_FAILED.format(error=reason)
            self._say(text)
            self.pdfFailed.emit(text)

        def finished() -> None:
            if isValid(self.view):
                self._set_busy(False)

        run_task(
            build_pdf_locked,
            write_supervision_pdf,
            kind,
            out,
            self.content,
            data,
            on_success=done,
            on_failure=failed,
            on_finished=finished,
        )
        self._say(messages.SUPV_PDF_BUILDING)
        return True

    def _set_busy(self, busy: bool) -> None:
        self._busy = busy
        self.progress.setVisible(busy)
        self._update_buttons()
