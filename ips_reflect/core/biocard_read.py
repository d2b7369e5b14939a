"""Reading biography cards from files: :func:`read_card`, :func:`validate_card`,
:func:`load_card`, :func:`read_team` and :func:`load_team` (strict, every problem at
its ``file:line:col``, never reaching outside the card's folder), and
:func:`card_photo_bytes` (the photo as checked).
"""

from __future__ import annotations

import datetime as dt
import os
import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from ips_reflect.core import privacy
from ips_reflect.core.biocard_model import (
    _WHAT,
    CARD_KEYS,
    CARD_MAX_BYTES,
    FORMAT,
    LIST_FIELDS,
    MAX_LIST_ITEMS,
    REQUIRED,
    TEXT_FIELDS,
    VERSION,
    BioCard,
    CardError,
    field_messages,
    privacy_message,
)
from ips_reflect.core.biophoto import missing_photo_warning, read_card_photo, read_photo_file
from ips_reflect.core.yamlsafe import (
    Location,
    NodeReader,
    Problem,
    describe,
    display_path,
    excerpt,
    node_location,
)
from ips_reflect.errors import UserError


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

    def __init__(self, path: Path, problems: list[Problem], photo_optional: bool = False) -> None:
        super().__init__(path, problems)
        self.photo_data: bytes | None = None
        self.photo_optional = photo_optional
        self.name: str | None = None  # the person's name, once read (even on a bad card)

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
                if key == "name" and value and "\n" not in value:
                    self.name = excerpt(value, 80)
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

        errors = [p for p in self.problems[before:] if not p.warning]
        if errors or any(k not in values for k in REQUIRED[2:]):
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
            warning = missing_photo_warning(value, message) if self.photo_optional else None
            if warning:
                self.problems.append(Problem(node_location(self.path, node), warning, warning=True))
            else:
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


@dataclass(frozen=True)
class TeamCard:
    """One card file of a team folder: the card when it can go in the booklet, and what
    was found in the file (errors, and warnings such as a missing photo), in line order."""

    path: Path
    card: BioCard | None
    problems: tuple[Problem, ...] = ()
    name: str | None = None  # the person's name when the file gives one, even if invalid

    @property
    def valid(self) -> bool:
        return self.card is not None

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if not p.warning]

    @property
    def warnings(self) -> list[Problem]:
        return [p for p in self.problems if p.warning]


def read_card(
    path: str | os.PathLike[str],
    blocked_phrases: Sequence[str] = (),
    *,
    require_consent: bool = False,
    photo_optional: bool = False,
) -> TeamCard:
    """Read and check a card; the card is None whenever there is an error.

    ``blocked_phrases`` are words from the practitioner's own sharing plan that
    must not appear. With ``require_consent`` a card saying ``consent: false``
    is a problem (used when building anything that is shared). With
    ``photo_optional`` a photo that is not found is only a warning: the card is
    read without it (a booklet shows the person's initials).
    """
    problems: list[Problem] = []
    p = Path(path)
    reader = _CardReader(p, problems, photo_optional)
    try:
        card = reader.read(blocked_phrases, require_consent)
    except RecursionError:
        problems.append(Problem(Location(display_path(p), 1, 1), "the file is nested too deeply"))
        card = None
    problems.sort(key=lambda q: (q.location.line, q.location.col))
    if any(not q.warning for q in problems):
        card = None
    return TeamCard(p, card, tuple(problems), reader.name)


def validate_card(
    path: str | os.PathLike[str],
    blocked_phrases: Sequence[str] = (),
    *,
    require_consent: bool = False,
) -> tuple[BioCard | None, list[Problem]]:
    """Read and check a card; the card is None whenever there is any problem (see
    :func:`read_card`)."""
    read = read_card(path, blocked_phrases, require_consent=require_consent)
    return read.card, list(read.problems)


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


def read_team(directory: str | os.PathLike[str]) -> list[TeamCard]:
    """Every card file in a folder, in file name order, read for a shared booklet.

    A card saying ``consent: false`` has an error here, because everything built
    from a team folder is shared; a photo that is not found is only a warning.
    """
    return [
        read_card(path, require_consent=True, photo_optional=True) for path in card_files(directory)
    ]


def load_team(
    directory: str | os.PathLike[str],
) -> tuple[list[BioCard], list[tuple[Path, list[Problem]]]]:
    """Every card in a folder: (valid cards, [(path, problems) for each invalid card]),
    as :func:`read_team` reads them (warnings are not listed here)."""
    cards: list[BioCard] = []
    invalid: list[tuple[Path, list[Problem]]] = []
    for read in read_team(directory):
        if read.card is None:
            invalid.append((read.path, list(read.problems)))
        else:
            cards.append(read.card)
    return cards, invalid
