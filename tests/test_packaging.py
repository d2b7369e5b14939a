"""The wheel carries content/, ui/ and resources/ and works installed outside the repo."""

from __future__ import annotations

import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def installed(tmp_path_factory) -> Path:
    """The project's wheel, built and unpacked into a folder of its own."""
    work = tmp_path_factory.mktemp("wheel")
    # Built by the build backend itself (hatchling, in the test extras), offline and
    # without pip, so the whole build runs under the network guard.
    build = subprocess.run(
        [sys.executable, "-m", "hatchling", "build", "-t", "wheel", "-d", str(work)],
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert build.returncode == 0, build.stderr[-2000:]
    (wheel,) = work.glob("ips_reflect-*.whl")
    names = zipfile.ZipFile(wheel).namelist()
    for needed in (
        "ips_reflect/_data/content/warning_signs.yaml",
        "ips_reflect/_data/ui/main_window.ui",
        "ips_reflect/_data/resources/fonts/DejaVuSans.ttf",
        "ips_reflect/_data/resources/fonts/LICENSE-DejaVu.txt",
        "ips_reflect/_data/resources/styles/00-base.qss",
    ):
        assert needed in names, f"{needed} is missing from the wheel"
    assert not any(n.startswith("tests/") for n in names)
    target = work / "site"
    with zipfile.ZipFile(wheel) as zf:
        zf.extractall(target)
    return target


def _run(installed: Path, *args: str, **env: str) -> subprocess.CompletedProcess[str]:
    environ = dict(os.environ, PYTHONPATH=str(installed), QT_QPA_PLATFORM="offscreen", **env)
    return subprocess.run(
        [sys.executable, *args],
        capture_output=True,
        text=True,
        cwd=installed.parent,  # not the repo: nothing can be found there by accident
        env=environ,
        timeout=120,
    )


def test_installed_wheel_finds_its_own_files(installed: Path) -> None:
    result = _run(
        installed, "-c", "import ips_reflect.paths as p; print(p.content_dir()); print(p.ui_dir())"
    )
    assert result.returncode == 0, result.stderr
    for line in result.stdout.splitlines():
        assert line.startswith(str(installed)), line


def test_installed_wheel_checks_its_content(installed: Path) -> None:
    result = _run(installed, "-m", "ips_reflect", "content", "check")
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("OK: ")


def test_installed_wheel_opens_the_app(installed: Path, tmp_path: Path) -> None:
    result = _run(
        installed,
        "-m",
        "ips_reflect",
        IPS_REFLECT_EXIT_WHEN_READY="1",
        IPS_REFLECT_DATA_DIR=str(tmp_path / "data"),
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "ready"
