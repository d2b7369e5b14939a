"""What leaves the Biography page once the guard allows it: the bio card (with its photo
beside it), the one-page PDF (written on a worker), and the preview built in memory.
"""

from __future__ import annotations

import io
import re
from pathlib import Path
from typing import Any

from PySide6.QtWidgets import QMessageBox

from ips_reflect import messages
from ips_reflect.core.biocard import BioCard, check_card, name_sort_key
from ips_reflect.errors import UserError
from ips_reflect.gui.pages.biography.form import BiographyForm
from ips_reflect.gui.shell.workers import run_task
from ips_reflect.gui.widgets import file_dialogs
from ips_reflect.gui.widgets.ask import confirm
from ips_reflect.gui.widgets.pdf_preview import build_pdf_locked


def file_slug(name: str, fallback: str = "my-biography") -> str:
    """A tidy file name stem from a person's name: "Zoë Hartley" -> "zoe-hartley"."""
    slug = re.sub(r"[^a-z0-9]+", "-", name_sort_key(name)).strip("-")
    return slug[:60] or fallback


def bio_pdf_bytes(card: BioCard, service: str | None, photo: bytes | None) -> bytes:
    """The one-page biography PDF as bytes (for the preview: nothing touches the disk)."""
    from ips_reflect.export.bio_pdf import build_bio_pdf

    buf = io.BytesIO()
    build_bio_pdf(card, buf, service=service, photo_data=photo)
    return buf.getvalue()


class OutputsPart(BiographyForm):
    """The bio card, the PDF and the preview."""

    # ------------------------------------------------------------------ outputs

    def problems(self) -> list[str]:
        """Why the card or PDF cannot be shared now: an unreadable plan, privacy findings,
        then card rules."""
        found = [f.sentence for f in self.run_guard()]
        plan = [self._plan_error] if self._plan_error else []
        return plan + found + check_card(self.card(), privacy_guard=False)

    def _refused_for_plan(self) -> bool:
        """Say so and return True when the plan could not be read (the guard fails closed)."""
        if not self._plan_error:
            return False
        QMessageBox.warning(self.view, messages.BIO_PLAN_UNREADABLE_TITLE, self._plan_error)
        return True

    def _refused(self, what: str) -> bool:
        """Say why and return True when the guard does not let ``what`` be shared."""
        problems = self.problems()
        if self._refused_for_plan():
            return True
        if problems:
            self._refuse(what, problems)
            return True
        return False

    def _refuse(self, what: str, problems: list[str]) -> None:
        n = len(problems)
        box_text = messages.BIO_REFUSED.format(what=what, n=n, s="" if n == 1 else "s")
        details = "\n".join(f"• {p[:1].upper()}{p[1:]}" for p in problems)
        QMessageBox.warning(self.view, messages.BIO_REFUSED_TITLE, f"{box_text}\n\n{details}")

    def _save_name(self, title: str, suffix: str, file_filter: str) -> Path | None:
        stem = file_slug(self.name_edit.text())
        chosen = file_dialogs.save_file_name(
            self.view, file_dialogs.BIO_SAVE, title, f"{stem}{suffix}", file_filter
        )
        if not chosen:
            return None
        out = Path(chosen)
        wanted = (".yaml", ".yml") if suffix == ".yaml" else (suffix,)
        if out.suffix.lower() not in wanted:
            out = out.with_name(out.name + suffix)
        return out

    def save_card(self) -> Path | None:
        """Write the bio card (and its photo beside it) after the guard allows it."""
        if self._refused(messages.BIO_WHAT_CARD):
            return None
        if not self.consent_check.isChecked() and not confirm(
            self.view,
            messages.BIO_NO_CONSENT_TITLE,
            messages.BIO_NO_CONSENT,
        ):
            return None
        out = self._save_name(messages.BIO_CARD_SAVE_TITLE, ".yaml", messages.BIO_CARD_FILTER)
        if out is None:
            return None
        from ips_reflect.ops import bio as ops

        try:
            photo_path = ops.write_card(
                self.card(),
                out,
                blocked=self.blocked_phrases(),
                photo=self._photo,
                mime=self._photo_mime,
            )
        except (OSError, UserError) as exc:
            reason = exc.message if isinstance(exc, UserError) else str(exc.strerror or exc)
            QMessageBox.warning(
                self.view,
                messages.BIO_EXPORT_FAILED_TITLE,
                messages.BIO_EXPORT_FAILED.format(error=reason),
            )
            return None
        part = messages.BIO_CARD_PHOTO_PART.format(photo=photo_path.name) if photo_path else ""
        text = messages.BIO_CARD_WRITTEN.format(file=out, photo=part)
        QMessageBox.information(self.view, messages.BIO_SHARED_TITLE, text)
        self.exported.emit(str(out))
        return out

    def export_pdf(self) -> Path | None:
        """Write the one-page biography PDF on a worker, after the guard allows it."""
        if self._exporting:
            return None
        if self._refused(messages.BIO_WHAT_PDF):
            return None
        out = self._save_name(messages.BIO_PDF_SAVE_TITLE, ".pdf", messages.BIO_PDF_FILTER)
        if out is None:
            return None
        from ips_reflect.ops import bio as ops

        blocked = self.blocked_phrases()
        self._set_exporting(True)

        def done(_result: Any) -> None:
            if not self.alive:
                return
            text = messages.BIO_PDF_WRITTEN.format(file=out)
            self.save_status.setText(messages.BIO_CLI_WROTE_PDF.format(file=out.name))
            QMessageBox.information(self.view, messages.BIO_SHARED_TITLE, text)
            self.exported.emit(str(out))

        def failed(exc: BaseException) -> None:
            if not self.alive:
                return
            reason = exc.message if isinstance(exc, UserError) else type(exc).__name__
            QMessageBox.warning(
                self.view,
                messages.BIO_EXPORT_FAILED_TITLE,
                messages.BIO_EXPORT_FAILED.format(error=reason),
            )

        run_task(
            build_pdf_locked,
            ops.write_pdf,
            self.card(),
            out,
            blocked=blocked,
            service=" ".join(self.service_edit.text().split()) or None,
            photo=self._photo,
            on_success=done,
            on_failure=failed,
            on_finished=lambda: self._set_exporting(False),
        )
        return out

    def _set_exporting(self, busy: bool) -> None:
        self._exporting = busy
        if not self.alive:
            return
        self.export_button.setEnabled(not busy)
        if busy:
            self.save_status.setText(messages.BIO_PDF_BUILDING)
        elif self.save_status.text() == messages.BIO_PDF_BUILDING:
            self.save_status.setText("")

    # ------------------------------------------------------------------ preview

    def _on_tab(self, _index: int) -> None:
        if self.tabs.currentWidget() is self.preview_tab:
            self.update_preview()

    def update_preview(self) -> None:
        """Build the biography PDF in memory (on a worker) and show it in the Preview tab."""
        self._preview_timer.stop()
        if self._vault is None:
            return
        self._preview_generation += 1
        card = self.card()
        if not (card.name or card.role or card.biography):
            self.preview.clear(messages.BIO_PREVIEW_EMPTY)
            return
        if self._preview_running:
            return  # the running build's finish starts a fresh one
        self._preview_running = True
        generation = self._preview_generation
        service = " ".join(self.service_edit.text().split()) or None
        self.preview.set_busy(True)

        def done(data: bytes) -> None:
            current = generation == self._preview_generation
            if current and self._vault is not None and self.alive:
                self.previewReady.emit(self.preview.load_bytes(data))

        def failed(exc: BaseException) -> None:
            if generation == self._preview_generation and self.alive:
                self.preview.clear(messages.BIO_PREVIEW_FAILED.format(error=type(exc).__name__))

        def finished() -> None:
            self._preview_running = False
            if not self.alive:
                return
            self.preview.set_busy(False)
            if generation != self._preview_generation and self._vault is not None:
                self.update_preview()

        run_task(
            build_pdf_locked,
            bio_pdf_bytes,
            card,
            service,
            self._photo,
            on_success=done,
            on_failure=failed,
            on_finished=finished,
        )
