"""libyaml's C parser reads the packs when PyYAML has it, with every guarantee of the
pure-Python bounded loader: the same nodes, and for a refused file the same problem
at the same place; without libyaml the pure loader reads alone."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

from ips_reflect.core import yamlsafe
from ips_reflect.core.content import check_content
from ips_reflect.core.yamlsafe import MAX_DEPTH, MAX_NODES, NodeReader, Problem

pytestmark = pytest.mark.timeout(60)

REPO = Path(__file__).resolve().parent.parent.parent
YAML_FILES = sorted(
    p for p in [*REPO.glob("content/*.yaml"), *REPO.glob("tests/data/**/*.yaml")] if p.is_file()
)
needs_libyaml = pytest.mark.skipif(yamlsafe._CParser is None, reason="PyYAML has no libyaml")


def _tree(node: yaml.Node | None) -> Any:
    if node is None:
        return None
    mark = (node.start_mark.line, node.start_mark.column)
    end = (node.end_mark.line, node.end_mark.column)
    if isinstance(node, yaml.ScalarNode):
        return ("scalar", node.tag, node.value, mark, end, node.style or None)
    if isinstance(node, yaml.SequenceNode):
        return ("seq", node.tag, mark, [_tree(n) for n in node.value])
    return ("map", node.tag, mark, [(_tree(k), _tree(v)) for k, v in node.value])


@needs_libyaml
def test_the_c_parser_is_used(monkeypatch: pytest.MonkeyPatch) -> None:
    used: list[bool] = []
    real = yamlsafe._compose

    def spy(raw: str, what: str, *, fast: bool) -> Any:
        used.append(fast)
        return real(raw, what, fast=fast)

    monkeypatch.setattr(yamlsafe, "_compose", spy)
    assert yamlsafe.compose_bounded("a: [1, 2]\n", "a test") is not None
    assert used == [True]


@needs_libyaml
@pytest.mark.parametrize("path", YAML_FILES, ids=lambda p: p.name)
def test_both_parsers_give_the_same_nodes(path: Path) -> None:
    raw = path.read_text(encoding="utf-8")
    fast = yamlsafe._compose(raw, "a test", fast=True)
    pure = yamlsafe._compose(raw, "a test", fast=False)
    assert _tree(fast) == _tree(pure)


HOSTILE = {
    "anchor": "a: &x 1\nb: 2\n",
    "alias": "a: 1\nb: *x\n",
    "merge": "base: {a: 1}\nother:\n  <<: {b: 2}\n",
    "merge as a value": "a: <<\n",
    "deep": "a: " + "[" * (MAX_DEPTH + 5) + "]" * (MAX_DEPTH + 5) + "\n",
    "many nodes": "a: [" + ",".join(["1"] * (MAX_NODES + 5)) + "]\n",
    "syntax": "a: [1, 2\nb: 3\n",
    "tab": "a:\n\tb: 1\n",
    "two documents": "a: 1\n---\nb: 2\n",
    "bad escape": 'a: "\\q"\n',
    "control character": "a: b\x07c\n",
    "python tag": "a: !!python/object/apply:os.system ['true']\n",
}


class _Reader(NodeReader):
    what = "a test file"


def _problems(path: Path) -> list[Problem]:
    problems: list[Problem] = []
    _Reader(path, problems).compose()
    return problems


@pytest.mark.parametrize("name", sorted(HOSTILE))
def test_refusals_are_the_pure_loaders_word_for_word(
    name: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "f.yaml"
    path.write_text(HOSTILE[name], encoding="utf-8")
    with_c = _problems(path)
    monkeypatch.setattr(yamlsafe, "_CParser", None)
    pure = _problems(path)
    assert with_c == pure
    assert len(pure) >= 1


def test_without_libyaml_the_pure_loader_reads_alone(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(yamlsafe, "_CParser", None)
    used: list[bool] = []
    real = yamlsafe._compose

    def spy(raw: str, what: str, *, fast: bool) -> Any:
        used.append(fast)
        return real(raw, what, fast=fast)

    monkeypatch.setattr(yamlsafe, "_compose", spy)
    content, problems = check_content(REPO / "content")
    assert content is not None and problems == []
    assert used and not any(used)


@needs_libyaml
def test_the_c_path_refuses_on_its_own(monkeypatch: pytest.MonkeyPatch) -> None:
    """The bounds are checked on the C parser's events too, not only by the fallback."""
    for name in ("anchor", "alias", "merge", "deep", "many nodes"):
        with pytest.raises(yamlsafe._Refused):
            yamlsafe._compose(HOSTILE[name], "a test", fast=True)
