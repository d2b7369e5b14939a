"""Build the one-folder app with PyInstaller, on whatever system this runs on.

usage: python packaging/build.py [--no-archive]

Runs ``packaging/ips-reflect.spec`` into ``dist/ips-reflect/`` (and on macOS also
``dist/IPS Reflect.app``), timing it, then on Linux adds the desktop entry files and
packs ``dist/ips-reflect-<version>-linux-<machine>.tar.gz``. What it measured goes
to ``dist/build-info.json`` for ``packaging/smoke.py`` to report. Windows and macOS
installers (MSI, DMG) are made by the workflow ``.github/workflows/installers.yml``
from the same folder.
"""

from __future__ import annotations

import json
import platform
import shutil
import subprocess
import sys
import tarfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
DIST = REPO / "dist"
WORK = HERE / "build" / "pyinstaller"
SPEC = HERE / "ips-reflect.spec"
FOLDER = DIST / "ips-reflect"
INFO = DIST / "build-info.json"


def version() -> str:
    sys.path.insert(0, str(REPO))
    from ips_reflect import __version__

    return __version__


def archive_name(ver: str) -> str:
    machine = platform.machine().lower() or "unknown"
    system = {"linux": "linux", "darwin": "macos", "win32": "windows"}.get(sys.platform, "other")
    return f"ips-reflect-{ver}-{system}-{machine}"


def run_pyinstaller() -> float:
    started = time.perf_counter()
    subprocess.run(
        [
            sys.executable,
            "-m",
            "PyInstaller",
            str(SPEC),
            "--noconfirm",
            "--clean",
            "--log-level",
            "WARN",
            "--distpath",
            str(DIST),
            "--workpath",
            str(WORK),
        ],
        cwd=REPO,
        check=True,
    )
    return time.perf_counter() - started


def add_linux_files() -> None:
    """The desktop entry, its icon and the script that installs them for this user."""
    shutil.copy2(HERE / "build" / "icons" / "ips-reflect-256.png", FOLDER / "ips-reflect.png")
    for name in ("ips-reflect.desktop.in", "install-desktop-entry.sh"):
        shutil.copy2(HERE / "linux" / name, FOLDER / name)
    (FOLDER / "install-desktop-entry.sh").chmod(0o755)


def make_tarball(ver: str) -> Path:
    target = DIST / f"{archive_name(ver)}.tar.gz"
    with tarfile.open(target, "w:gz", compresslevel=9) as tar:
        tar.add(FOLDER, arcname=FOLDER.name)
    return target


def main(argv: list[str]) -> int:
    ver = version()
    build_seconds = run_pyinstaller()
    info: dict[str, object] = {
        "version": ver,
        "platform": sys.platform,
        "machine": platform.machine(),
        "build_seconds": round(build_seconds, 1),
        "folder": str(FOLDER),
    }
    if sys.platform.startswith("linux"):
        add_linux_files()
        if "--no-archive" not in argv:
            tarball = make_tarball(ver)
            info["archive"] = str(tarball)
            info["archive_bytes"] = tarball.stat().st_size
    INFO.write_text(json.dumps(info, indent=2) + "\n", encoding="utf-8")
    print(f"build: {FOLDER} in {build_seconds:.1f} s")
    if "archive" in info:
        print(f"build: {info['archive']} ({int(info['archive_bytes']) / 1e6:.0f} MB)")  # type: ignore[call-overload]
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
