"""Screenshots of the Supervisees page (the supervisor's side) with a real share.

    python -m benchmarks.shots_supervisees                  # light theme, 1366x768
    python -m benchmarks.shots_supervisees --theme dark --suffix -dark

Runs offscreen with throw-away data folders: a practitioner's vault makes a share for
the supervisor's key card with the same operations ``ips-reflect supervision share``
uses, and the supervisor's page opens it. Writes ``docs/screenshots/supervisees.png``
(the walk-through, one item with a comment being typed), ``supervisees-reply.png``
(actions and the sign-off, after the reply was saved) and ``supervisees-large.png``
(the walk-through at the largest text size).
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


def practitioner(root: Path) -> Path:
    """A practitioner's vault with marked entries, a private one and a session."""
    from ips_reflect.core.entries import Entry
    from ips_reflect.core.supervision import AgendaItem
    from ips_reflect.store.vault import Vault

    folder = root / "practitioner"
    vault, _ = Vault.create(folder, PASSPHRASE, kdf=Vault.kdf_target)
    with vault:
        fair = vault.entries.add(
            Entry(
                kind="journal",
                created="2026-03-02T17:40:00+00:00",
                client_alias="D.K.",
                title="After the jobs fair",
                body=(
                    "Long day at the jobs fair with D.K. He was nervous all morning, so I "
                    "told him I used to feel sick before interviews too, and that it got "
                    "easier.\n\nAt the end he asked for my number in case the warehouse rang "
                    "back, and I nearly gave him my personal mobile. I gave him the team "
                    "number instead, but I want to talk about why it felt so natural to offer."
                ),
                bring_to_supervision=True,
            )
        )
        visit = vault.entries.add(
            Entry(
                kind="journal",
                created="2026-03-05T16:30:00+00:00",
                client_alias="R.M.",
                title="The Greenway Foods visit",
                body=(
                    "I mentioned being made redundant once, briefly, and the manager "
                    "relaxed. It kept the focus on R.M.'s strengths rather than on me."
                ),
                bring_to_supervision=True,
            )
        )
        vault.entries.add(Entry(kind="journal", title="Private evening", body="Not shared."))
        agenda = [
            AgendaItem("topic", "sup.topic.what_when_how_why", "What, when, how and why"),
            AgendaItem("entry", fair.uid, "After the jobs fair"),
            AgendaItem("entry", visit.uid, "The Greenway Foods visit"),
        ]
        vault.supervision.add_session("2026-03-12", "Priya Shah", [i.to_json() for i in agenda])
    return folder


def _settle(app: Any, seconds: float = 0.4) -> None:
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        app.processEvents()
        time.sleep(0.01)


def _wait(app: Any, signal: Any, seconds: float = 20) -> None:
    got: list[object] = []
    signal.connect(lambda *a: got.append(a))
    end = time.monotonic() + seconds
    while not got and time.monotonic() < end:
        _settle(app, 0.05)
    if not got:
        raise SystemExit("the page did not finish in time")


def _save(widget: Any, path: Path, written: list[Path]) -> None:
    if not widget.grab().save(str(path)):
        print(f"could not write {path}", file=sys.stderr)
        raise SystemExit(1)
    written.append(path)


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(prog="python -m benchmarks.shots_supervisees")
    p.add_argument("--theme", default="light", choices=("light", "dark", "high_contrast"))
    p.add_argument("--out", type=Path, default=REPO / "docs" / "screenshots")
    p.add_argument("--size", default="1366x768", help="WIDTHxHEIGHT of the main window")
    p.add_argument("--suffix", default="")
    args = p.parse_args(argv)
    width, height = (int(n) for n in args.size.lower().split("x"))

    with tempfile.TemporaryDirectory(prefix="ips-reflect-supervisees-shots-") as tmp:
        root = Path(tmp)
        os.environ["IPS_REFLECT_DATA_DIR"] = str(root / "data")
        from PySide6.QtWidgets import QScrollArea

        from ips_reflect.core.content import load_content
        from ips_reflect.core.settings import DEFAULT_FONT_SIZE, MAX_FONT_SIZE, Settings
        from ips_reflect.gui.shell.app import create_main_window, ensure_application
        from ips_reflect.ops import exchange
        from ips_reflect.store.crypto import KdfParams
        from ips_reflect.store.vault import Vault

        Vault.kdf_target = KdfParams(memory_cost=8192, time_cost=1, parallelism=1)
        app = ensure_application()
        content = load_content()
        vault, _ = Vault.create(root / "data", PASSPHRASE, kdf=Vault.kdf_target)
        card = exchange.write_my_card(vault, root / "priya-shah.ipskey", "Priya Shah")
        share = root / "session.ipsshare"
        with Vault.unlock(practitioner(root), PASSPHRASE) as theirs:
            exchange.share_session(theirs, content, card, share, confirmed=True, name="Sam Okafor")
        args.out.mkdir(parents=True, exist_ok=True)
        written: list[Path] = []

        window = create_main_window(
            content, Settings(theme=args.theme, font_point_size=DEFAULT_FONT_SIZE), root / "data"
        )
        window.set_vault(vault)
        window.show()
        window.view.resize(width, height)
        window.show_page("supervisees")
        page = window.controllers["supervisees"]
        page.open_share(share)
        _wait(app, page.shareOpened)
        page.comment_edit.setPlainText("Good example of keeping it brief and about the work.")
        page.next_item()
        page.comment_edit.setPlainText("Worth a plan: what to say next time someone asks for")
        page.comment_edit.setFocus()
        _settle(app)
        _save(window.view, args.out / f"supervisees{args.suffix}.png", written)

        page.tabs.setCurrentWidget(page.reply_tab)
        page.add_action("Ask the team lead about a work mobile for fairs", "2026-03-26")
        page.add_action("Plan one safe example to share when a client is anxious")
        page.sign_off(root / "reply.ipsreply")
        _wait(app, page.replySaved)
        page.signoff_edit.setFocus()
        _settle(app)
        _save(window.view, args.out / f"supervisees-reply{args.suffix}.png", written)

        page.tabs.setCurrentWidget(page.walk_tab)
        window.set_font_size(MAX_FONT_SIZE)
        page.previous_item()
        page.say("")
        page.comment_edit.setFocus()
        _settle(app, 0.4)
        scroll = page.view.findChild(QScrollArea, "pageScroll")
        if scroll is not None:  # the walk-through, as far down as the window needs
            scroll.ensureWidgetVisible(page.previous_button, 0, 0)
            scroll.ensureWidgetVisible(page.kicker_label, 0, 0)
        _settle(app, 0.4)
        _save(window.view, args.out / f"supervisees-large{args.suffix}.png", written)

        window.set_vault(None)
        window.view.close()
        vault.close()
        for path in written:
            print(path.relative_to(REPO) if path.is_relative_to(REPO) else path)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
