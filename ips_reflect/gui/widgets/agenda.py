"""The next supervision agenda's flags, shared by the Flags page (which puts flags there)
and the Supervision page (which takes them into a new session's agenda).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ips_reflect.store import keys

if TYPE_CHECKING:
    from ips_reflect.store.vault import Vault

#: ``vault.kv`` key: ids of the flags to bring to the next supervision session.
AGENDA_KEY = keys.AGENDA_FLAGS


def next_agenda_flag_ids(vault: Vault) -> list[int]:
    """The flag ids put on the next agenda (none if the vault cannot say)."""
    try:
        value = vault.kv.get(AGENDA_KEY) or []
    except Exception:
        return []
    return [int(v) for v in value if isinstance(v, int)]
