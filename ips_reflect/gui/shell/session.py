"""The open vault and when to lock it.

``VaultSession`` holds the unlocked vault for the GUI. It locks on request
(Ctrl+L) or after a period without keyboard or mouse input: every page saves what
is typed (``aboutToLock``), the vault's key is dropped, the clipboard is cleared if
it holds something copied from this app, and ``locked`` tells every view to clear
itself, all at once. The encrypted automatic backup is then written by a worker on
its own connection (:class:`BackgroundBackup`), so locking never freezes the window;
a backup that fails is told on the next unlock, and quitting waits for it.
"""

from __future__ import annotations

import hashlib
import threading
import time
from concurrent.futures import Future, ThreadPoolExecutor
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, QTimer, Signal
from PySide6.QtGui import QClipboard, QGuiApplication

from ips_reflect import messages
from ips_reflect.errors import UserError

if TYPE_CHECKING:
    from ips_reflect.store.vault import Vault

_ACTIVITY = {
    QEvent.Type.KeyPress,
    QEvent.Type.MouseButtonPress,
    QEvent.Type.MouseMove,
    QEvent.Type.Wheel,
    QEvent.Type.TouchBegin,
    QEvent.Type.InputMethod,
}


class BackgroundBackup(QObject):
    """Automatic backups on a worker thread, one at a time, in the order asked.

    Each job gets its own handle on the vault (:meth:`Vault.worker_copy`), taken while the
    vault was still open, and closes it when done, which wipes that copy of the key.
    ``finished`` carries "" or a sentence saying why the backup failed.
    """

    finished = Signal(str)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="ips-backup")
        self._pending: list[Future[str]] = []
        self._guard = threading.Lock()
        self._active = 0  # backups asked for and not yet finished

    @property
    def running(self) -> bool:
        """A backup is asked for or being written (False from the moment the last one
        emits ``finished``: whoever waits for that signal then finds it so)."""
        with self._guard:
            return self._active > 0

    def start(self, copy: Vault, keep: int) -> None:
        with self._guard:
            self._active += 1
        future = self._pool.submit(self._run, copy, keep)
        with self._guard:
            self._pending = [f for f in self._pending if not f.done()] + [future]

    def _run(self, copy: Vault, keep: int) -> str:
        try:
            copy.auto_backup(keep=keep)
            problem = ""
        except UserError as exc:
            problem = exc.message
        except Exception:
            problem = messages.LOCK_BACKUP_FAILED
        finally:
            copy.close()
            with self._guard:
                self._active -= 1  # before the signal, never after (see running)
        self.finished.emit(problem)  # queued to the GUI thread
        return problem

    def wait(self, timeout: float | None = None) -> bool:
        """Block until every backup asked for so far is written; False on timeout."""
        with self._guard:
            pending = list(self._pending)
        deadline = None if timeout is None else time.monotonic() + timeout
        for future in pending:
            left = None if deadline is None else max(0.0, deadline - time.monotonic())
            try:
                future.result(timeout=left)
            except Exception:
                if not future.done():
                    return False
        return True

    def shutdown(self) -> None:
        self._pool.shutdown(wait=True)


class VaultSession(QObject):
    unlocked = Signal(object)  # the Vault
    aboutToLock = Signal()  # the vault is still open: save what is typed now
    locked = Signal(str)  # a sentence saying why
    backupFailed = Signal(str)  # the automatic backup after a lock failed: why

    def __init__(
        self, idle_minutes: float = 5.0, backups_kept: int = 10, parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self._vault: Vault | None = None
        self.backups_kept = backups_kept
        self.idle_seconds = max(idle_minutes, 0.0) * 60.0
        self._last_activity = time.monotonic()
        self._timer = QTimer(self)
        self._timer.setInterval(1000)
        self._timer.timeout.connect(self._check_idle)
        self._copied: set[bytes] = set()  # hashes of text copied from this app
        self.backups = BackgroundBackup(self)
        self.backups.finished.connect(self._backup_finished)
        #: Why the last automatic backup failed, kept until the next unlock tells it.
        self.backup_problem = ""
        app = QGuiApplication.instance()
        if app is not None:
            QGuiApplication.clipboard().dataChanged.connect(self._clipboard_changed)

    # -- state

    @property
    def vault(self) -> Vault | None:
        return self._vault

    @property
    def is_unlocked(self) -> bool:
        return self._vault is not None

    def open(self, vault: Vault) -> None:
        if self._vault is not None and self._vault is not vault:
            self._vault.close()
        self._vault = vault
        self._watch_activity(True)
        self.touch()
        if self.idle_seconds > 0:
            self._timer.start()
        self.unlocked.emit(vault)

    def set_idle_minutes(self, minutes: float) -> None:
        self.idle_seconds = max(minutes, 0.0) * 60.0
        if self.idle_seconds <= 0:
            self._timer.stop()
        elif self._vault is not None:
            self._timer.start()

    def touch(self) -> None:
        self._last_activity = time.monotonic()

    def idle_for(self) -> float:
        return time.monotonic() - self._last_activity

    # -- locking

    def lock(self, reason: str = messages.LOCKED_BY_REQUEST) -> None:
        """Lock now: pages save their typing, the key is dropped and every view clears
        at once; the automatic backup follows on a worker (see :class:`BackgroundBackup`)."""
        if self._vault is None:
            return
        self.aboutToLock.emit()
        vault, self._vault = self._vault, None
        self._timer.stop()
        self._watch_activity(False)
        copy: Vault | None = None
        try:
            copy = vault.worker_copy()  # the backup's own connection, taken while open
        except UserError as exc:
            self._backup_finished(exc.message)
        except Exception:
            self._backup_finished(messages.LOCK_BACKUP_FAILED)
        finally:
            vault.close()
        self._clear_clipboard()
        self.locked.emit(reason)
        if copy is not None:
            self.backups.start(copy, self.backups_kept)

    def _backup_finished(self, problem: str) -> None:
        if problem:
            self.backup_problem = problem
            self.backupFailed.emit(problem)

    def take_backup_problem(self) -> str:
        """The failed backup's sentence, once (shown on the next unlock)."""
        problem, self.backup_problem = self.backup_problem, ""
        return problem

    @staticmethod
    def _digest(text: str) -> bytes:
        return hashlib.sha256(text.encode("utf-8", "surrogatepass")).digest()

    def _clipboard_changed(self) -> None:
        """Remember (as a hash, never the text) what this app put on the clipboard."""
        if self._vault is None:
            return
        clipboard = QGuiApplication.clipboard()
        ours = clipboard.ownsClipboard() or QGuiApplication.focusWindow() is not None
        text = clipboard.text()
        if ours and text:
            self._copied.add(self._digest(text))

    def _clear_clipboard(self) -> None:
        clipboard = QGuiApplication.clipboard()
        for mode in (QClipboard.Mode.Clipboard, QClipboard.Mode.Selection):
            if mode == QClipboard.Mode.Selection and not clipboard.supportsSelection():
                continue
            owned = (
                clipboard.ownsClipboard()
                if mode == QClipboard.Mode.Clipboard
                else clipboard.ownsSelection()
            )
            text = clipboard.text(mode)
            if owned or (text and self._digest(text) in self._copied):
                clipboard.clear(mode)
        self._copied.clear()

    def _check_idle(self) -> None:
        idle = self.idle_seconds > 0 and self.idle_for() >= self.idle_seconds
        if self._vault is not None and idle:
            minutes = round(self.idle_seconds / 60)
            self.lock(messages.LOCKED_IDLE.format(minutes=minutes))

    def _watch_activity(self, on: bool) -> None:
        """Watch the keyboard and mouse only while unlocked: while locked there is
        nothing to time out, and no event pays for a Python call."""
        app = QGuiApplication.instance()
        if app is None:
            return
        if on:
            app.installEventFilter(self)
        else:
            app.removeEventFilter(self)

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:
        if event.type() in _ACTIVITY:
            self._last_activity = time.monotonic()
        return False
