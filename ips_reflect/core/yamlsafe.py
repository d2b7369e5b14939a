"""Safe, position-aware YAML reading shared by question packs and bio cards.

Files are parsed with PyYAML's SafeLoader only as far as the node graph
(``yaml.compose``); values are read from plain scalars, sequences and mappings
by the caller. Any explicit tag (``!!python/object``, ``!custom``) is reported
as a problem and never constructed, so nothing in a file can run code.

Every problem carries ``file:line:col`` of the node it concerns.
"""

from __future__ import annotations

import difflib
import os
import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import yaml

STR = "tag:yaml.org,2002:str"
SEQ = "tag:yaml.org,2002:seq"
MAP = "tag:yaml.org,2002:map"
SAFE_SCALARS = {
    STR,
    "tag:yaml.org,2002:int",
    "tag:yaml.org,2002:float",
    "tag:yaml.org,2002:bool",
    "tag:yaml.org,2002:null",
    "tag:yaml.org,2002:timestamp",
}
ID_RE = re.compile(r"^[a-z][a-z0-9_]*(?:\.[a-z0-9_]+)*$")


@dataclass(frozen=True)
class Location:
    file: str
    line: int
    col: int

    def __str__(self) -> str:
        return f"{self.file}:{self.line}:{self.col}"


@dataclass(frozen=True)
class Problem:
    location: Location
    message: str

    def __str__(self) -> str:
        return f"{self.location}: {self.message}"


def display_path(path: Path) -> str:
    """A path as people should see it: relative to the current folder when shorter."""
    try:
        rel = os.path.relpath(path)
    except ValueError:  # different drive on Windows
        return str(path)
    return rel if not rel.startswith("..") else str(path)


def node_location(path: str, node: yaml.Node | None) -> Location:
    if node is None:
        return Location(path, 1, 1)
    mark = node.start_mark
    return Location(path, mark.line + 1, mark.column + 1)


def describe(node: yaml.Node) -> str:
    """What a node holds, in words, for error messages."""
    if isinstance(node, yaml.MappingNode):
        return "a set of 'key: value' lines"
    if isinstance(node, yaml.SequenceNode):
        return "a list"
    tag = node.tag.rsplit(":", 1)[-1]
    if tag == "null" or node.value == "":
        return "nothing"
    if tag == "bool":
        return f"the true/false value '{node.value}'"
    if tag in ("int", "float"):
        return f"the number {node.value}"
    if tag == "timestamp":
        return f"the date {node.value}"
    return f"'{node.value}'"


def closest(word: str, options: Sequence[str]) -> str | None:
    match = difflib.get_close_matches(word, list(options), n=1, cutoff=0.6)
    return match[0] if match else None


class NodeReader:
    """Reads one YAML file node by node, collecting problems instead of raising."""

    def __init__(self, path: Path, problems: list[Problem]) -> None:
        self.path = display_path(path)
        self.real_path = path
        self.problems = problems

    def problem(self, node: yaml.Node | None, message: str) -> None:
        self.problems.append(Problem(node_location(self.path, node), message))

    def file_problem(self, message: str, line: int = 1, col: int = 1) -> None:
        self.problems.append(Problem(Location(self.path, line, col), message))

    def compose(self) -> yaml.Node | None:
        """Parse the file into nodes; None (with a problem recorded) if unusable."""
        try:
            raw = self.real_path.read_text(encoding="utf-8")
        except UnicodeDecodeError as exc:
            self.file_problem(f"the file is not UTF-8 text (byte {exc.start}); save it as UTF-8")
            return None
        except OSError as exc:
            self.file_problem(f"cannot read the file: {exc.strerror or exc}")
            return None
        try:
            root = yaml.compose(raw, Loader=yaml.SafeLoader)
        except yaml.MarkedYAMLError as exc:
            mark = exc.problem_mark or exc.context_mark
            line, col = (mark.line + 1, mark.column + 1) if mark else (1, 1)
            what = exc.problem or exc.context or "invalid YAML"
            self.file_problem(
                f"YAML syntax error: {what}; check the indentation and quotes here", line, col
            )
            return None
        except yaml.YAMLError as exc:
            self.file_problem(f"the file is not valid YAML ({exc}); check it in a text editor")
            return None
        except RecursionError:
            self.file_problem("the file is nested too deeply to be a valid file")
            return None
        if root is None:
            self.file_problem("the file is empty")
            return None
        if not self.check_tags(root):
            return None
        return root

    def check_tags(self, node: yaml.Node) -> bool:
        """Reject any tag that is not a plain YAML type. Returns False on a bad tag."""
        ok = True
        stack = [node]
        while stack:
            n = stack.pop()
            if isinstance(n, yaml.ScalarNode):
                allowed = n.tag in SAFE_SCALARS
            elif isinstance(n, yaml.SequenceNode):
                allowed = n.tag == SEQ
                stack.extend(n.value)
            else:
                allowed = n.tag == MAP
                for k, v in n.value:
                    stack.extend((k, v))
            if not allowed:
                self.problem(n, self._tag_message(n.tag))
                ok = False
        return ok

    @staticmethod
    def _tag_message(tag: str) -> str:
        short = tag.replace("tag:yaml.org,2002:", "!!")
        if "python/" in tag:
            return (
                f"the tag '{short}' asks YAML to run Python code, which is never allowed; "
                "remove the tag and write plain text"
            )
        return f"the tag '{short}' is not allowed; use plain text, lists and key: value pairs"

    def mapping(self, node: yaml.Node, what: str) -> dict[str, tuple[yaml.Node, yaml.Node]] | None:
        """A mapping's keys with their key and value nodes; duplicates are problems."""
        if not isinstance(node, yaml.MappingNode):
            found = describe(node)
            self.problem(node, f"expected {what} made of 'key: value' lines, found {found}")
            return None
        out: dict[str, tuple[yaml.Node, yaml.Node]] = {}
        for k, v in node.value:
            if not isinstance(k, yaml.ScalarNode) or k.tag != STR:
                self.problem(k, f"keys in {what} must be plain words")
                continue
            if k.value in out:
                first = node_location(self.path, out[k.value][0])
                self.problem(
                    k,
                    f"the key '{k.value}' appears twice in {what} (first at line {first.line}); "
                    "keep one",
                )
                continue
            out[k.value] = (k, v)
        return out

    def unknown_keys(
        self, m: dict[str, tuple[yaml.Node, yaml.Node]], allowed: Sequence[str], what: str
    ) -> None:
        for key, (knode, _v) in m.items():
            if key not in allowed:
                hint = closest(key, allowed)
                extra = f"; did you mean '{hint}'?" if hint else ""
                self.problem(
                    knode,
                    f"unknown key '{key}' in {what}{extra} (allowed: {', '.join(allowed)})",
                )

    def text(self, node: yaml.Node, key: str) -> str | None:
        if isinstance(node, yaml.ScalarNode) and node.tag == STR:
            value = str(node.value).strip()
            if not value:
                self.problem(node, f"'{key}' is empty; write the words or remove the key")
                return None
            return value
        self.problem(node, f"'{key}' must be text, found {describe(node)}; put the words in quotes")
        return None

    def ident(self, node: yaml.Node, key: str) -> str | None:
        value = self.text(node, key)
        if value is None:
            return None
        if not ID_RE.match(value):
            self.problem(
                node,
                f"'{value}' is not a valid {key}: use lower-case letters, digits and "
                "underscores, with dots between parts (for example prep.will_not_share)",
            )
            return None
        return value

    def text_list(self, node: yaml.Node, key: str, *, ids: bool = False) -> list[str] | None:
        if not isinstance(node, yaml.SequenceNode):
            self.problem(node, f"'{key}' must be a list ('- ' lines), found {describe(node)}")
            return None
        out: list[str] = []
        for child in node.value:
            value = self.ident(child, key) if ids else self.text(child, key)
            if value is not None:
                out.append(value)
        if not node.value:
            self.problem(node, f"'{key}' is an empty list; add entries or remove the key")
        return out
