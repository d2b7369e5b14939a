"""``ips-reflect content check [DIR]``."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg,unused-ignore]
    p = sub.add_parser("content", help="validate question packs")
    csub = p.add_subparsers(dest="content_command", metavar="ACTION", required=True)
    check = csub.add_parser(
        "check",
        help="validate question packs; prints file:line:col for each problem",
        description=(
            "Validate question packs. With DIR, check that folder as a complete set. "
            "Without DIR, check what the app loads: the built-in packs plus any "
            "--content-dir folders and the content/ folder inside the data dir."
        ),
    )
    check.add_argument("dir", nargs="?", metavar="DIR", help="folder of .yaml packs")
    check.set_defaults(func=run_check)


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
            print(for_terminal(problem, newlines=True), file=sys.stderr)
        n = len(problems)
        print(
            f"{n} problem{'s' if n != 1 else ''} found; fix the lines above and run "
            "'ips-reflect content check' again.",
            file=sys.stderr,
        )
        return 1
    where = ", ".join(str(d) for d in content.dirs)
    print(for_terminal(f"OK: {content.summary()} from {where}"))
    return 0
