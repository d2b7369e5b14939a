"""What the supervisor's page reads without changing anything: the key card if keys
were made, the name last signed off with, and a share file opened in one call.

:func:`ips_reflect.ops.exchange.identity` makes keys on first need; the page must not
make keys just by being shown, so it asks :func:`existing_card` instead. Everything
that changes the vault goes through :mod:`ips_reflect.ops.exchange` and
:mod:`ips_reflect.ops.exchange_supervisor`, as the command line does.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from ips_reflect.core.exchange import KeyCard

if TYPE_CHECKING:
    from ips_reflect.store.exchange_store import ReceivedShare
    from ips_reflect.store.vault import Vault


def existing_card(vault: Vault) -> KeyCard | None:
    """This vault's key card if its keys were made and named; None otherwise (no keys
    are made here)."""
    me = vault.exchange.identity()
    if me is None or not me.name:
        return None
    return me.card()


def last_signoff_name(vault: Vault) -> str:
    """The name the newest signed-off session was signed with, else the name on the key
    card ("" with neither)."""
    for share in vault.exchange.received_shares():
        name = (share.reply or {}).get("signed_off_by")
        if isinstance(name, str) and name.strip():
            return name
    card = existing_card(vault)
    return card.name if card is not None else ""


def open_share_file(vault: Vault, path: Path, source: str | None = None) -> ReceivedShare:
    """Read a ``.ipsshare`` file (size-limited, its kind checked) and keep it, as
    ``ips-reflect supervisor open`` does; ``source`` names the file in any refusal."""
    from ips_reflect.ops import exchange, exchange_supervisor

    shown = source if source is not None else str(path)
    data = exchange.read_exchange_file(path)
    exchange.check_kind(data, "share", shown)
    return exchange_supervisor.open_share(vault, data, shown)


def write_record_pdf(vault: Vault, received_id: int, target: Path) -> str:
    """The signed record of a share as a PDF at ``target``; its short fingerprint."""
    from ips_reflect.ops import exchange, exchange_supervisor

    record = exchange_supervisor.supervisor_record(vault, received_id)
    exchange.write_file(target, exchange.record_pdf(record))
    return record.short_fingerprint
