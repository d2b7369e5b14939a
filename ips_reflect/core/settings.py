"""App preferences: a small JSON file in the data dir.

Only appearance and window state live here, never anything a person wrote:

* ``theme`` - ``"light"``, ``"dark"`` or ``"high_contrast"``;
* ``font_point_size`` - whole points, kept between 8 and 24;
* ``last_page`` - the key of the page that was open (a short lower-case id);
* ``window`` - position and size as plain numbers, and whether it was maximised;
* ``lock_after_minutes`` - lock the vault after this long without input (1-120);
* ``backups_kept`` - how many automatic encrypted backups to keep (1-100).

The file is ``settings.json`` in the data dir, readable by the owner only (0600,
the folder 0700), and written atomically (a temporary file in the same folder,
then ``os.replace``), so a crash never leaves half a file. A missing, unreadable
or damaged file gives the defaults; a bad value gives that value's default.

Plain Python on purpose: no Qt here, so it is testable anywhere.
"""

from __future__ import annotations

import json
import re
from dataclasses import asdict, dataclass, fields, replace
from pathlib import Path
from typing import Any

from ips_reflect.fileio import atomic_write_bytes, ensure_private_dir

FILENAME = "settings.json"
FORMAT = "ips-reflect/settings"
VERSION = 1

THEMES: tuple[str, ...] = ("light", "dark", "high_contrast")
DEFAULT_THEME = "light"
DEFAULT_FONT_SIZE = 11
MIN_FONT_SIZE = 8
MAX_FONT_SIZE = 24

# Window sizes outside this range are treated as damaged and ignored.
MIN_WINDOW_SIDE = 200
MAX_WINDOW_SIDE = 20_000
MAX_WINDOW_OFFSET = 100_000

DEFAULT_LOCK_MINUTES = 5
LOCK_MINUTES_RANGE = (1, 120)
LOCK_MINUTE_CHOICES: tuple[int, ...] = (1, 2, 5, 10, 15, 30, 60)
DEFAULT_BACKUPS_KEPT = 10
BACKUPS_KEPT_RANGE = (1, 100)

PAGE_KEY_RE = re.compile(r"^[a-z][a-z0-9_]{0,39}$")


@dataclass(frozen=True)
class WindowGeometry:
    """Where the main window was, in screen pixels."""

    x: int
    y: int
    width: int
    height: int
    maximized: bool = False


@dataclass(frozen=True)
class Settings:
    theme: str = DEFAULT_THEME
    font_point_size: int = DEFAULT_FONT_SIZE
    last_page: str | None = None
    window: WindowGeometry | None = None
    lock_after_minutes: int = DEFAULT_LOCK_MINUTES
    backups_kept: int = DEFAULT_BACKUPS_KEPT

    def changed(self, **changes: Any) -> Settings:
        """A copy with ``changes`` applied and every value made valid."""
        return normalise(replace(self, **changes))


def clamp_font_size(size: int) -> int:
    return max(MIN_FONT_SIZE, min(MAX_FONT_SIZE, int(size)))


def settings_path(data_dir: Path) -> Path:
    return Path(data_dir) / FILENAME


# --------------------------------------------------------------------------- validation


def _theme(value: object) -> str:
    return value if isinstance(value, str) and value in THEMES else DEFAULT_THEME


def _font_size(value: object) -> int:
    # bool is an int in Python, but "true" is not a font size.
    if isinstance(value, int) and not isinstance(value, bool):
        return clamp_font_size(value)
    if isinstance(value, float) and value.is_integer():
        return clamp_font_size(int(value))
    return DEFAULT_FONT_SIZE


def _whole(value: object, default: int, bounds: tuple[int, int]) -> int:
    if isinstance(value, int) and not isinstance(value, bool):
        return max(bounds[0], min(bounds[1], value))
    return default


def _lock_minutes(value: object) -> int:
    return _whole(value, DEFAULT_LOCK_MINUTES, LOCK_MINUTES_RANGE)


def _backups(value: object) -> int:
    return _whole(value, DEFAULT_BACKUPS_KEPT, BACKUPS_KEPT_RANGE)


def _page(value: object) -> str | None:
    return value if isinstance(value, str) and PAGE_KEY_RE.match(value) else None


def _window(value: object) -> WindowGeometry | None:
    if isinstance(value, WindowGeometry):
        value = asdict(value)
    if not isinstance(value, dict):
        return None
    numbers = [value.get(k) for k in ("x", "y", "width", "height")]
    ints = [n for n in numbers if isinstance(n, int) and not isinstance(n, bool)]
    if len(ints) != 4:
        return None
    x, y, width, height = ints
    if not (MIN_WINDOW_SIDE <= width <= MAX_WINDOW_SIDE):
        return None
    if not (MIN_WINDOW_SIDE <= height <= MAX_WINDOW_SIDE):
        return None
    if abs(x) > MAX_WINDOW_OFFSET or abs(y) > MAX_WINDOW_OFFSET:
        return None
    maximized = value.get("maximized", False)
    return WindowGeometry(x, y, width, height, maximized is True)


def normalise(settings: Settings) -> Settings:
    """Replace any out-of-range or wrongly typed value with a valid one."""
    return from_dict({f.name: getattr(settings, f.name) for f in fields(settings)})


def from_dict(data: object) -> Settings:
    """Settings from parsed JSON; unknown keys are dropped, bad values defaulted."""
    if not isinstance(data, dict):
        return Settings()
    return Settings(
        theme=_theme(data.get("theme")),
        font_point_size=_font_size(data.get("font_point_size")),
        last_page=_page(data.get("last_page")),
        window=_window(data.get("window")),
        lock_after_minutes=_lock_minutes(data.get("lock_after_minutes")),
        backups_kept=_backups(data.get("backups_kept")),
    )


def to_dict(settings: Settings) -> dict[str, Any]:
    s = normalise(settings)
    window = asdict(s.window) if s.window is not None else None
    return {
        "format": FORMAT,
        "version": VERSION,
        "theme": s.theme,
        "font_point_size": s.font_point_size,
        "last_page": s.last_page,
        "window": window,
        "lock_after_minutes": s.lock_after_minutes,
        "backups_kept": s.backups_kept,
    }


# --------------------------------------------------------------------------- files


def load_settings(data_dir: Path) -> Settings:
    """Read the settings; any problem with the file gives the defaults."""
    path = settings_path(data_dir)
    try:
        raw = path.read_text(encoding="utf-8")
        data = json.loads(raw)
    except (OSError, UnicodeDecodeError, ValueError, RecursionError):
        return Settings()
    return from_dict(data)


def save_settings(data_dir: Path, settings: Settings) -> Path:
    """Write the settings atomically, owner-only. Raises ``OSError`` if it cannot."""
    directory = ensure_private_dir(Path(data_dir))
    path = settings_path(directory)
    text = json.dumps(to_dict(settings), indent=2, sort_keys=True) + "\n"
    atomic_write_bytes(path, text.encode("utf-8"))
    return path
