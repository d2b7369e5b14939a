"""The open vault and when to lock it.

``VaultSession`` holds the unlocked vault for the GUI. It locks on request
(Ctrl+L) or after a period without keyboard or mouse input: an encrypted
automatic backup is taken, the vault's key is dropped, the clipboard is cleared
if it holds something copied from this app, and ``locked`` tells every view to
clear itself.
"""

from __future__ import annotations

import hashlib
import time
from typing import TYPE_CHECKING, Any

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


class VaultSession(QObject):
    unlocked = Signal(object)  # the Vault
    aboutToLock = Signal()  # the vault is still open: save what is typed now
    locked = Signal(str)  # a sentence saying why

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
        app = QGuiApplication.instance()
        if app is not None:
            app.installEventFilter(self)
            QGuiApplication.clipboard().dataChanged.connect(self._clipboard_changed)

    # -- state

    @property
    def vault(self) -> Any:
        return self._vault

    @property
    def is_unlocked(self) -> bool:
        return self._vault is not None

    def open(self, vault: Vault) -> None:
        if self._vault is not None and self._vault is not vault:
            self._vault.close()
        self._vault = vault
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
        if self._vault is None:
            return
        self.aboutToLock.emit()
        vault, self._vault = self._vault, None
        self._timer.stop()
        try:
            vault.auto_backup(keep=self.backups_kept)
        except UserError as exc:  # a failed backup never stops the lock, but is told
            reason = f"{reason} {exc.message}"
        except Exception:
            reason = f"{reason} {messages.LOCK_BACKUP_FAILED}"
        finally:
            vault.close()
        self._clear_clipboard()
        self.locked.emit(reason)

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

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:
        if event.type() in _ACTIVITY:
            self._last_activity = time.monotonic()
        return False
