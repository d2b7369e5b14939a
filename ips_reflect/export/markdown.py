"""Entries as readable Markdown: one section per entry, oldest first.

Each section has the date, kind, title, who it was about (audience, client
alias), tags, warning signs and reasons ticked, the body, and the answers by
question. Pass ``question_text`` (question id -> wording, or None) to print the
question itself; otherwise the id is shown.

This file is NOT encrypted. The caller warns the user and writes it atomically
with mode 0600 to the place the user chose.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from ips_reflect.core.entries import AnswerValue, Entry, QuestionText

KIND_LABELS = {
    "preparation": "Preparation",
    "before_check": "Check before sharing",
    "after_reflection": "Reflection after sharing",
    "journal": "Journal",
}
AUDIENCE_LABELS = {
    "client": "a client",
    "employer": "an employer",
    "ips_team": "the IPS team",
    "clinical_team": "the clinical team",
}


def _one_line(text: str) -> str:
    return " ".join(text.split())


def _when(created: str) -> str:
    try:
        moment = datetime.fromisoformat(created)
    except ValueError:
        return created
    return moment.strftime("%Y-%m-%d %H:%M")


def _answer(value: AnswerValue) -> list[str]:
    if isinstance(value, bool):
        return ["yes" if value else "no"]
    if isinstance(value, int):
        return [str(value)]
    if isinstance(value, list):
        return [f"- {_one_line(v)}" for v in value] or ["(none)"]
    return value.splitlines() or [""]


def render_entry(entry: Entry, question_text: QuestionText | None = None) -> str:
    kind = KIND_LABELS.get(entry.kind, entry.kind)
    title = _one_line(entry.title) or "(untitled)"
    lines = [f"## {_when(entry.created)[:10]} · {kind}: {title}", ""]
    facts = [f"- **When:** {_when(entry.created)}"]
    if entry.audience:
        facts.append(f"- **Sharing with:** {AUDIENCE_LABELS.get(entry.audience, entry.audience)}")
    if entry.client_alias:
        facts.append(f"- **Client alias:** {_one_line(entry.client_alias)}")
    if entry.tags:
        facts.append(f"- **Tags:** {', '.join(_one_line(t) for t in entry.tags)}")
    if entry.warning_signs:
        facts.append(f"- **Warning signs ticked:** {', '.join(entry.warning_signs)}")
    if entry.reasons:
        facts.append(f"- **Reasons for sharing:** {', '.join(entry.reasons)}")
    if entry.bring_to_supervision:
        facts.append("- **Bring to supervision:** yes")
    if entry.updated:
        facts.append(f"- **Last edited:** {_when(entry.updated)}")
    lines += facts
    if entry.body.strip():
        lines += ["", entry.body.rstrip()]
    if entry.answers:
        lines += ["", "### Answers"]
        for qid, value in entry.answers.items():
            wording = question_text(qid) if question_text else None
            label = f"**{_one_line(wording)}** (`{qid}`)" if wording else f"**`{qid}`**"
            lines += ["", label, "", *_answer(value)]
    return "\n".join(lines) + "\n"


def render(
    entries: Sequence[Entry],
    question_text: QuestionText | None = None,
    *,
    exported: str | None = None,
) -> str:
    n = len(entries)
    head = [
        "# IPS Reflect entries",
        "",
        f"{n} entr{'y' if n == 1 else 'ies'}"
        + (f", exported {_when(exported)}" if exported else "")
        + ". This file is not encrypted: keep it private and delete it when you are done.",
    ]
    parts = ["\n".join(head) + "\n"]
    parts += [render_entry(e, question_text) for e in entries]
    return "\n".join(parts)
