"""Every file and folder dialog of the app, starting in the folder used last time for
the same purpose (journal import, entry PDFs, the bio card...).

The folders are kept in the open vault's key-value store (:data:`keys.LAST_FOLDERS`),
encrypted like everything else, never in the plain settings: a folder's name can say
something about a client. While the vault is locked, dialogs start in the home folder
and nothing is remembered. The main window tells this module which vault is open
(:func:`set_vault`).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QFileDialog, QWidget

from ips_reflect.store import keys

if TYPE_CHECKING:
    from ips_reflect.store.vault import Vault

# What a dialog is for: each remembers its own folder.
JOURNAL_IMPORT = "journal_import"
JOURNAL_EXPORT = "journal_export"
ENTRY_PDF = "entry_pdf"
SUPERVISION_PDF = "supervision_pdf"
BIO_PHOTO = "bio_photo"
BIO_SAVE = "bio_save"
TEAM_FOLDER = "team_folder"
TEAM_BOOKLET = "team_booklet"
BACKUP_COPY = "backup_copy"
BACKUP_RESTORE = "backup_restore"

_open: dict[str, Vault | None] = {"vault": None}


def set_vault(vault: Vault | None) -> None:
    """The vault now open (None on lock: forget nothing, remember nothing)."""
    _open["vault"] = vault


def _folders() -> dict[str, str]:
    vault = _open["vault"]
    if vault is None:
        return {}
    try:
        value = vault.kv.get(keys.LAST_FOLDERS)
    except Exception:  # a closed vault: start at home
        return {}
    return {str(k): str(v) for k, v in value.items()} if isinstance(value, dict) else {}


def last_folder(purpose: str, default: Path | None = None) -> Path:
    """The folder last used for ``purpose`` if it is still there, else ``default`` (the
    home folder when not given)."""
    folder = _folders().get(purpose)
    if folder and Path(folder).is_dir():
        return Path(folder)
    return default if default is not None else Path.home()


def start_in(purpose: str, name: str = "", default: Path | None = None) -> str:
    """Where a dialog for ``purpose`` starts: the last folder, with ``name`` suggested."""
    folder = last_folder(purpose, default)
    return str(folder / name) if name else str(folder)


def remember(purpose: str, chosen: str | Path, *, is_folder: bool = False) -> None:
    """Keep the folder of ``chosen`` (or ``chosen`` itself, a folder) for next time."""
    vault = _open["vault"]
    if vault is None or not str(chosen):
        return
    folder = Path(chosen) if is_folder else Path(chosen).parent
    folders = _folders()
    if folders.get(purpose) == str(folder):
        return
    folders[purpose] = str(folder)
    try:
        vault.kv.set(keys.LAST_FOLDERS, folders)
    except Exception:  # locked meanwhile: nothing to keep
        return


def _chosen(purpose: str, chosen: str, *, is_folder: bool = False) -> str:
    if chosen:
        remember(purpose, chosen, is_folder=is_folder)
    return chosen


def open_file_name(parent: QWidget, purpose: str, title: str, file_filter: str) -> str:
    """The file chosen to open ("" when cancelled)."""
    chosen, _filter = QFileDialog.getOpenFileName(parent, title, start_in(purpose), file_filter)
    return _chosen(purpose, chosen)


def save_file_name(
    parent: QWidget,
    purpose: str,
    title: str,
    name: str,
    file_filter: str,
    default: Path | None = None,
) -> str:
    """Where to save, suggesting ``name`` in the last folder ("" when cancelled)."""
    chosen, _filter = QFileDialog.getSaveFileName(
        parent, title, start_in(purpose, name, default), file_filter
    )
    return _chosen(purpose, chosen)


def existing_folder(parent: QWidget, purpose: str, title: str, start: Path | None = None) -> str:
    """A folder chosen ("" when cancelled); ``start`` wins over the last one."""
    begin = str(start) if start is not None else start_in(purpose)
    chosen = QFileDialog.getExistingDirectory(parent, title, begin)
    return _chosen(purpose, chosen, is_folder=True)


def remembering(purpose: str, chosen: Callable[[str], None]) -> Callable[[str], None]:
    """``chosen`` for a non-blocking dialog's ``fileSelected``, remembering the folder."""

    def take(name: str) -> None:
        if name:
            remember(purpose, name)
            chosen(name)

    return take
