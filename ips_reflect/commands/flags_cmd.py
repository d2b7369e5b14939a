"""``ips-reflect flags [--json] [--status ...]`` and ``ips-reflect flags scan TEXTFILE``.

``flags scan`` needs no vault: it reads a UTF-8 text file (``-`` for standard
input), looks for the warning-sign patterns of the question packs and prints what
it found; nothing is stored. ``flags`` unlocks the vault (passphrase from
``IPS_REFLECT_PASSPHRASE`` or typed), brings its flags up to date and lists them.

Only the standard library is imported here at start-up.
"""

from __future__ import annotations

import argparse
import textwrap
from pathlib import Path
from typing import Any

from ips_reflect import messages
from ips_reflect.commands import _console
from ips_reflect.commands._parsing import Subparsers, add_actions, add_command, arg, json_flag

STATUSES = ("open", "discussed", "resolved", "all")
WIDTH = 88
#: ``flags scan`` reads at most this much (a file over it is refused unread).
MAX_SCAN_BYTES = 8 * 1024 * 1024


def register(sub: Subparsers) -> None:
    p = add_command(
        sub,
        "flags",
        help="warning-sign flags across your vault, or in a text file",
        description="Bring the warning-sign flags of your vault up to date and list them "
        "(open ones unless --status says otherwise). Flags are prompts for reflection, "
        "never verdicts. 'flags scan TEXTFILE' checks a text file without a vault.",
        func=run_list,
        args=[
            json_flag(),
            arg(
                "--status",
                choices=STATUSES,
                default="open",
                help="which flags to list: open (default), discussed, resolved or all",
            ),
        ],
    )
    add_command(
        add_actions(p, "flags_command", required=False),
        "scan",
        help="look for warning signs in a text file (nothing is stored)",
        description="Read TEXTFILE (UTF-8; '-' reads standard input) and show the words "
        "that suggest a warning sign, with why the briefing paper names it. No vault is "
        "needed and nothing is saved.",
        func=run_scan,
        args=[arg("textfile", metavar="TEXTFILE"), json_flag(dest="scan_json")],
    )


# --------------------------------------------------------------------------- helpers


def _read_text(name: str) -> tuple[str, str]:
    """The text of a file (or standard input) and how to name it in messages."""
    from ips_reflect.errors import UserError
    from ips_reflect.safeinput import read_regular_file, read_stream
    from ips_reflect.textsafe import for_terminal

    what = "a text file to scan"
    if name == "-":
        shown = "standard input"
        stdin = _console.binary_stdin()
        if stdin is None:  # an app started without a console
            raise UserError(
                "There is no standard input to read the text from. Give the name of a text file."
            )
        data = read_stream(stdin, max_bytes=MAX_SCAN_BYTES, shown=shown, what=what)
    else:
        path = Path(name)
        shown = for_terminal(path)
        # Refuses a folder, a pipe or device, or a file over the limit before reading it.
        data = read_regular_file(path, max_bytes=MAX_SCAN_BYTES, what=what, give=what)
    try:
        return data.decode("utf-8-sig"), shown
    except UnicodeDecodeError as exc:
        raise UserError(
            f"{shown} is not UTF-8 text (byte {exc.start} cannot be read). Save it as "
            "UTF-8 plain text and try again."
        ) from None


def _content(args: argparse.Namespace) -> Any:
    from ips_reflect.commands.content_cmd import content_sources
    from ips_reflect.core.content import load_content

    return load_content(*content_sources(args))


def _wrapped(label: str, text: str) -> str:
    from ips_reflect.textsafe import for_terminal

    return textwrap.fill(
        for_terminal(" ".join(text.split())),
        width=WIDTH,
        initial_indent=f"    {label}",
        subsequent_indent=" " * (4 + len(label)),
    )


# --------------------------------------------------------------------------- commands


def run_scan(args: argparse.Namespace) -> int:
    from ips_reflect.core.flags import FlagEngine
    from ips_reflect.textsafe import for_terminal, json_for_terminal

    text, shown = _read_text(args.textfile)
    content = _content(args)
    engine = FlagEngine(content)
    flags = engine.scan_text(text)
    if args.scan_json or getattr(args, "json", False):
        doc = {
            "flags": [{"sign": f.sign, "source": f.source, "evidence": f.evidence} for f in flags]
        }
        print(json_for_terminal(doc))
        return 0
    if not flags:
        print(messages.CLI_SCAN_NONE.format(shown=shown))
        return 0
    n = len(flags)
    print(messages.CLI_SCAN_FOUND.format(n=n, s="s" if n != 1 else "", shown=shown))
    for flag in flags:
        print()
        print(f"  {for_terminal(engine.label(flag.sign))} [{for_terminal(flag.sign)}]")
        print(_wrapped("words: ", f"“{flag.evidence}”"))
        print(_wrapped("why:   ", flag.explanation))
    return 0


def run_list(args: argparse.Namespace) -> int:
    from ips_reflect.commands.vault_cmd import _unlock
    from ips_reflect.core.flags import FlagEngine
    from ips_reflect.ops.flags import sync_vault_flags
    from ips_reflect.store.keys import PATTERN_ENTRIES as PATTERN_ENTRIES_KEY
    from ips_reflect.textsafe import for_terminal, json_for_terminal

    content = _content(args)
    engine = FlagEngine(content)
    with _unlock(args) as vault:
        result = sync_vault_flags(vault, content, engine)
        status = None if args.status == "all" else args.status
        records = vault.flags.list(status=status)
        counts = vault.flags.counts()
        related = vault.kv.get(PATTERN_ENTRIES_KEY) or {}
        entries: dict[str, Any] = {}
        for record in records:
            for uid in [record.entry_uid, *related.get(record.fingerprint, [])[:1]]:
                if uid and uid not in entries:
                    entries[uid] = vault.entries.get(uid)
    rows = []
    for r in records:
        uids = [r.entry_uid] if r.entry_uid else list(related.get(r.fingerprint, []))
        entry = entries.get(uids[0]) if uids else None
        rows.append(
            {
                "id": r.id,
                "sign": r.sign,
                "label": engine.label(r.sign),
                "source": r.source,
                "status": r.status,
                "evidence": r.evidence,
                "explanation": r.explanation,
                "note": r.note,
                "entry": r.entry_uid,
                "entries": uids,
                "date": (entry.created if entry is not None else r.created)[:10],
                "client_alias": entry.client_alias if entry is not None else None,
            }
        )
    if args.json:
        doc = {"flags": rows, "counts": counts}
        print(json_for_terminal(doc))
        return 0
    print(
        f"{counts.get('open', 0)} open, {counts.get('discussed', 0)} discussed, "
        f"{counts.get('resolved', 0)} resolved"
        + (f" ({result.added} new since the last check)." if result.added else ".")
    )
    if not rows:
        which = "" if status is None else f"{status} "
        print(messages.CLI_NO_FLAGS.format(which=which))
        return 0
    for row in rows:
        alias = f"  {row['client_alias']}" if row["client_alias"] else ""
        print()
        print(
            for_terminal(
                f"#{row['id']}  {row['date']}  {row['label']}  "
                f"({row['source']}, {row['status']}){alias}"
            )
        )
        print(_wrapped("", row["evidence"]))
        if row["note"]:
            print(_wrapped("note: ", row["note"]))
    return 0
