"""The team lead's booklet: reading a team folder of bio cards and building the
"Meet the team" PDF. ``ips-reflect team booklet`` and the Team page both read the
folder with :func:`read_team`, word its problems with :func:`problem_lines` and
build with :func:`build` (or :func:`booklet_bytes` for the page's preview), so a
card the page accepts is a card the command accepts, and the PDFs are the same.

A card whose photo is not found still goes in (the booklet shows the person's
initials); the missing photo is listed as a warning. Every line names the person
whose card it is, then the place in the file: ``Sam Patel's card: sam.yaml:4:12: …``.
"""

from __future__ import annotations

import io
import os
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, BinaryIO

from ips_reflect import messages
from ips_reflect.core.biocard import BioCard, Problem, TeamCard

if TYPE_CHECKING:
    from ips_reflect.export.booklet import BookletResult

__all__ = ["booklet_bytes", "build", "card_label", "problem_line", "problem_lines", "read_team"]


def read_team(folder: Path) -> list[TeamCard]:
    """Every card file in ``folder``: cards that can go in, ordered by the name each
    person is known by, then those with errors by file name.

    Raises :class:`~ips_reflect.errors.UserError` when the folder cannot be read.
    """
    from ips_reflect.core.biocard import read_team as read_folder

    read = read_folder(folder)
    good = sorted((r for r in read if r.card is not None), key=lambda r: _sort_key(r.card))
    return good + [r for r in read if r.card is None]


def _sort_key(card: BioCard | None) -> tuple[str, ...]:
    return card.sort_key if card is not None else ()


def card_label(entry: TeamCard) -> str:
    """Whose card this is, as a reader says it: "Sam Patel's card" (or the file's name
    when the card does not say whose it is)."""
    name = entry.card.name if entry.card is not None else entry.name
    if name:
        return messages.TEAM_CARD_OF.format(name=name)
    return messages.TEAM_CARD_UNNAMED.format(file=entry.path.name)


def problem_line(entry: TeamCard, problem: Problem, file: str | None = None) -> str:
    """One problem as ``Sam Patel's card: file:line:col: reason``; ``file`` is the
    file as shown (default: the path the card was read from as given)."""
    where = f"{file or problem.location.file}:{problem.location.line}:{problem.location.col}"
    template = messages.TEAM_CARD_WARNING if problem.warning else messages.TEAM_CARD_ERROR
    reason = problem.message.rstrip(".")
    return template.format(card=card_label(entry), where=where, reason=reason)


def problem_lines(entry: TeamCard, file: str | None = None) -> list[str]:
    """Every error and warning of ``entry``, in line order (see :func:`problem_line`)."""
    return [problem_line(entry, p, file) for p in entry.problems]


def build(
    cards: Sequence[BioCard],
    target: str | os.PathLike[str] | BinaryIO,
    *,
    title: str,
    service: str | None = None,
    order: str | Sequence[str] | None = None,
) -> BookletResult:
    """Write the booklet for ``cards`` (atomically when ``target`` is a path)."""
    from ips_reflect.export.booklet import build_booklet

    return build_booklet(cards, target, title=title, service=service, order=order)


def booklet_bytes(cards: list[BioCard], title: str, service: str | None) -> tuple[bytes, int, int]:
    """The booklet for ``cards`` (in this order) as PDF bytes, with people and pages."""
    buf = io.BytesIO()
    result = build(cards, buf, title=title, service=service, order="given")
    return buf.getvalue(), result.people, result.pages
