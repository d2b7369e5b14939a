"""A real-window walk under Xvfb: type in the Journal, lock with Ctrl+L, unlock, carry
on typing, save with Ctrl+S, quit, and find the entry with ``ips-reflect search``.

Needs Xvfb, xdotool and ImageMagick's ``import`` (see the developers' guide). Keys go
to the real app through the X server, as a person's would. Screenshots of each step go
to ``docs/screenshots/lock-walk-*.png``. Exits 1 with a sentence if a step fails.

    python -m benchmarks.walk_lock_xvfb
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
OUT = REPO / "docs" / "screenshots"
PASS = "walk lantern orchard violet compass"
DISPLAY = ":97"


def xdo(*args: str) -> str:
    result = subprocess.run(
        ["xdotool", *args], capture_output=True, text=True, env=_env(), check=False
    )
    return result.stdout.strip()


def _env() -> dict[str, str]:
    env = dict(os.environ, DISPLAY=DISPLAY, PYTHONPATH=str(REPO))
    env.pop("QT_QPA_PLATFORM", None)
    return env


def wait_window(name: str, timeout: float = 30.0) -> str:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        found = xdo("search", "--onlyvisible", "--name", name)
        if found:
            return found.splitlines()[-1]
        time.sleep(0.2)
    raise SystemExit(f"The window '{name}' did not appear within {timeout:.0f} s.")


def keys(*combo: str) -> None:
    xdo("key", "--clearmodifiers", *combo)
    time.sleep(0.4)


def type_text(text: str) -> None:
    xdo("type", "--delay", "20", text)
    time.sleep(0.4)


def shot(name: str) -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    subprocess.run(
        ["import", "-window", "root", str(OUT / f"lock-walk-{name}.png")], env=_env(), check=False
    )


def main() -> int:
    for tool in ("Xvfb", "xdotool", "import"):
        if shutil.which(tool) is None:
            print(f"{tool} is not installed; see the developers' guide for the packages.")
            return 1
    work = Path(tempfile.mkdtemp(prefix="ips-reflect-walk-"))
    data = work / "data"
    cli = [sys.executable, "-m", "ips_reflect", "--data-dir", str(data)]
    env = dict(_env(), IPS_REFLECT_PASSPHRASE=PASS)
    subprocess.run([*cli, "init"], env=env, check=True, capture_output=True)
    xvfb = subprocess.Popen(["Xvfb", DISPLAY, "-screen", "0", "1366x768x24"])
    app = None
    try:
        time.sleep(1.0)
        app = subprocess.Popen(cli, env=_env())
        wait_window("Unlock")
        type_text(PASS)
        keys("Return")
        wait_window("IPS Reflect")
        time.sleep(1.5)
        keys("ctrl+5")  # the Journal
        keys("ctrl+n")
        type_text("Walk under Xvfb")
        keys("Tab")
        type_text("Typed before the lock, kestrelwing")
        shot("1-typed")
        keys("ctrl+l")
        wait_window("Unlock")
        shot("2-locked")
        type_text(PASS)
        keys("Return")
        time.sleep(2.0)
        type_text(" and after it.")
        shot("3-unlocked")
        keys("ctrl+s")
        time.sleep(1.0)
        shot("4-saved")
        keys("ctrl+q")
        app.wait(timeout=30)
        app = None
    finally:
        if app is not None:
            app.kill()
        xvfb.kill()
    found = subprocess.run(
        [*cli, "search", "kestrelwing", "--json"], env=env, capture_output=True, text=True
    )
    shutil.rmtree(work, ignore_errors=True)
    hits = json.loads(found.stdout or "{}").get("results", [])
    if not hits:
        print("The entry typed across the lock was not found by 'ips-reflect search'.")
        return 1
    print(f"found: {hits[0]['title']!r}: {hits[0]['snippet']!r}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
