"""One module per command group; each exposes ``register(subparsers)``.

Modules here import only the standard library at import time; everything heavy
is imported inside the handler. Only the module of the command being run is
imported at all (:func:`command_modules`): ``ips-reflect search`` never loads the
code of ``bio``, ``team`` or ``supervision``.
"""

from __future__ import annotations

import importlib
from types import ModuleType

#: The command modules, in the order ``ips-reflect --help`` lists their commands.
MODULE_NAMES: tuple[str, ...] = (
    "content_cmd",
    "vault_cmd",
    "bio_cmd",
    "team_cmd",
    "flags_cmd",
    "supervision_cmd",
    "supervisor_cmd",
    "check_cmd",
)

#: Each command and the module that registers it (a test keeps this in step).
COMMANDS: dict[str, str] = {
    "content": "content_cmd",
    "init": "vault_cmd",
    "import": "vault_cmd",
    "export": "vault_cmd",
    "search": "vault_cmd",
    "backup": "vault_cmd",
    "restore": "vault_cmd",
    "verify": "vault_cmd",
    "passwd": "vault_cmd",
    "recover": "vault_cmd",
    "bio": "bio_cmd",
    "team": "team_cmd",
    "flags": "flags_cmd",
    "supervision": "supervision_cmd",
    "supervisor": "supervisor_cmd",
    "check": "check_cmd",
}


def command_modules(command: str | None = None) -> list[ModuleType]:
    """The modules to register for a run of ``command``: only the one that owns it
    when it is a known command, else every one (``--help``, a usage error)."""
    names = [COMMANDS[command]] if command in COMMANDS else list(MODULE_NAMES)
    return [importlib.import_module(f"{__name__}.{name}") for name in names]
