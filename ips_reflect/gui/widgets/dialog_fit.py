"""Dialogs that fit their words at every text size, and the small parts every fit uses.

Kept apart from :mod:`~ips_reflect.gui.widgets.page_fit` so that the unlock window,
the first thing every start shows, loads only this: no ``Qt`` namespace, no style
enumerations (PySide6 builds each as a Python enum on first use, ~10 ms for ``Qt``).
A dialog whose ``.ui`` file already holds its scroll area (``pageScroll`` with
``pageScrollContents``, as ``ui/unlock.ui`` does) is fitted without building one.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QTimer, Signal
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QApplication, QScrollArea, QWidget
from shiboken6 import isValid


class ScrollContents(QWidget):
    """A scroll area's contents, kept as tall as its wrapped sentences need at its
    width (a scroll area alone counts their height at the narrowest width only)."""

    fit_height = False  # dialogs only: a page fills its height as its layout says

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if self.fit_height:
            _fit_height(self)


def _fit_height(contents: QWidget) -> None:
    layout = contents.layout()
    if layout is not None and layout.hasHeightForWidth():
        needed = layout.totalHeightForWidth(contents.width())
        if contents.minimumHeight() != needed:
            contents.setMinimumHeight(needed)


def follow_focus(_old: QWidget | None, new: QWidget | None) -> None:
    """Scroll a page to whatever gets keyboard focus in it (and to the form around
    it, when that is a scroll area of its own): Qt does so by itself only for Tab."""
    if new is None or not isValid(new):
        return
    window = new.window()
    if window is None or not window.isVisible():  # being built: nothing to scroll yet
        return
    form: QScrollArea | None = None
    parent = new.parentWidget()
    while parent is not None:
        if isinstance(parent, QScrollArea):
            if parent.objectName() == "pageScroll":
                if form is not None:
                    parent.ensureWidgetVisible(form, 0, 0)  # the form, as much as fits
                parent.ensureWidgetVisible(new)
                return
            form = form or parent
        parent = parent.parentWidget()


_following: list[int] = []  # the application (by id) whose focus is followed


def follow_focus_once() -> None:
    app = QApplication.instance()
    if isinstance(app, QApplication) and id(app) not in _following:
        _following.append(id(app))
        app.focusChanged.connect(follow_focus)


def refit_timer(owner: QObject, fit: Callable[[], None]) -> QTimer:
    """A timer that calls ``fit`` once the events of this turn are handled."""
    timer = QTimer(owner)
    timer.setSingleShot(True)
    timer.setInterval(0)
    timer.timeout.connect(fit)
    return timer


def refit_on(event: QEvent, kinds: set[QEvent.Type], timer: QTimer | None) -> bool:
    """An event filter's body: fit again soon after an event of ``kinds`` (``timer`` is
    None while the filter is still being set up)."""
    if timer is not None and event.type() in kinds and isValid(timer):
        timer.start()
    return False


class DialogFit(QObject):
    """Keep a dialog as big as its words need, within the screen: wide enough for its
    widest row, tall enough for its wrapped sentences at that width (the heading and
    a hint that wraps while typing included); beyond the screen its contents scroll.
    It grows when its text grows, and never shrinks under the person's feet."""

    fitted = Signal()  # after each fit: a dialog may then adjust its own size

    def __init__(self, dialog: QWidget) -> None:
        super().__init__(dialog)
        self.dialog = dialog
        built = dialog.findChild(QScrollArea, "pageScroll")
        if built is not None and isinstance(built.widget(), ScrollContents):
            self.scroll = built  # laid out in the .ui file, policies and all
            follow_focus_once()
        else:
            from ips_reflect.gui.widgets.page_fit import scroll_page, wide_as_rows

            self.scroll = scroll_page(dialog)
            wide_as_rows(self.scroll)
        self.contents: QWidget = self.scroll.widget()  # type: ignore[assignment]  # just set
        if isinstance(self.contents, ScrollContents):
            self.contents.fit_height = True
        self._need: tuple[int, int] | None = None  # the size last asked for
        self.set_width = dialog.minimumWidth()  # from the .ui file
        self._timer = refit_timer(self, self.fit)
        for watched in (dialog, self.contents):
            watched.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        return refit_on(
            event, _DIALOG_REFIT, getattr(self, "_timer", None)
        )  # not on Resize: see fit

    def fit(self) -> None:
        self._fit()
        self.fitted.emit()

    def _fit(self) -> None:
        dialog, contents = self.dialog, self.contents
        layout = contents.layout()
        if not isValid(dialog) or layout is None or not dialog.isVisible():
            return
        bar = self.scroll.verticalScrollBar().sizeHint().width()
        least = max(layout.totalMinimumSize().width(), contents.minimumSizeHint().width())
        least += bar + 2 * self.scroll.frameWidth()
        width = max(least, contents.sizeHint().width())
        screen = dialog.screen()
        room = screen.availableGeometry() if screen is not None else None
        if room is not None:
            width = max(least, min(width, room.width()))
        width = max(width, dialog.width())
        height = layout.totalHeightForWidth(width - bar) if layout.hasHeightForWidth() else 0
        height = max(height, layout.totalSizeHint().height())
        if room is not None:
            height = min(height, room.height() - _FRAME)
        dialog.setMinimumWidth(max(self.set_width, least))  # never cuts a row's words
        need = (width, height)
        if self._need is not None and need[0] <= self._need[0] and need[1] <= self._need[1]:
            return  # nothing grew: the size the person chose stays
        self._need = need
        dialog.resize(max(width, dialog.width()), max(height, dialog.height()))


_DIALOG_REFIT = {
    QEvent.Type.LayoutRequest,
    QEvent.Type.FontChange,
    QEvent.Type.StyleChange,
    QEvent.Type.Show,
}
_FRAME = 40  # a window's title bar and frame, roughly
