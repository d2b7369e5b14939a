"""Supervision mode without Qt: the consent gate, the agenda, alias removal, SLEF series.

Consent is the rule everything here is built around: only entries the practitioner
marked "bring to supervision" (and that are not in the bin) may reach the agenda, the
presenter view, the pack or the session summary. :func:`consented` is the one gate;
the vault query ``entries.list(supervision=True)`` is the first line and this filter
the second, so a bug in one is caught by the other.

An agenda is a list of :class:`AgendaItem` kept as JSON in the session row. Items point
at things by reference (topic id, entry uid, flag id) and are re-checked against the
current consented entries whenever the agenda is shown or printed
(:func:`resolve_agenda`), so unmarking an entry takes it off every agenda at once.

A flag on the agenda carries its evidence (words quoted from an entry) only when that
entry is itself consented (for a pattern across entries: every entry in it);
otherwise just the sign and its explanation are shown.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import date
from typing import Any

from ips_reflect.core.entries import Entry
from ips_reflect.core.flag_model import FlagRecord
from ips_reflect.core.ids import SLEF_AREAS

AGENDA_KINDS: tuple[str, ...] = ("topic", "entry", "flag")
ALIAS_PLACEHOLDER = "[client]"


@dataclass(frozen=True)
class Session:
    """A supervision session as kept in the vault (``store.records.SupervisionStore``)."""

    id: int
    held_on: str
    supervisor: str
    agenda: list[Any]
    notes: str
    created: str
    updated: str


@dataclass(frozen=True)
class Action:
    """An action agreed in a session (``store.records.SupervisionStore``)."""

    id: int
    session_id: int
    text: str
    due_on: str | None
    done_on: str | None


@dataclass
class AgendaItem:
    """One thing to talk about. ``ref``: topic id, entry uid or flag id (as text)."""

    kind: str
    ref: str
    title: str
    detail: str = ""
    discussed: bool = False
    note: str = ""
    extra: dict[str, str] = field(default_factory=dict)

    def to_json(self) -> dict[str, Any]:
        return {
            "kind": self.kind,
            "ref": self.ref,
            "title": self.title,
            "discussed": self.discussed,
            "note": self.note,
        }

    @classmethod
    def from_json(cls, data: Any) -> AgendaItem | None:
        """Tolerant reading of a stored item; None for anything malformed."""
        if not isinstance(data, dict):
            return None
        kind, ref = data.get("kind"), data.get("ref")
        if kind not in AGENDA_KINDS or not isinstance(ref, str) or not ref:
            return None
        title = data.get("title")
        note = data.get("note")
        return cls(
            kind=kind,
            ref=ref,
            title=title if isinstance(title, str) else "",
            discussed=data.get("discussed") is True,
            note=note if isinstance(note, str) else "",
        )


# --------------------------------------------------------------------------- consent


def consented(entries: Iterable[Entry]) -> list[Entry]:
    """Only entries marked to bring to supervision and not in the bin."""
    return [e for e in entries if e.bring_to_supervision is True and e.deleted_at is None]


def entry_heading(entry: Entry, kind_names: Mapping[str, str] | None = None) -> str:
    """A one-line heading for an entry: its title, or its kind and date."""
    if entry.title.strip():
        return entry.title.strip()
    kind = (kind_names or {}).get(entry.kind, entry.kind.replace("_", " "))
    return f"{kind[:1].upper()}{kind[1:]} of {entry.created[:10]}"


# --------------------------------------------------------------------------- agenda


def build_agenda(
    *,
    topics: Sequence[tuple[str, str]],
    entries: Iterable[Entry],
    flags: Iterable[FlagRecord],
    sign_names: Mapping[str, str] | None = None,
    kind_names: Mapping[str, str] | None = None,
) -> list[AgendaItem]:
    """A fresh agenda: chosen topics (id, label), consented entries (oldest first), and
    open flags that are about a consented entry or about no single entry.

    Flags the practitioner put on the agenda from the Flags page are passed in
    ``flags`` too; they are kept even if their entry is private, but without evidence.
    """
    items = [AgendaItem("topic", tid, label) for tid, label in topics]
    allowed = consented(entries)
    allowed.sort(key=lambda e: e.created)
    items += [AgendaItem("entry", e.uid, entry_heading(e, kind_names)) for e in allowed]
    seen: set[int] = set()
    for flag in flags:
        if flag.id in seen or flag.status == "resolved":
            continue
        seen.add(flag.id)
        name = (sign_names or {}).get(flag.sign, flag.sign.replace("_", " "))
        items.append(AgendaItem("flag", str(flag.id), name))
    return items


def agenda_flag_ids(stored: Iterable[Any]) -> list[int]:
    """The ids of the flags on a stored agenda (to read just those flags)."""
    ids: list[int] = []
    for raw in stored:
        item = raw if isinstance(raw, AgendaItem) else AgendaItem.from_json(raw)
        if item is not None and item.kind == "flag" and item.ref.isdigit():
            ids.append(int(item.ref))
    return ids


def resolve_agenda(
    stored: Iterable[Any],
    *,
    entries: Iterable[Entry],
    flags: Iterable[FlagRecord],
    topic_text: Callable[[str], str | None],
    sign_names: Mapping[str, str] | None = None,
    kind_names: Mapping[str, str] | None = None,
    related: Mapping[str, Sequence[str]] | None = None,
    topic_label: Callable[[str], str | None] | None = None,
) -> list[AgendaItem]:
    """The stored agenda as it may be shown now.

    * entry items whose entry is no longer consented (unmarked, binned, deleted) are
      dropped, and titles are refreshed from the entry;
    * flag items whose flag is gone are dropped; evidence is filled in only when the
      flag's entry is consented. A flag about a pattern across entries (no single
      entry) names a client and dates taken from those entries, so its evidence is
      shown only when ``related`` (fingerprint -> entry uids, as the flag check keeps
      them) says every one of those entries is consented;
    * topic items get the topic's full text as detail and, with ``topic_label``, its
      current short name (an organisation may have reworded it); unknown topics keep
      the title they were stored with.
    """
    allowed = {e.uid: e for e in consented(entries)}
    by_id = {str(f.id): f for f in flags}
    out: list[AgendaItem] = []
    for raw in stored:
        item = raw if isinstance(raw, AgendaItem) else AgendaItem.from_json(raw)
        if item is None:
            continue
        if item.kind == "entry":
            entry = allowed.get(item.ref)
            if entry is None:
                continue
            item = replace(item, title=entry_heading(entry, kind_names))
        elif item.kind == "flag":
            flag = by_id.get(item.ref)
            if flag is None:
                continue
            name = (sign_names or {}).get(flag.sign, item.title or flag.sign)
            evidence = ""
            if flag.entry_uid is None:
                uids = (related or {}).get(getattr(flag, "fingerprint", ""), ())
                if uids and all(uid in allowed for uid in uids):
                    evidence = flag.evidence
            elif flag.entry_uid in allowed:
                evidence = flag.evidence
            item = replace(
                item,
                title=name,
                detail=flag.explanation,
                extra={"evidence": evidence, "status": flag.status, "source": flag.source},
            )
        else:
            text = topic_text(item.ref)
            if text is not None:
                item = replace(item, detail=text)
            label = topic_label(item.ref) if topic_label is not None else None
            if label:
                item = replace(item, title=label)
        out.append(item)
    return out


# --------------------------------------------------------------------------- alias removal


def _fold(text: str) -> str:
    """Canonical caseless form of a piece of text: NFC, casefold, NFC again."""
    return unicodedata.normalize("NFC", unicodedata.normalize("NFC", text).casefold())


def _clusters(text: str) -> Iterator[tuple[int, int]]:
    """(start, end) of each base character with the marks that follow it: the units
    normalisation may merge (combining marks, Hangul jamo), never split."""
    start = 0
    for i in range(1, len(text) + 1):
        if i == len(text):
            yield start, i
            break
        ch = text[i]
        if unicodedata.combining(ch) or "\u1160" <= ch <= "\u11ff" or ch in "\u200c\u200d":
            continue
        yield start, i
        start = i


class AliasMatcher:
    """Finds client aliases in text the way a reader would: after Unicode
    normalisation and case folding (``Zoë`` composed or decomposed, ``ZOË``,
    ``Strauß``/``Strauss``), with any run of white space between the alias's words
    (two spaces, a line break, a tab, a no-break space), as whole words only (``Al``
    is not in ``Alan`` or ``rehearsal``), the longest alias first. The text around a
    match is kept exactly as written; ``Zoë's`` becomes ``[client]'s``.

    The one matcher for alias removal: :func:`redact_aliases` and :func:`anonymised`
    (and through it the group supervision pack) all use it.
    """

    def __init__(self, aliases: Iterable[str]) -> None:
        keys: set[tuple[str, ...]] = set()
        for alias in aliases:
            words = tuple(_fold(w) for w in (alias or "").split())
            if words and any(words):
                keys.add(words)
        ordered = sorted(keys, key=lambda k: (-len(" ".join(k)), k))
        self._pattern: re.Pattern[str] | None = None
        if ordered:
            alternatives = "|".join(r"\s+".join(re.escape(w) for w in k) for k in ordered)
            self._pattern = re.compile(rf"(?<!\w)(?:{alternatives})(?!\w)")

    def spans(self, text: str) -> list[tuple[int, int]]:
        """Where the aliases are in ``text``: (start, end) indexes into ``text``."""
        if self._pattern is None or not text:
            return []
        folded: list[str] = []
        origin: list[tuple[int, int]] = []  # for each folded character: its cluster
        first: set[int] = set()  # folded indexes where a cluster starts
        for start, end in _clusters(text):
            piece = _fold(text[start:end])
            first.add(len(folded))
            folded.extend(piece)
            origin.extend([(start, end)] * len(piece))
        first.add(len(folded))
        haystack = "".join(folded)
        out: list[tuple[int, int]] = []
        pos = 0
        while pos < len(haystack):
            m = self._pattern.search(haystack, pos)
            if m is None:
                break
            if m.start() in first and m.end() in first and m.end() > m.start():
                out.append((origin[m.start()][0], origin[m.end() - 1][1]))
                pos = m.end()
            else:  # the match cuts a character in two (e.g. half of "ss" from "ß")
                pos = m.start() + 1
        return out

    def redact(self, text: str, placeholder: str = ALIAS_PLACEHOLDER) -> str:
        """``text`` with every alias replaced by ``placeholder``, the rest unchanged."""
        spans = self.spans(text)
        if not spans:
            return text
        parts: list[str] = []
        last = 0
        for start, end in spans:
            parts += [text[last:start], placeholder]
            last = end
        parts.append(text[last:])
        return "".join(parts)


def redact_aliases(text: str, aliases: Iterable[str], placeholder: str = ALIAS_PLACEHOLDER) -> str:
    """Replace every client alias in ``text`` with ``placeholder`` (see
    :class:`AliasMatcher` for how an alias is recognised)."""
    if not text:
        return text
    return AliasMatcher(aliases).redact(text, placeholder)


def anonymised(
    entries: Sequence[Entry],
    placeholder: str = ALIAS_PLACEHOLDER,
    *,
    extra_aliases: Iterable[str] = (),
) -> list[Entry]:
    """Copies of consented entries with every client alias (of any of them) removed from
    the alias field, title, body, answers and tags, for a group reflective-practice pack.

    ``extra_aliases``: further names to remove, e.g. every alias in the vault, so a client
    named only on a private entry is not named in a marked one either.
    """
    allowed = consented(entries)
    aliases = [e.client_alias for e in allowed if e.client_alias]
    aliases += [a for a in extra_aliases if a]
    matcher = AliasMatcher(aliases)
    out: list[Entry] = []
    for e in allowed:
        answers: dict[str, Any] = {}
        for key, value in e.answers.items():
            if isinstance(value, str):
                answers[key] = matcher.redact(value, placeholder)
            elif isinstance(value, list):
                answers[key] = [matcher.redact(str(v), placeholder) for v in value]
            else:
                answers[key] = value
        out.append(
            replace(
                e,
                title=matcher.redact(e.title, placeholder),
                body=matcher.redact(e.body, placeholder),
                client_alias=None,
                tags=[matcher.redact(t, placeholder) for t in e.tags],
                answers=answers,
            )
        )
    return out


# --------------------------------------------------------------------------- ratings and actions


def rating_series(history: Iterable[tuple[str, str, int]]) -> dict[str, list[tuple[str, int]]]:
    """(held_on, area, rating) rows -> area -> [(held_on, rating)] in date order."""
    series: dict[str, list[tuple[str, int]]] = {a: [] for a in SLEF_AREAS}
    for held_on, area, rating in sorted(history, key=lambda r: r[0]):
        if area in series:
            series[area].append((held_on, int(rating)))
    return series


def _day(iso: str) -> str:
    """``2026-03-12`` as ``12 Mar 2026`` (anything else unchanged)."""
    try:
        d = date.fromisoformat(iso[:10])
    except ValueError:
        return iso
    return f"{d.day} {d:%b %Y}"


def rating_summary(series: Mapping[str, Sequence[tuple[str, int]]]) -> list[str]:
    """One plain sentence per rated area (the chart's text equivalent)."""
    lines: list[str] = []
    for area in SLEF_AREAS:
        points = list(series.get(area, ()))
        if not points:
            continue
        name = area.capitalize()
        last = points[-1][1]
        if len(points) == 1:
            lines.append(f"{name}: {last} of 5 on {_day(points[0][0])}.")
            continue
        first = points[0][1]
        trend = "up" if last > first else "down" if last < first else "level"
        lines.append(
            f"{name}: {last} of 5 on {_day(points[-1][0])}, {trend} from {first} on "
            f"{_day(points[0][0])} "
            f"({len(points)} ratings)."
        )
    return lines


def action_state(due_on: str | None, done_on: str | None, today: date | None = None) -> str:
    """ "done", "overdue", "due" (today) or "open"."""
    if done_on:
        return "done"
    if not due_on:
        return "open"
    today_iso = (today or date.today()).isoformat()
    if due_on < today_iso:
        return "overdue"
    return "due" if due_on == today_iso else "open"
