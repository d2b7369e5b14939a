"""Screenshots of the Vault menu's dialogs (offscreen), into ``docs/screenshots/vault-*.png``.

Every dialog at the usual text size, and the restore dialog once more at the largest
text size the View menu allows, to see that it reflows rather than clips.
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

REPO = Path(__file__).resolve().parent.parent
OUT = REPO / "docs" / "screenshots"
PASSPHRASE = "kettle orbit marmalade tunnel"
CODE = "LG6W-J37D-ZXHD-7TYP-MXM5-3Q4X"


def main() -> int:
    from PySide6.QtWidgets import QApplication

    from ips_reflect.core.content import load_content
    from ips_reflect.core.entries import Entry
    from ips_reflect.core.settings import MAX_FONT_SIZE, Settings
    from ips_reflect.gui.shell.app import create_main_window, ensure_application
    from ips_reflect.gui.shell.care import VaultMenu
    from ips_reflect.gui.shell.care.base import CareDialog
    from ips_reflect.gui.shell.session import VaultSession
    from ips_reflect.gui.widgets import theme
    from ips_reflect.ops import vault_care
    from ips_reflect.store.vault import Vault

    app = ensure_application()
    data_dir = Path(tempfile.mkdtemp(prefix="ips-reflect-shots-")) / "data"
    OUT.mkdir(parents=True, exist_ok=True)
    vault, _code = Vault.create(data_dir, PASSPHRASE)
    for i in range(3):
        vault.entries.add(Entry(kind="journal", title=f"Note {i}", body="A quiet day."))
        vault_care.back_up_now(vault)

    def settle() -> None:
        for _ in range(8):
            QApplication.processEvents()
            time.sleep(0.01)

    def wait(dialog: CareDialog, limit: float = 60.0) -> None:
        end = time.monotonic() + limit
        while dialog.busy and time.monotonic() < end:
            QApplication.processEvents()
            time.sleep(0.02)
        settle()

    def shot(dialog: CareDialog, name: str) -> None:
        settle()
        dialog.view.grab().save(str(OUT / name))
        print(f"wrote {name} ({dialog.view.width()}x{dialog.view.height()})")

    def build(font: int) -> tuple[VaultMenu, VaultSession]:
        settings = Settings(font_point_size=font)
        window = create_main_window(load_content(), settings, data_dir, features=False)
        theme.apply_theme(app, settings.theme, font)
        session = VaultSession(idle_minutes=0)
        session.open(vault)
        window.show()
        return VaultMenu(window, session, data_dir, keep=10), session

    menu, session = build(Settings().font_point_size)

    change = menu.change_passphrase()
    assert change is not None
    change.current_edit.setText(PASSPHRASE)
    change.pass_edit.setText("pebble lantern orchard")
    change.confirm_edit.setText("pebble lantern orchard")
    change.current_edit.setFocus()
    shot(change, "vault-passphrase.png")
    change._show_code(CODE)
    shot(change, "vault-passphrase-code.png")
    change.close()

    code = menu.new_recovery_code()
    assert code is not None
    code.show_error("That is not your current passphrase, so nothing was changed.")
    shot(code, "vault-recovery.png")
    code.close()

    backup = menu.back_up_now()
    assert backup is not None
    wait(backup)
    shot(backup, "vault-backup.png")
    backup.close()

    check = menu.check_vault()
    assert check is not None
    wait(check)
    shot(check, "vault-check.png")
    check.close()

    restore = menu.restore()
    assert restore is not None
    shot(restore, "vault-restore.png")
    restore.secret_edit.setText(PASSPHRASE)
    restore.next()
    shot(restore, "vault-restore-confirm.png")
    restore.close()
    menu.window.view.close()

    big, _session = build(MAX_FONT_SIZE)
    large = big.restore()
    assert large is not None
    shot(large, "vault-restore-large-text.png")
    large.secret_edit.setText(PASSPHRASE)
    large.next()
    shot(large, "vault-restore-confirm-large-text.png")
    large.close()
    big.window.view.close()
    session.backups.wait(30)
    vault.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
