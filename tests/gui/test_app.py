"""Starting the app: run_app opens the window, or explains broken packs."""

from __future__ import annotations

import argparse

from dialogs import answer_dialog
from PySide6.QtWidgets import QApplication, QDialog, QMessageBox

from ips_reflect.gui.shell.app import run_app

BROKEN_PACK = """\
format: ips-reflect/content
version: 1
pack: our_extras
title: Our extra questions
source: Local policy
sections: []
"""


def _args(data_dir, *content_dirs) -> argparse.Namespace:
    return argparse.Namespace(data_dir=str(data_dir), content_dir=[str(d) for d in content_dirs])


def test_invalid_packs_show_a_clear_message_and_exit_1(
    qtbot, tmp_path, data_dir, monkeypatch, capsys
):
    extra = tmp_path / "extra"
    extra.mkdir()
    (extra / "ours.yaml").write_text(BROKEN_PACK)
    shown: list[QMessageBox] = []

    def fake_exec(box: QMessageBox) -> int:
        shown.append(box)
        return 0

    monkeypatch.setattr(QMessageBox, "exec", fake_exec)
    assert run_app(_args(data_dir, extra)) == 1
    assert len(shown) == 1
    box = shown[0]
    assert box.windowTitle() == "IPS Reflect cannot open its question packs"
    assert "fix the lines listed" in box.text()
    info = box.informativeText()
    assert "The first problems:" in info
    assert "ours.yaml:6:" in info and "at least one section" in info
    assert "ips-reflect content check" in info
    assert "Traceback" not in capsys.readouterr().err


def test_run_app_asks_for_the_passphrase_first_and_quits_when_closed(qtbot, data_dir):
    from ips_reflect.store.vault import Vault

    vault, _code = Vault.create(data_dir, "kettle orbit marmalade tunnel")
    vault.close()
    seen: dict[str, object] = {}
    before = set(QApplication.topLevelWidgets())

    def look_and_close(dialog: QDialog) -> None:
        shown = [w for w in QApplication.topLevelWidgets() if w.isVisible() and w not in before]
        seen["shown"] = [w.objectName() for w in shown]
        seen["title"] = dialog.windowTitle()
        seen["visible"] = dialog.isVisible()
        dialog.close()

    # The unlock dialog is modal but shown with show(): run_app's app.exec() is what
    # blocks, and closing the dialog (cancelled) quits the app.
    assert answer_dialog(qtbot, lambda: run_app(_args(data_dir)), act=look_and_close) == 0
    assert seen == {
        "shown": ["UnlockDialog"],
        "title": "Unlock — IPS Reflect",
        "visible": True,
    }
