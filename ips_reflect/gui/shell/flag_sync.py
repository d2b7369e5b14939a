"""Flags on every save: re-check what was just saved, off the GUI thread.

:class:`FlagSync` is one small controller shared by the whole window (built in
:func:`ips_reflect.gui.shell.app._add_feature_pages`, kept in ``window.controllers`` under
:data:`KEY` so it gets the vault on unlock and None on lock like the pages). Whoever
saves or imports entries asks it to :meth:`~FlagSync.request` a sync; it runs
:func:`~ips_reflect.ops.flags.sync_vault_flags` (which searches only new or edited
entries) in a worker, then emits :attr:`~FlagSync.synced` with the
:class:`~ips_reflect.core.flags.SyncResult`. The Journal redraws the flag counts of the
entries in ``result.entries``; the Flags page lists its flags again. Neither page knows
the other: ``app.py`` wires the signals.

Requests made while a sync runs are folded into one more sync after it, and requests
made in one turn of the event loop into one sync (so a save can first store what was
dismissed while writing). A result that arrives after a lock, or for another vault,
is dropped. The worker never touches widgets.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer, Signal

from ips_reflect import messages
from ips_reflect.core.content import Content
from ips_reflect.core.flags import FlagEngine
from ips_reflect.gui.shell.workers import on_own_connection, run_task
from ips_reflect.gui.widgets.flag_panel import shared_engine
from ips_reflect.ops.flag_state import forget_all
from ips_reflect.ops.flags import SyncResult, sync_vault_flags

if TYPE_CHECKING:
    from ips_reflect.store.vault import Vault

#: Where the window keeps the shared :class:`FlagSync` (``window.controllers[KEY]``).
KEY = "flag_sync"


def checked_sentence(result: SyncResult) -> str:
    """What a sync did, in words (the Flags page's status line)."""
    return messages.FLAGS_CHECKED.format(
        scanned=result.scanned,
        entries="entry" if result.scanned == 1 else "entries",
        added=result.added,
        flags="flag" if result.added == 1 else "flags",
        open=result.open,
    )


class FlagSync(QObject):
    """Runs the incremental flag sync after saves; see the module docstring."""

    synced = Signal(object)  # SyncResult
    failed = Signal(str)  # a sentence for the status bar

    def __init__(
        self, content: Content, engine: FlagEngine | None = None, parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self.content = content
        self.engine = engine or shared_engine(content)
        self.vault: Vault | None = None
        self._generation = 0
        self._running = False
        self._again = False
        self._scheduled = False
        self.runs = 0  # syncs started (tests and benchmarks read it)

    def set_vault(self, vault: Vault | None) -> None:
        """The open vault, or None on lock (a sync still running is then ignored)."""
        self._generation += 1
        self.vault = vault
        self._running = self._again = False
        if vault is None:  # what the checks remember (client aliases) goes with the key
            forget_all()

    @property
    def busy(self) -> bool:
        return self._running or self._scheduled

    def request(self, *_args: object) -> None:
        """Re-check new and edited entries soon (after this turn of the event loop)."""
        if self.vault is None:
            return
        if self._running:
            self._again = True
            return
        if not self._scheduled:
            self._scheduled = True
            QTimer.singleShot(0, self._start)

    def _start(self) -> None:
        self._scheduled = False
        vault = self.vault
        if vault is None or self._running:
            return
        self._running = True
        self._again = False
        self.runs += 1
        generation = self._generation

        def done(result: SyncResult) -> None:
            if generation != self._generation:
                if self.vault is None:
                    forget_all()  # a check that ended after the lock remembered again
                return
            self._finish()
            self.synced.emit(result)

        def failed(exc: BaseException) -> None:
            if generation != self._generation:
                if self.vault is None:
                    forget_all()
                return
            self._finish()
            self.failed.emit(messages.FLAG_SYNC_FAILED.format(error=exc))

        run_task(
            on_own_connection(sync_vault_flags),
            vault,
            self.content,
            self.engine,
            on_success=done,
            on_failure=failed,
        )

    def _finish(self) -> None:
        self._running = False
        if self._again:
            self._again = False
            self.request()
