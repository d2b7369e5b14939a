"""One module per command group; each exposes ``register(subparsers)``.

Modules here import only the standard library at import time; everything heavy
is imported inside the handler.
"""

from ips_reflect.commands import (
    bio_cmd,
    check_cmd,
    content_cmd,
    flags_cmd,
    supervision_cmd,
    team_cmd,
    vault_cmd,
)

COMMAND_MODULES = [
    content_cmd,
    vault_cmd,
    bio_cmd,
    team_cmd,
    flags_cmd,
    supervision_cmd,
    check_cmd,
]
