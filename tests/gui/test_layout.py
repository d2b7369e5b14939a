"""The GUI package keeps the app's shape: ``shell`` (the frame), ``pages`` (one package
per sidebar page) and ``widgets`` (what more than one page uses).

Checked by reading the source files (their ``import`` statements, through :mod:`ast`),
never by importing them: no module is longer than :data:`MAX_LINES`, pages never import
each other, and nothing below the pages imports one.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
GUI = REPO / "ips_reflect" / "gui"
PAGES = GUI / "pages"
WIDGETS = GUI / "widgets"
SHELL = GUI / "shell"
MAX_LINES = 600
PAGES_PACKAGE = "ips_reflect.gui.pages"
SIDEBAR_PAGES = {
    "home",
    "prepare",
    "before",
    "after",
    "journal",
    "trends",
    "flags",
    "supervision",
    "supervisees",
    "biography",
    "team",
    "guide",
}
#: The only shell modules that may import pages: they build the window and wire pages.
SHELL_WIRING = {"app.py", "flows.py"}


def gui_files(root: Path = GUI) -> list[Path]:
    return sorted(p for p in root.rglob("*.py") if "__pycache__" not in p.parts)


def module_name(path: Path) -> str:
    parts = path.relative_to(REPO).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def imports_in(source: str, module: str, is_package: bool = False) -> list[tuple[int, str]]:
    """``(line, module)`` for every import in ``source`` (the text of ``module``).

    Relative imports are resolved; ``from a import b`` gives both ``a`` and ``a.b``
    (``b`` may be a module); ``importlib.import_module("x")`` with a literal counts too.
    """
    package = module if is_package else module.rpartition(".")[0]
    found: list[tuple[int, str]] = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            found += [(node.lineno, alias.name) for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                parts = package.split(".")
                parts = parts[: len(parts) - (node.level - 1)]
                base = ".".join([*parts, node.module] if node.module else parts)
            else:
                base = node.module or ""
            found.append((node.lineno, base))
            found += [(node.lineno, f"{base}.{alias.name}") for alias in node.names]
        elif (
            isinstance(node, ast.Call)
            and getattr(node.func, "attr", getattr(node.func, "id", None)) == "import_module"
            and node.args
            and isinstance(node.args[0], ast.Constant)
            and isinstance(node.args[0].value, str)
        ):
            found.append((node.lineno, node.args[0].value))
    return found


def page_of(module: str) -> str | None:
    """The page package ``module`` belongs to (``ips_reflect.gui.pages.journal.models`` ->
    ``journal``); None outside the pages (the ``pages`` package itself included)."""
    if not module.startswith(PAGES_PACKAGE + "."):
        return None
    return module[len(PAGES_PACKAGE) + 1 :].split(".")[0]


def page_imports(path: Path) -> list[tuple[int, str, str]]:
    """``(line, module, page)`` for every import of a page module in ``path``."""
    found = imports_in(
        path.read_text(encoding="utf-8"), module_name(path), path.name == "__init__.py"
    )
    return [(line, name, page) for line, name in found if (page := page_of(name)) is not None]


def where(path: Path, line: int) -> str:
    return f"{path.relative_to(REPO)}:{line}"


# --------------------------------------------------------------------------- the checker


def test_the_checker_reads_absolute_and_relative_page_imports() -> None:
    source = (
        "from ips_reflect.gui.pages import trends\n"
        "from ips_reflect.gui.pages.journal.models import Column\n"
        "from ..flags import page\n"
        "from . import data\n"
        "import ips_reflect.gui.pages.home.page\n"
        "importlib.import_module('ips_reflect.gui.pages.team')\n"
    )
    found = imports_in(source, "ips_reflect.gui.pages.supervision.agenda")
    pages = [(line, page_of(name)) for line, name in found if page_of(name)]
    assert pages == [
        (1, "trends"),
        (2, "journal"),
        (2, "journal"),
        (3, "flags"),
        (3, "flags"),
        (4, "supervision"),
        (4, "supervision"),
        (5, "home"),
        (6, "team"),
    ]


def test_there_are_modules_to_check() -> None:
    assert len(gui_files(PAGES)) > len(SIDEBAR_PAGES)
    assert (SHELL / "app.py").is_file() and (WIDGETS / "theme.py").is_file()


# --------------------------------------------------------------------------- the rules


def test_each_sidebar_page_is_a_package() -> None:
    packages = {p.parent.name for p in PAGES.glob("*/__init__.py")}
    assert packages == SIDEBAR_PAGES


@pytest.mark.parametrize("page", sorted(SIDEBAR_PAGES))
def test_each_page_package_gives_its_create_page(page: str) -> None:
    """``ips_reflect.gui.pages.<page>`` exposes ``create_page`` and its controller."""
    tree = ast.parse((PAGES / page / "__init__.py").read_text(encoding="utf-8"))
    names = {
        alias.asname or alias.name
        for node in tree.body
        if isinstance(node, ast.ImportFrom)
        for alias in node.names
    }
    assert "create_page" in names
    assert any(n[0].isupper() and n.endswith(("Page", "Controller")) for n in names), names


def test_no_gui_module_is_longer_than_600_lines() -> None:
    long = {
        str(p.relative_to(REPO)): n
        for p in gui_files()
        if (n := len(p.read_text(encoding="utf-8").splitlines())) > MAX_LINES
    }
    assert long == {}, f"split these modules (at most {MAX_LINES} lines each): {long}"


def test_pages_never_import_each_other() -> None:
    crossing = [
        f"{where(path, line)}: {name}"
        for path in gui_files(PAGES)
        if (own := page_of(module_name(path))) is not None
        for line, name, page in page_imports(path)
        if page != own
    ]
    assert crossing == [], (
        "a page imports another page; move what they share to ips_reflect/gui/widgets "
        "or wire them in ips_reflect/gui/shell/app.py:\n" + "\n".join(crossing)
    )


def test_widgets_and_shell_plumbing_import_no_page() -> None:
    """What pages use sits below them: widgets, and the shell's plumbing (uiloader,
    views, workers...), never import a page. Only the shell's wiring does."""
    below = list(gui_files(WIDGETS))
    below += [p for p in gui_files(SHELL) if p.name not in SHELL_WIRING]
    up = [
        f"{where(path, line)}: {name}" for path in below for line, name, _page in page_imports(path)
    ]
    assert up == [], "imports a page from below the pages:\n" + "\n".join(up)
