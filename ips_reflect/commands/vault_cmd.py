"""Vault commands: ``init``, ``import``, ``export``, ``search``, ``backup``,
``restore``, ``verify``, ``passwd``, ``recover``.

Secrets come from the environment when set (for scripts and tests), else are
typed without echo:

* ``IPS_REFLECT_PASSPHRASE``      the passphrase (``passwd``: the current one)
* ``IPS_REFLECT_NEW_PASSPHRASE``  the new passphrase for ``passwd`` and ``recover``
* ``IPS_REFLECT_RECOVERY_CODE``   the recovery code for ``recover`` and
                                  ``restore --recovery-code``

With no terminal and no variable set, the command stops with a sentence saying
how to give it. Only the standard library is imported here at start-up.
"""

from __future__ import annotations

import argparse
import os
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ips_reflect import messages
from ips_reflect.commands import _console
from ips_reflect.commands._parsing import Subparsers, add_command, arg, json_flag, output

ENV_PASSPHRASE = "IPS_REFLECT_PASSPHRASE"
ENV_NEW_PASSPHRASE = "IPS_REFLECT_NEW_PASSPHRASE"
ENV_RECOVERY_CODE = "IPS_REFLECT_RECOVERY_CODE"

PLAINTEXT_WARNING = (
    "Note: {file} is NOT encrypted. Anyone who can open it can read these entries; keep it "
    "somewhere private and delete it when you no longer need it."
)

if TYPE_CHECKING:
    from ips_reflect.store.vault import Vault


def register(sub: Subparsers) -> None:
    for name, help, description, func, args in [
        (
            "init",
            "create a vault and show its recovery code once",
            "Create an encrypted vault in the data folder. You choose a passphrase "
            f"(or set {ENV_PASSPHRASE}); a recovery code is shown once - write it down.",
            run_init,
            [],
        ),
        (
            "import",
            "add entries from an exchange file (all or nothing)",
            "Add the entries in FILE (format ips-reflect/entries, version 1). If any "
            "entry is invalid, every problem is listed and nothing is added. Entries already "
            "in the vault (same uid) are skipped.",
            run_import,
            [arg("file", metavar="FILE.json")],
        ),
        (
            "export",
            "write entries to a plain (unencrypted) JSON, Markdown or PDF file",
            "Write every entry (not the bin), or one with --uid, to a file. The file "
            "is NOT encrypted.",
            run_export,
            [
                arg(
                    "--format", required=True, choices=["json", "md", "pdf"], help="json, md or pdf"
                ),
                output("where to write; - for stdout"),
                arg("--uid", metavar="UID", help="export only the entry with this uid"),
            ],
        ),
        (
            "search",
            "full-text search of your entries",
            "Find entries containing every word of QUERY (the last word may be the "
            "start of a word). Accents and case are ignored.",
            run_search,
            [
                arg("query", metavar="QUERY"),
                json_flag(),
                arg("--limit", type=int, default=20, metavar="N", help="at most N results (20)"),
            ],
        ),
        (
            "backup",
            "write an encrypted backup file, or list the automatic ones",
            "Write an encrypted copy of the vault to FILE (-o FILE). It opens with your "
            "current passphrase or recovery code. 'backup list' shows the automatic "
            "backups (made on lock and quit) with their date, size and entry count; it "
            "needs no passphrase.",
            run_backup,
            [
                arg("action", nargs="?", choices=["list"], metavar="list", help="list backups"),
                arg("-o", "--output", metavar="FILE", help="where to write the backup"),
                json_flag("with list: print one JSON document"),
            ],
        ),
        (
            "restore",
            "replace the vault with a backup (checked first)",
            "Check FILE completely (passphrase, encryption, database and search "
            "index) and only then replace the vault with it. The previous vault is kept in a "
            "'replaced-<time>' folder inside the data folder.",
            run_restore,
            [
                arg("file", metavar="FILE"),
                arg(
                    "--recovery-code",
                    action="store_true",
                    help="open the backup with its recovery code instead "
                    f"(or set {ENV_RECOVERY_CODE})",
                ),
            ],
        ),
        (
            "verify",
            "check the vault's encryption, database and search index",
            "Check every page's authentication code, the database structure and the "
            "search index, and count what the vault holds.",
            run_verify,
            [],
        ),
        (
            "passwd",
            "change the passphrase (re-keys the vault; gives a new recovery code)",
            "Change the passphrase. The vault gets a new key, so old copies of its "
            "header (and the old recovery code) no longer open it; a new recovery code is "
            f"shown once. Non-interactive: {ENV_PASSPHRASE} is the current one and "
            f"{ENV_NEW_PASSPHRASE} the new one.",
            run_passwd,
            [],
        ),
        (
            "recover",
            "forgot the passphrase: use the recovery code to set a new one",
            "Open the vault with the recovery code, choose a new passphrase, and get a "
            f"new recovery code. Non-interactive: {ENV_RECOVERY_CODE} and {ENV_NEW_PASSPHRASE}.",
            run_recover,
            [],
        ),
    ]:
        add_command(sub, name, help=help, description=description, func=func, args=args)


# --------------------------------------------------------------------------- secrets


def _no_terminal(what: str, env: str) -> Any:
    from ips_reflect.errors import UserError

    return UserError(
        f"No {what} was given and there is no terminal to type it in. Set {env} "
        "or run the command in a terminal."
    )


def _ask(prompt: str, env: str, what: str) -> str:
    value = os.environ.get(env)
    if value is not None:
        return value
    if not _console.stdin_is_terminal():
        raise _no_terminal(what, env)
    import getpass

    return getpass.getpass(prompt)


def _ask_new_passphrase(env: str, prompt: str = "New passphrase: ") -> str:
    """A new passphrase from ``env`` or typed twice; one below the floor is refused."""
    from ips_reflect.core.passphrase import check_new_passphrase

    value = os.environ.get(env)
    if value is not None:
        check_new_passphrase(value)
        return value
    if not _console.stdin_is_terminal():
        raise _no_terminal("new passphrase", env)
    import getpass

    first = getpass.getpass(prompt)
    check_new_passphrase(first)
    check_new_passphrase(first, getpass.getpass("Type it again: "))
    return first


def _data_dir(args: argparse.Namespace) -> Path:
    from ips_reflect import paths

    return paths.user_data_dir(args.data_dir)


def _unlock(args: argparse.Namespace) -> Any:
    from ips_reflect.store.header import read_header
    from ips_reflect.store.vault import Vault

    d = _data_dir(args)
    read_header(d)  # a missing or damaged vault is reported before asking anything
    passphrase = _ask("Passphrase: ", ENV_PASSPHRASE, "passphrase")
    return Vault.unlock(d, passphrase)


def _plural(n: int, one: str, many: str | None = None) -> str:
    return f"{n} {one if n == 1 else (many or one + 's')}"


# --------------------------------------------------------------------------- commands


def run_init(args: argparse.Namespace) -> int:
    from ips_reflect import messages
    from ips_reflect.store.errors import VaultExists
    from ips_reflect.store.vault import Vault

    d = _data_dir(args)
    if Vault.exists(d):
        raise VaultExists(messages.VAULT_EXISTS.format(dir=d))
    passphrase = _ask_new_passphrase(ENV_PASSPHRASE, "Choose a passphrase: ")
    vault, code = Vault.create(d, passphrase)
    vault.close()
    print(messages.CLI_INIT_DONE.format(dir=d, code=code))
    return 0


def run_import(args: argparse.Namespace) -> int:
    from ips_reflect.ops import journal as ops

    path = Path(args.file)
    entries = ops.read_entries_file(path, str(path))  # a bad file is refused before unlocking
    with _unlock(args) as vault:
        result = ops.add_entries(vault, entries, str(path))
        flags_note, flags_failed = _check_imported_flags(args, vault) if result.added else ("", "")
    message = f"Imported {_plural(result.added, 'entry', 'entries')}."
    if result.skipped:
        message += (
            f" {_plural(result.skipped, 'entry', 'entries')} already in the vault "
            f"{'was' if result.skipped == 1 else 'were'} skipped."
        )
    print(message)
    if flags_note:
        print(flags_note)
    if flags_failed:
        print(flags_failed, file=_console.stderr())
    return 0


def _check_imported_flags(args: argparse.Namespace, vault: Vault) -> tuple[str, str]:
    """Re-check the flags of what was just imported, as the app does on every save (only
    new or edited entries are searched). Returns (a line for stdout, one for stderr); the
    import stands whatever happens here."""
    from ips_reflect import messages
    from ips_reflect.commands.content_cmd import content_sources
    from ips_reflect.core.content import load_content
    from ips_reflect.ops.flags import sync_vault_flags
    from ips_reflect.textsafe import for_terminal

    try:
        sync = sync_vault_flags(vault, load_content(*content_sources(args)))
    except Exception as exc:  # bad packs or a disk error: the flags are checked next time
        error = for_terminal(str(getattr(exc, "message", "") or exc))
        return "", messages.IMPORT_FLAGS_NOT_CHECKED.format(error=error)
    if not sync.added:
        return "", ""
    return messages.IMPORT_FLAGS_FOUND.format(n=sync.added, s="" if sync.added == 1 else "s"), ""


def _content_if_readable(args: argparse.Namespace) -> Any:
    """The packs for question wording in a Markdown export, or None if they cannot be
    loaded (the export then shows question ids)."""
    try:
        from ips_reflect.commands.content_cmd import content_sources
        from ips_reflect.core.content import check_content

        content, _ = check_content(*content_sources(args))
    except Exception:
        return None
    return content


def run_export(args: argparse.Namespace) -> int:
    from ips_reflect.errors import UserError
    from ips_reflect.fileio import atomic_write_bytes

    out = args.output
    if out != "-":
        target = Path(out)
        if target.is_dir():
            raise UserError(messages.CLI_EXPORT_IS_FOLDER.format(target=target))
        if not target.parent.is_dir():
            raise UserError(messages.CLI_EXPORT_NO_FOLDER.format(folder=target.parent))
    if args.format == "pdf" and out == "-":
        raise UserError(messages.CLI_EXPORT_PDF_TERMINAL)
    if out == "-" and _console.binary_stdout() is None:  # an app started without a console
        raise UserError(
            "There is no standard output to write the export to. Give a file with -o FILE."
        )
    from ips_reflect.ops import journal as ops

    plan_payload = None
    with _unlock(args) as vault:
        if getattr(args, "uid", None):
            found = vault.entries.get(args.uid)
            if found is None or found.in_bin:
                raise UserError(messages.CLI_NO_SUCH_UID.format(uid=args.uid))
            entries = [found]
        else:
            entries = ops.entries_to_export(vault)
        if args.format == "pdf":
            plan_payload = ops.plan_payload(vault)
    count = _plural(len(entries), "entry", "entries")
    if args.format == "pdf":
        from ips_reflect.commands.content_cmd import content_sources
        from ips_reflect.core.content import load_content

        content = load_content(*content_sources(args))
        ops.export_entries(entries, "pdf", Path(out), content, plan=plan_payload)
        print(messages.CLI_EXPORTED_TO.format(count=count, out=out))
        print(PLAINTEXT_WARNING.format(file=out), file=_console.stderr())
        return 0
    md_content = _content_if_readable(args) if args.format == "md" else None
    data = ops.text_export(entries, args.format, md_content)
    if out == "-":
        stdout = _console.binary_stdout()
        assert stdout is not None  # checked before unlocking
        if (
            _console.stdout_is_terminal()
        ):  # a person reads it: no control sequences reach the terminal
            from ips_reflect.textsafe import for_terminal, json_text_for_terminal

            text = data.decode("utf-8")
            if args.format == "json":
                text = json_text_for_terminal(text)
            else:
                text = for_terminal(text, newlines=True)
            data = text.encode("utf-8")
        stdout.write(data)
        stdout.flush()
        print(messages.CLI_EXPORTED.format(count=count), file=_console.stderr())
        print(PLAINTEXT_WARNING.format(file="This output"), file=_console.stderr())
        return 0
    try:
        atomic_write_bytes(Path(out), data)
    except OSError as exc:
        raise UserError(messages.CLI_NOT_WRITTEN.format(out=out, reason=exc.strerror)) from None
    print(messages.CLI_EXPORTED_TO.format(count=count, out=out))
    print(PLAINTEXT_WARNING.format(file=out), file=_console.stderr())
    return 0


def run_search(args: argparse.Namespace) -> int:
    from ips_reflect.export.markdown import KIND_LABELS
    from ips_reflect.textsafe import for_terminal, json_for_terminal

    with _unlock(args) as vault:
        hits = vault.search(args.query, limit=max(1, args.limit))
    if args.json:
        doc = {
            "results": [
                {
                    "id": h.uid,
                    "kind": h.kind,
                    "created": h.created,
                    "title": h.title,
                    "snippet": h.snippet,
                }
                for h in hits
            ]
        }
        print(json_for_terminal(doc))
        return 0
    if not hits:
        print(messages.CLI_SEARCH_NONE.format(query=for_terminal(repr(args.query))))
        return 0
    for h in hits:
        title = for_terminal(" ".join(h.title.split())) or messages.CLI_UNTITLED
        kind = for_terminal(KIND_LABELS.get(h.kind, h.kind))
        print(f"{for_terminal(h.created[:10])}  {kind}  {title}")
        snippet = for_terminal(" ".join(h.snippet.split()))
        if snippet:
            print(f"    {snippet}")
    return 0


def run_backup(args: argparse.Namespace) -> int:
    from ips_reflect.errors import UserError

    if args.action == "list":
        return _list_backups(args)
    if not args.output:
        raise UserError(messages.CLI_BACKUP_NEEDS_OUTPUT)
    out = Path(args.output)
    with _unlock(args) as vault:
        vault.backup(out)
    print(messages.CLI_BACKUP_DONE.format(out=out))
    return 0


def _list_backups(args: argparse.Namespace) -> int:
    """``backup list``: the same list as the app's Restore dialog, no passphrase needed."""
    from ips_reflect.ops.vault_care import backups_folder, list_backups
    from ips_reflect.textsafe import for_terminal, json_for_terminal

    d = _data_dir(args)
    found = list_backups(d)
    if args.json:
        print(
            json_for_terminal(
                {"folder": str(backups_folder(d)), "backups": [b.as_json() for b in found]}
            )
        )
        return 0
    if not found:
        print(messages.CLI_BACKUP_LIST_NONE.format(folder=for_terminal(str(backups_folder(d)))))
        return 0
    print(messages.CLI_BACKUP_LIST_HEAD.format(folder=for_terminal(str(backups_folder(d)))))
    for b in found:
        if not b.readable:
            detail = messages.CLI_BACKUP_LIST_UNREADABLE
        else:
            entries = (
                _plural(b.entries, "entry", "entries")
                if b.entries is not None
                else messages.CLI_BACKUP_LIST_NO_COUNT
            )
            detail = f"{for_terminal(b.created[:19].replace('T', ' '))}  {entries}"
        print(f"{for_terminal(b.path.name)}  {_size(b.size)}  {detail}")
    return 0


def _size(n: int) -> str:
    """A file size a person reads at a glance: 812 KB, 3.4 MB."""
    if n < 1000 * 1000:
        return f"{max(1, round(n / 1000))} KB"
    return f"{n / 1e6:.1f} MB"


def run_restore(args: argparse.Namespace) -> int:
    from ips_reflect.store.backup import read_backup, restore_backup

    d = _data_dir(args)
    backup = read_backup(Path(args.file))  # a wrong file is reported before asking anything
    if args.recovery_code:
        code = _ask("Recovery code: ", ENV_RECOVERY_CODE, "recovery code")
        result = restore_backup(d, backup.path, recovery_code=code)
    else:
        passphrase = _ask("Passphrase of the backup: ", ENV_PASSPHRASE, "passphrase")
        result = restore_backup(d, backup.path, passphrase=passphrase)
    count = _plural(result.entries, "entry", "entries")
    print(messages.CLI_RESTORED.format(count=count, file=args.file, dir=d))
    if result.replaced_dir is not None:
        print(messages.CLI_RESTORE_REPLACED.format(folder=result.replaced_dir))
    print(messages.CLI_RESTORE_UNLOCK)
    return 0


def run_verify(args: argparse.Namespace) -> int:
    from ips_reflect.errors import UserError
    from ips_reflect.ops.vault_care import check_vault

    with _unlock(args) as vault:
        result = check_vault(vault)
    if not result.ok:
        raise UserError(result.summary, details=list(result.problems))
    print(result.summary)
    return 0


def _print_new_code(code: str) -> None:
    print(messages.CLI_NEW_CODE.format(code=code))


def run_passwd(args: argparse.Namespace) -> int:
    with _unlock(args) as vault:
        new = _ask_new_passphrase(ENV_NEW_PASSPHRASE)
        new_code = vault.change_passphrase(new)
    print(messages.CLI_PASSWD_DONE)
    _print_new_code(new_code)
    return 0


def run_recover(args: argparse.Namespace) -> int:
    from ips_reflect.store.crypto import normalise_recovery_code
    from ips_reflect.store.header import read_header
    from ips_reflect.store.vault import Vault

    d = _data_dir(args)
    read_header(d)
    code = _ask("Recovery code: ", ENV_RECOVERY_CODE, "recovery code")
    normalise_recovery_code(code)  # a mistyped code is reported before any slow work
    with Vault.unlock_with_recovery(d, code) as vault:
        new = _ask_new_passphrase(ENV_NEW_PASSPHRASE)
        new_code = vault.renew_secrets(new)
    print(messages.CLI_RECOVER_DONE)
    _print_new_code(new_code)
    return 0
