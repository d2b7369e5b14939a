"""``ips-reflect supervisor ...``: a supervisor's own workspace, and the practitioner's
half of the exchange (``supervision share | receive | record``, registered by
``supervision_cmd`` and run here).

* ``supervisor key -o NAME.ipskey [--name NAME]``: the public key card, and its
  fingerprint to read out to the people who will use it;
* ``supervisor open FILE.ipsshare``, ``list [--json]``, ``show ID [--json]``;
* ``supervisor comment ID --item N TEXT``, ``action ID TEXT [--due YYYY-MM-DD]``;
* ``supervisor respond ID --sign-off NAME -o FILE.ipsreply``;
* ``supervisor record ID -o FILE.pdf``.

Files are read with a size limit and checked (format, kind) before the vault is
unlocked; every refusal is one sentence and exit 1, and leaves the vault as it was.
Only the standard library is imported here at start-up.
"""

from __future__ import annotations

import argparse
import textwrap
from pathlib import Path
from typing import Any

from ips_reflect import messages
from ips_reflect.commands import _console
from ips_reflect.commands._parsing import (
    Subparsers,
    add_actions,
    add_command,
    arg,
    json_flag,
    output,
)
from ips_reflect.textsafe import for_terminal, json_for_terminal

WIDTH = 88


def register(sub: Subparsers) -> None:
    p = add_command(
        sub, "supervisor", help=messages.EX_CLI_HELP, description=messages.EX_CLI_DESCRIPTION
    )
    ssub = add_actions(p, "supervisor_command")
    share_id = arg("id", type=int, metavar="ID", help=messages.EX_CLI_ID_HELP)
    json_output = json_flag(messages.SUP_CLI_JSON_HELP)
    add_command(
        ssub,
        "key",
        help=messages.EX_CLI_KEY_HELP,
        description=messages.EX_CLI_KEY_DESCRIPTION,
        func=run_key,
        args=[
            output(messages.EX_CLI_KEY_OUTPUT_HELP, metavar="NAME.ipskey"),
            arg("--name", help=messages.EX_CLI_NAME_HELP),
        ],
    )
    add_command(
        ssub,
        "open",
        help=messages.EX_CLI_OPEN_HELP,
        description=messages.EX_CLI_OPEN_DESCRIPTION,
        func=run_open,
        args=[arg("file", metavar="FILE.ipsshare", help=messages.EX_CLI_SHARE_FILE_HELP)],
    )
    add_command(ssub, "list", help=messages.EX_CLI_LIST_HELP, func=run_list, args=[json_output])
    add_command(
        ssub, "show", help=messages.EX_CLI_SHOW_HELP, func=run_show, args=[share_id, json_output]
    )
    add_command(
        ssub,
        "comment",
        help=messages.EX_CLI_COMMENT_HELP,
        func=run_comment,
        args=[
            share_id,
            arg("--item", type=int, required=True, metavar="N", help=messages.EX_CLI_ITEM_HELP),
            arg("text", metavar="TEXT", help=messages.EX_CLI_TEXT_HELP),
        ],
    )
    add_command(
        ssub,
        "action",
        help=messages.EX_CLI_ACTION_HELP,
        func=run_action,
        args=[
            share_id,
            arg("text", metavar="TEXT", help=messages.EX_CLI_TEXT_HELP),
            arg("--due", metavar="YYYY-MM-DD", help=messages.EX_CLI_DUE_HELP),
        ],
    )
    add_command(
        ssub,
        "respond",
        help=messages.EX_CLI_RESPOND_HELP,
        description=messages.EX_CLI_RESPOND_DESCRIPTION,
        func=run_respond,
        args=[
            share_id,
            arg("--sign-off", required=True, metavar="NAME", help=messages.EX_CLI_SIGNOFF_HELP),
            output(messages.EX_CLI_REPLY_OUTPUT_HELP, metavar="FILE.ipsreply"),
        ],
    )
    add_command(
        ssub,
        "record",
        help=messages.EX_CLI_RECORD_HELP,
        func=run_record,
        args=[share_id, output(messages.SUP_CLI_OUTPUT_HELP, metavar="FILE.pdf")],
    )


# --------------------------------------------------------------------------- helpers


def check_target(out: str, example: str) -> Path:
    """Where a file goes, checked before the vault is opened or anything is made."""
    from ips_reflect.errors import UserError

    if out == "-":
        raise UserError(messages.EX_CLI_NO_TERMINAL.format(example=example))
    target = Path(out)
    if target.is_dir():
        raise UserError(
            messages.SUP_CLI_OUT_IS_DIR.format(path=for_terminal(target), example=example)
        )
    folder = target.parent if str(target.parent) else Path(".")
    if not folder.is_dir():
        raise UserError(messages.SUP_CLI_NO_FOLDER.format(folder=for_terminal(folder)))
    return target


def _unlock(args: argparse.Namespace) -> Any:
    from ips_reflect.commands.vault_cmd import _unlock as unlock

    return unlock(args)


def _read(path: str, kind: str) -> bytes:
    """An exchange file's bytes, refused before unlocking if it is not ``kind``."""
    from ips_reflect.ops import exchange as ops

    data = ops.read_exchange_file(Path(path))
    ops.check_kind(data, kind, path)
    return data


def _wrap(text: str, indent: str = "    ") -> str:
    out = []
    for para in text.replace("\r", "").split("\n"):
        line = for_terminal(para)
        out.append(
            textwrap.fill(line, WIDTH, initial_indent=indent, subsequent_indent=indent)
            if line.strip()
            else ""
        )
    return "\n".join(out)


# --------------------------------------------------------------------------- supervisor


def run_key(args: argparse.Namespace) -> int:
    from ips_reflect.ops import exchange as ops

    target = check_target(args.output, "my-name.ipskey")
    with _unlock(args) as vault:
        card = ops.write_my_card(vault, target, args.name)
    print(messages.EX_CLI_KEY_DONE.format(path=for_terminal(target), name=for_terminal(card.name)))
    print(messages.EX_CLI_FINGERPRINT.format(fingerprint=card.fingerprint))
    return 0


def run_open(args: argparse.Namespace) -> int:
    from ips_reflect.ops import exchange_supervisor as desk

    data = _read(args.file, "share")
    with _unlock(args) as vault:
        got = desk.open_share(vault, data, args.file)
    count = len(got.payload.get("items", []))
    print(
        messages.EX_CLI_OPENED.format(
            id=got.id,
            name=for_terminal(got.practitioner),
            date=got.session_date,
            count=count,
            fingerprint=got.practitioner_card.fingerprint,
        )
    )
    return 0


def run_list(args: argparse.Namespace) -> int:
    from ips_reflect.ops import exchange_supervisor as desk

    with _unlock(args) as vault:
        shares = desk.received_shares(vault)
    rows = [
        {
            "id": s.id,
            "share_id": s.share_id,
            "practitioner": s.practitioner,
            "session_date": s.session_date,
            "items": len(s.payload.get("items", [])),
            "opened": s.opened,
            "signed_off_by": (s.reply or {}).get("signed_off_by"),
        }
        for s in shares
    ]
    if args.json:
        print(json_for_terminal({"shares": rows}))
        return 0
    if not rows:
        print(messages.EX_CLI_LIST_EMPTY)
        return 0
    for row in rows:
        state = (
            messages.EX_CLI_SIGNED.format(name=for_terminal(row["signed_off_by"]))
            if row["signed_off_by"]
            else messages.EX_CLI_NOT_SIGNED
        )
        print(
            messages.EX_CLI_LIST_LINE.format(
                id=row["id"],
                date=row["session_date"],
                name=for_terminal(row["practitioner"]),
                count=row["items"],
                state=state,
            )
        )
    return 0


def run_show(args: argparse.Namespace) -> int:
    from ips_reflect.ops import exchange_supervisor as desk

    with _unlock(args) as vault:
        view = desk.share_view(vault, args.id)
    share, reply = view.share, view.reply
    doc = {
        "id": view.received.id,
        "share_id": share.share_id,
        "practitioner": share.practitioner,
        "practitioner_fingerprint": share.practitioner_card.fingerprint,
        "session_date": share.session_date,
        "opened": view.received.opened,
        "items": [
            {**item.to_json(), "comments": view.comments.get(item.index, [])}
            for item in share.items
        ],
        "actions": [{"id": a.id, "text": a.text, "due_on": a.due_on} for a in view.actions],
        "signed_off_by": reply.signed_off_by if reply else None,
        "signed_off_at": reply.signed_off_at if reply else None,
        "replies_sent": view.received.last_sequence,
        "record_fingerprint": view.record_fingerprint,
    }
    if args.json:
        print(json_for_terminal(doc))
        return 0
    print(
        messages.EX_CLI_SHOW_HEAD.format(
            name=for_terminal(share.practitioner),
            date=share.session_date,
            fingerprint=share.practitioner_card.fingerprint,
        )
    )
    for item in share.items:
        kind = messages.SUP_SUMMARY_KINDS.get(item.kind, item.kind)
        print()
        print(for_terminal(f"{item.index}. [{kind}] {item.title}"))
        if item.text.strip():
            print(_wrap(item.text))
        for comment in view.comments.get(item.index, []):
            print(_wrap(messages.EX_CLI_COMMENT_LINE.format(text=comment), "    > "))
    print()
    if view.actions:
        print(messages.EX_CLI_ACTIONS_HEAD)
        for a in view.actions:
            due = f" ({a.due_on})" if a.due_on else ""
            print(_wrap(f"- {a.text}{due}", "  "))
    if reply is not None:
        print(
            messages.EX_CLI_SIGNED_OFF.format(
                name=for_terminal(reply.signed_off_by),
                when=reply.signed_off_at,
                fingerprint=reply.record_fingerprint[:16],
            )
        )
    return 0


def run_comment(args: argparse.Namespace) -> int:
    from ips_reflect.ops import exchange_supervisor as desk

    with _unlock(args) as vault:
        desk.add_comment(vault, args.id, args.item, args.text)
    print(messages.EX_CLI_COMMENTED.format(item=args.item, id=args.id))
    return 0


def run_action(args: argparse.Namespace) -> int:
    from ips_reflect.ops import exchange_supervisor as desk

    with _unlock(args) as vault:
        desk.add_action(vault, args.id, args.text, args.due)
    print(messages.EX_CLI_ACTION_ADDED.format(id=args.id))
    return 0


def run_respond(args: argparse.Namespace) -> int:
    from ips_reflect.ops import exchange_supervisor as desk

    target = check_target(args.output, "reply.ipsreply")
    with _unlock(args) as vault:
        done = desk.respond(vault, args.id, args.sign_off, target)
    print(
        messages.EX_CLI_RESPONDED.format(
            path=for_terminal(target),
            sequence=done.sequence,
            fingerprint=done.record.short_fingerprint,
        )
    )
    return 0


def _save_record(target: Path, record: Any) -> None:
    from ips_reflect.ops import exchange as ops

    ops.write_file(target, ops.record_pdf(record))
    print(
        messages.EX_CLI_RECORD_DONE.format(
            path=for_terminal(target), fingerprint=record.short_fingerprint
        )
    )
    print(messages.SUP_CLI_NOT_ENCRYPTED.format(path=for_terminal(target)), file=_console.stderr())


def run_record(args: argparse.Namespace) -> int:
    from ips_reflect.ops import exchange_supervisor as desk

    target = check_target(args.output, "supervision-record.pdf")
    with _unlock(args) as vault:
        record = desk.supervisor_record(vault, args.id)
    _save_record(target, record)
    return 0


# --------------------------------------------------------------------------- practitioner


def _confirm(card: Any, typed: str | None, state: str) -> bool:
    """The practitioner confirms a card's fingerprint: ``--fingerprint`` or, on a
    terminal, by answering the question; otherwise a sentence says how."""
    from ips_reflect.errors import UserError
    from ips_reflect.ops import exchange as ops

    shown = {"name": for_terminal(card.name), "fingerprint": card.fingerprint}
    if typed is not None:
        if not ops.fingerprint_matches(card, typed):
            raise UserError(messages.EX_FINGERPRINT_MISMATCH.format(**shown))
        return True
    if state == ops.TRUST_KNOWN:
        return True
    if not _console.stdin_is_terminal():
        return False  # ops.share_session refuses, saying how to confirm
    print(messages.EX_CLI_CONFIRM_INTRO.format(**shown))
    answer = input(messages.EX_CLI_CONFIRM_ASK)
    if answer.strip().casefold() not in ("y", "yes"):
        raise UserError(messages.EX_CLI_NOT_CONFIRMED)
    return True


def run_share(args: argparse.Namespace) -> int:
    from ips_reflect.commands.supervision_cmd import _content
    from ips_reflect.ops import exchange as ops

    target = check_target(args.output, "session.ipsshare")
    card = ops.read_card_file(Path(args.to))
    content = _content(args)
    with _unlock(args) as vault:
        state = ops.card_trust(vault, card)
        if state == ops.TRUST_CHANGED and not args.replace_card:
            ops.check_trust(vault, card, confirmed=False, replace_card=False)  # refuses
        confirmed = _confirm(card, args.fingerprint, state)
        done = ops.share_session(
            vault,
            content,
            card,
            target,
            session_id=args.session,
            confirmed=confirmed,
            replace_card=args.replace_card,
            name=args.name,
        )
    if done.made_session:
        print(messages.EX_CLI_SESSION_MADE.format(date=done.session_date))
    print(
        messages.EX_CLI_SHARED.format(
            path=for_terminal(target),
            count=done.items,
            date=done.session_date,
            name=for_terminal(card.name),
            fingerprint=card.fingerprint,
        )
    )
    return 0


def run_receive(args: argparse.Namespace) -> int:
    from ips_reflect.ops import exchange as ops

    data = _read(args.file, "reply")
    with _unlock(args) as vault:
        done = ops.receive_reply(vault, data, args.file)
    print(
        messages.EX_CLI_RECEIVED.format(
            name=for_terminal(done.signed_off_by),
            date=done.session_date,
            comments=done.comments,
            actions=done.actions_added,
            fingerprint=done.record.short_fingerprint,
        )
    )
    return 0


def run_practitioner_record(args: argparse.Namespace) -> int:
    from ips_reflect.ops import exchange as ops

    target = check_target(args.output, "supervision-record.pdf")
    with _unlock(args) as vault:
        record = ops.practitioner_record(vault, args.session)
    _save_record(target, record)
    return 0
