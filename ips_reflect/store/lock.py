"""One program at a time: the vault lock.

A vault is held by one process for as long as it is open (the app holds it from
start to quit, a command for as long as it runs), so ``restore``, ``passwd`` and
``recover`` can never swap or re-key files under another program, and a second app
cannot write to a folder nobody reads any more.

The lock is ``filelock.FileLock`` on ``vault.lock`` in the data folder: an
operating-system lock (``flock`` on Linux and macOS, ``LockFileEx`` on Windows) that
the system releases by itself when the holding process ends, even after a crash or
SIGKILL, so there is no stale lock file to clean up by hand. The file itself holds
only who holds it (process id, which program, since when) so that the person who is
refused can be told what to close; it holds nothing secret.

Within one process the lock is re-entrant (one shared ``FileLock`` per path, not
per thread): the app's key derivation and backups run on worker threads, and a
vault opened inside the app joins the app's own hold.
"""

from __future__ import annotations

import contextlib
import json
import os
import threading
import time
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path

from ips_reflect import messages
from ips_reflect.fileio import FILE_MODE, ensure_private_dir
from ips_reflect.store.errors import VaultError

LOCK_NAME = "vault.lock"
_INFO_LIMIT = 4096

#: What holds the vault, as people should read it in "in use by ...".
HOLDER_APP = "the IPS Reflect app"
HOLDER_DEFAULT = "another IPS Reflect program"


class VaultBusy(VaultError):
    """Another program holds the vault."""


_guard = threading.Lock()
_held: dict[str, int] = {}
_announced: set[str] = set()


def lock_path(data_dir: Path) -> Path:
    return Path(data_dir) / LOCK_NAME


def _file_lock(path: Path) -> object:
    from filelock import FileLock

    return FileLock(str(path), mode=FILE_MODE, thread_local=False, is_singleton=True)


def _describe_holder(path: Path) -> str:
    """Who holds the lock, from what it wrote into the file; bounded and tolerant."""
    try:
        with open(path, "rb") as fh:
            raw = fh.read(_INFO_LIMIT)
        info = json.loads(raw.decode("utf-8"))
        what = str(info["holder"])[:80]
        pid = int(info["pid"])
        since = datetime.fromisoformat(str(info["since"])).strftime("%H:%M on %d %B %Y")
    except (OSError, ValueError, KeyError, TypeError, RecursionError):
        return HOLDER_DEFAULT
    return messages.VAULT_LOCK_HOLDER.format(holder=what, pid=pid, since=since)


def _write_holder(path: Path, holder: str) -> None:
    info = {"holder": holder, "pid": os.getpid(), "since": datetime.now().isoformat("T", "seconds")}
    data = (json.dumps(info) + "\n").encode("utf-8")
    # Written in place (not replaced): the OS lock belongs to this inode.
    with contextlib.suppress(OSError):
        fd = os.open(path, os.O_WRONLY | getattr(os, "O_NOFOLLOW", 0))
        try:
            os.ftruncate(fd, 0)
            os.write(fd, data)
        finally:
            os.close(fd)


class VaultLock:
    """The lock on one data folder. ``acquire`` raises :class:`VaultBusy` with a
    sentence naming the holder when another process has it."""

    def __init__(self, data_dir: Path, holder: str = HOLDER_DEFAULT) -> None:
        self.data_dir = Path(data_dir)
        self.path = lock_path(self.data_dir)
        self.holder = holder
        self._key = str(self.path.absolute())
        self._acquired = False
        self._file: object = None

    def acquire(self, wait: float = 0.0) -> VaultLock:
        """Take the lock, waiting up to ``wait`` seconds for another program to let go."""
        from filelock import Timeout

        if self._acquired:
            return self
        try:
            ensure_private_dir(self.data_dir)
        except OSError as exc:
            raise VaultError(
                messages.VAULT_LOCK_FAILED.format(dir=self.data_dir, problem=exc.strerror or exc)
            ) from None
        lock = _file_lock(self.path)
        deadline = time.monotonic() + max(0.0, wait)
        while True:
            try:
                lock.acquire(timeout=0)  # type: ignore[attr-defined]
                break
            except Timeout:
                if time.monotonic() >= deadline:
                    raise VaultBusy(
                        messages.VAULT_BUSY.format(
                            dir=self.data_dir, holder=_describe_holder(self.path)
                        )
                    ) from None
                time.sleep(0.05)
            except OSError as exc:
                raise VaultError(
                    messages.VAULT_LOCK_FAILED.format(
                        dir=self.data_dir, problem=exc.strerror or exc
                    )
                ) from None
        with _guard:
            _held[self._key] = _held.get(self._key, 0) + 1
        # Keep the FileLock alive: filelock keeps its per-path instances weakly and
        # releases the OS lock when the last reference goes.
        self._file = lock
        self._acquired = True
        return self

    def announce(self) -> None:
        """Write who holds the lock, once per hold of this process. Called only after a
        vault really opened, so a wrong passphrase changes no file, this one included."""
        with _guard:
            if not self._acquired or self._key in _announced:
                return
            _announced.add(self._key)
        _write_holder(self.path, self.holder)

    def release(self) -> None:
        if not self._acquired:
            return
        self._acquired = False
        with _guard:
            _held[self._key] = max(0, _held.get(self._key, 1) - 1)
            if not _held[self._key]:
                _announced.discard(self._key)
        lock, self._file = self._file, None
        with contextlib.suppress(Exception):
            lock.release()  # type: ignore[attr-defined]

    @property
    def held(self) -> bool:
        return self._acquired

    def __enter__(self) -> VaultLock:
        return self.acquire()

    def __exit__(self, *exc: object) -> None:
        self.release()


def held_here(data_dir: Path) -> bool:
    """True if this process holds the lock on ``data_dir`` (e.g. the app around an
    in-app restore)."""
    with _guard:
        return _held.get(str(lock_path(Path(data_dir)).absolute()), 0) > 0


@contextlib.contextmanager
def holding(data_dir: Path, holder: str = HOLDER_DEFAULT, wait: float = 0.0) -> Iterator[VaultLock]:
    lock = VaultLock(data_dir, holder).acquire(wait)
    try:
        yield lock
    finally:
        lock.release()


#: How long a command waits for a program that is about to let go (e.g. a command
#: that is finishing) before it says the vault is busy. Set by the command line.
default_wait: float = 0.0
#: Who this process is, for the sentence another program shows when refused.
default_holder: str = HOLDER_DEFAULT


def busy_sentence(data_dir: Path) -> str:
    """The vault is busy, in words (for a database another connection holds)."""
    return messages.VAULT_BUSY.format(dir=data_dir, holder=HOLDER_DEFAULT)
