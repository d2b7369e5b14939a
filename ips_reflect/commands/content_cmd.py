"""``ips-reflect content check [DIR]``."""

from __future__ import annotations

import argparse
from pathlib import Path

from ips_reflect.commands import _console
from ips_reflect.commands._parsing import Subparsers, add_actions, add_command, arg


def register(sub: Subparsers) -> None:
    p = sub.add_parser("content", help="validate question packs")
    add_command(
        add_actions(p, "content_command"),
        "check",
        help="validate question packs; prints file:line:col for each problem",
        description=(
            "Validate question packs. With DIR, check that folder as a complete set. "
            "Without DIR, check what the app loads: the built-in packs plus any "
            "--content-dir folders and the content/ folder inside the data dir."
        ),
        func=run_check,
        args=[arg("dir", nargs="?", metavar="DIR", help="folder of .yaml packs")],
    )


def content_sources(args: argparse.Namespace) -> tuple[Path, list[Path]]:
    """The base folder and the override folders the app would load."""
    from ips_reflect import paths

    return paths.content_sources(args.content_dir, args.data_dir)


def run_check(args: argparse.Namespace) -> int:
    from ips_reflect.core.content import check_content
    from ips_reflect.textsafe import for_terminal

    if args.dir:
        base, overrides = Path(args.dir), [Path(d) for d in args.content_dir]
    else:
        base, overrides = content_sources(args)
    content, problems = check_content(base, overrides)
    if content is None:
        for problem in problems:
            print(for_terminal(problem, newlines=True), file=_console.stderr())
        n = len(problems)
        print(
            f"{n} problem{'s' if n != 1 else ''} found; fix the lines above and run "
            "'ips-reflect content check' again.",
            file=_console.stderr(),
        )
        return 1
    where = ", ".join(str(d) for d in content.dirs)
    print(for_terminal(f"OK: {content.summary()} from {where}"))
    return 0
