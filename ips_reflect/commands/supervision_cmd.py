"""``ips-reflect supervision pack | summary | sessions | actions``.

* ``pack -o FILE.pdf [--group] [--since YYYY-MM-DD]``: the entries marked to bring to
  supervision (never any other), as a PDF; ``--group`` replaces client aliases.
* ``summary [--session ID | --latest] -o FILE.pdf``: one session as a PDF.
* ``sessions [--json]`` and ``actions [--open] [--json]``: what is recorded (with a
  supervisor's sign-off and comments once a reply has been received).
* ``share``, ``receive`` and ``record``: the exchange with a supervisor's own IPS
  Reflect (see ``supervisor_cmd``, where they run).

The vault is unlocked as for every command (``IPS_REFLECT_PASSPHRASE`` or typed).
Bad input (a date, a folder that does not exist, an unknown session) stops with a
sentence and exit 1 before anything is written; PDFs are built in memory and saved
atomically (mode 0600). Only the standard library is imported here at start-up.
"""

from __future__ import annotations

import argparse
import re
import textwrap
from collections import Counter
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

_DATE_RE = re.compile(r"\d{4}-\d{2}-\d{2}")
WIDTH = 88


def register(sub: Subparsers) -> None:
    p = add_command(
        sub, "supervision", help=messages.SUP_CLI_HELP, description=messages.SUP_CLI_DESCRIPTION
    )
    ssub = add_actions(p, "supervision_command")
    pdf_output = output(messages.SUP_CLI_OUTPUT_HELP, metavar="FILE.pdf")
    json_output = json_flag(messages.SUP_CLI_JSON_HELP)
    add_command(
        ssub,
        "pack",
        help=messages.SUP_CLI_PACK_HELP,
        description=messages.SUP_CLI_PACK_DESCRIPTION,
        func=run_pack,
        args=[
            pdf_output,
            arg(
                "--group",
                action="store_true",
                help=messages.SUP_CLI_GROUP_HELP.format(placeholder="[client]"),
            ),
            arg("--since", metavar="YYYY-MM-DD", help=messages.SUP_CLI_SINCE_HELP),
        ],
    )
    summary = add_command(
        ssub,
        "summary",
        help=messages.SUP_CLI_SUMMARY_HELP,
        description=messages.SUP_CLI_SUMMARY_DESCRIPTION,
        func=run_summary,
    )
    which = summary.add_mutually_exclusive_group()
    which.add_argument("--session", type=int, metavar="ID", help=messages.SUP_CLI_SESSION_HELP)
    which.add_argument("--latest", action="store_true", help=messages.SUP_CLI_LATEST_HELP)
    summary.add_argument(*pdf_output[0], **pdf_output[1])
    add_command(
        ssub,
        "sessions",
        help=messages.SUP_CLI_SESSIONS_HELP,
        description=messages.SUP_CLI_SESSIONS_DESCRIPTION,
        func=run_sessions,
        args=[json_output],
    )
    add_command(
        ssub,
        "actions",
        help=messages.SUP_CLI_ACTIONS_HELP,
        description=messages.SUP_CLI_ACTIONS_DESCRIPTION,
        func=run_actions,
        args=[arg("--open", action="store_true", help=messages.SUP_CLI_OPEN_HELP), json_output],
    )
    _register_exchange(ssub)


def _register_exchange(ssub: Subparsers) -> None:
    """``share``, ``receive`` and ``record``: the practitioner's half of the exchange with
    a supervisor (run in ``supervisor_cmd``)."""
    share = add_command(
        ssub,
        "share",
        help=messages.EX_CLI_SHARE_HELP,
        description=messages.EX_CLI_SHARE_DESCRIPTION,
        func=run_share,
        args=[
            arg("--to", required=True, metavar="NAME.ipskey", help=messages.EX_CLI_TO_HELP),
            output(messages.EX_CLI_SHARE_OUTPUT_HELP, metavar="FILE.ipsshare"),
            arg("--fingerprint", metavar="CODE", help=messages.EX_CLI_FINGERPRINT_HELP),
            arg("--replace-card", action="store_true", help=messages.EX_CLI_REPLACE_HELP),
            arg("--name", help=messages.EX_CLI_MY_NAME_HELP),
        ],
    )
    which = share.add_mutually_exclusive_group()
    which.add_argument("--session", type=int, metavar="ID", help=messages.SUP_CLI_SESSION_HELP)
    which.add_argument("--latest", action="store_true", help=messages.SUP_CLI_LATEST_HELP)
    add_command(
        ssub,
        "receive",
        help=messages.EX_CLI_RECEIVE_HELP,
        description=messages.EX_CLI_RECEIVE_DESCRIPTION,
        func=run_receive,
        args=[arg("file", metavar="FILE.ipsreply", help=messages.EX_CLI_REPLY_FILE_HELP)],
    )
    add_command(
        ssub,
        "record",
        help=messages.EX_CLI_RECORD_HELP,
        func=run_record,
        args=[
            arg("--session", type=int, metavar="ID", help=messages.EX_CLI_RECORD_SESSION_HELP),
            output(messages.SUP_CLI_OUTPUT_HELP, metavar="FILE.pdf"),
        ],
    )


def run_share(args: argparse.Namespace) -> int:
    from ips_reflect.commands import supervisor_cmd

    return supervisor_cmd.run_share(args)


def run_receive(args: argparse.Namespace) -> int:
    from ips_reflect.commands import supervisor_cmd

    return supervisor_cmd.run_receive(args)


def run_record(args: argparse.Namespace) -> int:
    from ips_reflect.commands import supervisor_cmd

    return supervisor_cmd.run_practitioner_record(args)


# --------------------------------------------------------------------------- helpers


def parse_since(value: str | None) -> Any:
    """A ``YYYY-MM-DD`` day as a date (None for None); a sentence and exit 1 otherwise."""
    from datetime import date

    from ips_reflect.errors import UserError

    if value is None:
        return None
    text = value.strip()
    try:
        if not _DATE_RE.fullmatch(text):
            raise ValueError(text)
        return date.fromisoformat(text)
    except ValueError:
        raise UserError(messages.SUP_CLI_BAD_SINCE.format(value=value)) from None


def _check_output(out: str, example: str) -> Path:
    """Where the PDF goes, checked before the vault is opened or anything is built."""
    from ips_reflect.errors import UserError

    if out == "-":
        raise UserError(messages.SUP_CLI_NO_TERMINAL.format(example=example))
    target = Path(out)
    if target.is_dir():
        raise UserError(messages.SUP_CLI_OUT_IS_DIR.format(path=target, example=example))
    folder = target.parent if str(target.parent) else Path(".")
    if not folder.is_dir():
        raise UserError(messages.SUP_CLI_NO_FOLDER.format(folder=folder))
    return target


def _write(target: Path, data: bytes) -> None:
    from ips_reflect.errors import UserError
    from ips_reflect.fileio import atomic_write_bytes

    try:
        atomic_write_bytes(target, data)
    except OSError as exc:
        reason = exc.strerror or str(exc)
        raise UserError(messages.SUP_CLI_NOT_WRITTEN.format(path=target, reason=reason)) from None
    print(messages.SUP_CLI_NOT_ENCRYPTED.format(path=target), file=_console.stderr())


def _content(args: argparse.Namespace) -> Any:
    from ips_reflect.commands.content_cmd import content_sources
    from ips_reflect.core.content import load_content

    return load_content(*content_sources(args))


def _unlock(args: argparse.Namespace) -> Any:
    from ips_reflect.commands.vault_cmd import _unlock as unlock

    return unlock(args)


# --------------------------------------------------------------------------- pack


def run_pack(args: argparse.Namespace) -> int:
    from ips_reflect.core.supervision import ALIAS_PLACEHOLDER
    from ips_reflect.ops import supervision as ops

    since = parse_since(args.since)
    target = _check_output(args.output, "supervision-pack.pdf")
    content = _content(args)
    with _unlock(args) as vault:
        pack = ops.pack_input(vault, group=args.group, since=since)
    _write(target, ops.pack_pdf(pack, content))
    n = len(pack.entries)
    if n == 0:
        print(messages.SUP_CLI_PACK_NONE.format(path=target))
    elif n == 1:
        print(messages.SUP_CLI_PACK_ONE.format(path=target))
    else:
        print(messages.SUP_CLI_PACK_MANY.format(count=n, path=target))
    if pack.left_out == 1:
        print(messages.SUP_CLI_PACK_LEFT_OUT_ONE)
    elif pack.left_out:
        print(messages.SUP_CLI_PACK_LEFT_OUT.format(count=pack.left_out))
    if args.group and n:
        print(messages.SUP_CLI_PACK_GROUP.format(placeholder=ALIAS_PLACEHOLDER))
    return 0


# --------------------------------------------------------------------------- summary


def run_summary(args: argparse.Namespace) -> int:
    from ips_reflect.ops import supervision as ops

    target = _check_output(args.output, "supervision-summary.pdf")
    content = _content(args)
    with _unlock(args) as vault:
        session = ops.find_session(vault, args.session)
        data = ops.summary_input(vault, content, session)
    _write(target, ops.summary_pdf(data, content))
    print(messages.SUP_CLI_SUMMARY_DONE.format(date=session.held_on, path=target))
    return 0


# --------------------------------------------------------------------------- lists


def run_sessions(args: argparse.Namespace) -> int:
    from ips_reflect.ops.exchange import session_signoffs

    with _unlock(args) as vault:
        sessions = vault.supervision.sessions()
        still_open = Counter(a.session_id for a in vault.supervision.actions(open_only=True))
        signoffs = session_signoffs(vault)
    rows = []
    for s in sessions:
        signed = signoffs.get(s.id)
        rows.append(
            {
                "id": s.id,
                "held_on": s.held_on,
                "supervisor": s.supervisor,
                "open_actions": still_open.get(s.id, 0),
                "signed_off_by": signed.signed_off_by if signed else None,
                "signed_off_at": signed.signed_off_at if signed else None,
                "comments": signed.comments if signed else [],
            }
        )
    if args.json:
        print(json_for_terminal({"sessions": rows}))
        return 0
    if not rows:
        print(messages.SUP_CLI_SESSIONS_EMPTY)
        return 0
    for row in rows:
        n = row["open_actions"]
        shown = messages.SUP_CLI_OPEN_ONE if n == 1 else messages.SUP_CLI_OPEN_MANY.format(count=n)
        print(
            for_terminal(
                messages.SUP_CLI_SESSION_LINE.format(
                    id=row["id"],
                    date=row["held_on"],
                    supervisor=row["supervisor"] or messages.SUP_SUMMARY_NO_SUPERVISOR,
                    open=shown,
                )
            )
        )
        if row["signed_off_by"]:
            line = messages.EX_CLI_SESSION_SIGNED.format(
                name=row["signed_off_by"], when=row["signed_off_at"], count=len(row["comments"])
            )
            print(for_terminal(line))
    return 0


def run_actions(args: argparse.Namespace) -> int:
    from ips_reflect.core.supervision import action_state

    with _unlock(args) as vault:
        actions = vault.supervision.actions(open_only=args.open)
        held = {s.id: s.held_on for s in vault.supervision.sessions()}
    rows = [
        {
            "id": a.id,
            "session_id": a.session_id,
            "session_held_on": held.get(a.session_id),
            "text": a.text,
            "due_on": a.due_on,
            "done_on": a.done_on,
            "state": action_state(a.due_on, a.done_on),
        }
        for a in actions
    ]
    if args.json:
        print(json_for_terminal({"actions": rows}))
        return 0
    if not rows:
        print(messages.SUP_CLI_OPEN_ACTIONS_EMPTY if args.open else messages.SUP_CLI_ACTIONS_EMPTY)
        return 0
    states = Counter(r["state"] for r in rows)
    print(
        messages.SUP_CLI_ACTIONS_COUNT.format(
            count=len(rows),
            open=len(rows) - states.get("done", 0),
            overdue=states.get("overdue", 0),
        )
    )
    for row in rows:
        state = messages.SUP_ACTION_STATES.get(row["state"], row["state"])
        due = for_terminal(row["due_on"] or messages.SUP_SUMMARY_NO_DUE)
        head = f"#{row['id']}  {due:<11}  {state:<9}  "
        print()
        print(
            textwrap.fill(
                for_terminal(" ".join(row["text"].split())),
                width=WIDTH,
                initial_indent=head,
                subsequent_indent=" " * len(head),
            )
        )
        if row["session_held_on"]:
            session = messages.SUP_CLI_ACTION_SESSION.format(date=row["session_held_on"])
            print(" " * len(head) + for_terminal(session))
    return 0
