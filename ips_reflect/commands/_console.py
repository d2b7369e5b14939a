"""Standard input, output and error as a command may find them: present, or not.

An app started from the Start menu, the Dock or a desktop launcher (the windowed
executable of an installed build, ``pythonw``) has no console: ``sys.stdin``,
``sys.stdout`` and ``sys.stderr`` are None there. Commands ask these helpers instead
of calling ``isatty()`` or writing to a stream directly, so nothing fails for want of
a console: what would have been printed is dropped, and a command that needs a
terminal or a stream says so as a :class:`~ips_reflect.errors.UserError`. Only the
standard library is imported here.
"""

from __future__ import annotations

import sys
from typing import IO, Any, BinaryIO


class _Nowhere:
    """A text stream that drops what is written to it (there is no console)."""

    def write(self, text: str) -> int:
        return len(text)

    def flush(self) -> None:
        pass

    def isatty(self) -> bool:
        return False


_NOWHERE = _Nowhere()


def is_terminal(stream: Any) -> bool:
    """True when ``stream`` is a terminal; False for None, a pipe, a file or a closed
    or odd stream (one without ``isatty``)."""
    if stream is None:
        return False
    try:
        return bool(stream.isatty())
    except (AttributeError, ValueError, OSError):
        return False


def stdin_is_terminal() -> bool:
    return is_terminal(sys.stdin)


def stdout_is_terminal() -> bool:
    return is_terminal(sys.stdout)


def stderr() -> IO[str] | Any:
    """Where notices and errors go: ``sys.stderr``, or nowhere when there is none
    (never standard output, which may be carrying a JSON document)."""
    return sys.stderr if sys.stderr is not None else _NOWHERE


def binary_stdin() -> BinaryIO | None:
    """Standard input's bytes, or None when there is no standard input."""
    return getattr(sys.stdin, "buffer", None) if sys.stdin is not None else None


def binary_stdout() -> BinaryIO | None:
    """Standard output's bytes, or None when there is no standard output."""
    return getattr(sys.stdout, "buffer", None) if sys.stdout is not None else None
