"""Private, atomic, durable file writing, for the vault and the settings alike.

Every file the app writes is readable by its owner only (0600, folders 0700)
and appears all at once: it is written to a temporary file in the *same*
folder, flushed and fsynced, renamed over the target with ``os.replace``, and
the folder is fsynced so the rename survives a power cut. Nothing goes to the
system temp folder.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import BinaryIO

FILE_MODE = 0o600
DIR_MODE = 0o700


@contextlib.contextmanager
def private_umask() -> Iterator[None]:
    """Files and folders created inside are for the owner only."""
    old = os.umask(0o077)
    try:
        yield
    finally:
        os.umask(old)


def fsync_dir(path: Path) -> None:
    """Make a rename or new file in ``path`` durable (no-op where unsupported)."""
    if os.name != "posix":
        return
    fd = os.open(path, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0))
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def ensure_private_dir(path: Path) -> Path:
    """Create ``path`` (and parents) and make it 0700."""
    with private_umask():
        path.mkdir(parents=True, exist_ok=True, mode=DIR_MODE)
    with contextlib.suppress(OSError):
        os.chmod(path, DIR_MODE)
    return path


def chmod_private(path: Path) -> None:
    with contextlib.suppress(FileNotFoundError):
        os.chmod(path, FILE_MODE)


@contextlib.contextmanager
def atomic_writer(path: Path) -> Iterator[BinaryIO]:
    """Yield a binary file; on success it replaces ``path`` atomically (mode 0600).

    On any exception the temporary file is removed and ``path`` is untouched.
    Once the rename has happened the write has succeeded: a failing fsync of the
    folder afterwards is not reported, since ``path`` already holds the new bytes
    and saying otherwise would mislead (the old file is gone).
    """
    path = Path(path)
    folder = path.parent if str(path.parent) else Path(".")
    with private_umask():
        fd, tmp = tempfile.mkstemp(dir=folder, prefix=f".{path.name}.", suffix=".part")
    tmp_path = Path(tmp)
    try:
        with os.fdopen(fd, "wb") as fh:
            yield fh
            fh.flush()
            os.fsync(fh.fileno())
        os.chmod(tmp_path, FILE_MODE)
        os.replace(tmp_path, path)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            tmp_path.unlink()
        raise
    with contextlib.suppress(OSError):
        fsync_dir(folder)


def atomic_write_bytes(path: Path, data: bytes) -> None:
    with atomic_writer(path) as fh:
        fh.write(data)


def fsync_file(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def read_limited(fd: int, max_bytes: int) -> bytes | None:
    """Everything left to read on ``fd``, or None if that is more than ``max_bytes``.

    Reads at most one byte past the limit, so a file that is endless (a device) or
    grows while it is read is refused after a bounded amount of work. Used by every
    reader of a file from elsewhere (imports, packs, bio cards, photos), each of which
    first checks on the open descriptor that it is an ordinary file of an allowed size.
    """
    chunks: list[bytes] = []
    total = 0
    while total <= max_bytes:
        chunk = os.read(fd, min(1024 * 1024, max_bytes + 1 - total))
        if not chunk:
            break
        chunks.append(chunk)
        total += len(chunk)
    return None if total > max_bytes else b"".join(chunks)
