"""Biography cards: one YAML file per practitioner, shared through the team folder.

A card is public by design (clients and colleagues read it), so reading one is
strict: every problem is reported with ``file:line:col`` of the key or value it
concerns, and personal contact details anywhere in the text are refused with
the line that holds them (see :mod:`ips_reflect.core.privacy`).

Cards come from other people, so reading one never reaches outside its folder:
the card file must be an ordinary file (not a symbolic link, pipe or device)
under :data:`CARD_MAX_BYTES`, and its photo must be an ordinary file inside the
card's own folder, reached without any symbolic link. The photo's bytes are
read once, checked, and kept on the card (``photo_data``) so that what is
embedded in a booklet is exactly what was checked. A photo that is missing,
outside the folder, a link or not an ordinary file gets the same words, so a
card cannot be used to find out which files exist on the reader's computer.

Files are read at the YAML node level with :class:`~ips_reflect.core.yamlsafe.NodeReader`;
tags such as ``!!python/object`` are reported and never constructed.

Format (see DESIGN.md)::

    format: ips-reflect/bio-card
    version: 1
    name: Sam Okafor                    # required
    role: Peer Employment Specialist    # required
    biography: "..."                    # required, 40-200 words
    pronouns: they/them                 # optional from here on
    why_i_do_this_work: "..."
    previous_jobs: [warehouse operative, barista]
    interests: [allotment, five-a-side]
    happy_to_share: ["my own return to work after time off"]
    sectors: [retail, hospitality]
    languages: [English, Yoruba]
    photo: sam.jpg                      # in the card's folder; PNG or JPEG
    consent: true                       # agreed to the card being shared
    review_date: 2027-01-31             # when to look at it again
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import os
import re
import tempfile
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, fields
from pathlib import Path, PurePath
from typing import Any

import yaml

from ips_reflect.core import privacy
from ips_reflect.core.biography import word_count
from ips_reflect.core.biophoto import (
    check_photo,
    read_card_photo,
    read_photo_file,
)
from ips_reflect.core.yamlsafe import (
    Location,
    NodeReader,
    Problem,
    describe,
    display_path,
    excerpt,
)
from ips_reflect.errors import UserError

__all__ = [
    "CARD_KEYS",
    "FORMAT",
    "LIST_FIELDS",
    "VERSION",
    "BioCard",
    "CardError",
    "Location",
    "Problem",
    "card_photo_bytes",
    "check_card",
    "check_photo",
    "dump_card",
    "load_card",
    "load_team",
    "validate_card",
    "write_card",
]

FORMAT = "ips-reflect/bio-card"
VERSION = 1

# Key order in files written by this app (the order DESIGN.md shows).
CARD_KEYS: tuple[str, ...] = (
    "format",
    "version",
    "name",
    "role",
    "biography",
    "pronouns",
    "why_i_do_this_work",
    "previous_jobs",
    "interests",
    "happy_to_share",
    "sectors",
    "languages",
    "photo",
    "consent",
    "review_date",
)
REQUIRED: tuple[str, ...] = ("format", "version", "name", "role", "biography")
TEXT_FIELDS: tuple[str, ...] = ("name", "role", "biography", "pronouns", "why_i_do_this_work")
LIST_FIELDS: tuple[str, ...] = (
    "previous_jobs",
    "interests",
    "happy_to_share",
    "sectors",
    "languages",
)

BIOGRAPHY_MIN_WORDS = 40
BIOGRAPHY_MAX_WORDS = 200
WHY_MAX_WORDS = 150
MAX_LIST_ITEMS = 30
CARD_MAX_BYTES = 256 * 1024
# Longest single-line values, in characters.
_MAX_CHARS = {"name": 80, "role": 100, "pronouns": 40}
_MAX_ITEM_CHARS = {"happy_to_share": 300}
_DEFAULT_ITEM_CHARS = 120

_WHAT = {
    "name": "your name as you would like clients to see it",
    "role": "your job title",
    "biography": "a short biography of 40-200 words",
}


class CardError(UserError):
    """A card is invalid; ``problems`` has one ``file:line:col: message`` line each."""

    def __init__(self, problems: Sequence[Problem], path: Path | None = None) -> None:
        self.problems = list(problems)
        self.path = path
        n = len(self.problems)
        what = f"The card {display_path(path)}" if path else "The biography card"
        super().__init__(
            f"{what} has {n} problem{'s' if n != 1 else ''}; fix the lines listed and try again.",
            details=[str(p) for p in self.problems],
        )


@dataclass(frozen=True)
class BioCard:
    """One practitioner's biography card.

    List fields are always stored as tuples (lists passed in are converted, and a
    single string becomes a one-item tuple). ``photo``
    is an absolute path (a relative one in the file is resolved against the
    card's folder). ``source_path`` is where the card was read from; it is not
    part of the card's identity. ``photo_data`` holds the photo's bytes as they
    were checked when the card was read (None for a card made in the app).
    """

    name: str
    role: str
    biography: str
    pronouns: str | None = None
    why_i_do_this_work: str | None = None
    previous_jobs: Sequence[str] = ()
    interests: Sequence[str] = ()
    happy_to_share: Sequence[str] = ()
    sectors: Sequence[str] = ()
    languages: Sequence[str] = ()
    photo: Path | None = None
    consent: bool | None = None
    review_date: dt.date | None = None
    source_path: Path | None = field(default=None, compare=False, repr=False)
    photo_data: bytes | None = field(default=None, compare=False, repr=False)

    def __post_init__(self) -> None:
        for name in LIST_FIELDS:
            value = getattr(self, name)
            if isinstance(value, str):
                object.__setattr__(self, name, (value,))
            elif not isinstance(value, tuple):
                object.__setattr__(self, name, tuple(value or ()))
        if self.photo is not None and not isinstance(self.photo, Path):
            object.__setattr__(self, "photo", Path(self.photo))

    def text_fields(self) -> Iterable[tuple[str, str]]:
        """Every piece of text on the card as (field, text), for scanning and search."""
        for name in TEXT_FIELDS:
            value = getattr(self, name)
            if value:
                yield name, value
        for name in LIST_FIELDS:
            for item in getattr(self, name):
                yield name, item

    @property
    def sort_key(self) -> tuple[str, str]:
        return name_sort_key(self.name), self.name


_FOLD = str.maketrans({"ł": "l", "Ł": "L", "ø": "o", "Ø": "O", "đ": "d", "Đ": "D", "ß": "ss"})


def name_sort_key(text: str) -> str:
    """Case- and accent-insensitive sort key: Zoë sorts with Zoe, Łukasz with Lukasz."""
    decomposed = unicodedata.normalize("NFKD", text.translate(_FOLD))
    plain = "".join(c for c in decomposed if not unicodedata.combining(c))
    return plain.casefold()


# --------------------------------------------------------------------------- field rules


def _bad_chars(value: str) -> str | None:
    for ch in value:
        if ch in "\n\t":
            continue
        if unicodedata.category(ch) in ("Cc", "Cs"):
            return f"contains an invisible control character (U+{ord(ch):04X}); delete it"
    return None


def field_messages(key: str, value: str, *, item: bool = False) -> list[str]:
    """Rules for one text value (not the privacy guard), as messages without a location."""
    out: list[str] = []
    bad = _bad_chars(value)
    if bad:
        out.append(f"'{key}' {bad}")
    if item:
        limit = _MAX_ITEM_CHARS.get(key, _DEFAULT_ITEM_CHARS)
        if len(value) > limit:
            out.append(
                f"an entry in '{key}' is {len(value)} characters long; keep each entry "
                f"under {limit} characters (a few words)"
            )
        return out
    if key in _MAX_CHARS:
        if "\n" in value:
            out.append(f"'{key}' must be on one line")
        if len(value) > _MAX_CHARS[key]:
            out.append(f"'{key}' is {len(value)} characters long; keep it under {_MAX_CHARS[key]}")
    if key == "biography":
        n = word_count(value)
        if n < BIOGRAPHY_MIN_WORDS:
            out.append(
                f"the biography has {n} word{'s' if n != 1 else ''}; write at least "
                f"{BIOGRAPHY_MIN_WORDS} (about 4 sentences) so people get to know you"
            )
        elif n > BIOGRAPHY_MAX_WORDS:
            out.append(
                f"the biography has {n} words; keep it to {BIOGRAPHY_MAX_WORDS} or fewer "
                "so it fits on one page"
            )
    if key == "why_i_do_this_work":
        n = word_count(value)
        if n > WHY_MAX_WORDS:
            out.append(f"'why_i_do_this_work' has {n} words; keep it to {WHY_MAX_WORDS} or fewer")
    return out


def privacy_message(key: str, finding: privacy.Finding, line: int | None = None) -> str:
    where = f"line {line} holds" if line else f"'{key}' holds"
    kind = "" if finding.kind == "plan_term" else "personal contact details: "
    inside = f" in '{key}'" if line else ""
    return (
        f"{where} {kind}{finding.message}{inside}; {privacy.advice(finding.kind)}. "
        "A biography card is read by clients and colleagues."
    )


def card_photo_bytes(card: BioCard) -> bytes | None:
    """The photo to put in a PDF for ``card``: the bytes checked when it was read.

    A card read from a file without them (for example one changed with
    ``dataclasses.replace``) has its photo checked again inside its own folder;
    a card made in the app reads the photo the practitioner chose.
    """
    if card.photo_data is not None:
        return card.photo_data
    if card.photo is None:
        return None
    if card.source_path is not None:
        folder = card.source_path.parent
        try:
            rel = card.photo.relative_to(folder.absolute())
        except ValueError:
            return None
        return read_card_photo(folder, rel.as_posix())[0]
    return read_photo_file(card.photo)[0]


# --------------------------------------------------------------------------- reading


_NOT_A_CARD = (
    "this file is not a biography card (a card is made of 'key: value' lines and starts "
    f"with 'format: {FORMAT}'); check that you chose the right file"
)


def _whole_word(text: str) -> str:
    """A pattern for ``text`` not run into the letters or digits around it."""
    return rf"(?<![^\W_]){re.escape(text)}(?![^\W_])"


class _CardReader(NodeReader):
    """Reads one card, collecting problems with positions.

    The card must be an ordinary file (never a symbolic link) of at most
    :data:`CARD_MAX_BYTES`; the text parsed is kept in ``source``.
    """

    max_bytes = CARD_MAX_BYTES
    follow_symlinks = False
    what = "a biography card"

    def __init__(self, path: Path, problems: list[Problem]) -> None:
        super().__init__(path, problems)
        self.photo_data: bytes | None = None

    # -- locating a finding inside a scalar

    def _locate(self, node: yaml.Node, found: str, nth: int = 0) -> Location:
        """The line:col in the file of ``found`` inside ``node``'s value.

        ``nth`` counts earlier whole-word occurrences of ``found`` in the value,
        so a word that is also part of another ("hospital" in "hospitality")
        or repeated is placed where it was found.
        """
        start, end = node.start_mark.index, node.end_mark.index
        segment = self.source[start:end] if self.source else ""
        offset = segment.find(found) if segment else -1
        whole = [m.start() for m in re.finditer(_whole_word(found), segment)] if segment else []
        if whole:
            offset = whole[min(nth, len(whole) - 1)]
        if offset < 0 and segment:
            words = found.split()
            if words:
                # the value may be folded over lines or quoted: match word by word
                pattern = r"[\s\\\"']*".join(re.escape(w) for w in words)
                m = re.search(pattern, segment)
                offset = m.start() if m else segment.find(words[0])
        if offset < 0:
            return Location(self.path, node.start_mark.line + 1, node.start_mark.column + 1)
        index = start + offset
        line = self.source.count("\n", 0, index) + 1
        col = index - (self.source.rfind("\n", 0, index) + 1) + 1
        return Location(self.path, line, col)

    def guard(self, key: str, node: yaml.Node, value: str, blocked: Sequence[str]) -> None:
        for finding in privacy.scan(value, blocked):
            nth = len(re.findall(_whole_word(finding.text), value[: finding.start]))
            loc = self._locate(node, finding.text, nth)
            self.problems.append(Problem(loc, privacy_message(key, finding, loc.line)))

    def rules(self, key: str, node: yaml.Node, value: str, *, item: bool = False) -> bool:
        messages = field_messages(key, value, item=item)
        for message in messages:
            self.problem(node, message)
        return not messages

    # -- the card

    def read(self, blocked: Sequence[str], require_consent: bool) -> BioCard | None:
        root = self.compose()
        if root is None:
            return None
        # Nothing from a file that is clearly not a card is quoted back.
        if not isinstance(root, yaml.MappingNode):
            self.problem(root, _NOT_A_CARD)
            return None
        m = self.mapping(root, "a biography card")
        if m is None:
            return None
        if "format" not in m and not any(k in m for k in ("name", "role", "biography")):
            self.problem(root, _NOT_A_CARD)
            return None
        if "format" in m:
            fnode = m["format"][1]
            if not (
                isinstance(fnode, yaml.ScalarNode)
                and fnode.tag.endswith(":str")
                and str(fnode.value).strip() == FORMAT
            ):
                self.problem(
                    fnode,
                    f"format must be '{FORMAT}' and this file says something else; "
                    "is this a biography card? Check that you chose the right file",
                )
                return None
        before = len(self.problems)
        self.unknown_keys(m, CARD_KEYS, "a biography card")
        for key in REQUIRED:
            if key not in m:
                if key in ("format", "version"):
                    hint = f"add '{key}: {FORMAT if key == 'format' else VERSION}' at the top"
                else:
                    hint = f"add '{key}:' with {_WHAT[key]}"
                self.problem(root, f"the card has no '{key}'; {hint}")
        self._format_version(m)

        values: dict[str, Any] = {}
        for key in TEXT_FIELDS:
            if key in m:
                node = m[key][1]
                value = self.text(node, key)
                if value is not None and self.rules(key, node, value):
                    self.guard(key, node, value, blocked)
                    values[key] = value
        for key in LIST_FIELDS:
            if key in m:
                node = m[key][1]
                items = self.text_list(node, key)
                if items is None or not isinstance(node, yaml.SequenceNode):
                    continue
                if len(node.value) > MAX_LIST_ITEMS:
                    self.problem(
                        node,
                        f"'{key}' has {len(node.value)} entries; keep it to "
                        f"{MAX_LIST_ITEMS} or fewer",
                    )
                for child in node.value:
                    if isinstance(child, yaml.ScalarNode) and child.tag.endswith(":str"):
                        text = str(child.value).strip()
                        if text and self.rules(key, child, text, item=True):
                            self.guard(key, child, text, blocked)
                values[key] = tuple(items)
        if "photo" in m:
            values["photo"] = self._photo(m["photo"][1])
        if "consent" in m:
            node = m["consent"][1]
            if isinstance(node, yaml.ScalarNode) and node.tag.endswith(":bool"):
                values["consent"] = str(node.value).lower() in ("yes", "true", "on")
                if require_consent and values["consent"] is False:
                    self.problem(
                        node,
                        "this card says 'consent: false', so it is left out of anything "
                        "shared; ask the person, then change it to 'consent: true'",
                    )
            else:
                self.problem(node, f"'consent' must be true or false, found {describe(node)}")
        if "review_date" in m:
            values["review_date"] = self._date(m["review_date"][1])

        if len(self.problems) > before or any(k not in values for k in REQUIRED[2:]):
            return None
        return BioCard(**values, source_path=self.real_path, photo_data=self.photo_data)

    def _format_version(self, m: dict[str, tuple[yaml.Node, yaml.Node]]) -> None:
        if "format" in m:
            node = m["format"][1]
            fmt = self.text(node, "format")
            if fmt is not None and fmt != FORMAT:
                self.problem(
                    node,
                    f"format must be '{FORMAT}', found '{fmt}'; is this a biography card?",
                )
        if "version" in m:
            node = m["version"][1]
            if not (isinstance(node, yaml.ScalarNode) and node.tag.endswith(":int")):
                self.problem(node, f"version must be the number {VERSION}, found {describe(node)}")
            elif node.value.strip() not in (str(VERSION), f"+{VERSION}"):
                self.problem(
                    node,
                    f"version {excerpt(node.value)} is not supported; this app reads "
                    f"version {VERSION} cards (is the app up to date?)",
                )

    def _photo(self, node: yaml.Node) -> Path | None:
        value = self.text(node, "photo")
        if value is None:
            return None
        data, path, message = read_card_photo(self.real_path.parent, value)
        if message:
            self.problem(node, message)
            return None
        self.photo_data = data
        return path

    def _date(self, node: yaml.Node) -> dt.date | None:
        hint = "write the date as YYYY-MM-DD, for example 2027-01-31"
        if isinstance(node, yaml.ScalarNode) and node.tag.endswith((":timestamp", ":str")):
            try:
                return dt.date.fromisoformat(str(node.value).strip())
            except ValueError:
                pass
        self.problem(node, f"'review_date' must be a date, found {describe(node)}; {hint}")
        return None


def validate_card(
    path: str | os.PathLike[str],
    blocked_phrases: Sequence[str] = (),
    *,
    require_consent: bool = False,
) -> tuple[BioCard | None, list[Problem]]:
    """Read and check a card; the card is None whenever there is any problem.

    ``blocked_phrases`` are words from the practitioner's own sharing plan that
    must not appear. With ``require_consent`` a card saying ``consent: false``
    is a problem (used when building anything that is shared).
    """
    problems: list[Problem] = []
    p = Path(path)
    try:
        card = _CardReader(p, problems).read(blocked_phrases, require_consent)
    except RecursionError:
        problems.append(Problem(Location(display_path(p), 1, 1), "the file is nested too deeply"))
        card = None
    if problems:
        problems.sort(key=lambda q: (q.location.line, q.location.col))
        return None, problems
    return card, problems


def load_card(path: str | os.PathLike[str], blocked_phrases: Sequence[str] = ()) -> BioCard:
    """Read a card, raising :class:`CardError` (with every problem) if it is invalid."""
    card, problems = validate_card(path, blocked_phrases)
    if card is None:
        if not problems:  # pragma: no cover - defensive
            problems = [Problem(Location(display_path(Path(path)), 1, 1), "unreadable card")]
        raise CardError(problems, Path(path))
    return card


def card_files(directory: str | os.PathLike[str]) -> list[Path]:
    """The *.yaml / *.yml files in a folder, sorted by file name (hidden files skipped)."""
    d = Path(directory)
    if not d.exists():
        raise UserError(f"The folder {display_path(d)} does not exist; check the path.")
    if not d.is_dir():
        raise UserError(
            f"{display_path(d)} is a file, not a folder; give the folder that holds the cards."
        )
    try:
        entries = list(d.iterdir())
    except OSError as exc:
        raise UserError(
            f"Cannot read the folder {display_path(d)} ({exc.strerror or exc}); "
            "check that you have permission to open it."
        ) from exc
    files = [
        p
        for p in entries
        if p.suffix.lower() in (".yaml", ".yml") and not p.name.startswith(".") and p.is_file()
    ]
    return sorted(files, key=lambda p: (p.name.casefold(), p.name))


def load_team(
    directory: str | os.PathLike[str],
) -> tuple[list[BioCard], list[tuple[Path, list[Problem]]]]:
    """Every card in a folder: (valid cards, [(path, problems) for each invalid card]).

    Files are read in name order. A card saying ``consent: false`` counts as
    invalid here, because everything built from a team folder is shared.
    """
    cards: list[BioCard] = []
    invalid: list[tuple[Path, list[Problem]]] = []
    for path in card_files(directory):
        card, problems = validate_card(path, require_consent=True)
        if card is None:
            invalid.append((path, problems))
        else:
            cards.append(card)
    return cards, invalid


def check_card(
    card: BioCard, blocked_phrases: Sequence[str] = (), *, privacy_guard: bool = True
) -> list[str]:
    """Problems with a card built in the app (not read from a file), as sentences.

    With ``privacy_guard=False`` the privacy scan is left out (for a caller that
    runs and reports the guard itself, such as the Biography page).
    """
    out: list[str] = []
    for key in ("name", "role", "biography"):
        if not (getattr(card, key) or "").strip():
            out.append(f"the card has no '{key}'; add {_WHAT[key]}")
    for key, value in card.text_fields():
        out.extend(field_messages(key, value, item=key in LIST_FIELDS))
        if not privacy_guard:
            continue
        for finding in privacy.scan(value, blocked_phrases):
            out.append(privacy_message(key, finding))
    for key in LIST_FIELDS:
        if len(getattr(card, key)) > MAX_LIST_ITEMS:
            out.append(f"'{key}' has too many entries; keep it to {MAX_LIST_ITEMS} or fewer")
    if card.photo is not None:
        message = check_photo(card.photo)
        if message:
            out.append(message)
    return out


# --------------------------------------------------------------------------- writing


class _Dumper(yaml.SafeDumper):
    pass


def _str_representer(dumper: yaml.SafeDumper, data: str) -> yaml.ScalarNode:
    style = "|" if "\n" in data else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", data, style=style)


_Dumper.add_representer(str, _str_representer)

_HEADER = (
    "# IPS Reflect biography card. Clients and colleagues read it, so keep\n"
    "# personal contact details (phone, personal e-mail, address, social media) out.\n"
)


def _photo_text(photo: Path, base_dir: Path | None) -> str:
    if base_dir is not None and photo.is_absolute():
        try:
            rel = os.path.relpath(photo, base_dir.absolute())
        except ValueError:  # different drive on Windows
            return photo.as_posix()
        return Path(rel).as_posix()
    return photo.as_posix()


def dump_card(card: BioCard, base_dir: str | os.PathLike[str] | None = None) -> str:
    """The card as YAML text in the documented key order.

    ``photo`` is written relative to ``base_dir`` (the folder the card will be
    saved in; default: the folder it was read from). ``load`` of the written
    file gives back an equal card.
    """
    base = Path(base_dir) if base_dir is not None else None
    if base is None and card.source_path is not None:
        base = card.source_path.parent
    data: dict[str, Any] = {"format": FORMAT, "version": VERSION}
    for f in fields(card):
        if f.name in ("source_path", "photo_data"):
            continue
        value = getattr(card, f.name)
        if value is None or value == () or value == "":
            continue
        if f.name in LIST_FIELDS:
            value = list(value)
        elif f.name == "photo":
            value = _photo_text(value, base)
        data[f.name] = value
    ordered = {k: data[k] for k in CARD_KEYS if k in data}
    body = yaml.dump(
        ordered,
        Dumper=_Dumper,
        allow_unicode=True,
        sort_keys=False,
        default_flow_style=False,
        width=88,
        indent=2,
    )
    return _HEADER + body


def _write_shared(target: Path, data: bytes) -> None:
    """Write atomically (a temporary file in the same folder, then rename), with
    ordinary permissions: cards and their photos are shared through the team folder."""
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(tmp, 0o666 & ~umask)
        os.replace(tmp, target)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def _photo_beside(card: BioCard, target: Path) -> BioCard:
    """``card`` with its photo inside the card's folder, copying it next to the card
    (``<card name>.jpg`` or ``.png``) when it is elsewhere, so the card is accepted
    wherever it is read. Raises :class:`UserError` when the photo cannot be used."""
    assert card.photo is not None
    folder = target.parent
    try:
        rel: PurePath | None = card.photo.absolute().relative_to(folder.absolute())
    except ValueError:
        rel = None
    if rel is not None and read_card_photo(folder, rel.as_posix())[2] is None:
        return card  # already inside the folder, and readable from there
    if card.photo_data is not None and card.source_path is not None:
        data: bytes | None = card.photo_data
    else:
        data, problem = read_photo_file(card.photo)
        if data is None:
            raise UserError(
                f"The card {display_path(target)} was not written: {problem}.",
            )
    assert data is not None
    suffix = ".png" if data.startswith(b"\x89PNG") else ".jpg"
    dest = target.with_suffix(suffix)
    _write_shared(dest, data)
    return dataclasses.replace(card, photo=dest.absolute(), photo_data=data)


def write_card(card: BioCard, path: str | os.PathLike[str]) -> Path:
    """Write the card atomically (a temporary file in the same folder, then rename).

    A photo outside the card's folder is first copied next to the card (same
    name, ``.jpg`` or ``.png``) and the card names that copy, so a card written
    by the app is always accepted by the booklet.
    """
    target = Path(path)
    if card.photo is not None:
        card = _photo_beside(card, target)
    text = dump_card(card, target.parent)
    _write_shared(target, text.encode("utf-8"))
    return target
