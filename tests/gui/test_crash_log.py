"""The app's last resort for a bug in a Qt callback also writes the crash log."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from PySide6.QtWidgets import QMessageBox

from ips_reflect import logfile
from ips_reflect.gui.shell import launch


@pytest.mark.timeout(60)
def test_the_excepthook_logs_the_type_not_the_message(qapp, data_dir: Path, monkeypatch) -> None:
    data_dir.mkdir()
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "critical", lambda parent, title, text: shown.append(text))
    previous = sys.excepthook
    launch._install_excepthook()
    try:
        words = "the title of somebody's entry"  # as if read from the vault
        try:
            raise LookupError(words)
        except LookupError as exc:
            sys.excepthook(type(exc), exc, exc.__traceback__)
    finally:
        sys.excepthook = previous
        logfile.close()
    text = (data_dir / "ips-reflect.log").read_text(encoding="utf-8")
    assert "crash in the app: LookupError" in text and "somebody" not in text
    assert shown and "(LookupError)" in shown[0] and "ips-reflect.log" in shown[0]
