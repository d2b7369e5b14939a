"""The one-page biography PDF."""

from __future__ import annotations

import stat
from pathlib import Path

from ips_reflect.core.biocard import BioCard, load_card
from ips_reflect.export.bio_pdf import build_bio_pdf

BIO = " ".join(["I help people find work that suits them, at their own pace."] * 4)


def test_bio_pdf_has_the_card_on_one_page(team_dir: Path, tmp_path: Path, pdf_pages) -> None:
    card = load_card(team_dir / "zoe.yaml")
    out = build_bio_pdf(card, tmp_path / "zoe.pdf", service="Leeds IPS Service")
    pages = pdf_pages(out)
    assert len(pages) == 1
    text = pages[0]
    for words in (
        "Zoë Hartley",
        "she/her",
        "Peer Employment Specialist",
        "steady job can help",
        "Allotment · Five-a-side football",
        "French",
        "Retail · Hospitality",
        "MEET THE TEAM · LEEDS IPS SERVICE",
        "Leeds IPS Service · Individual Placement and Support (IPS)",
    ):
        assert words in text, words
    assert stat.S_IMODE(out.stat().st_mode) == 0o600


def test_cyrillic_and_vietnamese_names_are_extractable(team_dir: Path, tmp_path: Path, pdf_text):
    for name, file in (("Александра Иванова", "sasha.yaml"), ("Nguyễn Thị Lan", "lan.yaml")):
        out = build_bio_pdf(load_card(team_dir / file), tmp_path / f"{file}.pdf")
        assert name in pdf_text(out)


def test_a_very_full_card_still_fits_on_one_page(tmp_path: Path, pdf_pages) -> None:
    long = " ".join(["word"] * 199)
    card = BioCard(
        name="Someone With A Rather Long Name Indeed",
        role="Senior Peer Employment Specialist and Employer Engagement Lead",
        biography=long,
        pronouns="they/them",
        why_i_do_this_work=" ".join(["because"] * 150),
        previous_jobs=[f"job number {i}" for i in range(30)],
        interests=[f"interest {i}" for i in range(30)],
        happy_to_share=[f"a thing I am happy to share, number {i}" for i in range(30)],
        sectors=[f"sector {i}" for i in range(30)],
        languages=[f"language {i}" for i in range(30)],
    )
    out = build_bio_pdf(card, tmp_path / "full.pdf")
    pages = pdf_pages(out)
    assert len(pages) == 1
    assert "Someone With A Rather Long Name Indeed" in " ".join(pages[0].split())


def test_no_photo_no_problem(tmp_path: Path, pdf_text) -> None:
    out = build_bio_pdf(BioCard("Ayşe Demir", "IPS Team Leader", BIO), tmp_path / "a.pdf")
    assert "Ayşe Demir" in pdf_text(out)
    assert "AD" in pdf_text(out)  # initials stand in for the photo
