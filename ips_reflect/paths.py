"""The one place that knows where the app's files live.

`content/`, `ui/` and `resources/` sit at the top of a source checkout and are
copied into ``ips_reflect/_data/`` inside a built wheel. Everything else asks
this module, so both layouts work.

The user's data directory is chosen here too: ``--data-dir``, else the
``IPS_REFLECT_DATA_DIR`` environment variable, else the platform's user data dir
(on Windows the local one, ``%LOCALAPPDATA%\\ips-reflect``, never the roaming one).
"""

from __future__ import annotations

import os
from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent
_INSTALLED = _PACKAGE / "_data"
_BASE = _INSTALLED if _INSTALLED.is_dir() else _PACKAGE.parent

DATA_DIR_ENV = "IPS_REFLECT_DATA_DIR"


def base_dir() -> Path:
    """Folder that holds content/, ui/ and resources/."""
    return _BASE


def content_dir() -> Path:
    return _BASE / "content"


def ui_dir() -> Path:
    return _BASE / "ui"


def resources_dir() -> Path:
    return _BASE / "resources"


def ui_file(name: str) -> Path:
    """Path of a Qt Designer file, e.g. ``ui_file("guide")`` -> ui/guide.ui."""
    return ui_dir() / (name if name.endswith(".ui") else f"{name}.ui")


def resource(*parts: str) -> Path:
    return resources_dir().joinpath(*parts)


def font_file(name: str) -> Path:
    return resources_dir() / "fonts" / name


def user_data_dir(override: str | os.PathLike[str] | None = None) -> Path:
    """Resolve the data directory without creating it."""
    if override:
        return Path(override).expanduser().resolve()
    env = os.environ.get(DATA_DIR_ENV)
    if env:
        return Path(env).expanduser().resolve()
    from platformdirs import user_data_dir as _platform_dir

    # Windows: %LOCALAPPDATA%\ips-reflect, on this computer only. Not the roaming
    # profile: an encrypted vault copied between computers at each sign-in could be
    # half-copied or overwritten by an older copy. A local folder is lost when the
    # computer is re-imaged, so the set-up window and the user guide say to keep a
    # backup elsewhere (Vault > Back up now > Save a copy elsewhere).
    return Path(_platform_dir("ips-reflect", appauthor=False, roaming=False))


def ensure_private_dir(path: Path) -> Path:
    """Create ``path`` (and parents) readable by the owner only (0700)."""
    path.mkdir(parents=True, exist_ok=True, mode=0o700)
    os.chmod(path, 0o700)
    return path


def override_content_dir(data_dir: Path) -> Path:
    """An organisation's own question packs, inside the data dir."""
    return data_dir / "content"


def content_sources(
    content_dirs: list[str] | tuple[str, ...] = (), data_dir: str | os.PathLike[str] | None = None
) -> tuple[Path, list[Path]]:
    """The base folder of question packs and the override folders the app loads: each
    ``--content-dir``, then ``content/`` in the data folder."""
    overrides = [Path(d) for d in content_dirs]
    overrides.append(override_content_dir(user_data_dir(data_dir)))
    return content_dir(), overrides
