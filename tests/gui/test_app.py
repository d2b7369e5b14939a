"""Starting the app: run_app opens the window, or explains broken packs."""

from __future__ import annotations

import argparse

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from ips_reflect.gui.app import run_app

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

    def look_and_close() -> None:
        shown = [w for w in QApplication.topLevelWidgets() if w.isVisible()]
        assert len(shown) == 1
        seen["title"] = shown[0].windowTitle()
        seen["visible"] = shown[0].isVisible()
        shown[0].close()

    QTimer.singleShot(300, look_and_close)
    assert run_app(_args(data_dir)) == 0
    assert seen == {"title": "Unlock — IPS Reflect", "visible": True}
