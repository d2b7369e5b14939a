"""Command-line front door: ``ips-reflect [--data-dir DIR] COMMAND ...``.

Each command lives in ``ips_reflect/commands/`` and registers itself on the
parser. Heavy modules (Qt, reportlab, the vault) are imported inside the
command that needs them, so ``ips-reflect content check`` never loads Qt.

Exit codes: 0 ok, 1 user error, 2 usage error (argparse).
"""

from __future__ import annotations

import os
import sys
from collections.abc import Sequence
from types import SimpleNamespace
from typing import TYPE_CHECKING, Any

from ips_reflect import __version__, logfile
from ips_reflect.errors import UserError

if TYPE_CHECKING:
    import argparse

#: No error line is longer than this, whatever it quotes (a file name, a value).
MAX_ERROR_LINE = 2000


#: The options the app itself takes (no command): ``ips-reflect --data-dir DIR``.
_APP_OPTIONS = ("--data-dir", "--content-dir")


def app_options(argv: Sequence[str]) -> SimpleNamespace | None:
    """``argv`` read as options for the app, when that is all it holds; else None.

    Opening the app is the one path where every millisecond before the unlock window
    shows counts: this reads its two options without building the full parser (and
    importing every command's module). Anything else, ``--help`` included, goes
    through :func:`build_parser`.
    """
    found: dict[str, list[str]] = {"data_dir": [], "content_dir": []}
    items = list(argv)
    while items:
        item = items.pop(0)
        name, eq, value = item.partition("=")
        if name not in _APP_OPTIONS:
            return None
        if not eq:
            if not items or items[0].startswith("-"):
                return None  # argparse says what is missing
            value = items.pop(0)
        if not value:
            return None
        found[name[2:].replace("-", "_")].append(value)
    data_dirs = found["data_dir"]
    data_dir = data_dirs[-1] if data_dirs else None
    return SimpleNamespace(command=None, data_dir=data_dir, content_dir=found["content_dir"])


def command_in(argv: Sequence[str]) -> str | None:
    """The command ``argv`` names (its first word after the app's own options), or None
    when anything else comes first (``--help``, ``--version``, an unknown option)."""
    items = list(argv)
    while items:
        item = items.pop(0)
        if not item.startswith("-"):
            return item
        if item in _APP_OPTIONS:
            if not items:
                return None
            items.pop(0)
        elif item.partition("=")[0] not in _APP_OPTIONS:
            return None
    return None


def build_parser(argv: Sequence[str] | None = None) -> argparse.ArgumentParser:
    """The full parser; given ``argv``, with only the module of the command it names
    (every command's when it names none, so ``--help`` lists them all)."""
    import argparse

    from ips_reflect.commands import command_modules

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
    for module in command_modules(None if argv is None else command_in(argv)):
        module.register(sub)
    return parser


def _for_stderr(text: object) -> str:
    """An error line as it may reach a terminal: controls escaped, at most MAX_ERROR_LINE."""
    from ips_reflect.textsafe import for_terminal

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


def _stderr() -> Any:
    """Standard error, or nowhere when the app was started without a console."""
    from ips_reflect.commands._console import stderr

    return stderr()


def main(argv: Sequence[str] | None = None) -> int:
    args: Any = app_options(sys.argv[1:] if argv is None else argv)
    if args is None:
        given = sys.argv[1:] if argv is None else argv
        args = build_parser(given).parse_args(given)
    logfile.use_data_dir(args.data_dir)
    try:
        if args.command is None:
            from ips_reflect.gui.shell.launch import run_app

            return run_app(args)
        _hold_vault_as_command(args.command)
        return int(args.func(args) or 0)
    except UserError as exc:
        print(f"ips-reflect: {_for_stderr(exc.message)}", file=_stderr())
        for line in exc.details:
            print(_for_stderr(line), file=_stderr())
        return exc.exit_code
    except KeyboardInterrupt:
        from ips_reflect import messages

        print(messages.CLI_STOPPED, file=_stderr())
        return 130
    except BrokenPipeError:
        return 0
    except Exception as exc:  # no traceback reaches a user
        where = "the app" if args.command is None else f"the command '{args.command}'"
        logged = logfile.record_crash(type(exc), exc, exc.__traceback__, where)
        if os.environ.get("IPS_REFLECT_DEBUG"):
            raise
        from ips_reflect.textsafe import for_terminal

        print(
            f"ips-reflect: an unexpected problem stopped the command ({type(exc).__name__}). "
            + (
                f"The technical details (never what you wrote) are in {for_terminal(logged)}; "
                "please report them."
                if logged
                else "Set IPS_REFLECT_DEBUG=1 and run it again to see the technical details, "
                "and please report them."
            ),
            file=_stderr(),
        )
        return 1


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
