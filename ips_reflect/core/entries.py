"""Entries: the dataclass every layer shares, and the JSON exchange format.

An :class:`Entry` is one thing a practitioner wrote: a preparation, a check
before sharing, a reflection afterwards, or a journal note. Stored answers and
warning signs refer to content ids, so rewording a question never orphans them.

The exchange format (``ips-reflect import`` / ``export --format json``)::

    {"format": "ips-reflect/entries", "version": 1, "entries": [
      {"kind": "journal", "created": "2026-11-02T09:30:00+00:00", "title": "...",
       "body": "...", "client_alias": null, "audience": null, "tags": [],
       "answers": {"question.id": "text"}, "warning_signs": [],
       "bring_to_supervision": false}]}

``kind`` and ``created`` are required; every other key is optional. Besides the
keys shown, an entry may carry ``uid`` (a UUID), ``updated`` (ISO 8601 with a
time zone), ``reasons`` (positive reason ids) and ``linked_uid`` (the uid of the
check a reflection follows), so an export imports back exactly. Unknown keys are
refused. Every problem names the entry and field, e.g.
``entries[3].audience: 'boss' is not one of client, employer, ips_team, clinical_team``;
JSON syntax errors give ``file:line:col``.

Plain Python: no Qt, no database.
"""

from __future__ import annotations

import difflib
import json
import re
import uuid
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from ips_reflect.core.ids import (
    AUDIENCE_IDS,
    ID_RE,
    POSITIVE_REASON_IDS,
    WARNING_SIGN_IDS,
)
from ips_reflect.errors import UserError
from ips_reflect.textsafe import excerpt

KINDS: tuple[str, ...] = ("preparation", "before_check", "after_reflection", "journal")
AUDIENCES: tuple[str, ...] = AUDIENCE_IDS

EXCHANGE_FORMAT = "ips-reflect/entries"
EXCHANGE_VERSION = 1

#: What an answer may hold: free text, yes/no/unsure or a choice id (text), a 1-5
#: scale (int), a tick (bool) or a list of short texts.
AnswerValue = str | int | bool | list[str]

EXCHANGE_KEYS: tuple[str, ...] = (
    "uid",
    "kind",
    "created",
    "updated",
    "title",
    "body",
    "client_alias",
    "audience",
    "tags",
    "answers",
    "warning_signs",
    "reasons",
    "bring_to_supervision",
    "linked_uid",
)
REQUIRED_KEYS: tuple[str, ...] = ("kind", "created")
MAX_PROBLEMS = 50

#: Limits on what an entries file (and an entry) may hold. A file over
#: MAX_EXCHANGE_BYTES is refused before it is read; a field over its limit is
#: refused naming the entry and field, never quoting the text.
MAX_EXCHANGE_BYTES = 64 * 1024 * 1024
MAX_TITLE_CHARS = 1_000
MAX_BODY_CHARS = 1024 * 1024
MAX_ALIAS_CHARS = 200
MAX_TAG_CHARS = 200
MAX_TAGS = 200
MAX_ANSWERS = 1_000
MAX_ANSWER_CHARS = 1024 * 1024
MAX_ANSWER_ITEMS = 1_000
#: Longer than this, a value is not worth a "did you mean" guess (difflib is slow).
_MAX_HINT_CHARS = 100


def new_uid() -> str:
    return str(uuid.uuid4())


def now_iso() -> str:
    """The current local time, ISO 8601 with its UTC offset, to the second."""
    return datetime.now().astimezone().isoformat(timespec="seconds")


def parse_timestamp(value: str) -> datetime:
    """Parse ISO 8601 text that includes a time zone; raise ValueError otherwise."""
    if not isinstance(value, str) or len(value) < 10:
        raise ValueError("not an ISO 8601 date and time")
    moment = datetime.fromisoformat(value)
    if moment.tzinfo is None or moment.utcoffset() is None:
        raise ValueError("has no time zone")
    try:
        moment.astimezone(UTC)  # 0001-01-01T00:00+01:00 is before year 1 in UTC
    except OverflowError:
        raise ValueError("is outside the years 1-9999 in UTC") from None
    return moment


def utc_key(value: str) -> str:
    """A sortable UTC form of an ISO timestamp, e.g. ``2026-11-02T09:30:00.000000Z``."""
    moment = parse_timestamp(value).astimezone(UTC)
    return moment.strftime("%Y-%m-%dT%H:%M:%S.%fZ")


@dataclass
class Entry:
    """One piece of writing. ``id`` is the database row id (None until stored)."""

    kind: str
    created: str = field(default_factory=now_iso)
    title: str = ""
    body: str = ""
    client_alias: str | None = None
    audience: str | None = None
    tags: list[str] = field(default_factory=list)
    answers: dict[str, AnswerValue] = field(default_factory=dict)
    warning_signs: list[str] = field(default_factory=list)
    reasons: list[str] = field(default_factory=list)
    bring_to_supervision: bool = False
    linked_uid: str | None = None
    uid: str = field(default_factory=new_uid)
    updated: str | None = None
    id: int | None = None
    deleted_at: str | None = None

    @property
    def in_bin(self) -> bool:
        return self.deleted_at is not None

    def answers_text(self) -> str:
        """The answers as one block of text, for the search index."""
        parts: list[str] = []
        for value in self.answers.values():
            if isinstance(value, list):
                parts.extend(value)
            elif isinstance(value, str):
                parts.append(value)
        return "\n".join(parts)


# --------------------------------------------------------------------------- validation


class EntryError(UserError):
    """One or more entries are invalid; ``problems`` lists every one."""

    def __init__(self, message: str, problems: Sequence[str]) -> None:
        self.problems = list(problems)
        shown = self.problems[:MAX_PROBLEMS]
        if len(self.problems) > MAX_PROBLEMS:
            shown.append(f"... and {len(self.problems) - MAX_PROBLEMS} more problems.")
        super().__init__(message, details=shown)


_SURROGATE = re.compile("[\ud800-\udfff]")


def _has_surrogate(text: str) -> bool:
    return _SURROGATE.search(text) is not None


def _one_of(value: object, allowed: Sequence[str]) -> str:
    return f"{excerpt(value)} is not one of {', '.join(allowed)}"


def _close_match(value: object, allowed: Sequence[str]) -> str | None:
    if not isinstance(value, str) or len(value) > _MAX_HINT_CHARS:
        return None
    hint = difflib.get_close_matches(value, allowed, n=1)
    return hint[0] if hint else None


def _too_long(where: str, length: int, limit: int, unit: str = "characters") -> str:
    return f"{where}: is too long ({length:,} {unit}; at most {limit:,})"


def _check_text(
    value: object, where: str, problems: list[str], *, optional: bool, limit: int
) -> None:
    if value is None and optional:
        return
    if not isinstance(value, str):
        expected = "text or null" if optional else "text"
        problems.append(f"{where}: expected {expected}, found {_json_type(value)}")
    elif len(value) > limit:
        problems.append(_too_long(where, len(value), limit))
    elif _has_surrogate(value):
        problems.append(f"{where}: contains an invalid character (a lone UTF-16 surrogate)")


def _check_timestamp(value: object, where: str, problems: list[str]) -> None:
    if not isinstance(value, str):
        problems.append(f"{where}: expected an ISO 8601 date and time, found {_json_type(value)}")
        return
    try:
        parse_timestamp(value)
    except ValueError:
        problems.append(
            f"{where}: {excerpt(value)} is not an ISO 8601 date and time with a time zone "
            "(for example 2026-11-02T09:30:00+00:00)"
        )


def _check_uid(value: object, where: str, problems: list[str], *, optional: bool) -> None:
    if value is None and optional:
        return
    if not isinstance(value, str):
        problems.append(f"{where}: expected a UUID as text, found {_json_type(value)}")
        return
    try:
        uuid.UUID(value)
    except ValueError:
        problems.append(f"{where}: {excerpt(value)} is not a UUID")


def _check_id_list(value: object, where: str, allowed: Sequence[str], problems: list[str]) -> None:
    if not isinstance(value, list):
        problems.append(f"{where}: expected a list of ids, found {_json_type(value)}")
        return
    seen: set[str] = set()
    for i, item in enumerate(value):
        if not isinstance(item, str):
            problems.append(f"{where}[{i}]: expected an id as text, found {_json_type(item)}")
        elif item not in allowed:
            hint = _close_match(item, allowed)
            extra = f" (did you mean {hint!r}?)" if hint else ""
            problems.append(f"{where}[{i}]: {_one_of(item, allowed)}{extra}")
        elif item in seen:
            problems.append(f"{where}[{i}]: {item!r} is listed twice")
        else:
            seen.add(item)


def _check_tags(value: object, where: str, problems: list[str]) -> None:
    if not isinstance(value, list):
        problems.append(f"{where}: expected a list of tags, found {_json_type(value)}")
        return
    if len(value) > MAX_TAGS:
        problems.append(_too_long(where, len(value), MAX_TAGS, "tags"))
        return
    for i, tag in enumerate(value):
        if not isinstance(tag, str):
            problems.append(f"{where}[{i}]: expected a tag as text, found {_json_type(tag)}")
        elif len(tag) > MAX_TAG_CHARS:
            problems.append(_too_long(f"{where}[{i}]", len(tag), MAX_TAG_CHARS))
        elif not tag.strip():
            problems.append(f"{where}[{i}]: a tag cannot be empty")
        elif _has_surrogate(tag):
            problems.append(f"{where}[{i}]: contains an invalid character")


def _check_answers(value: object, where: str, problems: list[str]) -> None:
    if not isinstance(value, dict):
        problems.append(
            f"{where}: expected an object of question id to answer, found {_json_type(value)}"
        )
        return
    if len(value) > MAX_ANSWERS:
        problems.append(_too_long(where, len(value), MAX_ANSWERS, "answers"))
        return
    for qid, answer in value.items():
        good_id = isinstance(qid, str) and len(qid) <= _MAX_HINT_CHARS and ID_RE.match(qid)
        here = f"{where}.{qid}" if good_id else where
        if not good_id:
            problems.append(
                f"{where}: {excerpt(qid)} is not a question id (lower-case letters, digits, "
                f"'_' and '.', starting with a letter, at most {_MAX_HINT_CHARS} characters)"
            )
            continue
        if isinstance(answer, bool):
            continue
        if isinstance(answer, int):
            if abs(answer) > 2**53:
                problems.append(f"{here}: the number is too large (at most 2**53)")
            continue
        if isinstance(answer, str):
            if len(answer) > MAX_ANSWER_CHARS:
                problems.append(_too_long(here, len(answer), MAX_ANSWER_CHARS))
            elif _has_surrogate(answer):
                problems.append(f"{here}: contains an invalid character")
            continue
        if isinstance(answer, list) and all(isinstance(a, str) for a in answer):
            if len(answer) > MAX_ANSWER_ITEMS:
                problems.append(_too_long(here, len(answer), MAX_ANSWER_ITEMS, "items"))
            elif sum(len(a) for a in answer) > MAX_ANSWER_CHARS:
                total = sum(len(a) for a in answer)
                problems.append(_too_long(here, total, MAX_ANSWER_CHARS))
            elif any(_has_surrogate(a) for a in answer):
                problems.append(f"{here}: contains an invalid character")
            continue
        problems.append(
            f"{here}: expected text, a whole number, true/false or a list of texts, "
            f"found {_json_type(answer)}"
        )


#: How a JSON value's type is named in messages (bool before int: True is an int).
_JSON_TYPES: tuple[tuple[type, str], ...] = (
    (type(None), "null"),
    (bool, "true/false"),
    (int, "a number"),
    (float, "a decimal number"),
    (str, "text"),
    (list, "a list"),
    (dict, "an object"),
)


def _json_type(value: object) -> str:
    for kind, name in _JSON_TYPES:
        if isinstance(value, kind):
            return name
    return type(value).__name__


def check_fields(data: Mapping[str, Any], where: str) -> list[str]:
    """Problems with one entry given as exchange-format fields (a JSON object)."""
    problems: list[str] = []
    duplicates = getattr(data, "duplicates", ())
    for key in duplicates:
        if key in EXCHANGE_KEYS:
            problems.append(f"{where}.{key}: this key appears more than once")
        else:
            problems.append(f"{where}: the key {excerpt(key)} appears more than once")
    for key in data:
        if key not in EXCHANGE_KEYS:
            hint = _close_match(key, EXCHANGE_KEYS)
            extra = f"; did you mean {hint!r}?" if hint else ""
            problems.append(
                f"{where}: unknown key {excerpt(key)}{extra} (allowed: {', '.join(EXCHANGE_KEYS)})"
            )
    for key in REQUIRED_KEYS:
        if key not in data:
            problems.append(f"{where}: the required key {key!r} is missing")
    if "kind" in data and data["kind"] not in KINDS:
        problems.append(f"{where}.kind: {_one_of(data['kind'], KINDS)}")
    if "created" in data:
        _check_timestamp(data["created"], f"{where}.created", problems)
    if data.get("updated") is not None:
        _check_timestamp(data["updated"], f"{where}.updated", problems)
    for key, limit in (("title", MAX_TITLE_CHARS), ("body", MAX_BODY_CHARS)):
        if key in data:
            _check_text(data[key], f"{where}.{key}", problems, optional=False, limit=limit)
    if "client_alias" in data:
        _check_text(
            data["client_alias"],
            f"{where}.client_alias",
            problems,
            optional=True,
            limit=MAX_ALIAS_CHARS,
        )
    if data.get("audience") is not None and data["audience"] not in AUDIENCES:
        problems.append(f"{where}.audience: {_one_of(data['audience'], AUDIENCES)}")
    if "tags" in data:
        _check_tags(data["tags"], f"{where}.tags", problems)
    if "answers" in data:
        _check_answers(data["answers"], f"{where}.answers", problems)
    if "warning_signs" in data:
        _check_id_list(data["warning_signs"], f"{where}.warning_signs", WARNING_SIGN_IDS, problems)
    if "reasons" in data:
        _check_id_list(data["reasons"], f"{where}.reasons", POSITIVE_REASON_IDS, problems)
    if "bring_to_supervision" in data and not isinstance(data["bring_to_supervision"], bool):
        problems.append(
            f"{where}.bring_to_supervision: expected true or false, "
            f"found {_json_type(data['bring_to_supervision'])}"
        )
    if "uid" in data:
        _check_uid(data["uid"], f"{where}.uid", problems, optional=False)
    if "linked_uid" in data:
        _check_uid(data["linked_uid"], f"{where}.linked_uid", problems, optional=True)
    return problems


def normalise_tags(tags: Sequence[str]) -> list[str]:
    """Tags stripped of surrounding space, blanks dropped, first occurrence kept."""
    out: list[str] = []
    for tag in tags:
        t = tag.strip()
        if t and t not in out:
            out.append(t)
    return out


def check_entry(entry: Entry) -> list[str]:
    """Problems with an Entry about to be stored (same rules as the exchange format)."""
    problems = check_fields(entry_to_exchange(entry), "entry")
    if not isinstance(entry.bring_to_supervision, bool):
        problems.append("entry.bring_to_supervision: expected True or False")
    return problems


def entry_from_exchange(data: Mapping[str, Any]) -> Entry:
    """Build an Entry from fields already checked with :func:`check_fields`."""
    uid = data.get("uid")
    linked = data.get("linked_uid")
    answers: dict[str, AnswerValue] = {}
    for qid, value in data.get("answers", {}).items():
        answers[qid] = list(value) if isinstance(value, list) else value
    return Entry(
        uid=str(uuid.UUID(uid)) if uid else new_uid(),
        kind=data["kind"],
        created=data["created"],
        updated=data.get("updated"),
        title=data.get("title", ""),
        body=data.get("body", ""),
        client_alias=data.get("client_alias"),
        audience=data.get("audience"),
        tags=normalise_tags(data.get("tags", [])),
        answers=answers,
        warning_signs=list(data.get("warning_signs", [])),
        reasons=list(data.get("reasons", [])),
        bring_to_supervision=bool(data.get("bring_to_supervision", False)),
        linked_uid=str(uuid.UUID(linked)) if linked else None,
    )


def entry_to_exchange(entry: Entry) -> dict[str, Any]:
    """One entry as an exchange-format object (keys in a stable, readable order)."""
    return {
        "uid": entry.uid,
        "kind": entry.kind,
        "created": entry.created,
        "updated": entry.updated,
        "title": entry.title,
        "body": entry.body,
        "client_alias": entry.client_alias,
        "audience": entry.audience,
        "tags": list(entry.tags),
        "answers": {k: list(v) if isinstance(v, list) else v for k, v in entry.answers.items()},
        "warning_signs": list(entry.warning_signs),
        "reasons": list(entry.reasons),
        "bring_to_supervision": entry.bring_to_supervision,
        "linked_uid": entry.linked_uid,
    }


def exchange_document(entries: Sequence[Entry]) -> dict[str, Any]:
    return {
        "format": EXCHANGE_FORMAT,
        "version": EXCHANGE_VERSION,
        "entries": [entry_to_exchange(e) for e in entries],
    }


# --------------------------------------------------------------------------- parsing


class _Object(dict[str, Any]):
    """A JSON object that remembers keys given more than once."""

    duplicates: tuple[str, ...] = ()


def _object_pairs(pairs: list[tuple[str, Any]]) -> _Object:
    obj = _Object()
    dups: list[str] = []
    for key, value in pairs:
        if key in obj and key not in dups:
            dups.append(key)
        obj[key] = value
    if dups:
        obj.duplicates = tuple(dups)
    return obj


def _no_constant(name: str) -> Any:
    raise ValueError(f"{name} is not allowed in JSON")


def _fail(source: str, message: str) -> EntryError:
    return EntryError(f"{source}: {message} Nothing was imported.", [])


def parse_exchange(data: bytes | str, source: str = "<input>") -> list[Entry]:
    """Read an exchange document; raise :class:`EntryError` naming every problem.

    All or nothing: either every entry is valid and all are returned, or an error
    lists the problems (``entries[3].audience: ...``).
    """
    if len(data) > MAX_EXCHANGE_BYTES:
        raise _fail(
            source,
            f"the file is too large to be an entries file (at most "
            f"{MAX_EXCHANGE_BYTES // (1024 * 1024)} MiB); split it into smaller files.",
        )
    if isinstance(data, bytes):
        try:
            text = data.decode("utf-8-sig")
        except UnicodeDecodeError as exc:
            raise _fail(
                source,
                f"the file is not UTF-8 text (byte {exc.start} cannot be read); "
                "save it as UTF-8 and try again.",
            ) from None
    else:
        text = data
    if not text.strip():
        raise _fail(source, "the file is empty; an entries file is a JSON document.")
    try:
        doc = json.loads(text, object_pairs_hook=_object_pairs, parse_constant=_no_constant)
    except json.JSONDecodeError as exc:
        raise EntryError(
            f"{source}:{exc.lineno}:{exc.colno}: this is not valid JSON ({exc.msg}); "
            "if the file was cut short, export it again. Nothing was imported.",
            [],
        ) from None
    except RecursionError:
        raise _fail(source, "the JSON is nested far too deeply to be an entries file.") from None
    except ValueError as exc:
        reason = str(exc)[:200]  # the parser's own words, never a whole value
        raise _fail(source, f"the JSON holds a value that cannot be read ({reason}).") from None
    return entries_from_document(doc, source)


def entries_from_document(doc: object, source: str = "<input>") -> list[Entry]:
    """Validate an already-parsed exchange document."""
    expected = f'{{"format": "{EXCHANGE_FORMAT}", "version": {EXCHANGE_VERSION}, "entries": [...]}}'
    if not isinstance(doc, dict):
        raise _fail(
            source,
            f"expected a JSON object like {expected}, found {_json_type(doc)}.",
        )
    if doc.get("format") != EXCHANGE_FORMAT:
        given = f"format {excerpt(doc['format'])}" if "format" in doc else "no 'format' key"
        raise _fail(
            source,
            f"this is not an IPS Reflect entries file ({given}; expected "
            f"'format': '{EXCHANGE_FORMAT}').",
        )
    version = doc.get("version")
    if version != EXCHANGE_VERSION or isinstance(version, bool):
        raise _fail(
            source,
            f"version {excerpt(version)} of the entries format is not supported; this version "
            f"of IPS Reflect reads version {EXCHANGE_VERSION}.",
        )
    problems: list[str] = []
    for key in doc:
        if key not in ("format", "version", "entries"):
            problems.append(f"unknown key {excerpt(key)} (allowed: format, version, entries)")
    for key in getattr(doc, "duplicates", ()):
        if key in ("format", "version", "entries"):
            problems.append(f"{key}: this key appears more than once")
        else:
            problems.append(f"the key {excerpt(key)} appears more than once")
    items = doc.get("entries")
    if not isinstance(items, list):
        problems.append(f"entries: expected a list of entries, found {_json_type(items)}")
        items = []
    entries: list[Entry] = []
    seen: dict[str, int] = {}
    for i, item in enumerate(items):
        where = f"entries[{i}]"
        if not isinstance(item, dict):
            problems.append(f"{where}: expected an object, found {_json_type(item)}")
            continue
        found = check_fields(item, where)
        if found:
            problems.extend(found)
            continue
        entry = entry_from_exchange(item)
        if entry.uid in seen:
            problems.append(f"{where}.uid: the same uid is used by entries[{seen[entry.uid]}]")
            continue
        seen[entry.uid] = i
        entries.append(entry)
    if problems:
        n = len(problems)
        raise EntryError(
            f"{source} has {n} problem{'s' if n != 1 else ''}; nothing was imported. "
            "Fix the lines below and import the file again.",
            [f"{source}: {p}" for p in problems],
        )
    return entries


QuestionText = Callable[[str], str | None]
