"""Looking after the vault from the main window: the Vault menu and its dialogs
(change passphrase, new recovery code, back up now, restore, check the vault, open
the data folder). The work itself is in :mod:`ips_reflect.ops.vault_care`."""

from ips_reflect.gui.shell.care.menu import VaultMenu
from ips_reflect.gui.shell.care.restore import RestoreRequest

__all__ = ["RestoreRequest", "VaultMenu"]
