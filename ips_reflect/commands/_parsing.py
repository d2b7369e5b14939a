"""One way for every command module to add its subcommands and their options.

A command is a name, its ``help`` and ``description``, the options it takes (each
an :func:`arg`) and the handler set as ``func``. Only the standard library is
imported here.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable, Sequence
from typing import Any

#: An option as ``add_argument`` takes it: the flags (or name) and the keywords.
Arg = tuple[tuple[str, ...], dict[str, Any]]

Subparsers = argparse._SubParsersAction  # type: ignore[type-arg,unused-ignore]


def arg(*flags: str, **kwargs: Any) -> Arg:
    """An option or positional argument, as for ``add_argument``."""
    return flags, kwargs


def json_flag(help: str = "print one JSON document", **kwargs: Any) -> Arg:
    """``--json``: print one JSON document."""
    return arg("--json", action="store_true", help=help, **kwargs)


def output(help: str | None = None, metavar: str = "FILE") -> Arg:
    """``-o/--output FILE``, required."""
    return arg("-o", "--output", required=True, metavar=metavar, help=help)


def add_command(
    sub: Subparsers,
    name: str,
    *,
    help: str,
    description: str | None = None,
    func: Callable[[argparse.Namespace], int] | None = None,
    args: Sequence[Arg] = (),
) -> argparse.ArgumentParser:
    """Add the subcommand ``name`` with its options; ``func`` runs it."""
    kwargs: dict[str, Any] = {"help": help}
    if description is not None:
        kwargs["description"] = description
    parser = sub.add_parser(name, **kwargs)
    for flags, options in args:
        parser.add_argument(*flags, **options)
    if func is not None:
        parser.set_defaults(func=func)
    return parser


def add_actions(parser: argparse.ArgumentParser, dest: str, *, required: bool = True) -> Subparsers:
    """The ``ACTION`` subcommands of a command group (``content check``, ``bio card`` ...)."""
    return parser.add_subparsers(dest=dest, metavar="ACTION", required=required)
