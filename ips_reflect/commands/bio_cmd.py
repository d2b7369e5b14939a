"""``ips-reflect bio card -o card.yaml`` and ``ips-reflect bio pdf -o bio.pdf [--service S]``.

Both read the biography saved on the Biography page of the app (it lives in the
encrypted vault), run the privacy guard over every line (contact details and
anything the sharing plan keeps private) and stop with exit code 1, listing
each problem, rather than write something that should not be shared.

The files written are NOT encrypted: they are meant to be shared with the team,
and a notice on stderr says so. Only the standard library is imported at start-up.
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from ips_reflect.commands import _console
from ips_reflect.commands._parsing import Subparsers, add_actions, add_command, arg, output
from ips_reflect.commands.vault_cmd import _unlock


def register(sub: Subparsers) -> None:
    p = add_command(
        sub,
        "bio",
        help="your biography: a bio card for the team folder, or a one-page PDF",
        description="Write the biography saved on the app's Biography page as a bio card "
        "(for the team's shared folder) or as a one-page PDF. Contact details and anything "
        "your sharing plan keeps private are refused.",
    )
    bsub = add_actions(p, "bio_command")
    add_command(
        bsub,
        "card",
        help="write your bio card (YAML) for the team's shared folder",
        description="Write your biography as a bio card (format ips-reflect/bio-card, "
        "version 1). A photo, if you added one, is written beside it with the same name "
        "(card.jpg or card.png). The files are not encrypted: they are meant to be shared.",
        func=run_card,
        args=[output("the card to write, e.g. card.yaml")],
    )
    add_command(
        bsub,
        "pdf",
        help="write your biography as a one-page PDF",
        description="Write your biography as a one-page PDF with your photo, to print or "
        "hand to a client. The file is not encrypted: it is meant to be shared.",
        func=run_pdf,
        args=[
            output("the PDF to write, e.g. bio.pdf"),
            arg("--service", metavar="NAME", help="service name for the top and foot of the page"),
        ],
    )


# --------------------------------------------------------------------------- helpers


def _read_biography(args: argparse.Namespace) -> tuple[Any, list[str]]:
    """The stored biography and the sharing plan's private topics (see ``ops.bio``)."""
    from ips_reflect.ops import bio as ops

    with _unlock(args) as vault:
        return ops.stored_biography(vault)


def _check_target(target: Path, suffixes: tuple[str, ...], message: str) -> None:
    from ips_reflect import messages
    from ips_reflect.errors import UserError

    if target.suffix.lower() not in suffixes:
        raise UserError(message.format(file=target))
    if target.is_dir():
        raise UserError(messages.BIO_CLI_IS_FOLDER.format(file=target))
    if not target.parent.is_dir():
        raise UserError(messages.BIO_CLI_NO_FOLDER.format(folder=target.parent))


# --------------------------------------------------------------------------- commands


def run_card(args: argparse.Namespace) -> int:
    from ips_reflect import messages
    from ips_reflect.errors import UserError

    target = Path(args.output)
    _check_target(target, (".yaml", ".yml"), messages.BIO_CLI_NOT_YAML)
    bio, blocked = _read_biography(args)
    from ips_reflect.ops import bio as ops

    try:
        photo_path = ops.write_card(
            ops.card_of(bio), target, blocked=blocked, photo=bio.photo, mime=bio.photo_mime
        )
    except OSError as exc:
        raise UserError(
            messages.BIO_CLI_WRITE_FAILED.format(file=target, problem=exc.strerror or exc)
        ) from None
    if photo_path is not None:
        print(messages.BIO_CLI_WROTE_CARD_PHOTO.format(file=target, photo=photo_path.name))
    else:
        print(messages.BIO_CLI_WROTE_CARD.format(file=target))
    if not bio.consent:
        print(messages.BIO_CLI_NO_CONSENT, file=_console.stderr())
    print(messages.BIO_SHARED_NOTICE.format(file=target), file=_console.stderr())
    return 0


def run_pdf(args: argparse.Namespace) -> int:
    from ips_reflect import messages

    target = Path(args.output)
    _check_target(target, (".pdf",), messages.BIO_CLI_NOT_PDF)
    bio, blocked = _read_biography(args)
    from ips_reflect.core.bioprofile import clean_payload
    from ips_reflect.ops import bio as ops

    service = args.service if args.service is not None else clean_payload(bio.payload)["service"]
    ops.write_pdf(ops.card_of(bio), target, blocked=blocked, service=service, photo=bio.photo)
    print(messages.BIO_CLI_WROTE_PDF.format(file=target))
    print(messages.BIO_SHARED_NOTICE.format(file=target), file=_console.stderr())
    return 0
