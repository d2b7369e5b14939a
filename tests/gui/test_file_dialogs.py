"""File dialogs start in the folder used last time for the same purpose; the folders are
kept in the encrypted vault, never in the plain settings, and not at all while locked."""

from __future__ import annotations

from pathlib import Path

import pytest
from flow_helpers import fast_vault
from PySide6.QtCore import QEvent
from PySide6.QtWidgets import QApplication, QFileDialog, QWidget

from ips_reflect.core.settings import load_settings
from ips_reflect.gui.shell.app import create_main_window
from ips_reflect.gui.widgets import file_dialogs
from ips_reflect.store import keys

PACKAGE_GUI = Path(file_dialogs.__file__).resolve().parent.parent


@pytest.fixture
def vault(data_dir):
    for v in fast_vault(data_dir):
        file_dialogs.set_vault(v)
        yield v
        file_dialogs.set_vault(None)


@pytest.fixture
def asked(monkeypatch):
    """Answer every dialog with the next of ``asked["answers"]``; keep where each began."""
    seen: dict[str, list[str]] = {"starts": [], "answers": []}

    def answer(_parent, _title, start, *_rest, **_kw):
        seen["starts"].append(start)
        return seen["answers"].pop(0), ""

    monkeypatch.setattr(QFileDialog, "getSaveFileName", answer)
    monkeypatch.setattr(QFileDialog, "getOpenFileName", answer)
    monkeypatch.setattr(
        QFileDialog, "getExistingDirectory", lambda p, t, start: answer(p, t, start)[0]
    )
    return seen


def test_each_purpose_starts_where_it_was_left(qtbot, vault, asked, tmp_path, data_dir):
    parent = QWidget()
    qtbot.addWidget(parent)
    clients = tmp_path / "Robin Quayle"
    clients.mkdir()
    asked["answers"] = [str(clients / "a.pdf"), str(clients / "b.pdf"), "", str(clients / "c")]
    purpose = file_dialogs.ENTRY_PDF
    assert file_dialogs.save_file_name(parent, purpose, "t", "a.pdf", "*.pdf")
    assert asked["starts"][0] == str(Path.home() / "a.pdf")  # the first time: home
    file_dialogs.save_file_name(parent, purpose, "t", "b.pdf", "*.pdf")
    assert asked["starts"][1] == str(clients / "b.pdf")  # then the last folder
    # another purpose has its own folder; cancelling remembers nothing
    assert file_dialogs.open_file_name(parent, file_dialogs.JOURNAL_IMPORT, "t", "*") == ""
    assert asked["starts"][2] == str(Path.home())
    assert file_dialogs.existing_folder(parent, file_dialogs.TEAM_FOLDER, "t") == str(clients / "c")
    # kept in the vault, and nowhere in the plain files beside it
    kept = vault.kv.get(keys.LAST_FOLDERS)
    assert kept == {purpose: str(clients), file_dialogs.TEAM_FOLDER: str(clients / "c")}
    for path in data_dir.rglob("*"):
        if path.is_file():
            assert b"Robin Quayle" not in path.read_bytes(), path.name


def test_locked_starts_at_home_and_remembers_nothing(qtbot, vault, asked, tmp_path):
    parent = QWidget()
    qtbot.addWidget(parent)
    folder = tmp_path / "kept"
    folder.mkdir()
    vault.kv.set(keys.LAST_FOLDERS, {file_dialogs.BIO_SAVE: str(folder)})
    assert file_dialogs.start_in(file_dialogs.BIO_SAVE, "x.yaml") == str(folder / "x.yaml")
    file_dialogs.set_vault(None)
    assert file_dialogs.start_in(file_dialogs.BIO_SAVE) == str(Path.home())
    asked["answers"] = [str(tmp_path / "other" / "x.yaml")]
    file_dialogs.save_file_name(parent, file_dialogs.BIO_SAVE, "t", "x.yaml", "*")
    assert vault.kv.get(keys.LAST_FOLDERS) == {file_dialogs.BIO_SAVE: str(folder)}
    # a folder that has gone: home again
    folder.rmdir()
    file_dialogs.set_vault(vault)
    assert file_dialogs.start_in(file_dialogs.BIO_SAVE) == str(Path.home())


def test_the_window_gives_its_vault_and_a_page_uses_it(qtbot, content, data_dir, asked, tmp_path):
    for vault in fast_vault(data_dir):
        window = create_main_window(content, load_settings(data_dir), data_dir, features=True)
        try:
            window.set_vault(vault)
            out = tmp_path / "packs"
            out.mkdir()
            asked["answers"] = [str(out / "one.pdf"), str(out / "two.pdf")]
            supervision = window.controllers["supervision"]
            supervision._ask_path("t", "one.pdf")
            supervision._ask_path("t", "two.pdf")
            assert asked["starts"][1] == str(out / "two.pdf")
            window.set_vault(None)
            assert file_dialogs.start_in(file_dialogs.SUPERVISION_PDF) == str(Path.home())
        finally:
            window.view.close()
            window.view.deleteLater()
            QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


def test_every_file_dialog_goes_through_the_helper():
    for path in PACKAGE_GUI.rglob("*.py"):
        if path.name == "file_dialogs.py":
            continue
        text = path.read_text(encoding="utf-8")
        for call in ("getOpenFileName", "getSaveFileName", "getExistingDirectory"):
            assert call not in text, f"{path.relative_to(PACKAGE_GUI)} calls {call} itself"
        if "backup_file_dialog(" in text and "def backup_file_dialog" not in text:
            assert "file_dialogs.start_in" in text, path.name
            assert "file_dialogs.remembering" in text, path.name
