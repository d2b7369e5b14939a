"""Question packs: loading, validation and lookup.

The words people read live in YAML packs under ``content/``. This module turns
them into frozen dataclasses and reports every problem as one line,
``file:line:col: message``, pointing at the offending key or item.

Safety: files are read with PyYAML's SafeLoader at the *node* level
(``yaml.compose``). Values are built here from plain scalars, sequences and
mappings only; any explicit tag such as ``!!python/object`` is reported as an
error and never constructed, so nothing in a pack can run code.

An organisation may add or override items by id from further directories (see
:func:`load_content`). An override item names an existing id and gives only the
keys it changes; a new id must be a complete item.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from ips_reflect.core.concept_packs import read_concepts, read_rules
from ips_reflect.core.concepts import Concept, ConceptRule
from ips_reflect.core.light_rules import (
    SEVERITIES,
    LightRules,
    RawLight,
    build_light,
    merge_light,
    read_light,
)
from ips_reflect.core.regex_safety import backtracking_risk
from ips_reflect.core.sign_model import MODEL_FILE, SignModel, SignModelError
from ips_reflect.core.yamlsafe import (
    ID_RE,
    Location,
    NodeReader,
    Problem,
    closest,
    display_path,
    node_location,
)
from ips_reflect.errors import UserError

__all__ = [
    "ID_RE",
    "Content",
    "ContentError",
    "Item",
    "Location",
    "Pack",
    "Problem",
    "Section",
    "SignPattern",
    "phrase_regex",
]

FORMAT = "ips-reflect/content"
VERSION = 1

WARNING_SIGN_IDS: tuple[str, ...] = (
    "envy",
    "own_benefit",
    "focus_shift",
    "role_confusion",
    "personal_feelings",
    "exclusive_sharing",
    "thinking_outside_work",
    "only_i_understand",
    "exclusive_contact",
    "time_outside_work",
    "ignoring_policy",
    "secrets",
    "contact_details",
)
POSITIVE_REASON_IDS: tuple[str, ...] = (
    "normalising",
    "sharing_learning",
    "coping_ideas",
    "hope",
    "similarity",
    "self_esteem",
    "talking_openly",
    "shared_humanity",
    "relationship",
)
AUDIENCE_IDS: tuple[str, ...] = ("client", "employer", "ips_team", "clinical_team")

ITEM_TYPES: dict[str, str] = {
    "question": "a question the practitioner answers",
    "experience_kind": "one of the kinds of personal experience",
    "practitioner_group": "a group of practitioners",
    "context": "a context or audience for sharing",
    "reason": "a positive reason for sharing",
    "warning_sign": "a warning sign",
    "topic": "a supervision topic",
    "prompt": "a reflection prompt",
    "field": "a biography field",
    "check": "a team lead checklist item",
}
ANSWER_KINDS: dict[str, str] = {
    "text": "free text",
    "yes_no_unsure": "yes / no / unsure",
    "scale": "a 1-5 scale",
    "choice": "one of a set of choices",
    "list": "a list of short entries",
}
TYPES_WITH_ANSWER = {"question", "field", "prompt"}
TYPES_NEEDING_ANSWER = {"question", "field"}

PACK_KEYS = (
    "format",
    "version",
    "pack",
    "title",
    "source",
    "intro",
    "order",
    "sections",
    "light",
    "concepts",
)
#: The pack whose ``light:`` block holds the traffic light's rules.
LIGHT_PACK = "before_sharing"
PACK_REQUIRED = ("format", "version", "pack", "title", "source", "sections")
SECTION_KEYS = ("id", "title", "source", "intro", "items")
SECTION_REQUIRED = ("id", "title", "source", "items")
ITEM_KEYS = (
    "id",
    "type",
    "text",
    "help",
    "source",
    "short",
    "answer",
    "choices",
    "scale",
    "audiences",
    "groups",
    "examples",
    "related",
    "quick",
    "patterns",
    "severity",
    "rules",
)
ITEM_REQUIRED = ("id", "type", "text", "help", "source")
CHOICE_KEYS = ("id", "text")
PATTERN_KEYS = ("phrase", "regex", "exclude", "why")
SCALE_KEYS = ("low", "high")


# --------------------------------------------------------------------------- model


class ContentError(UserError):
    """One or more packs are invalid; ``problems`` has every line."""

    def __init__(self, problems: Sequence[Problem]) -> None:
        self.problems = list(problems)
        n = len(self.problems)
        super().__init__(
            f"The question packs have {n} problem{'s' if n != 1 else ''}; "
            "fix the lines listed and try again.",
            details=[str(p) for p in self.problems],
        )


@dataclass(frozen=True)
class Choice:
    id: str
    text: str


# --------------------------------------------------------------------------- sign patterns

#: Whitespace between two words of a phrase (a match stays within one line).
PHRASE_SPACE = r"[^\S\n]+"
#: ``...`` in a phrase: up to this many words in between.
PHRASE_GAP_WORDS = 4
_GAP = "..."
_ALT_RE = re.compile(r"^[^\s|()*]+\*?$")


def _alternative_regex(alt: str) -> str:
    star = alt.endswith("*")
    core = alt[:-1] if star else alt
    out = []
    for ch in core:
        if ch in "'\u2019":
            out.append("['\u2019]")
        elif ch == "-":
            out.append("[-\\s]?")
        else:
            out.append(re.escape(ch))
    return "".join(out) + (r"\w*" if star else "")


def phrase_tokens(phrase: str) -> list[tuple[str, tuple[str, ...], bool]]:
    """A phrase as (kind, alternatives, optional) tokens; kind is "word" or "gap".

    Raises ValueError with a sentence saying what is wrong.
    """
    tokens: list[tuple[str, tuple[str, ...], bool]] = []
    for raw in phrase.split():
        if raw in (_GAP, "\u2026"):
            if not tokens or tokens[-1][0] == "gap":
                raise ValueError("'...' must come between two words")
            tokens.append(("gap", (), False))
            continue
        optional = raw.startswith("(") or raw.endswith(")")
        if optional:
            if not (raw.startswith("(") and raw.endswith(")")) or len(raw) < 3:
                raise ValueError(f"'{raw}': an optional word is written in brackets, like (own)")
            raw = raw[1:-1]
        alts = tuple(raw.split("|"))
        for alt in alts:
            if not alt or not _ALT_RE.match(alt) or alt == "*":
                raise ValueError(
                    f"'{raw}' is not a word or a list of words like give|gave|given "
                    "(a '*' may only end a word)"
                )
        tokens.append(("word", alts, optional))
    if not tokens:
        raise ValueError("the phrase has no words")
    if tokens[-1][0] == "gap":
        raise ValueError("'...' must come between two words")
    if all(optional for kind, _alts, optional in tokens if kind == "word"):
        raise ValueError("at least one word must not be optional")
    return tokens


def phrase_regex(phrase: str) -> str:
    """The regular expression for a pattern phrase (use with ``re.IGNORECASE``).

    Words match whole words; ``give|gave|given`` is any of those words; ``text*``
    is any word starting with ``text``; ``(own)`` may be left out; ``...`` stands for
    up to four words in between. Spaces match any run of spaces and tabs.
    Raises ValueError if the phrase cannot be read.
    """
    tokens = phrase_tokens(phrase)
    word = "[\\w'\u2019-]+"
    parts: list[str] = []
    at_start = True  # nothing required emitted yet: the next word needs no space before it
    for kind, alts, optional in tokens:
        if kind == "gap":
            parts.append(f"(?:{PHRASE_SPACE}{word}){{0,{PHRASE_GAP_WORDS}}}?")
            continue
        body = "(?:" + "|".join(_alternative_regex(a) for a in alts) + ")"
        if at_start:
            parts.append(f"(?:{body}{PHRASE_SPACE})?" if optional else body)
            at_start = optional
        else:
            parts.append(f"(?:{PHRASE_SPACE}{body})?" if optional else PHRASE_SPACE + body)
    return "(?<![\\w'\u2019-])" + "".join(parts) + "(?![\\w'\u2019])"


@dataclass(frozen=True)
class SignPattern:
    """Words that suggest a warning sign: a ``phrase`` or a ``regex`` (one of the two),
    with ``exclude`` regexes that cancel a match in the same sentence, and ``why``."""

    phrase: str | None = None
    regex: str | None = None
    exclude: tuple[str, ...] = ()
    why: str | None = None
    location: Location | None = field(default=None, compare=False)

    @property
    def source(self) -> str:
        """The regular expression this pattern searches with (case is ignored)."""
        if self.regex is not None:
            return self.regex
        return phrase_regex(self.phrase or "")

    @property
    def label(self) -> str:
        return self.phrase if self.phrase is not None else (self.regex or "")


@dataclass(frozen=True)
class Item:
    id: str
    type: str
    text: str
    help: str
    source: str
    pack: str
    section: str
    short: str | None = None
    answer: str | None = None
    choices: tuple[Choice, ...] = ()
    scale_low: str | None = None
    scale_high: str | None = None
    audiences: tuple[str, ...] = ()
    groups: tuple[str, ...] = ()
    examples: tuple[str, ...] = ()
    related: tuple[str, ...] = ()
    quick: bool = False
    patterns: tuple[SignPattern, ...] = ()
    rules: tuple[ConceptRule, ...] = ()
    severity: str | None = None
    location: Location | None = field(default=None, compare=False)

    @property
    def label(self) -> str:
        """Short label for lists and charts; falls back to the full text."""
        return self.short or self.text

    def applies_to(self, audience: str | None = None, group: str | None = None) -> bool:
        """True when the item is meant for this audience and practitioner group.

        An item with no ``audiences`` (or ``groups``) applies to all of them.
        """
        if audience and self.audiences and audience not in self.audiences:
            return False
        return not (group and self.groups and group not in self.groups)

    def search_text(self) -> str:
        parts = [self.text, self.short or "", self.help, self.source, *self.examples]
        parts += [c.text for c in self.choices]
        return " ".join(parts).casefold()


@dataclass(frozen=True)
class Section:
    id: str
    title: str
    source: str
    pack: str
    items: tuple[Item, ...]
    intro: str | None = None
    location: Location | None = field(default=None, compare=False)


@dataclass(frozen=True)
class Pack:
    id: str
    title: str
    source: str
    sections: tuple[Section, ...]
    intro: str | None = None
    order: int = 100
    location: Location | None = field(default=None, compare=False)
    light: LightRules | None = None
    concepts: tuple[Concept, ...] = ()

    @property
    def items(self) -> tuple[Item, ...]:
        return tuple(i for s in self.sections for i in s.items)


class Content:
    """All packs, in reading order, with lookups by id."""

    def __init__(
        self, packs: Iterable[Pack], dirs: Sequence[Path] = (), sign_model: SignModel | None = None
    ) -> None:
        self.packs: tuple[Pack, ...] = tuple(sorted(packs, key=lambda p: (p.order, p.id)))
        self.dirs = tuple(dirs)
        #: Learned word weights for the warning signs (None: the rules alone decide).
        self.sign_model = sign_model
        self._items: dict[str, Item] = {}
        self._sections: dict[str, Section] = {}
        for p in self.packs:
            for s in p.sections:
                self._sections[s.id] = s
                for i in s.items:
                    self._items[i.id] = i

    def __len__(self) -> int:
        return len(self._items)

    def __iter__(self) -> Iterator[Item]:
        return iter(self._items.values())

    def __contains__(self, item_id: object) -> bool:
        return item_id in self._items

    def item(self, item_id: str) -> Item:
        return self._items[item_id]

    def get(self, item_id: str) -> Item | None:
        return self._items.get(item_id)

    def pack(self, pack_id: str) -> Pack:
        for p in self.packs:
            if p.id == pack_id:
                return p
        raise KeyError(pack_id)

    def section(self, section_id: str) -> Section:
        return self._sections[section_id]

    def items(self, type: str | None = None, pack: str | None = None) -> list[Item]:
        return [
            i
            for i in self._items.values()
            if (type is None or i.type == type) and (pack is None or i.pack == pack)
        ]

    @property
    def concepts(self) -> dict[str, Concept]:
        """Every pack's concept vocabularies by id (for the warning signs' rules)."""
        return {c.id: c for p in self.packs for c in p.concepts}

    @property
    def warning_signs(self) -> list[Item]:
        return self.items(type="warning_sign")

    @property
    def positive_reasons(self) -> list[Item]:
        return self.items(type="reason")

    @property
    def audiences(self) -> list[Item]:
        return self.items(type="context")

    @property
    def light_rules(self) -> LightRules:
        """The traffic light's rules (the before-sharing pack's ``light:`` block)."""
        for p in self.packs:
            if p.id == LIGHT_PACK and p.light is not None:
                return p.light
        return LightRules()

    def search(self, query: str) -> list[Item]:
        """Items whose text, help, source or examples contain every word of ``query``."""
        words = query.casefold().split()
        if not words:
            return list(self._items.values())
        return [i for i in self._items.values() if all(w in i.search_text() for w in words)]

    def summary(self) -> str:
        n_packs = len(self.packs)
        return (
            f"{len(self)} items in {n_packs} pack{'s' if n_packs != 1 else ''} "
            f"({len(self.warning_signs)} warning signs, "
            f"{len(self.positive_reasons)} positive reasons)"
        )


# --------------------------------------------------------------------------- parsing


@dataclass
class _RawItem:
    id: str
    values: dict[str, Any]
    keylocs: dict[str, Location]
    location: Location
    pack: str
    section: str


@dataclass
class _RawSection:
    id: str
    values: dict[str, Any]
    location: Location
    items: list[_RawItem]


@dataclass
class _RawPack:
    id: str
    values: dict[str, Any]
    location: Location
    sections: list[_RawSection]
    path: str


def _whole_number(node: yaml.Node) -> int | None:
    """The value of a YAML integer (``7``, ``0x7``, ``0b111``, ``1_000``, ``1:30``), or
    None when the node is not one or is too long to be a sensible number."""
    if not (isinstance(node, yaml.ScalarNode) and node.tag.endswith(":int")):
        return None
    if len(node.value) > 30:
        return None
    try:
        return int(yaml.constructor.SafeConstructor().construct_yaml_int(node))
    except ValueError:
        return None


class _Reader(NodeReader):
    """Reads one pack file into raw records, collecting problems.

    An override file (``base=False``) may leave out a pack's title and source;
    whether each item is complete is decided after merging.
    """

    def __init__(self, path: Path, problems: list[Problem], *, base: bool = True) -> None:
        super().__init__(path, problems)
        self.base = base

    # -- file structure

    def read(self) -> _RawPack | None:
        root = self.compose()
        return None if root is None else self.pack(root)

    def pack(self, root: yaml.Node) -> _RawPack | None:
        m = self.mapping(root, "a question pack")
        if m is None:
            return None
        self.unknown_keys(m, PACK_KEYS, "the pack")
        required = PACK_REQUIRED if self.base else ("format", "version", "pack")
        if not self.base and "sections" not in m and "light" not in m:
            self.problem(root, "the pack has no 'sections' (or 'light'); add what it changes")
        for key in required:
            if key not in m:
                self.problem(root, f"the pack has no '{key}'; add '{key}:' at the top level")
        values: dict[str, Any] = {}
        if "format" in m:
            node = m["format"][1]
            fmt = self.text(node, "format")
            if fmt is not None and fmt != FORMAT:
                self.problem(node, f"format must be '{FORMAT}', found '{fmt}'")
        if "version" in m:
            node = m["version"][1]
            version = _whole_number(node)
            if version is None:
                self.problem(node, f"version must be the number {VERSION}")
            elif version != VERSION:
                self.problem(
                    node,
                    f"version {node.value} is not supported; this app reads version {VERSION}",
                )
        pack_id = self.ident(m["pack"][1], "pack") if "pack" in m else None
        for key in ("title", "source", "intro"):
            if key in m:
                values[key] = self.text(m[key][1], key)
        if "order" in m:
            node = m["order"][1]
            order = _whole_number(node)
            if order is not None:
                values["order"] = order
            else:
                self.problem(node, "order must be a whole number (packs are shown low to high)")
        if "light" in m:
            if pack_id is not None and pack_id != LIGHT_PACK:
                self.problem(m["light"][0], f"only the '{LIGHT_PACK}' pack has a 'light' block")
            else:
                values["light"] = read_light(self, m["light"][1])
        if "concepts" in m:  # vocabularies the warning signs' rules combine (core/concepts.py)
            values["concepts"] = read_concepts(self, m["concepts"][1])
        sections: list[_RawSection] = []
        if "sections" in m:
            node = m["sections"][1]
            if not isinstance(node, yaml.SequenceNode) or not node.value:
                self.problem(node, "'sections' must be a list with at least one section")
            else:
                for snode in node.value:
                    s = self.section(snode, pack_id or "?")
                    if s is not None:
                        sections.append(s)
        if pack_id is None:
            return None
        return _RawPack(pack_id, values, node_location(self.path, root), sections, self.path)

    def section(self, node: yaml.Node, pack_id: str) -> _RawSection | None:
        m = self.mapping(node, "a section")
        if m is None:
            return None
        self.unknown_keys(m, SECTION_KEYS, "a section")
        if "id" not in m:
            self.problem(node, "this section has no 'id'; add 'id: <pack>.<name>'")
            return None
        sid = self.ident(m["id"][1], "section id")
        if sid is None:
            return None
        values: dict[str, Any] = {}
        for key in ("title", "source", "intro"):
            if key in m:
                values[key] = self.text(m[key][1], key)
        items: list[_RawItem] = []
        if "items" in m:
            inode = m["items"][1]
            if not isinstance(inode, yaml.SequenceNode) or not inode.value:
                self.problem(inode, "'items' must be a list with at least one item")
            else:
                for item_node in inode.value:
                    it = self.item(item_node, pack_id, sid)
                    if it is not None:
                        items.append(it)
        values["_keys"] = set(m)
        return _RawSection(sid, values, node_location(self.path, node), items)

    def item(self, node: yaml.Node, pack_id: str, section_id: str) -> _RawItem | None:
        m = self.mapping(node, "an item")
        if m is None:
            return None
        self.unknown_keys(m, ITEM_KEYS, "an item")
        if "id" not in m:
            self.problem(node, "this item has no 'id'; every item needs a stable, unique id")
            return None
        item_id = self.ident(m["id"][1], "id")
        if item_id is None:
            return None
        values: dict[str, Any] = {}
        keylocs: dict[str, Location] = {}
        for key, (knode, vnode) in m.items():
            if key not in ITEM_KEYS or key == "id":
                continue
            keylocs[key] = node_location(self.path, knode)
            value = self.item_value(key, vnode)
            if value is not None:
                values[key] = value
        location = node_location(self.path, node)
        return _RawItem(item_id, values, keylocs, location, pack_id, section_id)

    def item_value(self, key: str, node: yaml.Node) -> Any:
        if key == "type":
            value = self.text(node, key)
            if value is not None and value not in ITEM_TYPES:
                self.problem(
                    node,
                    f"unknown type '{value}'; use one of: {', '.join(ITEM_TYPES)}",
                )
                return None
            return value
        if key == "answer":
            value = self.text(node, key)
            if value is not None and value not in ANSWER_KINDS:
                self.problem(
                    node,
                    f"unknown answer kind '{value}'; use one of: {', '.join(ANSWER_KINDS)}",
                )
                return None
            return value
        if key in ("text", "help", "source", "short"):
            return self.text(node, key)
        if key in ("audiences", "groups", "related"):
            if not isinstance(node, yaml.SequenceNode) or not node.value:
                self.text_list(node, key, ids=True)  # records why it is unusable
                return None
            refs = [(n, self.ident(n, key)) for n in node.value]
            return [(v, node_location(self.path, n)) for n, v in refs if v is not None]
        if key == "examples":
            return self.text_list(node, key)
        if key == "quick":
            if isinstance(node, yaml.ScalarNode) and node.tag.endswith(":bool"):
                return node.value.lower() in ("true", "yes", "on")
            self.problem(node, "quick must be true or false")
            return None
        if key == "choices":
            return self.choices(node)
        if key == "scale":
            return self.scale(node)
        if key == "patterns":
            return self.patterns(node)
        if key == "rules":
            return read_rules(self, node, self.regex_text)
        if key == "severity":
            value = self.text(node, key)
            if value is not None and value not in SEVERITIES:
                self.problem(node, f"severity must be one of: {', '.join(SEVERITIES)}")
                return None
            return value
        return None  # pragma: no cover - keys are checked before

    def choices(self, node: yaml.Node) -> list[Choice] | None:
        if not isinstance(node, yaml.SequenceNode) or len(node.value) < 2:
            self.problem(node, "'choices' must be a list of at least two choices")
            return None
        out: list[Choice] = []
        seen: set[str] = set()
        for cnode in node.value:
            m = self.mapping(cnode, "a choice")
            if m is None:
                continue
            self.unknown_keys(m, CHOICE_KEYS, "a choice")
            if "id" not in m or "text" not in m:
                self.problem(cnode, "each choice needs an 'id' and a 'text'")
                continue
            cid = self.ident(m["id"][1], "choice id")
            text = self.text(m["text"][1], "text")
            if cid is None or text is None:
                continue
            if cid in seen:
                self.problem(m["id"][1], f"the choice id '{cid}' is used twice in this item")
                continue
            seen.add(cid)
            out.append(Choice(cid, text))
        return out

    def patterns(self, node: yaml.Node) -> list[SignPattern] | None:
        if not isinstance(node, yaml.SequenceNode) or not node.value:
            self.problem(
                node,
                "'patterns' must be a list of patterns, each '- phrase: ...' or '- regex: ...'",
            )
            return None
        out: list[SignPattern] = []
        for pnode in node.value:
            pattern = self.pattern(pnode)
            if pattern is not None:
                out.append(pattern)
        return out

    def regex_text(self, node: yaml.Node, key: str) -> str | None:
        """A regular expression, compiled here so a mistake is reported at its line."""
        value = self.text(node, key)
        if value is None:
            return None
        try:
            compiled = re.compile(value, re.IGNORECASE)
        except re.error as exc:
            self.problem(node, f"the regex '{value}' is not valid ({exc})")
            return None
        except (RecursionError, OverflowError, ValueError) as exc:  # pragma: no cover
            self.problem(node, f"the regex '{value}' is not valid ({exc})")
            return None
        if compiled.search("") is not None:
            self.problem(
                node,
                f"the regex '{value}' matches empty text, so it would match everywhere; "
                "make it need at least one word",
            )
            return None
        risk = backtracking_risk(value, re.IGNORECASE)
        if risk is not None:
            self.problem(node, f"the regex '{value}' is refused: {risk.reason}; {risk.fix}")
            return None
        return value

    def pattern(self, node: yaml.Node) -> SignPattern | None:
        m = self.mapping(node, "a pattern")
        if m is None:
            return None
        self.unknown_keys(m, PATTERN_KEYS, "a pattern")
        has_phrase, has_regex = "phrase" in m, "regex" in m
        if has_phrase == has_regex:
            self.problem(
                node,
                "a pattern needs exactly one of 'phrase' (plain words) or 'regex' "
                f"({'both are given' if has_phrase else 'neither is given'})",
            )
            return None
        phrase = regex = why = None
        ok = True
        if has_phrase:
            pnode = m["phrase"][1]
            phrase = self.text(pnode, "phrase")
            if phrase is None:
                ok = False
            else:
                try:
                    re.compile(phrase_regex(phrase), re.IGNORECASE)
                except ValueError as exc:  # re.error is a ValueError too
                    self.problem(pnode, f"the phrase '{phrase}' cannot be read: {exc}")
                    ok = False
        else:
            regex = self.regex_text(m["regex"][1], "regex")
            ok = regex is not None
        excludes: list[str] = []
        if "exclude" in m:
            enode = m["exclude"][1]
            if not isinstance(enode, yaml.SequenceNode) or not enode.value:
                self.problem(enode, "'exclude' must be a list of regexes ('- ' lines)")
                ok = False
            else:
                for child in enode.value:
                    value = self.regex_text(child, "exclude")
                    if value is None:
                        ok = False
                    else:
                        excludes.append(value)
        if "why" in m:
            why = self.text(m["why"][1], "why")
        if not ok:
            return None
        return SignPattern(
            phrase=phrase,
            regex=regex,
            exclude=tuple(excludes),
            why=why,
            location=node_location(self.path, node),
        )

    def scale(self, node: yaml.Node) -> dict[str, str] | None:
        m = self.mapping(node, "a scale")
        if m is None:
            return None
        self.unknown_keys(m, SCALE_KEYS, "a scale")
        out: dict[str, str] = {}
        for key in SCALE_KEYS:
            if key in m:
                value = self.text(m[key][1], key)
                if value is not None:
                    out[key] = value
        return out


# --------------------------------------------------------------------------- merging


class _Builder:
    """Merges raw packs from one or more directories and checks the whole set."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = problems
        self.packs: dict[str, _RawPack] = {}
        self.pack_order: list[str] = []
        self.items: dict[str, _RawItem] = {}
        self.item_section: dict[str, tuple[str, str]] = {}
        self.section_owner: dict[str, str] = {}

    def add_dir(self, packs: list[_RawPack], *, base: bool) -> None:
        for rp in packs:
            existing = self.packs.get(rp.id)
            if existing is not None and base:
                self.problems.append(
                    Problem(
                        rp.location,
                        f"the pack id '{rp.id}' is already used by {existing.path}; "
                        "give each pack its own id",
                    )
                )
                continue
            if existing is None:
                self.packs[rp.id] = _RawPack(rp.id, dict(rp.values), rp.location, [], rp.path)
                self.pack_order.append(rp.id)
            else:
                for k, v in rp.values.items():
                    if k == "light" and v is not None:
                        existing.values[k] = merge_light(existing.values.get(k), v)
                    elif k == "concepts" and v is not None:  # an override replaces by id
                        existing.values[k] = {**(existing.values.get(k) or {}), **v}
                    elif v is not None:
                        existing.values[k] = v
            self._add_sections(self.packs[rp.id], rp.sections, base=base)

    def _add_sections(self, pack: _RawPack, sections: list[_RawSection], *, base: bool) -> None:
        for rs in sections:
            owner = self.section_owner.get(rs.id)
            target = next((s for s in pack.sections if s.id == rs.id), None)
            if owner is not None and (base or owner != pack.id):
                self.problems.append(
                    Problem(
                        rs.location,
                        f"the section id '{rs.id}' is already used in pack '{owner}'; "
                        "section ids must be unique",
                    )
                )
                continue
            if target is None:
                target = _RawSection(rs.id, dict(rs.values), rs.location, [])
                pack.sections.append(target)
                self.section_owner[rs.id] = pack.id
            else:
                for k, v in rs.values.items():
                    if k != "_keys" and v is not None:
                        target.values[k] = v
            for ri in rs.items:
                self._add_item(pack, target, ri, base=base)

    def _add_item(self, pack: _RawPack, section: _RawSection, ri: _RawItem, *, base: bool) -> None:
        existing = self.items.get(ri.id)
        if existing is not None:
            if base:
                self.problems.append(
                    Problem(
                        ri.location,
                        f"the id '{ri.id}' is already used at {existing.location}; "
                        "every item needs its own id",
                    )
                )
                return
            new_type = ri.values.get("type")
            if new_type is not None and new_type != existing.values.get("type"):
                self.problems.append(
                    Problem(
                        ri.keylocs["type"],
                        f"an override cannot change the type of '{ri.id}' "
                        f"(it is a {existing.values.get('type')}); use a new id instead",
                    )
                )
                return
            existing.values.update(ri.values)
            existing.keylocs.update(ri.keylocs)
            return
        ri.pack, ri.section = pack.id, section.id
        self.items[ri.id] = ri
        section.items.append(ri)

    def build(self) -> list[Pack]:
        for rp in self.packs.values():
            for key in ("title", "source"):
                if not rp.values.get(key):
                    self.problems.append(Problem(rp.location, f"the pack has no '{key}'"))
            for rs in rp.sections:
                for key in ("title", "source"):
                    if not rs.values.get(key):
                        self.problems.append(
                            Problem(rs.location, f"the section '{rs.id}' has no '{key}'; add one")
                        )
                for ri in rs.items:
                    self._check_item(ri)
        self._check_references()
        self._check_concepts()
        self._check_required_ids()
        return [self._pack(rp) for rp in self.packs.values()]

    def _check_item(self, ri: _RawItem) -> None:
        v = ri.values
        missing = [k for k in ITEM_REQUIRED if k != "id" and k not in v and k not in ri.keylocs]
        for key in missing:
            self.problems.append(
                Problem(ri.location, f"the item '{ri.id}' has no '{key}'; add '{key}:'")
            )
        item_type = v.get("type")
        answer = v.get("answer")
        if item_type in TYPES_NEEDING_ANSWER and "answer" not in ri.keylocs:
            self.problems.append(
                Problem(
                    ri.location,
                    f"the {item_type} '{ri.id}' has no 'answer'; "
                    f"add one of: {', '.join(ANSWER_KINDS)}",
                )
            )
        if answer is not None and item_type is not None and item_type not in TYPES_WITH_ANSWER:
            self.problems.append(
                Problem(
                    ri.keylocs["answer"],
                    f"a {item_type} takes no 'answer'; remove it (only questions, "
                    "fields and prompts are answered)",
                )
            )
        if answer == "choice" and not v.get("choices") and "choices" not in ri.keylocs:
            self.problems.append(
                Problem(
                    ri.keylocs.get("answer", ri.location),
                    f"'{ri.id}' is answered by a choice but lists no 'choices'; add them",
                )
            )
        if "choices" in ri.keylocs and answer != "choice":
            self.problems.append(
                Problem(ri.keylocs["choices"], "'choices' only go with 'answer: choice'")
            )
        if "scale" in ri.keylocs and answer != "scale":
            self.problems.append(
                Problem(ri.keylocs["scale"], "'scale' only goes with 'answer: scale'")
            )
        if v.get("quick") and item_type != "question":
            self.problems.append(
                Problem(ri.keylocs["quick"], "only questions can be marked 'quick'")
            )
        if "severity" in ri.keylocs and item_type is not None and item_type != "warning_sign":
            self.problems.append(
                Problem(ri.keylocs["severity"], "only warning signs have a 'severity'")
            )
        if "rules" in ri.keylocs and item_type is not None and item_type != "warning_sign":
            self.problems.append(Problem(ri.keylocs["rules"], "only warning signs have 'rules'"))
        if "patterns" in ri.keylocs and item_type is not None and item_type != "warning_sign":
            self.problems.append(
                Problem(
                    ri.keylocs["patterns"],
                    f"only warning signs have 'patterns' ('{ri.id}' is a {item_type}); remove them",
                )
            )

    def _check_concepts(self) -> None:
        """Every concept a rule names is defined in some pack's ``concepts:``."""
        known = {c for rp in self.packs.values() for c in rp.values.get("concepts") or {}}
        for ri in self.items.values():
            for rule in ri.values.get("rules") or ():
                for cid, loc in rule.refs:
                    if cid not in known:
                        hint = closest(cid, sorted(known))
                        extra = f"; did you mean '{hint}'?" if hint else ""
                        self.problems.append(
                            Problem(loc, f"'{cid}' is not a concept in any pack's concepts{extra}")
                        )

    def _check_references(self) -> None:
        contexts = {i for i, r in self.items.items() if r.values.get("type") == "context"}
        groups = {i for i, r in self.items.items() if r.values.get("type") == "practitioner_group"}
        for ri in self.items.values():
            for key, allowed, what in (
                ("audiences", contexts, "a context (audience)"),
                ("groups", groups, "a practitioner group"),
                ("related", set(self.items), "an item"),
            ):
                for ref, loc in ri.values.get(key) or []:
                    if ref not in allowed:
                        hint = closest(ref, sorted(allowed))
                        extra = f"; did you mean '{hint}'?" if hint else ""
                        self.problems.append(
                            Problem(loc, f"'{ref}' in {key} is not the id of {what}{extra}")
                        )
                    elif key == "related" and ref == ri.id:
                        self.problems.append(Problem(loc, "an item cannot be related to itself"))

    def _check_required_ids(self) -> None:
        if not self.packs:
            return
        first = next(iter(self.packs.values())).location
        for ids, type_, what in (
            (WARNING_SIGN_IDS, "warning_sign", "warning sign"),
            (POSITIVE_REASON_IDS, "reason", "positive reason"),
            (AUDIENCE_IDS, "context", "context"),
        ):
            for rid in ids:
                ri = self.items.get(rid)
                if ri is None:
                    self.problems.append(
                        Problem(
                            Location(first.file, 1, 1),
                            f"the {what} '{rid}' is missing; the app needs every one of: "
                            f"{', '.join(ids)}",
                        )
                    )
                elif ri.values.get("type") != type_:
                    self.problems.append(Problem(ri.location, f"'{rid}' must have 'type: {type_}'"))

    def _pack(self, rp: _RawPack) -> Pack:
        sections = []
        for rs in rp.sections:
            items = tuple(self._item(ri) for ri in rs.items)
            sections.append(
                Section(
                    id=rs.id,
                    title=rs.values.get("title") or rs.id,
                    source=rs.values.get("source") or "",
                    intro=rs.values.get("intro"),
                    pack=rp.id,
                    items=items,
                    location=rs.location,
                )
            )
        light = rp.values.get("light")
        return Pack(
            light=self._light(light) if isinstance(light, RawLight) else None,
            id=rp.id,
            title=rp.values.get("title") or rp.id,
            source=rp.values.get("source") or "",
            intro=rp.values.get("intro"),
            order=rp.values.get("order", 100),
            sections=tuple(sections),
            location=rp.location,
            concepts=tuple((rp.values.get("concepts") or {}).values()),
        )

    def _light(self, raw: RawLight) -> LightRules:
        questions = {
            i: r.values.get("answer")
            for i, r in self.items.items()
            if r.values.get("type") == "question"
        }
        contexts = {i for i, r in self.items.items() if r.values.get("type") == "context"}
        rules, problems = build_light(raw, questions, contexts)
        self.problems.extend(problems)
        return rules

    @staticmethod
    def _item(ri: _RawItem) -> Item:
        v = ri.values
        scale = v.get("scale") or {}
        return Item(
            id=ri.id,
            type=v.get("type", "question"),
            text=v.get("text", ""),
            help=v.get("help", ""),
            source=v.get("source", ""),
            pack=ri.pack,
            section=ri.section,
            short=v.get("short"),
            answer=v.get("answer"),
            choices=tuple(v.get("choices") or ()),
            scale_low=scale.get("low"),
            scale_high=scale.get("high"),
            audiences=tuple(r for r, _ in v.get("audiences") or ()),
            groups=tuple(r for r, _ in v.get("groups") or ()),
            examples=tuple(v.get("examples") or ()),
            related=tuple(r for r, _ in v.get("related") or ()),
            quick=bool(v.get("quick", False)),
            patterns=tuple(v.get("patterns") or ()),
            rules=tuple(v.get("rules") or ()),
            severity=v.get("severity"),
            location=ri.location,
        )


# --------------------------------------------------------------------------- API


def pack_files(directory: Path) -> list[Path]:
    """The pack files of a directory, in a stable order."""
    return sorted(p for p in directory.iterdir() if p.suffix in (".yaml", ".yml") and p.is_file())


def check_content(
    base: Path, overrides: Sequence[Path] = ()
) -> tuple[Content | None, list[Problem]]:
    """Validate ``base`` plus any override directories.

    Returns the merged content when there are no problems, and the problems.
    Missing override directories are skipped; a missing base is a problem.
    """
    problems: list[Problem] = []
    builder = _Builder(problems)
    dirs: list[Path] = []
    for index, directory in enumerate([base, *overrides]):
        is_base = index == 0
        if not directory.is_dir():
            if is_base:
                problems.append(
                    Problem(
                        Location(display_path(directory), 1, 1),
                        "this folder does not exist; give the folder that holds the "
                        "question packs (.yaml files)",
                    )
                )
                return None, problems
            continue
        files = pack_files(directory)
        if is_base and not files:
            problems.append(
                Problem(
                    Location(display_path(directory), 1, 1),
                    "no question packs (.yaml files) in this folder",
                )
            )
            return None, problems
        readers = [_Reader(f, problems, base=is_base) for f in files]
        raw = [rp for r in readers if (rp := r.read()) is not None]
        builder.add_dir(raw, base=is_base)
        dirs.append(directory)
    packs = builder.build()
    model = _sign_model(dirs, packs, problems)
    if problems:
        problems.sort(key=lambda p: (p.location.file, p.location.line, p.location.col))
        return None, problems
    return Content(packs, dirs, model), []


def _sign_model(
    dirs: Sequence[Path], packs: Iterable[Pack], problems: list[Problem]
) -> SignModel | None:
    """The last folder's ``sign_model.json`` (an override replaces the shipped one)."""
    path = next((d / MODEL_FILE for d in reversed(dirs) if (d / MODEL_FILE).exists()), None)
    if path is None:
        return None
    try:
        model = SignModel.from_file(path)
    except SignModelError as exc:
        problems.append(Problem(Location(display_path(path), exc.line, exc.col), exc.message))
        return None
    known = {i.id for p in packs for s in p.sections for i in s.items if i.type == "warning_sign"}
    unknown = [s for s in model.signs if s not in known]
    if unknown:
        problems.append(
            Problem(
                Location(display_path(path), 1, 1),
                f"the sign model has weights for '{unknown[0]}', which no pack defines as a "
                "warning sign; train it again with tools/train_sign_model.py",
            )
        )
        return None
    return model


def load_content(base: Path | None = None, overrides: Sequence[Path] = ()) -> Content:
    """Load and validate the packs; raise :class:`ContentError` with every problem."""
    if base is None:
        from ips_reflect.paths import content_dir

        base = content_dir()
    content, problems = check_content(base, overrides)
    if content is None:
        raise ContentError(problems)
    return content
