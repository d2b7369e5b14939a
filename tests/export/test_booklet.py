"""The "Meet the team" booklet, checked through the text a PDF reader extracts."""

from __future__ import annotations

import datetime as dt
import os
import stat
from pathlib import Path

import pytest

from ips_reflect.core.biocard import BioCard, load_team
from ips_reflect.errors import UserError
from ips_reflect.export import booklet as booklet_mod
from ips_reflect.export.booklet import build_booklet, expertise_directory, order_cards

NAMES = ["Zoë Hartley", "Łukasz Nowak", "Nguyễn Thị Lan", "Ayşe Demir", "Александра Иванова"]
BIO = " ".join(["I help people find work that suits them."] * 6)


@pytest.fixture
def team(team_dir: Path) -> list[BioCard]:
    cards, invalid = load_team(team_dir)
    assert invalid == []
    return cards


@pytest.fixture
def built(team: list[BioCard], tmp_path: Path):
    out = tmp_path / "booklet.pdf"
    result = build_booklet(team, out, service="Leeds IPS Service", today=dt.date(2026, 11, 2))
    return result, out


def test_booklet_is_written_with_every_person(built, pdf_text) -> None:
    result, out = built
    assert result.path == out
    assert result.people == 5
    text = pdf_text(out)
    for name in NAMES:
        assert name in text
    assert "Meet the team" in text
    assert "Leeds IPS Service" in text
    assert "5 people · 2 November 2026" in text


def test_page_count_and_page_n_of_m_footer(built, pdf_pages) -> None:
    result, out = built
    pages = pdf_pages(out)
    assert len(pages) == result.pages == 8  # cover, contents, 5 people, directory
    assert "Page 1 of" not in pages[0]  # the cover has no footer
    for n, page in enumerate(pages[1:], start=2):
        assert f"Page {n} of {result.pages}" in page


def test_contents_lists_everyone_with_the_right_page(built, pdf_pages) -> None:
    _result, out = built
    pages = pdf_pages(out)
    contents = pages[1]
    assert "Contents" in contents
    for name in NAMES:
        assert name in contents
        # the page number in the contents is the page that holds the person's section
        person_page = next(i + 1 for i, p in enumerate(pages) if i >= 2 and name in p)
        line = contents[contents.index(name) :].split("\n")
        assert str(person_page) in " ".join(line[:3])
    assert "Team expertise directory" in contents


def test_people_are_in_name_order_ignoring_accents(built, pdf_pages) -> None:
    _result, out = built
    pages = pdf_pages(out)[2:7]
    firsts = [next(n for n in NAMES if n in p) for p in pages]
    assert firsts == [
        "Ayşe Demir",
        "Łukasz Nowak",
        "Nguyễn Thị Lan",
        "Zoë Hartley",
        "Александра Иванова",
    ]


def test_person_section_has_every_part(built, pdf_pages) -> None:
    _result, out = built
    zoe = next(p for p in pdf_pages(out)[2:] if "Zoë Hartley" in p)
    for words in (
        "she/her",
        "Peer Employment Specialist",
        "steady job can help",
        "WHY I DO THIS WORK",
        "INTERESTS",
        "Allotment · Five-a-side football",
        "PREVIOUS JOBS",
        "Retail assistant · Barista · Café supervisor",
        "SECTORS I KNOW",
        "LANGUAGES",
        "HAPPY TO SHARE WITH YOU",
        "My own return to work after time off",
    ):
        assert words in zoe, words


def test_directory_merges_sectors_and_languages_case_insensitively(built, pdf_pages) -> None:
    _result, out = built
    directory = pdf_pages(out)[-1]
    assert "Team expertise directory" in directory
    assert "Sectors: who to ask" in directory
    assert "Languages: who speaks them" in directory
    # "retail" (Zoë, Александра) and "Retail" (Łukasz) are one row
    assert directory.count("Retail") == 1
    assert "Łukasz Nowak, Zoë Hartley, Александра Иванова" in directory
    # "english" (Lan) merges with "English"
    assert "english" not in directory
    for sector in ("Construction", "Finance", "Health", "Hospitality", "Logistics", "Social care"):
        assert sector in directory
    for language in (
        "English",
        "French",
        "Polish",
        "Russian",
        "Turkish",
        "Ukrainian",
        "Vietnamese",
    ):
        assert language in directory


def test_expertise_directory_model() -> None:
    cards = [
        BioCard("Bea", "ES", BIO, sectors=["retail", "Care"], languages=["Welsh"]),
        BioCard("Al", "ES", BIO, sectors=["Retail ", "care"], languages=["welsh", "Urdu"]),
        BioCard("Cy", "ES", BIO, sectors=["retail"]),
    ]
    sectors, languages = expertise_directory(cards)
    assert sectors == [("Care", ["Al", "Bea"]), ("Retail", ["Al", "Bea", "Cy"])]
    assert languages == [("Urdu", ["Al"]), ("Welsh", ["Al", "Bea"])]


def test_order_options() -> None:
    cards = [
        BioCard("Zoë", "B role", BIO),
        BioCard("ayşe", "C role", BIO),
        BioCard("Émile", "A role", BIO),
    ]
    assert [c.name for c in order_cards(cards, None)] == ["ayşe", "Émile", "Zoë"]
    assert [c.name for c in order_cards(cards, "given")] == ["Zoë", "ayşe", "Émile"]
    assert [c.name for c in order_cards(cards, "role")] == ["Émile", "Zoë", "ayşe"]
    assert [c.name for c in order_cards(cards, ["Zoe"])] == ["Zoë", "ayşe", "Émile"]
    with pytest.raises(ValueError):
        order_cards(cards, "height")


def test_fonts_are_embedded_so_names_render(built) -> None:
    from pypdf import PdfReader

    _result, out = built
    fonts = set()
    for page in PdfReader(str(out)).pages:
        for f in page["/Resources"]["/Font"].values():
            fonts.add(str(f.get_object()["/BaseFont"]))
    assert fonts and all("DejaVu" in f or "IPSSans" in f for f in fonts), fonts
    assert not any(f.endswith(("Helvetica", "Times-Roman")) for f in fonts)


def test_pdf_metadata_and_bookmarks(built) -> None:
    from pypdf import PdfReader

    _result, out = built
    reader = PdfReader(str(out))
    assert reader.metadata.title == "Meet the team"
    titles = [o.title for o in reader.outline]
    assert "Zoë Hartley" in titles and "Team expertise directory" in titles


def test_output_is_private_and_replaced_atomically(team, tmp_path: Path) -> None:
    out = tmp_path / "booklet.pdf"
    build_booklet(team, out)
    assert stat.S_IMODE(out.stat().st_mode) == 0o600
    assert sorted(p.name for p in tmp_path.iterdir()) == ["booklet.pdf", "team"]


def test_a_failed_build_leaves_no_file_and_keeps_the_old_one(
    team, tmp_path: Path, monkeypatch
) -> None:
    out = tmp_path / "booklet.pdf"
    out.write_bytes(b"old booklet")

    def broken(self, *args, **kwargs):
        Path(self.filename).write_bytes(b"%PDF-1.4 half")
        raise RuntimeError("disk full")

    monkeypatch.setattr(booklet_mod._BookletDoc, "multiBuild", broken)
    with pytest.raises(RuntimeError):
        build_booklet(team, out)
    assert out.read_bytes() == b"old booklet"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["booklet.pdf", "team"]

    fresh = tmp_path / "fresh.pdf"
    with pytest.raises(RuntimeError):
        build_booklet(team, fresh)
    assert not fresh.exists()


def test_no_cards_is_a_user_error(tmp_path: Path) -> None:
    with pytest.raises(UserError, match="no biography cards"):
        build_booklet([], tmp_path / "b.pdf")
    assert not (tmp_path / "b.pdf").exists()


def test_missing_output_folder_is_a_user_error(team, tmp_path: Path) -> None:
    with pytest.raises(UserError, match="does not exist"):
        build_booklet(team, tmp_path / "nope" / "b.pdf")


def test_awkward_text_is_escaped_and_long_cards_flow(tmp_path: Path, pdf_text) -> None:
    cards = [
        BioCard(
            "Tom <b>& Jerry</b>",
            'Role with "quotes" & <tags>',
            " ".join(["Words & more <words>."] * 60),
            interests=[f"interest {i}" for i in range(30)],
            happy_to_share=["a & b"] * 10,
        ),
        BioCard("Solo", "ES", BIO),
    ]
    out = tmp_path / "b.pdf"
    result = build_booklet(cards, out, title="Our   team", service=" A & B ")
    text = pdf_text(out)
    assert "Tom <b>& Jerry</b>" in text
    assert 'Role with "quotes" & <tags>' in text
    assert "Our team" in text and "A & B" in text
    assert result.pages >= 5


def test_a_photo_that_disappeared_falls_back_to_initials(team_dir: Path, tmp_path: Path) -> None:
    cards, _ = load_team(team_dir)
    for c in cards:
        if c.photo:
            os.unlink(c.photo)
    result = build_booklet(cards, tmp_path / "b.pdf")
    assert result.people == 5


def test_the_cover_names_people_whole_not_by_a_guessed_first_name(built, pdf_pages) -> None:
    """The first word of "Nguyễn Thị Lan" is her family name: the cover shows the
    name as she writes it, never "Nguyễn" alone as if it were her first name."""
    _result, out = built
    cover = [line.strip() for line in pdf_pages(out)[0].splitlines()]
    assert "Nguyễn" not in cover
    assert any("Nguyễn Thị Lan" in line for line in cover)


def test_a_known_as_name_is_used_on_the_cover_and_to_order_people(
    team_dir: Path, tmp_path: Path, pdf_pages
) -> None:
    lan = team_dir / "lan.yaml"
    lan.write_text(
        lan.read_text(encoding="utf-8").replace(
            "name: Nguyễn Thị Lan\n", "name: Nguyễn Thị Lan\nknown_as: Lan\n"
        ),
        encoding="utf-8",
    )
    cards, invalid = load_team(team_dir)
    assert invalid == []
    card = next(c for c in cards if c.name == "Nguyễn Thị Lan")
    assert card.known_as == "Lan" and card.called == "Lan"
    out = tmp_path / "booklet.pdf"
    build_booklet(cards, out)
    pages = pdf_pages(out)
    firsts = [next(n for n in NAMES if n in p) for p in pages[2:7]]
    # "Lan" files between Ayşe and Łukasz; accents do not count (Ł with L, Ay with Ay).
    assert firsts == [
        "Ayşe Demir",
        "Nguyễn Thị Lan",
        "Łukasz Nowak",
        "Zoë Hartley",
        "Александра Иванова",
    ]
    cover = [line.strip() for line in pages[0].splitlines()]
    assert "Lan" in cover
    assert "Known as Lan" in pages[3]
    # The directory lists the person by her whole name still.
    assert "Nguyễn Thị Lan" in pages[-1]


def test_names_sort_without_accents_or_special_letters() -> None:
    from ips_reflect.core.biocard import name_sort_key

    assert name_sort_key("Æsa Ødegaard") == name_sort_key("AEsa Odegaard")
    assert name_sort_key("Zoë") == name_sort_key("zoe")
    assert name_sort_key("Nguyễn Thị Lan") == "nguyen thi lan"
