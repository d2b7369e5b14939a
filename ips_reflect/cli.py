"""Command-line front door: ``ips-reflect [--data-dir DIR] COMMAND ...``.

Each command lives in ``ips_reflect/commands/`` and registers itself on the
parser. Heavy modules (Qt, reportlab, the vault) are imported inside the
command that needs them, so ``ips-reflect content check`` never loads Qt.

Exit codes: 0 ok, 1 user error, 2 usage error (argparse).
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence

from ips_reflect import __version__, messages
from ips_reflect.commands import COMMAND_MODULES
from ips_reflect.errors import UserError
from ips_reflect.textsafe import for_terminal

#: No error line is longer than this, whatever it quotes (a file name, a value).
MAX_ERROR_LINE = 2000


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="ips-reflect",
        description=(
            "IPS Reflect: prepare, check and reflect on sharing personal experience "
            "in IPS practice. Run without a command to open the app."
        ),
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    parser.add_argument(
        "--data-dir",
        metavar="DIR",
        help="where the vault and settings live (default: $IPS_REFLECT_DATA_DIR, "
        "else your user data folder)",
    )
    parser.add_argument(
        "--content-dir",
        metavar="DIR",
        action="append",
        default=[],
        help="an extra folder of question packs that adds or overrides items by id "
        "(may be given more than once)",
    )
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for module in COMMAND_MODULES:
        module.register(sub)
    return parser


def _for_stderr(text: object) -> str:
    """An error line as it may reach a terminal: controls escaped, at most MAX_ERROR_LINE."""
    shown = for_terminal(text, newlines=True)
    if len(shown) > MAX_ERROR_LINE:
        shown = shown[:MAX_ERROR_LINE] + "… (cut short)"
    return shown


#: A command waits this long for another program that is about to let go of the vault
#: before it says the vault is busy (a command finishing, an app quitting).
COMMAND_LOCK_WAIT = 2.0


def _hold_vault_as_command(command: str) -> None:
    """Tell the vault lock who we are and how long to wait (only when a vault is used)."""
    from ips_reflect.store import lock

    lock.default_wait = COMMAND_LOCK_WAIT
    lock.default_holder = f"the command 'ips-reflect {command}'"


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        if args.command is None:
            from ips_reflect.gui.shell.app import run_app

            return run_app(args)
        _hold_vault_as_command(args.command)
        return int(args.func(args) or 0)
    except UserError as exc:
        print(f"ips-reflect: {_for_stderr(exc.message)}", file=sys.stderr)
        for line in exc.details:
            print(_for_stderr(line), file=sys.stderr)
        return exc.exit_code
    except KeyboardInterrupt:
        print(messages.CLI_STOPPED, file=sys.stderr)
        return 130
    except BrokenPipeError:
        return 0
    except Exception as exc:  # no traceback reaches a user
        if os.environ.get("IPS_REFLECT_DEBUG"):
            raise
        print(
            f"ips-reflect: an unexpected problem stopped the command ({type(exc).__name__}). "
            "Set IPS_REFLECT_DEBUG=1 and run it again to see the technical details, "
            "and please report them.",
            file=sys.stderr,
        )
        return 1


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
