"""The Biography page: write a short "meet the team" biography, privacy-checked as you type.

The view is ``ui/biography.ui``; :class:`BiographyPage` is its controller.
Field labels, placeholders and help come from ``content/biography.yaml`` (ids
``bio.role``, ``bio.why``...). The answers feed :func:`draft_biography`, whose
draft lands in an editable text box with a live word count and reading-age hint.

The privacy guard (:func:`ips_reflect.core.privacy.scan`) runs 300 ms after the
last keystroke over every field, with the phrases the sharing plan keeps
private: findings are listed (what, where, what to do) and highlighted in the
text. Saving a bio card or a PDF is refused while anything is listed.

Everything is kept in the encrypted vault (``vault.biography``), saved on
request (Save, Ctrl+S) and automatically shortly after typing stops. The photo
is kept there as bytes and never written to disk, except beside a bio card the
person chooses to save. Locking (``set_vault(None)``) empties every field, the
preview and the undo history.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QDate, QObject, QSize, Qt
from PySide6.QtGui import QKeySequence, QPixmap, QShortcut, QTextCursor
from PySide6.QtWidgets import QLineEdit, QMessageBox, QWidget

from ips_reflect import messages
from ips_reflect.core.biocard import check_photo
from ips_reflect.core.biography import (
    MAX_WORDS,
    MIN_WORDS,
    draft_biography,
    reading_age,
    word_count,
)
from ips_reflect.core.bioprofile import bio_fields, clean_payload, parse_review_date, photo_mime
from ips_reflect.core.content import Content
from ips_reflect.errors import UserError
from ips_reflect.gui.pages.biography.form import ICON, PAGE_KEY, THUMB, BiographyForm
from ips_reflect.gui.pages.biography.guard import GuardPart
from ips_reflect.gui.pages.biography.outputs import OutputsPart
from ips_reflect.gui.shell.uiloader import load_ui
from ips_reflect.gui.widgets import file_dialogs
from ips_reflect.gui.widgets.ask import confirm

if TYPE_CHECKING:
    from ips_reflect.store.vault import Vault


class BiographyPage(GuardPart, OutputsPart, BiographyForm):
    """Controller of the Biography page: the guard and the outputs, built on the form."""

    def __init__(self, view: QWidget, content: Content, parent: QObject | None = None) -> None:
        super().__init__(view, content, parent)

        for widget in self.fields.values():
            widget.textChanged.connect(self._changed)
        self.bio_edit.textChanged.connect(self._update_count)
        self.consent_check.toggled.connect(self._changed)
        self.review_edit.dateChanged.connect(self._changed)
        self.template_combo.currentIndexChanged.connect(self._changed)
        self.draft_button.clicked.connect(self.draft)
        self.save_button.clicked.connect(self.save)
        self.save_card_button.clicked.connect(self.save_card)
        self.export_button.clicked.connect(self.export_pdf)
        self.choose_photo_button.clicked.connect(self.choose_photo)
        self.remove_photo_button.clicked.connect(self.remove_photo)
        self.guard_list.itemActivated.connect(self._go_to_finding)
        self.tabs.currentChanged.connect(self._on_tab)
        save_key = QShortcut(QKeySequence(QKeySequence.StandardKey.Save), view)
        save_key.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        save_key.activated.connect(self.save)

        self.splitter.setStretchFactor(0, 5)
        self.splitter.setStretchFactor(1, 6)
        self._fit_heights()
        self.set_vault(None)

    # ------------------------------------------------------------------ vault

    @property
    def vault(self) -> Any:
        return self._vault

    def set_vault(self, vault: Vault | None) -> None:
        """Show the biography of ``vault``; None (on lock) empties and disables the page."""
        if vault is not None and vault is self._vault:
            return
        if self._vault is not None and self._dirty:
            self.flush(quiet=True)  # the lead may call this before the vault closes
        for timer in (self._guard_timer, self._autosave_timer, self._preview_timer):
            timer.stop()
        self._vault = vault
        self._preview_generation += 1
        self._unreadable = False
        if vault is None:
            self.clear()
        else:
            try:
                bio = vault.biography.get()
            except Exception:
                # Fails closed: an empty form here would be saved over the stored one.
                bio = None
                self._unreadable = True
            self._load(bio)
        enabled = vault is not None and not self._unreadable
        self.splitter.setEnabled(enabled)
        self.locked_label.setVisible(not enabled)
        self.locked_label.setText(
            messages.BIO_UNREADABLE if self._unreadable else messages.BIO_LOCKED
        )

    def clear(self) -> None:
        """Empty every field, the photo, the preview, the findings and the undo history."""
        self._loading = True
        try:
            for widget in self.fields.values():
                if isinstance(widget, QLineEdit):
                    widget.setText("")  # setText also forgets the undo history
                else:
                    widget.setPlainText("")
                    widget.setExtraSelections([])
                    widget.document().clearUndoRedoStacks()
                self._mark(widget, False)
            self._photo = None
            self._photo_mime = None
            self._drafted = ""
            self.consent_check.setChecked(False)
            self.review_edit.setDate(self._default_review_date())
            self.template_combo.setCurrentIndex(0)
            self.tabs.setCurrentIndex(0)
        finally:
            self._loading = False
        self._dirty = False
        self._findings = []
        self.guard_list.clear()
        self.guard_summary.setText("")
        self.save_status.setText("")
        self.preview.clear("")
        self._show_photo()
        self._update_count()

    def _load(self, bio: Any) -> None:
        payload = clean_payload(bio.payload if bio is not None else None)
        self._loading = True
        try:
            for key, widget in self.fields.items():
                value = payload.get(key, "")
                text = "\n".join(value) if isinstance(value, list) else str(value or "")
                if isinstance(widget, QLineEdit):
                    widget.setText(text)
                else:
                    widget.setPlainText(text)
                    widget.document().clearUndoRedoStacks()
            self._drafted = str(payload.get("drafted") or "")
            template = payload.get("template") or "warm"
            index = self.template_combo.findData(template)
            self.template_combo.setCurrentIndex(max(0, index))
            self._photo = bio.photo if bio is not None else None
            self._photo_mime = bio.photo_mime if bio is not None else None
            self.consent_check.setChecked(bool(bio.consent) if bio is not None else False)
            review = parse_review_date(bio.review_date if bio is not None else None)
            self.review_edit.setDate(
                QDate(review.year, review.month, review.day)
                if review
                else self._default_review_date()
            )
        finally:
            self._loading = False
        self._dirty = False
        self.save_status.setText("")
        self._show_photo()
        self._update_count()
        self.run_guard()

    # ------------------------------------------------------------------ changes and saving

    def _changed(self, *_args: Any) -> None:
        if self._loading:
            return
        self._guard_timer.start()
        if self._vault is None:
            return
        self._dirty = True
        self.save_status.setText(messages.BIO_UNSAVED)
        self._autosave_timer.start()
        if self.tabs.currentWidget() is self.preview_tab:
            self._preview_timer.start()

    @property
    def dirty(self) -> bool:
        return self._dirty

    def save(self) -> bool:
        """Save the form in the vault now; False (with a sentence) if that failed."""
        return self.flush(force=True)

    def flush(self, force: bool = False, quiet: bool = False) -> bool:
        """Save if there are unsaved changes (or ``force``)."""
        from ips_reflect.store.records import Biography

        self._autosave_timer.stop()
        if self._unreadable:
            return False  # never over a biography that could not be read
        if self._vault is None or not (self._dirty or force):
            return self._vault is not None
        bio = Biography(
            payload=self.payload(),
            photo=self._photo,
            photo_mime=self._photo_mime if self._photo else None,
            consent=self.consent_check.isChecked(),
            review_date=self.review_date(),
        )
        try:
            self._vault.biography.save(bio)
        except Exception as exc:  # a closed or damaged vault: keep the text, say so
            if not quiet:
                reason = exc.message if isinstance(exc, UserError) else type(exc).__name__
                self.save_status.setText(messages.BIO_SAVE_FAILED.format(error=reason))
            return False
        self._dirty = False
        text = messages.BIO_SAVED.format(time=dt.datetime.now().strftime("%H:%M"))
        self.save_status.setText(text)  # said once, here (not in the status bar as well)
        self.saved.emit()
        return True

    # ------------------------------------------------------------------ drafting and counts

    def draft(self) -> None:
        """Fill the biography with a draft from the answers (asks before replacing edits)."""
        template = self.template_combo.currentData() or "warm"
        text = draft_biography(bio_fields(self.payload()), template)
        current = self.bio_edit.toPlainText().strip()
        if (
            current
            and current != self._drafted.strip()
            and not confirm(
                self.view,
                messages.BIO_DRAFT_REPLACE_TITLE,
                messages.BIO_DRAFT_REPLACE,
            )
        ):
            return
        self._drafted = text
        cursor = QTextCursor(self.bio_edit.document())
        cursor.beginEditBlock()  # one step for Ctrl+Z
        cursor.select(QTextCursor.SelectionType.Document)
        cursor.insertText(text)
        cursor.endEditBlock()
        self.bio_edit.moveCursor(QTextCursor.MoveOperation.Start)

    def _update_count(self) -> None:
        text = self.bio_edit.toPlainText()
        n = word_count(text)
        if n == 0:
            self.count_label.setText(messages.BIO_COUNT_EMPTY)
            state = "empty"
            target = messages.BIO_TARGET_SHORT
        else:
            hint = reading_age(text).hint
            self.count_label.setText(
                messages.BIO_COUNT.format(words=n, s="" if n == 1 else "s", hint=hint)
            )
            if n < MIN_WORDS:
                state, target = "short", messages.BIO_TARGET_SHORT
            elif n > MAX_WORDS:
                state, target = "long", messages.BIO_TARGET_LONG
            else:
                state, target = "ok", messages.BIO_TARGET_OK
        self.target_label.setText(target.format(low=MIN_WORDS, high=MAX_WORDS))
        for label in (self.count_label, self.target_label):
            label.setProperty("state", state)
            label.style().unpolish(label)
            label.style().polish(label)

    # ------------------------------------------------------------------ photo

    def choose_photo(self) -> None:
        chosen = file_dialogs.open_file_name(
            self.view,
            file_dialogs.BIO_PHOTO,
            messages.BIO_PHOTO_CHOOSE_TITLE,
            messages.BIO_PHOTO_FILTER,
        )
        if chosen:
            self.set_photo_file(Path(chosen))

    def set_photo_file(self, path: Path) -> bool:
        """Take the photo at ``path`` into the page (and the vault on save)."""
        problem = check_photo(path)
        data = b""
        if problem is None:
            try:
                data = path.read_bytes()
            except OSError as exc:
                problem = str(exc.strerror or exc)
        mime = photo_mime(data) if data else None
        if problem is None and mime is None:
            problem = messages.BIO_PHOTO_NOT_IMAGE
        if problem is not None:
            QMessageBox.warning(
                self.view,
                messages.BIO_PHOTO_BAD_TITLE,
                messages.BIO_PHOTO_BAD.format(reason=problem),
            )
            return False
        self._photo, self._photo_mime = data, mime
        self._show_photo()
        self.statusMessage.emit(messages.BIO_PHOTO_ADDED)
        self._changed()
        return True

    def remove_photo(self) -> None:
        self._photo = None
        self._photo_mime = None
        self._show_photo()
        self._changed()

    @property
    def photo(self) -> bytes | None:
        return self._photo

    def _show_photo(self) -> None:
        pixmap = QPixmap()
        if self._photo and pixmap.loadFromData(self._photo):
            ratio = self.photo_label.devicePixelRatioF() or 1.0
            side = round(THUMB * ratio)
            scaled = pixmap.scaled(
                QSize(side, side),
                Qt.AspectRatioMode.KeepAspectRatioByExpanding,
                Qt.TransformationMode.SmoothTransformation,
            )
            x = (scaled.width() - side) // 2
            y = max(0, round((scaled.height() - side) * 0.35))
            thumb = scaled.copy(x, y, side, side)
            thumb.setDevicePixelRatio(ratio)
            self.photo_label.setPixmap(thumb)
            self.photo_label.setAccessibleDescription(messages.BIO_PHOTO_KEPT)
            self.remove_photo_button.setEnabled(True)
        else:
            self.photo_label.setPixmap(QPixmap())
            self.photo_label.setText(messages.BIO_PHOTO_NONE)
            self.photo_label.setAccessibleDescription(messages.BIO_PHOTO_NONE)
            self.remove_photo_button.setEnabled(False)

    # ------------------------------------------------------------------ look

    def refresh(self) -> None:
        """Redraw after a theme or text size change."""
        self.preview.apply_theme()
        self._fit_heights()
        self._show_photo()
        if self._vault is not None:
            self.run_guard()


def create_page(content: Content) -> tuple[str, str, QWidget, BiographyPage, str]:
    """The Biography page, ready to add to the main window: (key, title, view, controller, icon)."""
    view = load_ui("biography")
    controller = BiographyPage(view, content)
    return PAGE_KEY, messages.BIO_PAGE_NAME, view, controller, ICON
