"""Where a vault's files are in its data folder, with nothing else imported: the app
asks whether a vault exists before its first window shows, and that must be quick."""

from __future__ import annotations

from pathlib import Path

HEADER_NAME = "header.json"
DB_NAME = "vault.db"


def header_path(data_dir: Path) -> Path:
    return Path(data_dir) / HEADER_NAME


def db_path(data_dir: Path) -> Path:
    return Path(data_dir) / DB_NAME


def vault_exists(data_dir: Path) -> bool:
    """True if ``data_dir`` holds a vault (or the remains of one)."""
    return header_path(data_dir).exists() or db_path(data_dir).exists()
