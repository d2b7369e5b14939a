"""Reading a bio card's photo without reaching outside the card's folder.

Cards come from other people's computers. A card's ``photo:`` must name an
ordinary file inside the card's own folder, reached without any symbolic link;
the file is opened without blocking (a pipe never hangs the reader), checked on
the open descriptor (regular file, size limit) and read once, and the bytes
returned are the bytes that were checked, so a booklet embeds exactly what was
checked. Everything that is not such a file gets the same "not found" words, so
a card cannot be used to find out which files exist on the reader's computer.
"""

from __future__ import annotations

import io
import os
import stat
from collections.abc import Sequence
from pathlib import Path, PurePath

from ips_reflect.core.yamlsafe import display_path, excerpt
from ips_reflect.fileio import read_limited

PHOTO_MAX_BYTES = 10 * 1024 * 1024
PHOTO_MAX_PIXELS = 50_000_000

_PHOTO_NOT_FOUND = (
    "the photo '{shown}' was not found in this card's folder; put the photo file next to "
    "the card and write just its name (for example 'photo: sam.jpg'), or remove the "
    "'photo' line"
)
_PHOTO_MISSING_WARNING = (
    "the photo '{shown}' was not found in this card's folder, so the booklet shows the "
    "person's initials instead; to show the photo, put the file next to the card and write "
    "just its name (for example 'photo: sam.jpg')"
)
_CLOEXEC = getattr(os, "O_CLOEXEC", 0)
_NOFOLLOW = getattr(os, "O_NOFOLLOW", 0)
_NONBLOCK = getattr(os, "O_NONBLOCK", 0)
_FILE_FLAGS = os.O_RDONLY | _NONBLOCK | _CLOEXEC | getattr(os, "O_BINARY", 0)


class _PhotoMissing(Exception):
    """The photo is not an ordinary file reachable inside the card's folder."""


def _photo_data_problem(data: bytes, shown: str) -> str | None:
    """Why these photo bytes cannot be used (a message), or None for a usable PNG/JPEG."""
    if not (data.startswith(b"\x89PNG\r\n\x1a\n") or data.startswith(b"\xff\xd8\xff")):
        return f"the photo '{shown}' is not a PNG or JPEG image; save it as .png or .jpg"
    try:
        from reportlab.lib.utils import ImageReader

        width, height = ImageReader(io.BytesIO(data)).getSize()
    except Exception:  # any decoder failure means the file is unusable
        return f"the photo '{shown}' is damaged or incomplete; export it again as PNG or JPEG"
    if width <= 0 or height <= 0:
        return f"the photo '{shown}' has no pixels; export it again as PNG or JPEG"
    if width * height > PHOTO_MAX_PIXELS:
        return (
            f"the photo '{shown}' is {width}x{height} pixels, which is too large; "
            "resize it to under 4000 pixels on the longest side"
        )
    return None


def _too_big(shown: str, size: int) -> str:
    return (
        f"the photo '{shown}' is {size / 1024 / 1024:.1f} MB; use one under "
        f"{PHOTO_MAX_BYTES // 1024 // 1024} MB (a phone's 'medium' size is plenty)"
    )


def _read_photo_fd(fd: int, shown: str) -> tuple[bytes | None, str | None]:
    """Read and check the photo open on ``fd`` (an ordinary file, at most the size limit).

    Raises :class:`_PhotoMissing` when ``fd`` is not an ordinary file.
    """
    st = os.fstat(fd)
    if not stat.S_ISREG(st.st_mode):
        raise _PhotoMissing
    if st.st_size > PHOTO_MAX_BYTES:
        return None, _too_big(shown, st.st_size)
    data = read_limited(fd, PHOTO_MAX_BYTES)
    if data is None:  # it grew while being read
        return None, _too_big(shown, PHOTO_MAX_BYTES + 1)
    problem = _photo_data_problem(data, shown)
    return (None, problem) if problem else (data, None)


def _open_inside(folder: Path, parts: Sequence[str]) -> int:
    """Open ``folder/parts...`` for reading without following any symbolic link.

    Every component is checked relative to ``folder`` (already resolved): each
    folder on the way with ``lstat`` and, where the system allows it, opened one
    by one with ``O_NOFOLLOW`` relative to the one before, so nothing can be
    swapped for a link in between. Raises :class:`OSError` or :class:`_PhotoMissing`.
    """
    cur = folder
    for part in parts[:-1]:
        cur = cur / part
        if not stat.S_ISDIR(os.lstat(cur).st_mode):  # a link, a file, ...
            raise _PhotoMissing
    last = cur / parts[-1]
    lst = os.lstat(last)
    if not stat.S_ISREG(lst.st_mode):  # a link, a folder, a pipe, a device
        raise _PhotoMissing
    o_directory = getattr(os, "O_DIRECTORY", 0)
    if _NOFOLLOW and o_directory and os.open in os.supports_dir_fd:
        dir_fd = os.open(folder, os.O_RDONLY | o_directory | _CLOEXEC)
        try:
            for part in parts[:-1]:
                next_fd = os.open(
                    part, os.O_RDONLY | o_directory | _NOFOLLOW | _CLOEXEC, dir_fd=dir_fd
                )
                os.close(dir_fd)
                dir_fd = next_fd
            fd = os.open(parts[-1], _FILE_FLAGS | _NOFOLLOW, dir_fd=dir_fd)
        finally:
            os.close(dir_fd)
    else:  # pragma: no cover - systems without O_NOFOLLOW / dir_fd (Windows)
        fd = os.open(last, _FILE_FLAGS | _NOFOLLOW)
    st = os.fstat(fd)
    if (st.st_dev, st.st_ino) != (lst.st_dev, lst.st_ino):  # swapped after the check
        os.close(fd)
        raise _PhotoMissing
    return fd


def read_card_photo(folder: Path, value: str) -> tuple[bytes | None, Path | None, str | None]:
    """The photo a card names: (bytes, path, None) or (None, None, message).

    ``value`` must be a relative name inside ``folder`` (the card's folder): no
    absolute path, ``~`` or ``..``, and no symbolic link anywhere on the way.
    Everything that is not an ordinary file inside the folder gets the same
    "not found" words, so a card cannot probe for files elsewhere.
    """
    shown = excerpt(value)
    missing = (None, None, _PHOTO_NOT_FOUND.format(shown=shown))
    if "\0" in value or value.startswith("~"):
        return missing
    rel = PurePath(value)
    parts = [p for p in rel.parts if p not in ("", ".")]
    if rel.is_absolute() or rel.anchor or not parts or ".." in parts:
        return missing
    try:
        base = folder.resolve()
        fd = _open_inside(base, parts)
    except (OSError, ValueError, RuntimeError, _PhotoMissing):
        return missing
    try:
        data, problem = _read_photo_fd(fd, shown)
    except _PhotoMissing:
        return missing
    except OSError as exc:
        return None, None, f"the photo '{shown}' cannot be read ({exc.strerror or exc})"
    finally:
        os.close(fd)
    if problem:
        return None, None, problem
    return data, folder.absolute().joinpath(*parts), None


def missing_photo_warning(value: str, message: str) -> str | None:
    """For a team card: the warning to give instead of ``message`` when ``message`` says
    the photo ``value`` was not found (the card then goes in with initials), else None.

    Every way of not finding the photo (missing, outside the folder, a link) has the same
    words, so this tells nothing more about the reader's files than the error did."""
    if message != _PHOTO_NOT_FOUND.format(shown=excerpt(value)):
        return None
    return _PHOTO_MISSING_WARNING.format(shown=excerpt(value))


def read_photo_file(path: Path) -> tuple[bytes | None, str | None]:
    """A photo the practitioner chose on their own computer: (bytes, None) or (None, message).

    Opened without blocking (a pipe never hangs the app) and read once; the
    bytes returned are the bytes that were checked.
    """
    shown = excerpt(display_path(path), 80)
    gone = (
        f"the photo '{shown}' was not found; put the photo in the same folder as the "
        "card or remove the 'photo' line"
    )
    try:
        fd = os.open(path, _FILE_FLAGS)
    except IsADirectoryError:
        return None, f"the photo '{shown}' is a folder, not an image file"
    except (OSError, ValueError):  # ValueError: a NUL character in the name
        return None, gone
    try:
        if stat.S_ISDIR(os.fstat(fd).st_mode):
            return None, f"the photo '{shown}' is a folder, not an image file"
        return _read_photo_fd(fd, shown)
    except _PhotoMissing:
        return None, f"the photo '{shown}' is not an ordinary file; choose a PNG or JPEG image"
    except OSError as exc:
        return None, f"the photo '{shown}' cannot be read ({exc.strerror or exc})"
    finally:
        os.close(fd)


def check_photo(path: Path) -> str | None:
    """Why a photo cannot be used (a message), or None when it is a readable PNG/JPEG."""
    return read_photo_file(path)[1]
