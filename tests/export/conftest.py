"""Fixtures for the PDF tests: a team folder with generated photos, and PDF text."""

from __future__ import annotations

import shutil
import unicodedata
from pathlib import Path

import pytest
from imagegen import png_bytes, write_jpeg

DATA = Path(__file__).resolve().parent.parent / "data" / "cards"


def make_photos(folder: Path) -> None:
    write_jpeg(folder / "zoe.jpg", 300, 400)
    (folder / "lukasz.png").write_bytes(png_bytes(120, 90))
    write_jpeg(folder / "lan.jpg", 400, 300)
    (folder / "sasha.png").write_bytes(png_bytes(64, 64, (150, 110, 160)))


@pytest.fixture
def team_dir(tmp_path: Path) -> Path:
    """A copy of tests/data/cards/team with its photos generated."""
    d = tmp_path / "team"
    shutil.copytree(DATA / "team", d)
    make_photos(d)
    return d


@pytest.fixture
def mixed_dir(team_dir: Path) -> Path:
    """The team folder plus the invalid fixture cards."""
    for p in (DATA / "invalid").iterdir():
        shutil.copy(p, team_dir / p.name)
    return team_dir


@pytest.fixture(scope="session")
def pdf_text():
    def read(path: Path) -> str:
        from pypdf import PdfReader

        reader = PdfReader(str(path))
        text = "\n".join(page.extract_text() or "" for page in reader.pages)
        return unicodedata.normalize("NFC", text)

    return read


@pytest.fixture(scope="session")
def pdf_pages():
    def read(path: Path) -> list[str]:
        from pypdf import PdfReader

        return [
            unicodedata.normalize("NFC", p.extract_text() or "") for p in PdfReader(str(path)).pages
        ]

    return read
