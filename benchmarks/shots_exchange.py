"""Screenshots of sending a session to a supervisor and of their reply, on the
Supervision page, with two throw-away vaults (the practitioner's and the supervisor's).

    python -m benchmarks.shots_exchange

Writes ``docs/screenshots/supervision-send.png`` (the send dialog on first use of a
card: the fingerprint to read out and its tick), ``supervision-send-large.png`` (the
same at the largest text size) and ``supervision-reply.png`` (the page after the reply
was taken in: the sign-off, and the supervisor's comment beside its agenda item), all
at 1366x768.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from datetime import date
from pathlib import Path
from typing import Any

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from benchmarks.shots_supervision import REPO, _settle, sample_vault

SIZE = (1366, 768)


def supervisor_side(root: Path, share: Path, reply: Path) -> None:
    """The supervisor opens the share, comments, agrees an action and signs off."""
    from ips_reflect.ops import exchange_supervisor as sup_ops
    from ips_reflect.store.vault import Vault

    with Vault.unlock(root, "screenshot sample passphrase") as sup:
        received = sup_ops.open_share(sup, share.read_bytes(), str(share))
        items = received.payload["items"]
        fair = next(i for i in items if i["kind"] == "entry" and "jobs fair" in i["title"])
        sup_ops.add_comment(
            sup,
            received.id,
            fair["index"],
            "Offering the team number was the right call. Next time, say why out loud: "
            "it shows D.K. how a boundary sounds.",
        )
        sup_ops.add_action(sup, received.id, "Plan one safe example for anxious clients", None)
        sup_ops.respond(sup, received.id, "Priya Shah", reply)


def grab(widget: Any, path: Path) -> bool:
    if not widget.grab().save(str(path)):
        print(f"could not write {path}", file=sys.stderr)
        return False
    print(path.relative_to(REPO) if path.is_relative_to(REPO) else path)
    return True


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(prog="python -m benchmarks.shots_exchange")
    p.add_argument("--theme", default="light", choices=("light", "dark", "high_contrast"))
    p.add_argument("--out", type=Path, default=REPO / "docs" / "screenshots")
    args = p.parse_args(argv)

    with tempfile.TemporaryDirectory(prefix="ips-reflect-exchange-shots-") as tmp:
        root = Path(tmp)
        os.environ["IPS_REFLECT_DATA_DIR"] = str(root / "data")
        from ips_reflect.core.content import load_content
        from ips_reflect.core.settings import DEFAULT_FONT_SIZE, MAX_FONT_SIZE, Settings
        from ips_reflect.gui.pages.supervision.exchange import SendDialog
        from ips_reflect.gui.shell.app import create_main_window, ensure_application
        from ips_reflect.ops import exchange as ops
        from ips_reflect.store.crypto import KdfParams
        from ips_reflect.store.vault import Vault

        app = ensure_application()
        content = load_content()
        vault = sample_vault(root / "data", content)
        fast = KdfParams(memory_cost=8192, time_cost=1, parallelism=1)
        sup, _code = Vault.create(root / "supervisor", "screenshot sample passphrase", kdf=fast)
        card = root / "priya-shah.ipskey"
        with sup:
            ops.write_my_card(sup, card, "Priya Shah")
        args.out.mkdir(parents=True, exist_ok=True)

        settings = Settings(theme=args.theme, font_point_size=DEFAULT_FONT_SIZE)
        window = create_main_window(content, settings, root / "data")
        window.set_vault(vault)
        window.show()
        window.view.resize(*SIZE)
        window.show_page("supervision")
        page = window.controllers["supervision"]
        page.today = date(2026, 3, 12)
        page.new_session(
            "2026-03-12", "Priya Shah", ["sup.topic.what_when_how_why", "sup.topic.biography"]
        )
        page.set_discussed(0, True)
        _settle(app)

        ok = True
        what, _session = page._what_will_be_sent()
        for pt, suffix in ((DEFAULT_FONT_SIZE, ""), (MAX_FONT_SIZE, "-large")):
            window.set_font_size(pt)
            _settle(app)
            sender = SendDialog(window.view, vault, what, "Sam Okafor")
            sender.use_card_file(card)
            sender.dialog.show()
            sender.matches_check.setFocus()
            _settle(app, 0.6)
            ok = grab(sender.dialog, args.out / f"supervision-send{suffix}.png") and ok
            sender.dialog.reject()
            sender.dialog.deleteLater()
        window.set_font_size(DEFAULT_FONT_SIZE)
        _settle(app)

        # Send (the same ops call the dialog ends in), reply, and take the reply in.
        share, reply = root / "session.ipsshare", root / "reply.ipsreply"
        assert page.session is not None
        ops.share_session(
            vault,
            content,
            ops.read_card_file(card),
            share,
            session_id=page.session.id,
            confirmed=True,
            name="Sam Okafor",
        )
        supervisor_side(root / "supervisor", share, reply)
        assert page.take_in_reply(reply)
        rows = page.agenda()
        fair = next(n for n, i in enumerate(rows) if page.item_comments.get((i.kind, i.ref)))
        page.select_item(fair)
        page.tabs.setCurrentIndex(0)
        page.agenda_list.setFocus()
        _settle(app)
        ok = grab(window.view, args.out / "supervision-reply.png") and ok

        window.set_vault(None)
        window.view.close()
        vault.close()
    return 0 if ok else 1


if __name__ == "__main__":
    raise SystemExit(main())
