"""Screenshots of every page at the largest text size (light theme, 1366x768).

    python -m benchmarks.shots_large_text             # into docs/screenshots/
    python -m benchmarks.shots_large_text --out /tmp/shots --theme high_contrast

Runs offscreen over a throw-away data folder with a small, made-up vault (so your own
settings and entries are never read). PNGs are ``large-text-<page>.png``; the Journal
also gets ``large-text-journal-new-entry.png`` (writing a new entry).
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

REPO = Path(__file__).resolve().parent.parent
PASSPHRASE = "kettle orbit marmalade tunnel"


def build_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="python -m benchmarks.shots_large_text", description=__doc__)
    p.add_argument("--out", type=Path, default=REPO / "docs" / "screenshots")
    p.add_argument("--theme", default="light", choices=("light", "dark", "high_contrast"))
    p.add_argument("--size", default="1366x768", help="window size, default 1366x768")
    p.add_argument("--font-size", type=int, default=0, help="default: the largest")
    return p


def fill(vault, content) -> None:  # type: ignore[no-untyped-def]
    from ips_reflect.core.entries import Entry
    from ips_reflect.ops.flags import sync_vault_flags

    vault.entries.add(
        Entry(
            kind="journal",
            title="Interview with a warehouse manager",
            body="A long day. Before he left I gave him my personal mobile, just in case. "
            "I want to talk this through in supervision.",
            client_alias="Sam",
            tags=["interview"],
            bring_to_supervision=True,
        )
    )
    vault.entries.add(Entry(kind="journal", title="Job fair", body="Met three employers."))
    session = vault.supervision.add_session("2026-11-20", "Alex Morgan")
    vault.supervision.add_action(session.id, "Ask about the rota", "2026-12-01")
    sync_vault_flags(vault, content)


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    width, height = (int(n) for n in args.size.lower().split("x"))
    with tempfile.TemporaryDirectory(prefix="ips-reflect-shots-") as tmp:
        os.environ["IPS_REFLECT_DATA_DIR"] = tmp
        from PySide6.QtWidgets import QApplication

        from ips_reflect.core.content import load_content
        from ips_reflect.core.settings import MAX_FONT_SIZE, Settings
        from ips_reflect.gui.shell.app import create_main_window, ensure_application
        from ips_reflect.store.crypto import KdfParams
        from ips_reflect.store.vault import Vault

        app = ensure_application()
        content = load_content()
        vault, _code = Vault.create(Path(tmp), PASSPHRASE, kdf=KdfParams(8192, 1, 1))
        fill(vault, content)
        settings = Settings(theme=args.theme, font_point_size=args.font_size or MAX_FONT_SIZE)
        window = create_main_window(content, settings, Path(tmp))
        window.view.resize(width, height)
        window.show()
        window.set_vault(vault)
        args.out.mkdir(parents=True, exist_ok=True)

        def settle() -> None:
            for _ in range(5):
                QApplication.processEvents()

        def save(name: str) -> bool:
            settle()
            path = args.out / f"large-text-{name}.png"
            if not window.view.grab().save(str(path)):
                print(f"could not write {path}", file=sys.stderr)
                return False
            print(path.relative_to(REPO) if path.is_relative_to(REPO) else path)
            return True

        keys = [window.pages.page_at(row).key for row in range(window.pages.rowCount())]
        for key in keys:
            window.show_page(key)
            if key == "journal":
                journal = window.controllers["journal"]
                journal.show_entry(vault.entries.list(kind="journal")[0].uid)
            if not save(key):
                return 1
        journal = window.controllers["journal"]
        window.show_page("journal")
        journal.new_entry()
        if not save("journal-new-entry"):
            return 1
        journal.cancel_edit()
        window.flush()
        window.set_vault(None)
        vault.close()
        window.view.close()
        window.view.deleteLater()
        QApplication.processEvents()
        del app
    return 0


if __name__ == "__main__":
    sys.exit(main())
