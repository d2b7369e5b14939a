"""Screenshots of the Supervision page and its presenter view with a realistic vault.

    python -m benchmarks.shots_supervision                     # light page, dark presenter
    python -m benchmarks.shots_supervision --theme dark --presenter-theme high_contrast

Runs offscreen with a throw-away data dir and vault (a quick key derivation, since
nothing here is kept). Writes ``docs/screenshots/supervision.png`` (the agenda of a
session), ``docs/screenshots/supervision-ratings.png`` (self-ratings over four
sessions) and ``docs/screenshots/presenter.png`` (the presenter view on a shared
screen, one entry in large type).
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

REPO = Path(__file__).resolve().parent.parent
PASSPHRASE = "screenshot sample passphrase"

#: Ratings per session (preparedness, confidence, comfort, competence, relevance,
#: supervision): a practitioner growing over six months.
RATINGS = {
    "2025-12-09": (2, 2, 3, 2, 3, 3),
    "2026-01-13": (3, 2, 3, 3, 3, 4),
    "2026-02-10": (3, 3, 4, 3, 4, 4),
    "2026-03-12": (4, 4, 4, 3, 4, 5),
}


def _entries(vault: Any) -> dict[str, Any]:
    from ips_reflect.core.entries import Entry

    add = vault.entries.add
    out: dict[str, Any] = {}
    out["fair"] = add(
        Entry(
            kind="journal",
            created="2026-03-02T17:40:00+00:00",
            client_alias="D.K.",
            title="After the jobs fair",
            tags=["boundaries"],
            body=(
                "Long day at the jobs fair with D.K. He was nervous all morning, so I told "
                "him I used to feel sick before interviews too, and that it got easier.\n\n"
                "At the end he asked for my number in case the warehouse rang back, and I "
                "nearly gave him my personal mobile. I gave him the team number instead, but "
                "I want to talk about why it felt so natural to offer."
            ),
            bring_to_supervision=True,
        )
    )
    out["check"] = add(
        Entry(
            kind="before_check",
            created="2026-03-05T10:15:00+00:00",
            audience="employer",
            client_alias="R.M.",
            title="Check: employer — my redundancy",
            body="Amber: think it through before you share.\nKeep it to one sentence.",
            answers={"check.light": "amber"},
            reasons=["normalising"],
            bring_to_supervision=True,
        )
    )
    out["reflection"] = add(
        Entry(
            kind="after_reflection",
            created="2026-03-05T16:30:00+00:00",
            audience="employer",
            client_alias="R.M.",
            title="Reflection: the Greenway Foods visit",
            body=(
                "I mentioned being made redundant once, briefly, and the manager relaxed. "
                "It kept the focus on R.M.'s strengths rather than on me."
            ),
            linked_uid=out["check"].uid,
            bring_to_supervision=True,
        )
    )
    # Private: never on the page or the presenter.
    add(
        Entry(
            kind="journal",
            created="2026-03-08T21:00:00+00:00",
            title="Private evening note",
            body="Tired and low after a hard week at home.",
        )
    )
    return out


def sample_vault(root: Path, content: Any) -> Any:
    from ips_reflect.gui.widgets.flag_panel import shared_engine
    from ips_reflect.ops.flags import sync_vault_flags
    from ips_reflect.store.crypto import KdfParams
    from ips_reflect.store.vault import Vault

    fast = KdfParams(memory_cost=8192, time_cost=1, parallelism=1)
    Vault.kdf_target = fast
    vault, _code = Vault.create(root, PASSPHRASE, kdf=fast)
    entries = _entries(vault)
    sync_vault_flags(vault, content, shared_engine(content))
    chosen = [f.id for f in vault.flags.list() if f.entry_uid == entries["fair"].uid]
    vault.kv.set("supervision.next_agenda.flags", chosen)
    areas = ("preparedness", "confidence", "comfort", "competence", "relevance", "supervision")
    for n, (day, values) in enumerate(RATINGS.items()):
        if n == len(RATINGS) - 1:
            break  # the newest session is planned by the page itself
        session = vault.supervision.add_session(day, "Priya Shah", notes="")
        vault.supervision.set_ratings(session.id, dict(zip(areas, values, strict=True)))
        if n == 1:
            vault.supervision.add_action(
                session.id, "Read the team's policy on gifts", "2026-02-06"
            )
        if n == 2:
            action = vault.supervision.add_action(
                session.id, "Practise a two-sentence version of my story", "2026-03-01"
            )
            vault.supervision.set_action_done(action.id, "2026-02-27")
    return vault


def _settle(app: Any, seconds: float = 0.4) -> None:
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        app.processEvents()
        time.sleep(0.01)


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(prog="python -m benchmarks.shots_supervision")
    p.add_argument("--theme", default="light", choices=("light", "dark", "high_contrast"))
    p.add_argument("--presenter-theme", default="dark", choices=("light", "dark", "high_contrast"))
    p.add_argument("--out", type=Path, default=REPO / "docs" / "screenshots")
    p.add_argument("--size", default="1280x820", help="WIDTHxHEIGHT of the main window")
    p.add_argument("--font-size", type=int, default=11)
    p.add_argument("--suffix", default="")
    args = p.parse_args(argv)
    width, height = (int(n) for n in args.size.lower().split("x"))

    with tempfile.TemporaryDirectory(prefix="ips-reflect-supervision-shots-") as tmp:
        root = Path(tmp)
        os.environ["IPS_REFLECT_DATA_DIR"] = str(root / "data")
        from datetime import date

        from ips_reflect.core.content import load_content
        from ips_reflect.core.settings import Settings
        from ips_reflect.gui.shell.app import create_main_window, ensure_application
        from ips_reflect.gui.widgets import theme as theming

        app = ensure_application()
        content = load_content()
        vault = sample_vault(root / "data", content)
        args.out.mkdir(parents=True, exist_ok=True)
        written: list[Path] = []

        settings = Settings(theme=args.theme, font_point_size=args.font_size)
        window = create_main_window(content, settings, root / "data")
        window.set_vault(vault)
        window.show()
        window.view.resize(width, height)
        window.show_page("supervision")
        page = window.controllers["supervision"]
        page.today = date(2026, 3, 12)
        window.controllers["home"].today = date(2026, 3, 12)
        page.new_session(
            "2026-03-12", "Priya Shah", ["sup.topic.what_when_how_why", "sup.topic.biography"]
        )
        areas = ("preparedness", "confidence", "comfort", "competence", "relevance", "supervision")
        for area, value in zip(areas, RATINGS["2026-03-12"], strict=True):
            page.set_rating(area, value)
        page.set_discussed(0, True)
        page.select_item(0)
        page.set_item_note("Went through the Greenway visit: what I said and why.")
        page.add_action("Draft my short biography and bring it next time", "2026-04-09")
        page.add_action("Ask the team lead about a work mobile for the fair", "2026-03-19")
        page.notes_edit.setPlainText(
            "Good session. Priya noticed I share most easily when a client is anxious, "
            "and suggested I plan one safe example for that moment.\n\n"
            "We agreed the jobs fair was the right call in the end, but worth a plan."
        )
        page.flush()
        page.select_item(2)  # the jobs fair entry
        page.tabs.setCurrentIndex(0)
        page.agenda_list.setFocus()
        _settle(app)
        shots = [("supervision", window.view)]

        path = args.out / f"supervision{args.suffix}.png"
        if not window.view.grab().save(str(path)):
            print(f"could not write {path}", file=sys.stderr)
            return 1
        written.append(path)

        page.tabs.setCurrentIndex(2)
        page.rating_boxes["preparedness"].setFocus()
        _settle(app)
        path = args.out / f"supervision-ratings{args.suffix}.png"
        if not window.view.grab().save(str(path)):
            print(f"could not write {path}", file=sys.stderr)
            return 1
        written.append(path)

        # The Flags page: what the warning-sign check found in this vault.
        flags_page = window.controllers["flags"]
        loaded: list[int] = []
        flags_page.flagsLoaded.connect(loaded.append)
        window.show_page("flags")
        flags_page.reload()
        deadline = time.monotonic() + 20
        while not loaded and time.monotonic() < deadline:
            _settle(app, 0.1)
        _settle(app)
        path = args.out / f"flags{args.suffix}.png"
        if not window.view.grab().save(str(path)):
            print(f"could not write {path}", file=sys.stderr)
            return 1
        written.append(path)
        window.show_page("supervision")

        # The presenter, on a shared screen: its own theme (dark by default).
        theming.apply_theme(app, args.presenter_theme, args.font_size, force=True)
        page.refresh()
        dialog = page.present()
        assert dialog is not None
        dialog.resize(1280, 760)
        dialog.apply_look()
        for _ in range(3):  # the overview, two topics, then the jobs fair entry
            dialog.next()
        _settle(app)
        path = args.out / f"presenter{args.suffix}.png"
        if not dialog.grab().save(str(path)):
            print(f"could not write {path}", file=sys.stderr)
            return 1
        written.append(path)
        dialog.reject()
        del shots

        window.set_vault(None)
        window.view.close()
        vault.close()
        for path in written:
            print(path.relative_to(REPO) if path.is_relative_to(REPO) else path)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
