"""Screenshots of the way in: set-up, the recovery code, unlock (offscreen)."""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

REPO = Path(__file__).resolve().parent.parent
OUT = REPO / "docs" / "screenshots"


def main() -> int:
    from PySide6.QtWidgets import QApplication, QLineEdit

    from ips_reflect.core.settings import Settings
    from ips_reflect.gui.shell.app import ensure_application
    from ips_reflect.gui.shell.vault_gate import VaultGate
    from ips_reflect.gui.widgets import theme
    from ips_reflect.store.vault import Vault

    app = ensure_application()
    theme.apply_theme(app, Settings().theme, Settings().font_point_size)
    data_dir = Path(tempfile.mkdtemp(prefix="ips-reflect-shots-")) / "data"
    OUT.mkdir(parents=True, exist_ok=True)

    def settle() -> None:
        for _ in range(5):
            QApplication.processEvents()

    gate = VaultGate(data_dir)
    setup = gate.start()
    setup.findChild(QLineEdit, "passphraseEdit").setText("kettle orbit marmalade")
    setup.findChild(QLineEdit, "confirmEdit").setText("kettle orbit marmalade")
    settle()
    setup.grab().save(str(OUT / "setup.png"))
    code_page = gate.controller.code_page  # type: ignore[union-attr]
    code_page.show_code("LG6W-J37D-ZXHD-7TYP-MXM5-3Q4X")
    gate.controller.stack.setCurrentWidget(code_page.page)  # type: ignore[union-attr]
    settle()
    setup.grab().save(str(OUT / "recovery-code.png"))
    setup.closable = True  # type: ignore[attr-defined]
    setup.close()

    Vault.create(data_dir, "kettle orbit marmalade tunnel")[0].close()
    unlock = VaultGate(data_dir).start()
    from ips_reflect.gui.shell.vault_gate import UnlockController

    ctl = UnlockController(unlock, data_dir)
    ctl.show_error("That passphrase does not open this vault. Check it and try again.")
    settle()
    unlock.grab().save(str(OUT / "unlock.png"))
    unlock.close()
    print(f"wrote setup.png, recovery-code.png and unlock.png in {OUT}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
