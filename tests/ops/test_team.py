"""The booklet operations the Team page and `ips-reflect team booklet` share."""

from __future__ import annotations

import shutil
from pathlib import Path

from ips_reflect.ops import team

DATA = Path(__file__).resolve().parent.parent / "data" / "cards"


def test_every_line_names_the_person_and_the_place(tmp_path: Path) -> None:
    folder = tmp_path / "team"
    shutil.copytree(DATA / "team", folder)
    for p in (DATA / "invalid").iterdir():
        shutil.copy(p, folder / p.name)
    read = team.read_team(folder)
    # cards that can go in first (photos missing: warnings only), by name; then the rest
    assert [r.valid for r in read] == [True] * 5 + [False] * 3
    assert [r.path.name for r in read[5:]] == ["phone.yaml", "python_tag.yaml", "unknown_key.yaml"]
    lines = {r.path.name: team.problem_lines(r) for r in read}
    assert lines["ayse.yaml"] == []
    (zoe,) = lines["zoe.yaml"]
    assert zoe.startswith("Zoë Hartley's card: ") and "zoe.yaml:" in zoe
    assert ": warning, the card can still go in the booklet: the photo 'zoe.jpg'" in zoe
    (phone,) = lines["phone.yaml"]
    assert phone.startswith("Phoebe Phone's card: ") and "phone.yaml:9:" in phone
    assert not phone.endswith("..")
    # a file that does not say whose card it is is named by its file
    (tag,) = team.problem_lines(read[6], "python_tag.yaml")
    assert tag.startswith("The card in python_tag.yaml: python_tag.yaml:3:")


def test_the_preview_bytes_are_the_booklet(tmp_path: Path) -> None:
    folder = tmp_path / "team"
    shutil.copytree(DATA / "team", folder)
    cards = [r.card for r in team.read_team(folder) if r.card is not None]
    data, people, pages = team.booklet_bytes(cards, "Meet the team", "Leeds IPS")
    assert data.startswith(b"%PDF") and people == 5 and pages == 8
