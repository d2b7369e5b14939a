"""Run slow work (key derivation, PDFs, backups, imports) off the GUI thread.

A :class:`Task` wraps a plain function and runs it on Qt's global thread pool.
Results come back through a relay object that lives on the GUI thread, so the
callbacks always run there (queued connection) and may update widgets; the
function itself never touches widgets.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal, Slot


class TaskRelay(QObject):
    """Lives on the GUI thread; turns worker-thread signals into GUI-thread calls."""

    succeeded = Signal(object)
    failed = Signal(object)  # the exception
    finished = Signal()

    def __init__(self) -> None:
        super().__init__()
        self.on_success: Callable[[Any], None] | None = None
        self.on_failure: Callable[[BaseException], None] | None = None
        self.on_finished: Callable[[], None] | None = None
        self.succeeded.connect(self._succeeded)
        self.failed.connect(self._failed)
        self.finished.connect(self._finished)

    @Slot(object)
    def _succeeded(self, result: Any) -> None:
        if self.on_success is not None:
            self.on_success(result)

    @Slot(object)
    def _failed(self, exc: BaseException) -> None:
        if self.on_failure is not None:
            self.on_failure(exc)

    @Slot()
    def _finished(self) -> None:
        Task._running.discard(self)
        if self.on_finished is not None:
            self.on_finished()


class Task(QRunnable):
    """One call of ``fn(*args, **kwargs)`` on a worker thread."""

    _running: set[TaskRelay] = set()  # keeps relays alive until they deliver

    def __init__(self, fn: Callable[..., Any], *args: Any, **kwargs: Any) -> None:
        super().__init__()
        self.fn, self.args, self.kwargs = fn, args, kwargs
        self.relay = TaskRelay()

    def run(self) -> None:
        relay = self.relay
        try:
            result = self.fn(*self.args, **self.kwargs)
        except Exception as exc:  # reported to the GUI thread, never raised there
            relay.failed.emit(exc)
        else:
            relay.succeeded.emit(result)
        finally:
            relay.finished.emit()


def on_own_connection(fn: Callable[..., Any]) -> Callable[..., Any]:
    """``fn(vault, ...)`` run on :meth:`Vault.worker_copy` of the vault it is given, so
    a slow job (a flag check, an import, an export) never holds the page's connection."""

    def job(vault: Any, *args: Any, **kwargs: Any) -> Any:
        with vault.worker_copy() as own:
            return fn(own, *args, **kwargs)

    job.__name__ = getattr(fn, "__name__", "job")
    return job


def run_task(
    fn: Callable[..., Any],
    *args: Any,
    on_success: Callable[[Any], None] | None = None,
    on_failure: Callable[[BaseException], None] | None = None,
    on_finished: Callable[[], None] | None = None,
    **kwargs: Any,
) -> TaskRelay:
    """Start ``fn`` on the global thread pool; callbacks run on the GUI thread."""
    task = Task(fn, *args, **kwargs)
    relay = task.relay
    relay.on_success, relay.on_failure, relay.on_finished = on_success, on_failure, on_finished
    Task._running.add(relay)
    QThreadPool.globalInstance().start(task)
    return relay
