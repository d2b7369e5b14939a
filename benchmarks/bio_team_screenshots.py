"""Screenshots of the Biography and Team booklet pages with sample data.

    python -m benchmarks.bio_team_screenshots              # light theme
    python -m benchmarks.bio_team_screenshots --theme dark --suffix=-dark

Runs offscreen with a throw-away vault (quick key derivation) and a throw-away
team folder made from ``tests/data/cards`` with generated photos, so nothing of
yours is read or changed. Writes ``docs/screenshots/biography.png`` and
``docs/screenshots/team.png``.
"""

from __future__ import annotations

import argparse
import io
import os
import shutil
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

REPO = Path(__file__).resolve().parent.parent
CARDS = REPO / "tests" / "data" / "cards"
PASSPHRASE = "screenshot sample passphrase"

SAMPLE = {
    "name": "Sam Okafor",
    "role": "Peer Employment Specialist",
    "pronouns": "they/them",
    "years": "6",
    "why": "Work gave me a routine and friends again after a long time off sick, "
    "and I want that for the people I work with.",
    "previous_jobs": "warehouse operative\nbarista\ncall centre adviser",
    "sectors": "logistics\nhospitality\ncustomer service",
    "languages": "English\nYoruba",
    "interests": "allotment\nfive-a-side football",
    "happy_to_share": "my own return to work after time off",
    "fav_film": "Paddington 2",
}


def _portrait(width: int, height: int, skin: tuple[int, int, int], top: tuple[int, int, int]):
    from PIL import Image, ImageDraw

    im = Image.new("RGB", (width, height), (214, 226, 222))
    d = ImageDraw.Draw(im)
    d.ellipse((width * 0.3, height * 0.14, width * 0.7, height * 0.54), fill=skin)
    d.rounded_rectangle((width * 0.16, height * 0.6, width * 0.84, height * 1.1), 40, fill=top)
    return im


def _jpeg(width: int, height: int, skin: tuple[int, int, int], top: tuple[int, int, int]) -> bytes:
    buf = io.BytesIO()
    _portrait(width, height, skin, top).save(buf, "JPEG", quality=88)
    return buf.getvalue()


def _team_folder(root: Path) -> Path:
    team = root / "team"
    shutil.copytree(CARDS / "team", team)
    for p in (CARDS / "invalid").glob("phone.yaml"):
        shutil.copy(p, team / p.name)
    _portrait(300, 400, (192, 136, 104), (46, 88, 120)).save(team / "zoe.jpg", quality=88)
    _portrait(400, 300, (224, 184, 150), (120, 60, 70)).save(team / "lan.jpg", quality=88)
    _portrait(120, 120, (236, 200, 170), (60, 110, 80)).save(team / "lukasz.png")
    _portrait(128, 128, (210, 170, 140), (150, 110, 160)).save(team / "sasha.png")
    return team


def _settle(app, seconds: float = 0.6) -> None:
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        app.processEvents()
        time.sleep(0.01)


def _wait(app, done, timeout: float = 10.0) -> None:
    end = time.monotonic() + timeout
    while not done() and time.monotonic() < end:
        app.processEvents()
        time.sleep(0.01)


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(prog="python -m benchmarks.bio_team_screenshots")
    p.add_argument("--theme", default="light", choices=("light", "dark", "high_contrast"))
    p.add_argument("--out", type=Path, default=REPO / "docs" / "screenshots")
    p.add_argument("--size", default="1200x780", help="WIDTHxHEIGHT (default 1200x780)")
    p.add_argument("--font-size", type=int, default=11)
    p.add_argument("--suffix", default="")
    args = p.parse_args(argv)
    width, height = (int(n) for n in args.size.lower().split("x"))

    with tempfile.TemporaryDirectory(prefix="ips-reflect-shots-") as tmp:
        root = Path(tmp)
        os.environ["IPS_REFLECT_DATA_DIR"] = str(root / "data")
        from PySide6.QtCore import QDate
        from PySide6.QtWidgets import QApplication

        from ips_reflect.core.content import load_content
        from ips_reflect.gui.pages.biography import create_page as create_biography_page
        from ips_reflect.gui.pages.team import create_page as create_team_page
        from ips_reflect.gui.shell.app import ensure_application
        from ips_reflect.gui.widgets import theme as theming
        from ips_reflect.store.crypto import KdfParams
        from ips_reflect.store.vault import Vault

        app = ensure_application()
        theming.apply_theme(app, args.theme, args.font_size, force=True)
        content = load_content()
        args.out.mkdir(parents=True, exist_ok=True)
        written: list[Path] = []

        # -- Biography: a drafted biography, a photo, and one privacy finding.
        fast = KdfParams(memory_cost=8192, time_cost=1, parallelism=1)
        Vault.kdf_target = fast
        vault, _code = Vault.create(root / "data", PASSPHRASE, kdf=fast)
        vault.plans.save(
            {
                "experiences": [
                    {"id": "e-1", "label": "my divorce", "levels": {"client": "never"}}
                ],
                "will_not_share": [],
            }
        )
        _key, _title, view, page, _icon = create_biography_page(content)
        view.resize(width, height)
        view.show()
        page.set_vault(vault)
        for key, value in SAMPLE.items():
            page.set_field(key, value)
        photo = root / "sam.jpg"
        photo.write_bytes(_jpeg(360, 440, (150, 100, 74), (30, 96, 104)))
        page.set_photo_file(photo)
        page.draft()
        page.set_field(
            "biography",
            page.bio_edit.toPlainText() + " Text me on 07700 900123 if you want a chat first.",
        )
        page.consent_check.setChecked(True)
        page.review_edit.setDate(QDate(2027, 11, 30))
        page.service_edit.setText("Leeds IPS Service")
        page.run_guard()
        page.save()
        page.scroll.verticalScrollBar().setValue(0)
        _settle(app)
        path = args.out / f"biography{args.suffix}.png"
        view.grab().save(str(path))
        written.append(path)
        page.set_vault(None)
        view.close()
        vault.close()

        # -- Team: five valid cards, one refused; the booklet preview.
        team_dir = _team_folder(root)
        _key, _title, tview, team, _icon = create_team_page(content)
        tview.resize(width, height)
        tview.show()
        team.service_edit.setText("Leeds IPS Service")
        team.load_folder(team_dir)
        _wait(app, lambda: team.model.rowCount() > 0)
        team.select_row(5)
        _wait(app, lambda: team.preview.page_count > 0)
        team.preview.go_to(5)  # Zoë, with her photo
        _settle(app, 1.2)
        path = args.out / f"team{args.suffix}.png"
        tview.grab().save(str(path))
        written.append(path)
        tview.close()
        QApplication.processEvents()
        for path in written:
            print(path.relative_to(REPO) if path.is_relative_to(REPO) else path)
    return 0


if __name__ == "__main__":
    sys.exit(main())
