"""Start the desktop app: ``run_app(args)`` from the command line's front door.

The unlock window comes first and fast. Only what it needs is imported before it
shows (Qt's widgets, the settings, the styles and the gate); the question packs are
read on a thread and the full window's modules are imported on the event loop while
the person types, so the main window is ready by the time the key is derived.
:class:`AppShell` then ties the gate, the open-vault session and the main window
together.
"""

from __future__ import annotations

import contextlib
import os
import sys
import threading
from collections.abc import Sequence
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtWidgets import QApplication, QDialog, QLabel, QWidget

from ips_reflect import APP_NAME, paths
from ips_reflect.core.settings import LOCK_MINUTE_CHOICES, Settings, load_settings
from ips_reflect.errors import UserError
from ips_reflect.gui.shell.uiloader import find_child
from ips_reflect.gui.shell.vault_gate import VaultGate
from ips_reflect.gui.shell.workers import run_task
from ips_reflect.gui.widgets import theme as theming

if TYPE_CHECKING:
    from PySide6.QtWidgets import QMessageBox, QProgressDialog

    from ips_reflect.core.content import Content, ContentError
    from ips_reflect.gui.shell.care import RestoreRequest, VaultMenu
    from ips_reflect.gui.shell.main_window import MainWindow
    from ips_reflect.gui.shell.session import VaultSession
    from ips_reflect.store.backup import RestoreResult
    from ips_reflect.store.lock import VaultLock
    from ips_reflect.store.vault import Vault

MAX_PROBLEMS_SHOWN = 5

#: Imported on the event loop, one a turn, while the unlock window waits: the full
#: window's modules (the slowest first), so the first unlock only builds widgets.
PRELOAD = (
    "ips_reflect.gui.shell.app",
    "ips_reflect.gui.pages.home",
    "ips_reflect.gui.pages.prepare",
    "ips_reflect.gui.pages.before",
    "ips_reflect.gui.pages.after",
    "ips_reflect.gui.pages.journal",
    "ips_reflect.gui.pages.trends",
    "ips_reflect.gui.pages.flags",
    "ips_reflect.gui.pages.supervision",
    "ips_reflect.gui.pages.biography",
    "ips_reflect.gui.pages.team",
    "ips_reflect.gui.shell.flag_sync",
    "ips_reflect.gui.shell.flows",
    "ips_reflect.gui.shell.care",
    "ips_reflect.store.vault",
)


class ContentLoad(QObject):
    """The question packs, read on a thread of their own.

    ``finished`` is emitted (on the GUI thread, through Qt's queued connection) when
    they are read or have failed; :meth:`result` waits for them and returns the
    content or raises what stopped it (a :class:`ContentError` saying which lines).
    """

    finished = Signal()

    def __init__(
        self, content_dirs: Sequence[str], data_dir_arg: str | None, cache_dir: Path | None
    ) -> None:
        super().__init__()
        self._dirs = list(content_dirs)
        self._data_dir_arg = data_dir_arg
        self._cache_dir = cache_dir
        self._done = threading.Event()
        self._content: Content | None = None
        self._error: BaseException | None = None
        self._thread: threading.Thread | None = None

    def start(self) -> None:
        if self._thread is None:
            self._thread = threading.Thread(target=self._run, name="content", daemon=True)
            self._thread.start()

    def _run(self) -> None:
        try:
            from ips_reflect.core.content import load_content

            base, overrides = paths.content_sources(self._dirs, self._data_dir_arg)
            cache = self._cache_dir if self._cache_dir and self._cache_dir.is_dir() else None
            self._content = load_content(base, overrides, cache_dir=cache)
        except BaseException as exc:  # handed to the GUI thread, never lost
            self._error = exc
        finally:
            self._done.set()
            self.finished.emit()

    @property
    def done(self) -> bool:
        return self._done.is_set()

    def result(self) -> Content:
        self.start()
        self._done.wait()
        if self._error is not None:
            raise self._error
        assert self._content is not None
        return self._content


def ensure_application(argv: list[str] | None = None) -> QApplication:
    """The QApplication, created and named on first use."""
    existing = QApplication.instance()
    if isinstance(existing, QApplication):
        app = existing
    else:
        app = QApplication([*(argv if argv is not None else sys.argv[:1]), *theming.STYLE_ARGS])
        app.setProperty(theming.STYLE_PROPERTY, "fusion")
    app.setApplicationName(APP_NAME)
    app.setOrganizationName(APP_NAME)
    app.setDesktopFileName("ips-reflect")
    app.setWindowIcon(theming.app_icon())
    return app


def content_error_box(error: ContentError, parent: QWidget | None = None) -> QMessageBox:
    """A dialog that says what is wrong with the packs and what to do."""
    from PySide6.QtWidgets import QMessageBox

    from ips_reflect import messages

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
        from PySide6.QtWidgets import QMessageBox

        from ips_reflect import logfile, messages

        if issubclass(kind, KeyboardInterrupt):
            QApplication.quit()
            return
        if isinstance(exc, UserError):
            QMessageBox.warning(None, messages.GUI_USER_ERROR_TITLE, exc.message)
            return
        logfile.record_crash(kind, exc, tb)
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

    def __init__(self, content: Content | ContentLoad, settings: Settings, data_dir: Path) -> None:
        super().__init__()
        self.app = ensure_application()
        self._content = content
        self.settings = settings
        self.data_dir = data_dir
        self.window: MainWindow | None = None
        self._session: VaultSession | None = None  # made at the first unlock
        self.gate: VaultGate | None = None
        self._quitting = False
        self._restoring = False
        self._next_gate: VaultGate | None = None
        self._finishing: QProgressDialog | None = None
        self.vault_menu: VaultMenu | None = None
        self.app.setQuitOnLastWindowClosed(False)
        self.app.aboutToQuit.connect(self._on_quit)

    @property
    def session(self) -> VaultSession:
        """The open-vault session: the idle lock, the lock itself, the backups."""
        if self._session is None:
            from ips_reflect.gui.shell.session import VaultSession

            s = self.settings
            self._session = VaultSession(s.lock_after_minutes, s.backups_kept, self)
            self._session.aboutToLock.connect(self._flush_pages)
            self._session.locked.connect(self._on_locked)
        return self._session

    @property
    def content(self) -> Content:
        """The question packs (waiting for them, if they are still being read)."""
        if isinstance(self._content, ContentLoad):
            return self._content.result()
        return self._content

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
            from ips_reflect import messages

            intro.setText(f"{notice} {messages.UNLOCK_AGAIN}")
            dialog.adjustSize()
        return dialog

    def _on_unlocked(self, vault: Vault) -> None:
        from ips_reflect import messages

        if self.window is None:
            try:
                content = self.content
            except UserError as exc:  # the packs are broken: say which lines, then stop
                vault.close()
                self.fail(exc)
                return
        self.session.open(vault)
        with contextlib.suppress(Exception):  # an old bin is tidied, never fatal
            vault.entries.purge_bin()
        if self.window is None:
            from ips_reflect.gui.shell.app import create_main_window

            self.window = create_main_window(content, self.settings, self.data_dir)
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
        from PySide6.QtGui import QActionGroup
        from PySide6.QtWidgets import QMenu

        from ips_reflect import messages
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
        from ips_reflect import messages

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
        from ips_reflect import messages
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

    def fail(self, exc: BaseException) -> None:
        """Something the app cannot start without is missing: close the gate, say
        what and what to do, and end with exit code 1."""
        from ips_reflect import messages

        if self.gate is not None and self.gate.dialog is not None:
            dialog = self.gate.dialog
            with contextlib.suppress(RuntimeError):
                dialog.rejected.disconnect()
            dialog.hide()
            dialog.deleteLater()
        from PySide6.QtWidgets import QMessageBox

        from ips_reflect.core.content import ContentError

        if isinstance(exc, ContentError):
            content_error_box(exc).exec()
        elif isinstance(exc, UserError):
            QMessageBox.critical(None, messages.GUI_USER_ERROR_TITLE, exc.message)
        else:
            QMessageBox.critical(
                None,
                messages.GUI_UNEXPECTED_ERROR_TITLE,
                messages.GUI_UNEXPECTED_ERROR.format(kind=type(exc).__name__),
            )
        self.app.exit(1)

    def _on_cancelled(self) -> None:
        if self.window is None or not self.window.view.isVisible():
            self.app.quit()

    def quit(self) -> None:
        """Close the app: typing is saved as drafts (silently), the vault locks, and the
        app ends once the automatic backup is written, saying so while it waits."""
        from ips_reflect import messages

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
        if self._session is None:  # never unlocked
            return
        self.session.lock()
        self.session.backups.wait()


def _waiting_box(text: str, name: str) -> QProgressDialog:
    """A busy box for work that is never cut short (a restore, the backup at quit)."""
    from PySide6.QtWidgets import QProgressDialog

    box = QProgressDialog(text, "", 0, 0)
    box.setCancelButton(None)
    box.setWindowTitle(APP_NAME)
    box.setObjectName(name)
    box.setAccessibleName(text)
    box.setMinimumDuration(0)
    return box


class Starter(QObject):
    """What happens once the unlock window is on screen: take the vault's lock, read
    the packs on a thread, import the full window's modules a turn at a time.
    ``loaded`` says when both are done (the first unlock then only builds widgets)."""

    loaded = Signal()

    def __init__(self, shell: AppShell, load: ContentLoad, data_dir: Path) -> None:
        super().__init__(shell)
        self.shell = shell
        self.load = load
        self.data_dir = data_dir
        self.held: VaultLock | None = None
        self._preload = list(PRELOAD)
        load.finished.connect(self._loaded)

    def begin(self) -> None:
        from ips_reflect.store import lock as vault_lock

        vault_lock.default_holder = vault_lock.HOLDER_APP
        try:
            # Held from start to quit, locked or not: a second app, or restore/passwd
            # from the command line, would otherwise change files under this one.
            self.held = vault_lock.VaultLock(self.data_dir, vault_lock.HOLDER_APP).acquire()
        except UserError as exc:
            self.shell.fail(exc)
            return
        self.held.announce()
        self.load.start()
        QTimer.singleShot(0, self._import_next)

    def _import_next(self) -> None:
        if self._preload:
            __import__(self._preload.pop(0))
            QTimer.singleShot(0, self._import_next)
        else:
            self._maybe_done()

    def _loaded(self) -> None:
        try:
            self.load.result()
        except BaseException as exc:  # said in a box, the app ends
            self.shell.fail(exc)
            return
        self._maybe_done()

    def _maybe_done(self) -> None:
        if self.load.done and not self._preload:
            self.loaded.emit()

    def release(self) -> None:
        if self.held is not None:
            self.held.release()
            self.held = None


def run_app(args: Any) -> int:
    """Open the app and run until the window closes; returns the exit code.

    ``args`` has ``data_dir`` and ``content_dir`` (the command line's options)."""
    app = ensure_application()
    data_dir_arg = getattr(args, "data_dir", None)
    data_dir = paths.user_data_dir(data_dir_arg)
    settings = load_settings(data_dir)
    theming.apply_theme(app, settings.theme, settings.font_point_size)
    load = ContentLoad(getattr(args, "content_dir", None) or (), data_dir_arg, data_dir)
    shell = AppShell(load, settings, data_dir)
    starter = Starter(shell, load, data_dir)
    when = os.environ.get("IPS_REFLECT_EXIT_WHEN_READY")  # start-up benchmark
    if when:  # "loaded": once the packs are read and the full window's modules imported
        done = starter.loaded if when == "loaded" else shell.ready
        done.connect(lambda: (print("ready", flush=True), app.exit(0)))
    previous_hook = sys.excepthook
    _install_excepthook()
    try:
        shell.start()
        QTimer.singleShot(0, starter.begin)
        return int(app.exec())
    finally:
        sys.excepthook = previous_hook
        starter.release()
