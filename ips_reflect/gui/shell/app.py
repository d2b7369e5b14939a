"""Start the desktop app: ``run_app(args)`` from the command line's front door.

``create_main_window`` builds the full window from already-loaded content and
settings without starting an event loop, for tests and screenshots.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import sys
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING, TypeVar

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtGui import QActionGroup
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QLabel,
    QMainWindow,
    QMenu,
    QMessageBox,
    QProgressDialog,
    QWidget,
)

from ips_reflect import APP_NAME, messages, paths
from ips_reflect.core.content import Content, ContentError, load_content
from ips_reflect.core.settings import LOCK_MINUTE_CHOICES, Settings, load_settings
from ips_reflect.errors import UserError
from ips_reflect.gui.pages import guide as guide_page
from ips_reflect.gui.shell.main_window import MainWindow
from ips_reflect.gui.shell.session import VaultSession
from ips_reflect.gui.shell.uiloader import find_child, load_ui
from ips_reflect.gui.shell.vault_gate import VaultGate
from ips_reflect.gui.shell.workers import run_task
from ips_reflect.gui.widgets import theme as theming

if TYPE_CHECKING:
    from ips_reflect.gui.shell.care import RestoreRequest, VaultMenu
    from ips_reflect.store.backup import RestoreResult
    from ips_reflect.store.vault import Vault

#: A page controller, as its ``create_page`` gives it.
P = TypeVar("P", bound=QObject)

GUIDE_PAGE = "guide"
MAX_PROBLEMS_SHOWN = 5


def ensure_application(argv: list[str] | None = None) -> QApplication:
    """The QApplication, created and named on first use."""
    existing = QApplication.instance()
    if isinstance(existing, QApplication):
        app = existing
    else:
        app = QApplication(argv if argv is not None else sys.argv[:1])
    app.setApplicationName(APP_NAME)
    app.setOrganizationName(APP_NAME)
    app.setDesktopFileName("ips-reflect")
    app.setWindowIcon(theming.app_icon())
    return app


def create_main_window(
    content: Content,
    settings: Settings | None = None,
    data_dir: Path | None = None,
    *,
    features: bool = True,
) -> MainWindow:
    """Build the main window with its pages; call ``.show()`` on the result.

    ``features=False`` builds only the Guide (tests of the shell with a small,
    hand-made set of packs that the feature pages cannot run on).
    """
    app = ensure_application()
    data_dir = Path(data_dir) if data_dir is not None else paths.user_data_dir()
    if settings is None:
        settings = load_settings(data_dir)
    # Before any widget exists, so every widget starts with the right font.
    theming.apply_theme(app, settings.theme, settings.font_point_size)
    view = load_ui("main_window")
    assert isinstance(view, QMainWindow)
    window = MainWindow(view, settings, data_dir)
    if features:
        _add_feature_pages(window, content)

    key, title, guide_view, guide, icon_name = guide_page.create_page(content)
    window.controllers[key] = guide
    window.add_page(key, title, guide_view, icon_name=icon_name)

    def open_guide() -> None:
        window.show_page(GUIDE_PAGE)
        window.focus_page(GUIDE_PAGE)

    def search_guide() -> None:
        window.show_page(GUIDE_PAGE)
        guide.focus_search()

    window.themeChanged.connect(lambda _name: guide.refresh())
    window.fontSizeChanged.connect(lambda _size: guide.refresh())
    window.action("actionGuide").triggered.connect(open_guide)
    window.action("actionSearchGuide").triggered.connect(search_guide)
    window.restore_last_page()
    return window


def _add_feature_pages(window: MainWindow, content: Content) -> None:
    """Every page in reading order, and the signals between them."""
    from ips_reflect.gui.pages import (
        after,
        before,
        biography,
        flags,
        home,
        journal,
        prepare,
        supervision,
        team,
        trends,
    )
    from ips_reflect.gui.shell import flag_sync, flows
    from ips_reflect.gui.widgets.page_fit import scroll_page

    def add(spec: tuple[str, str, QWidget, P, str]) -> P:
        key, title, view, controller, icon_name = spec
        window.controllers[key] = controller
        scroll_page(view)  # too short a window scrolls the page instead of squeezing it
        window.add_page(key, title, view, icon_name=icon_name)
        return controller

    home_page = add(home.create_page(content))
    prepare_page = add(prepare.create_page(content))
    before_page = add(before.create_page(content))
    after_page = add(after.create_page(content))
    journal_page = add(journal.create_page(content))
    trends_page = add(trends.create_page(content))
    flags_page = add(flags.create_page(content))
    supervision_page = add(supervision.create_page(content))
    biography_page = add(biography.create_page(content))
    team_page = add(team.create_page(content))

    flows.connect_flows(window.show_page, home_page, prepare_page, before_page, after_page)
    # Flags on every save: whatever saves or imports entries asks for a sync (a worker);
    # its result redraws the Journal's flag counts and the Flags page's list.
    sync = flag_sync.FlagSync(content, parent=window)
    window.controllers[flag_sync.KEY] = sync  # gets the vault (and None on lock) too
    sync.synced.connect(lambda result: journal_page.show_flag_changes(result.entries))
    sync.synced.connect(flags_page.reload)
    sync.failed.connect(window.show_status)

    def open_entry(uid: str) -> None:
        window.show_page("journal")
        journal_page.show_entry(uid)

    def entries_changed(*_args: object) -> None:
        home_page.refresh()
        journal_page.reload()
        trends_page.mark_stale()
        sync.request()
        supervision_page.reload_entries()

    flags_page.entryRequested.connect(open_entry)
    before_page.checkSaved.connect(entries_changed)
    after_page.reflectionSaved.connect(entries_changed)
    prepare_page.planSaved.connect(entries_changed)

    def journal_changed() -> None:
        trends_page.mark_stale()
        home_page.refresh()

    journal_page.entriesChanged.connect(journal_changed)
    journal_page.entriesChanged.connect(supervision_page.reload_entries)
    journal_page.entriesChanged.connect(sync.request)
    supervision_page.actionsChanged.connect(home_page.refresh)
    home_page.actionCompleted.connect(lambda _id: supervision_page.reload_actions())
    for page in (journal_page, biography_page, team_page, supervision_page):
        page.statusMessage.connect(window.show_status)
    window.themeChanged.connect(lambda _n: prepare_page.refresh())
    window.fontSizeChanged.connect(lambda _s: home_page.refresh())  # lights follow the text
    for refreshing in (
        journal_page.refresh,
        trends_page.refresh,
        flags_page.refresh,
        supervision_page.refresh,
        biography_page.refresh,  # its fields are a number of lines high
    ):
        window.themeChanged.connect(lambda _n, r=refreshing: r())
        window.fontSizeChanged.connect(lambda _s, r=refreshing: r())


def content_error_box(error: ContentError, parent: QWidget | None = None) -> QMessageBox:
    """A dialog that says what is wrong with the packs and what to do."""
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Critical)
    box.setWindowTitle(messages.GUI_CONTENT_ERROR_TITLE)
    box.setText(error.message)
    lines = [messages.GUI_CONTENT_ERROR_FIRST, *error.details[:MAX_PROBLEMS_SHOWN]]
    more = len(error.details) - MAX_PROBLEMS_SHOWN
    if more > 0:
        lines.append(messages.GUI_CONTENT_ERROR_MORE.format(count=more))
    lines += ["", messages.GUI_CONTENT_ERROR_HINT]
    box.setInformativeText("\n".join(lines))
    if error.details:
        box.setDetailedText("\n".join(error.details))
    box.setStandardButtons(QMessageBox.StandardButton.Close)
    box.setAccessibleName(messages.GUI_CONTENT_ERROR_TITLE)
    return box


def _install_excepthook() -> None:
    """Show a sentence instead of a traceback for a bug in a Qt callback."""
    if os.environ.get("IPS_REFLECT_DEBUG"):
        return

    def hook(kind: type[BaseException], exc: BaseException, tb: TracebackType | None) -> None:
        if issubclass(kind, KeyboardInterrupt):
            QApplication.quit()
            return
        if isinstance(exc, UserError):
            QMessageBox.warning(None, messages.GUI_USER_ERROR_TITLE, exc.message)
            return
        QMessageBox.critical(
            None,
            messages.GUI_UNEXPECTED_ERROR_TITLE,
            messages.GUI_UNEXPECTED_ERROR.format(kind=kind.__name__),
        )

    sys.excepthook = hook


class AppShell(QObject):
    """Ties the vault gate, the open-vault session and the main window together.

    Start-up shows set-up (first run) or unlock straight away; the main window is
    built after the first unlock. Locking (Ctrl+L, idle, or quitting) takes an
    encrypted backup, drops the key, clears every page and shows unlock again.
    """

    ready = Signal()  # the first interactive window is on screen
    windowOpened = Signal(object)  # the MainWindow, after the first unlock

    def __init__(self, content: Content, settings: Settings, data_dir: Path) -> None:
        super().__init__()
        self.app = ensure_application()
        self.content = content
        self.settings = settings
        self.data_dir = data_dir
        self.window: MainWindow | None = None
        self.session = VaultSession(settings.lock_after_minutes, settings.backups_kept, self)
        self.session.aboutToLock.connect(self._flush_pages)
        self.session.locked.connect(self._on_locked)
        self.gate: VaultGate | None = None
        self._quitting = False
        self._restoring = False
        self._next_gate: VaultGate | None = None
        self._finishing: QProgressDialog | None = None
        self.vault_menu: VaultMenu | None = None
        self.app.setQuitOnLastWindowClosed(False)
        self.app.aboutToQuit.connect(self._on_quit)

    def start(self) -> QDialog:
        """Show set-up or unlock; returns the dialog."""
        dialog = self._open_gate()
        QTimer.singleShot(0, self.ready.emit)
        return dialog

    def _new_gate(self) -> VaultGate:
        parent = self.window.view if self.window is not None else None
        gate = VaultGate(self.data_dir, parent)
        gate.unlocked.connect(self._on_unlocked)
        gate.cancelled.connect(self._on_cancelled)
        return gate

    def _prepare_next_gate(self) -> None:
        """While unlocked: build the next unlock prompt, hidden, so a lock shows it at once."""
        if self.session.is_unlocked and self._next_gate is None and self.window is not None:
            self._next_gate = self._new_gate()
            self._next_gate.prepare_unlock()

    def _open_gate(self, notice: str | None = None) -> QDialog:
        self.gate, self._next_gate = self._next_gate or self._new_gate(), None
        dialog = self.gate.start()
        intro = dialog.findChild(QLabel, "introLabel")
        if notice and intro is not None:
            intro.setText(f"{notice} {messages.UNLOCK_AGAIN}")
            dialog.adjustSize()
        return dialog

    def _on_unlocked(self, vault: Vault) -> None:
        self.session.open(vault)
        with contextlib.suppress(Exception):  # an old bin is tidied, never fatal
            vault.entries.purge_bin()
        if self.window is None:
            self.window = create_main_window(self.content, self.settings, self.data_dir)
            self._wire_window(self.window)
            self.windowOpened.emit(self.window)
        self.window.set_vault(vault)
        self.window.show()
        problem = self.session.take_backup_problem()
        if problem:  # the backup after the last lock failed: say so now
            self.window.show_status(messages.LOCK_BACKUP_FAILED_LAST.format(problem=problem))
        # The unlock dialog had the keyboard; hand it to the window and its page.
        self.window.view.raise_()
        self.window.view.activateWindow()
        QTimer.singleShot(0, self._focus_after_unlock)
        QTimer.singleShot(0, self._prepare_next_gate)

    def _focus_after_unlock(self) -> None:
        """The keyboard where the lock found it (else the page's first control)."""
        if self.window is not None and not self.window.restore_place():
            self.window.focus_page()

    def _wire_window(self, window: MainWindow) -> None:
        # After the first unlock (the store is loaded by then): start-up stays light.
        from ips_reflect.gui.shell.care import VaultMenu

        window.action("actionLock").triggered.connect(lambda: self.session.lock())
        self.vault_menu = VaultMenu(
            window, self.session, self.data_dir, self.session.backups_kept, parent=self
        )
        self.vault_menu.restoreRequested.connect(self.restore)
        close_requested = getattr(window.view, "closeRequested", None)
        if close_requested is not None:
            close_requested.connect(self.quit)
        menu = find_child(window.view, QMenu, "menuLockAfter")
        group = QActionGroup(menu)
        group.setExclusive(True)
        for minutes in LOCK_MINUTE_CHOICES:
            action = menu.addAction(messages.LOCK_AFTER_CHOICE.format(minutes=minutes))
            action.setCheckable(True)
            action.setChecked(minutes == self.session_minutes())
            action.setData(minutes)
            group.addAction(action)
            action.triggered.connect(lambda _c=False, m=minutes: self.set_lock_minutes(m))

    def session_minutes(self) -> int:
        return round(self.session.idle_seconds / 60)

    def set_lock_minutes(self, minutes: int) -> None:
        self.session.set_idle_minutes(minutes)
        if self.window is not None:
            self.window.remember(lock_after_minutes=minutes)
            self.window.show_status(messages.LOCK_AFTER_SET.format(minutes=minutes))

    def _flush_pages(self) -> None:
        if self.window is not None:
            self.window.flush()

    def _on_locked(self, reason: str) -> None:
        if self.window is not None:
            self.window.set_vault(None)
            self.window.view.hide()
        if not self._quitting and not self._restoring:
            self._open_gate(reason)

    def restore(self, request: RestoreRequest) -> None:
        """Vault > Restore: lock (work is kept as drafts, the automatic backup is taken),
        restore the checked backup on a worker, then ask to unlock with its secret. If
        the restore fails, nothing was replaced and the unlock prompt says why."""
        from ips_reflect.ops import vault_care  # only when restoring: start-up stays light

        self._restoring = True
        self.session.lock(messages.CARE_RESTORE_LOCKED)
        box = _waiting_box(messages.CARE_RESTORING, "restoringDialog")
        box.show()
        backups = self.session.backups

        def job() -> RestoreResult:
            backups.wait()  # the backup of the vault being replaced comes first
            return vault_care.restore(
                self.data_dir,
                request.path,
                passphrase=request.passphrase,
                recovery_code=request.recovery_code,
            )

        def finish(notice: str) -> None:
            box.close()
            box.deleteLater()
            self._restoring = False
            self._open_gate(notice)

        def done(result: RestoreResult) -> None:
            notice = messages.CARE_RESTORED.format(
                count=result.entries,
                entries="entry" if result.entries == 1 else "entries",
                file=request.path.name,
            )
            if result.replaced_dir is not None:
                notice += " " + messages.CARE_RESTORE_REPLACED_IN.format(folder=result.replaced_dir)
            finish(f"{notice} {messages.CARE_RESTORE_UNLOCK}")

        def failed(exc: BaseException) -> None:
            why = exc.message if isinstance(exc, UserError) else type(exc).__name__
            finish(messages.CARE_RESTORE_NOT_DONE.format(problem=why))

        run_task(job, on_success=done, on_failure=failed)

    def _on_cancelled(self) -> None:
        if self.window is None or not self.window.view.isVisible():
            self.app.quit()

    def quit(self) -> None:
        """Close the app: typing is saved as drafts (silently), the vault locks, and the
        app ends once the automatic backup is written, saying so while it waits."""
        self._quitting = True
        self.session.lock()
        if not self.session.backups.running:
            self.app.quit()
            return
        box = self._finishing = _waiting_box(
            messages.QUIT_FINISHING_BACKUP, "finishingBackupDialog"
        )
        self.session.backups.finished.connect(lambda _problem: self._finish_quit())
        box.show()
        if not self.session.backups.running:  # it ended while the box was being built
            self._finish_quit()

    def _finish_quit(self) -> None:
        if self.session.backups.running:
            return
        if self._finishing is not None:
            self._finishing.close()
            self._finishing.deleteLater()
            self._finishing = None
        self.app.quit()

    def _on_quit(self) -> None:
        """The event loop is ending (Quit, or the session logging out): lock if still
        open and wait for the backup, so the key never outlives the app."""
        self._quitting = True
        self.session.lock()
        self.session.backups.wait()


def _waiting_box(text: str, name: str) -> QProgressDialog:
    """A busy box for work that is never cut short (a restore, the backup at quit)."""
    box = QProgressDialog(text, "", 0, 0)
    box.setCancelButton(None)
    box.setWindowTitle(APP_NAME)
    box.setObjectName(name)
    box.setAccessibleName(text)
    box.setMinimumDuration(0)
    return box


def run_app(args: argparse.Namespace) -> int:
    """Open the app and run until the window closes; returns the exit code."""
    app = ensure_application()
    data_dir = paths.user_data_dir(getattr(args, "data_dir", None))
    settings = load_settings(data_dir)
    theming.apply_theme(app, settings.theme, settings.font_point_size)
    try:
        base, overrides = paths.content_sources(
            getattr(args, "content_dir", None) or (), getattr(args, "data_dir", None)
        )
        content = load_content(base, overrides)
    except ContentError as exc:
        content_error_box(exc).exec()
        return 1
    except UserError as exc:
        QMessageBox.critical(None, messages.GUI_USER_ERROR_TITLE, exc.message)
        return 1
    from ips_reflect.store import lock as vault_lock

    vault_lock.default_holder = vault_lock.HOLDER_APP
    try:
        # Held from start to quit, locked or not: a second app, or restore/passwd from
        # the command line, would otherwise change files under this one.
        held = vault_lock.VaultLock(data_dir, vault_lock.HOLDER_APP).acquire()
    except UserError as exc:
        QMessageBox.critical(None, messages.GUI_USER_ERROR_TITLE, exc.message)
        return 1
    held.announce()
    shell = AppShell(content, settings, data_dir)
    if os.environ.get("IPS_REFLECT_EXIT_WHEN_READY"):  # start-up benchmark
        shell.ready.connect(lambda: (print("ready", flush=True), app.exit(0)))
    previous_hook = sys.excepthook
    _install_excepthook()
    try:
        shell.start()
        return int(app.exec())
    finally:
        sys.excepthook = previous_hook
        held.release()
