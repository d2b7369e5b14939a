"""Safe, position-aware YAML reading shared by question packs and bio cards.

Files are parsed with PyYAML's SafeLoader only as far as the node graph
(``yaml.compose``); values are read from plain scalars, sequences and mappings
by the caller. Any explicit tag (``!!python/object``, ``!custom``) is reported
as a problem and never constructed, so nothing in a file can run code.

Every problem carries ``file:line:col`` of the node it concerns.

Reading is bounded so that no file can hang the app: the file must be a
regular file under a size limit (checked on the open descriptor before any
byte is parsed), anchors and aliases (``&name``/``*name``, the "billion
laughs" expansion) and merge keys (``<<``) are refused while composing, and the
number of nodes and their nesting depth are capped. Values quoted back in
messages are short excerpts with control characters escaped.
"""

from __future__ import annotations

import contextlib
import difflib
import os
import stat
import unicodedata
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

import yaml
from yaml.composer import Composer
from yaml.resolver import Resolver

from ips_reflect.core.ids import ID_RE
from ips_reflect.fileio import read_limited

_CParser: Any
try:  # libyaml's C parser, when PyYAML was built with it
    from yaml._yaml import CParser as _CParser
except ImportError:  # pragma: no cover - a PyYAML without libyaml
    _CParser = None

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
MERGE = "tag:yaml.org,2002:merge"

# Bounds for every file read here (question packs use the defaults; cards pass
# their own, smaller size limit).
MAX_FILE_BYTES = 2 * 1024 * 1024
MAX_NODES = 200_000
MAX_DEPTH = 64
EXCERPT_CHARS = 40

_ESCAPES = {"\n": "\\n", "\t": "\\t", "\r": "\\r"}


@dataclass(frozen=True)
class Location:
    file: str
    line: int
    col: int

    def __str__(self) -> str:
        return f"{self.file}:{self.line}:{self.col}"


@dataclass(frozen=True)
class Problem:
    """Something wrong at a place in a file. A ``warning`` does not stop the file being
    used (a team card whose photo is missing still goes in the booklet, with initials)."""

    location: Location
    message: str
    warning: bool = False

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


def excerpt(value: object, limit: int = EXCERPT_CHARS) -> str:
    """``value`` as text safe to quote in a message: at most ``limit`` characters
    (then "…"), with line breaks and other control characters escaped."""
    text = str(value)
    out = []
    for ch in text[:limit]:
        if ch in _ESCAPES:
            out.append(_ESCAPES[ch])
        elif unicodedata.category(ch) in ("Cc", "Cf", "Cs", "Zl", "Zp"):
            out.append(f"\\u{ord(ch):04x}")
        else:
            out.append(ch)
    return "".join(out) + ("…" if len(text) > limit else "")


def describe(node: yaml.Node) -> str:
    """What a node holds, in words, for error messages (values as short excerpts)."""
    if isinstance(node, yaml.MappingNode):
        return "a set of 'key: value' lines"
    if isinstance(node, yaml.SequenceNode):
        return "a list"
    tag = node.tag.rsplit(":", 1)[-1]
    if tag == "null" or node.value == "":
        return "nothing"
    if tag == "bool":
        return f"the true/false value '{excerpt(node.value)}'"
    if tag in ("int", "float"):
        return f"the number {excerpt(node.value)}"
    if tag == "timestamp":
        return f"the date {excerpt(node.value)}"
    return f"'{excerpt(node.value)}'"


def closest(word: str, options: Sequence[str]) -> str | None:
    match = difflib.get_close_matches(word, list(options), n=1, cutoff=0.6)
    return match[0] if match else None


class _Refused(Exception):
    """Composing stopped: ``message`` concerns the position ``mark``."""

    def __init__(self, mark: yaml.Mark | None, message: str) -> None:
        super().__init__(message)
        self.mark = mark
        self.message = message


class _Bounds:
    """Composing that refuses anchors, aliases and merge keys and caps the number of
    nodes and their depth, before any node graph exists. Mixed into a loader in front
    of PyYAML's (pure Python) :class:`~yaml.composer.Composer`, whatever parser
    gives it the events."""

    _what = ""
    _nodes = 0
    _depth = 0

    if TYPE_CHECKING:

        def peek_event(self) -> Any: ...

    def _problem(self, event: Any) -> str:
        """Why the node that ``event`` starts is refused ("" if it is not)."""
        if isinstance(event, yaml.AliasEvent) or getattr(event, "anchor", None) is not None:
            return (
                f"anchors and aliases (&name, *name) are not allowed in {self._what}; "
                "write the text out in full each time it is used"
            )
        if self._nodes > MAX_NODES:
            return (
                f"the file has more than {MAX_NODES:,} values, far more than {self._what} "
                "needs; split it into smaller files"
            )
        if self._depth > MAX_DEPTH:
            return (
                f"the file is nested more than {MAX_DEPTH} levels deep, far more than "
                f"{self._what} needs; check the indentation here"
            )
        return ""

    def compose_node(self, parent: yaml.Node | None, index: Any) -> yaml.Node | None:
        event = self.peek_event()
        self._nodes += 1
        self._depth += 1
        problem = self._problem(event)
        if problem:
            raise _Refused(event.start_mark, problem)
        try:
            node = super().compose_node(parent, index)  # type: ignore[misc]
        finally:
            self._depth -= 1
        if isinstance(node, yaml.ScalarNode) and node.tag == MERGE:
            if isinstance(parent, yaml.MappingNode) and index is None:
                message = (
                    f"merge keys ('<<') are not allowed in {self._what}; write the keys out in full"
                )
            else:
                message = "'<<' has a special meaning in YAML; put it in quotes: \"<<\""
            raise _Refused(node.start_mark, message)
        return node


class _BoundedLoader(_Bounds, yaml.SafeLoader):
    """The pure-Python bounded loader: PyYAML's scanner and parser."""

    def __init__(self, stream: str, what: str) -> None:
        yaml.SafeLoader.__init__(self, stream)
        self._what = what


if _CParser is not None:

    class _CBoundedLoader(_Bounds, Composer, _CParser, Resolver):
        """The same bounds with libyaml's C scanner and parser: only the events come
        from C; composing (where the bounds are checked) is PyYAML's Python
        :class:`~yaml.composer.Composer` (listed before the C parser, so its
        ``get_single_node`` and ``compose_node`` are the ones used)."""

        def __init__(self, stream: str, what: str) -> None:
            _CParser.__init__(self, stream)
            Composer.__init__(self)
            Resolver.__init__(self)
            self._what = what


def _compose(raw: str, what: str, *, fast: bool) -> yaml.Node | None:
    """The single document of ``raw`` as nodes; raises like :class:`_BoundedLoader`."""
    loader: Any = None
    try:
        loader = (
            _CBoundedLoader(raw, what)
            if fast and _CParser is not None
            else _BoundedLoader(raw, what)
        )
        node: yaml.Node | None = loader.get_single_node()
        return node
    finally:
        if loader is not None:
            loader.dispose()


def compose_bounded(raw: str, what: str) -> yaml.Node | None:
    """``raw`` composed within the bounds (see :class:`_Bounds`), with libyaml's C parser
    when PyYAML has it. A file the C parser refuses for any reason (syntax, a bound, an
    anchor) is composed again by the pure-Python loader, so the problem, its message
    and its position are exactly the ones the pure loader reports; only files both
    accept are read by the C parser alone."""
    if _CParser is not None:
        with contextlib.suppress(_Refused, yaml.YAMLError, RecursionError):
            return _compose(raw, what, fast=True)
    return _compose(raw, what, fast=False)


def _open_flags(follow_symlinks: bool) -> int:
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)
    flags |= getattr(os, "O_CLOEXEC", 0)
    if not follow_symlinks:
        flags |= getattr(os, "O_NOFOLLOW", 0)
    return flags


class FileRefused(Exception):
    """A file that must not be read; ``message`` says why, for the person."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


def read_bounded(
    path: Path, max_bytes: int, *, follow_symlinks: bool = True, what: str = "the file"
) -> bytes:
    """The bytes of a regular file no larger than ``max_bytes``, read once.

    Opened without blocking (a FIFO never hangs) and, unless ``follow_symlinks``,
    refusing a symbolic link; the type and size are checked on the open
    descriptor. Raises :class:`FileRefused` or :class:`OSError`.
    """
    if not follow_symlinks:
        st = os.lstat(path)
        if stat.S_ISLNK(st.st_mode):
            raise FileRefused(
                f"{what} is a symbolic link (a shortcut to another file), which is not "
                "read; copy the real file here instead"
            )
    fd = os.open(path, _open_flags(follow_symlinks))
    try:
        st = os.fstat(fd)
        if stat.S_ISDIR(st.st_mode):
            raise FileRefused(f"{what} is a folder, not a file")
        if not stat.S_ISREG(st.st_mode):
            raise FileRefused(
                f"{what} is not an ordinary file (a device, pipe or socket); "
                "give a file saved with a text editor"
            )
        if st.st_size > max_bytes:
            raise FileRefused(
                f"{what} is {_size(st.st_size)}, larger than the limit of {_size(max_bytes)}; "
                "check that this is the right file"
            )
        data = read_limited(fd, max_bytes)
        if data is None:  # it grew while being read
            raise FileRefused(
                f"{what} is larger than the limit of {_size(max_bytes)}; "
                "check that this is the right file"
            )
        return data
    finally:
        os.close(fd)


def _size(n: int) -> str:
    if n >= 1024 * 1024:
        return f"{n / 1024 / 1024:.1f} MB"
    if n >= 1024:
        return f"{n / 1024:.0f} KB"
    return f"{n} bytes"


class NodeReader:
    """Reads one YAML file node by node, collecting problems instead of raising.

    ``max_bytes`` caps the file's size; with ``follow_symlinks=False`` a file
    that is a symbolic link is refused. ``what`` names the kind of file in
    messages. After :meth:`compose`, ``source`` holds the text that was parsed.
    """

    max_bytes = MAX_FILE_BYTES
    follow_symlinks = True
    what = "a question pack"

    def __init__(self, path: Path, problems: list[Problem]) -> None:
        self.path = display_path(path)
        self.real_path = path
        self.problems = problems
        self.source = ""

    def problem(self, node: yaml.Node | None, message: str) -> None:
        self.problems.append(Problem(node_location(self.path, node), message))

    def file_problem(self, message: str, line: int = 1, col: int = 1) -> None:
        self.problems.append(Problem(Location(self.path, line, col), message))

    def compose(self) -> yaml.Node | None:
        """Parse the file into nodes; None (with a problem recorded) if unusable."""
        try:
            data = read_bounded(
                self.real_path,
                self.max_bytes,
                follow_symlinks=self.follow_symlinks,
                what="the file",
            )
            raw = data.decode("utf-8")
        except FileRefused as exc:
            self.file_problem(exc.message)
            return None
        except UnicodeDecodeError as exc:
            self.file_problem(f"the file is not UTF-8 text (byte {exc.start}); save it as UTF-8")
            return None
        except (OSError, ValueError) as exc:  # ValueError: a NUL character in the name
            reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else "bad name"
            self.file_problem(f"cannot read the file: {reason}")
            return None
        self.source = raw
        try:
            root = compose_bounded(raw, self.what)
        except _Refused as exc:
            mark = exc.mark
            line, col = (mark.line + 1, mark.column + 1) if mark else (1, 1)
            self.file_problem(exc.message, line, col)
            return None
        except yaml.MarkedYAMLError as exc:
            mark = exc.problem_mark or exc.context_mark
            line, col = (mark.line + 1, mark.column + 1) if mark else (1, 1)
            what = excerpt(exc.problem or exc.context or "invalid YAML", 120)
            self.file_problem(
                f"YAML syntax error: {what}; check the indentation and quotes here", line, col
            )
            return None
        except yaml.YAMLError as exc:
            self.file_problem(
                f"the file is not valid YAML ({excerpt(exc, 120)}); check it in a text editor"
            )
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
        short = excerpt(tag.replace("tag:yaml.org,2002:", "!!"))
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
                    f"the key '{excerpt(k.value)}' appears twice in {what} "
                    f"(first at line {first.line}); "
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
                    f"unknown key '{excerpt(key)}' in {what}{extra} "
                    f"(allowed: {', '.join(allowed)})",
                )

    def identified(
        self, node: yaml.Node, what: str, allowed: Sequence[str], no_id: str, id_key: str
    ) -> tuple[dict[str, tuple[yaml.Node, yaml.Node]], str] | None:
        """A mapping (see :meth:`mapping`) that must have a valid ``id``, with that id;
        None, with the problem noted, when it has none (``no_id`` says so)."""
        m = self.mapping(node, what)
        if m is None:
            return None
        self.unknown_keys(m, allowed, what)
        if "id" not in m:
            self.problem(node, no_id)
            return None
        ident = self.ident(m["id"][1], id_key)
        if ident is None:
            return None
        return m, ident

    def key_values(
        self,
        m: dict[str, tuple[yaml.Node, yaml.Node]],
        allowed: Sequence[str],
        read: Callable[[str, yaml.Node], Any],
    ) -> tuple[dict[str, Any], dict[str, Location]]:
        """The allowed keys of ``m`` but ``id``, each value as ``read(key, node)`` gives it
        (left out when None), and where each key is written."""
        values: dict[str, Any] = {}
        keylocs: dict[str, Location] = {}
        for key, (knode, vnode) in m.items():
            if key not in allowed or key == "id":
                continue
            keylocs[key] = node_location(self.path, knode)
            value = read(key, vnode)
            if value is not None:
                values[key] = value
        return values, keylocs

    def excludes(
        self,
        m: dict[str, tuple[yaml.Node, yaml.Node]],
        regex_text: Callable[[yaml.Node, str], str | None],
    ) -> tuple[list[str], bool]:
        """The regexes of the ``exclude`` list in ``m`` (none without one), each checked
        by ``regex_text``, and whether the list and all of them were valid."""
        out: list[str] = []
        if "exclude" not in m:
            return out, True
        enode = m["exclude"][1]
        if not isinstance(enode, yaml.SequenceNode) or not enode.value:
            self.problem(enode, "'exclude' must be a list of regexes ('- ' lines)")
            return out, False
        ok = True
        for child in enode.value:
            value = regex_text(child, "exclude")
            if value is None:
                ok = False
            else:
                out.append(value)
        return out, ok

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
                f"'{excerpt(value)}' is not a valid {key}: use lower-case letters, digits and "
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
