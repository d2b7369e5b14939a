"""Reading one question pack file: the pack format's keys and kinds, and
:class:`_Reader`, which turns a YAML file (read at the node level, no tags
constructed) into raw records, reporting each problem at its ``file:line:col``.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar

import yaml

from ips_reflect.core.concept_packs import read_concepts, read_rules
from ips_reflect.core.content_model import LIGHT_PACK, Choice, SignPattern
from ips_reflect.core.content_phrases import phrase_regex
from ips_reflect.core.light_rules import SEVERITIES, read_light
from ips_reflect.core.regex_safety import backtracking_risk
from ips_reflect.core.yamlsafe import Location, NodeReader, Problem, node_location

FORMAT = "ips-reflect/content"
VERSION = 1

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


_T = TypeVar("_T")


class _Reader(NodeReader):
    """Reads one pack file into raw records, collecting problems.

    An override file (``base=False``) may leave out a pack's title and source;
    whether each item is complete is decided after merging.
    """

    def __init__(self, path: Path, problems: list[Problem], *, base: bool = True) -> None:
        super().__init__(path, problems)
        self.base = base

    def read_list(
        self,
        m: dict[str, tuple[yaml.Node, yaml.Node]],
        key: str,
        what: str,
        read: Callable[[yaml.Node], _T | None],
    ) -> list[_T]:
        """What ``read`` makes of each entry of the list under ``key`` (none without
        one); the list must hold at least one ``what``."""
        out: list[_T] = []
        if key in m:
            node = m[key][1]
            if not isinstance(node, yaml.SequenceNode) or not node.value:
                self.problem(node, f"'{key}' must be a list with at least one {what}")
            else:
                for child in node.value:
                    made = read(child)
                    if made is not None:
                        out.append(made)
        return out

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
        sections = self.read_list(
            m, "sections", "section", lambda n: self.section(n, pack_id or "?")
        )
        if pack_id is None:
            return None
        return _RawPack(pack_id, values, node_location(self.path, root), sections, self.path)

    def section(self, node: yaml.Node, pack_id: str) -> _RawSection | None:
        found = self.identified(
            node,
            "a section",
            SECTION_KEYS,
            "this section has no 'id'; add 'id: <pack>.<name>'",
            "section id",
        )
        if found is None:
            return None
        m, sid = found
        values: dict[str, Any] = {}
        for key in ("title", "source", "intro"):
            if key in m:
                values[key] = self.text(m[key][1], key)
        items = self.read_list(m, "items", "item", lambda n: self.item(n, pack_id, sid))
        values["_keys"] = set(m)
        return _RawSection(sid, values, node_location(self.path, node), items)

    def item(self, node: yaml.Node, pack_id: str, section_id: str) -> _RawItem | None:
        found = self.identified(
            node,
            "an item",
            ITEM_KEYS,
            "this item has no 'id'; every item needs a stable, unique id",
            "id",
        )
        if found is None:
            return None
        m, item_id = found
        values, keylocs = self.key_values(m, ITEM_KEYS, self.item_value)
        location = node_location(self.path, node)
        return _RawItem(item_id, values, keylocs, location, pack_id, section_id)

    def item_value(self, key: str, node: yaml.Node) -> Any:
        if key in ("type", "answer"):
            allowed, what = (ITEM_TYPES, "type") if key == "type" else (ANSWER_KINDS, "answer kind")
            value = self.text(node, key)
            if value is not None and value not in allowed:
                self.problem(node, f"unknown {what} '{value}'; use one of: {', '.join(allowed)}")
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
        excludes, excludes_ok = self.excludes(m, self.regex_text)
        ok = ok and excludes_ok
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
