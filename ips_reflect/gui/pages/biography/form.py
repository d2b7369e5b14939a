"""The Biography page's form: its fields, labels and help from the content, its signals
and timers, and the form as the vault stores it (:class:`BiographyForm`).

The page is one controller, :class:`~ips_reflect.gui.pages.biography.page.BiographyPage`,
put together from parts: the privacy guard (:mod:`~ips_reflect.gui.pages.biography.guard`)
and what leaves the page, the bio card, the PDF and the preview
(:mod:`~ips_reflect.gui.pages.biography.outputs`). Methods one part calls on another are
declared here for the type checker.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QDate, QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QLabel,
    QLineEdit,
    QListWidget,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QSplitter,
    QTabWidget,
    QWidget,
)

from ips_reflect import messages
from ips_reflect.core.biocard import BioCard
from ips_reflect.core.biography import TEMPLATES
from ips_reflect.core.bioprofile import LIST_KEYS, card_from_payload, split_lines
from ips_reflect.core.content import Content
from ips_reflect.gui.shell.uiloader import find_child
from ips_reflect.gui.widgets.debounce import debounce_timer
from ips_reflect.gui.widgets.pdf_preview import PreviewPage, install_preview
from ips_reflect.gui.widgets.row_wrap import wrap_rows

if TYPE_CHECKING:
    from ips_reflect.gui.pages.biography.guard import GuardFinding
    from ips_reflect.store.vault import Vault


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


class BiographyForm(PreviewPage):
    """Signals, widgets and state of the Biography page; see the module docstring."""

    statusMessage = Signal(str)  # a sentence for the main window's status bar
    saved = Signal()  # the biography was saved in the vault
    guardChecked = Signal(int)  # number of privacy findings after a check
    exported = Signal(str)  # path of a bio card or PDF just written
    previewReady = Signal(int)  # pages in the preview just shown

    def __init__(self, view: QWidget, content: Content, parent: QObject | None = None) -> None:
        super().__init__(view, content, parent)
        self._vault: Vault | None = None
        self._photo: bytes | None = None
        self._photo_mime: str | None = None
        self._drafted = ""
        self._loading = False
        self._dirty = False
        self._findings: list[GuardFinding] = []
        self._has_plan = False
        self._unreadable = False  # the stored biography could not be read
        self._plan_error = ""
        self.preview = install_preview(view, messages.BIO_PREVIEW_NAME)
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
        # As wide as its row allows, not as its longest choice (the list shows them whole).
        self.template_combo.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.template_combo.setMinimumContentsLength(12)
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
        self.wrappers = wrap_rows(view, "templateRow", "reviewRow")  # wraps at large text sizes

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

    if TYPE_CHECKING:  # the parts' methods that other parts call

        def flush(self, force: bool = False, quiet: bool = False) -> bool: ...

        def run_guard(self) -> list[GuardFinding]: ...

        def blocked_phrases(self) -> list[str]: ...

        def _fit_guard_list(self) -> None: ...

        def update_preview(self) -> None: ...
