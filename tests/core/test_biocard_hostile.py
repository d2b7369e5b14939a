"""Hostile bio cards: a card must never reach outside its own folder.

A card comes from someone else (the team folder), so its ``photo:`` may only
name an ordinary file inside the card's folder, reached without a symbolic
link; the card file itself must be an ordinary file. Every way of pointing
elsewhere gets the same words as a missing photo, and nothing from a file that
is not a card is ever quoted back.
"""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path

import pytest

from ips_reflect.core.biocard import (
    CARD_MAX_BYTES,
    BioCard,
    load_team,
    validate_card,
    write_card,
)
from ips_reflect.core.yamlsafe import excerpt

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "export"))
from imagegen import png_bytes, write_jpeg

pytestmark = pytest.mark.timeout(20)

needs_symlinks = pytest.mark.skipif(not hasattr(os, "symlink"), reason="needs symlinks")
needs_fifo = pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs os.mkfifo")

BIO = (
    "I have worked in the IPS team for three years. Before that I worked in warehouses "
    "and coffee shops, so I know how a first week in a new job can feel. I will listen "
    "to what you want from work, help you look for jobs that suit you, and stay in "
    "touch once you start."
)
VALID = (
    "format: ips-reflect/bio-card\nversion: 1\nname: Sam Okafor\n"
    f"role: Peer Employment Specialist\nbiography: {BIO}\n"
)
SECRET = "TOP-SECRET-hunter2-do-not-print"


@pytest.fixture
def folders(tmp_path: Path) -> tuple[Path, Path]:
    """(the card's folder, a private folder elsewhere holding private.jpg)."""
    cards = tmp_path / "team"
    private = tmp_path / "private"
    cards.mkdir()
    private.mkdir()
    write_jpeg(private / "private.jpg", 64, 64)
    return cards, private


def card_with_photo(folder: Path, value: str, name: str = "card.yaml") -> Path:
    path = folder / name
    path.write_text(VALID + f"photo: {value}\n", encoding="utf-8")
    return path


def photo_problem(path: Path) -> str:
    card, problems = validate_card(path)
    assert card is None
    assert len(problems) == 1, [str(p) for p in problems]
    p = problems[0]
    assert (p.location.line, p.location.col) == (6, 8), str(p)
    return p.message


def same_words(message: str, value: str) -> str:
    return message.replace(f"'{excerpt(value)}'", "'X'")


MISSING_WORDS = (
    "the photo 'X' was not found in this card's folder; put the photo file next to "
    "the card and write just its name (for example 'photo: sam.jpg'), or remove the "
    "'photo' line"
)


# --------------------------------------------------------------------------- the photo


def test_a_photo_beside_the_card_is_read_once_and_kept(folders) -> None:
    cards, _private = folders
    write_jpeg(cards / "sam.jpg", 40, 40)
    card, problems = validate_card(card_with_photo(cards, "sam.jpg"))
    assert problems == []
    assert card is not None and card.photo == (cards / "sam.jpg").absolute()
    assert card.photo_data == (cards / "sam.jpg").read_bytes()


def test_a_photo_in_a_real_subfolder_is_accepted(folders) -> None:
    cards, _private = folders
    (cards / "pics").mkdir()
    (cards / "pics" / "sam.png").write_bytes(png_bytes(8, 8))
    card, problems = validate_card(card_with_photo(cards, "pics/sam.png"))
    assert problems == [] and card is not None
    assert card.photo_data == png_bytes(8, 8)


def test_absolute_path_photo_is_refused(folders) -> None:
    cards, private = folders
    value = str(private / "private.jpg")
    message = photo_problem(card_with_photo(cards, value))
    assert same_words(message, value) == MISSING_WORDS


def test_home_folder_photo_is_refused(folders, monkeypatch) -> None:
    cards, private = folders
    monkeypatch.setenv("HOME", str(private))
    monkeypatch.setenv("USERPROFILE", str(private))
    message = photo_problem(card_with_photo(cards, "~/private.jpg"))
    assert same_words(message, "~/private.jpg") == MISSING_WORDS


@pytest.mark.parametrize("value", ["../private/private.jpg", "pics/../../private/private.jpg"])
def test_dot_dot_photo_is_refused(folders, value: str) -> None:
    cards, _private = folders
    (cards / "pics").mkdir()
    message = photo_problem(card_with_photo(cards, value))
    assert same_words(message, value) == MISSING_WORDS


@needs_symlinks
def test_symlinked_photo_pointing_outside_is_refused(folders) -> None:
    cards, private = folders
    (cards / "sam.jpg").symlink_to(private / "private.jpg")
    message = photo_problem(card_with_photo(cards, "sam.jpg"))
    assert same_words(message, "sam.jpg") == MISSING_WORDS


@needs_symlinks
def test_symlinked_photo_inside_the_folder_is_refused_too(folders) -> None:
    cards, _private = folders
    write_jpeg(cards / "real.jpg", 40, 40)
    (cards / "sam.jpg").symlink_to(cards / "real.jpg")
    message = photo_problem(card_with_photo(cards, "sam.jpg"))
    assert same_words(message, "sam.jpg") == MISSING_WORDS


@needs_symlinks
def test_symlinked_parent_folder_is_refused(folders) -> None:
    cards, private = folders
    (cards / "pics").symlink_to(private, target_is_directory=True)
    message = photo_problem(card_with_photo(cards, "pics/private.jpg"))
    assert same_words(message, "pics/private.jpg") == MISSING_WORDS


@needs_fifo
def test_fifo_photo_is_refused_without_hanging(folders) -> None:
    cards, _private = folders
    os.mkfifo(cards / "sam.jpg")
    start = time.monotonic()
    message = photo_problem(card_with_photo(cards, "sam.jpg"))
    assert time.monotonic() - start < 5
    assert same_words(message, "sam.jpg") == MISSING_WORDS


@needs_symlinks
def test_missing_and_outside_photos_get_identical_words(folders) -> None:
    """A card author cannot tell whether a file exists anywhere outside the folder."""
    cards, private = folders
    (cards / "link.jpg").symlink_to(private / "private.jpg")
    (cards / "dangling.jpg").symlink_to(private / "nothing-here.jpg")
    cases = {
        "missing": "nope.jpg",
        "outside absolute": str(private / "private.jpg"),
        "outside absolute, missing": str(private / "nothing-here.jpg"),
        "outside relative": "../private/private.jpg",
        "outside relative, missing": "../private/nothing-here.jpg",
        "link to a file": "link.jpg",
        "dangling link": "dangling.jpg",
        "not a regular file": "/dev/null",
    }
    words = {}
    for what, value in cases.items():
        message = photo_problem(card_with_photo(cards, value))
        words[what] = same_words(message, value)
    assert set(words.values()) == {MISSING_WORDS}, words


def test_the_photo_name_is_quoted_only_as_a_short_excerpt(folders) -> None:
    cards, _private = folders
    value = "a" * 300 + ".jpg"
    message = photo_problem(card_with_photo(cards, value))
    assert "a" * 41 not in message and "…" in message


# --------------------------------------------------------------------------- the card file


@needs_symlinks
def test_symlinked_card_is_refused_and_its_target_never_quoted(tmp_path: Path) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text(SECRET + "\n", encoding="utf-8")
    team = tmp_path / "team"
    team.mkdir()
    (team / "card.yaml").symlink_to(secret)
    card, problems = validate_card(team / "card.yaml")
    assert card is None and len(problems) == 1
    text = str(problems[0])
    assert "symbolic link" in text
    assert "TOP-SECRET" not in text and "hunter2" not in text
    # the same through a team folder
    cards, invalid = load_team(team)
    assert cards == [] and len(invalid) == 1
    assert all("hunter2" not in str(p) for p in invalid[0][1])


@needs_symlinks
def test_symlink_to_a_valid_card_is_refused(tmp_path: Path) -> None:
    real = tmp_path / "real.yaml"
    real.write_text(VALID, encoding="utf-8")
    (tmp_path / "card.yaml").symlink_to(real)
    card, problems = validate_card(tmp_path / "card.yaml")
    assert card is None
    assert "symbolic link" in problems[0].message


@needs_fifo
def test_fifo_card_is_refused_without_hanging(tmp_path: Path) -> None:
    os.mkfifo(tmp_path / "card.yaml")
    start = time.monotonic()
    card, problems = validate_card(tmp_path / "card.yaml")
    assert time.monotonic() - start < 5
    assert card is None and len(problems) == 1
    assert "not an ordinary file" in problems[0].message
    assert str(problems[0]).startswith(f"{tmp_path / 'card.yaml'}:1:1: ") or ":1:1: " in str(
        problems[0]
    )


def test_device_given_as_a_card_is_refused(tmp_path: Path) -> None:
    if not Path("/dev/zero").exists():
        pytest.skip("no /dev/zero")
    card, problems = validate_card(Path("/dev/zero"))
    assert card is None and "not an ordinary file" in problems[0].message


@pytest.mark.parametrize(
    "text",
    [
        f"{SECRET} is the passphrase for the shared drive\n",  # one long line of text
        f"Dear Sam,\n\nthe code is {SECRET}.\nSee you on Monday\n",  # a letter
        f"password: {SECRET}\nuser: sam\n",  # someone's settings file
        f"- {SECRET}\n- another line\n",  # a list
        f"format: ips-reflect/secrets\nname: {SECRET}\n",  # the wrong kind of file
        f'"{SECRET}"\n',
        "12345678901234567890",
    ],
)
def test_a_text_file_given_as_a_card_is_never_quoted(tmp_path: Path, text: str) -> None:
    path = tmp_path / "notes.yaml"
    path.write_text(text, encoding="utf-8")
    card, problems = validate_card(path)
    assert card is None and problems
    joined = "\n".join(str(p) for p in problems)
    for word in (SECRET, "hunter2", "Dear Sam", "passphrase", "password", "123456", "secrets"):
        assert word not in joined, joined
    assert "not a biography card" in joined or "format must be" in joined


def test_card_size_limit_is_checked_before_parsing(tmp_path: Path) -> None:
    path = tmp_path / "card.yaml"
    with path.open("wb") as fh:
        fh.write(VALID.encode())
        fh.truncate(CARD_MAX_BYTES + 1)  # sparse: a NUL tail that YAML would refuse
    card, problems = validate_card(path)
    assert card is None and len(problems) == 1
    assert "larger than the limit" in problems[0].message


def test_quoted_values_are_short_excerpts_with_control_characters_escaped(
    tmp_path: Path,
) -> None:
    path = tmp_path / "card.yaml"
    long_value = "\\e[31m" + "B" * 200
    path.write_text(VALID + f'consent: "{long_value}"\n', encoding="utf-8")
    card, problems = validate_card(path)
    assert card is None and len(problems) == 1
    message = problems[0].message
    assert "\x1b" not in message and "\\u001b" in message
    assert "B" * 40 not in message and "…" in message


# --------------------------------------------------------------------------- writing a card


def test_write_card_copies_a_photo_from_elsewhere_next_to_the_card(folders) -> None:
    cards, private = folders
    card = BioCard("Sam Okafor", "Peer Employment Specialist", BIO, photo=private / "private.jpg")
    path = write_card(card, cards / "sam.yaml")
    text = path.read_text(encoding="utf-8")
    assert "photo: sam.jpg\n" in text and "private" not in text
    assert (cards / "sam.jpg").read_bytes() == (private / "private.jpg").read_bytes()
    again, problems = validate_card(path, require_consent=False)
    assert problems == [], [str(p) for p in problems]
    assert again is not None and again.photo == (cards / "sam.jpg").absolute()


def test_write_card_copies_a_png_as_png(folders) -> None:
    cards, private = folders
    (private / "me.png").write_bytes(png_bytes(10, 10))
    card = BioCard("Sam Okafor", "Peer Employment Specialist", BIO, photo=private / "me.png")
    path = write_card(card, cards / "sam.yaml")
    assert "photo: sam.png\n" in path.read_text(encoding="utf-8")
    assert validate_card(path)[1] == []
