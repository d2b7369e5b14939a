"""A PDF preview shown from memory: QtPdf's view with page buttons.

:class:`PdfPreview` is built in code (Qt Designer does not know ``QPdfView``)
and placed into an empty ``previewHost`` widget of a page's ``.ui`` file with
:func:`install_preview`. PDFs arrive as bytes (built into ``io.BytesIO`` on a
worker thread) and are read through a ``QBuffer``: a preview never writes a
temporary file.

Keys (while the preview or its buttons have focus): Page Up / Page Down turn
the page; Home and End go to the first and last page; Ctrl+= (or Ctrl++) and
Ctrl+- zoom in and out, as they make the text bigger elsewhere in the app, and
Ctrl+0 shows the whole page again. The zoom buttons do the same.

:func:`build_pdf_locked` runs a reportlab build under one lock, so two previews
(or a preview and an export) never build at the same time on the thread pool.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any, TypeVar

from PySide6.QtCore import QBuffer, QByteArray, QEvent, QIODevice, QObject, QPointF, Qt, Signal
from PySide6.QtGui import QKeyEvent, QKeySequence, QPalette, QShortcut
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)
from shiboken6 import isValid

from ips_reflect import messages
from ips_reflect.gui.shell.uiloader import find_child, place_in
from ips_reflect.gui.widgets.controller import PageController
from ips_reflect.gui.widgets.row_wrap import RowWrapper
from ips_reflect.gui.widgets.theme import current_theme

T = TypeVar("T")

_BUILD_LOCK = threading.Lock()

# Zoom steps (1.0 is the page at its printed size on screen).
ZOOM_STEPS = (0.25, 0.33, 0.5, 0.67, 0.8, 1.0, 1.25, 1.5, 1.75, 2.0, 2.5, 3.0, 4.0)
_ZOOM_KEYS = {Qt.Key.Key_Equal: 1, Qt.Key.Key_Plus: 1, Qt.Key.Key_Minus: -1, Qt.Key.Key_0: 0}


def _zoom_key(event: QEvent) -> int | None:
    """+1 (zoom in), -1 (zoom out) or 0 (whole page) for a Ctrl zoom key, else None."""
    if not isinstance(event, QKeyEvent):
        return None
    mods = event.modifiers() & ~(
        Qt.KeyboardModifier.ShiftModifier | Qt.KeyboardModifier.KeypadModifier
    )
    if mods != Qt.KeyboardModifier.ControlModifier:
        return None
    return _ZOOM_KEYS.get(Qt.Key(event.key()))


def build_pdf_locked(fn: Callable[..., T], *args: Any, **kwargs: Any) -> T:
    """Call a PDF builder with the shared build lock held (reportlab keeps global state)."""
    with _BUILD_LOCK:
        return fn(*args, **kwargs)


class PdfPreview(QWidget):
    """Shows a PDF held in memory, one page at a time, with page buttons."""

    pageChanged = Signal(int)  # 0-based page now shown
    loaded = Signal(int)  # number of pages of the PDF just loaded

    def __init__(self, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("pdfPreview")
        self.setAccessibleName(name)
        self.document = QPdfDocument(self)
        self._buffer: QBuffer | None = None

        self.view = QPdfView(self)
        self.view.setObjectName("pdfView")
        self.view.setAccessibleName(name)
        self.view.setAccessibleDescription(messages.PDF_PREVIEW_HELP)
        self.view.setDocument(self.document)
        self.view.setPageMode(QPdfView.PageMode.SinglePage)
        self.view.setZoomMode(QPdfView.ZoomMode.FitInView)
        self.view.setFocusPolicy(Qt.FocusPolicy.StrongFocus)

        self.message = QLabel(self)
        self.message.setObjectName("pdfMessage")
        self.message.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.message.setWordWrap(True)

        self.stack = QStackedWidget(self)
        self.stack.addWidget(self.message)
        self.stack.addWidget(self.view)

        self.prev_button = QPushButton(messages.PDF_PREVIOUS, self)
        self.prev_button.setObjectName("pdfPrevButton")
        self.prev_button.setAccessibleName(messages.PDF_PREVIOUS_NAME)
        self.prev_button.setToolTip(messages.PDF_PREVIOUS_TIP)
        self.next_button = QPushButton(messages.PDF_NEXT, self)
        self.next_button.setObjectName("pdfNextButton")
        self.next_button.setAccessibleName(messages.PDF_NEXT_NAME)
        self.next_button.setToolTip(messages.PDF_NEXT_TIP)
        self.page_label = QLabel(messages.PDF_NO_PAGES, self)
        self.page_label.setObjectName("pdfPageLabel")
        self.page_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.busy = QProgressBar(self)
        self.busy.setObjectName("pdfBusy")
        self.busy.setRange(0, 0)
        self.busy.setTextVisible(False)
        self.busy.setMaximumWidth(90)
        self.busy.setAccessibleName(messages.PDF_BUSY)
        self.busy.hide()
        self.zoom_out_button = self._small_button(
            "pdfZoomOutButton",
            messages.PDF_ZOOM_OUT,
            messages.PDF_ZOOM_OUT_NAME,
            messages.PDF_ZOOM_OUT_TIP,
        )
        self.zoom_fit_button = self._small_button(
            "pdfZoomFitButton",
            messages.PDF_ZOOM_FIT,
            messages.PDF_ZOOM_FIT_NAME,
            messages.PDF_ZOOM_FIT_TIP,
        )
        self.zoom_in_button = self._small_button(
            "pdfZoomInButton",
            messages.PDF_ZOOM_IN,
            messages.PDF_ZOOM_IN_NAME,
            messages.PDF_ZOOM_IN_TIP,
        )
        self.zoom_label = QLabel(messages.PDF_ZOOM_WHOLE, self)
        self.zoom_label.setObjectName("pdfZoomLabel")

        nav = QHBoxLayout()
        nav.setSpacing(8)
        nav.addWidget(self.prev_button)
        nav.addStretch(1)
        nav.addWidget(self.busy)
        nav.addWidget(self.page_label)
        nav.addStretch(1)
        for widget in (self.zoom_label, self.zoom_out_button, self.zoom_fit_button):
            nav.addWidget(widget)
        nav.addWidget(self.zoom_in_button)
        nav.addWidget(self.next_button)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(6)
        layout.addWidget(self.stack, 1)
        layout.addLayout(nav)
        self.nav_wrap = RowWrapper(nav, self)  # the page buttons wrap at large text sizes
        self.message.installEventFilter(self)  # its wrapped sentence is never cut short

        self.apply_theme()
        self.prev_button.clicked.connect(self.previous_page)
        self.next_button.clicked.connect(self.next_page)
        self.zoom_in_button.clicked.connect(self.zoom_in)
        self.zoom_out_button.clicked.connect(self.zoom_out)
        self.zoom_fit_button.clicked.connect(self.zoom_to_fit)
        watched: list[QWidget] = [self.view, *self.findChildren(QPushButton)]
        for target in watched:
            target.installEventFilter(self)
        self.view.pageNavigator().currentPageChanged.connect(self._on_page)
        for key, slot in (
            (QKeySequence(QKeySequence.StandardKey.MoveToPreviousPage), self.previous_page),
            (QKeySequence(QKeySequence.StandardKey.MoveToNextPage), self.next_page),
            (QKeySequence("Home"), self.first_page),
            (QKeySequence("End"), self.last_page),
        ):
            shortcut = QShortcut(key, self)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(slot)
        self.clear()

    def _small_button(self, name: str, text: str, spoken: str, tip: str) -> QPushButton:
        button = QPushButton(text, self)
        button.setObjectName(name)
        button.setAccessibleName(spoken)
        button.setToolTip(tip)
        return button

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Ctrl+= / Ctrl+- / Ctrl+0 zoom the page while the preview has focus, before the
        window's text size shortcuts see them."""
        kind = event.type()
        if watched is self.message and kind == QEvent.Type.Resize:
            frame = 2 * self.stack.frameWidth()
            self.stack.setMinimumHeight(self.message.heightForWidth(self.message.width()) + frame)
        if kind in (QEvent.Type.ShortcutOverride, QEvent.Type.KeyPress):
            step = _zoom_key(event)
            if step is not None and self.page_count:
                event.accept()
                if kind == QEvent.Type.KeyPress:
                    {1: self.zoom_in, -1: self.zoom_out, 0: self.zoom_to_fit}[step]()
                return True
        return super().eventFilter(watched, event)

    # -- zoom

    @property
    def zoom(self) -> float:
        """The page's zoom now: the chosen step, or what fits the whole page."""
        if self.view.zoomMode() == QPdfView.ZoomMode.Custom:
            return float(self.view.zoomFactor())
        return self._fit_factor()

    @property
    def fits_page(self) -> bool:
        return self.view.zoomMode() != QPdfView.ZoomMode.Custom

    def _fit_factor(self) -> float:
        size = self.document.pagePointSize(max(0, self.current_page))
        if size.isEmpty():
            return 1.0
        scale = self.view.logicalDpiX() / 72
        viewport = self.view.viewport().size()
        margins = self.view.documentMargins()
        width = max(1, viewport.width() - margins.left() - margins.right())
        height = max(1, viewport.height() - margins.top() - margins.bottom())
        return min(width / (size.width() * scale), height / (size.height() * scale))

    def set_zoom(self, factor: float) -> None:
        factor = max(ZOOM_STEPS[0], min(ZOOM_STEPS[-1], factor))
        self.view.setZoomMode(QPdfView.ZoomMode.Custom)
        self.view.setZoomFactor(factor)
        self._update_zoom()

    def zoom_in(self) -> None:
        now = self.zoom
        self.set_zoom(next((z for z in ZOOM_STEPS if z > now * 1.01), ZOOM_STEPS[-1]))

    def zoom_out(self) -> None:
        now = self.zoom
        self.set_zoom(next((z for z in reversed(ZOOM_STEPS) if z < now / 1.01), ZOOM_STEPS[0]))

    def zoom_to_fit(self) -> None:
        self.view.setZoomMode(QPdfView.ZoomMode.FitInView)
        self._update_zoom()

    def _update_zoom(self) -> None:
        shown = self.page_count > 0
        fit = self.fits_page
        if fit:
            self.zoom_label.setText(messages.PDF_ZOOM_WHOLE)
        else:
            percent = round(self.view.zoomFactor() * 100)
            self.zoom_label.setText(messages.PDF_ZOOM_LEVEL.format(percent=percent))
        self.zoom_label.setAccessibleName(self.zoom_label.text())
        now = self.zoom if shown else 1.0
        self.zoom_in_button.setEnabled(shown and now < ZOOM_STEPS[-1] / 1.01)
        self.zoom_out_button.setEnabled(shown and now > ZOOM_STEPS[0] * 1.01)
        self.zoom_fit_button.setEnabled(shown and not fit)

    def apply_theme(self) -> None:
        """Draw the space around the page in a soft theme colour (call after a theme change)."""
        palette = self.view.palette()
        palette.setColor(QPalette.ColorRole.Dark, current_theme().color("border"))
        self.view.setPalette(palette)

    # -- content

    def load_bytes(self, data: bytes) -> int:
        """Show the PDF in ``data``; returns its number of pages (0 if unreadable)."""
        old = self._buffer
        self.document.close()
        buffer = QBuffer(self)
        buffer.setData(QByteArray(data))
        buffer.open(QIODevice.OpenModeFlag.ReadOnly)
        self._buffer = buffer
        self.document.load(buffer)
        if old is not None:
            old.close()
            old.deleteLater()
        pages = self.page_count
        if pages:
            self.stack.setCurrentWidget(self.view)
            self.go_to(0)
        else:
            self.show_message(messages.PDF_UNREADABLE)
        self._update_nav()
        self.loaded.emit(pages)
        return pages

    def clear(self, text: str = "") -> None:
        """Forget the PDF (nothing of it stays in memory) and show ``text`` instead."""
        self.document.close()
        if self._buffer is not None:
            self._buffer.close()
            self._buffer.setData(QByteArray())
            self._buffer.deleteLater()
            self._buffer = None
        self.show_message(text)
        self._update_nav()

    def show_message(self, text: str) -> None:
        self.message.setText(text)
        self.stack.setCurrentWidget(self.message)

    def set_busy(self, busy: bool) -> None:
        self.busy.setVisible(busy)

    # -- pages

    @property
    def page_count(self) -> int:
        if self.document.status() != QPdfDocument.Status.Ready:
            return 0
        return int(self.document.pageCount())

    @property
    def current_page(self) -> int:
        return int(self.view.pageNavigator().currentPage())

    def go_to(self, page: int) -> None:
        count = self.page_count
        if not count:
            return
        page = max(0, min(count - 1, page))
        self.view.pageNavigator().jump(page, QPointF(), 0)
        self._update_nav()

    def next_page(self) -> None:
        self.go_to(self.current_page + 1)

    def previous_page(self) -> None:
        self.go_to(self.current_page - 1)

    def first_page(self) -> None:
        self.go_to(0)

    def last_page(self) -> None:
        self.go_to(self.page_count - 1)

    def _on_page(self, page: int) -> None:
        self._update_nav()
        self.pageChanged.emit(int(page))

    def _update_nav(self) -> None:
        count = self.page_count
        page = self.current_page if count else 0
        if count:
            self.page_label.setText(messages.PDF_PAGE_OF.format(page=page + 1, pages=count))
        else:
            self.page_label.setText(messages.PDF_NO_PAGES)
        self.page_label.setAccessibleName(self.page_label.text())
        self.prev_button.setEnabled(count > 0 and page > 0)
        self.next_button.setEnabled(count > 0 and page < count - 1)
        self._update_zoom()


def install_preview(view: QWidget, name: str) -> PdfPreview:
    """Put a :class:`PdfPreview` into the (empty) ``previewHost`` widget of ``view``,
    a page loaded from a ``.ui`` file."""
    host = find_child(view, QWidget, "previewHost")
    preview = PdfPreview(name, host)
    place_in(host, preview)
    return preview


class PreviewPage(PageController):
    """A page's controller whose view shows a PDF preview (Biography, Team); the
    subclass puts it there with :func:`install_preview`."""

    preview: PdfPreview

    @property
    def alive(self) -> bool:
        """False once the view is gone (a worker may finish after the window closed)."""
        return isValid(self.view) and isValid(self.preview)
