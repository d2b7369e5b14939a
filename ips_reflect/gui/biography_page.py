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
import io
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import shiboken6
from PySide6.QtCore import QDate, QObject, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QKeySequence, QPixmap, QShortcut, QTextCharFormat, QTextCursor
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QFileDialog,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QSplitter,
    QTabWidget,
    QTextEdit,
    QWidget,
)
from shiboken6 import isValid

from ips_reflect import messages
from ips_reflect.core import privacy
from ips_reflect.core.biocard import BioCard, check_card, check_photo, name_sort_key
from ips_reflect.core.biography import (
    MAX_WORDS,
    MIN_WORDS,
    TEMPLATES,
    draft_biography,
    reading_age,
    word_count,
)
from ips_reflect.core.bioprofile import (
    LIST_KEYS,
    bio_fields,
    card_from_payload,
    clean_payload,
    parse_review_date,
    photo_mime,
    plan_blocked_phrases,
    split_lines,
)
from ips_reflect.core.content import Content
from ips_reflect.errors import UserError
from ips_reflect.gui.pdf_preview import PdfPreview, build_pdf_locked, install_preview
from ips_reflect.gui.theme import current_theme
from ips_reflect.gui.uiloader import find_child, load_ui
from ips_reflect.gui.workers import debounce_timer, run_task

PAGE_KEY = "biography"
ICON = "biography"
GUARD_DELAY_MS = 300
AUTOSAVE_DELAY_MS = 1500
PREVIEW_DELAY_MS = 600
THUMB = 96

# Form fields: payload key -> kind. Line fields are QLineEdit, the rest QPlainTextEdit.
LINE_FIELDS = ("role", "pronouns", "years", "fav_film", "fav_tv", "fav_book", "fav_music")
TEXT_FIELDS = ("why", "demographics")
FORM_FIELDS = (
    "role",
    "pronouns",
    "years",
    "why",
    "previous_jobs",
    "sectors",
    "languages",
    "interests",
    "happy_to_share",
    "demographics",
    "likes",
    "dislikes",
    "fav_film",
    "fav_tv",
    "fav_book",
    "fav_music",
)
_LINES = {"why": 3, "demographics": 2}
_LIST_LINES = 3

TextWidget = QLineEdit | QPlainTextEdit


@dataclass(frozen=True)
class GuardFinding:
    """One privacy finding in one field of the form."""

    key: str  # payload key ("biography", "role"...)
    field: str  # the field's label as people read it
    finding: privacy.Finding

    @property
    def sentence(self) -> str:
        advice = privacy.advice(self.finding.kind)
        return messages.BIO_GUARD_ITEM.format(
            field=self.field, message=self.finding.message, advice=advice[:1].upper() + advice[1:]
        )


def utf16_index(text: str, index: int) -> int:
    """A Python string index as Qt counts it (UTF-16 code units)."""
    return len(text[:index].encode("utf-16-le")) // 2


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


class BiographyPage(QObject):
    """Controller of the Biography page; see the module docstring."""

    statusMessage = Signal(str)  # a sentence for the main window's status bar
    saved = Signal()  # the biography was saved in the vault
    guardChecked = Signal(int)  # number of privacy findings after a check
    exported = Signal(str)  # path of a bio card or PDF just written
    previewReady = Signal(int)  # pages in the preview just shown

    def __init__(self, view: QWidget, content: Content, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.view = view
        self.content = content
        self._vault: Any = None
        self._photo: bytes | None = None
        self._photo_mime: str | None = None
        self._drafted = ""
        self._loading = False
        self._dirty = False
        self._findings: list[GuardFinding] = []
        self._has_plan = False
        self._unreadable = False  # the stored biography could not be read
        self._plan_error = ""
        self._preview_generation = 0
        self._preview_running = False
        self._exporting = False

        self.name_edit = find_child(view, QLineEdit, "nameEdit")
        self.fields: dict[str, TextWidget] = {"name": self.name_edit}
        for key in FORM_FIELDS:
            cls: type[TextWidget] = QLineEdit if key in LINE_FIELDS else QPlainTextEdit
            self.fields[key] = find_child(view, cls, f"field_{key}")
        self.bio_edit = find_child(view, QPlainTextEdit, "biographyEdit")
        self.service_edit = find_child(view, QLineEdit, "serviceEdit")
        self.fields["biography"] = self.bio_edit
        self.fields["service"] = self.service_edit

        self.splitter = find_child(view, QSplitter, "bioSplitter")
        self.locked_label = find_child(view, QLabel, "lockedLabel")
        self.scroll = find_child(view, QScrollArea, "fieldsScroll")
        self.write_scroll = find_child(view, QScrollArea, "writeScroll")
        self.tabs = find_child(view, QTabWidget, "bioTabs")
        self.preview_tab = find_child(view, QWidget, "previewTab")
        self.template_combo = find_child(view, QComboBox, "templateCombo")
        self.draft_button = find_child(view, QPushButton, "draftButton")
        self.count_label = find_child(view, QLabel, "countLabel")
        self.target_label = find_child(view, QLabel, "targetLabel")
        self.guard_summary = find_child(view, QLabel, "guardSummary")
        self.guard_list = find_child(view, QListWidget, "guardList")
        self.consent_check = find_child(view, QCheckBox, "consentCheck")
        self.review_edit = find_child(view, QDateEdit, "reviewDateEdit")
        self.photo_label = find_child(view, QLabel, "photoLabel")
        self.choose_photo_button = find_child(view, QPushButton, "choosePhotoButton")
        self.remove_photo_button = find_child(view, QPushButton, "removePhotoButton")
        self.save_status = find_child(view, QLabel, "saveStatusLabel")
        self.save_button = find_child(view, QPushButton, "saveButton")
        self.save_card_button = find_child(view, QPushButton, "saveCardButton")
        self.export_button = find_child(view, QPushButton, "exportPdfButton")
        self.preview: PdfPreview = install_preview(
            find_child(view, QWidget, "previewHost"), messages.BIO_PREVIEW_NAME
        )

        self.labels: dict[str, str] = {
            "name": messages.BIO_NAME_LABEL,
            "biography": messages.BIO_BIOGRAPHY_LABEL,
            "service": messages.BIO_SERVICE_LABEL,
        }
        self._apply_content()
        for key, template_help in TEMPLATES.items():
            self.template_combo.addItem(messages.BIO_TEMPLATE_NAMES.get(key, key), key)
            self.template_combo.setItemData(
                self.template_combo.count() - 1, template_help, Qt.ItemDataRole.ToolTipRole
            )
        self.review_edit.setDate(self._default_review_date())

        self._guard_timer = self._timer(GUARD_DELAY_MS, self.run_guard)
        self._autosave_timer = self._timer(AUTOSAVE_DELAY_MS, self.flush)
        self._preview_timer = self._timer(PREVIEW_DELAY_MS, self.update_preview)

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

    # ------------------------------------------------------------------ set-up

    def _timer(self, ms: int, slot: Any) -> QTimer:
        return debounce_timer(self.view, ms, slot)

    def _apply_content(self) -> None:
        """Labels, placeholders and help from content/biography.yaml."""
        for key in FORM_FIELDS:
            widget = self.fields[key]
            label = find_child(self.view, QLabel, f"label_{key}")
            help_label = find_child(self.view, QLabel, f"help_{key}")
            item = self.content.get(f"bio.{key}")
            if item is None:
                self.labels[key] = label.text()
                help_label.setVisible(bool(help_label.text()))
                continue
            self.labels[key] = item.label
            label.setText(item.label)
            widget.setAccessibleName(item.label)
            widget.setAccessibleDescription(item.help)
            placeholder = item.text
            if key in LIST_KEYS:
                placeholder = messages.BIO_LIST_HINT.format(text=item.text)
            widget.setPlaceholderText(placeholder)
            help_label.setText(item.help)
            help_label.setVisible(bool(item.help))

    def _fit_heights(self) -> None:
        """Multi-line fields a few lines high, whatever the text size."""
        for key in FORM_FIELDS:
            widget = self.fields[key]
            if isinstance(widget, QPlainTextEdit):
                lines = _LINES.get(key, _LIST_LINES)
                line = widget.fontMetrics().lineSpacing()
                margin = int(widget.document().documentMargin() * 2) + widget.frameWidth() * 2
                height = line * lines + margin + 12
                widget.setMinimumHeight(height)
                widget.setMaximumHeight(height)
        self._fit_guard_list()
        self.bio_edit.setMinimumHeight(self.bio_edit.fontMetrics().lineSpacing() * 7)

    @staticmethod
    def _default_review_date() -> QDate:
        return QDate.currentDate().addYears(1)

    # ------------------------------------------------------------------ vault

    @property
    def vault(self) -> Any:
        return self._vault

    def set_vault(self, vault: Any) -> None:
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

    # ------------------------------------------------------------------ form <-> payload

    @staticmethod
    def _text(widget: TextWidget) -> str:
        return widget.text() if isinstance(widget, QLineEdit) else widget.toPlainText()

    def payload(self) -> dict[str, Any]:
        """The form as the vault stores it (see :mod:`ips_reflect.core.bioprofile`)."""
        out: dict[str, Any] = {}
        for key, widget in self.fields.items():
            text = self._text(widget)
            out[key] = split_lines(text) if key in LIST_KEYS else text
        out["template"] = self.template_combo.currentData() or "warm"
        out["drafted"] = self._drafted
        return out

    def review_date(self) -> str:
        return self.review_edit.date().toString(Qt.DateFormat.ISODate)

    def card(self) -> BioCard:
        """The bio card for what the form holds now (no photo path: the photo is in memory)."""
        return card_from_payload(
            self.payload(),
            consent=self.consent_check.isChecked(),
            review_date=self.review_date(),
        )

    def set_field(self, key: str, text: str) -> None:
        """Replace one field's text (for tests and scripts); list fields take lines."""
        widget = self.fields[key]
        if isinstance(widget, QLineEdit):
            widget.setText(text)
        else:
            widget.setPlainText(text)

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
        self.save_status.setText(text)
        if force:
            self.statusMessage.emit(text)
        self.saved.emit()
        return True

    # ------------------------------------------------------------------ drafting and counts

    def draft(self) -> None:
        """Fill the biography with a draft from the answers (asks before replacing edits)."""
        template = self.template_combo.currentData() or "warm"
        text = draft_biography(bio_fields(self.payload()), template)
        current = self.bio_edit.toPlainText().strip()
        if current and current != self._drafted.strip():
            answer = QMessageBox.question(
                self.view,
                messages.BIO_DRAFT_REPLACE_TITLE,
                messages.BIO_DRAFT_REPLACE,
                QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
                QMessageBox.StandardButton.No,
            )
            if answer != QMessageBox.StandardButton.Yes:
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

    # ------------------------------------------------------------------ privacy guard

    def blocked_phrases(self) -> list[str]:
        """What the sharing plan keeps private (read fresh: the plan may have changed).

        A plan that cannot be read is remembered in :attr:`plan_error` (shown on
        the page; cards and PDFs are refused), never taken for "nothing to check".
        """
        self._plan_error = ""
        if self._vault is None:
            self._has_plan = False
            return []
        try:
            plan = self._vault.plans.latest()
            blocked = plan_blocked_phrases(plan)
        except Exception:  # unreadable or damaged: fail closed
            self._has_plan = True
            self._plan_error = messages.BIO_PLAN_UNREADABLE
            return []
        self._has_plan = plan is not None
        return blocked

    @property
    def plan_error(self) -> str:
        """Why the sharing plan could not be read at the last check ("" when it could)."""
        return self._plan_error

    @property
    def findings(self) -> list[GuardFinding]:
        return list(self._findings)

    def run_guard(self) -> list[GuardFinding]:
        """Scan every field now; list and highlight what was found."""
        if not all(shiboken6.isValid(w) for w in self.fields.values()):
            return []  # the page is being taken down; nothing left to scan
        self._guard_timer.stop()
        blocked = self.blocked_phrases()
        found: list[GuardFinding] = []
        for key, widget in self.fields.items():
            text = self._text(widget)
            hits = privacy.scan(text, blocked) if text.strip() else []
            found += [GuardFinding(key, self.labels.get(key, key), f) for f in hits]
            self._highlight(widget, text, hits)
        self._findings = found
        self._show_findings()
        self.guardChecked.emit(len(found))
        return found

    def _highlight_format(self) -> QTextCharFormat:
        colour = current_theme().color("warning_sign")
        background = QColor(colour)
        background.setAlpha(60)
        fmt = QTextCharFormat()
        fmt.setBackground(background)
        fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.SingleUnderline)
        fmt.setUnderlineColor(colour)
        return fmt

    def _highlight(self, widget: TextWidget, text: str, hits: list[privacy.Finding]) -> None:
        if isinstance(widget, QPlainTextEdit):
            fmt = self._highlight_format()
            selections = []
            for f in hits:
                cursor = QTextCursor(widget.document())
                cursor.setPosition(utf16_index(text, f.start))
                cursor.setPosition(utf16_index(text, f.end), QTextCursor.MoveMode.KeepAnchor)
                sel = QTextEdit.ExtraSelection()
                sel.cursor = cursor
                sel.format = fmt
                selections.append(sel)
            widget.setExtraSelections(selections)
        self._mark(widget, bool(hits), "; ".join(f.message for f in hits))

    @staticmethod
    def _mark(widget: QWidget, found: bool, tip: str = "") -> None:
        if bool(widget.property("privacy")) != found:
            widget.setProperty("privacy", found)
            widget.style().unpolish(widget)
            widget.style().polish(widget)
        widget.setToolTip(tip)

    def _show_findings(self) -> None:
        self.guard_list.clear()
        n = len(self._findings)
        problem = bool(n) or bool(self._plan_error)
        if self._plan_error and self._vault is not None:
            text = messages.BIO_GUARD_PLAN_UNREADABLE
            if n:
                text += " " + messages.BIO_GUARD_FOUND.format(n=n, s="" if n == 1 else "s")
            self.guard_summary.setText(text)
        elif n:
            self.guard_summary.setText(
                messages.BIO_GUARD_FOUND.format(n=n, s="" if n == 1 else "s")
            )
        elif self._vault is not None:
            text = messages.BIO_GUARD_CLEAR
            if not self._has_plan:
                text = f"{text} {messages.BIO_GUARD_NO_PLAN}"
            self.guard_summary.setText(text)
        else:
            self.guard_summary.setText("")
        self.guard_summary.setProperty("state", "problem" if problem else "ok")
        self.guard_summary.style().unpolish(self.guard_summary)
        self.guard_summary.style().polish(self.guard_summary)
        for i, f in enumerate(self._findings):
            item = QListWidgetItem(f.sentence)
            item.setData(Qt.ItemDataRole.UserRole, i)
            item.setToolTip(f.sentence)
            self.guard_list.addItem(item)
        self.guard_list.setVisible(bool(n))
        self._fit_guard_list()

    def _fit_guard_list(self) -> None:
        """As tall as its lines (up to about six), so no empty box sits under one finding."""
        frame = self.guard_list.frameWidth() * 2 + 8
        line = self.guard_list.fontMetrics().lineSpacing()
        rows = sum(
            max(self.guard_list.sizeHintForRow(r), 0) for r in range(self.guard_list.count())
        )
        least, most = line * 2 + 10 + frame, line * 6 + frame
        self.guard_list.setFixedHeight(max(min(rows + frame, most), least))

    def _go_to_finding(self, item: QListWidgetItem) -> None:
        index = item.data(Qt.ItemDataRole.UserRole)
        if not isinstance(index, int) or not 0 <= index < len(self._findings):
            return
        found = self._findings[index]
        widget = self.fields[found.key]
        text = self._text(widget)
        start, end = utf16_index(text, found.finding.start), utf16_index(text, found.finding.end)
        if widget is self.bio_edit or widget is self.service_edit:
            self.tabs.setCurrentIndex(0)
            self.write_scroll.ensureWidgetVisible(widget)
        else:
            self.scroll.ensureWidgetVisible(widget)
        widget.setFocus(Qt.FocusReason.OtherFocusReason)
        if isinstance(widget, QLineEdit):
            widget.setSelection(start, end - start)
        else:
            cursor = widget.textCursor()
            cursor.setPosition(start)
            cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
            widget.setTextCursor(cursor)
            widget.ensureCursorVisible()

    # ------------------------------------------------------------------ photo

    def choose_photo(self) -> None:
        chosen, _filter = QFileDialog.getOpenFileName(
            self.view, messages.BIO_PHOTO_CHOOSE_TITLE, str(Path.home()), messages.BIO_PHOTO_FILTER
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

    def _refuse(self, what: str, problems: list[str]) -> None:
        n = len(problems)
        box_text = messages.BIO_REFUSED.format(what=what, n=n, s="" if n == 1 else "s")
        details = "\n".join(f"• {p[:1].upper()}{p[1:]}" for p in problems)
        QMessageBox.warning(self.view, messages.BIO_REFUSED_TITLE, f"{box_text}\n\n{details}")

    def _save_name(self, title: str, suffix: str, file_filter: str) -> Path | None:
        stem = file_slug(self.name_edit.text())
        start = Path.home() / f"{stem}{suffix}"
        chosen, _filter = QFileDialog.getSaveFileName(self.view, title, str(start), file_filter)
        if not chosen:
            return None
        out = Path(chosen)
        wanted = (".yaml", ".yml") if suffix == ".yaml" else (suffix,)
        if out.suffix.lower() not in wanted:
            out = out.with_name(out.name + suffix)
        return out

    def save_card(self) -> Path | None:
        """Write the bio card (and its photo beside it) after the guard allows it."""
        problems = self.problems()
        if self._refused_for_plan():
            return None
        if problems:
            self._refuse(messages.BIO_WHAT_CARD, problems)
            return None
        if not self.consent_check.isChecked():
            answer = QMessageBox.question(
                self.view,
                messages.BIO_NO_CONSENT_TITLE,
                messages.BIO_NO_CONSENT,
                QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
                QMessageBox.StandardButton.No,
            )
            if answer != QMessageBox.StandardButton.Yes:
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
        self.statusMessage.emit(text)
        QMessageBox.information(self.view, messages.BIO_SHARED_TITLE, text)
        self.exported.emit(str(out))
        return out

    def export_pdf(self) -> Path | None:
        """Write the one-page biography PDF on a worker, after the guard allows it."""
        if self._exporting:
            return None
        problems = self.problems()
        if self._refused_for_plan():
            return None
        if problems:
            self._refuse(messages.BIO_WHAT_PDF, problems)
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
            self.statusMessage.emit(text)
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

    @property
    def alive(self) -> bool:
        """False once the view is gone (a worker may finish after the window closed)."""
        return isValid(self.view) and isValid(self.preview)

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

    # ------------------------------------------------------------------ look

    def refresh(self) -> None:
        """Redraw after a theme or text size change."""
        self.preview.apply_theme()
        self._fit_heights()
        self._show_photo()
        if self._vault is not None:
            self.run_guard()


def create_biography_page(content: Content) -> tuple[str, str, QWidget, BiographyPage, str]:
    """The Biography page, ready to add to the main window: (key, title, view, controller, icon)."""
    view = load_ui("biography")
    controller = BiographyPage(view, content)
    return PAGE_KEY, messages.BIO_PAGE_NAME, view, controller, ICON
