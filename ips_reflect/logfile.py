"""A small log of crashes in the data folder, for builds with no console to print to.

An installed app opened from the Start menu, the Dock or a desktop launcher has no
terminal, so the technical details of an unexpected problem would otherwise be lost.
They go to ``ips-reflect.log`` in the data folder instead (at most about 3 x 128 KiB:
the file is rotated, two older ones are kept; readable by the owner only).

What is written: the time, an event name (``crash in the app``, ``crash in the command
'search'``), the exception's type and the frames of its traceback (file, line, function
and the line of code). Never the exception's message, which could quote an entry, a
passphrase or a file name, nor any value from the program's memory: the log holds
nothing a person wrote. Exceptions it chains to (``raise ... from ...``) are recorded
the same way.

Only the standard library is imported here, and :mod:`logging` only when something is
written, so the command line and the unlock window start no slower for it.
"""

from __future__ import annotations

import os
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import logging

LOG_NAME = "ips-reflect.log"
MAX_BYTES = 128 * 1024
BACKUP_COUNT = 2
#: No more than this many frames per exception: the innermost ones, which say most.
MAX_FRAMES = 60
#: Nor more than this many chained exceptions.
MAX_CHAIN = 5

_data_dir_arg: str | None = None
_handlers: dict[Path, logging.Handler] = {}


def use_data_dir(data_dir_arg: str | os.PathLike[str] | None) -> None:
    """Remember the ``--data-dir`` the command line was given (None: the default)."""
    global _data_dir_arg
    _data_dir_arg = None if data_dir_arg is None else os.fspath(data_dir_arg)


def log_path(data_dir: Path | None = None) -> Path:
    """Where the log is (or would be) written."""
    if data_dir is None:
        from ips_reflect import paths

        data_dir = paths.user_data_dir(_data_dir_arg)
    return data_dir / LOG_NAME


def type_name(kind: type[BaseException]) -> str:
    """``KeyError``, ``sqlite3.OperationalError``: the exception's class, never its text."""
    module = getattr(kind, "__module__", "") or ""
    name = str(getattr(kind, "__qualname__", None) or getattr(kind, "__name__", "?"))
    return name if module in ("builtins", "__main__", "") else f"{module}.{name}"


def _short_file(filename: str) -> str:
    """A frame's file without the folders above the package it belongs to, so no user
    name or home folder reaches the log: ``ips_reflect/cli.py``, ``PySide6/...``."""
    parts = Path(filename).parts
    for marker in ("ips_reflect", "site-packages", "_internal", "lib-dynload"):
        if marker in parts:
            i = len(parts) - 1 - parts[::-1].index(marker)
            keep = parts[i:] if marker == "ips_reflect" else parts[i + 1 :]
            if keep:
                return "/".join(keep)
    if "packaging" in parts:
        return "/".join(parts[parts.index("packaging") :])
    return Path(filename).name


def scrubbed_traceback(
    kind: type[BaseException], exc: BaseException | None, tb: TracebackType | None
) -> list[str]:
    """The traceback as lines: the frames and the exception's type, never its message."""
    import traceback

    chain: list[tuple[str, type[BaseException], TracebackType | None]] = [("", kind, tb)]
    seen = {id(exc)}
    current = exc
    while current is not None and len(chain) < MAX_CHAIN:
        if current.__cause__ is not None:
            nxt, how = current.__cause__, "which was caused by"
        elif current.__context__ is not None and not current.__suppress_context__:
            nxt, how = current.__context__, "which happened while handling"
        else:
            break
        if id(nxt) in seen:
            break
        seen.add(id(nxt))
        chain.append((how, type(nxt), nxt.__traceback__))
        current = nxt
    lines: list[str] = []
    for how, each_kind, each_tb in chain:
        if how:
            lines.append(f"{how}:")
        frames = list(traceback.extract_tb(each_tb))
        if len(frames) > MAX_FRAMES:
            lines.append(f"  ... {len(frames) - MAX_FRAMES} outer frames left out")
            frames = frames[-MAX_FRAMES:]
        for frame in frames:
            lines.append(
                f'  File "{_short_file(frame.filename)}", line {frame.lineno}, in {frame.name}'
            )
            if frame.line:
                lines.append(f"    {frame.line.strip()}")
        lines.append(f"{type_name(each_kind)} (message left out)")
    return lines


def _private_handler(path: Path) -> logging.Handler:
    """A rotating handler whose files are readable by the owner only (0600)."""
    from logging.handlers import RotatingFileHandler

    class PrivateRotatingFileHandler(RotatingFileHandler):
        def _open(self) -> Any:
            fd = os.open(self.baseFilename, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o600)
            return os.fdopen(fd, "a", encoding="utf-8", errors="backslashreplace")

    handler = PrivateRotatingFileHandler(
        path, maxBytes=MAX_BYTES, backupCount=BACKUP_COUNT, encoding="utf-8", delay=True
    )
    import logging

    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(message)s"))
    return handler


def _logger(path: Path) -> logging.Logger:
    import logging

    logger = logging.getLogger("ips_reflect.logfile")
    logger.propagate = False  # never to a console handler someone else set up
    logger.setLevel(logging.INFO)
    handler = _handlers.get(path)
    if handler is None:
        for old in list(logger.handlers):
            logger.removeHandler(old)
            old.close()
        _handlers.clear()
        handler = _handlers[path] = _private_handler(path)
        logger.addHandler(handler)
    return logger


def record_crash(
    kind: type[BaseException],
    exc: BaseException | None,
    tb: TracebackType | None,
    where: str = "the app",
    data_dir: Path | None = None,
) -> Path | None:
    """Write one crash to the log: ``where`` (an event name, never user text), the
    exception's type and its frames. Returns the log's path, or None when there is no
    data folder yet or it cannot be written. Never raises: it runs while something
    else has already gone wrong."""
    try:
        path = log_path(data_dir)
        if not path.parent.is_dir():
            return None  # no folder is made just to hold a log
        logger = _logger(path)
        body = "\n".join(scrubbed_traceback(kind, exc, tb))
        logger.error("crash in %s: %s\n%s", where, type_name(kind), body)
        for handler in logger.handlers:
            handler.flush()
        return path
    except Exception:  # a log that cannot be written must not hide the first problem
        return None


def close() -> None:
    """Close the log file (tests; the interpreter closes it at exit otherwise)."""
    import logging

    logger = logging.getLogger("ips_reflect.logfile")
    for handler in list(logger.handlers):
        logger.removeHandler(handler)
        handler.close()
    _handlers.clear()


__all__ = [
    "LOG_NAME",
    "close",
    "log_path",
    "record_crash",
    "scrubbed_traceback",
    "type_name",
    "use_data_dir",
]
