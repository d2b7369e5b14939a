"""Read a file someone hands us, with a size limit and no surprises.

:func:`read_regular_file` refuses, with a sentence, anything that is not an
ordinary file (a folder, a named pipe that would wait for a writer forever, a
device such as ``/dev/zero`` that never ends) and any file over ``max_bytes``,
before reading it. The file is opened without blocking and checked through the
open handle, so it cannot be swapped for a pipe between the check and the read.

Plain Python: no Qt. Used by ``ips-reflect import`` and ``ips-reflect flags scan``.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path
from typing import BinaryIO

from ips_reflect.errors import UserError
from ips_reflect.fileio import read_limited
from ips_reflect.textsafe import for_terminal

MIB = 1024 * 1024


def describe_size(n: int) -> str:
    """``64 MiB``, ``1.5 MiB``, ``900 KiB``, ``12 bytes``."""
    if n >= MIB:
        value = n / MIB
        return f"{value:.0f} MiB" if value == int(value) or value >= 10 else f"{value:.1f} MiB"
    if n >= 1024:
        return f"{n // 1024} KiB"
    return f"{n} byte{'s' if n != 1 else ''}"


class FileTooLarge(UserError):
    """The file is bigger than the command accepts."""


class NotAFile(UserError):
    """The name is a folder, pipe, device or socket, not an ordinary file."""


def _too_large(shown: str, size: int | None, max_bytes: int, what: str) -> FileTooLarge:
    size_text = f"is {describe_size(size)}" if size is not None else "is larger than that"
    return FileTooLarge(
        f"{shown} {size_text}; {what} can be at most {describe_size(max_bytes)}. "
        "Nothing was read. Split it into smaller files and try again."
    )


def read_stream(stream: BinaryIO, *, max_bytes: int, shown: str, what: str) -> bytes:
    """At most ``max_bytes`` from ``stream`` (e.g. standard input); refuse more."""
    data = stream.read(max_bytes + 1)
    if len(data) > max_bytes:
        raise _too_large(shown, None, max_bytes, what)
    return data


def read_regular_file(
    path: Path, *, max_bytes: int, what: str = "the file", give: str = "the name of a file"
) -> bytes:
    """The bytes of ``path`` if it is an ordinary file of at most ``max_bytes``.

    Raises :class:`UserError` (exit 1) with a sentence naming the file (escaped
    for the terminal) for a missing file, a folder, a pipe, device or socket, a
    file over the limit, or a file that cannot be read. ``what`` names the
    kind of file in the too-large sentence, e.g. ``"an entries file"``, and
    ``give`` what to give instead of a folder, e.g. ``"the .json file to import"``.
    """
    shown = for_terminal(path)
    flags = os.O_RDONLY
    for name in ("O_NONBLOCK", "O_NOCTTY", "O_BINARY", "O_CLOEXEC"):
        flags |= getattr(os, name, 0)
    if not hasattr(os, "O_NONBLOCK"):  # Windows: look first (no FIFOs to block on there)
        try:
            mode = os.stat(path).st_mode
        except OSError:
            mode = stat.S_IFREG  # reported by the open below
        if not stat.S_ISREG(mode):
            raise _not_a_file(shown, mode, give)
    try:
        fd = os.open(path, flags)
    except FileNotFoundError:
        raise UserError(f"There is no file {shown}. Check the name and try again.") from None
    except IsADirectoryError:
        raise NotAFile(f"{shown} is a folder; give {give}.") from None
    except PermissionError:
        raise UserError(f"{shown} cannot be read: you do not have permission to open it.") from None
    except OSError as exc:
        raise UserError(f"{shown} cannot be read ({for_terminal(exc.strerror or exc)}).") from None
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            raise _not_a_file(shown, info.st_mode, give)
        if info.st_size > max_bytes:
            raise _too_large(shown, info.st_size, max_bytes, what)
        data = read_limited(fd, max_bytes)
        if data is None:  # it grew while we read it
            raise _too_large(shown, None, max_bytes, what)
    except OSError as exc:
        raise UserError(f"{shown} cannot be read ({for_terminal(exc.strerror or exc)}).") from None
    finally:
        os.close(fd)
    return data


def _not_a_file(shown: str, mode: int, give: str) -> NotAFile:
    if stat.S_ISDIR(mode):
        return NotAFile(f"{shown} is a folder; give {give}.")
    if stat.S_ISFIFO(mode):
        kind = "a named pipe"
    elif stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        kind = "a device"
    elif stat.S_ISSOCK(mode):
        kind = "a socket"
    else:
        kind = "something else"
    return NotAFile(f"{shown} is {kind}, not an ordinary file; nothing was read. Give {give}.")
