"""Start-up: the unlock window comes first, and the rest loads while the person types.

* When the unlock window is on screen, nothing it does not need has been imported: not
  the question packs, not YAML, not the vault's database or cryptography, not the full
  window or any page (a new process, as a person starts the app).
* While it waits, the packs are read and the full window's modules imported, so the
  first unlock only builds widgets; the app still opens and unlocks as before.
"""

from __future__ import annotations

import os
import subprocess
import sys

import pytest
from dialogs import answer_dialog
from PySide6.QtCore import QEvent
from PySide6.QtWidgets import QApplication, QDialog, QLineEdit, QMainWindow

from ips_reflect.gui.shell import launch
from ips_reflect.store.vault import Vault
from tests.conftest import TEST_PASSPHRASE

pytestmark = pytest.mark.timeout(120)

#: Present when the unlock window shows would mean start-up does work it need not do.
NOT_BEFORE_THE_WINDOW = (
    "yaml",
    "sqlcipher3",
    "argon2",
    "cryptography",
    "reportlab",
    "ips_reflect.core.content",
    "ips_reflect.store.vault",
    "ips_reflect.gui.shell.app",
    "ips_reflect.gui.shell.main_window",
    "ips_reflect.gui.shell.gate_forms",
    "ips_reflect.gui.pages",
    "ips_reflect.commands",
    "zxcvbn",
    "ips_reflect.messages",  # the words come with the first thing that needs them
    "ips_reflect.gui.widgets.page_fit",  # the unlock dialog's scroll area is in its .ui
)

SHOW_MODULES = """
import os, sys
from PySide6.QtCore import QTimer
from ips_reflect.gui.shell import launch

shown = launch.AppShell.start

def modules(dialog):
    print("MODULES", dialog.objectName(), " ".join(sorted(sys.modules)), flush=True)

def start(self):
    dialog = shown(self)
    self.ready.connect(lambda: modules(dialog))
    if not os.environ.get("IPS_REFLECT_EXIT_WHEN_READY"):  # a moment later, then quit
        def later():
            if self._content.done and all(m in sys.modules for m in launch.PRELOAD):
                modules(dialog)
                self.app.exit(0)
            else:
                QTimer.singleShot(50, later)
        QTimer.singleShot(50, later)
    return dialog

launch.AppShell.start = start
from ips_reflect.cli import main
sys.exit(main([]))
"""


def _modules_shown(data_dir, at_once: bool) -> list[str]:
    """The modules imported when the unlock window shows (``at_once``), or once the
    packs are read and the preloading is done."""
    Vault.create(data_dir, TEST_PASSPHRASE)[0].close()
    env = dict(os.environ, IPS_REFLECT_DATA_DIR=str(data_dir), QT_QPA_PLATFORM="offscreen")
    if at_once:
        env["IPS_REFLECT_EXIT_WHEN_READY"] = "1"
    done = subprocess.run(
        [sys.executable, "-c", SHOW_MODULES],
        capture_output=True,
        text=True,
        env=env,
        timeout=60,
        check=False,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    line = [x for x in done.stdout.splitlines() if x.startswith("MODULES")][-1]
    _, shown, *modules = line.split()
    assert shown == "UnlockDialog"
    return modules


def _loaded(modules: list[str]) -> list[str]:
    return [
        name
        for name in NOT_BEFORE_THE_WINDOW
        if any(m == name or m.startswith(name + ".") for m in modules)
    ]


def test_the_unlock_window_shows_before_anything_it_does_not_need_is_loaded(data_dir):
    loaded = _loaded(_modules_shown(data_dir, at_once=True))
    assert not loaded, f"imported before the unlock window showed: {loaded}"


def test_while_it_waits_the_packs_and_the_full_window_are_loaded(data_dir):
    modules = _modules_shown(data_dir, at_once=False)
    assert set(launch.PRELOAD) <= set(modules)
    assert "ips_reflect.core.content" in modules
    assert "zxcvbn" not in modules  # only making a new passphrase needs it


def test_the_rest_loads_while_the_unlock_window_waits(qtbot, data_dir, monkeypatch):
    Vault.create(data_dir, TEST_PASSPHRASE)[0].close()
    seen: dict[str, object] = {}
    shells: list[launch.AppShell] = []
    start = launch.AppShell.start
    monkeypatch.setattr(
        launch.AppShell, "start", lambda self: (shells.append(self), start(self))[1]
    )

    def wait_then_unlock(dialog: QDialog) -> None:
        qtbot.waitUntil(lambda: all(name in sys.modules for name in launch.PRELOAD), timeout=30_000)
        shell = shells[0]
        qtbot.waitUntil(lambda: shell._content.done, timeout=30_000)  # type: ignore[union-attr]
        seen["window before unlock"] = shell.window
        dialog.findChild(QLineEdit, "passphraseEdit").setText(TEST_PASSPHRASE)
        dialog.findChild(QLineEdit, "passphraseEdit").returnPressed.emit()
        qtbot.waitUntil(
            lambda: shell.window is not None and shell.window.view.isVisible(), timeout=30_000
        )
        seen["window"] = isinstance(shell.window.view, QMainWindow)
        seen["shell"] = shell
        shell.quit()

    args = type("Args", (), {"data_dir": str(data_dir), "content_dir": []})()
    opened = answer_dialog(
        qtbot, lambda: launch.run_app(args), act=wait_then_unlock, name="UnlockDialog", timeout=60
    )
    shell = seen.pop("shell")
    shell.window.view.deleteLater()
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    assert opened == 0
    assert seen == {"window before unlock": None, "window": True}
