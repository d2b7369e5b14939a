"""``ips-reflect check FILE [--json] [--plan]``: the traffic light for every check in a file.

Reads an entries file (``ips-reflect/entries``), and for each entry of kind
``before_check``, in file order, works out the light with the rules of the
question packs (built-in plus the organisation's overrides), exactly as the app
does: the answers (question id -> ``yes`` / ``no`` / ``unsure``), ``audience``,
``reasons`` (positive reason ids), ``warning_signs`` (ticked sign ids), and the
signs found in the check's own words (its body and written answers). No vault is
needed. ``--plan`` unlocks the vault and applies the saved sharing plan to the
experience named in ``answers["before.what.plan_experience"]``.

``--json`` prints ``{"checks": [{"index", "title", "light", "reasons", "missing"}]}``
(``index`` is the entry's place in the file, from 0).

Only the standard library is imported here at start-up.
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from ips_reflect.commands._parsing import Subparsers, add_command, arg, json_flag


def register(sub: Subparsers) -> None:
    add_command(
        sub,
        "check",
        help="the traffic light for every before_check in an entries file (no vault needed)",
        description="Work out the traffic light of every before_check entry in an entries "
        "file, with the rules of the question packs (yours included). Use it to try out "
        "rules your organisation has edited. The light advises; it never blocks anything.",
        func=run_check,
        args=[
            arg("file", metavar="FILE", help="an entries file (format ips-reflect/entries)"),
            json_flag(),
            arg(
                "--plan",
                action="store_true",
                help="also apply the sharing plan saved in your vault (unlocks it)",
            ),
        ],
    )


def _read_entries(name: str) -> list[Any]:
    from ips_reflect import messages
    from ips_reflect.core.entries import MAX_EXCHANGE_BYTES, EntryError, parse_exchange
    from ips_reflect.errors import UserError
    from ips_reflect.safeinput import read_regular_file
    from ips_reflect.textsafe import for_terminal

    path = Path(name)
    if not path.exists():
        raise UserError(messages.CHECK_CMD_NOT_FOUND.format(file=for_terminal(path)))
    data = read_regular_file(
        path, max_bytes=MAX_EXCHANGE_BYTES, what="an entries file", give="an entries file"
    )
    try:
        return parse_exchange(data, str(path))
    except EntryError as exc:
        text = data.decode("utf-8-sig", errors="replace")
        message = exc.message.replace(" Nothing was imported.", "").replace(
            "nothing was imported", "nothing was assessed"
        )
        message = message.replace("import the file again", "try again")
        raise UserError(message, details=_with_lines(text, exc.problems)) from None


def _with_lines(text: str, problems: list[str]) -> list[str]:
    """``FILE: entries[3].audience: ...`` becomes ``FILE:LINE:COL: entries[3]...``,
    pointing at the start of that entry, where it can be found."""
    import re

    starts = _entry_starts(text)
    out = []
    for p in problems:
        m = re.match(r"^(.*?): (entries\[(\d+)\].*)$", p, re.S)
        if m and int(m.group(3)) < len(starts):
            line, col = starts[int(m.group(3))]
            out.append(f"{m.group(1)}:{line}:{col}: {m.group(2)}")
        else:
            out.append(p)
    return out


def _entry_starts(text: str) -> list[tuple[int, int]]:
    """(line, col) of each object directly inside the top-level ``"entries"`` list."""
    starts: list[tuple[int, int]] = []
    depth = 0
    in_string = escaped = False
    entries_depth: int | None = None
    last_key = ""
    key_start = -1
    line, col = 1, 0
    for i, ch in enumerate(text):
        col += 1
        if ch == "\n":
            line, col = line + 1, 0
        if in_string:
            if escaped:
                escaped = False
            elif ch == "\\":
                escaped = True
            elif ch == '"':
                in_string = False
                last_key = text[key_start + 1 : i]
            continue
        if ch == '"':
            in_string, key_start = True, i
        elif ch in "{[":
            if ch == "[" and depth == 1 and last_key == "entries":
                entries_depth = depth + 1
            elif ch == "{" and entries_depth is not None and depth == entries_depth:
                starts.append((line, col))
            depth += 1
        elif ch in "}]":
            depth -= 1
            if entries_depth is not None and depth < entries_depth:
                entries_depth = None
    return starts


def _check_answers(name: str, checks: list[tuple[int, Any]], content: Any) -> None:
    """Every answer must name a known question, and a yes / no / unsure question must
    be answered yes, no or unsure (or left empty), so a typo is not read as a blank."""
    from ips_reflect.core.check import NOT_WRITING
    from ips_reflect.core.yamlsafe import closest, excerpt
    from ips_reflect.errors import UserError

    problems: list[str] = []
    known = {i.id: i for i in content if i.type == "question"}
    for index, entry in checks:
        for qid, value in entry.answers.items():
            where = f"{name}: entries[{index}].answers.{excerpt(qid)}"
            item = known.get(qid)
            if item is None and qid not in NOT_WRITING:
                hint = closest(qid, sorted(known))
                extra = f"; did you mean '{hint}'?" if hint else ""
                problems.append(f"{where}: not the id of a question{extra}")
            elif (
                item is not None
                and item.answer == "yes_no_unsure"
                and value not in ("yes", "no", "unsure", "", None)
            ):
                problems.append(f"{where}: {excerpt(value)!r} is not yes, no or unsure")
    if problems:
        n = len(problems)
        text = Path(name).read_text(encoding="utf-8-sig", errors="replace")
        raise UserError(
            f"{name} has {n} problem{'s' if n != 1 else ''}; nothing was assessed. "
            "Fix the lines below and try again.",
            details=_with_lines(text, problems),
        )


def run_check(args: argparse.Namespace) -> int:
    from ips_reflect import messages
    from ips_reflect.commands.flags_cmd import _content
    from ips_reflect.core.check import HEADLINES, PLAN_EXPERIENCE_QUESTION, assess, check_text
    from ips_reflect.core.flags import FlagEngine
    from ips_reflect.core.plan import SharingPlan, deviation
    from ips_reflect.errors import UserError
    from ips_reflect.textsafe import for_terminal, json_for_terminal

    entries = _read_entries(args.file)
    checks = [(n, e) for n, e in enumerate(entries) if e.kind == "before_check"]
    if not checks:
        raise UserError(messages.CHECK_CMD_NONE.format(file=for_terminal(args.file)))
    content = _content(args)
    _check_answers(args.file, checks, content)
    engine = FlagEngine(content)
    plan: SharingPlan | None = None
    if args.plan:
        from ips_reflect.commands.vault_cmd import _unlock

        with _unlock(args) as vault:
            latest = vault.plans.latest()
        plan = SharingPlan.from_payload(latest.payload if latest else None)
        if latest is None and not args.json:
            print(messages.CHECK_CMD_NO_PLAN)
    texts = [check_text(e) for _n, e in checks]
    found_all = engine.hits_many(texts)
    rows = []
    for (index, entry), hits in zip(checks, found_all, strict=True):
        dev = None
        if plan is not None:
            exp = entry.answers.get(PLAN_EXPERIENCE_QUESTION)
            dev = deviation(plan, exp if isinstance(exp, str) else None, entry.audience)
        result = assess(
            content,
            entry.answers,
            entry.audience,
            entry.reasons,
            entry.warning_signs,
            dev,
            found_signs=list(dict.fromkeys(h.sign for h in hits)),
        )
        rows.append(
            {
                "index": index,
                "title": entry.title,
                "light": result.light,
                "reasons": result.reasons,
                "missing": result.missing,
            }
        )
    if args.json:
        print(json_for_terminal({"checks": rows}))
        return 0
    for n, row in enumerate(rows):
        if n:
            print()
        title = f" ({row['title']})" if row["title"] else ""
        header = messages.CHECK_CMD_HEADER.format(
            n=row["index"], title=title, light=HEADLINES[row["light"]]
        )
        print(for_terminal(header))
        for reason in row["reasons"]:
            print(for_terminal(f"  - {reason}"))
        if row["missing"]:
            missing = messages.CHECK_CMD_MISSING.format(ids=", ".join(row["missing"]))
            print(for_terminal(f"  {missing}"))
    return 0
