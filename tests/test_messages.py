"""The messages package: every message is used, defined once, and re-exported.

``ips_reflect/messages/`` holds every user-facing sentence that is not question
content, one module per area (journal, vault, supervision, ...). Code reads them
as ``messages.NAME``, so the package re-exports each area's ``__all__``. These
tests keep it tidy: a message nothing shows any more fails here (delete it), as
does a name defined twice, an area module grown too long, or an ``__all__`` that
no longer matches what the modules define.

Sources are read and parsed once per test session.
"""

from __future__ import annotations

import ast
import importlib
import pkgutil
import re
from functools import cache
from pathlib import Path
from types import ModuleType

from ips_reflect import messages

REPO = Path(__file__).resolve().parent.parent
APP = REPO / "ips_reflect"
PACKAGE = APP / "messages"
MAX_LINES = 600


@cache
def _areas() -> dict[str, ModuleType]:
    """Every area module of the package, by name (``journal``, ``vault``, ...)."""
    names = sorted(info.name for info in pkgutil.iter_modules(messages.__path__))
    return {name: importlib.import_module(f"{messages.__name__}.{name}") for name in names}


@cache
def _source(area: str) -> str:
    return (PACKAGE / f"{area}.py").read_text(encoding="utf-8")


@cache
def _defined(area: str) -> tuple[str, ...]:
    """The public names an area module assigns at top level, in order (repeats kept)."""
    names = []
    for node in ast.parse(_source(area)).body:
        targets = node.targets if isinstance(node, ast.Assign) else []
        if isinstance(node, ast.AnnAssign):
            targets = [node.target]
        for target in targets:
            if isinstance(target, ast.Name) and not target.id.startswith("_"):
                names.append(target.id)
    return tuple(names)


@cache
def _app_words() -> frozenset[str]:
    """Every identifier-like word in ``ips_reflect/`` outside the messages package."""
    words: set[str] = set()
    pattern = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")
    for path in APP.rglob("*.py"):
        if path.is_relative_to(PACKAGE):
            continue
        words.update(pattern.findall(path.read_text(encoding="utf-8")))
    return frozenset(words)


def test_there_are_area_modules_with_messages():
    """The package is split into area modules, each of which defines some messages."""
    areas = _areas()
    assert {"journal", "vault", "supervision", "cli"} <= set(areas)
    for area in areas:
        assert _defined(area), f"messages/{area}.py defines no messages"


def test_every_message_is_used_by_the_app():
    """Each exported message is named somewhere in ``ips_reflect/`` outside this package.

    A message only the tests mention is not shown to anyone, so it counts as unused:
    delete it (and its test) rather than keep dead text to review and translate.
    """
    words = _app_words()
    unused = sorted(name for name in messages.__all__ if name not in words)
    assert not unused, f"{len(unused)} message(s) that nothing in ips_reflect/ uses: {unused}"


def test_no_name_is_defined_twice():
    """No two area modules (nor one module twice) define the same name."""
    where: dict[str, list[str]] = {}
    for area in _areas():
        for name in _defined(area):
            where.setdefault(name, []).append(area)
    twice = {name: areas for name, areas in where.items() if len(areas) > 1}
    assert not twice, f"defined more than once (module per definition): {twice}"


def test_every_area_module_is_short_enough_to_review():
    """Each area module stays under the line limit; split an area that outgrows it."""
    long = {area: n for area in _areas() if (n := len(_source(area).splitlines())) >= MAX_LINES}
    assert not long, f"area modules with {MAX_LINES} lines or more: {long}"


def test_each_area_module_all_lists_exactly_what_it_defines():
    """An area's ``__all__`` names each message it defines, once, and nothing else."""
    for area, module in _areas().items():
        listed = list(module.__all__)
        assert len(listed) == len(set(listed)), f"messages/{area}.py lists a name twice"
        assert set(listed) == set(_defined(area)), (
            f"messages/{area}.py: __all__ misses {sorted(set(_defined(area)) - set(listed))}, "
            f"lists undefined {sorted(set(listed) - set(_defined(area)))}"
        )


def test_the_package_exports_the_union_of_the_area_modules():
    """``messages.__all__`` and the package namespace hold exactly the areas' names."""
    union = {name for module in _areas().values() for name in module.__all__}
    assert len(messages.__all__) == len(set(messages.__all__)), "messages.__all__ repeats a name"
    assert set(messages.__all__) == union
    public = {name for name in vars(messages) if name.isupper()}
    assert public == union, (
        f"in the namespace only: {sorted(public - union)}; missing: {sorted(union - public)}"
    )
    for module in _areas().values():
        for name in module.__all__:
            assert getattr(messages, name) is getattr(module, name), name
