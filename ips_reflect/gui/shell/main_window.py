"""The main window: sidebar of pages, page stack, menus and status bar.

The view is ``ui/main_window.ui``: a :class:`~ips_reflect.gui.shell.views.MainWindowView`,
which is a ``QMainWindow`` that signals when it closes. :class:`MainWindow` is
its controller (owned by Python, not parented to the view). It owns the
sidebar's :class:`PageListModel`, switches pages, applies theme and text size,
and remembers them (with the window geometry and the last page) in the plain
JSON settings of :mod:`ips_reflect.core.settings`.

Pages are added by whoever builds the window::

    window.add_page("guide", "Guide", widget, icon_name="guide")
    window.show_page("guide")
"""

from __future__ import annotations

import contextlib
from pathlib import Path

from PySide6.QtCore import QModelIndex, QObject, QRect, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QActionGroup, QGuiApplication, QKeySequence
from PySide6.QtWidgets import (
    QApplication,
    QFrame,
    QLabel,
    QLineEdit,
    QListView,
    QMainWindow,
    QMenu,
    QPlainTextEdit,
    QStackedWidget,
    QTextEdit,
    QWidget,
)

from ips_reflect import messages
from ips_reflect.core.settings import (
    DEFAULT_FONT_SIZE,
    MAX_FONT_SIZE,
    MIN_FONT_SIZE,
    PAGE_KEY_RE,
    THEMES,
    Settings,
    WindowGeometry,
    clamp_font_size,
    save_settings,
)
from ips_reflect.gui.shell.sidebar import Page, PageListModel
from ips_reflect.gui.shell.uiloader import find_child, fresh
from ips_reflect.gui.widgets import file_dialogs
from ips_reflect.gui.widgets import theme as theming

MAX_PAGE_SHORTCUTS = 9
STATUS_TIMEOUT_MS = 4000
DEFAULT_SIZE = (1180, 760)
#: Sidebar width at the usual text size; it grows so larger text is never cut off.
SIDEBAR_WIDTH = 200
SIDEBAR_ICON = 22  # icon size in pixels at the usual text size

_THEME_ACTIONS = {
    "light": "actionThemeLight",
    "dark": "actionThemeDark",
    "high_contrast": "actionThemeHighContrast",
}


def _unique_keys(
    keys: list[QKeySequence], standard: QKeySequence.StandardKey
) -> list[QKeySequence]:
    """``keys`` plus the platform's standard keys, without repeats.

    A key sequence given twice to one action makes Qt treat it as ambiguous and
    ignore it, so duplicates must go.
    """
    out = list(keys)
    for key in QKeySequence.keyBindings(standard):
        if not any(key.matches(k) == QKeySequence.SequenceMatch.ExactMatch for k in out):
            out.append(key)
    return out


class MainWindow(QObject):
    """Controller of the main window view; see the module docstring."""

    pageChanged = Signal(str)  # key of the page now shown
    themeChanged = Signal(str)  # theme name now applied
    fontSizeChanged = Signal(int)  # text size now applied, in points

    def __init__(
        self,
        view: QMainWindow,
        settings: Settings,
        data_dir: Path | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.view = view
        self.data_dir = data_dir
        self.controllers: dict[str, QObject] = {}
        self._shortcuts_used: set[int] = set()
        self._settings = settings.changed()
        self._page_to_restore = self._settings.last_page
        self._save_failed = False
        self._switching = False
        self._start_maximized = False

        self.sidebar = find_child(view, QFrame, "sidebar")
        self.sidebar_title = find_child(view, QLabel, "sidebarTitle")
        self.page_list = find_child(view, QListView, "pageList")
        self.stack = find_child(view, QStackedWidget, "pageStack")
        self.go_menu = find_child(view, QMenu, "menuGo")
        self.pages = PageListModel(icon_for=lambda name: theming.themed_icon(name), parent=self)
        self.page_list.setModel(self.pages)
        self.page_list.selectionModel().currentChanged.connect(self._on_list_current)
        self.page_list.activated.connect(self._on_list_activated)

        self.privacy_label = QLabel(messages.GUI_PRIVACY_NOTE)
        self.privacy_label.setObjectName("privacyLabel")
        view.statusBar().addPermanentWidget(self.privacy_label)
        view.setWindowIcon(theming.app_icon())

        self._theme_group = QActionGroup(self)
        self._theme_group.setExclusive(True)
        for name, action_name in _THEME_ACTIONS.items():
            action = self.action(action_name)
            self._theme_group.addAction(action)
            action.triggered.connect(lambda _checked=False, n=name: self._choose_look(theme=n))

        larger = self.action("actionLargerText")
        larger.setShortcuts(
            _unique_keys(
                [QKeySequence("Ctrl+="), QKeySequence("Ctrl++")],
                QKeySequence.StandardKey.ZoomIn,
            )
        )
        smaller = self.action("actionSmallerText")
        smaller.setShortcuts(
            _unique_keys([QKeySequence("Ctrl+-")], QKeySequence.StandardKey.ZoomOut)
        )
        larger.triggered.connect(lambda: self._choose_look(step=1))
        smaller.triggered.connect(lambda: self._choose_look(step=-1))
        self.action("actionResetText").triggered.connect(
            lambda: self._choose_look(size=DEFAULT_FONT_SIZE)
        )
        # The View menu's choices are applied once the menu has closed and the window
        # has been redrawn under it (never a menu left over a busy window).
        self._pending_look: dict[str, object] = {}
        self._look_timer = QTimer(self)
        self._look_timer.setSingleShot(True)
        self._look_timer.setInterval(0)
        self._look_timer.timeout.connect(self._apply_chosen_look)
        self.action("actionQuit").triggered.connect(self.view.close)
        self.action("actionAbout").triggered.connect(self.show_about)
        for action in view.findChildren(QAction):
            if action.shortcut().isEmpty():
                continue
            action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)

        close_requested = getattr(view, "closeRequested", None)
        if close_requested is not None:
            close_requested.connect(self.save_geometry)
        self._apply_look()
        self._restore_geometry()

    # -- pages

    def add_page(
        self,
        key: str,
        title: str,
        widget: QWidget,
        icon_name: str | None = None,
        shortcut_index: int | None = None,
    ) -> None:
        """Add a page to the sidebar and the stack.

        ``key`` is a short lower-case id (remembered as the last page). The page
        gets Ctrl+``shortcut_index`` (1-9), or the next free one if not given.
        """
        if not PAGE_KEY_RE.match(key):
            raise ValueError(f"page key '{key}' must be a short lower-case id")
        if self.pages.page(key) is not None:
            raise ValueError(f"a page called '{key}' already exists")
        index = self._shortcut_index(shortcut_index)
        shortcut = QKeySequence(f"Ctrl+{index}") if index else None
        shortcut_text = (
            shortcut.toString(QKeySequence.SequenceFormat.NativeText) if shortcut else None
        )
        self.stack.addWidget(widget)
        self.pages.add(Page(key, title, widget, icon_name, shortcut_text))
        self._fit_sidebar()
        action = QAction(title, self.view)
        action.setObjectName(f"actionPage_{key}")
        if index is not None:
            self._shortcuts_used.add(index)
        if shortcut is not None:
            action.setShortcut(shortcut)
            action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        action.triggered.connect(lambda: self.show_page(key))
        self.go_menu.addAction(action)
        if self.current_page is None:
            self.show_page(key)

    def show_page(self, key: str) -> QWidget:
        """Show the page called ``key``; raises KeyError for an unknown key."""
        page = self.pages.page(key)
        if page is None:
            raise KeyError(key)
        row = self.pages.row_of(key)
        changed = self.stack.currentWidget() is not page.widget or self.current_page != key
        self._switching = True
        try:
            self.stack.setCurrentWidget(page.widget)
            if self.page_list.currentIndex().row() != row:
                self.page_list.setCurrentIndex(self.pages.index(row))
        finally:
            self._switching = False
        self._current_key = key
        if changed:
            self._save(last_page=key)
            self.pageChanged.emit(key)
        return page.widget

    def page(self, key: str) -> QWidget | None:
        page = self.pages.page(key)
        return page.widget if page is not None else None

    @property
    def current_page(self) -> str | None:
        return getattr(self, "_current_key", None)

    def restore_last_page(self) -> None:
        """Show the page that was open last time, if it exists (now)."""
        key = self._page_to_restore
        if key and self.pages.page(key) is not None:
            self.show_page(key)

    def focus_page(self, key: str | None = None) -> None:
        """Move keyboard focus to the first control of a page."""
        widget = self.page(key) if key else self.stack.currentWidget()
        if widget is None:
            return
        candidate = fresh(widget.nextInFocusChain, QWidget)
        while candidate is not None and candidate is not widget:
            if (
                widget.isAncestorOf(candidate)
                and candidate.isVisible()
                and candidate.isEnabled()
                and candidate.focusPolicy() & Qt.FocusPolicy.TabFocus
            ):
                candidate.setFocus(Qt.FocusReason.TabFocusReason)
                return
            candidate = fresh(candidate.nextInFocusChain, QWidget)

    def action(self, name: str) -> QAction:
        return find_child(self.view, QAction, name)

    def _shortcut_index(self, wanted: int | None) -> int | None:
        used = self._shortcuts_used
        if wanted is not None:
            if not 1 <= wanted <= MAX_PAGE_SHORTCUTS:
                raise ValueError(f"shortcut_index must be 1 to {MAX_PAGE_SHORTCUTS}")
            if wanted in used:
                raise ValueError(f"Ctrl+{wanted} is already used by another page")
            return wanted
        for n in range(1, MAX_PAGE_SHORTCUTS + 1):
            if n not in used:
                return n
        return None

    def _on_list_current(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if self._switching or not current.isValid():
            return
        self.show_page(self.pages.page_at(current.row()).key)

    def _on_list_activated(self, index: QModelIndex) -> None:
        if index.isValid():
            key = self.pages.page_at(index.row()).key
            self.show_page(key)
            self.focus_page(key)

    # -- theme and text size

    @property
    def settings(self) -> Settings:
        return self._settings

    @property
    def theme(self) -> str:
        return self._settings.theme

    @property
    def font_point_size(self) -> int:
        return self._settings.font_point_size

    def set_theme(self, name: str) -> None:
        if name not in THEMES:
            raise ValueError(f"unknown theme '{name}'")
        changed = name != self._settings.theme
        saved = self._save(theme=name)
        self._apply_look()
        if changed:
            if saved:
                label = messages.GUI_THEME_NAMES.get(name, name)
                self.show_status(messages.GUI_THEME_CHANGED.format(name=label))
            self.themeChanged.emit(name)

    def set_font_size(self, size: int) -> None:
        clamped = clamp_font_size(size)
        if clamped != size and clamped == self._settings.font_point_size:
            template = (
                messages.GUI_TEXT_SIZE_LIMIT_LARGE
                if size > clamped
                else messages.GUI_TEXT_SIZE_LIMIT_SMALL
            )
            self.show_status(template.format(size=clamped))
            return
        changed = clamped != self._settings.font_point_size
        saved = self._save(font_point_size=clamped)
        self._apply_look()
        if changed:
            if saved:
                self.show_status(messages.GUI_TEXT_SIZE_CHANGED.format(size=clamped))
            self.fontSizeChanged.emit(clamped)

    def _choose_look(
        self, *, theme: str | None = None, size: int | None = None, step: int = 0
    ) -> None:
        """Remember a View menu choice and apply it (with any others made meanwhile)
        after the menu has closed: one re-styling for them all."""
        pending = self._pending_look
        if theme is not None:
            pending["theme"] = theme
        if size is not None:
            pending["size"] = size
        if step:
            base = pending.get("size")
            now = base if isinstance(base, int) else self._settings.font_point_size
            pending["size"] = now + step
        self._look_timer.start()

    def _apply_chosen_look(self) -> None:
        pending, self._pending_look = self._pending_look, {}
        self.view.repaint()  # no trace of the closed menu while the look changes
        theme, size = pending.get("theme"), pending.get("size")
        if isinstance(theme, str):
            self.set_theme(theme)
        if isinstance(size, int):
            self.set_font_size(size)

    def larger_text(self) -> None:
        self.set_font_size(self._settings.font_point_size + 1)

    def smaller_text(self) -> None:
        self.set_font_size(self._settings.font_point_size - 1)

    def reset_text(self) -> None:
        self.set_font_size(DEFAULT_FONT_SIZE)

    def _apply_look(self) -> None:
        app = QApplication.instance()
        assert isinstance(app, QApplication)
        theme = theming.apply_theme(app, self._settings.theme, self._settings.font_point_size)
        self.action(_THEME_ACTIONS[theme.name]).setChecked(True)
        size = self._settings.font_point_size
        self.action("actionLargerText").setEnabled(size < MAX_FONT_SIZE)
        self.action("actionSmallerText").setEnabled(size > MIN_FONT_SIZE)
        self.pages.refresh_icons()
        self._fit_sidebar()

    def _fit_sidebar(self) -> None:
        """Size the sidebar for the text size: icons grow with the text, and the
        widest page name and the app's name fit without being cut off. The width
        is fixed, so the sidebar does not jump when another page is shown."""
        self.sidebar_title.ensurePolished()
        self.page_list.ensurePolished()
        metrics = self.page_list.fontMetrics()
        icon = max(SIDEBAR_ICON, round(metrics.height() * 1.35))
        self.page_list.setIconSize(QSize(icon, icon))
        titles = [self.pages.page_at(row).title for row in range(self.pages.rowCount())]
        widest = max((metrics.horizontalAdvance(t) for t in titles), default=0)
        # item padding, the list's border and padding, the gap after the icon
        needed_list = widest + icon + 2 * metrics.averageCharWidth() + 44
        title = self.sidebar_title
        needed_title = title.fontMetrics().horizontalAdvance(title.text()) + 40
        self.sidebar.setFixedWidth(max(SIDEBAR_WIDTH, needed_list, needed_title))

    # -- the vault

    def set_vault(self, vault: object | None) -> None:
        """Give every page the open vault, or None on lock (pages clear themselves)."""
        file_dialogs.set_vault(vault)  # type: ignore[arg-type]
        for controller in self.controllers.values():
            setter = getattr(controller, "set_vault", None)
            if setter is not None:
                setter(vault)

    def flush(self) -> None:
        """Ask every page to save what is typed now (before a lock or quit), and remember
        which control had the keyboard so the unlock can put it back."""
        self._place = self._focus_place()
        for controller in self.controllers.values():
            for name in ("flush", "flush_drafts"):
                saver = getattr(controller, name, None)
                if saver is not None:
                    with contextlib.suppress(Exception):  # never stop a lock
                        saver()

    def _focus_place(self) -> tuple[str, str, int] | None:
        """(page, control's objectName, cursor position): names and a number, no text."""
        focus = QApplication.focusWidget()
        page = self.stack.currentWidget()
        key = self.current_page
        if focus is None or page is None or key is None or not page.isAncestorOf(focus):
            return None
        if not focus.objectName():
            return None
        return key, focus.objectName(), _cursor_of(focus)

    def restore_place(self) -> bool:
        """After an unlock: the keyboard back in the control (and at the cursor place) it
        was in when the vault locked. False if there is none (then focus the page)."""
        place, self._place = getattr(self, "_place", None), None
        if place is None or place[0] != self.current_page:
            return False
        page = self.stack.currentWidget()
        named = page.findChildren(QWidget, place[1]) if page is not None else []
        widget = next((w for w in named if w.isVisible() and w.isEnabled()), None)
        if widget is None:  # e.g. a quick-check twin: only the one on screen will do
            return False
        widget.setFocus(Qt.FocusReason.OtherFocusReason)
        _set_cursor(widget, place[2])
        return True

    def remember(self, **changes: object) -> bool:
        """Save settings changes made outside this class (e.g. the lock timeout)."""
        return self._save(**changes)

    # -- status, dialogs

    def show_status(self, text: str) -> None:
        self.view.statusBar().showMessage(text, STATUS_TIMEOUT_MS)

    def show_about(self) -> QWidget:
        from ips_reflect.gui.shell.about import open_about

        return open_about(self.view)

    def show(self) -> None:
        """Show the window and put keyboard focus on the current page."""
        if self._start_maximized:
            self.view.showMaximized()
        else:
            self.view.show()
        self.focus_page()

    def close(self) -> bool:
        return self.view.close()

    # -- geometry and saving

    def _restore_geometry(self) -> None:
        saved = self._settings.window
        screens = [s.availableGeometry() for s in QGuiApplication.screens()]
        if saved is not None:
            rect = QRect(saved.x, saved.y, saved.width, saved.height)
            if any(rect.intersected(s).width() >= 100 for s in screens):
                self.view.setGeometry(rect)
                self._start_maximized = saved.maximized
                return
        width, height = DEFAULT_SIZE
        screen = QGuiApplication.primaryScreen()
        if screen is not None:
            area = screen.availableGeometry()
            width = min(width, int(area.width() * 0.94))
            height = min(height, int(area.height() * 0.92))
            self.view.resize(width, height)
            frame = self.view.frameGeometry()
            frame.moveCenter(area.center())
            self.view.move(frame.topLeft())
        else:
            self.view.resize(width, height)

    def save_geometry(self) -> None:
        maximized = self.view.isMaximized()
        rect = self.view.normalGeometry() if maximized else self.view.geometry()
        if rect.width() <= 0 or rect.height() <= 0:
            rect = self.view.geometry()
        self._save(
            window=WindowGeometry(rect.x(), rect.y(), rect.width(), rect.height(), maximized)
        )

    def _save(self, **changes: object) -> bool:
        """Remember ``changes``; False (and a status line) if they could not be saved."""
        self._settings = self._settings.changed(**changes)
        if self.data_dir is None:
            return True
        try:
            save_settings(self.data_dir, self._settings)
        except OSError as exc:
            self._save_failed = True
            self.view.statusBar().showMessage(
                messages.GUI_SETTINGS_NOT_SAVED.format(
                    reason=exc.strerror or type(exc).__name__, folder=self.data_dir
                )
            )
            return False
        if self._save_failed:
            self._save_failed = False
            self.view.statusBar().clearMessage()
        return True


def _cursor_of(widget: QWidget) -> int:
    if isinstance(widget, QLineEdit):
        return widget.cursorPosition()
    if isinstance(widget, (QPlainTextEdit, QTextEdit)):
        return widget.textCursor().position()
    return -1


def _set_cursor(widget: QWidget, position: int) -> None:
    if position < 0:
        return
    if isinstance(widget, QLineEdit):
        widget.setCursorPosition(min(position, len(widget.text())))
    elif isinstance(widget, (QPlainTextEdit, QTextEdit)):
        cursor = widget.textCursor()
        cursor.setPosition(min(position, max(0, widget.document().characterCount() - 1)))
        widget.setTextCursor(cursor)
        widget.ensureCursorVisible()
