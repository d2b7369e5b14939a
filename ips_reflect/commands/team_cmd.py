"""``ips-reflect team booklet DIR -o booklet.pdf [--title T] [--service S] [--skip-invalid]``."""

from __future__ import annotations

import argparse
from pathlib import Path

from ips_reflect.commands import _console
from ips_reflect.commands._parsing import Subparsers, add_actions, add_command, arg, output


def register(sub: Subparsers) -> None:
    p = sub.add_parser("team", help="team lead tools: the 'Meet the team' booklet")
    add_command(
        add_actions(p, "team_command"),
        "booklet",
        help="build a 'Meet the team' PDF from a folder of biography cards",
        description=(
            "Build a 'Meet the team' booklet from a folder of biography cards (one .yaml "
            "file per person): a cover, contents, one section per person and a directory "
            "of the sectors and languages the team knows. Every card is checked first; "
            "problems are listed one a line, naming the person and the file:line:col. "
            "A card whose photo is not found goes in with the person's initials (a warning)."
        ),
        func=run_booklet,
        args=[
            arg("dir", metavar="DIR", help="folder of biography cards (.yaml)"),
            output("the PDF to write, e.g. booklet.pdf"),
            arg("--title", default="Meet the team", help="title on the cover"),
            arg("--service", metavar="NAME", help="service name for the cover and footer"),
            arg(
                "--skip-invalid",
                action="store_true",
                help="leave out cards with problems (they are still listed) instead of stopping",
            ),
        ],
    )


def run_booklet(args: argparse.Namespace) -> int:
    from ips_reflect import messages
    from ips_reflect.core.biocard import card_files
    from ips_reflect.core.yamlsafe import display_path
    from ips_reflect.errors import UserError
    from ips_reflect.ops import team
    from ips_reflect.textsafe import for_terminal

    folder = Path(args.dir)
    out = Path(args.output)
    if out.suffix.lower() != ".pdf":
        raise UserError(messages.BOOKLET_NOT_PDF.format(file=args.output))
    shown = display_path(folder)
    if not card_files(folder):
        raise UserError(messages.TEAM_NO_CARDS.format(folder=shown))

    read = team.read_team(folder)
    for entry in read:
        for line in team.problem_lines(entry):
            print(for_terminal(line, newlines=True), file=_console.stderr())
    cards = [r.card for r in read if r.card is not None]
    invalid = [r for r in read if r.card is None]
    total = len(read)
    if not cards:
        raise UserError(messages.TEAM_NO_VALID_CARDS.format(total=total, folder=shown))
    if invalid and not args.skip_invalid:
        raise UserError(
            messages.TEAM_INVALID_CARDS.format(
                bad=len(invalid), total=total, have="has" if len(invalid) == 1 else "have"
            )
        )

    result = team.build(cards, out, title=args.title, service=args.service)
    if invalid:
        names = ", ".join(
            f"{r.name} ({display_path(r.path)})" if r.name else display_path(r.path)
            for r in invalid
        )
        bad = len(invalid)
        print(
            for_terminal(
                messages.TEAM_SKIPPED.format(bad=bad, s="s" if bad != 1 else "", names=names),
                newlines=True,
            ),
            file=_console.stderr(),
        )
    print(
        messages.TEAM_WROTE.format(
            file=args.output,
            people=result.people,
            people_word="person" if result.people == 1 else "people",
            pages=result.pages,
            pages_s="s" if result.pages != 1 else "",
        )
    )
    return 0
