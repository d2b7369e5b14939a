"""What every Vault menu dialog shares: its ``.ui`` file, an error line, a busy bar,
a result sentence, and slow work on a worker thread.

Each dialog is a :class:`~ips_reflect.gui.shell.views.GateDialog` built from
``ui/care_*.ui`` and driven by a :class:`CareDialog` subclass. The work itself (key
derivation, copying the database) runs through :func:`run_task`; while it runs the
inputs are disabled, the busy bar shows and the dialog refuses to close. A failure
comes back as an exception and is told in words, never as a traceback.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QDialog,
    QFileDialog,
    QLabel,
    QLineEdit,
    QProgressBar,
    QScrollArea,
    QStackedWidget,
    QStyle,
    QWidget,
)

from ips_reflect import messages
from ips_reflect.errors import UserError
from ips_reflect.gui.shell.gate_forms import RecoveryCodePage
from ips_reflect.gui.shell.uiloader import find_child, load_ui
from ips_reflect.gui.shell.workers import run_task
from ips_reflect.store.backup import BACKUP_SUFFIX

_UNITS = ("bytes", "KB", "MB", "GB", "TB")
#: Room kept for the window's title bar and frame when the dialog fits the screen.
_WINDOW_FRAME = 60


def human_size(size: int) -> str:
    """``2.4 MB``: a file size a person reads at a glance (1 KB = 1024 bytes)."""
    value = float(max(size, 0))
    unit = 0
    while value >= 1024 and unit < len(_UNITS) - 1:
        value /= 1024
        unit += 1
    if unit == 0:
        return f"{int(value)} {'byte' if int(value) == 1 else 'bytes'}"
    return f"{value:.1f} {_UNITS[unit]}" if value < 10 else f"{value:.0f} {_UNITS[unit]}"


def entries_words(entries: int | None) -> str:
    if entries is None:
        return f"{messages.CARE_COLUMN_ENTRIES.lower()} {messages.CARE_ENTRIES_NOT_RECORDED}"
    return f"{entries} {'entry' if entries == 1 else 'entries'}"


def error_text(exc: BaseException) -> str:
    """The sentence to show for a failed job: its own for a UserError, else a plain one."""
    if isinstance(exc, UserError):
        return exc.message
    return messages.CARE_UNEXPECTED.format(error=type(exc).__name__)


def open_view(name: str, parent: QWidget | None) -> QDialog:
    """Build ``ui/<name>.ui`` as a window-modal dialog over ``parent``, deleted on close."""
    dialog = load_ui(name, parent)
    if not isinstance(dialog, QDialog):
        raise TypeError(f"ui/{name}.ui is not a dialog")
    dialog.setWindowFlag(Qt.WindowType.Dialog)
    dialog.setWindowModality(Qt.WindowModality.WindowModal)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    return dialog


class CareDialog(QObject):
    """Controller of one Vault menu dialog; see the module docstring.

    Subclasses name their ``.ui`` file in :attr:`ui_name`, fill :attr:`inputs` with the
    controls to disable while a job runs, and call :meth:`run`.
    """

    ui_name = ""

    def __init__(self, parent: QWidget | None = None) -> None:
        self.view = open_view(self.ui_name, parent)
        super().__init__(self.view)
        self.error_label: QLabel = find_child(self.view, QLabel, "errorLabel")
        self.busy_bar: QProgressBar = find_child(self.view, QProgressBar, "busyBar")
        self.busy_label: QLabel | None = self.view.findChild(QLabel, "busyLabel")
        self.result_label: QLabel | None = self.view.findChild(QLabel, "resultLabel")
        self.scroll: QScrollArea = find_child(self.view, QScrollArea, "scrollArea")
        self.contents: QWidget = find_child(self.view, QWidget, "scrollContents")
        self.inputs: list[QWidget] = []
        self.busy = False
        self._fitted = False
        self.pages: list[QWidget] = []  # of the stack, if any (see show_page)
        self.show_error("")
        self.busy_bar.setVisible(False)
        if self.busy_label is not None:
            self.busy_label.setVisible(False)
        if self.result_label is not None:
            self.result_label.setVisible(False)

    # -- showing

    def open(self) -> QDialog:
        self.view.open()
        self.view.activateWindow()  # keys go to the dialog, not the window behind it
        self.fit()  # once shown: hidden pages only count towards the size then
        return self.view

    @property
    def is_open(self) -> bool:
        return self.view.isVisible()

    def close(self) -> None:
        self.hold_open(False)
        self.view.close()

    def show_error(self, text: str) -> None:
        self._say(self.error_label, text)

    def show_result(self, text: str) -> None:
        if self.result_label is not None:
            self._say(self.result_label, text)

    def _say(self, label: QLabel, text: str) -> None:
        label.setText(text)
        label.setAccessibleDescription(text)
        label.setVisible(bool(text))
        if text:
            self.fit()

    def show_page(self, page: QWidget) -> None:
        """Show ``page`` of the dialog's ``stack``, sized for that page alone.

        A stacked widget asks room for its tallest page, even hidden, so the other
        pages are kept out of it (hidden, still children of the dialog) meanwhile."""
        stack = find_child(self.view, QStackedWidget, "stack")
        for i in range(stack.count()):
            known = stack.widget(i)
            if known is not None and all(known is not p for p in self.pages):
                self.pages.append(known)
        if stack.indexOf(page) < 0:
            stack.addWidget(page)
        stack.setCurrentWidget(page)
        for other in self.pages:
            if other is not page and stack.indexOf(other) >= 0:
                stack.removeWidget(other)
        stack.updateGeometry()  # drop the sizes the dialog's layout remembers for it
        if self._fitted:
            self.fit(shrink=True)

    def fit(self, shrink: bool = False) -> None:
        """Size the dialog to show every sentence at the width it has (the text wraps),
        but never taller than the screen: beyond that its scroll area scrolls. It grows
        to fit a new sentence, and only shrinks (``shrink``) when another page shows."""
        view = self.view
        view.ensurePolished()
        contents = self.contents
        layout = contents.layout()
        if layout is not None:
            layout.invalidate()  # sizes remembered from before a page or a text changed
            layout.activate()
        hint = contents.sizeHint()
        width = max(view.minimumWidth(), hint.width())
        if self._fitted:
            width = max(width, view.width())
        height = contents.heightForWidth(width) if contents.hasHeightForWidth() else hint.height()
        screen = view.screen() or QGuiApplication.primaryScreen()
        if screen is not None:
            room = screen.availableGeometry()
            width = min(width, room.width())
            if height > room.height() - _WINDOW_FRAME:  # it scrolls: room for the bar
                bar = view.style().pixelMetric(QStyle.PixelMetric.PM_ScrollBarExtent)
                width = min(width + bar, room.width())
            height = min(height, room.height() - _WINDOW_FRAME)
        if self._fitted and not shrink:
            height = max(height, view.height())
        self._fitted = True
        view.resize(width, height)

    # -- closing

    @property
    def closable(self) -> bool:
        return bool(getattr(self.view, "closable", True))

    def hold_open(self, held: bool) -> None:
        """Stop Escape and the close button from dismissing the dialog."""
        self.view.closable = not held  # type: ignore[attr-defined]

    # -- work

    def set_busy(self, busy: bool, words: str = "") -> None:
        self.busy = busy
        self.busy_bar.setVisible(busy)
        if self.busy_label is not None:
            self._say(self.busy_label, words if busy else "")
        self.hold_open(busy)
        for widget in self.inputs:
            widget.setEnabled(not busy)
        if busy:
            self.show_error("")
            self.show_result("")
            self.view.setCursor(Qt.CursorShape.BusyCursor)
        else:
            self.view.unsetCursor()

    def run(
        self,
        fn: Callable[..., Any],
        *args: Any,
        on_success: Callable[[Any], None],
        words: str = "",
        on_failure: Callable[[BaseException], None] | None = None,
    ) -> None:
        """``fn(*args)`` on a worker; ``on_success(result)`` back on the GUI thread."""
        self.set_busy(True, words)

        def succeeded(result: Any) -> None:
            self.set_busy(False)
            on_success(result)

        def failed(exc: BaseException) -> None:
            self.set_busy(False)
            (on_failure or self.failed)(exc)

        run_task(fn, *args, on_success=succeeded, on_failure=failed)

    def failed(self, exc: BaseException) -> None:
        self.show_error(error_text(exc))


def add_code_page(view: QDialog) -> RecoveryCodePage:
    """The set-up dialog's recovery-code page, added to ``view``'s ``stack``."""
    stack = find_child(view, QStackedWidget, "stack")
    page = load_ui("recovery_code", stack)
    layout = page.layout()
    if layout is not None:  # line up with the dialog's other text
        layout.setContentsMargins(0, 0, 0, 0)
    stack.addWidget(page)
    return RecoveryCodePage(page)


def take_text(edit: QLineEdit) -> str:
    """The text of a secret field, which is cleared as it is read."""
    text = edit.text()
    edit.clear()
    return text


def backup_file_dialog(
    parent: QWidget,
    title: str,
    start: str,
    name: str,
    chosen: Callable[[str], None],
    *,
    save: bool,
) -> QFileDialog:
    """Qt's own file dialog (not the system's, so it looks and tests the same everywhere)
    for a ``.ipsbackup`` file: where to save a copy, or which backup to open. ``chosen``
    gets the file's name only when one was chosen."""
    dialog = QFileDialog(parent, title, start)
    dialog.setObjectName(name)
    dialog.setOption(QFileDialog.Option.DontUseNativeDialog, True)
    mode = QFileDialog.AcceptMode.AcceptSave if save else QFileDialog.AcceptMode.AcceptOpen
    dialog.setAcceptMode(mode)
    dialog.setFileMode(QFileDialog.FileMode.AnyFile if save else QFileDialog.FileMode.ExistingFile)
    dialog.setNameFilter(messages.CARE_BACKUP_FILTER)
    if save:
        dialog.setDefaultSuffix(BACKUP_SUFFIX.lstrip("."))
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.fileSelected.connect(lambda name: chosen(name) if name else None)
    dialog.open()
    return dialog
