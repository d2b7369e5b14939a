"""Smoke-test the built app (the bundle, not the venv) as a person's computer runs it.

usage: python packaging/smoke.py [--bundle DIR] [--runs N] [--no-venv]

Every command runs with an empty environment but for a home folder, a data folder in
a new temporary folder and ``QT_QPA_PLATFORM=offscreen`` (``env -i`` on Linux and
macOS; on Windows the few variables Windows itself needs are kept), so nothing from
this machine's Python, locale or Qt can stand in for what the bundle lacks:

  layout          both executables, ips_reflect/_data/, no Qt translations, no library
                  of an excluded Qt module (QML/Quick, WebEngine, 3D, Multimedia, GTK)
  --version       prints this checkout's ips_reflect.__version__
  init            a vault, the passphrase from IPS_REFLECT_PASSPHRASE (five words)
  content check   the built-in question packs
  import          1,200 entries: enough for the warning-sign check to run in its helper
                  process, which a bundle starts as a copy of itself
  search          --json, and plain text with accented letters and an emoji (UTF-8
                  with no locale set)
  export          --format pdf (the bundled DejaVu fonts)
  team booklet    a folder holding a bio card and its photo
  app             the unlock window (IPS_REFLECT_EXIT_WHEN_READY=1 prints "ready"),
                  then every page's modules, Charts and the PDF preview among them
                  (IPS_REFLECT_EXIT_WHEN_READY=loaded); on Windows also the windowed
                  executable, which has no console at all
  no crash log    nothing was written to ips-reflect.log

It then prints the bundle's size on disk, its file count, the build time (from
dist/build-info.json, written by packaging/build.py) and the time to the unlock window
from the bundle beside the venv's (``python -m ips_reflect``), median of --runs.
Exits 1 at the first failure, naming the step.
"""

from __future__ import annotations

import argparse
import base64
import json
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable, Sequence
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
DIST = REPO / "dist"
IS_WINDOWS = sys.platform == "win32"
IS_MACOS = sys.platform == "darwin"
EXE = ".exe" if IS_WINDOWS else ""
CLI_NAME = "ips-reflect"
APP_EXE_NAME = "IPS Reflect" if (IS_WINDOWS or IS_MACOS) else "ips-reflect-app"
#: Five unrelated words: above the strength floor (zxcvbn score 3).
PASSPHRASE = "copper lantern drifts over quiet meadows"
#: The same pattern as UNWANTED_LIBRARIES in ips-reflect.spec (a test keeps them equal).
UNWANTED_LIBRARIES = re.compile(
    r"Qt6?(Qml|Quick|WebEngine|3D|Multimedia|VirtualKeyboard|Designer)|libgtk|libgdk",
    re.IGNORECASE,
)
UNICODE_TITLE = "Café talk — naïve questions 😀"
ENTRY_COUNT = 1200
RECOVERY_CODE = re.compile(r"\b[2-9A-HJ-NP-Z]{4}(?:-[2-9A-HJ-NP-Z]{4}){5}\b")
#: A 24 x 32 JPEG: the team member's photo.
PHOTO = base64.b64decode(
    "/9j/4AAQSkZJRgABAQAAAQABAAD/2wBDABALDA4MChAODQ4SERATGCgaGBYWGDEjJR0oOjM9PDkzODdASFxOQERX"
    "RTc4UG1RV19iZ2hnPk1xeXBkeFxlZ2P/2wBDARESEhgVGC8aGi9jQjhCY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2Nj"
    "Y2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2P/wAARCAAgABgDASIAAhEBAxEB/8QAHwAAAQUBAQEBAQEAAAAAAAAA"
    "AAECAwQFBgcICQoL/8QAtRAAAgEDAwIEAwUFBAQAAAF9AQIDAAQRBRIhMUEGE1FhByJxFDKBkaEII0KxwRVS0fAk"
    "M2JyggkKFhcYGRolJicoKSo0NTY3ODk6Q0RFRkdISUpTVFVWV1hZWmNkZWZnaGlqc3R1dnd4eXqDhIWGh4iJipKT"
    "lJWWl5iZmqKjpKWmp6ipqrKztLW2t7i5usLDxMXGx8jJytLT1NXW19jZ2uHi4+Tl5ufo6erx8vP09fb3+Pn6/8QA"
    "HwEAAwEBAQEBAQEBAQAAAAAAAAECAwQFBgcICQoL/8QAtREAAgECBAQDBAcFBAQAAQJ3AAECAxEEBSExBhJBUQdh"
    "cRMiMoEIFEKRobHBCSMzUvAVYnLRChYkNOEl8RcYGRomJygpKjU2Nzg5OkNERUZHSElKU1RVVldYWVpjZGVmZ2hp"
    "anN0dXZ3eHl6goOEhYaHiImKkpOUlZaXmJmaoqOkpaanqKmqsrO0tba3uLm6wsPExcbHyMnK0tPU1dbX2Nna4uPk"
    "5ebn6Onq8vP09fb3+Pn6/9oADAMBAAIRAxEAPwCaiiigwCiiigAooooAKKKKAP/Z"
)
BIO_CARD = """\
format: ips-reflect/bio-card
version: 1
name: Łukasz Nowak
known_as: Łukasz
role: Employment Specialist
biography: >-
  I joined the service after ten years in warehouses and retail, where I learned how much
  a steady routine and a fair manager can matter. I help people find work that fits their
  lives, and I am glad to talk about how I planned my own return to work after a long
  spell away.
sectors: [logistics, retail]
languages: [English, Polish]
photo: lukasz.jpg
consent: true
"""


class StepFailed(Exception):
    pass


def repo_version() -> str:
    text = (REPO / "ips_reflect" / "__init__.py").read_text(encoding="utf-8")
    found = re.search(r'^__version__ = "([^"]+)"', text, re.MULTILINE)
    if not found:
        raise SystemExit("smoke: no __version__ in ips_reflect/__init__.py")
    return found.group(1)


class Bundle:
    """Where the executables and the bundled files are."""

    def __init__(self, root: Path) -> None:
        self.root = root
        mac_exes = root / "Contents" / "MacOS"
        self.exe_dir = mac_exes if mac_exes.is_dir() else root
        self.cli = self.exe_dir / f"{CLI_NAME}{EXE}"
        self.app = self.exe_dir / f"{APP_EXE_NAME}{EXE}"


class Smoke:
    def __init__(self, bundle: Bundle, work: Path) -> None:
        self.bundle = bundle
        self.work = work
        self.home = work / "home"
        self.data = work / "data"
        self.home.mkdir()
        self.results: list[tuple[str, float]] = []

    # ------------------------------------------------------------------ running

    def env(self, **extra: str) -> dict[str, str]:
        env = {
            "HOME": str(self.home),
            "IPS_REFLECT_DATA_DIR": str(self.data),
            "QT_QPA_PLATFORM": "offscreen",
        }
        if IS_WINDOWS:  # what Windows itself needs to start a program at all
            for name in ("SYSTEMROOT", "WINDIR", "SYSTEMDRIVE", "COMSPEC"):
                if name in os.environ:
                    env[name] = os.environ[name]
            for name in ("TEMP", "TMP"):
                env[name] = str(self.work)
            env["USERPROFILE"] = str(self.home)
            env["LOCALAPPDATA"] = str(self.home / "AppData" / "Local")
            env["APPDATA"] = str(self.home / "AppData" / "Roaming")
        env.update(extra)
        return env

    def command(
        self, exe: Path | Sequence[str], args: Sequence[str], env: dict[str, str]
    ) -> list[str]:
        program = [str(exe)] if isinstance(exe, Path) else list(exe)
        if IS_WINDOWS:
            return [*program, *args]
        # env -i: the program sees only these variables.
        return ["env", "-i", *(f"{k}={v}" for k, v in env.items()), *program, *args]

    def run(
        self,
        args: Sequence[str],
        exe: Path | Sequence[str] | None = None,
        timeout: float = 120,
        expect: int = 0,
        watch: ChildWatch | None = None,
        **extra: str,
    ) -> subprocess.CompletedProcess[bytes]:
        env = self.env(**extra)
        cmd = self.command(exe or self.bundle.cli, args, env)
        proc = subprocess.Popen(
            cmd,
            env=env if IS_WINDOWS else {},
            cwd=self.work,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            stdin=subprocess.DEVNULL,
        )
        if watch is not None:
            watch.watch(proc.pid)  # env(1) runs the program in its own process
        try:
            out, err = proc.communicate(timeout=timeout)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.communicate()
            raise
        finally:
            if watch is not None:
                watch.stop()
        result = subprocess.CompletedProcess(cmd, proc.returncode, out, err)
        if result.returncode != expect:
            raise StepFailed(
                f"exit code {result.returncode} (wanted {expect}) from "
                f"{' '.join(args) or '(no arguments)'}\n--- stdout\n"
                f"{result.stdout.decode('utf-8', 'replace')[-3000:]}\n--- stderr\n"
                f"{result.stderr.decode('utf-8', 'replace')[-3000:]}"
            )
        if b"Traceback" in result.stderr:
            raise StepFailed("a traceback on stderr:\n" + result.stderr.decode("utf-8", "replace"))
        return result

    def step(self, name: str, func: Callable[[], None]) -> None:
        started = time.perf_counter()
        print(f"smoke: {name} ...", end=" ", flush=True)
        try:
            func()
        except StepFailed as exc:
            print("FAILED")
            print(f"smoke: step '{name}' failed: {exc}", file=sys.stderr)
            raise SystemExit(1) from None
        except (OSError, subprocess.TimeoutExpired, ValueError, KeyError) as exc:
            print("FAILED")
            print(f"smoke: step '{name}' failed: {type(exc).__name__}: {exc}", file=sys.stderr)
            raise SystemExit(1) from None
        took = time.perf_counter() - started
        self.results.append((name, took))
        print(f"ok ({took:.1f} s)")

    # ------------------------------------------------------------------ steps

    def layout(self) -> None:
        for exe in (self.bundle.cli, self.bundle.app):
            if not exe.is_file():
                raise StepFailed(f"{exe} is missing")
        data = [p for p in self.bundle.root.rglob("_data") if p.parent.name == "ips_reflect"]
        if not data:
            raise StepFailed("no ips_reflect/_data folder in the bundle")
        for sub in ("content/warning_signs.yaml", "ui/main_window.ui", "resources/fonts"):
            if not (data[0] / sub).exists():
                raise StepFailed(f"ips_reflect/_data/{sub} is missing")
        files = [p for p in self.bundle.root.rglob("*") if p.is_file()]
        unwanted = sorted(
            str(p.relative_to(self.bundle.root)) for p in files if UNWANTED_LIBRARIES.search(p.name)
        )
        if unwanted:
            raise StepFailed("libraries of excluded Qt modules: " + ", ".join(unwanted))
        translations = [p for p in files if p.suffix == ".qm"]
        if translations:
            raise StepFailed(f"{len(translations)} Qt translation files were collected")

    def version(self) -> None:
        out = self.run(["--version"]).stdout.decode().strip()
        if out != f"ips-reflect {repo_version()}":
            raise StepFailed(f"--version printed {out!r}, wanted 'ips-reflect {repo_version()}'")

    def init(self) -> None:
        result = self.run(["init"], IPS_REFLECT_PASSPHRASE=PASSPHRASE)
        if not RECOVERY_CODE.search(result.stdout.decode("utf-8")):
            raise StepFailed("init printed no recovery code")
        if not (self.data / "vault.db").is_file():
            raise StepFailed("no vault.db in the data folder")

    def content_check(self) -> None:
        out = self.run(["content", "check"]).stdout.decode("utf-8")
        if not out.startswith("OK: "):
            raise StepFailed(f"content check printed {out[:200]!r}")

    def import_entries(self) -> None:
        entries = [
            {
                "kind": "journal",
                "created": "2026-11-03T18:00:00+01:00",
                "title": UNICODE_TITLE,
                "body": "Thinking about the employer visit and the café chats afterwards.",
                "tags": ["reflection"],
            }
        ]
        entries += [
            {
                "kind": "journal",
                "created": f"2026-10-{1 + i % 28:02d}T09:00:00+00:00",
                "title": f"Day note {i}",
                "body": f"Met a client about a warehouse role, number {i}. Calm and ready.",
                "tags": ["note"],
            }
            for i in range(ENTRY_COUNT - 1)
        ]
        path = self.work / "entries.json"
        document = {"format": "ips-reflect/entries", "version": 1, "entries": entries}
        path.write_text(json.dumps(document, ensure_ascii=False), encoding="utf-8")
        helpers = ChildWatch() if sys.platform.startswith("linux") else None
        result = self.run(
            ["import", str(path)], timeout=300, watch=helpers, IPS_REFLECT_PASSPHRASE=PASSPHRASE
        )
        out = result.stdout.decode("utf-8")
        if str(ENTRY_COUNT) not in out.replace(",", ""):
            raise StepFailed(f"import printed {out[:300]!r}")
        if helpers is not None and not helpers.seen:
            raise StepFailed("the warning-sign check started no helper process")

    def search(self) -> None:
        result = self.run(["search", "café", "--json"], IPS_REFLECT_PASSPHRASE=PASSPHRASE)
        doc = json.loads(result.stdout.decode("utf-8"))
        titles = [hit["title"] for hit in doc["results"]]
        if UNICODE_TITLE not in titles:
            raise StepFailed(f"search --json found {titles[:5]}")
        text = self.run(["search", "naïve"], IPS_REFLECT_PASSPHRASE=PASSPHRASE).stdout
        if UNICODE_TITLE.encode("utf-8") not in text:
            raise StepFailed(f"plain search printed {text[:300]!r}: not UTF-8 with the title")

    def export_pdf(self) -> None:
        out = self.work / "export.pdf"
        self.run(["export", "--format", "pdf", "-o", str(out)], IPS_REFLECT_PASSPHRASE=PASSPHRASE)
        data = out.read_bytes()
        if not data.startswith(b"%PDF") or len(data) < 10_000:
            raise StepFailed(f"export.pdf is not a PDF of entries ({len(data)} bytes)")
        if b"DejaVu" not in data:
            raise StepFailed("export.pdf does not use the bundled DejaVu fonts")

    def team_booklet(self) -> None:
        team = self.work / "team"
        team.mkdir()
        (team / "lukasz.yaml").write_text(BIO_CARD, encoding="utf-8")
        (team / "lukasz.jpg").write_bytes(PHOTO)
        out = self.work / "booklet.pdf"
        result = self.run(
            ["team", "booklet", str(team), "-o", str(out), "--title", "Meet the team"]
        )
        data = out.read_bytes()
        if not data.startswith(b"%PDF"):
            raise StepFailed("booklet.pdf is not a PDF")
        if b"/DCTDecode" not in data:
            raise StepFailed("the photo is not in the booklet")
        if b"initials" in result.stderr.lower():
            raise StepFailed("the photo was not found: " + result.stderr.decode("utf-8", "replace"))

    def app_ready(self) -> None:
        exe = self.bundle.cli if IS_WINDOWS else self.bundle.app  # windowed: no stdout
        out = self.run([], exe=exe, timeout=120, IPS_REFLECT_EXIT_WHEN_READY="1").stdout
        if out.decode().strip() != "ready":
            raise StepFailed(f"the app printed {out[:300]!r}, not 'ready'")

    def app_loaded(self) -> None:
        exe = self.bundle.cli if IS_WINDOWS else self.bundle.app
        out = self.run([], exe=exe, timeout=180, IPS_REFLECT_EXIT_WHEN_READY="loaded").stdout
        if out.decode().strip() != "ready":
            raise StepFailed(f"the app printed {out[:300]!r}, not 'ready'")

    def windowed(self) -> None:
        """Windows: the windowed executable has no console; it must still start and exit."""
        self.run([], exe=self.bundle.app, timeout=120, IPS_REFLECT_EXIT_WHEN_READY="loaded")
        self.run(["--version"], exe=self.bundle.app)

    def no_crash_log(self) -> None:
        log = self.data / "ips-reflect.log"
        if log.exists():
            raise StepFailed("crashes were logged:\n" + log.read_text(encoding="utf-8"))

    # ------------------------------------------------------------------ figures

    def startup(self, exe: Path | Sequence[str], runs: int) -> float:
        """Median seconds from start to the unlock window on screen."""
        times = []
        for i in range(runs + 1):
            env = self.env(IPS_REFLECT_EXIT_WHEN_READY="1")
            started = time.perf_counter()
            proc = subprocess.Popen(
                self.command(exe, [], env),
                env=env if IS_WINDOWS else {},
                cwd=self.work,
                stdout=subprocess.PIPE,
                stderr=subprocess.DEVNULL,
                stdin=subprocess.DEVNULL,
            )
            assert proc.stdout is not None
            line = proc.stdout.readline()
            took = time.perf_counter() - started
            proc.wait(timeout=60)
            if line.strip() != b"ready":
                raise StepFailed(f"start-up run printed {line!r}")
            if i:  # the first run warms the disk cache
                times.append(took)
        return statistics.median(times)


class ChildWatch:
    """Linux: notices whether the process being run starts a child (the helper)."""

    def __init__(self) -> None:
        self.seen = False
        self.pid: int | None = None
        self._stop = threading.Event()

    def watch(self, pid: int) -> None:
        self.pid = pid
        threading.Thread(target=self._poll, daemon=True).start()

    def _poll(self) -> None:
        while not self._stop.is_set() and self.pid is not None:
            for target in self._descendants(self.pid):
                cmdline = Path(f"/proc/{target}/cmdline")
                try:
                    text = cmdline.read_bytes().replace(b"\0", b" ")
                except OSError:
                    continue
                if b"multiprocessing" in text or b"--multiprocessing-fork" in text:
                    self.seen = True
            time.sleep(0.01)

    @staticmethod
    def _descendants(pid: int) -> list[int]:
        found, todo = [], [pid]
        while todo:
            current = todo.pop()
            try:
                tasks = Path(f"/proc/{current}/task").iterdir()
                children = []
                for task in tasks:
                    children += (task / "children").read_text().split()
            except OSError:
                continue
            for child in children:
                found.append(int(child))
                todo.append(int(child))
        return found

    def stop(self) -> None:
        self._stop.set()


def disk_usage(root: Path) -> tuple[int, int, int]:
    """(bytes on disk, apparent bytes, files) under ``root``."""
    on_disk = apparent = files = 0
    for path in root.rglob("*"):
        if path.is_symlink() or not path.is_file():
            continue
        st = path.stat()
        files += 1
        apparent += st.st_size
        on_disk += getattr(st, "st_blocks", (st.st_size + 4095) // 4096 * 8) * 512
    return on_disk, apparent, files


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--bundle", type=Path, default=None, help="the built folder (or .app)")
    parser.add_argument("--runs", type=int, default=5, help="start-up runs for the median")
    parser.add_argument("--no-venv", action="store_true", help="skip the venv's start-up")
    args = parser.parse_args(argv)
    root = args.bundle or (DIST / "IPS Reflect.app" if IS_MACOS else DIST / "ips-reflect")
    bundle = Bundle(root.resolve())
    with tempfile.TemporaryDirectory(prefix="ips-reflect-smoke-") as tmp:
        smoke = Smoke(bundle, Path(tmp))
        smoke.step("layout", smoke.layout)
        smoke.step("--version", smoke.version)
        smoke.step("init", smoke.init)
        smoke.step("content check", smoke.content_check)
        smoke.step(f"import ({ENTRY_COUNT} entries, helper process)", smoke.import_entries)
        smoke.step("search (--json and UTF-8 text)", smoke.search)
        smoke.step("export --format pdf", smoke.export_pdf)
        smoke.step("team booklet (card and photo)", smoke.team_booklet)
        smoke.step("app: unlock window ready", smoke.app_ready)
        smoke.step("app: every page loaded (Charts, PDF preview)", smoke.app_loaded)
        if IS_WINDOWS:
            smoke.step("windowed executable, no console", smoke.windowed)
        smoke.step("no crash log", smoke.no_crash_log)
        timings: dict[str, float] = {}
        smoke.step(
            "start-up timing (bundle)",
            lambda: timings.__setitem__(
                "bundle", smoke.startup(bundle.app if not IS_WINDOWS else bundle.cli, args.runs)
            ),
        )
        if not args.no_venv:
            smoke.step(
                "start-up timing (venv)",
                lambda: timings.__setitem__(
                    "venv", smoke.startup([sys.executable, "-m", "ips_reflect"], args.runs)
                ),
            )
    on_disk, apparent, files = disk_usage(bundle.root)
    info_path = DIST / "build-info.json"
    info = json.loads(info_path.read_text(encoding="utf-8")) if info_path.is_file() else {}
    print()
    print(f"smoke: all {len(smoke.results)} steps passed for {bundle.root}")
    size = f"{on_disk / 2**20:.0f} MiB ({apparent / 2**20:.0f} MiB of data)"
    print(f"  size on disk      {size}, {files} files")
    if "archive_bytes" in info:
        archive = Path(str(info["archive"])).name
        print(f"  compressed        {int(info['archive_bytes']) / 2**20:.0f} MiB ({archive})")
    if "build_seconds" in info:
        print(f"  build time        {float(info['build_seconds']):.1f} s (PyInstaller)")
    if "bundle" in timings:
        line = f"  to unlock window  bundle {timings['bundle']:.2f} s"
        if "venv" in timings:
            line += f", venv {timings['venv']:.2f} s (median of {args.runs})"
        print(line)
    summary = {
        "steps": [{"name": n, "seconds": round(s, 2)} for n, s in smoke.results],
        "disk_bytes": on_disk,
        "apparent_bytes": apparent,
        "files": files,
        **{f"startup_{k}_seconds": round(v, 3) for k, v in timings.items()},
        **{k: info[k] for k in ("build_seconds", "archive_bytes") if k in info},
    }
    if DIST.is_dir():
        (DIST / "smoke-result.json").write_text(
            json.dumps(summary, indent=2) + "\n", encoding="utf-8"
        )
    return 0


if __name__ == "__main__":
    if not IS_WINDOWS and shutil.which("env") is None:
        sys.exit("smoke: needs env(1) to run the bundle with an empty environment (env -i)")
    sys.exit(main())
