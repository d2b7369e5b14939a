"""The booklet embeds only photos checked inside each card's own folder."""

from __future__ import annotations

import dataclasses
import os
from pathlib import Path

import pytest
from imagegen import write_jpeg

from ips_reflect.cli import main
from ips_reflect.core.biocard import BioCard, load_card, write_card
from ips_reflect.export.booklet import build_booklet

pytestmark = pytest.mark.timeout(60)

BIO = (
    "I have worked in the IPS team for three years. Before that I worked in warehouses "
    "and coffee shops, so I know how a first week in a new job can feel. I will listen "
    "to what you want from work, help you look for jobs that suit you, and stay in "
    "touch once you start."
)
CARD = (
    "format: ips-reflect/bio-card\nversion: 1\nname: Mallory Example\n"
    f"role: Employment Specialist\nbiography: {BIO}\nconsent: true\nphoto: {{photo}}\n"
)


def embedded(pdf: Path, image: bytes) -> bool:
    """Whether ``image`` (a JPEG, which the booklet embeds as it is) is in the PDF.

    The tail of the scan data is unique to each image (the start holds tables
    every JPEG shares)."""
    return image[-100:-36] in pdf.read_bytes()


@pytest.fixture
def private_jpeg(tmp_path: Path) -> bytes:
    folder = tmp_path / "private"
    folder.mkdir()
    path = write_jpeg(folder / "passport.jpg", 120, 160)
    return path.read_bytes()


def assert_not_embedded(pdf: Path, secret: bytes) -> None:
    assert pdf.exists()
    assert not embedded(pdf, secret)


def test_card_with_an_absolute_photo_gets_initials_not_the_file(
    team_dir: Path, tmp_path: Path, private_jpeg: bytes, capsys
) -> None:
    secret = tmp_path / "private" / "passport.jpg"
    (team_dir / "mallory.yaml").write_text(CARD.format(photo=secret), encoding="utf-8")
    out = tmp_path / "booklet.pdf"
    # A photo outside the card's folder is "not found", like a missing one: a warning,
    # and the card goes in with initials (no --skip-invalid needed).
    assert main(["team", "booklet", str(team_dir), "-o", str(out)]) == 0
    err = capsys.readouterr().err
    assert "mallory.yaml:7:8: warning" in err and "was not found in this card's folder" in err
    assert "Traceback" not in err
    assert_not_embedded(out, private_jpeg)


@pytest.mark.skipif(not hasattr(os, "symlink"), reason="needs symlinks")
def test_symlinked_photo_is_left_out_of_the_booklet(
    team_dir: Path, tmp_path: Path, private_jpeg: bytes
) -> None:
    (team_dir / "mallory.jpg").symlink_to(tmp_path / "private" / "passport.jpg")
    (team_dir / "mallory.yaml").write_text(CARD.format(photo="mallory.jpg"), encoding="utf-8")
    out = tmp_path / "booklet.pdf"
    assert main(["team", "booklet", str(team_dir), "-o", str(out), "--skip-invalid"]) == 0
    assert_not_embedded(out, private_jpeg)


@pytest.mark.skipif(not hasattr(os, "symlink"), reason="needs symlinks")
def test_booklet_embeds_the_bytes_that_were_checked(tmp_path: Path, private_jpeg: bytes) -> None:
    """Swapping the photo for a link after the card was read changes nothing."""
    team = tmp_path / "team"
    team.mkdir()
    good = write_jpeg(team / "mallory.jpg", 80, 80).read_bytes()
    (team / "mallory.yaml").write_text(CARD.format(photo="mallory.jpg"), encoding="utf-8")
    card = load_card(team / "mallory.yaml")
    (team / "mallory.jpg").unlink()
    (team / "mallory.jpg").symlink_to(tmp_path / "private" / "passport.jpg")
    out = tmp_path / "booklet.pdf"
    build_booklet([card], out)
    assert_not_embedded(out, private_jpeg)
    assert embedded(out, good)
    # a card from a file without checked bytes has its photo checked again
    unchecked = dataclasses.replace(card, photo_data=None)
    build_booklet([unchecked], out)
    assert_not_embedded(out, private_jpeg)


def test_card_written_with_a_photo_from_another_folder_builds_into_a_booklet(
    tmp_path: Path, private_jpeg: bytes, pdf_text
) -> None:
    team = tmp_path / "team"
    team.mkdir()
    card = BioCard(
        "Sam Okafor",
        "Peer Employment Specialist",
        BIO,
        photo=tmp_path / "private" / "passport.jpg",
        consent=True,
    )
    write_card(card, team / "sam.yaml")
    assert "photo: sam.jpg" in (team / "sam.yaml").read_text(encoding="utf-8")
    out = tmp_path / "booklet.pdf"
    assert main(["team", "booklet", str(team), "-o", str(out)]) == 0
    assert "Sam Okafor" in pdf_text(out)
    assert embedded(out, private_jpeg)  # the copy beside the card, same bytes
